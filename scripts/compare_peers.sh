#!/usr/bin/env bash
# The pipeline against the peers users would pick instead, on the same files in the same run: sharp (libvips, the
# engine of AWS's Serverless Image Handler) and Pillow (the original system's engine), with ImageSharp 2.1.13 (the
# design card's library, the benchmark's baseline) beside them. Every tool runs one thread
# with the same rules and encoder settings (auto-orient, metadata stripped, JPEG q85, PNG zlib 3, WebP q85), and each
# reads a file into memory and decodes it from there, as a Lambda function gets an S3 object.
#
#   scripts/compare_peers.sh [rounds, default 3] [copies per batch, default 6] [warm-ups, default 120]
#   PEERS_INPUTS=jpeg-4096,webp-4096 scripts/compare_peers.sh   # only those inputs (default: all five)
#
# Per cell (input × rule) each tool processes one batch in one process: warm-ups, then copies of the input. Every
# tool times each file itself in CPU time (user + system of the whole process, every thread, the JIT's included) and
# prints it; only the copies count, so start-up and the first uploads of a process are left out: each tool is measured
# at its steady speed, as in a Lambda container that has served a while. The warm-ups are the same kind of file at
# half the size (the benchmark's generate-peer-warm-ups), then 20 copies of the input itself, because half the size
# can take another decode path (a 2000×1500 JPEG fitted into 1024 is not shrunk on load; 4000×3000 is); after them
# sharp's and Pillow's figures have stopped drifting, and the .NET tools go through them again until 40 uploads in a
# row compiled no method, because .NET promotes methods in waves well past the 120th upload (docs/performance.md,
# "Warm-up of a container"). Tools take turns within each round; the table shows the median over every copy of
# every round (a slow spell on a shared machine lands on a few files, not on the median), the pipeline's ratio to
# the fastest peer, each output's quality against a Lanczos3 reference and its size. Writes artifacts/perf/peers.md.
#
# Installs what it needs: npm sharp@0.35.5 into artifacts/perf/peers-node, Debian's python3-pil (as root).
set -euo pipefail
source "$(dirname "$0")/perf_common.sh"

rounds="${1:-3}"
copies="${2:-6}"
warm_ups="${3:-120}"
full_size_warm_ups=20
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
  # shellcheck source=lib/debian.sh
  source "$REPO_ROOT/scripts/lib/debian.sh"
  debian_install python3-pil || { echo "error: Debian's python3-pil is needed (apt-get install python3-pil, as root)" >&2; exit 2; }
fi

perf_build_benchmarks
rm -rf "$work"
mkdir -p "$work"
perf_generate generate-peers "$work/inputs"
if [[ -n "${PEERS_INPUTS:-}" ]]; then
  for file in "$work"/inputs/*; do
    stem="$(basename "${file%.*}")"
    [[ ",$PEERS_INPUTS," == *",$stem,"* ]] || rm "$file"
  done
  [[ -n "$(ls "$work/inputs")" ]] || { echo "error: PEERS_INPUTS names none of the inputs" >&2; exit 2; }
fi
perf_generate generate-peer-warm-ups "$work/warm-ups"

# per_file_cpu <tool> <rule> <in-dir> <out-dir>: the tool's timing lines for the directory ("cpu-ms <name> <ms>", the
# .NET tools' "warm-ups-added <n>"), on one thread.
per_file_cpu() {
  local tool="$1" rule="$2" input="$3" output="$4" command
  rm -rf "$output"
  case "$tool" in
    # The function's runtimeconfig turns tiered PGO off (ADR 0010); the benchmark project's does not.
    pipeline) command=(env VIPS_CONCURRENCY=1 DOTNET_TieredPGO=0 dotnet "$BENCH_DLL" pipeline-batch "$input" "$output") ;;
    # An upload sent with a SHA-256 checksum: S3 hands the function the digest it records (docs/contracts.md).
    pipeline-s3-sha256) command=(env VIPS_CONCURRENCY=1 DOTNET_TieredPGO=0 dotnet "$BENCH_DLL" pipeline-batch --sha256-from-store "$input" "$output") ;;
    imagesharp) command=(dotnet "$BENCH_DLL" imagesharp-batch "$input" "$output") ;;
    sharp) command=(env UV_THREADPOOL_SIZE=1 SHARP_PREFIX="$node_prefix" node "$peers/sharp_batch.mjs" "$rule" "$input" "$output") ;;
    pillow) command=("$pil_python" "$peers/pillow_batch.py" "$rule" "$input" "$output") ;;
  esac
  if ! "${command[@]}" 2>"$work/stderr" >/dev/null; then
    cat "$work/stderr" >&2
    echo "error: $tool failed on $input" >&2
    exit 1
  fi
  grep -E '^(cpu-ms|warm-ups-added) ' "$work/stderr"
}

declare -A suffix=([fit]="" [thumb]="_thumb" [grayscale]="_grayscale")
for file in "$work"/inputs/*; do
  name="$(basename "$file")"
  stem="${name%.*}"
  extension="${name##*.}"
  for rule in fit thumb grayscale; do
    folder="$work/batch/$stem/$rule"
    mkdir -p "$folder"
    for i in $(seq -w 1 "$warm_ups"); do cp "$work/warm-ups/$name" "$folder/0-warm-$i${suffix[$rule]}.$extension"; done
    for i in $(seq -w 1 "$full_size_warm_ups"); do cp "$file" "$folder/0-warm-full-$i${suffix[$rule]}.$extension"; done
    for i in $(seq -w 1 "$copies"); do cp "$file" "$folder/$stem-$i${suffix[$rule]}.$extension"; done
  done
done

measurements="$work/measurements.jsonl"
: >"$measurements"
tools=(pipeline pipeline-s3-sha256 sharp pillow imagesharp)
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds" >&2
  cell=0
  for file in "$work"/inputs/*; do
    stem="$(basename "${file%.*}")"
    for rule in fit thumb grayscale; do
      cell=$((cell + 1))
      # A different tool starts each cell, so a slow spell on a shared machine does not always fall on one.
      for t in "${!tools[@]}"; do
        tool="${tools[$(((t + round + cell) % ${#tools[@]}))]}"
        per_file_cpu "$tool" "$rule" "$work/batch/$stem/$rule" "$work/out/$tool/$stem/$rule" |
          python3 "$peers/record_timings.py" "$round" "$stem" "$rule" "$tool" >>"$measurements"
      done
    done
  done
done

report="$PERF_WORK/peers.md"
{
  echo "$(perf_machine); $rounds rounds of $copies copies after $warm_ups half-size and $full_size_warm_ups full-size warm-ups, median per file; $(node -e "console.log('sharp ' + require('$node_prefix/node_modules/sharp/package.json').version + ', libvips ' + require('$node_prefix/node_modules/sharp').versions.vips)"); Pillow $("$pil_python" -c 'import PIL; print(PIL.__version__)')"
  echo
  "$pil_python" "$peers/peers_report.py" "$measurements" "$work/inputs" "$work/out"
} >"$report"
cat "$report"
