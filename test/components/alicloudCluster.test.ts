/**
 * The cn-shanghai stack's ACK cluster and its sealed namespaces, under the SDK's mock monitor:
 * the cluster's exact sealed settings, its node pool, the Kubernetes provider built from the
 * cluster's credential, and the namespaces created through that provider.
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
const invoked: Array<{ token: string; args: Inputs }> = [];

const mocks: pulumi.runtime.Mocks = {
  newResource(args) {
    registrations.push({
      type: args.type,
      name: args.name,
      inputs: args.inputs,
      provider: args.provider ?? "",
    });
    return { id: `${args.name}-id`, state: args.inputs };
  },
  call(args) {
    invoked.push({ token: args.token, args: args.inputs });
    if (args.token === "alicloud:cs/getClusterCredential:getClusterCredential") {
      return {
        clusterId: args.inputs.clusterId,
        kubeConfig: `kubeconfig of ${args.inputs.clusterId}`,
      };
    }
    throw new Error(`unmocked call ${args.token}`);
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
    return super.registerResource(req, callback);
  }
}

disableStackCapture();
pulumi.runtime.setMockOptions(new RecordingMonitor(mocks), "sovereign-dc", "cn-shanghai");
// The flags setMocks sets (the store is left out of the SDK's .d.ts); the egress guard's rules
// are deleted with their group.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdkState = require("@pulumi/pulumi/runtime/state") as { getStore(): Record<string, unknown> };
Object.assign(sdkState.getStore(), {
  supportsSecrets: true,
  supportsResourceReferences: true,
  supportsDeletedWith: true,
  supportsAliasSpecs: true,
});

// After the mocks, as the SDK asks.
type StackModule = typeof import("../../stacks/alicloud");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stackModule = require("../../stacks/alicloud") as StackModule;
const { buildAlicloudStack } = stackModule;

function shanghaiSpec() {
  const file = path.join(__dirname, "../../Pulumi.cn-shanghai.yaml");
  const { config } = parse(fs.readFileSync(file, "utf8")) as { config: Record<string, unknown> };
  const flat = Object.fromEntries(
    Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
  );
  return parseStackSpec(flat, "cn-shanghai");
}

let outputs: ReturnType<typeof buildAlicloudStack>;

beforeAll(async () => {
  outputs = buildAlicloudStack(shanghaiSpec());
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

const k8sProviderRef =
  "urn:pulumi:cn-shanghai::sovereign-dc::sovereign-dc:alicloud:AlicloudCluster$pulumi:providers:kubernetes::cn-shanghai-k8s-kubernetes::cn-shanghai-k8s-kubernetes-id";

describe("the cn-shanghai cluster (Pulumi.cn-shanghai.yaml)", () => {
  it("is an ACK Pro cluster with no NAT gateway, no public API server and secrets under the stack's key", () => {
    const cluster = one(
      "alicloud:cs/managedKubernetes:ManagedKubernetes",
      "cn-shanghai-k8s-cluster",
    );
    expect(cluster.inputs).toEqual({
      name: "cn-shanghai-k8s",
      version: "1.33.1-aliyun.1",
      clusterSpec: "ack.pro.small",
      newNatGateway: false,
      slbInternetEnabled: false,
      disableEncryption: false,
      encryptionProviderKey: "cn-shanghai-keys-key-id",
      deletionProtection: true,
      vswitchIds: ["cn-shanghai-network-cn-shanghai-e-id", "cn-shanghai-network-cn-shanghai-f-id"],
      podVswitchIds: [
        "cn-shanghai-network-cn-shanghai-e-id",
        "cn-shanghai-network-cn-shanghai-f-id",
      ],
      serviceCidr: "172.21.0.0/20",
      securityGroupId: "cn-shanghai-egress-guard-sg-id",
      addons: [
        {
          name: "terway-eniip",
          config: '{"IPVlan":"false","NetworkPolicy":"true","ENITrunking":"false"}',
        },
        { name: "nginx-ingress-controller", disabled: true },
      ],
      controlPlaneLogProject: "sovereign-dc-cn-shanghai-k8s-logs",
      controlPlaneLogTtl: "365",
      controlPlaneLogComponents: ["apiserver", "kcm", "scheduler", "ccm", "controlplane-events"],
      auditLogConfig: { enabled: true, slsProjectName: "sovereign-dc-cn-shanghai-k8s-logs" },
      deleteOptions: [
        { resourceType: "SLS_ControlPlane", deleteMode: "retain" },
        { resourceType: "SLS_Data", deleteMode: "retain" },
      ],
    });
  });

  it("keeps control-plane and audit logs in a protected log project of the stack", () => {
    expect(one("alicloud:log/project:Project", "cn-shanghai-k8s-logs").inputs).toEqual({
      projectName: "sovereign-dc-cn-shanghai-k8s-logs",
      description: "Control-plane and audit logs of cluster cn-shanghai-k8s",
    });
    expect([...protectedNames].filter((n) => n.startsWith("cn-shanghai-k8s"))).toEqual([
      "cn-shanghai-k8s-logs",
    ]);
  });

  it("runs the node pool without public IPs, in the egress guard, on disks under the stack's key", () => {
    expect(ofType("alicloud:cs/nodePool:NodePool").map((r) => [r.name, r.inputs])).toEqual([
      [
        "cn-shanghai-k8s-general",
        {
          clusterId: "cn-shanghai-k8s-cluster-id",
          nodePoolName: "general",
          vswitchIds: [
            "cn-shanghai-network-cn-shanghai-e-id",
            "cn-shanghai-network-cn-shanghai-f-id",
          ],
          instanceTypes: ["ecs.g7.xlarge"],
          securityGroupIds: ["cn-shanghai-egress-guard-sg-id"],
          internetMaxBandwidthOut: 0,
          systemDiskCategory: "cloud_essd",
          systemDiskEncrypted: true,
          systemDiskKmsKey: "cn-shanghai-keys-key-id",
          scalingConfig: { enable: true, minSize: 2, maxSize: 6, isBondEip: false },
        },
      ],
    ]);
  });

  it("creates no NAT gateway, EIP, SNAT entry or internet load balancer", () => {
    expect(
      registrations.filter((r) => /natGateway|snatEntry|eip|slb\/|nlb\/|alb\//i.test(r.type)),
    ).toEqual([]);
  });

  it("builds the Kubernetes provider from the cluster's own credential", () => {
    expect(invoked).toEqual([
      {
        token: "alicloud:cs/getClusterCredential:getClusterCredential",
        args: { clusterId: "cn-shanghai-k8s-cluster-id" },
      },
    ]);
    expect(ofType("pulumi:providers:kubernetes").map((r) => [r.name, r.inputs.kubeconfig])).toEqual(
      [["cn-shanghai-k8s-kubernetes", "kubeconfig of cn-shanghai-k8s-cluster-id"]],
    );
  });

  it("seals each configured namespace on that provider", async () => {
    const namespaces = ofType("kubernetes:core/v1:Namespace");
    expect(namespaces.map((r) => [r.inputs.metadata.name, r.provider])).toEqual([
      ["customer-services", k8sProviderRef],
      ["telemetry-ingest", k8sProviderRef],
    ]);
    const policies = ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy");
    expect(policies.every((p) => p.provider === k8sProviderRef)).toBe(true);
    expect(
      policies
        .filter((p) => p.inputs.metadata.namespace === "telemetry-ingest")
        .map((p) => [p.inputs.metadata.name, p.inputs.metadata.annotations, p.inputs.spec.egress]),
    ).toEqual([
      ["allow-namespace-dns-network", undefined, expect.any(Array)],
      ["default-deny", undefined, undefined],
      [
        "egress-tcp-100-64-0-0-10-443",
        {
          "sovereign-dc/reason":
            "Intranet endpoints of OSS and KMS in cn-shanghai (Alibaba Cloud service address space)",
        },
        [{ to: [{ ipBlock: { cidr: "100.64.0.0/10" } }], ports: [{ protocol: "TCP", port: 443 }] }],
      ],
      [
        "egress-udp-100-100-2-136-30-53",
        { "sovereign-dc/reason": "VPC DNS resolvers of Alibaba Cloud inside the region" },
        [
          {
            to: [{ ipBlock: { cidr: "100.100.2.136/30" } }],
            ports: [{ protocol: "UDP", port: 53 }],
          },
        ],
      ],
    ]);
    const allow = policies.find(
      (p) =>
        p.inputs.metadata.namespace === "telemetry-ingest" &&
        p.inputs.metadata.name === "allow-namespace-dns-network",
    );
    expect(allow?.inputs.spec.egress[2]).toEqual({ to: [{ ipBlock: { cidr: "10.20.0.0/16" } }] });
    expect(
      await new Promise((resolve) => pulumi.output(outputs.kubernetes).apply(resolve)),
    ).toEqual({
      clusterId: "cn-shanghai-k8s-cluster-id",
      namespaces: ["telemetry-ingest", "customer-services"],
    });
  });
});

describe("AlicloudCluster args", () => {
  const valid = {
    version: "1.33.1-aliyun.1",
    vpcCidr: "10.20.0.0/16",
    vSwitchIds: ["vsw-1"],
    securityGroupId: "sg-1",
    kmsKeyId: "key-1",
    nodePools: [
      { name: "general", instanceType: "ecs.g7.xlarge", size: { min: 1, max: 1, desired: 1 } },
    ],
    logProjectName: "sovereign-dc-test-k8s-logs",
  };

  it("accepts a sealed cluster and runs a fixed-size pool at its desired size", async () => {
    const { nodePoolArgs, validateAlicloudClusterArgs } =
      await import("../../components/alicloud/cluster");
    expect(validateAlicloudClusterArgs(valid)).toEqual([]);
    expect(
      nodePoolArgs(valid.nodePools[0], {
        clusterId: "c-1",
        vSwitchIds: ["vsw-1"],
        securityGroupId: "sg-1",
        kmsKeyId: "key-1",
      }),
    ).toEqual({
      clusterId: "c-1",
      nodePoolName: "general",
      vswitchIds: ["vsw-1"],
      instanceTypes: ["ecs.g7.xlarge"],
      securityGroupIds: ["sg-1"],
      internetMaxBandwidthOut: 0,
      systemDiskCategory: "cloud_essd",
      systemDiskEncrypted: true,
      systemDiskKmsKey: "key-1",
      desiredSize: "1",
    });
  });

  test.each<[string, Record<string, unknown>, string]>([
    [
      "a service block inside the VPC",
      { vpcCidr: "172.16.0.0/12" },
      'serviceCidr: received "172.21.0.0/20"; expected a block that does not overlap the VPC (172.16.0.0/12).',
    ],
    [
      "an EKS version",
      { version: "1.33" },
      'version: received "1.33"; expected an ACK version such as 1.31.1-aliyun.1.',
    ],
    ["no vSwitch", { vSwitchIds: [] }, "vSwitchIds: received []; expected at least one vSwitch."],
    [
      "a desired size above max",
      {
        nodePools: [
          { name: "general", instanceType: "ecs.g7.xlarge", size: { min: 1, max: 2, desired: 3 } },
        ],
      },
      "nodePools[0].size.desired: received 3; expected a node count from 1 to 2.",
    ],
  ])(
    "rejects %s, naming the arg, the value and what is allowed",
    async (_name, change, message) => {
      const { validateAlicloudClusterArgs } = await import("../../components/alicloud/cluster");
      expect(validateAlicloudClusterArgs({ ...valid, ...change })).toEqual([message]);
    },
  );
});
