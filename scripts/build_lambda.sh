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

# libjpeg-turbo's TurboJPEG library decodes shrunk JPEGs (Imaging/TurboJpegDecoder.cs) and libwebp WebP
# (Imaging/WebpDecoder.cs); Lambda's runtime has neither, so the package carries Debian's builds for the architecture
# (they need glibc 2.34 at most, Amazon Linux 2023's; the package test checks) with their licences.
multiarch="$( [[ "$arch" == arm64 ]] && echo aarch64 || echo x86_64 )-linux-gnu"
debian_arch="$( [[ "$arch" == arm64 ]] && echo arm64 || echo amd64 )"
# shellcheck source=lib/debian.sh
source "$root/scripts/lib/debian.sh"
bundle() {
  local package="$1" file="$2" licence="$3" library="/usr/lib/$multiarch/$2"
  if [[ ! -e "$library" ]]; then
    [[ "$(id -u)" == 0 ]] || die "$library is missing: apt-get install $package:$debian_arch (after dpkg --add-architecture $debian_arch), or run as root."
    echo "build_lambda: installing $package:$debian_arch"
    dpkg --add-architecture "$debian_arch"
    debian_install "$package:$debian_arch" || die "apt-get install $package:$debian_arch failed."
  fi
  cp -L "$library" "$publish/$file"
  cp "/usr/share/doc/$package/copyright" "$publish/$licence"
}
bundle libturbojpeg0 libturbojpeg.so.0 libturbojpeg.copyright
bundle libwebp7 libwebp.so.7 libwebp.copyright

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
