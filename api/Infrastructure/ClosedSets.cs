using System.Reflection;
using System.Text.Json.Nodes;
using JudgementsApi.Features;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace JudgementsApi.Infrastructure;

/// <summary>The codes of the dataset being served that a value may take (its vocabulary, themes and tags).</summary>
public enum VocabularySet
{
    /// <summary>An area filter: a family or one area code.</summary>
    Areas,
    Grades,
    /// <summary>A framework filter: a framework or one of its versions.</summary>
    Frameworks,
    InspectionTypes,
    /// <summary>A region filter: ONS code or slug.</summary>
    Regions,
    Families,
    AreaCodes,
    FrameworkIds,
    FrameworkVersions,
    RegionCodes,
    RegionSlugs,
    Themes,
    Tags,
    /// <summary>A tag filter: a tag code or "untagged".</summary>
    TagFilters,
}

/// <summary>
/// The closed sets of values the code declares, read where they are declared: a static string
/// collection of a type (the one the code checks or writes with), or the dataset's codes. Parameters
/// (<see cref="OneOfExampleAttribute"/>, <see cref="VocabularyExampleAttribute"/>) and response
/// properties (<see cref="ClosedSetAttribute"/>) take their <c>enum</c> from here, so no list is typed twice.
/// </summary>
public static class ClosedSets
{
    private const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>A static string collection (or dictionary, by its keys) of <paramref name="owner"/> named <paramref name="member"/>.</summary>
    public static IReadOnlyList<string> Of(Type owner, string member) =>
        (owner.GetField(member, Static)?.GetValue(null) ?? owner.GetProperty(member, Static)?.GetValue(null)) switch
        {
            System.Collections.IDictionary map => map.Keys.Cast<string>().ToList(),
            IEnumerable<string> values => values.ToList(),
            _ => throw new InvalidOperationException($"{owner.Name}.{member} is not a static set of strings."),
        };

    /// <summary>The codes of the dataset being served, or null before one is loaded.</summary>
    public static IReadOnlyList<string>? Of(VocabularySet set, DatasetSnapshot? snapshot)
    {
        if (snapshot?.Vocabulary is not { } v) return null;
        return set switch
        {
            VocabularySet.Areas => v.AreaNames,
            VocabularySet.Grades => v.Grades,
            VocabularySet.Frameworks => [.. v.Frameworks.Concat(v.FrameworkVersions).Distinct()],
            VocabularySet.InspectionTypes => v.InspectionTypes,
            VocabularySet.Regions => v.RegionNames,
            VocabularySet.Families => v.Families,
            VocabularySet.AreaCodes => v.AreaCodes,
            VocabularySet.FrameworkIds => v.Frameworks,
            VocabularySet.FrameworkVersions => v.FrameworkVersions,
            VocabularySet.RegionCodes => [.. v.Regions.Select(r => r.Code)],
            VocabularySet.RegionSlugs => [.. v.Regions.Select(r => r.Slug)],
            VocabularySet.Themes => [.. snapshot.Improvements.Themes.Select(t => t.Code)],
            VocabularySet.Tags => [.. snapshot.Improvements.Tags.Select(t => t.Code)],
            _ => [.. snapshot.Improvements.Tags.Select(t => t.Code), Features.Improvements.ImprovementReader.Untagged],
        };
    }

    /// <summary>A string schema whose values are <paramref name="values"/>.</summary>
    public static OpenApiSchema Enum(IEnumerable<string> values) =>
        new() { Type = JsonSchemaType.String, Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList() };
}

/// <summary>
/// A response property (a string, or the items of a list, or the values of a map) whose values come
/// from a closed set: a static string collection of <c>owner</c> named <c>member</c> (with any
/// <c>also</c> values), or a set of the dataset's codes. <see cref="ClosedSetSchemas"/> makes it an <c>enum</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ClosedSetAttribute : Attribute
{
    private readonly Func<DatasetSnapshot?, IReadOnlyList<string>?> _values;

    public ClosedSetAttribute(Type owner, string member, params string[] also) =>
        _values = _ => [.. ClosedSets.Of(owner, member), .. also];

    public ClosedSetAttribute(VocabularySet set) => _values = snapshot => ClosedSets.Of(set, snapshot);

    /// <summary>The values for the dataset being served; null when they depend on a dataset not yet loaded.</summary>
    public IReadOnlyList<string>? Values(DatasetSnapshot? snapshot) => _values(snapshot);
}

/// <summary>
/// Every response property marked <see cref="ClosedSetAttribute"/> gets its set as an <c>enum</c>
/// (on the items of a list, the values of a map). OpenAPI 3.0.3 says <c>nullable</c> does not widen
/// an <c>enum</c>, so a nullable one lists <c>null</c> among its values.
/// </summary>
public sealed class ClosedSetSchemas(DatasetState dataset) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties }) return;
        if (context.Type.Namespace?.StartsWith(nameof(JudgementsApi), StringComparison.Ordinal) != true) return;
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<ClosedSetAttribute>() is not { } set) continue;
            var name = RequiredProperties.JsonName(property);
            var target = properties.TryGetValue(name, out var found) && found is OpenApiSchema writable ? ValuesOf(writable) : null;
            if (target?.Type is not { } type || (type & JsonSchemaType.String) == 0)
                throw new InvalidOperationException($"{context.Type.Name}.{property.Name} is marked as a closed set but has no string schema.");
            if (set.Values(dataset.Snapshot) is not { } values) continue;
            target.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
            if ((type & JsonSchemaType.Null) != 0) target.Enum.Add(null!);
        }
    }

    /// <summary>The schema the values are in: the property's own, its items' or its map's values'.</summary>
    private static OpenApiSchema? ValuesOf(OpenApiSchema property) => property switch
    {
        { Items: OpenApiSchema items } => items,
        { AdditionalProperties: OpenApiSchema values } => values,
        _ => property,
    };
}
