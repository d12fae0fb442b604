using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;

namespace JudgementsApi.Features.Index;

/// <summary>A link to a resource: its URL (a template when <c>Templated</c>, as <c>/v1/councils/{id}</c>) and what it is.</summary>
public sealed record ApiLink(string Href, string Title, bool Templated);

/// <summary>The API's front door: what it is, its contract and a link to every resource, keyed by operation id.</summary>
public sealed record ApiIndex(string Title, string Version, string Description, ApiLink OpenApi, ApiLink Documentation,
    IReadOnlyDictionary<string, ApiLink> Links);

public static class IndexEndpoints
{
    public static RouteGroupBuilder MapApiIndex(this RouteGroupBuilder v1)
    {
        v1.MapGet("", Get).WithTags("Index")
            .WithName("GetApiIndex")
            .WithSummary("The index of the API's resources")
            .WithDescription("""
                Every resource of this version with its URL (templated where it takes an identifier) and summary, keyed by its
                OpenAPI operation id; and links to the OpenAPI document (/openapi.json, /openapi.yaml) and the interactive
                documentation (/swagger).
                """);
        return v1;
    }

    private static Ok<ApiIndex> Get(HttpContext http, EndpointDataSource endpoints)
    {
        var segment = ApiVersions.SegmentOf(http.Request);
        var links = new SortedDictionary<string, ApiLink>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is not { } name
                || endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true }
                || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") != true
                || Href(endpoint.RoutePattern, segment) is not { } href)
                continue;
            var summary = endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? name;
            links[name] = new ApiLink(href, summary, href.Contains('{'));
        }
        return TypedResults.Ok(new ApiIndex("JudgementsApi", segment,
            "Ofsted's judgements on English councils' children's services: councils, inspections, focused visits, "
            + "statistics and the dataset.",
            new ApiLink("/openapi.json", "The OpenAPI 3 document (also /openapi.yaml)", false),
            new ApiLink("/swagger", "Interactive documentation", false),
            links));
    }

    /// <summary>The URL of a route under the versioned API, its parameters as {name}; null for a route outside it.</summary>
    private static string? Href(RoutePattern pattern, string segment)
    {
        var parts = new List<string>();
        foreach (var s in pattern.PathSegments)
        {
            var text = string.Concat(s.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart { Name: "version" } when parts.Count == 0 => "\0",
                RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
                _ => "",
            }));
            parts.Add(text);
        }
        if (parts.Count == 0 || parts[0] != "v\0") return null;
        parts[0] = segment;
        return "/" + string.Join('/', parts);
    }
}
