using Entente.Cli;

return EntenteCli.Run(args, Console.In, Console.Out, Console.Error);
