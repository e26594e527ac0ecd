#!/usr/bin/env bash
# The pipeline against the peers users would pick instead, on the same files in the same run: sharp (libvips, the
# engine of AWS's Serverless Image Handler) and Pillow (the original system's engine). Every tool runs one thread
# with the same rules and encoder settings (auto-orient, metadata stripped, JPEG q85, PNG zlib 3, WebP q85).
#
#   scripts/compare_peers.sh [rounds, default 3] [copies per batch, default 6]
#
# Per cell (input × rule) each tool processes a batch of 1 file and a batch of 1 + copies files in one process; the
# per-upload CPU time (user + system, every thread) is the difference divided by the copies, so start-up is
# subtracted. Tools take turns within each round; the table shows medians of the rounds, the pipeline's ratio to the
# fastest peer, each output's quality against a Lanczos3 reference and its size. Writes artifacts/perf/peers.md.
#
# Installs what it needs: npm sharp@0.35.5 into artifacts/perf/peers-node, Debian's python3-pil (as root).
set -euo pipefail
source "$(dirname "$0")/perf_common.sh"

rounds="${1:-3}"
copies="${2:-6}"
work="$PERF_WORK/peers"
peers="$REPO_ROOT/scripts/peers"
node_prefix="$PERF_WORK/peers-node"
pil_python=/usr/bin/python3

command -v node >/dev/null || { echo "error: node (20+) is needed for sharp" >&2; exit 2; }
if [[ ! -d "$node_prefix/node_modules/sharp" ]]; then
  echo "installing sharp@0.35.5 into $node_prefix" >&2
  mkdir -p "$node_prefix"
  npm install --prefix "$node_prefix" --no-audit --no-fund --loglevel=error sharp@0.35.5 >&2
fi
if ! "$pil_python" -c 'import PIL' 2>/dev/null; then
  [[ "$(id -u)" == 0 ]] || { echo "error: Debian's python3-pil is needed (apt-get install python3-pil)" >&2; exit 2; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pil >/dev/null
fi

perf_build
rm -rf "$work"
mkdir -p "$work"
perf_generate generate-peers "$work/inputs"

# cpu_of <tool> <rule> <in-dir> <out-dir>: the CPU seconds of one process over the directory, on one thread.
cpu_of() {
  local tool="$1" rule="$2" input="$3" output="$4" command
  rm -rf "$output"
  case "$tool" in
    pipeline) command=(env VIPS_CONCURRENCY=1 dotnet "$HOST_DLL" process "$input" --out "$output") ;;
    sharp) command=(env UV_THREADPOOL_SIZE=1 SHARP_PREFIX="$node_prefix" node "$peers/sharp_batch.mjs" "$rule" "$input" "$output") ;;
    pillow) command=("$pil_python" "$peers/pillow_batch.py" "$rule" "$input" "$output") ;;
  esac
  if ! python3 "$peers/cpu_time.py" "${command[@]}" 2>"$work/stderr" >/dev/null; then
    cat "$work/stderr" >&2
    echo "error: $tool failed on $input" >&2
    exit 1
  fi
  local measured
  measured="$(tail -1 "$work/stderr")"
  echo "${measured%% *}"
}

declare -A suffix=([fit]="" [thumb]="_thumb" [grayscale]="_grayscale")
for file in "$work"/inputs/*; do
  name="$(basename "$file")"
  stem="${name%.*}"
  extension="${name##*.}"
  for rule in fit thumb grayscale; do
    for size in one many; do
      folder="$work/batch/$stem/$rule/$size"
      mkdir -p "$folder"
      count=$([[ $size == one ]] && echo 1 || echo $((copies + 1)))
      for i in $(seq -w 1 "$count"); do cp "$file" "$folder/$stem-$i${suffix[$rule]}.$extension"; done
    done
  done
done

measurements="$work/measurements.jsonl"
: >"$measurements"
tools=(pipeline sharp pillow)
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds" >&2
  for file in "$work"/inputs/*; do
    stem="$(basename "${file%.*}")"
    for rule in fit thumb grayscale; do
      # A different tool starts each cell, so a slow spell on a shared machine does not always fall on one.
      for t in 0 1 2; do
        tool="${tools[$(((t + round) % 3))]}"
        batch="$work/batch/$stem/$rule"
        one="$(cpu_of "$tool" "$rule" "$batch/one" "$work/out-one")"
        many="$(cpu_of "$tool" "$rule" "$batch/many" "$work/out/$tool/$stem/$rule")"
        python3 -c 'import json, sys; r, i, ru, t, one, many, n = sys.argv[1:]; print(json.dumps({"round": int(r), "input": i, "rule": ru, "tool": t, "ms": round((float(many) - float(one)) * 1000 / int(n), 1)}))' \
          "$round" "$stem" "$rule" "$tool" "$one" "$many" "$copies" >>"$measurements"
      done
    done
  done
done

report="$PERF_WORK/peers.md"
{
  echo "$(perf_machine); $rounds rounds of $copies copies; $(node -e "console.log('sharp ' + require('$node_prefix/node_modules/sharp/package.json').version + ', libvips ' + require('$node_prefix/node_modules/sharp').versions.vips)"); Pillow $("$pil_python" -c 'import PIL; print(PIL.__version__)')"
  echo
  "$pil_python" "$peers/peers_report.py" "$measurements" "$work/inputs" "$work/out"
} >"$report"
cat "$report"
