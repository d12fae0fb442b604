using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JudgementsApi.Features.Pages;

/// <summary>Formatting shared by every page (the components encode what they write).</summary>
public static class Html
{
    /// <summary>The API's root for links from the pages: its newest version (/v1), from the version set.</summary>
    public static string Api => ApiVersions.Root;

    /// <summary>"12 November 2024"; month-precision dates (Shropshire's 2012 grade) as "November 2012", year-precision as "2019".</summary>
    public static string Date(DateOnly date, string precision = "day") =>
        date.ToString(precision switch { "month" => "MMMM yyyy", "year" => "yyyy", _ => "d MMMM yyyy" }, CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Percent(decimal? p) => p is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";
}

/// <summary>A page's social preview: a PNG the service draws (path from the site's root) and what it shows, in words.</summary>
public sealed record PreviewImage(string Image, string Alt);

/// <summary>A form field's error: the field's id (the summary links to it) and what to do.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>A page: a Razor component rendered on the server (static SSR, no client runtime) as UTF-8 HTML.</summary>
public static class Page
{
    public static RazorComponentResult<T> Show<T>(object parameters, int status = 200) where T : IComponent =>
        new(parameters) { StatusCode = status, ContentType = "text/html; charset=utf-8" };

    /// <summary>An error page: what went wrong, in words, and where to go next.</summary>
    public static RazorComponentResult<ErrorPage> Error(int status, string heading, string detail) =>
        Show<ErrorPage>(new { Heading = heading, Detail = detail }, status);

    public static RazorComponentResult<ErrorPage> NotFound(string what) =>
        Error(404, "Page not found", $"There is no {what} here. Councils are found by name, ONS code or DfE code.");
}

/// <summary>
/// Words for grades and the states that are not grades (areas and types are in Terms.cs). One place,
/// so that adding a status (a report that says an area was not judged, or did not cover it) is one change here.
/// </summary>
public static class Labels
{
    /// <summary>The areas the pages show: overall effectiveness while it exists, and the four that continue after April 2026.</summary>
    public static readonly string[] PageAreas = ["overall_effectiveness", "help_and_protection", "children_in_care", "care_leavers", "leadership"];

    /// <summary>The state of an area in an inspection's grades: absent = the framework does not grade it; null = graded, grade unknown.</summary>
    public static (AreaState State, string? Grade) Of(IReadOnlyDictionary<string, string?>? grades, string family) =>
        grades is null ? (AreaState.NotInspected, null)
        : !grades.TryGetValue(family, out var g) ? (AreaState.NotGraded, null)
        : g is null ? (AreaState.Unknown, null)
        : (AreaState.Graded, g);

    /// <summary>The state of an area of an inspection, with why a graded area has no grade (not judged, not covered, unknown).</summary>
    public static (AreaState State, string? Grade) Of(Features.Inspections.InspectionSummary? inspection, string family) =>
        Of(inspection?.Grades, family) is (AreaState.Unknown, _) ? (AreaStates.OfMissing(inspection!.MissingGrades.GetValueOrDefault(family)), null)
        : Of(inspection?.Grades, family);

    /// <summary>CSS class of a grade or state; its colours come from /assets/grades.css, written from <see cref="GradePalette"/>.</summary>
    public static string CssClass(AreaState state, string? grade) => "app-grade--" + AreaStates.Css(state, grade);

    /// <summary>The area a page was asked for (the first when none), or an error and the first.</summary>
    public static string ReadArea(string? area, List<FieldError> errors)
    {
        if (area is null || PageAreas.Contains(area)) return area ?? PageAreas[0];
        errors.Add(new("area", "Choose one of the judgement areas listed"));
        return PageAreas[0];
    }

    /// <summary>
    /// The grades worth a column or a key entry: those of the current scale, plus any other (pre-2013
    /// "adequate") only when some council holds it, so a table is not padded with a column of zeros.
    /// </summary>
    public static List<string> ShownGrades(IEnumerable<string> scale, Func<string, bool> held) =>
        scale.Where(g => g is "outstanding" or "good" or "requires_improvement" or "inadequate" || held(g)).ToList();

    /// <summary>A grade's rank, best 1 (grades.csv): pre-2013 "adequate" ranks with "requires improvement", so a move between them is no change.</summary>
    public static int Rank(string grade) => grade switch
    {
        "outstanding" => 1, "good" => 2, "adequate" or "requires_improvement" => 3, "inadequate" => 4, _ => 5,
    };

    /// <summary>grades.css: one rule per grade and state, from the palette (no colour is defined anywhere else).</summary>
    public static string GradesCss() => "/* Written from GradePalette.cs */\n" + string.Concat(
        GradePalette.Codes
            .Select(g => (CssClass(AreaState.Graded, g), GradePalette.For(g)))
            .Concat([("app-grade--unknown", GradePalette.Unknown), ("app-grade--not-judged", GradePalette.NotJudged)])
            .Concat([("app-grade--none", GradePalette.None), ("app-grade--not-graded", GradePalette.None)])
            .Select(r => $".{r.Item1},.govuk-tag.{r.Item1}{{background-color:{r.Item2.Fill};color:{r.Item2.Text}}}\n"
                         + $".app-key__swatch.{r.Item1}{{border:1px solid #505a5f}}\n"));
}

/// <summary>Marks the page endpoints: HTML, cached and ETagged like the API (dataset version + URL + day).</summary>
public sealed class PageMetadata;
