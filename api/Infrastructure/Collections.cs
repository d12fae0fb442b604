using Dapper;
using Microsoft.AspNetCore.Http.Extensions;
using Npgsql;

namespace JudgementsApi.Infrastructure;

public sealed record PageMeta(long Total, int Limit, int Offset);

public sealed record PageLinks(string Self, string? Next, string? Prev);

/// <summary>The envelope of every collection: one page of data, its position, and links to its neighbours.</summary>
public sealed record Page<T>(IReadOnlyList<T> Data, PageMeta Meta, PageLinks Links);

/// <summary>limit and offset, already validated.</summary>
public readonly record struct Paging(int Limit, int Offset)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
    public const int MaxOffset = 1_000_000;

    public static Paging Read(QueryReader q, string? limit, string? offset) =>
        new(q.Int("limit", limit, DefaultLimit, 1, MaxLimit), q.Int("offset", offset, 0, 0, MaxOffset));

    /// <summary>For CSV every matching row is sent, not one page.</summary>
    public static readonly Paging All = new(int.MaxValue, 0);
}

public static class Collection
{
    /// <summary>
    /// The total of a page read with <c>count(*) OVER ()</c>: its first row carries it; a page past the
    /// end has no row, and only then is <paramref name="countSql"/> run.
    /// </summary>
    public static async Task<long> TotalAsync(NpgsqlConnection conn, long? firstRowTotal, Paging paging, string countSql, object parameters) =>
        firstRowTotal ?? (paging.Offset > 0 ? await conn.ExecuteScalarAsync<long>(countSql, parameters) : 0);

    /// <summary>Builds the page and its Link header; links are relative to the API's own origin.</summary>
    public static Page<T> ToPage<T>(this HttpContext http, IReadOnlyList<T> data, long total, Paging paging)
    {
        var request = http.Request;
        string At(int offset)
        {
            var query = QueryHelpers(request.Query, offset, paging.Limit);
            return request.PathBase + request.Path + query;
        }

        var self = request.PathBase + request.Path + request.QueryString;
        var next = paging.Offset + paging.Limit < total ? At(paging.Offset + paging.Limit) : null;
        var prev = paging.Offset > 0 ? At(Math.Max(0, paging.Offset - paging.Limit)) : null;

        var link = new List<string>();
        if (next is not null) link.Add($"<{next}>; rel=\"next\"");
        if (prev is not null) link.Add($"<{prev}>; rel=\"prev\"");
        if (link.Count > 0) http.Response.Headers.Link = string.Join(", ", link);

        return new Page<T>(data, new PageMeta(total, paging.Limit, paging.Offset), new PageLinks(self, next, prev));
    }

    private static string QueryHelpers(IQueryCollection query, int offset, int limit)
    {
        var qb = new QueryBuilder();
        foreach (var (key, values) in query)
        {
            if (key.Equals("offset", StringComparison.OrdinalIgnoreCase) || key.Equals("limit", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var v in values) qb.Add(key, v ?? "");
        }
        qb.Add("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        qb.Add("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return qb.ToString();
    }
}
