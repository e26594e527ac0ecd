# Shared by the performance scripts: builds the function host and the input generator once, and
# generates the benchmark's deterministic inputs. Source it; do not run it.
# Environment: PERF_WORK (scratch dir, default artifacts/perf), PERF_RUNS (repetitions, default 3).

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PERF_WORK="${PERF_WORK:-$REPO_ROOT/artifacts/perf}"
PERF_RUNS="${PERF_RUNS:-3}"
HOST_DLL="$REPO_ROOT/ImageProcessing.FunctionHost/bin/Release/net10.0/ImageProcessing.FunctionHost.dll"
BENCH_DLL="$REPO_ROOT/ImageProcessing.Benchmarks/bin/Release/net10.0/ImageProcessing.Benchmarks.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# glibc would otherwise create an arena per thread (8 × cores); libvips' worker threads then
# leave freed memory spread over many arenas. Two keeps the peak flat, as in the Lambda.
export MALLOC_ARENA_MAX=2

perf_build() {
  echo "building the function host (Release)..." >&2
  dotnet build "$REPO_ROOT/ImageProcessing.FunctionHost" -c Release -v quiet -nologo >&2
  perf_build_benchmarks
}

# The benchmark project alone: the input generator and the batch tools.
perf_build_benchmarks() {
  echo "building the benchmark project (Release)..." >&2
  dotnet build "$REPO_ROOT/ImageProcessing.Benchmarks" -c Release -v quiet -nologo >&2
}

# perf_generate <mode> <dir> [arg]: generate | generate-batch | generate-vips-batch (see the benchmark's Program.cs).
perf_generate() {
  local mode="$1" dir="$2"
  shift 2
  rm -rf "$dir"
  dotnet "$BENCH_DLL" "$mode" "$dir" "$@" >&2
}

perf_require() {
  local tool
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "error: '$tool' is needed (Debian: apt-get install $(perf_package_of "$tool"))" >&2
      exit 2
    fi
  done
}

perf_package_of() {
  case "$1" in
    vipsthumbnail | vips) echo libvips-tools ;;
    hyperfine) echo hyperfine ;;
    taskset) echo util-linux ;;
    /usr/bin/time) echo time ;;
    clang) echo "clang zlib1g-dev" ;;
    *) echo "$1" ;;
  esac
}

perf_machine() {
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/ {print $2}') GB, $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
}
