using Entente.Core;
using Entente.Core.Ontology;

namespace Entente.Core.Tests.Ontology;

public sealed class CameoOntologyTests
{
    private const string Plover = "# code\tplover\tmode\tcontext\n07\tAID\t\t\n072\tAID\t\tmilitary\n";

    private static CameoOntology Default => CameoOntology.Default;

    [Fact]
    public void All_312_codes_load_from_the_embedded_table()
    {
        Assert.Equal(312, Default.Codes.Count);
    }

    [Fact]
    public void Every_root_from_01_to_20_is_present()
    {
        for (var root = 1; root <= 20; root++)
        {
            var code = root.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Default.TryGet(code, out var c), code);
            Assert.True(c.IsRoot);
        }
    }

    [Fact]
    public void Provide_military_aid_is_material_cooperation_with_the_GDELT_Goldstein_value()
    {
        var aid = Default.Get("072");

        Assert.Equal("Provide military aid", aid.Name);
        Assert.Equal("07", aid.Root);
        Assert.Equal(2, aid.QuadClass);
        Assert.Equal(8.3, aid.Goldstein);
        Assert.Equal("AID", aid.Plover);
        Assert.Equal("military", aid.PloverContext);
    }

    [Fact]
    public void GDELT_and_ICEWS_Goldstein_values_are_both_kept_where_they_differ()
    {
        var deny = Default.Get("016");

        Assert.Equal(-2.0, deny.Goldstein);
        Assert.Equal(-5.0, deny.GoldsteinIcews);
    }

    [Theory]
    [InlineData("01", 1)]
    [InlineData("057", 1)]
    [InlineData("0874", 2)]
    [InlineData("112", 3)]
    [InlineData("139", 3)]
    [InlineData("145", 4)]
    [InlineData("2042", 4)]
    public void Quad_class_follows_the_GDELT_convention(string code, int quad)
    {
        Assert.Equal(quad, Default.Get(code).QuadClass);
    }

    [Theory]
    [InlineData("072", "0332")]
    [InlineData("071", "0331")]
    [InlineData("073", "0333")]
    [InlineData("074", "0334")]
    [InlineData("061", "0311")]
    [InlineData("062", "0312")]
    [InlineData("063", "0313")]
    [InlineData("064", "0314")]
    [InlineData("042", "036")]
    [InlineData("057", "032")]
    [InlineData("0841", "0353")]
    [InlineData("163", "1312")]
    [InlineData("195", "1384")]
    public void The_intent_of_a_material_act_is_its_express_intent_or_threat_code(string act, string intent)
    {
        Assert.Equal(intent, Default.IntentOf(act));
        Assert.True(Default.TryGet(intent, out _));
    }

    [Theory]
    [InlineData("0332")]
    [InlineData("111")]
    [InlineData("130")]
    [InlineData("0999")]
    public void Verbal_and_unknown_codes_have_no_intent(string code)
    {
        Assert.Null(Default.IntentOf(code));
    }

    [Fact]
    public void Every_intent_named_by_the_ontology_is_a_code_of_it()
    {
        foreach (var code in Default.Codes)
        {
            if (Default.IntentOf(code.Code) is { } intent)
            {
                Assert.True(Default.TryGet(intent, out var i), $"{code.Code} → {intent}");
                Assert.True(i.Root is "03" or "13", $"{code.Code} → {intent}");
            }
        }
    }

    [Fact]
    public void Codes_without_their_own_PLOVER_line_inherit_from_the_base_code()
    {
        var ontology = CameoOntology.Load(
            new StringReader("07\t07\tPROVIDE AID\t7.0\t7.0\t2\n072\t07\tProvide military aid\t8.3\t8.3\t2\n0721\t07\tInvented child\t8.3\t8.3\t2\n"),
            new StringReader(Plover),
            "cameo.tsv",
            "plover.tsv");

        Assert.Equal("military", ontology.Get("0721").PloverContext);
    }

    [Fact]
    public void Public_statements_have_no_PLOVER_type()
    {
        Assert.Null(Default.Get("010").Plover);
    }

    [Theory]
    [InlineData("07\t07\tPROVIDE AID\t7.0\t7.0\t2\n072\t07\tProvide military aid\t8.3\t2\n", "cameo.tsv:2: expected 6 tab-separated columns")]
    [InlineData("07\t07\tPROVIDE AID\t7.0\t7.0\t2\n# comment\n072\t07\tProvide military aid\t18.3\t8.3\t2\n", "cameo.tsv:3: '18.3' is not a Goldstein value")]
    [InlineData("07\t07\tPROVIDE AID\t7.0\t7.0\t2\n072\t06\tProvide military aid\t8.3\t8.3\t2\n", "cameo.tsv:2: root '06' does not match")]
    [InlineData("07\t07\tPROVIDE AID\t7.0\t7.0\t2\n072\t07\tProvide military aid\t8.3\t8.3\t4\n", "cameo.tsv:2: quad class 4")]
    [InlineData("07\t07\tPROVIDE AID\t7.0\t7.0\t2\n07x\t07\tProvide military aid\t8.3\t8.3\t2\n", "cameo.tsv:2: '07x' is not a CAMEO code")]
    public void A_malformed_code_line_is_reported_with_file_and_line(string table, string message)
    {
        var error = Assert.Throws<DataFileException>(() =>
            CameoOntology.Load(new StringReader(table), new StringReader(""), "cameo.tsv", "plover.tsv"));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticCodes.MalformedOntology, error.Code);
    }

    [Fact]
    public void A_PLOVER_line_for_an_unknown_code_is_reported_with_file_and_line()
    {
        var error = Assert.Throws<DataFileException>(() => CameoOntology.Load(
            new StringReader("07\t07\tPROVIDE AID\t7.0\t7.0\t2\n"),
            new StringReader("07\tAID\t\t\n0999\tAID\t\t\n"),
            "cameo.tsv",
            "plover.tsv"));

        Assert.Equal("plover.tsv:2: unknown CAMEO code 0999", error.Message);
    }
}
