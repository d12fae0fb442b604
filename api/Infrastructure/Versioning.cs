using Microsoft.AspNetCore.Http.HttpResults;

namespace JudgementsApi.Infrastructure;

/// <summary>The API version lives in the URL; this is the only place that knows which exist.</summary>
public static class ApiVersions
{
    public const string HeaderName = "api-supported-versions";
    public static readonly IReadOnlyList<string> Supported = ["1"];

    // Every response says which versions exist: set by ResponseHeaders.

    /// <summary>The /v1 group, and a 404 problem for any other /vN.</summary>
    public static RouteGroupBuilder MapVersion1(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/{version:regex(^v\\d+$)}/{**rest}", ProblemHttpResult (string version, string? rest) =>
            Supported.Contains(version[1..])
                ? Problems.Problem(Problems.NotFound, $"There is no resource at /{version}/{rest}.")
                : Problems.Problem(Problems.UnsupportedVersion,
                    $"API version '{version}' does not exist. Supported: {string.Join(", ", Supported.Select(v => "v" + v))}.",
                    new Dictionary<string, object?> { ["supportedVersions"] = Supported.Select(v => "v" + v).ToArray() }))
            .ExcludeFromDescription();

        return routes.MapGroup("/v1");
    }
}
