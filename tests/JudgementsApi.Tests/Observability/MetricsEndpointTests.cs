using System.Globalization;
using System.Text.RegularExpressions;

namespace JudgementsApi.Tests.Observability;

/// <summary>
/// The service as an operator runs it (its own process, real Kestrel) with a metrics port, a small
/// uncached-request limit and a few hundred distinct unknown URLs: what Prometheus would scrape.
/// </summary>
public sealed partial class MetricsEndpointTests : IAsyncLifetime
{
    private const string CouncilRoute = "/v{version:apiVersion}/councils/{id}";
    private string _database = "";
    private ServedProcess _service = null!;
    private Uri _metrics = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CloneAsync();
        var port = FreePort();
        _metrics = new Uri($"http://127.0.0.1:{port}/metrics");
        _service = await ServiceProcess.ServeAsync(new Dictionary<string, string>
        {
            ["JUDGEMENTS_DB"] = TestDatabase.ReaderConnectionString(_database),
            ["JUDGEMENTS_OWNER_DB"] = TestDatabase.OwnerConnectionString(_database),
            ["Judgements__MetricsPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["Judgements__RateLimits__Uncached"] = "4",
            ["Judgements__RateLimits__WindowSeconds"] = "3600",
        });
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await TestDatabase.DropAsync(_database);
    }

    [Fact]
    public async Task MetricsNameRouteTemplatesCacheRateLimitsSnapshotAndPoolOnTheirOwnPortOnly()
    {
        using var client = new HttpClient { BaseAddress = _service.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        // Uncached: 1 (a miss, stored once its log line is written), then the same URL from the cache.
        await SendAsync(client, "/v1/councils/shropshire", HttpStatusCode.OK, "miss");
        await SendAsync(client, "/v1/councils/shropshire", HttpStatusCode.OK, "hit");
        await SendAsync(client, "/v1/councils/no-such-council-0", HttpStatusCode.NotFound, "miss"); // uncached: 2
        foreach (var i in Enumerable.Range(1, 2)) // uncached: 3 and 4
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/councils/no-such-council-{i}")).StatusCode);
        // The fuzzer's kind of traffic: hundreds of distinct URLs that name no resource, in and out of /v1.
        foreach (var i in Enumerable.Range(0, 150))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync($"/v1/councils/unknown-{i}?q={i}")).StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync($"/v1/no/such/thing-{i}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/no-such-page-{i}/x%20y")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode); // not on the public port

        using var scraper = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        Assert.Equal(HttpStatusCode.NotFound, (await scraper.GetAsync(new Uri(_metrics, "/v1/councils/shropshire"))).StatusCode);
        var text = await scraper.GetStringAsync(_metrics);
        var series = Series(text);

        // Requests by route template and status; never a raw path, so the series stay few.
        Assert.True(Value(series, "http_server_request_duration_seconds_count", ("http_route", CouncilRoute),
            ("http_response_status_code", "200")) >= 2, text);
        Assert.True(Value(series, "http_server_request_duration_seconds_count", ("http_route", CouncilRoute),
            ("http_response_status_code", "429")) >= 150, text);
        Assert.DoesNotContain("no-such", text);
        Assert.DoesNotContain("unknown-", text);
        Assert.DoesNotContain("shropshire", text);
        var requestSeries = series.Where(s => s.Name == "http_server_request_duration_seconds_count").ToList();
        Assert.InRange(requestSeries.Count, 3, 12);

        Assert.True(Value(series, "judgements_output_cache_lookups_total", ("result", "hit")) >= 1, text);
        Assert.True(Value(series, "judgements_output_cache_lookups_total", ("result", "miss")) >= 2, text);
        Assert.Equal(300, Value(series, "judgements_rate_limit_rejections_total", ("limit", "uncached")));

        Assert.Equal(1, Value(series, "judgements_snapshot_info"));
        Assert.Matches("^[0-9a-f]{12}$", series.Single(s => s.Name == "judgements_snapshot_info").Labels["version"]);
        Assert.True(Value(series, "judgements_snapshot_age_seconds") >= 0);
        Assert.True(Value(series, "judgements_snapshot_load_duration_seconds_count", ("outcome", "success")) >= 1);
        Assert.True(Value(series, "judgements_snapshot_records", ("kind", "inspections")) > 400);
        Assert.Equal(Value(series, "judgements_snapshot_imported_timestamp_seconds"),
            Value(series, "judgements_database_imported_timestamp_seconds"));
        Assert.Equal(0, Value(series, "judgements_snapshot_load_failing"));

        Assert.True(Value(series, "db_client_connection_max", ("db_client_connection_pool_name", "serving")) >= 2, text);
        Assert.Contains(series, s => s.Name == "db_client_connection_count"
                                     && s.Labels.GetValueOrDefault("db_client_connection_pool_name") == "serving"
                                     && s.Labels.GetValueOrDefault("db_client_connection_state") == "idle");
        Assert.Contains(series, s => s.Name == "db_client_operation_duration_seconds_count");
    }

    /// <summary>Sends and waits for its JSON log line (written once the app is done with the request, cache entry stored).</summary>
    private async Task SendAsync(HttpClient client, string path, HttpStatusCode expected, string cache)
    {
        var trace = System.Diagnostics.ActivityTraceId.CreateRandom().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", $"00-{trace}-{System.Diagnostics.ActivitySpanId.CreateRandom()}-01");
        using var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        using var line = JsonDocument.Parse(await _service.LineAsync(l => l.Contains(trace)));
        var entry = line.RootElement;
        Assert.Equal(Telemetry.RequestLogCategory, entry.GetProperty("Category").GetString());
        var state = entry.GetProperty("State");
        Assert.Equal(CouncilRoute, state.GetProperty("Route").GetString());
        Assert.Equal((int)expected, state.GetProperty("Status").GetInt32());
        Assert.Equal(cache, state.GetProperty("Cache").GetString());
        Assert.Contains(entry.GetProperty("Scopes").EnumerateArray(),
            s => s.TryGetProperty("TraceId", out var t) && t.GetString() == trace);
    }

    private sealed record Sample(string Name, Dictionary<string, string> Labels, double Value);

    private static List<Sample> Series(string text) => text.Split('\n')
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => SampleLine().Match(l))
        .Where(m => m.Success)
        .Select(m => new Sample(m.Groups["name"].Value,
            LabelPair().Matches(m.Groups["labels"].Value).ToDictionary(p => p.Groups[1].Value, p => p.Groups[2].Value),
            double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)))
        .ToList();

    /// <summary>The one series of that name whose labels include these (other labels, such as otel_scope_name, aside).</summary>
    private static double Value(List<Sample> series, string name, params (string Label, string Value)[] labels) =>
        series.Single(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Label) == l.Value)).Value;

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex LabelPair();
}
