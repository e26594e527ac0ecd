namespace ImageProcessing.Tests.AwsRules;

/// <summary>A request AWS would refuse: which service and operation, and the limit it breaks.</summary>
internal sealed record RuleViolation(string Service, string Operation, string Detail)
{
    public override string ToString() => $"{Service} {Operation}: {Detail}";
}
