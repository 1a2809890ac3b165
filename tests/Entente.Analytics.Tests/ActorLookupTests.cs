namespace Entente.Analytics.Tests;

public class ActorLookupTests
{
    [Theory]
    [InlineData("RUS", "RUS", 0)]
    [InlineData("RSU", "RUS", 1)]
    [InlineData("PAKK", "PAK", 1)]
    [InlineData("PK", "PAK", 1)]
    [InlineData("IND", "CHN", 3)]
    [InlineData("", "USA", 3)]
    public void The_distance_counts_a_swap_of_neighbours_as_one_edit(string a, string b, int expected)
    {
        Assert.Equal(expected, ActorLookup.Distance(a, b));
        Assert.Equal(expected, ActorLookup.Distance(b, a));
    }

    [Fact]
    public void An_unknown_code_gets_the_close_known_actors_first()
    {
        var lookup = new ActorLookup([new("PAK", "Pakistan"), new("RUS", "Russia"), new("UKR", "Ukraine"), new("IGOUNO", "United Nations")]);
        Assert.True(lookup.IsKnown(" rus "));
        Assert.False(lookup.IsKnown("RSU"));
        Assert.Equal("RUS (Russia)", lookup.CloseMatches("RSU")[0]);
        Assert.Contains("IGOUNO (United Nations)", lookup.CloseMatches("nations"));
        Assert.Empty(lookup.CloseMatches("ZZZZZZ"));
    }
}
