#!/usr/bin/env bash
# Median latency of one bump, whole process, alternating the seed's script (shallow clone, sed, commit, push) and
# `welltrack bump` (warm cache clone) against the same bare remote served by git daemon on 127.0.0.1.
#   tests/WellTrack.Benchmarks/scripts/bump-latency.sh [RUNS]   (default 15 runs of each)
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
runs=${1:-15}
work=$(mktemp -d)
trap 'stop_daemon; rm -rf "$work"' EXIT
build_cli "$work"
start_remote "$work"
export WELLTRACK_CACHE="$work/cache"
"$welltrack" bump --repo "$remote_url" --chart welltrack-backend --tag warm000 >/dev/null 2>&1  # warm the cache

baseline=() ours=()
for i in $(seq 1 "$runs"); do
  start=$(now_ms)
  "$(dirname "$0")/baseline-bump.sh" "$remote_url" welltrack-backend "base$(printf %03d "$i")" "$work/baseline-clone"
  baseline+=($(( $(now_ms) - start )))
  start=$(now_ms)
  "$welltrack" bump --repo "$remote_url" --chart welltrack-backend --tag "ours$(printf %03d "$i")" >/dev/null 2>&1
  ours+=($(( $(now_ms) - start )))
done

b=$(median "${baseline[@]}") o=$(median "${ours[@]}")
echo "runs=$runs baseline_median_ms=$b welltrack_median_ms=$o ratio_welltrack_over_baseline=$(ratio "$o" "$b")"
echo "baseline_ms: ${baseline[*]}"
echo "welltrack_ms: ${ours[*]}"
