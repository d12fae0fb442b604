using System.Collections.Concurrent;
using System.Reflection;

namespace JudgementsApi.Infrastructure;

/// <summary>
/// Applied to the whole /v1 group, before the handler: rejects unknown query parameter names (a typo
/// must not silently return unfiltered data), negotiates JSON or CSV (406 when neither will do), and
/// has the handler's query records read themselves, answering one 400 that names every bad parameter.
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
        }
        else
        {
            var csvCapable = endpoint?.Metadata.GetMetadata<CsvCollectionMetadata>() is not null;
            var representation = Negotiation.Choose(http.Request, csvCapable, errors);
            if (representation is null)
                return Problems.Problem(Problems.NotAcceptable,
                    $"This resource can answer {(csvCapable ? "application/json or text/csv" : "application/json")}, not '{http.Request.Headers.Accept}'.");
            http.Items[Negotiation.ItemKey] = representation.Value;
        }

        // Paging is read first, so its errors lead the list (as they always have).
        var reader = new QueryReader(http, errors);
        foreach (var record in context.Arguments.OfType<IQueryRecord>().OrderBy(r => r is ListQuery ? 0 : 1))
            await record.ReadAsync(reader);
        return errors.Count > 0 ? Problems.Invalid(errors) : await next(context);
    }

    /// <summary>The query names an endpoint binds: its handler's plain parameters and its query records' properties.</summary>
    private static HashSet<string> QueryNames(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<MethodInfo>() is { } method
            ? QueryRecords.Parameters(method).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}
