/**
 * Flow models of object storage (shared/research/data-paths.md §3 and §4, "Object storage") not
 * yet declared in a domain table of the one model: who can read a bucket (the networks its policy
 * admits, or the public), its public ACL resources, and the global edge networks that transfer
 * acceleration puts in front of it. The buckets themselves, their replication, logging,
 * inventory and encryption are rows of policy/paths/types/storage.ts, which draw their readers
 * and public grants through `bucketReaders` and `publicAcl`.
 */
import type { BorderResource, Endpoint, FlowEdge } from "../model";
import { isUnknown } from "../model";
import type { Resolver } from "../resolver";
import { isPublic, isPublicGrantee, networkPins, publicAcls, statements } from "../../paths/iam";
import { valuesAt } from "../../paths/values";
import { type FlowTable, isOn, link } from "./common";

export const bucketTypes: readonly string[] = [
  "alicloud:oss/bucket:Bucket",
  "aws:s3/bucket:Bucket",
  "aws:s3/bucketV2:BucketV2",
];

/** The bucket a `bucket` property names. */
function bucketOf(r: BorderResource, x: Resolver): BorderResource | undefined {
  return x.resourceAt(r, "bucket", bucketTypes);
}

/**
 * The public-access block flag that keeps a public grant from taking effect: S3's
 * `ignorePublicAcls` ignores public ACLs and `restrictPublicBuckets` limits a public policy to the
 * owner account (`blockPublicAcls` and `blockPublicPolicy` only refuse new grants and leave those
 * already set in force); OSS's `blockPublicAccess` does both.
 */
const blockFlags = {
  alicloud: { module: "alicloud:oss", acl: "blockPublicAccess", policy: "blockPublicAccess" },
  aws: { module: "aws:s3", acl: "ignorePublicAcls", policy: "restrictPublicBuckets" },
} as const;

/** Whether the bucket's or its account's public-access block keeps a public ACL or policy shut. */
function publicAccessBlocked(
  bucket: BorderResource,
  x: Resolver,
  grant: "acl" | "policy",
): boolean {
  const gate = bucket.type.startsWith("alicloud:") ? blockFlags.alicloud : blockFlags.aws;
  const on = (b: BorderResource) => b.props[gate[grant]] === true;
  return (
    x
      .referrers(bucket, `${gate.module}/bucketPublicAccessBlock:BucketPublicAccessBlock`, "bucket")
      .some(on) ||
    x.ofType(`${gate.module}/accountPublicAccessBlock:AccountPublicAccessBlock`).some(on)
  );
}

export function publicAcl(
  bucket: BorderResource,
  x: Resolver,
  acl: unknown,
  via?: BorderResource,
): FlowEdge[] {
  // A bucket's own grants, or those of its ACL resource.
  const grants = ["grants[].uri", "accessControlPolicy.grants[].grantee.uri"].flatMap((path) =>
    valuesAt(via?.props ?? bucket.props, path),
  );
  const open =
    (typeof acl === "string" && publicAcls.includes(acl.toLowerCase())) ||
    grants.some((g) => isPublicGrantee(g.value));
  if (!open || publicAccessBlocked(bucket, x, "acl")) {
    return [];
  }
  return link(bucket, x.internet, "public access", {
    via,
    detail: typeof acl === "string" ? acl : "grant to all users",
  });
}

/**
 * The networks and endpoints a bucket policy may pin its readers to. (Not imported from the egress
 * models: the storage table reads this file, and the egress models read the tables.)
 */
const vpcTypes = ["alicloud:vpc/network:Network", "aws:ec2/vpc:Vpc"];
const endpointTypes = ["aws:ec2/vpcEndpoint:VpcEndpoint"];

/**
 * Who can read a bucket: the networks its policies pin access to, the public when a statement
 * allows everyone and no condition binds it (unless the public-access block restricts public
 * policies), and otherwise every network of its region (credentials work from anywhere the
 * endpoint is reachable). A pinned network outside the stack fails closed.
 */
export function bucketReaders(bucket: BorderResource, x: Resolver): FlowEdge[] {
  const sources: Array<{ owner: BorderResource; policy: unknown }> = [];
  if (bucket.props.policy !== undefined) {
    sources.push({ owner: bucket, policy: bucket.props.policy });
  }
  for (const t of ["alicloud:oss/bucketPolicy:BucketPolicy", "aws:s3/bucketPolicy:BucketPolicy"]) {
    for (const p of x.referrers(bucket, t, "bucket")) {
      sources.push({ owner: p, policy: p.props.policy });
    }
  }
  const edges: FlowEdge[] = [];
  let pinned = false;
  for (const { owner, policy } of sources) {
    if (isUnknown(policy)) {
      edges.push(
        ...link(
          bucket,
          x.unknownPlace(`the policy of ${x.label(owner)} is not known until deployed`),
          "readable from",
          {
            via: owner === bucket ? undefined : owner,
          },
        ),
      );
      continue;
    }
    const list = statements(policy);
    if (list.some(isPublic) && !publicAccessBlocked(bucket, x, "policy")) {
      edges.push(
        ...link(bucket, x.internet, "public access", {
          via: owner,
          detail: "policy allows everyone",
        }),
      );
    }
    const networks = networkPins(list);
    if (networks.vpcs.length === 0 && networks.endpoints.length === 0) {
      continue;
    }
    pinned = true;
    const via = owner === bucket ? undefined : owner;
    // IDs are not in the outputs the analyzer sends; the policy's dependencies say which
    // networks and endpoints its text was built from.
    const deps = (owner.propertyDependencies.policy ?? [])
      .map((u) => x.get(u))
      .filter((d): d is BorderResource => d !== undefined);
    const pick = (ids: readonly string[], types: readonly string[]) =>
      ids.length === 0
        ? []
        : [
            ...new Set([
              ...ids.flatMap((id) => x.byIdentifier(id, types) ?? []),
              ...deps.filter((d) => types.includes(d.type)),
            ]),
          ];
    const vpcs = pick(networks.vpcs, vpcTypes);
    const endpoints = pick(networks.endpoints, endpointTypes);
    const readers: Array<{ to: Endpoint; detail: string }> = [
      ...vpcs.map((vpc) => ({ to: vpc as Endpoint, detail: "only from this network" })),
      ...endpoints.map((ep) => ({
        to: (x.resourceAt(ep, "vpcId", vpcTypes) ??
          x.unknownPlace(`the network of ${x.label(ep)} is not in this stack`)) as Endpoint,
        detail: `only through ${x.label(ep)}`,
      })),
    ];
    const named = [...networks.vpcs, ...networks.endpoints];
    if (readers.length === 0) {
      edges.push(
        ...link(
          bucket,
          x.unknownPlace(
            `network ${named.join(", ")} named by ${x.label(owner)} is not in this stack`,
          ),
          "readable from",
          { via },
        ),
      );
    }
    for (const r of readers) {
      edges.push(...link(bucket, r.to, "readable from", { via, detail: r.detail }));
    }
  }
  const here = x.regionOf(bucket);
  if (!pinned && here) {
    edges.push(
      ...link(bucket, x.regionHub(here.cloud, here.region), "readable from", {
        detail: "no network restriction: any network of its region with credentials",
      }),
    );
  }
  return edges;
}

const alicloud: FlowTable = {
  "alicloud:oss/bucketAcl:BucketAcl": {
    role: "control",
    flows: (r, x) => {
      const bucket = bucketOf(r, x);
      return bucket ? publicAcl(bucket, x, r.props.acl, r) : [];
    },
  },
  "alicloud:oss/bucketTransferAcceleration:BucketTransferAcceleration": {
    role: "control",
    flows: (r, x) => {
      const bucket = bucketOf(r, x);
      return bucket && isOn(r.props.enabled)
        ? link(
            bucket,
            x.globalPlace("OSS transfer acceleration network"),
            "transfer acceleration",
            { via: r },
          )
        : [];
    },
  },
};

function s3Each(types: readonly string[], model: FlowTable[string]): FlowTable {
  return Object.fromEntries(types.map((t) => [t, model]));
}

const aws: FlowTable = {
  ...s3Each(["aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"], {
    role: "control",
    flows: (r, x) => {
      const bucket = bucketOf(r, x);
      return bucket ? publicAcl(bucket, x, r.props.acl, r) : [];
    },
  }),
  ...s3Each(
    [
      "aws:s3/bucketAccelerateConfiguration:BucketAccelerateConfiguration",
      "aws:s3/bucketAccelerateConfigurationV2:BucketAccelerateConfigurationV2",
    ],
    {
      role: "control",
      flows: (r, x) => {
        const bucket = bucketOf(r, x);
        return bucket && r.props.status === "Enabled"
          ? link(
              bucket,
              x.globalPlace("S3 transfer acceleration network"),
              "transfer acceleration",
              { via: r },
            )
          : [];
      },
    },
  ),
};

export const storageFlows: FlowTable = { ...alicloud, ...aws };
