using System.Text.Json;
using System.Text.Json.Serialization;
using JudgementsApi.Features.Councils;
using JudgementsApi.Features.Dataset;
using JudgementsApi.Features.FocusedVisits;
using JudgementsApi.Features.Frameworks;
using JudgementsApi.Features.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace JudgementsApi.Infrastructure;

public static class ApiJson
{
    /// <summary>
    /// camelCase properties, nulls written out (a null grade means "unknown", and says so), and
    /// serializers generated at build time for the response types; anything else falls back to reflection.
    /// </summary>
    /// <param name="sourceGenerated">Off only to measure what it buys (Judgements:SourceGeneratedJson=false).</param>
    public static void Configure(JsonSerializerOptions options, bool sourceGenerated = true)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        if (sourceGenerated) options.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Page<CouncilItem>))]
[JsonSerializable(typeof(CouncilDetail))]
[JsonSerializable(typeof(Page<NeighbourComparison>))]
[JsonSerializable(typeof(Page<RegionItem>))]
[JsonSerializable(typeof(Page<InspectionSummary>))]
[JsonSerializable(typeof(InspectionDetail))]
[JsonSerializable(typeof(Page<FocusedVisit>))]
[JsonSerializable(typeof(FocusedVisit))]
[JsonSerializable(typeof(Page<Framework>))]
[JsonSerializable(typeof(Framework))]
[JsonSerializable(typeof(Page<FrameworksEndpoints.GradeWithScales>))]
[JsonSerializable(typeof(DatasetInfo))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSerializable(typeof(ParameterError))]
[JsonSerializable(typeof(List<ParameterError>))]
[JsonSerializable(typeof(List<CouncilSuggestion>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
