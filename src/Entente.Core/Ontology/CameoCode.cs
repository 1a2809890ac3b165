namespace Entente.Core.Ontology;

/// <summary>One CAMEO event code with its scale values and PLOVER mapping.</summary>
/// <param name="Code">The code, 2 to 4 digits ("07", "072", "0332").</param>
/// <param name="Root">The 2-digit root ("07").</param>
/// <param name="Name">The CAMEO name ("Provide military aid").</param>
/// <param name="Goldstein">Goldstein value as used by GDELT (Entente's default), −10 to +10.</param>
/// <param name="GoldsteinIcews">Goldstein value as used by ICEWS; differs from GDELT's on a few codes.</param>
/// <param name="QuadClass">1 verbal cooperation (roots 01–05), 2 material cooperation (06–08), 3 verbal conflict (09–13), 4 material conflict (14–20).</param>
/// <param name="Plover">The PLOVER event type ("AID"), inherited from the base or root code when the code has none; null when none applies.</param>
/// <param name="PloverMode">The PLOVER mode, or null.</param>
/// <param name="PloverContext">The PLOVER context ("military"), or null.</param>
public sealed record CameoCode(
    string Code,
    string Root,
    string Name,
    double Goldstein,
    double GoldsteinIcews,
    int QuadClass,
    string? Plover,
    string? PloverMode,
    string? PloverContext)
{
    /// <summary>The 3-digit base code ("072" for "0721"), or the root itself for a root code.</summary>
    public string BaseCode => Code.Length >= 3 ? Code[..3] : Code;

    /// <summary>True for a 2-digit root code ("07").</summary>
    public bool IsRoot => Code.Length == 2;
}
