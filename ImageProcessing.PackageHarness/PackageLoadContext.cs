using System.Reflection;
using System.Runtime.Loader;

namespace ImageProcessing.PackageHarness;

/// <summary>
/// Loads the handler's assembly and its dependencies from the package directory, resolved through the package's
/// own <c>.deps.json</c> (managed and native, per runtime identifier), as the managed runtime does.
/// </summary>
internal sealed class PackageLoadContext(string mainAssemblyPath) : AssemblyLoadContext("lambda-package", isCollectible: false)
{
    private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName) =>
        _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
