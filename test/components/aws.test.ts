/**
 * The AWS components and the us-west stack under the SDK's mock monitor: every registered
 * resource is recorded with its inputs, provider, dependencies and protect flag, and the tests
 * assert the security-relevant inputs exactly.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { disableStackCapture } from "../../engine/cheap-stacks";
import type { RegisterResourceRequest } from "@pulumi/pulumi/proto/resource_pb";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import * as YAML from "yaml";
import { awsPartitionOf } from "../../residency/jurisdictions";
import { cidrContains, cidrsOverlap, parseStackSpec } from "../../residency/spec";

// ---- recording mocks (the same harness as test/stacks/aws-cn.test.ts) ----

/** Inputs as the program sent them: JSON the tests index into freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Inputs = Record<string, any>;

interface Registration {
  readonly type: string;
  readonly name: string;
  /** The ID the mocks gave the resource, which other resources' inputs refer to it by. */
  readonly id: string;
  readonly inputs: Inputs;
  readonly custom: boolean;
  readonly provider: string;
  readonly protect: boolean | undefined;
  readonly retainOnDelete: boolean | undefined;
  readonly dependencies: readonly string[];
  /** URN of the parent; empty for a top-level resource. */
  readonly parent: string;
}

const registrations: Registration[] = [];
const requestOptions = new Map<
  string,
  { protect?: boolean; retainOnDelete?: boolean; dependencies: string[]; parent: string }
>();
const providerInputs = new Map<string, Inputs>();

/** Outputs the AWS provider computes and the components read back. */
function computedOutputs(args: pulumi.runtime.MockResourceArgs): Record<string, unknown> {
  const provider = providerInputs.get(args.provider?.split("::").pop() ?? "");
  const region = provider?.region ?? "us-west-2";
  const account = provider ? JSON.parse(provider.allowedAccountIds)[0] : "000000000000";
  const partition = awsPartitionOf(region);
  switch (args.type) {
    case "aws:ec2/vpc:Vpc":
      return {
        defaultNetworkAclId: `acl-${args.name}`,
        defaultRouteTableId: `rtb-${args.name}`,
        defaultSecurityGroupId: `sg-${args.name}`,
      };
    case "aws:kms/key:Key":
      return {
        keyId: `${args.name}-uuid`,
        arn: `arn:${partition}:kms:${region}:${account}:key/${args.name}-uuid`,
      };
    case "aws:s3/bucket:Bucket":
      return { arn: `arn:${partition}:s3:::${args.inputs.bucket}` };
    default:
      return {};
  }
}

const mocks: pulumi.runtime.Mocks = {
  newResource(args) {
    const id = args.type === "aws:s3/bucket:Bucket" ? args.inputs.bucket : `${args.name}-id`;
    if (args.type === "pulumi:providers:aws") {
      providerInputs.set(id, args.inputs);
    }
    const options = requestOptions.get(`${args.type}::${args.name}`);
    registrations.push({
      type: args.type,
      name: args.name,
      id,
      inputs: args.inputs,
      custom: args.custom ?? false,
      provider: args.provider ?? "",
      protect: options?.protect,
      retainOnDelete: options?.retainOnDelete,
      dependencies: options?.dependencies ?? [],
      parent: options?.parent ?? "",
    });
    return { id, state: { ...args.inputs, ...computedOutputs(args) } };
  },
  call(args) {
    throw new Error(`unmocked call ${args.token}: the components must not invoke data sources`);
  },
};

/** The mock callback does not see options; the monitor's request carries them. */
class RecordingMonitor extends MockMonitor {
  override async registerResource(
    req: RegisterResourceRequest,
    callback: (err: unknown, resp: unknown) => void,
  ) {
    requestOptions.set(`${req.getType()}::${req.getName()}`, {
      protect: req.getProtect(),
      retainOnDelete: req.getRetainondelete(),
      dependencies: req.getDependenciesList(),
      parent: req.getParent(),
    });
    return super.registerResource(req, callback);
  }
}

// Before the code under test is imported (in beforeAll), as the SDK asks.
disableStackCapture();
void pulumi.runtime.setMocks(mocks, "sovereign-dc", "test");

async function startRecording(stack: string): Promise<void> {
  registrations.length = 0;
  requestOptions.clear();
  providerInputs.clear();
  await pulumi.runtime.setMocks(mocks, "sovereign-dc", stack);
  pulumi.runtime.setMockOptions(new RecordingMonitor(mocks), "sovereign-dc", stack);
}

/** Waits until every registration has reached the monitor, then returns them all. */
async function recorded(): Promise<Registration[]> {
  await pulumi.runtime.disconnect();
  return [...registrations];
}

/** Registrations of one type, by name: the monitor sees them in whatever order outputs resolve. */
function ofType(regs: readonly Registration[], type: string): Registration[] {
  return regs.filter((r) => r.type === type).sort((a, b) => a.name.localeCompare(b.name));
}

function one(regs: readonly Registration[], type: string, name: string): Registration {
  const found = regs.filter((r) => r.type === type && r.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

function countByType(regs: readonly Registration[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of regs) {
    counts[r.type] = (counts[r.type] ?? 0) + 1;
  }
  return counts;
}

function urnOf(type: string, name: string, parentType?: string): string {
  const qualified = parentType ? `${parentType}$${type}` : type;
  return `urn:pulumi:${pulumi.getStack()}::sovereign-dc::${qualified}::${name}`;
}

function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

// ---- reachability: what the ACL and the security groups let through, read from the inputs ----

interface PortRange {
  readonly fromPort: number;
  readonly toPort: number;
}

const https: PortRange = { fromPort: 443, toPort: 443 };
/** Where replies come back to a client: any port from 1024 (NAT, Lambda, ELB) to 65535. */
const clientPorts: PortRange = { fromPort: 1024, toPort: 65535 };

/**
 * Whether one direction of a stateless network ACL passes TCP on every port of `ports` for every
 * address of `block`. Rules are read in number order and the first one that matches decides, as
 * EC2 does; a deny touching the block or the ports refuses, an allow must cover them whole.
 */
function aclPasses(rules: readonly Inputs[], block: string, ports: PortRange): boolean {
  for (const r of [...rules].sort((a, b) => a.ruleNo - b.ruleNo)) {
    const anyProtocol = r.protocol === "-1";
    const touchesPorts =
      anyProtocol ||
      (r.protocol === "tcp" && r.fromPort <= ports.toPort && ports.fromPort <= r.toPort);
    if (!touchesPorts || !cidrsOverlap(r.cidrBlock, block)) {
      continue;
    }
    if (r.action === "deny") {
      return false;
    }
    const coversPorts = anyProtocol || (r.fromPort <= ports.fromPort && ports.toPort <= r.toPort);
    if (coversPorts && cidrContains(r.cidrBlock, block)) {
      return true;
    }
  }
  return false;
}

/**
 * Whether a security-group rule admits TCP on `ports` to (or from) `peer`: a CIDR rule must hold
 * the peer's block, a group rule must name one of the peer's groups. A prefix-list rule admits no
 * peer: prefix lists name addresses outside the VPC.
 */
function sgRuleAdmits(
  rule: Inputs,
  ports: PortRange,
  peer: { readonly block: string; readonly groupIds: readonly string[] },
): boolean {
  const anyProtocol = rule.ipProtocol === "-1";
  if (
    !anyProtocol &&
    (rule.ipProtocol !== "tcp" || rule.fromPort > ports.fromPort || ports.toPort > rule.toPort)
  ) {
    return false;
  }
  if (rule.cidrIpv4 !== undefined) {
    return cidrContains(rule.cidrIpv4, peer.block);
  }
  return peer.groupIds.includes(rule.referencedSecurityGroupId);
}

/** The rules a group holds exclusively in one direction: every other rule is removed. */
function exclusiveRules(
  regs: readonly Registration[],
  groupId: string,
  direction: "egress" | "ingress",
): Inputs[] {
  const exclusive = regs.filter(
    (r) =>
      r.type === "aws:ec2/vpcSecurityGroupRulesExclusive:VpcSecurityGroupRulesExclusive" &&
      r.inputs.securityGroupId === groupId,
  );
  expect(exclusive).toHaveLength(1);
  const ruleType =
    direction === "egress"
      ? "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"
      : "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
  return (exclusive[0].inputs[`${direction}RuleIds`] as string[]).map((id) => {
    const rule = regs.find((r) => r.type === ruleType && r.id === id);
    expect(rule?.inputs.securityGroupId).toBe(groupId);
    return rule!.inputs;
  });
}

/**
 * Every way a workload in any of the stack's subnets, in the workload security group, could fail
 * to reach `services` over HTTPS; empty when every service resolves (private DNS) to endpoint
 * interfaces in the stack's subnets, inside the VPC block, and the request and its reply pass
 * the network ACL in both subnets and both security groups.
 */
function unreachable(
  regs: readonly Registration[],
  names: { readonly vpc: string; readonly acl: string; readonly workloadGroup: string },
  services: readonly string[],
): string[] {
  const vpcBlock: string = one(regs, "aws:ec2/vpc:Vpc", names.vpc).inputs.cidrBlock;
  const subnetBlocks = new Map(
    ofType(regs, "aws:ec2/subnet:Subnet").map((s) => [s.id, s.inputs.cidrBlock as string]),
  );
  const acl = one(regs, "aws:ec2/networkAcl:NetworkAcl", names.acl).inputs;
  const workloadGroup = one(regs, "aws:ec2/securityGroup:SecurityGroup", names.workloadGroup).id;
  const workloadEgress = exclusiveRules(regs, workloadGroup, "egress");
  const endpoints = ofType(regs, "aws:ec2/vpcEndpoint:VpcEndpoint");

  const problems: string[] = [];
  const underAcl = new Set<string>(acl.subnetIds);
  for (const id of subnetBlocks.keys()) {
    if (!underAcl.has(id)) {
      problems.push(`subnet ${id} is not under the network ACL ${names.acl}`);
    }
  }
  for (const service of services) {
    const serving = endpoints.filter((e) => e.inputs.serviceName.split(".").pop() === service);
    if (serving.length === 0) {
      problems.push(`${service}: no VPC endpoint, so no path inside the VPC`);
    }
  }
  for (const endpoint of endpoints) {
    const { serviceName, vpcEndpointType, privateDnsEnabled } = endpoint.inputs;
    const what = `${serviceName} (${vpcEndpointType} endpoint ${endpoint.name})`;
    if (vpcEndpointType !== "Interface") {
      problems.push(`${what}: traffic goes to the service's public addresses, outside ${vpcBlock}`);
      continue;
    }
    if (privateDnsEnabled !== true) {
      problems.push(`${what}: without private DNS the service's name resolves outside ${vpcBlock}`);
    }
    const groupIds: string[] = endpoint.inputs.securityGroupIds ?? [];
    const endpointIngress = groupIds.flatMap((g) => exclusiveRules(regs, g, "ingress"));
    for (const from of subnetBlocks.values()) {
      const workload = { block: from, groupIds: [workloadGroup] };
      if (!endpointIngress.some((r) => sgRuleAdmits(r, https, workload))) {
        problems.push(`${what}: the endpoint's groups admit no HTTPS from ${from}`);
      }
    }
    const eniSubnets: string[] = endpoint.inputs.subnetIds ?? [];
    if (eniSubnets.length === 0) {
      problems.push(`${what}: no interface in any subnet`);
    }
    for (const eniSubnet of eniSubnets) {
      const to = subnetBlocks.get(eniSubnet);
      if (to === undefined || !cidrContains(vpcBlock, to)) {
        problems.push(`${what}: interface in ${eniSubnet}, which is not a subnet of the stack`);
        continue;
      }
      if (!workloadEgress.some((r) => sgRuleAdmits(r, https, { block: to, groupIds }))) {
        problems.push(`${what}: the workload group lets no HTTPS out to ${to}`);
      }
      for (const from of subnetBlocks.values()) {
        const legs: [string, readonly Inputs[], string, PortRange][] = [
          [`request ${from} -> ${to} leaving`, acl.egress, to, https],
          [`request ${from} -> ${to} entering`, acl.ingress, from, https],
          [`reply ${to} -> ${from} leaving`, acl.egress, from, clientPorts],
          [`reply ${to} -> ${from} entering`, acl.ingress, to, clientPorts],
        ];
        for (const [leg, rules, peer, ports] of legs) {
          if (!aclPasses(rules, peer, ports)) {
            problems.push(`${what}: the network ACL drops the ${leg} its subnet`);
          }
        }
      }
    }
  }
  return problems;
}

// ---- the code under test, loaded after the mocks are in place ----

let awsProvider: typeof import("@pulumi/aws/provider");
let components: typeof import("../../components/aws");
let stack: typeof import("../../stacks/aws");

beforeAll(async () => {
  awsProvider = await import("@pulumi/aws/provider");
  components = await import("../../components/aws");
  stack = await import("../../stacks/aws");
});

const account = "111122223333";
const forbiddenTypes = [
  "aws:ec2/internetGateway:InternetGateway",
  "aws:ec2/internetGatewayAttachment:InternetGatewayAttachment",
  "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
  "aws:ec2/natGateway:NatGateway",
  "aws:ec2/eip:Eip",
  "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
  "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
  "aws:kms/replicaKey:ReplicaKey",
];

function testProvider() {
  return new awsProvider.Provider("test-aws", {
    region: "us-west-2",
    allowedAccountIds: [account],
  });
}

describe("SealedKey", () => {
  beforeEach(() => startRecording("key"));

  test("creates one protected, rotating, single-region key limited to the account", async () => {
    new components.SealedKey(
      "key",
      {
        accountId: account,
        region: "us-west-2",
        deletionWindowDays: 14,
        rotationDays: 180,
        aliasName: "alias/sovereign-dc/us-west-2",
        allowLogDelivery: true,
      },
      { provider: testProvider() },
    );
    const regs = await recorded();

    expect(countByType(regs)).toEqual({
      "pulumi:providers:aws": 1,
      "sovereign-dc:aws:SealedKey": 1,
      "aws:kms/key:Key": 1,
      "aws:kms/alias:Alias": 1,
    });
    const key = one(regs, "aws:kms/key:Key", "key-key");
    expect({ ...key.inputs, policy: JSON.parse(key.inputs.policy) }).toEqual({
      description: "sovereign-dc key: encrypts the stack's data at rest",
      multiRegion: false,
      enableKeyRotation: true,
      rotationPeriodInDays: 180,
      deletionWindowInDays: 14,
      policy: {
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "AccountAdministersAndUsesKey",
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::111122223333:root" },
            Action: "kms:*",
            Resource: "*",
          },
          {
            Sid: "S3ServerAccessLogDeliveryEncrypts",
            Effect: "Allow",
            Principal: { Service: "logging.s3.amazonaws.com" },
            Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } },
          },
          {
            Sid: "VpcFlowLogDeliveryEncrypts",
            Effect: "Allow",
            Principal: { Service: "delivery.logs.amazonaws.com" },
            Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
            Resource: "*",
            Condition: {
              StringEquals: { "aws:SourceAccount": "111122223333" },
              ArnLike: { "aws:SourceArn": "arn:aws:logs:us-west-2:111122223333:*" },
            },
          },
        ],
      },
    });
    expect(key.protect).toBe(true);
    expect(key.retainOnDelete).toBe(true);
    expect(one(regs, "aws:kms/alias:Alias", "key-alias").inputs).toEqual({
      name: "alias/sovereign-dc/us-west-2",
      targetKeyId: "key-key-uuid",
    });
  });

  test("keeps the key protected when the caller unprotects the component", async () => {
    new components.SealedKey(
      "key",
      { accountId: account, region: "us-west-2" },
      { provider: testProvider(), protect: false },
    );
    const regs = await recorded();
    const key = one(regs, "aws:kms/key:Key", "key-key");
    expect(key.protect).toBe(true);
    expect(key.retainOnDelete).toBe(true);
    expect(key.inputs.deletionWindowInDays).toBe(30);
    expect(key.inputs.rotationPeriodInDays).toBe(365);
    expect(JSON.parse(key.inputs.policy).Statement).toHaveLength(1);
    expect(one(regs, "aws:kms/alias:Alias", "key-alias").inputs.name).toBe("alias/key");
  });
});

describe("SealedBucket", () => {
  beforeEach(() => startRecording("bucket"));

  const bucketName = "telemetry-111122223333-us-west-2";
  const bucketArn = `arn:aws:s3:::${bucketName}`;
  const keyArn = "arn:aws:kms:us-west-2:111122223333:key/k";
  const bucketType = "sovereign-dc:aws:SealedBucket";

  function dataBucket(opts: pulumi.ComponentResourceOptions = {}) {
    return new components.SealedBucket(
      "telemetry",
      {
        bucketName,
        accountId: account,
        region: "us-west-2",
        vpcEndpointId: "vpce-s3",
        retentionDays: 365,
        kmsKeyArn: keyArn,
        accessLogBucket: "access-logs-111122223333-us-west-2",
      },
      { provider: testProvider(), ...opts },
    );
  }

  test("seals a data bucket with exactly the split v7 resources", async () => {
    dataBucket();
    const regs = await recorded();

    expect(countByType(regs)).toEqual({
      "pulumi:providers:aws": 1,
      [bucketType]: 1,
      "aws:s3/bucket:Bucket": 1,
      "aws:s3/bucketOwnershipControls:BucketOwnershipControls": 1,
      "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": 1,
      "aws:s3/bucketVersioning:BucketVersioning": 1,
      "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": 1,
      "aws:s3/bucketLogging:BucketLogging": 1,
      "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": 1,
      "aws:s3/bucketPolicy:BucketPolicy": 1,
    });
    const bucket = one(regs, "aws:s3/bucket:Bucket", "telemetry-bucket");
    expect(bucket.inputs).toEqual({ bucket: bucketName, forceDestroy: false });
    expect(bucket.protect).toBe(true);
    expect(bucket.retainOnDelete).toBe(true);
    expect(
      one(regs, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", "telemetry-ownership")
        .inputs,
    ).toEqual({ bucket: bucketName, rule: { objectOwnership: "BucketOwnerEnforced" } });
    expect(
      one(regs, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "telemetry-public-access")
        .inputs,
    ).toEqual({
      bucket: bucketName,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    expect(
      one(regs, "aws:s3/bucketVersioning:BucketVersioning", "telemetry-versioning").inputs,
    ).toEqual({ bucket: bucketName, versioningConfiguration: { status: "Enabled" } });
    expect(
      one(
        regs,
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "telemetry-encryption",
      ).inputs,
    ).toEqual({
      bucket: bucketName,
      rules: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn },
          bucketKeyEnabled: true,
        },
      ],
    });
    expect(one(regs, "aws:s3/bucketLogging:BucketLogging", "telemetry-logging").inputs).toEqual({
      bucket: bucketName,
      targetBucket: "access-logs-111122223333-us-west-2",
      targetPrefix: `${bucketName}/`,
    });
    const lifecycle = one(
      regs,
      "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
      "telemetry-lifecycle",
    );
    expect(lifecycle.inputs).toEqual({
      bucket: bucketName,
      rules: [
        {
          id: "retention",
          status: "Enabled",
          filter: {},
          expiration: { days: 365 },
          noncurrentVersionExpiration: { noncurrentDays: 30 },
          abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
        },
      ],
    });
    expect(lifecycle.dependencies).toContain(
      urnOf("aws:s3/bucketVersioning:BucketVersioning", "telemetry-versioning", bucketType),
    );

    const policy = one(regs, "aws:s3/bucketPolicy:BucketPolicy", "telemetry-policy");
    expect(policy.dependencies).toContain(
      urnOf(
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        "telemetry-public-access",
        bucketType,
      ),
    );
    expect(policy.inputs.bucket).toBe(bucketName);
    expect(JSON.parse(policy.inputs.policy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: [bucketArn, `${bucketArn}/*`],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
          Sid: "DenyObjectAccessOutsideVpcEndpoint",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: `${bucketArn}/*`,
          Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-s3" } },
        },
        {
          Sid: "DenyListingOutsideVpcEndpoint",
          Effect: "Deny",
          Principal: "*",
          Action: ["s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads"],
          Resource: bucketArn,
          Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-s3" } },
        },
      ],
    });
  });

  test("keeps the bucket protected when the caller unprotects the component", async () => {
    dataBucket({ protect: false });
    const regs = await recorded();
    expect(one(regs, "aws:s3/bucket:Bucket", "telemetry-bucket").protect).toBe(true);
  });

  test("encrypts the access-log bucket with the key, does not log it, and admits S3 log delivery", async () => {
    const name = "access-logs-111122223333-us-west-2";
    new components.SealedBucket(
      "access-logs",
      {
        bucketName: name,
        accountId: account,
        region: "us-west-2",
        vpcEndpointId: "vpce-s3",
        retentionDays: 365,
        kmsKeyArn: keyArn,
        logDelivery: "s3-server-access-logs",
      },
      { provider: testProvider() },
    );
    const regs = await recorded();

    expect(ofType(regs, "aws:s3/bucketLogging:BucketLogging")).toEqual([]);
    expect(
      one(
        regs,
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "access-logs-encryption",
      ).inputs.rules,
    ).toEqual([
      {
        applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn },
        bucketKeyEnabled: true,
      },
    ]);
    const statements = JSON.parse(
      one(regs, "aws:s3/bucketPolicy:BucketPolicy", "access-logs-policy").inputs.policy,
    ).Statement;
    const outsideEndpoint = {
      StringNotEquals: { "aws:SourceVpce": "vpce-s3" },
      Bool: { "aws:PrincipalIsAWSService": "false" },
    };
    expect(statements.map((s: { Sid: string }) => s.Sid)).toEqual([
      "DenyInsecureTransport",
      "DenyObjectAccessOutsideVpcEndpoint",
      "DenyListingOutsideVpcEndpoint",
      "AllowServerAccessLogDelivery",
    ]);
    expect(statements[1].Condition).toEqual(outsideEndpoint);
    expect(statements[2].Condition).toEqual(outsideEndpoint);
    expect(statements[3]).toEqual({
      Sid: "AllowServerAccessLogDelivery",
      Effect: "Allow",
      Principal: { Service: "logging.s3.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `arn:aws:s3:::${name}/*`,
      Condition: { StringEquals: { "aws:SourceAccount": account } },
    });
  });

  test("admits VPC flow-log delivery of this account and region into the flow-log bucket", async () => {
    const name = "flow-logs-111122223333-us-west-2";
    new components.SealedBucket(
      "flow-logs",
      {
        bucketName: name,
        accountId: account,
        region: "us-west-2",
        vpcEndpointId: "vpce-s3",
        retentionDays: 365,
        kmsKeyArn: keyArn,
        accessLogBucket: "access-logs-111122223333-us-west-2",
        logDelivery: "vpc-flow-logs",
      },
      { provider: testProvider() },
    );
    const regs = await recorded();
    const statements = JSON.parse(
      one(regs, "aws:s3/bucketPolicy:BucketPolicy", "flow-logs-policy").inputs.policy,
    ).Statement;
    expect(statements.slice(3)).toEqual([
      {
        Sid: "AWSLogDeliveryWrite",
        Effect: "Allow",
        Principal: { Service: "delivery.logs.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `arn:aws:s3:::${name}/AWSLogs/${account}/*`,
        Condition: {
          StringEquals: {
            "aws:SourceAccount": account,
            "s3:x-amz-acl": "bucket-owner-full-control",
          },
          ArnLike: { "aws:SourceArn": `arn:aws:logs:us-west-2:${account}:*` },
        },
      },
      {
        Sid: "AWSLogDeliveryAclCheck",
        Effect: "Allow",
        Principal: { Service: "delivery.logs.amazonaws.com" },
        Action: ["s3:GetBucketAcl", "s3:ListBucket"],
        Resource: `arn:aws:s3:::${name}`,
        Condition: {
          StringEquals: { "aws:SourceAccount": account },
          ArnLike: { "aws:SourceArn": `arn:aws:logs:us-west-2:${account}:*` },
        },
      },
    ]);
  });
});

describe("SealedNetwork", () => {
  beforeEach(() => startRecording("network"));

  const egress = [
    {
      cidr: "192.168.10.0/24",
      ports: [53],
      protocol: "udp" as const,
      reason: "Resolvers on-premises",
    },
  ];

  function network() {
    return new components.SealedNetwork(
      "network",
      {
        region: "us-west-2",
        accountId: account,
        cidr: "10.30.0.0/16",
        zones: [
          { zone: "us-west-2a", cidr: "10.30.1.0/24" },
          { zone: "us-west-2b", cidr: "10.30.2.0/24" },
        ],
        egress,
      },
      { provider: testProvider() },
    );
  }

  test("builds a private VPC with no internet path and nothing else", async () => {
    network();
    const regs = await recorded();

    expect(countByType(regs)).toEqual({
      "pulumi:providers:aws": 1,
      "sovereign-dc:aws:SealedNetwork": 1,
      "aws:ec2/vpc:Vpc": 1,
      "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": 1,
      "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl": 1,
      "aws:ec2/defaultRouteTable:DefaultRouteTable": 1,
      "aws:ec2/routeTable:RouteTable": 1,
      "aws:ec2/subnet:Subnet": 2,
      "aws:ec2/routeTableAssociation:RouteTableAssociation": 2,
      "aws:ec2/networkAcl:NetworkAcl": 1,
      "aws:ec2/vpcEndpoint:VpcEndpoint": 3,
      "aws:ec2/securityGroup:SecurityGroup": 1,
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": 1,
      "aws:ec2/vpcSecurityGroupRulesExclusive:VpcSecurityGroupRulesExclusive": 1,
    });
    for (const type of forbiddenTypes) {
      expect(ofType(regs, type)).toEqual([]);
    }
    expect(one(regs, "aws:ec2/vpc:Vpc", "network-vpc").inputs).toEqual({
      cidrBlock: "10.30.0.0/16",
      enableDnsSupport: true,
      enableDnsHostnames: true,
      assignGeneratedIpv6CidrBlock: false,
    });
    expect(ofType(regs, "aws:ec2/subnet:Subnet").map((r) => [r.name, r.inputs])).toEqual([
      [
        "network-us-west-2a",
        {
          vpcId: "network-vpc-id",
          availabilityZone: "us-west-2a",
          cidrBlock: "10.30.1.0/24",
          mapPublicIpOnLaunch: false,
        },
      ],
      [
        "network-us-west-2b",
        {
          vpcId: "network-vpc-id",
          availabilityZone: "us-west-2b",
          cidrBlock: "10.30.2.0/24",
          mapPublicIpOnLaunch: false,
        },
      ],
    ]);
    expect(one(regs, "aws:ec2/routeTable:RouteTable", "network-routes").inputs).toEqual({
      vpcId: "network-vpc-id",
      routes: [],
    });
    expect(
      ofType(regs, "aws:ec2/routeTableAssociation:RouteTableAssociation").map((r) => r.inputs),
    ).toEqual([
      { subnetId: "network-us-west-2a-id", routeTableId: "network-routes-id" },
      { subnetId: "network-us-west-2b-id", routeTableId: "network-routes-id" },
    ]);
  });

  test("empties the VPC's default security group, network ACL and main route table", async () => {
    network();
    const regs = await recorded();
    expect(
      one(regs, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "network-default-sg").inputs,
    ).toEqual({ vpcId: "network-vpc-id", ingress: [], egress: [] });
    expect(
      one(regs, "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl", "network-default-acl").inputs,
    ).toEqual({ defaultNetworkAclId: "acl-network-vpc", ingress: [], egress: [] });
    expect(
      one(regs, "aws:ec2/defaultRouteTable:DefaultRouteTable", "network-default-routes").inputs,
    ).toEqual({ defaultRouteTableId: "rtb-network-vpc", routes: [] });
  });

  test("lets the subnets' ACL pass only endpoint HTTPS inside the VPC and the allowlist", async () => {
    network();
    const regs = await recorded();
    const vpc = "10.30.0.0/16";
    const rule = (
      ruleNo: number,
      protocol: string,
      cidrBlock: string,
      from: number,
      to: number,
    ) => ({
      ruleNo,
      action: "allow",
      protocol,
      cidrBlock,
      fromPort: from,
      toPort: to,
    });
    expect(one(regs, "aws:ec2/networkAcl:NetworkAcl", "network-acl").inputs).toEqual({
      vpcId: "network-vpc-id",
      subnetIds: ["network-us-west-2a-id", "network-us-west-2b-id"],
      egress: [
        rule(100, "tcp", vpc, 443, 443),
        rule(110, "tcp", vpc, 1024, 65535),
        rule(120, "udp", "192.168.10.0/24", 53, 53),
      ],
      ingress: [
        rule(100, "tcp", vpc, 443, 443),
        rule(110, "tcp", vpc, 1024, 65535),
        rule(120, "udp", "192.168.10.0/24", 1024, 65535),
      ],
    });
  });

  test("reaches S3, KMS and STS of the region through interface endpoints in every subnet", async () => {
    network();
    const regs = await recorded();
    const inEverySubnet = {
      vpcId: "network-vpc-id",
      vpcEndpointType: "Interface",
      privateDnsEnabled: true,
      subnetIds: ["network-us-west-2a-id", "network-us-west-2b-id"],
      securityGroupIds: ["network-endpoints-id"],
    };
    const s3 = one(regs, "aws:ec2/vpcEndpoint:VpcEndpoint", "network-s3");
    expect({ ...s3.inputs, policy: JSON.parse(s3.inputs.policy) }).toEqual({
      ...inEverySubnet,
      serviceName: "com.amazonaws.us-west-2.s3",
      // Without it AWS would send names resolved inside the VPC to a gateway endpoint, and
      // refuse the endpoint because the VPC has none.
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
    for (const service of ["kms", "sts"]) {
      expect(one(regs, "aws:ec2/vpcEndpoint:VpcEndpoint", `network-${service}`).inputs).toEqual({
        ...inEverySubnet,
        serviceName: `com.amazonaws.us-west-2.${service}`,
      });
    }
    expect(one(regs, "aws:ec2/securityGroup:SecurityGroup", "network-endpoints").inputs).toEqual({
      vpcId: "network-vpc-id",
      description: "sovereign-dc interface endpoints: HTTPS from inside the VPC only",
    });
    expect(
      one(
        regs,
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        "network-endpoints-https",
      ).inputs,
    ).toEqual({
      securityGroupId: "network-endpoints-id",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      cidrIpv4: "10.30.0.0/16",
      description: "HTTPS from inside the VPC to the interface endpoints",
    });
    expect(
      one(
        regs,
        "aws:ec2/vpcSecurityGroupRulesExclusive:VpcSecurityGroupRulesExclusive",
        "network-endpoints-rules",
      ).inputs,
    ).toEqual({
      securityGroupId: "network-endpoints-id",
      ingressRuleIds: ["network-endpoints-https-id"],
      egressRuleIds: [],
    });
  });
});

describe("EgressGuard", () => {
  beforeEach(() => startRecording("egress"));

  test("gives workloads exactly the allowlist and the endpoints as egress, and no ingress", async () => {
    new components.EgressGuard(
      "egress",
      {
        vpcId: "vpc-1",
        egress: [
          {
            cidr: "192.168.10.0/24",
            ports: [53],
            protocol: "udp",
            reason: "Resolvers on-premises",
          },
          { cidr: "192.168.20.0/24", ports: [5432, 5433], protocol: "tcp", reason: "Replica" },
        ],
        endpointSecurityGroupId: "sg-endpoints",
      },
      { provider: testProvider() },
    );
    const regs = await recorded();

    expect(countByType(regs)).toEqual({
      "pulumi:providers:aws": 1,
      "sovereign-dc:aws:EgressGuard": 1,
      "aws:ec2/securityGroup:SecurityGroup": 1,
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": 3,
      "aws:ec2/vpcSecurityGroupRulesExclusive:VpcSecurityGroupRulesExclusive": 1,
    });
    expect(one(regs, "aws:ec2/securityGroup:SecurityGroup", "egress-sg").inputs).toEqual({
      vpcId: "vpc-1",
      description: "sovereign-dc workloads: egress only to the allowlist and in-region endpoints",
    });
    const sg = "egress-sg-id";
    expect(
      ofType(regs, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").map((r) => [
        r.name,
        r.inputs,
      ]),
    ).toEqual([
      [
        "egress-endpoints-https",
        {
          securityGroupId: sg,
          ipProtocol: "tcp",
          fromPort: 443,
          toPort: 443,
          referencedSecurityGroupId: "sg-endpoints",
          description: "HTTPS to the S3, KMS and STS interface endpoints",
        },
      ],
      [
        "egress-tcp-5432-5433-to-192-168-20-0-24",
        {
          securityGroupId: sg,
          ipProtocol: "tcp",
          fromPort: 5432,
          toPort: 5433,
          cidrIpv4: "192.168.20.0/24",
          description: "Replica",
        },
      ],
      [
        "egress-udp-53-to-192-168-10-0-24",
        {
          securityGroupId: sg,
          ipProtocol: "udp",
          fromPort: 53,
          toPort: 53,
          cidrIpv4: "192.168.10.0/24",
          description: "Resolvers on-premises",
        },
      ],
    ]);
    expect(ofType(regs, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")).toEqual([]);
    expect(
      one(
        regs,
        "aws:ec2/vpcSecurityGroupRulesExclusive:VpcSecurityGroupRulesExclusive",
        "egress-rules",
      ).inputs,
    ).toEqual({
      securityGroupId: sg,
      egressRuleIds: [
        "egress-udp-53-to-192-168-10-0-24-id",
        "egress-tcp-5432-5433-to-192-168-20-0-24-id",
        "egress-endpoints-https-id",
      ],
      ingressRuleIds: [],
    });
  });

  test("allows no egress at all when given nothing to allow", async () => {
    new components.EgressGuard("egress", { vpcId: "vpc-1" }, { provider: testProvider() });
    const regs = await recorded();
    expect(ofType(regs, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")).toEqual([]);
    expect(
      one(
        regs,
        "aws:ec2/vpcSecurityGroupRulesExclusive:VpcSecurityGroupRulesExclusive",
        "egress-rules",
      ).inputs,
    ).toEqual({ securityGroupId: "egress-sg-id", egressRuleIds: [], ingressRuleIds: [] });
  });
});

describe("the us-west stack (Pulumi.us-west.yaml)", () => {
  beforeEach(() => startRecording("us-west"));

  function usWestSpec() {
    const file = path.join(__dirname, "..", "..", "Pulumi.us-west.yaml");
    const config: Record<string, unknown> = YAML.parse(fs.readFileSync(file, "utf8")).config;
    const flat = Object.fromEntries(
      Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
    );
    // The cluster and its namespaces are held to their settings in awsCluster.test.ts.
    return { ...parseStackSpec(flat, "us-west"), kubernetes: undefined };
  }

  const ids = {
    accessLogs: "access-logs-111122223333-us-west-2",
    flowLogs: "flow-logs-111122223333-us-west-2",
    telemetry: "telemetry-111122223333-us-west-2",
    customerRecords: "customer-records-111122223333-us-west-2",
  };

  test("declares exactly this resource tree", async () => {
    stack.buildAwsStack(usWestSpec());
    const regs = await recorded();
    expect(countByType(regs)).toEqual({
      "pulumi:providers:aws": 1,
      "sovereign-dc:aws:SealedKey": 1,
      "sovereign-dc:aws:SealedNetwork": 1,
      "sovereign-dc:aws:EgressGuard": 1,
      "sovereign-dc:aws:SealedBucket": 4,
      "sovereign-dc:aws:VpcFlowLog": 1,
      "aws:kms/key:Key": 1,
      "aws:kms/alias:Alias": 1,
      "aws:ec2/vpc:Vpc": 1,
      "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": 1,
      "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl": 1,
      "aws:ec2/defaultRouteTable:DefaultRouteTable": 1,
      "aws:ec2/routeTable:RouteTable": 1,
      "aws:ec2/subnet:Subnet": 2,
      "aws:ec2/routeTableAssociation:RouteTableAssociation": 2,
      "aws:ec2/networkAcl:NetworkAcl": 1,
      "aws:ec2/vpcEndpoint:VpcEndpoint": 3,
      "aws:ec2/securityGroup:SecurityGroup": 2,
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": 1,
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": 2,
      "aws:ec2/vpcSecurityGroupRulesExclusive:VpcSecurityGroupRulesExclusive": 2,
      "aws:ec2/flowLog:FlowLog": 1,
      "aws:s3/bucket:Bucket": 4,
      "aws:s3/bucketOwnershipControls:BucketOwnershipControls": 4,
      "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": 4,
      "aws:s3/bucketVersioning:BucketVersioning": 4,
      "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": 4,
      "aws:s3/bucketLogging:BucketLogging": 3,
      "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": 4,
      "aws:s3/bucketPolicy:BucketPolicy": 4,
    });
    for (const type of forbiddenTypes) {
      expect(ofType(regs, type)).toEqual([]);
    }
  });

  test("creates every resource through the one provider, pinned to us-west-2 and the account", async () => {
    stack.buildAwsStack(usWestSpec());
    const regs = await recorded();
    const providers = ofType(regs, "pulumi:providers:aws");
    expect(providers.map((p) => [p.name, p.inputs])).toEqual([
      [
        "us-west-aws",
        {
          region: "us-west-2",
          allowedAccountIds: '["111122223333"]',
          skipCredentialsValidation: "false",
          skipRegionValidation: "true",
        },
      ],
    ]);
    const providerRef = `${urnOf("pulumi:providers:aws", "us-west-aws")}::us-west-aws-id`;
    const resources = regs.filter((r) => r.custom && r.type !== "pulumi:providers:aws");
    expect(resources).toHaveLength(54);
    for (const r of resources) {
      expect([r.name, r.provider]).toEqual([r.name, providerRef]);
      expect([r.name, r.inputs.region]).toEqual([r.name, undefined]);
    }
  });

  test("places the provider and every component under the parent it is given", async () => {
    const root = new pulumi.ComponentResource("test:index:Root", "root");
    stack.buildAwsStack(usWestSpec(), { parent: root });
    const regs = await recorded();
    const rootUrn = urnOf("test:index:Root", "root");
    expect(regs.filter((r) => r.name !== "root" && r.parent === "")).toEqual([]);
    expect(
      regs
        .filter((r) => r.parent === rootUrn)
        .map((r) => r.name)
        .sort(),
    ).toEqual([
      "us-west-access-logs",
      "us-west-aws",
      "us-west-customer-records",
      "us-west-egress-guard",
      "us-west-flow-logs",
      "us-west-key",
      "us-west-network",
      "us-west-telemetry",
      "us-west-vpc",
    ]);
  });

  test("protects exactly the key and the four buckets", async () => {
    stack.buildAwsStack(usWestSpec());
    const regs = await recorded();
    expect(
      regs
        .filter((r) => r.protect === true)
        .map((r) => r.name)
        .sort(),
    ).toEqual([
      "us-west-access-logs-bucket",
      "us-west-customer-records-bucket",
      "us-west-flow-logs-bucket",
      "us-west-key-key",
      "us-west-telemetry-bucket",
    ]);
  });

  test("encrypts with the stack key, logs access and flows into its own buckets", async () => {
    stack.buildAwsStack(usWestSpec());
    const regs = await recorded();
    const keyArn = "arn:aws:kms:us-west-2:111122223333:key/us-west-key-key-uuid";
    const sse = ofType(
      regs,
      "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    );
    expect(
      sse.map((r) => [r.inputs.bucket, r.inputs.rules[0].applyServerSideEncryptionByDefault]),
    ).toEqual([
      [ids.accessLogs, { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn }],
      [ids.customerRecords, { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn }],
      [ids.flowLogs, { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn }],
      [ids.telemetry, { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn }],
    ]);
    expect(
      ofType(regs, "aws:s3/bucketLogging:BucketLogging").map((r) => [
        r.inputs.bucket,
        r.inputs.targetBucket,
      ]),
    ).toEqual([
      [ids.customerRecords, ids.accessLogs],
      [ids.flowLogs, ids.accessLogs],
      [ids.telemetry, ids.accessLogs],
    ]);
    expect(
      JSON.parse(one(regs, "aws:kms/key:Key", "us-west-key-key").inputs.policy).Statement.map(
        (s: { Principal: unknown }) => s.Principal,
      ),
    ).toEqual([
      { AWS: "arn:aws:iam::111122223333:root" },
      { Service: "logging.s3.amazonaws.com" },
      { Service: "delivery.logs.amazonaws.com" },
    ]);
    const flowLog = one(regs, "aws:ec2/flowLog:FlowLog", "us-west-vpc-flow-log");
    expect(flowLog.inputs).toEqual({
      vpcId: "us-west-network-vpc-id",
      trafficType: "ALL",
      logDestinationType: "s3",
      logDestination: `arn:aws:s3:::${ids.flowLogs}`,
    });
    expect(flowLog.dependencies).toContain(
      urnOf(
        "aws:s3/bucketPolicy:BucketPolicy",
        "us-west-flow-logs-policy",
        "sovereign-dc:aws:SealedBucket",
      ),
    );
    expect(
      one(regs, "aws:s3/bucketLogging:BucketLogging", "us-west-telemetry-logging").dependencies,
    ).toContain(
      urnOf(
        "aws:s3/bucketPolicy:BucketPolicy",
        "us-west-access-logs-policy",
        "sovereign-dc:aws:SealedBucket",
      ),
    );
    expect(
      ofType(regs, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").map((r) => [
        r.inputs.bucket,
        r.inputs.rules[0].expiration.days,
      ]),
    ).toEqual([
      [ids.accessLogs, 365],
      [ids.customerRecords, 1825],
      [ids.flowLogs, 365],
      [ids.telemetry, 365],
    ]);
  });

  test("gives workloads egress only to the allowlist and the in-region endpoints", async () => {
    stack.buildAwsStack(usWestSpec());
    const regs = await recorded();
    expect(
      ofType(regs, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").map((r) => r.inputs),
    ).toEqual([
      {
        securityGroupId: "us-west-egress-guard-sg-id",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        referencedSecurityGroupId: "us-west-network-endpoints-id",
        description: "HTTPS to the S3, KMS and STS interface endpoints",
      },
      {
        securityGroupId: "us-west-egress-guard-sg-id",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrIpv4: "10.30.0.0/16",
        description: "HTTPS between the stack s own workloads inside its VPC",
      },
    ]);
  });

  test("reaches S3, KMS and STS only at endpoint interfaces in its subnets that the ACL and both groups pass", async () => {
    stack.buildAwsStack(usWestSpec());
    const regs = await recorded();
    const names = {
      vpc: "us-west-network-vpc",
      acl: "us-west-network-acl",
      workloadGroup: "us-west-egress-guard-sg",
    };
    expect(unreachable(regs, names, ["s3", "kms", "sts"])).toEqual([]);
  });

  test("admits object access only through the S3 interface endpoint", async () => {
    stack.buildAwsStack(usWestSpec());
    const regs = await recorded();
    const s3 = one(regs, "aws:ec2/vpcEndpoint:VpcEndpoint", "us-west-network-s3");
    expect([s3.inputs.vpcEndpointType, s3.inputs.serviceName]).toEqual([
      "Interface",
      "com.amazonaws.us-west-2.s3",
    ]);
    const sourceVpces = ofType(regs, "aws:s3/bucketPolicy:BucketPolicy").map((p) => [
      p.inputs.bucket,
      JSON.parse(p.inputs.policy)
        .Statement.filter((st: { Sid: string }) => st.Sid.endsWith("OutsideVpcEndpoint"))
        .map(
          (st: { Condition: { StringNotEquals: Record<string, string> } }) =>
            st.Condition.StringNotEquals["aws:SourceVpce"],
        ),
    ]);
    expect(sourceVpces).toEqual(
      [ids.accessLogs, ids.customerRecords, ids.flowLogs, ids.telemetry].map((bucket) => [
        bucket,
        [s3.id, s3.id],
      ]),
    );
  });

  test("returns the stack's identifiers as outputs", async () => {
    const outputs = stack.buildAwsStack(usWestSpec());
    const resolved = await promiseOf(
      pulumi.output({
        vpcId: outputs.vpcId,
        subnetIds: outputs.subnetIds,
        securityGroupId: outputs.securityGroupId,
        endpoints: outputs.endpoints,
        keyArn: outputs.keyArn,
        keyId: outputs.keyId,
        keyAlias: outputs.keyAlias,
        buckets: outputs.buckets,
        logBucket: outputs.logBucket,
        flowLogBucket: outputs.flowLogBucket,
      }),
    );
    await recorded();
    expect({
      cloud: outputs.cloud,
      region: outputs.region,
      jurisdiction: outputs.jurisdiction,
      partition: outputs.partition,
      accountId: outputs.accountId,
      ...resolved,
    }).toEqual({
      cloud: "aws",
      region: "us-west-2",
      jurisdiction: "US",
      partition: "aws",
      accountId: account,
      vpcId: "us-west-network-vpc-id",
      subnetIds: ["us-west-network-us-west-2a-id", "us-west-network-us-west-2b-id"],
      securityGroupId: "us-west-egress-guard-sg-id",
      endpoints: {
        s3: "us-west-network-s3-id",
        kms: "us-west-network-kms-id",
        sts: "us-west-network-sts-id",
      },
      keyArn: "arn:aws:kms:us-west-2:111122223333:key/us-west-key-key-uuid",
      keyId: "us-west-key-key-uuid",
      keyAlias: "alias/sovereign-dc/us-west-2",
      buckets: { telemetry: ids.telemetry, "customer-records": ids.customerRecords },
      logBucket: ids.accessLogs,
      flowLogBucket: ids.flowLogs,
    });
  });
});
