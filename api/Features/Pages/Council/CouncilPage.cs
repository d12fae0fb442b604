using JudgementsApi.Features.Councils;
using JudgementsApi.Features.FocusedVisits;
using JudgementsApi.Features.Inspections;
using JudgementsApi.Features.Statistics;
using static JudgementsApi.Features.Pages.Html;

namespace JudgementsApi.Features.Pages.Council;

/// <summary>
/// GET /councils/{id}: a council's latest grades, its whole history (with the councils it replaced),
/// its statistical neighbours, and its region and England beside it. Built from the readers behind
/// /v1/councils/{id}, /inspections?includePredecessors=true, /focused-visits and /neighbours.
/// </summary>
public static class CouncilPage
{
    public static async Task<IResult> Get(string id, HttpContext http, VocabularySource vocabularies)
    {
        var vocabulary = await vocabularies.GetAsync();
        var snapshot = await http.SnapshotAsync();
        var council = snapshot.CouncilIndex.Find(id) is { } found ? CouncilReader.Detail(snapshot, found.Code) : null;
        if (council is null) return PageResult.NotFound("council called '" + id + "'");
        if (id != council.Slug) return Results.Redirect($"/councils/{council.Slug}", permanent: true);

        var (history, _) = InspectionReader.ForCouncil(snapshot, council.Code, true, Paging.All);
        var lineage = new[] { council.Code }.Concat(council.Predecessors.Select(p => p.Code)).ToArray();
        var (visits, _) = FocusedVisitReader.Query(snapshot, new FocusedVisitFilter { CouncilCodes = lineage }, Paging.All);
        var neighbourItems = CouncilReader.ByCodes(snapshot, [council.Code, .. council.StatisticalNeighbours.Select(n => n.Code)]);
        var today = England.Today(http);
        var councils = Standings.Councils(snapshot);
        var byRegion = new List<Distribution>();
        foreach (var family in Labels.PageAreas)
            byRegion.Add(DistributionEndpoint.Compute(snapshot, vocabulary, councils, family, null, "region", today, false).Result);

        var sb = new StringBuilder();
        sb.Append($"""
            <span class="govuk-caption-l">{H(CouncilTypes.Label(council.Type))}, {H(council.Region.Name)}</span>
            <h1 class="govuk-heading-xl">{H(council.Name)}</h1>
            """);
        if (!council.Current)
            sb.Append($"<div class=\"govuk-inset-text\">This council no longer exists{(council.Closed is { } c ? $": its last day was {Date(c)}" : "")}. " +
                      string.Join(" ", council.Successors.Select(s => $"It was replaced by <a class=\"govuk-link\" href=\"/councils/{H(s.Slug)}\">{H(s.Name)}</a> on {Date(s.Date)}.")) + "</div>");
        if (council.Predecessors.Count > 0)
            sb.Append($"<p class=\"govuk-body\">Formed on {Date(council.Predecessors[0].Date)}, replacing " +
                      string.Join(", ", council.Predecessors.Select(p => $"<a class=\"govuk-link\" href=\"/councils/{H(p.Slug)}\">{H(p.Name)}</a>")) + ". " +
                      (history.Any(i => i.Council.Code != council.Code)
                          ? "Their inspections are in the history below, labelled; their grades are not this council's.</p>"
                          : "The data holds no inspection reports of the councils it replaced (see <a class=\"govuk-link\" href=\"/about\">known gaps</a>).</p>"));

        sb.Append(Latest(council.Latest));
        sb.Append(Timeline(council, history, visits));
        sb.Append(Neighbours(council, neighbourItems));
        sb.Append(RegionAndEngland(council, byRegion));
        sb.Append(DataLinks(council));
        return new PageResult(council.Name, sb.ToString(), "", description: $"Ofsted's judgements on {council.Name}'s children's services, with its full inspection history.");
    }

    private static string Latest(InspectionSummary? latest)
    {
        var sb = new StringBuilder("<section class=\"app-section\" aria-labelledby=\"latest-heading\"><h2 class=\"govuk-heading-l\" id=\"latest-heading\">Latest grades</h2>");
        if (latest is null)
            return sb.Append("<p class=\"govuk-body\" id=\"latest\">No full inspection of this council is in the data yet.</p></section>").ToString();
        sb.Append($"<p class=\"govuk-body\">From the {H(InspectionTypes.Heading(latest.Type).ToLowerInvariant())}, report published {Date(latest.Published, latest.PublishedPrecision)}" +
                  (latest.ReportUrl is null ? "." : $": <a class=\"govuk-link\" href=\"{H(latest.ReportUrl)}\">read the report on Ofsted's website</a>.") + "</p>");
        sb.Append("<dl class=\"govuk-summary-list\" id=\"latest\">");
        // Overall effectiveness is named even when the latest framework (April 2026) no longer grades it.
        foreach (var family in latest.Grades.Keys.Append("overall_effectiveness").Distinct().OrderBy(Vocabulary.FamilyRank))
            sb.Append($"<div class=\"govuk-summary-list__row\" data-area=\"{family}\"><dt class=\"govuk-summary-list__key\">{H(AreaNames.Full(family))}</dt><dd class=\"govuk-summary-list__value\">{Labels.Tag(latest, family)}</dd></div>");
        sb.Append("</dl></section>");
        return sb.ToString();
    }

    private abstract record Event(DateOnly Date);
    private sealed record InspectionEvent(InspectionSummary I) : Event(I.Published);
    private sealed record VisitEvent(FocusedVisit V) : Event(V.LetterDate);

    private static string Timeline(CouncilDetail council, IReadOnlyList<InspectionSummary> history, IReadOnlyList<FocusedVisit> visits)
    {
        var events = history.Select(i => (Event)new InspectionEvent(i)).Concat(visits.Select(v => new VisitEvent(v)))
            .OrderBy(e => e.Date).ThenBy(e => e is VisitEvent ? 1 : 0).ToList();
        var sb = new StringBuilder($"""
            <section class="app-section" aria-labelledby="history-heading">
            <h2 class="govuk-heading-l" id="history-heading">History</h2>
            <p class="govuk-body">Every inspection and focused visit in the data, oldest first ({history.Count} inspection{(history.Count == 1 ? "" : "s")}, {visits.Count} focused visit{(visits.Count == 1 ? "" : "s")}). Focused visits are not graded; Ofsted may name areas for priority action.</p>
            <ol class="app-timeline" id="timeline">
            """);
        foreach (var e in events)
        {
            switch (e)
            {
                case InspectionEvent { I: var i }:
                    var other = i.Council.Code != council.Code;
                    sb.Append($"<li class=\"app-timeline__item\" data-kind=\"inspection\" data-id=\"{H(i.Id)}\"><h3 class=\"govuk-heading-s app-timeline__title\">{Date(i.Published, i.PublishedPrecision)}: {H(InspectionTypes.Heading(i.Type))}</h3>");
                    if (other) sb.Append($"<p class=\"govuk-body-s\"><strong class=\"govuk-tag govuk-tag--grey\">Predecessor</strong> An inspection of <a class=\"govuk-link\" href=\"/councils/{H(i.Council.Slug)}\">{H(i.Council.Name)}</a>, the council this one replaced.</p>");
                    if (i.Grades.Count > 0)
                    {
                        sb.Append("<ul class=\"govuk-list app-timeline__grades\">");
                        foreach (var (family, _) in i.Grades.OrderBy(g => Vocabulary.FamilyRank(g.Key)))
                            sb.Append($"<li data-area=\"{family}\">{H(AreaNames.Full(family))}: {Labels.Tag(i, family)}</li>");
                        sb.Append("</ul>");
                    }
                    sb.Append("<p class=\"govuk-body-s\">" + (i.StartDate is { } s && i.EndDate is { } en ? $"Inspected {Date(s)} to {Date(en)}. " : "")
                              + (i.ReportUrl is null ? "No report link: see the source in the data. " : $"<a class=\"govuk-link\" href=\"{H(i.ReportUrl)}\">Report</a> · ")
                              + $"<a class=\"govuk-link\" href=\"{Api}/inspections/{Url(i.Id)}\">Data and source (JSON)</a></p></li>");
                    break;
                case VisitEvent { V: var v }:
                    sb.Append($"<li class=\"app-timeline__item app-timeline__item--visit\" data-kind=\"focused-visit\" data-id=\"{H(v.Id)}\"><h3 class=\"govuk-heading-s app-timeline__title\">{(v.VisitStart is { } vs ? Date(vs) : Date(v.LetterDate))}: Focused visit</h3>");
                    if (v.Council.Code != council.Code) sb.Append($"<p class=\"govuk-body-s\"><strong class=\"govuk-tag govuk-tag--grey\">Predecessor</strong> A visit to {H(v.Council.Name)}.</p>");
                    sb.Append($"<p class=\"govuk-body-s\">Letter published {Date(v.LetterDate)}. Looked at {H(v.Focus)}.</p>");
                    sb.Append(v.PriorityAction
                        ? "<p class=\"govuk-body-s\"><strong class=\"govuk-tag app-priority\">Areas for priority action</strong> Ofsted named areas for priority action.</p>"
                        : "<p class=\"govuk-body-s\">No areas for priority action.</p>");
                    sb.Append("</li>");
                    break;
            }
        }
        sb.Append("</ol></section>");
        return sb.ToString();
    }

    private static string GradeCells(InspectionSummary? latest) =>
        string.Concat(Labels.PageAreas.Select(f => $"<td class=\"govuk-table__cell\" data-area=\"{f}\">{Labels.Tag(latest, f)}</td>"));

    private static string AreaHeaders() =>
        string.Concat(Labels.PageAreas.Select(f => $"<th scope=\"col\" class=\"govuk-table__header\">{H(AreaNames.Short(f))}</th>"));

    private static string Neighbours(CouncilDetail council, IReadOnlyDictionary<string, CouncilItem> items)
    {
        if (council.StatisticalNeighbours.Count == 0) return "";
        var rows = new[] { (Rank: 0, Code: council.Code) }.Concat(council.StatisticalNeighbours.Select(n => (n.Rank, n.Code)))
            .Where(r => items.ContainsKey(r.Code)).ToList();
        var sb = new StringBuilder($"""
            <section class="app-section" aria-labelledby="neighbours-heading">
            <h2 class="govuk-heading-l" id="neighbours-heading">Beside its statistical neighbours</h2>
            <p class="govuk-body">The Department for Education's statistical neighbours are the councils most like this one. Latest grades of each:</p>
            <div class="app-table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on small screens)"><table class="govuk-table app-table--small" id="neighbours">
            <caption class="govuk-table__caption govuk-table__caption--s">{H(council.Name)} and its statistical neighbours, latest grades</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Council</th><th scope="col" class="govuk-table__header">Published</th>{AreaHeaders()}</tr></thead>
            <tbody class="govuk-table__body">
            """);
        foreach (var (rank, code) in rows)
        {
            var c = items[code];
            var name = rank == 0 ? $"<strong>{H(c.Name)}</strong>" : $"<a class=\"govuk-link\" href=\"/councils/{H(c.Slug)}\">{H(c.Name)}</a>";
            sb.Append($"<tr class=\"govuk-table__row\" data-code=\"{c.Code}\"><th scope=\"row\" class=\"govuk-table__header\">{name}</th><td class=\"govuk-table__cell\">{(c.Latest is { } l ? Date(l.Published, l.PublishedPrecision) : "–")}</td>{GradeCells(c.Latest)}</tr>");
        }
        var compare = string.Join(",", rows.Select(r => items[r.Code].Slug).Take(ComparePage.MaxCouncils));
        sb.Append($"</tbody></table></div><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/compare?councils={H(compare)}\">Compare them with their previous grades</a></p></section>");
        return sb.ToString();
    }

    private static string RegionAndEngland(CouncilDetail council, IReadOnlyList<Distribution> byRegion)
    {
        var sb = new StringBuilder($"""
            <section class="app-section" aria-labelledby="region-heading">
            <h2 class="govuk-heading-l" id="region-heading">Its region and England today</h2>
            <p class="govuk-body">Share of councils judged good or outstanding in each area, by each council's latest full inspection.</p>
            <div class="app-table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on small screens)"><table class="govuk-table app-table--small" id="region-england">
            <caption class="govuk-table__caption govuk-table__caption--s">{H(council.Name)}, {H(council.Region.Name)} and England</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Area</th><th scope="col" class="govuk-table__header">{H(council.Name)}</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">{H(council.Region.Name)}: good or outstanding</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">England: good or outstanding</th></tr></thead>
            <tbody class="govuk-table__body">
            """);
        foreach (var d in byRegion)
        {
            var region = d.Groups.FirstOrDefault(g => g.Code == council.Region.Code);
            sb.Append($"<tr class=\"govuk-table__row\" data-area=\"{d.Area}\"><th scope=\"row\" class=\"govuk-table__header\">{H(AreaNames.Full(d.Area))}</th><td class=\"govuk-table__cell\">{Labels.Tag(council.Latest, d.Area)}</td>" +
                      $"<td class=\"govuk-table__cell govuk-table__cell--numeric\">{(region is null ? "–" : GoodOrBetter(region.Counts, region.Judged))}</td>" +
                      $"<td class=\"govuk-table__cell govuk-table__cell--numeric\">{GoodOrBetter(d.England.Counts, d.England.Judged)}</td></tr>");
        }
        sb.Append("</tbody></table></div></section>");
        return sb.ToString();
    }

    private static string GoodOrBetter(IReadOnlyDictionary<string, int> counts, int judged)
    {
        var n = counts.GetValueOrDefault("outstanding") + counts.GetValueOrDefault("good");
        return judged == 0 ? "none judged" : $"{n} of {judged} ({Percent(Distributions.Percent(n, judged))})";
    }

    private static string DataLinks(CouncilDetail c)
    {
        var slug = Url(c.Slug);
        return $"""
            <section class="app-section" aria-labelledby="data-heading">
            <h2 class="govuk-heading-l" id="data-heading">Use this data</h2>
            <ul class="govuk-list govuk-list--bullet">
            <li><a class="govuk-link" href="/embed/councils/{slug}">Embed this council's latest grades</a> in your page, or use the <a class="govuk-link" href="{Api}/councils/{slug}/badge.svg">badge image</a></li>
            <li>History as a spreadsheet: <a class="govuk-link" href="{Api}/councils/{slug}/inspections?includePredecessors=true&amp;format=csv">inspections (CSV)</a>, <a class="govuk-link" href="{Api}/councils/{slug}/focused-visits?format=csv">focused visits (CSV)</a>, <a class="govuk-link" href="{Api}/councils/{slug}/neighbours?format=csv">statistical neighbours (CSV)</a></li>
            <li>The same as JSON: <a class="govuk-link" href="{Api}/councils/{slug}">council</a>, <a class="govuk-link" href="{Api}/councils/{slug}/inspections?includePredecessors=true">inspections</a></li>
            </ul>
            <p class="govuk-body-s">Codes: ONS {H(c.Code)}{(c.LaCode is null ? "" : $", DfE {H(c.LaCode)}")}{(c.OfstedUrn is null ? "" : $", Ofsted URN {H(c.OfstedUrn)}")}.</p>
            </section>
            """;
    }
}
