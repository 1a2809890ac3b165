using System.Runtime.CompilerServices;
using Entente.Nlp.Clustering;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Parsing;

/// <summary>Per-sentence hashes of the word attributes the features read; index 0 is the root, N+1 stands for "no token".</summary>
internal sealed class SentenceContext
{
    private static readonly ulong RootHash = FeatureKey.Hash("<ROOT>");
    private static readonly ulong NoneHash = FeatureKey.Hash("<NONE>");

    private static readonly ulong UnknownCluster = FeatureKey.Hash("<UNK-CLUSTER>");

    public SentenceContext(IReadOnlyList<string> forms, IReadOnlyList<string> upos, IReadOnlyList<string> xpos, WordClusters? clusters = null, bool leanWords = false)
    {
        LeanWords = leanWords && clusters != null;
        int n = forms.Count;
        N = n;
        Word = new ulong[n + 2];
        Tag = new ulong[n + 2];
        Upos = new ulong[n + 2];
        Suffix = new ulong[n + 2];
        Word[0] = Tag[0] = Upos[0] = Suffix[0] = RootHash;
        Word[n + 1] = Tag[n + 1] = Upos[n + 1] = Suffix[n + 1] = NoneHash;
        Span<char> buf = stackalloc char[64];
        for (int i = 0; i < n; i++)
        {
            var f = forms[i] ?? string.Empty;
            Word[i + 1] = HashNormalised(f, buf);
            int sl = Math.Min(3, f.Length);
            Suffix[i + 1] = FeatureKey.Mix(HashNormalised(f.AsSpan(f.Length - sl), buf) + 0x51);
            Tag[i + 1] = FeatureKey.Hash(xpos[i] ?? string.Empty);
            Upos[i + 1] = FeatureKey.Mix(FeatureKey.Hash(upos[i] ?? string.Empty) + 0x55);
        }

        if (clusters != null)
        {
            Fine = new ulong[n + 2];
            Coarse = new ulong[n + 2];
            Fine[0] = Coarse[0] = RootHash;
            Fine[n + 1] = Coarse[n + 1] = NoneHash;
            for (int i = 1; i <= n; i++)
            {
                if (clusters.TryGetByHash(Word[i], out int coarse, out int fine))
                {
                    Fine[i] = FeatureKey.Mix((ulong)fine + 0xC100);
                    Coarse[i] = FeatureKey.Mix((ulong)coarse + 0xC200);
                }
                else
                {
                    Fine[i] = Coarse[i] = UnknownCluster;
                }
            }
        }
    }

    /// <summary>With clusters: leave out the sparse word templates (see <see cref="ParserOptions.LeanWords"/>).</summary>
    public bool LeanWords { get; }

    /// <summary>Hashes of the words' fine clusters; null when the parser uses no clusters.</summary>
    public ulong[]? Fine { get; }

    /// <summary>Hashes of the words' coarse clusters; null when the parser uses no clusters.</summary>
    public ulong[]? Coarse { get; }

    public int N { get; }

    public ulong[] Word { get; }

    public ulong[] Tag { get; }

    public ulong[] Upos { get; }

    public ulong[] Suffix { get; }

    /// <summary>Hash of the form lower-cased with digits mapped to 0.</summary>
    private static ulong HashNormalised(ReadOnlySpan<char> s, Span<char> buf)
    {
        if (s.Length > buf.Length)
        {
            s = s[..buf.Length];
        }

        var t = buf[..s.Length];
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            t[i] = char.IsAsciiDigit(c) ? '0' : char.ToLowerInvariant(c);
        }

        return FeatureKey.Hash(t);
    }
}

/// <summary>
/// Feature templates in the style of Zhang and Nivre (2011), adapted to arc-hybrid (s0, s1, s2 on the
/// stack; b0, b1, b2 in the buffer): words, tags, pairs and triples, distance, valency, the labels and
/// tags of the outermost children and their second, and label sets.
/// </summary>
internal static class ParserFeatures
{
    public const int MaxFeatures = 128;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong L(int label) => (ulong)(label + 1);

    private static int Dist(int a, int b)
    {
        if (a < 0 || b < 0)
        {
            return 0;
        }

        int d = Math.Abs(b - a);
        return d <= 4 ? d : d <= 7 ? 5 : d <= 11 ? 6 : 7;
    }

    private static ulong Count(int c) => (ulong)Math.Min(c, 4) + 1;

    /// <summary>Writes the features of <paramref name="st"/> into <paramref name="f"/> and returns how many; <paramref name="rich"/> adds the slower extra templates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Extract(ParserState st, SentenceContext c, Span<ulong> f, bool rich)
    {
        int none = c.N + 1;
        int s0r = st.StackAt(0), s1r = st.StackAt(1), s2r = st.StackAt(2);
        int b0r = st.BufferAt(0), b1r = st.BufferAt(1), b2r = st.BufferAt(2);
        int s0 = s0r < 0 ? none : s0r, s1 = s1r < 0 ? none : s1r, s2 = s2r < 0 ? none : s2r;
        int b0 = b0r < 0 ? none : b0r, b1 = b1r < 0 ? none : b1r, b2 = b2r < 0 ? none : b2r;

        var w = c.Word;
        var t = c.Tag;
        var u = c.Upos;
        var lab = st.Label;

        int s0l1 = s0 <= c.N && st.Lc1[s0] > 0 ? st.Lc1[s0] : none;
        int s0l2 = s0 <= c.N && st.Lc2[s0] > 0 ? st.Lc2[s0] : none;
        int s0r1 = s0 <= c.N && st.Rc1[s0] > 0 ? st.Rc1[s0] : none;
        int s0r2 = s0 <= c.N && st.Rc2[s0] > 0 ? st.Rc2[s0] : none;
        int s1l1 = s1 <= c.N && st.Lc1[s1] > 0 ? st.Lc1[s1] : none;
        int s1r1 = s1 <= c.N && st.Rc1[s1] > 0 ? st.Rc1[s1] : none;
        int s1r2 = s1 <= c.N && st.Rc2[s1] > 0 ? st.Rc2[s1] : none;
        int b0l1 = b0 <= c.N && st.Lc1[b0] > 0 ? st.Lc1[b0] : none;
        int b0l2 = b0 <= c.N && st.Lc2[b0] > 0 ? st.Lc2[b0] : none;

        ulong ls0l1 = s0l1 == none ? 0 : L(lab[s0l1]);
        ulong ls0l2 = s0l2 == none ? 0 : L(lab[s0l2]);
        ulong ls0r1 = s0r1 == none ? 0 : L(lab[s0r1]);
        ulong ls0r2 = s0r2 == none ? 0 : L(lab[s0r2]);
        ulong ls1l1 = s1l1 == none ? 0 : L(lab[s1l1]);
        ulong ls1r1 = s1r1 == none ? 0 : L(lab[s1r1]);
        ulong lb0l1 = b0l1 == none ? 0 : L(lab[b0l1]);
        ulong lb0l2 = b0l2 == none ? 0 : L(lab[b0l2]);

        ulong d0 = (ulong)Dist(s0r, b0r) + 1;
        ulong d1 = (ulong)Dist(s1r, s0r) + 1;

        ulong s0w = w[s0], s0t = t[s0], s1w = w[s1], s1t = t[s1], b0w = w[b0], b0t = t[b0];
        ulong s0wt = FeatureKey.Mix(s0w ^ (s0t * 31));
        ulong s1wt = FeatureKey.Mix(s1w ^ (s1t * 31));
        ulong b0wt = FeatureKey.Mix(b0w ^ (b0t * 31));

        int vl0 = s0 <= c.N ? st.NumLeft[s0] : 0, vr0 = s0 <= c.N ? st.NumRight[s0] : 0;
        int vl1 = s1 <= c.N ? st.NumLeft[s1] : 0, vr1 = s1 <= c.N ? st.NumRight[s1] : 0;
        int vlb = b0 <= c.N ? st.NumLeft[b0] : 0;
        ulong sl0 = s0 <= c.N ? st.LeftLabels[s0] : 0, sr0 = s0 <= c.N ? st.RightLabels[s0] : 0;
        ulong slb = b0 <= c.N ? st.LeftLabels[b0] : 0;
        ulong sr1 = s1 <= c.N ? st.RightLabels[s1] : 0;

        // the words just before b0 and just after s0 in the sentence
        int b0p = b0r > 1 ? b0r - 1 : none;
        int s0n = s0r >= 1 && s0r < c.N ? s0r + 1 : none;

        int n = 0;
        bool lean = c.LeanWords;

        // unigrams
        f[n++] = FeatureKey.Of(1, s0w);
        f[n++] = FeatureKey.Of(2, s0t);
        f[n++] = FeatureKey.Of(3, s0wt);
        f[n++] = FeatureKey.Of(5, s1w);
        f[n++] = FeatureKey.Of(6, s1t);
        f[n++] = FeatureKey.Of(7, s1wt);
        f[n++] = FeatureKey.Of(8, b0w);
        f[n++] = FeatureKey.Of(9, b0t);
        f[n++] = FeatureKey.Of(10, b0wt);
        f[n++] = FeatureKey.Of(12, w[b1]);
        f[n++] = FeatureKey.Of(13, t[b1]);
        f[n++] = FeatureKey.Of(14, w[b1], t[b1]);
        f[n++] = FeatureKey.Of(16, t[b2]);
        f[n++] = FeatureKey.Of(17, t[s2]);

        // pairs
        f[n++] = FeatureKey.Of(19, s0wt, b0wt);
        f[n++] = FeatureKey.Of(20, s0wt, b0w);
        f[n++] = FeatureKey.Of(21, s0w, b0wt);
        f[n++] = FeatureKey.Of(22, s0wt, b0t);
        f[n++] = FeatureKey.Of(23, s0t, b0wt);
        f[n++] = FeatureKey.Of(24, s0w, b0w);
        f[n++] = FeatureKey.Of(25, s0t, b0t);
        f[n++] = FeatureKey.Of(26, s1wt, s0wt);
        f[n++] = FeatureKey.Of(27, s1w, s0w);
        f[n++] = FeatureKey.Of(28, s1t, s0t);
        f[n++] = FeatureKey.Of(29, s1wt, s0t);
        f[n++] = FeatureKey.Of(30, s1t, s0wt);
        f[n++] = FeatureKey.Of(31, b0t, t[b1]);

        // triples of tags
        f[n++] = FeatureKey.Of(33, b0t, t[b1], t[b2]);
        f[n++] = FeatureKey.Of(34, s0t, b0t, t[b1]);
        f[n++] = FeatureKey.Of(35, s1t, s0t, b0t);
        f[n++] = FeatureKey.Of(36, t[s2], s1t, s0t);
        f[n++] = FeatureKey.Of(37, s0t, t[s0l1], b0t);
        f[n++] = FeatureKey.Of(38, s0t, t[s0r1], b0t);
        f[n++] = FeatureKey.Of(39, s0t, b0t, t[b0l1]);
        f[n++] = FeatureKey.Of(40, s1t, t[s1r1], s0t);
        f[n++] = FeatureKey.Of(41, s1t, s0t, t[s0l1]);
        f[n++] = FeatureKey.Of(42, s1t, t[s1l1], s0t);

        // distance
        f[n++] = FeatureKey.Of(43, s0w, d0);
        f[n++] = FeatureKey.Of(44, s0t, d0);
        f[n++] = FeatureKey.Of(45, b0w, d0);
        f[n++] = FeatureKey.Of(46, b0t, d0);
        f[n++] = FeatureKey.Of(47, s0t, b0t, d0);
        f[n++] = FeatureKey.Of(48, s0w, b0w, d0);
        f[n++] = FeatureKey.Of(49, s1t, s0t, d1);
        f[n++] = FeatureKey.Of(50, s1w, s0w, d1);

        // valency
        f[n++] = FeatureKey.Of(52, s0w, Count(vl0));
        f[n++] = FeatureKey.Of(53, s0t, Count(vl0));
        f[n++] = FeatureKey.Of(54, s0w, Count(vr0));
        f[n++] = FeatureKey.Of(55, s0t, Count(vr0));
        f[n++] = FeatureKey.Of(56, b0w, Count(vlb));
        f[n++] = FeatureKey.Of(57, b0t, Count(vlb));
        f[n++] = FeatureKey.Of(58, s1t, Count(vl1));
        f[n++] = FeatureKey.Of(59, s1t, Count(vr1));

        // outermost children
        f[n++] = FeatureKey.Of(61, w[s0l1]);
        f[n++] = FeatureKey.Of(62, t[s0l1]);
        f[n++] = FeatureKey.Of(63, ls0l1);
        f[n++] = FeatureKey.Of(64, w[s0r1]);
        f[n++] = FeatureKey.Of(65, t[s0r1]);
        f[n++] = FeatureKey.Of(66, ls0r1);
        f[n++] = FeatureKey.Of(67, w[b0l1]);
        f[n++] = FeatureKey.Of(68, t[b0l1]);
        f[n++] = FeatureKey.Of(69, lb0l1);
        f[n++] = FeatureKey.Of(71, t[s1r1]);
        f[n++] = FeatureKey.Of(72, ls1r1);
        f[n++] = FeatureKey.Of(74, ls1l1);

        // third order
        f[n++] = FeatureKey.Of(76, t[s0l2]);
        f[n++] = FeatureKey.Of(77, ls0l2);
        f[n++] = FeatureKey.Of(79, t[s0r2]);
        f[n++] = FeatureKey.Of(80, ls0r2);
        f[n++] = FeatureKey.Of(82, t[b0l2]);
        f[n++] = FeatureKey.Of(83, lb0l2);
        f[n++] = FeatureKey.Of(84, s0t, t[s0l1], t[s0l2]);
        f[n++] = FeatureKey.Of(85, s0t, t[s0r1], t[s0r2]);
        f[n++] = FeatureKey.Of(86, b0t, t[b0l1], t[b0l2]);
        f[n++] = FeatureKey.Of(87, s1t, t[s1r1], t[s1r2]);

        // label sets
        f[n++] = FeatureKey.Of(88, s0w, sl0);
        f[n++] = FeatureKey.Of(89, s0t, sl0);
        f[n++] = FeatureKey.Of(90, s0w, sr0);
        f[n++] = FeatureKey.Of(91, s0t, sr0);
        f[n++] = FeatureKey.Of(92, b0w, slb);
        f[n++] = FeatureKey.Of(93, b0t, slb);

        // suffixes, universal tags, neighbours in the sentence
        f[n++] = FeatureKey.Of(96, c.Suffix[s0]);
        f[n++] = FeatureKey.Of(97, c.Suffix[b0]);
        f[n++] = FeatureKey.Of(104, t[b0p], b0t);
        if (rich)
        {
            // templates that the compact set leaves out for speed; the lean set (with clusters) also drops
            // the UPOS unigrams and the words of s2, b2 and the children, which pays for the cluster templates
            if (!lean)
            {
                f[n++] = FeatureKey.Of(4, u[s0]);
            }

            if (!lean)
            {
                f[n++] = FeatureKey.Of(11, u[b0]);
            }

            if (!lean)
            {
                f[n++] = FeatureKey.Of(15, w[b2]);
            }

            if (!lean)
            {
                f[n++] = FeatureKey.Of(18, w[s2]);
            }

            f[n++] = FeatureKey.Of(32, b0w, t[b1]);
            f[n++] = FeatureKey.Of(51, s0t, d1);
            f[n++] = FeatureKey.Of(60, s1w, Count(vr1));
            if (!lean)
            {
                f[n++] = FeatureKey.Of(70, w[s1r1]);
            }

            f[n++] = FeatureKey.Of(73, t[s1l1]);
            if (!lean)
            {
                f[n++] = FeatureKey.Of(75, w[s0l2]);
            }

            if (!lean)
            {
                f[n++] = FeatureKey.Of(78, w[s0r2]);
            }

            if (!lean)
            {
                f[n++] = FeatureKey.Of(81, w[b0l2]);
            }

            f[n++] = FeatureKey.Of(94, s1t, sr1);
            f[n++] = FeatureKey.Of(98, c.Suffix[s0], b0t);
            f[n++] = FeatureKey.Of(99, s0t, c.Suffix[b0]);
            f[n++] = FeatureKey.Of(101, u[s0], u[b0]);
            f[n++] = FeatureKey.Of(102, u[s1], u[s0]);
            f[n++] = FeatureKey.Of(103, u[s0], u[b0], u[b1]);
            f[n++] = FeatureKey.Of(105, s0t, t[s0n]);
            f[n++] = FeatureKey.Of(106, s0t, t[s0n], b0t);
            f[n++] = FeatureKey.Of(107, s1t, s0t, b0t, d1);
        }

        if (c.Fine is { } cf && c.Coarse is { } cc)
        {
            // word clusters learned from unlabelled text (Koo et al. 2008 style)
            f[n++] = FeatureKey.Of(110, cf[s0]);
            f[n++] = FeatureKey.Of(111, cf[b0]);
            f[n++] = FeatureKey.Of(112, cf[s1]);
            f[n++] = FeatureKey.Of(113, cf[b1]);
            f[n++] = FeatureKey.Of(114, cc[s0], cc[b0]);
            f[n++] = FeatureKey.Of(115, cf[s0], b0t);
            f[n++] = FeatureKey.Of(116, s0t, cf[b0]);
            f[n++] = FeatureKey.Of(117, cf[s1], s0t);
            f[n++] = FeatureKey.Of(118, s1t, cf[s0]);
            f[n++] = FeatureKey.Of(119, cc[s0], cc[b0], d0);
            f[n++] = FeatureKey.Of(120, cc[s1], cc[s0], cc[b0]);
            f[n++] = FeatureKey.Of(121, cf[s0], cf[b0]);
            f[n++] = FeatureKey.Of(122, cc[s0], s0t, cc[b0], b0t);
            f[n++] = FeatureKey.Of(123, cf[b0], cc[b1]);
            f[n++] = FeatureKey.Of(124, cc[s0], cf[s0r1], ls0r1);
            f[n++] = FeatureKey.Of(125, cc[b0], cf[b0l1], lb0l1);
        }

        return n;
    }
}
