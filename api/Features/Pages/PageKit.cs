using System.Net;

namespace JudgementsApi.Features.Pages;

/// <summary>HTML encoding and formatting shared by every page.</summary>
public static class Html
{
    /// <summary>Encodes text for an element or a quoted attribute. Every value from the data goes through this.</summary>
    public static string H(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Url(string text) => Uri.EscapeDataString(text);

    /// <summary>The API's root for links from the pages: its newest version (/v1), from the version set.</summary>
    public static string Api => ApiVersions.Root;

    /// <summary>"12 November 2024"; month-precision dates (Shropshire's 2012 grade) as "November 2012".</summary>
    public static string Date(DateOnly date, string precision = "day") =>
        date.ToString(precision == "month" ? "MMMM yyyy" : "d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Percent(decimal? p) => p is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    public static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
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

    /// <summary>A status as the statistics or an inspection spell it (notJudged, not_judged…).</summary>
    public static AreaState OfStatus(string status) => AreaStates.Parse(status);

    public static GradePalette.Swatch Swatch(AreaState state, string? grade) => AreaStates.Swatch(state, grade);

    public static string Text(AreaState state, string? grade) => AreaStates.Text(state, grade);

    /// <summary>CSS class of a grade or state; its colours come from /assets/grades.css, written from <see cref="GradePalette"/>.</summary>
    public static string CssClass(AreaState state, string? grade) => "app-grade--" + AreaStates.Css(state, grade);

    /// <summary>A coloured label with the grade in words.</summary>
    public static string Tag(AreaState state, string? grade) =>
        $"<strong class=\"govuk-tag app-grade {CssClass(state, grade)}\">{Html.H(Text(state, grade))}</strong>";

    public static string Tag(Features.Inspections.InspectionSummary? inspection, string family)
    {
        var (state, grade) = Of(inspection, family);
        return Tag(state, grade);
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
    public static string GradesCss()
    {
        var sb = new StringBuilder("/* Written from GradePalette.cs */\n");
        void Rule(string cls, GradePalette.Swatch s) =>
            sb.Append($".{cls},.govuk-tag.{cls}{{background-color:{s.Fill};color:{s.Text}}}\n.app-key__swatch.{cls}{{border:1px solid #505a5f}}\n");
        foreach (var g in new[] { "outstanding", "good", "requires_improvement", "adequate", "inadequate" })
            Rule(CssClass(AreaState.Graded, g), GradePalette.For(g));
        Rule("app-grade--unknown", GradePalette.Unknown);
        Rule("app-grade--not-judged", GradePalette.NotJudged);
        Rule("app-grade--none", GradePalette.None);
        Rule("app-grade--not-graded", GradePalette.None);
        // Two facts drawn in white: "not inspected yet" has a solid edge, "not graded under this framework" a dashed one.
        sb.Append(".app-grade--none{outline:1px solid #505a5f;outline-offset:-1px}\n.app-grade--not-graded{outline:2px dashed #505a5f;outline-offset:-2px}\n");
        return sb.ToString();
    }
}

/// <summary>Marks the page endpoints: HTML, cached and ETagged like the API (dataset version + URL + day).</summary>
public sealed class PageMetadata;

/// <summary>A page: the GOV.UK Frontend template around the content, sent as UTF-8 HTML.</summary>
public sealed class PageResult(string title, string content, string nav, int status = 200, string? description = null) : IResult
{
    public const string ServiceName = "Children's services inspections";

    private static readonly (string Href, string Key, string Text)[] Navigation =
    [
        ("/", "home", "Map"), ("/compare", "compare", "Compare"), ("/statistics", "statistics", "Statistics"),
        ("/about", "about", "About the data"), ("/swagger", "api", "API"),
    ];

    public string Render()
    {
        var sb = new StringBuilder(content.Length + 4096);
        sb.Append($"""
            <!DOCTYPE html>
            <html lang="en" class="govuk-template">
            <head>
            <meta charset="utf-8">
            <title>{Html.H(title)} – {ServiceName}</title>
            <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
            <meta name="description" content="{Html.H(description ?? "Ofsted's judgements on every English council's children's services, from the reports themselves.")}">
            <link rel="stylesheet" href="/assets/govuk/govuk-frontend.min.css">
            <link rel="stylesheet" href="/assets/grades.css">
            <link rel="stylesheet" href="/assets/site.css">
            </head>
            <body class="govuk-template__body">
            <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
            <section class="govuk-service-navigation app-service-navigation" aria-label="Service information" data-module="govuk-service-navigation">
            <div class="govuk-width-container"><div class="govuk-service-navigation__container">
            <span class="govuk-service-navigation__service-name"><a href="/" class="govuk-service-navigation__link">{ServiceName}</a></span>
            <nav aria-label="Menu" class="govuk-service-navigation__wrapper"><ul class="govuk-service-navigation__list" id="navigation">
            """);
        foreach (var (href, key, text) in Navigation)
        {
            var active = key == nav;
            sb.Append($"<li class=\"govuk-service-navigation__item{(active ? " govuk-service-navigation__item--active" : "")}\">" +
                      $"<a class=\"govuk-service-navigation__link\" href=\"{href}\"{(active ? " aria-current=\"page\"" : "")}>{text}</a></li>");
        }
        sb.Append("""
            </ul></nav></div></div></section>
            <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main-content">
            """);
        sb.Append(content);
        sb.Append($"""
            </main>
            </div>
            <footer class="govuk-footer"><div class="govuk-width-container"><div class="govuk-footer__meta"><div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 class="govuk-visually-hidden">About this service</h2>
            <p class="govuk-body-s">Not an Ofsted or government service. Judgements are read from Ofsted's published reports.
            Contains public sector information licensed under the <a class="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government Licence v3.0</a>.</p>
            <ul class="govuk-footer__inline-list"><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/about">About the data</a></li>
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/swagger">API documentation</a></li>
            <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="{Html.Api}/dataset">Dataset (JSON)</a></li></ul>
            </div></div></div></footer>
            <script type="module" src="/assets/site.js"></script>
            </body>
            </html>
            """);
        return sb.ToString();
    }

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(Render(), Encoding.UTF8);
    }

    /// <summary>An error page: what went wrong, in words, and where to go next.</summary>
    public static PageResult Error(int status, string heading, string detailHtml) =>
        new(heading, $"""
            <h1 class="govuk-heading-l">{Html.H(heading)}</h1>
            <p class="govuk-body">{detailHtml}</p>
            <p class="govuk-body"><a class="govuk-link" href="/">Go to the map of England</a> or search for a council there.</p>
            """, "", status);

    public static PageResult NotFound(string what) =>
        Error(404, "Page not found", $"There is no {Html.H(what)} here. Councils are found by name, ONS code or DfE code.");
}

/// <summary>Error summary and message markup for forms (GOV.UK pattern).</summary>
public static class Forms
{
    public static string ErrorSummary(IReadOnlyList<(string Field, string Message)> errors) => errors.Count == 0 ? "" :
        $"""
        <div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">
        <h2 class="govuk-error-summary__title">There is a problem</h2>
        <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">
        {string.Concat(errors.Select(e => $"<li><a href=\"#{e.Field}\">{Html.H(e.Message)}</a></li>"))}
        </ul></div></div></div>
        """;
}
