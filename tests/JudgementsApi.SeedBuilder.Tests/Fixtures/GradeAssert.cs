namespace JudgementsApi.SeedBuilder.Tests.Fixtures;

/// <summary>Checks grades by area, whether read by the parser (no grade: null) or from judgements.csv (no grade: "").</summary>
public static class GradeAssert
{
    /// <summary>Each listed area has a judgement with the listed grade; other areas are not checked.</summary>
    public static void Has<TGrade>(IReadOnlyDictionary<string, TGrade> grades, params (string Area, TGrade Grade)[] expected)
    {
        foreach (var (area, grade) in expected)
        {
            Assert.True(grades.TryGetValue(area, out var actual), $"no judgement of {area}");
            // The area travels with the grade so that a failure names it.
            Assert.Equal((area, grade), (area, actual));
        }
    }
}
