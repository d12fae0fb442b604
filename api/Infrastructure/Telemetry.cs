using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace JudgementsApi.Infrastructure;

/// <summary>
/// What an operator sees of the service (docs/operations.md, Monitoring): OpenTelemetry metrics
/// (ASP.NET Core's request duration per route template and status, Npgsql's pool and commands, and
/// the service's own below), traces of requests and their SQL, and one JSON log line per request.
/// Metrics are scraped as Prometheus text on their own port (Judgements:MetricsPort), never on the
/// public one, and go out by OTLP as well when OTEL_EXPORTER_OTLP_ENDPOINT is set; traces are
/// recorded only when there is somewhere to send them (OTLP, or Judgements:Tracing=true).
/// </summary>
public static partial class Telemetry
{
    public const string MeterName = "JudgementsApi";
    public const string ServiceName = "judgements-api";
    public const string RequestLogCategory = "JudgementsApi.Requests";
    public const string MetricsPath = "/metrics";

    /// <summary>The port the Prometheus endpoint listens on (Judgements:MetricsPort); null: no scraping endpoint.</summary>
    public static int? MetricsPort(IConfiguration config) =>
        config.GetValue<int?>("Judgements:MetricsPort") is > 0 and var port ? port : null;

    /// <summary>ASP.NET Core's per-request instruments beside the request duration, which cost on every cached hit.</summary>
    private static readonly string[] PerRequestUnused = ["http.server.active_requests", "aspnetcore.routing.match_attempts"];

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var otlp = !string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var port = MetricsPort(config);
        builder.Services.AddSingleton<ServiceMetrics>();
        AddJsonLogs(builder.Logging);
        if (port is { } p) ListenAlsoOn(builder, p);

        var otel = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService(ServiceName));
        if (otlp || config.GetValue("Judgements:Tracing", false))
            otel.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => port is null || http.Connection.LocalPort != port)
                .AddNpgsql());
        if (otlp || port is not null)
            otel.WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddNpgsqlInstrumentation().AddMeter(MeterName);
                // Recorded on every request and read by no alert or panel: not listened to at all.
                foreach (var unused in PerRequestUnused) metrics.AddView(unused, MetricStreamConfiguration.Drop);
                if (port is not null) metrics.AddPrometheusExporter();
            });
        if (otlp) otel.UseOtlpExporter();
        return builder;
    }

    /// <summary>
    /// One JSON object per line, with the trace and span ids of the request that wrote it (in Scopes).
    /// A console that cannot keep up drops lines rather than slowing requests down.
    /// </summary>
    private static void AddJsonLogs(ILoggingBuilder logging)
    {
        logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite);
        logging.Services.AddSingleton<LogSampling>();
        logging.AddSampler<LogSampling>();
    }

    /// <summary>
    /// Right after the app is built: the providers would otherwise start with the host, after the
    /// start-up's migration and first snapshot load, whose spans and measurements would be lost.
    /// </summary>
    public static WebApplication StartTelemetry(this WebApplication app)
    {
        app.Services.GetService<MeterProvider>();
        app.Services.GetService<TracerProvider>();
        return app;
    }

    /// <summary>Kestrel serves the configured URLs and the metrics port beside them.</summary>
    private static void ListenAlsoOn(WebApplicationBuilder builder, int port)
    {
        var config = builder.Configuration;
        static string[] List(string value) => value.Split(';', StringSplitOptions.RemoveEmptyEntries);
        var urls = config[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } configured ? List(configured)
            : config["http_ports"] is { Length: > 0 } ports ? List(ports).Select(p => $"http://*:{p}").ToArray()
            : ["http://localhost:5000"];
        builder.WebHost.UseUrls([.. urls, $"http://*:{port}"]);
    }

    /// <summary>
    /// First in the pipeline: the metrics port answers GET /metrics and nothing else (404), and its
    /// scrapes are not counted as requests. Does nothing when no metrics port is configured.
    /// </summary>
    public static IApplicationBuilder UseMetricsEndpoint(this IApplicationBuilder app, IConfiguration config)
    {
        if (MetricsPort(config) is not { } port) return app;
        return app.MapWhen(http => http.Connection.LocalPort == port, metrics =>
        {
            metrics.Use((http, next) =>
            {
                if (http.Features.Get<IHttpMetricsTagsFeature>() is { } tags) tags.MetricsDisabled = true;
                return next(http);
            });
            metrics.UseOpenTelemetryPrometheusScrapingEndpoint(MetricsPath);
            metrics.Run(http =>
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
    }

    /// <summary>
    /// One line per request at Information: method, route template (never the raw path), status,
    /// duration and what the output cache did. No client address, header or query string is logged.
    /// A request answered without computing anything (an output-cache hit, a 304) is written as its
    /// own event, which the log sampler keeps only when the request's trace is sampled, or one in
    /// <see cref="LogSampling.DefaultCachedEvery"/> (Judgements:RequestLog:CachedEvery): formatting and
    /// writing a JSON line would otherwise cost more than answering from the cache does.
    /// </summary>
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(RequestLogCategory);
        return app.Use(async (http, next) =>
        {
            if (!log.IsEnabled(LogLevel.Information))
            {
                await next(http);
                return;
            }
            var method = http.Request.Method;
            var started = Stopwatch.GetTimestamp();
            var status = StatusCodes.Status500InternalServerError;
            try
            {
                await next(http);
                status = http.Response.StatusCode;
            }
            finally
            {
                var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(none)";
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var cache = CacheResult.Of(http);
                if (cache == CacheResult.Hit.Name || status == StatusCodes.Status304NotModified)
                    ServedWithoutWork(log, method, route, status, ms, cache);
                else
                    Served(log, method, route, status, ms, cache);
            }
        });
    }

    [LoggerMessage(EventId = 1, EventName = "Request", Level = LogLevel.Information,
        Message = "{Method} {Route} {Status} in {DurationMs} ms, cache {Cache}")]
    private static partial void Served(ILogger log, string method, string route, int status, double durationMs, string cache);

    /// <summary>The request log's event for a request answered from the output cache or by a 304 (sampled).</summary>
    public const int CachedRequestEventId = 2;

    [LoggerMessage(EventId = CachedRequestEventId, EventName = "CachedRequest", Level = LogLevel.Information,
        Message = "{Method} {Route} {Status} in {DurationMs} ms, cache {Cache}")]
    private static partial void ServedWithoutWork(ILogger log, string method, string route, int status, double durationMs, string cache);
}

/// <summary>What the output cache did for a request: hit, miss, or none (not cacheable, or not reached).</summary>
public sealed class CacheResult
{
    public static readonly CacheResult Hit = new("hit");
    public static readonly CacheResult Miss = new("miss");
    /// <summary>The request span's attribute that carries the result.</summary>
    public const string SpanTag = "judgements.cache";
    private CacheResult(string name) => Name = name;
    public string Name { get; }

    public static string Of(HttpContext http) => http.Features.Get<CacheResult>()?.Name ?? "none";
}

/// <summary>
/// The service's own instruments (meter <see cref="Telemetry.MeterName"/>): output-cache lookups,
/// rate-limit rejections, snapshot loads, and gauges of the snapshot in memory and of the newest
/// import the version poller saw in the database. Cache lookups are counted with one interlocked add
/// and read when exported; the rest costs nothing unless an exporter listens.
/// </summary>
public sealed class ServiceMetrics
{
    private static readonly KeyValuePair<string, object?> HitTag = new("result", "hit");
    private static readonly KeyValuePair<string, object?> MissTag = new("result", "miss");
    private static readonly KeyValuePair<string, object?> SuccessTag = new("outcome", "success");
    private static readonly KeyValuePair<string, object?> FailureTag = new("outcome", "failure");

    private long _hits;
    private long _misses;
    private readonly Counter<long> _rejections;
    private readonly Histogram<double> _loads;

    public ServiceMetrics(IMeterFactory meters, DatasetState state, TimeProvider clock)
    {
        var meter = meters.Create(Telemetry.MeterName);
        // Counted with one interlocked add per request and read when scraped: cheaper on the cached path than Counter.Add.
        meter.CreateObservableCounter("judgements.output_cache.lookups",
            () => new[] { new Measurement<long>(Volatile.Read(ref _hits), HitTag), new Measurement<long>(Volatile.Read(ref _misses), MissTag) },
            "{request}", "Requests the output cache answered (result=hit) or passed on to be computed and stored (result=miss)");
        _rejections = meter.CreateCounter<long>("judgements.rate_limit.rejections", "{request}",
            "Requests refused with 429 by the per-client limits, by limit (uncached or export)");
        _loads = meter.CreateHistogram<double>("judgements.snapshot.load.duration", "s",
            "Time to read the dataset into memory, by outcome (success or failure)");
        SnapshotGauges(meter, state, clock);
    }

    private static void SnapshotGauges(Meter meter, DatasetState state, TimeProvider clock)
    {
        static double Epoch(DateTimeOffset t) => t.ToUnixTimeMilliseconds() / 1000.0;
        meter.CreateObservableGauge("judgements.snapshot.info", () => state.Snapshot?.Version is { } v
                ? [new Measurement<int>(1, new KeyValuePair<string, object?>("version", v[..Math.Min(12, v.Length)]))]
                : Array.Empty<Measurement<int>>(),
            description: "1, labelled with the version of the dataset in memory (its first 12 characters)");
        meter.CreateObservableGauge("judgements.snapshot.age", () => state.Snapshot?.LoadedAt is { } at
                ? [new Measurement<double>((clock.GetUtcNow() - at).TotalSeconds)] : Array.Empty<Measurement<double>>(),
            "s", "Time since the dataset in memory was imported into the database");
        meter.CreateObservableGauge("judgements.snapshot.imported_timestamp", () => state.Snapshot?.LoadedAt is { } at
            ? [new Measurement<double>(Epoch(at))] : Array.Empty<Measurement<double>>(), "s",
            "When the dataset in memory was imported (Unix time)");
        meter.CreateObservableGauge("judgements.database.imported_timestamp", () => state.DatabaseImportedAt is { } at
            ? [new Measurement<double>(Epoch(at))] : Array.Empty<Measurement<double>>(), "s",
            "When the newest import the version poller saw in the database was made (Unix time)");
        meter.CreateObservableGauge("judgements.dataset.data_as_of_timestamp", () => state.Snapshot?.DataAsOf is { } day
                ? [new Measurement<double>(Epoch(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)))]
                : Array.Empty<Measurement<double>>(),
            "s", "The newest publication (report or letter) in the dataset in memory (Unix time, midnight UTC)");
        meter.CreateObservableGauge("judgements.snapshot.records", () => state.Snapshot is { } s
                ?
                [
                    new Measurement<int>(s.Councils.Count, new KeyValuePair<string, object?>("kind", "councils")),
                    new Measurement<int>(s.Inspections.Count, new KeyValuePair<string, object?>("kind", "inspections")),
                    new Measurement<int>(s.FocusedVisits.Count, new KeyValuePair<string, object?>("kind", "focused_visits")),
                    new Measurement<int>(s.Visits.Count, new KeyValuePair<string, object?>("kind", "visits")),
                ]
                : Array.Empty<Measurement<int>>(),
            "{record}", "The size of the dataset in memory: rows by kind");
        meter.CreateObservableGauge("judgements.snapshot.load_failing", () => state.LoadFailure is null ? 0 : 1,
            description: "1 while the database answers but its dataset cannot be loaded (the last good snapshot is served)");
        meter.CreateObservableGauge("judgements.database.reachable", () => state.Reachable ? 1 : 0,
            description: "0 from a failure to reach the database until it answers again");
    }

    public void CacheHit(HttpContext http)
    {
        Interlocked.Increment(ref _hits);
        Cache(http, CacheResult.Hit);
    }

    public void CacheMiss(HttpContext http)
    {
        Interlocked.Increment(ref _misses);
        Cache(http, CacheResult.Miss);
    }

    /// <summary>Kept for the request's log line, and tagged on its span when one is recorded.</summary>
    private static void Cache(HttpContext http, CacheResult result)
    {
        http.Features.Set(result);
        if (Activity.Current is { IsAllDataRequested: true } span) span.SetTag(CacheResult.SpanTag, result.Name);
    }

    public void RateLimited(bool export) => _rejections.Add(1, new KeyValuePair<string, object?>("limit", export ? "export" : "uncached"));

    public void SnapshotLoaded(TimeSpan took, bool succeeded) => _loads.Record(took.TotalSeconds, succeeded ? SuccessTag : FailureTag);
}

/// <summary>
/// Bounds log volume with the platform's log sampling (one sampler per process, so both rules are here).
/// A warning or error that repeats (same category, event and message template) is written at most
/// <see cref="PerMinute"/> times a minute; the rest are dropped and counted in <c>judgements.logs.suppressed</c>.
/// A flood of one failure (a bad request repeated, an unreachable database) costs a few lines, not gigabytes.
/// The request log's line for a request answered from the cache (<see cref="Telemetry.CachedRequestEventId"/>)
/// is written when the request's trace is sampled (a caller's <c>traceparent</c> with the sampled flag, or
/// the tracer's choice), and otherwise for one such request in <c>Judgements:RequestLog:CachedEvery</c>
/// (<see cref="DefaultCachedEvery"/>; 1 writes every one, 0 only sampled traces); the metrics count them all.
/// Everything else at Information and below passes.
/// </summary>
public sealed class LogSampling(TimeProvider clock, IMeterFactory meters, IConfiguration config) : LoggingSampler
{
    public const int PerMinute = 10;
    public const int DefaultCachedEvery = 100;
    private readonly Counter<long> suppressed = meters.Create(Telemetry.MeterName).CreateCounter<long>(
        "judgements.logs.suppressed", "{record}", "Warnings and errors not written because they repeated over 10 times a minute");
    private const int MaxKinds = 1000;
    private readonly ConcurrentDictionary<(string, int, string), Window> windows = new();
    private readonly long cachedEvery = Math.Max(0, config.GetValue("Judgements:RequestLog:CachedEvery", DefaultCachedEvery));
    private long cachedSeen;

    private sealed class Window(long minute)
    {
        public long Minute = minute;
        public int Count;
    }

    public override bool ShouldSample<TState>(in LogEntry<TState> entry)
    {
        if (entry.EventId.Id == Telemetry.CachedRequestEventId && entry.Category == Telemetry.RequestLogCategory)
            return Activity.Current is { Recorded: true }
                   || (cachedEvery > 0 && (Interlocked.Increment(ref cachedSeen) - 1) % cachedEvery == 0);
        if (entry.LogLevel < LogLevel.Warning) return true;
        var template = entry.State is IReadOnlyList<KeyValuePair<string, object?>> pairs
            ? pairs.FirstOrDefault(p => p.Key == "{OriginalFormat}").Value as string ?? ""
            : "";
        // Beyond MaxKinds distinct kinds, the rest share one window: memory stays bounded whatever is logged.
        var key = windows.Count < MaxKinds ? (entry.Category, entry.EventId.Id, template) : ("", 0, "");
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var window = windows.GetOrAdd(key, _ => new Window(minute));
        lock (window)
        {
            if (window.Minute != minute) (window.Minute, window.Count) = (minute, 0);
            if (++window.Count <= PerMinute) return true;
        }
        suppressed.Add(1);
        return false;
    }
}
