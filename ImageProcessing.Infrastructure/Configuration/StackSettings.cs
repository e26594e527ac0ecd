using System.Globalization;
using System.Text.RegularExpressions;
using Constructs;
using ImageProcessing.Pipeline;

namespace ImageProcessing.Infrastructure.Configuration;

/// <summary>Everything an operator may choose at deploy time; defaults come from <see cref="PipelineDefinition"/>.</summary>
public sealed partial record StackSettings
{
    public const string DefaultStackName = "ImageProcessing";
    public const string DefaultBaselineStackName = "ImageProcessing-Baseline";
    public const string DefaultResourcePrefix = "imgpipe";

    /// <summary>Relative to the directory the CDK app runs in (ImageProcessing.Infrastructure, where cdk.json is).</summary>
    public const string DefaultLambdaPackage = "../artifacts/lambda/publish";

    /// <summary>
    /// Caps cost and the blast radius of an upload flood. New accounts may have a total concurrency of 10, and
    /// AWS keeps 10 unreserved, so such accounts must deploy with reservedConcurrency=none (docs/deploying.md).
    /// </summary>
    public const int DefaultReservedConcurrency = 5;

    /// <summary>The SQS event source's own cap; it must not exceed the reserved concurrency, or messages are throttled.</summary>
    public const int DefaultMaximumConcurrency = 5;

    /// <summary>Twenty rejections in five minutes: far above a person's mistakes, soon enough for a probe or a flood.</summary>
    public const int DefaultRejectionAlarmThreshold = 20;

    public string StackName { get; init; } = DefaultStackName;
    public string BaselineStackName { get; init; } = DefaultBaselineStackName;
    public string ResourcePrefix { get; init; } = DefaultResourcePrefix;
    public string LambdaPackagePath { get; init; } = DefaultLambdaPackage;
    public int FunctionMemoryMegabytes { get; init; } = PipelineDefinition.FunctionMemoryMegabytes;
    public int FunctionTimeoutSeconds { get; init; } = PipelineDefinition.FunctionTimeoutSeconds;
    public int? ReservedConcurrency { get; init; } = DefaultReservedConcurrency;
    public int MaximumConcurrency { get; init; } = DefaultMaximumConcurrency;
    public string? AlertEmail { get; init; }
    public string? ImageEventsEmail { get; init; }
    public string? KeyAdminRoleArn { get; init; }
    public int RejectionAlarmThreshold { get; init; } = DefaultRejectionAlarmThreshold;
    public bool EnableCloudTrail { get; init; } = true;
    public bool EnableGuardDuty { get; init; } = true;
    public bool EnableMalwareProtection { get; init; }
    public bool EnableSecurityHub { get; init; } = true;
    public bool EnableConfig { get; init; } = true;

    public ResourceNames Names => new(ResourcePrefix);

    /// <summary>AWS asks for at least six times the function timeout so a batch in flight is not redelivered.</summary>
    public int QueueVisibilityTimeoutSeconds => Math.Max(PipelineDefinition.QueueVisibilityTimeoutSeconds, 6 * FunctionTimeoutSeconds);

    public static StackSettings FromContext(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var reserved = Text(node, ContextKeys.ReservedConcurrency);
        var settings = new StackSettings
        {
            StackName = Text(node, ContextKeys.StackName) ?? DefaultStackName,
            BaselineStackName = Text(node, ContextKeys.BaselineStackName) ?? DefaultBaselineStackName,
            ResourcePrefix = Text(node, ContextKeys.ResourcePrefix) ?? DefaultResourcePrefix,
            LambdaPackagePath = Text(node, ContextKeys.LambdaPackage) ?? DefaultLambdaPackage,
            FunctionMemoryMegabytes = Number(node, ContextKeys.FunctionMemoryMegabytes) ?? PipelineDefinition.FunctionMemoryMegabytes,
            FunctionTimeoutSeconds = Number(node, ContextKeys.FunctionTimeoutSeconds) ?? PipelineDefinition.FunctionTimeoutSeconds,
            ReservedConcurrency = string.Equals(reserved, "none", StringComparison.OrdinalIgnoreCase)
                ? null
                : Number(node, ContextKeys.ReservedConcurrency) ?? DefaultReservedConcurrency,
            MaximumConcurrency = Number(node, ContextKeys.MaximumConcurrency) ?? DefaultMaximumConcurrency,
            AlertEmail = Text(node, ContextKeys.AlertEmail),
            ImageEventsEmail = Text(node, ContextKeys.ImageEventsEmail),
            KeyAdminRoleArn = Text(node, ContextKeys.KeyAdminRoleArn),
            RejectionAlarmThreshold = Number(node, ContextKeys.RejectionAlarmThreshold) ?? DefaultRejectionAlarmThreshold,
            EnableCloudTrail = Flag(node, ContextKeys.EnableCloudTrail) ?? true,
            EnableGuardDuty = Flag(node, ContextKeys.EnableGuardDuty) ?? true,
            EnableMalwareProtection = Flag(node, ContextKeys.EnableMalwareProtection) ?? false,
            EnableSecurityHub = Flag(node, ContextKeys.EnableSecurityHub) ?? true,
            EnableConfig = Flag(node, ContextKeys.EnableConfig) ?? true,
        };
        settings.Validate();
        return settings;
    }

    /// <summary>Throws with the context key to fix when a value is out of the range AWS accepts.</summary>
    public void Validate()
    {
        Require(ResourcePrefixPattern().IsMatch(ResourcePrefix), ContextKeys.ResourcePrefix,
            "must be 3-20 characters of a-z, 0-9 and '-', starting with a letter (it becomes part of bucket names)");
        Require(FunctionMemoryMegabytes is >= 128 and <= 10240, ContextKeys.FunctionMemoryMegabytes, "must be between 128 and 10240");
        Require(FunctionTimeoutSeconds is >= 1 and <= 900, ContextKeys.FunctionTimeoutSeconds, "must be between 1 and 900");
        Require(QueueVisibilityTimeoutSeconds <= 43200, ContextKeys.FunctionTimeoutSeconds, "six times it must fit the SQS visibility timeout limit of 43200 s");
        Require(MaximumConcurrency is >= 2 and <= 1000, ContextKeys.MaximumConcurrency, "must be between 2 and 1000 (the SQS event source's limits)");
        if (ReservedConcurrency is { } reserved)
        {
            Require(reserved >= 1, ContextKeys.ReservedConcurrency, "must be at least 1, or \"none\"");
            Require(MaximumConcurrency <= reserved, ContextKeys.MaximumConcurrency,
                $"must not exceed {ContextKeys.ReservedConcurrency} ({reserved.ToString(CultureInfo.InvariantCulture)}), or the event source is throttled");
        }

        Require(KeyAdminRoleArn is null || RoleArnPattern().IsMatch(KeyAdminRoleArn), ContextKeys.KeyAdminRoleArn,
            "must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)");
        Require(RejectionAlarmThreshold >= 1, ContextKeys.RejectionAlarmThreshold, "must be at least 1");
        foreach (var (key, email) in new[] { (ContextKeys.AlertEmail, AlertEmail), (ContextKeys.ImageEventsEmail, ImageEventsEmail) })
        {
            Require(email is null || EmailPattern().IsMatch(email), key, "must be an email address");
        }
    }

    private static void Require(bool condition, string key, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Context value '{key}' {message}.", key);
        }
    }

    private static string? Text(Node node, string key)
    {
        var value = node.TryGetContext(key);
        var text = value switch
        {
            null => null,
            string s => s,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static int? Number(Node node, string key)
    {
        var text = Text(node, key);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"Context value '{key}' must be a whole number (got '{text}').", key);
    }

    private static bool? Flag(Node node, string key)
    {
        var text = Text(node, key);
        if (text is null)
        {
            return null;
        }

        return bool.TryParse(text, out var flag)
            ? flag
            : throw new ArgumentException($"Context value '{key}' must be true or false (got '{text}').", key);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{2,19}$")]
    private static partial Regex ResourcePrefixPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
