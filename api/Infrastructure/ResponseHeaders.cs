namespace JudgementsApi.Infrastructure;

/// <summary>
/// Headers every response carries, whatever produced it (an endpoint, a 405 or 414 from the request
/// guard, a CORS preflight, the exception handler's 500): set as the response starts, after anything
/// that cleared the headers.
/// </summary>
public static class ResponseHeaders
{
    /// <summary>
    /// HTML here (Swagger UI, problem pages, the site's pages) loads its scripts and styles from this
    /// origin only: no inline script or style, nothing from elsewhere.
    /// </summary>
    public const string HtmlPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Embeds exist to be framed by any site; otherwise as locked down as a page can be (no script at all).</summary>
    public const string EmbedPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors *";

    /// <summary>
    /// SVG (badges, charts) opened as a document could run script it carried: none may run, nothing
    /// loads; its own inline styles apply; any site may frame it, as it may show it with &lt;img&gt;.
    /// </summary>
    public const string SvgPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *";

    public static IApplicationBuilder UseResponseHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                ApiVersions.Report(context);
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.Remove("Server");
                PublicCors.Apply(headers);
                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    if (context.Request.Path.StartsWithSegments("/embed"))
                    {
                        headers.ContentSecurityPolicy = EmbedPolicy;
                        headers.Remove("X-Frame-Options");
                    }
                    else
                    {
                        headers.ContentSecurityPolicy = HtmlPolicy;
                        headers.XFrameOptions = "DENY";
                    }
                }
                else if (context.Response.ContentType?.StartsWith("image/svg+xml", StringComparison.OrdinalIgnoreCase) == true)
                {
                    headers.ContentSecurityPolicy = SvgPolicy;
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
}
