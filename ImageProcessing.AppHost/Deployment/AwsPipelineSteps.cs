using System.Diagnostics;
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImageProcessing.AppHost.Deployment;

/// <summary>
/// Aspire's publish and deploy pipeline, pointed at AWS: <c>aspire publish</c> writes the two synthesized stacks
/// (<c>scripts/synth.sh</c>), <c>aspire deploy</c> runs <c>scripts/deploy.sh</c>: preflight, Lambda build, security
/// scan, then both stacks. The scripts stay the one way to do either, so the two entry points cannot drift apart.
/// </summary>
public static partial class AwsPipelineSteps
{
    public const string Synthesize = "aws-synthesize";
    public const string Deploy = "aws-deploy";

    /// <summary>The <c>-c name=value</c> context deploy.sh passes to the CDK, as configuration (e.g. <c>--Aws:KeyAdminRoleArn=…</c>).</summary>
    private static readonly (string Key, string Context)[] DeployContext =
    [
        ("Aws:KeyAdminRoleArn", "keyAdminRoleArn"),
        ("Aws:AlertEmail", "alertEmail"),
        ("Aws:ImageEventsEmail", "imageEventsEmail"),
        ("Aws:ReservedConcurrency", "reservedConcurrency"),
    ];

    public static IDistributedApplicationBuilder AddAwsPipelineSteps(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Aws:ScriptsDirectory lets a test stand in for the scripts; they are the repository's scripts/ otherwise.
        var scripts = builder.Configuration["Aws:ScriptsDirectory"] is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "scripts"));
        builder.Pipeline.AddStep(Synthesize, context =>
        {
            var output = context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory();
            return RunAsync(context, Path.Combine(scripts, "synth.sh"), [output]);
        }, requiredBy: WellKnownPipelineSteps.Publish);
        builder.Pipeline.AddStep(Deploy, context =>
        {
            var configuration = context.Services.GetRequiredService<IConfiguration>();
            var arguments = DeployContext
                .Where(entry => !string.IsNullOrWhiteSpace(configuration[entry.Key]))
                .SelectMany(entry => new[] { "-c", $"{entry.Context}={configuration[entry.Key]}" })
                .ToList();
            return RunAsync(context, Path.Combine(scripts, "deploy.sh"), arguments);
        }, requiredBy: WellKnownPipelineSteps.Deploy);
        return builder;
    }

    /// <summary>Runs a script, its output in the step's log; a non-zero exit fails the step and so the command.</summary>
    private static async Task RunAsync(PipelineStepContext context, string script, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{script} did not start");
        process.OutputDataReceived += (_, line) => Log(context, LogLevel.Information, line.Data);
        process.ErrorDataReceived += (_, line) => Log(context, LogLevel.Warning, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(script)} failed with exit code {process.ExitCode}; its output is above.");
        }
    }

    private static void Log(PipelineStepContext context, LogLevel level, string? line)
    {
        if (line is not null)
        {
            LogScriptLine(context.Logger, level, line);
        }
    }

    [LoggerMessage(EventId = 1, Message = "{Line}")]
    private static partial void LogScriptLine(ILogger logger, LogLevel level, string line);
}
