#!/usr/bin/env bash
# The welltrack tool's two builds, whole process, alternated: the native linux-x64 package that `dotnet tool install`
# gives on this machine, against the framework-dependent `any` package (JIT-compiled; what other platforms get), run
# with `dotnet welltrack.dll` from the same feed. Same commands, same chart, outputs compared.
#   tests/WellTrack.Benchmarks/scripts/native-vs-jit.sh [RUNS]   (default 15)
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
runs=${1:-15}
chart="$repo_root/charts/welltrack-backend"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build_cli "$work"
mkdir -p "$work/any"
(cd "$work/any" && unzip -q "$work"/tool-feed/WellTrack.Cli.any.*.nupkg 'tools/*')
jit=(dotnet "$work/any/tools/net10.0/any/welltrack.dll")

for verb in validate template; do
  cmp -s <("$welltrack" "$verb" "$chart" 2>&1) <("${jit[@]}" "$verb" "$chart" 2>&1) && same=yes || same=no
  native_ms=() jit_ms=()
  for _ in $(seq 1 "$runs"); do
    start=$(now_ms); "$welltrack" "$verb" "$chart" >/dev/null 2>&1; native_ms+=($(( $(now_ms) - start )))
    start=$(now_ms); "${jit[@]}" "$verb" "$chart" >/dev/null 2>&1; jit_ms+=($(( $(now_ms) - start )))
  done
  n=$(median "${native_ms[@]}") j=$(median "${jit_ms[@]}")
  echo "welltrack $verb welltrack-backend: runs=$runs native_median_ms=$n jit_median_ms=$j ratio_native_over_jit=$(ratio "$n" "$j") same_output=$same"
done
