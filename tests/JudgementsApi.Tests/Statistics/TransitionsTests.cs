namespace JudgementsApi.Tests.Statistics;

public class TransitionsTests(ApiFactory api) : ApiTests(api)
{
    private const string Url = "/v1/statistics/transitions";

    private static IEnumerable<JsonElement> Movements(JsonElement body) => body.GetProperty("movements").GetProperty("data").EnumerateArray();

    [Fact]
    public async Task TelfordAndWrekinsMoveFromRequiresImprovementToOutstandingAcrossSifAndIlacs()
    {
        var body = await Client.GetJsonAsync($"{Url}?fromGrade=requires_improvement&toGrade=outstanding&limit=500");
        var telford = Assert.Single(Movements(body), m => m.GetProperty("council").Str("code") == "E06000020");
        Assert.Equal("telford-and-wrekin-2016-08-26", telford.GetProperty("from").Str("inspectionId"));
        Assert.Equal("2016-08-26", telford.GetProperty("from").Str("published"));
        Assert.Equal("sif", telford.GetProperty("from").Str("frameworkVersion"));
        Assert.Equal("requires_improvement", telford.GetProperty("from").Str("grade"));
        Assert.Equal("telford-and-wrekin-2020-03-02", telford.GetProperty("to").Str("inspectionId"));
        Assert.Equal("2020-03-02", telford.GetProperty("to").Str("published"));
        Assert.Equal("outstanding", telford.GetProperty("to").Str("grade"));
        Assert.False(telford.GetProperty("acrossSuccession").GetBoolean());
        Assert.All(Movements(body), m =>
        {
            Assert.Equal("requires_improvement", m.GetProperty("from").Str("grade"));
            Assert.Equal("outstanding", m.GetProperty("to").Str("grade"));
        });
        Assert.Equal(body.Int("total"), body.GetProperty("matrix").GetProperty("requires_improvement").Int("outstanding"));
    }

    [Fact]
    public async Task ConsecutiveMeansTheNextGradedInspectionNotALaterOne()
    {
        // Telford and Wrekin's 2016 SIF is followed by 2020, not paired with 2024.
        var body = await Client.GetJsonAsync($"{Url}?limit=500&region=west-midlands");
        var telford = Movements(body).Where(m => m.GetProperty("council").Str("code") == "E06000020").ToList();
        Assert.Equal(
            ["telford-and-wrekin-2016-08-26>telford-and-wrekin-2020-03-02", "telford-and-wrekin-2020-03-02>telford-and-wrekin-2024-07-12"],
            telford.Select(m => m.GetProperty("from").Str("inspectionId") + ">" + m.GetProperty("to").Str("inspectionId")).Order());
    }

    [Fact]
    public async Task AdequateIsItsOwnGradeNotRequiresImprovement()
    {
        var body = await Client.GetJsonAsync($"{Url}?limit=500");
        var matrix = body.GetProperty("matrix");
        var adequateToGood = Movements(await Client.GetJsonAsync($"{Url}?fromGrade=adequate&toGrade=good&limit=500")).ToList();
        Assert.NotEmpty(adequateToGood);
        Assert.Equal(adequateToGood.Count, matrix.GetProperty("adequate").Int("good"));
        Assert.All(adequateToGood, m => Assert.Equal("pre-2013", m.GetProperty("from").Str("frameworkVersion")));
        // …and no requires_improvement movement starts from a pre-2013 'adequate'.
        var fromRi = Movements(await Client.GetJsonAsync($"{Url}?fromGrade=requires_improvement&limit=500")).ToList();
        Assert.DoesNotContain(fromRi, m => m.GetProperty("from").Str("frameworkVersion") == "pre-2013");
        Assert.Equal(fromRi.Count, matrix.GetProperty("requires_improvement").EnumerateObject().Sum(c => c.Value.GetInt32()));
    }

    [Fact]
    public async Task TheMatrixCountsEveryMovementAndTheCsvListsThem()
    {
        var body = await Client.GetJsonAsync(Url);
        var total = body.Int("total");
        Assert.Equal(["dataAsOf", "warnings", "area", "from", "to", "fromGrade", "toGrade", "region", "grades", "total", "matrix", "movements"],
            body.EnumerateObject().Select(p => p.Name));
        var first = body.GetProperty("movements").GetProperty("data")[0];
        Assert.Equal(["council", "region", "acrossSuccession", "from", "to"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["inspectionId", "council", "published", "frameworkVersion", "grade"], first.GetProperty("from").EnumerateObject().Select(p => p.Name));
        var grades = body.GetProperty("grades").EnumerateArray().Select(g => g.GetString()!).ToList();
        Assert.Equal(["outstanding", "good", "adequate", "requires_improvement", "inadequate"], grades);
        var matrix = body.GetProperty("matrix");
        Assert.Equal(grades, matrix.EnumerateObject().Select(r => r.Name));
        Assert.All(matrix.EnumerateObject(), r => Assert.Equal(grades, r.Value.EnumerateObject().Select(c => c.Name)));
        Assert.Equal(total, matrix.EnumerateObject().Sum(r => r.Value.EnumerateObject().Sum(c => c.Value.GetInt32())));
        Assert.Equal(total, body.GetProperty("movements").GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal(50, body.GetProperty("movements").GetProperty("data").GetArrayLength());
        Assert.True(total > 250);

        var response = await Client.GetAsync($"{Url}?format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = StatisticsAssertions.CsvLines(await response.Content.ReadAsStringAsync());
        Assert.Equal("council_code,council_name,region_code,region_name,across_succession,from_council_code,from_inspection_id," +
                     "from_published,from_framework_version,from_grade,to_inspection_id,to_published,to_framework_version,to_grade,data_as_of", lines[0]);
        Assert.Equal(1 + total, lines.Length);
        Assert.Contains("E06000020,Telford and Wrekin,E12000005,West Midlands,false,E06000020,telford-and-wrekin-2016-08-26,2016-08-26,sif,requires_improvement,telford-and-wrekin-2020-03-02,2020-03-02,ilacs-2018,outstanding,", lines.Select(l => l[..l.LastIndexOf(',')] + ","));
    }

    [Fact]
    public async Task EveryMovementPairsTwoKnownGradesInOrderAndFiltersApply()
    {
        var body = await Client.GetJsonAsync($"{Url}?from=2020-01-01&to=2022-12-31&region=E12000002&limit=500");
        var movements = Movements(body).ToList();
        Assert.NotEmpty(movements);
        Assert.Equal(body.Int("total"), movements.Count);
        Assert.All(movements, m =>
        {
            var to = DateOnly.Parse(m.GetProperty("to").Str("published"));
            Assert.InRange(to, new DateOnly(2020, 1, 1), new DateOnly(2022, 12, 31));
            Assert.True(DateOnly.Parse(m.GetProperty("from").Str("published")) <= to);
            Assert.Equal("E12000002", m.GetProperty("region").Str("code"));
            Assert.Equal(JsonValueKind.String, m.GetProperty("from").GetProperty("grade").ValueKind);
            Assert.Equal(JsonValueKind.String, m.GetProperty("to").GetProperty("grade").ValueKind);
        });
    }

    [Fact]
    public async Task AnUnknownGradeMakesNoPairOnEitherSide()
    {
        // Isles of Scilly's 2016 SIF did not judge children looked after: no children_in_care
        // movement may start or end at it, nor skip over it.
        var movements = Movements(await Client.GetJsonAsync($"{Url}?area=children_in_care&limit=500&region=south-west")).ToList();
        Assert.NotEmpty(movements);
        Assert.DoesNotContain(movements, m =>
            m.GetProperty("from").Str("inspectionId") == "isles-of-scilly-2016-06-27" || m.GetProperty("to").Str("inspectionId") == "isles-of-scilly-2016-06-27");
        var scilly = movements.Where(m => m.GetProperty("council").Str("code") == "E06000053").ToList();
        Assert.All(scilly, m => Assert.True(string.CompareOrdinal(m.GetProperty("from").Str("published"), "2016-06-27") > 0));
    }

    [Fact]
    public async Task BadParametersAreOne400ListingEach()
    {
        var problem = await Client.GetProblemAsync(
            $"{Url}?from=yesterday&to=2020-01-01&fromGrade=excellent&toGrade=poor&region=mars&area=x&limit=0&groupBy=region",
            HttpStatusCode.BadRequest);
        Assert.Equal(["area", "from", "fromGrade", "groupBy", "limit", "region", "toGrade"], problem.ErrorParameters().Order(StringComparer.Ordinal));
    }
}
