using System.Text.Json;

namespace Entente.Cli.Tests;

/// <summary>The contract of <c>entente actors</c> (needs <c>root.Subcommands.Add(ActorsCommand.Build(stdin, stdout, stderr))</c> in EntenteCli).</summary>
public sealed class ActorsCommandTests
{
    [Fact]
    public void Actors_prints_one_json_array_per_document_with_the_contract_fields()
    {
        // Given a text naming a minister, two states and the pronouns "they" and "us"
        var text = "In April 2021, the Russian Foreign Minister Sergey Lavrov visited India and Pakistan. They told us so.";

        // When the command resolves it as JSON
        var (exit, output, _) = CliRunner.Run(["actors", text, "--date", "2021-04-06", "--json"]);

        // Then one array holds each mention with its offsets, code, country, sector, kind and evidence
        Assert.Equal(0, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var doc = JsonDocument.Parse(line);
        var mentions = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(4, mentions.Count);
        var lavrov = mentions[0];
        Assert.Equal("Russian Foreign Minister Sergey Lavrov", lavrov.GetProperty("text").GetString());
        Assert.Equal(text.IndexOf("Russian", StringComparison.Ordinal), lavrov.GetProperty("start").GetInt32());
        Assert.Equal("RUSGOV", lavrov.GetProperty("code").GetString());
        Assert.Equal("RUS", lavrov.GetProperty("country").GetString());
        Assert.Equal("GOV", lavrov.GetProperty("sector").GetString());
        Assert.Equal("person", lavrov.GetProperty("kind").GetString());
        Assert.Equal("demonym", lavrov.GetProperty("resolved_by").GetString());
        Assert.Equal(["IND", "PAK"], mentions.Skip(1).Take(2).Select(m => m.GetProperty("code").GetString()));

        // "They" is resolved by coreference to the nearest actor; "us" is no actor
        var they = mentions[3];
        Assert.Equal("They", they.GetProperty("text").GetString());
        Assert.Equal("coreference", they.GetProperty("resolved_by").GetString());
        Assert.Equal("PAK", they.GetProperty("country").GetString());
    }

    [Fact]
    public void A_city_alone_is_a_location_with_a_null_code()
    {
        // Given a sentence where a city acts
        // When resolved as JSON
        var (exit, output, _) = CliRunner.Run(["actors", "Christchurch mourned the victims.", "--json"]);

        // Then it is a location of New Zealand, not New Zealand acting
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var city = Assert.Single(doc.RootElement.EnumerateArray().ToList());
        Assert.Equal(JsonValueKind.Null, city.GetProperty("code").ValueKind);
        Assert.Equal("NZL", city.GetProperty("country").GetString());
        Assert.Equal("location", city.GetProperty("kind").GetString());
        Assert.Equal("city", city.GetProperty("resolved_by").GetString());
    }

    [Fact]
    public void A_jsonl_file_gives_one_array_per_line_with_its_own_date()
    {
        // Given two documents with different dates naming the same person
        using var dir = new TempDir();
        var file = dir.File("docs.jsonl");
        File.WriteAllText(file, "{\"text\": \"Donald Trump spoke.\", \"date\": \"2018-01-01\"}\n{\"text\": \"Donald Trump spoke.\", \"date\": \"2023-01-01\"}\n");

        // When resolved
        var (exit, output, _) = CliRunner.Run(["actors", file, "--json"]);

        // Then the president in office is the government, the former one only his country
        Assert.Equal(0, exit);
        var codes = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement[0].GetProperty("code").GetString()).ToList();
        Assert.Equal(["USAGOV", "USA"], codes);
    }

    [Fact]
    public void A_malformed_date_is_a_usage_error()
    {
        // Given a date that does not exist
        // When the command runs
        var (exit, _, error) = CliRunner.Run(["actors", "Russia", "--date", "2021-13-01"]);

        // Then it exits 2 and says what is expected
        Assert.Equal(2, exit);
        Assert.Contains("YYYY-MM-DD", error, StringComparison.Ordinal);
    }
}
