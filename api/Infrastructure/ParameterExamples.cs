using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace JudgementsApi.Infrastructure;

/// <summary>
/// How a query record's property appears in the OpenAPI document. Query values bind as text (so one
/// 400 can name every bad parameter); these give them their real types. Schema and example are made
/// from one typed value, so an example cannot contradict its schema.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public abstract class ParameterExampleAttribute : Attribute
{
    /// <summary>The schema, or null to keep the bound string's.</summary>
    public virtual OpenApiSchema? Schema => null;

    public abstract JsonNode Example { get; }
}

/// <summary>Free text: the schema stays the bound string.</summary>
public sealed class TextExampleAttribute(string example) : ParameterExampleAttribute
{
    public override JsonNode Example => JsonValue.Create(example);
}

public sealed class DateExampleAttribute(string example) : ParameterExampleAttribute
{
    private readonly DateOnly _example = DateOnly.ParseExact(example, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override OpenApiSchema Schema => new() { Type = JsonSchemaType.String, Format = "date" };
    public override JsonNode Example => JsonValue.Create(_example.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

public sealed class BoolExampleAttribute(bool example) : ParameterExampleAttribute
{
    public override OpenApiSchema Schema => new() { Type = JsonSchemaType.Boolean };
    public override JsonNode Example => JsonValue.Create(example);
}

public sealed class IntExampleAttribute(int example, int min, int max = int.MaxValue, int @default = int.MinValue) : ParameterExampleAttribute
{
    /// <summary>The default, when it is not given positionally.</summary>
    public int Default { get; init; } = @default;

    public override OpenApiSchema Schema => new()
    {
        Type = JsonSchemaType.Integer, Format = "int32", Minimum = min.ToString(CultureInfo.InvariantCulture),
        Maximum = max == int.MaxValue ? null : max.ToString(CultureInfo.InvariantCulture),
        Default = Default == int.MinValue ? null : JsonValue.Create(Default),
    };

    public override JsonNode Example => JsonValue.Create(example);
}

/// <summary>format: json or csv (checked by content negotiation, <see cref="Negotiation"/>).</summary>
public sealed class FormatExampleAttribute : ParameterExampleAttribute
{
    public override OpenApiSchema Schema => new()
    {
        Type = JsonSchemaType.String, Enum = [JsonValue.Create("json"), JsonValue.Create("csv")], Default = JsonValue.Create("json"),
    };

    public override JsonNode Example => JsonValue.Create("csv");
}
