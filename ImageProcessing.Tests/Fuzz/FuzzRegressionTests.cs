using ImageProcessing.Function.Rules;
using ImageProcessing.Fuzz;
using ImageProcessing.Tests.Support;

namespace ImageProcessing.Tests.Fuzz;

/// <summary>
/// Every input under TestData/fuzz-regressions/&lt;target&gt;/ goes through that fuzz target exactly as the
/// fuzzer runs it: the target's own contract checks decide, and any exception is a failure.
/// </summary>
[Trait("Category", "unit")]
public sealed class FuzzRegressionTests
{
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

    [Fact]
    public void Every_fuzz_target_has_regression_inputs()
    {
        var folders = Inputs().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(FuzzTargets.All.Select(target => target.Name).Order(StringComparer.Ordinal), folders.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_fuzz_finding_gets_a_verdict(string target, string file)
    {
        var fuzzTarget = FuzzTargets.Find(target);
        Assert.True(fuzzTarget is not null, $"unknown fuzz target folder '{target}'");
        var input = File.ReadAllBytes(TestImages.TestDataPath("fuzz-regressions", target, file));

        var outcome = fuzzTarget.Run(input);

        Assert.False(string.IsNullOrWhiteSpace(outcome));
    }

    [Theory]
    [InlineData("""{ "rules": [ { "suffix": "", "renditions": [ { "name": "a", "resize": "none" } ] }, null ] }""", "rules[1]")]
    [InlineData("""{ "rules": [ { "suffix": "", "renditions": [ null ] } ] }""", "rules[0].renditions[0]")]
    public void A_null_entry_in_the_rules_is_refused_with_its_path(string json, string path)
    {
        var error = Assert.Throws<RuleSetException>(() => RuleSetLoader.Parse(json, "test"));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
