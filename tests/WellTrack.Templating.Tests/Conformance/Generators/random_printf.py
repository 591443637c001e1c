"""Random printf formats (verbs, flags, widths, precisions, argument counts) over every kind of value.

    python3 random_printf.py SEED > ../Snippets/zz-printf.cases
"""
import random
import sys; random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 11)
verbs = ["%v","%d","%s","%q","%x","%X","%o","%b","%e","%E","%f","%F","%g","%G","%t","%c","%U","%T","%5v","%-5v|","%05d","%+d","% d","%.2s","%8.3f","%-8.3e","%#x","%#o","%#v","%+q","% x","%.0f","%.3g","%10.4g","%5t","%-6s|","%06.2f","%+.1e"]
vals = ['0','1','-1','255','65','3.14159','-0.5','1e6','1e-7','100000','"s"','"héllo"','"a b"','""','true','false','nil','.Values.l','.Values.m','.Values.i','.Values.f','.Values.missing','(list 1 "a")','(dict "k" 1)','(int64 7)','(add 1 2)','(float64 3)']
print("# printf verbs, flags, widths and precisions over every kind of value, checked against the oracle.")
for i in range(300):
    n = random.choice([1,1,1,2,3])
    vs = [random.choice(verbs) for _ in range(n)]
    k = n + (1 if random.random() < 0.1 else 0) - (1 if random.random() < 0.05 else 0)
    args = [random.choice(vals) for _ in range(k)]
    print(f"### p{i}")
    print("#values: i: 5\n#values: f: 2.5\n#values: l: [b, 1, null]\n#values: m: {k: v, n: 1}")
    print("{{ printf " + '"' + " ".join(vs) + '" ' + " ".join(args) + " }}")
