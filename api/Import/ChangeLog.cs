namespace JudgementsApi.Import;

/// <summary>
/// The importer's change-log step: a snapshot of every inspection and focused visit before the
/// tables are replaced, compared with the same snapshot after, recorded as the differences of the
/// new dataset version from the previous one. Rows are compared as whole JSON documents of their
/// columns, so a column added to these tables is tracked without changing this code.
/// </summary>
public static class ChangeLog
{
    // The generated full_inspection column follows from type; search_name and the like are not on these tables.
    private const string Snapshot = """
        SELECT 'inspection'::text AS kind, i.id, (to_jsonb(i) - 'full_inspection') || coalesce(j.fields, '{}') AS row
        FROM inspections i
        LEFT JOIN (
            SELECT j.inspection_id, jsonb_object_agg('judgements.' || j.area_code || '.' || f.key, f.value) AS fields
            FROM judgements j, jsonb_each(to_jsonb(j) - 'inspection_id' - 'area_code') f
            GROUP BY j.inspection_id) j ON j.inspection_id = i.id
        UNION ALL
        SELECT 'focused_visit', v.id, to_jsonb(v) FROM focused_visits v
        """;

    /// <summary>Before the tables are emptied: what the previous version held.</summary>
    public static Task SnapshotPreviousAsync(NpgsqlConnection conn, NpgsqlTransaction tx) =>
        conn.ExecuteAsync($"CREATE TEMP TABLE change_log_before ON COMMIT DROP AS {Snapshot}", transaction: tx);

    /// <summary>
    /// After the new rows are loaded: records the version and, when a previous version was loaded,
    /// every row added, removed or changed (with the differing fields before and after).
    /// </summary>
    public static async Task RecordAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string version, DateOnly? built, string? previousVersion)
    {
        var seq = await conn.ExecuteScalarAsync<long>("""
            INSERT INTO dataset_versions (version, built, loaded_at, previous_version)
            VALUES (@Version, @Built, now(), @PreviousVersion) RETURNING seq
            """, new { Version = version, Built = built, PreviousVersion = previousVersion }, tx);
        if (previousVersion is null) return; // the first version: nothing to compare with

        await conn.ExecuteAsync($"""
            CREATE TEMP TABLE change_log_after ON COMMIT DROP AS {Snapshot};
            INSERT INTO dataset_changes (seq, kind, id, change, before, after)
            SELECT @Seq, coalesce(a.kind, b.kind), coalesce(a.id, b.id),
                   CASE WHEN b.id IS NULL THEN 'added' WHEN a.id IS NULL THEN 'removed' ELSE 'changed' END,
                   CASE WHEN a.id IS NULL THEN b.row WHEN b.id IS NULL THEN NULL ELSE d.before END,
                   CASE WHEN b.id IS NULL THEN a.row WHEN a.id IS NULL THEN NULL ELSE d.after END
            FROM change_log_before b
            FULL JOIN change_log_after a ON a.kind = b.kind AND a.id = b.id
            LEFT JOIN LATERAL (
                SELECT jsonb_object_agg(k, coalesce(b.row -> k, 'null')) AS before, jsonb_object_agg(k, coalesce(a.row -> k, 'null')) AS after
                FROM (SELECT jsonb_object_keys(b.row) UNION SELECT jsonb_object_keys(a.row)) keys (k)
                WHERE (b.row -> k) IS DISTINCT FROM (a.row -> k)) d ON a.id IS NOT NULL AND b.id IS NOT NULL
            WHERE a.row IS DISTINCT FROM b.row
            """, new { Seq = seq }, tx);
    }
}
