namespace JudgementsApi.Features;

/// <summary>
/// What focused visits and monitoring visits share: each is a letter to a council, filtered by council,
/// region and letter date, and listed newest letter first. Null is "any".
/// </summary>
public abstract record LetterFilter
{
    public string? Id { get; init; }
    public IReadOnlyList<string>? CouncilCodes { get; init; }
    public string? RegionCode { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>
    /// The test a letter must pass: the shared filters and <paramref name="own"/>, a feature's own test of
    /// its shape (null: none). Null when no filter is set, so every letter is taken in order unlooked at.
    /// </summary>
    protected Func<SnapshotLetter<T>, bool>? Test<T>(Func<T, bool>? own) =>
        Id is null && CouncilCodes is null && RegionCode is null && From is null && To is null && own is null
            ? null
            : letter => (Id is null || letter.Id == Id)
                        && (CouncilCodes is null || CouncilCodes.Contains(letter.CouncilCode))
                        && (RegionCode is null || letter.RegionCode == RegionCode)
                        && (From is not { } from || letter.LetterDate >= from)
                        && (To is not { } to || letter.LetterDate <= to)
                        && (own is null || own(letter.Item));
}

/// <summary>A letter in the dataset snapshot: its response shape, and what the filters look at.</summary>
public sealed record SnapshotLetter<T>(T Item, string Id, string CouncilCode, string RegionCode, DateOnly LetterDate);

/// <summary>The columns every letter has; a feature's row adds its own.</summary>
public abstract class LetterRow
{
    public string Id { get; init; } = "";
    public string CouncilCode { get; init; } = "";
    public DateOnly LetterDate { get; init; }
    public DateOnly? VisitStart { get; init; }
    public DateOnly? VisitEnd { get; init; }
    public string[] Inspectors { get; init; } = [];
    public string? ReportUrl { get; init; }
    public string Source { get; init; } = "";
}

public static class Letters
{
    /// <summary>The columns of <see cref="LetterRow"/>, for a feature's SELECT over its letters table.</summary>
    public const string Columns = "id, council_code, letter_date, visit_start, visit_end, inspectors, report_url, source";

    /// <summary>Letters newest first (letter date, then id, both descending), as the snapshot keeps them.</summary>
    public static List<SnapshotLetter<T>> NewestFirst<TRow, T>(IEnumerable<TRow> rows, IReadOnlyDictionary<string, CouncilFacts> councils,
        Func<TRow, CouncilFacts, T> shape) where TRow : LetterRow =>
        rows.OrderByDescending(r => r.LetterDate).ThenByDescending(r => r.Id, StringComparer.Ordinal)
            .Select(r => new SnapshotLetter<T>(shape(r, councils[r.CouncilCode]), r.Id, r.CouncilCode, councils[r.CouncilCode].RegionCode, r.LetterDate))
            .ToList();

    /// <summary>One page of the letters that match, and how many match.</summary>
    public static (List<T> Items, long Total) Slice<T>(IReadOnlyList<SnapshotLetter<T>> letters, Func<SnapshotLetter<T>, bool>? matches, Paging paging)
    {
        var matching = matches is null ? letters : letters.Where(matches).ToList();
        return (paging.Of(matching, l => l.Item), matching.Count);
    }

    /// <summary>The letter-date range and the council list, read in the order their errors have always been listed.</summary>
    public static async Task<(DateOnly? From, DateOnly? To, IReadOnlyList<string>? CouncilCodes)> ReadDatesAndCouncilsAsync(
        QueryReader q, string? from, string? to, string? council)
    {
        var f = q.Date("from", from);
        var t = q.Date("to", to);
        q.Ordered("from", f, "to", t);
        var councils = await q.CouncilsAsync("council", council);
        return (f, t, councils?.Select(c => c.Code).ToList());
    }
}
