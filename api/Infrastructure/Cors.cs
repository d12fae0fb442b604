namespace JudgementsApi.Infrastructure;

/// <summary>
/// CORS for a public, credential-free read API. Every response says that any origin may read it,
/// whether or not the request carried <c>Origin</c>: a shared cache (nginx, a CDN) that stored the
/// answer to a plain request (curl, a back end, a crawler) then serves browsers too, and no header
/// varies with <c>Origin</c>, so <c>Vary</c> need not name it. The platform's CORS middleware still
/// answers preflights, which browsers may reuse for <see cref="PreflightMaxAge"/>.
/// </summary>
public static class PublicCors
{
    /// <summary>What a script on another site may read beyond the safelisted headers.</summary>
    public static readonly string[] ExposedHeaders =
    [
        "ETag", "Age", "Date", "Link", "Content-Disposition", "Retry-After", "Warning", "RateLimit-Limit", "RateLimit-Remaining",
        "RateLimit-Reset", "RateLimit-Policy", ApiVersions.HeaderName,
    ];

    /// <summary>A day; browsers cap it (Chromium at two hours, Firefox at a day).</summary>
    public static readonly TimeSpan PreflightMaxAge = TimeSpan.FromDays(1);

    private static readonly string ExposedList = string.Join(", ", ExposedHeaders);

    public static IServiceCollection AddPublicCors(this IServiceCollection services) =>
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader()
            .WithExposedHeaders(ExposedHeaders).SetPreflightMaxAge(PreflightMaxAge)));

    /// <summary>The same two headers on every response (ResponseHeaders calls it as a response starts).</summary>
    public static void Apply(IHeaderDictionary headers)
    {
        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlExposeHeaders = ExposedList;
    }
}
