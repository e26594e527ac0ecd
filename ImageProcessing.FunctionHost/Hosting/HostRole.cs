namespace ImageProcessing.FunctionHost.Hosting;

/// <summary>What one local host process does: <c>function</c>, <c>upload-api</c> or <c>all</c> (the default, run alone).</summary>
public sealed record HostRole(bool RunsFunction, bool ServesUploads)
{
    public const string ConfigurationKey = "FunctionHost:Role";

    public static HostRole From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[ConfigurationKey] switch
        {
            null or "" or "all" => new HostRole(true, true),
            "function" => new HostRole(true, false),
            "upload-api" => new HostRole(false, true),
            var other => throw new ArgumentException($"{ConfigurationKey} must be function, upload-api or all (got '{other}')"),
        };
    }
}
