using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace JudgementsApi.Infrastructure;

/// <summary>
/// The API writes every property of its bodies, nulls included (ApiJson): so every property of a
/// response schema is <c>required</c> (present), and one that may be null says so with
/// <c>nullable</c>. The exceptions are the properties left out when null ([JsonIgnore] with a
/// condition), which stay optional. Generated clients then type them as always there.
/// </summary>
public sealed class RequiredProperties : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema writable || writable.Properties is not { Count: > 0 } properties) return;
        if (context.Type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))
        {
            RequireProblemMembers(writable, properties);
            return;
        }
        if (context.Type.Namespace?.StartsWith(nameof(JudgementsApi), StringComparison.Ordinal) != true) return;
        var optional = context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: not JsonIgnoreCondition.Never })
            .Select(JsonName)
            .ToHashSet(StringComparer.Ordinal);
        writable.Required = new HashSet<string>(properties.Keys.Where(k => !optional.Contains(k)), StringComparer.Ordinal);
    }

    /// <summary>The name a property has in the JSON (ApiJson: camelCase unless named).</summary>
    public static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    /// <summary>Every problem this API sends names its type, title, status and the path it answers (Problems.AddApiProblems).</summary>
    private static void RequireProblemMembers(OpenApiSchema schema, IDictionary<string, IOpenApiSchema> properties)
    {
        string[] always = ["type", "title", "status", "instance"];
        schema.Required = new HashSet<string>(always, StringComparer.Ordinal);
        foreach (var name in always)
            if (properties.TryGetValue(name, out var found) && found is OpenApiSchema property && property.Type is { } type)
                property.Type = type & ~JsonSchemaType.Null;
    }
}
