using JudgementsApi.Features.Statistics;
using static JudgementsApi.Features.Pages.Html;

namespace JudgementsApi.Features.Pages.Statistics;

/// <summary>
/// GET /statistics: shares per grade at the end of each quarter since 2014 (the timeline endpoint's
/// numbers), by region today (the distribution's), and who improved or declined between two dates
/// (the transitions'). Each chart is also served alone as SVG and PNG; the data links to the API's CSV.
/// </summary>
public static class StatisticsPage
{
    public static readonly DateOnly ChartStart = new(2014, 1, 1);

    private sealed record Inputs(string Area, DateOnly From, DateOnly To, List<(string Field, string Message)> Errors);

    private static Inputs Read(DateOnly today, string? area, string? from, string? to)
    {
        var errors = new List<(string, string)>();
        var chosen = area ?? Labels.PageAreas[0];
        if (!Labels.PageAreas.Contains(chosen)) { errors.Add(("area", "Choose one of the judgement areas listed")); chosen = Labels.PageAreas[0]; }
        DateOnly Day(string field, string? raw, DateOnly fallback)
        {
            if (string.IsNullOrEmpty(raw)) return fallback;
            if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", out var d)) { errors.Add((field, $"Enter the {(field == "from" ? "start" : "end")} date as a date, for example 2024-03-31")); return fallback; }
            if (d > today) { errors.Add((field, $"The {(field == "from" ? "start" : "end")} date must be today or earlier")); return fallback; }
            return d;
        }
        var f = Day("from", from, today.AddYears(-1));
        var t = Day("to", to, today);
        if (f > t) { errors.Add(("from", "The start date must be before the end date")); (f, t) = (today.AddYears(-1), today); }
        return new Inputs(chosen, f, t, errors);
    }

    private static List<Svg.Series> SeriesFor(IEnumerable<string> grades) =>
        grades.Select(g => new Svg.Series(g, GradePalette.For(g).Label, GradePalette.For(g).Fill)).ToList();

    private static async Task<Timeline> TimelineAsync(DatasetSnapshot snapshot, Vocabulary vocabulary, string area, DateOnly today)
    {
        var councils = Standings.Councils(snapshot);
        var points = TimelineEndpoint.Points(ChartStart, today, "quarter", TimelineEndpoint.MaxPoints);
        return TimelineEndpoint.Compute(snapshot, vocabulary, councils, area, null, "none", "quarter", ChartStart, today, points);
    }

    private static string TimelineSvg(Timeline t, string? source)
    {
        // Pre-2013 "adequate" never appears after 2014 in practice; keep only grades that occur.
        var grades = t.Grades.Where(g => t.Points.Any(p => p.England.Counts.GetValueOrDefault(g) > 0)).ToList();
        var last = t.Points[^1].England;
        return Svg.StackedShares(t.Points.Select(p => (p.AsOf, p.England.Counts)).ToList(), SeriesFor(grades),
            $"{AreaNames.Full(t.Area)}: share of councils at each grade, quarter by quarter since 2014",
            $"Stacked columns, one per quarter from {Date(t.From)} to {Date(t.To)}, each the councils judged at that date. On {Date(t.To)}: " +
            string.Join(", ", grades.Select(g => $"{GradePalette.For(g).Label} {Percent(last.Percentages.GetValueOrDefault(g))}")) + $" of {last.Judged} judged.",
            source);
    }

    private static async Task<Distribution> RegionsAsync(DatasetSnapshot snapshot, Vocabulary vocabulary, string area, DateOnly day) =>
        DistributionEndpoint.Compute(snapshot, vocabulary, Standings.Councils(snapshot), area, null, "region", day, false).Result;

    private static string RegionsSvg(Distribution d, string? source)
    {
        var grades = d.England.Counts.Keys.Where(g => d.England.Counts[g] > 0).ToList();
        return Svg.ShareBars([("England", d.England.Counts), .. d.Groups.Select(g => (g.Name, g.Counts))], SeriesFor(grades),
            $"{AreaNames.Full(d.Area)} by region, {Date(d.AsOf)}",
            $"One bar per region and England, split by the share of councils judged at each grade; the number after each bar is the councils judged. England: " +
            string.Join(", ", grades.Select(g => $"{GradePalette.For(g).Label} {Percent(d.England.Percentages.GetValueOrDefault(g))}")) + ".",
            source);
    }

    public static async Task<IResult> Get(HttpContext http, VocabularySource vocabularies, string? area, string? from, string? to)
    {
        var vocabulary = await vocabularies.GetAsync();
        var today = England.Today(http);
        var input = Read(today, area, from, to);
        var snapshot = await http.SnapshotAsync();
        var timeline = await TimelineAsync(snapshot, vocabulary, input.Area, today);
        var regions = await RegionsAsync(snapshot, vocabulary, input.Area, today);
        var (movements, _) = TransitionsEndpoint.Movements(snapshot, vocabulary, input.Area, input.From, input.To, null, null, null);

        var a = Url(input.Area);
        var sb = new StringBuilder();
        sb.Append(Forms.ErrorSummary(input.Errors));
        sb.Append($"""
            <h1 class="govuk-heading-xl">Statistics: {H(AreaNames.Full(input.Area))}</h1>
            <form action="/statistics" method="get" class="app-inline-form">
            <div class="govuk-form-group"><label class="govuk-label" for="area">Judgement area</label>
            <select class="govuk-select" id="area" name="area">{string.Concat(Labels.PageAreas.Select(x => $"<option value=\"{x}\"{(x == input.Area ? " selected" : "")}>{H(AreaNames.Full(x))}</option>"))}</select></div>
            <input type="hidden" name="from" value="{Iso(input.From)}"><input type="hidden" name="to" value="{Iso(input.To)}">
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show</button>
            </form>
            <p class="govuk-body">Each council counts by its most recent full inspection published by the date; percentages are of the councils judged in the area. See <a class="govuk-link" href="/about#method">how the numbers are made</a>.</p>
            """);

        // Over time
        var grades = Labels.ShownGrades(timeline.Grades, g => timeline.Points.Any(p => p.England.Counts.GetValueOrDefault(g) > 0));
        sb.Append($"""
            <section class="app-section" aria-labelledby="time-heading"><h2 class="govuk-heading-l" id="time-heading">Over time</h2>
            <div class="app-chart-box" tabindex="0" role="region" aria-label="Chart (scrolls sideways on small screens)">{TimelineSvg(timeline, null)}</div>
            <p class="govuk-body">Download the chart: <a class="govuk-link" href="/statistics/timeline.svg?area={a}" download>SVG</a>, <a class="govuk-link" href="/statistics/timeline.png?area={a}" download>PNG</a>. Its data: <a class="govuk-link" href="{Api}/statistics/timeline?area={a}&amp;from={Iso(ChartStart)}&amp;interval=quarter&amp;format=csv">CSV</a>.</p>
            <details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">The chart's data as a table</span></summary>
            <div class="govuk-details__text app-table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on small screens)"><table class="govuk-table app-table--small" id="timeline-table">
            <caption class="govuk-table__caption govuk-table__caption--s">Councils at each grade at the end of each quarter</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Date</th>{string.Concat(grades.Select(g => $"<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">{H(GradePalette.For(g).Label)}</th>"))}<th scope="col" class="govuk-table__header govuk-table__header--numeric">Judged</th></tr></thead>
            <tbody class="govuk-table__body">
            """);
        foreach (var p in timeline.Points)
            sb.Append($"<tr class=\"govuk-table__row\" data-as-of=\"{Iso(p.AsOf)}\"><th scope=\"row\" class=\"govuk-table__header\">{Iso(p.AsOf)}</th>" +
                      string.Concat(grades.Select(g => $"<td class=\"govuk-table__cell govuk-table__cell--numeric\" data-grade=\"{g}\">{p.England.Counts.GetValueOrDefault(g)} ({Percent(p.England.Percentages.GetValueOrDefault(g))})</td>")) +
                      $"<td class=\"govuk-table__cell govuk-table__cell--numeric\">{p.England.Judged}</td></tr>");
        sb.Append("</tbody></table></div></details></section>");

        // By region
        var rgrades = Labels.ShownGrades(regions.England.Counts.Keys, g => regions.England.Counts[g] > 0);
        sb.Append($"""
            <section class="app-section" aria-labelledby="region-heading"><h2 class="govuk-heading-l" id="region-heading">By region today</h2>
            <div class="app-chart-box" tabindex="0" role="region" aria-label="Chart (scrolls sideways on small screens)">{RegionsSvg(regions, null)}</div>
            <p class="govuk-body">Download the chart: <a class="govuk-link" href="/statistics/regions.svg?area={a}" download>SVG</a>, <a class="govuk-link" href="/statistics/regions.png?area={a}" download>PNG</a>. Its data: <a class="govuk-link" href="{Api}/statistics/distribution?area={a}&amp;groupBy=region&amp;format=csv">CSV</a>.</p>
            <div class="app-table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on small screens)"><table class="govuk-table app-table--small" id="region-table">
            <caption class="govuk-table__caption govuk-table__caption--s">Councils at each grade by region, {Date(regions.AsOf)}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Region</th>{string.Concat(rgrades.Select(g => $"<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">{H(GradePalette.For(g).Label)}</th>"))}<th scope="col" class="govuk-table__header govuk-table__header--numeric">Judged</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Councils</th></tr></thead>
            <tbody class="govuk-table__body">
            """);
        foreach (var (code, name, counts, percentages, judged, total) in new[] { ("E92000001", "England", regions.England.Counts, regions.England.Percentages, regions.England.Judged, regions.England.Councils) }
                     .Concat(regions.Groups.Select(g => (g.Code, g.Name, g.Counts, g.Percentages, g.Judged, g.Councils))))
            sb.Append($"<tr class=\"govuk-table__row\" data-code=\"{code}\"><th scope=\"row\" class=\"govuk-table__header\">{H(name)}</th>" +
                      string.Concat(rgrades.Select(g => $"<td class=\"govuk-table__cell govuk-table__cell--numeric\" data-grade=\"{g}\">{counts[g]} ({Percent(percentages[g])})</td>")) +
                      $"<td class=\"govuk-table__cell govuk-table__cell--numeric\">{judged}</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">{total}</td></tr>");
        sb.Append("</tbody></table></div></section>");

        // Movements
        var improved = movements.Where(m => Labels.Rank(m.To.Grade) < Labels.Rank(m.From.Grade)).ToList();
        var declined = movements.Where(m => Labels.Rank(m.To.Grade) > Labels.Rank(m.From.Grade)).ToList();
        var same = movements.Count - improved.Count - declined.Count;
        var dateError = input.Errors.FirstOrDefault(e => e.Field is "from" or "to").Message;
        sb.Append($"""
            <section class="app-section" aria-labelledby="moves-heading"><h2 class="govuk-heading-l" id="moves-heading">Who improved, who declined</h2>
            <p class="govuk-body">Councils whose inspection published between the two dates graded {H(AreaNames.Full(input.Area).ToLowerInvariant())} differently from their previous one (including the council they replaced, where there was exactly one).</p>
            <form action="/statistics" method="get" class="app-inline-form">
            <input type="hidden" name="area" value="{H(input.Area)}">
            {(dateError is null ? "" : $"<p id=\"dates-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {H(dateError)}</p>")}
            <div class="govuk-form-group"><label class="govuk-label" for="from">From</label><input class="govuk-input app-date" type="date" id="from" name="from" value="{Iso(input.From)}" max="{Iso(today)}"></div>
            <div class="govuk-form-group"><label class="govuk-label" for="to">To</label><input class="govuk-input app-date" type="date" id="to" name="to" value="{Iso(input.To)}" max="{Iso(today)}"></div>
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show movements</button>
            </form>
            <p class="govuk-body" id="moves-summary">From {Date(input.From)} to {Date(input.To)}: {improved.Count} improved, {declined.Count} declined, {same} kept the same grade.
            Data: <a class="govuk-link" href="{Api}/statistics/transitions?area={a}&amp;from={Iso(input.From)}&amp;to={Iso(input.To)}&amp;format=csv">CSV</a>.</p>
            <div class="govuk-grid-row">
            """);
        foreach (var (heading, id, list) in new[] { ("Improved", "improved", improved), ("Declined", "declined", declined) })
        {
            sb.Append($"<div class=\"govuk-grid-column-one-half\"><h3 class=\"govuk-heading-m\">{heading} ({list.Count})</h3><ul class=\"govuk-list\" id=\"{id}\">");
            foreach (var m in list)
                sb.Append($"<li><a class=\"govuk-link\" href=\"/councils/{H(m.Council.Slug)}\">{H(m.Council.Name)}</a>: {Labels.Tag(AreaState.Graded, m.From.Grade)} → {Labels.Tag(AreaState.Graded, m.To.Grade)} <span class=\"app-muted\">{Date(m.To.Published)}</span></li>");
            if (list.Count == 0) sb.Append("<li>None</li>");
            sb.Append("</ul></div>");
        }
        sb.Append("</div></section>");
        return new PageResult($"Statistics: {AreaNames.Full(input.Area)}", sb.ToString(), "statistics", input.Errors.Count > 0 ? 400 : 200);
    }

    public static async Task<IResult> Chart(string chart, string format, HttpContext http, VocabularySource vocabularies, string? area)
    {
        var vocabulary = await vocabularies.GetAsync();
        var today = England.Today(http);
        var chosen = area ?? Labels.PageAreas[0];
        if (!Labels.PageAreas.Contains(chosen))
            return Problems.Invalid([new ParameterError("area", $"'{area}' is not an area the charts draw.", Labels.PageAreas)]);
        var snapshot = await http.SnapshotAsync();
        // A downloaded chart travels alone: it names its source and its date.
        var source = $"Source: Ofsted's reports, via {PageResult.ServiceName}, {Date(today)}. OGL v3.0.";
        var svg = chart == "timeline"
            ? TimelineSvg(await TimelineAsync(snapshot, vocabulary, chosen, today), source)
            : RegionsSvg(await RegionsAsync(snapshot, vocabulary, chosen, today), source);
        var name = $"{chart}-{chosen}-{Iso(today)}";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.{format}\"";
        if (format == "svg") return Results.Text(svg, "image/svg+xml; charset=utf-8");
        return Results.Bytes(ChartPng.From(svg), "image/png");
    }
}
