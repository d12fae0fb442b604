namespace JudgementsApi.Features.Inspections;

public sealed record CouncilRef(string Code, string Name, string Slug);

/// <summary>An inspection as it appears in any list.</summary>
/// <remarks>Grades: area family → grade code; null where the framework grades the area but there is no grade,
/// and then <c>missingGrades</c> says why (not_judged, not_covered or unknown); absent where the framework does
/// not grade it. <c>sourceKind</c>: report, override, news or cited (a former council's judgement stated by a
/// later report). <c>ofstedPageUrl</c>: the council's page on Ofsted's site, listing all its reports.</remarks>
/// <param name="Type">standard, short, sif, sif_reinspection, pre_2013, lscb_review, or cited (known only from a later report's citation, which does not give the type).</param>
/// <param name="PublishedPrecision">day, month or year: a month or year means the source gives no more (published is then the period's first day).</param>
/// <param name="ReportUrl">The report on Ofsted's file server; null when unknown (a cited or news-sourced judgement).</param>
/// <param name="OfstedPageUrl">The council's page on Ofsted's reports site, listing all its reports.</param>
/// <param name="SourceKind">report, override, news or cited (a former council's judgement stated by a later report).</param>
/// <param name="Grades">Area family → grade code; null where the framework grades the area but there is no grade (see missingGrades).</param>
/// <param name="MissingGrades">Area family → why its grade is null: not_judged (the report says so), not_covered (the report did not cover the area) or unknown (judged; the source does not give the grade).</param>
/// <param name="Timeliness">How long the report took to publish, and how long since the council's previous full inspection.</param>
public sealed record InspectionSummary(
    string Id, CouncilRef Council, [property: ClosedSet(VocabularySet.InspectionTypes)] string Type,
    [property: ClosedSet(VocabularySet.FrameworkVersions)] string FrameworkVersion, DateOnly? StartDate, DateOnly? EndDate,
    DateOnly Published, [property: ClosedSet(typeof(Import.SeedSet), "Precisions")] string PublishedPrecision, string? LeadInspector,
    string? ReportUrl, string? OfstedPageUrl, [property: ClosedSet(typeof(Import.SeedSet), "SourceKinds")] string SourceKind,
    [property: ClosedSet(VocabularySet.Grades)] IReadOnlyDictionary<string, string?> Grades,
    [property: ClosedSet(typeof(AreaStates), nameof(AreaStates.MissingCodes))] IReadOnlyDictionary<string, string> MissingGrades,
    InspectionTimeliness Timeliness);

/// <summary>
/// Intervals counted from the dates the dataset holds (nothing predicted): days from the last day on site to
/// publication, and days from the publication of the same council's previous full inspection (not an LSCB
/// review; not a predecessor council's) to this one's publication. A count is null when a date it needs is
/// missing or known only to the month or year.
/// </summary>
/// <param name="DaysToPublication">Days from the inspection's last day on site (endDate) to its publication; null when endDate is unknown or published is not known to the day.</param>
/// <param name="PreviousFullInspectionId">The council's full inspection published before this one, most recent first; null when it has none in the dataset.</param>
/// <param name="DaysSincePreviousFullInspection">Days from that inspection's publication to this one's; null when there is none or either date is not known to the day.</param>
public sealed record InspectionTimeliness(int? DaysToPublication, string? PreviousFullInspectionId, int? DaysSincePreviousFullInspection);

public sealed record AreaRef(
    [property: ClosedSet(VocabularySet.AreaCodes)] string Code, string Name, [property: ClosedSet(VocabularySet.Families)] string Family);

/// <summary>The words that state a judgement, and where they are.</summary>
/// <param name="Text">The report's words: its judgement table's row, or the sentence that gives the grade.</param>
/// <param name="Document">The file the words are in (the report's text; for a cited judgement, the citing report).</param>
/// <param name="Line">The line of that text where the words start.</param>
/// <param name="DocumentUrl">The document on Ofsted's file server, where known.</param>
public sealed record Evidence(string Text, string Document, int? Line, string? DocumentUrl);

/// <summary>
/// One area's judgement. <c>status</c>: graded; not_judged (the report says the area was not judged);
/// not_covered (the report did not cover the area); unknown (judged, but the source does not give the grade).
/// </summary>
/// <param name="Status">graded, not_judged, not_covered or unknown.</param>
/// <param name="Note">Why there is no grade, in words; null when graded.</param>
/// <param name="Evidence">The report's words that state the judgement and where they are; null when there is no grade and no words to quote.</param>
public sealed record Judgement(
    AreaRef Area, Grade? Grade, [property: ClosedSet(typeof(AreaStates), nameof(AreaStates.JudgementCodes))] string Status,
    string? Note, Evidence? Evidence);

/// <summary>Where the inspection's facts come from: the report itself, an override naming it, a named document, or (cited) a later report that states it.</summary>
public sealed record Provenance(
    [property: ClosedSet(typeof(Import.SeedSet), "SourceKinds")] string SourceKind, string Source, string? ReportUrl,
    [property: ClosedSet(typeof(Import.SeedSet), "Precisions")] string PublishedPrecision, string? Notes);

/// <summary>One inspection in full: every judgement with its status and evidence, and where the facts came from.</summary>
/// <param name="OfstedPageUrl">The council's page on Ofsted's reports site, listing all its reports.</param>
/// <param name="SourceKind">report, override, news or cited.</param>
/// <param name="MissingGrades">Area family → why its grade is null: not_judged, not_covered or unknown.</param>
/// <param name="Timeliness">How long the report took to publish, and how long since the council's previous full inspection.</param>
public sealed record InspectionDetail(
    string Id, CouncilRef Council, [property: ClosedSet(VocabularySet.InspectionTypes)] string Type,
    [property: ClosedSet(VocabularySet.FrameworkVersions)] string FrameworkVersion, DateOnly? StartDate, DateOnly? EndDate,
    DateOnly Published, [property: ClosedSet(typeof(Import.SeedSet), "Precisions")] string PublishedPrecision, string? LeadInspector,
    string? ReportUrl, string? OfstedPageUrl, [property: ClosedSet(typeof(Import.SeedSet), "SourceKinds")] string SourceKind,
    [property: ClosedSet(VocabularySet.Grades)] IReadOnlyDictionary<string, string?> Grades,
    [property: ClosedSet(typeof(AreaStates), nameof(AreaStates.MissingCodes))] IReadOnlyDictionary<string, string> MissingGrades,
    InspectionTimeliness Timeliness, IReadOnlyList<Judgement> Judgements, Provenance Provenance);
