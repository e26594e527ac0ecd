using System.Globalization;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;
using ImageProcessing.Pipeline;
using Env = ImageProcessing.Pipeline.PipelineDefinition.EnvironmentVariables;

namespace ImageProcessing.Function.Configuration;

/// <summary>The function's configuration, read from environment variables and validated at cold start.</summary>
public sealed record FunctionSettings(
    string ImagesBucket,
    string RecordsTable,
    string ImageEventsTopicArn,
    string SecurityAlertsTopicArn,
    string KmsKeyId,
    KeyLayout Layout,
    ImageLimits Limits,
    RuleSet Rules,
    int RecordRetentionDays)
{
    public static FunctionSettings FromEnvironment() => From(Environment.GetEnvironmentVariable);

    /// <summary>Reads every setting and reports all problems at once.</summary>
    public static FunctionSettings From(Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var errors = new List<string>();

        string Required(string name)
        {
            var value = variables(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{name} is required but not set");
                return string.Empty;
            }

            return value.Trim();
        }

        string Arn(string name, string service)
        {
            var value = Required(name);
            if (value.Length > 0 && !(value.StartsWith("arn:", StringComparison.Ordinal) && value.Split(':').Length >= 6 && value.Split(':')[2] == service))
            {
                errors.Add($"{name} must be an {service} ARN (arn:aws:{service}:REGION:ACCOUNT:NAME), got '{value}'");
            }

            return value;
        }

        long Number(string name, long fallback, long min, long max)
        {
            var value = variables(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                return fallback;
            }

            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
            {
                errors.Add($"{name} must be a whole number between {min} and {max}, got '{value}'");
                return fallback;
            }

            return number;
        }

        var bucket = Required(Env.ImagesBucket);
        var table = Required(Env.RecordsTable);
        var events = Arn(Env.ImageEventsTopicArn, "sns");
        var alerts = Arn(Env.SecurityAlertsTopicArn, "sns");
        var key = Required(Env.KmsKeyId);
        var limits = new ImageLimits
        {
            MaxBytes = Number(Env.MaxUploadBytes, PipelineDefinition.MaxUploadBytes, 1, 100L * 1024 * 1024),
            MaxWidth = (int)Number(Env.MaxImageWidth, PipelineDefinition.MaxImageDimension, 1, 16384),
            MaxHeight = (int)Number(Env.MaxImageHeight, PipelineDefinition.MaxImageDimension, 1, 16384),
            ProcessingBudget = TimeSpan.FromSeconds(Number(Env.ProcessingBudgetSeconds, PipelineDefinition.ProcessingBudgetSeconds, 1, 900)),
        };
        var retention = (int)Number(Env.RecordRetentionDays, PipelineDefinition.RecordRetentionDays, 1, 3650);

        var layout = KeyLayout.Default;
        try
        {
            layout = new KeyLayout
            {
                InputPrefix = variables(Env.InputPrefix) is { Length: > 0 } input ? input : PipelineDefinition.InputPrefix,
                OutputPrefix = variables(Env.OutputPrefix) is { Length: > 0 } output ? output : PipelineDefinition.OutputPrefix,
            }.Validated();
        }
        catch (ArgumentException e)
        {
            errors.Add($"{Env.InputPrefix}/{Env.OutputPrefix}: {e.Message}");
        }

        var rules = RuleSet.Default;
        if (variables(Env.RulesJson) is { Length: > 0 } json)
        {
            try
            {
                rules = RuleSetLoader.Parse(json, Env.RulesJson);
            }
            catch (RuleSetException e)
            {
                errors.Add(e.Message);
            }
        }

        if (errors.Count > 0)
        {
            throw new ConfigurationException("the function is misconfigured:\n  - " + string.Join("\n  - ", errors));
        }

        return new FunctionSettings(bucket, table, events, alerts, key, layout, limits, rules, retention);
    }
}
