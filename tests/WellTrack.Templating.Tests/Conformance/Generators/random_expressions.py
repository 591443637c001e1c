"""Random Sprig/builtin expressions for the conformance suite: the oracle decides what is right.

    python3 random_expressions.py SEED COUNT > ../Snippets/zz-fuzzN.cases
    eng/regenerate-goldens.sh

Expressions whose result Go itself leaves undefined (map iteration order: keys, values) are not generated; a
case that slices a multi-byte character and then hashes the broken bytes was dropped from zz-fuzz.cases (strings
here are Unicode text, Go's are bytes; see the engine's README).
"""
import random, sys
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
ints = ["0","1","2","3","-3","7","42","300","0x10"]
floats = ["0.5","1.5","1e6","-2.25","3.0","0.001"]
strs = ['""','"a"','"Hello World"','"a,b,c"','"  pad  "','"ÄÖü"','"x-y_z"','"FooBar"','"1.2.3"','"42"','"true"','"a b  c"','"line1\\nline2"']
fields = [".Values.i",".Values.f",".Values.s",".Values.l",".Values.m",".Values.b",".Values.n",".Values.missing",".Values.m.k",".Values.e"]
def lit():
    r = random.random()
    if r < 0.25: return random.choice(ints)
    if r < 0.35: return random.choice(floats)
    if r < 0.65: return random.choice(strs)
    if r < 0.70: return random.choice(["true","false"])
    if r < 0.73: return "nil"
    return random.choice(fields)
unary = ["upper","lower","title","trim","toString","int","int64","float64","add1","len","first","last","rest","initial","reverse","uniq","compact","sortAlpha","nospace","initials","snakecase","camelcase","kebabcase","b64enc","sha1sum","toJson","toYaml","empty","typeOf","kindOf","toStrings","ceil","floor","quote","squote","not","atoi","list","print","println","html","js","urlquery","trimAll \"a\"","trunc 3","substr 1 3","repeat 2","abbrev 5","indent 2","nindent 2","wrap 4","default \"dflt\"","plural \"one\" \"many\"","join \",\"","split \",\"","splitList \",\"","hasPrefix \"a\"","contains \"o\"","replace \"a\" \"b\"","regexMatch \"^[a-z]+$\"","regexFind \"[0-9]+\"","printf \"%v\"","printf \"%d\"","printf \"%s\"","printf \"%q\"","printf \"%5.1f\"","add 1","sub 10","mul 3","div 100","mod 7","max 5","min 5","round 1"]
binary = ["eq","ne","lt","gt","le","ge","and","or","add","sub","mul","div","mod","max","min","cat","coalesce","concat","has","without","ternary \"y\" \"n\"","index","hasKey","pick","omit","merge","print","printf \"%v-%v\"","default","semverCompare","deepEqual","addf","mulf","subf","dict"]
def expr(d):
    if d == 0 or random.random() < 0.3: return lit()
    r = random.random()
    if r < 0.5:
        f = random.choice(unary); return f"({f} {expr(d-1)})"
    if r < 0.8:
        f = random.choice(binary); return f"({f} {expr(d-1)} {expr(d-1)})"
    f = random.choice(unary); return f"({expr(d-1)} | {f})"
print("# Random expressions checked against the oracle: Generators/random_expressions.py, seed " + (sys.argv[1] if len(sys.argv)>1 else "1") + ".")
for i in range(int(sys.argv[2]) if len(sys.argv) > 2 else 300):
    print(f"### r{i}")
    print("#values: i: 5")
    print("#values: f: 2.5")
    print("#values: s: hello")
    print("#values: l: [b, a, 3, null]")
    print("#values: m: {k: v, n: 1}")
    print("#values: b: true")
    print("#values: n: null")
    print("#values: e: \"\"")
    e = expr(3)
    if e.startswith("(") and e.endswith(")"): e = e[1:-1]
    print("{{ " + e + " }}")
