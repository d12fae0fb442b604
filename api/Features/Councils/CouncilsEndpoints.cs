using System.ComponentModel;
using Dapper;
using JudgementsApi.Features.FocusedVisits;
using JudgementsApi.Features.Inspections;
using JudgementsApi.Import;
using JudgementsApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

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

        councils.MapGet("/{id}/inspections", Inspections).WithCsv().ProducesProblem(StatusCodes.Status404NotFound)
            .AddEndpointFilter<CouncilPathFilter>().Produces(StatusCodes.Status302Found)
            .WithName("ListCouncilInspections")
            .WithSummary("A council's inspection history")
            .WithDescription("Every inspection of the council, newest first; with includePredecessors=true also those of the councils it replaced, each naming the council it belonged to.");

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
        [AsParameters] CouncilListQuery query, [AsParameters] ListQuery page, HttpContext http, NpgsqlDataSource db, VocabularySource vocabularies)
    {
        var vocabulary = await vocabularies.GetAsync();
        var (codes, region, type, status, search, area, grade) = query.Filter;

        var clauses = new List<string>();
        var p = new DynamicParameters();
        // Naming councils explicitly shows them whatever their status.
        if (codes is null && status != "all") clauses.Add(status == "current" ? "c.closed IS NULL" : "c.closed IS NOT NULL");
        if (codes is not null) { clauses.Add("c.code = ANY (@Codes)"); p.Add("Codes", codes.ToArray()); }
        if (region is not null) { clauses.Add("c.region_code = @Region"); p.Add("Region", region.Code); }
        if (type is not null) { clauses.Add("c.type = @Type"); p.Add("Type", type); }
        if (search is { Length: > 0 }) { clauses.Add("c.search_name LIKE '%' || @Search || '%'"); p.Add("Search", search); }
        if (InspectionReader.JudgementClause("l.inspection_id", area, grade, vocabulary.Families, p) is { } judged) clauses.Add(judged);
        var where = clauses.Count == 0 ? "" : "WHERE " + string.Join("\n  AND ", clauses);

        await using var conn = await db.OpenConnectionAsync();
        return await http.PageOrCsvAsync(page.Paging, paging => CouncilReader.QueryAsync(conn, where, p, paging),
            "councils.csv", CouncilReader.CsvColumns(vocabulary.Families));
    }

    private static async Task<Results<Ok<CouncilDetail>, ProblemHttpResult>> Get(string id, NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await DetailAsync(conn, id) is { } detail ? TypedResults.Ok(detail) : Problems.NotFoundFor("council", id);
    }

    /// <summary>One council as GET /v1/councils/{id} answers it (the council page shows the same); null if none has the id.</summary>
    internal static async Task<CouncilDetail?> DetailAsync(NpgsqlConnection conn, string id)
    {
        var found = await CouncilLookup.FindAsync(conn, id);
        if (found is null) return null;
        var council = (await CouncilReader.ByCodesAsync(conn, [found.Code]))[found.Code];

        await using var multi = await conn.QueryMultipleAsync("""
            SELECT former_codes FROM councils WHERE code = @Code;
            SELECT c.code, c.name, c.slug, s.date FROM council_successions s JOIN councils c ON c.code = s.predecessor_code
              WHERE s.successor_code = @Code ORDER BY c.name;
            SELECT c.code, c.name, c.slug, s.date FROM council_successions s JOIN councils c ON c.code = s.successor_code
              WHERE s.predecessor_code = @Code ORDER BY c.name;
            SELECT n.rank, c.code, c.name, c.slug FROM statistical_neighbours n JOIN councils c ON c.code = n.neighbour_code
              WHERE n.council_code = @Code ORDER BY n.rank;
            SELECT (SELECT count(*) FROM inspections WHERE council_code = @Code)::int,
                   (SELECT count(*) FROM focused_visits WHERE council_code = @Code)::int;
            """, new { found.Code });
        var formerCodes = await multi.ReadFirstAsync<string[]>();
        var predecessors = (await multi.ReadAsync<(string Code, string Name, string Slug, DateOnly Date)>()).Select(Linked).ToList();
        var successors = (await multi.ReadAsync<(string Code, string Name, string Slug, DateOnly Date)>()).Select(Linked).ToList();
        var neighbours = (await multi.ReadAsync<(int Rank, string Code, string Name, string Slug)>())
            .Select(n => new StatisticalNeighbour(n.Rank, n.Code, n.Name, n.Slug)).ToList();
        var counts = await multi.ReadFirstAsync<(int Inspections, int FocusedVisits)>();

        return new CouncilDetail(council.Code, council.LaCode, council.OfstedUrn, council.Name, council.Slug,
            council.Type, council.Region, council.Opened, council.OpenedNote, council.Closed, council.Current, council.OfstedPageUrl, council.Latest, formerCodes,
            predecessors, successors, neighbours, new CouncilCounts(counts.Inspections, counts.FocusedVisits));

        static LinkedCouncil Linked((string Code, string Name, string Slug, DateOnly Date) r) => new(r.Code, r.Name, r.Slug, r.Date);
    }

    private static async Task<Results<Ok<Page<InspectionSummary>>, CsvResult<InspectionSummary>, ProblemHttpResult>> Inspections(
        string id, [AsParameters] CouncilInspectionsQuery query, [AsParameters] ListQuery page, HttpContext http, NpgsqlDataSource db, VocabularySource vocabularies)
    {
        var vocabulary = await vocabularies.GetAsync();

        await using var conn = await db.OpenConnectionAsync();
        var council = await CouncilLookup.FindAsync(conn, id);
        if (council is null) return Problems.NotFoundFor("council", id);

        return await http.PageOrCsvAsync(page.Paging, paging => HistoryAsync(conn, council.Code, query.WithPredecessors, paging),
            $"{council.Slug}-inspections.csv", InspectionReader.CsvColumns(vocabulary.Families));
    }

    /// <summary>A council's inspections, newest first, with its predecessors' if asked (the council page's timeline).</summary>
    internal static Task<(List<InspectionSummary> Items, long Total)> HistoryAsync(NpgsqlConnection conn, string code, bool withPredecessors, Paging paging)
    {
        // The council itself, and with predecessors every council it replaced, however many steps back.
        var where = withPredecessors
            ? """
              WHERE i.council_code IN (
                WITH RECURSIVE lineage (code) AS (
                  SELECT @Council::text
                  UNION SELECT s.predecessor_code FROM council_successions s JOIN lineage l ON s.successor_code = l.code)
                SELECT code FROM lineage)
              """
            : "WHERE i.council_code = @Council";
        return InspectionReader.QueryAsync(conn, where, "ORDER BY i.published DESC, i.id DESC",
            new DynamicParameters(new { Council = code }), paging);
    }

    private static async Task<Results<Ok<Page<NeighbourComparison>>, CsvResult<NeighbourComparison>, ProblemHttpResult>> Neighbours(
        string id, [AsParameters] NeighboursQuery query, HttpContext http, NpgsqlDataSource db, VocabularySource vocabularies)
    {
        var vocabulary = await vocabularies.GetAsync();
        await using var conn = await db.OpenConnectionAsync();
        var council = await CouncilLookup.FindAsync(conn, id);
        if (council is null) return Problems.NotFoundFor("council", id);

        var ranked = (await conn.QueryAsync<(int Rank, string Code)>("""
            SELECT 0, @Code
            UNION ALL SELECT rank, neighbour_code FROM statistical_neighbours WHERE council_code = @Code
            ORDER BY 1
            """, new { council.Code })).ToList();
        var items = await CouncilReader.ByCodesAsync(conn, ranked.Select(r => r.Code).ToList());
        var rows = ranked.Where(r => items.ContainsKey(r.Code)).Select(r => new NeighbourComparison(r.Rank, items[r.Code])).ToList();

        return http.AllOrCsv(rows, $"{council.Slug}-neighbours.csv",
            [new("rank", r => r.Rank), .. CouncilReader.CsvColumns(vocabulary.Families)
                .Select(c => new CsvColumn<NeighbourComparison>(c.Name, r => c.Value(r.Council)))]);
    }

    private static readonly CsvColumn<RegionItem>[] RegionColumns =
        [new("code", r => r.Code), new("name", r => r.Name), new("slug", r => r.Slug), new("councils", r => r.Councils)];

    private static async Task<Results<Ok<Page<RegionItem>>, CsvResult<RegionItem>, ProblemHttpResult>> Regions(
        [AsParameters] RegionsQuery query, HttpContext http, NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        var rows = (await conn.QueryAsync<RegionItem>("""
            SELECT r.code, r.name, r.slug, count(c.code)::int AS councils
            FROM regions r LEFT JOIN councils c ON c.region_code = r.code AND c.closed IS NULL
            GROUP BY r.code, r.name, r.slug ORDER BY r.name
            """)).ToList();
        return http.AllOrCsv(rows, "regions.csv", RegionColumns);
    }
}
