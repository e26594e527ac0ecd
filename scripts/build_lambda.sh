#!/usr/bin/env bash
# Publishes ImageProcessing.Function for the dotnet10 managed runtime on arm64 (the deployed architecture) or x64,
# with ReadyToRun code (LAMBDA_READY_TO_RUN=false leaves it out: a smaller zip, a slower first invocation), and zips it
# reproducibly (sorted entries, fixed timestamps and permissions), so the same commit gives the same
# package hash.
#
#   scripts/build_lambda.sh [output-dir] [arm64|x64]     (defaults: artifacts/lambda, arm64)
#
# Output: <output-dir>/publish/ (what the CDK app deploys by default) and <output-dir>/ImageProcessing.Function.zip.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/artifacts/lambda}"
arch="${2:-arm64}"
[[ "$arch" == arm64 || "$arch" == x64 ]] || { echo "build_lambda: the architecture is arm64 or x64, not '$arch'" >&2; exit 2; }
publish="$out/publish"
zip="$out/ImageProcessing.Function.zip"

die() { echo "build_lambda: $*" >&2; exit 1; }
command -v dotnet >/dev/null || die "dotnet is not on PATH; install the .NET 10 SDK (https://dot.net)."
command -v python3 >/dev/null || die "python3 is needed to write the reproducible zip."

mkdir -p "$out"
rm -rf "$publish" "$zip"

echo "build_lambda: publishing ImageProcessing.Function (Release, linux-$arch, framework-dependent, ReadyToRun ${LAMBDA_READY_TO_RUN:-true}) to $publish"
dotnet publish "$root/ImageProcessing.Function/ImageProcessing.Function.csproj" \
  -c Release -r "linux-$arch" --self-contained false -o "$publish" \
  -p:ContinuousIntegrationBuild=true -p:DebugType=none -p:PublishReadyToRun="${LAMBDA_READY_TO_RUN:-true}" \
  --nologo -v quiet \
  || die "dotnet publish failed (see above)."

[[ -f "$publish/ImageProcessing.Function.dll" ]] || die "publish produced no ImageProcessing.Function.dll in $publish."

# libjpeg-turbo's TurboJPEG library decodes shrunk JPEGs (Imaging/TurboJpegDecoder.cs); Lambda's runtime has none, so
# the package carries Debian's build for the architecture (it needs glibc 2.14 at most) with its licence.
multiarch="$( [[ "$arch" == arm64 ]] && echo aarch64 || echo x86_64 )-linux-gnu"
debian_arch="$( [[ "$arch" == arm64 ]] && echo arm64 || echo amd64 )"
turbojpeg="/usr/lib/$multiarch/libturbojpeg.so.0"
if [[ ! -e "$turbojpeg" ]]; then
  [[ "$(id -u)" == 0 ]] || die "$turbojpeg is missing: apt-get install libturbojpeg0:$debian_arch (after dpkg --add-architecture $debian_arch), or run as root."
  echo "build_lambda: installing libturbojpeg0:$debian_arch"
  dpkg --add-architecture "$debian_arch"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "libturbojpeg0:$debian_arch" >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "libturbojpeg0:$debian_arch" >/dev/null; } \
    || die "apt-get install libturbojpeg0:$debian_arch failed."
fi
cp -L "$turbojpeg" "$publish/libturbojpeg.so.0"
cp "/usr/share/doc/libturbojpeg0/copyright" "$publish/libturbojpeg.copyright"

python3 - "$publish" "$zip" <<'PY'
import os, sys, zipfile
source, target = sys.argv[1], sys.argv[2]
files = sorted(
    os.path.relpath(os.path.join(d, f), source)
    for d, _, names in os.walk(source) for f in names)
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
    for name in files:
        info = zipfile.ZipInfo(name.replace(os.sep, "/"), date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = (0o755 if os.access(os.path.join(source, name), os.X_OK) else 0o644) << 16
        with open(os.path.join(source, name), "rb") as f:
            archive.writestr(info, f.read())
PY

size=$(du -k "$zip" | cut -f1)
echo "build_lambda: wrote $zip (${size} KB, sha256 $(sha256sum "$zip" | cut -d' ' -f1))"
if (( size > 51200 )); then
  echo "build_lambda: warning: the zip is over 50 MB; Lambda accepts it only through S3 (cdk deploy does that)." >&2
fi
