using System.Numerics;
using System.Runtime.InteropServices;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Clustering;

/// <summary>
/// Settings of <see cref="WordClusterTrainer"/>.
/// </summary>
/// <param name="MinCount">Words seen fewer times are left out of the table.</param>
/// <param name="MaxWords">At most this many words (the most frequent) are clustered.</param>
/// <param name="ContextWords">The most frequent words that serve as contexts; other neighbours count as one "other" context.</param>
/// <param name="Dimensions">Width of the random projection of the context vectors.</param>
/// <param name="Coarse">Number of coarse clusters (first k-means level).</param>
/// <param name="FinePerCoarse">Fine clusters inside each coarse cluster (second level).</param>
/// <param name="Iterations">k-means iterations per level.</param>
/// <param name="Seed">Seed of the projection and of the k-means++ starts; same text and seed give the same table.</param>
public sealed record WordClusterOptions(
    int MinCount = 5,
    int MaxWords = 60_000,
    int ContextWords = 1_000,
    int Dimensions = 128,
    int Coarse = 64,
    int FinePerCoarse = 16,
    int Iterations = 12,
    int Seed = 1);

/// <summary>
/// Learns word clusters from raw tokenised text with a cheap distributional method: each word's
/// neighbours at −2, −1, +1, +2 among the most frequent words give a count vector, weighted by positive
/// pointwise mutual information (context counts smoothed with the 0.75 power), projected to a few
/// dimensions with a seeded random ±1 matrix and normalised; spherical k-means then splits the words
/// into coarse clusters and each coarse cluster into fine ones. Single-threaded and deterministic.
/// </summary>
public static class WordClusterTrainer
{
    private static readonly int[] Offsets = [-2, -1, 1, 2];

    /// <summary>Clusters the words of <paramref name="sentences"/> (each a list of tokens).</summary>
    public static WordClusters Train(IEnumerable<IReadOnlyList<string>> sentences, WordClusterOptions options, TextWriter? log)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Coarse, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.FinePerCoarse, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ContextWords, 1);

        // 1. the corpus as word ids, -1 between sentences
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var counts = new List<int>();
        var corpus = new List<int>(1 << 20) { -1 };
        long sentenceCount = 0;
        foreach (var s in sentences)
        {
            foreach (var token in s)
            {
                if (string.IsNullOrWhiteSpace(token))
                {
                    continue;
                }

                var n = WordClusters.Normalise(token);
                ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, n, out bool exists);
                if (!exists)
                {
                    id = names.Count;
                    names.Add(n);
                    counts.Add(0);
                }

                counts[id]++;
                corpus.Add(id);
            }

            corpus.Add(-1);
            sentenceCount++;
        }

        log?.WriteLine($"{sentenceCount} sentences, {corpus.Count - sentenceCount - 1} tokens, {names.Count} distinct words");

        // 2. rank words by frequency (ties by spelling): rows to cluster, and context ids
        var rank = Enumerable.Range(0, names.Count)
            .OrderByDescending(i => counts[i]).ThenBy(i => names[i], StringComparer.Ordinal).ToArray();
        var row = new int[names.Count];
        var ctx = new int[names.Count];
        Array.Fill(row, -1);
        int other = options.ContextWords, boundary = options.ContextWords + 1, perOffset = options.ContextWords + 2;
        Array.Fill(ctx, other);
        var rowWords = new List<int>();
        for (int r = 0; r < rank.Length; r++)
        {
            int id = rank[r];
            if (r < options.ContextWords)
            {
                ctx[id] = r;
            }

            if (rowWords.Count < options.MaxWords && counts[id] >= options.MinCount)
            {
                row[id] = rowWords.Count;
                rowWords.Add(id);
            }
        }

        int rows = rowWords.Count, features = Offsets.Length * perOffset;
        if (rows == 0)
        {
            throw new ArgumentException($"no word occurs {options.MinCount} times or more", nameof(sentences));
        }

        // 3. co-occurrence counts (row, offset, context)
        var pairs = new Dictionary<long, int>(1 << 20);
        var data = CollectionsMarshal.AsSpan(corpus);
        for (int i = 1; i < data.Length - 1; i++)
        {
            int w = data[i];
            if (w < 0 || row[w] < 0)
            {
                continue;
            }

            long baseKey = (long)row[w] * features;
            for (int k = 0; k < Offsets.Length; k++)
            {
                int c = ContextAt(data, i, Offsets[k], ctx, boundary);
                CollectionsMarshal.GetValueRefOrAddDefault(pairs, baseKey + (k * perOffset) + c, out _)++;
            }
        }

        log?.WriteLine($"{rows} words to cluster, {features} context features, {pairs.Count} non-zero counts");

        // 4. PPMI weights, randomly projected
        var rowSum = new double[rows];
        var colSum = new double[features];
        double total = 0;
        foreach (var (key, c) in pairs)
        {
            rowSum[key / features] += c;
            colSum[key % features] += c;
            total += c;
        }

        double smoothedTotal = 0;
        for (int f = 0; f < features; f++)
        {
            colSum[f] = Math.Pow(colSum[f], 0.75);
            smoothedTotal += colSum[f];
        }

        int dim = options.Dimensions;
        var projection = RandomSigns(features, dim, options.Seed);
        var vectors = new float[rows * dim];
        foreach (var (key, c) in pairs)
        {
            int r = (int)(key / features), f = (int)(key % features);
            double pmi = Math.Log(c * smoothedTotal / (rowSum[r] * colSum[f]));
            if (pmi > 0)
            {
                Axpy((float)pmi, projection.AsSpan(f * dim, dim), vectors.AsSpan(r * dim, dim));
            }
        }

        pairs.Clear();
        for (int r = 0; r < rows; r++)
        {
            Normalise(vectors.AsSpan(r * dim, dim));
        }

        // 5. two levels of spherical k-means
        var rng = new SplitMix((ulong)options.Seed);
        var all = Enumerable.Range(0, rows).ToArray();
        var coarseOf = KMeans(vectors, dim, all, options.Coarse, options.Iterations, rng);
        var coarse = new ushort[rows];
        var fine = new ushort[rows];
        int fineClusters = 0;
        for (int c = 0; c < options.Coarse; c++)
        {
            var members = all.Where(r => coarseOf[r] == c).ToArray();
            if (members.Length == 0)
            {
                continue;
            }

            var sub = KMeans(vectors, dim, members, Math.Min(options.FinePerCoarse, members.Length), options.Iterations, rng);
            var used = new Dictionary<int, int>();
            for (int m = 0; m < members.Length; m++)
            {
                if (!used.TryGetValue(sub[m], out var fid))
                {
                    fid = ++fineClusters;
                    used[sub[m]] = fid;
                }

                coarse[members[m]] = (ushort)(c + 1);
                fine[members[m]] = (ushort)fid;
            }
        }

        log?.WriteLine($"{options.Coarse} coarse and {fineClusters} fine clusters");
        var words = rowWords.Select(id => names[id]).ToArray();
        return new WordClusters(words, coarse, fine);
    }

    private static int ContextAt(ReadOnlySpan<int> data, int i, int offset, int[] ctx, int boundary)
    {
        int step = offset < 0 ? -1 : 1;
        int j = i;
        for (int m = 0; m < Math.Abs(offset); m++)
        {
            j += step;
            if (j < 0 || j >= data.Length || data[j] < 0)
            {
                return boundary;
            }
        }

        return ctx[data[j]];
    }

    private static float[] RandomSigns(int rows, int dim, int seed)
    {
        var rng = new SplitMix((ulong)seed * 7919 + 17);
        var m = new float[rows * dim];
        for (int i = 0; i < m.Length; i++)
        {
            m[i] = (rng.Next() & 1) == 0 ? 1f : -1f;
        }

        return m;
    }

    private static void Axpy(float a, ReadOnlySpan<float> x, Span<float> y)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = new Vector<float>(a);
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (new Vector<float>(y[i..]) + (va * new Vector<float>(x[i..]))).CopyTo(y[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    private static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        int i = 0;
        var acc = Vector<float>.Zero;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                acc += new Vector<float>(x[i..]) * new Vector<float>(y[i..]);
            }
        }

        float s = Vector.Sum(acc);
        for (; i < x.Length; i++)
        {
            s += x[i] * y[i];
        }

        return s;
    }

    private static void Normalise(Span<float> v)
    {
        float n = MathF.Sqrt(Dot(v, v));
        if (n > 0)
        {
            for (int i = 0; i < v.Length; i++)
            {
                v[i] /= n;
            }
        }
    }

    /// <summary>Spherical k-means over the given rows with k-means++ starts; returns each member's cluster (0..k-1).</summary>
    private static int[] KMeans(float[] vectors, int dim, int[] members, int k, int iterations, SplitMix rng)
    {
        int n = members.Length;
        var centres = new float[k * dim];
        var best = new float[n];
        Array.Fill(best, float.NegativeInfinity);

        // k-means++: the next centre is drawn with probability proportional to the squared distance 2 - 2 cos
        var first = members[(int)(rng.Next() % (ulong)n)];
        vectors.AsSpan(first * dim, dim).CopyTo(centres.AsSpan(0, dim));
        var weight = new double[n];
        for (int c = 1; c <= k; c++)
        {
            var centre = centres.AsSpan((c - 1) * dim, dim);
            double sum = 0;
            for (int m = 0; m < n; m++)
            {
                best[m] = Math.Max(best[m], Dot(vectors.AsSpan(members[m] * dim, dim), centre));
                weight[m] = Math.Max(0, 2 - (2 * best[m]));
                sum += weight[m];
            }

            if (c == k)
            {
                break;
            }

            double pick = (rng.Next() >> 11) * (1.0 / (1UL << 53)) * sum;
            int chosen = n - 1;
            for (int m = 0; m < n; m++)
            {
                pick -= weight[m];
                if (pick < 0)
                {
                    chosen = m;
                    break;
                }
            }

            vectors.AsSpan(members[chosen] * dim, dim).CopyTo(centres.AsSpan(c * dim, dim));
        }

        var assign = new int[n];
        var sums = new float[k * dim];
        for (int it = 0; it <= iterations; it++)
        {
            int changed = 0;
            for (int m = 0; m < n; m++)
            {
                var v = vectors.AsSpan(members[m] * dim, dim);
                int arg = 0;
                float top = float.NegativeInfinity;
                for (int c = 0; c < k; c++)
                {
                    float d = Dot(v, centres.AsSpan(c * dim, dim));
                    if (d > top)
                    {
                        top = d;
                        arg = c;
                    }
                }

                changed += assign[m] != arg ? 1 : 0;
                assign[m] = arg;
            }

            if (it == iterations || (it > 0 && changed == 0))
            {
                break;
            }

            Array.Clear(sums);
            for (int m = 0; m < n; m++)
            {
                Axpy(1f, vectors.AsSpan(members[m] * dim, dim), sums.AsSpan(assign[m] * dim, dim));
            }

            for (int c = 0; c < k; c++)
            {
                var s = sums.AsSpan(c * dim, dim);
                if (Dot(s, s) > 0)
                {
                    Normalise(s);
                    s.CopyTo(centres.AsSpan(c * dim, dim));
                }
            }
        }

        return assign;
    }

    private sealed class SplitMix(ulong seed)
    {
        private ulong _state = (seed * 0x9E3779B97F4A7C15UL) + 0x632BE59BD9B4E019UL;

        public ulong Next()
        {
            _state += 0x9E3779B97F4A7C15UL;
            return FeatureKey.Mix(_state);
        }
    }
}
