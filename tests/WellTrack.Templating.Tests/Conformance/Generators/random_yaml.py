"""Random values (nested maps and lists, scalars of every YAML 1.1 flavour, awkward strings) printed back with
toYaml and toJson, for the conformance suite: YAML in (yaml.v2 + JSON round trip) and YAML out (yaml.v2 emitter).

    python3 random_yaml.py SEED COUNT > ../Snippets/zz-yaml.cases
"""
import json, random, sys
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
count = int(sys.argv[2]) if len(sys.argv) > 2 else 150
words = ["a", "key", "name", "x-y", "1", "10", "2a", "true", "null", "~", "yes", "no", "on", "0x1F", "1e3", "1.5", "-", ".inf", "a b",
         "a: b", "#c", "- x", "'q'", '"d"', "tab\there", "new\nline", "trail ", " lead", "ü", "日本", "emoji😀", "", "*star", "&amp", "!bang",
         "%pct", "@at", "`tick", "{x}", "[y]", "a,b", "2024-01-01", "12:30", "0777", "+1", "-0", "0.0", "1_000", ".5", "x" * 90,
         "word " * 20, "multi\nline\ntext\n", "CamelCase", "dot.key", "slash/key", "$dollar", "back\\slash", "=", "<<", "?", "|", ">"]
def scalar():
    r = random.random()
    if r < 0.5: return random.choice(words)
    if r < 0.65: return random.choice([0, 1, -5, 42, 1000000, 3.25, -0.5, 1e-7, 1e21, 123456789])
    if r < 0.75: return random.choice([True, False])
    if r < 0.8: return None
    return random.choice(words) + random.choice(words)
def value(d):
    r = random.random()
    if d == 0 or r < 0.45: return scalar()
    if r < 0.75: return {random.choice(words): value(d - 1) for _ in range(random.randint(0, 4))}
    return [value(d - 1) for _ in range(random.randint(0, 3))]
print("# Random values through toYaml and toJson checked against the oracle: Generators/random_yaml.py, seed " + (sys.argv[1] if len(sys.argv) > 1 else "1") + ".")
for n in range(count):
    v = {"v": value(4)}
    print(f"### y{n}")
    # JSON is valid YAML: it pins the values exactly, whatever their characters.
    print("#values: " + json.dumps(v, ensure_ascii=False))
    print("{{ toYaml .Values.v }}\n---\n{{ toJson .Values.v }}")
