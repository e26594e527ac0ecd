using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.S3;
using Constructs;
using Names = ImageProcessing.Pipeline.PipelineDefinition.Metrics;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>
/// Ten alarms (the free tier's ten), each named explicitly and reporting to the security-alerts topic, and one
/// dashboard (the free tier has three). The function's own outcome metrics come from the Embedded Metric Format
/// lines in its log: a failed message is reported in a partial batch response of a successful invocation, which
/// Lambda's Errors metric never counts.
/// </summary>
public sealed class Monitoring : Construct
{
    /// <summary>Four of the free tier's five GB of S3 storage: warns before the bill does.</summary>
    public const double BucketSizeAlarmBytes = 4d * 1024 * 1024 * 1024;

    /// <summary>A message this old means the function is failing, throttled or stopped.</summary>
    public const int OldestMessageAlarmSeconds = 15 * 60;

    public Monitoring(Construct scope, string id, MonitoringProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var names = props.Settings.Names;
        var alert = new SnsAction(props.AlertsTopic);
        var fiveMinutes = Duration.Minutes(5);
        var sum = new MetricOptions { Period = fiveMinutes, Statistic = "Sum" };
        var maximum = new MetricOptions { Period = fiveMinutes, Statistic = "Maximum" };

        Alarms =
        [
            Alarm("FailedMessages", names.Alarm("failed-messages"),
                "Uploads failed and will be retried, then dead-lettered: throttling, 5xx, timeouts or access errors (see the function's log).",
                FunctionMetric(props, Names.Failed), 1),
            Alarm("RejectionSpike", names.Alarm("rejection-spike"),
                $"More than {props.Settings.RejectionAlarmThreshold - 1} uploads were rejected in five minutes: a probe, a flood or a broken client. Per-upload verdicts are on the image-events topic.",
                FunctionMetric(props, Names.Rejected), props.Settings.RejectionAlarmThreshold),
            Alarm("FunctionErrors", names.Alarm("function-errors"),
                "The image function failed as a whole (configuration, crash, timeout): every message of the batch is retried.",
                props.Function.MetricErrors(sum), 1),
            Alarm("FunctionThrottles", names.Alarm("function-throttles"),
                "The image function was throttled: an upload flood (possible DoS) or the concurrency cap is too low.",
                props.Function.MetricThrottles(sum), 1),
            Alarm("DeadLetterQueueNotEmpty", names.Alarm("dead-letter-queue-not-empty"),
                "Uploads reached the dead-letter queue: inspect, fix and redrive within 14 days (docs/incident-response.md).",
                props.DeadLetterQueue.MetricApproximateNumberOfMessagesVisible(maximum), 1),
            Alarm("OldestUploadMessageAge", names.Alarm("oldest-upload-age"),
                "Uploads wait longer than 15 minutes: the function is failing, throttled or stopped.",
                props.UploadQueue.MetricApproximateAgeOfOldestMessage(maximum), OldestMessageAlarmSeconds),
            Alarm("ImagesBucketSize", names.Alarm("images-bucket-size"),
                "The images bucket holds more than 4 GB: the free tier's 5 GB is near (cost).",
                BucketSize(props.ImagesBucket), BucketSizeAlarmBytes),
            Alarm("LogsBucketSize", names.Alarm("logs-bucket-size"),
                "The logs bucket holds more than 4 GB: the free tier's 5 GB is near (cost).",
                BucketSize(props.LogsBucket), BucketSizeAlarmBytes),
            Alarm("AlertDeliveryFailures", names.Alarm("alert-delivery-failures"),
                "The security-alerts topic failed to deliver to a subscriber: alerts may be going unseen.",
                props.AlertsTopic.MetricNumberOfNotificationsFailed(sum), 1),
            Alarm("AlertDeadLetterQueueNotEmpty", names.Alarm("alert-dead-letter-queue-not-empty"),
                "EventBridge could not deliver a security event to the alerts topic: read it from the alert dead-letter queue (docs/incident-response.md).",
                props.AlertDeadLetterQueue.MetricApproximateNumberOfMessagesVisible(maximum), 1),
        ];
        foreach (var alarm in Alarms)
        {
            alarm.AddAlarmAction(alert);
        }

        Dashboard = new Dashboard(this, "Dashboard", new DashboardProps { DashboardName = names.Dashboard });
        Dashboard.AddWidgets(Alarms.Select(alarm => new AlarmWidget(new AlarmWidgetProps
        {
            Alarm = alarm,
            Title = alarm.Node.Id,
            Width = 8,
        })).ToArray<IWidget>());
        Dashboard.AddWidgets(new GraphWidget(new GraphWidgetProps
        {
            Title = "Uploads",
            Width = 24,
            Left = [FunctionMetric(props, Names.Processed), FunctionMetric(props, Names.Rejected), FunctionMetric(props, Names.Failed)],
        }));
    }

    public Alarm[] Alarms { get; }
    public Dashboard Dashboard { get; }

    private Alarm Alarm(string id, string name, string description, IMetric metric, double threshold) => new(this, id, new AlarmProps
    {
        AlarmName = name,
        AlarmDescription = description,
        Metric = metric,
        Threshold = threshold,
        EvaluationPeriods = 1,
        ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        TreatMissingData = TreatMissingData.NOT_BREACHING,
    });

    /// <summary>One of the function's Embedded Metric Format metrics.</summary>
    private static Metric FunctionMetric(MonitoringProps props, string name) => new(new MetricProps
    {
        Namespace = Names.Namespace,
        MetricName = name,
        DimensionsMap = new Dictionary<string, string> { [Names.FunctionDimension] = props.Function.FunctionName },
        Period = Duration.Minutes(5),
        Statistic = "Sum",
    });

    // S3 publishes storage metrics once a day.
    private static Metric BucketSize(IBucket bucket) => new(new MetricProps
    {
        Namespace = "AWS/S3",
        MetricName = "BucketSizeBytes",
        DimensionsMap = new Dictionary<string, string>
        {
            ["BucketName"] = bucket.BucketName,
            ["StorageType"] = "StandardStorage",
        },
        Period = Duration.Days(1),
        Statistic = "Average",
    });
}
