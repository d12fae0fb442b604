using System.Globalization;
using System.Xml.Linq;

namespace JudgementsApi.Tests.Integrations;

public class FeedTests(ApiFactory api) : ApiTests(api)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<XElement> Feed(string url)
    {
        var (_, body) = await Client.GetOkAsync(url, "application/atom+xml");
        var feed = XDocument.Parse(body).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        return feed;
    }

    private static DateTimeOffset Instant(XElement e) =>
        DateTimeOffset.ParseExact(e.Value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>RFC 4287's required elements for a feed and each entry.</summary>
    private static void AssertValidAtom(XElement feed)
    {
        foreach (var required in new[] { "id", "title", "updated" })
            Assert.Single(feed.Elements(Atom + required));
        Assert.NotEmpty(feed.Elements(Atom + "author"));
        Instant(feed.Element(Atom + "updated")!);
        Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        Assert.Equal("en-GB", (string?)feed.Attribute(XNamespace.Xml + "lang"));
        var alternates = feed.Elements(Atom + "entry")
            .Select(e => (string)e.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!).ToList();
        Assert.Equal(alternates.Count, alternates.Distinct().Count());
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            foreach (var required in new[] { "id", "title", "updated", "summary" })
                Assert.Single(entry.Elements(Atom + required));
            Assert.True(Uri.TryCreate(entry.Element(Atom + "id")!.Value, UriKind.Absolute, out _));
            Instant(entry.Element(Atom + "updated")!);
            Assert.Single(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate" && (string?)l.Attribute("type") == "text/html");
            Assert.All(entry.Elements(Atom + "link"), l => Assert.True(Uri.IsWellFormedUriString((string)l.Attribute("href")!, UriKind.Absolute)));
        }
    }

    [Fact]
    public async Task TheFeedHoldsTheFiftyNewestPublicationsNewestFirst()
    {
        var feed = await Feed("/v1/feed.atom");
        AssertValidAtom(feed);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(50, entries.Count);
        var dates = entries.Select(e => Instant(e.Element(Atom + "updated")!)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());

        // The newest publication in the dataset heads it, and both kinds are included.
        var newestInspection = (await Client.GetJsonAsync("/v1/inspections?limit=1")).GetProperty("data")[0].Str("published");
        var newestVisit = (await Client.GetJsonAsync("/v1/focused-visits?limit=1")).GetProperty("data")[0].Str("letterDate");
        Assert.Equal(new[] { newestInspection, newestVisit }.Max(StringComparer.Ordinal), dates[0].ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task EntryIdsAreStableAcrossRequestsAndHosts()
    {
        var first = (await Feed("/v1/feed.atom")).Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();
        var other = Api.CreateClient();
        other.DefaultRequestHeaders.Host = "ratings.example.org";
        var body = await other.GetStringAsync("/v1/feed.atom");
        var second = XDocument.Parse(body).Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();
        Assert.Equal(first, second);
        Assert.Contains("http://ratings.example.org/councils/", body);
    }

    [Fact]
    public async Task ACouncilsFeedReadsAsAPersonWouldSayIt()
    {
        var feed = await Feed("/v1/councils/shropshire/feed.atom");
        AssertValidAtom(feed);
        var entries = feed.Elements(Atom + "entry").ToList();
        var inspection = Assert.Single(entries, e => e.Element(Atom + "title")!.Value.Contains("12 August 2025"));
        Assert.Equal("Shropshire: outstanding (children's services inspection, 12 August 2025)", inspection.Element(Atom + "title")!.Value);
        Assert.Contains("Care leavers: good", inspection.Element(Atom + "summary")!.Value);
        var links = inspection.Elements(Atom + "link").ToList();
        Assert.Contains(links, l => ((string)l.Attribute("href")!).EndsWith("/councils/shropshire#shropshire-2025-08-12")
                                    && (string?)l.Attribute("rel") == "alternate");
        Assert.Contains(links, l => ((string)l.Attribute("href")!).EndsWith("/v1/inspections/shropshire-2025-08-12"));
        var report = (await Client.GetJsonAsync("/v1/inspections/shropshire-2025-08-12")).Str("reportUrl");
        Assert.Contains(links, l => (string?)l.Attribute("href") == report);

        // Every publication of the council is in it (fewer than 50), and only this council's.
        var council = await Client.GetJsonAsync("/v1/councils/shropshire");
        var counts = council.GetProperty("counts");
        Assert.Equal(counts.GetProperty("inspections").GetInt32() + counts.GetProperty("focusedVisits").GetInt32(), entries.Count);
        Assert.All(entries, e => Assert.StartsWith("Shropshire: ", e.Element(Atom + "title")!.Value));
    }

    [Fact]
    public async Task FocusedVisitEntriesGiveTheFocusAndPriorityActions()
    {
        var visit = (await Client.GetJsonAsync("/v1/focused-visits?priorityAction=true&limit=1")).GetProperty("data")[0];
        var feed = await Feed($"/v1/councils/{visit.GetProperty("council").Str("code")}/feed.atom");
        var entry = feed.Elements(Atom + "entry").Single(e =>
            e.Elements(Atom + "link").Any(l => ((string)l.Attribute("href")!).EndsWith($"/v1/focused-visits/{visit.Str("id")}")));
        Assert.Contains($"focused visit on {visit.Str("focus")}, areas for priority action", entry.Element(Atom + "title")!.Value);
        Assert.Contains("Ofsted named areas for priority action.", entry.Element(Atom + "summary")!.Value);
    }

    [Fact]
    public async Task The2026FrameworkIsTitledByItsFourJudgements()
    {
        var entry = (await Feed("/v1/councils/brent/feed.atom")).Elements(Atom + "entry").First();
        Assert.StartsWith("Brent: leadership ", entry.Element(Atom + "title")!.Value);
        Assert.Contains("care leavers", entry.Element(Atom + "title")!.Value);
        Assert.Contains("no overall effectiveness judgement", entry.Element(Atom + "summary")!.Value);
    }

    /// <summary>#23: no two entries tie on updated, the feed's updated is its newest entry's, and an entry keeps its time in every feed.</summary>
    [Fact]
    public async Task EveryEntryHasItsOwnUpdatedAndTheFeedsIsTheNewest()
    {
        var feed = await Feed("/v1/feed.atom");
        var entries = feed.Elements(Atom + "entry").ToList();
        var updated = entries.Select(e => Instant(e.Element(Atom + "updated")!)).ToList();
        Assert.Equal(updated.Count, updated.Distinct().Count());
        Assert.Equal(updated.Max(), Instant(feed.Element(Atom + "updated")!));
        // Still the publication's day: only the seconds after midnight tell a day's publications apart.
        Assert.All(entries, e => Assert.Equal(e.Element(Atom + "published")!.Value[..10], e.Element(Atom + "updated")!.Value[..10]));
        Assert.True(entries.GroupBy(e => e.Element(Atom + "published")!.Value).Any(g => g.Count() > 1), "no day with two publications to tell apart");

        var byId = entries.ToDictionary(e => e.Element(Atom + "id")!.Value, e => e.Element(Atom + "updated")!.Value);
        var council = (string)entries[0].Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!;
        var slug = new Uri(council).AbsolutePath.Split('/')[^1];
        foreach (var e in (await Feed($"/v1/councils/{slug}/feed.atom")).Elements(Atom + "entry"))
            if (byId.TryGetValue(e.Element(Atom + "id")!.Value, out var same))
                Assert.Equal(same, e.Element(Atom + "updated")!.Value);
    }

    /// <summary>#26: an inspection's entry lists what Ofsted said must improve, in its words, each with its theme.</summary>
    [Fact]
    public async Task AnInspectionsEntryListsItsImprovementPointsWithTheirThemes()
    {
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var entries = (await Feed("/v1/councils/shropshire/feed.atom")).Elements(Atom + "entry").ToList();
        var entry = entries.Single(e => e.Element(Atom + "id")!.Value.Length > 0
            && e.Elements(Atom + "link").Any(l => ((string?)l.Attribute("href"))?.EndsWith("/inspections/shropshire-2025-08-12") == true));
        var content = entry.Element(Atom + "content")!;
        Assert.Equal("xhtml", (string?)content.Attribute("type"));
        var items = content.Descendants(xhtml + "li").ToList();

        var points = (await Client.GetJsonAsync("/v1/inspections/shropshire-2025-08-12/improvements")).GetProperty("points").EnumerateArray().ToList();
        var themes = (await Client.GetJsonAsync("/v1/improvements/themes")).EnumerateArray().ToDictionary(t => t.Str("code"), t => t.Str("name"));
        Assert.NotEmpty(points);
        Assert.Equal(points.Select(p => $"{p.Str("text")} (theme: {themes[p.Str("theme")]})"), items.Select(i => i.Value));
        Assert.Contains("Open Government Licence", content.Value);

        // A report without a list has no content beyond its summary.
        var thurrock = (await Feed("/v1/councils/thurrock/feed.atom")).Elements(Atom + "entry")
            .Single(e => e.Elements(Atom + "link").Any(l => ((string?)l.Attribute("href"))?.EndsWith("/inspections/thurrock-2024-10-29") == true));
        Assert.Null(thurrock.Element(Atom + "content"));
    }

    [Fact]
    public async Task AnUnknownCouncilsFeedIsAProblemAndFeedsAreCached()
    {
        await Client.GetProblemAsync("/v1/councils/atlantis/feed.atom", HttpStatusCode.NotFound);
        var problem = await Client.GetProblemAsync("/v1/feed.atom?limit=5", HttpStatusCode.BadRequest);
        Assert.Equal(["limit"], problem.ErrorParameters());
        var response = await Client.GetAsync("/v1/feed.atom");
        var again = new HttpRequestMessage(HttpMethod.Get, "/v1/feed.atom");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(again)).StatusCode);
    }
}
