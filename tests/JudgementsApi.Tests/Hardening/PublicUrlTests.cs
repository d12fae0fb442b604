namespace JudgementsApi.Tests.Hardening;

/// <summary>Absolute links come from Judgements:PublicBaseUrl when it is set; the Host header cannot poison a shared cache.</summary>
public class RequestHostLinkTests(ApiFactory api) : ApiTests(api)
{
    [Fact]
    public async Task WithoutAConfiguredAddressEachHostGetsItsOwnBodyAndETag()
    {
        var (ours, ourTag) = await FeedAsync(Client, "judgements.example");
        var (theirs, theirTag) = await FeedAsync(Client, "attacker.example");
        Assert.Contains("http://judgements.example/", ours);
        Assert.Contains("http://attacker.example/", theirs);
        Assert.NotEqual(ourTag, theirTag); // distinct bodies never share a strong ETag
        var (again, againTag) = await FeedAsync(Client, "judgements.example");
        Assert.DoesNotContain("attacker.example", again);
        Assert.Equal(ourTag, againTag);
    }

    internal static async Task<(string Body, string ETag)> FeedAsync(HttpClient client, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/feed.atom");
        request.Headers.Host = host;
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response.Headers.ETag!.Tag);
    }
}

public sealed class ConfiguredAddressFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Judgements:PublicBaseUrl", "https://judgements.example/");
    }
}

public class ConfiguredAddressTests(ConfiguredAddressFactory api) : ApiTests<ConfiguredAddressFactory>(api)
{
    [Fact]
    public async Task TheConfiguredAddressIsInEveryLinkWhateverHostIsSent()
    {
        var (ours, ourTag) = await RequestHostLinkTests.FeedAsync(Client, "localhost");
        var (theirs, theirTag) = await RequestHostLinkTests.FeedAsync(Client, "attacker.example");
        Assert.Contains("https://judgements.example/councils/", ours);
        Assert.DoesNotContain("attacker.example", theirs);
        Assert.Equal(ours, theirs);
        Assert.Equal(ourTag, theirTag);
    }
}
