/**
 * The shared shape of every residency policy: the pack-wide settings each policy accepts in its
 * CrossGuard config (jurisdiction, egress allowlist, waivers), waiver handling, and how a
 * violation carries the path that crosses the border.
 *
 * CrossGuard config is per policy, so the shared settings appear under every policy's name in a
 * `--policy-pack-config` file; `sovereign-dc policy-config --stack S` writes that file from the
 * stack spec, and the offline engine sends the same document through the analyzer's `configure`.
 */
import type {
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  Severity,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import type { DeclaredCluster } from "../residency/clusters";
import type { DeclaredDiskEncryption } from "../residency/disk-encryption";
import type { DeclaredDirectConnectLocation } from "../residency/direct-connect";
import type { DeclaredOutpost } from "../residency/outposts";
import { type HostAllowEntry, hostEntryProblem } from "../residency/hosts";
import { findJurisdiction, type Jurisdiction } from "../residency/jurisdictions";
import { configSchemaOf } from "./config-schema";
import { resourceLabel } from "./paths/describe";
import { isUnknownValueError, unknownValueError } from "./paths/values";

/** An accepted exception: one policy, one resource, a reason, and a date it lapses on. */
export interface Waiver {
  readonly policy: string;
  /** Resource name or URN. */
  readonly resource: string;
  readonly reason: string;
  /** ISO date (YYYY-MM-DD) after which the waiver no longer applies. */
  readonly expires: string;
  /** Who approved the exception, for the report's reader. */
  readonly approvedBy?: string;
  /** What it rests on: a ticket, an assessment or a filing by its number. */
  readonly reference?: string;
}

/** A block of addresses workloads may reach, with its justification. */
export interface CidrAllowEntry {
  readonly cidr: string;
  readonly ports?: readonly number[];
  readonly protocol?: string;
  readonly reason: string;
}

/**
 * An entry of the egress allowlist the policies read: a block of addresses (`egressAllowlist`),
 * or a host a service sends to by name (`egressHosts`, residency/hosts.ts), which admits the
 * host where the pack could not place it and covers no network rule.
 */
export type EgressAllowEntry = CidrAllowEntry | HostAllowEntry;

/** Settings every residency policy reads. */
export interface ResidencySettings {
  readonly jurisdiction?: string;
  readonly egressAllowlist: readonly EgressAllowEntry[];
  readonly waivers: readonly Waiver[];
  /**
   * Kubernetes clusters the program does not create, placed by the stack config
   * (`sovereign-dc:clusters`): the kubeconfig context that names each, and its region.
   */
  readonly clusters?: readonly DeclaredCluster[];
  /**
   * The default disk encryption the stack's accounts have outside the program, by region
   * (`sovereign-dc:accountDiskEncryption`): the region's default key, and whether encryption by
   * default is on. customer-key-encryption judges a volume naming no key on it.
   */
  readonly accountDiskEncryption?: readonly DeclaredDiskEncryption[];
  /**
   * The AWS Outposts the stack declares, each with the country of the site it stands at
   * (`sovereign-dc:outposts`): what is placed on one is placed there, not in its parent region.
   */
  readonly outposts?: readonly DeclaredOutpost[];
  /**
   * The AWS Direct Connect locations the stack declares, each with the country of its facility
   * (`sovereign-dc:directConnectLocations`): a connection landing at one is placed there; one
   * landing at a location not declared cannot be placed.
   */
  readonly directConnectLocations?: readonly DeclaredDirectConnectLocation[];
  /**
   * The cloud accounts the stack deploys into (`sovereign-dc:accountId`), beside those its
   * providers pin (`allowedAccountIds` / `accountId`): a grant or link to one of them is the
   * stack's own.
   */
  readonly accountIds?: readonly string[];
  /**
   * The account the offline engine writes where the stack's own belongs when neither the stack
   * nor the provider names one — the ARNs it synthesises, the caller's identity it answers —
   * (`sovereign-dc check` and `plan` set it): a grant to it is reported as one to an account no
   * provider pins, as the real one would be under the Pulumi CLI, and named as the stand-in.
   */
  readonly standInAccount?: string;
  /**
   * Report a waived finding, marked with its waiver, instead of leaving it out. CrossGuard has no
   * "waived" level, so under the Pulumi CLI a waived finding is left out; the offline engine sets
   * this to list it as waived and keep it out of the verdict.
   */
  readonly reportWaived?: boolean;
  /**
   * What a resource policy does with a finding it cannot decide because a value it reads is not
   * known at preview (`Finding.undecided`). `defer` (the default): the policy is skipped for that
   * resource with the runtime's advisory note ("can't run policy … during preview: …"), as
   * @pulumi/policy does with every unknown it meets; the engine runs the policy again on the
   * known inputs at the resource's step of `pulumi up`, and a mandatory violation there stops the
   * resource before it is created. `fail`: the finding is reported at the policy's level, so a
   * preview fails on it (the offline engine, which has no update to defer to, sets this). Stack
   * policies always fail such a finding: CrossGuard runs them after the update has created the
   * resources, so a crossing they defer would already exist when they judge it.
   */
  readonly unknownAtPreview?: UnknownAtPreview;
}

/** What resource policies do with a value not known at preview (ResidencySettings.unknownAtPreview). */
export type UnknownAtPreview = "defer" | "fail";

/** Text that separates a violation's message from the border-crossing path it carries. */
export const pathMarker = "\npath: ";
/** Separator between the hops of a path. */
export const hop = " → ";
/** Text that separates a waived finding from the waiver (JSON) that covers it. */
export const waiverMarker = "\nwaived: ";

/** A violation before it is reported: the message ("X must Y." plus the fix) and its path. */
export interface Finding {
  readonly message: string;
  /** The chain of resources and places that crosses the border, first to last. */
  readonly path?: readonly string[];
  /** The resource the violation is about, for stack policies. */
  readonly urn?: string;
  /** Its name, for matching waivers in stack policies. */
  readonly resourceName?: string;
  /**
   * The finding says only that a value the policy must read is not known at preview — no
   * crossing seen, none ruled out — so the resource is decided once the value is known (see
   * ResidencySettings.unknownAtPreview). Not set on a finding that holds whatever the value is.
   */
  readonly undecided?: true;
}

/** What a waived finding carries of its waiver. */
export interface WaivedBy {
  readonly reason: string;
  readonly expires: string;
  readonly approvedBy?: string;
  readonly reference?: string;
}

/** Encodes a finding (and the waiver that covers it, if any) as the one message CrossGuard carries. */
export function encodeFinding(f: Finding, waiver?: WaivedBy): string {
  const text =
    f.path && f.path.length > 0 ? `${f.message}${pathMarker}${f.path.join(hop)}` : f.message;
  return waiver
    ? `${text}${waiverMarker}${JSON.stringify({
        reason: waiver.reason,
        expires: waiver.expires,
        ...(waiver.approvedBy === undefined ? {} : { approvedBy: waiver.approvedBy }),
        ...(waiver.reference === undefined ? {} : { reference: waiver.reference }),
      })}`
    : text;
}

/** Splits a CrossGuard message back into message, path and waiver (inverse of encodeFinding). */
export function decodeMessage(text: string): {
  message: string;
  path: string[] | null;
  waived: WaivedBy | null;
} {
  let rest = text;
  let waived: WaivedBy | null = null;
  const w = rest.lastIndexOf(waiverMarker);
  if (w >= 0) {
    waived = JSON.parse(rest.slice(w + waiverMarker.length)) as WaivedBy;
    rest = rest.slice(0, w);
  }
  const at = rest.lastIndexOf(pathMarker);
  if (at < 0) {
    return { message: rest, path: null, waived };
  }
  return {
    message: rest.slice(0, at),
    path: rest.slice(at + pathMarker.length).split(hop),
    waived,
  };
}

/**
 * readSettings for one policy, which keeps the configuration it last read and its settings. The
 * policy runtime hands a policy a fresh shallow copy of its configuration for every resource it
 * judges (`args.getConfig()`), whose entries are the same objects each time: read once a policy,
 * not once a resource and policy (checking the host entries of `egressHosts` each time cost a
 * stack of thousands of resources as much as one of its policies).
 */
function settingsReader(): (raw: Record<string, unknown>) => ResidencySettings {
  let last:
    | { readonly raw: Record<string, unknown>; readonly settings: ResidencySettings }
    | undefined;
  return (raw) => {
    if (last !== undefined && sameEntries(last.raw, raw)) {
      return last.settings;
    }
    const settings = readSettings(raw);
    last = { raw: { ...raw }, settings };
    return settings;
  };
}

/** Whether two configurations hold the same entries, each the very same value. */
function sameEntries(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && a[k] === b[k]);
}

/** The settings a policy was configured with, normalised. */
export function readSettings(raw: Record<string, unknown>): ResidencySettings {
  return {
    jurisdiction: typeof raw.jurisdiction === "string" ? raw.jurisdiction : undefined,
    egressAllowlist: [
      ...(Array.isArray(raw.egressAllowlist) ? (raw.egressAllowlist as CidrAllowEntry[]) : []),
      ...hostEntries(raw.egressHosts),
    ],
    waivers: Array.isArray(raw.waivers) ? (raw.waivers as Waiver[]) : [],
    clusters: Array.isArray(raw.clusters) ? (raw.clusters as DeclaredCluster[]) : [],
    accountDiskEncryption: Array.isArray(raw.accountDiskEncryption)
      ? (raw.accountDiskEncryption as DeclaredDiskEncryption[])
      : [],
    outposts: Array.isArray(raw.outposts) ? (raw.outposts as DeclaredOutpost[]) : [],
    directConnectLocations: Array.isArray(raw.directConnectLocations)
      ? (raw.directConnectLocations as DeclaredDirectConnectLocation[])
      : [],
    accountIds: Array.isArray(raw.accountIds)
      ? raw.accountIds.filter((a): a is string => typeof a === "string")
      : [],
    ...(typeof raw.standInAccount === "string" && raw.standInAccount !== ""
      ? { standInAccount: raw.standInAccount }
      : {}),
    reportWaived: raw.reportWaived === true,
    unknownAtPreview: raw.unknownAtPreview === "fail" ? "fail" : "defer",
  };
}

/**
 * The host entries of a policy's config that the pack honours: an entry `hostEntryProblem`
 * refuses (a public suffix under a wildcard, a cloud endpoint placed by its region, no host at
 * all) admits nothing, so the hosts it names stay unplaced — the CLI refuses such an entry
 * outright (engine/check.ts), CrossGuard's schema only checks its shape.
 */
function hostEntries(raw: unknown): HostAllowEntry[] {
  return Array.isArray(raw)
    ? raw.filter(
        (e): e is HostAllowEntry =>
          typeof e === "object" &&
          e !== null &&
          typeof e.reason === "string" &&
          hostEntryProblem(e.host) === undefined,
      )
    : [];
}

/** Why a waiver cannot be honoured, or undefined when it is valid on `today`. */
export function waiverProblem(w: Waiver, today: Date = new Date()): string | undefined {
  if (typeof w.reason !== "string" || w.reason.trim() === "") {
    return "it has no reason";
  }
  if (typeof w.expires !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(w.expires)) {
    return `its expiry ${JSON.stringify(w.expires)} is not a date YYYY-MM-DD`;
  }
  const end = Date.parse(`${w.expires}T23:59:59Z`);
  if (Number.isNaN(end)) {
    return `its expiry ${JSON.stringify(w.expires)} is not a date YYYY-MM-DD`;
  }
  if (end < today.getTime()) {
    return `it expired on ${w.expires}`;
  }
  return undefined;
}

/** The valid waiver that covers a finding of `policy` about a resource with one of `names`. */
function waiverFor(
  settings: ResidencySettings,
  policy: string,
  names: readonly (string | undefined)[],
): Waiver | undefined {
  return settings.waivers.find(
    (w) => w.policy === policy && names.includes(w.resource) && waiverProblem(w) === undefined,
  );
}

/** Reports `f` unless a waiver covers it; a covered finding is reported marked, if asked for. */
function reportUnlessWaived(
  settings: ResidencySettings,
  waiver: Waiver | undefined,
  report: (text: string) => void,
  f: Finding,
): void {
  if (waiver === undefined) {
    report(encodeFinding(f));
  } else if (settings.reportWaived) {
    report(encodeFinding(f, waiver));
  }
}

/** What a residency policy's check receives besides the CrossGuard args. */
export interface PolicyContext {
  /** The jurisdiction the stack must stay in. */
  readonly jurisdiction: Jurisdiction;
  readonly settings: ResidencySettings;
  /** This policy's own config (its configSchema properties beyond the shared ones). */
  readonly config: Record<string, unknown>;
  /** Reports a violation unless a valid waiver covers it. */
  report(finding: Finding): void;
}

export interface PolicyMeta {
  readonly name: string;
  /** Starts "Checks whether…". */
  readonly description: string;
  readonly severity: Severity;
  readonly remediationSteps: string;
}

/** What CrossGuard shows of a policy, whichever kind: its words and its config schema. */
function described(meta: PolicyMeta) {
  return {
    name: meta.name,
    description: meta.description,
    severity: meta.severity,
    remediationSteps: meta.remediationSteps,
    configSchema: configSchemaOf(meta.name),
  };
}

/**
 * Where the pack's own time goes, for `SOVEREIGN_DC_TIMINGS` (engine/timings.ts): milliseconds
 * in the residency checks per part, kept in a global the engine's pack process reports when it
 * ends (the pack depends on nothing of the engine's). Unset, nothing is measured.
 */
const partTimes: Record<string, number> | undefined = process.env.SOVEREIGN_DC_TIMINGS
  ? ((globalThis as Record<symbol, Record<string, number>>)[
      Symbol.for("sovereign-dc.pack-parts")
    ] ??= {})
  : undefined;

/** Runs `fn`, adding its time to `part` when the run measures itself. */
export function timedPart<T>(part: string, fn: () => T): T {
  if (partTimes === undefined) {
    return fn();
  }
  const start = performance.now();
  try {
    return fn();
  } finally {
    partTimes[part] = (partTimes[part] ?? 0) + (performance.now() - start);
  }
}

/**
 * Runs a policy's check; a value it reads that is not known at preview, and that its code did not
 * read as unknown (`known`), fails it closed: a finding at the policy's level naming the value,
 * where @pulumi/policy's runtime would skip the policy with an advisory note ("can't run policy
 * … during preview") and a stack whose data path was never judged could pass as sealed.
 */
function failingClosed(
  policy: string,
  labelOf: () => string,
  ctx: PolicyContext,
  run: () => void,
): void {
  try {
    run();
  } catch (e) {
    if (!isUnknownValueError(e)) {
      throw e;
    }
    const props = (e as { props?: unknown }).props;
    const at = Array.isArray(props) && props.length > 0 ? props.join(".") : "a value it reads";
    // Labelled only here: the check runs for every resource, and seldom fails so.
    const label = labelOf();
    ctx.report({
      message: `${label} must be judged by ${policy}, but ${at} is not known at preview, so ${policy} cannot decide it. Set ${at} from a literal or stack config.`,
      path: [label, `${at} (unknown at preview)`],
      undecided: true,
    });
  }
}

/** Appended to a deferred finding: when it is decided, and that nothing is created before. */
export const judgedAtUpdate =
  "pulumi up judges it on the known value at the resource's step, before the resource is created.";

/**
 * The error that skips a resource policy at preview for the values it could not read, in the
 * runtime's own way: @pulumi/policy reports an UnknownValueError thrown by a policy as an advisory
 * note ("can't run policy … during preview: <message>") and keeps the findings reported before it.
 * The message is every deferred finding's words, encoded with the first one's path.
 */
function deferral(found: readonly Finding[]): Error {
  const said = [...new Set(found.map((f) => f.message))].join(" ");
  return unknownValueError(encodeFinding({ ...found[0], message: `${said} ${judgedAtUpdate}` }));
}

/**
 * One finding once, per policy and resource: two fields that read the same value not known at
 * preview (a rule's destination and its account, both from one unknown list; a sink the
 * configuration's whole object holds, read once outbound and once inbound, or once as a sink and
 * once as an ARN) would say the same thing twice — a finding on a value not known at preview is
 * said once for that value (the hop of its path that names it, whichever way the path is drawn);
 * any other once by its whole text.
 */
function onceEach(): (f: Finding, text: string, say: (text: string) => void) => void {
  const said = new Set<string>();
  return (f, text, say) => {
    const unknownHop = f.path?.find((h) => h.endsWith(" (unknown at preview)"));
    const key = `${f.urn ?? ""}\u0000${unknownHop ?? text}`;
    if (!said.has(key)) {
      said.add(key);
      say(text);
    }
  };
}

/**
 * A resource policy that knows the stack's jurisdiction. Without a configured jurisdiction the
 * check does not run; the `residency-configured` stack policy fails the stack instead, once.
 */
export function residencyResourcePolicy(
  meta: PolicyMeta & {
    readonly validate: (args: ResourceValidationArgs, ctx: PolicyContext) => void;
  },
): ResourceValidationPolicy {
  const read = settingsReader();
  return {
    ...described(meta),
    validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
      const raw = args.getConfig<Record<string, unknown>>();
      const settings = read(raw);
      const jurisdiction = settings.jurisdiction
        ? findJurisdiction(settings.jurisdiction)
        : undefined;
      if (!jurisdiction) {
        return;
      }
      const once = onceEach();
      const deferred: Finding[] = [];
      const ctx: PolicyContext = {
        jurisdiction,
        settings,
        config: raw,
        report: (f) => {
          const waiver = waiverFor(settings, meta.name, [args.name, args.urn]);
          if (f.undecided && waiver === undefined && settings.unknownAtPreview !== "fail") {
            deferred.push(f);
            return;
          }
          reportUnlessWaived(settings, waiver, (text) => once(f, text, reportViolation), f);
        },
      };
      timedPart("per-resource checks", () =>
        failingClosed(
          meta.name,
          () => resourceLabel(args.type, args.name),
          ctx,
          () => meta.validate(args, ctx),
        ),
      );
      if (deferred.length > 0) {
        throw deferral(deferred);
      }
    },
  };
}

/** A stack policy that knows the stack's jurisdiction (see residencyResourcePolicy). */
export function residencyStackPolicy(
  meta: PolicyMeta & {
    readonly validate: (args: StackValidationArgs, ctx: PolicyContext) => void;
    /** Runs even when no jurisdiction is configured (the configuration checks themselves). */
    readonly withoutJurisdiction?: boolean;
    /**
     * A resource type without which the policy has nothing to judge: on a stack holding no
     * resource of this type the policy runtime reports it not applicable before converting any
     * resource (see `appliesOnlyWith`).
     */
    readonly appliesOnlyWith?: string;
    /**
     * The policy judges the pack's configuration alone: it is handed no resources, so what it
     * reports depends on its config and nothing else (see `reportsOnConfig`).
     */
    readonly readsNoResources?: boolean;
  },
): StackValidationPolicy {
  const read = settingsReader();
  const validateStack = (args: StackValidationArgs, reportViolation: ReportViolation) => {
    const raw = args.getConfig<Record<string, unknown>>();
    const settings = read(raw);
    const found = settings.jurisdiction ? findJurisdiction(settings.jurisdiction) : undefined;
    if (!found && !meta.withoutJurisdiction) {
      return;
    }
    const once = onceEach();
    const ctx: PolicyContext = {
      // Only the configuration checks run without one, and they do not read it.
      jurisdiction: found as Jurisdiction,
      settings,
      config: raw,
      report: (f) =>
        reportUnlessWaived(
          settings,
          waiverFor(settings, meta.name, [f.resourceName, f.urn]),
          (text) => once(f, text, (t) => reportViolation(t, f.urn)),
          f,
        ),
    };
    timedPart("stack checks", () =>
      failingClosed(
        meta.name,
        () => "the stack",
        ctx,
        () => meta.validate(meta.readsNoResources ? { ...args, resources: [] } : args, ctx),
      ),
    );
  };
  if (meta.appliesOnlyWith !== undefined) {
    appliesOnlyWith(validateStack, meta.appliesOnlyWith);
  }
  if (meta.readsNoResources) {
    configOnly.add(validateStack);
  }
  return { ...described(meta), validateStack };
}

/** The validation functions of the policies that judge the configuration alone. */
const configOnly = new WeakSet<StackValidationPolicy["validateStack"]>();

/**
 * Whether a policy that judges the configuration alone (`readsNoResources`) reports anything
 * under `config`, its own entry of the pack config: its validation run on no resources, as the
 * runtime would run it on any stack. Undefined for every other policy, whose findings depend on
 * the stack. The offline engine sends such a policy disabled when it would report nothing, so
 * the runtime does not convert every resource of the stack for it (engine/idle-policies.ts).
 */
export function reportsOnConfig(
  policy: StackValidationPolicy,
  config: Readonly<Record<string, unknown>>,
): boolean | undefined {
  if (!configOnly.has(policy.validateStack)) {
    return undefined;
  }
  // What the runtime's getConfig gives a policy: its entry without the enforcement level.
  const own = Object.fromEntries(Object.entries(config).filter(([k]) => k !== "enforcementLevel"));
  let reported = false;
  void policy.validateStack(
    {
      resources: [],
      getConfig: <T extends object>() => own as T,
      stackTags: new Map(),
      notApplicable: (reason?: string) => {
        throw new Error(`${policy.name} is not applicable: ${reason ?? ""}`);
      },
    },
    () => {
      reported = true;
    },
  );
  return reported;
}

/**
 * Lets the policy runtime skip a stack policy on a stack that holds no resource of `type`.
 * `@pulumi/policy` converts every resource of the stack for every stack policy it runs (at 5,000
 * resources, most of a stack analysis's time); a validation function carrying a Pulumi type — as
 * `validateStackResourcesOfType` makes them, from the resource class's `__pulumiType` — is first
 * checked against the stack's types, and reported not applicable when none matches, before any
 * conversion. Unlike `validateStackResourcesOfType`, the function still receives every resource.
 * test/policy/applicability.test.ts holds the runtime to this.
 */
function appliesOnlyWith(
  validateStack: StackValidationPolicy["validateStack"],
  type: string,
): void {
  (validateStack as { __pulumiType?: string }).__pulumiType = type;
}
