using System.Text.Json.Nodes;
using ImageProcessing.Infrastructure.Constructs;

namespace ImageProcessing.Tests.Infrastructure;

[Collection(CdkSynthesis.Name)]
[Trait("Category", "infrastructure")]
public sealed class AccountSecurityTests(DefaultTemplate stack)
{
    private JsonObject Trail => stack.One("AWS::CloudTrail::Trail").Resource.Properties();

    [Fact]
    public void The_trail_is_multi_region_validated_and_encrypted_with_the_pipeline_key()
    {
        Assert.True((bool)Trail["IsMultiRegionTrail"]!);
        Assert.True((bool)Trail["EnableLogFileValidation"]!);
        Assert.True((bool)Trail["IncludeGlobalServiceEvents"]!);
        Assert.True(Trail["KMSKeyId"].RefersTo(stack.LogicalId(stack.Stack.Encryption.Key)));
        Assert.True(Trail["S3BucketName"].RefersTo(stack.LogicalId(stack.Stack.Storage.LogsBucket)));
    }

    [Fact]
    public void The_trail_records_data_events_of_the_images_bucket()
    {
        var selectors = Trail["EventSelectors"]!.AsArray();

        Assert.Contains(selectors, selector =>
            (string?)selector!["ReadWriteType"] == "All"
            && selector["DataResources"]!.AsArray().Any(d => (string?)d!["Type"] == "AWS::S3::Object"
                && d["Values"].RefersTo(stack.LogicalId(stack.Stack.Storage.ImagesBucket))));
    }

    [Fact]
    public void GuardDuty_watches_s3()
    {
        var detector = stack.One("AWS::GuardDuty::Detector").Resource.Properties();

        Assert.True((bool)detector["Enable"]!);
        Assert.True((bool)detector["DataSources"]!["S3Logs"]!["Enable"]!);
    }

    [Fact]
    public void Malware_protection_is_an_option_off_by_default() => Assert.Empty(stack.Resources("AWS::GuardDuty::MalwareProtectionPlan"));

    [Fact]
    public void Security_hub_runs_the_cis_foundations_standard_only()
    {
        var hub = stack.One("AWS::SecurityHub::Hub").Resource.Properties();
        var standard = stack.One("AWS::SecurityHub::Standard").Resource.Properties();

        Assert.False((bool)hub["EnableDefaultStandards"]!);
        Assert.Contains("standards/cis-aws-foundations-benchmark/v/", standard["StandardsArn"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Config_records_the_stacks_resource_types_into_the_logs_bucket()
    {
        var recorder = stack.One("AWS::Config::ConfigurationRecorder").Resource.Properties();
        var channel = stack.One("AWS::Config::DeliveryChannel").Resource.Properties();

        Assert.Equal(ConfigCompliance.RecordedResourceTypes.Order(), recorder["RecordingGroup"]!["ResourceTypes"].Strings().Order());
        Assert.True(channel["S3BucketName"].RefersTo(stack.LogicalId(stack.Stack.Storage.LogsBucket)));
    }

    [Fact]
    public void Config_rules_check_the_controls_after_the_recorder_exists()
    {
        var recorderId = stack.One("AWS::Config::ConfigurationRecorder").LogicalId;
        var rules = stack.Resources("AWS::Config::ConfigRule").ToList();

        Assert.Equal(ConfigCompliance.ManagedRules.Order(),
            rules.Select(r => (string)r.Resource.Properties()["Source"]!["SourceIdentifier"]!).Order());
        Assert.All(rules, r => Assert.Contains(recorderId, r.Resource["DependsOn"].Strings()));
    }

    [Fact]
    public void The_access_logging_rule_checks_the_images_bucket_only()
    {
        var rule = stack.Resources("AWS::Config::ConfigRule")
            .Single(r => (string?)r.Resource.Properties()["Source"]!["SourceIdentifier"] == ConfigCompliance.AccessLoggingRule).Resource;

        Assert.True(rule.Properties()["Scope"]!["ComplianceResourceId"].RefersTo(stack.LogicalId(stack.Stack.Storage.ImagesBucket)));
    }
}
