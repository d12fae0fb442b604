namespace JudgementsApi.Infrastructure;

/// <summary>
/// Where absolute links (feeds, social-preview tags) point. Judgements:PublicBaseUrl, when set, is the
/// address people use (https://judgements.example): the request's Host then never enters a body. Unset
/// (a local run), links follow the request as the trusted forwarded headers give it, and the ETag and
/// cache entry vary by the host, so one host's body is never served to another.
/// </summary>
public sealed class PublicUrls
{
    private const int MaxHostLength = 255;
    private readonly string? configured;

    public PublicUrls(IConfiguration config)
    {
        var value = config["Judgements:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(value)) return;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0)
            throw new InvalidOperationException(
                $"Judgements:PublicBaseUrl is '{value}'; it must be an absolute http or https address without a query.");
        configured = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>The base of every absolute link: scheme, host and path base, no trailing slash.</summary>
    public string Base(HttpContext http) =>
        configured ?? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    /// <summary>What the ETag and the cache entry vary by: nothing when configured, else the request's scheme and host.</summary>
    public string? VaryKey(HttpContext http)
    {
        if (configured is not null) return null;
        var key = $"{http.Request.Scheme}://{http.Request.Host}";
        return key.Length <= MaxHostLength ? key : key[..MaxHostLength];
    }
}
