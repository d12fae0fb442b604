using JudgementsApi.Features;
using JudgementsApi.Features.Changes;
using JudgementsApi.Features.Councils;
using JudgementsApi.Features.Frameworks;
using JudgementsApi.Features.FocusedVisits;
using JudgementsApi.Features.Inspections;
using JudgementsApi.Features.Statistics;
using JudgementsApi.Features.Visits;

namespace JudgementsApi.Features.Dataset;

/// <summary>
/// One version of the dataset, whole, in memory and never changed after it is built: every table a
/// reader needs, indexed the way the readers ask, with the API's response shapes already made, so a
/// request only filters, sorts, pages and serialises. PostgreSQL stays the system of record; this
/// is a cache of it, replaced as a whole when the version changes (<see cref="SnapshotLoader"/>).
/// Text is ordered ordinally, as the database's C.UTF-8 collation orders it.
/// </summary>
public sealed class DatasetSnapshot
{
    /// <summary>The dataset version the snapshot was read at (null: no dataset loaded yet).</summary>
    public required string? Version { get; init; }
    public required DateTimeOffset? LoadedAt { get; init; }
    public required Vocabulary Vocabulary { get; init; }
    /// <summary>The dataset record as GET /v1/dataset and the About page show it; null before any import.</summary>
    public required DatasetInfo? Info { get; init; }
    /// <summary>The framework catalogue (GET /v1/frameworks, /v1/grades).</summary>
    public required FrameworkCatalogue Catalogue { get; init; }
    /// <summary>The download's tables, read with the snapshot (GET /v1/dataset/download); null before any import.</summary>
    public required Download.DatasetArchive? Archive { get; init; }
    /// <summary>Every version loaded and what each changed (GET /v1/changes).</summary>
    public required ChangeLog Changes { get; init; }
    /// <summary>The newest publication in the dataset: an inspection report or a focused-visit letter.</summary>
    public required DateOnly? DataAsOf { get; init; }
    /// <summary>The first publication of a full inspection.</summary>
    public required DateOnly? FirstFullPublished { get; init; }

    /// <summary>Every council, by name then code.</summary>
    public required IReadOnlyList<SnapshotCouncil> Councils { get; init; }
    public required IReadOnlyDictionary<string, SnapshotCouncil> CouncilByCode { get; init; }
    /// <summary>The one council resolver: identifiers, names and suggestions, built with this snapshot.</summary>
    public required CouncilIndex CouncilIndex { get; init; }
    public required IReadOnlyList<RegionItem> Regions { get; init; }

    /// <summary>Every inspection, newest first (published, then id, both descending).</summary>
    public required IReadOnlyList<SnapshotInspection> Inspections { get; init; }
    public required IReadOnlyDictionary<string, SnapshotInspection> InspectionById { get; init; }

    /// <summary>Every inspection, oldest first (published, then id).</summary>
    public IReadOnlyList<SnapshotInspection> OldestFirst => _oldestFirst ??= Inspections.Reverse().ToArray();
    private SnapshotInspection[]? _oldestFirst;

    /// <summary>Every inspection by council name, then newest first (published descending, then id).</summary>
    public IReadOnlyList<SnapshotInspection> ByCouncilName => _byCouncilName ??= Inspections
        .OrderBy(i => i.CouncilName, StringComparer.Ordinal).ThenByDescending(i => i.Summary.Published).ThenBy(i => i.Id, StringComparer.Ordinal).ToArray();
    private SnapshotInspection[]? _byCouncilName;
    /// <summary>Each council's inspections, newest first.</summary>
    public required IReadOnlyDictionary<string, SnapshotInspection[]> InspectionsByCouncil { get; init; }
    /// <summary>Each council's full inspections (not LSCB reviews), newest first by the day they count from, then id.</summary>
    public required IReadOnlyDictionary<string, SnapshotInspection[]> FullInspectionsByCouncil { get; init; }
    public required IReadOnlyDictionary<string, int> FocusedVisitCounts { get; init; }
    /// <summary>Every focused visit, newest letter first (letter date, then id, both descending).</summary>
    public required IReadOnlyList<SnapshotLetter<FocusedVisit>> FocusedVisits { get; init; }
    /// <summary>Every monitoring visit and JTAI, newest letter first.</summary>
    public required IReadOnlyList<SnapshotLetter<Visit>> Visits { get; init; }

    /// <summary>What each report said must improve, and the National Framework's tags.</summary>
    public required Improvements.SnapshotImprovements Improvements { get; init; }

    /// <summary>Framework versions with the framework each belongs to and its grade scale.</summary>
    public required IReadOnlyDictionary<string, SnapshotFrameworkVersion> FrameworkVersions { get; init; }
    public required IReadOnlyDictionary<string, AreaRef> Areas { get; init; }
    /// <summary>Grades by rank, then code.</summary>
    public required IReadOnlyList<Grade> Grades { get; init; }

    /// <summary>The statistics' indexes of this version (each council's grade changes per area), built with the snapshot.</summary>
    internal StatisticsIndexes Statistics => LazyInitializer.EnsureInitialized(ref _statistics, () => new StatisticsIndexes(this));
    private StatisticsIndexes? _statistics;

    /// <summary>The council an identifier names: ONS, DfE or former ONS code, Ofsted URN or slug (current councils first).</summary>
    public SnapshotCouncil? FindCouncil(string id) => CouncilIndex.ByIdentifier(id);

    /// <summary>Framework versions a framework filter names: the version itself, or every version of the framework.</summary>
    public bool InFramework(string frameworkVersion, string framework) =>
        frameworkVersion == framework || (FrameworkVersions.TryGetValue(frameworkVersion, out var v) && v.Framework == framework);
}

/// <summary>The snapshot a request reads: the one published when it arrived, kept for the whole request.</summary>
public static class RequestSnapshot
{
    private sealed record Pinned(DatasetSnapshot Snapshot);

    /// <summary>
    /// The dataset version this request is answered from, pinning the published snapshot to the request:
    /// the ETag and the cache key come from the same snapshot the body is read from, even if an import
    /// publishes another meanwhile. Null when no snapshot is published yet.
    /// </summary>
    public static string? DatasetVersion(this HttpContext http)
    {
        if (http.Features.Get<Pinned>() is { } pinned) return pinned.Snapshot.Version;
        if (http.RequestServices.GetRequiredService<DatasetState>().Snapshot is not { } current) return null;
        http.Features.Set(new Pinned(current));
        return current.Version;
    }

    /// <summary>The snapshot this request reads (pinned on first use; loaded if none is published yet).</summary>
    public static async ValueTask<DatasetSnapshot> SnapshotAsync(this HttpContext http)
    {
        if (http.Features.Get<Pinned>() is { } pinned) return pinned.Snapshot;
        var snapshot = await http.RequestServices.GetRequiredService<SnapshotLoader>().CurrentAsync();
        http.Features.Set(new Pinned(snapshot));
        return snapshot;
    }
}

/// <summary>What an inspection or a letter shows of its council while the snapshot is built: who, where, and its Ofsted page.</summary>
public sealed record CouncilFacts(CouncilRef Ref, string RegionCode, string? OfstedUrn);

public sealed record SnapshotFrameworkVersion(
    string Slug, string Framework, DateOnly EffectiveFrom, IReadOnlyList<string> GradeScale, IReadOnlyList<(string Area, int Order)> Areas);

/// <summary>A council and what is known about it in this version.</summary>
public sealed class SnapshotCouncil
{
    public required string Code { get; init; }
    public required string SearchName { get; init; }
    public required IReadOnlyList<string> FormerCodes { get; init; }
    /// <summary>The list shape (identity, region, latest full inspection).</summary>
    public required CouncilItem Item { get; init; }
    public required IReadOnlyList<LinkedCouncil> Predecessors { get; init; }
    public required IReadOnlyList<LinkedCouncil> Successors { get; init; }
    public required IReadOnlyList<StatisticalNeighbour> Neighbours { get; init; }

    public required CouncilRef Ref { get; init; }
}
