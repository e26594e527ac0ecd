using ImageProcessing.Operations;

namespace ImageProcessing.FunctionHost.Commands;

/// <summary>
/// <c>provision [--environment file]</c>: creates (or finds) the pipeline's resources in the emulator at AWS_ENDPOINT_URL,
/// prints them, and writes the function's environment for them to the file when one is named.
/// </summary>
internal static class ProvisionCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine([.. args]).Build();
        if (string.IsNullOrEmpty(configuration["AWS_ENDPOINT_URL"]))
        {
            await stderr.WriteLineAsync("error: AWS_ENDPOINT_URL must point at the AWS emulator (provisioning never targets real AWS)");
            return 2;
        }

        using var clients = new AwsClients(configuration);
        try
        {
            var settings = LocalPipelineSettings.From(configuration);
            var resources = await clients.Provisioner().ProvisionAsync(settings);
            await stdout.WriteLineAsync(LocalResourcesJson.Write(resources, indented: true));
            if (configuration["environment"] is { Length: > 0 } environmentFile)
            {
                // The function's environment contract for these resources, NAME=VALUE per line (the package test's input).
                await File.WriteAllLinesAsync(environmentFile, resources.FunctionEnvironment().Select(variable => $"{variable.Key}={variable.Value}"));
            }
            return 0;
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException or Function.Aws.Sns.SnsException or ArgumentException)
        {
            await stderr.WriteLineAsync($"error: provisioning at {clients.Endpoint} failed: {e.Message}");
            return 1;
        }
    }
}
