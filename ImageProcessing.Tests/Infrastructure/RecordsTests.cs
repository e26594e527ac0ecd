using System.Text.Json.Nodes;
using ImageProcessing.Pipeline;

namespace ImageProcessing.Tests.Infrastructure;

[Collection(CdkSynthesis.Name)]
[Trait("Category", "infrastructure")]
public sealed class RecordsTests(DefaultTemplate stack)
{
    private JsonObject Table => stack.One("AWS::DynamoDB::Table").Resource;

    [Fact]
    public void The_key_schema_is_the_pipeline_definitions()
    {
        var keys = Table.Properties()["KeySchema"]!.AsArray();

        Assert.Contains(keys, k => (string?)k!["AttributeName"] == PipelineDefinition.RecordsTable.PartitionKey && (string?)k["KeyType"] == "HASH");
        Assert.Contains(keys, k => (string?)k!["AttributeName"] == PipelineDefinition.RecordsTable.SortKey && (string?)k["KeyType"] == "RANGE");
    }

    [Fact]
    public void Records_are_encrypted_with_the_customer_managed_key()
    {
        var sse = Table.Properties()["SSESpecification"]!;

        Assert.True((bool)sse["SSEEnabled"]!);
        Assert.Equal("KMS", (string?)sse["SSEType"]);
        Assert.True(sse["KMSMasterKeyId"].RefersTo(stack.LogicalId(stack.Stack.Encryption.Key)));
    }

    [Fact]
    public void The_table_is_on_demand() => Assert.Equal("PAY_PER_REQUEST", (string?)Table.Properties()["BillingMode"]);

    [Fact]
    public void Point_in_time_recovery_is_on() =>
        Assert.True((bool)Table.Properties()["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!);

    [Fact]
    public void Records_expire_through_ttl()
    {
        var ttl = Table.Properties()["TimeToLiveSpecification"]!;

        Assert.Equal(PipelineDefinition.RecordsTable.TimeToLiveAttribute, (string?)ttl["AttributeName"]);
        Assert.True((bool)ttl["Enabled"]!);
    }

    [Fact]
    public void The_table_is_protected_from_deletion()
    {
        Assert.True((bool)Table.Properties()["DeletionProtectionEnabled"]!);
        Assert.Equal("Retain", (string?)Table["DeletionPolicy"]);
    }
}
