#!/usr/bin/env bash
# The main job end to end, on embedded defaults (./build.sh demo runs it after packing the SDK):
#   1. a real OCI registry (Debian's docker-registry) on a free 127.0.0.1 port, storage under artifacts/
#   2. a base image built from this machine's own .NET runtime, pushed to it (no internet needed)
#   3. a bare GitOps repository under artifacts/demo seeded from charts/
#   4. dotnet publish samples/WellTrack.Backend -c Release -p:GitOpsBump=true against them
#   5. the image reference, digest, and the GitOps commit with its diff
#   6. the image the GitOps values now name, pulled and run with podman; /healthz and /readyz answering
# Everything it starts is stopped on exit; running it again starts from a fresh GitOps remote.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
demo="$repo/artifacts/demo"
mkdir -p "$demo"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
trap 'eng/registry.sh stop >/dev/null 2>&1 || true' EXIT

step "Starting the local OCI registry"
port=$(eng/registry.sh start)
registry="127.0.0.1:$port"
echo "registry: http://$registry"

step "Pushing a base image built from this machine's .NET runtime"
base_image=$(eng/base-image.sh | tail -n 1)
echo "base image: $base_image"

step "Creating the embedded GitOps remote"
gitops=$(eng/gitops-remote.sh create "$registry")
echo "GitOps remote: $gitops"
git -C "$gitops" log --oneline

step "dotnet publish samples/WellTrack.Backend -c Release -p:GitOpsBump=true"
# The local registry speaks plain HTTP; the .NET SDK's container tasks must be told it is meant to.
export DOTNET_CONTAINER_INSECURE_REGISTRIES="$registry"
dotnet publish samples/WellTrack.Backend -c Release -nologo \
  -p:GitOpsBump=true \
  -p:ContainerRegistry="$registry" \
  -p:ContainerBaseImage="$base_image" \
  -p:GitOpsRepository="$gitops" \
  -p:GitOpsCacheDirectory="$demo/cache" \
  -getResultOutputFile:"$demo/publish-result.json" \
  -getProperty:GitOpsImageRepository -getProperty:GitOpsImageTag -getProperty:GitOpsImageDigest -getProperty:GitOpsCommitId

property() { sed -n "s/.*\"$1\": *\"\([^\"]*\)\".*/\1/p" "$demo/publish-result.json"; }
image_repository=$(property GitOpsImageRepository)
image_tag=$(property GitOpsImageTag)
image_digest=$(property GitOpsImageDigest)
commit=$(property GitOpsCommitId)

step "Published image"
echo "image:  $image_repository:$image_tag"
echo "digest: $image_digest"
served=$(skopeo inspect --tls-verify=false --format '{{.Digest}}' "docker://$image_repository:$image_tag")
echo "registry serves $image_repository:$image_tag as $served"
[ "$served" = "$image_digest" ] || { echo "digest mismatch" >&2; exit 1; }

step "GitOps commit ${commit:-(none)}"
git -C "$gitops" --no-pager show --stat --patch HEAD

step "Running the image the GitOps values now name"
values=$(git -C "$gitops" show HEAD:charts/welltrack-backend/values.yaml)
value() { sed -n "s/^  $1: *\"\{0,1\}\([^\" #]*\)\"\{0,1\}.*/\1/p" <<<"$values" | head -n 1; }
deployed="$(value repository):$(value tag)"
echo "values.yaml names $deployed"
host_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
eng/run-image.sh "$deployed" "$host_port" 3001

step "Done: image built by the .NET SDK, pushed, deployed through GitOps values, and answering."
