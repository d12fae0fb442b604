
namespace JudgementsApi.Features.Inspections;

/// <summary>
/// The inspections' part of the dataset snapshot: the SQL that reads inspections and judgements (run
/// by <see cref="SnapshotLoader"/> in its one transaction) and the in-memory inspection built from
/// them, with its list shape already made. <see cref="InspectionReader"/> filters and pages these.
/// </summary>
public static class InspectionSnapshot
{
    public const string Sql = """
        SELECT id, council_code, framework_version, type, start_date, end_date, published, published_precision, lead_inspector,
               report_url, source_kind, source, notes, full_inspection, counts_from FROM inspections;
        SELECT inspection_id, area_code, grade, note, status, evidence, evidence_document, evidence_line FROM judgements;
        """;

    public sealed class InspectionRow
    {
        public string Id { get; init; } = "";
        public string CouncilCode { get; init; } = "";
        public string FrameworkVersion { get; init; } = "";
        public string Type { get; init; } = "";
        public DateOnly? StartDate { get; init; }
        public DateOnly? EndDate { get; init; }
        public DateOnly Published { get; init; }
        public string PublishedPrecision { get; init; } = "";
        public string? LeadInspector { get; init; }
        public string? ReportUrl { get; init; }
        public string SourceKind { get; init; } = "";
        public string Source { get; init; } = "";
        public string? Notes { get; init; }
        public bool FullInspection { get; init; }
        public DateOnly CountsFrom { get; init; }
    }

    public sealed class JudgementRow
    {
        public string InspectionId { get; init; } = "";
        public string AreaCode { get; init; } = "";
        public string? Grade { get; init; }
        public string? Note { get; init; }
        public string Status { get; init; } = "";
        public string? Evidence { get; init; }
        public string? EvidenceDocument { get; init; }
        public int? EvidenceLine { get; init; }
    }

    /// <summary>Reads the two result sets of <see cref="Sql"/>.</summary>
    public static async Task<(List<InspectionRow> Inspections, List<JudgementRow> Judgements)> ReadAsync(SqlMapper.GridReader multi) =>
        ((await multi.ReadAsync<InspectionRow>()).ToList(), (await multi.ReadAsync<JudgementRow>()).ToList());

    /// <summary>Each inspection with its list shape, its judgements in the framework version's order, and their evidence.</summary>
    public static List<SnapshotInspection> Build(List<InspectionRow> inspections, List<JudgementRow> judgements,
        IReadOnlyDictionary<string, CouncilFacts> councils, IReadOnlyDictionary<string, SnapshotFrameworkVersion> frameworkVersions,
        IReadOnlyDictionary<string, AreaRef> areas, IReadOnlyDictionary<string, Grade> gradeByCode)
    {
        var ordinal = StringComparer.Ordinal;
        // A cited judgement's words are in another inspection's report: the first such inspection by id gives the link.
        var reportUrlBySource = new Dictionary<string, string?>(ordinal);
        foreach (var i in inspections.Where(i => i.SourceKind is "report" or "override").OrderBy(i => i.Id, ordinal))
            reportUrlBySource.TryAdd(i.Source, i.ReportUrl);

        var judgementsByInspection = judgements.ToLookup(j => j.InspectionId, ordinal);
        var timeliness = Timeliness(inspections);
        var built = new List<SnapshotInspection>(inspections.Count);
        foreach (var i in inspections)
        {
            var council = councils[i.CouncilCode];
            var order = (frameworkVersions.GetValueOrDefault(i.FrameworkVersion)?.Areas ?? []).Select((a, k) => (a.Area, k))
                .ToDictionary(a => a.Area, a => a.k, ordinal);
            // The detail and the grades list only the areas the framework version defines, in its display order.
            var listed = judgementsByInspection[i.Id].Where(j => order.ContainsKey(j.AreaCode)).OrderBy(j => order[j.AreaCode]).ToList();
            var family = (JudgementRow j) => areas[j.AreaCode].Family;
            var summary = new InspectionSummary(i.Id, council.Ref, i.Type, i.FrameworkVersion, i.StartDate, i.EndDate,
                i.Published, i.PublishedPrecision, i.LeadInspector, i.ReportUrl, OfstedLinks.ProviderPage(council.OfstedUrn), i.SourceKind,
                InspectionReader.GradesByFamily(listed.Select(j => (family(j), j.Grade))),
                InspectionReader.MissingByFamily(listed.Select(j => (family(j), j.Grade, j.Status))), timeliness[i.Id]);
            built.Add(new SnapshotInspection
            {
                Summary = summary,
                CouncilName = council.Ref.Name,
                RegionCode = council.RegionCode,
                Source = i.Source,
                Notes = i.Notes,
                CountsFrom = i.CountsFrom,
                FullInspection = i.FullInspection,
                Judgements = listed.Select(j => new Judgement(areas[j.AreaCode],
                    j.Grade is null ? null : gradeByCode[j.Grade], j.Status, j.Note,
                    j.Evidence is null ? null : new Evidence(j.Evidence, j.EvidenceDocument!, j.EvidenceLine,
                        reportUrlBySource.GetValueOrDefault(j.EvidenceDocument!)))).ToList(),
                AllJudgements = judgementsByInspection[i.Id].Select(j => (j.AreaCode, family(j), j.Grade, j.Status)).ToList(),
            });
        }
        return built;
    }

    /// <summary>
    /// Each inspection's intervals, worked out once per snapshot: the days from its last day on site to
    /// publication, and from the publication of the council's previous full inspection (by publication, then id).
    /// </summary>
    private static Dictionary<string, InspectionTimeliness> Timeliness(List<InspectionRow> inspections)
    {
        var ordinal = StringComparer.Ordinal;
        var result = new Dictionary<string, InspectionTimeliness>(inspections.Count, ordinal);
        foreach (var council in inspections.GroupBy(i => i.CouncilCode, ordinal))
        {
            var fullSoFar = new List<InspectionRow>();
            foreach (var i in council.OrderBy(i => i.Published).ThenBy(i => i.Id, ordinal))
            {
                var exact = i.PublishedPrecision == "day";
                // Published earlier: an LSCB review or a second report the same day is not the previous inspection.
                var previous = fullSoFar.LastOrDefault(p => p.Published < i.Published);
                int? toPublication = exact && i.EndDate is { } end ? i.Published.DayNumber - end.DayNumber : null;
                int? sincePrevious = previous is { PublishedPrecision: "day" } && exact
                    ? i.Published.DayNumber - previous.Published.DayNumber : null;
                result[i.Id] = new InspectionTimeliness(toPublication, previous?.Id, sincePrevious);
                if (i.FullInspection) fullSoFar.Add(i);
            }
        }
        return result;
    }
}

/// <summary>An inspection, its judgements and where its facts come from.</summary>
public sealed class SnapshotInspection
{
    public required InspectionSummary Summary { get; init; }
    public required string CouncilName { get; init; }
    public required string RegionCode { get; init; }
    public required string Source { get; init; }
    public string? Notes { get; init; }
    public required DateOnly CountsFrom { get; init; }
    public required bool FullInspection { get; init; }
    /// <summary>The judgements the framework version lists, in its display order, as the detail shows them.</summary>
    public required IReadOnlyList<Judgement> Judgements { get; init; }
    /// <summary>Every judgement row, whatever the version lists: what the area/grade filters look at.</summary>
    public required IReadOnlyList<(string Area, string Family, string? Grade, string Status)> AllJudgements { get; init; }

    public string Id => Summary.Id;

    /// <summary>
    /// Has a judgement in <paramref name="area"/> (a family when <paramref name="areaIsFamily"/>, else an
    /// area code; null: any) with <paramref name="grade"/> (null: any known grade).
    /// </summary>
    public bool Judged(string? area, bool areaIsFamily, string? grade)
    {
        foreach (var j in AllJudgements)
        {
            if (area is not null && (areaIsFamily ? j.Family : j.Area) != area) continue;
            if (grade is null ? j.Grade is not null : j.Grade == grade) return true;
        }
        return false;
    }
}
