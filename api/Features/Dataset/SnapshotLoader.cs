using System.Data;
using JudgementsApi.Features;
using JudgementsApi.Features.Changes;
using JudgementsApi.Features.Councils;
using JudgementsApi.Features.Frameworks;
using JudgementsApi.Features.FocusedVisits;
using JudgementsApi.Features.Improvements;
using JudgementsApi.Features.Inspections;
using JudgementsApi.Features.Statistics;
using JudgementsApi.Features.Visits;

namespace JudgementsApi.Features.Dataset;

/// <summary>
/// Reads the whole dataset into a <see cref="DatasetSnapshot"/> (one SELECT per table, in one
/// repeatable-read transaction, so the snapshot is exactly the version it names) and publishes it
/// to <see cref="DatasetState"/>: the version is reported only once its snapshot is in memory. One
/// load runs at a time; callers arriving meanwhile share it.
/// </summary>
public sealed class SnapshotLoader(NpgsqlDataSource db, DatasetState state, ServiceMetrics metrics, ILogger<SnapshotLoader> log)
{
    private readonly Lock _gate = new();
    private Task<DatasetSnapshot>? _loading;

    /// <summary>The published snapshot, loading one first if there is none yet.</summary>
    public async ValueTask<DatasetSnapshot> CurrentAsync() => state.Snapshot ?? await LoadAsync();

    /// <summary>Loads the database's current version and publishes it (joins a load already running).</summary>
    public Task<DatasetSnapshot> LoadAsync()
    {
        lock (_gate)
        {
            if (_loading is { IsCompleted: false } running) return running;
            return _loading = Task.Run(LoadAndPublishAsync);
        }
    }

    /// <summary>
    /// After an import committed <paramref name="version"/>: a load already running may have begun
    /// before the commit, so load again if it did not see it.
    /// </summary>
    public async Task LoadAtLeastAsync(string version)
    {
        if ((await LoadAsync()).Version != version) await LoadAsync();
    }

    private async Task<DatasetSnapshot> LoadAndPublishAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        DatasetSnapshot snapshot;
        try
        {
            snapshot = await ReadAsync();
            snapshot.Statistics.Warm();
        }
        catch
        {
            metrics.SnapshotLoaded(System.Diagnostics.Stopwatch.GetElapsedTime(started), succeeded: false);
            throw;
        }
        metrics.SnapshotLoaded(System.Diagnostics.Stopwatch.GetElapsedTime(started), succeeded: true);
        state.Publish(snapshot);
        log.LogInformation("Dataset {Version} in memory: {Councils} councils, {Inspections} inspections, read in {Ms:0} ms",
            snapshot.Version ?? "(none)", snapshot.Councils.Count, snapshot.Inspections.Count,
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return snapshot;
    }

    /// <summary>What the snapshot holds beyond the readers' indexes: the framework catalogue, the dataset record, the change log,
    /// the improvement points.</summary>
    private sealed record DatasetRecords(FrameworkCatalogue Catalogue, DatasetInfo? Info, ChangeLog Changes,
        SnapshotImprovements Improvements, Download.DatasetArchive? Archive);

    private sealed class CouncilData
    {
        public string Code { get; init; } = "";
        public string? LaCode { get; init; }
        public string? OfstedUrn { get; init; }
        public string Name { get; init; } = "";
        public string Slug { get; init; } = "";
        public string Type { get; init; } = "";
        public string RegionCode { get; init; } = "";
        public DateOnly? Opened { get; init; }
        public string? OpenedNote { get; init; }
        public DateOnly? Closed { get; init; }
        public string[] FormerCodes { get; init; } = [];
        public string SearchName { get; init; } = "";
    }

    private sealed class VersionData
    {
        public string Slug { get; init; } = "";
        public string Framework { get; init; } = "";
        public DateOnly EffectiveFrom { get; init; }
        public string[] GradeScale { get; init; } = [];
    }

    private async Task<DatasetSnapshot> ReadAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        await using var multi = await conn.QueryMultipleAsync($"""
            SELECT version, loaded_at FROM dataset;
            SELECT code, name, slug FROM regions;
            SELECT code, la_code, ofsted_urn, name, slug, type, region_code, opened, opened_note, closed, former_codes, search_name FROM councils;
            SELECT predecessor_code, successor_code, date FROM council_successions;
            SELECT council_code, rank, neighbour_code FROM statistical_neighbours;
            SELECT code, label, rank FROM grades;
            SELECT slug FROM frameworks;
            SELECT slug, framework, effective_from, grade_scale FROM framework_versions;
            SELECT code, name, family FROM judgement_areas;
            SELECT framework_version, area_code, display_order FROM framework_version_areas;
            {InspectionSnapshot.Sql}
            SELECT council_code, inspection_id FROM council_latest_inspection;
            {FocusedVisitReader.Sql}
            {VisitsEndpoints.Sql}
            {FrameworkCatalogue.Sql}
            {DatasetEndpoints.Sql}
            {ChangeLog.Sql}
            {ImprovementReader.Sql}
            """, transaction: tx);
        var dataset = (await multi.ReadAsync<(string Version, DateTime LoadedAt)>()).Select(d => ((string, DateTime)?)d).FirstOrDefault();
        var regions = (await multi.ReadAsync<RegionRef>()).ToList();
        var councils = (await multi.ReadAsync<CouncilData>()).ToList();
        var successions = (await multi.ReadAsync<(string Predecessor, string Successor, DateOnly Date)>()).ToList();
        var neighbours = (await multi.ReadAsync<(string Council, int Rank, string Neighbour)>()).ToList();
        var grades = (await multi.ReadAsync<Grade>()).OrderBy(g => g.Rank).ThenBy(g => g.Code, StringComparer.Ordinal).ToList();
        var frameworks = (await multi.ReadAsync<string>()).Order(StringComparer.Ordinal).ToList();
        var versions = (await multi.ReadAsync<VersionData>()).ToList();
        var areas = (await multi.ReadAsync<AreaRef>()).ToDictionary(a => a.Code, StringComparer.Ordinal);
        var versionAreas = (await multi.ReadAsync<(string Version, string Area, int Order)>()).ToList();
        var (inspections, judgements) = await InspectionSnapshot.ReadAsync(multi);
        var latest = (await multi.ReadAsync<(string Council, string Inspection)>()).ToDictionary(l => l.Council, l => l.Inspection, StringComparer.Ordinal);
        var facts = councils.ToDictionary(c => c.Code, c => new CouncilFacts(new CouncilRef(c.Code, c.Name, c.Slug), c.RegionCode, c.OfstedUrn),
            StringComparer.Ordinal);
        var letters = (await FocusedVisitReader.ReadAsync(multi, facts), await VisitsEndpoints.ReadAsync(multi, facts));
        var (catalogue, info, changes) = (await FrameworkCatalogue.ReadAsync(multi, grades), await DatasetEndpoints.ReadAsync(multi),
            await ChangeLog.ReadAsync(multi));
        var improvements = await ImprovementReader.ReadAsync(multi, facts,
            inspections.ToDictionary(i => i.Id, i => (i.Published, i.FrameworkVersion), StringComparer.Ordinal),
            letters.Item1.ToDictionary(l => l.Id, l => l.LetterDate, StringComparer.Ordinal));
        await multi.DisposeAsync(); // the connection's reader, before the download's tables are read in the same transaction
        var archive = dataset is null ? null : await Download.DatasetArchive.ReadAsync(conn, tx);
        var records = new DatasetRecords(catalogue, info, changes, improvements, archive);
        await tx.CommitAsync();

        return Build(dataset, regions, councils, successions, neighbours, grades, frameworks, versions, areas, versionAreas,
            inspections, judgements, latest, facts, letters, records);
    }

    private static DatasetSnapshot Build((string Version, DateTime LoadedAt)? dataset, List<RegionRef> regions, List<CouncilData> councils,
        List<(string Predecessor, string Successor, DateOnly Date)> successions, List<(string Council, int Rank, string Neighbour)> neighbours,
        List<Grade> grades, List<string> frameworks, List<VersionData> versions, Dictionary<string, AreaRef> areas,
        List<(string Version, string Area, int Order)> versionAreas, List<InspectionSnapshot.InspectionRow> inspections, List<InspectionSnapshot.JudgementRow> judgements,
        Dictionary<string, string> latestIds, Dictionary<string, CouncilFacts> facts, (List<SnapshotLetter<FocusedVisit>> Focused, List<SnapshotLetter<Visit>> Visits) letters,
        DatasetRecords records)
    {
        var ordinal = StringComparer.Ordinal;
        // The letters are kept newest first, so the first is the last letter.
        DateOnly? lastLetter = letters.Focused.Count == 0 ? null : letters.Focused[0].LetterDate;
        var regionByCode = regions.ToDictionary(r => r.Code, ordinal);
        var councilByCode = councils.ToDictionary(c => c.Code, ordinal);
        var areasByVersion = versionAreas.GroupBy(va => va.Version, ordinal).ToDictionary(g => g.Key,
            g => (IReadOnlyList<(string Area, int Order)>)g.OrderBy(va => va.Order).ThenBy(va => va.Area, ordinal).Select(va => (va.Area, va.Order)).ToList(), ordinal);
        var frameworkVersions = versions.ToDictionary(v => v.Slug, v => new SnapshotFrameworkVersion(v.Slug, v.Framework, v.EffectiveFrom, v.GradeScale,
            areasByVersion.GetValueOrDefault(v.Slug) ?? []), ordinal);
        var gradeByCode = grades.ToDictionary(g => g.Code, ordinal);
        var built = InspectionSnapshot.Build(inspections, judgements, facts, frameworkVersions, areas, gradeByCode);
        var newest = built.OrderByDescending(i => i.Summary.Published).ThenByDescending(i => i.Id, ordinal).ToList();
        var inspectionById = built.ToDictionary(i => i.Id, ordinal);

        LinkedCouncil Linked(string code, DateOnly date) => new(code, councilByCode[code].Name, councilByCode[code].Slug, date);
        // Looked up per council: a scan of every row for each council grows with the square of the data.
        var bySuccessor = successions.ToLookup(s => s.Successor, ordinal);
        var byPredecessor = successions.ToLookup(s => s.Predecessor, ordinal);
        var neighboursOf = neighbours.ToLookup(n => n.Council, ordinal);
        var byName = councils.OrderBy(c => c.Name, ordinal).ThenBy(c => c.Code, ordinal).ToList();
        var snapshotCouncils = byName.Select(c => new SnapshotCouncil
        {
            Code = c.Code,
            Ref = facts[c.Code].Ref,
            SearchName = c.SearchName,
            FormerCodes = c.FormerCodes,
            Item = new CouncilItem(c.Code, c.LaCode, c.OfstedUrn, c.Name, c.Slug, c.Type, regionByCode[c.RegionCode], c.Opened, c.OpenedNote,
                c.Closed, c.Closed is null, OfstedLinks.ProviderPage(c.OfstedUrn),
                latestIds.TryGetValue(c.Code, out var latestId) ? inspectionById[latestId].Summary : null),
            Predecessors = bySuccessor[c.Code].Select(s => Linked(s.Predecessor, s.Date))
                .OrderBy(l => l.Name, ordinal).ThenBy(l => l.Code, ordinal).ToList(),
            Successors = byPredecessor[c.Code].Select(s => Linked(s.Successor, s.Date))
                .OrderBy(l => l.Name, ordinal).ThenBy(l => l.Code, ordinal).ToList(),
            Neighbours = neighboursOf[c.Code].OrderBy(n => n.Rank)
                .Select(n => new StatisticalNeighbour(n.Rank, n.Neighbour, councilByCode[n.Neighbour].Name, councilByCode[n.Neighbour].Slug)).ToList(),
        }).ToList();
        var snapshotByCode = snapshotCouncils.ToDictionary(c => c.Code, ordinal);

        var full = built.Where(i => i.FullInspection).ToList();

        return new DatasetSnapshot
        {
            Version = dataset?.Version,
            Catalogue = records.Catalogue,
            Info = records.Info,
            Archive = records.Archive,
            Changes = records.Changes,
            LoadedAt = dataset is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d.LoadedAt, DateTimeKind.Utc)) : null,
            DataAsOf = inspections.Count == 0 ? lastLetter : lastLetter is { } l && l > inspections.Max(i => i.Published) ? l : inspections.Max(i => i.Published),
            FirstFullPublished = full.Count == 0 ? null : full.Min(i => i.Summary.Published),
            Vocabulary = new Vocabulary
            {
                Grades = grades.Select(g => g.Code).ToList(),
                Families = areas.Values.Select(a => a.Family).Distinct(ordinal).OrderBy(Vocabulary.FamilyRank).ThenBy(f => f, ordinal).ToList(),
                AreaCodes = areas.Keys.Order(ordinal).ToList(),
                InspectionTypes = inspections.Select(i => i.Type).Distinct(ordinal).Order(ordinal).ToList(),
                Frameworks = frameworks,
                FrameworkVersions = versions.OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Slug, ordinal).Select(v => v.Slug).ToList(),
                Regions = regions.OrderBy(r => r.Name, ordinal).ThenBy(r => r.Code, ordinal).ToList(),
            },
            Councils = snapshotCouncils,
            CouncilByCode = snapshotByCode,
            CouncilIndex = new CouncilIndex(snapshotCouncils),
            Regions = regions.OrderBy(r => r.Name, ordinal).ThenBy(r => r.Code, ordinal)
                .Select(r => new RegionItem(r.Code, r.Name, r.Slug, councils.Count(c => c.RegionCode == r.Code && c.Closed is null))).ToList(),
            Inspections = newest,
            InspectionById = inspectionById,
            InspectionsByCouncil = newest.GroupBy(i => i.Summary.Council.Code, ordinal).ToDictionary(g => g.Key, g => g.ToArray(), ordinal),
            FullInspectionsByCouncil = full.GroupBy(i => i.Summary.Council.Code, ordinal).ToDictionary(g => g.Key,
                g => g.OrderByDescending(i => i.CountsFrom).ThenByDescending(i => i.Id, ordinal).ToArray(), ordinal),
            FocusedVisitCounts = letters.Focused.GroupBy(v => v.CouncilCode, ordinal).ToDictionary(g => g.Key, g => g.Count(), ordinal),
            FocusedVisits = letters.Focused,
            Visits = letters.Visits,
            Improvements = records.Improvements,
            FrameworkVersions = frameworkVersions,
            Areas = areas,
            Grades = grades,
        };
    }
}
