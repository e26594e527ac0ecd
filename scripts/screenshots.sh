#!/usr/bin/env bash
# The README's pictures, taken by the browser tests (ImageProcessing.Tests/EndToEnd/BrowserTests.cs) in Debian's
# Chromium against a fresh app host: the dashboard's resources, an upload's trace, the upload page, the reprocess dialog.
#
#   scripts/screenshots.sh        writes docs/images/{dashboard-resources,dashboard-trace,upload-page,dashboard-reprocess}.png
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ -x /usr/bin/chromium ]] || { echo "screenshots.sh: Debian's chromium is needed: apt-get install chromium" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
SCREENSHOT_DIR="$root/docs/images" dotnet test "$root/ImageProcessing.Tests" --filter "FullyQualifiedName~EndToEnd.BrowserTests" --nologo
ls -l "$root"/docs/images/*.png
