using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace JudgementsApi.Tests.Observability;

/// <summary>The app with every log entry captured (and its structured fields).</summary>
public sealed class LoggedApiFactory : ApiFactory
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

public class RequestLogTests(LoggedApiFactory api) : ApiTests<LoggedApiFactory>(api)
{
    private const string ClientAddress = "203.0.113.77";

    [Fact]
    public async Task EachRequestIsOneLineWithMethodRouteTemplateStatusDurationCacheAndTraceButNoClientAddress()
    {
        var first = await SendAsync("/v1/councils/shropshire");
        var second = await SendAsync("/v1/councils/shropshire");
        var unknown = await SendAsync("/no-such-page/for-the-log");

        Assert.Equal(("GET", "/v{version:apiVersion}/councils/{id}", 200, "miss"), Fields(first));
        Assert.Equal(("GET", "/v{version:apiVersion}/councils/{id}", 200, "hit"), Fields(second));
        Assert.Equal(("GET", "(none)", 404, "none"), Fields(unknown));
        Assert.IsType<double>(first["DurationMs"]);
        Assert.All([first, second, unknown], e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.DoesNotContain("shropshire", first.Message);

        // One line per request, and nothing anywhere carries the client's address.
        foreach (var trace in new[] { first.TraceId, second.TraceId, unknown.TraceId })
            Assert.Single(Api.Logs.Entries, e => e.Category == Telemetry.RequestLogCategory && e.TraceId == trace);
        Assert.DoesNotContain(Api.Logs.Entries, e => e.Message.Contains(ClientAddress)
            || e.State.Values.Any(v => v?.ToString()?.Contains(ClientAddress) == true));
    }

    [Fact]
    public async Task ACachedAnswerIsLoggedWhenItsTraceIsSampledAndOtherwiseOnceInEveryHundred()
    {
        const string path = "/v1/councils/brent/inspections";
        const string route = "/v{version:apiVersion}/councils/{id}/inspections";
        var every = LogSampling.DefaultCachedEvery;
        Assert.Equal("miss", (await SendAsync(path, sampled: false))["Cache"]); // computed: always logged

        // Answered from the cache in traces the caller did not sample: one line for the first and the 101st.
        var unsampled = new HashSet<string>();
        for (var i = 0; i < 2 * every; i++) unsampled.Add(await SendUnloggedAsync(path));
        bool Unsampled(CapturedLogs.Entry e) => e.Category == Telemetry.RequestLogCategory && unsampled.Contains(e.TraceId!);
        await Api.Logs.EntryAsync(e => Unsampled(e) && Api.Logs.Entries.Count(Unsampled) >= 2);

        // In a sampled trace a cached answer is always logged; it is written after the unsampled ones.
        var hit = await SendAsync(path);
        Assert.Equal(("GET", route, 200, "hit"), Fields(hit));
        var lines = Api.Logs.Entries.Where(Unsampled).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, e => Assert.Equal(("GET", route, 200, "hit"), Fields(e)));
    }

    private static (string?, string?, int?, string?) Fields(CapturedLogs.Entry e) =>
        (e["Method"] as string, e["Route"] as string, e["Status"] as int?, e["Cache"] as string);

    /// <summary>Sends in a trace of its own, from a client behind a proxy, and returns the request's log line once written.</summary>
    private async Task<CapturedLogs.Entry> SendAsync(string path, bool sampled = true)
    {
        var trace = await SendUnloggedAsync(path, sampled);
        return await Api.Logs.EntryAsync(e => e.Category == Telemetry.RequestLogCategory && e.TraceId == trace);
    }

    /// <summary>Sends in a trace of its own (sampled by the caller or not) and returns the trace's id.</summary>
    private async Task<string> SendUnloggedAsync(string path, bool sampled = false)
    {
        var trace = ActivityTraceId.CreateRandom().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-{(sampled ? "01" : "00")}");
        request.Headers.Add("X-Forwarded-For", ClientAddress);
        (await Client.SendAsync(request)).Dispose();
        return trace;
    }
}
