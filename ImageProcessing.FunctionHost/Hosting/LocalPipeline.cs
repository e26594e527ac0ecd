using ImageProcessing.FunctionHost.Local;

namespace ImageProcessing.FunctionHost.Hosting;

/// <summary>The local pipeline's resources as provisioning found or created them.</summary>
public sealed record LocalPipeline(LocalNames Names, LocalResources Resources);
