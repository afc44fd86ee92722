/**
 * fast-check generators of stack configs (residency/spec.ts) over the whole catalog: every cloud,
 * jurisdiction and region, with networks, buckets, egress allowlists (blocks and hosts), keys and state backends
 * drawn from what the spec accepts. Used by the sealed-by-construction property tests.
 */
import fc from "fast-check";
import * as ipaddr from "ipaddr.js";
import { hostEntryProblem } from "../../residency/hosts";
import { type Cloud, clouds, listJurisdictions } from "../../residency/jurisdictions";
import { namespace } from "../../residency/spec";
import { widestEgressPrefix } from "../../residency/spec-schema";
import { defaultBackendUrl } from "../../residency/state";
import { zoneName, zonesOf } from "../../residency/zones";

/** One region of the catalog: where a stack can be. */
export interface Place {
  readonly cloud: Cloud;
  readonly jurisdiction: string;
  readonly region: string;
}

/** Every cloud × jurisdiction × region of the catalog, in catalog order. */
export function catalogPlaces(): Place[] {
  return clouds.flatMap((cloud) =>
    listJurisdictions().flatMap((j) =>
      j.regions[cloud].map((region) => ({ cloud, jurisdiction: j.id, region })),
    ),
  );
}

/** A generated stack: its name and its config as a user writes it in Pulumi.<stack>.yaml. */
export interface GeneratedStack {
  readonly stack: string;
  /** The `sovereign-dc:*` values, keys without the namespace; absent keys are left out. */
  readonly spec: Readonly<Record<string, unknown>>;
  /** `alicloud:region` / `aws:region`, which the README asks for; undefined when left out. */
  readonly providerRegion?: string;
}

/** The flat config the Pulumi runtime holds: namespaced keys, structured values as JSON text. */
export function configOf(g: GeneratedStack): Record<string, string> {
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(g.spec)) {
    if (value !== undefined) {
      config[`${namespace}:${key}`] = typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  if (g.providerRegion !== undefined) {
    config[`${String(g.spec.cloud)}:region`] = g.providerRegion;
  }
  return config;
}

// ---------------------------------------------------------------------------------------------
// Addresses. ipaddr.js parses, validates, canonicalises and matches blocks; block arithmetic
// (the n-th /q inside a /p) works on the address as a 32-bit number.

function toNumber(address: ipaddr.IPv4): number {
  return address.toByteArray().reduce((n, byte) => n * 256 + byte, 0);
}

/** The address numbered `n`, modulo 2^32. */
export function addressAt(n: number): string {
  const a = ((n % 2 ** 32) + 2 ** 32) % 2 ** 32;
  return new ipaddr.IPv4([a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255]).toString();
}

/** The block of length `bits` that holds the address numbered `address`, host bits cleared. */
export function blockAt(address: number, bits: number): string {
  const cidr = `${addressAt(address)}/${bits}`;
  return `${ipaddr.IPv4.networkAddressFromCIDR(cidr).toString()}/${bits}`;
}

/** A block's first address, as a number, and its prefix length. */
export function blockParts(cidr: string): { readonly base: number; readonly bits: number } {
  const [address, bits] = ipaddr.IPv4.parseCIDR(cidr);
  return { base: toNumber(address), bits };
}

function blockBase(cidr: string): number {
  return blockParts(cidr).base;
}

function blockBits(cidr: string): number {
  return blockParts(cidr).bits;
}

/** The private address spaces (RFC 1918) a sealed network is drawn from. */
const addressSpaces = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"] as const;

/** Limits of what is generated; `specLimits` is everything the stack spec accepts. */
export interface Scope {
  /** Prefix lengths of the network block. */
  readonly networkBits: { readonly min: number; readonly max: number };
  /** Prefix lengths of zone blocks. */
  readonly zoneBits: { readonly min: number; readonly max: number };
  /** Address spaces the network block is drawn from. */
  readonly spaces: readonly string[];
  readonly maxZones: number;
  readonly maxBuckets: number;
  readonly maxEgress: number;
  readonly maxPorts: number;
  /** Longest egress reason generated. */
  readonly maxReasonLength: number;
  /** Whether a reason may start with http:// or https://. */
  readonly urlReasons: boolean;
  /** Whether two egress entries may allow the same port to the same block and protocol. */
  readonly repeatedFlows: boolean;
  /** Bucket names to leave out of a stack (names it reserves, names its cloud reserves). */
  readonly bucketNameAllowed: (name: string, cloud: Cloud, stack: string) => boolean;
}

/** A scope per cloud: the clouds' components accept different blocks. */
export type ScopeOf = (cloud: Cloud) => Scope;

/**
 * Everything the spec accepts, written from the clouds' own limits rather than read from
 * residency/buildable.ts, so that a limit that drifts there shows as a generated config the spec
 * refuses: an AWS VPC and its subnets take /16 to /28, an Alibaba Cloud VPC /8 to /28 and its
 * vSwitches /16 to /29; the stacks keep their log buckets' names; S3 reserves name prefixes; an
 * OSS name (the project, the stack and the bucket's) holds 63 characters. Four egress entries of
 * four ports each keep within the AWS network ACL's 20 rules (2 + 16).
 */
export const specLimits: ScopeOf = (cloud) => ({
  networkBits: cloud === "aws" ? { min: 16, max: 28 } : { min: 8, max: 28 },
  zoneBits: cloud === "aws" ? { min: 16, max: 28 } : { min: 16, max: 29 },
  spaces: addressSpaces,
  maxZones: 4,
  maxBuckets: 4,
  maxEgress: 4,
  maxPorts: 4,
  maxReasonLength: 300,
  urlReasons: true,
  repeatedFlows: true,
  bucketNameAllowed: (name, c, stack) =>
    c === "aws"
      ? !["access-logs", "flow-logs"].includes(name) &&
        !["xn--", "sthree-", "amzn-s3-demo-"].some((p) => name.startsWith(p))
      : name !== "access-logs" && `${namespace}-${stack}-${name}`.length <= 63,
});

/**
 * A network block and non-overlapping zone blocks inside it. Zones are placed largest first,
 * each aligned to its size after a random gap that leaves room for the rest, then shuffled.
 */
function networkArb(scope: Scope, zoneNames: readonly string[]) {
  return fc
    .record({
      space: fc.constantFrom(...scope.spaces),
      address: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      bits: fc.integer(scope.networkBits),
      zones: fc.uniqueArray(fc.constantFrom(...zoneNames), {
        minLength: 1,
        maxLength: Math.min(scope.maxZones, zoneNames.length),
      }),
      zoneBits: fc.array(fc.integer(scope.zoneBits), {
        minLength: scope.maxZones,
        maxLength: scope.maxZones,
      }),
      gaps: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: scope.maxZones,
        maxLength: scope.maxZones,
      }),
      order: fc.array(fc.nat(), { minLength: scope.maxZones, maxLength: scope.maxZones }),
    })
    .map((g) => {
      // The network lies inside its address space: its prefix is at least the space's.
      const spaceBits = blockBits(g.space);
      const bits = Math.max(g.bits, spaceBits);
      const spaceBase = blockBase(g.space);
      const spaceSize = 2 ** (32 - spaceBits);
      const cidr = blockAt(spaceBase + (g.address % spaceSize), bits);
      const base = blockBase(cidr);
      const size = 2 ** (32 - bits);
      // k zones fit once each is at most 1/2^ceil(log2 k) of the network: a network only a
      // little larger than the smallest zone block holds fewer zones.
      const zones = g.zones.slice(0, 2 ** Math.max(0, scope.zoneBits.max - bits));
      const minZoneBits = bits + Math.ceil(Math.log2(zones.length));
      const sizes = zones.map((_, i) => 2 ** (32 - Math.max(g.zoneBits[i], minZoneBits)));
      const bySize = sizes.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0]);
      let cursor = 0;
      let rest = sizes.reduce((a, b) => a + b, 0);
      const blocks: string[] = [];
      for (const [blockSize, i] of bySize) {
        const slack = size - cursor - rest;
        cursor += Math.floor((g.gaps[i] * slack) / blockSize) * blockSize;
        blocks[i] = blockAt(base + cursor, 32 - Math.log2(blockSize));
        cursor += blockSize;
        rest -= blockSize;
      }
      const order = zones.map((_, i) => i).sort((a, b) => g.order[a] - g.order[b] || a - b);
      return {
        cidr,
        zones: order.map((i) => ({ zone: zones[i], cidr: blocks[i] })),
      };
    });
}

/** The zone IDs of a region: the catalog's where it lists them, otherwise ones the spec accepts. */
export function zoneNamesOf(place: Place): string[] {
  const listed = zonesOf(place.cloud, place.region);
  if (listed !== undefined) {
    return listed.map((z) => z.name);
  }
  return [..."abcdef"].map((letter) => zoneName(place.cloud, place.region, letter));
}

const commonPorts = [22, 53, 80, 123, 443, 500, 636, 1433, 3306, 4500, 5432, 6379, 8080, 8443];
const portArb = fc.oneof(fc.constantFrom(...commonPorts), fc.integer({ min: 1, max: 65535 }));

const sentences = [
  "VPC DNS resolvers",
  "Office VPN gateway",
  "Partner exchange over TLS",
  "In-country NTP servers",
  "Payment processor (in-country)",
  "Interface VPC endpoints for KMS and STS",
];

/**
 * A non-empty justification: a plain sentence, any text with a non-blank character, or one of
 * the longest allowed (length in UTF-16 units, as JavaScript and the clouds' APIs count it).
 */
function reasonArb(scope: Scope) {
  const any = fc
    .string({ minLength: 1, maxLength: scope.maxReasonLength, unit: "grapheme" })
    .filter((s) => s.trim().length > 0 && s.length <= scope.maxReasonLength);
  const longest = `${"Partner exchange over TLS; ".repeat(20).slice(0, scope.maxReasonLength - 1)}.`;
  const reasons = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...sentences) },
    { weight: 1, arbitrary: any },
    { weight: 1, arbitrary: fc.constant(longest) },
    ...(scope.urlReasons
      ? [{ weight: 1, arbitrary: fc.constantFrom("https://wiki.example.cn/egress/dns") }]
      : []),
  );
  return scope.urlReasons ? reasons : reasons.filter((r) => !/^https?:\/\//i.test(r));
}

/**
 * A destination block: anywhere (public or private), inside the network, or a single host; no
 * wider than the spec's widest egress block.
 */
function egressCidrArb(network: string) {
  return fc.oneof(
    fc
      .record({
        address: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        bits: fc.integer({ min: widestEgressPrefix, max: 32 }),
      })
      .map((g) => blockAt(g.address, g.bits)),
    fc
      .record({ offset: fc.nat(), bits: fc.integer({ min: 0, max: 32 }) })
      .map((g) => {
        const bits = Math.max(g.bits, blockBits(network));
        const size = 2 ** (32 - blockBits(network));
        return blockAt(blockBase(network) + (g.offset % size), bits);
      })
      .filter((cidr) => Number(cidr.split("/")[1]) >= widestEgressPrefix),
  );
}

/**
 * Hosts the stack places by name (`egressHosts`): names and `*.` wildcards under a registrable
 * domain, as residency/hosts.ts accepts them. They open no network rule, so the plan must stay
 * sealed whatever they are.
 */
function egressHostsArb(scope: Scope) {
  const host = fc
    .record({
      wildcard: fc.boolean(),
      labels: fc.array(hostLabelArb, { maxLength: 3 }),
      domain: fc.constantFrom("dingtalk.com", "feishu.cn", "example.cn", "corp.internal"),
    })
    .map((g) => `${g.wildcard ? "*." : ""}${[...g.labels, g.domain].join(".")}`)
    .filter((h) => hostEntryProblem(h) === undefined);
  return fc.array(fc.record({ host, reason: reasonArb(scope) }), { maxLength: 3 });
}

function egressArb(scope: Scope, network: string) {
  const entry = fc.record({
    cidr: egressCidrArb(network),
    ports: fc.array(portArb, { minLength: 1, maxLength: scope.maxPorts }),
    protocol: fc.constantFrom("tcp" as const, "udp" as const),
    reason: reasonArb(scope),
    // Whether the entry allows again a flow an earlier one allows (another reason for it).
    repeats: fc.option(fc.nat(), { nil: undefined, freq: 3 }),
  });
  return fc.array(entry, { maxLength: scope.maxEgress }).map((list) =>
    list.map(({ repeats, ...e }, i) => {
      if (!scope.repeatedFlows || repeats === undefined || i === 0) {
        return e;
      }
      const earlier = list[repeats % i];
      const ports = [earlier.ports[0], ...e.ports.filter((p) => p !== earlier.ports[0])];
      return {
        ...e,
        cidr: earlier.cidr,
        protocol: earlier.protocol,
        ports: ports.slice(0, scope.maxPorts),
      };
    }),
  );
}

const alphanumeric = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789");

/**
 * A DNS label of at most `maxLength` characters: `^[a-z0-9]([a-z0-9-]*[a-z0-9])?$`. Built from
 * its parts: fc.stringMatching builds its string arbitraries anew for each arbitrary made, which
 * cost the sealed-stack property seven CPU-seconds when each run made its own.
 */
export function dnsLabelArb(maxLength: number) {
  return fc.oneof(
    alphanumeric,
    fc
      .tuple(
        alphanumeric,
        fc.string({ unit: fc.oneof(alphanumeric, fc.constant("-")), maxLength: maxLength - 2 }),
        alphanumeric,
      )
      .map((p) => p.join("")),
  );
}

/** The labels of the hosts `egressHostsArb` places, made once for every run. */
const hostLabelArb = dnsLabelArb(12);

/** `^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$` (fc.stringMatching costs seconds over 200 runs). */
const anyBucketName = fc
  .tuple(
    alphanumeric,
    fc.string({ unit: fc.oneof(alphanumeric, fc.constant("-")), minLength: 1, maxLength: 30 }),
    alphanumeric,
  )
  .map((p) => p.join(""));

/** An account ID of `digits` digits: 12 for AWS, 16 for an Alibaba Cloud account's UID. */
const digitsArb = (digits: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: digits, maxLength: digits })
    .map((d) => d.join(""));

/** A 12-digit AWS account ID. */
export const accountIdArb = digitsArb(12);

/** A 16-digit Alibaba Cloud account ID (UID). */
const alicloudAccountIdArb = digitsArb(16);

function bucketsArb(scope: Scope, cloud: Cloud, stack: string) {
  const name = fc
    .oneof(
      fc.constantFrom("telemetry", "records", "media", "audit-2", "customer-records", "backups"),
      anyBucketName,
    )
    .filter((n) => scope.bucketNameAllowed(n, cloud, stack));
  return fc.uniqueArray(
    fc.record({
      name,
      purpose: fc.oneof(
        fc.constantFrom("Vehicle telemetry (PIPL personal information)", "Contracts"),
        fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim().length > 0),
      ),
      retentionDays: fc.integer({ min: 1, max: 3650 }),
    }),
    { maxLength: scope.maxBuckets, selector: (b) => b.name },
  );
}

function keysArb(cloud: Cloud) {
  const rotation = cloud === "alicloud" ? fc.constant(365) : fc.integer({ min: 90, max: 365 });
  return fc.record(
    { deletionWindowDays: fc.integer({ min: 7, max: 30 }), rotationDays: rotation },
    { requiredKeys: [] },
  );
}

/** State backends inside the jurisdiction: S3 in one of its AWS regions, OSS in an Alibaba one. */
function stateBackendArb(place: Place, stack: string) {
  const j = listJurisdictions().find((x) => x.id === place.jurisdiction)!;
  const options = [
    fc.constant(defaultBackendUrl(namespace, stack, place.cloud, place.region)),
    ...(j.regions.aws.length > 0
      ? [fc.constantFrom(...j.regions.aws).map((r) => `s3://state-${stack}?region=${r}`)]
      : []),
    ...(j.regions.alicloud.length > 0
      ? [
          fc
            .constantFrom(...j.regions.alicloud)
            .map((r) => `s3://state-${stack}?endpoint=oss-${r}.aliyuncs.com&region=${r}`),
        ]
      : []),
  ];
  return fc.oneof(...options);
}

/** Stack names as teams pick them: a short name, or the region's ID (Pulumi.cn-shanghai.yaml). */
function stackNameArb(place: Place) {
  return fc.constantFrom("dc", place.region, `${place.jurisdiction.toLowerCase()}-prod`);
}

/** Optional keys: left out, or present with a generated value. */
function optional<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq: 4 });
}

/** Cluster versions each cloud's API takes (residency/spec.ts `kubernetesVersions`). */
const clusterVersions: Readonly<Record<Cloud, readonly string[]>> = {
  aws: ["1.31", "1.32", "1.33"],
  alicloud: ["1.31.1-aliyun.1", "1.32.1-aliyun.1", "1.33.1-aliyun.1"],
};
const instanceTypes: Readonly<Record<Cloud, readonly string[]>> = {
  aws: ["m6i.xlarge", "t3.large", "c7g.2xlarge"],
  alicloud: ["ecs.g7.xlarge", "ecs.c7.large", "ecs.r7.2xlarge"],
};

/**
 * A managed cluster (`sovereign-dc:kubernetes`): one or two node pools of sizes the spec takes
 * (0 ≤ min ≤ desired ≤ max, max ≥ 1), and up to two namespaces of the stack's own.
 */
function kubernetesArb(cloud: Cloud) {
  const size = fc
    .record({ min: fc.nat({ max: 3 }), extra: fc.nat({ max: 5 }), at: fc.nat() })
    .map(({ min, extra, at }) => {
      const max = Math.max(1, min + extra);
      return { min, max, desired: min + (at % (max - min + 1)) };
    });
  return fc.record({
    version: fc.constantFrom(...clusterVersions[cloud]),
    nodePools: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom("general", "batch", "memory-heavy"),
        instanceType: fc.constantFrom(...instanceTypes[cloud]),
        size,
      }),
      { minLength: 1, maxLength: 2, selector: (pool) => pool.name },
    ),
    namespaces: fc.uniqueArray(fc.constantFrom("telemetry-ingest", "customer-services", "batch"), {
      maxLength: 2,
    }),
  });
}

/** A stack config the spec accepts, in `place`. */
export function stackArb(
  place: Place,
  scopeOf: ScopeOf = specLimits,
): fc.Arbitrary<GeneratedStack> {
  const scope = scopeOf(place.cloud);
  const zoneNames = zoneNamesOf(place);
  return stackNameArb(place).chain((stack) =>
    networkArb(scope, zoneNames).chain((network) =>
      fc
        .record({
          accountId: place.cloud === "aws" ? accountIdArb : optional(alicloudAccountIdArb),
          stateBackend: optional(stateBackendArb(place, stack)),
          buckets: optional(bucketsArb(scope, place.cloud, stack)),
          egress: optional(egressArb(scope, network.cidr)),
          egressHosts: optional(egressHostsArb(scope)),
          keys: optional(keysArb(place.cloud)),
          // A cluster in one stack of four; EKS takes subnets of two zones at least.
          kubernetes:
            place.cloud === "aws" && network.zones.length < 2
              ? fc.constant(undefined)
              : fc.oneof(
                  { weight: 3, arbitrary: fc.constant(undefined) },
                  { weight: 1, arbitrary: kubernetesArb(place.cloud) },
                ),
          providerRegion: fc.option(fc.constant(place.region), { nil: undefined, freq: 8 }),
        })
        .map((g) => ({
          stack,
          spec: Object.fromEntries(
            Object.entries({
              cloud: place.cloud,
              region: place.region,
              jurisdiction: place.jurisdiction,
              accountId: g.accountId,
              stateBackend: g.stateBackend,
              network,
              buckets: g.buckets,
              egress: g.egress,
              egressHosts: g.egressHosts,
              keys: g.keys,
              kubernetes: g.kubernetes,
              // The strictest posture the spec accepts: hardening findings fail the stack too,
              // so a sealed verdict proves the components meet it (standard only relaxes it).
              posture: "strict",
            }).filter(([, v]) => v !== undefined),
          ),
          providerRegion: g.providerRegion,
        })),
    ),
  );
}

/** A stack config the spec accepts, anywhere in the catalog. */
export function anyStackArb(scopeOf: ScopeOf = specLimits): fc.Arbitrary<GeneratedStack> {
  return fc.constantFrom(...catalogPlaces()).chain((place) => stackArb(place, scopeOf));
}
