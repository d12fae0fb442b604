using System.Diagnostics;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace JudgementsApi.Infrastructure;

/// <summary>
/// Per-client limits on what costs, with the platform's rate limiter: requests that miss the output
/// cache (the API, the pages and /embed) and full CSV exports. UseRateLimiter sits after the output
/// cache, so cached answers and 304s never count. A client is its address as the forwarded headers
/// give it when the request comes from a trusted proxy (Judgements:TrustedProxies), else the peer's.
/// </summary>
public static class RateLimits
{
    public sealed class Settings
    {
        public bool Enabled { get; set; } = true;
        public int WindowSeconds { get; set; } = 60;
        /// <summary>Uncached requests per client per window.</summary>
        public int Uncached { get; set; } = 600;
        /// <summary>Uncached full CSV exports per client per window.</summary>
        public int Exports { get; set; } = 60;
    }

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var settings = config.GetSection("Judgements:RateLimits").Get<Settings>() ?? new Settings();
        services.AddSingleton(settings);
        services.Configure<ForwardedHeadersOptions>(options => TrustProxies(options, config["Judgements:TrustedProxies"]));
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, settings));
            options.OnRejected = (rejected, _) => RejectAsync(rejected.HttpContext, rejected.Lease, settings);
        });
    }

    /// <summary>
    /// X-Forwarded-For and -Proto are believed only from the listed proxies (addresses or CIDR
    /// networks, comma-separated); with none listed, only from loopback (the platform's default).
    /// </summary>
    private static void TrustProxies(ForwardedHeadersOptions options, string? trusted)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        if (string.IsNullOrWhiteSpace(trusted)) return;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in trusted.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains('/')) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            else options.KnownProxies.Add(IPAddress.Parse(entry));
        }
    }

    /// <summary>Forwarded headers first (so the client, scheme and links are the real ones), the limiter after the output cache.</summary>
    public static IApplicationBuilder UseClientAddress(this IApplicationBuilder app) => app.UseForwardedHeaders();

    /// <summary>Place after UseOutputCache: only what reaches past the cache is counted.</summary>
    public static IApplicationBuilder UseApiRateLimits(this IApplicationBuilder app) =>
        app.UseRateLimiter().Use(async (http, next) =>
        {
            // Admitted: tell the client its budget (a refusal says so in RejectAsync).
            var settings = http.RequestServices.GetRequiredService<Settings>();
            if (Kind(http, settings) is { } kind)
            {
                var limiter = http.RequestServices.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter;
                SetHeaders(http, settings, kind, (int?)limiter?.GetStatistics(http)?.CurrentAvailablePermits ?? 0);
            }
            await next(http);
        });

    private enum Budget { Uncached, Exports }

    private static readonly object KindKey = new();

    /// <summary>Which budget a request draws on (null: none), decided once and kept in the request's items.</summary>
    private static Budget? Kind(HttpContext http, Settings settings)
    {
        if (http.Items.TryGetValue(KindKey, out var known)) return (Budget?)known;
        Budget? kind = !settings.Enabled || !HttpMethods.IsGet(http.Request.Method) || !Caching.Covers(http) ? null
            : IsExport(http.Request) ? Budget.Exports : Budget.Uncached;
        http.Items[KindKey] = kind;
        return kind;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, Settings settings)
    {
        if (Kind(http, settings) is not { } kind) return RateLimitPartition.GetNoLimiter("unlimited");
        var client = $"{kind}:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
        var permits = kind == Budget.Exports ? settings.Exports : settings.Uncached;
        return RateLimitPartition.Get(client, _ => new WindowLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds)),
            QueueLimit = 0,
            AutoReplenishment = false, // replenished by the partitioned limiter's timer, through TryReplenish
        }));
    }

    /// <summary>
    /// The platform's fixed window, whose refusals say when the window really resets: the platform's
    /// lease always says a whole window (Retry-After 60 when the reset is 10 s away).
    /// </summary>
    private sealed class WindowLimiter(FixedWindowRateLimiterOptions options) : ReplenishingRateLimiter
    {
        private readonly FixedWindowRateLimiter inner = new(options);
        private long windowStart = Stopwatch.GetTimestamp();

        public override bool IsAutoReplenishing => false;
        public override TimeSpan ReplenishmentPeriod => inner.ReplenishmentPeriod;
        public override TimeSpan? IdleDuration => inner.IdleDuration;
        public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

        /// <summary>As the platform's limiter does: a new window once the last one has run its length.</summary>
        public override bool TryReplenish()
        {
            var now = Stopwatch.GetTimestamp();
            if (Stopwatch.GetElapsedTime(Interlocked.Read(ref windowStart), now) >= options.Window)
                Interlocked.Exchange(ref windowStart, now);
            return inner.TryReplenish();
        }

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => Answer(inner.AttemptAcquire(permitCount));

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            Answer(await inner.AcquireAsync(permitCount, cancellationToken));

        private RateLimitLease Answer(RateLimitLease lease)
        {
            if (lease.IsAcquired) return lease;
            lease.Dispose();
            var left = options.Window - Stopwatch.GetElapsedTime(Interlocked.Read(ref windowStart));
            return new Refusal(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private sealed class Refusal(TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;
        public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }

    private static void SetHeaders(HttpContext http, Settings settings, Budget kind, int? remaining)
    {
        var limit = kind == Budget.Exports ? settings.Exports : settings.Uncached;
        var headers = http.Response.Headers;
        headers["RateLimit-Policy"] = $"{limit};w={settings.WindowSeconds}";
        headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        if (remaining is { } left) headers["RateLimit-Remaining"] = left.ToString(CultureInfo.InvariantCulture);
    }

    private static async ValueTask RejectAsync(HttpContext http, RateLimitLease lease, Settings settings)
    {
        var kind = Kind(http, settings) ?? Budget.Uncached;
        var window = settings.WindowSeconds;
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : window;
        retryAfter = Math.Max(1, retryAfter);
        http.RequestServices.GetRequiredService<ServiceMetrics>().RateLimited(kind == Budget.Exports);
        http.Response.Clear();
        SetHeaders(http, settings, kind, remaining: 0);
        http.Response.Headers["RateLimit-Reset"] = retryAfter.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var limit = kind == Budget.Exports ? settings.Exports : settings.Uncached;
        var what = kind == Budget.Exports ? "full CSV exports" : "requests that had to be computed";
        var detail = $"This client has made {limit} {what} in {window} s; retry after {retryAfter} s. Cached answers are not limited.";
        // People (pages, /embed) get the problem type's page; programs get the problem document.
        IResult answer = ApiVersions.IsVersioned(http.Request.Path)
            ? Problems.Problem(Problems.TooManyRequests, detail)
            : Problems.HtmlPage(Problems.TooManyRequests);
        await answer.ExecuteAsync(http);
    }

    /// <summary>A full CSV export: what the collection endpoints answer for format=csv or an Accept naming CSV.</summary>
    private static bool IsExport(HttpRequest request) =>
        ApiVersions.IsVersioned(request.Path)
        && (string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase)
            || request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true
                                               || a?.Contains("text/*", StringComparison.OrdinalIgnoreCase) == true));
}
