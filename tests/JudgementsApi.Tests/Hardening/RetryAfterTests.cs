using System.Diagnostics;

namespace JudgementsApi.Tests.Hardening;

public sealed class RetryAfterFactory() : RateLimitedApiFactory(uncached: 2);

/// <summary>A refusal says when the client's window really resets, not a whole window from now.</summary>
public class RetryAfterTests(RetryAfterFactory api) : ApiTests<RetryAfterFactory>(api)
{
    [Fact]
    public async Task RetryAfterCountsDownTheWindowThatOpenedWithTheFirstRequest()
    {
        // The client's window (3,600 s in the tests) opens with its first uncached request, at the latest
        // when that answer arrives; two seconds later at least two of the window's seconds are spent.
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/councils/shropshire")).StatusCode);
        var opened = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/v1/councils/telford-and-wrekin")).StatusCode);
        while (opened.Elapsed < TimeSpan.FromSeconds(2)) await Task.Delay(100);

        var limited = await Client.GetAsync("/v1/councils/herefordshire");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 3598);
        Assert.Equal(retryAfter.ToString(), limited.Headers.GetValues("RateLimit-Reset").Single());
        Assert.Contains($"retry after {retryAfter} s", await limited.Content.ReadAsStringAsync());
    }
}
