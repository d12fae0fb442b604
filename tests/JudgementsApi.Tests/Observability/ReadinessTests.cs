using System.Globalization;

namespace JudgementsApi.Tests.Observability;

public class ReadinessTests(ApiFactory api) : ApiTests(api)
{
    [Fact]
    public async Task ReadyReportsTheSnapshotsVersionImportDateAgeAndNewestPublication()
    {
        var dataset = await Client.GetJsonAsync("/v1/dataset");
        var imported = DateTimeOffset.Parse(dataset.Str("loadedAt"), CultureInfo.InvariantCulture);

        var data = await SnapshotCheckAsync();
        Assert.Equal(dataset.Str("version"), data.Str("snapshot"));
        Assert.Equal(imported.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), data.Str("imported"));
        Assert.Equal(await Api.NewestPublicationAsync(), data.Str("dataAsOf"));
        var age = (long)(Api.Clock.GetUtcNow() - imported).TotalSeconds;
        Assert.Equal(age, data.GetProperty("ageSeconds").GetInt64());

        // The age is the service's clock's: a day later, a day older.
        Api.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(age + 86_400, (await SnapshotCheckAsync()).GetProperty("ageSeconds").GetInt64());
    }

    private async Task<JsonElement> SnapshotCheckAsync() =>
        (await Client.GetJsonAsync("/health/ready")).GetProperty("checks").GetProperty("dataset").GetProperty("data");
}
