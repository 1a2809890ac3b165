using System.Runtime.CompilerServices;
using Entente.Nlp.Clustering;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Tagging;

/// <summary>What the tagger knows about one word before it looks at any tag: hashes of its parts.</summary>
internal struct WordInfo
{
    public ulong Form;      // exact form
    public ulong Lower;     // lowercase form, digits kept
    public ulong Norm;      // lowercase with digits folded to '0'
    public ulong Shape;     // collapsed shape: "Xx", "d.d", "x-x"
    public ulong Pre1, Pre2, Pre3, Pre4;
    public ulong Suf1, Suf2, Suf3, Suf4, Suf5;
    public ulong HyphenLast; // lowercase part after the last hyphen, 0 when none
    public ulong Ambiguity;  // the tag set seen for the word in training, 0 when unknown
    public ulong Exact;      // the tag set seen for the word written exactly so (case kept), 0 when unknown
    public ulong Fine;       // hash of the word's fine cluster (unknown words: a fixed value); 0 when the tagger uses no clusters
    public ulong Coarse;     // hash of its coarse cluster; 0 when the tagger uses no clusters
    public int Top;          // most frequent class of the word in training, -1 when unknown
    public int Flags;        // see the Flag constants
    public bool Sure;        // frequent and all but unambiguous: tagged Top without scoring
    public ushort[]? Allowed; // frequent word: the only tags it may get
}

/// <summary>
/// Feature templates of the tagger. Static features depend on the words only and are computed once
/// per sentence; dynamic features add the tags already chosen (left) and, in the second pass, the
/// first pass's tags on the right.
/// </summary>
internal static class TaggerFeatures
{
    public const int FlagUpper = 1, FlagAllUpper = 2, FlagDigit = 4, FlagHyphen = 8, FlagAllDigit = 16, FlagFirst = 32, FlagPunct = 64, FlagTitleSentence = 128;

    public const int StaticCount = 49;
    public const int DynamicCount1 = 7;
    public const int DynamicCount2 = 14;

    private static readonly ulong Start = FeatureKey.Hash("<s>");
    private static readonly ulong Start2 = FeatureKey.Hash("<s2>");
    private static readonly ulong End = FeatureKey.Hash("</s>");
    private static readonly ulong End2 = FeatureKey.Hash("</s2>");
    private static readonly ulong UnknownCluster = FeatureKey.Hash("<UNK-CLUSTER>");

    /// <summary>Tag id used for "no tag here" (before the sentence, after it).</summary>
    public const ulong NoTag = 0xFFFF;
    public const ulong NoTag2 = 0xFFFE;

    public static WordInfo Describe(string word, TagDictionary dict, bool first, WordClusters? clusters = null)
    {
        var info = default(WordInfo);
        int n = Math.Min(word.Length, 64);
        Span<char> lower = stackalloc char[n];
        Span<char> norm = stackalloc char[n];
        Span<char> shape = stackalloc char[Math.Min(n, 12)];
        int shapeLen = 0;
        char lastClass = '\0';
        int upper = 0, letters = 0, digits = 0, hyphen = -1, punct = 0;
        for (int i = 0; i < n; i++)
        {
            char c = word[i];
            char l = char.ToLowerInvariant(c);
            lower[i] = l;
            norm[i] = char.IsDigit(c) ? '0' : l;
            char cls;
            if (char.IsUpper(c))
            {
                cls = 'X';
                upper++;
                letters++;
            }
            else if (char.IsLetter(c))
            {
                cls = 'x';
                letters++;
            }
            else if (char.IsDigit(c))
            {
                cls = 'd';
                digits++;
            }
            else
            {
                cls = c;
                punct++;
                if (c == '-' && i > 0)
                {
                    hyphen = i;
                }
            }

            if (cls != lastClass && shapeLen < shape.Length)
            {
                shape[shapeLen++] = cls;
            }

            lastClass = cls;
        }

        info.Form = FeatureKey.Hash(word.AsSpan(0, n));
        info.Lower = FeatureKey.Hash(lower);
        info.Norm = digits > 0 ? FeatureKey.Hash(norm) : info.Lower;
        info.Shape = FeatureKey.Hash(shape[..shapeLen]);
        info.Pre1 = FeatureKey.Hash(lower[..Math.Min(1, n)]);
        info.Pre2 = n >= 2 ? FeatureKey.Hash(lower[..2]) : 0;
        info.Pre3 = n >= 3 ? FeatureKey.Hash(lower[..3]) : 0;
        info.Pre4 = n >= 4 ? FeatureKey.Hash(lower[..4]) : 0;
        info.Suf1 = FeatureKey.Hash(lower[Math.Max(0, n - 1)..]);
        info.Suf2 = n >= 2 ? FeatureKey.Hash(lower[(n - 2)..]) : 0;
        info.Suf3 = n >= 3 ? FeatureKey.Hash(lower[(n - 3)..]) : 0;
        info.Suf4 = n >= 4 ? FeatureKey.Hash(lower[(n - 4)..]) : 0;
        info.Suf5 = n >= 5 ? FeatureKey.Hash(lower[(n - 5)..]) : 0;
        info.HyphenLast = hyphen > 0 && hyphen < n - 1 ? FeatureKey.Hash(lower[(hyphen + 1)..]) : 0;
        int flags = 0;
        if (n > 0 && char.IsUpper(word[0]))
        {
            flags |= FlagUpper;
        }

        if (letters > 1 && upper == letters)
        {
            flags |= FlagAllUpper;
        }

        if (digits > 0)
        {
            flags |= FlagDigit;
        }

        if (digits > 0 && digits == n)
        {
            flags |= FlagAllDigit;
        }

        if (hyphen > 0)
        {
            flags |= FlagHyphen;
        }

        if (first)
        {
            flags |= FlagFirst;
        }

        if (punct == n)
        {
            flags |= FlagPunct;
        }

        info.Flags = flags;
        if (clusters is not null)
        {
            if (clusters.TryGetByHash(info.Norm, out int coarse, out int fine))
            {
                info.Fine = FeatureKey.Mix((ulong)fine + 0xC100);
                info.Coarse = FeatureKey.Mix((ulong)coarse + 0xC200);
            }
            else
            {
                info.Fine = info.Coarse = UnknownCluster;
            }
        }

        info.Exact = dict.ExactAmbiguity(word.AsSpan(0, n));
        info.Allowed = dict.Allowed(lower);
        if (dict.TryGet(lower, out var amb, out var top, out var sure))
        {
            info.Ambiguity = amb;
            info.Top = top;
            info.Sure = sure;
        }
        else
        {
            info.Top = -1;
        }

        return info;
    }

    /// <summary>Describes the words of a sentence; marks sentences written in title case (headlines).</summary>
    /// <remarks><paramref name="known"/>, when given, holds <c>Describe(word, dict, first: false)</c> for frequent words.</remarks>
    public static WordInfo[] Describe(IReadOnlyList<string> words, TagDictionary dict, Dictionary<string, WordInfo>? known = null, WordClusters? clusters = null)
    {
        var infos = new WordInfo[words.Count];
        int alpha = 0, capital = 0;
        for (int i = 0; i < infos.Length; i++)
        {
            var word = words[i] ?? string.Empty;
            if (known is not null && known.TryGetValue(word, out var info))
            {
                infos[i] = info;
                if (i == 0)
                {
                    infos[i].Flags |= FlagFirst;
                }
            }
            else
            {
                infos[i] = Describe(word, dict, i == 0, clusters);
            }

            if (word.Length > 3 && char.IsLetter(word[0]))
            {
                alpha++;
                capital += char.IsUpper(word[0]) ? 1 : 0;
            }
        }

        if (alpha >= 2 && capital * 3 >= alpha * 2)
        {
            for (int i = 0; i < infos.Length; i++)
            {
                infos[i].Flags |= FlagTitleSentence;
            }
        }

        return infos;
    }

    /// <summary>Writes at most <see cref="StaticCount"/> word features of position <paramref name="i"/>; returns how many.</summary>
    public static int Static(ReadOnlySpan<WordInfo> w, int i, Span<ulong> f)
    {
        ref readonly var w0 = ref w[i];
        ulong wm1 = i > 0 ? w[i - 1].Lower : Start;
        ulong wm2 = i > 1 ? w[i - 2].Lower : i > 0 ? Start : Start2;
        ulong wp1 = i + 1 < w.Length ? w[i + 1].Lower : End;
        ulong wp2 = i + 2 < w.Length ? w[i + 2].Lower : i + 1 < w.Length ? End : End2;
        ulong am1 = i > 0 ? w[i - 1].Ambiguity : Start;
        ulong ap1 = i + 1 < w.Length ? w[i + 1].Ambiguity : End;
        ulong ap2 = i + 2 < w.Length ? w[i + 2].Ambiguity : End2;
        ulong sm1 = i > 0 ? w[i - 1].Suf3 : Start;
        ulong sp1 = i + 1 < w.Length ? w[i + 1].Suf3 : End;
        ulong shp1 = i + 1 < w.Length ? w[i + 1].Shape : End;
        ulong shm1 = i > 0 ? w[i - 1].Shape : Start;
        int k = 0;
        f[k++] = FeatureKey.Of(1, 1);
        f[k++] = FeatureKey.Of(2, w0.Form);
        f[k++] = FeatureKey.Of(3, w0.Norm);
        f[k++] = FeatureKey.Of(4, wm1);
        f[k++] = FeatureKey.Of(5, wm2);
        f[k++] = FeatureKey.Of(6, wp1);
        f[k++] = FeatureKey.Of(7, wp2);
        f[k++] = FeatureKey.Of(8, w0.Suf1);
        if (w0.Suf2 != 0)
        {
            f[k++] = FeatureKey.Of(9, w0.Suf2);
        }

        if (w0.Suf3 != 0)
        {
            f[k++] = FeatureKey.Of(10, w0.Suf3);
        }

        if (w0.Suf4 != 0)
        {
            f[k++] = FeatureKey.Of(11, w0.Suf4);
        }

        if (w0.Suf5 != 0)
        {
            f[k++] = FeatureKey.Of(12, w0.Suf5);
        }

        f[k++] = FeatureKey.Of(13, w0.Pre1);
        if (w0.Pre2 != 0)
        {
            f[k++] = FeatureKey.Of(14, w0.Pre2);
        }

        if (w0.Pre3 != 0)
        {
            f[k++] = FeatureKey.Of(15, w0.Pre3);
        }

        if (w0.Pre4 != 0)
        {
            f[k++] = FeatureKey.Of(16, w0.Pre4);
        }

        f[k++] = FeatureKey.Of(17, w0.Shape);
        f[k++] = FeatureKey.Of(18, w0.Ambiguity);
        f[k++] = FeatureKey.Of(19, (ulong)(uint)w0.Top);
        f[k++] = FeatureKey.Of(20, am1);
        f[k++] = FeatureKey.Of(21, ap1);
        f[k++] = FeatureKey.Of(22, ap1, ap2);
        f[k++] = FeatureKey.Of(23, w0.Ambiguity, ap1);
        f[k++] = FeatureKey.Of(24, am1, w0.Ambiguity);
        f[k++] = FeatureKey.Of(25, sp1);
        f[k++] = FeatureKey.Of(26, sm1);
        f[k++] = FeatureKey.Of(27, (ulong)w0.Flags);
        f[k++] = FeatureKey.Of(28, (ulong)w0.Flags, w0.Suf3);
        if (w0.HyphenLast != 0)
        {
            f[k++] = FeatureKey.Of(29, w0.HyphenLast);
        }

        f[k++] = FeatureKey.Of(30, w0.Lower, wp1);
        f[k++] = FeatureKey.Of(31, wm1, w0.Lower);
        f[k++] = FeatureKey.Of(32, shp1);
        f[k++] = FeatureKey.Of(33, shm1);
        f[k++] = FeatureKey.Of(34, w0.Shape, shp1);
        f[k++] = FeatureKey.Of(35, wm1, w0.Suf3);
        f[k++] = FeatureKey.Of(36, w0.Suf3, wp1);
        f[k++] = FeatureKey.Of(37, wm2, wm1);
        f[k++] = FeatureKey.Of(38, wp1, wp2);
        f[k++] = FeatureKey.Of(39, w0.Ambiguity, (ulong)w0.Flags);
        f[k++] = FeatureKey.Of(40, am1, ap1);
        f[k++] = FeatureKey.Of(41, w0.Exact);
        f[k++] = FeatureKey.Of(42, w0.Exact, (ulong)w0.Flags);
        f[k++] = FeatureKey.Of(43, i > 0 ? w[i - 1].Exact : Start, w0.Exact);
        f[k++] = FeatureKey.Of(44, w0.Lower, (ulong)w0.Flags);
        if (w0.Fine != 0)
        {
            // word clusters learned from unlabelled text: mostly help words rare or absent in training
            f[k++] = FeatureKey.Of(45, w0.Fine);
            f[k++] = FeatureKey.Of(46, w0.Coarse, w0.Suf2);
            f[k++] = FeatureKey.Of(47, i > 0 ? w[i - 1].Fine : Start);
            f[k++] = FeatureKey.Of(48, i + 1 < w.Length ? w[i + 1].Fine : End);
            f[k++] = FeatureKey.Of(49, w0.Coarse, i + 1 < w.Length ? w[i + 1].Coarse : End);
        }

        return k;
    }

    /// <summary>The best-scoring class, among <paramref name="allowed"/> when given.</summary>
    public static int Best(ReadOnlySpan<float> scores, ushort[]? allowed)
    {
        if (allowed is null)
        {
            return PerceptronModel.ArgMax(scores);
        }

        int best = allowed[0];
        for (int i = 1; i < allowed.Length; i++)
        {
            if (scores[allowed[i]] > scores[best])
            {
                best = allowed[i];
            }
        }

        return best;
    }

    /// <summary>Left-context tag features of the first pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Left(ReadOnlySpan<WordInfo> w, ReadOnlySpan<int> tags, int i, Span<ulong> f)
    {
        ulong t1 = i > 0 ? (ulong)tags[i - 1] : NoTag;
        ulong t2 = i > 1 ? (ulong)tags[i - 2] : i > 0 ? NoTag : NoTag2;
        ref readonly var w0 = ref w[i];
        f[0] = FeatureKey.Of(50, t1);
        f[1] = FeatureKey.Of(51, t2);
        f[2] = FeatureKey.Of(52, t1, t2);
        f[3] = FeatureKey.Of(53, t1, w0.Lower);
        f[4] = FeatureKey.Of(54, t1, w0.Suf3);
        f[5] = FeatureKey.Of(55, t1, w0.Ambiguity);
        f[6] = FeatureKey.Of(56, t1, i + 1 < w.Length ? w[i + 1].Ambiguity : End);
    }

    /// <summary>Features of the second pass: its own left tags plus the first pass's right tags.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Both(ReadOnlySpan<WordInfo> w, ReadOnlySpan<int> left, ReadOnlySpan<int> right, int i, Span<ulong> f)
    {
        ulong t1 = i > 0 ? (ulong)left[i - 1] : NoTag;
        ulong t2 = i > 1 ? (ulong)left[i - 2] : i > 0 ? NoTag : NoTag2;
        ulong r1 = i + 1 < w.Length ? (ulong)right[i + 1] : NoTag;
        ulong r2 = i + 2 < w.Length ? (ulong)right[i + 2] : i + 1 < w.Length ? NoTag : NoTag2;
        ref readonly var w0 = ref w[i];
        f[0] = FeatureKey.Of(60, t1);
        f[1] = FeatureKey.Of(61, t2);
        f[2] = FeatureKey.Of(62, t1, t2);
        f[3] = FeatureKey.Of(63, t1, w0.Lower);
        f[4] = FeatureKey.Of(64, t1, w0.Suf3);
        f[5] = FeatureKey.Of(65, t1, w0.Ambiguity);
        f[6] = FeatureKey.Of(66, r1);
        f[7] = FeatureKey.Of(67, r2);
        f[8] = FeatureKey.Of(68, r1, r2);
        f[9] = FeatureKey.Of(69, t1, r1);
        f[10] = FeatureKey.Of(70, r1, w0.Lower);
        f[11] = FeatureKey.Of(71, r1, w0.Suf3);
        f[12] = FeatureKey.Of(72, r1, w0.Ambiguity);
        f[13] = FeatureKey.Of(73, (ulong)(uint)right[i], w0.Ambiguity);
    }
}
