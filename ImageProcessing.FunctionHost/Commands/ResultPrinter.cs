using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Processing;

namespace ImageProcessing.FunctionHost.Commands;

/// <summary>One line per input: readable text, or a JSON object with <c>--json</c>.</summary>
internal sealed class ResultPrinter(TextWriter writer, bool json)
{
    public Task PrintAsync(InputFile file, ProcessingResult result, IReadOnlyList<string> writtenPaths)
    {
        var outputs = result.Outputs.Select((output, i) => OutputLine.From(writtenPaths[i], output.Summary)).ToList();
        var line = new ResultLine(
            file.FullPath,
            result.Status.Name(),
            result.Rejection?.Code,
            result.Rejection?.Message,
            result.Source.Format?.Name(),
            result.Source.Width,
            result.Source.Height,
            result.Source.Bytes,
            result.Source.Sha256,
            outputs,
            Math.Round(result.Elapsed.TotalMilliseconds, 1));
        return writer.WriteLineAsync(json ? Serialize(line) : Describe(file, line));
    }

    public Task PrintFailureAsync(InputFile file, Exception error)
    {
        var line = new ResultLine(file.FullPath, UploadStatus.Failed.Name(), "internal_error", error.Message, null, null, null, null, null, [], 0);
        return writer.WriteLineAsync(json ? Serialize(line) : $"failed     {file.RelativePath}: {error.Message}");
    }

    private static string Serialize(ResultLine line) => JsonSerializer.Serialize(line, ResultJsonContext.Default.ResultLine);

    private static string Describe(InputFile file, ResultLine line)
    {
        if (line.Status != UploadStatus.Processed.Name())
        {
            return $"rejected   {file.RelativePath}: {line.Reason}: {line.Message}";
        }

        var outputs = string.Join(", ", line.Outputs.Select(o =>
            string.Create(CultureInfo.InvariantCulture, $"{o.Rendition} {o.Width}x{o.Height} {o.Format} {o.Bytes} B → {o.Path}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"processed  {file.RelativePath} ({line.SourceFormat} {line.SourceWidth}x{line.SourceHeight}, {line.SourceBytes} B) in {line.ElapsedMs} ms: {outputs}");
    }
}

internal sealed record ResultLine(
    string File,
    string Status,
    string? Reason,
    string? Message,
    string? SourceFormat,
    int? SourceWidth,
    int? SourceHeight,
    long? SourceBytes,
    string? SourceSha256,
    IReadOnlyList<OutputLine> Outputs,
    double ElapsedMs);

/// <summary>An output as the command reports it: where the file was written instead of its object key.</summary>
internal sealed record OutputLine(string Path, string Rendition, string Format, int Width, int Height, long Bytes)
{
    public static OutputLine From(string path, OutputSummary output) =>
        new(path, output.Rendition, output.Format.Name(), output.Width, output.Height, output.Bytes);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ResultLine))]
internal sealed partial class ResultJsonContext : JsonSerializerContext;
