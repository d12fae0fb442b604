using JudgementsApi.Features.Dataset;
using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.Improvements;

/// <summary>A point in the snapshot: its response shape and what the filters look at.</summary>
public sealed record SnapshotImprovement(ImprovementPoint Item, string RegionCode, string? FrameworkVersion);

/// <summary>Every point of the dataset version, newest report first, and each report's in its order.</summary>
public sealed class SnapshotImprovements
{
    public SnapshotImprovements(IReadOnlyList<SnapshotImprovement> newestFirst, IReadOnlyList<FrameworkTag> tags,
        IReadOnlyList<ImprovementTheme> themes)
    {
        All = newestFirst;
        Tags = tags;
        Themes = themes;
        ByInspection = ByReport(newestFirst, p => p.InspectionId);
        ByFocusedVisit = ByReport(newestFirst, p => p.FocusedVisitId);
    }

    public IReadOnlyList<SnapshotImprovement> All { get; }
    public IReadOnlyList<FrameworkTag> Tags { get; }
    public IReadOnlyList<ImprovementTheme> Themes { get; }
    public IReadOnlyDictionary<string, ImprovementPoint[]> ByInspection { get; }
    public IReadOnlyDictionary<string, ImprovementPoint[]> ByFocusedVisit { get; }

    private static Dictionary<string, ImprovementPoint[]> ByReport(IEnumerable<SnapshotImprovement> points,
        Func<ImprovementPoint, string?> id) =>
        points.Where(p => id(p.Item) is not null).GroupBy(p => id(p.Item)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Item).ToArray(), StringComparer.Ordinal);
}

/// <summary>Every read of improvement points: the list, an inspection's, a focused visit's.</summary>
public static class ImprovementReader
{
    public const string Untagged = "untagged";

    /// <summary>Points are Ofsted's words, reused under the Open Government Licence, which asks for this statement.</summary>
    public const string Attribution =
        "Quoted from Ofsted's report. Contains public sector information licensed under the Open Government Licence v3.0.";

    public sealed class Row
    {
        public string? InspectionId { get; init; }
        public string? FocusedVisitId { get; init; }
        public string CouncilCode { get; init; } = "";
        public int Position { get; init; }
        public string Text { get; init; } = "";
        public string? ListHeading { get; init; }
        public string? AreaHeading { get; init; }
        public string? FrameworkTag { get; init; }
        public string? FrameworkTagText { get; init; }
        public string Theme { get; init; } = "";
        public string Source { get; init; } = "";
        public int LineFrom { get; init; }
        public int LineTo { get; init; }
    }

    /// <summary>The SQL that reads the tags and the points into the snapshot (run by SnapshotLoader).</summary>
    public const string Sql = """
        SELECT code, kind, number, name, source_url FROM national_framework_tags ORDER BY kind DESC, number;
        SELECT code, name, rule_order, rule FROM improvement_themes ORDER BY rule_order;
        SELECT inspection_id, focused_visit_id, council_code, position, text, list_heading, area_heading,
               framework_tag, framework_tag_text, theme, source, line_from, line_to FROM improvement_points;
        """;

    /// <summary>Reads the result sets of <see cref="Sql"/>; a point's date is its inspection's publication or its letter's date.</summary>
    public static async Task<SnapshotImprovements> ReadAsync(SqlMapper.GridReader multi,
        IReadOnlyDictionary<string, CouncilFacts> councils,
        IReadOnlyDictionary<string, (DateOnly Published, string FrameworkVersion)> inspections,
        IReadOnlyDictionary<string, DateOnly> letters)
    {
        var tags = (await multi.ReadAsync<FrameworkTag>()).ToList();
        var themes = (await multi.ReadAsync<ImprovementTheme>()).ToList();
        var points = (await multi.ReadAsync<Row>()).Select(r =>
        {
            var council = councils[r.CouncilCode];
            var (published, version) = r.InspectionId is { } i ? inspections[i] : (letters[r.FocusedVisitId!], null);
            var item = new ImprovementPoint(r.InspectionId is null ? "focused_visit" : "inspection", r.InspectionId, r.FocusedVisitId,
                council.Ref, published, r.Position, r.Text, r.ListHeading, r.AreaHeading, r.FrameworkTag, r.FrameworkTagText,
                r.Theme, r.Source, r.LineFrom, r.LineTo);
            return new SnapshotImprovement(item, council.RegionCode, version);
        });
        var newestFirst = points.OrderByDescending(p => p.Item.Published)
            .ThenByDescending(p => p.Item.InspectionId ?? p.Item.FocusedVisitId, StringComparer.Ordinal)
            .ThenBy(p => p.Item.Position).ToList();
        return new SnapshotImprovements(newestFirst, tags, themes);
    }

    public static readonly CsvColumn<ImprovementPoint>[] CsvColumns =
    [
        new("kind", p => p.Kind), new("inspection_id", p => p.InspectionId), new("focused_visit_id", p => p.FocusedVisitId),
        new("council_code", p => p.Council.Code), new("council_name", p => p.Council.Name), new("published", p => p.Published),
        new("position", p => p.Position), new("text", p => p.Text), new("list_heading", p => p.ListHeading),
        new("area_heading", p => p.AreaHeading), new("framework_tag", p => p.FrameworkTag),
        new("framework_tag_text", p => p.FrameworkTagText), new("theme", p => p.Theme),
        new("source", p => p.Source), new("line_from", p => p.LineFrom), new("line_to", p => p.LineTo),
    ];

    /// <summary>The points matching <paramref name="filter"/>, newest report first: one page and the count of all.</summary>
    public static (List<ImprovementPoint> Items, long Total) Query(DatasetSnapshot snapshot, ImprovementFilter filter, Paging paging)
    {
        var matching = Matching(snapshot, filter).ToList();
        return (paging.Of(matching, p => p.Item), matching.Count);
    }

    /// <summary>The points <paramref name="f"/> selects, newest report first.</summary>
    public static IEnumerable<SnapshotImprovement> Matching(DatasetSnapshot snapshot, ImprovementFilter f) =>
        snapshot.Improvements.All.Where(p =>
            (f.CouncilCodes is null || f.CouncilCodes.Contains(p.Item.Council.Code))
            && (f.RegionCode is null || p.RegionCode == f.RegionCode)
            && (f.Kind is null || p.Item.Kind == f.Kind)
            && (f.Framework is null || (p.FrameworkVersion is { } v && snapshot.InFramework(v, f.Framework)))
            && (f.Tag is null || (p.Item.FrameworkTag ?? Untagged) == f.Tag)
            && (f.Theme is null || p.Item.Theme == f.Theme)
            && (f.From is not { } from || p.Item.Published >= from)
            && (f.To is not { } to || p.Item.Published <= to));
}
