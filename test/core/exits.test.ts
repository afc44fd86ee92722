/**
 * internet-egress over the stack (policy/paths/exits.ts) in the test process: which exits the
 * graph links into one way out, the order of a chain, the node it takes traffic from, and the
 * finding each way out makes — exact messages and whole paths, each chain with its twin of
 * unlinked exits.
 */
import type { Finding } from "../../policy/framework";
import { exitFindings } from "../../policy/paths/exits";
import { byType } from "../../policy/paths/types";
import { getJurisdiction } from "../../residency/jurisdictions";
import {
  on,
  oracleBorderResources,
  type OracleResource,
  policyResources,
} from "../helpers/model-oracle";

const ctx = {
  jurisdiction: getJurisdiction("CN"),
  settings: { egressAllowlist: [], waivers: [], clusters: [] },
} as unknown as Parameters<typeof exitFindings>[2];

const sh = on("sh");
const provider: OracleResource = {
  type: "pulumi:providers:alicloud",
  name: "sh",
  props: { region: "cn-shanghai" },
};
const vpc = sh("alicloud:vpc/network:Network", "core", { cidrBlock: "10.10.0.0/16" });
const nat = sh(
  "alicloud:vpc/natGateway:NatGateway",
  "nat",
  { vpcId: "core-id", networkType: "internet" },
  { vpcId: ["core"] },
);
const eip = sh("alicloud:ecs/eipAddress:EipAddress", "eip", { bandwidth: "10" });
const bind = (name: string, target: string, instanceType: string) =>
  sh(
    "alicloud:ecs/eipAssociation:EipAssociation",
    name,
    { allocationId: "eip-id", instanceId: `${target}-id`, instanceType },
    { allocationId: ["eip"], instanceId: [target] },
  );
const route = (name: string) =>
  sh(
    "alicloud:vpc/routeEntry:RouteEntry",
    name,
    {
      routeTableId: "rt-id",
      destinationCidrblock: "0.0.0.0/0",
      nexthopType: "NatGateway",
      nexthopId: "nat-id",
    },
    { routeTableId: ["core"], nexthopId: ["nat"] },
  );
const vm = sh("alicloud:ecs/instance:Instance", "vm", { internetMaxBandwidthOut: 5 });

/** internet-egress's findings on the stack, each as [resource, path] and its message. */
function findings(resources: readonly OracleResource[]): Finding[] {
  const all = [provider, ...resources];
  const subjects = policyResources(all);
  return exitFindings(subjects, () => oracleBorderResources(all), ctx);
}

const internet = "the internet (any country)";

/** The sentence a type's row appends to internet-egress's finding. */
function fixOf(type: string): string {
  const fix = byType[type].fix;
  return typeof fix === "string" ? fix : (fix["internet-egress"] ?? "");
}
const routeFix = fixOf("alicloud:vpc/routeEntry:RouteEntry");
const natFix = fixOf("alicloud:vpc/natGateway:NatGateway");
const natReason =
  'nat gateway "nat": networkType is "internet": an internet NAT gateway gives the VPC internet egress';
const eipReason = 'eip "eip": bandwidth allocates an elastic public IP address';

describe("exitFindings", () => {
  test("an exit nothing links to keeps its own finding, one for each value that opens it", () => {
    expect(findings([vm])).toEqual([
      {
        message:
          'ecs instance "vm" must not open an edge to the internet, but internetMaxBandwidthOut is 5: the instance gets a public IP address. Set internetMaxBandwidthOut to 0.',
        path: ['ecs instance "vm"', internet],
        urn: "urn:pulumi:oracle::p::alicloud:ecs/instance:Instance::vm",
        resourceName: "vm",
      },
    ]);
    expect(findings([])).toEqual([]);
  });

  test("exits the graph does not link stay apart, in the order the program declared them", () => {
    // Each is a finding of its own, worded as a lone exit's: no chain names it with others.
    expect(findings([vm, eip])).toEqual([
      {
        message:
          'ecs instance "vm" must not open an edge to the internet, but internetMaxBandwidthOut is 5: the instance gets a public IP address. Set internetMaxBandwidthOut to 0.',
        path: ['ecs instance "vm"', internet],
        urn: "urn:pulumi:oracle::p::alicloud:ecs/instance:Instance::vm",
        resourceName: "vm",
      },
      {
        message: `eip "eip" must not open an edge to the internet, but bandwidth allocates an elastic public IP address. ${fixOf("alicloud:ecs/eipAddress:EipAddress")}`,
        path: ['eip "eip"', internet],
        urn: "urn:pulumi:oracle::p::alicloud:ecs/eipAddress:EipAddress::eip",
        resourceName: "eip",
      },
    ]);
  });

  test("a route, the gateway it leads to, the binding and the EIP are one finding on the route", () => {
    const [one, ...rest] = findings([vpc, eip, bind("bind", "nat", "Nat"), nat, route("default")]);
    expect(rest).toEqual([]);
    expect(one.resourceName).toBe("default");
    expect(one.path).toEqual([
      'internet-bound traffic of vpc "core"',
      'route "default"',
      'nat gateway "nat"',
      'ecs eip association "bind"',
      'eip "eip"',
      internet,
    ]);
    expect(one.message).toContain(
      `with nat gateway "nat", ecs eip association "bind" and eip "eip" it makes one way out — route "default": destinationCidrblock is 0.0.0.0/0: a default route sends every address outside the VPC to a gateway; ${natReason}; ecs eip association "bind": allocationId binds a public IP address to an instance; ${eipReason}. Cut the chain at any link: `,
    );
    // Each link's fix once, in the chain's order, after the links it cuts.
    const eipFix = fixOf("alicloud:ecs/eipAddress:EipAddress");
    expect(one.message).toContain(
      `Cut the chain at any link: route "default": ${routeFix} nat gateway "nat": ${natFix} ecs eip association "bind", eip "eip": ${eipFix}`,
    );
    expect(one.message.endsWith(eipFix)).toBe(true);
    expect(one.message.split(eipFix).length).toBe(2);
  });

  test("without a route, the gateway and its bound EIP are one way out, on the gateway", () => {
    const [one, ...rest] = findings([vpc, eip, nat, bind("bind", "nat", "Nat")]);
    expect(rest).toEqual([]);
    expect(one.resourceName).toBe("nat");
    expect(one.path).toEqual([
      'internet-bound traffic of vpc "core"',
      'nat gateway "nat"',
      'ecs eip association "bind"',
      'eip "eip"',
      internet,
    ]);
    expect(one.message).toMatch(
      /^nat gateway "nat" must not open an edge to the internet, but with ecs eip association "bind" and eip "eip" it makes one way out — /,
    );
  });

  test("an instance and the EIP bound to it are one way out, on the instance", () => {
    const [one, ...rest] = findings([vm, eip, bind("vm-eip", "vm", "EcsInstance")]);
    expect(rest).toEqual([]);
    expect(one.resourceName).toBe("vm");
    expect(one.path).toEqual([
      'ecs instance "vm"',
      'ecs eip association "vm-eip"',
      'eip "eip"',
      internet,
    ]);
  });

  test("a security group that lets nothing out does not split the instance from its EIP", () => {
    const sg = sh(
      "alicloud:ecs/securityGroup:SecurityGroup",
      "sg",
      { vpcId: "core-id" },
      {
        vpcId: ["core"],
      },
    );
    const drop = sh(
      "alicloud:ecs/securityGroupRule:SecurityGroupRule",
      "drop-all",
      {
        securityGroupId: "sg-id",
        type: "egress",
        ipProtocol: "all",
        portRange: "-1/-1",
        cidrIp: "0.0.0.0/0",
        policy: "drop",
        priority: 1,
      },
      { securityGroupId: ["sg"] },
    );
    const guarded = {
      ...vm,
      props: { ...vm.props, securityGroups: ["sg-id"] },
      deps: { securityGroups: ["sg"] },
    };
    const found = findings([vpc, sg, drop, guarded, eip, bind("vm-eip", "vm", "EcsInstance")]);
    expect(found.map((f) => [f.resourceName, f.path])).toEqual([
      ["vm", ['ecs instance "vm"', 'ecs eip association "vm-eip"', 'eip "eip"', internet]],
    ]);
  });

  test("routes into one gateway are a way out each, through the gateway's chain", () => {
    // Two route tables' default routes: removing one leaves the other, so each is a finding of
    // its own (a waiver of one does not cover the other).
    const found = findings([vpc, eip, bind("bind", "nat", "Nat"), nat, route("a"), route("b")]);
    const through = ['nat gateway "nat"', 'ecs eip association "bind"', 'eip "eip"', internet];
    expect(found.map((f) => [f.resourceName, f.path])).toEqual([
      ["a", ['internet-bound traffic of vpc "core"', 'route "a"', ...through]],
      ["b", ['internet-bound traffic of vpc "core"', 'route "b"', ...through]],
    ]);
  });

  test("two linked exits are one way out: the message names the other link and each reason and fix", () => {
    const found = findings([vpc, nat, route("default")]);
    expect(found).toEqual([
      {
        message: `route "default" must not open an edge to the internet, but with nat gateway "nat" it makes one way out — route "default": destinationCidrblock is 0.0.0.0/0: a default route sends every address outside the VPC to a gateway; ${natReason}. Cut the chain at any link: route "default": ${routeFix} nat gateway "nat": ${natFix}`,
        path: [
          'internet-bound traffic of vpc "core"',
          'route "default"',
          'nat gateway "nat"',
          internet,
        ],
        urn: "urn:pulumi:oracle::p::alicloud:vpc/routeEntry:RouteEntry::default",
        resourceName: "default",
      },
    ]);
  });

  test("twin: the gateway alone, without the route, keeps its own finding", () => {
    expect(findings([vpc, nat]).map((f) => [f.resourceName, f.path])).toEqual([
      ["nat", ['nat gateway "nat"', internet]],
    ]);
  });

  test("ways out are listed by the first resource the program declared of each", () => {
    // The route is declared after the instance but leads into the gateway declared before both.
    const found = findings([vpc, nat, vm, route("default")]);
    expect(found.map((f) => f.resourceName)).toEqual(["default", "vm"]);
  });

  test("an EIP bound to a load balancer is one way out with its association, from the balancer", () => {
    const lb = sh("alicloud:slb/loadBalancer:LoadBalancer", "lb", { addressType: "intranet" });
    const [one, ...rest] = findings([lb, eip, bind("lb-eip", "lb", "SlbInstance")]);
    expect(rest).toEqual([]);
    expect(one.resourceName).toBe("lb-eip");
    expect(one.path).toEqual([
      'slb load balancer "lb"',
      'ecs eip association "lb-eip"',
      'eip "eip"',
      internet,
    ]);
  });

  test.each([
    [
      "ecs network interface",
      "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface",
      "NetworkInterface",
    ],
    ["vpc network interface", "alicloud:vpc/networkInterface:NetworkInterface", "NetworkInterface"],
    ["vpc ha vip", "alicloud:vpc/hAVip:HAVip", "HaVip"],
    ["vpc ha vipv2", "alicloud:vpc/haVipv2:HaVipv2", "HaVip"],
  ])("an EIP bound to %s is one way out with its association, from it", (label, type, kind) => {
    const owner = sh(type, "addr", { vswitchId: "vsw-id" }, { vswitchId: ["vsw"] });
    const vsw = sh("alicloud:vpc/switch:Switch", "vsw", { vpcId: "core-id" }, { vpcId: ["core"] });
    const [one, ...rest] = findings([vpc, vsw, owner, eip, bind("addr-eip", "addr", kind)]);
    expect(rest).toEqual([]);
    expect(one.resourceName).toBe("addr-eip");
    expect(one.path).toEqual([
      `${label} "addr"`,
      'ecs eip association "addr-eip"',
      'eip "eip"',
      internet,
    ]);
  });

  test("twin: an address in a vSwitch with no EIP bound opens no way out", () => {
    const owner = sh(
      "alicloud:vpc/hAVip:HAVip",
      "addr",
      { vswitchId: "vsw-id" },
      { vswitchId: ["vsw"] },
    );
    const vsw = sh("alicloud:vpc/switch:Switch", "vsw", { vpcId: "core-id" }, { vpcId: ["core"] });
    expect(findings([vpc, vsw, owner])).toEqual([]);
  });

  test("twin: an intranet load balancer with no EIP bound opens no way out", () => {
    const lb = sh("alicloud:slb/loadBalancer:LoadBalancer", "lb", { addressType: "intranet" });
    expect(findings([vpc, lb])).toEqual([]);
  });

  test("an EIP bound to an instance that opens nothing itself starts its path at the instance", () => {
    const quiet = { ...vm, props: { internetMaxBandwidthOut: 0 } };
    const [one, ...rest] = findings([quiet, eip, bind("vm-eip", "vm", "EcsInstance")]);
    expect(rest).toEqual([]);
    expect(one.resourceName).toBe("vm-eip");
    expect(one.path).toEqual([
      'ecs instance "vm"',
      'ecs eip association "vm-eip"',
      'eip "eip"',
      internet,
    ]);
  });
});

/**
 * One address, one finding: an EC2 instance whose own flag gives it a public IP, named into no
 * subnet, is not told a second time that the default VPC's subnets would give it one — the fix
 * both findings gave (the flag set to false) clears both. Two addresses of one resource (a
 * launch template's public and carrier IPs) are two facts, each cleared by its own flag.
 */
describe("exitFindings: one address of an EC2 instance", () => {
  const fra = on("fra");
  const awsProvider: OracleResource = {
    type: "pulumi:providers:aws",
    name: "fra",
    props: { region: "eu-central-1" },
  };
  const instance = (props: Record<string, unknown>) =>
    fra("aws:ec2/instance:Instance", "i", { ami: "ami-123", instanceType: "t3.micro", ...props });
  const label = 'ec2 instance "i"';
  const fix = "Set associatePublicIpAddress to false.";
  const flagged = `${label} must not open an edge to the internet, but associatePublicIpAddress is true: the instance gets a public IP address. ${fix}`;
  const inDefaultVpc = `${label} must not open an edge to the internet, but subnetId is not set: the instance launches into the region's default VPC, whose subnets give it a public IP address and route to an internet gateway. ${fix}`;
  const messages = (resources: readonly OracleResource[]) =>
    findings([awsProvider, ...resources]).map((f) => [f.message, f.path]);

  test("a public-IP flag that is true, in the default VPC, is one finding: the flag's", () => {
    expect(messages([instance({ associatePublicIpAddress: true })])).toEqual([
      [flagged, [label, internet]],
    ]);
    // The provider reads the text "true" as the flag set, and so does the row.
    expect(messages([instance({ associatePublicIpAddress: "true" })])).toEqual([
      [flagged, [label, internet]],
    ]);
  });

  test("twin: with the flag unset the default VPC is the finding, with it false none, in a subnet the flag's", () => {
    expect(messages([instance({})])).toEqual([[inDefaultVpc, [label, internet]]]);
    expect(messages([instance({ associatePublicIpAddress: false })])).toEqual([]);
    expect(
      messages([instance({ associatePublicIpAddress: true, subnetId: "subnet-123" })]),
    ).toEqual([[flagged, [label, internet]]]);
  });

  test("twin: a launch template's public and carrier IPs stay two findings, one for each address", () => {
    const template = fra("aws:ec2/launchTemplate:LaunchTemplate", "lt", {
      networkInterfaces: [{ associatePublicIpAddress: "true", associateCarrierIpAddress: "true" }],
    });
    expect(findings([awsProvider, template]).map((f) => f.message)).toEqual([
      expect.stringContaining(
        "networkInterfaces[0].associatePublicIpAddress is true: instances launched from it get public IP addresses",
      ),
      expect.stringContaining(
        "networkInterfaces[0].associateCarrierIpAddress is true: instances launched from it get carrier (public) IP addresses",
      ),
    ]);
  });

  test("every row that spares a true public-IP flag in the default VPC reads that flag as an exit of its own", () => {
    const spared = Object.entries(byType).flatMap(([type, model]) =>
      (model.fields ?? []).flatMap((f) => {
        const opens = f.opens;
        return f.format === "internet" &&
          typeof opens === "object" &&
          "defaultVpc" in opens &&
          opens.defaultVpc.publicIp !== undefined
          ? [[type, opens.defaultVpc.publicIp, f.policy] as const]
          : [];
      }),
    );
    expect(spared.length).toBeGreaterThan(0);
    for (const [type, flag, policy] of spared) {
      expect([
        type,
        (byType[type].fields ?? []).some(
          (f) =>
            f.format === "internet" && f.path === flag && f.opens === "true" && f.policy === policy,
        ),
      ]).toEqual([type, true]);
    }
  });
});
