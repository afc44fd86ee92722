/**
 * Writes the inventory of the installed provider SDKs' resource types (policy/inventory/sdk.ts)
 * to policy/inventory/sdk-types.jsonl: every custom resource type of @pulumi/aws,
 * @pulumi/alicloud and @pulumi/kubernetes with its input properties and the ones that can name a
 * place. Then writes the pack's list, policy/review/classes.json: the class and reason of every
 * type the pack does not know as reviewed or flow-modelled (policy/review/index.ts), which
 * `reviewed-resource-types` reads, and policy/review/documents.json: the AWS properties that hold
 * policy documents (arn-locality and key-locality read them). Run it after upgrading an SDK or
 * changing a review, then classify what test/policy/sdk-inventory.test.ts listed as new or changed.
 *
 *     npm run inventory
 *     node --require sucrase/register/ts scripts/sdk-inventory.ts [--out FILE] [--classes FILE]
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  arnInputPaths,
  arnInputsFile,
  documentPaths,
  documentsFile,
  inventoryFile,
  readInventory,
  rulesDigest,
  serializeInventory,
} from "../policy/inventory/sdk";
import { classesDocument, classesFile, classifyInventory } from "../policy/review";
import { type ListedClass, listedClasses } from "../policy/review/model";

const root = path.resolve(__dirname, "..");

/** The file named by `--<flag> FILE`, or `fallback`. */
function fileArg(flag: string, fallback: string): string {
  const at = process.argv.indexOf(flag);
  return at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]) : fallback;
}
const out = fileArg("--out", inventoryFile);
const classesOut = fileArg("--classes", classesFile);

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

/**
 * Writes `value` as JSON, formatted by the repository's formatter and its config, so that
 * `npm run lint:format` passes on the committed file.
 */
function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, JSON.stringify(value));
  execFileSync(
    process.execPath,
    [
      path.join(path.dirname(require.resolve("oxfmt/package.json")), "bin", "oxfmt"),
      "--config",
      path.join(root, ".oxfmtrc.json"),
      file,
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
}

function writeClasses(): void {
  const classes = classifyInventory(inventory);
  const doc = classesDocument(inventory, classes);
  writeJson(classesOut, doc);
  const count = (c: ListedClass) => Object.values(doc.classes[c]).flat().length;
  const listed = listedClasses.reduce((n, c) => n + count(c), 0);
  process.stderr.write(
    `Wrote ${path.relative(process.cwd(), classesOut)}: ${listedClasses.map((c) => `${count(c)} ${c}`).join(", ")}; the pack knows the other ${classes.size - listed} types as reviewed or flow-modelled.\n`,
  );
}

writeClasses();

// The AWS properties that hold policy documents, which arn-locality and key-locality read.
const documents = documentPaths(inventory);
writeJson(documentsFile, documents);
process.stderr.write(
  `Wrote ${path.relative(process.cwd(), documentsFile)}: ${Object.values(documents).flat().length} policy-document properties of ${Object.keys(documents).length} AWS types.\n`,
);

// The inputs that name ARNs, which named-destinations reads for ARNs not known at preview.
const arns = arnInputPaths(inventory);
writeJson(arnInputsFile, arns);
process.stderr.write(
  `Wrote ${path.relative(process.cwd(), arnInputsFile)}: ${Object.values(arns).flat().length} ARN inputs of ${Object.keys(arns).length} types.\n`,
);
