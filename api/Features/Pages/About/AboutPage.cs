using JudgementsApi.Features.Dataset;
using static JudgementsApi.Features.Pages.Html;

namespace JudgementsApi.Features.Pages.About;

/// <summary>GET /about: sources, licence, method, known gaps, and the dataset's version (from /v1/dataset's reader).</summary>
public static class AboutPage
{
    public static async Task<IResult> Get(HttpContext http)
    {
        var snapshot = await http.SnapshotAsync();
        var info = snapshot.Info;
        if (info is null) return PageResult.Error(503, "No data loaded yet", "This service has no dataset loaded yet. Try again after the import.");
        var newest = snapshot.DataAsOf;

        var sb = new StringBuilder();
        sb.Append($"""
            <h1 class="govuk-heading-xl">About the data</h1>
            <p class="govuk-body-l">Every judgement here is read from the text of Ofsted's published reports on English councils' children's services, and each one says where it came from.</p>
            <dl class="govuk-summary-list" id="dataset">
            <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Dataset version</dt><dd class="govuk-summary-list__value"><code>{H(info.Version[..Math.Min(16, info.Version.Length)])}</code></dd></div>
            <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Newest report or letter</dt><dd class="govuk-summary-list__value" id="newest">{(newest is { } n ? Date(n) : "none")}</dd></div>
            <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Loaded</dt><dd class="govuk-summary-list__value">{Date(DateOnly.FromDateTime(info.LoadedAt.UtcDateTime))}</dd></div>
            <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Coverage</dt><dd class="govuk-summary-list__value">{H(info.Coverage)}</dd></div>
            <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Counts</dt><dd class="govuk-summary-list__value">{H(string.Join(", ", info.Counts.Select(c => $"{c.Value} {c.Key.Replace('_', ' ')}")))}</dd></div>
            </dl>
            <h2 class="govuk-heading-l">Sources</h2>
            <ul class="govuk-list govuk-list--bullet">
            """);
        foreach (var s in info.Sources)
            sb.Append($"<li><strong>{(s.Url is null ? H(s.Name) : $"<a class=\"govuk-link\" href=\"{H(s.Url)}\">{H(s.Name)}</a>")}</strong> ({H(s.Publisher)}; {H(s.Licence)}). {H(s.Use)}</li>");
        sb.Append($"""
            </ul>
            <h2 class="govuk-heading-l">Licence and attribution</h2>
            <p class="govuk-body">{H(info.Attribution)} Facts and figures are reproduced; the reports' prose is not. When you publish figures from here, credit Ofsted's reports and link to the report you quote.</p>
            <p class="govuk-body">The hex map's layout comes from Open Innovations' hexmaps (MIT licence), with hexagons added for the councils formed since 2019. This site uses GOV.UK Frontend (MIT) for its styles; it is not a government service.</p>
            <h2 class="govuk-heading-l" id="method">Method</h2>
            <h3 class="govuk-heading-m">"As at" a date</h3>
            <p class="govuk-body">On any day, each council that existed that day counts by its most recent full inspection whose report was published on or before that day. A council formed by reorganisation (Bournemouth, Christchurch and Poole and Dorset in 2019; North and West Northamptonshire in 2021; Cumberland and Westmorland and Furness in 2023) counts from its first day and does not inherit the grade of the council it replaced. An older inspection is never used in place of the latest.</p>
            <h3 class="govuk-heading-m">Grades, and what is not a grade</h3>
            <ul class="govuk-list govuk-list--bullet">
            <li><strong>Not inspected yet</strong>: the council has had no full inspection in the data by that date.</li>
            <li><strong>Not graded under this framework</strong>: the latest inspection's framework does not grade the area (from April 2026, Ofsted no longer gives an overall effectiveness grade; before 2023 care leavers were graded with children in care).</li>
            <li><strong>Not judged</strong>: the report says the area was not judged. <strong>Not covered by this report</strong>: the report did not look at it.</li>
            <li><strong>Grade not known</strong>: the area was graded but the data does not hold the grade. It is shown as unknown, never guessed.</li>
            </ul>
            <p class="govuk-body">Percentages are of the councils judged in the area, and the denominator is always shown. Before November 2013 the scale had "adequate", which is shown as itself and never merged with "requires improvement". Focused visits are not graded; Ofsted may name areas for priority action, which the pages mark.</p>
            <h2 class="govuk-heading-l">Known gaps</h2>
            <ul class="govuk-list govuk-list--bullet">
            {string.Concat(info.KnownGaps.Select(g => $"<li>{H(g)}</li>"))}
            <li>Councils that no longer exist (Bournemouth, Poole, Dorset County Council, Northamptonshire, Cumbria) have no reports in the sources, so national figures before their reorganisation count them as not inspected.</li>
            </ul>
            <h2 class="govuk-heading-l">The API</h2>
            <p class="govuk-body">Every number on these pages comes from the same code as the open API: see the <a class="govuk-link" href="/swagger">API documentation</a> and <a class="govuk-link" href="{Api}/dataset">the dataset record</a>.</p>
            """);
        return new PageResult("About the data", sb.ToString(), "about");
    }
}
