using System.Security.Cryptography;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;

namespace JudgementsApi.Infrastructure;

/// <summary>
/// The data changes only on import, so a response is fully determined by the dataset version,
/// the path, the query parameters the endpoint binds and the representation Accept selects
/// (<see cref="CacheKeys"/>). The ETag is computed from exactly those, before any work, so a
/// conditional request costs nothing; the output cache keeps the body, keyed on the same things.
/// </summary>
public static class Caching
{
    public const string PolicyName = "dataset";
    /// <summary>How long clients and shared caches may reuse a response before revalidating (an import shows within it).</summary>
    public const int MaxAgeSeconds = 300;
    public const string CacheControl = "public, max-age=300";

    /// <summary>The output cache's default bound (Judgements:OutputCacheMegabytes).</summary>
    public const int DefaultCacheMegabytes = 64;

    /// <param name="outputCache">Off only to measure what the cache buys (Judgements:OutputCache=false).</param>
    /// <param name="megabytes">The output cache's bound on the bodies it keeps.</param>
    public static IServiceCollection AddDatasetCaching(this IServiceCollection services, bool outputCache = true, int megabytes = DefaultCacheMegabytes)
    {
        services.AddSingleton<DatasetState>();
        services.AddHostedService<DatasetVersionPoller>();
        // Before AddOutputCache, which then keeps it: entries counted with their keys (CacheKeys).
        services.AddSingleton<IOutputCacheStore>(new CountedOutputCacheStore(Math.Max(1, megabytes) * 1024L * 1024));
        services.AddOutputCache(options =>
        {
            // Bounded so that the process stays small whatever mix of distinct heavy URLs arrives
            // (README, Reliability). The popular reads are a few KB each; a body over 1 MB is served
            // but not kept unless compressed (a weekly timeline is 1.8 MB as it is, 15-40 KB
            // compressed): each large entry evicted becomes large-object-heap garbage, which is what
            // took the process to 420 MB with a 128 MB cache of 16 MB bodies.
            options.SizeLimit = Math.Max(1, megabytes) * 1024L * 1024;
            options.MaximumBodySize = 1024L * 1024;
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

    /// <summary>
    /// The responses the dataset fixes (the versioned API, the embed page, the pages): ETags, the
    /// output cache and compression apply to these. HEAD arrives here as GET (RequestLimits);
    /// OPTIONS preflights are not cached.
    /// </summary>
    public static bool Covers(HttpContext http)
    {
        var request = http.Request;
        return HttpMethods.IsGet(request.Method)
               && (ApiVersions.IsVersioned(request.Path) || request.Path.StartsWithSegments("/embed")
                   || http.GetEndpoint()?.Metadata.GetMetadata<Features.Pages.PageMetadata>() is not null);
    }

    /// <summary>Every cacheable response depends on these request headers (and only these).</summary>
    public const string Vary = "Accept, Accept-Encoding";

    /// <summary>
    /// Strong, so distinct per content coding: the same resource's gzip and Brotli bodies are
    /// different bytes (identity keeps the plain form). Computed per (version, URL, Accept, day,
    /// coding) once and then looked up: the cached path does no hashing.
    /// </summary>
    public static string? ETagFor(HttpContext http, string? version)
    {
        if (version is null) return null;
        var request = http.Request;
        if (CacheKeys.Query(http) is not { } query) return null;
        var key = new ETagKey(request.Path.Value ?? "", query, CacheKeys.Representation(http), DayOf(http), Compression.For(http),
            http.RequestServices.GetRequiredService<PublicUrls>().VaryKey(http));
        var cache = _etags;
        if (!string.Equals(cache.Version, version, StringComparison.Ordinal))
        {
            cache = new ETagCache(version);
            _etags = cache;
        }
        if (cache.ETags.TryGetValue(key, out var etag)) return etag;
        var text = $"{key.Path}{key.Query}|{key.Representation}|{key.Day}|{key.Host}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 8);
        var suffix = key.Coding switch { ContentCoding.Gzip => "-gz", ContentCoding.Brotli => "-br", _ => "" };
        etag = $"\"{version[..Math.Min(16, version.Length)]}-{hash}{suffix}\"";
        // Bounded in entries and in the characters of their keys: a flood of distinct URLs only costs hashing again.
        if (cache.ETags.Count < 50_000 && cache.Chars < MaxETagKeyChars && cache.ETags.TryAdd(key, etag))
            Interlocked.Add(ref cache.Chars, key.Path.Length + key.Query.Length + (key.Host?.Length ?? 0));
        return etag;
    }

    private const long MaxETagKeyChars = 2_000_000;

    private readonly record struct ETagKey(string Path, string Query, string Representation, string? Day, ContentCoding Coding, string? Host);

    private sealed class ETagCache(string version)
    {
        public string Version { get; } = version;
        public System.Collections.Concurrent.ConcurrentDictionary<ETagKey, string> ETags { get; } = new();
        public long Chars;
    }

    private static volatile ETagCache _etags = new("");

    /// <summary>
    /// Marks a representation served while the database is unreachable: the last good one, still
    /// true (data changes only on import), but not checked against the database just now.
    /// </summary>
    public const string StaleWarning = "110 - \"Response is stale: the database is unreachable; this is the last good representation\"";

    /// <summary>ETag, If-None-Match → 304, and Cache-Control for the versioned API and the pages.</summary>
    public static IApplicationBuilder UseDatasetETags(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var state = context.RequestServices.GetRequiredService<DatasetState>();
            var clock = context.RequestServices.GetRequiredService<TimeProvider>();
            if (!Covers(context) || ETagFor(context, context.DatasetVersion()) is not { } etag)
            {
                await next(context);
                return;
            }

            var headers = context.Response.Headers;
            headers.ETag = etag;
            headers.CacheControl = CacheControl;
            headers.Vary = Vary;
            var ifNoneMatch = request.Headers.IfNoneMatch;
            var tags = ifNoneMatch.Count == 0 ? [] : ifNoneMatch.Where(v => v is not null).SelectMany(v => v!.Split(',')).Select(t => t.Trim()).ToList();
            var stale = !state.Reachable;
            context.Response.OnStarting(() =>
            {
                var status = context.Response.StatusCode;
                if (status is not (StatusCodes.Status200OK or StatusCodes.Status304NotModified))
                {
                    headers.Remove("ETag");
                    // A council name's redirect to its slug is fixed by the dataset like a 200 is: cacheable alike.
                    if (status != StatusCodes.Status302Found) headers.CacheControl = "no-store";
                }
                else if (stale)
                {
                    headers.Append("Warning", StaleWarning);
                }
                // The output cache replays its entry's Date and adds its Age. An entry is keyed on the
                // dataset version, so it is exactly what would be computed now: it goes out as a fresh
                // answer, dated now (the app's clock) with the full max-age and no Age, which a shared
                // cache downstream then counts from (RFC 9111 4.2.3).
                headers.Age = default;
                headers.Date = clock.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            if (tags.Contains(etag))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            if (tags.Contains("*"))
            {
                // `*` matches only a representation that exists (RFC 9110 13.1.2): produce it, then
                // answer 304 if it did, or whatever the request deserves (404, 400…) if not.
                var original = context.Features.Get<IHttpResponseBodyFeature>()!;
                var buffer = new BufferedBody();
                context.Features.Set<IHttpResponseBodyFeature>(buffer);
                try
                {
                    await next(context);
                    await buffer.CompleteAsync();
                }
                finally
                {
                    context.Features.Set(original);
                }
                // 304 too: the output cache answers `*` itself when it holds the representation.
                if (context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified)
                {
                    context.Response.StatusCode = StatusCodes.Status304NotModified;
                    context.Response.ContentLength = null;
                    context.Response.Headers.ContentType = default;
                    context.Response.Headers.ContentEncoding = default;
                    context.Response.Headers.ContentDisposition = default;
                    return;
                }
                if (buffer.Content.Length > 0)
                    await context.Response.Body.WriteAsync(buffer.Content.GetBuffer().AsMemory(0, (int)buffer.Content.Length),
                        context.RequestAborted);
                return;
            }
            await next(context);
        });

    private sealed class DatasetCachePolicy(bool enabled) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var version = context.HttpContext.DatasetVersion();
            var query = CacheKeys.Query(context.HttpContext);
            // While the database is unreachable entries are still looked up (served stale) but a
            // miss is never stored: it is a 503 anyway.
            var cacheable = enabled && version is not null && query is not null && HttpMethods.IsGet(context.HttpContext.Request.Method);
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            // No request coalescing: it routes every lookup, hits included, through one shared
            // dictionary whose locks the concurrent requests for a popular URL contend on. Concurrent
            // first requests for the same URL each compute it instead (cheap, and rate-limited).
            context.AllowLocking = false;
            if (cacheable)
            {
                // As the ETag takes them: the bound parameters as sent (not sorted: parsing and sorting
                // cost more than the rare extra entry for a reordered query), the negotiated representation.
                context.CacheVaryByRules.VaryByValues["query"] = query!;
                context.CacheVaryByRules.VaryByValues["representation"] = CacheKeys.Representation(context.HttpContext);
                context.CacheVaryByRules.VaryByValues["dataset"] = version!;
                // The negotiated coding, not the raw header: "gzip, deflate, br" and "br" share an entry.
                if (Compression.For(context.HttpContext) is var coding and not ContentCoding.Identity)
                    context.CacheVaryByRules.VaryByValues["coding"] = Compression.Token(coding);
                if (DayOf(context.HttpContext) is { } day) context.CacheVaryByRules.VaryByValues["day"] = day;
                if (context.HttpContext.RequestServices.GetRequiredService<PublicUrls>().VaryKey(context.HttpContext) is { } host)
                    context.CacheVaryByRules.VaryByValues["host"] = host;
                // Kept while the version lasts (bounded by SizeLimit and an hour), so an outage can be
                // bridged; clients see the time of their request as Date, max-age and no Age (see UseDatasetETags).
                context.ResponseExpirationTimeSpan = TimeSpan.FromHours(1);
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.HttpContext.RequestServices.GetRequiredService<ServiceMetrics>().CacheHit(context.HttpContext);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.HttpContext.RequestServices.GetRequiredService<ServiceMetrics>().CacheMiss(context.HttpContext);
            if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK) context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A response body kept in memory, that does not start the real response.</summary>
    private sealed class BufferedBody : IHttpResponseBodyFeature
    {
        public MemoryStream Content { get; } = new();
        private PipeWriter? _writer;

        public Stream Stream => Content;
        public PipeWriter Writer => _writer ??= PipeWriter.Create(Content, new StreamPipeWriterOptions(leaveOpen: true));
        public void DisableBuffering() { }
        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        {
            await using var file = File.OpenRead(path);
            file.Seek(offset, SeekOrigin.Begin);
            if (count is { } n) { var bytes = new byte[n]; await file.ReadExactlyAsync(bytes, cancellationToken); await Content.WriteAsync(bytes, cancellationToken); }
            else await file.CopyToAsync(Content, cancellationToken);
        }

        public async Task CompleteAsync()
        {
            if (_writer is not null) await _writer.FlushAsync();
        }
    }
}
