using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.Councils;

/// <summary>A council's identity and its headline: the latest full inspection, or null if it has none.</summary>
/// <remarks><c>opened</c> is null when the council was already in operation when DfE's list begins
/// (2009-01-01); <c>openedNote</c> then says so. <c>ofstedPageUrl</c> is its page on Ofsted's site,
/// which lists all its reports and letters.</remarks>
/// <param name="Opened">The day it began; null when it was already in operation when DfE's list begins (2009-01-01).</param>
/// <param name="OpenedNote">Why <c>opened</c> is null ("before 2009-01-01: …"); null when <c>opened</c> is a date.</param>
/// <param name="OfstedPageUrl">The council's page on Ofsted's reports site (https://reports.ofsted.gov.uk/provider/44/{urn}), listing all its reports and letters.</param>
public sealed record CouncilItem(
    string Code, string? LaCode, string? OfstedUrn, string Name, string Slug,
    [property: ClosedSet(typeof(CouncilTypes), nameof(CouncilTypes.Codes))] string Type, RegionRef Region, DateOnly? Opened,
    string? OpenedNote, DateOnly? Closed, bool Current, string? OfstedPageUrl, InspectionSummary? Latest);

public sealed record LinkedCouncil(string Code, string Name, string Slug, DateOnly Date);

public sealed record StatisticalNeighbour(int Rank, string Code, string Name, string Slug);

public sealed record CouncilCounts(int Inspections, int FocusedVisits);

/// <summary>One council in full: identity, headline, lineage, statistical neighbours and counts.</summary>
/// <param name="Opened">The day it began; null when it was already in operation when DfE's list begins (2009-01-01).</param>
/// <param name="OpenedNote">Why <c>opened</c> is null ("before 2009-01-01: …"); null when <c>opened</c> is a date.</param>
/// <param name="OfstedPageUrl">The council's page on Ofsted's reports site (https://reports.ofsted.gov.uk/provider/44/{urn}), listing all its reports and letters.</param>
public sealed record CouncilDetail(
    string Code, string? LaCode, string? OfstedUrn, string Name, string Slug,
    [property: ClosedSet(typeof(CouncilTypes), nameof(CouncilTypes.Codes))] string Type, RegionRef Region, DateOnly? Opened,
    string? OpenedNote, DateOnly? Closed, bool Current, string? OfstedPageUrl, InspectionSummary? Latest,
    IReadOnlyList<string> FormerCodes, IReadOnlyList<LinkedCouncil> Predecessors, IReadOnlyList<LinkedCouncil> Successors,
    IReadOnlyList<StatisticalNeighbour> StatisticalNeighbours, CouncilCounts Counts)
{
    /// <summary>Days since the council's latest full inspection and its latest report or letter of any kind, as at today.</summary>
    public CouncilTimeliness Timeliness { get; init; } = null!;
}

/// <summary>One row of a comparison: rank 0 is the council itself, then its statistical neighbours in DfE's order.</summary>
public sealed record NeighbourComparison(int Rank, CouncilItem Council);

public sealed record RegionItem(
    [property: ClosedSet(VocabularySet.RegionCodes)] string Code, string Name,
    [property: ClosedSet(VocabularySet.RegionSlugs)] string Slug, int Councils);
