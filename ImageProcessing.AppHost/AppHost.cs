using ImageProcessing.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Point at an emulator you already run (e.g. LocalStack: http://localhost:4566) with Emulator:Endpoint;
// otherwise moto is started on the fixed loopback port Emulator:Port.
var externalEndpoint = builder.Configuration["Emulator:Endpoint"];
var emulatorPort = int.TryParse(builder.Configuration["Emulator:Port"], out var configuredPort) ? configuredPort : 4599;
var functionHostPort = int.TryParse(builder.Configuration["FunctionHost:Port"], out var configuredHostPort) ? configuredHostPort : 5080;
string endpoint;
IResourceBuilder<IResourceWithWaitSupport>? emulator = null;
if (string.IsNullOrWhiteSpace(externalEndpoint))
{
    if (EmulatorCheck.FindProblem() is { } problem)
    {
        Console.Error.WriteLine($"ImageProcessing.AppHost cannot start the AWS emulator: {problem}");
        return 1;
    }

    endpoint = $"http://127.0.0.1:{emulatorPort}";
    emulator = builder.AddExecutable("aws-emulator", "python3", ".", "-m", "moto.server", "-H", "127.0.0.1", "-p", emulatorPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithHttpEndpoint(port: emulatorPort, isProxied: false, name: "http")
        .WithHttpHealthCheck("/moto-api/")
        .WithUrl($"{endpoint}/moto-api/", "Emulator state");
}
else
{
    endpoint = externalEndpoint.TrimEnd('/');
}

void WireAws(IResourceBuilder<ProjectResource> project)
{
    project
        .WithEnvironment("AWS_ENDPOINT_URL", endpoint)
        .WithEnvironment("AWS_REGION", builder.Configuration["Emulator:Region"] ?? "us-east-1")
        .WithEnvironment("AWS_ACCESS_KEY_ID", "test")
        .WithEnvironment("AWS_SECRET_ACCESS_KEY", "test");
    if (emulator is not null)
    {
        project.WaitFor(emulator);
    }
}

var provision = builder.AddProject<Projects.ImageProcessing_FunctionHost>("provision")
    .WithArgs("provision");
WireAws(provision);

var functionHost = builder.AddProject<Projects.ImageProcessing_FunctionHost>("function-host")
    .WithArgs("serve")
    .WithHttpEndpoint(port: functionHostPort, name: "http")
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "Upload page")
    .WaitForCompletion(provision);
WireAws(functionHost);

await builder.Build().RunAsync();
return 0;
