/**
 * `sovereign-dc new-stack`: scaffolds the config of a new regional stack. Only the cloud, the
 * region and the jurisdiction (and an AWS account) are needed; the zones, the network and the
 * state backend default to values that are right for the region and for this project. The spec
 * is validated with the same rules the program applies, so a file that is written is a stack
 * that plans, and a refusal writes nothing.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ipaddr from "ipaddr.js";
import type { Pair, Scalar, YAMLMap, YAMLSeq } from "yaml";
import { packFolder } from "../engine/spawn-pack";
import { yaml } from "../engine/yaml";
import {
  listStacks,
  loadProject,
  loadStackConfig,
  type ProjectInfo,
  UsageError,
} from "../engine/project";
import { type Cloud, clouds, findJurisdiction } from "../residency/jurisdictions";
import {
  cidrsOverlap,
  formatIssue,
  keyBounds,
  namespace,
  type SpecIssue,
  stackNameKey,
  StackSpecError,
  validateStackSpec,
} from "../residency/spec";
import { defaultBackendUrl } from "../residency/state";
import { zoneGaps, zoneName, zonesOf } from "../residency/zones";

export interface NewStackOptions {
  readonly cloud: string;
  readonly region: string;
  readonly jurisdiction: string;
  /** Defaults to the first /16 of 10.0.0.0/8 that no other stack of the project uses. */
  readonly cidr?: string;
  /** Comma-separated; defaults to the region's zones in residency/zones.ts. */
  readonly zones?: string;
  readonly accountId?: string;
  readonly bucket?: readonly string[];
  readonly project: string;
  readonly force?: boolean;
}

/** What another stack of the project declares in its `Pulumi.<stack>.yaml` that a new one must not repeat. */
export interface StackNetwork {
  readonly stack: string;
  readonly file: string;
  /** Its network, when it declares a well-formed one. */
  readonly cidr?: string;
  readonly cloud?: string;
  readonly region?: string;
  readonly accountId?: string;
}

/** The pool new stacks' networks are drawn from, one /16 each. */
const pool = { first: "10.0.0.0", bits: 8, block: 16 } as const;

/** The `index`-th block of `/bits` after the network address of `cidr`. */
function nthBlock(cidr: string, index: number, bits: number): string {
  const network = ipaddr.IPv4.networkAddressFromCIDR(cidr).toByteArray();
  const value = network.reduce((n, octet) => n * 256 + octet, 0) + index * 2 ** (32 - bits);
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256);
  return `${ipaddr.fromByteArray(octets).toString()}/${bits}`;
}

/** One /24 per zone, carved in order from the network CIDR (the first /24 is left free). */
export function zoneBlocks(cidr: string, count: number): string[] {
  if (!ipaddr.IPv4.isValidCIDR(cidr)) {
    throw new UsageError(
      `--cidr: received ${JSON.stringify(cidr)}; expected an IPv4 CIDR such as 10.40.0.0/16.`,
    );
  }
  const [, bits] = ipaddr.IPv4.parseCIDR(cidr);
  const largest = 24 - Math.ceil(Math.log2(count + 1));
  if (bits > largest) {
    throw new UsageError(
      `--cidr: received ${JSON.stringify(cidr)}; expected a block of /${largest} or larger to hold one /24 per zone (${count} zone(s)).`,
    );
  }
  return Array.from({ length: count }, (_, i) => nthBlock(cidr, i + 1, 24));
}

/** A structured setting of a stack's config (JSON in the flat map), or undefined. */
function setting(config: Readonly<Record<string, string>>, key: string): unknown {
  try {
    return JSON.parse(config[`${namespace}:${key}`] ?? "null");
  } catch {
    return undefined;
  }
}

/** The declared networks, clouds, regions and accounts of the project's stacks other than `except`. */
export function stackNetworks(project: ProjectInfo, except: string): StackNetwork[] {
  return listStacks(project)
    .filter((s) => s !== except)
    .map((stack) => {
      const { file, config } = loadStackConfig(project, stack);
      const cidr = (setting(config, "network") as { cidr?: unknown } | null | undefined)?.cidr;
      return {
        stack,
        file,
        ...(typeof cidr === "string" && ipaddr.IPv4.isValidCIDR(cidr) ? { cidr } : {}),
        cloud: config[`${namespace}:cloud`],
        region: config[`${namespace}:region`],
        accountId: config[`${namespace}:accountId`],
      };
    });
}

/** What dropping buckets from a stack's file does to them, and how to keep them. */
function droppedNote(buckets: readonly string[]): string {
  const [them, their] = buckets.length === 1 ? ["it", "its"] : ["them", "their"];
  return `It no longer declares the bucket${buckets.length === 1 ? "" : "s"} ${buckets.join(", ")} of the file it overwrote: pulumi up would delete ${them}, which ${their} protect refuses; give ${them} again with --bucket to keep ${them}.`;
}

/** The network and bucket names the stack's file declares, before --force overwrites it. */
function overwritten(
  project: ProjectInfo,
  stack: string,
): { readonly cidr?: string; readonly buckets: readonly string[] } {
  const { config } = loadStackConfig(project, stack);
  const cidr = (setting(config, "network") as { cidr?: unknown } | null | undefined)?.cidr;
  const buckets = setting(config, "buckets");
  return {
    ...(typeof cidr === "string" && ipaddr.IPv4.isValidCIDR(cidr) ? { cidr } : {}),
    buckets: Array.isArray(buckets)
      ? buckets.flatMap((b: unknown) =>
          typeof (b as { name?: unknown })?.name === "string" ? [(b as { name: string }).name] : [],
        )
      : [],
  };
}

/**
 * Refuses an AWS stack in the account and region of another: its buckets' names
 * (`<name>-<account>-<region>`) and its key's alias (`alias/sovereign-dc/<region>`) hold no stack
 * name, so both stacks would ask for the same, and the second `pulumi up` fails.
 */
function refuseSharedAccount(opts: NewStackOptions, taken: readonly StackNetwork[]): void {
  const clash =
    opts.cloud === "aws" && opts.accountId !== undefined
      ? taken.find(
          (t) => t.cloud === "aws" && t.region === opts.region && t.accountId === opts.accountId,
        )
      : undefined;
  if (clash !== undefined) {
    throw new UsageError(
      `--account-id: received ${JSON.stringify(opts.accountId)}; expected an account no other stack of this project uses in ${opts.region}, but stack ${clash.stack} (${path.basename(clash.file)}) does: the two would create buckets and a key alias of the same names (access-logs-${opts.accountId}-${opts.region}, alias/sovereign-dc/${opts.region}), which AWS refuses to the second. Put the stack in another account or region.`,
    );
  }
}

/** The first /16 of 10.0.0.0/8 that overlaps none of `taken`. */
export function freeNetwork(taken: readonly StackNetwork[]): string {
  const count = 2 ** (pool.block - pool.bits);
  for (let i = 0; i < count; i++) {
    const candidate = nthBlock(`${pool.first}/${pool.bits}`, i, pool.block);
    if (!taken.some((t) => t.cidr !== undefined && cidrsOverlap(t.cidr, candidate))) {
      return candidate;
    }
  }
  throw new UsageError(
    `--cidr: received nothing, and every /${pool.block} of ${pool.first}/${pool.bits} overlaps a stack of this project; expected a network CIDR that overlaps none, passed with --cidr.`,
  );
}

/**
 * What workloads of an Alibaba Cloud stack reach without the internet: the VPC's DNS resolvers
 * and the intranet endpoints of OSS and KMS, in Alibaba Cloud's service address space — the
 * Parity table's "cloud services without the internet". (On AWS the stack's interface endpoints
 * serve the same, inside its network.)
 */
function alicloudServices(region: string): Array<Record<string, unknown>> {
  return [
    {
      cidr: "100.100.2.136/30",
      ports: [53],
      protocol: "udp",
      reason: "VPC DNS resolvers of Alibaba Cloud inside the region",
    },
    {
      cidr: "100.64.0.0/10",
      ports: [443],
      protocol: "tcp",
      reason: `Intranet endpoints of OSS and KMS in ${region} (Alibaba Cloud service address space)`,
    },
  ];
}

/** Refuses a network that shares addresses with another stack's: peering or a merge would clash. */
function refuseOverlap(cidr: string, taken: readonly StackNetwork[]): void {
  // A malformed CIDR is refused with its own message when the zones are carved (zoneBlocks).
  const clash = ipaddr.IPv4.isValidCIDR(cidr)
    ? taken.find((t) => t.cidr !== undefined && cidrsOverlap(t.cidr, cidr))
    : undefined;
  if (clash !== undefined) {
    throw new UsageError(
      `--cidr: received ${JSON.stringify(cidr)}; expected a network that overlaps no other stack of this project, but it overlaps stack ${clash.stack} (${namespace}:network.cidr ${clash.cidr} in ${path.basename(clash.file)}).`,
    );
  }
}

/** The region's zones when there are at least two to spread over, or why there is no default. */
function regionZones(cloud: string, region: string): string[] | { readonly gap: string } {
  if (!(clouds as readonly string[]).includes(cloud)) {
    return { gap: "" };
  }
  const zones = zonesOf(cloud as Cloud, region) ?? [];
  const gap = zoneGaps[cloud as Cloud][region];
  if (gap !== undefined || zones.length < 2) {
    return { gap: gap ?? `${zones.length} zone(s) listed` };
  }
  return zones.map((z) => z.name);
}

function parseBucket(text: string): { name: string; retentionDays: number; purpose: string } {
  const [name, days, ...purpose] = text.split(":");
  const retentionDays = Number(days);
  if (!name || !Number.isInteger(retentionDays) || purpose.join(":").trim() === "") {
    throw new UsageError(
      `--bucket: received ${JSON.stringify(text)}; expected name:retentionDays:purpose, the days a whole number, e.g. telemetry:365:Vehicle telemetry.`,
    );
  }
  return { name, retentionDays, purpose: purpose.join(":") };
}

/** The options the spec's top-level keys come from; the others are written by new-stack itself. */
const options: Readonly<Record<string, string>> = {
  cloud: "--cloud",
  region: "--region",
  jurisdiction: "--jurisdiction",
  accountId: "--account-id",
  network: "--cidr",
  buckets: "--bucket",
  // The state bucket's name is made of the project's and the stack's.
  stateBackend: "<name>",
};

/** The spec's issues, each under the option that produced it and the config key it would be. */
function refusal(name: string, e: StackSpecError): UsageError {
  const line = (issue: SpecIssue) => {
    if (issue.key === stackNameKey) {
      return formatIssue({ ...issue, key: `<name> (the ${stackNameKey})` });
    }
    const inner = issue.key.slice(namespace.length + 1);
    const option = /^network\.zones\[\d+\]\.zone$/.test(inner)
      ? "--zones"
      : options[/^[A-Za-z]+/.exec(inner)?.[0] ?? ""];
    return formatIssue(option ? { ...issue, key: `${option} (${issue.key})` } : issue);
  };
  return new UsageError(
    `Cannot scaffold stack "${name}"; nothing was written:\n` +
      e.issues.map((i) => `  - ${line(i)}`).join("\n"),
  );
}

function validate(spec: Readonly<Record<string, unknown>>, name: string, project: string): void {
  try {
    validateStackSpec(spec, name, project);
  } catch (e) {
    if (e instanceof StackSpecError) {
      throw refusal(name, e);
    }
    throw e;
  }
}

export function newStack(
  name: string,
  opts: NewStackOptions,
  io: { err(t: string): void },
): number {
  const missing = (["cloud", "region", "jurisdiction"] as const).filter((k) => !opts[k]);
  if (missing.length > 0) {
    const flags = missing.map((k) => `--${k}`);
    throw new UsageError(
      `${flags.join(", ")}: received nothing; expected ${missing.length === 1 ? "it" : "each"} for a new stack, e.g. sovereign-dc new-stack ${name} --cloud alicloud --region cn-beijing --jurisdiction CN.`,
    );
  }
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
    throw new UsageError(
      `<name>: received ${JSON.stringify(name)}; expected letters, digits, hyphens, underscores or periods.`,
    );
  }
  const project = loadProject(opts.project);
  const file = path.join(project.stackConfigDir, `Pulumi.${name}${project.stackFileExt}`);
  if (fs.existsSync(file) && !opts.force) {
    throw new UsageError(
      `<name>: received ${JSON.stringify(name)}; expected a stack that has no config yet, but ${file} already exists; pass --force to overwrite it.`,
    );
  }
  const taken = stackNetworks(project, name);
  refuseSharedAccount(opts, taken);
  if (opts.cidr !== undefined) {
    refuseOverlap(opts.cidr, taken);
  }
  // A file --force overwrites keeps its network unless --cidr names another: a deployed stack's
  // VPC is replaced when its CIDR changes.
  const previous = fs.existsSync(file) ? overwritten(project, name) : undefined;
  const kept = opts.cidr === undefined ? previous?.cidr : undefined;
  const cidr = opts.cidr ?? kept ?? freeNetwork(taken);
  const given = opts.zones
    ?.split(",")
    .map((z) => z.trim())
    .filter((z) => z !== "");
  const zones = given ?? regionZones(opts.cloud, opts.region);
  const spec = (zoneList: readonly string[]): Record<string, unknown> => {
    const blocks = zoneBlocks(cidr, zoneList.length);
    return {
      cloud: opts.cloud,
      region: opts.region,
      jurisdiction: opts.jurisdiction,
      ...(opts.accountId !== undefined ? { accountId: opts.accountId } : {}),
      stateBackend: defaultBackendUrl(project.name, name, opts.cloud as Cloud, opts.region),
      network: { cidr, zones: zoneList.map((zone, i) => ({ zone, cidr: blocks[i] })) },
      buckets: (opts.bucket ?? []).map(parseBucket),
      egress: opts.cloud === "alicloud" ? alicloudServices(opts.region) : [],
      keys: {
        deletionWindowDays: keyBounds.deletionWindowDays.default,
        rotationDays: keyBounds.rotationDays.default,
      },
      posture: "strict",
    };
  };
  if (!Array.isArray(zones)) {
    // Whatever else is wrong is reported first: a region outside the jurisdiction has no zones
    // worth asking for. A zone of the region's own pattern stands in for the ones not given.
    const standIn = zoneName(opts.cloud as Cloud, opts.region, "a");
    validate(spec([standIn]), name, project.name);
    throw new UsageError(
      `--zones: received nothing; expected the zones the stack spreads over (e.g. --zones ${standIn}), because region ${opts.region} of ${opts.cloud} has no default: residency/zones.ts lists fewer than two zones for it (${zones.gap}).`,
    );
  }
  const values = spec(zones as readonly string[]);
  validate(values, name, project.name);
  fs.writeFileSync(file, render(name, opts, values));
  const dropped = (previous?.buckets ?? []).filter(
    (b) => !(values.buckets as Array<{ name: string }>).some((v) => v.name === b),
  );
  const origin =
    opts.cidr !== undefined
      ? ""
      : kept !== undefined
        ? " (kept from the file it overwrote)"
        : " (the first /16 of 10.0.0.0/8 no other stack uses)";
  io.err(
    `${previous ? "Overwrote" : "Wrote"} ${path.relative(process.cwd(), file) || file}: network ${cidr}${origin}, zones ${zones.join(", ")}.\n` +
      (dropped.length > 0 ? `${droppedNote(dropped)}\n` : "") +
      `Next: sovereign-dc plan --stack ${name}; create the state bucket ${String(values.stateBackend)} and pulumi login to it;\n` +
      `pulumi stack init ${name} --secrets-provider passphrase; sovereign-dc preflight --stack ${name};\n` +
      `then npx sovereign-dc policy-config --stack ${name} --out policy/config/${name}.json and\n` +
      `pulumi up --stack ${name} --policy-pack ${path.relative(process.cwd(), packFolder()) || "."} --policy-pack-config policy/config/${name}.json\n`,
  );
  return 0;
}

/** Comments above each key of the stack file: why it is there and what may go in it. */
function keyComments(opts: NewStackOptions, spec: Record<string, unknown>): Record<string, string> {
  const jurisdiction = findJurisdiction(opts.jurisdiction)!;
  const cidr = (spec.network as { cidr: string }).cidr;
  return {
    "pulumi:disable-default-providers":
      "Every resource must name the stack's explicit provider; the engine refuses defaults.",
    [`${opts.cloud}:region`]:
      "The provider's own region: a resource created outside the components lands here too.",
    [`${namespace}:cloud`]: "The cloud that hosts the stack: alicloud or aws.",
    [`${namespace}:region`]:
      "The one region every resource is created in; it lies inside the jurisdiction.",
    [`${namespace}:jurisdiction`]: `The border no data path may cross: ${jurisdiction.name} (residency/jurisdictions.ts).`,
    [`${namespace}:accountId`]:
      opts.cloud === "aws"
        ? "The 12-digit AWS account the stack is pinned to (allowedAccountIds, key policy, ARNs)."
        : "The Alibaba Cloud account (16-digit UID) the stack's provider is pinned to (accountId).",
    [`${namespace}:stateBackend`]:
      "Pulumi state is data too: `pulumi login` to this backend, inside the jurisdiction.",
    [`${namespace}:network`]:
      "Private network, no internet path: one subnet per zone, a /24 each of the stack's network.",
    [`${namespace}:buckets`]: [
      "Data buckets: private, versioned, encrypted with the stack's key, expired after retention.",
      "Add one per kind of data, e.g.",
      "  - name: telemetry",
      "    purpose: Vehicle telemetry and trip data",
      "    retentionDays: 365",
    ].join("\n"),
    [`${namespace}:egress`]: [
      "The only destinations workloads may reach; everything else is denied. Add each with its",
      ...(opts.cloud === "alicloud"
        ? ["reason (the VPC's DNS and the OSS and KMS intranet endpoints are listed), e.g."]
        : ["reason, e.g."]),
      `  - cidr: ${cidr}`,
      "    ports: [443]",
      "    protocol: tcp",
      "    reason: HTTPS between the stack's own workloads inside its network",
    ].join("\n"),
    [`${namespace}:keys`]:
      "The stack's KMS key: how long a deletion waits, how often the key rotates.",
    [`${namespace}:posture`]: [
      "How hardening that keeps data in place is judged (a data store without a customer-managed",
      "key, a link to another account inside the jurisdiction): strict fails the stack, standard",
      "reports it as advisory. A path out of the jurisdiction fails under both.",
    ].join("\n"),
  };
}

/** Comments at the end of the lines inside structured values, by key. */
const lineComments: Readonly<Record<string, string>> = {
  cidr: "the stack's network; no other stack of this project uses it",
  zones: "the zones the stack spreads over",
  name: "3-32 lowercase letters, digits or hyphens",
  purpose: "what it holds, for the residency report",
  retentionDays: "objects expire after this many days (1-3650)",
  deletionWindowDays: `days a scheduled deletion can still be cancelled (${keyBounds.deletionWindowDays.min}-${keyBounds.deletionWindowDays.max})`,
  rotationDays: `automatic rotation period in days (${keyBounds.rotationDays.min}-${keyBounds.rotationDays.max}; 365 on alicloud)`,
};

/** The stack file: every key commented, the buckets and egress sections ready to fill. */
function render(name: string, opts: NewStackOptions, spec: Record<string, unknown>): string {
  const config: Record<string, unknown> = {
    "pulumi:disable-default-providers": ["*"],
    [`${opts.cloud}:region`]: opts.region,
  };
  for (const [k, v] of Object.entries(spec)) {
    config[`${namespace}:${k}`] = v;
  }
  const YAML = yaml();
  const doc = new YAML.Document({ config });
  const top = doc.contents as YAMLMap<Scalar<string>, unknown>;
  (top.items[0].key as Scalar).commentBefore =
    ` ${name}: sealed ${opts.cloud} data center in ${opts.region}, jurisdiction ${opts.jurisdiction}. Written by\n sovereign-dc new-stack; check it offline with: sovereign-dc plan --stack ${name}`;
  const comments = keyComments(opts, spec);
  for (const pair of (doc.get("config") as YAMLMap<Scalar<string>, unknown>).items) {
    const key = String(pair.key.value);
    pair.key.commentBefore = comments[key]
      .split("\n")
      .map((l) => ` ${l}`)
      .join("\n");
    if (YAML.isSeq(pair.value) && key.startsWith("pulumi:")) {
      pair.value.flow = true;
    }
    if (key === `${namespace}:egress` && YAML.isSeq(pair.value)) {
      // Each entry says what it is in its reason; its ports read as the stack files write them.
      for (const entry of pair.value.items) {
        const ports = YAML.isMap(entry) ? entry.get("ports", true) : undefined;
        if (YAML.isSeq(ports)) {
          ports.flow = true;
        }
      }
      continue;
    }
    commentLines(pair as Pair<Scalar<string>, unknown>);
  }
  const zones = doc.getIn(["config", `${namespace}:network`, "zones"]) as YAMLSeq<YAMLMap>;
  zones.items.forEach((zone, i) => {
    const [zonePair, cidrPair] = zone.items as Pair<Scalar, Scalar>[];
    zonePair.value!.comment = ` zone ${i + 1} of ${zones.items.length}`;
    cidrPair.value!.comment = ` its private subnet`;
  });
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
}

/** Puts `lineComments` at the end of every line inside a structured value. */
function commentLines(pair: Pair<Scalar<string>, unknown>): void {
  const YAML = yaml();
  const visit = (node: unknown): void => {
    if (YAML.isMap(node)) {
      for (const inner of node.items as Pair<Scalar<string>, unknown>[]) {
        const text = lineComments[String(inner.key.value)];
        if (text !== undefined) {
          (YAML.isScalar(inner.value) ? inner.value : inner.key).comment = ` ${text}`;
        }
        visit(inner.value);
      }
    } else if (YAML.isSeq(node)) {
      node.items.forEach(visit);
    }
  };
  visit(pair.value);
}
