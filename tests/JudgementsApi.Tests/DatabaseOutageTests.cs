using System.Net;
using JudgementsApi.Tests.Infrastructure;
using Npgsql;

namespace JudgementsApi.Tests;

/// <summary>The app reaches its database through a proxy the test can cut, like a database going down.</summary>
public sealed class OutageFactory : ApiFactory
{
    public TcpProxy Proxy { get; private set; } = null!;

    protected override string AppConnectionString =>
        new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString(DatabaseName)) { Host = "127.0.0.1", Port = Proxy.Port }.ConnectionString;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var target = new NpgsqlConnectionStringBuilder(TestDatabase.AdminConnectionString);
        Proxy = new TcpProxy(target.Host!, target.Port);
        Proxy.Start();
    }
}

public class DatabaseOutageTests(OutageFactory api) : IClassFixture<OutageFactory>
{
    [Fact]
    public async Task ReadinessAndResourcesAnswer503WhileTheDatabaseIsDownAndRecoverByThemselves()
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/frameworks")).StatusCode);

        api.Proxy.Stop();
        await Eventually(client, "/health/ready", HttpStatusCode.ServiceUnavailable);
        var ready = await client.GetProblemAsync("/health/ready", HttpStatusCode.ServiceUnavailable);
        Assert.Equal("/problems/service-unavailable", ready.Str("type"));
        await Eventually(client, "/v1/frameworks", HttpStatusCode.ServiceUnavailable);
        var problem = await client.GetProblemAsync("/v1/frameworks", HttpStatusCode.ServiceUnavailable);
        Assert.Equal("/problems/service-unavailable", problem.Str("type"));

        api.Proxy.Start();
        await Eventually(client, "/health/ready", HttpStatusCode.OK);
        await Eventually(client, "/v1/frameworks", HttpStatusCode.OK);
    }

    /// <summary>Polls until the status arrives (within 15 s); any 500 on the way fails at once.</summary>
    private static async Task Eventually(HttpClient client, string url, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpStatusCode last;
        do
        {
            last = (await client.GetAsync(url)).StatusCode;
            Assert.NotEqual(HttpStatusCode.InternalServerError, last);
            if (last == expected) return;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        Assert.Fail($"{url} still answered {(int)last}, not {(int)expected}, after 15 s");
    }
}
