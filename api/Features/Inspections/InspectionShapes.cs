namespace JudgementsApi.Features.Inspections;

public sealed record CouncilRef(string Code, string Name, string Slug);

/// <summary>An inspection as it appears in any list.</summary>
/// <remarks>Grades: area family → grade code; null where the framework grades the area but the grade is unknown; absent where it does not grade it.</remarks>
public sealed record InspectionSummary(
    string Id, CouncilRef Council, string Type, string FrameworkVersion, DateOnly? StartDate, DateOnly? EndDate,
    DateOnly Published, string PublishedPrecision, string? LeadInspector, string? ReportUrl,
    IReadOnlyDictionary<string, string?> Grades);

public sealed record AreaRef(string Code, string Name, string Family);

public sealed record GradeRef(string Code, string Label, int Rank);

public sealed record Judgement(AreaRef Area, GradeRef? Grade, string? Note);

/// <summary>Where the inspection's facts come from: the report itself, an override naming it, or a named document.</summary>
public sealed record Provenance(string SourceKind, string Source, string? ReportUrl, string PublishedPrecision, string? Notes);

public sealed record InspectionDetail(
    string Id, CouncilRef Council, string Type, string FrameworkVersion, DateOnly? StartDate, DateOnly? EndDate,
    DateOnly Published, string PublishedPrecision, string? LeadInspector, string? ReportUrl,
    IReadOnlyDictionary<string, string?> Grades, IReadOnlyList<Judgement> Judgements, Provenance Provenance);
