using JudgementsApi.SeedBuilder.Improvements;

namespace JudgementsApi.SeedBuilder;

/// <summary>QUALITY.md's account of improvement_points.csv.</summary>
public static partial class Quality
{
    static void ImprovementPointsSection(Line L, BuildResult r)
    {
        var points = r.ImprovementPoints;
        Section(L, "Improvement points",
            "`improvement_points.csv` holds each point of a report's list of what must improve, in Ofsted's words: ILACS \"What needs to",
            "improve?\", SIF \"What does the local authority need to improve?\" / \"Recommendations\" (both its \"Priority and immediate",
            "action\" and its \"Areas for improvement\"), and focused-visit letters' \"What needs to improve in this area of social work",
            "practice\". Every point's text, whitespace aside, was checked to be the report's own between its `line_from` and `line_to`.");
        var inspections = r.Inspections.ToDictionary(i => i.Id);
        var visits = r.FocusedVisits.ToDictionary(f => f.Id);
        string KindOf(ImprovementPoint p) => p.InspectionId is { } i ? inspections[i].FrameworkVersion : "focused visit";
        string YearOf(ImprovementPoint p) =>
            (p.InspectionId is { } i ? inspections[i].Published : visits[p.FocusedVisitId!].LetterDate).Year.ToString(Inv);
        L("| report kind | reports with points | points |");
        L("|---|---|---|");
        foreach (var g in points.GroupBy(KindOf).OrderBy(g => g.Key, StringComparer.Ordinal))
            L($"| {g.Key} | {g.Select(p => p.InspectionId ?? p.FocusedVisitId).Distinct().Count()} | {g.Count()} |");
        L();
        Paragraph(L, "National Framework tags per year of publication (points published from 2025; `untagged` points carry no footnote,",
            "or one that names no outcome or enabler; a tag is never inferred):");
        var recent = points.Where(p => string.CompareOrdinal(YearOf(p), "2025") >= 0).ToList();
        var codes = FrameworkTags.All.Select(t => t.Code).Append("untagged").ToList();
        L("| year | " + string.Join(" | ", codes) + " |");
        L("|---|" + string.Concat(codes.Select(_ => "---|")));
        foreach (var g in recent.GroupBy(YearOf).OrderBy(g => g.Key, StringComparer.Ordinal))
            L($"| {g.Key} | " + string.Join(" | ", codes.Select(c => g.Count(p => (p.Point.Tag ?? "untagged") == c))) + " |");
        L();
        PerYearAndFramework(L, r, YearOf);
        Themes(L, r);
        BulletSection(L, "Footnotes not read as a tag",
            ["Footnotes kept in `framework_tag_text` with `framework_tag` empty (they name a principle of the framework, not one of",
             "its outcomes or enablers):"],
            points.Where(p => p.Point.TagText is not null && p.Point.Tag is null).ToList(),
            p => $"`{p.Source}` line {p.Point.LineFrom}: \"{Esc(p.Point.TagText)}\"");
        // Every report whose list was not read: no heading the reader knows, or a heading with no point read after it.
        var withPoints = points.Select(p => Path.GetFileName(p.Source)).ToHashSet(StringComparer.Ordinal);
        var notRead = r.ReportsWithoutImprovementList.Select(x => $"`{x.File}` ({x.Kind}): no list heading the reader knows")
            .Concat(r.ImprovementProblems.Where(x => !withPoints.Contains(x.File)).GroupBy(x => x.File, StringComparer.Ordinal)
                .Select(g => $"`{g.Key}`: a list heading, but no point after it: " + Esc(string.Join("; ", g.Select(x => x.Problem)))))
            .ToList();
        BulletSection(L, "Reports in the dataset whose list was not read",
            [$"{notRead.Count} reports: no points of theirs are in the dataset (pre-2013 reports' \"Areas for improvement\" are not read):"],
            notRead, x => x);
        BulletSection(L, "Improvement lists read with a remark",
            ["What the reader noticed while reading a list (the points are still in the dataset):"],
            r.ImprovementProblems, x => $"`{x.File}`: {Esc(x.Problem)}");
    }

    /// <summary>Reports with points and points, per year of publication and framework (focused visits apart), with theme coverage.</summary>
    static void PerYearAndFramework(Line L, BuildResult r, Func<ImprovementPoint, string> yearOf)
    {
        var frameworks = Frameworks.Versions.ToDictionary(v => v.Slug, v => v.Framework, StringComparer.Ordinal);
        var inspections = r.Inspections.ToDictionary(i => i.Id);
        string FrameworkOf(ImprovementPoint p) => p.InspectionId is { } i ? frameworks[inspections[i].FrameworkVersion] : "focused visit";
        var points = r.ImprovementPoints;
        var columns = points.Select(FrameworkOf).Distinct().Order(StringComparer.Ordinal).ToList();
        Paragraph(L, "Per year of publication and framework: reports with points / points (a focused visit by its letter's date), and",
            "the share of the year's points that have a theme other than `other`:");
        L("| year | " + string.Join(" | ", columns) + " | theme coverage |");
        L("|---|" + string.Concat(columns.Select(_ => "---|")) + "---|");
        foreach (var year in points.GroupBy(yearOf).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var cells = columns.Select(c => year.Where(p => FrameworkOf(p) == c).ToList())
                .Select(g => $"{g.Select(p => p.InspectionId ?? p.FocusedVisitId).Distinct().Count()} / {g.Count}");
            var themed = year.Count(p => p.Theme != Improvements.Themes.Other);
            L($"| {year.Key} | " + string.Join(" | ", cells) + $" | {(100.0 * themed / year.Count()).ToString("0.0", Inv)}% |");
        }
        L();
    }

    static void Themes(Line L, BuildResult r)
    {
        var points = r.ImprovementPoints;
        var themed = points.Count(p => p.Theme != Improvements.Themes.Other);
        Paragraph(L, "Themes (`improvement_themes.csv`): each point gets the first theme, in `rule_order`, whose words it uses",
            "(`builder/Improvements/Themes.cs`); a point using none is `other`, never forced into a theme; a person's corrections are in",
            $"`overrides/improvement_themes.csv`. Coverage: {themed} of {points.Count} points " +
            $"({(points.Count == 0 ? 0 : 100.0 * themed / points.Count).ToString("0.0", Inv)}%) have a theme.");
        L("| theme | points | councils |");
        L("|---|---|---|");
        foreach (var g in points.GroupBy(p => p.Theme).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            L($"| {g.Key} | {g.Count()} | {g.Select(p => p.CouncilCode).Distinct().Count()} |");
        L();
        BulletSection(L, "Theme overrides applied", ["Points whose theme a person set (the rules' theme, then the override's, and why):"],
            r.ThemeOverridesApplied,
            x => $"`{x.Override.Source}` point {x.Override.Position}: {x.RuleTheme} → {x.Override.Theme} ({Esc(x.Override.Reason)})");
    }
}
