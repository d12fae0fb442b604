using System.Text.Json;
using NpgsqlTypes;

namespace JudgementsApi.Import;

public sealed record ImportResult(string Version, bool Changed, IReadOnlyDictionary<string, int> Counts);

/// <summary>
/// Loads a validated seed-data folder: every table replaced in one transaction (so a failure
/// changes nothing), skipped entirely when the files' hash equals the loaded version.
/// </summary>
/// <remarks>When serving, <paramref name="snapshots"/> loads the imported version into memory before it is reported.</remarks>
public sealed class SeedImporter(NpgsqlDataSource db, DatasetState state, ILogger<SeedImporter> log, SnapshotLoader? snapshots = null)
{
    private const long LockKey = 7_401_209_386_002;

    /// <summary>Imports a seed-data folder, the whole-dataset download's zip, or the folder it unzips to.</summary>
    public async Task<ImportResult> ImportAsync(string path, CancellationToken ct = default)
    {
        SeedSet seed;
        using (var source = SeedSource.Open(path)) seed = SeedSet.Load(source.Folder);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync("SELECT pg_advisory_xact_lock(@LockKey)", new { LockKey }, tx);

        var loaded = await conn.QueryFirstOrDefaultAsync<string>("SELECT version FROM dataset", transaction: tx);
        if (loaded == seed.Version)
        {
            log.LogInformation("Seed data {Version} is already loaded", seed.Version[..12]);
            await PublishAsync(seed.Version);
            return new ImportResult(seed.Version, false, seed.Counts());
        }

        // Everything below is one transaction: a failure at any step leaves the loaded version as it was.
        await ChangeLog.SnapshotPreviousAsync(conn, tx);
        await ReplaceTablesAsync(conn, tx, seed, ct);
        var counts = seed.Counts();
        await RecordDatasetAsync(conn, tx, seed, counts);
        await ChangeLog.RecordAsync(conn, tx, seed.Version, seed.DataAsOf, loaded);
        // Fresh planner statistics for the new rows (a utility statement: never auto-prepared).
        await using (var analyze = new NpgsqlCommand("ANALYZE", conn, tx)) await analyze.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);

        await PublishAsync(seed.Version);
        log.LogInformation("Imported seed data {Version}: {Counts}", seed.Version[..12], string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
        return new ImportResult(seed.Version, true, counts);
    }

    /// <summary>
    /// While serving, the imported version is served from now on (loaded into memory before it is
    /// reported). Before serving starts (start-up's import) there is nothing to replace: serving loads it.
    /// Should reading it back fail, the version poller retries.
    /// </summary>
    private async Task PublishAsync(string version)
    {
        if (snapshots is null || state.Snapshot is null) return;
        try
        {
            await snapshots.LoadAtLeastAsync(version);
        }
        catch (Exception ex) when (Database.IsUnavailable(ex))
        {
            log.LogWarning("Imported {Version} but could not load it into memory yet ({Message}); the version poller retries", version[..12], ex.Message);
        }
    }

    /// <summary>The dataset's tables, children before parents: the order they are emptied in.</summary>
    private static readonly string[] Tables =
    [
        "dataset", "council_latest_inspection", "improvement_points", "improvement_themes", "national_framework_tags",
        "visits", "focused_visit_priority_actions", "focused_visits", "judgements", "inspections",
        "framework_version_areas", "judgement_areas", "framework_versions", "frameworks", "grades", "statistical_neighbours",
        "council_successions", "councils", "regions",
    ];

    /// <summary>
    /// Empties every dataset table and copies the seed's rows in, parents before children; then the derived table.
    /// DELETE, not TRUNCATE: TRUNCATE's exclusive lock made every reader (the snapshot's load, the
    /// version poll, readiness) wait for the import's commit; under DELETE they go on reading the
    /// previous version until the commit (the dead rows are autovacuum's).
    /// </summary>
    private static async Task ReplaceTablesAsync(NpgsqlConnection conn, NpgsqlTransaction tx, SeedSet seed, CancellationToken ct)
    {
        await conn.ExecuteAsync(string.Concat(Tables.Select(t => $"DELETE FROM {t};\n")), transaction: tx);
        await CopyCouncilsAsync(conn, seed, ct);
        await CopyFrameworksAsync(conn, seed, ct);
        await CopyInspectionsAsync(conn, seed, ct);
        await CopyVisitsAsync(conn, seed, ct);
        await CopyImprovementPointsAsync(conn, seed, ct);
        await conn.ExecuteAsync("""
            INSERT INTO council_latest_inspection (council_code, inspection_id)
            SELECT DISTINCT ON (council_code) council_code, id
            FROM inspections WHERE full_inspection
            ORDER BY council_code, published DESC, id DESC
            """, transaction: tx);
    }

    private static async Task CopyCouncilsAsync(NpgsqlConnection conn, SeedSet seed, CancellationToken ct)
    {
        await Copy(conn, "regions (code, name, slug)", seed.Regions, (w, r) =>
        {
            w.Write(r.Code); w.Write(r.Name); w.Write(r.Slug);
        }, ct);
        await Copy(conn, "councils (code, la_code, ofsted_urn, name, slug, type, region_code, opened, closed, former_codes, search_name, opened_note)", seed.Councils, (w, r) =>
        {
            w.Write(r.Code); Text(w, r.LaCode); Text(w, r.OfstedUrn); w.Write(r.Name); w.Write(r.Slug); w.Write(r.Type);
            w.Write(r.RegionCode); Date(w, r.Opened); Date(w, r.Closed); w.Write(r.FormerCodes, NpgsqlDbType.Array | NpgsqlDbType.Text);
            w.Write(SearchText.Fold(r.Name)); Text(w, r.OpenedNote);
        }, ct);
        await Copy(conn, "council_successions (predecessor_code, successor_code, date)", seed.Successions, (w, r) =>
        {
            w.Write(r.PredecessorCode); w.Write(r.SuccessorCode); w.Write(r.Date, NpgsqlDbType.Date);
        }, ct);
        await Copy(conn, "statistical_neighbours (council_code, rank, neighbour_code)", seed.Neighbours, (w, r) =>
        {
            w.Write(r.CouncilCode); w.Write(r.Rank, NpgsqlDbType.Integer); w.Write(r.NeighbourCode);
        }, ct);
    }

    private static async Task CopyFrameworksAsync(NpgsqlConnection conn, SeedSet seed, CancellationToken ct)
    {
        await Copy(conn, "grades (code, label, rank)", seed.Grades, (w, r) =>
        {
            w.Write(r.Code); w.Write(r.Label); w.Write(r.Rank, NpgsqlDbType.Integer);
        }, ct);
        await Copy(conn, "frameworks (slug, name, description)", seed.Frameworks, (w, r) =>
        {
            w.Write(r.Slug); w.Write(r.Name); Text(w, r.Description);
        }, ct);
        await Copy(conn, "framework_versions (slug, framework, name, effective_from, effective_to, grade_scale, source_url, notes)", seed.FrameworkVersions, (w, r) =>
        {
            w.Write(r.Slug); w.Write(r.Framework); w.Write(r.Name); w.Write(r.EffectiveFrom, NpgsqlDbType.Date); Date(w, r.EffectiveTo);
            w.Write(r.GradeScale, NpgsqlDbType.Array | NpgsqlDbType.Text); Text(w, r.SourceUrl); Text(w, r.Notes);
        }, ct);
        await Copy(conn, "judgement_areas (code, name, family, description)", seed.Areas, (w, r) =>
        {
            w.Write(r.Code); w.Write(r.Name); w.Write(r.Family); Text(w, r.Description);
        }, ct);
        await Copy(conn, "framework_version_areas (framework_version, area_code, display_order, parent_area_code)", seed.VersionAreas, (w, r) =>
        {
            w.Write(r.FrameworkVersion); w.Write(r.AreaCode); w.Write(r.DisplayOrder, NpgsqlDbType.Integer); Text(w, r.ParentAreaCode);
        }, ct);
    }

    private static async Task CopyInspectionsAsync(NpgsqlConnection conn, SeedSet seed, CancellationToken ct)
    {
        await Copy(conn, "inspections (id, council_code, framework_version, type, start_date, end_date, published, published_precision, lead_inspector, report_url, source_kind, source, notes)", seed.Inspections, (w, r) =>
        {
            w.Write(r.Id); w.Write(r.CouncilCode); w.Write(r.FrameworkVersion); w.Write(r.Type); Date(w, r.StartDate); Date(w, r.EndDate);
            w.Write(r.Published, NpgsqlDbType.Date); w.Write(r.PublishedPrecision); Text(w, r.LeadInspector); Text(w, r.ReportUrl);
            w.Write(r.SourceKind); w.Write(r.Source); Text(w, r.Notes);
        }, ct);
        await Copy(conn, "judgements (inspection_id, area_code, grade, note, status, evidence, evidence_document, evidence_line)", seed.Judgements, (w, r) =>
        {
            w.Write(r.InspectionId); w.Write(r.AreaCode); Text(w, r.Grade); Text(w, r.Note); w.Write(r.Status);
            Text(w, r.Evidence); Text(w, r.EvidenceDocument);
            if (r.EvidenceLine is { } line) w.Write(line, NpgsqlDbType.Integer); else w.WriteNull();
        }, ct);
    }

    private static async Task CopyVisitsAsync(NpgsqlConnection conn, SeedSet seed, CancellationToken ct)
    {
        const string columns = "id, council_code, letter_date, visit_start, visit_end, inspectors, focus, priority_action, report_url, "
            + "source, letter_date_source, priority_action_kind, focus_text, corrected, printed, correction_reason";
        await Copy(conn, $"focused_visits ({columns})", seed.FocusedVisits, (w, r) =>
        {
            w.Write(r.Id); w.Write(r.CouncilCode); w.Write(r.LetterDate, NpgsqlDbType.Date); Date(w, r.VisitStart); Date(w, r.VisitEnd);
            w.Write(r.Inspectors, NpgsqlDbType.Array | NpgsqlDbType.Text); w.Write(r.Focus); w.Write(r.PriorityAction, NpgsqlDbType.Boolean);
            Text(w, r.ReportUrl); w.Write(r.Source); w.Write(r.LetterDateSource); w.Write(r.PriorityActionKind);
            Text(w, r.FocusText); Text(w, r.Corrected); Text(w, r.Printed); Text(w, r.CorrectionReason);
        }, ct);
        await Copy(conn, "focused_visit_priority_actions (focused_visit_id, position, text, source_line)", seed.PriorityActions, (w, r) =>
        {
            w.Write(r.FocusedVisitId); w.Write(r.Position, NpgsqlDbType.Integer); w.Write(r.Text);
            if (r.SourceLine is { } line) w.Write(line, NpgsqlDbType.Integer); else w.WriteNull();
        }, ct);
        await Copy(conn, "visits (id, council_code, kind, letter_date, visit_start, visit_end, inspectors, theme, report_url, source)", seed.Visits, (w, r) =>
        {
            w.Write(r.Id); w.Write(r.CouncilCode); w.Write(r.Kind); w.Write(r.LetterDate, NpgsqlDbType.Date); Date(w, r.VisitStart); Date(w, r.VisitEnd);
            w.Write(r.Inspectors, NpgsqlDbType.Array | NpgsqlDbType.Text); Text(w, r.Theme); Text(w, r.ReportUrl); w.Write(r.Source);
        }, ct);
    }

    private static async Task CopyImprovementPointsAsync(NpgsqlConnection conn, SeedSet seed, CancellationToken ct)
    {
        await Copy(conn, "national_framework_tags (code, kind, number, name, source_url)", seed.FrameworkTags, (w, r) =>
        {
            w.Write(r.Code); w.Write(r.Kind); w.Write(r.Number, NpgsqlDbType.Integer); w.Write(r.Name); Text(w, r.SourceUrl);
        }, ct);
        await Copy(conn, "improvement_themes (code, name, rule_order, rule)", seed.ImprovementThemes, (w, r) =>
        {
            w.Write(r.Code); w.Write(r.Name); w.Write(r.RuleOrder, NpgsqlDbType.Integer); Text(w, r.Rule);
        }, ct);
        const string columns = "inspection_id, focused_visit_id, council_code, position, text, list_heading, area_heading, " +
            "framework_tag, framework_tag_text, theme, source, line_from, line_to";
        await Copy(conn, $"improvement_points ({columns})", seed.ImprovementPoints, (w, r) =>
        {
            Text(w, r.InspectionId); Text(w, r.FocusedVisitId); w.Write(r.CouncilCode); w.Write(r.Position, NpgsqlDbType.Integer);
            w.Write(r.Text); Text(w, r.ListHeading); Text(w, r.AreaHeading); Text(w, r.FrameworkTag); Text(w, r.FrameworkTagText);
            w.Write(r.Theme); w.Write(r.Source); w.Write(r.LineFrom, NpgsqlDbType.Integer); w.Write(r.LineTo, NpgsqlDbType.Integer);
        }, ct);
    }

    private static Task RecordDatasetAsync(NpgsqlConnection conn, NpgsqlTransaction tx, SeedSet seed, Dictionary<string, int> counts) =>
        conn.ExecuteAsync("""
            INSERT INTO dataset (version, built, loaded_at, files, counts)
            VALUES (@Version, @Built, now(), CAST(@Files AS jsonb), CAST(@Counts AS jsonb))
            """,
            new
            {
                seed.Version,
                Built = seed.DataAsOf,
                Files = JsonSerializer.Serialize(SeedSet.Headers.Keys.Order(StringComparer.Ordinal)),
                Counts = JsonSerializer.Serialize(counts),
            }, tx);

    private static async Task Copy<T>(NpgsqlConnection conn, string target, IReadOnlyList<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken ct)
    {
        await using var importer = await conn.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            write(importer, row);
        }
        await importer.CompleteAsync(ct);
    }

    private static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null) w.WriteNull(); else w.Write(value, NpgsqlDbType.Text);
    }

    private static void Date(NpgsqlBinaryImporter w, DateOnly? value)
    {
        if (value is { } d) w.Write(d, NpgsqlDbType.Date); else w.WriteNull();
    }
}
