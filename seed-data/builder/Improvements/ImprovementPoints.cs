using System.Text;
using System.Text.RegularExpressions;

namespace JudgementsApi.SeedBuilder.Improvements;

/// <summary>A point in the dataset: the inspection or focused visit whose report states it, its council and its theme.</summary>
public sealed record ImprovementPoint(string? InspectionId, string? FocusedVisitId, string CouncilCode, ListedPoint Point, string Source,
    string Theme = Themes.Other);

/// <summary>The improvement points of every inspection report and focused-visit letter in the dataset.</summary>
public static partial class ImprovementPoints
{
    public static void Add(string dataDir, string seedDir, BuildResult result)
    {
        var inspections = Path.Combine(dataDir, "reports", "inspections");
        foreach (var i in result.Inspections.Where(i => i.SourceKind is "report" or "override"))
        {
            var raw = File.ReadAllText(Path.Combine(inspections, i.Source), Encoding.UTF8);
            Record(raw, ImprovementLists.ReadInspection(raw, i.FrameworkVersion), i.Source, result,
                p => new ImprovementPoint(i.Id, null, i.CouncilCode, p, "inspections/" + i.Source), i.FrameworkVersion);
        }
        var letters = Path.Combine(dataDir, "reports", "focused-visits");
        foreach (var f in result.FocusedVisits)
        {
            var raw = File.ReadAllText(Path.Combine(letters, f.Source), Encoding.UTF8);
            Record(raw, ImprovementLists.ReadFocusedVisit(raw), f.Source, result,
                p => new ImprovementPoint(null, f.Id, f.CouncilCode, p, "focused-visits/" + f.Source), "focused visit");
        }
        AssignThemes(ThemeOverrides.Load(Path.Combine(seedDir, "overrides", "improvement_themes.csv")), result);
    }

    /// <summary>Each point's theme by the rules, then a person's overrides (each must name a point).</summary>
    static void AssignThemes(List<ThemeOverride> overrides, BuildResult result)
    {
        var points = result.ImprovementPoints;
        for (var k = 0; k < points.Count; k++) points[k] = points[k] with { Theme = Themes.Of(points[k].Point.Text) };
        foreach (var o in overrides)
        {
            var k = points.FindIndex(p => p.Source == o.Source && p.Point.Position == o.Position);
            if (k < 0) throw new InvalidDataException($"overrides/improvement_themes.csv names no point: {o.Source} {o.Position}");
            result.ThemeOverridesApplied.Add((o, points[k].Theme));
            points[k] = points[k] with { Theme = o.Theme };
        }
    }

    static void Record(string raw, ImprovementList list, string file, BuildResult result,
        Func<ListedPoint, ImprovementPoint> point, string kind)
    {
        foreach (var problem in list.Problems) result.ImprovementProblems.Add((file, problem));
        if (list.HeadingLine is null) result.ReportsWithoutImprovementList.Add((file, kind));
        var lines = raw.Replace("\r", "").Split('\n');
        foreach (var p in list.Points)
        {
            CheckWordsAreTheReports(lines, p, file);
            result.ImprovementPoints.Add(point(p));
        }
    }

    /// <summary>The point's words, whitespace aside, are the report's between its lines (its footnote taken out).</summary>
    static void CheckWordsAreTheReports(string[] lines, ListedPoint p, string file)
    {
        // A page footer (a bare page number) between a point's lines is not part of it, nor are the bullets.
        var source = NoSpace(string.Join(" ", lines[(p.LineFrom - 1)..p.LineTo].Where(l => !PageNumber().IsMatch(l))
            .Select(l => ImprovementLists.Bullet().Replace(l.Replace("\f", "").Trim(), ""))));
        if (p.TagText is not null) source = source.Replace(NoSpace(p.TagText), "", StringComparison.Ordinal);
        if (!source.Contains(NoSpace(p.Text.Replace("\n• ", " ")), StringComparison.Ordinal))
            throw new InvalidDataException(
                $"{file}: point {p.Position} is not the report's text at lines {p.LineFrom}-{p.LineTo}: {p.Text}");
    }

    /// <summary>improvement_points.csv (inspections' points in dataset order, then focused visits') and the tags' code list.</summary>
    public static void Write(BuildResult r, string pointsPath, string tagsPath, string themesPath)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        Csv.Write(pointsPath, ["inspection_id", "focused_visit_id", "council_code", "position", "text", "list_heading", "area_heading",
                "framework_tag", "framework_tag_text", "theme", "source", "line_from", "line_to"],
            r.ImprovementPoints.Select(x => new[] { x.InspectionId, x.FocusedVisitId, x.CouncilCode, x.Point.Position.ToString(inv),
                x.Point.Text, x.Point.ListHeading, x.Point.AreaHeading, x.Point.Tag, x.Point.TagText, x.Theme, x.Source,
                x.Point.LineFrom.ToString(inv), x.Point.LineTo.ToString(inv) }));
        Csv.Write(tagsPath, ["code", "kind", "number", "name", "source_url"],
            FrameworkTags.All.Select(t => new[] { t.Code, t.Kind, t.Number.ToString(inv), t.Name, FrameworkTags.SourceUrl }));
        Csv.Write(themesPath, ["code", "name", "rule_order", "rule"],
            Themes.All.Select((t, k) => new[] { t.Code, t.Name, (k + 1).ToString(inv), t.Rule })
                .Append([Themes.Other, "Other (no rule matched)", (Themes.All.Count + 1).ToString(inv), ""]));
    }

    public static string NoSpace(string s) => Whitespace().Replace(s, "");

    [GeneratedRegex(@"^\s*\d{1,3}\s*$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
