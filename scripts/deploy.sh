#!/usr/bin/env bash
# Deploys the pipeline: preflight (credentials, region, CDK bootstrap, Lambda concurrency, the account-wide services
# the account already has), Lambda build, security scan, then the two stacks in order: the account baseline (only
# what the account lacks; skipped when it lacks nothing) and the pipeline. Extra arguments go to cdk deploy, e.g.:
#
#   scripts/deploy.sh -c keyAdminRoleArn=arn:aws:iam::123456789012:role/KeyAdmin     (required)
#   scripts/deploy.sh -c keyAdminRoleArn=... -c alertEmail=security@example.com
#   scripts/deploy.sh -c keyAdminRoleArn=... -c reservedConcurrency=none   # accounts with a concurrency limit of 10
#
# STACK_NAME (default ImageProcessing), BASELINE_STACK_NAME (default ImageProcessing-Baseline) and AWS_PROFILE /
# AWS_REGION are honoured.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/aws_preflight.sh"

# The CDK bootstrap stack holds the asset bucket and the deploy roles; cdk deploy cannot run without it.
bootstrap_version="$(aws cloudformation describe-stacks --stack-name CDKToolkit --region "$region" \
  --query "Stacks[0].Outputs[?OutputKey=='BootstrapVersion'].OutputValue" --output text 2>/dev/null || true)"
if [[ -z "$bootstrap_version" || "$bootstrap_version" == "None" ]]; then
  die "the account/region is not bootstrapped for the CDK. Run once: $cdk bootstrap aws://$account/$region"
fi
(( bootstrap_version >= 6 )) || die "the CDK bootstrap stack is version $bootstrap_version; run: $cdk bootstrap aws://$account/$region"

# Only this role (and the CDK deployment role) may disable, delete or re-policy the keys: an operator must name it.
key_admin=""
for argument in "$@"; do
  [[ "$argument" =~ ^keyAdminRoleArn=(.+)$ ]] && key_admin="${BASH_REMATCH[1]}"
done
[[ -n "$key_admin" ]] || die "name the key administrator: -c keyAdminRoleArn=arn:aws:iam::$account:role/<role> (see docs/deploying.md, 'Key administrator')."
aws iam get-role --role-name "${key_admin##*/}" >/dev/null 2>&1 \
  || die "the key administrator role ${key_admin##*/} does not exist in account $account; create it first (docs/deploying.md)."

# AWS keeps at least 10 executions unreserved; reserving more than the account can spare fails the deploy late.
reserved=5
for argument in "$@"; do
  [[ "$argument" =~ ^reservedConcurrency=(.*)$ ]] && reserved="${BASH_REMATCH[1]}"
done
if [[ "$reserved" != "none" ]]; then
  unreserved="$(aws lambda get-account-settings --region "$region" --query AccountLimit.UnreservedConcurrentExecutions --output text)"
  if (( unreserved - reserved < 10 )); then
    die "reserving $reserved executions would leave $(( unreserved - reserved )) unreserved (AWS requires 10; this account has $unreserved unreserved). Deploy with -c reservedConcurrency=none, or ask AWS Support to raise the concurrency limit."
  fi
fi

"$root/scripts/build_lambda.sh"
"$root/scripts/security_scan.sh" || die "the security scan failed; nothing was deployed (see above)."

mkdir -p "$root/artifacts"
cd "$root/ImageProcessing.Infrastructure"
common=(--no-notices --require-approval broadening -c stackName="$stack_name" -c baselineStackName="$baseline_stack_name")
if (( ${#baseline_context[@]} == 6 )); then
  echo "the account has GuardDuty, Security Hub and AWS Config already: no baseline stack is needed"
else
  "$cdk" deploy "$baseline_stack_name" "${common[@]}" "${baseline_context[@]}" "$@"
fi
"$cdk" deploy "$stack_name" "${common[@]}" --outputs-file "$root/artifacts/deploy-outputs.json" "$@"

echo
echo "deployed. Outputs: artifacts/deploy-outputs.json"
echo "If you passed alertEmail/imageEventsEmail, confirm the subscription email AWS sent to each address."
