using static JudgementsApi.SeedBuilder.Tests.FocusedVisits.LetterFixture;

namespace JudgementsApi.SeedBuilder.Tests.FocusedVisits;

public class FocusedVisitDateTests
{
    [Theory]
    [InlineData("on 4 and 5 September 2019", "2019-09-04", "2019-09-05")]
    [InlineData("on 3 to 4 July 2019", "2019-07-03", "2019-07-04")]
    [InlineData("between 29 and 30 August 2019", "2019-08-29", "2019-08-30")]
    [InlineData("between 20 August and 22 August 2019", "2019-08-20", "2019-08-22")]
    [InlineData("on 31 July and 1 August 2019", "2019-07-31", "2019-08-01")]
    [InlineData("on 29 and 30 July, and 1 August 2019", "2019-07-29", "2019-08-01")]
    [InlineData("on 15, 16 and 21 August 2019", "2019-08-15", "2019-08-21")]
    [InlineData("on the 15th and 16th of August 2019", "2019-08-15", "2019-08-16")]
    [InlineData("on 22–23 August 2019", "2019-08-22", "2019-08-23")]
    [InlineData("on 11 September and 12 September 2019", "2019-09-11", "2019-09-12")]
    public void Reads_visit_date_variants(string phrase, string start, string end)
    {
        var r = Parse(Letter(opening: OpeningWithDates(phrase)));

        Assert.Equal(DateOnly.Parse(start), r.VisitStart);
        Assert.Equal(DateOnly.Parse(end), r.VisitEnd);
        Assert.Empty(r.Problems);
    }

    [Theory]
    [InlineData("on 9 August 2019", "2019-08-09")]
    [InlineData("on 2nd September 2019", "2019-09-02")]
    public void Reads_a_one_day_visit_as_starting_and_ending_that_day(string phrase, string day)
    {
        var r = Parse(Letter(opening: OpeningWithDates(phrase)));

        Assert.Equal((DateOnly.Parse(day), DateOnly.Parse(day)), (r.VisitStart, r.VisitEnd));
        Assert.Empty(r.Problems);
    }

    [Theory]
    // A visit that spans the new year.
    [InlineData("3 February 2020", "on 31 December 2019 and 1 January 2020", "2019-12-31", "2020-01-01")]
    // A wrong year on the first visit date is corrected.
    [InlineData("28 November 2019", "on 24 October 2018 to 25 October 2019", "2019-10-24", "2019-10-25")]
    public void Reads_visit_dates_near_the_letter_date(string letterDate, string phrase, string start, string end)
    {
        var r = Parse(Letter(date: letterDate, opening: OpeningWithDates(phrase)), DateOnly.Parse(letterDate));

        Assert.Equal(DateOnly.Parse(start), r.VisitStart);
        Assert.Equal(DateOnly.Parse(end), r.VisitEnd);
    }

    [Fact]
    public void Reads_dates_wrapped_across_lines()
    {
        var opening =
            "This letter summarises the findings of the focused visit to Exampleshire children’s services on\n" +
            "4 and 5 September\n2019. The inspectors were Alex Example and Sam Sample, Her Majesty’s Inspectors.";

        var r = Parse(Letter(opening: opening));

        Assert.Equal(new DateOnly(2019, 9, 4), r.VisitStart);
        Assert.Equal(new DateOnly(2019, 9, 5), r.VisitEnd);
    }

    [Theory]
    // No year stated: the visit shortly precedes the letter.
    [InlineData("22 February 2018", "on 30 and 31 January", "2018-01-30")]
    [InlineData("18 January 2019", "on 11 and 12 December", "2018-12-11")]
    public void Takes_a_missing_visit_year_from_the_letter_date(string letterDate, string phrase, string start)
    {
        var published = DateOnly.Parse(letterDate);
        var r = Parse(Letter(date: letterDate, opening: OpeningWithDates(phrase)), published);

        Assert.Equal(DateOnly.Parse(start), r.VisitStart);
        Assert.Empty(r.Problems);
    }

    [Fact]
    public void Reports_missing_visit_dates()
    {
        var r = Parse(Letter(opening: OpeningWithDates("recently")));

        Assert.Null(r.VisitStart);
        Assert.Null(r.VisitEnd);
        Assert.Contains(r.Problems, p => p.Contains("visit dates"));
    }

    [Fact]
    public void Reads_the_letter_date_not_the_publication_date()
    {
        var r = Parse(Letter(date: "25 September 2019"), new DateOnly(2019, 9, 27));

        Assert.Equal(new DateOnly(2019, 9, 25), r.LetterDate);
        Assert.Empty(r.Problems);
    }

    [Fact]
    public void Falls_back_to_the_publication_date_with_a_problem_when_the_letter_has_no_date()
    {
        var r = Parse(Letter(date: null), new DateOnly(2019, 9, 27));

        Assert.Equal(new DateOnly(2019, 9, 27), r.LetterDate);
        Assert.Contains(r.Problems, p => p.Contains("letter date"));
    }

    [Theory]
    [InlineData("6 November 20195", "2019-11-06")]     // a digit typed twice
    [InlineData("27 September 2018", "2019-09-27")]    // last year's number, a month from publication
    public void Corrects_slips_in_the_letter_year(string printed, string expected)
    {
        var r = Parse(Letter(date: printed), DateOnly.Parse(expected));

        Assert.Equal(DateOnly.Parse(expected), r.LetterDate);
    }

    [Fact]
    public void Keeps_a_letter_date_that_is_merely_a_few_days_off_publication()
    {
        var r = Parse(Letter(date: "23 September 2019"), new DateOnly(2019, 9, 27));

        Assert.Equal(new DateOnly(2019, 9, 23), r.LetterDate);
    }
}
