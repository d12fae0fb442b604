using System.Globalization;
using System.Text.RegularExpressions;

namespace JudgementsApi.SeedBuilder.FocusedVisits;

/// <summary>
/// A date read otherwise than printed, because the letter's text is a typing slip: which field
/// (<c>letter_date</c> or <c>visit_start</c>), the letter's words as printed, and why the reading differs.
/// </summary>
public sealed record DateCorrection(string Field, string Printed, string Reason);

/// <summary>The letter's own date and the visit's dates.</summary>
internal static partial class LetterDates
{
    private static readonly string[] Months =
        CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Where(m => m.Length > 0).ToArray();

    public static int? MonthNumber(string name)
    {
        for (var i = 0; i < Months.Length; i++)
            if (string.Equals(Months[i], name, StringComparison.OrdinalIgnoreCase)) return i + 1;
        return null;
    }

    /// <summary>
    /// The date printed on its own line above the salutation. Year slips are corrected against the
    /// publication date: a five-digit year ("20205") loses the digit that leaves the publication year,
    /// and a January letter dated with the old year ("21 January 2019" published 21 January 2020)
    /// takes the publication year when that puts it within a month of publication.
    /// </summary>
    /// Each correction is reported in <paramref name="problems"/>, so QUALITY.md discloses it.
    public static DateOnly? FindLetterDate(LetterText letter, DateOnly publicationDate, List<string> problems,
        List<DateCorrection>? corrections = null)
    {
        var expectedYear = publicationDate.Year;
        var end = letter.SalutationLine >= 0 ? letter.SalutationLine : Math.Min(letter.Lines.Count, 60);
        for (var i = 0; i < end; i++)
        {
            var m = DateLine().Match(letter.Lines[i]);
            if (!m.Success) continue;
            var month = MonthNumber(m.Groups["month"].Value)!.Value;
            var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
            var year = ResolveYear(m.Groups["year"].Value, expectedYear);
            if (year is null) continue;
            if (TryDate(year.Value, month, day) is not { } d) continue;
            var printed = m.Value.Trim();
            if (m.Groups["year"].Value.Length != 4)
            {
                problems.Add($"corrected: letter dated '{printed}', read as {d:yyyy-MM-dd}");
                corrections?.Add(new DateCorrection("letter_date", printed,
                    $"the year is printed with {m.Groups["year"].Value.Length} digits; read as {d.Year}, the one the digits give without one "
                    + $"extra digit that is within a year of the letter's publication ({publicationDate:yyyy-MM-dd})"));
            }
            if (year != expectedYear && Math.Abs(d.DayNumber - publicationDate.DayNumber) > 31
                && TryDate(expectedYear, month, day) is { } fixedYear
                && Math.Abs(fixedYear.DayNumber - publicationDate.DayNumber) <= 31)
            {
                problems.Add($"corrected: letter dated '{printed}', read as {fixedYear:yyyy-MM-dd} (published {publicationDate:yyyy-MM-dd})");
                corrections?.Add(new DateCorrection("letter_date", printed,
                    $"the printed year puts the letter {Math.Abs(d.DayNumber - publicationDate.DayNumber)} days from its publication "
                    + $"({publicationDate:yyyy-MM-dd}); the publication's year, {expectedYear}, puts it within a month of it"));
                return fixedYear;
            }
            return d;
        }
        return null;
    }

    private static int? ResolveYear(string digits, int expectedYear)
    {
        if (digits.Length == 4) return int.Parse(digits, CultureInfo.InvariantCulture);
        var candidates = Enumerable.Range(0, digits.Length)
            .Select(i => int.Parse(digits.Remove(i, 1), CultureInfo.InvariantCulture))
            .Where(y => Math.Abs(y - expectedYear) <= 1)
            .OrderBy(y => Math.Abs(y - expectedYear))
            .ToList();
        return candidates.Count > 0 ? candidates[0] : null;
    }

    private static DateOnly? TryDate(int year, int month, int day) =>
        day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    /// <summary>
    /// Visit dates from the first "on|between|from &lt;dates&gt;" phrase of <paramref name="text"/>: any
    /// list or range of days, months stated after their days, the year stated once at the end (or
    /// per date across years). A missing year is taken from the letter date. Start is the first date
    /// named, end the last.
    /// </summary>
    /// <summary>The problems every letter reader reports about the visit dates it found (or did not).</summary>
    public static void CheckVisitDates((DateOnly Start, DateOnly End)? visit, DateOnly letterDate, List<string> problems)
    {
        if (visit is null) problems.Add("visit dates not found");
        else if (visit.Value.Start > letterDate) problems.Add($"visit starts {visit.Value.Start:yyyy-MM-dd}, after the letter date");
    }

    public static (DateOnly Start, DateOnly End)? FindVisitDates(string text, DateOnly letterDate, List<string> problems,
        List<DateCorrection>? corrections = null)
    {
        var m = VisitPhrase().Match(text);
        if (!m.Success) return null;

        var dates = new List<(int Day, int Month, int? Year)>();
        var pendingDays = new List<int>();
        foreach (Match t in DateToken().Matches(m.Groups["span"].Value))
        {
            if (t.Groups["year"].Success)
            {
                var year = int.Parse(t.Value, CultureInfo.InvariantCulture);
                for (var i = 0; i < dates.Count; i++)
                    if (dates[i].Year is null) dates[i] = dates[i] with { Year = year };
            }
            else if (t.Groups["month"].Success)
            {
                var month = MonthNumber(t.Value)!.Value;
                dates.AddRange(pendingDays.Select(d => (d, month, (int?)null)));
                pendingDays.Clear();
            }
            else pendingDays.Add(int.Parse(t.Groups["day"].Value, CultureInfo.InvariantCulture));
        }
        if (dates.Count == 0) return null;

        var resolved = new List<DateOnly>();
        foreach (var (day, month, year) in dates)
        {
            // No year given: the visit precedes the letter by weeks, so take the letter's year unless
            // that would put the visit after the letter.
            var y = year ?? (new DateOnly(letterDate.Year, month, Math.Min(day, 28)) <= letterDate ? letterDate.Year : letterDate.Year - 1);
            if (TryDate(y, month, day) is not { } d)
            {
                problems.Add($"visit date {day} {Months[month - 1]} {y} is not a real date");
                return null;
            }
            resolved.Add(d);
        }

        var start = resolved[0];
        var end = resolved[^1];
        // A year typed wrongly on the first date ("24 October 2022 to 25 October 2023"): a visit lasts days.
        if (end.DayNumber - start.DayNumber is < 0 or > 14)
        {
            var sameYear = TryDate(end.Year, start.Month, start.Day);
            if (sameYear is { } s && end.DayNumber - s.DayNumber is >= 0 and <= 14)
            {
                problems.Add($"corrected: visit given as {start:yyyy-MM-dd} to {end:yyyy-MM-dd}, read as {s:yyyy-MM-dd} to {end:yyyy-MM-dd}");
                corrections?.Add(new DateCorrection("visit_start", WhitespaceRun().Replace(m.Groups["span"].Value.Trim(), " "),
                    $"as printed the visit would last {end.DayNumber - start.DayNumber + 1} days; a focused visit lasts days, so the first "
                    + $"date takes the last date's year ({end.Year})"));
                start = s;
            }
        }
        if (end.DayNumber - start.DayNumber is < 0 or > 14)
            problems.Add($"visit dates {start:yyyy-MM-dd} to {end:yyyy-MM-dd} do not make a plausible visit");
        return (start, end);
    }

    [GeneratedRegex(@"^\s*(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<year>\d{4,5})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();

    private const string MonthAlternation = "January|February|March|April|May|June|July|August|September|October|November|December";

    [GeneratedRegex(@"\b(?:on|between|from)\s+(?:the\s+)?(?<span>\d{1,2}(?:st|nd|rd|th)?\b(?:(?:\s|,|\band\b|\bto\b|\buntil\b|&|–|—|-|\bof\b|\bthe\b)*(?:\d{1,4}(?:st|nd|rd|th)?\b|(?:" + MonthAlternation + @")\b))*)", RegexOptions.IgnoreCase)]
    private static partial Regex VisitPhrase();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@"(?<year>\b\d{4}\b)|(?<month>\b(?:" + MonthAlternation + @")\b)|\b(?<day>\d{1,2})(?:st|nd|rd|th)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateToken();
}
