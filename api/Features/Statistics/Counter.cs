namespace JudgementsApi.Features.Statistics;

/// <summary>
/// Counts councils by grade, for England and each group, on any day. Holds each council's current
/// standing (set by <see cref="Apply"/> as inspections are read, oldest first) as a slot number, so
/// that counting a day is one pass over plain arrays: a timeline of hundreds of points over
/// thousands of councils costs milliseconds, and every endpoint counts the same way.
/// </summary>
internal sealed class Counter
{
    private readonly Dictionary<string, int> _councilIndex;
    private readonly int[] _first;
    private readonly int[] _last;
    private readonly int[] _group;
    private readonly int[] _slot;
    private readonly Dictionary<string, int> _gradeIndex;
    private readonly IReadOnlyList<string> _scale;
    private readonly Grouping _grouping;
    // Slots: 0 … scale-1 the grades, then not inspected, not graded, not judged, not covered, unknown.
    private readonly int _notInspected, _notGraded, _notJudged, _notCovered, _unknown, _width;

    public Counter(IReadOnlyList<CouncilPeriod> councils, Grouping grouping, IReadOnlyList<string> scale)
    {
        _scale = scale;
        _grouping = grouping;
        _gradeIndex = scale.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i, StringComparer.Ordinal);
        (_notInspected, _notGraded, _notJudged, _notCovered, _unknown, _width) =
            (scale.Count, scale.Count + 1, scale.Count + 2, scale.Count + 3, scale.Count + 4, scale.Count + 5);

        var groupIndex = grouping.Groups.Select((g, i) => (g.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        _councilIndex = new Dictionary<string, int>(councils.Count, StringComparer.Ordinal);
        _first = new int[councils.Count];
        _last = new int[councils.Count];
        _group = new int[councils.Count];
        _slot = new int[councils.Count];
        for (var i = 0; i < councils.Count; i++)
        {
            var c = councils[i];
            _councilIndex[c.Code] = i;
            _first[i] = c.FirstDay;
            _last[i] = c.LastDay;
            _slot[i] = _notInspected;
            _group[i] = grouping.KeyOf is not { } key ? -1
                : groupIndex.TryGetValue(key(c), out var g) ? g
                : throw new InvalidOperationException($"Council {c.Code} is in no {grouping.Kind} group ('{key(c)}').");
        }
    }

    /// <summary>Makes <paramref name="inspection"/> its council's latest.</summary>
    public void Apply(StandingRow inspection)
    {
        if (!_councilIndex.TryGetValue(inspection.CouncilCode, out var i))
            throw new InvalidOperationException($"Inspection {inspection.Id} is of an unknown council {inspection.CouncilCode}.");
        _slot[i] = Standings.StatusOf(inspection) switch
        {
            AreaState.NotGraded => _notGraded,
            AreaState.NotJudged => _notJudged,
            AreaState.NotCovered => _notCovered,
            AreaState.Unknown => _unknown,
            // Standings.Complete puts every grade in the data on the scale; never drop one silently.
            _ => _gradeIndex.TryGetValue(inspection.Grade!, out var g) ? g
                : throw new InvalidOperationException($"Grade '{inspection.Grade}' of {inspection.Id} is not on the scale {string.Join(",", _scale)}."),
        };
    }

    /// <summary>England and each group, for the councils in operation on <paramref name="day"/>.</summary>
    public (GradeCounts England, List<GroupCounts> Groups) Count(DateOnly day)
    {
        var d = day.DayNumber;
        var tallies = new int[(_grouping.Groups.Count + 1) * _width];
        for (var i = 0; i < _slot.Length; i++)
        {
            if (_first[i] > d || d > _last[i]) continue;
            tallies[_slot[i]]++;
            if (_group[i] >= 0) tallies[(_group[i] + 1) * _width + _slot[i]]++;
        }
        var england = ToCounts(tallies, 0);
        var groups = _grouping.Groups.Select((g, k) => GroupCounts.Of(g.Code, g.Name, ToCounts(tallies, (k + 1) * _width))).ToList();
        return (england, groups);
    }

    private GradeCounts ToCounts(int[] tallies, int offset)
    {
        var judged = 0;
        for (var g = 0; g < _scale.Count; g++) judged += tallies[offset + g];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var percentages = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        for (var g = 0; g < _scale.Count; g++)
        {
            counts[_scale[g]] = tallies[offset + g];
            percentages[_scale[g]] = Distributions.Percent(tallies[offset + g], judged);
        }
        var notInspected = tallies[offset + _notInspected];
        var notGraded = tallies[offset + _notGraded];
        var notJudged = tallies[offset + _notJudged];
        var notCovered = tallies[offset + _notCovered];
        var unknown = tallies[offset + _unknown];
        return new GradeCounts(judged + notInspected + notGraded + notJudged + notCovered + unknown, judged, notInspected, notGraded,
            notJudged, notCovered, unknown, counts, percentages);
    }
}
