using Entente.Nlp.Clustering;

namespace Entente.Nlp.Parsing;

/// <summary>Greedy decoding (fast) or beam search with a globally trained model (accurate).</summary>
public enum ParserMode
{
    Fast,
    Accurate,
}

/// <summary>
/// How to train a <see cref="DependencyParser"/>.
/// </summary>
/// <param name="Mode">Fast: greedy arc-hybrid parser trained with a dynamic oracle. Accurate: beam search, structured perceptron with max-violation updates.</param>
/// <param name="Epochs">Passes over the training data; the epoch that scores best on the dev set (when given) is kept.</param>
/// <param name="BeamSize">Beam width for <see cref="ParserMode.Accurate"/>; ignored in fast mode.</param>
/// <param name="Seed">Seed of the shuffling and exploration; same data and seed give the same model bytes.</param>
/// <param name="ExploreFromEpoch">Fast mode: from this epoch (1-based) on, the dynamic oracle follows the model's own prediction.</param>
/// <param name="ExploreProbability">Fast mode: probability of following the model's prediction once exploration is on.</param>
/// <param name="Prune">Averaged weights with a magnitude at or below this are dropped from the saved model.</param>
/// <param name="Clusters">Word clusters learned from unlabelled text (<see cref="WordClusters"/>); null: no cluster features.</param>
/// <param name="LeanWords">With <paramref name="Clusters"/>: leave out eight sparse word templates (UPOS unigrams, words of s2, b2 and of children), so that the cluster templates cost less time; no effect without clusters.</param>
/// <param name="Reverse">Parse right to left: the model reads each sentence's words in reverse order (a second, differently wrong view for the accurate ensemble).</param>
/// <param name="RichFeatures">Use the full template set (default); false: a compact subset, ~15% faster, ~0.5 UAS lower.</param>
public sealed record ParserOptions(
    ParserMode Mode = ParserMode.Fast,
    int Epochs = 12,
    int BeamSize = 8,
    int Seed = 1,
    int ExploreFromEpoch = 2,
    double ExploreProbability = 0.9,
    float Prune = 1.0f,
    bool? RichFeatures = null,
    WordClusters? Clusters = null,
    bool LeanWords = false,
    bool Reverse = false)
{
    internal bool UseRichFeatures => RichFeatures ?? true;

    /// <summary>The settings used for the committed fast model.</summary>
    public static ParserOptions Fast { get; } = new(LeanWords: true);

    /// <summary>The settings used for the committed accurate model.</summary>
    public static ParserOptions Accurate { get; } = new(Mode: ParserMode.Accurate, Epochs: 8, BeamSize: 8, Prune: 1.5f);
}
