using Entente.Coding.Actors;
using Entente.Core;

namespace Entente.Coding.Tests.Actors;

public class KnowledgeBaseLoadingTests
{
    private const string States =
        "PAK\tPK\tPAK\tmember\tPakistan\tPakistani\tIslamabad|Rawalpindi=MIL\n" +
        "POL\tPL\tPOL\tmember\tPoland\tPolish\tWarsaw\n" +
        "RUS\tRU\tRUS\tmember\tRussia\tRussian\tMoscow\n";

    private static ActorKnowledgeBase Load(params (string File, string Text)[] files)
        => ActorKnowledgeBase.Load(files.Select(f => new KeyValuePair<string, TextReader>(f.File, new StringReader(f.Text))));

    [Fact]
    public void The_embedded_knowledge_base_loads_every_state_of_the_un_and_the_others()
    {
        // Given the knowledge base compiled into Entente
        // When it loads
        var counts = ActorKnowledgeBase.Default.Counts;

        // Then it holds the 193 UN members, Palestine, the Holy See, Taiwan, Kosovo and the historical states
        Assert.Equal(193, counts.UnMembers);
        Assert.True(counts.States >= 202, $"{counts.States} states");
        Assert.True(counts.Igos >= 40, $"{counts.Igos} organisations");
        Assert.True(counts.OfficeHolders >= 10_000, $"{counts.OfficeHolders} office holders");
        Assert.True(counts.Cities >= 20_000, $"{counts.Cities} cities");
    }

    [Fact]
    public void An_unknown_country_code_fails_the_load_naming_file_and_line()
    {
        // Given a regions file whose second line names a country that does not exist
        var regions = "# comment\nXYZ\tAtlantis\n";

        // When the knowledge base loads
        var error = Assert.Throws<ActorDataException>(() => Load(("states.tsv", States), ("regions.tsv", regions)));

        // Then the error names the file, the line and the code
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("regions.tsv:2", diagnostic.Subject);
        Assert.Equal(DiagnosticCodes.MalformedActorData, diagnostic.Code);
        Assert.Contains("unknown country code XYZ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("regions.tsv:2: unknown country code XYZ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_with_missing_columns_fails_the_load()
    {
        // Given a states file with a line of three columns
        var states = States + "RUS\tRU\tRUS\n";

        // When the knowledge base loads
        var error = Assert.Throws<ActorDataException>(() => Load(("states.tsv", states)));

        // Then the line is named with the column count
        Assert.Contains(error.Diagnostics, d => d.Subject == "states.tsv:4" && d.Message.Contains("7 tab-separated columns", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_claimed_by_two_entries_is_reported_at_load()
    {
        // Given an organisation that uses the name of a state
        var igos = "IGOXYZ\tPoland|Polish Union\n";

        // When the knowledge base loads
        var error = Assert.Throws<ActorDataException>(() => Load(("states.tsv", States), ("igos.tsv", igos)));

        // Then the duplicate is an error naming both places
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateActorName, diagnostic.Code);
        Assert.Equal("igos.tsv:1", diagnostic.Subject);
        Assert.Contains("states.tsv:2", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_marked_as_deliberate_ambiguity_on_both_sides_loads()
    {
        // Given a name marked '~' in two entries
        var states = "GEO\tGE\tGEO\tmember\t~Georgia\tGeorgian\tTbilisi\nUSA\tUS\tUSA\tmember\tUnited States\tAmerican\t-\n";
        var regions = "USA\t~Georgia\n";

        // When the knowledge base loads
        var kb = Load(("states.tsv", states), ("regions.tsv", regions));

        // Then it holds both
        Assert.Equal(2, kb.Counts.States);
    }

    [Theory]
    [InlineData("people.tsv", "Vladimir Putin\tRUSGOV@2000-05-07..1999-01-01\tpresident\n", "ends before it starts")]
    [InlineData("people.tsv", "Vladimir Putin\tXXXGOV@2000-05-07..\tpresident\n", "unknown country code XXX")]
    [InlineData("people.tsv", "Vladimir Putin\tRUSGOV@7 May 2000..\tpresident\n", "bad term")]
    [InlineData("people.tsv", "Vladimir Putin\tRUSZZZ\tpresident\n", "unknown sector code")]
    [InlineData("sectors.tsv", "army\tARM\torganisation\n", "unknown sector code ARM")]
    [InlineData("igos.tsv", "UNO\tUnited Nations\n", "bad organisation code")]
    [InlineData("cities.tsv", "Karachi\tPAK\tmany\n", "bad population")]
    public void Malformed_lines_of_each_file_are_reported(string file, string text, string expected)
    {
        // Given a malformed line
        // When the knowledge base loads
        var error = Assert.Throws<ActorDataException>(() => Load(("states.tsv", States), ("regions.tsv", "PAK\tPunjab\n"), (file, text)));

        // Then the reason is given for line 1 of that file
        Assert.Contains(error.Diagnostics, d => d.Subject == file + ":1" && d.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Terms_of_one_person_on_several_lines_merge_under_the_canonical_name()
    {
        // Given a person listed twice with the same first name and different terms
        var people = "Vladimir Putin|Putin\tRUSGOV@2000-05-07..2008-05-07\tpresident\nVladimir Putin\tRUSGOV@2008-05-08..\tprime minister\n";

        // When the knowledge base loads
        var kb = Load(("states.tsv", "RUS\tRU\tRUS\tmember\tRussia\tRussian\tMoscow\n"), ("people.tsv", people));

        // Then there is one office holder
        Assert.Equal(1, kb.Counts.OfficeHolders);
    }
}
