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

    /// <summary>The kind a document's own heading names; null when it reads as none. A letter's
    /// subject follows its salutation ("Dear …"); a report's title is its first lines. Only those are
    /// read: a report's body mentions other kinds of visit.</summary>
    public static string? FromText(string text)
    {
        if (!text.Contains("Ofsted", StringComparison.OrdinalIgnoreCase)) return null;
        var lines = text.Replace("\f", "\n").Split('\n').Select(l => Regex.Replace(l, @"\s+", " ").Trim().Replace('\u2019', '\'')).Where(l => l.Length > 0).Take(80).ToList();
        var dear = lines.FindIndex(l => l.StartsWith("Dear ", StringComparison.Ordinal));
        if (dear >= 0)
        {
            var subject = string.Join(" ", lines.Skip(dear + 1).Take(3));
            if (Regex.IsMatch(subject, @"focused visit", RegexOptions.IgnoreCase)) return FocusedVisit;
            if (Regex.IsMatch(subject, @"monitoring visit", RegexOptions.IgnoreCase)) return MonitoringVisit;
            if (Regex.IsMatch(subject, @"joint targeted area inspection", RegexOptions.IgnoreCase)) return Jtai;
        }
        var title = string.Join(" ", lines.Take(8));
        if (Regex.IsMatch(title, @"\b(Re-?inspection|Inspection) of\b", RegexOptions.IgnoreCase)
            || Regex.IsMatch(title, @"Review of the effectiveness of the Local Safeguarding", RegexOptions.IgnoreCase)) return Inspection;
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
