using System.Xml.Linq;
using JudgementsApi.Features;

namespace JudgementsApi.Tests.Integrations;

public class BadgeTests(ApiFactory api) : ApiTests(api)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private async Task<XDocument> Badge(string url) =>
        XDocument.Parse((await Client.GetOkAsync(url, "image/svg+xml")).Body); // throws unless well-formed

    private static string Title(XDocument svg) => svg.Root!.Element(Svg + "title")!.Value;
    private static string Desc(XDocument svg) => svg.Root!.Element(Svg + "desc")!.Value;
    private static List<string> Texts(XDocument svg) => svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
    private static List<string> Fills(XDocument svg) => svg.Descendants(Svg + "rect").Select(r => (string)r.Attribute("fill")!).ToList();

    [Fact]
    public async Task EveryCouncilsBadgeIsWellFormedSelfContainedSvg()
    {
        var councils = await Client.GetDataAsync("/v1/councils?status=all&limit=500");
        Assert.Contains(councils, c => !c.GetProperty("current").GetBoolean());
        foreach (var council in councils)
        {
            var svg = await Badge($"/v1/councils/{council.Str("code")}/badge.svg");
            Assert.Equal(Svg + "svg", svg.Root!.Name);
            Assert.Equal("img", (string?)svg.Root.Attribute("role"));
            Assert.StartsWith(council.Str("name"), Title(svg));
            Assert.Contains(council.Str("name"), Texts(svg));
            Assert.Contains("Open Government Licence", Desc(svg));
            Assert.Contains(Texts(svg), t => t.Contains("Ofsted"));
            // Nothing fetched or run: no scripts, links, external images, fonts or stylesheets.
            Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "a" or "image" or "style" or "foreignObject");
            Assert.DoesNotContain(svg.Descendants().Attributes(), a => a.Name.LocalName == "href" || a.Value.Contains("url("));
        }
    }

    [Fact]
    public async Task ABadgeLeadsWithOverallEffectivenessInWordsAndThePalettesColour()
    {
        var svg = await Badge("/v1/councils/shropshire/badge.svg");
        Assert.Equal("Shropshire: Ofsted overall effectiveness outstanding", Title(svg));
        Assert.Contains("Care leavers: good", Desc(svg));
        Assert.Contains("published 12 August 2025", Desc(svg));
        var texts = Texts(svg);
        Assert.Equal("Overall effectiveness: Outstanding", texts[1]);
        Assert.Contains("Ofsted children's services inspection, published 12 August 2025", texts);
        Assert.Contains(GradePalette.For("outstanding").Fill, Fills(svg));
        Assert.Contains(GradePalette.For("good").Fill, Fills(svg));
    }

    [Fact]
    public async Task UnderThe2026FrameworkTheFourJudgementsAreAStripWithNoOverallGrade()
    {
        var brent = await Client.GetJsonAsync("/v1/councils/brent");
        Assert.Equal("ilacs-2026", brent.GetProperty("latest").Str("frameworkVersion"));
        var svg = await Badge("/v1/councils/brent/badge.svg");
        var texts = Texts(svg);
        Assert.DoesNotContain(texts, t => t.StartsWith("Overall effectiveness"));
        foreach (var area in new[] { "Leadership", "Help and protection", "Children in care", "Care leavers" }) Assert.Contains(area, texts);
        Assert.StartsWith("Brent: Ofsted judgements leadership ", Title(svg));
        Assert.Contains("no overall effectiveness judgement", Desc(svg));
        Assert.DoesNotContain("not graded", Title(svg));
    }

    [Fact]
    public async Task AFormerCouncilsBadgeNamesTheCouncilsThatReplacedIt()
    {
        var svg = await Badge("/v1/councils/cumbria/badge.svg");
        Assert.Contains("Former council: replaced by Cumberland and Westmorland and Furness on 1 April 2023", Texts(svg));
        Assert.Contains("former council", Title(svg));

        var bedfordshire = await Badge("/v1/councils/bedfordshire/badge.svg");
        Assert.Contains("Former council: replaced by Bedford and Central Bedfordshire on 1 April 2009", Texts(bedfordshire));
        Assert.Contains("No inspection in this dataset", Texts(bedfordshire));
    }

    [Fact]
    public async Task SizeScalesTheBadgeAndAnUnknownSizeIsAProblem()
    {
        var medium = (await Badge("/v1/councils/shropshire/badge.svg")).Root!;
        var large = (await Badge("/v1/councils/shropshire/badge.svg?size=large")).Root!;
        var small = (await Badge("/v1/councils/shropshire/badge.svg?size=small")).Root!;
        double W(XElement e) => double.Parse((string)e.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(W(medium) * 1.5, W(large), 0);
        Assert.Equal(W(medium) * 0.75, W(small), 0);
        Assert.Equal((string?)medium.Attribute("viewBox"), (string?)large.Attribute("viewBox"));

        var problem = await Client.GetProblemAsync("/v1/councils/shropshire/badge.svg?size=huge", HttpStatusCode.BadRequest);
        Assert.Equal(["size"], problem.ErrorParameters());
        await Client.GetProblemAsync("/v1/councils/atlantis/badge.svg", HttpStatusCode.NotFound);
        // A council's name works as for every /v1/councils/{id} resource: a redirect to its slug.
        var byName = await Api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync("/v1/councils/Telford%20and%20Wrekin/badge.svg?size=large");
        Assert.Equal(HttpStatusCode.Found, byName.StatusCode);
        Assert.Equal("/v1/councils/telford-and-wrekin/badge.svg?size=large", byName.Headers.Location?.OriginalString);
    }

    /// <summary>The README shows these files; they must be what the service draws.</summary>
    [Theory]
    [InlineData("shropshire")]
    [InlineData("brent")]
    public async Task TheReadmesBadgePicturesAreTheServedBadges(string slug)
    {
        var served = await Client.GetStringAsync($"/v1/councils/{slug}/badge.svg");
        var path = Path.Combine(TestDatabase.RepoRoot, "docs", $"badge-{slug}.svg");
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1") await File.WriteAllTextAsync(path, served);
        Assert.True(File.Exists(path) && await File.ReadAllTextAsync(path) == served,
            $"{path} differs from the served badge. Regenerate: UPDATE_DOCS=1 ./test.sh --filter FullyQualifiedName~TheReadmesBadgePictures");
    }

    [Fact]
    public async Task BadgesAreCachedOnTheDatasetVersionLikeTheApi()
    {
        var first = await Client.GetAsync("/v1/councils/shropshire/badge.svg");
        Assert.Equal("public, max-age=300", first.Headers.CacheControl?.ToString());
        var etag = first.Headers.ETag!;
        var again = new HttpRequestMessage(HttpMethod.Get, "/v1/councils/shropshire/badge.svg");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(again)).StatusCode);

        // What browsers send for an <img>.
        var img = new HttpRequestMessage(HttpMethod.Get, "/v1/councils/shropshire/badge.svg");
        img.Headers.Accept.ParseAdd("image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8");
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(img)).StatusCode);
        var json = new HttpRequestMessage(HttpMethod.Get, "/v1/councils/shropshire/badge.svg");
        json.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Assert.Equal(HttpStatusCode.NotAcceptable, (await Client.SendAsync(json)).StatusCode);
    }
}

/// <summary>A council with no full inspection yet (its own database, edited before the app starts).</summary>
public class NeverInspectedCouncilTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var conn = api.OpenDatabase();
        await using var cmd = new Npgsql.NpgsqlCommand(
            "DELETE FROM council_latest_inspection WHERE council_code = (SELECT code FROM councils WHERE slug = 'westmorland-and-furness')", conn);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task BadgeAndEmbedSayTheCouncilHasNotBeenInspectedYet()
    {
        var client = api.CreateClient();
        var svg = XDocument.Parse(await client.GetStringAsync("/v1/councils/westmorland-and-furness/badge.svg"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("Westmorland and Furness: not inspected by Ofsted yet", svg.Root!.Element(ns + "title")!.Value);
        Assert.Contains("Not inspected yet", svg.Descendants(ns + "text").Select(t => t.Value));
        Assert.Contains(GradePalette.None.Fill, svg.Descendants(ns + "rect").Select(r => (string)r.Attribute("fill")!));

        var html = await client.GetStringAsync("/embed/councils/westmorland-and-furness");
        Assert.Contains("Not inspected yet", html);
        Assert.DoesNotContain("Read the report", html);
    }
}
