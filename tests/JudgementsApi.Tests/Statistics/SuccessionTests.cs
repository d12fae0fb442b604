namespace JudgementsApi.Tests.Statistics;

/// <summary>
/// Successions. Northamptonshire (split into North and West Northamptonshire) and Cumbria (split into
/// Cumberland and Westmorland and Furness) have judgements cited by their successors' reports, which
/// the dataset holds; for the others this class's own database gets synthetic inspections of
/// Bournemouth and Poole (merged, with part of Dorset County Council, into BCP) and of Dorset County
/// Council (replaced by Dorset and, in part, BCP).
/// </summary>
public class SuccessionTests : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client;

    public SuccessionTests(ApiFactory api)
    {
        using (var conn = api.OpenDatabase())
            conn.Execute("""
                INSERT INTO inspections (id, council_code, framework_version, type, published, source_kind, source, notes) VALUES
                  ('bournemouth-2018-05-01', 'E06000028', 'ilacs-2018', 'standard', '2018-05-01', 'override', 'synthetic test row', 'test'),
                  ('poole-2018-06-01', 'E06000029', 'ilacs-2018', 'standard', '2018-06-01', 'override', 'synthetic test row', 'test'),
                  ('dorset-county-council-2018-07-01', 'E10000009', 'ilacs-2018', 'standard', '2018-07-01', 'override', 'synthetic test row', 'test')
                ON CONFLICT DO NOTHING;
                INSERT INTO judgements (inspection_id, area_code, grade) VALUES
                  ('bournemouth-2018-05-01', 'ilacs_overall_effectiveness', 'good'),
                  ('poole-2018-06-01', 'ilacs_overall_effectiveness', 'requires_improvement'),
                  ('dorset-county-council-2018-07-01', 'ilacs_overall_effectiveness', 'good')
                ON CONFLICT DO NOTHING;
                """);
        _client = api.CreateClient();
    }

    private static IEnumerable<JsonElement> Movements(JsonElement body) => body.GetProperty("movements").GetProperty("data").EnumerateArray();

    [Fact]
    public async Task ASplitCouncilsLastInspectionLeadsToEachSuccessorsFirst()
    {
        var body = await _client.GetJsonAsync("/v1/statistics/transitions?limit=500");
        var across = Movements(body).Where(m => m.GetProperty("acrossSuccession").GetBoolean())
            .ToDictionary(m => m.GetProperty("council").Str("code"));

        // Northamptonshire → North and West Northamptonshire (first reports 25 November 2022), from the judgement
        // those reports cite: "Children's services in the predecessor local authority, Northamptonshire County
        // Council, were judged inadequate in 2019." Cumbria → Cumberland and Westmorland and Furness likewise:
        // "…Cumbria County Council, were judged requires improvement to be good in November 2022."
        foreach (var (code, from, grade, id) in new[]
                 {
                     ("E06000061", "northamptonshire-2019", "inadequate", "north-northamptonshire-2022-11-25"),
                     ("E06000062", "northamptonshire-2019", "inadequate", "west-northamptonshire-2022-11-25"),
                     ("E06000063", "cumbria-2022-11", "requires_improvement", "cumberland-2024-11-26"),
                     ("E06000064", "cumbria-2022-11", "requires_improvement", "westmorland-and-furness-2024-07-12"),
                 })
        {
            var m = across[code];
            Assert.Equal(from, m.GetProperty("from").Str("inspectionId"));
            Assert.Equal(grade, m.GetProperty("from").Str("grade"));
            Assert.Equal(id, m.GetProperty("to").Str("inspectionId"));
        }
        Assert.Equal("E10000021", across["E06000061"].GetProperty("from").GetProperty("council").Str("code"));
        // Dorset County Council → Dorset (its only predecessor).
        Assert.Equal("dorset-county-council-2018-07-01", across["E06000059"].GetProperty("from").Str("inspectionId"));
        Assert.Equal("dorset-2021-11-19", across["E06000059"].GetProperty("to").Str("inspectionId"));

        // BCP was formed from three councils: its first inspection starts a new series.
        Assert.DoesNotContain("E06000058", across.Keys);
        Assert.DoesNotContain(Movements(body), m => m.GetProperty("to").Str("inspectionId") == "bournemouth-christchurch-and-poole-2022-02-11");
        Assert.Equal(5, across.Count);
    }

    [Fact]
    public async Task AFormerCouncilCountsUntilItsLastDayAndItsGradeIsNotCarriedOver()
    {
        var before = (await _client.GetJsonAsync("/v1/statistics/distribution?asOf=2021-03-31&include=councils")).CouncilsByCode();
        Assert.Equal("inadequate", before["E10000021"].Str("grade"));
        Assert.Equal("northamptonshire-2019", before["E10000021"].Str("inspectionId"));

        var after = await _client.GetJsonAsync("/v1/statistics/distribution?asOf=2021-04-01&include=councils");
        var councils = after.CouncilsByCode();
        Assert.DoesNotContain("E10000021", councils.Keys);
        Assert.Equal("notInspected", councils["E06000061"].Str("status"));
        Assert.Equal("notInspected", councils["E06000062"].Str("status"));
        // One inadequate fewer on the day Northamptonshire closed.
        var inadequateBefore = (await _client.GetJsonAsync("/v1/statistics/distribution?asOf=2021-03-31")).GetProperty("england").Count("inadequate");
        Assert.Equal(inadequateBefore - 1, after.GetProperty("england").Count("inadequate"));
    }
}
