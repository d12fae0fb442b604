namespace JudgementsApi.SeedBuilder;

public sealed record Grade(string Code, string Label, int Rank);
public sealed record Framework(string Slug, string Name, string Description);
public sealed record FrameworkVersion(
    string Slug, string Framework, string Name, DateOnly EffectiveFrom, DateOnly? EffectiveTo,
    IReadOnlyList<string> GradeScale, string? SourceUrl, string Notes);
public sealed record JudgementArea(string Code, string Name, string Family, string Description);
public sealed record VersionArea(string FrameworkVersion, string AreaCode, int DisplayOrder, string? ParentAreaCode);

/// <summary>Hand-written reference data: grades, frameworks, versions and the areas each version grades.
/// Effective dates refer to when inspections under the version began (on-site start date).</summary>
public static class Frameworks
{
    const string IlacsUrl = "https://www.gov.uk/government/publications/inspecting-local-authority-childrens-services-from-2018";

    public static readonly IReadOnlyList<Grade> Grades =
    [
        new("outstanding", "Outstanding", 1),
        new("good", "Good", 2),
        new("adequate", "Adequate", 3),
        new("requires_improvement", "Requires improvement to be good", 3),
        new("inadequate", "Inadequate", 4),
    ];

    public static readonly IReadOnlyList<Framework> All =
    [
        new("ilacs", "Inspecting local authority children's services (ILACS)",
            "Ofsted's framework for inspecting English councils' children's services from January 2018: standard and short inspections, with focused visits and monitoring visits between inspections."),
        new("pre-2013", "Inspections before the single inspection framework",
            "Ofsted's inspections of councils' children's services before November 2013, such as inspections of looked after children services and of safeguarding and looked after children services, graded outstanding, good, adequate or inadequate."),
        new("sif", "Single inspection framework (SIF)",
            "Ofsted's inspection of services for children in need of help and protection, children looked after and care leavers, November 2013 to 2018, usually combined with a review of the Local Safeguarding Children Board."),
    ];

    // The scale of every version since the single inspection framework: "requires improvement to be good" replaced "adequate".
    static readonly string[] ScaleSince2013 = ["outstanding", "good", "requires_improvement", "inadequate"];

    static FrameworkVersion Ilacs(string slug, string name, DateOnly from, DateOnly? to, string notes)
        => new(slug, "ilacs", name, from, to, ScaleSince2013, IlacsUrl, notes);

    public static readonly IReadOnlyList<FrameworkVersion> Versions =
    [
        new("pre-2013", "pre-2013", "Pre-2013 inspections", new DateOnly(2009, 6, 1), new DateOnly(2013, 10, 31),
            ["outstanding", "good", "adequate", "inadequate"], null,
            "Covers the programmes that preceded the single inspection framework (for example inspections of looked after children services, 2012-2013). The start date is approximate. The areas listed are those of the inspection of looked after children services, the only pre-2013 report family in the source reports."),
        new("sif", "sif", "Single inspection framework", new DateOnly(2013, 11, 1), new DateOnly(2018, 12, 31), ScaleSince2013, null,
            "Framework and evaluation schedule for the inspections of services for children in need of help and protection, children looked after and care leavers (Ofsted reference 130216). Re-inspections of councils judged inadequate continued into 2018, overlapping ILACS. The LSCB review was a separate statutory review usually published in the same report."),
        Ilacs("ilacs-2018", "ILACS 2018", new DateOnly(2018, 1, 1), new DateOnly(2022, 12, 31),
            "Children in care and care leavers judged together."),
        Ilacs("ilacs-2023", "ILACS 2023", new DateOnly(2023, 1, 1), new DateOnly(2026, 3, 31),
            "From January 2023 the experiences and progress of care leavers is a separate judgement from children in care."),
        Ilacs("ilacs-2026", "ILACS 2026", new DateOnly(2026, 4, 1), null,
            "From April 2026 reports no longer give an overall effectiveness judgement."),
    ];

    public static readonly IReadOnlyList<JudgementArea> Areas =
    [
        new("pre2013_overall_effectiveness", "Overall effectiveness", "overall_effectiveness",
            "Overall effectiveness under a pre-2013 framework; in an inspection of looked after children services, the overall effectiveness of services for looked after children and young people."),
        new("pre2013_capacity_to_improve", "Capacity to improve", "capacity_to_improve",
            "The council's capacity to improve its services (pre-2013 inspections)."),
        new("pre2013_lac_outcomes", "Outcomes for looked after children and young people", "children_in_care",
            "Outcomes for looked after children and young people (pre-2013 inspection of looked after children services)."),
        new("pre2013_lac_quality_of_provision", "Quality of provision", "quality_of_provision",
            "Quality of provision for looked after children (pre-2013 inspection of looked after children services)."),
        new("pre2013_lac_leadership", "Leadership and management", "leadership",
            "Leadership and management of services for looked after children (pre-2013 inspection of looked after children services)."),
        new("sif_overall_effectiveness", "Overall effectiveness", "overall_effectiveness",
            "Overall effectiveness of children's services (single inspection framework)."),
        new("sif_help_and_protection", "Children who need help and protection", "help_and_protection",
            "The experiences and progress of children who need help and protection (single inspection framework)."),
        new("sif_children_looked_after", "Children looked after and achieving permanence", "children_in_care",
            "The experiences and progress of children looked after and achieving permanence (single inspection framework)."),
        new("sif_adoption_performance", "Adoption performance", "adoption_performance",
            "Adoption performance, a graded sub-judgement of children looked after and achieving permanence."),
        new("sif_care_leavers", "Experiences and progress of care leavers", "care_leavers",
            "The experiences and progress of care leavers, a graded sub-judgement of children looked after and achieving permanence."),
        new("sif_leadership", "Leadership, management and governance", "leadership",
            "Leadership, management and governance (single inspection framework)."),
        new("sif_lscb_effectiveness", "Effectiveness of the Local Safeguarding Children Board", "lscb_review",
            "The effectiveness of the Local Safeguarding Children Board, from the LSCB review carried out alongside (or separately from) the SIF inspection."),
        new("ilacs_overall_effectiveness", "Overall effectiveness", "overall_effectiveness",
            "Overall effectiveness of the council's children's services (ILACS, until March 2026)."),
        new("ilacs_impact_of_leaders", "The impact of leaders on social work practice with children and families", "leadership",
            "The impact of leaders on social work practice with children and families (ILACS)."),
        new("ilacs_help_and_protection", "The experiences and progress of children who need help and protection", "help_and_protection",
            "The experiences and progress of children who need help and protection (ILACS)."),
        new("ilacs_children_in_care_and_care_leavers", "The experiences and progress of children in care and care leavers", "children_in_care",
            "The experiences and progress of children in care and care leavers, one judgement (ILACS 2018 to 2022)."),
        new("ilacs_children_in_care", "The experiences and progress of children in care", "children_in_care",
            "The experiences and progress of children in care (ILACS from January 2023)."),
        new("ilacs_care_leavers", "The experiences and progress of care leavers", "care_leavers",
            "The experiences and progress of care leavers, a separate judgement (ILACS from January 2023)."),
    ];

    public static readonly IReadOnlyList<VersionArea> VersionAreas =
    [
        new("pre-2013", "pre2013_overall_effectiveness", 1, null),
        new("pre-2013", "pre2013_capacity_to_improve", 2, null),
        new("pre-2013", "pre2013_lac_outcomes", 3, null),
        new("pre-2013", "pre2013_lac_quality_of_provision", 4, null),
        new("pre-2013", "pre2013_lac_leadership", 5, null),
        new("sif", "sif_overall_effectiveness", 1, null),
        new("sif", "sif_help_and_protection", 2, null),
        new("sif", "sif_children_looked_after", 3, null),
        new("sif", "sif_adoption_performance", 4, "sif_children_looked_after"),
        new("sif", "sif_care_leavers", 5, "sif_children_looked_after"),
        new("sif", "sif_leadership", 6, null),
        new("sif", "sif_lscb_effectiveness", 7, null),
        new("ilacs-2018", "ilacs_overall_effectiveness", 1, null),
        new("ilacs-2018", "ilacs_impact_of_leaders", 2, null),
        new("ilacs-2018", "ilacs_help_and_protection", 3, null),
        new("ilacs-2018", "ilacs_children_in_care_and_care_leavers", 4, null),
        new("ilacs-2023", "ilacs_overall_effectiveness", 1, null),
        new("ilacs-2023", "ilacs_impact_of_leaders", 2, null),
        new("ilacs-2023", "ilacs_help_and_protection", 3, null),
        new("ilacs-2023", "ilacs_children_in_care", 4, null),
        new("ilacs-2023", "ilacs_care_leavers", 5, null),
        new("ilacs-2026", "ilacs_impact_of_leaders", 1, null),
        new("ilacs-2026", "ilacs_help_and_protection", 2, null),
        new("ilacs-2026", "ilacs_children_in_care", 3, null),
        new("ilacs-2026", "ilacs_care_leavers", 4, null),
    ];

    public static FrameworkVersion Version(string slug) => Versions.Single(v => v.Slug == slug);

    public static IReadOnlyList<string> AreasOf(string version) =>
        VersionAreas.Where(a => a.FrameworkVersion == version).OrderBy(a => a.DisplayOrder).Select(a => a.AreaCode).ToList();
}
