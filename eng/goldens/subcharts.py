"""Subchart goldens: tests/WellTrack.Templating.Tests/Conformance/Subcharts/<case>/expected.

The oracle renders no subchart inside a parent, so each enabled subchart of <case>/parent is rendered ALONE, with the
values Helm passes it, computed here from Helm's documented rules (chartutil.CoalesceValues): the parent's section for
the subchart (its alias when it has one) over the subchart's own values.yaml, maps merged, a null deleting the key,
and the parent's `global` copied over the subchart's. An alias renames the chart. The parent's own templates are
rendered alone too (_parent.yaml); subcharts.json lists the subcharts rendered. The tests render the parent with the
engine and compare each part, byte for byte.
"""
import copy
import json
import pathlib
import shutil
import tempfile

import yaml  # PyYAML (Debian python3-yaml)

import manifest


def _load(path):
    return yaml.safe_load(path.read_text()) if path.exists() else {}


def _coalesce(dest, src):
    """Helm's coalesceTables: dest (user/parent values) wins; src (defaults) fills; a null in dest deletes."""
    for key, value in src.items():
        if key in dest:
            if dest[key] is None:
                del dest[key]
            elif isinstance(dest[key], dict) and isinstance(value, dict):
                _coalesce(dest[key], value)
        else:
            dest[key] = copy.deepcopy(value)
    for key in [k for k, v in dest.items() if v is None]:
        del dest[key]
    return dest


def _lookup(values, dotted):
    for part in dotted.split("."):
        if not isinstance(values, dict) or part not in values:
            return None
        values = values[part]
    return values


def _render_alone(oracle, source, name, scoped):
    with tempfile.TemporaryDirectory() as temp:
        chart = pathlib.Path(temp) / name
        shutil.copytree(source, chart)
        chart_yaml = _load(chart / "Chart.yaml")
        chart_yaml["name"] = name
        (chart / "Chart.yaml").write_text(yaml.safe_dump(chart_yaml, sort_keys=False))
        (chart / "values.yaml").write_text("")
        scoped_file = pathlib.Path(temp) / "scoped.yaml"
        scoped_file.write_text(yaml.safe_dump(scoped, sort_keys=True))
        return oracle.render_ok(chart, ["-f", str(scoped_file)])


def _regenerate_case(oracle, case):
    parent, expected = case / "parent", case / "expected"
    shutil.rmtree(expected, ignore_errors=True)
    expected.mkdir()
    metadata = _load(parent / "Chart.yaml")
    values = _load(parent / "values.yaml") or {}
    (expected / "_parent.yaml").write_bytes(oracle.render_ok(parent))
    rendered = []
    for dep in metadata.get("dependencies", []):
        name = dep.get("alias") or dep["name"]
        condition = dep.get("condition")
        if condition and _lookup(values, condition) is False:
            continue
        source = parent / "charts" / dep["name"]
        scoped = _coalesce(copy.deepcopy(values.get(name) or {}), _load(source / "values.yaml") or {})
        scoped["global"] = _coalesce(copy.deepcopy(values.get("global") or {}), scoped.get("global") or {})
        (expected / f"{name}.yaml").write_bytes(_render_alone(oracle, source, name, scoped))
        rendered.append(name)
    (expected / "subcharts.json").write_text(json.dumps(rendered) + "\n")
    print(f"  subcharts {case.name}: parent + {', '.join(rendered)}")


def regenerate(repo, oracle, oracle_hash):
    cases = repo / "tests/WellTrack.Templating.Tests/Conformance/Subcharts"
    for case in sorted(p for p in cases.iterdir() if p.is_dir()):
        _regenerate_case(oracle, case)
    return manifest.write(repo, cases, [cases], lambda p: p.parent.name == "expected" and p.parent.parent.parent == cases, oracle_hash)
