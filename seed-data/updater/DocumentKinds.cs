using System.Globalization;
using System.Text.RegularExpressions;

namespace JudgementsApi.SeedUpdater;

/// <summary>The kinds of document the updater takes in, where each lives in the source store, and how
/// each is recognised from Ofsted's title for it ("children's services inspection - 09 may 2025").</summary>
public static partial class DocumentKinds
{
    public const string Inspection = "inspection";
    public const string FocusedVisit = "focused_visit";
    public const string MonitoringVisit = "monitoring_visit";
    public const string Jtai = "jtai";

    public static readonly IReadOnlyDictionary<string, string> Folder = new Dictionary<string, string>
    {
        [Inspection] = "inspections",
        [FocusedVisit] = "focused-visits",
        [MonitoringVisit] = "monitoring-visits",
        [Jtai] = "jtai",
    };

    /// <summary>The kind a title names, or null for documents the dataset does not hold (SEND area
    /// inspections, inspections of a council's own children's homes, …).</summary>
    public static string? FromTitle(string title)
    {
        var t = title.ToLowerInvariant().Replace('\u2019', '\'');
        if (t.Contains("focused visit")) return FocusedVisit;
        if (t.Contains("monitoring visit")) return MonitoringVisit;
        if (t.Contains("joint targeted area inspection") || Regex.IsMatch(t, @"\bjtai\b")) return Jtai;
        if (t.Contains("send") || t.Contains("special educational needs")) return null;
        if (t.Contains("children's services inspection") || t.Contains("services for children in need")
            || t.Contains("looked after children")) return Inspection;
        return null;
    }

    /// <summary>The kind the first page of a document's text names; null when it reads as none.</summary>
    public static string? FromText(string text)
    {
        var head = Regex.Replace(string.Join(" ", text.Replace("\f", "\n").Split('\n').Take(60)), @"\s+", " ").Replace('\u2019', '\'');
        if (!Regex.IsMatch(head + text, "Ofsted", RegexOptions.IgnoreCase)) return null;
        if (Regex.IsMatch(head, @"focused visit", RegexOptions.IgnoreCase)) return FocusedVisit;
        if (Regex.IsMatch(head, @"monitoring visit", RegexOptions.IgnoreCase)) return MonitoringVisit;
        if (Regex.IsMatch(head, @"joint targeted area inspection", RegexOptions.IgnoreCase)) return Jtai;
        if (Regex.IsMatch(head, @"\b(Re-?inspection|Inspection) of\b", RegexOptions.IgnoreCase)
            || Regex.IsMatch(head, @"Review of the effectiveness of the Local Safeguarding", RegexOptions.IgnoreCase)) return Inspection;
        return null;
    }

    /// <summary>The publication date at the end of an Ofsted title ("… - 09 may 2025, pdf").</summary>
    public static DateOnly? DateInTitle(string title)
    {
        var m = TitleDate().Match(title);
        if (!m.Success) return null;
        return DateOnly.TryParseExact($"{int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture)} {m.Groups["m"].Value} {m.Groups["y"].Value}",
            ["d MMMM yyyy", "d MMM yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>The title as the source store records it: lower case, without the ", pdf" Ofsted appends.</summary>
    public static string CleanTitle(string title) =>
        Regex.Replace(Regex.Replace(title, @",\s*pdf\s*$", "", RegexOptions.IgnoreCase), @"\s+", " ").Trim().ToLowerInvariant().Replace('\u2019', '\'');

    [GeneratedRegex(@"(?<d>\d{1,2})\s+(?<m>[A-Za-z]+)\s+(?<y>\d{4})(?:\s*,\s*pdf)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleDate();
}
