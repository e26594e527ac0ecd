#!/usr/bin/env bash
# CPU seconds and peak RSS of a fresh `process` run for each crafted input (small, valid files that cost far more
# than ordinary ones: thousands of JPEG scans, Adam7 16-bit PNG, one-byte IDAT chunks, lossless and animated WebP)
# under each rule, with the verdict. The inputs come from ImageProcessing.Benchmarks (generate-crafted) and jpegtran.
#
#   scripts/measure_crafted.sh                          (writes artifacts/perf/crafted.md too)
#   BEFORE_HOST_DLL=/path/to/old/ImageProcessing.FunctionHost.dll scripts/measure_crafted.sh
#     adds columns for another build, e.g. one from before the bounds (git worktree + dotnet build -c Release).
set -euo pipefail
source "$(dirname "$0")/perf_common.sh"
if ! command -v jpegtran >/dev/null && [[ $(id -u) == 0 ]]; then
  apt-get install -y -qq libjpeg-turbo-progs >/dev/null
fi
perf_require /usr/bin/time jpegtran

perf_build
inputs="$PERF_WORK/crafted"
perf_generate generate-crafted "$inputs"
jpegtran -progressive -outfile "$inputs/jpeg-4096-progressive.jpg" "$inputs/jpeg-4096-baseline.jpg"
jpegtran -scans "$inputs/scans-64.txt" -outfile "$inputs/jpeg-4096-64-scans.jpg" "$inputs/jpeg-4096-baseline.jpg"
for script in "$inputs"/many-scans/chunk-*.txt; do
  jpegtran -scans "$script" -outfile "${script%.txt}.jpg" "$inputs/jpeg-4096-baseline.jpg"
done
dotnet "$BENCH_DLL" splice-scans "$inputs/jpeg-4096-2080-scans.jpg" "$inputs"/many-scans/chunk-*.jpg >&2

# measure <host dll> <file>: "cpu-seconds peak-MB verdict" of one fresh run.
measure() {
  local dll="$1" file="$2" out="$PERF_WORK/crafted-out"
  rm -rf "$out"
  /usr/bin/time -f '%U %S %M' -o "$PERF_WORK/crafted-time.txt" \
    dotnet "$dll" process "$file" --out "$out" --json >"$PERF_WORK/crafted-last.json" 2>/dev/null || true
  read -r user sys kb <"$PERF_WORK/crafted-time.txt"
  local verdict
  verdict=$(python3 -c 'import json,sys; r=json.loads(open(sys.argv[1]).readline()); print(r.get("reason") or r["status"])' "$PERF_WORK/crafted-last.json")
  awk -v u="$user" -v s="$sys" -v kb="$kb" -v v="$verdict" 'BEGIN { printf "%.2f %.0f %s", u + s, kb / 1024, v }'
}

report="$PERF_WORK/crafted.md"
{
  echo "$(perf_machine), one fresh process per row (start-up included)"
  echo
  if [[ -n ${BEFORE_HOST_DLL:-} ]]; then
    echo "| input | bytes | rule | before: CPU s | before: peak MB | before: verdict | CPU s | peak MB | verdict |"
    echo "|---|---:|---|---:|---:|---|---:|---:|---|"
  else
    echo "| input | bytes | rule | CPU s | peak MB | verdict |"
    echo "|---|---:|---|---:|---:|---|"
  fi
  for name in jpeg-4096-baseline.jpg jpeg-4096-progressive.jpg jpeg-4096-64-scans.jpg jpeg-4096-2080-scans.jpg \
    png-4096-adam7-16bit.png png-4096-one-byte-idats.png webp-4096-lossless.webp webp-1024-64-frames.webp; do
    for suffix in "" _thumb _grayscale; do
      file="$PERF_WORK/crafted-case/${name%.*}$suffix.${name##*.}"
      mkdir -p "$(dirname "$file")"
      cp "$inputs/$name" "$file"
      rule=${suffix:-fit}
      row="| \`$name\` | $(stat -c %s "$inputs/$name") | ${rule#_} |"
      if [[ -n ${BEFORE_HOST_DLL:-} ]]; then
        read -r cpu mb verdict <<<"$(measure "$BEFORE_HOST_DLL" "$file")"
        row="$row $cpu | $mb | $verdict |"
      fi
      read -r cpu mb verdict <<<"$(measure "$HOST_DLL" "$file")"
      echo "$row $cpu | $mb | $verdict |"
      rm -f "$file"
    done
  done
} | tee "$report"
echo "wrote $report" >&2
