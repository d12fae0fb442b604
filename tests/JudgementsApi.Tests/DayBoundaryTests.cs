using Microsoft.AspNetCore.TestHost;

namespace JudgementsApi.Tests;

/// <summary>A clock the test moves: the app's TimeProvider.</summary>
public sealed class MovableClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
    public override DateTimeOffset GetUtcNow() => Now;
}

public sealed class ClockFactory : ApiFactory
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Answers that depend on "today" must not be served from cache, or revalidated, after midnight.</summary>
public class DayBoundaryTests(ClockFactory api) : IClassFixture<ClockFactory>
{
    [Fact]
    public async Task TodaysFiguresChangeTheirETagAtMidnightWhileOtherResourcesKeepTheirs()
    {
        var client = api.CreateClient();
        var summary = await client.GetAsync("/v1/statistics/summary");
        var council = await client.GetAsync("/v1/councils/shropshire");
        var firstDay = (await client.GetJsonAsync("/v1/statistics/summary")).Str("asOf");

        api.Clock.Now = api.Clock.Now.AddDays(1);

        var revalidate = new HttpRequestMessage(HttpMethod.Get, "/v1/statistics/summary");
        revalidate.Headers.IfNoneMatch.Add(summary.Headers.ETag!);
        var next = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.NotEqual(summary.Headers.ETag, next.Headers.ETag);
        var nextDay = (await client.GetJsonAsync("/v1/statistics/summary")).Str("asOf");
        Assert.Equal(DateOnly.Parse(firstDay).AddDays(1), DateOnly.Parse(nextDay));

        var sameCouncil = new HttpRequestMessage(HttpMethod.Get, "/v1/councils/shropshire");
        sameCouncil.Headers.IfNoneMatch.Add(council.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(sameCouncil)).StatusCode);
    }
}
