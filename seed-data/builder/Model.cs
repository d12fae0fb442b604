namespace JudgementsApi.SeedBuilder;

public sealed record Inspection(
    string Id, string CouncilCode, string FrameworkVersion, string Type, DateOnly? StartDate, DateOnly? EndDate,
    DateOnly Published, string PublishedPrecision, string? LeadInspector, string? ReportUrl,
    string SourceKind, string Source, string? Notes);

/// <summary>One area's judgement. <paramref name="Status"/>: graded, not_judged, not_covered or unknown.
/// <paramref name="Evidence"/>: the words of <paramref name="EvidenceDocument"/> that state it, from line <paramref name="EvidenceLine"/>.</summary>
public sealed record Judgement(string InspectionId, string AreaCode, string? Grade, string? Note,
    string Status = "unknown", string? Evidence = null, string? EvidenceDocument = null, int? EvidenceLine = null);

public sealed record FocusedVisit(
    string Id, string CouncilCode, DateOnly LetterDate, DateOnly? VisitStart, DateOnly? VisitEnd,
    IReadOnlyList<string> Inspectors, string Focus, bool PriorityAction, string? ReportUrl, string Source,
    string LetterDateSource = "letter", string PriorityActionKind = "none", IReadOnlyList<FocusedVisits.PriorityArea>? PriorityAreas = null,
    string? FocusText = null, FocusedVisits.DateCorrection? Correction = null);

public sealed record ManifestEntry(string File, string Kind, string OfstedUrn, string CouncilName, DateOnly Published, string Title, string? ReportUrl);

/// <summary>A report that is not in the dataset, and why.</summary>
public sealed record Excluded(string File, string Reason);
