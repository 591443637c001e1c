"""Random values.yaml files in block style (as people write them: plain, quoted and block scalars, anchors,
comments, YAML 1.1 booleans and numbers) read back with toJson, for the conformance suite. Some come out
malformed (sequence items under a key at the wrong indentation): they check go-yaml's error texts and lines.

    python3 random_block_yaml.py SEED COUNT > ../Snippets/zz-block-yaml.cases
"""
import random, sys
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
count = int(sys.argv[2]) if len(sys.argv) > 2 else 150
plain = ["abc", "Hello World", "yes", "No", "on", "OFF", "true", "False", "null", "Null", "~", "0", "-1", "+5", "0x1F", "0o17", "017",
         "1_000", "1.5", "-.5", ".5", "1e3", "1E-2", "6.02e+23", ".inf", "-.Inf", ".nan", "2024-01-02", "2024-01-02T10:00:00Z",
         "12:30:45", "1:20", "v1.2.3", "a b c", "a: b", "http://x.y/z?q=1", "100m", "128Mi", "*", "-", "--", "a#b", "é", "日本"]
quoted = ['"yes"', '"1.0"', "'null'", '"a\\tb"', "'it''s'", '"\\u00e9"', '""', "''", '"multi\\nline"', '"  spaced  "']
def scalar():
    r = random.random()
    if r < 0.6: return random.choice(plain)
    if r < 0.9: return random.choice(quoted)
    return "|\n" + "\n".join("  " * 0 + "line" + str(i) for i in range(random.randint(1, 3)))
def emit(d, indent, lines, key_prefix=""):
    for k in range(random.randint(1, 3)):
        key = random.choice(["a", "b", "name", "yes", "1", "on", "x_y", "key with space", "\"quoted\"", "n"]) + str(k)
        r = random.random()
        pad = "  " * indent
        if d == 0 or r < 0.5:
            v = scalar()
            if v.startswith("|"):
                body = v.split("\n")[1:]
                lines.append(f"{pad}{key}: |")
                lines.extend(pad + "  " + b for b in body)
            else:
                lines.append(f"{pad}{key}: {v}" + (random.choice(["", "", "  # comment"])))
        elif r < 0.75:
            lines.append(f"{pad}{key}:")
            emit(d - 1, indent + 1, lines)
        else:
            lines.append(f"{pad}{key}:")
            for _ in range(random.randint(0, 3)):
                v = scalar()
                if v.startswith("|"): v = "plain"
                lines.append(f"{pad}{random.choice(['', '  '])}- {v}")
print("# Random block-style values files read back with toJson, checked against the oracle: Generators/random_block_yaml.py.")
for n in range(count):
    lines = []
    emit(3, 0, lines)
    print(f"### b{n}")
    for l in lines:
        print("#values: " + l)
    print("{{ toJson .Values }}")
