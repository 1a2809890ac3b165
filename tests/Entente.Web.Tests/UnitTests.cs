using System.Collections.Immutable;
using Entente.Storage;

namespace Entente.Web.Tests;

public sealed class UnitTests
{
    private static readonly string[] Codes = ["IND", "INDMIL", "PAK", "PAKGOV", "RUS", "RUSGOV", "USA"];

    [Theory]
    [InlineData("PAKK", "PAK")]
    [InlineData("RSU", "RUS")]
    [InlineData("usa", null)]
    [InlineData("PAKGOV", null)]
    public void Unknown_actors_get_close_matches(string value, string? first)
    {
        if (first is null)
        {
            Assert.True(ActorNames.IsKnown(value, Codes));
        }
        else
        {
            Assert.False(ActorNames.IsKnown(value, Codes));
            Assert.Equal(first, ActorNames.CloseMatches(value, Codes)[0]);
        }
    }

    [Fact]
    public void Nothing_close_to_a_long_stranger()
    {
        Assert.Empty(ActorNames.CloseMatches("ZZZZZZZZ", Codes));
    }

    [Theory]
    [InlineData("Officials said Russia criticized the United States on Friday.", 15, 50, "Russia criticized the United States")]
    [InlineData("Visiting Pakistan, Russia's minister praised Pakistan.", 0, 17, "Visiting Pakistan")]
    public void Evidence_is_placed_in_its_sentence_by_length_and_actor_words(string sentence, int start, int end, string expected)
    {
        // Document offsets: the sentence starts at 1000 in its document.
        var report = new StoredReport(1, 1, "d", 3, sentence, 1000 + start, 1000 + end, "asserted", null, 0.9, null);
        var e = expected.Contains("Visiting", StringComparison.Ordinal)
            ? (new StoredActor("Pakistan", "PAK", "PAK", null), new StoredActor("Pakistan", "PAK", "PAK", null))
            : (new StoredActor("Russia", "RUS", "RUS", null), new StoredActor("United States", "USA", "USA", null));
        var span = Evidence.Locate(report, e.Item1, e.Item2);
        Assert.Equal(expected, sentence[span.Start..span.End]);
    }

    [Fact]
    public void Evidence_that_cannot_be_placed_is_the_whole_sentence()
    {
        var report = new StoredReport(1, 1, "d", 0, "Short.", 0, 500, "asserted", null, 0.9, null);
        Assert.Equal(new SentenceSpan(0, 6), Evidence.Locate(report, new StoredActor("X", null, null, null), null));
    }

    [Fact]
    public void Movers_rank_by_the_size_of_the_change()
    {
        Entente.Analytics.NetworkEdge E(string a, string b, long n, double score) => new(a, b, score, Math.Sign(score), n, 0, 0, 0, 0, n);
        var before = ImmutableArray.Create(E("PAK", "RUS", 4, -0.5), E("CHN", "PAK", 4, 0.9), E("IND", "PAK", 1, -1), E("RUS", "USA", 3, -1));
        var now = ImmutableArray.Create(E("PAK", "RUS", 4, 1), E("CHN", "PAK", 4, 0.8), E("IND", "PAK", 5, -1), E("RUS", "USA", 3, -1));
        var movers = Dashboard.Movers(now, before, 10);
        Assert.Equal(["PAK-RUS", "CHN-PAK"], movers.Select(m => m.A + "-" + m.B));
        Assert.Equal(1.5, movers[0].Change, 6);
    }
}
