using System.Text;

namespace JudgementsApi.SeedBuilder.Tests.Fixtures;

/// <summary>Short synthetic texts shaped like pdftotext -layout output of each report family.
/// Council names and people are invented; only the layouts follow Ofsted's reports.</summary>
public static class ReportFixtures
{
    public const string Pre2013 = """
Inspection of looked after children
services
Examplefield County Council




Inspection dates:   8 – 12 July 2013
Reporting inspector Alex Example HMI




Age group:   All
Published:   16 August 2013

Contents

Record of main findings                                               21

Overall effectiveness of services for looked after
children and young people
Grade 3 (Adequate)
1.  The overall effectiveness of services is adequate.

Capacity to improve
Grade 2 (Good)
2.  Capacity is good.

Record of main findings
Services for looked after children

 Overall effectiveness                                                Adequate

 Capacity to improve                                                  Good

 Outcomes for looked after children and                               Inadequate Grade 4
 young people

 Quality of provision                                                 Adequate

 Leadership and management                                            Adequate

""";

    /// <summary>SIF with LSCB review; "Requires improvement to / be good" wrapped around the 2.2 label.</summary>
    public const string Sif = """
Examplefield
Inspection of services for children in need of help and
protection, children looked after and care leavers
and
Review of the effectiveness of the Local Safeguarding Children
Board1
Inspection date: 11 September 2017 to 5 October 2017
Report published: 24 November 2017


    Children’s services in Examplefield are good
    1. Children who need help and protection                            Good

    2. Children looked after and achieving                              Requires improvement to
       permanence                                                       be good

           2.1 Adoption performance                                     Good

                                                                        Requires improvement to
           2.2 Experiences and progress of care leavers
                                                                        be good

    3. Leadership, management and governance                            Good




1
  Ofsted produces this report under its power to combine reports.

Executive summary
Services are good.

The Local Safeguarding Children Board (LSCB)
The Local Safeguarding Children Board is good

Executive summary
The board is effective.

The inspection team

Lead inspector: Sam Sample HMI

Deputy lead inspector: Kim Other HMI
""";

    /// <summary>SIF layout where each grade is split onto the lines above and below its label, with no blank lines.</summary>
    public const string SifSplitGrades = """
London Borough of Example
Inspection of services for children in need of help and
protection, children looked after and care leavers
and
Review of the effectiveness of the local safeguarding children
board1
Inspection date: 29 April – 22 May 2014
Report published: 7 July 2014

The overall judgement is requires improvement
There are no widespread or serious failures.
                                                                           requires
1. Children who need help and protection
                                                                           improvement

                                                                           requires
2. Children looked after and achieving permanence
                                                                           improvement
            2.1 Adoption performance                                       Good
                                                                           requires
            2.2 Experiences and progress of care leavers
                                                                           improvement
                                                                           inadequate
3. Leadership, management and governance

The effectiveness of the Local Safeguarding Children Board (LSCB) is
requires improvement
The LSCB is not yet good.

Lead inspector: Pat Person
""";

    public const string SifReinspection = """
Examplefield
Re-inspection of services for children in need of help and
protection, children looked after and care leavers


Inspection dates: 12 September 2016 to 6 October 2016
Report published: 25 November 2016


Children’s services in Examplefield are inadequate
1. Children who need help and protection               Inadequate

2. Children looked after and achieving
                                                       Requires improvement
   permanence

        2.1 Adoption performance                       Requires improvement

        2.2 Experiences and progress of care leavers   Not judged

3. Leadership, management and governance               Inadequate

Lead inspector: Robin Reviewer HMI
""";

    public const string LscbOnly = """
Examplefield Safeguarding Children Board
Review of the effectiveness of the Local Safeguarding Children
Board
Inspection date: 15 June 2015 – 17 June 2015
Report published: 3 August 2015


The Local Safeguarding Children Board requires improvement
The arrangements require improvement.

8. The LSCB is adequately funded by partner agencies.

Lead inspector: Lee Board, HMI
""";

    /// <summary>ILACS 2018 (combined children in care and care leavers), one-week short inspection,
    /// grades vertically centred beside two-line labels.</summary>
    public const string Ilacs2018Short = """
Examplefield Council
Inspection of children’s social care services
Inspection dates: 20 January 2020 to 24 January 2020

Lead inspector: Alex Smart
                Her Majesty’s Inspector


 Judgement                                                     Grade

 The impact of leaders on social work practice with children
                                                               Outstanding
 and families

 The experiences and progress of children who need help and    Requires improvement
 protection                                                    to be good

 The experiences and progress of children in care and care
                                                               Outstanding
 leavers


                                                               Requires improvement
 Overall effectiveness
                                                               to be good

Children’s services in Examplefield are improving.

The experiences and progress of children who need help and
protection: requires improvement to be good
""";

    /// <summary>ILACS from 2023: care leavers separate; two-week standard inspection; the overall
    /// grade sits on the line above its label with no blank line before it.</summary>
    public static readonly string Ilacs2023Standard = IlacsReport("4 to 15 March 2024", "Lou Lead, His Majesty’s Inspector",
        [(Leaders, "Good"), (HelpAndProtection, "Good"), (ChildrenInCare, "Requires improvement to be good"), (CareLeavers, "Outstanding")],
        """
                                                      Good
         Overall effectiveness

        The last inspection found services good overall and for children in care and care leavers.

        The experiences and progress of care leavers: outstanding
        """);

    /// <summary>ILACS from April 2026: no overall effectiveness.</summary>
    public static readonly string Ilacs2026 = IlacsReport("8 to 19 June 2026", "Mo Modern, His Majesty’s Inspector",
        [(Leaders, "Outstanding"), (HelpAndProtection, "Good"), (ChildrenInCare, "Outstanding"), (CareLeavers, "Inadequate")],
        """

        Since the last inspection, overall effectiveness has improved for children in care and care leavers.
        """);

    /// <summary>An ILACS table whose grade disagrees with the section heading in the body.</summary>
    public static readonly string IlacsContradiction = IlacsReport("7 to 11 February 2022", "Cam Check, Her Majesty’s Inspector",
        [(Leaders, "Good"), (HelpAndProtection, "Good"), (ChildrenInCareAndCareLeavers, "Good"), ("Overall effectiveness", "Good")],
        """

        Body text.

        The experiences and progress of children who need help and
        protection: inadequate
        """);

    const string Leaders = "The impact of leaders on social work practice with children and families";
    const string HelpAndProtection = "The experiences and progress of children who need help and protection";
    const string ChildrenInCare = "The experiences and progress of children in care";
    const string CareLeavers = "The experiences and progress of care leavers";
    const string ChildrenInCareAndCareLeavers = "The experiences and progress of children in care and care leavers";

    /// <summary>An ILACS report laid out as in Ofsted's reports since 2019: title, inspection dates, lead
    /// inspector, then the judgement table, each label wrapped in its column with the grade beside its
    /// first line and a blank line between rows. <paramref name="rest"/> follows the last row's label.</summary>
    static string IlacsReport(string dates, string lead, (string Label, string Grade)[] rows, string rest)
    {
        const int labelWidth = 36, gradeColumn = 44; // characters, after the table's one-space indent
        var text = new StringBuilder($"Inspection of Examplefield local authority\nchildren’s services\nInspection dates: {dates}\n\n");
        text.Append($"Lead inspector: {lead}\n\n\n {"Judgement".PadRight(gradeColumn)}Grade\n");
        foreach (var (label, grade) in rows)
        {
            text.Append('\n');
            var lines = Wrap(label, labelWidth);
            text.Append($" {lines[0].PadRight(gradeColumn)}{grade}\n");
            foreach (var line in lines.Skip(1)) text.Append($" {line}\n");
        }
        return text.Append(rest).ToString();
    }

    /// <summary>The label's first line (as many words as fit in <paramref name="width"/>) and, if any words are left, the rest.</summary>
    static List<string> Wrap(string label, int width)
    {
        var words = label.Split(' ');
        var first = 1;
        while (first < words.Length && string.Join(' ', words[..(first + 1)]).Length <= width) first++;
        return first == words.Length ? [label] : [string.Join(' ', words[..first]), string.Join(' ', words[first..])];
    }
}
