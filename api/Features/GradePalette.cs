namespace JudgementsApi.Features;

/// <summary>
/// One set of grade colours for every picture the service draws (pages, map, charts, badges,
/// embeds). Lightness falls strictly from "requires improvement" to "outstanding" with
/// inadequate between (CIE L* 87, 63, 40, 24), so the four grades stay apart in greyscale and
/// for colour-blind readers; every use also prints the grade in words.
/// </summary>
public static class GradePalette
{
    public sealed record Swatch(string Fill, string Text, string Label);

    private static readonly Dictionary<string, Swatch> Grades = new(StringComparer.Ordinal)
    {
        ["outstanding"] = new("#0b3b60", "#ffffff", "Outstanding"),
        ["good"] = new("#4d9de0", "#0b0c0c", "Good"),
        ["requires_improvement"] = new("#fcd581", "#0b0c0c", "Requires improvement"),
        ["adequate"] = new("#fcd581", "#0b0c0c", "Adequate"),
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
}
