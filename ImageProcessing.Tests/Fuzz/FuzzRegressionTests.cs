using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Fuzz;

/// <summary>
/// Every input under TestData/fuzz-regressions/&lt;target&gt;/ must get the answer that fuzz target's
/// contract demands: a verdict, never an exception.
/// </summary>
public sealed class FuzzRegressionTests
{
    // Same order as ImageProcessing.Fuzz/ProcessTarget.Keys: an input's first byte picks the key.
    private static readonly string[] ProcessKeys =
    [
        "uploads/x.png", "uploads/x_thumb.jpg", "uploads/x_grayscale.webp", "uploads/a/b/x.JPEG", "uploads/x_thumb.png",
        "uploads/x_grayscale.jpg", "uploads/x", "uploads/.webp", "uploads/x_thumb_grayscale.gif", "uploads/dir/x_THUMB.Webp",
    ];

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var directory in Directory.GetDirectories(TestImages.TestDataPath("fuzz-regressions")).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(directory), Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_fuzz_finding_gets_a_verdict(string target, string file)
    {
        var input = File.ReadAllBytes(TestImages.TestDataPath("fuzz-regressions", target, file));
        switch (target)
        {
            case "process":
                AssertProcessVerdict(input);
                break;
            case "headers":
                var rejection = new UploadValidator(ImageLimits.Default).Validate(input, out var upload);
                Assert.True(rejection is null ^ upload is null);
                break;
            case "rules":
                var error = Record.Exception(() => RuleSetLoader.Parse(File.ReadAllText(TestImages.TestDataPath("fuzz-regressions", target, file)), file));
                Assert.True(error is null or RuleSetException, error?.ToString());
                break;
            default:
                Assert.Fail($"unknown fuzz target folder '{target}'");
                break;
        }
    }

    [Theory]
    [InlineData("""{ "rules": [ { "suffix": "", "renditions": [ { "name": "a", "resize": "none" } ] }, null ] }""", "rules[1]")]
    [InlineData("""{ "rules": [ { "suffix": "", "renditions": [ null ] } ] }""", "rules[0].renditions[0]")]
    public void A_null_entry_in_the_rules_is_refused_with_its_path(string json, string path)
    {
        var error = Assert.Throws<RuleSetException>(() => RuleSetLoader.Parse(json, "test"));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static void AssertProcessVerdict(byte[] input)
    {
        Assert.NotEmpty(input);
        var processor = new ImageProcessor(ImageLimits.Default, RuleSet.Default, KeyLayout.Default);
        var result = processor.Process(ProcessKeys[input[0] % ProcessKeys.Length], input[1..]);
        Assert.Equal(result.Status == UploadStatus.Rejected, result.Rejection is not null);
    }
}
