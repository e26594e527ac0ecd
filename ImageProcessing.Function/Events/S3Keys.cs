using System.Net;

namespace ImageProcessing.Function.Events;

public static class S3Keys
{
    /// <summary>
    /// Keys in S3 event notifications are form-url-encoded: '+' is a space and '%XX' an escaped byte
    /// of the UTF-8 key (so a literal '+' arrives as '%2B').
    /// </summary>
    public static string Decode(string encodedKey) => WebUtility.UrlDecode(encodedKey);
}
