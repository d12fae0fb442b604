using System.Runtime.CompilerServices;

namespace JudgementsApi.Features.Councils;

/// <summary>
/// How long since Ofsted last came, as at <c>asOf</c> (today in England): days since the publication of the
/// council's latest full inspection (not an LSCB review), and since its latest report or letter of any kind
/// (inspection, focused visit, monitoring visit, joint targeted area inspection). Only what was published on or
/// before <c>asOf</c> counts; nothing is predicted.
/// </summary>
/// <param name="AsOf">The day the days are counted to: today in England.</param>
/// <param name="LastFullInspection">The latest full inspection published on or before asOf; null when there is none.</param>
/// <param name="LastVisit">The latest report or letter of any kind published on or before asOf; null when there is none.</param>
public sealed record CouncilTimeliness(DateOnly AsOf, LatestReport? LastFullInspection, LatestReport? LastVisit);

/// <summary>A report or letter and the days from its publication to asOf.</summary>
/// <param name="Kind">inspection, focused_visit, monitoring_visit or jtai.</param>
/// <param name="Id">The inspection's or visit's id (GET /v1/inspections/{id}, /v1/focused-visits/{id}, /v1/visits/{id}).</param>
/// <param name="Published">The report's publication date or the letter's date.</param>
/// <param name="Days">Days from published to asOf.</param>
public sealed record LatestReport(string Kind, string Id, DateOnly Published, int Days);

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
        LatestReport? Shape(Event? e) => e is null ? null : new LatestReport(e.Kind, e.Id, e.Published, asOf.DayNumber - e.Published.DayNumber);
        return new CouncilTimeliness(asOf, Shape(events.FirstOrDefault(e => e.Full && e.Published <= asOf)),
            Shape(events.FirstOrDefault(e => e.Published <= asOf)));
    }

    private static Dictionary<string, Event[]> Gather(DatasetSnapshot snapshot)
    {
        var all = snapshot.Inspections.Select(i => (i.Summary.Council.Code, new Event("inspection", i.Id, i.Summary.Published, i.FullInspection)))
            .Concat(snapshot.FocusedVisits.Select(v => (v.CouncilCode, new Event("focused_visit", v.Id, v.LetterDate, false))))
            .Concat(snapshot.Visits.Select(v => (v.CouncilCode, new Event(v.Item.Kind, v.Id, v.LetterDate, false))));
        return all.GroupBy(e => e.Item1, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => g.Select(e => e.Item2).OrderByDescending(e => e.Published).ThenByDescending(e => e.Id, StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal);
    }
}
