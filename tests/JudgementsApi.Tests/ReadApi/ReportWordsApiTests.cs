namespace JudgementsApi.Tests.ReadApi;

/// <summary>Issue #11 over HTTP: statuses, evidence, cited judgements, Ofsted page links and priority actions.</summary>
public class ReportWordsApiTests(ApiFactory api) : ApiTests(api)
{
    private static Dictionary<string, JsonElement> ByFamily(JsonElement inspection) =>
        inspection.GetProperty("judgements").EnumerateArray().ToDictionary(j => j.GetProperty("area").Str("family"));

    private static async Task<List<Dictionary<string, string>>> CsvAsync(HttpClient client, string url)
    {
        var text = await client.GetStringAsync(url);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        // The rows asserted on here have no quoted fields before the grade columns.
        return lines.Skip(1).Select(l => l.Split(',')).Where(f => f.Length >= header.Length)
            .Select(f => header.Select((h, i) => (h, f[i])).ToDictionary(x => x.h, x => x.Item2)).ToList();
    }

    [Fact]
    public async Task EveryJudgementSaysWhatItsAbsenceMeansAndQuotesTheReport()
    {
        var scilly = await Client.GetJsonAsync("/v1/inspections/isles-of-scilly-2016-06-27");
        var js = ByFamily(scilly);
        // Line 12: "1. Children who need help and protection    Good"
        var help = js["help_and_protection"];
        Assert.Equal(("graded", "good"), (help.Str("status"), help.GetProperty("grade").Str("code")));
        var evidence = help.GetProperty("evidence");
        Assert.Equal("1. Children who need help and protection Good", evidence.Str("text"));
        Assert.Equal(("80455_isles-of-scilly_2016-06-27.txt", 12), (evidence.Str("document"), evidence.GetProperty("line").GetInt32()));
        Assert.Equal(scilly.Str("reportUrl"), evidence.Str("documentUrl"));
        // Lines 14-16: "2. Children looked after and achieving / Not Judged / permanence"
        var cla = js["children_in_care"];
        Assert.Equal(("not_judged", JsonValueKind.Null), (cla.Str("status"), cla.GetProperty("grade").ValueKind));
        Assert.Contains("Not Judged", cla.GetProperty("evidence").Str("text"));
        Assert.Equal("not_judged", scilly.GetProperty("missingGrades").Str("children_in_care"));
        Assert.False(scilly.GetProperty("missingGrades").TryGetProperty("help_and_protection", out _));

        var review = ByFamily(await Client.GetJsonAsync("/v1/inspections/surrey-2015-08-03"));
        Assert.Equal("not_covered", review["overall_effectiveness"].Str("status"));
        Assert.Equal(JsonValueKind.Null, review["overall_effectiveness"].GetProperty("evidence").ValueKind);
    }

    [Fact]
    public async Task HullsAppendedLscbReviewIsRead()
    {
        // 80477_kingston-upon-hull_2015-02-10.txt line 1663: "The Local Safeguarding Children Board requires improvement"
        var hull = await Client.GetJsonAsync("/v1/inspections/kingston-upon-hull-2015-02-10");
        Assert.Equal("requires_improvement", hull.GetProperty("grades").Str("lscb_review"));
        var lscb = ByFamily(hull)["lscb_review"].GetProperty("evidence");
        Assert.Equal(("The Local Safeguarding Children Board requires improvement", 1663), (lscb.Str("text"), lscb.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task TheCsvSaysNotJudgedNotCoveredAndUnknownInDistinctWords()
    {
        var rows = await CsvAsync(Client, "/v1/inspections?format=csv&publishedFrom=2015-01-01&publishedTo=2016-12-31");
        var scilly = rows.Single(r => r["id"] == "isles-of-scilly-2016-06-27");
        Assert.Equal(("good", "", ""), (scilly["help_and_protection"], scilly["children_in_care"], scilly["care_leavers"]));
        Assert.Equal(("graded", "not_judged", "not_judged"),
            (scilly["help_and_protection_status"], scilly["children_in_care_status"], scilly["care_leavers_status"]));
        var review = rows.Single(r => r["id"] == "surrey-2015-08-03");
        Assert.Equal(("", "not_covered", "requires_improvement"), (review["overall_effectiveness"], review["overall_effectiveness_status"], review["lscb_review"]));
        var cited = (await CsvAsync(Client, "/v1/inspections?format=csv&council=northamptonshire")).Single(r => r["id"] == "northamptonshire-2019");
        Assert.Equal(("inadequate", "", "unknown", "cited"),
            (cited["overall_effectiveness"], cited["help_and_protection"], cited["help_and_protection_status"], cited["source_kind"]));
    }

    [Fact]
    public async Task AnInspectionsJudgementsAsCsvCarryTheirEvidence()
    {
        var response = await Client.GetAsync("/v1/inspections/isles-of-scilly-2016-06-27?format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("inspection_id,council_code,council_name,published,published_precision,source_kind,area_code,area_name,area_family," +
                     "grade,status,note,evidence,evidence_document,evidence_line,evidence_url", lines[0]);
        Assert.Equal(1 + 7, lines.Length);
        // Line 12 of the report: "1. Children who need help and protection    Good"
        Assert.Contains(lines, l => l.Contains(",sif_help_and_protection,") && l.Contains(",good,graded,,1. Children who need help and protection Good,80455_isles-of-scilly_2016-06-27.txt,12,https://"));
        Assert.Contains(lines, l => l.Contains(",sif_adoption_performance,") && l.Contains(",,not_judged,") && l.Contains("2.1 Adoption performance Not Judged"));
        var byAccept = await Api.CreateClient("text/csv").GetAsync("/v1/inspections/isles-of-scilly-2016-06-27");
        Assert.Equal("text/csv", byAccept.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AFormerCouncilsJudgementCitedByItsSuccessorsReport()
    {
        var cited = await Client.GetJsonAsync("/v1/inspections/northamptonshire-2019");
        Assert.Equal(("cited", "cited", "year", "2019-01-01"), (cited.Str("sourceKind"), cited.Str("type"), cited.Str("publishedPrecision"), cited.Str("published")));
        Assert.Equal(JsonValueKind.Null, cited.GetProperty("reportUrl").ValueKind);
        Assert.Equal("https://reports.ofsted.gov.uk/provider/44/121939", cited.Str("ofstedPageUrl"));
        var overall = ByFamily(cited)["overall_effectiveness"];
        Assert.Equal("inadequate", overall.GetProperty("grade").Str("code"));
        // 2637539_north-northamptonshire_2022-11-25.txt lines 23-24.
        var evidence = overall.GetProperty("evidence");
        Assert.Equal("Children's services in the predecessor local authority, Northamptonshire County Council, were judged inadequate in 2019.", evidence.Str("text"));
        Assert.Equal(("2637539_north-northamptonshire_2022-11-25.txt", 23), (evidence.Str("document"), evidence.GetProperty("line").GetInt32()));
        var citing = await Client.GetJsonAsync("/v1/inspections/north-northamptonshire-2022-11-25");
        Assert.Equal(citing.Str("reportUrl"), evidence.Str("documentUrl"));
        Assert.Equal("unknown", ByFamily(cited)["help_and_protection"].Str("status"));
        var provenance = cited.GetProperty("provenance");
        Assert.Equal(("cited", "2637539_north-northamptonshire_2022-11-25.txt"), (provenance.Str("sourceKind"), provenance.Str("source")));
        Assert.Contains("2637548_west-northamptonshire_2022-11-25.txt line 23", provenance.Str("notes"));

        // The former council's record now has it; its successors' histories reach it through includePredecessors.
        var council = await Client.GetJsonAsync("/v1/councils/northamptonshire");
        Assert.Equal("northamptonshire-2019", council.GetProperty("latest").Str("id"));
    }

    [Fact]
    public async Task AnLscbOnlyReviewIsNeverACouncilsLatestFullInspection()
    {
        var inspections = await Client.GetDataAsync("/v1/inspections?type=lscb_review");
        Assert.Equal("surrey-2015-08-03", Assert.Single(inspections).Str("id"));
        var councils = (await Client.GetJsonAsync("/v1/councils?limit=500&status=all")).GetProperty("data").EnumerateArray();
        Assert.DoesNotContain(councils, c => c.GetProperty("latest") is { ValueKind: JsonValueKind.Object } l && l.Str("type") == "lscb_review");
    }

    [Fact]
    public async Task CouncilsLinkToTheirOfstedPageAndDoNotInventOpeningDates()
    {
        var shropshire = await Client.GetJsonAsync("/v1/councils/shropshire");
        Assert.Equal("https://reports.ofsted.gov.uk/provider/44/80552", shropshire.Str("ofstedPageUrl"));
        Assert.Equal(JsonValueKind.Null, shropshire.GetProperty("opened").ValueKind);
        Assert.StartsWith("before 2009-01-01", shropshire.Str("openedNote"));
        Assert.Equal("https://reports.ofsted.gov.uk/provider/44/80552", shropshire.GetProperty("latest").Str("ofstedPageUrl"));
        var cumberland = await Client.GetJsonAsync("/v1/councils/cumberland");
        Assert.Equal("2023-04-01", cumberland.Str("opened"));
        Assert.Equal(JsonValueKind.Null, cumberland.GetProperty("openedNote").ValueKind);
    }

    [Fact]
    public async Task FocusedVisitsLinkSomewhereAndQuoteTheirPriorityActions()
    {
        // Shropshire's January 2024 letter, line 84: "◼ Weaknesses in child protection practice, which leave children at risk of significant"
        var visit = await Client.GetJsonAsync("/v1/focused-visits/shropshire-2024-01-12-fv");
        Assert.Equal("https://reports.ofsted.gov.uk/provider/44/80552", visit.Str("ofstedPageUrl"));
        Assert.Equal(visit.GetProperty("reportUrl").ValueKind == JsonValueKind.Null ? visit.Str("ofstedPageUrl") : visit.Str("reportUrl"), visit.Str("link"));
        var actions = visit.GetProperty("priorityActions");
        Assert.Equal(("new", false), (actions.Str("kind"), actions.GetProperty("carriedOver").GetBoolean()));
        var area = Assert.Single(actions.GetProperty("areas").EnumerateArray());
        Assert.StartsWith("Weaknesses in child protection practice, which leave children at risk of significant harm", area.Str("text"));
        Assert.Equal(84, area.GetProperty("line").GetInt32());
        Assert.Contains("Open Government Licence", actions.Str("attribution"));

        // 80533_nottingham_2021-08-09.txt lines 60-61: "The areas for priority action set at the last focused visit in
        // February 2020 remain. There are no additional priority actions."
        var nottingham = (await Client.GetJsonAsync("/v1/focused-visits/nottingham-2021-08-09-fv")).GetProperty("priorityActions");
        Assert.Equal(("carried_over", true, 0), (nottingham.Str("kind"), nottingham.GetProperty("carriedOver").GetBoolean(), nottingham.GetProperty("areas").GetArrayLength()));

        var all = await Client.GetDataAsync("/v1/focused-visits?limit=500");
        Assert.All(all, v => Assert.StartsWith("https://", v.Str("link")));
        Assert.Contains(all, v => v.GetProperty("reportUrl").ValueKind == JsonValueKind.Null && v.Str("link") == v.Str("ofstedPageUrl"));
        var cambridgeshire = all.Single(v => v.Str("id") == "cambridgeshire-2025-08-29-fv");
        Assert.Equal("publication", cambridgeshire.Str("letterDateSource"));

        var csv = await Client.GetStringAsync("/v1/focused-visits?format=csv&council=shropshire");
        Assert.Contains("priority_action_kind", csv.Split("\r\n")[0]);
        Assert.Contains("Weaknesses in child protection practice", csv);
    }
}
