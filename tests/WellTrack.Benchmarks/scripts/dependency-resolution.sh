#!/usr/bin/env bash
# What resolving chart dependencies costs `welltrack validate`, alternated, on the umbrella fixture of
# tests/WellTrack.Core.Tests/Dependencies/Fixtures (a library chart and an aliased, conditional chart from one classic
# repository served by python3's http.server on 127.0.0.1):
#   cold     an empty cache each run: index.yaml and both archives fetched, verified and cached;
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
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT

# The repository: both charts packaged, index.yaml with their digests.
mkdir -p "$work/repo"
index="apiVersion: v1\nentries:\n"
for chart in common cache; do
  version=$(sed -n 's/^version: *//p' "$fixtures/$chart/Chart.yaml")
  tar -czf "$work/repo/$chart-$version.tgz" -C "$fixtures" "$chart"
  digest=$(sha256sum "$work/repo/$chart-$version.tgz" | cut -d' ' -f1)
  index+="  $chart:\n  - apiVersion: v2\n    name: $chart\n    version: $version\n    digest: $digest\n    urls:\n    - $chart-$version.tgz\n"
done
printf "$index" > "$work/repo/index.yaml"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/repo" >/dev/null 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.05; done

# Two copies of the umbrella under one welltrack.yaml: fetched (Chart.lock only) and vendored (charts/*.tgz).
mkdir -p "$work/gitops"
printf 'dependencies:\n  repositories:\n    - name: fixtures\n      url: http://127.0.0.1:%s/\n' "$port" > "$work/gitops/welltrack.yaml"
cp -r "$fixtures/umbrella" "$work/gitops/fetched"
export WELLTRACK_CACHE="$work/cache"
$WELLTRACK dependency update "$work/gitops/fetched" >/dev/null
cp -r "$work/gitops/fetched" "$work/gitops/vendored"
rm -rf "$work/gitops/fetched/charts"
validate() { $WELLTRACK validate "$@" >/dev/null 2>&1 || true; }
validate "$work/gitops/fetched"; validate "$work/gitops/vendored"   # warm up caches and JIT

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
