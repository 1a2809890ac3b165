using Entente.Coding.Events;

namespace Entente.Storage.Tests;

public sealed class MergePolicyTests
{
    private static readonly MergeOptions Options = MergeOptions.Default;

    private static DateRange? R(string value, string precision) => MergePolicy.Range(value, precision, Options);

    [Theory]
    [InlineData("2022-09-14", "day", "2022-09-14", "day", true)]
    [InlineData("2022-09-14", "day", "2022-09-15", "day", false)]
    [InlineData("2022-09-14", "day", "2022-09", "month", true)]
    [InlineData("2022-09-14", "day", "2022-10", "month", false)]
    [InlineData("2022-09", "month", "2022", "year", true)]
    [InlineData("2021", "year", "2022", "year", false)]
    [InlineData("2022-09-12", "week", "2022-09-18", "day", true)]
    [InlineData("2022-09-12", "week", "2022-09-19", "day", false)]
    [InlineData("2022-09-14", "day", "2022-09-16", "publication", true)]
    [InlineData("2022-09-14", "day", "2022-09-17", "publication", true)]
    [InlineData("2022-09-14", "day", "2022-09-18", "publication", false)]
    [InlineData("2022-09-15", "day", "2022-09-14", "publication", false)]
    [InlineData("2022-09-14", "publication", "2022-09-17", "publication", true)]
    [InlineData("2022-09-14", "publication", "2022-09-20", "publication", false)]
    public void Dates_are_compatible_when_their_ranges_overlap(string a, string pa, string b, string pb, bool compatible)
    {
        Assert.Equal(compatible, MergePolicy.Compatible(R(a, pa), R(b, pb)));
        Assert.Equal(compatible, MergePolicy.Compatible(R(b, pb), R(a, pa)));
    }

    [Fact]
    public void The_publication_window_is_configurable()
    {
        var wide = new MergeOptions(PublicationWindowDays: 7);
        var day = MergePolicy.Range("2022-09-10", "day", wide);
        var published = MergePolicy.Range("2022-09-16", "publication", wide);
        Assert.True(MergePolicy.Compatible(day, published));
        Assert.False(MergePolicy.Compatible(R("2022-09-10", "day"), R("2022-09-16", "publication")));
    }

    [Fact]
    public void Undated_reports_merge_only_with_undated_events()
    {
        Assert.True(MergePolicy.Compatible(null, null));
        Assert.False(MergePolicy.Compatible(null, R("2022", "year")));
        Assert.False(MergePolicy.Compatible(R("2022", "year"), null));
    }

    [Fact]
    public void The_key_separates_modality_and_base_code_but_not_the_fourth_digit()
    {
        var a = TestData.Report("d", "RUS", "UKR", "1121", TestData.Day(2022, 1, 1));
        var b = TestData.Report("d", "RUS", "UKR", "1122", TestData.Day(2022, 1, 1));
        var c = TestData.Report("d", "RUS", "UKR", "1121", TestData.Day(2022, 1, 1), Modality.Negated);
        var d = TestData.Report("d", "RUS", "UKR", "113", TestData.Day(2022, 1, 1));
        Assert.Equal(MergePolicy.Key(a, Options), MergePolicy.Key(b, Options));
        Assert.NotEqual(MergePolicy.Key(a, Options), MergePolicy.Key(c, Options));
        Assert.NotEqual(MergePolicy.Key(a, Options), MergePolicy.Key(d, Options));
    }

    [Fact]
    public void Actors_compare_by_country_by_default_and_by_code_when_asked()
    {
        var russia = TestData.Report("d", "RUS", "PAK", "042", TestData.Day(2021, 4, 7));
        var moscow = TestData.Report("d", "RUSGOV", "PAK", "042", TestData.Day(2021, 4, 7));
        Assert.Equal(MergePolicy.Key(russia, Options), MergePolicy.Key(moscow, Options));
        var byCode = new MergeOptions(Actors: ActorKey.Code);
        Assert.NotEqual(MergePolicy.Key(russia, byCode), MergePolicy.Key(moscow, byCode));
    }
}
