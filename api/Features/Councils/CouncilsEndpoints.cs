using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.Councils;

public static class CouncilsEndpoints
{
    /// <summary>The most councils a list parameter names at once (the query string is capped at 4,096 characters anyway).</summary>
    public const int MaxCouncils = 200;

    public static RouteGroupBuilder MapCouncils(this RouteGroupBuilder v1)
    {
        var councils = v1.MapGroup("/councils").WithTags("Councils");

        councils.MapGet("/", List).WithCsv()
            .WithName("ListCouncils")
            .WithSummary("Councils with their latest grades")
            .WithDescription("English councils with children's services responsibilities, by name, each with its latest full inspection and its grade per area. Current councils by default. `grade` alone matches a grade in any area of the latest full inspection; add `area` (overall_effectiveness, leadership …) to say which.");

        // The timeliness counts days to today, so the answer changes at midnight as well as on import.
        councils.MapGet("/{id}", Get).ForCouncilPath().VariesByDay()
            .WithName("GetCouncil")
            .WithSummary("One council")
            .WithDescription("""
                A council by ONS code (E06000051), DfE code (893), Ofsted URN (80552), former ONS code or slug (shropshire):
                identity, latest grades, predecessors and successors, former codes, statistical neighbours and counts. A name
                (`Telford and Wrekin`, `telford-&-wrekin`, `Kingston upon Hull`, `hull`, `bcp`, `saint helens`, `Brighton`)
                redirects (302) to the council's URL by slug, here, on its sub-resources and on /embed/councils/{id}; a name
                that matches no council is a 404 problem whose `suggestions` list the closest councils. `timeliness` counts
                the days from the publication of its latest full inspection, and of its latest report or letter of any kind,
                to today.
                """);

        councils.MapGet("/{id}/neighbours", Neighbours).WithCsv().ForCouncilPath()
            .WithName("ListCouncilNeighbours")
            .WithSummary("A council beside its statistical neighbours")
            .WithDescription("The council itself (rank 0), then its statistical neighbours in DfE's order, each with its latest grades.");

        v1.MapGet("/regions", Regions).WithCsv().WithTags("Councils")
            .WithName("ListRegions")
            .WithSummary("Regions")
            .WithDescription("The nine English regions, with the number of current councils in each.");

        return v1;
    }

    private static async Task<Results<Ok<Page<CouncilItem>>, CsvResult<CouncilItem>, ProblemHttpResult>> List(
        [AsParameters] CouncilListQuery query, [AsParameters] ListQuery page, HttpContext http)
    {
        var snapshot = await http.SnapshotAsync();
        return http.PageOrCsv(page.Paging, paging => CouncilReader.List(snapshot, query.Filter, paging),
            "councils.csv", CouncilReader.CsvColumns(snapshot.Vocabulary.Families));
    }

    private static async Task<Results<Ok<CouncilDetail>, ProblemHttpResult>> Get(string id, HttpContext http)
    {
        var snapshot = await http.SnapshotAsync();
        if (CouncilReader.Detail(snapshot, id) is not { } detail) return Problems.NotFoundFor("council", id);
        return TypedResults.Ok(detail with { Timeliness = CouncilTimelines.For(snapshot, detail.Code, England.Today(http)) });
    }

    private static async Task<Results<Ok<Page<NeighbourComparison>>, CsvResult<NeighbourComparison>, ProblemHttpResult>> Neighbours(
        string id, [AsParameters] NeighboursQuery query, HttpContext http)
    {
        var snapshot = await http.SnapshotAsync();
        if (snapshot.FindCouncil(id) is not { } council) return Problems.NotFoundFor("council", id);
        return http.AllOrCsv(CouncilReader.Neighbours(snapshot, council), $"{council.Item.Slug}-neighbours.csv",
            [new("rank", r => r.Rank), .. CouncilReader.CsvColumns(snapshot.Vocabulary.Families)
                .Select(c => new CsvColumn<NeighbourComparison>(c.Name, r => c.Value(r.Council)))]);
    }

    private static readonly CsvColumn<RegionItem>[] RegionColumns =
        [new("code", r => r.Code), new("name", r => r.Name), new("slug", r => r.Slug), new("councils", r => r.Councils)];

    private static async Task<Results<Ok<Page<RegionItem>>, CsvResult<RegionItem>, ProblemHttpResult>> Regions(
        [AsParameters] RegionsQuery query, HttpContext http) =>
        http.AllOrCsv((await http.SnapshotAsync()).Regions, "regions.csv", RegionColumns);
}
