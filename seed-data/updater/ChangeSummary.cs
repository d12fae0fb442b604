using System.Text;
using JudgementsApi.SeedBuilder;
using JudgementsApi.SeedBuilder.Visits;

namespace JudgementsApi.SeedUpdater;

/// <summary>What an update changes in seed-data/, found by comparing the seed files before and after
/// the rebuild (so it reports what the builder decided, not what the updater hoped).</summary>
public sealed class ChangeSummary
{
    public static readonly ChangeSummary Nothing = new();
    public List<string> InspectionsAdded { get; } = [];
    public List<string> InspectionsRemoved { get; } = [];
    /// <summary>"id area: old → new" for every judgement whose grade differs.</summary>
    public List<string> GradeChanges { get; } = [];
    public List<string> FocusedVisitsAdded { get; } = [];
    public List<string> VisitsAdded { get; } = [];
    /// <summary>New documents the builder left out: they need an override (see QUALITY.md).</summary>
    public List<string> Unparsed { get; } = [];
    public Dictionary<string, List<string>> GradesOfAdded { get; } = new(StringComparer.Ordinal);
    /// <summary>New reports whose list of what must improve was not read (none found, or a problem reading it): check them.</summary>
    public List<string> ImprovementListsUnread { get; } = [];

    public static ChangeSummary Compare(string oldSeed, string newSeed, IReadOnlyList<NewDocument> added, BuildResult built, VisitBuild visits)
    {
        var s = new ChangeSummary();
        var oldInsp = Ids(oldSeed, "inspections.csv");
        var newInsp = Ids(newSeed, "inspections.csv");
        s.InspectionsAdded.AddRange(newInsp.Except(oldInsp).Order(StringComparer.Ordinal));
        s.InspectionsRemoved.AddRange(oldInsp.Except(newInsp).Order(StringComparer.Ordinal));
        var oldJ = Judgements(oldSeed);
        foreach (var ((id, area), grade) in Judgements(newSeed).OrderBy(x => x.Key.Item1, StringComparer.Ordinal).ThenBy(x => x.Key.Item2, StringComparer.Ordinal))
        {
            if (oldJ.TryGetValue((id, area), out var was) && was != grade)
                s.GradeChanges.Add($"{id} {area}: {Show(was)} → {Show(grade)}");
            if (s.InspectionsAdded.Contains(id))
            {
                if (!s.GradesOfAdded.TryGetValue(id, out var l)) s.GradesOfAdded[id] = l = [];
                l.Add($"{area} {Show(grade)}");
            }
        }
        s.FocusedVisitsAdded.AddRange(Ids(newSeed, "focused_visits.csv").Except(Ids(oldSeed, "focused_visits.csv")).Order(StringComparer.Ordinal));
        s.VisitsAdded.AddRange(Ids(newSeed, "visits.csv").Except(Ids(oldSeed, "visits.csv")).Order(StringComparer.Ordinal));

        var newFiles = added.Select(a => a.Row.File).ToHashSet(StringComparer.Ordinal);
        bool IsNew(string f) => newFiles.Contains(f) || newFiles.Contains("inspections/" + f);
        foreach (var e in built.Excluded.Concat(visits.Excluded).Where(e => IsNew(e.File)))
            s.Unparsed.Add($"{e.File}: {e.Reason}");
        foreach (var (f, p) in built.FocusedVisitProblems.Where(p => IsNew("focused-visits/" + p.File)))
            s.Unparsed.Add($"focused-visits/{f}: {p} (published; check it)");
        // The improvement points are read by the same rules as the rest of the dataset's; a report whose list
        // was not found, or read with a problem, is named so that a person can look (QUALITY.md lists the same).
        bool IsNewReport(string f) => IsNew(f) || IsNew("focused-visits/" + f);
        foreach (var (f, kind) in built.ReportsWithoutImprovementList.Where(r => IsNewReport(r.File)))
            s.ImprovementListsUnread.Add($"`{f}` ({kind}): no list of what must improve was found");
        // A remark on a list whose points were read ("point does not end a sentence") is QUALITY.md's, not a list unread.
        var withPoints = built.ImprovementPoints.Select(p => Path.GetFileName(p.Source)).ToHashSet(StringComparer.Ordinal);
        foreach (var (f, problem) in built.ImprovementProblems.Where(r => IsNewReport(r.File) && !withPoints.Contains(r.File)))
            s.ImprovementListsUnread.Add($"`{f}`: {problem}");
        return s;
    }

    static string Show(string? g) => string.IsNullOrEmpty(g) ? "not known" : g;

    static HashSet<string> Ids(string dir, string file)
    {
        var path = Path.Combine(dir, file);
        return File.Exists(path) ? Csv.ReadDicts(path).Select(r => r["id"]).ToHashSet(StringComparer.Ordinal) : [];
    }

    static Dictionary<(string, string), string> Judgements(string dir) =>
        Csv.ReadDicts(Path.Combine(dir, "judgements.csv")).ToDictionary(r => (r["inspection_id"], r["area_code"]), r => r["grade"]);

    /// <summary>The summary as Markdown: printed, and the scheduled workflow's pull-request description.</summary>
    public static string Render(UpdateResult r)
    {
        var c = r.Changes ?? Nothing;
        var sb = new StringBuilder();
        sb.Append($"# Dataset update\n\nSource: {r.Source}.");
        if (r.PagesRead > 0) sb.Append($" Council pages read: {r.PagesRead}.");
        sb.Append($" Documents already held: {r.AlreadyHeld}.\n");
        if (r.Added.Count == 0 && r.Rejected.Count == 0) { sb.Append("\nNo new documents: nothing changed.\n"); return sb.ToString(); }
        void Section(string title, IReadOnlyCollection<string> items)
        {
            sb.Append($"\n## {title} ({items.Count})\n\n");
            if (items.Count == 0) sb.Append("None.\n");
            foreach (var i in items) sb.Append("- ").Append(i).Append('\n');
        }
        Section("Documents added", r.Added.Select(a => $"{a.Row.Kind} `{a.Row.File}` (published {a.Row.Published:yyyy-MM-dd})"
            + (a.Row.ReportUrl.Length > 0 ? " " + a.Row.ReportUrl : "") + (a.Inferred.Length > 0 ? $" from `{a.Origin}`: {a.Inferred}" : "")).ToList());
        Section("Inspections added", c.InspectionsAdded.Select(i => $"{i}: {string.Join(", ", c.GradesOfAdded.GetValueOrDefault(i) ?? [])}").ToList());
        Section("Focused visits added", c.FocusedVisitsAdded);
        Section("Monitoring visits and JTAIs added", c.VisitsAdded);
        Section("Grade changes", c.GradeChanges);
        if (c.InspectionsRemoved.Count > 0) Section("Inspections removed", c.InspectionsRemoved);
        Section("Improvement lists not read: the report is in, its points are not (seed-data/QUALITY.md)", c.ImprovementListsUnread);
        Section("Not read with confidence: not published until an override states what they say (seed-data/QUALITY.md)", c.Unparsed);
        Section("Documents rejected (nothing of them written)", r.Rejected.Select(x => $"{x.Origin}: {x.Reason}").ToList());
        sb.Append(r.Written ? "\nThe source store and seed-data/ were updated.\n"
            : r.DryRun && r.Added.Count > 0 ? "\nDry run: this is what would change; nothing was written.\n" : "\nNothing was written.\n");
        return sb.ToString();
    }
}
