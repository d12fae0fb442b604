using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace JudgementsApi.Tests.Observability;

/// <summary>Every span the app's tracer provider records, and a way to wait for a request's own span to end.</summary>
public sealed class SpanRecorder : BaseProcessor<Activity>
{
    private readonly ConcurrentDictionary<ActivityTraceId, TaskCompletionSource<Activity>> _requests = new();

    public ConcurrentQueue<Activity> Spans { get; } = new();

    public override void OnEnd(Activity span)
    {
        Spans.Enqueue(span);
        if (span.Kind == ActivityKind.Server) Request(span.TraceId).TrySetResult(span);
    }

    /// <summary>The request's server span, once the app has finished with the request (output cache stored, log written).</summary>
    public Task<Activity> RequestSpanAsync(ActivityTraceId trace) => Request(trace).Task.WaitAsync(TimeSpan.FromMinutes(5));

    public List<Activity> SqlSpans(ActivityTraceId trace) => Spans.Where(s => s.TraceId == trace && s.Source.Name == "Npgsql").ToList();

    private TaskCompletionSource<Activity> Request(ActivityTraceId trace) =>
        _requests.GetOrAdd(trace, _ => new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>
/// Tracing on (Judgements:Tracing), spans recorded in memory. The snapshot's database is reached
/// through a proxy that is closed while the app starts, so no snapshot is in memory, and the version
/// poller is removed: the first request the test sends after opening the proxy loads the snapshot.
/// </summary>
public sealed class TracingFactory : ApiFactory
{
    public SpanRecorder Recorder { get; } = new();
    public TcpProxy Proxy { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var target = new NpgsqlConnectionStringBuilder(TestDatabase.AdminConnectionString);
        Proxy = new TcpProxy(target.Host!, target.Port);
        Proxy.Start(); // takes a port
        Proxy.Stop();  // and refuses connections on it until the test starts it again
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Judgements:Tracing", "true");
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(Recorder));
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService)
                                                 && d.ImplementationType == typeof(DatasetVersionPoller)));
            var proxied = new NpgsqlConnectionStringBuilder(TestDatabase.ReaderConnectionString(DatabaseName))
                { Host = "127.0.0.1", Port = Proxy.Port, CommandTimeout = 20 }.ConnectionString;
            services.AddSingleton(_ => NpgsqlDataSource.Create(proxied));
        });
    }
}

public class TracingTests(TracingFactory api) : IClassFixture<TracingFactory>
{
    private const string Council = "/v1/councils/shropshire";

    [Fact]
    public async Task AnUncachedRequestThatLoadsTheSnapshotHasItsSqlSpansAndACacheHitHasNone()
    {
        var client = api.CreateClient();
        Assert.Null(api.Services.GetRequiredService<DatasetState>().Snapshot);
        api.Proxy.Start();

        // No snapshot in memory: this request reads the dataset, in its own trace. (On a busy machine the first
        // connection through the proxy can fail: a 503 that says "retry shortly", and a client does, as here.)
        var loading = await SendAsync(client, retryUnavailable: true);
        var load = api.Recorder.SqlSpans(loading);
        Assert.NotEmpty(load);
        Assert.Contains(load, s => (s.GetTagItem("db.query.text") as string)?.Contains("SELECT version, loaded_at FROM dataset") == true);

        // Computed from the snapshot in memory (a cache miss, stored): no SQL.
        var miss = await SendAsync(client);
        Assert.Equal("miss", (await api.Recorder.RequestSpanAsync(miss)).GetTagItem(CacheResult.SpanTag));
        Assert.Empty(api.Recorder.SqlSpans(miss));

        // From the output cache: no SQL, and the span says it was a hit, under the route template.
        var hit = await SendAsync(client);
        var span = await api.Recorder.RequestSpanAsync(hit);
        Assert.Equal("hit", span.GetTagItem(CacheResult.SpanTag));
        Assert.Equal("/v{version:apiVersion}/councils/{id}", span.GetTagItem("http.route"));
        Assert.Empty(api.Recorder.SqlSpans(hit));
    }

    /// <summary>One request in a trace of its own (W3C traceparent), answered and finished with.</summary>
    private async Task<ActivityTraceId> SendAsync(HttpClient client, bool retryUnavailable = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            var trace = ActivityTraceId.CreateRandom();
            using var request = new HttpRequestMessage(HttpMethod.Get, Council);
            request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            using var response = await client.SendAsync(request);
            if (retryUnavailable && response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 30)
            {
                await Task.Delay(1000);
                continue;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await api.Recorder.RequestSpanAsync(trace);
            return trace;
        }
    }
}
