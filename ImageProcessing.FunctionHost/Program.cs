using ImageProcessing.FunctionHost.Commands;
using ImageProcessing.FunctionHost.Hosting;

return args switch
{
    ["process", .. var rest] => await ProcessCommand.RunAsync(rest, Console.Out, Console.Error),
    ["provision", .. var rest] => await ProvisionCommand.RunAsync(rest, Console.Out, Console.Error),
    [var command and ("redrive" or "purge" or "reprocess"), .. var rest] => await OperatorCommand.RunAsync(command, rest, new ConfigurationBuilder().AddEnvironmentVariables().Build(), Console.In, Console.Out, Console.Error),
    ["--help" or "-h" or "help", ..] => Usage.Print(Console.Out, exitCode: 0),
    [] or ["serve", ..] => await LocalFunctionHost.RunAsync(args is ["serve", .. var serveArgs] ? serveArgs : args),
    _ => Usage.Print(Console.Error, exitCode: 2),
};
