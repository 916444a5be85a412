// Writes src/schema.ts, the client's types, from the committed openapi.json:
//   node scripts/generate.mjs <openapi.json> <output.ts>
// `make client` runs it; tests/client/test_typescript_client.py runs it into a temporary
// folder and fails when the committed file differs.
//
// Examples are dropped before generating: openapi-typescript copies every one into a doc
// comment, which more than doubles the file (they are in openapi.json and on /docs) and
// changes no type. Descriptions stay, so an editor still shows them.
import { readFile, writeFile } from "node:fs/promises";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";

const [source, output] = process.argv.slice(2);
if (!source || !output) {
  console.error("usage: node scripts/generate.mjs <openapi.json> <output.ts>");
  process.exit(2);
}

// Schema maps whose keys are names the API chose (a property may be called "example").
const NAMED = new Set(["properties", "patternProperties", "$defs", "schemas", "paths"]);

function withoutExamples(node) {
  if (Array.isArray(node)) return node.map(withoutExamples);
  if (node === null || typeof node !== "object") return node;
  const kept = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "example" || key === "examples") continue;
    kept[key] = NAMED.has(key) ? namedMap(value) : withoutExamples(value);
  }
  return kept;
}

function namedMap(map) {
  if (map === null || typeof map !== "object" || Array.isArray(map)) return withoutExamples(map);
  return Object.fromEntries(Object.entries(map).map(([key, value]) => [key, withoutExamples(value)]));
}

const contract = withoutExamples(JSON.parse(await readFile(source, "utf8")));
// No redocly.yaml is read, wherever this runs from. A property with a default is optional
// unless the schema lists it as required (defaultNonNullable: false): a request may leave
// it out, and an answer's fields are optional exactly where the contract says so.
const ast = await openapiTS(contract, { silent: true, defaultNonNullable: false });
const banner = `${COMMENT_HEADER.trimEnd()}\n// Generated from openapi.json by \`make client\` (clients/typescript/scripts/generate.mjs).\n\n`;
await writeFile(output, banner + astToString(ast));
