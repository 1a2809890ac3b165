using Entente.Core;

namespace Entente.Core.Tests;

public sealed class StageTests
{
    [Fact]
    public void Composed_stages_run_in_order_and_name_the_chain()
    {
        // Given two stages
        var upper = Stage.From<string, string>("upper", s => s.ToUpperInvariant());
        var length = Stage.From<string, int>("length", s => s.Length);

        // When they are composed
        var both = upper.Then(length);

        // Then the output of the first feeds the second
        Assert.Equal(5, both.Process("Kyiv!"));
        Assert.Equal("upper > length", both.Name);
    }

    [Fact]
    public void Composition_order_matters()
    {
        var addSuffix = Stage.From<string, string>("suffix", s => s + "-x");
        var firstChar = Stage.From<string, char>("first", s => s[^1]);
        Assert.Equal('x', addSuffix.Then(firstChar).Process("ab"));
    }

    [Fact]
    public void Null_stages_are_rejected_at_the_entry_point()
    {
        var stage = Stage.From<string, string>("id", s => s);
        Assert.Throws<ArgumentNullException>(() => stage.Then<string, string, string>(null!));
        Assert.Throws<ArgumentNullException>(() => Stage.From<string, string>(null!, s => s));
    }

    [Fact]
    public void Diagnostic_text_names_subject_code_and_reason()
    {
        var d = new Diagnostic(DiagnosticCodes.EmptyText, Severity.Warning, "doc-17", "the text is empty");
        Assert.Equal("doc-17: ENT001 the text is empty", d.ToString());
    }

    [Fact]
    public void Diagnostic_codes_are_unique()
    {
        var codes = typeof(DiagnosticCodes).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.NotEmpty(codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
