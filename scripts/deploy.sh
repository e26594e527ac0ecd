#!/usr/bin/env bash
# Deploys the pipeline: preflight (credentials, region, CDK bootstrap, Lambda concurrency), Lambda build,
# security scan, then cdk deploy. Extra arguments go to cdk deploy, e.g. context:
#
#   scripts/deploy.sh -c alertEmail=security@example.com
#   scripts/deploy.sh -c reservedConcurrency=none          # accounts with a concurrency limit of 10
#   scripts/deploy.sh -c enableGuardDuty=false -c enableConfig=false   # the account already runs them
#
# STACK_NAME (default ImageProcessing) and AWS_PROFILE / AWS_REGION are honoured.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/aws_preflight.sh"

# The CDK bootstrap stack holds the asset bucket and the deploy roles; cdk deploy cannot run without it.
bootstrap_version="$(aws cloudformation describe-stacks --stack-name CDKToolkit --region "$region" \
  --query "Stacks[0].Outputs[?OutputKey=='BootstrapVersion'].OutputValue" --output text 2>/dev/null || true)"
if [[ -z "$bootstrap_version" || "$bootstrap_version" == "None" ]]; then
  die "the account/region is not bootstrapped for the CDK. Run once: $cdk bootstrap aws://$account/$region"
fi
(( bootstrap_version >= 6 )) || die "the CDK bootstrap stack is version $bootstrap_version; run: $cdk bootstrap aws://$account/$region"

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
"$cdk" deploy "$stack_name" --no-notices --require-approval broadening -c stackName="$stack_name" \
  --outputs-file "$root/artifacts/deploy-outputs.json" "$@"

echo
echo "deployed. Outputs: artifacts/deploy-outputs.json"
echo "If you passed alertEmail/imageEventsEmail, confirm the subscription email AWS sent to each address."
