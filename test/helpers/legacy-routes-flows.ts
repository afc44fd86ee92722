/**
 * The border analysis's flow models of networks, subnets, routes, NAT and internet gateways,
 * elastic IPs and instances (policy/border/flows/network.ts) as they were before they moved to the
 * network and egress tables of the one model (policy/paths/types/network.ts, egress.ts), kept
 * verbatim as the oracle of test/paths/differential.test.ts: the graph the tables draw is
 * compared edge by edge with the graph these drew, and every difference is listed there.
 */
import type { BorderResource, FlowEdge } from "../../policy/paths/model";
import { isUnknown } from "../../policy/paths/model";
import type { Ref, Resolver } from "../../policy/paths/resolver";
import { isPrivateCidr } from "../../policy/paths/addresses";
import { tgwTypes } from "../../policy/paths/types/links";
import { valueAt, valuesAt } from "../../policy/paths/values";
import { endpointOf, type FlowTable, link, str } from "../../policy/paths/types/common";
import { gateEdges, instanceAdmission, subnetTypes, vpcTypes } from "./legacy-gates-flows";

const natTypes = ["alicloud:vpc/natGateway:NatGateway", "aws:ec2/natGateway:NatGateway"];
const eipTypes = ["alicloud:ecs/eipAddress:EipAddress", "alicloud:ecs/eip:Eip", "aws:ec2/eip:Eip"];
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

const alicloud: FlowTable = {
  "alicloud:vpc/network:Network": {
    role: "network",
    flows: (r, x) => {
      const edges = gateEdges(r, x);
      const here = x.regionOf(r);
      if (here) {
        edges.push(...link(x.regionHub(here.cloud, here.region), r, "in region"));
      }
      return edges;
    },
  },
  "alicloud:vpc/switch:Switch": {
    role: "network",
    flows: (r, x) => {
      const vpc = x.resourceAt(r, "vpcId", vpcTypes);
      return vpc ? link(vpc, r, "subnet", { both: true }) : [];
    },
  },
  "alicloud:vpc/routeEntry:RouteEntry": {
    role: "control",
    flows: (r, x) =>
      routeEdges(r, x, {
        table: "routeTableId",
        destination: r.props.destinationCidrblock,
        hops: hopsOf(r, x, { nexthopId: undefined }),
      }),
  },
  "alicloud:vpc/vPCRouteEntry:VPCRouteEntry": {
    role: "control",
    flows: (r, x) =>
      routeEdges(r, x, {
        table: "routeTableId",
        destination: r.props.destinationCidrBlock,
        hops: hopsOf(r, x, { nexthopId: undefined }),
      }),
  },
  "alicloud:vpc/natGateway:NatGateway": {
    role: "gateway",
    flows: (r, x) => {
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
      return edges;
    },
  },
  "alicloud:ecs/eipAddress:EipAddress": { role: "gateway", flows: (r, x) => publicAddress(r, x) },
  "alicloud:ecs/eip:Eip": { role: "gateway", flows: (r, x) => publicAddress(r, x) },
  "alicloud:vpc/ipv4Gateway:Ipv4Gateway": {
    role: "gateway",
    flows: (r, x) => (r.props.enabled === false ? [] : publicAddress(r, x, "IPv4 gateway")),
  },
  "alicloud:vpc/ipv6Gateway:Ipv6Gateway": {
    role: "gateway",
    flows: (r, x) => publicAddress(r, x, "IPv6 gateway"),
  },
  "alicloud:ecs/instance:Instance": {
    role: "workload",
    flows: (r, x) => {
      const edges: FlowEdge[] = [];
      const subnet = x.resourceAt(r, "vswitchId", subnetTypes);
      if (subnet) {
        edges.push(...link(subnet, r, "attachment", { both: true }));
      }
      const bandwidth = Number(r.props.internetMaxBandwidthOut ?? 0);
      if (bandwidth > 0 || isUnknown(r.props.internetMaxBandwidthOut)) {
        const a = instanceAdmission(r, x, "securityGroups[]");
        if (a) {
          edges.push(
            ...link(r, x.internet, "public address", {
              detail: `internetMaxBandwidthOut ${bandwidth}; ${a.detail}`,
            }),
          );
        }
      }
      return edges;
    },
  },
};

/** `owner → eip association → EIP` for the EIPs bound to `owner`; the internet if none is. */
function eipEdges(owner: BorderResource, x: Resolver, field: string): FlowEdge[] {
  const associations = [
    ...x.referrers(owner, "alicloud:ecs/eipAssociation:EipAssociation", field),
    ...x.referrers(owner, "aws:ec2/eipAssociation:EipAssociation", field),
  ];
  if (associations.length === 0) {
    return link(owner, x.internet, "public address", {
      detail: "no EIP of this stack is bound; one bound outside it gives internet access",
    });
  }
  return associations.flatMap((a) => {
    const eip = endpointOf(x, a, x.ref(a, "allocationId", eipTypes), "allocationId");
    return eip ? link(owner, eip, "eip association", { via: a }) : [];
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

const aws: FlowTable = {
  "aws:ec2/vpc:Vpc": alicloud["alicloud:vpc/network:Network"],
  "aws:ec2/subnet:Subnet": alicloud["alicloud:vpc/switch:Switch"],
  "aws:ec2/route:Route": {
    role: "control",
    flows: (r, x) =>
      routeEdges(r, x, {
        table: "routeTableId",
        destination: r.props.destinationCidrBlock ?? r.props.destinationIpv6CidrBlock,
        hops: hopsOf(r, x, awsRouteTargets),
      }),
  },
  "aws:ec2/routeTable:RouteTable": {
    role: "control",
    flows: (r, x) => inlineRoutes(r, x, "vpcId"),
  },
  "aws:ec2/defaultRouteTable:DefaultRouteTable": {
    role: "control",
    flows: (r, x) => inlineRoutes(r, x, "defaultRouteTableId"),
  },
  "aws:ec2/natGateway:NatGateway": {
    role: "gateway",
    flows: (r, x) => {
      if (r.props.connectivityType === "private") {
        return [];
      }
      const eip = x.ref(r, "allocationId", eipTypes);
      if (eip.kind === "none") {
        return eipEdges(r, x, "natGatewayId");
      }
      const to = endpointOf(x, r, eip, "allocationId");
      return to ? link(r, to, "eip association") : [];
    },
  },
  "aws:ec2/eip:Eip": {
    role: "gateway",
    flows: (r, x) => {
      const owner = x.resourceAt(r, "instance") ?? x.resourceAt(r, "networkInterface");
      return [...(owner ? link(owner, r, "eip association") : []), ...publicAddress(r, x)];
    },
  },
  "aws:ec2/eipAssociation:EipAssociation": {
    role: "gateway",
    flows: (r, x) => {
      const owner = x.resourceAt(r, "instanceId") ?? x.resourceAt(r, "networkInterfaceId");
      const eip = x.resourceAt(r, "allocationId", eipTypes);
      return owner && eip && !natTypes.includes(owner.type)
        ? link(owner, eip, "eip association", { via: r })
        : [];
    },
  },
  "aws:ec2/internetGateway:InternetGateway": {
    role: "gateway",
    flows: (r, x) => publicAddress(r, x, "internet gateway"),
  },
  "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway": {
    role: "gateway",
    flows: (r, x) => publicAddress(r, x, "egress-only internet gateway"),
  },
  "aws:ec2/instance:Instance": {
    role: "workload",
    flows: (r, x) => {
      const subnet = x.resourceAt(r, "subnetId", subnetTypes);
      return subnet ? link(subnet, r, "attachment", { both: true }) : [];
    },
  },
};

/**
 * Inline routes of an AWS route table; the table names its VPC. Their next hops are IDs inside a
 * list, so each target field is resolved over all routes at once (which pairs unmatched IDs with
 * the table's dependencies of that type) and handed back to the routes that set it, in order.
 */
function inlineRoutes(r: BorderResource, x: Resolver, tableField: string): FlowEdge[] {
  const queues = new Map(
    Object.entries(awsRouteTargets).map(([field, types]) => [
      field,
      x.refs(r, `routes[].${field}`, types),
    ]),
  );
  return valuesAt(r.props, "routes[]").flatMap(({ value: route }) => {
    const props = route as Record<string, unknown>;
    const hops = Object.keys(awsRouteTargets)
      .filter((field) => props[field] !== undefined && props[field] !== null && props[field] !== "")
      .flatMap((field) => {
        const ref = queues.get(field)?.shift();
        return ref ? [{ field, ref }] : [];
      });
    return routeEdges(r, x, {
      table: tableField,
      destination: valueAt(props, "cidrBlock") ?? valueAt(props, "ipv6CidrBlock"),
      hops,
    });
  });
}

export const legacyRouteFlows: FlowTable = { ...alicloud, ...aws };
