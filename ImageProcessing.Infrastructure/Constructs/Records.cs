using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Constructs;
using ImageProcessing.Infrastructure.Compliance;
using ImageProcessing.Infrastructure.Configuration;
using ImageProcessing.Pipeline;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>The records table: one item per source object version, expiring through TTL.</summary>
public sealed class Records : Construct
{
    public Records(Construct scope, string id, IKey key, ResourceNames names)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(names);
        Table = new Table(this, "Table", new TableProps
        {
            TableName = names.RecordsTable,
            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = PipelineDefinition.RecordsTable.PartitionKey, Type = AttributeType.STRING },
            SortKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = PipelineDefinition.RecordsTable.SortKey, Type = AttributeType.STRING },
            TimeToLiveAttribute = PipelineDefinition.RecordsTable.TimeToLiveAttribute,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            Encryption = TableEncryption.CUSTOMER_MANAGED,
            EncryptionKey = key,
            PointInTimeRecovery = true,
            DeletionProtection = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        const string backupReason = "Point-in-time recovery (35 days) restores the table; an AWS Backup plan would add cost, " +
            "and the records can be rebuilt by reprocessing the uploads.";
        Acknowledgements.Add(Table,
            new("HIPAA.Security-DynamoDBInBackupPlan", backupReason),
            new("NIST.800.53.R5-DynamoDBInBackupPlan", backupReason));
    }

    public Table Table { get; }
}
