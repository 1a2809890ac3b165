using Entente.Storage;

namespace Entente.Analytics.Tests;

/// <summary>Series, network, balance and hedging from hand-made aggregates: known trends and known triads, exact arithmetic.</summary>
public sealed class BuilderTests
{
    /// <summary>An aggregate row: weighted cooperation and conflict (verbal), material support, raw counts equal to the weights rounded up.</summary>
    internal static PairAggregate Row(string? period, string s, string t, double coop = 0, double conf = 0, double material = 0, double goldstein = 0) =>
        new(period, s, t, (long)Math.Ceiling(coop + conf), (long)Math.Ceiling(coop + conf), (long)Math.Ceiling(coop), 0, (long)Math.Ceiling(conf), 0,
            coop, 0, conf, 0, material, goldstein, goldstein, coop + conf, 0, 0, 0, 0, 0, 0, 0, 0);

    [Fact]
    public void A_period_scores_net_cooperation_and_normalises_by_coverage()
    {
        var p = SeriesBuilder.Point("2020-01", "PAK", "RUS", [Row("2020-01", "PAK", "RUS", coop: 2, goldstein: 6), Row("2020-01", "RUS", "PAK", coop: 1, conf: 1, goldstein: -2)], coverage: 8);
        Assert.Equal(3.0, p.Cooperation);
        Assert.Equal(1.0, p.Conflict);
        Assert.Equal(0.5, p.Score);
        Assert.Equal(50.0, p.VolumePer100Documents);
        Assert.Equal(25.0, p.NetPer100Documents);
        Assert.Equal(4, p.Events);
        Assert.Equal(1.0, p.GoldsteinMean);
        Assert.Equal(2, p.AToB.Events);
        Assert.Equal(2, p.BToA.Events);
    }

    [Fact]
    public void Without_coverage_or_weighted_evidence_the_normalised_values_and_the_score_are_null()
    {
        var p = SeriesBuilder.Point("2020-01", "PAK", "RUS", [], coverage: 0);
        Assert.Null(p.Score);
        Assert.Null(p.VolumePer100Documents);
        Assert.Null(p.GoldsteinMean);
    }

    [Fact]
    public void A_series_keeps_empty_periods_and_recovers_a_known_linear_decline_exactly()
    {
        // Quarter i: cooperation 16 - i, conflict i, so the net score is 1 - i/8: a slope of -0.125 per quarter.
        var periods = Periods.Range(Grain.Quarter, new DateOnly(2019, 1, 1), new DateOnly(2022, 12, 31)).ToList();
        var rows = periods.Select((p, i) => (p, i)).Where(t => t.i != 3).Select(t => Row(t.p, "USA", "RUS", coop: 16 - t.i, conf: t.i)).ToList();
        var (points, total, trend) = SeriesBuilder.Series("RUS", "USA", Grain.Quarter, rows, [], AnalyticsOptions.Default);
        Assert.Equal(16, points.Length);
        Assert.Equal("2019-Q4", points[3].Period);
        Assert.Null(points[3].Score);
        Assert.Equal(15, trend.Periods);
        Assert.Equal(-0.125, trend.Slope);
        Assert.Equal(-0.125, trend.SlopeLow);
        Assert.Equal(-0.125, trend.SlopeHigh);
        Assert.Equal("down", trend.Direction);
        Assert.Equal(15 * 16, total.Events);
    }

    [Fact]
    public void A_step_in_a_series_is_a_change_point_with_the_levels_before_and_after()
    {
        // Eight quarters of pure cooperation, then eight of pure conflict (one quarter empty).
        var periods = Periods.Range(Grain.Quarter, new DateOnly(2019, 1, 1), new DateOnly(2022, 12, 31)).ToList();
        var rows = periods.Select((p, i) => (p, i)).Where(t => t.i != 3)
            .Select(t => t.i < 8 ? Row(t.p, "USA", "RUS", coop: 2) : Row(t.p, "RUS", "USA", conf: 2)).ToList();
        var (_, total, trend) = SeriesBuilder.Series("RUS", "USA", Grain.Quarter, rows, [], AnalyticsOptions.Default);
        var change = Assert.Single(trend.ChangePoints);
        Assert.Equal("2021-Q1", change.Period);
        Assert.Equal(1.0, change.Before);
        Assert.Equal(-1.0, change.After);
        Assert.True(trend.Slope < 0);
        Assert.Equal((14.0 - 16.0) / 30.0, total.Score!.Value, 10);
    }

    [Fact]
    public void A_flat_series_is_flat_and_a_short_one_has_no_trend()
    {
        var rows = Enumerable.Range(1, 6).Select(m => Row($"2020-{m:D2}", "IND", "RUS", coop: 3, conf: 1)).ToList();
        var (_, _, flat) = SeriesBuilder.Series("IND", "RUS", Grain.Month, rows, [], AnalyticsOptions.Default);
        Assert.Equal("flat", flat.Direction);
        Assert.Equal(0.0, flat.Slope);
        var (_, _, shortTrend) = SeriesBuilder.Series("IND", "RUS", Grain.Month, rows.Take(3).ToList(), [], AnalyticsOptions.Default);
        Assert.Equal("unknown", shortTrend.Direction);
        Assert.Null(shortTrend.Slope);
    }

    [Fact]
    public void Edges_join_both_directions_and_keep_material_support_per_direction()
    {
        var edges = SeriesBuilder.Edges([Row(null, "RUS", "PAK", coop: 3, material: 2), Row(null, "PAK", "RUS", conf: 1, material: 0.5), Row(null, "PAK", "PAK", coop: 9)]);
        var e = Assert.Single(edges);
        Assert.Equal(("PAK", "RUS"), (e.A, e.B));
        Assert.Equal(0.5, e.Score);
        Assert.Equal(1, e.Sign);
        Assert.Equal(4.0, e.Weight);
        Assert.Equal(0.5, e.MaterialAToB);
        Assert.Equal(2.0, e.MaterialBToA);
    }

    [Fact]
    public void Known_triads_are_counted_and_only_the_unbalanced_are_listed()
    {
        // A+B, B+C, A-C: unbalanced. C-D, B-D, with B+D and C-D: B+C, B+D, C-D: unbalanced. A-D none. E-F alone.
        var edges = SeriesBuilder.Edges([
            Row(null, "AAA", "BBB", coop: 2), Row(null, "BBB", "CCC", coop: 3), Row(null, "AAA", "CCC", conf: 4),
            Row(null, "BBB", "DDD", coop: 1), Row(null, "CCC", "DDD", conf: 5), Row(null, "EEE", "FFF", conf: 1),
        ]);
        var (triads, unbalanced, listed) = SeriesBuilder.Balance(edges, 10);
        Assert.Equal(2, triads);
        Assert.Equal(2, unbalanced);
        Assert.Equal([("AAA", "BBB", "CCC", 2.0), ("BBB", "CCC", "DDD", 1.0)], listed.Select(t => (t.A, t.B, t.C, t.Weight)));

        // Make A-B hostile too: A-B-C has two negatives, balanced ("the enemy of my enemy").
        var (_, unbalanced2, listed2) = SeriesBuilder.Balance(SeriesBuilder.Edges([
            Row(null, "AAA", "BBB", conf: 2), Row(null, "BBB", "CCC", coop: 3), Row(null, "AAA", "CCC", conf: 4)]), 10);
        Assert.Equal(0, unbalanced2);
        Assert.Empty(listed2);
    }

    [Fact]
    public void Hedging_finds_the_friend_of_the_enemy_and_the_index_is_exact()
    {
        // PAK supports UKR (material 1.5) and IRN (material 1); RUS fights UKR, cooperates with IRN; PAK cooperates with RUS (2).
        var rows = new List<PairAggregate>
        {
            Row("2023-Q1", "PAK", "UKR", coop: 1.5, material: 1.5),
            Row("2023-Q1", "PAK", "IRN", coop: 1, material: 1),
            Row("2023-Q1", "RUS", "UKR", conf: 3),
            Row("2023-Q1", "UKR", "RUS", conf: 1, coop: 0.5),
            Row("2023-Q1", "RUS", "IRN", coop: 2),
            Row("2023-Q1", "PAK", "RUS", coop: 2),
            Row("2023-Q2", "PAK", "UKR", coop: 1, material: 1),
        };
        var hedges = SeriesBuilder.Hedges("PAK", "RUS", rows);
        var h = Assert.Single(hedges);
        Assert.Equal("UKR", h.Third);
        Assert.Equal(2.5, h.Support);
        Assert.Equal(4.0, h.Conflict);
        Assert.Equal((0.5 - 4.0) / 4.5, h.ScoreBThird, 4);
        var series = SeriesBuilder.HedgingSeries("PAK", "RUS", ["UKR"], rows, ["2023-Q1", "2023-Q2", "2023-Q3"]);
        Assert.Equal([0.4286, 1.0, null], series.Select(p => p.Index).ToArray());
        Assert.Equal(Math.Round(1.5 / 3.5, 4), series[0].Index);
    }
}
