using Amazon.CDK.AWS.Lambda;

namespace ImageProcessing.Infrastructure.Constructs;

/// <summary>The function's code: the publish directory (or zip) that scripts/build_lambda.sh produces.</summary>
public static class FunctionPackage
{
    public static Code FromPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var exists = Directory.Exists(fullPath)
            ? Directory.EnumerateFileSystemEntries(fullPath).Any()
            : File.Exists(fullPath) && fullPath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
        if (!exists)
        {
            throw new FileNotFoundException(
                $"The Lambda package was not found at '{fullPath}'. Run scripts/build_lambda.sh first, " +
                "or pass -c lambdaPackage=<publish directory or .zip>.", fullPath);
        }

        return Code.FromAsset(fullPath);
    }
}
