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
        foreach (var (f, _) in ToyData())
        {
            var a = new float[3];
            var b = new float[3];
            model.Score(f, a);
            loaded.Score(f, b);
            Assert.Equal(a, b);
        }

        Assert.Equal(bytes, Bytes(loaded));
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
