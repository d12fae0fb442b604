namespace JudgementsApi.Features.Statistics;

/// <summary>GET /v1/statistics/distribution: councils by grade in one area on one day.</summary>
public static class DistributionEndpoint
{
    internal static async Task<Results<Ok<Distribution>, CsvResult<Distributions.CsvRow>, CsvResult<CouncilStanding>, ProblemHttpResult>> Get(
        [AsParameters] DistributionQuery query, HttpContext http)
    {
        var (area, groupBy, framework, includeCouncils, asOf) = query.Filter;
        var result = GradeStatistics.Distribution(await http.SnapshotAsync(), area, framework, groupBy, asOf, includeCouncils);
        if (!http.WantsCsv()) return TypedResults.Ok(result);

        var file = $"distribution-{area}-{asOf:yyyy-MM-dd}{(framework is null ? "" : "-" + framework)}";
        if (result.Councils is { } standings)
            return new CsvResult<CouncilStanding>($"{file}-councils.csv", CouncilColumns(asOf, result.DataAsOf, area, framework),
                standings, result.Warnings);
        return new CsvResult<Distributions.CsvRow>($"{file}.csv", Distributions.CsvColumns([.. result.England.Counts.Keys], result.DataAsOf),
            Distributions.CsvRows(asOf, area, framework, groupBy, result.England, result.Groups), result.Warnings);
    }

    private static CsvColumn<CouncilStanding>[] CouncilColumns(DateOnly asOf, DateOnly? dataAsOf, string area, string? framework) =>
    [
        new("as_of", _ => asOf), new("area", _ => area), new("framework", _ => framework),
        new("council_code", c => c.Code), new("council_name", c => c.Name), new("region_code", c => c.Region.Code),
        new("region_name", c => c.Region.Name), new("type", c => c.Type), new("status", c => c.Status), new("grade", c => c.Grade),
        new("inspection_id", c => c.InspectionId), new("published", c => c.Published), new("framework_version", c => c.FrameworkVersion),
        new("reason", c => c.Reason), new("data_as_of", _ => dataAsOf),
    ];
}
