using System.Diagnostics;
using System.Text.Json.Nodes;
using ImageProcessing.PackageHarness;

// ImageProcessing.PackageHarness <package-dir> <handler> <events.jsonl> <responses.jsonl>
// Each line of the events file is one invocation's payload; each line written is {"event","ms","response"}.
// The environment (the function's, and what Lambda sets) is the caller's; the summary goes to stdout.
if (args is not [var packageDirectory, var handler, var eventsFile, var responsesFile])
{
    Console.Error.WriteLine("usage: ImageProcessing.PackageHarness <package-dir> <handler> <events.jsonl> <responses.jsonl>");
    return 2;
}

var started = Stopwatch.StartNew();
var runtime = new ManagedRuntime(Path.GetFullPath(packageDirectory), HandlerString.Parse(handler));
var initMs = started.Elapsed.TotalMilliseconds;
var count = 0;
await using (var responses = new StreamWriter(responsesFile))
{
    foreach (var line in await File.ReadAllLinesAsync(eventsFile))
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            continue;
        }

        var invocation = Stopwatch.StartNew();
        var response = await runtime.InvokeAsync(System.Text.Encoding.UTF8.GetBytes(line), $"1-{DateTimeOffset.UtcNow.ToUnixTimeSeconds():x8}-{Guid.NewGuid():N}"[..35]);
        var entry = new JsonObject
        {
            ["event"] = count++,
            ["ms"] = Math.Round(invocation.Elapsed.TotalMilliseconds, 1),
            ["response"] = JsonNode.Parse(response),
        };
        await responses.WriteLineAsync(entry.ToJsonString());
    }
}

Console.WriteLine(new JsonObject
{
    ["invocations"] = count,
    ["initMs"] = Math.Round(initMs, 1),
    ["totalMs"] = Math.Round(started.Elapsed.TotalMilliseconds, 1),
    ["peakRssBytes"] = PeakResidentBytes(),
    ["architecture"] = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString(),
}.ToJsonString());
return 0;

// VmHWM of /proc/self/status: the process's peak resident set (under qemu-user, the emulator's included).
static long PeakResidentBytes()
{
    var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
}
