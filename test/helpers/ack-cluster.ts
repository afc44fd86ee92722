/**
 * An ACK cluster in Shanghai as the model oracle's resources: the region's provider, a VPC and
 * the vSwitch the nodes run in, the cluster with `ack`'s inputs (internal API server, Terway with
 * NetworkPolicy on and no NGINX Ingress add-on unless told; its Secrets on a key of its own), a node pool with `pool`'s inputs when given (its system
 * disks on a key of its own), and the Kubernetes provider built from the cluster (provider name
 * `kube`). Tests add the Kubernetes objects they judge.
 */
import { on, type OracleResource } from "./model-oracle";

const sh = on("sh");

/** Terway with NetworkPolicy on: the ACK network plugin that enforces the namespaces' policies. */
export const terwayWithPolicies = {
  name: "terway-eniip",
  config: JSON.stringify({ IPVlan: "false", NetworkPolicy: "true" }),
};

export function ackCluster(
  ack: Record<string, unknown> = {},
  pool?: Record<string, unknown>,
): OracleResource[] {
  return [
    { type: "pulumi:providers:alicloud", name: "sh", props: { region: "cn-shanghai" } },
    sh("alicloud:vpc/network:Network", "core", { cidrBlock: "10.0.0.0/16" }),
    {
      ...sh("alicloud:vpc/switch:Switch", "nodes", { vpcId: "vpc-1", cidrBlock: "10.0.1.0/24" }),
      deps: { vpcId: ["core"] },
    },
    sh("alicloud:kms/key:Key", "secrets", {}),
    {
      ...sh("alicloud:cs/managedKubernetes:ManagedKubernetes", "ack", {
        workerVswitchIds: ["vsw-1"],
        slbInternetEnabled: false,
        encryptionProviderKey: "key-secrets",
        addons: [terwayWithPolicies, { name: "nginx-ingress-controller", disabled: true }],
        ...ack,
      }),
      deps: { workerVswitchIds: ["nodes"], encryptionProviderKey: ["secrets"] },
    },
    ...(pool
      ? [
          sh("alicloud:kms/key:Key", "disks", {}),
          {
            ...sh("alicloud:cs/nodePool:NodePool", "pool", {
              clusterId: "c-1",
              vswitchIds: ["vsw-1"],
              systemDiskEncrypted: true,
              systemDiskKmsKey: "key-1",
              ...pool,
            }),
            deps: { clusterId: ["ack"], vswitchIds: ["nodes"], systemDiskKmsKey: ["disks"] },
          },
        ]
      : []),
    {
      type: "pulumi:providers:kubernetes",
      name: "kube",
      props: { kubeconfig: "apiVersion: v1" },
      deps: { kubeconfig: ["ack"] },
    },
  ];
}
