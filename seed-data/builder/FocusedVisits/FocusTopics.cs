using System.Text.RegularExpressions;

namespace JudgementsApi.SeedBuilder.FocusedVisits;

/// <summary>
/// The canonical focus phrases, in our own words, and the cues that recognise each in a letter's
/// "Inspectors looked at …" statement. The single place to change the vocabulary.
/// </summary>
public static partial class FocusTopics
{
    public const string FrontDoor = "the front door (contact, referral and assessment)";
    public const string ChildrenInNeedAndProtection = "children in need and subject to child protection plans";
    public const string ChildrenInCare = "children in care";
    public const string Permanence = "arrangements for achieving permanence";
    public const string CareLeavers = "care leavers";
    public const string DisabledChildren = "disabled children";
    public const string Adolescents = "vulnerable adolescents and extra-familial harm";
    public const string UnaccompaniedChildren = "unaccompanied asylum-seeking children";
    public const string Pandemic = "impact of the pandemic (2020-21 visits)";
    public const string Unrecognised = "children's services (focus not recognised)";

    /// <summary>Every phrase the parser can return.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        FrontDoor, ChildrenInNeedAndProtection, ChildrenInCare, Permanence, CareLeavers,
        DisabledChildren, Adolescents, UnaccompaniedChildren, Pandemic, Unrecognised,
    ];

    // Cue patterns per topic. The topic whose cue appears first in the statement wins, since
    // letters name the main subject first and then list what it covered. Generic cues ("help and
    // protection") frame many statements, so they count only when no specific cue appears.
    private static readonly (string Topic, Regex Cue, bool Generic)[] Cues =
    [
        (FrontDoor, Cue(@"front[- ]door|first point of contact|contacts?,? (?:and |or )?referrals?|responding to contacts|receiving (?:and responding to )?(?:contacts|referrals)|multi-agency safeguarding hub|\bMASH\b|initial response"), false),
        (Adolescents, Cue(@"extra-familial|exploitation|adolescen|young people (?:who are )?aged (?:between )?1[0-7]"), false),
        (UnaccompaniedChildren, Cue(@"unaccompanied asylum"), false),
        (DisabledChildren, Cue(@"disabled children|children with (?:a )?disabilit"), false),
        (Permanence, Cue(@"permanen(?:ce|cy)|adoption|special guardianship"), false),
        (CareLeavers, Cue(@"care leavers?|leaving care|care-experienced|care experienced"), false),
        (ChildrenInCare, Cue(@"children (?:in|and young people in) care|(?:come|coming|came|enter|entering|entry) (?:into|to) care|looked[- ]after|placement decision|children we care for|children who are cared for"), false),
        (ChildrenInNeedAndProtection, Cue(@"child(?:ren)?[- ]in[- ]need|child[- ]protection|protection plans?|pre-?\s?proceedings|letter before proceedings|Public Law Outline"), false),
        (ChildrenInNeedAndProtection, Cue(@"help and protection|need(?:ing)? help|protection of (?:vulnerable )?children"), true),
    ];

    private static Regex Cue(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The topic named first in <paramref name="statement"/>, or null.</summary>
    public static string? Recognise(string statement) =>
        Earliest(statement, generic: false) ?? Earliest(statement, generic: true);

    private static string? Earliest(string statement, bool generic)
    {
        string? best = null;
        var bestIndex = int.MaxValue;
        foreach (var (topic, cue, isGeneric) in Cues)
        {
            if (isGeneric != generic) continue;
            var m = cue.Match(statement);
            if (m.Success && m.Index < bestIndex) { best = topic; bestIndex = m.Index; }
        }
        return best;
    }
}
