#!/usr/bin/env bash
# Runs the load test: N mixed uploads (default 1000) through the local pipeline (moto + the real function host),
# then prints images/s, p50/p95/p99 latency from upload to record, the host's peak memory and the DLQ count.
#   scripts/load_test.sh [uploads]
set -euo pipefail
cd "$(dirname "$0")/.."
uploads="${1:-1000}"
command -v python3 >/dev/null || { echo "error: python3 with moto is needed: pip install \"moto[server]\"" >&2; exit 1; }
python3 -c 'import moto.server' 2>/dev/null || { echo "error: moto is missing: pip install \"moto[server]\"" >&2; exit 1; }
dotnet build ImageProcessing.Tests -c Release --nologo -v quiet
LOAD_UPLOADS="$uploads" dotnet test ImageProcessing.Tests -c Release --no-build \
  --settings ImageProcessing.Tests/load.runsettings --logger "console;verbosity=detailed" 2>&1 | tee /tmp/load_test.log | grep -E "uploads:|wall time|latency|peak RSS|Passed!|Failed!|error"
