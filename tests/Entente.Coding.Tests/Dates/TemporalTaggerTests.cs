using System.Collections.Immutable;
using System.Globalization;
using Entente.Coding.Dates;
using Entente.Coding.Events;

namespace Entente.Coding.Tests.Dates;

public class TemporalTaggerTests
{
    /// <summary>Wednesday.</summary>
    private const string Published = "2023-05-10";

    [Theory]
    [InlineData("The treaty was signed on January 1, 2018 in Geneva.", "January 1, 2018", "2018-01-01")]
    [InlineData("Talks resumed on 1 January 2018 after a pause.", "1 January 2018", "2018-01-01")]
    [InlineData("The embassy closed on Jan. 1, 2018, the ministry said.", "Jan. 1, 2018", "2018-01-01")]
    [InlineData("Voters went to the polls on the 1st of January 2018.", "1st of January 2018", "2018-01-01")]
    [InlineData("A decree dated 2018-01-01 ordered the closure.", "2018-01-01", "2018-01-01")]
    [InlineData("The last convoy left on Sept. 30, 2019.", "Sept. 30, 2019", "2019-09-30")]
    [InlineData("Clashes broke out on March 3rd, 2020 near the border.", "March 3rd, 2020", "2020-03-03")]
    [InlineData("Fighting raged from 12 to 14 October 2016 in the north.", "12 to 14 October 2016", "2016-10-12")]
    [InlineData("The summit took place on November 2-3, 2021.", "November 2-3, 2021", "2021-11-02")]
    [InlineData("The envoys met on 29 February 2020 in Doha.", "29 February 2020", "2020-02-29")]
    [InlineData("On May 5, 2019 the coalition collapsed.", "May 5, 2019", "2019-05-05")]
    [InlineData("The parties met on Monday, January 1, 2018 to sign it.", "January 1, 2018", "2018-01-01")]
    [InlineData("The vote was held on Friday 5 May 2017, officials said.", "5 May 2017", "2017-05-05")]
    public void Dates_with_a_year_resolve_to_the_day(string sentence, string text, string value)
        => AssertSingle(sentence, Published, text, value, DatePrecision.Day, future: false);

    [Theory]
    [InlineData("Sanctions were imposed in January 2018.", "January 2018", "2018-01")]
    [InlineData("Sanctions were imposed in January of 2018.", "January of 2018", "2018-01")]
    [InlineData("The ceasefire collapsed in early March 2015.", "early March 2015", "2015-03")]
    [InlineData("The deal was signed in April 2021 in Ankara.", "April 2021", "2021-04")]
    [InlineData("Ties were restored by mid-May 2019, diplomats said.", "mid-May 2019", "2019-05")]
    [InlineData("The army withdrew in Dec. 2017 after a long siege.", "Dec. 2017", "2017-12")]
    [InlineData("In March 2019's vote the party won.", "March 2019", "2019-03")]
    public void A_month_with_a_year_resolves_to_the_month(string sentence, string text, string value)
        => AssertSingle(sentence, Published, text, value, DatePrecision.Month, future: false);

    [Theory]
    [InlineData("The ministry changed its policy in 2018.", "2018", "2018")]
    [InlineData("In 2016, the two states signed a trade pact.", "2016", "2016")]
    [InlineData("The two states have been at odds since 2014.", "2014", "2014")]
    [InlineData("The navy plans to double its fleet by 2025.", "2025", "2025")]
    [InlineData("Exports fell during 2019, officials said.", "2019", "2019")]
    [InlineData("The elections of 2020 were disputed.", "2020", "2020")]
    [InlineData("2018's protests toppled the cabinet.", "2018", "2018")]
    [InlineData("The offensive began in the spring of 2021.", "the spring of 2021", "2021")]
    [InlineData("Relations soured in summer 2019.", "summer 2019", "2019")]
    [InlineData("Inflation peaked in early 2020.", "early 2020", "2020")]
    [InlineData("The base was handed over in mid-2019.", "mid-2019", "2019")]
    [InlineData("The agreement expires at the end of 2024.", "the end of 2024", "2024")]
    [InlineData("Output recovered in late 1999.", "late 1999", "1999")]
    [InlineData("Growth slowed in the first half of 2020.", "the first half of 2020", "2020")]
    [InlineData("Losses mounted in the third quarter of 2019.", "the third quarter of 2019", "2019")]
    [InlineData("The town was founded in the year 2000.", "2000", "2000")]
    [InlineData("The rebels held the town until 2011-12 talks.", "2011", "2011")]
    public void A_year_with_a_cue_resolves_to_the_year(string sentence, string text, string value)
        => AssertSingle(sentence, Published, text, value, DatePrecision.Year, future: false);

    [Theory]
    [InlineData("Protesters gathered on January 14 outside parliament.", "January 14", "2023-01-14")]
    [InlineData("The army entered the town on 14 January.", "14 January", "2023-01-14")]
    [InlineData("Rebels seized the airport on June 2.", "June 2", "2022-06-02")]
    [InlineData("The minister resigned on May 10.", "May 10", "2023-05-10")]
    [InlineData("The vote took place on May 11.", "May 11", "2022-05-11")]
    [InlineData("Talks broke down on Feb. 3rd in Cairo.", "Feb. 3rd", "2023-02-03")]
    [InlineData("The blockade was lifted on the 2nd of March.", "2nd of March", "2023-03-02")]
    [InlineData("The treaty anniversary fell on February 29.", "February 29", "2020-02-29")]
    public void A_day_without_a_year_is_its_latest_occurrence_not_after_publication(string sentence, string text, string value)
        => AssertSingle(sentence, Published, text, value, DatePrecision.Day, future: false);

    [Theory]
    [InlineData("The ceasefire was agreed in April.", "April", "2023-04", false)]
    [InlineData("The ceasefire was agreed in May.", "May", "2023-05", false)]
    [InlineData("Strikes have continued since September.", "September", "2022-09", false)]
    [InlineData("Fighting escalated in mid-May.", "mid-May", "2023-05", false)]
    [InlineData("The bill passed in early February.", "early February", "2023-02", false)]
    [InlineData("The talks will resume next April.", "next April", "2024-04", true)]
    [InlineData("The talks will resume next June.", "next June", "2023-06", true)]
    [InlineData("The law was passed last April.", "last April", "2023-04", false)]
    [InlineData("The law was passed last May.", "last May", "2022-05", false)]
    [InlineData("The summit is planned for this December.", "this December", "2023-12", true)]
    public void A_month_alone_resolves_against_publication(string sentence, string text, string value, bool future)
        => AssertSingle(sentence, Published, text, value, DatePrecision.Month, future);

    [Theory]
    [InlineData("The minister spoke to reporters today.", "today", "2023-05-10", false)]
    [InlineData("Police arrested two suspects yesterday.", "yesterday", "2023-05-09", false)]
    [InlineData("The envoy will arrive tomorrow.", "tomorrow", "2023-05-11", true)]
    [InlineData("Shelling continued last night.", "last night", "2023-05-09", false)]
    [InlineData("The cabinet met this morning.", "this morning", "2023-05-10", false)]
    [InlineData("The president met the envoy on Monday.", "Monday", "2023-05-08", false)]
    [InlineData("The president met the envoy on Wednesday.", "Wednesday", "2023-05-10", false)]
    [InlineData("The president met the envoy on Thursday.", "Thursday", "2023-05-04", false)]
    [InlineData("Parliament voted last Friday.", "last Friday", "2023-05-05", false)]
    [InlineData("Parliament voted last Wednesday.", "last Wednesday", "2023-05-03", false)]
    [InlineData("Parliament will vote next Friday.", "next Friday", "2023-05-12", true)]
    [InlineData("Parliament will vote next Wednesday.", "next Wednesday", "2023-05-17", true)]
    [InlineData("Parliament votes this Friday.", "this Friday", "2023-05-12", true)]
    [InlineData("Officials said Friday that the talks had failed.", "Friday", "2023-05-05", false)]
    [InlineData("Sunday's attack killed three soldiers.", "Sunday", "2023-05-07", false)]
    [InlineData("Police said on Saturday 12 people were hurt.", "Saturday", "2023-05-06", false)]
    [InlineData("The strike began in the early hours of Sunday.", "Sunday", "2023-05-07", false)]
    [InlineData("Parliament will debate it on Thursday, the speaker said.", "Thursday", "2023-05-04", false)]
    [InlineData("The border was closed three days ago.", "three days ago", "2023-05-07", false)]
    [InlineData("The border was closed 10 days ago.", "10 days ago", "2023-04-30", false)]
    [InlineData("The border will reopen in three days.", "in three days", "2023-05-13", true)]
    public void Relative_days_resolve_against_publication(string sentence, string text, string value, bool future)
        => AssertSingle(sentence, Published, text, value, DatePrecision.Day, future);

    [Theory]
    [InlineData("Talks were held this week.", "this week", "2023-05-08", false)]
    [InlineData("Talks were held last week.", "last week", "2023-05-01", false)]
    [InlineData("Talks will be held next week.", "next week", "2023-05-15", true)]
    [InlineData("Talks were held earlier this week.", "earlier this week", "2023-05-08", false)]
    [InlineData("Talks will be held later this week.", "later this week", "2023-05-08", true)]
    [InlineData("The border was closed a week ago.", "a week ago", "2023-05-01", false)]
    [InlineData("The border was closed two weeks ago.", "two weeks ago", "2023-04-24", false)]
    [InlineData("The border will reopen in two weeks.", "in two weeks", "2023-05-22", true)]
    [InlineData("The border will reopen in two weeks' time.", "in two weeks' time", "2023-05-22", true)]
    public void Relative_weeks_resolve_to_their_monday(string sentence, string text, string value, bool future)
        => AssertSingle(sentence, Published, text, value, DatePrecision.Week, future);

    [Theory]
    [InlineData("Prices rose this month.", "this month", "2023-05", false)]
    [InlineData("Prices rose last month.", "last month", "2023-04", false)]
    [InlineData("Prices will rise next month.", "next month", "2023-06", true)]
    [InlineData("Prices rose earlier this month.", "earlier this month", "2023-05", false)]
    [InlineData("The border was closed six months ago.", "six months ago", "2022-11", false)]
    [InlineData("The treaty lapses in 8 months.", "in 8 months", "2024-01", true)]
    public void Relative_months_resolve_to_the_month(string sentence, string text, string value, bool future)
        => AssertSingle(sentence, Published, text, value, DatePrecision.Month, future);

    [Theory]
    [InlineData("The party won this year's election.", "this year", "2023", false)]
    [InlineData("The party lost last year.", "last year", "2022", false)]
    [InlineData("Elections are due next year.", "next year", "2024", true)]
    [InlineData("The plan was announced earlier this year.", "earlier this year", "2023", false)]
    [InlineData("The plan will be announced later this year.", "later this year", "2023", true)]
    [InlineData("The border was closed a year ago.", "a year ago", "2022", false)]
    [InlineData("The border was closed twelve years ago.", "twelve years ago", "2011", false)]
    public void Relative_years_resolve_to_the_year(string sentence, string text, string value, bool future)
        => AssertSingle(sentence, Published, text, value, DatePrecision.Year, future);

    [Theory]
    [InlineData("2023-01-15", "Prices rose last month.", "2022-12", DatePrecision.Month)]
    [InlineData("2023-12-20", "Prices will rise next month.", "2024-01", DatePrecision.Month)]
    [InlineData("2023-02-15", "The border was closed three months ago.", "2022-11", DatePrecision.Month)]
    [InlineData("2023-01-03", "Talks were held last week.", "2022-12-26", DatePrecision.Week)]
    [InlineData("2023-01-01", "Talks were held this week.", "2022-12-26", DatePrecision.Week)]
    [InlineData("2023-12-28", "Talks will be held next week.", "2024-01-01", DatePrecision.Week)]
    [InlineData("2023-01-01", "The party lost last year.", "2022", DatePrecision.Year)]
    [InlineData("2023-01-01", "Police arrested two suspects yesterday.", "2022-12-31", DatePrecision.Day)]
    [InlineData("2024-02-28", "The envoy will arrive tomorrow.", "2024-02-29", DatePrecision.Day)]
    [InlineData("2023-01-01", "The president met the envoy on Sunday.", "2023-01-01", DatePrecision.Day)]
    [InlineData("2023-01-02", "The president met the envoy on Saturday.", "2022-12-31", DatePrecision.Day)]
    [InlineData("2023-01-05", "The army withdrew in December.", "2022-12", DatePrecision.Month)]
    [InlineData("2023-01-05", "The army withdrew in January.", "2023-01", DatePrecision.Month)]
    [InlineData("2023-01-05", "The army withdrew on December 31.", "2022-12-31", DatePrecision.Day)]
    [InlineData("2023-04-20", "The talks will resume next April.", "2024-04", DatePrecision.Month)]
    [InlineData("2023-04-20", "The law was passed last April.", "2022-04", DatePrecision.Month)]
    public void Relative_dates_cross_week_month_and_year_boundaries(string publication, string sentence, string value, DatePrecision precision)
    {
        // Given a publication date near a boundary
        // When the sentence is tagged
        var found = Find(sentence, publication);

        // Then the date lands on the other side of it
        var expression = Assert.Single(found);
        Assert.Equal(new EventDate(value, precision), expression.Date);
    }

    [Theory]
    [InlineData("Russia may send more troops to the border.")]
    [InlineData("May God protect the nation, the cleric said.")]
    [InlineData("Thousands of protesters march on the capital.")]
    [InlineData("Students Will March Against The Reform.")]
    [InlineData("The army deployed 1,500 soldiers.")]
    [InlineData("The fund lent USD 900 million to the government.")]
    [InlineData("The country sent 2018 troops to the region.")]
    [InlineData("The harvest increased by 2000 tonnes.")]
    [InlineData("A total of 1990 people were evacuated.")]
    [InlineData("The death toll rose to 2,018.")]
    [InlineData("Growth was 2.5 percent, up from 1.9.")]
    [InlineData("The conflict began in the 1990s.")]
    [InlineData("The conflict began in the 1990's.")]
    [InlineData("Trade grew sharply in the 2010s and after.")]
    [InlineData("The meeting starts at 5 pm.")]
    [InlineData("The Sunday Times reported the deal.")]
    [InlineData("He met Theresa May in London.")]
    [InlineData("It was the first visit in five years.")]
    [InlineData("The strongest storm in 20 years hit the coast.")]
    [InlineData("Over the last year, relations improved.")]
    [InlineData("The ceasefire held for the past week.")]
    [InlineData("Police said 300 people were detained.")]
    [InlineData("Jan Kowalski met the ambassador.")]
    [InlineData("The market rallied on the decision.")]
    [InlineData("The army said in a statement that it had withdrawn.")]
    [InlineData("The Mayor of London spoke at the summit.")]
    [InlineData("The attack came a day after the vote.")]
    [InlineData("Iran said it would respond within days.")]
    [InlineData("At least five were killed in 2 days of fighting.")]
    [InlineData("In the last five years, more than 200 people died.")]
    [InlineData("The city grew quickly in the 80s.")]
    [InlineData("A decree numbered 2018-02-30 was annulled.")]
    [InlineData("Envoys met in Santiago and Chicago.")]
    [InlineData("")]
    public void Words_that_only_look_like_dates_are_not_tagged(string sentence)
    {
        // Given a sentence without a date
        // When it is tagged
        var found = Find(sentence, Published);

        // Then nothing is found
        Assert.Empty(found);
    }

    [Theory]
    [InlineData("The president met the envoy on Monday.", 0)]
    [InlineData("Police arrested two suspects yesterday.", 0)]
    [InlineData("Protesters gathered on January 14.", 0)]
    [InlineData("The army withdrew in April.", 0)]
    [InlineData("The navy plans to double its fleet by 2025.", 1)]
    [InlineData("Sanctions were imposed on January 1, 2018, and again last week.", 1)]
    [InlineData("Sanctions were imposed in January 2018 and lifted two years ago.", 1)]
    public void Without_a_publication_date_only_absolute_dates_are_found(string sentence, int count)
    {
        // Given no publication date
        // When the sentence is tagged
        var found = TemporalTagger.Default.Find(sentence, 0, sentence.Length, publication: null);

        // Then only the expressions that carry their own year remain
        Assert.Equal(count, found.Length);
    }

    [Fact]
    public void Offsets_point_into_the_whole_text_and_stay_within_the_sentence()
    {
        // Given a document of two sentences, both with dates
        const string text = "In 2015 talks failed. The army entered the town on 14 January 2019 and left yesterday.";
        int start = text.IndexOf("The army", StringComparison.Ordinal);

        // When only the second sentence is tagged
        var found = TemporalTagger.Default.Find(text, start, text.Length, DateOnly.Parse(Published, CultureInfo.InvariantCulture));

        // Then both of its expressions come back, in order, with offsets into the document
        Assert.Equal(2, found.Length);
        Assert.Equal(text.IndexOf("14 January 2019", StringComparison.Ordinal), found[0].Start);
        Assert.Equal("14 January 2019", text[found[0].Start..found[0].End]);
        Assert.Equal("14 January 2019", found[0].Text);
        Assert.Equal("yesterday", text[found[1].Start..found[1].End]);
        Assert.Equal(EventDate.OfDay(new DateOnly(2023, 5, 9)), found[1].Date);
    }

    [Fact]
    public void A_sentence_may_hold_several_expressions_in_text_order()
    {
        // Given a sentence with a month of a year and a weekday
        const string sentence = "Talks began in March 2019 and the rebels attacked on Friday.";

        // When it is tagged
        var found = Find(sentence, Published);

        // Then both are found, in order
        Assert.Equal(["March 2019", "Friday"], found.Select(x => x.Text));
        Assert.Equal(EventDate.OfMonth(2019, 3), found[0].Date);
        Assert.Equal(EventDate.OfDay(new DateOnly(2023, 5, 5)), found[1].Date);
    }

    [Theory]
    [InlineData("began", "2019-03", DatePrecision.Month)]
    [InlineData("attacked", "2023-05-05", DatePrecision.Day)]
    [InlineData("Talks", "2019-03", DatePrecision.Month)]
    public void Choose_takes_the_expression_nearest_the_predicate(string predicate, string value, DatePrecision precision)
    {
        // Given the expressions of a sentence
        const string sentence = "Talks began in March 2019 and the rebels attacked on Friday.";
        var found = Find(sentence, Published);

        // When one is chosen for a predicate
        var date = TemporalTagger.Choose(found, sentence.IndexOf(predicate, StringComparison.Ordinal));

        // Then it is the nearest
        Assert.Equal(new EventDate(value, precision), date);
    }

    [Theory]
    [InlineData("2023-05-10")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2024-02-29")]
    public void Any_mix_of_date_words_is_tagged_without_throwing_and_with_offsets_inside_the_sentence(string publication)
    {
        // Given sentences made of date-like words in random order, against an ordinary or extreme publication date
        string[] words =
        [
            "in", "on", "since", "by", "of", "the", "last", "next", "this", "early", "mid-", "later", "earlier", "spring", "end", "ago", "'s", ",", ".", "-",
            "May", "March", "February", "Feb.", "Sept", "Monday", "Sunday", "today", "yesterday", "tomorrow", "night", "week", "weeks", "month", "year",
            "years", "days", "a", "two", "twelve", "0", "00", "1", "29", "30", "31", "32", "999", "1899", "1900", "2018", "2099", "2100", "1990s",
            "2018-02-30", "2018-01-01", "2,018", "1st", "3rd", "time", "first", "percent", "troops", "ago,",
        ];
        var random = new Random(20230510);
        var published = DateOnly.Parse(publication, CultureInfo.InvariantCulture);
        for (int i = 0; i < 3000; i++)
        {
            string prefix = "Earlier text. ";
            string sentence = string.Join(' ', Enumerable.Range(0, random.Next(1, 12)).Select(_ => words[random.Next(words.Length)]));
            string text = prefix + sentence + " Later text.";

            // When the sentence is tagged
            var found = TemporalTagger.Default.Find(text, prefix.Length, prefix.Length + sentence.Length, published);

            // Then every expression lies inside it, in order, without overlaps, and slices its own text
            int last = prefix.Length;
            foreach (var expression in found)
            {
                Assert.InRange(expression.Start, last, expression.End - 1);
                Assert.InRange(expression.End, expression.Start + 1, prefix.Length + sentence.Length);
                Assert.Equal(text[expression.Start..expression.End], expression.Text);
                last = expression.End;
            }
        }
    }

    [Fact]
    public void Choose_gives_null_when_nothing_was_found()
    {
        Assert.Null(TemporalTagger.Choose([], 10));
        Assert.Null(TemporalTagger.Choose(default, 10));
    }

    private static ImmutableArray<TemporalExpression> Find(string sentence, string publication)
        => TemporalTagger.Default.Find(sentence, 0, sentence.Length, DateOnly.Parse(publication, CultureInfo.InvariantCulture));

    private static void AssertSingle(string sentence, string publication, string text, string value, DatePrecision precision, bool future)
    {
        // Given a sentence with one date expression
        // When it is tagged against the publication date
        var found = Find(sentence, publication);

        // Then the expression, its offsets and its date are found
        var expression = Assert.Single(found);
        Assert.Equal(text, expression.Text);
        Assert.Equal(text, sentence[expression.Start..expression.End]);
        Assert.Equal(new EventDate(value, precision), expression.Date);
        Assert.Equal(future, expression.IsFuture);
    }
}
