using System.Text.Json.Nodes;
using ImageProcessing.Infrastructure.Constructs;

namespace ImageProcessing.Tests.Infrastructure;

[Collection(CdkSynthesis.Name)]
[Trait("Category", "infrastructure")]
public sealed class MonitoringTests(DefaultTemplate stack)
{
    private string AlertsId => stack.LogicalId(stack.Stack.Messaging.SecurityAlertsTopic);

    private JsonObject Alarm(string name) =>
        stack.Resources("AWS::CloudWatch::Alarm").Single(a => (string?)a.Resource.Properties()["AlarmName"] == "imgpipe-" + name).Resource.Properties();

    [Fact]
    public void Ten_alarms_the_free_tiers_ten_each_named_explicitly()
    {
        var names = stack.Resources("AWS::CloudWatch::Alarm").Select(a => (string?)a.Resource.Properties()["AlarmName"]).ToList();

        Assert.Equal(10, names.Count);
        Assert.All(names, name => Assert.StartsWith("imgpipe-", name, StringComparison.Ordinal));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_alarm_notifies_the_security_alerts_topic() =>
        Assert.All(stack.Resources("AWS::CloudWatch::Alarm"), a => Assert.True(a.Resource.Properties()["AlarmActions"].RefersTo(AlertsId), a.LogicalId));

    [Theory]
    [InlineData("failed-messages", "Failed", 1)]
    [InlineData("rejection-spike", "Rejected", 20)]
    public void Failed_messages_and_rejection_spikes_alarm_on_the_functions_own_metrics(string name, string metric, double threshold)
    {
        var alarm = Alarm(name);

        Assert.Equal(("ImageProcessing", metric, "Sum"), ((string?)alarm["Namespace"], (string?)alarm["MetricName"], (string?)alarm["Statistic"]));
        Assert.Equal("FunctionName", (string?)alarm["Dimensions"]![0]!["Name"]);
        Assert.True(alarm["Dimensions"].RefersTo(stack.LogicalId(stack.Stack.Function.Function)));
        Assert.Equal(threshold, (double)alarm["Threshold"]!);
    }

    [Theory]
    [InlineData("function-errors", "Errors")]
    [InlineData("function-throttles", "Throttles")]
    public void Function_errors_and_throttles_alarm_on_the_first_one(string name, string metric)
    {
        var alarm = Alarm(name);

        Assert.Equal(("AWS/Lambda", metric), ((string?)alarm["Namespace"], (string?)alarm["MetricName"]));
        Assert.Equal(1, (double)alarm["Threshold"]!);
        Assert.Equal("GreaterThanOrEqualToThreshold", (string?)alarm["ComparisonOperator"]);
    }

    [Theory]
    [InlineData("dead-letter-queue-not-empty", "upload")]
    [InlineData("alert-dead-letter-queue-not-empty", "alert")]
    public void A_message_in_either_dead_letter_queue_raises_an_alarm(string name, string queue)
    {
        var alarm = Alarm(name);
        var dlq = queue == "upload" ? stack.Stack.Messaging.DeadLetterQueue : stack.Stack.SecurityEvents.DeadLetterQueue;

        Assert.Equal("ApproximateNumberOfMessagesVisible", (string?)alarm["MetricName"]);
        Assert.True(alarm["Dimensions"].RefersTo(stack.LogicalId(dlq)));
        Assert.Equal(1, (double)alarm["Threshold"]!);
    }

    [Fact]
    public void Old_upload_messages_raise_an_alarm()
    {
        var alarm = Alarm("oldest-upload-age");

        Assert.True(alarm["Dimensions"].RefersTo(stack.LogicalId(stack.Stack.Messaging.UploadQueue)));
        Assert.Equal(Monitoring.OldestMessageAlarmSeconds, (double)alarm["Threshold"]!);
    }

    [Theory]
    [InlineData("images-bucket-size", "images")]
    [InlineData("logs-bucket-size", "logs")]
    public void Either_bucket_over_4_gb_raises_a_cost_alarm(string name, string bucket)
    {
        var alarm = Alarm(name);

        Assert.Equal(4d * 1024 * 1024 * 1024, (double)alarm["Threshold"]!);
        Assert.True(alarm["Dimensions"].RefersTo(stack.LogicalId(bucket == "images" ? stack.Stack.Storage.ImagesBucket : stack.Stack.Storage.LogsBucket)));
    }

    [Fact]
    public void Failed_deliveries_of_the_alert_topic_raise_an_alarm()
    {
        var alarm = Alarm("alert-delivery-failures");

        Assert.Equal(("AWS/SNS", "NumberOfNotificationsFailed"), ((string?)alarm["Namespace"], (string?)alarm["MetricName"]));
        Assert.True(alarm["Dimensions"].RefersTo(AlertsId));
    }

    [Fact]
    public void Every_security_rule_dead_letters_what_it_cannot_deliver()
    {
        var dlq = stack.LogicalId(stack.Stack.SecurityEvents.DeadLetterQueue);
        foreach (var rule in new[] { stack.Stack.SecurityEvents.KeyStateRule, stack.Stack.SecurityEvents.GuardDutyFindingRule, stack.Stack.SecurityEvents.MalwareScanRule })
        {
            var target = stack.Json["Resources"]![stack.LogicalId(rule)]!.AsObject().Properties()["Targets"]![0]!;
            Assert.True(target["DeadLetterConfig"].RefersTo(dlq), rule.Node.Id);
        }

        var queue = stack.Json["Resources"]![dlq]!.AsObject().Properties();
        Assert.True(queue["KmsMasterKeyId"].RefersTo(stack.LogicalId(stack.Stack.Encryption.AlertsKey)));
    }

    [Fact]
    public void Disabling_or_scheduling_deletion_of_either_key_alerts_security()
    {
        var rule = stack.Json["Resources"]![stack.LogicalId(stack.Stack.SecurityEvents.KeyStateRule)]!.AsObject().Properties();
        var pattern = rule["EventPattern"]!;

        Assert.Equal(["aws.kms"], pattern["source"].Strings());
        Assert.Equal(["DisableKey", "ScheduleKeyDeletion"], pattern["detail"]!["eventName"].Strings().Order());
        Assert.True(pattern["detail"]!["resources"].RefersTo(stack.LogicalId(stack.Stack.Encryption.Key)));
        Assert.True(pattern["detail"]!["resources"].RefersTo(stack.LogicalId(stack.Stack.Encryption.AlertsKey)));
        Assert.True(rule["Targets"].RefersTo(AlertsId));
    }

    [Fact]
    public void GuardDuty_findings_and_malware_alert_security()
    {
        foreach (var rule in new[] { stack.Stack.SecurityEvents.GuardDutyFindingRule, stack.Stack.SecurityEvents.MalwareScanRule })
        {
            var properties = stack.Json["Resources"]![stack.LogicalId(rule)]!.AsObject().Properties();
            Assert.Equal(["aws.guardduty"], properties["EventPattern"]!["source"].Strings());
            Assert.True(properties["Targets"].RefersTo(AlertsId));
        }
    }

    [Fact]
    public void Events_and_alarms_may_publish_to_the_encrypted_alerts_topic()
    {
        var policy = stack.Resources("AWS::SNS::TopicPolicy").Single(p => p.Resource.Properties()["Topics"].RefersTo(AlertsId)).Resource;
        var services = policy.Properties()["PolicyDocument"]!.Statements()
            .Where(s => (string?)s["Effect"] == "Allow")
            .SelectMany(s => s["Principal"]!["Service"].Strings())
            .ToList();

        Assert.Contains("cloudwatch.amazonaws.com", services);
        Assert.Contains("events.amazonaws.com", services);
    }

    [Fact]
    public void There_is_one_dashboard() => stack.One("AWS::CloudWatch::Dashboard");
}
