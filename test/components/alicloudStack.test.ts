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
} from "../helpers/mocks";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { parseStackSpec, type StackSpec } from "../../residency/spec";
import { buildAlicloudStack } from "../../stacks/alicloud";

/** The spec of the real cn-shanghai stack, read as the Pulumi runtime hands config over. */
function shanghaiSpec(): StackSpec {
  const file = path.join(__dirname, "../../Pulumi.cn-shanghai.yaml");
  const { config } = parse(fs.readFileSync(file, "utf8")) as { config: Record<string, unknown> };
  const flat = Object.fromEntries(
    Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
  );
  // The cluster and its namespaces are held to their settings in alicloudCluster.test.ts.
  return { ...parseStackSpec(flat, "cn-shanghai"), kubernetes: undefined };
}

async function build(opts: pulumi.ComponentResourceOptions = {}) {
  const outputs = buildAlicloudStack(shanghaiSpec(), opts);
  await settled();
  return outputs;
}

const stackProvider = () => one("pulumi:providers:alicloud", "cn-shanghai-alicloud");

beforeEach(resetRegistrations);

describe("buildAlicloudStack (cn-shanghai)", () => {
  it("builds the whole sealed data center and nothing else", async () => {
    await build();
    expect(countsByType()).toEqual({
      "pulumi:providers:alicloud": 1,
      "sovereign-dc:alicloud:AlicloudKeys": 1,
      "alicloud:kms/key:Key": 1,
      "sovereign-dc:alicloud:AlicloudNetwork": 1,
      "alicloud:vpc/network:Network": 1,
      "alicloud:vpc/switch:Switch": 2,
      "alicloud:vpc/networkAcl:NetworkAcl": 1,
      "sovereign-dc:alicloud:AlicloudEgressGuard": 1,
      "alicloud:ecs/securityGroup:SecurityGroup": 1,
      "alicloud:ecs/securityGroupRule:SecurityGroupRule": 5,
      "sovereign-dc:alicloud:AlicloudStorage": 1,
      "sovereign-dc:alicloud:AlicloudBucket": 3,
      "alicloud:oss/bucket:Bucket": 3,
      "alicloud:oss/bucketAcl:BucketAcl": 3,
      "alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock": 3,
      "alicloud:oss/bucketVersioning:BucketVersioning": 3,
      "alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption": 3,
      "alicloud:oss/bucketPolicy:BucketPolicy": 3,
      "alicloud:oss/bucketLogging:BucketLogging": 2,
    });
  });

  it("has no NAT, EIP, gateway, route, replication or acceleration resource", async () => {
    await build();
    const crossings = registrations().filter((r) =>
      /natGateway|snatEntry|eip|Gateway|routeEntry|bucketReplication|TransferAcceleration|cen\/|peerConnection|ga\//i.test(
        r.type,
      ),
    );
    expect(crossings).toEqual([]);
  });

  it("pins one explicit provider to the spec's region, over HTTPS", async () => {
    await build();
    expect(stackProvider().inputs).toEqual({ region: "cn-shanghai", protocol: "HTTPS" });
  });

  it("creates every resource through that provider", async () => {
    await build();
    const ref = providerRef(stackProvider());
    const custom = registrations().filter((r) => r.custom && !r.type.startsWith("pulumi:"));
    expect(custom.filter((r) => r.provider !== ref).map((r) => r.name)).toEqual([]);
    expect(custom).toHaveLength(31);
  });

  it("keeps the stack's provider when the caller passes another one", async () => {
    const foreign = testProvider("cn-hongkong");
    await build({ provider: foreign });
    const ref = providerRef(stackProvider());
    const custom = registrations().filter((r) => r.custom && !r.type.startsWith("pulumi:"));
    expect(new Set(custom.map((r) => r.provider))).toEqual(new Set([ref]));
  });

  it("keeps the caller's options, such as a parent", async () => {
    const root = new pulumi.ComponentResource("test:index:Root", "root");
    await build({ parent: root });
    const components = registrations().filter(
      (r) => r.type.startsWith("sovereign-dc:") && !r.type.endsWith(":AlicloudBucket"),
    );
    expect(Object.fromEntries(components.map((r) => [r.name, parentName(r)]))).toEqual({
      "cn-shanghai-keys": "root",
      "cn-shanghai-network": "root",
      "cn-shanghai-egress-guard": "root",
      "cn-shanghai-storage": "root",
    });
    expect(parentName(stackProvider())).toBe("root");
  });

  it("protects exactly the key and the three buckets", async () => {
    await build();
    const protectedNames = registrations()
      .filter((r) => r.protect)
      .map((r) => r.name)
      .sort();
    expect(protectedNames).toEqual([
      "cn-shanghai-keys-key",
      "cn-shanghai-storage-access-logs-bucket",
      "cn-shanghai-storage-customer-records-bucket",
      "cn-shanghai-storage-telemetry-bucket",
    ]);
  });

  it("encrypts every bucket with the stack's key and restricts it to the stack's VPC", async () => {
    await build();
    const keyIds = ofType("alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption").map(
      (r) => r.inputs.kmsMasterKeyId,
    );
    expect(keyIds).toEqual([
      "cn-shanghai-keys-key-id",
      "cn-shanghai-keys-key-id",
      "cn-shanghai-keys-key-id",
    ]);
    const vpcs = ofType("alicloud:oss/bucketPolicy:BucketPolicy").map(
      (r) => JSON.parse(r.inputs.policy as string).Statement[1].Condition.StringNotEquals,
    );
    expect(vpcs).toEqual(Array(3).fill({ "acs:SourceVpc": ["cn-shanghai-network-vpc-id"] }));
  });

  it("uses the spec's key settings and names the stack in the key's description", async () => {
    await build();
    expect(one("alicloud:kms/key:Key", "cn-shanghai-keys-key").inputs).toMatchObject({
      description: "Data key of stack cn-shanghai (CN): encrypts its OSS buckets in cn-shanghai",
      rotationInterval: "365d",
      pendingWindowInDays: 30,
    });
  });

  it("returns the stack outputs", async () => {
    const outputs = await build();
    expect(await valueOf(outputs)).toEqual({
      region: "cn-shanghai",
      jurisdiction: "CN",
      vpcId: "cn-shanghai-network-vpc-id",
      vSwitchIds: {
        "cn-shanghai-e": "cn-shanghai-network-cn-shanghai-e-id",
        "cn-shanghai-f": "cn-shanghai-network-cn-shanghai-f-id",
      },
      networkAclId: "cn-shanghai-network-acl-id",
      securityGroupId: "cn-shanghai-egress-guard-sg-id",
      keyId: "cn-shanghai-keys-key-id",
      buckets: {
        telemetry: "sovereign-dc-cn-shanghai-telemetry",
        "customer-records": "sovereign-dc-cn-shanghai-customer-records",
      },
      logBucket: "sovereign-dc-cn-shanghai-access-logs",
    });
  });

  it("refuses a spec for another cloud", () => {
    expect(() => buildAlicloudStack({ ...shanghaiSpec(), cloud: "aws" })).toThrow(
      'buildAlicloudStack: received a spec for cloud "aws"; expected "alicloud".',
    );
  });
});
