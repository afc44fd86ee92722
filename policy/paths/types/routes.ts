/**
 * The edges of networks, subnets, routes, NAT and internet gateways, elastic IPs and instances
 * (shared/research/data-paths.md §3 and §4, "NAT / internet egress", "EIP / public IP",
 * "Internet gateway", "Route tables"): the rows of the network and egress tables that need the
 * rest of the stack to draw them.
 *
 * Subnets carry data both ways, so they are two edges; routes, NAT and public addresses carry it
 * out. Routes to public destinations leave from the VPC's internet-bound junction, which only
 * the egress gates (gates.ts) lead into. Each edge a row draws for one of its
 * internet fields is tagged with that field's verdict: a way out internet-egress reports from the
 * resource alone (the EIP, the NAT gateway, the default route) is its finding, so a path that
 * crosses the border there is not `no-path-out-of-jurisdiction`'s too. Subnets, attachments and
 * the VPC's gates stay untagged: they are the structure the paths run through.
 */
import { endpointOf, link, str } from "./common";
import { boundEips, eipTypes } from "./eips";
import { gated, gateEdges, instanceAdmission, subnetTypes, vpcTypes } from "./gates";
import { isUnknown } from "../model";
import { isPrivateCidr } from "../addresses";
import { compileField, type FieldTag, fieldTag } from "../fields";
import type { BorderResource, FlowEdge, TaggedEdge, TypeModel } from "../model";
import type { Ref, Resolver } from "../resolver";
import { valueAt, valuesAt } from "../values";
import { tagged, tgwTypes } from "./links";

/**
 * The tag of the row's field at `path` for the value at `at` (a concrete path such as
 * `routes[1].cidrBlock`; the field's own path for a top-level value): the field's policy and that
 * value's verdict — "report" when the owner reports it from the resource alone.
 */
export type TagAt = (path: string, at?: string) => FieldTag;

/** `edges` as a row of this file writes them: with its fields' tags at hand. */
export type RowEdges = (r: BorderResource, x: Resolver, tag: TagAt) => (FlowEdge | TaggedEdge)[];

function tagAt(
  model: TypeModel,
  path: string,
  at: string,
  r: BorderResource,
  x: Resolver,
): FieldTag {
  const whole = fieldTag(model, path, r, x);
  if (at === path) {
    return whole;
  }
  const field = model.fields?.find((f) => f.path === path);
  const kinds = field
    ? compileField(model, field, r, x)
        .filter((c) => c.path === at)
        .map((c) => c.outcome.kind)
    : [];
  const local = kinds.some((k) => k !== "inside" && k !== "stack")
    ? "report"
    : kinds.includes("stack")
      ? "stack"
      : "inside";
  return { ...whole, local, at: { path: at, verb: whole.at?.verb ?? "" } };
}

/**
 * `model` with the edges of its fields drawn by `edges`, which see the rest of the stack and tag
 * each edge with the field that opens it; the fields themselves draw none (`drawnByRow`).
 */
export function drawnBy(model: TypeModel, edges: RowEdges): TypeModel {
  const out: TypeModel = {
    ...model,
    fields: model.fields?.map((f) => ({ ...f, drawnByRow: true as const })),
    edges: (r, x) => edges(r, x, (path, at) => tagAt(out, path, at ?? path, r, x)),
  };
  return out;
}

/** Of several tags of one edge, the first whose policy reports it, else the first. */
export function reporting(...tags: FieldTag[]): FieldTag {
  return tags.find((t) => t.local === "report") ?? tags[0];
}

const natTypes = ["alicloud:vpc/natGateway:NatGateway", "aws:ec2/natGateway:NatGateway"];
const internetExitTypes = [
  ...natTypes,
  "alicloud:vpc/ipv4Gateway:Ipv4Gateway",
  "alicloud:vpc/ipv6Gateway:Ipv6Gateway",
  "aws:ec2/internetGateway:InternetGateway",
  "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
];

/** The VPC a resource sits in, through its `vpcId` or its subnet's. */
function vpcOf(r: BorderResource, x: Resolver): BorderResource | undefined {
  if (vpcTypes.includes(r.type)) {
    return r;
  }
  const direct = x.resourceAt(r, "vpcId", vpcTypes);
  if (direct) {
    return direct;
  }
  for (const field of ["vswitchId", "subnetId"]) {
    const subnet = x.resourceAt(r, field, subnetTypes);
    if (subnet) {
      return x.resourceAt(subnet, "vpcId", vpcTypes);
    }
  }
  return undefined;
}

/**
 * A route: from its VPC (or the VPC's internet-bound junction for public destinations) to its
 * next hops. The route table names the VPC; when it cannot be resolved (the system table's ID is
 * only known after deploy) the next hop's VPC is the route's, since routes cannot leave their VPC.
 */
function routeEdges(
  r: BorderResource,
  x: Resolver,
  spec: { table: string; destination: unknown; hops: ReadonlyArray<{ field: string; ref: Ref }> },
): FlowEdge[] {
  if (spec.hops.length === 0) {
    return [];
  }
  const table = x.resourceAt(r, spec.table);
  let vpc = table
    ? vpcTypes.includes(table.type)
      ? table
      : x.resourceAt(table, "vpcId", vpcTypes)
    : undefined;
  for (const h of spec.hops) {
    if (!vpc && h.ref.kind === "resource") {
      vpc = vpcOf(h.ref.resource, x);
    }
  }
  if (!vpc) {
    return [];
  }
  const toPrivate = isPrivateCidr(spec.destination);
  const from = toPrivate ? vpc : x.internetBound(vpc);
  const dest =
    typeof spec.destination === "string"
      ? spec.destination
      : "a destination not known until deployed";
  return spec.hops.flatMap((h) => {
    // Internet gateways and NAT do not carry private destinations onto the internet; what a
    // private route reaches through them is nothing the internet routes.
    if (toPrivate && h.ref.kind === "resource" && internetExitTypes.includes(h.ref.resource.type)) {
      return [];
    }
    const to = endpointOf(x, r, h.ref, `next hop ${h.field}`);
    return to ? link(from, to, "route", { via: r, detail: dest }) : [];
  });
}

/** The next hops a top-level route names. */
function hopsOf(
  r: BorderResource,
  x: Resolver,
  targets: Readonly<Record<string, readonly string[] | undefined>>,
) {
  return Object.entries(targets)
    .filter(([field]) => r.props[field] !== undefined && r.props[field] !== "")
    .map(([field, types]) => ({ field, ref: x.ref(r, field, types) }));
}

/** `EIP → public address → the public internet`. */
function publicAddress(r: BorderResource, x: Resolver, detail?: string): FlowEdge[] {
  const ip = str(r.props.ipAddress) ?? str(r.props.publicIp);
  return link(r, x.internet, "public address", { detail: detail ?? ip });
}

/** `owner → eip association → EIP` for the EIPs bound to `owner`; the internet if none is. */
function eipEdges(owner: BorderResource, x: Resolver, field: string): FlowEdge[] {
  const bound = boundEips(owner, x, field);
  return bound.length > 0
    ? bound
    : link(owner, x.internet, "public address", {
        detail: "no EIP of this stack is bound; one bound outside it gives internet access",
      });
}

/** The next-hop fields of an AWS route and the types each may name. */
const awsRouteTargets: Readonly<Record<string, readonly string[] | undefined>> = {
  gatewayId: ["aws:ec2/internetGateway:InternetGateway", "aws:ec2/vpnGateway:VpnGateway"],
  natGatewayId: natTypes,
  transitGatewayId: tgwTypes,
  vpcPeeringConnectionId: ["aws:ec2/vpcPeeringConnection:VpcPeeringConnection"],
  networkInterfaceId: ["aws:ec2/networkInterface:NetworkInterface"],
  egressOnlyGatewayId: ["aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway"],
  vpcEndpointId: ["aws:ec2/vpcEndpoint:VpcEndpoint"],
  carrierGatewayId: ["aws:ec2/carrierGateway:CarrierGateway"],
  localGatewayId: undefined,
  coreNetworkArn: undefined,
};

/** A VPC: the gates of its internet-bound traffic and its region's networks leading into it. */
export const vpcEdges: RowEdges = (r, x) => {
  const edges: FlowEdge[] = [...gateEdges(r, x)];
  const here = x.regionOf(r);
  if (here) {
    edges.push(...link(x.regionHub(here.cloud, here.region), r, "in region"));
  }
  return edges;
};

/** A subnet (vSwitch) carries its VPC's data both ways. */
export const subnetEdges: RowEdges = (r, x) => {
  const vpc = x.resourceAt(r, "vpcId", vpcTypes);
  return vpc ? link(vpc, r, "subnet", { both: true }) : [];
};

/** An Alibaba route entry (`vpc/routeEntry`, `vpc/vPCRouteEntry`), tagged by `tag`. */
export function alicloudRoute(destination: string, tag: (t: TagAt) => FieldTag): RowEdges {
  return (r, x, tagOf) =>
    tagged(
      routeEdges(r, x, {
        table: "routeTableId",
        destination: r.props[destination],
        hops: hopsOf(r, x, { nexthopId: undefined }),
      }),
      tag(tagOf),
    );
}

/** An AWS route: the IPv4 destination, else the IPv6 one, names where it leads. */
export const awsRoute: RowEdges = (r, x, tagOf) => {
  const path =
    r.props.destinationCidrBlock !== undefined && r.props.destinationCidrBlock !== null
      ? "destinationCidrBlock"
      : "destinationIpv6CidrBlock";
  return tagged(
    routeEdges(r, x, {
      table: "routeTableId",
      destination: r.props[path],
      hops: hopsOf(r, x, awsRouteTargets),
    }),
    tagOf(path),
  );
};

/**
 * Inline routes of an AWS route table; the table names its VPC. Their next hops are IDs inside a
 * list, so each target field is resolved over all routes at once (which pairs unmatched IDs with
 * the table's dependencies of that type) and handed back to the routes that set it, in order.
 * Each route's edges carry the verdict on its own destination.
 */
export function inlineRoutes(tableField: string): RowEdges {
  return (r, x, tagOf) => {
    const queues = new Map(
      Object.entries(awsRouteTargets).map(([field, types]) => [
        field,
        x.refs(r, `routes[].${field}`, types),
      ]),
    );
    return valuesAt(r.props, "routes[]").flatMap(({ path, value: route }) => {
      const props = route as Record<string, unknown>;
      const hops = Object.keys(awsRouteTargets)
        .filter(
          (field) => props[field] !== undefined && props[field] !== null && props[field] !== "",
        )
        .flatMap((field) => {
          const ref = queues.get(field)?.shift();
          return ref ? [{ field, ref }] : [];
        });
      const v4 = valueAt(props, "cidrBlock");
      const leaf = v4 !== undefined && v4 !== null ? "cidrBlock" : "ipv6CidrBlock";
      return tagged(
        routeEdges(r, x, {
          table: tableField,
          destination: v4 ?? valueAt(props, "ipv6CidrBlock"),
          hops,
        }),
        tagOf(`routes[].${leaf}`, `${path}.${leaf}`),
      );
    });
  };
}

/** An alicloud NAT gateway: its own default route when it adds one, and its EIPs. */
export const alicloudNat: RowEdges = (r, x, tagOf) => {
  if (r.props.networkType === "intranet") {
    return [];
  }
  const edges: FlowEdge[] = [];
  const vpc = x.resourceAt(r, "vpcId", vpcTypes);
  const routed =
    x.referrers(r, "alicloud:vpc/routeEntry:RouteEntry", "nexthopId").length > 0 ||
    x.referrers(r, "alicloud:vpc/vPCRouteEntry:VPCRouteEntry", "nexthopId").length > 0;
  // An enhanced internet NAT gateway adds its own 0.0.0.0/0 route to the VPC (SDK note).
  if (vpc && !routed && r.props.natType !== "Normal") {
    edges.push(
      ...link(x.internetBound(vpc), r, "route", {
        detail: "0.0.0.0/0, added with the NAT gateway",
      }),
    );
  }
  edges.push(...eipEdges(r, x, "instanceId"));
  return tagged(edges, tagOf("networkType"));
};

/** An AWS NAT gateway: its EIP, named on it or bound by an association; the internet if none. */
export const awsNat: RowEdges = (r, x, tagOf) => {
  if (r.props.connectivityType === "private") {
    return [];
  }
  const eip = x.ref(r, "allocationId", eipTypes);
  if (eip.kind === "none") {
    return tagged(eipEdges(r, x, "natGatewayId"), tagOf("connectivityType"));
  }
  const to = endpointOf(x, r, eip, "allocationId");
  return to ? tagged(link(r, to, "eip association"), tagOf("connectivityType")) : [];
};

/** An AWS EIP: from the instance or interface it names, and its public address. */
export const awsEip: RowEdges = (r, x, tagOf) => {
  const owner = x.resourceAt(r, "instance") ?? x.resourceAt(r, "networkInterface");
  return tagged(
    [...(owner ? link(owner, r, "eip association") : []), ...publicAddress(r, x)],
    tagOf("domain"),
  );
};

/**
 * An association resource's edge from what it binds (the first of `owners` it names, of
 * `ownerTypes` where given) to the EIP its allocationId names, through itself. A NAT gateway
 * draws its own.
 */
function associationEdges(
  owners: readonly string[],
  ownerTypes: readonly string[] | undefined,
  eips: readonly string[],
): RowEdges {
  return (r, x, tagOf) => {
    let owner: BorderResource | undefined;
    for (const path of owners) {
      owner ??= x.resourceAt(r, path, ownerTypes);
    }
    const eip = x.resourceAt(r, "allocationId", eips);
    return owner && eip && !natTypes.includes(owner.type)
      ? tagged(link(owner, eip, "eip association", { via: r }), tagOf("allocationId"))
      : [];
  };
}

/** An AWS EIP association: from its instance or interface to the EIP. */
export const awsEipAssociation = associationEdges(
  ["instanceId", "networkInterfaceId"],
  undefined,
  eipTypes,
);

/** An edge node's EIP attachment: from the edge instance it binds to its EIP. */
export const ensEipAttachment = associationEdges(
  ["instanceId"],
  ["alicloud:ens/instance:Instance"],
  ["alicloud:ens/eip:Eip"],
);

/** A gateway or address that is a public address itself, tagged with the field at `path`. */
export function publicAddressOf(path: string, detail?: string): RowEdges {
  return (r, x, tagOf) => tagged(publicAddress(r, x, detail), tagOf(path));
}

/** An Alibaba IPv4 gateway, unless it is disabled. */
export const ipv4Gateway: RowEdges = (r, x, tagOf) =>
  r.props.enabled === false ? [] : tagged(publicAddress(r, x, "IPv4 gateway"), tagOf("enabled"));

/** An Alibaba IPv6 gateway: IPv6 addresses it opens reach the internet. */
export const ipv6Gateway: RowEdges = (r, x) => publicAddress(r, x, "IPv6 gateway");

/**
 * An ECS instance: in its vSwitch, and with a public IP (bandwidth above 0) a way out, gated by
 * its security groups (Rule G): the search passes it only when one lets it send to the internet.
 */
export const alicloudInstance: RowEdges = (r, x, tagOf) => {
  // An EIP bound to the instance is its public address too: its traffic leaves through it.
  const edges: FlowEdge[] = [...inVswitch(r, x), ...admittedEips(r, x, "securityGroups[]")];
  const bandwidth = Number(r.props.internetMaxBandwidthOut ?? 0);
  if (bandwidth > 0 || isUnknown(r.props.internetMaxBandwidthOut)) {
    const a = instanceAdmission(r, x, "securityGroups[]");
    const detail = `internetMaxBandwidthOut ${bandwidth}; ${a?.detail ?? "its security groups admit no internet-bound traffic"}`;
    edges.push(
      ...gated(
        tagged(link(r, x.internet, "public address", { detail }), tagOf("internetMaxBandwidthOut")),
        { kind: "instance-admission", open: a !== undefined },
      ),
    );
  }
  return edges;
};

/**
 * An Alibaba Cloud elastic network interface: an address in its vSwitch. An EIP bound to it (an
 * association of `instanceType` NetworkInterface) is its public address, gated by its security
 * groups as an instance's is, so the association and the EIP are one way out from the interface.
 */
export const alicloudNetworkInterface: RowEdges = (r, x) => {
  const ids = valuesAt(r.props, "securityGroupIds[]").length > 0;
  return [
    ...inVswitch(r, x),
    ...admittedEips(r, x, ids ? "securityGroupIds[]" : "securityGroups[]"),
  ];
};

/**
 * An Alibaba Cloud high-availability virtual IP: an address in its vSwitch that the instances it
 * is attached to take over from one another. An EIP bound to it (`instanceType` HaVip) is its
 * public address: the association and the EIP are one way out from it.
 */
export const alicloudHaVip: RowEdges = (r, x) => [
  ...inVswitch(r, x),
  ...boundEips(r, x, "instanceId"),
];

/** An Alibaba Cloud resource in the vSwitch its `vswitchId` names, both ways. */
function inVswitch(r: BorderResource, x: Resolver): FlowEdge[] {
  const subnet = x.resourceAt(r, "vswitchId", subnetTypes);
  return subnet ? link(subnet, r, "attachment", { both: true }) : [];
}

/**
 * The EIPs bound to `r` (`instanceId`), gated by the security groups at `groupsPath`: the search
 * passes them only when one lets it send to the internet.
 */
function admittedEips(
  r: BorderResource,
  x: Resolver,
  groupsPath: string,
): (FlowEdge | TaggedEdge)[] {
  const eips = boundEips(r, x, "instanceId");
  if (eips.length === 0) {
    return [];
  }
  const a = instanceAdmission(r, x, groupsPath);
  return gated(eips, { kind: "instance-admission", open: a !== undefined });
}

/**
 * An EC2 instance in its subnet. Its public IP adds no way out the graph lacks: the instance
 * leaves through its VPC's gates and routes to an internet gateway, which the graph draws. An
 * instance placed in no subnet, interface or template lands in the default VPC, whose internet
 * gateway the program never declares: its way out is its own, gated by its security groups (the
 * VPC's default group, when it names none, lets everything out).
 */
export const awsInstance: RowEdges = (r, x, tagOf) => {
  const subnet = x.resourceAt(r, "subnetId", subnetTypes);
  if (subnet) {
    return link(subnet, r, "attachment", { both: true });
  }
  const tag = tagOf("subnetId");
  if (tag.local !== "report") {
    return [];
  }
  const ids = valuesAt(r.props, "vpcSecurityGroupIds[]").length > 0;
  const a = instanceAdmission(r, x, ids ? "vpcSecurityGroupIds[]" : "securityGroups[]");
  const detail = `the default VPC; ${a?.detail ?? "its security groups admit no internet-bound traffic"}`;
  return gated(tagged(link(r, x.internet, "public address", { detail }), tag), {
    kind: "instance-admission",
    open: a !== undefined,
  });
};

/** No edge of its own: the row whose resource names this one draws it (an EIP association). */
export const drawnByOwner: RowEdges = () => [];
