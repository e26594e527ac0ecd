#!/usr/bin/env bash
# Peak resident memory of a fresh `process` run per 4096×4096 input and rule, as the Lambda sees it.
# Each case runs PERF_RUNS times in a new process under /usr/bin/time -v; the table keeps the highest
# peak. Columns: libvips with its default thread count (the cores it sees) and with VIPS_CONCURRENCY=1.
# Usage: scripts/measure_memory.sh            (writes artifacts/perf/memory.md too)
set -euo pipefail
source "$(dirname "$0")/perf_common.sh"
perf_require /usr/bin/time

perf_build
inputs="$PERF_WORK/inputs"
perf_generate generate "$inputs"

# peak_kb <file> [env...]: highest "Maximum resident set size" over PERF_RUNS fresh processes.
peak_kb() {
  local file="$1" peak=0 run kb out
  shift
  for ((run = 0; run < PERF_RUNS; run++)); do
    out="$PERF_WORK/memory-out"
    rm -rf "$out"
    env "$@" /usr/bin/time -v dotnet "$HOST_DLL" process "$file" --out "$out" --json \
      >"$PERF_WORK/memory-last.json" 2>"$PERF_WORK/memory-time.txt"
    if ! grep -q '"status":"processed"' "$PERF_WORK/memory-last.json"; then
      echo "error: $file was not processed: $(cat "$PERF_WORK/memory-last.json")" >&2
      exit 1
    fi
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$PERF_WORK/memory-time.txt")
    ((kb > peak)) && peak=$kb
  done
  echo "$peak"
}

mb() { awk -v kb="$1" 'BEGIN { printf "%.0f", kb / 1024 }'; }

report="$PERF_WORK/memory.md"
{
  echo "$(perf_machine), MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX, highest of $PERF_RUNS fresh runs"
  echo
  echo "| input | rule | output | peak RSS, default threads | peak RSS, VIPS_CONCURRENCY=1 |"
  echo "|---|---|---|---:|---:|"
} >"$report"

cases="$PERF_WORK/memory-cases"
for name in jpeg-4096.jpg png-4096.png webp-4096.webp jpeg-exif6-4096.jpg jpeg-exif6-1600x1200.jpg webp-lossless-alpha-4096.webp; do
  for suffix in "" _thumb _grayscale; do
    rule="${suffix:-fit}"
    rule="${rule#_}"
    rm -rf "$cases" && mkdir -p "$cases"
    file="$cases/${name%.*}$suffix.${name##*.}"
    cp "$inputs/$name" "$file"
    default_kb=$(peak_kb "$file")
    output=$(grep -o '"width":[0-9]*,"height":[0-9]*' "$PERF_WORK/memory-last.json" | head -1 | tr -dc '0-9,' | tr ',' 'x')
    single_kb=$(peak_kb "$file" VIPS_CONCURRENCY=1)
    line="| $name | $rule | $output | $(mb "$default_kb") MB | $(mb "$single_kb") MB |"
    echo "$line" | tee -a "$report"
  done
done
echo "written: $report" >&2
