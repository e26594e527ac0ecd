using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.Logs;
using Constructs;
using ImageProcessing.Infrastructure.Compliance;
using ImageProcessing.Pipeline;
using Env = ImageProcessing.Pipeline.PipelineDefinition.EnvironmentVariables;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>The image function on the dotnet10 managed runtime, fed by the upload queue.</summary>
public sealed class ProcessingFunction : Construct
{
    public const string RuntimeName = "dotnet10";

    /// <summary>glibc's per-thread arenas make a warm .NET + libvips process grow; two keep memory flat.</summary>
    public const string MallocArenaMax = "2";

    public ProcessingFunction(Construct scope, string id, ProcessingFunctionProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var settings = props.Settings;
        var functionName = settings.Names.Function;

        LogGroup = new LogGroup(this, "LogGroup", new LogGroupProps
        {
            LogGroupName = "/aws/lambda/" + functionName,
            Retention = RetentionDays.ONE_MONTH,
            EncryptionKey = props.Key,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = "Image function: reads uploads/, writes processed/, records, publishes; nothing else",
        });
        FunctionPermissions.Grant(Role, props, LogGroup);

        Function = new Amazon.CDK.AWS.Lambda.Function(this, "Function", new FunctionProps
        {
            FunctionName = functionName,
            Description = "Validates uploads and writes their renditions",
            Runtime = new Runtime(RuntimeName, RuntimeFamily.DOTNET_CORE),
            Architecture = Architecture.ARM_64,
            Handler = PipelineDefinition.Handler,
            Code = FunctionPackage.FromPath(settings.LambdaPackagePath),
            MemorySize = settings.FunctionMemoryMegabytes,
            Timeout = Duration.Seconds(settings.FunctionTimeoutSeconds),
            ReservedConcurrentExecutions = settings.ReservedConcurrency,
            Role = Role,
            LogGroup = LogGroup,
            Tracing = Tracing.ACTIVE,
            // Stated rather than inherited: Lambda stops a function that keeps re-triggering itself.
            RecursiveLoop = RecursiveLoop.TERMINATE,
            EnvironmentEncryption = props.Key,
            Environment = Environment(props),
        });

        DependOnPolicyOnly(Function, Role);

        Function.AddEventSource(new SqsEventSource(props.UploadQueue, new SqsEventSourceProps
        {
            BatchSize = PipelineDefinition.BatchSize,
            MaxBatchingWindow = Duration.Seconds(PipelineDefinition.MaximumBatchingWindowSeconds),
            ReportBatchItemFailures = true,
            MaxConcurrency = settings.MaximumConcurrency,
        }));
        FunctionFindings.Acknowledge(this, settings);
    }

    public Amazon.CDK.AWS.Lambda.Function Function { get; }
    public Role Role { get; }
    public LogGroup LogGroup { get; }

    // The L2 makes the function depend on its role too, which its Role attribute already does (cfn-lint W3005).
    private static void DependOnPolicyOnly(Amazon.CDK.AWS.Lambda.Function function, Role role)
    {
        var policy = (CfnResource)role.Node.FindChild("DefaultPolicy").Node.DefaultChild!;
        ((CfnResource)function.Node.DefaultChild!).AddOverride("DependsOn", new[] { policy.LogicalId });
    }

    private static Dictionary<string, string> Environment(ProcessingFunctionProps props) => new()
    {
        [Env.ImagesBucket] = props.ImagesBucket.BucketName,
        [Env.RecordsTable] = props.RecordsTable.TableName,
        [Env.ImageEventsTopicArn] = props.ImageEventsTopic.TopicArn,
        [Env.SecurityAlertsTopicArn] = props.SecurityAlertsTopic.TopicArn,
        [Env.KmsKeyId] = props.Key.KeyArn,
        [Env.InputPrefix] = PipelineDefinition.InputPrefix,
        [Env.OutputPrefix] = PipelineDefinition.OutputPrefix,
        [Env.MaxUploadBytes] = PipelineDefinition.MaxUploadBytes.ToString(CultureInfo.InvariantCulture),
        [Env.MaxImageWidth] = PipelineDefinition.MaxImageDimension.ToString(CultureInfo.InvariantCulture),
        [Env.MaxImageHeight] = PipelineDefinition.MaxImageDimension.ToString(CultureInfo.InvariantCulture),
        [Env.RecordRetentionDays] = PipelineDefinition.RecordRetentionDays.ToString(CultureInfo.InvariantCulture),
        // The raw-stream handler has no Lambda context: the deadline comes from the timeout.
        [Env.FunctionTimeoutSeconds] = props.Settings.FunctionTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
        // Half the timeout for pixels, half for reading, writing and recording: a verdict always comes in time.
        [Env.ProcessingBudgetSeconds] = Math.Max(1, props.Settings.FunctionTimeoutSeconds / 2).ToString(CultureInfo.InvariantCulture),
        ["MALLOC_ARENA_MAX"] = MallocArenaMax,
        // Below 1,769 MB a function has at most one vCPU: more libvips threads only add memory.
        ["VIPS_CONCURRENCY"] = "1",
    };
}
