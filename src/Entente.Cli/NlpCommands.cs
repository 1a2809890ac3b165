using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Entente.Core;
using Entente.Nlp.Conllu;
using Entente.Nlp.Evaluation;
using Entente.Nlp.Lemmatization;
using Entente.Nlp.Parsing;
using Entente.Nlp.Pipeline;
using Entente.Nlp.Tagging;
using Entente.Nlp.Text;
using Entente.Nlp.Tokenization;

namespace Entente.Cli;

internal static class NlpCommands
{
    public static Command Build(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var nlp = new Command("nlp", "Tokenise, tag, lemmatise and parse English text; evaluate the models.");
        nlp.Subcommands.Add(BuildParse(stdin, stdout, stderr));
        nlp.Subcommands.Add(BuildEval(stdout, stderr));
        return nlp;
    }

    private static Command BuildParse(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<string?>("input")
        {
            Description = "Text to analyse, a file to read, or '-' (the default) for standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "conllu" };
        format.AcceptOnlyFromAmong("conllu", "json");
        var accurate = new Option<bool>("--accurate") { Description = "Use the accurate parser (an ensemble of beam-search and greedy parsers voting on each head)." };
        var cmd = new Command("parse", "Print tokens, sentences, tags, lemmas, heads and relations with character offsets.")
        {
            input, format, accurate,
        };
        cmd.SetAction(result =>
        {
            var arg = result.GetValue(input);
            var diagnostics = new List<Diagnostic>();
            if (!CliIo.TryRead(() => ReadInput(arg, stdin, diagnostics), arg, stderr, out var source))
            {
                return EntenteCli.Failure;
            }

            var (text, id) = source;
            var pipeline = result.GetValue(accurate) ? NlpPipeline.Accurate : NlpPipeline.Default;
            var doc = pipeline.Analyze(text, id);
            foreach (var d in diagnostics.Concat(doc.Diagnostics))
            {
                stderr.WriteLine($"entente: {d}");
            }

            if (result.GetValue(format) == "json")
            {
                OutputFormats.WriteJson(doc, id, stdout);
            }
            else
            {
                OutputFormats.WriteConllu(doc, stdout);
            }

            return EntenteCli.Ok;
        });
        return cmd;
    }

    private static (string Text, string Id) ReadInput(string? arg, TextReader stdin, List<Diagnostic> diagnostics)
    {
        if (arg is null or "-")
        {
            return (stdin.ReadToEnd(), "stdin");
        }

        if (!File.Exists(arg))
        {
            return (arg, "text");
        }

        var id = Path.GetFileName(arg);
        var text = TextDecoding.Decode(File.ReadAllBytes(arg), id, out var decodeDiagnostics);
        diagnostics.AddRange(decodeDiagnostics);
        return (text, id);
    }

    private static Command BuildEval(TextWriter stdout, TextWriter stderr)
    {
        var treebank = new Option<FileInfo>("--treebank") { Description = "A CoNLL-U file with gold annotation.", Required = true };
        var accurate = new Option<bool>("--accurate") { Description = "Evaluate the accurate parser (an ensemble of beam-search and greedy parsers voting on each head)." };
        var parserFile = new Option<FileInfo?>("--parser")
        {
            Description = "Evaluate this parser instead of an embedded one: a model from `entente train parser` (.bin) or an ensemble description (.txt, as models/parser-accurate.txt).",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var cmd = new Command("eval", "Score the tagger, lemmatizer, parser, tokenizer and sentence splitter on a treebank, with speed.")
        {
            treebank, accurate, parserFile, json,
        };
        cmd.SetAction(result =>
        {
            var file = result.GetValue(treebank)!;
            IReadOnlyList<ConlluSentence> sentences;
            try
            {
                sentences = ConlluReader.ReadFile(file.FullName);
            }
            catch (ConlluFormatException e)
            {
                stderr.WriteLine($"entente: {e.Code} {e.Message}");
                return EntenteCli.Failure;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"entente: cannot read {file.FullName}: {e.Message}");
                return EntenteCli.Failure;
            }

            var load = Stopwatch.StartNew();
            var own = result.GetValue(parserFile);
            bool accurateMode = result.GetValue(accurate);
            // the parser loads on another thread while the tagger and lemmatizer load on this one
            var parserLoad = Task.Run(() => own is null ? (accurateMode ? ParserEnsemble.Accurate : DependencyParser.Default) : LoadParser(own));
            var tagger = PosTagger.Default;
            var lemmatizer = Lemmatizer.Default;
            IDependencyParser parser;
            try
            {
                parser = parserLoad.GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                stderr.WriteLine($"entente: cannot load parser {own?.FullName}: {e.Message}");
                return EntenteCli.Failure;
            }

            load.Stop();

            var scores = NlpEvaluation.Evaluate(sentences, tagger, lemmatizer, parser);
            var seg = SegmentationEvaluation.Evaluate(sentences, Segmenter.Default);
            var mode = own is not null ? own.Name : result.GetValue(accurate) ? "accurate" : "fast";
            if (result.GetValue(json))
            {
                var o = new Dictionary<string, object>
                {
                    ["sentences"] = scores.Sentences,
                    ["tokens"] = scores.Tokens,
                    ["upos"] = Math.Round(scores.Upos, 4),
                    ["xpos"] = Math.Round(scores.Xpos, 4),
                    ["lemma"] = Math.Round(scores.Lemma, 4),
                    ["uas"] = Math.Round(scores.Uas, 4),
                    ["las"] = Math.Round(scores.Las, 4),
                    ["tokens_per_second"] = Math.Round(scores.TokensPerSecond),
                    ["token_f1"] = Math.Round(seg.TokenF1, 4),
                    ["sentence_f1"] = Math.Round(seg.SentenceF1, 4),
                    ["mode"] = mode,
                    ["model_load_seconds"] = Math.Round(load.Elapsed.TotalSeconds, 3),
                };
                stdout.WriteLine(JsonSerializer.Serialize(o));
            }
            else
            {
                var sb = new StringBuilder();
                sb.AppendLine($"treebank           {file.Name} ({scores.Sentences} sentences, {scores.Tokens} words)");
                sb.AppendLine($"mode               {mode}");
                sb.AppendLine($"UPOS               {scores.Upos:P2}");
                sb.AppendLine($"XPOS               {scores.Xpos:P2}");
                sb.AppendLine($"lemma              {scores.Lemma:P2}");
                sb.AppendLine($"UAS                {scores.Uas:P2}");
                sb.AppendLine($"LAS                {scores.Las:P2}");
                sb.AppendLine($"speed              {scores.TokensPerSecond:N0} tokens/s (tag + lemma + parse, one thread)");
                sb.AppendLine($"token F1           {seg.TokenF1:P2}");
                sb.AppendLine($"sentence F1        {seg.SentenceF1:P2}");
                sb.AppendLine($"model load         {load.Elapsed.TotalSeconds:F3} s");
                stdout.Write(sb.ToString());
            }

            return EntenteCli.Ok;
        });
        return cmd;
    }

    private static IDependencyParser LoadParser(FileInfo file)
    {
        if (file.Extension.Equals(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return ParserEnsemble.LoadFile(file.FullName);
        }

        using var s = file.OpenRead();
        return ParserEnsemble.LoadModel(s, file.Name);
    }
}
