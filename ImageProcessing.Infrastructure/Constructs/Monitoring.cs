using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Constructs;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>
/// Six alarms (the free tier has ten) reporting to the security-alerts topic, and one dashboard (the free tier
/// has three).
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
        var alert = new SnsAction(props.AlertsTopic);
        var fiveMinutes = Duration.Minutes(5);

        Alarms =
        [
            Alarm("FunctionErrors", "The image function failed (see its log group); failed messages are retried, then dead-lettered.",
                props.Function.MetricErrors(new MetricOptions { Period = fiveMinutes, Statistic = "Sum" }), 1),
            Alarm("FunctionThrottles", "The image function was throttled: an upload flood (possible DoS) or the concurrency cap is too low.",
                props.Function.MetricThrottles(new MetricOptions { Period = fiveMinutes, Statistic = "Sum" }), 1),
            Alarm("DeadLetterQueueNotEmpty", "Messages reached the dead-letter queue: inspect, fix and redrive (docs/incident-response.md).",
                props.DeadLetterQueue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = fiveMinutes, Statistic = "Maximum" }), 1),
            Alarm("OldestUploadMessageAge", "Uploads wait longer than 15 minutes: the function is failing, throttled or stopped.",
                props.UploadQueue.MetricApproximateAgeOfOldestMessage(new MetricOptions { Period = fiveMinutes, Statistic = "Maximum" }), OldestMessageAlarmSeconds),
            Alarm("ImagesBucketSize", "The images bucket holds more than 4 GB: the free tier's 5 GB is near (cost).",
                BucketSize(props), BucketSizeAlarmBytes),
            Alarm("FunctionNearTimeout", "The image function's slowest runs approach its timeout.",
                props.Function.MetricDuration(new MetricOptions { Period = fiveMinutes, Statistic = "Maximum" }),
                props.FunctionTimeoutSeconds * 1000 * 0.8),
        ];
        foreach (var alarm in Alarms)
        {
            alarm.AddAlarmAction(alert);
        }

        Dashboard = new Dashboard(this, "Dashboard", new DashboardProps { DashboardName = props.Names.Dashboard });
        Dashboard.AddWidgets(Alarms.Select(alarm => new AlarmWidget(new AlarmWidgetProps
        {
            Alarm = alarm,
            Title = alarm.Node.Id,
            Width = 8,
        })).ToArray<IWidget>());
        Dashboard.AddWidgets(new GraphWidget(new GraphWidgetProps
        {
            Title = "Invocations and concurrency",
            Width = 24,
            Left =
            [
                props.Function.MetricInvocations(new MetricOptions { Period = fiveMinutes, Statistic = "Sum" }),
                props.Function.Metric("ConcurrentExecutions", new MetricOptions { Period = fiveMinutes, Statistic = "Maximum" }),
            ],
        }));
    }

    public Alarm[] Alarms { get; }
    public Dashboard Dashboard { get; }

    private Alarm Alarm(string id, string description, IMetric metric, double threshold) => new(this, id, new AlarmProps
    {
        AlarmDescription = description,
        Metric = metric,
        Threshold = threshold,
        EvaluationPeriods = 1,
        ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        TreatMissingData = TreatMissingData.NOT_BREACHING,
    });

    // S3 publishes storage metrics once a day.
    private static Metric BucketSize(MonitoringProps props) => new(new MetricProps
    {
        Namespace = "AWS/S3",
        MetricName = "BucketSizeBytes",
        DimensionsMap = new Dictionary<string, string>
        {
            ["BucketName"] = props.ImagesBucket.BucketName,
            ["StorageType"] = "StandardStorage",
        },
        Period = Duration.Days(1),
        Statistic = "Average",
    });
}
