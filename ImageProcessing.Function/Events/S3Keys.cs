using System.Net;

namespace ImageProcessing.Function.Events;

public static class S3Keys
{
    /// <summary>
    /// Keys in S3 event notifications are form-url-encoded: '+' is a space and '%XX' an escaped byte
    /// of the UTF-8 key (so a literal '+' arrives as '%2B').
    /// </summary>
    public static string Decode(string encodedKey) => WebUtility.UrlDecode(encodedKey);

    /// <summary>A key as S3 writes it into an event: each segment form-url-encoded, the slashes kept.</summary>
    public static string Encode(string key) => string.Join('/', key.Split('/').Select(WebUtility.UrlEncode));
}
