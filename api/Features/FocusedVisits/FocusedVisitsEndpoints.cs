namespace JudgementsApi.Features.FocusedVisits;

public static class FocusedVisitsEndpoints
{
    public static RouteGroupBuilder MapFocusedVisits(this RouteGroupBuilder v1) => v1;
}
