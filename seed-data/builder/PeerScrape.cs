using System.Globalization;
using System.Text.RegularExpressions;

namespace JudgementsApi.SeedBuilder;

public sealed record PeerDisagreement(string File, string Field, string Peer, string Ours, string Resolution);

/// <summary>Cross-check against the peer scrape (JT-39/ofsted-ilacs-scrape-tool's
/// ofsted_csc_ilacs_history.csv). The peer is never a source: where it disagrees with the report
/// text, the report text stands and the disagreement is listed in QUALITY.md.</summary>
public sealed class PeerScrape
{
    public List<PeerDisagreement> Disagreements { get; } = [];
    public List<string> Unmatched { get; } = [];
    public int Compared { get; private set; }

    static readonly Dictionary<string, string> GradeColumns = new()
    {
        ["overall_effectiveness_grade"] = "ilacs_overall_effectiveness",
        ["impact_of_leaders_grade"] = "ilacs_impact_of_leaders",
        ["help_and_protection_grade"] = "ilacs_help_and_protection",
        ["in_care_grade"] = "ilacs_children_in_care|ilacs_children_in_care_and_care_leavers",
        ["care_leavers_grade"] = "ilacs_care_leavers",
    };

    static string? PeerGrade(string v)
    {
        var s = v.Trim().ToLowerInvariant();
        return s switch
        {
            "outstanding" => "outstanding",
            "good" => "good",
            "requires improvement" or "requires improvement to be good" => "requires_improvement",
            "inadequate" => "inadequate",
            "adequate" => "adequate",
            _ => null,
        };
    }

    static DateOnly? PeerDate(string v) =>
        DateOnly.TryParseExact(v.Trim(), ["dd/MM/yyyy", "dd/MM/yy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    static string NameKey(string s) => Regex.Replace(s, @"\s+", "").ToLowerInvariant();

    public static PeerScrape Compare(string path, IReadOnlyList<Inspection> inspections, IReadOnlyList<Judgement> judgements,
        IReadOnlyDictionary<string, string> fileByUrl)
    {
        var peer = new PeerScrape();
        var rows = Csv.ReadDicts(path);
        var byId = inspections.ToDictionary(i => i.Id);
        var bySource = inspections.Where(i => i.SourceKind is "report" or "override").ToDictionary(i => i.Source);
        var grades = judgements.ToLookup(j => j.InspectionId);
        foreach (var row in rows.OrderBy(r => r["inspection_link"], StringComparer.Ordinal).ThenBy(r => r["publication_date"], StringComparer.Ordinal))
        {
            var url = row["inspection_link"].Trim();
            if (!fileByUrl.TryGetValue(url, out var file) || !bySource.TryGetValue(file, out var insp))
            {
                peer.Unmatched.Add($"{row["local_authority"]} {row["publication_date"]} {url}" + (fileByUrl.ContainsKey(url) ? " (report not in the dataset)" : " (no report with this URL in the source material)"));
                continue;
            }
            peer.Compared++;
            void Diff(string field, string peerValue, string? ours, string resolution)
                => peer.Disagreements.Add(new PeerDisagreement(file, field, peerValue.Trim().Length == 0 ? "(blank)" : peerValue.Trim(), ours ?? "(none)", resolution));

            CompareGrades(row, insp, grades[insp.Id].ToDictionary(j => j.AreaCode), Diff);
            CompareFacts(row, insp, Diff);
        }
        return peer;
    }

    /// <summary>Records a field on which the peer and the dataset disagree, and how it was resolved.</summary>
    delegate void Disagree(string field, string peerValue, string? ours, string resolution = "report text used");

    /// <summary>The peer's grade columns against the dataset's judgements.</summary>
    static void CompareGrades(Dictionary<string, string> row, Inspection insp, Dictionary<string, Judgement> ours, Disagree Diff)
    {
        foreach (var (col, areas) in GradeColumns)
        {
            var pv = row[col].Trim();
            if (pv is "data_unreadable" && insp.FrameworkVersion is "sif" or "pre-2013") continue; // peer did not read pre-2018 reports
            var oursJ = areas.Split('|').Select(a => ours.GetValueOrDefault(a)).FirstOrDefault(j => j is not null);
            if (pv is "inspection_pre_dates_judgement" or "not_reported_post_reform")
            {
                if (oursJ?.Grade is not null) Diff(col, pv, oursJ.Grade);
                continue;
            }
            if (!insp.FrameworkVersion.StartsWith("ilacs"))
            {
                if (pv.Length > 0) Diff(col, pv, "(area not graded by " + insp.FrameworkVersion + ")");
                continue;
            }
            var pg = PeerGrade(pv);
            if (oursJ is null && pg is not null) Diff(col, pv, $"(area not graded separately by {insp.FrameworkVersion})", "report's judgement table used");
            else if (pg != oursJ?.Grade) Diff(col, pv, oursJ?.Grade ?? oursJ?.Note);
        }
    }

    /// <summary>Type, dates and lead inspector, where the peer gives them.</summary>
    static void CompareFacts(Dictionary<string, string> row, Inspection insp, Disagree Diff)
    {
        if (insp.FrameworkVersion.StartsWith("ilacs") || row["inspection_framework"].Trim().Length > 0)
        {
            var pt = row["inspection_framework"].Trim();
            if (pt != insp.Type) Diff("type", pt, insp.Type, insp.FrameworkVersion.StartsWith("ilacs")
                ? "report's inspection dates used (one week on site = short, two weeks = standard)"
                : "report's title used (a SIF re-inspection, not an ILACS inspection)");
        }
        var ps = PeerDate(row["inspection_start_date"]); var pe = PeerDate(row["inspection_end_date"]);
        if (insp.FrameworkVersion.StartsWith("ilacs") || ps is not null || pe is not null)
        {
            if (ps != insp.StartDate) Diff("inspection_start_date", row["inspection_start_date"], insp.StartDate?.ToString("yyyy-MM-dd"));
            if (pe != insp.EndDate) Diff("inspection_end_date", row["inspection_end_date"], insp.EndDate?.ToString("yyyy-MM-dd"));
        }
        var pi = row["inspector_name"].Trim();
        if ((insp.FrameworkVersion.StartsWith("ilacs") || pi.Length > 0) && NameKey(pi) != NameKey(insp.LeadInspector ?? ""))
            Diff("lead_inspector", pi, insp.LeadInspector);
        var pp = PeerDate(row["publication_date"]);
        if (pp != insp.Published) Diff("publication_date", row["publication_date"], insp.Published.ToString("yyyy-MM-dd"), "manifest date used (from the report's title)");
    }
}
