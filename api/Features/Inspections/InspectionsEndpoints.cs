namespace JudgementsApi.Features.Inspections;

public static class InspectionsEndpoints
{
    public static RouteGroupBuilder MapInspections(this RouteGroupBuilder v1) => v1;
}
