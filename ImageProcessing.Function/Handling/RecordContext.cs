namespace ImageProcessing.Function.Handling;

/// <summary>Facts about the current attempt that go into the record.</summary>
public sealed record RecordContext(string RequestId, int Attempt, DateTimeOffset ReceivedAt, DateTimeOffset Now, long ExpiresAt, string? RulesFingerprint = null);
