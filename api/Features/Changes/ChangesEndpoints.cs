using System.ComponentModel;
using System.Text.Json;

namespace JudgementsApi.Features.Changes;

/// <summary>Paged like every collection, but JSON only: no format.</summary>
public sealed record ChangesQuery(
    [property: Description("A dataset version this service has loaded (GET /v1/dataset gives the current one): changes made after it."), DatasetVersionExample(Required = true)] string? Since,
    [property: Description("Page size, 1 to 500 (default 50)."), IntExample(50, 1, Paging.MaxLimit, Paging.DefaultLimit)] string? Limit,
    [property: Description("Rows to skip."), IntExample(0, 0, Default = 0)] string? Offset) : IQueryRecord
{
    public Paging Paging { get; private set; } = new(Paging.DefaultLimit, 0);

    public async ValueTask ReadAsync(QueryReader q)
    {
        Paging = Paging.Read(q, Limit, Offset);
        var known = (await q.SnapshotAsync()).Changes.Known;
        if (known.Count == 0) return; // nothing imported yet: the handler answers 404
        if (string.IsNullOrWhiteSpace(Since))
            q.Add("since", $"Give the dataset version to compare with (GET {ApiVersions.Link(q.Http.Request, "/dataset")} shows the current one).", known);
        else if (!known.Any(v => v.Equals(Since.Trim(), StringComparison.OrdinalIgnoreCase)))
            q.Add("since", $"'{Since}' is not a dataset version this service has loaded, so it cannot say what changed since. "
                + $"Download the whole dataset again (GET {ApiVersions.Link(q.Http.Request, "/dataset/download")}) and give its "
                + "datapackage.json's version as since from then on.", known);
    }
}

/// <summary>A dataset version as loaded: when, and the version it replaced.</summary>
public sealed record DatasetVersionRef(string Version, DateTimeOffset LoadedAt, string? PreviousVersion);

/// <summary>
/// One inspection or focused visit that differed between a version and the one before it. Added:
/// <c>after</c> is the whole row. Removed: <c>before</c> is. Changed: both hold only the fields
/// that differ (an inspection's judgements as <c>judgements.&lt;area&gt;.&lt;column&gt;</c>).
/// </summary>
public sealed record ChangeItem(
    string DatasetVersion, DateTimeOffset LoadedAt,
    [property: ClosedSet(typeof(ChangeItem), nameof(ChangeItem.Kinds))] string Kind, string Id,
    [property: ClosedSet(typeof(ChangeItem), nameof(ChangeItem.Changes))] string Change, string Href, JsonElement? Before, JsonElement? After)
{
    /// <summary>What a change is of, and what happened to it: as Import.ChangeLog records them.</summary>
    public static readonly string[] Kinds = ["inspection", "focused_visit"];

    public static readonly string[] Changes = ["added", "removed", "changed"];
}

public sealed record ChangesPage(
    DatasetVersionRef Since, DatasetVersionRef Current, IReadOnlyList<DatasetVersionRef> Versions,
    IReadOnlyList<ChangeItem> Data, PageMeta Meta, PageLinks Links);

public static class ChangesEndpoints
{
    public static RouteGroupBuilder MapChanges(this RouteGroupBuilder v1)
    {
        v1.MapGet("/changes", List).WithTags("Dataset")
            .WithName("ListChanges")
            .WithSummary("What changed since a dataset version")
            .WithDescription("Every inspection and focused visit added, removed or changed between an earlier dataset version and the current one, version by version (oldest first), each naming the dataset version that made it and when that version was loaded. The importer records each version it loads, so this answers for any version this service has seen; an unknown version is a 400 problem listing the known ones and saying to download the dataset again.\n\nTo start a sync: download the whole dataset (GET /v1/dataset/download); its datapackage.json's `version` (also in the zip's name, and GET /v1/dataset's `version`) is the first `since`. Then poll this with the `current.version` of each answer as the next `since`.");
        return v1;
    }

    private static async Task<Results<Ok<ChangesPage>, ProblemHttpResult>> List([AsParameters] ChangesQuery query, HttpContext http)
    {
        var paging = query.Paging;
        var snapshot = await http.SnapshotAsync();
        var log = snapshot.Changes;
        if (snapshot.Version is null || log.Versions.Count == 0) return Problems.Problem(Problems.NotFound, "No dataset has been imported into this database yet.");

        // A version loaded more than once (reverted to) counts from its latest load.
        var since = log.Versions.Last(v => v.Version.Equals(query.Since?.Trim(), StringComparison.OrdinalIgnoreCase));
        var after = log.After(since.Seq);
        var bySeq = log.Versions.ToDictionary(v => v.Seq);
        var data = after.Skip(paging.Offset).Take(paging.Limit).Select(r => new ChangeItem(bySeq[r.Seq].Version, bySeq[r.Seq].Ref.LoadedAt,
            r.Kind, r.Id, r.Change, ApiVersions.Link(http.Request, $"/{(r.Kind == "inspection" ? "inspections" : "focused-visits")}/{r.Id}"),
            Json(r.Before), Json(r.After))).ToList();
        var page = http.ToPage(data, after.Count, paging);
        return TypedResults.Ok(new ChangesPage(since.Ref, log.Versions[^1].Ref, log.Versions.Where(v => v.Seq > since.Seq).Select(v => v.Ref).ToList(),
            data, page.Meta, page.Links));

        static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
    }
}

/// <summary>Every dataset version this database has loaded, oldest first, and what each changed: part of the snapshot.</summary>
public sealed class ChangeLog
{
    public static readonly ChangeLog Empty = new([], []);

    internal ChangeLog(IReadOnlyList<VersionRow> versions, IReadOnlyList<ChangeRow> rows) => (Versions, _rows) = (versions, rows);

    private readonly IReadOnlyList<ChangeRow> _rows;

    internal IReadOnlyList<VersionRow> Versions { get; }

    /// <summary>The versions by name, each once, oldest first (a 400 lists them).</summary>
    public IReadOnlyList<string> Known => Versions.Select(v => v.Version).Distinct().ToList();

    /// <summary>The changes made after the load numbered <paramref name="seq"/>, in the order the API lists them.</summary>
    internal IReadOnlyList<ChangeRow> After(long seq)
    {
        var first = 0;
        while (first < _rows.Count && _rows[first].Seq <= seq) first++;
        return _rows.Skip(first).ToList();
    }

    internal const string Sql = """
        SELECT seq, version, loaded_at, previous_version FROM dataset_versions ORDER BY seq;
        SELECT seq, kind, id, change, before::text, after::text FROM dataset_changes ORDER BY seq, kind, id;
        """;

    internal static async Task<ChangeLog> ReadAsync(SqlMapper.GridReader multi) =>
        new((await multi.ReadAsync<VersionRow>()).ToList(), (await multi.ReadAsync<ChangeRow>()).ToList());

    internal sealed class VersionRow
    {
        public long Seq { get; init; }
        public string Version { get; init; } = "";
        public DateTime LoadedAt { get; init; }
        public string? PreviousVersion { get; init; }
        public DatasetVersionRef Ref => new(Version, new DateTimeOffset(DateTime.SpecifyKind(LoadedAt, DateTimeKind.Utc)), PreviousVersion);
    }

    internal sealed class ChangeRow
    {
        public long Seq { get; init; }
        public string Kind { get; init; } = "";
        public string Id { get; init; } = "";
        public string Change { get; init; } = "";
        public string? Before { get; init; }
        public string? After { get; init; }
    }
}
