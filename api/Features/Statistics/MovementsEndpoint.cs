using JudgementsApi.Features.Councils;
using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.Statistics;

/// <summary>
/// GET /v1/statistics/movements: each council's grade as at two days and how far it moved. Both
/// days use the distribution's rule (<see cref="Standings.Latest(DatasetSnapshot, AreaSelection, DateOnly)"/>),
/// so the grades here are exactly those /statistics/distribution?include=councils lists for each day.
/// </summary>
public static class MovementsEndpoint
{
    public const string NotInOperation = "notInOperation";

    internal static async Task<Results<Ok<CouncilMovements>, CsvResult<CouncilMovement>, ProblemHttpResult>> Get(
        [AsParameters] MovementsQuery query, [AsParameters] ListQuery paged, HttpContext http, VocabularySource vocabularies)
    {
        var vocabulary = await vocabularies.GetAsync();
        var (area, region, onlyCodes, fromGrade, toGrade, direction, sort, from, to) = query.Filter;
        var paging = paged.Paging;

        var snapshot = await http.SnapshotAsync();
        var (compared, scale) = Compare(snapshot, vocabulary, area, region, onlyCodes, from, to);
        var rows = compared
            .Where(m => fromGrade is null || m.From.Grade == fromGrade)
            .Where(m => toGrade is null || m.To.Grade == toGrade)
            .Where(m => direction is null || m.Direction == direction)
            .ToList();

        IOrderedEnumerable<CouncilMovement> ordered = sort switch
        {
            "region" => rows.OrderBy(m => m.Region.Name, StringComparer.Ordinal).ThenBy(m => m.Council.Name, StringComparer.Ordinal),
            // Councils not compared (no grade on one of the days) come last either way.
            "-steps" => rows.OrderBy(m => m.Steps is null).ThenByDescending(m => m.Steps).ThenBy(m => m.Council.Name, StringComparer.Ordinal),
            "steps" => rows.OrderBy(m => m.Steps is null).ThenBy(m => m.Steps).ThenBy(m => m.Council.Name, StringComparer.Ordinal),
            _ => rows.OrderBy(m => m.Council.Name, StringComparer.Ordinal),
        };
        var list = ordered.ThenBy(m => m.Council.Code, StringComparer.Ordinal).ToList();

        var dataAsOf = Freshness.DataAsOf(snapshot);
        var warnings = Freshness.Warnings(to, dataAsOf);
        // Counted before the grade and direction filters: "who declined" still says how many could not be compared.
        var notGraded = compared.Count(m => m.From.Status == "notGraded" || m.To.Status == "notGraded");
        if (notGraded > 0) warnings.Add(Freshness.NotGradedWarning(area, notGraded));

        if (http.WantsCsv())
            return new CsvResult<CouncilMovement>($"movements-{area}-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.csv",
                CsvColumns(from, to, dataAsOf, area), list, warnings);

        var counts = new MovementCounts(list.Count, list.Count(m => m.Steps is not null),
            list.Count(m => m.Direction == "up"), list.Count(m => m.Direction == "down"), list.Count(m => m.Direction == "same"));
        var page = list.Skip(paging.Offset).Take(paging.Limit).ToList();
        return TypedResults.Ok(new CouncilMovements(from, to, dataAsOf, warnings, area, region?.Code,
            onlyCodes, fromGrade, toGrade, direction, sort, scale, counts, http.ToPage(page, list.Count, paging)));
    }

    /// <summary>
    /// Every council in operation on either day (in the region, among the codes, if given) with its standing on each
    /// and the steps between them, in council-list order; and the grade scale. The endpoint and the statistics page read this.
    /// </summary>
    internal static (List<CouncilMovement> Compared, List<string> Scale) Compare(DatasetSnapshot snapshot, Vocabulary vocabulary,
        string area, RegionRef? region, IReadOnlyList<string>? onlyCodes, DateOnly from, DateOnly to)
    {
        var councils = Standings.Councils(snapshot);
        var selection = StatisticsEndpoints.Selection(vocabulary, area, null);
        var areaByVersion = Standings.AreaByVersion(snapshot, selection);
        var before = (Standings.Latest(snapshot, null, from, [areaByVersion]))[0];
        var after = (Standings.Latest(snapshot, null, to, [areaByVersion]))[0];
        var ranks = snapshot.Grades.ToDictionary(g => g.Code, g => g.Rank);
        var scale = Standings.Complete(Standings.Scale(snapshot, selection),
            before.Values.Concat(after.Values).Select(r => r.Grade), vocabulary.Grades);
        var regions = vocabulary.Regions.ToDictionary(r => r.Code);
        var only = onlyCodes?.ToHashSet();

        var compared = councils
            .Where(c => c.InOperation(from) || c.InOperation(to))
            .Where(c => region is null || c.RegionCode == region.Code)
            .Where(c => only is null || only.Contains(c.Code))
            .Select(c =>
            {
                var a = AsAt(c, from, before);
                var b = AsAt(c, to, after);
                // Steps on the grade scale: grades share a rank where they share a place (adequate before
                // 2013, requires improvement since), so adequate → requires improvement is 0 steps.
                int? steps = a.Status == "graded" && b.Status == "graded" && ranks.TryGetValue(a.Grade!, out var ra) && ranks.TryGetValue(b.Grade!, out var rb)
                    ? ra - rb : null;
                return new CouncilMovement(new CouncilRef(c.Code, c.Name, c.Slug), regions[c.RegionCode], a, b, steps,
                    steps switch { null => null, > 0 => "up", < 0 => "down", _ => "same" });
            })
            .ToList();
        return (compared, scale);
    }

    /// <summary>The council's standing on <paramref name="day"/>, by the distribution's rule.</summary>
    private static StandingAsAt AsAt(CouncilPeriod council, DateOnly day, IReadOnlyDictionary<string, StandingRow> latest)
    {
        if (!council.InOperation(day)) return new StandingAsAt(NotInOperation, null, null, null, null);
        var l = latest.GetValueOrDefault(council.Code);
        var status = Standings.StatusOf(l);
        return new StandingAsAt(AreaStates.Name(status), status == AreaState.Graded ? l!.Grade : null, l?.Id, l?.Published, l?.FrameworkVersion);
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
