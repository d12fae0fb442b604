using JudgementsApi.Features.Councils;

namespace JudgementsApi.Features.Inspections;

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
        councils.MapGet("/{id}/inspections", ForCouncil).WithCsv().ForCouncilPath()
            .WithName("ListCouncilInspections")
            .WithSummary("A council's inspection history")
            .WithDescription("Every inspection of the council, newest first; with includePredecessors=true also those of the councils it replaced, each naming the council it belonged to.");

        return v1;
    }

    private static async Task<Results<Ok<Page<InspectionSummary>>, CsvResult<InspectionSummary>, ProblemHttpResult>> List(
        [AsParameters] InspectionListQuery query, [AsParameters] ListQuery page, HttpContext http)
    {
        var snapshot = await http.SnapshotAsync();
        return http.PageOrCsv(page.Paging, paging => InspectionReader.List(snapshot, query.Filter, paging),
            "inspections.csv", InspectionReader.CsvColumns(snapshot.Vocabulary.Families));
    }

    private static async Task<Results<Ok<Page<InspectionSummary>>, CsvResult<InspectionSummary>, ProblemHttpResult>> ForCouncil(
        string id, [AsParameters] CouncilInspectionsQuery query, [AsParameters] ListQuery page, HttpContext http)
    {
        var snapshot = await http.SnapshotAsync();
        if (snapshot.FindCouncil(id) is not { } council) return Problems.NotFoundFor("council", id);
        return http.PageOrCsv(page.Paging,
            paging => InspectionReader.ForCouncil(snapshot, council.Code, query.WithPredecessors, paging),
            $"{council.Item.Slug}-inspections.csv", InspectionReader.CsvColumns(snapshot.Vocabulary.Families));
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
