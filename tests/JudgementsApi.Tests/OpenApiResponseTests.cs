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

    /// <summary>
    /// Answers that carry the rarer values of the closed sets (statuses, directions, kinds, corrected
    /// fields…) validate against their schemas, whose enums list every value; each value named is
    /// asserted present, so the request keeps showing it.
    /// </summary>
    [Theory]
    [InlineData("/v1/statistics/distribution?asOf=2014-06-01&include=councils", "status=noReport", "status=graded")]
    [InlineData("/v1/statistics/distribution?asOf=2026-11-30&include=councils&area=lscb_review", "status=notGraded")]
    [InlineData("/v1/statistics/distribution?asOf=2017-01-01&include=councils&area=children_in_care&groupBy=region",
        "status=notJudged", "status=unknown")]
    [InlineData("/v1/statistics/distribution?asOf=2018-03-01&include=councils&area=lscb_review&groupBy=type", "status=notCovered")]
    [InlineData("/v1/inspections/shropshire-2017-11-24", "status=graded", "grade.*=good", "sourceKind=report", "publishedPrecision=day")]
    [InlineData("/v1/councils/isles-of-scilly/inspections", "missingGrades.*=not_judged", "type=sif")]
    // A judgement without a grade: its grade and evidence are null (nullable references in the document).
    [InlineData("/v1/inspections/isles-of-scilly-2016-06-27", "status=not_judged", "status=graded")]
    [InlineData("/v1/inspections/birmingham-2016-11-25", "status=not_covered")]
    [InlineData("/v1/councils/surrey/inspections", "missingGrades.*=not_covered")]
    [InlineData("/v1/councils/cumbria/inspections", "missingGrades.*=unknown", "publishedPrecision=month", "sourceKind=cited")]
    [InlineData("/v1/councils/shropshire/inspections", "type=pre_2013", "sourceKind=news")]
    [InlineData("/v1/councils/north-northamptonshire/inspections?includePredecessors=true", "type=cited", "publishedPrecision=year")]
    [InlineData("/v1/statistics/movements?from=2016-01-01&limit=500",
        "direction=up", "direction=down", "direction=same", "status=notInOperation", "status=graded")]
    [InlineData("/v1/statistics/timeline?from=2014-01-01&interval=year&groupBy=region", "interval=year", "groupBy=region")]
    [InlineData("/v1/statistics/transitions?limit=500", "grade=inadequate", "grade=outstanding")]
    [InlineData("/v1/statistics/summary", "area=overall_effectiveness", "area=lscb_review")]
    [InlineData("/v1/focused-visits/dudley-2020-01-21-fv", "field=letter_date")]
    [InlineData("/v1/focused-visits/darlington-2023-11-28-fv", "field=visit_start")]
    [InlineData("/v1/focused-visits?limit=500", "kind=none", "kind=new", "kind=carried_over", "kind=new_and_carried_over",
        "letterDateSource=letter", "letterDateSource=publication")]
    [InlineData("/v1/improvements?limit=500&kind=focused_visit", "kind=focused_visit", "theme=workforce")]
    [InlineData("/v1/improvements?limit=500&tag=outcome_3", "kind=inspection", "frameworkTag=outcome_3")]
    [InlineData("/v1/improvements/framework-tags", "kind=outcome", "kind=enabler")]
    [InlineData("/v1/statistics/improvement-themes?groupBy=framework", "groupBy=framework")]
    [InlineData("/v1/statistics/timeliness?framework=ilacs", "framework=ilacs")]
    [InlineData("/v1/councils/medway", "lastVisitKind=focused_visit", "type=unitary")]
    [InlineData("/v1/councils/shropshire", "lastVisitKind=inspection")]
    [InlineData("/v1/frameworks", "framework=sif", "family=overall_effectiveness")]
    public async Task AnswersCarryingEveryKindOfClosedValueMatchTheirEnums(string url, params string[] expected)
    {
        var doc = await ServedDocumentAsync();
        var path = url.Split('?')[0];
        var template = doc["paths"]!.AsObject().Select(p => p.Key)
            .Single(t => System.Text.RegularExpressions.Regex.IsMatch(path, "^" + System.Text.RegularExpressions.Regex.Replace(t, @"\{[^}]+\}", "[^/]+") + "$"));
        var body = await Client.GetStringAsync(url);
        var schema = doc["paths"]![template]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        Assert.Empty(Validate(doc, schema, body, url));
        var found = PropertyValues(JsonNode.Parse(body)).ToHashSet();
        Assert.All(expected, value => Assert.Contains(value, found));
    }

    /// <summary>A value outside its enum fails validation: a direction, a nullable grade, a judgement status, a corrected field.</summary>
    [Theory]
    [InlineData("/v1/statistics/movements?from=2016-01-01&limit=500", "/v1/statistics/movements", "\"direction\":\"up\"", "\"direction\":\"upward\"")]
    [InlineData("/v1/statistics/movements?from=2016-01-01&limit=500", "/v1/statistics/movements", "\"grade\":\"good\"", "\"grade\":\"fine\"")]
    [InlineData("/v1/inspections/shropshire-2017-11-24", "/v1/inspections/{id}", "\"status\":\"graded\"", "\"status\":\"Graded\"")]
    [InlineData("/v1/councils/isles-of-scilly/inspections", "/v1/councils/{id}/inspections", ":\"not_judged\"", ":\"notJudged\"")]
    [InlineData("/v1/focused-visits/dudley-2020-01-21-fv", "/v1/focused-visits/{id}", "\"field\":\"letter_date\"", "\"field\":\"letterDate\"")]
    public async Task AValueOutsideItsEnumFailsTheValidation(string url, string path, string served, string altered)
    {
        var doc = await ServedDocumentAsync();
        var schema = doc["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        var body = await Client.GetStringAsync(url);
        Assert.Contains(served, body);
        Assert.Empty(Validate(doc, schema, body, "as served"));
        Assert.NotEmpty(Validate(doc, schema, body.Replace(served, altered), "altered"));
    }

    /// <summary>Every string value in a body as "name=value" by its property, and as "map.*=value" by the map it is in.</summary>
    private static IEnumerable<string> PropertyValues(JsonNode? node, string name = "", string parent = "") => node switch
    {
        JsonObject o => o.SelectMany(p => PropertyValues(p.Value, p.Key, name)),
        JsonArray a => a.SelectMany(item => PropertyValues(item, name, parent)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [$"{name}={v.GetValue<string>()}", $"{parent}.*={v.GetValue<string>()}"],
        _ => [],
    };

    private async Task<JsonObject> ServedDocumentAsync() =>
        JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();

    /// <summary>Path parameters from their examples; query parameters that are required (or all, with their examples).</summary>
    private static string UrlFor(string path, JsonObject operation, bool everyExample)
    {
        var query = new List<string>();
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            var example = parameter!["example"] switch
            {
                null => "",
                var e when e.GetValueKind() == JsonValueKind.String => e.GetValue<string>(),
                var e => e.ToJsonString(),
            };
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
        if (copy["type"] is JsonValue type && copy["allOf"] is null) // a nullable reference: either the reference or null
        {
            copy["type"] = new JsonArray(type.GetValue<string>(), "null");
            if (copy["enum"] is JsonArray values && !values.Any(v => v is null)) values.Add(null);
            return copy;
        }
        return new JsonObject { ["anyOf"] = new JsonArray(copy, new JsonObject { ["type"] = "null" }) };
    }
}
