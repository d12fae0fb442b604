using Microsoft.AspNetCore.Mvc.Testing;

namespace JudgementsApi.Tests.Infrastructure;

/// <summary>The real app over HTTP (in memory), against its own clone of the seeded database.</summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string DatabaseName { get; private set; } = "";

    /// <summary>What the app serves through (the read-only role); a subclass may route it elsewhere (through a proxy, say).</summary>
    protected virtual string AppConnectionString => TestDatabase.ReaderConnectionString(DatabaseName);

    public virtual async Task InitializeAsync() => DatabaseName = await TestDatabase.CloneAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("JUDGEMENTS_DB", AppConnectionString);
        builder.UseSetting("JUDGEMENTS_OWNER_DB", TestDatabase.OwnerConnectionString(DatabaseName));
        builder.UseSetting("Judgements:DatabaseWaitSeconds", "5");
        // Every test client is one "client": the rate limits have their own tests (RateLimitTests).
        builder.UseSetting("Judgements:RateLimits:Enabled", "false");
        // The production 3 s would turn a slow query on a busy test machine into a 503;
        // FrozenDatabaseTests restores it.
        builder.UseSetting("Judgements:CommandTimeoutSeconds", "20");
    }

    public NpgsqlConnection OpenDatabase()
    {
        var conn = new NpgsqlConnection(TestDatabase.ConnectionString(DatabaseName));
        conn.Open();
        return conn;
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
