using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace JudgementsApi.Import;

public sealed record RegionRow(string Code, string Name, string Slug);
public sealed record CouncilRow(string Code, string? LaCode, string? OfstedUrn, string Name, string Slug, string Type,
    string RegionCode, DateOnly? Opened, DateOnly? Closed, string[] FormerCodes, string? OpenedNote = null);
public sealed record SuccessionRow(string PredecessorCode, string SuccessorCode, DateOnly Date);
public sealed record NeighbourRow(string CouncilCode, int Rank, string NeighbourCode);
public sealed record GradeRow(string Code, string Label, int Rank);
public sealed record FrameworkRow(string Slug, string Name, string? Description);
public sealed record FrameworkVersionRow(string Slug, string Framework, string Name, DateOnly EffectiveFrom, DateOnly? EffectiveTo,
    string[] GradeScale, string? SourceUrl, string? Notes);
public sealed record AreaRow(string Code, string Name, string Family, string? Description);
public sealed record VersionAreaRow(string FrameworkVersion, string AreaCode, int DisplayOrder, string? ParentAreaCode);
public sealed record InspectionRow(string Id, string CouncilCode, string FrameworkVersion, string Type, DateOnly? StartDate,
    DateOnly? EndDate, DateOnly Published, string PublishedPrecision, string? LeadInspector, string? ReportUrl,
    string SourceKind, string Source, string? Notes);
public sealed record JudgementRow(string InspectionId, string AreaCode, string? Grade, string? Note,
    string Status = "unknown", string? Evidence = null, string? EvidenceDocument = null, int? EvidenceLine = null);
public sealed record FocusedVisitRow(string Id, string CouncilCode, DateOnly LetterDate, DateOnly? VisitStart, DateOnly? VisitEnd,
    string[] Inspectors, string Focus, bool PriorityAction, string? ReportUrl, string Source,
    string LetterDateSource = "letter", string PriorityActionKind = "none");
public sealed record PriorityActionRow(string FocusedVisitId, int Position, string Text, int? SourceLine);

public sealed record FrameworkTagRow(string Code, string Kind, int Number, string Name, string? SourceUrl);
public sealed record ImprovementThemeRow(string Code, string Name, int RuleOrder, string? Rule);
public sealed record ImprovementPointRow(string? InspectionId, string? FocusedVisitId, string CouncilCode, int Position, string Text,
    string? ListHeading, string? AreaHeading, string? FrameworkTag, string? FrameworkTagText, string Theme, string Source, int LineFrom,
    int LineTo);

public sealed record VisitRow(string Id, string CouncilCode, string Kind, DateOnly LetterDate, DateOnly? VisitStart, DateOnly? VisitEnd,
    string[] Inspectors, string? Theme, string? ReportUrl, string Source);

public sealed class SeedValidationException(IReadOnlyList<string> errors)
    : Exception($"The seed data is invalid ({errors.Count} error{(errors.Count == 1 ? "" : "s")}); nothing was imported:\n  " +
                string.Join("\n  ", Shown(errors)))
{
    public IReadOnlyList<string> Errors { get; } = errors;

    /// <summary>Per file, the first <see cref="PerFile"/> errors and then how many more: one bad file never buries the rest.</summary>
    public const int PerFile = 20;

    private static IEnumerable<string> Shown(IReadOnlyList<string> errors) =>
        errors.GroupBy(e => e.Split(':', 2)[0]).SelectMany(file => file.Count() <= PerFile
            ? file
            : file.Take(PerFile).Append($"{file.Key}: … and {file.Count() - PerFile} more errors in this file"));
}

/// <summary>
/// Every seed file, read and checked as a whole before anything is written: each rule the database
/// would enforce and the ones it cannot (a grade outside its framework's scale, an area the
/// framework does not grade), with the file and line of each offence.
/// </summary>
public sealed partial class SeedSet
{
    public static readonly IReadOnlyDictionary<string, string[]> Headers = new Dictionary<string, string[]>
    {
        ["regions.csv"] = ["code", "name", "slug"],
        ["councils.csv"] = ["code", "la_code", "ofsted_urn", "name", "slug", "type", "region_code", "opened", "closed", "former_codes", "opened_note"],
        ["council_successions.csv"] = ["predecessor_code", "successor_code", "date"],
        ["statistical_neighbours.csv"] = ["council_code", "rank", "neighbour_code"],
        ["grades.csv"] = ["code", "label", "rank"],
        ["frameworks.csv"] = ["slug", "name", "description"],
        ["framework_versions.csv"] = ["slug", "framework", "name", "effective_from", "effective_to", "grade_scale", "source_url", "notes"],
        ["judgement_areas.csv"] = ["code", "name", "family", "description"],
        ["framework_version_areas.csv"] = ["framework_version", "area_code", "display_order", "parent_area_code"],
        ["inspections.csv"] = ["id", "council_code", "framework_version", "type", "start_date", "end_date", "published",
            "published_precision", "lead_inspector", "report_url", "source_kind", "source", "notes"],
        ["judgements.csv"] = ["inspection_id", "area_code", "grade", "status", "note", "evidence", "evidence_document", "evidence_line"],
        ["focused_visits.csv"] = ["id", "council_code", "letter_date", "visit_start", "visit_end", "inspectors", "focus",
            "priority_action", "report_url", "source", "letter_date_source", "priority_action_kind"],
        ["focused_visit_priority_actions.csv"] = ["focused_visit_id", "position", "text", "source_line"],
        ["visits.csv"] = ["id", "council_code", "kind", "letter_date", "visit_start", "visit_end", "inspectors", "theme", "report_url", "source"],
        ["national_framework_tags.csv"] = ["code", "kind", "number", "name", "source_url"],
        ["improvement_themes.csv"] = ["code", "name", "rule_order", "rule"],
        ["improvement_points.csv"] = ["inspection_id", "focused_visit_id", "council_code", "position", "text", "list_heading",
            "area_heading", "framework_tag", "framework_tag_text", "theme", "source", "line_from", "line_to"],
    };

    /// <summary>Kinds of visit in visits.csv (focused visits have their own file).</summary>
    public static readonly string[] VisitKinds = ["monitoring_visit", "jtai"];

    private static readonly string[] Precisions = ["day", "month", "year"];
    private static readonly string[] SourceKinds = ["report", "override", "news", "cited"];
    public static readonly string[] JudgementStatuses = JudgementsApi.Features.AreaStates.JudgementCodes;
    private static readonly string[] LetterDateSources = ["letter", "publication"];
    public static readonly string[] PriorityActionKinds = ["none", "new", "carried_over", "new_and_carried_over"];
    private static readonly string[] TagKinds = ["outcome", "enabler"];

    public required string Version { get; init; }
    public required List<RegionRow> Regions { get; init; }
    public required List<CouncilRow> Councils { get; init; }
    public required List<SuccessionRow> Successions { get; init; }
    public required List<NeighbourRow> Neighbours { get; init; }
    public required List<GradeRow> Grades { get; init; }
    public required List<FrameworkRow> Frameworks { get; init; }
    public required List<FrameworkVersionRow> FrameworkVersions { get; init; }
    public required List<AreaRow> Areas { get; init; }
    public required List<VersionAreaRow> VersionAreas { get; init; }
    public required List<InspectionRow> Inspections { get; init; }
    public required List<JudgementRow> Judgements { get; init; }
    public required List<FocusedVisitRow> FocusedVisits { get; init; }
    public required List<PriorityActionRow> PriorityActions { get; init; }
    public required List<VisitRow> Visits { get; init; }
    public required List<FrameworkTagRow> FrameworkTags { get; init; }
    public required List<ImprovementThemeRow> ImprovementThemes { get; init; }
    public required List<ImprovementPointRow> ImprovementPoints { get; init; }

    public DateOnly? DataAsOf =>
        Inspections.Select(i => (DateOnly?)i.Published).Concat(FocusedVisits.Select(f => (DateOnly?)f.LetterDate)).Max();

    public Dictionary<string, int> Counts() => new()
    {
        ["regions"] = Regions.Count, ["councils"] = Councils.Count,
        ["currentCouncils"] = Councils.Count(c => c.Closed is null),
        ["inspections"] = Inspections.Count, ["judgements"] = Judgements.Count,
        ["focusedVisits"] = FocusedVisits.Count, ["frameworkVersions"] = FrameworkVersions.Count,
        ["improvementPoints"] = ImprovementPoints.Count,
    };

    [GeneratedRegex("^[a-z0-9]+(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    /// <summary>Reads and validates a seed-data folder; throws <see cref="SeedValidationException"/> listing every error.</summary>
    public static SeedSet Load(string directory)
    {
        var errors = new List<string>();
        if (!Directory.Exists(directory)) throw new SeedValidationException([$"{directory}: no such directory"]);
        var files = ReadFiles(directory, errors, out var unreadable);
        // A file that cannot be read whole would make every row that refers to it an error too: stop here.
        if (unreadable) throw new SeedValidationException(errors);
        var r = new RowReader(files, errors);

        // In dependency order: each file is checked against the identifiers of those before it.
        var regions = r.Regions();
        var councils = r.Councils(regions.Select(x => x.Code).ToHashSet());
        var councilCodes = councils.Select(c => c.Code).ToHashSet();
        var successions = r.Successions(councilCodes);
        var neighbours = r.Neighbours(councilCodes);
        var grades = r.Grades();
        var frameworks = r.Frameworks();
        var versions = r.FrameworkVersions(grades.Select(g => g.Code).ToHashSet(), frameworks.Select(f => f.Slug).ToHashSet());
        var versionBySlug = versions.ToDictionary(x => x.Slug, x => x);
        var areas = r.Areas();
        var versionAreas = r.VersionAreas(versionBySlug.Keys, areas.Select(a => a.Code).ToHashSet());
        var areasOf = versionAreas.GroupBy(a => a.FrameworkVersion).ToDictionary(g => g.Key, g => g.Select(a => a.AreaCode).ToHashSet());
        r.CheckParentAreas(versionAreas, areasOf);
        var inspections = r.Inspections(councilCodes, versionBySlug.Keys);
        var inspectionById = inspections.GroupBy(i => i.Id).ToDictionary(g => g.Key, g => g.First());
        var judgements = r.Judgements(inspectionById, versionBySlug, areasOf);
        var focusedVisits = r.FocusedVisits(councilCodes);
        var priorityActions = r.PriorityActions(focusedVisits.Select(f => f.Id).ToHashSet());
        var visits = r.Visits(councilCodes);
        var tags = r.FrameworkTags();
        var themes = r.ImprovementThemes();
        var points = r.ImprovementPoints(inspectionById, focusedVisits.ToDictionary(f => f.Id), tags.Select(t => t.Code).ToHashSet(),
            themes.Select(t => t.Code).ToHashSet());

        if (errors.Count > 0) throw new SeedValidationException(errors);

        return new SeedSet
        {
            Version = Hash(directory), Regions = regions, Councils = councils, Successions = successions, Neighbours = neighbours,
            Grades = grades, Frameworks = frameworks, FrameworkVersions = versions, Areas = areas, VersionAreas = versionAreas,
            Inspections = inspections, Judgements = judgements, FocusedVisits = focusedVisits, PriorityActions = priorityActions,
            Visits = visits, FrameworkTags = tags, ImprovementThemes = themes, ImprovementPoints = points,
        };
    }

    /// <summary>
    /// Every seed file's rows, after checking the folder against its manifest. A file whose row count
    /// differs from the manifest's is reported unless its own lines already were (they explain it).
    /// </summary>
    private static Dictionary<string, List<SeedRow>> ReadFiles(string directory, List<string> errors, out bool unreadable)
    {
        var manifest = SeedManifest.Verify(directory, Headers.Keys, errors);
        var before = errors.Count;
        var raw = Headers.ToDictionary(h => h.Key, h => SeedCsv.Read(Path.Combine(directory, h.Key), h.Key, h.Value, errors));
        unreadable = errors.Count > before;
        foreach (var (file, rows) in raw)
            if (manifest.TryGetValue(file, out var listed) && listed != rows.Count
                && !errors.Any(e => e.StartsWith(file + ":", StringComparison.Ordinal) && e.Length > file.Length + 1 && char.IsAsciiDigit(e[file.Length + 1])))
                errors.Add($"{file}: {rows.Count} rows, {SeedManifest.FileName} says {listed} (a file cut short, or rows added after it was built)");
        return raw;
    }

    /// <summary>Each file's rows as typed records, with every rule of that file checked (one method a file).</summary>
    private sealed class RowReader(Dictionary<string, List<SeedRow>> raw, List<string> errors)
    {
        private readonly Validator v = new(errors);

        public List<RegionRow> Regions()
        {
            var rows = raw["regions.csv"];
            var regions = rows.Select(r => new RegionRow(v.Req(r, "code"), v.Req(r, "name"), v.Slug(r, "slug"))).ToList();
            v.Unique(rows, "code"); v.Unique(rows, "slug");
            return regions;
        }

        public List<CouncilRow> Councils(HashSet<string> regionCodes)
        {
            var rows = raw["councils.csv"];
            var councils = rows.Select(r => new CouncilRow(v.Req(r, "code"), r["la_code"], r["ofsted_urn"], v.Req(r, "name"),
                v.Slug(r, "slug"), v.OneOf(r, "type", Features.CouncilTypes.Codes), v.Ref(r, "region_code", regionCodes, "region"),
                v.Date(r, "opened"), v.Date(r, "closed"), v.List(r, "former_codes"), r["opened_note"])).ToList();
            v.Unique(rows, "code"); v.Unique(rows, "slug");
            foreach (var (c, r) in councils.Zip(rows)) v.Ordered(r, "opened", c.Opened, "closed", c.Closed);
            var councilCodes = councils.Select(c => c.Code).ToHashSet();
            foreach (var (c, r) in councils.Zip(rows))
                foreach (var former in c.FormerCodes.Where(councilCodes.Contains))
                    errors.Add($"{r.Where}: former code {former} is also the code of a council");
            return councils;
        }

        public List<SuccessionRow> Successions(HashSet<string> councilCodes)
        {
            var rows = raw["council_successions.csv"];
            var successions = rows.Select(r => new SuccessionRow(
                v.Ref(r, "predecessor_code", councilCodes, "council"), v.Ref(r, "successor_code", councilCodes, "council"),
                v.Date(r, "date") ?? v.Missing(r, "date", DateOnly.MinValue))).ToList();
            v.Unique(rows, "predecessor_code", "successor_code");
            return successions;
        }

        public List<NeighbourRow> Neighbours(HashSet<string> councilCodes)
        {
            var rows = raw["statistical_neighbours.csv"];
            var neighbours = rows.Select(r => new NeighbourRow(
                v.Ref(r, "council_code", councilCodes, "council"), v.Int(r, "rank"), v.Ref(r, "neighbour_code", councilCodes, "council"))).ToList();
            v.Unique(rows, "council_code", "rank");
            return neighbours;
        }

        public List<GradeRow> Grades()
        {
            var rows = raw["grades.csv"];
            var grades = rows.Select(r => new GradeRow(v.Snake(r, "code"), v.Req(r, "label"), v.Int(r, "rank"))).ToList();
            v.Unique(rows, "code");
            return grades;
        }

        public List<FrameworkRow> Frameworks()
        {
            var rows = raw["frameworks.csv"];
            var frameworks = rows.Select(r => new FrameworkRow(v.Slug(r, "slug"), v.Req(r, "name"), r["description"])).ToList();
            v.Unique(rows, "slug");
            return frameworks;
        }

        public List<FrameworkVersionRow> FrameworkVersions(HashSet<string> gradeCodes, HashSet<string> frameworkSlugs)
        {
            var rows = raw["framework_versions.csv"];
            var versions = rows.Select(r =>
            {
                var scale = v.List(r, "grade_scale");
                foreach (var g in scale.Where(g => !gradeCodes.Contains(g))) errors.Add($"{r.Where}: grade_scale names unknown grade '{g}'");
                if (scale.Length == 0) errors.Add($"{r.Where}: grade_scale is empty");
                var from = v.Date(r, "effective_from") ?? v.Missing(r, "effective_from", DateOnly.MinValue);
                var to = v.Date(r, "effective_to");
                v.Ordered(r, "effective_from", from, "effective_to", to);
                return new FrameworkVersionRow(v.Slug(r, "slug"), v.Ref(r, "framework", frameworkSlugs, "framework"), v.Req(r, "name"),
                    from, to, scale, r["source_url"], r["notes"]);
            }).ToList();
            v.Unique(rows, "slug");
            return versions;
        }

        public List<AreaRow> Areas()
        {
            var rows = raw["judgement_areas.csv"];
            var areas = rows.Select(r => new AreaRow(v.Snake(r, "code"), v.Req(r, "name"), v.Snake(r, "family"), r["description"])).ToList();
            v.Unique(rows, "code");
            return areas;
        }

        public List<VersionAreaRow> VersionAreas(IEnumerable<string> versionSlugs, HashSet<string> areaCodes)
        {
            var rows = raw["framework_version_areas.csv"];
            var versionAreas = rows.Select(r => new VersionAreaRow(
                v.Ref(r, "framework_version", versionSlugs, "framework version"), v.Ref(r, "area_code", areaCodes, "judgement area"),
                v.Int(r, "display_order"), r["parent_area_code"])).ToList();
            v.Unique(rows, "framework_version", "area_code");
            return versionAreas;
        }

        public void CheckParentAreas(List<VersionAreaRow> versionAreas, Dictionary<string, HashSet<string>> areasOf)
        {
            foreach (var (a, r) in versionAreas.Zip(raw["framework_version_areas.csv"]))
                if (a.ParentAreaCode is { } parent && !(areasOf.GetValueOrDefault(a.FrameworkVersion)?.Contains(parent) ?? false))
                    errors.Add($"{r.Where}: parent_area_code '{parent}' is not an area of {a.FrameworkVersion}");
        }

        public List<InspectionRow> Inspections(HashSet<string> councilCodes, IEnumerable<string> versionSlugs)
        {
            var rows = raw["inspections.csv"];
            var inspections = rows.Select(r =>
            {
                var start = v.Date(r, "start_date");
                var end = v.Date(r, "end_date");
                var published = v.Date(r, "published") ?? v.Missing(r, "published", DateOnly.MinValue);
                v.Ordered(r, "start_date", start, "end_date", end);
                v.Ordered(r, "end_date", end, "published", published);
                return new InspectionRow(v.Req(r, "id"), v.Ref(r, "council_code", councilCodes, "council"),
                    v.Ref(r, "framework_version", versionSlugs, "framework version"), v.Snake(r, "type"), start, end, published,
                    v.OneOf(r, "published_precision", Precisions), r["lead_inspector"], r["report_url"],
                    v.OneOf(r, "source_kind", SourceKinds), v.Req(r, "source"), r["notes"]);
            }).ToList();
            v.Unique(rows, "id");
            v.Unique(rows, "council_code", "published", "type");
            return inspections;
        }

        public List<JudgementRow> Judgements(Dictionary<string, InspectionRow> inspectionById,
            Dictionary<string, FrameworkVersionRow> versionBySlug, Dictionary<string, HashSet<string>> areasOf)
        {
            var rows = raw["judgements.csv"];
            var judgements = rows.Select(r =>
            {
                var row = new JudgementRow(v.Ref(r, "inspection_id", inspectionById.Keys, "inspection"), v.Req(r, "area_code"), r["grade"], r["note"],
                    v.OneOf(r, "status", JudgementStatuses), r["evidence"], r["evidence_document"], r["evidence_line"] is null ? null : v.Int(r, "evidence_line"));
                CheckProvenance(r, row);
                if (inspectionById.TryGetValue(row.InspectionId, out var inspection) && versionBySlug.TryGetValue(inspection.FrameworkVersion, out var version))
                    CheckAgainstFramework(r, row, version, areasOf);
                return row;
            }).ToList();
            v.Unique(rows, "inspection_id", "area_code");
            return judgements;
        }

        /// <summary>A grade is stated exactly when the status says graded, and always with the report's words and where they are.</summary>
        private void CheckProvenance(SeedRow r, JudgementRow row)
        {
            if ((row.Status == "graded") != (row.Grade is not null))
                errors.Add($"{r.Where}: status '{row.Status}' {(row.Grade is null ? "needs a grade" : "cannot have a grade")}");
            if (row.Grade is not null && row.Evidence is null)
                errors.Add($"{r.Where}: a grade needs its evidence (the report's words that state it)");
            if (row.Evidence is not null && row.EvidenceDocument is null)
                errors.Add($"{r.Where}: evidence needs evidence_document (where the words are)");
        }

        /// <summary>The rules the database cannot enforce: the area is one the framework grades, the grade is on its scale.</summary>
        private void CheckAgainstFramework(SeedRow r, JudgementRow row, FrameworkVersionRow version, Dictionary<string, HashSet<string>> areasOf)
        {
            if (!(areasOf.GetValueOrDefault(version.Slug)?.Contains(row.AreaCode) ?? false))
                errors.Add($"{r.Where}: area '{row.AreaCode}' is not graded by {version.Slug} (inspection {row.InspectionId})");
            if (row.Grade is { } grade && !version.GradeScale.Contains(grade))
                errors.Add($"{r.Where}: grade '{grade}' is not on the {version.Slug} scale ({string.Join(", ", version.GradeScale)})");
            if (row.Grade is null && row.Note is null)
                errors.Add($"{r.Where}: an unknown grade needs a note saying why");
        }

        public List<FocusedVisitRow> FocusedVisits(HashSet<string> councilCodes)
        {
            var rows = raw["focused_visits.csv"];
            var focusedVisits = rows.Select(r =>
            {
                var start = v.Date(r, "visit_start");
                var end = v.Date(r, "visit_end");
                v.Ordered(r, "visit_start", start, "visit_end", end);
                return new FocusedVisitRow(v.Req(r, "id"), v.Ref(r, "council_code", councilCodes, "council"),
                    v.Date(r, "letter_date") ?? v.Missing(r, "letter_date", DateOnly.MinValue), start, end, v.List(r, "inspectors"),
                    v.Req(r, "focus"), v.Bool(r, "priority_action"), r["report_url"], v.Req(r, "source"),
                    v.OneOf(r, "letter_date_source", LetterDateSources), v.OneOf(r, "priority_action_kind", PriorityActionKinds));
            }).ToList();
            v.Unique(rows, "id");
            foreach (var (f, r) in focusedVisits.Zip(rows))
                if (f.PriorityAction != (f.PriorityActionKind != "none"))
                    errors.Add($"{r.Where}: priority_action {(f.PriorityAction ? "true" : "false")} disagrees with priority_action_kind '{f.PriorityActionKind}'");
            return focusedVisits;
        }

        public List<PriorityActionRow> PriorityActions(HashSet<string> visitIds)
        {
            var rows = raw["focused_visit_priority_actions.csv"];
            var priorityActions = rows.Select(r => new PriorityActionRow(
                v.Ref(r, "focused_visit_id", visitIds, "focused visit"), v.Int(r, "position"), v.Req(r, "text"),
                r["source_line"] is null ? null : v.Int(r, "source_line"))).ToList();
            v.Unique(rows, "focused_visit_id", "position");
            return priorityActions;
        }

        public List<VisitRow> Visits(HashSet<string> councilCodes)
        {
            var rows = raw["visits.csv"];
            var visits = rows.Select(r =>
            {
                var start = v.Date(r, "visit_start");
                var end = v.Date(r, "visit_end");
                v.Ordered(r, "visit_start", start, "visit_end", end);
                return new VisitRow(v.Req(r, "id"), v.Ref(r, "council_code", councilCodes, "council"), v.OneOf(r, "kind", VisitKinds),
                    v.Date(r, "letter_date") ?? v.Missing(r, "letter_date", DateOnly.MinValue), start, end, v.List(r, "inspectors"),
                    r["theme"], r["report_url"], v.Req(r, "source"));
            }).ToList();
            v.Unique(rows, "id");
            return visits;
        }

        public List<FrameworkTagRow> FrameworkTags()
        {
            var rows = raw["national_framework_tags.csv"];
            var tags = rows.Select(r => new FrameworkTagRow(v.Snake(r, "code"), v.OneOf(r, "kind", TagKinds), v.Int(r, "number"),
                v.Req(r, "name"), r["source_url"])).ToList();
            v.Unique(rows, "code");
            v.Unique(rows, "kind", "number");
            return tags;
        }

        public List<ImprovementThemeRow> ImprovementThemes()
        {
            var rows = raw["improvement_themes.csv"];
            var themes = rows.Select(r => new ImprovementThemeRow(v.Snake(r, "code"), v.Req(r, "name"), v.Int(r, "rule_order"), r["rule"]))
                .ToList();
            v.Unique(rows, "code");
            v.Unique(rows, "rule_order");
            return themes;
        }

        /// <summary>Each point belongs to one inspection or one focused visit, of the council it names; a tag needs its footnote.</summary>
        public List<ImprovementPointRow> ImprovementPoints(Dictionary<string, InspectionRow> inspections,
            Dictionary<string, FocusedVisitRow> visits, HashSet<string> tags, HashSet<string> themes)
        {
            var rows = raw["improvement_points.csv"];
            var points = rows.Select(r => new ImprovementPointRow(
                r["inspection_id"] is null ? null : v.Ref(r, "inspection_id", inspections.Keys, "inspection"),
                r["focused_visit_id"] is null ? null : v.Ref(r, "focused_visit_id", visits.Keys, "focused visit"),
                v.Req(r, "council_code"), v.Int(r, "position"), v.Req(r, "text"), r["list_heading"], r["area_heading"],
                r["framework_tag"] is null ? null : v.Ref(r, "framework_tag", tags, "National Framework tag"), r["framework_tag_text"],
                v.Ref(r, "theme", themes, "theme"), v.Req(r, "source"), v.Int(r, "line_from"), v.Int(r, "line_to"))).ToList();
            foreach (var (p, r) in points.Zip(rows))
                CheckPoint(p, r, inspections, visits);
            v.Unique(rows, "inspection_id", "focused_visit_id", "position");
            v.Unique(rows, "source", "position");
            return points;
        }

        private void CheckPoint(ImprovementPointRow p, SeedRow r, Dictionary<string, InspectionRow> inspections,
            Dictionary<string, FocusedVisitRow> visits)
        {
            if ((p.InspectionId is null) == (p.FocusedVisitId is null))
                errors.Add($"{r.Where}: exactly one of inspection_id and focused_visit_id is set");
            var council = p.InspectionId is { } i && inspections.TryGetValue(i, out var insp) ? insp.CouncilCode
                : p.FocusedVisitId is { } f && visits.TryGetValue(f, out var visit) ? visit.CouncilCode : null;
            if (council is not null && council != p.CouncilCode)
                errors.Add($"{r.Where}: council_code '{p.CouncilCode}' is not the council of its report ({council})");
            if (p.Position < 1) errors.Add($"{r.Where}: position must be 1 or more");
            if (p.LineFrom < 1 || p.LineTo < p.LineFrom)
                errors.Add($"{r.Where}: line_from {p.LineFrom} to line_to {p.LineTo} is not a range of lines");
            if (p.FrameworkTag is not null && p.FrameworkTagText is null)
                errors.Add($"{r.Where}: framework_tag without the footnote it was read from");
        }
    }

    /// <summary>
    /// The dataset version: a hash of every seed file's name and bytes and of the schema they are
    /// loaded into (whose derived tables are part of what is served), so it changes exactly when
    /// what the API serves does.
    /// </summary>
    private static string Hash(string directory)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"schema {JudgementsApi.Infrastructure.Migrator.LatestVersion}\n"));
        foreach (var file in Headers.Keys.Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            sha.AppendData(File.ReadAllBytes(Path.Combine(directory, file)));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private sealed class Validator(List<string> errors)
    {
        public string Req(SeedRow r, string column)
        {
            if (r[column] is { } value) return value;
            errors.Add($"{r.Where}: {column} is required");
            return "";
        }

        /// <summary>A required value that is absent or unreadable (then already reported): the placeholder keeps the row going.</summary>
        public T Missing<T>(SeedRow r, string column, T placeholder)
        {
            if (r[column] is null) errors.Add($"{r.Where}: {column} is required");
            return placeholder;
        }

        public string Slug(SeedRow r, string column)
        {
            var value = Req(r, column);
            if (value.Length > 0 && !SeedSet.Slug().IsMatch(value)) errors.Add($"{r.Where}: {column} '{value}' is not a lower-case hyphenated slug");
            return value;
        }

        public string Snake(SeedRow r, string column)
        {
            var value = Req(r, column);
            if (value.Length > 0 && !SnakeCase().IsMatch(value)) errors.Add($"{r.Where}: {column} '{value}' is not lower snake_case");
            return value;
        }

        public string OneOf(SeedRow r, string column, IReadOnlyCollection<string> allowed)
        {
            var value = Req(r, column);
            if (value.Length > 0 && !allowed.Contains(value))
                errors.Add($"{r.Where}: {column} '{value}' is not one of {string.Join(", ", allowed)}");
            return value;
        }

        public string Ref(SeedRow r, string column, IEnumerable<string> known, string what)
        {
            var value = Req(r, column);
            if (value.Length > 0 && !known.Contains(value)) errors.Add($"{r.Where}: unknown {what} '{value}' in {column}");
            return value;
        }

        public DateOnly? Date(SeedRow r, string column)
        {
            if (r[column] is not { } text) return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            errors.Add($"{r.Where}: {column} '{text}' is not a date (YYYY-MM-DD)");
            return null;
        }

        public int Int(SeedRow r, string column)
        {
            if (int.TryParse(r[column], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
            errors.Add($"{r.Where}: {column} '{r[column]}' is not a whole number");
            return 0;
        }

        public bool Bool(SeedRow r, string column)
        {
            switch (r[column])
            {
                case "true": return true;
                case "false": return false;
                default: errors.Add($"{r.Where}: {column} '{r[column]}' is not true or false"); return false;
            }
        }

        public string[] List(SeedRow r, string column) =>
            r[column]?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

        public void Ordered(SeedRow r, string firstName, DateOnly? first, string secondName, DateOnly? second)
        {
            // DateOnly.MinValue stands for a date already reported as missing or unreadable.
            if (first is { } a && second is { } b && b < a && a != DateOnly.MinValue && b != DateOnly.MinValue)
                errors.Add($"{r.Where}: {secondName} ({b:yyyy-MM-dd}) is before {firstName} ({a:yyyy-MM-dd})");
        }

        public void Unique(List<SeedRow> rows, params string[] columns)
        {
            var seen = new Dictionary<string, int>();
            foreach (var r in rows)
            {
                var key = string.Join("|", columns.Select(c => r[c]));
                if (seen.TryGetValue(key, out var firstLine))
                    errors.Add($"{r.Where}: duplicate {string.Join("+", columns)} '{key.Replace('|', ' ')}' (first at line {firstLine})");
                else seen[key] = r.Line;
            }
        }
    }
}
