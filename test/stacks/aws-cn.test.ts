/**
 * An AWS China stack (cn-northwest-1, jurisdiction CN): every ARN it writes must be in the
 * `aws-cn` partition, every endpoint must carry the name AWS China gives it, and everything must
 * be created through the one provider pinned to Ningxia.
 */
import {
  countsByType,
  ofType,
  one,
  providerRef,
  registrations,
  resetRegistrations,
  settled,
  valueOf,
} from "../helpers/mocks";
import * as pulumi from "@pulumi/pulumi";
import { type StackSpec, validateStackSpec } from "../../residency/spec";
import { buildAwsStack } from "../../stacks/aws";

const account = "210987654321";
const region = "cn-northwest-1";

const ningxia = {
  cloud: "aws",
  region,
  jurisdiction: "CN",
  accountId: account,
  network: {
    cidr: "10.40.0.0/16",
    zones: [
      { zone: "cn-northwest-1a", cidr: "10.40.1.0/24" },
      { zone: "cn-northwest-1b", cidr: "10.40.2.0/24" },
    ],
  },
  buckets: [
    {
      name: "telemetry",
      purpose: "Vehicle telemetry (PIPL personal information)",
      retentionDays: 365,
    },
    { name: "customer-records", purpose: "Contracts and service history", retentionDays: 1825 },
  ],
  egress: [
    {
      cidr: "10.40.0.0/16",
      ports: [443],
      protocol: "tcp",
      reason: "Interface VPC endpoints for KMS and STS inside the stack's own VPC",
    },
  ],
  keys: { deletionWindowDays: 30, rotationDays: 365 },
};

function ningxiaSpec(): StackSpec {
  return validateStackSpec(ningxia, "cn-ningxia");
}

/** Logical names start with the stack's name, which the shared harness fixes. */
const stack = () => pulumi.getStack();

/** Every string in a value, with JSON documents (policies) opened up. */
function strings(value: unknown): string[] {
  if (typeof value === "string") {
    const text = value.trim();
    if (text.startsWith("{") || text.startsWith("[")) {
      try {
        return strings(JSON.parse(text));
      } catch {
        return [value];
      }
    }
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(strings);
  }
  if (value !== null && typeof value === "object") {
    return Object.values(value).flatMap(strings);
  }
  return [];
}

beforeEach(resetRegistrations);

describe("an AWS China stack (cn-northwest-1)", () => {
  test("writes every ARN in the aws-cn partition and none in the global one", async () => {
    buildAwsStack(ningxiaSpec());
    await settled();

    // The key's own ARN is a provider output, which these mocks leave unset; every ARN below is
    // one the stack writes itself.
    const inputs = registrations().flatMap((r) => strings(r.inputs));
    expect(inputs.filter((s) => s.includes("arn:aws:"))).toEqual([]);
    const arns = new Set(inputs.flatMap((s) => s.match(/arn:[^\s"]+/g) ?? []));
    const bucket = (name: string) => `arn:aws-cn:s3:::${name}-${account}-${region}`;
    expect([...arns].sort()).toEqual(
      [
        `arn:aws-cn:iam::${account}:root`,
        `arn:aws-cn:logs:${region}:${account}:*`,
        ...["access-logs", "flow-logs", "telemetry", "customer-records"].flatMap((b) => [
          bucket(b),
          `${bucket(b)}/*`,
        ]),
        `${bucket("flow-logs")}/AWSLogs/${account}/*`,
      ].sort(),
    );
  });

  test("reaches S3, KMS and STS through interface endpoints named as AWS China names them", async () => {
    buildAwsStack(ningxiaSpec());
    await settled();
    const network = `${stack()}-network`;
    const inEverySubnet = {
      vpcId: `${network}-vpc-id`,
      vpcEndpointType: "Interface",
      privateDnsEnabled: true,
      subnetIds: [`${network}-cn-northwest-1a-id`, `${network}-cn-northwest-1b-id`],
      securityGroupIds: [`${network}-endpoints-id`],
    };
    const s3 = one("aws:ec2/vpcEndpoint:VpcEndpoint", `${network}-s3`).inputs;
    expect({ ...s3, policy: JSON.parse(s3.policy as string) }).toEqual({
      ...inEverySubnet,
      serviceName: "cn.com.amazonaws.cn-northwest-1.s3",
      dnsOptions: { privateDnsOnlyForInboundResolverEndpoint: false },
      policy: {
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "OnlyThisAccountsBuckets",
            Effect: "Allow",
            Principal: "*",
            Action: "s3:*",
            Resource: "*",
            Condition: { StringEquals: { "aws:ResourceAccount": account } },
          },
        ],
      },
    });
    expect(one("aws:ec2/vpcEndpoint:VpcEndpoint", `${network}-kms`).inputs).toEqual({
      ...inEverySubnet,
      serviceName: "com.amazonaws.cn-northwest-1.kms",
    });
    expect(one("aws:ec2/vpcEndpoint:VpcEndpoint", `${network}-sts`).inputs).toEqual({
      ...inEverySubnet,
      serviceName: "cn.com.amazonaws.cn-northwest-1.sts",
    });
    expect(ofType("aws:ec2/vpcEndpoint:VpcEndpoint")).toHaveLength(3);
  });

  test("creates everything through one provider pinned to Ningxia and the China account", async () => {
    buildAwsStack(ningxiaSpec());
    await settled();
    const provider = one("pulumi:providers:aws", `${stack()}-aws`);
    expect(provider.inputs).toMatchObject({
      region,
      allowedAccountIds: JSON.stringify([account]),
    });
    expect(provider.inputs).not.toHaveProperty("endpoints");
    expect(provider.inputs).not.toHaveProperty("stsRegion");
    const resources = registrations().filter((r) => r.custom && r !== provider);
    expect(resources).toHaveLength(54);
    for (const r of resources) {
      expect([r.name, r.provider, r.inputs.region]).toEqual([
        r.name,
        providerRef(provider),
        undefined,
      ]);
    }
    for (const type of [
      "aws:ec2/internetGateway:InternetGateway",
      "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
      "aws:ec2/natGateway:NatGateway",
      "aws:ec2/eip:Eip",
    ]) {
      expect(countsByType()[type]).toBeUndefined();
    }
  });

  test("reports the China partition and keeps the key and buckets protected", async () => {
    const outputs = buildAwsStack(ningxiaSpec());
    const resolved = await valueOf({ keyAlias: outputs.keyAlias, buckets: outputs.buckets });
    await settled();
    expect({
      partition: outputs.partition,
      jurisdiction: outputs.jurisdiction,
      region: outputs.region,
      ...resolved,
    }).toEqual({
      partition: "aws-cn",
      jurisdiction: "CN",
      region,
      keyAlias: "alias/sovereign-dc/cn-northwest-1",
      buckets: {
        telemetry: `telemetry-${account}-${region}`,
        "customer-records": `customer-records-${account}-${region}`,
      },
    });
    expect(
      registrations()
        .filter((r) => r.protect)
        .map((r) => r.type)
        .sort(),
    ).toEqual([
      "aws:kms/key:Key",
      "aws:s3/bucket:Bucket",
      "aws:s3/bucket:Bucket",
      "aws:s3/bucket:Bucket",
      "aws:s3/bucket:Bucket",
    ]);
  });

  test("refuses Hong Kong (ap-east-1), which is outside jurisdiction CN", () => {
    const hongKong = {
      ...ningxia,
      region: "ap-east-1",
      network: { cidr: "10.40.0.0/16", zones: [{ zone: "ap-east-1a", cidr: "10.40.1.0/24" }] },
    };
    let message = "";
    try {
      validateStackSpec(hongKong, "cn-ningxia");
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      'Invalid stack config for stack "cn-ningxia":\n' +
        '  - sovereign-dc:region: received "ap-east-1"; expected a region of aws inside jurisdiction CN (cn-north-1, cn-northwest-1); ap-east-1 is in HK.',
    );
  });
});
