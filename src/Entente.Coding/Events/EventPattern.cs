using System.Collections.Immutable;

namespace Entente.Coding.Events;

/// <summary>Whether a pattern's predicate is a verb ("supplied") or a noun ("the supply of", "a visit to").</summary>
public enum PredicateKind
{
    Verb,
    Noun,
}

/// <summary>
/// One entry of the event-pattern dictionary (<c>data/events/patterns.jsonl</c>, one JSON object per line).
/// A predicate with its argument frame and object class, mapped to a CAMEO code.
/// </summary>
/// <param name="Id">Unique identifier, e.g. <c>supply.weapons</c>.</param>
/// <param name="Line">Line number in the source file (for messages).</param>
/// <param name="Lemma">The predicate's lemma, lower case ("supply", "visit").</param>
/// <param name="Kind">Verb or noun predicate.</param>
/// <param name="Particle">The particle of a phrasal verb ("off" in "call off"), or null.</param>
/// <param name="Objects">
/// Lemmas the theme (direct object of a verb, "of" complement of a noun, or the "with" phrase of "provide Y with X")
/// must have, expanded from <c>@class</c> names in <c>data/events/classes.tsv</c>; a multiword entry ("military aid")
/// matches the head lemma with the modifiers before it. Empty: no constraint.
/// </param>
/// <param name="Target">
/// Where the target actor is: <c>obj</c> (direct object: "visited India"), <c>iobj</c> ("gave Ukraine weapons")
/// or a preposition ("to", "with", "on", "against", "from", "for", "into", "at", "over").
/// </param>
/// <param name="Symmetric">True when conjoined subjects act on each other ("X and Y signed a treaty" → X→Y and Y→X).</param>
/// <param name="Code">CAMEO event code.</param>
/// <param name="Example">A sentence of our own that this entry must code.</param>
/// <param name="Expect">The example's expected source and target, "SRC>TGT" (countries or IGO codes), or null.</param>
public sealed record EventPattern(
    string Id,
    int Line,
    string Lemma,
    PredicateKind Kind,
    string? Particle,
    ImmutableArray<string> Objects,
    string Target,
    bool Symmetric,
    string Code,
    string Example,
    string? Expect);
