using System.Text.Json.Nodes;

namespace ImageProcessing.Tests.Infrastructure;

[Collection(CdkSynthesis.Name)]
[Trait("Category", "infrastructure")]
public sealed class PipelineAuditTests(DefaultTemplate stack)
{
    private JsonObject Trail => stack.One("AWS::CloudTrail::Trail").Resource.Properties();

    [Fact]
    public void The_trail_is_multi_region_validated_and_encrypted_with_the_alerts_key()
    {
        Assert.True((bool)Trail["IsMultiRegionTrail"]!);
        Assert.True((bool)Trail["EnableLogFileValidation"]!);
        Assert.True((bool)Trail["IncludeGlobalServiceEvents"]!);
        Assert.True(Trail["KMSKeyId"].RefersTo(stack.LogicalId(stack.Stack.Encryption.AlertsKey)));
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
    public void Malware_protection_is_an_option_off_by_default() => Assert.Empty(stack.Resources("AWS::GuardDuty::MalwareProtectionPlan"));

    [Theory]
    [InlineData("AWS::GuardDuty::Detector")]
    [InlineData("AWS::SecurityHub::Hub")]
    [InlineData("AWS::Config::ConfigurationRecorder")]
    [InlineData("AWS::Config::DeliveryChannel")]
    public void No_account_wide_service_is_in_the_pipelines_stack(string type) => Assert.Empty(stack.Resources(type));
}
