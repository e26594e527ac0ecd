using ImageProcessing.Fuzz;

return FuzzCommand.Run(args);
