using ImageProcessing.Infrastructure.Configuration;

namespace ImageProcessing.Tests.Infrastructure;

/// <summary>The account-wide services switched off, as for an account that already runs them.</summary>
public sealed class AccountServicesOffTemplate() : SynthesizedTemplate(new Dictionary<string, object>
{
    [ContextKeys.EnableCloudTrail] = "false",
    [ContextKeys.EnableGuardDuty] = "false",
    [ContextKeys.EnableSecurityHub] = "false",
    [ContextKeys.EnableConfig] = "false",
});

/// <summary>Every option set by context the way an operator would pass it with -c.</summary>
public sealed class CustomizedTemplate() : SynthesizedTemplate(new Dictionary<string, object>
{
    [ContextKeys.FunctionMemoryMegabytes] = "2048",
    [ContextKeys.FunctionTimeoutSeconds] = "60",
    [ContextKeys.ReservedConcurrency] = "none",
    [ContextKeys.MaximumConcurrency] = "3",
    [ContextKeys.AlertEmail] = "security@example.com",
    [ContextKeys.ImageEventsEmail] = "events@example.com",
    [ContextKeys.EnableMalwareProtection] = "true",
    [ContextKeys.ResourcePrefix] = "test-env",
});
