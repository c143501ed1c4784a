# ImpactBot's image: `impactbot run` for GitHub Actions (action.yml uses the prebuilt image from GHCR) and GitLab CI, and
# `impactbot serve`. Built for linux/amd64 and linux/arm64 by .github/workflows/release.yml; `docker build .` builds from source.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
# The SDK runs on the build machine and cross-compiles (ReadyToRun included) for the target architecture.
RUN rid=linux-$([ "$TARGETARCH" = "arm64" ] && echo arm64 || echo x64) \
    && dotnet publish src/ImpactBot.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o /app

# The CLI uses the Web SDK (for `impactbot serve`), so it needs the ASP.NET Core runtime.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update \
    && apt-get install -y --no-install-recommends git ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && git config --system --add safe.directory '*'
COPY --from=build /app /app
LABEL org.opencontainers.image.source="https://github.com/impactbot/impactbot" \
      org.opencontainers.image.description="ImpactBot: column-level change impact for dbt and SQL pull requests"
# No USER and no WORKDIR: Actions mounts the workspace as root and sets the working directory itself.
ENTRYPOINT ["dotnet", "/app/impactbot.dll", "run"]
