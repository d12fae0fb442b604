using System.Net;
using JudgementsApi.Features.Badges;
using JudgementsApi.Features.Dataset;

namespace JudgementsApi.Features.Embed;

/// <summary>
/// /embed/councils/{id}: a small page made for an &lt;iframe&gt; on anyone's site. It may be framed
/// by any origin (CSP frame-ancestors *, no X-Frame-Options), sets no cookies, runs no script and
/// loads nothing but its own stylesheet.
/// </summary>
public static class EmbedEndpoints
{
    public const string Path = "/embed";

    public static void MapEmbed(this IEndpointRouteBuilder routes)
    {
        // Its CSP (frame-ancestors *, no script), nosniff and Referrer-Policy come from ResponseHeaders, as for every page.
        var embed = routes.MapGroup(Path).WithTags("Integrations").CacheOutput(Caching.PolicyName);

        embed.MapGet("/councils/{id}", Page).ForCouncilPath()
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .WithName("GetCouncilEmbed")
            .WithSummary("A council's ratings as a page for an iframe")
            .WithDescription("The badge's facts as a small HTML page for an <iframe> on any site: the latest full inspection's judgements, links to the report and to the council's page, and the Open Government Licence attribution. Framable by any origin; no cookies, no scripts, no tracking.");

        embed.MapGet("/embed.css", () => new BodyResult("text/css; charset=utf-8", Stylesheet))
            .Produces<string>(StatusCodes.Status200OK, "text/css")
            .ProducesProblem(StatusCodes.Status405MethodNotAllowed)
            .WithName("GetEmbedStylesheet")
            .WithSummary("The embed page's stylesheet")
            .WithDescription("Grade colours from the service's one palette; the embed pages link it (no inline styles, so their CSP needs no exceptions).");
    }

    private static async Task<Results<BodyResult, ProblemHttpResult>> Page(string id, HttpContext http)
    {
        var h = CouncilHeadline.Load(await http.SnapshotAsync(), id);
        if (h is null) return Problems.NotFoundFor("council", id);
        return new BodyResult("text/html; charset=utf-8", Render(h));
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    internal static string Render(CouncilHeadline h)
    {
        var c = h.Council;
        var html = new StringBuilder();
        // Links leave the frame: the host page stays where it is.
        const string Out = "target=\"_blank\" rel=\"noopener noreferrer\"";
        html.Append($"""<h1 class="name"><a href="/councils/{E(c.Slug)}" {Out}>{E(c.Name)}</a></h1>""").Append('\n');

        if (!c.Current)
        {
            var successors = h.Successors.Select(s => $"""<a href="/councils/{E(s.Slug)}" {Out}>{E(s.Name)}</a>""");
            html.Append(h.Successors.Count > 0
                ? $"""<p class="former">Former council: replaced by {Wording.List(successors)} on {E(Wording.Date(h.Successors[0].Date))}.</p>"""
                : $"""<p class="former">Former council{(c.Closed is { } closed ? $", closed {E(Wording.Date(closed))}" : "")}.</p>""").Append('\n');
        }

        var latest = h.Latest;
        if (latest is null)
        {
            html.Append($"""<p class="lead grade-none">{(c.Current ? "Not inspected yet" : "No inspection in this dataset")}</p>""").Append('\n');
        }
        else
        {
            var hasOverall = h.Overall is not null;
            if (h.Overall is { } overall)
                html.Append($"""<p class="lead {overall.CssClass}">Overall effectiveness: <strong>{E(overall.Label)}</strong></p>""").Append('\n');
            if (h.OtherGrades.Count > 0)
            {
                html.Append("""<ul class="strip">""").Append('\n');
                foreach (var g in h.OtherGrades)
                    html.Append($"""<li class="{g.CssClass}"><span class="area">{E(AreaNames.Badge(g.Family))}</span> <strong>{E(g.Label)}</strong></li>""").Append('\n');
                html.Append("</ul>\n");
            }
            if (!hasOverall) html.Append("""<p class="note">This framework makes no overall effectiveness judgement.</p>""").Append('\n');
            var report = latest.ReportUrl is null ? "" : $""" <a href="{E(latest.ReportUrl)}" {Out}>Read the report</a>.""";
            html.Append($"""<p class="meta">Ofsted {E(InspectionTypes.Phrase(latest.Type))}, published {E(Wording.Published(latest))}.{report}</p>""").Append('\n');
        }
        html.Append($"""<p class="licence">Source: Ofsted. <a href="/councils/{E(c.Slug)}" {Out}>All inspections of {E(c.Name)}</a>. Contains public sector information licensed under the <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" {Out}>Open Government Licence v3.0</a>.</p>""");

        return $"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{E(Badge.Title(h))}</title>
            <link rel="stylesheet" href="{Path}/embed.css">
            </head>
            <body>
            <main class="ofsted-embed">
            {html}
            </main>
            </body>
            </html>
            """;
    }

    /// <summary>Built once from <see cref="GradePalette"/>: the same colours as the badge and the pages.</summary>
    private static readonly string Stylesheet = BuildStylesheet();

    private static string BuildStylesheet()
    {
        var css = new StringBuilder("""
            body { margin: 0; font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; background: #ffffff; font-size: 14px; }
            .ofsted-embed { padding: 8px 10px; border: 1px solid #b1b4b6; border-radius: 4px; }
            .name { font-size: 17px; margin: 0 0 6px; }
            a { color: #1d70b8; }
            .name a { color: #0b0c0c; }
            .lead { margin: 0 0 2px; padding: 6px 8px; border-radius: 2px; font-size: 15px; }
            .strip { display: flex; flex-wrap: wrap; gap: 2px; list-style: none; margin: 0; padding: 0; }
            .strip li { flex: 1 1 0; min-width: 70px; padding: 4px 6px; border-radius: 2px; }
            .strip .area { display: block; font-size: 11px; }
            .former, .note, .meta { margin: 6px 0 0; }
            .licence { margin: 6px 0 0; font-size: 11px; color: #505a5f; }
            .grade-none { border: 1px solid #b1b4b6; }

            """);
        void Rule(string cls, GradePalette.Swatch s) => css.Append($".{cls} {{ background: {s.Fill}; color: {s.Text}; }}\n");
        foreach (var grade in new[] { "outstanding", "good", "requires_improvement", "adequate", "inadequate" })
            Rule($"grade-{grade.Replace('_', '-')}", GradePalette.For(grade));
        Rule("grade-unknown", GradePalette.Unknown);
        Rule("grade-not-judged", GradePalette.NotJudged);
        Rule("grade-none", GradePalette.None);
        return css.ToString();
    }
}
