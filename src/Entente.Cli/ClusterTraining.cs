using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Entente.Nlp.Clustering;
using Entente.Nlp.Conllu;
using Entente.Nlp.Tokenization;

namespace Entente.Cli;

/// <summary>
/// <c>entente train clusters</c>: word clusters from raw text (JSON Lines with a "text" field, tokenised
/// by Entente's segmenter) and the word forms of CoNLL-U treebanks; writes clusters.bin.
/// </summary>
internal static class ClusterTraining
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var corpus = new Option<FileInfo[]>("--corpus")
        {
            Description = "Raw-text corpus, JSON Lines with a \"text\" field (and optionally \"title\"); may be given several times.",
            AllowMultipleArgumentsPerToken = true,
        };
        var treebank = new Option<FileInfo[]>("--treebank")
        {
            Description = "CoNLL-U file whose word forms are added to the text (use the training split only); may be given several times.",
            AllowMultipleArgumentsPerToken = true,
        };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Directory to write clusters.bin to.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed of the projection and k-means.", DefaultValueFactory = _ => 1 };
        var minCount = new Option<int>("--min-count") { Description = "Leave out words seen fewer times.", DefaultValueFactory = _ => new WordClusterOptions().MinCount };
        var fine = new Option<int>("--fine") { Description = "Fine clusters inside each coarse cluster.", DefaultValueFactory = _ => new WordClusterOptions().FinePerCoarse };
        var cmd = new Command("clusters", "Learn word clusters (coarse and fine) from unlabelled text; writes clusters.bin.")
        {
            corpus, treebank, outDir, seed, minCount, fine,
        };
        cmd.SetAction(result =>
        {
            var corpora = result.GetValue(corpus) ?? [];
            var treebanks = result.GetValue(treebank) ?? [];
            if (corpora.Length + treebanks.Length == 0)
            {
                stderr.WriteLine("entente: train clusters needs at least one --corpus or --treebank file");
                return EntenteCli.Usage;
            }

            foreach (var f in corpora.Concat(treebanks))
            {
                if (!f.Exists)
                {
                    stderr.WriteLine($"entente: cannot read {f.FullName}: no such file");
                    return EntenteCli.Failure;
                }
            }

            var sentences = new List<IReadOnlyList<string>>();
            foreach (var f in treebanks)
            {
                if (!TrainCommands.TryRead(f, stderr, out var tb))
                {
                    return EntenteCli.Failure;
                }

                sentences.AddRange(tb.Select(s => (IReadOnlyList<string>)s.Forms()));
            }

            var clock = Stopwatch.StartNew();
            foreach (var f in corpora)
            {
                int before = sentences.Count;
                sentences.AddRange(ReadJsonLines(f, stderr));
                stdout.WriteLine($"{f.Name}: {sentences.Count - before} sentences");
            }

            var options = new WordClusterOptions() with { Seed = result.GetValue(seed), MinCount = result.GetValue(minCount), FinePerCoarse = result.GetValue(fine) };
            var clusters = WordClusterTrainer.Train(sentences, options, stdout);
            var dir = result.GetValue(outDir)!;
            dir.Create();
            TrainCommands.Save(Path.Combine(dir.FullName, "clusters.bin"), clusters.Save);
            stdout.WriteLine($"wrote clusters.bin ({clusters.Count} words) to {dir.FullName} in {clock.Elapsed.TotalSeconds:F0} s");
            return EntenteCli.Ok;
        });
        return cmd;
    }

    /// <summary>Sentences of the "title" and "text" fields, one JSON object per line; bad lines are reported and skipped.</summary>
    private static IEnumerable<IReadOnlyList<string>> ReadJsonLines(FileInfo file, TextWriter stderr)
    {
        int lineNo = 0;
        foreach (var line in File.ReadLines(file.FullName))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var texts = new List<string>(2);
            try
            {
                using var doc = JsonDocument.Parse(line);
                foreach (var field in (string[])["title", "text"])
                {
                    if (doc.RootElement.ValueKind == JsonValueKind.Object
                        && doc.RootElement.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String)
                    {
                        texts.Add(v.GetString()!);
                    }
                }
            }
            catch (JsonException e)
            {
                stderr.WriteLine($"entente: {file.Name} line {lineNo}: not a JSON object ({e.Message}); skipped");
                continue;
            }

            foreach (var text in texts)
            {
                foreach (var s in Segmenter.Default.Segment(text, $"{file.Name}:{lineNo}").Sentences)
                {
                    yield return s.Tokens.Select(t => t.Text).ToArray();
                }
            }
        }
    }
}
