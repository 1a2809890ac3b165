using System.Collections.Immutable;
using System.Globalization;
using Entente.Coding.Actors;
using Entente.Coding.Dates;
using Entente.Core;
using Entente.Core.Documents;
using Entente.Core.Ontology;
using Entente.Nlp.Lemmatization;
using Entente.Nlp.Pipeline;
using Entente.Nlp.Text;
using Entente.Nlp.Tokenization;

namespace Entente.Coding.Events;

/// <summary>
/// Codes documents into events: segment, resolve actors, analyse the sentences that name at least two actors,
/// match the event-pattern dictionary against each predicate's argument frame, and read modality, attribution
/// and date from the context. Immutable and thread-safe.
/// </summary>
public sealed class EventCoder : IStage<Document, CodedDocument>
{
    private static readonly Lazy<EventCoder> LazyDefault = new(() => new EventCoder(
        NlpPipeline.Default.Segmenter,
        NlpPipeline.Default.Annotator,
        ActorResolver.Default,
        EventPatternSet.Default,
        CameoOntology.Default,
        TemporalTagger.Default));

    private readonly Segmenter _segmenter;
    private readonly Annotator _annotator;
    private readonly ActorResolver _actors;
    private readonly EventPatternSet _patterns;
    private readonly NewsTagRepair _repair;
    private readonly CameoOntology _ontology;
    private readonly TemporalTagger _dates;

    public EventCoder(Segmenter segmenter, Annotator annotator, ActorResolver actors, EventPatternSet patterns, CameoOntology ontology, TemporalTagger dates)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(annotator);
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(ontology);
        ArgumentNullException.ThrowIfNull(dates);
        _segmenter = segmenter;
        _annotator = annotator;
        _actors = actors;
        _patterns = patterns;
        _repair = new NewsTagRepair(
            patterns.Patterns.Where(x => x.Particle is not null).Select(x => (x.Lemma, x.Particle!)), Lemmatizer.Default);
        _ontology = ontology;
        _dates = dates;
    }

    /// <summary>The coder over the embedded models, knowledge base and dictionary (loaded on first use).</summary>
    public static EventCoder Default => LazyDefault.Value;

    public string Name => "events";

    public CodedDocument Process(Document input) => Code(input).Document;

    /// <summary>Codes one document and reports how many sentences it had and how many were parsed.</summary>
    public CodingResult Code(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrWhiteSpace(document.Text))
        {
            var empty = new Diagnostic(DiagnosticCodes.EmptyText, Severity.Error, document.Id, "empty document: no text to code");
            return new CodingResult(new CodedDocument(document.Id, [], [empty]), 0, 0);
        }

        if (document.Text.Length > NlpPipeline.MaxDocumentChars)
        {
            var huge = new Diagnostic(DiagnosticCodes.Oversized, Severity.Error, document.Id,
                $"document of {document.Text.Length:N0} characters is over the limit of {NlpPipeline.MaxDocumentChars:N0}; not coded");
            return new CodingResult(new CodedDocument(document.Id, [], [huge]), 0, 0);
        }

        var segmented = _segmenter.Segment(document.Text, document.Id);
        var mentions = _actors.ResolveWithPronouns(segmented, document.Date);
        var events = ImmutableArray.CreateBuilder<CodedEvent>();
        int m = 0, parsed = 0;
        var inSentence = new List<ActorMention>();
        EventDate? lastExplicit = null;
        var failures = new List<Diagnostic>();
        var priors = new List<Prior>();
        foreach (var sentence in segmented.Sentences)
        {
            var dates = _dates.Find(segmented.Text, sentence.Start, sentence.End, document.Date);
            inSentence.Clear();
            while (m < mentions.Length && mentions[m].Start < sentence.End)
            {
                if (mentions[m].End > sentence.Start && (mentions[m].Code ?? mentions[m].Country) is not null)
                {
                    inSentence.Add(mentions[m]);
                }

                m++;
            }

            // A sentence naming one actor is coded only when that actor's act may continue one told just before
            // ("The new government kept the suspension of the aid": whose aid the earlier sentences said).
            bool continues = inSentence.Count == 1 && inSentence[0].Kind != ActorKind.Location
                && priors.Any(x => sentence.Index - x.Sentence <= PriorWindow && x.SourceCountry is not null && x.SourceCountry == inSentence[0].Country);
            if (inSentence.Count >= 2 || continues)
            {
                parsed++;
                try
                {
                    var analyzed = _annotator.AnalyzeSentence(segmented.Text, sentence, _repair);
                    CodeSentence(document, new ParsedSentence(segmented.Text, analyzed, inSentence.ToArray()), dates, lastExplicit, priors, events);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or KeyNotFoundException or NullReferenceException)
                {
                    // A defect in the coder costs one sentence, never the run: reported, the rest goes on.
                    failures.Add(new Diagnostic(DiagnosticCodes.CodingFailed, Severity.Warning, document.Id,
                        $"sentence {sentence.Index} could not be coded ({e.GetType().Name}: {e.Message}); it is skipped"));
                }
            }

            if (!dates.IsDefaultOrEmpty)
            {
                lastExplicit = dates[^1].Date;
            }
        }

        return new CodingResult(new CodedDocument(document.Id, events.ToImmutable(), [.. segmented.Diagnostics, .. failures]), segmented.Sentences.Length, parsed)
        {
            MentionedActors = [.. mentions.Where(a => a.Code is not null).Select(a => a.Country ?? a.Code!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        };
    }

    private void CodeSentence(Document document, ParsedSentence s, ImmutableArray<TemporalExpression> dates, EventDate? previous, List<Prior> priors, ImmutableArray<CodedEvent>.Builder sink)
    {
        var found = new List<Candidate>();
        for (int p = 0; p < s.Count; p++)
        {
            var kind = s.Upos(p) switch
            {
                "VERB" => PredicateKind.Verb,
                "NOUN" => PredicateKind.Noun,
                _ => (PredicateKind?)null,
            };
            if (kind is null)
            {
                continue;
            }

            var patterns = _patterns.ForLemma(s.Lemmas[p], kind.Value);
            if (patterns.IsDefaultOrEmpty)
            {
                continue;
            }

            var frame = FrameBuilder.Build(s, p, kind.Value);
            var sources = ActorsOf(s, frame.Sources);
            if (sources.Count == 0)
            {
                continue;
            }

            Match? best = null;
            foreach (var pattern in patterns)
            {
                var match = TryMatch(s, frame, pattern, sources, priors);
                if (match is not null && (best is null || match.Score > best.Score))
                {
                    best = match;
                }
            }

            if (best is not null)
            {
                found.Add(new Candidate(frame, best, best.Sources));
            }
        }

        if (found.Count == 0)
        {
            return;
        }

        // "had then expressed readiness": a sentence with no date of its own that points back with "then"
        // takes the last date the text gave.
        EventDate? inherited = null;
        if (dates.IsDefaultOrEmpty && previous is not null)
        {
            for (int i = 0; i < s.Count; i++)
            {
                if (s.Lemmas[i] == "then" && s.Rel(i) == "advmod")
                {
                    inherited = previous;
                    break;
                }
            }
        }

        var readings = found.ToDictionary(c => c, c => ModalityAnalyzer.Read(s, c.Frame.Predicate));
        var governing = new HashSet<int>();
        foreach (var (c, reading) in readings)
        {
            if (reading.IntentHead >= 0)
            {
                governing.Add(reading.IntentHead);
            }
        }

        // "agreed to expand military cooperation": the intention is the event, not the agreeing.
        found.RemoveAll(c => governing.Contains(c.Frame.Predicate) || readings[c].Requested);

        // "called off talks with Pakistan", "suspended its mediation", "paused military aid": a noun event that
        // is the object of a coded verb, or of a verb that ends or judges it, is not an event of its own.
        var verbs = found.Where(c => c.Frame.Kind == PredicateKind.Verb).Select(c => c.Frame.Predicate).ToHashSet();
        found.RemoveAll(c =>
        {
            if (c.Frame.Kind != PredicateKind.Noun)
            {
                return false;
            }

            int h = s.Head(c.Frame.Predicate);
            return h >= 0 && s.Rel(c.Frame.Predicate) is "obj" or "nsubj:pass" && (verbs.Contains(h) || EndingVerbs.Contains(s.Lemmas[h]));
        });
        var seen = new HashSet<(string, string, string)>();
        foreach (var candidate in found.OrderByDescending(c => c.Match.Score))
        {
            Emit(document, s, candidate, readings[candidate], dates, inherited, seen, sink, priors);
        }
    }

    private void Emit(Document document, ParsedSentence s, Candidate candidate, ModalityReading reading, ImmutableArray<TemporalExpression> dates, EventDate? inherited,
        HashSet<(string, string, string)> seen, ImmutableArray<CodedEvent>.Builder sink, List<Prior> priors)
    {
        var (frame, match, sources) = candidate;
        string code = match.Pattern.Code;
        var modality = reading.Modality;
        if (reading.Threatened && modality is Modality.Asserted or Modality.Reported)
        {
            code = code[..2] switch
            {
                "18" or "19" or "20" => "138",
                "16" => "131",
                "17" => "137",
                _ => "130",
            };
        }
        else if (modality == Modality.Intended && _ontology.IntentOf(code) is { } intent && intent.StartsWith("03", StringComparison.Ordinal)
            && (reading.IntentHead >= 0 || code[..2] is "06" or "07"))
        {
            // Decided, offered, promised: the 03x intent code. A plain future keeps the act's code, except aid.
            code = intent;
        }

        if (code == "190" && frame.Kind == PredicateKind.Verb && frame.Sources.Count > 0 && !frame.SourceInherited && AerialWeapons.Contains(s.Lemmas[frame.Sources[0]]))
        {
            // "Turkish drones struck", "Indian jets had struck": an attack from the air
            code = "195";
        }

        if (code is "040" or "046" && frame.Kind == PredicateKind.Verb
            && s.Children(frame.Predicate).Any(c => s.Rel(c) == "obl" && s.Lemmas[c] is "phone" or "telephone"))
        {
            // "spoke by phone with", "talked over the telephone with": a telephone call
            code = "041";
        }

        if (!_ontology.TryGet(code, out var cameo))
        {
            return;
        }

        // "Lavrov said he was optimistic about talks with X": a speech act its own speaker reports is the act itself.
        var attributionActors = reading.AttributionToken >= 0 ? ActorsOf(s, [reading.AttributionToken]) : [];
        bool verbal = cameo.QuadClass is 1 or 3;

        var pairs = new List<(ActorMention Source, ActorMention Target)>();
        if (match.Targets.Count > 0)
        {
            foreach (var src in sources)
            {
                foreach (var tgt in match.Targets)
                {
                    pairs.Add((src, tgt));
                    if (match.Pattern.Symmetric)
                    {
                        pairs.Add((tgt, src));
                    }
                }
            }
        }
        else if (match.Pattern.Symmetric)
        {
            foreach (var a in sources)
            {
                foreach (var b in sources)
                {
                    if (!ReferenceEquals(a, b))
                    {
                        pairs.Add((a, b));
                    }
                }
            }
        }

        var via = match.Via;
        var date = inherited ?? ChooseDate(s, frame.Predicate, reading.IntentHead, dates, document.Date);
        foreach (var (src, tgt) in pairs)
        {
            string srcKey = Key(src), tgtKey = Key(tgt);
            // Inside one state only between different organs ("Iran's Revolutionary Guards threatened Iranian
            // protesters"), never a state with itself.
            bool domestic = src.Country is not null && src.Country == tgt.Country;
            if (srcKey == tgtKey || (domestic && (src.Sector is null || tgt.Sector is null || src.Sector == tgt.Sector)))
            {
                continue;
            }

            if (!seen.Add((srcKey, tgtKey, code[..Math.Min(3, code.Length)])))
            {
                continue;
            }

            var eventModality = modality;
            if (modality == Modality.Reported && verbal && attributionActors.Any(a => a.Country is not null && a.Country == src.Country))
            {
                eventModality = Modality.Asserted;
            }

            // a target taken from an earlier sentence stays out of this sentence's evidence span
            bool here = tgt.Start >= s.Sentence.Start;
            int start = Math.Min(s.Tokens[frame.Predicate].Start, Math.Min(src.Start, here ? tgt.Start : int.MaxValue));
            int end = Math.Max(s.Tokens[frame.Predicate].End, Math.Max(src.End, here ? tgt.End : 0));
            var evt = new CodedEvent(
                document.Id,
                s.Sentence.Index,
                s.Sentence.Text,
                new Span(start, end),
                Actor(src),
                Actor(tgt),
                via is null ? null : Actor(via),
                cameo.Code,
                cameo.Name,
                cameo.Root,
                cameo.QuadClass,
                cameo.Goldstein,
                cameo.Plover,
                FutureDate(date, eventModality, document.Date),
                eventModality,
                reading.Attribution,
                Confidence(frame, match, eventModality, src, tgt))
            {
                PatternId = match.Pattern.Id,
            };
            sink.Add(evt);
            priors.Add(new Prior(s.Sentence.Index, src.Country, tgt));
        }
    }

    /// <summary>
    /// The event's date: a date expression inside the predicate's own clause (or the clause of the verb of intention
    /// that governs it) first; else one in the sentence, unless it dates a trailing report ("…, officials said on
    /// Saturday"), which dates the saying, not the event; else the publication date.
    /// </summary>
    private static EventDate? ChooseDate(ParsedSentence s, int predicate, int intentHead, ImmutableArray<TemporalExpression> dates, DateOnly? publication)
    {
        if (!dates.IsDefaultOrEmpty)
        {
            int clause = ClauseTop(s, intentHead >= 0 ? intentHead : predicate);
            int at = s.Tokens[predicate].Start;
            TemporalExpression? best = null;
            int bestDistance = int.MaxValue;
            foreach (var d in dates)
            {
                int token = TokenAt(s, d.Start);
                if (token >= 0 && s.Dominates(clause, token))
                {
                    int distance = Math.Min(Math.Abs(d.Start - at), Math.Abs(d.End - at));
                    if (distance < bestDistance)
                    {
                        best = d;
                        bestDistance = distance;
                    }
                }
            }

            if (best is not null)
            {
                return best.Date;
            }

            var nearest = dates.MinBy(d => Math.Min(Math.Abs(d.Start - at), Math.Abs(d.End - at)))!;
            int dt = TokenAt(s, nearest.Start);
            bool datesTrailingReport = dt >= 0 && dt > predicate && IsReportClause(s, dt, predicate);
            if (!datesTrailingReport)
            {
                return nearest.Date;
            }
        }

        return publication is { } day ? EventDate.OfPublication(day) : null;
    }

    /// <summary>
    /// A planned act's date lies ahead: "will travel to Beijing in April" published in May is next April. Month and
    /// day dates resolved into the past for an intended act move forward a year.
    /// </summary>
    private static EventDate? FutureDate(EventDate? date, Modality modality, DateOnly? publication)
    {
        if (date is null || modality != Modality.Intended || publication is not { } pub || date.Precision is not (DatePrecision.Month or DatePrecision.Day))
        {
            return date;
        }

        var resolved = date.Precision == DatePrecision.Month
            ? new DateOnly(int.Parse(date.Value[..4], CultureInfo.InvariantCulture), int.Parse(date.Value[5..7], CultureInfo.InvariantCulture), 1)
            : DateOnly.ParseExact(date.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        bool past = date.Precision == DatePrecision.Month ? resolved.AddMonths(1) <= new DateOnly(pub.Year, pub.Month, 1) : resolved < pub.AddDays(-1);
        if (!past || pub.Year - resolved.Year > 1)
        {
            return date;
        }

        return date.Precision == DatePrecision.Month
            ? EventDate.OfMonth(resolved.Year + 1, resolved.Month)
            : resolved.AddDays(7) >= pub ? EventDate.OfDay(resolved.AddDays(7)) : date;
    }

    /// <summary>The top of the clause a token belongs to, climbing through nominal and control relations.</summary>
    private static int ClauseTop(ParsedSentence s, int token)
    {
        int node = token;
        int guard = 0;
        while (guard++ < s.Count && s.Head(node) >= 0 && s.Rel(node) is "xcomp" or "acl" or "obj" or "nsubj" or "nsubj:pass" or "obl" or "nmod" or "nmod:poss" or "compound" or "amod" or "conj" or "iobj")
        {
            node = s.Head(node);
        }

        return node;
    }

    private static bool IsReportClause(ParsedSentence s, int dateToken, int predicate)
    {
        int node = dateToken;
        int guard = 0;
        while (node >= 0 && guard++ < s.Count)
        {
            if (s.Dominates(node, predicate) && node != predicate)
            {
                return s.Upos(node) == "VERB" && s.Tokens[node].Start > s.Tokens[predicate].Start;
            }

            node = s.Head(node);
        }

        return false;
    }

    private static int TokenAt(ParsedSentence s, int offset)
    {
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Tokens[i].End > offset)
            {
                return i;
            }
        }

        return -1;
    }

    private static double Confidence(Frame frame, Match match, Modality modality, ActorMention source, ActorMention target)
    {
        double c = 0.9;
        if (match.Pattern.Objects.IsEmpty && match.Pattern.Target == "obj")
        {
            c -= 0.05;
        }

        if (frame.SourceInherited)
        {
            c -= 0.1;
        }

        if (match.ImplicitTarget)
        {
            c -= 0.25;
        }

        if (source.ResolvedBy is ResolvedBy.Coreference or ResolvedBy.City || target.ResolvedBy is ResolvedBy.Coreference)
        {
            c -= 0.1;
        }

        if (source.Kind == ActorKind.Location)
        {
            c -= 0.15;
        }

        // Measured on the dev set (docs/accuracy.md): negated and reported events are right less often than
        // asserted ones (about 0.62 and 0.64 against 0.86 by the root view), verbal conflict more often (0.98).
        if (modality is Modality.Negated or Modality.Reported)
        {
            c -= 0.2;
        }
        else if (modality is Modality.Opinion)
        {
            c -= 0.1;
        }

        if (match.Pattern.Code.Length >= 2 && match.Pattern.Code[..2] is "09" or "10" or "11" or "12" or "13")
        {
            c += 0.05;
        }

        return Math.Round(Math.Clamp(c, 0.05, 0.99), 2);
    }

    private static string Key(ActorMention m) => m.Code ?? m.Country ?? m.Text;

    private static EventActor Actor(ActorMention m) =>
        new(m.Text, m.Code ?? m.Country, m.Country, m.Sector, m.Start, m.End);

    private static Match? TryMatch(ParsedSentence s, Frame frame, EventPattern pattern, List<ActorMention> sources, List<Prior> priors)
    {
        int p = frame.Predicate;
        if (pattern.Particle is not null && !s.HasChild(p, "compound:prt", pattern.Particle))
        {
            return null;
        }

        var targetTokens = TargetTokens(s, frame, pattern.Target);
        var targets = ActorsOf(s, targetTokens);
        if (targets.Count == 0 && EventRoots.IsMaterialConflict(pattern.Code) && pattern.Target == "obj")
        {
            // "struck targets in northern Iraq", "shelled villages near Kharkiv": the place of what was hit
            foreach (var t in targetTokens)
            {
                targets.AddRange(ActorsOf(s, s.Prepositional(t, "in").Concat(s.Prepositional(t, "near"))));
            }
        }

        bool placeOnly = pattern.Symmetric && pattern.Target is "in" or "at";
        if (placeOnly)
        {
            // "the leaders of Serbia and Kosovo met in Brussels": the phrase is where, not whom.
            if (targetTokens.Count == 0)
            {
                return null;
            }

            targets.Clear();
        }

        if (targets.Count > 0 && !EventRoots.IsMaterialConflict(pattern.Code) && !(pattern.Target is "in" or "to" or "into" or "at" && !pattern.Symmetric))
        {
            // A place ("in Johannesburg") is a target only of force ("shelled Kharkiv") or of a pattern whose
            // slot is a place ("arrived in Islamabad", "travelled to Beijing").
            targets.RemoveAll(t => t.Kind == ActorKind.Location);
        }

        sources = sources.Where(src => !targets.Any(t => ReferenceEquals(src, t))).ToList();
        if (sources.Count == 0)
        {
            return null;
        }

        bool implicitTarget = false;
        if (targets.Count == 0 && !pattern.Symmetric && !pattern.Objects.IsEmpty && !placeOnly)
        {
            // "Frustrated by Islamabad's insincerity, the US suspended the aid": a specific act with no target
            // phrase takes the one other state the sentence names, with lower confidence.
            var others = s.Mentions.Where(m => m.Country is not null && m.Kind != ActorKind.Location && sources.All(src => src.Country != m.Country)).ToList();
            if (others.Count > 0 && others.All(o => o.Country == others[0].Country))
            {
                targets.Add(others[0]);
                implicitTarget = true;
            }
            else if (others.Count == 0 && frame.Themes.Any(t => Definite(s, t)))
            {
                // "continued the suspension of the aid": a definite theme with no target points back to the last act
                // of the same source in the sentences before; its target is this act's target.
                var prior = priors.LastOrDefault(x => s.Sentence.Index - x.Sentence <= PriorWindow && x.Sentence < s.Sentence.Index
                    && x.SourceCountry is not null && sources.All(src => src.Country == x.SourceCountry) && x.Target.Country != x.SourceCountry);
                if (prior is not null)
                {
                    targets.Add(prior.Target with { ResolvedBy = ResolvedBy.Coreference });
                    implicitTarget = true;
                }
            }
        }

        if (targets.Count == 0 && !(pattern.Symmetric && sources.Count >= 2))
        {
            return null;
        }

        if (targets.Count == 0 && pattern.Symmetric && !placeOnly && frame.Kind == PredicateKind.Verb
            && (s.Prepositional(p, "with").Any() || (frame.DirectObject >= 0 && !frame.Passive && ActorsOf(s, [frame.DirectObject]).Count == 0 && s.Upos(frame.DirectObject) is "NOUN" or "PROPN" && pattern.Objects.IsEmpty)))
        {
            // "met with journalists", "met business leaders": someone else, not each other
            return null;
        }

        if (targets.Count == 0 && !placeOnly && targetTokens.Count > 0)
        {
            // "the leaders of the alliance met with journalists": the verb joins the subjects to someone else,
            // not to each other.
            return null;
        }

        double score = 1;
        if (!pattern.Objects.IsEmpty)
        {
            int words = 0;
            foreach (var theme in frame.Themes)
            {
                words = Math.Max(words, ObjectMatches(s, theme, pattern.Objects));
            }

            if (words == 0)
            {
                return null;
            }

            // "food aid" is more specific than "aid"
            score += 2 + (0.25 * (words - 1));
        }

        if (pattern.Particle is not null)
        {
            score += 1;
        }
        else if (s.Child(p, "compound:prt") >= 0)
        {
            score -= 0.5;
        }

        if (pattern.Target is not "obj" and not "iobj")
        {
            score += 0.5;
        }

        if (targets.Count == 0 || implicitTarget)
        {
            score -= 0.25;
        }

        return new Match(pattern, sources, targets, FindVia(s, frame, targetTokens), score) { ImplicitTarget = implicitTarget };
    }

    private static List<int> TargetTokens(ParsedSentence s, Frame frame, string slot)
    {
        var list = new List<int>();
        int p = frame.Predicate;
        if (frame.Kind == PredicateKind.Verb)
        {
            switch (slot)
            {
                case "obj":
                    if (frame.DirectObject >= 0)
                    {
                        list.Add(frame.DirectObject);
                    }

                    break;
                case "iobj":
                    if (frame.IndirectObject >= 0)
                    {
                        list.Add(frame.IndirectObject);
                    }

                    break;
                default:
                    list.AddRange(s.Prepositional(p, slot));

                    // "spoke by phone with Putin", "talked over video with Kishida": the phrase hung on the means
                    foreach (var c in s.Children(p))
                    {
                        if (s.Rel(c) == "obl" && s.CaseOf(c) is "by" or "via" or "over" && MeansNouns.Contains(s.Lemmas[c]))
                        {
                            list.AddRange(s.Prepositional(c, slot));
                        }
                    }

                    if (slot is "to" or "for" && frame.IndirectObject >= 0)
                    {
                        list.Add(frame.IndirectObject);
                    }

                    // "supplied weapons to Ukraine" with the "to" phrase attached to the noun.
                    foreach (var theme in frame.Themes)
                    {
                        list.AddRange(s.Prepositional(theme, slot));
                    }

                    break;
            }
        }
        else
        {
            string prep = slot == "obj" ? "of" : slot;
            list.AddRange(s.Prepositional(p, prep));
            if (list.Count == 0 && prep != "of")
            {
                // "Slovakia's transfer of its S-300 battery to Ukraine" with the "to" phrase on the theme
                foreach (var theme in frame.Themes)
                {
                    list.AddRange(s.Prepositional(theme, prep));
                }
            }
        }

        return list;
    }

    /// <summary>The number of words of the longest object entry the theme (or its "of" complement) matches; 0 for none.</summary>
    private static int ObjectMatches(ParsedSentence s, int theme, ImmutableArray<string> objects)
    {
        int best = 0;
        foreach (var t in s.WithConjuncts(theme))
        {
            best = Math.Max(best, Matches(s, t, objects));

            // "shipments of arms", "a batch of helicopters"
            foreach (var of in s.Prepositional(t, "of"))
            {
                best = Math.Max(best, Matches(s, of, objects));
            }
        }

        return best;
    }

    private static int Matches(ParsedSentence s, int t, ImmutableArray<string> objects)
    {
        string lemma = s.Lemmas[t];
        string form = s.Tokens[t].Form.ToLowerInvariant();
        string singular = Singular(form);
        int best = 0;
        foreach (var o in objects)
        {
            int space = o.LastIndexOf(' ');
            if (space < 0)
            {
                if (o == lemma || o == form || o == singular)
                {
                    best = Math.Max(best, 1);
                }

                continue;
            }

            string head = o[(space + 1)..];
            if (head != lemma && head != form && head != singular)
            {
                continue;
            }

            var modifiers = o[..space].Split(' ');
            bool all = true;
            foreach (var mod in modifiers)
            {
                bool has = false;
                foreach (var c in s.Children(t))
                {
                    if (s.Rel(c) is not ("compound" or "amod" or "nmod:poss" or "flat" or "nummod" or "det"))
                    {
                        continue;
                    }

                    // "air defense systems": "air" hangs on "defense"
                    if (IsWord(s, c, mod) || s.Children(c).Any(g => s.Rel(g) is "compound" or "amod" && IsWord(s, g, mod)))
                    {
                        has = true;
                        break;
                    }
                }

                all &= has;
            }

            if (all)
            {
                best = Math.Max(best, modifiers.Length + 1);
            }
        }

        return best;
    }

    private static bool IsWord(ParsedSentence s, int t, string word) =>
        s.Lemmas[t] == word || s.Tokens[t].Form.Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>A plural's singular by spelling alone, for nouns the lemmatizer leaves as they are ("troops", "supplies").</summary>
    private static string Singular(string form) =>
        form.EndsWith("ies", StringComparison.Ordinal) && form.Length > 4 ? form[..^3] + "y"
        : form.EndsWith("sses", StringComparison.Ordinal) || form.EndsWith("xes", StringComparison.Ordinal) || form.EndsWith("ches", StringComparison.Ordinal) ? form[..^2]
        : form.EndsWith('s') && !form.EndsWith("ss", StringComparison.Ordinal) && form.Length > 3 ? form[..^1]
        : form;

    private static ActorMention? FindVia(ParsedSentence s, Frame frame, List<int> targetTokens)
    {
        var heads = new List<int> { frame.Predicate };
        heads.AddRange(targetTokens);
        heads.AddRange(frame.Themes);
        foreach (var h in heads)
        {
            foreach (var prep in ViaPrepositions)
            {
                foreach (var t in s.Prepositional(h, prep))
                {
                    var actors = ActorsOf(s, [t]);
                    if (actors.Count > 0)
                    {
                        return actors[0];
                    }

                    // "through transit offered by Poland", "via a secret air bridge over Pakistan"
                    foreach (var inner in s.Children(t))
                    {
                        if (s.Rel(inner) is "acl" or "nmod")
                        {
                            foreach (var c in s.Children(inner).Prepend(inner))
                            {
                                if (s.CaseOf(c) is "by" or "over" or "through" or "across" or "from")
                                {
                                    var a = ActorsOf(s, [c]);
                                    if (a.Count > 0)
                                    {
                                        return a[0];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        return null;
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> EndingVerbs = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["cancel", "suspend", "halt", "pause", "ease", "lift", "end", "stop", "freeze", "postpone", "scrap", "abandon", "reject",
         "refuse", "condemn", "criticize", "criticise", "oppose", "deny", "block", "cut", "reduce", "delay", "call", "break",
         "denounce", "protest", "slam", "welcome", "praise", "discuss", "consider", "debate", "review", "request", "seek", "demand"],
        StringComparer.Ordinal);

    private static readonly System.Collections.Frozen.FrozenSet<string> AerialWeapons = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["drone", "drones", "jet", "jets", "warplane", "warplanes", "aircraft", "bomber", "bombers", "missile", "missiles", "helicopter", "helicopters", "plane", "planes"], StringComparer.Ordinal);

    private static readonly System.Collections.Frozen.FrozenSet<string> MeansNouns = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["phone", "telephone", "video", "videolink", "video link", "videoconference", "link", "letter", "call", "hotline"], StringComparer.Ordinal);

    private static readonly string[] ViaPrepositions = ["via", "through", "across"];

    /// <summary>The actors named by argument tokens: the mention on the token or in its noun phrase, for each conjunct.</summary>
    private static List<ActorMention> ActorsOf(ParsedSentence s, IEnumerable<int> tokens)
    {
        var list = new List<ActorMention>();
        foreach (var token in tokens)
        {
            foreach (var t in s.WithConjuncts(token))
            {
                foreach (var m in PhraseActors(s, t))
                {
                    if (!list.Contains(m))
                    {
                        list.Add(m);
                    }
                }
            }
        }

        return list;
    }

    private static List<ActorMention> PhraseActors(ParsedSentence s, int t)
    {
        var found = new List<ActorMention>();
        int mention = s.MentionOf(t);
        if (mention >= 0)
        {
            found.Add(s.Mentions[mention]);

            // "the leaders of Serbia and Kosovo" is one mention for the first and a conjunct for the second
            for (int i = 0; i < s.Count; i++)
            {
                int h = s.Head(i);
                if (s.Rel(i) == "conj" && h >= 0 && s.MentionOf(h) == mention && s.MentionOf(i) >= 0 && s.MentionOf(i) != mention
                    && !found.Contains(s.Mentions[s.MentionOf(i)]) && !s.Dominates(i, t))
                {
                    found.Add(s.Mentions[s.MentionOf(i)]);
                }

                // "Indian and Chinese soldiers": the second adjective is in the mention, the first its conjunct head
                if (s.Rel(i) == "conj" && h >= 0 && s.MentionOf(i) == mention && s.MentionOf(h) >= 0 && s.MentionOf(h) != mention
                    && s.Rel(h) is "amod" or "compound" && !found.Contains(s.Mentions[s.MentionOf(h)]))
                {
                    found.Add(s.Mentions[s.MentionOf(h)]);
                }
            }

            return found;
        }

        // Breadth-first through the noun phrase: compounds, adjectives, possessives, names, appositions, "of"
        // phrases ("the leaders of Armenia and Azerbaijan" names both).
        var queue = new Queue<(int Token, int Depth)>();
        queue.Enqueue((t, 0));
        while (queue.Count > 0)
        {
            var (x, depth) = queue.Dequeue();
            if (depth >= 3)
            {
                continue;
            }

            foreach (var c in s.Children(x))
            {
                string rel = s.Rel(c);
                bool phrase = rel is "compound" or "amod" or "nmod:poss" or "flat" or "appos" or "nmod:desc" or "det"
                    || (rel is "nmod" && s.CaseOf(c) == "of");
                if (!phrase)
                {
                    continue;
                }

                int cm = s.MentionOf(c);
                if (cm >= 0)
                {
                    found.Add(s.Mentions[cm]);
                    foreach (var conj in s.WithConjuncts(c).Skip(1))
                    {
                        int k = s.MentionOf(conj);
                        if (k >= 0 && !found.Contains(s.Mentions[k]))
                        {
                            found.Add(s.Mentions[k]);
                        }
                    }

                    return found;
                }

                queue.Enqueue((c, depth + 1));
            }
        }

        return found;
    }

    private sealed record Match(EventPattern Pattern, List<ActorMention> Sources, List<ActorMention> Targets, ActorMention? Via, double Score)
    {
        public bool ImplicitTarget { get; init; }
    }

    private sealed record Candidate(Frame Frame, Match Match, List<ActorMention> Sources);

    /// <summary>An event coded earlier in the document: its sentence, its source's country and its target.</summary>
    private sealed record Prior(int Sentence, string? SourceCountry, ActorMention Target);

    /// <summary>How many sentences back a definite theme may point ("the aid") for its target.</summary>
    private const int PriorWindow = 4;

    /// <summary>A theme with "the" ("the aid") or its "of" complement with it ("the suspension of the aid").</summary>
    private static bool Definite(ParsedSentence s, int theme) =>
        s.HasChild(theme, "det", "the") || s.Prepositional(theme, "of").Any(o => s.HasChild(o, "det", "the"));
}

/// <summary>One coded document with the sentence counts behind it (for throughput and diagnostics).</summary>
public sealed record CodingResult(CodedDocument Document, int Sentences, int SentencesParsed)
{
    /// <summary>The actors the document mentions, resolved (each actor's country, else its code), sorted: what coverage counts.</summary>
    public ImmutableArray<string> MentionedActors { get; init; } = [];
}
