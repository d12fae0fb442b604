using System.Text.RegularExpressions;

namespace JudgementsApi.SeedBuilder.Improvements;

/// <summary>A theme of improvement points: its code, name, and the words that put a point in it.</summary>
public sealed record Theme(string Code, string Name, string Rule);

/// <summary>
/// One theme a point, by rules anyone can read and rerun: the themes are tried in the order below and
/// the first whose words the point uses wins (the narrowest topics first, so "care leavers'
/// accommodation" is tried before "care leavers"); a point using none is "other". A person who reads
/// a point the rules file wrongly sets its theme in overrides/improvement_themes.csv. The rules are
/// keyword matches, not a reading: a point about two topics gets the first.
/// </summary>
public static class Themes
{
    public const string Other = "other";

    public static readonly IReadOnlyList<Theme> All =
    [
        new("homeless_16_17", "16- and 17-year-olds who are homeless", @"homeless|16- and 17-year-old|16 and 17 year olds? who present"),
        new("exploitation_and_missing", "Exploitation and children missing",
            @"exploit|missing|extra-familial|return (home )?interview|gang|county lines|trafficking"),
        new("disabled_children", "Disabled children", @"disab"),
        new("private_fostering", "Private fostering", @"private(ly)? foster"),
        new("care_leavers_accommodation", "Care leavers' accommodation",
            @"care leaver[^.]*accommodation|accommodation[^.]*care leaver|suitable accommodation|semi-independent"),
        new("education_of_children_in_care", "Education of children in care and care leavers",
            @"virtual school|personal education plan|\bPEPs?\b|education[^.]*(looked after|in care)|(looked after|in care)[^.]*education" +
            @"|attainment|school attendance|missing education|\bNEET\b|employment, education|education, employment"),
        new("health", "Health and emotional well-being", @"health|dental|emotional well-?being|\bCAMHS\b|mental"),
        new("placement_sufficiency", "Placement sufficiency",
            // "sufficiency", or "sufficient" placements, homes, carers … ("not sufficiently clear", "sufficient capacity" are not).
            @"sufficiency|\b(in)?sufficient\b[^.]{0,40}\b(placements?|homes|foster|carers|adopters|adoptive|accommodation|residential)" +
            @"|placement (choice|stability|availability)|foster carer recruitment|recruitment of foster|unregistered" +
            @"|placements? to meet|range of placements"),
        new("pre_proceedings", "Pre-proceedings and the public law outline",
            @"pre-proceedings|public law outline|\bPLO\b|letters? before proceedings|legal planning|court proceedings|legal gateway"),
        new("permanence", "Permanence and adoption",
            @"permanen|adoption|adopters|special guardian|life-story|later life letters|reunification|return(ing)? home"),
        new("front_door", "Front door: contacts, referrals and thresholds",
            @"front door|\bMASH\b|multi-agency safeguarding hub|contacts? and referrals?|referrals?|out[- ]of[- ]hours|emergency duty" +
            @"|threshold|first response|initial response"),
        new("child_protection", "Child protection, neglect and domestic abuse",
            @"child protection|strategy (discussions|meetings)|section 47|safety plan|significant harm|\bLADO\b|designated officer" +
            @"|neglect|domestic abuse|at risk of harm"),
        new("early_help", "Early help", @"early help"),
        new("workforce", "Workforce: stability, capacity and caseloads",
            @"workforce|caseloads?|recruitment|retention|social workers' (workload|turnover)|agency (staff|social workers)" +
            @"|training|staffing|capacity of"),
        new("supervision_and_management_oversight", "Supervision and management oversight",
            @"supervision|management oversight|managers' oversight|oversight|management grip"),
        new("quality_assurance", "Quality assurance and performance management",
            @"audit|quality assurance|performance (management|information|data)|learning from|self-evaluation|scrutiny"),
        new("voice_of_the_child", "Voice of the child",
            @"voice|views|wishes and feelings|participation|direct work|advoca|lived experience"),
        new("partnership", "Partnership working",
            @"partner|multi-agency|health visitors|police|schools|safeguarding children (board|partnership)|\bLSCB\b|corporate parent"),
        new("care_leavers", "Care leavers", @"care leaver|pathway plan|leaving care|personal advis|staying put|local offer"),
        new("children_in_care", "Children in care",
            @"children in care|looked after|foster|care plans?|\bIROs?\b|independent reviewing|placement"),
        new("assessment_and_planning", "Assessment, planning and recording",
            @"assessment|plans?\b|planning|chronolog|recording|records|case (records|files)|contingency"),
        new("leadership", "Leadership and governance", @"leader|governance|strategic|elected members|political|senior managers"),
    ];

    static readonly (string Code, Regex Rule)[] Rules =
        All.Select(t => (t.Code, new Regex(t.Rule, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))).ToArray();

    /// <summary>The first theme whose words the point uses (apostrophes compared straight), or "other".</summary>
    public static string Of(string text)
    {
        var straight = text.Replace('\u2019', '\'');
        foreach (var (code, rule) in Rules)
            if (rule.IsMatch(straight)) return code;
        return Other;
    }
}
