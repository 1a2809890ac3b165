using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;

namespace Entente.Core.Ontology;

/// <summary>
/// The CAMEO event ontology: every code with its name, Goldstein values, quad class and PLOVER mapping.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The sources are <c>data/cameo/cameo.tsv</c> and <c>data/cameo/plover.tsv</c> (see data/cameo/README.md),
/// embedded into this assembly; <see cref="Default"/> loads them on first use. <see cref="Load"/> reads other
/// sources and throws <see cref="DataFileException"/> naming the file and line of the first malformed line.
/// </remarks>
public sealed class CameoOntology
{
    /// <summary>The 16 PLOVER event types.</summary>
    public static readonly FrozenSet<string> PloverTypes = new[]
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }.ToFrozenSet(StringComparer.Ordinal);

    // The "express intent" code (03x) that promises a cooperative act, or the threat (13x) that announces a
    // coercive one. Looked up by the full code, then by its 3-digit base.
    private static readonly FrozenDictionary<string, string> Intents = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // 04 consult → 036 express intent to meet or negotiate; mediation → 039 express intent to mediate.
        ["04"] = "036", ["040"] = "036", ["041"] = "036", ["042"] = "036", ["043"] = "036", ["044"] = "036",
        ["045"] = "039", ["046"] = "036",

        // 05 diplomatic cooperation → 032 express intent to engage in diplomatic cooperation.
        ["05"] = "032", ["050"] = "032", ["051"] = "032", ["052"] = "032", ["053"] = "032", ["054"] = "032",
        ["055"] = "032", ["056"] = "032", ["057"] = "032",

        // 06 material cooperation → 031.
        ["06"] = "031", ["060"] = "031", ["061"] = "0311", ["062"] = "0312", ["063"] = "0313", ["064"] = "0314",

        // 07 aid → 033.
        ["07"] = "033", ["070"] = "033", ["071"] = "0331", ["072"] = "0332", ["073"] = "0333", ["074"] = "0334", ["075"] = "033",

        // 08 yield → 035 (political reform → 034).
        ["08"] = "035", ["080"] = "035", ["081"] = "0351", ["082"] = "0352",
        ["083"] = "034", ["0831"] = "0341", ["0832"] = "0342", ["0833"] = "0343", ["0834"] = "0344",
        ["084"] = "0353", ["085"] = "0354", ["086"] = "0355", ["087"] = "0356", ["0871"] = "037",

        // 16 reduce relations → 131 threaten non-force, 134/135/136 threaten to halt.
        ["16"] = "131", ["160"] = "131", ["161"] = "1313", ["162"] = "1311", ["163"] = "1312",
        ["164"] = "134", ["165"] = "135", ["166"] = "136",

        // 17 coerce → 132 administrative sanctions, 137 repression.
        ["17"] = "137", ["170"] = "137", ["172"] = "132", ["1721"] = "1321", ["1722"] = "1322", ["1723"] = "1323",
        ["1724"] = "1324", ["175"] = "137",

        // 18–20 violence → 138 threaten with military force.
        ["18"] = "1383", ["180"] = "1383", ["181"] = "1383", ["182"] = "1383", ["183"] = "1383", ["185"] = "1383", ["186"] = "1383",
        ["19"] = "138", ["190"] = "1384", ["191"] = "1381", ["192"] = "1382", ["193"] = "1384", ["194"] = "1384", ["195"] = "1384",
        ["20"] = "1385", ["200"] = "1385", ["204"] = "1385",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<CameoOntology> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, CameoCode> byCode;

    private CameoOntology(ImmutableArray<CameoCode> codes)
    {
        Codes = codes;
        byCode = codes.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);
    }

    /// <summary>The ontology compiled into Entente, loaded on first use.</summary>
    public static CameoOntology Default => LazyDefault.Value;

    /// <summary>Every code, in file order (roots before their children).</summary>
    public IReadOnlyCollection<CameoCode> Codes { get; }

    /// <summary>Loads an ontology from a code table and a PLOVER mapping in the formats of <c>data/cameo/</c>.</summary>
    /// <param name="cameo">Lines <c>code TAB root TAB name TAB goldstein_gdelt TAB goldstein_icews TAB quad_class</c>.</param>
    /// <param name="plover">Lines <c>code TAB plover TAB mode TAB context</c>.</param>
    /// <param name="cameoName">The name of the code table in messages.</param>
    /// <param name="ploverName">The name of the PLOVER mapping in messages.</param>
    /// <exception cref="DataFileException">A line is malformed; the message names the file and line.</exception>
    public static CameoOntology Load(TextReader cameo, TextReader plover, string cameoName, string ploverName)
    {
        ArgumentNullException.ThrowIfNull(cameo);
        ArgumentNullException.ThrowIfNull(plover);
        ArgumentNullException.ThrowIfNull(cameoName);
        ArgumentNullException.ThrowIfNull(ploverName);

        var rows = new List<(string Code, string Root, string Name, double Gdelt, double Icews, int Quad)>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (lineNo, line) in DataLines(cameo))
        {
            void Fail(string reason) => throw new DataFileException(DiagnosticCodes.MalformedOntology, cameoName, lineNo, reason);
            var c = line.Split('\t');
            if (c.Length != 6)
            {
                Fail($"expected 6 tab-separated columns, found {c.Length}");
            }

            var code = c[0];
            if (!IsCode(code))
            {
                Fail($"'{code}' is not a CAMEO code (2 to 4 digits)");
            }

            if (c[1] != code[..2])
            {
                Fail($"root '{c[1]}' does not match code {code}");
            }

            if (c[2].Trim().Length == 0)
            {
                Fail($"code {code} has no name");
            }

            var gdelt = Scale(c[3]) ?? throw new DataFileException(DiagnosticCodes.MalformedOntology, cameoName, lineNo, $"'{c[3]}' is not a Goldstein value (-10 to 10)");
            var icews = Scale(c[4]) ?? throw new DataFileException(DiagnosticCodes.MalformedOntology, cameoName, lineNo, $"'{c[4]}' is not a Goldstein value (-10 to 10)");
            if (!int.TryParse(c[5], NumberStyles.None, CultureInfo.InvariantCulture, out var quad) || quad is < 1 or > 4)
            {
                Fail($"'{c[5]}' is not a quad class (1 to 4)");
            }

            var rootNumber = int.Parse(code[..2], CultureInfo.InvariantCulture);
            if (rootNumber is < 1 or > 20)
            {
                Fail($"root {code[..2]} is not a CAMEO root (01 to 20)");
            }

            if (quad != QuadOfRoot(rootNumber))
            {
                Fail($"quad class {quad} of {code} does not follow the GDELT convention ({QuadOfRoot(rootNumber)} for root {code[..2]})");
            }

            if (code.Length > 2 && !known.Contains(code[..(code.Length - 1)]) && !known.Contains(code[..2]))
            {
                Fail($"code {code} comes before its parent");
            }

            if (!known.Add(code))
            {
                Fail($"code {code} is listed twice");
            }

            rows.Add((code, c[1], c[2].Trim(), gdelt, icews, quad));
        }

        var mapping = new Dictionary<string, (string Type, string? Mode, string? Context)>(StringComparer.Ordinal);
        foreach (var (lineNo, line) in DataLines(plover))
        {
            void Fail(string reason) => throw new DataFileException(DiagnosticCodes.MalformedOntology, ploverName, lineNo, reason);
            var c = line.Split('\t');
            if (c.Length != 4)
            {
                Fail($"expected 4 tab-separated columns, found {c.Length}");
            }

            if (!known.Contains(c[0]))
            {
                Fail($"unknown CAMEO code {c[0]}");
            }

            if (!PloverTypes.Contains(c[1]))
            {
                Fail($"'{c[1]}' is not a PLOVER event type");
            }

            if (!mapping.TryAdd(c[0], (c[1], NullIfEmpty(c[2]), NullIfEmpty(c[3]))))
            {
                Fail($"code {c[0]} is listed twice");
            }
        }

        if (rows.Count == 0)
        {
            throw new DataFileException(DiagnosticCodes.MalformedOntology, cameoName, 0, "no codes");
        }

        var codes = rows.Select(r =>
        {
            var m = mapping.TryGetValue(r.Code, out var own) ? own
                : mapping.TryGetValue(r.Code.Length > 3 ? r.Code[..3] : r.Code[..2], out var parent) ? parent
                : mapping.TryGetValue(r.Code[..2], out var root) ? root
                : default;
            return new CameoCode(r.Code, r.Root, r.Name, r.Gdelt, r.Icews, r.Quad, m.Type, m.Mode, m.Context);
        });
        return new CameoOntology([.. codes]);
    }

    /// <summary>Finds a code.</summary>
    public bool TryGet(string code, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out CameoCode cameoCode)
    {
        ArgumentNullException.ThrowIfNull(code);
        return byCode.TryGetValue(code, out cameoCode);
    }

    /// <summary>Returns a code.</summary>
    /// <exception cref="KeyNotFoundException">The code is not in the ontology.</exception>
    public CameoCode Get(string code) =>
        TryGet(code, out var c) ? c : throw new KeyNotFoundException($"unknown CAMEO code {code}");

    /// <summary>True when <paramref name="code"/> is in the ontology.</summary>
    public bool Contains(string code) => code is not null && byCode.ContainsKey(code);

    /// <summary>
    /// The code that announces the act <paramref name="code"/> rather than performing it: the CAMEO "express intent"
    /// code for a cooperative act (072 provide military aid → 0332 express intent to provide military aid; 061 → 0311;
    /// 042 visit → 036 express intent to meet) or the threat for a coercive one (163 sanctions → 1312; 190 → 1384).
    /// Null for codes that are themselves verbal (statements, appeals, intents, demands, threats) or have no counterpart.
    /// </summary>
    public string? IntentOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!byCode.ContainsKey(code))
        {
            return null;
        }

        return Intents.TryGetValue(code, out var intent) ? intent
            : code.Length > 3 && Intents.TryGetValue(code[..3], out var baseIntent) ? baseIntent
            : null;
    }

    private static CameoOntology LoadEmbedded()
    {
        var assembly = typeof(CameoOntology).Assembly;
        using var cameo = Open(assembly, "cameo.tsv");
        using var plover = Open(assembly, "plover.tsv");
        return Load(cameo, plover, "cameo.tsv", "plover.tsv");
    }

    private static StreamReader Open(Assembly assembly, string file)
    {
        var stream = assembly.GetManifestResourceStream("Entente.Cameo." + file)
            ?? throw new InvalidOperationException($"the embedded resource Entente.Cameo.{file} is missing from {assembly.GetName().Name}");
        return new StreamReader(stream);
    }

    private static IEnumerable<(int Line, string Text)> DataLines(TextReader reader)
    {
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            yield return (lineNo, line);
        }
    }

    private static bool IsCode(string code) => code.Length is >= 2 and <= 4 && code.All(char.IsAsciiDigit);

    private static double? Scale(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= -10 and <= 10 ? v : null;

    private static int QuadOfRoot(int root) => root switch
    {
        <= 5 => 1,
        <= 8 => 2,
        <= 13 => 3,
        _ => 4,
    };

    private static string? NullIfEmpty(string s) => s.Trim().Length == 0 ? null : s.Trim();
}
