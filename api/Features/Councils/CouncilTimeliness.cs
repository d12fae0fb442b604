using System.Runtime.CompilerServices;

namespace JudgementsApi.Features.Councils;

/// <summary>
/// How long since Ofsted last came, as at <c>asOf</c> (today in England): days since the publication of the
/// council's latest full inspection (not an LSCB review), and since its latest report or letter of any kind
/// (inspection, focused visit, monitoring visit, joint targeted area inspection). Only what was published on or
/// before <c>asOf</c> counts; nothing is predicted.
/// </summary>
/// <param name="AsOf">The day the days are counted to: today in England.</param>
/// <param name="LastFullInspectionId">The latest full inspection published on or before asOf; null when there is none.</param>
/// <param name="LastFullInspectionPublished">Its publication date.</param>
/// <param name="DaysSinceLastFullInspection">Days from its publication to asOf.</param>
/// <param name="LastVisitKind">inspection, focused_visit, monitoring_visit or jtai: the kind of the latest report or letter of any kind
/// published on or before asOf; null when there is none.</param>
/// <param name="LastVisitId">Its id (GET /v1/inspections/{id}, /v1/focused-visits/{id} or /v1/visits/{id}).</param>
/// <param name="LastVisitPublished">The report's publication date or the letter's date.</param>
/// <param name="DaysSinceLastVisit">Days from that date to asOf.</param>
public sealed record CouncilTimeliness(
    DateOnly AsOf, string? LastFullInspectionId, DateOnly? LastFullInspectionPublished, int? DaysSinceLastFullInspection,
    [property: ClosedSet(typeof(CouncilTimelines), nameof(CouncilTimelines.Kinds))] string? LastVisitKind, string? LastVisitId,
    DateOnly? LastVisitPublished, int? DaysSinceLastVisit);

public static class CouncilTimelines
{
    public static readonly string[] Kinds = ["inspection", "focused_visit", "monitoring_visit", "jtai"];

    private sealed record Event(string Kind, string Id, DateOnly Published, bool Full);

    // Each council's reports and letters, newest first, gathered once per snapshot.
    private static readonly ConditionalWeakTable<DatasetSnapshot, Dictionary<string, Event[]>> Events = new();

    /// <summary>The council's timeliness as at <paramref name="asOf"/>.</summary>
    public static CouncilTimeliness For(DatasetSnapshot snapshot, string councilCode, DateOnly asOf)
    {
        var events = Events.GetValue(snapshot, Gather).GetValueOrDefault(councilCode) ?? [];
        var full = events.FirstOrDefault(e => e.Full && e.Published <= asOf);
        var any = events.FirstOrDefault(e => e.Published <= asOf);
        int? Days(Event? e) => e is null ? null : asOf.DayNumber - e.Published.DayNumber;
        return new CouncilTimeliness(asOf, full?.Id, full?.Published, Days(full), any?.Kind, any?.Id, any?.Published, Days(any));
    }

    private static Dictionary<string, Event[]> Gather(DatasetSnapshot snapshot)
    {
        var all = snapshot.Inspections
            .Select(i => (i.Summary.Council.Code, new Event("inspection", i.Id, i.Summary.Published, i.FullInspection)))
            .Concat(snapshot.FocusedVisits.Select(v => (v.CouncilCode, new Event("focused_visit", v.Id, v.LetterDate, false))))
            .Concat(snapshot.Visits.Select(v => (v.CouncilCode, new Event(v.Item.Kind, v.Id, v.LetterDate, false))));
        return all.GroupBy(e => e.Item1, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => g.Select(e => e.Item2).OrderByDescending(e => e.Published).ThenByDescending(e => e.Id, StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal);
    }
}
