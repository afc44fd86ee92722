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
  AlicloudEgressGuard,
  securityGroupRules,
  validateAlicloudEgressGuardArgs,
  type AlicloudEgressGuardArgs,
} from "../../components/alicloud/egressGuard";

const shanghai: AlicloudEgressGuardArgs = {
  vpcId: "vpc-123",
  vpcCidr: "10.20.0.0/16",
  egress: shanghaiEgress,
};

async function build(args: AlicloudEgressGuardArgs = shanghai) {
  const provider = testProvider();
  const guard = new AlicloudEgressGuard("guard", args, { provider });
  await settled();
  return { guard, providerRef: providerRef(one("pulumi:providers:alicloud", "test-cn-shanghai")) };
}

/** The group's rules by name, without the group ID every rule carries. */
function rules(): Record<string, unknown> {
  return Object.fromEntries(
    ofType("alicloud:ecs/securityGroupRule:SecurityGroupRule").map((r) => {
      const { securityGroupId, ...rule } = r.inputs;
      expect(securityGroupId).toBe("guard-sg-id");
      return [r.name, rule];
    }),
  );
}

const vpcRules = {
  "guard-ingress-vpc": {
    type: "ingress",
    ipProtocol: "all",
    portRange: "-1/-1",
    cidrIp: "10.20.0.0/16",
    policy: "accept",
    priority: 1,
    nicType: "intranet",
    description: "Traffic from inside the stack's own VPC",
  },
  "guard-egress-vpc": {
    type: "egress",
    ipProtocol: "all",
    portRange: "-1/-1",
    cidrIp: "10.20.0.0/16",
    policy: "accept",
    priority: 1,
    nicType: "intranet",
    description: "Traffic inside the stack's own VPC",
  },
};
const dropAll = {
  "guard-egress-drop-all": {
    type: "egress",
    ipProtocol: "all",
    portRange: "-1/-1",
    cidrIp: "0.0.0.0/0",
    policy: "drop",
    priority: 100,
    nicType: "intranet",
    description: "Everything not allowlisted: no path out of the jurisdiction",
  },
};

beforeEach(resetRegistrations);

describe("AlicloudEgressGuard", () => {
  it("creates one security group and one rule per VPC, allowlist and drop entry", async () => {
    await build();
    expect(countsByType()).toEqual({
      "pulumi:providers:alicloud": 1,
      "sovereign-dc:alicloud:AlicloudEgressGuard": 1,
      "alicloud:ecs/securityGroup:SecurityGroup": 1,
      "alicloud:ecs/securityGroupRule:SecurityGroupRule": 5,
    });
  });

  it("creates a basic group in the VPC", async () => {
    await build();
    expect(one("alicloud:ecs/securityGroup:SecurityGroup", "guard-sg").inputs).toEqual({
      vpcId: "vpc-123",
      securityGroupType: "normal",
      innerAccessPolicy: "Accept",
      description: "Egress guard guard: only the allowlist leaves the VPC",
    });
  });

  it("denies egress to everything but the VPC and the allowlist, and accepts ingress only from the VPC", async () => {
    await build();
    expect(rules()).toEqual({
      ...vpcRules,
      "guard-egress-udp-100.100.2.136_30-53-53": {
        type: "egress",
        ipProtocol: "udp",
        portRange: "53/53",
        cidrIp: "100.100.2.136/30",
        policy: "accept",
        priority: 1,
        nicType: "intranet",
        description: "VPC DNS resolvers of Alibaba Cloud inside the region",
      },
      "guard-egress-tcp-100.64.0.0_10-443-443": {
        type: "egress",
        ipProtocol: "tcp",
        portRange: "443/443",
        cidrIp: "100.64.0.0/10",
        policy: "accept",
        priority: 1,
        nicType: "intranet",
        description: "Intranet endpoints of OSS and KMS in cn-shanghai",
      },
      ...dropAll,
    });
  });

  it("ends with a drop of all egress even when nothing is allowlisted", async () => {
    await build({ ...shanghai, egress: [] });
    expect(rules()).toEqual({ ...vpcRules, ...dropAll });
  });

  it("never accepts egress to the whole internet", async () => {
    await build();
    const openToAll = ofType("alicloud:ecs/securityGroupRule:SecurityGroupRule").filter(
      (r) => r.inputs.cidrIp === "0.0.0.0/0" && r.inputs.policy !== "drop",
    );
    expect(openToAll).toEqual([]);
  });

  it("deletes its rules only with the group, so the drop rule never goes first", async () => {
    await build();
    const group = one("alicloud:ecs/securityGroup:SecurityGroup", "guard-sg");
    const deletedWith = ofType("alicloud:ecs/securityGroupRule:SecurityGroupRule").map(
      (r) => r.deletedWith,
    );
    expect(deletedWith).toEqual(Array(5).fill(group.urn));
  });

  it("creates every resource through the explicit provider, as a child of the component", async () => {
    const { providerRef } = await build();
    const children = registrations().filter((r) => r.custom && !r.type.startsWith("pulumi:"));
    expect(children.map((r) => [r.name, r.provider, parentName(r)])).toEqual(
      children.map((r) => [r.name, providerRef, "guard"]),
    );
  });

  it("exposes the security group's ID", async () => {
    const { guard } = await build();
    expect(await valueOf(guard.securityGroupId)).toBe("guard-sg-id");
  });

  it("rejects invalid arguments before declaring any resource", async () => {
    expect(() => new AlicloudEgressGuard("bad", { ...shanghai, vpcCidr: "10.20.0.0" })).toThrow(
      'Invalid arguments for AlicloudEgressGuard "bad":\n' +
        '  - vpcCidr: received "10.20.0.0"; expected an IPv4 CIDR block such as 10.20.0.0/16.',
    );
    await settled();
    expect(registrations()).toEqual([]);
  });
});

describe("validateAlicloudEgressGuardArgs", () => {
  it("accepts the Shanghai allowlist", () => {
    expect(validateAlicloudEgressGuardArgs(shanghai)).toEqual([]);
  });

  test.each<[string, Partial<AlicloudEgressGuardArgs>, string[]]>([
    [
      "an allowlist entry for the whole internet",
      { egress: [{ cidr: "0.0.0.0/0", ports: [443], protocol: "tcp", reason: "all" }] },
      [
        'egress[0].cidr: received "0.0.0.0/0"; expected a bounded destination; 0.0.0.0/0 is the whole internet and cannot be allowlisted.',
      ],
    ],
    [
      "a protocol other than tcp or udp",
      {
        egress: [{ cidr: "10.9.0.0/16", ports: [1], protocol: "icmp" as "tcp", reason: "ping" }],
      },
      ['egress[0].protocol: received "icmp"; expected "tcp" or "udp".'],
    ],
    [
      "an allowlist entry without ports",
      { egress: [{ cidr: "10.9.0.0/16", ports: [], protocol: "tcp", reason: "x" }] },
      ["egress[0].ports: received []; expected at least one port."],
    ],
    [
      "an empty reason",
      { egress: [{ cidr: "10.9.0.0/16", ports: [443], protocol: "tcp", reason: " " }] },
      [
        'egress[0].reason: received " "; expected a non-empty justification of why this destination is needed.',
      ],
    ],
  ])("rejects %s", (_, change, expected) => {
    expect(validateAlicloudEgressGuardArgs({ ...shanghai, ...change })).toEqual(expected);
  });
});

describe("two entries that allow one port to one block", () => {
  it("make one security group rule, described by the first entry's reason", () => {
    const egress = [
      { cidr: "10.9.0.0/16", ports: [443], protocol: "tcp" as const, reason: "https://wiki/a" },
      { cidr: "10.9.0.0/16", ports: [443, 8443], protocol: "tcp" as const, reason: "Callbacks" },
    ];
    expect(validateAlicloudEgressGuardArgs({ ...shanghai, egress })).toEqual([]);
    const allowed = securityGroupRules("10.20.0.0/16", egress).filter(
      ([, r]) => r.cidrIp === "10.9.0.0/16",
    );
    expect(allowed.map(([name, r]) => [name, r.portRange, r.description])).toEqual([
      ["egress-tcp-10.9.0.0_16-443-443", "443/443", "Approved: https://wiki/a"],
      ["egress-tcp-10.9.0.0_16-8443-8443", "8443/8443", "Callbacks"],
    ]);
  });
});
