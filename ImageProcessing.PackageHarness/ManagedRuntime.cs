using System.Reflection;

namespace ImageProcessing.PackageHarness;

/// <summary>
/// The managed runtime's part of a warm sandbox: the handler type is created once, then its method is called for
/// each event with the event's bytes as a stream; what it returns is the invocation's response.
/// </summary>
internal sealed class ManagedRuntime
{
    private readonly object _handler;
    private readonly MethodInfo _method;

    public ManagedRuntime(string packageDirectory, HandlerString handler)
    {
        var assemblyPath = Path.Combine(packageDirectory, handler.Assembly + ".dll");
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"the package has no {handler.Assembly}.dll", assemblyPath);
        }

        var assembly = new PackageLoadContext(assemblyPath).LoadFromAssemblyPath(assemblyPath);
        var type = assembly.GetType(handler.Type, throwOnError: true)!;
        _method = type.GetMethod(handler.Method, BindingFlags.Public | BindingFlags.Instance, [typeof(Stream)])
            ?? throw new MissingMethodException($"{handler.Type} has no public instance method {handler.Method}(Stream)");
        if (_method.ReturnType != typeof(Task<Stream>))
        {
            throw new MissingMethodException($"{handler.Type}.{handler.Method} returns {_method.ReturnType}, not Task<Stream>");
        }

        _handler = Activator.CreateInstance(type)
            ?? throw new MissingMethodException($"{handler.Type} could not be created with its public parameterless constructor");
    }

    public async Task<byte[]> InvokeAsync(byte[] payload, string traceId)
    {
        // The runtime sets the invocation's trace header in the environment before it calls the handler.
        Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", $"Root={traceId};Parent={Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8])};Sampled=0");
        using var input = new MemoryStream(payload, writable: false);
        var task = (Task<Stream>)_method.Invoke(_handler, [input])!;
        await using var output = await task;
        using var copy = new MemoryStream();
        await output.CopyToAsync(copy);
        return copy.ToArray();
    }
}
