using System.CommandLine;
using System.Text;
using System.Text.Json;
using Entente.Nlp.Parsing;
using Entente.Nlp.Tagging;
using Entente.Nlp.Tokenization;

namespace Entente.Cli;

/// <summary>
/// <c>entente train autoparse</c>: unlabelled news text tagged by the embedded tagger and parsed by the
/// accurate ensemble, written as CoNLL-U, to train the fast parser on (uptraining: the fast parser learns
/// from the slower, better one). Deterministic: the same corpora, part and ensemble give the same file.
/// </summary>
internal static class AutoParse
{
    public const int MinWords = 6;
    public const int MaxWords = 40;

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var corpus = new Option<FileInfo[]>("--corpus")
        {
            Description = "Raw-text corpus, JSON Lines with a \"text\" field; may be given several times (their lines are read in turn).",
            AllowMultipleArgumentsPerToken = true,
            Required = true,
        };
        var output = new Option<FileInfo>("--out") { Description = "CoNLL-U file to write.", Required = true };
        var sentences = new Option<int>("--sentences") { Description = "Stop after this many sentences.", DefaultValueFactory = _ => 45_000 };
        var part = new Option<int>("--part") { Description = "Read every third document, starting with this one (0, 1 or 2), so that parts do not overlap.", DefaultValueFactory = _ => 0 };
        var cmd = new Command(
            "autoparse",
            $"Tag and parse unlabelled text with the accurate parser (sentences of {MinWords}–{MaxWords} words) and write CoNLL-U, for training the fast parser on.")
        {
            corpus, output, sentences, part,
        };
        cmd.SetAction(result =>
        {
            var files = result.GetValue(corpus) ?? [];
            int max = result.GetValue(sentences), offset = result.GetValue(part);
            if (offset is < 0 or > 2 || max < 1)
            {
                stderr.WriteLine("entente: --part must be 0, 1 or 2 and --sentences positive");
                return EntenteCli.Usage;
            }

            foreach (var f in files)
            {
                if (!f.Exists)
                {
                    stderr.WriteLine($"entente: cannot read {f.FullName}: no such file");
                    return EntenteCli.Failure;
                }
            }

            var target = result.GetValue(output)!;
            target.Directory?.Create();
            var (written, read) = Write(files, target.FullName, max, offset, stderr);
            stdout.WriteLine($"wrote {written} sentences from {read} documents to {target.Name}");
            return EntenteCli.Ok;
        });
        return cmd;
    }

    private static (int Sentences, int Documents) Write(FileInfo[] files, string path, int max, int offset, TextWriter stderr)
    {
        var tagger = PosTagger.Default;
        var parser = ParserEnsemble.Accurate;
        var readers = files.Select(f => (Name: f.Name, Lines: File.ReadLines(f.FullName).GetEnumerator(), Line: 0)).ToArray();
        var tmp = path + ".tmp";
        int kept = 0, documents = 0, docNo = 0;
        using (var w = new StreamWriter(tmp, false, new UTF8Encoding(false)))
        {
            bool any = true;
            while (any && kept < max)
            {
                any = false;
                for (int r = 0; r < readers.Length && kept < max; r++)
                {
                    if (!readers[r].Lines.MoveNext())
                    {
                        continue;
                    }

                    any = true;
                    readers[r].Line++;
                    if (docNo++ % 3 != offset)
                    {
                        continue;
                    }

                    string text;
                    try
                    {
                        using var doc = JsonDocument.Parse(readers[r].Lines.Current);
                        text = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("text", out var t)
                            && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
                    }
                    catch (JsonException e)
                    {
                        stderr.WriteLine($"entente: {readers[r].Name} line {readers[r].Line}: not JSON ({e.Message}); skipped");
                        continue;
                    }

                    documents++;
                    foreach (var s in Segmenter.Default.Segment(text, readers[r].Name).Sentences)
                    {
                        if (s.Tokens.Length is < MinWords or > MaxWords)
                        {
                            continue;
                        }

                        var forms = s.Tokens.Select(x => x.Text).ToArray();
                        var tags = tagger.Tag(forms);
                        var parse = parser.Parse(forms, tags.Upos, tags.Xpos);
                        w.WriteLine($"# sent_id = auto-{++kept}");
                        for (int i = 0; i < forms.Length; i++)
                        {
                            w.WriteLine($"{i + 1}\t{forms[i]}\t_\t{tags.Upos[i]}\t{tags.Xpos[i]}\t_\t{parse.Heads[i]}\t{parse.DepRels[i]}\t_\t_");
                        }

                        w.WriteLine();
                        if (kept >= max)
                        {
                            break;
                        }
                    }
                }
            }
        }

        File.Move(tmp, path, overwrite: true);
        foreach (var r in readers)
        {
            r.Lines.Dispose();
        }

        return (kept, documents);
    }
}
