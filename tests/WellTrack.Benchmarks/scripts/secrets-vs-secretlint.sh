#!/usr/bin/env bash
# Plain-secrets scan against secretlint with its recommended preset, on the same inputs, same machine:
#   1. the labelled corpus (tests/WellTrack.Core.Tests/Secrets/Corpus, fakes made at export time): recall and
#      precision of each tool, per (file, line) finding; Supabase anon keys (a note, not a secret) are left out;
#   2. a generated GitOps repository of 2,000 YAML files (200 charts shaped like the WellTrack ones, fake secrets
#      planted in some): recall, precision, and whole-process wall time, the two tools alternated RUNS times.
#   tests/WellTrack.Benchmarks/scripts/secrets-vs-secretlint.sh [RUNS] [FILES]   (default 7 runs, 2000 files)
# secretlint is installed with npm into artifacts/secretlint/ when missing. Version 12.0.0 is pinned: it is the last
# release whose engines accept Node 20 (this machine's; 12.1+ and 13.x want Node 22).
set -euo pipefail
source "$(dirname "$0")/bench-lib.sh"
runs=${1:-7}
files=${2:-2000}
secretlint_version=12.0.0
artifacts="${WELLTRACK_ARTIFACTS:-$repo_root/artifacts}"
secretlint_dir="$repo_root/artifacts/secretlint"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -x "$secretlint_dir/node_modules/.bin/secretlint" ]; then
  mkdir -p "$secretlint_dir"
  npm install --prefix "$secretlint_dir" --no-audit --no-fund --loglevel=error \
    "secretlint@$secretlint_version" "@secretlint/secretlint-rule-preset-recommend@$secretlint_version" >/dev/null
fi
secretlint="$secretlint_dir/node_modules/.bin/secretlint"
echo '{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]}' > "$work/secretlintrc.json"

build_cli "$work"
# The corpus and the generated repository come from the test project, so fakes are made one way only.
dotnet build "$repo_root/tests/WellTrack.Core.Tests/WellTrack.Core.Tests.csproj" -c Release -nologo -v:quiet >/dev/null
WELLTRACK_SECRETS_CORPUS_EXPORT="$work/export" WELLTRACK_SECRETS_GENERATED_FILES="$files" \
  "$artifacts/bin/WellTrack.Core.Tests/release/WellTrack.Core.Tests" \
  --filter "FullyQualifiedName~MarkersAreAllReplacedAndCanBeExported" >/dev/null
corpus="$work/export/cases" generated="$work/export/generated"
echo "generated files: $(find "$generated" -name '*.yaml' | wc -l) YAML files, $(tail -n +2 "$generated/expected.tsv" | wc -l) planted findings"

run_ours() { "$welltrack" scan "$1" --format json --baseline "" > "$2" 2>/dev/null || true; }
run_secretlint() { (cd "$1" && "$secretlint" --secretlintrc "$work/secretlintrc.json" --format json --no-color "**/*" > "$2" 2>/dev/null) || true; }

# score <tool json> <kind: ours|secretlint> <scan root> <expected tsv> <mode: corpus|generated>
score() {
  python3 - "$@" <<'PY'
import json, os, sys
out, kind, root, expected_path, mode = sys.argv[1:6]
def key(path):
    rel = os.path.relpath(os.path.join(root, path), root).replace(os.sep, "/")
    return rel
expected, notes = set(), set()
with open(expected_path) as f:
    next(f)
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if mode == "corpus":
            case, file, ln, code = parts
            k = (f"{case}/{file}", int(ln))
        else:
            file, ln, code = parts
            k = (file, int(ln))
        (notes if code == "WT5012" else expected).add(k)
found = set()
data = json.load(open(out)) if os.path.getsize(out) else ([] if kind == "secretlint" else {"diagnostics": []})
if kind == "ours":
    for d in data["diagnostics"]:
        if d["severity"] != "note":
            found.add((key(d["file"]), d["line"]))
else:
    for result in data:
        for m in result.get("messages", []):
            found.add((os.path.relpath(result["filePath"], root).replace(os.sep, "/"), m["loc"]["start"]["line"]))
found -= notes
tp = len(found & expected); fp = len(found - expected); fn = len(expected - found)
p = tp / (tp + fp) if tp + fp else 1.0
r = tp / (tp + fn) if tp + fn else 1.0
print(f"{kind:10s} expected={len(expected)} found={len(found)} tp={tp} fp={fp} fn={fn} precision={p:.3f} recall={r:.3f}")
PY
}

echo "== corpus ($(grep -c . "$work/export/expected.tsv") expected lines incl. header) =="
run_ours "$corpus" "$work/ours-corpus.json"
run_secretlint "$corpus" "$work/secretlint-corpus.json"
score "$work/ours-corpus.json" ours "$corpus" "$work/export/expected.tsv" corpus
score "$work/secretlint-corpus.json" secretlint "$corpus" "$work/export/expected.tsv" corpus

echo "== generated repository: $files files, $runs alternated runs of each =="
ours_ms=() lint_ms=()
for i in $(seq 1 "$runs"); do
  start=$(now_ms); run_ours "$generated" "$work/ours-gen.json"; ours_ms+=($(( $(now_ms) - start )))
  start=$(now_ms); run_secretlint "$generated" "$work/secretlint-gen.json"; lint_ms+=($(( $(now_ms) - start )))
done
score "$work/ours-gen.json" ours "$generated" "$generated/expected.tsv" generated
score "$work/secretlint-gen.json" secretlint "$generated" "$generated/expected.tsv" generated
o=$(median "${ours_ms[@]}") l=$(median "${lint_ms[@]}")
echo "welltrack_median_ms=$o secretlint_median_ms=$l speedup_secretlint_over_welltrack=$(ratio "$l" "$o")"
echo "welltrack_ms: ${ours_ms[*]}"
echo "secretlint_ms: ${lint_ms[*]}"
echo "secretlint $secretlint_version + preset-recommend $secretlint_version, node $(node --version), $(nproc) cores"
