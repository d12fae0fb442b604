using System.Net.Http.Json;

namespace JudgementsApi.Tests.Infrastructure;

public static class Http
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a 200 response of <paramref name="mediaType"/> and returns it with its body.</summary>
    public static async Task<(HttpResponseMessage Response, string Body)> GetOkAsync(this HttpClient client, string url, string mediaType)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return (response, body);
    }

    /// <summary>Asserts an RFC 9457 problem response and returns its body.</summary>
    public static async Task<JsonElement> GetProblemAsync(this HttpClient client, string url, HttpStatusCode expected)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("/problems/", problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.DoesNotContain("   at ", body); // no stack trace
        return problem;
    }

    /// <summary>A browser's CORS preflight for a GET of <paramref name="url"/> from another site.</summary>
    public static Task<HttpResponseMessage> PreflightAsync(this HttpClient client, string url)
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, url);
        preflight.Headers.Add("Origin", "https://news.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        return client.SendAsync(preflight);
    }

    /// <summary>
    /// Sends until the answer is not a 429 (at most 20 tries, 100 ms apart): the output cache stores an
    /// entry just after the response ends, so a repeat sent at once can still miss it and be rate-limited.
    /// </summary>
    public static async Task<HttpResponseMessage> SendUntilCachedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var response = await send();
        for (var attempt = 1; attempt < 20 && response.StatusCode == HttpStatusCode.TooManyRequests; attempt++)
        {
            await Task.Delay(100);
            response = await send();
        }
        return response;
    }

    /// <summary>The items of a paged response (its "data" array).</summary>
    public static List<JsonElement> Data(JsonElement page) => page.GetProperty("data").EnumerateArray().ToList();

    /// <summary>Asserts a 200 paged response and returns its items.</summary>
    public static async Task<List<JsonElement>> GetDataAsync(this HttpClient client, string url) => Data(await client.GetJsonAsync(url));

    public static IEnumerable<string> ErrorParameters(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("parameter").GetString()!);

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;
}
