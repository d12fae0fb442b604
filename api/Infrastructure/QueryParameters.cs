using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace JudgementsApi.Infrastructure;

/// <summary>
/// Reads query values as text and checks them itself, so one response can name every bad
/// parameter (model binding would stop at the first). Unknown parameter names found by
/// <see cref="ApiConventionsFilter"/> are already in <see cref="Errors"/>.
/// </summary>
public sealed class QueryReader(HttpContext http)
{
    internal const string ItemKey = "query-errors";

    // Taking the filter's errors over tells it the handler will report them (see ApiConventionsFilter).
    public List<ParameterError> Errors { get; } =
        http.Items.Remove(ItemKey, out var pre) && pre is List<ParameterError> list ? [.. list] : [];

    public bool Failed => Errors.Count > 0;

    public ProblemHttpResult Problem() => Problems.Invalid(Errors);

    public void Add(string parameter, string message, IReadOnlyList<string>? allowed = null) =>
        Errors.Add(new ParameterError(parameter, message, allowed));

    public int Int(string name, string? raw, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(raw)) return fallback;
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        Add(name, $"'{raw}' is not a whole number from {min} to {max}.");
        return fallback;
    }

    public DateOnly? Date(string name, string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Add(name, $"'{raw}' is not a date in the form YYYY-MM-DD.");
        return null;
    }

    public bool? Bool(string name, string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        if (raw.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
        if (raw.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
        Add(name, $"'{raw}' is not a boolean.", ["true", "false"]);
        return null;
    }

    /// <summary>A code from a fixed set (case-insensitive); returns it in its canonical spelling.</summary>
    public string? OneOf(string name, string? raw, IReadOnlyCollection<string> allowed)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        var match = allowed.FirstOrDefault(a => a.Equals(raw, StringComparison.OrdinalIgnoreCase));
        if (match is null) Add(name, $"'{raw}' is not a known value for {name}.", allowed.ToList());
        return match;
    }

    /// <summary>Two dates that must be in order.</summary>
    public void Ordered(string fromName, DateOnly? from, string toName, DateOnly? to)
    {
        if (from is { } f && to is { } t && t < f) Add(toName, $"{toName} ({t:yyyy-MM-dd}) is before {fromName} ({f:yyyy-MM-dd}).");
    }
}

/// <summary>
/// Applied to the whole /v1 group: rejects unknown query parameter names (a typo must not silently
/// return unfiltered data) and negotiates JSON or CSV, answering 406 when neither will do.
/// </summary>
public sealed class ApiConventionsFilter : IEndpointFilter
{
    private static readonly ConcurrentDictionary<Endpoint, HashSet<string>> KnownByEndpoint = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var endpoint = http.GetEndpoint();
        var errors = new List<ParameterError>();
        if (endpoint is not null)
        {
            var known = KnownByEndpoint.GetOrAdd(endpoint, QueryNames);
            foreach (var key in http.Request.Query.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal))
                errors.Add(new ParameterError(key, $"Unknown parameter '{key}'.", known.Order(StringComparer.Ordinal).ToList()));
        }

        if (endpoint?.Metadata.GetMetadata<MediaTypeMetadata>() is { } media)
        {
            if (!Negotiation.Accepts(http.Request, media))
                return Problems.Problem(Problems.NotAcceptable, $"This resource answers {media.MediaType}, not '{http.Request.Headers.Accept}'.");
            if (errors.Count == 0) return await next(context);
            http.Items[QueryReader.ItemKey] = errors;
            var answer = await next(context);
            return http.Items.ContainsKey(QueryReader.ItemKey) ? Problems.Invalid(errors) : answer;
        }

        var csvCapable = endpoint?.Metadata.GetMetadata<CsvCollectionMetadata>() is not null;
        var representation = Negotiation.Choose(http.Request, csvCapable, errors);
        if (representation is null)
            return Problems.Problem(Problems.NotAcceptable,
                $"This resource can answer {(csvCapable ? "application/json or text/csv" : "application/json")}, not '{http.Request.Headers.Accept}'.");

        http.Items[Negotiation.ItemKey] = representation.Value;
        if (errors.Count == 0) return await next(context);

        // Handlers that read a query report these with their own errors; one that reads none
        // (a resource by id) never took them, and must not answer as if the request were fine.
        http.Items[QueryReader.ItemKey] = errors;
        var result = await next(context);
        return http.Items.ContainsKey(QueryReader.ItemKey) ? Problems.Invalid(errors) : result;
    }

    /// <summary>The query names an endpoint binds: its handler's parameters and the properties of [AsParameters] records.</summary>
    private static HashSet<string> QueryNames(Endpoint endpoint)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } method) return names;
        foreach (var p in method.GetParameters())
        {
            if (p.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var prop in p.ParameterType.GetProperties())
                    names.Add(prop.GetCustomAttribute<FromQueryAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(prop.Name));
                foreach (var ctorParam in p.ParameterType.GetConstructors().SelectMany(c => c.GetParameters()))
                    if (ctorParam.GetCustomAttribute<FromQueryAttribute>()?.Name is { } n) names.Add(n);
            }
            else if (p.ParameterType == typeof(string) || p.ParameterType.IsValueType)
            {
                names.Add(p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!);
            }
        }
        return names;
    }
}

/// <summary>Bounds on the request line, checked before anything else runs.</summary>
public static class RequestLimits
{
    public const int MaxPathLength = 512;
    public const int MaxQueryLength = 4096;

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.Value?.Length > MaxPathLength || request.QueryString.Value?.Length > MaxQueryLength)
            {
                var result = Problems.Problem(Problems.UriTooLong,
                    $"Paths are limited to {MaxPathLength} characters and query strings to {MaxQueryLength}.");
                await result.ExecuteAsync(context);
                return;
            }
            if (Unstorable(request) is { Count: > 0 } bad)
            {
                await Problems.Invalid(bad).ExecuteAsync(context);
                return;
            }
            // OPTIONS that is not a CORS preflight asks what the resource allows.
            if (HttpMethods.IsOptions(request.Method)
                && !(request.Headers.ContainsKey("Origin") && request.Headers.ContainsKey("Access-Control-Request-Method")))
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                context.Response.Headers.Allow = "GET, HEAD, OPTIONS";
                return;
            }
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method))
            {
                context.Response.Headers.Allow = "GET, HEAD, OPTIONS";
                await Problems.Problem(Problems.MethodNotAllowed, $"{request.Method} is not supported: the API is read-only.")
                    .ExecuteAsync(context);
                return;
            }
            // HEAD is answered as GET (same headers, ETag and cache entry); the server sends no body
            // for a request that arrived as HEAD.
            if (HttpMethods.IsHead(request.Method)) request.Method = HttpMethods.Get;
            await next(context);
        });

    /// <summary>
    /// Text no handler can use: a NUL (PostgreSQL refuses 0x00 in text, so it would fail as a 500)
    /// or half of a UTF-16 surrogate pair (not encodable as UTF-8), in the path or any query name or value.
    /// </summary>
    private static List<ParameterError> Unstorable(HttpRequest request)
    {
        var errors = new List<ParameterError>();
        if (!IsClean(request.Path.Value)) errors.Add(new ParameterError("path", "The path contains a NUL or an invalid character."));
        foreach (var (key, values) in request.Query)
            if (!IsClean(key) || values.Any(v => !IsClean(v)))
                errors.Add(new ParameterError(IsClean(key) ? key : "(name)", $"The value of '{(IsClean(key) ? key : "a parameter")}' contains a NUL or an invalid character."));
        return errors;
    }

    private static bool IsClean(string? text)
    {
        if (text is null) return true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return false;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return false;
        }
        return true;
    }
}
