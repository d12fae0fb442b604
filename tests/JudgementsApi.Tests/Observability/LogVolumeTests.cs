using Microsoft.Extensions.Logging;

namespace JudgementsApi.Tests.Observability;

/// <summary>A failure that repeats costs a few log lines a minute, not a flood (the platform's log sampling).</summary>
public class LogVolumeTests(LoggedApiFactory api) : ApiTests<LoggedApiFactory>(api)
{
    private const string Category = "JudgementsApi.Tests.Flood";

    [Fact]
    public void ARepeatedWarningIsWrittenTenTimesAMinuteWhileInformationAlwaysPasses()
    {
        var log = Api.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        int Written(LogLevel level) => Api.Logs.Entries.Count(e => e.Category == Category && e.Level == level);

        for (var i = 0; i < 50; i++) log.LogWarning("The same thing failed, try {Attempt}", i);
        for (var i = 0; i < 30; i++) log.LogInformation("Served request {Number}", i);
        log.LogWarning("Another thing failed once");
        Assert.Equal(11, Written(LogLevel.Warning)); // ten of the repeated one, and the other
        Assert.Equal(30, Written(LogLevel.Information));

        Api.Clock.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 50; i++) log.LogWarning("The same thing failed, try {Attempt}", i);
        Assert.Equal(21, Written(LogLevel.Warning));
    }
}
