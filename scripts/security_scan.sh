#!/usr/bin/env bash
# Offline proof of the AWS stack's security posture (called by .ci/run before the tests):
#   1. synthesize the CDK app twice: with the defaults, and with every option on (a stand-in Lambda package is
#      used: the checks read the template, not the code); each synthesis has two stacks, the pipeline and the
#      account baseline;
#   2. cfn-lint on each template: 0 errors, 0 warnings;
#   3. cdk-nag (AwsSolutions, HIPAA.Security, NIST.800.53.R5, PCI.DSS.321, Serverless) and the cfn-guard Control
#      Tower rules (tools/compliance): 0 unacknowledged findings, every acknowledgement with its reason;
#   4. dependency audit: dotnet list package --vulnerable --include-transitive (fails on a reported vulnerability;
#      only reported when the advisory source cannot be reached).
# The C# analyzers, security rules included, run at error level in every build (Directory.Build.props).
#
#   scripts/security_scan.sh            results under artifacts/security-scan/
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/artifacts/security-scan"
tool="$root/tools/compliance"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_DISABLE_CLI_TELEMETRY=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

die() { echo "security_scan: $*" >&2; exit 1; }
step() { echo; echo "== $*"; }

command -v dotnet >/dev/null || die "dotnet is not on PATH; install the .NET 10 SDK."
command -v node >/dev/null || die "node is not on PATH; install Node.js 20 or later (it runs the CDK and the scanners)."
command -v npm >/dev/null || die "npm is not on PATH; it comes with Node.js."
if ! command -v cfn-lint >/dev/null; then
  echo "security_scan: cfn-lint is missing; installing it (pip install cfn-lint==1.51.0)" >&2
  python3 -m pip install --quiet "cfn-lint==1.51.0" || die "cfn-lint could not be installed; run: pip install cfn-lint"
  command -v cfn-lint >/dev/null || die "cfn-lint was installed but is not on PATH."
fi

rm -rf "$out"
mkdir -p "$out"

step "compliance tool (npm ci from tools/compliance/package-lock.json)"
if [[ ! -f "$tool/node_modules/.package-lock.json" || "$tool/package-lock.json" -nt "$tool/node_modules/.package-lock.json" ]]; then
  (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in tools/compliance."
else
  echo "up to date"
fi

step "scanner self-test (a bare bucket and queue must fail)"
if node "$tool/scan.mjs" "$tool/fixtures/noncompliant.template.json" --report "$out/self-test.json" >"$out/self-test.txt" 2>&1; then
  cat "$out/self-test.txt"
  die "the compliance tool passed a non-compliant template; it cannot be trusted."
fi
grep -q "AwsSolutions-SQS3" "$out/self-test.txt" && die "the compliance tool ignored an acknowledgement in the self-test."
echo "ok: $(grep -c '^UNACKNOWLEDGED' "$out/self-test.txt") findings reported, the acknowledged one honoured"

step "synthesize"
dotnet build "$root/ImageProcessing.Infrastructure/ImageProcessing.Infrastructure.csproj" -c Release --nologo -v q \
  || die "the CDK app does not build."
stand_in="$out/stand-in-lambda-package"
mkdir -p "$stand_in"
echo "stand-in: the scans read the template, not the code" > "$stand_in/README.txt"

# The same protocol the CDK CLI uses: context as JSON in the environment, the cloud assembly written to CDK_OUTDIR.
synth() {
  local name="$1" context="$2"
  (cd "$root/ImageProcessing.Infrastructure" \
    && CDK_OUTDIR="$out/$name" CDK_CONTEXT_JSON="$context" \
       dotnet bin/Release/net10.0/ImageProcessing.Infrastructure.dll >"$out/$name.synth.log" 2>&1) \
    || { cat "$out/$name.synth.log" >&2; die "synth of the $name variant failed."; }
  echo "$name: $(ls "$out/$name"/*.template.json | tr '\n' ' ')"
}
synth default "{\"lambdaPackage\":\"$stand_in\"}"
synth all-options "{\"lambdaPackage\":\"$stand_in\",\"enableMalwareProtection\":\"true\",\"reservedConcurrency\":\"none\",\"alertEmail\":\"security@example.com\",\"imageEventsEmail\":\"events@example.com\"}"

status=0
for variant in default all-options; do
  for stack in ImageProcessing ImageProcessing-Baseline; do
    template="$out/$variant/$stack.template.json"
    [[ -f "$template" ]] || die "the $variant synthesis wrote no $stack template."
    name="$variant.$stack"

    step "cfn-lint ($name)"
    if cfn-lint --format parseable "$template" >"$out/$name.cfn-lint.txt" 2>&1; then
      echo "cfn-lint: 0 errors, 0 warnings"
    else
      cat "$out/$name.cfn-lint.txt"
      echo "cfn-lint: findings above (errors and warnings both fail the scan)"
      status=1
    fi

    step "cdk-nag packs and cfn-guard Control Tower rules ($name)"
    node "$tool/scan.mjs" "$template" --report "$out/$name.compliance.json" || status=1
  done
done

step "dependency audit (dotnet list package --vulnerable --include-transitive)"
audit="$out/dependency-audit.txt"
if dotnet list "$root/ImageProcessing.sln" package --vulnerable --include-transitive >"$audit" 2>&1; then
  if grep -q "has the following vulnerable packages" "$audit"; then
    cat "$audit"
    echo "dependency audit: vulnerable packages reported above"
    status=1
  else
    grep -E "vulnerable|sources were used|https?://" "$audit" || true
    echo "dependency audit: no known vulnerable packages"
  fi
else
  grep -v "^\s*$" "$audit" | tail -5
  echo "dependency audit: NOT RUN - the advisory source could not be reached (offline?); run it again with network access."
fi

echo
if (( status == 0 )); then
  echo "security scan passed (reports in ${out#"$root"/})"
else
  echo "security scan FAILED (reports in ${out#"$root"/})"
fi
exit "$status"
