using System.Collections.Immutable;
using Amazon.SQS.Model;
using ImageProcessing.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImageProcessing.AppHost.LocalAws;

/// <summary>
/// Models the pipeline's AWS resources in the app host: a parent <see cref="LocalPipelineResource"/> and one child
/// per AWS resource. Provisioning runs once, when the emulator is healthy; the queues' message counts are refreshed
/// while the app runs.
/// </summary>
public static partial class LocalPipelineExtensions
{
    private static readonly TimeSpan CountRefresh = TimeSpan.FromSeconds(3);

    /// <param name="emulatorUrl">The emulator's address once it runs.</param>
    /// <param name="emulatorName">The emulator resource to wait for; null when the emulator runs outside the app host.</param>
    public static IResourceBuilder<LocalPipelineResource> AddLocalPipeline(
        this IDistributedApplicationBuilder builder, string name, Func<string> emulatorUrl, string? emulatorName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = LocalPipelineSettings.From(builder.Configuration);
        var region = builder.Configuration["Emulator:Region"] ?? "us-east-1";
        var pipeline = builder.AddResource(new LocalPipelineResource(name, settings))
            .WithInitialState(Snapshot("Local AWS pipeline", []))
            .ExcludeFromManifest();
        foreach (var (childName, awsType) in ResourceDescriptions.Declared(settings.Names))
        {
            var child = builder.AddResource(new AwsResource(childName, awsType))
                .WithParentRelationship(pipeline)
                .WithInitialState(Snapshot(awsType, []))
                .ExcludeFromManifest();
            pipeline.Resource.Children[childName] = child.Resource;
        }

        pipeline.OnInitializeResource((resource, initialize, cancellationToken) =>
        {
            _ = Task.Run(() => RunAsync(resource, initialize.Services, emulatorUrl, emulatorName, region, cancellationToken), cancellationToken);
            return Task.CompletedTask;
        });
        return pipeline;
    }

    /// <summary>Hands the provisioned resources to a host, which then does not provision them again.</summary>
    public static IResourceBuilder<T> WithLocalPipeline<T>(this IResourceBuilder<T> host, IResourceBuilder<LocalPipelineResource> pipeline)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(pipeline);
        return host
            .WaitFor(pipeline)
            .WithEnvironment(async context =>
                context.EnvironmentVariables[LocalResourcesJson.EnvironmentVariable] = LocalResourcesJson.Write(await pipeline.Resource.Provisioned));
    }

    private static async Task RunAsync(
        LocalPipelineResource pipeline, IServiceProvider services, Func<string> emulatorUrl, string? emulatorName, string region, CancellationToken cancellationToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(pipeline);
        LocalResources resources;
        try
        {
            if (emulatorName is not null)
            {
                await notifications.WaitForResourceHealthyAsync(emulatorName, cancellationToken);
            }

            await PublishAllAsync(notifications, pipeline, KnownResourceStates.Starting, null);
            using var clients = Clients(emulatorUrl(), region);
            resources = await clients.Provisioner().ProvisionAsync(pipeline.Settings, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogProvisioningFailed(logger, e.Message, e);
            pipeline.Fail(e);
            await PublishAllAsync(notifications, pipeline, KnownResourceStates.FailedToStart, [("error", e.Message)]);
            return;
        }

        var descriptions = ResourceDescriptions.Of(pipeline.Settings, resources, region);
        foreach (var (name, child) in pipeline.Children)
        {
            await notifications.PublishUpdateAsync(child, state => state with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
                Properties = Merge(state.Properties, descriptions[name]),
            });
        }

        await notifications.PublishUpdateAsync(pipeline, state => state with
        {
            State = KnownResourceStates.Running,
            StartTimeStamp = DateTime.UtcNow,
            Properties = Merge(state.Properties, [("aws.endpoint", emulatorUrl()), ("aws.region", region), ("resources", pipeline.Children.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))]),
        });
        LogProvisioned(logger, pipeline.Children.Count, emulatorUrl());
        pipeline.Complete(resources);
        await RefreshQueueCountsAsync(pipeline, notifications, emulatorUrl(), region, resources, descriptions, cancellationToken);
    }

    /// <summary>Visible and in-flight message counts of each queue, every few seconds while the app runs.</summary>
    private static async Task RefreshQueueCountsAsync(
        LocalPipelineResource pipeline, ResourceNotificationService notifications, string endpoint, string region,
        LocalResources resources, Dictionary<string, (string Name, object Value)[]> descriptions, CancellationToken cancellationToken)
    {
        using var clients = Clients(endpoint, region);
        var queues = ResourceDescriptions.Queues(pipeline.Settings.Names, resources);
        using var timer = new PeriodicTimer(CountRefresh);
        do
        {
            foreach (var (name, url) in queues)
            {
                try
                {
                    var attributes = await clients.Sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
                    {
                        QueueUrl = url,
                        AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
                    }, cancellationToken);
                    await notifications.PublishUpdateAsync(pipeline.Children[name], state => state with
                    {
                        Properties = Merge(state.Properties, [.. descriptions[name],
                            ("aws.messages.visible", attributes.ApproximateNumberOfMessages),
                            ("aws.messages.in-flight", attributes.ApproximateNumberOfMessagesNotVisible)]),
                    });
                }
                catch (Amazon.SQS.AmazonSQSException)
                {
                    // The emulator is stopping or was restarted; the next round tries again.
                }
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    private static AwsClients Clients(string endpoint, string region) => new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AWS_ENDPOINT_URL"] = endpoint,
        ["AWS_REGION"] = region,
    }).Build());

    private static async Task PublishAllAsync(ResourceNotificationService notifications, LocalPipelineResource pipeline, string state, (string, object)[]? properties)
    {
        foreach (var resource in pipeline.Children.Values.Cast<IResource>().Prepend(pipeline))
        {
            await notifications.PublishUpdateAsync(resource, snapshot => snapshot with
            {
                State = state,
                Properties = properties is null ? snapshot.Properties : Merge(snapshot.Properties, properties),
            });
        }
    }

    private static CustomResourceSnapshot Snapshot(string type, (string, object)[] properties) => new()
    {
        ResourceType = type,
        State = KnownResourceStates.NotStarted,
        Properties = Properties(properties),
    };

    [LoggerMessage(1, LogLevel.Error, "Provisioning the pipeline's resources failed: {Error}")]
    private static partial void LogProvisioningFailed(ILogger logger, string error, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "Provisioned {Count} resources at {Endpoint}")]
    private static partial void LogProvisioned(ILogger logger, int count, string endpoint);

    /// <summary>Sets these properties and keeps the others: the dashboard's own (the parent, the type) are properties too.</summary>
    private static ImmutableArray<ResourcePropertySnapshot> Merge(ImmutableArray<ResourcePropertySnapshot> current, (string Name, object Value)[] properties)
    {
        var names = properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return [.. current.Where(p => !names.Contains(p.Name)), .. Properties(properties)];
    }

    private static ImmutableArray<ResourcePropertySnapshot> Properties((string Name, object Value)[] properties) =>
        [.. properties.Select(p => new ResourcePropertySnapshot(p.Name, p.Value))];
}
