namespace JudgementsApi.Tests;

/// <summary>
/// A load that fails for a reason other than an unreachable database (a table gone, a bad row) keeps
/// the last good snapshot: every read still answers from it, and /health/ready says so.
/// </summary>
public class FailedLoadTests(ApiFactory api) : ApiTests(api)
{
    [Fact]
    public async Task AFailedLoadKeepsThePreviousSnapshotAndReadinessSaysSo()
    {
        var before = await Client.GetJsonAsync("/v1/dataset");
        var frameworks = await Client.GetStringAsync("/v1/frameworks");

        // A new version the app cannot load: its table of frameworks is gone.
        await using (var conn = new NpgsqlConnection(TestDatabase.OwnerConnectionString(Api.DatabaseName)))
        {
            await conn.OpenAsync();
            await conn.ExecuteAsync("ALTER TABLE frameworks RENAME TO frameworks_gone; UPDATE dataset SET version = 'unloadable'");
        }

        var ready = await EventuallyDegradedAsync();
        Assert.Contains("last good snapshot", ready);
        Assert.Contains(before.Str("version"), ready);

        var after = await Client.GetJsonAsync("/v1/dataset");
        Assert.Equal(before.Str("version"), after.Str("version"));
        Assert.Equal(frameworks, await Client.GetStringAsync("/v1/frameworks"));
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/frameworks/ilacs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/about")).StatusCode);
    }

    /// <summary>Polls readiness until it reports the failed load (the poller runs every 2 s); no wall-clock deadline but a bound on attempts.</summary>
    private async Task<string> EventuallyDegradedAsync()
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            using var response = await Client.GetAsync("/health/ready");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (body.Contains("\"degraded\"")) return body;
            await Task.Delay(100);
        }
        Assert.Fail("/health/ready never reported the failed load");
        return "";
    }
}
