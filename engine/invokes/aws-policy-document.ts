/**
 * `aws.iam.getPolicyDocument` offline: the answer the AWS provider computes from the invoke's
 * inputs alone. Behind the Pulumi bridge that is Terraform's `aws_iam_policy_document` data
 * source (terraform-provider-aws `internal/service/iam/policy_document_data_source.go` and
 * `policy_model.go`) reading its config through terraform-plugin-sdk v2, so three layers decide
 * the text, and each is reproduced here:
 *
 * - the SDK: `actions`, `resources`, `principals`, `identifiers`, `conditions` are schema *sets*.
 *   A set drops duplicates and lists its elements in the order of their hash codes (CRC-32 of
 *   the element's hash serialisation) compared as decimal strings (`helper/schema/set.go`,
 *   `serialize.go`); defaults (`effect` "Allow", `version` "2012-10-17") and validators apply
 *   before the data source reads anything;
 * - the data source: one value renders as a string, several in descending byte order; `&{` in
 *   resources, identifiers and condition values becomes `${`; source documents merge first (Sids
 *   unique), the configured statements next, override documents last, replacing by Sid;
 * - Go's `encoding/json`: struct field order, `omitempty`, map keys sorted by bytes, HTML-safe
 *   string escaping; `json` is `MarshalIndent` with two spaces, `minifiedJson` is `Marshal`, and
 *   the ID is the CRC-32 of `json` in decimal.
 *
 * Pure: no SDK import, so it runs wherever the engine answers invokes.
 */

import { compareBytes, crc32, descending, encode, wellFormed } from "./go-json";

type Strings = string | string[];

interface Principal {
  readonly type: string;
  /** One identifier from config renders as a string; a document may carry either form. */
  readonly identifiers: Strings;
}

interface Condition {
  readonly test: string;
  readonly variable: string;
  readonly values: Strings;
}

/** The provider's statement model. `undefined` is Go's nil: the element is left out. */
interface Statement {
  readonly sid: string;
  readonly effect: string;
  readonly action?: unknown;
  readonly notAction?: unknown;
  readonly resource?: unknown;
  readonly notResource?: unknown;
  readonly principals: readonly Principal[];
  readonly notPrincipals: readonly Principal[];
  readonly conditions: readonly Condition[];
}

interface PolicyDoc {
  version: string;
  id: string;
  statements: Statement[];
}

interface PrincipalArgs {
  readonly index: number;
  readonly type: string;
  readonly identifiers: readonly string[];
}

interface ConditionArgs {
  readonly index: number;
  readonly test: string;
  readonly variable: string;
  readonly values: readonly string[];
}

interface StatementArgs {
  readonly sid: string;
  readonly effect: string;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  readonly principals: readonly PrincipalArgs[];
  readonly notPrincipals: readonly PrincipalArgs[];
  readonly conditions: readonly ConditionArgs[];
}

interface Args {
  readonly version: string;
  readonly policyId?: string;
  readonly statements?: readonly StatementArgs[];
  readonly sourcePolicyDocuments?: readonly (string | null)[];
  readonly overridePolicyDocuments?: readonly (string | null)[];
}

const versions = ["2008-10-17", "2012-10-17"];
const effects = ["Allow", "Deny"];
const topLevelKeys = [
  "overrideJson",
  "overridePolicyDocuments",
  "policyId",
  "sourceJson",
  "sourcePolicyDocuments",
  "statements",
  "version",
];
const statementKeys = [
  "actions",
  "conditions",
  "effect",
  "notActions",
  "notPrincipals",
  "notResources",
  "principals",
  "resources",
  "sid",
];

/** The invoke's answer: `GetPolicyDocumentResult`, inputs echoed as the provider's state has them. */
export function awsPolicyDocument(args: Record<string, unknown>): Record<string, unknown> {
  const input = readArgs(args);
  const doc = buildDocument(input);
  const json = encode(documentJson(doc), "");
  const result: Record<string, unknown> = {
    id: String(crc32(json)),
    json,
    minifiedJson: encode(documentJson(doc), undefined),
    version: input.version,
  };
  // The bridge returns the data source's state: arguments the config set (an empty string or
  // list sets nothing), sets in their hash order, every statement field with its zero value.
  if (input.policyId !== undefined && input.policyId !== "") {
    result.policyId = input.policyId;
  }
  for (const key of ["sourcePolicyDocuments", "overridePolicyDocuments"] as const) {
    const docs = input[key];
    if (docs !== undefined && docs.length > 0) {
      result[key] = docs.map((d) => d ?? "");
    }
  }
  if (input.statements !== undefined && input.statements.length > 0) {
    result.statements = input.statements.map(echoStatement);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Reading and validating the inputs, as the SDK validates config before the data source runs.

class Problems {
  readonly found: string[] = [];

  add(message: string): void {
    this.found.push(message);
  }

  /** A plain object, or undefined after recording why not. */
  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (isPlainObject(value)) {
      return value;
    }
    this.add(`expected ${path} to be an object, got ${shown(value)}`);
    return undefined;
  }

  knownKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        const where = path === "" ? "" : `${path}: `;
        this.add(`${where}invalid or unknown key: ${key} (expected one of ${allowed.join(", ")})`);
      }
    }
  }

  missing(path: string): void {
    this.add(
      `Missing required argument: The argument "${path}" is required, but no definition was found.`,
    );
  }

  string(value: unknown, path: string): string | undefined {
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== "string") {
      this.add(`expected type of ${path} to be string, got ${shown(value)}`);
      return undefined;
    }
    return wellFormed(value);
  }

  list(value: unknown, path: string): unknown[] | undefined {
    if (value === undefined || value === null) {
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.add(`expected ${path} to be a list, got ${shown(value)}`);
      return undefined;
    }
    return value;
  }

  strings(value: unknown, path: string): string[] | undefined {
    const list = this.list(value, path);
    if (list === undefined) {
      return undefined;
    }
    const out: string[] = [];
    list.forEach((item, i) => {
      if (typeof item === "string") {
        out.push(wellFormed(item));
      } else {
        this.add(`expected type of ${path}[${i}] to be string, got ${shown(item)}`);
      }
    });
    return out;
  }

  oneOf(value: string, allowed: readonly string[], path: string): void {
    if (!allowed.includes(value)) {
      // terraform-plugin-sdk's StringInSlice wording, with the Pulumi argument path.
      const quoted = allowed.map((a) => JSON.stringify(a)).join(" ");
      this.add(`expected ${path} to be one of [${quoted}], got ${value}`);
    }
  }
}

function readArgs(args: Record<string, unknown>): Args {
  const problems = new Problems();
  problems.knownKeys(args, topLevelKeys, "");

  const version = problems.string(args.version, "version") ?? "2012-10-17";
  problems.oneOf(version, versions, "version");

  // Retired arguments the provider keeps only so old state still reads; anything set is refused.
  for (const key of ["sourceJson", "overrideJson"] as const) {
    const value = problems.string(args[key], key);
    if (value !== undefined && value !== "") {
      const replacement =
        key === "sourceJson" ? "sourcePolicyDocuments" : "overridePolicyDocuments";
      problems.add(
        `expected "${key}" to be an empty string: got ${value} (${key} is no longer used; ` +
          `pass the document in ${replacement})`,
      );
    }
  }

  const documents = (key: "sourcePolicyDocuments" | "overridePolicyDocuments") => {
    const list = problems.list(args[key], key);
    return list?.map((item, i): string | null => {
      const path = `${key}[${i}]`;
      if (item === null || item === undefined) {
        return null;
      }
      if (typeof item !== "string") {
        problems.add(`expected type of ${path} to be string, got ${shown(item)}`);
        return null;
      }
      if (item !== "") {
        try {
          JSON.parse(item);
        } catch (e) {
          problems.add(`"${path}" contains an invalid JSON: ${(e as Error).message}`);
        }
      }
      return wellFormed(item);
    });
  };

  const read: Args = {
    version,
    policyId: problems.string(args.policyId, "policyId"),
    statements: problems
      .list(args.statements, "statements")
      ?.map((s, i) => readStatement(problems, s, `statements[${i}]`)),
    sourcePolicyDocuments: documents("sourcePolicyDocuments"),
    overridePolicyDocuments: documents("overridePolicyDocuments"),
  };
  if (problems.found.length > 0) {
    throw new Error(problems.found.join("; "));
  }
  return read;
}

function readStatement(problems: Problems, value: unknown, path: string): StatementArgs {
  const s = problems.object(value, path) ?? {};
  problems.knownKeys(s, statementKeys, path);

  // Any text: the provider checks no Sid grammar (a check for letters and digits only, which
  // IAM's identity policies demand, came in 5.82 and was withdrawn in 5.84, as key, bucket and
  // repository policies take spaces and dashes; its own examples use them).
  const sid = problems.string(s.sid, `${path}.sid`) ?? "";
  const effect = problems.string(s.effect, `${path}.effect`) ?? "Allow";
  problems.oneOf(effect, effects, `${path}.effect`);

  const principals = (key: "principals" | "notPrincipals") =>
    (problems.list(s[key], `${path}.${key}`) ?? []).map((p, index): PrincipalArgs => {
      const at = `${path}.${key}[${index}]`;
      const obj = problems.object(p, at) ?? {};
      problems.knownKeys(obj, ["identifiers", "type"], at);
      const type = problems.string(obj.type, `${at}.type`);
      const identifiers = problems.strings(obj.identifiers, `${at}.identifiers`);
      for (const [field, got] of [
        ["type", type],
        ["identifiers", identifiers],
      ] as const) {
        if (got === undefined && (obj[field] === undefined || obj[field] === null)) {
          problems.missing(`${at}.${field}`);
        }
      }
      return { index, type: type ?? "", identifiers: identifiers ?? [] };
    });

  const conditions = (problems.list(s.conditions, `${path}.conditions`) ?? []).map(
    (c, index): ConditionArgs => {
      const at = `${path}.conditions[${index}]`;
      const obj = problems.object(c, at) ?? {};
      problems.knownKeys(obj, ["test", "values", "variable"], at);
      const test = problems.string(obj.test, `${at}.test`);
      const variable = problems.string(obj.variable, `${at}.variable`);
      const values = problems.strings(obj.values, `${at}.values`);
      for (const [field, got] of [
        ["test", test],
        ["values", values],
        ["variable", variable],
      ] as const) {
        if (got === undefined && (obj[field] === undefined || obj[field] === null)) {
          problems.missing(`${at}.${field}`);
        }
      }
      return { index, test: test ?? "", variable: variable ?? "", values: values ?? [] };
    },
  );

  return {
    sid,
    effect,
    actions: problems.strings(s.actions, `${path}.actions`) ?? [],
    notActions: problems.strings(s.notActions, `${path}.notActions`) ?? [],
    resources: problems.strings(s.resources, `${path}.resources`) ?? [],
    notResources: problems.strings(s.notResources, `${path}.notResources`) ?? [],
    principals: principals("principals"),
    notPrincipals: principals("notPrincipals"),
    conditions,
  };
}

// ---------------------------------------------------------------------------------------------
// terraform-plugin-sdk's schema.Set: elements keyed by hash code, listed in code order.

/** Hash serialisation of a string element (`SerializeValueForHash`). */
const stringKey = (s: string): string => `${s};`;

/** Hash serialisation of a principal block: its fields by name, identifiers as a set. */
const principalKey = (p: PrincipalArgs): string =>
  `identifiers:{${setOrder(p.identifiers, stringKey).map(stringKey).join("")}};type:${p.type};`;

/** Hash serialisation of a condition block: `values` is a list, so it keeps its order. */
const conditionKey = (c: ConditionArgs): string =>
  `test:${c.test};values:(${c.values.map(stringKey).join("")});variable:${c.variable};`;

/**
 * The set's list: one element per hash code (the first added wins), codes ordered as decimal
 * strings — "1033" before "204".
 */
function setOrder<T>(items: readonly T[], key: (item: T) => string): T[] {
  const byCode = new Map<string, T>();
  for (const item of items) {
    const code = String(crc32(key(item)));
    if (!byCode.has(code)) {
      byCode.set(code, item);
    }
  }
  return [...byCode.keys()].sort().map((code) => byCode.get(code) as T);
}

// ---------------------------------------------------------------------------------------------
// The data source's read.

const mergeFailure = (what: string, message: string): Error =>
  new Error(`writing IAM Policy Document: merging ${what}: ${message}`);

function buildDocument(args: Args): PolicyDoc {
  const merged: PolicyDoc = { version: "", id: "", statements: [] };

  const sids = new Set<string>();
  (args.sourcePolicyDocuments ?? []).forEach((text, i) => {
    // An empty string never reaches the data source: the SDK's diff leaves it out.
    if (text === null || text === "") {
      return;
    }
    const what = `source document ${i}`;
    const doc = parseDocument(text, what);
    doc.statements.forEach((s, j) => {
      if (s.sid !== "") {
        if (sids.has(s.sid)) {
          throw mergeFailure(
            what,
            `duplicate Sid (${s.sid}) in sourcePolicyDocuments (statement ${j}). ` +
              "Remove the Sid or ensure Sids are unique.",
          );
        }
        sids.add(s.sid);
      }
    });
    merge(merged, doc);
  });

  const own: PolicyDoc = { version: args.version, id: args.policyId ?? "", statements: [] };
  const ownSids = new Set<string>();
  (args.statements ?? []).forEach((s, i) => {
    if (ownSids.has(s.sid)) {
      throw new Error(
        `writing IAM Policy Document: duplicate Sid (${s.sid}) at statements[${i}]. ` +
          "Remove the Sid or ensure the Sid is unique.",
      );
    }
    if (s.sid !== "") {
      ownSids.add(s.sid);
    }
    own.statements.push(configStatement(s, args.version, `statements[${i}]`));
  });
  merge(merged, own);

  (args.overridePolicyDocuments ?? []).forEach((text, i) => {
    if (text !== null && text !== "") {
      merge(merged, parseDocument(text, `override document ${i}`));
    }
  });
  return merged;
}

/** `iamPolicyDoc.Merge`: adopt a later Id and a higher Version; a statement's Sid replaces. */
function merge(into: PolicyDoc, doc: PolicyDoc): void {
  if (doc.id !== "") {
    into.id = doc.id;
  }
  if (compareBytes(doc.version, into.version) > 0) {
    into.version = doc.version;
  }
  for (const statement of doc.statements) {
    const at =
      statement.sid === "" ? -1 : into.statements.findIndex((s) => s.sid === statement.sid);
    if (at === -1) {
      into.statements.push(statement);
    } else {
      into.statements[at] = statement;
    }
  }
}

/** One value as a string, several in descending byte order (`policyDecodeConfigStrings`). */
function decodeStrings(values: readonly string[]): Strings {
  return values.length === 1 ? values[0] : descending(values);
}

/** `&{` stands for `${` in config, where `${` would be interpolation; 2008-10-17 has no variables. */
function replaceVariables(values: Strings, version: string, path: string): Strings {
  const one = (value: string): string => {
    if (version === "2008-10-17" && value.includes("&{")) {
      throw new Error(
        `reading ${path}: found &{ sequence in (${value}), which is not supported in document ` +
          "version 2008-10-17",
      );
    }
    return value.split("&{").join("${");
  };
  return typeof values === "string" ? one(values) : values.map(one);
}

function configStatement(s: StatementArgs, version: string, path: string): Statement {
  const field = (values: readonly string[], variables: string | undefined): Strings | undefined => {
    const set = setOrder(values, stringKey);
    if (set.length === 0) {
      return undefined;
    }
    const decoded = decodeStrings(set);
    return variables === undefined ? decoded : replaceVariables(decoded, version, variables);
  };
  const principals = (list: readonly PrincipalArgs[], key: string): Principal[] =>
    setOrder(list, principalKey).map((p) => ({
      type: p.type,
      identifiers: replaceVariables(
        decodeStrings(setOrder(p.identifiers, stringKey)),
        version,
        `${path}.${key}[${p.index}].identifiers`,
      ),
    }));

  const action = field(s.actions, undefined);
  const notAction = field(s.notActions, undefined);
  const resource = field(s.resources, `${path}.resources`);
  const notResource = field(s.notResources, `${path}.notResources`);
  const statementPrincipals = principals(s.principals, "principals");
  const notPrincipals = principals(s.notPrincipals, "notPrincipals");
  const conditions = setOrder(s.conditions, conditionKey).map((c): Condition => {
    const values = replaceVariables(
      [...c.values],
      version,
      `${path}.conditions[${c.index}].values`,
    );
    return {
      test: c.test,
      variable: c.variable,
      values: values.length === 1 ? values[0] : values,
    };
  });
  return {
    sid: s.sid,
    effect: s.effect,
    action,
    notAction,
    resource,
    notResource,
    principals: statementPrincipals,
    notPrincipals,
    conditions,
  };
}

function echoStatement(s: StatementArgs): Record<string, unknown> {
  const set = (values: readonly string[]) => setOrder(values, stringKey);
  const principals = (list: readonly PrincipalArgs[]) =>
    setOrder(list, principalKey).map((p) => ({ identifiers: set(p.identifiers), type: p.type }));
  return {
    actions: set(s.actions),
    conditions: setOrder(s.conditions, conditionKey).map((c) => ({
      test: c.test,
      values: [...c.values],
      variable: c.variable,
    })),
    effect: s.effect,
    notActions: set(s.notActions),
    notPrincipals: principals(s.notPrincipals),
    notResources: set(s.notResources),
    principals: principals(s.principals),
    resources: set(s.resources),
    sid: s.sid,
  };
}

// ---------------------------------------------------------------------------------------------
// Source and override documents, decoded as Go's encoding/json decodes them into the model.

/** Go matches JSON keys to struct fields exactly or else case-insensitively; the last one wins. */
function structFields(obj: Record<string, unknown>, names: readonly string[]) {
  const fold = (s: string) => s.replace(/\u017f/g, "s").toLowerCase();
  const fields = new Map<string, unknown>();
  for (const [key, value] of Object.entries(obj)) {
    const name = names.find((n) => n === key) ?? names.find((n) => fold(n) === fold(key));
    if (name !== undefined) {
      fields.set(name, value);
    }
  }
  return fields;
}

function parseDocument(text: string, what: string): PolicyDoc {
  const fail = (message: string) => mergeFailure(what, message);
  const raw: unknown = JSON.parse(text);
  const doc: PolicyDoc = { version: "", id: "", statements: [] };
  if (raw === null) {
    return doc;
  }
  if (!isPlainObject(raw)) {
    throw fail(`a policy document must be a JSON object, got ${shown(raw)}`);
  }
  const field = (fields: Map<string, unknown>, name: string): string => {
    const value = fields.get(name);
    if (value === undefined || value === null) {
      return "";
    }
    if (typeof value !== "string") {
      throw fail(`${name} must be a string, got ${shown(value)}`);
    }
    return value;
  };
  const top = structFields(raw, ["Version", "Id", "Statement"]);
  doc.version = field(top, "Version");
  doc.id = field(top, "Id");
  const statements = top.get("Statement");
  if (statements === undefined || statements === null) {
    return doc;
  }
  if (!Array.isArray(statements)) {
    throw fail(`Statement must be a list of statements, got ${shown(statements)}`);
  }
  doc.statements = statements.map((s: unknown, i): Statement => {
    if (!isPlainObject(s)) {
      throw fail(`statement ${i} must be a JSON object, got ${shown(s)}`);
    }
    const f = structFields(s, [
      "Sid",
      "Effect",
      "Action",
      "NotAction",
      "Resource",
      "NotResource",
      "Principal",
      "NotPrincipal",
      "Condition",
    ]);
    // Go's nil: a JSON null leaves an `any` field empty, and omitempty drops it.
    const anyValue = (name: string) => f.get(name) ?? undefined;
    const principals = (name: string) =>
      f.has(name) ? parsePrincipals(f.get(name), `${name} of statement ${i}`, fail) : [];
    return {
      sid: field(f, "Sid"),
      effect: field(f, "Effect"),
      action: anyValue("Action"),
      notAction: anyValue("NotAction"),
      resource: anyValue("Resource"),
      notResource: anyValue("NotResource"),
      principals: principals("Principal"),
      notPrincipals: principals("NotPrincipal"),
      conditions: parseConditions(f.get("Condition"), `Condition of statement ${i}`, fail),
    };
  });
  return doc;
}

/** `iamPolicyStatementPrincipalSet.UnmarshalJSON`: any string is the "*" principal. */
function parsePrincipals(
  value: unknown,
  where: string,
  fail: (message: string) => Error,
): Principal[] {
  if (typeof value === "string") {
    return [{ type: "*", identifiers: ["*"] }];
  }
  if (!isPlainObject(value)) {
    throw fail(
      `${where} must be "*" or an object of principal type to identifiers, got ${shown(value)}`,
    );
  }
  return Object.entries(value).map(([type, ids]): Principal => {
    if (typeof ids === "string") {
      return { type, identifiers: ids };
    }
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== "string")) {
      throw fail(`${where}: identifiers of type "${type}" must be strings, got ${shown(ids)}`);
    }
    return { type, identifiers: [...(ids as string[])].sort(compareBytes) };
  });
}

/**
 * `iamPolicyStatementConditionSet.UnmarshalJSON`: a boolean becomes its text; numbers, objects
 * and nulls among the values are dropped, as the provider drops them.
 */
function parseConditions(
  value: unknown,
  where: string,
  fail: (message: string) => Error,
): Condition[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!isPlainObject(value)) {
    throw fail(
      `${where} must be an object of operator to context key to values, got ${shown(value)}`,
    );
  }
  const out: Condition[] = [];
  for (const [test, keys] of Object.entries(value)) {
    if (keys === null) {
      continue;
    }
    if (!isPlainObject(keys)) {
      throw fail(`${where}: operator ${test} must map context keys to values, got ${shown(keys)}`);
    }
    for (const [variable, values] of Object.entries(keys)) {
      if (typeof values === "string") {
        out.push({ test, variable, values: [values] });
      } else if (typeof values === "boolean") {
        out.push({ test, variable, values: String(values) });
      } else if (Array.isArray(values)) {
        if (values.some((v) => typeof v !== "string")) {
          throw fail(
            `${where}: values of ${test} ${variable} must be strings, got ${shown(values)}`,
          );
        }
        out.push({ test, variable, values: [...(values as string[])] });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rendering: the model as Go marshals it. A Map keeps its order (struct fields, or a Go map's
// keys already sorted); a plain object is a decoded `any` value, whose keys Go sorts.

function documentJson(doc: PolicyDoc): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (doc.version !== "") {
    out.set("Version", doc.version);
  }
  if (doc.id !== "") {
    out.set("Id", doc.id);
  }
  if (doc.statements.length > 0) {
    out.set("Statement", doc.statements.map(statementJson));
  }
  return out;
}

function statementJson(s: Statement): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const set = (key: string, value: unknown) => {
    if (value !== undefined) {
      out.set(key, value);
    }
  };
  set("Sid", s.sid === "" ? undefined : s.sid);
  set("Effect", s.effect === "" ? undefined : s.effect);
  set("Action", s.action);
  set("NotAction", s.notAction);
  set("Resource", s.resource);
  set("NotResource", s.notResource);
  set("Principal", principalsJson(s.principals));
  set("NotPrincipal", principalsJson(s.notPrincipals));
  set("Condition", conditionsJson(s.conditions));
  return out;
}

/**
 * `iamPolicyStatementPrincipalSet.MarshalJSON`: blocks of one type join in set order, each
 * block's identifiers in descending order; only a lone `*`/`*` block is the bare "*" (IAM
 * refuses "*" in a role's trust policy but accepts {"AWS": "*"}, so that one stays an object).
 */
function principalsJson(principals: readonly Principal[]): unknown {
  if (principals.length === 0) {
    return undefined;
  }
  const [first] = principals;
  const ids = first.identifiers;
  if (
    principals.length === 1 &&
    first.type === "*" &&
    (ids === "*" || (Array.isArray(ids) && ids.length === 1 && ids[0] === "*"))
  ) {
    return "*";
  }
  const byType = new Map<string, Strings>();
  for (const p of principals) {
    const had = byType.get(p.type);
    const before = had === undefined ? [] : typeof had === "string" ? [had] : had;
    if (typeof p.identifiers === "string") {
      byType.set(p.type, had === undefined ? p.identifiers : [...before, p.identifiers]);
    } else {
      byType.set(p.type, [...before, ...descending(p.identifiers)]);
    }
  }
  return sortedMap(byType);
}

/** `iamPolicyStatementConditionSet.MarshalJSON`: values of one operator and key join. */
function conditionsJson(conditions: readonly Condition[]): unknown {
  if (conditions.length === 0) {
    return undefined;
  }
  const byTest = new Map<string, Map<string, string[]>>();
  for (const c of conditions) {
    const byVariable = byTest.get(c.test) ?? new Map<string, string[]>();
    byTest.set(c.test, byVariable);
    byVariable.set(c.variable, [...(byVariable.get(c.variable) ?? []), ...[c.values].flat()]);
  }
  const flattened = new Map<string, Map<string, Strings>>();
  for (const [test, byVariable] of byTest) {
    const values = new Map<string, Strings>();
    for (const [variable, list] of byVariable) {
      values.set(variable, list.length === 1 ? list[0] : list);
    }
    flattened.set(test, sortedMap(values));
  }
  return sortedMap(flattened);
}

function sortedMap<V>(map: ReadonlyMap<string, V>): Map<string, V> {
  return new Map([...map].sort(([a], [b]) => compareBytes(a, b)));
}

// ---------------------------------------------------------------------------------------------
// Small utilities.

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value as a message shows it: strings quoted, long values cut short. */
function shown(value: unknown): string {
  const text = value === undefined ? "undefined" : (JSON.stringify(value) ?? String(value));
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
