using JudgementsApi.Features.Improvements;
using JudgementsApi.Features.Statistics;
using Microsoft.AspNetCore.Components;
using static JudgementsApi.Features.Pages.Html;

namespace JudgementsApi.Features.Pages.Statistics;

/// <summary>
/// GET /statistics: shares per grade at the end of each quarter since 2014 (the timeline endpoint's
/// numbers), by region today (the distribution's), and who improved or declined between two dates
/// (the transitions'). Each chart is also served alone as SVG and PNG; the data links to the API's CSV.
/// </summary>
public sealed partial class StatisticsPage
{
    public static readonly DateOnly ChartStart = new(2014, 1, 1);

    public sealed record Model(string Area, DateOnly From, DateOnly To, DateOnly Today, IReadOnlyList<FieldError> Errors,
        Timeline Timeline, Distribution Regions, IReadOnlyList<CouncilMovement> Movements, IReadOnlyList<string> Scale,
        string? FromGrade, string? ToGrade, ImprovementThemeStatistics Themes, RegionRef? ThemeRegion, IReadOnlyList<RegionRef> AllRegions);

    [Parameter, EditorRequired] public Model M { get; set; } = null!;

    public static async Task<IResult> Get(HttpContext http, VocabularySource vocabularies, string? area, string? from, string? to,
        string? fromGrade, string? toGrade, string? themeRegion)
    {
        var vocabulary = await vocabularies.GetAsync();
        var today = England.Today(http);
        var errors = new List<FieldError>();
        var chosen = Labels.ReadArea(area, errors);
        var f = Day(errors, "from", "start", from, today, today.AddYears(-1));
        var t = Day(errors, "to", "end", to, today, today);
        if (f > t) { errors.Add(new("from", "The start date must be before the end date")); (f, t) = (today.AddYears(-1), today); }
        var snapshot = await http.SnapshotAsync();
        // The movements API's meaning: each council's grade as at the start against its grade as at the end.
        var (compared, _, scale) = GradeStatistics.Movements(snapshot, new MovementsFilter(chosen, null, null, null, null, null, "council", f, t));
        var (gradeFrom, gradeTo) = (ReadGrade(errors, "fromGrade", fromGrade, scale), ReadGrade(errors, "toGrade", toGrade, scale));
        var movements = compared.Where(m => (gradeFrom is null || m.From.Grade == gradeFrom) && (gradeTo is null || m.To.Grade == gradeTo))
            .OrderBy(m => m.Council.Name, StringComparer.Ordinal).ToList();
        var region = string.IsNullOrEmpty(themeRegion) ? null : vocabulary.Region(themeRegion);
        if (region is null && !string.IsNullOrEmpty(themeRegion)) errors.Add(new("themeRegion", "Choose a region from the list"));
        // What Ofsted asks councils to improve: /v1/statistics/improvement-themes?groupBy=year, narrowed to a region if chosen.
        var themes = ImprovementThemeCounts.Count(snapshot, new ImprovementFilter { RegionCode = region?.Code }, "year");
        var model = new Model(chosen, f, t, today, errors, TimelineOf(snapshot, vocabulary, chosen, today),
            RegionsOf(snapshot, vocabulary, chosen, today), movements, scale, gradeFrom, gradeTo, themes, region, vocabulary.Regions);
        return Page.Show<StatisticsPage>(new { M = model }, errors.Count > 0 ? 400 : 200);
    }

    private static DateOnly Day(List<FieldError> errors, string field, string name, string? raw, DateOnly today, DateOnly fallback)
    {
        if (string.IsNullOrEmpty(raw)) return fallback;
        if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", out var d))
            errors.Add(new(field, $"Enter the {name} date as a date, for example 2024-03-31"));
        else if (d > today) errors.Add(new(field, $"The {name} date must be today or earlier"));
        else return d;
        return fallback;
    }

    private static string? ReadGrade(List<FieldError> errors, string field, string? raw, IReadOnlyList<string> scale)
    {
        if (string.IsNullOrEmpty(raw) || scale.Contains(raw)) return string.IsNullOrEmpty(raw) ? null : raw;
        errors.Add(new(field, "Choose a grade from the list"));
        return null;
    }

    /// <summary>GET /statistics/{timeline|regions}.{svg|png}: one chart as a file, with its title, source and date drawn in.</summary>
    public static async Task<IResult> Chart(string chart, string format, HttpContext http, VocabularySource vocabularies, string? area)
    {
        var vocabulary = await vocabularies.GetAsync();
        var today = England.Today(http);
        var chosen = area ?? Labels.PageAreas[0];
        if (!Labels.PageAreas.Contains(chosen))
            return Problems.Invalid([new ParameterError("area", $"'{area}' is not an area the charts draw.", Labels.PageAreas)]);
        var snapshot = await http.SnapshotAsync();
        // A downloaded chart travels alone: it names its source and its date.
        var source = Svg.SourceLine(snapshot.DataAsOf);
        var svg = chart == "timeline"
            ? TimelineSvg(TimelineOf(snapshot, vocabulary, chosen, today), source)
            : RegionsSvg(RegionsOf(snapshot, vocabulary, chosen, today), source);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{chart}-{chosen}-{Iso(today)}.{format}\"";
        return format == "svg" ? Results.Text(svg, "image/svg+xml; charset=utf-8") : Results.Bytes(ChartPng.From(svg), "image/png");
    }

    private static Timeline TimelineOf(DatasetSnapshot snapshot, Vocabulary vocabulary, string area, DateOnly today)
    {
        var points = TimelineEndpoint.Points(ChartStart, today, "quarter", TimelineEndpoint.MaxPoints);
        return GradeStatistics.Timeline(snapshot, area, null, "none", "quarter", ChartStart, today, points);
    }

    private static Distribution RegionsOf(DatasetSnapshot snapshot, Vocabulary vocabulary, string area, DateOnly day) =>
        GradeStatistics.Distribution(snapshot, area, null, "region", day, false);

    private static List<Svg.Series> SeriesFor(IEnumerable<string> grades) =>
        grades.Select(g => new Svg.Series(g, GradePalette.For(g).Label, GradePalette.For(g).Fill)).ToList();

    private static string Shares(IEnumerable<string> grades, GradeCounts counts) =>
        string.Join(", ", grades.Select(g => $"{GradePalette.For(g).Label} {Percent(counts.Percentages.GetValueOrDefault(g))}"));

    /// <summary>The timeline chart; <paramref name="narrow"/>: for a phone, one column a year (its last point), every year shown.</summary>
    private static string TimelineSvg(Timeline t, string? source, bool narrow = false)
    {
        // Pre-2013 "adequate" never appears after 2014 in practice; keep only grades that occur.
        var grades = t.Grades.Where(g => t.Points.Any(p => p.England.Counts.GetValueOrDefault(g) > 0)).ToList();
        var last = t.Points[^1].England;
        var points = narrow ? t.Points.GroupBy(p => p.AsOf.Year).Select(g => g.Last()).ToList() : t.Points;
        var every = narrow ? "year" : "quarter";
        return Svg.StackedShares(points.Select(p => (p.AsOf, p.England.Counts)).ToList(), SeriesFor(grades),
            $"{AreaNames.Full(t.Area)}: share of councils at each grade, {every} by {every} since 2014",
            $"Stacked columns, one per {every} from {Date(points[0].AsOf)} to {Date(t.To)}, each the councils judged at that date. " +
            $"On {Date(t.To)}: {Shares(grades, last)} of {last.Judged} judged.", source, every);
    }

    private static string RegionsSvg(Distribution d, string? source, bool narrow = false)
    {
        var grades = d.England.Counts.Keys.Where(g => d.England.Counts[g] > 0).ToList();
        return Svg.ShareBars([("England", d.England.Counts), .. d.Groups.Select(g => (g.Name, g.Counts))], SeriesFor(grades),
            $"{AreaNames.Full(d.Area)} by region, {Date(d.AsOf)}",
            "One bar per region and England, split by the share of councils judged at each grade; the number after each bar is the " +
            $"councils judged. England: {Shares(grades, d.England)}.", source, narrow);
    }

    /// <summary>The councils list behind a count: the area and grade as at the day, in a region or England.</summary>
    private string ListUrl(DateOnly day, string? region, string grade) =>
        $"/councils?asOf={Iso(day)}{(region is null ? "" : "&region=" + region)}&area={M.Area}&grade={grade}";

    private List<string> TimelineGrades =>
        Labels.ShownGrades(M.Timeline.Grades, g => M.Timeline.Points.Any(p => p.England.Counts.GetValueOrDefault(g) > 0));

    private List<string> RegionGrades => Labels.ShownGrades(M.Regions.England.Counts.Keys, g => M.Regions.England.Counts[g] > 0);

    private IEnumerable<GroupCounts> RegionRows => M.Regions.Groups.Prepend(GroupCounts.Of("E92000001", "England", M.Regions.England));

    private List<CouncilMovement> Improved => M.Movements.Where(m => m.Direction == "up").ToList();
    private List<CouncilMovement> Declined => M.Movements.Where(m => m.Direction == "down").ToList();
    private List<CouncilMovement> Same => M.Movements.Where(m => m.Direction == "same").ToList();
    private int NotCompared => M.Movements.Count(m => m.Steps is null);

    /// <summary>The themes named in any year, most points first, with their names.</summary>
    private List<(string Code, string Name)> ThemeRows => M.Themes.Groups.SelectMany(g => g.Themes)
        .GroupBy(t => (t.Theme, t.Name)).OrderByDescending(g => g.Sum(t => t.PointCount)).ThenBy(g => g.Key.Theme, StringComparer.Ordinal)
        .Select(g => g.Key).ToList();

    /// <summary>The points behind a count, as the API's CSV (the count's own link, narrowed to the region chosen).</summary>
    private string PointsCsv(ThemeCount count) =>
        count.Points + (M.ThemeRegion is { } r && !count.Points.Contains("region=") ? "&region=" + r.Slug : "") + "&format=csv";

    /// <summary>/v1/statistics/movements with the page's choices: the same councils, as CSV.</summary>
    private string MovementsCsv => $"{Api}/statistics/movements?area={M.Area}&from={Iso(M.From)}&to={Iso(M.To)}"
        + (M.FromGrade is null ? "" : "&fromGrade=" + M.FromGrade) + (M.ToGrade is null ? "" : "&toGrade=" + M.ToGrade) + "&format=csv";
}
