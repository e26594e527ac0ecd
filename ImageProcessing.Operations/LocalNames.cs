using ImageProcessing.Pipeline;

namespace ImageProcessing.Operations;

/// <summary>Names of the local pipeline's resources; a prefix keeps parallel environments (tests) apart.</summary>
public sealed record LocalNames(string Prefix = "")
{
    public string Bucket => Prefix + PipelineDefinition.Names.ImagesBucket;
    public string UploadQueue => Prefix + PipelineDefinition.Names.UploadQueue;
    public string DeadLetterQueue => Prefix + PipelineDefinition.Names.DeadLetterQueue;
    public string RecordsTable => Prefix + PipelineDefinition.Names.RecordsTable;
    public string ImageEventsTopic => Prefix + PipelineDefinition.Names.ImageEventsTopic;
    public string SecurityAlertsTopic => Prefix + PipelineDefinition.Names.SecurityAlertsTopic;
    public string ImageEventsInbox => Prefix + PipelineDefinition.Names.ImageEventsTopic + "-inbox";
    public string SecurityAlertsInbox => Prefix + PipelineDefinition.Names.SecurityAlertsTopic + "-inbox";
    public string KeyAlias => PipelineDefinition.Names.KeyAlias + (Prefix.Length > 0 ? "-" + Prefix.TrimEnd('-') : string.Empty);
}
