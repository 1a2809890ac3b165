using System.IO.Compression;
using System.Reflection;
using System.Text;
using Entente.Nlp.Conllu;

namespace Entente.Nlp.Lemmatization;

/// <summary>
/// English lemmatiser following UD English EWT conventions: an exception lexicon learned from a
/// treebank (form and XPOS → most frequent lemma) in front of inflection rules (plural -s/-es/-ies,
/// -ed/-ing with consonant doubling and e-restoration, comparatives and superlatives, irregular
/// forms). Rules choose between candidate stems with a vocabulary of known lemmas. Immutable and
/// thread-safe.
/// </summary>
/// <remarks>
/// The lexicon and vocabulary of <see cref="Default"/> are derived from UD English EWT
/// (CC BY-SA 4.0, Universal Dependencies contributors); the model file is shared under the same licence.
/// </remarks>
public sealed class Lemmatizer
{
    private const uint Magic = 0x4D4C4E45; // "ENLM"
    private const int Version = 1;

    private static readonly Lazy<Lemmatizer> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, string> _exact;   // "form\txpos" → lemma
    private readonly Dictionary<string, string> _lower;   // "lowercase form\txpos" → lemma
    private readonly HashSet<string> _vocabulary;         // lowercase lemmas seen in training
    private readonly HashSet<string> _verbs;              // lowercase lemmas of verb forms (XPOS VB*) in the lexicon
    private readonly HashSet<string> _adjectives;         // lowercase lemmas of adjective forms (XPOS JJ*) in the lexicon
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lowerLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _vocabularyLookup;

    internal Lemmatizer(Dictionary<string, string> exact, Dictionary<string, string> lower, HashSet<string> vocabulary)
    {
        _exact = exact;
        _lower = lower;
        _vocabulary = vocabulary;
        _verbs = new HashSet<string>(StringComparer.Ordinal);
        _adjectives = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, lemma) in lower)
        {
            int tab = key.IndexOf('\t', StringComparison.Ordinal);
            var tag = tab >= 0 ? key.AsSpan(tab + 1) : [];
            if (tag.StartsWith("VB", StringComparison.Ordinal))
            {
                _verbs.Add(lemma.ToLowerInvariant());
            }
            else if (tag.StartsWith("JJ", StringComparison.Ordinal))
            {
                _adjectives.Add(lemma.ToLowerInvariant());
            }
        }

        _exactLookup = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _lowerLookup = lower.GetAlternateLookup<ReadOnlySpan<char>>();
        _vocabularyLookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lemmatiser learned from UD English EWT train, embedded in the assembly; loaded on first use.</summary>
    public static Lemmatizer Default => LazyDefault.Value;

    internal int LexiconSize => _exact.Count + _lower.Count;

    /// <summary>The lemma of <paramref name="form"/> tagged <paramref name="upos"/> / <paramref name="xpos"/>.</summary>
    public string Lemmatize(string form, string upos, string xpos)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(upos);
        ArgumentNullException.ThrowIfNull(xpos);
        if (form.Length == 0)
        {
            return form;
        }

        if (form.Length <= 64 && xpos.Length <= 16)
        {
            Span<char> key = stackalloc char[form.Length + 1 + xpos.Length];
            form.AsSpan().CopyTo(key);
            key[form.Length] = '\t';
            xpos.AsSpan().CopyTo(key[(form.Length + 1)..]);
            if (_exactLookup.TryGetValue(key, out var lemma))
            {
                return lemma;
            }

            if (upos != "PROPN")
            {
                form.AsSpan().ToLowerInvariant(key[..form.Length]);
                if (_lowerLookup.TryGetValue(key, out lemma))
                {
                    return lemma;
                }
            }
        }

        return Rules(form, upos, xpos);
    }

    /// <summary>The inflection rules alone, without the lexicon.</summary>
    internal string Rules(string form, string upos, string xpos)
    {
        if (upos == "PROPN" || xpos is "NNP" or "NNPS")
        {
            // EWT keeps the case of proper nouns, lowercase ones included ("kerala" mostly stays "kerala").
            return xpos == "NNPS" && IsAllLetters(form) ? Plural(form) : form;
        }

        bool keepCase = (upos == "ADJ" && char.IsUpper(form[0]) && !IsAllUpper(form)) || upos is "SYM" or "PUNCT" or "NUM";
        var w = keepCase ? form : form.ToLowerInvariant();
        if (form.Length > 40 || !IsAllLetters(w))
        {
            return w;
        }

        return xpos switch
        {
            "NNS" => Plural(w),
            "VBZ" => Irregular(w, ThirdPerson) ?? Plural(w),
            "VBD" or "VBN" => Irregular(w, PastForms) ?? Past(w),
            "VBG" => Irregular(w, GerundForms) ?? Gerund(w),
            "JJR" or "RBR" => Irregular(w, Comparatives) ?? Graded(w, "er"),
            "JJS" or "RBS" => Irregular(w, Comparatives) ?? Graded(w, "est"),
            "VBP" or "VB" when w is "am" or "are" or "'m" or "'re" or "be" => "be",
            "PRP" => Irregular(w, Pronouns) ?? w,
            _ => w,
        };
    }

    private string Plural(string w)
    {
        int n = w.Length;
        if (Irregular(w.ToLowerInvariant(), Plurals) is { } irregular)
        {
            return char.IsUpper(w[0]) && irregular.Length > 0 ? char.ToUpperInvariant(irregular[0]) + irregular[1..] : irregular;
        }

        if (n > 3 && w.EndsWith("men", StringComparison.OrdinalIgnoreCase))
        {
            return w[..^3] + (char.IsUpper(w[^2]) ? "MAN" : "man");
        }

        if (n < 3 || !w.EndsWith('s') && !w.EndsWith('S'))
        {
            return w;
        }

        var lower = w.ToLowerInvariant();
        if (lower.EndsWith("ss", StringComparison.Ordinal) || lower.EndsWith("us", StringComparison.Ordinal) || lower.EndsWith("is", StringComparison.Ordinal))
        {
            return w;
        }

        if (lower.EndsWith("ies", StringComparison.Ordinal) && n > 4)
        {
            var y = w[..^3] + "y";
            return Known(w[..^1]) && !Known(y) ? w[..^1] : y;
        }

        if (lower.EndsWith("es", StringComparison.Ordinal))
        {
            var stripS = w[..^1];
            var stripEs = w[..^2];
            if (Known(stripS))
            {
                return stripS;
            }

            if (Known(stripEs))
            {
                return stripEs;
            }

            bool sibilant = lower.EndsWith("sses", StringComparison.Ordinal) || lower.EndsWith("xes", StringComparison.Ordinal)
                || lower.EndsWith("ches", StringComparison.Ordinal) || lower.EndsWith("shes", StringComparison.Ordinal)
                || lower.EndsWith("zzes", StringComparison.Ordinal) || lower.EndsWith("oes", StringComparison.Ordinal);
            return sibilant ? stripEs : stripS;
        }

        return w[..^1];
    }

    private string Past(string w)
    {
        int n = w.Length;
        if (n < 4 || !w.EndsWith("ed", StringComparison.Ordinal))
        {
            return w;
        }

        if (w.EndsWith("ied", StringComparison.Ordinal) && n > 4)
        {
            return w[..^3] + "y";
        }

        return Stem(w[..^2], w[..^1], verb: true);
    }

    private string Gerund(string w)
    {
        int n = w.Length;
        if (n < 5 || !w.EndsWith("ing", StringComparison.Ordinal))
        {
            return w;
        }

        var stem = w[..^3];
        if (stem.EndsWith('y') && n == 5)
        {
            return stem; // "dying" is irregular; "lying" too; short stems are rare
        }

        return Stem(stem, stem + "e", verb: true);
    }

    private string Graded(string w, string suffix)
    {
        if (w.Length < suffix.Length + 3 || !w.EndsWith(suffix, StringComparison.Ordinal))
        {
            return w;
        }

        var stem = w[..^suffix.Length];
        if (stem.EndsWith('i'))
        {
            return stem[..^1] + "y";
        }

        return Stem(stem, stem + "e");
    }

    /// <summary>
    /// Picks the base of an -ed/-ing/-er form: <paramref name="stem"/> ("walk"), the stem with e
    /// restored (<paramref name="withE"/>: "create"), or the stem with a doubled final consonant
    /// undone ("stopp" → "stop"). Known lemmas win (for a verb form, lemmas known as verbs first, and
    /// never an -ere lemma known only as an adjective: "severed" is "sever", not "severe"); otherwise English
    /// spelling habits decide.
    /// </summary>
    private string Stem(string stem, string withE, bool verb = false)
    {
        bool doubled = stem.Length >= 3 && stem[^1] == stem[^2] && IsConsonant(stem[^1]) && stem[^1] is not ('l' or 's' or 'z' or 'f');

        // "expelled", "patrolled", "cancelled": a final -ll after a single vowel (not a) of a word of two or more
        // syllables is a doubled l ("expel"); one-syllable words ("shell", "kill") and -all ("forestall") keep it.
        bool doubledL = stem.Length >= 5 && stem[^1] == 'l' && stem[^2] == 'l' && stem[^3] is 'e' or 'i' or 'o' or 'u'
            && !IsVowel(stem[^4]) && VowelGroups(stem[..^1]) >= 2;
        var undoubled = doubled || doubledL ? stem[..^1] : null;
        if (verb)
        {
            if (KnownVerb(stem))
            {
                return stem;
            }

            if (KnownVerb(withE))
            {
                return withE;
            }

            if (undoubled is not null && KnownVerb(undoubled))
            {
                return undoubled;
            }
        }

        if (Known(stem) && !(verb && doubledL))
        {
            return stem;
        }

        if (Known(withE) && !(verb && stem.EndsWith("er", StringComparison.Ordinal) && KnownAdjectiveOnly(withE)))
        {
            return withE;
        }

        if (undoubled is not null && Known(undoubled))
        {
            return undoubled;
        }

        if (doubled || (verb && doubledL))
        {
            return undoubled!;
        }

        // No evidence: restore e after consonant + vowel + consonant ("hoped") or after c/g/v/z/u, "-at", "-iz", "-bl".
        int n = stem.Length;
        if (n >= 2)
        {
            char last = stem[^1], prev = stem[^2];
            if (last is 'v' or 'z' || (last is 'c' or 'g' && prev != last && IsVowelOrR(prev)) || last == 'u')
            {
                return withE;
            }

            if ((prev == 'a' && last == 't') || (prev == 'i' && last is 'z' or 's') || (n >= 3 && stem[^3] == 'a' && prev == 'u' && last == 's') || (last == 'l' && prev is 'b' or 'p' or 'k' or 'd' or 'g' or 't' or 'z'))
            {
                return withE;
            }

            if (n >= 3 && IsConsonant(last) && last is not ('w' or 'x' or 'y') && IsVowel(prev) && IsConsonant(stem[^3]) && n <= 4)
            {
                return withE;
            }

            // "acceded", "blockaded", "rebuked", "censured", "retired", "declared": a single vowel before a final d or k,
            // or a, i or u before a final r, takes a silent e ("accede", "blockade", "rebuke", "censure"); vowel pairs do
            // not ("loaded", "needed", "soaked", "poured"), nor "-er" and "-or" ("offered", "monitored").
            if (verb && n >= 4 && IsConsonant(stem[^3]) && ((last is 'd' or 'k' && IsVowel(prev)) || (last == 'r' && prev is 'a' or 'i' or 'u')))
            {
                return withE;
            }

            // "cleansed", "reversed", "collapsed": -nse, -rse and -pse verbs (no English verb ends in -ns, -rs or -ps).
            if (verb && n >= 4 && last == 's' && prev is 'n' or 'r' or 'p')
            {
                return withE;
            }
        }

        return stem;
    }

    private static int VowelGroups(string w)
    {
        int groups = 0;
        bool inVowel = false;
        foreach (var c in w)
        {
            bool v = IsVowel(c) || c == 'y';
            if (v && !inVowel)
            {
                groups++;
            }

            inVowel = v;
        }

        return groups;
    }

    private bool KnownVerb(string w) => _verbs.Contains(w.ToLowerInvariant());

    private bool KnownAdjectiveOnly(string w)
    {
        var lower = w.ToLowerInvariant();
        return _adjectives.Contains(lower) && !_verbs.Contains(lower);
    }

    private bool Known(string w) => _vocabularyLookup.Contains(w.ToLowerInvariant().AsSpan());

    private static string? Irregular(string w, IReadOnlyDictionary<string, string> table) => table.GetValueOrDefault(w);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool IsVowelOrR(char c) => IsVowel(c) || c == 'r' || c == 'n';

    private static bool IsConsonant(char c) => c is >= 'a' and <= 'z' && !IsVowel(c);

    private static bool IsAllUpper(string s)
    {
        foreach (var c in s)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllLetters(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsLetter(c) && c != '-' && c != '\'')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Learns the lexicon and vocabulary from a treebank's gold lemmas.</summary>
    public static Lemmatizer Train(IReadOnlyList<ConlluSentence> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        var exact = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var lower = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in train)
        {
            foreach (var w in s.Words)
            {
                if (w.Lemma is "_" or "" || w.Form.Length > 64)
                {
                    continue;
                }

                Count(exact, w.Form + "\t" + w.Xpos, w.Lemma);
                if (w.Upos != "PROPN")
                {
                    Count(lower, w.Form.ToLowerInvariant() + "\t" + w.Xpos, w.Lemma);
                }

                vocabulary.Add(w.Lemma.ToLowerInvariant());
            }
        }

        return new Lemmatizer(MostFrequent(exact), MostFrequent(lower), vocabulary);
    }

    private static void Count(Dictionary<string, Dictionary<string, int>> counts, string key, string lemma)
    {
        if (!counts.TryGetValue(key, out var c))
        {
            c = new Dictionary<string, int>(StringComparer.Ordinal);
            counts.Add(key, c);
        }

        c[lemma] = c.GetValueOrDefault(lemma) + 1;
    }

    private static Dictionary<string, string> MostFrequent(Dictionary<string, Dictionary<string, int>> counts)
    {
        var result = new Dictionary<string, string>(counts.Count, StringComparer.Ordinal);
        foreach (var (key, c) in counts)
        {
            // Ties go to the ordinally smaller lemma, so that the result is deterministic.
            result.Add(key, c.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key);
        }

        return result;
    }

    /// <summary>Writes the lexicon, Brotli-compressed. Same lexicon, same bytes.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        WriteMap(w, _exact);
        WriteMap(w, _lower);
        var vocab = _vocabulary.ToArray();
        Array.Sort(vocab, StringComparer.Ordinal);
        w.Write(vocab.Length);
        foreach (var v in vocab)
        {
            w.Write(v);
        }
    }

    /// <summary>Reads a lemmatiser written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> naming <paramref name="name"/>.</summary>
    public static Lemmatizer Load(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var r = new BinaryReader(brotli, Encoding.UTF8, leaveOpen: true);
            if (r.ReadUInt32() != Magic)
            {
                throw new InvalidDataException($"{name}: not an Entente lemmatiser model");
            }

            int version = r.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"{name}: unsupported lemmatiser model version {version}");
            }

            var exact = ReadMap(r, name);
            var lower = ReadMap(r, name);
            int nv = ReadCount(r, name);
            var vocab = new HashSet<string>(nv, StringComparer.Ordinal);
            for (int i = 0; i < nv; i++)
            {
                vocab.Add(r.ReadString());
            }

            return new Lemmatizer(exact, lower, vocab);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{name}: lemmatiser model is truncated", e);
        }
        catch (IOException e)
        {
            throw new InvalidDataException($"{name}: lemmatiser model is corrupt ({e.Message})", e);
        }
        catch (InvalidOperationException e)
        {
            // BrotliStream reports undecodable input this way.
            throw new InvalidDataException($"{name}: model file is corrupt ({e.Message})", e);
        }
    }

    private static void WriteMap(BinaryWriter w, Dictionary<string, string> map)
    {
        var keys = map.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        w.Write(keys.Length);
        foreach (var k in keys)
        {
            w.Write(k);
            w.Write(map[k]);
        }
    }

    private static Dictionary<string, string> ReadMap(BinaryReader r, string name)
    {
        int n = ReadCount(r, name);
        var map = new Dictionary<string, string>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var k = r.ReadString();
            if (!map.TryAdd(k, r.ReadString()))
            {
                throw new InvalidDataException($"{name}: lexicon lists '{k}' twice");
            }
        }

        return map;
    }

    private static int ReadCount(BinaryReader r, string name)
    {
        int n = r.ReadInt32();
        return n is < 0 or > 10_000_000 ? throw new InvalidDataException($"{name}: bad entry count {n}") : n;
    }

    private static Lemmatizer LoadDefault()
    {
        const string resource = "Entente.Models.lemmas.bin";
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded model {resource} is missing from {typeof(Lemmatizer).Assembly.GetName().Name}");
        return Load(s, "lemmas.bin");
    }

    private static readonly Dictionary<string, string> Plurals = new(StringComparer.Ordinal)
    {
        ["children"] = "child", ["people"] = "people", ["feet"] = "foot", ["teeth"] = "tooth", ["geese"] = "goose",
        ["mice"] = "mouse", ["lice"] = "louse", ["oxen"] = "ox", ["criteria"] = "criterion", ["phenomena"] = "phenomenon",
        ["data"] = "data", ["media"] = "media", ["analyses"] = "analysis", ["crises"] = "crisis", ["theses"] = "thesis",
        ["bases"] = "base", ["wives"] = "wife", ["lives"] = "life", ["knives"] = "knife", ["leaves"] = "leaf",
        ["halves"] = "half", ["shelves"] = "shelf", ["wolves"] = "wolf", ["thieves"] = "thief", ["selves"] = "self",
        ["series"] = "series", ["species"] = "species", ["news"] = "news", ["politics"] = "politics", ["economics"] = "economics",
        ["alumni"] = "alumnus", ["cacti"] = "cactus", ["indices"] = "index", ["matrices"] = "matrix", ["appendices"] = "appendix",
    };

    private static readonly Dictionary<string, string> ThirdPerson = new(StringComparer.Ordinal)
    {
        ["is"] = "be", ["'s"] = "be", ["has"] = "have", ["does"] = "do", ["goes"] = "go",
    };

    private static readonly Dictionary<string, string> PastForms = new(StringComparer.Ordinal)
    {
        ["was"] = "be", ["were"] = "be", ["been"] = "be", ["had"] = "have", ["'d"] = "have", ["did"] = "do", ["done"] = "do",
        ["went"] = "go", ["gone"] = "go", ["said"] = "say", ["made"] = "make", ["took"] = "take", ["taken"] = "take",
        ["came"] = "come", ["saw"] = "see", ["seen"] = "see", ["knew"] = "know", ["known"] = "know", ["got"] = "get",
        ["gotten"] = "get", ["gave"] = "give", ["given"] = "give", ["found"] = "find", ["thought"] = "think", ["told"] = "tell",
        ["became"] = "become", ["left"] = "leave", ["felt"] = "feel", ["brought"] = "bring", ["began"] = "begin", ["begun"] = "begin",
        ["kept"] = "keep", ["held"] = "hold", ["wrote"] = "write", ["written"] = "write", ["stood"] = "stand", ["heard"] = "hear",
        ["meant"] = "mean", ["met"] = "meet", ["ran"] = "run", ["paid"] = "pay", ["sat"] = "sit", ["spoke"] = "speak",
        ["spoken"] = "speak", ["led"] = "lead", ["grew"] = "grow", ["grown"] = "grow", ["lost"] = "lose", ["fell"] = "fall",
        ["fallen"] = "fall", ["sent"] = "send", ["built"] = "build", ["understood"] = "understand", ["drew"] = "draw",
        ["drawn"] = "draw", ["broke"] = "break", ["broken"] = "break", ["spent"] = "spend", ["rose"] = "rise", ["risen"] = "rise",
        ["drove"] = "drive", ["driven"] = "drive", ["bought"] = "buy", ["wore"] = "wear", ["worn"] = "wear", ["chose"] = "choose",
        ["chosen"] = "choose", ["sought"] = "seek", ["threw"] = "throw", ["thrown"] = "throw", ["caught"] = "catch",
        ["dealt"] = "deal", ["won"] = "win", ["fought"] = "fight", ["fled"] = "flee", ["struck"] = "strike", ["sold"] = "sell",
        ["taught"] = "teach", ["ate"] = "eat", ["eaten"] = "eat", ["flew"] = "fly", ["flown"] = "fly", ["forgot"] = "forget",
        ["forgotten"] = "forget", ["hid"] = "hide", ["hidden"] = "hide", ["laid"] = "lay", ["lay"] = "lie", ["lain"] = "lie",
        ["shot"] = "shoot", ["slept"] = "sleep", ["stole"] = "steal", ["stolen"] = "steal", ["swore"] = "swear", ["sworn"] = "swear",
        ["woke"] = "wake", ["woken"] = "wake", ["withdrew"] = "withdraw", ["withdrawn"] = "withdraw", ["undertook"] = "undertake",
        ["undertaken"] = "undertake", ["overtook"] = "overtake", ["overthrew"] = "overthrow", ["overthrown"] = "overthrow",
        ["arose"] = "arise", ["arisen"] = "arise", ["bore"] = "bear", ["borne"] = "bear", ["born"] = "bear", ["bound"] = "bind",
        ["fed"] = "feed", ["bled"] = "bleed", ["froze"] = "freeze", ["frozen"] = "freeze", ["shook"] = "shake", ["shaken"] = "shake",
        ["sank"] = "sink", ["sunk"] = "sink", ["sang"] = "sing", ["sung"] = "sing", ["swam"] = "swim", ["swum"] = "swim",
        ["rang"] = "ring", ["rung"] = "ring", ["drank"] = "drink", ["drunk"] = "drink", ["forbade"] = "forbid",
        ["forbidden"] = "forbid", ["forgave"] = "forgive", ["forgiven"] = "forgive", ["mistook"] = "mistake", ["mistaken"] = "mistake",
        ["lent"] = "lend", ["bent"] = "bend", ["lit"] = "light", ["slid"] = "slide", ["strove"] = "strive", ["striven"] = "strive",
        ["tore"] = "tear", ["torn"] = "tear", ["wove"] = "weave", ["woven"] = "weave", ["wound"] = "wind", ["ground"] = "grind",
        ["dug"] = "dig", ["hung"] = "hang", ["stuck"] = "stick", ["swung"] = "swing", ["spun"] = "spin", ["clung"] = "cling",
        ["crept"] = "creep", ["swept"] = "sweep", ["wept"] = "weep", ["leapt"] = "leap", ["knelt"] = "kneel", ["dreamt"] = "dream",
        ["learnt"] = "learn", ["burnt"] = "burn", ["spelt"] = "spell", ["smelt"] = "smell", ["spilt"] = "spill", ["sped"] = "speed",
        ["upheld"] = "uphold", ["withheld"] = "withhold", ["foresaw"] = "foresee", ["foreseen"] = "foresee", ["oversaw"] = "oversee",
        ["overseen"] = "oversee", ["rode"] = "ride", ["ridden"] = "ride", ["shone"] = "shine", ["bit"] = "bite", ["bitten"] = "bite",
    };

    private static readonly Dictionary<string, string> GerundForms = new(StringComparer.Ordinal)
    {
        ["being"] = "be", ["having"] = "have", ["doing"] = "do", ["going"] = "go", ["dying"] = "die", ["lying"] = "lie",
        ["tying"] = "tie", ["seeing"] = "see", ["fleeing"] = "flee", ["agreeing"] = "agree", ["guaranteeing"] = "guarantee",
    };

    private static readonly Dictionary<string, string> Comparatives = new(StringComparer.Ordinal)
    {
        ["better"] = "good", ["best"] = "good", ["worse"] = "bad", ["worst"] = "bad", ["more"] = "more", ["most"] = "most",
        ["less"] = "less", ["least"] = "least", ["further"] = "far", ["furthest"] = "far", ["farther"] = "far", ["farthest"] = "far",
        ["elder"] = "old", ["eldest"] = "old",
    };

    private static readonly Dictionary<string, string> Pronouns = new(StringComparer.Ordinal)
    {
        ["me"] = "I", ["i"] = "I", ["him"] = "he", ["her"] = "she", ["us"] = "we", ["them"] = "they", ["myself"] = "myself",
    };
}
