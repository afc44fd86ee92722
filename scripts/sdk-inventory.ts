/**
 * Writes the inventory of the installed provider SDKs' resource types (policy/inventory/sdk.ts)
 * to policy/inventory/sdk-types.jsonl: every custom resource type of @pulumi/aws,
 * @pulumi/alicloud and @pulumi/kubernetes with its input properties and the ones that can name a
 * place. Run it after upgrading an SDK, then classify what test/policy/sdk-inventory.test.ts
 * listed as new or changed.
 *
 *     npm run inventory
 *     node --require sucrase/register/ts scripts/sdk-inventory.ts [--out FILE]
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  inventoryFile,
  readInventory,
  rulesDigest,
  serializeInventory,
} from "../policy/inventory/sdk";

const root = path.resolve(__dirname, "..");
const at = process.argv.indexOf("--out");
const out = at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]) : inventoryFile;

const started = Date.now();
const inventory = readInventory(root);
fs.writeFileSync(out, serializeInventory(inventory, rulesDigest()));
const types = Object.values(inventory.types);
const places = types.reduce((n, t) => n + Object.keys(t.places).length, 0);
process.stderr.write(
  `Wrote ${path.relative(process.cwd(), out)}: ${types.length} types, ${places} place-naming properties (${Object.entries(
    inventory.sdks,
  )
    .map(([p, v]) => `${p} ${v}`)
    .join(", ")}) in ${Date.now() - started} ms.\n`,
);
