#!/usr/bin/env bash
# Time from `dotnet new welltrack-service` to the generated service's first successful
# `dotnet publish -c Release -p:GitOpsBump=true`, whole processes, on a warm machine: each run instantiates the
# template into a fresh directory (restore post action included), commits it (the image tag is the commit's short id)
# and publishes it, which builds the image, pushes it to the local registry and commits the tag to a bare GitOps
# remote created from welltrack-gitops holding the service's generated chart. Nothing generated is edited; the only
# extra input is the base image, taken from the local registry because this machine has no internet.
#   tests/WellTrack.Benchmarks/scripts/template-to-publish.sh [RUNS]   (default 5; one untimed warm-up run first)
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
runs=${1:-5}
cd "$repo_root"
work=$(mktemp -d)
export WELLTRACK_REGISTRY_DIR="$work/registry"
# A version no earlier run used, so NuGet's cache cannot serve a stale package of the same version; removed from the
# global packages folder afterwards.
version="0.0.1-bench.$(date -u +%Y%m%d%H%M%S)"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
trap 'eng/registry.sh stop >/dev/null 2>&1 || true; rm -rf "$work" "$packages/welltrack.sdk/$version"' EXIT
git_env=(env GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.test GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.test)

feed="$work/feed" hive="$work/hive"
dotnet pack sdk/packages/WellTrack.Sdk/WellTrack.Sdk.csproj -c Release -nologo -v:quiet -p:WellTrackVersion="$version" -o "$feed" >/dev/null
dotnet pack templates/WellTrack.Templates.csproj -c Release -nologo -v:quiet -p:WellTrackVersion="$version" -o "$feed" >/dev/null
dotnet new install "$feed/WellTrack.Templates.$version.nupkg" --debug:custom-hive "$hive" >/dev/null

port=$(eng/registry.sh start)
registry="127.0.0.1:$port"
base_image=$(eng/base-image.sh "$registry" 2>/dev/null | tail -n 1)
export DOTNET_CONTAINER_INSECURE_REGISTRIES="$registry" WELLTRACK_CACHE="$work/cache"

# The GitOps remote, once: welltrack-gitops plus the chart welltrack-service generates (as the service's first pull
# request to the GitOps repository would add it).
bare="$work/gitops.git"
new_service() { # directory
  dotnet new welltrack-service -n Payments.Api -o "$1" --debug:custom-hive "$hive" --sdk-version "$version" --feed "$feed" \
    --registry "$registry/welltrack" --gitops-repo "$bare" "${@:2}" >/dev/null
}
dotnet new welltrack-gitops -n GitOps -o "$work/gitops" --debug:custom-hive "$hive" --sdk-version "$version" --no-restore >/dev/null
new_service "$work/chart-source" --no-restore
cp -r "$work/chart-source/charts/payments-api" "$work/gitops/charts/"
git -C "$work/gitops" init -q -b main && git -C "$work/gitops" add -A && "${git_env[@]}" git -C "$work/gitops" commit -qm "GitOps repository"
git clone -q --bare "$work/gitops" "$bare"

one_run() { # directory
  local dir=$1
  new_service "$dir"
  git -C "$dir" init -q -b main && git -C "$dir" add -A && "${git_env[@]}" git -C "$dir" commit -qm "dotnet new welltrack-service"
  (cd "$dir" && dotnet publish src/Payments.Api/Payments.Api.csproj -c Release -nologo -v:quiet -p:GitOpsBump=true \
    -p:ContainerBaseImage="$base_image" >/dev/null)
}

one_run "$work/warm-up"   # warms NuGet's cache, the SDK resolver and the base image layers
sleep 1                   # the next commit is newer than the warm-up's (the bump refuses older builds)

times=()
for i in $(seq 1 "$runs"); do
  start=$(now_ms)
  one_run "$work/run-$i"
  times+=($(( $(now_ms) - start )))
  sleep 1
done

echo "runs=$runs template_to_publish_median_ms=$(median "${times[@]}") p95_ms=$(percentile 95 "${times[@]}")"
echo "template_to_publish_ms: ${times[*]}"
echo "GitOps commits: $(git -C "$bare" rev-list --count main) (1 seed + 1 warm-up + $runs)"
