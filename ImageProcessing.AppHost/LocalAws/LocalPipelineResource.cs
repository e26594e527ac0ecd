using ImageProcessing.Operations;

namespace ImageProcessing.AppHost.LocalAws;

/// <summary>
/// The pipeline's AWS resources in the emulator, as one parent resource: it starts by provisioning them (once) and
/// is running when they all exist. The function hosts wait for it and are handed what it provisioned.
/// </summary>
public sealed class LocalPipelineResource(string name, LocalPipelineSettings settings) : Resource(name)
{
    private readonly TaskCompletionSource<LocalResources> _provisioned = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LocalPipelineSettings Settings { get; } = settings;

    /// <summary>The provisioned resources; awaited by the environment callbacks of the resources that wait for this one.</summary>
    public Task<LocalResources> Provisioned => _provisioned.Task;

    public Dictionary<string, AwsResource> Children { get; } = new(StringComparer.Ordinal);

    internal void Complete(LocalResources resources) => _provisioned.TrySetResult(resources);

    internal void Fail(Exception error) => _provisioned.TrySetException(error);
}
