using System.Text.Json.Nodes;
using Json.Schema;

namespace JudgementsApi.Tests;

/// <summary>
/// Every GET operation of the served OpenAPI document, called as a generated client would call it,
/// answers what the document says: JSON bodies validate against their schemas (JsonSchema.Net, with
/// additionalProperties as served), other media types are among those declared. Called twice: with
/// only the required parameters, and with every parameter's example (examples the server accepts).
/// </summary>
public class OpenApiResponseTests(ApiFactory api) : ApiTests(api)
{
    [Fact]
    public async Task EveryGetOperationAnswersItsSchemaWithTheRequiredParametersOnly() =>
        await CallEveryOperationAsync(everyExample: false);

    [Fact]
    public async Task EveryGetOperationAcceptsItsExamplesAndAnswersItsSchema() =>
        await CallEveryOperationAsync(everyExample: true);

    [Fact]
    public async Task AProblemAnswerMatchesItsSchema()
    {
        var doc = await ServedDocumentAsync();
        var failures = new List<string>();
        foreach (var (url, path, status) in new[]
                 {
                     ("/v1/councils/atlantis", "/v1/councils/{id}", "404"),
                     ("/v1/inspections?grade=excellent&offset=", "/v1/inspections", "400"),
                     ("/v1/changes", "/v1/changes", "400"),
                 })
        {
            var response = await Client.GetAsync(url);
            Assert.Equal(int.Parse(status), (int)response.StatusCode);
            var schema = doc["paths"]![path]!["get"]!["responses"]![status]!["content"]!["application/problem+json"]!["schema"]!;
            failures.AddRange(Validate(doc, schema, await response.Content.ReadAsStringAsync(), url));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task CallEveryOperationAsync(bool everyExample)
    {
        var doc = await ServedDocumentAsync();
        var failures = new List<string>();
        var called = 0;
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            if (item!["get"] is not JsonObject operation) continue;
            var url = UrlFor(path, operation, everyExample);
            var response = await Client.GetAsync(url);
            called++;
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.NotFound && await IsEmptyCollectionAsync(path)) continue;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"GET {url}: {(int)response.StatusCode} {body}");
                continue;
            }
            var content = operation["responses"]!["200"]!["content"]!.AsObject();
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
            if (!content.ContainsKey(mediaType))
                failures.Add($"GET {url}: answered {mediaType}, not one of {string.Join(", ", content.Select(c => c.Key))}");
            else if (mediaType == "application/json")
                failures.AddRange(Validate(doc, content[mediaType]!["schema"]!, body, url));
        }
        Assert.True(called >= 25, $"only {called} operations");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>An item of a collection the seed data leaves empty (monitoring visits) has no example to find.</summary>
    private async Task<bool> IsEmptyCollectionAsync(string itemPath) =>
        itemPath.EndsWith("/{id}", StringComparison.Ordinal)
        && (await Client.GetJsonAsync(itemPath[..^"/{id}".Length])).GetProperty("data").GetArrayLength() == 0;

    [Fact]
    public async Task TheValidationFailsABodyThatBreaksItsSchema()
    {
        var doc = await ServedDocumentAsync();
        var schema = new JsonObject { ["$ref"] = "#/components/schemas/CouncilDetail" };
        var body = (await Client.GetStringAsync("/v1/councils/shropshire")).Replace("\"slug\":", "\"slugs\":");
        Assert.NotEmpty(Validate(doc, schema, body, "altered"));
        Assert.Empty(Validate(doc, schema, await Client.GetStringAsync("/v1/councils/shropshire"), "as served"));
    }

    private async Task<JsonObject> ServedDocumentAsync() =>
        JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();

    /// <summary>Path parameters from their examples; query parameters that are required (or all, with their examples).</summary>
    private static string UrlFor(string path, JsonObject operation, bool everyExample)
    {
        var query = new List<string>();
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            var example = parameter!["example"] is { } e ? e.GetValueKind() == JsonValueKind.String ? e.GetValue<string>() : e.ToJsonString() : "";
            var name = parameter["name"]!.GetValue<string>();
            if (parameter["in"]!.GetValue<string>() == "path")
                path = path.Replace("{" + name + "}", Uri.EscapeDataString(example));
            else if (everyExample || parameter["required"]?.GetValue<bool>() == true)
                query.Add($"{name}={Uri.EscapeDataString(example)}");
        }
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    private static IEnumerable<string> Validate(JsonObject doc, JsonNode schema, string body, string url)
    {
        var root = ToJsonSchema(schema)!.AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = ToJsonSchema(doc["components"]!["schemas"]!, names: true);
        var built = JsonSchema.FromText(root.ToJsonString(), baseUri: new Uri($"https://judgements.test/{Guid.NewGuid():N}"));
        using var instance = JsonDocument.Parse(body);
        var result = built.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        return (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(error => $"GET {url}: {d.InstanceLocation} ({d.SchemaLocation}): {error.Value}"))
            .DefaultIfEmpty($"GET {url}: does not match its schema")
            .Take(20);
    }

    /// <summary>
    /// OpenAPI 3.0's schema dialect as JSON Schema 2020-12: <c>nullable</c> becomes a "null" type (or
    /// an alternative beside a reference), and component references point into <c>$defs</c>.
    /// </summary>
    private static JsonNode? ToJsonSchema(JsonNode? node, bool names = false)
    {
        if (node is JsonArray array) return new JsonArray(array.Select(n => ToJsonSchema(n)).ToArray());
        if (node is not JsonObject schema) return node?.DeepClone();
        var copy = new JsonObject();
        foreach (var (key, value) in schema)
        {
            if (names || key is "properties") copy[key] = ToJsonSchema(value, names: key is "properties" && !names);
            else if (key is "$ref") copy[key] = value!.GetValue<string>().Replace("#/components/schemas/", "#/$defs/");
            else if (key is not ("nullable" or "example")) copy[key] = ToJsonSchema(value);
        }
        if (names || schema["nullable"]?.GetValue<bool>() != true) return copy;
        if (copy["type"] is JsonValue type)
        {
            copy["type"] = new JsonArray(type.GetValue<string>(), "null");
            if (copy["enum"] is JsonArray values) values.Add(null);
            return copy;
        }
        return new JsonObject { ["anyOf"] = new JsonArray(copy, new JsonObject { ["type"] = "null" }) };
    }
}
