/**
 * From a recorded plan to a residency verdict: builds the policy pack's config for the stack,
 * runs the pack through the analyzer protocol and turns its diagnostics into the violations of
 * the CLI's JSON contract (`shared/DESIGN.md`).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { moduleExt } from "./spawn-pack";
import { withIdlePoliciesOff } from "./idle-policies";
import { onEveryPolicy, waiverReview, waiversOf } from "./waivers";
import {
  decodeMessage,
  judgedAtUpdate,
  type ResidencySettings,
  type WaivedBy,
} from "../policy/framework";
import { isHostEntry } from "../policy/paths/addresses";
import { resourceLabel } from "../policy/paths/describe";
import type { Jurisdiction } from "../residency/jurisdictions";
import { egressCidrProblem } from "../residency/allowlist";
import { declaredClustersOf } from "../residency/clusters";
import { declaredDiskEncryptionOf } from "../residency/disk-encryption";
import { declaredDirectConnectLocationsOf } from "../residency/direct-connect";
import { declaredOutpostsOf } from "../residency/outposts";
import { declaredHostsOf } from "../residency/hosts";
import { declaredStackOutputsOf } from "../residency/stack-outputs";
import { unknownKeyIssues } from "./config-keys";
import { formatIssue, type Posture, postureOf, type SpecIssue } from "../residency/spec";
import {
  backendLocation,
  describeLocation,
  locationProblem,
  secretsProviderLocation,
  type StateLocation,
} from "../residency/state";
import { hardeningPolicyNames, policyNames } from "../policy/names";
import { type Diagnostic, type Level, type PolicyPackConfig, PolicyPackSession } from "./analyzer";
import { offlineVisibility, offlineVisibilityLevels } from "./opaque";
import { programRequests } from "./program-requests";
import type { Plan } from "./plan";
import { placeholderAccount } from "./synth";
import { UsageError } from "./project";

/**
 * The pack that ships with sovereign-dc: policy/ in the sources, the self-contained pack folder
 * (scripts/build-pack.js) in the built package.
 */
export const defaultPackDir = path.resolve(
  __dirname,
  "..",
  moduleExt === ".ts" ? "policy" : "policy-pack",
);

export interface Violation {
  readonly policy: string;
  readonly level: Level;
  readonly resourceType: string | null;
  readonly resourceName: string | null;
  readonly message: string;
  /** The chain of resources and places that crosses the border, or null. */
  readonly path: string[] | null;
  readonly urn: string | null;
  /** Present when a valid waiver covers the finding: it is listed, but decides no verdict. */
  readonly waived?: WaivedBy;
  /**
   * Present on a finding its policy reports as mandatory, lowered to advisory by `--policy-config`
   * (`offline-visibility`: what the check could not see offline, left by the team to `pulumi
   * preview --policy-pack`). The verdict says how many such findings it did not count.
   */
  readonly lowered?: true;
  /**
   * Present when the policy runtime skipped the policy for the resource because a value it reads
   * is not known at preview (`--first-preview`, with the pack's `unknownAtPreview: defer`): the
   * finding waits for `pulumi up`, which judges the known value before it creates the resource.
   * Listed as advisory, as the Pulumi CLI shows it; no verdict over the resource, so no exit 0
   * (`deferredAtTheirLevel` clears it for a policy at the advisory level).
   */
  readonly deferred?: true;
}

/**
 * The runtime's words for a policy it skipped at preview (@pulumi/policy server.js: "can't run
 * policy '<name>' from policy pack '<pack>@v<version>' during preview: <the error's message>").
 */
const skippedAtPreview = /^can't run policy '[^']*' from policy pack '[^']*' during preview: /;

/** The residency settings of a stack, with the posture its hardening findings are judged at. */
export interface StackSettings extends ResidencySettings {
  readonly posture?: Posture;
}

/** The usage error of a stack config's rejected values, each with its key, value and what is allowed. */
function invalidConfig(issues: readonly SpecIssue[]): UsageError {
  return new UsageError(`Invalid stack config: ${issues.map((i) => formatIssue(i)).join(" ")}`);
}

/**
 * The residency settings of a stack, from its `sovereign-dc:*` config: the jurisdiction, the
 * egress allowlist (its CIDR entries, `sovereign-dc:egress`, and the hosts it places by name,
 * `sovereign-dc:egressHosts`), the posture, the Kubernetes clusters it declares by region, its
 * accounts' default disk encryption, its AWS Outposts' countries and the account it declares its own
 * (`sovereign-dc:accountId`, which the engine's ARNs carry too). Programs of other projects can
 * set the same keys in their stack config; a posture other than `standard` or `strict`, a host
 * under `sovereign-dc:egress`, or a malformed host entry, cluster, disk encryption or Outpost
 * declaration, is a usage error.
 */
export function settingsFromStackConfig(config: Readonly<Record<string, string>>): StackSettings {
  const unknownKeys = unknownKeyIssues(config);
  if (unknownKeys.length > 0) {
    throw invalidConfig(unknownKeys);
  }
  const jurisdiction = config["sovereign-dc:jurisdiction"];
  let egress: unknown = [];
  if (config["sovereign-dc:egress"] !== undefined) {
    try {
      egress = JSON.parse(config["sovereign-dc:egress"]);
    } catch {
      egress = [];
    }
  }
  const posture = postureOf(config);
  if ("issue" in posture) {
    throw invalidConfig([posture.issue]);
  }
  const declared = declaredClustersOf(config);
  if ("issues" in declared) {
    throw invalidConfig(declared.issues);
  }
  const disks = declaredDiskEncryptionOf(config);
  if ("issues" in disks) {
    throw invalidConfig(disks.issues);
  }
  const outposts = declaredOutpostsOf(config);
  if ("issues" in outposts) {
    throw invalidConfig(outposts.issues);
  }
  const locations = declaredDirectConnectLocationsOf(config);
  if ("issues" in locations) {
    throw invalidConfig(locations.issues);
  }
  // Read by the engine when the program references another stack (engine/monitor.ts); refused
  // here, before the program runs, like every other setting.
  const stackOutputs = declaredStackOutputsOf(config);
  if ("issues" in stackOutputs) {
    throw invalidConfig(stackOutputs.issues);
  }
  const hosts = declaredHostsOf(config);
  if ("issues" in hosts) {
    throw invalidConfig(hosts.issues);
  }
  // A host is no block: it opens no network rule, so it has a key of its own.
  const misplaced = Array.isArray(egress)
    ? egress.findIndex((e) => typeof e === "object" && e !== null && "host" in e)
    : -1;
  if (misplaced >= 0) {
    throw invalidConfig([
      {
        key: `sovereign-dc:egress[${misplaced}].host`,
        received: (egress as Record<string, unknown>[])[misplaced].host,
        expected:
          "expected a cidr entry { cidr, ports, protocol, reason }; a host goes under sovereign-dc:egressHosts as { host, reason }",
      },
    ]);
  }
  // A block wider than /8 is most of the internet: refused in any program's stack file, as in
  // this repository's stacks (found by the session's old-against-new bench: 0.0.0.0/0 there
  // sealed an egress rule to the whole internet).
  const wide = (Array.isArray(egress) ? (egress as unknown[]) : []).flatMap((e, i) => {
    const cidr = (e as { cidr?: unknown } | null)?.cidr;
    const problem = typeof cidr === "string" ? egressCidrProblem(cidr) : undefined;
    return problem === undefined
      ? []
      : [{ key: `sovereign-dc:egress[${i}].cidr`, received: cidr, expected: problem }];
  });
  if (wide.length > 0) {
    throw invalidConfig(wide);
  }
  const account = config["sovereign-dc:accountId"];
  return {
    jurisdiction,
    egressAllowlist: [...(Array.isArray(egress) ? egress : []), ...hosts.declared],
    waivers: [],
    posture: posture.posture,
    clusters: declared.clusters,
    accountDiskEncryption: disks.declared,
    outposts: outposts.declared,
    directConnectLocations: locations.declared,
    ...(account !== undefined && account !== "" ? { accountIds: [account] } : {}),
  };
}

/**
 * The same settings under every policy, as a `--policy-pack-config` document. The hardening
 * policies (a customer-managed key, links to other accounts inside the jurisdiction) carry their
 * level explicitly — advisory, or mandatory under strict posture — so the file means the same to
 * the Pulumi CLI as to the offline engine.
 */
export function packConfigFor(settings: StackSettings): Record<string, Record<string, unknown>> {
  const body: Record<string, unknown> = {
    egressAllowlist: settings.egressAllowlist.filter((e) => !isHostEntry(e)),
    waivers: settings.waivers,
  };
  const hosts = settings.egressAllowlist.filter(isHostEntry);
  if (hosts.length > 0) {
    body.egressHosts = hosts;
  }
  if (settings.clusters !== undefined && settings.clusters.length > 0) {
    body.clusters = settings.clusters;
  }
  if (settings.accountDiskEncryption !== undefined && settings.accountDiskEncryption.length > 0) {
    body.accountDiskEncryption = settings.accountDiskEncryption;
  }
  if (settings.outposts !== undefined && settings.outposts.length > 0) {
    body.outposts = settings.outposts;
  }
  if (settings.directConnectLocations !== undefined && settings.directConnectLocations.length > 0) {
    body.directConnectLocations = settings.directConnectLocations;
  }
  if (settings.accountIds !== undefined && settings.accountIds.length > 0) {
    body.accountIds = settings.accountIds;
  }
  if (settings.jurisdiction !== undefined) {
    body.jurisdiction = settings.jurisdiction;
  }
  const hardening: Level = settings.posture === "strict" ? "mandatory" : "advisory";
  return Object.fromEntries(
    policyNames.map((name) => [
      name,
      hardeningPolicyNames.includes(name) ? { enforcementLevel: hardening, ...body } : { ...body },
    ]),
  );
}

/**
 * `config` as the offline engine hands it to the pack. Where the stack config declares no account,
 * the engine writes a stand-in where the stack's own belongs and no provider pins one (the ARNs
 * it synthesises, engine/synth.ts; the caller's identity, engine/invokes), and each policy is
 * told which, so that a finding on a grant to it says what the account is rather than naming an
 * account the program never wrote. `sovereign-dc policy-config` writes no such key: under the
 * Pulumi CLI the accounts are the real ones.
 */
export function withStandInAccount(
  config: PolicyPackConfig,
  stackConfig: Readonly<Record<string, string>>,
): PolicyPackConfig {
  const declared = stackConfig["sovereign-dc:accountId"];
  return declared !== undefined && declared !== ""
    ? config
    : onEveryPolicy(config, { standInAccount: placeholderAccount });
}

/**
 * The level a pack policy reports at under `config`: its own entry's, else the pack's default
 * (advisory for hardening, mandatory for every other policy).
 */
export function levelIn(config: PolicyPackConfig, policy: string): string {
  const own = config[policy]?.enforcementLevel;
  return typeof own === "string"
    ? own
    : hardeningPolicyNames.includes(policy)
      ? "advisory"
      : "mandatory";
}

/**
 * The deferred findings that leave a resource without a verdict: those of a policy at the
 * mandatory level. One at the advisory level decides nothing whatever the value turns out to be,
 * so it is listed as a plain advisory finding (its words still say pulumi up judges it).
 */
export function deferredAtTheirLevel(
  violations: readonly Violation[],
  config: PolicyPackConfig,
): Violation[] {
  return violations.map((v) => {
    if (!v.deferred || levelIn(config, v.policy) === "mandatory") {
      return v;
    }
    return { ...v, deferred: undefined };
  });
}

/**
 * `config` with every policy failing a value not known at preview closed (`unknownAtPreview:
 * fail`), whatever the config said. An offline evaluation is no preview that an update follows:
 * a value still unknown there (a lookup's answer the engine cannot give, a component's output
 * that exists only in a plugin) is never judged later, so deferring it would leave a resource
 * without a verdict. `--first-preview` keeps the config's choice (the pack's default: defer).
 */
export function failingUnknownsClosed(config: PolicyPackConfig): PolicyPackConfig {
  return onEveryPolicy(config, { unknownAtPreview: "fail" });
}

/**
 * The findings the engine adds itself, beside the pack's, because the pack cannot see their
 * subject: where Pulumi state goes, components whose resources do not exist offline, and what
 * the program sends over the network itself.
 */
export const enginePolicies = [
  {
    name: "state-residency",
    description:
      "Checks whether the stack's Pulumi state backend and secrets provider keep their data inside the jurisdiction.",
    severity: "high",
    remediationSteps:
      "Log in to a backend in the stack's own region (an s3:// bucket with ?region=, or OSS through its S3 endpoint), and use a passphrase or a KMS key in that region as the secrets provider.",
  },
  offlineVisibility,
  programRequests,
  waiverReview,
] as const;

/**
 * The engine's own policies a `--policy-config` file may lower to advisory (never turn off), by
 * name, with why one would: what they report is still listed. `program-requests` is not among
 * them: its findings are paths out, and one the organisation has approved is waived.
 */
const lowerable: Readonly<Record<string, string>> = {
  [offlineVisibility.name]:
    'Components the offline engine cannot see are always reported; set "advisory" when the stack is also checked with pulumi preview --policy-pack.',
};

/**
 * The policy names a `--policy-config` file may set: the pack's, `offline-visibility`
 * (mandatory or advisory only) and `program-requests` (waivers; mandatory only).
 * `state-residency` is not configurable: the fix is the backend.
 */
export const configurablePolicyNames: readonly string[] = [
  ...policyNames,
  ...Object.keys(lowerable),
  programRequests.name,
];

/**
 * Reads a `--policy-pack-config` file (CrossGuard's format: policy name → settings, with an
 * optional `all` enforcement level) and lays it over `base`.
 */
export function mergePolicyConfigFile(
  base: Record<string, Record<string, unknown>>,
  file: string,
): PolicyPackConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT"
        ? `--policy-config ${file}: no such file (from ${process.cwd()}).`
        : `--policy-config ${file}: cannot read it (${(e as Error).message}).`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new UsageError(
      `--policy-config ${file}: cannot read it as JSON (${(e as Error).message}).`,
    );
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new UsageError(`--policy-config ${file}: expected an object of policy name → settings.`);
  }
  // The schema validator is loaded only for a file: a plan without one does not pay for it.
  const { enforcementLevels, policyConfigProblems } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("./policy-config-schema") as typeof import("./policy-config-schema");
  const out: Record<string, Record<string, unknown>> = { ...base };
  for (const [name, value] of Object.entries(doc as Record<string, unknown>)) {
    if (name === "all") {
      // Checked once here, rather than under each of the policies it is laid over.
      if (typeof value !== "string" || !enforcementLevels.includes(value)) {
        throw new UsageError(
          `--policy-config ${file}: all received ${JSON.stringify(value)}; it sets every policy's level, one of CrossGuard's ${enforcementLevels.join(", ")} (a policy's own settings go under its name).`,
        );
      }
      // The pack's policies only, as under the CLI: offline-visibility is lowered by name.
      for (const p of policyNames) {
        out[p] = { enforcementLevel: value, ...out[p] };
      }
      continue;
    }
    if (name in lowerable) {
      out[name] = { enforcementLevel: engineLevelIn(file, name, value) };
      continue;
    }
    if (name === programRequests.name) {
      out[name] = programRequestsEntryIn(file, value);
      continue;
    }
    if (!policyNames.includes(name)) {
      throw new UsageError(
        `--policy-config ${file}: received policy ${JSON.stringify(name)}; known policies: ${configurablePolicyNames.join(", ")}.`,
      );
    }
    const settings =
      typeof value === "string" ? { enforcementLevel: value } : (value as Record<string, unknown>);
    out[name] = { ...out[name], ...settings };
  }
  const problems = policyConfigProblems(out);
  if (problems.length > 0) {
    throw new UsageError(
      `--policy-config ${file}:${problems.length === 1 ? ` ${problems[0]}` : `\n  ${problems.join("\n  ")}`}.`,
    );
  }
  refuseLoweredBorder(file, doc as Record<string, unknown>);
  // A waiver written under the policy it waives is checked by residency-waivers as well, which
  // reads only its own entry: one without a reason or past its expiry would otherwise leave the
  // finding in place without a word of why.
  const all = waiversOf(out);
  if (all.length > 0 && out["residency-waivers"] !== undefined) {
    out["residency-waivers"] = { ...out["residency-waivers"], waivers: all };
  }
  return out;
}

/**
 * Refuses a `--policy-config` that sets a policy whose findings are paths out of the jurisdiction
 * (every policy of the pack but the hardening ones) to any level but mandatory, by its own entry
 * or by `all`: its findings decide the verdict, and a verdict that a disabled
 * policy never looked at would say "sealed" over a copy to Hong Kong (found by a compliance
 * officer's reading). One crossing an organisation has approved is waived, with its reason and
 * expiry, and the report lists it; the hardening policies take any level.
 */
function refuseLoweredBorder(file: string, doc: Readonly<Record<string, unknown>>): void {
  const levelOf = (v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? (v as { enforcementLevel?: unknown }).enforcementLevel
      : v;
  // "remediate" too: a validation policy has nothing to remediate, and its findings are dropped.
  const lowered = (v: unknown) => levelOf(v) !== undefined && levelOf(v) !== "mandatory";
  const border = policyNames.filter((p) => !hardeningPolicyNames.includes(p));
  // The engine's program-requests too, whose findings are paths out (`all` does not reach it).
  const named = [...border, programRequests.name].filter((p) => lowered(doc[p]));
  // `all` reaches the border policies an entry of their own does not set.
  const byAll = lowered(doc.all) ? border.filter((p) => levelOf(doc[p]) === undefined) : [];
  if (named.length === 0 && byAll.length === 0) {
    return;
  }
  const setByAll =
    byAll.length === border.length
      ? `the ${border.length} policies that decide the verdict`
      : byAll.length > 3
        ? `${byAll.length} of the ${border.length} policies that decide the verdict`
        : byAll.join(", ");
  const received = [
    ...named.map((p) => `${p} received ${JSON.stringify(doc[p])}`),
    ...(byAll.length > 0 ? [`all received ${JSON.stringify(doc.all)}, setting ${setByAll}`] : []),
  ];
  throw new UsageError(
    `--policy-config ${file}: ${received.join("; ")}. The policies other than hardening decide the verdict (their findings are paths out of the jurisdiction, or what keeps the pack from judging one) and take "mandatory" only: lowered or off, the stack would be called sealed over a path never judged. ` +
      `Waive one crossing your organisation has approved, under its policy, with its reason and expiry (the report lists it); the hardening policies ${hardeningPolicyNames.join(" and ")} take any level.`,
  );
}

/**
 * A `--policy-config` entry for `program-requests`: its level (a string or `enforcementLevel`,
 * which `refuseLoweredBorder` holds to mandatory) and the waivers of the requests an organisation
 * has approved. No other setting: the pack has no policy of that name to read one.
 */
function programRequestsEntryIn(file: string, value: unknown): Record<string, unknown> {
  if (typeof value === "string") {
    return { enforcementLevel: value };
  }
  const takes = ["enforcementLevel", "waivers"];
  const other =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? Object.keys(value).filter((k) => !takes.includes(k))
      : undefined;
  if (other === undefined || other.length > 0) {
    throw new UsageError(
      `--policy-config ${file}: ${programRequests.name} received ${JSON.stringify(value)}; it takes "mandatory" or an object of ${takes.join(" and ")} (the waivers of the program's own requests your organisation has approved).`,
    );
  }
  return value as Record<string, unknown>;
}

/**
 * The level a `--policy-config` entry sets for one of the engine's lowerable policies:
 * "mandatory" or "advisory", as a string or `{ enforcementLevel }`. Turning `offline-visibility`
 * off would let what was never seen pass; `program-requests`, what was never judged.
 */
function engineLevelIn(file: string, name: string, value: unknown): Level {
  const level =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? Object.keys(value).every((k) => k === "enforcementLevel")
        ? (value as { enforcementLevel?: unknown }).enforcementLevel
        : undefined
      : value;
  const allowed = offlineVisibilityLevels as readonly unknown[];
  if (!allowed.includes(level)) {
    throw new UsageError(
      `--policy-config ${file}: ${name} received ${JSON.stringify(value)}; it takes ` +
        `"mandatory" or "advisory" (or { "enforcementLevel": … }). ${lowerable[name]}`,
    );
  }
  return level as Level;
}

/**
 * Where the pack's own finding starts in the runtime's note on a policy it skipped at preview, or
 * undefined when `said` is no such note. The runtime's words are known (`skippedAtPreview`); a
 * runtime that words its note otherwise is still read by the finding's own end (the sentence
 * `judgedAtUpdate` every deferral ends with) and start (the resource's label), so a deferred
 * finding is never taken for a plain advisory one.
 */
function skippedAt(
  said: string,
  level: Level,
  r: { readonly type: string; readonly name: string } | undefined,
): number | undefined {
  const known = skippedAtPreview.exec(said);
  if (known) {
    return known[0].length;
  }
  if (
    level !== "advisory" ||
    r === undefined ||
    !decodeMessage(said).message.endsWith(judgedAtUpdate)
  ) {
    return undefined;
  }
  const start = said.indexOf(`${resourceLabel(r.type, r.name)} must `);
  return start > 0 ? start : undefined;
}

/** Turns the pack's diagnostics into violations, naming each resource by type and name. */
export function toViolations(diagnostics: readonly Diagnostic[], plan: Plan): Violation[] {
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  return diagnostics.map((d) => {
    // The policy runtime prefixes each message with the policy's description.
    const said = d.message.startsWith(`${d.description}\n`)
      ? d.message.slice(d.description.length + 1)
      : d.message;
    const r = d.urn ? byUrn.get(d.urn) : undefined;
    const skipped = skippedAt(said, d.level, r);
    const text = skipped === undefined ? said : said.slice(skipped);
    const { message, path, waived } = decodeMessage(text);
    return {
      policy: d.policy,
      level: d.level,
      resourceType: r?.type ?? null,
      resourceName: r?.name ?? null,
      message,
      path,
      urn: d.urn ?? null,
      ...(waived ? { waived } : {}),
      ...(skipped !== undefined ? { deferred: true as const } : {}),
    };
  });
}

/**
 * Violations with the mandatory ones first, then by policy, resource type and resource name (the
 * stack's own findings, of no resource, first of their policy): the same program gives the same
 * order in every run, though its resources may register in another order from run to run (those
 * declared in callbacks on outputs, as the outputs resolve). Findings on one resource by one
 * policy keep the order the policy reported them in.
 */
export function byLevel(violations: readonly Violation[]): Violation[] {
  const order = { mandatory: 0, advisory: 1 };
  const text = (s: string | null) => s ?? "";
  return [...violations].sort(
    (a, b) =>
      order[a.level] - order[b.level] ||
      compare(a.policy, b.policy) ||
      compare(text(a.resourceType), text(b.resourceType)) ||
      compare(text(a.resourceName), text(b.resourceName)) ||
      compare(text(a.urn), text(b.urn)),
  );
}

/** Code-point order, the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Runs the pack on a plan with `config` and returns its violations, mandatory first; a value not
 * known fails closed (failingUnknownsClosed). Without a session it starts the pack in
 * `defaultPackDir` and stops it afterwards.
 */
export async function checkPlan(
  plan: Plan,
  config: PolicyPackConfig,
  session?: PolicyPackSession,
): Promise<Violation[]> {
  const own = session ? undefined : await PolicyPackSession.start(defaultPackDir);
  const pack = session ?? own!;
  try {
    await pack.configure(withIdlePoliciesOff(failingUnknownsClosed(config)));
    return byLevel(toViolations(await pack.analyzePlan(plan), plan));
  } finally {
    own?.close();
  }
}

/**
 * Where the stack's own Pulumi state would go — the backend of Pulumi.yaml or
 * PULUMI_BACKEND_URL, the declared `sovereign-dc:stateBackend`, and the stack file's secrets
 * provider — checked against the jurisdiction. The pack cannot see these (they are not
 * resources), so the offline engine reports them under the policy name `state-residency`.
 */
export function stateViolations(
  jurisdiction: Jurisdiction,
  sources: {
    readonly stack: string;
    readonly projectBackendUrl?: string;
    readonly envBackendUrl?: string;
    readonly declaredBackendUrl?: string;
    readonly secretsProvider?: string;
  },
): Violation[] {
  const out: Violation[] = [];
  const add = (what: string, value: string, loc: StateLocation, fix: string) => {
    const problem = locationProblem(jurisdiction, loc);
    if (problem === undefined) {
      return;
    }
    out.push({
      policy: "state-residency",
      level: "mandatory",
      resourceType: null,
      resourceName: null,
      message: `The ${what} of stack ${sources.stack} must keep its data inside ${jurisdiction.id}, but ${problem}. ${fix}`,
      path: [
        `Pulumi state of stack ${sources.stack}`,
        `${what} ${value}`,
        describeLocation(jurisdiction, loc),
      ],
      urn: null,
    });
  };
  const backendFix =
    "Log in to a backend in the stack's own region (an s3:// bucket with ?region=, or OSS through its S3 endpoint).";
  if (sources.projectBackendUrl) {
    add(
      "backend in Pulumi.yaml",
      sources.projectBackendUrl,
      backendLocation(sources.projectBackendUrl),
      backendFix,
    );
  }
  if (sources.declaredBackendUrl) {
    add(
      "backend in sovereign-dc:stateBackend",
      sources.declaredBackendUrl,
      backendLocation(sources.declaredBackendUrl),
      backendFix,
    );
  }
  if (sources.envBackendUrl) {
    add(
      "backend in PULUMI_BACKEND_URL",
      sources.envBackendUrl,
      backendLocation(sources.envBackendUrl),
      backendFix,
    );
  }
  if (sources.secretsProvider) {
    add(
      "secrets provider",
      sources.secretsProvider,
      secretsProviderLocation(sources.secretsProvider),
      "Use a passphrase or a KMS key in the stack's own region (awskms://…?region=).",
    );
  }
  return out;
}
