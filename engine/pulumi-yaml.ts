/**
 * Pulumi YAML programs (`runtime: yaml`), evaluated on the engine's mock monitor as the YAML
 * language host runs them under the Pulumi CLI: the program's `config`, `variables`, `resources`
 * and `outputs` (in Pulumi.yaml, or `Main.yaml` of the folder `main` names), each resource
 * registered once what it refers to is, its properties evaluated from the expression language —
 * `${…}` interpolations of config, variables and resources' outputs, and the `fn::` built-ins.
 *
 * What the language host resolves from the provider schemas is read from the pack's inventory of
 * the installed SDKs: a short type token (`aws:s3:BucketV2`) is canonicalised as the host does
 * (`aws:s3/bucketV2:BucketV2`), and a type of a multi-language component package (`awsx:ec2:Vpc`,
 * `eks:Cluster`) is registered as a remote component, as the CLI registers it. A construct the
 * engine does not evaluate is an error naming it: the program is not judged rather than judged in
 * part.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { parse as parseYaml } from "yaml";
import { installedTypes } from "../policy/inventory/sdk";

/** A program's document: Pulumi.yaml or Main.yaml. */
export interface YamlProgram {
  readonly file: string;
  readonly project: string;
  readonly doc: Readonly<Record<string, unknown>>;
}

/** A program the engine cannot evaluate, or evaluates to an error: the message says which part. */
export class YamlProgramError extends Error {}

/**
 * Packages whose types are multi-language components, constructed in their plugin (those of the
 * Pulumi Registry): their tokens keep the form the program writes (`awsx:ec2:Vpc`,
 * `synced-folder:index:S3BucketFolder`).
 */
const componentPackages = new Set([
  "awsx",
  "eks",
  "aws-apigateway",
  "aws-static-website",
  "aws-s3-replicated-bucket",
  "aws-quickstart-aurora-postgres",
  "aws-quickstart-redshift",
  "aws-quickstart-vpc",
  "azure-static-website",
  "gcp-global-cloudrun",
  "google-cloud-static-website",
  "kubernetes-cert-manager",
  "kubernetes-coredns",
  "kubernetes-ingress-nginx",
  "synced-folder",
]);

/** The Kubernetes provider's own components: they render their objects in its plugin. */
const kubernetesComponents = /^kubernetes:(yaml\/v2|kustomize\/v2|helm\.sh\/v4):/;

/**
 * Packages whose tokens are written `<package>:<module>:<Type>`, with no file in the module: the
 * native providers, and those whose schema the Go provider SDK writes (`command`, `std`'s
 * functions, `std:index:format`).
 */
const plainModulePackages = new Set([
  "aws-native",
  "azure-native",
  "google-native",
  "command",
  "std",
]);

const inventoried = (type: string): boolean => Object.hasOwn(installedTypes(), type);

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The canonical token of a type a program writes, as the YAML host resolves it against the
 * schema: `aws:s3:BucketV2` → `aws:s3/bucketV2:BucketV2`, `random:RandomPassword` →
 * `random:index/randomPassword:RandomPassword`; a full token stays. Where no installed SDK has
 * the type, the package's own convention decides.
 */
export function canonicalType(token: string, component = false): string {
  const parts = token.split(":");
  if (parts[0] === "pulumi" || parts.length < 2 || parts.length > 3) {
    // Pulumi's own types (`pulumi:providers:aws`, `pulumi:pulumi:StackReference`) are written whole.
    return token;
  }
  const withIndex = parts.length === 2 ? `${parts[0]}:index:${parts[1]}` : token;
  const [pkg, mod, name] = withIndex.split(":");
  const withFile = mod.includes("/") ? withIndex : `${pkg}:${mod}/${lowerFirst(name)}:${name}`;
  for (const candidate of [token, withIndex, withFile]) {
    if (inventoried(candidate)) {
      return candidate;
    }
  }
  return component || componentPackages.has(pkg) || plainModulePackages.has(pkg)
    ? withIndex
    : withFile;
}

/** The canonical token of a function: `aws:getAmi` → `aws:index/getAmi:getAmi`. */
export function canonicalFunction(token: string): string {
  const parts = token.split(":");
  if (parts.length === 2) {
    return plainModulePackages.has(parts[0])
      ? `${parts[0]}:index:${parts[1]}`
      : `${parts[0]}:index/${parts[1]}:${parts[1]}`;
  }
  if (parts.length === 3 && !parts[1].includes("/")) {
    return plainModulePackages.has(parts[0])
      ? token
      : `${parts[0]}:${parts[1]}/${parts[2]}:${parts[2]}`;
  }
  return token;
}

/** One access of a `${…}` expression: a property name or a list index. */
type Accessor = { readonly name: string } | { readonly index: number };

interface Access {
  readonly root: string;
  readonly path: readonly Accessor[];
}

/**
 * Parses the inside of `${…}`: a root symbol (a config key, variable or resource, whose name may
 * hold dots and dashes: the longest one the program knows is taken) and its accessors, `.name`,
 * `[0]` or `["key"]`.
 */
export function parseAccess(text: string, known: (name: string) => boolean): Access {
  const src = text.trim();
  let root: string | undefined;
  let rest = "";
  if (src.startsWith("[")) {
    const m = /^\[\s*"((?:[^"\\]|\\.)*)"\s*\]/.exec(src);
    if (m === null) {
      throw new YamlProgramError(`\${${text}}: a root in brackets must be a quoted name`);
    }
    root = JSON.parse(`"${m[1]}"`) as string;
    rest = src.slice(m[0].length);
  } else {
    // The longest prefix ending at a `.` or `[` that names something the program declares.
    const ends = [...src.matchAll(/[.[]/g)].map((m) => m.index).concat(src.length);
    const candidates = ends.map((end) => src.slice(0, end)).filter((c) => c !== "");
    root = [...candidates].reverse().find((c) => known(c)) ?? candidates[0];
    rest = src.slice(root?.length ?? 0);
  }
  if (root === undefined || root === "") {
    throw new YamlProgramError(`\${${text}}: an empty reference`);
  }
  const out: Accessor[] = [];
  while (rest !== "") {
    const name = /^\.([A-Za-z_$][\w$-]*)/.exec(rest);
    const index = /^\[\s*(\d+)\s*\]/.exec(rest);
    const key = /^\[\s*"((?:[^"\\]|\\.)*)"\s*\]/.exec(rest);
    if (name !== null) {
      out.push({ name: name[1] });
      rest = rest.slice(name[0].length);
    } else if (index !== null) {
      out.push({ index: Number(index[1]) });
      rest = rest.slice(index[0].length);
    } else if (key !== null) {
      out.push({ name: JSON.parse(`"${key[1]}"`) as string });
      rest = rest.slice(key[0].length);
    } else {
      throw new YamlProgramError(`\${${text}}: cannot read ${JSON.stringify(rest)}`);
    }
  }
  return { root, path: out };
}

/** The parts of a string: literal text and `${…}` references (`$${` is a literal `${`). */
export function splitInterpolation(s: string): ReadonlyArray<string | { readonly ref: string }> {
  const parts: Array<string | { ref: string }> = [];
  let text = "";
  let i = 0;
  while (i < s.length) {
    if (s.startsWith("$${", i)) {
      text += "${";
      i += 3;
    } else if (s.startsWith("${", i)) {
      const end = s.indexOf("}", i + 2);
      if (end < 0) {
        throw new YamlProgramError(`${JSON.stringify(s)}: a \${ without its closing }`);
      }
      if (text !== "") {
        parts.push(text);
        text = "";
      }
      parts.push({ ref: s.slice(i + 2, end) });
      i = end + 1;
    } else {
      text += s[i];
      i += 1;
    }
  }
  if (text !== "" || parts.length === 0) {
    parts.push(text);
  }
  return parts;
}

/** The root a value is exactly (`${records}`), when it is one reference and nothing else. */
function aliasOf(v: unknown, known: (name: string) => boolean): string | undefined {
  if (typeof v !== "string") {
    return undefined;
  }
  const parts = splitInterpolation(v);
  if (parts.length !== 1 || typeof parts[0] === "string") {
    return undefined;
  }
  const a = parseAccess(parts[0].ref, known);
  return a.path.length === 0 ? a.root : undefined;
}

/** The `fn::` key of an object, when it is a built-in call (`fn::join`, `Fn::Invoke`). */
function builtinOf(v: unknown): { name: string; arg: unknown } | undefined {
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    return undefined;
  }
  const keys = Object.keys(v);
  if (keys.length !== 1 || !/^fn::/i.test(keys[0])) {
    return undefined;
  }
  return { name: keys[0].slice(4), arg: (v as Record<string, unknown>)[keys[0]] };
}

/** The roots every `${…}` of a value refers to, and the resource outputs read by name. */
function referencesOf(
  v: unknown,
  known: (name: string) => boolean,
  out: Set<string>,
  reads?: Map<string, Set<string>>,
): void {
  if (typeof v === "string") {
    for (const p of splitInterpolation(v)) {
      if (typeof p !== "string") {
        const a = parseAccess(p.ref, known);
        out.add(a.root);
        const first = a.path[0];
        if (reads !== undefined && first !== undefined && "name" in first) {
          const set = reads.get(a.root) ?? new Set<string>();
          set.add(first.name);
          reads.set(a.root, set);
        }
      }
    }
  } else if (Array.isArray(v)) {
    for (const x of v) {
      referencesOf(x, known, out, reads);
    }
  } else if (typeof v === "object" && v !== null) {
    for (const x of Object.values(v)) {
      referencesOf(x, known, out, reads);
    }
  }
}

/**
 * The fields of a declaration by their canonical names: the YAML host reads a template's keys
 * whatever their case (`Resources`, `Type`, `DependsOn` in a JSON template). A key that is none of
 * `names` is an error naming it, unless it is one of `ignored`; so is a declaration that is no map
 * (`options: ${opts}`): nothing of a template is skipped unread.
 */
function fields(
  v: unknown,
  names: readonly string[],
  where: string,
  ignored: readonly string[] = [],
): Record<string, unknown> {
  if (v === undefined || v === null) {
    return {};
  }
  if (typeof v !== "object" || Array.isArray(v)) {
    throw new YamlProgramError(`${where} must be a map of ${names.join(", ")}`);
  }
  const out: Record<string, unknown> = {};
  const lower = (n: string) => n.toLowerCase();
  for (const [k, x] of Object.entries(v)) {
    const name = names.find((n) => lower(n) === lower(k));
    if (name !== undefined) {
      out[name] = x;
    } else if (!ignored.some((n) => lower(n) === lower(k))) {
      throw new YamlProgramError(
        `${where}: ${JSON.stringify(k)} is not one of ${names.map((n) => JSON.stringify(n)).join(", ")}`,
      );
    }
  }
  return out;
}

/** The keys of Pulumi.yaml that describe the project, beside a template's sections. */
const projectKeys = [
  "name",
  "runtime",
  "description",
  "main",
  "stackConfigDir",
  "backend",
  "options",
  "template",
  "plugins",
  "packages",
  "author",
  "website",
  "license",
  "pulumi",
];

/** A declaration's map of properties (none when absent); anything else is an error. */
function map(v: unknown, where: string): Record<string, unknown> {
  if (v === undefined || v === null) {
    return {};
  }
  if (typeof v !== "object" || Array.isArray(v) || builtinOf(v) !== undefined) {
    throw new YamlProgramError(`${where} must be a map of property names to values`);
  }
  return v as Record<string, unknown>;
}

const record = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** A Pulumi YAML config type's value from the stack's text: `Integer`, `Boolean`, `List<…>`. */
function typedConfig(key: string, type: unknown, text: string): unknown {
  if (type === undefined && /^\s*[[{]/.test(text)) {
    // An undeclared type: a structured value of the stack's config is held as JSON text.
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  const t = typeof type === "string" ? type.toLowerCase() : "string";
  if (t === "integer" || t === "int" || t === "number") {
    const n = Number(text);
    if (Number.isNaN(n) || (t !== "number" && !Number.isInteger(n))) {
      throw new YamlProgramError(
        `config ${key}: ${JSON.stringify(text)} is not of type ${String(type)}`,
      );
    }
    return n;
  }
  if (t === "boolean" || t === "bool") {
    return text === "true";
  }
  if (t.startsWith("list<") || t === "array" || t === "object" || t.startsWith("map<")) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new YamlProgramError(
        `config ${key}: ${JSON.stringify(text)} is not of type ${String(type)}`,
      );
    }
  }
  return text;
}

type Node =
  | { readonly kind: "config"; readonly name: string; readonly decl: unknown }
  | { readonly kind: "variable"; readonly name: string; readonly expr: unknown }
  | { readonly kind: "resource"; readonly name: string; readonly decl: Record<string, unknown> };

/**
 * Runs a Pulumi YAML program inside the engine's stack: registers its resources and returns its
 * outputs. `config` is the stack's flat config (`project:key` → text).
 */
export async function runYamlProgram(
  program: YamlProgram,
  config: Readonly<Record<string, string>>,
  secretKeys: ReadonlySet<string> = new Set(),
): Promise<Record<string, unknown>> {
  const { project } = program;
  const doc = fields(
    program.doc,
    ["configuration", "config", "variables", "resources", "outputs"],
    path.basename(program.file),
    projectKeys,
  );
  const nodes = new Map<string, Node>();
  const add = (node: Node) => {
    if (nodes.has(node.name)) {
      throw new YamlProgramError(
        `${node.name} is declared twice (config, variables and resources share one namespace)`,
      );
    }
    nodes.set(node.name, node);
  };
  for (const section of ["configuration", "config"]) {
    for (const [name, decl] of Object.entries(record(doc[section]))) {
      add({ kind: "config", name, decl });
    }
  }
  for (const [name, expr] of Object.entries(record(doc.variables))) {
    add({ kind: "variable", name, expr });
  }
  for (const [name, raw] of Object.entries(record(doc.resources))) {
    const decl = fields(
      raw,
      ["type", "properties", "options", "get", "name", "defaultProvider"],
      `resources.${name}`,
    );
    if (typeof decl.type !== "string" || decl.type === "") {
      throw new YamlProgramError(`resources.${name} has no type`);
    }
    add({ kind: "resource", name, decl });
  }
  const known = (name: string) =>
    nodes.has(name) ||
    name.startsWith("pulumi.") ||
    `${project}:${name}` in config ||
    name in config;

  // What each resource's outputs are read by name: the SDK makes an output of each.
  const reads = new Map<string, Set<string>>();
  const dependencies = new Map<string, Set<string>>();
  for (const node of nodes.values()) {
    const refs = new Set<string>();
    referencesOf(
      node.kind === "resource" ? node.decl : node.kind === "variable" ? node.expr : undefined,
      known,
      refs,
      reads,
    );
    dependencies.set(node.name, new Set([...refs].filter((r) => nodes.has(r) && r !== node.name)));
  }
  referencesOf(doc.outputs, known, new Set(), reads);
  // A variable that is a resource (`bucket: ${records}`) is read as that resource: what is read
  // of it is read of the resource.
  for (let changed = true; changed;) {
    changed = false;
    for (const node of nodes.values()) {
      const alias = node.kind === "variable" ? aliasOf(node.expr, known) : undefined;
      const target = alias === undefined ? undefined : nodes.get(alias);
      if (target === undefined || target.kind === "config") {
        continue;
      }
      const into = reads.get(alias as string) ?? new Set<string>();
      for (const name of reads.get(node.name) ?? []) {
        if (!into.has(name)) {
          into.add(name);
          changed = true;
        }
      }
      reads.set(alias as string, into);
    }
  }
  // A provider declared `defaultProvider: true` is the provider of every resource of its package
  // that names none: they follow it.
  const defaults = new Map<string, string>();
  for (const node of nodes.values()) {
    if (node.kind === "resource" && node.decl.defaultProvider === true) {
      const type = String(node.decl.type);
      if (!type.startsWith("pulumi:providers:")) {
        throw new YamlProgramError(
          `resources.${node.name}: defaultProvider is an option of providers only`,
        );
      }
      defaults.set(type.slice("pulumi:providers:".length), node.name);
    }
  }
  for (const node of nodes.values()) {
    const provider =
      node.kind === "resource" ? defaults.get(packageOfType(String(node.decl.type))) : undefined;
    if (provider !== undefined && provider !== node.name) {
      dependencies.get(node.name)?.add(provider);
    }
  }

  const values = new Map<string, unknown>();
  const evaluator = new Evaluator(program, config, secretKeys, values, known, defaults);
  // In an order where each node follows what it refers to (declaration order among equals).
  for (const name of topologicalOrder(nodes, dependencies)) {
    const node = nodes.get(name) as Node;
    if (node.kind === "config") {
      values.set(name, evaluator.configValue(name, node.decl));
    } else if (node.kind === "variable") {
      values.set(name, evaluator.value(node.expr, `variables.${name}`));
    } else {
      values.set(name, evaluator.resource(name, node.decl, reads.get(name) ?? new Set()));
    }
  }
  const outputs: Record<string, unknown> = {};
  for (const [name, expr] of Object.entries(record(doc.outputs))) {
    outputs[name] = evaluator.value(expr, `outputs.${name}`);
  }
  return outputs;
}

function topologicalOrder(
  nodes: ReadonlyMap<string, Node>,
  dependencies: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string, chain: string[]) => {
    if (state.get(name) === "done") {
      return;
    }
    if (state.get(name) === "visiting") {
      throw new YamlProgramError(`a cycle of references: ${[...chain, name].join(" → ")}`);
    }
    state.set(name, "visiting");
    for (const d of dependencies.get(name) ?? []) {
      visit(d, [...chain, name]);
    }
    state.set(name, "done");
    order.push(name);
  };
  for (const name of nodes.keys()) {
    visit(name, []);
  }
  return order;
}

/** Evaluates the expressions of one program. */
class Evaluator {
  private readonly dir: string;
  /** The logical name and the type token each resource of the program was registered under. */
  private readonly identities = new WeakMap<pulumi.Resource, { name: string; type: string }>();

  constructor(
    private readonly program: YamlProgram,
    private readonly stackConfig: Readonly<Record<string, string>>,
    private readonly secretKeys: ReadonlySet<string>,
    private readonly values: Map<string, unknown>,
    private readonly known: (name: string) => boolean,
    /** Package → the program's provider declared its default (`defaultProvider: true`). */
    private readonly defaults: ReadonlyMap<string, string>,
  ) {
    this.dir = path.dirname(program.file);
  }

  configValue(name: string, decl: unknown): unknown {
    const d =
      typeof decl === "object" && decl !== null && !Array.isArray(decl)
        ? fields(
            decl,
            ["type", "name", "default", "secret", "value", "description", "items"],
            `config.${name}`,
          )
        : { default: decl };
    // The key the stack sets may be another name than the one the program reads (`name:`).
    const lexical = typeof d.name === "string" && d.name !== "" ? d.name : name;
    const key = lexical.includes(":") ? lexical : `${this.program.project}:${lexical}`;
    const text = this.stackConfig[key];
    let value: unknown;
    if (text !== undefined) {
      value = typedConfig(name, d.type, text);
    } else if ("value" in d) {
      value = d.value;
    } else if ("default" in d) {
      value = d.default;
    } else {
      throw new YamlProgramError(
        `Missing required configuration variable '${key}': set it in the stack's config (pulumi config set ${lexical} <value>)`,
      );
    }
    return d.secret === true || this.secretKeys.has(key) ? pulumi.secret(value) : value;
  }

  /** A symbol's value: config, a variable, a resource, or `pulumi.stack` and the like. */
  private symbol(root: string, where: string): unknown {
    if (this.values.has(root)) {
      return this.values.get(root);
    }
    switch (root) {
      case "pulumi.stack":
        return pulumi.getStack();
      case "pulumi.project":
        return pulumi.getProject();
      case "pulumi.organization":
        return pulumi.getOrganization();
      case "pulumi.cwd":
      case "pulumi.rootDirectory":
        return this.dir;
    }
    const key = root.includes(":") ? root : `${this.program.project}:${root}`;
    if (key in this.stackConfig) {
      return this.secretKeys.has(key)
        ? pulumi.secret(this.stackConfig[key])
        : this.stackConfig[key];
    }
    throw new YamlProgramError(
      `${where}: \${${root}} names no config, variable or resource of the program`,
    );
  }

  private access(ref: string, where: string): unknown {
    const a = parseAccess(ref, this.known);
    let v = this.symbol(a.root, where);
    for (const step of a.path) {
      v = stepInto(v, step);
    }
    return v;
  }

  /** Evaluates an expression: strings interpolate, `fn::` objects call built-ins. */
  value(v: unknown, where: string): unknown {
    if (typeof v === "string") {
      const parts = splitInterpolation(v);
      if (parts.length === 1 && typeof parts[0] !== "string") {
        return this.access(parts[0].ref, where);
      }
      // A resource in text stands for its ID (a component's, its URN).
      const evaluated = parts.map((p) => {
        const v = typeof p === "string" ? p : this.access(p.ref, where);
        return v instanceof pulumi.CustomResource ? v.id : v instanceof pulumi.Resource ? v.urn : v;
      });
      return pulumi.all(evaluated).apply((xs) => xs.map((x) => stringOf(x)).join(""));
    }
    if (Array.isArray(v)) {
      return v.map((x, i) => this.value(x, `${where}[${i}]`));
    }
    const builtin = builtinOf(v);
    if (builtin !== undefined) {
      return this.builtin(builtin.name, builtin.arg, `${where}.fn::${builtin.name}`);
    }
    if (typeof v === "object" && v !== null) {
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [k, this.value(x, `${where}.${k}`)]),
      );
    }
    return v;
  }

  private builtin(name: string, arg: unknown, where: string): unknown {
    const lower = name.toLowerCase();
    const value = (x: unknown) => this.value(x, where);
    const two = (): [unknown, unknown] => {
      if (!Array.isArray(arg) || arg.length !== 2) {
        throw new YamlProgramError(`${where}: takes a list of two`);
      }
      return [value(arg[0]), value(arg[1])];
    };
    switch (lower) {
      case "invoke":
        return this.invoke(record(arg), where);
      case "join": {
        const [sep, list] = two();
        return pulumi
          .all([sep, list])
          .apply(([s, l]) => (l as unknown[]).map(stringOf).join(String(s)));
      }
      case "split": {
        const [sep, text] = two();
        return pulumi.all([sep, text]).apply(([s, t]) => String(t).split(String(s)));
      }
      case "select": {
        const [index, list] = two();
        return pulumi.all([index, list]).apply(([i, l]) => (l as unknown[])[Number(i)]);
      }
      case "tojson":
        return out(value(arg)).apply((x) => JSON.stringify(x));
      case "tobase64":
        return out(value(arg)).apply((x) => Buffer.from(String(x)).toString("base64"));
      case "frombase64":
        return out(value(arg)).apply((x) => Buffer.from(String(x), "base64").toString("utf8"));
      case "secret":
        return pulumi.secret(value(arg));
      case "unsecret":
        return pulumi.unsecret(out(value(arg)));
      case "readfile":
        return out(value(arg)).apply((f) =>
          fs.readFileSync(path.resolve(this.dir, String(f)), "utf8"),
        );
      case "filebase64":
        return out(value(arg)).apply((f) =>
          fs.readFileSync(path.resolve(this.dir, String(f))).toString("base64"),
        );
      case "filebase64sha256":
        return out(value(arg)).apply((f) =>
          createHash("sha256")
            .update(fs.readFileSync(path.resolve(this.dir, String(f))))
            .digest("base64"),
        );
      case "singleornone":
        return out(value(arg)).apply((l) => {
          if (!Array.isArray(l) || l.length > 1) {
            throw new YamlProgramError(`${where}: takes a list of one element or none`);
          }
          return l.length === 0 ? null : (l[0] as unknown);
        });
      case "pulumiresourcename":
      case "pulumiresourcetype": {
        const r = value(arg);
        if (!(r instanceof pulumi.Resource)) {
          throw new YamlProgramError(`${where}: takes a resource of the program`);
        }
        const identity = this.identities.get(r);
        if (identity === undefined) {
          throw new YamlProgramError(`${where}: takes a resource of the program`);
        }
        return lower === "pulumiresourcename" ? identity.name : identity.type;
      }
      case "sha1":
        return out(value(arg)).apply((x) => createHash("sha1").update(String(x)).digest("hex"));
      case "length":
        return out(value(arg)).apply((x) =>
          Array.isArray(x) || typeof x === "string" ? x.length : Object.keys(record(x)).length,
        );
      case "fileasset":
        return new pulumi.asset.FileAsset(path.resolve(this.dir, String(arg)));
      case "stringasset":
        return new pulumi.asset.StringAsset(String(arg));
      case "remoteasset":
        return new pulumi.asset.RemoteAsset(String(arg));
      case "filearchive":
        return new pulumi.asset.FileArchive(path.resolve(this.dir, String(arg)));
      case "remotearchive":
        return new pulumi.asset.RemoteArchive(String(arg));
      case "assetarchive":
        return new pulumi.asset.AssetArchive(
          Object.fromEntries(
            Object.entries(record(arg)).map(([k, x]) => [k, value(x) as pulumi.asset.Asset]),
          ),
        );
      case "stackreference": {
        if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== "string") {
          throw new YamlProgramError(`${where}: takes [stack name, output name]`);
        }
        const ref = new pulumi.StackReference(arg[0]);
        return ref.getOutput(value(arg[1]) as pulumi.Input<string>);
      }
      default:
        if (name.includes(":")) {
          // `fn::aws:getAmi: { … }`: a call of that function with these arguments.
          return this.invoke({ function: name, arguments: arg }, where);
        }
        throw new YamlProgramError(
          `${where}: the built-in fn::${name} is not one the engine evaluates offline (fn::invoke, join, split, select, toJSON, toBase64, fromBase64, secret, unsecret, readFile, fileBase64, fileBase64Sha256, sha1, length, singleOrNone, pulumiResourceName, pulumiResourceType, the assets and archives, stackReference); check the program under the Pulumi CLI`,
        );
    }
  }

  /**
   * A resource's properties: a map, or an expression whose value is one (`properties: ${inputs}`,
   * a config object). A value not known until deployment cannot be spread into properties.
   */
  private properties(v: unknown, where: string): Record<string, unknown> {
    if (typeof v !== "string") {
      return record(this.value(map(v, where), where));
    }
    const value = this.value(v, where);
    if (
      pulumi.Output.isInstance(value) ||
      typeof value !== "object" ||
      value === null ||
      Array.isArray(value)
    ) {
      throw new YamlProgramError(
        `${where}: ${JSON.stringify(v)} must be a map of property names to values known before deployment (a config object or a variable holding one)`,
      );
    }
    return { ...(value as Record<string, unknown>) };
  }

  private invoke(call: Record<string, unknown>, where: string): unknown {
    call = fields(call, ["function", "arguments", "options", "return"], where);
    if (typeof call.function !== "string") {
      throw new YamlProgramError(`${where}: fn::invoke names no function`);
    }
    const token = canonicalFunction(call.function);
    const args = this.value(call.arguments ?? {}, `${where}.arguments`);
    const options = fields(
      call.options,
      ["provider", "parent", "version", "pluginDownloadURL", "dependsOn"],
      `${where}.options`,
    );
    const opts: pulumi.InvokeOptions = {};
    if (options.provider !== undefined) {
      opts.provider = this.value(
        options.provider,
        `${where}.options.provider`,
      ) as pulumi.ProviderResource;
    }
    if (options.parent !== undefined) {
      opts.parent = this.value(options.parent, `${where}.options.parent`) as pulumi.Resource;
    }
    if (typeof options.version === "string") {
      opts.version = options.version;
    }
    // The call waits for the resources it depends on, as the host's does.
    const dependsOn = this.value(options.dependsOn ?? [], `${where}.options.dependsOn`);
    const awaited = (Array.isArray(dependsOn) ? dependsOn : [dependsOn]).map((d) =>
      d instanceof pulumi.Resource ? d.urn : d,
    );
    const result = out([args, awaited]).apply(
      (both) =>
        pulumi.runtime.invoke(
          token,
          (both as unknown[])[0] as pulumi.Inputs,
          opts,
        ) as Promise<unknown>,
    );
    const field = call.return;
    return typeof field === "string" ? result.apply((r) => record(r)[field]) : result;
  }

  /** Registers a resource, reading the options the SDK takes. */
  resource(
    name: string,
    decl: Record<string, unknown>,
    read: ReadonlySet<string>,
  ): pulumi.Resource {
    const where = `resources.${name}`;
    const typeWritten = decl.type as string;
    const logical = typeof decl.name === "string" ? decl.name : name;
    const props = this.properties(decl.properties, `${where}.properties`);
    // Outputs the program reads by name must exist on the resource object.
    for (const out of read) {
      if (!(out in props) && out !== "id" && out !== "urn") {
        props[out] = undefined;
      }
    }
    const opts = this.options(decl.options, where);
    const fallback = this.defaults.get(packageOfType(typeWritten));
    if (fallback !== undefined && fallback !== name && opts.provider === undefined) {
      opts.provider = this.values.get(fallback) as pulumi.ProviderResource;
    }
    if (typeWritten.startsWith("pulumi:providers:")) {
      return this.typed(
        typeWritten,
        logical,
        new YamlProvider(typeWritten.slice("pulumi:providers:".length), logical, props, opts),
      );
    }
    if (typeWritten === "pulumi:pulumi:StackReference") {
      // Another stack's outputs, read from its state (offline, from sovereign-dc:stackOutputs).
      const stack = props.name ?? logical;
      return this.typed(
        typeWritten,
        logical,
        new pulumi.StackReference(logical, { name: stack as pulumi.Input<string> }, opts),
      );
    }
    // A type given `providers` is a component: a custom resource takes one provider.
    const givenProviders = (opts as pulumi.ComponentResourceOptions).providers !== undefined;
    const type = canonicalType(typeWritten, givenProviders);
    const get =
      decl.get === undefined ? undefined : fields(decl.get, ["id", "state"], `${where}.get`);
    if (get !== undefined) {
      const state = record(this.value(map(get.state, `${where}.get.state`), `${where}.get.state`));
      for (const out of read) {
        if (!(out in state) && out !== "id" && out !== "urn") {
          state[out] = undefined;
        }
      }
      return this.typed(
        type,
        logical,
        new YamlResource(type, logical, state, {
          ...opts,
          id: this.value(get.id, `${where}.get.id`) as pulumi.Input<string>,
        }),
      );
    }
    const pkg = type.split(":")[0];
    if (componentPackages.has(pkg) || kubernetesComponents.test(type) || givenProviders) {
      return this.typed(type, logical, new YamlComponent(type, logical, props, opts, true));
    }
    return this.typed(type, logical, new YamlResource(type, logical, props, opts));
  }

  private typed(type: string, name: string, r: pulumi.Resource): pulumi.Resource {
    this.identities.set(r, { name, type });
    return r;
  }

  private options(raw: unknown, where: string): pulumi.CustomResourceOptions {
    const copied = [
      "protect",
      "ignoreChanges",
      "version",
      "pluginDownloadURL",
      "import",
      "deleteBeforeReplace",
      "retainOnDelete",
      "replaceOnChanges",
      "additionalSecretOutputs",
      "customTimeouts",
      "aliases",
      "hideDiffs",
      // How the engine replaces or runs the provider: nothing the pack reads.
      "replacementTrigger",
      "envVarMappings",
    ];
    const references = [
      "provider",
      "parent",
      "deletedWith",
      "replaceWith",
      "dependsOn",
      "providers",
    ];
    const o = fields(raw, [...copied, ...references], `${where}.options`);
    const at = (k: string) => this.value(o[k], `${where}.options.${k}`);
    const opts: Record<string, unknown> = {};
    for (const k of Object.keys(o)) {
      if (k === "providers") {
        const p = at(k);
        opts.providers = Array.isArray(p) ? p : Object.values(record(p));
      } else {
        opts[k] = references.includes(k) ? at(k) : o[k];
      }
    }
    return opts as pulumi.CustomResourceOptions;
  }
}

/** A resource of the program: the SDK's resource classes are abstract; the YAML host's are not. */
class YamlResource extends pulumi.CustomResource {}
class YamlProvider extends pulumi.ProviderResource {}
class YamlComponent extends pulumi.ComponentResource {}

/** The package of a type token: `aws` of `aws:s3:BucketV2`, of `pulumi:providers:aws` none. */
function packageOfType(type: string): string {
  return type.startsWith("pulumi:providers:") ? "" : type.split(":")[0];
}

/** A value as an output, whatever it holds. */
const out = (x: unknown): pulumi.Output<unknown> =>
  pulumi.output(x as pulumi.Input<unknown>) as pulumi.Output<unknown>;

/** One accessor applied to a value: a resource's output, an object's field, a list's element. */
function stepInto(v: unknown, step: Accessor): unknown {
  if (v instanceof pulumi.Resource && "name" in step) {
    const output = (v as unknown as Record<string, unknown>)[step.name];
    if (!pulumi.Output.isInstance(output)) {
      // An output the program reads in a way the engine did not foresee (through a list of
      // resources): never read as nothing.
      throw new YamlProgramError(
        `the output ${step.name} of a resource is read where the engine cannot follow it; check the program under the Pulumi CLI`,
      );
    }
    return output;
  }
  return out(v).apply((x) => {
    if (x === undefined || x === null) {
      return undefined;
    }
    if (x instanceof pulumi.Resource) {
      return stepInto(x, step);
    }
    return "index" in step
      ? (x as unknown[])[step.index]
      : (x as Record<string, unknown>)[step.name];
  });
}

/** A value in an interpolation: text as it is, anything else as JSON (as the YAML host writes it). */
function stringOf(x: unknown): string {
  return typeof x === "string"
    ? x
    : typeof x === "number" || typeof x === "boolean"
      ? String(x)
      : JSON.stringify(x);
}

/** Reads a YAML program's document. */
export function readYamlProgram(file: string, project: string): YamlProgram {
  const text = fs.readFileSync(file, "utf8");
  let doc: unknown;
  try {
    doc = file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new YamlProgramError(
      `${path.basename(file)} is not valid ${file.endsWith(".json") ? "JSON" : "YAML"}: ${(e as Error).message}`,
    );
  }
  return { file, project, doc: record(doc) };
}
