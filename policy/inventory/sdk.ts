/**
 * The inventory of the providers' resource types, read from the installed SDKs' own files: each
 * custom resource class's type token (`__pulumiType` in its `.js`), the input properties of its
 * `…Args` interface (`.d.ts`), followed into the `inputs.*` interfaces of `types/input.d.ts`, and
 * for each property whether it can name a place (place-rules.ts).
 *
 * The SDKs ship no provider schema, so the declarations are the exact source. They are generated
 * code (tsc output of the providers' code generators), one member per line at a fixed indent,
 * which is what makes reading them line by line exact and fast.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { notAPlace, type PlaceKind, placeRuleOf, type ValueShape } from "./place-rules";

/** The provider SDKs whose resource types the inventory holds. */
export const inventoriedPackages = [
  "alicloud",
  "aws",
  "kubernetes",
  "docker",
  "docker-build",
  "postgresql",
  "mysql",
] as const;
export type InventoriedPackage = (typeof inventoriedPackages)[number];

export interface TypeEntry {
  /** Top-level input properties (of the `…Args` interface), sorted. */
  readonly inputs: readonly string[];
  /** Input paths that can name a place (`rules[].destination.bucket`, `regions[]`) → kind. */
  readonly places: Readonly<Record<string, PlaceKind>>;
  /**
   * The output that reports the resource's own ARN under a name of its own, `<class>Arn`
   * (`accessGrantsInstanceArn` of an AccessGrantsInstance), where the class declares one that is
   * not an input: programs build policies from it as from `arn`.
   */
  readonly ownArn?: string;
  /**
   * The output that reports the account the resource is created in (`ownerId` of a VPC,
   * `accountId` of a GuardDuty detector, `masterId` of a Security Hub member, which lives in the
   * administrator's account), where the class declares one that is not an input: programs pass
   * it on as a peer's or an administrator's account.
   */
  readonly ownAccount?: string;
}

/** The names under which AWS classes report the account they are created in. */
const ownAccountOutputs = ["accountId", "awsAccountId", "masterId", "ownerId"];

export interface Inventory {
  /** Package → installed version. */
  readonly sdks: Readonly<Record<string, string>>;
  /** Type token → entry, sorted by token. */
  readonly types: Readonly<Record<string, TypeEntry>>;
}

/** The installed version of a provider SDK. */
export function sdkVersion(root: string, pkg: string): string {
  const file = path.join(root, "node_modules", "@pulumi", pkg, "package.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

/**
 * The interfaces of `types/input.d.ts` by qualified name (`s3.BucketV2Grant`,
 * `core.v1.PodSpec`) → their member lines. Namespaces and interfaces are recognised by indent.
 */
function inputInterfaces(file: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  if (!fs.existsSync(file)) {
    // A package whose inputs are all scalars (`@pulumi/mysql`) generates no input types.
    return out;
  }
  const namespaces: string[] = [];
  let current: Map<string, string> | undefined;
  let memberIndent = 0;
  let lastMember: string | undefined;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const trimmed = line.trimStart();
    if (trimmed.startsWith("*") || trimmed.startsWith("/**")) {
      continue;
    }
    const indent = line.length - trimmed.length;
    const ns = /^(?:export declare )?namespace (\w+) \{$/.exec(trimmed);
    if (ns) {
      namespaces.length = indent / 4;
      namespaces.push(ns[1]);
      continue;
    }
    const iface = /^(?:export )?interface (\w+) \{$/.exec(trimmed);
    if (iface) {
      namespaces.length = indent / 4;
      current = new Map();
      out.set([...namespaces, iface[1]].join("."), current);
      memberIndent = indent + 4;
      lastMember = undefined;
      continue;
    }
    if (!current) {
      continue;
    }
    if (indent === memberIndent - 4 && trimmed === "}") {
      current = undefined;
      continue;
    }
    lastMember = addMember(current, line, indent, memberIndent, lastMember);
  }
  return out;
}

/** Adds one line of an interface body: a new member at `memberIndent`, or more of the last one. */
function addMember(
  members: Map<string, string>,
  line: string,
  indent: number,
  memberIndent: number,
  last: string | undefined,
): string | undefined {
  const m = indent === memberIndent ? /^\s*(?:readonly )?"?([\w$-]+)"?\??: (.*)$/.exec(line) : null;
  if (m) {
    members.set(m[1], m[2]);
    return m[1];
  }
  if (last !== undefined) {
    members.set(last, `${members.get(last)} ${line.trim()}`);
  }
  return last;
}

/** The members of `export interface <name> {` in a resource's declaration file. */
function argsMembers(source: string, name: string): Map<string, string> | undefined {
  const start = source.indexOf(`export interface ${name} {\n`);
  if (start < 0) {
    return undefined;
  }
  const members = new Map<string, string>();
  let last: string | undefined;
  const lines = source.slice(start).split("\n");
  for (const line of lines.slice(1)) {
    if (line === "}") {
      return members;
    }
    const trimmed = line.trimStart();
    if (trimmed.startsWith("*") || trimmed.startsWith("/**")) {
      continue;
    }
    last = addMember(members, line, line.length - trimmed.length, 4, last);
  }
  return members;
}

/** What a declared type text holds: nested input interfaces, text, and whether it is a list. */
function shapeOf(declared: string): { refs: string[]; text: boolean; list: boolean } {
  const refs = [...declared.matchAll(/inputs\.([\w.]+)/g)].map((m) => m[1]);
  const body = declared.replace(/inputs\.[\w.]+/g, "");
  return {
    refs,
    text: /\bstring\b|enums\.|"[^"]*"/.test(body) && !/^\{\s*\[key: string\]/.test(declared),
    list: /\[\](?!\s*:)/.test(declared.replace(/\[key: string\]/g, "")),
  };
}

/**
 * Place-naming paths below the members of an interface, relative to it, following nested input
 * interfaces. Each interface is read once per package (Kubernetes repeats the pod spec in every
 * workload); a type that contains itself (JSON schema props) is not followed into itself again.
 */
class PlaceReader {
  private readonly memo = new Map<string, ReadonlyArray<readonly [string, PlaceKind]>>();
  private readonly reading = new Set<string>();
  constructor(
    private readonly interfaces: ReadonlyMap<string, ReadonlyMap<string, string>>,
    private readonly provider: string,
  ) {}

  /** `[path, kind]` of every place-naming path below `members`. */
  placesIn(members: ReadonlyMap<string, string>): Array<readonly [string, PlaceKind]> {
    const out: Array<readonly [string, PlaceKind]> = [];
    for (const [name, declared] of members) {
      const shape = shapeOf(declared);
      const at = `${name}${shape.list ? "[]" : ""}`;
      for (const ref of shape.refs) {
        for (const [below, kind] of this.placesOf(ref)) {
          out.push([`${at}.${below}`, kind]);
        }
      }
      const valueShape: ValueShape | undefined =
        shape.text || (shape.refs.length === 0 && !/boolean|number/.test(declared))
          ? "text"
          : shape.refs.length > 0
            ? undefined
            : /\bnumber\b/.test(declared)
              ? "number"
              : "flag";
      const rule = valueShape && placeRuleOf(name, this.provider, valueShape);
      if (rule) {
        out.push([at, rule.kind]);
      }
    }
    return out;
  }

  private placesOf(ref: string): ReadonlyArray<readonly [string, PlaceKind]> {
    const members = this.interfaces.get(ref);
    if (!members || this.reading.has(ref)) {
      return [];
    }
    let found = this.memo.get(ref);
    if (!found) {
      this.reading.add(ref);
      found = this.placesIn(members);
      this.reading.delete(ref);
      this.memo.set(ref, found);
    }
    return found;
  }
}

/** Every `.js` file below `dir`, except the package's own tooling and type folders. */
function scriptFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".js") && !/^(node_modules|scripts|types|bin)[\\/]/.test(f));
}

/**
 * The custom resource classes of one SDK: type token → its entry. Component resources (Helm v4
 * charts, YAML v2 files, Kustomize directories) and the provider are not custom resources: their
 * children are what the pack judges.
 */
export function readPackage(root: string, pkg: string): Record<string, TypeEntry> {
  const dir = path.join(root, "node_modules", "@pulumi", pkg);
  const reader = new PlaceReader(inputInterfaces(path.join(dir, "types", "input.d.ts")), pkg);
  const out: Record<string, TypeEntry> = {};
  for (const file of scriptFiles(dir)) {
    const js = fs.readFileSync(path.join(dir, file), "utf8");
    const cls = /class (\w+) extends pulumi\.CustomResource \{/.exec(js);
    const token = /static __pulumiType = '([^']+)'/.exec(js);
    if (!cls || !token || token[1].startsWith("pulumi:providers:")) {
      continue;
    }
    const dts = fs.readFileSync(path.join(dir, file.replace(/\.js$/, ".d.ts")), "utf8");
    const members = argsMembers(dts, `${cls[1]}Args`);
    if (!members) {
      // Every generated resource class has one; without it the inputs would silently be none.
      throw new Error(`@pulumi/${pkg}/${file}: ${token[1]} has no ${cls[1]}Args interface.`);
    }
    const places = reader.placesIn(members).filter(([at]) => notAPlace(at) === undefined);
    const declaresOutput = (name: string) =>
      !members.has(name) && dts.includes(`    readonly ${name}: pulumi.Output<string>;\n`);
    const ownArn = `${cls[1][0].toLowerCase()}${cls[1].slice(1)}Arn`;
    const ownAccount = pkg === "aws" ? ownAccountOutputs.find(declaresOutput) : undefined;
    out[token[1]] = {
      inputs: [...members.keys()].sort(),
      places: Object.fromEntries(places.sort(([a], [b]) => compare(a, b))),
      ...(declaresOutput(ownArn) ? { ownArn } : {}),
      ...(ownAccount === undefined ? {} : { ownAccount }),
    };
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The inventory of the installed SDKs under `root` (the project folder). */
export function readInventory(root: string): Inventory {
  const types: Record<string, TypeEntry> = {};
  for (const pkg of inventoriedPackages) {
    Object.assign(types, readPackage(root, pkg));
  }
  return {
    sdks: Object.fromEntries(inventoriedPackages.map((p) => [p, sdkVersion(root, p)])),
    types: Object.fromEntries(Object.entries(types).sort(([a], [b]) => compare(a, b))),
  };
}

/**
 * The committed form, JSON Lines: a first line with the SDK versions and the rules' digest, then
 * one line per type in token order (`{"type":…,"inputs":[…],"places":{…}}`, and `"ownArn"` and
 * `"ownAccount"` where the class has them), so a diff shows the
 * types that changed and nothing reflows them.
 */
export function serializeInventory(inv: Inventory, digest: string): string {
  const head = JSON.stringify({ sdks: inv.sdks, rules: digest });
  const lines = Object.entries(inv.types).map(([type, entry]) =>
    JSON.stringify({
      type,
      inputs: entry.inputs,
      places: entry.places,
      ...(entry.ownArn === undefined ? {} : { ownArn: entry.ownArn }),
      ...(entry.ownAccount === undefined ? {} : { ownAccount: entry.ownAccount }),
    }),
  );
  return `${[head, ...lines].join("\n")}\n`;
}

/** The committed inventory with its rules' digest, parsed from `serializeInventory`'s text. */
export function parseInventory(text: string): Inventory & { readonly rules: string } {
  const [head, ...lines] = text.split("\n").filter((l) => l.trim() !== "");
  const { sdks, rules } = JSON.parse(head ?? "{}") as {
    sdks: Record<string, string>;
    rules: string;
  };
  const types: Record<string, TypeEntry> = {};
  for (const line of lines) {
    const { type, inputs, places, ownArn, ownAccount } = JSON.parse(line) as TypeEntry & {
      type: string;
    };
    types[type] = {
      inputs,
      places,
      ...(ownArn === undefined ? {} : { ownArn }),
      ...(ownAccount === undefined ? {} : { ownAccount }),
    };
  }
  return { sdks, rules, types };
}

/** Where the committed inventory lives. */
export const inventoryFile = path.join(__dirname, "sdk-types.jsonl");

/** The inventory committed in `file` (the installed SDKs' types when it was last written). */
export function readInventoryFile(file = inventoryFile): Inventory & { readonly rules: string } {
  return parseInventory(fs.readFileSync(file, "utf8"));
}

let installed: Inventory["types"] | undefined;

/** The types of the inventory shipped with the pack (`inventoryFile`), read once per process. */
export function installedTypes(): Inventory["types"] {
  return (installed ??= readInventoryFile().types);
}

/**
 * A digest of the rules and of this reader, so that a changed rule or reading shows as a changed
 * inventory even where no type's entry moves.
 */
export function rulesDigest(): string {
  const hash = crypto.createHash("sha256");
  for (const file of ["place-rules.ts", "sdk.ts"]) {
    hash.update(fs.readFileSync(path.join(__dirname, file), "utf8"));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * What changed between the committed inventory and the installed SDKs, one line each: new and
 * removed types (with their place-naming properties), place-naming properties added to or
 * removed from a type, and changed input lists. Empty when they agree.
 */
export function inventoryDrift(committed: Inventory, current: Inventory): string[] {
  const out: string[] = [];
  for (const pkg of new Set([...Object.keys(committed.sdks), ...Object.keys(current.sdks)])) {
    if (committed.sdks[pkg] !== current.sdks[pkg]) {
      out.push(
        `@pulumi/${pkg}: ${committed.sdks[pkg] ?? "absent"} → ${current.sdks[pkg] ?? "absent"}`,
      );
    }
  }
  const placesText = (e: TypeEntry) =>
    Object.entries(e.places)
      .map(([p, k]) => `${p} (${k})`)
      .join(", ") || "no place-naming property";
  for (const [type, entry] of Object.entries(current.types)) {
    const before = committed.types[type];
    if (!before) {
      out.push(`new type ${type}: ${placesText(entry)}`);
      continue;
    }
    const added = Object.entries(entry.places).filter(([p, k]) => before.places[p] !== k);
    const gone = Object.keys(before.places).filter((p) => !(p in entry.places));
    if (added.length > 0) {
      out.push(`${type}: new place-naming ${added.map(([p, k]) => `${p} (${k})`).join(", ")}`);
    }
    if (gone.length > 0) {
      out.push(`${type}: no longer place-naming ${gone.join(", ")}`);
    }
    const inputsNow = new Set(entry.inputs);
    const inputsBefore = new Set(before.inputs);
    const newInputs = entry.inputs.filter((i) => !inputsBefore.has(i));
    const oldInputs = before.inputs.filter((i) => !inputsNow.has(i));
    if (newInputs.length > 0 || oldInputs.length > 0) {
      out.push(
        `${type}: inputs ${[...newInputs.map((i) => `+${i}`), ...oldInputs.map((i) => `-${i}`)].join(" ")}`,
      );
    }
  }
  for (const type of Object.keys(committed.types)) {
    if (!(type in current.types)) {
      out.push(`removed type ${type}`);
    }
  }
  return out;
}

/**
 * Policy documents the place rules do not know by their property's name: an AWS Organizations
 * policy's `content` (a service control, backup, tag or AI opt-out policy), which Organizations
 * applies in the organization's own partition. (`content` names a file's bytes elsewhere, so the
 * name alone cannot say.)
 */
const unnamedDocuments: Readonly<Record<string, readonly string[]>> = {
  "aws:organizations/policy:Policy": ["content"],
};

/** Where the list of AWS policy-document properties is kept (see `documentPaths`). */
export const documentsFile = path.join(__dirname, "..", "review", "documents.json");

/**
 * The input properties of each AWS type that hold a policy document (the place rules' `document`
 * kind: `policy`, `assumeRolePolicy`, `inlinePolicies[].policy`, …), by type, sorted. Only
 * declared properties: a document held as text under a map of the user's own keys (a function's
 * environment variable, a tag) is none of them. The pack reads the list
 * (policy/review/documents.json, written by `npm run inventory`) to tell a document IAM
 * evaluates from text the application reads.
 */
export function documentPaths(inv: Inventory): Record<string, string[]> {
  return pathsByType(inv, (type, entry) =>
    type.startsWith("aws:")
      ? [
          ...placesOfKind(entry, "document"),
          ...(unnamedDocuments[type] ?? []).filter((p) => entry.inputs.includes(p)),
        ]
      : [],
  );
}

/** The input paths of a type's entry that the place rules mark as naming a place of `kind`. */
function placesOfKind(entry: TypeEntry, kind: PlaceKind): string[] {
  return Object.entries(entry.places)
    .filter(([, k]) => k === kind)
    .map(([p]) => p);
}

/** Per type (sorted), the paths `of` gives (sorted); types with none are left out. */
function pathsByType(
  inv: Inventory,
  of: (type: string, entry: TypeEntry) => string[],
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const type of Object.keys(inv.types).sort()) {
    const paths = of(type, inv.types[type]).sort();
    if (paths.length > 0) {
      out[type] = paths;
    }
  }
  return out;
}

/** Where the pack's list of ARN inputs lives (written by `npm run inventory`). */
export const arnInputsFile = path.join(__dirname, "..", "review", "arn-inputs.json");

/**
 * The input properties of each type that the place rules mark as ARNs (`lambdas[].functionArn`,
 * `destinationArn`), by type, sorted. The pack reads the list (policy/review/arn-inputs.json) to
 * fail closed on an ARN no resource of the program provides and that is not known at preview:
 * only inputs, not the resource's own `arn` output, which is unknown at preview too.
 */
export function arnInputPaths(inv: Inventory): Record<string, string[]> {
  return pathsByType(inv, (_, entry) => placesOfKind(entry, "arn"));
}
