using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.Councils;

/// <summary>A council's identity and its headline: the latest full inspection, or null if it has none.</summary>
public sealed record CouncilItem(
    string Code, string? LaCode, string? OfstedUrn, string Name, string Slug, string Type, RegionRef Region,
    DateOnly? Opened, DateOnly? Closed, bool Current, InspectionSummary? Latest);

public sealed record LinkedCouncil(string Code, string Name, string Slug, DateOnly Date);

public sealed record StatisticalNeighbour(int Rank, string Code, string Name, string Slug);

public sealed record CouncilCounts(int Inspections, int FocusedVisits);

public sealed record CouncilDetail(
    string Code, string? LaCode, string? OfstedUrn, string Name, string Slug, string Type, RegionRef Region,
    DateOnly? Opened, DateOnly? Closed, bool Current, InspectionSummary? Latest,
    IReadOnlyList<string> FormerCodes, IReadOnlyList<LinkedCouncil> Predecessors, IReadOnlyList<LinkedCouncil> Successors,
    IReadOnlyList<StatisticalNeighbour> StatisticalNeighbours, CouncilCounts Counts);

/// <summary>One row of a comparison: rank 0 is the council itself, then its statistical neighbours in DfE's order.</summary>
public sealed record NeighbourComparison(int Rank, CouncilItem Council);

public sealed record RegionItem(string Code, string Name, string Slug, int Councils);
