namespace JudgementsApi.SeedUpdater.Tests;

/// <summary>The council a document is about, read from its own title or subject line.</summary>
public class CouncilFinderTests
{
    static readonly CouncilFinder Finder = CouncilFinder.FromSeed(Path.Combine(Paths.Repo, "seed-data"));

    [Fact]
    public void Every_committed_report_and_letter_names_the_council_the_manifest_gives()
    {
        var rows = Csv.ReadDicts(Path.Combine(Paths.SharedData, "reports", "manifest.csv"));
        var wrong = rows.Select(r =>
        {
            var kind = r["kind"] == "inspection" ? DocumentKinds.Inspection : DocumentKinds.FocusedVisit;
            var (council, _, problem) = Finder.Find(Workspace.SharedText(r["file"]), kind);
            return council?.Urn == r["ofsted_urn"] ? null : $"{r["file"]}: read {council?.Name ?? problem}";
        }).OfType<string>().ToList();

        Assert.Equal(864, rows.Count);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("Inspection of Cheshire West and Chester local authority children's services", "80448")]
    [InlineData("Inspection of Durham local authority\nchildren's services", "80465")]
    [InlineData("Kingston upon Hull City Council\nInspection of services for children in need", "80477")]
    public void The_longest_name_in_a_title_wins_and_short_names_Ofsted_uses_are_known(string title, string urn) =>
        Assert.Equal(urn, Finder.Find(title, DocumentKinds.Inspection).Council?.Urn);

    [Fact]
    public void A_title_naming_two_councils_or_none_is_not_attached_to_either()
    {
        var two = Finder.Find("Joint inspection of Kent and Medway children's services", DocumentKinds.Inspection);
        Assert.Null(two.Council);
        Assert.Equal("its title names more than one council (Kent, Medway)", two.Problem);
        var none = Finder.Find("Minutes of the parish meeting", DocumentKinds.Inspection);
        Assert.Null(none.Council);
        Assert.Equal("its title names none of the councils in seed-data/councils.csv", none.Problem);
    }
}
