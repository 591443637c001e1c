#!/usr/bin/env bash
# The README's entry points:
#   ./build.sh test   install what is missing, build, pack, run every test, print "N passed, N failed"
#   ./build.sh demo   the main job end to end on an embedded default (registry, base image, GitOps remote)
#   ./build.sh pack   packages into artifacts/packages
#   ./build.sh build  build the solution
#   ./build.sh charts validate and scan charts/ with the freshly packed SDK (dotnet build charts/WellTrack.Charts.proj)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO"
CONFIGURATION="${CONFIGURATION:-Release}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\n==> %s\n' "$*" >&2; }

build() {
  log "Building WellTrack.Sdk.sln ($CONFIGURATION)"
  dotnet build WellTrack.Sdk.sln -c "$CONFIGURATION" -nologo -v:minimal
}

pack() {
  log "Packing into artifacts/packages"
  mkdir -p artifacts/packages
  for project in sdk/packages/WellTrack.Sdk sdk/packages/WellTrack.Sdk.GitOps sdk/frontends/WellTrack.Cli templates/WellTrack.Templates.csproj; do
    dotnet pack "$project" -c "$CONFIGURATION" -nologo -v:minimal
  done
  # A re-packed version is otherwise served stale from the global packages folder (NuGet caches by version).
  rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/welltrack.sdk{,.gitops}/"$(sdk_version)"
}

# This repository's charts, validated and scanned by its own freshly packed SDK (dogfooding).
validate_charts() {
  log "Validating charts/ with WellTrack.Sdk.GitOps (dotnet build charts/WellTrack.Charts.proj)"
  dotnet build charts/WellTrack.Charts.proj -nologo -v:minimal
}

sdk_version() {
  sed -n 's/.*"WellTrack.Sdk": *"\([^"]*\)".*/\1/p' global.json
}

run_tests() {
  eng/prerequisites.sh
  build
  pack
  validate_charts
  # The package-level tests consume the SDK from a feed, with a version no earlier run used: NuGet would otherwise
  # serve a stale copy of the same version from its cache.
  export WELLTRACK_TEST_SDK_VERSION="0.1.0-test.$(date -u +%Y%m%d%H%M%S)"
  export WELLTRACK_TEST_FEED="$REPO/artifacts/test-feed"
  log "Packing the SDKs as $WELLTRACK_TEST_SDK_VERSION for the package tests"
  rm -rf "$WELLTRACK_TEST_FEED"
  # The templates pin the SDK version they are packed with, so they are packed with the same test version; the
  # welltrack tool's packages (native linux-x64, framework-dependent any) are installed by its tests from there too.
  for project in sdk/packages/WellTrack.Sdk sdk/packages/WellTrack.Sdk.GitOps sdk/frontends/WellTrack.Cli templates/WellTrack.Templates.csproj; do
    dotnet pack "$project" -c "$CONFIGURATION" -nologo -v:minimal -p:PackageVersion="$WELLTRACK_TEST_SDK_VERSION" -o "$WELLTRACK_TEST_FEED"
  done
  log "Running tests"
  local results="$REPO/artifacts/test-results"
  rm -rf "$results"
  mkdir -p "$results"
  local status=0
  dotnet test --solution WellTrack.Sdk.sln -c "$CONFIGURATION" --no-build \
    --results-directory "$results" --report-trx || status=$?
  # The test version is of no use after this run; test projects share it, so it is removed only once all are done.
  rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/welltrack.{sdk,sdk.gitops,templates,cli,cli.any,cli.linux-x64}/"$WELLTRACK_TEST_SDK_VERSION"
  eng/test-summary.sh "$results" || status=1
  return "$status"
}

demo() {
  eng/prerequisites.sh
  pack
  eng/demo.sh
}

case "${1:-}" in
  build) build ;;
  pack) build; pack ;;
  charts) pack; validate_charts ;;
  test) run_tests ;;
  demo) demo ;;
  *)
    echo "usage: ./build.sh test|demo|pack|build|charts" >&2
    exit 2
    ;;
esac
