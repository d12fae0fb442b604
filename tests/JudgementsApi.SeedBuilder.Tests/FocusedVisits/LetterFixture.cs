namespace JudgementsApi.SeedBuilder.Tests.FocusedVisits;

/// <summary>
/// Builds synthetic letters shaped like pdftotext -layout output of a focused-visit letter: a
/// two-column sender block, the date, an address, the salutation, then paragraphs. Names and
/// places are invented; only the structural phrases the parser keys on are realistic.
/// </summary>
internal static class LetterFixture
{
    public const string DefaultOpening =
        "This letter summarises the findings of the focused visit to Exampleshire children’s\n" +
        "services on 4 and 5 September 2019. The inspectors were Alex Example, Her\n" +
        "Majesty’s Inspector, and Sam Sample, Her Majesty’s Inspector.";

    public const string DefaultFocus = "Inspectors looked at the local authority’s arrangements for care leavers.";

    public static string Letter(
        string? date = "27 September 2019",
        string opening = DefaultOpening,
        string focus = DefaultFocus,
        string body = "Filler findings text about practice.\n\nMore filler text.")
    {
        var dateBlock = date is null ? "" : $"\n\n\n{date}\n";
        return
            "Ofsted\n" +
            "Sample Gate         T 0000 000 0000\n" +
            "Sample Street       Textphone 0000 000 0000\n" +
            "Exampletown         enquiries@example.org\n" +
            "EX1 1EX             www.example.org\n" +
            dateBlock +
            "\nPat Placeholder\nDirector of Children’s Services\nExampleshire Council\nCounty Hall\nEX2 2EX\n\n\n" +
            "Dear Pat Placeholder\n\n" +
            "Focused visit to Exampleshire children’s services\n\n" +
            opening + "\n\n" +
            focus + "\n\n" +
            "Headline findings\n\n" +
            body + "\n\n" +
            "Yours sincerely\n\nAlex Example\nHer Majesty’s Inspector\n";
    }

    public static FocusedVisitRecord Parse(string text, DateOnly? published = null) =>
        FocusedVisitParser.Parse("focused-visits/99999_exampleshire_2019-09-27.txt", text, "99999", "exampleshire",
            published ?? new DateOnly(2019, 9, 27));

    /// <summary>An opening paragraph with the given visit-date phrase and default inspectors.</summary>
    public static string OpeningWithDates(string datePhrase) =>
        "This letter summarises the findings of the focused visit to Exampleshire children’s\n" +
        $"services {datePhrase}. The inspectors were Alex Example and Sam Sample, Her\n" +
        "Majesty’s Inspectors.";

    /// <summary>An opening paragraph with the default dates and the given inspector sentence.</summary>
    public static string OpeningWithInspectors(string inspectorSentence) =>
        "This letter summarises the findings of the focused visit to Exampleshire children’s\n" +
        "services on 4 and 5 September 2019. " + inspectorSentence;
}
