using System.Globalization;
using System.Text.RegularExpressions;

namespace JudgementsApi.PageTests;

/// <summary>The grade colours as a reader sees them: read from the served stylesheet, five distinct lightnesses, one palette everywhere.</summary>
public sealed class PaletteTests(PagesFixture app) : IClassFixture<PagesFixture>
{
    private static readonly string[] Grades = ["outstanding", "good", "requires_improvement", "adequate", "inadequate"];

    /// <summary>The smallest CIE L* difference between any two grades (README and docs/design.md state it).</summary>
    private const double MinLightnessStep = 14;

    /// <summary>Each grade's colour as the browser applies /assets/grades.css to an element of the grade's class.</summary>
    private static async Task<Dictionary<string, (int R, int G, int B)>> StylesheetColoursAsync(IPage page) =>
        (await page.EvaluateAsync<string[]>(
            "grades => grades.map(g => { const e = document.createElement('span'); e.className = 'app-grade--' + g.replace('_', '-'); " +
            "document.body.append(e); const c = getComputedStyle(e).backgroundColor; e.remove(); return c; })", Grades))
        .Select((css, i) => (Grades[i], Rgb(css))).ToDictionary(x => x.Item1, x => x.Item2);

    private static (int R, int G, int B) Rgb(string css)
    {
        var m = Regex.Match(css, @"rgb\((\d+), (\d+), (\d+)\)");
        Assert.True(m.Success, $"not an opaque colour: {css}");
        return (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value));
    }

    private static (int R, int G, int B) Hex(string hex) =>
        (Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));

    /// <summary>CIE L* (D65) of an sRGB colour.</summary>
    private static double Lightness((int R, int G, int B) c)
    {
        static double Linear(int v) => v / 255.0 <= 0.04045 ? v / 255.0 / 12.92 : Math.Pow((v / 255.0 + 0.055) / 1.055, 2.4);
        var y = 0.2126 * Linear(c.R) + 0.7152 * Linear(c.G) + 0.0722 * Linear(c.B);
        return y > 216.0 / 24389 ? 116 * Math.Cbrt(y) - 16 : y * 24389 / 27;
    }

    [Fact]
    public async Task The_five_grades_differ_pairwise_in_lightness_by_at_least_the_stated_step()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/about");
        var colours = await StylesheetColoursAsync(page);
        var pairs = from a in Grades from b in Grades where string.CompareOrdinal(a, b) < 0
                    select (a, b, Delta: Math.Abs(Lightness(colours[a]) - Lightness(colours[b])));
        var closest = pairs.MinBy(p => p.Delta);
        Assert.True(closest.Delta >= MinLightnessStep,
            $"{closest.a} and {closest.b} differ by {closest.Delta:0.0} in L*; the palette promises at least {MinLightnessStep}.");

        // The About page describes the same colours: each grade's swatch, its hex and its lightness.
        foreach (var g in Grades)
        {
            var item = await page.Locator($"#palette li[data-grade={g}]").InnerTextAsync();
            var hex = Regex.Match(item, "#[0-9a-f]{6}").Value;
            Assert.Equal(colours[g], Hex(hex));
            Assert.Contains($"lightness {Lightness(colours[g]).ToString("0", CultureInfo.InvariantCulture)}", item);
        }
        Assert.Contains($"at least {MinLightnessStep:0} apart", await page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task The_map_the_charts_the_badge_and_the_widget_draw_grades_in_the_stylesheets_colours()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        var colours = await StylesheetColoursAsync(page);
        string Of(string g) => $"#{colours[g].R:x2}{colours[g].G:x2}{colours[g].B:x2}";

        // Every graded hexagon is filled with its grade's colour (its label names the grade).
        var hexes = await page.Locator("svg.app-hexmap a").EvaluateAllAsync<string[][]>(
            "els => els.map(a => [a.getAttribute('aria-label'), a.querySelector('path').getAttribute('fill')])");
        var labels = Grades.ToDictionary(g => g, g => g == "requires_improvement" ? "Requires improvement" : char.ToUpperInvariant(g[0]) + g[1..]);
        var graded = hexes.Where(h => Grades.Any(g => h[0].Contains(": " + labels[g]))).ToList();
        Assert.True(graded.Count > 100);
        foreach (var h in graded)
            Assert.Equal(Of(Grades.First(g => h[0].Contains(": " + labels[g]))), h[1]);

        // The charts (and so their PNGs, drawn from the same SVG), the badge and the widget.
        var chart = await app.Http.GetStringAsync("/statistics/timeline.svg");
        foreach (var g in new[] { "outstanding", "good", "requires_improvement", "inadequate" })
            Assert.Contains($"fill=\"{Of(g)}\"", chart);
        var badge = await app.Http.GetStringAsync("/v1/councils/shropshire/badge.svg");
        Assert.Contains($"fill=\"{Of("outstanding")}\"", badge);
        var widget = await app.Http.GetStringAsync("/embed/embed.css");
        foreach (var g in Grades) Assert.Contains($".grade-{g.Replace('_', '-')} {{ background: {Of(g)};", widget);
    }
}
