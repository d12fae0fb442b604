using System.ComponentModel;
using JudgementsApi.Features.Councils;

namespace JudgementsApi.Features.Badges;

public sealed record BadgeQuery(
    [property: Description("small, medium (default) or large: the rendered size; the drawing is the same."), OneOfExample("medium", typeof(Badge), nameof(Badge.Sizes))] string? Size) : IQueryRecord
{
    public string Rendered { get; private set; } = "medium";

    public ValueTask ReadAsync(QueryReader q)
    {
        Rendered = q.OneOf("size", Size, Badge.Sizes.Keys.ToList()) ?? "medium";
        return ValueTask.CompletedTask;
    }
}

public static class BadgesEndpoints
{
    public const string MediaType = "image/svg+xml";

    public static RouteGroupBuilder MapBadges(this RouteGroupBuilder v1)
    {
        v1.MapGet("/councils/{id}/badge.svg", Get).WithTags("Integrations")
            .WithMediaType(MediaType).ForCouncilPath()
            .WithName("GetCouncilBadge")
            .WithSummary("A council's rating badge (SVG)")
            .WithDescription("A self-contained SVG for an <img>: the council's name, its latest full inspection's judgements (led by overall effectiveness where the framework has one; under ILACS 2026 the four judgements as a strip) and the publication date, with Ofsted attribution. Says so when the council has not been inspected yet, and names the successor(s) of a former council. Its <title> and <desc> read the grades in words. Cached like every resource: it changes only when the dataset does.");
        return v1;
    }

    private static async Task<Results<BodyResult, ProblemHttpResult>> Get(
        string id, [AsParameters] BadgeQuery query, HttpContext http)
    {
        var headline = CouncilHeadline.Load(await http.SnapshotAsync(), id);
        if (headline is null) return Problems.NotFoundFor("council", id);
        return new BodyResult($"{MediaType}; charset=utf-8", Badge.Render(headline, query.Rendered));
    }
}
