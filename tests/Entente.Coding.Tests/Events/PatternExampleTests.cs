using Entente.Coding.Events;
using Entente.Core.Documents;

namespace Entente.Coding.Tests.Events;

/// <summary>
/// The theory test of the shipped dictionary: every pattern's own example sentence, coded by the real coder,
/// yields an event between the expected actors coded by that pattern (or by its code). Adding a pattern is one
/// line in data/events/patterns.jsonl and, through this theory, one new test.
/// </summary>
public sealed class PatternExampleTests
{
    private static readonly DateOnly Published = new(2023, 5, 10);

    public static TheoryData<string> PatternIds()
    {
        var data = new TheoryData<string>();
        foreach (var p in EventPatternSet.Default.Patterns)
        {
            data.Add(p.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PatternIds))]
    public void Example_codes_its_pattern(string id)
    {
        var pattern = EventPatternSet.Default.Patterns.Single(p => p.Id == id);
        var events = EventCoder.Default.Process(new Document(id, pattern.Example, Date: Published)).Events;
        var expected = pattern.Expect?.Split('>');
        bool found = events.Any(e =>
            (e.PatternId == pattern.Id || e.Cameo == pattern.Code)
            && (expected is null || (Key(e.Source) == expected[0] && Key(e.Target) == expected[1])));
        Assert.True(found, $"{id}: \"{pattern.Example}\" gave [{string.Join("; ", events.Select(e => $"{Key(e.Source)}>{Key(e.Target)} {e.Cameo} {e.PatternId} {e.Modality}"))}]");
    }

    [Fact]
    public void A_nominal_predicate_at_the_root_with_a_subject_and_no_copula_is_coded_without_a_failure()
    {
        // "protest" read as a noun heading the sentence, its subject a pronoun for the countries before:
        // the coder once looked for a copula on the root's (missing) head and lost the sentence
        var coded = EventCoder.Default.Process(new Document(
            "root-noun", "Poland criticised Germany over the border dispute. They protest to promote themselves rather than to solve the problems of farmers.",
            Date: Published));

        Assert.DoesNotContain(coded.Diagnostics, d => d.Code == Entente.Core.DiagnosticCodes.CodingFailed);
    }

    private static string Key(EventActor a) => a.Country ?? a.Code ?? a.Text;
}
