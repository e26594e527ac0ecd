using ImageProcessing.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Point at an emulator you already run (e.g. LocalStack: http://localhost:4566) with Emulator:Endpoint;
// otherwise moto is started on the fixed loopback port Emulator:Port.
var externalEndpoint = builder.Configuration["Emulator:Endpoint"];
var emulatorPort = int.TryParse(builder.Configuration["Emulator:Port"], out var configuredPort) ? configuredPort : 4599;
var functionHostPort = int.TryParse(builder.Configuration["FunctionHost:Port"], out var configuredHostPort) ? configuredHostPort : 5080;
IResourceBuilder<ExecutableResource>? emulator = null;
EndpointReference? emulatorEndpoint = null;
if (string.IsNullOrWhiteSpace(externalEndpoint))
{
    if (EmulatorCheck.FindProblem() is { } problem)
    {
        Console.Error.WriteLine($"ImageProcessing.AppHost cannot start the AWS emulator: {problem}");
        return 1;
    }

    emulator = builder.AddExecutable("aws-emulator", "python3", ".")
        .WithHttpEndpoint(port: emulatorPort, isProxied: false, name: "http")
        .WithHttpHealthCheck("/moto-api/");
    emulatorEndpoint = emulator.GetEndpoint("http");
    emulator.WithArgs(context =>
    {
        context.Args.Add("-m");
        context.Args.Add("moto.server");
        context.Args.Add("-H");
        context.Args.Add("127.0.0.1");
        context.Args.Add("-p");
        context.Args.Add(emulatorEndpoint.Property(EndpointProperty.TargetPort));
    });
}

void WireAws(IResourceBuilder<ProjectResource> project)
{
    if (emulator is not null && emulatorEndpoint is not null)
    {
        project.WithEnvironment("AWS_ENDPOINT_URL", emulatorEndpoint).WaitFor(emulator);
    }
    else
    {
        project.WithEnvironment("AWS_ENDPOINT_URL", externalEndpoint!.TrimEnd('/'));
    }

    project
        .WithEnvironment("AWS_REGION", builder.Configuration["Emulator:Region"] ?? "us-east-1")
        .WithEnvironment("AWS_ACCESS_KEY_ID", "test")
        .WithEnvironment("AWS_SECRET_ACCESS_KEY", "test");
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
