#!/usr/bin/env bash
# `welltrack template` against the oracle (Go's text/template and Sprig, as helm template uses them) on the same chart,
# whole process, alternated; also checks the two outputs are byte-identical.
#   tests/WellTrack.Benchmarks/scripts/template-vs-oracle.sh [RUNS] [CHART_DIR]   (default 15, the scaffold chart)
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
runs=${1:-15}
chart=${2:-$repo_root/tests/WellTrack.Templating.Tests/Conformance/Charts/scaffold/chart}
oracle="$repo_root/../shared/oracle/helm-oracle"
[ -x "$oracle" ] || oracle=/work/shared/oracle/helm-oracle
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build_cli "$work"
"$oracle" "$chart" > /tmp/oracle-output.yaml        # first run may build the oracle
"$welltrack" template "$chart" > /tmp/welltrack-output.yaml
cmp -s /tmp/oracle-output.yaml /tmp/welltrack-output.yaml && same=yes || same=no

ours=() theirs=()
for _ in $(seq 1 "$runs"); do
  start=$(now_ms); "$welltrack" template "$chart" >/dev/null; ours+=($(( $(now_ms) - start )))
  start=$(now_ms); "$oracle" "$chart" >/dev/null; theirs+=($(( $(now_ms) - start )))
done
o=$(median "${ours[@]}") t=$(median "${theirs[@]}")
echo "chart=$(basename "$(dirname "$chart")")/$(basename "$chart") runs=$runs welltrack_median_ms=$o oracle_median_ms=$t ratio=$(ratio "$o" "$t") byte_identical=$same"
