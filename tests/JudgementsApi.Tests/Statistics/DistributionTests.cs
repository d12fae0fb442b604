namespace JudgementsApi.Tests.Statistics;

public class DistributionTests(ApiFactory api) : ApiTests(api)
{
    private const string Url = "/v1/statistics/distribution";

    private static readonly string[] OverallScale = ["outstanding", "good", "adequate", "requires_improvement", "inadequate"];

    // ---- Ofsted's published figures -------------------------------------------------------------

    /// <summary>
    /// Ofsted's share of councils good or outstanding on a day, reproduced within one percentage point
    /// from the judgements in force that day, and exactly which councils we count as not inspected or without a report.
    /// <para>
    /// At 31 October 2017 all 152 councils had a SIF inspection; Ofsted: 36% good or outstanding (and
    /// 19% inadequate, see below). We have 35.2%, over 142 councils judged, not 152. The 10 councils we
    /// count as not inspected under SIF on that day:
    /// - five whose SIF report was published after 31 October 2017 although the inspection ended
    ///   before it (Blackburn with Darwen, Richmond upon Thames: published 8 December 2017;
    ///   Camden, Shropshire, South Tyneside: published 24 November 2017); we count a judgement from
    ///   the day its report is published, Ofsted's figure evidently from the inspection;
    /// - five former councils whose SIF report is not in the dataset's source reports
    ///   (Bournemouth, Poole, Dorset County Council, Northamptonshire, Cumbria).
    /// </para>
    /// <para>
    /// At 31 March 2024, Ofsted: 60% of the 153 councils. We have 60.3% (91 of 151 judged): Cumberland
    /// and Westmorland and Furness, formed on 1 April 2023 from Cumbria, had no inspection of their own
    /// yet (their first reports: July and November 2024); we never carry a predecessor's judgement
    /// over to its successors.
    /// </para>
    /// </summary>
    [Theory]
    [InlineData("2017-10-31&framework=sif", 152, 142, 36.0, new[]
    {
        "Blackburn with Darwen", "Bournemouth", "Camden", "Cumbria", "Dorset County Council", "Northamptonshire",
        "Poole", "Richmond upon Thames", "Shropshire", "South Tyneside",
    })]
    [InlineData("2024-03-31", 153, 151, 60.0, new[] { "Cumberland", "Westmorland and Furness" })]
    public async Task OfstedsShareGoodOrOutstandingIsReproducedWithinOnePoint(string asOf, int councils, int judged, double ofstedsPercent,
        string[] notCounted)
    {
        var body = await Client.GetJsonAsync($"{Url}?asOf={asOf}&include=councils");
        var england = body.GetProperty("england");
        Assert.Equal(councils, england.Int("councils"));
        Assert.InRange(PercentOfJudged(england, "good", "outstanding"), ofstedsPercent - 1, ofstedsPercent + 1);

        // The documented difference (see above): exactly these are not (yet) inspected, or have no report, here.
        Assert.Equal(judged, england.Int("judged"));
        var standings = body.GetProperty("councils").EnumerateArray().ToList();
        Assert.Equal(notCounted, standings.Where(c => c.Str("status") is "notInspected" or "noReport").Select(c => c.Str("name"))
            .Order(StringComparer.Ordinal));
        // The former councils were inspected: their reports are missing from the sources, never "not inspected".
        Assert.All(standings.Where(c => FormerWithoutReports.Contains(c.Str("name"))), c => Assert.Equal("noReport", c.Str("status")));
    }

    /// <summary>Ofsted: at 31 October 2017, 19% of councils were inadequate under SIF (see above for the 142 judged).</summary>
    [Fact]
    public async Task OfstedsSifInadequateShareAt31October2017IsReproducedWithinOnePoint()
    {
        var body = await Client.GetJsonAsync($"{Url}?asOf=2017-10-31&framework=sif&include=councils");
        var england = body.GetProperty("england");
        Assert.InRange(PercentOfJudged(england, "inadequate"), 18.0, 20.0);
        Assert.Equal(0, england.Int("notGraded") + england.Int("unknown"));
        // Every counted judgement is a SIF one.
        Assert.All(body.GetProperty("councils").EnumerateArray().Where(c => c.Str("status") is not ("notInspected" or "noReport")),
            c => Assert.Equal("sif", c.Str("frameworkVersion")));
    }

    /// <summary>One council's row of the distribution for <paramref name="query"/> (asOf and any filters).</summary>
    private async Task<JsonElement> Council(string code, string query) =>
        (await Client.GetJsonAsync($"{Url}?{query}&include=councils")).CouncilsByCode()[code];

    private static readonly string[] FormerWithoutReports = ["Bournemouth", "Cumbria", "Dorset County Council", "Northamptonshire", "Poole"];

    private static double PercentOfJudged(JsonElement counts, params string[] grades) =>
        100.0 * grades.Sum(g => counts.Count(g)) / counts.Int("judged");

    // ---- which councils count on which day ------------------------------------------------------

    [Theory]
    // BCP and Dorset replaced Bournemouth, Poole and Dorset County Council on 1 April 2019.
    [InlineData("2019-03-31", 152, new[] { "E06000028", "E06000029", "E10000009" }, new[] { "E06000058", "E06000059" })]
    [InlineData("2019-04-01", 151, new[] { "E06000058", "E06000059" }, new[] { "E06000028", "E06000029", "E10000009" })]
    // North and West Northamptonshire replaced Northamptonshire on 1 April 2021.
    [InlineData("2021-03-31", 151, new[] { "E10000021" }, new[] { "E06000061", "E06000062" })]
    [InlineData("2021-04-01", 152, new[] { "E06000061", "E06000062" }, new[] { "E10000021" })]
    // Cumberland and Westmorland and Furness replaced Cumbria on 1 April 2023.
    [InlineData("2023-03-31", 152, new[] { "E10000006" }, new[] { "E06000063", "E06000064" })]
    [InlineData("2023-04-01", 153, new[] { "E06000063", "E06000064" }, new[] { "E10000006" })]
    public async Task ACouncilCountsOnExactlyTheDaysItExisted(string asOf, int councils, string[] present, string[] absent)
    {
        var body = await Client.GetJsonAsync($"{Url}?asOf={asOf}&include=councils");
        Assert.Equal(asOf, body.Str("asOf"));
        Assert.Equal(councils, body.GetProperty("england").Int("councils"));
        var codes = body.CouncilsByCode();
        Assert.Equal(councils, codes.Count);
        foreach (var code in present) Assert.Contains(code, codes.Keys);
        foreach (var code in absent) Assert.DoesNotContain(code, codes.Keys);
    }

    [Fact]
    public async Task ANewCouncilIsNotInspectedUntilItsOwnFirstReportNeverItsPredecessors()
    {
        // North Northamptonshire's first report was published on 25 November 2022.
        var before = await Council("E06000061", "asOf=2022-11-24");
        Assert.Equal("notInspected", before.Str("status"));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("inspectionId").ValueKind);
        var after = await Council("E06000061", "asOf=2022-11-25");
        Assert.Equal(("graded", "north-northamptonshire-2022-11-25"), (after.Str("status"), after.Str("inspectionId")));
    }

    [Fact]
    public async Task BeforeTheDatasetsReportsEveryCouncilHasNoReportNeverNotInspected()
    {
        var body = await Client.GetJsonAsync($"{Url}?asOf=2012-06-01&groupBy=region");
        var england = body.GetProperty("england");
        Assert.Equal(152, england.Int("councils"));
        Assert.Equal(152, england.Int("noReport"));
        Assert.Equal(0, england.Int("notInspected"));
        Assert.True(england.GetProperty("baseUnderHalf").GetBoolean());
        Assert.Equal(0, england.Int("judged"));
        Assert.Equal(OverallScale, england.Grades());
        Assert.All(OverallScale, g => Assert.Equal(0, england.Count(g)));
        Assert.All(OverallScale, g => Assert.Null(england.Percent(g)));
        StatisticsAssertions.AssertGroupsAddUp(england, body.GetProperty("groups"));
    }

    // ---- never fall back to an older inspection -------------------------------------------------

    [Fact]
    public async Task AnIlacs2026InspectionLeavesOverallEffectivenessNotGraded()
    {
        // Liverpool: ILACS 2023 (graded overall effectiveness), then ILACS 2026 published 7 July 2026,
        // which has no overall effectiveness judgement.
        var dayBefore = await Council("E08000012", "asOf=2026-07-06");
        Assert.Equal("graded", dayBefore.Str("status"));
        Assert.Equal("liverpool-2023-05-25", dayBefore.Str("inspectionId"));

        var body = await Client.GetJsonAsync($"{Url}?asOf=2026-07-07&include=councils");
        var liverpool = body.CouncilsByCode()["E08000012"];
        Assert.Equal("notGraded", liverpool.Str("status"));
        Assert.Equal(JsonValueKind.Null, liverpool.GetProperty("grade").ValueKind);
        Assert.Equal("liverpool-2026-07-07", liverpool.Str("inspectionId"));
        Assert.Equal("ilacs-2026", liverpool.Str("frameworkVersion"));
        var notGraded = body.GetProperty("councils").EnumerateArray().Where(c => c.Str("status") == "notGraded").ToList();
        Assert.Equal(body.GetProperty("england").Int("notGraded"), notGraded.Count);
        Assert.All(notGraded, c => Assert.Equal("ilacs-2026", c.Str("frameworkVersion")));

        // The same inspection does grade leadership.
        var leadership = await Council("E08000012", "asOf=2026-07-07&area=leadership");
        Assert.Equal("graded", leadership.Str("status"));
        Assert.Equal("good", leadership.Str("grade"));
    }

    [Fact]
    public async Task AnAreaTheReportDidNotJudgeIsNotJudgedAndOutOfTheDenominator()
    {
        // 80455_isles-of-scilly_2016-06-27.txt lines 14-16: "2. Children looked after and achieving … Not Judged … permanence".
        var body = await Client.GetJsonAsync($"{Url}?asOf=2016-12-31&area=children_in_care&include=councils");
        var scilly = body.CouncilsByCode()["E06000053"];
        Assert.Equal("notJudged", scilly.Str("status"));
        Assert.Equal("isles-of-scilly-2016-06-27", scilly.Str("inspectionId"));
        var england = body.GetProperty("england");
        Assert.Equal(1, england.Int("notJudged"));
        Assert.Equal(body.GetProperty("councils").EnumerateArray().Count(c => c.Str("status") == "graded"), england.Int("judged"));
        // Unknown is a different fact: Shropshire's 2012 press release gives only the overall grade.
        Assert.Equal("unknown", body.CouncilsByCode()["E06000051"].Str("status"));
        Assert.Equal(body.GetProperty("councils").EnumerateArray().Count(c => c.Str("status") == "unknown"), england.Int("unknown"));
    }

    [Fact]
    public async Task AnAreaTheReportDidNotCoverIsNotCovered()
    {
        // Surrey's 2018 report is a "Re-inspection of services for children in need of help and protection" with no
        // review of the LSCB; the 2015 review of the LSCB alone is not a full inspection and never heads the record.
        var body = await Client.GetJsonAsync($"{Url}?asOf=2018-06-30&area=lscb_review&include=councils");
        var surrey = body.CouncilsByCode()["E10000030"];
        Assert.Equal(("notCovered", "surrey-2018-05-16"), (surrey.Str("status"), surrey.Str("inspectionId")));
        Assert.True(body.GetProperty("england").Int("notCovered") >= 10);
        var in2015 = await Council("E10000030", "asOf=2015-12-31&area=lscb_review");
        Assert.Equal(("notCovered", "surrey-2015-06-03"), (in2015.Str("status"), in2015.Str("inspectionId")));
    }

    [Fact]
    public async Task AJudgedAreaWhoseGradeTheSourceDoesNotGiveIsUnknown()
    {
        // North Northamptonshire's 2022 report cites only the overall grade of Northamptonshire's 2019 inspection.
        var body = await Client.GetJsonAsync($"{Url}?asOf=2020-06-30&area=help_and_protection&include=councils");
        var northants = body.CouncilsByCode()["E10000021"];
        Assert.Equal(("unknown", "northamptonshire-2019"), (northants.Str("status"), northants.Str("inspectionId")));
        Assert.Equal(1, body.GetProperty("england").Int("unknown"));
    }

    [Fact]
    public async Task ACitedJudgementDatedToAYearCountsFromThatYearsLastDay()
    {
        // "…Northamptonshire County Council, were judged inadequate in 2019." Certainly judged by 31 December 2019.
        var before = await Council("E10000021", "asOf=2019-12-30");
        Assert.Equal("noReport", before.Str("status"));
        var after = await Council("E10000021", "asOf=2019-12-31");
        Assert.Equal(("graded", "inadequate", "northamptonshire-2019"), (after.Str("status"), after.Str("grade"), after.Str("inspectionId")));
    }

    [Fact]
    public async Task AnAreaCodeCountsOnlyInspectionsThatGradeThatArea()
    {
        // On 31 October 2017 Shropshire's latest full inspection was its 2012 (pre-2013) one: the
        // family counts its 'adequate', the SIF area code does not.
        var family = await Client.GetJsonAsync($"{Url}?asOf=2017-10-31&include=councils");
        var code = await Client.GetJsonAsync($"{Url}?asOf=2017-10-31&area=sif_overall_effectiveness&include=councils");
        Assert.Equal("adequate", family.CouncilsByCode()["E06000051"].Str("grade"));
        Assert.Equal("notGraded", code.CouncilsByCode()["E06000051"].Str("status"));
        Assert.Equal(1, family.GetProperty("england").Count("adequate"));
        Assert.Equal(["outstanding", "good", "requires_improvement", "inadequate"], code.GetProperty("england").Grades());
        Assert.Equal(family.GetProperty("england").Int("judged") - 1, code.GetProperty("england").Int("judged"));
    }

    [Fact]
    public async Task AFrameworkCountsEachCouncilsLatestInspectionUnderIt()
    {
        // Telford and Wrekin: SIF 2016 requires improvement, then ILACS outstanding (2020, 2024).
        var sif = await Council("E06000020", "asOf=2024-03-31&framework=sif");
        Assert.Equal("telford-and-wrekin-2016-08-26", sif.Str("inspectionId"));
        Assert.Equal("requires_improvement", sif.Str("grade"));
        var all = await Council("E06000020", "asOf=2024-03-31");
        Assert.Equal("telford-and-wrekin-2020-03-02", all.Str("inspectionId"));
        Assert.Equal("outstanding", all.Str("grade"));
        // A framework version works too; councils without one are not inspected under it.
        var v2023 = await Client.GetJsonAsync($"{Url}?asOf=2023-01-31&framework=ilacs-2023&include=councils");
        Assert.All(v2023.GetProperty("councils").EnumerateArray().Where(c => c.Str("status") is not ("notInspected" or "noReport")),
            c => Assert.Equal("ilacs-2023", c.Str("frameworkVersion")));
        Assert.True(v2023.GetProperty("england").Int("notInspected") > 100);
    }

    // ---- shape, defaults, groups ------------------------------------------------------------------

    [Fact]
    public async Task DefaultsAreTodayOverallEffectivenessNoGroups()
    {
        var body = await Client.GetJsonAsync(Url);
        Assert.Equal(StatisticsAssertions.TodayInEngland(Api.Clock).ToString("yyyy-MM-dd"), body.Str("asOf"));
        Assert.Equal("overall_effectiveness", body.Str("area"));
        Assert.Equal("none", body.Str("groupBy"));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("framework").ValueKind);
        Assert.StartsWith("councils with a grade in the area (judged): never those whose report says the area was not judged", body.Str("denominator"));
        Assert.Empty(body.GetProperty("groups").EnumerateArray());
        Assert.False(body.TryGetProperty("councils", out _));
        Assert.Equal(OverallScale, body.GetProperty("england").Grades());
        StatisticsAssertions.AssertConsistent(body.GetProperty("england"));
        Assert.Equal(153, body.GetProperty("england").Int("councils"));
    }

    [Fact]
    public async Task TheShapeIsExactlyAsDocumented()
    {
        var body = await Client.GetJsonAsync($"{Url}?asOf=2024-03-31&groupBy=region&include=councils");
        static List<string> Names(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["asOf", "dataAsOf", "warnings", "area", "framework", "groupBy", "denominator", "england", "groups", "councils"], Names(body));
        Assert.Equal(["councils", "judged", "notInspected", "noReport", "notGraded", "notJudged", "notCovered", "unknown", "counts", "percentages",
            "goodOrBetter", "requiresImprovementOrWorse", "lowBase", "note", "baseUnderHalf"], Names(body.GetProperty("england")));
        Assert.All(body.GetProperty("groups").EnumerateArray(), g =>
            Assert.Equal(["code", "name", "councils", "judged", "notInspected", "noReport", "notGraded", "notJudged", "notCovered", "unknown", "counts",
                "percentages", "goodOrBetter", "requiresImprovementOrWorse", "lowBase", "note", "baseUnderHalf"], Names(g)));
        Assert.Equal(["code", "name", "slug", "region", "type", "status", "grade", "inspectionId", "published", "frameworkVersion", "reason"],
            Names(body.GetProperty("councils")[0]));
        Assert.Equal(["E12000004", "East Midlands"], new[] { body.GetProperty("groups")[0].Str("code"), body.GetProperty("groups")[0].Str("name") });
    }

    [Theory]
    [InlineData("2014-06-30", "region")]
    [InlineData("2019-04-01", "type")]
    [InlineData("2026-07-07", "region")]
    [InlineData("2016-12-31", "type")]
    public async Task GroupsAddUpToEngland(string asOf, string groupBy)
    {
        var body = await Client.GetJsonAsync($"{Url}?asOf={asOf}&groupBy={groupBy}&area=children_in_care");
        var england = body.GetProperty("england");
        StatisticsAssertions.AssertConsistent(england);
        var groups = body.GetProperty("groups");
        Assert.Equal(groupBy == "region" ? 9 : 4, groups.GetArrayLength());
        StatisticsAssertions.AssertGroupsAddUp(england, groups);
    }

    [Fact]
    public async Task PercentagesAreOfJudgedToOneDecimalPlace()
    {
        var england = (await Client.GetJsonAsync($"{Url}?asOf=2017-10-31&framework=sif")).GetProperty("england");
        // 47 good of 142 judged = 33.098…%; 3 outstanding = 2.112…%; 28 inadequate = 19.718…%
        Assert.Equal(47, england.Count("good"));
        Assert.Equal(33.1m, england.Percent("good"));
        Assert.Equal(2.1m, england.Percent("outstanding"));
        Assert.Equal(19.7m, england.Percent("inadequate"));
        StatisticsAssertions.AssertConsistent(england);
    }

    [Fact]
    public async Task TheCouncilListMatchesTheCounts()
    {
        var body = await Client.GetJsonAsync($"{Url}?asOf=2020-06-30&include=councils&groupBy=region");
        var councils = body.GetProperty("councils").EnumerateArray().ToList();
        var england = body.GetProperty("england");
        Assert.Equal(england.Int("councils"), councils.Count);
        foreach (var grade in england.Grades())
            Assert.Equal(england.Count(grade), councils.Count(c => c.Str("status") == "graded" && c.Str("grade") == grade));
        foreach (var g in body.GetProperty("groups").EnumerateArray())
            Assert.Equal(g.Int("councils"), councils.Count(c => c.GetProperty("region").Str("code") == g.Str("code")));
        // Graded councils' inspections were published on or before the day.
        Assert.All(councils.Where(c => c.Str("status") is not ("notInspected" or "noReport")),
            c => Assert.True(DateOnly.Parse(c.Str("published")) <= new DateOnly(2020, 6, 30)));
    }

    // ---- errors -----------------------------------------------------------------------------------

    [Fact]
    public async Task BadParametersAreOne400ListingEach()
    {
        var problem = await Client.GetProblemAsync(
            $"{Url}?asOf=2017-13-01&area=happiness&groupBy=county&framework=ofsted-1990&include=inspections&colour=blue",
            HttpStatusCode.BadRequest);
        Assert.Equal("/problems/invalid-parameter", problem.Str("type"));
        Assert.Equal(["area", "asOf", "colour", "framework", "groupBy", "include"], problem.ErrorParameters().Order());
    }

    [Theory]
    [InlineData("asOf=2999-01-01", "asOf")]
    [InlineData("asOf=1999-12-31", "asOf")]
    [InlineData("asOf=31/10/2017", "asOf")]
    [InlineData("area=lscb_review&framework=ilacs", "framework")]
    [InlineData("area=overall_effectiveness&framework=ilacs-2026", "framework")]
    public async Task DaysOutsideTheDataAndImpossibleCombinationsAre400(string query, string parameter)
    {
        var problem = await Client.GetProblemAsync($"{Url}?{query}", HttpStatusCode.BadRequest);
        Assert.Equal([parameter], problem.ErrorParameters());
    }

    // ---- CSV ----------------------------------------------------------------------------------------

    [Fact]
    public async Task CsvHasARowForEnglandAndEachGroup()
    {
        var response = await Client.GetAsync($"{Url}?asOf=2024-03-31&groupBy=region&format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = StatisticsAssertions.CsvLines(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            "as_of,area,framework,group_type,group_code,group_name,councils,judged,not_inspected,no_report,not_graded,not_judged,not_covered,unknown," +
            "outstanding_count,good_count,adequate_count,requires_improvement_count,inadequate_count," +
            "outstanding_percent,good_percent,adequate_percent,requires_improvement_percent,inadequate_percent," +
            "good_or_better_count,good_or_better_percent,requires_improvement_or_worse_count,requires_improvement_or_worse_percent," +
            "low_base,base_under_half,data_as_of", lines[0]);
        Assert.Equal(1 + 1 + 9, lines.Length);
        var json = (await Client.GetJsonAsync($"{Url}?asOf=2024-03-31")).GetProperty("england");
        var england = lines[1].Split(',');
        Assert.Equal(["2024-03-31", "overall_effectiveness", "", "england", "E92000001", "England"], england[..6]);
        Assert.Equal(json.Int("councils").ToString(), england[6]);
        Assert.Equal(json.Int("judged").ToString(), england[7]);
        Assert.Equal(json.Count("good").ToString(), england[15]);
        Assert.Equal(json.Percent("good")!.Value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), england[20]);
    }

    [Fact]
    public async Task CsvWithCouncilsHasARowPerCouncilAndAcceptHeaderWorks()
    {
        var client = Api.CreateClient("text/csv");
        var response = await client.GetAsync($"{Url}?asOf=2019-04-01&include=councils");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = StatisticsAssertions.CsvLines(await response.Content.ReadAsStringAsync());
        Assert.Equal("as_of,area,framework,council_code,council_name,region_code,region_name,type,status,grade,inspection_id,published,framework_version,reason,data_as_of", lines[0]);
        Assert.Equal(1 + 151, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("2019-04-01,overall_effectiveness,,E06000058,\"Bournemouth, Christchurch and Poole\",E12000009,South West,unitary,notInspected,"));
    }
}
