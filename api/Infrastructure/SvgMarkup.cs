using System.Xml.Linq;

namespace JudgementsApi.Infrastructure;

/// <summary>
/// The one way SVG is written (badges, the hex map, the charts): typed XML elements, so the XML writer
/// encodes every name and number from the data; nothing is escaped or concatenated by hand.
/// </summary>
public static class SvgMarkup
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <summary>An element; content is attributes (<see cref="A"/>), child elements or text, nulls skipped.</summary>
    public static XElement El(string name, params object?[] content) => new(Ns + name, content);

    /// <summary>An attribute; numbers to one decimal, invariant, as every drawing here needs no more.</summary>
    public static XAttribute A(string name, object value) => new(name, value switch
    {
        double d => N(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => value,
    });

    public static string N(double v) => Math.Round(v, 1).ToString(CultureInfo.InvariantCulture);

    public static XElement Rect(double x, double y, double width, double height, string fill, params object?[] more) =>
        El("rect", A("x", x), A("y", y), A("width", width), A("height", height), A("fill", fill), more);

    public static XElement Text(double x, double y, string text, params object?[] more) =>
        El("text", A("x", x), A("y", y), more, text);

    /// <summary>The &lt;title&gt; and &lt;desc&gt; that name a picture for screen readers (aria-labelledby).</summary>
    public static object[] Named(string id, string title, string description) =>
        [A("aria-labelledby", $"{id}-title {id}-desc"), El("title", A("id", $"{id}-title"), title), El("desc", A("id", $"{id}-desc"), description)];

    /// <summary>Markup for a page (an inline &lt;svg&gt;) or, with a declaration, a file of its own.</summary>
    public static string Write(XElement svg, bool declaration = false) =>
        (declaration ? "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" : "") + svg.ToString(SaveOptions.DisableFormatting);
}
