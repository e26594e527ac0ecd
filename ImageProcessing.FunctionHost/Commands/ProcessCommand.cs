using ImageProcessing.Function.Processing;
using ImageProcessing.Function.Rules;
using ImageProcessing.Function.Validation;

namespace ImageProcessing.FunctionHost.Commands;

/// <summary>
/// <c>process</c>: the function's exact validation and processing on local files, for reproducing what
/// it did with an object and for trying rules.
/// </summary>
internal static class ProcessCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ProcessArguments arguments;
        List<InputFile> files;
        RuleSet rules;
        try
        {
            arguments = ProcessArguments.Parse(args);
            files = InputFiles.Expand(arguments.Inputs);
            rules = arguments.RulesFile is null ? RuleSet.Default : RuleSetLoader.Load(arguments.RulesFile);
        }
        catch (Exception e) when (e is UsageException or RuleSetException)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            await stderr.WriteLineAsync("run with --help for usage");
            return 2;
        }

        var layout = KeyLayout.Default;
        var processor = new ImageProcessor(ImageLimits.Default, rules, layout);
        var output = new OutputDirectory(arguments.OutputDirectory);
        var printer = new ResultPrinter(stdout, arguments.Json);
        var failed = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (files.Count > 1)
            {
                await stderr.WriteLineAsync($"[{i + 1}/{files.Count}] {file.RelativePath}");
            }

            var key = layout.InputPrefix + file.RelativePath;
            try
            {
                ProcessingResult result;
                await using (var stream = File.OpenRead(file.FullPath))
                {
                    result = await processor.ProcessAsync(key, stream, stream.Length, cancellationToken);
                }

                var written = await output.WriteAsync(result.Outputs, cancellationToken);
                await printer.PrintAsync(file, result, written);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                failed++;
                await printer.PrintFailureAsync(file, e);
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
