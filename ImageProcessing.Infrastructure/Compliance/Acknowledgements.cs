using Amazon.CDK;
using Constructs;

namespace ImageProcessing.Infrastructure.Compliance;

/// <summary>
/// Writes acknowledgements into the resource's CloudFormation metadata (<c>cdk_nag.rules_to_suppress</c>, the
/// cdk-nag v2 layout), where tools/compliance reads them and hands them to CDK's <c>Validations.acknowledge</c>.
/// The reason travels with the template, so a reviewer sees it next to the resource.
/// </summary>
public static class Acknowledgements
{
    public const string MetadataKey = "cdk_nag";

    /// <summary>Acknowledges the rules on <paramref name="target"/> (an L1 resource or an L2 construct's default resource).</summary>
    public static void Add(IConstruct target, params Acknowledgement[] acknowledgements)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(acknowledgements);
        var resource = ResourceOf(target);
        var rules = Existing(resource);
        foreach (var acknowledgement in acknowledgements)
        {
            if (string.IsNullOrWhiteSpace(acknowledgement.Reason) || acknowledgement.Reason.Length < 20)
            {
                throw new ArgumentException($"Acknowledgement of {acknowledgement.RuleId} on {resource.Node.Path} needs a real reason.", nameof(acknowledgements));
            }

            rules.Add(new Dictionary<string, object> { ["id"] = acknowledgement.RuleId, ["reason"] = acknowledgement.Reason });
        }

        resource.AddMetadata(MetadataKey, new Dictionary<string, object> { ["rules_to_suppress"] = rules.ToArray() });
    }

    /// <summary>
    /// How cdk-nag prints <c>Fn::GetAtt [resource, Arn]</c> inside a finding id ("&lt;LogicalId.Arn&gt;"). The logical id
    /// is a token that resolves when the template is written, so the acknowledgement follows the resource.
    /// </summary>
    public static string ArnReference(IConstruct construct)
    {
        ArgumentNullException.ThrowIfNull(construct);
        var resource = ResourceOf(construct);
        return $"<{Stack.Of(resource).GetLogicalId(resource)}.Arn>";
    }

    private static CfnResource ResourceOf(IConstruct target) => target switch
    {
        CfnResource resource => resource,
        _ when target.Node.DefaultChild is CfnResource resource => resource,
        _ => throw new ArgumentException($"{target.Node.Path} has no CloudFormation resource to acknowledge rules on.", nameof(target)),
    };

    // Metadata written earlier comes back from jsii as plain objects; rebuild the list so a second call appends.
    private static List<Dictionary<string, object>> Existing(CfnResource resource)
    {
        var rules = new List<Dictionary<string, object>>();
        if (resource.GetMetadata(MetadataKey) is IDictionary<string, object> metadata
            && metadata.TryGetValue("rules_to_suppress", out var existing)
            && existing is IEnumerable<object> entries)
        {
            foreach (var entry in entries)
            {
                if (entry is IDictionary<string, object> rule)
                {
                    rules.Add(new Dictionary<string, object>(rule));
                }
            }
        }

        return rules;
    }
}
