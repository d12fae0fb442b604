namespace JudgementsApi.Tests.Integrations;

/// <summary>
/// Three imports into one database: the committed seed data (v1), an edited copy (v2: a grade
/// changed, an inspection removed, a visit's focus reworded) and a third (v3: the inspection back).
/// </summary>
public class ChangesTests : IAsyncLifetime
{
    private const string Graded = "shropshire-2017-11-24";       // its help and protection grade changes in v2
    private const string Removed = "sandwell-2013-08-02";        // removed in v2, back in v3
    private readonly ApiFactory _api = new();
    private string _seed = "";
    private string _v1 = "", _v2 = "", _v3 = "";
    private string _oldFocus = "", _visit = "";

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_api).InitializeAsync();
        _seed = Path.Combine(Path.GetTempPath(), "seed-changes-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_seed);
        foreach (var file in Directory.GetFiles(TestDatabase.SeedDirectory, "*.csv"))
            File.Copy(file, Path.Combine(_seed, Path.GetFileName(file)));

        await using var db = NpgsqlDataSource.Create(TestDatabase.ConnectionString(_api.DatabaseName));
        // A column the change log's code has never heard of (as another change might add): it is tracked too.
        await using (var conn = await db.OpenConnectionAsync())
            await conn.ExecuteAsync("ALTER TABLE focused_visits ADD COLUMN focus_length int GENERATED ALWAYS AS (length(focus)) STORED");
        var importer = new SeedImporter(db, new DatasetState(), NullLogger<SeedImporter>.Instance);
        _v1 = (await importer.ImportAsync(_seed)).Version;

        ChangeGrade();
        Edit("inspections.csv", lines => lines.Where(l => !l.StartsWith(Removed + ",")));
        Edit("judgements.csv", lines => lines.Where(l => !l.StartsWith(Removed + ",")));
        Edit("focused_visits.csv", lines => lines.Select((l, i) =>
        {
            if (i != 1) return l;
            _visit = l.Split(',')[0];
            var fields = Csv.Records(l)[0];
            _oldFocus = fields[6];
            return l.Replace(_oldFocus.Contains(',') ? $"\"{_oldFocus}\"" : _oldFocus, "the reworded focus");
        }));
        _v2 = (await importer.ImportAsync(_seed)).Version;

        foreach (var file in new[] { "inspections.csv", "judgements.csv" })
            File.Copy(Path.Combine(TestDatabase.SeedDirectory, file), Path.Combine(_seed, file), overwrite: true);
        ChangeGrade();
        _v3 = (await importer.ImportAsync(_seed)).Version;
        NpgsqlConnection.ClearAllPools();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_api).DisposeAsync();
        Directory.Delete(_seed, recursive: true);
    }

    private void ChangeGrade() =>
        Edit("judgements.csv", lines => lines.Select(l => l.StartsWith($"{Graded},sif_help_and_protection,good,")
            ? l.Replace(",good,", ",inadequate,") : l));

    private void Edit(string file, Func<List<string>, IEnumerable<string>> edit)
    {
        var path = Path.Combine(_seed, file);
        File.WriteAllText(path, string.Join("\n", edit(File.ReadAllLines(path).ToList())) + "\n");
        SeedManifest.Write(_seed); // as the builder would after the edit
    }

    [Fact]
    public void TheThreeImportsAreThreeVersions()
    {
        Assert.Equal(3, new[] { _v1, _v2, _v3 }.Distinct().Count());
    }

    [Fact]
    public async Task ChangesSinceTheFirstVersionListEachVersionsDifferences()
    {
        var page = await _api.CreateClient().GetJsonAsync($"/v1/changes?since={_v1}&limit=500");
        Assert.Equal(_v1, page.GetProperty("since").Str("version"));
        Assert.Equal(_v3, page.GetProperty("current").Str("version"));
        Assert.Equal([_v2, _v3], page.GetProperty("versions").EnumerateArray().Select(v => v.Str("version")));
        var changes = Data(page);
        Assert.Equal(4, page.GetProperty("meta").GetProperty("total").GetInt64());

        var graded = Assert.Single(changes, c => c.Str("id") == Graded);
        Assert.Equal(("inspection", "changed", _v2), (graded.Str("kind"), graded.Str("change"), graded.Str("datasetVersion")));
        Assert.Equal("good", graded.GetProperty("before").Str("judgements.sif_help_and_protection.grade"));
        Assert.Equal("inadequate", graded.GetProperty("after").Str("judgements.sif_help_and_protection.grade"));
        Assert.Single(graded.GetProperty("after").EnumerateObject()); // only what differs
        Assert.Equal($"/v1/inspections/{Graded}", graded.Str("href"));

        var removed = Assert.Single(changes, c => c.Str("id") == Removed && c.Str("datasetVersion") == _v2);
        Assert.Equal("removed", removed.Str("change"));
        Assert.Equal(JsonValueKind.Null, removed.GetProperty("after").ValueKind);
        Assert.Equal("E08000028", removed.GetProperty("before").Str("council_code"));
        Assert.Equal("2013-08-02", removed.GetProperty("before").Str("published"));

        var visit = Assert.Single(changes, c => c.Str("id") == _visit);
        Assert.Equal(("focused_visit", "changed"), (visit.Str("kind"), visit.Str("change")));
        Assert.Equal(_oldFocus, visit.GetProperty("before").Str("focus"));
        Assert.Equal("the reworded focus", visit.GetProperty("after").Str("focus"));
        Assert.Equal(_oldFocus.Length, visit.GetProperty("before").GetProperty("focus_length").GetInt32());
        Assert.Equal("the reworded focus".Length, visit.GetProperty("after").GetProperty("focus_length").GetInt32());

        var added = Assert.Single(changes, c => c.Str("id") == Removed && c.Str("datasetVersion") == _v3);
        Assert.Equal("added", added.Str("change"));
        Assert.Equal(JsonValueKind.Null, added.GetProperty("before").ValueKind);
        Assert.Equal("Christopher Sands", added.GetProperty("after").Str("lead_inspector"));
        Assert.True(added.GetProperty("after").TryGetProperty("judgements.pre2013_overall_effectiveness.grade", out _));

        // Each change names its version's load time, and the versions are in load order.
        var loaded = changes.Select(c => c.GetProperty("loadedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(loaded.Order(), loaded);
    }

    [Fact]
    public async Task ChangesSinceTheCurrentVersionAreNoneAndSinceTheMiddleOneOnlyTheLast()
    {
        var client = _api.CreateClient();
        Assert.Empty(Data(await client.GetJsonAsync($"/v1/changes?since={_v3}")));
        var sinceV2 = Data(await client.GetJsonAsync($"/v1/changes?since={_v2}"));
        Assert.Equal(Removed, Assert.Single(sinceV2).Str("id"));
    }

    [Fact]
    public async Task AnUnknownOrMissingVersionIsAProblemListingTheKnownOnes()
    {
        var client = _api.CreateClient();
        var problem = await client.GetProblemAsync("/v1/changes?since=0123456789abcdef", HttpStatusCode.BadRequest);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("since", error.Str("parameter"));
        Assert.Contains("Download the whole dataset again (GET /v1/dataset/download)", error.Str("message"));
        Assert.Equal(new[] { _v1, _v2, _v3 }.Order(), error.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()!).Order());
        await client.GetProblemAsync("/v1/changes", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AFailedImportRecordsNoVersion()
    {
        File.WriteAllText(Path.Combine(_seed, "grades.csv"), "code,label,rank\nexcellent,Excellent,x\n");
        await using var db = NpgsqlDataSource.Create(TestDatabase.ConnectionString(_api.DatabaseName));
        await Assert.ThrowsAsync<SeedValidationException>(() =>
            new SeedImporter(db, new DatasetState(), NullLogger<SeedImporter>.Instance).ImportAsync(_seed));
        await using var conn = await db.OpenConnectionAsync();
        Assert.Equal(3, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM dataset_versions"));
    }
}
