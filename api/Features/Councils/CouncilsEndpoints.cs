using System.ComponentModel;
using JudgementsApi.Features.FocusedVisits;
using JudgementsApi.Import;
using JudgementsApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JudgementsApi.Features.Councils;

public sealed record CouncilListQuery(
    [property: Description("A region: ONS code (E12000005) or slug (west-midlands).")] string? Region,
    [property: Description("Council type: county, unitary, metropolitan_district, london_borough.")] string? Type,
    [property: Description("current (default), former (abolished or replaced councils), or all.")] string? Status,
    [property: Description("Name contains this text (case- and accent-insensitive; '&' matches 'and').")] string? Q,
    [property: Description("Comma-separated councils (ONS, DfE or former code, slug, or a name without a comma such as hull or Telford and Wrekin), at most 200, for a side-by-side comparison.")] string? Codes,
    [property: Description("Judgement area family or area code; with grade, councils whose latest full inspection graded it so.")] string? Area,
    [property: Description("Grade code; with area, that grade in that area; alone, that grade in ANY area of the latest full inspection (an inspection graded inadequate only for help and protection matches grade=inadequate). For \"rated inadequate overall\" use area=overall_effectiveness: ILACS inspections from April 2026 give no overall effectiveness judgement, so they never match it.")] string? Grade,
    [property: Description("Page size, 1 to 500 (default 50).")] string? Limit,
    [property: Description("Rows to skip.")] string? Offset,
    [property: Description("json (default) or csv (every matching row).")] string? Format);

public sealed record NeighboursQuery(
    [property: Description("json (default) or csv.")] string? Format);

public sealed record RegionsQuery(
    [property: Description("json (default) or csv.")] string? Format);

public static class CouncilsEndpoints
{
    private static readonly string[] Statuses = ["current", "former", "all"];
    /// <summary>The most councils a list parameter names at once (the query string is capped at 4,096 characters anyway).</summary>
    public const int MaxCouncils = 200;

    public static RouteGroupBuilder MapCouncils(this RouteGroupBuilder v1)
    {
        var councils = v1.MapGroup("/councils").WithTags("Councils");

        councils.MapGet("/", List).WithCsv()
            .WithName("ListCouncils")
            .WithSummary("Councils with their latest grades")
            .WithDescription("English councils with children's services responsibilities, by name, each with its latest full inspection and its grade per area. Current councils by default. `grade` alone matches a grade in any area of the latest full inspection; add `area` (overall_effectiveness, leadership …) to say which.");

        councils.MapGet("/{id}", Get).ProducesProblem(StatusCodes.Status404NotFound)
            .AddEndpointFilter<CouncilPathFilter>().Produces(StatusCodes.Status302Found)
            .WithName("GetCouncil")
            .WithSummary("One council")
            .WithDescription("""
                A council by ONS code (E06000051), DfE code (893), former ONS code or slug (shropshire): identity, latest
                grades, predecessors and successors, former codes, statistical neighbours and counts. A name
                (`Telford and Wrekin`, `telford-&-wrekin`, `Kingston upon Hull`, `hull`, `bcp`, `saint helens`) redirects
                (302) to the council's URL by slug, here and on its sub-resources; a name that matches no council is a
                404 problem whose `suggestions` list the closest councils.
                """);

        councils.MapGet("/{id}/focused-visits", FocusedVisitsEndpoints.ForCouncil).WithCsv().ProducesProblem(StatusCodes.Status404NotFound)
            .AddEndpointFilter<CouncilPathFilter>().Produces(StatusCodes.Status302Found)
            .WithName("ListCouncilFocusedVisits")
            .WithSummary("A council's focused visits");

        councils.MapGet("/{id}/neighbours", Neighbours).WithCsv().ProducesProblem(StatusCodes.Status404NotFound)
            .AddEndpointFilter<CouncilPathFilter>().Produces(StatusCodes.Status302Found)
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
        [AsParameters] CouncilListQuery query, HttpContext http, CouncilNames names)
    {
        var snapshot = await http.SnapshotAsync();
        var vocabulary = snapshot.Vocabulary;
        var q = new QueryReader(http);
        var paging = Paging.Read(q, query.Limit, query.Offset);
        var region = vocabulary.ReadRegion(q, "region", query.Region);
        var type = q.OneOf("type", query.Type, SeedSet.CouncilTypes);
        var status = q.OneOf("status", query.Status, Statuses) ?? "current";
        var area = q.OneOf("area", query.Area, vocabulary.AreaNames);
        var grade = q.OneOf("grade", query.Grade, vocabulary.Grades);
        var search = string.IsNullOrWhiteSpace(query.Q) ? null : SearchText.Fold(query.Q);

        var codes = (await names.ReadListAsync(q, "codes", query.Codes, MaxCouncils))?.Select(c => c.Code).ToArray();
        if (q.Failed) return q.Problem();

        var filter = new CouncilFilter(codes, status, region?.Code, type, search, area, grade);
        var csv = http.WantsCsv();
        var (items, total) = CouncilReader.List(snapshot, filter, csv ? Paging.All : paging);
        if (csv) return new CsvResult<CouncilItem>("councils.csv", CouncilReader.CsvColumns(vocabulary.Families), items);
        return TypedResults.Ok(http.ToPage(items, total, paging));
    }

    private static async Task<Results<Ok<CouncilDetail>, ProblemHttpResult>> Get(string id, HttpContext http) =>
        CouncilReader.Detail(await http.SnapshotAsync(), id) is { } detail ? TypedResults.Ok(detail) : Problems.NotFoundFor("council", id);

    private static async Task<Results<Ok<Page<NeighbourComparison>>, CsvResult<NeighbourComparison>, ProblemHttpResult>> Neighbours(
        string id, [AsParameters] NeighboursQuery query, HttpContext http)
    {
        var snapshot = await http.SnapshotAsync();
        var q = new QueryReader(http);
        if (q.Failed) return q.Problem();
        if (snapshot.FindCouncil(id) is not { } council) return Problems.NotFoundFor("council", id);

        var rows = CouncilReader.Neighbours(snapshot, council);
        if (http.WantsCsv())
            return new CsvResult<NeighbourComparison>($"{council.Item.Slug}-neighbours.csv",
                [new("rank", r => r.Rank), .. CouncilReader.CsvColumns(snapshot.Vocabulary.Families)
                    .Select(c => new CsvColumn<NeighbourComparison>(c.Name, r => c.Value(r.Council)))], rows);
        return TypedResults.Ok(http.ToPage(rows, rows.Count, new Paging(Math.Max(rows.Count, 1), 0)));
    }

    private static readonly CsvColumn<RegionItem>[] RegionColumns =
        [new("code", r => r.Code), new("name", r => r.Name), new("slug", r => r.Slug), new("councils", r => r.Councils)];

    private static async Task<Results<Ok<Page<RegionItem>>, CsvResult<RegionItem>, ProblemHttpResult>> Regions(
        [AsParameters] RegionsQuery query, HttpContext http)
    {
        var q = new QueryReader(http);
        if (q.Failed) return q.Problem();
        var rows = (await http.SnapshotAsync()).Regions;
        if (http.WantsCsv()) return new CsvResult<RegionItem>("regions.csv", RegionColumns, rows);
        return TypedResults.Ok(http.ToPage(rows, rows.Count, new Paging(Math.Max(rows.Count, 1), 0)));
    }
}
