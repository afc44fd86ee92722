/**
 * The pure helpers under the policies: CIDR arithmetic and allowlist coverage, reading places
 * out of endpoints, locations, ARNs and access points, reading values through the policy
 * runtime's unknown-checking proxy, and recognising public policy statements.
 */
import { getJurisdiction } from "../../residency/jurisdictions";
import {
  describeNamedPlace,
  regionOfAccessPoint,
  regionOfEndpoint,
  regionOfOssLocation,
  kindName,
  regionOfServiceName,
} from "../../residency/placement";
import {
  allowlistEntryFor,
  cidrWithin,
  describeFlow,
  egressPermitted,
  type Flow,
  isAnywhere,
  isPrivateCidr,
  normalizeProtocol,
  parsePortRange,
  portBounds,
} from "../../policy/paths/addresses";
import type { EgressAllowEntry } from "../../policy/framework";
import { isPublic, networkPins, statements } from "../../policy/paths/iam";
import { arnOutcome } from "../../policy/paths/references";
import {
  jsonDocument,
  known,
  modelPath,
  stringsIn,
  unknown,
  valueAt,
  valuesAt,
} from "../../policy/paths/values";
import { unknown as unknownSentinel } from "../helpers/policy-plan";

// The runtime's own proxy, as policies receive props; its module ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as {
  unknownCheckingProxy: <T>(v: T) => T;
};

const cn = getJurisdiction("CN");
const us = getJurisdiction("US");

describe("CIDR arithmetic", () => {
  test.each([
    ["10.20.1.0/24", "10.20.0.0/16", true],
    ["10.20.0.0/16", "10.20.1.0/24", false],
    ["10.21.0.0/16", "10.20.0.0/16", false],
    ["8.8.8.8", "8.8.8.0/24", true],
    ["2001:db8::/48", "2001:db8::/32", true],
    ["10.0.0.0/8", "::/0", false],
    ["not a cidr", "0.0.0.0/0", false],
  ])("%s within %s is %s", (inner, outer, expected) => {
    expect(cidrWithin(inner, outer)).toBe(expected);
  });

  test.each([
    ["0.0.0.0/0", true],
    ["::/0", true],
    ["0.0.0.0/1", false],
    ["10.0.0.0/8", false],
  ])("%s is every address: %s", (cidr, expected) => {
    expect(isAnywhere(cidr)).toBe(expected);
  });

  test.each([
    ["10.20.0.0/16", true],
    ["172.31.255.0/24", true],
    ["192.168.1.1", true],
    ["fd00:1::/64", true],
    ["10.0.0.0/7", false],
    ["100.64.0.0/10", false],
    ["8.8.8.8/32", false],
    ["0.0.0.0/0", false],
  ])("%s is private: %s", (cidr, expected) => {
    expect(isPrivateCidr(cidr)).toBe(expected);
  });

  test.each([
    ["-1", "all"],
    ["all", "all"],
    [undefined, "all"],
    ["6", "tcp"],
    ["TCP", "tcp"],
    ["17", "udp"],
    ["icmp", "icmp"],
    ["SCTP", "other"],
  ])("protocol %s reads as %s", (p, expected) => {
    expect(normalizeProtocol(p)).toBe(expected);
  });

  test("reads Alibaba port ranges, -1/-1 as every port", () => {
    expect(parsePortRange("443/443")).toEqual({ fromPort: 443, toPort: 443 });
    expect(parsePortRange("-1/-1")).toEqual({});
    expect(parsePortRange("garbage")).toEqual({});
  });

  test("reads AWS port bounds, protocol -1 and 0-65535 as every port", () => {
    expect(portBounds("tcp", 443, 443)).toEqual({ fromPort: 443, toPort: 443 });
    expect(portBounds("all", 0, 0)).toEqual({});
    expect(portBounds("tcp", 0, 65535)).toEqual({});
  });
});

describe("egress allowlist coverage", () => {
  const allowlist: EgressAllowEntry[] = [
    { cidr: "198.51.100.0/24", ports: [443], protocol: "tcp", reason: "partner" },
    { cidr: "100.100.2.136/30", ports: [53, 54], protocol: "udp", reason: "dns" },
    { cidr: "192.0.2.0/24", reason: "anything to the lab" },
  ];
  const flow = (cidr: string, protocol: Flow["protocol"], from?: number, to?: number): Flow => ({
    cidr,
    protocol,
    ...(from === undefined ? {} : { fromPort: from, toPort: to ?? from }),
  });

  test.each<[string, Flow, boolean]>([
    ["a host of an allowlisted range on its port", flow("198.51.100.7/32", "tcp", 443), true],
    ["the whole allowlisted range on its port", flow("198.51.100.0/24", "tcp", 443), true],
    ["a wider range than allowlisted", flow("198.51.0.0/16", "tcp", 443), false],
    ["another port", flow("198.51.100.0/24", "tcp", 22), false],
    ["a port range beyond the allowlisted ports", flow("198.51.100.0/24", "tcp", 443, 444), false],
    ["every port", flow("198.51.100.0/24", "tcp"), false],
    ["another protocol", flow("198.51.100.0/24", "udp", 443), false],
    ["all protocols", flow("198.51.100.0/24", "all"), false],
    ["a contiguous run of allowlisted ports", flow("100.100.2.136/30", "udp", 53, 54), true],
    ["an entry without protocol or ports", flow("192.0.2.9/32", "all"), true],
    ["every address", flow("0.0.0.0/0", "tcp", 443), false],
  ])("%s: %s", (_label, f, expected) => {
    expect(allowlistEntryFor(allowlist, f) !== undefined).toBe(expected);
  });

  test("private destinations are permitted without an entry", () => {
    expect(egressPermitted([], flow("10.30.0.0/16", "all"))).toBe(true);
    expect(egressPermitted([], flow("8.8.8.8/32", "udp", 53))).toBe(false);
  });

  test("describes a flow for messages", () => {
    expect(describeFlow(flow("0.0.0.0/0", "all"))).toBe("0.0.0.0/0 (all protocols and ports)");
    expect(describeFlow(flow("8.8.8.8/32", "udp", 53))).toBe("8.8.8.8/32 (udp, port 53)");
    expect(describeFlow(flow("8.8.8.8/32", "tcp", 1, 1024))).toBe("8.8.8.8/32 (tcp, ports 1-1024)");
    // An ICMP rule's numbers are a message type and code, not ports.
    expect(describeFlow(flow("8.8.8.8/32", "icmp", 8, 0))).toBe("8.8.8.8/32 (icmp type 8, code 0)");
    expect(describeFlow(flow("8.8.8.8/32", "icmp", 3, -1))).toBe("8.8.8.8/32 (icmp type 3)");
    expect(describeFlow(flow("8.8.8.8/32", "icmp", -1, -1))).toBe("8.8.8.8/32 (icmp, every type)");
  });
});

describe("places read from values", () => {
  test.each([
    ["oss-cn-shanghai.aliyuncs.com", { cloud: "alicloud", region: "cn-shanghai" }],
    [
      "https://oss-cn-hongkong-internal.aliyuncs.com/",
      { cloud: "alicloud", region: "cn-hongkong" },
    ],
    ["cn-beijing-intranet.log.aliyuncs.com", { cloud: "alicloud", region: "cn-beijing" }],
    ["kms-vpc.cn-shanghai.aliyuncs.com", { cloud: "alicloud", region: "cn-shanghai" }],
    ["111122223333.dkr.ecr.us-east-1.amazonaws.com", { cloud: "aws", region: "us-east-1" }],
    ["db.abc.cn-north-1.rds.amazonaws.com.cn", { cloud: "aws", region: "cn-north-1" }],
    ["collector.example.com", undefined],
    ["10.0.0.1", undefined],
  ])("endpoint %s is in %j", (host, expected) => {
    expect(regionOfEndpoint(host)).toEqual(expected);
  });

  test("reads OSS locations, service names and access points", () => {
    expect(regionOfOssLocation("oss-cn-hongkong")).toBe("cn-hongkong");
    expect(regionOfOssLocation("cn-hongkong")).toBeUndefined();
    expect(regionOfServiceName("com.amazonaws.us-west-2.s3")).toBe("us-west-2");
    expect(regionOfServiceName("cn.com.amazonaws.cn-north-1.s3")).toBe("cn-north-1");
    expect(regionOfServiceName("com.amazonaws.vpce.eu-west-1.vpce-svc-0123")).toBe("eu-west-1");
    expect(regionOfAccessPoint("ap-cn-hangzhou-yh-B")).toBe("cn-hangzhou");
    expect(regionOfAccessPoint("ap-sg-singpore-A")).toBeUndefined();
  });

  test("names the far side with its jurisdiction, never by prefix", () => {
    expect(describeNamedPlace(cn, "alicloud", "oss-cn-hongkong", "cn-hongkong")).toBe(
      "oss-cn-hongkong (outside CN, in HK)",
    );
    expect(describeNamedPlace(cn, "alicloud", "cn-beijing", "cn-beijing")).toBe(
      "cn-beijing (inside CN)",
    );
    expect(describeNamedPlace(cn, "aws", "us-east-1", "us-east-1")).toBe(
      "us-east-1 (outside CN, in US)",
    );
  });

  test.each([
    ["arn:aws:kms:us-east-1:111122223333:key/1", "inside"],
    ["arn:aws:kms:eu-central-1:111122223333:key/1", "outside"],
    ["arn:aws-cn:kms:cn-north-1:111122223333:key/1", "outside"],
    ["arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1", "inside"],
    ["arn:aws:iam::111122223333:role/r", "inside"],
    ["acs:log:cn-hongkong:1:project/p", "outside"],
    ["acs:oss:*:*:bucket", "unplaceable"],
    ["my-key-id", "inside"],
  ])("in US, %s is %s", (arn, kind) => {
    expect(arnOutcome(us, arn).kind).toBe(kind);
  });

  test("cn-hongkong and ap-east-1 are outside CN; cn-north-1 is inside", () => {
    expect(arnOutcome(cn, "acs:log:cn-hongkong:1:project/p").kind).toBe("outside");
    expect(arnOutcome(cn, "arn:aws-cn:s3:::bucket").kind).toBe("inside");
    expect(arnOutcome(cn, "arn:aws:rds:ap-east-1:1:db:x").kind).toBe("outside");
    expect(arnOutcome(cn, "arn:aws-cn:rds:cn-north-1:1:db:x").kind).toBe("inside");
  });

  test("names resource types in words", () => {
    expect(kindName("alicloud:oss/bucketReplication:BucketReplication")).toBe(
      "oss bucket replication",
    );
    expect(kindName("aws:ec2/vpcPeeringConnection:VpcPeeringConnection")).toBe("vpc peering");
    expect(kindName("kubernetes:networking.k8s.io/v1:NetworkPolicy")).toBe("k8s networkpolicy");
    expect(kindName("alicloud:rds/rdsInstanceCrossBackupPolicy:RdsInstanceCrossBackupPolicy")).toBe(
      "rds instance cross backup policy",
    );
    expect(kindName("pulumi:providers:aws")).toBe("aws provider");
    // A module its kind names already, first or last, is said once.
    expect(kindName("aws:kms/key:Key")).toBe("kms key");
    expect(kindName("tap:stack:TapStack")).toBe("tap stack");
    expect(kindName("aws:connect/quickConnect:QuickConnect")).toBe("quick connect");
  });
});

describe("reading values through the runtime's proxy", () => {
  const props = unknownCheckingProxy({
    rules: [
      { destination: { bucket: "a", location: "oss-cn-beijing" } },
      { destination: { bucket: "b", location: unknownSentinel } },
    ],
    regions: ["cn-beijing", unknownSentinel],
    single: "cn-beijing",
    policy: JSON.stringify({ Statement: [{ Resource: "arn:aws:s3:::x" }] }),
    late: unknownSentinel,
  } as Record<string, unknown>);

  test("expands arrays and reports unknowns where they are met", () => {
    expect(valuesAt(props, "rules[].destination.location").map((f) => [f.path, f.value])).toEqual([
      ["rules[0].destination.location", "oss-cn-beijing"],
      ["rules[1].destination.location", unknown],
    ]);
    expect(valuesAt(props, "regions[]").map((f) => f.value)).toEqual(["cn-beijing", unknown]);
    expect(valuesAt(props, "single[]").map((f) => f.value)).toEqual(["cn-beijing"]);
    expect(valueAt(props, "late")).toBe(unknown);
    expect(valueAt(props, "missing.deeper")).toBeUndefined();
  });

  test("gives the object holding the last segment, where sibling settings are read", () => {
    const [first] = valuesAt(props, "rules[].destination.bucket");
    expect(valueAt(first.holder, "location")).toBe("oss-cn-beijing");
  });

  test("follows paths into JSON documents held as text", () => {
    expect(valueAt(props, "policy.Statement[].Resource")).toBe("arn:aws:s3:::x");
    expect(stringsIn(props).map((f) => f.path)).toContain("policy.Statement[0].Resource");
  });

  test("turns the runtime's UnknownValueError into `unknown` instead of letting it escape", () => {
    expect(() => (props as Record<string, unknown>).late).toThrow("can't be known during preview");
    expect(known(() => (props as Record<string, unknown>).late)).toBe(unknown);
    expect(jsonDocument(unknownCheckingProxy({ a: 1 }))).toEqual({ a: 1 });
    expect(jsonDocument(unknownCheckingProxy({ a: unknownSentinel }))).toBe(unknown);
  });

  test("maps concrete paths to model paths", () => {
    expect(modelPath("rules[3].destinations[0].bucket")).toBe("rules[].destinations[].bucket");
  });
});

/** An Allow for everyone under one condition. */
const allowUnder = (condition: Record<string, Record<string, unknown>>) => ({
  Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Condition: condition }],
});

describe("public policy statements", () => {
  test.each<[string, unknown, number[]]>([
    [
      "Allow to everyone",
      { Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject" }] },
      [0],
    ],
    ["Allow to AWS *", { Statement: [{ Effect: "Allow", Principal: { AWS: ["*"] } }] }, [0]],
    [
      "Allow to everyone from the VPC endpoint",
      {
        Statement: [
          {
            Effect: "Allow",
            Principal: "*",
            Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } },
          },
        ],
      },
      [],
    ],
    [
      "Alibaba Allow bound to the VPC",
      {
        Statement: [
          {
            Effect: "Allow",
            Principal: ["*"],
            Condition: { StringEquals: { "acs:SourceVpc": ["vpc-1"] } },
          },
        ],
      },
      [],
    ],
    ["Deny to everyone", { Statement: [{ Effect: "Deny", Principal: "*" }] }, []],
    [
      "Allow to one account",
      { Statement: { Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:root" } } },
      [],
    ],
    ["not a document", "not json", []],
    // A condition binds only with a positive operator, a key that names who may ask, and values
    // that each name one thing (AWS's meaning of public).
    ["any VPC endpoint (StringLike *)", allowUnder({ StringLike: { "aws:SourceVpce": "*" } }), [0]],
    ["every IPv4 address", allowUnder({ IpAddress: { "aws:SourceIp": "0.0.0.0/0" } }), [0]],
    ["every IPv6 address", allowUnder({ IpAddress: { "aws:SourceIp": ["::/0"] } }), [0]],
    ["everyone but one VPC", allowUnder({ StringNotEquals: { "aws:SourceVpc": "vpc-1" } }), [0]],
    ["HTTPS only", allowUnder({ Bool: { "aws:SecureTransport": "true" } }), [0]],
    [
      "one endpoint if the request names any (IfExists)",
      allowUnder({ StringEqualsIfExists: { "aws:SourceVpce": "vpce-1" } }),
      [0],
    ],
    [
      "one endpoint for all values (true for a request without one)",
      allowUnder({ "ForAllValues:StringEquals": { "aws:SourceVpce": "vpce-1" } }),
      [0],
    ],
    [
      "one fixed endpoint and one pattern",
      allowUnder({ StringEquals: { "aws:SourceVpce": ["vpce-1", "vpce-*"] } }),
      [0],
    ],
    ["no value at all", allowUnder({ StringEquals: { "aws:SourceVpce": [] } }), [0]],
    ["a role's every session", allowUnder({ StringLike: { "aws:userid": "AROA1:*" } }), [0]],
    ["not an address range", allowUnder({ IpAddress: { "aws:SourceIp": "office" } }), [0]],
    [
      "Principal * among accounts",
      { Statement: { Effect: "Allow", Principal: { AWS: ["arn:aws:iam::1:root", "*"] } } },
      [0],
    ],
    [
      "the second of two statements",
      {
        Statement: [
          { Effect: "Deny", Principal: "*" },
          { Effect: "Allow", Principal: ["*"] },
        ],
      },
      [1],
    ],
    [
      "one source ARN",
      allowUnder({ ArnEquals: { "aws:SourceArn": "arn:aws:cloudfront::1:distribution/E1" } }),
      [],
    ],
    ["one address range", allowUnder({ IpAddress: { "aws:SourceIp": ["203.0.113.0/24"] } }), []],
    ["Alibaba address range", allowUnder({ IpAddress: { "acs:SourceIp": "198.51.100.7" } }), []],
    ["one organisation", allowUnder({ StringEquals: { "aws:PrincipalOrgID": "o-1" } }), []],
    [
      "a key in other letter case",
      allowUnder({ StringEquals: { "AWS:SOURCEVPCE": "vpce-1" } }),
      [],
    ],
    [
      "one endpoint for any value",
      allowUnder({ "ForAnyValue:StringEquals": { "aws:SourceVpce": "vpce-1" } }),
      [],
    ],
    [
      "HTTPS and one account (every entry must hold)",
      allowUnder({
        Bool: { "aws:SecureTransport": "true" },
        StringEquals: { "aws:SourceAccount": "1" },
      }),
      [],
    ],
  ])("%s", (_label, doc, expected) => {
    const publicOnes = statements(typeof doc === "string" ? doc : JSON.stringify(doc))
      .filter(isPublic)
      .map((s) => s.index);
    expect(publicOnes).toEqual(expected);
  });

  test("a condition value not known at preview names nothing fixed", () => {
    const [s] = statements(allowUnder({ StringEquals: { "aws:SourceVpce": unknown } }));
    expect(isPublic(s)).toBe(true);
  });
});

describe("networks a policy pins access to", () => {
  const pins = (effect: string, operator: string, key: string, value: unknown) =>
    networkPins(
      statements({
        Statement: [
          { Effect: effect, Principal: "*", Condition: { [operator]: { [key]: value } } },
        ],
      }),
    );

  test("a Deny outside a VPC pins it", () => {
    expect(pins("Deny", "StringNotEquals", "acs:SourceVpc", ["vpc-1"])).toEqual({
      vpcs: ["vpc-1"],
      endpoints: [],
    });
  });

  test("a Deny outside a VPC endpoint pins it", () => {
    expect(pins("Deny", "StringNotEquals", "aws:SourceVpce", "vpce-1")).toEqual({
      vpcs: [],
      endpoints: ["vpce-1"],
    });
  });

  test("an Allow from a VPC pins nothing", () => {
    expect(pins("Allow", "StringEquals", "aws:SourceVpc", "vpc-1")).toEqual({
      vpcs: [],
      endpoints: [],
    });
  });
});
