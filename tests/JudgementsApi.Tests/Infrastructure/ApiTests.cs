namespace JudgementsApi.Tests.Infrastructure;

/// <summary>
/// A test class against the app over HTTP: one app and database clone (the class fixture) shared by
/// its tests, and a client of it.
/// </summary>
public abstract class ApiTests<TFactory>(TFactory api) : IClassFixture<TFactory> where TFactory : ApiFactory
{
    protected TFactory Api { get; } = api;

    protected HttpClient Client { get; } = api.CreateClient();
}

/// <inheritdoc />
public abstract class ApiTests(ApiFactory api) : ApiTests<ApiFactory>(api);
