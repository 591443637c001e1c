"""Every reference output of the repository from the oracle, each golden set with its golden-manifest.json.
Run through eng/regenerate-goldens.sh, which finds the oracle and passes: REPO ORACLE [--accept]."""
import pathlib
import sys

import conformance
import received
import subcharts
import welltrack_charts
from oracle import Oracle


def main(repo, oracle_path, *flags):
    repo = pathlib.Path(repo).resolve()
    if "--accept" in flags:
        received.accept(repo)
        return
    oracle = Oracle(oracle_path)
    oracle_hash = oracle.source_hash()
    print(f"oracle {oracle.executable} (sources sha256 {oracle_hash})")
    sets = {
        "conformance snippets": lambda: conformance.regenerate_snippets(repo, oracle, oracle_hash),
        "conformance charts": lambda: conformance.regenerate_charts(repo, oracle, oracle_hash),
        "subcharts": lambda: subcharts.regenerate(repo, oracle, oracle_hash),
        "WellTrack chart renders": lambda: welltrack_charts.regenerate(
            repo, oracle, oracle_hash, repo / "tests/WellTrack.Templating.Tests/WellTrackCharts"),
        "validation fixtures": lambda: welltrack_charts.regenerate(
            repo, oracle, oracle_hash, repo / "tests/WellTrack.Core.Tests/Validation/Fixtures/rendered",
            ["-kube-version", "v1.30.0"]),
    }
    for name, regenerate in sets.items():
        inputs, outputs = regenerate()
        print(f"{name}: {outputs} golden file(s) from {inputs} input file(s)")


if __name__ == "__main__":
    main(*sys.argv[1:])
