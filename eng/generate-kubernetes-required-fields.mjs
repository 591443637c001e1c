#!/usr/bin/env node
// Generates sdk/core/WellTrack.Core/Validation/Schema/kubernetes-required-fields.json, the small resource the chart
// validator reads for what the KubernetesClient models do not say:
//   - required fields of every built-in Kubernetes kind (the C# models carry structure and types, not "required");
//   - the full structure (properties, types, enums, required) of the custom resources WellTrack charts use:
//     external-secrets.io/v1 ExternalSecret and ClusterExternalSecret, cert-manager.io/v1 Certificate,
//     CertificateRequest, Issuer and ClusterIssuer.
//
// Source: the TypeScript declarations (.d.ts) of the MIT-licensed npm packages kubernetes-models@5.1.0 (Kubernetes
// OpenAPI), @kubernetes-models/external-secrets@2.0.0 and @kubernetes-models/cert-manager@6.0.0 (their CRD schemas).
// A property without "?" is required. The packages want Node 22; on Node 20 install them with engine checks off:
//
//   dir=$(mktemp -d) && (cd "$dir" && npm install --no-save --engine-strict=false --no-audit --no-fund \
//       kubernetes-models@5.1.0 @kubernetes-models/external-secrets@2.0.0 @kubernetes-models/cert-manager@6.0.0)
//   node eng/generate-kubernetes-required-fields.mjs "$dir/node_modules" \
//       > sdk/core/WellTrack.Core/Validation/Schema/kubernetes-required-fields.json
//
// Output format (kept small: built-in definitions carry only what leads to a required field):
//   { "source": "...", "kinds": { "apps/v1/Deployment": "IoK8sApiAppsV1Deployment", ... },
//     "full": [ "external-secrets.io/v1/ExternalSecret", ... ],       // kinds whose structure comes from here
//     "definitions": { "Name": { "required": [..], "properties": { "prop": TYPE } } } }
//   TYPE: "string" | "number" | "boolean" | "any" | "int-or-string" | "quantity" | "Def:<name>" | "[]" + TYPE |
//         "{}" + TYPE | "enum:a|b|c"
import fs from "node:fs";
import path from "node:path";

const root = process.argv[2];
if (!root) {
  console.error("usage: generate-kubernetes-required-fields.mjs <node_modules>");
  process.exit(2);
}

const packages = [
  "kubernetes-models",
  "@kubernetes-models/apimachinery",
  "@kubernetes-models/external-secrets",
  "@kubernetes-models/cert-manager",
];
const fullKinds = new Set([
  "external-secrets.io/v1/ExternalSecret",
  "external-secrets.io/v1/ClusterExternalSecret",
  "cert-manager.io/v1/Certificate",
  "cert-manager.io/v1/CertificateRequest",
  "cert-manager.io/v1/Issuer",
  "cert-manager.io/v1/ClusterIssuer",
]);
const fullGroups = new Set(["external-secrets.io", "cert-manager.io"]);

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "_schemas") yield* walk(full);
    } else if (entry.name.endsWith(".d.ts")) {
      yield full;
    }
  }
}

// Global registry: qualified name (IIoK8sApiAppsV1DeploymentSpec) -> { kind: "interface", body } | { kind: "alias", text }
const registry = new Map();
const stripComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
for (const pkg of packages) {
  const dir = path.join(root, pkg);
  for (const file of walk(dir)) {
    const text = stripComments(fs.readFileSync(file, "utf8"));
    const local = new Map();
    for (const m of text.matchAll(/^export interface (\w+)(?: extends [\w, ]+)? \{\n([\s\S]*?)^\}/gm)) {
      local.set(m[1], { kind: "interface", body: m[2] });
    }
    for (const m of text.matchAll(/^export type (\w+) = ([\s\S]*?);\n/gm)) {
      local.set(m[1], { kind: "alias", text: m[2] });
    }
    for (const m of text.matchAll(/^export type \{ ([^}]*) \};/gm)) {
      for (const pair of m[1].split(",")) {
        const [from, to] = pair.trim().split(/\s+as\s+/);
        if (to && local.has(from) && !registry.has(to)) registry.set(to, local.get(from));
      }
    }
  }
}

// A tiny parser of the TypeScript type expressions these declarations use.
function parseType(text) {
  let pos = 0;
  const ws = () => { while (pos < text.length && /\s/.test(text[pos])) pos++; };
  const union = () => {
    const parts = [primary()];
    ws();
    while (text[pos] === "|") { pos++; parts.push(primary()); ws(); }
    return parts.length === 1 ? parts[0] : { union: parts };
  };
  const primary = () => {
    ws();
    let result;
    if (text[pos] === '"') {
      const end = text.indexOf('"', pos + 1);
      result = { literal: text.slice(pos + 1, end) };
      pos = end + 1;
    } else if (text[pos] === "{") {
      pos++;
      ws();
      if (text.startsWith("[key: string]:", pos)) {
        pos += "[key: string]:".length;
        const value = union();
        ws(); if (text[pos] === ";") pos++; ws();
        pos++; // }
        result = { map: value };
      } else {
        const props = [];
        while (text[pos] !== "}") {
          const m = /^"([^"]*)"(\?)?:/.exec(text.slice(pos)) || /^(\w+)(\?)?:/.exec(text.slice(pos));
          if (!m) throw new Error("cannot parse object type at: " + text.slice(pos, pos + 60));
          pos += m[0].length;
          const type = union();
          props.push({ name: m[1], optional: !!m[2], type });
          ws(); if (text[pos] === ";") pos++; ws();
        }
        pos++;
        result = { object: props };
      }
    } else {
      const m = /^[\w.]+/.exec(text.slice(pos));
      if (!m) throw new Error("cannot parse type at: " + text.slice(pos, pos + 60));
      pos += m[0].length;
      if (m[0] === "Array" && text[pos] === "<") {
        pos++;
        const item = union();
        ws(); pos++; // >
        result = { array: item };
      } else if (text[pos] === "[" && text[pos + 1] === '"') {
        const end = text.indexOf("]", pos);
        result = { indexed: m[0], key: text.slice(pos + 2, end - 1) };
        pos = end + 1;
      } else {
        result = { name: m[0] };
      }
    }
    ws();
    while (text.startsWith("[]", pos)) { pos += 2; result = { array: result }; ws(); }
    return result;
  };
  const t = union();
  return t;
}

function parseInterface(body) {
  return parseType("{" + body + "}").object;
}

const definitions = {};
const kinds = {};

function defName(qualified) { return qualified.replace(/^I(?=[A-Z])/, ""); }

// Describes a type; registers referenced definitions (full or required-only) on the way.
function describe(type, full) {
  if (type.union) {
    const parts = type.union;
    if (parts.every((p) => p.literal !== undefined)) return full ? "enum:" + parts.map((p) => p.literal).join("|") : "string";
    const names = parts.map((p) => p.name).filter(Boolean).sort().join("|");
    if (names === "number|string") return "int-or-string";
    if (names.includes("null")) return describe(parts.find((p) => p.name !== "null"), full);
    return "any";
  }
  if (type.literal !== undefined) return full ? "enum:" + type.literal : "string";
  if (type.array) return "[]" + describe(type.array, full);
  if (type.map) return "{}" + describe(type.map, full);
  if (type.object) return "any"; // no inline object types in the selected packages; keep permissive if one appears
  if (type.indexed) return "string";
  switch (type.name) {
    case "string": return "string";
    case "number": return "number";
    case "boolean": return "boolean";
    case "any": case "unknown": case "object": case "null": return "any";
  }
  const entry = registry.get(type.name);
  if (!entry) return "any";
  if (entry.kind === "alias") {
    const aliased = parseType(entry.text);
    if (/Quantity$/.test(type.name)) return "quantity";
    if (/IntOrString$/.test(type.name)) return "int-or-string";
    return describe(aliased, full);
  }
  const name = defName(type.name);
  define(name, entry, full);
  return "Def:" + name;
}

const inProgress = new Set();
function define(name, entry, full) {
  const key = name + (full ? "#full" : "");
  if (inProgress.has(key)) return;
  inProgress.add(key);
  const props = parseInterface(entry.body);
  const existing = definitions[name];
  const def = { required: props.filter((p) => !p.optional && p.name !== "apiVersion" && p.name !== "kind").map((p) => p.name).sort(), properties: {} };
  for (const p of props) {
    if (p.name === "apiVersion" || p.name === "kind") {
      if (full) def.properties[p.name] = "string";
      continue;
    }
    // Status is written by controllers, never by a chart: leave it (and everything under it) out.
    if (p.name === "status" && p.type.name && /Status$/.test(p.type.name)) continue;
    def.properties[p.name] = describe(p.type, full);
  }
  if (existing && existing.full && !full) return;
  def.full = full;
  definitions[name] = def;
}

// Roots: every interface that fixes apiVersion and kind to literals.
for (const [qualified, entry] of registry) {
  if (entry.kind !== "interface" || !/^I(IoK8s|Com|IoCertManager|IoJetstack)/.test(qualified)) continue;
  const props = parseInterface(entry.body);
  const apiVersion = props.find((p) => p.name === "apiVersion")?.type.literal;
  const kind = props.find((p) => p.name === "kind")?.type.literal;
  if (!apiVersion || !kind || kind.endsWith("List")) continue;
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  const gvk = `${apiVersion}/${kind}`;
  if (fullGroups.has(group) && !fullKinds.has(gvk)) continue;
  if (!fullGroups.has(group) && !qualified.startsWith("IIoK8s")) continue;
  kinds[gvk] = defName(qualified);
}
for (const gvk of Object.keys(kinds).sort()) {
  if (fullKinds.has(gvk)) define(kinds[gvk], registry.get("I" + kinds[gvk]), true);
}
for (const gvk of Object.keys(kinds).sort()) {
  if (!fullKinds.has(gvk)) define(kinds[gvk], registry.get("I" + kinds[gvk]), false);
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
const out = {};
for (const name of Object.keys(definitions).sort()) {
  const def = definitions[name];
  if (!def.full) {
    if (!leads.get(name) && !Object.values(kinds).includes(name)) continue;
    const properties = {};
    for (const [prop, type] of Object.entries(def.properties)) {
      const ref = /Def:(\w+)$/.exec(type);
      if (ref && leads.get(ref[1])) properties[prop] = type;
    }
    out[name] = { required: def.required, properties };
  } else {
    out[name] = { required: def.required, properties: def.properties, full: true };
  }
}
// Full definitions may reference required-only ones (shared Kubernetes types): those must be full too.
let changed = true;
while (changed) {
  changed = false;
  for (const def of Object.values(out)) {
    if (!def.full) continue;
    for (const type of Object.values(def.properties)) {
      const ref = /Def:(\w+)$/.exec(type);
      if (ref && (!out[ref[1]] || !out[ref[1]].full)) {
        define(ref[1], registry.get("I" + ref[1]), true);
        const d = definitions[ref[1]];
        out[ref[1]] = { required: d.required, properties: d.properties, full: true };
        changed = true;
      }
    }
  }
}

const sortedKinds = Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => a.localeCompare(b)));
const result = {
  source: "kubernetes-models@5.1.0, @kubernetes-models/external-secrets@2.0.0, @kubernetes-models/cert-manager@6.0.0 (npm, MIT); generated by eng/generate-kubernetes-required-fields.mjs",
  kinds: sortedKinds,
  full: [...fullKinds].sort(),
  definitions: Object.fromEntries(Object.keys(out).sort().map((k) => {
    const d = out[k];
    const o = {};
    if (d.full) o.full = true;
    if (d.required.length) o.required = d.required;
    if (Object.keys(d.properties).length) o.properties = d.properties;
    return [k, o];
  })),
};
process.stdout.write(JSON.stringify(result, null, 0).replace(/\},"/g, '},\n"') + "\n");
