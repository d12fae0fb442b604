using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using JudgementsApi.Features.Badges;
using JudgementsApi.Features.Councils;
using JudgementsApi.Features.Dataset;
using JudgementsApi.Features.FocusedVisits;
using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.Feeds;

/// <summary>RFC 4287 Atom feeds of the newest publications: inspections and focused-visit letters.</summary>
public static class FeedsEndpoints
{
    public const string MediaType = "application/atom+xml";
    public const int Entries = 50;
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static RouteGroupBuilder MapFeeds(this RouteGroupBuilder v1)
    {
        v1.MapGet("/feed.atom", (Delegate)All).WithTags("Integrations")
            .WithMediaType(MediaType, "application/xml", "text/xml")
            .WithName("GetFeed")
            .WithSummary("Newest publications (Atom)")
            .WithDescription($"An Atom feed (RFC 4287) of the {Entries} newest publications, inspections and focused visits together, newest first. Each entry has a stable id, the grades (or the visit's focus and whether it named areas for priority action) in words, and links to the council's page (alternate), the API resource and Ofsted's report (related).");

        v1.MapGet("/councils/{id}/feed.atom", ForCouncil).WithTags("Integrations")
            .WithMediaType(MediaType, "application/xml", "text/xml").ForCouncilPath()
            .WithName("GetCouncilFeed")
            .WithSummary("A council's newest publications (Atom)")
            .WithDescription($"The same feed for one council: its {Entries} newest inspections and focused visits.");
        return v1;
    }

    private sealed record Entry(DateOnly Date, string Kind, string Id, CouncilRef Council, string Title, string Summary, string? ReportUrl);

    private static async Task<Results<BodyResult, ProblemHttpResult>> All(HttpContext http)
    {
        var snapshot = await http.SnapshotAsync();
        var entries = Newest(snapshot, null);
        var b = Base(http);
        return Feed(http, LoadedAt(snapshot), "urn:uuid:" + StableId("feed"), "Ofsted judgements on councils' children's services: newest publications",
            $"{b}/", entries);
    }

    private static async Task<Results<BodyResult, ProblemHttpResult>> ForCouncil(string id, HttpContext http)
    {
        var snapshot = await http.SnapshotAsync();
        var council = snapshot.FindCouncil(id)?.Ref;
        if (council is null) return Problems.NotFoundFor("council", id);
        var entries = Newest(snapshot, council.Code);
        return Feed(http, LoadedAt(snapshot), "urn:uuid:" + StableId("feed/councils/" + council.Code),
            $"{council.Name}: Ofsted inspections and focused visits", $"{Base(http)}/councils/{council.Slug}", entries);
    }

    private static DateTimeOffset LoadedAt(DatasetSnapshot snapshot) => snapshot.LoadedAt ?? DateTimeOffset.UnixEpoch;

    /// <summary>The newest inspections and focused visits, of one council or all.</summary>
    private static List<Entry> Newest(DatasetSnapshot snapshot, string? councilCode)
    {
        var newest = new Paging(Entries, 0);
        var filter = new InspectionFilter(councilCode is null ? null : [councilCode], null, null, null, null, null, null, null, InspectionReader.Newest);
        var (inspections, _) = InspectionReader.List(snapshot, filter, newest);
        var (visits, _) = FocusedVisitReader.Query(snapshot,
            councilCode is null ? new FocusedVisitFilter() : new FocusedVisitFilter { CouncilCodes = [councilCode] }, newest);
        return inspections.Select(FromInspection).Concat(visits.Select(FromVisit))
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id, StringComparer.Ordinal).Take(Entries).ToList();
    }

    private static Entry FromInspection(InspectionSummary i)
    {
        var grades = AreaGrade.All(i).ToList();
        var headline = grades.FirstOrDefault(g => g.Family == AreaNames.Overall) is { } overall
            ? overall.Grade is null ? $"overall effectiveness {overall.Words}" : overall.Words
            : grades.Count == 0 ? "no grades recorded"
            : string.Join(", ", grades.Select(g => $"{AreaNames.Badge(g.Family).ToLowerInvariant()} {g.Words}"));
        var title = $"{i.Council.Name}: {headline} ({InspectionTypes.Phrase(i.Type)}, {Wording.Published(i)})";
        var summary = string.Join("; ", grades.Select(g => $"{AreaNames.Badge(g.Family)}: {g.Words}")) + "."
            + (i.Grades.ContainsKey(AreaNames.Overall) || i.Grades.Count == 0 ? "" : " This framework makes no overall effectiveness judgement.")
            + (i.LeadInspector is null ? "" : $" Lead inspector: {i.LeadInspector}.");
        return new Entry(i.Published, "inspections", i.Id, i.Council, title, summary, i.ReportUrl);
    }

    private static Entry FromVisit(FocusedVisit v)
    {
        var priority = v.PriorityAction ? "Ofsted named areas for priority action." : "No areas for priority action were named.";
        var title = $"{v.Council.Name}: focused visit on {v.Focus}{(v.PriorityAction ? ", areas for priority action" : "")} (letter, {Wording.Date(v.LetterDate)})";
        var when = v.VisitStart is { } s ? $" on {Wording.Date(s)}{(v.VisitEnd is { } e && e != s ? $" to {Wording.Date(e)}" : "")}" : "";
        return new Entry(v.LetterDate, "focused-visits", v.Id, v.Council, title, $"Ofsted's focused visit{when} looked at {v.Focus}. {priority}", v.ReportUrl);
    }

    private static string Base(HttpContext http) => http.RequestServices.GetRequiredService<PublicUrls>().Base(http);

    private static BodyResult Feed(HttpContext http, DateTimeOffset updated, string id, string title, string alternate, List<Entry> entries)
    {
        var b = Base(http);
        static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd") + "T00:00:00Z";
        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", "en-GB"),
            new XElement(Atom + "id", id),
            new XElement(Atom + "title", title),
            new XElement(Atom + "subtitle", "Inspections and focused visits of English councils' children's services, from Ofsted's reports."),
            new XElement(Atom + "updated", Instant(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", "JudgementsApi, from Ofsted's reports")),
            new XElement(Atom + "rights", DatasetEndpoints.Attribution),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", MediaType),
                new XAttribute("href", b + http.Request.Path + http.Request.QueryString)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", alternate)),
            entries.Select(e => new XElement(Atom + "entry",
                new XElement(Atom + "id", "urn:uuid:" + StableId($"{e.Kind}/{e.Id}")),
                new XElement(Atom + "title", e.Title),
                new XElement(Atom + "updated", Day(e.Date)),
                new XElement(Atom + "published", Day(e.Date)),
                new XElement(Atom + "summary", e.Summary),
                // Each entry its own link (readers that key entries on links keep them apart): the council's
                // page at this publication.
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"),
                    new XAttribute("href", $"{b}/councils/{e.Council.Slug}#{e.Id}"),
                    new XAttribute("title", $"{e.Council.Name} on JudgementsApi")),
                new XElement(Atom + "link", new XAttribute("rel", "related"), new XAttribute("type", "application/json"),
                    new XAttribute("href", b + ApiVersions.Link(http.Request, $"/{e.Kind}/{e.Id}")), new XAttribute("title", "API resource")),
                e.ReportUrl is null ? null : new XElement(Atom + "link", new XAttribute("rel", "related"),
                    new XAttribute("href", e.ReportUrl), new XAttribute("title", "Ofsted report")),
                new XElement(Atom + "category", new XAttribute("term", e.Kind == "inspections" ? "inspection" : "focused-visit")))));

        var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Save(writer);
        return new BodyResult($"{MediaType}; charset=utf-8", buffer.ToArray());
    }

    /// <summary>
    /// A name-based UUID (RFC 9562 version 5 layout over SHA-1) of a resource's path: the same
    /// publication keeps the same entry id on every host and in every version of the dataset.
    /// </summary>
    internal static string StableId(string name)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes("judgements-api:" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash, 0, 16);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}
