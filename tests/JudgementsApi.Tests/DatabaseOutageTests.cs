using System.Globalization;
using Microsoft.Extensions.Logging;

namespace JudgementsApi.Tests;

/// <summary>The app reaches its database through a proxy the test can cut or freeze, like a database going down or hanging.</summary>
public class OutageFactory : ApiFactory
{
    public TcpProxy Proxy { get; private set; } = null!;
    public CapturedLogs Logs { get; } = new();

    protected override string AppConnectionString =>
        new NpgsqlConnectionStringBuilder(TestDatabase.ReaderConnectionString(DatabaseName)) { Host = "127.0.0.1", Port = Proxy.Port }.ConnectionString;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var target = new NpgsqlConnectionStringBuilder(TestDatabase.AdminConnectionString);
        Proxy = new TcpProxy(target.Host!, target.Port);
        Proxy.Start();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Judgements:ConnectTimeoutSeconds", "3"); // the production bound: outages answer 503 within seconds
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

/// <summary>A second, separate app for the frozen database, so the two outages do not meet; with the production command timeout.</summary>
public sealed class FreezeFactory : OutageFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Judgements:CommandTimeoutSeconds", "3");
    }
}

public class DatabaseOutageTests(OutageFactory api) : IClassFixture<OutageFactory>
{
    /// <summary>Every read the snapshot answers (all of them, since PostgreSQL is read only to build one), never cached before.</summary>
    private static readonly string[] SnapshotReads =
    [
        "/v1/frameworks?limit={0}", "/v1/frameworks/ilacs", "/v1/grades", "/v1/dataset", "/v1/inspections?limit={0}",
        "/v1/focused-visits?limit={0}", "/v1/councils?limit={0}", "/v1/statistics/distribution?asOf=2024-0{0}-01", "/about",
    ];

    [Fact]
    public async Task DuringAnOutageEveryReadIsServedStaleFromTheSnapshotAndOneLineIsLoggedPerTransition()
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var cached = await client.GetAsync("/v1/frameworks");
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        var cachedBody = await cached.Content.ReadAsStringAsync();
        Assert.False(cached.Headers.Contains("Warning"));
        var version = (await client.GetJsonAsync("/v1/dataset")).Str("version");

        api.Proxy.Stop();
        await Eventually(client, "/health/ready", HttpStatusCode.ServiceUnavailable);
        var ready = await client.GetProblemAsync("/health/ready", HttpStatusCode.ServiceUnavailable);
        Assert.Equal("/problems/service-unavailable", ready.Str("type"));

        // The last good representation, still true (data changes only on import), marked stale,
        // for longer than the version poll that used to drop it within a second or two.
        for (var i = 0; i < 3; i++)
        {
            var stale = await client.GetAsync("/v1/frameworks");
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Equal(cachedBody, await stale.Content.ReadAsStringAsync());
            Assert.Contains("stale", stale.Headers.GetValues("Warning").Single());
            var revalidate = new HttpRequestMessage(HttpMethod.Get, "/v1/frameworks");
            revalidate.Headers.IfNoneMatch.Add(cached.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(revalidate)).StatusCode);
            await Task.Delay(DatasetVersionPoller.Interval);
        }

        // What was never asked before is answered from the in-memory snapshot, marked stale like a cached answer:
        // the frameworks, the dataset record, the About page and the changes included.
        foreach (var read in SnapshotReads.Append($"/v1/changes?since={version}&limit={{0}}"))
        for (var i = 0; i < 2; i++)
        {
            var fromSnapshot = await client.GetAsync(string.Format(CultureInfo.InvariantCulture, read, i + 1));
            Assert.True(fromSnapshot.StatusCode == HttpStatusCode.OK, $"{read}: {(int)fromSnapshot.StatusCode}");
            Assert.Contains("stale", fromSnapshot.Headers.GetValues("Warning").Single());
            Assert.NotNull(fromSnapshot.Headers.ETag);
        }
        foreach (var collection in new[] { "inspections", "focused-visits" })
        {
            using var page = JsonDocument.Parse(await client.GetStringAsync($"/v1/{collection}?limit=3"));
            Assert.Equal(3, page.RootElement.GetProperty("data").GetArrayLength());
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

        api.Proxy.Start();
        await Eventually(client, "/health/ready", HttpStatusCode.OK);
        await Eventually(client, "/v1/frameworks", HttpStatusCode.OK, response => !response.Headers.Contains("Warning"));

        var entries = api.Logs.Entries.ToList();
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(entries, e => e.Exception is not null);
        Assert.Single(entries, e => e.Message.StartsWith("The database is unreachable"));
        var back = Assert.Single(entries, e => e.Message.StartsWith("The database is reachable again"));
        // Only the version poll and the readiness checks reach the database now, no read does.
        Assert.Matches(@"; \d+ requests and checks failed", back.Message);
    }

    /// <summary>Polls until the status arrives (within 15 s); any 500 on the way fails at once.</summary>
    internal static async Task Eventually(HttpClient client, string url, HttpStatusCode expected, Func<HttpResponseMessage, bool>? also = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpStatusCode last;
        do
        {
            using var response = await client.GetAsync(url);
            last = response.StatusCode;
            Assert.NotEqual(HttpStatusCode.InternalServerError, last);
            if (last == expected && (also is null || also(response))) return;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        Assert.Fail($"{url} still answered {(int)last}, not {(int)expected} as expected, after 15 s");
    }
}

/// <summary>
/// A frozen database (process stopped: connections stay open, nothing answers) must not hold
/// requests for Npgsql's 30 s default: every command and the readiness check have their own timeout.
/// </summary>
public class FrozenDatabaseTests(FreezeFactory api) : IClassFixture<FreezeFactory>
{
    [Fact]
    public async Task RequestsAndReadinessAnswer503PromptlyWhileTheDatabaseIsFrozen()
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/regions")).StatusCode); // a pooled connection exists

        api.Proxy.Freeze();
        try
        {
            // Generous (a busy machine): the service promises 503 within 5 s; the old behaviour took ~36 s.
            var impatient = api.CreateClient();
            impatient.Timeout = TimeSpan.FromSeconds(20);
            var ready = await impatient.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("5", ready.Headers.GetValues("Retry-After").Single());
            // Never read before, and no longer read from the database per request: the snapshot answers.
            var uncached = await impatient.GetAsync("/v1/frameworks?limit=7");
            Assert.Equal(HttpStatusCode.OK, uncached.StatusCode);
            Assert.Contains("stale", uncached.Headers.GetValues("Warning").Single());
            // The in-memory snapshot answers at once, marked stale.
            var fromSnapshot = await impatient.GetAsync("/v1/inspections?council=shropshire");
            Assert.Equal(HttpStatusCode.OK, fromSnapshot.StatusCode);
            Assert.Contains("stale", fromSnapshot.Headers.GetValues("Warning").Single());
        }
        finally
        {
            api.Proxy.Thaw();
        }
        await DatabaseOutageTests.Eventually(client, "/health/ready", HttpStatusCode.OK);
    }

    /// <summary>Read from the snapshot or the output cache: nothing here may wait on PostgreSQL.</summary>
    private static readonly string[] MemoryReads =
        ["/v1/councils/shropshire", "/v1/inspections?council=telford-and-wrekin", "/about", "/embed/councils/E06000051", "/v1/frameworks",
         "/v1/dataset/download"];

    [Fact]
    public async Task WhileTheDatabaseIsFrozenUnderLoadMemoryReadsAnswerAndDatabaseWorkFails503()
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(MemoryReads[0])).StatusCode); // now in the output cache

        api.Proxy.Freeze();
        try
        {
            // A guard against a hung test only: the promise (503 within seconds) is the docs' to measure, not a test's clock.
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            // What needs PostgreSQL, all at once: readiness probes pile up.
            var databaseWork = Enumerable.Range(0, 20).Select(_ => client.GetAsync("/health/ready", guard.Token)).ToList();
            foreach (var url in MemoryReads)
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, guard.Token)).StatusCode);

            foreach (var answer in await Task.WhenAll(databaseWork))
                Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            foreach (var url in MemoryReads)
            {
                var stale = await client.GetAsync(url, guard.Token);
                Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
                Assert.Contains("stale", stale.Headers.GetValues("Warning").Single());
            }
        }
        finally
        {
            api.Proxy.Thaw();
        }
        await DatabaseOutageTests.Eventually(client, "/health/ready", HttpStatusCode.OK);
        Assert.DoesNotContain(api.Logs.Entries, e => e.Level >= LogLevel.Error || e.Exception is not null);
    }
}
