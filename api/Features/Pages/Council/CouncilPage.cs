using JudgementsApi.Features.Councils;
using JudgementsApi.Features.FocusedVisits;
using JudgementsApi.Features.Inspections;
using JudgementsApi.Features.Pages.Compare;
using JudgementsApi.Features.Statistics;
using Microsoft.AspNetCore.Components;
using static JudgementsApi.Features.Pages.Html;

namespace JudgementsApi.Features.Pages.Council;

/// <summary>
/// GET /councils/{id}: a council's latest grades, its whole history (with the councils it replaced),
/// its statistical neighbours, and its region and England beside it. Built from the readers behind
/// /v1/councils/{id}, /inspections?includePredecessors=true, /focused-visits and /neighbours.
/// </summary>
public sealed partial class CouncilPage
{
    public sealed record Model(CouncilDetail Council, IReadOnlyList<InspectionSummary> History, IReadOnlyList<FocusedVisit> Visits,
        IReadOnlyDictionary<string, CouncilItem> Neighbours, IReadOnlyList<Distribution> ByRegion, CouncilStory Story,
        string Origin);

    [Parameter, EditorRequired] public Model M { get; set; } = null!;

    public static async Task<IResult> Get(string id, HttpContext http, VocabularySource vocabularies)
    {
        var vocabulary = await vocabularies.GetAsync();
        var snapshot = await http.SnapshotAsync();
        var council = snapshot.CouncilIndex.Find(id) is { } found ? CouncilReader.Detail(snapshot, found.Code) : null;
        if (council is null) return Page.NotFound($"council called '{id}'");
        if (id != council.Slug) return Results.Redirect($"/councils/{council.Slug}", permanent: true);

        var (history, _) = InspectionReader.ForCouncil(snapshot, council.Code, true, Paging.All);
        var lineage = new[] { council.Code }.Concat(council.Predecessors.Select(p => p.Code)).ToArray();
        var (visits, _) = FocusedVisitReader.Query(snapshot, new FocusedVisitFilter { CouncilCodes = lineage }, Paging.All);
        var neighbours = CouncilReader.ByCodes(snapshot, [council.Code, .. council.StatisticalNeighbours.Select(n => n.Code)]);
        var today = England.Today(http);
        var byRegion = Labels.PageAreas.Select(area => GradeStatistics.Distribution(snapshot, area, null, "region", today, false)).ToList();
        var story = CouncilStory.Of(snapshot, history, visits);
        return Page.Show<CouncilPage>(new { M = new Model(council, history, visits, neighbours, byRegion, story,
            http.RequestServices.GetRequiredService<PublicUrls>().Base(http)) });
    }

    /// <summary>GET /councils/{id}/card.png: the council's grades card (its large badge) as a PNG, shown with a shared link.</summary>
    public static async Task<IResult> Card(string id, HttpContext http)
    {
        var headline = Badges.CouncilHeadline.Load(await http.SnapshotAsync(), id);
        if (headline is null) return Page.NotFound($"council called '{id}'");
        return Results.Bytes(Statistics.ChartPng.From(Badges.Badge.Render(headline, "large")), "image/png");
    }

    private CouncilDetail C => M.Council;

    private PreviewImage Preview => new($"/councils/{C.Slug}/card.png", $"{C.Name}: its latest Ofsted grades, in words and colours");

    /// <summary>
    /// The badge and the widget as a page would paste them, with this site's address. The copied text is HTML, so
    /// attribute values are HTML-encoded ("Brighton &amp; Hove"); Razor then escapes the whole text for display.
    /// </summary>
    private string BadgeSnippet =>
        $"<img src=\"{Attr($"{M.Origin}{Api}/councils/{C.Code}/badge.svg")}\" alt=\"{Attr($"Latest Ofsted judgements for {C.Name}")}\">";

    private string WidgetSnippet =>
        $"<iframe src=\"{Attr($"{M.Origin}/embed/councils/{C.Code}")}\" title=\"{Attr($"Ofsted judgements for {C.Name}")}\" "
        + "width=\"420\" height=\"230\" style=\"border:0\"></iframe>";

    private static string Attr(string value) => System.Net.WebUtility.HtmlEncode(value);

    /// <summary>The council, then its statistical neighbours by rank (those the data holds).</summary>
    private List<CouncilItem> Neighbours =>
        new[] { C.Code }.Concat(C.StatisticalNeighbours.Select(n => n.Code)).Where(M.Neighbours.ContainsKey)
            .Select(c => M.Neighbours[c]).ToList();

    private string CompareHref => "/compare?councils=" + string.Join(",", Neighbours.Select(n => n.Slug).Take(ComparePage.MaxCouncils));

    private static string GoodOrBetter(IReadOnlyDictionary<string, int> counts, int judged)
    {
        var n = counts.GetValueOrDefault("outstanding") + counts.GetValueOrDefault("good");
        return judged == 0 ? "none judged" : $"{n} of {judged} ({Percent(Distributions.Percent(n, judged))})";
    }
}
