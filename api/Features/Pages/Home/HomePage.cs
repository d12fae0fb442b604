using JudgementsApi.Features.FocusedVisits;
using JudgementsApi.Features.Statistics;
using Microsoft.AspNetCore.Components;
using static JudgementsApi.Features.Pages.Html;

namespace JudgementsApi.Features.Pages.Home;

/// <summary>
/// GET /: the national picture on a day (today unless asOf is given): councils per grade in each
/// area, the hex map of the chosen area, what's new, and the search box. Numbers are
/// /v1/statistics/distribution's, from the same code.
/// </summary>
public sealed partial class HomePage
{
    /// <summary>The map goes back to the single inspection framework's first year.</summary>
    public static readonly DateOnly Earliest = new(2013, 1, 1);

    public sealed record Model(DateOnly Day, DateOnly Today, string Area, string Typed, IReadOnlyList<FieldError> Errors,
        IReadOnlyList<Distribution> Distributions, IReadOnlyList<CouncilStanding> Standings, Summary Summary,
        IReadOnlyList<FocusedVisit> Visits);

    [Parameter, EditorRequired] public Model M { get; set; } = null!;

    public static async Task<IResult> Get(HttpContext http, VocabularySource vocabularies, string? asOf, string? area)
    {
        var vocabulary = await vocabularies.GetAsync();
        var today = England.Today(http);
        var errors = new List<FieldError>();
        var day = today;
        if (!string.IsNullOrEmpty(asOf))
        {
            if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", out day))
                errors.Add(new("asOf", "Enter the date as day, month and year, for example 2024-03-31"));
            else if (day < Earliest) errors.Add(new("asOf", $"The date must be on or after {Date(Earliest)}"));
            else if (day > today) errors.Add(new("asOf", $"The date must be today ({Date(today)}) or earlier"));
            if (errors.Count > 0) day = today;
        }
        var chosen = Labels.ReadArea(area, errors);

        var snapshot = await http.SnapshotAsync();
        var distributions = new List<Distribution>();
        IReadOnlyList<CouncilStanding> standings = [];
        foreach (var family in Labels.PageAreas)
        {
            var d = GradeStatistics.Distribution(snapshot, family, null, "none", day, family == chosen);
            distributions.Add(d);
            if (d.Councils is { } s) standings = s;
        }
        var summary = GradeStatistics.Summary(snapshot, today);
        var (visits, _) = FocusedVisitReader.Query(snapshot, new FocusedVisitFilter(), new Paging(8, 0));
        // After an error the control keeps what was typed (a date input can show only a well-formed date).
        var typed = errors.Any(e => e.Field == "asOf") && DateOnly.TryParseExact(asOf, "yyyy-MM-dd", out _) ? asOf! : Iso(day);
        var model = new Model(day, today, chosen, typed, errors, distributions, standings, summary, visits);
        return Page.Show<HomePage>(new { M = model }, errors.Count > 0 ? 400 : 200);
    }

    /// <summary>The councils list behind a count: the area's grade (or state) as at the map's day.</summary>
    private string ListUrl(string area, string grade) => $"/councils?asOf={Iso(M.Day)}&area={area}&grade={grade}";

    private string DayText => M.Day == M.Today ? "today" : $"on {Date(M.Day)}";
    private GradeCounts Nation => M.Distributions[Array.IndexOf(Labels.PageAreas, M.Area)].England;
    private string MapTitle => $"{AreaNames.Full(M.Area)}: each council's latest grade {DayText}";
    private string? DateError => M.Errors.FirstOrDefault(e => e.Field == "asOf")?.Message;
    private PriorityActionVisits Priority => M.Summary.PriorityActionVisits;
    private List<CouncilStanding> Missing => M.Standings.Where(s => !HexLayout.Hexes.ContainsKey(s.Code)).ToList();

    private List<HexMap.Cell> Cells => M.Standings.Where(s => HexLayout.Hexes.ContainsKey(s.Code)).Select(s =>
    {
        var state = AreaStates.Parse(s.Status);
        var label = AreaStates.Text(state, s.Grade) + (s.Published is { } p ? $" (report published {Date(p)})" : "");
        return new HexMap.Cell(HexLayout.Hexes[s.Code], s.Slug, label, state, s.Grade);
    }).ToList();

    private string MapDescription =>
        $"Hex map of England, one hexagon per council ({Cells.Count} councils in operation {DayText}), "
        + $"coloured by the grade of its most recent full inspection in {AreaNames.Full(M.Area).ToLowerInvariant()}. "
        + string.Join("; ", Nation.Counts.Select(c => $"{GradePalette.For(c.Key).Label}: {c.Value}"))
        + $"; not inspected {Nation.NotInspected}; no report in this dataset {Nation.NoReport}; not graded {Nation.NotGraded}; "
        + $"unknown {Nation.Unknown}.";

    /// <summary>The counts table's columns: the grades of every area's scale, in scale order, without columns of zeros.</summary>
    private List<string> CountedGrades => Labels.ShownGrades(
        M.Distributions.SelectMany(d => d.England.Counts.Keys).Distinct()
            .OrderBy(g => M.Distributions.Select(d => d.England.Counts.Keys.ToList().IndexOf(g)).Where(i => i >= 0).Min()),
        g => M.Distributions.Any(d => d.England.Counts.GetValueOrDefault(g) > 0));
}
