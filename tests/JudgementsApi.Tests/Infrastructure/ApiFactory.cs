using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace JudgementsApi.Tests.Infrastructure;

/// <summary>The real app over HTTP (in memory), against its own clone of the seeded database.</summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string DatabaseName { get; private set; } = "";

    /// <summary>Noon on 30 November 2026 in London: after the seed data's newest publication, and never the day the tests run.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The app's clock ("today" for the statistics and the pages): fixed, moved only by a test that means to.</summary>
    public FakeTimeProvider Clock { get; } = new(DefaultNow);

    /// <summary>What the app serves through (the read-only role); a subclass may route it elsewhere (through a proxy, say).</summary>
    protected virtual string AppConnectionString => TestDatabase.ReaderConnectionString(DatabaseName);

    public virtual async Task InitializeAsync() => DatabaseName = await TestDatabase.CloneAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("JUDGEMENTS_DB", AppConnectionString);
        builder.UseSetting("JUDGEMENTS_OWNER_DB", TestDatabase.OwnerConnectionString(DatabaseName));
        builder.UseSetting("Judgements:DatabaseWaitSeconds", "300"); // a busy machine may be slow to connect
        // Every test client is one "client": the rate limits have their own tests (RateLimitTests).
        builder.UseSetting("Judgements:RateLimits:Enabled", "false");
        // The production 3 s would turn a slow query on a busy test machine into a 503;
        // FrozenDatabaseTests restores it.
        builder.UseSetting("Judgements:CommandTimeoutSeconds", "20");
        // Likewise the 3 s connect timeout: a container's PostgreSQL on a loaded machine took longer (a 503 in CI's
        // container tier). DatabaseOutageTests restore both.
        builder.UseSetting("Judgements:ConnectTimeoutSeconds", "30");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public NpgsqlConnection OpenDatabase()
    {
        var conn = new NpgsqlConnection(TestDatabase.ConnectionString(DatabaseName));
        conn.Open();
        return conn;
    }

    /// <summary>The newest publication (an inspection's or a focused visit's) in this database: what the statistics call dataAsOf.</summary>
    public async Task<string> NewestPublicationAsync()
    {
        await using var conn = OpenDatabase();
        return await conn.ExecuteScalarAsync<string>(
            "SELECT greatest((SELECT max(published) FROM inspections), (SELECT max(letter_date) FROM focused_visits))::text") ?? "";
    }

    public HttpClient CreateClient(string accept)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabase.DropAsync(DatabaseName);
    }
}

/// <summary>
/// The rate limits on, small, with a long window, so a test neither waits nor races the clock.
/// Every in-memory client is the same client to them (one address).
/// </summary>
public abstract class RateLimitedApiFactory(int uncached, int? exports = null) : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Judgements:RateLimits:Enabled", "true");
        builder.UseSetting("Judgements:RateLimits:Uncached", uncached.ToString());
        if (exports is not null) builder.UseSetting("Judgements:RateLimits:Exports", exports.ToString());
        builder.UseSetting("Judgements:RateLimits:WindowSeconds", "3600");
    }
}
