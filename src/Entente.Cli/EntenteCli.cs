using System.CommandLine;

namespace Entente.Cli;

/// <summary>The command tree. Exit codes: 0 success, 1 failure, 2 usage error.</summary>
public static class EntenteCli
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Entente: who did what to whom, when, and how sure we are — from news text.");
        root.Subcommands.Add(NlpCommands.Build(stdin, stdout, stderr));
        root.Subcommands.Add(TrainCommands.Build(stdout, stderr));
        root.Subcommands.Add(ActorsCommand.Build(stdin, stdout, stderr));
        root.Subcommands.Add(ExtractCommand.Build(stdin, stdout, stderr));
        root.Subcommands.Add(EvalCommand.Build(stdout, stderr));
        root.Subcommands.Add(IngestCommand.Build(stdin, stdout, stderr));
        root.Subcommands.Add(EventsCommand.Build(stdout, stderr));
        root.Subcommands.Add(StatsCommand.Build(stdout, stderr));
        root.Subcommands.Add(ExportCommand.Build(stdout, stderr));
        root.Subcommands.Add(ServeCommand.Build(stdout, stderr));
        foreach (var command in AnalyticsCommands.Build(stdout, stderr))
        {
            root.Subcommands.Add(command);
        }
        root.Subcommands.Add(ClusterCommand.Build(stdin, stdout, stderr));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                stderr.WriteLine($"entente: {e.Message}");
            }

            stderr.WriteLine("Try 'entente --help'.");
            return Usage;
        }

        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return parse.Invoke(config);
    }
}
