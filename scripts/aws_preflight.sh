# Shared by deploy.sh and destroy.sh (sourced): finds the tools, the account and the region, or says what is missing.
# Sets: root, cdk, account, region, stack_name, baseline_stack_name, and baseline_context: the -c flags that leave out
# of the baseline stack each account-wide service the account already has (GuardDuty, Security Hub, AWS Config).

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stack_name="${STACK_NAME:-ImageProcessing}"
baseline_stack_name="${BASELINE_STACK_NAME:-ImageProcessing-Baseline}"
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

# One of each per account and region: a second one fails the deployment with "already exists". The baseline stack's
# own copies (from an earlier deploy) count as missing, so that stack keeps them.
owned_by_baseline() { # <physical id>
  aws cloudformation describe-stack-resources --stack-name "$baseline_stack_name" --region "$region" \
    --query "StackResources[?PhysicalResourceId=='$1'] | length(@)" --output text 2>/dev/null | grep -qx '[1-9][0-9]*'
}
baseline_context=()
detector="$(aws guardduty list-detectors --region "$region" --query 'DetectorIds[0]' --output text 2>/dev/null || true)"
if [[ -n "$detector" && "$detector" != "None" ]] && ! owned_by_baseline "$detector"; then
  echo "GuardDuty: the account already has detector $detector; the baseline leaves it out"
  baseline_context+=(-c enableGuardDuty=false)
fi
hub="$(aws securityhub describe-hub --region "$region" --query HubArn --output text 2>/dev/null || true)"
if [[ -n "$hub" && "$hub" != "None" ]] && ! owned_by_baseline "$hub"; then
  echo "Security Hub: already enabled ($hub); the baseline leaves it out"
  baseline_context+=(-c enableSecurityHub=false)
fi
recorder="$(aws configservice describe-configuration-recorders --region "$region" --query 'ConfigurationRecorders[0].name' --output text 2>/dev/null || true)"
if [[ -n "$recorder" && "$recorder" != "None" ]] && ! owned_by_baseline "$recorder"; then
  echo "AWS Config: the account already records with '$recorder' (Control Tower does); the baseline leaves it out"
  baseline_context+=(-c enableConfig=false)
fi
