#!/usr/bin/env bash
# Deletes the stack. Data and audit evidence are RETAINED on purpose; the script lists what stays and how to
# remove it once you are sure. Pass --yes to skip the confirmation prompt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/aws_preflight.sh"

outputs="$(aws cloudformation describe-stacks --stack-name "$stack_name" --region "$region" \
  --query "Stacks[0].Outputs" --output json 2>/dev/null)" || die "stack $stack_name was not found in $account/$region."
output() { jq -r --arg k "$1" '.[] | select(.OutputKey == $k) | .OutputValue' <<<"$outputs" 2>/dev/null || true; }
command -v jq >/dev/null || die "jq is needed to read the stack outputs (apt-get install jq / brew install jq)."

images="$(output ImagesBucketName)"
logs="$(output LogsBucketName)"
table="$(output RecordsTableName)"
function_name="$(output FunctionName)"
key="$(output KeyArn)"
alerts_key="$(output AlertsKeyArn)"

cat <<TEXT
Deleting stack $stack_name removes the function, queues, topics, alarms, dashboard, event rules and, when this
stack created it, the pipeline's CloudTrail trail. The account baseline (GuardDuty, Security Hub, AWS Config) is a
stack of its own and stays: delete it separately, and only when no other copy of the pipeline relies on it.

RETAINED (kept on purpose):
  s3://$images   images bucket   - may hold uploads and outputs (expire within 30 days); CloudFormation cannot delete a non-empty bucket
  s3://$logs     logs bucket     - access logs and CloudTrail history: audit evidence, kept 365 days
  $table         records table   - processing records (TTL 90 days); deletion protection is on
  /aws/lambda/$function_name      function logs (expire after 30 days)
  $key
                 data KMS key    - everything above is encrypted with it; deleting it makes all of it unreadable
  $alerts_key
                 alerts KMS key  - the trail and the alert queue are encrypted with it
TEXT

if [[ "${1:-}" != "--yes" ]]; then
  read -r -p "Type the stack name ($stack_name) to delete it: " answer
  [[ "$answer" == "$stack_name" ]] || die "not confirmed; nothing was deleted."
fi

cd "$root/ImageProcessing.Infrastructure"
[[ -d "$root/artifacts/lambda/publish" ]] || "$root/scripts/build_lambda.sh"
"$cdk" destroy "$stack_name" --force --no-notices -c stackName="$stack_name"

cat <<TEXT

Stack deleted. To remove the retained resources later (irreversible), in this order:
  aws s3api delete-bucket --bucket $images            # after emptying every object version (S3 console: "Empty")
  aws dynamodb update-table --table-name $table --no-deletion-protection-enabled && aws dynamodb delete-table --table-name $table
  aws logs delete-log-group --log-group-name /aws/lambda/$function_name
  aws s3api delete-bucket --bucket $logs              # only once the audit evidence is no longer needed
  aws kms schedule-key-deletion --key-id $key --pending-window-in-days 30   # last: nothing encrypted with it must remain
TEXT
