#!/usr/bin/env bash
# What the GitOps bump adds to a publish: `dotnet publish -p:GitOpsBump=true` against `dotnet publish
# -t:PublishContainer` alone, same project (samples/WellTrack.Backend), same warm machine, alternated. Both build,
# publish and push the image to the local registry; the first also commits the tag to a bare GitOps remote.
#   tests/WellTrack.Benchmarks/scripts/publish-bump.sh [RUNS]   (default 7 of each; run ./build.sh pack first)
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
runs=${1:-7}
cd "$repo_root"
work=$(mktemp -d)
trap 'eng/registry.sh stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

port=$(eng/registry.sh start)
registry="127.0.0.1:$port"
base_image=$(eng/base-image.sh "$registry" 2>/dev/null | tail -n 1)
gitops=$(WELLTRACK_DEMO_DIR="$work" eng/gitops-remote.sh create "$registry")
export DOTNET_CONTAINER_INSECURE_REGISTRIES="$registry" WELLTRACK_CACHE="$work/cache"
common=(samples/WellTrack.Backend -c Release -nologo -v:quiet -p:ContainerRegistry="$registry" -p:ContainerBaseImage="$base_image")

dotnet publish "${common[@]}" -t:PublishContainer -p:ContainerImageTag=warm0 >/dev/null   # warm everything up
dotnet publish "${common[@]}" -p:GitOpsBump=true -p:GitOpsRepository="$gitops" -p:ContainerImageTag=warm1 >/dev/null

container=() bump=()
for i in $(seq 1 "$runs"); do
  start=$(now_ms)
  dotnet publish "${common[@]}" -t:PublishContainer -p:ContainerImageTag="c$i" >/dev/null
  container+=($(( $(now_ms) - start )))
  start=$(now_ms)
  dotnet publish "${common[@]}" -p:GitOpsBump=true -p:GitOpsRepository="$gitops" -p:ContainerImageTag="b$i" >/dev/null
  bump+=($(( $(now_ms) - start )))
done

c=$(median "${container[@]}") b=$(median "${bump[@]}")
echo "runs=$runs publishcontainer_median_ms=$c publish_with_bump_median_ms=$b extra_ms=$((b - c)) ratio=$(ratio "$b" "$c")"
echo "commits on the GitOps remote: $(git -C "$gitops" rev-list --count main) (1 seed + 1 warm-up + $runs)"
echo "publishcontainer_ms: ${container[*]}"
echo "publish_with_bump_ms: ${bump[*]}"
