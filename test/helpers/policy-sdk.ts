/**
 * Reads the installed provider SDKs' own declarations, so tests can prove that every type token
 * the pack reviews exists and every property path a flow model reads is an input of that type
 * (a misspelt path would silently never match). The method is the one data-paths.md §0 used:
 * follow the resource's `…Args` interface and the `inputs.<module>.<Type>` interfaces it names.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { inventoriedPackages } from "../../policy/inventory/sdk";

const sdkRoot = path.resolve(__dirname, "..", "..", "node_modules", "@pulumi");

/** Every `__pulumiType` token of the inventoried SDKs (one per class file). */
export function sdkTypeTokens(): Set<string> {
  const tokens = new Set<string>();
  for (const pkg of inventoriedPackages) {
    const dir = path.join(sdkRoot, pkg);
    for (const file of fs.readdirSync(dir, { recursive: true }).map(String)) {
      if (!file.endsWith(".js")) {
        continue;
      }
      const token = /__pulumiType = '([^']+)'/.exec(fs.readFileSync(path.join(dir, file), "utf8"));
      if (token) {
        tokens.add(token[1]);
      }
    }
  }
  return tokens;
}

/** Property name → declared type text of one interface body. */
function membersOf(body: string): Map<string, string> {
  const members = new Map<string, string>();
  const text = body.replace(/\/\*\*[\s\S]*?\*\//g, "");
  const re = /^\s{4,}(?:readonly\s+)?"?([A-Za-z_$][\w$]*)"?\??:\s*/gm;
  let m: RegExpExecArray | null;
  const starts: Array<{ name: string; at: number; end: number }> = [];
  while ((m = re.exec(text)) !== null) {
    starts.push({ name: m[1], at: m.index + m[0].length, end: text.length });
  }
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1].at : text.length;
    members.set(starts[i].name, text.slice(starts[i].at, end));
  }
  return members;
}

function interfaceBody(source: string, name: string, from = 0): string | undefined {
  const re = new RegExp(`interface ${name} \\{`, "g");
  re.lastIndex = from;
  const m = re.exec(source);
  if (!m) {
    return undefined;
  }
  let depth = 1;
  let i = m.index + m[0].length;
  for (; i < source.length && depth > 0; i++) {
    if (source[i] === "{") {
      depth++;
    } else if (source[i] === "}") {
      depth--;
    }
  }
  return source.slice(m.index + m[0].length, i - 1);
}

const inputCache = new Map<string, string>();

function inputDeclarations(pkg: string): string {
  let text = inputCache.get(pkg);
  if (text === undefined) {
    text = fs.readFileSync(path.join(sdkRoot, pkg, "types", "input.d.ts"), "utf8");
    inputCache.set(pkg, text);
  }
  return text;
}

/** Where each top-level namespace of a package's input.d.ts starts (its first declaration). */
const namespaceCache = new Map<string, Map<string, number>>();

function namespaceOffsets(pkg: string, source: string): Map<string, number> {
  let offsets = namespaceCache.get(pkg);
  if (offsets === undefined) {
    offsets = new Map();
    for (const m of source.matchAll(/export declare namespace ([\w$]+) \{/g)) {
      if (!offsets.has(m[1])) {
        offsets.set(m[1], m.index);
      }
    }
    namespaceCache.set(pkg, offsets);
  }
  return offsets;
}

/** Interface bodies already found: input.d.ts runs to megabytes, and paths share their types. */
const nestedCache = new Map<string, string | undefined>();

/** An interface of input.d.ts: `inputs.<ns>.<name>`, or `inputs.<name>` of a package without modules. */
function nestedInterface(pkg: string, ns: string | undefined, name: string): string | undefined {
  const key = `${pkg}:${ns ?? ""}.${name}`;
  if (nestedCache.has(key)) {
    return nestedCache.get(key);
  }
  const source = inputDeclarations(pkg);
  const nsAt = ns === undefined ? 0 : namespaceOffsets(pkg, source).get(ns);
  const body = nsAt === undefined ? undefined : interfaceBody(source, name, nsAt);
  nestedCache.set(key, body);
  return body;
}

/**
 * The `.d.ts` of a module path; a few are named in lower case (`dms/s3endpoint.d.ts`), and the
 * `index` module's lie at the package root (`index/mscSubWebhook` → `mscSubWebhook.d.ts`). A
 * package without modules (`docker-build:index:Image`) names its classes' files after them, one
 * that would be the package's own index with a trailing `_` (`Index` → `index_.d.ts`).
 */
function declarationFile(pkg: string, mod: string, kind: string): string | undefined {
  if (mod === "index") {
    const base = `${kind.charAt(0).toLowerCase()}${kind.slice(1)}`;
    return [`${base}.d.ts`, `${base}_.d.ts`]
      .map((f) => path.join(sdkRoot, pkg, f))
      .find(
        (f) => fs.existsSync(f) && fs.readFileSync(f, "utf8").includes(`interface ${kind}Args `),
      );
  }
  // A class named Index lies in `index_.d.ts` beside its module's own `index.d.ts`
  // (`aws:resourceexplorer/index:Index`).
  const exact = path.join(sdkRoot, pkg, `${mod.replace(/^index\//, "")}.d.ts`);
  const renamed = exact.replace(/\/index\.d\.ts$/, "/index_.d.ts");
  if (renamed !== exact && fs.existsSync(renamed)) {
    return renamed;
  }
  if (fs.existsSync(exact)) {
    return exact;
  }
  const dir = path.dirname(exact);
  const wanted = `${path.basename(mod)}.d.ts`.toLowerCase();
  const match = fs.existsSync(dir)
    ? fs.readdirSync(dir).find((f) => f.toLowerCase() === wanted)
    : undefined;
  return match !== undefined ? path.join(dir, match) : undefined;
}

/**
 * Why a dotted input path (with `[]` for arrays) is not an input of `type`, or undefined when it
 * resolves. Kubernetes types are not resolved (their inputs follow the Kubernetes API).
 */
export function inputPathProblem(type: string, dotted: string): string | undefined {
  const [pkg, mod, kind] = type.split(":");
  if (pkg === "kubernetes") {
    return undefined;
  }
  const file = declarationFile(pkg, mod, kind);
  if (file === undefined) {
    return `no declaration file for ${type}`;
  }
  let body = interfaceBody(fs.readFileSync(file, "utf8"), `${kind}Args`);
  if (body === undefined) {
    return `no interface ${kind}Args`;
  }
  // A `\.` is a dot inside a map's key (`connectionProperties.opensearch\.nodes`).
  const segments = dotted
    .replace(/\[\]/g, "")
    .split(/(?<!\\)\./)
    .map((seg) => seg.replaceAll("\\.", "."));
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const declared = membersOf(body).get(seg);
    if (declared === undefined) {
      return `${segments.slice(0, i + 1).join(".")} is not declared`;
    }
    if (i === segments.length - 1) {
      return undefined;
    }
    const ref = /inputs\.(?:(\w+)\.)?(\w+)/.exec(declared);
    if (!ref && /^pulumi\.Input<\{\s*\[key: string\]/.test(declared.trim())) {
      // A free-form map: the next segment is one of its keys, and it must be the last.
      return i === segments.length - 2
        ? undefined
        : `${segments.slice(0, i + 2).join(".")} is a key of a map and holds no object`;
    }
    if (!ref && /^pulumi\.Input<string\b/.test(declared.trim())) {
      // A JSON or YAML document held as text (policy documents, plug-in and alert
      // configurations): the rest of the path is inside it.
      return undefined;
    }
    if (!ref) {
      return `${segments.slice(0, i + 1).join(".")} is not an object type (${declared.trim()})`;
    }
    const next = nestedInterface(pkg, ref[1], ref[2]);
    if (next === undefined) {
      return `cannot find inputs.${ref[1] === undefined ? "" : `${ref[1]}.`}${ref[2]}`;
    }
    body = next;
  }
  return undefined;
}
