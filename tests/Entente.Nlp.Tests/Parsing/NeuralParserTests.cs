using System.Runtime.Intrinsics;
using Entente.Nlp.Parsing;

namespace Entente.Nlp.Tests.Parsing;

public class NeuralParserTests
{
    private const int WordDim = 6, SufDim = 4, UposDim = 3, XposDim = 3, ShapeDim = 2, Hidden = 16, ArcDim = 64, LabDim = 64;

    private static readonly string[] Words = ["<pad>", "<root>", "<unk>", "ministers", "signed", "the", "accord", "."];
    private static readonly string[] Suffixes = ["<pad>", "<root>", "<unk>", "ers", "ned", "the", "ord", "."];
    private static readonly string[] Upos = ["<pad>", "<root>", "<unk>", "NOUN", "VERB", "DET", "PUNCT"];
    private static readonly string[] Xpos = ["<pad>", "<root>", "<unk>", "NNS", "VBD", "DT", "NN", "."];
    private static readonly string[] Labels = ["det", "nsubj", "obj", "punct", "root"];

    /// <summary>
    /// Random weights whose rows each hold a ±127 multiple of their scale, so that the int8 file format
    /// stores them exactly (up to one rounding of the scale).
    /// </summary>
    private static Dictionary<string, (int Rows, int Cols, float[] Data)> RandomTensors(int seed)
    {
        var rng = new Random(seed);
        var t = new Dictionary<string, (int, int, float[])>();
        void Add(string name, int rows, int cols, float scale)
        {
            var data = new float[rows * cols];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < cols; c++)
                {
                    data[(r * cols) + c] = rng.Next(-127, 128) * scale / 127f;
                }

                data[(r * cols) + rng.Next(cols)] = (rng.Next(2) == 0 ? -127 : 127) * scale / 127f;
            }

            t[name] = (rows, cols, data);
        }

        Add("word", Words.Length, WordDim, 0.5f);
        Add("suffix", Suffixes.Length, SufDim, 0.5f);
        Add("upos", Upos.Length, UposDim, 0.5f);
        Add("xpos", Xpos.Length, XposDim, 0.5f);
        Add("shape", 14, ShapeDim, 0.5f);
        int input = WordDim + SufDim + UposDim + XposDim + ShapeDim;
        foreach (var (layer, inSize) in new[] { ("l1", input), ("l2", 2 * Hidden) })
        {
            foreach (var sfx in new[] { "_l0", "_l0_reverse" })
            {
                Add($"{layer}.weight_ih{sfx}", 4 * Hidden, inSize, 0.4f);
                Add($"{layer}.weight_hh{sfx}", 4 * Hidden, Hidden, 0.4f);
                Add($"{layer}.bias_ih{sfx}", 1, 4 * Hidden, 0.2f);
                Add($"{layer}.bias_hh{sfx}", 1, 4 * Hidden, 0.2f);
            }
        }

        foreach (var (name, output) in new[] { ("arcDep", ArcDim), ("arcHead", ArcDim), ("labDep", LabDim), ("labHead", LabDim) })
        {
            Add(name + ".weight", output, 2 * Hidden, 0.3f);
            Add(name + ".bias", 1, output, 0.1f);
        }

        Add("labW1.weight", Labels.Length, LabDim, 0.3f);
        Add("labW1.bias", 1, Labels.Length, 0.1f);
        Add("labW2.weight", Labels.Length, LabDim, 0.3f);
        Add("labW3.weight", Labels.Length, LabDim, 0.3f);
        Add("arcU", ArcDim, ArcDim, 0.1f);
        Add("arcB", 1, ArcDim, 0.1f);
        return t;
    }

    private static byte[] ModelBytes(Dictionary<string, (int Rows, int Cols, float[] Data)> t)
    {
        using var ms = new MemoryStream();
        NeuralParser.Write(ms, [Words, Suffixes, Upos, Xpos, Labels], t.Select(kv => (kv.Key, kv.Value.Rows, kv.Value.Cols, kv.Value.Data)));
        return ms.ToArray();
    }

    private static readonly Lazy<(NeuralParser Parser, Dictionary<string, (int Rows, int Cols, float[] Data)> Tensors)> Random1 = new(() =>
    {
        var t = RandomTensors(1);
        return (NeuralParser.Load(new MemoryStream(ModelBytes(t)), "random.bin"), t);
    });

    private static readonly string[] Forms = ["Ministers", "signed", "the", "accord", "."];
    private static readonly string[] FormUpos = ["NOUN", "VERB", "DET", "NOUN", "PUNCT"];
    private static readonly string[] FormXpos = ["NNS", "VBD", "DT", "NN", "."];

    [Fact]
    public void Arc_scores_match_a_plain_reference_implementation_of_the_network()
    {
        // Given a model with random weights and a straightforward, loop-by-loop forward pass of the same network
        var (parser, t) = Random1.Value;
        var expected = ReferenceLogProbabilities(t, ["ministers", "signed", "the", "<unk>", "."], ["ers", "ned", "the", "<unk>", "."], [3, 4, 5, 3, 6], [3, 4, 5, 6, 7], [5, 6, 6, 5, 3]);

        // When the parser scores the sentence (with "accord" left out of the word list, so it is unknown)
        var (scores, _, _) = parser.Score(["Ministers", "signed", "the", "Accords", "."], FormUpos, FormXpos);

        // Then every arc's log-probability agrees
        Assert.Equal(expected.Length, scores.Length);
        for (int i = 0; i < scores.Length; i++)
        {
            if (double.IsNegativeInfinity(expected[i]))
            {
                Assert.True(double.IsNegativeInfinity(scores[i]), $"arc {i}: expected no arc, got {scores[i]}");
            }
            else
            {
                Assert.True(Math.Abs(expected[i] - scores[i]) < 1e-4, $"arc {i}: expected {expected[i]}, got {scores[i]}");
            }
        }
    }

    [Fact]
    public void A_parse_is_a_tree_with_one_root_and_the_probabilities_of_each_word_sum_to_one()
    {
        var (parser, _) = Random1.Value;
        var (parse, probabilities) = parser.ParseWithProbabilities(Forms, FormUpos, FormXpos);

        Assert.Equal(parse, parser.Parse(Forms, FormUpos, FormXpos), new ParseComparer());
        Assert.Single(parse.Heads, h => h == 0);
        Assert.Equal("root", parse.DepRels[Array.IndexOf(parse.Heads, 0)]);
        Assert.All(parse.DepRels.Where((_, i) => parse.Heads[i] != 0), r => Assert.Contains(r, Labels[..4]));
        for (int d = 1; d <= Forms.Length; d++)
        {
            // every word reaches the root without a cycle
            int steps = 0;
            for (int w = d; w != 0; w = parse.Heads[w - 1])
            {
                Assert.True(++steps <= Forms.Length, "cycle");
            }

            double sum = 0;
            for (int h = 0; h <= Forms.Length; h++)
            {
                sum += probabilities[(h * (Forms.Length + 1)) + d];
            }

            Assert.Equal(1.0, sum, 6);
            Assert.Equal(0.0, probabilities[(d * (Forms.Length + 1)) + d]);
        }
    }

    [Fact]
    public void The_committed_model_parses_news_sentences()
    {
        // Given the embedded neural model
        const string resource = "Entente.Models.parser-neural.bin";
        using var stream = typeof(NeuralParser).Assembly.GetManifestResourceStream(resource)!;
        var parser = NeuralParser.Load(stream, resource);

        // When it parses two news sentences
        var signed = parser.Parse(["The", "minister", "signed", "the", "agreement", "."], ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"], ["DT", "NN", "VBD", "DT", "NN", "."]);
        var sanctions = parser.Parse(
            ["Brussels", "imposed", "new", "sanctions", "on", "Minsk", "on", "Monday", "."],
            ["PROPN", "VERB", "ADJ", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"],
            ["NNP", "VBD", "JJ", "NNS", "IN", "NNP", "IN", "NNP", "."]);

        // Then subjects, objects, modifiers and the date attach where a reader would put them
        Assert.Equal([2, 3, 0, 5, 3, 3], signed.Heads);
        Assert.Equal(["det", "nsubj", "root", "det", "obj", "punct"], signed.DepRels);
        Assert.Equal(0, sanctions.Heads[1]);
        Assert.Equal(("nsubj", 2), (sanctions.DepRels[0], sanctions.Heads[0]));
        Assert.Equal(("obj", 2), (sanctions.DepRels[3], sanctions.Heads[3]));
        Assert.Equal(("amod", 4), (sanctions.DepRels[2], sanctions.Heads[2]));
        Assert.Equal(("case", 6), (sanctions.DepRels[4], sanctions.Heads[4]));
        Assert.Equal(("case", 8), (sanctions.DepRels[6], sanctions.Heads[6]));
        Assert.Equal(2, sanctions.Heads[7]);
    }

    [Fact]
    public void Empty_and_one_word_sentences_parse()
    {
        var (parser, _) = Random1.Value;
        Assert.Empty(parser.Parse([], [], []).Heads);
        var one = parser.Parse(["Sanctions"], ["NOUN"], ["NNS"]);
        Assert.Equal([0], one.Heads);
        Assert.Equal(["root"], one.DepRels);
        Assert.Throws<ArgumentException>(() => parser.Parse(["a", "b"], ["DET"], ["DT", "DT"]));
    }

    [Fact]
    public void A_damaged_model_file_is_an_error_naming_the_file()
    {
        var bytes = ModelBytes(Random1.Value.Tensors);
        var truncated = Assert.Throws<InvalidDataException>(() => NeuralParser.Load(new MemoryStream(bytes[..(bytes.Length / 2)]), "half.bin"));
        Assert.Contains("half.bin", truncated.Message, StringComparison.Ordinal);

        var wrongVersion = (byte[])bytes.Clone();
        wrongVersion[4] = 9;
        Assert.Contains("version 9", Assert.Throws<InvalidDataException>(() => NeuralParser.Load(new MemoryStream(wrongVersion), "v9.bin")).Message, StringComparison.Ordinal);

        var t = RandomTensors(1);
        t.Remove("arcU");
        var missing = Assert.Throws<InvalidDataException>(() => NeuralParser.Load(new MemoryStream(ModelBytes(t)), "no-arcU.bin"));
        Assert.Contains("arcU", missing.Message, StringComparison.Ordinal);
        Assert.Contains("no-arcU.bin", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ensemble_loader_recognises_a_neural_model()
    {
        var bytes = ModelBytes(Random1.Value.Tensors);
        Assert.IsType<NeuralParser>(ParserEnsemble.LoadModel(new MemoryStream(bytes), "neural.bin"));
    }

    [Fact]
    public void An_ensemble_uses_the_arc_probabilities_of_any_member_that_has_a_probability_weight_the_first_too()
    {
        // Given two neural parsers with different random weights, the first voting with its probabilities
        var first = Random1.Value.Parser;
        var second = NeuralParser.Load(new MemoryStream(ModelBytes(RandomTensors(2))), "random2.bin");
        var ensemble = new ParserEnsemble([new("first", first, 1, 3), new("second", second, 1)]);

        // When the ensemble parses, its tree is the vote of both trees and the first member's probabilities
        var (a, p) = first.ParseWithProbabilities(Forms, FormUpos, FormXpos);
        var b = second.Parse(Forms, FormUpos, FormXpos);
        var expected = ParserEnsemble.Combine([a, b], [1, 1], [p, null], [3, 0]);

        Assert.Equal(expected, ensemble.Parse(Forms, FormUpos, FormXpos), new ParseComparer());
    }

    [Fact]
    public void The_packed_layer_computes_the_matrix_product_for_one_input_and_for_many()
    {
        var rng = new Random(3);
        int rows = 100, cols = 37, count = 5; // 100 outputs: two blocks, the second padded
        var w = Enumerable.Range(0, rows * cols).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        var b = Enumerable.Range(0, rows).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        var x = Enumerable.Range(0, count * cols).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        var layer = new NeuralParser.Dense(new NeuralParser.Matrix(rows, cols, w), b, "test");
        Assert.Equal(128, layer.Padded);

        var many = new float[count * layer.Padded];
        layer.ApplyRows(x, cols, many, layer.Padded, count, accumulate: false, leaky: true);
        var one = new float[layer.Padded];
        for (int r = 0; r < count; r++)
        {
            layer.Apply(x.AsSpan(r * cols, cols), one, accumulate: false, leaky: true);
            for (int o = 0; o < rows; o++)
            {
                double expected = b[o];
                for (int k = 0; k < cols; k++)
                {
                    expected += w[(o * cols) + k] * x[(r * cols) + k];
                }

                expected = expected < 0 ? 0.1 * expected : expected;
                Assert.Equal(expected, many[(r * layer.Padded) + o], 4);
                Assert.Equal(expected, one[o], 4);
            }
        }

        // accumulate adds W x + b to what is there
        var twice = (float[])one.Clone();
        layer.Apply(x.AsSpan((count - 1) * cols, cols), twice, accumulate: true);
        var plain = new float[layer.Padded];
        layer.Apply(x.AsSpan((count - 1) * cols, cols), plain, accumulate: false);
        for (int o = 0; o < rows; o++)
        {
            Assert.Equal(one[o] + plain[o], twice[o], 4);
        }
    }

    [Fact]
    public void The_vector_exponential_is_accurate_over_the_range_the_network_uses()
    {
        for (double v = -80; v <= 80; v += 0.173)
        {
            var got = NeuralParser.Exp(Vector256.Create((float)v));
            double expected = Math.Exp((float)v);
            for (int i = 0; i < Vector256<float>.Count; i++)
            {
                Assert.True(Math.Abs(got[i] - expected) <= 1e-6 * expected, $"e^{v}: {got[i]} against {expected}");
            }
        }

        // beyond the clamp it saturates instead of overflowing to infinity or garbage
        Assert.True(float.IsFinite(NeuralParser.Exp(Vector256.Create(1000f))[0]));
        Assert.True(NeuralParser.Exp(Vector256.Create(-1000f))[0] < 1e-37f);
    }

    [Fact]
    public void The_word_key_and_shape_follow_the_trainer()
    {
        Assert.Equal("s-000", NeuralParser.Normalize("S-400"));
        Assert.Equal("ministers", NeuralParser.Normalize("MINISTERS"));
        Assert.Equal(4, NeuralParser.Shape("NATO"));      // all capitals: 3, plus one
        Assert.Equal(5, NeuralParser.Shape("Moscow"));    // capitalised
        Assert.Equal(6, NeuralParser.Shape("sanctions")); // lower case
        Assert.Equal(2, NeuralParser.Shape("1,500"));     // digits, no letter
        Assert.Equal(3, NeuralParser.Shape("—"));         // no letter or digit
        Assert.Equal(11, NeuralParser.Shape("Mi-35"));    // capitalised, hyphenated: 4 + 6 + 1
    }

    /// <summary>The network's forward pass written out loop by loop, with the tensors as stored.</summary>
    private static double[] ReferenceLogProbabilities(
        Dictionary<string, (int Rows, int Cols, float[] Data)> t, string[] words, string[] suffixes, int[] upos, int[] xpos, int[] shapes)
    {
        int n = words.Length, len = n + 1;
        double W(string name, int r, int c) => t[name].Data[(r * t[name].Cols) + c];
        var x = new List<double[]>();
        for (int i = 0; i < len; i++)
        {
            int wi = i == 0 ? 1 : Array.IndexOf(Words, words[i - 1]);
            int si = i == 0 ? 1 : Array.IndexOf(Suffixes, suffixes[i - 1]);
            int ui = i == 0 ? 1 : upos[i - 1], pi = i == 0 ? 1 : xpos[i - 1], sh = i == 0 ? 13 : shapes[i - 1];
            var v = new List<double>();
            foreach (var (name, row) in new[] { ("word", wi), ("suffix", si), ("upos", ui), ("xpos", pi), ("shape", sh) })
            {
                for (int c = 0; c < t[name].Cols; c++)
                {
                    v.Add(W(name, row, c));
                }
            }

            x.Add([.. v]);
        }

        double Sig(double v) => 1 / (1 + Math.Exp(-v));
        List<double[]> Lstm(string layer, List<double[]> input)
        {
            var output = input.Select(_ => new double[2 * Hidden]).ToList();
            for (int dir = 0; dir < 2; dir++)
            {
                string sfx = dir == 0 ? "_l0" : "_l0_reverse";
                var h = new double[Hidden];
                var c = new double[Hidden];
                for (int step = 0; step < len; step++)
                {
                    int pos = dir == 0 ? step : len - 1 - step;
                    var g = new double[4 * Hidden];
                    for (int r = 0; r < 4 * Hidden; r++)
                    {
                        g[r] = W($"{layer}.bias_ih{sfx}", 0, r) + W($"{layer}.bias_hh{sfx}", 0, r);
                        for (int k = 0; k < input[pos].Length; k++)
                        {
                            g[r] += W($"{layer}.weight_ih{sfx}", r, k) * input[pos][k];
                        }

                        for (int k = 0; k < Hidden; k++)
                        {
                            g[r] += W($"{layer}.weight_hh{sfx}", r, k) * h[k];
                        }
                    }

                    for (int k = 0; k < Hidden; k++)
                    {
                        c[k] = (Sig(g[Hidden + k]) * c[k]) + (Sig(g[k]) * Math.Tanh(g[(2 * Hidden) + k]));
                        h[k] = Sig(g[(3 * Hidden) + k]) * Math.Tanh(c[k]);
                        output[pos][(dir * Hidden) + k] = h[k];
                    }
                }
            }

            return output;
        }

        var top = Lstm("l2", Lstm("l1", x));
        double[] Mlp(string name, double[] v)
        {
            var y = new double[t[name + ".weight"].Rows];
            for (int o = 0; o < y.Length; o++)
            {
                double s = W(name + ".bias", 0, o);
                for (int k = 0; k < v.Length; k++)
                {
                    s += W(name + ".weight", o, k) * v[k];
                }

                y[o] = s < 0 ? 0.1 * s : s;
            }

            return y;
        }

        var dep = top.Select(v => Mlp("arcDep", v)).ToArray();
        var head = top.Select(v => Mlp("arcHead", v)).ToArray();
        var result = new double[len * len];
        Array.Fill(result, double.NegativeInfinity);
        for (int d = 1; d < len; d++)
        {
            var s = new double[len];
            for (int h = 0; h < len; h++)
            {
                double v = 0;
                for (int i = 0; i < ArcDim; i++)
                {
                    v += head[h][i] * W("arcB", 0, i);
                    for (int j = 0; j < ArcDim; j++)
                    {
                        v += dep[d][i] * W("arcU", i, j) * head[h][j];
                    }
                }

                s[h] = v;
            }

            double max = s.Where((_, h) => h != d).Max();
            double log = max + Math.Log(s.Where((_, h) => h != d).Sum(v => Math.Exp(v - max)));
            for (int h = 0; h < len; h++)
            {
                if (h != d)
                {
                    result[(h * len) + d] = s[h] - log;
                }
            }
        }

        return result;
    }

    private sealed class ParseComparer : IEqualityComparer<ParseResult>
    {
        public bool Equals(ParseResult? a, ParseResult? b) =>
            a != null && b != null && a.Heads.SequenceEqual(b.Heads) && a.DepRels.SequenceEqual(b.DepRels);

        public int GetHashCode(ParseResult p) => p.Heads.Length;
    }
}
