/**
 * fast-check generators of stack configs the program must refuse: a config the spec accepts
 * (test/helpers/stack-specs.ts) with one value made wrong — a region outside the jurisdiction,
 * an egress entry without a reason or to 0.0.0.0/0, overlapping zone blocks, a zone block outside
 * the network, a key setting out of range, … Each case names the config key the refusal must
 * name and the value it must quote.
 */
import fc from "fast-check";
import * as ipaddr from "ipaddr.js";
import {
  addressAt,
  blockAt as block,
  blockParts as parts,
  catalogPlaces,
  type GeneratedStack,
  type Place,
  zoneNamesOf,
} from "./stack-specs";
import { getJurisdiction } from "../../residency/jurisdictions";

/** The four bytes of the base of the block of `bits` that holds the address `a` (host bits zero). */
function blockBaseOf(a: number, bits: number): number[] {
  const base = bits === 0 ? 0 : ((a >>> (32 - bits)) << (32 - bits)) >>> 0;
  return [base >>> 24, (base >>> 16) & 255, (base >>> 8) & 255, base & 255];
}

/** A config the program must refuse, and what the refusal must say. */
export interface RefusedStack {
  /** What was made wrong, in words. */
  readonly mutation: string;
  readonly generated: GeneratedStack;
  /** The key the refusal must name, e.g. `sovereign-dc:egress[1].reason`. */
  readonly key: string;
  /** The value it must quote; undefined for a missing key. */
  readonly received: unknown;
}

/** A spec being mutated: plain JSON values, copied from the generated one. */
type Spec = Record<string, unknown> & {
  network: { cidr: string; zones: { zone: string; cidr: string }[] };
  buckets?: Record<string, unknown>[];
  egress?: Record<string, unknown>[];
  keys?: Record<string, unknown>;
  kubernetes?: Record<string, unknown>;
};

interface Mutation {
  readonly name: string;
  /** Whether it applies to stacks of this cloud. */
  readonly applies?: (place: Place) => boolean;
  /**
   * The changes it makes to `spec` (the generated one, copied), with the key and the value each
   * refusal must name. It may add entries to `spec` once (an egress entry to make wrong); each
   * change works on a copy of its own, as fast-check reuses the arbitrary while shrinking.
   */
  readonly apply: (spec: Spec, place: Place) => fc.Arbitrary<Change>;
}

interface Change {
  readonly spec: Record<string, unknown>;
  readonly key: string;
  readonly received: unknown;
  /** The provider's region key, when the mutation moves it along with the stack's. */
  readonly providerRegion?: string;
}

const ns = "sovereign-dc";

/** True when `inner` lies wholly inside `outer`. */
function inside(outer: string, inner: string): boolean {
  const [o, ob] = ipaddr.IPv4.parseCIDR(outer);
  const [i, ib] = ipaddr.IPv4.parseCIDR(inner);
  return ib >= ob && i.match(o, ob);
}

/** A copy of the prepared spec for one generated value to change. */
const copy = (spec: Spec): Spec => structuredClone(spec);

/** An index into a list of `length` (which is at least 1). */
const indexIn = (length: number) => fc.nat({ max: length - 1 });

/** The spec's egress list with at least one entry. */
function withEgress(spec: Spec): Record<string, unknown>[] {
  if (spec.egress === undefined || spec.egress.length === 0) {
    spec.egress = [{ cidr: "192.0.2.0/24", ports: [443], protocol: "tcp", reason: "Partner API" }];
  }
  return spec.egress;
}

/** The spec's buckets with at least `n` entries. */
function withBuckets(spec: Spec, n: number): Record<string, unknown>[] {
  spec.buckets = spec.buckets ?? [];
  const extra = ["records", "media", "audit", "backups"].filter(
    (name) => !spec.buckets!.some((b) => b.name === name),
  );
  while (spec.buckets.length < n) {
    spec.buckets.push({ name: extra.shift()!, purpose: "Contracts", retentionDays: 365 });
  }
  return spec.buckets;
}

/**
 * A copy of the spec with a cluster: its own, or one of one pool. (An AWS network of one zone
 * is refused for the cluster too, beside the value a mutation makes wrong.)
 */
function withCluster(spec: Spec): Spec {
  const s = copy(spec);
  s.kubernetes ??= {
    version: s.cloud === "aws" ? "1.33" : "1.33.1-aliyun.1",
    nodePools: [
      {
        name: "general",
        instanceType: s.cloud === "aws" ? "m6i.xlarge" : "ecs.g7.xlarge",
        size: { min: 1, max: 2, desired: 1 },
      },
    ],
  };
  return s;
}

/** A zone ID of the place not yet used by the spec (the spec accepts any letter). */
function unusedZone(spec: Spec, place: Place): string {
  const used = new Set(spec.network.zones.map((z) => z.zone));
  const sep = place.cloud === "alicloud" ? "-" : "";
  const candidates = [
    ...zoneNamesOf(place),
    ...[..."abcdefghijklmnopqrstuvwxyz"].map((l) => `${place.region}${sep}${l}`),
  ];
  return candidates.find((z) => !used.has(z))!;
}

/** Whether the spec would accept `zone` as a zone ID of the place. */
function zoneOfPlace(zone: string, place: Place): boolean {
  const prefix = place.cloud === "alicloud" ? `${place.region}-` : place.region;
  return zone.startsWith(prefix) && /^[a-z]$/.test(zone.slice(prefix.length));
}

const otherRegionsThan = (place: Place) => {
  const inside = getJurisdiction(place.jurisdiction).regions[place.cloud];
  const elsewhere = catalogPlaces()
    .filter((p) => p.cloud === place.cloud)
    .map((p) => p.region);
  const known = ["cn-hongkong", "ap-east-1", "ap-southeast-1", "eu-west-2", "me-central-1"];
  return [...new Set([...elsewhere, ...known, "", "mars-north-1"])].filter(
    (r) => !inside.includes(r),
  );
};

const mutations: readonly Mutation[] = [
  {
    name: "a region outside the jurisdiction",
    apply: (spec, place) =>
      fc.constantFrom(...otherRegionsThan(place)).map((region) => ({
        spec: { ...spec, region },
        key: `${ns}:region`,
        received: region,
        providerRegion: region,
      })),
  },
  {
    name: "an egress entry without a reason",
    apply: (spec) => {
      const egress = withEgress(spec);
      return fc
        .tuple(indexIn(egress.length), fc.constantFrom(undefined, "", "   ", "\t\n"))
        .map(([i, reason]) => {
          const s = copy(spec);
          const entry: Record<string, unknown> = { ...egress[i], reason };
          if (reason === undefined) {
            delete entry.reason;
          }
          s.egress![i] = entry;
          return { spec: s, key: `${ns}:egress[${i}].reason`, received: reason };
        });
    },
  },
  {
    name: "an egress entry to 0.0.0.0/0, or to a block wider than /8",
    apply: (spec) => {
      const egress = withEgress(spec);
      const wide = fc
        .integer({ min: 0, max: 7 })
        .chain((bits) =>
          fc
            .integer({ min: 0, max: 2 ** 32 - 1 })
            .map((a) => `${blockBaseOf(a, bits).join(".")}/${bits}`),
        );
      return fc.tuple(indexIn(egress.length), wide).map(([i, cidr]) => {
        const s = copy(spec);
        s.egress![i] = { ...egress[i], cidr };
        return { spec: s, key: `${ns}:egress[${i}].cidr`, received: cidr };
      });
    },
  },
  {
    name: "an egress entry to something that is not an IPv4 block",
    apply: (spec) => {
      const egress = withEgress(spec);
      const cidr = fc.constantFrom("10.0.0.0/33", "10.0.0.0", "2001:db8::/32", "any", "");
      return fc.tuple(indexIn(egress.length), cidr).map(([i, value]) => {
        const s = copy(spec);
        s.egress![i] = { ...egress[i], cidr: value };
        return { spec: s, key: `${ns}:egress[${i}].cidr`, received: value };
      });
    },
  },
  {
    name: "an egress port out of range",
    apply: (spec) => {
      const egress = withEgress(spec);
      const bad = fc.oneof(
        fc.constantFrom(0, -1, 65536, 1.5, "443"),
        fc.integer({ min: 65536, max: 1_000_000 }),
      );
      return fc.tuple(indexIn(egress.length), fc.nat(), bad).map(([i, at, port]) => {
        const s = copy(spec);
        const ports = [...(egress[i].ports as unknown[])];
        const j = at % (ports.length + 1);
        ports[j] = port;
        s.egress![i] = { ...egress[i], ports };
        return { spec: s, key: `${ns}:egress[${i}].ports[${j}]`, received: port };
      });
    },
  },
  {
    name: "an egress entry with no ports",
    apply: (spec) => {
      const egress = withEgress(spec);
      return indexIn(egress.length).map((i) => {
        const s = copy(spec);
        s.egress![i] = { ...egress[i], ports: [] };
        return { spec: s, key: `${ns}:egress[${i}].ports`, received: [] };
      });
    },
  },
  {
    name: "an egress protocol other than tcp or udp",
    apply: (spec) => {
      const egress = withEgress(spec);
      const protocol = fc.constantFrom("icmp", "all", "TCP", "-1", "", "any");
      return fc.tuple(indexIn(egress.length), protocol).map(([i, value]) => {
        const s = copy(spec);
        s.egress![i] = { ...egress[i], protocol: value };
        return { spec: s, key: `${ns}:egress[${i}].protocol`, received: value };
      });
    },
  },
  {
    name: "a host entry that is a URL, an address, a public suffix or a cloud endpoint",
    apply: (spec) => {
      const host = fc.constantFrom(
        "https://oapi.dingtalk.com/robot",
        "oapi.dingtalk.com:443",
        "203.0.113.10",
        "*.com.cn",
        "*.github.io",
        "oss-us-west-1.aliyuncs.com",
        "dingtalk",
      );
      return host.map((value) => {
        const s = copy(spec);
        const hosts = [...((s.egressHosts as Record<string, unknown>[] | undefined) ?? [])];
        hosts.push({ host: value, reason: "Alerts of the on-call group" });
        s.egressHosts = hosts;
        return {
          spec: s,
          key: `${ns}:egressHosts[${hosts.length - 1}].host`,
          received: value,
        };
      });
    },
  },
  {
    name: "zone blocks that overlap",
    apply: (spec, place) => {
      const zones = spec.network.zones;
      if (zones.length < 2) {
        zones.push({ zone: unusedZone(spec, place), cidr: zones[0].cidr });
      }
      const network = parts(spec.network.cidr);
      return fc
        .record({
          pair: fc.tuple(indexIn(zones.length), indexIn(zones.length)).filter(([a, b]) => a !== b),
          how: fc.constantFrom("same", "inside", "around"),
          offset: fc.nat(),
          bits: fc.nat({ max: 32 }),
        })
        .map(({ pair, how, offset, bits }) => {
          const [i, j] = [Math.min(...pair), Math.max(...pair)];
          const other = parts(zones[i].cidr);
          let cidr = zones[i].cidr;
          if (how === "inside" && other.bits < 32) {
            const b = other.bits + 1 + (bits % (32 - other.bits));
            cidr = block(other.base + (offset % 2 ** (32 - other.bits)), b);
          } else if (how === "around" && other.bits > network.bits) {
            cidr = block(other.base, network.bits + (bits % (other.bits - network.bits)));
          }
          const s = copy(spec);
          s.network.zones[j] = { ...zones[j], cidr };
          return { spec: s, key: `${ns}:network.zones[${j}].cidr`, received: cidr };
        });
    },
  },
  {
    name: "a zone block outside the network",
    apply: (spec) => {
      const zones = spec.network.zones;
      const network = parts(spec.network.cidr);
      const size = 2 ** (32 - network.bits);
      return fc
        .tuple(indexIn(zones.length), fc.nat(), fc.integer({ min: 8, max: 32 }))
        .map(([i, offset, bits]) => {
          // Any address past the network's end, wrapping around the address space.
          const address = network.base + size + (offset % (2 ** 32 - size));
          return [i, block(address, bits)] as const;
        })
        .filter(([, cidr]) => !inside(spec.network.cidr, cidr))
        .map(([i, cidr]) => {
          const s = copy(spec);
          s.network.zones[i] = { ...zones[i], cidr };
          return { spec: s, key: `${ns}:network.zones[${i}].cidr`, received: cidr };
        });
    },
  },
  {
    name: "a block with host bits set",
    apply: (spec) => {
      const zones = spec.network.zones;
      return fc.tuple(fc.integer({ min: -1, max: zones.length - 1 }), fc.nat()).map(([i, n]) => {
        const s = copy(spec);
        const target = i < 0 ? s.network : s.network.zones[i];
        const { base, bits } = parts(target.cidr);
        const host = 1 + (n % (2 ** (32 - bits) - 1));
        const cidr = `${addressAt(base + host)}/${bits}`;
        target.cidr = cidr;
        const key = i < 0 ? `${ns}:network.cidr` : `${ns}:network.zones[${i}].cidr`;
        return { spec: s, key, received: cidr };
      });
    },
  },
  {
    name: "a zone of another region",
    apply: (spec, place) => {
      const zones = spec.network.zones;
      const sep = place.cloud === "alicloud" ? "-" : "";
      const foreign = [
        ...otherRegionsThan(place)
          .filter((r) => r !== "")
          .map((r) => `${r}${sep}a`),
        place.cloud === "alicloud" ? `${place.region}a` : `${place.region}-a`,
        `${place.region}${sep}1`,
        place.region,
      ].filter((z) => !zoneOfPlace(z, place));
      return fc.tuple(indexIn(zones.length), fc.constantFrom(...foreign)).map(([i, zone]) => {
        const s = copy(spec);
        s.network.zones[i] = { ...zones[i], zone };
        return { spec: s, key: `${ns}:network.zones[${i}].zone`, received: zone };
      });
    },
  },
  {
    name: "a zone listed twice",
    apply: (spec, place) => {
      const zones = spec.network.zones;
      if (zones.length < 2) {
        zones.push({ zone: unusedZone(spec, place), cidr: zones[0].cidr });
      }
      return fc
        .tuple(indexIn(zones.length), indexIn(zones.length))
        .filter(([a, b]) => a !== b)
        .map((pair) => {
          const [i, j] = [Math.min(...pair), Math.max(...pair)];
          const s = copy(spec);
          s.network.zones[j] = { ...zones[j], zone: zones[i].zone };
          return { spec: s, key: `${ns}:network.zones[${j}].zone`, received: zones[i].zone };
        });
    },
  },
  {
    name: "a network without zones",
    apply: (spec) => {
      const s = copy(spec);
      s.network.zones = [];
      return fc.constant({ spec: s, key: `${ns}:network.zones`, received: [] });
    },
  },
  {
    name: "no network, or one that is not an object",
    apply: (spec) =>
      fc.constantFrom(undefined, "10.0.0.0/16", [] as unknown[]).map((network) => {
        const rest: Record<string, unknown> = copy(spec);
        if (network === undefined) {
          delete rest.network;
        } else {
          rest.network = network;
        }
        return { spec: rest, key: `${ns}:network`, received: network };
      }),
  },
  {
    name: "a key deletion window out of range",
    apply: (spec) =>
      fc
        .oneof(
          fc.constantFrom(0, 1, 6, 31, 366, -7, 7.5, "30"),
          fc.integer({ min: 31, max: 10_000 }),
          fc.integer({ min: -1000, max: 6 }),
        )
        .map((days) => ({
          spec: { ...spec, keys: { ...spec.keys, deletionWindowDays: days } },
          key: `${ns}:keys.deletionWindowDays`,
          received: days,
        })),
  },
  {
    name: "a key rotation period the cloud cannot keep",
    apply: (spec, place) =>
      (place.cloud === "alicloud"
        ? fc.oneof(fc.integer({ min: 90, max: 364 }), fc.constantFrom(7, 366, 2560))
        : fc.oneof(fc.integer({ min: 1, max: 89 }), fc.integer({ min: 366, max: 2560 }))
      ).map((days) => ({
        spec: { ...spec, keys: { ...spec.keys, rotationDays: days } },
        key: `${ns}:keys.rotationDays`,
        received: days,
      })),
  },
  {
    name: "a bucket name the spec does not allow",
    apply: (spec) => {
      const buckets = withBuckets(spec, 1);
      const name = fc.constantFrom(
        "Records",
        "my_bucket",
        "ab",
        "a".repeat(33),
        "-records",
        "records-",
        "rec.ords",
        "",
      );
      return fc.tuple(indexIn(buckets.length), name).map(([i, value]) => {
        const s = copy(spec);
        s.buckets![i] = { ...buckets[i], name: value };
        return { spec: s, key: `${ns}:buckets[${i}].name`, received: value };
      });
    },
  },
  {
    name: "two buckets with one name",
    apply: (spec) => {
      const buckets = withBuckets(spec, 2);
      return fc
        .tuple(indexIn(buckets.length), indexIn(buckets.length))
        .filter(([a, b]) => a !== b)
        .map((pair) => {
          const [i, j] = [Math.min(...pair), Math.max(...pair)];
          const s = copy(spec);
          s.buckets![j] = { ...buckets[j], name: buckets[i].name };
          return { spec: s, key: `${ns}:buckets[${j}].name`, received: buckets[i].name };
        });
    },
  },
  {
    name: "a bucket named like the stack's log buckets",
    apply: (spec, place) => {
      const buckets = withBuckets(spec, 1);
      const reserved = place.cloud === "aws" ? ["access-logs", "flow-logs"] : ["access-logs"];
      return fc
        .tuple(indexIn(buckets.length), fc.constantFrom(...reserved))
        .filter(([i, name]) => buckets.every((b, k) => k === i || b.name !== name))
        .map(([i, name]) => {
          const s = copy(spec);
          s.buckets![i] = { ...buckets[i], name };
          return { spec: s, key: `${ns}:buckets[${i}].name`, received: name };
        });
    },
  },
  {
    name: "an AWS bucket name with a prefix S3 reserves",
    applies: (place) => place.cloud === "aws",
    apply: (spec) => {
      const buckets = withBuckets(spec, 1);
      return fc
        .tuple(
          indexIn(buckets.length),
          fc.constantFrom("xn--", "sthree-", "amzn-s3-demo-"),
          fc.constantFrom("records", "a1", "data-lake"),
        )
        .map(([i, prefix, rest]) => [i, `${prefix}${rest}`] as const)
        .filter(([i, name]) => buckets.every((b, k) => k === i || b.name !== name))
        .map(([i, name]) => {
          const s = copy(spec);
          s.buckets![i] = { ...buckets[i], name };
          return { spec: s, key: `${ns}:buckets[${i}].name`, received: name };
        });
    },
  },
  {
    name: "a network block of a size the cloud does not take",
    apply: (spec, place) => {
      // AWS takes /16 to /28, Alibaba Cloud /8 to /28; private space holds nothing above /8.
      const sizes = place.cloud === "aws" ? [8, 12, 15, 29, 30, 32] : [29, 30, 31, 32];
      return fc.constantFrom(...sizes).map((bits) => {
        const s = copy(spec);
        const cidr = block(parts(spec.network.cidr).base, bits);
        s.network.cidr = cidr;
        return { spec: s, key: `${ns}:network.cidr`, received: cidr };
      });
    },
  },
  {
    name: "a zone block of a size the cloud does not take",
    apply: (spec, place) => {
      // AWS subnets take /16 to /28, Alibaba Cloud vSwitches /16 to /29.
      const sizes = place.cloud === "aws" ? [12, 15, 29, 32] : [12, 15, 30, 32];
      const zones = spec.network.zones;
      return fc.tuple(indexIn(zones.length), fc.constantFrom(...sizes)).map(([i, bits]) => {
        const s = copy(spec);
        const cidr = block(parts(zones[i].cidr).base, bits);
        s.network.zones[i] = { ...zones[i], cidr };
        return { spec: s, key: `${ns}:network.zones[${i}].cidr`, received: cidr };
      });
    },
  },
  {
    name: "a network in public address space",
    apply: (spec) =>
      fc
        .constantFrom("203.0.113.0", "8.8.0.0", "100.64.0.0", "172.32.0.0", "11.0.0.0")
        .map((address) => {
          const s = copy(spec);
          const cidr = `${address}/24`;
          s.network = { cidr, zones: [{ zone: spec.network.zones[0].zone, cidr }] };
          return { spec: s, key: `${ns}:network.cidr`, received: cidr };
        }),
  },
  {
    name: "a cluster version the cloud's API does not take",
    apply: (spec, place) =>
      // EKS names a minor release, ACK a full -aliyun build: each takes none of the other's.
      fc
        .constantFrom(
          ...(place.cloud === "aws" ? ["1.33.1-aliyun.1", "1.33.1"] : ["1.33", "1.33.1"]),
        )
        .map((version) => {
          const s = withCluster(spec);
          (s.kubernetes as Record<string, unknown>).version = version;
          return { spec: s, key: `${ns}:kubernetes.version`, received: version };
        }),
  },
  {
    name: "a node pool that wants more nodes than its maximum",
    apply: (spec) =>
      fc
        .record({ max: fc.integer({ min: 1, max: 5 }), over: fc.integer({ min: 1, max: 5 }) })
        .map(({ max, over }) => {
          const s = withCluster(spec);
          const pool = (s.kubernetes as { nodePools: Record<string, unknown>[] }).nodePools[0];
          pool.size = { min: 0, max, desired: max + over };
          return {
            spec: s,
            key: `${ns}:kubernetes.nodePools[0].size.desired`,
            received: max + over,
          };
        }),
  },
  {
    name: "a namespace Kubernetes keeps for itself",
    apply: (spec) =>
      fc.constantFrom("default", "kube-system", "kube-public", "kube-node-lease").map((name) => {
        const s = withCluster(spec);
        (s.kubernetes as Record<string, unknown>).namespaces = [name];
        return { spec: s, key: `${ns}:kubernetes.namespaces[0]`, received: name };
      }),
  },
  {
    name: "an AWS cluster in a network of one zone",
    applies: (place) => place.cloud === "aws",
    apply: (spec) =>
      fc.constantFrom("1.31", "1.33").map((version) => {
        const s = copy(spec);
        s.network.zones = s.network.zones.slice(0, 1);
        s.kubernetes = {
          version,
          nodePools: [
            { name: "general", instanceType: "m6i.xlarge", size: { min: 1, max: 2, desired: 1 } },
          ],
        };
        return { spec: s, key: `${ns}:network.zones`, received: s.network.zones };
      }),
  },
  {
    name: "an AWS allowlist beyond the network ACL's 20 rules",
    applies: (place) => place.cloud === "aws",
    apply: (spec) =>
      fc.integer({ min: 5, max: 8 }).map((n) => {
        const s = copy(spec);
        // Four ports apart from each other to each of n blocks: 2 + 4n rules out.
        s.egress = Array.from({ length: n }, (_, i) => ({
          cidr: `192.0.2.${i * 16}/28`,
          ports: [22, 443, 5432, 8443],
          protocol: "tcp",
          reason: `Partner site ${i + 1}`,
        }));
        return {
          spec: s,
          key: `${ns}:egress`,
          received: `${n} entries, ${2 + 4 * n} network ACL rules in one direction`,
        };
      }),
  },
  {
    name: "a bucket retention out of range",
    apply: (spec) => {
      const buckets = withBuckets(spec, 1);
      const days = fc.oneof(
        fc.constantFrom(0, -1, 3651, 36500, 1.5, "30"),
        fc.integer({ min: 3651, max: 100_000 }),
      );
      return fc.tuple(indexIn(buckets.length), days).map(([i, value]) => {
        const s = copy(spec);
        s.buckets![i] = { ...buckets[i], retentionDays: value };
        return { spec: s, key: `${ns}:buckets[${i}].retentionDays`, received: value };
      });
    },
  },
  {
    name: "a bucket without a purpose",
    apply: (spec) => {
      const buckets = withBuckets(spec, 1);
      return fc
        .tuple(indexIn(buckets.length), fc.constantFrom(undefined, "", "  "))
        .map(([i, purpose]) => {
          const s = copy(spec);
          const bucket: Record<string, unknown> = { ...buckets[i], purpose };
          if (purpose === undefined) {
            delete bucket.purpose;
          }
          s.buckets![i] = bucket;
          return { spec: s, key: `${ns}:buckets[${i}].purpose`, received: purpose };
        });
    },
  },
  {
    name: "a jurisdiction the catalog does not hold",
    apply: (spec) =>
      fc.constantFrom("XX", "cn", "China", "", "EEA", "UK").map((jurisdiction) => ({
        spec: { ...spec, jurisdiction },
        key: `${ns}:jurisdiction`,
        received: jurisdiction,
      })),
  },
  {
    name: "a cloud other than alicloud or aws",
    apply: (spec) =>
      fc.constantFrom("gcp", "azure", "AWS", "aliyun", "").map((cloud) => ({
        spec: { ...spec, cloud },
        key: `${ns}:cloud`,
        received: cloud,
      })),
  },
  {
    name: "an AWS stack without an account ID",
    applies: (place) => place.cloud === "aws",
    apply: (spec) => {
      const rest: Record<string, unknown> = copy(spec);
      delete rest.accountId;
      return fc.constant({ spec: rest, key: `${ns}:accountId`, received: undefined });
    },
  },
  {
    name: "an account ID that is not 12 digits",
    apply: (spec) =>
      fc
        .oneof(
          fc.constantFrom("12345", "1234567890123", "abcdefghijkl", "1234-5678-90", ""),
          fc
            .array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 11 })
            .map((digits) => digits.join("")),
        )
        .map((accountId) => ({
          spec: { ...spec, accountId },
          key: `${ns}:accountId`,
          received: accountId,
        })),
  },
  {
    name: "a key the spec does not know",
    apply: (spec) =>
      fc
        .tuple(fc.constantFrom("egres", "bucket", "zones", "Region", "allowlist"), fc.string())
        .map(([key, value]) => ({
          spec: { ...spec, [key]: value },
          key: `${ns}:${key}`,
          received: value,
        })),
  },
  {
    name: "a state backend outside the jurisdiction or nowhere known",
    apply: (spec, place) => {
      const j = getJurisdiction(place.jurisdiction);
      const abroad = catalogPlaces()
        .filter((p) => p.cloud === "aws" && !j.regions.aws.includes(p.region))
        .map((p) => `s3://state?region=${p.region}`);
      const urls = [
        "file:///var/lib/pulumi",
        "s3://state-bucket",
        "gs://state-bucket",
        "https://pulumi.example.com",
        ...abroad,
        ...(j.regions.aws.includes("us-west-2") ? [] : ["https://api.pulumi.com"]),
      ];
      return fc.constantFrom(...urls).map((stateBackend) => ({
        spec: { ...spec, stateBackend },
        key: `${ns}:stateBackend`,
        received: stateBackend,
      }));
    },
  },
];

/** The names of the mutations, in the order `refusedArb` takes them by index. */
export const mutationNames: readonly string[] = mutations.map((m) => m.name);

/**
 * A config of `place` with one value made wrong: mutation number `mutation` when it applies to
 * the place's cloud, otherwise any that does. `base` generates the config before the change.
 */
export function refusedArb(
  place: Place,
  mutation: number,
  base: (place: Place) => fc.Arbitrary<GeneratedStack>,
): fc.Arbitrary<RefusedStack> {
  const applicable = mutations.filter((m) => m.applies?.(place) ?? true);
  const wanted = mutations[mutation % mutations.length];
  const chosen = applicable.includes(wanted) ? fc.constant(wanted) : fc.constantFrom(...applicable);
  return fc.tuple(base(place), chosen).chain(([generated, m]) =>
    m.apply(structuredClone(generated.spec) as Spec, place).map((change): RefusedStack => ({
      mutation: m.name,
      generated: {
        stack: generated.stack,
        spec: change.spec,
        providerRegion:
          generated.providerRegion === undefined
            ? undefined
            : (change.providerRegion ?? generated.providerRegion),
      },
      key: change.key,
      received: change.received,
    })),
  );
}
