/**
 * What a flow model may ask about the rest of the stack: which resource a property refers to,
 * where a resource lives, which resources refer to it, and how places outside the stack are
 * named. Every index is built once, on first use, in one pass over the resources, so the
 * analysis stays linear in the size of the stack.
 *
 * References resolve first through the property's dependencies (how the value was built, known
 * even at preview), then by the identifiers resources expose in their outputs (ARNs, bucket
 * names, route-table IDs…). The analyzer protocol does not send resource IDs, so an ID typed in
 * by hand resolves only when some output carries it.
 */
import { type Cloud, type Jurisdiction, regionInJurisdiction } from "../../residency/jurisdictions";
import { cloudOf, describePlace, type Placement, placementOf } from "../../residency/placement";
import type { EgressAllowEntry } from "../framework";
import { resourceLabel } from "../paths/describe";
import { str, valuesAt } from "../paths/values";
import { type BorderResource, isUnknown, type Place } from "./model";

/** What a reference property names. */
export type Ref =
  | { readonly kind: "resource"; readonly resource: BorderResource }
  /** The property is not set. */
  | { readonly kind: "none" }
  /** Set to a value that names nothing in this stack. */
  | { readonly kind: "external"; readonly value: string }
  /** Not known until deployed, and not traceable through its dependencies. */
  | { readonly kind: "unknown" };

/**
 * Output properties that identify a resource to others, beyond its ARN: names that other
 * resources use to refer to it, and the IDs of objects the cloud creates with it (a VPC's system
 * route table).
 */
const identifierProps: Readonly<Record<string, readonly string[]>> = {
  "alicloud:oss/bucket:Bucket": ["bucket"],
  "alicloud:vpc/network:Network": ["routeTableId", "routerTableId", "routerId"],
  "alicloud:vpc/natGateway:NatGateway": ["snatTableIds", "forwardTableIds"],
  "alicloud:kms/key:Key": ["keyId"],
  "alicloud:log/project:Project": ["projectName", "name"],
  "alicloud:log/store:Store": ["logstoreName", "name"],
  "aws:s3/bucket:Bucket": ["bucket"],
  "aws:s3/bucketV2:BucketV2": ["bucket"],
  "aws:ec2/vpc:Vpc": ["mainRouteTableId", "defaultRouteTableId", "defaultNetworkAclId"],
  "aws:kms/key:Key": ["keyId"],
  "aws:kms/replicaKey:ReplicaKey": ["keyId"],
  "aws:cloudwatch/logGroup:LogGroup": ["name"],
  "aws:eks/cluster:Cluster": ["name"],
  "aws:rds/subnetGroup:SubnetGroup": ["name"],
};

/** Cluster types a Kubernetes provider can be built from. */
export const clusterTypes: readonly string[] = [
  "alicloud:cs/managedKubernetes:ManagedKubernetes",
  "alicloud:cs/kubernetes:Kubernetes",
  "alicloud:cs/serverlessKubernetes:ServerlessKubernetes",
  "aws:eks/cluster:Cluster",
];

export class Resolver {
  private readonly byUrn = new Map<string, BorderResource>();
  private readonly byType = new Map<string, BorderResource[]>();
  private identifiers?: Map<string, BorderResource>;
  private readonly referrerIndex = new Map<string, Map<string, BorderResource[]>>();
  private readonly placements = new Map<string, Placement>();
  private readonly places = new Map<string, Place>();
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly resources: readonly BorderResource[],
    readonly jurisdiction: Jurisdiction,
    readonly allowlist: readonly EgressAllowEntry[] = [],
  ) {
    for (const r of resources) {
      this.byUrn.set(r.urn, r);
      let list = this.byType.get(r.type);
      if (!list) {
        list = [];
        this.byType.set(r.type, list);
      }
      list.push(r);
    }
  }

  get(urn: string): BorderResource | undefined {
    return this.byUrn.get(urn);
  }

  ofType(type: string): readonly BorderResource[] {
    return this.byType.get(type) ?? [];
  }

  /** A resource named by an identifier it exposes (ARN, bucket name, route-table ID…). */
  byIdentifier(value: string, types?: readonly string[]): BorderResource | undefined {
    if (!this.identifiers) {
      this.identifiers = new Map();
      for (const r of this.resources) {
        const keys = [r.props.arn, ...(identifierProps[r.type] ?? []).map((k) => r.props[k])];
        for (const k of keys.flat()) {
          if (typeof k === "string" && k !== "" && !this.identifiers.has(k)) {
            this.identifiers.set(k, r);
          }
        }
      }
    }
    const found = this.identifiers.get(value);
    return found && (!types || types.includes(found.type)) ? found : undefined;
  }

  /**
   * The resources a property refers to, one per value at `path`. `types` narrows the candidates
   * when the property's dependencies name several resources (a `destination` object built from
   * a bucket and a role).
   *
   * A value that no output identifies is matched against the property's dependencies: when the
   * unmatched values and the remaining dependencies are equally many, each value came from one of
   * them (a list of vSwitch IDs built from the vSwitches); otherwise it names something outside
   * the stack. Pairing them any other way could tie a control to a resource it does not cover.
   */
  refs(r: BorderResource, path: string, types?: readonly string[]): Ref[] {
    const values = valuesAt(r.props, path).map((f) => f.value);
    const top = path.split(".")[0].replace(/\[\]$/, "");
    const deps = (r.propertyDependencies[top] ?? [])
      .map((u) => this.byUrn.get(u))
      .filter((d): d is BorderResource => d !== undefined && (!types || types.includes(d.type)));
    if (values.length === 0) {
      // An unknown container hides its values; its dependencies still say what it names.
      return deps.length > 0 && isUnknown(r.props[top])
        ? deps.map((d) => ({ kind: "resource", resource: d }))
        : [];
    }
    const out: Ref[] = values.map((v): Ref => {
      if (typeof v === "string" && v !== "") {
        const named = this.byIdentifier(v, types);
        return named ? { kind: "resource", resource: named } : { kind: "external", value: v };
      }
      return isUnknown(v) ? { kind: "unknown" } : { kind: "none" };
    });
    const used = new Set(out.flatMap((ref) => (ref.kind === "resource" ? [ref.resource.urn] : [])));
    const spare = deps.filter((d) => !used.has(d.urn));
    const open = out.flatMap((ref, i) =>
      ref.kind === "external" || ref.kind === "unknown" ? [i] : [],
    );
    if (open.length > 0 && open.length === spare.length) {
      open.forEach((i, k) => {
        out[i] = { kind: "resource", resource: spare[k] };
      });
    }
    return out;
  }

  /** A value computed once per analysis (an index over one kind of resource). */
  memo<T>(key: string, build: () => T): T {
    if (!this.memos.has(key)) {
      this.memos.set(key, build());
    }
    return this.memos.get(key) as T;
  }

  /** The one resource a property refers to (the first, when it holds several). */
  ref(r: BorderResource, path: string, types?: readonly string[]): Ref {
    return this.refs(r, path, types)[0] ?? { kind: "none" };
  }

  /** The resource a property refers to, or undefined when it names none of the stack's. */
  resourceAt(
    r: BorderResource,
    path: string,
    types?: readonly string[],
  ): BorderResource | undefined {
    const found = this.ref(r, path, types);
    return found.kind === "resource" ? found.resource : undefined;
  }

  /**
   * Resources of `type` whose `path` refers to `target` — the security groups of a VPC, the
   * rules of a group. One pass over the resources of that type, on first use.
   */
  referrers(target: BorderResource, type: string, path: string): readonly BorderResource[] {
    const key = `${type}\0${path}`;
    let index = this.referrerIndex.get(key);
    if (!index) {
      index = new Map();
      for (const r of this.ofType(type)) {
        for (const ref of this.refs(r, path)) {
          if (ref.kind === "resource") {
            const list = index.get(ref.resource.urn) ?? [];
            if (!list.includes(r)) {
              list.push(r);
            }
            index.set(ref.resource.urn, list);
          }
        }
      }
      this.referrerIndex.set(key, index);
    }
    return index.get(target.urn) ?? [];
  }

  /** Where a resource lives; Kubernetes objects live where their cluster does. */
  placement(r: BorderResource): Placement {
    const cached = this.placements.get(r.urn);
    if (cached) {
      return cached;
    }
    const provider = r.provider ? this.byUrn.get(r.provider) : undefined;
    let p = placementOf(r.type, r.props, provider);
    if (p.kind === "cluster") {
      const cluster = this.clusterOf(r);
      p = cluster
        ? this.placement(cluster)
        : {
            kind: "unknown",
            reason: "its Kubernetes provider is not built from a cluster of this stack",
          };
    }
    this.placements.set(r.urn, p);
    return p;
  }

  /**
   * The cluster a Kubernetes object runs in: the cluster its provider's kubeconfig was built
   * from (shared/research/data-paths.md §1.4).
   */
  clusterOf(r: BorderResource): BorderResource | undefined {
    const provider = r.provider ? this.byUrn.get(r.provider) : undefined;
    if (!provider || provider.type !== "pulumi:providers:kubernetes") {
      return undefined;
    }
    const candidates = [
      ...(provider.propertyDependencies.kubeconfig ?? []),
      ...provider.dependencies,
    ];
    for (const urn of candidates) {
      const c = this.byUrn.get(urn);
      if (c && clusterTypes.includes(c.type)) {
        return c;
      }
    }
    return undefined;
  }

  /** The cloud and region a resource lives in, when it has one. */
  regionOf(r: BorderResource): { cloud: Cloud; region: string } | undefined {
    const p = this.placement(r);
    return p.kind === "region" ? { cloud: p.cloud, region: p.region } : undefined;
  }

  /** `oss bucket "telemetry"`. */
  label(r: BorderResource): string {
    return resourceLabel(r.type, r.name);
  }

  private place(p: Place): Place {
    const existing = this.places.get(p.key);
    if (existing) {
      return existing;
    }
    this.places.set(p.key, p);
    return p;
  }

  /** A region of a cloud; `prefix` names it as a service does ("oss-" for OSS locations). */
  regionPlace(cloud: Cloud, region: string, prefix = ""): Place {
    const inside = regionInJurisdiction(this.jurisdiction, cloud, region);
    return this.place({
      kind: "place",
      key: `region:${cloud}:${prefix}${region}`,
      label: `${prefix}${describePlace(this.jurisdiction, cloud, region)}`,
      side: inside ? "inside" : "outside",
    });
  }

  /**
   * A region given as a property value: a region place when it is a known region ID, unknown
   * (fail closed) otherwise. The cloud is the resource's own.
   */
  regionValue(r: BorderResource, value: unknown, what: string, prefix = ""): Place {
    const cloud = cloudOf(r.type);
    const region = str(value);
    if (cloud && region) {
      return this.regionPlace(cloud, region, prefix);
    }
    return this.unknownPlace(
      isUnknown(value)
        ? `${what} of ${this.label(r)} is not known until deployed`
        : `${what} of ${this.label(r)} is not a region`,
    );
  }

  get internet(): Place {
    return this.place({
      kind: "place",
      key: "internet",
      label: "the public internet",
      side: "outside",
    });
  }

  /** A global service or edge network, which has no region and so no border. */
  globalPlace(what: string): Place {
    return this.place({
      kind: "place",
      key: `global:${what}`,
      label: `${what} (global, outside ${this.jurisdiction.id})`,
      side: "outside",
    });
  }

  /** Another cloud account, whose resources this stack cannot see or place. */
  accountPlace(cloud: Cloud, account: string): Place {
    return this.place({
      kind: "place",
      key: `account:${cloud}:${account}`,
      label: `${cloud} account ${account} (another account, location unknown)`,
      side: "unknown",
    });
  }

  /** A declared, justified destination of the egress allowlist. */
  allowlistedPlace(entry: EgressAllowEntry): Place {
    return this.place({
      kind: "place",
      key: `allowlisted:${entry.cidr}`,
      label: `${entry.cidr} (allowlisted: ${entry.reason})`,
      side: "inside",
    });
  }

  /** Something the analysis cannot locate; it fails closed. */
  unknownPlace(reason: string): Place {
    return this.place({
      kind: "place",
      key: `unknown:${reason}`,
      label: `unknown (${reason})`,
      side: "unknown",
    });
  }

  /** Where a placed-outside or unplaced resource lives, as a place. */
  placeOfPlacement(r: BorderResource, p: Placement): Place | undefined {
    switch (p.kind) {
      case "region":
        return regionInJurisdiction(this.jurisdiction, p.cloud, p.region)
          ? undefined
          : this.regionPlace(p.cloud, p.region);
      case "global":
        return this.globalPlace(`${p.cloud} global service`);
      case "unknown":
      case "cluster":
        return this.unknownPlace(`${this.label(r)}: ${p.reason}`);
    }
  }

  /**
   * Every network of a region as one junction, so that a store readable from anywhere in its
   * region links to the region's networks in one edge each way rather than one per pair.
   */
  regionHub(cloud: Cloud, region: string): Place {
    return this.place({
      kind: "place",
      key: `hub:${cloud}:${region}`,
      label: `every network in ${region}`,
      side: regionInJurisdiction(this.jurisdiction, cloud, region) ? "inside" : "outside",
      junction: true,
    });
  }

  /** The traffic a network sends toward destinations outside private address space. */
  internetBound(vpc: BorderResource): Place {
    const abroad = this.placeOfPlacement(vpc, this.placement(vpc));
    return this.place({
      kind: "place",
      key: `egress:${vpc.urn}`,
      label: `internet-bound traffic of ${this.label(vpc)}`,
      side: abroad ? abroad.side : "inside",
      junction: true,
    });
  }
}
