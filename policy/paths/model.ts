/**
 * The vocabulary of the one data-flow model: how a resource type declares, once, what it is to
 * the flow of data and every edge it creates — each edge with the property it comes from, how
 * that value names a place, and the named policy that reports it. The graph (`graph.ts`) is built
 * from these rows, and every named policy is a view of it (`views.ts`).
 *
 * The resources, places, nodes and paths of the graph come first: the graph is directed along the
 * flow of data — an edge `a → b` means data held by, or passing through, `a` can reach `b` — and
 * places outside the stack (a region of a cloud, the public internet, a foreign account, an
 * unresolved reference) are nodes too, so every path ends at a node.
 */
import type { DeclaredCluster } from "../../residency/clusters";
import type { DeclaredDirectConnectLocation } from "../../residency/direct-connect";
import type { Cloud, Jurisdiction } from "../../residency/jurisdictions";
import type { EgressAllowEntry } from "../framework";
import type { DestinationField } from "./kubernetes";
import type { PlaceFormat } from "./places";
import type { RefKindName, Resolver } from "./resolver";
import type { RuleFlow } from "./rules";

/** One marker for a value not known until deployed, shared with the per-resource policies. */
export { isUnknown, unknown, type UnknownValue } from "./values";

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
  | "image push"
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
  /** The accounts the stack config declares its own (`sovereign-dc:accountId`). */
  readonly accountIds?: readonly string[];
  /** The account the offline engine writes into the stack's own ARNs when none is declared. */
  readonly standInAccount?: string;
  /** Direct Connect locations the stack places by country (`sovereign-dc:directConnectLocations`). */
  readonly directConnectLocations?: readonly DeclaredDirectConnectLocation[];
}

/** The named policies that own edges; each reports the crossings of the edges tagged with it. */
export type PolicyName =
  | "resource-placement"
  | "global-services"
  | "arn-locality"
  | "storage-replication"
  | "database-replicas"
  | "backup-copies"
  | "data-transfer-jobs"
  | "registry-replication"
  | "key-and-secret-replicas"
  | "log-shipping"
  | "named-destinations"
  | "network-links"
  | "remote-sites"
  /** Hardening: links and grants to another account whose far end lies inside (advisory). */
  | "cross-account-links"
  | "public-exposure"
  | "internet-egress"
  | "egress-rules"
  | "kubernetes-egress"
  | "kubernetes-service-exposure"
  | "key-locality"
  | "customer-key-encryption"
  | "helm-releases";

/**
 * How a property's value names a place: a value that alone names one (`PlaceFormat`, read by
 * `locate` in places.ts), or one `compileField` (fields.ts) reads with the stack.
 */
export type Format =
  | PlaceFormat
  /** A host reached through the stack's links: inside when private or allowlisted. */
  | "ip"
  /** A remote site's address: inside only when the egress allowlist holds it. */
  | "site-ip"
  /** A URL or host outside the cloud: an allowlisted IP, a cloud endpoint, or unplaceable. */
  | "url"
  /**
   * A container image reference (`registry.cn-shanghai.aliyuncs.com/ns/app:1`, `nginx:1`): the
   * registry it names, read as a `url`'s host; a reference that names no registry is Docker Hub's.
   */
  | "image"
  /** An account ID, or an ARN of something of it: the provider's own account, or another one. */
  | "account"
  /** The value itself opens the path (`values`, `normalize`; default: any set value). */
  | "flag"
  /** `0.0.0.0/0` or `::/0` (comma lists too) sends everything to `farSide`. */
  | "anywhere-cidr"
  /**
   * An AWS Direct Connect location's code (`EqDC2`): inside or outside by the country the stack
   * declares for it (`sovereign-dc:directConnectLocations`), else unplaceable.
   */
  | "dx-location"
  /** Another resource's name, ID or ARN, resolved by the Resolver. */
  | "ref"
  /** The resource opens an edge to the public internet when the value does (`opens`). */
  | "internet"
  /** The value makes the resource reachable from the internet (`exposes`; public-exposure). */
  | "public"
  /** The value puts a global edge network in front of the data (`reaches`; global-services). */
  | "global"
  /** Several values at once cross a border no single one shows (`relates`). */
  | "relation"
  /** A server a Kubernetes object makes its cluster send data to (`server`; kubernetes-egress). */
  | "destination"
  /** The row's own reading of its inputs names the places they send data to (`judges`). */
  | "judged"
  /**
   * A resource policy, permission or share: whom it grants (`grants`). Everyone is
   * public-exposure's; another account or an organisation cross-account-links'.
   */
  | "grants";

/**
 * One place a `judged` field's reading finds, in the owning policy's words: "…, but <path>
 * <verb> <place>." (a multi-Region trail, a mailbox subscriber, an origin of a list in one text).
 */
export interface Judged {
  readonly path: string;
  readonly verb: string;
  readonly place: string;
}

/**
 * Which values of an `internet` field open the edge (internet-egress):
 * - `always`: the resource is an internet edge by its nature, whatever the value;
 * - `true`: a flag that is true (`true` or `"true"`);
 * - `positive`: a number above 0 (outbound bandwidth);
 * - `not-false`: anything but `false`, unset and unknown included (a gateway that is on unless
 *   switched off);
 * - `default-route`: a destination of every address (`0.0.0.0/0`, `::/0`);
 * - `unless`: any value but these (compared ignoring case), unset included (the default opens it);
 * - `values`: one of these (compared ignoring case): a setting whose on state is a word
 *   (`ENABLED`), unset keeping it shut;
 * - `outsideVpc`: a managed runtime whose subnets (the field: a list, or one subnet's ID) are not
 *   set and whose `isolation` flag, if the type has one, is not true — it runs in the service's
 *   own network.
 *   With a `holder` (`trainingJobDefinitions[]`), each holder is one runtime, and `isolation`
 *   and the subnet list are read inside it.
 * - `defaultVpc`: an instance whose subnet (the field) is unset, and none of whose `placedBy`
 *   inputs is set either, launches into the region's default VPC, whose subnets give it a public
 *   address and route to an internet gateway — unless its `publicIp` flag, where it has one, is
 *   false; or true, when the row's own `true` field of the flag reports that address (one
 *   address, one finding: the row's fix clears both).
 * - `reads`: the row's own reader says (`InternetReader`), where the opening is a setting among
 *   many of one list (an Elastic Beanstalk environment's option settings).
 */
export type InternetOpening =
  | "always"
  | "true"
  | "positive"
  | "not-false"
  | "default-route"
  | { readonly unless: readonly string[] }
  | { readonly values: readonly string[] }
  | { readonly outsideVpc: { readonly isolation?: string; readonly holder?: string } }
  | { readonly defaultVpc: { readonly placedBy: readonly string[]; readonly publicIp?: string } }
  | { readonly reads: InternetReader };

/**
 * A row's own reading of the inputs that open an edge to the internet: each opening it finds, in
 * internet-egress's words (`GlobalReach`: `unknown` when it only may be open).
 */
export type InternetReader = (props: Readonly<Record<string, unknown>>) => readonly GlobalReach[];

/**
 * Which values of a `public` field make the resource reachable from anyone on the internet
 * (public-exposure):
 * - `always`: the resource exists only to expose something, whatever the value;
 * - `values`: one of these (compared ignoring case), or a value not known at preview;
 * - `flag`: a flag that is true (or unset, when `absentMeans` is true: a public default);
 * - `unless`: any value but these (compared ignoring case); unset, the service's default
 *   `absentIs`, which is public;
 * - `ingress`: a source list (one value or a comma-separated one) naming an address that is
 *   neither private nor in the egress allowlist: whoever holds it may connect;
 * - `grantee`: a grantee URI of everyone (S3's AllUsers or AuthenticatedUsers groups);
 * - `any`: any value that is set (an Elastic IP of an endpoint), or not known at preview;
 * - `each`: every value at the path, whatever it is (the bucket of an S3 data-access asset);
 * - `policy`: a policy document with a statement that allows everyone and that no condition
 *   binds (paths/iam.ts `isPublic`), or a document not known at preview;
 * - `reads`: the row's own reader says (`PublicReader`), where that takes several properties
 *   read together (an endpoint switch and the whitelist that narrows it, a load balancer's
 *   scheme, a port's source list).
 */
export type PublicOpening =
  | "always"
  | { readonly reads: PublicReader }
  | { readonly values: readonly string[] }
  | { readonly flag: { readonly absentMeans: boolean } }
  | { readonly unless: readonly string[]; readonly absentIs: string }
  | "ingress"
  | "grantee"
  | "any"
  | "each"
  | "policy";

/**
 * A row's own reading of the inputs that make a resource reachable from the internet, given the
 * egress allowlist (an allowlisted source admits no one else): each opening it finds, in
 * public-exposure's words (`GlobalReach`: `unknown` when it only may be open).
 */
export type PublicReader = (
  props: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
) => readonly GlobalReach[];

/**
 * Which values of a `global` field put the stack's data on a global edge network
 * (global-services); the `verb` says what that does:
 * - `always`: the resource is an edge service by its nature, whatever the value;
 * - `true`: a flag that is true (`true` or `"true"`);
 * - `equals`: exactly this value (`"Enabled"`);
 * - `scope`: an Alibaba Cloud service area (CDN `scope`, ESA `coverage`): `domestic` (the Chinese
 *   mainland) stays inside a CN jurisdiction, any other area reaches points of presence abroad;
 *   unset, it is the service's default (`absentIsDomestic`, or undocumented);
 * - `reads`: the row's own reader says (`GlobalReader`).
 * A value not known at preview is judged: it may.
 */
export type GlobalOpening =
  | "always"
  | "true"
  | { readonly equals: string }
  | { readonly scope: { readonly absentIsDomestic: boolean } }
  | { readonly reads: GlobalReader };

/**
 * A row's own reading of the inputs that decide whether it reaches the edge network, where that
 * takes several properties or the jurisdiction (an API's endpoint type, a health check's type and
 * regions, the Anti-DDoS product): each reach it finds, in global-services' words.
 */
export type GlobalReader = (
  props: Readonly<Record<string, unknown>>,
  jurisdiction: Jurisdiction,
) => readonly GlobalReach[];

/** One reach: `what` completes "…, but <path> <what>."; `unknown` when it only may reach. */
export interface GlobalReach {
  readonly path: string;
  readonly what: string;
  readonly unknown?: boolean;
}

/**
 * Whom one grant of a resource reaches (a `grants` field's reader says), `path` being the
 * concrete property that grants it (`policy.Statement[0].Principal`).
 */
export type Grantee =
  /** Everyone: `what` completes "…, but <path> <what>." */
  | { readonly kind: "everyone"; readonly path: string; readonly what: string }
  /** The grant is not known at preview, so whether it is public cannot be decided. */
  | { readonly kind: "unknown"; readonly path: string }
  /**
   * An account (as written: an ID, or a principal the pack cannot read an account from), with the
   * AWS partition of the principal's ARN when it was written as one.
   */
  | {
      readonly kind: "account";
      readonly path: string;
      readonly account: string;
      readonly partition?: string;
      /**
       * What the grant does for the account, where the field's verb does not say it (a Lambda
       * permission's `sourceAccount` binds a service principal to that account's resources).
       */
      readonly verb?: string;
    }
  /** Every account of an organisation or organisational unit. */
  | { readonly kind: "organization"; readonly path: string; readonly id: string }
  /**
   * Every account a network of the grant's own region reaches, where the grant names no narrower
   * set and the internet cannot reach it (a VPC Lattice auth policy's "*": the callers in VPCs the
   * service network is associated with or shared to). `place` names them, `what` completes
   * "…, but <path> <what>."
   */
  | {
      readonly kind: "reachable";
      readonly path: string;
      readonly place: string;
      readonly what: string;
    }
  /**
   * The identities an external identity provider vouches for (a role trusting a web identity or
   * SAML provider: GitHub's workflows, a corporate directory), `provider` as the trust names it.
   */
  | { readonly kind: "identity-provider"; readonly path: string; readonly provider: string }
  /**
   * Grantees not known at preview where the grant holds no data itself (a role's trust policy:
   * the data is reached only through the role's permissions): cross-account-links' to report, in
   * `place`'s words, rather than public-exposure's to fail.
   */
  | { readonly kind: "undecided"; readonly path: string; readonly place: string };

/** Why workloads may send to the internet: the rule (or the default) a security group admits by. */
export interface Admission {
  readonly label: Extract<EdgeLabel, "egress rule" | "default egress">;
  readonly via?: BorderResource;
  readonly detail: string;
}

/**
 * What an egress control contributes to the gates of the border analysis: a security group
 * admits its members' internet-bound traffic (or not); a network ACL seals its subnets (or not).
 */
export type GateContribution =
  | { readonly kind: "security-group"; readonly admits?: Admission }
  | { readonly kind: "network-acl"; readonly seals: boolean };

/** A gate the search must pass for an edge to carry data (Rule G of the plan). */
export type GateKind =
  | "security-group"
  | "network-acl"
  | "public-access-block"
  | "instance-admission";

/**
 * The gate an edge passes (Rule G): the row declares the edge whatever the gate says; the path
 * search passes it only while the gate is open. `by` is the control that decides (the security
 * group, the ACL), when one resource does.
 */
export interface EdgeGate {
  readonly kind: GateKind;
  readonly open: boolean;
  readonly by?: BorderResource;
}

/** An edge that passes a gate: structural (a network's way to its internet-bound traffic) or tagged. */
export type GatedEdge = (FlowEdge | TaggedEdge) & { readonly gate: EdgeGate };

/** One property that names where the resource's data goes (or comes from). */
/** Where a value was found, for a field's `where`. */
export interface WhereAt {
  readonly props: Readonly<Record<string, unknown>>;
  /** Concrete path of the value, e.g. `rules[0].destination.bucket`. */
  readonly path: string;
}

export interface FieldSpec {
  /** Dotted input path; `[]` expands an array (`rules[].destination.bucket`). */
  readonly path: string;
  readonly format: Format;
  /** The graph edge's kind ("replication", "backup copy", …). */
  readonly label: EdgeLabel;
  /** The named policy that reports this edge when it leaves the jurisdiction. */
  readonly policy: PolicyName;
  /** Completes "…, but <path> <verb> <place>." (`replicates objects to`). */
  readonly verb: string;
  /** Data flows from the far end into the resource (image copies, replica keys). */
  readonly inbound?: boolean;
  /**
   * The cloud whose region IDs a `region` value names, for a type of neither cloud (the S3 bucket
   * an image build exports its cache to); by default the resource's own cloud.
   */
  readonly cloud?: Cloud;
  /** An absent value cannot be placed (instead of meaning "the resource's own region"). */
  readonly required?: boolean;
  /**
   * For `account`: the value is the ARN of what the data is delivered to (an EventBridge
   * target), judged by the account it names. An ARN of a resource of the stack is the stack's
   * own, and one that names no account (`arn:aws:s3:::…`, a universal target) or a place outside
   * (its region, its partition) is judged by the places alone; any other is another account's, unless the provider pins or the stack config
   * declares it (the offline engine's stand-in for the caller's own account too, as the real
   * account would be under the Pulumi CLI).
   */
  readonly ofArn?: true;
  /**
   * The fix of this field's findings, where the row's fix for its policy speaks of other paths
   * (a delivery to another account beside a row's endpoints and buckets).
   */
  readonly fix?: string;
  /** Data flows both ways (peering, attachments, membership, a global table's replicas). */
  readonly both?: boolean;
  /** Where the data starts, when that is another resource (`bucket` of a replication rule). */
  readonly source?: { readonly path: string; readonly ref: RefKindName };
  /**
   * Where the data starts in the graph only, when the value at `path` names a resource of these
   * types (the database a backup policy copies): the message still starts at the resource's place.
   */
  readonly origin?: { readonly path: string; readonly types: readonly string[] };
  /** What the graph edge names besides its label (`crossBackupRegion`). */
  readonly detail?: string;
  /**
   * The edge exists only when this holds (`enableCrossRegionCopy`); given the jurisdiction too,
   * for a setting that confines the edge to regions (a key policy's `kms:ReplicaRegion`).
   */
  readonly when?: (props: Readonly<Record<string, unknown>>, j: Jurisdiction) => boolean;
  /**
   * For `ref`: what the value names. For other formats: the resources of the stack the value
   * may name (by ARN or identifier), one of which is then the far end of the edge; the owning
   * policy still places the value itself.
   */
  readonly ref?: RefKindName;
  /**
   * For a field of another format with a `ref`: a value not known at preview is a destination
   * `named-destinations` places over the stack, through the resources it was computed from, and
   * reports when they are none of the stack's. For a resource no data path reaches, whose way out
   * no-path-out-of-jurisdiction would not see (a CDN's origin). Without it such a value is an edge
   * of the graph only.
   */
  readonly namedWhenUnknown?: true;
  /**
   * For `ref`: how the far end names the value when it is not in the stack (default: the ref
   * kind's noun) — `globalClusterIdentifier "g" of rds cluster "a" is not in this stack`.
   */
  readonly noun?: string;
  /**
   * For `ip`: addresses of the cloud's own services inside every region (Alibaba Cloud's VPC
   * resolvers), which stand for the resource's own region, not for a host elsewhere: inside.
   */
  readonly cloudOwn?: readonly string[];
  /**
   * For `ref` with `where`: the field reads only some of the values its path holds (an
   * EventBridge target's `arn` when it names an API destination), so the path stays the
   * scanners' for the rest (arn-locality's reading of the ARN, named-destinations' of one not
   * known at preview): no other field of the row declares it.
   */
  readonly someValues?: true;
  /**
   * For `ref`: the sibling (relative to the same holder) that places the far end when the ref
   * names nothing of the stack; without it an unresolved ref fails closed (named-destinations).
   */
  readonly fallback?: string;
  /**
   * For `ref`: the service accepts only a destination in the resource's own region (OSS and S3
   * access logs, OSS inventory, Simple Log Service's shipping to OSS), so a name of nothing in the
   * stack lies where the resource does, not in a region that cannot be checked.
   */
  readonly sameRegion?: true;
  /**
   * The edge passes this gate in the path search (not compiled yet: `compileField` refuses it;
   * rows draw gated edges in their `edges`, types/gates.ts `gated`).
   */
  readonly gate?: GateKind;
  /** For `flag`: the values that open the path. */
  readonly values?: readonly (string | number | boolean)[];
  /** For `flag`: compare ignoring case, `_` and `-` (`oss_acc` is `ossAcc`). */
  readonly normalize?: "token";
  /**
   * For `flag` and `anywhere-cidr`: how the far end is named; for `flag`, `{value}` in it stands
   * for the value the program set (a facility code the pack cannot place).
   */
  readonly farSide?: string;
  /** For `flag`: the far end is a global place, `<farSide> (global, outside <J>)`. */
  readonly global?: boolean;
  /**
   * For `flag` without `values`: any value the resource can be created with opens the path (a
   * Client VPN endpoint's certificate, which it cannot do without), so one not known at preview
   * opens it too, instead of failing closed as a place the pack cannot check.
   */
  readonly opensWhenSet?: boolean;
  /**
   * For `flag`: AWS partitions that keep their own copy of the far end (a public virtual interface
   * in the China regions reaches only their public endpoints), by the partition of the resource's
   * own region, each with the far end's words: the far end then lies in that partition's regions,
   * inside when the jurisdiction holds them all. A resource whose region is not known at preview
   * reaches the field's own `farSide`.
   */
  readonly partitionFarSide?: Readonly<Record<string, string>>;
  /** For `internet`: which values open the edge (the `verb` then says what the edge does). */
  readonly opens?: InternetOpening;
  /**
   * For `relation`: reads the properties it needs through `get` and, when together they cross a
   * border (a bandwidth package between two geographic areas), names the far side. A property
   * not known at preview leaves the whole relation undecided.
   */
  readonly relates?: (get: (path: string) => unknown) => string | undefined;
  /**
   * For `judged`: reads the resource's inputs as the runtime hands them over (a value not known
   * at preview throws when read, unless read through `known`) and names every place they send
   * data outside the jurisdiction; every one is a finding of the owner and an edge. A read that
   * meets an unknown value leaves the whole reading undecided.
   */
  readonly judges?: (
    props: Readonly<Record<string, unknown>>,
    j: Jurisdiction,
    /** The stack's egress allowlist, for a reading that names addresses. */
    allowlist: readonly EgressAllowEntry[],
    /**
     * Where the resource is: its region, when it has one the pack can tell (a service that
     * sends data elsewhere by default from some regions: a Cognito user pool in Seoul).
     */
    where: { readonly region?: string },
  ) => readonly Judged[];
  /**
   * For `judged`: the properties whose places its reader decides, when not `path` alone (a DNS
   * record's answers, aliases and routing regions; the Corefile inside an EKS add-on's
   * configuration); arn-locality leaves the places they name to the reader and reads the rest.
   */
  readonly reads?: readonly string[];
  /**
   * Each value counts only when the object holding it satisfies this: an EventBridge target's
   * `endpoint` is a URL only for HTTP targets, the ARN of a cloud resource for the others. `at`
   * gives the resource's properties and the value's own path, for a test on an enclosing object
   * (an S3 replication rule's `status`, two steps above its destination bucket: `itemAt`).
   */
  readonly where?: (holder: unknown, at: WhereAt) => boolean;
  /** For `public`: which values expose the resource (the `verb` says what that does). */
  readonly exposes?: PublicOpening;
  /** For `global`: which values reach the edge network named by `farSide`. */
  readonly reaches?: GlobalOpening;
  /** For `destination`: what the value names and how it is read (paths/kubernetes.ts). */
  readonly server?: DestinationField;
  /**
   * For `grants`: whom the resource's grants reach, read from its properties (a policy document
   * at `path`, the principals of a permission). The field's policy takes its own grantees:
   * public-exposure everyone and what cannot be decided, cross-account-links the accounts and
   * organisations that are not the stack's own.
   */
  readonly grants?: (props: Readonly<Record<string, unknown>>) => readonly Grantee[];
  /**
   * The link this field describes is drawn elsewhere in its row: by the row's `edges`, which see
   * the rest of the stack (the attached network when the program holds it, the tunnel's customer
   * gateway) and tag the link with the field's verdict (`fieldTag`), so the crossing is explained
   * by that policy; or by the field that places the far end (an account says who holds the far
   * network, its region where it is). The field is judged by its policy but draws no edge.
   */
  readonly drawnByRow?: true;
}

/** One resource type, declared once: its role, its edges and the fix its policies append. */
export interface TypeModel {
  /** What the resource is to the flow of data; "data" and "key" are where paths start. */
  readonly role: Role | ((r: BorderResource, x: Resolver) => Role);
  /** Declarative edges: every value at a field's path becomes one tagged edge. */
  readonly fields?: readonly FieldSpec[];
  /**
   * Edges that need the rest of the stack (routes, readers, attachments, pod egress); untagged
   * ones are structural (a store readable from its subnets, encrypted by its key).
   */
  readonly edges?: (r: BorderResource, x: Resolver) => readonly (FlowEdge | TaggedEdge)[];
  /**
   * Egress controls (security groups and their rules, network ACLs and their entries, firewall
   * policies, prefix lists): every destination the resource's rules let traffic go to or drop,
   * with protocol and ports. egress-rules judges the accepted ones; gates read them all.
   */
  readonly rules?: (props: Readonly<Record<string, unknown>>) => readonly RuleFlow[];
  /** What this resource contributes to a gate (a security group's admission, an ACL's seal). */
  readonly gate?: (r: BorderResource, x: Resolver) => GateContribution;
  /** The fix sentence each owning policy appends for this type. */
  readonly fix: string | Partial<Record<PolicyName, string>>;
  /**
   * Paths whose ARN's account the row's own `edges` judge (a log subscription's destination of
   * another account, drawn to that account): arn-locality's reading of delivery inputs leaves
   * them to the row, as it does the `ofArn` fields.
   */
  readonly accountsIn?: readonly string[];
}

/** A domain's rows, keyed by type token. */
export type TypeTable = Readonly<Record<string, TypeModel>>;

/** What the owning policy decides about an edge from the resource alone. */
export type LocalVerdict = "report" | "inside" | "stack";

/** An edge with the policy that owns it and what that policy decides locally. */
export interface TaggedEdge extends FlowEdge {
  /** Undefined only for structural edges (subnet, in region) and the legacy flow models. */
  readonly policy?: PolicyName;
  /** The property the edge comes from, as the owning policy's message names it. */
  readonly at?: { readonly path: string; readonly verb: string; readonly inbound?: boolean };
  /**
   * The owning policy's verdict from the resource alone. A ref edge with a `fallback` carries
   * the fallback value's verdict; a ref edge without one is "stack": only the whole stack
   * decides, and `named-destinations` is the policy that does. A `ref` field is always a
   * destination; structural references (subnets, route targets) are drawn by `edges`.
   */
  readonly local: LocalVerdict;
  /** A ref without fallback that names nothing of the stack (named-destinations). */
  readonly unresolved?: boolean;
  /** The edge of a `ref` field: a destination `named-destinations` places over the stack. */
  readonly destination?: boolean;
}
