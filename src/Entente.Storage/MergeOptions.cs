namespace Entente.Storage;

/// <summary>
/// When two reports are one event. <see cref="PublicationWindowDays"/>: a report dated only by its publication date
/// covers that many days before the publication (an event is reported after it happens), so it merges with a report
/// dated to one of those days, or with another publication-dated report at most that many days apart.
/// </summary>
public sealed record MergeOptions(int PublicationWindowDays = 3)
{
    public static MergeOptions Default { get; } = new();
}
