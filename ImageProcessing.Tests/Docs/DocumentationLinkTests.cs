using System.Globalization;
using System.Text.RegularExpressions;

namespace ImageProcessing.Tests.Docs;

/// <summary>
/// The documentation stays navigable: every relative link in every Markdown file of the repository resolves (the
/// file exists; an anchor names a heading of the target file, by GitHub's slug rules), and README.md stays the
/// user's page, small enough to read.
/// </summary>
[Trait("Category", "docs")]
public sealed partial class DocumentationLinkTests
{
    private const long ReadmeMaxBytes = 20 * 1024;


    [Fact]
    public void Every_relative_link_in_the_markdown_resolves()
    {
        var root = Repository.Root();
        var anchors = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var file in Repository.MarkdownFiles(root))
        {
            foreach (var (line, target) in RelativeLinks(file))
            {
                checkedLinks++;
                if (Problem(root, file, target, anchors) is { } problem)
                {
                    broken.Add($"{Path.GetRelativePath(root, file).Replace('\\', '/')}:{line.ToString(CultureInfo.InvariantCulture)} → {target} ({problem})");
                }
            }
        }

        Assert.True(checkedLinks > 0, $"No relative link found in the Markdown under {root}: is that the repository root?");
        if (broken.Count > 0)
        {
            Assert.Fail($"{broken.Count.ToString(CultureInfo.InvariantCulture)} relative link(s) do not resolve:{Environment.NewLine}"
                + string.Join(Environment.NewLine, broken));
        }
    }

    [Fact]
    public void The_readme_is_at_most_20_KB()
    {
        var bytes = new FileInfo(Path.Combine(Repository.Root(), "README.md")).Length;

        Assert.True(bytes <= ReadmeMaxBytes,
            $"README.md is {bytes.ToString(CultureInfo.InvariantCulture)} bytes, over {ReadmeMaxBytes.ToString(CultureInfo.InvariantCulture)}: "
            + "it is the user's page; move reference material to a page under docs/ and link to it.");
    }

    [Theory]
    [InlineData("Trying the function on local files: `process`", "trying-the-function-on-local-files-process")]
    [InlineData("Speed against ImageSharp 2.1.13", "speed-against-imagesharp-2113")]
    [InlineData("Lambda memory, timeout and the free tier", "lambda-memory-timeout-and-the-free-tier")]
    [InlineData("Record schema (DynamoDB)", "record-schema-dynamodb")]
    [InlineData("Notifications (SNS)", "notifications-sns")]
    [InlineData("See [Contracts](docs/contracts.md) now", "see-contracts-now")]
    [InlineData("snake_case and kebab-case", "snake_case-and-kebab-case")]
    public void Anchors_follow_githubs_slug_rules(string heading, string expected) =>
        Assert.Equal(expected, Slug(heading));

    /// <summary>The directory holding ImageProcessing.sln, found by walking up from the test assembly.</summary>

    /// <summary>Inline links, images and reference definitions outside code, with their line numbers; external links are left out.</summary>
    private static IEnumerable<(int Line, string Target)> RelativeLinks(string file)
    {
        foreach (var (number, line) in LinesOutsideCodeBlocks(file))
        {
            var text = InlineCodePattern().Replace(line, string.Empty);
            var targets = new List<string>();
            foreach (Match link in LinkPattern().Matches(text))
            {
                targets.Add(link.Groups["target"].Value);
                // A link around an image: [![alt](image.png)](target)
                targets.AddRange(LinkPattern().Matches(link.Groups["text"].Value).Select(inner => inner.Groups["target"].Value));
            }

            if (ReferenceDefinitionPattern().Match(text) is { Success: true } definition)
            {
                targets.Add(definition.Groups["target"].Value);
            }

            foreach (var target in targets)
            {
                var unwrapped = target.Trim('<', '>');
                if (unwrapped.Length > 0 && !SchemePattern().IsMatch(unwrapped))
                {
                    yield return (number, unwrapped);
                }
            }
        }
    }

    /// <summary>Null when the link resolves, else why it does not.</summary>
    private static string? Problem(string root, string file, string target, Dictionary<string, HashSet<string>> anchors)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        var anchor = hash < 0 ? "" : Uri.UnescapeDataString(target[(hash + 1)..]);
        var destination = path.Length == 0
            ? file
            : Path.GetFullPath(path.StartsWith('/')
                ? Path.Combine(root, path.TrimStart('/'))
                : Path.Combine(Path.GetDirectoryName(file) ?? root, path));

        if (!File.Exists(destination) && !Directory.Exists(destination))
        {
            return "no such file or directory";
        }

        if (anchor.Length == 0 || !File.Exists(destination) || !destination.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!anchors.TryGetValue(destination, out var known))
        {
            known = Anchors(destination);
            anchors[destination] = known;
        }

        return known.Contains(anchor.ToLowerInvariant()) ? null : "no heading with this anchor";
    }

    /// <summary>The anchors GitHub gives a Markdown file: one per heading (repeats get -1, -2, …), and HTML name/id anchors.</summary>
    private static HashSet<string> Anchors(string file)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, line) in LinesOutsideCodeBlocks(file))
        {
            if (HeadingPattern().Match(line) is { Success: true } heading)
            {
                var slug = Slug(heading.Groups["text"].Value);
                var repeats = seen.GetValueOrDefault(slug);
                anchors.Add(repeats == 0 ? slug : string.Create(CultureInfo.InvariantCulture, $"{slug}-{repeats}"));
                seen[slug] = repeats + 1;
            }

            foreach (Match html in HtmlAnchorPattern().Matches(line))
            {
                anchors.Add(html.Groups["id"].Value.ToLowerInvariant());
            }
        }

        return anchors;
    }

    /// <summary>GitHub's heading slug: link text kept, lowercase, punctuation removed except '-' and '_', spaces become '-'.</summary>
    private static string Slug(string heading)
    {
        var text = LinkPattern().Replace(heading, match => match.Groups["text"].Value);
        text = text.Replace("`", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        text = NonSlugCharacterPattern().Replace(text, string.Empty);
        return text.Replace(' ', '-');
    }

    /// <summary>The file's lines with their numbers, leaving out fenced code blocks (``` or ~~~, closed by a fence at least as long).</summary>
    private static IEnumerable<(int Number, string Text)> LinesOutsideCodeBlocks(string file)
    {
        var number = 0;
        string? openFence = null;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            var fence = FencePattern().Match(line);
            if (openFence is null)
            {
                if (fence.Success)
                {
                    openFence = fence.Groups["fence"].Value;
                    continue;
                }

                yield return (number, line);
            }
            else if (fence.Success && fence.Groups["fence"].Value[0] == openFence[0]
                && fence.Groups["fence"].Value.Length >= openFence.Length && fence.Groups["info"].Value.Trim().Length == 0)
            {
                openFence = null;
            }
        }
    }

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})(?<info>.*)$")]
    private static partial Regex FencePattern();

    [GeneratedRegex(@"(`+).+?\1")]
    private static partial Regex InlineCodePattern();

    /// <summary>[text](target "title") and ![alt](target); the text may hold one level of brackets, the target one level of parentheses.</summary>
    [GeneratedRegex("""!?\[(?<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(?<target><[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)""")]
    private static partial Regex LinkPattern();

    /// <summary>[label]: target (not a footnote, [^1]: …).</summary>
    [GeneratedRegex(@"^ {0,3}\[(?!\^)[^\]]+\]:\s*(?<target><[^>]*>|\S+)")]
    private static partial Regex ReferenceDefinitionPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"^ {0,3}#{1,6}\s+(?<text>.*?)(?:\s+#+)?\s*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex("""(?:<a\s+(?:name|id)|\sid)="(?<id>[^"]+)(?=")""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlAnchorPattern();

    [GeneratedRegex(@"[^\p{L}\p{Mn}\p{Nd}\p{Pc} -]")]
    private static partial Regex NonSlugCharacterPattern();
}
