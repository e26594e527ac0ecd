using ImageProcessing.Pipeline;

namespace ImageProcessing.Tests.Infrastructure;

[Collection(CdkSynthesis.Name)]
[Trait("Category", "infrastructure")]
public sealed class AccountServicesOffTests(AccountServicesOffTemplate stack) : IClassFixture<AccountServicesOffTemplate>
{
    [Theory]
    [InlineData("AWS::GuardDuty::Detector")]
    [InlineData("AWS::SecurityHub::Hub")]
    [InlineData("AWS::SecurityHub::Standard")]
    [InlineData("AWS::Config::ConfigurationRecorder")]
    [InlineData("AWS::Config::DeliveryChannel")]
    [InlineData("AWS::Config::ConfigRule")]
    [InlineData("AWS::S3::Bucket")]
    public void Each_account_wide_service_can_be_left_to_the_account(string type) => Assert.Empty(stack.BaselineResources(type));

    [Fact]
    public void The_pipelines_own_trail_can_be_left_to_an_organisation_trail() => Assert.Empty(stack.Resources("AWS::CloudTrail::Trail"));

    [Fact]
    public void The_pipeline_itself_is_unchanged() => stack.One("AWS::Lambda::Function");
}

[Collection(CdkSynthesis.Name)]
[Trait("Category", "infrastructure")]
public sealed class CustomizedTests(CustomizedTemplate stack) : IClassFixture<CustomizedTemplate>
{
    [Fact]
    public void Memory_and_timeout_come_from_context()
    {
        var function = stack.One("AWS::Lambda::Function").Resource.Properties();

        Assert.Equal(2048, (int)function["MemorySize"]!);
        Assert.Equal(60, (int)function["Timeout"]!);
    }

    [Fact]
    public void The_visibility_timeout_follows_a_longer_function_timeout()
    {
        var queue = stack.Json["Resources"]![stack.LogicalId(stack.Stack.Messaging.UploadQueue)]!.AsObject().Properties();

        Assert.Equal(360, (int)queue["VisibilityTimeout"]!);
    }

    [Fact]
    public void Reserved_concurrency_can_be_left_off_for_small_accounts()
    {
        var function = stack.One("AWS::Lambda::Function").Resource.Properties();
        var mapping = stack.One("AWS::Lambda::EventSourceMapping").Resource.Properties();

        Assert.False(function.ContainsKey("ReservedConcurrentExecutions"));
        Assert.Equal(3, (int)mapping["ScalingConfig"]!["MaximumConcurrency"]!);
    }

    [Fact]
    public void Emails_are_subscribed_to_their_topics()
    {
        var subscriptions = stack.Resources("AWS::SNS::Subscription").Select(s => s.Resource.Properties()).ToList();

        Assert.Contains(subscriptions, s => (string?)s["Endpoint"] == "security@example.com" && (string?)s["Protocol"] == "email"
            && s["TopicArn"].RefersTo(stack.LogicalId(stack.Stack.Messaging.SecurityAlertsTopic)));
        Assert.Contains(subscriptions, s => (string?)s["Endpoint"] == "events@example.com"
            && s["TopicArn"].RefersTo(stack.LogicalId(stack.Stack.Messaging.ImageEventsTopic)));
    }

    [Fact]
    public void Malware_protection_scans_the_upload_prefix()
    {
        var plan = stack.One("AWS::GuardDuty::MalwareProtectionPlan").Resource.Properties();

        Assert.Equal([PipelineDefinition.InputPrefix], plan["ProtectedResource"]!["S3Bucket"]!["ObjectPrefixes"].Strings());
        Assert.True(plan["ProtectedResource"]!["S3Bucket"]!["BucketName"].RefersTo(stack.LogicalId(stack.Stack.Storage.ImagesBucket)));
        Assert.Equal("ENABLED", (string?)plan["Actions"]!["Tagging"]!["Status"]);
    }

    [Fact]
    public void Two_copies_of_the_pipeline_share_no_name()
    {
        using var other = new SynthesizedTemplate();
        var names = PhysicalNames(stack.Json);
        var otherNames = PhysicalNames(other.Json);

        Assert.True(names.Count >= 10, string.Join(", ", names));
        Assert.Empty(names.Intersect(otherNames, StringComparer.Ordinal));
    }

    /// <summary>Every literal name the template gives a resource (bucket, queue, table, topic, key alias, alarm, function, trail…).</summary>
    private static List<string> PhysicalNames(System.Text.Json.Nodes.JsonObject template) =>
        [.. template["Resources"]!.AsObject()
            .SelectMany(resource => resource.Value!["Properties"]?.AsObject() ?? [])
            .Where(property => property.Key is "BucketName" or "QueueName" or "TableName" or "TopicName" or "AliasName"
                or "AlarmName" or "FunctionName" or "TrailName" or "DashboardName" or "LogGroupName" or "RoleName" or "Name")
            .Where(property => property.Value is System.Text.Json.Nodes.JsonValue || property.Value?["Fn::Join"] is not null)
            .Select(property => property.Value!.ToJsonString())];

    [Fact]
    public void Names_take_the_prefix_from_context() =>
        Assert.Equal("test-env-" + PipelineDefinition.Names.UploadQueue,
            (string?)stack.Json["Resources"]![stack.LogicalId(stack.Stack.Messaging.UploadQueue)]!["Properties"]!["QueueName"]);
}
