namespace JudgementsApi.SeedBuilder;

/// <summary>A judgement known only from a document in sources/news. The builder checks that the document
/// still contains the quoted words before it enters the fact.</summary>
public sealed record NewsFact(
    string CouncilCode, string FrameworkVersion, string Type, DateOnly Published, string Precision,
    string DocumentFile, string Source, string Quote, IReadOnlyDictionary<string, string> Grades, string Notes);

/// <summary>A statement in a news document that a report-sourced inspection should agree with.</summary>
public sealed record NewsCorroboration(string DocumentFile, string Quote, string CouncilCode, DateOnly Published, string AreaCode, string Grade);

public static class News
{
    public static readonly IReadOnlyList<NewsFact> Facts =
    [
        new("E06000051", "pre-2013", "pre_2013", new DateOnly(2012, 11, 1), "month",
            "2017-11-shropshire-council-press-release.txt",
            "Shropshire Council press release, 24 November 2017 (sources/news/2017-11-shropshire-council-press-release.txt)",
            "an improvement from the ‘adequate’ rating that was awarded following the last Ofsted inspection in November 2012",
            new Dictionary<string, string> { ["pre2013_overall_effectiveness"] = "adequate" },
            "Known only from the council's press release: an 'adequate' rating awarded following an Ofsted inspection in November 2012. The release does not name the inspection type, its dates or the other judgements; published is the month it gives, which may be the month of the inspection rather than of the report. The 2012 report itself is not in the source material."),
    ];

    public static readonly IReadOnlyList<NewsCorroboration> Corroborations =
    [
        new("2017-11-shropshire-council-press-release.txt", "have been rated as ‘good’ overall", "E06000051", new DateOnly(2017, 11, 24), "sif_overall_effectiveness", "good"),
        new("2017-11-shropshire-council-press-release.txt", "Inspectors have rated the SSCB as ‘good’", "E06000051", new DateOnly(2017, 11, 24), "sif_lscb_effectiveness", "good"),
        new("2022-03-shropshire-good-rating-news.txt", "maintains the overall ‘good’ rating", "E06000051", new DateOnly(2022, 3, 25), "ilacs_overall_effectiveness", "good"),
        new("2022-03-shropshire-good-rating-news.txt", "help and protection was marked as ‘requires improvement to be good’", "E06000051", new DateOnly(2022, 3, 25), "ilacs_help_and_protection", "requires_improvement"),
        new("2022-03-shropshire-good-rating-news.txt", "deemed ‘good’ in both the impact of leaders", "E06000051", new DateOnly(2022, 3, 25), "ilacs_impact_of_leaders", "good"),
        new("2022-03-shropshire-good-rating-news.txt", "the experiences of children in care and care leavers", "E06000051", new DateOnly(2022, 3, 25), "ilacs_children_in_care_and_care_leavers", "good"),
        new("2020-telford-wrekin-outstanding-news.txt", "from a judgement of “requires improvement to be good” to outstanding", "E06000020", new DateOnly(2020, 3, 2), "ilacs_overall_effectiveness", "outstanding"),
        new("2020-telford-wrekin-outstanding-news.txt", "from a judgement of “requires improvement to be good” to outstanding", "E06000020", new DateOnly(2016, 8, 26), "sif_overall_effectiveness", "requires_improvement"),
    ];
}
