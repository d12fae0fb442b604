using Dapper;
using Npgsql;

namespace JudgementsApi.Features.Statistics;

/// <summary>A council as the statistics see it: when it was in operation, and where it sits.</summary>
internal sealed class CouncilRow
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string Type { get; init; } = "";
    public string RegionCode { get; init; } = "";
    public DateOnly? Opened { get; init; }
    /// <summary>The council's last day in operation (councils.csv: Bournemouth closed 2019-03-31, BCP opened 2019-04-01).</summary>
    public DateOnly? Closed { get; init; }
    /// <summary>The earliest date a successor took over from it (council_successions.date), if any.</summary>
    public DateOnly? Replaced { get; init; }

    /// <summary>
    /// In operation on <paramref name="day"/>: opened on or before it, not closed before it, and not yet
    /// replaced. <c>closed</c> is the last day in operation and a successor's <c>opened</c> (and the
    /// succession date) is the day after, so each council counts on exactly the days it existed; the
    /// succession date also ends a predecessor should <c>closed</c> ever be missing or late.
    /// </summary>
    public bool InOperation(DateOnly day) => FirstDay <= day.DayNumber && day.DayNumber <= LastDay;

    /// <summary>The first day in operation, as a day number.</summary>
    public int FirstDay => Opened?.DayNumber ?? int.MinValue;

    /// <summary>The last day in operation, as a day number: the day it closed, or the day before a successor took over.</summary>
    public int LastDay => Math.Min(Closed?.DayNumber ?? int.MaxValue, Replaced is { } r ? r.DayNumber - 1 : int.MaxValue);
}

/// <summary>One full inspection and what it says about the requested area.</summary>
internal sealed class StandingRow
{
    public string CouncilCode { get; init; } = "";
    public string Id { get; init; } = "";
    public DateOnly Published { get; init; }
    /// <summary>The first day the judgement counts: <see cref="Published"/>, or the last day of the month or
    /// year when that is all the source gives (inspections.counts_from).</summary>
    public DateOnly CountsFrom { get; init; }
    public string FrameworkVersion { get; init; } = "";
    /// <summary>The judgement's status (judgements.status): graded, not_judged, not_covered or unknown; null when not graded.</summary>
    public string? JudgementStatus { get; init; }
    /// <summary>The inspection's framework version grades the area (a family: some area of it).</summary>
    public bool Graded { get; init; }
    /// <summary>The grade; null when not graded, or graded but unknown in the data.</summary>
    public string? Grade { get; init; }
}

/// <summary>Where a council stands on a day, in one area.</summary>
internal enum StandingStatus { Graded, NotInspected, NotGraded, NotJudged, NotCovered, Unknown }

internal static class StatusNames
{
    public static string Of(StandingStatus s) => s switch
    {
        StandingStatus.Graded => "graded",
        StandingStatus.NotInspected => "notInspected",
        StandingStatus.NotGraded => "notGraded",
        StandingStatus.NotJudged => "notJudged",
        StandingStatus.NotCovered => "notCovered",
        _ => "unknown",
    };
}

/// <summary>The area and framework a statistic is about.</summary>
/// <param name="Area">A family (overall_effectiveness) or one area code (sif_overall_effectiveness).</param>
/// <param name="IsFamily">Whether <paramref name="Area"/> names a family.</param>
/// <param name="Framework">A framework (sif) or framework version (ilacs-2023) slug; null for all.</param>
internal sealed record AreaSelection(string Area, bool IsFamily, string? Framework);

/// <summary>
/// Reads councils and full inspections for the statistics. Every statistic derives from one rule:
/// a council's standing on a day is its most recent full inspection published on or before that
/// day (a judgement dated only to a month or year counts from that period's last day: counts_from)
/// (under the framework asked for, if any), ties broken by id, and that inspection's grade in
/// the area; an inspection that does not grade the area is "not graded", never replaced by an
/// older one that did.
/// </summary>
internal static class Standings
{
    private const string CouncilsSql = """
        SELECT c.code, c.name, c.slug, c.type, c.region_code, c.opened, c.closed, s.replaced
        FROM councils c
        LEFT JOIN (SELECT predecessor_code, min(date) AS replaced FROM council_successions GROUP BY predecessor_code) s
          ON s.predecessor_code = c.code
        ORDER BY c.name, c.code
        """;

    public static async Task<List<CouncilRow>> CouncilsAsync(NpgsqlConnection conn) =>
        (await conn.QueryAsync<CouncilRow>(CouncilsSql)).ToList();

    private static string AreaCondition(AreaSelection s) => s.IsFamily ? "a.family = @Area" : "a.code = @Area";

    private static string FrameworkCondition(string? framework) => framework is null ? "" :
        "AND i.framework_version IN (SELECT slug FROM framework_versions WHERE slug = @Framework OR framework = @Framework)";

    /// <summary>
    /// For each framework version that grades the area, the area code it grades (a family has at
    /// most one area per version; should one ever have two, the first in display order counts).
    /// </summary>
    public static async Task<Dictionary<string, string>> AreaByVersionAsync(NpgsqlConnection conn, AreaSelection s) =>
        (await conn.QueryAsync<(string Version, string Area)>($"""
            SELECT DISTINCT ON (va.framework_version) va.framework_version, va.area_code
            FROM framework_version_areas va JOIN judgement_areas a ON a.code = va.area_code
            WHERE {AreaCondition(s)}
            ORDER BY va.framework_version, va.display_order, va.area_code
            """, new { s.Area })).ToDictionary(r => r.Version, r => r.Area, StringComparer.Ordinal);

    /// <summary>An inspection with one of its judgements in the areas asked for (or none).</summary>
    private sealed class Row
    {
        public string CouncilCode { get; init; } = "";
        public string Id { get; init; } = "";
        public DateOnly Published { get; init; }
        public DateOnly CountsFrom { get; init; }
        public string FrameworkVersion { get; init; } = "";
        public string? AreaCode { get; init; }
        public string? Grade { get; init; }
        public string? Status { get; init; }
    }

    /// <summary>Candidate inspections c, each with its judgements in @Codes (one row per judgement, or one with none).</summary>
    private static string WithJudgements(string candidates) => $"""
        WITH c AS MATERIALIZED ({candidates})
        SELECT c.council_code, c.id, c.published, c.counts_from, c.framework_version, j.area_code, j.grade, j.status
        FROM c LEFT JOIN judgements j ON j.inspection_id = c.id AND j.area_code = ANY (@Codes)
        ORDER BY c.counts_from, c.id
        """;

    /// <summary>Each inspection once, in the order read, with its grade in the area its version grades.</summary>
    private static List<StandingRow> Resolve(IReadOnlyList<Row> rows, IReadOnlyDictionary<string, string> areaByVersion)
    {
        var result = new List<StandingRow>();
        for (var k = 0; k < rows.Count;)
        {
            var first = rows[k];
            var graded = areaByVersion.TryGetValue(first.FrameworkVersion, out var area);
            string? grade = null, status = null;
            for (; k < rows.Count && rows[k].Id == first.Id; k++)
                if (graded && rows[k].AreaCode == area) (grade, status) = (rows[k].Grade, rows[k].Status);
            result.Add(new StandingRow
            {
                CouncilCode = first.CouncilCode, Id = first.Id, Published = first.Published, CountsFrom = first.CountsFrom,
                FrameworkVersion = first.FrameworkVersion, Graded = graded, Grade = grade, JudgementStatus = status,
            });
        }
        return result;
    }

    /// <summary>Each council's latest full inspection published on or before <paramref name="asOf"/>.</summary>
    public static async Task<Dictionary<string, StandingRow>> LatestAsync(NpgsqlConnection conn, AreaSelection s, DateOnly asOf) =>
        (await LatestAsync(conn, s.Framework, asOf, [await AreaByVersionAsync(conn, s)]))[0];

    /// <summary>
    /// Each council's latest full inspection published on or before <paramref name="asOf"/> (under
    /// <paramref name="framework"/>, if given), read once and resolved for several areas.
    /// </summary>
    public static async Task<List<Dictionary<string, StandingRow>>> LatestAsync(
        NpgsqlConnection conn, string? framework, DateOnly asOf, IReadOnlyList<Dictionary<string, string>> areaMaps)
    {
        var sql = WithJudgements($"""
            SELECT DISTINCT ON (i.council_code) i.council_code, i.id, i.published, i.counts_from, i.framework_version
            FROM inspections i
            WHERE i.full_inspection AND i.counts_from <= @Until {FrameworkCondition(framework)}
            ORDER BY i.council_code, i.counts_from DESC, i.id DESC
            """);
        var codes = areaMaps.SelectMany(m => m.Values).Distinct().ToArray();
        var rows = (await conn.QueryAsync<Row>(sql, new { Framework = framework, Until = asOf, Codes = codes })).ToList();
        return areaMaps.Select(m => Resolve(rows, m).ToDictionary(r => r.CouncilCode, StringComparer.Ordinal)).ToList();
    }

    /// <summary>
    /// Every full inspection published on or before <paramref name="until"/>, oldest first in the order
    /// <see cref="LatestAsync(NpgsqlConnection, AreaSelection, DateOnly)"/> ranks them (published, then
    /// id), so replaying them leaves each council's latest last.
    /// </summary>
    public static async Task<List<StandingRow>> HistoryAsync(NpgsqlConnection conn, AreaSelection s, DateOnly until)
    {
        var areaByVersion = await AreaByVersionAsync(conn, s);
        var sql = WithJudgements($"""
            SELECT i.council_code, i.id, i.published, i.counts_from, i.framework_version
            FROM inspections i
            WHERE i.full_inspection AND i.counts_from <= @Until {FrameworkCondition(s.Framework)}
            """);
        var rows = (await conn.QueryAsync<Row>(sql, new { s.Framework, Until = until, Codes = areaByVersion.Values.Distinct().ToArray() })).ToList();
        return Resolve(rows, areaByVersion);
    }

    /// <summary>
    /// The grades the area can take: every grade on the scale of a framework version that grades it
    /// (within the framework asked for), best first. Zero counts are listed for each.
    /// </summary>
    public static async Task<List<string>> ScaleAsync(NpgsqlConnection conn, AreaSelection s)
    {
        var sql = $"""
            SELECT g.code
            FROM grades g
            WHERE EXISTS (
                SELECT 1 FROM framework_versions v
                WHERE g.code = ANY (v.grade_scale)
                  AND EXISTS (SELECT 1 FROM framework_version_areas va JOIN judgement_areas a ON a.code = va.area_code
                              WHERE va.framework_version = v.slug AND {AreaCondition(s)})
                  {(s.Framework is null ? "" : "AND (v.slug = @Framework OR v.framework = @Framework)")})
            ORDER BY g.rank, g.code
            """;
        return (await conn.QueryAsync<string>(sql, new { s.Area, s.Framework })).ToList();
    }

    public static StandingStatus StatusOf(StandingRow? latest) =>
        latest is null ? StandingStatus.NotInspected
        : !latest.Graded ? StandingStatus.NotGraded
        : latest.Grade is not null ? StandingStatus.Graded
        : latest.JudgementStatus switch
        {
            "not_judged" => StandingStatus.NotJudged,
            "not_covered" => StandingStatus.NotCovered,
            _ => StandingStatus.Unknown,
        };

    /// <summary>
    /// A scale that also holds any grade found in the data but missing from the scale, in the
    /// vocabulary's order, so that counts always add up to <c>judged</c>.
    /// </summary>
    public static List<string> Complete(IReadOnlyList<string> scale, IEnumerable<string?> seen, IReadOnlyList<string> allGrades)
    {
        var set = new HashSet<string>(scale);
        foreach (var g in seen) if (g is not null) set.Add(g);
        if (set.Count == scale.Count) return [.. scale];
        return [.. set.OrderBy(g => allGrades.IndexOf(g) is var i and >= 0 ? i : int.MaxValue).ThenBy(g => g, StringComparer.Ordinal)];
    }

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }

}
