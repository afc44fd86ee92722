/**
 * The Alibaba Cloud data center: one provider pinned to the spec's region, and the sealed
 * components built through it — key, private network, egress guard and storage.
 */
import { Provider as AlicloudProvider } from "@pulumi/alicloud/provider";
import * as pulumi from "@pulumi/pulumi";
import {
  AlicloudCluster,
  AlicloudEgressGuard,
  AlicloudKeys,
  AlicloudNetwork,
  AlicloudStorage,
} from "../components/alicloud";
import { cidrsOverlap, type StackSpec } from "../residency/spec";
import { sealedNamespaces } from "./namespaces";

export function buildAlicloudStack(spec: StackSpec, opts: pulumi.ComponentResourceOptions = {}) {
  if (spec.cloud !== "alicloud") {
    throw new Error(
      `buildAlicloudStack: received a spec for cloud ${JSON.stringify(spec.cloud)}; expected "alicloud".`,
    );
  }
  const stack = pulumi.getStack();
  const jurisdiction = spec.jurisdiction.id;

  // The only provider of the stack: no resource can fall back to a default provider whose region
  // comes from the environment or a CLI profile.
  const provider = new AlicloudProvider(
    `${stack}-alicloud`,
    // HTTPS is the provider's default; pinning it keeps the bucket policies' TLS-only rule from
    // locking the deployment out.
    // The account, where the stack declares it: the pack then tells links to another account
    // from the stack's own (cross-account-links).
    {
      region: spec.region,
      protocol: "HTTPS",
      ...(spec.accountId !== undefined ? { accountId: spec.accountId } : {}),
    },
    { parent: opts.parent },
  );
  const inRegion = pulumi.mergeOptions(opts, { provider });

  const keys = new AlicloudKeys(
    `${stack}-keys`,
    {
      rotationDays: spec.keys.rotationDays,
      deletionWindowDays: spec.keys.deletionWindowDays,
      description: `Data key of stack ${stack} (${jurisdiction}): encrypts its OSS buckets in ${spec.region}`,
    },
    inRegion,
  );

  const network = new AlicloudNetwork(
    `${stack}-network`,
    {
      cidrBlock: spec.network.cidr,
      zones: spec.network.zones,
      egress: spec.egress,
      description: `Private network of stack ${stack} (${jurisdiction}): no internet path`,
    },
    inRegion,
  );

  const egressGuard = new AlicloudEgressGuard(
    `${stack}-egress-guard`,
    { vpcId: network.vpcId, vpcCidr: spec.network.cidr, egress: spec.egress },
    inRegion,
  );

  const storage = new AlicloudStorage(
    `${stack}-storage`,
    {
      namePrefix: `${pulumi.getProject()}-${stack}`,
      buckets: spec.buckets,
      kmsKeyId: keys.keyId,
      vpcId: network.vpcId,
    },
    inRegion,
  );

  const kubernetes =
    spec.kubernetes === undefined
      ? undefined
      : (() => {
          const k = spec.kubernetes;
          const cluster = new AlicloudCluster(
            `${stack}-k8s`,
            {
              version: k.version,
              vpcCidr: spec.network.cidr,
              vSwitchIds: spec.network.zones.map((z) => network.vSwitchIds[z.zone]),
              securityGroupId: egressGuard.securityGroupId,
              kmsKeyId: keys.keyId,
              nodePools: k.nodePools,
              logProjectName: `${pulumi.getProject()}-${stack}-k8s-logs`,
              serviceCidr: serviceCidrFor(spec.network.cidr),
            },
            inRegion,
          );
          return {
            clusterId: cluster.clusterId,
            namespaces: sealedNamespaces(stack, spec, cluster.kubernetesProvider, opts),
          };
        })();

  return {
    region: spec.region,
    jurisdiction,
    vpcId: network.vpcId,
    vSwitchIds: network.vSwitchIds,
    networkAclId: network.networkAclId,
    securityGroupId: egressGuard.securityGroupId,
    keyId: keys.keyId,
    buckets: storage.bucketNames,
    logBucket: storage.logBucketName,
    ...(kubernetes === undefined ? {} : { kubernetes }),
  };
}

/** ACK's usual service block, or another private one when the VPC already uses it. */
export function serviceCidrFor(vpcCidr: string): string {
  return ["172.21.0.0/20", "192.168.0.0/20", "10.254.0.0/20"].find(
    (c) => !cidrsOverlap(c, vpcCidr),
  )!;
}
