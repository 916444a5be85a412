// Validates FHIR R4B JSON by the standard's own artefacts, not by the code that wrote it:
// the official JSON schema of hl7.fhir.r4b.core 4.3.0 (Ajv) and a walk of each resource
// along the package's StructureDefinitions (cardinality, required bindings against the
// package's ValueSets and CodeSystems, extension contexts, every FHIRPath invariant through
// fhirpath.js with its R4 model). Every version is pinned by package-lock.json.
//
//   node validate.mjs INPUT.json REPORT.json   INPUT: {"documents": [{name, body}],
//                                              "definitions": [...]}; REPORT: issues, counts
//   node validate.mjs --self-test  broken resources must raise every class of error (every
//                                  run with INPUT does this first and fails if they do not)
//
// `definitions` are StructureDefinitions and CodeSystems a server publishes beside the core
// ones (Medius' own extensions and codes): an extension is checked against its definition
// wherever found (its context, its value, a complex one's parts), and a coding of a
// complete CodeSystem against its codes. An extension whose definition is found in neither
// is a warning (`unknown-extension`), not an error, as the HL7 validator treats an
// unresolvable extension by default. Writes a JSON report (issues; errors and warnings counted by class)
// and prints a one-line summary; exit status 0 whatever it found (the caller asserts), 2 on
// unusable input.
import { createRequire } from "node:module";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const Ajv = require("ajv");
const draft06 = require("ajv/dist/refs/json-schema-draft-06.json");
const fhirpath = require("fhirpath");
const r4Model = require("fhirpath/fhir-context/r4");

const CORE = dirname(require.resolve("hl7.fhir.r4b.core/package.json"));
const FHIR_TYPE = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type";
const SYSTEM_TYPE = "http://hl7.org/fhirpath/System.";
const XHTML = "http://www.w3.org/1999/xhtml";
const CORE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/";
export const ERROR_CLASSES = [
  "schema",
  "cardinality",
  "binding",
  "code",
  "extension-context",
  "invariant",
];

// --- the package ----------------------------------------------------------------------------

const coreFiles = new Set(readdirSync(CORE));
const readCore = (file) => JSON.parse(readFileSync(join(CORE, file), "utf8"));

function unversioned(canonical) {
  return canonical.split("|")[0];
}

// Every ValueSet and CodeSystem of the package by canonical URL (~0.1 s to read them all).
const valueSets = new Map();
const codeSystems = new Map();
for (const file of coreFiles) {
  if (file.startsWith("ValueSet-")) {
    const vs = readCore(file);
    valueSets.set(vs.url, vs);
  } else if (file.startsWith("CodeSystem-")) {
    const cs = readCore(file);
    codeSystems.set(cs.url, cs);
  }
}

// StructureDefinitions: the core ones by type name or URL, read on first use; a server's
// own (the `definitions` of the input) by URL.
const definitionsByUrl = new Map();
function structure(typeOrUrl) {
  const key = typeOrUrl.startsWith("http") ? unversioned(typeOrUrl) : typeOrUrl;
  if (definitionsByUrl.has(key)) return definitionsByUrl.get(key);
  let found = null;
  const id = key.startsWith(CORE_EXTENSION)
    ? key.slice(CORE_EXTENSION.length)
    : key.startsWith("http")
      ? null
      : key;
  if (id !== null && coreFiles.has(`StructureDefinition-${id}.json`)) {
    found = readCore(`StructureDefinition-${id}.json`);
  }
  definitionsByUrl.set(key, found);
  return found;
}

// Per StructureDefinition: its snapshot's elements by parent path (slices left out).
const childrenCache = new WeakMap();
function childrenOf(sd, path) {
  let byParent = childrenCache.get(sd);
  if (!byParent) {
    byParent = new Map();
    for (const element of sd.snapshot?.element ?? []) {
      if (element.sliceName || !element.path.includes(".")) continue;
      const parent = element.path.slice(0, element.path.lastIndexOf("."));
      if (!byParent.has(parent)) byParent.set(parent, []);
      byParent.get(parent).push(element);
    }
    childrenCache.set(sd, byParent);
  }
  return byParent.get(path) ?? [];
}

function rootElement(sd) {
  return sd.snapshot.element[0];
}

// A type's ancestors, itself first: Duration, Quantity, Element; Patient, DomainResource, Resource.
function lineage(type) {
  const chain = [type];
  let current = type;
  while (r4Model.type2Parent[current]) {
    current = r4Model.type2Parent[current];
    chain.push(current);
  }
  return chain;
}

function typeCode(type) {
  if (type.code.startsWith(SYSTEM_TYPE)) {
    const fhirType = type.extension?.find((e) => e.url === FHIR_TYPE);
    return fhirType ? fhirType.valueUrl : "string";
  }
  return type.code;
}

const isPrimitive = (type) => /^[a-z]/.test(type);

// --- terminology ----------------------------------------------------------------------------

function conceptsOf(codeSystem) {
  const codes = new Map();
  const walk = (concepts) => {
    for (const c of concepts ?? []) {
      codes.set(c.code, c.display);
      walk(c.concept);
    }
  };
  walk(codeSystem.concept);
  return codes;
}

const systemConcepts = new Map();
// A CodeSystem's codes (code -> display) when the package holds all of them, else null.
function knownCodes(system) {
  if (!systemConcepts.has(system)) {
    const cs = codeSystems.get(system);
    systemConcepts.set(system, cs && cs.content === "complete" ? conceptsOf(cs) : null);
  }
  return systemConcepts.get(system);
}

const expansions = new Map();
// A ValueSet's members as "system|code" strings, or null when the package cannot expand it
// (an external code system: UCUM, BCP-47, MIME types, IANA time zones, ...).
function expand(canonical) {
  const url = unversioned(canonical);
  if (expansions.has(url)) return expansions.get(url);
  expansions.set(url, null); // a cycle expands to "unknown"
  const vs = valueSets.get(url);
  let members = vs ? new Set() : null;
  const include = (part) => {
    if (part.filter?.length) return false;
    let codes = null;
    if (part.system) {
      if (part.concept) codes = new Set(part.concept.map((c) => `${part.system}|${c.code}`));
      else {
        const all = knownCodes(part.system);
        if (!all) return false;
        codes = new Set([...all.keys()].map((c) => `${part.system}|${c}`));
      }
    }
    for (const nested of part.valueSet ?? []) {
      const inner = expand(nested);
      if (!inner) return false;
      codes = codes ? new Set([...codes].filter((c) => inner.has(c))) : new Set(inner);
    }
    return codes;
  };
  for (const part of vs?.compose?.include ?? []) {
    const codes = include(part);
    if (!codes) {
      members = null;
      break;
    }
    for (const c of codes) members.add(c);
  }
  for (const part of members ? (vs.compose.exclude ?? []) : []) {
    const codes = include(part);
    if (!codes) {
      members = null;
      break;
    }
    for (const c of codes) members.delete(c);
  }
  expansions.set(url, members);
  return members;
}

// The code systems a ValueSet draws from (null when one include names none): a coding of
// any other system is outside it, even where the package cannot list its codes.
function systemsOf(canonical, seen = new Set()) {
  const url = unversioned(canonical);
  if (seen.has(url)) return new Set();
  seen.add(url);
  const vs = valueSets.get(url);
  if (!vs) return null;
  const systems = new Set();
  for (const part of vs.compose?.include ?? []) {
    if (part.system) {
      systems.add(part.system);
      continue;
    }
    for (const nested of part.valueSet ?? []) {
      const inner = systemsOf(nested, seen);
      if (!inner) return null;
      for (const system of inner) systems.add(system);
    }
    if (!part.valueSet?.length) return null;
  }
  return systems;
}

// --- FHIRPath -------------------------------------------------------------------------------

// The core invariants' regular expressions are written for XML Schema and Java, where `\@`
// and a lone `]` are literal; fhirpath.js's matches() compiles them with JavaScript's `u`
// flag, which refuses both (eld-16, eld-19, eld-20 could not be evaluated). This one falls
// back to a pattern without `u`, where they mean what the spec means.
function matches(inputs, regex, flags = "") {
  if (inputs.length !== 1 || typeof inputs[0] !== "string" || regex === undefined) return [];
  let pattern;
  try {
    pattern = new RegExp(regex, `su${flags}`);
  } catch {
    pattern = new RegExp(regex, `s${flags}`);
  }
  return [pattern.test(inputs[0])];
}
const FHIRPATH_OPTIONS = {
  userInvocationTable: {
    matches: { fn: matches, arity: { 1: ["String"], 2: ["String", "String"] } },
  },
  traceFn: () => {}, // the invariants trace() their workings: not ours to print
};

const compiled = new Map();
function invariant(base, expression) {
  const key = `${base}\n${expression}`;
  if (!compiled.has(key)) {
    try {
      compiled.set(key, fhirpath.compile({ base, expression }, r4Model, FHIRPATH_OPTIONS));
    } catch (error) {
      compiled.set(key, error);
    }
  }
  return compiled.get(key);
}

// --- the report -----------------------------------------------------------------------------

class Report {
  constructor() {
    this.issues = [];
    this.resources = 0;
    this.invariantsEvaluated = 0;
    this.bindingsUnchecked = new Set();
    // What a resource's walk found, by its JSON text: the same resource read on both bases,
    // in a search and in `$everything` is walked once (paths relative to the resource).
    this.walked = new Map();
  }
  add(severity, kind, where, message) {
    this.issues.push({ severity, class: kind, ...where, message });
  }
  counts(severity) {
    const out = {};
    for (const issue of this.issues) {
      if (issue.severity === severity) out[issue.class] = (out[issue.class] ?? 0) + 1;
    }
    return out;
  }
}

// --- the JSON schema ------------------------------------------------------------------------

function schemaValidators() {
  // The package's schema names itself with draft-04's `id`; Ajv 8 wants `$id`.
  const schema = structuredClone(readCore("openapi/fhir.schema.json"));
  schema.$id = schema.id;
  delete schema.id;
  // A resource inside another (a Bundle entry, a contained one) is checked against its own
  // type when the walk reaches it: here it is any object, so a Bundle's validator does not
  // compile every resource type (a second saved) nor repeat their errors through a oneOf.
  schema.definitions.ResourceList = { type: "object" };
  // Validators are compiled per type, on first use: the root's oneOf over every type would
  // compile them all (seconds), and the package's schema needs no meta-validation here.
  delete schema.oneOf;
  delete schema.discriminator;
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  ajv.addMetaSchema(draft06);
  ajv.addSchema(schema);
  return (type) => ajv.getSchema(`${schema.$id}#/definitions/${type}`);
}
let schemaFor = null;

function checkSchema(resource, where, report) {
  schemaFor ??= schemaValidators();
  const validate = schemaFor(resource.resourceType);
  if (!validate) {
    report.add("error", "schema", where, `unknown resourceType ${resource.resourceType}`);
    return;
  }
  if (validate(resource)) return;
  for (const error of validate.errors) {
    const extra = error.params.additionalProperty ? ` (${error.params.additionalProperty})` : "";
    // The JSON pointer as the walk names places: /entry/0/resource -> .entry[0].resource
    const steps = error.instancePath.split("/").slice(1);
    const tail = steps.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join("");
    const at = { ...where, path: where.path + tail };
    report.add("error", "schema", at, error.message + extra);
  }
}

// --- the StructureDefinition walk -----------------------------------------------------------

const capitalized = (text) => text[0].toUpperCase() + text.slice(1);

// The JSON properties an element takes: [property, type] (a choice `value[x]` one per type).
function properties(element, node) {
  const name = element.path.slice(element.path.lastIndexOf(".") + 1);
  if (element.contentReference) return [[name, null]];
  const types = (element.type ?? []).map(typeCode);
  if (!name.endsWith("[x]")) return [[name, types[0]]];
  const stem = name.slice(0, -3);
  return types
    .map((t) => [stem + capitalized(t), t])
    .filter(([key]) => key in node || `_${key}` in node);
}

function asList(value) {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

// The extension's definition may be used here: `hosts` names the element (its path and its
// type's lineage), `parentExtension` the URL of an enclosing extension.
function contextAllows(definition, hosts, parentExtension) {
  return (definition.context ?? []).some((context) =>
    context.type === "extension"
      ? context.expression === parentExtension
      : context.type === "element" && hosts.has(context.expression),
  );
}

class Walk {
  constructor(report, document) {
    this.report = report;
    this.document = document;
  }

  where(path) {
    return { document: this.document, path };
  }

  error(kind, path, message) {
    this.report.add("error", kind, this.where(path), message);
  }

  warn(kind, path, message) {
    this.report.add("warning", kind, this.where(path), message);
  }

  resource(resource, path) {
    const text = JSON.stringify(resource);
    const walked = this.report.walked.get(text);
    if (walked) {
      this.report.resources += walked.resources; // itself and those it holds (a Bundle's)
      for (const { relative, ...issue } of walked.issues) {
        this.report.issues.push({ ...issue, ...this.where(path + relative) });
      }
      return;
    }
    const [firstIssue, counted] = [this.report.issues.length, this.report.resources];
    this.report.resources += 1;
    this.walk(resource, path);
    const found = this.report.issues.slice(firstIssue).map(({ document, path: at, ...issue }) => ({
      ...issue,
      relative: at.slice(path.length),
    }));
    this.report.walked.set(text, { issues: found, resources: this.report.resources - counted });
  }

  walk(resource, path) {
    checkSchema(resource, this.where(path), this.report);
    const sd = structure(resource.resourceType);
    if (!sd) return; // the schema check has said so
    const type = resource.resourceType;
    const scope = { resource };
    this.node(resource, {
      sd,
      elementPath: type,
      fhirpathBase: type,
      rootedPath: type,
      hosts: new Set(lineage(type)),
      path,
      scope,
      parentExtension: null,
    });
    this.constraints(rootElement(sd).constraint, resource, type, path, scope);
  }

  // Invariants on `node`, evaluated with fhirpath.js where `base` says the node is.
  constraints(constraints, node, base, path, scope) {
    for (const constraint of constraints ?? []) {
      if (!constraint.expression) continue;
      const run = invariant(base, constraint.expression);
      this.report.invariantsEvaluated += 1;
      const where = this.where(path);
      let result;
      try {
        if (run instanceof Error) throw run;
        result = run(node, { resource: scope.resource, rootResource: scope.resource });
      } catch (error) {
        const message = String(error.message).split("\n")[0];
        this.report.add("warning", "invariant-unevaluable", where, `${constraint.key}: ${message}`);
        continue;
      }
      if (result.length === 1 && result[0] === true) continue;
      const severity = constraint.severity === "error" ? "error" : "warning";
      const kind = severity === "error" ? "invariant" : "invariant-warning";
      this.report.add(severity, kind, where, `${constraint.key}: ${constraint.human}`);
    }
  }

  // Every child element of `node` (at `context.elementPath` of `context.sd`): its
  // cardinality, then each of its values by type.
  node(node, context) {
    const { sd, elementPath, path } = context;
    for (const element of childrenOf(sd, elementPath)) {
      const name = element.path.slice(element.path.lastIndexOf(".") + 1);
      const min = element.min ?? 0;
      const max = element.max ?? "*";
      let present = 0;
      for (const [key, type] of properties(element, node)) {
        const values = asList(node[key]);
        const primitiveExtras = asList(node[`_${key}`]);
        const count = Math.max(values.length, primitiveExtras.length);
        present += count;
        const repeats = max !== "0" && max !== "1";
        if (key in node && Array.isArray(node[key]) !== repeats) {
          const shape = repeats ? "an array" : "a single value";
          this.error("cardinality", `${path}.${key}`, `FHIR JSON writes ${shape} here`);
        }
        if (count > 0) this.child(element, key, type, values, primitiveExtras, node, context);
      }
      // Counted over every property of a choice: valueInteger and valueString are two values.
      if (present < min || (max !== "*" && present > Number(max))) {
        this.error("cardinality", `${path}.${name}`, `${min}..${max}, found ${present}`);
      }
    }
  }

  child(element, key, type, values, primitiveExtras, parent, context) {
    const { scope } = context;
    const path = `${context.path}.${key}`;
    const elementName = element.path.slice(element.path.lastIndexOf(".") + 1);
    const fhirpathName = elementName.replace("[x]", "");
    const rootedPath = `${context.rootedPath}.${fhirpathName}`;
    const listed = Array.isArray(parent[key]) || Array.isArray(parent[`_${key}`]);
    const at = (i) => (listed ? `${path}[${i}]` : path);
    // The element's own invariants hold for each value: evaluated from the parent, which
    // sees a primitive's value and its `_key` sibling as one.
    if (element.constraint?.length) {
      // Backticks: an element may be named like an operator (Narrative.div).
      const name = `\`${fhirpathName}\``;
      const selector = elementName.endsWith("[x]") ? `${name}.ofType(${type})` : name;
      // fhirpath.js's hasValue() is false on any xhtml: ele-1 on a narrative's div is
      // "not empty", checked here instead.
      const engineCannot = (c) => type === "xhtml" && c.key === "ele-1";
      const each = element.constraint
        .filter((c) => c.expression && !engineCannot(c))
        .map((c) => ({ ...c, expression: `${selector}.all(${c.expression})` }));
      this.constraints(each, parent, context.fhirpathBase, path, scope);
      if (type === "xhtml" && values.some((v) => typeof v !== "string" || !v.trim())) {
        this.error("invariant", path, "ele-1: an empty narrative div");
      }
    }
    // The xhtml type's own rule, which the JSON schema (a string) cannot say: the root is a
    // <div> in the XHTML namespace (narrative.html), as the HL7 validator requires.
    const xhtmlRoot = new RegExp(`^<div\\s(?:[^>]*\\s)?xmlns="${XHTML.replaceAll(".", "\\.")}"`);
    if (type === "xhtml" && values.some((v) => typeof v === "string" && !xhtmlRoot.test(v))) {
      this.error("schema", path, `a narrative is a <div xmlns="${XHTML}">`);
    }
    if (["required", "extensible"].includes(element.binding?.strength)) {
      values.forEach((value, i) => this.binding(element, type, value, at(i)));
    }
    if (type !== null && isPrimitive(type)) {
      const hosts = new Set([element.path, rootedPath, ...lineage(type)]);
      primitiveExtras.forEach((extra, i) => {
        if (extra && extra.extension) this.extensions(extra.extension, hosts, at(i), scope, null);
      });
      return;
    }
    values.forEach((value, i) => {
      if (value === null || typeof value !== "object") return; // the schema says so
      const here = at(i);
      if (type === "Resource") {
        if (value.resourceType) this.resource(value, here);
        return;
      }
      if (type === "Extension") {
        this.extension(value, context.hosts, here, scope, context.parentExtension);
        return;
      }
      if (type === null || type === "BackboneElement" || type === "Element") {
        // A content reference (Questionnaire.item.item -> #Questionnaire.item) has the
        // elements of the element it names.
        const reference = element.contentReference;
        const target = type === null ? reference.slice(reference.indexOf("#") + 1) : element.path;
        this.node(value, {
          ...context,
          elementPath: target,
          fhirpathBase: target,
          rootedPath,
          hosts: new Set([element.path, rootedPath, ...lineage(type ?? "BackboneElement")]),
          path: here,
          parentExtension: null,
        });
        return;
      }
      const sd = structure(type);
      if (!sd) return;
      const root = rootElement(sd).path;
      this.node(value, {
        sd,
        elementPath: root,
        fhirpathBase: root,
        rootedPath,
        hosts: new Set([element.path, rootedPath, ...lineage(type)]),
        path: here,
        scope,
        parentExtension: null,
      });
      // The type's own invariants, less those the element repeats (ele-1, ext-1).
      const repeated = new Set((element.constraint ?? []).map((c) => c.key));
      const own = (rootElement(sd).constraint ?? []).filter((c) => !repeated.has(c.key));
      this.constraints(own, value, root, here, scope);
    });
  }

  extensions(list, hosts, path, scope, parentExtension) {
    asList(list).forEach((extension, i) =>
      this.extension(extension, hosts, `${path}.extension[${i}]`, scope, parentExtension, false),
    );
  }

  // One extension: its definition resolved by URL, the place it is used checked against the
  // definition's context, then walked as an Extension (its value, its own extensions).
  extension(extension, hosts, path, scope, parentExtension, asElement = true) {
    if (!extension || typeof extension.url !== "string") return; // the schema says so
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(extension.url);
    if (absolute) {
      const definition = structure(extension.url);
      if (!definition) {
        this.warn("unknown-extension", path, `no StructureDefinition for ${extension.url}`);
      } else if (!contextAllows(definition, hosts, parentExtension)) {
        const allowed = (definition.context ?? []).map((c) => c.expression).join(", ");
        const here = [...hosts].join(" / ");
        this.report.add(
          "error",
          "extension-context",
          this.where(path),
          `${extension.url} may be used on ${allowed}, not on ${here}`,
        );
      } else {
        this.extensionValue(extension, definition, path);
      }
    }
    const sd = structure("Extension");
    this.node(extension, {
      sd,
      elementPath: "Extension",
      fhirpathBase: "Extension",
      rootedPath: "Extension",
      hosts: new Set(lineage("Extension")),
      path,
      scope,
      parentExtension: absolute ? extension.url : parentExtension,
    });
    // ele-1 and ext-1 are checked already as the host's `extension` element's invariants
    // (not for a primitive's extensions: its `_name` object is not walked).
    const repeated = asElement ? ["ele-1", "ext-1"] : [];
    const own = (rootElement(sd).constraint ?? []).filter((c) => !repeated.includes(c.key));
    this.constraints(own, extension, "Extension", path, scope);
  }

  // An extension against its definition's elements (the snapshot, else the differential):
  // its value (`Extension.value[x]`: required or forbidden, of an allowed type) and, for a
  // complex one, each part against its slice (`Extension.extension:NAME`: a known name
  // unless the slicing is open, its own value, at most and at least as often as the slice
  // says). The HL7 validator checks the same against the definition a server publishes.
  extensionValue(extension, definition, path, prefix = "Extension") {
    const elements = definition.snapshot?.element ?? definition.differential?.element ?? [];
    const byId = new Map(elements.map((e) => [e.id, e]));
    const value = byId.get(`${prefix}.value[x]`);
    const given = Object.keys(extension).filter((k) => k.startsWith("value"));
    const what = prefix === "Extension" ? extension.url : `${definition.url}#${extension.url}`;
    if (value && value.max === "0" && given.length) {
      this.error("cardinality", path, `${what} takes no value, not ${given[0]}`);
    } else if (value && (value.min ?? 0) > 0 && !given.length) {
      this.error("cardinality", path, `${what} needs a value`);
    } else if (value?.type && given.length) {
      const allowed = value.type.map((t) => `value${capitalized(typeCode(t))}`);
      if (!allowed.includes(given[0])) {
        this.error("cardinality", path, `${what} takes ${allowed.join(" or ")}, not ${given[0]}`);
      }
    }
    const parts = asList(extension.extension);
    const nested = byId.get(`${prefix}.extension`);
    if (nested?.max === "0" && parts.length) {
      this.error("cardinality", path, `${what} takes no extensions`);
    }
    const isSlice = (e) => e.sliceName && e.id === `${prefix}.extension:${e.sliceName}`;
    const slices = elements.filter(isSlice);
    if (!slices.length) return;
    for (const slice of slices) {
      const found = parts.filter((part) => part?.url === slice.sliceName);
      const max = slice.max ?? "*";
      if (found.length < (slice.min ?? 0) || (max !== "*" && found.length > Number(max))) {
        const range = `${slice.min ?? 0}..${max}, found ${found.length}`;
        this.error("cardinality", path, `${what}: part ${slice.sliceName} ${range}`);
      }
    }
    const names = new Set(slices.map((e) => e.sliceName));
    const closed = nested?.slicing?.rules === "closed";
    parts.forEach((part, i) => {
      const here = `${path}.extension[${i}]`;
      if (!part || typeof part.url !== "string") return; // the schema says so
      if (names.has(part.url)) {
        this.extensionValue(part, definition, here, `${prefix}.extension:${part.url}`);
      } else if (closed) {
        this.error("cardinality", here, `${what} has no part ${part.url}`);
      } else if (!/^[a-z][a-z0-9+.-]*:/i.test(part.url)) {
        this.warn("unknown-extension", here, `${what} defines no part ${part.url}`);
      }
    });
  }


  // A required binding: the code (or one coding of the concept) is in the ValueSet, else an
  // error. An extensible one is a warning, as the HL7 validator has it: a code from
  // elsewhere is allowed only where the ValueSet has no suitable code, which no program can
  // judge.
  binding(element, type, value, path) {
    const { strength, valueSet } = element.binding;
    const vs = unversioned(valueSet);
    const members = expand(valueSet);
    const systems = members ? null : systemsOf(valueSet);
    // In the ValueSet: true, false, or null where the package cannot tell.
    const member = (system, code) => {
      if (members) return members.has(`${system}|${code}`);
      return systems && !systems.has(system) ? false : null;
    };
    let ok;
    if (type === "code" || type === "string" || type === "uri") {
      ok = members ? [...members].some((m) => m.endsWith(`|${value}`)) : null;
    } else if (type === "Coding") {
      ok = member(value.system, value.code);
    } else if (type === "CodeableConcept") {
      const found = (value.coding ?? []).map((c) => member(c.system, c.code));
      ok = found.includes(true) ? true : found.includes(null) ? null : false;
    } else {
      return;
    }
    if (ok === null) {
      if (strength === "required") this.report.bindingsUnchecked.add(vs);
      return;
    }
    if (ok) return;
    const shown = typeof value === "string" ? value : JSON.stringify(value);
    if (strength === "required") {
      this.error("binding", path, `${shown} is not in the required ValueSet ${vs}`);
    } else {
      this.warn("extensible-binding", path, `${shown} is in none of ${vs}`);
    }
  }

  // A coding of a code system the package holds whole: its code exists, its display matches.
  coding(coding, path) {
    const codes = coding && coding.system ? knownCodes(coding.system) : null;
    if (!codes) return;
    if (!codes.has(coding.code)) {
      this.error("code", path, `${coding.code} is not a code of ${coding.system}`);
    } else if (coding.display && ![undefined, coding.display].includes(codes.get(coding.code))) {
      this.report.add(
        "warning",
        "display",
        this.where(path),
        `${coding.system}#${coding.code} is "${codes.get(coding.code)}", not "${coding.display}"`,
      );
    }
  }
}

// Every Coding anywhere in a document, found by its shape (system and code strings).
function eachCoding(node, path, visit) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => eachCoding(item, `${path}[${i}]`, visit));
  } else if (node && typeof node === "object") {
    if (typeof node.system === "string" && typeof node.code === "string" && !("value" in node)) {
      visit(node, path);
    }
    for (const [key, value] of Object.entries(node)) eachCoding(value, `${path}.${key}`, visit);
  }
}

// --- entry points ---------------------------------------------------------------------------

export function validate(documents, definitions = []) {
  for (const definition of definitions) {
    if (definition.resourceType === "StructureDefinition") {
      definitionsByUrl.set(unversioned(definition.url), definition);
    } else if (definition.resourceType === "CodeSystem") {
      codeSystems.set(definition.url, definition);
      systemConcepts.delete(definition.url);
    } else if (definition.resourceType === "ValueSet") {
      valueSets.set(definition.url, definition);
      expansions.delete(definition.url);
    }
  }
  const report = new Report();
  const started = performance.now();
  for (const { name, body } of documents) {
    const where = { document: name, path: "/" };
    if (!body || typeof body !== "object" || typeof body.resourceType !== "string") {
      report.add("error", "schema", where, "not a FHIR resource (no resourceType)");
      continue;
    }
    const walk = new Walk(report, name);
    walk.resource(body, body.resourceType);
    eachCoding(body, body.resourceType, (coding, path) => walk.coding(coding, path));
  }
  return {
    documents: documents.length,
    resources: report.resources,
    invariantsEvaluated: report.invariantsEvaluated,
    errors: report.counts("error"),
    warnings: report.counts("warning"),
    bindingsUnchecked: [...report.bindingsUnchecked].sort(),
    milliseconds: Math.round(performance.now() - started),
    issues: report.issues,
  };
}

// A valid Observation, then one broken copy per class of error: each must be reported with
// that class, and the valid one with none, or the checker itself is broken.
function selfTest() {
  const valid = {
    resourceType: "Observation",
    id: "ok",
    status: "final",
    category: [
      {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/observation-category",
            code: "exam",
            display: "Exam",
          },
        ],
      },
    ],
    code: { text: "hip drop" },
    subject: { reference: "Patient/p" },
    effectiveDateTime: "2026-12-01T10:00:00Z",
    valueQuantity: {
      value: 3,
      unit: "s",
      system: "http://unitsofmeasure.org",
      code: "s",
    },
  };
  const broken = {
    schema: { ...valid, effectiveDateTime: "yesterday", colour: "red" },
    cardinality: { ...valid, status: undefined, subject: [{ reference: "Patient/p" }] },
    binding: { ...valid, status: "done" },
    code: {
      ...valid,
      category: [{ coding: [{ ...valid.category[0].coding[0], code: "no-such-category" }] }],
    },
    "extension-context": {
      ...valid,
      // The core tz-code may only be used on a date, dateTime or instant.
      extension: [{ url: `${CORE_EXTENSION}tz-code`, valueCode: "Europe/Paris" }],
    },
    invariant: {
      ...valid,
      dataAbsentReason: { text: "not asked" },
      valueQuantity: { value: 3, code: "s" },
    },
  };
  const documents = [
    { name: "valid", body: valid },
    ...Object.entries(broken).map(([name, body]) => ({ name, body: structuredClone(body) })),
  ];
  const result = validate(documents);
  const failures = [];
  const errorsOf = (name) =>
    result.issues.filter((i) => i.document === name && i.severity === "error");
  if (errorsOf("valid").length) {
    failures.push(`the valid Observation has errors: ${JSON.stringify(errorsOf("valid"))}`);
  }
  for (const kind of ERROR_CLASSES) {
    if (!errorsOf(kind).some((i) => i.class === kind)) {
      const found = JSON.stringify(errorsOf(kind));
      failures.push(`no ${kind} error for the resource broken that way: ${found}`);
    }
  }
  const summary =
    `${ERROR_CLASSES.length - failures.length} of ${ERROR_CLASSES.length} classes caught` +
    `, the valid resource ${errorsOf("valid").length ? "refused" : "passed"}`;
  return { ok: failures.length === 0, summary, failures };
}

function selfTested() {
  const outcome = selfTest();
  for (const failure of outcome.failures) console.error(`self-test: ${failure}`);
  console.log(`self-test: ${outcome.summary}`);
  return outcome;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const [input, output] = process.argv.slice(2);
  if (input === "--self-test") {
    process.exit(selfTested().ok ? 0 : 1);
  }
  if (!input || !output) {
    console.error("usage: node validate.mjs INPUT.json REPORT.json | --self-test");
    process.exit(2);
  }
  const { documents, definitions } = JSON.parse(readFileSync(input, "utf8"));
  if (!Array.isArray(documents)) {
    console.error("INPUT.json needs {documents: [{name, body}], definitions: [...]}");
    process.exit(2);
  }
  // Every run tests the checker first (before the server's definitions are loaded), so a
  // checker that stopped catching a class of error cannot report a clean batch.
  const tested = selfTested();
  if (!tested.ok) process.exit(1);
  const report = { selfTest: tested.summary, ...validate(documents, definitions ?? []) };
  writeFileSync(output, JSON.stringify(report, null, 1));
  console.log(
    `fhir-validate: ${report.documents} documents, ${report.resources} resources, ` +
      `errors ${JSON.stringify(report.errors)}, warnings ${JSON.stringify(report.warnings)}`,
  );
}
