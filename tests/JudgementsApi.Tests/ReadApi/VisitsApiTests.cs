namespace JudgementsApi.Tests.ReadApi;

/// <summary>The app over a clone of the seeded database into which seed data with one monitoring
/// visit and one JTAI was imported (the committed sources hold none yet; the updater adds them).</summary>
public sealed class VisitsApiFactory : ApiFactory
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var seed = Directory.CreateTempSubdirectory("seed-visits-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(TestDatabase.SeedDirectory, "*.csv"))
                File.Copy(file, Path.Combine(seed, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(seed, "visits.csv"), """
                id,council_code,kind,letter_date,visit_start,visit_end,inspectors,theme,report_url,source
                worcestershire-2026-10-02-mv,E10000034,monitoring_visit,2026-10-02,2026-09-08,2026-09-09,Jane Doe;John Roe,care leavers,,monitoring-visits/80584_worcestershire_2026-10-02.txt
                shropshire-2026-11-06-jtai,E06000051,jtai,2026-11-06,2026-09-22,2026-09-26,Ann Smith;Bob Jones,children and families who need help,https://files.ofsted.gov.uk/v1/file/1,jtai/2253_shropshire_2026-11-06.txt

                """.Replace("\r\n", "\n"));
            SeedManifest.Write(seed); // as the builder would
            await using var db = NpgsqlDataSource.Create(TestDatabase.ConnectionString(DatabaseName));
            await new SeedImporter(db, new DatasetState(), NullLogger<SeedImporter>.Instance).ImportAsync(seed);
        }
        finally { Directory.Delete(seed, recursive: true); }
    }
}

public class VisitsApiTests(VisitsApiFactory api) : ApiTests<VisitsApiFactory>(api)
{
    [Fact]
    public async Task MonitoringVisitsAndJtaisAreServedNewestFirstAndFilteredByKind()
    {
        var all = await Client.GetDataAsync("/v1/visits");
        Assert.Equal(["shropshire-2026-11-06-jtai", "worcestershire-2026-10-02-mv"], all.Select(v => v.Str("id")));

        var monitoring = await Client.GetDataAsync("/v1/visits?kind=monitoring_visit");
        var mv = Assert.Single(monitoring);
        Assert.Equal("E10000034", mv.GetProperty("council").Str("code"));
        Assert.Equal(("monitoring_visit", "2026-10-02", "2026-09-08", "2026-09-09", "care leavers"),
            (mv.Str("kind"), mv.Str("letterDate"), mv.Str("visitStart"), mv.Str("visitEnd"), mv.Str("theme")));
        Assert.Equal(["Jane Doe", "John Roe"], mv.GetProperty("inspectors").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(JsonValueKind.Null, mv.GetProperty("reportUrl").ValueKind);

        var shropshire = await Client.GetDataAsync("/v1/visits?council=shropshire");
        Assert.Equal("jtai", Assert.Single(shropshire).Str("kind"));
    }

    [Fact]
    public async Task OneVisitAndTheFocusedVisitContractUnchanged()
    {
        var jtai = await Client.GetJsonAsync("/v1/visits/shropshire-2026-11-06-jtai");
        Assert.Equal("children and families who need help", jtai.Str("theme"));
        Assert.Equal("https://files.ofsted.gov.uk/v1/file/1", jtai.Str("reportUrl"));

        // Monitoring visits and JTAIs are not focused visits.
        var focused = await Client.GetJsonAsync("/v1/focused-visits?limit=1");
        Assert.Equal(371, focused.GetProperty("meta").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task CsvAndBadInput()
    {
        var csv = await Client.GetStringAsync("/v1/visits?format=csv");
        Assert.StartsWith("id,council_code,council_name,kind,letter_date,visit_start,visit_end,inspectors,theme,report_url", csv);
        Assert.Contains("worcestershire-2026-10-02-mv,E10000034,Worcestershire,monitoring_visit,2026-10-02", csv);

        var problem = await Client.GetProblemAsync("/v1/visits?kind=focused&from=2026-13-01", HttpStatusCode.BadRequest);
        Assert.Equal(["from", "kind"], problem.ErrorParameters().Order());
        var unknown = await Client.GetProblemAsync("/v1/visits/nope", HttpStatusCode.NotFound);
        Assert.Equal("/problems/not-found", unknown.Str("type"));
    }
}
