#!/usr/bin/env bash
# 16 concurrent bumpers on one remote (git daemon, 127.0.0.1), spread over the 3 charts, each like its own CI
# machine: the seed's script against `welltrack bump`. Reports how many landed, total wall time and p95 latency.
#   tests/WellTrack.Benchmarks/scripts/bump-contention.sh [BUMPERS]   (default 16)
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
bumpers=${1:-16}
charts=(welltrack-frontend welltrack-backend welltrack-ml)
work=$(mktemp -d)
trap 'stop_daemon; rm -rf "$work"' EXIT
build_cli "$work"

# run_wave KIND: starts all bumpers at once, waits, prints "landed total_ms p95_ms".
run_wave() {
  local kind=$1 dir="$work/$1"
  mkdir -p "$dir"
  start_remote "$dir"
  local wave_start pids=()
  wave_start=$(now_ms)
  for i in $(seq 1 "$bumpers"); do
    (
      chart=${charts[$((i % 3))]} tag="c$(printf %06d "$i")" s=$(now_ms)
      if [ "$kind" = baseline ]; then
        "$(dirname "$0")/baseline-bump.sh" "$remote_url" "$chart" "$tag" "$dir/clone-$i" >/dev/null 2>&1 && ok=1 || ok=0
      else
        WELLTRACK_CACHE="$dir/cache-$i" "$welltrack" bump --repo "$remote_url" --chart "$chart" --tag "$tag" \
          --build-number "$i" >/dev/null 2>&1 && ok=1 || ok=0
      fi
      echo "$ok $(( $(now_ms) - s ))" > "$dir/result-$i"
    ) &
    pids+=($!)
  done
  wait "${pids[@]}"
  local total=$(( $(now_ms) - wave_start )) landed=0 latencies=()
  for i in $(seq 1 "$bumpers"); do
    read -r ok ms < "$dir/result-$i"
    landed=$((landed + ok)); latencies+=("$ms")
  done
  local commits
  commits=$(git -C "$dir/gitops.git" rev-list --count main)
  stop_daemon
  echo "$landed $total $(percentile 95 "${latencies[@]}") $((commits - 1))"
}

read -r b_landed b_total b_p95 b_commits < <(run_wave baseline)
read -r o_landed o_total o_p95 o_commits < <(run_wave welltrack)
echo "bumpers=$bumpers"
echo "baseline:  exit0=$b_landed/$bumpers commits_on_remote=$b_commits wall_ms=$b_total p95_ms=$b_p95"
echo "welltrack: exit0=$o_landed/$bumpers commits_on_remote=$o_commits wall_ms=$o_total p95_ms=$o_p95 (bumps skipped by the ordering rule exit 0 without a commit)"
