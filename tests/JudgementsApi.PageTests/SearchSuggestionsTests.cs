namespace JudgementsApi.PageTests;

/// <summary>Search forgives what people type: misspellings get "did you mean", abbreviations, suffixes and URNs resolve.</summary>
public sealed class SearchSuggestionsTests(PagesFixture app) : IClassFixture<PagesFixture>
{
    [Theory]
    [InlineData("Shrophire", "Shropshire", "shropshire")]
    [InlineData("Sheffeld", "Sheffield", "sheffield")]
    [InlineData("Isle of Scilly", "Isles of Scilly", "isles-of-scilly")]
    public async Task A_misspelt_name_is_answered_with_did_you_mean(string typed, string name, string slug)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        // site.js marks the body when it has run (waiting for network idle timed out on a loaded machine).
        await page.WaitForFunctionAsync("() => document.body.classList.contains('govuk-frontend-supported')");
        await page.Locator("#q").FillAsync(typed);
        await page.RunAndWaitForNavigationAsync(() => page.Locator("#q").PressAsync("Enter"), new() { UrlString = "**/search?q=*" });
        var suggestion = page.Locator("#did-you-mean").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        await suggestion.ClickAsync();
        await page.WaitForURLAsync($"**/councils/{slug}");
        Assert.Equal((await app.JsonAsync($"/v1/councils/{slug}")).GetProperty("name").GetString(), await page.Locator("h1").InnerTextAsync());
    }

    [Theory]
    [InlineData("Staffs", "staffordshire")]
    [InlineData("Birmingham City Council", "birmingham")]
    [InlineData("Kent County Council", "kent")]
    [InlineData("London Borough of Camden", "camden")]
    [InlineData("80573", "trafford")]      // Trafford's Ofsted URN, as its page prints it
    [InlineData("URN 80573", "trafford")]
    public async Task Abbreviations_councils_own_names_and_urns_find_the_council(string typed, string slug)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString(typed));
        Assert.EndsWith($"/councils/{slug}", page.Url);
        var council = await app.JsonAsync($"/v1/councils/{slug}");
        Assert.Equal(council.GetProperty("name").GetString(), await page.Locator("h1").InnerTextAsync());
        if (typed.Contains("80573")) Assert.Equal("80573", council.GetProperty("ofstedUrn").GetString());
    }

    [Fact]
    public async Task Compare_keeps_the_councils_it_found_and_names_the_one_it_did_not()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/compare");
        await page.Locator("#councils").FillAsync("Shropshire, Shrophire Council, Nowhereshire, Staffs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await page.WaitForURLAsync("**/compare?councils=*");
        var codes = await page.Locator("#comparison tbody tr").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code)");
        Assert.Equal(["E06000051", "E10000028"], codes); // Shropshire, Staffordshire
        var problems = await page.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("No council matches ‘Nowhereshire’", problems);
        Assert.Contains("did you mean Shropshire", problems);
        Assert.Empty(await PageChecks.AxeViolationsAsync(page));
    }

    [Fact]
    public async Task The_search_page_with_suggestions_is_accessible_at_both_widths() =>
        await WidthChecks.AccessibleAtBothWidthsAsync(app, "/search?q=Sheffeld");
}
