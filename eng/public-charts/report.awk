#!/usr/bin/awk -f
# The table of measure.sh: one row per chart and values file, then totals.
#   report.awk [-v elapsed=SECONDS] runs.tsv findings.tsv
# runs.tsv:     chart, values file, Helm verdict ("yes" or "no: ..."), welltrack status ("ok" or "CRASH(...)"), exit code,
#               our render against Helm's ("same", "differs: ...", "fails: ...", "-" when Helm does not render)
# findings.tsv: chart, values file, Helm renders (yes/no), severity, code, file, line, message
BEGIN { FS = OFS = "\t" }

FNR == 1 { part++ }

part == 1 {
  rows++
  chart[rows] = $1; values[rows] = $2; helm[rows] = $3; status[rows] = $4; render[rows] = $6
  row_of[$1 SUBSEP $2] = rows
  if (length($1) > wc) { wc = length($1) }
  if (length($2) > wv) { wv = length($2) }
  charts_seen[$1] = 1
  next
}

part == 2 {
  r = row_of[$1 SUBSEP $2]
  sev = ($4 == "error") ? "error" : ($4 == "warning") ? "warning" : "info"
  count[r, sev, $5]++
  codes[r, sev] = codes[r, sev] == "" ? $5 : (index(" " codes[r, sev] " ", " " $5 " ") ? codes[r, sev] : codes[r, sev] " " $5)
  renders = substr(helm[r], 1, 3) == "yes"
  total[sev, $5]++
  all_codes[sev, $5] = 1
  if (renders) { total_rendered[sev, $5]++ }
  next
}

function by_code(r, sev,    n, i, list, out) {
  n = split(codes[r, sev], list, " ")
  out = ""
  for (i = 1; i <= n; i++) { out = out (out == "" ? "" : " ") list[i] (count[r, sev, list[i]] > 1 ? "x" count[r, sev, list[i]] : "") }
  return out == "" ? "-" : out
}

END {
  row_format = "%-" wc "s  %-" wv "s  %-4s  %-7s  %-5s  %-32s  %s\n"
  printf row_format, "chart", "values", "helm", "render", "tool", "errors", "warnings"
  for (r = 1; r <= rows; r++) {
    h = substr(helm[r], 1, 3) == "yes" ? "yes" : "no"
    t = status[r] == "ok" ? "ok" : status[r] ~ /^NO-MIRROR/ ? "none" : "CRASH"
    rd = render[r]; sub(/:.*/, "", rd); sub(/ \(but for random.*/, "*", rd)
    printf row_format, chart[r], values[r], h, rd, t, by_code(r, "error"), by_code(r, "warning")
    if (rd == "differs" || rd == "fails") { render_diffs = render_diffs "\n  " chart[r] " " values[r] ": " render[r] }
    if (h == "yes") { rendered++ }
    if (t == "none") { missing = missing "\n  " chart[r] ": " status[r] }
    if (t == "CRASH") { crashes++; crash_list = crash_list "\n  " chart[r] " " values[r] ": " status[r] }
    if (h == "no" && t != "none") { helm_fails = helm_fails "\n  " chart[r] " " values[r] ": " substr(helm[r], 5) }
    if (h == "yes" && codes[r, "error"] != "") { error_rows++; error_charts[chart[r]] = 1 }
    if (h == "yes" && codes[r, "warning"] != "") { warning_charts[chart[r]] = 1 }
  }
  for (c in charts_seen) { nch++ }
  for (c in error_charts) { nerr++ }
  for (c in warning_charts) { nwarn++ }
  print "(render: our `welltrack template` against Helm's output; same* = same but for lines Helm itself renders differently each time)"
  print ""
  printf "Totals: %d charts, %d chart/values pairs, %d rendered by Helm, %d crashes of welltrack%s\n", nch, rows, rendered + 0, crashes + 0, elapsed == "" ? "" : " (" elapsed " s)"
  printf "Where Helm renders: %d pairs with at least one error, on %d charts; %d charts with at least one warning\n", error_rows + 0, nerr + 0, nwarn + 0
  for (sev_i = 1; sev_i <= 3; sev_i++) {
    sev = sev_i == 1 ? "error" : sev_i == 2 ? "warning" : "info"
    line = ""
    for (k in all_codes) {
      split(k, p, SUBSEP)
      if (p[1] == sev) { line = line " " p[2] ":" total[sev, p[2]] "/" total_rendered[sev, p[2]] + 0 }
    }
    n = split(line, items, " ")
    # sorted by code for a stable report
    for (i = 2; i <= n; i++) { v = items[i]; j = i - 1; while (j >= 1 && items[j] > v) { items[j + 1] = items[j]; j-- } items[j + 1] = v }
    line = ""
    for (i = 1; i <= n; i++) { line = line " " items[i] }
    printf "%-8s by code (all/where Helm renders):%s\n", sev, line == "" ? " none" : line
  }
  if (helm_fails != "") { print "\nHelm (the oracle) does not render:" helm_fails }
  if (render_diffs != "") { print "\nOur render differs from Helm's or fails where Helm renders (welltrack template):" render_diffs }
  if (missing != "") { print "\nNot measured (no mirror with that commit):" missing }
  if (crash_list != "") { print "\nwelltrack crashed:" crash_list }
}
