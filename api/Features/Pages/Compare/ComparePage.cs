using JudgementsApi.Features.Councils;
using JudgementsApi.Features.Inspections;
using static JudgementsApi.Features.Pages.Html;

namespace JudgementsApi.Features.Pages;

/// <summary>
/// GET /compare?councils=a,b,…: up to 12 councils side by side, each area's latest and previous
/// grade. The URL is the comparison, so it can be shared. Latest grades are the council list's
/// (/v1/councils?codes=…); previous is the full inspection before the latest.
/// </summary>
public static class ComparePage
{
    public const int MaxCouncils = 12;

    public static async Task<IResult> Get(HttpContext http, NpgsqlDataSource db, CouncilNames councilNames, string? councils)
    {
        var errors = new List<(string Field, string Message)>();
        var names = (councils ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count > MaxCouncils) errors.Add(("councils", $"Compare at most {MaxCouncils} councils at once (you gave {names.Count})"));

        var snapshot = await http.SnapshotAsync();
        var chosen = new List<CouncilItem>();
        if (errors.Count == 0)
            foreach (var name in names)
            {
                var found = await CouncilSearch.FindAsync(snapshot, councilNames, name);
                if (found.Count == 1) { if (chosen.All(c => c.Code != found[0].Code)) chosen.Add(found[0]); }
                else if (found.Count == 0) errors.Add(("councils", $"No council matches '{name}'"));
                else errors.Add(("councils", $"'{name}' matches {found.Count} councils ({string.Join(", ", found.Take(5).Select(f => f.Name))}{(found.Count > 5 ? "…" : "")}): give more of the name"));
            }

        var previous = Previous(snapshot, chosen.Select(c => c.Code));
        var sb = new StringBuilder();
        sb.Append(Forms.ErrorSummary(errors));
        var error = errors.Count == 0 ? null : errors[0].Message;
        sb.Append($"""
            <h1 class="govuk-heading-xl">Compare councils</h1>
            <form action="/compare" method="get">
            <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">
            <label class="govuk-label govuk-label--m" for="councils">Councils to compare</label>
            <div class="govuk-hint" id="councils-hint">Up to {MaxCouncils} names or codes, separated by commas, for example: Shropshire, Telford and Wrekin, Herefordshire</div>
            {(error is null ? "" : $"<p id=\"councils-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {H(error)}</p>")}
            <input class="govuk-input" id="councils" name="councils" type="text" value="{H(councils)}" aria-describedby="councils-hint{(error is null ? "" : " councils-error")}">
            </div>
            <button type="submit" class="govuk-button" data-module="govuk-button">Compare</button>
            </form>
            """);
        if (chosen.Count > 0)
        {
            sb.Append($"""
                <div class="app-table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on small screens)"><table class="govuk-table app-table--small" id="comparison">
                <caption class="govuk-table__caption govuk-table__caption--m">Latest grade, and the grade before it, in each area</caption>
                <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Council</th><th scope="col" class="govuk-table__header">Latest inspection</th>
                {string.Concat(Labels.PageAreas.Select(f => $"<th scope=\"col\" class=\"govuk-table__header\">{H(AreaNames.Short(f))}</th>"))}</tr></thead>
                <tbody class="govuk-table__body">
                """);
            foreach (var c in chosen)
            {
                var prev = previous.GetValueOrDefault(c.Code);
                sb.Append($"<tr class=\"govuk-table__row\" data-code=\"{c.Code}\"><th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"/councils/{H(c.Slug)}\">{H(c.Name)}</a><br><span class=\"app-muted\">{H(c.Region.Name)}</span></th>");
                sb.Append($"<td class=\"govuk-table__cell\">{(c.Latest is { } l ? Date(l.Published, l.PublishedPrecision) : "None yet")}{(prev is null ? "" : $"<br><span class=\"app-muted\">before: {Date(prev.Published, prev.PublishedPrecision)}</span>")}</td>");
                foreach (var f in Labels.PageAreas)
                {
                    sb.Append($"<td class=\"govuk-table__cell\" data-area=\"{f}\"><span data-when=\"latest\">{Labels.Tag(c.Latest, f)}</span>");
                    if (prev is not null)
                    {
                        var (state, grade) = Labels.Of(prev, f);
                        sb.Append($"<br><span class=\"app-muted\" data-when=\"previous\">was {H(Labels.Text(state, grade).ToLowerInvariant())}</span>");
                    }
                    sb.Append("</td>");
                }
                sb.Append("</tr>");
            }
            var codes = string.Join(",", chosen.Select(c => c.Code));
            sb.Append($"</tbody></table></div><p class=\"govuk-body\">Share this comparison: <a class=\"govuk-link\" href=\"/compare?councils={H(string.Join(",", chosen.Select(c => c.Slug)))}\">link to this page</a>. " +
                      $"The latest grades as data: <a class=\"govuk-link\" href=\"{Api}/councils?codes={codes}&amp;format=csv\">CSV</a>, <a class=\"govuk-link\" href=\"{Api}/councils?codes={codes}\">JSON</a>.</p>");
        }
        else if (errors.Count == 0)
            sb.Append("<p class=\"govuk-body\">Or start from a council's page: it links to a comparison with its statistical neighbours.</p>");
        return new PageResult(chosen.Count > 0 ? "Compare " + string.Join(", ", chosen.Select(c => c.Name)) : "Compare councils",
            sb.ToString(), "compare", errors.Count > 0 ? 400 : 200);
    }

    /// <summary>Each council's full inspection before its latest (the same order as council_latest_inspection: published, then id).</summary>
    private static Dictionary<string, InspectionSummary> Previous(DatasetSnapshot snapshot, IEnumerable<string> codes) =>
        codes.Select(c => (Code: c, Previous: (snapshot.InspectionsByCouncil.GetValueOrDefault(c) ?? []).Where(i => i.FullInspection).Skip(1).FirstOrDefault()))
            .Where(p => p.Previous is not null).ToDictionary(p => p.Code, p => p.Previous!.Summary);
}
