#!/usr/bin/env bash
# Tests the deployment package the way Lambda calls it, on its own architecture.
#
#   scripts/test_lambda_package.sh [arm64|x64]     (default arm64, the deployed one)
#
# For the architecture: builds the zip (scripts/build_lambda.sh) and unzips it into a read-only task directory;
# publishes ImageProcessing.PackageHarness self-contained for it (the harness plays the managed runtime: the
# handler string, the package's own deps.json, one handler instance, Stream in and the batch response out);
# synthesizes the stack for the function's environment, handler and memory; starts moto and provisions the local
# pipeline; uploads scripts/package-test/inputs (each rule, each format, an EXIF-rotated JPEG, a GIF named .png)
# and a poison message; turns what S3 delivered to the upload queue into one SQS event per message; runs the
# harness with the template's environment and what Lambda sets, as an unprivileged user when run as root, with only
# a temporary directory writable; checks records, outputs, notifications and the batch responses; and checks the
# glibc versions the package's native libraries need against Amazon Linux 2023's (2.34), that the function loaded the
# package's own libturbojpeg and libwebp, and that it carries ReadyToRun code for the architecture.
#
# arm64 runs under qemu-user (installed with the arm64 C runtime when run as root) and is then compared with an x64
# run of the same source: same verdicts, reasons, output keys, formats and dimensions, pixels within a tolerance.
# Speed under emulation means nothing; the memory limit (the function's memory size, in a cgroup where the machine
# allows one) applies to the native run. Results: artifacts/package-test/<arch>/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
arch="${1:-arm64}"
[[ "$arch" == arm64 || "$arch" == x64 ]] || { echo "usage: scripts/test_lambda_package.sh [arm64|x64]" >&2; exit 2; }
work="${PACKAGE_TEST_DIR:-$root/artifacts/package-test}"
helpers="$root/scripts/package-test"
host_arch="$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
glibc_of_amazon_linux_2023=2.34
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_DISABLE_CLI_TELEMETRY=true

die() { echo "test_lambda_package: $*" >&2; exit 1; }
step() { echo; echo "== $*"; }
is_root() { [[ "$(id -u)" == 0 ]]; }
# shellcheck source=lib/debian.sh
source "$root/scripts/lib/debian.sh"
apt_install() {
  is_root || die "install $* (apt-get install $*), or run this script as root."
  debian_install "$@" || die "apt-get install $* failed."
}

python3 -c 'import boto3, moto.server' 2>/dev/null || die "python3 with boto3 and moto is needed (pip install \"moto[server]\")."
if [[ "$arch" != "$host_arch" ]]; then
  [[ "$arch" == arm64 ]] || die "an x64 package runs only on an x64 machine here."
  if ! command -v qemu-aarch64-static >/dev/null || [[ ! -e /lib/ld-linux-aarch64.so.1 || ! -e /usr/lib/aarch64-linux-gnu/libssl.so.3 ]]; then
    step "installing qemu-user-static and the arm64 C runtime"
    is_root || die "install qemu-user-static and libc6:arm64 libstdc++6:arm64 libgcc-s1:arm64 zlib1g:arm64 libssl3:arm64 (after dpkg --add-architecture arm64), or run as root."
    dpkg --add-architecture arm64
    apt-get update -qq
    apt_install qemu-user-static libc6:arm64 libstdc++6:arm64 libgcc-s1:arm64 zlib1g:arm64 libssl3:arm64
  fi
fi

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The memory cgroup for the harness (v2, else v1), or nothing where the machine allows none.
memory_cgroup() {
  local name="image-processing-package-test-$$"
  if [[ -w /sys/fs/cgroup/cgroup.subtree_control ]] && grep -qw memory /sys/fs/cgroup/cgroup.controllers 2>/dev/null \
     && mkdir "/sys/fs/cgroup/$name" 2>/dev/null; then
    echo "/sys/fs/cgroup/$name v2"
  elif [[ -d /sys/fs/cgroup/memory ]] && mkdir "/sys/fs/cgroup/memory/$name" 2>/dev/null; then
    echo "/sys/fs/cgroup/memory/$name v1"
  fi
}

run() {
  local arch="$1" dir="$work/$1"
  [[ -d "$dir" ]] && chmod -R u+w "$dir"
  rm -rf "$dir"
  mkdir -p "$dir/tmp" "$dir/out"
  chmod a+rx "$work" "$dir" # the unprivileged user must reach the harness and the task directory

  step "$arch: build the package (scripts/build_lambda.sh) and unzip it into a read-only task directory"
  "$root/scripts/build_lambda.sh" "$dir/lambda" "$arch"
  mkdir -p "$dir/task"
  python3 -m zipfile -e "$dir/lambda/ImageProcessing.Function.zip" "$dir/task"
  chmod -R a-w "$dir/task"

  step "$arch: the harness, self-contained for linux-$arch"
  dotnet publish "$root/ImageProcessing.PackageHarness/ImageProcessing.PackageHarness.csproj" -c Release -r "linux-$arch" \
    --self-contained -o "$dir/harness" --nologo -v q || die "the harness does not publish for linux-$arch."
  python3 "$helpers/package_test.py" runtime-settings "$dir/task" ImageProcessing.Function "$dir/harness"

  step "$arch: the function's environment, handler and memory from the synthesized stack"
  LAMBDA_PACKAGE="$dir/lambda/publish" "$root/scripts/synth.sh" "$dir/templates" >"$dir/synth.log" 2>&1 \
    || { cat "$dir/synth.log" >&2; die "the synthesis failed."; }
  local template="$dir/templates/ImageProcessing.template.json"
  local handler memory
  read -r handler memory < <(python3 "$helpers/package_test.py" function "$template")
  echo "handler $handler, memory $memory MB"

  step "$arch: moto, the local pipeline and the uploads"
  local port endpoint
  port="$(free_port)"
  endpoint="http://127.0.0.1:$port"
  python3 -m moto.server -H 127.0.0.1 -p "$port" >"$dir/moto.log" 2>&1 &
  local moto_pid=$!
  trap 'kill '"$moto_pid"' 2>/dev/null || true' EXIT
  for _ in $(seq 1 50); do curl -fsS "$endpoint/moto-api/" >/dev/null 2>&1 && break; sleep 0.2; done
  AWS_ENDPOINT_URL="$endpoint" AWS_REGION=us-east-1 \
    dotnet run --project "$root/ImageProcessing.FunctionHost" -c Release --no-launch-profile -- provision \
      --environment "$dir/local-environment" >"$dir/resources.json" \
    || die "provisioning failed."
  python3 "$helpers/package_test.py" upload "$dir/resources.json" "$helpers/inputs" "$endpoint" "$dir/events.jsonl"
  python3 "$helpers/package_test.py" environment "$template" "$dir/resources.json" "$dir/local-environment" "$dir/task" "$endpoint" \
    >"$dir/environment"

  step "$arch: invoke the handler for each event, as a warm sandbox does"
  local runner=() limit="" cgroup=""
  [[ "$arch" != "$host_arch" ]] && runner=(qemu-aarch64-static)
  if [[ "$arch" == "$host_arch" ]] && is_root && read -r cgroup version < <(memory_cgroup); then
    if [[ "$version" == v2 ]]; then echo "$((memory * 1024 * 1024))" >"$cgroup/memory.max"; else echo "$((memory * 1024 * 1024))" >"$cgroup/memory.limit_in_bytes"; fi
    limit="$cgroup"
    echo "memory limit: $memory MB ($version cgroup)"
  else
    echo "memory limit: none ($( [[ "$arch" != "$host_arch" ]] && echo "under emulation the emulator's own memory counts" || echo "no writable memory cgroup here"))"
  fi
  local user=()
  if is_root; then
    chown -R 65534:65534 "$dir/tmp" "$dir/out"
    user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    echo "user: nobody (the task directory is read-only to it); writable: $dir/tmp"
  fi
  local environment=()
  mapfile -t environment <"$dir/environment"
  sh -c '[ -z "$1" ] || echo $$ >"$1/cgroup.procs"; shift; exec "$@"' harness "$limit" \
    "${user[@]}" env -i PATH=/usr/bin:/bin TMPDIR="$dir/tmp" HOME="$dir/tmp" "${environment[@]}" \
    "${runner[@]}" "$dir/harness/ImageProcessing.PackageHarness" "$dir/task" "$handler" "$dir/events.jsonl" "$dir/out/responses.jsonl" \
    >"$dir/function.log" 2>&1 || { tail -40 "$dir/function.log" >&2; die "the harness failed."; }
  tail -1 "$dir/function.log" | tee "$dir/summary.json"
  grep -qF "decode with libjpeg-turbo ($dir/task/libturbojpeg.so.0)" "$dir/function.log" \
    || die "the function did not load the package's libturbojpeg.so.0 (see $dir/function.log)."
  grep -qF "decode with libwebp ($dir/task/libwebp.so.7)" "$dir/function.log" \
    || die "the function did not load the package's libwebp.so.7 (see $dir/function.log)."
  if [[ -n "$limit" ]]; then
    local peak
    peak="$(cat "$limit/memory.peak" 2>/dev/null || cat "$limit/memory.max_usage_in_bytes")"
    echo "peak memory in the cgroup: $((peak / 1024 / 1024)) MB of $memory MB"
    rmdir "$limit" 2>/dev/null || true
  fi

  step "$arch: records, outputs, notifications, batch responses"
  python3 "$helpers/package_test.py" check "$dir/resources.json" "$dir/out/responses.jsonl" "$endpoint" "$dir"

  step "$arch: glibc versions of the native libraries, ReadyToRun code"
  python3 "$helpers/package_test.py" glibc "$dir/task" "$glibc_of_amazon_linux_2023"
  [[ "${LAMBDA_READY_TO_RUN:-true}" == false ]] || python3 "$helpers/package_test.py" readytorun "$dir/task" ImageProcessing.Function

  kill "$moto_pid" 2>/dev/null || true
  trap - EXIT
}

run "$arch"
if [[ "$arch" == arm64 && "$host_arch" == x64 ]]; then
  run x64
  step "arm64 against x64"
  /usr/bin/python3 -c 'import PIL' 2>/dev/null || apt_install python3-pil
  /usr/bin/python3 "$helpers/compare_runs.py" "$work/arm64" "$work/x64"
fi
echo
echo "test_lambda_package: $arch passed"
