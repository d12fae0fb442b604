using System.Collections.Concurrent;

namespace JudgementsApi.Tests.Hardening;

/// <summary>
/// Hostile and malformed values in every parameter of every endpoint the served OpenAPI document
/// lists (so endpoints added later are covered too): never a 5xx, every 4xx a problem document, or
/// what the document declares for that status instead (the embed's not-found card is HTML).
/// Bounded: a few thousand in-memory requests.
/// </summary>
public class BadInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>Already percent-encoded where it matters: NUL, invalid UTF-8, surrogates, separators.</summary>
    private static readonly string[] BadValues =
    [
        "", "%00", "a%00b", "%FF", "%C0%AF", "%ED%A0%80", "%F0%9F%98", "%E2%80%AE", "%25", "%2F..%2F..%2Fetc%2Fpasswd",
        "'", "%22", "'%3B DROP TABLE councils%3B--", "-1", "0", "2147483648", "99999999999999999999", "1e308", "NaN",
        "9999-12-31", "0001-01-01", "2024-02-30", "2024-1-1", "%3Cscript%3E", "a,b,,c", "*", "%5C", new string('z', 600),
    ];

    [Fact]
    public async Task NoParameterOfAnyEndpointAnswersA5xx()
    {
        var client = api.CreateClient();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));
        var urls = new List<string>();
        // Per path template, the media types the document declares for each error status.
        var declared = new Dictionary<string, Dictionary<int, HashSet<string>>>();
        var templateOf = new Dictionary<string, string>();
        var random = new Random(13);
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get)) continue;
            var parameters = get.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray().ToList() : [];
            declared[path.Name] = get.GetProperty("responses").EnumerateObject()
                .Where(r => int.TryParse(r.Name, out var code) && code >= 400 && r.Value.TryGetProperty("content", out _))
                .ToDictionary(r => int.Parse(r.Name), r => r.Value.GetProperty("content").EnumerateObject().Select(c => c.Name).ToHashSet());
            var first = urls.Count;
            string Example(JsonElement p) => p.TryGetProperty("example", out var e) ? Uri.EscapeDataString(e.ToString()) : "x";
            string PathWith(Func<string, string> value) =>
                parameters.Where(p => p.GetProperty("in").GetString() == "path")
                    .Aggregate(path.Name, (url, p) => url.Replace("{" + p.GetProperty("name").GetString() + "}", value(p.GetProperty("name").GetString()!)));
            var goodPath = PathWith(name => Example(parameters.First(p => p.GetProperty("name").GetString() == name)));
            var query = parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList();

            foreach (var value in BadValues)
            {
                // A NUL in the path never reaches the app: the server refuses the request line (400).
                foreach (var p in parameters.Where(p => p.GetProperty("in").GetString() == "path" && !value.Contains("%00")))
                    urls.Add(PathWith(name => name == p.GetProperty("name").GetString() ? value : Example(parameters.First(x => x.GetProperty("name").GetString() == name))));
                foreach (var name in query) urls.Add($"{goodPath}?{name}={value}");
            }
            foreach (var name in query) urls.Add($"{goodPath}?{name}=a&{name}=b");
            urls.Add($"{goodPath}?unknownParameter=1");
            // Every parameter at once, each with a random bad value.
            for (var i = 0; i < 10 && query.Count > 0; i++)
                urls.Add(goodPath + "?" + string.Join("&", query.Select(n => $"{n}={BadValues[random.Next(BadValues.Length)]}")));
            for (var i = first; i < urls.Count; i++) templateOf[urls[i]] = path.Name;
        }
        Assert.True(urls.Count > 1500, $"only {urls.Count} requests generated: is the OpenAPI document complete?");

        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (url, ct) =>
        {
            using var response = await client.GetAsync(url, ct);
            var status = (int)response.StatusCode;
            if (status >= 500)
                failures.Add($"{status} {url}: {await response.Content.ReadAsStringAsync(ct)}");
            else if (status >= 400 && response.Content.Headers.ContentType?.MediaType is var type && type != "application/problem+json"
                     && !(declared[templateOf[url]].TryGetValue(status, out var types) && types.Contains(type!)))
                failures.Add($"{status} {url}: {type}, neither a problem document nor what the document declares");
        });
        Assert.True(failures.IsEmpty, $"{failures.Count} of {urls.Count} requests failed:\n" + string.Join("\n", failures.Take(20)));
    }
}
