using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using CsvHelper;
using Microsoft.Net.Http.Headers;

namespace JudgementsApi.Infrastructure;

public enum Representation { Json, Csv }

/// <summary>Marks a collection endpoint that can answer text/csv (all matching rows, not one page).</summary>
public sealed class CsvCollectionMetadata;

/// <summary>
/// Marks a resource with its own media type (an SVG badge, an Atom feed, a zip): it answers that
/// type, or a problem document; <see cref="Alternatives"/> are other Accept values that mean it.
/// </summary>
public sealed record MediaTypeMetadata(string MediaType, params string[] Alternatives)
{
    public bool Matches(string range) =>
        range is "*/*" || range == MediaType || Alternatives.Contains(range) || range == MediaType.Split('/')[0] + "/*";
}

public static class Negotiation
{
    internal const string ItemKey = "representation";
    private static readonly string[] Formats = ["json", "csv"];

    public static Representation RepresentationOf(this HttpContext http) =>
        http.Items.TryGetValue(ItemKey, out var r) && r is Representation rep ? rep : Representation.Json;

    public static bool WantsCsv(this HttpContext http) => http.RepresentationOf() == Representation.Csv;

    public static TBuilder WithCsv<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new CsvCollectionMetadata());
        return builder;
    }

    /// <summary>A resource that answers only <paramref name="mediaType"/> (and problem documents); documented as such.</summary>
    public static RouteHandlerBuilder WithMediaType(this RouteHandlerBuilder builder, string mediaType, params string[] alternatives) =>
        builder.WithMetadata(new MediaTypeMetadata(mediaType, alternatives)).Produces<string>(StatusCodes.Status200OK, mediaType);

    /// <summary>True when the request's Accept allows the resource's own media type.</summary>
    internal static bool Accepts(HttpRequest request, MediaTypeMetadata media)
    {
        if (string.IsNullOrWhiteSpace(request.Headers.Accept.ToString())) return true;
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept.OfType<string>().ToList(), out var ranges)) return true;
        return ranges.Any(r => (r.Quality ?? 1) > 0 && r.MediaType.Value is { } t && media.Matches(t.ToLowerInvariant()));
    }

    /// <summary><c>format=</c> wins over Accept; null means 406.</summary>
    internal static Representation? Choose(HttpRequest request, bool csvCapable, List<ParameterError> errors)
    {
        if (csvCapable && request.Query.TryGetValue("format", out var format) && !string.IsNullOrEmpty(format))
        {
            if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)) return Representation.Csv;
            if (!string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
                errors.Add(new ParameterError("format", $"'{format}' is not a format this resource produces.", Formats));
            return Representation.Json;
        }

        var accept = request.Headers.Accept.ToString();
        if (string.IsNullOrWhiteSpace(accept)) return Representation.Json;
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept.OfType<string>().ToList(), out var ranges)) return Representation.Json;

        foreach (var range in ranges.Where(r => (r.Quality ?? 1) > 0).OrderByDescending(r => r.Quality ?? 1))
        {
            var type = range.MediaType.Value?.ToLowerInvariant();
            switch (type)
            {
                case "application/json" or "application/problem+json" or "application/*" or "*/*":
                    return Representation.Json;
                case "text/csv" or "text/*" when csvCapable:
                    return Representation.Csv;
            }
        }
        return null;
    }
}

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
public sealed class CsvResult<T>(string fileName, IReadOnlyList<CsvColumn<T>> columns, IEnumerable<T> rows) : IResult
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
