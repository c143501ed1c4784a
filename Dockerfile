# ImpactBot as a Docker GitHub Action: `impactbot run` reads the Actions environment (README "GitHub Action").
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/ImpactBot.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /app

# The CLI uses the Web SDK (for `impactbot serve`), so it needs the ASP.NET Core runtime.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update \
    && apt-get install -y --no-install-recommends git ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && git config --system --add safe.directory '*'
COPY --from=build /app /app
# No USER and no WORKDIR: Actions mounts the workspace as root and sets the working directory itself.
ENTRYPOINT ["dotnet", "/app/impactbot.dll", "run"]
