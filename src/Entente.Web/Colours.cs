using MudBlazor;

namespace Entente.Web;

/// <summary>
/// The dashboard's colours: Okabe and Ito's palette, which readers with the common colour-vision deficiencies tell
/// apart. Cooperation is blue and drawn solid, conflict orange and drawn dashed, so no meaning rests on colour alone.
/// </summary>
public static class Colours
{
    public const string Cooperation = "#0072B2";

    public const string Conflict = "#D55E00";

    public const string Neutral = "#6b6b6b";

    /// <summary>Quad classes 1–4: verbal cooperation, material cooperation, verbal conflict, material conflict.</summary>
    public static readonly string[] Quad = ["#56B4E9", "#0072B2", "#E69F00", "#D55E00"];

    public static readonly string[] QuadNames = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = Cooperation,
            Secondary = Conflict,
            AppbarBackground = "#1f2d3d",
        },
    };
}
