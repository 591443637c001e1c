#!/usr/bin/env bash
# This tree against an earlier commit of the repository, whole process, alternated on the same machine in the same
# run: `welltrack validate` and `welltrack template` of charts/welltrack-backend, one bump (warm cache, against one
# bare remote served by git daemon on 127.0.0.1), and, with PUBLISH_ROUNDS > 0, what the GitOps bump adds to a
# `dotnet publish` (publish-bump.sh of each tree, alternated by rounds; each tree packs its own SDK into its own
# NuGet cache so neither restores the other's package of the same version).
#   tests/WellTrack.Benchmarks/scripts/side-by-side.sh BASE_COMMIT [RUNS]   (default 11 runs of each)
#   PUBLISH_ROUNDS=2 PUBLISH_RUNS=5 tests/WellTrack.Benchmarks/scripts/side-by-side.sh BASE_COMMIT
#   CHARTS="charts/welltrack-backend tests/WellTrack.Benchmarks/charts/custom-resources" BUMP_RUNS=0 side-by-side.sh ...
# CHARTS: the charts `validate` and `template` run on (paths from the repository root, this tree's copies for both
# tools); where the two tools' outputs differ, the last lines of each are printed. BUMP_RUNS=0 skips the bump.
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
base_commit=${1:?usage: side-by-side.sh BASE_COMMIT [RUNS]}
runs=${2:-11}
work=$(mktemp -d)
base_tree="$work/base"
git -C "$repo_root" worktree add --detach -q "$base_tree" "$base_commit"
trap 'stop_daemon; git -C "$repo_root" worktree remove --force "$base_tree"; rm -rf "$work"' EXIT

build_cli "$work/base-cli" "$base_tree"; base_cli=$welltrack
build_cli "$work/after-cli"; after_cli=$welltrack
read -r -a charts <<< "${CHARTS:-charts/welltrack-backend}"
echo "base $(git -C "$base_tree" rev-parse --short HEAD), after $(git -C "$repo_root" rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg)"

report() {  # report NAME BASE_MS... -- AFTER_MS...
  local name=$1 b=() a=(); shift
  while [ "$1" != "--" ]; do b+=("$1"); shift; done; shift; a=("$@")
  local mb ma; mb=$(median "${b[@]}") ma=$(median "${a[@]}")
  echo "$name: runs=${#b[@]} base_median_ms=$mb after_median_ms=$ma ratio_after_over_base=$(ratio "$ma" "$mb")"
  echo "  base_ms: ${b[*]}"
  echo "  after_ms: ${a[*]}"
}

for chart_path in "${charts[@]}"; do
  chart="$repo_root/$chart_path"
  for verb in validate template; do
    cmp -s <("$base_cli" "$verb" "$chart" 2>&1) <("$after_cli" "$verb" "$chart" 2>&1) && same=yes || same=no
    if [ "$same" = no ]; then
      echo "$verb $chart_path, base output ends:"; "$base_cli" "$verb" "$chart" 2>&1 | tail -n 4 | sed 's/^/    /' || true
      echo "$verb $chart_path, after output ends:"; "$after_cli" "$verb" "$chart" 2>&1 | tail -n 4 | sed 's/^/    /' || true
    fi
    base_ms=() after_ms=()
    for _ in $(seq 1 "$runs"); do
      start=$(now_ms); "$base_cli" "$verb" "$chart" >/dev/null 2>&1 || true; base_ms+=($(( $(now_ms) - start )))
      start=$(now_ms); "$after_cli" "$verb" "$chart" >/dev/null 2>&1 || true; after_ms+=($(( $(now_ms) - start )))
    done
    report "welltrack $verb $(basename "$chart_path") (same output: $same)" "${base_ms[@]}" -- "${after_ms[@]}"
  done
done

if [ "${BUMP_RUNS:-1}" != 0 ]; then
  # Each bumper keeps its own cache clone, as on separate CI machines; the tags rise so the ordering rule skips none.
  start_remote "$work"
  bump() { WELLTRACK_CACHE="$work/cache-$1" "$2" bump --repo "$remote_url" --chart welltrack-backend --tag "$3" >/dev/null 2>&1; }
  bump base "$base_cli" 0.0.1; bump after "$after_cli" 0.0.2   # warm both caches
  base_ms=() after_ms=()
  for i in $(seq 1 "$runs"); do
    start=$(now_ms); bump base "$base_cli" "0.1.$((2 * i - 1))"; base_ms+=($(( $(now_ms) - start )))
    start=$(now_ms); bump after "$after_cli" "0.1.$((2 * i))"; after_ms+=($(( $(now_ms) - start )))
  done
  report "welltrack bump (commits on the remote: $(git -C "$work/gitops.git" rev-list --count main), expected $((3 + 2 * runs)))" \
    "${base_ms[@]}" -- "${after_ms[@]}"
  stop_daemon
fi

rounds=${PUBLISH_ROUNDS:-0}
if [ "$rounds" -gt 0 ]; then
  for tree in "$base_tree" "$repo_root"; do
    (cd "$tree" && NUGET_PACKAGES="$work/nuget-$(basename "$tree")" ./build.sh pack >/dev/null)
  done
  for round in $(seq 1 "$rounds"); do
    for tree in "$base_tree" "$repo_root"; do
      echo "publish overhead, round $round, $([ "$tree" = "$base_tree" ] && echo base || echo after):"
      NUGET_PACKAGES="$work/nuget-$(basename "$tree")" "$tree/tests/WellTrack.Benchmarks/scripts/publish-bump.sh" "${PUBLISH_RUNS:-5}" | sed -n 1p  # sed reads to the end: head would cut the script off with SIGPIPE
    done
  done
fi
