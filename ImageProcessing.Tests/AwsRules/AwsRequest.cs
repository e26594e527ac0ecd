using System.Text;
using System.Text.Json;

namespace ImageProcessing.Tests.AwsRules;

/// <summary>One HTTP request to an AWS API as the gateway received it.</summary>
internal sealed record AwsRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The signing service of the SigV4 credential scope (<c>s3</c>, <c>dynamodb</c>, <c>sns</c>, <c>sqs</c>, <c>kms</c>).</summary>
    public string Service
    {
        get
        {
            var authorization = Header("Authorization") ?? string.Empty;
            var scope = authorization.Split("Credential=", 2) is [_, var rest] ? rest.Split(',', 2)[0].Split('/') : [];
            return scope.Length >= 5 ? scope[3] : string.Empty;
        }
    }

    /// <summary>The JSON protocols' operation (<c>X-Amz-Target: DynamoDB_20120810.PutItem</c> → <c>PutItem</c>).</summary>
    public string? Target => Header("X-Amz-Target")?.Split('.').Last();

    public string? Header(string name) =>
        Headers.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement;

    /// <summary>The form parameters of a Query API request (SNS).</summary>
    public Dictionary<string, string> Form() => ParseQuery(Encoding.UTF8.GetString(Body));

    /// <summary>Form or query parameters; a repeated name keeps its last value.</summary>
    public static Dictionary<string, string> ParseQuery(string query)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)))
        {
            parameters[Unescape(pair[0])] = pair.Length > 1 ? Unescape(pair[1]) : string.Empty;
        }

        return parameters;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
