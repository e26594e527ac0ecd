namespace ImageProcessing.Operations.Operator;

/// <summary>
/// The function host's operator endpoints, which the app host's dashboard commands call: mapped only when the app
/// host hands the host a token, and refused without it, so no web page can call them.
/// </summary>
public static class OperatorApi
{
    /// <summary>The configuration key of the token (environment variable <c>FunctionHost__OperationsToken</c>).</summary>
    public const string TokenKey = "FunctionHost:OperationsToken";

    public const string TokenHeader = "X-Operations-Token";

    /// <summary>Shorter tokens are ignored: the endpoints stay unmapped.</summary>
    public const int MinimumTokenLength = 32;

    public const string Redrive = "redrive";
    public const string Purge = "purge";
    public const string Reprocess = "reprocess";

    /// <summary>The route group of the operator endpoints.</summary>
    public const string Root = "/operations";

    public static string PathOf(string operation) => Root + "/" + operation;
}
