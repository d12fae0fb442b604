namespace JudgementsApi.Features.Download;

/// <summary>What each exported table and column means (seed-data/FORMAT.md, in short).</summary>
public static class FieldDescriptions
{
    private static readonly Dictionary<string, string> Tables = new()
    {
        ["regions"] = "The nine English regions.",
        ["councils"] = "English councils with children's services responsibilities, current and former.",
        ["council_successions"] = "Which council replaced which, and from when.",
        ["statistical_neighbours"] = "Each council's ten statistical neighbours in DfE's order.",
        ["grades"] = "The grades Ofsted's frameworks use.",
        ["frameworks"] = "Ofsted's inspection frameworks for councils' children's services.",
        ["framework_versions"] = "Versions of the frameworks: dates in force and grade scale.",
        ["judgement_areas"] = "The areas a framework judges, each in a family that compares across frameworks.",
        ["framework_version_areas"] = "Which areas each framework version grades, in display order.",
        ["inspections"] = "Every published inspection, with where its facts come from.",
        ["judgements"] = "One row for every area an inspection's framework grades: the grade, or why it is unknown.",
        ["focused_visits"] = "Ofsted's focused visits (ungraded) and whether they named areas for priority action.",
    };

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["regions.code"] = "ONS region code (E12000005).",
        ["regions.name"] = "Region name.",
        ["regions.slug"] = "Lower-case hyphenated name, unique.",
        ["councils.code"] = "The council's current (or, for a former council, last) ONS code, e.g. E06000051.",
        ["councils.la_code"] = "DfE three-digit local authority code.",
        ["councils.ofsted_urn"] = "Ofsted's unique reference number for the council's children's services.",
        ["councils.name"] = "Council name.",
        ["councils.slug"] = "Lower-case hyphenated name, unique (dorset-county-council for the former county).",
        ["councils.type"] = CouncilTypes.Listed + ".",
        ["councils.region_code"] = "ONS code of the council's region.",
        ["councils.opened"] = "First day of operation (dates before 2009 are not recorded).",
        ["councils.closed"] = "Last day of operation; empty for a current council.",
        ["councils.former_codes"] = "Earlier ONS codes of the same council.",
        ["council_successions.predecessor_code"] = "The council that was replaced.",
        ["council_successions.successor_code"] = "The council that replaced it.",
        ["council_successions.date"] = "The day the successor took over.",
        ["statistical_neighbours.council_code"] = "The council.",
        ["statistical_neighbours.rank"] = "1 to 10, in DfE's order (1 is the closest).",
        ["statistical_neighbours.neighbour_code"] = "The neighbouring council.",
        ["grades.code"] = "Grade code (outstanding, good, adequate, requires_improvement, inadequate).",
        ["grades.label"] = "The grade as Ofsted writes it.",
        ["grades.rank"] = "1 is best; adequate and requires improvement share rank 3.",
        ["frameworks.slug"] = "Framework identifier.",
        ["frameworks.name"] = "Framework name.",
        ["frameworks.description"] = "What the framework inspects.",
        ["framework_versions.slug"] = "Version identifier (pre-2013, sif, ilacs-2018, ilacs-2023, ilacs-2026).",
        ["framework_versions.framework"] = "The framework it is a version of.",
        ["framework_versions.name"] = "Version name.",
        ["framework_versions.effective_from"] = "First day the version applied.",
        ["framework_versions.effective_to"] = "Last day it applied; empty while in force.",
        ["framework_versions.grade_scale"] = "The grade codes the version uses, best first.",
        ["framework_versions.source_url"] = "Ofsted's publication of the framework.",
        ["framework_versions.notes"] = "Notes on the version.",
        ["judgement_areas.code"] = "Area code (e.g. ilacs_help_and_protection).",
        ["judgement_areas.name"] = "The area as Ofsted names it.",
        ["judgement_areas.family"] = "The family that compares the area across frameworks (overall_effectiveness, help_and_protection, …).",
        ["judgement_areas.description"] = "What the area covers.",
        ["framework_version_areas.framework_version"] = "The framework version.",
        ["framework_version_areas.area_code"] = "An area it grades.",
        ["framework_version_areas.display_order"] = "Order in which reports present the area.",
        ["framework_version_areas.parent_area_code"] = "For a sub-judgement, the area it belongs to.",
        ["inspections.id"] = "<council slug>-<published>, e.g. shropshire-2017-11-24.",
        ["inspections.council_code"] = "The council inspected.",
        ["inspections.framework_version"] = "The framework version it was made under.",
        ["inspections.type"] = "pre_2013, sif, sif_reinspection, standard, short or lscb_review.",
        ["inspections.start_date"] = "First day on site.",
        ["inspections.end_date"] = "Last day on site.",
        ["inspections.published"] = "Publication date of the report (see published_precision).",
        ["inspections.published_precision"] = "day, month or year: how precisely the source gives the publication date.",
        ["inspections.lead_inspector"] = "Lead inspector named in the report.",
        ["inspections.report_url"] = "Ofsted's report.",
        ["inspections.source_kind"] = "report (read from the report), override (stated by a person from the named report) or news (a named document).",
        ["inspections.source"] = "The report file or document the facts come from.",
        ["inspections.notes"] = "Notes on the inspection or its source.",
        ["judgements.inspection_id"] = "The inspection.",
        ["judgements.area_code"] = "The area judged.",
        ["judgements.grade"] = "Grade code; empty when the grade is unknown (then note says why).",
        ["judgements.note"] = "Why a grade is unknown, or a remark on it.",
        ["focused_visits.id"] = "<council slug>-<letter date>-fv.",
        ["focused_visits.council_code"] = "The council visited.",
        ["focused_visits.letter_date"] = "Date of Ofsted's letter.",
        ["focused_visits.visit_start"] = "First day of the visit.",
        ["focused_visits.visit_end"] = "Last day of the visit.",
        ["focused_visits.inspectors"] = "Inspectors named in the letter.",
        ["focused_visits.focus"] = "What the visit looked at, in our own words.",
        ["focused_visits.priority_action"] = "true when Ofsted named areas for priority action.",
        ["focused_visits.report_url"] = "Ofsted's letter.",
        ["focused_visits.source"] = "The letter file the facts come from.",
    };

    public static string ForTable(string table) => Tables.GetValueOrDefault(table, $"The {table.Replace('_', ' ')} table; see FORMAT.md.");

    /// <summary>A column added later without a description here still gets one pointing at FORMAT.md.</summary>
    public static string For(string table, string column, bool isList) =>
        (Fields.TryGetValue($"{table}.{column}", out var text) ? text : $"{column.Replace('_', ' ')}; see FORMAT.md.")
        + (isList ? " A list: items separated by ';'." : "");
}
