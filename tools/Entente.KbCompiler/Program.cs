// Converts the office holders of the Phoenix actor dictionary (Phoenix.Countries.actors.txt, MIT, Open Event
// Data Alliance) into data/actors/people-phoenix.tsv:
//
//   dotnet run --project tools/Entente.KbCompiler -- <Phoenix.Countries.actors.txt> <data/actors>
//
// Kept: entries whose dated codes give a government (GOV) or military (MIL) role of a state in
// data/actors/states.tsv for a term that ends in 2000 or later. Dates: YYMMDD (years under 30 are 20YY) or
// YYYYMMDD; ">D" from D, "<D" until D, "D1-D2" a range. A term left open by Phoenix (whose data end about
// 2015) is closed on 2015-06-30: later terms come from the hand-written people.tsv, never from a guess.
// Names: the headword and its synonyms, underscores to spaces, title case; synonyms holding a title
// (PRESIDENT_PUTIN) or longer than five words are left out. A name that two people share, that names a
// state, organisation or place of the knowledge base, or a surname alone that is short or shared, is left
// out. A person whose name also appears in people.tsv takes that file's canonical name, so that terms merge.
using System.Globalization;
using System.Text;
using Entente.Coding.Actors;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Entente.KbCompiler <Phoenix.Countries.actors.txt> <data/actors directory>");
    return 2;
}

var source = args[0];
var dataDir = args[1];
var cutoff = new DateOnly(2000, 1, 1);
var phoenixEnd = new DateOnly(2015, 6, 30);
const string Capped = "..2015-06-30";

var states = new Dictionary<string, string>(StringComparer.Ordinal); // CAMEO → alpha-3
var taken = new HashSet<string>(StringComparer.Ordinal); // folded names of states, organisations and places
foreach (var line in File.ReadLines(Path.Combine(dataDir, "states.tsv")))
{
    if (line.Length == 0 || line[0] == '#')
    {
        continue;
    }

    var c = line.Split('\t');
    states[c[2]] = c[0];
    foreach (var col in new[] { c[4], c[5], c[6] })
    {
        foreach (var n in col.Split('|'))
        {
            taken.Add(KnowledgeBaseNames.Fold(n.TrimStart('~').Split('=')[0]));
        }
    }
}

foreach (var (file, col) in new[] { ("igos.tsv", 1), ("regions.tsv", 1), ("sectors.tsv", 0) })
{
    foreach (var line in File.ReadLines(Path.Combine(dataDir, file)))
    {
        if (line.Length == 0 || line[0] == '#')
        {
            continue;
        }

        foreach (var n in line.Split('\t')[col].Split('|'))
        {
            taken.Add(KnowledgeBaseNames.Fold(n.TrimStart('~')));
        }
    }
}

// canonical names of the hand-written people.tsv, by each of their folded names
var handCanonical = new Dictionary<string, string>(StringComparer.Ordinal);
foreach (var line in File.ReadLines(Path.Combine(dataDir, "people.tsv")).Concat(File.ReadLines(Path.Combine(dataDir, "groups.tsv"))))
{
    if (line.Length == 0 || line[0] == '#')
    {
        continue;
    }

    var handNames = line.Split('\t')[0].Split('|');
    foreach (var n in handNames)
    {
        if (n.Contains(' ', StringComparison.Ordinal))
        {
            handCanonical[KnowledgeBaseNames.Fold(n)] = handNames[0];
        }
        else
        {
            taken.Add(KnowledgeBaseNames.Fold(n)); // a lone surname written by hand belongs to that person only
        }
    }
}

string[] titles =
[
    "PRESIDENT", "MINISTER", "PREMIER", "AMBASSADOR", "GENERAL", "SECRETARY", "CHANCELLOR", "KING", "QUEEN", "PRINCE", "EMIR", "SHEIKH",
    "SPOKESMAN", "CHIEF", "LEADER", "COMMANDER", "ADMIRAL", "COLONEL", "MARSHAL", "GOVERNOR", "SPEAKER", "CHAIRMAN", "DR.", "MR.", "MRS.",
    "SENATOR", "DEPUTY", "FOREIGN", "DEFENSE", "DEFENCE", "PM", "GEN.", "LT.", "COL.", "MAJ.", "FORMER", "ACTING", "AYATOLLAH", "SULTAN",
];

var people = new List<(string Canonical, List<string> Names, List<string> Terms, int Line)>();
List<string>? names = null;
List<string>? terms = null;
int headLine = 0;
int lineNo = 0;

void Flush()
{
    if (names is { Count: > 0 } && terms is { Count: > 0 })
    {
        people.Add((names[0], names, terms, headLine));
    }

    names = null;
    terms = null;
}

foreach (var raw in File.ReadLines(source))
{
    lineNo++;
    var hash = raw.IndexOf('#', StringComparison.Ordinal);
    var line = (hash >= 0 ? raw[..hash] : raw).TrimEnd();
    if (line.Trim().Length == 0)
    {
        continue;
    }

    if (line[0] is ' ' or '\t' || line.TrimStart().StartsWith('['))
    {
        foreach (var code in Codes(line))
        {
            if (names is not null && Term(code) is { } term)
            {
                (terms ??= []).Add(term);
            }
        }

        continue;
    }

    if (line[0] == '+')
    {
        if (names is not null && Name(line[1..]) is { } synonym)
        {
            names.Add(synonym);
        }

        continue;
    }

    Flush();
    var head = line.Split('[')[0];
    if (line.Contains('[', StringComparison.Ordinal))
    {
        // a headword with its own code on the line is a state or a group, not a person
        names = null;
        continue;
    }

    headLine = lineNo;
    names = Name(head) is { } n ? [n] : null;
}

Flush();

// names shared by two people are left out of both
var owners = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
for (int i = 0; i < people.Count; i++)
{
    foreach (var n in people[i].Names)
    {
        var key = KnowledgeBaseNames.Fold(n);
        if (!owners.TryGetValue(key, out var set))
        {
            owners[key] = set = [];
        }

        set.Add(i);
    }
}

var output = new StringBuilder();
output.AppendLine("# Entente actor knowledge base: office holders converted from the Phoenix dictionary Phoenix.Countries.actors.txt");
output.AppendLine("# (MIT licence, Open Event Data Alliance). GENERATED by tools/Entente.KbCompiler; do not edit: add or correct people in people.tsv.");
output.AppendLine("# Columns: names	terms	source (phoenix:N is line N of Phoenix.Countries.actors.txt). Terms: CODE@FROM..TO separated by ';' (see people.tsv). Terms left open by Phoenix are closed on 2015-06-30.");
int written = 0;
var seenCanonical = new HashSet<string>(StringComparer.Ordinal);
for (int i = 0; i < people.Count; i++)
{
    var (canonical, all, personTerms, line) = people[i];
    var kept = all
        .Where(n => owners[KnowledgeBaseNames.Fold(n)].Count == 1 && !taken.Contains(KnowledgeBaseNames.Fold(n)))
        .Where(n => n.Contains(' ', StringComparison.Ordinal) ? true : n.Length >= 5 && all.Count > 1)
        .Distinct(StringComparer.Ordinal)
        .ToList();
    var hand = all.Where(n => n.Contains(' ', StringComparison.Ordinal)).Select(n => handCanonical.GetValueOrDefault(KnowledgeBaseNames.Fold(n))).FirstOrDefault(c => c is not null);
    if (hand is not null)
    {
        kept.Insert(0, hand);
        kept = kept.Distinct(StringComparer.Ordinal).ToList();
    }

    if (hand is not null)
    {
        // the hand-written file knows when a term Phoenix left open ended
        personTerms = personTerms.Where(t => !t.EndsWith(Capped, StringComparison.Ordinal)).ToList();
        if (personTerms.Count == 0)
        {
            continue;
        }
    }

    if (kept.Count == 0 || !kept[0].Contains(' ', StringComparison.Ordinal))
    {
        continue;
    }

    if (!seenCanonical.Add(kept[0]) && hand is null)
    {
        continue;
    }

    output.Append(string.Join('|', kept)).Append('\t').Append(string.Join(';', personTerms.Distinct())).Append('\t')
        .Append(CultureInfo.InvariantCulture, $"phoenix:{line}").AppendLine();
    written++;
}

var target = Path.Combine(dataDir, "people-phoenix.tsv");
File.WriteAllText(target, output.ToString());
Console.WriteLine($"{written} office holders written to {target}");
return 0;

string? Name(string raw)
{
    var words = raw.Trim().TrimEnd('_').Split('_', StringSplitOptions.RemoveEmptyEntries);
    if (words.Length is 0 or > 5 || words.Any(w => titles.Contains(w, StringComparer.Ordinal)) || words.Any(w => !w.Any(char.IsLetter)))
    {
        return null;
    }

    return string.Join(' ', words.Select(Title));
}

static string Title(string word)
{
    var lower = word.ToLowerInvariant();
    var sb = new StringBuilder(lower.Length);
    bool start = true;
    foreach (var ch in lower)
    {
        sb.Append(start && char.IsLetter(ch) ? char.ToUpperInvariant(ch) : ch);
        start = ch is '-' or '\'' or '.';
    }

    return sb.ToString();
}

static IEnumerable<string> Codes(string line)
{
    int i = 0;
    while ((i = line.IndexOf('[', i)) >= 0)
    {
        var j = line.IndexOf(']', i);
        if (j < 0)
        {
            yield break;
        }

        yield return line[(i + 1)..j].Trim();
        i = j + 1;
    }
}

string? Term(string code)
{
    var parts = code.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    var actor = parts[0];
    if (actor.Length < 6 || !states.TryGetValue(actor[..3], out _) || actor.Substring(3, 3) is not ("GOV" or "MIL"))
    {
        return null;
    }

    if (parts.Length == 1)
    {
        return null; // undated: not a term of office
    }

    var range = parts[1].Replace(" ", "", StringComparison.Ordinal);
    DateOnly? from = null, to = null;
    if (range.StartsWith('>'))
    {
        from = Date(range[1..]);
        if (from is null)
        {
            return null;
        }
    }
    else if (range.StartsWith('<'))
    {
        to = Date(range[1..]);
        if (to is null)
        {
            return null;
        }
    }
    else
    {
        var dash = range.Split('-');
        if (dash.Length != 2 || (from = Date(dash[0])) is null || (to = Date(dash[1])) is null)
        {
            return null;
        }
    }

    to ??= from > phoenixEnd ? from : phoenixEnd;
    if (to < cutoff || (from is not null && from > to))
    {
        return null;
    }

    var f = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
    return $"{actor[..6]}@{f}..{to.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}

static DateOnly? Date(string s)
{
    if (s.Length == 6 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _))
    {
        int yy = int.Parse(s[..2], CultureInfo.InvariantCulture);
        s = (yy < 30 ? "20" : "19") + s;
    }

    if (s.Length == 8 && DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
    {
        return d;
    }

    if (s.Length == 8 && s.EndsWith("0000", StringComparison.Ordinal) && int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int year))
    {
        return new DateOnly(year, 1, 1);
    }

    return null;
}
