namespace JudgementsApi.Features.Inspections;

/// <summary>
/// Every read of inspections, from the dataset snapshot: a collection's filter, order, page and total
/// in one method each, and one inspection in full.
/// </summary>
public static class InspectionReader
{
    public const string Newest = "-published";
    public static readonly string[] Sorts = [Newest, "published", "council"];

    /// <summary>The inspections matching <paramref name="filter"/>, in its order; one page of them and how many match.</summary>
    public static (List<InspectionSummary> Items, long Total) List(DatasetSnapshot snapshot, InspectionFilter filter, Paging paging) =>
        Slice(Matching(snapshot, filter), paging);

    /// <summary>The newest full inspections published on or before <paramref name="day"/> (the summary's "latest inspections").</summary>
    public static List<InspectionSummary> LatestFull(DatasetSnapshot snapshot, DateOnly day, int count) =>
        snapshot.Inspections.Where(i => i.FullInspection && i.Summary.Published <= day).Take(count).Select(i => i.Summary).ToList();

    private static IReadOnlyList<SnapshotInspection> Matching(DatasetSnapshot snapshot, InspectionFilter filter)
    {
        IReadOnlyList<SnapshotInspection> ordered = filter.Sort switch
        {
            "published" => snapshot.OldestFirst,
            "council" => snapshot.ByCouncilName,
            _ => snapshot.Inspections,
        };
        var councils = filter.CouncilCodes is null ? null : new HashSet<string>(filter.CouncilCodes, StringComparer.Ordinal);
        var region = filter.Region?.Code;
        var areaIsFamily = filter.Area is not null && snapshot.Vocabulary.Families.Contains(filter.Area);
        var judged = filter.Area is not null || filter.Grade is not null;
        if (councils is null && region is null && filter.Framework is null && filter.Type is null
            && filter.PublishedFrom is null && filter.PublishedTo is null && !judged)
            return ordered;
        return ordered.Where(i =>
            (councils is null || councils.Contains(i.Summary.Council.Code))
            && (region is null || i.RegionCode == region)
            && (filter.Framework is null || snapshot.InFramework(i.Summary.FrameworkVersion, filter.Framework))
            && (filter.Type is null || i.Summary.Type == filter.Type)
            && (filter.PublishedFrom is not { } from || i.Summary.Published >= from)
            && (filter.PublishedTo is not { } to || i.Summary.Published <= to)
            && (!judged || i.Judged(filter.Area, areaIsFamily, filter.Grade))).ToList();
    }

    /// <summary>A council's inspections, newest first; with its predecessors', however many steps back, if asked.</summary>
    public static (List<InspectionSummary> Items, long Total) ForCouncil(DatasetSnapshot snapshot, string code, bool withPredecessors, Paging paging)
    {
        if (!withPredecessors)
            return Slice(snapshot.InspectionsByCouncil.GetValueOrDefault(code) ?? [], paging);
        var lineage = new HashSet<string>(StringComparer.Ordinal) { code };
        var queue = new Queue<string>([code]);
        while (queue.TryDequeue(out var next))
            foreach (var p in snapshot.CouncilByCode.GetValueOrDefault(next)?.Predecessors ?? [])
                if (lineage.Add(p.Code)) queue.Enqueue(p.Code);
        return List(snapshot, new InspectionFilter([.. lineage], null, null, null, null, null, null, null, Newest), paging);
    }

    /// <summary>One inspection in full (every judgement, its evidence, provenance); null if none has the id.</summary>
    public static InspectionDetail? Detail(DatasetSnapshot snapshot, string id)
    {
        if (!snapshot.InspectionById.TryGetValue(id, out var i)) return null;
        var s = i.Summary;
        return new InspectionDetail(s.Id, s.Council, s.Type, s.FrameworkVersion, s.StartDate, s.EndDate, s.Published, s.PublishedPrecision,
            s.LeadInspector, s.ReportUrl, s.OfstedPageUrl, s.SourceKind, s.Grades, s.MissingGrades, s.Timeliness, i.Judgements,
            new Provenance(s.SourceKind, i.Source, s.ReportUrl, s.PublishedPrecision, i.Notes));
    }

    /// <summary>The list shape for given ids (those that exist), keyed by id.</summary>
    public static Dictionary<string, InspectionSummary> ByIds(DatasetSnapshot snapshot, IEnumerable<string> ids) =>
        ids.Distinct().Where(snapshot.InspectionById.ContainsKey).ToDictionary(id => id, id => snapshot.InspectionById[id].Summary);

    private static (List<InspectionSummary> Items, long Total) Slice(IReadOnlyList<SnapshotInspection> matches, Paging paging) =>
        (paging.Of(matches, i => i.Summary), matches.Count);

    /// <summary>Family → why it has no grade (not_judged, not_covered, unknown), for the families <see cref="GradesByFamily"/> leaves null.</summary>
    public static IReadOnlyDictionary<string, string> MissingByFamily(IEnumerable<(string Family, string? Grade, string Status)> grades)
    {
        var first = new Dictionary<string, (string? Grade, string Status)>();
        foreach (var (family, grade, status) in grades.OrderBy(g => Vocabulary.FamilyRank(g.Family)))
            first.TryAdd(family, (grade, status));
        return first.Where(f => f.Value.Grade is null).ToDictionary(f => f.Key, f => f.Value.Status);
    }

    /// <summary>A family's CSV cell: the grade; for a graded area without one, why (not_judged, not_covered, unknown); empty when the framework does not grade it.</summary>
    public static string? CsvGrade(InspectionSummary i, string family) => i.Grades.GetValueOrDefault(family);

    /// <summary>
    /// Beside each family's grade column: graded, or why there is no grade (not_judged, not_covered,
    /// unknown), or not_graded where the inspection's framework does not grade the family at all (no
    /// overall effectiveness judgement under ILACS from April 2026).
    /// </summary>
    public static string CsvStatus(InspectionSummary i, string family) =>
        !i.Grades.TryGetValue(family, out var g) ? AreaStates.Code(AreaState.NotGraded)
        : g is not null ? AreaStates.Code(AreaState.Graded)
        : i.MissingGrades.GetValueOrDefault(family, AreaStates.Code(AreaState.Unknown));

    /// <summary>A grade column and a status column per family: a grade column holds grade codes only.</summary>
    public static IEnumerable<CsvColumn<T>> FamilyColumns<T>(IReadOnlyList<string> families, Func<T, InspectionSummary?> inspection,
        string noInspection) =>
        families.SelectMany(f => new CsvColumn<T>[]
        {
            new(f, r => inspection(r) is { } i ? CsvGrade(i, f) : null),
            new($"{f}_status", r => inspection(r) is { } i ? CsvStatus(i, f) : noInspection),
        });

    /// <summary>Family → grade. A family graded twice in one inspection keeps its first (top-level) area's grade.</summary>
    public static IReadOnlyDictionary<string, string?> GradesByFamily(IEnumerable<(string Family, string? Grade)> grades)
    {
        var result = new Dictionary<string, string?>();
        foreach (var (family, grade) in grades.OrderBy(g => Vocabulary.FamilyRank(g.Family)))
            result.TryAdd(family, grade);
        return result;
    }

    /// <summary>CSV columns for the list shape: one per area family, so a spreadsheet opens it as a table.</summary>
    public static IReadOnlyList<CsvColumn<InspectionSummary>> CsvColumns(IReadOnlyList<string> families) =>
    [
        new("id", i => i.Id), new("council_code", i => i.Council.Code), new("council_name", i => i.Council.Name),
        new("type", i => i.Type), new("framework_version", i => i.FrameworkVersion), new("start_date", i => i.StartDate),
        new("end_date", i => i.EndDate), new("published", i => i.Published), new("published_precision", i => i.PublishedPrecision),
        new("lead_inspector", i => i.LeadInspector), new("report_url", i => i.ReportUrl),
        new("ofsted_page_url", i => i.OfstedPageUrl), new("source_kind", i => i.SourceKind),
        // Grades and their statuses in columns of their own, so that a grade column parses as grades.
        .. FamilyColumns<InspectionSummary>(families, i => i, AreaStates.Code(AreaState.Unknown)),
        new("days_to_publication", i => i.Timeliness.DaysToPublication),
        new("previous_full_inspection_id", i => i.Timeliness.PreviousFullInspectionId),
        new("days_since_previous_full_inspection", i => i.Timeliness.DaysSincePreviousFullInspection),
    ];
}
