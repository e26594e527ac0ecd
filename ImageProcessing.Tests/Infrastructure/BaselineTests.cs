using System.Text.Json.Nodes;
using ImageProcessing.Infrastructure.Constructs;

namespace ImageProcessing.Tests.Infrastructure;

/// <summary>The account-wide services, in the baseline stack deployed once per account and region.</summary>
[Collection(CdkSynthesis.Name)]
[Trait("Category", "infrastructure")]
public sealed class BaselineTests(DefaultTemplate stack)
{
    private (string LogicalId, JsonObject Resource) One(string type) => Assert.Single(stack.BaselineResources(type));

    [Fact]
    public void GuardDuty_watches_s3()
    {
        var detector = One("AWS::GuardDuty::Detector").Resource.Properties();

        Assert.True((bool)detector["Enable"]!);
        Assert.True((bool)detector["DataSources"]!["S3Logs"]!["Enable"]!);
    }

    [Fact]
    public void Security_hub_runs_the_cis_foundations_standard_only()
    {
        var hub = One("AWS::SecurityHub::Hub").Resource.Properties();
        var standard = One("AWS::SecurityHub::Standard").Resource.Properties();

        Assert.False((bool)hub["EnableDefaultStandards"]!);
        Assert.Contains("standards/cis-aws-foundations-benchmark/v/", standard["StandardsArn"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Config_records_the_pipelines_resource_types_into_its_own_bucket()
    {
        var recorder = One("AWS::Config::ConfigurationRecorder").Resource.Properties();
        var channel = One("AWS::Config::DeliveryChannel").Resource.Properties();

        Assert.Equal(ConfigCompliance.RecordedResourceTypes.Order(), recorder["RecordingGroup"]!["ResourceTypes"].Strings().Order());
        Assert.True(channel["S3BucketName"].RefersTo(stack.BaselineLogicalId(stack.Baseline.ConfigBucket!)));
    }

    [Fact]
    public void Config_rules_check_the_controls_after_the_recorder_exists()
    {
        var recorderId = One("AWS::Config::ConfigurationRecorder").LogicalId;
        var rules = stack.BaselineResources("AWS::Config::ConfigRule").ToList();

        Assert.Equal(ConfigCompliance.ManagedRules.Order(),
            rules.Select(r => (string)r.Resource.Properties()["Source"]!["SourceIdentifier"]!).Order());
        Assert.All(rules, r => Assert.Contains(recorderId, r.Resource["DependsOn"].Strings()));
    }

    [Fact]
    public void The_access_logging_rule_checks_the_buckets_tagged_as_needing_it()
    {
        var rule = stack.BaselineResources("AWS::Config::ConfigRule")
            .Single(r => (string?)r.Resource.Properties()["Source"]!["SourceIdentifier"] == ConfigCompliance.AccessLoggingRule).Resource;

        Assert.Equal((ConfigCompliance.AccessLoggedTagKey, ConfigCompliance.AccessLoggedTagValue),
            ((string?)rule.Properties()["Scope"]!["TagKey"], (string?)rule.Properties()["Scope"]!["TagValue"]));
        var tags = stack.Json["Resources"]![stack.LogicalId(stack.Stack.Storage.ImagesBucket)]!["Properties"]!["Tags"]!.AsArray();
        Assert.Contains(tags, tag => (string?)tag!["Key"] == ConfigCompliance.AccessLoggedTagKey && (string?)tag["Value"] == ConfigCompliance.AccessLoggedTagValue);
    }
}
