"""Renders of the WellTrack charts under charts/, with their default values (default.yaml) and with each
ci/*-values.yaml (<name>-values.yaml), into <set>/<chart>/. Two golden sets are made this way:
- tests/WellTrack.Templating.Tests/WellTrackCharts: what the engine must print byte for byte (the oracle's default
  Kubernetes version);
- tests/WellTrack.Core.Tests/Validation/Fixtures/rendered: what chart validation is fed in place of the engine
  (RealChartsTests), rendered for Kubernetes v1.30.0, the version validation checks against.
"""
import shutil

import manifest


def _charts(repo):
    return sorted(p for p in (repo / "charts").iterdir() if (p / "Chart.yaml").is_file())


def regenerate(repo, oracle, oracle_hash, set_dir, extra_args=()):
    shutil.rmtree(set_dir, ignore_errors=True)
    charts = _charts(repo)
    for chart in charts:
        out = set_dir / chart.name
        out.mkdir(parents=True)
        (out / "default.yaml").write_bytes(oracle.render_ok(chart, list(extra_args)))
        for values in sorted((chart / "ci").glob("*-values.yaml")):
            (out / values.name).write_bytes(oracle.render_ok(chart, [*extra_args, "-f", str(values)]))
        print(f"  {set_dir.relative_to(repo)}/{chart.name}: {len(list(out.iterdir()))} render(s)")
    return manifest.write(repo, set_dir, charts, lambda p: p.suffix == ".yaml" and p.parent.parent == set_dir, oracle_hash)
