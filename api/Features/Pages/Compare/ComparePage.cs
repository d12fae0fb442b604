using JudgementsApi.Features.Councils;
using JudgementsApi.Features.Inspections;
using Microsoft.AspNetCore.Components;

namespace JudgementsApi.Features.Pages.Compare;

/// <summary>
/// GET /compare?councils=a,b,…: up to 12 councils side by side, each area's latest and previous
/// grade. The URL is the comparison, so it can be shared. Latest grades are the council list's
/// (/v1/councils?codes=…); previous is the full inspection before the latest.
/// </summary>
public sealed partial class ComparePage
{
    public const int MaxCouncils = 12;

    public sealed record Model(string? Typed, IReadOnlyList<FieldError> Errors, IReadOnlyList<CouncilItem> Chosen,
        IReadOnlyDictionary<string, InspectionSummary> Previous);

    [Parameter, EditorRequired] public Model M { get; set; } = null!;

    public static async Task<IResult> Get(HttpContext http, CouncilNames councilNames, string? councils)
    {
        var errors = new List<FieldError>();
        var names = (councils ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count > MaxCouncils)
            errors.Add(new("councils", $"Compare at most {MaxCouncils} councils at once (you gave {names.Count})"));

        var snapshot = await http.SnapshotAsync();
        var chosen = new List<CouncilItem>();
        foreach (var name in errors.Count == 0 ? names : [])
        {
            var found = await CouncilSearch.FindAsync(snapshot, councilNames, name);
            if (found.Count == 1) { if (chosen.All(c => c.Code != found[0].Code)) chosen.Add(found[0]); }
            else if (found.Count == 0) errors.Add(new("councils", $"No council matches ‘{name}’" + DidYouMean(snapshot, name)));
            else errors.Add(new("councils", $"'{name}' matches {found.Count} councils " +
                $"({string.Join(", ", found.Take(5).Select(f => f.Name))}{(found.Count > 5 ? "…" : "")}): give more of the name"));
        }
        var model = new Model(councils, errors, chosen, Previous(snapshot, chosen.Select(c => c.Code)));
        // The councils found are compared even when another name was not: the page names what it could not find.
        return Page.Show<ComparePage>(new { M = model }, errors.Count > 0 && chosen.Count == 0 ? 400 : 200);
    }

    private static string DidYouMean(DatasetSnapshot snapshot, string name) =>
        snapshot.CouncilIndex.Suggest(name, 3) is { Count: > 0 } close
            ? $": did you mean {string.Join(", ", close.Select(c => c.Name))}?" : "";

    /// <summary>Each council's full inspection before its latest (ordered as council_latest_inspection: published, then id).</summary>
    private static Dictionary<string, InspectionSummary> Previous(DatasetSnapshot snapshot, IEnumerable<string> codes) =>
        codes.Select(c => (Code: c, Previous: (snapshot.InspectionsByCouncil.GetValueOrDefault(c) ?? [])
                .Where(i => i.FullInspection).Skip(1).FirstOrDefault()))
            .Where(p => p.Previous is not null).ToDictionary(p => p.Code, p => p.Previous!.Summary);

    private static string Was(InspectionSummary previous, string area) =>
        Labels.Of(previous, area) is var (state, grade) ? "was " + AreaStates.Words(state, grade) : "";

    private string? Error => M.Errors.Count == 0 ? null : M.Errors[0].Message;
    private string Codes => string.Join(",", M.Chosen.Select(c => c.Code));

    /// <summary>A shared comparison shows the first council's grades card; an empty one, the national trend.</summary>
    private PreviewImage ComparePreview => M.Chosen.Count > 0
        ? new($"/councils/{M.Chosen[0].Slug}/card.png", $"{M.Chosen[0].Name}: its latest Ofsted grades, in words and colours")
        : new("/statistics/timeline.png", "Overall effectiveness: share of councils at each grade since 2014");
}
