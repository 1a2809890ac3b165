using System.CommandLine;
using System.Collections.Immutable;
using System.Diagnostics;
using Entente.Nlp.Clustering;
using Entente.Nlp.Conllu;
using Entente.Nlp.Lemmatization;
using Entente.Nlp.Parsing;
using Entente.Nlp.Tagging;

namespace Entente.Cli;

/// <summary>
/// <c>entente train tagger|parser</c>: reproducible training (fixed seed, single thread: the same data
/// gives the same model bytes). The files written are the ones committed under <c>models/</c>.
/// </summary>
internal static class TrainCommands
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var train = new Command("train", "Train the tagger (with the lemmatizer) or the parser on a CoNLL-U treebank, or word clusters on raw text.");
        train.Subcommands.Add(BuildTagger(stdout, stderr));
        train.Subcommands.Add(BuildParser(stdout, stderr));
        train.Subcommands.Add(ClusterTraining.Build(stdout, stderr));
        train.Subcommands.Add(BuildPrune(stdout, stderr));
        train.Subcommands.Add(AutoParse.Build(stdout, stderr));
        return train;
    }

    private static (Option<FileInfo> Train, Option<FileInfo> Dev, Option<DirectoryInfo> Out, Option<int?> Epochs, Option<int> Seed) Common()
    {
        var trainFile = new Option<FileInfo>("--train") { Description = "Training treebank (CoNLL-U), e.g. en_ewt-ud-train.conllu.", Required = true };
        var devFile = new Option<FileInfo>("--dev") { Description = "Development treebank for choosing the number of epochs.", Required = true };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Directory to write the model files to.", Required = true };
        var epochs = new Option<int?>("--epochs") { Description = "Number of passes over the training data (default: the model's tuned value)." };
        var seed = new Option<int>("--seed") { Description = "Random seed for shuffling.", DefaultValueFactory = _ => 1 };
        return (trainFile, devFile, outDir, epochs, seed);
    }

    private static Command BuildTagger(TextWriter stdout, TextWriter stderr)
    {
        var (trainFile, devFile, outDir, epochs, seed) = Common();
        var clustersFile = ClustersOption();
        var cmd = new Command("tagger", "Train the UPOS/XPOS tagger and the lemmatizer; writes tagger.bin and lemmas.bin.")
        {
            trainFile, devFile, outDir, epochs, seed, clustersFile,
        };
        cmd.SetAction(result =>
        {
            if (!TryRead(result.GetValue(trainFile)!, stderr, out var train) || !TryRead(result.GetValue(devFile)!, stderr, out var dev))
            {
                return EntenteCli.Failure;
            }

            if (!TryReadClusters(result.GetValue(clustersFile), stderr, out var clusters))
            {
                return EntenteCli.Failure;
            }

            var options = new TaggerOptions() with { Seed = result.GetValue(seed), Clusters = clusters };
            if (result.GetValue(epochs) is int e)
            {
                options = options with { Epochs = e };
            }

            var clock = Stopwatch.StartNew();
            var tagger = PosTagger.Train(train, dev, options, stdout);
            var lemmatizer = Lemmatizer.Train(train);
            var dir = result.GetValue(outDir)!;
            dir.Create();
            Save(Path.Combine(dir.FullName, "tagger.bin"), tagger.Save);
            Save(Path.Combine(dir.FullName, "lemmas.bin"), lemmatizer.Save);
            stdout.WriteLine($"wrote tagger.bin and lemmas.bin to {dir.FullName} in {clock.Elapsed.TotalSeconds:F0} s");
            return EntenteCli.Ok;
        });
        return cmd;
    }

    private static Command BuildParser(TextWriter stdout, TextWriter stderr)
    {
        var (trainFile, devFile, outDir, epochs, seed) = Common();
        var accurate = new Option<bool>("--accurate") { Description = "Train the accurate (beam-search, globally trained) parser." };
        var folds = new Option<int>("--folds") { Description = "Jackknife folds for the training tags.", DefaultValueFactory = _ => 10 };
        var clustersFile = ClustersOption();
        var tagsOut = new Option<DirectoryInfo?>("--tags-out")
        {
            Description = "Also write the jackknifed training tags and the predicted dev tags there (train.jk.conllu, dev.pred.conllu), for reuse with --tagged.",
        };
        var prune = new Option<float?>("--prune") { Description = "Drop averaged weights of at most this magnitude (default: the model's tuned value)." };
        var graph = new Option<bool>("--graph") { Description = "Train the graph-based (arc-factored, Eisner) parser, a member of the accurate ensemble; writes parser-graph.bin." };
        var reverse = new Option<bool>("--reverse") { Description = "Train a right-to-left parser (a member of the accurate ensemble); writes parser-r2l.bin or parser-accurate-r2l.bin." };
        var tagged = new Option<bool>("--tagged")
        {
            Description = "The --train file already holds jackknifed UPOS/XPOS and --dev predicted ones: skip jackknifing and tagging.",
        };
        var cmd = new Command(
            "parser",
            "Train the dependency parser on jackknifed tags (the tagger is retrained on each fold); writes parser.bin or parser-accurate.bin.")
        {
            trainFile, devFile, outDir, epochs, seed, accurate, folds, clustersFile, tagged, tagsOut, prune, reverse, graph,
        };
        cmd.SetAction(result =>
        {
            if (!TryRead(result.GetValue(trainFile)!, stderr, out var train) || !TryRead(result.GetValue(devFile)!, stderr, out var dev))
            {
                return EntenteCli.Failure;
            }

            if (!TryReadClusters(result.GetValue(clustersFile), stderr, out var clusters))
            {
                return EntenteCli.Failure;
            }

            var clock = Stopwatch.StartNew();
            IReadOnlyList<ConlluSentence> taggedTrain = train, taggedDev = dev;
            if (!result.GetValue(tagged))
            {
                var taggerOptions = new TaggerOptions() with { Seed = result.GetValue(seed), Clusters = clusters };
                stdout.WriteLine($"jackknifing training tags over {result.GetValue(folds)} folds…");
                var jack = PosTagger.Jackknife(train, result.GetValue(folds), taggerOptions, stdout);
                taggedTrain = train.Select((s, i) => WithTags(s, jack[i])).ToList();
                var fullTagger = PosTagger.Train(train, dev, taggerOptions, null);
                taggedDev = dev.Select(s => WithTags(s, fullTagger.Tag(s.Forms()))).ToList();
                if (result.GetValue(tagsOut) is { } tagDir)
                {
                    tagDir.Create();
                    ConlluTags.Rewrite(result.GetValue(trainFile)!.FullName, taggedTrain, Path.Combine(tagDir.FullName, "train.jk.conllu"));
                    ConlluTags.Rewrite(result.GetValue(devFile)!.FullName, taggedDev, Path.Combine(tagDir.FullName, "dev.pred.conllu"));
                    stdout.WriteLine($"wrote train.jk.conllu and dev.pred.conllu to {tagDir.FullName}");
                }
            }

            if (result.GetValue(graph))
            {
                var gdir = result.GetValue(outDir)!;
                gdir.Create();
                var path = Path.Combine(gdir.FullName, "parser-graph.bin");
                GraphParser.Train(
                    taggedTrain, taggedDev, result.GetValue(epochs) ?? 10, result.GetValue(seed), result.GetValue(prune) ?? 1.0f, clusters, stdout,
                    (p, _) => Save(path, p.Save));
                stdout.WriteLine($"wrote parser-graph.bin to {gdir.FullName} in {clock.Elapsed.TotalSeconds:F0} s");
                return EntenteCli.Ok;
            }

            var isAccurate = result.GetValue(accurate);
            var isReverse = result.GetValue(reverse);
            var options = ParserTraining.Options(isAccurate, result.GetValue(seed), result.GetValue(epochs)) with { Clusters = clusters, Reverse = isReverse };
            if (result.GetValue(prune) is float pr)
            {
                options = options with { Prune = pr };
            }

            var dir = result.GetValue(outDir)!;
            dir.Create();
            var name = (isAccurate ? "parser-accurate" : "parser") + (isReverse ? "-r2l" : string.Empty) + ".bin";

            // accurate mode (minutes per epoch): the best epoch so far is saved as soon as it is found, so a
            // run stopped early leaves a usable model
            Action<DependencyParser, int>? improved = isAccurate ? (p, _) => Save(Path.Combine(dir.FullName, name), p.Save) : null;
            var parser = DependencyParser.Train(taggedTrain, taggedDev, options, stdout, improved);
            if (improved is null)
            {
                Save(Path.Combine(dir.FullName, name), parser.Save);
            }
            stdout.WriteLine($"wrote {name} to {dir.FullName} in {clock.Elapsed.TotalSeconds:F0} s");
            return EntenteCli.Ok;
        });
        return cmd;
    }

    private static Command BuildPrune(TextWriter stdout, TextWriter stderr)
    {
        var model = new Option<FileInfo>("--model") { Description = "A transition parser model (parser.bin, parser-accurate.bin, …).", Required = true };
        var threshold = new Option<float>("--threshold") { Description = "Drop the weights of at most this magnitude.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "File to write the smaller model to.", Required = true };
        var beam = new Option<int?>("--beam") { Description = "Also set the beam width the model decodes with (1: greedy; the accurate ensemble's beam member, trained with 8, decodes with 6)." };
        var cmd = new Command("prune", "Write a smaller copy of a parser model without its small weights (the accurate ensemble's beam member is pruned at 2).")
        {
            model, threshold, output, beam,
        };
        cmd.SetAction(result =>
        {
            var file = result.GetValue(model)!;
            var t = result.GetValue(threshold);
            if (!(t >= 0) || float.IsInfinity(t))
            {
                stderr.WriteLine($"entente: --threshold must be a non-negative number, not {t}");
                return EntenteCli.Usage;
            }

            if (result.GetValue(beam) is < 1)
            {
                stderr.WriteLine($"entente: --beam must be at least 1, not {result.GetValue(beam)}");
                return EntenteCli.Usage;
            }

            DependencyParser parser;
            try
            {
                using var s = file.OpenRead();
                parser = DependencyParser.Load(s, file.Name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                stderr.WriteLine($"entente: cannot load parser {file.FullName}: {e.Message}");
                return EntenteCli.Failure;
            }

            var pruned = parser.Pruned(t);
            if (result.GetValue(beam) is { } width)
            {
                pruned = pruned.WithBeamSize(width);
            }

            var target = result.GetValue(output)!;
            target.Directory?.Create();
            Save(target.FullName, pruned.Save);
            stdout.WriteLine(
                $"wrote {target.Name}: {pruned.FeatureCount} features and {pruned.WeightCount} weights"
                + $" (of {parser.FeatureCount} and {parser.WeightCount}), beam {pruned.BeamSize}, {new FileInfo(target.FullName).Length} bytes");
            return EntenteCli.Ok;
        });
        return cmd;
    }

    private static Option<FileInfo?> ClustersOption() => new("--clusters")
    {
        Description = "Word-cluster table from `entente train clusters` (the committed accurate parser uses models/clusters.bin); without it no cluster features are used.",
    };

    private static bool TryReadClusters(FileInfo? file, TextWriter stderr, out WordClusters? clusters)
    {
        clusters = null;
        if (file is null)
        {
            return true;
        }

        try
        {
            using var s = file.OpenRead();
            clusters = WordClusters.Load(s, file.Name);
            return true;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"entente: cannot read word clusters {file.FullName}: {e.Message}");
            return false;
        }
    }

    internal static ConlluSentence WithTags(ConlluSentence s, TagResult tags)
    {
        var words = ImmutableArray.CreateBuilder<ConlluWord>(s.Words.Length);
        for (int i = 0; i < s.Words.Length; i++)
        {
            words.Add(s.Words[i] with { Upos = tags.Upos[i], Xpos = tags.Xpos[i] });
        }

        return s with { Words = words.MoveToImmutable() };
    }

    internal static bool TryRead(FileInfo file, TextWriter stderr, out IReadOnlyList<ConlluSentence> sentences)
    {
        try
        {
            sentences = ConlluReader.ReadFile(file.FullName);
            return true;
        }
        catch (ConlluFormatException e)
        {
            stderr.WriteLine($"entente: {e.Code} {e.Message}");
        }
        catch (IOException e)
        {
            stderr.WriteLine($"entente: cannot read {file.FullName}: {e.Message}");
        }

        sentences = [];
        return false;
    }

    internal static void Save(string path, Action<Stream> save)
    {
        var tmp = path + ".tmp";
        using (var f = File.Create(tmp))
        {
            save(f);
        }

        File.Move(tmp, path, overwrite: true);
    }
}
