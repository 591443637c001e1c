"""Template-engine conformance goldens: tests/WellTrack.Templating.Tests/Conformance.

Snippet cases: Snippets/<group>.cases, each case
  ### <name>
  #values: <values.yaml line>     (optional, repeatable)
  #set: <a.b=c>                   (optional, repeatable)
  <template text; the last newline before the next ### is not part of it>
is rendered as a one-template chart (SnippetCase.cs must build the same chart) and recorded in <group>.golden.json as
{"<name>": {"exit": N, "stdout": "...", "stderr": "..."}}.
Chart cases: Charts/<case>/chart (a chart directory), optional Charts/<case>/args (one welltrack-template argument per
line, --flag form, paths relative to the case directory), recorded in Charts/<case>/expected.json.
"""
import json
import pathlib
import tempfile

import manifest


def _result(oracle, chart_dir, args, cwd=None):
    # The oracle takes Go-style single-dash flags; the cases are written with welltrack's --flags.
    oracle_args = [a[1:] if a.startswith("--") and a != "--" else a for a in args]
    code, stdout, stderr = oracle.render(chart_dir, oracle_args, cwd=cwd)
    return {"exit": code, "stdout": stdout.decode("utf-8", "replace"), "stderr": stderr.decode("utf-8", "replace")}


def _write_json(path, value):
    path.write_text(json.dumps(value, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def parse_cases(text):
    cases, name, lines = [], None, []

    def flush():
        if name is None:
            return
        values, sets, body = [], [], []
        header = True
        for line in lines:
            if header and line.startswith("#values:"):
                value = line[len("#values:"):]
                values.append(value[1:] if value.startswith(" ") else value)
                continue
            if header and line.startswith("#set:"):
                sets.append(line[len("#set:"):].strip())
                continue
            header = False
            body.append(line)
        cases.append((name, "\n".join(values) + ("\n" if values else ""), sets, "\n".join(body)))

    for line in text.split("\n"):
        if line.startswith("### "):
            flush()
            name, lines = line[4:].strip(), []
        else:
            lines.append(line)
    if lines and lines[-1] == "":
        lines = lines[:-1]
    flush()
    return cases


def _render_snippet(oracle, values, sets, body):
    with tempfile.TemporaryDirectory() as temp:
        chart = pathlib.Path(temp) / "c"
        (chart / "templates").mkdir(parents=True)
        (chart / "Chart.yaml").write_text("apiVersion: v2\nname: c\nversion: 0.1.0\n", encoding="utf-8")
        (chart / "values.yaml").write_text(values, encoding="utf-8")
        (chart / "templates" / "_snippet.tpl").write_text('{{ define "snippet" }}' + body + "{{ end }}", encoding="utf-8")
        (chart / "templates" / "t.yaml").write_text('out: {{ include "snippet" . | toJson }}\n', encoding="utf-8")
        args = [arg for s in sets for arg in ("--set", s)]
        return _result(oracle, chart, args)


def regenerate_snippets(repo, oracle, oracle_hash):
    snippets = repo / "tests/WellTrack.Templating.Tests/Conformance/Snippets"
    for cases_file in sorted(snippets.glob("*.cases")):
        golden = {name: _render_snippet(oracle, values, sets, body)
                  for name, values, sets, body in parse_cases(cases_file.read_text(encoding="utf-8"))}
        _write_json(snippets / f"{cases_file.stem}.golden.json", golden)
        print(f"  snippets {cases_file.stem}: {len(golden)} cases")
    return manifest.write(repo, snippets, [snippets], lambda p: p.name.endswith(".golden.json"), oracle_hash)


def regenerate_charts(repo, oracle, oracle_hash):
    charts = repo / "tests/WellTrack.Templating.Tests/Conformance/Charts"
    for case in sorted(p for p in charts.iterdir() if p.is_dir()):
        args_file = case / "args"
        args = [line for line in args_file.read_text(encoding="utf-8").split("\n") if line] if args_file.exists() else []
        result = _result(oracle, case / "chart", args, cwd=case)
        _write_json(case / "expected.json", result)
    print(f"  conformance charts: {sum(1 for p in charts.iterdir() if p.is_dir())} cases")
    return manifest.write(repo, charts, [charts], lambda p: p.name == "expected.json" and p.parent.parent == charts, oracle_hash)
