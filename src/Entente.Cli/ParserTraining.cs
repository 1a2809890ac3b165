using Entente.Nlp.Parsing;

namespace Entente.Cli;

/// <summary>The parser settings behind the committed models, with the user's seed and epochs.</summary>
internal static class ParserTraining
{
    public static ParserOptions Options(bool accurate, int seed, int? epochs)
    {
        var options = (accurate ? ParserOptions.Accurate : ParserOptions.Fast) with { Seed = seed };
        return epochs is int e ? options with { Epochs = e } : options;
    }
}
