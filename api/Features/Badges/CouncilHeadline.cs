using JudgementsApi.Features.Councils;
using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.Badges;

/// <summary>
/// What a badge, an embed or a feed entry says about a council: its latest full inspection (or
/// that it has none yet), and for a former council which councils replaced it. Shared so the
/// pictures and the words never disagree.
/// </summary>
public sealed record CouncilHeadline(CouncilItem Council, IReadOnlyList<LinkedCouncil> Successors)
{
    public InspectionSummary? Latest => Council.Latest;

    /// <summary>Frameworks before April 2026 lead with overall effectiveness; ILACS 2026 has none (null).</summary>
    public AreaGrade? Overall => Latest is not null && Latest.Grades.ContainsKey(AreaNames.Overall) ? AreaGrade.Of(Latest, AreaNames.Overall) : null;

    /// <summary>The other judgements, in the API's family order.</summary>
    public IReadOnlyList<AreaGrade> OtherGrades =>
        Latest is null ? [] : AreaGrade.All(Latest).Where(g => g.Family != AreaNames.Overall).ToList();

    public static CouncilHeadline? Load(DatasetSnapshot snapshot, string id) =>
        snapshot.FindCouncil(id) is { } found ? new CouncilHeadline(found.Item, found.Successors) : null;

    /// <summary>"Shropshire: good overall effectiveness…" in words, for titles, alt text and screen readers.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (!Council.Current)
            parts.Add($"{Council.Name} is a former council{(Council.Closed is { } closed ? $", closed on {Wording.Date(closed)}" : "")}"
                      + (Successors.Count > 0 ? $"; it was replaced by {Wording.List(Successors.Select(s => s.Name))}." : "."));
        if (Latest is null)
            parts.Add($"Ofsted has published no full inspection of {Council.Name}'s children's services{(Council.Current ? " yet" : " in this dataset")}.");
        else
        {
            parts.Add($"Ofsted {InspectionTypes.Phrase(Latest.Type)} of {Latest.Council.Name}, published {Wording.Published(Latest)}:");
            parts.Add(string.Join("; ", AreaGrade.All(Latest).Select(g => $"{AreaNames.Badge(g.Family)}: {g.Words}")) + ".");
            if (!Latest.Grades.ContainsKey(AreaNames.Overall))
                parts.Add("This framework makes no overall effectiveness judgement.");
        }
        return string.Join(" ", parts);
    }
}

/// <summary>Dates and lists as badges, embeds and feeds write them (areas and inspection types: Terms.cs).</summary>
public static class Wording
{
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A publication date as precisely as the source gives it (a news document may give only the month).</summary>
    public static string Published(InspectionSummary inspection) => inspection.PublishedPrecision switch
    {
        "month" => inspection.Published.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        "year" => inspection.Published.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => Date(inspection.Published),
    };

    public static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list[..^1]) + " and " + list[^1],
        };
    }
}

/// <summary>
/// One area's judgement as pictures and words show it. No grade has three different reasons, never
/// merged: the report says the area was not judged, the report did not cover it, or the source
/// does not give the grade.
/// </summary>
public sealed record AreaGrade(string Family, string? Grade, string? Missing)
{
    public static AreaGrade Of(InspectionSummary i, string family) =>
        i.Grades.GetValueOrDefault(family) is { } grade ? new(family, grade, null) : new(family, null, i.MissingGrades.GetValueOrDefault(family, "unknown"));

    public static IEnumerable<AreaGrade> All(InspectionSummary i) => i.Grades.Keys.Select(f => Of(i, f));

    /// <summary>The area's state: graded, or why not (its missingGrades status).</summary>
    public AreaState State => Grade is not null ? AreaState.Graded : AreaStates.OfMissing(Missing);

    /// <summary>In a sentence: "good", "not judged", "not covered by this report", "grade not known".</summary>
    public string Words => AreaStates.Words(State, Grade);

    /// <summary>On a badge or a strip: "Good", "Not judged", "Not covered", "Not known".</summary>
    public string Label => AreaStates.Short(State, Grade);

    public GradePalette.Swatch Swatch => AreaStates.Swatch(State, Grade);

    public string CssClass => "grade-" + AreaStates.Css(State, Grade);
}
