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
        NullableReferences(context.Type, properties);
    }

    /// <summary>
    /// A property typed as another schema (a <c>$ref</c>) that may be null, such as a judgement's <c>grade</c> or a
    /// council's <c>latest</c>: OpenAPI 3.0 cannot put <c>nullable</c> beside a <c>$ref</c>, so the reference is
    /// wrapped (<c>type: object, nullable: true, allOf: [$ref]</c>).
    /// </summary>
    private static void NullableReferences(Type type, IDictionary<string, IOpenApiSchema> properties)
    {
        var nullability = new NullabilityInfoContext();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (properties.TryGetValue(JsonName(property), out var schema) && schema is OpenApiSchemaReference reference
                && !property.PropertyType.IsValueType && nullability.Create(property).ReadState == NullabilityState.Nullable)
                properties[JsonName(property)] = new OpenApiSchema { Type = JsonSchemaType.Object | JsonSchemaType.Null, AllOf = [reference] };
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
