using SkiaSharp;
using Svg.Skia;
using Svg.Skia.TypefaceProviders;

namespace JudgementsApi.Features.Pages.Statistics;

/// <summary>
/// A chart's own SVG as a PNG at twice its size, drawn by Svg.Skia. Every text is set in the DejaVu Sans
/// shipped in Assets/fonts (the Linux native assets carry no font lookup), so a chart looks the same on
/// a laptop, in CI and in the container.
/// </summary>
public static class ChartPng
{
    private const float Scale = 2;

    private static readonly SKTypeface Font =
        SKFontManager.Default.CreateTypeface(Path.Combine(AppContext.BaseDirectory, "Assets", "fonts", "DejaVuSans.ttf"))
        ?? throw new InvalidOperationException("Assets/fonts/DejaVuSans.ttf is missing beside the assembly.");

    public static byte[] From(string svg)
    {
        using var drawing = new SKSvg();
        drawing.Settings.TypefaceProviders = [new ShippedFont()];
        drawing.FromSvg(svg);
        using var png = new MemoryStream();
        if (!drawing.Save(png, SKColors.White, SKEncodedImageFormat.Png, 100, Scale, Scale))
            throw new InvalidOperationException("Svg.Skia could not draw the chart.");
        return png.ToArray();
    }

    private sealed class ShippedFont : ITypefaceProvider
    {
        public SKTypeface FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth,
            SKFontStyleSlant fontStyle) => Font;
    }
}
