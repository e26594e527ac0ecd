using ImageProcessing.Tests.Infrastructure;

namespace ImageProcessing.Tests.Docs;

/// <summary>The "Local and AWS" tables list exactly the differences <see cref="LocalAndAwsTests"/> allows, in its order.</summary>
[Trait("Category", "docs")]
public sealed class LocalAndAwsTableTests
{
    [Theory]
    [InlineData("README.md", "| difference | locally | on AWS |")]
    [InlineData("docs/local-pipeline.md", "| difference | locally | on AWS | why |")]
    public void The_table_lists_the_deliberate_differences_of_the_comparison_test(string document, string header)
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root(), document));
        var start = Array.IndexOf(lines, header);
        Assert.True(start >= 0, $"{document} has no table headed '{header}'");

        var rows = lines.Skip(start + 2).TakeWhile(line => line.StartsWith('|')).Select(line => line.Split('|')[1].Trim());

        Assert.Equal(LocalAndAwsTests.DeliberateDifferences, rows);
    }
}
