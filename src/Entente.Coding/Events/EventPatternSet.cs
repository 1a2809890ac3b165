using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Entente.Core;
using Entente.Core.Ontology;

namespace Entente.Coding.Events;

/// <summary>
/// The event-pattern dictionary: predicates with their argument frames and object classes, mapped to CAMEO codes.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The sources are <c>data/events/patterns.jsonl</c> and <c>data/events/classes.tsv</c> (see docs/patterns.md),
/// embedded into this assembly; <see cref="Default"/> loads them on first use, checked against
/// <see cref="CameoOntology.Default"/>. <see cref="Load"/> reads other sources and throws
/// <see cref="DataFileException"/> naming the file and line of the first malformed line
/// (<c>patterns.jsonl:412: unknown CAMEO code 0999</c>).
/// </remarks>
public sealed partial class EventPatternSet
{
    /// <summary>
    /// The prepositions a pattern's target may name, besides <c>obj</c> and <c>iobj</c>. "between" (mediate between X
    /// and Y) and "near" (mass troops near X) are ours, beyond the usual argument prepositions.
    /// </summary>
    public static readonly FrozenSet<string> Prepositions = new[]
    {
        "to", "with", "on", "against", "from", "for", "into", "at", "over", "in", "toward", "towards", "of", "about", "upon", "onto",
        "between", "near",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Keys = new[]
    {
        "id", "lemma", "pos", "particle", "object", "target", "symmetric", "code", "example", "expect",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly Lazy<EventPatternSet> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<(PredicateKind Kind, string Lemma), ImmutableArray<EventPattern>> byLemma;

    private EventPatternSet(ImmutableArray<EventPattern> patterns, FrozenDictionary<string, ImmutableArray<string>> classes)
    {
        Patterns = patterns;
        Classes = classes;
        byLemma = patterns
            .GroupBy(p => (p.Kind, p.Lemma))
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
    }

    /// <summary>The patterns compiled into Entente, loaded on first use.</summary>
    public static EventPatternSet Default => LazyDefault.Value;

    /// <summary>Every pattern, in file order.</summary>
    public ImmutableArray<EventPattern> Patterns { get; }

    /// <summary>The object classes by name (with the <c>@</c>), each with its lemmas in file order.</summary>
    public IReadOnlyDictionary<string, ImmutableArray<string>> Classes { get; }

    /// <summary>The patterns whose predicate is <paramref name="lemma"/> of kind <paramref name="kind"/>, in file order; empty when none.</summary>
    public ImmutableArray<EventPattern> ForLemma(string lemma, PredicateKind kind)
    {
        ArgumentNullException.ThrowIfNull(lemma);
        return byLemma.TryGetValue((kind, lemma), out var found) ? found : [];
    }

    /// <summary>Loads patterns and object classes in the formats of <c>data/events/</c>, checking codes against <paramref name="ontology"/>.</summary>
    /// <exception cref="DataFileException">A line is malformed; the message names the file and line.</exception>
    public static EventPatternSet Load(TextReader patterns, string patternsName, TextReader classes, string classesName, CameoOntology ontology)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(patternsName);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(classesName);
        ArgumentNullException.ThrowIfNull(ontology);

        var classMap = LoadClasses(classes, classesName);
        var list = ImmutableArray.CreateBuilder<EventPattern>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var frames = new Dictionary<string, EventPattern>(StringComparer.Ordinal);
        var lineNo = 0;
        while (patterns.ReadLine() is { } raw)
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var pattern = ParsePattern(line, patternsName, lineNo, classMap, ontology);
            if (ids.TryGetValue(pattern.Id, out var first))
            {
                throw Error(patternsName, lineNo, $"duplicate id '{pattern.Id}' (first on line {first})");
            }

            ids[pattern.Id] = lineNo;
            var frame = $"{pattern.Kind}|{pattern.Lemma}|{pattern.Particle}|{pattern.Target}|{string.Join('|', pattern.Objects.Order(StringComparer.Ordinal))}";
            if (frames.TryGetValue(frame, out var same))
            {
                throw Error(patternsName, lineNo, $"same predicate, target and objects as '{same.Id}' (line {same.Line})");
            }

            frames[frame] = pattern;
            list.Add(pattern);
        }

        return new EventPatternSet(list.ToImmutable(), classMap.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static Dictionary<string, ImmutableArray<string>> LoadClasses(TextReader reader, string name)
    {
        var map = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        var lineNo = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNo++;
            var line = raw.TrimEnd();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var c = line.Split('\t');
            if (c.Length != 2)
            {
                throw Error(name, lineNo, $"expected 2 tab-separated columns (@class, lemmas), found {c.Length}");
            }

            if (!ClassName().IsMatch(c[0]))
            {
                throw Error(name, lineNo, $"'{c[0]}' is not a class name (@ then lower-case letters, digits or '_')");
            }

            if (map.ContainsKey(c[0]))
            {
                throw Error(name, lineNo, $"class {c[0]} is defined twice");
            }

            var lemmas = new List<string>();
            foreach (var item in c[1].Split('|'))
            {
                if (item.StartsWith('@'))
                {
                    if (!map.TryGetValue(item, out var included))
                    {
                        throw Error(name, lineNo, $"unknown class {item} (a class must be defined before it is included)");
                    }

                    lemmas.AddRange(included);
                }
                else if (LemmaPhrase().IsMatch(item))
                {
                    lemmas.Add(item);
                }
                else
                {
                    throw Error(name, lineNo, $"'{item}' is not a lower-case lemma");
                }
            }

            map[c[0]] = [.. lemmas.Distinct(StringComparer.Ordinal)];
        }

        return map;
    }

    private static EventPattern ParsePattern(string line, string file, int lineNo, Dictionary<string, ImmutableArray<string>> classes, CameoOntology ontology)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw Error(file, lineNo, $"malformed JSON: {e.Message}", e);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Error(file, lineNo, "expected a JSON object");
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!Keys.Contains(property.Name))
            {
                throw Error(file, lineNo, $"unknown key '{property.Name}'");
            }
        }

        string? Text(string key, bool required)
        {
            if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return required ? throw Error(file, lineNo, $"missing {key}") : null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                throw Error(file, lineNo, $"{key} must be a string");
            }

            var s = value.GetString()!.Trim();
            return s.Length == 0 && required ? throw Error(file, lineNo, $"missing {key}") : s;
        }

        var id = Text("id", required: true)!;
        var lemma = Text("lemma", required: true)!;
        if (!Lemma().IsMatch(lemma))
        {
            throw Error(file, lineNo, $"lemma '{lemma}' is not a single lower-case word");
        }

        var kind = Text("pos", required: false) switch
        {
            null or "verb" => PredicateKind.Verb,
            "noun" => PredicateKind.Noun,
            var other => throw Error(file, lineNo, $"pos '{other}' is neither verb nor noun"),
        };

        var particle = Text("particle", required: false);
        if (particle is not null && !Lemma().IsMatch(particle))
        {
            throw Error(file, lineNo, $"particle '{particle}' is not a single lower-case word");
        }

        var objects = ImmutableArray<string>.Empty;
        if (Text("object", required: false) is { Length: > 0 } objectText)
        {
            var lemmas = new List<string>();
            foreach (var item in objectText.Split('|'))
            {
                if (item.StartsWith('@'))
                {
                    lemmas.AddRange(classes.TryGetValue(item, out var members) ? members : throw Error(file, lineNo, $"unknown class {item}"));
                }
                else if (LemmaPhrase().IsMatch(item))
                {
                    lemmas.Add(item);
                }
                else
                {
                    throw Error(file, lineNo, $"object '{item}' is neither an @class nor a lower-case lemma");
                }
            }

            objects = [.. lemmas.Distinct(StringComparer.Ordinal)];
        }

        var target = Text("target", required: false) ?? "obj";
        if (target is not ("obj" or "iobj") && !Prepositions.Contains(target))
        {
            throw Error(file, lineNo, $"bad target '{target}' (obj, iobj or one of {string.Join(", ", Prepositions.Order(StringComparer.Ordinal))})");
        }

        var symmetric = false;
        if (root.TryGetProperty("symmetric", out var sym))
        {
            symmetric = sym.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Error(file, lineNo, "symmetric must be true or false"),
            };
        }

        var code = Text("code", required: true)!;
        if (!ontology.Contains(code))
        {
            throw Error(file, lineNo, $"unknown CAMEO code {code}");
        }

        var example = Text("example", required: true)!;
        var expect = Text("expect", required: false);
        if (expect is not null && !Expect().IsMatch(expect))
        {
            throw Error(file, lineNo, $"expect '{expect}' is not SRC>TGT with actor codes (e.g. POL>UKR, IGOUNO>SYR)");
        }

        return new EventPattern(id, lineNo, lemma, kind, particle, objects, target, symmetric, code, example, expect);
    }

    private static DataFileException Error(string file, int line, string reason, Exception? inner = null) =>
        new(DiagnosticCodes.MalformedEventPattern, file, line, reason, inner);

    private static EventPatternSet LoadEmbedded()
    {
        var assembly = typeof(EventPatternSet).Assembly;
        using var patterns = Open(assembly, "patterns.jsonl");
        using var classes = Open(assembly, "classes.tsv");
        return Load(patterns, "patterns.jsonl", classes, "classes.tsv", CameoOntology.Default);
    }

    private static StreamReader Open(Assembly assembly, string file)
    {
        var stream = assembly.GetManifestResourceStream("Entente.Events." + file)
            ?? throw new InvalidOperationException($"the embedded resource Entente.Events.{file} is missing from {assembly.GetName().Name}");
        return new StreamReader(stream);
    }

    [GeneratedRegex("^@[a-z][a-z0-9_]*$")]
    private static partial Regex ClassName();

    [GeneratedRegex(@"^\p{Ll}[\p{Ll}'-]*$")]
    private static partial Regex Lemma();

    [GeneratedRegex(@"^[\p{Ll}0-9][\p{Ll}0-9'.-]*( [\p{Ll}0-9][\p{Ll}0-9'.-]*)*$")]
    private static partial Regex LemmaPhrase();

    [GeneratedRegex("^[A-Z]{3,16}>[A-Z]{3,16}$")]
    private static partial Regex Expect();
}
