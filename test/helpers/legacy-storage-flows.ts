/**
 * The storage rows as they were before they moved to the storage table of the one model
 * (policy/paths/types/storage.ts), kept verbatim as the oracle of test/paths/differential.test.ts:
 *
 * - `legacyStorageFlows`, the border analysis's flow models of object storage
 *   (policy/border/flows/storage.ts): the graph the table draws is compared edge by edge with the
 *   graph these drew, and every difference is listed there. The disks, volumes, file systems,
 *   mounts, EFS replication and multi-Region access points of policy/border/flows/copies.ts are
 *   frozen in legacy-copy-flows.ts.
 * - `legacyStorageReplicationFlows`, the per-policy table `storage-replication` evaluated
 *   (policy/storage.ts): the view of the table must report exactly what it reported.
 */
import type { BorderResource, Endpoint, FlowEdge } from "../../policy/paths/model";
import { isUnknown } from "../../policy/paths/model";
import type { Resolver } from "../../policy/paths/resolver";
import {
  isPublic,
  isPublicGrantee,
  networkPins,
  publicAcls,
  statements,
} from "../../policy/paths/iam";
import { flagOpens, locate } from "../../policy/paths/places";
import { vpcTypes } from "../../policy/paths/types/gates";
import type { FlowModel } from "../../policy/flows";
import { valueAt, valuesAt } from "../../policy/paths/values";
import {
  arnPlace,
  encryptedBy,
  endpointOf,
  type FlowTable,
  isOn,
  link,
} from "../../policy/paths/types/common";

const bucketTypes = [
  "alicloud:oss/bucket:Bucket",
  "aws:s3/bucket:Bucket",
  "aws:s3/bucketV2:BucketV2",
];

/** The bucket a `bucket` property names. */
function bucketOf(r: BorderResource, x: Resolver, field = "bucket"): BorderResource | undefined {
  return x.resourceAt(r, field, bucketTypes);
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

function publicAcl(
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

const endpointTypes = ["aws:ec2/vpcEndpoint:VpcEndpoint"];

/**
 * Who can read a bucket: the networks its policies pin access to, the public when a statement
 * allows everyone and no condition binds it (unless the public-access block restricts public
 * policies), and otherwise every network of its region (credentials work from anywhere the
 * endpoint is reachable). A pinned network outside the stack fails closed.
 */
function bucketReaders(bucket: BorderResource, x: Resolver): FlowEdge[] {
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

/** `bucket → log delivery → target bucket`. */
function logsTo(
  source: BorderResource,
  x: Resolver,
  owner: BorderResource,
  field: string,
  detail?: string,
): FlowEdge[] {
  const ref = x.ref(owner, field, bucketTypes);
  if (ref.kind === "resource" && ref.resource === source) {
    return [];
  }
  const to = endpointOf(x, owner, ref, "log bucket");
  return to
    ? link(source, to, "log delivery", { via: owner === source ? undefined : owner, detail })
    : [];
}

/** The destination of an S3 replication rule: its bucket by ARN or name, else its partition. */
function s3Destination(x: Resolver, owner: BorderResource, path: string): Endpoint[] {
  return x.refs(owner, path, bucketTypes).flatMap((ref) => {
    if (ref.kind === "external") {
      const name = /^arn:[^:]+:s3:::([^/]+)/.exec(ref.value)?.[1];
      const byName = name ? x.byIdentifier(name, bucketTypes) : undefined;
      return [
        byName ??
          arnPlace(x, ref.value) ??
          x.unknownPlace(
            `replication destination ${JSON.stringify(ref.value)} is not a bucket of this stack`,
          ),
      ];
    }
    const e = endpointOf(x, owner, ref, "replication destination");
    return e ? [e] : [];
  });
}

const alicloud: FlowTable = {
  "alicloud:oss/bucket:Bucket": {
    role: "data",
    flows: (r, x) => [
      ...bucketReaders(r, x),
      ...(r.props.logging !== undefined ? logsTo(r, x, r, "logging.targetBucket") : []),
      ...encryptedBy(x, r, r, ["serverSideEncryptionRule.kmsMasterKeyId"]),
      ...publicAcl(r, x, r.props.acl),
      ...(isOn(valueAt(r.props, "transferAcceleration.enabled"))
        ? link(r, x.globalPlace("OSS transfer acceleration network"), "transfer acceleration")
        : []),
    ],
  },
  "alicloud:oss/bucketReplication:BucketReplication": {
    role: "other",
    flows: (r, x) => {
      const source = bucketOf(r, x);
      if (!source) {
        return [];
      }
      // Both name the far side, and a mismatch is possible: a bucket of the stack is an edge to
      // that bucket (the path goes on from it) and the location an edge to its region. A location
      // not known yet defers to a bucket of the stack; without either the bucket's name decides.
      const ref = x.ref(r, "destination.bucket", bucketTypes);
      const location = valueAt(r.props, "destination.location");
      const ends: Endpoint[] = ref.kind === "resource" ? [ref.resource] : [];
      if (typeof location === "string") {
        ends.push(x.locatedPlace(locate(x.jurisdiction, "oss-location", location, "alicloud"))!);
      } else if (location !== undefined && !(isUnknown(location) && ends.length > 0)) {
        ends.push(x.regionValue(r, location, "destination.location", "oss-"));
      } else if (location === undefined && ends.length === 0) {
        const named = endpointOf(x, r, ref, "destination bucket");
        ends.push(...(named ? [named] : []));
      }
      const acceleration = x.globalPlace("OSS transfer acceleration network");
      const accelerated = flagOpens(
        { values: ["oss_acc"], normalize: "token" },
        valueAt(r.props, "destination.transferType"),
      );
      return [
        ...ends.flatMap((to) => link(source, to, "replication", { via: r })),
        ...(accelerated ? link(source, acceleration, "transfer acceleration", { via: r }) : []),
      ];
    },
  },
  "alicloud:oss/bucketLogging:BucketLogging": {
    role: "other",
    flows: (r, x) => {
      const source = bucketOf(r, x);
      return source ? logsTo(source, x, r, "targetBucket") : [];
    },
  },
  "alicloud:oss/bucketInventory:BucketInventory": {
    role: "other",
    flows: (r, x) => {
      const source = bucketOf(r, x);
      return source
        ? logsTo(source, x, r, "destination.ossBucketDestination.bucket", "object inventory")
        : [];
    },
  },
  "alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption": {
    role: "control",
    flows: (r, x) => {
      const bucket = bucketOf(r, x);
      return bucket && r.props.sseAlgorithm === "KMS"
        ? encryptedBy(x, bucket, r, ["kmsMasterKeyId"], r)
        : [];
    },
  },
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

const s3Bucket: FlowTable[string] = {
  role: "data",
  flows: (r, x) => [
    ...bucketReaders(r, x),
    ...logsTo(r, x, r, "logging.targetBucket"),
    ...logsTo(r, x, r, "loggings[].targetBucket"),
    ...encryptedBy(x, r, r, [
      "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.kmsMasterKeyId",
      "serverSideEncryptionConfigurations[].rules[].applyServerSideEncryptionByDefaults[].kmsMasterKeyId",
    ]),
    ...s3Destination(x, r, "replicationConfiguration.rules[].destination.bucket").flatMap((to) =>
      link(r, to, "replication"),
    ),
    ...s3Destination(x, r, "replicationConfigurations[].rules[].destinations[].bucket").flatMap(
      (to) => link(r, to, "replication"),
    ),
    ...publicAcl(r, x, r.props.acl),
    ...(r.props.accelerationStatus === "Enabled"
      ? link(r, x.globalPlace("S3 transfer acceleration network"), "transfer acceleration")
      : []),
  ],
};

function s3Each(types: readonly string[], model: FlowTable[string]): FlowTable {
  return Object.fromEntries(types.map((t) => [t, model]));
}

const aws: FlowTable = {
  "aws:s3/bucket:Bucket": s3Bucket,
  "aws:s3/bucketV2:BucketV2": s3Bucket,
  "aws:s3/bucketReplicationConfig:BucketReplicationConfig": {
    role: "other",
    flows: (r, x) => {
      const source = bucketOf(r, x);
      if (!source) {
        return [];
      }
      const enabled = valuesAt(r.props, "rules[]").some(
        (rule) => valueAt(rule.value, "status") !== "Disabled",
      );
      return enabled
        ? s3Destination(x, r, "rules[].destination.bucket").flatMap((to) =>
            link(source, to, "replication", { via: r }),
          )
        : [];
    },
  },
  ...s3Each(["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"], {
    role: "other",
    flows: (r, x) => {
      const source = bucketOf(r, x);
      return source ? logsTo(source, x, r, "targetBucket") : [];
    },
  }),
  ...s3Each(
    [
      "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    ],
    {
      role: "control",
      flows: (r, x) => {
        const bucket = bucketOf(r, x);
        return bucket
          ? encryptedBy(
              x,
              bucket,
              r,
              ["rules[].applyServerSideEncryptionByDefault.kmsMasterKeyId"],
              r,
            )
          : [];
      },
    },
  ),
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

export const legacyStorageFlows: FlowTable = { ...alicloud, ...aws };

const ossFix =
  "Point it at a bucket in a region inside the jurisdiction (created by this program), or remove it.";
const s3Fix =
  "Point it at a bucket of this program whose region lies inside the jurisdiction, or remove it.";

export const legacyStorageReplicationFlows: readonly FlowModel[] = [
  {
    type: "alicloud:oss/bucketReplication:BucketReplication",
    source: { path: "bucket", noun: "oss bucket" },
    fields: [
      { path: "destination.location", format: "oss-location", verb: "replicates objects to" },
      {
        path: "destination.bucket",
        format: "ref",
        ref: "oss-bucket",
        fallback: "location",
        verb: "replicates objects to",
      },
      {
        // The API's value is `oss_acc`; the SDK documents `ossAcc`.
        path: "destination.transferType",
        format: "flag",
        values: ["oss_acc"],
        normalize: "token",
        verb: "carries replicas over",
        farSide: "OSS transfer acceleration network",
        global: true,
      },
    ],
    fix: "Replicate to a bucket in a region inside the jurisdiction (e.g. another mainland region for CN), or remove the rule.",
  },
  {
    type: "alicloud:oss/bucketInventory:BucketInventory",
    source: { path: "bucket", noun: "oss bucket" },
    fields: [
      {
        path: "destination.ossBucketDestination.bucket",
        format: "ref",
        ref: "oss-bucket",
        verb: "exports object listings to",
      },
      {
        path: "destination.ossBucketDestination.accountId",
        format: "account",
        verb: "exports object listings to",
      },
    ],
    fix: ossFix,
  },
  {
    type: "alicloud:oss/bucketLogging:BucketLogging",
    source: { path: "bucket", noun: "oss bucket" },
    fields: [
      { path: "targetBucket", format: "ref", ref: "oss-bucket", verb: "writes access logs to" },
    ],
    fix: ossFix,
  },
  {
    type: "alicloud:oss/bucket:Bucket",
    fields: [
      {
        path: "logging.targetBucket",
        format: "ref",
        ref: "oss-bucket",
        verb: "writes access logs to",
      },
    ],
    fix: ossFix,
  },
  {
    type: "alicloud:oss/bucketWebsite:BucketWebsite",
    source: { path: "bucket", noun: "oss bucket" },
    fields: [
      {
        path: "routingRules.routingRules[].redirect.mirrorUrl",
        format: "url",
        verb: "fetches missing objects (with pass-through headers) from",
      },
      {
        path: "routingRules.routingRules[].redirect.mirrorUrlSlave",
        format: "url",
        verb: "fetches missing objects (with pass-through headers) from",
      },
      {
        path: "routingRules.routingRules[].redirect.mirrorDstRegion",
        format: "region",
        verb: "mirrors objects from",
      },
    ],
    fix: "Mirror only from an origin inside the jurisdiction, or remove the mirror rule.",
  },
  // Services that write the stack's data into a bucket they name: an object, a storage
  // gateway's share or volume (its files, written through from the gateway's cache), Express
  // Sync, a Flink workspace's state and artifacts, an Airflow environment's DAGs and logs, a
  // container registry's image layers. A bucket of the program is placed where it lies; another
  // is placed by the endpoint or region beside it, and fails closed without one.
  {
    type: "alicloud:oss/bucketObject:BucketObject",
    fields: [{ path: "bucket", format: "ref", ref: "oss-bucket", verb: "writes the object to" }],
    fix: ossFix,
  },
  ...[
    "alicloud:cloudstoragegateway/gatewayFileShare:GatewayFileShare",
    "alicloud:cloudstoragegateway/gatewayBlockVolume:GatewayBlockVolume",
  ].map((type): FlowModel => ({
    type,
    fields: [
      { path: "ossEndpoint", format: "endpoint", verb: "writes the gateway's data to" },
      {
        path: "ossBucketName",
        format: "ref",
        ref: "oss-bucket",
        fallback: "ossEndpoint",
        verb: "writes the gateway's data to",
      },
      // Only a file share can reach its bucket through transfer acceleration.
      ...(type.includes("gatewayFileShare")
        ? [
            {
              path: "transferAcceleration",
              format: "flag",
              values: [true],
              verb: "carries the gateway's data over",
              farSide: "OSS transfer acceleration network",
              global: true,
            } as const,
          ]
        : []),
    ],
    fix: type.includes("gatewayFileShare")
      ? `${ossFix.slice(0, -1)}; turn transfer acceleration off.`
      : ossFix,
  })),
  {
    type: "alicloud:cloudstoragegateway/expressSync:ExpressSync",
    fields: [
      {
        path: "bucketName",
        format: "ref",
        ref: "oss-bucket",
        fallback: "bucketRegion",
        verb: "synchronises file-share changes with",
      },
    ],
    fix: ossFix,
  },
  {
    type: "alicloud:realtimecompute/vvpInstance:VvpInstance",
    fields: [
      {
        path: "storage.oss.bucket",
        format: "ref",
        ref: "oss-bucket",
        verb: "keeps job state and artifacts in",
      },
    ],
    fix: ossFix,
  },
  {
    type: "alicloud:dms/airflow:Airflow",
    fields: [
      {
        path: "ossBucketName",
        format: "ref",
        ref: "oss-bucket",
        verb: "keeps DAGs, plugins and task logs in",
      },
    ],
    fix: ossFix,
  },
  {
    // `defaultOssBucket` only says whether the registry uses a bucket of its own region.
    type: "alicloud:cr/registryEnterpriseInstance:RegistryEnterpriseInstance",
    fields: [
      { path: "customOssBucket", format: "ref", ref: "oss-bucket", verb: "stores image layers in" },
    ],
    fix: ossFix,
  },
  {
    type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    source: { path: "bucket", noun: "s3 bucket" },
    fields: [
      {
        path: "rules[].destination.bucket",
        format: "ref",
        ref: "s3-bucket",
        verb: "replicates objects to",
      },
      { path: "rules[].destination.account", format: "account", verb: "replicates objects to" },
    ],
    fix: "Replicate to a bucket of this program in a region inside the jurisdiction (e.g. us-east-1 for US), or remove the rule.",
  },
  {
    type: "aws:s3/bucket:Bucket",
    fields: [
      {
        path: "replicationConfiguration.rules[].destination.bucket",
        format: "ref",
        ref: "s3-bucket",
        verb: "replicates objects to",
      },
      {
        path: "replicationConfiguration.rules[].destination.accountId",
        format: "account",
        verb: "replicates objects to",
      },
      {
        path: "logging.targetBucket",
        format: "ref",
        ref: "s3-bucket",
        verb: "writes access logs to",
      },
    ],
    fix: s3Fix,
  },
  {
    type: "aws:s3/bucketV2:BucketV2",
    fields: [
      {
        path: "replicationConfigurations[].rules[].destinations[].bucket",
        format: "ref",
        ref: "s3-bucket",
        verb: "replicates objects to",
      },
      {
        path: "loggings[].targetBucket",
        format: "ref",
        ref: "s3-bucket",
        verb: "writes access logs to",
      },
    ],
    fix: s3Fix,
  },
  {
    type: "aws:s3/bucketLogging:BucketLogging",
    source: { path: "bucket", noun: "s3 bucket" },
    fields: [
      { path: "targetBucket", format: "ref", ref: "s3-bucket", verb: "writes access logs to" },
    ],
    fix: s3Fix,
  },
  {
    type: "aws:s3/inventory:Inventory",
    source: { path: "bucket", noun: "s3 bucket" },
    fields: [
      {
        path: "destination.bucket.bucketArn",
        format: "ref",
        ref: "s3-bucket",
        verb: "exports object listings to",
      },
      {
        path: "destination.bucket.accountId",
        format: "account",
        verb: "exports object listings to",
      },
    ],
    fix: s3Fix,
  },
  {
    type: "aws:s3/analyticsConfiguration:AnalyticsConfiguration",
    source: { path: "bucket", noun: "s3 bucket" },
    fields: [
      {
        path: "storageClassAnalysis.dataExport.destination.s3BucketDestination.bucketArn",
        format: "ref",
        ref: "s3-bucket",
        verb: "exports storage analytics to",
      },
      {
        path: "storageClassAnalysis.dataExport.destination.s3BucketDestination.bucketAccountId",
        format: "account",
        verb: "exports storage analytics to",
      },
    ],
    fix: s3Fix,
  },
  {
    type: "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint",
    fields: [
      {
        path: "details.regions[].region",
        format: "region",
        verb: "routes requests to a bucket in",
      },
      {
        path: "details.regions[].bucket",
        format: "ref",
        ref: "s3-bucket",
        verb: "routes requests to",
      },
    ],
    fix: "Include only buckets in regions inside the jurisdiction.",
  },
  {
    // CopyObject reads `source` (`<bucket>/<key>`) from a bucket of any region into `bucket`,
    // which S3 serves only in the copy's own region; an e-mail grantee is another AWS account.
    type: "aws:s3/objectCopy:ObjectCopy",
    fields: [
      {
        path: "source",
        format: "ref",
        ref: "s3-bucket",
        verb: "copies an object from",
        inbound: true,
      },
      {
        path: "grants[].email",
        format: "flag",
        verb: "grants the copied object to",
        farSide: "the AWS account of that e-mail address",
      },
    ],
    fix: "Copy only from buckets of this program in regions inside the jurisdiction, and grant the object to no other account.",
  },
  {
    type: "aws:s3control/multiRegionAccessPointRoutes:MultiRegionAccessPointRoutes",
    fields: [{ path: "routes[].region", format: "region", verb: "routes requests to" }],
    fix: "Route only to buckets in regions inside the jurisdiction.",
  },
  {
    type: "aws:s3control/storageLensConfiguration:StorageLensConfiguration",
    fields: [
      {
        path: "storageLensConfiguration.dataExport.s3BucketDestination.arn",
        format: "ref",
        ref: "s3-bucket",
        verb: "exports storage metrics to",
      },
      {
        path: "storageLensConfiguration.dataExport.s3BucketDestination.accountId",
        format: "account",
        verb: "exports storage metrics to",
      },
    ],
    fix: s3Fix,
  },
  {
    type: "aws:efs/replicationConfiguration:ReplicationConfiguration",
    fields: [
      { path: "destination.region", format: "region", verb: "replicates the file system to" },
    ],
    fix: "Replicate to a region inside the jurisdiction, or remove the replication.",
  },
];
