using JudgementsApi.Features;

namespace JudgementsApi.Tests;

/// <summary>One vocabulary: a status reads the same whichever spelling carried it, on the API and on the pages.</summary>
public class VocabularyTests(ApiFactory api) : ApiTests(api)
{
    [Theory]
    [InlineData("not_judged", "notJudged", AreaState.NotJudged, "Not judged")]
    [InlineData("not_covered", "notCovered", AreaState.NotCovered, "Not covered by this report")]
    [InlineData("unknown", "unknown", AreaState.Unknown, "Grade not known")]
    [InlineData("not_graded", "notGraded", AreaState.NotGraded, "Not graded under this framework")]
    [InlineData("not_inspected", "notInspected", AreaState.NotInspected, "Not inspected yet")]
    [InlineData("no_report", "noReport", AreaState.NoReport, "No report in this dataset")]
    public void EachStateHasOneSpellingPerUseAndReadsBackFromEither(string code, string name, AreaState state, string text)
    {
        Assert.Equal(code, AreaStates.Code(state));
        Assert.Equal(name, AreaStates.Name(state));
        Assert.Equal(state, AreaStates.Parse(code));
        Assert.Equal(state, AreaStates.Parse(name));
        Assert.Equal(text, AreaStates.Text(state, null));
    }

    /// <summary>
    /// Isles of Scilly's children in care on 30 June 2017: its report says the area was not judged. The
    /// statistics say notJudged, and the home map must say "Not judged", not "Grade not known".
    /// </summary>
    [Fact]
    public async Task TheHomeMapSaysNotJudgedWhereTheStatisticsDo()
    {
        var body = await Client.GetJsonAsync("/v1/statistics/distribution?asOf=2017-06-30&area=children_in_care&include=councils");
        var scilly = body.GetProperty("councils").EnumerateArray().Single(c => c.Str("name") == "Isles of Scilly");
        Assert.Equal("notJudged", scilly.Str("status"));

        var html = await Client.GetStringAsync("/?asOf=2017-06-30&area=children_in_care");
        Assert.Contains("Isles of Scilly: Not judged", html);
        Assert.DoesNotContain("Isles of Scilly: Grade not known", html);
    }
}
