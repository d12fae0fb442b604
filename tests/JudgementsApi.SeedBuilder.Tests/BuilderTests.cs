namespace JudgementsApi.SeedBuilder.Tests;

public class BuilderTests
{
    static Dictionary<string, byte[]> BuildInto(string dataDir, string seedDir)
    {
        var built = Builder.Build(dataDir, seedDir);
        Builder.Write(built, seedDir, Visits.VisitLetters.Build(dataDir, built.Councils));
        return Directory.GetFiles(seedDir).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
    }

    [Fact]
    public void Building_twice_gives_byte_identical_output()
    {
        using var fx = new FixtureData();
        var a = BuildInto(fx.DataDir, Path.Combine(fx.Root, "out-a"));
        var b = BuildInto(fx.DataDir, Path.Combine(fx.Root, "out-b"));
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        Assert.Contains("inspections.csv", a.Keys);
        Assert.Contains("QUALITY.md", a.Keys);
        foreach (var k in a.Keys) Assert.True(a[k].SequenceEqual(b[k]), $"{k} differs between builds");
    }

    [Fact]
    public void Fixture_build_maps_reports_to_councils_and_writes_every_area()
    {
        using var fx = new FixtureData();
        var seed = Path.Combine(fx.Root, "out");
        var r = Builder.Build(fx.DataDir, seed);
        Assert.Equal(2, r.Councils.Councils.Count);
        Assert.Equal(["E10000026"], r.Councils.ByCode("E06000051")!.FormerCodes);
        Assert.Equal(2, r.Inspections.Count);
        var shrop = r.Inspections.Single(i => i.Id == "shropshire-2017-11-24");
        Assert.Equal(("E06000051", "sif", "sif", "report"), (shrop.CouncilCode, shrop.FrameworkVersion, shrop.Type, shrop.SourceKind));
        Assert.Equal("https://example.invalid/1", shrop.ReportUrl);
        Assert.Equal(7, r.Judgements.Count(j => j.InspectionId == shrop.Id));
        Assert.Equal(4, r.Judgements.Count(j => j.InspectionId == "telford-and-wrekin-2020-03-02"));
        // The peer says "good" overall and "standard"; the report text says requires improvement and a one-week inspection.
        Assert.Contains(r.Peer!.Disagreements, d => d.Field == "overall_effectiveness_grade" && d.Ours == "requires_improvement");
        Assert.Contains(r.Peer!.Disagreements, d => d.Field == "type" && d.Ours == "short");
        Assert.Equal("requires_improvement", r.Judgements.Single(j => j.InspectionId == "telford-and-wrekin-2020-03-02" && j.AreaCode == "ilacs_overall_effectiveness").Grade);
    }

    [Fact]
    public void Overrides_replace_parsed_facts_and_mark_the_inspection()
    {
        using var fx = new FixtureData();
        var seed = Path.Combine(fx.Root, "out");
        Directory.CreateDirectory(Path.Combine(seed, "overrides"));
        File.WriteAllText(Path.Combine(seed, "overrides", "inspections.csv"), """
# test overrides
file,field,value,reason
80570_telford-wrekin_2020-03-02.txt,grade:ilacs_help_and_protection,,the table cell is illegible (test)
80552_shropshire_2017-11-24.txt,exclude,,excluded for the test

""");
        var r = Builder.Build(fx.DataDir, seed);
        Assert.Single(r.Inspections);
        var t = r.Inspections.Single();
        Assert.Equal("override", t.SourceKind);
        var j = r.Judgements.Single(x => x.AreaCode == "ilacs_help_and_protection");
        Assert.Null(j.Grade);
        Assert.Equal("the table cell is illegible (test)", j.Note);
        Assert.Contains(r.Excluded, e => e.File == "80552_shropshire_2017-11-24.txt");
    }
}
