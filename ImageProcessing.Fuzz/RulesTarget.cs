using System.Text;
using ImageProcessing.Function.Rules;

namespace ImageProcessing.Fuzz;

/// <summary>The rules JSON loader: it may refuse a document only with a <see cref="RuleSetException"/>.</summary>
internal sealed class RulesTarget : IFuzzTarget
{
    private static readonly string[] Names = ["x.png", "x_thumb.jpg", "a/x_grayscale.webp", "", ".png", "x_"];

    public string Name => "rules";

    public string Description => "UTF-8 text -> RuleSetLoader.Parse, then RuleSet.Select on a few names";

    public string Run(ReadOnlySpan<byte> input)
    {
        RuleSet rules;
        try
        {
            rules = RuleSetLoader.Parse(Encoding.UTF8.GetString(input), "fuzz input");
        }
        catch (RuleSetException e)
        {
            return "refused: " + e.Message.Split('\n')[0];
        }

        foreach (var name in Names)
        {
            if (rules.Select(name).Renditions.Count == 0)
            {
                throw new FuzzFindingException($"a rule set accepted with a rule without renditions (for '{name}')");
            }
        }

        return $"accepted {rules.Rules.Count} rules";
    }
}
