namespace ImageProcessing.Function.Handling;

/// <summary>The attempt being handled: ids for logs and records.</summary>
public sealed record InvocationInfo(string RequestId, string MessageId, int ReceiveCount);
