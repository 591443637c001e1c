#!/usr/bin/env bash
# What chart validation and the secrets scan add to `dotnet build` of a GitOps repository (the three WellTrack charts
# and a project on WellTrack.Sdk.GitOps), warm, alternated: a build that validates and scans (a chart file touched
# before each, so neither is skipped) against the same build with both disabled, and a no-op build.
#   tests/WellTrack.Benchmarks/scripts/validate-build.sh [RUNS]   (default 7; run ./build.sh pack first)
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
runs=${1:-7}
version=$(sed -n 's/.*"WellTrack.Sdk.GitOps": *"\([^"]*\)".*/\1/p' "$repo_root/global.json")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/charts"
for chart in welltrack-frontend welltrack-backend welltrack-ml; do cp -r "$repo_root/charts/$chart" "$work/charts/"; done
cp "$repo_root/charts/welltrack.yaml" "$work/welltrack.yaml"
echo '<Project Sdk="WellTrack.Sdk.GitOps" />' > "$work/GitOps.proj"
printf '{ "msbuild-sdks": { "WellTrack.Sdk.GitOps": "%s" } }\n' "$version" > "$work/global.json"
cat > "$work/NuGet.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="local" value="$repo_root/artifacts/packages" /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources></configuration>
XML
cd "$work"
build() { dotnet build GitOps.proj -nologo -v:quiet "$@" >/dev/null; }
build; build -p:GitOpsValidateCharts=false -p:GitOpsCheckSecrets=false   # warm up restore, node and JIT caches

with=() without=() noop=()
for i in $(seq 1 "$runs"); do
  touch charts/welltrack-backend/values.yaml
  start=$(now_ms); build; with+=($(( $(now_ms) - start )))
  touch charts/welltrack-backend/values.yaml
  start=$(now_ms); build -p:GitOpsValidateCharts=false -p:GitOpsCheckSecrets=false; without+=($(( $(now_ms) - start )))
  build >/dev/null
  start=$(now_ms); build; noop+=($(( $(now_ms) - start )))
done

w=$(median "${with[@]}") o=$(median "${without[@]}") n=$(median "${noop[@]}")
echo "runs=$runs with_checks_median_ms=$w without_checks_median_ms=$o added_ms=$((w - o)) ratio=$(ratio "$w" "$o") noop_median_ms=$n"
echo "with_ms: ${with[*]}"
echo "without_ms: ${without[*]}"
echo "noop_ms: ${noop[*]}"
