using Dapper;
using JudgementsApi.Import;
using JudgementsApi.Infrastructure;
using JudgementsApi.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace JudgementsApi.Tests;

/// <summary>The loader against its own clone of the seeded database, with edited copies of seed-data.</summary>
public class ImporterTests : IAsyncLifetime
{
    private string _database = "";
    private NpgsqlDataSource _db = null!;
    private string _seed = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CloneAsync();
        _db = NpgsqlDataSource.Create(TestDatabase.ConnectionString(_database));
        _seed = Path.Combine(Path.GetTempPath(), "seed-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_seed);
        foreach (var file in Directory.GetFiles(TestDatabase.SeedDirectory, "*.csv"))
            File.Copy(file, Path.Combine(_seed, Path.GetFileName(file)));
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await TestDatabase.DropAsync(_database);
        Directory.Delete(_seed, recursive: true);
    }

    private SeedImporter Importer() => new(_db, new DatasetState(), NullLogger<SeedImporter>.Instance);

    private async Task<(string Version, long Inspections, long Judgements, string ShropshireName)> Snapshot()
    {
        await using var conn = await _db.OpenConnectionAsync();
        return await conn.QueryFirstAsync<(string, long, long, string)>("""
            SELECT (SELECT version FROM dataset), (SELECT count(*) FROM inspections), (SELECT count(*) FROM judgements),
                   (SELECT name FROM councils WHERE code = 'E06000051')
            """);
    }

    /// <summary>Rewrites one line (1-based, header is line 1) of a seed file.</summary>
    private void EditLine(string file, int line, Func<string, string> edit)
    {
        var path = Path.Combine(_seed, file);
        var lines = File.ReadAllLines(path);
        lines[line - 1] = edit(lines[line - 1]);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
    }

    private int LineOf(string file, string startsWith) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(_seed, file)), l => l.StartsWith(startsWith, StringComparison.Ordinal)) + 1;

    [Fact]
    public async Task ReimportingTheSameDataIsANoOp()
    {
        var before = await Snapshot();
        var result = await Importer().ImportAsync(_seed);
        Assert.False(result.Changed);
        Assert.Equal(before.Version, result.Version);
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task AChangedFileUpdatesTheDatabaseAndTheVersion()
    {
        var before = await Snapshot();
        var line = LineOf("councils.csv", "E06000051,");
        EditLine("councils.csv", line, l => l.Replace(",Shropshire,", ",Shropshire (edited),"));

        var result = await Importer().ImportAsync(_seed);
        Assert.True(result.Changed);
        var after = await Snapshot();
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal("Shropshire (edited)", after.ShropshireName);
        Assert.Equal(before.Inspections, after.Inspections);
        await using var conn = await _db.OpenConnectionAsync();
        Assert.Equal("shropshire edited", await conn.ExecuteScalarAsync<string>("SELECT search_name FROM councils WHERE code = 'E06000051'"));
        Assert.Equal("shropshire-2025-08-12", await conn.ExecuteScalarAsync<string>(
            "SELECT inspection_id FROM council_latest_inspection WHERE council_code = 'E06000051'"));
    }

    [Fact]
    public async Task EveryInvalidRowIsReportedWithFileAndLineAndNothingChanges()
    {
        var before = await Snapshot();
        var unknownCouncil = LineOf("inspections.csv", "shropshire-2017-11-24,");
        EditLine("inspections.csv", unknownCouncil, l => l.Replace(",E06000051,", ",E06999999,"));
        var endBeforeStart = LineOf("inspections.csv", "shropshire-2025-08-12,");
        EditLine("inspections.csv", endBeforeStart, l => l.Replace("2025-06-23,2025-07-04", "2025-07-04,2025-06-23"));
        var duplicate = LineOf("inspections.csv", "dorset-2025-05-09,");
        EditLine("inspections.csv", duplicate, l => l.Replace("dorset-2025-05-09,", "dorset-2021-11-19,"));
        var offScale = LineOf("judgements.csv", "telford-and-wrekin-2020-03-02,ilacs_overall_effectiveness,");
        EditLine("judgements.csv", offScale, l => l.Replace(",outstanding,", ",adequate,"));
        var alienArea = LineOf("judgements.csv", "shropshire-2022-03-25,ilacs_help_and_protection,");
        EditLine("judgements.csv", alienArea, l => l.Replace("ilacs_help_and_protection", "sif_adoption_performance"));

        var ex = await Assert.ThrowsAsync<SeedValidationException>(() => Importer().ImportAsync(_seed));
        Assert.Contains(ex.Errors, e => e.StartsWith($"inspections.csv:{unknownCouncil}:") && e.Contains("E06999999"));
        Assert.Contains(ex.Errors, e => e.StartsWith($"inspections.csv:{endBeforeStart}:") && e.Contains("end_date"));
        Assert.Contains(ex.Errors, e => e.StartsWith($"inspections.csv:{duplicate}:") && e.Contains("duplicate id"));
        Assert.Contains(ex.Errors, e => e.StartsWith($"judgements.csv:{offScale}:") && e.Contains("'adequate' is not on the ilacs-2018 scale"));
        Assert.Contains(ex.Errors, e => e.StartsWith($"judgements.csv:{alienArea}:") && e.Contains("not graded by ilacs-2018"));
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task AWrongHeaderOrMissingFileIsReported()
    {
        EditLine("grades.csv", 1, _ => "code,name,rank");
        File.Delete(Path.Combine(_seed, "regions.csv"));
        var ex = await Assert.ThrowsAsync<SeedValidationException>(() => Importer().ImportAsync(_seed));
        Assert.Contains(ex.Errors, e => e.StartsWith("grades.csv:1: header"));
        Assert.Contains("regions.csv: missing", ex.Errors);
    }

    [Fact]
    public async Task AFailureWhileWritingRollsEverythingBack()
    {
        var before = await Snapshot();
        EditLine("councils.csv", LineOf("councils.csv", "E06000051,"), l => l.Replace(",Shropshire,", ",Shropshire (edited),"));
        // Valid files, but the database refuses the last table written: nothing of the import may remain.
        await using (var conn = await _db.OpenConnectionAsync())
            await conn.ExecuteAsync("""
                CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
                CREATE TRIGGER refuse BEFORE INSERT ON focused_visits FOR EACH STATEMENT EXECUTE FUNCTION refuse();
                """);

        await Assert.ThrowsAsync<PostgresException>(() => Importer().ImportAsync(_seed));
        Assert.Equal(before, await Snapshot());
    }
}
