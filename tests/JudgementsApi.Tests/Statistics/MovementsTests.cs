namespace JudgementsApi.Tests.Statistics;

public class MovementsTests(ApiFactory api) : ApiTests(api)
{
    private const string Url = "/v1/statistics/movements";

    private static List<JsonElement> Rows(JsonElement body) => body.GetProperty("movements").GetProperty("data").EnumerateArray().ToList();

    [Fact]
    public async Task SevenCouncilsWentFromInadequateToOutstandingSince2018()
    {
        // Each was inadequate overall on 1 January 2018 by its SIF report ("Children's services in Bromley are
        // inadequate", 80490_bromley_2016-06-27 line 11) and is outstanding today by its ILACS report's table
        // (" Overall effectiveness                      Outstanding", 80490_bromley_2024-01-12 line 22).
        var body = await Client.GetJsonAsync($"{Url}?from=2018-01-01&fromGrade=inadequate&toGrade=outstanding&limit=500");
        var rows = Rows(body);
        Assert.Equal(["Bromley", "Darlington", "Norfolk", "Rotherham", "Sunderland", "Tower Hamlets", "Wandsworth"],
            rows.Select(r => r.GetProperty("council").Str("name")));
        Assert.All(rows, r =>
        {
            Assert.Equal("graded", r.GetProperty("from").Str("status"));
            Assert.Equal("inadequate", r.GetProperty("from").Str("grade"));
            Assert.Equal("sif", r.GetProperty("from").Str("frameworkVersion"));
            Assert.Equal("outstanding", r.GetProperty("to").Str("grade"));
            Assert.Equal(3, r.GetProperty("steps").GetInt32()); // inadequate → requires improvement → good → outstanding
            Assert.Equal("up", r.Str("direction"));
        });
        var bromley = rows[0];
        Assert.Equal("bromley-2016-06-27", bromley.GetProperty("from").Str("inspectionId"));
        Assert.Equal("bromley-2024-01-12", bromley.GetProperty("to").Str("inspectionId"));
        Assert.Equal("2018-01-01", body.Str("from"));
        Assert.Equal(StatisticsAssertions.TodayInEngland(Api.Clock).ToString("yyyy-MM-dd"), body.Str("to"));
        Assert.Equal(7, body.GetProperty("counts").Int("councils"));
        Assert.Equal(7, body.GetProperty("counts").Int("up"));
    }

    [Fact]
    public async Task GradesAsAtBothDaysAreTheDistributionsGrades()
    {
        var body = await Client.GetJsonAsync($"{Url}?from=2016-03-31&to=2024-03-31&limit=500");
        var rows = Rows(body).ToDictionary(r => r.GetProperty("council").Str("code"));
        foreach (var (day, side) in new[] { ("2016-03-31", "from"), ("2024-03-31", "to") })
        {
            var standings = (await Client.GetJsonAsync($"/v1/statistics/distribution?asOf={day}&include=councils")).CouncilsByCode();
            foreach (var (code, s) in standings)
            {
                var end = rows[code].GetProperty(side);
                Assert.Equal(s.Str("status"), end.Str("status"));
                Assert.Equal(s.GetProperty("grade").GetString(), end.GetProperty("grade").GetString());
                Assert.Equal(s.GetProperty("inspectionId").GetString(), end.GetProperty("inspectionId").GetString());
            }
            // Councils that did not exist that day are listed as such, not as not inspected.
            Assert.All(rows.Where(r => !standings.ContainsKey(r.Key)), r => Assert.Equal("notInOperation", r.Value.GetProperty(side).Str("status")));
        }
        // Bournemouth, Christchurch and Poole did not exist in 2016: no movement, and it does not inherit Bournemouth's grade.
        var bcp = rows["E06000058"];
        Assert.Equal("notInOperation", bcp.GetProperty("from").Str("status"));
        Assert.Equal(JsonValueKind.Null, bcp.GetProperty("steps").ValueKind);
        Assert.Equal(JsonValueKind.Null, bcp.GetProperty("direction").ValueKind);
        Assert.Equal(rows.Count, body.GetProperty("counts").Int("councils"));
        Assert.Equal(rows.Values.Count(r => r.GetProperty("steps").ValueKind == JsonValueKind.Number), body.GetProperty("counts").Int("compared"));
    }

    [Fact]
    public async Task SortsByMostImprovedOrMostDeclinedWithUncomparedLast()
    {
        var improved = Rows(await Client.GetJsonAsync($"{Url}?from=2018-01-01&sort=-steps&limit=500"));
        var steps = improved.Select(r => r.GetProperty("steps")).ToList();
        var compared = steps.TakeWhile(s => s.ValueKind == JsonValueKind.Number).Select(s => s.GetInt32()).ToList();
        Assert.True(compared.Count > 100);
        Assert.All(steps.Skip(compared.Count), s => Assert.Equal(JsonValueKind.Null, s.ValueKind));
        Assert.Equal(compared.OrderDescending(), compared);
        Assert.Equal(3, compared[0]);

        var declined = Rows(await Client.GetJsonAsync($"{Url}?from=2018-01-01&sort=steps&direction=down&limit=500"));
        var down = declined.Select(r => r.GetProperty("steps").GetInt32()).ToList();
        Assert.NotEmpty(down);
        Assert.Equal(down.Order(), down);
        Assert.All(down, d => Assert.True(d < 0));
        Assert.All(declined, r => Assert.Equal("down", r.Str("direction")));
    }

    [Fact]
    public async Task CouncilsRegionAndCsv()
    {
        var two = await Client.GetJsonAsync($"{Url}?from=2018-01-01&council=bromley,E08000024");
        Assert.Equal(["Bromley", "Sunderland"], Rows(two).Select(r => r.GetProperty("council").Str("name")));
        Assert.Equal(["E09000006", "E08000024"], two.GetProperty("councils").EnumerateArray().Select(c => c.GetString()));

        var london = await Client.GetJsonAsync($"{Url}?from=2018-01-01&region=london&limit=500");
        Assert.Equal(33, Rows(london).Count);
        Assert.All(Rows(london), r => Assert.Equal("E12000007", r.GetProperty("region").Str("code")));

        var response = await Client.GetAsync($"{Url}?from=2018-01-01&to=2025-06-30&format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = StatisticsAssertions.CsvLines(await response.Content.ReadAsStringAsync());
        Assert.Equal("from,to,data_as_of,area,council_code,council_name,region_code,region_name," +
                     "from_status,from_grade,from_inspection_id,from_published,from_framework_version," +
                     "to_status,to_grade,to_inspection_id,to_published,to_framework_version,steps,direction", lines[0]);
        var json = await Client.GetJsonAsync($"{Url}?from=2018-01-01&to=2025-06-30");
        Assert.Equal(1 + json.GetProperty("counts").Int("councils"), lines.Length);
        Assert.Contains(lines, l => l.StartsWith("2018-01-01,2025-06-30,") && l.Contains(",E09000006,Bromley,E12000007,London,graded,inadequate,bromley-2016-06-27,2016-06-27,sif,graded,outstanding,bromley-2024-01-12,2024-01-12,ilacs-2023,3,up"));
    }

    [Fact]
    public async Task FreshnessAndAreaAreStated()
    {
        var body = await Client.GetJsonAsync($"{Url}?from=2018-01-01");
        Assert.Equal("overall_effectiveness", body.Str("area"));
        Assert.Equal(await Api.NewestPublicationAsync(), body.Str("dataAsOf"));
        Assert.Contains(body.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("reports published since may be missing"));
        var old = await Client.GetJsonAsync($"{Url}?from=2018-01-01&to=2020-01-01");
        Assert.Empty(old.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task BadInputIsAProblemNamingEachParameter()
    {
        var missing = await Client.GetProblemAsync(Url, HttpStatusCode.BadRequest);
        Assert.Equal(["from"], missing.ErrorParameters());

        var future = StatisticsAssertions.TodayInEngland(Api.Clock).AddDays(2).ToString("yyyy-MM-dd");
        var many = await Client.GetProblemAsync(
            $"{Url}?from=2020-01-01&to=2019-01-01&direction=sideways&sort=best&fromGrade=great&council=bromley,nowhere", HttpStatusCode.BadRequest);
        Assert.Equal(["council", "direction", "fromGrade", "sort", "to"], many.ErrorParameters().Order());
        Assert.Contains("nowhere", many.GetProperty("errors").EnumerateArray().Single(e => e.Str("parameter") == "council").Str("message"));

        var problem = await Client.GetProblemAsync($"{Url}?from={future}", HttpStatusCode.BadRequest);
        Assert.Equal(["from"], problem.ErrorParameters());
        var typo = await Client.GetProblemAsync($"{Url}?from=2020-01-01&form=2019-01-01", HttpStatusCode.BadRequest);
        Assert.Equal(["form"], typo.ErrorParameters());
    }
}
