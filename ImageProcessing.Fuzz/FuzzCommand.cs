using SharpFuzz;

namespace ImageProcessing.Fuzz;

/// <summary>
/// <c>ImageProcessing.Fuzz TARGET</c> runs under afl-fuzz (SharpFuzz out-of-process, so a native crash in
/// libvips is reported, not lost); <c>--libfuzzer</c> runs under libfuzzer-dotnet;
/// <c>--repro FILE...</c> runs inputs once and prints what escapes, for triage and regression checks.
/// </summary>
internal static class FuzzCommand
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || FuzzTargets.Find(args[0]) is not { } target)
        {
            PrintUsage();
            return 2;
        }

        var mode = args.Length > 1 ? args[1] : "--afl";
        switch (mode)
        {
            case "--afl":
                Fuzzer.OutOfProcess.Run(stream => target.Run(ReadAll(stream)));
                return 0;
            case "--libfuzzer":
                Fuzzer.LibFuzzer.Run(input => target.Run(input));
                return 0;
            case "--repro" when args.Length > 2:
                return Repro(target, args[2..]);
            default:
                PrintUsage();
                return 2;
        }
    }

    private static int Repro(IFuzzTarget target, string[] files)
    {
        var failures = 0;
        foreach (var file in files)
        {
            try
            {
                var outcome = target.Run(File.ReadAllBytes(file));
                Console.WriteLine($"ok    {file}: {outcome}");
            }
#pragma warning disable CA1031 // Reporting every exception is the point of a repro run.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures++;
                Console.WriteLine($"FAIL  {file}\n{e}");
            }
        }

        return failures == 0 ? 0 : 1;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static void PrintUsage()
    {
        Console.Error.WriteLine("usage: ImageProcessing.Fuzz TARGET [--afl | --libfuzzer | --repro FILE...]");
        Console.Error.WriteLine("targets:");
        foreach (var target in FuzzTargets.All)
        {
            Console.Error.WriteLine($"  {target.Name,-8} {target.Description}");
        }
    }
}
