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

    private const string Count = @"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

    /// <summary>Words after a number that make it a quantity rather than a year ("by 2000 tonnes", "of 1990 troops").</summary>
    private const string NotAYear =
        @"(?![.,]\d|s\b|['’]s\b|\s*%|\s*(?:percent|per\s+cent|million|billion|thousand|troops|soldiers|people|persons|civilians|men|women|tonnes|tons|barrels|km|kilomet\w*|miles|meters|metres|dollars|euros|pounds|rupees|units|vehicles|tanks|aircraft|missiles|rounds|households|refugees|feet|hectares)\b)";

    /// <summary>
    /// Dates with a year: ISO <c>2018-01-01</c> (groups iy im id); "January 1, 2018", "Jan. 1st 2018", "January 1-3, 2018"
    /// (m1 d1 y1); "1 January 2018", "1st of January, 2018" (d2 m2 y2).
    /// </summary>
    [GeneratedRegex(
        @"(?<![\d-])(?<iy>(?:19|20)\d\d)-(?<im>0[1-9]|1[0-2])-(?<id>0[1-9]|[12]\d|3[01])(?![\d-])"
        + @"|\b(?<m1>" + MonthAny + @")\s+(?<d1>" + DayNumber + ")" + Ordinal + DayRangeTail + @",?\s+(?<y1>" + Year + ")"
        + @"|(?<![\d.,])\b(?<d2>" + DayNumber + ")" + Ordinal + DayRangeTail + @"\s+(?:of\s+)?(?<m2>" + MonthAny + @"),?\s+(?<y2>" + Year + ")",
        Options)]
    internal static partial Regex FullDate();

    /// <summary>A month and day without a year: "January 14", "Jan. 14th" (m1 d1); "14 January", "14th of January" (d2 m2).</summary>
    [GeneratedRegex(
        @"\b(?<m1>" + MonthAny + @")\s+(?<d1>" + DayNumber + ")" + Ordinal + @"(?![.,:]\d|\s*(?:%|percent\b|[ap]\.?m\b|o'clock\b|hours\b|people\b))"
        + @"|(?<![\d.,])\b(?<d2>" + DayNumber + ")" + Ordinal + @"\s+(?:of\s+)?(?<m2>" + MonthAny + ")",
        Options)]
    internal static partial Regex MonthDay();

    /// <summary>A month of a year: "January 2018", "January of 2018", "early January 2018", "mid-May 2019" (mod m y).</summary>
    [GeneratedRegex(
        @"(?:\b(?<mod>early|late|mid|(?:the\s+)?(?:end|beginning|start|middle)\s+of)[\s-]+)?\b(?<m>" + MonthAny + @")(?:\s+of)?,?\s+(?<y>" + Year + @")(?!s\b|['’]s\b)",
        Options)]
    internal static partial Regex MonthYear();

    /// <summary>
    /// A month alone, after a cue ("in April", "since March") or with a modifier ("early May", "last April", "next June").
    /// Group rel holds last / next / this when present.
    /// </summary>
    [GeneratedRegex(
        @"(?:\b(?<rel>last|next|this)\s+|\b(?:early|late|mid|earlier\s+in|later\s+in|(?:the\s+)?(?:end|beginning|start|middle)\s+of)[\s-]+"
        + @"|(?<=\b(?:in|since|until|till|by|during|from|through|throughout|before|after|of|between)\s+))"
        + @"\b(?<m>" + MonthFull + @")\b(?!\s*\d|-\d)",
        Options)]
    internal static partial Regex MonthAlone();

    /// <summary>
    /// A year with a cue ("in 2018", "since 2014", "by 2025", "of 2020") or a modifier ("early 2020", "mid-2019",
    /// "the spring of 2021", "summer 2019"), or possessive ("2018's"). Decades ("1990s", "the 1990's") never match.
    /// </summary>
    [GeneratedRegex(
        @"(?:\b(?:early|late|mid|(?:the\s+)?(?:spring|summer|autumn|fall|winter|beginning|start|end|middle|turn|first\s+half|second\s+half|(?:first|second|third|fourth|last)\s+quarter)(?:\s+of)?)[\s-]+"
        + @"|(?<=\b(?:in|since|by|during|of|until|till|before|after|from|through|throughout|between|around|year|as\s+of)\s+))"
        + @"(?<y>" + Year + ")" + NotAYear
        + @"|(?<![\d.,]|\bthe\s+)\b(?<y>" + Year + @")(?=['’]s\b)",
        Options)]
    internal static partial Regex YearWithCue();

    /// <summary>
    /// Expressions resolved against the publication date: "today", "yesterday", "tomorrow", "tonight", "last night", "this morning"
    /// (group day); "this week", "last month", "earlier this year" (rel unit); "two weeks ago" (n agounit); "in two weeks" (nin inunit);
    /// "on Friday", "last Friday", "Friday's" (wrel wd). A weekday directly followed by a date ("Monday, January 1") is left to the date.
    /// </summary>
    [GeneratedRegex(
        @"\b(?<day>today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b"
        + @"|(?<!\b(?:the|over|for|within)\s+)\b(?<rel>this|last|next|(?:earlier|later)\s+this)\s+(?<unit>week|month|year)\b"
        + @"|\b(?<n>" + Count + @")\s+(?<agounit>day|week|month|year)s?\s+ago\b"
        + @"|(?<!\b(?:time|first|highest|lowest|biggest|largest|worst|best|most|least|deadliest|strongest|weakest|only|once)\b[^.;:!?]{0,40})"
        + @"\bin\s+(?<nin>" + Count + @")\s+(?<inunit>day|week|month|year)s?\b(?:['’]?\s+time\b)?(?!\s+(?:of|and|since)\b)"
        + @"|(?:\b(?<wrel>last|next|this)\s+|(?<=\b(?:on|since|until|till|by|from|said|before|after|early|late)\s+)|(?=" + Weekday + @"['’]s\b))"
        + @"\b(?<wd>" + Weekday + @")\b(?!,?\s+(?:the\s+)?\d|,?\s+" + MonthAny + ")",
        Options)]
    internal static partial Regex Relative();
}
