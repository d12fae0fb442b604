namespace JudgementsApi.Features.Statistics;

/// <summary>GET /v1/statistics/distribution: councils by grade in one area on one day.</summary>
public static class DistributionEndpoint
{
    internal static async Task<Results<Ok<Distribution>, CsvResult<Distributions.CsvRow>, CsvResult<CouncilStanding>, ProblemHttpResult>> Get(
        [AsParameters] DistributionQuery query, HttpContext http, VocabularySource vocabularies)
    {
        var vocabulary = await vocabularies.GetAsync();
        var (area, groupBy, framework, includeCouncils, asOf) = query.Filter;

        var snapshot = await http.SnapshotAsync();
        var councils = Standings.Councils(snapshot);
        var (result, standings) = Compute(snapshot, vocabulary, councils, area, framework, groupBy, asOf, includeCouncils);
        var (england, groups) = (result.England, result.Groups);

        if (http.WantsCsv())
        {
            var file = $"distribution-{area}-{asOf:yyyy-MM-dd}{(framework is null ? "" : "-" + framework)}";
            if (standings is not null) return new CsvResult<CouncilStanding>($"{file}-councils.csv", CouncilColumns(asOf, result.DataAsOf, area, framework), standings,
                    result.Warnings);
            return new CsvResult<Distributions.CsvRow>($"{file}.csv", Distributions.CsvColumns([.. england.Counts.Keys], result.DataAsOf),
                Distributions.CsvRows(asOf, area, framework, groupBy, england, groups), result.Warnings);
        }
        return TypedResults.Ok(result);
    }

    /// <summary>The distribution on a day, as the endpoint answers it (pages draw from this too, so their numbers are the API's).</summary>
    internal static (Distribution Result, List<CouncilStanding>? Standings) Compute(DatasetSnapshot snapshot,
        Vocabulary vocabulary, IReadOnlyList<CouncilPeriod> councils, string area, string? framework, string groupBy, DateOnly asOf, bool includeCouncils)
    {
        var selection = StatisticsEndpoints.Selection(vocabulary, area, framework);
        var scale = Standings.Scale(snapshot, selection);
        var latest = Standings.Latest(snapshot, selection, asOf);
        scale = Standings.Complete(scale, latest.Values.Select(r => r.Grade), vocabulary.Grades);
        var counter = new Counter(councils, Grouping.For(groupBy, vocabulary), scale);
        foreach (var row in latest.Values) counter.Apply(row);
        var (england, groups) = counter.Count(asOf);
        var dataAsOf = Freshness.DataAsOf(snapshot);
        var warnings = Freshness.Warnings(asOf, dataAsOf);
        if (england.NotGraded > 0) warnings.Add(Freshness.NotGradedWarning(area, england.NotGraded));

        List<CouncilStanding>? standings = null;
        if (includeCouncils)
        {
            var regions = vocabulary.Regions.ToDictionary(r => r.Code);
            standings = councils.Where(c => c.InOperation(asOf)).Select(c =>
            {
                var l = latest.GetValueOrDefault(c.Code);
                var status = Standings.StatusOf(l);
                return new CouncilStanding(c.Code, c.Name, c.Slug, regions[c.RegionCode], c.Type, AreaStates.Name(status),
                    status == AreaState.Graded ? l!.Grade : null, l?.Id, l?.Published, l?.FrameworkVersion);
            }).ToList();
        }

        return (new Distribution(asOf, dataAsOf, warnings, area, framework, groupBy, Distributions.Denominator, england, groups, standings), standings);
    }

    private static CsvColumn<CouncilStanding>[] CouncilColumns(DateOnly asOf, DateOnly? dataAsOf, string area, string? framework) =>
    [
        new("as_of", _ => asOf), new("area", _ => area), new("framework", _ => framework),
        new("council_code", c => c.Code), new("council_name", c => c.Name), new("region_code", c => c.Region.Code),
        new("region_name", c => c.Region.Name), new("type", c => c.Type), new("status", c => c.Status), new("grade", c => c.Grade),
        new("inspection_id", c => c.InspectionId), new("published", c => c.Published), new("framework_version", c => c.FrameworkVersion),
        new("data_as_of", _ => dataAsOf),
    ];
}
