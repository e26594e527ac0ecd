#!/usr/bin/env bash
# Fuzzes ImageProcessing.Function with AFL++ and SharpFuzz.
#
#   scripts/fuzz.sh [seconds] [target]
#     seconds  default 100 (the CI smoke)
#     target   process (default), headers, rules, or all (process 3/5 of the time, headers and rules 1/5 each)
#
# Installs afl++ (apt, when root) and the sharpfuzz tool (dotnet tool restore), publishes ImageProcessing.Fuzz,
# instruments ImageProcessing.Function.dll in the published copy only, runs afl-fuzz from the seeds in
# ImageProcessing.Fuzz/seeds/<target>, prints the figures and exits 1 when any crash or hang was found.
# Environment: FUZZ_OUT (default artifacts/fuzz), FUZZ_TIMEOUT_MS (per input; default 5000 for process, 1000 otherwise).
set -euo pipefail

die() { echo "fuzz.sh: error: $*" >&2; exit 2; }
usage="usage: scripts/fuzz.sh [seconds] [process|headers|rules|all]"

seconds=${1:-100}
target=${2:-process}
[[ $seconds =~ ^[1-9][0-9]*$ ]] || die "seconds must be a positive integer (got '$seconds'); $usage"
case $target in
  process | headers | rules) plan=("$target:$seconds") ;;
  all)
    ((seconds >= 15)) || die "'all' needs at least 15 seconds"
    plan=("process:$((seconds * 3 / 5))" "headers:$((seconds / 5))" "rules:$((seconds / 5))")
    ;;
  *) die "unknown target '$target'; $usage" ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
out=${FUZZ_OUT:-$root/artifacts/fuzz}
bin=$out/bin
fuzz_dir=$root/ImageProcessing.Fuzz
cd "$root"
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v afl-fuzz >/dev/null; then
  [[ $(id -u) == 0 ]] || die "afl-fuzz is missing; install it with: sudo apt-get install afl++"
  echo "fuzz.sh: installing afl++ (apt)" >&2
  # shellcheck source=lib/debian.sh
  source "$root/scripts/lib/debian.sh"
  debian_install afl++ || die "apt-get install afl++ failed"
fi

dotnet tool restore >/dev/null || die "dotnet tool restore failed (the sharpfuzz tool is in .config/dotnet-tools.json)"

# A fresh publish each time: sharpfuzz refuses an assembly it has already instrumented.
rm -rf "$bin"
echo "fuzz.sh: publishing ImageProcessing.Fuzz" >&2
dotnet publish "$fuzz_dir/ImageProcessing.Fuzz.csproj" -c Release -o "$bin" --nologo -v quiet >/dev/null \
  || die "dotnet publish failed; run it without -v quiet to see why"

# The seeds must pass on their own (afl-fuzz aborts on a crashing seed with a less helpful message).
# Checked before instrumenting: instrumented code only runs under SharpFuzz's fuzzing loop.
for step in "${plan[@]}"; do
  name=${step%%:*}
  [[ -d $fuzz_dir/seeds/$name ]] || die "no seeds at $fuzz_dir/seeds/$name"
  dotnet "$bin/ImageProcessing.Fuzz.dll" "$name" --repro "$fuzz_dir/seeds/$name"/* >"$out/seed-check-$name.log" 2>&1 \
    || die "a $name seed fails on its own; see $out/seed-check-$name.log"
done
dotnet tool run sharpfuzz "$bin/ImageProcessing.Function.dll" >/dev/null || die "sharpfuzz could not instrument ImageProcessing.Function.dll"

# dotnet is not instrumented (SharpFuzz reports coverage itself); CPU scaling and core dump settings belong
# to the host, and the machine is shared, so do not pin a core. One libvips thread keeps to one core.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 \
  AFL_NO_UI=1 AFL_FORKSRV_INIT_TMOUT=60000 VIPS_CONCURRENCY=1

# Runs one target; prints its figures; returns 1 when it found a crash or hang.
fuzz() {
  local name=$1 duration=$2 timeout_ms dictionary findings stats crashes hangs
  case $name in
    process) timeout_ms=${FUZZ_TIMEOUT_MS:-5000} dictionary=images ;;
    headers) timeout_ms=${FUZZ_TIMEOUT_MS:-1000} dictionary=images ;;
    rules) timeout_ms=${FUZZ_TIMEOUT_MS:-1000} dictionary=rules ;;
  esac
  findings=$out/findings-$name
  rm -rf "$findings"
  echo "fuzz.sh: fuzzing '$name' for ${duration}s (timeout ${timeout_ms} ms per input), findings in $findings" >&2
  afl-fuzz -i "$fuzz_dir/seeds/$name" -o "$findings" -x "$fuzz_dir/dictionaries/$dictionary.dict" -t "$timeout_ms" -m none \
    -V "$duration" -- dotnet "$bin/ImageProcessing.Fuzz.dll" "$name" >"$out/afl-$name.log" 2>&1 \
    || { tail -n 30 "$out/afl-$name.log" >&2; die "afl-fuzz failed (log: $out/afl-$name.log)"; }

  stats=$findings/default/fuzzer_stats
  [[ -f $stats ]] || die "afl-fuzz left no $stats (log: $out/afl-$name.log)"
  crashes=$(find "$findings/default/crashes" -type f -name 'id*' | wc -l)
  hangs=$(find "$findings/default/hangs" -type f -name 'id*' | wc -l)
  echo "fuzz: target=$name seconds=$(stat_of run_time) execs=$(stat_of execs_done) execs_per_sec=$(stat_of execs_per_sec)" \
    "paths=$(stat_of corpus_count) crashes=$crashes hangs=$hangs"
  if ((crashes + hangs > 0)); then
    echo "fuzz.sh: findings in $findings/default/{crashes,hangs}; reproduce (uninstrumented) with:" >&2
    echo "  dotnet run --project ImageProcessing.Fuzz -c Release -- $name --repro $findings/default/{crashes,hangs}/id*" >&2
    return 1
  fi
}
stat_of() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }

status=0
for step in "${plan[@]}"; do
  fuzz "${step%%:*}" "${step##*:}" || status=1
done
exit $status
