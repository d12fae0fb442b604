namespace JudgementsApi.Import;

/// <summary>Folds names for matching: "Telford &amp; Wrekin", "telford and wrekin" and "TÉLFORD" meet.</summary>
public static class SearchText
{
    public static string Fold(string text)
    {
        var decomposed = text.Replace("&", " and ").Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) { sb.Append(char.ToLowerInvariant(c)); lastSpace = false; }
            else if (!lastSpace) { sb.Append(' '); lastSpace = true; }
        }
        return sb.ToString().Trim();
    }
}
