#!/usr/bin/env bash
# End-to-end proof of the container path without WellTrack.Sdk in the way: local registry -> base image ->
# a minimal ASP.NET Core app published by the .NET SDK's own container tasks -> digest check -> podman run.
#
#   eng/container-smoke.sh [TAG]        TAG defaults to smoke-<epoch seconds>
#
# Output under artifacts/container-smoke/ (the app, its publish output). Prints each step's time.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo/artifacts/container-smoke"
app="$out/app"
tag="${1:-smoke-$(date +%s)}"
t() { local s=$SECONDS; "$@"; echo "smoke: $(( SECONDS - s ))s  $*" >&2; }

"$repo/eng/prerequisites.sh"
port="$("$repo/eng/registry.sh" start)"
registry="127.0.0.1:$port"
base="$(t "$repo/eng/base-image.sh" "$registry")"

if [ ! -f "$app/Smoke.csproj" ]; then
  mkdir -p "$app"
  # Fence the app off from this repository's build settings (warnings as errors, central package versions,
  # artifacts layout, msbuild-sdks pins): empty Directory.* files stop MSBuild's upward search.
  echo '<Project />' > "$out/Directory.Build.props"; echo '<Project />' > "$out/Directory.Build.targets"
  echo '<Project />' > "$out/Directory.Packages.props"
  echo '{"sdk":{"version":"10.0.100","rollForward":"latestFeature"}}' > "$out/global.json"
  dotnet new web -n Smoke -o "$app" --no-update-check >/dev/null
  cat > "$app/Program.cs" <<'CS'
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/healthz", () => Results.Text("ok"));
// Shows the runtime, the user and that ICU works (de-DE decimal separator is "," only with ICU).
app.MapGet("/readyz", () => Results.Text(
    $"ready user={Environment.UserName} {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} " +
    $"de-DE={System.Globalization.CultureInfo.GetCultureInfo("de-DE").NumberFormat.NumberDecimalSeparator} " +
    $"GREETING={Environment.GetEnvironmentVariable("GREETING")}"));
app.Run();
CS
fi

# 127.0.0.1:PORT is not treated as insecure by the SDK (only localhost is): without this it tries TLS and fails.
export DOTNET_CONTAINER_INSECURE_REGISTRIES="$registry"
s=$SECONDS
digest="$(dotnet publish "$app/Smoke.csproj" -t:PublishContainer -nologo \
  -p:ContainerRegistry="$registry" -p:ContainerBaseImage="$base" \
  -p:ContainerRepository=demo -p:ContainerImageTag="$tag" -getProperty:GeneratedContainerDigest)"
echo "smoke: $(( SECONDS - s ))s  dotnet publish -t:PublishContainer -> $registry/demo:$tag@$digest" >&2

served="$(skopeo inspect --tls-verify=false --format '{{.Digest}}' "docker://$registry/demo:$tag")"
[ "$served" = "$digest" ] || { echo "smoke: registry serves $served, SDK reported $digest" >&2; exit 1; }
echo "smoke: registry serves the reported digest $digest" >&2

t "$repo/eng/run-image.sh" "$registry/demo:$tag" 0 8080 GREETING=smoke
