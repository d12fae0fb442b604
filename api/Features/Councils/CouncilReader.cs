using JudgementsApi.Features.Inspections;

namespace JudgementsApi.Features.Councils;

/// <summary>Every read of councils, from the dataset snapshot: the list, one council in full, its neighbours, the regions.</summary>
public static class CouncilReader
{
    /// <summary>The councils matching <paramref name="filter"/>, by name then code; one page of them and how many match.</summary>
    public static (List<CouncilItem> Items, long Total) List(DatasetSnapshot snapshot, CouncilFilter filter, Paging paging)
    {
        var codes = filter.Codes is null ? null : new HashSet<string>(filter.Codes, StringComparer.Ordinal);
        var areaIsFamily = filter.Area is not null && snapshot.Vocabulary.Families.Contains(filter.Area);
        var judged = filter.Area is not null || filter.Grade is not null;
        var matches = snapshot.Councils.Where(c =>
            // Naming councils explicitly shows them whatever their status.
            (codes is not null || filter.Status == "all" || (filter.Status == "current") == c.Item.Current)
            && (codes is null || codes.Contains(c.Code))
            && (filter.Region is null || c.Item.Region.Code == filter.Region.Code)
            && (filter.Type is null || c.Item.Type == filter.Type)
            && (string.IsNullOrEmpty(filter.Search) || c.SearchName.Contains(filter.Search, StringComparison.Ordinal))
            && (!judged || (c.Item.Latest is { } latest && snapshot.InspectionById[latest.Id].Judged(filter.Area, areaIsFamily, filter.Grade))))
            .ToList();
        return (paging.Of(matches, c => c.Item), matches.Count);
    }

    /// <summary>One council as GET /v1/councils/{id} answers it (the council page shows the same); null if none has the id.</summary>
    public static CouncilDetail? Detail(DatasetSnapshot snapshot, string id)
    {
        if (snapshot.FindCouncil(id) is not { } c) return null;
        var i = c.Item;
        return new CouncilDetail(i.Code, i.LaCode, i.OfstedUrn, i.Name, i.Slug, i.Type, i.Region, i.Opened, i.OpenedNote, i.Closed, i.Current,
            i.OfstedPageUrl, i.Latest, c.FormerCodes, c.Predecessors, c.Successors, c.Neighbours,
            new CouncilCounts(snapshot.InspectionsByCouncil.GetValueOrDefault(c.Code)?.Length ?? 0, snapshot.FocusedVisitCounts.GetValueOrDefault(c.Code)));
    }

    /// <summary>The council (rank 0), then its statistical neighbours in DfE's order, each with its latest grades.</summary>
    public static List<NeighbourComparison> Neighbours(DatasetSnapshot snapshot, SnapshotCouncil council) =>
    [
        new(0, council.Item),
        .. council.Neighbours.Where(n => snapshot.CouncilByCode.ContainsKey(n.Code)).Select(n => new NeighbourComparison(n.Rank, snapshot.CouncilByCode[n.Code].Item)),
    ];

    /// <summary>The list shape for given codes (those that exist), keyed by code.</summary>
    public static Dictionary<string, CouncilItem> ByCodes(DatasetSnapshot snapshot, IEnumerable<string> codes) =>
        codes.Distinct().Where(snapshot.CouncilByCode.ContainsKey).ToDictionary(c => c, c => snapshot.CouncilByCode[c].Item);

    public static IReadOnlyList<CsvColumn<CouncilItem>> CsvColumns(IReadOnlyList<string> families) =>
    [
        new("code", c => c.Code), new("la_code", c => c.LaCode), new("ofsted_urn", c => c.OfstedUrn), new("name", c => c.Name),
        new("slug", c => c.Slug), new("type", c => c.Type), new("region_code", c => c.Region.Code), new("region_name", c => c.Region.Name),
        new("opened", c => c.Opened), new("opened_note", c => c.OpenedNote), new("closed", c => c.Closed), new("current", c => c.Current),
        new("ofsted_page_url", c => c.OfstedPageUrl),
        new("latest_inspection_id", c => c.Latest?.Id), new("latest_type", c => c.Latest?.Type),
        new("latest_framework_version", c => c.Latest?.FrameworkVersion), new("latest_published", c => c.Latest?.Published),
        new("latest_report_url", c => c.Latest?.ReportUrl),
        .. InspectionReader.FamilyColumns<CouncilItem>(families, c => c.Latest, AreaStates.Code(AreaState.NotInspected)),
    ];
}
