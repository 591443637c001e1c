#!/usr/bin/env bash
# The secrets scan over a tree of mixed file types (issue 16: 20,000 files under 5 s on 2 cores), with the native CLI:
#   tests/WellTrack.Benchmarks/scripts/secrets-mixed-tree.sh [RUNS] [FILES]   (default 5 runs, 20000 files)
# The tree comes from MixedTreeGenerator (charts, .env, INI, properties, TOML, shell, Markdown, JSON, PNG, .tgz); the
# CLI is published native (linux-x64). Prints each run's wall time, the median, and the scan's own summary line.
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
runs=${1:-5}
files=${2:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish "$repo_root/sdk/frontends/WellTrack.Cli" -c Release -r linux-x64 -nologo -v:quiet -o "$work/cli" >/dev/null
dotnet run --project "$repo_root/tests/WellTrack.Benchmarks" -c Release -- generate-mixed-tree "$work/tree" "$files" >/dev/null
echo "tree: $(find "$work/tree" -type f | wc -l) files, $(du -sh "$work/tree" | cut -f1)"

times=()
for _ in $(seq "$runs"); do
  start=$(now_ms)
  "$work/cli/welltrack" scan "$work/tree" --baseline "" > "$work/out.txt" 2> "$work/summary.txt" || true
  times+=($(( $(now_ms) - start )))
done
echo "runs (ms): ${times[*]}"
echo "median (ms): $(median "${times[@]}")"
tail -n 1 "$work/summary.txt"
echo "findings by code: $(grep -o 'WT[0-9]*' "$work/out.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
