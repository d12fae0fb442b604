using JudgementsApi.Features.FocusedVisits;
using Microsoft.AspNetCore.Components;
using static JudgementsApi.Features.Pages.Html;

namespace JudgementsApi.Features.Pages.FocusedVisits;

/// <summary>What the focused-visits page and its CSV were asked for (query parameters, as typed).</summary>
public sealed record FocusedVisitsQuery(string? From, string? To, string? Region, string? Council, string? Focus, string? Priority);

/// <summary>
/// GET /focused-visits: every focused visit, newest letter first, filtered by letter date, region, council,
/// focus and areas for priority action (new, carried over, none); /focused-visits.csv is the same
/// selection in the API's CSV columns (<see cref="FocusedVisitReader.CsvColumns"/>).
/// </summary>
public sealed partial class FocusedVisitsPage
{
    /// <summary>The priority-action filter: a value and its words. "new" includes a letter that adds to earlier ones.</summary>
    public static readonly (string Value, string Text)[] PriorityChoices =
    [
        ("", "Any visit"), ("any", "Areas for priority action in force (new or carried over)"),
        ("new", "New areas for priority action"), ("carried_over", "Areas carried over from an earlier visit"),
        ("none", "No areas for priority action"),
    ];

    public sealed record Model(FocusedVisitsQuery Q, IReadOnlyList<FieldError> Errors, IReadOnlyList<FocusedVisit> Visits,
        IReadOnlyList<RegionRef> Regions, IReadOnlyList<string> Foci, IReadOnlyList<int> Years, DatasetSnapshot Snapshot);

    [Parameter, EditorRequired] public Model M { get; set; } = null!;

    public static async Task<IResult> Get(HttpContext http, [AsParameters] FocusedVisitsQuery q)
    {
        var snapshot = await http.SnapshotAsync();
        var (visits, errors) = Select(snapshot, q);
        var years = snapshot.FocusedVisits.Select(v => v.LetterDate.Year).Distinct().OrderDescending().ToList();
        var foci = Foci(snapshot);
        var model = new Model(q, errors, visits, snapshot.Vocabulary.Regions, foci, years, snapshot);
        return Page.Show<FocusedVisitsPage>(new { M = model }, errors.Count > 0 ? 400 : 200);
    }

    /// <summary>GET /focused-visits.csv: the page's selection as the API's CSV, or the page with its errors.</summary>
    public static async Task<IResult> Csv(HttpContext http, [AsParameters] FocusedVisitsQuery q)
    {
        var snapshot = await http.SnapshotAsync();
        var (visits, errors) = Select(snapshot, q);
        if (errors.Count > 0) return await Get(http, q);
        return new CsvResult<FocusedVisit>("focused-visits.csv", FocusedVisitReader.CsvColumns, visits);
    }

    private static List<string> Foci(DatasetSnapshot snapshot) =>
        snapshot.FocusedVisits.Select(v => v.Item.Focus).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The visits the query asks for, newest first, or the errors that say what to change.</summary>
    private static (List<FocusedVisit> Visits, List<FieldError> Errors) Select(DatasetSnapshot snapshot, FocusedVisitsQuery q)
    {
        var errors = new List<FieldError>();
        var from = ReadDate(errors, "from", "start", q.From);
        var to = ReadDate(errors, "to", "end", q.To);
        if (from > to) errors.Add(new("from", "The start date must be on or before the end date"));
        var region = snapshot.Vocabulary.Region(NullIfEmpty(q.Region));
        if (region is null && NullIfEmpty(q.Region) is not null) errors.Add(new("region", "Choose a region from the list"));
        var council = NullIfEmpty(q.Council) is { } typed ? snapshot.CouncilIndex.Find(typed) : null;
        if (council is null && NullIfEmpty(q.Council) is { } name)
        {
            var closest = snapshot.CouncilIndex.Suggest(name, 3);
            errors.Add(new("council", $"No council is called ‘{name}’" +
                (closest.Count == 0 ? "" : $": did you mean {string.Join(", ", closest.Select(c => c.Name))}?")));
        }
        var focus = NullIfEmpty(q.Focus);
        if (focus is not null && !Foci(snapshot).Contains(focus)) errors.Add(new("focus", "Choose a focus from the list"));
        var priority = q.Priority ?? "";
        if (PriorityChoices.All(c => c.Value != priority)) errors.Add(new("priority", "Choose one of the priority action choices"));
        if (errors.Count > 0) return ([], errors);

        var filter = new FocusedVisitFilter
        {
            From = from, To = to, RegionCode = region?.Code, CouncilCodes = council is null ? null : [council.Code],
        };
        var visits = FocusedVisitReader.Query(snapshot, filter, Paging.All).Items
            .Where(v => (focus is null || v.Focus == focus) && HasPriority(v.PriorityActions.Kind, priority)).ToList();
        return (visits, errors);
    }

    /// <summary>Whether a letter's kind of priority actions (none, new, carried_over, new_and_carried_over) passes the filter.</summary>
    private static bool HasPriority(string kind, string filter) => filter switch
    {
        "any" => kind != "none",
        "new" => kind is "new" or "new_and_carried_over",
        "carried_over" => kind is "carried_over" or "new_and_carried_over",
        "none" => kind == "none",
        _ => true,
    };

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static DateOnly? ReadDate(List<FieldError> errors, string field, string name, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", out var d)) return d;
        errors.Add(new(field, $"Enter the {name} date as a date, for example 2024-01-31"));
        return null;
    }

    /// <summary>This page's URL with some parameters changed (empty ones dropped), for the year links and the CSV.</summary>
    private string Url(string path, params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>
        {
            ["from"] = M.Q.From, ["to"] = M.Q.To, ["region"] = M.Q.Region, ["council"] = M.Q.Council,
            ["focus"] = M.Q.Focus, ["priority"] = M.Q.Priority,
        };
        foreach (var (key, value) in changes) values[key] = value;
        return path + QueryString.Create(values.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
    }

    private string YearUrl(int year) => Url("/focused-visits", ("from", $"{year}-01-01"), ("to", $"{year}-12-31"));

    private string RegionName(FocusedVisit v) => M.Snapshot.CouncilByCode.TryGetValue(v.Council.Code, out var c) ? c.Item.Region.Name : "";

    private string? ErrorFor(string field) => M.Errors.FirstOrDefault(e => e.Field == field)?.Message;

    private string Summary =>
        M.Visits.Count == 1 ? "1 focused visit" : $"{M.Visits.Count} focused visits";
}
