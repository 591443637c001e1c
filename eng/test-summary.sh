#!/usr/bin/env bash
# Adds up the TRX reports of every test assembly and prints the one line CI reads: "N passed, N failed[, N skipped]".
# Exits non-zero when a test failed or when no test ran at all (an empty run must not look green).
set -euo pipefail
results="${1:?usage: eng/test-summary.sh RESULTS_DIR}"
passed=0 failed=0 skipped=0 total=0
shopt -s nullglob globstar
for trx in "$results"/**/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  total=$((total + $(value total)))
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
done
skipped=$((total - passed - failed))
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$total" -gt 0 ]
