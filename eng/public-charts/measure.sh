#!/usr/bin/env bash
# Measures a welltrack build on the public charts listed in charts.tsv: for each chart and each of its values files
# (values.yaml, then every ci/*-values.yaml, as chart-testing renders them), whether Helm renders it (the helm-oracle,
# Helm v3.16's engine) and what `welltrack validate` reports (errors and warnings by code). Prints one table row per
# chart and values file, then totals. The charts are extracted from local mirrors into a scratch directory outside the
# repository: third-party charts are never copied into it.
#
#   eng/public-charts/measure.sh WELLTRACK [options]
#     WELLTRACK            the welltrack binary to measure (a native publish, or a tool install's command)
#     --charts FILE        charts list (default: charts.tsv next to this script)
#     --mirrors DIR        where the fetched mirrors are, as DIR/<owner>+<name>/repo (default /work/.mirror)
#     --work DIR           scratch directory, emptied first (default ${TMPDIR:-/tmp}/welltrack-public-charts)
#     --oracle FILE        the Helm reference renderer (default /work/shared/oracle/helm-oracle)
#     --kube-version V     Kubernetes version for both (default 1.30)
#     --only REGEX         measure only the charts whose "owner/repository/path" matches REGEX
#     -j N                 charts measured in parallel (default 1: the machine is shared)
#
# Outputs, besides the table on standard output: WORK/findings.tsv (every diagnostic: chart, values file, Helm
# renders?, severity, code, file, line, message), WORK/runs.tsv (one line per chart and values file) and the raw
# JSON reports under WORK/runs/. A chart that crashes welltrack (exit code other than 0, 1 or 2, no JSON, a time-out)
# is a row marked CRASH, not a failure of this script.
#
# Rows for a ci/ values file list what welltrack reports with that file and not with the defaults (the tool drops a
# finding seen again in another render of the same chart, so the defaults' findings are not repeated there; when Helm
# does not render the defaults, a ci/ row also lists the findings about the chart itself).
set -euo pipefail

export LC_ALL=C
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2; }

# --- one chart (run in a child process so charts can be measured in parallel) -----------------------------------

# Runs welltrack on a copy of the chart that holds only the given ci/ file (none for the defaults). The copy sits
# in a directory named after the values file, under a chart directory of the same name as in the mirror, and
# welltrack runs from its parent, so the paths it reports are the same for every values file.
run_welltrack() {
  local chart_dir=$1 values=$2 out_prefix=$3 name copy_root copy rc=0
  name=$(basename "$chart_dir")
  copy_root="$WORK/copies/$(basename "$(dirname "$out_prefix")")/$(basename "$out_prefix")"
  copy="$copy_root/$name"
  rm -rf "$copy_root"
  mkdir -p "$copy_root"
  cp -al "$chart_dir" "$copy"
  rm -rf "$copy/ci"
  if [[ $values != values.yaml ]]; then
    mkdir -p "$copy/ci"
    cp "$chart_dir/$values" "$copy/$values"
  fi
  (cd "$copy_root" && timeout 300 "$WELLTRACK" validate "$name" --kube-version "$KUBE_VERSION" --format json \
      >"$out_prefix.json" 2>"$out_prefix.stderr") || rc=$?
  echo "$rc" >"$out_prefix.rc"
  rm -rf "$copy_root"
}

# Helm's engine on the chart with the given values file: `helm template --kube-version` as the oracle does it.
oracle() {
  local chart_dir=$1 values=$2 args=(-kube-version "v$KUBE_VERSION.0")
  [[ $values == values.yaml ]] || args+=(-f "$chart_dir/$values")
  "$ORACLE" "${args[@]}" "$chart_dir"
}

# Helm's verdict: renders (yes) or the first line of its error (no: ...). The oracle renders a chart without its
# dependencies; Helm refuses one whose declared dependencies are not in charts/ (even disabled ones), so that is
# checked here, by name, as `helm template` checks it before rendering.
run_oracle() {
  local chart_dir=$1 values=$2 out_prefix=$3 missing
  missing=$(missing_dependencies "$chart_dir")
  if [[ -n $missing ]]; then
    echo "no: dependencies declared but not in charts/ (helm dependency build): $missing"
  elif ! oracle "$chart_dir" "$values" >"$out_prefix.helm.yaml" 2>"$out_prefix.helm-stderr"; then
    echo "no: $(grep -m1 . "$out_prefix.helm-stderr" | cut -c1-160)"
  elif ! schema_check "$chart_dir" "$values" >"$out_prefix.schema-errors"; then
    echo "no: values.schema.json rejects the values: $(head -n 1 "$out_prefix.schema-errors" | cut -c1-140)"
  else
    echo yes
  fi
}

# The oracle does not model values.schema.json; Helm v3.16 checks the coalesced values against it (gojsonschema, drafts
# 4 to 7) before rendering. This does the same with draft-07 semantics: values.yaml, then the ci/ file over it (a
# null there removes the key), then the schema. Fails, printing the violations, when the values do not match.
schema_check() {
  [[ -f $1/values.schema.json ]] || return 0
  python3 - "$1" "$2" <<'PY'
import json, os, sys, yaml, jsonschema
chart, values = sys.argv[1:]
def coalesce(user, defaults):
    for key, value in defaults.items():
        if key not in user:
            user[key] = value
        elif user[key] is None:
            del user[key]
        elif isinstance(user[key], dict) and isinstance(value, dict):
            coalesce(user[key], value)
    return user
merged = yaml.safe_load(open(os.path.join(chart, "values.yaml"))) or {}
if values != "values.yaml":
    merged = coalesce(yaml.safe_load(open(os.path.join(chart, values))) or {}, merged)
schema = json.load(open(os.path.join(chart, "values.schema.json")))
errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(merged), key=lambda e: list(e.absolute_path))
for e in errors:
    print("/".join(str(p) for p in e.absolute_path) + ": " + e.message[:200])
sys.exit(1 if errors else 0)
PY
}

missing_dependencies() {
  python3 - "$1" <<'PY'
import glob, os, sys, tarfile, yaml
chart = sys.argv[1]
declared = [d.get("name") for d in (yaml.safe_load(open(os.path.join(chart, "Chart.yaml"))) or {}).get("dependencies") or []]
present = set()
for f in glob.glob(os.path.join(chart, "charts", "*", "Chart.yaml")):
    present.add((yaml.safe_load(open(f)) or {}).get("name"))
for t in glob.glob(os.path.join(chart, "charts", "*.tgz")):
    with tarfile.open(t) as archive:
        member = next((m for m in archive.getmembers() if m.name.count("/") == 1 and m.name.endswith("/Chart.yaml")), None)
        if member is not None:
            present.add((yaml.safe_load(archive.extractfile(member)) or {}).get("name"))
print(" ".join(d for d in declared if d not in present))
PY
}

# True when every line where our render differs from Helm's also differs between two renders by Helm (functions
# with random output), and the line counts match.
only_random_lines_differ() {
  local chart_dir=$1 values=$2 out_prefix=$3
  oracle "$chart_dir" "$values" >"$out_prefix.helm-again.yaml" 2>/dev/null || return 1
  python3 - "$out_prefix.helm.yaml" "$out_prefix.helm-again.yaml" "$out_prefix.ours.yaml" <<'PY'
import sys
helm, again, ours = (open(f, encoding="utf-8", errors="replace").read().split("\n") for f in sys.argv[1:])
same_shape = len(helm) == len(again) == len(ours)
sys.exit(0 if same_shape and all(h == o or h != a for h, a, o in zip(helm, again, ours)) else 1)
PY
}

# Our renderer against Helm's on the same input: same (byte for byte), differs (lines of diff), fails (its error), or
# "-" when Helm does not render either.
compare_render() {
  local chart_dir=$1 values=$2 out_prefix=$3 helm=$4 args=(--kube-version "v$KUBE_VERSION.0")
  [[ $helm == yes ]] || { echo "-"; return; }
  [[ $values == values.yaml ]] || args+=(-f "$chart_dir/$values")
  if ! timeout 300 "$WELLTRACK" template "$chart_dir" "${args[@]}" >"$out_prefix.ours.yaml" 2>"$out_prefix.ours-stderr"; then
    echo "fails: $(grep -m1 . "$out_prefix.ours-stderr" | cut -c1-160)"
  elif cmp -s "$out_prefix.helm.yaml" "$out_prefix.ours.yaml"; then
    echo same
  elif only_random_lines_differ "$chart_dir" "$values" "$out_prefix"; then
    echo "same (but for random values: genCA, htpasswd, randAlphaNum...)"
  else
    diff "$out_prefix.helm.yaml" "$out_prefix.ours.yaml" >"$out_prefix.render.diff" || true
    echo "differs: $(grep -c '^[<>]' "$out_prefix.render.diff") lines (${out_prefix#"$WORK/"}.render.diff)"
  fi
}

# Lines "severity<TAB>code<TAB>file<TAB>line<TAB>message" of a JSON report, or nothing when it is not one.
findings_of() {
  jq -r '.diagnostics[]? | [.severity, .code, (.file // ""), ((.line // 0) | tostring), (.message | gsub("[\t\n]"; " "))] | @tsv' "$1" 2>/dev/null || true
}

measure_chart() {
  local org=$1 repo=$2 commit=$3 path=$4 mirror name src chart_dir key values prefix helm render rc status default_helm
  mirror="$MIRRORS/${repo/\//+}/repo"
  name=$(basename "$path")
  [[ $path == . ]] && name=${repo#*/}
  key="${org}__${name}"
  src="$WORK/charts/$key"
  chart_dir="$src/$name"
  mkdir -p "$src" "$WORK/runs/$key"
  if ! git --git-dir="$mirror" cat-file -e "$commit^{commit}" 2>/dev/null; then
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$org/$name" "-" "no: no mirror" "NO-MIRROR($mirror@$commit)" "-" "-" >"$WORK/runs/$key/runs.tsv"
    return 0
  fi
  # The chart keeps its directory name from the repository (the repository's name for a chart at its root), as a
  # user who clones the repository gets it.
  mkdir -p "$chart_dir"
  if [[ $path == . ]]; then
    git --git-dir="$mirror" archive "$commit" 2>>"$WORK/runs/$key/git.log" | tar -x -C "$chart_dir"
  else
    git --git-dir="$mirror" archive "$commit" "$path" 2>>"$WORK/runs/$key/git.log" |
      tar -x -C "$src" --strip-components="$(awk -F/ '{print NF-1}' <<<"$path")"
  fi

  : >"$WORK/runs/$key/runs.tsv"
  : >"$WORK/runs/$key/findings.tsv"
  local variants=(values.yaml)
  if [[ -d $chart_dir/ci ]]; then
    while IFS= read -r f; do variants+=("ci/$f"); done < <(cd "$chart_dir/ci" && ls -1 -- *-values.yaml 2>/dev/null | LC_ALL=C sort)
  fi
  local i=0
  for values in "${variants[@]}"; do
    prefix="$WORK/runs/$key/$i-$(basename "$values" .yaml)"
    helm=$(run_oracle "$chart_dir" "$values" "$prefix")
    render=$(compare_render "$chart_dir" "$values" "$prefix" "${helm%%:*}")
    run_welltrack "$chart_dir" "$values" "$prefix"
    rc=$(cat "$prefix.rc")
    status=ok
    if [[ ! $rc =~ ^[012]$ ]] || ! jq -e '.diagnostics' "$prefix.json" >/dev/null 2>&1; then
      status="CRASH(exit $rc: $(grep -m1 . "$prefix.stderr" | cut -c1-120))"
    fi
    findings_of "$prefix.json" | sort -u >"$prefix.findings"
    # ci/ rows: what the defaults did not already report; when Helm does not render the defaults, the findings
    # about the chart itself (Chart.yaml, values.schema.json...) count for this row too, since they hold for every
    # render, and only those of the defaults' own render (values.yaml, its failure) are left out.
    if (( i > 0 )); then
      if [[ $default_helm == yes ]]; then
        comm -23 "$prefix.findings" "$WORK/runs/$key/0-values.findings" >"$prefix.own"
      else
        awk -F'\t' '$2 ~ /^WT(3020|4)/ || $3 ~ /(^|\/)values\.yaml$/' "$WORK/runs/$key/0-values.findings" |
          comm -23 "$prefix.findings" - >"$prefix.own"
      fi
    else
      default_helm=${helm%%:*}
      cp "$prefix.findings" "$prefix.own"
    fi
    awk -F'\t' -v c="$org/$name" -v v="$values" -v h="${helm%%:*}" 'BEGIN{OFS="\t"} {print c, v, h, $0}' "$prefix.own" >>"$WORK/runs/$key/findings.tsv"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$org/$name" "$values" "$helm" "$status" "$rc" "$render" >>"$WORK/runs/$key/runs.tsv"
    i=$((i + 1))
  done
}

# One chart that this script itself cannot measure (a broken archive, a full disk) is reported and skipped: the
# others are still measured and the table still printed.
if [[ ${1:-} == --one ]]; then
  shift
  measure_chart "$@" || echo "measure.sh: could not measure $2 $4 (see above); its rows may be missing" >&2
  exit 0
fi

# --- the whole list -----------------------------------------------------------------------------------------------

[[ $# -ge 1 && ${1:-} != -* ]] || usage
WELLTRACK=$(realpath "$1"); shift
CHARTS="$here/charts.tsv"
MIRRORS=/work/.mirror
WORK="${TMPDIR:-/tmp}/welltrack-public-charts"
ORACLE=/work/shared/oracle/helm-oracle
KUBE_VERSION=1.30
ONLY=.
JOBS=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --charts) CHARTS=$(realpath "$2"); shift 2 ;;
    --mirrors) MIRRORS=$(realpath "$2"); shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --oracle) ORACLE=$(realpath "$2"); shift 2 ;;
    --kube-version) KUBE_VERSION=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    -j) JOBS=$2; shift 2 ;;
    *) usage ;;
  esac
done
[[ -x $WELLTRACK ]] || { echo "measure.sh: $WELLTRACK is not an executable" >&2; exit 2; }
case "$(realpath -m "$WORK")/" in
  "$(cd "$here/../.." && pwd)"/*) echo "measure.sh: the scratch directory must be outside the repository" >&2; exit 2 ;;
esac
rm -rf "$WORK"
mkdir -p "$WORK"
WORK=$(realpath "$WORK")
export WELLTRACK MIRRORS WORK ORACLE KUBE_VERSION

started=$(date +%s)
grep -v '^#' "$CHARTS" | awk -F'\t' -v re="$ONLY" 'NF >= 4 && ($2 "/" $4) ~ re {print $1 "\t" $2 "\t" $3 "\t" $4}' |
  xargs -d '\n' -P "$JOBS" -I{} bash -c 'IFS=$'"'"'\t'"'"' read -r o r c p <<<"$1"; "$0" --one "$o" "$r" "$c" "$p"' "${BASH_SOURCE[0]}" {}

# Collected in the list's order.
: >"$WORK/runs.tsv"
: >"$WORK/findings.tsv"
while IFS=$'\t' read -r org repo _ path _; do
  [[ $org == \#* || -z $path || ! "$repo/$path" =~ $ONLY ]] && continue
  name=$(basename "$path"); [[ $path == . ]] && name=${repo#*/}
  cat "$WORK/runs/${org}__${name}/runs.tsv" >>"$WORK/runs.tsv" 2>/dev/null || true
  cat "$WORK/runs/${org}__${name}/findings.tsv" >>"$WORK/findings.tsv" 2>/dev/null || true
done <"$CHARTS"

"$here/report.awk" -v elapsed=$(( $(date +%s) - started )) "$WORK/runs.tsv" "$WORK/findings.tsv"
echo
echo "Errors and warnings where Helm renders, by the classes of README.md:"
"$here/classify.awk" "$WORK/findings.tsv"
echo
echo "Every finding: $WORK/findings.tsv (chart, values file, Helm renders?, severity, code, file, line, message)"
