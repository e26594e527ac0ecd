using Amazon.CDK.AWS.Lambda;
using ImageProcessing.Infrastructure.Configuration;
using ImageProcessing.Infrastructure.Constructs;

namespace ImageProcessing.Infrastructure.Compliance;

/// <summary>The scanner findings accepted for the image function, its log group and its event source, with why.</summary>
public static class FunctionFindings
{
    private const string DeadLetterReason = "The SQS event source invokes the function synchronously, where a function DLQ never applies; " +
        "failed messages go to the queue's DLQ after three receives.";

    private const string VpcReason = "The function reaches only AWS APIs, over TLS with IAM. A VPC would need a NAT gateway or interface " +
        "endpoints (tens of dollars a month) and protects no private resource, since there is none.";

    private const string LogRetentionReason =
        "Function logs are kept 30 days to stay in the free tier; the durable audit record is the CloudTrail trail, kept 365 days.";

    private const string UnreservedReason = "Left unreserved on purpose (reservedConcurrency=none): accounts with a concurrency limit " +
        "of 10 cannot reserve any. The SQS event source's maximum concurrency still caps the function.";

    public static void Acknowledge(ProcessingFunction function, StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(settings);
        Acknowledgements.Add(function.Function,
            new("HIPAA.Security-LambdaDLQ", DeadLetterReason),
            new("NIST.800.53.R5-LambdaDLQ", DeadLetterReason),
            new("Serverless-LambdaDLQ", DeadLetterReason),
            new("HIPAA.Security-LambdaInsideVPC", VpcReason),
            new("NIST.800.53.R5-LambdaInsideVPC", VpcReason),
            new("PCI.DSS.321-LambdaInsideVPC", VpcReason),
            Acknowledgement.Guard("lambda_inside_vpc_check", VpcReason));

        if (settings.ReservedConcurrency is null)
        {
            Acknowledgements.Add(function.Function,
                new("HIPAA.Security-LambdaConcurrency", UnreservedReason),
                new("NIST.800.53.R5-LambdaConcurrency", UnreservedReason));
        }

        Acknowledgements.Add(function.LogGroup, Acknowledgement.Guard("cloudwatch_log_group_retention_period_check", LogRetentionReason));

        Acknowledgements.Add(function.Function.Node.Children.OfType<EventSourceMapping>().Single(), new Acknowledgement(
            "Serverless-LambdaEventSourceMappingDestination",
            "On-failure destinations exist only for stream and Kafka sources; for SQS the queue's redrive policy moves a message to the DLQ after three receives."));
    }
}
