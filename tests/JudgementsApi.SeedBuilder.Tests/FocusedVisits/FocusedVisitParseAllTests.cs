using static JudgementsApi.SeedBuilder.Tests.FocusedVisits.LetterFixture;

namespace JudgementsApi.SeedBuilder.Tests.FocusedVisits;

public sealed class FocusedVisitParseAllTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fv-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Reads_the_manifest_and_orders_by_letter_date_then_file()
    {
        var dir = Path.Combine(_root, "reports", "focused-visits");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "2_beta_2020-03-01.txt"), Letter(date: "1 March 2020"));
        File.WriteAllText(Path.Combine(dir, "1_alpha_2020-03-01.txt"), Letter(date: "1 March 2020"));
        File.WriteAllText(Path.Combine(dir, "3_gamma_2019-10-10.txt"), Letter(date: "10 October 2019"));
        File.WriteAllText(Path.Combine(_root, "reports", "manifest.csv"),
            "file,kind,ofsted_urn,local_authority,publication_date,original_title,report_url\n" +
            "focused-visits/2_beta_2020-03-01.txt,focused_visit,2,beta,2020-03-01,visit,\n" +
            "focused-visits/1_alpha_2020-03-01.txt,focused_visit,1,\"alpha, upon sea\",2020-03-01,visit,\n" +
            "focused-visits/3_gamma_2019-10-10.txt,focused_visit,3,gamma,2019-10-10,visit,\n" +
            "inspections/4_delta_2019-01-01.txt,inspection,4,delta,2019-01-01,inspection,http://example.org\n");

        var all = FocusedVisitParser.ParseAll(_root);

        Assert.Equal(["3", "1", "2"], all.Select(r => r.OfstedUrn));
        Assert.Equal("alpha, upon sea", all[1].ManifestCouncilName);
        Assert.Equal("focused-visits/1_alpha_2020-03-01.txt", all[1].SourceFile);
    }

    [Fact]
    public void Flags_a_letter_missing_from_the_manifest()
    {
        var dir = Path.Combine(_root, "reports", "focused-visits");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "7_eta_2019-09-27.txt"), Letter());
        File.WriteAllText(Path.Combine(_root, "reports", "manifest.csv"),
            "file,kind,ofsted_urn,local_authority,publication_date,original_title,report_url\n");

        var r = Assert.Single(FocusedVisitParser.ParseAll(_root));

        Assert.Equal("7", r.OfstedUrn);
        Assert.Contains(r.Problems, p => p.Contains("manifest"));
    }
}
