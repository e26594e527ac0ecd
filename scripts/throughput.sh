#!/usr/bin/env bash
# Throughput of the `process` command on a batch of 100 mixed inputs (the benchmark's five inputs in
# turn, each rule in turn), one process per batch, pinned to 1 core and to 2 cores with taskset.
# libvips and .NET both size their thread pools from the affinity mask. No warm-up run: the
# batch was just written, so it is in the page cache.
# Usage: scripts/throughput.sh [count]        (writes artifacts/perf/throughput.md too)
set -euo pipefail
source "$(dirname "$0")/perf_common.sh"
perf_require hyperfine taskset

count="${1:-100}"
perf_build
batch="$PERF_WORK/batch"
perf_generate generate-batch "$batch" "$count"

report="$PERF_WORK/throughput.md"
json="$PERF_WORK/throughput.json"
out="$PERF_WORK/throughput-out"
hyperfine --runs "$PERF_RUNS" --export-json "$json" \
  --command-name "1 core" "rm -rf $out && taskset -c 0 dotnet $HOST_DLL process $batch --out $out --json 2>/dev/null" \
  --command-name "2 cores" "rm -rf $out && taskset -c 0,1 dotnet $HOST_DLL process $batch --out $out --json 2>/dev/null" >&2

{
  echo "$(perf_machine), MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX, $count files, mean of $PERF_RUNS runs"
  echo
  echo "| cores | batch time | images/s |"
  echo "|---|---:|---:|"
  python3 - "$json" "$count" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
for r in results:
    print(f"| {r['command']} | {r['mean']:.1f} s ± {r['stddev']:.1f} | {int(sys.argv[2]) / r['mean']:.1f} |")
PY
} >"$report"
cat "$report"
