/**
 * The plan as users see it: each resource with its parent, provider and effective region, and
 * the JSON document of the CLI contract (shared/DESIGN.md).
 */
import type { Violation } from "../engine/check";
import { isProviderType, type Plan, type RecordedResource } from "../engine/plan";
import { placeholderAccount } from "../engine/synth";
import { plainProps } from "../engine/wire";
import { typeChain } from "../residency/urn";
import { placementOf } from "../residency/placement";

export interface ResourceView {
  readonly type: string;
  readonly name: string;
  /**
   * The id the offline engine gave the resource (deterministic); null for components, and for a
   * resource a first preview creates (`--first-preview`: its ID is not known yet).
   */
  readonly id: string | null;
  /** Name of the parent resource (null for the stack itself). */
  readonly parent: string | null;
  /** Name of the provider resource (null for components and providers). */
  readonly provider: string | null;
  /** Effective region: a region ID, "global", or null where none applies or can be told. */
  readonly region: string | null;
  readonly protect: boolean;
  /** Left in the cloud when the stack destroys it (the report's protection control reads both). */
  readonly retainOnDelete: boolean;
  /** Inputs as plain values, secrets masked, values not known before deployment "[unknown]". */
  readonly props: Record<string, unknown>;
}

export interface PlanDocument {
  readonly stack: string;
  readonly jurisdiction: string | null;
  readonly resources: ResourceView[];
  readonly violations: Violation[];
  /** Provider functions answered with unknown values offline, as at preview. */
  readonly unknownFunctions: readonly string[];
}

/** Each resource of the plan with its placement resolved. */
export function viewResources(plan: Plan): ResourceView[] {
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  return plan.resources.map((r) => {
    const provider = r.provider ? byUrn.get(r.provider) : undefined;
    return {
      type: r.type,
      name: r.name,
      id: r.id === undefined || r.id === "" ? null : r.id,
      parent: r.parent ? (byUrn.get(r.parent)?.name ?? r.parent) : null,
      provider: provider?.name ?? null,
      region: regionOf(r, provider),
      protect: r.protect,
      retainOnDelete: r.retainOnDelete,
      // What the pack judged: a resource handed whole to an input is its ID there.
      props: plainProps(r.inputs, {
        maskSecrets: "[secret]",
        markUnknowns: "[unknown]",
        refsAsAnalyzed: true,
      }),
    };
  });
}

function regionOf(r: RecordedResource, provider: RecordedResource | undefined): string | null {
  if (!r.custom) {
    return null;
  }
  const p = placementOf(
    r.type,
    plainProps(r.inputs),
    provider ? { type: provider.type, props: plainProps(provider.inputs) } : undefined,
  );
  if (p.kind === "region") {
    return p.region;
  }
  return p.kind === "global" ? "global" : null;
}

export function planDocument(
  plan: Plan,
  jurisdiction: string | undefined,
  violations: Violation[],
): PlanDocument {
  return {
    stack: plan.stack,
    jurisdiction: jurisdiction ?? null,
    resources: viewResources(plan),
    violations,
    unknownFunctions: plan.unknownFunctions ?? [],
  };
}

/** The resource tree, one resource a line, indented under its parent. */
export function renderTree(plan: Plan): string {
  const views = viewResources(plan);
  const children = new Map<string | undefined, number[]>();
  plan.resources.forEach((r, i) => {
    const siblings = children.get(r.parent) ?? [];
    siblings.push(i);
    children.set(r.parent, siblings);
  });
  const lines: string[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    for (const i of children.get(parent) ?? []) {
      const r = plan.resources[i];
      const v = views[i];
      const tags = [
        v.region ? `[${v.region}]` : "",
        r.protect ? "protected" : "",
        isProviderType(r.type) && r.synthesized ? "default provider" : "",
      ].filter((t) => t !== "");
      lines.push(
        `${"  ".repeat(depth)}${r.type}  ${r.name}${tags.length ? `  ${tags.join(" ")}` : ""}`,
      );
      walk(r.urn, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines.join("\n");
}

/** Counts per resource type, most frequent first. */
export function typeCounts(plan: Plan): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of plan.resources) {
    counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * The violations as text, one block each. A finding that says word for word what one above says of
 * another resource, but for the resource's own name (thirty Cloud Control resources of a type the
 * pack does not classify, each with the same advice; dynamic resources, each told how to waive it
 * by name; components of one plugin that is not installed, whatever their types), is one line
 * that points to that block, naming its type when it is another. Resources of one
 * type and name (a component's child named like a resource of the program) are told apart by the
 * components they sit in.
 */
export function renderViolations(violations: readonly Violation[]): string {
  const said = new Map<string, { readonly named: string; readonly type: string }>();
  const shared = sharedNames(violations);
  return violations
    .map((v) => {
      const where = shared.has(v.urn ?? "") ? parentsOf(v.urn ?? "") : "";
      const named = `"${v.resourceName}"${where === "" ? "" : ` (in ${where})`}`;
      const who = v.resourceName ? ` ${v.resourceType} ${named}` : "";
      // A finding a first preview defers says so: the resource has no verdict yet.
      const level = v.deferred ? `${v.level}, judged by pulumi up` : v.level;
      const head = `${v.level === "mandatory" ? "✗" : v.deferred ? "?" : "!"} [${level}] ${v.policy}${who}`;
      const pathLine = v.path ? `\n    path: ${v.path.join(" → ")}` : "";
      // The words that name the resource: its path's first node, or for a finding without a path
      // (a component that could not be seen into) the message up to the resource's quoted name.
      const quoted = JSON.stringify(v.resourceName);
      const at = v.message.indexOf(quoted);
      const label = v.path?.[0] ?? (at >= 0 ? v.message.slice(0, at + quoted.length) : undefined);
      if (v.resourceName !== null && label !== undefined && v.message.startsWith(`${label} `)) {
        // The resource's own name, quoted, wherever the words name it again (a waiver of it).
        const key = [
          v.level,
          v.policy,
          v.message.slice(label.length).split(quoted).join("\u0001"),
          ...(v.path ?? []).slice(1),
        ].join("\u0000");
        const first = said.get(key);
        if (first !== undefined) {
          const which =
            first.type === v.resourceType ? first.named : `${first.type} ${first.named}`;
          return `${head}: as for ${which} above`;
        }
        said.set(key, { named, type: v.resourceType ?? "" });
      }
      return `${head}\n    ${v.message.replace(/\n/g, "\n    ")}${pathLine}`;
    })
    .join("\n");
}

/**
 * The URNs of the findings' resources that share their type and name with another resource among
 * them: children of components, which a component names as the program names its own resources
 * (a provider "devAccountProvider" at the top and one inside a component). Their text names the
 * components they sit in, which their URNs carry.
 */
function sharedNames(violations: readonly Violation[]): Set<string> {
  const urnsOf = new Map<string, Set<string>>();
  for (const v of violations) {
    if (v.urn === null || v.resourceName === null) {
      continue;
    }
    const key = `${v.resourceType}\u0000${v.resourceName}`;
    urnsOf.set(key, (urnsOf.get(key) ?? new Set()).add(v.urn));
  }
  return new Set([...urnsOf.values()].filter((urns) => urns.size > 1).flatMap((urns) => [...urns]));
}

/** The types of the components a resource sits in, outermost first: "the stack" for one at the top. */
function parentsOf(urn: string): string {
  const parents = typeChain(urn).slice(0, -1);
  return parents.length === 0 ? "the stack" : parents.join(" → ");
}

/**
 * A note for findings that name the account the engine writes into the ARNs it synthesises when
 * the stack declares none (engine/synth.ts): that account stands for the stack's own, not for
 * someone else's, and declaring the real one lets the checks tell the two apart.
 */
export function renderPlaceholderAccount(
  violations: readonly Violation[],
  plan: Pick<Plan, "resources">,
): string[] {
  const named = violations.some(
    (v) =>
      v.message.includes(placeholderAccount) || v.path?.some((h) => h.includes(placeholderAccount)),
  );
  // Only where the engine wrote it: an ARN it synthesised carries it. A program that names the
  // account itself means someone else's.
  const synthesised = plan.resources.some((r) => {
    const arn = r.outputs.arn;
    return (
      typeof arn === "string" &&
      arn.includes(`:${placeholderAccount}:`) &&
      r.inputs.arn === undefined
    );
  });
  if (!named || !synthesised) {
    return [];
  }
  return [
    `Account ${placeholderAccount} below stands for the stack's own AWS account, which the stack config does not declare: pin the provider to the real one (allowedAccountIds; aws:allowedAccountIds for the default provider), and the checks tell it from other accounts.`,
  ];
}

/**
 * What @pulumi/pulumi writes in place of an Output a program turns into text itself — by a
 * template string or `String(…)` (`toString`), by `JSON.stringify` (`toJSON`) — and what
 * JavaScript writes for a Promise in a template string. The provider receives that text as it
 * is, under `pulumi up` as here, so a policy document holding it is not the one the program
 * meant, and the checks judge the text, not the value it stands for.
 */
const outputAsText =
  /Calling \[(toString|toJSON)\] on an \[Output<T>\] is not supported|\[object Promise\]/;

/** An empty object, which is what `JSON.stringify` writes for a Promise. */
const isEmptyObject = (v: unknown) =>
  v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0;

/**
 * The places of an IAM policy document (a JSON text with `Statement`) that hold `{}` where a
 * principal, an action or a resource belongs: what `JSON.stringify` writes for a Promise there
 * (`Principal: { AWS: current.then(…) }`), which no policy holds on purpose.
 */
function promisesInPolicy(text: string): string[] {
  if (!text.includes("{}") || !text.includes("Statement")) {
    return [];
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  const statements = (doc as { Statement?: unknown } | null)?.Statement;
  const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
  const found: string[] = [];
  list.forEach((st: unknown, i) => {
    if (st === null || typeof st !== "object") {
      return;
    }
    for (const key of [
      "Principal",
      "NotPrincipal",
      "Action",
      "NotAction",
      "Resource",
      "NotResource",
    ]) {
      const v = (st as Record<string, unknown>)[key];
      const at = list === statements ? `Statement[${i}].${key}` : `Statement.${key}`;
      if (isEmptyObject(v)) {
        found.push(at);
      } else if (v !== null && typeof v === "object" && !Array.isArray(v)) {
        for (const [k, inner] of Object.entries(v)) {
          if (isEmptyObject(inner) || (Array.isArray(inner) && inner.some(isEmptyObject))) {
            found.push(`${at}.${k}`);
          }
        }
      } else if (Array.isArray(v) && v.some(isEmptyObject)) {
        found.push(at);
      }
    }
  });
  return found;
}

/** The inputs, `type "name" path`, that hold the text an Output turned into text stands for. */
function outputsAsText(plan: Plan): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string, at: string) => {
    if (typeof value === "string") {
      if (outputAsText.test(value)) {
        found.push(`${at} ${path}`);
      }
      for (const inside of promisesInPolicy(value)) {
        found.push(`${at} ${path} (${inside}: {})`);
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`, at));
    } else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        walk(v, path === "" ? k : `${path}.${k}`, at);
      }
    }
  };
  for (const r of plan.resources) {
    walk(plainProps(r.inputs, { maskSecrets: "[secret]" }), "", `${r.type} "${r.name}"`);
  }
  return found;
}

/**
 * A warning for each input that holds an Output turned into text, or none: the program's own
 * mistake, which the checks cannot see past (a principal "Calling [toJSON] on an [Output<T>]…").
 */
export function renderOutputsAsText(plan: Plan): string[] {
  const found = outputsAsText(plan);
  if (found.length === 0) {
    return [];
  }
  return [
    `warning: ${found.length === 1 ? "an input holds" : `${found.length} inputs hold`} the text written for an Output or a Promise turned into text by a template string, String() or JSON.stringify ("Calling [toString|toJSON] on an [Output<T>] is not supported", "[object Promise]", a policy's {}), which the provider receives as it is, and the checks judge as it is: ${found.join("; ")}. Build the text with pulumi.interpolate, pulumi.jsonStringify or inside .apply(…) or .then(…).`,
  ];
}

/** The line that lists the provider functions answered with unknowns, or none. */
export function renderUnknownFunctions(plan: Plan): string[] {
  const fns = plan.unknownFunctions ?? [];
  if (fns.length === 0) {
    return [];
  }
  // A resource's method (`eks:index:Cluster/getKubeconfig`) names its type before the slash; a
  // provider function (`aws:ec2/getAmi:getAmi`) and a stack reference do not.
  const isMethod = (t: string) =>
    !t.startsWith("pulumi:pulumi:StackReference ") && (t.split(":").pop() ?? "").includes("/");
  const functions = fns.filter((t) => !isMethod(t));
  const methods = fns.filter(isMethod);
  const lines = [
    ...(functions.length > 0
      ? [
          `Provider functions answered with unknown values (as pulumi preview shows values it cannot know yet; policies judge them unknown, and a branch on one takes its stand-in's side, so what the program declares only for the real answer is not checked): ${functions.join(", ")}`,
        ]
      : []),
    ...(methods.length > 0
      ? [
          `Resource methods answered with unknown values (their providers run them at deployment; what is built from them is judged unknown): ${methods.join(", ")}`,
        ]
      : []),
  ];
  // The two that ask only who the caller is: the engine answers them from the account the stack
  // declares, and a policy built from the answer is then judged rather than failed closed.
  const own = [
    fns.includes("aws:index/getCallerIdentity:getCallerIdentity") &&
      "aws.getCallerIdentity from sovereign-dc:accountId (or one aws:allowedAccountIds)",
    fns.includes("alicloud:index/getAccount:getAccount") &&
      "alicloud.getAccount from alicloud:accountId",
  ].filter((x): x is string => typeof x === "string");
  if (own.length > 0) {
    lines.push(
      `Declare the stack's account and the engine answers ${own.join(", and ")}, as the Pulumi CLI does with credentials.`,
    );
  }
  return lines;
}

/**
 * The findings as text: the violations (under a "Violations:" heading for `plan`), or "none";
 * then the waived findings, each with its waiver.
 */
export function renderFindings(
  violations: readonly Violation[],
  opts: { readonly heading: boolean },
): string[] {
  const active = violations.filter((v) => v.waived === undefined);
  const waived = violations.filter((v) => v.waived !== undefined);
  const lines: string[] = [];
  if (active.length === 0) {
    lines.push("Violations: none");
  } else if (opts.heading) {
    lines.push(`Violations:\n${renderViolations(active)}\n`);
  } else {
    lines.push(renderViolations(active));
  }
  if (waived.length > 0) {
    const blocks = waived.map((v) => {
      const who = v.resourceName ? ` ${v.resourceType} "${v.resourceName}"` : "";
      const by = [
        v.waived!.approvedBy === undefined ? "" : `; approved by ${v.waived!.approvedBy}`,
        v.waived!.reference === undefined ? "" : `; reference ${v.waived!.reference}`,
      ].join("");
      return `~ [waived] ${v.policy}${who}\n    ${v.message.replace(/\n/g, "\n    ")}\n    waived: ${v.waived!.reason} (expires ${v.waived!.expires}${by})`;
    });
    lines.push(
      `Waived (listed, not counted in the verdict):\n${blocks.join("\n")}${opts.heading ? "\n" : ""}`,
    );
  }
  return lines;
}
