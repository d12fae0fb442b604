using System.Globalization;
using System.Text;
using JudgementsApi.SeedBuilder.FocusedVisits;

namespace JudgementsApi.SeedBuilder;

/// <summary>Everything the builder derived, before it is written out.</summary>
public sealed class BuildResult
{
    public required CouncilDirectory Councils { get; init; }
    public List<Inspection> Inspections { get; } = [];
    public List<Judgement> Judgements { get; } = [];
    public List<FocusedVisit> FocusedVisits { get; } = [];
    public List<Excluded> Excluded { get; } = [];
    public List<(string File, string Problem)> ParseProblems { get; } = [];
    public List<Override> AppliedOverrides { get; } = [];
    public List<(string File, string Gap)> Gaps { get; } = [];
    public List<(string File, string Text, string Manifest)> PublishedMismatches { get; } = [];
    public List<string> NewsChecks { get; } = [];
    public List<string> Warnings { get; } = [];
    public List<(string File, int Line)> AppendedReviews { get; } = [];
    public List<string> ClaimedReviewsAbsent { get; } = [];
    public List<Citation> Citations { get; } = [];
    /// <summary>Sentences naming a former council near a judgement word that are not read as citations (for QUALITY.md).</summary>
    public List<string> CitationCandidates { get; } = [];
    public List<(string File, string Problem)> FocusedVisitProblems { get; } = [];
    public List<Improvements.ImprovementPoint> ImprovementPoints { get; } = [];
    public List<(string File, string Problem)> ImprovementProblems { get; } = [];
    /// <summary>Reports in the dataset with no list of what must improve, and the kind of report.</summary>
    public List<(string File, string Kind)> ReportsWithoutImprovementList { get; } = [];
    /// <summary>Theme overrides applied, with the theme the rules had given.</summary>
    public List<(Improvements.ThemeOverride Override, string RuleTheme)> ThemeOverridesApplied { get; } = [];
    public bool FocusedVisitsWired { get; set; }
    public PeerScrape? Peer { get; set; }
    public int ReportFiles { get; set; }
    public int FocusedVisitFiles { get; set; }
}

public static class Builder
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", Inv) ?? "";

    public static List<ManifestEntry> ReadManifest(string dataDir)
    {
        var rows = Csv.ReadDicts(Path.Combine(dataDir, "reports", "manifest.csv"));
        return rows.Select(r => new ManifestEntry(r["file"], r["kind"], r["ofsted_urn"].Trim(), r["local_authority"],
            DateOnly.ParseExact(r["publication_date"].Trim(), "yyyy-MM-dd", Inv), r["original_title"],
            r.GetValueOrDefault("report_url") is { Length: > 0 } u ? u.Trim() : null)).ToList();
    }

    public static BuildResult Build(string dataDir, string seedDir)
    {
        var councils = CouncilDirectory.Load(dataDir);
        var result = new BuildResult { Councils = councils };
        result.Warnings.AddRange(councils.Warnings);
        var manifest = ReadManifest(dataDir);
        var pending = ReadInspectionReports(dataDir, seedDir, manifest, result);
        AddNewsFacts(dataDir, pending, result);
        Citations.Add(dataDir, councils, result, pending);
        AssignInspectionIds(pending, result);
        CheckNewsCorroborations(dataDir, result);
        CompareWithPeerScrape(dataDir, manifest, result);
        AddFocusedVisits(dataDir, manifest, result);
        Improvements.ImprovementPoints.Add(dataDir, seedDir, result);
        return result;
    }

    /// <summary>Every inspection report that can enter the dataset, with its judgements (ids not yet assigned).</summary>
    static List<(Inspection Insp, List<Judgement> Js)> ReadInspectionReports(string dataDir, string seedDir, List<ManifestEntry> manifest, BuildResult result)
    {
        var overrides = Overrides.Load(Path.Combine(seedDir, "overrides", "inspections.csv"));
        var overridesByFile = overrides.ToLookup(o => o.File);

        var inspectionsDir = Path.Combine(dataDir, "reports", "inspections");
        var files = Directory.GetFiles(inspectionsDir, "*.txt").Select(Path.GetFileName).OfType<string>()
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        result.ReportFiles = files.Count;
        var manifestByFile = manifest.Where(m => m.Kind == "inspection").ToDictionary(m => Path.GetFileName(m.File), StringComparer.Ordinal);
        foreach (var o in overrides.Where(o => !files.Contains(o.File)))
            throw new InvalidDataException($"override names a report that does not exist: {o.File}");

        var pending = new List<(Inspection Insp, List<Judgement> Js)>();
        foreach (var file in files)
            if (ReadInspectionReport(inspectionsDir, file, overridesByFile[file].ToList(), manifestByFile, result) is { } read)
                pending.Add(read);
        return pending;
    }

    /// <summary>One report, corrected by its overrides; null (and the reason in <see cref="BuildResult.Excluded"/>) when it cannot enter the dataset.</summary>
    static (Inspection Insp, List<Judgement> Js)? ReadInspectionReport(string inspectionsDir, string file, List<Override> ov,
        Dictionary<string, ManifestEntry> manifestByFile, BuildResult result)
    {
        if (ov.FirstOrDefault(o => o.Field == "exclude") is { } ex)
        {
            result.Excluded.Add(new Excluded(file, ex.Reason));
            result.AppliedOverrides.Add(ex);
            return null;
        }
        if (!manifestByFile.TryGetValue(file, out var man))
        {
            result.Excluded.Add(new Excluded(file, "not listed in reports/manifest.csv, so no publication date or report URL"));
            return null;
        }
        var text = File.ReadAllText(Path.Combine(inspectionsDir, file), Encoding.UTF8);
        var p = ReportParser.Parse(file, text);
        var urnInName = file.Split('_')[0];
        if (urnInName != man.OfstedUrn) p.Problems.Add($"file name URN {urnInName} differs from manifest URN {man.OfstedUrn}");

        var (version, type, lead, start, end, grades) = ApplyOverrides(p, ov, result);
        foreach (var prob in p.Problems) result.ParseProblems.Add((file, prob));
        if (p.Problems.Count > 0 && ov.Count == 0)
        {
            result.Excluded.Add(new Excluded(file, "parser could not read it and no override states what it says: " + string.Join("; ", p.Problems)));
            return null;
        }
        if (version is null || type is null)
        {
            result.Excluded.Add(new Excluded(file, "framework version or inspection type unknown"));
            return null;
        }
        var council = result.Councils.Resolve(man.OfstedUrn, man.Published);
        if (council is null)
        {
            result.Excluded.Add(new Excluded(file, $"no council holds Ofsted URN {man.OfstedUrn} on {D(man.Published)}"));
            return null;
        }
        RecordChecks(file, p, man, version, start, end, result);

        var notes = new List<string>(p.Notes);
        notes.AddRange(p.Gaps);
        if (ov.Count > 0) notes.Add("corrected by overrides/inspections.csv: " + string.Join(", ", ov.Select(o => o.Field)));
        var insp = new Inspection("", council.Code, version, type, start, end, man.Published, "day", lead, man.ReportUrl,
            ov.Count > 0 ? "override" : "report", file, notes.Count == 0 ? null : string.Join("; ", notes));
        return (insp, JudgementsOf(file, version, grades));
    }

    /// <summary>Applies overrides: a person read the report where the parser could not.</summary>
    static (string? Version, string? Type, string? Lead, DateOnly? Start, DateOnly? End, Dictionary<string, ParsedJudgement> Grades)
        ApplyOverrides(ParsedReport p, List<Override> ov, BuildResult result)
    {
        string? version = p.Version, type = p.Type, lead = p.LeadInspector;
        DateOnly? start = p.Start, end = p.SecondPartEnd ?? p.End;
        var grades = new Dictionary<string, ParsedJudgement>(StringComparer.Ordinal);
        foreach (var j in p.Judgements.Values) grades[j.AreaCode] = j;
        foreach (var o in ov)
        {
            result.AppliedOverrides.Add(o);
            switch (o.Field)
            {
                case "start_date": start = o.Value.Length == 0 ? null : DateOnly.ParseExact(o.Value, "yyyy-MM-dd", Inv); break;
                case "end_date": end = o.Value.Length == 0 ? null : DateOnly.ParseExact(o.Value, "yyyy-MM-dd", Inv); break;
                case "lead_inspector": lead = o.Value.Length == 0 ? null : o.Value; break;
                case "type": type = o.Value; break;
                case "framework_version": version = o.Value; break;
                default:
                    var area = o.Field["grade:".Length..];
                    // A person read the report: the override's reason says where it states the grade.
                    grades[area] = o.Value.Length == 0
                        ? new ParsedJudgement(area, null, o.Reason, "unknown")
                        : new ParsedJudgement(area, o.Value, null, "graded", o.Reason, null);
                    break;
            }
        }
        return (version, type, lead, start, end, grades);
    }

    /// <summary>What QUALITY.md lists about a report that enters the dataset: implausible dates, gaps, appended LSCB reviews.</summary>
    static void RecordChecks(string file, ParsedReport p, ManifestEntry man, string version, DateOnly? start, DateOnly? end, BuildResult result)
    {
        var v = Frameworks.Version(version);
        if (start is not null && (start < v.EffectiveFrom || (v.EffectiveTo is not null && start > v.EffectiveTo)))
            result.Warnings.Add($"{file}: inspection started {D(start)}, outside {version}'s effective dates");
        if (end is not null && end > man.Published)
            result.Warnings.Add($"{file}: inspection ends {D(end)}, after publication {D(man.Published)}");
        if (p.PublishedInText is not null && p.PublishedInText != man.Published)
            result.PublishedMismatches.Add((file, D(p.PublishedInText), D(man.Published)));
        foreach (var g in p.Gaps) result.Gaps.Add((file, g));
        if (p.AppendedLscbReviewLine is { } appended) result.AppendedReviews.Add((file, appended));
        if (p.LscbReviewClaimedButAbsent) result.ClaimedReviewsAbsent.Add(file);
    }

    /// <summary>A row for every area the framework version grades: the grade the report states, or none with the reason.</summary>
    static List<Judgement> JudgementsOf(string file, string version, Dictionary<string, ParsedJudgement> grades)
    {
        var js = new List<Judgement>();
        foreach (var area in Frameworks.AreasOf(version))
        {
            var pj = grades.TryGetValue(area, out var x) ? x : new ParsedJudgement(area, null, "not stated in the report", "unknown");
            var note = pj.Grade is null && string.IsNullOrEmpty(pj.Note) ? "not stated in the report" : pj.Note;
            js.Add(new Judgement("", area, pj.Grade, pj.Grade is null ? note : null, pj.Grade is null ? pj.Status : "graded",
                pj.Evidence, pj.Evidence is null ? null : file, pj.Line));
        }
        foreach (var extra in grades.Keys.Except(Frameworks.AreasOf(version)))
            throw new InvalidDataException($"{file}: grade for {extra}, which {version} does not grade");
        return js;
    }

    /// <summary>News facts: only where the document still says what we quote.</summary>
    static void AddNewsFacts(string dataDir, List<(Inspection Insp, List<Judgement> Js)> pending, BuildResult result)
    {
        foreach (var n in News.Facts)
        {
            var doc = Path.Combine(dataDir, "sources", "news", n.DocumentFile);
            if (!File.Exists(doc)) { result.Warnings.Add($"news document {n.DocumentFile} missing; its fact is not in the dataset"); continue; }
            if (!File.ReadAllText(doc).Contains(n.Quote, StringComparison.Ordinal))
                throw new InvalidDataException($"news document {n.DocumentFile} no longer contains: {n.Quote}");
            var insp = new Inspection("", n.CouncilCode, n.FrameworkVersion, n.Type, null, null, n.Published, n.Precision, null, null,
                "news", n.Source, n.Notes);
            var quoteLine = File.ReadAllText(doc)[..File.ReadAllText(doc).IndexOf(n.Quote, StringComparison.Ordinal)].Count(ch => ch == '\n') + 1;
            var js = Frameworks.AreasOf(n.FrameworkVersion).Select(a => n.Grades.TryGetValue(a, out var g)
                ? new Judgement("", a, g, null, "graded", n.Quote, "sources/news/" + n.DocumentFile, quoteLine)
                : new Judgement("", a, null, "not stated in the source document", "unknown")).ToList();
            pending.Add((insp, js));
        }
    }

    /// <summary>Ids: &lt;council slug&gt;-&lt;published&gt;, suffixed -2, -3 only on a true collision; then the rows in their file order.</summary>
    static void AssignInspectionIds(List<(Inspection Insp, List<Judgement> Js)> pending, BuildResult result)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (insp, js) in pending.OrderBy(x => x.Insp.Published).ThenBy(x => x.Insp.CouncilCode, StringComparer.Ordinal).ThenBy(x => x.Insp.Source, StringComparer.Ordinal))
        {
            // A cited judgement's id carries only the precision its citation gives (northamptonshire-2019).
            var baseId = $"{result.Councils.ByCode(insp.CouncilCode)!.Slug}-" + (insp.SourceKind != "cited" ? D(insp.Published)
                : insp.PublishedPrecision == "year" ? insp.Published.ToString("yyyy", Inv)
                : insp.PublishedPrecision == "month" ? insp.Published.ToString("yyyy-MM", Inv) : D(insp.Published));
            var id = baseId; int k = 2;
            while (!used.Add(id)) id = $"{baseId}-{k++}";
            result.Inspections.Add(insp with { Id = id });
            result.Judgements.AddRange(js.Select(j => j with { InspectionId = id }));
        }
        result.Inspections.Sort((a, b) => a.Published != b.Published ? a.Published.CompareTo(b.Published) : string.CompareOrdinal(a.Id, b.Id));
        result.Judgements.Sort((a, b) => a.InspectionId != b.InspectionId ? string.CompareOrdinal(a.InspectionId, b.InspectionId) : string.CompareOrdinal(a.AreaCode, b.AreaCode));
    }

    /// <summary>Statements in the news documents checked against the report-sourced grades (for QUALITY.md).</summary>
    static void CheckNewsCorroborations(string dataDir, BuildResult result)
    {
        foreach (var c in News.Corroborations)
        {
            var insp = result.Inspections.FirstOrDefault(i => i.CouncilCode == c.CouncilCode && i.Published == c.Published && i.SourceKind != "news");
            var j = insp is null ? null : result.Judgements.FirstOrDefault(x => x.InspectionId == insp.Id && x.AreaCode == c.AreaCode);
            var docPath = Path.Combine(dataDir, "sources", "news", c.DocumentFile);
            var quoted = File.Exists(docPath) && File.ReadAllText(docPath).Contains(c.Quote, StringComparison.Ordinal);
            var status = j is null ? "NOT FOUND in the dataset" : j.Grade == c.Grade ? "agrees" : $"DISAGREES (dataset: {j.Grade ?? "null"})";
            result.NewsChecks.Add($"{c.DocumentFile}: \"{c.Quote}\"{(quoted ? "" : " (quote not found in document)")} → {insp?.Id ?? "?"} {c.AreaCode} = {c.Grade}: {status}");
        }
    }

    static void CompareWithPeerScrape(string dataDir, List<ManifestEntry> manifest, BuildResult result)
    {
        var fileByUrl = manifest.Where(m => m.Kind == "inspection" && m.ReportUrl is not null)
            .GroupBy(m => m.ReportUrl!).ToDictionary(g => g.Key, g => Path.GetFileName(g.First().File));
        var peerPath = Path.Combine(dataDir, "sources", "ilacs-scrape", "ofsted_csc_ilacs_history.csv");
        if (File.Exists(peerPath)) result.Peer = PeerScrape.Compare(peerPath, result.Inspections, result.Judgements, fileByUrl);
    }

    static void AddFocusedVisits(string dataDir, List<ManifestEntry> manifest, BuildResult result)
    {
        var dir = Path.Combine(dataDir, "reports", "focused-visits");
        if (!Directory.Exists(dir)) { result.Warnings.Add("reports/focused-visits missing: no focused visits"); return; }
        result.FocusedVisitFiles = Directory.GetFiles(dir, "*.txt").Length;
        result.FocusedVisitsWired = true;
        var urlByFile = manifest.Where(m => m.ReportUrl is not null).ToDictionary(m => m.File, m => m.ReportUrl!, StringComparer.Ordinal);
        var pending = new List<FocusedVisit>();
        foreach (var r in FocusedVisitParser.ParseAll(dataDir))
        {
            var name = Path.GetFileName(r.SourceFile);
            foreach (var prob in r.Problems) result.FocusedVisitProblems.Add((name, prob));
            var council = result.Councils.Resolve(r.OfstedUrn, r.LetterDate);
            if (council is null)
            {
                result.Excluded.Add(new Excluded("focused-visits/" + name, $"no council holds Ofsted URN {r.OfstedUrn} on {D(r.LetterDate)}"));
                continue;
            }
            pending.Add(new FocusedVisit("", council.Code, r.LetterDate, r.VisitStart, r.VisitEnd, r.Inspectors, r.Focus,
                r.PriorityAction, urlByFile.GetValueOrDefault(r.SourceFile), name, r.LetterDateSource, r.PriorityActions.Kind, r.PriorityActions.Areas,
                r.FocusText, r.Corrections.Count switch
                {
                    0 => null,
                    1 => r.Corrections[0],
                    _ => throw new InvalidDataException($"{name}: {r.Corrections.Count} dates corrected; focused_visits.csv holds one correction a letter"),
                }));
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fv in pending.OrderBy(f => f.LetterDate).ThenBy(f => f.CouncilCode, StringComparer.Ordinal).ThenBy(f => f.Source, StringComparer.Ordinal))
        {
            var baseId = $"{result.Councils.ByCode(fv.CouncilCode)!.Slug}-{D(fv.LetterDate)}-fv";
            var id = baseId; int k = 2;
            while (!used.Add(id)) id = $"{baseId}-{k++}";
            result.FocusedVisits.Add(fv with { Id = id });
        }
        result.FocusedVisits.Sort((a, b) => a.LetterDate != b.LetterDate ? a.LetterDate.CompareTo(b.LetterDate) : string.CompareOrdinal(a.Id, b.Id));
    }

    /// <summary>Writes every seed-data CSV, QUALITY.md, and last the manifest of the CSV files written.</summary>
    public static void Write(BuildResult r, string seedDir, Visits.VisitBuild visits)
    {
        Directory.CreateDirectory(seedDir);
        var written = new List<string>();
        string P(string f) { written.Add(f); return Path.Combine(seedDir, f); }
        var c = r.Councils;
        Csv.Write(P("regions.csv"), ["code", "name", "slug"], c.Regions.Select(x => new[] { x.Code, x.Name, x.Slug }));
        // DfE's list starts on 2009-01-01: a council listed from then opened on some earlier day we do not know.
        Csv.Write(P("councils.csv"), ["code", "la_code", "ofsted_urn", "name", "slug", "type", "region_code", "opened", "closed", "former_codes", "opened_note"],
            c.Councils.Select(x => new[] { x.Code, x.LaCode, x.OfstedUrn, x.Name, x.Slug, x.Type, x.RegionCode,
                x.Opened == CouncilDirectory.ListStart ? "" : D(x.Opened), D(x.Closed), string.Join(";", x.FormerCodes),
                x.Opened == CouncilDirectory.ListStart ? "before 2009-01-01: in operation when DfE's list of local authority codes begins; the day it opened is not recorded" : null }));
        Csv.Write(P("council_successions.csv"), ["predecessor_code", "successor_code", "date"],
            c.Successions.Select(x => new[] { x.PredecessorCode, x.SuccessorCode, D(x.Date) }));
        Csv.Write(P("statistical_neighbours.csv"), ["council_code", "rank", "neighbour_code"],
            c.Neighbours.Select(x => new[] { x.CouncilCode, x.Rank.ToString(Inv), x.NeighbourCode }));
        Csv.Write(P("grades.csv"), ["code", "label", "rank"],
            Frameworks.Grades.OrderBy(g => g.Rank).ThenBy(g => g.Code, StringComparer.Ordinal).Select(g => new[] { g.Code, g.Label, g.Rank.ToString(Inv) }));
        Csv.Write(P("frameworks.csv"), ["slug", "name", "description"],
            Frameworks.All.OrderBy(f => f.Slug, StringComparer.Ordinal).Select(f => new[] { f.Slug, f.Name, f.Description }));
        Csv.Write(P("framework_versions.csv"), ["slug", "framework", "name", "effective_from", "effective_to", "grade_scale", "source_url", "notes"],
            Frameworks.Versions.OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Slug, StringComparer.Ordinal)
                .Select(v => new[] { v.Slug, v.Framework, v.Name, D(v.EffectiveFrom), D(v.EffectiveTo), string.Join(";", v.GradeScale), v.SourceUrl, v.Notes }));
        Csv.Write(P("judgement_areas.csv"), ["code", "name", "family", "description"],
            Frameworks.Areas.OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => new[] { a.Code, a.Name, a.Family, a.Description }));
        var versionOrder = Frameworks.Versions.Select(v => v.Slug).ToList();
        Csv.Write(P("framework_version_areas.csv"), ["framework_version", "area_code", "display_order", "parent_area_code"],
            Frameworks.VersionAreas.OrderBy(a => a.FrameworkVersion, StringComparer.Ordinal).ThenBy(a => a.DisplayOrder)
                .Select(a => new[] { a.FrameworkVersion, a.AreaCode, a.DisplayOrder.ToString(Inv), a.ParentAreaCode }));
        Csv.Write(P("inspections.csv"), ["id", "council_code", "framework_version", "type", "start_date", "end_date", "published", "published_precision", "lead_inspector", "report_url", "source_kind", "source", "notes"],
            r.Inspections.Select(i => new[] { i.Id, i.CouncilCode, i.FrameworkVersion, i.Type, D(i.StartDate), D(i.EndDate), D(i.Published), i.PublishedPrecision, i.LeadInspector, i.ReportUrl, i.SourceKind, i.Source, i.Notes }));
        Csv.Write(P("judgements.csv"), ["inspection_id", "area_code", "grade", "status", "note", "evidence", "evidence_document", "evidence_line"],
            r.Judgements.Select(j => new[] { j.InspectionId, j.AreaCode, j.Grade, j.Status, j.Note, j.Evidence, j.EvidenceDocument, j.EvidenceLine?.ToString(Inv) }));
        Csv.Write(P("focused_visits.csv"), ["id", "council_code", "letter_date", "visit_start", "visit_end", "inspectors", "focus", "priority_action", "report_url", "source", "letter_date_source", "priority_action_kind",
                "focus_text", "corrected", "printed", "correction_reason"],
            r.FocusedVisits.Select(f => new[] { f.Id, f.CouncilCode, D(f.LetterDate), D(f.VisitStart), D(f.VisitEnd), string.Join(";", f.Inspectors), f.Focus, f.PriorityAction ? "true" : "false", f.ReportUrl, f.Source, f.LetterDateSource, f.PriorityActionKind,
                f.FocusText, f.Correction?.Field, f.Correction?.Printed, f.Correction?.Reason }));
        Csv.Write(P("focused_visit_priority_actions.csv"), ["focused_visit_id", "position", "text", "source_line"],
            r.FocusedVisits.SelectMany(f => (f.PriorityAreas ?? []).Select((a, k) => new[] { f.Id, (k + 1).ToString(Inv), a.Text, a.Line.ToString(Inv) })));
        Improvements.ImprovementPoints.Write(r, P("improvement_points.csv"), P("national_framework_tags.csv"), P("improvement_themes.csv"));
        P("visits.csv");
        Visits.VisitLetters.Write(visits.Visits, seedDir);
        File.WriteAllText(P("QUALITY.md"), Quality.Render(r) + Visits.VisitLetters.QualitySection(visits), new UTF8Encoding(false));
        Manifest.Write(seedDir, written);
    }
}
