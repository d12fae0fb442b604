using System.Text.Json;
using System.Text.Json.Serialization;

namespace JudgementsApi.Infrastructure;

public static class ApiJson
{
    /// <summary>camelCase properties (the web defaults), nulls written out: a null grade means "unknown", and says so.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }
}
