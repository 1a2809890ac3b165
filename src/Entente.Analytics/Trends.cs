using System.Collections.Immutable;

namespace Entente.Analytics;

/// <summary>
/// Robust trend arithmetic, pure: the Theil–Sen slope (the median of the slopes between every two points), its
/// percentile bootstrap interval, and change points in the mean by binary segmentation.
/// </summary>
public static class Trends
{
    /// <summary>The median of <c>(y[j] - y[i]) / (x[j] - x[i])</c> over i &lt; j with x[i] ≠ x[j]; null with no such pair.</summary>
    public static double? TheilSen(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("x and y differ in length", nameof(y));
        }

        var buffer = new double[x.Count * (x.Count - 1) / 2 + 1];
        return TheilSen(x, y, buffer);
    }

    private static double? TheilSen(IReadOnlyList<double> x, IReadOnlyList<double> y, double[] buffer)
    {
        int k = 0;
        for (int i = 0; i < x.Count; i++)
        {
            for (int j = i + 1; j < x.Count; j++)
            {
                double dx = x[j] - x[i];
                if (dx != 0)
                {
                    buffer[k++] = (y[j] - y[i]) / dx;
                }
            }
        }

        return k == 0 ? null : Median(buffer.AsSpan(0, k));
    }

    /// <summary>
    /// The 2.5th and 97.5th percentiles of the Theil–Sen slope over <paramref name="samples"/> resamples of the points
    /// (with replacement, a seeded generator: deterministic). Null with fewer than three points.
    /// </summary>
    public static (double Low, double High)? BootstrapInterval(IReadOnlyList<double> x, IReadOnlyList<double> y, int samples, int seed)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int n = x.Count;
        if (n < 3 || samples < 10)
        {
            return null;
        }

        return x.Distinct().Count() == n ? Interval(Weighted(x, y, samples, seed)) : Interval(Resampled(x, y, samples, seed));
    }

    /// <summary>
    /// The bootstrap slopes for distinct x (periods): a resample's slopes are the slopes between distinct original points,
    /// each as often as the product of the points' multiplicities, so its median is a weighted median over the n(n−1)/2
    /// original slopes sorted once. The same picks give the same medians as <see cref="Resampled"/>, about n times faster.
    /// </summary>
    internal static List<double> Weighted(IReadOnlyList<double> x, IReadOnlyList<double> y, int samples, int seed)
    {
        int n = x.Count;
        var random = new Random(seed);
        var slopes = new List<double>(samples);
        var sorted = SortedSlopes(x, y);
        var counts = new long[n];
        for (int b = 0; b < samples; b++)
        {
            Array.Clear(counts);
            for (int i = 0; i < n; i++)
            {
                counts[random.Next(n)]++;
            }

            if (WeightedMedian(sorted, counts) is { } slope)
            {
                slopes.Add(slope);
            }
        }

        return slopes;
    }

    /// <summary>The bootstrap slopes by resampling the points with replacement and taking each resample's Theil–Sen slope.</summary>
    internal static List<double> Resampled(IReadOnlyList<double> x, IReadOnlyList<double> y, int samples, int seed)
    {
        int n = x.Count;
        var random = new Random(seed);
        var slopes = new List<double>(samples);
        var buffer = new double[n * (n - 1) / 2 + 1];
        var xs = new double[n];
        var ys = new double[n];
        for (int b = 0; b < samples; b++)
        {
            for (int i = 0; i < n; i++)
            {
                int pick = random.Next(n);
                xs[i] = x[pick];
                ys[i] = y[pick];
            }

            if (TheilSen(xs, ys, buffer) is { } slope)
            {
                slopes.Add(slope);
            }
        }

        return slopes;
    }

    private static (double Low, double High)? Interval(List<double> slopes)
    {
        if (slopes.Count == 0)
        {
            return null;
        }

        slopes.Sort();
        return (Percentile(slopes, 0.025), Percentile(slopes, 0.975));
    }

    /// <summary>Every slope between two points (distinct x), with the points' indices, in ascending order of slope.</summary>
    private static (double Slope, int I, int J)[] SortedSlopes(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n = x.Count;
        var slopes = new (double Slope, int I, int J)[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                slopes[k++] = ((y[j] - y[i]) / (x[j] - x[i]), i, j);
            }
        }

        Array.Sort(slopes, static (a, b) => a.Slope.CompareTo(b.Slope));
        return slopes;
    }

    /// <summary>
    /// The median of the multiset where slope (i, j) occurs counts[i]·counts[j] times (the mean of the two middle values
    /// for an even total, as <see cref="Median"/>); null when no two picks are distinct points.
    /// </summary>
    private static double? WeightedMedian((double Slope, int I, int J)[] sorted, long[] counts)
    {
        long sum = 0, squares = 0;
        foreach (long c in counts)
        {
            sum += c;
            squares += c * c;
        }

        long total = (sum * sum - squares) / 2;
        if (total == 0)
        {
            return null;
        }

        long upperRank = total / 2, lowerRank = total % 2 == 1 ? upperRank : upperRank - 1;
        long seen = 0;
        double? lower = null;
        foreach (var (slope, i, j) in sorted)
        {
            seen += counts[i] * counts[j];
            if (lower is null && seen > lowerRank)
            {
                lower = slope;
            }

            if (seen > upperRank)
            {
                return (lower!.Value + slope) / 2;
            }
        }

        throw new InvalidOperationException("weighted median past the end");
    }

    /// <summary>
    /// Change points in the mean: split where the sum of squared deviations falls most, keep the split when the fall
    /// exceeds <c>3 σ² ln n</c> (σ from the median absolute first difference), and recurse into both sides; segments keep at
    /// least <paramref name="minSegment"/> points. Returns the indices where a new level starts, ascending.
    /// </summary>
    public static ImmutableArray<int> ChangePoints(IReadOnlyList<double> y, int minSegment = 3, int maxPoints = 5)
    {
        ArgumentNullException.ThrowIfNull(y);
        int n = y.Count;
        if (n < 2 * minSegment)
        {
            return [];
        }

        var diffs = new double[n - 1];
        for (int i = 1; i < n; i++)
        {
            diffs[i - 1] = Math.Abs(y[i] - y[i - 1]);
        }

        double mad = Median(diffs.AsSpan());
        double sigma = mad / (0.6745 * Math.Sqrt(2));
        double penalty = 3 * Math.Max(sigma * sigma, 1e-12) * Math.Log(n);
        var found = new List<int>();
        Split(0, n);
        found.Sort();
        return [.. found];

        void Split(int start, int end)
        {
            if (found.Count >= maxPoints || end - start < 2 * minSegment)
            {
                return;
            }

            double whole = Sse(start, end);
            int best = -1;
            double bestSse = double.MaxValue;
            for (int cut = start + minSegment; cut <= end - minSegment; cut++)
            {
                double s = Sse(start, cut) + Sse(cut, end);
                if (s < bestSse - 1e-12)
                {
                    (best, bestSse) = (cut, s);
                }
            }

            if (best < 0 || whole - bestSse <= penalty)
            {
                return;
            }

            found.Add(best);
            Split(start, best);
            Split(best, end);
        }

        double Sse(int start, int end)
        {
            double mean = 0;
            for (int i = start; i < end; i++)
            {
                mean += y[i];
            }

            mean /= end - start;
            double s = 0;
            for (int i = start; i < end; i++)
            {
                s += (y[i] - mean) * (y[i] - mean);
            }

            return s;
        }
    }

    /// <summary>The mean of <paramref name="y"/> over [start, end).</summary>
    public static double Mean(IReadOnlyList<double> y, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(y);
        double s = 0;
        for (int i = start; i < end; i++)
        {
            s += y[i];
        }

        return s / (end - start);
    }

    /// <summary>The median, by selection (reorders the span).</summary>
    public static double Median(Span<double> values)
    {
        int n = values.Length;
        if (n == 0)
        {
            throw new ArgumentException("no values", nameof(values));
        }

        double upper = Select(values, n / 2);
        if (n % 2 == 1)
        {
            return upper;
        }

        double lower = double.MinValue;
        for (int i = 0; i < n / 2; i++)
        {
            lower = Math.Max(lower, values[i]);
        }

        return (lower + upper) / 2;
    }

    private static double Percentile(List<double> sorted, double p)
    {
        double pos = p * (sorted.Count - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((pos - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>Hoare selection: afterwards values[k] is the k-th smallest, everything before it is not larger.</summary>
    private static double Select(Span<double> values, int k)
    {
        int left = 0, right = values.Length - 1;
        while (left < right)
        {
            double pivot = values[(left + right) >>> 1];
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                break;
            }
        }

        return values[k];
    }
}
