using System.CommandLine;

namespace Entente.Cli;

internal static class NlpCommands
{
    public static Command Build(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var nlp = new Command("nlp", "Tokenise, tag, lemmatise and parse English text; evaluate the models.");
        return nlp;
    }
}
