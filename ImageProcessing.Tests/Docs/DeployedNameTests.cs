using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ImageProcessing.Tests.Infrastructure;

namespace ImageProcessing.Tests.Docs;

/// <summary>
/// Every deployed name the documents cite (resources, alarms, key aliases, stack outputs) is one the synthesized
/// templates have, so a runbook step never names something the account does not contain.
/// </summary>
[Collection(CdkSynthesis.Name)]
[Trait("Category", "docs")]
public sealed partial class DeployedNameTests(DefaultTemplate stack)
{
    private static readonly string[] NameProperties =
        ["BucketName", "QueueName", "TableName", "TopicName", "AliasName", "AlarmName", "FunctionName", "TrailName", "DashboardName", "LogGroupName"];

    [Fact]
    public void Every_cited_resource_alarm_and_alias_name_is_in_the_templates()
    {
        var names = DeployedNames();
        var unknown = Citations()
            .Where(c => DeployedNamePattern().IsMatch(c.Token) && !names.Contains(c.Token))
            .Select(c => $"{c.Where}: `{c.Token}`")
            .ToList();

        Assert.True(unknown.Count == 0, "cited but not deployed (deployed: " + string.Join(", ", names.Order(StringComparer.Ordinal)) + "):\n" + string.Join('\n', unknown));
    }

    [Fact]
    public void Every_cited_stack_output_exists()
    {
        var outputs = stack.Json["Outputs"]!.AsObject().Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var unknown = Citations()
            .Where(c => OutputPattern().IsMatch(c.Token) && !outputs.Contains(c.Token))
            .Select(c => $"{c.Where}: `{c.Token}`")
            .ToList();

        Assert.True(unknown.Count == 0, "cited as outputs but not in the template:\n" + string.Join('\n', unknown));
    }

    [Fact]
    public void Alarms_are_cited_by_their_names_not_their_construct_ids()
    {
        var constructIds = stack.Stack.Monitoring.Alarms.Select(alarm => alarm.Node.Id).ToHashSet(StringComparer.Ordinal);
        var cited = Citations().Where(c => constructIds.Contains(c.Token)).Select(c => $"{c.Where}: `{c.Token}`").ToList();

        Assert.True(cited.Count == 0, "construct ids cited; the alarm in the account is named imgpipe-…:\n" + string.Join('\n', cited));
    }

    [Fact]
    public void The_documents_cite_deployed_names_at_all() =>
        Assert.Contains(Citations(), c => c.Token == "imgpipe-dead-letter-queue-not-empty");

    /// <summary>Literal names in both templates; account and region as the documents write them.</summary>
    private HashSet<string> DeployedNames() =>
        [.. new[] { stack.Json, stack.BaselineJson }
            .SelectMany(template => template["Resources"]?.AsObject() ?? [])
            .SelectMany(resource => resource.Value!["Properties"]?.AsObject() ?? [])
            .Where(property => NameProperties.Contains(property.Key, StringComparer.Ordinal))
            .Select(property => Literal(property.Value))
            .OfType<string>()];

    private static string? Literal(JsonNode? value) => value switch
    {
        JsonValue text when text.TryGetValue<string>(out var name) => name,
        JsonObject join when join["Fn::Join"] is JsonArray parts => string.Concat(parts[1]!.AsArray().Select(part => part switch
        {
            JsonValue text => text.GetValue<string>(),
            JsonObject reference when (string?)reference["Ref"] == "AWS::AccountId" => "<account>",
            JsonObject reference when (string?)reference["Ref"] == "AWS::Region" => "<region>",
            _ => "<?>",
        })),
        _ => null,
    };

    private static List<(string Where, string Token)> Citations()
    {
        var root = Repository.Root();
        var citations = new List<(string, string)>();
        foreach (var file in Repository.MarkdownFiles(root).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}adr{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in CodeSpanPattern().Matches(lines[i]))
                {
                    citations.Add(($"{Path.GetRelativePath(root, file)}:{i + 1}", match.Groups[1].Value));
                }
            }
        }

        return citations;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpanPattern();

    [GeneratedRegex(@"^(alias/|/aws/lambda/)?imgpipe-[a-z0-9<>-]+$")]
    private static partial Regex DeployedNamePattern();

    [GeneratedRegex("^[A-Z][A-Za-z]+(Name|Arn|Url)$")]
    private static partial Regex OutputPattern();
}
