using JudgementsApi.Features.Pages.About;
using JudgementsApi.Features.Pages.Compare;
using JudgementsApi.Features.Pages.Council;
using JudgementsApi.Features.Pages.Councils;
using JudgementsApi.Features.Pages.FocusedVisits;
using JudgementsApi.Features.Pages.Home;
using JudgementsApi.Features.Pages.Statistics;
using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.FileProviders;

namespace JudgementsApi.Features.Pages;

/// <summary>The pages for people, at / beside the API, and their static assets under /assets.</summary>
public static class PagesEndpoints
{
    /// <summary>
    /// gzip and Brotli for the static CSS and JS (the platform's response compression): the service's own
    /// compression covers only the cached endpoints, and the vendored GOV.UK Frontend alone is 180 KB as it is.
    /// </summary>
    public static IServiceCollection AddPageAssets(this IServiceCollection services) =>
        services.AddResponseCompression(options => options.MimeTypes = ["text/css", "text/javascript", "application/javascript"])
            .Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal)
            .Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);

    /// <summary>Static files (vendored GOV.UK Frontend, site CSS and JS), copied beside the assembly at build.</summary>
    public static IApplicationBuilder UsePageAssets(this IApplicationBuilder app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Assets");
        if (!Directory.Exists(folder)) return app;
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/assets"), assets => assets.UseResponseCompression());
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

        pages.MapGet("/", HomePage.Get);
        pages.MapGet("/search", SearchPage.Get);
        pages.MapGet("/councils", CouncilsPage.Get);
        pages.MapGet("/councils.csv", CouncilsPage.Csv);
        pages.MapGet("/councils/{id}", CouncilPage.Get);
        pages.MapGet("/councils/{id}/card.png", CouncilPage.Card);
        pages.MapGet("/compare", ComparePage.Get);
        pages.MapGet("/focused-visits", FocusedVisitsPage.Get);
        pages.MapGet("/focused-visits.csv", FocusedVisitsPage.Csv);
        pages.MapGet("/statistics", StatisticsPage.Get);
        pages.MapGet("/statistics/{chart:regex(^(timeline|regions)$)}.{format:regex(^(svg|png)$)}", StatisticsPage.Chart);
        pages.MapGet("/about", (Delegate)AboutPage.Get); // a Delegate: HttpContext alone would bind as a RequestDelegate
        pages.MapGet("/assets/grades.css", () => Results.Text(Labels.GradesCss(), "text/css; charset=utf-8", Encoding.UTF8));
    }
}
