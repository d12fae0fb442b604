using System.Text.Json;
using System.Text.Json.Serialization;
using JudgementsApi.Features.Changes;
using JudgementsApi.Features.Councils;
using JudgementsApi.Features.Dataset;
using JudgementsApi.Features.FocusedVisits;
using JudgementsApi.Features.Improvements;
using JudgementsApi.Features.Frameworks;
using JudgementsApi.Features.Index;
using JudgementsApi.Features.Inspections;
using JudgementsApi.Features.Statistics;
using JudgementsApi.Features.Visits;
using Microsoft.AspNetCore.Mvc;

namespace JudgementsApi.Infrastructure;

public static class ApiJson
{
    /// <summary>
    /// Serializers generated at build time for every response type (ApiJsonContext), on top of the
    /// web defaults: camelCase, and nulls written out (a null grade means "unknown", and says so).
    /// Reflection stays behind them for the anonymous health report inside a 503 problem.
    /// </summary>
    public static void Configure(JsonSerializerOptions options) => options.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
}

/// <summary>Every body the API writes as JSON, and the values its problem documents carry.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ApiIndex))]
[JsonSerializable(typeof(Page<CouncilItem>))]
[JsonSerializable(typeof(CouncilDetail))]
[JsonSerializable(typeof(Page<NeighbourComparison>))]
[JsonSerializable(typeof(Page<RegionItem>))]
[JsonSerializable(typeof(Page<InspectionSummary>))]
[JsonSerializable(typeof(InspectionDetail))]
[JsonSerializable(typeof(Page<FocusedVisit>))]
[JsonSerializable(typeof(FocusedVisit))]
[JsonSerializable(typeof(Page<Visit>))]
[JsonSerializable(typeof(Visit))]
[JsonSerializable(typeof(Page<Framework>))]
[JsonSerializable(typeof(Framework))]
[JsonSerializable(typeof(Page<FrameworksEndpoints.GradeWithScales>))]
[JsonSerializable(typeof(Distribution))]
[JsonSerializable(typeof(Timeline))]
[JsonSerializable(typeof(Transitions))]
[JsonSerializable(typeof(CouncilMovements))]
[JsonSerializable(typeof(Summary))]
[JsonSerializable(typeof(TimelinessStatistics))]
[JsonSerializable(typeof(DatasetInfo))]
[JsonSerializable(typeof(Page<ImprovementPoint>))]
[JsonSerializable(typeof(IReadOnlyList<ImprovementTheme>))]
[JsonSerializable(typeof(IReadOnlyList<FrameworkTag>))]
[JsonSerializable(typeof(ImprovementThemeStatistics))]
[JsonSerializable(typeof(InspectionImprovements))]
[JsonSerializable(typeof(FocusedVisitImprovements))]
[JsonSerializable(typeof(ChangesPage))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSerializable(typeof(List<ParameterError>))]
[JsonSerializable(typeof(List<CouncilSuggestion>))]
[JsonSerializable(typeof(string[]))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
