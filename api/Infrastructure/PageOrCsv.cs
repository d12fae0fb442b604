using Microsoft.AspNetCore.Http.HttpResults;

namespace JudgementsApi.Infrastructure;

/// <summary>The answer of every collection: one JSON page (with its Link header), or as CSV every matching row.</summary>
public static class PageOrCsv
{
    /// <summary>
    /// <paramref name="read"/> is asked for the page, or for <see cref="Paging.All"/> when the request
    /// negotiated CSV (<c>format=csv</c> or <c>Accept: text/csv</c>).
    /// </summary>
    public static async Task<Results<Ok<Page<T>>, CsvResult<T>, ProblemHttpResult>> PageOrCsvAsync<T>(this HttpContext http,
        Paging paging, Func<Paging, Task<(List<T> Items, long Total)>> read, string fileName, IReadOnlyList<CsvColumn<T>> columns)
    {
        if (http.WantsCsv()) return new CsvResult<T>(fileName, columns, (await read(Paging.All)).Items);
        var (items, total) = await read(paging);
        return TypedResults.Ok(http.ToPage(items, total, paging));
    }

    /// <summary>A short collection sent whole: every row on one page, or as CSV.</summary>
    public static Results<Ok<Page<T>>, CsvResult<T>, ProblemHttpResult> AllOrCsv<T>(this HttpContext http,
        IReadOnlyList<T> rows, string fileName, IReadOnlyList<CsvColumn<T>> columns) =>
        http.WantsCsv()
            ? new CsvResult<T>(fileName, columns, rows)
            : TypedResults.Ok(http.ToPage(rows, rows.Count, new Paging(Math.Max(rows.Count, 1), 0)));
}
