using ImageProcessing.Operations;

namespace ImageProcessing.FunctionHost.Hosting;

/// <summary>The local pipeline as configured, and its resources as provisioning found or created them.</summary>
public sealed record LocalPipeline(LocalPipelineSettings Settings, LocalResources Resources);
