import {
  countsByType,
  one,
  ofType,
  parentName,
  providerRef,
  registrations,
  resetRegistrations,
  settled,
  testProvider,
  valueOf,
  shanghaiEgress,
} from "../helpers/mocks";
import {
  AlicloudNetwork,
  networkAclEntries,
  validateAlicloudNetworkArgs,
  type AlicloudNetworkArgs,
} from "../../components/alicloud/network";

const shanghai: AlicloudNetworkArgs = {
  cidrBlock: "10.20.0.0/16",
  zones: [
    { zone: "cn-shanghai-e", cidr: "10.20.1.0/24" },
    { zone: "cn-shanghai-f", cidr: "10.20.2.0/24" },
  ],
  egress: shanghaiEgress,
};

async function build(args: AlicloudNetworkArgs = shanghai) {
  const provider = testProvider();
  const network = new AlicloudNetwork("net", args, { provider });
  await settled();
  return {
    network,
    providerRef: providerRef(one("pulumi:providers:alicloud", "test-cn-shanghai")),
  };
}

const acl = () => one("alicloud:vpc/networkAcl:NetworkAcl", "net-acl").inputs;

beforeEach(resetRegistrations);

describe("AlicloudNetwork", () => {
  it("creates one VPC, one vSwitch per zone and one ACL, and nothing that reaches the internet", async () => {
    await build();
    expect(countsByType()).toEqual({
      "pulumi:providers:alicloud": 1,
      "sovereign-dc:alicloud:AlicloudNetwork": 1,
      "alicloud:vpc/network:Network": 1,
      "alicloud:vpc/switch:Switch": 2,
      "alicloud:vpc/networkAcl:NetworkAcl": 1,
    });
    const internetEdges = registrations().filter((r) =>
      /natGateway|snatEntry|eip|ipv4Gateway|ipv6Gateway|routeEntry|commonBandwithPackage/i.test(
        r.type,
      ),
    );
    expect(internetEdges).toEqual([]);
  });

  it("creates the VPC with the configured block and no IPv6", async () => {
    await build();
    expect(one("alicloud:vpc/network:Network", "net-vpc").inputs).toEqual({
      vpcName: "net-vpc",
      cidrBlock: "10.20.0.0/16",
      enableIpv6: false,
      description: "Sealed private network net: no internet path",
    });
  });

  it("creates each vSwitch in its zone with its block", async () => {
    await build();
    expect(
      Object.fromEntries(ofType("alicloud:vpc/switch:Switch").map((r) => [r.name, r.inputs])),
    ).toEqual({
      "net-cn-shanghai-e": {
        vswitchName: "net-cn-shanghai-e",
        vpcId: "net-vpc-id",
        zoneId: "cn-shanghai-e",
        cidrBlock: "10.20.1.0/24",
        enableIpv6: false,
        description: "Sealed private network net: no internet path",
      },
      "net-cn-shanghai-f": {
        vswitchName: "net-cn-shanghai-f",
        vpcId: "net-vpc-id",
        zoneId: "cn-shanghai-f",
        cidrBlock: "10.20.2.0/24",
        enableIpv6: false,
        description: "Sealed private network net: no internet path",
      },
    });
  });

  it("denies egress to everything but the VPC and the allowlist, with the reason on each entry", async () => {
    await build();
    expect(acl().egressAclEntries).toEqual([
      {
        destinationCidrIp: "10.20.0.0/16",
        protocol: "all",
        port: "-1/-1",
        policy: "accept",
        description: "Traffic inside the stack's own VPC",
      },
      {
        destinationCidrIp: "100.100.2.136/30",
        protocol: "udp",
        port: "53/53",
        policy: "accept",
        description: "VPC DNS resolvers of Alibaba Cloud inside the region",
      },
      {
        destinationCidrIp: "100.64.0.0/10",
        protocol: "tcp",
        port: "443/443",
        policy: "accept",
        description: "Intranet endpoints of OSS and KMS in cn-shanghai",
      },
      {
        destinationCidrIp: "0.0.0.0/0",
        protocol: "all",
        port: "-1/-1",
        policy: "drop",
        description: "Everything not allowlisted: no path out of the jurisdiction",
      },
    ]);
  });

  it("accepts ingress only from the VPC and replies from allowlisted services, then drops all", async () => {
    await build();
    expect(acl().ingressAclEntries).toEqual([
      {
        sourceCidrIp: "10.20.0.0/16",
        protocol: "all",
        port: "-1/-1",
        policy: "accept",
        description: "Traffic inside the stack's own VPC",
      },
      {
        sourceCidrIp: "100.100.2.136/30",
        protocol: "udp",
        port: "1024/65535",
        policy: "accept",
        description: "VPC DNS resolvers of Alibaba Cloud inside the region",
      },
      {
        sourceCidrIp: "100.64.0.0/10",
        protocol: "tcp",
        port: "1024/65535",
        policy: "accept",
        description: "Intranet endpoints of OSS and KMS in cn-shanghai",
      },
      {
        sourceCidrIp: "0.0.0.0/0",
        protocol: "all",
        port: "-1/-1",
        policy: "drop",
        description: "Everything else: nothing outside the VPC may open a connection in",
      },
    ]);
  });

  it("attaches the ACL to every vSwitch of the VPC", async () => {
    await build();
    expect(acl().vpcId).toBe("net-vpc-id");
    expect(acl().resources).toEqual([
      { resourceId: "net-cn-shanghai-e-id", resourceType: "VSwitch" },
      { resourceId: "net-cn-shanghai-f-id", resourceType: "VSwitch" },
    ]);
  });

  it("lets nothing out when the allowlist is empty", async () => {
    await build({ ...shanghai, egress: [] });
    expect(acl().egressAclEntries).toEqual([
      {
        destinationCidrIp: "10.20.0.0/16",
        protocol: "all",
        port: "-1/-1",
        policy: "accept",
        description: "Traffic inside the stack's own VPC",
      },
      {
        destinationCidrIp: "0.0.0.0/0",
        protocol: "all",
        port: "-1/-1",
        policy: "drop",
        description: "Everything not allowlisted: no path out of the jurisdiction",
      },
    ]);
  });

  it("folds contiguous ports into one Alibaba from/to range", async () => {
    await build({
      ...shanghai,
      egress: [
        { cidr: "10.99.0.0/16", ports: [8081, 443, 8080, 80], protocol: "tcp", reason: "x" },
      ],
    });
    const ports = (acl().egressAclEntries as Array<{ port: string }>).map((e) => e.port);
    expect(ports).toEqual(["-1/-1", "80/80", "443/443", "8080/8081", "-1/-1"]);
  });

  it("creates every resource through the explicit provider, as a child of the component", async () => {
    const { providerRef } = await build();
    const children = registrations().filter((r) => r.custom && !r.type.startsWith("pulumi:"));
    expect(children.map((r) => [r.name, r.provider, parentName(r)])).toEqual(
      children.map((r) => [r.name, providerRef, "net"]),
    );
  });

  it("exposes the VPC, the vSwitches by zone and the ACL", async () => {
    const { network } = await build();
    expect(
      await valueOf({
        vpcId: network.vpcId,
        vSwitchIds: network.vSwitchIds,
        networkAclId: network.networkAclId,
      }),
    ).toEqual({
      vpcId: "net-vpc-id",
      vSwitchIds: {
        "cn-shanghai-e": "net-cn-shanghai-e-id",
        "cn-shanghai-f": "net-cn-shanghai-f-id",
      },
      networkAclId: "net-acl-id",
    });
  });

  it("rejects invalid arguments before declaring any resource", async () => {
    expect(() => new AlicloudNetwork("bad", { ...shanghai, cidrBlock: "10.20.0.1/16" })).toThrow(
      'Invalid arguments for AlicloudNetwork "bad":\n' +
        '  - cidrBlock: received "10.20.0.1/16"; expected a CIDR whose host bits are zero (did you mean 10.20.0.0/16?).',
    );
    await settled();
    expect(registrations()).toEqual([]);
  });
});

describe("validateAlicloudNetworkArgs", () => {
  it("accepts the Shanghai network", () => {
    expect(validateAlicloudNetworkArgs(shanghai)).toEqual([]);
  });

  test.each<[string, Partial<AlicloudNetworkArgs>, string[]]>([
    [
      "a VPC block Alibaba reserves",
      { cidrBlock: "100.64.0.0/16", zones: [{ zone: "cn-shanghai-e", cidr: "100.64.1.0/24" }] },
      [
        'cidrBlock: received "100.64.0.0/16"; expected a block outside 100.64.0.0/10, which Alibaba Cloud reserves.',
      ],
    ],
    [
      "a VPC block wider than /8",
      { cidrBlock: "10.0.0.0/7", zones: [{ zone: "cn-shanghai-e", cidr: "10.0.0.0/24" }] },
      ['cidrBlock: received "10.0.0.0/7"; expected a prefix length from /8 to /28.'],
    ],
    ["no zones", { zones: [] }, ["zones: received []; expected at least one { zone, cidr }."]],
    [
      "a zone listed twice",
      {
        zones: [
          { zone: "cn-shanghai-e", cidr: "10.20.1.0/24" },
          { zone: "cn-shanghai-e", cidr: "10.20.2.0/24" },
        ],
      },
      ['zones[1].zone: received "cn-shanghai-e"; expected each zone once; zones[0] has it.'],
    ],
    [
      "a vSwitch block outside the VPC",
      { zones: [{ zone: "cn-shanghai-e", cidr: "10.21.1.0/24" }] },
      ['zones[0].cidr: received "10.21.1.0/24"; expected a block inside 10.20.0.0/16.'],
    ],
    [
      "overlapping vSwitch blocks",
      {
        zones: [
          { zone: "cn-shanghai-e", cidr: "10.20.0.0/20" },
          { zone: "cn-shanghai-f", cidr: "10.20.1.0/24" },
        ],
      },
      [
        'zones[1].cidr: received "10.20.1.0/24"; expected a block that does not overlap zones[0].cidr (10.20.0.0/20).',
      ],
    ],
    [
      "a vSwitch block narrower than /29",
      { zones: [{ zone: "cn-shanghai-e", cidr: "10.20.1.0/30" }] },
      ['zones[0].cidr: received "10.20.1.0/30"; expected a prefix length from /16 to /29.'],
    ],
    [
      "an allowlist entry for the whole internet",
      { egress: [{ cidr: "0.0.0.0/0", ports: [443], protocol: "tcp", reason: "everything" }] },
      [
        'egress[0].cidr: received "0.0.0.0/0"; expected a bounded destination; 0.0.0.0/0 is the whole internet and cannot be allowlisted.',
      ],
    ],
    [
      "an allowlist port out of range",
      { egress: [{ cidr: "10.9.0.0/16", ports: [0], protocol: "tcp", reason: "x" }] },
      ["egress[0].ports[0]: received 0; expected a port number from 1 to 65535."],
    ],
  ])("rejects %s", (_, change, expected) => {
    expect(validateAlicloudNetworkArgs({ ...shanghai, ...change })).toEqual(expected);
  });
});

/**
 * What a stack config may say of its allowlist and Alibaba's rules may not: a reason that is a
 * link, or longer than a rule's description holds; two entries that allow one port to one block.
 */
describe("the allowlist in Alibaba's terms", () => {
  const partner = { cidr: "10.9.0.0/16", protocol: "tcp" as const };
  const link = "https://wiki.example.cn/egress/partner";
  const egress = [
    { ...partner, ports: [443], reason: link },
    { ...partner, ports: [80, 443], reason: "Partner callbacks. ".repeat(20) },
  ];

  it("accepts them", () => {
    expect(validateAlicloudNetworkArgs({ ...shanghai, egress })).toEqual([]);
  });

  it("writes one entry per flow, the first reason as a description Alibaba takes", () => {
    const allowed = networkAclEntries("10.20.0.0/16", egress).egressAclEntries.filter(
      (e) => e.destinationCidrIp === partner.cidr,
    );
    expect(allowed.map((e) => [e.port, e.description])).toEqual([
      ["443/443", `Approved: ${link}`],
      ["80/80", "Partner callbacks. ".repeat(20).trim().slice(0, 256)],
    ]);
    expect(allowed.every((e) => String(e.description).length <= 256)).toBe(true);
  });

  it("rejects an empty reason", () => {
    expect(
      validateAlicloudNetworkArgs({
        ...shanghai,
        egress: [{ ...partner, ports: [443], reason: " " }],
      }),
    ).toEqual([
      'egress[0].reason: received " "; expected a non-empty justification of why this destination is needed.',
    ]);
  });
});
