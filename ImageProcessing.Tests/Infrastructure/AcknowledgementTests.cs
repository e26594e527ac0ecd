using System.Text.Json.Nodes;
using ImageProcessing.Infrastructure.Compliance;

namespace ImageProcessing.Tests.Infrastructure;

[Collection(CdkSynthesis.Name)]
[Trait("Category", "infrastructure")]
public sealed class AcknowledgementTests(DefaultTemplate stack)
{
    private IEnumerable<(string LogicalId, JsonObject Rule)> All() =>
        stack.Json["Resources"]!.AsObject()
            .Where(r => r.Value!["Metadata"]?[Acknowledgements.MetadataKey] is not null)
            .SelectMany(r => r.Value!["Metadata"]![Acknowledgements.MetadataKey]!["rules_to_suppress"]!.AsArray()
                .Select(rule => (r.Key, rule!.AsObject())));

    [Fact]
    public void Every_acknowledgement_gives_its_reason() =>
        Assert.All(All(), a => Assert.True(((string?)a.Rule["reason"])?.Length >= 20, $"{a.LogicalId}: {a.Rule}"));

    [Fact]
    public void Acknowledgements_added_in_two_places_are_both_kept()
    {
        var logs = stack.LogicalId(stack.Stack.Storage.LogsBucket);
        var ids = All().Where(a => a.LogicalId == logs).Select(a => (string)a.Rule["id"]!).ToList();

        Assert.Contains("cdk-validator-cfnguard::s3_bucket_object_lock_enabled_check", ids);
        Assert.Contains("HIPAA.Security-S3BucketReplicationEnabled", ids);
    }

    [Fact]
    public void Finding_ids_name_the_resource_by_its_logical_id()
    {
        var bucket = stack.LogicalId(stack.Stack.Storage.ImagesBucket);

        Assert.Contains(All(), a => (string?)a.Rule["id"] == $"AwsSolutions-IAM5[Resource::<{bucket}.Arn>/uploads/*]");
    }
}
