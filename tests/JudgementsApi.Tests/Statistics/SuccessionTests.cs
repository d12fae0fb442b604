using System.Text.Json;
using Dapper;
using JudgementsApi.Tests.Infrastructure;

namespace JudgementsApi.Tests.Statistics;

/// <summary>
/// Successions, with inspections of former councils that the real dataset does not (yet) hold:
/// this class's own database gets synthetic inspections of Northamptonshire (replaced by North and
/// West Northamptonshire, a split), of Bournemouth and Poole (merged, with part of Dorset County
/// Council, into BCP) and of Dorset County Council (replaced by Dorset and, in part, BCP).
/// </summary>
public class SuccessionTests : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client;

    public SuccessionTests(ApiFactory api)
    {
        using (var conn = api.OpenDatabase())
            conn.Execute("""
                INSERT INTO inspections (id, council_code, framework_version, type, published, source_kind, source, notes) VALUES
                  ('northamptonshire-2019-08-02', 'E10000021', 'ilacs-2018', 'standard', '2019-08-02', 'override', 'synthetic test row', 'test'),
                  ('bournemouth-2018-05-01', 'E06000028', 'ilacs-2018', 'standard', '2018-05-01', 'override', 'synthetic test row', 'test'),
                  ('poole-2018-06-01', 'E06000029', 'ilacs-2018', 'standard', '2018-06-01', 'override', 'synthetic test row', 'test'),
                  ('dorset-county-council-2018-07-01', 'E10000009', 'ilacs-2018', 'standard', '2018-07-01', 'override', 'synthetic test row', 'test')
                ON CONFLICT DO NOTHING;
                INSERT INTO judgements (inspection_id, area_code, grade) VALUES
                  ('northamptonshire-2019-08-02', 'ilacs_overall_effectiveness', 'inadequate'),
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

        // Northamptonshire → North and West Northamptonshire (first reports 25 November 2022).
        foreach (var (code, id) in new[] { ("E06000061", "north-northamptonshire-2022-11-25"), ("E06000062", "west-northamptonshire-2022-11-25") })
        {
            var m = across[code];
            Assert.Equal("northamptonshire-2019-08-02", m.GetProperty("from").Str("inspectionId"));
            Assert.Equal("E10000021", m.GetProperty("from").GetProperty("council").Str("code"));
            Assert.Equal("inadequate", m.GetProperty("from").Str("grade"));
            Assert.Equal(id, m.GetProperty("to").Str("inspectionId"));
        }
        // Dorset County Council → Dorset (its only predecessor).
        Assert.Equal("dorset-county-council-2018-07-01", across["E06000059"].GetProperty("from").Str("inspectionId"));
        Assert.Equal("dorset-2021-11-19", across["E06000059"].GetProperty("to").Str("inspectionId"));

        // BCP was formed from three councils: its first inspection starts a new series.
        Assert.DoesNotContain("E06000058", across.Keys);
        Assert.DoesNotContain(Movements(body), m => m.GetProperty("to").Str("inspectionId") == "bournemouth-christchurch-and-poole-2022-02-11");
        Assert.Equal(3, across.Count);
    }

    [Fact]
    public async Task AFormerCouncilCountsUntilItsLastDayAndItsGradeIsNotCarriedOver()
    {
        var before = (await _client.GetJsonAsync("/v1/statistics/distribution?asOf=2021-03-31&include=councils")).CouncilsByCode();
        Assert.Equal("inadequate", before["E10000021"].Str("grade"));
        Assert.Equal("northamptonshire-2019-08-02", before["E10000021"].Str("inspectionId"));

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
