using System.CommandLine;

namespace Entente.Cli;

internal static class TrainCommands
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var train = new Command("train", "Train the tagger or the parser on a CoNLL-U treebank.");
        return train;
    }
}
