/**
 * The public grants of object storage in every shape the exposure table reads — public, private,
 * not known at preview; on the bucket, through an ACL, a bucket policy or an S3 access point;
 * with and without the public-access blocks that shut them — in an Alibaba Cloud stack under CN
 * and an AWS stack under US. test/paths/tags.test.ts checks that every public grant and edge
 * service the graph draws is its policy's finding.
 */
import { bucketAcceleration, edgeServices } from "../../policy/paths/types/edge-services";
import { byType } from "../../policy/paths/types";
import { egress } from "../../policy/paths/types/egress";
import { exposure } from "../../policy/paths/types/exposure";
import type { OracleResource, OracleSettings } from "../helpers/model-oracle";
import { on, unknownAtPreview } from "../helpers/model-oracle";

const sh = on("sh");
const or = on("or");

const allowAll = JSON.stringify({
  Version: "1",
  Statement: [{ Effect: "Allow", Principal: ["*"], Action: ["oss:GetObject"], Resource: ["*"] }],
});
const s3AllowAll = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }],
};
const s3Pinned = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: "*",
      Action: "s3:GetObject",
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } },
    },
  ],
};

const alicloud: OracleResource[] = [
  { type: "pulumi:providers:alicloud", name: "sh", props: { region: "cn-shanghai" } },
  sh("alicloud:oss/bucket:Bucket", "open", { bucket: "open-b", acl: "public-read" }),
  sh("alicloud:oss/bucket:Bucket", "open-policy", { bucket: "open-policy-b", policy: allowAll }),
  sh("alicloud:oss/bucket:Bucket", "private", { bucket: "private-b", acl: "private" }),
  sh("alicloud:oss/bucket:Bucket", "unknown-acl", { bucket: "unknown-b", acl: unknownAtPreview }),
  sh("alicloud:oss/bucket:Bucket", "blocked", { bucket: "blocked-b" }),
  sh("alicloud:oss/bucketAcl:BucketAcl", "acl", { bucket: "private-b", acl: "PUBLIC-READ-WRITE" }),
  sh("alicloud:oss/bucketAcl:BucketAcl", "blocked-acl", {
    bucket: "blocked-b",
    acl: "public-read",
  }),
  sh("alicloud:oss/bucketAcl:BucketAcl", "private-acl", { bucket: "open-b", acl: "private" }),
  sh("alicloud:oss/bucketPolicy:BucketPolicy", "policy", { bucket: "private-b", policy: allowAll }),
  sh("alicloud:oss/bucketPolicy:BucketPolicy", "blocked-policy", {
    bucket: "blocked-b",
    policy: allowAll,
  }),
  sh("alicloud:oss/bucketPolicy:BucketPolicy", "unknown-policy", {
    bucket: "unknown-b",
    policy: unknownAtPreview,
  }),
  sh("alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock", "block", {
    bucket: "blocked-b",
    blockPublicAccess: true,
  }),
];

const aws: OracleResource[] = [
  { type: "pulumi:providers:aws", name: "or", props: { region: "us-west-2" } },
  or("aws:s3/bucket:Bucket", "open", { bucket: "open-b", acl: "authenticated-read" }),
  or("aws:s3/bucket:Bucket", "granted", {
    bucket: "granted-b",
    grants: [
      { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" },
      { type: "CanonicalUser", id: "abc" },
    ],
  }),
  or("aws:s3/bucketV2:BucketV2", "v2", { bucket: "v2-b", policy: JSON.stringify(s3AllowAll) }),
  or("aws:s3/bucketV2:BucketV2", "v2-pinned", { bucket: "v2-pinned-b", policy: s3Pinned }),
  or("aws:s3/bucket:Bucket", "private", { bucket: "private-b" }),
  or("aws:s3/bucket:Bucket", "blocked", { bucket: "blocked-b" }),
  or("aws:s3/bucketAcl:BucketAcl", "acl", {
    bucket: "private-b",
    accessControlPolicy: {
      grants: [
        {
          grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" },
          permission: "READ",
        },
      ],
      owner: { id: "abc" },
    },
  }),
  or("aws:s3/bucketAcl:BucketAcl", "unknown-acl", { bucket: "private-b", acl: unknownAtPreview }),
  or("aws:s3/bucketAcl:BucketAcl", "blocked-acl", { bucket: "blocked-b", acl: "public-read" }),
  or("aws:s3/bucketAclV2:BucketAclV2", "acl-v2", { bucket: "v2-pinned-b", acl: "public-read" }),
  or("aws:s3/bucketPolicy:BucketPolicy", "policy", { bucket: "private-b", policy: s3AllowAll }),
  or("aws:s3/bucketPolicy:BucketPolicy", "blocked-policy", {
    bucket: "blocked-b",
    policy: JSON.stringify(s3AllowAll),
  }),
  or("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "block", {
    bucket: "blocked-b",
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  }),
  or("aws:s3/accessPoint:AccessPoint", "ap-open", {
    bucket: "private-b",
    policy: JSON.stringify(s3AllowAll),
    publicAccessBlockConfiguration: { restrictPublicBuckets: false },
  }),
  or("aws:s3/accessPoint:AccessPoint", "ap-default-block", {
    bucket: "private-b",
    policy: JSON.stringify(s3AllowAll),
  }),
  or("aws:s3/accessPoint:AccessPoint", "ap-vpc", {
    bucket: "private-b",
    policy: JSON.stringify(s3AllowAll),
    vpcConfiguration: { vpcId: "vpc-1" },
  }),
  or("aws:s3/accessPoint:AccessPoint", "ap-unknown", {
    bucket: "open-b",
    policy: unknownAtPreview,
  }),
];

/** Transfer acceleration on and off, on the buckets and their acceleration resources. */
const accelerated: OracleResource[] = [
  { type: "pulumi:providers:alicloud", name: "sh", props: { region: "cn-shanghai" } },
  { type: "pulumi:providers:aws", name: "or", props: { region: "us-west-2" } },
  { type: "pulumi:providers:aws", name: "bj", props: { region: "cn-north-1" } },
  sh("alicloud:oss/bucket:Bucket", "fast", {
    bucket: "fast-b",
    transferAcceleration: { enabled: true },
  }),
  sh("alicloud:oss/bucket:Bucket", "slow", {
    bucket: "slow-b",
    transferAcceleration: { enabled: false },
  }),
  sh("alicloud:oss/bucket:Bucket", "maybe", {
    bucket: "maybe-b",
    transferAcceleration: { enabled: unknownAtPreview },
  }),
  sh("alicloud:oss/bucket:Bucket", "plain", { bucket: "plain-b" }),
  sh("alicloud:oss/bucketTransferAcceleration:BucketTransferAcceleration", "accel", {
    bucket: "plain-b",
    enabled: "true",
  }),
  sh("alicloud:oss/bucketTransferAcceleration:BucketTransferAcceleration", "accel-off", {
    bucket: "slow-b",
    enabled: false,
  }),
  sh("alicloud:oss/bucketTransferAcceleration:BucketTransferAcceleration", "accel-unknown", {
    bucket: "slow-b",
    enabled: unknownAtPreview,
  }),
  or("aws:s3/bucket:Bucket", "s3-fast", { bucket: "s3-fast-b", accelerationStatus: "Enabled" }),
  or("aws:s3/bucket:Bucket", "s3-suspended", {
    bucket: "s3-suspended-b",
    accelerationStatus: "Suspended",
  }),
  or("aws:s3/bucketV2:BucketV2", "s3-v2", {
    bucket: "s3-v2-b",
    accelerationStatus: unknownAtPreview,
  }),
  or("aws:s3/bucketAccelerateConfiguration:BucketAccelerateConfiguration", "s3-accel", {
    bucket: "s3-suspended-b",
    status: "Enabled",
  }),
  or("aws:s3/bucketAccelerateConfiguration:BucketAccelerateConfiguration", "s3-accel-off", {
    bucket: "s3-v2-b",
    status: "Suspended",
  }),
  or("aws:s3/bucketAccelerateConfigurationV2:BucketAccelerateConfigurationV2", "s3-accel-v2", {
    bucket: "s3-v2-b",
    status: "Enabled",
  }),
  // The China partition's acceleration stays in China.
  on("bj")("aws:s3/bucket:Bucket", "cn-fast", {
    bucket: "cn-fast-b",
    accelerationStatus: "Enabled",
  }),
  on("bj")("aws:s3/bucketAccelerateConfiguration:BucketAccelerateConfiguration", "cn-accel", {
    bucket: "cn-fast-b",
    status: "Enabled",
  }),
];

/** `props` with `value` at a dotted path; `a[].b` holds one element. */
function shape(path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split(".");
  const inner = rest.length === 0 ? value : shape(rest.join("."), value);
  return head.endsWith("[]") ? { [head.slice(0, -2)]: [inner] } : { [head]: inner };
}

/**
 * Every edge-services type with each of its fields unset and set to values that open, shut or
 * leave unknown its edge (flags, statuses, Alibaba service areas); the AWS types also through a
 * provider of the China partition, where the global services stay in China.
 */
function edgeShapes(): OracleResource[] {
  const values = [
    true,
    "true",
    false,
    "Enabled",
    "Suspended",
    "domestic",
    "DOMESTIC",
    "overseas",
    "global",
    // The values the rows with readers of their own read: endpoint types, ESA's switch, the
    // Anti-DDoS products, health check regions, push platforms.
    "REGIONAL",
    "private",
    "EDGE",
    ["REGIONAL"],
    ["EDGE"],
    [],
    "on",
    "off",
    "ddoscoo",
    "ddoscoo_intl",
    "ddosDip",
    ["us-east-1", "us-west-1", "us-west-2"],
    "APNS",
    unknownAtPreview,
  ];
  const providers: OracleResource[] = [
    { type: "pulumi:providers:alicloud", name: "sh", props: { region: "cn-shanghai" } },
    { type: "pulumi:providers:aws", name: "or", props: { region: "us-west-2" } },
    { type: "pulumi:providers:aws", name: "bj", props: { region: "cn-north-1" } },
  ];
  // Health checks read their type and target too.
  const checks: Array<Record<string, unknown>> = [
    { type: "HTTP", fqdn: "app.example.com" },
    { type: "HTTPS", ipAddress: "203.0.113.5", regions: ["us-east-1", "us-west-1", "eu-west-1"] },
    { type: "CALCULATED" },
    { type: "cloudwatch_metric" },
    { type: unknownAtPreview, fqdn: "app.example.com" },
    { type: "TCP", regions: unknownAtPreview },
  ];
  // The edge-services rows, and the global-services fields of rows other tables hold (an API's
  // endpoint type on its resource-policy row, ESA's switch on its log row).
  const elsewhere = Object.entries(byType).flatMap(([type, m]) => {
    const fields = (m.fields ?? []).filter((f) => f.policy === "global-services");
    // (The buckets' own acceleration is compared through their storage rows' probes: a bucket
    // here would be the one the acceleration resources above name.)
    return type in edgeServices || type in bucketAcceleration || fields.length === 0
      ? []
      : [[type, { ...m, fields }] as const];
  });
  const each = [...Object.entries(edgeServices), ...elsewhere].flatMap(([type, model]) => {
    const props = [
      {},
      ...(model.fields ?? []).flatMap((f) => values.map((v) => shape(f.path, v))),
      ...(type === "aws:route53/healthCheck:HealthCheck" ? checks : []),
    ];
    const via = type.startsWith("aws:") ? ["or", "bj"] : ["sh"];
    return via.flatMap((provider) =>
      props.map((p, i) => ({
        type,
        name: `${provider}/${type.split(":")[1]}/${type.split(":")[2]}-${i}`,
        props: { bucket: "absent-b", ...p },
        provider,
      })),
    );
  });
  return [...providers, ...each];
}

/**
 * Every exposure row judged by one property (an endpoint, a load balancer, an address, a
 * sign-in setting) with it unset and set to values that open it, shut it or leave it unknown.
 */
function endpointShapes(): OracleResource[] {
  const values = [
    true,
    "true",
    false,
    "1",
    "0",
    "public",
    "Internet",
    "private",
    "anonymous",
    "NONE",
    "AWS_IAM",
    "vpc",
    "off",
    "0.0.0.0/0",
    "::/0",
    "10.0.0.0/8",
    "127.0.0.1",
    "203.0.113.5",
    "198.51.100.0/24",
    " 10.1.0.0/16, 0.0.0.0/0 ,",
    unknownAtPreview,
  ];
  const providers: OracleResource[] = [
    { type: "pulumi:providers:alicloud", name: "sh", props: { region: "cn-shanghai" } },
    { type: "pulumi:providers:aws", name: "or", props: { region: "us-west-2" } },
  ];
  // The exposure table's endpoints, and the egress rows that carry a public endpoint too (an RDS
  // AI instance's).
  const elsewhere = Object.entries(egress).filter(([, m]) =>
    m.fields?.some((f) => f.policy === "public-exposure"),
  );
  const each = [
    ...Object.entries(exposure).filter(([, m]) => m.role === "other"),
    ...elsewhere,
  ].flatMap(([type, model]) => {
    const props = [{}, ...(model.fields ?? []).flatMap((f) => values.map((v) => shape(f.path, v)))];
    const provider = type.startsWith("aws:") ? "or" : "sh";
    return props.map((p, i) => ({
      type,
      name: `${type.split(":")[1]}/${type.split(":")[2]}-${i}`,
      props: p,
      provider,
    }));
  });
  // Whitelists that admit no one outside: a Kafka whitelist of the VPC port, a denying ACL.
  const guarded: OracleResource[] = [
    {
      type: "alicloud:alikafka/instanceAllowedIpAttachment:InstanceAllowedIpAttachment",
      name: "kafka-vpc",
      props: { allowedIp: "0.0.0.0/0", allowedType: "vpc" },
      provider: "sh",
    },
    {
      type: "alicloud:rocketmq/acl:Acl",
      name: "rocketmq-deny",
      props: { ipWhitelists: ["0.0.0.0/0"], decision: "Deny" },
      provider: "sh",
    },
    {
      type: "alicloud:rocketmq/acl:Acl",
      name: "rocketmq-unknown",
      props: { ipWhitelists: ["0.0.0.0/0"], decision: unknownAtPreview },
      provider: "sh",
    },
  ];
  return [...providers, ...each, ...guarded];
}

/** The exposure and acceleration inputs: a name, the resources and the settings they are judged under. */
export const exposureCases: ReadonlyArray<readonly [string, OracleResource[], OracleSettings]> = [
  ["exposure alicloud", alicloud, { jurisdiction: "CN" }],
  ["exposure aws", aws, { jurisdiction: "US" }],
  ["acceleration under CN", accelerated, { jurisdiction: "CN" }],
  ["acceleration under US", accelerated, { jurisdiction: "US" }],
  ["endpoints under CN", endpointShapes(), { jurisdiction: "CN" }],
  [
    "endpoints with an allowlist",
    endpointShapes(),
    {
      jurisdiction: "CN",
      egressAllowlist: [{ cidr: "203.0.113.0/24", reason: "the plant's uplink" }],
    },
  ],
  ["edge services under CN", edgeShapes(), { jurisdiction: "CN" }],
  ["edge services under US", edgeShapes(), { jurisdiction: "US" }],
];
