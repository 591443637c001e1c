#!/usr/bin/env bash
# What resolving chart dependencies costs `welltrack validate`, alternated, on the umbrella fixture of
# tests/WellTrack.Core.Tests/Dependencies/Fixtures, one dependency from each kind of repository: the library chart from a
# classic repository served by python3's http.server on 127.0.0.1, the aliased, conditional cache chart (version
# 2.1.5+build.9) from Debian's docker-registry on 127.0.0.1, pushed with curl as `helm push` does:
#   cold     an empty cache each run: index.yaml and the library's archive, the OCI tag list, manifest and layer,
#            all verified and cached;
#   warm     the cache filled, Chart.lock present: no network at all;
#   vendored the same chart with charts/*.tgz written by `welltrack dependency build` (no resolution).
#   tests/WellTrack.Benchmarks/scripts/dependency-resolution.sh [RUNS]   (default 9)
# WELLTRACK: the command to run (default: dotnet artifacts/bin/WellTrack.Cli/release/welltrack.dll, built first).
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
runs=${1:-9}
fixtures="$repo_root/tests/WellTrack.Core.Tests/Dependencies/Fixtures"
if [ -z "${WELLTRACK:-}" ]; then
  dotnet build "$repo_root/sdk/frontends/WellTrack.Cli" -c Release -nologo -v:quiet >/dev/null
  WELLTRACK="dotnet $repo_root/artifacts/bin/WellTrack.Cli/release/welltrack.dll"
fi
work=$(mktemp -d)
server_pid= registry_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return; sleep 0.05; done; echo "nothing listens on $1" >&2; exit 1; }

# The classic repository: the library packaged, index.yaml with its digest.
mkdir -p "$work/repo"
index="apiVersion: v1\nentries:\n"
for chart in common; do
  version=$(sed -n 's/^version: *//p' "$fixtures/$chart/Chart.yaml")
  tar -czf "$work/repo/$chart-$version.tgz" -C "$fixtures" "$chart"
  digest=$(sha256sum "$work/repo/$chart-$version.tgz" | cut -d' ' -f1)
  index+="  $chart:\n  - apiVersion: v2\n    name: $chart\n    version: $version\n    digest: $digest\n    urls:\n    - $chart-$version.tgz\n"
done
printf "$index" > "$work/repo/index.yaml"
port=$(free_port)
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/repo" >/dev/null 2>&1 &
server_pid=$!

# The OCI registry (the configuration of eng/registry.sh) and the cache chart pushed as Helm pushes it: config blob
# (Helm's config media type), the .tgz as the layer (Helm's chart media type), an OCI manifest tagged with '+' as '_'.
registry_port=$(free_port) registry="127.0.0.1:$registry_port"
printf 'version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: %s\n  secret: bench-only\n' "$work/registry" "$registry" > "$work/registry.yml"
docker-registry serve "$work/registry.yml" >/dev/null 2>&1 &
registry_pid=$!
wait_port "$port"; wait_port "$registry_port"
push_blob() { # REPOSITORY FILE: uploads FILE monolithically, prints its digest
  local digest location separator='?'
  digest="sha256:$(sha256sum "$2" | cut -d' ' -f1)"
  location=$(curl -fsS -X POST -D - -o /dev/null "http://$registry/v2/$1/blobs/uploads/" | tr -d '\r' | sed -n 's/^[Ll]ocation: *//p')
  case $location in http*) ;; *) location="http://$registry$location" ;; esac
  case $location in *\?*) separator='&' ;; esac
  curl -fsS -X PUT -H 'Content-Type: application/octet-stream' --data-binary @"$2" "$location${separator}digest=$digest" >/dev/null
  echo "$digest"
}
oci_version=2.1.5+build.9
mkdir -p "$work/oci-src" && cp -r "$fixtures/cache" "$work/oci-src/cache"
sed -i "s/^version: .*/version: $oci_version/" "$work/oci-src/cache/Chart.yaml"
tar -czf "$work/cache.tgz" -C "$work/oci-src" cache
printf '{"name":"cache","version":"%s","apiVersion":"v2","type":"application"}' "$oci_version" > "$work/cache-config.json"
config_digest=$(push_blob charts/cache "$work/cache-config.json")
layer_digest=$(push_blob charts/cache "$work/cache.tgz")
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.cncf.helm.config.v1+json","digest":"%s","size":%s},"layers":[{"mediaType":"application/vnd.cncf.helm.chart.content.v1.tar+gzip","digest":"%s","size":%s}]}' \
  "$config_digest" "$(stat -c %s "$work/cache-config.json")" "$layer_digest" "$(stat -c %s "$work/cache.tgz")" > "$work/cache-manifest.json"
curl -fsS -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' --data-binary @"$work/cache-manifest.json" \
  "http://$registry/v2/charts/cache/manifests/${oci_version/+/_}" >/dev/null

# Two copies of the umbrella under one welltrack.yaml: fetched (Chart.lock only) and vendored (charts/*.tgz).
mkdir -p "$work/gitops"
printf 'dependencies:\n  repositories:\n    - name: fixtures\n      url: http://127.0.0.1:%s/\n' "$port" > "$work/gitops/welltrack.yaml"
cp -r "$fixtures/umbrella" "$work/gitops/fetched"
sed -i "/- name: cache/,\$ s|repository: \"@fixtures\"|repository: oci://$registry/charts|" "$work/gitops/fetched/Chart.yaml"
export WELLTRACK_CACHE="$work/cache"
$WELLTRACK dependency update "$work/gitops/fetched" >/dev/null
cp -r "$work/gitops/fetched" "$work/gitops/vendored"
rm -rf "$work/gitops/fetched/charts"
validate() { $WELLTRACK validate "$@" >/dev/null 2>&1 || true; }
validate "$work/gitops/fetched"; validate "$work/gitops/vendored"   # warm up caches and JIT
# A run that failed to resolve would be timed as fast as a failure: each copy must validate clean first.
for copy in fetched vendored; do
  $WELLTRACK validate "$work/gitops/$copy" >"$work/$copy.out" 2>&1 || { echo "validate $copy failed:" >&2; cat "$work/$copy.out" >&2; exit 1; }
done
ls "$work/gitops/vendored/charts" | grep -qx "cache-$oci_version.tgz" || { echo "the OCI dependency was not vendored" >&2; exit 1; }

cold=() warm=() vendored=()
for i in $(seq 1 "$runs"); do
  start=$(now_ms); WELLTRACK_CACHE="$work/cold-$i" validate "$work/gitops/fetched"; cold+=($(( $(now_ms) - start )))
  start=$(now_ms); validate "$work/gitops/fetched"; warm+=($(( $(now_ms) - start )))
  start=$(now_ms); validate "$work/gitops/vendored"; vendored+=($(( $(now_ms) - start )))
done
[ -z "$(ls -A "$work/gitops/fetched/charts" 2>/dev/null)" ] || { echo "validate wrote into the chart" >&2; exit 1; }

c=$(median "${cold[@]}") w=$(median "${warm[@]}") v=$(median "${vendored[@]}")
echo "runs=$runs cold_median_ms=$c warm_median_ms=$w vendored_median_ms=$v warm_minus_vendored_ms=$(awk -v a="$w" -v b="$v" 'BEGIN {print a-b}') warm_ratio=$(ratio "$w" "$v")"
echo "cold_ms: ${cold[*]}"
echo "warm_ms: ${warm[*]}"
echo "vendored_ms: ${vendored[*]}"
