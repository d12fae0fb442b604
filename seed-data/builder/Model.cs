namespace JudgementsApi.SeedBuilder;

public sealed record Inspection(
    string Id, string CouncilCode, string FrameworkVersion, string Type, DateOnly? StartDate, DateOnly? EndDate,
    DateOnly Published, string PublishedPrecision, string? LeadInspector, string? ReportUrl,
    string SourceKind, string Source, string? Notes);

public sealed record Judgement(string InspectionId, string AreaCode, string? Grade, string? Note);

public sealed record FocusedVisit(
    string Id, string CouncilCode, DateOnly LetterDate, DateOnly? VisitStart, DateOnly? VisitEnd,
    IReadOnlyList<string> Inspectors, string Focus, bool PriorityAction, string? ReportUrl, string Source);

public sealed record ManifestEntry(string File, string Kind, string OfstedUrn, string CouncilName, DateOnly Published, string Title, string? ReportUrl);

/// <summary>A report that is not in the dataset, and why.</summary>
public sealed record Excluded(string File, string Reason);
