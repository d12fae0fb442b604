using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features;

/// <summary>
/// What focused visits and monitoring visits share: each is a letter to a council, filtered by council,
/// region and letter date, and listed newest letter first. Null is "any".
/// </summary>
public abstract record LetterFilter
{
    public string? Id { get; init; }
    public IReadOnlyList<string>? CouncilCodes { get; init; }
    public string? RegionCode { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>Fixed SQL fragments over the letters <c>v</c> and councils <c>c</c>, with named parameters.</summary>
    public virtual void AddClauses(List<string> clauses, DynamicParameters p)
    {
        if (Id is not null) { clauses.Add("v.id = @Id"); p.Add("Id", Id); }
        if (CouncilCodes is not null) { clauses.Add("v.council_code = ANY (@Councils)"); p.Add("Councils", CouncilCodes.ToArray()); }
        if (RegionCode is not null) { clauses.Add("c.region_code = @Region"); p.Add("Region", RegionCode); }
        if (From is not null) { clauses.Add("v.letter_date >= @From"); p.Add("From", From); }
        if (To is not null) { clauses.Add("v.letter_date <= @To"); p.Add("To", To); }
    }
}

/// <summary>The columns every letter has; a feature's row adds its own.</summary>
public abstract class LetterRow
{
    public string Id { get; init; } = "";
    public string CouncilCode { get; init; } = "";
    public string CouncilName { get; init; } = "";
    public string CouncilSlug { get; init; } = "";
    public DateOnly LetterDate { get; init; }
    public DateOnly? VisitStart { get; init; }
    public DateOnly? VisitEnd { get; init; }
    public string[] Inspectors { get; init; } = [];
    public string? ReportUrl { get; init; }
    public string Source { get; init; } = "";
    public long Total { get; init; }

    public CouncilRef Council => new(CouncilCode, CouncilName, CouncilSlug);
}

public static class Letters
{
    /// <summary>
    /// One page of <paramref name="table"/> (newest letter first) with <paramref name="columns"/> besides the
    /// shared ones, and the count of every matching letter.
    /// </summary>
    public static async Task<(List<TRow> Rows, long Total)> QueryAsync<TRow>(
        NpgsqlConnection conn, string table, string columns, LetterFilter filter, Paging paging) where TRow : LetterRow
    {
        var clauses = new List<string>();
        var p = new DynamicParameters();
        filter.AddClauses(clauses, p);
        var where = clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", clauses);
        p.Add("Limit", paging.Limit);
        p.Add("Offset", paging.Offset);
        var rows = (await conn.QueryAsync<TRow>($"""
            SELECT v.id, v.council_code, c.name AS council_name, c.slug AS council_slug, v.letter_date, v.visit_start, v.visit_end,
                   v.inspectors, v.report_url, v.source, {columns}, count(*) OVER () AS total
            FROM {table} v JOIN councils c ON c.code = v.council_code
            {where}
            ORDER BY v.letter_date DESC, v.id DESC
            {(paging == Paging.All ? "" : "LIMIT @Limit OFFSET @Offset")}
            """, p)).ToList();
        var total = await Collections.TotalAsync(conn, rows.FirstOrDefault()?.Total, paging,
            $"SELECT count(*) FROM {table} v JOIN councils c ON c.code = v.council_code {where}", p);
        return (rows, total);
    }

    /// <summary>The letter-date range and the council list, read in the order their errors have always been listed.</summary>
    public static async Task<(DateOnly? From, DateOnly? To, IReadOnlyList<string>? CouncilCodes)> ReadDatesAndCouncilsAsync(
        QueryReader q, string? from, string? to, string? council)
    {
        var f = q.Date("from", from);
        var t = q.Date("to", to);
        q.Ordered("from", f, "to", t);
        var councils = await q.CouncilsAsync("council", council);
        return (f, t, councils?.Select(c => c.Code).ToList());
    }
}
