#!/usr/bin/env bash
# The `process` command against Debian's libvips 8.14 command-line tools (scripts/vips_cli_batch.sh)
# on the same batch of 4096×4096 JPEGs and PNGs under each rule, on 2 cores and pinned to 1 core.
# Usage: scripts/vips_cli_compare.sh [copies per input and rule, default 4]
#        (writes artifacts/perf/vips-cli.md too)
set -euo pipefail
source "$(dirname "$0")/perf_common.sh"
perf_require hyperfine taskset vipsthumbnail vips

copies="${1:-4}"
perf_build
batch="$PERF_WORK/cli-batch"
perf_generate generate-vips-batch "$batch" "$copies"
files=$(find "$batch" -type f | wc -l)
cli="$REPO_ROOT/scripts/vips_cli_batch.sh"
out="$PERF_WORK/cli-out"

report="$PERF_WORK/vips-cli.md"
{
  echo "$(perf_machine), MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX, $files files ($copies × {jpeg-4096, png-4096} × 3 rules), $(vips --version)"
  echo
} >"$report"
for cores in 0,1 0; do
  hyperfine --warmup 1 --runs "$PERF_RUNS" --export-markdown "$report.tmp" \
    --command-name "process command, cores $cores" "rm -rf $out && taskset -c $cores dotnet $HOST_DLL process $batch --out $out --json 2>/dev/null" \
    --command-name "vips 8.14 CLI, cores $cores" "taskset -c $cores bash $cli $batch $out" >&2
  cat "$report.tmp" >>"$report"
  echo >>"$report"
done
rm -f "$report.tmp"
cat "$report"
