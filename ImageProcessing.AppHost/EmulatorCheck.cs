using System.Diagnostics;

namespace ImageProcessing.AppHost;

/// <summary>Stops the app host with one clear message when the emulator cannot be run.</summary>
internal static class EmulatorCheck
{
    public const string InstallHint = "pip install \"moto[server]\"";

    /// <summary>Null when <c>python3 -m moto.server</c> can run, else what is missing.</summary>
    public static string? FindProblem()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("python3", ["-c", "import moto.server"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            process.WaitForExit(30_000);
            return process.ExitCode == 0 ? null : $"moto is not installed for python3. Install it with: {InstallHint}";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"python3 was not found. Install Python 3, then: {InstallHint}";
        }
    }
}
