"""Random control structures (if/else if/else, with/else, range with variables, break/continue, declarations,
assignments, trim markers) over values of every kind, for the conformance suite.

    python3 random_actions.py SEED COUNT > ../Snippets/zz-actions.cases
"""
import random, sys
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
conds = [".Values.b", ".Values.e", ".Values.l", ".Values.m", ".Values.missing", ".Values.n", ".Values.i", "0", "1", '""', '"x"',
         "(eq .Values.s \"hello\")", "(lt .Values.i 3)", "(and .Values.b .Values.l)", "(or .Values.e .Values.missing)", "(not .Values.b)",
         "$v", ".", "(len .Values.l)", "(empty .Values.m)"]
colls = [".Values.l", ".Values.m", ".Values.missing", ".Values.e", "(list)", "(dict)", "(list 1 2 3)", "(until 3)", "(splitList \",\" \"a,b\")", ".Values.nested", "(dict \"z\" 1 \"a\" 2)"]
outs = ["{{ . }}", "{{ $.Values.s }}", "{{ $v }}", "{{ printf \"%v\" . }}", "x", "{{ len $.Values.l }}", "{{ $i }}", "{{ quote . }}", "{{ typeOf . }}"]

def block(d, in_range, vars_):
    r = random.random()
    if d == 0 or r < 0.25:
        o = random.choice(outs)
        if "$i" in o and "$i" not in vars_: o = "y"
        if "$v" in o and "$v" not in vars_: o = "z"
        return o
    t = random.choice(["if", "ifelse", "elseif", "with", "withelse", "range", "rangevars", "rangeelse", "decl", "assign", "seq", "trim", "ctrl"])
    c = random.choice(conds)
    if "$v" in c and "$v" not in vars_: c = ".Values.b"
    if t == "if": return "{{ if " + c + " }}" + block(d-1, in_range, vars_) + "{{ end }}"
    if t == "ifelse": return "{{ if " + c + " }}" + block(d-1, in_range, vars_) + "{{ else }}" + block(d-1, in_range, vars_) + "{{ end }}"
    if t == "elseif": return "{{ if " + c + " }}A{{ else if " + random.choice(conds[:10]) + " }}" + block(d-1, in_range, vars_) + "{{ else }}C{{ end }}"
    if t == "with": return "{{ with " + c + " }}" + block(d-1, in_range, vars_) + "{{ end }}"
    if t == "withelse": return "{{ with " + c + " }}" + block(d-1, in_range, vars_) + "{{ else }}" + block(d-1, in_range, vars_) + "{{ end }}"
    if t == "range": return "{{ range " + random.choice(colls) + " }}" + block(d-1, True, vars_) + "{{ end }}"
    if t == "rangevars": return "{{ range $i, $v := " + random.choice(colls) + " }}" + block(d-1, True, vars_ | {"$i", "$v"}) + "{{ end }}"
    if t == "rangeelse": return "{{ range " + random.choice(colls) + " }}" + block(d-1, True, vars_) + "{{ else }}empty{{ end }}"
    if t == "decl": return "{{ $v := " + c.replace("$v", ".Values.b") + " }}" + block(d-1, in_range, vars_ | {"$v"})
    if t == "assign" and "$v" in vars_: return "{{ $v = " + random.choice(conds[:12]) + " }}" + block(d-1, in_range, vars_)
    if t == "seq": return block(d-1, in_range, vars_) + "," + block(d-1, in_range, vars_)
    if t == "trim": return " \n {{- " + random.choice(["1", "\"t\"", ".Values.i"]) + " -}} \n " + block(d-1, in_range, vars_)
    if t == "ctrl" and in_range: return "{{ if " + c + " }}{{ " + random.choice(["break", "continue"]) + " }}{{ end }}" + block(d-1, in_range, vars_)
    return block(d-1, in_range, vars_)

print("# Random control structures checked against the oracle: Generators/random_actions.py, seed " + (sys.argv[1] if len(sys.argv) > 1 else "1") + ".")
for n in range(count):
    print(f"### a{n}")
    print("#values: i: 5\n#values: s: hello\n#values: l: [b, 1, null]\n#values: m: {k: v, n: 1}\n#values: b: true\n#values: e: \"\"\n#values: n: null\n#values: nested: [[1, 2], [], [3]]")
    print(block(4, False, set()))
