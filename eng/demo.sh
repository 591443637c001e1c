#!/usr/bin/env bash
# The main job end to end, on embedded defaults (./build.sh demo runs it after packing the SDK):
#   1. a real OCI registry (Debian's docker-registry) on a free 127.0.0.1 port, storage under artifacts/
#   2. a base image built from this machine's own .NET runtime, pushed to it (no internet needed)
#   3. a bare GitOps repository under artifacts/demo seeded from charts/
#   4. dotnet publish samples/WellTrack.Backend -c Release -p:GitOpsBump=true against them
#   5. the image reference, digest, and the GitOps commit with its diff
#   6. the backend chart rendered from the GitOps repository (welltrack template); the image its Deployment names,
#      pulled and run with podman with the rendered port, ConfigMap environment, user and read-only root; both
#      probes answering
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

step "Rendering the backend chart as Argo CD would, from the GitOps repository"
# The desired state is the rendered chart, not values.yaml: the image (repository@digest when a digest is set), the
# port, the environment from the ConfigMap and the probes all come from the rendered Deployment.
chart_copy="$demo/deployed"
rm -rf "$chart_copy" && mkdir -p "$chart_copy"
git -C "$gitops" archive HEAD charts/welltrack-backend | tar -x -C "$chart_copy"
welltrack="$repo/artifacts/bin/WellTrack.Cli/release/welltrack.dll"
dotnet "$welltrack" template "$chart_copy/charts/welltrack-backend" --name welltrack-backend --namespace welltrack \
  > "$demo/rendered-backend.yaml"
grep -E '^(kind|# Source):' "$demo/rendered-backend.yaml" | paste - - | sed 's/^/  /'
eval "$(dotnet run eng/deployment-spec.cs < "$demo/rendered-backend.yaml")"
echo "Deployment image:      $image"
echo "container port:        $container_port"
echo "probes:                liveness $liveness_path, readiness $readiness_path"
echo "user, read-only root:  $run_user, $([ "$read_only" = 1 ] && echo yes || echo no)"
echo "environment:           ${environment[*]}"
echo "not resolved here:     ${secret_references[*]} (created by External Secrets from Vault in the cluster)"

step "Running the image the rendered Deployment names"
WELLTRACK_LIVENESS_PATH="$liveness_path" WELLTRACK_READINESS_PATH="$readiness_path" \
WELLTRACK_RUN_USER="$run_user" WELLTRACK_RUN_READ_ONLY="$read_only" \
  eng/run-image.sh "$image" 0 "$container_port" "${environment[@]}"

step "Done: image built by the .NET SDK, pushed, deployed through GitOps values, and answering."
