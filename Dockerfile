# The API as a container: SDK image to build, ASP.NET runtime image to run, as a non-root user.
#   docker build -t judgements-api .
#   docker run -p 8080:8080 -e JUDGEMENTS_DB="Host=…;Username=…;Password=…;Database=judgements" judgements-api
# On start it migrates the database and imports the bundled seed data (a no-op when already loaded).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY api/JudgementsApi.csproj api/
RUN dotnet restore api/JudgementsApi.csproj
COPY api/ api/
COPY db/ db/
# The dataset's README, QUALITY and FORMAT ship inside the assembly (for the bulk download).
COPY seed-data/*.md seed-data/
RUN dotnet publish api/JudgementsApi.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
COPY seed-data/*.csv seed-data/
ENV ASPNETCORE_URLS=http://+:8080 \
    JUDGEMENTS_SEED_DIR=/app/seed-data
EXPOSE 8080
# The runtime image's unprivileged user.
USER $APP_UID
ENTRYPOINT ["dotnet", "JudgementsApi.dll"]
