using System.CommandLine;
using Entente.Coding.Evaluation;
using Entente.Coding.Events;
using Entente.Core;
using Entente.Core.Documents;

namespace Entente.Cli;

/// <summary>
/// <c>entente eval events --gold FILE [--json] [--errors]</c>: precision, recall and F1 of the event coder on a
/// gold set (data/eval/README.md): by (source, target, root), exact code, modality and date.
/// </summary>
public static class EvalCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var gold = new Option<FileInfo>("--gold") { Description = "Gold set in JSON Lines (see data/eval/README.md).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var errors = new Option<bool>("--errors") { Description = "Also list, per document, the events missed and the spurious ones." };
        var events = new Command("events", "Score the event coder on a gold set: P/R/F1 for (source, target, root), exact code, modality and date.")
        {
            gold, json, errors,
        };
        events.SetAction(result =>
        {
            var file = result.GetValue(gold)!;
            if (!CliIo.TryRead(() => File.ReadAllText(file.FullName), file.Name, stderr, out var text))
            {
                return EntenteCli.Failure;
            }

            System.Collections.Immutable.ImmutableArray<GoldDocument> documents;
            try
            {
                documents = GoldSetReader.Read(new StringReader(text), file.Name);
            }
            catch (GoldSetException e)
            {
                stderr.WriteLine($"entente: {e.Message}");
                return EntenteCli.Failure;
            }

            EventCoder coder;
            try
            {
                coder = EventCoder.Default;
            }
            catch (Exception e) when (e is DataFileException or InvalidDataException or IOException)
            {
                stderr.WriteLine($"entente: cannot load the event coder: {e.Message}");
                return EntenteCli.Failure;
            }

            var scores = EventEvaluation.Score(documents, g => coder.Process(new Document(g.Id, g.Text, Date: g.Date)).Events);
            bool withErrors = result.GetValue(errors);
            if (result.GetValue(json))
            {
                stdout.WriteLine(scores.ToJson(withErrors));
            }
            else
            {
                stdout.Write(scores.ToTable());
                if (withErrors)
                {
                    stdout.Write(scores.ErrorsToText());
                }
            }

            return EntenteCli.Ok;
        });
        var eval = new Command("eval", "Evaluate Entente's components on gold data.") { events };
        return eval;
    }
}
