/**
 * The vocabulary of the border analysis: the resources it reads, the nodes and edges of the
 * data-flow graph it builds, and the paths that cross the border.
 *
 * The graph is directed along the flow of data: an edge `a → b` means data held by, or passing
 * through, `a` can reach `b`. Places outside the stack (a region of a cloud, the public internet,
 * a foreign account, an unresolved reference) are nodes too, so every path ends at a node.
 */
import type { DeclaredCluster } from "../../residency/clusters";
import type { EgressAllowEntry } from "../framework";

/** One marker for a value not known until deployed, shared with the per-resource policies. */
export { isUnknown, unknown, type UnknownValue } from "../paths/values";

/**
 * One resource as the analysis sees it: the fields of a CrossGuard `PolicyResource` that it reads,
 * with references to other resources as URNs so the same analysis runs on a recorded plan, on the
 * policy runtime's resources and on hand-built test inputs.
 */
export interface BorderResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** Output properties as plain JSON; values not yet known are `unknown`. */
  readonly props: Readonly<Record<string, unknown>>;
  /** URN of the provider resource that manages it (which must itself be in the list). */
  readonly provider?: string;
  readonly parent?: string;
  readonly dependencies: readonly string[];
  /** Input property → URNs of the resources its value came from. */
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  readonly protect: boolean;
}

/** Which side of the border a node lies on. `unknown` is treated as outside (fail closed). */
export type Side = "inside" | "outside" | "unknown";

/**
 * What a resource is to the flow of data. Data stores and keys are where the analysis starts;
 * the other roles only shape how the diagram draws them.
 */
export type Role = "data" | "key" | "network" | "gateway" | "workload" | "control" | "other";

/** A node outside the stack's resources, or a junction inside the stack. */
export interface Place {
  readonly kind: "place";
  /** Stable identity; two references to the same place share one node. */
  readonly key: string;
  /** How the place is named in a path: "oss-cn-hongkong (outside CN)". */
  readonly label: string;
  readonly side: Side;
  /** Junctions (traffic of a network) are inside the stack; other places are destinations. */
  readonly junction?: boolean;
}

/** The far end of an edge: a resource of the stack or a place. */
export type Endpoint = BorderResource | Place;

export function isPlace(e: Endpoint): e is Place {
  return (e as Place).kind === "place";
}

/** The kinds of flow an edge can stand for; reports and remediation hints key on them. */
export type EdgeLabel =
  | "replication"
  | "backup copy"
  | "snapshot copy"
  | "image copy"
  | "data sync"
  | "key replication"
  | "encrypted by"
  | "log delivery"
  | "readable from"
  | "mounted by"
  | "attachment"
  | "cen attachment"
  | "transit router"
  | "peer attachment"
  | "peering"
  | "subnet"
  | "in region"
  | "route"
  | "snat entry"
  | "eip association"
  | "public address"
  | "public load balancer"
  | "public access"
  | "transfer acceleration"
  | "edge network"
  | "ipsec connection"
  | "egress rule"
  | "default egress"
  | "pod egress"
  | "nodes in"
  | "runs on"
  | "allowed egress"
  | "placed in";

/** An edge as a flow model produces it. */
export interface FlowEdge {
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly label: EdgeLabel;
  /** The resource that creates the flow, when it is not one of the ends (a replication rule). */
  readonly via?: BorderResource;
  /** What makes it a flow, e.g. the destination block of a route ("0.0.0.0/0"). */
  readonly detail?: string;
}

export interface BorderNode {
  /** The URN of a resource, or `place:<key>`. */
  readonly id: string;
  readonly label: string;
  readonly side: Side;
  readonly role: Role | "place" | "junction";
  /** Set for resource nodes. */
  readonly resource?: { readonly urn: string; readonly type: string; readonly name: string };
}

export interface BorderEdge {
  readonly from: string;
  readonly to: string;
  readonly label: EdgeLabel;
  readonly via?: { readonly urn: string; readonly type: string; readonly name: string };
  readonly detail?: string;
}

/** A way out: from a data store or key, hop by hop, to the first node outside the border. */
export interface BorderPath {
  /** The data store or key the path starts at. */
  readonly source: BorderNode;
  /** The node outside the border where it ends. */
  readonly exit: BorderNode;
  /** Node ids, first to last. */
  readonly nodes: readonly string[];
  /** The edges between consecutive nodes. */
  readonly edges: readonly BorderEdge[];
  /** The first edge into a node that is not inside: where the path crosses the border. */
  readonly crossing: BorderEdge;
  /** Nodes and edges in reading order: `oss bucket "a" → replication "a-dr" → oss-cn-hongkong (outside CN)`. */
  readonly hops: readonly string[];
}

export interface BorderAnalysis {
  readonly jurisdiction: string;
  readonly nodes: readonly BorderNode[];
  readonly edges: readonly BorderEdge[];
  /** One path per data store or key that can leave, to its nearest exit. */
  readonly paths: readonly BorderPath[];
  readonly verdict: "sealed" | "crosses-border";
}

/** Options of the analysis beyond the jurisdiction. */
export interface BorderOptions {
  /**
   * Destinations the stack declared and justified; an address inside one of them is an approved
   * in-jurisdiction endpoint rather than "the public internet".
   */
  readonly egressAllowlist?: readonly EgressAllowEntry[];
  /** Kubernetes clusters the stack config places by kubeconfig context (`sovereign-dc:clusters`). */
  readonly clusters?: readonly DeclaredCluster[];
}
