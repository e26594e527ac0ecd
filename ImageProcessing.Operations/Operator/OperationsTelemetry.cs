using System.Diagnostics;

namespace ImageProcessing.Operations.Operator;

/// <summary>The operator commands' spans: one per command, with what it acted on and what it did.</summary>
public static class OperationsTelemetry
{
    public const string Name = "ImageProcessing.Operations";

    internal static readonly ActivitySource Source = new(Name);

    internal static Activity? Start(string command, string target)
    {
        var activity = Source.StartActivity("operator " + command, ActivityKind.Internal);
        activity?.SetTag("operator.command", command);
        activity?.SetTag("operator.target", target);
        return activity;
    }

    internal static OperationResult Finish(this Activity? activity, OperationResult result)
    {
        activity?.SetTag("operator.succeeded", result.Succeeded);
        activity?.SetTag("operator.count", result.Count);
        if (!result.Succeeded)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.Message);
        }

        return result;
    }
}
