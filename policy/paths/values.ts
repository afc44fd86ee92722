/**
 * Reading resource properties the way a residency decision needs them, with one marker for a
 * value that is not known until deployed.
 *
 * Values come in two shapes: the CrossGuard runtime's proxies, which throw an UnknownValueError
 * when a preview-unknown value is read, and plain JSON copies (`plainValue`, of a recorded plan or
 * of the runtime's resources) in which every unknown is already replaced by the marker. The
 * readers here accept both and hand the caller `unknown` either way, so that each policy decides
 * what an unknown means in its own words: a finding that holds whatever the value is, or one that
 * is undecided (Finding.undecided), which the framework defers to `pulumi up` or fails closed
 * (policy/framework.ts, `unknownAtPreview`) — never an error escaping the policy unread.
 */
import { memoByText } from "./memo";
import type { PolicyResource } from "@pulumi/policy";
import * as proxy from "@pulumi/policy/proxy";
import type { BorderResource } from "./model";

/**
 * A value the engine could not know when the policy ran (a preview's computed output). Treated as
 * "could be anywhere": a reference through it resolves to nothing, a region in it is unknown, and
 * unknown fails closed.
 */
export interface UnknownValue {
  readonly [unknownBrand]: true;
}
declare const unknownBrand: unique symbol;

export const unknown: UnknownValue = Object.freeze({
  unknown: "not known until deployed",
}) as never;
export type Unknown = UnknownValue;

export function isUnknown(v: unknown): v is UnknownValue {
  return v === unknown;
}

/** The runtime's UnknownValueError (its module ships no type declarations). */
const { UnknownValueError, unknownStringValue } = proxy as unknown as {
  UnknownValueError: new (
    sentinel: unknown,
    props: readonly string[],
  ) => Error & { readonly props: readonly string[] };
  unknownStringValue: unknown;
};

export function isUnknownValueError(e: unknown): boolean {
  return e instanceof UnknownValueError;
}

/**
 * An UnknownValueError of the runtime's that says `message`: thrown from a policy, the runtime
 * skips the policy for the resource with an advisory note that quotes it.
 */
export function unknownValueError(message: string): Error {
  const e = new UnknownValueError(unknownStringValue, []);
  e.message = message;
  return e;
}

/**
 * `value`, when known. One not known at preview throws the runtime's own error, as its proxy does
 * when such a value is read: a row's reader (a `judged` field's `judges`) that meets it leaves its
 * whole reading undecided, a finding that says only that and waits for `pulumi up` at a first
 * preview, instead of naming the value as a place that cannot be placed. `path` names the value.
 */
export function decided<T>(value: T, path: string): T {
  if (isUnknown(value)) {
    throw unknownValueError(`${path} is not known at preview`);
  }
  return value;
}

/** `v` as an object's fields, or undefined when it is no object (a list, text, nothing). */
export function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

/** Whether a value, or anything inside it, is not known at preview. */
export function holdsUnknown(v: unknown): boolean {
  if (isUnknown(v)) {
    return true;
  }
  if (Array.isArray(v)) {
    return v.some(holdsUnknown);
  }
  return typeof v === "object" && v !== null && Object.values(v).some(holdsUnknown);
}

/** Runs `read`; an access to an unknown value of a runtime proxy yields `unknown` instead. */
export function known<T>(read: () => T): T | Unknown {
  try {
    return read();
  } catch (e) {
    if (isUnknownValueError(e)) {
      return unknown;
    }
    throw e;
  }
}

/**
 * The unknown-value sentinels of the engine's wire protocol, one per property kind (the same
 * strings as @pulumi/policy's proxy.js, which does not export them).
 */
const unknownSentinels: ReadonlySet<string> = new Set([
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

const sigKey = "4dabf18193072939515e22adb298388d";
const secretSig = "1b47061264138c4ac30d75fd1eb44270";
const resourceSig = "5cf8f73096256a8f31e491e813e4eb8e";
const outputValueSig = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

/** The policy runtime's proxies hand out their target under this key. */
const proxyTargetKey = "__getSpecialProxyTarget";

/**
 * The object behind a runtime proxy, as the engine handed it (unknowns as their sentinels,
 * secrets and resources in their wire signatures), or `value` itself: for a quick look at a
 * resource's properties without the proxy's cost on every access.
 */
export function proxyTarget(value: unknown): unknown {
  return value === null || typeof value !== "object" ? value : (unwrapped(value) ?? value);
}

/** The target of `value` if a runtime proxy, else `value`; undefined where reading it throws. */
function unwrapped(value: object): object | undefined {
  try {
    const inner = (value as Record<string, unknown>)[proxyTargetKey];
    return inner !== null && typeof inner === "object" ? inner : value;
  } catch {
    return undefined;
  }
}

/** A deep plain copy: wire signatures unwrapped, unknowns marked, secrets revealed. */
export function plainValue(value: unknown): unknown {
  if (typeof value === "string") {
    return unknownSentinels.has(value) ? unknown : value;
  }
  if (value === null || typeof value !== "object" || value === unknown) {
    return value;
  }
  const target = unwrapped(value);
  if (target === undefined) {
    return unknown;
  }
  if (Array.isArray(target)) {
    return target.map((v) => plainValue(v));
  }
  const obj = target as Record<string, unknown>;
  switch (obj[sigKey]) {
    case secretSig:
      return plainValue(obj.value);
    case resourceSig:
      return obj.urn;
    case outputValueSig:
      return "value" in obj ? plainValue(obj.value) : unknown;
    default:
      break;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) {
    let v: unknown;
    try {
      v = obj[k];
    } catch {
      out[k] = unknown;
      continue;
    }
    if (v !== undefined) {
      out[k] = plainValue(v);
    }
  }
  return out;
}

function plainProps(props: unknown): Record<string, unknown> {
  const p = plainValue(props);
  return p !== null && typeof p === "object" && !Array.isArray(p) && p !== unknown
    ? (p as Record<string, unknown>)
    : {};
}

/** The resources of a stack policy's arguments, with their providers. */
export function fromPolicyResources(resources: readonly PolicyResource[]): BorderResource[] {
  const out: BorderResource[] = [];
  const seen = new Set<string>();
  for (const r of resources) {
    seen.add(r.urn);
  }
  for (const r of resources) {
    // The runtime attaches a resource's provider to it; the provider is normally also one of the
    // stack's resources, but the analysis needs it either way to place the resource.
    if (r.provider && !seen.has(r.provider.urn)) {
      seen.add(r.provider.urn);
      out.push({
        urn: r.provider.urn,
        type: r.provider.type,
        name: r.provider.name,
        props: plainProps(r.provider.props),
        dependencies: [],
        propertyDependencies: {},
        protect: false,
      });
    }
    const propertyDependencies: Record<string, string[]> = {};
    for (const [k, deps] of Object.entries(r.propertyDependencies ?? {})) {
      propertyDependencies[k] = deps.map((d) => d.urn);
    }
    out.push({
      urn: r.urn,
      type: r.type,
      name: r.name,
      props: plainProps(r.props),
      provider: r.provider?.urn,
      parent: r.parent?.urn,
      dependencies: (r.dependencies ?? []).map((d) => d.urn),
      propertyDependencies,
      protect: r.opts?.protect === true,
    });
  }
  return out;
}

/** The fields of a recorded plan the analysis reads (the engine's `Plan` fits it). */
export interface PlanLike {
  readonly resources: ReadonlyArray<{
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly parent?: string;
    readonly provider?: string;
    readonly dependencies: readonly string[];
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    readonly protect: boolean;
    readonly outputs: Readonly<Record<string, unknown>>;
  }>;
}

/** The resources of a recorded plan, read from their outputs as `analyzeStack` sends them. */
export function fromPlan(plan: PlanLike): BorderResource[] {
  return plan.resources.map((r) => ({
    urn: r.urn,
    type: r.type,
    name: r.name,
    props: plainProps(r.outputs),
    provider: r.provider,
    parent: r.parent,
    dependencies: r.dependencies,
    propertyDependencies: r.propertyDependencies,
    protect: r.protect,
  }));
}

/** One value found at a property path, with the concrete path it was found at. */
export interface Found {
  /** Concrete path, e.g. `rules[0].destination.bucket`. */
  readonly path: string;
  readonly value: unknown;
  /**
   * The object holding the last named segment: for `rules[].destination.bucket` the
   * `destination` object, for `egress[].cidrBlocks[]` the rule `egress[i]`, for
   * `targetCopyRegions[]` the props — the place sibling settings are read from.
   */
  readonly holder: unknown;
  /**
   * Set where the path continues into text that is neither JSON nor YAML the pack can read: the
   * value is that text, found where the path met it. Whatever it names cannot be told, so a
   * field reading it fails closed, as with a value not known at preview.
   */
  readonly unreadable?: true;
}

function joinPath(base: string, key: string): string {
  return base === "" ? key : `${base}.${key}`;
}

/**
 * The keys of a dotted property path, where `\.` stands for a dot inside a key (a Step Functions
 * parameter chosen at run time, `ApiEndpoint.$`).
 */
function pathSegments(path: string): string[] {
  // Most paths escape nothing: split them as they are.
  return path.includes("\\")
    ? path.split(/(?<!\\)\./).map((s) => s.replaceAll("\\.", "."))
    : path.split(".");
}

/**
 * The steps of a path, `[]` a step of its own. The paths come from the type tables and the
 * policies — a few thousand at most — and every resource of a stack is read at the same ones, so
 * each is split once.
 */
const stepsOf = memoByText(20_000, (path: string): readonly string[] =>
  pathSegments(path).flatMap((s) => (s.endsWith("[]") ? [s.slice(0, -2), "[]"] : s)),
);

/**
 * Every value at a dotted property path where `[]` expands an array:
 * `rules[].destination.bucket`, `targetCopyRegions[]`. Absent values are skipped; a value that
 * is unknown at any step is returned as `unknown` with the path it was met at. A single value
 * where `[]` expects a list is read as that one value (providers accept both in places), and a
 * path may continue into a JSON or YAML document or list held as text, and on into the documents
 * that one holds as text in turn (an alert manager definition's `alertmanager_config`); text
 * that looks like a document but parses as neither is returned where it was met, `unreadable`.
 * `*` expands the values of a map (`skewedInfo.skewedColumnValueLocationMaps.*`), each found at
 * its key, a map held as text included; `\.` is a dot inside a key (`Parameters.ApiEndpoint\.$`).
 */
export function valuesAt(props: unknown, path: string): Found[] {
  const segments = stepsOf(path);
  const out: Found[] = [];
  const walk = (value: unknown, holder: unknown, at: string, i: number): void => {
    if (value === unknown) {
      out.push({ path: at, value: unknown, holder });
      return;
    }
    if (i === segments.length) {
      if (value !== undefined && value !== null) {
        out.push({ path: at, value, holder });
      }
      return;
    }
    const seg = segments[i];
    if (seg === "[]") {
      // A list held as text (an ECS task's container definitions) is read as that list.
      const list = typeof value === "string" ? textDocument(value) : undefined;
      if (list !== undefined && Array.isArray(list.doc)) {
        walk(list.doc, holder, at, i);
        return;
      }
      const items = known(() => (Array.isArray(value) ? value.length : -1));
      if (isUnknown(items)) {
        out.push({ path: `${at}[]`, value: unknown, holder });
      } else if (items === -1) {
        // Providers accept a single value where a list is declared in places; read it as one.
        walk(value, holder, at, i + 1);
      } else {
        for (let k = 0; k < items; k++) {
          walk(
            known(() => (value as unknown[])[k]),
            holder,
            `${at}[${k}]`,
            i + 1,
          );
        }
      }
      return;
    }
    if (typeof value === "string") {
      // Policy documents travel as JSON text, plug-in and alert configurations and pipeline bodies
      // as YAML; a path may continue into them, by key or over a map's values (`*`).
      const text = textDocument(value);
      if (text?.unreadable) {
        out.push({ path: at, value, holder, unreadable: true });
      } else if (text !== undefined && text.doc !== null && typeof text.doc === "object") {
        walk(text.doc, holder, at, i);
      }
      return;
    }
    if (seg === "*") {
      const keys = known(() =>
        value !== null && typeof value === "object" && !Array.isArray(value)
          ? Object.keys(value)
          : [],
      );
      if (isUnknown(keys)) {
        out.push({ path: at, value: unknown, holder });
        return;
      }
      for (const key of keys) {
        walk(
          known(() => (value as Record<string, unknown>)[key]),
          value,
          joinPath(at, key),
          i + 1,
        );
      }
      return;
    }
    if (value === null || typeof value !== "object") {
      return;
    }
    walk(
      known(() => (value as Record<string, unknown>)[seg]),
      value,
      joinPath(at, seg),
      i + 1,
    );
  };
  walk(props, props, "", 0);
  return out;
}

/** The one value at a path (the first, where `[]` finds several), `unknown`, or undefined. */
export function valueAt(props: unknown, path: string): unknown {
  const found = valuesAt(props, path);
  return found.length > 0 ? found[0].value : undefined;
}

/**
 * The item of the list `key` that holds a value found at `path` (`rules[0]` for
 * `replicationConfiguration.rules[0].destination.bucket`, the rule itself where a single rule
 * stands for the list): the last such step of the path. Undefined when the path has none, or
 * the item is not an object; `unknown` when it is not known at preview.
 */
export function itemAt(props: unknown, path: string, key: string): unknown {
  const steps = [...path.matchAll(new RegExp(`(?:^|\\.)${key}(?:\\[\\d+\\])?(?=\\.|$)`, "g"))];
  const last = steps.pop();
  if (last === undefined) {
    return undefined;
  }
  let v: unknown = props;
  for (const seg of path.slice(0, last.index + last[0].length).split(".")) {
    const [, name = "", indices = ""] = /^([^[]*)((?:\[\d+\])*)$/.exec(seg) ?? [];
    const keys = [name, ...[...indices.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))];
    for (const k of keys) {
      if (k === "") {
        continue;
      }
      if (isUnknown(v)) {
        return v;
      }
      if (v === null || typeof v !== "object") {
        return undefined;
      }
      const holder = v;
      v = known(() => (holder as Record<string | number, unknown>)[k]);
    }
  }
  return isUnknown(v) || (v !== null && typeof v === "object") ? v : undefined;
}

/** A non-empty string, or undefined (unknowns included). */
export function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** Booleans as providers accept them: `true`, or the string `"true"` of string-typed flags. */
export function isTrue(v: unknown): boolean {
  return v === true || (typeof v === "string" && v.toLowerCase() === "true");
}

/** A flag that is on: `true`, `"true"`, `"Enabled"`, `"enabled"`. */
export function isOn(v: unknown): boolean {
  return v === true || v === "true" || v === "Enabled" || v === "enabled";
}

/**
 * A JSON document that may arrive as a string (policies, provider settings the SDK stringifies)
 * or as an object; undefined when it does not parse. Reading it through JSON.stringify touches
 * every value, so an unknown inside (a proxy's, or a plain copy's marker) makes the whole
 * document `unknown`.
 */
export function jsonDocument(v: unknown): unknown {
  if (typeof v === "string") {
    if (!mayBeJson(v)) {
      // Most strings a resource holds (names, regions, CIDRs, ARNs) are no JSON text: told
      // apart by their first character, without the exception a failed parse costs.
      return undefined;
    }
    try {
      return JSON.parse(v);
    } catch {
      return undefined;
    }
  }
  if (v === null || typeof v !== "object") {
    return undefined;
  }
  let marked = false;
  const text = known(() =>
    JSON.stringify(v, (_key, x: unknown) => {
      marked ||= x === unknown;
      return x;
    }),
  );
  return text === unknown || marked ? unknown : JSON.parse(text as string);
}

/** What a text holds where a path continues into it: its JSON or YAML value, or none it can read. */
interface TextDocument {
  readonly doc?: unknown;
  readonly unreadable?: true;
}

/**
 * The value of a JSON or YAML document held as text: JSON first (most documents a resource holds
 * are), YAML only for text that may hold a YAML mapping or list (`yamlCollection`), so names,
 * regions, ARNs and URLs cost no parse. Undefined for text that holds no document (a YAML
 * scalar); `unreadable` when it looks like a document but neither language reads it.
 */
function textDocument(text: string): TextDocument | undefined {
  const json = jsonDocument(text);
  if (json !== undefined) {
    return { doc: json };
  }
  return yamlCollection.test(text) ? yamlDocument(text) : undefined;
}

/** The JSON or YAML document text holds (`textDocument`), or undefined. */
export function documentInText(text: string): unknown {
  return textDocument(text)?.doc;
}

/**
 * Text that may hold a YAML mapping or list: a `key: value` pair (a colon followed by white
 * space or the end of a line), or a line that starts a list item (`- `), an explicit key (`? `),
 * a flow collection or a document. Any other text is a YAML scalar, whatever it says.
 */
const yamlCollection = /:(?:[ \t\r\n]|$)|^[ \t]*(?:[-?](?:[ \t\r\n]|$)|[[{]|---)/m;

/** Aliases a YAML document may resolve: enough for a shared block, too few for an expansion bomb. */
const maxAliasCount = 100;

type YamlModule = typeof import("yaml");
let yamlModule: YamlModule | undefined;

/**
 * A YAML document's value, read with the core schema and no custom tags, so text only ever
 * becomes maps, lists, strings, numbers, booleans and nulls: an unknown tag leaves its value as
 * it is written. `<<` merge keys are applied, as the Go and Java readers of the services do, so a
 * destination written in a shared block is found. Several documents in one text, a duplicate
 * key, a syntax error or more than `maxAliasCount` aliases make it `unreadable`. The last 32
 * texts read are kept with what they hold, the oldest dropped first: every field of a row reads
 * its resource's document (an ingestion pipeline's body is read by a dozen fields and their
 * conditions), and a parse costs far more than a JSON one. The values are shared, and nothing
 * reading them writes.
 */
const yamlDocument = memoByText(32, parseYaml, "oldest");

/** `yamlDocument`'s parse, each time it is asked. */
function parseYaml(text: string): TextDocument {
  // Loaded on first use: programs holding no YAML text pay nothing for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yamlModule ??= require("yaml") as YamlModule;
  try {
    const doc = yamlModule.parseDocument(text, {
      schema: "core",
      customTags: [],
      merge: true,
      uniqueKeys: true,
      prettyErrors: false,
      // Errors are collected on the document (several documents in one text among them);
      // warnings, such as an unknown tag, are not printed.
      logLevel: "error",
    });
    if (doc.errors.length > 0) {
      return { unreadable: true };
    }
    return { doc: doc.toJS({ maxAliasCount }) };
  } catch {
    return { unreadable: true };
  }
}

/** A JSON number, the whole of a text (JSON.parse's grammar, white space around it aside). */
const jsonNumber = /^\s*-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?\s*$/;
/** JSON's white space, which may precede a value. */
const jsonSpace = /^[ \t\n\r]*/;

/**
 * False when `text` cannot be JSON: its first character after JSON's white space starts no JSON
 * value, it starts with a letter and is none of JSON's literals, or it starts a number and is
 * none. True does not promise a parse: an object, array or string text is left to JSON.parse.
 */
function mayBeJson(text: string): boolean {
  const at = jsonSpace.exec(text)![0].length;
  const c = text.charCodeAt(at);
  if (c === 0x7b || c === 0x5b || c === 0x22) {
    return true; // { [ "
  }
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
    return jsonNumber.test(text); // - 0-9
  }
  if (c === 0x74 || c === 0x66 || c === 0x6e) {
    const word = text.trim();
    return word === "true" || word === "false" || word === "null";
  }
  return false;
}

/** A string or list of strings (IAM-style `"*"` / `["*"]`) as a list. */
export function stringList(v: unknown): string[] {
  if (typeof v === "string") {
    return [v];
  }
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/**
 * The object or array a text holds as JSON, or with `yaml` as a YAML document of several lines;
 * undefined for any other text. One line is never read as YAML: `Region: Frankfurt` is prose
 * in a description, not a mapping.
 */
function collectionIn(text: string, yaml: boolean): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    const doc = jsonDocument(text);
    if (doc !== undefined && doc !== unknown) {
      return doc;
    }
  }
  if (yaml && trimmed.includes("\n") && yamlCollection.test(text)) {
    const { doc } = yamlDocument(text);
    return doc !== null && typeof doc === "object" ? doc : undefined;
  }
  return undefined;
}

/** A string `stringsIn` found, with the name of the property that holds it. */
export interface FoundString extends Found {
  /**
   * The property holding the value: its own key, or the key of the array it is an element of
   * (undefined for the value itself and for elements of a top-level array).
   */
  readonly name?: string;
  /**
   * Set where the value stands inside a `Deny` statement of a policy document (an object of a
   * `Statement` list, or a lone `Statement`, whose `Effect` is `"Deny"`, as IAM and RAM spell
   * it; an entry of a RAM policy's deprecated `statements` whose `effect` is), or under any
   * statement's `NotResource` or `NotPrincipal`: whatever a denial names — a resource, a
   * principal, a key — it only takes access away, and what a statement leaves out it grants
   * nothing. A statement whose `Effect` is not known at preview denies nothing.
   */
  readonly denied?: true;
}

/**
 * Every string anywhere in a value, with its path; strings holding JSON objects or arrays are
 * parsed and searched too (policy documents travel as strings), and with `documents: "json-yaml"`
 * so are texts of several lines holding a YAML mapping or list (an OpenAPI body, a cloud-init
 * or SSM document, a manifest in a ConfigMap). Unknowns are reported as such. `prune` leaves out
 * whatever is held under a key it names.
 */
export function stringsIn(
  value: unknown,
  at = "",
  prune?: (key: string) => boolean,
  documents: "json" | "json-yaml" = "json",
): FoundString[] {
  const out: FoundString[] = [];
  const found = (p: string, value: unknown, holder: unknown, name?: string, denied?: true) =>
    out.push(denied ? { path: p, value, holder, name, denied } : { path: p, value, holder, name });
  const visit = (
    v: unknown,
    holder: unknown,
    p: string,
    name: string | undefined,
    denied: true | undefined,
  ): void => {
    if (v === unknown) {
      found(p, unknown, holder, name, denied);
      return;
    }
    if (typeof v === "string") {
      const doc = collectionIn(v, documents === "json-yaml");
      if (doc !== undefined) {
        visit(doc, holder, p, name, denied);
        return;
      }
      found(p, v, holder, name, denied);
      return;
    }
    if (Array.isArray(v)) {
      const n = known(() => v.length);
      if (isUnknown(n)) {
        found(p, unknown, holder, name, denied);
        return;
      }
      for (let i = 0; i < n; i++) {
        visit(
          known(() => v[i]),
          v,
          `${p}[${i}]`,
          name,
          denied,
        );
      }
      return;
    }
    if (v === null || typeof v !== "object") {
      return;
    }
    // A statement of a policy document (the object a `Statement` key holds, alone or in a list),
    // or of the `statements` list an Alibaba Cloud RAM policy took before its `document`.
    const inDeny =
      denied ??
      ((name === "Statement" && known(() => (v as { Effect?: unknown }).Effect) === "Deny") ||
      (name === "statements" && known(() => (v as { effect?: unknown }).effect) === "Deny")
        ? true
        : undefined);
    // What a statement's `NotResource` or `NotPrincipal` names is what it leaves out.
    const statement = name === "Statement";
    for (const key of Object.keys(v)) {
      if (prune?.(key)) {
        continue;
      }
      visit(
        known(() => (v as Record<string, unknown>)[key]),
        v,
        joinPath(p, key),
        key,
        inDeny ??
          (statement && (key === "NotResource" || key === "NotPrincipal") ? true : undefined),
      );
    }
  };
  visit(value, value, at, undefined, undefined);
  return out;
}

/** `rules[3].destination.bucket` → `rules[].destination.bucket`: the path a model names. */
export function modelPath(concrete: string): string {
  return concrete.replace(/\[\d+\]/g, "[]");
}
