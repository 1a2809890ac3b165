using System.Text.RegularExpressions;

namespace Entente.Coding.Dates;

/// <summary>
/// The source-generated regular expressions of <see cref="TemporalTagger"/>. Month and weekday names are case-sensitive
/// ("May" the month, not "may" the modal; "March", not "march" the verb); cue words are not.
/// </summary>
internal static partial class TemporalPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture;

    /// <summary>Full month names only: a bare abbreviation ("Jan", "Mar") is too often something else.</summary>
    private const string MonthFull = "(?-i:January|February|March|April|May|June|July|August|September|October|November|December)";

    /// <summary>Full or abbreviated month names, the abbreviation with an optional period ("Jan.", "Sept").</summary>
    private const string MonthAny =
        @"(?-i:(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![A-Za-z])\.?)(?![A-Za-z]))";

    private const string Weekday = "(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

    private const string DayNumber = @"(?:[12]\d|3[01]|0?[1-9])(?!\d)";

    private const string Ordinal = "(?:st|nd|rd|th)?";

    /// <summary>The rest of a day range ("-3", " to 3rd"); the expression takes the first day.</summary>
    private const string DayRangeTail = @"(?:\s*(?:-|–|—|to|and|or)\s*(?:[12]\d|3[01]|0?[1-9])(?!\d)" + Ordinal + ")?";

    private const string Year = @"(?:19|20)\d\d(?!\d)";

    /// <summary>A weekday followed by its date ("Monday, January 1", "Friday 5 May") is left to the date.</summary>
    private const string NotBeforeDate =
        @"(?!,?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + MonthAny + @"|,?\s+" + MonthAny + @"\s*\d)";

    private const string Count = @"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

    /// <summary>Words after a number that make it a quantity rather than a year ("by 2000 tonnes", "of 1990 troops").</summary>
    private const string NotAYear =
        @"(?![.,]\d|s\b|['’]s\b|\s*%|\s*(?:percent|per\s+cent|million|billion|thousand|troops|soldiers|people|persons|civilians|men|women|tonnes|tons|barrels|km|kilomet\w*|miles|meters|metres|dollars|euros|pounds|rupees|units|vehicles|tanks|aircraft|missiles|rounds|households|refugees|feet|hectares)\b)";

    /// <summary>
    /// Dates with a year: ISO <c>2018-01-01</c> (groups iy im id); "January 1, 2018", "Jan. 1st 2018", "January 1-3, 2018"
    /// (m1 d1 y1); "1 January 2018", "1st of January, 2018" (d2 m2 y2).
    /// </summary>
    /// <remarks>
    /// No pattern starts with a look-behind, so the generated matcher can skip ahead to the characters a match can start with;
    /// <see cref="TemporalTagger"/> rejects matches that continue a number ("1,14 May 2018").
    /// </remarks>
    [GeneratedRegex(
        @"\b(?<iy>(?:19|20)\d\d)-(?<im>0[1-9]|1[0-2])-(?<id>0[1-9]|[12]\d|3[01])(?![\d-])"
        + @"|\b(?<m1>" + MonthAny + @")\s+(?<d1>" + DayNumber + ")" + Ordinal + DayRangeTail + @",?\s+(?<y1>" + Year + ")"
        + @"|\b(?<d2>" + DayNumber + ")" + Ordinal + DayRangeTail + @"\s+(?:of\s+)?(?<m2>" + MonthAny + @"),?\s+(?<y2>" + Year + ")",
        Options)]
    internal static partial Regex FullDate();

    /// <summary>A month and day without a year: "January 14", "Jan. 14th" (m1 d1); "14 January", "14th of January" (d2 m2).</summary>
    [GeneratedRegex(
        @"\b(?<m1>" + MonthAny + @")\s+(?<d1>" + DayNumber + ")" + Ordinal + @"(?![.,:]\d|\s*(?:%|percent\b|[ap]\.?m\b|o'clock\b|hours\b|people\b))"
        + @"|\b(?<d2>" + DayNumber + ")" + Ordinal + @"\s+(?:of\s+)?(?<m2>" + MonthAny + ")",
        Options)]
    internal static partial Regex MonthDay();

    /// <summary>A month of a year: "January 2018", "January of 2018", "early January 2018", "mid-May 2019" (m y; p the modifier).</summary>
    [GeneratedRegex(
        @"\b(?<m>" + MonthAny + @")(?:(?<=\b(?<p>early|late|mid|(?:the\s+)?(?:end|beginning|start|middle)\s+of)[\s-]+[a-z]+\.?)|)"
        + @"(?:\s+of)?,?\s+(?<y>" + Year + @")(?!s\b)",
        Options)]
    internal static partial Regex MonthYear();

    /// <summary>
    /// A month alone, after a cue ("in April", "since March") or with a modifier ("early May", "last April", "next June").
    /// Group p is the modifier, rel last / next / this when present.
    /// </summary>
    [GeneratedRegex(
        @"\b(?<m>" + MonthFull + @")\b(?!\s*\d|-\d)"
        + @"(?<=(?:\b(?<p>(?<rel>last|next|this)|early|late|mid|earlier\s+in|later\s+in|(?:the\s+)?(?:end|beginning|start|middle)\s+of)[\s-]+"
        + @"|\b(?:in|since|until|till|by|during|from|through|throughout|before|after|of|between)\s+)[a-z]+)",
        Options)]
    internal static partial Regex MonthAlone();

    /// <summary>
    /// A year with a cue ("in 2018", "since 2014", "by 2025", "of 2020") or a modifier ("early 2020", "mid-2019",
    /// "the spring of 2021", "summer 2019"; group p), or possessive ("2018's"). Decades ("1990s", "the 1990's") never match.
    /// </summary>
    [GeneratedRegex(
        @"\b(?<y>" + Year + ")(?:" + NotAYear
        + @"(?<=(?:\b(?<p>early|late|mid|(?:the\s+)?(?:spring|summer|autumn|fall|winter|beginning|start|end|middle|turn|first\s+half|second\s+half|(?:first|second|third|fourth|last)\s+quarter)(?:\s+of)?)[\s-]+"
        + @"|\b(?:in|since|by|during|of|until|till|before|after|from|through|throughout|between|around|year|as\s+of)\s+)\d{4})"
        + @"|(?=['’]s\b)(?<!\bthe\s+\d{4}))",
        Options)]
    internal static partial Regex YearWithCue();

    /// <summary>
    /// Expressions resolved against the publication date, each anchored on its key word with any words before it in a look-behind
    /// (group p): "today", "yesterday", "tomorrow", "tonight", "last night", "this morning" (group day); "this week", "last month",
    /// "earlier this year" (rel unit); "two weeks ago" (n agounit); "in two weeks" (nin inunit); "on Friday", "last Friday",
    /// "Friday's" (wrel wd). A weekday directly followed by a date ("Monday, January 1") is left to the date.
    /// </summary>
    [GeneratedRegex(
        @"\b(?<day>today|tonight|yesterday|tomorrow)\b"
        + @"|\b(?<day>night|morning|afternoon|evening)\b(?<=\b(?<p>last|this)\s+[a-z]+)"
        + @"|\b(?<unit>week|month|year)\b(?<=\b(?<p>(?<rel>(?:earlier|later)\s+this|this|last|next))\s+[a-z]+)(?<!\b(?:the|over|for|within)\s+(?:last|next|this)\s+[a-z]+)"
        + @"|\b(?<agounit>day|week|month|year)s?\s+ago\b(?<=\b(?<p>(?<n>" + Count + @"))\s+[a-z]+\s+ago)"
        + @"|\b(?<inunit>day|week|month|year)s?\b(?<=\b(?<p>in)\s+(?<nin>" + Count + @")\s+[a-z]+)(?:['’]?\s+time\b)?(?!\s+(?:of|and|since)\b)"
        + @"|\b(?<wd>" + Weekday + @")\b(?:" + NotBeforeDate
        + @"(?<=(?:\b(?<p>(?<wrel>last|next|this))\s+|\b(?:on|since|until|till|by|from|said|before|after|early|late|of|during)\s+)[a-z]+)|(?=['’]s\b))",
        Options)]
    internal static partial Regex Relative();

    /// <summary>
    /// A superlative or "first"/"time" before "in two years" makes it a span, not a future date ("the first visit in five years",
    /// "the worst floods in 20 years"); matched against the 40 characters before the expression.
    /// </summary>
    [GeneratedRegex(
        @"\b(?:time|first|highest|lowest|biggest|largest|worst|best|most|least|deadliest|strongest|weakest|only|once)\b[^.;:!?]*$",
        Options)]
    internal static partial Regex SpanBefore();
}
