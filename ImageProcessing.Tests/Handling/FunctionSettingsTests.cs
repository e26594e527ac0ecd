using ImageProcessing.Function.Configuration;
using Env = ImageProcessing.Pipeline.PipelineDefinition.EnvironmentVariables;

namespace ImageProcessing.Tests.Handling;

[Trait("Category", "unit")]
public sealed class FunctionSettingsTests
{
    private static readonly Dictionary<string, string> Valid = new()
    {
        [Env.ImagesBucket] = "images",
        [Env.RecordsTable] = "image-records",
        [Env.ImageEventsTopicArn] = "arn:aws:sns:eu-west-1:123456789012:image-events",
        [Env.SecurityAlertsTopicArn] = "arn:aws:sns:eu-west-1:123456789012:security-alerts",
        [Env.KmsKeyId] = "arn:aws:kms:eu-west-1:123456789012:key/1234",
    };

    [Fact]
    public void Valid_settings_use_the_published_defaults()
    {
        var settings = FunctionSettings.From(Valid.GetValueOrDefault);

        Assert.Equal(("uploads/", "processed/"), (settings.Layout.InputPrefix, settings.Layout.OutputPrefix));
        Assert.Equal((10L * 1024 * 1024, 4096, 4096), (settings.Limits.MaxBytes, settings.Limits.MaxWidth, settings.Limits.MaxHeight));
        Assert.Equal(90, settings.RecordRetentionDays);
        Assert.Equal(3, settings.Rules.Rules.Count);
        Assert.Equal((TimeSpan.FromSeconds(30), 64), (settings.Limits.ProcessingBudget, settings.Limits.MaxJpegScans));
    }

    [Theory]
    [InlineData(Env.ImagesBucket, null, "IMAGES_BUCKET is required")]
    [InlineData(Env.RecordsTable, "", "RECORDS_TABLE is required")]
    [InlineData(Env.KmsKeyId, "  ", "KMS_KEY_ID is required")]
    [InlineData(Env.ImageEventsTopicArn, "image-events", "IMAGE_EVENTS_TOPIC_ARN must be an sns ARN")]
    [InlineData(Env.SecurityAlertsTopicArn, "arn:aws:sqs:eu-west-1:1:q", "SECURITY_ALERTS_TOPIC_ARN must be an sns ARN")]
    [InlineData(Env.MaxUploadBytes, "ten", "MAX_UPLOAD_BYTES must be a whole number")]
    [InlineData(Env.MaxImageWidth, "0", "MAX_IMAGE_WIDTH must be a whole number between 1 and 16384")]
    [InlineData(Env.RecordRetentionDays, "-5", "RECORD_RETENTION_DAYS must be a whole number")]
    [InlineData(Env.ProcessingBudgetSeconds, "0", "PROCESSING_BUDGET_SECONDS must be a whole number between 1 and 900")]
    [InlineData(Env.OutputPrefix, "uploads/thumbs/", "must not contain one another")]
    [InlineData(Env.RulesJson, "{ \"rules\": [] }", "RULES_JSON is invalid")]
    public void A_missing_or_invalid_variable_is_named_in_the_error(string name, string? value, string expected)
    {
        var variables = new Dictionary<string, string?>(Valid.Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value))) { [name] = value };

        var error = Assert.Throws<ConfigurationException>(() => FunctionSettings.From(variables.GetValueOrDefault));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<ConfigurationException>(() => FunctionSettings.From(_ => null));

        foreach (var name in new[] { Env.ImagesBucket, Env.RecordsTable, Env.ImageEventsTopicArn, Env.SecurityAlertsTopicArn, Env.KmsKeyId })
        {
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Limits_and_rules_can_be_configured()
    {
        var variables = new Dictionary<string, string>(Valid)
        {
            [Env.MaxUploadBytes] = "1000",
            [Env.MaxImageWidth] = "800",
            [Env.RulesJson] = """{ "rules": [ { "suffix": "", "renditions": [ { "name": "only", "resize": "none" } ] } ] }""",
        };

        var settings = FunctionSettings.From(variables.GetValueOrDefault);

        Assert.Equal((1000L, 800), (settings.Limits.MaxBytes, settings.Limits.MaxWidth));
        Assert.Equal("only", Assert.Single(Assert.Single(settings.Rules.Rules).Renditions).Name);
    }
}
