using System.Collections.Frozen;

namespace Entente.Coding.Events;

/// <summary>What the context of a predicate says about it: modality, who the claim is attributed to, and whether it is a threat.</summary>
/// <param name="IntentHead">The verb or noun of intention that governs the predicate ("decided", "readiness"), or -1.</param>
/// <param name="Requested">The predicate is what somebody asks another to do ("urged Seoul to resume talks"): not an event of its own.</param>
internal sealed record ModalityReading(Modality Modality, string? Attribution, int AttributionToken, bool Threatened, string? Cue, int IntentHead, bool Requested);

/// <summary>
/// Reads modality and attribution from the parse around a predicate: negation, modal auxiliaries, conditionals,
/// control by verbs and nouns of intention, reported speech and "according to" phrases, and the author's
/// opinion frames. Precedence: negated, hypothetical, intended, opinion, reported, asserted.
/// </summary>
internal static class ModalityAnalyzer
{
    private static readonly FrozenSet<string> Negators = Set("not", "n't", "never", "no");
    private static readonly FrozenSet<string> HypotheticalAux = Set("may", "might", "could", "would", "can", "ca");
    private static readonly FrozenSet<string> FutureAux = Set("will", "shall", "'ll", "wo");
    private static readonly FrozenSet<string> OpinionAux = Set("should", "ought", "must");
    private static readonly FrozenSet<string> HedgeAdverbs = Set("possibly", "perhaps", "maybe", "probably", "potentially", "likely", "conceivably");
    private static readonly FrozenSet<string> ReportAdverbs = Set("reportedly", "allegedly", "purportedly", "apparently", "supposedly");
    private static readonly FrozenSet<string> HedgeHeads = Set(
        "likely", "possible", "unlikely", "probable", "conceivable", "plausible", "rumour", "rumor", "speculation", "possibility",
        "speculate", "suspect", "fear", "expect", "wonder", "chance", "if", "whether", "risk", "imagine", "suppose");
    private static readonly FrozenSet<string> IntentHeads = Set(
        "decide", "plan", "intend", "agree", "offer", "promise", "pledge", "vow", "prepare", "aim", "seek", "want", "hope",
        "ready", "willing", "eager", "poised", "set", "propose", "commit", "undertake", "consider", "mull", "weigh", "expect", "wish",
        "decision", "plan", "intention", "readiness", "offer", "promise", "pledge", "willingness", "commitment", "bid", "proposal",
        "intent", "plans", "desire", "determination", "preparedness", "go", "schedule", "due", "move", "try", "attempt", "look", "slate", "expected");
    private static readonly FrozenSet<string> RefusalHeads = Set("refuse", "decline", "reject", "deny", "fail", "stop", "cease", "halt", "avoid", "refusal", "failure");
    private static readonly FrozenSet<string> ThreatHeads = Set("threaten", "warn", "threat");
    private static readonly FrozenSet<string> SpeechVerbs = Set(
        "say", "tell", "tweet", "post", "claim", "report", "allege", "state", "announce", "add", "note", "insist", "confirm", "suggest", "write",
        "assert", "argue", "maintain", "disclose", "reveal", "declare", "indicate", "show", "surface", "emerge", "testify", "quote",
        "acknowledge", "admit", "stress", "explain", "believe", "think", "know", "learn", "understand", "according");
    private static readonly FrozenSet<string> RequestNouns = Set(
        "directive", "demand", "request", "call", "appeal", "instruction", "order", "plea", "ultimatum", "invitation", "urging");

    private static readonly FrozenSet<string> ReportNouns = Set(
        "evidence", "report", "claim", "allegation", "news", "information", "indication", "sign", "rumour", "rumor", "suggestion", "assertion", "statement");
    private static readonly FrozenSet<string> OpinionVerbs = Set("think", "believe", "feel", "consider", "reckon", "guess", "suppose");

    private static FrozenSet<string> Set(params string[] words) => FrozenSet.ToFrozenSet(words, StringComparer.Ordinal);

    /// <summary>A clause with its own subject and a finite verb or auxiliary (tensed: VBD, VBZ, VBP, MD).</summary>
    private static bool IsFiniteWithSubject(ParsedSentence s, int node)
    {
        if (s.Child(node, "nsubj") < 0 && s.Child(node, "nsubj:pass") < 0)
        {
            return false;
        }

        if (ParsedSentence.IsTensed(s.Tokens[node].Xpos))
        {
            return true;
        }

        foreach (var c in s.Children(node))
        {
            if (s.Rel(c) is "aux" or "aux:pass" or "cop" && ParsedSentence.IsTensed(s.Tokens[c].Xpos))
            {
                return true;
            }
        }

        return false;
    }

    public static ModalityReading Read(ParsedSentence s, int p)
    {
        bool negated = false, hypothetical = false, intended = false, opinion = false, threatened = false;
        string? attribution = null;
        int attributionToken = -1;
        string? cue = null;
        bool reported = false;
        int intentHead = -1;
        bool requested = false;

        // Walk from the predicate up through the clauses that govern it.
        int node = p;
        int depth = 0;
        bool underSpeech = false;
        bool controlled = true;
        bool ownClause = false; // the walk has left a finite adverbial clause with its own subject
        while (node >= 0 && depth++ < 8)
        {
            bool self = node == p;
            foreach (var c in s.Children(node))
            {
                string rel = s.Rel(c);
                string lemma = s.Lemmas[c];
                if ((rel == "advmod" || rel == "det" || rel == "neg") && Negators.Contains(lemma) && (self || controlled))
                {
                    negated = true;
                    cue ??= lemma;
                }
                else if (self && rel is "nsubj" or "nsubj:pass" && s.HasChild(c, "det", "no"))
                {
                    // "No Indian troops were sent to the Maldives"
                    negated = true;
                    cue ??= "no";
                }
                else if (rel == "aux" && (self || controlled))
                {
                    if (HypotheticalAux.Contains(lemma))
                    {
                        // "would" under a verb of saying is the future of the past: intended, not hypothetical.
                        if (lemma == "would" && SaidAbove(s, node))
                        {
                            intended = true;
                        }
                        else
                        {
                            hypothetical = true;
                        }

                        cue ??= lemma;
                    }
                    else if (FutureAux.Contains(lemma))
                    {
                        intended = true;
                        cue ??= lemma;
                    }
                    else if (OpinionAux.Contains(lemma))
                    {
                        opinion = true;
                        cue ??= lemma;
                    }
                }
                else if (rel == "advmod" && HedgeAdverbs.Contains(lemma))
                {
                    hypothetical = true;
                    cue ??= lemma;
                }
                else if (rel == "advmod" && ReportAdverbs.Contains(lemma))
                {
                    reported = true;
                    cue ??= lemma;
                }
                else if (rel == "mark" && lemma is "if" or "unless" or "whether" && (self || depth <= 2))
                {
                    hypothetical = true;
                    cue ??= lemma;
                }
                else if (rel.StartsWith("obl", StringComparison.Ordinal) || rel.StartsWith("nmod", StringComparison.Ordinal) || rel == "advcl")
                {
                    string? prep = s.CaseOf(c);
                    if (prep == "according to" && attribution is null)
                    {
                        reported = true;
                        attribution = s.PhraseText(c);
                        attributionToken = c;
                        cue ??= "according to";
                    }
                    else if (prep == "in" && s.Lemmas[c] is "view" or "opinion" && s.Child(c, "nmod:poss") >= 0 && s.Lemmas[s.Child(c, "nmod:poss")] is "i" or "my" or "we" or "our")
                    {
                        opinion = true;
                        cue ??= "in my view";
                    }
                }
            }

            int head = s.Head(node);
            if (head < 0)
            {
                break;
            }

            string nodeRel = s.Rel(node);
            string headLemma = s.Lemmas[head];
            if (nodeRel == "advcl" && IsFiniteWithSubject(s, node))
            {
                // "… decided to sell arms, as Moscow has shown interest": the reason is a fact of its own,
                // not part of what was decided or thought possible.
                ownClause = true;
            }

            bool controlledBelow = controlled;
            controlled = controlled && nodeRel is "xcomp" or "acl";
            if (nodeRel is "xcomp" or "acl" or "ccomp" or "csubj")
            {
                if (ThreatHeads.Contains(headLemma) && nodeRel is "xcomp" or "acl")
                {
                    threatened = true;
                    cue ??= headLemma;
                }
                else if (RefusalHeads.Contains(headLemma) && nodeRel is "xcomp" or "acl")
                {
                    negated = true;
                    cue ??= headLemma;
                }
                else if (RequestNouns.Contains(headLemma) && nodeRel is "acl" && controlled && s.Upos(head) == "NOUN")
                {
                    // "a directive to hold talks", "the demand that Russia withdraw"
                    requested = true;
                    cue ??= headLemma;
                }
                else if (FrameBuilder.ObjectControl.Contains(headLemma) && nodeRel is "xcomp" && controlled)
                {
                    requested = true;
                    cue ??= headLemma;
                }
                else if (FrameBuilder.AccusationVerbs.Contains(headLemma) && nodeRel is "acl" && !underSpeech)
                {
                    AccusedAct(s, head, ref reported, ref attribution, ref attributionToken, ref underSpeech);
                    cue ??= headLemma;
                }
                else if (IntentHeads.Contains(headLemma) && nodeRel is "xcomp" or "acl" && !ownClause)
                {
                    intended = true;
                    if (intentHead < 0 && controlled)
                    {
                        intentHead = head;
                    }

                    cue ??= headLemma;
                }
                else if (HedgeHeads.Contains(headLemma) && !ownClause)
                {
                    hypothetical = true;
                    cue ??= headLemma;
                }
            }

            if (nodeRel is "ccomp" && controlledBelow && headLemma is "demand" or "insist" or "urge" or "ask" or "request" or "want" or "propose" or "recommend" or "require" or "order")
            {
                // "China demanded that Washington stop selling weapons to Taiwan": the demand is the event.
                requested = true;
                cue ??= headLemma;
            }

            if (nodeRel is "ccomp" && headLemma is "deny" or "dismiss" or "refute" or "reject" && !underSpeech)
            {
                // "Tehran denied that its forces had shot down the airliner"
                underSpeech = true;
                negated = true;
                int denier = s.Child(head, "nsubj");
                if (denier >= 0)
                {
                    attribution ??= s.PhraseText(denier);
                    attributionToken = denier;
                }

                cue ??= headLemma;
            }
            else if (nodeRel is "ccomp" or "parataxis" or "csubj" && SpeechVerbs.Contains(headLemma) && !underSpeech)
            {
                underSpeech = true;
                int speaker = s.Child(head, "nsubj");
                if (speaker < 0)
                {
                    speaker = s.Child(head, "nsubj:pass");
                }

                int from = -1;
                foreach (var c in s.Children(head))
                {
                    if (s.Rel(c).StartsWith("obl", StringComparison.Ordinal) && s.CaseOf(c) is "from" or "by" or "in")
                    {
                        from = c;
                        break;
                    }
                }

                if (speaker >= 0 && s.Lemmas[speaker] is "i" or "we" && OpinionVerbs.Contains(headLemma))
                {
                    opinion = true;
                    cue ??= headLemma;
                }
                else if (speaker >= 0 && s.Lemmas[speaker] is "it")
                {
                    // "it is known from media reports that …", "it is reported that …"; a bare "it is known that" is the author's assertion.
                    if (from >= 0)
                    {
                        reported = true;
                        attribution ??= s.PhraseText(from);
                        attributionToken = from;
                        cue ??= headLemma;
                    }
                    else if (headLemma is not ("know" or "show" or "understand" or "learn" or "believe" or "think"))
                    {
                        reported = true;
                        attribution ??= s.Slice(s.Tokens[speaker].Start, s.Tokens[head].End);
                        cue ??= headLemma;
                    }
                }
                else if (speaker < 0 && from >= 0)
                {
                    reported = true;
                    attribution ??= s.PhraseText(from);
                    attributionToken = from;
                    cue ??= headLemma;
                }
                else if (speaker >= 0 && headLemma is "surface" or "emerge" or "show" or "indicate" or "suggest" && s.Upos(speaker) is "NOUN")
                {
                    // "evidence surfaced that …", "reports suggest that …"
                    reported = true;
                    attribution ??= s.Slice(s.SubtreeSpan(speaker).Start, s.Tokens[head].End);
                    attributionToken = speaker;
                    cue ??= headLemma;
                }
                else if (speaker >= 0)
                {
                    reported = true;
                    if (attribution is null)
                    {
                        attribution = s.PhraseText(speaker);
                        attributionToken = speaker;
                    }

                    cue ??= headLemma;
                }
            }
            else if (nodeRel is "advcl" && FrameBuilder.ObjectControl.Contains(headLemma) && s.HasChild(node, "mark", "to") && node == p)
            {
                // "called on Tokyo to withdraw …" parsed with an adverbial clause
                requested = true;
                cue ??= headLemma;
            }
            else if (nodeRel is "advcl" && FrameBuilder.AccusationVerbs.Contains(headLemma) && s.Child(head, "obj") >= 0 && !underSpeech)
            {
                // "Kyiv accused Moscow of shelling the plant": the shelling is Kyiv's claim.
                AccusedAct(s, head, ref reported, ref attribution, ref attributionToken, ref underSpeech);
                cue ??= headLemma;
            }
            else if (nodeRel is "acl" && ReportNouns.Contains(headLemma) && !underSpeech)
            {
                // "evidence surfaced that …", "reports that …", "claims that …"
                underSpeech = true;
                reported = true;
                int governor = s.Head(head);
                var (start, end) = s.SubtreeSpan(head);
                end = s.Tokens[head].End;
                // "evidence surfaced that …" takes the verb after its subject; "there were reports that …" does not
                if (governor > head && s.Rel(head) == "nsubj" && s.Child(governor, "obj") < 0)
                {
                    end = s.Tokens[governor].End;
                }

                attribution ??= s.Slice(start, end);
                cue ??= headLemma;
            }
            else if (nodeRel is "advcl" && s.HasChild(node, "mark", "if"))
            {
                hypothetical = true;
            }

            if (nodeRel is "conj" or "xcomp" or "acl" or "ccomp" or "csubj" or "advcl" or "parataxis" or "obj" or "nsubj" or "nsubj:pass" or "obl" or "nmod" || s.Upos(head) is "NOUN" or "ADJ")
            {
                node = head;
            }
            else
            {
                break;
            }
        }

        var modality = negated ? Modality.Negated
            : hypothetical ? Modality.Hypothetical
            : intended ? Modality.Intended
            : opinion ? Modality.Opinion
            : reported ? Modality.Reported
            : Modality.Asserted;
        return new ModalityReading(modality, attribution, attributionToken, threatened, cue, intentHead, requested);
    }

    private static void AccusedAct(ParsedSentence s, int head, ref bool reported, ref string? attribution, ref int attributionToken, ref bool underSpeech)
    {
        underSpeech = true;
        if (s.Lemmas[head] is "accuse" or "blame" or "charge" or "suspect")
        {
            reported = true;
            int accuser = s.Child(head, "nsubj");
            if (accuser >= 0 && attribution is null)
            {
                attribution = s.PhraseText(accuser);
                attributionToken = accuser;
            }
        }
    }

    private static bool SaidAbove(ParsedSentence s, int node)
    {
        int depth = 0;
        while (node >= 0 && depth++ < 6)
        {
            int head = s.Head(node);
            if (head < 0)
            {
                return false;
            }

            if (s.Rel(node) is "ccomp" or "parataxis" && SpeechVerbs.Contains(s.Lemmas[head]))
            {
                return true;
            }

            node = head;
        }

        return false;
    }
}
