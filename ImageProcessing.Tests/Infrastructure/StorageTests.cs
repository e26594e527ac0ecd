using System.Text.Json.Nodes;
using ImageProcessing.Infrastructure.Constructs;
using ImageProcessing.Pipeline;

namespace ImageProcessing.Tests.Infrastructure;

[Collection(CdkSynthesis.Name)]
[Trait("Category", "infrastructure")]
public sealed class StorageTests(DefaultTemplate stack)
{
    private static readonly string[] PublicAccessSettings = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"];

    private string ImagesId => stack.LogicalId(stack.Stack.Storage.ImagesBucket);
    private string LogsId => stack.LogicalId(stack.Stack.Storage.LogsBucket);
    private JsonObject Images => stack.Json["Resources"]![ImagesId]!.AsObject();
    private JsonObject Logs => stack.Json["Resources"]![LogsId]!.AsObject();

    [Fact]
    public void The_images_bucket_is_encrypted_with_the_pipeline_key_and_a_bucket_key()
    {
        var rule = Images.Properties()["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!;

        Assert.Equal("aws:kms", (string?)rule["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]);
        Assert.True(rule["ServerSideEncryptionByDefault"]!["KMSMasterKeyID"].RefersTo(stack.LogicalId(stack.Stack.Encryption.Key)));
        Assert.True((bool)rule["BucketKeyEnabled"]!);
    }

    [Fact]
    public void The_logs_bucket_is_encrypted_at_rest() =>
        Assert.Equal("AES256", (string?)Logs.Properties()["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]);

    [Theory]
    [InlineData("images")]
    [InlineData("logs")]
    public void Both_buckets_block_all_public_access_and_disable_acls(string which)
    {
        var bucket = which == "images" ? Images : Logs;
        var block = bucket.Properties()["PublicAccessBlockConfiguration"]!;

        Assert.All(PublicAccessSettings, setting => Assert.True((bool)block[setting]!, setting));
        Assert.Equal("BucketOwnerEnforced", (string?)bucket.Properties()["OwnershipControls"]!["Rules"]![0]!["ObjectOwnership"]);
    }

    [Theory]
    [InlineData("DenyOtherEncryption", "StringNotEqualsIfExists", "s3:x-amz-server-side-encryption", "aws:kms")]
    [InlineData("DenyCustomerProvidedKeys", "Null", "s3:x-amz-server-side-encryption-customer-algorithm", "false")]
    public void Uploads_asking_for_other_encryption_are_refused(string sid, string operatorName, string conditionKey, string value)
    {
        var statement = ImagesPolicyStatement(sid);

        Assert.Equal(("Deny", "s3:PutObject"), ((string?)statement["Effect"], (string?)statement["Action"]));
        Assert.Equal(value, (string?)statement["Condition"]![operatorName]![conditionKey]);
    }

    [Fact]
    public void Uploads_naming_another_kms_key_are_refused()
    {
        var condition = ImagesPolicyStatement("DenyOtherKmsKeys")["Condition"]!["StringNotEqualsIfExists"]!["s3:x-amz-server-side-encryption-aws-kms-key-id"];

        Assert.True(condition.RefersTo(stack.LogicalId(stack.Stack.Encryption.Key)));
    }

    private System.Text.Json.Nodes.JsonObject ImagesPolicyStatement(string sid) =>
        stack.Resources("AWS::S3::BucketPolicy").Single(p => p.Resource.Properties()["Bucket"].RefersTo(ImagesId)).Resource
            .Properties()["PolicyDocument"]!.Statements().Single(s => (string?)s["Sid"] == sid);

    [Theory]
    [InlineData("images")]
    [InlineData("logs")]
    public void Both_buckets_deny_requests_without_tls(string which)
    {
        var bucketId = which == "images" ? ImagesId : LogsId;
        var policy = stack.Resources("AWS::S3::BucketPolicy").Single(p => p.Resource.Properties()["Bucket"].RefersTo(bucketId)).Resource;

        Assert.Contains(policy.Properties()["PolicyDocument"]!.Statements(), statement =>
            (string?)statement["Effect"] == "Deny"
            && statement["Principal"]!.ToJsonString().Contains('*', StringComparison.Ordinal)
            && (string?)statement["Condition"]!["Bool"]?["aws:SecureTransport"] == "false");
    }

    [Theory]
    [InlineData("images")]
    [InlineData("logs")]
    public void Both_buckets_are_versioned(string which) =>
        Assert.Equal("Enabled", (string?)(which == "images" ? Images : Logs).Properties()["VersioningConfiguration"]!["Status"]);

    [Fact]
    public void Images_expire_after_30_days_old_versions_after_7_and_incomplete_uploads_after_1()
    {
        var rule = Images.Properties()["LifecycleConfiguration"]!["Rules"]![0]!;

        Assert.Equal(30, (int)rule["ExpirationInDays"]!);
        Assert.Equal(7, (int)rule["NoncurrentVersionExpiration"]!["NoncurrentDays"]!);
        Assert.Equal(1, (int)rule["AbortIncompleteMultipartUpload"]!["DaysAfterInitiation"]!);
        Assert.Equal("Enabled", (string?)rule["Status"]);
    }

    [Fact]
    public void Logs_are_kept_365_days()
    {
        var rule = Logs.Properties()["LifecycleConfiguration"]!["Rules"]![0]!;

        Assert.Equal(365, (int)rule["ExpirationInDays"]!);
    }

    [Fact]
    public void The_images_bucket_sends_access_logs_to_the_logs_bucket()
    {
        var logging = Images.Properties()["LoggingConfiguration"]!;

        Assert.True(logging["DestinationBucketName"].RefersTo(LogsId));
        Assert.Equal(Storage.AccessLogsPrefix, (string?)logging["LogFilePrefix"]);
    }

    [Fact]
    public void Uploads_notify_the_queue_through_the_l1_bucket_and_only_for_the_upload_prefix()
    {
        var queueId = stack.LogicalId(stack.Stack.Messaging.UploadQueue);
        var configuration = Assert.Single(Images.Properties()["NotificationConfiguration"]!["QueueConfigurations"]!.AsArray())!;

        Assert.Equal("s3:ObjectCreated:*", (string?)configuration["Event"]);
        Assert.True(configuration["Queue"].RefersTo(queueId));
        var filter = Assert.Single(configuration["Filter"]!["S3Key"]!["Rules"]!.AsArray())!;
        Assert.Equal("prefix", (string?)filter["Name"]);
        Assert.Equal(PipelineDefinition.InputPrefix, (string?)filter["Value"]);
    }

    [Fact]
    public void The_queue_policy_admits_only_this_bucket_and_exists_before_the_notification()
    {
        var queueId = stack.LogicalId(stack.Stack.Messaging.UploadQueue);
        var (policyId, policy) = stack.Resources("AWS::SQS::QueuePolicy").Single(p => p.Resource.Properties()["Queues"].RefersTo(queueId));
        var statement = policy.Properties()["PolicyDocument"]!.Statements().Single(s => (string?)s["Sid"] == "AllowImagesBucketNotifications");

        Assert.Equal("s3.amazonaws.com", (string?)statement["Principal"]!["Service"]);
        Assert.Contains("imgpipe-images-", statement["Condition"]!["ArnEquals"]!["aws:SourceArn"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(statement["Condition"]!["StringEquals"]!["aws:SourceAccount"]);
        Assert.Contains(policyId, Images["DependsOn"].Strings());
    }

    [Fact]
    public void No_custom_resource_or_helper_function_is_deployed()
    {
        var types = stack.Json["Resources"]!.AsObject().Select(r => (string)r.Value!["Type"]!).ToList();

        Assert.DoesNotContain(types, type => type.StartsWith("Custom::", StringComparison.Ordinal) || type == "AWS::CloudFormation::CustomResource");
        Assert.Single(types, type => type == "AWS::Lambda::Function");
    }

    [Fact]
    public void Stored_data_is_retained_when_the_stack_is_deleted()
    {
        Assert.Equal("Retain", (string?)Images["DeletionPolicy"]);
        Assert.Equal("Retain", (string?)Logs["DeletionPolicy"]);
    }
}
