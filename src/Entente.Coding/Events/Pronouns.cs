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
