using JudgementsApi.Features.FocusedVisits;
using JudgementsApi.Features.Statistics;
using static JudgementsApi.Features.Pages.Html;

namespace JudgementsApi.Features.Pages.Home;

/// <summary>
/// GET /: the national picture on a day (today unless asOf is given): councils per grade in each
/// area, the hex map of the chosen area, what's new, and the search box. Numbers come from
/// <see cref="DistributionEndpoint.Compute"/>, as /v1/statistics/distribution answers them.
/// </summary>
public static class HomePage
{
    /// <summary>The map goes back to the single inspection framework's first year.</summary>
    public static readonly DateOnly Earliest = new(2013, 1, 1);

    public static async Task<IResult> Get(HttpContext http, VocabularySource vocabularies, string? asOf, string? area)
    {
        var vocabulary = await vocabularies.GetAsync();
        var today = England.Today(http);
        var errors = new List<(string, string)>();
        var day = today;
        if (!string.IsNullOrEmpty(asOf))
        {
            if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", out day)) { errors.Add(("asOf", "Enter the date as day, month and year, for example 2024-03-31")); day = today; }
            else if (day < Earliest) { errors.Add(("asOf", $"The date must be on or after {Date(Earliest)}")); day = today; }
            else if (day > today) { errors.Add(("asOf", $"The date must be today ({Date(today)}) or earlier")); day = today; }
        }
        var chosen = area ?? Labels.PageAreas[0];
        if (!Labels.PageAreas.Contains(chosen)) { errors.Add(("area", "Choose one of the judgement areas listed")); chosen = Labels.PageAreas[0]; }

        var snapshot = await http.SnapshotAsync();
        var councils = Standings.Councils(snapshot);
        var distributions = new List<Distribution>();
        List<CouncilStanding> standings = [];
        foreach (var family in Labels.PageAreas)
        {
            var (d, s) = DistributionEndpoint.Compute(snapshot, vocabulary, councils, family, null, "none", day, family == chosen);
            distributions.Add(d);
            if (s is not null) standings = s;
        }
        var summary = SummaryEndpoint.Build(snapshot, vocabulary, today);
        var (visits, _) = FocusedVisitReader.Query(snapshot, new FocusedVisitFilter(), new Paging(8, 0));

        var sb = new StringBuilder();
        sb.Append(Forms.ErrorSummary(errors));
        sb.Append($"""
            <h1 class="govuk-heading-xl">How are councils' children's services rated?</h1>
            <p class="govuk-body-l">Ofsted's judgements on every English council's services for children who need help and protection, children in care and care leavers, read from the inspection reports.</p>
            <form class="app-search" action="/search" method="get" role="search">
            <div class="govuk-form-group">
            <label class="govuk-label govuk-label--m" for="q">Find a council</label>
            <div class="govuk-hint" id="q-hint">A name, such as Telford and Wrekin, BCP or Hull, or a code such as E06000051 or 893</div>
            <div class="app-search__row"><input class="govuk-input govuk-!-width-two-thirds" id="q" name="q" type="search" aria-describedby="q-hint" autocomplete="off">
            <button type="submit" class="govuk-button app-search__button" data-module="govuk-button">Search</button></div>
            </div></form>
            """);

        // After an error the control keeps what was typed (a date input can show only a well-formed date).
        var typed = errors.Any(e => e.Item1 == "asOf") && DateOnly.TryParseExact(asOf, "yyyy-MM-dd", out _) ? asOf! : Iso(day);
        sb.Append(MapSection(day, today, chosen, distributions[Array.IndexOf(Labels.PageAreas, chosen)], standings, errors, typed));
        sb.Append(CountsTable(day, today, distributions));
        sb.Append(WhatsNew(summary, visits));
        var status = errors.Count > 0 ? 400 : 200;
        return new PageResult(day == today ? "The national picture" : $"The national picture on {Date(day)}", sb.ToString(), "home", status);
    }

    private static string MapSection(DateOnly day, DateOnly today, string area, Distribution distribution,
        IReadOnlyList<CouncilStanding> standings, List<(string Field, string Message)> errors, string typed)
    {
        var cells = new List<Svg.MapCell>();
        var missing = new List<CouncilStanding>();
        foreach (var s in standings)
        {
            if (!HexLayout.Hexes.TryGetValue(s.Code, out var hex)) { missing.Add(s); continue; }
            var state = Labels.OfStatus(s.Status);
            var label = Labels.Text(state, s.Grade) + (s.Published is { } p ? $" (report published {Date(p)})" : "");
            cells.Add(new Svg.MapCell(hex, s.Slug, label, state, s.Grade));
        }
        var e = distribution.England;
        var dayText = day == today ? "today" : $"on {Date(day)}";
        var title = $"{AreaNames.Full(area)}: each council's latest grade {dayText}";
        var desc = $"Hex map of England, one hexagon per council ({cells.Count} councils in operation {dayText}), coloured by the grade of its most recent full inspection in {AreaNames.Full(area).ToLowerInvariant()}. "
                   + string.Join("; ", e.Counts.Select(c => $"{GradePalette.For(c.Key).Label}: {c.Value}")) + $"; not inspected {e.NotInspected}; not graded {e.NotGraded}; unknown {e.Unknown}.";

        var sb = new StringBuilder();
        var error = errors.FirstOrDefault(x => x.Field == "asOf").Message;
        sb.Append($"""
            <section class="app-section" id="map" aria-labelledby="map-heading">
            <h2 class="govuk-heading-l" id="map-heading">{H(title)}</h2>
            <form class="app-map-form" action="/" method="get" id="map-form">
            <div class="app-map-form__fields">
            <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">
            <label class="govuk-label" for="asOf">As at</label>
            <div class="govuk-hint" id="asOf-hint">Any date from {Date(Earliest)} to today</div>
            {(error is null ? "" : $"<p id=\"asOf-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {H(error)}</p>")}
            <input class="govuk-input app-date" id="asOf" name="asOf" type="date" value="{H(typed)}" min="{Iso(Earliest)}" max="{Iso(today)}" aria-describedby="asOf-hint{(error is null ? "" : " asOf-error")}">
            </div>
            <div class="govuk-form-group">
            <label class="govuk-label" for="area">Judgement area</label>
            <select class="govuk-select" id="area" name="area">
            {string.Concat(Labels.PageAreas.Select(a => $"<option value=\"{a}\"{(a == area ? " selected" : "")}>{H(AreaNames.Full(a))}</option>"))}
            </select>
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show the map</button>
            </div>
            </form>
            <div id="map-body">
            <div class="app-map">
            <div class="app-map__picture">{Svg.HexMap(cells, title, desc)}</div>
            <div class="app-map__key">{Key(Labels.ShownGrades(e.Counts.Keys, g => e.Counts[g] > 0))}
            <p class="govuk-body-s">{cells.Count} councils in operation {H(dayText)}. Each hexagon links to the council's page; London is the cluster in the south-east. The layout is a drawing aid: hexagons are the same size whatever the council's population.</p>
            </div>
            </div>
            """);
        if (missing.Count > 0)
            sb.Append($"<p class=\"govuk-body\">Not on the map: {H(string.Join(", ", missing.Select(m => m.Name)))}.</p>");
        sb.Append($"""
            <details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">The map as a table</span></summary>
            <div class="govuk-details__text app-table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on small screens)"><table class="govuk-table app-table--small" id="map-table">
            <caption class="govuk-table__caption govuk-table__caption--s">{H(title)}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Council</th><th scope="col" class="govuk-table__header">Region</th><th scope="col" class="govuk-table__header">Grade</th><th scope="col" class="govuk-table__header">Report published</th></tr></thead>
            <tbody class="govuk-table__body">
            """);
        foreach (var s in standings)
            sb.Append($"<tr class=\"govuk-table__row\" data-code=\"{s.Code}\"><th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"/councils/{H(s.Slug)}\">{H(s.Name)}</a></th>" +
                      $"<td class=\"govuk-table__cell\">{H(s.Region.Name)}</td><td class=\"govuk-table__cell\">{H(Labels.Text(Labels.OfStatus(s.Status), s.Grade))}</td>" +
                      $"<td class=\"govuk-table__cell\">{(s.Published is { } p ? Date(p) : "")}</td></tr>");
        sb.Append("</tbody></table></div></details></div></section>");
        return sb.ToString();
    }

    /// <summary>The key: every grade of the scale, then the states that are not grades.</summary>
    public static string Key(IEnumerable<string> grades)
    {
        var items = grades.Select(g => (AreaState.Graded, (string?)g))
            .Concat([(AreaState.Unknown, null), (AreaState.NotJudged, null), (AreaState.NotGraded, null), (AreaState.NotInspected, null)]);
        return "<h3 class=\"govuk-heading-s\">Key</h3><ul class=\"govuk-list app-key\">" + string.Concat(items.Select(i =>
            $"<li><span class=\"app-key__swatch {Labels.CssClass(i.Item1, i.Item2)}\"></span>{H(Labels.Text(i.Item1, i.Item2))}</li>")) + "</ul>";
    }

    private static string CountsTable(DateOnly day, DateOnly today, IReadOnlyList<Distribution> distributions)
    {
        var grades = distributions.SelectMany(d => d.England.Counts.Keys).Distinct()
            .OrderBy(g => distributions.Select(d => d.England.Counts.Keys.ToList().IndexOf(g)).Where(i => i >= 0).Min()).ToList();
        grades = Labels.ShownGrades(grades, g => distributions.Any(d => d.England.Counts.GetValueOrDefault(g) > 0));
        var councils = distributions[0].England.Councils;
        var dayText = day == today ? "today" : $"on {Date(day)}";
        var sb = new StringBuilder();
        sb.Append($"""
            <section class="app-section" id="counts-section" aria-labelledby="counts-heading">
            <h2 class="govuk-heading-l" id="counts-heading">Councils at each grade {H(dayText)}</h2>
            <p class="govuk-body">{councils} councils were in operation {H(dayText)}. Each is counted by its most recent full inspection published by then. Percentages are of the councils judged in the area: a council not inspected yet, or whose latest inspection does not grade the area, is not in the denominator.</p>
            <div class="app-table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on small screens)"><table class="govuk-table" id="counts">
            <caption class="govuk-table__caption govuk-table__caption--m">Councils by grade, {H(dayText)}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Area</th>
            {string.Concat(grades.Select(g => $"<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">{H(GradePalette.For(g).Label)}</th>"))}
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Judged (denominator)</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Not inspected</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Not graded</th></tr></thead>
            <tbody class="govuk-table__body">
            """);
        foreach (var d in distributions)
        {
            var e = d.England;
            sb.Append($"<tr class=\"govuk-table__row\" id=\"counts-{d.Area}\"><th scope=\"row\" class=\"govuk-table__header\">{H(AreaNames.Full(d.Area))}</th>");
            foreach (var g in grades)
                sb.Append(e.Counts.TryGetValue(g, out var n)
                    ? $"<td class=\"govuk-table__cell govuk-table__cell--numeric\" data-grade=\"{g}\">{n} <span class=\"app-muted\">({Percent(e.Percentages[g])})</span></td>"
                    : "<td class=\"govuk-table__cell govuk-table__cell--numeric\">–</td>");
            sb.Append($"<td class=\"govuk-table__cell govuk-table__cell--numeric\" data-count=\"judged\">{e.Judged}</td><td class=\"govuk-table__cell govuk-table__cell--numeric\" data-count=\"notInspected\">{e.NotInspected}</td><td class=\"govuk-table__cell govuk-table__cell--numeric\" data-count=\"notGraded\">{e.NotGraded}</td></tr>");
        }
        sb.Append("</tbody></table></div>");
        sb.Append($"<p class=\"govuk-body\">The same figures as data: <a class=\"govuk-link\" href=\"{Api}/statistics/distribution?asOf={Iso(day)}&amp;format=csv\">CSV</a>, <a class=\"govuk-link\" href=\"{Api}/statistics/distribution?asOf={Iso(day)}\">JSON</a>. <a class=\"govuk-link\" href=\"/statistics\">Trends since 2014</a>.</p></section>");
        return sb.ToString();
    }

    private static string WhatsNew(Summary summary, IReadOnlyList<FocusedVisit> visits)
    {
        var sb = new StringBuilder();
        sb.Append("""
            <section class="app-section" aria-labelledby="new-heading">
            <h2 class="govuk-heading-l" id="new-heading">What's new</h2>
            <div class="govuk-grid-row"><div class="govuk-grid-column-one-half">
            <h3 class="govuk-heading-m">Latest inspections</h3><ul class="govuk-list app-news" id="latest-inspections">
            """);
        foreach (var i in summary.LatestInspections)
            sb.Append($"<li><a class=\"govuk-link\" href=\"/councils/{H(i.Council.Slug)}\">{H(i.Council.Name)}</a> <span class=\"app-muted\">{Date(i.Published, i.PublishedPrecision)}</span><br>" +
                      string.Join(" ", i.Grades.Keys.Where(f => Labels.PageAreas.Contains(f)).OrderBy(Vocabulary.FamilyRank)
                          .Select(f => $"<span class=\"app-nowrap\">{H(AreaNames.Short(f))}: {Labels.Tag(i, f)}</span>")) + "</li>");
        sb.Append("</ul></div><div class=\"govuk-grid-column-one-half\"><h3 class=\"govuk-heading-m\">Latest focused visits</h3><ul class=\"govuk-list app-news\" id=\"latest-visits\">");
        foreach (var v in visits)
            sb.Append($"<li><a class=\"govuk-link\" href=\"/councils/{H(v.Council.Slug)}\">{H(v.Council.Name)}</a> <span class=\"app-muted\">letter {Date(v.LetterDate)}</span><br>{H(v.Focus)}" +
                      (v.PriorityAction ? " <strong class=\"govuk-tag app-priority\">Areas for priority action</strong>" : "") + "</li>");
        sb.Append("</ul>");
        var pa = summary.PriorityActionVisits;
        sb.Append($"<p class=\"govuk-body\">{pa.Visits.Count} focused visit{(pa.Visits.Count == 1 ? "" : "s")} named areas for priority action in the 12 months to {Date(pa.To)}" +
                  (pa.Visits.Count == 0 ? "." : ": " + string.Join(", ", pa.Visits.Select(v => $"<a class=\"govuk-link\" href=\"/councils/{H(v.Council.Slug)}\">{H(v.Council.Name)}</a> ({Date(v.LetterDate)})")) + "."));
        sb.Append("</p></div></div></section>");
        return sb.ToString();
    }
}
