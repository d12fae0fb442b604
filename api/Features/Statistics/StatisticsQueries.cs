using System.ComponentModel;

namespace JudgementsApi.Features.Statistics;

public sealed record DistributionQuery(
    [property: Description("The day (YYYY-MM-DD; default today): the councils in operation that day, each by its most recent full inspection published on or before it."), DateExample("2024-03-31")] string? AsOf,
    [property: Description("Judgement area: a family (overall_effectiveness, the default, counts SIF and ILACS judgements together; help_and_protection, children_in_care, care_leavers, leadership, adoption_performance, lscb_review …) or one area code."), VocabularyExample("overall_effectiveness", VocabularySet.Areas)] string? Area,
    [property: Description("none (default), region or type: also count each region or council type."), OneOfExample("region", typeof(Distributions), nameof(Distributions.GroupBys))] string? GroupBy,
    [property: Description("Only judgements made under this framework (" + FrameworkSlugs.Listed + ") or version (" + FrameworkSlugs.VersionExample + "): each council's most recent full inspection under it; councils without one count as notInspected."), VocabularyExample(FrameworkSlugs.Ilacs, VocabularySet.Frameworks)] string? Framework,
    [property: Description("councils: also list each council's standing."), OneOfExample("councils", typeof(DistributionQuery), "Includes")] string? Include,
    [property: Description("json (default) or csv: one row for England and each group; with include=councils one row per council."), FormatExample] string? Format) : IQueryRecord
{
    private static readonly string[] Includes = ["councils"];

    public DistributionFilter Filter { get; private set; } = null!;

    public async ValueTask ReadAsync(QueryReader q)
    {
        var vocabulary = await q.VocabularyAsync();
        var area = q.OneOf("area", Area, vocabulary.AreaNames) ?? StatisticsEndpoints.DefaultArea;
        var groupBy = q.OneOf("groupBy", GroupBy, Distributions.GroupBys) ?? "none";
        var framework = q.OneOf("framework", Framework, StatisticsEndpoints.FrameworkNames(vocabulary));
        var include = q.OneOf("include", Include, Includes);

        var snapshot = await q.SnapshotAsync();
        var today = England.Today(q.Http);
        var asOf = Distributions.ReadDay(q, "asOf", AsOf, today, snapshot.Statistics.Earliest) ?? today;
        if (framework is not null && !snapshot.Statistics.For(area, framework).GradedAnywhere)
            q.Add("framework", $"No version of '{framework}' grades '{area}'.");
        Filter = new DistributionFilter(area, groupBy, framework, include == "councils", asOf);
    }
}

/// <summary>What /statistics/distribution counts: defaults applied, the day checked against the dataset.</summary>
public sealed record DistributionFilter(string Area, string GroupBy, string? Framework, bool IncludeCouncils, DateOnly AsOf);

public sealed record TimelineQuery(
    [property: Description("Judgement area: a family (default overall_effectiveness) or one area code."), VocabularyExample("overall_effectiveness", VocabularySet.Areas)] string? Area,
    [property: Description("First day (YYYY-MM-DD); default the publication of the first full inspection in the dataset."), DateExample("2024-01-01")] string? From,
    [property: Description("Last day (YYYY-MM-DD); default today."), DateExample("2024-12-31")] string? To,
    [property: Description("day, week (ending Sunday), month (default), quarter or year: one point at the end of each, the last being `to` itself."), OneOfExample("year", typeof(TimelineQuery), "Intervals")] string? Interval,
    [property: Description("none (default), region or type."), OneOfExample("region", typeof(Distributions), nameof(Distributions.GroupBys))] string? GroupBy,
    [property: Description("Only judgements made under this framework or version, as for the distribution."), VocabularyExample(FrameworkSlugs.Ilacs, VocabularySet.Frameworks)] string? Framework,
    [property: Description("json (default) or csv: one row per point for England and each group."), FormatExample] string? Format) : IQueryRecord
{
    private static readonly string[] Intervals = ["day", "week", "month", "quarter", "year"];

    public TimelineFilter Filter { get; private set; } = null!;

    public async ValueTask ReadAsync(QueryReader q)
    {
        var vocabulary = await q.VocabularyAsync();
        var area = q.OneOf("area", Area, vocabulary.AreaNames) ?? StatisticsEndpoints.DefaultArea;
        var groupBy = q.OneOf("groupBy", GroupBy, Distributions.GroupBys) ?? "none";
        var framework = q.OneOf("framework", Framework, StatisticsEndpoints.FrameworkNames(vocabulary));
        var interval = q.OneOf("interval", Interval, Intervals) ?? "month";

        var snapshot = await q.SnapshotAsync();
        var today = England.Today(q.Http);
        var earliest = snapshot.Statistics.Earliest;
        var from = Distributions.ReadDay(q, "from", From, today, earliest);
        var to = Distributions.ReadDay(q, "to", To, today, earliest);
        q.Ordered("from", from, "to", to);
        if (framework is not null && !snapshot.Statistics.For(area, framework).GradedAnywhere)
            q.Add("framework", $"No version of '{framework}' grades '{area}'.");

        var end = to ?? today;
        var first = snapshot.FirstFullPublished;
        var start = from ?? first ?? end;
        if (start > end) start = end; // only a default can get here: the dataset's first inspection after `to`
        List<DateOnly> points = [];
        if (!q.Failed)
        {
            points = TimelineEndpoint.Points(start, end, interval, TimelineEndpoint.MaxPoints);
            if (points.Count > TimelineEndpoint.MaxPoints)
                q.Add("interval", $"From {start:yyyy-MM-dd} to {end:yyyy-MM-dd} by {interval} is more than {TimelineEndpoint.MaxPoints} points; use a longer interval or a shorter period.");
        }
        Filter = new TimelineFilter(area, groupBy, framework, interval, start, end, points);
    }
}

/// <summary>What /statistics/timeline draws: defaults applied, and the days of its points.</summary>
public sealed record TimelineFilter(string Area, string GroupBy, string? Framework, string Interval, DateOnly Start, DateOnly End, IReadOnlyList<DateOnly> Points);

public sealed record TransitionsQuery(
    [property: Description("Judgement area: a family (default overall_effectiveness) or one area code."), VocabularyExample("overall_effectiveness", VocabularySet.Areas)] string? Area,
    [property: Description("The later inspection published on or after this day (YYYY-MM-DD)."), DateExample("2024-01-01")] string? From,
    [property: Description("The later inspection published on or before this day (YYYY-MM-DD)."), DateExample("2024-12-31")] string? To,
    [property: Description("Only movements from this grade."), VocabularyExample("requires_improvement", VocabularySet.Grades)] string? FromGrade,
    [property: Description("Only movements to this grade."), VocabularyExample("outstanding", VocabularySet.Grades)] string? ToGrade,
    [property: Description("Only councils in this region (ONS code or slug), by the council of the later inspection."), VocabularyExample("west-midlands", VocabularySet.Regions)] string? Region) : IQueryRecord
{
    public TransitionsFilter Filter { get; private set; } = null!;

    public async ValueTask ReadAsync(QueryReader q)
    {
        var vocabulary = await q.VocabularyAsync();
        var area = q.OneOf("area", Area, vocabulary.AreaNames) ?? StatisticsEndpoints.DefaultArea;
        var from = q.Date("from", From);
        var to = q.Date("to", To);
        q.Ordered("from", from, "to", to);
        var fromGrade = q.OneOf("fromGrade", FromGrade, vocabulary.Grades);
        var toGrade = q.OneOf("toGrade", ToGrade, vocabulary.Grades);
        var region = await q.RegionAsync("region", Region);
        Filter = new TransitionsFilter(area, from, to, fromGrade, toGrade, region);
    }
}

public sealed record TransitionsFilter(string Area, DateOnly? From, DateOnly? To, string? FromGrade, string? ToGrade, RegionRef? Region);

public sealed record MovementsQuery(
    [property: Description("The first day (YYYY-MM-DD), required: each council's grade as at this day."), DateExample("2018-01-01", Required = true)] string? From,
    [property: Description("The second day (YYYY-MM-DD; default today): each council's grade as at this day."), DateExample("2025-12-31")] string? To,
    [property: Description("Judgement area: a family (default overall_effectiveness) or one area code. ILACS inspections from April 2026 give no overall effectiveness judgement: a council whose latest inspection is one is notGraded in it."), VocabularyExample("overall_effectiveness", VocabularySet.Areas)] string? Area,
    [property: Description("Only councils in this region (ONS code or slug)."), VocabularyExample("west-midlands", VocabularySet.Regions)] string? Region,
    [property: Description("Only these councils, comma-separated (at most 200): codes, slugs or names without a comma."), TextExample("shropshire")] string? Council,
    [property: Description("Only councils graded this on the first day."), VocabularyExample("inadequate", VocabularySet.Grades)] string? FromGrade,
    [property: Description("Only councils graded this on the second day."), VocabularyExample("outstanding", VocabularySet.Grades)] string? ToGrade,
    [property: Description("up, down or same: only councils graded on both days that moved so."), OneOfExample("up", typeof(MovementsQuery), "Directions")] string? Direction,
    [property: Description("council (by name, default), region, -steps (most improved first) or steps (most declined first); councils not graded on both days last."), OneOfExample("-steps", typeof(MovementsQuery), "Sorts")] string? Sort) : IQueryRecord
{
    private static readonly string[] Directions = ["up", "down", "same"];
    private static readonly string[] Sorts = ["council", "region", "-steps", "steps"];

    public MovementsFilter Filter { get; private set; } = null!;

    public async ValueTask ReadAsync(QueryReader q)
    {
        var vocabulary = await q.VocabularyAsync();
        var area = q.OneOf("area", Area, vocabulary.AreaNames) ?? StatisticsEndpoints.DefaultArea;
        var region = await q.RegionAsync("region", Region);
        var fromGrade = q.OneOf("fromGrade", FromGrade, vocabulary.Grades);
        var toGrade = q.OneOf("toGrade", ToGrade, vocabulary.Grades);
        var direction = q.OneOf("direction", Direction, Directions);
        var sort = q.OneOf("sort", Sort, Sorts) ?? "council";
        var only = await q.CouncilsAsync("council", Council);

        var snapshot = await q.SnapshotAsync();
        var today = England.Today(q.Http);
        var earliest = snapshot.Statistics.Earliest;
        if (string.IsNullOrEmpty(From)) q.Add("from", "from is required: the first of the two days to compare (YYYY-MM-DD).");
        var from = Distributions.ReadDay(q, "from", From, today, earliest);
        var to = Distributions.ReadDay(q, "to", To, today, earliest) ?? today;
        q.Ordered("from", from, "to", to);
        Filter = new MovementsFilter(area, region, only?.Select(c => c.Code).ToList(), fromGrade, toGrade, direction, sort, from ?? today, to);
    }
}

/// <summary>What /statistics/movements compares: <c>From</c> is required, so it is set whenever the query was valid.</summary>
public sealed record MovementsFilter(string Area, RegionRef? Region, IReadOnlyList<string>? CouncilCodes, string? FromGrade, string? ToGrade,
    string? Direction, string Sort, DateOnly From, DateOnly To);

public sealed record SummaryQuery(
    [property: Description("json (default) or csv: one row per area family with its counts."), FormatExample] string? Format);
