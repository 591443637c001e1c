#!/usr/bin/env bash
# Goldens for subcharts, which the oracle does not render as part of a parent: each enabled subchart of each case under
# tests/WellTrack.Templating.Tests/Conformance/Subcharts/<case>/parent is rendered ALONE by the oracle, with the
# values Helm passes it, computed here from Helm's documented rules (chartutil.CoalesceValues): the parent's section
# for the subchart (its alias when it has one) over the subchart's own values.yaml, maps merged, a null deleting the
# key, and the parent's `global` copied over the subchart's. An alias renames the chart. The parent's own templates
# are rendered alone too. The tests render the parent with the engine and compare each part, byte for byte.
#   eng/regenerate-subchart-goldens.sh
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
oracle="${HELM_ORACLE:-$repo/../shared/oracle/helm-oracle}"
[[ -x "$oracle" ]] || oracle=/work/shared/oracle/helm-oracle
export ORACLE="$oracle" CASES="$repo/tests/WellTrack.Templating.Tests/Conformance/Subcharts"
python3 - <<'PY'
import copy, json, os, pathlib, shutil, subprocess, tempfile
import yaml  # PyYAML (Debian python3-yaml)

oracle, cases = os.environ["ORACLE"], pathlib.Path(os.environ["CASES"])

def load(path):
    return yaml.safe_load(path.read_text()) if path.exists() else {}

def coalesce(dest, src):
    """Helm's coalesceTables: dest (user/parent values) wins; src (defaults) fills; a null in dest deletes."""
    for key, value in src.items():
        if key in dest:
            if dest[key] is None:
                del dest[key]
            elif isinstance(dest[key], dict) and isinstance(value, dict):
                coalesce(dest[key], value)
        else:
            dest[key] = copy.deepcopy(value)
    for key in [k for k, v in dest.items() if v is None]:
        del dest[key]
    return dest

def lookup(values, dotted):
    for part in dotted.split("."):
        if not isinstance(values, dict) or part not in values:
            return None
        values = values[part]
    return values

for case in sorted(p for p in cases.iterdir() if p.is_dir()):
    parent = case / "parent"
    expected = case / "expected"
    shutil.rmtree(expected, ignore_errors=True)
    expected.mkdir()
    metadata = load(parent / "Chart.yaml")
    values = load(parent / "values.yaml") or {}
    result = subprocess.run([oracle, str(parent)], capture_output=True, text=True, check=True)
    (expected / "_parent.yaml").write_text(result.stdout)
    rendered = []
    for dep in metadata.get("dependencies", []):
        name = dep.get("alias") or dep["name"]
        condition = dep.get("condition")
        if condition and lookup(values, condition) is False:
            continue
        source = parent / "charts" / dep["name"]
        section = copy.deepcopy(values.get(name) or {})
        scoped = coalesce(section, load(source / "values.yaml") or {})
        scoped["global"] = coalesce(copy.deepcopy(values.get("global") or {}), scoped.get("global") or {})
        with tempfile.TemporaryDirectory() as temp:
            chart = pathlib.Path(temp) / name
            shutil.copytree(source, chart)
            chart_yaml = load(chart / "Chart.yaml")
            chart_yaml["name"] = name
            (chart / "Chart.yaml").write_text(yaml.safe_dump(chart_yaml, sort_keys=False))
            (chart / "values.yaml").write_text("")
            scoped_file = pathlib.Path(temp) / "scoped.yaml"
            scoped_file.write_text(yaml.safe_dump(scoped, sort_keys=True))
            result = subprocess.run([oracle, "-f", str(scoped_file), str(chart)], capture_output=True, text=True, check=True)
        (expected / f"{name}.yaml").write_text(result.stdout)
        rendered.append(name)
    (expected / "subcharts.json").write_text(json.dumps(rendered) + "\n")
    print(f"{case.name}: parent + {', '.join(rendered)}")
PY
