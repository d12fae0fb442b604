using System.IO.Pipelines;
using CsvHelper;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Extensions;

namespace JudgementsApi.Infrastructure;

// What a /v1 endpoint answers: a collection as one JSON page with its links, or as CSV every matching
// row (PageOrCsv); a finished body of its own media type (BodyResult); or an RFC 9457 problem from the
// one catalogue below (Problems), whose type URIs explain themselves at /problems/{slug}.

/// <summary>The answer of every collection: one JSON page (with its Link header), or as CSV every matching row.</summary>
public static class Collections
{
    /// <summary>
    /// <paramref name="read"/> is asked for the page, or for <see cref="Paging.All"/> when the request
    /// negotiated CSV (<c>format=csv</c> or <c>Accept: text/csv</c>).
    /// </summary>
    public static Results<Ok<Page<T>>, CsvResult<T>, ProblemHttpResult> PageOrCsv<T>(this HttpContext http,
        Paging paging, Func<Paging, (List<T> Items, long Total)> read, string fileName, IReadOnlyList<CsvColumn<T>> columns)
    {
        if (http.WantsCsv()) return new CsvResult<T>(fileName, columns, read(Paging.All).Items);
        var (items, total) = read(paging);
        return TypedResults.Ok(http.ToPage(items, total, paging));
    }

    /// <summary>The same for a reader that queries PostgreSQL.</summary>
    public static async Task<Results<Ok<Page<T>>, CsvResult<T>, ProblemHttpResult>> PageOrCsvAsync<T>(this HttpContext http,
        Paging paging, Func<Paging, Task<(List<T> Items, long Total)>> read, string fileName, IReadOnlyList<CsvColumn<T>> columns)
    {
        var rows = await read(http.WantsCsv() ? Paging.All : paging);
        return http.PageOrCsv(paging, _ => rows, fileName, columns);
    }

    /// <summary>A short collection sent whole: every row on one page, or as CSV.</summary>
    public static Results<Ok<Page<T>>, CsvResult<T>, ProblemHttpResult> AllOrCsv<T>(this HttpContext http,
        IReadOnlyList<T> rows, string fileName, IReadOnlyList<CsvColumn<T>> columns) =>
        http.WantsCsv()
            ? new CsvResult<T>(fileName, columns, rows)
            : TypedResults.Ok(http.ToPage(rows, rows.Count, new Paging(Math.Max(rows.Count, 1), 0)));

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

public sealed record PageMeta(long Total, int Limit, int Offset);

public sealed record PageLinks(string Self, string? Next, string? Prev);

/// <summary>The envelope of every collection: one page of data, its position, and links to its neighbours.</summary>
public sealed record Page<T>(IReadOnlyList<T> Data, PageMeta Meta, PageLinks Links);


/// <summary>
/// A finished body (an SVG, a feed, a zip), written through the response's pipe so the output cache
/// keeps it.
/// </summary>
public sealed class BodyResult(string contentType, ReadOnlyMemory<byte> body, string? downloadName = null) : IResult
{
    public BodyResult(string contentType, string text) : this(contentType, Encoding.UTF8.GetBytes(text)) { }

    public ReadOnlyMemory<byte> Body => body;

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.ContentType = contentType;
        http.Response.ContentLength = body.Length;
        if (downloadName is not null) http.Response.Headers.ContentDisposition = $"attachment; filename=\"{downloadName}\"";
        await http.Response.BodyWriter.WriteAsync(body);
    }
}

public sealed record CsvColumn<T>(string Name, Func<T, object?> Value);

/// <summary>RFC 4180 CSV with a header row, sent as a download with a meaningful file name.</summary>
/// <remarks>The OpenAPI document lists text/csv beside JSON for every endpoint marked <see cref="Negotiation.WithCsv{TBuilder}"/>.</remarks>
/// <param name="warnings">What the JSON's <c>warnings</c> would say, sent as Warning headers (299, persistent), one each.</param>
public sealed class CsvResult<T>(string fileName, IReadOnlyList<CsvColumn<T>> columns, IEnumerable<T> rows,
    IReadOnlyList<string>? warnings = null) : IResult
{
    // CRLF and quoting only where a field needs it (RFC 4180) are CsvHelper's defaults; booleans as JSON spells them.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { TrueValue = "true", FalseValue = "false" };

    /// <summary>
    /// Rows are encoded into the response's pipe as they are formatted, a buffer (64 KiB) at a time,
    /// so a large export never sits whole in memory. (The pipe, not a stream over Response.Body: the
    /// output cache captures what goes through it.)
    /// </summary>
    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.ContentType = "text/csv; charset=utf-8; header=present";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        foreach (var warning in warnings ?? []) http.Response.Headers.Append("Warning", WarningHeader(warning));
        if (http.WantsBom()) System.Buffers.BuffersExtensions.Write(http.Response.BodyWriter, Encoding.UTF8.Preamble);
        var csv = CsvWriter.Create(http.Response.BodyWriter.AsStream(leaveOpen: true), Options, leaveOpen: true);
        foreach (var column in columns) csv.WriteField(column.Name);
        await csv.EndRecordAsync();
        foreach (var row in rows)
        {
            foreach (var column in columns) WriteValue(csv, column.Value(row));
            await csv.EndRecordAsync();
        }
        // Only on success: disposing sends what is buffered, and a failure before the first full
        // buffer must leave the response unstarted so that it can still become a problem document.
        await csv.DisposeAsync();
    }

    /// <summary>A warn-code 299 header (RFC 7234 5.5): the text quoted, in ASCII as header values must be.</summary>
    internal static string WarningHeader(string text)
    {
        var ascii = new string(text.Replace("…", "...").Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
        return $"299 - \"{ascii.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";
    }

    private static void WriteValue(CsvWriter csv, object? value)
    {
        switch (value)
        {
            case null: csv.WriteField((string?)null); break;
            case string text: csv.WriteField(text); break;
            case int number: csv.WriteField(number, default); break;
            case DateOnly date: csv.WriteField(date, "yyyy-MM-dd"); break;
            case bool flag: csv.WriteField(flag); break;
            case IFormattable formattable: csv.WriteField(formattable.ToString(null, CultureInfo.InvariantCulture)); break;
            case IEnumerable<string> list: csv.WriteField(string.Join("; ", list)); break;
            default: csv.WriteField(value.ToString()); break;
        }
    }
}

/// <summary>One bad query parameter: which, what is wrong, and what would be accepted.</summary>
public sealed record ParameterError(string Parameter, string Message, IReadOnlyList<string>? Allowed = null);

/// <summary>A kind of problem the API reports; its <c>type</c> URI answers with <see cref="Explanation"/>.</summary>
public sealed record ProblemKind(string Slug, int Status, string Title, string Explanation)
{
    public string Type => $"/problems/{Slug}";
}

/// <summary>RFC 9457 problem documents: every 4xx/5xx the API sends is one of these kinds.</summary>
public static class Problems
{
    public static readonly ProblemKind InvalidParameter = new("invalid-parameter", 400, "Invalid request parameters",
        "One or more query parameters were not understood. The errors list names each parameter, what is wrong with it and, where the values are a fixed set, the values that are accepted. Unknown parameter names are rejected too, so that a typo never silently returns unfiltered data.");
    public static readonly ProblemKind NotFound = new("not-found", 404, "Not found",
        "Nothing exists at this address. Councils are addressed by ONS code (E06000051), DfE three-digit code (893), a former ONS code or slug (shropshire), and a council's name redirects to its slug; for a name that matches no council the suggestions member lists the closest. Inspections and focused visits are addressed by their id.");
    public static readonly ProblemKind UnsupportedVersion = new("unsupported-version", 404, "Unsupported API version",
        "The path names an API version this server does not serve. The supportedVersions member and the api-supported-versions header list the versions that exist; every resource lives under /v1.");
    public static readonly ProblemKind NotAcceptable = new("not-acceptable", 406, "Not acceptable",
        "The Accept header asks for a representation this resource cannot produce. Every resource answers application/json; collections also answer text/csv (or format=csv).");
    public static readonly ProblemKind MethodNotAllowed = new("method-not-allowed", 405, "Method not allowed",
        "The API is read-only: resources answer GET and HEAD (and OPTIONS for CORS preflight).");
    public static readonly ProblemKind UriTooLong = new("uri-too-long", 414, "Request URI too long",
        "The request path or query string is longer than the API accepts. Narrow the request, for example by sending fewer council codes at once.");
    public static readonly ProblemKind HeadersTooLarge = new("headers-too-large", 431, "Request headers too large",
        "The request's headers together are longer than the API accepts (32 KB). Send fewer or shorter headers; " +
        "no resource depends on more than Accept and Accept-Encoding.");
    public static readonly ProblemKind TooManyRequests = new("too-many-requests", 429, "Too many requests",
        "This client has used its share of requests that must be computed (those not already cached) or of full CSV exports. Retry after the number of seconds in the Retry-After header; the RateLimit-Limit and RateLimit-Policy headers give the limit and its window in seconds. Answers already cached, and conditional requests answered 304, are never limited.");
    public static readonly ProblemKind ServiceUnavailable = new("service-unavailable", 503, "Service unavailable",
        "The API cannot reach its database just now. Retry after the number of seconds in the Retry-After header; /health/ready reports when it is back.");
    public static readonly ProblemKind InternalError = new("internal-error", 500, "Internal server error",
        "Something failed inside the API. No detail is exposed; the traceId member identifies the failure in the server's logs.");

    public static readonly IReadOnlyList<ProblemKind> All =
        [
            InvalidParameter, NotFound, UnsupportedVersion, NotAcceptable, MethodNotAllowed, UriTooLong, HeadersTooLarge,
            TooManyRequests, ServiceUnavailable, InternalError,
        ];

    private static readonly Dictionary<int, ProblemKind> ByStatus = new()
    {
        [400] = InvalidParameter, [404] = NotFound, [405] = MethodNotAllowed, [406] = NotAcceptable,
        [414] = UriTooLong, [431] = HeadersTooLarge, [429] = TooManyRequests, [500] = InternalError, [503] = ServiceUnavailable,
    };

    public static ProblemHttpResult Problem(ProblemKind kind, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: kind.Status, title: kind.Title, type: kind.Type, extensions: extensions);

    public static ProblemHttpResult Invalid(IReadOnlyList<ParameterError> errors) =>
        Problem(InvalidParameter,
            errors.Count == 1 ? errors[0].Message : $"{errors.Count} parameters are invalid; see errors.",
            new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult NotFoundFor(string what, string id) =>
        Problem(NotFound, $"No {what} has the identifier '{id}'.");

    /// <summary>Problem details everywhere: our type URIs, a trace id, and 503 for a database that cannot be reached.</summary>
    public static IServiceCollection AddApiProblems(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
        {
            var problem = ctx.ProblemDetails;
            // Asp.Versioning's own answer to a version it does not know becomes ours.
            if (problem.Type == Asp.Versioning.ProblemDetailsDefaults.Unsupported.Type)
            {
                var unsupported = ApiVersions.Unsupported("v" + ctx.HttpContext.Features.Get<Asp.Versioning.IApiVersioningFeature>()?.RawRequestedApiVersion).ProblemDetails;
                problem.Type = unsupported.Type;
                problem.Title = unsupported.Title;
                problem.Detail = unsupported.Detail;
                problem.Extensions.Remove("code");
                foreach (var (key, value) in unsupported.Extensions) problem.Extensions[key] = value;
            }
            if (problem.Status is { } status && ByStatus.TryGetValue(status, out var kind)
                && (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal)))
            {
                problem.Type = kind.Type;
                problem.Title = kind.Title;
                problem.Detail ??= status switch
                {
                    404 => $"Nothing exists at {ctx.HttpContext.Request.Path}.",
                    503 => "The database cannot be reached just now; retry shortly.",
                    500 => "An unexpected error occurred; quote the traceId when reporting it.",
                    _ => null,
                };
            }
            if (problem.Status == 503) ctx.HttpContext.Response.Headers.RetryAfter = "5";
            problem.Instance ??= ctx.HttpContext.Request.Path;
            problem.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });

    public static IApplicationBuilder UseApiProblems(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                _ when Database.IsUnavailable(ex) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>GET /problems/{slug}: the human explanation behind each problem type.</summary>
    public static void MapProblemTypes(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/problems/{slug}", Results<RazorComponentResult<ProblemTypePage>, ProblemHttpResult> (string slug) =>
            All.FirstOrDefault(k => k.Slug == slug) is { } kind
                ? new RazorComponentResult<ProblemTypePage>(new { Kind = kind })
                : NotFoundFor("problem type", slug))
            .WithName("GetProblemType")
            .WithSummary("Explain a problem type")
            .WithDescription("The `type` of every problem document the API sends is a URI under /problems; this page explains it.")
            .WithTags("Problems")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// A refusal before any endpoint runs: the problem document for the API and for programs, the problem
    /// type's page for a browser asking for HTML anywhere else (the pages, /embed).
    /// </summary>
    public static IResult Refusal(HttpContext http, ProblemKind kind, string detail) =>
        !ApiVersions.IsVersioned(http.Request.Path)
        && http.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true)
            ? HtmlPage(kind)
            : Problem(kind, detail);

    /// <summary>The problem type's page, answered with the problem's own status (for people: pages and /embed).</summary>
    public static IResult HtmlPage(ProblemKind kind) =>
        new RazorComponentResult<ProblemTypePage>(new { Kind = kind }) { StatusCode = kind.Status };
}
