using Microsoft.AspNetCore.Mvc.Testing;

namespace JudgementsApi.Tests.ReadApi;

/// <summary>Councils by the names people use, in the path and in the council filters.</summary>
public class CouncilNamesTests(ApiFactory api) : ApiTests(api)
{
    private readonly HttpClient _noRedirects = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [MemberData(nameof(CouncilNameExamples.NamesPeopleUse), MemberType = typeof(CouncilNameExamples))]
    public async Task ANameRedirectsToTheCouncilsCanonicalUrl(string name, string slug)
    {
        var response = await _noRedirects.GetAsync($"/v1/councils/{Uri.EscapeDataString(name)}");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal($"/v1/councils/{slug}", response.Headers.Location?.OriginalString);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.Contains("ETag"));

        var council = await Client.GetJsonAsync($"/v1/councils/{Uri.EscapeDataString(name)}"); // followed
        Assert.Equal(slug, council.Str("slug"));
    }

    [Fact]
    public async Task SubResourcesAndTheQueryStringAreKept()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/councils/Telford%20and%20Wrekin/inspections?limit=2&format=csv");
        request.Headers.Add("Origin", "https://newsroom.example");
        var response = await _noRedirects.SendAsync(request);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/v1/councils/telford-and-wrekin/inspections?limit=2&format=csv", response.Headers.Location?.OriginalString);
        // A browser's fetch follows a cross-origin redirect only if it carries the CORS header.
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());

        Assert.Equal("/v1/councils/kingston-upon-hull/neighbours",
            (await _noRedirects.GetAsync("/v1/councils/hull/neighbours")).Headers.Location?.OriginalString);
        Assert.Equal("/v1/councils/bournemouth-christchurch-and-poole/focused-visits",
            (await _noRedirects.GetAsync("/v1/councils/BCP/focused-visits")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task IdentifiersAnswerDirectlyWithoutARedirect()
    {
        foreach (var id in new[] { "E06000020", "894", "80570", "telford-and-wrekin" })
            Assert.Equal("E06000020", (await _noRedirects.GetJsonAsync($"/v1/councils/{id}")).Str("code"));
    }

    [Theory]
    [InlineData("/v1/councils/80533", HttpStatusCode.OK, null)] // Nottingham's Ofsted URN
    [InlineData("/v1/councils/Brighton", HttpStatusCode.Found, "/v1/councils/brighton-and-hove")]
    [InlineData("/v1/councils/Telford/badge.svg?size=small", HttpStatusCode.Found, "/v1/councils/telford-and-wrekin/badge.svg?size=small")]
    [InlineData("/v1/councils/Brighton/feed.atom", HttpStatusCode.Found, "/v1/councils/brighton-and-hove/feed.atom")]
    [InlineData("/embed/councils/80552", HttpStatusCode.OK, null)]
    [InlineData("/embed/councils/Telford%20and%20Wrekin", HttpStatusCode.Found, "/embed/councils/telford-and-wrekin")]
    [InlineData("/councils/E06000051", HttpStatusCode.MovedPermanently, "/councils/shropshire")]
    [InlineData("/councils/80533", HttpStatusCode.MovedPermanently, "/councils/nottingham")]
    [InlineData("/councils/Brighton", HttpStatusCode.MovedPermanently, "/councils/brighton-and-hove")]
    public async Task EveryRouteThatTakesACouncilResolvesTheSameForms(string path, HttpStatusCode status, string? location)
    {
        var response = await _noRedirects.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheEmbedSuggestsEmbedUrlsForANearMiss()
    {
        var problem = await Client.GetProblemAsync("/embed/councils/Shrophire", HttpStatusCode.NotFound);
        var first = problem.GetProperty("suggestions")[0];
        Assert.Equal("Shropshire", first.Str("name"));
        Assert.Equal("/embed/councils/shropshire", first.Str("href"));
    }

    [Theory]
    [InlineData("Telfrod and Wrekin", "Telford and Wrekin")]
    [InlineData("telfor", "Telford and Wrekin")]
    [InlineData("Kingston", "Kingston upon Hull, City of")]
    [InlineData("Northumbria", "Northumberland")]
    [InlineData("Kingstn upon Thames", "Kingston upon Thames")]
    public async Task AnUnknownNameIs404SuggestingTheClosestCouncils(string name, string closest)
    {
        var problem = await Client.GetProblemAsync($"/v1/councils/{Uri.EscapeDataString(name)}", HttpStatusCode.NotFound);
        Assert.Equal("/problems/not-found", problem.Str("type"));
        var suggestions = problem.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.InRange(suggestions.Count, 1, 5);
        Assert.Equal(closest, suggestions[0].Str("name"));
        Assert.Equal($"/v1/councils/{suggestions[0].Str("slug")}", suggestions[0].Str("href"));
        Assert.Contains(closest, problem.Str("detail"));
        // Sub-resources say the same.
        var sub = await Client.GetProblemAsync($"/v1/councils/{Uri.EscapeDataString(name)}/inspections", HttpStatusCode.NotFound);
        Assert.Equal(closest, sub.GetProperty("suggestions")[0].Str("name"));
    }

    [Fact]
    public async Task InspectionsTakeACommaSeparatedListOfCouncils()
    {
        var one = await Client.GetDataAsync("/v1/inspections?council=bromley&limit=500");
        var other = await Client.GetDataAsync("/v1/inspections?council=E06000010&limit=500");
        var both = await Client.GetDataAsync("/v1/inspections?council=bromley,hull&limit=500&sort=published");
        Assert.NotEmpty(one);
        Assert.NotEmpty(other);
        Assert.Equal(one.Select(i => i.Str("id")).Concat(other.Select(i => i.Str("id"))).Order(), both.Select(i => i.Str("id")).Order());
        Assert.Equal(both.Select(i => i.Str("published")).Order(StringComparer.Ordinal), both.Select(i => i.Str("published")));

        var csv = await Client.GetStringAsync("/v1/inspections?council=bromley,E06000010&format=csv");
        Assert.Equal(1 + both.Count, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task FocusedVisitsTakeACommaSeparatedListOfCouncils()
    {
        var one = await Client.GetDataAsync("/v1/focused-visits?council=shropshire&limit=500");
        var other = await Client.GetDataAsync("/v1/focused-visits?council=893,telford-and-wrekin&limit=500");
        Assert.NotEmpty(one);
        Assert.True(other.Count > one.Count);
        Assert.Equal(["E06000020", "E06000051"], other.Select(v => v.GetProperty("council").Str("code")).Distinct().Order());
    }

    [Fact]
    public async Task BadEntriesAreEachNamedWithSuggestions()
    {
        var problem = await Client.GetProblemAsync("/v1/inspections?council=bromley,telfrod,atlantis", HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => e.Str("message")).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, m => m.Contains("'telfrod'") && m.Contains("Telford and Wrekin (telford-and-wrekin)"));
        Assert.Contains(errors, m => m.Contains("'atlantis'"));
        Assert.All(problem.ErrorParameters(), p => Assert.Equal("council", p));

        var empty = await Client.GetProblemAsync("/v1/inspections?council=,,", HttpStatusCode.BadRequest);
        Assert.Equal(["council"], empty.ErrorParameters());

        var tooMany = string.Join(',', Enumerable.Repeat("bromley", 201));
        var bound = await Client.GetProblemAsync($"/v1/focused-visits?council={tooMany}", HttpStatusCode.BadRequest);
        Assert.Contains("At most 200", bound.GetProperty("errors")[0].Str("message"));
    }

    [Fact]
    public async Task CodesOnTheCouncilListAcceptNamesToo()
    {
        var page = await Client.GetDataAsync("/v1/councils?codes=hull,bcp,E06000051");
        Assert.Equal(["Bournemouth, Christchurch and Poole", "Kingston upon Hull, City of", "Shropshire"], page.Select(c => c.Str("name")));
    }
}
