/**
 * Egress controls in the stacks they gate (policy/paths/types/gates.ts): security groups that
 * admit internet-bound traffic by a rule, by their default or not at all (drops shadowing accepts
 * by priority, prefix lists, rules not known at preview), network ACLs that seal their subnets or
 * do not (entries in the ACL, in separate entry and rule resources, attached and associated, the
 * providers' implicit ends), and every rule type egress-rules judges in shapes that allow, drop,
 * stay private, are allowlisted or are not known at preview. Each gate stack holds a bucket any
 * network of its region may read and a way out (a NAT gateway's default route, an internet
 * gateway, a public instance), so an open gate is a path and a shut one is not;
 * test/paths/tags.test.ts pins which gate each stack leaves open.
 */
import type { OracleResource, OracleSettings } from "../helpers/model-oracle";
import { on, unknownAtPreview } from "../helpers/model-oracle";

/** The IPsec endpoint the gate inputs allow: udp 500 and 4500 to 203.0.113.0/24. */
const gateAllowlist = [
  {
    cidr: "203.0.113.0/24",
    ports: [500, 4500],
    protocol: "udp",
    reason: "IPsec endpoint of the Shanghai plant",
  },
];

const sh = on("sh");
const or = on("or");

/** A Shanghai VPC with one vSwitch, a readable bucket and an internet NAT gateway's default route. */
function alicloudStack(controls: readonly OracleResource[]): OracleResource[] {
  return [
    { type: "pulumi:providers:alicloud", name: "sh", props: { region: "cn-shanghai" } },
    sh("alicloud:oss/bucket:Bucket", "data", { bucket: "data-b" }),
    sh("alicloud:vpc/network:Network", "core", { cidrBlock: "10.10.0.0/16" }),
    sh("alicloud:vpc/switch:Switch", "a", { vpcId: "vpc-1" }, { vpcId: ["core"] }),
    sh(
      "alicloud:vpc/natGateway:NatGateway",
      "nat",
      { vpcId: "vpc-1", networkType: "internet" },
      { vpcId: ["core"] },
    ),
    sh("alicloud:ecs/eip:Eip", "nat-eip", { bandwidth: "5" }),
    sh(
      "alicloud:ecs/eipAssociation:EipAssociation",
      "nat-bind",
      { allocationId: "eip-1", instanceId: "nat-1" },
      { allocationId: ["nat-eip"], instanceId: ["nat"] },
    ),
    ...controls,
  ];
}

const sg = (name: string, props: Record<string, unknown> = {}) =>
  sh(
    "alicloud:ecs/securityGroup:SecurityGroup",
    name,
    { vpcId: "vpc-1", ...props },
    { vpcId: ["core"] },
  );
const sgRule = (name: string, group: string, props: Record<string, unknown>) =>
  sh(
    "alicloud:ecs/securityGroupRule:SecurityGroupRule",
    name,
    { type: "egress", securityGroupId: `${group}-id`, ...props },
    { securityGroupId: [group] },
  );
/** An instance with a public IP in `groups`; those outside the stack name nothing of it. */
const publicVm = (name: string, groups: readonly string[], outside: readonly string[] = []) =>
  sh(
    "alicloud:ecs/instance:Instance",
    name,
    {
      vswitchId: "vsw-1",
      internetMaxBandwidthOut: 5,
      securityGroups: [...groups, ...outside].map((g) => `${g}-id`),
    },
    { vswitchId: ["a"], securityGroups: groups },
  );
const aliAcl = (name: string, entries: readonly Record<string, unknown>[], attached = true) =>
  sh(
    "alicloud:vpc/networkAcl:NetworkAcl",
    name,
    {
      vpcId: "vpc-1",
      egressAclEntries: entries,
      ...(attached ? { resources: [{ resourceId: "vsw-1", resourceType: "VSwitch" }] } : {}),
    },
    { vpcId: ["core"], ...(attached ? { resources: ["a"] } : {}) },
  );
const dropAll = { destinationCidrIp: "0.0.0.0/0", protocol: "all", port: "-1/-1", policy: "drop" };

const alicloudGates: Array<[string, OracleResource[]]> = [
  ["basic group, no rules", alicloudStack([sg("sg"), publicVm("vm", ["sg"])])],
  [
    "enterprise group, no rules",
    alicloudStack([sg("sg", { securityGroupType: "enterprise" }), publicVm("vm", ["sg"])]),
  ],
  [
    "enterprise group, accept all",
    alicloudStack([
      sg("sg", { securityGroupType: "enterprise" }),
      sgRule("out", "sg", { cidrIp: "0.0.0.0/0", ipProtocol: "all", portRange: "-1/-1" }),
      publicVm("vm", ["sg"]),
    ]),
  ],
  [
    "basic group, drop all and accept the allowlist",
    alicloudStack([
      sg("sg"),
      sgRule("drop", "sg", {
        cidrIp: "0.0.0.0/0",
        ipProtocol: "all",
        portRange: "-1/-1",
        policy: "drop",
        priority: 100,
      }),
      sgRule("ipsec", "sg", { cidrIp: "203.0.113.0/24", ipProtocol: "udp", portRange: "500/500" }),
      publicVm("vm", ["sg"]),
    ]),
  ],
  [
    "accept shadowed by a drop of higher priority",
    alicloudStack([
      sg("sg", { securityGroupType: "enterprise" }),
      sgRule("https", "sg", {
        cidrIp: "0.0.0.0/0",
        ipProtocol: "tcp",
        portRange: "443/443",
        priority: 2,
      }),
      sgRule("drop", "sg", {
        cidrIp: "0.0.0.0/0",
        ipProtocol: "all",
        portRange: "-1/-1",
        policy: "drop",
        priority: 1,
      }),
    ]),
  ],
  [
    "accept of higher priority than the drop",
    alicloudStack([
      sg("sg", { securityGroupType: "enterprise" }),
      sgRule("https", "sg", {
        cidrIp: "0.0.0.0/0",
        ipProtocol: "tcp",
        portRange: "443/443",
        priority: 1,
      }),
      sgRule("drop", "sg", {
        cidrIp: "0.0.0.0/0",
        ipProtocol: "all",
        portRange: "-1/-1",
        policy: "drop",
        priority: 2,
      }),
    ]),
  ],
  [
    "accept to a prefix list",
    alicloudStack([
      sg("sg", { securityGroupType: "enterprise" }),
      sgRule("list", "sg", { prefixListId: "pl-1", ipProtocol: "tcp", portRange: "443/443" }),
    ]),
  ],
  [
    "accept to an address not known at preview",
    alicloudStack([
      sg("sg", { securityGroupType: "enterprise" }),
      sgRule("later", "sg", { cidrIp: unknownAtPreview, ipProtocol: "all", portRange: "-1/-1" }),
    ]),
  ],
  [
    "an instance in a group the stack does not hold",
    alicloudStack([
      sg("sg", { securityGroupType: "enterprise" }),
      publicVm("vm", [], ["elsewhere"]),
    ]),
  ],
  ["an ACL that drops everything", alicloudStack([sg("sg"), aliAcl("acl", [dropAll])])],
  [
    "an ACL that accepts https first",
    alicloudStack([
      sg("sg"),
      aliAcl("acl", [
        { destinationCidrIp: "0.0.0.0/0", protocol: "tcp", port: "443/443", policy: "accept" },
        dropAll,
      ]),
    ]),
  ],
  [
    "an attached ACL with no entries (its end is undocumented)",
    alicloudStack([
      sg("sg"),
      aliAcl("acl", [], false),
      sh(
        "alicloud:vpc/networkAclAttachment:NetworkAclAttachment",
        "acl-bind",
        { networkAclId: "acl-1", resources: [{ resourceId: "vsw-1", resourceType: "VSwitch" }] },
        { networkAclId: ["acl"], resources: ["a"] },
      ),
    ]),
  ],
  [
    "an ACL whose separate entries drop everything",
    alicloudStack([
      sg("sg"),
      aliAcl("acl", []),
      sh(
        "alicloud:vpc/networkAclEntries:NetworkAclEntries",
        "acl-entries",
        { networkAclId: "acl-1", egresses: [dropAll] },
        { networkAclId: ["acl"] },
      ),
    ]),
  ],
];

/** An Oregon VPC with one subnet, a readable bucket and a default route to an internet gateway. */
function awsStack(controls: readonly OracleResource[]): OracleResource[] {
  return [
    { type: "pulumi:providers:aws", name: "or", props: { region: "us-west-2" } },
    or("aws:s3/bucket:Bucket", "data", { bucket: "data-b" }),
    or("aws:ec2/vpc:Vpc", "core", { cidrBlock: "10.20.0.0/16" }),
    or("aws:ec2/subnet:Subnet", "public", { vpcId: "vpc-1" }, { vpcId: ["core"] }),
    or("aws:ec2/internetGateway:InternetGateway", "igw", { vpcId: "vpc-1" }, { vpcId: ["core"] }),
    or(
      "aws:ec2/routeTable:RouteTable",
      "rt",
      { vpcId: "vpc-1", routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }] },
      { vpcId: ["core"], routes: ["igw"] },
    ),
    ...controls,
  ];
}

const adopted = or(
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
  "default",
  { vpcId: "vpc-1", egress: [] },
  { vpcId: ["core"] },
);
const awsSg = (name: string, egress: readonly Record<string, unknown>[]) =>
  or("aws:ec2/securityGroup:SecurityGroup", name, { vpcId: "vpc-1", egress }, { vpcId: ["core"] });
const allOut = { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] };
const privateOut = { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/8"] };
const awsAcl = (
  type: "aws:ec2/networkAcl:NetworkAcl" | "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
  egress: readonly Record<string, unknown>[],
) =>
  or(
    type,
    "acl",
    { vpcId: "vpc-1", subnetIds: ["subnet-1"], egress },
    { vpcId: ["core"], subnetIds: ["public"] },
  );

const awsGates: Array<[string, OracleResource[]]> = [
  ["the VPC's default group, not adopted", awsStack([])],
  ["the default group adopted and shut", awsStack([adopted])],
  ["a group that allows all egress", awsStack([adopted, awsSg("sg", [allOut])])],
  ["a group that allows private egress only", awsStack([adopted, awsSg("sg", [privateOut])])],
  [
    "a group opened by a separate rule",
    awsStack([
      adopted,
      awsSg("sg", [privateOut]),
      or(
        "aws:ec2/securityGroupRule:SecurityGroupRule",
        "https",
        {
          type: "egress",
          securityGroupId: "sg-1",
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrBlocks: ["0.0.0.0/0"],
        },
        { securityGroupId: ["sg"] },
      ),
    ]),
  ],
  [
    "a group opened by an egress rule to a prefix list",
    awsStack([
      adopted,
      awsSg("sg", []),
      or(
        "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
        "list",
        {
          securityGroupId: "sg-1",
          ipProtocol: "tcp",
          fromPort: 443,
          toPort: 443,
          prefixListId: "pl-1",
        },
        { securityGroupId: ["sg"] },
      ),
    ]),
  ],
  [
    "a group whose inline rule sends to a prefix list",
    awsStack([
      adopted,
      awsSg("sg", [{ protocol: "tcp", fromPort: 443, toPort: 443, prefixListIds: ["pl-1"] }]),
    ]),
  ],
  [
    "an allowlisted egress rule",
    awsStack([
      adopted,
      awsSg("sg", [
        { protocol: "udp", fromPort: 500, toPort: 500, cidrBlocks: ["203.0.113.0/24"] },
      ]),
    ]),
  ],
  [
    "an ACL that denies everything before it allows",
    awsStack([
      awsAcl("aws:ec2/networkAcl:NetworkAcl", [
        {
          ruleNo: 200,
          action: "allow",
          protocol: "-1",
          fromPort: 0,
          toPort: 0,
          cidrBlock: "0.0.0.0/0",
        },
        {
          ruleNo: 100,
          action: "deny",
          protocol: "-1",
          fromPort: 0,
          toPort: 0,
          cidrBlock: "0.0.0.0/0",
        },
      ]),
    ]),
  ],
  [
    "an ACL opened by a separate rule of lower number",
    awsStack([
      awsAcl("aws:ec2/networkAcl:NetworkAcl", [
        {
          ruleNo: 100,
          action: "deny",
          protocol: "-1",
          fromPort: 0,
          toPort: 0,
          cidrBlock: "0.0.0.0/0",
        },
      ]),
      or(
        "aws:ec2/networkAclRule:NetworkAclRule",
        "https",
        {
          networkAclId: "acl-1",
          egress: true,
          ruleNumber: 50,
          ruleAction: "allow",
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrBlock: "0.0.0.0/0",
        },
        { networkAclId: ["acl"] },
      ),
    ]),
  ],
  [
    "a default ACL with no entries (the implicit deny)",
    awsStack([awsAcl("aws:ec2/defaultNetworkAcl:DefaultNetworkAcl", [])]),
  ],
  [
    "an associated ACL that allows everything",
    awsStack([
      or(
        "aws:ec2/networkAcl:NetworkAcl",
        "acl",
        {
          vpcId: "vpc-1",
          egress: [
            {
              ruleNo: 100,
              action: "allow",
              protocol: "-1",
              fromPort: 0,
              toPort: 0,
              cidrBlock: "0.0.0.0/0",
            },
          ],
        },
        { vpcId: ["core"] },
      ),
      or(
        "aws:ec2/networkAclAssociation:NetworkAclAssociation",
        "acl-bind",
        { networkAclId: "acl-1", subnetId: "subnet-1" },
        { networkAclId: ["acl"], subnetId: ["public"] },
      ),
    ]),
  ],
];

/** Every gate stack, under the jurisdiction of its region and the gate allowlist. */
export const gateCases: ReadonlyArray<readonly [string, OracleResource[], OracleSettings]> = [
  ...alicloudGates.map(([name, stack]): [string, OracleResource[], OracleSettings] => [
    `gates alicloud: ${name}`,
    stack,
    { jurisdiction: "CN", egressAllowlist: gateAllowlist },
  ]),
  ...awsGates.map(([name, stack]): [string, OracleResource[], OracleSettings] => [
    `gates aws: ${name}`,
    stack,
    { jurisdiction: "US", egressAllowlist: gateAllowlist },
  ]),
];

/** A CIDR of every kind egress-rules tells apart. */
const cidrs = [
  "0.0.0.0/0",
  "::/0",
  "10.0.0.0/8",
  "203.0.113.0/24",
  "198.51.100.0/24",
  unknownAtPreview,
];

/** AWS rule holders: every CIDR with all protocols, https, the IPsec port and unknown ports. */
function awsHolders(cidrKey: string, protocolKey: string, extra: Record<string, unknown> = {}) {
  return cidrs.flatMap((cidr) =>
    [
      { [protocolKey]: "-1", fromPort: 0, toPort: 0 },
      { [protocolKey]: "tcp", fromPort: 443, toPort: 443 },
      { [protocolKey]: "udp", fromPort: 500, toPort: 500 },
      { [protocolKey]: "udp", fromPort: 0, toPort: unknownAtPreview },
    ].map((p) => ({ ...extra, ...p, [cidrKey]: cidrKey.endsWith("s") ? [cidr] : cidr })),
  );
}

/** Alibaba rule holders: every CIDR with all protocols, https, the IPsec port and unknown ports. */
function alicloudHolders(cidrKey: string, protocolKey: string, portKey: string) {
  return cidrs.flatMap((cidr) =>
    [
      { [protocolKey]: "all", [portKey]: "-1/-1" },
      { [protocolKey]: "tcp", [portKey]: "443/443" },
      { [protocolKey]: "udp", [portKey]: "500/500" },
      { [protocolKey]: "udp", [portKey]: unknownAtPreview },
    ].map((p) => ({ ...p, [cidrKey]: cidr })),
  );
}

/** Each holder as one resource of `type`, and all of them in one resource. */
function resourcesOf(
  type: string,
  holders: readonly Record<string, unknown>[],
  wrap: (holders: readonly Record<string, unknown>[]) => Record<string, unknown>[],
): OracleResource[] {
  const module = type.split(":")[1].split("/")[0];
  const name = `${module}/${type.split(":")[2]}`;
  return wrap(holders).map((props, i) => sh(type, `${name}-${i}`, props));
}

const each =
  (f: (h: Record<string, unknown>) => Record<string, unknown>) =>
  (hs: readonly Record<string, unknown>[]) =>
    hs.map(f);
const inList = (key: string) => (hs: readonly Record<string, unknown>[]) => [
  ...hs.map((h) => ({ [key]: [h] })),
  { [key]: hs },
  { [key]: unknownAtPreview },
];

/** Every type egress-rules judges, in shapes that allow, drop, stay private or are unknown. */
export const ruleShapes: OracleResource[] = [
  { type: "pulumi:providers:alicloud", name: "sh", props: { region: "cn-shanghai" } },
  ...resourcesOf(
    "aws:ec2/securityGroup:SecurityGroup",
    [...awsHolders("cidrBlocks", "protocol"), ...awsHolders("ipv6CidrBlocks", "protocol")],
    inList("egress"),
  ),
  ...resourcesOf(
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    awsHolders("cidrBlocks", "protocol"),
    inList("egress"),
  ),
  ...resourcesOf(
    "aws:ec2/securityGroupRule:SecurityGroupRule",
    [...awsHolders("cidrBlocks", "protocol"), ...awsHolders("ipv6CidrBlocks", "protocol")],
    (hs) => [
      ...hs.map((h) => ({ ...h, type: "egress" })),
      ...hs.slice(0, 4).map((h) => ({ ...h, type: "ingress" })),
      { ...hs[0], type: unknownAtPreview },
    ],
  ),
  ...resourcesOf(
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    [...awsHolders("cidrIpv4", "ipProtocol"), ...awsHolders("cidrIpv6", "ipProtocol")],
    each((h) => h),
  ),
  ...["aws:ec2/networkAcl:NetworkAcl", "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl"].flatMap(
    (type) =>
      resourcesOf(
        type,
        ["allow", "deny", unknownAtPreview].flatMap((action) => [
          ...awsHolders("cidrBlock", "protocol", { action, ruleNo: 100 }),
          ...awsHolders("ipv6CidrBlock", "protocol", { action, ruleNo: 100 }).slice(0, 4),
        ]),
        inList("egress"),
      ),
  ),
  ...resourcesOf(
    "aws:ec2/networkAclRule:NetworkAclRule",
    ["allow", "deny"].flatMap((ruleAction) => [
      ...awsHolders("cidrBlock", "protocol", { ruleAction, ruleNumber: 100 }),
      ...awsHolders("ipv6CidrBlock", "protocol", { ruleAction, ruleNumber: 100 }).slice(0, 4),
    ]),
    (hs) => [
      ...hs.map((h) => ({ ...h, egress: true })),
      ...hs.slice(0, 4).map((h) => ({ ...h, egress: false })),
      { ...hs[0], egress: unknownAtPreview },
    ],
  ),
  ...resourcesOf(
    "alicloud:ecs/securityGroupRule:SecurityGroupRule",
    [
      ...alicloudHolders("cidrIp", "ipProtocol", "portRange"),
      ...alicloudHolders("ipv6CidrIp", "ipProtocol", "portRange").slice(0, 4),
    ],
    (hs) => [
      ...hs.map((h) => ({ ...h, type: "egress" })),
      ...hs.slice(0, 4).map((h) => ({ ...h, type: "egress", policy: "drop" })),
      ...hs.slice(0, 4).map((h) => ({ ...h, type: "ingress" })),
      { ...hs[0], type: "egress", policy: unknownAtPreview },
      { type: "egress", prefixListId: "pl-1", ipProtocol: "tcp", portRange: "443/443" },
    ],
  ),
  ...resourcesOf(
    "alicloud:ens/securityGroup:SecurityGroup",
    [
      ...alicloudHolders("destCidrIp", "ipProtocol", "portRange").map((h) => ({
        ...h,
        direction: "egress",
      })),
      ...alicloudHolders("destCidrIp", "ipProtocol", "portRange")
        .slice(0, 4)
        .map((h) => ({ ...h, direction: "ingress" })),
      ...alicloudHolders("ipv6DestCidrIp", "ipProtocol", "portRange")
        .slice(0, 4)
        .map((h) => ({ ...h, direction: "egress", policy: "drop" })),
      ...alicloudHolders("destCidrIp", "ipProtocol", "portRange")
        .slice(0, 1)
        .map((h) => ({ ...h, direction: unknownAtPreview })),
    ],
    inList("permissions"),
  ),
  ...resourcesOf(
    "alicloud:vpc/networkAcl:NetworkAcl",
    ["accept", "drop", unknownAtPreview].flatMap((policy) =>
      alicloudHolders("destinationCidrIp", "protocol", "port").map((h) => ({ ...h, policy })),
    ),
    inList("egressAclEntries"),
  ),
  ...resourcesOf(
    "alicloud:vpc/networkAclEntries:NetworkAclEntries",
    ["accept", "drop"].flatMap((policy) =>
      alicloudHolders("destinationCidrIp", "protocol", "port").map((h) => ({ ...h, policy })),
    ),
    inList("egresses"),
  ),
  ...[
    "alicloud:cloudfirewall/controlPolicy:ControlPolicy",
    "alicloud:cloudfirewall/natFirewallControlPolicy:NatFirewallControlPolicy",
  ].flatMap((type) =>
    resourcesOf(
      type,
      ["out", "in", unknownAtPreview].flatMap((direction) =>
        ["accept", "drop"].flatMap((aclAction) =>
          [
            { destinationType: "net", destination: "0.0.0.0/0", proto: "ANY", destPort: "0/0" },
            {
              destinationType: "net",
              destination: "10.0.0.0/8",
              proto: "TCP",
              destPort: "443/443",
            },
            {
              destinationType: "net",
              destination: "203.0.113.0/24",
              proto: "UDP",
              destPort: "500/500",
            },
            {
              destinationType: "domain",
              destination: "example.com",
              proto: "TCP",
              destPort: "443/443",
            },
            {
              destinationType: "net",
              destination: unknownAtPreview,
              proto: "TCP",
              destPort: "443/443",
            },
          ].map((r) => ({ ...r, direction, aclAction })),
        ),
      ),
      each((h) => h),
    ),
  ),
  ...[
    ["aws:ec2/managedPrefixList:ManagedPrefixList", "entries"],
    ["alicloud:ecs/ecsPrefixList:EcsPrefixList", "entries"],
    ["alicloud:vpc/prefixList:PrefixList", "entrys"],
  ].flatMap(([type, key]) =>
    resourcesOf(
      type,
      cidrs.map((cidr) => ({ cidr })),
      inList(key),
    ),
  ),
  ...resourcesOf(
    "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry",
    cidrs.map((cidr) => ({ cidr, prefixListId: "pl-1" })),
    each((h) => h),
  ),
];
