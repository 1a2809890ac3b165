using System.Collections.Immutable;
using System.Globalization;

namespace Entente.Nlp.Parsing;

/// <summary>Anything that gives a labelled dependency tree for a tagged sentence.</summary>
public interface IDependencyParser
{
    /// <summary>Parses one sentence given its words and their UPOS and XPOS tags (three lists of one length).</summary>
    ParseResult Parse(IReadOnlyList<string> forms, IReadOnlyList<string> upos, IReadOnlyList<string> xpos);
}

/// <summary>A parser that also gives the probability of every arc (head h, word d) for a sentence.</summary>
public interface IArcProbabilityParser : IDependencyParser
{
    /// <summary>
    /// The parse of one sentence and its arc probabilities: <c>[h * (n + 1) + d]</c> for head h (0 = root)
    /// and word d (1-based); each word's probabilities over its heads sum to one.
    /// </summary>
    (ParseResult Parse, double[] ArcProbabilities) ParseWithProbabilities(IReadOnlyList<string> forms, IReadOnlyList<string> upos, IReadOnlyList<string> xpos);
}

/// <summary>
/// One parser of a <see cref="ParserEnsemble"/>, the weight of its tree's votes and the weight of its arc
/// probabilities (<see cref="IArcProbabilityParser"/>; 0 for a parser that only gives a tree).
/// </summary>
public sealed record EnsembleMember(string Name, IDependencyParser Parser, double Weight, double ProbabilityWeight = 0);

/// <summary>
/// Several parsers voting: each member parses the sentence, and each word's head choices count as votes
/// weighted by the member's weight; a member that scores every arc (the neural parser) also votes for every
/// arc with its probability times its probability weight. The projective tree with the most vote weight (one word on the root) is
/// found by Eisner's algorithm, so the result is always a tree even when the votes are not; each word's
/// relation is the weighted vote of the members that chose the same head. Members trained differently
/// (left to right and right to left, greedy and beam) make different mistakes, so the vote corrects
/// some of each. Immutable and thread-safe.
/// </summary>
public sealed class ParserEnsemble : IDependencyParser
{
    /// <summary>Longer sentences (Eisner's algorithm is cubic) take the first member's parse.</summary>
    public const int MaxVotedWords = 200;

    // ties between equal vote weights go to the first member, then the second, …
    private const double TieBreak = 1e-6;

    private readonly double[] _weights;
    private readonly double[] _probabilityWeights;

    private static readonly Lazy<ParserEnsemble> AccurateEnsemble = new(() => LoadResource("parser-accurate.txt"));

    public ParserEnsemble(IEnumerable<EnsembleMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        Members = [.. members];
        if (Members.IsEmpty)
        {
            throw new ArgumentException("an ensemble needs at least one parser", nameof(members));
        }

        foreach (var m in Members)
        {
            if (!(m.Weight > 0) || double.IsInfinity(m.Weight))
            {
                throw new ArgumentException($"member {m.Name}: the weight must be a positive number, not {m.Weight}", nameof(members));
            }

            if (!(m.ProbabilityWeight >= 0) || double.IsInfinity(m.ProbabilityWeight))
            {
                throw new ArgumentException($"member {m.Name}: the probability weight must be zero or positive, not {m.ProbabilityWeight}", nameof(members));
            }

            if (m.ProbabilityWeight > 0 && m.Parser is not IArcProbabilityParser)
            {
                throw new ArgumentException($"member {m.Name}: a probability weight needs a parser that scores arcs (a neural parser)", nameof(members));
            }
        }

        _weights = Members.Select(m => m.Weight).ToArray();
        _probabilityWeights = Members.Select(m => m.ProbabilityWeight).ToArray();
    }

    /// <summary>The accurate parser embedded in the library: the members listed in models/parser-accurate.txt.</summary>
    public static ParserEnsemble Accurate => AccurateEnsemble.Value;

    public ImmutableArray<EnsembleMember> Members { get; }

    /// <summary>
    /// Reads an ensemble description: one member per line, <c>FILE WEIGHT [PROBABILITY-WEIGHT]</c> (a parser
    /// model, the weight of its tree's votes and, for a neural parser, the weight of its arc probabilities);
    /// blank lines and lines starting with # are skipped. <paramref name="open"/> opens a named
    /// model; errors raise <see cref="InvalidDataException"/> naming <paramref name="name"/> and the line.
    /// </summary>
    public static ParserEnsemble Load(TextReader description, string name, Func<string, Stream> open)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(open);
        var members = new List<EnsembleMember>();
        var loaded = new Dictionary<string, IDependencyParser>(StringComparer.Ordinal);
        int lineNumber = 0;
        while (description.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            double probabilityWeight = 0;
            if (parts.Length is < 2 or > 3
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight)
                || !(weight > 0) || double.IsInfinity(weight)
                || (parts.Length == 3 && (!double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out probabilityWeight)
                    || !(probabilityWeight >= 0) || double.IsInfinity(probabilityWeight))))
            {
                throw new InvalidDataException($"{name} line {lineNumber}: expected 'MODEL WEIGHT [PROBABILITY-WEIGHT]' with a positive weight, found '{text}'");
            }

            if (!loaded.TryGetValue(parts[0], out var parser))
            {
                try
                {
                    using var s = open(parts[0]);
                    parser = LoadModel(s, parts[0]);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    throw new InvalidDataException($"{name} line {lineNumber}: cannot load {parts[0]}: {e.Message}", e);
                }

                loaded[parts[0]] = parser;
            }

            if (probabilityWeight > 0 && parser is not IArcProbabilityParser)
            {
                throw new InvalidDataException($"{name} line {lineNumber}: {parts[0]} gives no arc probabilities, so it takes no probability weight");
            }

            members.Add(new EnsembleMember(parts[0], parser, weight, probabilityWeight));
        }

        if (members.Count == 0)
        {
            throw new InvalidDataException($"{name}: lists no parser");
        }

        return new ParserEnsemble(members);
    }

    /// <summary>
    /// Reads a transition parser (<see cref="DependencyParser.Save"/>), a graph parser (<see cref="GraphParser.Save"/>)
    /// or a neural parser (<see cref="NeuralParser.Write"/>), whichever the stream holds.
    /// </summary>
    public static IDependencyParser LoadModel(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var seekable = stream.CanSeek ? stream : Copy(stream);
        long start = seekable.Position;
        Span<byte> magic = stackalloc byte[4];
        int got = seekable.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        seekable.Position = start;
        uint kind = got == 4 ? BitConverter.ToUInt32(magic) : 0;
        return kind switch
        {
            GraphParser.Magic => GraphParser.Load(seekable, name),
            NeuralParser.Magic => NeuralParser.Load(seekable, name),
            _ => DependencyParser.Load(seekable, name),
        };

        static MemoryStream Copy(Stream s)
        {
            var ms = new MemoryStream();
            s.CopyTo(ms);
            ms.Position = 0;
            return ms;
        }
    }

    /// <summary>Reads an ensemble description file; its model files are named relative to the file.</summary>
    public static ParserEnsemble LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        using var reader = File.OpenText(path);
        return Load(reader, path, file => File.OpenRead(Path.Combine(dir, file)));
    }

    public ParseResult Parse(IReadOnlyList<string> forms, IReadOnlyList<string> upos, IReadOnlyList<string> xpos)
    {
        int n = ParseResult.CheckInput(forms, upos, xpos);
        if (Members.Length == 1 || n == 0 || n > MaxVotedWords)
        {
            return Members[0].Parser.Parse(forms, upos, xpos);
        }

        var parses = new ParseResult[Members.Length];
        var probabilities = new double[]?[Members.Length];
        for (int m = 0; m < parses.Length; m++)
        {
            if (_probabilityWeights[m] > 0)
            {
                (parses[m], probabilities[m]) = ((IArcProbabilityParser)Members[m].Parser).ParseWithProbabilities(forms, upos, xpos);
            }
            else
            {
                parses[m] = Members[m].Parser.Parse(forms, upos, xpos);
            }
        }

        return Combine(parses, _weights, probabilities, _probabilityWeights);
    }

    /// <summary>
    /// The tree with the most vote weight among <paramref name="parses"/> of one sentence (weighted by
    /// <paramref name="weights"/>; ties go to the earlier parse), each word's relation voted among the parses
    /// that chose its head. The word on the root is "root", and no other.
    /// </summary>
    internal static ParseResult Combine(ParseResult[] parses, double[] weights) => Combine(parses, weights, null, null);

    /// <summary>
    /// As <see cref="Combine(ParseResult[], double[])"/>, where parse m's arc probabilities (if
    /// <paramref name="probabilities"/>[m] is not null) also vote, each times <paramref name="probabilityWeights"/>[m].
    /// </summary>
    internal static ParseResult Combine(ParseResult[] parses, double[] weights, double[]?[]? probabilities, double[]? probabilityWeights)
    {
        var first = parses[0];
        int n = first.Heads.Length;
        bool agree = true;
        for (int m = 1; m < parses.Length && agree; m++)
        {
            agree = parses[m].Heads.AsSpan().SequenceEqual(first.Heads);
        }

        // when every tree agrees and the probability weights sum to less than the tree weights, each word's
        // agreed arc outscores any other, so the agreed tree is the voted tree
        agree &= probabilityWeights == null || probabilityWeights.Sum() < weights.Sum();
        var heads = agree ? first.Heads : VotedTree(parses, weights, probabilities, probabilityWeights, n);
        var rels = new string[n];
        var votes = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int d = 0; d < n; d++)
        {
            if (heads[d] == 0)
            {
                rels[d] = "root";
                continue;
            }

            // the members that chose this head vote; if none did (the tree needed an arc nobody chose), all do
            bool any = false;
            for (int m = 0; m < parses.Length && !any; m++)
            {
                any = parses[m].Heads[d] == heads[d];
            }

            votes.Clear();
            string? best = null;
            double bestVote = 0;
            for (int m = 0; m < parses.Length; m++)
            {
                var rel = parses[m].DepRels[d];
                if ((any && parses[m].Heads[d] != heads[d]) || rel == "root")
                {
                    continue;
                }

                double v = votes.GetValueOrDefault(rel) + weights[m] + (TieBreak * (parses.Length - m));
                votes[rel] = v;
                if (v > bestVote)
                {
                    best = rel;
                    bestVote = v;
                }
            }

            rels[d] = best ?? "dep";
        }

        return new ParseResult(heads, rels);
    }

    /// <summary>The projective tree over words 1..n with the most vote weight, exactly one word on the root.</summary>
    private static int[] VotedTree(ParseResult[] parses, double[] weights, double[]?[]? probabilities, double[]? probabilityWeights, int n)
    {
        // score[h, d]: vote weight for word d (1..n) hanging from h (0..n)
        var score = new double[(n + 1) * (n + 1)];
        for (int m = 0; m < parses.Length; m++)
        {
            double w = weights[m] + (TieBreak * (parses.Length - m));
            var h = parses[m].Heads;
            for (int d = 1; d <= n; d++)
            {
                score[(h[d - 1] * (n + 1)) + d] += w;
            }

            if (probabilities?[m] is { } p && probabilityWeights![m] > 0)
            {
                double pw = probabilityWeights[m];
                for (int i = 0; i < score.Length; i++)
                {
                    score[i] += pw * p[i];
                }
            }
        }

        return Eisner.Decode(score, n);
    }

    private static ParserEnsemble LoadResource(string file)
    {
        var assembly = typeof(ParserEnsemble).Assembly;
        Stream Open(string model) => assembly.GetManifestResourceStream("Entente.Models." + model)
            ?? throw new InvalidDataException($"embedded model Entente.Models.{model} is missing");
        using var s = Open(file);
        using var reader = new StreamReader(s);
        return Load(reader, "Entente.Models." + file, Open);
    }
}

/// <summary>Eisner's cubic-time algorithm for the best projective dependency tree under arc scores.</summary>
internal static class Eisner
{
    /// <summary>
    /// The best projective tree over words 1..n in which exactly one word hangs from the root 0;
    /// <paramref name="score"/>[h * (n + 1) + d] scores the arc h → d. Returns the 1-based head of each word.
    /// </summary>
    public static int[] Decode(double[] score, int n)
    {
        int size = n + 1;
        double S(int h, int d) => score[(h * size) + d];

        // spans over words s..t (1 ≤ s ≤ t ≤ n), index s * size + t
        var cr = new double[size * size]; // complete, head s, extends right to t
        var cl = new double[size * size]; // complete, head t, extends left to s
        var ir = new double[size * size]; // incomplete: arc s → t
        var il = new double[size * size]; // incomplete: arc t → s
        var bcr = new int[size * size];
        var bcl = new int[size * size];
        var bir = new int[size * size];
        var bil = new int[size * size];
        for (int len = 1; len < n; len++)
        {
            for (int s = 1; s + len <= n; s++)
            {
                int t = s + len;
                double best = double.NegativeInfinity;
                int arg = s;
                for (int r = s; r < t; r++)
                {
                    double v = cr[(s * size) + r] + cl[((r + 1) * size) + t];
                    if (v > best)
                    {
                        best = v;
                        arg = r;
                    }
                }

                ir[(s * size) + t] = best + S(s, t);
                il[(s * size) + t] = best + S(t, s);
                bir[(s * size) + t] = bil[(s * size) + t] = arg;

                best = double.NegativeInfinity;
                arg = s;
                for (int r = s; r < t; r++)
                {
                    double v = cl[(s * size) + r] + il[(r * size) + t];
                    if (v > best)
                    {
                        best = v;
                        arg = r;
                    }
                }

                cl[(s * size) + t] = best;
                bcl[(s * size) + t] = arg;

                best = double.NegativeInfinity;
                arg = t;
                for (int r = s + 1; r <= t; r++)
                {
                    double v = ir[(s * size) + r] + cr[(r * size) + t];
                    if (v > best)
                    {
                        best = v;
                        arg = r;
                    }
                }

                cr[(s * size) + t] = best;
                bcr[(s * size) + t] = arg;
            }
        }

        int root = 1;
        double top = double.NegativeInfinity;
        for (int k = 1; k <= n; k++)
        {
            double v = S(0, k) + cl[(1 * size) + k] + cr[(k * size) + n];
            if (v > top)
            {
                top = v;
                root = k;
            }
        }

        var heads = new int[n];
        heads[root - 1] = 0;
        var stack = new Stack<(int Kind, int S, int T)>();
        stack.Push((0, 1, root)); // complete left, head root
        stack.Push((1, root, n)); // complete right, head root
        while (stack.Count > 0)
        {
            var (kind, s, t) = stack.Pop();
            if (s == t)
            {
                continue;
            }

            int i = (s * size) + t;
            switch (kind)
            {
                case 0: // complete left: cl[s][r] + il[r][t]
                    {
                        int r = bcl[i];
                        stack.Push((0, s, r));
                        stack.Push((2, r, t));
                        break;
                    }

                case 1: // complete right: ir[s][r] + cr[r][t]
                    {
                        int r = bcr[i];
                        stack.Push((3, s, r));
                        stack.Push((1, r, t));
                        break;
                    }

                case 2: // incomplete left: arc t → s
                    {
                        heads[s - 1] = t;
                        int r = bil[i];
                        stack.Push((1, s, r));
                        stack.Push((0, r + 1, t));
                        break;
                    }

                default: // incomplete right: arc s → t
                    {
                        heads[t - 1] = s;
                        int r = bir[i];
                        stack.Push((1, s, r));
                        stack.Push((0, r + 1, t));
                        break;
                    }
            }
        }

        return heads;
    }
}
