namespace JudgementsApi.Features.Councils;

/// <summary>
/// On /vN/councils/{id}…: when {id} is no identifier, reads it as a name ("Telford and Wrekin",
/// "hull") and redirects to the council's canonical URL (its slug, same sub-path and query), or
/// answers 404 suggesting the closest councils. Runs only after the handler found nothing, so
/// requests by identifier cost nothing more.
/// </summary>
public sealed class CouncilPathFilter(CouncilNames names) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (!IsNotFound(result) || context.HttpContext.GetRouteValue("id") is not string id) return result;

        var match = await names.ResolveAsync(id);
        var request = context.HttpContext.Request;
        if (match.Council is { } council)
        {
            // /vN/councils/{id}/rest: swap the id segment for the slug, keep the rest and the query.
            var segments = (request.Path.Value ?? "").Split('/');
            var rest = string.Join('/', segments.Skip(4));
            var path = new PathString($"/{ApiVersions.SegmentOf(request)}/councils/{council.Slug}") + (rest.Length == 0 ? PathString.Empty : new PathString("/" + rest));
            return TypedResults.Redirect(request.PathBase + path.ToUriComponent() + request.QueryString);
        }
        return Problems.Problem(Problems.NotFound,
            $"No council has the identifier or name '{id}'."
            + (match.Suggestions.Count == 0 ? "" : $" Closest: {string.Join(", ", match.Suggestions.Select(s => s.Name))}."),
            new Dictionary<string, object?>
            {
                ["suggestions"] = match.Suggestions.Select(s => new CouncilSuggestion(s.Code, s.Name, s.Slug, $"/{ApiVersions.SegmentOf(request)}/councils/{s.Slug}")).ToList(),
            });
    }

    private static bool IsNotFound(object? result) => result switch
    {
        ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound } => true,
        INestedHttpResult nested => IsNotFound(nested.Result),
        _ => false,
    };
}

public static class CouncilPaths
{
    /// <summary>
    /// A /vN/councils/{id}… endpoint: a council's name redirects (302) to its URL by slug; an id that names
    /// no council is a 404 problem listing the closest councils.
    /// </summary>
    public static RouteHandlerBuilder ForCouncilPath(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter<CouncilPathFilter>().Produces(StatusCodes.Status302Found).ProducesProblem(StatusCodes.Status404NotFound);
}

/// <summary>A council a 404 suggests instead of a name it could not resolve.</summary>
public sealed record CouncilSuggestion(string Code, string Name, string Slug, string Href);
