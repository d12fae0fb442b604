using System.Threading.RateLimiting;

namespace JudgementsApi.Infrastructure;

/// <summary>
/// Per-client limits on what costs: requests that miss the output cache (each reaches the database
/// and computes) and full CSV exports. The middleware sits after the output cache, so cached answers
/// and 304s never count. Clients are told by IP address (behind a reverse proxy, configure forwarded
/// headers, or every client shares one budget).
/// </summary>
public static class RateLimits
{
    public sealed class Settings
    {
        public bool Enabled { get; set; } = true;
        public int WindowSeconds { get; set; } = 60;
        /// <summary>Uncached JSON requests per client per window.</summary>
        public int Uncached { get; set; } = 600;
        /// <summary>Uncached full CSV exports per client per window.</summary>
        public int Exports { get; set; } = 60;
    }

    private sealed class Limiters(Settings settings) : IDisposable
    {
        public Settings Settings { get; } = settings;
        public PartitionedRateLimiter<string> Uncached { get; } = Create(settings.Uncached, settings.WindowSeconds);
        public PartitionedRateLimiter<string> Exports { get; } = Create(settings.Exports, settings.WindowSeconds);

        private static PartitionedRateLimiter<string> Create(int permits, int windowSeconds) =>
            PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ =>
                new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, permits),
                    Window = TimeSpan.FromSeconds(Math.Max(1, windowSeconds)),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));

        public void Dispose()
        {
            Uncached.Dispose();
            Exports.Dispose();
        }
    }

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var settings = config.GetSection("Judgements:RateLimits").Get<Settings>() ?? new Settings();
        services.AddSingleton(new Limiters(settings));
        return services;
    }

    /// <summary>Place after UseOutputCache: only what reaches past the cache is counted.</summary>
    public static IApplicationBuilder UseApiRateLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limiters = context.RequestServices.GetRequiredService<Limiters>();
            if (!limiters.Settings.Enabled || !ApiVersions.IsVersioned(context.Request.Path) || !HttpMethods.IsGet(context.Request.Method))
            {
                await next(context);
                return;
            }

            var export = IsExport(context.Request);
            var limiter = export ? limiters.Exports : limiters.Uncached;
            var limit = export ? limiters.Settings.Exports : limiters.Settings.Uncached;
            var window = limiters.Settings.WindowSeconds;
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            using var lease = limiter.AttemptAcquire(client);
            var headers = context.Response.Headers;
            var policy = $"{limit};w={window}";
            headers["RateLimit-Policy"] = policy;
            headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
            if (lease.IsAcquired)
            {
                var remaining = limiter.GetStatistics(client)?.CurrentAvailablePermits ?? 0;
                headers["RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
                await next(context);
                return;
            }

            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : window;
            retryAfter = Math.Max(1, retryAfter);
            context.RequestServices.GetRequiredService<ServiceMetrics>().RateLimited(export);
            context.Response.Clear();
            headers["RateLimit-Policy"] = policy;
            headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Remaining"] = "0";
            headers["RateLimit-Reset"] = retryAfter.ToString(CultureInfo.InvariantCulture);
            headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await Problems.Problem(Problems.TooManyRequests,
                    export
                        ? $"This client has made {limit} full CSV exports in {window} s; retry after {retryAfter} s. Cached answers are not limited."
                        : $"This client has made {limit} requests in {window} s that had to be computed; retry after {retryAfter} s. Cached answers are not limited.")
                .ExecuteAsync(context);
        });

    /// <summary>A full CSV export: what the collection endpoints answer for format=csv or an Accept naming CSV.</summary>
    private static bool IsExport(HttpRequest request) =>
        string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase)
        || request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true
                                           || a?.Contains("text/*", StringComparison.OrdinalIgnoreCase) == true);
}
