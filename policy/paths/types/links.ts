/**
 * The links of the network and remote-sites tables that need the rest of the stack: a hub (CEN,
 * transit router or gateway) and the network an attachment joins to it, a peering between two
 * VPCs, a grant of a network to another account's CEN, a VPN's tunnels to its customer gateways
 * and a customer gateway's site, a leased line's access point.
 *
 * Attachments and peerings carry data both ways, so they are two edges. Where a field of the row
 * places the far end (the attached network's region, the peer's region, the gateway's address),
 * the link is tagged with that field's verdict (`fieldTag`): a crossing the owning policy already
 * reports from the resource alone is its finding, not `no-path-out-of-jurisdiction`'s.
 */
import { cloudOf } from "../../../residency/placement";
import { endpointOf, link } from "./common";
import { isPlace, isUnknown } from "../model";
import { notOwnAccount, ownAccounts } from "../accounts";
import { reachOfAddress } from "../addresses";
import { type FieldTag, fieldTag } from "../fields";
import type {
  BorderResource,
  EdgeLabel,
  Endpoint,
  FieldSpec,
  FlowEdge,
  Place,
  PolicyName,
  Role,
  TaggedEdge,
  TypeModel,
} from "../model";
import { locate } from "../places";
import type { Resolver } from "../resolver";
import { valuesAt } from "../values";

/** The VPC types (the network domain's; the egress gates, gates.ts, read them from here). */
export const vpcTypes = ["alicloud:vpc/network:Network", "aws:ec2/vpc:Vpc"];
export const cenTypes = ["alicloud:cen/instance:Instance"];
export const trTypes = ["alicloud:cen/transitRouter:TransitRouter"];
export const tgwTypes = ["aws:ec2transitgateway/transitGateway:TransitGateway"];
export const cgwTypes = [
  "alicloud:vpn/customerGateway:CustomerGateway",
  "aws:ec2/customerGateway:CustomerGateway",
];
export const vpnGatewayTypes = ["alicloud:vpn/gateway:Gateway", "aws:ec2/vpnGateway:VpnGateway"];
export const physicalConnectionType =
  "alicloud:expressconnect/physicalConnection:PhysicalConnection";

/** The tag of the row's field at a path, for the link that field places. */
export type TagOf = (path: string) => FieldTag;

/** `edges` as a row writes them: with the tags of its own fields at hand. */
type LinkEdges = (r: BorderResource, x: Resolver, tagOf: TagOf) => (FlowEdge | TaggedEdge)[];

/** A row whose code draws links and tags them with its fields' verdicts. */
export function linkRow(spec: {
  readonly role: Role;
  readonly fields?: readonly FieldSpec[];
  readonly edges?: LinkEdges;
  readonly fix: string | Partial<Record<PolicyName, string>>;
}): TypeModel {
  const { edges, ...rest } = spec;
  const model: TypeModel = {
    ...rest,
    ...(edges ? { edges: (r, x) => edges(r, x, (path) => fieldTag(model, path, r, x)) } : {}),
  };
  return model;
}

/** A link its fields alone describe: each value they name is a far end of the graph. */
export function fieldsRow(fix: TypeModel["fix"], ...fields: FieldSpec[]): TypeModel {
  return { role: "other", fields, fix };
}

/** The field's link is drawn by the row's code (`FieldSpec.drawnByRow`). */
export const drawn = { drawnByRow: true } as const;

/** The edges, each carrying the tag. */
export function tagged(edges: readonly FlowEdge[], tag: FieldTag | undefined): FlowEdge[] {
  return tag ? edges.map((e): TaggedEdge => ({ ...e, ...tag })) : [...edges];
}

/** The region a resource's cloud names in `field`, defaulting to the resource's own. */
function regionOr(r: BorderResource, x: Resolver, field: string): Place | undefined {
  const v = r.props[field];
  if (v === undefined || v === "") {
    const own = x.regionOf(r);
    return own ? x.regionPlace(own.cloud, own.region) : undefined;
  }
  return x.regionValue(r, v, field);
}

/**
 * The network of another account at a link's far end (`accounts`, the fields
 * `cross-account-links` judges): an edge from `from` to that account's network where the far end
 * lies. The account says who holds the network, not where: the far region alone decides whether
 * the link leaves the jurisdiction (`network-links`), so the account's network lies on that
 * region's side — inside when the region is inside, outside or unplaceable with it. The stack's
 * own account (its provider's `allowedAccountIds` / `accountId`) draws no edge.
 */
function peerAccountEdges(
  x: Resolver,
  r: BorderResource,
  from: Endpoint,
  far: Place,
  label: EdgeLabel,
  accounts: readonly string[],
): FlowEdge[] {
  const cloud = cloudOf(r.type);
  const own = ownAccounts(r.provider ? x.get(r.provider) : undefined, x.declaredAccounts);
  return accounts.flatMap((field) => {
    const v = r.props[field];
    if (!cloud || v === undefined || v === null || v === "" || own.includes(String(v))) {
      return [];
    }
    const account = isUnknown(v) ? "not known until deployed" : String(v);
    const detail = isUnknown(v) ? `${field} not known until deployed` : notOwnAccount(own);
    return link(from, x.peerAccountPlace(cloud, account, far), label, { via: r, detail });
  });
}

/**
 * Edges between a hub (CEN, transit router or gateway) and what an attachment joins to it: the
 * member when the program holds it, else the region `memberRegion` names (with the member's
 * account, when another one holds it). Both are tagged with `memberRegion`'s verdict.
 */
export function attach(spec: {
  hub: string;
  hubTypes: readonly string[];
  member: string;
  memberTypes?: readonly string[];
  memberRegion?: string;
  accounts?: readonly string[];
  label: "cen attachment" | "attachment" | "peer attachment";
}): LinkEdges {
  return (r, x, tagOf) => {
    const hub = endpointOf(x, r, x.ref(r, spec.hub, spec.hubTypes), spec.hub);
    const memberRef = x.ref(r, spec.member, spec.memberTypes);
    const member =
      memberRef.kind === "resource"
        ? memberRef.resource
        : memberRef.kind === "none" && spec.memberRegion === undefined
          ? undefined
          : spec.memberRegion !== undefined && r.props[spec.memberRegion] !== undefined
            ? x.regionValue(r, r.props[spec.memberRegion], spec.memberRegion)
            : endpointOf(x, r, memberRef, spec.member);
    if (!hub || !member) {
      return [];
    }
    const tag = spec.memberRegion === undefined ? undefined : tagOf(spec.memberRegion);
    return tagged(
      [
        ...link(hub, member, spec.label, { via: r, both: true }),
        ...(isPlace(member)
          ? peerAccountEdges(x, r, hub, member, spec.label, spec.accounts ?? [])
          : []),
      ],
      tag,
    );
  };
}

/**
 * A peering of the VPC at `vpc`: with the peer VPC when the program holds it (placed by its own
 * provider), else with the region `region` names (the resource's own when unset) and the peer's
 * account. Tagged with `region`'s verdict.
 */
export function peering(spec: {
  vpc: string;
  peer: string;
  region: string;
  accounts: readonly string[];
}): LinkEdges {
  return (r, x, tagOf) => {
    const vpc = x.resourceAt(r, spec.vpc, vpcTypes);
    if (!vpc) {
      return [];
    }
    const tag = tagOf(spec.region);
    const peerRef = x.ref(r, spec.peer, vpcTypes);
    if (peerRef.kind === "resource") {
      return tagged(link(vpc, peerRef.resource, "peering", { via: r, both: true }), tag);
    }
    const where = regionOr(r, x, spec.region);
    return where
      ? tagged(
          [
            ...link(vpc, where, "peering", { via: r }),
            ...peerAccountEdges(x, r, vpc, where, "peering", spec.accounts),
          ],
          tag,
        )
      : [];
  };
}

/**
 * A grant lets another account's CEN attach the network at `memberField`: the far end is that
 * account, tagged with the verdict on `cenOwnerId`.
 */
export function grant(memberField: string): LinkEdges {
  return (r, x, tagOf) => {
    const member = x.resourceAt(r, memberField);
    const owner = r.props.cenOwnerId;
    if (!member || owner === undefined) {
      return [];
    }
    return tagged(
      link(
        member,
        x.accountPlace("alicloud", String(isUnknown(owner) ? "not known until deployed" : owner)),
        "cen attachment",
        { via: r, detail: "granted to another account's CEN" },
      ),
      tagOf("cenOwnerId"),
    );
  };
}

/** CEN bandwidth limits forward the CEN's traffic to each region they name. */
export const bandwidthLimit: LinkEdges = (r, x, tagOf) => {
  const cen = x.resourceAt(r, "instanceId", cenTypes);
  return cen
    ? tagged(
        valuesAt(r.props, "regionIds[]").flatMap(({ value: v }) =>
          link(cen, x.regionValue(r, v, "regionIds"), "cen attachment", {
            via: r,
            detail: "bandwidth limit",
          }),
        ),
        tagOf("regionIds[]"),
      )
    : [];
};

/**
 * A customer gateway's far end: the allowlisted site; a private address, whose site sits behind a
 * line this stack does not show, cannot be placed; a public one is reached over the internet.
 */
export const customerGateway: LinkEdges = (r, x, tagOf) => {
  const ip = r.props.ipAddress;
  const reach = reachOfAddress(ip, x.allowlist);
  const detail = typeof ip === "string" ? ip : "an address not known until deployed";
  const far =
    reach.kind === "allowlisted"
      ? x.allowlistedPlace(reach.entry)
      : reach.kind === "private"
        ? x.unknownPlace(
            `private address ${detail} of ${x.label(r)} is reached over a link this stack does not show`,
          )
        : x.internet;
  return tagged(link(r, far, "public address", { detail }), tagOf("ipAddress"));
};

/** A leased line lands at its access point, whose region the access point's ID names. */
export const accessPoint: LinkEdges = (r, x, tagOf) => {
  const ap = r.props.accessPointId;
  const at =
    typeof ap === "string"
      ? x.locatedPlace(locate(x.jurisdiction, "access-point", ap, "alicloud"))
      : x.unknownPlace(
          `accessPointId of ${x.label(r)} is ${isUnknown(ap) ? "not known until deployed" : "not set"}`,
        );
  return at
    ? tagged(
        link(r, at, "attachment", {
          detail: typeof ap === "string" ? `access point ${ap}` : undefined,
        }),
        tagOf("accessPointId"),
      )
    : [];
};

/**
 * `gateway → ipsec connection → customer gateway` for every customer gateway a VPN names; the
 * customer gateway's own row places its site.
 */
export function tunnels(r: BorderResource, x: Resolver, gateway: BorderResource): FlowEdge[] {
  const refs = [
    ...x.refs(r, "customerGatewayId", cgwTypes),
    ...x.refs(r, "tunnelOptionsSpecifications[].customerGatewayId", cgwTypes),
  ];
  const seen = new Set<string>();
  return refs.flatMap((ref) => {
    const to = endpointOf(x, r, ref, "customer gateway");
    const key = to ? ("urn" in to ? to.urn : to.key) : "";
    if (!to || seen.has(key)) {
      return [];
    }
    seen.add(key);
    return link(gateway, to, "ipsec connection", { via: gateway === r ? undefined : r });
  });
}

/** `vpc ↔ attachment ↔ r` for a gateway in the VPC at `vpcId`. */
export const inVpc: LinkEdges = (r, x) => {
  const vpc = x.resourceAt(r, "vpcId", vpcTypes);
  return vpc ? link(vpc, r, "attachment", { both: true }) : [];
};
