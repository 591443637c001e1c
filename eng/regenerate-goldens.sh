#!/usr/bin/env bash
# The one source of every reference output in this repository, produced by the reference renderer (helm-oracle: Go's
# text/template and Sprig, as `helm template` of Helm v3.16 renders):
#   - template conformance goldens   tests/WellTrack.Templating.Tests/Conformance/{Snippets,Charts}
#   - subchart goldens               tests/WellTrack.Templating.Tests/Conformance/Subcharts/*/expected
#   - WellTrack chart goldens        tests/WellTrack.Templating.Tests/WellTrackCharts
#   - validation fixtures            tests/WellTrack.Core.Tests/Validation/Fixtures/rendered (Kubernetes v1.30.0)
# Each set gets a golden-manifest.json with the sha256 of the oracle's sources and of every input and golden file;
# the golden-agreement tests fail when a chart or case changed since, or a golden was edited by hand. Run it after
# changing a chart, a conformance case or the oracle, and commit what it changed. The tests never need Go.
#
#   eng/regenerate-goldens.sh            regenerate every golden set from the oracle
#   eng/regenerate-goldens.sh --accept   take what comparison tests received (artifacts/received/, see
#                                        eng/goldens/received.py) as their new expectation, after reviewing it
#
# The oracle is ../shared/oracle/helm-oracle beside the clone (as in CI), or $HELM_ORACLE; its first run installs
# Go 1.22 and Debian's Sprig (see the oracle's README). Needs python3 with PyYAML (Debian python3-yaml).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
oracle="${HELM_ORACLE:-$repo/../shared/oracle/helm-oracle}"
[[ -x "$oracle" ]] || oracle=/work/shared/oracle/helm-oracle
if [[ "${1:-}" != "--accept" && ! -x "$oracle" ]]; then
  echo "regenerate-goldens: no helm-oracle at ../shared/oracle or \$HELM_ORACLE" >&2
  exit 2
fi
export PYTHONDONTWRITEBYTECODE=1  # nothing generated in eng/goldens/
exec python3 "$repo/eng/goldens/regenerate.py" "$repo" "$oracle" "$@"
