#!/usr/bin/env bash
# Fuzzes ImageProcessing.Function with AFL++ and SharpFuzz.
#
#   scripts/fuzz.sh [seconds] [target]     seconds: default 100 (the CI smoke); target: process (default), headers, rules
#
# Installs afl++ (apt, when root) and the sharpfuzz tool (dotnet tool restore), publishes ImageProcessing.Fuzz,
# instruments ImageProcessing.Function.dll in the published copy only, runs afl-fuzz from the seeds in
# ImageProcessing.Fuzz/seeds/<target>, prints the figures and exits 1 when any crash or hang was found.
# Environment: FUZZ_OUT (default artifacts/fuzz), FUZZ_TIMEOUT_MS (per input; default 5000 for process, 1000 otherwise).
set -euo pipefail

die() { echo "fuzz.sh: error: $*" >&2; exit 2; }

seconds=${1:-100}
target=${2:-process}
[[ $seconds =~ ^[1-9][0-9]*$ ]] || die "seconds must be a positive integer (got '$seconds'); usage: scripts/fuzz.sh [seconds] [process|headers|rules]"
case $target in
  process) default_timeout=5000 dictionary_name=images ;;
  headers) default_timeout=1000 dictionary_name=images ;;
  rules) default_timeout=1000 dictionary_name=rules ;;
  *) die "unknown target '$target'; choose process, headers or rules" ;;
esac
timeout_ms=${FUZZ_TIMEOUT_MS:-$default_timeout}

root=$(cd "$(dirname "$0")/.." && pwd)
out=${FUZZ_OUT:-$root/artifacts/fuzz}
bin=$out/bin
findings=$out/findings-$target
seeds=$root/ImageProcessing.Fuzz/seeds/$target
[[ -d $seeds ]] || die "no seeds at $seeds"
dictionary=$root/ImageProcessing.Fuzz/dictionaries/$dictionary_name.dict
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v afl-fuzz >/dev/null; then
  [[ $(id -u) == 0 ]] || die "afl-fuzz is missing; install it with: sudo apt-get install afl++"
  echo "fuzz.sh: installing afl++ (apt)" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null \
    || die "apt-get install afl++ failed"
fi

dotnet tool restore >/dev/null || die "dotnet tool restore failed (the sharpfuzz tool is in .config/dotnet-tools.json)"

# A fresh publish each time: sharpfuzz refuses an assembly it has already instrumented.
rm -rf "$bin"
echo "fuzz.sh: publishing ImageProcessing.Fuzz" >&2
dotnet publish ImageProcessing.Fuzz/ImageProcessing.Fuzz.csproj -c Release -o "$bin" --nologo -v quiet >/dev/null \
  || die "dotnet publish failed; run it without -v quiet to see why"

harness=(dotnet "$bin/ImageProcessing.Fuzz.dll" "$target")
# The seeds must pass on their own (afl-fuzz aborts on a crashing seed with a less helpful message).
# Checked before instrumenting: instrumented code only runs under SharpFuzz's fuzzing loop.
"${harness[@]}" --repro "$seeds"/* >"$out/seed-check.log" 2>&1 || die "a seed fails on its own; see $out/seed-check.log"
dotnet tool run sharpfuzz "$bin/ImageProcessing.Function.dll" >/dev/null || die "sharpfuzz could not instrument ImageProcessing.Function.dll"

rm -rf "$findings"
# dotnet is not instrumented (SharpFuzz reports coverage itself); CPU scaling and core dump settings belong
# to the host, and the machine is shared, so do not pin a core. One libvips thread keeps to one core.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 \
  AFL_NO_UI=1 AFL_FORKSRV_INIT_TMOUT=60000 VIPS_CONCURRENCY=1
echo "fuzz.sh: fuzzing '$target' for ${seconds}s (timeout ${timeout_ms} ms per input), findings in $findings" >&2
afl-fuzz -i "$seeds" -o "$findings" -x "$dictionary" -t "$timeout_ms" -m none -V "$seconds" -- "${harness[@]}" >"$out/afl-$target.log" 2>&1 \
  || { tail -n 30 "$out/afl-$target.log" >&2; die "afl-fuzz failed (log: $out/afl-$target.log)"; }

stats=$findings/default/fuzzer_stats
[[ -f $stats ]] || die "afl-fuzz left no $stats (log: $out/afl-$target.log)"
stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
count() { find "$findings/default/$1" -type f ! -name README.txt 2>/dev/null | wc -l; }
crashes=$(count crashes)
hangs=$(count hangs)
echo "fuzz: target=$target seconds=$(stat run_time) execs=$(stat execs_done) execs_per_sec=$(stat execs_per_sec)" \
  "paths=$(stat corpus_count) crashes=$crashes hangs=$hangs"

if ((crashes + hangs > 0)); then
  echo "fuzz.sh: findings in $findings/default/{crashes,hangs}; reproduce (uninstrumented) with:" >&2
  echo "  dotnet run --project ImageProcessing.Fuzz -c Release -- $target --repro $findings/default/crashes/id* $findings/default/hangs/id*" >&2
  exit 1
fi
