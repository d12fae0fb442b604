using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OutputCaching;

namespace JudgementsApi.Infrastructure;

/// <summary>
/// The data changes only on import, so a response is fully determined by the dataset version,
/// the URL and the Accept header. The ETag is computed from exactly those, before any work, so a
/// conditional request costs nothing; the output cache keeps the body, keyed on the same things.
/// </summary>
public static class Caching
{
    public const string PolicyName = "dataset";
    public const string CacheControl = "public, max-age=300";

    /// <param name="outputCache">Off only to measure what the cache buys (Judgements:OutputCache=false).</param>
    public static IServiceCollection AddDatasetCaching(this IServiceCollection services, bool outputCache = true)
    {
        services.AddSingleton<DatasetState>();
        services.AddHostedService<DatasetVersionPoller>();
        services.AddOutputCache(options =>
        {
            options.SizeLimit = 256L * 1024 * 1024;
            options.MaximumBodySize = 64L * 1024 * 1024;
            options.AddPolicy(PolicyName, new DatasetCachePolicy(outputCache));
        });
        return services;
    }

    /// <summary>
    /// Marks resources whose answer also depends on the date (a default of "today", a window ending
    /// today): their ETags and cache entries change at midnight in England as well.
    /// </summary>
    public sealed class VariesByDayMetadata;

    public static TBuilder VariesByDay<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new VariesByDayMetadata());

    private static string? DayOf(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<VariesByDayMetadata>() is null ? null : England.Today(http).ToString("yyyy-MM-dd");

    public static string? ETagFor(HttpContext http, string? version)
    {
        if (version is null) return null;
        var request = http.Request;
        var key = $"{request.Path}{request.QueryString}|{request.Headers.Accept}|{DayOf(http)}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 8);
        return $"\"{version[..Math.Min(16, version.Length)]}-{hash}\"";
    }

    /// <summary>ETag, If-None-Match → 304, and Cache-Control for the versioned API and the pages.</summary>
    public static IApplicationBuilder UseDatasetETags(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            // HEAD arrives here as GET (RequestLimits); OPTIONS preflights are not cached.
            if (HttpMethods.IsGet(request.Method)
                && (ApiVersions.IsVersioned(request.Path) || request.Path.StartsWithSegments("/embed")
                    || context.GetEndpoint()?.Metadata.GetMetadata<Features.Pages.PageMetadata>() is not null)
                && ETagFor(context, context.RequestServices.GetRequiredService<DatasetState>().Version) is { } etag)
            {
                var headers = context.Response.Headers;
                headers.ETag = etag;
                headers.CacheControl = CacheControl;
                headers.Vary = "Accept";
                if (request.Headers.IfNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Any(t => t.Trim() == etag))))
                {
                    context.Response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }
                context.Response.OnStarting(() =>
                {
                    if (context.Response.StatusCode != StatusCodes.Status200OK)
                    {
                        headers.Remove("ETag");
                        // A council name's redirect to its slug is fixed by the dataset like a 200 is: cacheable alike.
                        if (context.Response.StatusCode != StatusCodes.Status302Found) headers.CacheControl = "no-store";
                    }
                    return Task.CompletedTask;
                });
            }
            await next(context);
        });

    private sealed class DatasetCachePolicy(bool enabled) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var version = context.HttpContext.RequestServices.GetRequiredService<DatasetState>().Version;
            var cacheable = enabled && version is not null && HttpMethods.IsGet(context.HttpContext.Request.Method);
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            if (cacheable)
            {
                context.CacheVaryByRules.QueryKeys = "*";
                context.CacheVaryByRules.HeaderNames = "Accept";
                context.CacheVaryByRules.VaryByValues["dataset"] = version!;
                if (DayOf(context.HttpContext) is { } day) context.CacheVaryByRules.VaryByValues["day"] = day;
                context.ResponseExpirationTimeSpan = TimeSpan.FromHours(1);
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK) context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}
