/**
 * The us-west stack's EKS cluster and its sealed namespaces, under the SDK's mock monitor: the
 * cluster's exact sealed settings, its roles and node group, the endpoints its nodes use instead
 * of a NAT, the Kubernetes provider built from the cluster, and the namespaces created through it.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type { RegisterResourceRequest } from "@pulumi/pulumi/proto/resource_pb";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { parse } from "yaml";
import { disableStackCapture } from "../../engine/cheap-stacks";
import { parseStackSpec } from "../../residency/spec";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Inputs = Record<string, any>;

interface Registration {
  readonly type: string;
  readonly name: string;
  readonly inputs: Inputs;
  readonly provider: string;
}

const registrations: Registration[] = [];
const protectedNames = new Set<string>();
const dependencies = new Map<string, string[]>();

const keyArn = "arn:aws:kms:us-west-2:111122223333:key/us-west-key-key-uuid";

/** Outputs AWS computes that the components read back. */
function computed(args: pulumi.runtime.MockResourceArgs): Inputs {
  switch (args.type) {
    case "aws:kms/key:Key":
      return { keyId: `${args.name}-uuid`, arn: keyArn };
    case "aws:iam/role:Role":
      return { name: `${args.name}-id`, arn: `arn:aws:iam::111122223333:role/${args.name}` };
    case "aws:ec2/launchTemplate:LaunchTemplate":
      return { latestVersion: 1 };
    case "aws:eks/cluster:Cluster":
      return {
        arn: `arn:aws:eks:us-west-2:111122223333:cluster/${args.inputs.name}`,
        endpoint: "https://0123456789ABCDEF.gr7.us-west-2.eks.amazonaws.com",
        certificateAuthority: { data: "LS0tLS1CRUdJTi1DQQ==" },
      };
    default:
      return {};
  }
}

const mocks: pulumi.runtime.Mocks = {
  newResource(args) {
    registrations.push({
      type: args.type,
      name: args.name,
      inputs: args.inputs,
      provider: args.provider ?? "",
    });
    return { id: `${args.name}-id`, state: { ...args.inputs, ...computed(args) } };
  },
  call(args) {
    throw new Error(`unmocked call ${args.token}: the AWS components invoke no function`);
  },
};

class RecordingMonitor extends MockMonitor {
  override async registerResource(
    req: RegisterResourceRequest,
    callback: (err: unknown, resp: unknown) => void,
  ) {
    if (req.getProtect()) {
      protectedNames.add(req.getName());
    }
    dependencies.set(req.getName(), req.getDependenciesList());
    return super.registerResource(req, callback);
  }
}

disableStackCapture();
pulumi.runtime.setMockOptions(new RecordingMonitor(mocks), "sovereign-dc", "us-west");
// The flags setMocks sets (the store is left out of the SDK's .d.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdkState = require("@pulumi/pulumi/runtime/state") as {
  getStore(): Record<string, unknown>;
};
Object.assign(sdkState.getStore(), {
  supportsSecrets: true,
  supportsResourceReferences: true,
  supportsDeletedWith: true,
  supportsAliasSpecs: true,
});

// After the mocks, as the SDK asks.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildAwsStack } = require("../../stacks/aws") as typeof import("../../stacks/aws");

function usWestSpec() {
  const file = path.join(__dirname, "../../Pulumi.us-west.yaml");
  const { config } = parse(fs.readFileSync(file, "utf8")) as { config: Record<string, unknown> };
  const flat = Object.fromEntries(
    Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
  );
  return parseStackSpec(flat, "us-west");
}

let outputs: ReturnType<typeof buildAwsStack>;

beforeAll(async () => {
  outputs = buildAwsStack(usWestSpec());
  await pulumi.runtime.disconnect();
}, 60_000);

function ofType(type: string): Registration[] {
  return registrations.filter((r) => r.type === type).sort((a, b) => a.name.localeCompare(b.name));
}

function one(type: string, name: string): Registration {
  const found = registrations.filter((r) => r.type === type && r.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

const urn = (parentType: string, type: string, name: string) =>
  `urn:pulumi:us-west::sovereign-dc::${parentType}$${type}::${name}`;
const k8sProviderRef = `${urn("sovereign-dc:aws:SealedCluster", "pulumi:providers:kubernetes", "us-west-k8s-kubernetes")}::us-west-k8s-kubernetes-id`;

describe("the us-west cluster (Pulumi.us-west.yaml)", () => {
  it("is an EKS cluster with a private endpoint only, secrets under the stack's key and every log type", () => {
    const cluster = one("aws:eks/cluster:Cluster", "us-west-k8s-cluster");
    expect(cluster.inputs).toEqual({
      name: "us-west-k8s",
      version: "1.33",
      roleArn: "arn:aws:iam::111122223333:role/us-west-k8s-cluster-role",
      vpcConfig: {
        subnetIds: ["us-west-network-us-west-2a-id", "us-west-network-us-west-2b-id"],
        endpointPrivateAccess: true,
        endpointPublicAccess: false,
      },
      encryptionConfig: { provider: { keyArn }, resources: ["secrets"] },
      enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
      accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true },
      deletionProtection: true,
    });
    // Logs land in the group the stack made (with its retention), and the key grant exists first.
    expect(dependencies.get("us-west-k8s-cluster")).toEqual(
      expect.arrayContaining([
        urn(
          "sovereign-dc:aws:SealedCluster",
          "aws:cloudwatch/logGroup:LogGroup",
          "us-west-k8s-logs",
        ),
        urn(
          "sovereign-dc:aws:SealedCluster",
          "aws:iam/rolePolicy:RolePolicy",
          "us-west-k8s-cluster-secrets-key",
        ),
      ]),
    );
  });

  it("keeps control-plane logs for a year in a protected in-region log group under the stack's key", () => {
    expect(one("aws:cloudwatch/logGroup:LogGroup", "us-west-k8s-logs").inputs).toEqual({
      name: "/aws/eks/us-west-k8s/cluster",
      retentionInDays: 365,
      kmsKeyId: keyArn,
    });
    expect(
      JSON.parse(one("aws:kms/key:Key", "us-west-key-key").inputs.policy).Statement.filter(
        (s: { Sid: string }) => s.Sid === "ClusterLogsEncrypt",
      ),
    ).toEqual([
      {
        Sid: "ClusterLogsEncrypt",
        Effect: "Allow",
        Principal: { Service: "logs.us-west-2.amazonaws.com" },
        Action: [
          "kms:Encrypt*",
          "kms:Decrypt*",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:Describe*",
        ],
        Resource: "*",
        Condition: {
          ArnLike: {
            "kms:EncryptionContext:aws:logs:arn":
              "arn:aws:logs:us-west-2:111122223333:log-group:/aws/eks/*",
          },
        },
      },
    ]);
    expect([...protectedNames].filter((n) => n.startsWith("us-west-k8s"))).toEqual([
      "us-west-k8s-logs",
    ]);
  });

  it("launches the nodes with root volumes on the stack's key, which EC2 Auto Scaling may use for them", () => {
    expect(one("aws:ec2/launchTemplate:LaunchTemplate", "us-west-k8s-nodes").inputs).toEqual({
      description: "Nodes of cluster us-west-k8s: root volumes encrypted with the stack's key",
      updateDefaultVersion: true,
      blockDeviceMappings: [
        {
          deviceName: "/dev/xvda",
          ebs: {
            encrypted: "true",
            kmsKeyId: keyArn,
            volumeType: "gp3",
            volumeSize: 20,
            deleteOnTermination: "true",
          },
        },
      ],
    });
    const autoScaling = {
      AWS: "arn:aws:iam::111122223333:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling",
    };
    expect(
      JSON.parse(one("aws:kms/key:Key", "us-west-key-key").inputs.policy).Statement.filter(
        (s: { Sid: string }) => s.Sid.startsWith("AutoScaling"),
      ),
    ).toEqual([
      {
        Sid: "AutoScalingEncryptsNodeVolumes",
        Effect: "Allow",
        Principal: autoScaling,
        Action: [
          "kms:Encrypt",
          "kms:Decrypt",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:DescribeKey",
        ],
        Resource: "*",
      },
      {
        Sid: "AutoScalingAttachesNodeVolumes",
        Effect: "Allow",
        Principal: autoScaling,
        Action: "kms:CreateGrant",
        Resource: "*",
        Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
      },
    ]);
  });

  it("grants the cluster and node roles only AWS's managed EKS policies and the cluster the stack's key", () => {
    expect(
      ofType("aws:iam/role:Role").map((r) => [
        r.name,
        JSON.parse(r.inputs.assumeRolePolicy).Statement.map(
          (s: { Principal: unknown }) => s.Principal,
        ),
      ]),
    ).toEqual([
      ["us-west-k8s-cluster-role", [{ Service: "eks.amazonaws.com" }]],
      ["us-west-k8s-node-role", [{ Service: "ec2.amazonaws.com" }]],
    ]);
    expect(
      ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((r) => [
        r.inputs.role,
        r.inputs.policyArn,
      ]),
    ).toEqual([
      ["us-west-k8s-cluster-role-id", "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"],
      ["us-west-k8s-node-role-id", "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"],
      ["us-west-k8s-node-role-id", "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"],
      ["us-west-k8s-node-role-id", "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"],
    ]);
    expect(
      JSON.parse(
        one("aws:iam/rolePolicy:RolePolicy", "us-west-k8s-cluster-secrets-key").inputs.policy,
      ),
    ).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "EncryptKubernetesSecrets",
          Effect: "Allow",
          Action: [
            "kms:Encrypt",
            "kms:Decrypt",
            "kms:DescribeKey",
            "kms:ListGrants",
            "kms:CreateGrant",
          ],
          Resource: keyArn,
        },
      ],
    });
  });

  it("runs the managed node group in the private subnets with no remote access", () => {
    expect(ofType("aws:eks/nodeGroup:NodeGroup").map((r) => [r.name, r.inputs])).toEqual([
      [
        "us-west-k8s-general",
        {
          clusterName: "us-west-k8s",
          nodeGroupName: "general",
          nodeRoleArn: "arn:aws:iam::111122223333:role/us-west-k8s-node-role",
          subnetIds: ["us-west-network-us-west-2a-id", "us-west-network-us-west-2b-id"],
          instanceTypes: ["m6i.xlarge"],
          scalingConfig: { minSize: 2, maxSize: 6, desiredSize: 2 },
          launchTemplate: { id: "us-west-k8s-nodes-id", version: "1" },
        },
      ],
    ]);
    // The subnets map no public IPs: nodes get none.
    expect(
      ofType("aws:ec2/subnet:Subnet").map((s) => [s.name, s.inputs.mapPublicIpOnLaunch]),
    ).toEqual([
      ["us-west-network-us-west-2a", false],
      ["us-west-network-us-west-2b", false],
    ]);
  });

  it("turns on network policy enforcement in the VPC CNI", () => {
    expect(one("aws:eks/addon:Addon", "us-west-k8s-vpc-cni").inputs).toEqual({
      clusterName: "us-west-k8s",
      addonName: "vpc-cni",
      configurationValues: '{"enableNetworkPolicy":"true"}',
      resolveConflictsOnCreate: "OVERWRITE",
      resolveConflictsOnUpdate: "OVERWRITE",
    });
  });

  it("gives the nodes interface endpoints instead of a NAT, and S3 reads of ECR's layers of the region only", () => {
    expect(
      ofType("aws:ec2/vpcEndpoint:VpcEndpoint").map((e) => [
        e.inputs.serviceName,
        e.inputs.vpcEndpointType,
        e.inputs.privateDnsEnabled,
      ]),
    ).toEqual(
      ["ec2", "ecr.api", "ecr.dkr", "kms", "logs", "s3", "sts"].map((service) => [
        `com.amazonaws.us-west-2.${service}`,
        "Interface",
        true,
      ]),
    );
    expect(
      registrations.filter((r) => /natGateway|internetGateway|eip|egressOnly/i.test(r.type)),
    ).toEqual([]);
    const s3Policy = JSON.parse(
      one("aws:ec2/vpcEndpoint:VpcEndpoint", "us-west-network-s3").inputs.policy,
    );
    expect(s3Policy.Statement).toEqual([
      {
        Sid: "OnlyThisAccountsBuckets",
        Effect: "Allow",
        Principal: "*",
        Action: "s3:*",
        Resource: "*",
        Condition: { StringEquals: { "aws:ResourceAccount": "111122223333" } },
      },
      {
        Sid: "EcrImageLayersOfThisRegion",
        Effect: "Allow",
        Principal: "*",
        Action: "s3:GetObject",
        Resource: "arn:aws:s3:::prod-us-west-2-starport-layer-bucket/*",
      },
    ]);
  });

  it("builds the Kubernetes provider from the cluster's endpoint and CA, with tokens from its region", () => {
    const provider = one("pulumi:providers:kubernetes", "us-west-k8s-kubernetes");
    expect(JSON.parse(provider.inputs.kubeconfig)).toEqual({
      apiVersion: "v1",
      kind: "Config",
      clusters: [
        {
          name: "us-west-k8s",
          cluster: {
            server: "https://0123456789ABCDEF.gr7.us-west-2.eks.amazonaws.com",
            "certificate-authority-data": "LS0tLS1CRUdJTi1DQQ==",
          },
        },
      ],
      contexts: [{ name: "us-west-k8s", context: { cluster: "us-west-k8s", user: "us-west-k8s" } }],
      "current-context": "us-west-k8s",
      users: [
        {
          name: "us-west-k8s",
          user: {
            exec: {
              apiVersion: "client.authentication.k8s.io/v1beta1",
              command: "aws",
              args: ["eks", "get-token", "--cluster-name", "us-west-k8s", "--region", "us-west-2"],
            },
          },
        },
      ],
    });
  });

  it("seals each configured namespace on that provider, the allowlist entry annotated with its reason", async () => {
    expect(
      ofType("kubernetes:core/v1:Namespace").map((r) => [r.inputs.metadata.name, r.provider]),
    ).toEqual([
      ["customer-services", k8sProviderRef],
      ["telemetry-ingest", k8sProviderRef],
    ]);
    const policies = ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy");
    expect(policies.every((p) => p.provider === k8sProviderRef)).toBe(true);
    expect(
      policies
        .filter((p) => p.inputs.metadata.namespace === "customer-services")
        .map((p) => [p.inputs.metadata.name, p.inputs.metadata.annotations, p.inputs.spec]),
    ).toEqual([
      [
        "allow-namespace-dns-network",
        undefined,
        {
          podSelector: {},
          policyTypes: ["Ingress", "Egress"],
          ingress: [{ from: [{ podSelector: {} }] }],
          egress: [
            { to: [{ podSelector: {} }] },
            {
              to: [
                {
                  namespaceSelector: {
                    matchLabels: { "kubernetes.io/metadata.name": "kube-system" },
                  },
                  podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
                },
              ],
              ports: [
                { protocol: "UDP", port: 53 },
                { protocol: "TCP", port: 53 },
              ],
            },
            { to: [{ ipBlock: { cidr: "10.30.0.0/16" } }] },
          ],
        },
      ],
      ["default-deny", undefined, { podSelector: {}, policyTypes: ["Ingress", "Egress"] }],
      [
        "egress-tcp-10-30-0-0-16-443",
        { "sovereign-dc/reason": "HTTPS between the stack's own workloads inside its VPC" },
        {
          podSelector: {},
          policyTypes: ["Egress"],
          egress: [
            {
              to: [{ ipBlock: { cidr: "10.30.0.0/16" } }],
              ports: [{ protocol: "TCP", port: 443 }],
            },
          ],
        },
      ],
    ]);
    expect(
      await new Promise((resolve) => pulumi.output(outputs.kubernetes).apply(resolve)),
    ).toEqual({
      clusterName: "us-west-k8s",
      namespaces: ["telemetry-ingest", "customer-services"],
    });
  });
});

describe("the cluster's grants in AWS China", () => {
  it("names the China partition and service domains in the key policy, trust policies and ECR layers", async () => {
    const { sealedKeyPolicy } = await import("../../components/aws/key");
    const { ecrLayerBucketArn } = await import("../../components/aws/naming");
    const statement = sealedKeyPolicy({
      partition: "aws-cn",
      accountId: "111122223333",
      region: "cn-northwest-1",
      allowLogDelivery: false,
      allowClusterLogs: true,
    }).Statement.find((st) => st.Sid === "ClusterLogsEncrypt");
    expect([statement?.Principal, statement?.Condition]).toEqual([
      { Service: "logs.cn-northwest-1.amazonaws.com.cn" },
      {
        ArnLike: {
          "kms:EncryptionContext:aws:logs:arn":
            "arn:aws-cn:logs:cn-northwest-1:111122223333:log-group:/aws/eks/*",
        },
      },
    ]);
    expect(ecrLayerBucketArn("aws-cn", "cn-northwest-1")).toBe(
      "arn:aws-cn:s3:::prod-cn-northwest-1-starport-layer-bucket/*",
    );
  });
});

describe("SealedCluster args", () => {
  const valid = {
    region: "us-west-2",
    accountId: "111122223333",
    version: "1.33",
    subnetIds: ["subnet-1"],
    kmsKeyArn: keyArn,
    nodePools: [
      { name: "general", instanceType: "m6i.large", size: { min: 1, max: 3, desired: 2 } },
    ],
  };

  test.each<[string, Record<string, unknown>, string]>([
    [
      "an ACK version",
      { version: "1.33.1-aliyun.1" },
      '  - version: received "1.33.1-aliyun.1"; expected an EKS version such as 1.31.',
    ],
    [
      "no node group",
      { nodePools: [] },
      "  - nodePools: received []; expected at least one node group.",
    ],
    [
      "a desired size below min",
      {
        nodePools: [
          { name: "general", instanceType: "m6i.large", size: { min: 2, max: 3, desired: 1 } },
        ],
      },
      '  - nodePools[0].size: received {"min":2,"max":3,"desired":1}; expected whole numbers with 0 <= min <= desired <= max and max >= 1.',
    ],
  ])("rejects %s before declaring anything", async (_name, change, message) => {
    const { validateSealedClusterArgs } = await import("../../components/aws/cluster");
    expect(() => validateSealedClusterArgs("k8s", { ...valid, ...change })).toThrow(
      `Invalid SealedCluster args for "k8s":\n${message}`,
    );
    expect(() => validateSealedClusterArgs("k8s", valid)).not.toThrow();
  });
});
