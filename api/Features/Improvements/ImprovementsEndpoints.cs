using JudgementsApi.Features.FocusedVisits;

namespace JudgementsApi.Features.Improvements;

public static class ImprovementsEndpoints
{
    public static RouteGroupBuilder MapImprovements(this RouteGroupBuilder v1)
    {
        v1.MapGet("/improvements", List).WithCsv().WithTags("Improvements")
            .WithName("ListImprovements")
            .WithSummary("What Ofsted asked councils to improve")
            .WithDescription("Every point of the reports' lists of what must improve (ILACS \"What needs to improve?\", " +
                "SIF recommendations, focused-visit letters' \"What needs to improve in this area of social work practice\"), " +
                "in Ofsted's words, newest report first and each report's in its order. From 2025 a point carries the " +
                "National Framework outcome or enabler its footnote names.");

        v1.MapGet("/improvements/framework-tags", (Delegate)Tags).WithTags("Improvements")
            .WithName("ListFrameworkTags")
            .WithSummary("National Framework tags")
            .WithDescription("The outcomes and enablers of the DfE's Children's Social Care National Framework: " +
                "the closed list a point's frameworkTag is from.");

        v1.MapGet("/improvements/themes", (Delegate)Themes).WithTags("Improvements")
            .WithName("ListImprovementThemes")
            .WithSummary("Themes of improvement points")
            .WithDescription("The themes and the keyword rule that gives each: a point takes the first theme, in ruleOrder, whose rule " +
                "its words match (a person's override aside), or other.");

        v1.MapGet("/statistics/improvement-themes", Statistics).WithTags("Statistics", "Improvements")
            .WithName("GetImprovementThemeStatistics")
            .WithSummary("How often each theme was named")
            .WithDescription("Per theme: points, councils, and the reports naming it with their share of the reports that list points, " +
                "for the whole period or by year, region or framework; each count links to its points.");

        v1.MapGet("/inspections/{id}/improvements", ForInspection).WithTags("Improvements", "Inspections")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetInspectionImprovements")
            .WithSummary("What an inspection said must improve")
            .WithDescription("The inspection report's points in its order; an empty list when the report has none.");

        v1.MapGet("/focused-visits/{id}/improvements", ForFocusedVisit).WithTags("Improvements", "Focused visits")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetFocusedVisitImprovements")
            .WithSummary("What a focused visit said must improve")
            .WithDescription("The letter's points in its order, and its areas for priority action where it sets them " +
                "(as the visit itself gives them).");
        return v1;
    }

    private static async Task<Results<Ok<Page<ImprovementPoint>>, CsvResult<ImprovementPoint>, ProblemHttpResult>> List(
        [AsParameters] ImprovementQuery query, [AsParameters] ListQuery page, HttpContext http)
    {
        var snapshot = await http.SnapshotAsync();
        return http.PageOrCsv(page.Paging, paging => ImprovementReader.Query(snapshot, query.Filter, paging),
            "improvements.csv", ImprovementReader.CsvColumns);
    }

    private static async Task<Ok<IReadOnlyList<ImprovementTheme>>> Themes(HttpContext http) =>
        TypedResults.Ok((await http.SnapshotAsync()).Improvements.Themes);

    private static async Task<Ok<ImprovementThemeStatistics>> Statistics([AsParameters] ImprovementThemeQuery query, HttpContext http) =>
        TypedResults.Ok(ImprovementThemeCounts.Count(await http.SnapshotAsync(), query.Filter, query.Grouping));

    private static async Task<Ok<IReadOnlyList<FrameworkTag>>> Tags(HttpContext http) =>
        TypedResults.Ok((await http.SnapshotAsync()).Improvements.Tags);

    private static async Task<Results<Ok<InspectionImprovements>, ProblemHttpResult>> ForInspection(string id, HttpContext http)
    {
        var snapshot = await http.SnapshotAsync();
        if (!snapshot.InspectionById.TryGetValue(id, out var inspection)) return Problems.NotFoundFor("inspection", id);
        var points = snapshot.Improvements.ByInspection.GetValueOrDefault(id) ?? [];
        var s = inspection.Summary;
        return TypedResults.Ok(new InspectionImprovements(s.Id, s.Council, s.Published, s.FrameworkVersion, points,
            points.Length == 0 ? null : ImprovementReader.Attribution));
    }

    private static async Task<Results<Ok<FocusedVisitImprovements>, ProblemHttpResult>> ForFocusedVisit(string id, HttpContext http)
    {
        var snapshot = await http.SnapshotAsync();
        var (visits, _) = FocusedVisitReader.Query(snapshot, new FocusedVisitFilter { Id = id }, new Paging(1, 0));
        if (visits.Count == 0) return Problems.NotFoundFor("focused visit", id);
        var visit = visits[0];
        var points = snapshot.Improvements.ByFocusedVisit.GetValueOrDefault(id) ?? [];
        var quoted = points.Length > 0 || visit.PriorityActions.Areas.Count > 0;
        return TypedResults.Ok(new FocusedVisitImprovements(visit.Id, visit.Council, visit.LetterDate, points, visit.PriorityActions,
            $"/v1/focused-visits/{Uri.EscapeDataString(visit.Id)}", quoted ? ImprovementReader.Attribution : null));
    }
}
