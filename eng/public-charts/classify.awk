#!/usr/bin/awk -f
# Sorts the errors and warnings of measure.sh's findings.tsv (only where Helm renders the chart with those values) into
# the classes of README.md, by code and message; what fits none is listed as "unclassified" so that a new kind of
# finding on another build is seen. Usage: classify.awk findings.tsv (it reads the file twice).
# findings.tsv: chart, values file, Helm renders (yes/no), severity, code, file, line, message
BEGIN { FS = "\t"; if (ARGC == 2) { ARGV[ARGC++] = ARGV[1] } }

$3 != "yes" || $4 == "note" || $4 == "info" { next }

# A ConfigMap missing only because its manifest was dropped as invalid YAML (class D) is counted with class D.
FNR == NR {
  if ($5 == "WT3101") { unparsed[$1 SUBSEP $2] = 1 }
  next
}

function classify(code, message, chart, values) {
  if (code == "WT3103" && message ~ /k8s\.io\//) { return "1 custom resource in a *.k8s.io group" }
  if (code == "WT3109" && message ~ /CertManager/) { return "2 cert-manager issuer kinds (selfSigned, ca)" }
  if (code == "WT3016") { return "3 values.schema.json $schema form" }
  if (code == "WT3203" || code == "WT3210" || code == "WT3220" || code == "WT3221") { return "4 undeclared numeric port" }
  if (code == "WT3207" || code == "WT3222") { return "5 Secret the release does not create" }
  if (code == "WT3104") { return "6 capabilities: API picked by .Capabilities.APIVersions.Has" }
  if (code == "WT3006") { return "chart name differs from its directory (WT3006)" }
  if (code == "WT3009" && message ~ /version 'v[0-9]/) { return "A chart version with a leading v" }
  if (code == "WT3202") { return "B Service selecting pods outside the release" }
  if (code == "WT3208" && message ~ /'kube-root-ca\.crt'/) { return "C ConfigMap every namespace has (kube-root-ca.crt)" }
  if (code == "WT3101" && message ~ /extra spaces in first line/) { return "D block scalar with a blank first line (our YAML parser)" }
  if (code == "WT3208" && ((chart SUBSEP values) in unparsed)) { return "D block scalar with a blank first line (our YAML parser)" }
  if (code ~ /^WT330[3-9]$|^WT3310$/) { return "W practice: resources, probes, securityContext" }
  if (code == "WT3301") { return "W image without a pinned tag" }
  if (code == "WT3004") { return "W Chart.yaml apiVersion v1" }
  if (code == "WT3212") { return "W replicas set while an HPA scales" }
  return "unclassified " code
}

{
  class = classify($5, $8, $1, $2)
  key = $4 SUBSEP class
  findings[key]++
  if (!((key, $1) in chart_seen)) { chart_seen[key, $1] = 1; charts[key]++ }
  if (!((key, $1, $2) in pair_seen)) { pair_seen[key, $1, $2] = 1; pairs[key]++ }
  classes[key] = 1
}

END {
  n = 0
  for (k in classes) { list[++n] = k }
  for (i = 2; i <= n; i++) { v = list[i]; j = i - 1; while (j >= 1 && list[j] > v) { list[j + 1] = list[j]; j-- } list[j + 1] = v }
  printf "%-8s %-62s %8s %6s %7s\n", "severity", "class", "findings", "pairs", "charts"
  for (i = 1; i <= n; i++) {
    split(list[i], p, SUBSEP)
    printf "%-8s %-62s %8d %6d %7d\n", p[1], p[2], findings[list[i]], pairs[list[i]], charts[list[i]]
  }
}
