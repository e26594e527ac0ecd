namespace ImageProcessing.PackageHarness;

/// <summary>A .NET Lambda handler string, <c>Assembly::Namespace.Type::Method</c>, as the function's configuration holds it.</summary>
internal sealed record HandlerString(string Assembly, string Type, string Method)
{
    public static HandlerString Parse(string handler)
    {
        var parts = handler.Split("::");
        if (parts.Length != 3 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"'{handler}' is not a handler string (Assembly::Namespace.Type::Method)", nameof(handler));
        }

        return new(parts[0], parts[1], parts[2]);
    }
}
