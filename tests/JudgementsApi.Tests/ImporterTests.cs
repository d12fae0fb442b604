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
        _db = NpgsqlDataSource.Create(TestDatabase.OwnerConnectionString(_database));
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
        SeedManifest.Write(_seed); // as the builder would after the edit

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
        SeedManifest.Write(_seed);
        // Valid files, but the database refuses the last table written: nothing of the import may remain.
        await using (var conn = await _db.OpenConnectionAsync())
            await conn.ExecuteAsync("""
                CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
                CREATE TRIGGER refuse BEFORE INSERT ON focused_visits FOR EACH STATEMENT EXECUTE FUNCTION refuse();
                """);

        await Assert.ThrowsAsync<PostgresException>(() => Importer().ImportAsync(_seed));
        Assert.Equal(before, await Snapshot());
    }

    /// <summary>Replaces the first occurrence of <paramref name="find"/> in a file's bytes.</summary>
    private int ReplaceBytes(string file, byte[] find, byte[] replacement)
    {
        var path = Path.Combine(_seed, file);
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf(find);
        Assert.True(at >= 0);
        File.WriteAllBytes(path, [.. bytes[..at], .. replacement, .. bytes[(at + find.Length)..]]);
        return bytes[..at].Count(b => b == (byte)'\n') + 1;
    }

    [Fact]
    public async Task InvalidUtf8IsRefusedWithItsLineEvenWhenTheManifestAgrees()
    {
        var before = await Snapshot();
        var line = ReplaceBytes("councils.csv", "Hartlepool"u8.ToArray(), [.. "Hartle"u8, 0xFF, 0xFE, .. "pool"u8]);
        SeedManifest.Write(_seed); // only the decoding can catch it now
        var ex = await Assert.ThrowsAsync<SeedValidationException>(() => Importer().ImportAsync(_seed));
        Assert.Contains($"councils.csv:{line}: not valid UTF-8", ex.Errors);
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task OneBadByteIsOneErrorNotACascadeOverEveryRowThatNamesTheFile()
    {
        var line = ReplaceBytes("councils.csv", "Hartlepool"u8.ToArray(), [.. "Hartle"u8, 0xFF, .. "pool"u8]);
        SeedManifest.Write(_seed);
        var ex = await Assert.ThrowsAsync<SeedValidationException>(() => Importer().ImportAsync(_seed));
        Assert.Equal([$"councils.csv:{line}: not valid UTF-8"], ex.Errors);
    }

    [Fact]
    public async Task AnUnreadableDateIsReportedOnceAndThenComparedWithNothing()
    {
        var line = LineOf("inspections.csv", "shropshire-2025-08-12,");
        EditLine("inspections.csv", line, l => l.Replace(",2025-08-12,", ",2025-13-12,"));
        SeedManifest.Write(_seed);
        var ex = await Assert.ThrowsAsync<SeedValidationException>(() => Importer().ImportAsync(_seed));
        Assert.Equal([$"inspections.csv:{line}: published '2025-13-12' is not a date (YYYY-MM-DD)"], ex.Errors);
    }

    [Fact]
    public void AFileWithManyErrorsShowsItsFirstTwentyAndACount()
    {
        var errors = Enumerable.Range(2, 500).Select(n => $"judgements.csv:{n}: grade is required").Append("councils.csv:3: bad").ToList();
        var message = new SeedValidationException(errors).Message;
        Assert.Contains("(501 errors)", message);
        Assert.Contains("judgements.csv:21: grade is required", message);
        Assert.DoesNotContain("judgements.csv:22:", message);
        Assert.Contains("judgements.csv: … and 480 more errors in this file", message);
        Assert.Contains("councils.csv:3: bad", message);
    }

    [Fact]
    public async Task ANulByteIsReportedNotACrash()
    {
        var before = await Snapshot();
        var line = ReplaceBytes("inspections.csv", "shropshire-2017-11-24,"u8.ToArray(), [.. "shropshire-2017-11-24"u8, 0x00, .. ","u8]);
        SeedManifest.Write(_seed);
        var ex = await Assert.ThrowsAsync<SeedValidationException>(() => Importer().ImportAsync(_seed));
        Assert.Contains(ex.Errors, e => e.StartsWith($"inspections.csv:{line}: control character U+0000"));
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task AnImprovementPointThatContradictsItsReportIsRefusedAndNothingChanges()
    {
        var before = await Snapshot();
        var line = LineOf("improvement_points.csv", "dorset-2025-05-09,,E06000059,1,");
        // Another council's code, and a tag outside the closed list.
        EditLine("improvement_points.csv", line, l => l.Replace(",E06000059,", ",E06000051,").Replace(",outcome_4,", ",outcome_9,"));
        SeedManifest.Write(_seed);
        var ex = await Assert.ThrowsAsync<SeedValidationException>(() => Importer().ImportAsync(_seed));
        Assert.Contains(ex.Errors, e => e.StartsWith($"improvement_points.csv:{line}: unknown National Framework tag 'outcome_9'"));
        Assert.Contains(ex.Errors,
            e => e.StartsWith($"improvement_points.csv:{line}: council_code 'E06000051' is not the council of its report"));
        Assert.Equal(before, await Snapshot());
        await using var conn = await _db.OpenConnectionAsync();
        Assert.Equal(4930, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM improvement_points"));
    }

    [Fact]
    public async Task AFileCutAtALineBoundaryIsRefused()
    {
        var before = await Snapshot();
        var path = Path.Combine(_seed, "focused_visits.csv");
        var lines = File.ReadAllLines(path);
        File.WriteAllText(path, string.Join("\n", lines.Take(200)) + "\n"); // header and 199 rows: valid CSV, just short
        var ex = await Assert.ThrowsAsync<SeedValidationException>(() => Importer().ImportAsync(_seed));
        Assert.Contains(ex.Errors, e => e.StartsWith("focused_visits.csv: 199 rows, manifest.csv says 371"));
        Assert.Contains(ex.Errors, e => e.StartsWith("focused_visits.csv: its SHA-256"));
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task AFolderWithoutItsManifestOrWithAFileTheBuilderDidNotWriteIsRefused()
    {
        File.WriteAllText(Path.Combine(_seed, "extra.csv"), "a,b\n1,2\n");
        var ex = await Assert.ThrowsAsync<SeedValidationException>(() => Importer().ImportAsync(_seed));
        Assert.Contains(ex.Errors, e => e.StartsWith("extra.csv: not listed in manifest.csv"));

        File.Delete(Path.Combine(_seed, SeedManifest.FileName));
        ex = await Assert.ThrowsAsync<SeedValidationException>(() => Importer().ImportAsync(_seed));
        Assert.Contains(ex.Errors, e => e.StartsWith("manifest.csv: missing"));
    }

    [Fact]
    public async Task TheImportCommandExitsNonZeroNamingFileAndLineAndChangesNothing()
    {
        var before = await Snapshot();
        var line = ReplaceBytes("councils.csv", "Hartlepool"u8.ToArray(), [.. "Hartle"u8, 0xC3, 0x28, .. "pool"u8]);
        var (exit, output) = await ServiceProcess.RunAsync(new Dictionary<string, string>
        {
            ["JUDGEMENTS_DB"] = TestDatabase.ReaderConnectionString(_database),
            ["JUDGEMENTS_OWNER_DB"] = TestDatabase.OwnerConnectionString(_database),
        }, "import", _seed);
        Assert.NotEqual(0, exit);
        Assert.Contains($"councils.csv:{line}: not valid UTF-8", output);
        Assert.Contains("councils.csv: its SHA-256", output);
        Assert.DoesNotContain("   at ", output);
        Assert.Equal(before, await Snapshot());
    }
}
