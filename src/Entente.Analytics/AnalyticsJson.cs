using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Entente.Analytics;

/// <summary>
/// The JSON of the analytics records: snake_case field names (stable: outside checks and the dashboard read them), nulls
/// written, numbers as numbers. <c>assess</c> follows the contract of issue 6: pair, verdict, score, trend, cooperation,
/// conflict, hedging [{third, relation_b_third, events}], caveats, and more fields.
/// </summary>
public static class AnalyticsJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static JsonSerializerOptions Indented { get; } = new(Options) { WriteIndented = true };

    public static string Serialize<T>(T value, bool indented = false) => JsonSerializer.Serialize(value, indented ? Indented : Options);
}
