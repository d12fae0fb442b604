using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JudgementsApi.SeedUpdater.Tests;

/// <summary>
/// A stand-in for Ofsted's reports site on loopback: council pages at /provider/44/{urn} in the
/// structure of the real ones (each document an &lt;a class="publication-link"&gt; with its title in a
/// &lt;span class="nonvisual"&gt;), and files at /v1/file/{id}. Failures are switched on per path.
/// </summary>
public sealed class FakeOfsted : IAsyncDisposable
{
    readonly WebApplication app;
    public string BaseUrl { get; }
    public ConcurrentDictionary<string, string> Pages { get; } = new();
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();
    /// <summary>Paths answered with 500.</summary>
    public ConcurrentDictionary<string, bool> Failing { get; } = new();
    /// <summary>Paths that never answer within the client's timeout.</summary>
    public ConcurrentDictionary<string, bool> Hanging { get; } = new();
    public ConcurrentQueue<(string Path, string UserAgent)> Requests { get; } = new();
    int nextFile = 50300000;

    public FakeOfsted()
    {
        var b = WebApplication.CreateSlimBuilder();
        b.Logging.ClearProviders();
        b.WebHost.UseUrls("http://127.0.0.1:0");
        app = b.Build();
        app.Run(async ctx =>
        {
            var path = ctx.Request.Path.Value ?? "";
            Requests.Enqueue((path, ctx.Request.Headers.UserAgent.ToString()));
            if (Hanging.ContainsKey(path)) { try { await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted); } catch (OperationCanceledException) { } return; }
            if (Failing.ContainsKey(path)) { ctx.Response.StatusCode = 500; return; }
            if (Pages.TryGetValue(path, out var html)) { ctx.Response.ContentType = "text/html; charset=utf-8"; await ctx.Response.WriteAsync(html); return; }
            if (Files.TryGetValue(path, out var bytes)) { ctx.Response.ContentType = "application/pdf"; await ctx.Response.Body.WriteAsync(bytes); return; }
            ctx.Response.StatusCode = 404;
        });
        app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = app.Urls.First().TrimEnd('/') + "/";
    }

    /// <summary>Serves a PDF and returns its URL.</summary>
    public string AddFile(byte[] pdf)
    {
        var path = $"/v1/file/{Interlocked.Increment(ref nextFile)}";
        Files[path] = pdf;
        return BaseUrl.TrimEnd('/') + path;
    }

    /// <summary>A council page listing documents (title as Ofsted words it, e.g. "Children's services inspection - 14 July 2023").</summary>
    public void SetPage(string urn, string council, IEnumerable<(string Title, string Url)> docs)
    {
        var items = string.Join("\n", docs.Select(d => $"""
                  <li class="publication-list__item">
                    <a class="publication-link" target="_blank" href="{WebUtility.HtmlEncode(d.Url)}">
                      <span class="publication-title">{WebUtility.HtmlEncode(d.Title[..d.Title.LastIndexOf(" - ", StringComparison.Ordinal)])}</span>
                      <span class="nonvisual">{WebUtility.HtmlEncode(d.Title)}, pdf</span>
                    </a>
                  </li>
            """));
        Pages[$"/provider/44/{urn}"] = $"""
            <!DOCTYPE html>
            <html lang="en"><head><title>{council} - Ofsted</title></head>
            <body><main id="main-content">
              <h1 class="heading--title">{WebUtility.HtmlEncode(council)}</h1>
              <p>URN: {urn}</p>
              <div class="timeline"><h2>Reports</h2>
                <ul class="publication-list">
            {items}
                </ul>
              </div>
            </main></body></html>
            """;
    }

    public int RequestsTo(string prefix) => Requests.Count(r => r.Path.StartsWith(prefix, StringComparison.Ordinal));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
