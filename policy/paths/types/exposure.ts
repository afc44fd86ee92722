/**
 * Public exposure: what lets anyone on the internet reach the stack's data
 * (shared/research/data-paths.md §3 and §4 "Object storage", "Load balancers / public
 * endpoints", "DB public endpoints"; §6.6).
 *
 * - Object storage: who can read a bucket — the public, through a public ACL or a policy that
 *   allows everyone, or the networks its policy pins readers to — and the resources that grant
 *   it: ACLs, bucket policies, access points. The public-access blocks are the gates those grants
 *   pass (Rule G).
 * - Service endpoints, load balancers and addresses that answer on the internet, settings that
 *   let anyone in without signing in, and the IP whitelists of data services: the resource itself
 *   is the way in, an edge from it to the public internet.
 * - Resource policies, permissions and shares (grants.ts): a grant to everyone is an edge to the
 *   public internet (public-exposure), a grant to another account an edge to that account
 *   (cross-account-links).
 *
 * A public grant is `public-exposure`'s finding from the resource alone, whether or not a block
 * keeps it shut today: the grant takes effect the moment the block goes. The graph draws the
 * grant's edge `bucket → the public internet` only while no block shuts it, so the path search
 * sees what is reachable now; the edge is tagged with the grant's verdict, so a path through it
 * is public-exposure's finding, not no-path-out-of-jurisdiction's.
 *
 * The buckets' rows live in the storage table (storage.ts): they draw their readers and public
 * grants through `bucketReaders` and `publicAcl`, and declare their public fields from here.
 */
import { link } from "./common";
import { isUnknown } from "../model";
import { type FieldTag, fieldTag } from "../fields";
import {
  accountGrantFix,
  accountGrants,
  alibabaAccountFix,
  emailGrantFix,
  emailGrants,
  grants,
  ramAccountGrants,
} from "./grants";
import { knownAt } from "./log-readers";
import {
  ackIngressAddon,
  ackIngressAddonFix,
  allowListed,
  authFreeSources,
  containerEndpoint,
  domainEndpoint,
  given,
  hologresEndpoints,
  ingressFix,
  internalFlag,
  isNot,
  lightsailPorts,
  mseRegistryEndpoint,
  ossAccessPoint,
  publicEndpoint,
  publicUnlessSet,
  slbAddressType,
  ssmDocumentShare,
  tablestoreNetworks,
  whitelistedEndpoint,
  workforce,
} from "./exposure-readers";
import { bucketSink, bucketSinkFix, edgesOf, exposed, withPolicyFields } from "./rows";
import { boundEips } from "./eips";
import { isPublic, isPublicGrantee, networkPins, publicAcls, statements } from "../iam";
import type {
  BorderResource,
  Endpoint,
  FieldSpec,
  FlowEdge,
  PublicReader,
  TaggedEdge,
  TypeModel,
  TypeTable,
} from "../model";
import type { Resolver } from "../resolver";
import { isTrue, known, valueAt, valuesAt } from "../values";

export const bucketTypes: readonly string[] = [
  "alicloud:oss/bucket:Bucket",
  "aws:s3/bucket:Bucket",
  "aws:s3/bucketV2:BucketV2",
];

/** The bucket a `bucket` property names. */
function bucketOf(r: BorderResource, x: Resolver): BorderResource | undefined {
  return x.resourceAt(r, "bucket", bucketTypes);
}

// A public-exposure field (rows.ts), for the rows of this table and the others.
export { exposed };

/** A bucket's grant: the row draws its edge from the bucket, through the public-access block. */
const gated = { drawnByRow: true } as const;

const ossAcl = exposed(
  "acl",
  { values: ["public-read", "public-read-write"] },
  "every object is readable from the internet",
  gated,
);
const policyDoc = exposed("policy", "policy", "", gated);
const s3Acl = exposed("acl", { values: publicAcls }, "objects are readable by anyone", gated);
const s3Exposure = [
  s3Acl,
  exposed("grants[].uri", "grantee", "", gated),
  policyDoc,
  accountGrants("policy"),
] as const;

/**
 * The public fields of each bucket type, and of an OSS object, whose own ACL opens it as its
 * bucket's opens them all (the storage table's bucket and object rows declare them).
 */
export const bucketExposure = {
  "alicloud:oss/bucket:Bucket": [ossAcl, policyDoc, ramAccountGrants("policy")],
  "alicloud:oss/bucketObject:BucketObject": [
    exposed(
      "acl",
      { values: ["public-read", "public-read-write"] },
      "the object is readable by anyone",
      gated,
    ),
  ],
  "aws:s3/bucket:Bucket": s3Exposure,
  "aws:s3/bucketV2:BucketV2": s3Exposure,
} as const satisfies Record<string, readonly FieldSpec[]>;

/** The fix public-exposure appends for each bucket type. */
export const bucketExposureFix = {
  oss: 'Set acl to "private" and remove statements that allow everyone.',
  s3: 'Keep acl "private", grant nothing to AllUsers/AuthenticatedUsers, and allow "*" only under a condition that names the stack\'s VPC endpoint or account (aws:SourceVpce, aws:SourceAccount).',
};

/**
 * `edges`, tagged with what public-exposure decides about the grants at `paths` of `r`'s row (the
 * exposure rows' public fields, or the buckets'): the worst value.
 */
function tagged(
  edges: readonly FlowEdge[],
  paths: readonly string[],
  r: BorderResource,
  x: Resolver,
): Array<FlowEdge | TaggedEdge> {
  const fields =
    exposure[r.type]?.fields ?? (bucketExposure as Record<string, readonly FieldSpec[]>)[r.type];
  const own = (fields ?? []).filter(
    (f) => f.policy === "public-exposure" && paths.includes(f.path),
  );
  if (own.length === 0) {
    return [...edges];
  }
  const row: TypeModel = { role: "other", fields: own, fix: "" };
  const tags = own.map((f) => fieldTag(row, f.path, r, x));
  const tag: FieldTag =
    tags.find((t) => t.local === "report") ?? tags.find((t) => t.local === "stack") ?? tags[0];
  return edges.map((e) => ({ ...e, ...tag }));
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

const aclGrantPaths = ["grants[].uri", "accessControlPolicy.grants[].grantee.uri"];

/**
 * A bucket's public ACL — its own `acl` and grants, or those of its ACL resource `via` — as the
 * edge `bucket → the public internet`, unless a public-access block ignores public ACLs.
 */
export function publicAcl(
  bucket: BorderResource,
  x: Resolver,
  acl: unknown,
  via?: BorderResource,
): Array<FlowEdge | TaggedEdge> {
  const holder = via ?? bucket;
  const grants = aclGrantPaths.flatMap((path) => valuesAt(holder.props, path));
  const open =
    (typeof acl === "string" && publicAcls.includes(acl.toLowerCase())) ||
    grants.some((g) => isPublicGrantee(g.value));
  if (!open || publicAccessBlocked(bucket, x, "acl")) {
    return [];
  }
  const edges = link(bucket, x.internet, "public access", {
    via,
    detail: typeof acl === "string" ? acl : "grant to all users",
  });
  return tagged(edges, ["acl", ...aclGrantPaths], holder, x);
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
export function bucketReaders(bucket: BorderResource, x: Resolver): Array<FlowEdge | TaggedEdge> {
  const sources: Array<{ owner: BorderResource; policy: unknown }> = [];
  if (bucket.props.policy !== undefined) {
    sources.push({ owner: bucket, policy: bucket.props.policy });
  }
  for (const t of ["alicloud:oss/bucketPolicy:BucketPolicy", "aws:s3/bucketPolicy:BucketPolicy"]) {
    for (const p of x.referrers(bucket, t, "bucket")) {
      sources.push({ owner: p, policy: p.props.policy });
    }
  }
  const edges: Array<FlowEdge | TaggedEdge> = [];
  let pinned = false;
  for (const { owner, policy } of sources) {
    const via = owner === bucket ? undefined : owner;
    if (isUnknown(policy)) {
      // Whether the policy opens the bucket is public-exposure's question about the policy's
      // owner, which fails it closed: one crossing, one finding.
      const unknownReaders = link(
        bucket,
        x.unknownPlace(`the policy of ${x.label(owner)} is not known until deployed`),
        "readable from",
        { via },
      );
      edges.push(...tagged(unknownReaders, ["policy"], owner, x));
      continue;
    }
    const list = statements(policy);
    if (list.some(isPublic) && !publicAccessBlocked(bucket, x, "policy")) {
      const open = link(bucket, x.internet, "public access", {
        via: owner,
        detail: "policy allows everyone",
      });
      edges.push(...tagged(open, ["policy"], owner, x));
    }
    const networks = networkPins(list);
    if (networks.vpcs.length === 0 && networks.endpoints.length === 0) {
      continue;
    }
    pinned = true;
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

/** An ACL resource: its bucket is public while its ACL or grants are and no block ignores them. */
function aclRow(fields: readonly FieldSpec[], fix: string): TypeModel {
  return {
    role: "control",
    ...(fields.length > 0 ? { fields } : {}),
    edges: (r, x) => {
      const bucket = bucketOf(r, x);
      return bucket ? publicAcl(bucket, x, r.props.acl, r) : [];
    },
    fix,
  };
}

/** A public-access block: a gate the bucket rows' public grants pass (`publicAccessBlocked`). */
const block: TypeModel = {
  role: "control",
  fix: "Keep every flag of the block on.",
};

/**
 * An S3 access point: a policy that allows everyone opens the bucket behind it to the internet
 * when the access point has no VPC configuration. The graph draws that grant while neither the
 * access point's own public-access block (whose flags default to on) nor the bucket's or
 * account's restricts public policies.
 */
const s3AccessPoint: TypeModel = {
  role: "control",
  fields: [
    exposed("policy", "policy", "", {
      ...gated,
      when: (props) => valueAt(props, "vpcConfiguration") === undefined,
    }),
    // An access point to a bucket another account owns serves that account's objects, and that
    // account sees every request (cross-account-links).
    edgesOf("cross-account-links", "attachment").account(
      "bucketAccountId",
      "serves the objects of a bucket of",
    ),
  ],
  edges: (r, x) => {
    const bucket = bucketOf(r, x);
    const policy = valueAt(r.props, "policy");
    if (
      !bucket ||
      valueAt(r.props, "vpcConfiguration") !== undefined ||
      isUnknown(policy) ||
      !statements(policy).some(isPublic) ||
      valueAt(r.props, "publicAccessBlockConfiguration.restrictPublicBuckets") !== false ||
      publicAccessBlocked(bucket, x, "policy")
    ) {
      return [];
    }
    const open = link(bucket, x.internet, "public access", {
      via: r,
      detail: "access point policy allows everyone",
    });
    return tagged(open, ["policy"], r, x);
  },
  fix: {
    "public-exposure": "Give the access point a vpcConfiguration.",
    "cross-account-links": "Create access points only to buckets of the stack's own account.",
  },
};

/**
 * A service endpoint, load balancer or address that answers on the internet, or a setting that
 * lets anyone in without signing in: the resource itself is the way in (its edge goes from it to
 * the public internet). The stores behind these are not linked to them yet, so no path starts
 * through them; public-exposure reports each from the resource alone.
 */
/**
 * A Function Compute trigger of the HTTP kind whose public URL is not disabled
 * (`disableURLInternet` in its configuration); a kind or configuration not known at preview may be.
 */
function httpTriggerOnInternet(kindKey: string, config: string) {
  return (props: Readonly<Record<string, unknown>>): boolean => {
    const kind = known(() => valueAt(props, kindKey));
    if (!isUnknown(kind) && String(kind).toLowerCase() !== "http") {
      return false;
    }
    const disabled = known(() => valueAt(props, `${config}.disableURLInternet`));
    return isUnknown(disabled) || !isTrue(disabled);
  };
}

const endpoint = (fix: string, ...fields: FieldSpec[]): TypeModel => ({
  role: "other",
  fields,
  fix,
});
const endpointFix = "Keep the service on private endpoints inside the VPC.";
/**
 * A resource that exists to give a data service of `path` an internet address (a connection
 * string, a public network address): whoever reaches it may try to connect.
 */
const publicAddress = (path: string, what: string) =>
  endpoint(endpointFix, exposed(path, "always", what));

/** A flag that, true (or unset, where `absentMeans`: a public default), opens the resource. */
export const flag = (path: string, what: string, fix: string, absentMeans = false) =>
  endpoint(fix, exposed(path, { flag: { absentMeans } }, what));
const publicly = (what: string, absentMeans = false) =>
  flag("publiclyAccessible", what, "Set publiclyAccessible to false.", absentMeans);

/**
 * ACK's NGINX Ingress controller add-on (exposure-readers.ts), read in an ACK cluster's `addons`
 * or in a `cs.KubernetesAddon` of its own, with a fix of its own: a cluster row's fix speaks of the
 * API server. The load balancer ACK makes for it reaches the cluster's pods, as a LoadBalancer
 * Service the program declares would, but ACK makes it outside the program: public-exposure
 * reports it from the resource alone, and the graph draws no edge for it.
 */
export const ackIngressAddonField = (holder: "addons[]" | "", byDefault = false) =>
  exposed(holder === "" ? "config" : "addons", { reads: ackIngressAddon(holder, byDefault) }, "", {
    fix: ackIngressAddonFix,
    drawnByRow: true,
  });

/**
 * An ACK cluster row with the add-ons it installs read too; `byDefault`, a cluster that installs
 * the NGINX Ingress add-on unless told not to (managed and dedicated clusters).
 */
export const withIngressAddon = (model: TypeModel, byDefault = false): TypeModel => ({
  ...model,
  fields: [...(model.fields ?? []), ackIngressAddonField("addons[]", byDefault)],
});

/**
 * A resource whose readers (exposure-readers.ts) find its openings; each field is read at its
 * property path (the one the finding names first) by its reader.
 */
const reading = (fix: string, ...readers: Array<[path: string, read: PublicReader]>) =>
  endpoint(fix, ...readers.map(([path, read]) => exposed(path, { reads: read })));

/**
 * A data service's IP whitelist (instances, whitelist groups and templates, ACLs): who may
 * connect. Comma-separated lists are split; `127.0.0.1`, the services' "no one", is private.
 * `when` keeps to the whitelists that admit anyone (an ACL that allows rather than denies, a
 * Kafka whitelist of the internet port rather than the VPC one).
 */
/**
 * A server the resource sends requests to on the stack's behalf (an API's backend, an AI model, a
 * directory): a cloud endpoint of a region, a private or allowlisted address, or a host that
 * cannot be placed (remote-sites).
 */
const backend = edgesOf("remote-sites", "data sync");
const backendFix =
  "Name only endpoints of services in regions inside the jurisdiction, or private or allowlisted addresses; a server on another host cannot be placed.";

/** A bastion host: its public endpoint, and the directory servers it signs its users in at. */
const bastionHost: TypeModel = withPolicyFields(
  reading(
    "Set enablePublicAccess to false, or whitelist only private or allowlisted sources in publicWhiteLists.",
    [
      "enablePublicAccess",
      publicEndpoint(
        "enablePublicAccess",
        "publicWhiteLists",
        "the bastion host, which reaches every host it manages, gets a public endpoint on the internet",
      ),
    ],
  ),
  "remote-sites",
  "Sign users in at directory servers on private addresses of the stack's networks or on allowlisted addresses.",
  ...["adAuthServers", "ldapAuthServers"].flatMap((block) =>
    ["server", "standbyServer"].map((server) =>
      backend.url(`${block}[].${server}`, "sends its users' names and passwords to"),
    ),
  ),
);

/** A load balancer's log block at `block`, delivered to its bucket once enabled. */
const lbLogs = (block: string, enabledByDefault: boolean): FieldSpec =>
  edgesOf("log-shipping", "log delivery").ref(`${block}.bucket`, "delivers its logs to", {
    ref: "s3-bucket",
    when: (props) => {
      const on = valueAt(props, `${block}.enabled`);
      return isUnknown(on) || on === true || (on === undefined && enabledByDefault);
    },
  });

/** A row that also ships logs: log-shipping's fields beside its own, and log-shipping's fix. */
export const withLogs = (model: TypeModel, logs: readonly FieldSpec[]): TypeModel =>
  withPolicyFields(
    model,
    "log-shipping",
    "Deliver the logs to a bucket of this program in a region inside the jurisdiction.",
    ...logs,
  );

const whitelist = (paths: readonly string[], when?: FieldSpec["when"]) =>
  endpoint(whitelistFix(paths), ...whitelistFields(paths, when));

/** The public fields of an IP whitelist at `paths`. */
export const whitelistFields = (paths: readonly string[], when?: FieldSpec["when"]) =>
  paths.map((p) => exposed(p, "ingress", "", when ? { when } : {}));

/**
 * The global IP whitelist templates a database instance takes whitelists from, by ID (public-
 * exposure): a template of the program is judged by its own row, which reads the addresses it
 * admits and draws that exposure; one the program does not create admits addresses no policy
 * sees, and fails closed (named-destinations). The instance's row draws no edge of its own.
 */
export const globalWhitelists = (path: string) =>
  ({
    path,
    format: "ref",
    label: "public access",
    policy: "public-exposure",
    verb: "admits the sources of",
    ref: "global-ip-whitelist",
    drawnByRow: true,
  }) as const satisfies FieldSpec;

/** What public-exposure asks of a database whose whitelists are at `paths` and templates. */
export const templatedWhitelistFix = (paths: readonly string[]) =>
  `${whitelistFix(paths)} Take global whitelists only from templates of this program.`;

/** What public-exposure asks of an IP whitelist at `paths`. */
export const whitelistFix = (paths: readonly string[]) =>
  `Whitelist only private ranges (the VPC) or allowlisted sources in ${paths.map((p) => p.replace(/\[\]/g, "")).join(" and ")}.`;

/**
 * Public access to an MSK cluster's brokers. It needs authenticated clients (IAM, SCRAM or TLS):
 * `unauthenticated` admits only clients that reach the brokers inside the VPC, which the network
 * rows judge.
 */
export const mskPublicAccess = [
  exposed(
    "brokerNodeGroupInfo.connectivityInfo.publicAccess.type",
    { values: ["service_provided_eips"] },
    "the brokers get public IP addresses reachable from the internet",
  ),
] as const;

/**
 * A Data Exchange "S3 data access" asset lets every subscriber of the data set's product read the
 * bucket in place, from any account.
 */
export const s3DataAccess = [
  exposed(
    "assets[].createS3DataAccessFromS3Bucket.assetSource.bucket",
    "each",
    "opens the bucket's objects to every subscriber of the data set, in any account",
  ),
] as const;

/** A Timestream for InfluxDB instance's or cluster's public endpoint. */
export const influxPublicAccess = [
  exposed(
    "publiclyAccessible",
    { flag: { absentMeans: false } },
    "the InfluxDB endpoint is reachable from the internet",
  ),
] as const;

/**
 * A Transfer Family server's endpoint: public unless it is a VPC endpoint, and a VPC endpoint
 * with Elastic IPs is internet-facing.
 */
export const transferEndpoint = [
  exposed(
    "endpointType",
    { unless: ["vpc", "vpc_endpoint"], absentIs: "PUBLIC" },
    "the server's SFTP, FTPS or FTP endpoint answers on the internet",
  ),
  exposed(
    "endpointDetails.addressAllocationIds[]",
    "any",
    "an Elastic IP makes the VPC endpoint internet-facing",
    {
      when: (props) => {
        const v = valueAt(props, "endpointType");
        return typeof v === "string" && ["vpc", "vpc_endpoint"].includes(v.toLowerCase());
      },
    },
  ),
] as const;

/**
 * A row of another domain's table whose resource is also reachable from the internet (a
 * database's public endpoint or whitelist, a public snapshot, a key policy for everyone): its
 * public fields join the row's own, and public-exposure's fix joins the fix of each policy the
 * row's fields already serve.
 */
export function withExposure(model: TypeModel, fix: string, ...fields: FieldSpec[]): TypeModel {
  return withPolicyFields(model, "public-exposure", fix, ...fields);
}

/**
 * A row whose resource takes an Alibaba Cloud resource policy at `policy` (a KMS key's, an SLS
 * project's): one that allows everyone lets any account in (public-exposure); one that names
 * another account's RAM principals lets that account in (cross-account-links).
 */
export function withRamPolicy(model: TypeModel): TypeModel {
  return withPolicyFields(
    withExposure(
      model,
      'Name RAM principals of this account instead of "*", or bind "*" to the VPC with acs:SourceVpc.',
      exposed("policy", "policy"),
    ),
    "cross-account-links",
    alibabaAccountFix,
    ramAccountGrants("policy"),
  );
}

/** Unless the value at `path` is `value` (ignoring case); one not known at preview is judged. */
const unless =
  (path: string, value: string): FieldSpec["when"] =>
  (props) => {
    const v = valueAt(props, path);
    return isUnknown(v) || v === undefined || String(v).toLowerCase() !== value;
  };

/**
 * An S3 object: its own ACL opens that object to everyone, as its bucket's ACL opens them all, and
 * the bucket's or account's public-access block (ignorePublicAcls) shuts both.
 */
const objectAclRow = aclRow(
  [exposed("acl", { values: publicAcls }, "the object is readable by anyone", gated)],
  'Set acl to "private", or leave it unset.',
);

/** An ALB or NLB instance, which gets a public address of each type set to Internet. */
const internetBalancer = endpoint(
  'Set addressType and ipv6AddressType to "Intranet".',
  exposed("addressType", { values: ["internet"] }, "the load balancer gets a public address"),
  exposed(
    "ipv6AddressType",
    { values: ["internet"] },
    "the load balancer gets a public IPv6 address",
  ),
);

/**
 * Whether an AppSync API admits callers by an API key (its default or an additional provider), or
 * by a mode not known at preview.
 */
function opensWithApiKey(p: Readonly<Record<string, unknown>>): boolean {
  return [
    valueAt(p, "authenticationType"),
    ...valuesAt(p, "additionalAuthenticationProviders[].authenticationType").map((v) => v.value),
  ].some((mode) => isUnknown(mode) || typeof mode !== "string" || mode.toUpperCase() === "API_KEY");
}

export const exposure: TypeTable = {
  "alicloud:oss/bucketAcl:BucketAcl": aclRow([ossAcl], 'Set acl to "private".'),
  // A grant by e-mail goes to the AWS account the address is registered to (cross-account-links).
  "aws:s3/bucketAcl:BucketAcl": withPolicyFields(
    aclRow(
      [s3Acl, exposed("accessControlPolicy.grants[].grantee.uri", "grantee", "", gated)],
      'Set acl to "private" and grant nothing to AllUsers or AuthenticatedUsers.',
    ),
    "cross-account-links",
    emailGrantFix,
    emailGrants("accessControlPolicy.grants[].grantee.emailAddress"),
  ),
  // public-exposure does not judge the V2 resource: the graph draws its grant, untagged.
  "aws:s3/bucketAclV2:BucketAclV2": withPolicyFields(
    aclRow([], 'Set acl to "private" and grant nothing to AllUsers or AuthenticatedUsers.'),
    "cross-account-links",
    emailGrantFix,
    emailGrants("accessControlPolicy.grants[].grantee.emailAddress"),
  ),
  "aws:s3/bucketObject:BucketObject": objectAclRow,
  "aws:s3/bucketObjectv2:BucketObjectv2": objectAclRow,
  // Its bucket's row draws the readers and the public grant it makes. A grant to another account
  // hands the bucket to credentials the stack does not control, as an S3 bucket policy's does
  // (grants.ts).
  "alicloud:oss/bucketPolicy:BucketPolicy": {
    role: "control",
    fields: [policyDoc, ramAccountGrants("policy")],
    fix: {
      "public-exposure":
        'Allow only principals of this account, or bind "*" to the VPC with acs:SourceVpc.',
      "cross-account-links": alibabaAccountFix,
    },
  },
  // A grant to another account hands the bucket to credentials the stack does not control, as
  // any resource policy's does (grants.ts).
  "aws:s3/bucketPolicy:BucketPolicy": {
    role: "control",
    fields: [policyDoc, accountGrants("policy")],
    fix: {
      "public-exposure":
        "Allow only principals of this account, or bind the statement to the VPC endpoint (aws:SourceVpce).",
      "cross-account-links": accountGrantFix,
    },
  },
  "aws:s3/accessPoint:AccessPoint": s3AccessPoint,
  "alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock": block,
  "alicloud:oss/accountPublicAccessBlock:AccountPublicAccessBlock": block,
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": block,
  "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock": block,
  // Callers it authenticates (IAM, Cognito, OpenID Connect, a Lambda authorizer) are the stack's
  // to admit, as an API Gateway route's are; an API key identifies no one.
  "aws:appsync/graphQLApi:GraphQLApi": endpoint(
    'Set visibility to "PRIVATE" and reach the API through a VPC interface endpoint, or authenticate every caller (AWS_IAM, AMAZON_COGNITO_USER_POOLS, OPENID_CONNECT or AWS_LAMBDA) instead of with an API key.',
    exposed(
      "visibility",
      { unless: ["private"], absentIs: "GLOBAL" },
      "the API has an endpoint on the internet that reads and writes its data sources, and an API key, which identifies no caller, opens it",
      { when: opensWithApiKey },
    ),
  ),
  "aws:apigatewayv2/route:Route": endpoint(
    'Set authorizationType to "AWS_IAM", "JWT" or "CUSTOM".',
    exposed(
      "authorizationType",
      { unless: ["aws_iam", "jwt", "custom"], absentIs: "NONE" },
      "anyone on the internet can call the route's integration",
    ),
  ),
  // A REST API's method: callable by anyone its endpoint reaches unless it asks for credentials.
  // An API key (`apiKeyRequired`) meters callers and identifies none. A method of a PRIVATE API
  // answers only through the VPC endpoints its API's resource policy admits, which this row
  // cannot see: such a method is waived with that reason.
  // An API key (`apiKeyRequired`) meters and throttles callers; it identifies none (found on a
  // public program rotating its keys, told "anyone … can call" without a word of them).
  "aws:apigateway/method:Method": endpoint(
    'Set authorization to "AWS_IAM", "CUSTOM" or "COGNITO_USER_POOLS". For a method of a PRIVATE API (endpointConfiguration.types "PRIVATE", reached only through the VPC endpoints its resource policy names), waive this finding with that reason.',
    exposed(
      "authorization",
      { unless: ["aws_iam", "custom", "cognito_user_pools"], absentIs: "NONE" },
      "anyone who reaches the API's endpoint — on the internet, for an edge or regional API — can call the method's integration",
      { when: (p) => p.apiKeyRequired !== true },
    ),
    exposed(
      "authorization",
      { unless: ["aws_iam", "custom", "cognito_user_pools"], absentIs: "NONE" },
      "anyone who reaches the API's endpoint — on the internet, for an edge or regional API — with one of its API keys can call the method's integration: a key (apiKeyRequired) meters and throttles callers, it identifies none and guards no data",
      { when: (p) => p.apiKeyRequired === true },
    ),
  ),
  "alicloud:lindorm/publicNetwork:PublicNetwork": endpoint(
    "Set enablePublicNetwork to 0.",
    exposed(
      "enablePublicNetwork",
      { values: ["1"] },
      "the instance gets a public endpoint on the internet",
    ),
  ),
  "alicloud:rds/dbInstanceEndpointAddress:DbInstanceEndpointAddress": endpoint(
    endpointFix,
    exposed(
      "connectionStringPrefix",
      "always",
      "names a public connection address on the internet",
    ),
  ),
  "alicloud:rds/dbProxyPublic:DbProxyPublic": endpoint(
    endpointFix,
    exposed(
      "dbProxyConnectionStringNetType",
      { unless: ["vpc", "inner", "intranet"], absentIs: "Public" },
      "the database proxy gets a connection address on the internet",
    ),
  ),
  "alicloud:polardb/applicationEndpoint:ApplicationEndpoint": endpoint(
    endpointFix,
    exposed(
      "netType",
      { values: ["public"] },
      "the AI application gets an endpoint on the internet",
    ),
  ),
  "alicloud:sae/loadBalancerInternet:LoadBalancerInternet": endpoint(
    "Remove it and reach the application through its intranet load balancer (sae/loadBalancerIntranet).",
    exposed("appId", "always", "gets an internet-facing load balancer"),
  ),
  // Each call is forwarded to the API's backend: an HTTP address, or a Function Compute URL.
  "alicloud:apigateway/api:Api": {
    role: "other",
    fields: [
      exposed(
        "authType",
        { values: ["anonymous"] },
        "anyone on the internet can call the API and its backend",
      ),
      backend.url("httpServiceConfig.address", "forwards every call to"),
      backend.url("fcServiceConfig.functionBaseUrl", "forwards every call to"),
    ],
    fix: {
      "public-exposure": 'Set authType to "APP".',
      "remote-sites": backendFix,
    },
  },
  // A backend's model for one environment (stage), in JSON: the HTTP address, or the region of
  // the Function Compute function or OSS bucket, that every call of an API on the backend reaches
  // in that stage.
  "alicloud:apigateway/backendModel:BackendModel": {
    role: "other",
    fields: [
      backend.url("backendModelData.ServiceAddress", "forwards every call of the backend to"),
      backend.region(
        "backendModelData.FunctionComputeConfig.FcRegionId",
        "forwards every call of the backend to a function in",
      ),
      backend.region(
        "backendModelData.OssConfig.OssRegionId",
        "forwards every call of the backend to a bucket in",
      ),
    ],
    fix: backendFix,
  },
  // A routing plug-in, in JSON or YAML: each route sends the calls its condition matches (a share
  // of the traffic, a group of clients) to a backend of its own, an HTTP address instead of the
  // API's backend.
  "alicloud:apigateway/plugin:Plugin": {
    role: "other",
    fields: [
      backend.url(
        "pluginData.routes[].backend.address",
        "forwards the calls a routing rule matches to",
      ),
    ],
    fix: backendFix,
  },
  "alicloud:fc/v3CustomDomain:V3CustomDomain": endpoint(
    'Set authConfig.authType to "function" or "jwt".',
    exposed(
      "authConfig.authType",
      { values: ["anonymous"] },
      "anyone on the internet can call the functions behind the domain",
    ),
  ),
  // An HTTP trigger answers at the function's public URL unless disableURLInternet is true; its
  // authentication is in the trigger's JSON configuration (`triggerConfig`, `config` for 2.0).
  ...Object.fromEntries(
    (
      [
        ["alicloud:fc/v3Trigger:V3Trigger", "triggerConfig"],
        ["alicloud:fc/trigger:Trigger", "config"],
      ] as const
    ).map(([type, config]) => [
      type,
      endpoint(
        `Set ${config}'s authType to "function" or "jwt", or disableURLInternet to true.`,
        exposed(
          `${config}.authType`,
          { values: ["anonymous"] },
          "anyone on the internet can call the function at its public URL",
          {
            when: httpTriggerOnInternet(
              type === "alicloud:fc/trigger:Trigger" ? "type" : "triggerType",
              config,
            ),
          },
        ),
      ),
    ]),
  ),
  "alicloud:rds/connection:Connection": publicAddress(
    "instanceId",
    "gets an internet connection string",
  ),
  "alicloud:kvstore/connection:Connection": publicAddress(
    "instanceId",
    "gets an internet connection string",
  ),
  "alicloud:mongodb/publicNetworkAddress:PublicNetworkAddress": publicAddress(
    "dbInstanceId",
    "gets a public network address",
  ),
  "alicloud:mongodb/shardingNetworkPublicAddress:ShardingNetworkPublicAddress": publicAddress(
    "dbInstanceId",
    "gets a public network address for a node of the instance",
  ),
  // EDAS binds the Kubernetes application to the load balancer each configuration names, or buys
  // one of that type: an internet one answers anyone.
  "alicloud:edas/k8sSlbAttachment:K8sSlbAttachment": endpoint(
    'Use intranet load balancers (slbConfigs[].type "intranet") and reach the application from the VPC.',
    exposed(
      "slbConfigs[].type",
      { values: ["internet"] },
      "the application answers on an internet-facing load balancer",
    ),
  ),
  "alicloud:gpdb/connection:Connection": publicAddress(
    "instanceId",
    "gets an internet connection string",
  ),
  "alicloud:clickhouseenterprisedbcluster/publicEndpoint:PublicEndpoint": endpoint(
    endpointFix,
    exposed("netType", { values: ["public"] }, "gets a public network connection string"),
  ),
  "alicloud:amqp/instance:Instance": flag(
    "supportEip",
    "the instance's RabbitMQ endpoint answers on the internet",
    "Set supportEip to false and reach the instance from the VPC.",
  ),
  // The Airflow web server, which shows the DAGs, their runs and logs and the connections' and
  // variables' values to whoever signs in.
  "aws:mwaa/environment:Environment": endpoint(
    'Set webserverAccessMode to "PRIVATE_ONLY" and reach the web server from the VPC.',
    exposed(
      "webserverAccessMode",
      { values: ["public_only"] },
      "the Airflow web server answers on the internet",
    ),
  ),
  "alicloud:adb/connection:Connection": publicAddress(
    "dbClusterId",
    "gets an internet connection string",
  ),
  "alicloud:polardb/endpointAddress:EndpointAddress": endpoint(
    endpointFix,
    exposed("netType", { values: ["public"] }, "the cluster gets an internet address"),
  ),
  // A simple application server's firewall rule opens its port to every address: the rule names
  // no source.
  "alicloud:simpleapplicationserver/firewallRule:FirewallRule": endpoint(
    "Remove the rule; serve users through a load balancer of the stack's VPC instead.",
    exposed("port", "always", "opens the server's port to every address on the internet"),
  ),
  "alicloud:vpc/forwardEntry:ForwardEntry": endpoint(
    "Remove the DNAT entry; a sealed network accepts no connections from the internet.",
    exposed("externalIp", "always", "forwards connections from the internet into the VPC (DNAT)"),
  ),
  "alicloud:alb/loadBalancer:LoadBalancer": internetBalancer,
  "alicloud:nlb/loadBalancer:LoadBalancer": internetBalancer,
  "aws:lambda/functionUrl:FunctionUrl": endpoint(
    'Set authorizationType to "AWS_IAM", or remove the function URL.',
    exposed(
      "authorizationType",
      { values: ["none"] },
      "anyone on the internet can call the function",
    ),
  ),
  // Every container service answers on <name>.<id>.<region>.cs.amazonlightsail.com: no shape
  // of this type passes.
  "aws:lightsail/containerService:ContainerService": endpoint(
    "Run the containers on ECS or EKS in private subnets of the stack's VPC instead.",
    exposed(
      "name",
      "always",
      "is served on the public HTTPS endpoint Lightsail gives every container service (<name>.<id>.<region>.cs.amazonlightsail.com), which no setting closes",
    ),
  ),
  "aws:ssm/document:Document": reading(
    "Share the document only with named accounts, never with All.",
    ["permissions.accountIds", ssmDocumentShare],
  ),
  // A Lightsail load balancer has no private shape: it serves its instances on a public address
  // (IPv4, and IPv6 by default).
  "aws:lightsail/lb:Lb": endpoint(
    "Serve the instances through an Application Load Balancer with internal set to true in the stack's VPC instead.",
    exposed(
      "instancePort",
      "always",
      "is served on the public address every Lightsail load balancer has, which no setting closes",
    ),
  ),
  // A Transfer Family web app without a VPC endpoint is created with a public one: its sign-in
  // page, and the files of the buckets it serves, are reached from anywhere.
  "aws:transfer/webApp:WebApp": reading(
    "Host the web app in the stack's VPC (endpointDetails.vpc with private subnets).",
    [
      "endpointDetails.vpc",
      publicUnlessSet(
        "endpointDetails.vpc",
        "the web app gets a public endpoint, from which anyone on the internet reaches its sign-in page and, signed in, the files it serves",
      ),
    ],
  ),
  // A private workforce's labeling portal admits the addresses its IP allow list names, and with
  // none every address: the data items the work teams see are shown there.
  "aws:sagemaker/workforce:Workforce": reading(
    "List only private or allowlisted sources in sourceIpConfig.cidrs.",
    [
      "sourceIpConfig.cidrs[]",
      allowListed(
        "sourceIpConfig.cidrs[]",
        "the workforce's labeling portal, which shows the work teams the data items, admits every address on the internet",
      ),
    ],
  ),
  "aws:redshift/cluster:Cluster": publicly("the cluster has an internet endpoint"),
  "aws:rds/clusterInstance:ClusterInstance": publicly(
    "the database instance has an internet endpoint",
  ),
  "aws:neptune/clusterInstance:ClusterInstance": publicly(
    "the graph database instance has an internet endpoint",
  ),
  "aws:redshiftserverless/workgroup:Workgroup": publicly("the workgroup has an internet endpoint"),
  // With LDAP authentication the broker sends every client's user name and password to the hosts.
  "aws:mq/broker:Broker": {
    role: "other",
    fields: [
      ...(publicly("the broker accepts connections from outside its VPC, from the internet")
        .fields ?? []),
      backend.url("ldapServerMetadata.hosts[]", "authenticates its clients against"),
    ],
    fix: {
      "public-exposure": "Set publiclyAccessible to false.",
      "remote-sites": backendFix,
    },
  },
  // An App Runner service's public URL is its row's in the egress table (egress.ts).
  "aws:cognito/identityPool:IdentityPool": flag(
    "allowUnauthenticatedIdentities",
    "anyone on the internet can get AWS credentials for the pool's unauthenticated role",
    "Set allowUnauthenticatedIdentities to false.",
  ),
  // The DNS servers a replication instance resolves its endpoints' hosts at (remote-sites).
  "aws:dms/replicationInstance:ReplicationInstance": withPolicyFields(
    publicly("the replication instance has a public IP", true),
    "remote-sites",
    "Resolve names only at private DNS servers of the stack's networks or allowlisted ones.",
    edgesOf("remote-sites", "attachment").ip(
      "dnsNameServers",
      "resolves its endpoints' hosts at the DNS servers",
    ),
  ),
  // The profile places the instances DMS runs for schema conversion and Fleet Advisor.
  "aws:dms/instanceProfile:InstanceProfile": flag(
    "publiclyAccessible",
    "the instances run with the profile get a public IP",
    "Set publiclyAccessible to false and give the profile a subnet group of the stack.",
    true,
  ),
  "alicloud:cassandra/dataCenter:DataCenter": flag(
    "enablePublic",
    "the data centre gets a public endpoint on the internet",
    "Set enablePublic to false.",
  ),
  // The MNS public endpoint admits 0.0.0.0/0 until message/serviceEndpointAcl rules narrow it.
  "alicloud:message/serviceEndpoint:ServiceEndpoint": flag(
    "endpointEnabled",
    "MNS answers on its public endpoint on the internet",
    "Set endpointEnabled to false and reach MNS through its VPC endpoint.",
  ),
  // An SMB ACL with anonymous access admits clients that present no identity to the file system.
  "alicloud:nas/smbAclAttachment:SmbAclAttachment": flag(
    "enableAnonymousAccess",
    "any client that reaches the mount target reads and writes the file system without signing in",
    "Set enableAnonymousAccess to false.",
  ),
  "aws:lightsail/database:Database": publicly("the database has an internet endpoint"),
  "aws:m2/environment:Environment": publicly(
    "the mainframe runtime environment has an internet endpoint",
  ),
  "aws:neptunegraph/graph:Graph": flag(
    "publicConnectivity",
    "the graph has an endpoint on the internet",
    "Set publicConnectivity to false and reach the graph through a private endpoint.",
  ),
  "aws:rds/shardGroup:ShardGroup": publicly(
    "the shard group's endpoint is reachable from the internet",
  ),
  // IP whitelists of data services; the instances the databases table holds keep theirs in
  // policy/exposure.ts until their rows declare them.
  "alicloud:rds/readOnlyInstance:ReadOnlyInstance": whitelist(["securityIps[]"]),
  "alicloud:rds/whitelistTemplate:WhitelistTemplate": whitelist(["ipWhiteList"]),
  "alicloud:redis/globalSecurityIpGroup:GlobalSecurityIpGroup": whitelist(["globalIpList"]),
  "alicloud:polardb/globalSecurityIpGroup:GlobalSecurityIpGroup": whitelist(["globalIpList"]),
  // An AI application of the cluster sends its prompts, and the data it retrieves, to its model.
  "alicloud:polardb/application:Application": {
    role: "other",
    fields: [
      ...whitelistFields(["securityIpLists[]"]),
      backend.url("modelBaseUrl", "sends prompts and the data they carry to the model at"),
    ],
    fix: {
      "public-exposure": whitelistFix(["securityIpLists[]"]),
      "remote-sites": backendFix,
    },
  },
  "alicloud:adb/cluster:Cluster": whitelist(["securityIps[]"]),
  "alicloud:adb/dBCluster:DBCluster": whitelist(["securityIps[]"]),
  "alicloud:adb/dBClusterLakeVersion:DBClusterLakeVersion": whitelist(["securityIps"]),
  "alicloud:gpdb/instance:Instance": whitelist([
    "securityIpLists[]",
    "ipWhitelists[].securityIpList",
  ]),
  "alicloud:gpdb/elasticInstance:ElasticInstance": whitelist(["securityIpLists[]"]),
  "alicloud:gpdb/dbInstanceIpArray:DbInstanceIpArray": whitelist(["securityIpLists[]"]),
  "alicloud:gpdb/supabaseProject:SupabaseProject": whitelist(["securityIpLists[]"]),
  "alicloud:clickhouseenterprisedbcluster/securityIp:SecurityIp": whitelist(["securityIpList"]),
  "alicloud:graphdatabase/dbInstance:DbInstance": whitelist(["dbInstanceIpArrays[].securityIps"]),
  "alicloud:hbase/instance:Instance": whitelist(["ipWhite"]),
  "alicloud:lindorm/instance:Instance": whitelist(["ipWhiteLists[]"]),
  "alicloud:lindorm/instanceV2:InstanceV2": whitelist(["whiteIpLists[].ipList"]),
  "alicloud:mongodb/globalSecurityIpGroup:GlobalSecurityIpGroup": whitelist([
    "globalSecurityIpList",
  ]),
  "alicloud:mongodb/serverlessInstance:ServerlessInstance": whitelist([
    "securityIpGroups[].securityIpList",
  ]),
  "alicloud:mongodb/shardingInstance:ShardingInstance": endpoint(
    templatedWhitelistFix(["securityIpLists[]", "securityIpGroups[].securityIpList"]),
    ...whitelistFields(["securityIpLists[]", "securityIpGroups[].securityIpList"]),
    globalWhitelists("globalSecurityGroupLists[]"),
  ),
  // A cloud-native API gateway whose network access is Internet (or Internet and intranet)
  // serves its APIs, and the services behind them, on an internet address.
  "alicloud:apig/gateway:Gateway": endpoint(
    'Set networkAccessConfig.type to "Intranet" and call the APIs from the VPC.',
    exposed(
      "networkAccessConfig.type",
      { values: ["internet", "internetandintranet"] },
      "the gateway serves its APIs on an internet address",
    ),
  ),
  // An Internet- and VPC-connected ApsaraMQ for Kafka instance (deployType 4) serves an SSL
  // endpoint on the internet whose whitelist starts as 0.0.0.0/0; an entry the program adds
  // (instanceAllowedIpAttachment) does not take that one away. A VPC-connected one (5) does not.
  "alicloud:alikafka/instance:Instance": endpoint(
    "Deploy the instance VPC-connected (deployType 5) and reach it from the VPC.",
    exposed(
      "deployType",
      { values: ["4"] },
      "the instance serves an SSL endpoint on the internet, whose whitelist lets every address connect (0.0.0.0/0) until that entry is removed",
    ),
  ),
  "alicloud:alikafka/instanceAllowedIpAttachment:InstanceAllowedIpAttachment": whitelist(
    ["allowedIp"],
    unless("allowedType", "vpc"),
  ),
  "alicloud:rocketmq/acl:Acl": whitelist(["ipWhitelists[]"], unless("decision", "deny")),
  "alicloud:message/serviceEndpointAcl:ServiceEndpointAcl": whitelist(["cidr"]),
  "alicloud:nas/accessRule:AccessRule": whitelist(["sourceCidrIp", "ipv6SourceCidrIp"]),
  "alicloud:cr/endpointAclPolicy:EndpointAclPolicy": whitelist(["entry"]),
  // A registry's internet endpoint admits the ranges its entries list, and every address when it
  // lists none.
  "alicloud:cr/internetEndpoint:InternetEndpoint": endpoint(
    whitelistFix(["entries[].entry"]),
    ...whitelistFields(["entries[].entry"]),
    exposed("instanceId", "always", "opens the registry's internet endpoint to every address", {
      when: (p) => {
        const entries = known(() => valueAt(p, "entries"));
        return !isUnknown(entries) && (!Array.isArray(entries) || entries.length === 0);
      },
    }),
  ),
  // A cluster whose metastore is the user's own database (`user_rds`) writes the Hive catalog
  // (table names, schemas, data locations) to the database its JDBC URL names (log-shipping). A
  // URL not known at preview is built from a database of this program, which resource-placement
  // places.
  "alicloud:emr/cluster:Cluster": {
    role: "other",
    fields: [
      exposed(
        "isOpenPublicIp",
        { flag: { absentMeans: false } },
        "the master node, which holds the cluster's data and services, gets a public IP",
      ),
      edgesOf("log-shipping", "data sync").url(
        "metaStoreConf.dbUrl",
        "keeps the cluster's metastore in",
        { when: knownAt("metaStoreConf.dbUrl") },
      ),
    ],
    fix: {
      "public-exposure": "Set isOpenPublicIp to false and reach the master node from the VPC.",
      "log-shipping":
        "Name only private or allowlisted addresses, or regional endpoints of the cloud inside the jurisdiction; an external host cannot be placed.",
    },
  },
  // Endpoints whose opening takes several properties read together (exposure-readers.ts).
  "alicloud:oss/accessPoint:AccessPoint": reading('Set networkOrigin to "vpc".', [
    "networkOrigin",
    ossAccessPoint,
  ]),
  "alicloud:ots/instance:Instance": reading('Set networkTypeAcls to ["VPC"].', [
    "networkTypeAcls",
    tablestoreNetworks,
  ]),
  "alicloud:mse/cluster:Cluster": reading(
    'Set pubNetworkFlow to "0" and netType to "privatenet", and reach the registry from the VPC; or whitelist only private or allowlisted sources in aclEntryLists.',
    ["netType", mseRegistryEndpoint],
  ),
  // Container Registry Personal Edition serves every region's repositories on a public registry
  // endpoint: anyone on the internet pulls a PUBLIC repository's images without signing in, and
  // a namespace that creates repositories on push (autoCreate) makes them PUBLIC by default when
  // its defaultVisibility says so.
  "alicloud:cr/repo:Repo": endpoint(
    'Set repoType to "PRIVATE".',
    exposed(
      "repoType",
      { values: ["public"] },
      "anyone on the internet can pull the repository's images",
    ),
  ),
  "alicloud:cr/namespace:Namespace": endpoint(
    'Set defaultVisibility to "PRIVATE", or autoCreate to false and create each repository PRIVATE.',
    exposed(
      "defaultVisibility",
      { values: ["public"] },
      "every repository a push creates in the namespace is public: anyone on the internet can pull its images",
      { when: (p) => p.autoCreate !== false && p.autoCreate !== "false" },
    ),
  ),
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": endpoint(
    ingressFix,
    ...whitelistFields(["cidrIpv4", "cidrIpv6"]),
  ),
  // A domain's access policy that names another account lets it search the domain's data.
  ...Object.fromEntries(
    ["aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"].map((t) => [
      t,
      withPolicyFields(
        reading("Give the domain vpcOptions with the stack's private subnets.", [
          "vpcOptions",
          domainEndpoint,
        ]),
        "cross-account-links",
        accountGrantFix,
        accountGrants("accessPolicies"),
      ),
    ]),
  ),
  "alicloud:elasticsearch/instance:Instance": reading(
    "Set enablePublic and enableKibanaPublicNetwork to false, or whitelist only private or allowlisted sources.",
    [
      "enablePublic",
      publicEndpoint(
        "enablePublic",
        "publicWhitelists",
        "the cluster gets a public endpoint on the internet",
      ),
    ],
    [
      "enableKibanaPublicNetwork",
      publicEndpoint(
        "enableKibanaPublicNetwork",
        "kibanaWhitelists",
        "Kibana, which reads every index, gets a public endpoint on the internet",
        true,
      ),
    ],
  ),
  // Clones and upgrades of an RDS instance carry its whitelist and its pg_hba lines; a line whose
  // method is `reject` admits no one.
  ...Object.fromEntries(
    [
      "alicloud:rds/rdsCloneDbInstance:RdsCloneDbInstance",
      "alicloud:rds/rdsUpgradeDbInstance:RdsUpgradeDbInstance",
    ].map((t) => [
      t,
      endpoint(
        whitelistFix(["securityIps[]", "pgHbaConfs[].address"]),
        exposed("securityIps[]", "ingress"),
        exposed("pgHbaConfs[].address", "ingress", "", { where: isNot("method", "reject") }),
      ),
    ]),
  ),
  "alicloud:cms/prometheusInstance:PrometheusInstance": reading(
    "Admit only private ranges (the VPC) or allowlisted sources in authFreeReadPolicy and authFreeWritePolicy (SourceIp), or turn password-free access off.",
    ["authFreeReadPolicy", authFreeSources("authFreeReadPolicy")],
    ["authFreeWritePolicy", authFreeSources("authFreeWritePolicy")],
  ),
  "alicloud:cms/prometheusView:PrometheusView": reading(
    "Admit only private ranges (the VPC) or allowlisted sources in authFreeReadPolicy (SourceIp), or turn password-free reads off.",
    ["authFreeReadPolicy", authFreeSources("authFreeReadPolicy")],
  ),
  "alicloud:cassandra/cluster:Cluster": reading(
    "Set enablePublic to false, and whitelist only private ranges (the VPC) or allowlisted sources in ipWhite.",
    [
      "enablePublic",
      whitelistedEndpoint(
        "enablePublic",
        "ipWhite",
        "the cluster gets a public endpoint on the internet",
      ),
    ],
  ),
  "alicloud:clickhouse/dbCluster:DbCluster": reading(
    "Set allocatePublicConnection to false, and whitelist only private ranges (the VPC) or allowlisted sources in dbClusterAccessWhiteLists.",
    [
      "allocatePublicConnection",
      whitelistedEndpoint(
        "allocatePublicConnection",
        "dbClusterAccessWhiteLists[].securityIpList",
        "the cluster gets a public connection string on the internet",
      ),
    ],
  ),
  "alicloud:selectdb/dbInstance:DbInstance": reading(
    "Set enablePublicNetwork to false, and whitelist only private ranges (the VPC) or allowlisted sources in desiredSecurityIpLists.",
    [
      "enablePublicNetwork",
      whitelistedEndpoint(
        "enablePublicNetwork",
        "desiredSecurityIpLists[].securityIpList",
        "the instance gets a public endpoint on the internet",
      ),
    ],
  ),
  "alicloud:rocketmq/rocketMQInstance:RocketMQInstance": endpoint(
    'Set networkInfo.internetInfo.internetSpec to "disable", and whitelist only private ranges (the VPC) or allowlisted sources.',
    ...whitelistFields(["ipWhitelists[]", "networkInfo.endpoints[].ipWhiteLists[]"]),
    exposed("networkInfo.internetInfo.internetSpec", {
      reads: whitelistedEndpoint(
        "networkInfo.internetInfo.internetSpec",
        "networkInfo.internetInfo.ipWhitelists[]",
        "the instance gets a public endpoint on the internet",
        { onValues: ["enable"] },
      ),
    }),
  ),
  "alicloud:hologram/instance:Instance": reading(
    "Give the instance only VPC endpoints (no endpoints[] entry of type Internet).",
    ["endpoints", hologresEndpoints],
  ),
  // A bastion host holds the credentials of every host it manages, and sends its users' names
  // and passwords to the AD or LDAP servers it signs them in at (remote-sites).
  ...Object.fromEntries(
    [
      "alicloud:bastionhost/instance:Instance",
      "alicloud:yundun/bastionHostInstance:BastionHostInstance",
    ].map((t) => [t, bastionHost]),
  ),
  "alicloud:mse/gateway:Gateway": reading(
    "Leave internetSlbSpec unset and reach the gateway through its private load balancer.",
    [
      "internetSlbSpec",
      given(["internetSlbSpec"], "the gateway gets an internet-facing load balancer"),
    ],
  ),
  // A service mesh's control plane: its API server (the mesh's configuration and certificates)
  // and Istio Pilot (which hands every sidecar its configuration) on public addresses.
  "alicloud:servicemesh/serviceMesh:ServiceMesh": endpoint(
    "Set loadBalancer.apiServerPublicEip and pilotPublicEip to false and leave pilotPublicEipId and pilotPublicLoadbalancerId unset; reach the control plane from the VPC.",
    exposed(
      "loadBalancer.apiServerPublicEip",
      { flag: { absentMeans: false } },
      "the mesh's API server, which holds its configuration and certificates, gets a public IP",
    ),
    exposed(
      "loadBalancer.pilotPublicEip",
      { flag: { absentMeans: false } },
      "Istio Pilot gets a public IP",
    ),
    exposed("loadBalancer.pilotPublicEipId", {
      reads: given(
        ["loadBalancer.pilotPublicEipId", "loadBalancer.pilotPublicLoadbalancerId"],
        "Istio Pilot is exposed through a public address or load balancer",
      ),
    }),
  ),
  // The project's IP whitelist (classic network and VPC addresses, comma-separated) decides who
  // may connect; the exception policy of a protected project names who may still copy data out.
  "alicloud:maxcompute/project:Project": endpoint(
    'Whitelist only private ranges (the VPC) or allowlisted sources in ipWhiteList.ipList and ipWhiteList.vpcIpList, and name no Principal "*" in the exception policy.',
    ...whitelistFields(["ipWhiteList.ipList", "ipWhiteList.vpcIpList"]),
    exposed("securityProperties.projectProtection.exceptionPolicy", "policy"),
  ),
  // The desktops' security rules, of which inbound (`inflow`) rules that accept admit sources to
  // the desktops themselves. The client access rules (`authorizeAccessPolicyRules`) only narrow
  // which networks the directory's signed-in users may connect from — without any, they connect
  // from anywhere, as to WorkSpaces' streaming gateways — so they open nothing (found by the
  // media bench: a desktop narrowed to an office's public range failed, an open one passed).
  "alicloud:eds/ecdPolicyGroup:EcdPolicyGroup": endpoint(
    "Admit only private ranges or allowlisted sources in the inbound rules of authorizeSecurityPolicyRules.",
    exposed("authorizeSecurityPolicyRules[].cidrIp", "ingress", "", {
      where: (rule) => isNot("type", "outflow")(rule) && isNot("policy", "drop")(rule),
    }),
  ),
  // Setting any internet SLB field has EDAS attach (or buy) an internet-facing load balancer.
  "alicloud:edas/k8sApplication:K8sApplication": reading(
    "Leave the internetSlb* and internetTargetPort fields unset and use the intranet load balancer.",
    [
      "internetSlbId",
      given(
        ["internetSlbId", "internetSlbPort", "internetSlbProtocol", "internetTargetPort"],
        "the application gets an internet-facing load balancer",
      ),
    ],
  ),
  "alicloud:fc/v3LayerVersion:V3LayerVersion": endpoint(
    'Set acl to "0" and leave public unset.',
    exposed("acl", { values: ["1"] }, "every account can read the layer's code"),
    exposed("public", { values: ["true"] }, "every account can read the layer's code"),
  ),
  // `alb` is the SDK's alias of the `lb` module: the same load balancer under two tokens. Its
  // logs — every request's client address, path and headers — go to the bucket each log block
  // names once enabled (off by default for lb; on by default for a classic ELB's block).
  ...Object.fromEntries(
    ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"].map((t) => [
      t,
      withLogs(
        reading("Set internal to true.", ["internal", internalFlag]),
        ["accessLogs", "connectionLogs", "healthCheckLogs"].map((block) => lbLogs(block, false)),
      ),
    ]),
  ),
  "aws:elb/loadBalancer:LoadBalancer": withLogs(
    reading("Set internal to true.", ["internal", internalFlag]),
    [lbLogs("accessLogs", true)],
  ),
  ...Object.fromEntries(
    [
      "alicloud:slb/loadBalancer:LoadBalancer",
      "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer",
    ].map((t) => [
      t,
      {
        ...reading('Set addressType to "intranet".', ["addressType", slbAddressType]),
        // An EIP bound to the load balancer (an association of `instanceType` SlbInstance) is
        // its public address: the association and the EIP are one way out, from it.
        edges: (r: BorderResource, x: Resolver) => boundEips(r, x, "instanceId"),
      },
    ]),
  ),
  "alicloud:cs/edgeKubernetes:EdgeKubernetes": withIngressAddon(
    flag(
      "slbInternetEnabled",
      "the API server gets an internet-facing load balancer",
      "Set slbInternetEnabled to false and reach the API server from inside the VPC.",
      true,
    ),
  ),
  "alicloud:cs/kubernetesAddon:KubernetesAddon": endpoint(
    ackIngressAddonFix,
    ackIngressAddonField(""),
  ),
  "aws:lightsail/instancePublicPorts:InstancePublicPorts": reading(
    "List only private or allowlisted sources in cidrs and ipv6Cidrs of every port.",
    ["portInfos", lightsailPorts],
  ),
  "aws:lightsail/containerServiceDeploymentVersion:ContainerServiceDeploymentVersion": reading(
    "Remove publicEndpoint; run containers that must serve users on ECS or EKS in private subnets instead.",
    ["publicEndpoint", containerEndpoint],
  ),
  "aws:medialive/inputSecurityGroup:InputSecurityGroup": endpoint(
    "Admit only private or allowlisted sources to push into MediaLive inputs.",
    exposed("whitelistRules[].cidr", "ingress"),
  ),
  // Who sees the items (public-exposure), and where the labels or reviews are written (log-shipping).
  "aws:sagemaker/labelingJob:LabelingJob": withPolicyFields(
    reading(
      "Label with a private work team of the account whose members work inside the jurisdiction.",
      ["humanTaskConfig", workforce("humanTaskConfig")],
    ),
    "log-shipping",
    bucketSinkFix,
    bucketSink("outputConfig.s3OutputPath", "writes the labels to"),
  ),
  "aws:sagemaker/flowDefinition:FlowDefinition": withPolicyFields(
    reading(
      "Review with a private work team of the account whose members work inside the jurisdiction.",
      ["humanLoopConfig", workforce("humanLoopConfig")],
    ),
    "log-shipping",
    bucketSinkFix,
    bucketSink("outputConfig.s3OutputPath", "writes the human reviews to"),
  ),
  "alicloud:index/openApiExplorerApiMcpServer:OpenApiExplorerApiMcpServer": endpoint(
    'Set publicAccess to "off".',
    exposed(
      "publicAccess",
      { unless: ["off"], absentIs: "the account's setting, which the pack cannot read" },
      "the MCP server, which calls the account's cloud APIs, may answer on the internet",
    ),
  ),
  // Resource policies, permissions and shares (grants.ts).
  ...grants,
};
