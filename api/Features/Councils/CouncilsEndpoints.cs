namespace JudgementsApi.Features.Councils;

public static class CouncilsEndpoints
{
    public static RouteGroupBuilder MapCouncils(this RouteGroupBuilder v1) => v1;
}
