using Asp.Versioning;
using Asp.Versioning.Conventions;
using Microsoft.AspNetCore.Rewrite;

namespace JudgementsApi.Infrastructure;

/// <summary>
/// The API version lives in the URL (/v1/…), read by Asp.Versioning. <see cref="Supported"/> is the
/// version set: the only place that knows which versions exist.
/// </summary>
public static class ApiVersions
{
    public const string HeaderName = "api-supported-versions";
    public static readonly IReadOnlyList<ApiVersion> Supported = [new(1)];

    /// <summary>The versions as they appear in paths: v1. Derived once: every request's path is checked against them.</summary>
    public static readonly IReadOnlyList<string> Segments = Supported.Select(v => $"v{v}").ToArray();

    /// <summary>The same with the leading slash, as <see cref="PathString"/> compares them.</summary>
    private static readonly PathString[] Roots = Segments.Select(s => new PathString("/" + s)).ToArray();

    private static readonly ApiVersionModel Model = new(Supported, Supported, [], [], []);

    public static IServiceCollection AddApiVersions(this IServiceCollection services)
    {
        services.AddApiVersioning(options =>
            {
                options.ApiVersionReader = new UrlSegmentApiVersionReader();
                options.ReportApiVersions = true;
                // A version in the path that does not exist is a resource that does not exist.
                options.UnsupportedApiVersionStatusCode = StatusCodes.Status404NotFound;
            })
            .AddApiExplorer(options =>
            {
                options.GroupNameFormat = "'v'VVV";
                options.SubstituteApiVersionInUrl = true;
            });
        return services;
    }

    /// <summary>
    /// Writes api-supported-versions in the library's format. ResponseHeaders calls it as every
    /// response starts, so those no versioned endpoint answers (health, 405, 414, 500, CORS
    /// preflight) carry it too.
    /// </summary>
    public static void Report(HttpContext context) =>
        context.RequestServices.GetRequiredService<IReportApiVersions>().Report(context.Response, Model);

    /// <summary>The /v{version} group for every version in the set, and a 404 problem for any other /vN/….</summary>
    public static RouteGroupBuilder MapVersionedApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/{version:regex(^v\\d+$)}/{**rest}", ProblemHttpResult (string version, string? rest) =>
                Segments.Contains(version)
                    ? Problems.Problem(Problems.NotFound, $"There is no resource at /{version}/{rest}.")
                    : Unsupported(version))
            .ExcludeFromDescription();

        var versionSet = routes.NewApiVersionSet();
        foreach (var version in Supported) versionSet.HasApiVersion(version);
        return routes.MapGroup("/v{version:apiVersion}").WithApiVersionSet(versionSet.ReportApiVersions().Build());
    }

    /// <summary>
    /// Other spellings of a version redirect (301) to its one URL, path and query kept: /V1/councils and
    /// /v1.0/councils to /v1/councils. The routes would otherwise answer them too, under a second URL.
    /// </summary>
    public static RewriteOptions AddVersionRedirects(this RewriteOptions options)
    {
        foreach (var segment in Segments)
        {
            var number = System.Text.RegularExpressions.Regex.Escape(segment[1..]);
            var otherSpelling = $@"^(?!{segment}(?:/|$))[vV]{number}(?:\.0)?(/.*)?$";
            options.AddRedirect(otherSpelling, segment + "$1", StatusCodes.Status301MovedPermanently);
        }
        return options;
    }

    /// <summary>The problem for a version that does not exist, whichever route found it.</summary>
    public static ProblemHttpResult Unsupported(string version) =>
        Problems.Problem(Problems.UnsupportedVersion,
            $"API version '{version}' does not exist. Supported: {string.Join(", ", Segments)}.",
            new Dictionary<string, object?> { ["supportedVersions"] = Segments.ToArray() });

    /// <summary>Whether a path is under one of the versions (/v1/…).</summary>
    public static bool IsVersioned(PathString path)
    {
        foreach (var root in Roots) if (path.StartsWithSegments(root)) return true;
        return false;
    }

    /// <summary>The newest version's root, for links from outside the API (the pages): $"{Root}/dataset".</summary>
    public static string Root => Roots[^1].Value!;

    /// <summary>A path under the version a request used, for links inside a versioned response.</summary>
    public static string Link(HttpRequest request, string path) => $"/{SegmentOf(request)}{path}";

    /// <summary>The version segment of a versioned request's path ("v1").</summary>
    public static string SegmentOf(HttpRequest request) =>
        Segments.FirstOrDefault(s => request.Path.StartsWithSegments("/" + s)) ?? Segments.First();
}
