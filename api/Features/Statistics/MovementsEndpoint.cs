namespace JudgementsApi.Features.Statistics;

/// <summary>
/// GET /v1/statistics/movements: each council's grade as at two days and how far it moved. Both
/// days use the distribution's rule (<see cref="GradeStatistics.AsAt"/>), so the grades here are exactly
/// those /statistics/distribution?include=councils lists for each day.
/// </summary>
public static class MovementsEndpoint
{
    public const string NotInOperation = "notInOperation";

    internal static async Task<Results<Ok<CouncilMovements>, CsvResult<CouncilMovement>, ProblemHttpResult>> Get(
        [AsParameters] MovementsQuery query, [AsParameters] ListQuery paged, HttpContext http)
    {
        var f = query.Filter;
        var snapshot = await http.SnapshotAsync();
        var (compared, notGraded, scale) = GradeStatistics.Movements(snapshot, f);
        var list = Sorted(compared.Where(m => (f.FromGrade is null || m.From.Grade == f.FromGrade)
            && (f.ToGrade is null || m.To.Grade == f.ToGrade) && (f.Direction is null || m.Direction == f.Direction)).ToList(), f.Sort);

        var warnings = Freshness.Warnings(f.To, snapshot.DataAsOf);
        // Counted before the grade and direction filters: "who declined" still says how many could not be compared.
        if (notGraded > 0) warnings.Add(Freshness.NotGradedWarning(f.Area, notGraded));
        if (http.WantsCsv())
            return new CsvResult<CouncilMovement>($"movements-{f.Area}-{f.From:yyyy-MM-dd}-{f.To:yyyy-MM-dd}.csv",
                CsvColumns(f.From, f.To, snapshot.DataAsOf, f.Area), list, warnings);

        var counts = new MovementCounts(list.Count, list.Count(m => m.Steps is not null),
            list.Count(m => m.Direction == "up"), list.Count(m => m.Direction == "down"), list.Count(m => m.Direction == "same"));
        var page = list.Skip(paged.Paging.Offset).Take(paged.Paging.Limit).ToList();
        return TypedResults.Ok(new CouncilMovements(f.From, f.To, snapshot.DataAsOf, warnings, f.Area, f.Region?.Code, f.CouncilCodes,
            f.FromGrade, f.ToGrade, f.Direction, f.Sort, scale, counts, http.ToPage(page, list.Count, paged.Paging)));
    }

    /// <summary>
    /// By council or region the list is already in order; by steps, most improved (-steps) or most declined (steps) first,
    /// a stable bucket per step keeping the name order within it, and councils not compared last either way.
    /// </summary>
    private static List<CouncilMovement> Sorted(List<CouncilMovement> rows, string sort)
    {
        if (sort is not ("steps" or "-steps")) return rows;
        var buckets = new SortedDictionary<int, List<CouncilMovement>>();
        var uncompared = new List<CouncilMovement>();
        foreach (var m in rows)
            if (m.Steps is not { } s) uncompared.Add(m);
            else if (buckets.TryGetValue(sort == "steps" ? s : -s, out var bucket)) bucket.Add(m);
            else buckets[sort == "steps" ? s : -s] = [m];
        return [.. buckets.Values.SelectMany(b => b), .. uncompared];
    }

    private static CsvColumn<CouncilMovement>[] CsvColumns(DateOnly from, DateOnly to, DateOnly? dataAsOf, string area) =>
    [
        new("from", _ => from), new("to", _ => to), new("data_as_of", _ => dataAsOf), new("area", _ => area),
        new("council_code", m => m.Council.Code), new("council_name", m => m.Council.Name),
        new("region_code", m => m.Region.Code), new("region_name", m => m.Region.Name),
        new("from_status", m => m.From.Status), new("from_grade", m => m.From.Grade), new("from_inspection_id", m => m.From.InspectionId),
        new("from_published", m => m.From.Published), new("from_framework_version", m => m.From.FrameworkVersion),
        new("to_status", m => m.To.Status), new("to_grade", m => m.To.Grade), new("to_inspection_id", m => m.To.InspectionId),
        new("to_published", m => m.To.Published), new("to_framework_version", m => m.To.FrameworkVersion),
        new("steps", m => m.Steps), new("direction", m => m.Direction),
    ];
}
