using Entente.Nlp.Learning;

namespace Entente.Nlp.Tests.Learning;

public class PerceptronTests
{
    private static readonly string[] Names = ["red", "green", "blue"];

    // A separable toy problem: class c has its own cue feature plus two shared noise features.
    private static (ulong[] Features, int Class)[] ToyData()
    {
        var data = new List<(ulong[], int)>();
        for (int i = 0; i < 60; i++)
        {
            int c = i % 3;
            data.Add(([FeatureKey.Of(1, (ulong)c), FeatureKey.Of(2, (ulong)(i % 5)), FeatureKey.Of(3, 7)], c));
        }

        return data.ToArray();
    }

    private static PerceptronModel TrainToy(float prune = 0f)
    {
        var trainer = new PerceptronTrainer(Names.Length);
        var data = ToyData();
        var scores = new float[Names.Length];
        for (int epoch = 0; epoch < 5; epoch++)
        {
            foreach (var (f, truth) in data)
            {
                Array.Clear(scores);
                trainer.Score(f, scores);
                trainer.Update(f, truth, PerceptronModel.ArgMax(scores));
                trainer.Tick();
            }
        }

        return trainer.ToModel(Names, prune);
    }

    private static int Predict(PerceptronModel model, ulong[] features)
    {
        var scores = new float[model.Classes];
        model.Score(features, scores);
        return PerceptronModel.ArgMax(scores);
    }

    private static void AssertScoresEqualOnToyData(PerceptronModel expected, PerceptronModel actual)
    {
        foreach (var (f, _) in ToyData())
        {
            var a = new float[3];
            var b = new float[3];
            expected.Score(f, a);
            actual.Score(f, b);
            Assert.Equal(a, b);
        }
    }

    private static byte[] Bytes(PerceptronModel model)
    {
        using var ms = new MemoryStream();
        model.Save(ms);
        return ms.ToArray();
    }

    [Fact]
    public void Learns_a_separable_toy_problem()
    {
        var model = TrainToy();

        foreach (var (f, truth) in ToyData())
        {
            Assert.Equal(truth, Predict(model, f));
        }
    }

    [Fact]
    public void Unknown_features_add_nothing()
    {
        var model = TrainToy();
        var scores = new float[model.Classes];

        model.Score([FeatureKey.Of(99, 12345)], scores);

        Assert.All(scores, s => Assert.Equal(0f, s));
    }

    [Fact]
    public void Save_then_load_gives_the_same_scores_and_the_same_bytes()
    {
        var model = TrainToy();
        var bytes = Bytes(model);

        var loaded = PerceptronModel.Load(new MemoryStream(bytes), "toy.bin");

        Assert.Equal(Names, loaded.ClassNames);
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        AssertScoresEqualOnToyData(model, loaded);

        Assert.Equal(bytes, Bytes(loaded));
    }

    [Fact]
    public void Keys_that_differ_only_above_the_kept_bits_are_one_feature_with_the_weights_added()
    {
        const ulong low = 0x12_3456_789AUL;
        ulong a = low | (1UL << 50), b = low | (3UL << 60), apart = low + 1;
        var model = TrainTwo(a, b);
        var separate = TrainTwo(a, apart);

        Assert.Equal(1, model.FeatureCount);
        Assert.Equal(2, separate.FeatureCount);
        var sa = new float[3];
        var sb = new float[3];
        model.Score([a], sa);
        model.Score([low], sb);
        Assert.Equal(sa, sb);
        var both = new float[3];
        separate.Score([a, apart], both);
        Assert.Equal(both, sa);
        Assert.True(sa[0] > 0);
        Assert.Equal(sa, ScoreWithHybrid(model, [b]));
    }

    [Fact]
    public void A_format_2_file_with_whole_64_bit_keys_loads_and_scores_as_before()
    {
        var model = TrainToy();
        var keys = ToyData().SelectMany(d => d.Features).Distinct().Order().ToArray();
        var rows = keys.Select(k =>
        {
            var sc = new float[3];
            model.Score([k], sc);
            return sc;
        }).ToArray();

        var loaded = PerceptronModel.Load(new MemoryStream(FormatTwo(keys, rows)), "old.bin");

        Assert.Equal(keys.Length, loaded.FeatureCount);
        AssertScoresEqualOnToyData(model, loaded);

        // saved again it is a format 3 file, which no longer holds the high bits
        Assert.Equal(Bytes(loaded), Bytes(PerceptronModel.Load(new MemoryStream(Bytes(loaded)), "new.bin")));
        Assert.Equal(3, BitConverter.ToInt32(Decompressed(Bytes(loaded)), 4));
    }

    private static PerceptronModel TrainTwo(ulong first, ulong second)
    {
        var trainer = new PerceptronTrainer(Names.Length);
        trainer.Update([first], 0, 1f);
        trainer.Tick();
        trainer.Update([second], 0, 2f);
        trainer.Tick();
        return trainer.ToModel(Names);
    }

    [Fact]
    public void Half_bits_convert_to_the_same_float_as_the_runtime_for_every_finite_half()
    {
        for (int bits = 0; bits <= ushort.MaxValue; bits++)
        {
            var h = BitConverter.UInt16BitsToHalf((ushort)bits);
            if (Half.IsFinite(h))
            {
                Assert.Equal(BitConverter.SingleToInt32Bits((float)h), BitConverter.SingleToInt32Bits(HybridPerceptronModel.HalfToFloat((ushort)bits)));
            }
        }
    }

    [Fact]
    public void Hybrid_scorer_gives_the_plain_scores_for_rows_of_one_few_and_many_classes()
    {
        // 40 classes; feature k has a weight for k % 40 + 1 classes, so rows of one class (held in the
        // table slot), short rows (packed pairs) and long rows (dense) all occur; weights are exact halves
        var names = Enumerable.Range(0, 40).Select(c => "c" + c).ToArray();
        var trainer = new PerceptronTrainer(names.Length);
        var rng = new Random(7);
        var keys = Enumerable.Range(0, 400).Select(k => FeatureKey.Of(9, (ulong)k)).ToArray();
        for (int k = 0; k < keys.Length; k++)
        {
            for (int c = 0; c <= k % 40; c++)
            {
                trainer.Update([keys[k]], (c * 7) % 40, rng.Next(-64, 64) / 8f);
            }
        }

        trainer.Tick();
        var model = trainer.ToModel(names);
        var hybrid = new HybridPerceptronModel(model, denseThreshold: 12);
        Assert.True(hybrid.DenseRows > 0);
        for (int trial = 0; trial < 50; trial++)
        {
            var features = Enumerable.Range(0, 30).Select(_ => rng.Next(3) == 0 ? FeatureKey.Of(8, (ulong)rng.Next()) : keys[rng.Next(keys.Length)]).ToArray();
            var plain = new float[model.Classes];
            model.Score(features, plain);
            var fast = new float[hybrid.Stride];
            hybrid.Score(features, fast);
            for (int c = 0; c < model.Classes; c++)
            {
                Assert.Equal(plain[c], fast[c], 3);
            }
        }
    }

    private static float[] ScoreWithHybrid(PerceptronModel model, ulong[] features)
    {
        var hybrid = new HybridPerceptronModel(model, denseThreshold: 2);
        var scores = new float[hybrid.Stride];
        hybrid.Score(features, scores);
        return scores[..model.Classes];
    }

    private static byte[] Decompressed(byte[] file)
    {
        using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(file), System.IO.Compression.CompressionMode.Decompress);
        using var ms = new MemoryStream();
        brotli.CopyTo(ms);
        return ms.ToArray();
    }

    // format 2 as older Entente builds wrote it: whole keys as deltas, half weights, each array in byte planes
    private static byte[] FormatTwo(ulong[] keys, float[][] rows)
    {
        var classes = new List<ushort>();
        var weights = new List<Half>();
        var lengths = new List<ushort>();
        foreach (var row in rows)
        {
            ushort n = 0;
            for (ushort c = 0; c < row.Length; c++)
            {
                if (row[c] != 0)
                {
                    classes.Add(c);
                    weights.Add((Half)row[c]);
                    n++;
                }
            }

            lengths.Add(n);
        }

        using var ms = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(ms, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(brotli))
        {
            w.Write(0x50544E45u);
            w.Write(2);
            w.Write(Names.Length);
            foreach (var name in Names)
            {
                w.Write(name);
            }

            w.Write(keys.Length);
            w.Write(weights.Count);
            Planes(w, keys.Select((k, i) => BitConverter.GetBytes(k - (i == 0 ? 0 : keys[i - 1]))).ToArray());
            Planes(w, lengths.Select(BitConverter.GetBytes).ToArray());
            Planes(w, classes.Select(BitConverter.GetBytes).ToArray());
            Planes(w, weights.Select(BitConverter.GetBytes).ToArray());
        }

        return ms.ToArray();
    }

    private static void Planes(BinaryWriter w, byte[][] values)
    {
        int width = values.Length == 0 ? 0 : values[0].Length;
        for (int b = 0; b < width; b++)
        {
            foreach (var v in values)
            {
                w.Write(v[b]);
            }
        }
    }

    [Fact]
    public void Training_twice_gives_identical_model_bytes()
    {
        Assert.Equal(Bytes(TrainToy()), Bytes(TrainToy()));
    }

    [Fact]
    public void Pruning_drops_small_weights_but_keeps_the_cues()
    {
        var full = TrainToy();
        var pruned = TrainToy(prune: 0.5f);

        Assert.True(pruned.WeightCount < full.WeightCount);
        foreach (var (f, truth) in ToyData())
        {
            Assert.Equal(truth, Predict(pruned, f));
        }
    }

    [Fact]
    public void Corrupt_model_file_gives_InvalidDataException_naming_the_file()
    {
        var garbage = new byte[200];
        new Random(5).NextBytes(garbage);

        var e = Assert.Throws<InvalidDataException>(() => PerceptronModel.Load(new MemoryStream(garbage), "broken.bin"));

        Assert.Contains("broken.bin", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_model_file_gives_InvalidDataException_naming_the_file()
    {
        var bytes = Bytes(TrainToy());

        var e = Assert.Throws<InvalidDataException>(() => PerceptronModel.Load(new MemoryStream(bytes[..(bytes.Length / 2)]), "half.bin"));

        Assert.Contains("half.bin", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feature_keys_are_stable_and_never_zero()
    {
        // Stability across processes and machines: a fixed value pins the hash.
        Assert.Equal(FeatureKey.Hash("sanctions"), FeatureKey.Hash("sanctions".AsSpan()));
        Assert.NotEqual(FeatureKey.Of(1, FeatureKey.Hash("a")), FeatureKey.Of(2, FeatureKey.Hash("a")));
        Assert.NotEqual(0UL, FeatureKey.Of(0, 0));
    }
}
