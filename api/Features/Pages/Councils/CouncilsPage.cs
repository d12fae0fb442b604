using JudgementsApi.Features.Pages.Home;
using JudgementsApi.Features.Statistics;
using Microsoft.AspNetCore.Components;
using static JudgementsApi.Features.Pages.Html;

namespace JudgementsApi.Features.Pages.Councils;

/// <summary>What the councils list was asked for (query parameters, as typed).</summary>
public sealed record CouncilsQuery(string? AsOf, string? Region, string? Type, string? Area, string? Grade, string? Sort);

/// <summary>
/// GET /councils: every council in operation on a day (today unless asOf is given) with its grade in each
/// area as at that day and its last full inspection, filtered by region, type and grade (in one area or in
/// any), sortable by each column. Grades are /v1/statistics/distribution?include=councils', from the same code.
/// </summary>
public sealed partial class CouncilsPage
{
    public const string AnyArea = "any";

    private static readonly int[] AreaIndexes = [.. Enumerable.Range(0, Labels.PageAreas.Length)];

    /// <summary>The sortable columns: name, region, type, each area, the last inspection's date, days since it.</summary>
    public static readonly string[] SortKeys = ["name", "region", "type", .. Labels.PageAreas, "inspected", "days"];

    public sealed record Row(CouncilStanding Council, IReadOnlyList<(AreaState State, string? Grade)> Areas, DateOnly? Inspected, int? Days)
    {
        /// <summary>The filter key of an area's standing: the grade's code when graded, else the state's name (notGraded…).</summary>
        public string Key(int area) => Areas[area].State == AreaState.Graded ? Areas[area].Grade! : AreaStates.Name(Areas[area].State);
    }

    public sealed record Model(CouncilsQuery Q, DateOnly Day, DateOnly Today, IReadOnlyList<FieldError> Errors, IReadOnlyList<Row> Rows,
        int InOperation, IReadOnlyList<RegionRef> Regions, IReadOnlyList<(string Key, string Text)> Grades, string Sort);

    [Parameter, EditorRequired] public Model M { get; set; } = null!;

    public static async Task<IResult> Get(HttpContext http, VocabularySource vocabularies, [AsParameters] CouncilsQuery q)
    {
        var vocabulary = await vocabularies.GetAsync();
        var s = Select(await http.SnapshotAsync(), vocabulary, England.Today(http), q);
        var model = new Model(q, s.Day, s.Today, s.Errors, s.Rows, s.InOperation, vocabulary.Regions, s.Grades, s.Sort);
        return Page.Show<CouncilsPage>(new { M = model }, s.Errors.Count > 0 ? 400 : 200);
    }

    /// <summary>GET /councils.csv: the list's selection, in its order, as CSV; or the page with its errors.</summary>
    public static async Task<IResult> Csv(HttpContext http, VocabularySource vocabularies, [AsParameters] CouncilsQuery q)
    {
        var s = Select(await http.SnapshotAsync(), await vocabularies.GetAsync(), England.Today(http), q);
        if (s.Errors.Count > 0) return await Get(http, vocabularies, q);
        return new CsvResult<Row>("councils.csv", CsvColumns(s.Day), s.Rows);
    }

    /// <summary>
    /// The CSV's columns: the council, then for each area its grade and, in a column of its own, its state as the API
    /// names it (graded, notGraded, notInspected, noReport, …: a grade and a state never share a column).
    /// </summary>
    private static CsvColumn<Row>[] CsvColumns(DateOnly day) =>
    [
        new("as_of", _ => day), new("council_code", r => r.Council.Code), new("council_name", r => r.Council.Name),
        new("slug", r => r.Council.Slug), new("region", r => r.Council.Region.Name), new("type", r => r.Council.Type),
        .. Labels.PageAreas.SelectMany((a, i) => new CsvColumn<Row>[]
        {
            new($"{a}_grade", r => r.Areas[i].Grade), new($"{a}_status", r => AreaStates.Name(r.Areas[i].State)),
        }),
        new("last_inspection_id", r => r.Council.InspectionId), new("last_inspection_published", r => r.Inspected),
        new("days_since", r => r.Days),
    ];

    private sealed record Selection(DateOnly Day, DateOnly Today, List<FieldError> Errors, List<Row> Rows, int InOperation,
        List<(string Key, string Text)> Grades, string Sort);

    /// <summary>The councils the query asks for, sorted, or the errors that say what to change.</summary>
    private static Selection Select(DatasetSnapshot snapshot, Vocabulary vocabulary, DateOnly today, CouncilsQuery q)
    {
        var errors = new List<FieldError>();
        var day = ReadDay(errors, q.AsOf, today);
        var all = Rows(snapshot, vocabulary, day);
        var grades = GradeChoices(all);
        var region = Blank(q.Region) is { } r ? vocabulary.Region(r) : null;
        if (region is null && Blank(q.Region) is not null) errors.Add(new("region", "Choose a region from the list"));
        var type = Blank(q.Type);
        if (type is not null && !CouncilTypes.Codes.Contains(type)) errors.Add(new("type", "Choose a type of council from the list"));
        var area = Blank(q.Area) ?? AnyArea;
        if (area != AnyArea && !Labels.PageAreas.Contains(area)) errors.Add(new("area", "Choose a judgement area from the list"));
        var grade = Blank(q.Grade);
        if (grade is not null && grades.All(g => g.Key != grade)) errors.Add(new("grade", "Choose a grade from the list"));
        var sort = Blank(q.Sort) ?? "name";
        if (!SortKeys.Contains(sort.TrimStart('-'))) { errors.Add(new("sort", "Sort by one of the table's columns")); sort = "name"; }

        var areaIndex = Array.IndexOf(Labels.PageAreas, area);
        var rows = errors.Count > 0 ? [] : Sorted(all.Where(row => (region is null || row.Council.Region.Code == region.Code)
            && (type is null || row.Council.Type == type)
            && (grade is null || (areaIndex >= 0 ? row.Key(areaIndex) == grade : AreaIndexes.Any(i => row.Key(i) == grade)))), sort);
        return new Selection(day, today, errors, rows, all.Count, grades, sort);
    }

    /// <summary>Each council in operation on <paramref name="day"/> with its standing in each area, by the distribution's rule.</summary>
    private static List<Row> Rows(DatasetSnapshot snapshot, Vocabulary vocabulary, DateOnly day)
    {
        var perArea = Labels.PageAreas
            .Select(a => GradeStatistics.Distribution(snapshot, a, null, "none", day, true).Councils!.ToDictionary(s => s.Code))
            .ToList();
        return perArea[0].Values.Select(c => new Row(c,
            perArea.Select(p => (AreaStates.Parse(p[c.Code].Status), p[c.Code].Grade)).ToList(),
            c.Published, c.Published is { } p ? day.DayNumber - p.DayNumber : null)).ToList();
    }

    /// <summary>The grades and states a council can hold in the list, best first, then the states that are not grades.</summary>
    private static List<(string Key, string Text)> GradeChoices(List<Row> rows)
    {
        var held = rows.SelectMany(r => AreaIndexes.Select(i => (r.Key(i), r.Areas[i]))).Distinct().ToList();
        return held.Where(h => h.Item2.State == AreaState.Graded).OrderBy(h => Labels.Rank(h.Item2.Grade!)).ThenBy(h => h.Item1)
            .Concat(held.Where(h => h.Item2.State != AreaState.Graded).OrderBy(h => h.Item2.State))
            .Select(h => (h.Item1, AreaStates.Text(h.Item2.State, h.Item2.Grade))).DistinctBy(h => h.Item1).ToList();
    }

    private static List<Row> Sorted(IEnumerable<Row> rows, string sort)
    {
        var key = sort.TrimStart('-');
        var area = Array.IndexOf(Labels.PageAreas, key);
        Func<Row, IComparable?> by = key switch
        {
            "region" => r => r.Council.Region.Name,
            "type" => r => CouncilTypes.Label(r.Council.Type),
            "inspected" => r => r.Inspected,
            "days" => r => r.Days,
            // Grades best first, then the states that are not grades.
            _ when area >= 0 => r => r.Areas[area] is var (state, g) && state == AreaState.Graded ? Labels.Rank(g!) : 10 + (int)state,
            _ => r => r.Council.Name,
        };
        var ordered = sort.StartsWith('-') ? rows.OrderByDescending(by) : rows.OrderBy(by);
        return ordered.ThenBy(r => r.Council.Name, StringComparer.Ordinal).ToList();
    }

    private static DateOnly ReadDay(List<FieldError> errors, string? raw, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(raw)) return today;
        if (!DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", out var day))
            errors.Add(new("asOf", "Enter the date as day, month and year, for example 2024-03-31"));
        else if (day < HomePage.Earliest) errors.Add(new("asOf", $"The date must be on or after {Date(HomePage.Earliest)}"));
        else if (day > today) errors.Add(new("asOf", $"The date must be today ({Date(today)}) or earlier"));
        else return day;
        return today;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>This list's URL sorted by <paramref name="column"/>: ascending first, descending when already ascending.</summary>
    private string SortUrl(string column) => Url("/councils", M.Sort == column ? "-" + column : column);

    /// <summary>This selection, in this order, as CSV.</summary>
    private string CsvUrl => Url("/councils.csv", M.Sort == "name" ? null : M.Sort);

    private string Url(string path, string? sort) => path + QueryString.Create(new Dictionary<string, string?>
    {
        ["asOf"] = M.Q.AsOf, ["region"] = M.Q.Region, ["type"] = M.Q.Type, ["area"] = M.Q.Area, ["grade"] = M.Q.Grade, ["sort"] = sort,
    }.Where(v => !string.IsNullOrWhiteSpace(v.Value)));

    private string? AriaSort(string column) => M.Sort == column ? "ascending" : M.Sort == "-" + column ? "descending" : null;

    private string DayText => M.Day == M.Today ? "today" : $"on {Date(M.Day)}";

    private string? ErrorFor(string field) => M.Errors.FirstOrDefault(e => e.Field == field)?.Message;

    private string Summary => $"{M.Rows.Count} of the {M.InOperation} councils in operation {DayText}";
}
