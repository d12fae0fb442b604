namespace JudgementsApi.Tests.Infrastructure;

/// <summary>
/// Names people use for a council, and the council they mean. The API resolves them in its paths and
/// council filters, and the pages' search box through the same resolver: one list for both test projects.
/// </summary>
public static class CouncilNameExamples
{
    public static TheoryData<string, string> NamesPeopleUse => new()
    {
        { "Telford and Wrekin", "telford-and-wrekin" },
        { "Telford & Wrekin", "telford-and-wrekin" },
        { "telford-&-wrekin", "telford-and-wrekin" },
        { "TELFORD & WREKIN", "telford-and-wrekin" },
        { "BCP", "bournemouth-christchurch-and-poole" },
        { "bcp", "bournemouth-christchurch-and-poole" },
        { "Bournemouth, Christchurch and Poole", "bournemouth-christchurch-and-poole" },
        { "Hull", "kingston-upon-hull" },
        { "hull", "kingston-upon-hull" },
        { "Kingston upon Hull", "kingston-upon-hull" },
        { "City of Kingston upon Hull", "kingston-upon-hull" },
        { "Saint Helens", "st-helens" },
        { "saint helens", "st-helens" },
        { "St Helens", "st-helens" },
        { "st helens", "st-helens" },
        { "St. Helens", "st-helens" },
        { "Herefordshire, County of", "herefordshire" },
        { "City of Bristol", "bristol" },
    };
}
