using System.Text.RegularExpressions;

namespace JudgementsApi.Tests;

/// <summary>
/// Issue 25: the home page, its stylesheets and its scripts (with the modules they import) weigh at most
/// 60 KB as sent to a browser that accepts gzip, or Brotli. Fonts and images are not counted.
/// </summary>
public partial class PageWeightTests(ApiFactory api) : ApiTests(api)
{
    private const int LimitBytes = 60 * 1024;

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Home_page_html_css_and_js_are_at_most_60_KB_as_sent_compressed(string coding)
    {
        var html = await Client.GetStringAsync("/");
        var resources = new List<string> { "/" };
        resources.AddRange(Stylesheet().Matches(html).Select(m => m.Groups["href"].Value));
        resources.AddRange(Script().Matches(html).Select(m => m.Groups["src"].Value));
        Assert.Contains(resources, r => r.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(resources, r => r.EndsWith(".js", StringComparison.Ordinal));

        var sizes = new List<string>();
        var total = 0;
        for (var i = 0; i < resources.Count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, resources[i]);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", coding);
            using var response = await Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var sent = await response.Content.ReadAsByteArrayAsync();
            total += sent.Length;
            sizes.Add($"{resources[i]} {sent.Length} B {string.Join(",", response.Content.Headers.ContentEncoding)}");
            if (resources[i].EndsWith(".js", StringComparison.Ordinal))
                foreach (var module in Imports(await Client.GetStringAsync(resources[i]), resources[i]))
                    if (!resources.Contains(module)) resources.Add(module);
        }

        Assert.True(total <= LimitBytes, $"The home page with its CSS and JS is {total} bytes in {coding} (limit {LimitBytes}):\n"
            + string.Join("\n", sizes));
    }

    /// <summary>The modules a script imports statically: absolute, or relative to the script.</summary>
    private static IEnumerable<string> Imports(string script, string path) =>
        Import().Matches(script).Select(m => m.Groups["from"].Value)
            .Where(f => f.StartsWith('/') || f.StartsWith("./", StringComparison.Ordinal))
            .Select(f => f.StartsWith('/') ? f : path[..(path.LastIndexOf('/') + 1)] + f[2..]);

    [GeneratedRegex(@"<link\b[^>]*\brel=""stylesheet""[^>]*\bhref=""(?<href>[^""]+)""")]
    private static partial Regex Stylesheet();

    [GeneratedRegex(@"<script\b[^>]*\bsrc=""(?<src>[^""]+)""")]
    private static partial Regex Script();

    [GeneratedRegex(@"\b(?:from|import)\s*[""'](?<from>[^""']+)[""']")]
    private static partial Regex Import();
}
