#!/usr/bin/env node
// Generates the schema resources the chart validator reads for what the KubernetesClient models do not say, into
// sdk/core/WellTrack.Core/Validation/Schema/:
//   - kubernetes-required-fields.json: required fields of every built-in Kubernetes kind (the C# models carry structure
//     and types, not "required"), and the list of custom resource kinds whose schema is shipped;
//   - CustomResources/<group>.json: the full structure (properties, types, enums, required) of every kind and served
//     version of the custom resource packages below, one file per API group, so that the validator parses only the
//     groups a chart uses.
//
// Source: the TypeScript declarations (.d.ts) of the MIT-licensed npm packages listed in `packages` (pinned versions in
// Validation/Schema/README.md). A property without "?" is required. The packages want Node 22; on Node 20 install them
// with engine checks off (see the README), then:
//
//   node eng/generate-kubernetes-required-fields.mjs "$dir/node_modules" sdk/core/WellTrack.Core/Validation/Schema
//
// Output formats (kept small):
//   kubernetes-required-fields.json:
//     { "source": "...", "kinds": { "apps/v1/Deployment": "IoK8sApiAppsV1Deployment", ... },
//       "full": [ "cert-manager.io/v1/Issuer", ... ],     // kinds whose structure is in CustomResources/<group>.json
//       "definitions": { "Name": { "required": [..], "properties": { "prop": "Def:<name>" } } } }  // built-in only
//   CustomResources/<group>.json:
//     { "definitions": { "Name": { "required": [..], "properties": { "prop": TYPE } } } }
//   TYPE: "string" | "number" | "boolean" | "any" | "int-or-string" | "quantity" | "Def:<name>" (a definition of the
//         same file) | "Model:<class>" (a built-in Kubernetes type: the KubernetesClient model class, as for built-in
//         kinds) | "[]" + TYPE | "{}" + TYPE | "enum:a|b|c"
//
// How the declarations render CRD schema features, and what they become here:
//   - `interface X extends Y, Z` (e.g. cert-manager's IssuerSpec extends IssuerConfig): the properties of Y and Z are
//     X's too. (Ignoring the extends clause is what once made Issuer lose acme, ca, selfSigned, vault and venafi.)
//   - x-kubernetes-preserve-unknown-fields: an empty object type (`{}`, RawExtension, apiextensions JSON), `any`,
//     `unknown` or `object`: "any" (accepts everything).
//   - additionalProperties: an index signature `{ [key: string]: T }`: "{}" + T.
//   - x-kubernetes-int-or-string: `number | string` or IntOrString: "int-or-string".
//   - nullable: `T | null`: T (the validator accepts null for every field).
//   - enum: a union of string literals: "enum:...".
//   - oneOf/anyOf (Istio): `A & (Exclude<A, ...> | {..} | {..})`: the properties of all branches, required only when
//     every branch requires them (the one-of constraint itself is not checked).
//   - inline object types: a definition named after the path that reaches it ("<parent>.<property>").
// Status subtrees are left out: they are written by controllers, never by a chart.
import fs from "node:fs";
import path from "node:path";

const root = process.argv[2];
const outDir = process.argv[3];
if (!root || !outDir) {
  console.error("usage: generate-kubernetes-required-fields.mjs <node_modules> <Validation/Schema directory>");
  process.exit(2);
}

// Built-in Kubernetes types: their kinds get required fields only; custom resources refer to them as model classes.
const builtInPackages = ["kubernetes-models", "@kubernetes-models/apimachinery"];
// Custom resource packages: every kind of every served version gets its full schema.
const customPackages = [
  "@kubernetes-models/argo-cd",
  "@kubernetes-models/argo-rollouts",
  "@kubernetes-models/autoscaler",
  "@kubernetes-models/cert-manager",
  "@kubernetes-models/external-secrets",
  "@kubernetes-models/flux-cd",
  "@kubernetes-models/gateway-api",
  "@kubernetes-models/istio",
  "@kubernetes-models/keda",
  "@kubernetes-models/prometheus-operator",
  "@kubernetes-models/sealed-secrets",
  "@kubernetes-models/traefik",
];
const packages = [...builtInPackages, ...customPackages];
const versionOf = (pkg) => JSON.parse(fs.readFileSync(path.join(root, pkg, "package.json"), "utf8")).version;

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "_schemas") yield* walk(full);
    } else if (entry.name.endsWith(".d.ts") && entry.name !== "index.d.ts") {
      yield full;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A parser of the TypeScript type expressions these declarations use.
// Type nodes: { name, args? } | { literal } | { object: [{ name, optional, type }], index? } | { array } |
//             { union: [...] } | { intersection: [...] } | { indexed: type, key }
class TypeParser {
  constructor(text, pos = 0) {
    this.text = text;
    this.pos = pos;
  }

  ws() {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  fail(what) {
    throw new Error(`cannot parse ${what} at: ${this.text.slice(this.pos, this.pos + 80)}`);
  }

  expect(token) {
    this.ws();
    if (!this.text.startsWith(token, this.pos)) this.fail(`'${token}'`);
    this.pos += token.length;
  }

  union() {
    this.ws();
    if (this.text[this.pos] === "|") this.pos++; // a leading '|' of a multi-line union
    const parts = [this.intersection()];
    this.ws();
    while (this.text[this.pos] === "|") {
      this.pos++;
      parts.push(this.intersection());
      this.ws();
    }
    return parts.length === 1 ? parts[0] : { union: parts };
  }

  intersection() {
    const parts = [this.postfix()];
    this.ws();
    while (this.text[this.pos] === "&") {
      this.pos++;
      parts.push(this.postfix());
      this.ws();
    }
    return parts.length === 1 ? parts[0] : { intersection: parts };
  }

  postfix() {
    let result = this.primary();
    for (;;) {
      this.ws();
      if (this.text.startsWith("[]", this.pos)) {
        this.pos += 2;
        result = { array: result };
      } else if (this.text[this.pos] === "[" && this.text[this.pos + 1] === '"') {
        const end = this.text.indexOf('"]', this.pos);
        result = { indexed: result, key: this.text.slice(this.pos + 2, end) };
        this.pos = end + 2;
      } else {
        return result;
      }
    }
  }

  primary() {
    this.ws();
    const c = this.text[this.pos];
    if (c === '"') {
      const end = this.text.indexOf('"', this.pos + 1);
      const literal = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return { literal };
    }
    if (c === "(") {
      this.pos++;
      const inner = this.union();
      this.expect(")");
      return inner;
    }
    if (c === "{") return this.objectType();
    const m = /^-?[\w.$]+/.exec(this.text.slice(this.pos));
    if (!m) this.fail("a type");
    this.pos += m[0].length;
    if (/^-?\d/.test(m[0])) return { number: Number(m[0]) };
    if (m[0] === "true" || m[0] === "false") return { boolean: m[0] === "true" };
    this.ws();
    if (this.text[this.pos] === "<") {
      this.pos++;
      const args = [this.union()];
      this.ws();
      while (this.text[this.pos] === ",") {
        this.pos++;
        args.push(this.union());
        this.ws();
      }
      this.expect(">");
      return m[0] === "Array" ? { array: args[0] } : { name: m[0], args };
    }
    return { name: m[0] };
  }

  objectType() {
    this.expect("{");
    const props = [];
    let index = null;
    for (;;) {
      this.ws();
      if (this.text[this.pos] === "}") break;
      const rest = this.text.slice(this.pos, this.pos + 400);
      const sig = /^\[\w+: string\]:/.exec(rest);
      if (sig) {
        this.pos += sig[0].length;
        index = this.union();
      } else {
        const m = /^"([^"]*)"(\?)?:/.exec(rest) || /^([\w$]+)(\?)?:/.exec(rest);
        if (!m) this.fail("a property");
        this.pos += m[0].length;
        props.push({ name: m[1], optional: !!m[2], type: this.union() });
      }
      this.ws();
      if (this.text[this.pos] === ";" || this.text[this.pos] === ",") this.pos++;
    }
    this.pos++;
    return { object: props, index };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Declarations, file by file, and the resolution of names through imports and re-exports.
const files = new Map(); // absolute path -> { pkg, rel, imports: Map, decls: Map, exports: Map }
const stripComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");

function moduleFile(fromFile, spec) {
  const base = spec.startsWith(".") ? path.resolve(path.dirname(fromFile), spec) : path.join(root, spec);
  for (const candidate of [base.replace(/\.js$/, ".d.ts"), base + ".d.ts", path.join(base, "index.d.ts")]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null; // @kubernetes-models/base and other runtime helpers: nothing to resolve there
}

for (const pkg of packages) {
  const dir = path.join(root, pkg);
  for (const file of walk(dir)) {
    const text = stripComments(fs.readFileSync(file, "utf8"));
    const info = { pkg, rel: path.relative(dir, file).replace(/\.d\.ts$/, ""), imports: new Map(), decls: new Map(), exports: new Map() };
    for (const m of text.matchAll(/^import \{([^}]*)\} from "([^"]+)";/gm)) {
      const target = moduleFile(file, m[2]);
      for (const pair of m[1].split(",").map((s) => s.trim()).filter(Boolean)) {
        const [from, to] = pair.replace(/^type\s+/, "").split(/\s+as\s+/);
        if (target) info.imports.set(to ?? from, { file: target, name: from });
      }
    }
    for (const m of text.matchAll(/^export interface (\w+)(?: extends ([\w, ]+))? \{/gm)) {
      const parser = new TypeParser(text, m.index + m[0].length - 1);
      const body = parser.objectType();
      const bases = (m[2] ?? "").split(",").map((s) => s.trim()).filter((s) => s && s !== "TypeMeta");
      info.decls.set(m[1], { kind: "interface", type: body, bases });
      info.exports.set(m[1], m[1]);
    }
    for (const m of text.matchAll(/^export type (\w+) = /gm)) {
      info.decls.set(m[1], { kind: "alias", type: new TypeParser(text, m.index + m[0].length).union() });
      info.exports.set(m[1], m[1]);
    }
    for (const m of text.matchAll(/^export type \{ ([^}]*) \};/gm)) {
      for (const pair of m[1].split(",")) {
        const [from, to] = pair.trim().split(/\s+as\s+/);
        if (to) info.exports.set(to, from);
      }
    }
    files.set(file, info);
  }
}

// A symbol: { file, local, decl }. Names are resolved in the file that uses them.
function resolve(file, name) {
  const info = files.get(file);
  if (!info) return null;
  if (info.decls.has(name)) return { file, local: name, decl: info.decls.get(name) };
  const imported = info.imports.get(name);
  if (imported) return resolveExport(imported.file, imported.name);
  return null;
}

function resolveExport(file, name) {
  const info = files.get(file);
  if (!info) return null;
  const local = info.exports.get(name);
  if (local && info.decls.has(local)) return { file, local, decl: info.decls.get(local) };
  return resolve(file, name);
}

// The definition name of a symbol: its qualified exported name (IoK8sApiCoreV1Container) when it has one, otherwise
// its path in the package (networking.istio.io/v1/VirtualService).
const symbolNames = new Map();
function symbolName(sym) {
  const key = sym.file + "#" + sym.local;
  if (symbolNames.has(key)) return symbolNames.get(key);
  const info = files.get(sym.file);
  let qualified = null;
  for (const [exported, local] of info.exports) {
    if (local === sym.local && exported !== local && /^I[A-Z]/.test(exported)) qualified = exported;
  }
  const name = qualified ? qualified.slice(1) : info.rel.replace(/\/[^/]+$/, "/") + sym.local.replace(/^I(?=[A-Z])/, "");
  symbolNames.set(key, name);
  return name;
}

const isBuiltIn = (sym) => builtInPackages.includes(files.get(sym.file).pkg);

// The KubernetesClient model class of a built-in type (IoK8sApiCoreV1Container -> V1Container).
function modelClass(name) {
  const m = /^IoK8s(?:Api|Apimachinery|KubeAggregator)\w*?(V\d+(?:alpha\d+|beta\d+)?[A-Z]\w*)$/.exec(name);
  return m ? m[1] : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Shapes: an object type with its properties merged over extends, intersections and one-of unions.
function interfaceShape(sym, seen = new Set()) {
  const key = sym.file + "#" + sym.local;
  if (seen.has(key)) return { props: new Map(), index: null };
  seen.add(key);
  const shape = { props: new Map(), index: null };
  for (const base of sym.decl.bases ?? []) {
    const b = resolve(sym.file, base);
    if (!b) throw new Error(`cannot resolve base ${base} of ${sym.local} in ${sym.file}`);
    const baseShape = b.decl.kind === "interface" ? interfaceShape(b, seen) : shapeOf(b.decl.type, b.file);
    if (!baseShape) throw new Error(`base ${base} of ${sym.local} in ${sym.file} is not an object type`);
    mergeInto(shape, baseShape);
  }
  mergeInto(shape, objectShape(sym.decl.type, sym.file));
  return shape;
}

function objectShape(type, file) {
  const props = new Map();
  for (const p of type.object) props.set(p.name, { type: p.type, optional: p.optional, file });
  return { props, index: type.index ? { type: type.index, file } : null };
}

function mergeInto(target, source) {
  for (const [name, p] of source.props) {
    const existing = target.props.get(name);
    target.props.set(name, existing ? { ...existing, optional: existing.optional && p.optional } : p);
  }
  if (source.index) target.index = source.index;
}

// The object shape of a type expression, or null when it is not (only) an object.
function shapeOf(type, file) {
  if (type.object) return objectShape(type, file);
  if (type.name === "Exclude" || type.name === "Omit" || type.name === "Partial" || type.name === "Required") {
    return shapeOf(type.args[0], file);
  }
  if (type.name && !type.args) {
    const sym = resolve(file, type.name);
    if (!sym) return null;
    if (sym.decl.kind === "interface") return interfaceShape(sym);
    return shapeOf(sym.decl.type, sym.file);
  }
  if (type.intersection) {
    const shapes = type.intersection.map((t) => shapeOf(t, file));
    if (shapes.some((s) => !s)) return null;
    const merged = { props: new Map(), index: null };
    for (const s of shapes) mergeInto(merged, s);
    return merged;
  }
  if (type.union) {
    const members = type.union.filter((t) => t.name !== "null" && t.name !== "undefined");
    const shapes = members.map((t) => shapeOf(t, file));
    if (shapes.some((s) => !s)) return null;
    // A one-of: every branch's properties; required only where every branch requires it.
    const merged = { props: new Map(), index: null };
    for (const s of shapes) {
      for (const [name, p] of s.props) {
        if (!merged.props.has(name)) merged.props.set(name, { ...p, optional: !shapes.every((o) => o.props.has(name) && !o.props.get(name).optional) });
      }
      if (s.index) merged.index = s.index;
    }
    return merged;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Describing types (see TYPE above). `full` is false for built-in kinds, whose definitions keep only what leads to
// required fields (the KubernetesClient models give the rest).
const definitions = {}; // required-only definitions of built-in kinds: name -> { required, properties }
const fullDefinitions = {}; // custom resources: name -> { required, properties }
const inProgress = new Set();

function describe(type, file, full, context) {
  if (type.union) {
    const members = type.union.filter((t) => t.name !== "null" && t.name !== "undefined");
    if (members.length === 1) return describe(members[0], file, full, context);
    if (members.every((t) => t.literal !== undefined)) return full ? "enum:" + members.map((t) => t.literal).join("|") : "string";
    if (members.every((t) => t.boolean !== undefined)) return "boolean";
    if (members.every((t) => t.number !== undefined)) return "number";
    const kinds = new Set(members.map((t) => scalarKind(t, file)));
    if (kinds.size === 1 && !kinds.has(null)) return [...kinds][0];
    if (kinds.size === 2 && kinds.has("number") && kinds.has("string")) return "int-or-string";
    if (!kinds.has(null) || !full) return "any";
    const shape = shapeOf(type, file);
    return shape ? defineShape(context, shape, full) : "any";
  }
  if (type.intersection) {
    const shape = shapeOf(type, file);
    return shape ? (full ? defineShape(context, shape, full) : "any") : "any";
  }
  if (type.literal !== undefined) return full ? "enum:" + type.literal : "string";
  if (type.number !== undefined) return "number";
  if (type.boolean !== undefined) return "boolean";
  if (type.array) return "[]" + describe(type.array, file, full, context);
  if (type.indexed) {
    const shape = shapeOf(type.indexed, file);
    const p = shape?.props.get(type.key);
    return p ? describe(p.type, p.file, full, context) : "any";
  }
  if (type.object) {
    if (type.object.length === 0) return type.index ? "{}" + describe(type.index, file, full, context) : "any";
    return full ? defineShape(context, objectShape(type, file), full) : "any";
  }
  if (type.name === "Record") return "{}" + describe(type.args[1], file, full, context);
  if (type.args) {
    const shape = shapeOf(type, file);
    return shape && full ? defineShape(context, shape, full) : "any";
  }
  switch (type.name) {
    case "string": return "string";
    case "number": return "number";
    case "boolean": return "boolean";
    case "any": case "unknown": case "object": case "null": case "undefined": return "any";
  }
  const sym = resolve(file, type.name);
  if (!sym) return "any";
  const name = symbolName(sym);
  if (sym.decl.kind === "alias") {
    if (/Quantity$/.test(name)) return "quantity";
    if (/IntOrString$/.test(name)) return "int-or-string";
    return describe(sym.decl.type, sym.file, full, name);
  }
  const shape = interfaceShape(sym);
  if (shape.props.size === 0) return shape.index ? "{}" + describe(shape.index.type, shape.index.file, full, name) : "any";
  if (full && isBuiltIn(sym) && modelClass(name)) return "Model:" + modelClass(name);
  define(name, shape, full);
  return "Def:" + name;
}

// The scalar a type stands for ("string", "number", "boolean"), or null when it is not a scalar.
function scalarKind(type, file) {
  if (type.literal !== undefined || type.name === "string") return "string";
  if (type.number !== undefined || type.name === "number") return "number";
  if (type.boolean !== undefined || type.name === "boolean") return "boolean";
  if (type.name && !type.args) {
    const sym = resolve(file, type.name);
    if (sym && sym.decl.kind === "alias") {
      const d = describe(sym.decl.type, sym.file, false, "");
      return d === "string" || d === "number" || d === "boolean" ? d : null;
    }
  }
  return null;
}

function defineShape(name, shape, full) {
  define(name, shape, full);
  return "Def:" + name;
}

function define(name, shape, full) {
  const isKind = kindNames.has(name);
  const key = name + (full ? "#full" : "");
  if (inProgress.has(key)) return;
  inProgress.add(key);
  const def = { required: [], properties: {} };
  for (const [prop, p] of shape.props) {
    // A kind's apiVersion and kind are checked before its schema is chosen.
    if (isKind && (prop === "apiVersion" || prop === "kind")) {
      if (full) def.properties[prop] = "string";
      continue;
    }
    // Status is written by controllers, never by a chart: leave it (and everything under it) out.
    if (prop === "status" && (isKind || /Status$/.test(p.type.name ?? ""))) continue;
    if (!p.optional) def.required.push(prop);
    def.properties[prop] = describe(p.type, p.file, full, name + "." + prop);
  }
  def.required.sort();
  (full ? fullDefinitions : definitions)[name] = def;
}

// ---------------------------------------------------------------------------------------------------------------
// Roots: every interface that fixes apiVersion and kind to literals (lists left out).
const kinds = {}; // gvk -> definition name
const customKinds = new Set();
const rootSymbols = new Map();
for (const [file, info] of files) {
  for (const [local, decl] of info.decls) {
    if (decl.kind !== "interface") continue;
    const props = decl.type.object;
    const apiVersion = props.find((p) => p.name === "apiVersion")?.type.literal;
    const kind = props.find((p) => p.name === "kind")?.type.literal;
    if (!apiVersion || !kind || kind.endsWith("List")) continue;
    const sym = { file, local, decl };
    const custom = customPackages.includes(info.pkg);
    const gvk = `${apiVersion}/${kind}`;
    if (kinds[gvk]) throw new Error(`${gvk} is declared twice`);
    kinds[gvk] = symbolName(sym);
    if (custom) customKinds.add(gvk);
    rootSymbols.set(gvk, sym);
  }
}
const kindNames = new Set(Object.values(kinds));
for (const gvk of Object.keys(kinds).sort()) {
  const sym = rootSymbols.get(gvk);
  define(kinds[gvk], interfaceShape(sym), customKinds.has(gvk));
}

// Prune the required-only definitions to what leads to a required field.
const leads = new Map();
function leadsToRequired(name, seen = new Set()) {
  if (leads.has(name)) return leads.get(name);
  if (seen.has(name)) return false;
  seen.add(name);
  const def = definitions[name];
  let result = def.required.length > 0;
  for (const type of Object.values(def.properties)) {
    const ref = /Def:(\w+)$/.exec(type);
    if (ref && leadsToRequired(ref[1], seen)) result = true;
  }
  leads.set(name, result);
  return result;
}
for (const name of Object.keys(definitions)) leadsToRequired(name);
const builtInKindNames = new Set(Object.entries(kinds).filter(([gvk]) => !customKinds.has(gvk)).map(([, name]) => name));
const requiredOnly = {};
for (const name of Object.keys(definitions).sort()) {
  const def = definitions[name];
  if (!leads.get(name) && !builtInKindNames.has(name)) continue;
  const properties = {};
  for (const [prop, type] of Object.entries(def.properties)) {
    const ref = /Def:(\w+)$/.exec(type);
    if (ref && leads.get(ref[1])) properties[prop] = type;
  }
  requiredOnly[name] = { required: def.required, properties };
}

const compact = (def) => {
  const o = {};
  if (def.required.length) o.required = def.required;
  if (Object.keys(def.properties).length) o.properties = def.properties;
  return o;
};
const write = (file, value) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 0).replace(/\},"/g, '},\n"') + "\n");
};

// One file per group of custom resources: every definition its kinds reach (shared ones are repeated per group).
const groupOf = (gvk) => (gvk.split("/").length === 3 ? gvk.split("/")[0] : "");
const groups = new Map();
for (const gvk of [...customKinds].sort()) {
  if (!groups.has(groupOf(gvk))) groups.set(groupOf(gvk), new Set());
  const reached = groups.get(groupOf(gvk));
  const queue = [kinds[gvk]];
  while (queue.length) {
    const name = queue.pop();
    if (reached.has(name)) continue;
    reached.add(name);
    for (const type of Object.values(fullDefinitions[name].properties)) {
      const ref = /Def:(.+)$/.exec(type);
      if (ref) queue.push(ref[1]);
    }
  }
}
const crdDir = path.join(outDir, "CustomResources");
fs.rmSync(crdDir, { recursive: true, force: true });
for (const [group, names] of groups) {
  write(path.join(crdDir, group + ".json"), {
    definitions: Object.fromEntries([...names].sort().map((n) => [n, compact(fullDefinitions[n])])),
  });
}

const source = [...builtInPackages.filter((p) => p === "kubernetes-models"), ...customPackages]
  .map((p) => `${p}@${versionOf(p)}`).join(", ");
write(path.join(outDir, "kubernetes-required-fields.json"), {
  source: `${source} (npm, MIT); generated by eng/generate-kubernetes-required-fields.mjs`,
  kinds: Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => a.localeCompare(b))),
  full: [...customKinds].sort(),
  definitions: Object.fromEntries(Object.keys(requiredOnly).sort().map((k) => [k, compact(requiredOnly[k])])),
});
