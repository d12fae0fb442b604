namespace JudgementsApi.Features;

/// <summary>Links to Ofsted's own pages.</summary>
public static class OfstedLinks
{
    /// <summary>
    /// A council's page on Ofsted's reports site (provider type 44, local authority children's services),
    /// which lists every report and letter Ofsted published about it. Null for a council with no URN.
    /// </summary>
    public static string? ProviderPage(string? ofstedUrn) =>
        string.IsNullOrEmpty(ofstedUrn) ? null : $"https://reports.ofsted.gov.uk/provider/44/{ofstedUrn}";
}
