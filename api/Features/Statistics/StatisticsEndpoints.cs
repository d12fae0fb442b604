namespace JudgementsApi.Features.Statistics;

public static class StatisticsEndpoints
{
    public static RouteGroupBuilder MapStatistics(this RouteGroupBuilder v1) => v1;
}
