using System.Net;
using System.Text.RegularExpressions;

namespace JudgementsApi.SeedUpdater;

/// <summary>One document link on a council's Ofsted page.</summary>
public sealed record PublishedDocument(string OfstedUrn, string Url, string Title, string? Kind, DateOnly? Published);

/// <summary>The page's structure changed: the updater cannot tell what is on it, so it stops.</summary>
public sealed class LayoutChangedException(string message) : Exception(message);

/// <summary>
/// Reads a council's page on Ofsted's reports site (https://reports.ofsted.gov.uk/provider/44/{urn}).
/// Each published document is an &lt;a class="publication-link" href="…files…"&gt; holding a
/// &lt;span class="nonvisual"&gt; with the document's title and publication date
/// ("Children's services inspection - 09 May 2025, pdf"); the public ILACS scrapers select the
/// same elements.
/// </summary>
public static partial class ProviderPage
{
    public static List<PublishedDocument> Parse(string urn, Uri pageUrl, string html)
    {
        var docs = new List<PublishedDocument>();
        foreach (Match a in Anchor().Matches(html))
        {
            var attrs = a.Groups["attrs"].Value;
            var cls = ClassAttr().Match(attrs);
            if (!cls.Success || !cls.Groups["v"].Value.Split(' ').Contains("publication-link")) continue;
            var href = Href().Match(attrs);
            var title = NonVisual().Match(a.Groups["body"].Value);
            if (!href.Success || !title.Success)
                throw new LayoutChangedException($"{pageUrl}: a publication link without {(href.Success ? "a 'nonvisual' title" : "an href")}; Ofsted's page layout has changed and the updater needs updating");
            var t = WebUtility.HtmlDecode(Tags().Replace(title.Groups["t"].Value, "")).Trim();
            var url = new Uri(pageUrl, WebUtility.HtmlDecode(href.Groups["v"].Value)).ToString();
            docs.Add(new PublishedDocument(urn, url, DocumentKinds.CleanTitle(t), DocumentKinds.FromTitle(t), DocumentKinds.DateInTitle(t)));
        }
        // Every council's page lists at least its latest inspection; a page with none is not the page we know.
        if (docs.Count == 0)
            throw new LayoutChangedException($"{pageUrl}: no 'publication-link' document links found; Ofsted's page layout has changed (or the URN is wrong) and the updater needs updating");
        return docs;
    }

    [GeneratedRegex(@"<a\b(?<attrs>[^>]*)>(?<body>.*?)</a>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Anchor();
    [GeneratedRegex(@"\bclass\s*=\s*[""'](?<v>[^""']*)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex ClassAttr();
    [GeneratedRegex(@"\bhref\s*=\s*[""'](?<v>[^""']*)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex Href();
    [GeneratedRegex(@"<span\b[^>]*class\s*=\s*[""'][^""']*\bnonvisual\b[^""']*[""'][^>]*>(?<t>.*?)</span>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex NonVisual();
    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();
}
