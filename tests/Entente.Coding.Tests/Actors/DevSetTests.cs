using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Entente.Coding.Actors;
using Xunit.Abstractions;

namespace Entente.Coding.Tests.Actors;

/// <summary>Scores the resolver on dev-set.tsv (composed sentences with the expected code and country of every mention).</summary>
public partial class DevSetTests(ITestOutputHelper output)
{
    internal sealed record Gold(int Start, int End, string Text, string? Code, string? Country);

    internal sealed record Line(int Number, DateOnly? Date, string Text, List<Gold> Mentions);

    internal sealed record Score(int Predicted, int Gold, int Correct)
    {
        public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;

        public double Recall => Gold == 0 ? 1 : (double)Correct / Gold;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"P {Precision:F3} ({Correct}/{Predicted}) R {Recall:F3} ({Correct}/{Gold})");
    }

    [GeneratedRegex(@"\[([^\]|]+)\|([^\]|]+)\|([^\]|]+)\]")]
    private static partial Regex Markup();

    internal static List<Line> ReadDevSet()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Actors", "dev-set.tsv");
        var lines = new List<Line>();
        int number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            if (raw.Length == 0 || raw[0] == '#')
            {
                continue;
            }

            var tab = raw.IndexOf('\t', StringComparison.Ordinal);
            var dateText = raw[..tab];
            DateOnly? date = dateText == "-" ? null : DateOnly.ParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var marked = raw[(tab + 1)..];
            var text = new StringBuilder();
            var mentions = new List<Gold>();
            int last = 0;
            foreach (Match m in Markup().Matches(marked))
            {
                text.Append(marked, last, m.Index - last);
                int start = text.Length;
                text.Append(m.Groups[1].Value);
                mentions.Add(new Gold(start, text.Length, m.Groups[1].Value, Dash(m.Groups[2].Value), Dash(m.Groups[3].Value)));
                last = m.Index + m.Length;
            }

            text.Append(marked, last, marked.Length - last);
            lines.Add(new Line(number, date, text.ToString(), mentions));
        }

        return lines;
    }

    private static string? Dash(string s) => s == "-" ? null : s;

    internal static (Score Country, Score Code, List<string> Errors, int Mentions) Evaluate(ActorResolver resolver, List<Line> lines)
    {
        int pc = 0, gc = 0, cc = 0, pk = 0, gk = 0, ck = 0, mentions = 0;
        var errors = new List<string>();
        foreach (var line in lines)
        {
            var predicted = resolver.Resolve(line.Text, line.Date);
            mentions += line.Mentions.Count;
            Count(line, predicted, m => m.Country, g => g.Country, ref pc, ref gc, ref cc, "country", errors);
            Count(line, predicted, m => m.Code, g => g.Code, ref pk, ref gk, ref ck, "code", errors);
        }

        return (new Score(pc, gc, cc), new Score(pk, gk, ck), errors, mentions);
    }

    private static void Count(Line line, IReadOnlyList<ActorMention> predicted, Func<ActorMention, string?> value, Func<Gold, string?> gold,
        ref int p, ref int g, ref int c, string what, List<string> errors)
    {
        var golds = line.Mentions.Where(x => gold(x) is not null).ToList();
        g += golds.Count;
        var matched = new HashSet<Gold>();
        foreach (var m in predicted.Where(x => value(x) is not null))
        {
            p++;
            var hit = golds.FirstOrDefault(x => !matched.Contains(x) && x.Start < m.End && m.Start < x.End && gold(x) == value(m));
            if (hit is not null)
            {
                matched.Add(hit);
                c++;
            }
            else
            {
                var expected = line.Mentions.FirstOrDefault(x => x.Start < m.End && m.Start < x.End);
                errors.Add($"dev-set.tsv:{line.Number}: {what} of '{m.Text}' is {value(m)}, expected {(expected is null ? "no mention" : gold(expected) ?? "none")}");
            }
        }

        foreach (var x in golds.Where(x => !matched.Contains(x)))
        {
            if (!predicted.Any(m => x.Start < m.End && m.Start < x.End && value(m) is not null))
            {
                errors.Add($"dev-set.tsv:{line.Number}: {what} of '{x.Text}' missed, expected {gold(x)}");
            }
        }
    }

    [Fact]
    public void The_dev_set_holds_at_least_300_mentions()
    {
        // Given the dev set
        // When it is read
        var mentions = ReadDevSet().Sum(l => l.Mentions.Count);

        // Then it holds enough mentions to measure
        Assert.True(mentions >= 300, $"{mentions} mentions");
    }

    [Fact]
    public void Country_and_code_reach_the_precision_and_recall_targets_on_the_dev_set()
    {
        // Given the dev set and the default resolver
        var lines = ReadDevSet();

        // When every sentence is resolved
        var (country, code, errors, mentions) = Evaluate(ActorResolver.Default, lines);
        output.WriteLine($"{lines.Count} sentences, {mentions} mentions");
        output.WriteLine($"country: {country}");
        output.WriteLine($"code:    {code}");
        foreach (var e in errors)
        {
            output.WriteLine(e);
        }

        // Then precision is at least 0.95 and recall at least 0.92, for the country and for the full code
        Assert.True(country.Precision >= 0.95, $"country {country}");
        Assert.True(country.Recall >= 0.92, $"country {country}");
        Assert.True(code.Precision >= 0.95, $"code {code}");
        Assert.True(code.Recall >= 0.92, $"code {code}");
    }
}
