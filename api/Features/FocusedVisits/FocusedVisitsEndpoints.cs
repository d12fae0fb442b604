using System.ComponentModel;
using JudgementsApi.Features.Councils;
using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.FocusedVisits;

/// <summary>
/// A focused visit: not graded; <c>priorityAction</c> says whether areas for priority action are in force after
/// it (set by this letter or carried over from an earlier visit); <c>priorityActions</c> says which and quotes them.
/// <c>letterDateSource</c>: letter (the date printed on it) or publication (an undated letter: Ofsted's publication
/// date). <c>link</c> is the letter's own URL where known, otherwise <c>ofstedPageUrl</c>, the council's page on
/// Ofsted's site listing all its reports and letters.
/// </summary>
/// <param name="LetterDateSource">letter (printed on the letter) or publication (an undated letter; Ofsted's publication date is used).</param>
/// <param name="PriorityAction">Areas for priority action are in force after this visit (new or carried over).</param>
/// <param name="PriorityActions">Which: new or carried over, and the areas this letter sets, as Ofsted worded them.</param>
/// <param name="ReportUrl">The letter on Ofsted's file server, where known.</param>
/// <param name="OfstedPageUrl">The council's page on Ofsted's reports site, listing all its reports and letters.</param>
/// <param name="Link">Where to read the letter: reportUrl, or ofstedPageUrl when the letter's own URL is not known.</param>
/// <param name="Focus">What the visit looked at: a short topic in our own words, one of a small list.</param>
/// <param name="FocusText">The letter's own sentence saying what the visit looked at ("Inspectors looked at …"); null when none was recognised.</param>
/// <param name="Corrections">The dates read otherwise than printed because the letter's text is a typing slip: which date, the letter's words, and why; empty when every date is as printed.</param>
public sealed record FocusedVisit(
    string Id, CouncilRef Council, DateOnly LetterDate,
    [property: ClosedSet(typeof(Import.SeedSet), "LetterDateSources")] string LetterDateSource, DateOnly? VisitStart,
    DateOnly? VisitEnd, IReadOnlyList<string> Inspectors, string Focus, string? FocusText, bool PriorityAction,
    PriorityActions PriorityActions, string? ReportUrl, string? OfstedPageUrl, string? Link, string Source,
    IReadOnlyList<DateCorrection> Corrections);

/// <summary>A date read otherwise than printed (corrected): a typing slip in the letter (seed-data/QUALITY.md lists each).</summary>
/// <param name="Field">letter_date or visit_start: the date read otherwise than printed.</param>
/// <param name="Printed">The letter's words as printed ("21 January 2019", "6 November 20205").</param>
/// <param name="Reason">Why the date was read otherwise.</param>
public sealed record DateCorrection(
    [property: ClosedSet(typeof(Import.SeedSet), nameof(Import.SeedSet.CorrectedFields))] string Field, string Printed, string Reason);

/// <summary>
/// Areas for priority action. <c>kind</c>: none; new (set by this letter); carried_over (set at an earlier visit
/// and still in force: "…remain. There are no additional priority actions"); new_and_carried_over (this letter adds
/// to earlier ones: "In addition to addressing the two priority actions not resolved…"). <c>areas</c>: the ones this
/// letter sets, as Ofsted worded them (earlier ones are not repeated in the letter); <c>attribution</c> goes with any quotation.
/// </summary>
/// <param name="Kind">none, new, carried_over or new_and_carried_over.</param>
/// <param name="CarriedOver">Areas set at an earlier visit are still in force.</param>
/// <param name="Areas">The areas this letter sets, in its order, as Ofsted worded them.</param>
/// <param name="Attribution">The Open Government Licence statement to publish with any quotation; null when nothing is quoted.</param>
public sealed record PriorityActions(
    [property: ClosedSet(typeof(Import.SeedSet), nameof(Import.SeedSet.PriorityActionKinds))] string Kind, bool CarriedOver,
    IReadOnlyList<PriorityArea> Areas, string? Attribution);

/// <summary>One area for priority action, quoted from the letter, with the line of the letter's text where it starts.</summary>
public sealed record PriorityArea(int Position, string Text, int? Line);

public sealed record FocusedVisitQuery(
    [property: Description("Councils, comma-separated (at most 200): ONS code (E06000051), DfE code (893), former ONS code, slug (shropshire) or a name without a comma (hull, Telford and Wrekin)."), TextExample("shropshire")] string? Council,
    [property: Description("A region: ONS code or slug."), VocabularyExample("west-midlands", VocabularySet.Regions)] string? Region,
    [property: Description("true: only visits that named areas for priority action; false: only those that did not."), BoolExample(true)] string? PriorityAction,
    [property: Description("Letter dated on or after (YYYY-MM-DD)."), DateExample("2024-01-01")] string? From,
    [property: Description("Letter dated on or before (YYYY-MM-DD)."), DateExample("2024-12-31")] string? To) : IQueryRecord
{
    public FocusedVisitFilter Filter { get; private set; } = new();

    public async ValueTask ReadAsync(QueryReader q)
    {
        var region = await q.RegionAsync("region", Region);
        var priority = q.Bool("priorityAction", PriorityAction);
        var (from, to, councils) = await Letters.ReadDatesAndCouncilsAsync(q, From, To, Council);
        Filter = new FocusedVisitFilter { CouncilCodes = councils, RegionCode = region?.Code, PriorityAction = priority, From = from, To = to };
    }
}

public static class FocusedVisitsEndpoints
{
    public static RouteGroupBuilder MapFocusedVisits(this RouteGroupBuilder v1)
    {
        v1.MapGet("/focused-visits", List).WithCsv().WithTags("Focused visits")
            .WithName("ListFocusedVisits")
            .WithSummary("Focused visits")
            .WithDescription("Ofsted's focused visits (ungraded), newest letter first: what each looked at and whether Ofsted named areas for priority action.");

        v1.MapGet("/focused-visits/{id}", Get).WithTags("Focused visits").ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetFocusedVisit")
            .WithSummary("One focused visit");

        v1.MapGet("/councils/{id}/focused-visits", ForCouncil).WithCsv().WithTags("Councils").ForCouncilPath()
            .WithName("ListCouncilFocusedVisits")
            .WithSummary("A council's focused visits");
        return v1;
    }

    private static async Task<Results<Ok<Page<FocusedVisit>>, CsvResult<FocusedVisit>, ProblemHttpResult>> List(
        [AsParameters] FocusedVisitQuery query, [AsParameters] ListQuery page, HttpContext http)
    {
        var snapshot = await http.SnapshotAsync();
        return http.PageOrCsv(page.Paging, paging => FocusedVisitReader.Query(snapshot, query.Filter, paging),
            "focused-visits.csv", FocusedVisitReader.CsvColumns);
    }

    private static async Task<Results<Ok<FocusedVisit>, ProblemHttpResult>> Get(string id, HttpContext http)
    {
        var (items, _) = FocusedVisitReader.Query(await http.SnapshotAsync(), new FocusedVisitFilter { Id = id }, new Paging(1, 0));
        return items.Count == 0 ? Problems.NotFoundFor("focused visit", id) : TypedResults.Ok(items[0]);
    }

    private static async Task<Results<Ok<Page<FocusedVisit>>, CsvResult<FocusedVisit>, ProblemHttpResult>> ForCouncil(
        string id, [AsParameters] ListQuery page, HttpContext http)
    {
        var snapshot = await http.SnapshotAsync();
        if (snapshot.FindCouncil(id) is not { } council) return Problems.NotFoundFor("council", id);
        return http.PageOrCsv(page.Paging,
            paging => FocusedVisitReader.Query(snapshot, new FocusedVisitFilter { CouncilCodes = [council.Code] }, paging),
            $"{council.Item.Slug}-focused-visits.csv", FocusedVisitReader.CsvColumns);
    }
}
