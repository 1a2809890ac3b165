using System.Collections.Frozen;

namespace Entente.Nlp.Tokenization;

/// <summary>
/// The word lists the tokenizer and the sentence splitter depend on.
/// </summary>
/// <remarks>
/// Written by hand for this project. Which lists exist, and a few of their entries (the hyphen prefixes
/// that stay attached, the apostrophe-less contractions that are split, the units split from numbers),
/// follow the token conventions observed in UD English EWT train (annotations CC BY-SA 4.0); no text of
/// the treebank is copied here.
/// </remarks>
internal static class Lexicon
{

    /// <summary>Abbreviations that keep their period in any letter case ("Gen.", "gen.", "Sept.").</summary>
    public static readonly FrozenSet<string> Abbreviations = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "adm", "cmdr", "brig",
        "gov", "govt", "pres", "sen", "rev", "hon", "amb", "supt", "insp",
        "jr", "sr", "inc", "corp", "ltd", "llc", "plc", "bros", "assn", "dept", "univ",
        "jan", "feb", "apr", "aug", "sep", "sept", "oct", "nov",
        "tues", "thurs",
        "vs", "etc", "approx", "cf", "viz", "ca",
        "st", "ft", "mt", "ave", "blvd", "hwy", "ext", "pvt", "drs", "sts");

    /// <summary>Abbreviations that keep their period only when capitalised, because the lowercase form is a common word ("He sat.").</summary>
    public static readonly FrozenSet<string> CapitalisedAbbreviations = FrozenSet.Create(
        StringComparer.Ordinal,
        "Co", "Rep", "Mar", "Jun", "Jul", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
        "Rd", "Fig", "Vol", "Nos", "Est", "Al", "Ariz", "Calif", "Conn", "Fla", "Ill", "Mass", "Mich", "Minn", "Penn", "Tenn", "Wash", "Wis");

    /// <summary>Abbreviations that never end a sentence: a title or a word that always precedes a name or number.</summary>
    public static readonly FrozenSet<string> Titles = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "adm", "cmdr", "brig",
        "gov", "pres", "sen", "rep", "rev", "hon", "amb", "supt", "insp", "st", "mt", "ft", "no", "nos", "vol", "fig",
        "vs", "cf", "viz", "e.g", "i.e", "approx",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    /// <summary>
    /// Hyphen prefixes that stay attached to the rest of the word ("anti-missile", "co-operation", "e-mail");
    /// every other hyphen between letters or digits is its own token ("Mi - 35", "well - known").
    /// </summary>
    public static readonly FrozenSet<string> HyphenPrefixes = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "e", "non", "pre", "anti", "re", "co", "ex", "post", "mid", "pro", "multi", "sub", "semi", "over",
        "neo", "cross", "psycho", "socio", "counter", "intra", "micro", "un");

    /// <summary>Unit and magnitude suffixes split from a number written without a space ("33bn" → "33" "bn").</summary>
    public static readonly FrozenSet<string> NumberUnits = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "bn", "mn", "mln", "m", "k", "tn", "trn", "km", "kg", "mm", "cm", "ft", "pm", "am", "lb", "lbs", "mph", "kph", "kmh",
        "mw", "gw", "kw", "mwh", "gwh", "kwh", "mi", "yr", "yrs", "hr", "hrs", "min", "mins", "sec", "secs", "ml", "oz", "km2", "sq");

    /// <summary>Contractions written without an apostrophe, with the length of their first part ("cannot" → "can" "not").</summary>
    public static readonly FrozenDictionary<string, int> JoinedContractions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["cannot"] = 3,
        ["gonna"] = 3,
        ["wanna"] = 3,
        ["gotta"] = 3,
        ["dont"] = 2,
        ["didnt"] = 3,
        ["doesnt"] = 4,
        ["isnt"] = 2,
        ["wasnt"] = 3,
        ["arent"] = 3,
        ["werent"] = 4,
        ["cant"] = 2,
        ["wont"] = 2,
        ["couldnt"] = 5,
        ["wouldnt"] = 5,
        ["shouldnt"] = 6,
        ["havent"] = 4,
        ["hasnt"] = 3,
        ["hadnt"] = 3,
        ["alot"] = 1,
        ["im"] = 1,
        ["ive"] = 1,
        ["thats"] = 4,
        ["whats"] = 4,
        ["youre"] = 3,
        ["theyre"] = 4,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Capitalised words that usually begin a sentence: after "U.S." or an initial they signal a boundary.</summary>
    public static readonly FrozenSet<string> SentenceStarters = FrozenSet.Create(
        StringComparer.Ordinal,
        "The", "A", "An", "It", "He", "She", "They", "We", "I", "You", "This", "That", "These", "Those", "There", "Here",
        "But", "And", "So", "Or", "In", "On", "At", "For", "However", "Meanwhile", "His", "Her", "Its", "Their", "Our", "My",
        "If", "When", "While", "As", "After", "Before", "Since", "Although", "Though", "What", "Why", "How", "Who", "Where",
        "According", "Some", "Many", "Most", "No", "Not", "All", "Both", "Each", "Earlier", "Later", "Also", "Then", "Yet",
        "Still", "Such", "Last", "Next", "Under", "With", "Without", "By", "From", "Moreover", "Furthermore", "Thus",
        "Instead", "Officials", "Analysts", "Experts", "Nevertheless", "Despite", "During", "Now", "Today", "Yesterday");

    /// <summary>Words after which a line break does not end a sentence (a hard-wrapped line).</summary>
    public static readonly FrozenSet<string> Continuations = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "the", "a", "an", "of", "to", "and", "or", "but", "in", "on", "with", "for", "by", "at", "from", "as", "that",
        "which", "who", "its", "their", "his", "her", "is", "are", "was", "were", "be", "has", "have", "had", "will", "would",
        ",", ";", "-", "&", "(", "[", "/", "\u2013", "\u2014");

    // Span lookups into the sets below, created once after the sets (static fields initialise in text order) (the sets are never modified).
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationSpans = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CapitalisedAbbreviationSpans = CapitalisedAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleSpans = Titles.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HyphenPrefixSpans = HyphenPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberUnitSpans = NumberUnits.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> JoinedContractionSpans = JoinedContractions.GetAlternateLookup<ReadOnlySpan<char>>();
}
