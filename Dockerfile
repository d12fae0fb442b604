# The API as a container: SDK image to build, ASP.NET runtime image to run, as a non-root user.
#   docker build -t judgements-api .
#   docker run -p 127.0.0.1:8080:8080 -e JUDGEMENTS_DB="Host=…;Username=<read-only role>;Password=…;Database=judgements" \
#     -e JUDGEMENTS_OWNER_DB="Host=…;Username=<owner role>;Password=…;Database=judgements" judgements-api
# On start it migrates the database and imports the bundled seed data (a no-op when already loaded)
# as JUDGEMENTS_OWNER_DB, then serves as JUDGEMENTS_DB (README: "Database roles"); it refuses to
# serve as a superuser unless Judgements__AllowSuperuser=true. Set JUDGEMENTS_SEED_DIR= (empty) to
# skip the import, as replicas reading a replica database do.
# Where no registry can be reached, build on the stand-ins of deploy/offline-images.sh:
#   docker build --build-arg SDK_IMAGE=judgements-standin/dotnet-sdk:10.0 \
#                --build-arg RUNTIME_IMAGE=judgements-standin/aspnet:10.0 -t judgements-api .
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY api/JudgementsApi.csproj api/
RUN dotnet restore api/JudgementsApi.csproj
COPY api/ api/
COPY db/ db/
# The dataset's README, QUALITY and FORMAT ship inside the assembly (for the bulk download).
COPY seed-data/*.md seed-data/
RUN dotnet publish api/JudgementsApi.csproj -c Release -o /app --no-restore

FROM ${RUNTIME_IMAGE} AS runtime
WORKDIR /app
COPY --from=build /app .
COPY seed-data/*.csv seed-data/
ENV ASPNETCORE_URLS=http://+:8080 \
    JUDGEMENTS_SEED_DIR=/app/seed-data
EXPOSE 8080
# The runtime image's unprivileged user. Nothing is written to the filesystem at run time, so the
# container runs with a read-only root (docker run --read-only --tmpfs /tmp, as deploy/compose.yaml does).
USER $APP_UID
# Liveness without curl (not in the runtime image): bash's /dev/tcp, one HTTP/1.0 request.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "JudgementsApi.dll"]
