using ImageProcessing.Function.Handling;
using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Processing;

namespace ImageProcessing.FunctionHost.Hosting;

/// <summary>An upload as the page shows it: its verdict in words and code, and its renditions with where to fetch them.</summary>
internal sealed record UploadView(
    string Name,
    string Key,
    string Status,
    string? Reason,
    string? Message,
    string? SourceFormat,
    int? SourceWidth,
    int? SourceHeight,
    DateTimeOffset? ReceivedAt,
    IReadOnlyList<RenditionView> Outputs)
{
    public static UploadView From(ImageRecord record, string inputPrefix)
    {
        ArgumentNullException.ThrowIfNull(record);
        var key = record.Source.Key;
        return new UploadView(
            key.StartsWith(inputPrefix, StringComparison.Ordinal) ? key[inputPrefix.Length..] : key,
            key,
            record.Status.Name(),
            record.Reason,
            record.Message,
            record.Description?.Format?.Name(),
            record.Description?.Width,
            record.Description?.Height,
            record.ReceivedAt,
            [.. record.Outputs.Select(RenditionView.From)]);
    }
}

/// <summary>One output, fetched through the local host (<c>/renditions/…</c>) since the emulator's bucket is private.</summary>
internal sealed record RenditionView(string Rendition, string Key, string Format, int Width, int Height, long Bytes, string Url)
{
    public static RenditionView From(OutputSummary output) => new(
        output.Rendition, output.Key, output.Format.Name(), output.Width, output.Height, output.Bytes,
        "/renditions/" + string.Join('/', output.Key.Split('/').Select(Uri.EscapeDataString)));
}
