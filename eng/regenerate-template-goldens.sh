#!/usr/bin/env bash
# Regenerates the template-engine conformance goldens from the reference renderer (Go text/template + Sprig, as
# `helm template` of Helm v3.16): ../shared/oracle/helm-oracle, or $HELM_ORACLE.
#
#   eng/regenerate-template-goldens.sh            # every snippet group and chart case
#   eng/regenerate-template-goldens.sh fmt        # only snippet groups / chart cases whose name contains "fmt"
#
# Snippet cases: tests/WellTrack.Templating.Tests/Conformance/Snippets/<group>.cases, each case
#   ### <name>
#   #values: <values.yaml line>     (optional, repeatable)
#   #set: <a.b=c>                   (optional, repeatable)
#   <template text; the last newline before the next ### is not part of it>
# is rendered as a one-template chart (see SnippetChart.cs, which must build the same chart) and recorded in
# <group>.golden.json as {"<name>": {"exit": N, "stdout": "...", "stderr": "..."}}.
# Chart cases: Conformance/Charts/<case>/chart (a chart directory), optional Conformance/Charts/<case>/args (one
# welltrack-template argument per line, --flag form, paths relative to the case directory), recorded in
# Conformance/Charts/<case>/expected.json. The tests compare byte for byte and do not need Go.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
oracle="${HELM_ORACLE:-$repo/../shared/oracle/helm-oracle}"
[[ -x "$oracle" ]] || oracle=/work/shared/oracle/helm-oracle
conformance="$repo/tests/WellTrack.Templating.Tests/Conformance"
filter="${1:-}"
export ORACLE="$oracle" CONFORMANCE="$conformance" FILTER="$filter"
python3 - <<'PY'
import json, os, subprocess, tempfile, pathlib

oracle = os.environ["ORACLE"]
root = pathlib.Path(os.environ["CONFORMANCE"])
flt = os.environ["FILTER"]

def run(chart_dir, args, cwd=None):
    # The oracle takes Go-style single-dash flags; the cases are written with welltrack's --flags.
    oargs = []
    for a in args:
        if a.startswith("--") and a != "--":
            a = a[1:]
        oargs.append(a)
    p = subprocess.run([oracle, *oargs, str(chart_dir)], capture_output=True, cwd=cwd)
    return {"exit": p.returncode, "stdout": p.stdout.decode("utf-8", "replace"), "stderr": p.stderr.decode("utf-8", "replace")}

def parse_cases(text):
    cases, name, lines = [], None, []
    def flush():
        if name is None:
            return
        values, sets, body = [], [], []
        header = True
        for l in lines:
            if header and l.startswith("#values:"):
                v = l[len("#values:"):]
                values.append(v[1:] if v.startswith(" ") else v)
                continue
            if header and l.startswith("#set:"):
                sets.append(l[len("#set:"):].strip())
                continue
            header = False
            body.append(l)
        cases.append((name, "\n".join(values) + ("\n" if values else ""), sets, "\n".join(body)))
    for l in text.split("\n"):
        if l.startswith("### "):
            flush()
            name, lines = l[4:].strip(), []
        else:
            lines.append(l)
    if lines and lines[-1] == "":
        lines = lines[:-1]
    flush()
    return cases

snippets = root / "Snippets"
for cases_file in sorted(snippets.glob("*.cases")):
    group = cases_file.stem
    if flt and flt not in group:
        continue
    golden = {}
    for name, values, sets, body in parse_cases(cases_file.read_text(encoding="utf-8")):
        with tempfile.TemporaryDirectory() as d:
            c = pathlib.Path(d) / "c"
            (c / "templates").mkdir(parents=True)
            (c / "Chart.yaml").write_text("apiVersion: v2\nname: c\nversion: 0.1.0\n", encoding="utf-8")
            (c / "values.yaml").write_text(values, encoding="utf-8")
            (c / "templates" / "_snippet.tpl").write_text('{{ define "snippet" }}' + body + "{{ end }}", encoding="utf-8")
            (c / "templates" / "t.yaml").write_text('out: {{ include "snippet" . | toJson }}\n', encoding="utf-8")
            args = []
            for s in sets:
                args += ["--set", s]
            golden[name] = run(c, args)
    (snippets / f"{group}.golden.json").write_text(json.dumps(golden, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{group}: {len(golden)} cases")

charts = root / "Charts"
if charts.is_dir():
    for case in sorted(p for p in charts.iterdir() if p.is_dir()):
        if flt and flt not in case.name:
            continue
        args_file = case / "args"
        args = [l for l in args_file.read_text(encoding="utf-8").split("\n") if l] if args_file.exists() else []
        result = run(case / "chart", args, cwd=case)
        (case / "expected.json").write_text(json.dumps(result, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        print(f"chart {case.name}: exit {result['exit']}")
PY
