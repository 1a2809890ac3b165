using System.Collections.Immutable;

namespace Entente.Storage;

/// <summary>How stored events are grouped in time for analytics: not at all, or by year, quarter or month of their start date.</summary>
public enum Grain
{
    All,
    Year,
    Quarter,
    Month,
}

/// <summary>
/// What to aggregate for relations analytics: the events whose start date lies in [<see cref="From"/>, <see cref="To"/>],
/// optionally of one pair (pair parts, either direction: a country such as <c>PAK</c>, or the code of an actor without a
/// country), grouped by <see cref="Grain"/> and directed pair. Each event weighs its modality weight times
/// <c>1 + ln(n_sources)</c> (independent sources of its reports). The weights and the codes that count as material
/// support are data given by the caller; the store writes them into the SQL as literals (checked numbers and digit strings).
/// </summary>
public sealed record AggregateQuery
{
    public Grain Grain { get; init; } = Grain.All;

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>With <see cref="PairB"/>: only this pair, both directions.</summary>
    public string? PairA { get; init; }

    public string? PairB { get; init; }

    /// <summary>When not empty: only events with one of these actors (pair parts) as source or target.</summary>
    public ImmutableArray<string> Involving { get; init; } = [];

    /// <summary>When not empty: only events whose source is one of these actors (pair parts).</summary>
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>Weight of each modality word (asserted, reported, intended, hypothetical, negated, opinion); missing words weigh 0.</summary>
    public ImmutableDictionary<string, double> ModalityWeights { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>CAMEO code prefixes (digits) whose events count as material support (aid, material cooperation, their intents).</summary>
    public ImmutableArray<string> MaterialCodes { get; init; } = [];

    /// <summary>
    /// Only the number of events and the weighted sums (<c>Weight…</c>); the other counts and the Goldstein sums are 0.
    /// Cheaper over many pairs, for who supports whom.
    /// </summary>
    public bool WeightsOnly { get; init; }
}

/// <summary>
/// The events of one directed pair in one period (null for <see cref="Grain.All"/>; <c>undated</c> never appears:
/// undated events are left out). Counts are raw; <c>W…</c> are weighted sums (see <see cref="AggregateQuery"/>).
/// </summary>
public sealed record PairAggregate(
    string? Period,
    string Source,
    string Target,
    long Events,
    long Reports,
    long VerbalCooperation,
    long MaterialCooperation,
    long VerbalConflict,
    long MaterialConflict,
    double WeightVerbalCooperation,
    double WeightMaterialCooperation,
    double WeightVerbalConflict,
    double WeightMaterialConflict,
    double WeightMaterialSupport,
    double Goldstein,
    double WeightedGoldstein,
    double Weight,
    long Reported,
    long Intended,
    long Hedged,
    long Opinion,
    long Negated,
    long SingleSource,
    long YearOnly,
    long PublicationDated)
{
    public long Cooperation => VerbalCooperation + MaterialCooperation;

    public long Conflict => VerbalConflict + MaterialConflict;

    public double WeightCooperation => WeightVerbalCooperation + WeightMaterialCooperation;

    public double WeightConflict => WeightVerbalConflict + WeightMaterialConflict;
}

/// <summary>How many stored documents mention any of some actors in one period (by publication date; null period for <see cref="Grain.All"/>).</summary>
public sealed record CoveragePoint(string? Period, long Documents);

/// <summary>A report of an event with the document it comes from: the evidence an analyst reads.</summary>
public sealed record EvidenceReport(StoredReport Report, string? DocumentSource, string? DocumentTitle, string? DocumentUrl, DateOnly? Published);

/// <summary>The period key of a date: <c>2023</c>, <c>2023-Q1</c>, <c>2023-03</c>, or null for <see cref="Grain.All"/>.</summary>
public static class Periods
{
    public static string? Key(Grain grain, int year, int sub) => grain switch
    {
        Grain.Year => year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
        Grain.Quarter => FormattableString.Invariant($"{year:D4}-Q{sub}"),
        Grain.Month => FormattableString.Invariant($"{year:D4}-{sub:D2}"),
        _ => null,
    };

    public static string? Key(Grain grain, DateOnly date) => Key(grain, date.Year, grain == Grain.Quarter ? ((date.Month - 1) / 3) + 1 : date.Month);

    /// <summary>The first day of a period key.</summary>
    public static DateOnly Start(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int year = int.Parse(key.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
        if (key.Length == 4)
        {
            return new DateOnly(year, 1, 1);
        }

        return key[5] == 'Q'
            ? new DateOnly(year, ((key[6] - '1') * 3) + 1, 1)
            : new DateOnly(year, int.Parse(key.AsSpan(5, 2), System.Globalization.CultureInfo.InvariantCulture), 1);
    }

    /// <summary>Every period key from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<string> Range(Grain grain, DateOnly first, DateOnly last)
    {
        if (grain == Grain.All)
        {
            yield break;
        }

        var d = Start(Key(grain, first)!);
        while (d <= last)
        {
            yield return Key(grain, d)!;
            d = grain switch
            {
                Grain.Year => d.AddYears(1),
                Grain.Quarter => d.AddMonths(3),
                _ => d.AddMonths(1),
            };
        }
    }
}

/// <summary>
/// One selection of <see cref="IEventStore.TopEvents"/>: the events of some directed pairs (<c>PAK>RUS</c>) with positive
/// weight, of the given quad classes (all when empty), only material support when asked, whose start date lies in the
/// window (undated events too when there is no window); the heaviest first, then the latest, then by id; at most
/// <see cref="Limit"/>.
/// </summary>
public sealed record TopEventsQuery
{
    public ImmutableArray<string> Pairs { get; init; } = [];

    public ImmutableArray<int> QuadClasses { get; init; } = [];

    public bool MaterialOnly { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public int Limit { get; init; } = 25;

    public ImmutableDictionary<string, double> ModalityWeights { get; init; } = ImmutableDictionary<string, double>.Empty;

    public ImmutableArray<string> MaterialCodes { get; init; } = [];
}

/// <summary>A pair's events (both directions) by modality, and how many of them are undated.</summary>
public sealed record PairModalityCounts(ImmutableSortedDictionary<string, long> ByModality, long Undated);
