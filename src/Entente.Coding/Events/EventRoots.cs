namespace Entente.Coding.Events;

/// <summary>Facts about CAMEO roots the coder needs.</summary>
internal static class EventRoots
{
    /// <summary>Roots 14, 15 and 17–20 (protest, force posture, coerce, assault, fight, mass violence; not 16, reduce relations): acts whose target may be a place.</summary>
    public static bool IsMaterialConflict(string code) =>
        code.Length >= 2 && code[..2] is "14" or "15" or "17" or "18" or "19" or "20";
}
