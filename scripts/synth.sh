#!/usr/bin/env bash
# Synthesizes the two stacks (the pipeline and the account baseline) with the real Lambda package, as a deploy would,
# into a directory: what `aspire publish` writes. No AWS credentials are needed; the templates name no account.
#
#   scripts/synth.sh [output-dir]     (default: artifacts/templates)
#
# LAMBDA_PACKAGE=<dir> synthesizes with a package already built (its publish directory) instead of building one.
#
# Output: <output-dir>/ImageProcessing.template.json, <output-dir>/ImageProcessing-Baseline.template.json and the
# rest of the CDK cloud assembly (the function's asset).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "${1:-$root/artifacts/templates}" && cd "${1:-$root/artifacts/templates}" && pwd)"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_DISABLE_CLI_TELEMETRY=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

die() { echo "synth: $*" >&2; exit 1; }
command -v node >/dev/null || die "node is not on PATH; install Node.js 20 or later (the CDK's jsii runtime)."

package="${LAMBDA_PACKAGE:-}"
if [[ -z "$package" ]]; then
  "$root/scripts/build_lambda.sh"
  package="$root/artifacts/lambda/publish"
fi
[[ -f "$package/ImageProcessing.Function.dll" ]] || die "$package holds no ImageProcessing.Function.dll."
dotnet build "$root/ImageProcessing.Infrastructure/ImageProcessing.Infrastructure.csproj" -c Release --nologo -v q \
  || die "the CDK app does not build."
# The protocol the CDK CLI uses: context as JSON in the environment, the cloud assembly written to CDK_OUTDIR.
(cd "$root/ImageProcessing.Infrastructure" \
  && CDK_OUTDIR="$out" CDK_CONTEXT_JSON="{\"lambdaPackage\":\"$package\"}" \
     dotnet bin/Release/net10.0/ImageProcessing.Infrastructure.dll) || die "the synthesis failed (see above)."
for stack in ImageProcessing ImageProcessing-Baseline; do
  [[ -f "$out/$stack.template.json" ]] || die "the synthesis wrote no $stack template."
done
echo "synth: wrote $(cd "$out" && ls ./*.template.json | tr '\n' ' ')to $out"
