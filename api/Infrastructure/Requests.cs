using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using JudgementsApi.Features;
using JudgementsApi.Features.Councils;
using JudgementsApi.Features.Inspections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace JudgementsApi.Infrastructure;

// How a /v1 request is read, in the order it happens: the group's filter rejects unknown parameters
// and negotiates JSON or CSV; each [AsParameters] query record of the handler then reads and checks
// its own values through a QueryReader (paging and format are the shared ListQuery); one 400 names
// every bad parameter before the handler runs. On /councils/{id}/… routes (ForCouncilPath) a
// council's name in place of an identifier redirects to its URL by slug. The example attributes
// document each parameter in OpenAPI from one typed value.

/// <summary>
/// Applied to the whole /v1 group, before the handler: rejects unknown query parameter names (a typo
/// must not silently return unfiltered data), negotiates JSON or CSV (406 when neither will do), and
/// has the handler's query records read themselves, answering one 400 that names every bad parameter.
/// </summary>
public sealed class ApiConventionsFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var endpoint = http.GetEndpoint();
        var errors = new List<ParameterError>();
        if (endpoint is not null)
        {
            var known = QueryRecords.Known(endpoint);
            foreach (var key in http.Request.Query.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal))
                errors.Add(new ParameterError(key, $"Unknown parameter '{key}'.", known.Order(StringComparer.Ordinal).ToList()));
        }

        if (endpoint?.Metadata.GetMetadata<MediaTypeMetadata>() is { } media)
        {
            if (!Negotiation.Accepts(http.Request, media))
                return Problems.Problem(Problems.NotAcceptable,
                    $"This resource answers {media.MediaType}, not '{Negotiation.Quoted(http.Request)}'.");
        }
        else
        {
            var csvCapable = endpoint?.Metadata.GetMetadata<CsvCollectionMetadata>() is not null;
            var representation = Negotiation.Choose(http.Request, csvCapable, errors);
            if (representation is null)
                return Problems.Problem(Problems.NotAcceptable,
                    $"This resource can answer {(csvCapable ? "application/json or text/csv" : "application/json")}, " +
                    $"not '{Negotiation.Quoted(http.Request)}'.");
            http.Items[Negotiation.ItemKey] = representation.Value;
            if (csvCapable) Negotiation.ReadBom(http, errors);
        }

        // Paging is read first, so its errors lead the list (as they always have).
        var reader = new QueryReader(http, errors);
        foreach (var record in context.Arguments.OfType<IQueryRecord>().OrderBy(r => r is ListQuery ? 0 : 1))
            await record.ReadAsync(reader);
        return errors.Count > 0 ? Problems.Invalid(errors) : await next(context);
    }
}

/// <summary>
/// An <c>[AsParameters]</c> record of query values bound as text. <see cref="ApiConventionsFilter"/>
/// calls <see cref="ReadAsync"/> on every such argument before the handler runs and answers one 400
/// naming every bad parameter; a handler only ever sees a record whose typed values are set.
/// </summary>
public interface IQueryRecord
{
    /// <summary>Parses and checks each value, recording an error in <paramref name="q"/> for each bad one.</summary>
    ValueTask ReadAsync(QueryReader q);
}

/// <summary>limit, offset and format: shared by every paged collection that also answers CSV.</summary>
public sealed record ListQuery(
    [property: Description("Page size, 1 to 500 (default 50)."), IntExample(50, 1, Paging.MaxLimit, Paging.DefaultLimit)] string? Limit,
    [property: Description("Rows to skip."), IntExample(0, 0, Default = 0)] string? Offset,
    [property: Description("json (default) or csv (every matching row); `Accept: text/csv` does the same."), FormatExample] string? Format) : IQueryRecord
{
    public Paging Paging { get; private set; } = new(Paging.DefaultLimit, 0);

    public ValueTask ReadAsync(QueryReader q)
    {
        Paging = Paging.Read(q, Limit, Offset);
        return ValueTask.CompletedTask;
    }
}

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

    /// <summary>This page of <paramref name="rows"/> (already filtered and ordered), each in its response shape.</summary>
    public List<T> Of<TRow, T>(IReadOnlyList<TRow> rows, Func<TRow, T> shape)
    {
        var page = new List<T>(Math.Max(0, Math.Min(Limit, rows.Count - Offset)));
        for (var k = Offset; k < rows.Count && k - Offset < Limit; k++) page.Add(shape(rows[k]));
        return page;
    }
}

/// <summary>
/// Reads query values as text and checks them itself, so one response can name every bad
/// parameter (model binding would stop at the first).
/// </summary>
public sealed class QueryReader(HttpContext http, List<ParameterError> errors)
{
    public HttpContext Http => http;
    public bool Failed => errors.Count > 0;

    /// <summary>The codes of the loaded dataset (kept in memory until its version changes).</summary>
    public Task<Vocabulary> VocabularyAsync() => http.RequestServices.GetRequiredService<VocabularySource>().GetAsync();

    /// <summary>For the few checks that need the dataset itself (the days the statistics can describe, a framework's scale).</summary>
    public ValueTask<NpgsqlConnection> OpenConnectionAsync() => http.RequestServices.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();

    /// <summary>The dataset snapshot this request reads (the days the statistics can describe, a framework's scale).</summary>
    public ValueTask<DatasetSnapshot> SnapshotAsync() => http.SnapshotAsync();

    public void Add(string parameter, string message, IReadOnlyList<string>? allowed = null) =>
        errors.Add(new ParameterError(parameter, message, allowed));

    public int Int(string name, string? raw, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(raw))
        {
            // `offset=` is a mistake (a template left unfilled), not a request for the default.
            if (http.Request.Query.TryGetValue(name, out var given) && given.Count > 0)
                Add(name, $"'{name}' is empty: give a whole number from {min} to {max}, or leave it out.");
            return fallback;
        }
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

    /// <summary>A region by ONS code or slug.</summary>
    public async Task<RegionRef?> RegionAsync(string name, string? raw) => (await VocabularyAsync()).ReadRegion(this, name, raw);

    /// <summary>A comma-separated list of councils (codes, slugs or names; at most <see cref="CouncilsEndpoints.MaxCouncils"/>); null when absent.</summary>
    public Task<List<CouncilRef>?> CouncilsAsync(string name, string? raw) =>
        http.RequestServices.GetRequiredService<CouncilNames>().ReadListAsync(this, name, raw, CouncilsEndpoints.MaxCouncils);
}

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

    /// <summary>
    /// bom=true: the CSV starts with a UTF-8 byte order mark, which Excel needs to read it as UTF-8
    /// ("Máire" rather than "MÃ¡ire"). Off by default: other readers (Python's csv module, older
    /// tools) would take the mark for part of the first column's name.
    /// </summary>
    public const string BomParameter = "bom";
    private const string BomKey = "csv-bom";

    public static bool WantsBom(this HttpContext http) => http.Items.ContainsKey(BomKey);

    internal static void ReadBom(HttpContext http, List<ParameterError> errors)
    {
        if (!http.Request.Query.TryGetValue(BomParameter, out var value)) return;
        if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)) http.Items[BomKey] = true;
        else if (!string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
            errors.Add(new ParameterError(BomParameter, $"'{value}' is not a boolean.", ["true", "false"]));
    }

    public static TBuilder WithCsv<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new CsvCollectionMetadata());
        return builder;
    }

    /// <summary>A resource that answers only <paramref name="mediaType"/> (and problem documents); documented as such.</summary>
    public static RouteHandlerBuilder WithMediaType(this RouteHandlerBuilder builder, string mediaType, params string[] alternatives) =>
        builder.WithMetadata(new MediaTypeMetadata(mediaType, alternatives)).Produces<string>(StatusCodes.Status200OK, mediaType);

    /// <summary>The Accept header as a 406 quotes it: at most 200 characters, so a 28 KB header is not sent back whole.</summary>
    internal static string Quoted(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Length <= 200 ? accept : accept[..200] + "…";
    }

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
/// On a route that takes a council ({id}: /vN/councils/{id}…, /embed/councils/{id}): when {id} is no
/// identifier, reads it as a name ("Telford and Wrekin", "Brighton") and redirects to the council's
/// canonical URL (its slug in place of {id}, same sub-path and query), or answers 404 suggesting the
/// closest councils. Runs only after the handler found nothing, so requests by identifier cost nothing more.
/// </summary>
public sealed class CouncilPathFilter(CouncilNames names) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (!IsNotFound(result) || http.GetRouteValue("id") is not string id) return result;

        var match = await names.ResolveAsync(id);
        var request = http.Request;
        if (match.Council is { } council)
            return TypedResults.Redirect(request.PathBase + WithId(http, council.Item.Slug).ToUriComponent() + request.QueryString);
        return Problems.Problem(Problems.NotFound,
            $"No council has the identifier or name '{id}'."
            + (match.Suggestions.Count == 0 ? "" : $" Closest: {string.Join(", ", match.Suggestions.Select(s => s.Name))}."),
            new Dictionary<string, object?>
            {
                ["suggestions"] = match.Suggestions
                    .Select(s => new CouncilSuggestion(s.Code, s.Name, s.Slug, WithId(http, s.Slug).ToUriComponent())).ToList(),
            });
    }

    /// <summary>The request's path with the {id} segment of its route replaced by <paramref name="slug"/>.</summary>
    private static PathString WithId(HttpContext http, string slug)
    {
        var segments = (http.Request.Path.Value ?? "").Split('/');
        var position = http.GetEndpoint() is RouteEndpoint endpoint
            ? endpoint.RoutePattern.PathSegments.ToList().FindIndex(s => s.Parts.Any(p => p is RoutePatternParameterPart { Name: "id" }))
            : -1;
        if (position < 0 || position + 1 >= segments.Length) return http.Request.Path;
        segments[position + 1] = slug;
        return new PathString(string.Join('/', segments));
    }

    private static bool IsNotFound(object? result) => result switch
    {
        ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound } => true,
        INestedHttpResult nested => IsNotFound(nested.Result),
        _ => false,
    };
}

public static class CouncilPaths
{
    /// <summary>
    /// A route taking a council as {id}: a council's name redirects (302) to its URL by slug; an id that names
    /// no council is a 404 problem listing the closest councils.
    /// </summary>
    public static RouteHandlerBuilder ForCouncilPath(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter<CouncilPathFilter>().Produces(StatusCodes.Status302Found).ProducesProblem(StatusCodes.Status404NotFound);
}

/// <summary>A council a 404 suggests instead of a name it could not resolve.</summary>
public sealed record CouncilSuggestion(string Code, string Name, string Slug, string Href);

/// <summary>The query parameters an endpoint binds, found by reflection over its handler (cached per endpoint by callers).</summary>
public static class QueryRecords
{
    private static readonly ConcurrentDictionary<Endpoint, HashSet<string>> KnownByEndpoint = new();

    /// <summary>
    /// The query names an endpoint binds (case-insensitive, as binding is): its handler's plain parameters
    /// and its query records' properties, and on a collection that answers CSV, bom.
    /// </summary>
    public static HashSet<string> Known(Endpoint endpoint) => KnownByEndpoint.GetOrAdd(endpoint, static e =>
    {
        var names = e.Metadata.GetMetadata<MethodInfo>() is { } method
            ? Parameters(method).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (e.Metadata.GetMetadata<CsvCollectionMetadata>() is not null) names.Add(Negotiation.BomParameter);
        return names;
    });

    /// <summary>Each query name with the record property that declares it (null for a plain handler parameter such as a route id).</summary>
    public static IEnumerable<(string Name, PropertyInfo? Property)> Parameters(MethodInfo method)
    {
        foreach (var p in method.GetParameters())
        {
            if (p.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var ctorParam in p.ParameterType.GetConstructors().SelectMany(c => c.GetParameters()))
                {
                    var property = p.ParameterType.GetProperty(ctorParam.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                    var name = ctorParam.GetCustomAttribute<FromQueryAttribute>()?.Name
                               ?? property?.GetCustomAttribute<FromQueryAttribute>()?.Name
                               ?? JsonNamingPolicy.CamelCase.ConvertName(ctorParam.Name!);
                    yield return (name, property);
                }
            }
            else if (p.ParameterType == typeof(string) || p.ParameterType.IsValueType)
            {
                yield return (p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!, null);
            }
        }
    }
}

/// <summary>
/// How a query record's property appears in the OpenAPI document. Query values bind as text (so one
/// 400 can name every bad parameter); these give them their real types. Schema and example are made
/// from one typed value, so an example cannot contradict its schema.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public abstract class ParameterExampleAttribute : Attribute
{
    /// <summary>The schema, or null to keep the bound string's.</summary>
    public virtual OpenApiSchema? Schema => null;

    public abstract JsonNode Example { get; }

    /// <summary>A parameter the server answers 400 without: required in the document.</summary>
    public bool Required { get; init; }

    /// <summary>The schema for the dataset being served (its codes make some sets), or null to keep the bound string's.</summary>
    public virtual OpenApiSchema? SchemaFor(DatasetSnapshot? snapshot) => Schema;

    /// <summary>The example for the dataset being served.</summary>
    public virtual JsonNode ExampleFor(DatasetSnapshot? snapshot) => Example;
}

/// <summary>
/// A value from a closed set the code declares: a static string collection (or dictionary, by its keys)
/// of <paramref name="owner"/> named <paramref name="member"/>, the one the query record checks against.
/// </summary>
public sealed class OneOfExampleAttribute(string example, Type owner, string member) : ParameterExampleAttribute
{
    public override OpenApiSchema Schema => ClosedSets.Enum(ClosedSets.Of(owner, member));
    public override JsonNode Example => JsonValue.Create(example);
}

/// <summary>A value from one of the dataset's sets of codes (areas, grades…): an enum of the loaded dataset's codes.</summary>
public sealed class VocabularyExampleAttribute(string example, VocabularySet set) : ParameterExampleAttribute
{
    public override JsonNode Example => JsonValue.Create(example);

    public override OpenApiSchema? SchemaFor(DatasetSnapshot? snapshot) =>
        ClosedSets.Of(set, snapshot) is { } values ? ClosedSets.Enum(values) : null;
}

/// <summary>A dataset version: the example is the version being served, which the server always knows.</summary>
public sealed class DatasetVersionExampleAttribute : ParameterExampleAttribute
{
    public override OpenApiSchema Schema => new() { Type = JsonSchemaType.String, MinLength = 1 };
    public override JsonNode Example => JsonValue.Create("");
    public override JsonNode ExampleFor(DatasetSnapshot? snapshot) => JsonValue.Create(snapshot?.Version ?? "");
}

/// <summary>Free text: the schema stays the bound string.</summary>
public sealed class TextExampleAttribute(string example) : ParameterExampleAttribute
{
    public override JsonNode Example => JsonValue.Create(example);
}

public sealed class DateExampleAttribute(string example) : ParameterExampleAttribute
{
    private readonly DateOnly _example = DateOnly.ParseExact(example, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override OpenApiSchema Schema => new() { Type = JsonSchemaType.String, Format = "date" };
    public override JsonNode Example => JsonValue.Create(_example.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

public sealed class BoolExampleAttribute(bool example) : ParameterExampleAttribute
{
    public override OpenApiSchema Schema => new() { Type = JsonSchemaType.Boolean };
    public override JsonNode Example => JsonValue.Create(example);
}

public sealed class IntExampleAttribute(int example, int min, int max = int.MaxValue, int @default = int.MinValue) : ParameterExampleAttribute
{
    /// <summary>The default, when it is not given positionally.</summary>
    public int Default { get; init; } = @default;

    public override OpenApiSchema Schema => new()
    {
        Type = JsonSchemaType.Integer, Format = "int32", Minimum = min.ToString(CultureInfo.InvariantCulture),
        Maximum = max == int.MaxValue ? null : max.ToString(CultureInfo.InvariantCulture),
        Default = Default == int.MinValue ? null : JsonValue.Create(Default),
    };

    public override JsonNode Example => JsonValue.Create(example);
}

/// <summary>format: json or csv (checked by content negotiation, <see cref="Negotiation"/>).</summary>
public sealed class FormatExampleAttribute : ParameterExampleAttribute
{
    public override OpenApiSchema Schema => new()
    {
        Type = JsonSchemaType.String, Enum = [JsonValue.Create("json"), JsonValue.Create("csv")], Default = JsonValue.Create("json"),
    };

    public override JsonNode Example => JsonValue.Create("csv");
}
