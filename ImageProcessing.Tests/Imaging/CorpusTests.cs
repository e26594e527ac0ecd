using ImageProcessing.Function.Imaging;
using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Imaging;

/// <summary>Real PNGs: every PngSuite variant processes, into 8-bit pixels; every libpng crash file ends in a verdict.</summary>
[Trait("Category", "unit")]
public sealed class CorpusTests
{
    private readonly ImageProcessor _processor = new(ImageLimits.Default, RuleSet.Default, KeyLayout.Default);

    public static TheoryData<string> PngSuite() => Files("pngsuite");

    public static TheoryData<string> PngCrashers() => Files("png-crashers");

    [Theory]
    [MemberData(nameof(PngSuite))]
    public void PngSuite_images_are_processed_in_all_three_rules(string relativePath)
    {
        var content = File.ReadAllBytes(TestImages.TestDataPath(relativePath));
        foreach (var stem in new[] { "img", "img_thumb", "img_grayscale" })
        {
            var result = _processor.Process($"uploads/{stem}.png", content);

            Assert.True(result.Status == UploadStatus.Processed, $"{relativePath} as {stem}: {result.Rejection}");
            var output = Assert.Single(result.Outputs);
            Assert.Equal(ImageFormat.Png, output.Image.Format);
            Assert.Equal((result.Source.Width, result.Source.Height), (output.Image.Width, output.Image.Height));
            using var decoded = TestImages.Load(output.Image.Content);
            Assert.Equal((output.Image.Width, output.Image.Height), (decoded.Width, decoded.Height));
            // libvips' thumbnail gives 8-bit pixels whatever the source depth; the renderer relies on it.
            Assert.Equal(NetVips.Enums.BandFormat.Uchar, decoded.Format);
        }
    }

    [Theory]
    [MemberData(nameof(PngCrashers))]
    public void Libpng_crash_files_get_a_verdict_without_crashing(string relativePath)
    {
        var content = File.ReadAllBytes(TestImages.TestDataPath(relativePath));

        var result = _processor.Process("uploads/crasher.png", content);

        if (result.Status == UploadStatus.Rejected)
        {
            Assert.Contains(result.Rejection!.Code, RejectionReason.All);
        }
        else
        {
            Assert.NotEmpty(result.Outputs);
        }
    }

    private static TheoryData<string> Files(string folder)
    {
        var root = TestImages.TestDataPath();
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }
}
