using JudgementsApi.Features.FocusedVisits;
using JudgementsApi.Features.Improvements;
using JudgementsApi.Features.Inspections;
using static JudgementsApi.Features.Pages.Html;

namespace JudgementsApi.Features.Pages.Council;

/// <summary>Where an inspection known without its report comes from, in words, with the passage and a link to it.</summary>
public sealed record SourceNote(string Words, string? Quote, string Href, string LinkText);

/// <summary>A theme named in more than one of a council's reports, and the years of those reports.</summary>
public sealed record RecurringTheme(string Code, string Name, IReadOnlyList<int> Years);

/// <summary>
/// What a council's page says beside each inspection and visit, all from the snapshot: the framework in words,
/// where a grade known without its report comes from, and what Ofsted said needs to improve (with each point's theme).
/// </summary>
public sealed record CouncilStory(IReadOnlyDictionary<string, string> Frameworks, IReadOnlyDictionary<string, SourceNote> Sources,
    IReadOnlyDictionary<string, ImprovementPoint[]> Points, IReadOnlyDictionary<string, string> Themes,
    IReadOnlyList<RecurringTheme> Recurring)
{
    public const string Other = "other";

    public static CouncilStory Of(DatasetSnapshot snapshot, IReadOnlyList<InspectionSummary> inspections,
        IReadOnlyList<FocusedVisit> visits)
    {
        var improvements = snapshot.Improvements;
        var points = inspections.Select(i => i.Id).Where(improvements.ByInspection.ContainsKey)
            .ToDictionary(id => id, id => improvements.ByInspection[id], StringComparer.Ordinal);
        foreach (var v in visits.Where(v => improvements.ByFocusedVisit.ContainsKey(v.Id)))
            points[v.Id] = improvements.ByFocusedVisit[v.Id];
        var themes = improvements.Themes.ToDictionary(t => t.Code, t => t.Name, StringComparer.Ordinal);
        var sources = inspections.Where(i => i.SourceKind is "cited" or "news")
            .Select(i => (i.Id, Note: Source(snapshot, i))).Where(s => s.Note is not null)
            .ToDictionary(s => s.Id, s => s.Note!, StringComparer.Ordinal);
        return new CouncilStory(FrameworkWords(snapshot), sources, points, themes, RecurringThemes(points.Values, themes));
    }

    /// <summary>Each version in words: "Inspecting local authority children's services (ILACS), ILACS 2023 version (…)".</summary>
    private static Dictionary<string, string> FrameworkWords(DatasetSnapshot snapshot) =>
        snapshot.Catalogue.Frameworks.SelectMany(f => f.Versions.Select(v => (v.Slug, Words: f.Versions.Count == 1
                ? $"{f.Name}"
                : $"{f.Name}, {v.Name} version (in force from {Date(v.EffectiveFrom)})")))
            .ToDictionary(v => v.Slug, v => v.Words, StringComparer.Ordinal);

    /// <summary>
    /// A cited inspection: the later report that states its grade (a link to that report, or to its council's page here);
    /// a grade from the news: the named document, and the record with its source line.
    /// </summary>
    private static SourceNote? Source(DatasetSnapshot snapshot, InspectionSummary i)
    {
        if (!snapshot.InspectionById.TryGetValue(i.Id, out var held)) return null;
        var evidence = held.Judgements.Select(j => j.Evidence).FirstOrDefault(e => e is not null);
        var record = $"{Api}/inspections/{Uri.EscapeDataString(i.Id)}";
        if (i.SourceKind == "news")
            return new SourceNote($"Known only from a named document, not from Ofsted's report: {SourceName(held.Source)}.",
                evidence?.Text, evidence?.DocumentUrl ?? record,
                evidence?.DocumentUrl is null ? "The record and its source (JSON)" : "The document");
        var citing = snapshot.Inspections.FirstOrDefault(c => c.Source == (evidence?.Document ?? held.Source) && c.Id != i.Id);
        if (citing is null)
            return new SourceNote($"Known only from a later report that cites it ({held.Source}).", evidence?.Text, record,
                "The record and its source (JSON)");
        var words = $"Known only from a later report that cites it: Ofsted's report on {citing.Summary.Council.Name}, "
                    + $"published {Date(citing.Summary.Published, citing.Summary.PublishedPrecision)}.";
        return new SourceNote(words, evidence?.Text, citing.Summary.ReportUrl ?? $"/councils/{citing.Summary.Council.Slug}",
            citing.Summary.ReportUrl is null ? $"{citing.Summary.Council.Name}'s page" : "The citing report on Ofsted's website");
    }

    /// <summary>"Shropshire Council press release, 24 November 2017 (sources/news/…txt)" without the file.</summary>
    private static string SourceName(string source) => source.Split(" (")[0];

    /// <summary>Themes (not "other") named in reports of two or more years, with those years.</summary>
    private static List<RecurringTheme> RecurringThemes(IEnumerable<ImprovementPoint[]> reports,
        IReadOnlyDictionary<string, string> names) =>
        reports.SelectMany(r => r.Select(p => p.Theme).Where(t => t != Other).Distinct().Select(t => (Theme: t, r[0].Published.Year)))
            .GroupBy(x => x.Theme)
            .Where(g => g.Select(x => x.Year).Distinct().Count() > 1)
            .Select(g => new RecurringTheme(g.Key, names.GetValueOrDefault(g.Key, g.Key),
                g.Select(x => x.Year).Distinct().Order().ToList()))
            .OrderByDescending(t => t.Years.Count).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
}
