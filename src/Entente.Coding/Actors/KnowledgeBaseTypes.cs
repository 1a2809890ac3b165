using System.Collections.Immutable;

namespace Entente.Coding.Actors;

/// <summary>Which layer of the knowledge base a sense comes from; lower layers yield to higher ones.</summary>
internal enum SenseLayer : byte
{
    City = 0,
    Sector = 1,
    Actor = 2,
}

/// <summary>What a name in the knowledge base means.</summary>
internal enum SenseKind : byte
{
    State,
    Demonym,
    Metonym,
    Igo,
    Person,
    Group,
    Region,
    City,
    Sector,
}

/// <summary>A term of office: the actor code held between two dates (either may be open).</summary>
internal readonly record struct Term(string Code, DateOnly? From, DateOnly? To)
{
    public bool Covers(DateOnly date) => (From is null || From.Value <= date) && (To is null || date <= To.Value);
}

/// <summary>One meaning of a name: a state, a demonym, a metonym, an organisation, a person, a place or a sector.</summary>
internal sealed record Sense(
    SenseKind Kind,
    string? Code,
    string? Country,
    string? Sector,
    string Source,
    string? Rule = null,
    int Population = 0,
    ActorKind SectorKind = ActorKind.Organisation)
{
    public ImmutableArray<Term> Terms { get; init; } = [];

    public SenseLayer Layer => Kind switch
    {
        SenseKind.City => SenseLayer.City,
        SenseKind.Sector => SenseLayer.Sector,
        _ => SenseLayer.Actor,
    };
}

/// <summary>One way of writing a name: its case rule per token, and its meaning.</summary>
internal sealed record Alias(ImmutableArray<CaseRule> Cases, ImmutableArray<string> Forms, Sense Sense);

/// <summary>A node of the name trie over folded tokens.</summary>
internal sealed class TrieNode
{
    public Dictionary<string, TrieNode>? Children { get; set; }

    public List<Alias>? Aliases { get; set; }

    public TrieNode Child(string key)
    {
        Children ??= new Dictionary<string, TrieNode>(StringComparer.Ordinal);
        if (!Children.TryGetValue(key, out var node))
        {
            node = new TrieNode();
            Children[key] = node;
        }

        return node;
    }
}

/// <summary>A state of the knowledge base.</summary>
internal sealed record StateEntry(string Iso3, string Iso2, string Cameo, string Status, string Name);
