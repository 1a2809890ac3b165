using System.Collections.Frozen;
using System.Collections.Immutable;
using Entente.Coding.Actors;
using Entente.Nlp.Text;

namespace Entente.Coding.Events;

/// <summary>
/// Resolves third-person pronouns to the most recent compatible actor mention: "it", "its" to a state or
/// organisation, "he", "she" and their forms to a person, "they", "their", "them" to a state, organisation or
/// group. The antecedent must be in the same sentence or one of the two before it; a pronoun with none is left
/// out. Deliberately simple (recency with agreement); mentions resolved this way carry
/// <see cref="ResolvedBy.Coreference"/> and lower an event's confidence.
/// </summary>
internal static class Pronouns
{
    private static readonly FrozenSet<string> Neuter = FrozenSet.ToFrozenSet(["it", "its", "itself"], StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> Personal = FrozenSet.ToFrozenSet(["he", "him", "his", "she", "her", "himself", "herself"], StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> Plural = FrozenSet.ToFrozenSet(["they", "them", "their", "themselves"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Nominative = FrozenSet.ToFrozenSet(["it", "he", "she", "they"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Prepositions = FrozenSet.ToFrozenSet(
        ["by", "of", "with", "to", "from", "against", "for", "on", "in", "at", "through", "toward", "towards", "into", "over", "than", "between", "among"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the word before a mention (after an article) is a preposition.</summary>
    private static bool AfterPreposition(string text, int start)
    {
        int end = start;
        for (int guard = 0; guard < 2; guard++)
        {
            while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            int begin = end;
            while (begin > 0 && char.IsLetter(text[begin - 1]))
            {
                begin--;
            }

            if (begin == end)
            {
                return false;
            }

            var word = text.AsSpan(begin, end - begin);
            if (guard == 0 && (word.Equals("the", StringComparison.OrdinalIgnoreCase) || word.Equals("a", StringComparison.OrdinalIgnoreCase)))
            {
                end = begin;
                continue;
            }

            return Prepositions.Contains(word.ToString());
        }

        return false;
    }

    public static ImmutableArray<ActorMention> Resolve(SegmentedText text, ImmutableArray<ActorMention> mentions)
    {
        if (mentions.IsDefaultOrEmpty)
        {
            return mentions;
        }

        var added = new List<ActorMention>();
        int m = 0;
        var recent = new List<(ActorMention Mention, int Sentence)>();
        for (int si = 0; si < text.Sentences.Length; si++)
        {
            var sentence = text.Sentences[si];
            foreach (var token in sentence.Tokens)
            {
                while (m < mentions.Length && mentions[m].Start < token.Start)
                {
                    if ((mentions[m].Code ?? mentions[m].Country) is not null && mentions[m].Kind != ActorKind.Location)
                    {
                        recent.Add((mentions[m], si));
                    }

                    m++;
                }

                string form = token.Text;
                bool neuter = Neuter.Contains(form), personal = Personal.Contains(form), plural = Plural.Contains(form);
                if (!neuter && !personal && !plural)
                {
                    continue;
                }

                for (int r = recent.Count - 1; r >= 0; r--)
                {
                    var (antecedent, at) = recent[r];
                    if (si - at > 2)
                    {
                        break;
                    }

                    bool fits = personal ? antecedent.Kind == ActorKind.Person
                        : neuter ? antecedent.Kind is ActorKind.State or ActorKind.Igo or ActorKind.Organisation
                        : antecedent.Kind is not ActorKind.Person;
                    if (fits)
                    {
                        if (si == at && Nominative.Contains(form) && AfterPreposition(text.Text, antecedent.Start))
                        {
                            // "X was isolated by Y after it annexed Z": a subject pronoun prefers the earlier subject
                            // of its sentence to an actor inside a prepositional phrase.
                            for (int e = r - 1; e >= 0 && recent[e].Sentence == si; e--)
                            {
                                var earlier = recent[e].Mention;
                                if (earlier.Kind == antecedent.Kind && !AfterPreposition(text.Text, earlier.Start))
                                {
                                    antecedent = earlier;
                                    break;
                                }
                            }
                        }

                        added.Add(antecedent with { Text = form, Start = token.Start, End = token.End, ResolvedBy = ResolvedBy.Coreference });
                        break;
                    }
                }
            }
        }

        if (added.Count == 0)
        {
            return mentions;
        }

        return [.. mentions.Concat(added).OrderBy(x => x.Start).ThenBy(x => x.End)];
    }
}
