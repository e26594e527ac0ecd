using ImageProcessing.FunctionHost.Commands;

return args switch
{
    ["process", .. var rest] => await ProcessCommand.RunAsync(rest, Console.Out, Console.Error),
    ["--help" or "-h" or "help", ..] => Usage.Print(Console.Out, exitCode: 0),
    _ => Usage.Print(Console.Error, exitCode: 2),
};
