using JudgementsApi.Features.Councils;
using JudgementsApi.Features.Pages.About;
using JudgementsApi.Features.Pages.Council;
using JudgementsApi.Features.Pages.Home;
using JudgementsApi.Features.Pages.Statistics;
using Microsoft.Extensions.FileProviders;
using static JudgementsApi.Features.Pages.Html;

namespace JudgementsApi.Features.Pages;

/// <summary>The pages for people, at / beside the API, and their static assets under /assets.</summary>
public static class PagesEndpoints
{
    /// <summary>Static files (vendored GOV.UK Frontend, site CSS and JS), copied beside the assembly at build.</summary>
    public static IApplicationBuilder UsePageAssets(this IApplicationBuilder app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Assets");
        if (!Directory.Exists(folder)) return app;
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = "/assets",
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
    }

    public static void MapPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription()
            .WithMetadata(new PageMetadata())
            .CacheOutput(Caching.PolicyName)
            .VariesByDay(); // "today" is the default date of the map and the charts

        pages.MapGet("/", (HttpContext http, VocabularySource v, string? asOf, string? area) => HomePage.Get(http, v, asOf, area));
        pages.MapGet("/search", Search);
        pages.MapGet("/councils", () => Results.Redirect("/#q"));
        pages.MapGet("/councils/{id}", CouncilPage.Get);
        pages.MapGet("/compare", (HttpContext http, NpgsqlDataSource db, CouncilNames names, string? councils) => ComparePage.Get(http, db, names, councils));
        pages.MapGet("/statistics", (HttpContext http, VocabularySource v, string? area, string? from, string? to) =>
            StatisticsPage.Get(http, v, area, from, to));
        pages.MapGet("/statistics/{chart:regex(^(timeline|regions)$)}.{format:regex(^(svg|png)$)}",
            (string chart, string format, HttpContext http, VocabularySource v, string? area) =>
                StatisticsPage.Chart(chart, format, http, v, area));
        pages.MapGet("/about", (Delegate)AboutPage.Get); // a Delegate: HttpContext alone would bind as a RequestDelegate
        pages.MapGet("/assets/grades.css", () => Results.Text(Labels.GradesCss(), "text/css; charset=utf-8", Encoding.UTF8));
    }

    /// <summary>GET /search?q=: one match goes straight to the council; otherwise the list of matches.</summary>
    private static async Task<IResult> Search(HttpContext http, CouncilNames names, string? q)
    {
        var found = string.IsNullOrWhiteSpace(q) ? [] : await CouncilSearch.FindAsync(await http.SnapshotAsync(), names, q);
        if (found.Count == 1) return Results.Redirect($"/councils/{found[0].Slug}");
        var sb = new StringBuilder($"""
            <h1 class="govuk-heading-xl">Find a council</h1>
            <form action="/search" method="get" role="search"><div class="govuk-form-group">
            <label class="govuk-label" for="q">Council name or code</label>
            <div class="app-search__row"><input class="govuk-input govuk-!-width-two-thirds" id="q" name="q" type="search" value="{H(q)}">
            <button type="submit" class="govuk-button app-search__button" data-module="govuk-button">Search</button></div></div></form>
            """);
        if (!string.IsNullOrWhiteSpace(q))
            sb.Append(found.Count == 0
                ? $"<p class=\"govuk-body\" id=\"results\">No council matches ‘{H(q)}’. Try part of the name, such as ‘Telford’, or a code such as E06000051.</p>"
                : $"<p class=\"govuk-body\">{found.Count} councils match ‘{H(q)}’:</p><ul class=\"govuk-list\" id=\"results\">" +
                  string.Concat(found.Select(c => $"<li><a class=\"govuk-link\" href=\"/councils/{H(c.Slug)}\">{H(c.Name)}</a> <span class=\"app-muted\">{H(c.Region.Name)}</span></li>")) + "</ul>");
        return new PageResult(string.IsNullOrWhiteSpace(q) ? "Find a council" : $"Search: {q}", sb.ToString(), "", 200);
    }
}
