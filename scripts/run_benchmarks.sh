#!/usr/bin/env bash
# Runs ImageProcessing.Benchmarks (BenchmarkDotNet). Results: BenchmarkDotNet.Artifacts/results/.
#   scripts/run_benchmarks.sh quick   ShortRun job, 1 warmup, on the 4096×4096 JPEG and PNG only: the issue's
#                                     goals in about 3–5 minutes on 2 cores
#   scripts/run_benchmarks.sh short   ShortRun job, 1 warmup, on all five inputs (~12 minutes on 2 cores)
#   scripts/run_benchmarks.sh full    BenchmarkDotNet's default job on all inputs (statistically sound; over an hour)
#   scripts/run_benchmarks.sh cpu     pipeline against ImageSharp in process CPU time per rule (steady on a shared machine)
# Extra arguments go to BenchmarkDotNet, e.g. `scripts/run_benchmarks.sh short --filter '*Validation*'`.
# BENCH_THREADS (default 1) sets the worker threads of both libraries.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MALLOC_ARENA_MAX=2

mode="${1:-quick}"
shift || true
case "$mode" in
  quick) export BENCH_INPUTS="${BENCH_INPUTS:-jpeg-4096,png-4096}" job=(--job short --warmupCount 1) ;;
  short) job=(--job short --warmupCount 1) ;;
  full) job=() ;;
  cpu)
    dotnet build ImageProcessing.Benchmarks -c Release -v quiet -nologo >&2
    exec dotnet ImageProcessing.Benchmarks/bin/Release/net10.0/ImageProcessing.Benchmarks.dll cpu-ratio "${1:-7}"
    ;;
  *) echo "usage: $0 quick|short|full [BenchmarkDotNet arguments] | cpu [repetitions]" >&2 && exit 2 ;;
esac

filter=(--filter '*')
for argument in "$@"; do
  [[ "$argument" == "--filter" ]] && filter=()
done
dotnet run --project ImageProcessing.Benchmarks -c Release -- "${job[@]}" "${filter[@]}" "$@"
