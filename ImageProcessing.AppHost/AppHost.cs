using ImageProcessing.AppHost;
using ImageProcessing.AppHost.Deployment;
using ImageProcessing.AppHost.LocalAws;

var builder = DistributedApplication.CreateBuilder(args);

// aspire publish writes the synthesized AWS templates; aspire deploy runs scripts/deploy.sh.
builder.AddAwsPipelineSteps();

// Point at an emulator you already run (e.g. LocalStack: http://localhost:4566) with Emulator:Endpoint;
// otherwise moto is started on the fixed loopback port Emulator:Port.
var externalEndpoint = builder.Configuration["Emulator:Endpoint"]?.TrimEnd('/');
var emulatorPort = int.TryParse(builder.Configuration["Emulator:Port"], out var configuredPort) ? configuredPort : 4599;
var uploadApiPort = int.TryParse(builder.Configuration["FunctionHost:Port"], out var configuredHostPort) ? configuredHostPort : 5080;
var region = builder.Configuration["Emulator:Region"] ?? "us-east-1";
IResourceBuilder<ExecutableResource>? emulator = null;
EndpointReference? emulatorEndpoint = null;
if (string.IsNullOrWhiteSpace(externalEndpoint))
{
    if (builder.ExecutionContext.IsRunMode && EmulatorCheck.FindProblem() is { } problem)
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

// The bucket, queues, table, topics and key, provisioned once from the pipeline definition and shown as resources.
var pipeline = builder.AddLocalPipeline("pipeline", () => emulatorEndpoint?.Url ?? externalEndpoint!, emulator?.Resource.Name);
if (emulator is not null)
{
    pipeline.WithParentRelationship(emulator);
}

void WireAws(IResourceBuilder<ProjectResource> project)
{
    if (emulatorEndpoint is not null)
    {
        project.WithEnvironment("AWS_ENDPOINT_URL", emulatorEndpoint);
    }
    else
    {
        project.WithEnvironment("AWS_ENDPOINT_URL", externalEndpoint!);
    }

    project
        .WithEnvironment("AWS_REGION", region)
        .WithEnvironment("AWS_ACCESS_KEY_ID", "test")
        .WithEnvironment("AWS_SECRET_ACCESS_KEY", "test")
        .WithLocalPipeline(pipeline);
}

// The function as the local Lambda service runs it: the upload queue's event source mapping feeds it.
var function = builder.AddProject<Projects.ImageProcessing_FunctionHost>("image-function")
    .WithArgs("serve", "--FunctionHost:Role=function")
    .WithHttpEndpoint(name: "http")
    .WithHttpHealthCheck("/health")
    .WithRelationship(pipeline.Resource, "reads and writes");
WireAws(function);
pipeline.WithOperatorCommands(function);

// The upload page and its endpoints: uploads go to S3, which notifies the queue the function reads.
var uploadApi = builder.AddProject<Projects.ImageProcessing_FunctionHost>("upload-api")
    .WithArgs("serve", "--FunctionHost:Role=upload-api")
    .WithHttpEndpoint(port: uploadApiPort, name: "http")
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "Upload page")
    .WithRelationship(function.Resource, "uploads for");
WireAws(uploadApi);

await builder.Build().RunAsync();
return 0;
