namespace JudgementsApi.Features;

/// <summary>
/// One set of grade colours for every picture the service draws (pages, map, charts, PNG downloads,
/// badges, embeds; /assets/grades.css is written from it). Each of the five grades has its own colour
/// and its own lightness, CIE L* 19 (outstanding), 40 (inadequate), 54 (good), 72 (adequate) and 90
/// (requires improvement): any two differ by at least 14 in L*, so they stay apart in greyscale and for
/// colour-blind readers, and every use also prints the grade in words.
/// </summary>
public static class GradePalette
{
    public sealed record Swatch(string Fill, string Text, string Label);

    /// <summary>The five grades, best first, as every key lists them.</summary>
    public static readonly string[] Codes = ["outstanding", "good", "requires_improvement", "adequate", "inadequate"];

    private static readonly Dictionary<string, Swatch> Grades = new(StringComparer.Ordinal)
    {
        ["outstanding"] = new("#0a2f50", "#ffffff", "Outstanding"),
        ["good"] = new("#3a86cc", "#0b0c0c", "Good"),
        ["requires_improvement"] = new("#fde08f", "#0b0c0c", "Requires improvement"),
        ["adequate"] = new("#c4a5e0", "#0b0c0c", "Adequate"),
        ["inadequate"] = new("#b3261e", "#ffffff", "Inadequate"),
    };

    /// <summary>Judged, but the source does not let us read the grade.</summary>
    public static readonly Swatch Unknown = new("#b1b4b6", "#0b0c0c", "Unknown");

    /// <summary>The report says the area was not judged.</summary>
    public static readonly Swatch NotJudged = new("#dee0e2", "#0b0c0c", "Not judged");

    /// <summary>The report did not cover the area, or the council has no inspection yet.</summary>
    public static readonly Swatch None = new("#ffffff", "#505a5f", "Not inspected");

    public static Swatch For(string? grade) =>
        grade is not null && Grades.TryGetValue(grade, out var swatch) ? swatch : Unknown;

    /// <summary>CIE L* (0 black to 100 white) of a "#rrggbb" colour, D65: what the About page states for each grade.</summary>
    public static double Lightness(string hex)
    {
        static double Linear(string hex, int at)
        {
            var c = Convert.ToInt32(hex.Substring(at, 2), 16) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var y = 0.2126 * Linear(hex, 1) + 0.7152 * Linear(hex, 3) + 0.0722 * Linear(hex, 5);
        return y > 216.0 / 24389 ? 116 * Math.Cbrt(y) - 16 : y * 24389 / 27;
    }
}
