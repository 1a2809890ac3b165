using System.Collections.Immutable;
using Entente.Coding.Events;
using Entente.Core.Documents;

namespace Entente.Storage.Tests;

/// <summary>Hand-made reports and documents for store tests, so that they do not depend on the coder's output.</summary>
internal static class TestData
{
    public static EventActor Actor(string code) => new(code, code, code.Length >= 3 ? code[..3] : code, code.Length > 3 ? code[3..] : null, 0, 3);

    public static CodedEvent Report(
        string doc, string source, string target, string cameo, EventDate? date, Modality modality = Modality.Asserted, int sentence = 0) =>
        new(doc, sentence, $"{source} did {cameo} to {target}.", new Span(0, 20), Actor(source), Actor(target), null,
            cameo, "name " + cameo, cameo[..2], 1, 3.0, null, date, modality, null, 0.9)
        {
            PatternId = "test",
        };

    public static EventDate Day(int y, int m, int d) => EventDate.OfDay(new DateOnly(y, m, d));

    public static StoredDocument Doc(string id, string hash, string? source = null, DateOnly? published = null) =>
        new(id, source, null, "title " + id, published, hash, "en", "coded", ImmutableArray<Entente.Core.Diagnostic>.Empty);

    public static Document Text(string id, string text, DateOnly? date = null, string? source = null) =>
        new(id, text, null, date, null, source);
}
