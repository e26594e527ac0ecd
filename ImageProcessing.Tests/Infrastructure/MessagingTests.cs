using System.Text.Json.Nodes;
using ImageProcessing.Pipeline;

namespace ImageProcessing.Tests.Infrastructure;

[Collection(CdkSynthesis.Name)]
[Trait("Category", "infrastructure")]
public sealed class MessagingTests(DefaultTemplate stack)
{
    private JsonObject Resource(Amazon.CDK.Resource construct) => stack.Json["Resources"]![stack.LogicalId(construct)]!.AsObject();

    [Fact]
    public void Both_queues_are_encrypted_with_the_pipeline_key()
    {
        var keyId = stack.LogicalId(stack.Stack.Encryption.Key);

        Assert.True(Resource(stack.Stack.Messaging.UploadQueue).Properties()["KmsMasterKeyId"].RefersTo(keyId));
        Assert.True(Resource(stack.Stack.Messaging.DeadLetterQueue).Properties()["KmsMasterKeyId"].RefersTo(keyId));
    }

    [Fact]
    public void Both_queues_refuse_requests_without_tls()
    {
        foreach (var queue in new[] { stack.Stack.Messaging.UploadQueue, stack.Stack.Messaging.DeadLetterQueue })
        {
            var id = stack.LogicalId(queue);
            var policy = stack.Resources("AWS::SQS::QueuePolicy").Single(p => p.Resource.Properties()["Queues"].RefersTo(id)).Resource;
            Assert.Contains(policy.Properties()["PolicyDocument"]!.Statements(), s =>
                (string?)s["Effect"] == "Deny" && (string?)s["Condition"]!["Bool"]?["aws:SecureTransport"] == "false");
        }
    }

    [Fact]
    public void The_visibility_timeout_is_at_least_six_function_timeouts()
    {
        var visibility = (int)Resource(stack.Stack.Messaging.UploadQueue).Properties()["VisibilityTimeout"]!;

        Assert.True(visibility >= 6 * PipelineDefinition.FunctionTimeoutSeconds, $"{visibility}");
    }

    [Fact]
    public void Messages_move_to_the_dead_letter_queue_after_three_receives()
    {
        var redrive = Resource(stack.Stack.Messaging.UploadQueue).Properties()["RedrivePolicy"]!;

        Assert.Equal(3, (int)redrive["maxReceiveCount"]!);
        Assert.True(redrive["deadLetterTargetArn"].RefersTo(stack.LogicalId(stack.Stack.Messaging.DeadLetterQueue)));
    }

    [Fact]
    public void Both_queues_keep_messages_14_days_so_an_outage_loses_no_upload()
    {
        Assert.Equal(14 * 24 * 3600, (int)Resource(stack.Stack.Messaging.DeadLetterQueue).Properties()["MessageRetentionPeriod"]!);
        Assert.Equal(14 * 24 * 3600, (int)Resource(stack.Stack.Messaging.UploadQueue).Properties()["MessageRetentionPeriod"]!);
    }

    [Fact]
    public void Image_events_use_the_data_key_and_security_alerts_their_own()
    {
        Assert.True(Resource(stack.Stack.Messaging.ImageEventsTopic).Properties()["KmsMasterKeyId"].RefersTo(stack.LogicalId(stack.Stack.Encryption.Key)));
        Assert.True(Resource(stack.Stack.Messaging.SecurityAlertsTopic).Properties()["KmsMasterKeyId"].RefersTo(stack.LogicalId(stack.Stack.Encryption.AlertsKey)));
    }

    [Fact]
    public void Both_topics_refuse_publishing_without_tls()
    {
        foreach (var topic in new[] { stack.Stack.Messaging.ImageEventsTopic, stack.Stack.Messaging.SecurityAlertsTopic })
        {
            var id = stack.LogicalId(topic);
            var policy = stack.Resources("AWS::SNS::TopicPolicy").Single(p => p.Resource.Properties()["Topics"].RefersTo(id)).Resource;
            Assert.Contains(policy.Properties()["PolicyDocument"]!.Statements(), s =>
                (string?)s["Effect"] == "Deny" && (string?)s["Action"] == "sns:Publish"
                && (string?)s["Condition"]!["Bool"]?["aws:SecureTransport"] == "false");
        }
    }

    [Fact]
    public void Topic_and_queue_names_come_from_the_pipeline_definition()
    {
        Assert.Equal("imgpipe-" + PipelineDefinition.Names.UploadQueue, (string?)Resource(stack.Stack.Messaging.UploadQueue).Properties()["QueueName"]);
        Assert.Equal("imgpipe-" + PipelineDefinition.Names.DeadLetterQueue, (string?)Resource(stack.Stack.Messaging.DeadLetterQueue).Properties()["QueueName"]);
        Assert.Equal("imgpipe-" + PipelineDefinition.Names.ImageEventsTopic, (string?)Resource(stack.Stack.Messaging.ImageEventsTopic).Properties()["TopicName"]);
        Assert.Equal("imgpipe-" + PipelineDefinition.Names.SecurityAlertsTopic, (string?)Resource(stack.Stack.Messaging.SecurityAlertsTopic).Properties()["TopicName"]);
    }

    [Fact]
    public void No_email_is_subscribed_without_context() => Assert.Empty(stack.Resources("AWS::SNS::Subscription"));
}
