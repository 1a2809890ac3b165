// Converts the Phoenix verb dictionary (CAMEO.2.0.txt, MIT, Open Event Data Alliance) into draft event patterns
// in Entente's format, as evidence for curating data/events/patterns.jsonl:
//
//   dotnet run --project tools/Entente.VerbConverter -- <CAMEO.2.0.txt> <data/events>
//
// Writes data/events/draft/phoenix-patterns.jsonl, data/events/draft/phoenix-classes.tsv and
// data/events/CORRECTIONS.md. The drafts are not loaded by Entente: they have no example sentences, and the
// Phoenix patterns were written for constituency parses and phrase matching. What is kept:
//   - every verb of a verb block, with its own code or the block's: lemma, target obj, no object constraint;
//   - patterns "- * OBJECT [code]" where OBJECT is a word, a {multi word} phrase or an &SYNSET, optionally
//     followed by "(PREP)" or "(PREP +)" naming where the target is, or "(WITH &SET)" (the theme of
//     "provide Y with X"), for the verbs named in the pattern's comment (the block's first verb when none is).
// What is dropped: patterns with words before the verb, with $ or + elsewhere, with nested phrases or more than
// one object; codes "---" and target-only codes "[:173]". Synsets become @classes. Codes the table in
// Corrections below changes are written with our code, and CORRECTIONS.md lists them with the reason.
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Entente.VerbConverter <CAMEO.2.0.txt> <data/events directory>");
    return 2;
}

var (source, outDir) = (args[0], args[1]);
var lines = File.ReadAllLines(source);

// (lemma, object as written in our draft, Phoenix code) → (our code, reason). Object "*" matches any object.
var corrections = new Dictionary<(string Lemma, string Object, string Code), (string Code, string Reason)>
{
    [("supply", "tank", "031")] = ("072", "supplying tanks delivers military aid; 031 is an intent to cooperate"),
    [("supply", "fighter-bomber", "0332")] = ("072", "supplying aircraft is the delivery (072), not an intent (0332)"),
    [("supply", "@aircraft", "0332")] = ("072", "supplying aircraft is the delivery (072), not an intent (0332)"),
    [("award", "contract", "031")] = ("061", "awarding a contract is economic cooperation (061), not an intent (031)"),
    [("award", "arms contract", "0312")] = ("062", "awarding an arms contract is military cooperation (062), not an intent (0312)"),
    [("give", "@information", "010")] = ("064", "giving information to another party is sharing information (064)"),
    [("provide", "documents", "064")] = ("064", "kept: providing documents is sharing information"),
    [("contribute", "peacekeeping", "074")] = ("074", "kept"),
    [("grant", "reform", "071")] = ("083", "granting reform accedes to demands for political reform (083), not economic aid"),
    [("give", "reception", "043")] = ("043", "kept: the source hosts (Phoenix gives 043 to the source and 042 to the target)"),
    [("lend", "support", "060")] = ("051", "lending support is endorsement (051), not material cooperation"),
    [("provide", "detail", "060")] = ("064", "providing details is sharing information (064)"),
    [("grant", "extension", "062")] = ("050", "granting an extension is not military cooperation; diplomatic cooperation (050)"),
    [("issue", "authorization", "061")] = ("081", "issuing an authorisation eases an administrative restriction (081)"),
    [("issue", "warrant", "100")] = ("173", "issuing a warrant is legal action (173), not a demand"),
    [("issue", "regulation", "100")] = ("172", "issuing a regulation imposes administrative measures (172)"),
    [("give", "back", "080")] = ("0842", "giving back is returning property (0842)"),
    [("rush", "@weapon", "194")] = ("072", "rushing weapons to a party is military aid (072), not fighting with artillery"),
};

// Synonym sets → classes.
var classes = new List<(string Name, List<string> Words)>();
var classNames = new HashSet<string>(StringComparer.Ordinal);
List<string>? current = null;
var i = 0;
for (; i < lines.Length && !lines[i].StartsWith("####### VERB PATTERNS", StringComparison.Ordinal); i++)
{
    var line = StripComment(lines[i]).Trim();
    if (line.StartsWith('&'))
    {
        var name = ClassOf(line);
        current = [];
        classes.Add((name, current));
        classNames.Add(name);
    }
    else if (line.StartsWith('+') && current is not null)
    {
        var word = Word(line[1..]);
        if (word.Length > 0 && !current.Contains(word))
        {
            current.Add(word);
        }
    }
    else if (line.Length == 0)
    {
        current = null;
    }
}

var header = new Regex(@"^---\s+(\S+)\s+\[([^\]]*)\]\s+---");
var verbLine = new Regex(@"^(\+?[A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?");
var patternLine = new Regex(@"^-\s+(.*?)\s*\[([^\]]*)\]\s*(#(.*))?$");
var prepositions = new HashSet<string>(StringComparer.Ordinal)
{
    "to", "with", "on", "against", "from", "for", "into", "at", "over", "in", "toward", "towards", "of", "about", "upon", "onto",
};

var drafts = new List<string>();
var seen = new Dictionary<string, (string Code, int Line)>(StringComparer.Ordinal);
var applied = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
var (blocks, kept, dropped, conflicts) = (0, 0, 0, 0);
var verbs = new List<(string Lemma, string? Code)>();
string? blockCode = null;
for (; i < lines.Length; i++)
{
    var raw = lines[i];
    var lineNo = i + 1;
    var h = header.Match(raw);
    if (h.Success)
    {
        blocks++;
        blockCode = Code(h.Groups[2].Value);
        verbs = [];
        continue;
    }

    var text = raw.Trim();
    if (text.Length == 0 || text.StartsWith('#'))
    {
        continue;
    }

    var p = patternLine.Match(text);
    if (text.StartsWith('-') && p.Success)
    {
        var code = Code(p.Groups[2].Value);
        var frame = Frame(p.Groups[1].Value);
        if (code is null || frame is null || verbs.Count == 0)
        {
            dropped++;
            continue;
        }

        var named = p.Groups[4].Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant()).Where(w => verbs.Any(v => v.Lemma == w)).Distinct().ToList();
        if (named.Count == 0)
        {
            named.Add(verbs[0].Lemma);
        }

        foreach (var lemma in named)
        {
            Emit(lemma, frame.Value.Object, frame.Value.Target, code, lineNo);
        }

        continue;
    }

    var v = verbLine.Match(text);
    if (v.Success && !text.StartsWith('-'))
    {
        var word = v.Groups[1].Value;
        var own = v.Groups[3].Success ? Code(v.Groups[4].Value) : blockCode;
        if (word.StartsWith('+') || word.Contains('_', StringComparison.Ordinal))
        {
            dropped++; // multiword verbs: curated by hand with a particle
            continue;
        }

        var lemma = word.ToLowerInvariant();
        verbs.Add((lemma, own));
        if (own is not null)
        {
            Emit(lemma, null, "obj", own, lineNo);
        }
    }
}

var draftDir = Path.Combine(outDir, "draft");
Directory.CreateDirectory(draftDir);
var head = "# DRAFT event patterns converted by tools/Entente.VerbConverter from the Phoenix verb dictionary CAMEO.2.0.txt\n" +
    "# (Copyright (c) 2015 Open Event Data Alliance, MIT licence). Not loaded by Entente: evidence for curating\n" +
    "# data/events/patterns.jsonl. \"source\" is the line of CAMEO.2.0.txt; codes corrected per data/events/CORRECTIONS.md.\n";
File.WriteAllText(Path.Combine(draftDir, "phoenix-patterns.jsonl"), head + string.Join('\n', drafts) + "\n");
var classText = new StringBuilder("# DRAFT object classes from the synonym sets of CAMEO.2.0.txt (Open Event Data Alliance, MIT licence).\n");
foreach (var (name, words) in classes.Where(c => c.Words.Count > 0 && !c.Name.StartsWith("@auxverb", StringComparison.Ordinal) && c.Name is not "@tobeverb" and not "@preposit1"))
{
    classText.Append(CultureInfo.InvariantCulture, $"{name}\t{string.Join('|', words)}\n");
}

File.WriteAllText(Path.Combine(draftDir, "phoenix-classes.tsv"), classText.ToString());

var md = new StringBuilder();
md.Append("# Corrections to the Phoenix verb dictionary\n\n");
md.Append("Codes of `CAMEO.2.0.txt` (Open Event Data Alliance, MIT) that `tools/Entente.VerbConverter` changes when it\n");
md.Append("writes the drafts in `data/events/draft/`. This file is generated by the converter; the table lives in its\n");
md.Append("`Program.cs`. The curated `patterns.jsonl` follows these corrections and the notes at the end.\n\n");
md.Append("| predicate | object | Phoenix | Entente | why | lines of CAMEO.2.0.txt |\n|---|---|---|---|---|---|\n");
foreach (var ((lemma, obj, from), (to, reason)) in corrections.OrderBy(c => c.Key.Lemma, StringComparer.Ordinal))
{
    var key = $"{lemma}|{obj}|{from}";
    var where = applied.TryGetValue(key, out var ls) ? string.Join(", ", ls) : "not found";
    md.Append(CultureInfo.InvariantCulture, $"| {lemma} | {obj} | {from} | {to} | {reason} | {where} |\n");
}

md.Append(CultureInfo.InvariantCulture, $"\nConverter run: {blocks} verb blocks, {kept} draft patterns kept, {dropped} lines dropped as not mapping cleanly, {conflicts} repeated frames with another code (the first kept).\n");
md.Append("\n## Further choices made while curating patterns.jsonl\n\n");
md.Append(File.Exists(Path.Combine(outDir, "CORRECTIONS.notes.md")) ? File.ReadAllText(Path.Combine(outDir, "CORRECTIONS.notes.md")) : "(none)\n");
File.WriteAllText(Path.Combine(outDir, "CORRECTIONS.md"), md.ToString());
Console.WriteLine($"{blocks} blocks, {kept} drafts, {dropped} dropped, {conflicts} conflicts, {classes.Count} classes");
return 0;

void Emit(string lemma, string? obj, string target, string code, int lineNo)
{
    if (corrections.TryGetValue((lemma, obj ?? "*", code), out var fix))
    {
        var key = $"{lemma}|{obj ?? "*"}|{code}";
        if (!applied.TryGetValue(key, out var list))
        {
            applied[key] = list = [];
        }

        list.Add(lineNo);
        code = fix.Code;
    }

    var frameKey = $"{lemma}|{obj}|{target}";
    if (seen.TryGetValue(frameKey, out var earlier))
    {
        if (earlier.Code != code)
        {
            conflicts++;
        }

        return;
    }

    seen[frameKey] = (code, lineNo);
    kept++;
    var id = obj is null ? $"phoenix.{lemma}" : $"phoenix.{lemma}.{obj.TrimStart('@').Replace(' ', '-')}" + (target == "obj" ? "" : "." + target);
    var json = new Dictionary<string, object>(StringComparer.Ordinal) { ["id"] = id, ["lemma"] = lemma };
    if (obj is not null)
    {
        json["object"] = obj;
    }

    json["target"] = target;
    json["code"] = code;
    json["source"] = lineNo;
    drafts.Add(JsonSerializer.Serialize(json));
}

(string? Object, string Target)? Frame(string pattern)
{
    var tokens = Regex.Matches(pattern, @"\{[^}]*\}|\([^)]*\)|\S+").Select(m => m.Value).ToList();
    if (tokens.Count is < 1 or > 3 || tokens[0] != "*")
    {
        return null;
    }

    string? obj = null;
    var target = "obj";
    foreach (var t in tokens.Skip(1))
    {
        if (t.StartsWith('('))
        {
            var inner = t[1..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var prep = inner.Length > 0 ? inner[0].ToLowerInvariant() : "";
            if (inner.Length == 1 && prepositions.Contains(prep))
            {
                target = prep;
            }
            else if (inner.Length == 2 && prepositions.Contains(prep) && inner[1] == "+")
            {
                target = prep;
            }
            else if (inner.Length == 2 && prep == "with" && obj is null && inner[1].StartsWith('&'))
            {
                obj = ClassOf(inner[1]); // "provide Y with X": target obj, theme in the with-phrase
            }
            else
            {
                return null;
            }
        }
        else if (obj is null && t.StartsWith('{'))
        {
            var words = t[1..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Any(w => w.StartsWith('&') || w is "+" or "$"))
            {
                return null;
            }

            obj = string.Join(' ', words.Select(Word));
        }
        else if (obj is null && t.StartsWith('&'))
        {
            obj = ClassOf(t);
            if (!classNames.Contains(obj))
            {
                return null;
            }
        }
        else if (obj is null && Regex.IsMatch(t, "^[A-Z][A-Z'-]*_?$"))
        {
            obj = Word(t);
        }
        else
        {
            return null;
        }
    }

    return (obj, target);
}

static string? Code(string text)
{
    var first = text.Split(':')[0].Trim();
    return first.Length is >= 2 and <= 4 && first.All(char.IsAsciiDigit) ? first : null;
}

static string Word(string w) => w.Trim().TrimEnd('_').Replace('_', ' ').ToLowerInvariant();

static string ClassOf(string set) => "@" + set.Trim().TrimStart('&').TrimEnd('_').ToLowerInvariant();

static string StripComment(string line)
{
    var hash = line.IndexOf('#', StringComparison.Ordinal);
    return hash >= 0 ? line[..hash] : line;
}
