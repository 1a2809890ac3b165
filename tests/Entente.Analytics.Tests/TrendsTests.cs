namespace Entente.Analytics.Tests;

/// <summary>The trend arithmetic on series whose answer is known exactly.</summary>
public sealed class TrendsTests
{
    [Fact]
    public void Theil_Sen_recovers_the_slope_of_a_line_exactly()
    {
        double[] x = [0, 1, 2, 3, 4, 5];
        double[] y = [.. x.Select(v => (2 * v) + 1)];
        Assert.Equal(2.0, Trends.TheilSen(x, y));
    }

    [Fact]
    public void Theil_Sen_ignores_a_single_outlier()
    {
        double[] x = [0, 1, 2, 3, 4, 5, 6];
        double[] y = [0, 1, 2, 30, 4, 5, 6];
        Assert.Equal(1.0, Trends.TheilSen(x, y));
    }

    [Fact]
    public void Theil_Sen_of_pairs_with_equal_x_only_is_null()
    {
        Assert.Null(Trends.TheilSen([1, 1, 1], [0, 1, 2]));
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        double[] v = [9, 1, 7, 3];
        Assert.Equal(5.0, Trends.Median(v));
        double[] w = [5, 4, 3, 2, 1];
        Assert.Equal(3.0, Trends.Median(w));
    }

    [Fact]
    public void The_bootstrap_interval_of_an_exact_line_is_its_slope()
    {
        double[] x = [0, 1, 2, 3, 4, 5, 6, 7];
        double[] y = [.. x.Select(v => 0.5 - (0.25 * v))];
        var interval = Trends.BootstrapInterval(x, y, 200, 7);
        Assert.NotNull(interval);
        Assert.Equal(-0.25, interval.Value.Low, 12);
        Assert.Equal(-0.25, interval.Value.High, 12);
    }

    [Fact]
    public void The_bootstrap_interval_is_deterministic_and_excludes_zero_for_a_clear_noisy_rise()
    {
        double[] x = [.. Enumerable.Range(0, 20).Select(i => (double)i)];
        double[] noise = [0.3, -0.2, 0.1, -0.4, 0.2, 0.0, -0.1, 0.3, -0.3, 0.1, 0.2, -0.2, 0.4, -0.1, 0.0, 0.1, -0.3, 0.2, -0.2, 0.1];
        double[] y = [.. x.Select((v, i) => (0.1 * v) + noise[i])];
        var a = Trends.BootstrapInterval(x, y, 300, 42);
        var b = Trends.BootstrapInterval(x, y, 300, 42);
        Assert.Equal(a, b);
        Assert.True(a!.Value.Low > 0, $"low {a.Value.Low}");
        Assert.True(a.Value.Low <= Trends.TheilSen(x, y) && Trends.TheilSen(x, y) <= a.Value.High);
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(24, 7)]
    [InlineData(61, 20_230_301)]
    public void The_weighted_bootstrap_gives_exactly_the_slopes_of_resampling_the_points(int n, int seed)
    {
        var rng = new Random(seed);
        double[] x = [.. Enumerable.Range(0, n).Select(i => (double)(3 * i))];
        double[] y = [.. x.Select(v => Math.Round((0.02 * v) + rng.NextDouble() - 0.5, 3))];
        y[n / 2] = y[(n / 2) - 1]; // ties among the slopes
        var weighted = Trends.Weighted(x, y, 150, seed);
        var resampled = Trends.Resampled(x, y, 150, seed);
        Assert.Equal(resampled, weighted);
        Assert.True(weighted.Distinct().Count() > 1, "the resamples differ");
    }

    [Fact]
    public void A_step_is_one_change_point_where_the_new_level_starts()
    {
        double[] y = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
        Assert.Equal([5], Trends.ChangePoints(y).ToArray());
    }

    [Fact]
    public void Two_steps_are_two_change_points_and_a_flat_series_has_none()
    {
        double[] y = [0.5, 0.5, 0.5, 0.5, -0.5, -0.5, -0.5, -0.5, 0.8, 0.8, 0.8, 0.8];
        Assert.Equal([4, 8], Trends.ChangePoints(y).ToArray());
        Assert.Empty(Trends.ChangePoints([0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2]));
    }

    [Fact]
    public void Noise_around_one_level_is_not_a_change_point()
    {
        double[] y = [0.1, -0.1, 0.05, -0.05, 0.1, -0.1, 0.05, -0.05, 0.1, -0.1, 0.05, -0.05];
        Assert.Empty(Trends.ChangePoints(y));
    }
}
