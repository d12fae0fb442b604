using System.ComponentModel;
using JudgementsApi.Features.Councils;
using JudgementsApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JudgementsApi.Features.Inspections;

public sealed record InspectionListQuery(
    [property: Description("Councils, comma-separated (at most 200): ONS code (E06000051), DfE code (893), former ONS code, slug (shropshire) or a name without a comma (hull, Telford and Wrekin).")] string? Council,
    [property: Description("A region: ONS code (E12000005) or slug (west-midlands).")] string? Region,
    [property: Description("A framework (sif, ilacs, pre-2013) or one of its versions (ilacs-2023).")] string? Framework,
    [property: Description("Inspection type: standard, short, sif, sif_reinspection, pre_2013, lscb_review, cited (a former council's judgement known from a later report) …")] string? Type,
    [property: Description("Published on or after this date (YYYY-MM-DD).")] string? PublishedFrom,
    [property: Description("Published on or before this date (YYYY-MM-DD).")] string? PublishedTo,
    [property: Description("Judgement area: a family (overall_effectiveness, help_and_protection, children_in_care, care_leavers, leadership, adoption_performance, lscb_review) or an area code. With grade: graded that grade in that area; alone: graded in that area.")] string? Area,
    [property: Description("Grade code (outstanding, good, requires_improvement, adequate, inadequate). Without area: that grade in any area.")] string? Grade,
    [property: Description("-published (newest first, default), published, or council (by name).")] string? Sort,
    [property: Description("Page size, 1 to 500 (default 50).")] string? Limit,
    [property: Description("Rows to skip.")] string? Offset,
    [property: Description("json (default) or csv (every matching row); `Accept: text/csv` does the same.")] string? Format);

public sealed record CouncilInspectionsQuery(
    [property: Description("true: add the inspections of the councils this one replaced (e.g. Northamptonshire's for North Northamptonshire).")] string? IncludePredecessors,
    [property: Description("Page size, 1 to 500 (default 50).")] string? Limit,
    [property: Description("Rows to skip.")] string? Offset,
    [property: Description("json (default) or csv (every matching row).")] string? Format);

public sealed record InspectionDetailQuery(
    [property: Description("json (default) or csv: one row per judgement with its status and evidence; `Accept: text/csv` does the same.")] string? Format);

public static class InspectionsEndpoints
{
    public static RouteGroupBuilder MapInspections(this RouteGroupBuilder v1)
    {
        var inspections = v1.MapGroup("/inspections").WithTags("Inspections");

        inspections.MapGet("/", List).WithCsv()
            .WithName("ListInspections")
            .WithSummary("Inspections")
            .WithDescription("Graded inspections, newest first, with each area's grade. Filters combine. CSV has one column per area family.");

        inspections.MapGet("/{id}", Get).WithCsv().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetInspection")
            .WithSummary("One inspection")
            .WithDescription("Every judgement of one inspection: area, grade and rank (or null with its status, not_judged / not_covered / unknown, and the reason), and the evidence: the report's words that state it (table row or sentence) with the document and line. Also its framework version, dates, lead inspector, report link, Ofsted page and provenance. As CSV: one row per judgement (area, grade, status, note, evidence, document, line).");

        // A council's history lives here with the other inspection readers (the council path filter resolves names).
        var councils = v1.MapGroup("/councils").WithTags("Councils");
        councils.MapGet("/{id}/inspections", ForCouncil).WithCsv().ProducesProblem(StatusCodes.Status404NotFound)
            .AddEndpointFilter<CouncilPathFilter>().Produces(StatusCodes.Status302Found)
            .WithName("ListCouncilInspections")
            .WithSummary("A council's inspection history")
            .WithDescription("Every inspection of the council, newest first; with includePredecessors=true also those of the councils it replaced, each naming the council it belonged to.");

        return v1;
    }

    private static async Task<Results<Ok<Page<InspectionSummary>>, CsvResult<InspectionSummary>, ProblemHttpResult>> List(
        [AsParameters] InspectionListQuery query, HttpContext http, CouncilNames names)
    {
        var snapshot = await http.SnapshotAsync();
        var vocabulary = snapshot.Vocabulary;
        var q = new QueryReader(http);
        var paging = Paging.Read(q, query.Limit, query.Offset);
        var region = vocabulary.ReadRegion(q, "region", query.Region);
        var framework = q.OneOf("framework", query.Framework, [.. vocabulary.Frameworks, .. vocabulary.FrameworkVersions]);
        var type = q.OneOf("type", query.Type, vocabulary.InspectionTypes);
        var from = q.Date("publishedFrom", query.PublishedFrom);
        var to = q.Date("publishedTo", query.PublishedTo);
        q.Ordered("publishedFrom", from, "publishedTo", to);
        var area = q.OneOf("area", query.Area, vocabulary.AreaNames);
        var grade = q.OneOf("grade", query.Grade, vocabulary.Grades);
        var sort = q.OneOf("sort", query.Sort, InspectionReader.Sorts) ?? InspectionReader.Newest;

        var councils = await names.ReadListAsync(q, "council", query.Council, CouncilsEndpoints.MaxCouncils);
        if (q.Failed) return q.Problem();

        var filter = new InspectionFilter(councils?.Select(c => c.Code).ToList(), region?.Code, framework, type, from, to, area, grade, sort);
        var csv = http.WantsCsv();
        var (items, total) = InspectionReader.List(snapshot, filter, csv ? Paging.All : paging);
        if (csv) return new CsvResult<InspectionSummary>("inspections.csv", InspectionReader.CsvColumns(vocabulary.Families), items);
        return TypedResults.Ok(http.ToPage(items, total, paging));
    }

    private static async Task<Results<Ok<Page<InspectionSummary>>, CsvResult<InspectionSummary>, ProblemHttpResult>> ForCouncil(
        string id, [AsParameters] CouncilInspectionsQuery query, HttpContext http)
    {
        var snapshot = await http.SnapshotAsync();
        var q = new QueryReader(http);
        var paging = Paging.Read(q, query.Limit, query.Offset);
        var withPredecessors = q.Bool("includePredecessors", query.IncludePredecessors) ?? false;
        if (q.Failed) return q.Problem();
        if (snapshot.FindCouncil(id) is not { } council) return Problems.NotFoundFor("council", id);

        var csv = http.WantsCsv();
        var (items, total) = InspectionReader.ForCouncil(snapshot, council.Code, withPredecessors, csv ? Paging.All : paging);
        if (csv) return new CsvResult<InspectionSummary>($"{council.Item.Slug}-inspections.csv", InspectionReader.CsvColumns(snapshot.Vocabulary.Families), items);
        return TypedResults.Ok(http.ToPage(items, total, paging));
    }

    /// <summary>The judgements CSV: one row per judgement, so a journalist can check each grade against the report's words.</summary>
    private static IReadOnlyList<CsvColumn<Judgement>> JudgementColumns(InspectionDetail i) =>
    [
        new("inspection_id", _ => i.Id), new("council_code", _ => i.Council.Code), new("council_name", _ => i.Council.Name),
        new("published", _ => i.Published), new("published_precision", _ => i.PublishedPrecision), new("source_kind", _ => i.SourceKind),
        new("area_code", j => j.Area.Code), new("area_name", j => j.Area.Name), new("area_family", j => j.Area.Family),
        new("grade", j => j.Grade?.Code), new("status", j => j.Status), new("note", j => j.Note),
        new("evidence", j => j.Evidence?.Text), new("evidence_document", j => j.Evidence?.Document),
        new("evidence_line", j => j.Evidence?.Line), new("evidence_url", j => j.Evidence?.DocumentUrl),
    ];

    private static async Task<Results<Ok<InspectionDetail>, CsvResult<Judgement>, ProblemHttpResult>> Get(
        string id, [AsParameters] InspectionDetailQuery query, HttpContext http)
    {
        var detail = InspectionReader.Detail(await http.SnapshotAsync(), id);
        if (detail is null) return Problems.NotFoundFor("inspection", id);
        if (http.WantsCsv()) return new CsvResult<Judgement>($"{detail.Id}-judgements.csv", JudgementColumns(detail), detail.Judgements);
        return TypedResults.Ok(detail);
    }
}
