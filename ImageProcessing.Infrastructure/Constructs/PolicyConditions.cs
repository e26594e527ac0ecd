using Amazon.CDK;

namespace ImageProcessing.Infrastructure.Constructs;

internal static class PolicyConditions
{
    /// <summary>
    /// <c>aws:SourceAccount</c> = this account: a service principal may act only on behalf of this account's
    /// resources (the confused-deputy guard).
    /// </summary>
    public static Dictionary<string, object> FromThisAccount() => new() { ["aws:SourceAccount"] = Aws.ACCOUNT_ID };
}
