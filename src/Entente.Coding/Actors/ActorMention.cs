using System.Collections.Immutable;

namespace Entente.Coding.Actors;

/// <summary>What a mention names.</summary>
public enum ActorKind
{
    State,
    Igo,
    Person,
    Organisation,
    Location,
}

/// <summary>The evidence that resolved a mention.</summary>
public enum ResolvedBy
{
    /// <summary>The name of a state, organisation or place.</summary>
    Name,

    /// <summary>A capital or seat of power standing for a state ("the Kremlin", "Rawalpindi").</summary>
    Metonym,

    /// <summary>A demonym or adjective ("Pakistani", "Polish").</summary>
    Demonym,

    /// <summary>A known office holder, by the terms of office and the document date.</summary>
    Office,

    /// <summary>A city from the gazetteer.</summary>
    City,

    /// <summary>An earlier mention in the same document.</summary>
    Coreference,
}

/// <summary>
/// A mention of an actor or a place, with its [Start, End) character offsets in the document.
/// <paramref name="Code"/> is the CAMEO actor code (country + sector, or an IGO code) or null when the mention
/// is a place or its actor is not known; <paramref name="Country"/> is ISO 3166-1 alpha-3 or null.
/// </summary>
public sealed record ActorMention(
    string Text,
    int Start,
    int End,
    string? Code,
    string? Country,
    string? Sector,
    ActorKind Kind,
    ResolvedBy ResolvedBy);

/// <summary>A document to resolve: its segmented text and the date of the events it reports, when known.</summary>
public sealed record ActorDocument(Entente.Nlp.Text.SegmentedText Text, DateOnly? Date);

/// <summary>The mentions of one document, in text order.</summary>
public sealed record ActorResolution(ImmutableArray<ActorMention> Mentions);
