namespace JudgementsApi.Tests;

/// <summary>Its own app, whose clock (<see cref="ApiFactory.Clock"/>) the test moves.</summary>
public sealed class ClockFactory : ApiFactory;

/// <summary>Answers that depend on "today" must not be served from cache, or revalidated, after midnight.</summary>
public class DayBoundaryTests(ClockFactory api) : IClassFixture<ClockFactory>
{
    [Fact]
    public async Task TodaysFiguresChangeTheirETagAtMidnightWhileOtherResourcesKeepTheirs()
    {
        var client = api.CreateClient();
        var summary = await client.GetAsync("/v1/statistics/summary");
        var council = await client.GetAsync("/v1/councils/shropshire/inspections");
        var firstDay = (await client.GetJsonAsync("/v1/statistics/summary")).Str("asOf");

        api.Clock.Advance(TimeSpan.FromDays(1));

        var revalidate = new HttpRequestMessage(HttpMethod.Get, "/v1/statistics/summary");
        revalidate.Headers.IfNoneMatch.Add(summary.Headers.ETag!);
        var next = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.NotEqual(summary.Headers.ETag, next.Headers.ETag);
        var nextDay = (await client.GetJsonAsync("/v1/statistics/summary")).Str("asOf");
        Assert.Equal(DateOnly.Parse(firstDay).AddDays(1), DateOnly.Parse(nextDay));

        var sameCouncil = new HttpRequestMessage(HttpMethod.Get, "/v1/councils/shropshire/inspections");
        sameCouncil.Headers.IfNoneMatch.Add(council.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(sameCouncil)).StatusCode);
    }

    /// <summary>In 2027 the twelve months of priority-action visits no longer hold Slough's January 2026 letter.</summary>
    [Fact]
    public async Task TheTwelveMonthsOfPriorityActionVisitsEndTodayIn2027Too()
    {
        api.Clock.SetUtcNow(Max(api.Clock.GetUtcNow(), new DateTimeOffset(2027, 1, 13, 12, 0, 0, TimeSpan.Zero)));
        var today = England.Today(api.Clock);
        var block = (await api.CreateClient().GetJsonAsync("/v1/statistics/summary")).GetProperty("priorityActionVisits");
        Assert.Equal(today.AddMonths(-12).AddDays(1).ToString("yyyy-MM-dd"), block.Str("from"));
        Assert.Equal(today.ToString("yyyy-MM-dd"), block.Str("to"));
        var ids = block.GetProperty("visits").EnumerateArray().Select(v => v.Str("id")).ToList();
        Assert.DoesNotContain("slough-2026-01-12-fv", ids);
        Assert.All(block.GetProperty("visits").EnumerateArray(), v =>
            Assert.InRange(DateOnly.Parse(v.Str("letterDate")), today.AddMonths(-12).AddDays(1), today));

        static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    }
}
