using System.Text.Json.Nodes;
using ImageProcessing.Infrastructure.Constructs;

namespace ImageProcessing.Tests.Infrastructure;

[Collection(CdkSynthesis.Name)]
[Trait("Category", "infrastructure")]
public sealed class PermissionsTests(DefaultTemplate stack)
{
    private IReadOnlyList<JsonObject> Statements
    {
        get
        {
            var roleId = stack.LogicalId(stack.Stack.Function.Role);
            return stack.Resources("AWS::IAM::Policy")
                .Where(p => p.Resource.Properties()["Roles"].RefersTo(roleId))
                .SelectMany(p => p.Resource.Properties()["PolicyDocument"]!.Statements())
                .ToList();
        }
    }

    private string BucketId => stack.LogicalId(stack.Stack.Storage.ImagesBucket);

    private JsonObject Sid(string sid) => Statements.Single(s => (string?)s["Sid"] == sid);

    [Fact]
    public void Upload_actions_are_allowed_on_uploads_only()
    {
        var statement = Sid("ReadAndTagUploads");

        Assert.Equal(FunctionPermissions.UploadActions.Order(), statement["Action"].Strings().Order());
        var resource = Assert.Single(statement["Resource"].Strings());
        Assert.Contains(BucketId, resource, StringComparison.Ordinal);
        Assert.EndsWith("\"/uploads/*\"]]}", resource, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_is_allowed_under_processed_only()
    {
        var statement = Sid("WriteRenditions");

        Assert.Equal(["s3:PutObject"], statement["Action"].Strings());
        Assert.EndsWith("\"/processed/*\"]]}", Assert.Single(statement["Resource"].Strings()), StringComparison.Ordinal);
    }

    [Fact]
    public void Listing_is_allowed_on_the_images_bucket_alone_so_missing_uploads_are_404s()
    {
        var statement = Sid("TellMissingUploadsApart");

        Assert.Equal(["s3:ListBucket"], statement["Action"].Strings());
        var resource = Assert.Single(statement["Resource"].Strings());
        Assert.Contains(BucketId, resource, StringComparison.Ordinal);
        Assert.DoesNotContain("/*", resource, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_item_actions_on_the_table_are_allowed()
    {
        var statement = Sid("WriteRecords");

        Assert.All(statement["Action"].Strings(), action => Assert.Contains(action, FunctionPermissions.RecordActions));
        Assert.Contains(stack.LogicalId(stack.Stack.Records.Table), Assert.Single(statement["Resource"].Strings()), StringComparison.Ordinal);
    }

    [Fact]
    public void Publishing_is_allowed_on_the_two_topics_only()
    {
        var statement = Sid("PublishOutcomes");

        Assert.Equal(["sns:Publish"], statement["Action"].Strings());
        var resources = statement["Resource"].Strings();
        Assert.Equal(2, resources.Count);
        Assert.Contains(resources, r => r.Contains(stack.LogicalId(stack.Stack.Messaging.ImageEventsTopic), StringComparison.Ordinal));
        Assert.Contains(resources, r => r.Contains(stack.LogicalId(stack.Stack.Messaging.SecurityAlertsTopic), StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_pipeline_keys_may_be_used_and_the_alerts_key_only_to_publish()
    {
        var dataKey = stack.LogicalId(stack.Stack.Encryption.Key);
        var alertsKey = stack.LogicalId(stack.Stack.Encryption.AlertsKey);
        var kms = Statements.Where(s => s["Action"].Strings().Any(a => a.StartsWith("kms:", StringComparison.Ordinal))).ToList();

        Assert.NotEmpty(kms);
        Assert.All(kms, s => Assert.All(s["Resource"].Strings(), r =>
            Assert.True(r.Contains(dataKey, StringComparison.Ordinal) || r.Contains(alertsKey, StringComparison.Ordinal), r)));
        var alerts = Assert.Single(kms, s => s["Resource"].Strings().Any(r => r.Contains(alertsKey, StringComparison.Ordinal)));
        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey"], alerts["Action"].Strings().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_statement_has_a_wildcard_resource_except_x_ray_which_requires_one()
    {
        var wildcard = Statements.Where(s => s["Resource"].Strings().Contains("*")).ToList();

        Assert.All(wildcard, s => Assert.All(s["Action"].Strings(), a => Assert.StartsWith("xray:", a, StringComparison.Ordinal)));
    }

    [Fact]
    public void No_statement_grants_a_whole_service()
    {
        Assert.All(Statements.SelectMany(s => s["Action"].Strings()), action => Assert.False(action.EndsWith(":*", StringComparison.Ordinal), action));
    }

    [Fact]
    public void The_role_has_no_managed_policies()
    {
        var role = stack.Json["Resources"]![stack.LogicalId(stack.Stack.Function.Role)]!.AsObject().Properties();

        Assert.False(role.ContainsKey("ManagedPolicyArns"));
    }
}
