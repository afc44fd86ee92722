/**
 * Which fields of a resource's outputs its provider may leave out, as the provider SDK declares
 * its output types. `ec2/instance.d.ts` declares `readonly rootBlockDevice:
 * pulumi.Output<outputs.ec2.InstanceRootBlockDevice>`, and `types/output.d.ts` declares in that
 * type `volumeId: string` — always there: the provider computes it when the program does not
 * set it, and `pulumi preview` shows it unknown — against `deleteOnTermination?: boolean`, which
 * may be absent, and preview then shows it absent. A map's keys (`tags?: {[key: string]:
 * string}`) are the program's: one it did not set is absent.
 *
 * That holds for the SDKs bridged from Terraform providers (aws, alicloud, gcp, …), whose output
 * types mark every field the provider computes as always present; not for the native providers'.
 *
 * Read only when a callback reads a field an echo lacks (invokes/callbacks.ts), from the SDK the
 * program's project installs, and cached. A declaration this cannot read answers `undefined`: the
 * caller keeps the stand-in it gives when it does not know.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** A declared type, as far as it is read: a list, a map, a named output type, or anything else. */
type Declared =
  | { readonly kind: "list"; readonly of: Declared }
  | { readonly kind: "map"; readonly of: Declared }
  | { readonly kind: "named"; readonly namespaces: readonly string[]; readonly name: string }
  | { readonly kind: "other" };

/** A field of an output type: whether it may be absent, and its type. */
interface Field {
  readonly optional: boolean;
  readonly type: Declared;
}

const packageRoots = new Map<string, string | undefined>();
const files = new Map<string, string | undefined>();
const interfaces = new Map<string, ReadonlyMap<string, Field> | undefined>();

/**
 * Whether the field at the end of `fieldPath` (a top-level output, then fields, `[]` for a list's
 * element and any key for a map's value) may be absent from a resource of type `type` (a Pulumi
 * type token, `aws:ec2/instance:Instance`): true when its SDK declares it optional or it is a
 * map's key, false when declared always present, undefined when the declarations cannot say.
 */
export function mayBeAbsent(type: string, fieldPath: readonly string[]): boolean | undefined {
  try {
    const [pkg, module, name] = type.split(":");
    if (pkg === undefined || module === undefined || name === undefined || fieldPath.length < 2) {
      return undefined;
    }
    // The native providers' output types follow the cloud's API specification, which leaves
    // almost every field of a response optional, those the cloud assigns too (an Azure container
    // group's `ipAddress.ip`): optional says nothing there.
    if (pkg.endsWith("-native")) {
      return undefined;
    }
    const root = packageRoot(pkg);
    if (root === undefined) {
      return undefined;
    }
    const [first, ...rest] = fieldPath;
    let current = resourceOutput(root, module, name, first);
    for (let i = 0; i < rest.length && current !== undefined; i++) {
      const key = rest[i];
      const last = i === rest.length - 1;
      if (current.kind === "list") {
        if (key !== "[]") {
          return undefined;
        }
        current = current.of;
        continue;
      }
      if (current.kind === "map") {
        if (last) {
          return true;
        }
        current = current.of;
        continue;
      }
      if (current.kind !== "named") {
        return undefined;
      }
      const field = outputInterface(root, current.namespaces, current.name)?.get(key);
      if (field === undefined) {
        return undefined;
      }
      if (last) {
        return field.optional;
      }
      current = field.type;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/** The folder of `@pulumi/<pkg>` as the program's project installs it. */
function packageRoot(pkg: string): string | undefined {
  const key = `${process.cwd()}\u0000${pkg}`;
  if (!packageRoots.has(key)) {
    let root: string | undefined;
    try {
      root = path.dirname(
        require.resolve(`@pulumi/${pkg}/package.json`, { paths: [process.cwd()] }),
      );
    } catch {
      root = undefined;
    }
    packageRoots.set(key, root);
  }
  return packageRoots.get(key);
}

/** A declaration file's text, after a newline: every declaration searched for opens a line. */
function read(file: string): string | undefined {
  if (!files.has(file)) {
    let text: string | undefined;
    try {
      text = `\n${fs.readFileSync(file, "utf8")}`;
    } catch {
      text = undefined;
    }
    files.set(file, text);
  }
  return files.get(file);
}

/** The declared type of a resource's top-level output `field`, from its class's declarations. */
function resourceOutput(
  root: string,
  module: string,
  name: string,
  field: string,
): Declared | undefined {
  // `ec2/instance` names the file; a token without one (`azure-native:network:PrivateEndpoint`)
  // names it by the class; a resource of the package's index module sits at its root.
  const [folder, file] = module.includes("/")
    ? module.split("/")
    : [module, name.charAt(0).toLowerCase() + name.slice(1)];
  const text = read(path.join(root, folder === "index" ? "" : folder, `${file}.d.ts`));
  const at = text?.indexOf(`\n    readonly ${field}: pulumi.Output<`) ?? -1;
  if (text === undefined || at < 0) {
    return undefined;
  }
  const start = text.indexOf("<", at) + 1;
  const end = text.indexOf(">;\n", start);
  return end < 0 ? undefined : parse(text.slice(start, end));
}

/** A type as declared (`outputs.ec2.X[] | undefined`, `{ [key: string]: string; }`, `string`). */
function parse(declared: string): Declared {
  let t = declared.replace(/\s+/g, " ").trim();
  t = t.replace(/ \| undefined$/, "").trim();
  if (t.endsWith("[]")) {
    return { kind: "list", of: parse(t.slice(0, -2)) };
  }
  const map = /^\{ \[key: string\]: (.+?);? \}$/.exec(t);
  if (map !== null) {
    return { kind: "map", of: parse(map[1]) };
  }
  const named = /^outputs\.((?:[A-Za-z_$][\w$]*\.)+)([A-Za-z_$][\w$]*)$/.exec(t);
  if (named !== null) {
    return { kind: "named", namespaces: named[1].slice(0, -1).split("."), name: named[2] };
  }
  return { kind: "other" };
}

/** The fields of the output type `namespaces.name`, from the package's `types/output.d.ts`. */
function outputInterface(
  root: string,
  namespaces: readonly string[],
  name: string,
): ReadonlyMap<string, Field> | undefined {
  const key = `${root}\u0000${namespaces.join(".")}\u0000${name}`;
  if (!interfaces.has(key)) {
    interfaces.set(
      key,
      readInterface(read(path.join(root, "types", "output.d.ts")), namespaces, name),
    );
  }
  return interfaces.get(key);
}

function readInterface(
  text: string | undefined,
  namespaces: readonly string[],
  name: string,
): ReadonlyMap<string, Field> | undefined {
  if (text === undefined) {
    return undefined;
  }
  // Each namespace's block, nested four spaces a level: `export declare namespace ec2 {` at the
  // top, `    namespace v20230201 {` within.
  let from = 0;
  let to = text.length;
  let indent = "";
  for (const [i, ns] of namespaces.entries()) {
    const opening =
      i === 0 ? `\nexport declare namespace ${ns} {\n` : `\n${indent}namespace ${ns} {\n`;
    const at = text.indexOf(opening, from);
    if (at < 0 || at >= to) {
      return undefined;
    }
    const closing = text.indexOf(`\n${indent}}\n`, at + opening.length);
    from = at + opening.length - 1;
    to = closing < 0 ? to : closing;
    indent += "    ";
  }
  const opening = `\n${indent}interface ${name} {\n`;
  const at = text.indexOf(opening, from);
  if (at < 0 || at >= to) {
    return undefined;
  }
  const end = text.indexOf(`\n${indent}}\n`, at + opening.length);
  if (end < 0) {
    return undefined;
  }
  const fields = new Map<string, Field>();
  const body = text.slice(at + opening.length, end).split("\n");
  const fieldIndent = `${indent}    `;
  for (let i = 0; i < body.length; i++) {
    const line = body[i];
    const m = new RegExp(`^${fieldIndent}([A-Za-z_$][\\w$]*)(\\?)?: (.*)$`).exec(line);
    if (m === null) {
      continue;
    }
    // A map's type spans lines: `tags?: {` … `};`.
    let declared = m[3];
    const open = (s: string) => s.split("{").length - s.split("}").length;
    while ((open(declared) > 0 || !declared.endsWith(";")) && i + 1 < body.length) {
      i += 1;
      declared += ` ${body[i].trim()}`;
    }
    fields.set(m[1], { optional: m[2] === "?", type: parse(declared.replace(/;$/, "")) });
  }
  return fields;
}
