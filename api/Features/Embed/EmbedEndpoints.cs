using JudgementsApi.Features.Badges;
using JudgementsApi.Features.Councils;
using JudgementsApi.Features.Pages;

namespace JudgementsApi.Features.Embed;

/// <summary>
/// /embed/councils/{id}: a small page made for an &lt;iframe&gt; on anyone's site (<see cref="EmbedPage"/>). It may be
/// framed by any origin (CSP frame-ancestors *, no X-Frame-Options), sets no cookies, runs no script and loads
/// nothing but its own stylesheet. A council's name redirects to its slug, as in the API; a name that finds
/// no council is a 404 card inside the frame, with the closest councils and a link to search.
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
            .Produces(StatusCodes.Status302Found)
            .Produces<string>(StatusCodes.Status404NotFound, "text/html")
            .WithName("GetCouncilEmbed")
            .WithSummary("A council's ratings as a page for an iframe")
            .WithDescription("The badge's facts as a small HTML page for an <iframe> on any site: the latest full inspection's judgements, links to the report and to the council's page, and the Open Government Licence attribution. Framable by any origin; no cookies, no scripts, no tracking. A council's name (\"Telford and Wrekin\") redirects to its slug, as in the API; an id that names no council is a 404 HTML card naming the closest councils, with a link to search.");

        embed.MapGet("/embed.css", () => new BodyResult("text/css; charset=utf-8", Stylesheet))
            .Produces<string>(StatusCodes.Status200OK, "text/css")
            .ProducesProblem(StatusCodes.Status405MethodNotAllowed)
            .WithName("GetEmbedStylesheet")
            .WithSummary("The embed page's stylesheet")
            .WithDescription("Grade colours from the service's one palette; the embed pages link it (no inline styles, so their CSP needs no exceptions).");
    }

    private static async Task<IResult> Get(string id, HttpContext http, CouncilNames names)
    {
        if (CouncilHeadline.Load(await http.SnapshotAsync(), id) is { } found) return Page.Show<EmbedPage>(new { H = found });
        var match = await names.ResolveAsync(id);
        return match.Council is { } council
            ? TypedResults.Redirect($"{Path}/councils/{council.Item.Slug}")
            : Page.Show<EmbedPage>(new { Id = id, match.Suggestions }, StatusCodes.Status404NotFound);
    }

    /// <summary>Assets/embed.css, then the grade colours from <see cref="GradePalette"/> (the badge's and pages'); built once.</summary>
    private static readonly string Stylesheet =
        File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Assets", "embed.css"))
        + string.Concat(GradePalette.Codes
            .Select(g => ($"grade-{g.Replace('_', '-')}", GradePalette.For(g)))
            .Concat([("grade-unknown", GradePalette.Unknown), ("grade-not-judged", GradePalette.NotJudged)])
            .Append(("grade-none", GradePalette.None))
            .Select(r => $".{r.Item1} {{ background: {r.Item2.Fill}; color: {r.Item2.Text}; }}\n"));
}
