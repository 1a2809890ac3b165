using System.Collections.Frozen;

namespace Entente.Coding.Events;

/// <summary>
/// The argument frame of one predicate token: who acts, the theme, the dependents by preposition, and how the
/// predicate's subject was found. Computed from the parse by <see cref="FrameBuilder"/>.
/// </summary>
internal sealed record Frame(
    int Predicate,
    PredicateKind Kind,
    bool Passive,
    IReadOnlyList<int> Sources,
    bool SourceInherited,
    int DirectObject,
    int IndirectObject,
    IReadOnlyList<int> Themes);

/// <summary>Builds <see cref="Frame"/>s: active and passive voice, control, coordination, relative clauses, nominal predicates.</summary>
internal static class FrameBuilder
{
    /// <summary>Verbs whose object is the subject of their infinitive: "asked Berlin to supply", "urged Seoul to talk".</summary>
    internal static readonly FrozenSet<string> ObjectControl = FrozenSet.ToFrozenSet(
        ["ask", "urge", "call", "press", "persuade", "force", "invite", "encourage", "tell", "order", "allow", "help", "push",
         "pressure", "lobby", "request", "implore", "warn", "advise", "compel", "convince", "instruct", "authorize", "authorise",
         "permit", "enable", "oblige", "require", "challenge", "beg", "exhort", "appeal", "prod", "nudge"], StringComparer.Ordinal);

    /// <summary>Verbs whose object is the agent of the act they charge it with: "accused Moscow of shelling the plant".</summary>
    internal static readonly FrozenSet<string> AccusationVerbs = FrozenSet.ToFrozenSet(
        ["accuse", "blame", "charge", "suspect", "condemn", "criticize", "criticise", "denounce", "fault", "rebuke", "censure", "sanction", "punish", "praise", "thank", "commend", "congratulate"], StringComparer.Ordinal);

    /// <summary>Transfer verbs whose purpose infinitive the recipient controls: "sent arms to Kyiv to defend itself".</summary>
    private static readonly FrozenSet<string> RecipientControl = FrozenSet.ToFrozenSet(
        ["supply", "send", "give", "provide", "sell", "export", "deliver", "ship", "transfer", "lend", "donate"], StringComparer.Ordinal);

    /// <summary>The recipient of a transfer verb: its indirect object, else its "to" phrase that names an actor; -1 when none.</summary>
    private static int Recipient(ParsedSentence s, int verb)
    {
        int iobj = s.Child(verb, "iobj");
        if (iobj >= 0 && s.MentionOf(iobj) >= 0)
        {
            return iobj;
        }

        int to = s.Prepositional(verb, "to").FirstOrDefault(t => s.MentionOf(t) >= 0, -1);
        if (to >= 0)
        {
            return to;
        }

        // "sent missiles to Ukraine" with the "to" phrase parsed as part of the goods
        int goods = s.Child(verb, "obj");
        return goods < 0 ? -1 : s.Prepositional(goods, "to").FirstOrDefault(t => s.MentionOf(t) >= 0, -1);
    }

    /// <summary>Verbs of sending goods: a passive one without an agent takes its source from the goods ("Iranian drones").</summary>
    private static readonly FrozenSet<string> TransferVerbs = FrozenSet.ToFrozenSet(
        ["deliver", "send", "supply", "ship", "transfer", "export", "provide", "smuggle", "sell", "give", "fly", "hand", "donate"], StringComparer.Ordinal);

    /// <summary>Verbs that take a recipient and a thing as two objects: "gave Pakistan aid", "sent Kyiv tanks".</summary>
    private static readonly FrozenSet<string> Ditransitive = FrozenSet.ToFrozenSet(
        ["give", "send", "offer", "grant", "lend", "loan", "sell", "pay", "promise", "hand", "award", "bring", "ship", "deny", "owe", "pledge", "extend", "allocate", "donate", "supply", "provide"],
        StringComparer.Ordinal);

    /// <summary>Verbs whose "with" phrase names an act of their subject: "continued with the suspension", "went ahead with the sale".</summary>
    private static readonly FrozenSet<string> ContinuingVerbs = FrozenSet.ToFrozenSet(["continue", "proceed", "go", "press", "push", "persist", "carry", "move"], StringComparer.Ordinal);

    private static readonly string[] SecondaryThemes = ["with", "of", "for", "over", "about"];

    private static readonly FrozenSet<string> RelativePronouns = FrozenSet.ToFrozenSet(["that", "which", "who", "whom", "whose"], StringComparer.Ordinal);

    public static Frame Build(ParsedSentence s, int p, PredicateKind kind) =>
        kind == PredicateKind.Verb ? Verb(s, p) : Noun(s, p);

    private static Frame Verb(ParsedSentence s, int p)
    {
        bool passive = s.Child(p, "nsubj:pass") >= 0 || s.Child(p, "aux:pass") >= 0;
        var sources = new List<int>();
        bool inherited = false;
        int themeSubject = -1;
        if (passive)
        {
            themeSubject = s.Child(p, "nsubj:pass");
            int agent = s.Child(p, "obl:agent");
            if (agent < 0)
            {
                agent = s.Prepositional(p, "by").DefaultIfEmpty(-1).First();
            }

            if (agent < 0)
            {
                // "supplied to Ukraine by Poland" with the "by" phrase attached to the oblique before it
                foreach (var c in s.Children(p))
                {
                    if (s.Rel(c).StartsWith("obl", StringComparison.Ordinal))
                    {
                        agent = s.Prepositional(c, "by").DefaultIfEmpty(-1).First();
                        if (agent >= 0)
                        {
                            break;
                        }
                    }
                }
            }

            if (agent >= 0)
            {
                sources.Add(agent);
            }
            else if (themeSubject >= 0 && TransferVerbs.Contains(s.Lemmas[p]))
            {
                // "Iranian drones were delivered to Russia": with no agent, the maker named on the goods sent them
                int maker = s.Children(themeSubject).FirstOrDefault(c => s.Rel(c) is "amod" or "compound" or "nmod:poss" && s.MentionOf(c) >= 0, -1);
                if (maker >= 0)
                {
                    sources.Add(maker);
                    inherited = true;
                }
            }

            if (themeSubject >= 0 && RelativePronouns.Contains(s.Lemmas[themeSubject]) && s.Rel(p) == "acl:relcl" && s.Head(p) >= 0)
            {
                themeSubject = s.Head(p);
            }
        }
        else
        {
            int subject = s.Child(p, "nsubj");
            if (subject >= 0 && RelativePronouns.Contains(s.Lemmas[subject]) && s.Rel(p) == "acl:relcl" && s.Head(p) >= 0)
            {
                subject = s.Head(p);
                inherited = true;
            }

            if (subject >= 0)
            {
                sources.Add(subject);
            }
            else
            {
                int controller = Controller(s, p, 0);
                if (controller >= 0)
                {
                    sources.Add(controller);
                    inherited = true;
                }
            }
        }

        if (s.Rel(p) == "acl" && passive is false && s.Tokens[p].Xpos == "VBN" && s.Head(p) >= 0)
        {
            // "weapons sent by Poland to Ukraine": a reduced passive relative; the noun is the theme.
            int agent = s.Prepositional(p, "by").DefaultIfEmpty(-1).First();
            if (agent >= 0)
            {
                passive = true;
                sources.Clear();
                sources.Add(agent);
                inherited = false;
                themeSubject = s.Head(p);
            }
        }

        int obj = s.Child(p, "obj");
        if (obj >= 0 && RelativePronouns.Contains(s.Lemmas[obj]) && s.Rel(p) == "acl:relcl" && s.Head(p) >= 0)
        {
            // "the memorandum which the company signed with Poland"
            obj = s.Head(p);
        }

        // "a memorandum of understanding which the firm signed": the relative hangs on the "of" complement; the
        // noun above it is what was signed.
        int ofHead = obj >= 0 && s.Rel(p) == "acl:relcl" && obj == s.Head(p) && s.Rel(obj) == "nmod" && s.CaseOf(obj) == "of" ? s.Head(obj) : -1;

        int iobj = s.Child(p, "iobj");
        if (iobj < 0 && obj >= 0 && !passive && s.MentionOf(obj) >= 0 && Ditransitive.Contains(s.Lemmas[p]))
        {
            // "gave Pakistan $33 billion in aid" parsed with two objects: the first, an actor, is the recipient.
            int second = s.Children(p).FirstOrDefault(c => c > obj && s.Rel(c) == "obj" && s.MentionOf(c) < 0, -1);
            if (second < 0)
            {
                // the same with the sum misattached ("given Pakistan more than USD 33 billion in aid over 15 years")
                second = Currency(s, p, obj);
            }

            if (second >= 0)
            {
                iobj = obj;
                obj = second;
            }
        }

        var themes = new List<int>();
        if (passive)
        {
            if (themeSubject >= 0)
            {
                themes.Add(themeSubject);
            }
        }
        else if (obj >= 0)
        {
            themes.Add(obj);
            if (ofHead >= 0)
            {
                themes.Add(ofHead);
            }

            // a misparse can leave two objects: "export Anza Mark-II … air defense systems"
            foreach (var c in s.Children(p))
            {
                if (c != obj && c != iobj && s.Rel(c) == "obj")
                {
                    themes.Add(c);
                }
            }
        }

        // Secondary themes: "threatened X with nuclear weapons", "accused X of espionage", "asked X for money",
        // also when the parser hangs the phrase on the object.
        foreach (var prep in SecondaryThemes)
        {
            themes.AddRange(s.Prepositional(p, prep));
            if (obj >= 0)
            {
                themes.AddRange(s.Prepositional(obj, prep));
            }
        }

        if (iobj >= 0 && obj >= 0)
        {
            themes.Add(obj);
        }

        ExpandAmounts(s, themes);
        if (themes.Any(t => IsAmount(s, t)))
        {
            // "gave Pakistan $33 billion in aid" with "in aid" hung on the verb
            themes.AddRange(s.Prepositional(p, "in").Where(t => s.Upos(t) == "NOUN"));
        }

        return new Frame(p, PredicateKind.Verb, passive, sources, inherited, passive ? themeSubject : obj, iobj, themes);
    }

    /// <summary>"$300 million in security assistance", "a batch of shells": the thing an amount measures is a theme too.</summary>
    private static void ExpandAmounts(ParsedSentence s, List<int> themes)
    {
        int n = themes.Count;
        for (int i = 0; i < n; i++)
        {
            int t = themes[i];
            if (IsAmount(s, t))
            {
                foreach (var prep in AmountPrepositions)
                {
                    themes.AddRange(s.Prepositional(t, prep));
                }
            }
        }
    }

    /// <summary>A currency sign or code after the object, in the verb's phrase (at most two levels down), not under a subject.</summary>
    private static int Currency(ParsedSentence s, int p, int obj)
    {
        foreach (var c in s.Children(p))
        {
            if (c < obj || s.Rel(c) is "nsubj" or "nsubj:pass" or "csubj" or "conj" or "parataxis" or "ccomp" or "advcl")
            {
                continue;
            }

            foreach (var d in s.Children(c).Prepend(c))
            {
                if (d > obj && s.Upos(d) == "SYM" && s.MentionOf(d) < 0)
                {
                    return d;
                }
            }
        }

        return -1;
    }

    private static bool IsAmount(ParsedSentence s, int t) => s.Upos(t) is "SYM" or "NUM" || AmountWords.Contains(s.Lemmas[t]);

    private static readonly FrozenSet<string> AmountWords = FrozenSet.ToFrozenSet(
        ["million", "billion", "trillion", "worth", "amount", "batch", "shipment", "consignment", "package", "tranche", "lot", "number", "dozen", "hundred", "thousand", "ton", "tonne", "barrel", "unit", "set"], StringComparer.Ordinal);

    private static readonly string[] AmountPrepositions = ["in", "of", "worth"];

    /// <summary>The subject a predicate without its own subject takes from the clause that governs it.</summary>
    private static int Controller(ParsedSentence s, int p, int depth)
    {
        int h = s.Head(p);
        if (h < 0 || depth > 4)
        {
            return -1;
        }

        string rel = s.Rel(p);
        switch (rel)
        {
            case "advcl" or "acl" when AccusationVerbs.Contains(s.Lemmas[h]) && s.Child(h, "obj") >= 0:
                return s.Child(h, "obj");
            case "advcl" when RecipientControl.Contains(s.Lemmas[h]) && s.HasChild(p, "mark", "to") && Recipient(s, h) is >= 0 and var recipient:
                // "supplied weapons to Ukraine to fight against Russia": the recipient does what the purpose clause says.
                return recipient;
            case "xcomp" or "advcl" when ObjectControl.Contains(s.Lemmas[h]) && (rel == "xcomp" || s.HasChild(p, "mark", "to")):
            {
                int obj = s.Child(h, "obj");
                if (obj < 0)
                {
                    obj = s.Child(h, "iobj");
                }

                if (obj < 0)
                {
                    // "appealed to NATO to close the skies", "called on Israel to stop"
                    foreach (var c in s.Children(h))
                    {
                        if (s.Rel(c).StartsWith("obl", StringComparison.Ordinal) && s.CaseOf(c) is "to" or "on" or "upon")
                        {
                            obj = c;
                            break;
                        }
                    }
                }

                return obj;
            }

            case "xcomp":
            case "conj":
            case "advcl":
            {
                if (s.Upos(h) is "NOUN" or "PROPN" && rel == "conj")
                {
                    return -1;
                }

                int subject = s.Child(h, "nsubj");
                if (subject >= 0)
                {
                    if (RelativePronouns.Contains(s.Lemmas[subject]) && s.Rel(h) == "acl:relcl" && s.Head(h) >= 0)
                    {
                        return s.Head(h);
                    }

                    return subject;
                }

                if (s.Upos(h) == "NOUN")
                {
                    return NounAgent(s, h, depth + 1);
                }

                return Controller(s, h, depth + 1);
            }

            case "acl":
                // "Pakistan's decision to supply", "readiness to export"
                return s.Upos(h) is "NOUN" or "PROPN" ? NounAgent(s, h, depth + 1) : -1;
            default:
                return -1;
        }
    }

    /// <summary>The agent of a nominal predicate: a possessive, a "by" phrase, a compound or adjective naming an actor, or the subject of the verb it is the object of.</summary>
    private static int NounAgent(ParsedSentence s, int n, int depth)
    {
        int poss = s.Child(n, "nmod:poss");
        if (poss >= 0)
        {
            return poss;
        }

        foreach (var by in s.Prepositional(n, "by"))
        {
            return by;
        }

        foreach (var c in s.Children(n))
        {
            if (s.Rel(c) is "compound" or "amod" && s.MentionOf(c) >= 0)
            {
                return c;
            }
        }

        int h = s.Head(n);
        bool continued = h >= 0 && s.Rel(n) == "obl" && s.CaseOf(n) == "with" && ContinuingVerbs.Contains(s.Lemmas[h]);
        if (h >= 0 && (s.Rel(n) is "obj" or "nsubj:pass" || continued) && depth <= 4)
        {
            int subject = s.Child(h, "nsubj");
            if (subject >= 0)
            {
                return subject;
            }

            return Controller(s, h, depth + 1);
        }

        return -1;
    }

    private static Frame Noun(ParsedSentence s, int p)
    {
        var sources = new List<int>();
        bool inherited = false;
        int poss = s.Child(p, "nmod:poss");
        if (poss >= 0)
        {
            sources.Add(poss);
        }
        else
        {
            foreach (var by in s.Prepositional(p, "by"))
            {
                sources.Add(by);
                break;
            }

            if (sources.Count == 0)
            {
                // "US sanctions", "the US arms sale" (the actor a compound of the compound)
                foreach (var c in s.Children(p))
                {
                    if (s.Rel(c) is "compound" or "amod")
                    {
                        if (s.MentionOf(c) >= 0)
                        {
                            sources.Add(c);

                            // "the Iran-Iraq war", "India-Pakistan talks": a second actor in the compounds is a party too
                            foreach (var other in s.Children(p).Concat(s.Children(c)))
                            {
                                if (other != c && s.Rel(other) == "compound" && s.MentionOf(other) >= 0 && s.MentionOf(other) != s.MentionOf(c))
                                {
                                    sources.Add(other);
                                }
                            }

                            break;
                        }

                        int inner = s.Children(c).FirstOrDefault(g => s.Rel(g) is "compound" or "amod" && s.MentionOf(g) >= 0, -1);
                        if (inner >= 0)
                        {
                            sources.Add(inner);
                            break;
                        }
                    }
                }
            }

            if (sources.Count == 0)
            {
                // "Russia is a major supplier of gas to India", "Russia is one of the suppliers to India"
                int subject = s.Child(p, "nsubj");
                if (subject < 0 && s.Rel(p) == "nmod" && s.CaseOf(p) == "of" && s.Head(p) >= 0 && s.Child(s.Head(p), "cop") >= 0)
                {
                    subject = s.Child(s.Head(p), "nsubj");
                }

                if (subject >= 0 && (s.Child(p, "cop") >= 0 || (s.Head(p) >= 0 && s.Child(s.Head(p), "cop") >= 0)))
                {
                    sources.Add(subject);
                }
            }

            if (sources.Count == 0)
            {
                // "talks between Egypt and Ethiopia"
                foreach (var between in s.Prepositional(p, "between"))
                {
                    sources.Add(between);
                    break;
                }
            }

            if (sources.Count == 0)
            {
                int agent = NounAgent(s, p, 1);
                if (agent >= 0)
                {
                    sources.Add(agent);
                    inherited = true;
                }
            }
        }

        var themes = new List<int>();
        foreach (var of in s.Prepositional(p, "of"))
        {
            themes.Add(of);
        }

        foreach (var c in s.Children(p))
        {
            if (s.Rel(c) == "compound" && s.MentionOf(c) < 0)
            {
                themes.Add(c);
            }
        }

        ExpandAmounts(s, themes);
        return new Frame(p, PredicateKind.Noun, false, sources, inherited, -1, -1, themes);
    }
}
