using System.Collections.Frozen;
using System.Collections.Immutable;
using Entente.Core;
using Entente.Nlp.Text;
using Entente.Nlp.Tokenization;

namespace Entente.Coding.Actors;

/// <summary>
/// Finds the actors a text mentions and resolves each to a CAMEO code, a country and a sector, with offsets.
/// Immutable and thread-safe: create once, reuse.
/// </summary>
/// <remarks>
/// Works on tokens (tags and parses are not needed): longest match of folded tokens against the knowledge base
/// trie, case-aware ("US" the country, "us" the pronoun), then context rules for deliberate ambiguities
/// (Georgia, Washington, Jordan, Chad, Turkey), composition with role nouns ("Pakistan's army", "the foreign
/// minister of Pakistan", "a Pakistani company DMI Associates"), affiliation by city ("X (Karachi)"), office
/// holders by the document date, and conservative coreference of "the country" and "the latter".
/// A name the knowledge base does not hold stays unknown.
/// </remarks>
public sealed class ActorResolver : IStage<ActorDocument, ActorResolution>
{
    private const int MinStandalonePopulation = 100_000;

    private static readonly FrozenSet<string> LocationPrepositions =
        new[] { "in", "at", "near", "outside", "around", "across", "inside", "throughout" }.ToFrozenSet(StringComparer.Ordinal);


    private static readonly FrozenSet<string> Modifiers = new[]
    {
        "'s", "’s", "'", "new", "former", "top", "senior", "chief", "then", "acting", "deputy", "state", "state-owned", "state-run", "private",
        "national", "federal", "own", "main", "largest", "leading", "major", "first", "the", "regular", "special", "caretaker", "interim",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> GovernmentNouns =
        new[] { "administration", "government", "cabinet" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NotNames = new[]
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December", "The", "A", "An", "On", "In", "It", "He", "She", "They", "This", "That",
        "I", "We", "But", "And", "Mr", "Mr.", "Mrs", "Ms", "Dr",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> BusinessSuffixes = new[]
    {
        "associates", "technologies", "technology", "ltd", "limited", "inc", "corp", "corporation", "company", "co", "group", "industries",
        "holdings", "systems", "air", "airlines", "bank", "enterprises", "llc", "plc", "gmbh", "sa", "ag", "trading", "motors", "energy", "international",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> GeorgiaUsCues = new[]
    {
        "atlanta", "savannah", "governor", "republican", "republicans", "democrat", "democrats", "democratic", "county", "peach", "senate", "senator",
        "alabama", "florida", "carolina", "tennessee", "u.s. state", "state",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> TurkeyFoodCues = new[]
    {
        "thanksgiving", "roast", "roasted", "bird", "birds", "dinner", "meat", "sandwich", "stuffing", "gravy", "feathers", "farm", "poultry", "wild",
        "christmas", "carve", "carved", "oven", "recipe",
    }.ToFrozenSet(StringComparer.Ordinal);

    public ActorResolver(ActorKnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        KnowledgeBase = knowledgeBase;
    }

    /// <summary>The resolver over <see cref="ActorKnowledgeBase.Default"/>; the knowledge base loads on first use.</summary>
    public static ActorResolver Default => LazyDefault.Value;

    private static readonly Lazy<ActorResolver> LazyDefault = new(() => new ActorResolver(ActorKnowledgeBase.Default));

    public string Name => "actors";

    public ActorKnowledgeBase KnowledgeBase { get; }

    public ActorResolution Process(ActorDocument input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ActorResolution(Resolve(input.Text, input.Date));
    }

    /// <summary>Segments and resolves <paramref name="text"/>; <paramref name="date"/> picks office holders' terms.</summary>
    public ImmutableArray<ActorMention> Resolve(string text, DateOnly? date = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Resolve(Segmenter.Default.Segment(text), date);
    }

    /// <summary>
    /// Resolves the mentions of a segmented document and then its third-person pronouns ("it", "its", "they", "he")
    /// to the nearest compatible actor, conservatively (<see cref="ResolvedBy.Coreference"/>); the event coder
    /// reads the same mentions.
    /// </summary>
    public ImmutableArray<ActorMention> ResolveWithPronouns(SegmentedText document, DateOnly? date = null) =>
        Entente.Coding.Events.Pronouns.Resolve(document, Resolve(document, date));

    /// <summary>Resolves the mentions of a segmented document; <paramref name="date"/> picks office holders' terms.</summary>
    public ImmutableArray<ActorMention> Resolve(SegmentedText document, DateOnly? date = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var mentions = ImmutableArray.CreateBuilder<ActorMention>();
        var context = new DocumentContext();
        foreach (var sentence in document.Sentences)
        {
            ResolveSentence(document.Text, sentence.Tokens, date, mentions, context);
        }

        return mentions.ToImmutable();
    }

    /// <summary>
    /// Resolves the mentions of a document after the whole NLP pipeline. Only forms and offsets are used for
    /// now; the tags and the parse are the place for later context rules (appositions, "of" phrases).
    /// </summary>
    public ImmutableArray<ActorMention> Resolve(AnalyzedDocument document, DateOnly? date = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var mentions = ImmutableArray.CreateBuilder<ActorMention>();
        var context = new DocumentContext();
        foreach (var sentence in document.Sentences)
        {
            var tokens = sentence.Tokens.Select(t => new Token(t.Form, t.Start, t.End)).ToList();
            ResolveSentence(document.Text, tokens, date, mentions, context);
        }

        return mentions.ToImmutable();
    }

    /// <summary>Resolves one sentence's tokens, appending its mentions to <paramref name="sink"/>.</summary>
    public void ResolveSentence(string text, IReadOnlyList<Token> tokens, DateOnly? date, ICollection<ActorMention> sink)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sink);
        ResolveSentence(text, tokens, date, sink, new DocumentContext());
    }

    private void ResolveSentence(string text, IReadOnlyList<Token> tokens, DateOnly? date, ICollection<ActorMention> sink, DocumentContext context)
    {
        int n = tokens.Count;
        if (n == 0)
        {
            return;
        }

        var folded = new string[n];
        for (int i = 0; i < n; i++)
        {
            folded[i] = NameFolding.Fold(tokens[i].Text);
        }

        var atoms = Match(tokens, folded);
        var s = new SentenceView(text, tokens, folded, atoms);
        Disambiguate(s);
        Compose(s, date, sink, context);
    }

    // ---------------------------------------------------------------- matching

    private List<Atom> Match(IReadOnlyList<Token> tokens, string[] folded)
    {
        var atoms = new List<Atom>();
        int n = tokens.Count;
        int i = 0;
        while (i < n)
        {
            var node = KnowledgeBase.Root;
            int bestEnd = -1;
            List<Sense>? best = null;
            for (int j = i; j < n; j++)
            {
                if (node.Children is null || !node.Children.TryGetValue(folded[j], out node))
                {
                    break;
                }

                if (node.Aliases is { } aliases)
                {
                    List<Sense>? senses = null;
                    foreach (var alias in aliases)
                    {
                        if (CaseFits(alias, tokens, i))
                        {
                            (senses ??= []).Add(alias.Sense);
                        }
                    }

                    if (senses is not null)
                    {
                        bestEnd = j + 1;
                        best = senses;
                    }
                }
            }

            if (best is null)
            {
                i++;
                continue;
            }

            var top = best.Max(x => x.Layer);
            var kept = best.Where(x => x.Layer == top).ToList();
            atoms.Add(new Atom(i, bestEnd, kept));
            i = bestEnd;
        }

        return atoms;
    }

    private static bool CaseFits(Alias alias, IReadOnlyList<Token> tokens, int start)
    {
        var cases = alias.Cases;
        for (int k = 0; k < cases.Length; k++)
        {
            if (!NameFolding.Satisfies(tokens[start + k].Text, alias.Forms[k], cases[k]))
            {
                return false;
            }
        }

        return true;
    }

    // ---------------------------------------------------------------- context rules

    private static void Disambiguate(SentenceView s)
    {
        foreach (var atom in s.Atoms)
        {
            var ruled = atom.Senses.FirstOrDefault(x => x.Rule is not null);
            if (ruled is null)
            {
                atom.Sense = atom.Senses.Count == 1 ? atom.Senses[0] : PickUnruled(atom.Senses);
                continue;
            }

            atom.Sense = ruled.Rule switch
            {
                "georgia" => Georgia(s, atom, ruled),
                "washington" => Washington(s, atom, ruled),
                "jordan" => PersonNameOr(s, atom, ruled, "river", "valley"),
                "chad" => PersonNameOr(s, atom, ruled, "basin"),
                "turkey" => s.Folded.Any(TurkeyFoodCues.Contains) ? null : ruled,
                _ => ruled,
            };
        }
    }

    private static Sense? PickUnruled(List<Sense> senses)
    {
        // two cities of one name never reach here (the converter keeps one); several actor senses only come marked
        var countries = senses.Select(x => x.Country).Distinct().Count();
        return countries == 1 ? senses[0] : null;
    }

    private static Sense? Georgia(SentenceView s, Atom atom, Sense state)
    {
        bool us = s.Folded.Any(w => GeorgiaUsCues.Contains(w) && w != "state")
                  || (atom.End < s.Folded.Length && s.Folded[atom.End] == "state")
                  || (atom.Start >= 2 && s.Folded[atom.Start - 1] == "of" && s.Folded[atom.Start - 2] == "state")
                  || s.Folded.Any(w => w is "us" or "u.s") && s.Folded.Contains("state");
        return us ? state with { Kind = SenseKind.Region, Code = null, Country = "USA", Sector = null, Rule = null } : state;
    }

    private static Sense? Washington(SentenceView s, Atom atom, Sense metonym)
    {
        int after = atom.End, before = atom.Start - 1;
        if (after < s.Folded.Length && s.Folded[after] is "state" or "post" or "times" or "examiner" or "university" or "county")
        {
            return s.Folded[after] == "state" ? metonym with { Kind = SenseKind.Region, Code = null, Sector = null, Rule = null } : null;
        }

        if (before >= 1 && s.Folded[before] == "of" && s.Folded[before - 1] == "state")
        {
            return metonym with { Kind = SenseKind.Region, Code = null, Sector = null, Rule = null };
        }

        if (before >= 0 && s.IsUnknownName(before))
        {
            return null; // George Washington, Denzel Washington
        }

        return metonym;
    }

    private static Sense? PersonNameOr(SentenceView s, Atom atom, Sense state, params string[] places)
    {
        int after = atom.End, before = atom.Start - 1;
        if (after < s.Folded.Length && places.Contains(s.Folded[after]))
        {
            return null; // the Jordan River, the Chad Basin: a place the knowledge base does not hold
        }

        if (before >= 1 && s.Folded[before] == "lake")
        {
            return null;
        }

        if ((before >= 0 && s.IsUnknownName(before)) || (after < s.Tokens.Count && s.IsUnknownName(after)))
        {
            return null; // Michael Jordan, Jordan Peterson, Chad Smith
        }

        return state;
    }

    // ---------------------------------------------------------------- composition

    private static void Compose(SentenceView s, DateOnly? date, ICollection<ActorMention> sink, DocumentContext context)
    {
        var atoms = s.Atoms;
        var consumed = new bool[atoms.Count];
        var output = new List<ActorMention>();
        for (int k = 0; k < atoms.Count; k++)
        {
            if (consumed[k] || atoms[k].Sense is not { } sense)
            {
                continue;
            }

            var atom = atoms[k];
            switch (sense.Kind)
            {
                case SenseKind.State or SenseKind.Demonym or SenseKind.Metonym:
                    {
                        if (sense.Kind == SenseKind.Metonym && sense.Sector == "GOV" && atom.Start > 0 && LocationPrepositions.Contains(s.Folded[atom.Start - 1]))
                        {
                            output.Add(Mention(s, atom.Start, atom.End, null, sense.Country, null, ActorKind.Location, ResolvedBy.City));
                            break;
                        }

                        // "Russia's Lavrov", "the Afghan Taliban": the person or group, spanning both
                        if (k + 1 < atoms.Count && atoms[k + 1].Sense is { Kind: SenseKind.Person or SenseKind.Group } who
                            && Between(s, atom.End, atoms[k + 1].Start) is "" or "'s" or "’s" && who.Country == sense.Country)
                        {
                            output.Add(PersonOrGroup(s, who, atom.Start, atoms[k + 1].End, date));
                            consumed[k + 1] = true;
                            k++;
                            break;
                        }

                        // a capital followed by an unknown capitalised word is part of a name: "Paris Hilton", "the Kyiv Independent"
                        if (sense.Kind == SenseKind.Metonym && atom.End < s.Tokens.Count && s.IsUnknownName(atom.End))
                        {
                            break;
                        }

                        // a coordination of demonyms or names sharing one role noun: "Pakistani and Polish companies"
                        var group = new List<int> { k };
                        int m = k;
                        while (m + 1 < atoms.Count && atoms[m + 1].Sense is { Kind: SenseKind.State or SenseKind.Demonym } && Between(s, atoms[m].End, atoms[m + 1].Start) is "and" or "," or "or")
                        {
                            m++;
                            group.Add(m);
                        }

                        int sectorIndex = m + 1;
                        if (sectorIndex < atoms.Count && atoms[sectorIndex].Sense is { Kind: SenseKind.Sector } role && OnlyModifiers(s, atoms[m].End, atoms[sectorIndex].Start))
                        {
                            var roleAtom = atoms[sectorIndex];
                            int end = roleAtom.End;
                            if (group.Count == 1)
                            {
                                end = ExtendOverName(s, roleAtom.End, atoms, sectorIndex + 1, consumed);
                            }

                            // an apposition: "DMI Associates, a Pakistani company," names the company before it
                            int appositionStart = group.Count == 1 && end == roleAtom.End ? AppositionHead(s, atom.Start) : -1;
                            foreach (var g in group)
                            {
                                var a = atoms[g];
                                var gs = a.Sense!;
                                var sector = gs.Kind == SenseKind.Metonym && gs.Sector != "GOV" ? gs.Sector! : role.Sector!;
                                var stateCode = gs.Code![..3];
                                bool last = g == m;
                                output.Add(Mention(s, appositionStart >= 0 ? appositionStart : a.Start, last ? end : a.End, stateCode + sector, gs.Country, sector, role.SectorKind, By(gs)));
                                consumed[g] = true;
                            }

                            consumed[sectorIndex] = true;
                            k = sectorIndex;
                            break;
                        }

                        output.Add(Mention(s, atom.Start, atom.End, sense.Code, sense.Country, sense.Sector,
                            sense.Kind == SenseKind.Metonym ? ActorKind.State : ActorKind.State, By(sense)));
                        break;
                    }

                case SenseKind.Sector:
                    {
                        // "the foreign minister of Pakistan", "the army of Pakistan"
                        int next = k + 1;
                        if (next < atoms.Count && atoms[next].Sense is { Kind: SenseKind.State or SenseKind.Metonym } owner
                            && Between(s, atom.End, atoms[next].Start) is "of" or "of the")
                        {
                            var sector = owner.Kind == SenseKind.Metonym && owner.Sector != "GOV" ? owner.Sector! : sense.Sector!;
                            output.Add(Mention(s, atom.Start, atoms[next].End, owner.Code![..3] + sector, owner.Country, sector, sense.SectorKind, By(owner)));
                            consumed[next] = true;
                            k = next;
                        }

                        break;
                    }

                case SenseKind.Igo:
                    output.Add(Mention(s, atom.Start, atom.End, sense.Code, null, null, ActorKind.Igo, ResolvedBy.Name));
                    break;

                case SenseKind.Person or SenseKind.Group:
                    {
                        int after = atom.End;
                        if (after + 1 < s.Tokens.Count && s.Folded[after] is "'s" or "’s" && GovernmentNouns.Contains(s.Folded[after + 1]))
                        {
                            after++; // "Biden's administration"
                        }

                        if (after < s.Tokens.Count && GovernmentNouns.Contains(s.Folded[after]))
                        {
                            var c = CameoOf(sense);
                            output.Add(Mention(s, atom.Start, after + 1, c is null ? null : c + "GOV", sense.Country, c is null ? null : "GOV", ActorKind.State, ResolvedBy.Office));
                            if (k + 1 < atoms.Count && atoms[k + 1].Start == after)
                            {
                                consumed[k + 1] = true;
                            }

                            break;
                        }

                        output.Add(PersonOrGroup(s, sense, atom.Start, atom.End, date));
                        break;
                    }

                case SenseKind.Region:
                    output.Add(Mention(s, atom.Start, atom.End, null, sense.Country, null, ActorKind.Location, ResolvedBy.Name));
                    break;

                case SenseKind.City:
                    {
                        // "Millennium Technologies (Karachi)": an unknown name followed by its city in brackets
                        if (atom.Start >= 1 && atom.End < s.Tokens.Count && s.Tokens[atom.Start - 1].Text == "(" && s.Tokens[atom.End].Text == ")")
                        {
                            int nameStart = UnknownNameBefore(s, atom.Start - 1, atoms, k);
                            if (nameStart >= 0)
                            {
                                var business = IsBusiness(s, nameStart, atom.Start - 1);
                                var cameo = CameoOfCountry(s, sense.Country!);
                                output.Add(Mention(s, nameStart, atom.End + 1, business ? cameo + "BUS" : cameo, sense.Country, business ? "BUS" : null, ActorKind.Organisation, ResolvedBy.City));
                                break;
                            }
                        }

                        bool placed = atom.Start > 0 && LocationPrepositions.Contains(s.Folded[atom.Start - 1]);
                        bool partOfName = (atom.End < s.Tokens.Count && s.IsUnknownName(atom.End)) || (atom.Start > 0 && s.IsUnknownName(atom.Start - 1) && !IsSentenceStart(s, atom.Start - 1));
                        if (partOfName && !placed)
                        {
                            break; // Vladimir Ustinov, Queen Elizabeth: a given name, not the city
                        }

                        if (placed || sense.Population >= MinStandalonePopulation)
                        {
                            output.Add(Mention(s, atom.Start, atom.End, null, sense.Country, null, ActorKind.Location, ResolvedBy.City));
                        }

                        break;
                    }
            }
        }

        Coreference(s, output, context);
        var states = new List<ActorMention>();
        foreach (var mention in output)
        {
            sink.Add(mention);
            if (mention.Kind == ActorKind.State && mention.Country is not null)
            {
                context.LastState = mention;
                if (mention.ResolvedBy != ResolvedBy.Coreference)
                {
                    states.Add(mention);
                }
            }
        }

        context.PreviousStates = states;
    }

    private static void Coreference(SentenceView s, List<ActorMention> output, DocumentContext context)
    {
        // "the country" refers back to the last state named, in this sentence or an earlier one, when exactly one was in view
        for (int i = 0; i + 1 < s.Tokens.Count; i++)
        {
            if (s.Folded[i] == "the" && s.Folded[i + 1] == "country")
            {
                var start = s.Tokens[i].Start;
                var earlier = output.Where(m => m.End <= start && m.Kind == ActorKind.State && m.Country is not null).ToList();
                ActorMention? antecedent = earlier.Select(m => m.Country).Distinct().Count() switch
                {
                    1 => earlier[^1],
                    0 => context.LastState,
                    _ => null,
                };
                if (antecedent is not null && antecedent.Country is not null)
                {
                    var cameo = antecedent.Code?[..Math.Min(3, antecedent.Code.Length)];
                    output.Add(new ActorMention(s.Text[s.Tokens[i].Start..s.Tokens[i + 1].End], s.Tokens[i].Start, s.Tokens[i + 1].End,
                        cameo, antecedent.Country, null, ActorKind.State, ResolvedBy.Coreference));
                }
            }
        }

        // "the latter" and "the former" pick one of the last two states named, when the sentence (or, before any
        // state in it, the previous sentence) names exactly two
        for (int i = 0; i + 1 < s.Tokens.Count; i++)
        {
            if (s.Folded[i] != "the" || s.Folded[i + 1] is not ("latter" or "former"))
            {
                continue;
            }

            var start = s.Tokens[i].Start;
            var here = output.Where(m => m.End <= start && m.Kind == ActorKind.State && m.ResolvedBy != ResolvedBy.Coreference && m.Country is not null).ToList();
            var pool = here.Count > 0 ? here : context.PreviousStates;
            var distinct = pool.GroupBy(m => m.Country).Select(g => g.Last()).OrderBy(m => m.Start).ToList();
            if (distinct.Count != 2)
            {
                continue;
            }

            var antecedent = s.Folded[i + 1] == "latter" ? distinct[1] : distinct[0];
            output.Add(new ActorMention(s.Text[start..s.Tokens[i + 1].End], start, s.Tokens[i + 1].End,
                antecedent.Code?[..Math.Min(3, antecedent.Code.Length)], antecedent.Country, null, ActorKind.State, ResolvedBy.Coreference));
        }

        output.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>An office holder by the date (a year in the sentence first), or a group by its dated codes.</summary>
    private static ActorMention PersonOrGroup(SentenceView s, Sense sense, int start, int end, DateOnly? date)
    {
        var code = CodeOnDate(sense, SentenceYear(s) is { } year ? TermInYear(sense, year) ?? date : date);
        var kind = sense.Kind == SenseKind.Group ? ActorKind.Organisation : ActorKind.Person;
        var by = sense.Kind == SenseKind.Group ? ResolvedBy.Name : ResolvedBy.Office;
        if (code is not null && code.StartsWith("IGO", StringComparison.Ordinal))
        {
            return Mention(s, start, end, code, null, null, kind, by);
        }

        var sector = code is { Length: >= 6 } ? code[3..6] : null;
        return Mention(s, start, end, code ?? CameoOf(sense), sense.Country, sector, kind, by);
    }

    /// <summary>A year written in the sentence ("on January 1, 2018"): the events it reports happened then.</summary>
    private static int? SentenceYear(SentenceView s)
    {
        int? found = null;
        foreach (var w in s.Folded)
        {
            if (w.Length == 4 && (w.StartsWith("19", StringComparison.Ordinal) || w.StartsWith("20", StringComparison.Ordinal)) && w.All(char.IsAsciiDigit))
            {
                int y = (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 + (w[3] - '0');
                if (found is not null && found != y)
                {
                    return null; // two years: no single date for the sentence
                }

                found = y;
            }
        }

        return found;
    }

    /// <summary>A date inside a term of <paramref name="person"/> during <paramref name="year"/>, if one term covers part of it.</summary>
    private static DateOnly? TermInYear(Sense person, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        foreach (var term in person.Terms)
        {
            var from = term.From is { } f && f > first ? f : first;
            var to = term.To is { } t && t < last ? t : last;
            if (from <= to)
            {
                return from;
            }
        }

        return null;
    }

    private static bool IsSentenceStart(SentenceView s, int i)
        => i == 0 || s.Tokens[i - 1].Text is "\"" or "“" or "(" or ":" or "—";

    private static string? CodeOnDate(Sense person, DateOnly? date)
    {
        if (date is { } d)
        {
            foreach (var term in person.Terms)
            {
                if (term.Covers(d))
                {
                    return term.Code;
                }
            }

            return null;
        }

        // no date: the one code of every term, else the office still held (a term open at its end), else unknown
        var codes = person.Terms.Select(t => t.Code).Distinct().ToList();
        if (codes.Count == 1)
        {
            return codes[0];
        }

        var open = person.Terms.Where(t => t.To is null).Select(t => t.Code).Distinct().ToList();
        return open.Count == 1 ? open[0] : null;
    }

    private static string? CameoOf(Sense person)
        => person.Terms.FirstOrDefault(t => !t.Code.StartsWith("IGO", StringComparison.Ordinal)).Code?[..3];

    private static string CameoOfCountry(SentenceView s, string iso3) => iso3; // CAMEO state codes equal alpha-3 for every city's state

    private static ResolvedBy By(Sense sense) => sense.Kind switch
    {
        SenseKind.Demonym => ResolvedBy.Demonym,
        SenseKind.Metonym => ResolvedBy.Metonym,
        _ => ResolvedBy.Name,
    };

    private static ActorMention Mention(SentenceView s, int startToken, int endToken, string? code, string? country, string? sector, ActorKind kind, ResolvedBy by)
    {
        int start = s.Tokens[startToken].Start, end = s.Tokens[endToken - 1].End;
        return new ActorMention(s.Text[start..end], start, end, code, country, sector, kind, by);
    }

    private static string? Between(SentenceView s, int from, int to)
    {
        if (to - from == 1)
        {
            return s.Folded[from];
        }

        if (to - from == 2)
        {
            return s.Folded[from] + " " + s.Folded[from + 1];
        }

        return to == from ? "" : null;
    }

    private static bool OnlyModifiers(SentenceView s, int from, int to)
    {
        if (to - from > 3)
        {
            return false;
        }

        for (int i = from; i < to; i++)
        {
            if (!Modifiers.Contains(s.Folded[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int ExtendOverName(SentenceView s, int from, List<Atom> atoms, int nextAtom, bool[] consumed)
    {
        // a known person right after the role noun joins the mention
        if (nextAtom < atoms.Count && atoms[nextAtom].Start == from && atoms[nextAtom].Sense is { Kind: SenseKind.Person })
        {
            consumed[nextAtom] = true;
            return atoms[nextAtom].End;
        }

        int end = from;
        int limit = nextAtom < atoms.Count ? atoms[nextAtom].Start : s.Tokens.Count;
        while (end < limit && s.IsUnknownName(end))
        {
            end++;
        }

        return end;
    }

    /// <summary>The first token of an unknown name right before ", a" / ", an" / "," at <paramref name="at"/>, or -1.</summary>
    private static int AppositionHead(SentenceView s, int at)
    {
        int i = at - 1;
        if (i >= 0 && s.Folded[i] is "a" or "an" or "the")
        {
            i--;
        }

        if (i < 1 || s.Tokens[i].Text != ",")
        {
            return -1;
        }

        int start = -1;
        for (int j = i - 1; j >= 0 && s.IsUnknownName(j); j--)
        {
            start = j;
        }

        // one capitalised word opening the sentence may be any word ("Analysts, a Polish firm said, …")
        return start == 0 && i == 1 ? -1 : start;
    }

    private static int UnknownNameBefore(SentenceView s, int bracket, List<Atom> atoms, int atomIndex)
    {
        int floor = 0;
        for (int a = atomIndex - 1; a >= 0; a--)
        {
            if (atoms[a].End <= bracket)
            {
                floor = atoms[a].End;
                break;
            }
        }

        int i = bracket - 1;
        int start = -1;
        while (i >= floor)
        {
            if (s.IsUnknownName(i) || (s.Folded[i] is "and" or "&" or "of" && start >= 0 && i > floor && s.IsUnknownName(i - 1)))
            {
                start = i;
                i--;
                continue;
            }

            break;
        }

        return start;
    }

    private static bool IsBusiness(SentenceView s, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (BusinessSuffixes.Contains(s.Folded[i]))
            {
                return true;
            }
        }

        // "companies Millennium Technologies (Karachi) and Omida Sea and Air (Gdynia)": a business role noun earlier in the sentence
        foreach (var atom in s.Atoms)
        {
            if (atom.Start < from && atom.Sense is { Kind: SenseKind.Sector, Sector: "BUS" })
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Atom(int start, int end, List<Sense> senses)
    {
        public int Start { get; } = start;

        public int End { get; } = end;

        public List<Sense> Senses { get; } = senses;

        public Sense? Sense { get; set; }
    }

    private sealed class DocumentContext
    {
        public ActorMention? LastState { get; set; }

        public List<ActorMention> PreviousStates { get; set; } = [];
    }

    private sealed class SentenceView(string text, IReadOnlyList<Token> tokens, string[] folded, List<Atom> atoms)
    {
        private bool[]? inAtom;

        public string Text { get; } = text;

        public IReadOnlyList<Token> Tokens { get; } = tokens;

        public string[] Folded { get; } = folded;

        public List<Atom> Atoms { get; } = atoms;

        /// <summary>A capitalised word that no entry of the knowledge base matched: part of an unknown name.</summary>
        public bool IsUnknownName(int i)
        {
            if (inAtom is null)
            {
                inAtom = new bool[Tokens.Count];
                foreach (var a in Atoms)
                {
                    for (int t = a.Start; t < a.End; t++)
                    {
                        inAtom[t] = true;
                    }
                }
            }

            var word = Tokens[i].Text;
            return !inAtom[i] && word.Length > 0 && char.IsUpper(word[0]) && !NotNames.Contains(word);
        }
    }
}
