using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Entente.Core;
using Entente.Nlp.Tokenization;

namespace Entente.Coding.Actors;

/// <summary>
/// The actor knowledge base: states, demonyms, metonyms, international organisations, office holders with
/// terms, places, sectors and cities, compiled into a trie over folded name tokens. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The sources are the tab-separated files in <c>data/actors/</c> (see docs/knowledge-base.md), embedded into
/// this assembly; <see cref="Default"/> loads them on first use. <see cref="Load"/> reads other sources and
/// throws <see cref="ActorDataException"/> listing every malformed line and every name claimed by two entries.
/// </remarks>
public sealed class ActorKnowledgeBase
{
    /// <summary>The file names of the embedded sources, in load order.</summary>
    public static readonly ImmutableArray<string> DefaultFiles =
        ["states.tsv", "igos.tsv", "regions.tsv", "sectors.tsv", "groups.tsv", "people.tsv", "people-phoenix.tsv", "cities.tsv"];

    internal static readonly FrozenSet<string> Sectors = new[]
    {
        "GOV", "MIL", "LEG", "JUD", "BUS", "MED", "COP", "SPY", "OPP", "REB", "CVL", "EDU", "LAB", "REF", "NGO", "IGO", "ELI", "HLH", "AGR", "ENV", "CRM", "REL", "SET", "UAF",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly Lazy<ActorKnowledgeBase> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private ActorKnowledgeBase(TrieNode root, ImmutableArray<StateEntry> states, KnowledgeBaseCounts counts)
    {
        Root = root;
        States = states;
        Counts = counts;
        StatesByIso3 = states.ToFrozenDictionary(s => s.Iso3, StringComparer.Ordinal);
    }

    /// <summary>The knowledge base compiled into Entente, loaded on first use.</summary>
    public static ActorKnowledgeBase Default => LazyDefault.Value;

    /// <summary>How many entries of each kind the knowledge base holds.</summary>
    public KnowledgeBaseCounts Counts { get; }

    internal TrieNode Root { get; }

    /// <summary>
    /// The states (ISO alpha-3 code, canonical name) and organisations (CAMEO code, a name) the knowledge base knows,
    /// sorted by code: what an actor code given by a user is checked against.
    /// </summary>
    public ImmutableArray<KeyValuePair<string, string>> KnownActors()
    {
        var known = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in States)
        {
            known[s.Iso3] = s.Name;
        }

        var stack = new Stack<TrieNode>([Root]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var alias in node.Aliases ?? [])
            {
                if (alias.Sense.Kind == SenseKind.Igo && alias.Sense.Code is { } code && !known.ContainsKey(code))
                {
                    known[code] = string.Join(' ', alias.Forms);
                }
            }

            foreach (var child in node.Children?.Values ?? Enumerable.Empty<TrieNode>())
            {
                stack.Push(child);
            }
        }

        return [.. known];
    }

    internal ImmutableArray<StateEntry> States { get; }

    internal FrozenDictionary<string, StateEntry> StatesByIso3 { get; }

    /// <summary>
    /// Loads a knowledge base from named sources (the file name decides the kind: <c>states*</c>, <c>igos*</c>,
    /// <c>regions*</c>, <c>sectors*</c>, <c>people*</c>, <c>groups*</c>, <c>cities*</c>). States load first whatever the order.
    /// </summary>
    /// <exception cref="ActorDataException">A line is malformed or a name belongs to two entries.</exception>
    public static ActorKnowledgeBase Load(IEnumerable<KeyValuePair<string, TextReader>> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var loader = new Loader();
        var list = sources.ToList();
        foreach (var (name, reader) in list.Where(s => Kind(s.Key) == "states"))
        {
            loader.LoadStates(name, reader);
        }

        foreach (var (name, reader) in list.Where(s => Kind(s.Key) != "states"))
        {
            switch (Kind(name))
            {
                case "igos": loader.LoadIgos(name, reader); break;
                case "regions": loader.LoadRegions(name, reader); break;
                case "sectors": loader.LoadSectors(name, reader); break;
                case "people": loader.LoadPeople(name, reader, group: false); break;
                case "groups": loader.LoadPeople(name, reader, group: true); break;
                case "cities": loader.LoadCities(name, reader); break;
                default: loader.Error(name, 0, "unknown kind of file; the name must start with states, igos, regions, sectors, people, groups or cities"); break;
            }
        }

        return loader.Build();
    }

    private static string Kind(string fileName)
    {
        var file = Path.GetFileName(fileName);
        foreach (var kind in new[] { "states", "igos", "regions", "sectors", "people", "groups", "cities" })
        {
            if (file.StartsWith(kind, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return "";
    }

    private static ActorKnowledgeBase LoadEmbedded()
    {
        var assembly = typeof(ActorKnowledgeBase).Assembly;
        var readers = new List<KeyValuePair<string, TextReader>>();
        try
        {
            foreach (var file in DefaultFiles)
            {
                var stream = assembly.GetManifestResourceStream("Entente.Actors." + file)
                    ?? throw new ActorDataException($"{file}: the embedded knowledge base file is missing");
                readers.Add(new(file, new StreamReader(stream)));
            }

            return Load(readers);
        }
        finally
        {
            foreach (var r in readers)
            {
                r.Value.Dispose();
            }
        }
    }

    private sealed class Loader
    {
        private readonly TrieNode root = new();
        private readonly List<Diagnostic> errors = [];
        private readonly List<StateEntry> states = [];
        private readonly Dictionary<string, StateEntry> byIso3 = new(StringComparer.Ordinal);
        private readonly Dictionary<string, StateEntry> byCameo = new(StringComparer.Ordinal);
        private readonly Dictionary<string, StateEntry> byIso2 = new(StringComparer.Ordinal);

        // folded name → (owner, where, deliberate ambiguity) for the actor layer
        private readonly Dictionary<string, (string Owner, string Where, bool Marked)> actorNames = new(StringComparer.Ordinal);
        private readonly HashSet<string> sectorNames = new(StringComparer.Ordinal);
        private readonly HashSet<string> cityNames = new(StringComparer.Ordinal);
        private readonly Dictionary<string, PersonBuilder> people = new(StringComparer.Ordinal);
        private int aliases, igos, regions, sectors, cities, groups, skippedCities;

        public void Error(string file, int line, string message)
            => errors.Add(new Diagnostic(DiagnosticCodes.MalformedActorData, Severity.Error, line > 0 ? $"{file}:{line}" : file, message));

        public void LoadStates(string file, TextReader reader)
        {
            foreach (var (line, cols) in Rows(file, reader, 7))
            {
                var (iso3, iso2, cameo, status) = (cols[0], cols[1], cols[2], cols[3]);
                if (!IsCode(iso3, 3) || !IsCode(iso2, 2) || !IsCode(cameo, 3))
                {
                    Error(file, line, $"bad state codes '{iso3}' '{iso2}' '{cameo}': expected ISO alpha-3, alpha-2 and a 3-letter CAMEO code");
                    continue;
                }

                if (status is not ("member" or "observer" or "other" or "historical"))
                {
                    Error(file, line, $"unknown status '{status}': expected member, observer, other or historical");
                    continue;
                }

                var names = List(cols[4]);
                if (names.Count == 0)
                {
                    Error(file, line, $"state {iso3} has no name");
                    continue;
                }

                if (byIso3.ContainsKey(iso3) || byCameo.ContainsKey(cameo))
                {
                    Error(file, line, $"state {iso3} ({cameo}) is listed twice");
                    continue;
                }

                var entry = new StateEntry(iso3, iso2, cameo, status, names[0].TrimStart('~'));
                states.Add(entry);
                byIso3[iso3] = entry;
                byCameo[cameo] = entry;
                byIso2[iso2] = entry;
                var where = $"{file}:{line}";
                foreach (var name in names)
                {
                    AddActor(name, new Sense(SenseKind.State, cameo, iso3, null, where), iso3, file, line);
                }

                foreach (var name in List(cols[5]))
                {
                    AddActor(name, new Sense(SenseKind.Demonym, cameo, iso3, null, where), iso3, file, line);
                }

                foreach (var item in List(cols[6]))
                {
                    var (name, sector) = SplitSector(item);
                    if (!Sectors.Contains(sector))
                    {
                        Error(file, line, $"unknown sector code {sector} in metonym '{item}'");
                        continue;
                    }

                    AddActor(name, new Sense(SenseKind.Metonym, cameo + sector, iso3, sector, where), iso3, file, line);
                }
            }
        }

        public void LoadIgos(string file, TextReader reader)
        {
            foreach (var (line, cols) in Rows(file, reader, 2))
            {
                var code = cols[0];
                if (!code.StartsWith("IGO", StringComparison.Ordinal) || !code.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9'))
                {
                    Error(file, line, $"bad organisation code '{code}': expected IGO followed by capital letters");
                    continue;
                }

                igos++;
                var sense = new Sense(SenseKind.Igo, code, null, null, $"{file}:{line}");
                foreach (var name in List(cols[1]))
                {
                    AddActor(name, sense, code, file, line);
                }
            }
        }

        public void LoadRegions(string file, TextReader reader)
        {
            foreach (var (line, cols) in Rows(file, reader, 2))
            {
                string? country = cols[0] == "-" ? null : cols[0];
                if (country is not null && !byIso3.ContainsKey(country))
                {
                    Error(file, line, $"unknown country code {country}");
                    continue;
                }

                foreach (var name in List(cols[1]))
                {
                    regions++;
                    AddActor(name, new Sense(SenseKind.Region, null, country, null, $"{file}:{line}"), $"{file}:{line}", file, line);
                }
            }
        }

        public void LoadSectors(string file, TextReader reader)
        {
            foreach (var (line, cols) in Rows(file, reader, 3))
            {
                var (phrase, sector, kind) = (cols[0], cols[1], cols[2]);
                if (!Sectors.Contains(sector))
                {
                    Error(file, line, $"unknown sector code {sector}");
                    continue;
                }

                if (kind is not ("person" or "organisation"))
                {
                    Error(file, line, $"unknown kind '{kind}': expected person or organisation");
                    continue;
                }

                var key = Key(phrase, true, out var cases, out var forms);
                if (key.Length == 0)
                {
                    Error(file, line, "empty phrase");
                    continue;
                }

                if (!sectorNames.Add(key))
                {
                    Error(file, line, $"sector phrase '{phrase}' is listed twice");
                    continue;
                }

                sectors++;
                var sense = new Sense(SenseKind.Sector, null, null, sector, $"{file}:{line}", SectorKind: kind == "person" ? ActorKind.Person : ActorKind.Organisation);
                Insert(key, cases, forms, sense);
            }
        }

        public void LoadPeople(string file, TextReader reader, bool group)
        {
            foreach (var (line, cols) in Rows(file, reader, 3))
            {
                var names = List(cols[0]);
                if (names.Count == 0)
                {
                    Error(file, line, "a person with no name");
                    continue;
                }

                var terms = ImmutableArray.CreateBuilder<Term>();
                bool ok = true;
                foreach (var raw in cols[1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (ParseTerm(raw, out var term, out var problem))
                    {
                        terms.Add(term);
                    }
                    else
                    {
                        Error(file, line, problem);
                        ok = false;
                    }
                }

                if (!ok)
                {
                    continue;
                }

                if (terms.Count == 0)
                {
                    Error(file, line, $"{names[0]} has no term");
                    continue;
                }

                var canonical = names[0];
                if (!people.TryGetValue(canonical, out var person))
                {
                    person = new PersonBuilder(canonical, $"{file}:{line}", group);
                    people[canonical] = person;
                }

                person.Terms.AddRange(terms);
                foreach (var name in names)
                {
                    person.Names.Add((name, file, line));
                }
            }
        }

        public void LoadCities(string file, TextReader reader)
        {
            foreach (var (line, cols) in Rows(file, reader, 3))
            {
                var (name, country) = (cols[0], cols[1]);
                if (!byIso3.ContainsKey(country))
                {
                    Error(file, line, $"unknown country code {country}");
                    continue;
                }

                if (!int.TryParse(cols[2], NumberStyles.None, CultureInfo.InvariantCulture, out int population))
                {
                    Error(file, line, $"bad population '{cols[2]}'");
                    continue;
                }

                var key = Key(name, false, out var cases, out var forms);
                if (key.Length == 0 || actorNames.ContainsKey(key) || sectorNames.Contains(key))
                {
                    skippedCities++;
                    continue; // a state, capital, organisation or region of that name wins
                }

                if (!cityNames.Add(key))
                {
                    Error(file, line, $"city '{name}' is listed twice; the converter keeps one city per name");
                    continue;
                }

                cities++;
                Insert(key, cases, forms, new Sense(SenseKind.City, null, country, null, $"{file}:{line}", Population: population));
            }
        }

        public ActorKnowledgeBase Build()
        {
            int office = 0;
            foreach (var person in people.Values)
            {
                var terms = person.Terms.Distinct().OrderBy(t => t.From ?? DateOnly.MinValue).ToImmutableArray();
                var first = terms.FirstOrDefault(t => !t.Code.StartsWith("IGO", StringComparison.Ordinal));
                string? country = first.Code is { } c && byCameo.TryGetValue(c[..3], out var st) ? st.Iso3 : null;
                var sense = new Sense(person.Group ? SenseKind.Group : SenseKind.Person, null, country, null, person.Where) { Terms = terms };
                if (person.Group)
                {
                    groups++;
                }
                else
                {
                    office++;
                }

                foreach (var (name, file, line) in person.Names)
                {
                    AddActor(name, sense, "person " + person.Canonical, file, line);
                }
            }

            if (errors.Count > 0)
            {
                throw new ActorDataException([.. errors]);
            }

            var counts = new KnowledgeBaseCounts(
                States: states.Count,
                UnMembers: states.Count(s => s.Status == "member"),
                Igos: igos,
                OfficeHolders: office,
                Regions: regions,
                Sectors: sectors,
                Cities: cities,
                Groups: groups,
                ActorAliases: aliases);
            return new ActorKnowledgeBase(root, [.. states], counts);
        }

        private bool ParseTerm(string raw, out Term term, out string problem)
        {
            term = default;
            problem = "";
            var at = raw.IndexOf('@', StringComparison.Ordinal);
            var code = at < 0 ? raw : raw[..at];
            bool igo = code.StartsWith("IGO", StringComparison.Ordinal) && code.Length > 3 && code.All(c => c is >= 'A' and <= 'Z');
            if (!igo && (code.Length < 3 || !byCameo.ContainsKey(code[..3])))
            {
                problem = $"unknown country code {(code.Length >= 3 ? code[..3] : code)} in term '{raw}'";
                return false;
            }

            for (int i = 3; !igo && i < code.Length; i += 3)
            {
                if (i + 3 > code.Length || !Sectors.Contains(code.Substring(i, 3)))
                {
                    problem = $"unknown sector code in '{code}'";
                    return false;
                }
            }

            DateOnly? from = null, to = null;
            if (at >= 0)
            {
                var range = raw[(at + 1)..];
                var dots = range.IndexOf("..", StringComparison.Ordinal);
                if (dots < 0 || !Date(range[..dots], out from) || !Date(range[(dots + 2)..], out to))
                {
                    problem = $"bad term '{raw}': expected CODE@YYYY-MM-DD..YYYY-MM-DD (either date may be empty)";
                    return false;
                }

                if (from > to)
                {
                    problem = $"term '{raw}' ends before it starts";
                    return false;
                }
            }

            term = new Term(code, from, to);
            return true;
        }

        private static bool Date(string s, out DateOnly? date)
        {
            date = null;
            if (s.Length == 0)
            {
                return true;
            }

            if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
                return true;
            }

            return false;
        }

        private void AddActor(string rawName, Sense sense, string owner, string file, int line)
        {
            bool marked = rawName.StartsWith('~');
            var name = marked ? rawName[1..] : rawName;
            var key = Key(name, false, out var cases, out var forms);
            if (key.Length == 0)
            {
                Error(file, line, "empty name");
                return;
            }

            if (marked)
            {
                sense = sense with { Rule = key };
            }

            var where = $"{file}:{line}";
            if (actorNames.TryGetValue(key, out var previous))
            {
                if (previous.Owner == owner)
                {
                    return; // the same entry names itself twice (a capital with the state's name)
                }

                if (!(marked && previous.Marked))
                {
                    errors.Add(new Diagnostic(DiagnosticCodes.DuplicateActorName, Severity.Error, where,
                        $"name '{name}' is already used by {previous.Where}; mark both with '~' if the ambiguity is deliberate and handled by a context rule"));
                    return;
                }
            }
            else
            {
                actorNames[key] = (owner, where, marked);
            }

            aliases++;
            Insert(key, cases, forms, sense);
        }

        private void Insert(string key, ImmutableArray<CaseRule> cases, ImmutableArray<string> forms, Sense sense)
        {
            var node = root;
            foreach (var part in key.Split(' '))
            {
                node = node.Child(part);
            }

            node.Aliases ??= [];
            node.Aliases.Add(new Alias(cases, forms, sense));
        }

        private static string Key(string name, bool caseInsensitive, out ImmutableArray<CaseRule> cases, out ImmutableArray<string> forms)
        {
            var tokens = Tokenizer.Default.Tokenize(name);
            forms = [.. tokens.Select(t => t.Text)];
            var rules = ImmutableArray.CreateBuilder<CaseRule>(tokens.Length);
            var parts = new string[tokens.Length];
            for (int i = 0; i < tokens.Length; i++)
            {
                parts[i] = NameFolding.Fold(tokens[i].Text);
                rules.Add(NameFolding.RuleOf(tokens[i].Text, caseInsensitive));
            }

            cases = rules.MoveToImmutable();
            return string.Join(' ', parts);
        }

        private static (string Name, string Sector) SplitSector(string item)
        {
            var eq = item.LastIndexOf('=');
            return eq < 0 ? (item, "GOV") : (item[..eq], item[(eq + 1)..]);
        }

        private static List<string> List(string column)
            => column == "-" ? [] : [.. column.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

        private static bool IsCode(string s, int length) => s.Length == length && s.All(c => c is >= 'A' and <= 'Z');

        private IEnumerable<(int Line, string[] Columns)> Rows(string file, TextReader reader, int columns)
        {
            int line = 0;
            string? text;
            while ((text = reader.ReadLine()) is not null)
            {
                line++;
                if (text.Length == 0 || text[0] == '#')
                {
                    continue;
                }

                var cols = text.Split('\t');
                if (cols.Length != columns)
                {
                    Error(file, line, $"expected {columns} tab-separated columns, found {cols.Length}");
                    continue;
                }

                if (cols.Any(c => c.Trim().Length == 0))
                {
                    Error(file, line, "an empty column (write '-' for an empty list)");
                    continue;
                }

                yield return (line, cols.Select(c => c.Trim()).ToArray());
            }
        }

        private sealed class PersonBuilder(string canonical, string where, bool group)
        {
            public bool Group { get; } = group;

            public string Canonical { get; } = canonical;

            public string Where { get; } = where;

            public List<Term> Terms { get; } = [];

            public List<(string Name, string File, int Line)> Names { get; } = [];
        }
    }
}

/// <summary>How many entries of each kind a knowledge base holds.</summary>
public sealed record KnowledgeBaseCounts(int States, int UnMembers, int Igos, int OfficeHolders, int Regions, int Sectors, int Cities, int Groups, int ActorAliases);
