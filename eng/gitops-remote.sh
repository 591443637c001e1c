#!/usr/bin/env bash
# The demo's embedded GitOps remote: a bare repository under artifacts/ seeded from this repository's charts/, as a
# team's GitOps repository would hold them. The backend chart's image.repository points at the given registry, as a
# user's chart points at theirs.
#   eng/gitops-remote.sh create REGISTRY_ADDRESS   (re)creates artifacts/demo/gitops.git, prints its path
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${WELLTRACK_DEMO_DIR:-$repo/artifacts/demo}"

create() {
  local registry=$1 seed="$dir/gitops-seed" bare="$dir/gitops.git"
  rm -rf "$seed" "$bare"
  mkdir -p "$seed"
  cp -r "$repo/charts" "$seed/charts"
  # Only the repository line changes; the chart keeps its comments and layout (sed on that one line is enough here).
  sed -i -E "s|^(  repository: ).*welltrack-backend|\1$registry/welltrack-backend|" "$seed/charts/welltrack-backend/values.yaml"
  cat > "$seed/README.md" <<'MD'
# WellTrack GitOps (demo)

Desired state of the WellTrack services, synced by Argo CD. CI updates `image.tag` in `charts/*/values.yaml`.
MD
  git -C "$seed" init -q -b main
  git -C "$seed" add -A
  git -C "$seed" -c user.name="WellTrack demo" -c user.email=demo@welltrack.local commit -qm "Seed the GitOps repository with the WellTrack charts"
  git clone -q --bare "$seed" "$bare"
  rm -rf "$seed"
  echo "$bare"
}

case "${1:-}" in
  create) create "${2:?usage: eng/gitops-remote.sh create REGISTRY_ADDRESS}" ;;
  *) echo "usage: eng/gitops-remote.sh create REGISTRY_ADDRESS" >&2; exit 2 ;;
esac
