namespace Entente.Storage;

/// <summary>Which part of an actor two reports must share to be one event.</summary>
public enum ActorKey
{
    /// <summary>The country (ISO alpha-3) when the actor has one, else its CAMEO code: "Moscow" (RUSGOV) and "Russia" (RUS) are one actor.</summary>
    Country,

    /// <summary>The full CAMEO actor code: RUSGOV and RUS are different actors.</summary>
    Code,
}

/// <summary>
/// When two reports are one event. <see cref="PublicationWindowDays"/>: a report dated only by its publication date
/// covers that many days before the publication (an event is reported after it happens), so it merges with a report
/// dated to one of those days, or with another publication-dated report at most that many days apart.
/// <see cref="Actors"/>: how source and target are compared.
/// </summary>
public sealed record MergeOptions(int PublicationWindowDays = 3, ActorKey Actors = ActorKey.Country)
{
    public static MergeOptions Default { get; } = new();
}
