using System.Text.Json.Nodes;
using ImageProcessing.Infrastructure.Constructs;

namespace ImageProcessing.Tests.Infrastructure;

[Collection(CdkSynthesis.Name)]
[Trait("Category", "infrastructure")]
public sealed class MonitoringTests(DefaultTemplate stack)
{
    private string AlertsId => stack.LogicalId(stack.Stack.Messaging.SecurityAlertsTopic);

    private JsonObject Alarm(string metricName) =>
        stack.Resources("AWS::CloudWatch::Alarm").Single(a => (string?)a.Resource.Properties()["MetricName"] == metricName).Resource.Properties();

    [Fact]
    public void The_alarms_stay_within_the_free_tiers_ten() =>
        Assert.InRange(stack.Resources("AWS::CloudWatch::Alarm").Count(), 1, 10);

    [Fact]
    public void Every_alarm_notifies_the_security_alerts_topic() =>
        Assert.All(stack.Resources("AWS::CloudWatch::Alarm"), a => Assert.True(a.Resource.Properties()["AlarmActions"].RefersTo(AlertsId), a.LogicalId));

    [Theory]
    [InlineData("Errors", "AWS/Lambda")]
    [InlineData("Throttles", "AWS/Lambda")]
    public void Function_errors_and_throttles_alarm_on_the_first_one(string metric, string metricNamespace)
    {
        var alarm = Alarm(metric);

        Assert.Equal(metricNamespace, (string?)alarm["Namespace"]);
        Assert.Equal(1, (double)alarm["Threshold"]!);
        Assert.Equal("GreaterThanOrEqualToThreshold", (string?)alarm["ComparisonOperator"]);
    }

    [Fact]
    public void A_message_in_the_dead_letter_queue_raises_an_alarm()
    {
        var alarm = Alarm("ApproximateNumberOfMessagesVisible");

        Assert.True(alarm["Dimensions"].RefersTo(stack.LogicalId(stack.Stack.Messaging.DeadLetterQueue)));
        Assert.Equal(1, (double)alarm["Threshold"]!);
    }

    [Fact]
    public void Old_upload_messages_raise_an_alarm()
    {
        var alarm = Alarm("ApproximateAgeOfOldestMessage");

        Assert.True(alarm["Dimensions"].RefersTo(stack.LogicalId(stack.Stack.Messaging.UploadQueue)));
        Assert.Equal(Monitoring.OldestMessageAlarmSeconds, (double)alarm["Threshold"]!);
    }

    [Fact]
    public void An_images_bucket_over_4_gb_raises_a_cost_alarm()
    {
        var alarm = Alarm("BucketSizeBytes");

        Assert.Equal(4d * 1024 * 1024 * 1024, (double)alarm["Threshold"]!);
        Assert.True(alarm["Dimensions"].RefersTo(stack.LogicalId(stack.Stack.Storage.ImagesBucket)));
    }

    [Fact]
    public void Disabling_or_scheduling_deletion_of_the_key_alerts_security()
    {
        var rule = stack.Json["Resources"]![stack.LogicalId(stack.Stack.SecurityEvents.KeyStateRule)]!.AsObject().Properties();
        var pattern = rule["EventPattern"]!;

        Assert.Equal(["aws.kms"], pattern["source"].Strings());
        Assert.Equal(["DisableKey", "ScheduleKeyDeletion"], pattern["detail"]!["eventName"].Strings().Order());
        Assert.True(pattern["detail"]!["resources"].RefersTo(stack.LogicalId(stack.Stack.Encryption.Key)));
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
