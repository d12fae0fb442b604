namespace JudgementsApi.Features;

/// <summary>Council types: the codes of councils.csv and their names in words.</summary>
public static class CouncilTypes
{
    public const string County = "county";
    public const string Unitary = "unitary";
    public const string MetropolitanDistrict = "metropolitan_district";
    public const string LondonBorough = "london_borough";

    /// <summary>For parameter and field descriptions (an attribute's argument must be a constant).</summary>
    public const string Listed = County + ", " + Unitary + ", " + MetropolitanDistrict + " or " + LondonBorough;

    private static readonly (string Code, string Label)[] All =
    [
        (County, "County council"), (Unitary, "Unitary authority"),
        (MetropolitanDistrict, "Metropolitan district"), (LondonBorough, "London borough"),
    ];

    public static readonly string[] Codes = All.Select(t => t.Code).ToArray();

    public static string Label(string code) => All.FirstOrDefault(t => t.Code == code).Label ?? code;
}

/// <summary>Ofsted's frameworks by slug, as the descriptions of the API name them (the catalogue itself is in frameworks.csv).</summary>
public static class FrameworkSlugs
{
    public const string Ilacs = "ilacs";
    public const string Listed = "sif, " + Ilacs + ", pre-2013";
    public const string VersionExample = "ilacs-2023";
}

/// <summary>Inspection types: a heading on the pages, and a phrase for the sentences of badges, embeds and feeds.</summary>
public static class InspectionTypes
{
    private static readonly Dictionary<string, (string Heading, string Phrase)> Words = new()
    {
        ["standard"] = ("Standard inspection (ILACS)", "children's services inspection"),
        ["short"] = ("Short inspection (ILACS)", "short children's services inspection"),
        ["sif"] = ("Inspection (single inspection framework)", "single inspection framework inspection"),
        ["sif_reinspection"] = ("Re-inspection (single inspection framework)", "single inspection framework re-inspection"),
        ["pre_2013"] = ("Inspection (before 2013)", "inspection"),
        ["lscb_review"] = ("Review of the Local Safeguarding Children Board", "review of the Local Safeguarding Children Board"),
        ["cited"] = ("Inspection known from a later report", "inspection (known from a later report)"),
    };

    public static string Heading(string type) => Words.TryGetValue(type, out var w) ? w.Heading : type.Replace('_', ' ');

    public static string Phrase(string type) => Words.TryGetValue(type, out var w) ? w.Phrase : type.Replace('_', ' ') + " inspection";
}

/// <summary>
/// Area families in words: in full (page headings), short (table columns), and as badges, embeds
/// and feeds say them (where space is tight and the reader may not know Ofsted's terms).
/// </summary>
public static class AreaNames
{
    public const string Overall = "overall_effectiveness";

    private static readonly Dictionary<string, (string Full, string Short, string Badge)> Words = new()
    {
        [Overall] = ("Overall effectiveness", "Overall", "Overall effectiveness"),
        ["leadership"] = ("Leadership", "Leadership", "Leadership"),
        ["help_and_protection"] = ("Children who need help and protection", "Help and protection", "Help and protection"),
        ["children_in_care"] = ("Children in care", "Children in care", "Children in care"),
        ["care_leavers"] = ("Care leavers", "Care leavers", "Care leavers"),
        ["adoption_performance"] = ("Adoption performance", "Adoption", "Adoption"),
        ["lscb_review"] = ("Local Safeguarding Children Board", "LSCB", "Safeguarding board"),
        ["capacity_to_improve"] = ("Capacity to improve", "Capacity", "Capacity to improve"),
        ["quality_of_provision"] = ("Quality of provision", "Quality", "Quality of provision"),
    };

    public static string Full(string family) => Words.TryGetValue(family, out var w) ? w.Full : family.Replace('_', ' ');

    public static string Short(string family) => Words.TryGetValue(family, out var w) ? w.Short : family.Replace('_', ' ');

    public static string Badge(string family) =>
        Words.TryGetValue(family, out var w) ? w.Badge : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(family.Replace('_', ' '));
}
