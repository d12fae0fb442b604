using static JudgementsApi.SeedBuilder.Tests.FocusedVisits.LetterFixture;

namespace JudgementsApi.SeedBuilder.Tests.FocusedVisits;

public class FocusedVisitPriorityActionTests
{
    [Theory]
    // A heading with items.
    [InlineData("Filler findings.\n\nAreas for priority action\n\n◼ Filler item one.\n\n◼ Filler item two.\n\n" +
        "What needs to improve in this area of social work practice?\n\n◼ Filler.")]
    // The singular heading, after a form feed.
    [InlineData("Filler findings.\n\fArea for priority action:\n\nFiller item.")]
    // Notifying the DfE.
    [InlineData("Filler findings.\n\nWe have notified the Department for Education of the areas for priority\naction. Filler.")]
    // A heading saying that earlier areas remain.
    [InlineData("Filler.\n\nAreas for priority action\n\nThe areas for priority action set at the last visit remain.\n" +
        "There are no additional priority actions.\n\nFiller.")]
    public void Means_priority_action(string body) => Assert.True(Parse(Letter(body: body)).PriorityAction);

    [Theory]
    // No heading.
    [InlineData("Filler.\n\nWhat needs to improve in this area of social work practice?\n\n◼ Filler item.")]
    // The heading followed by "none".
    [InlineData("Filler.\n\nAreas for priority action\n\nThere are no priority actions following this focused visit.\n\n" +
        "What needs to improve in this area of social work practice\n\n◼ Filler item.")]
    public void Means_no_priority_action(string body) => Assert.False(Parse(Letter(body: body)).PriorityAction);

    [Theory]
    [InlineData("Two priority actions from the previous focused visit have not been\nsufficiently addressed.")]
    [InlineData("Plans are not timebound in order to support identification of priority actions.")]
    [InlineData("Inspectors made areas for priority action at the last visit. Filler text.")]
    [InlineData("There are no priority actions.")]
    public void Passing_mentions_are_not_priority_action(string sentence)
    {
        var r = Parse(Letter(body: "Filler findings.\n\n" + sentence + "\n\nMore filler."));

        Assert.False(r.PriorityAction);
    }
}

public class FocusedVisitFocusTests
{
    [Theory]
    [InlineData("Inspectors looked at the local authority’s arrangements for the ‘front door’.", FocusTopics.FrontDoor)]
    [InlineData("Inspectors reviewed the local authority’s arrangements for contacts and referrals in the multi-agency\nsafeguarding hub (MASH) and thresholds for children in need.", FocusTopics.FrontDoor)]
    [InlineData("Inspectors considered the local authority’s arrangements for children who need help\nand protection. Specifically, inspectors looked at the ‘front door’.", FocusTopics.FrontDoor)]
    [InlineData("Inspectors looked at the local authority’s arrangements for children in need and\nthose subject to a child protection plan.", FocusTopics.ChildrenInNeedAndProtection)]
    [InlineData("Inspectors looked at the local authority’s arrangements for children subject to a letter\nbefore proceedings.", FocusTopics.ChildrenInNeedAndProtection)]
    [InlineData("Inspectors looked at the local authority’s arrangements for care leavers aged 18 to 25.", FocusTopics.CareLeavers)]
    [InlineData("Inspectors looked at the local authority’s arrangements for children in care, including\ndisabled children.", FocusTopics.ChildrenInCare)]
    [InlineData("Inspectors evaluated the quality of care planning for children in care.", FocusTopics.ChildrenInCare)]
    [InlineData("Inspectors looked at the local authority’s arrangements for planning and achieving\npermanence for children in care.", FocusTopics.Permanence)]
    [InlineData("Inspectors looked at the local authority’s arrangements for providing help and\nprotection for vulnerable adolescents.", FocusTopics.Adolescents)]
    [InlineData("Inspectors looked at the local authority’s arrangements for the protection of\nvulnerable children from extra-familial risk.", FocusTopics.Adolescents)]
    [InlineData("Inspectors looked at the local authority’s arrangements for disabled children.", FocusTopics.DisabledChildren)]
    [InlineData("Inspectors looked at the local authority’s arrangements for unaccompanied asylum-\nseeking children.", FocusTopics.UnaccompaniedChildren)]
    [InlineData("This visit looked at the quality and impact of key decision-making across help and\nprotection, children in care and care leavers, together with the impact of leadership on\nservice development.", FocusTopics.Pandemic)]
    public void Maps_the_focus_statement_to_a_canonical_phrase(string statement, string expected)
    {
        var r = Parse(Letter(focus: statement));

        Assert.Equal(expected, r.Focus);
        Assert.Empty(r.Problems);
    }

    [Fact]
    public void Ignores_statements_about_evidence()
    {
        var r = Parse(Letter(focus:
            "Inspectors looked at a range of evidence, including children in care records.\n\n" +
            "Inspectors looked at the local authority’s arrangements for care leavers."));

        Assert.Equal(FocusTopics.CareLeavers, r.Focus);
    }

    [Fact]
    public void Unrecognised_focus_gets_the_generic_phrase_and_a_problem()
    {
        var r = Parse(Letter(focus: "Inspectors looked at the local authority’s arrangements for widget procurement."));

        Assert.Equal(FocusTopics.Unrecognised, r.Focus);
        Assert.Contains(r.Problems, p => p.Contains("focus"));
    }

    [Fact]
    public void Canonical_list_holds_every_phrase_once()
    {
        Assert.Equal(FocusTopics.All.Count, FocusTopics.All.Distinct().Count());
        Assert.Contains(FocusTopics.CareLeavers, FocusTopics.All);
        Assert.All(FocusTopics.All, p => Assert.True(p.Length <= 60, p));
    }

    [Fact]
    public void Carries_manifest_identity_through()
    {
        var r = Parse(Letter());

        Assert.Equal("99999", r.OfstedUrn);
        Assert.Equal("exampleshire", r.ManifestCouncilName);
        Assert.Equal("focused-visits/99999_exampleshire_2019-09-27.txt", r.SourceFile);
    }
}
