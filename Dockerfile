# The API as a container: SDK image to build, ASP.NET runtime image to run, as a non-root user.
#   docker build -t judgements-api .
#   docker run -p 8080:8080 -e JUDGEMENTS_DB="Host=…;Username=<read-only role>;Password=…;Database=judgements" \
#     -e JUDGEMENTS_OWNER_DB="Host=…;Username=<owner role>;Password=…;Database=judgements" judgements-api
# On start it migrates the database and imports the bundled seed data (a no-op when already loaded)
# as JUDGEMENTS_OWNER_DB, then serves as JUDGEMENTS_DB (README: "Database roles"); it refuses to
# serve as a superuser unless Judgements__AllowSuperuser=true.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY api/JudgementsApi.csproj api/
RUN dotnet restore api/JudgementsApi.csproj
COPY api/ api/
COPY db/ db/
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
