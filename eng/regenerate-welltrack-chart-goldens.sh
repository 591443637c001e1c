#!/usr/bin/env bash
# Regenerates the goldens the WellTrack charts are compared with, byte for byte: each chart under charts/ rendered by
# the reference renderer (Go text/template + Sprig, as helm template of Helm v3.16 does) with its default values and
# with each ci/*-values.yaml. Run after changing a chart; the tests themselves do not need Go.
#   eng/regenerate-welltrack-chart-goldens.sh
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
oracle="${HELM_ORACLE:-$repo/../shared/oracle/helm-oracle}"
[[ -x "$oracle" ]] || oracle=/work/shared/oracle/helm-oracle
goldens="$repo/tests/WellTrack.Templating.Tests/WellTrackCharts"
rm -rf "$goldens" && mkdir -p "$goldens"
for chart in "$repo"/charts/*/; do
  [ -f "$chart/Chart.yaml" ] || continue
  name=$(basename "$chart")
  mkdir -p "$goldens/$name"
  "$oracle" "$chart" > "$goldens/$name/default.yaml"
  for values in "$chart"ci/*-values.yaml; do
    [ -f "$values" ] || continue
    "$oracle" -f "$values" "$chart" > "$goldens/$name/$(basename "$values" .yaml).yaml"
  done
  echo "$name: $(ls "$goldens/$name" | wc -l) golden(s)"
done
