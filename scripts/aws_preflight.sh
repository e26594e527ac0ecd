# Shared by deploy.sh and destroy.sh (sourced): finds the tools, the account and the region, or says what is missing.
# Sets: root, cdk, account, region, stack_name.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stack_name="${STACK_NAME:-ImageProcessing}"
cdk="$root/tools/compliance/node_modules/.bin/cdk"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_DISABLE_CLI_TELEMETRY=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

die() { echo "$(basename "$0"): $*" >&2; exit 1; }

command -v aws >/dev/null || die "the AWS CLI is not on PATH; install it (https://aws.amazon.com/cli/ or pip install awscli)."
command -v node >/dev/null || die "node is not on PATH; install Node.js 20 or later (the CDK CLI runs on it)."
command -v dotnet >/dev/null || die "dotnet is not on PATH; install the .NET 10 SDK."

if [[ ! -x "$cdk" ]]; then
  echo "installing the CDK CLI from tools/compliance/package-lock.json (npm ci)"
  (cd "$root/tools/compliance" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in tools/compliance."
fi

region="${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region 2>/dev/null || true)}}"
[[ -n "$region" ]] || die "no AWS region: set AWS_REGION (e.g. export AWS_REGION=eu-west-1) or run 'aws configure'."

if ! identity="$(aws sts get-caller-identity --output text --query Account 2>&1)"; then
  die "no usable AWS credentials ($identity). Configure them with 'aws configure', 'aws sso login' or AWS_PROFILE."
fi
account="$identity"
export CDK_DEFAULT_ACCOUNT="$account" CDK_DEFAULT_REGION="$region" AWS_REGION="$region"
echo "account $account, region $region, stack $stack_name"
