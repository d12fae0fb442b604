using System.Text.Json.Nodes;

namespace JudgementsApi.Tests;

/// <summary>
/// Every closed set of values in the served OpenAPI document is an <c>enum</c>, so generated clients
/// type them as unions: every response property and query parameter with one of the names below,
/// wherever it appears (or the items of its list, the values of its map), and the codes of the
/// dataset's own resources. A nullable one lists null among its values (OpenAPI 3.0.3: nullable does
/// not widen an enum).
/// </summary>
public class OpenApiEnumTests(ApiFactory api) : ApiTests(api)
{
    /// <summary>Names that hold a closed set wherever they appear as a string, a list of strings or a map to strings.</summary>
    private static readonly string[] ClosedNames =
    [
        "status", "grade", "grades", "fromGrade", "toGrade", "direction", "kind", "lastVisitKind", "field", "framework",
        "frameworkVersion", "frameworkVersions", "area", "family", "parentCode", "type", "sourceKind", "publishedPrecision",
        "letterDateSource", "groupBy", "interval", "sort", "change", "theme", "frameworkTag", "missingGrades", "region",
        "tag", "size", "include", "format",
    ];

    /// <summary>Codes of the dataset's resources, named where they are the resource's own.</summary>
    private static readonly string[] ClosedProperties =
    [
        "Grade.code", "GradeWithScales.code", "AreaRef.code", "FrameworkArea.code", "RegionRef.code", "RegionRef.slug",
        "RegionItem.code", "RegionItem.slug", "Framework.slug", "FrameworkVersion.slug", "ImprovementTheme.code", "FrameworkTag.code",
    ];

    /// <summary>Properties with one of those names that are not closed sets, and why.</summary>
    private static readonly Dictionary<string, string> Open = new()
    {
        ["ProblemDetails.type"] = "a URI naming the problem type",
        ["Visit.theme"] = "a joint targeted area inspection's theme in Ofsted's words",
    };

    [Fact]
    public async Task EveryClosedSetInTheResponsesIsAnEnum()
    {
        var doc = await DocumentAsync();
        var missing = new List<string>();
        var checkedCount = 0;
        foreach (var (schemaName, schema) in doc["components"]!["schemas"]!.AsObject())
        foreach (var (name, property) in schema!["properties"]?.AsObject() ?? [])
        {
            var key = $"{schemaName}.{name}";
            if (Open.ContainsKey(key) || !(ClosedNames.Contains(name) || ClosedProperties.Contains(key))) continue;
            if (StringValues(property!.AsObject()) is not { } values) continue; // an object ($ref), a number…
            checkedCount++;
            if (values["enum"] is not JsonArray list || list.Count == 0) missing.Add($"{key} has no enum");
            else if (values["nullable"]?.GetValue<bool>() == true && !list.Any(v => v is null)) missing.Add($"{key} is nullable but its enum has no null");
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        Assert.True(checkedCount >= 60, $"only {checkedCount} properties checked");
    }

    [Fact]
    public async Task EveryClosedSetAmongTheParametersIsAnEnum()
    {
        var doc = await DocumentAsync();
        var missing = new List<string>();
        var checkedCount = 0;
        foreach (var (path, item) in doc["paths"]!.AsObject())
        foreach (var parameter in item!["get"]?["parameters"]?.AsArray() ?? [])
        {
            var name = parameter!["name"]!.GetValue<string>();
            if (!ClosedNames.Contains(name)) continue;
            checkedCount++;
            if (parameter["schema"]?["enum"] is not JsonArray { Count: > 0 }) missing.Add($"{path}: parameter {name} has no enum");
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        Assert.True(checkedCount >= 40, $"only {checkedCount} parameters checked");
    }

    /// <summary>The exceptions are still in the document, so that the list of them stays true.</summary>
    [Fact]
    public async Task EveryExceptionNamesAPropertyThatIsThere()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;
        foreach (var key in Open.Keys.Concat(ClosedProperties))
        {
            var (schema, property) = (key.Split('.')[0], key.Split('.')[1]);
            Assert.True(schemas[schema]?["properties"]?[property] is not null, $"{key} is not in the document");
        }
    }

    /// <summary>The schema of a property's string values: its own, its list's items', or its map's values'; null when it has none.</summary>
    private static JsonObject? StringValues(JsonObject property)
    {
        var values = property["items"] as JsonObject ?? property["additionalProperties"] as JsonObject ?? property;
        return values["type"]?.GetValue<string>() == "string" ? values : null;
    }

    private async Task<JsonObject> DocumentAsync() =>
        JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();
}
