using JudgementsApi.Features.Badges;
using JudgementsApi.Features.Pages;

namespace JudgementsApi.Features.Embed;

/// <summary>
/// /embed/councils/{id}: a small page made for an &lt;iframe&gt; on anyone's site (<see cref="EmbedPage"/>). It may be
/// framed by any origin (CSP frame-ancestors *, no X-Frame-Options), sets no cookies, runs no script and loads
/// nothing but its own stylesheet.
/// </summary>
public static class EmbedEndpoints
{
    public const string Path = "/embed";

    public static void MapEmbed(this IEndpointRouteBuilder routes)
    {
        // Its CSP (frame-ancestors *, no script), nosniff and Referrer-Policy come from ResponseHeaders, as for every page.
        var embed = routes.MapGroup(Path).WithTags("Integrations").CacheOutput(Caching.PolicyName);

        embed.MapGet("/councils/{id}", Get)
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound)
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

    private static async Task<IResult> Get(string id, HttpContext http) =>
        CouncilHeadline.Load(await http.SnapshotAsync(), id) is { } headline
            ? Page.Show<EmbedPage>(new { H = headline })
            : Problems.NotFoundFor("council", id);

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
