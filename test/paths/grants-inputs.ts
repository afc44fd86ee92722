/**
 * Every grant row of the exposure table (policy/paths/types/grants.ts) in the shapes its readers
 * tell apart: each property a row reads set to a policy document, a principal or an account ID
 * of every kind — everyone, everyone bound by a condition, another account (by ID, ARN, SAML or
 * RAM principal, as a number, as a comma-separated list), the stack's own account, a service,
 * an organisation or resource directory, not known at preview — plus the settings the code rows
 * read beside it (a function URL's auth type, a layer's organisation, an access point's VPC, an
 * OpenSearch Serverless policy's type). Each shape is one resource on a provider that pins the
 * stack's account and one on a provider that pins none, in an AWS stack under US and an Alibaba
 * Cloud stack under CN. test/paths/tags.test.ts checks that every grant a view reports is an
 * edge tagged with that view's policy, and no other.
 */
import { byType } from "../../policy/paths/types";
import { grants } from "../../policy/paths/types/grants";
import type { OracleResource, OracleSettings } from "../helpers/model-oracle";
import { unknownAtPreview } from "../helpers/model-oracle";

/** The stack's own account, which both providers of the pinned stacks name. */
const own = "111122223333";
const other = "999988887777";

const doc = (...statements: unknown[]) => ({ Version: "2012-10-17", Statement: statements });
const allow = (principal: unknown, extra: Record<string, unknown> = {}) => ({
  Effect: "Allow",
  Principal: principal,
  Action: "*",
  Resource: "*",
  ...extra,
});

/** Policy documents (AWS's and RAM's language), as objects and as JSON text. */
const documents: readonly unknown[] = [
  doc(allow("*")),
  JSON.stringify(doc(allow({ AWS: "*" }))),
  doc({ Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${own}:root` }, Action: "*" }),
  doc(allow("*", { Condition: { StringEquals: { "aws:SourceAccount": other } } })),
  doc(allow("*", { Condition: { StringEquals: { "aws:SourceAccount": own } } })),
  doc(allow("*", { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } })),
  doc(
    allow("*", { Condition: { ArnLike: { "aws:SourceArn": `arn:aws:sns:us-east-1:${other}:t` } } }),
  ),
  doc(allow("*", { Condition: { ArnLike: { "aws:SourceArn": "arn:aws:s3:::bucket" } } })),
  doc(allow("*", { Condition: { StringNotEquals: { "aws:SourceAccount": other } } })),
  doc(allow("*", { Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } })),
  doc(allow({ AWS: [`arn:aws:iam::${other}:root`, own, `arn:aws:iam::${own}:role/r`] })),
  doc(allow({ AWS: "arn:aws:organizations::123456789012:ou/o-abc123/ou-x" })),
  doc(allow({ Service: "sns.amazonaws.com" })),
  doc(allow("logs.cn-north-1.amazonaws.com.cn")),
  doc({ Effect: "Deny", Principal: "*", Action: "*" }, allow({ AWS: other })),
  doc(allow({ RAM: ["*"] })),
  doc(allow({ RAM: [`acs:ram::${other}:root`, `acs:ram::${own}:role/r`, "rd-abc12"] })),
  doc(allow({ RAM: "acs:ram::1234:user/u" }), { Effect: "Deny", Principal: { RAM: ["*"] } }),
  doc(allow({ Service: ["ecs.aliyuncs.com"] })),
  "",
  unknownAtPreview,
  JSON.stringify([{ AllowFromPublic: true, Rules: [] }, { AllowFromPublic: false }]),
  JSON.stringify([
    { Principal: [`arn:aws:iam::${other}:root`, `saml/${other}/idp/user/u`, own] },
    { Principal: "o-abc123" },
  ]),
];

/** Principals and account IDs of every kind. */
const principals: readonly unknown[] = [
  "*",
  other,
  own,
  Number(other),
  `arn:aws:iam::${other}:role/r`,
  `arn:aws:iam::${own}:root`,
  `saml/${other}/idp/user/u`,
  "o-abc123",
  "arn:aws:organizations::123456789012:organization/o-abc123",
  "sns.amazonaws.com",
  "IAM_ALLOWED_PRINCIPALS",
  `DataCatalog/${other}`,
  "ADX",
  "rd-abc12",
  "fd-x1",
  `${other}, ${own}`,
  "p4_1234",
  "v4_5678",
  "a-name-that-is-no-account",
  { nested: true },
  unknownAtPreview,
];

/** The settings beside a row's grant that its code reads. */
const besides: readonly Record<string, unknown>[] = [
  { functionUrlAuthType: "NONE" },
  { functionUrlAuthType: unknownAtPreview, principal: "*" },
  { functionUrlAuthType: "AWS_IAM", principal: "*" },
  { principal: "*", sourceArn: `arn:aws:execute-api:us-east-1:${other}:api/*` },
  { principal: "*", sourceArn: unknownAtPreview },
  { principal: "*", sourceAccount: own },
  { principal: "*", principalOrgId: "o-abc123" },
  { principal: "*", organizationId: "o-abc123" },
  { principal: "*", organizationId: unknownAtPreview },
  { principal: other, organizationId: "o-abc123" },
  { s3AccessPoint: { policy: doc(allow("*"), allow({ AWS: other })) } },
  { s3AccessPoint: { policy: doc(allow("*")), vpcConfiguration: { vpcId: "vpc-1" } } },
  { type: "network", policy: JSON.stringify([{ AllowFromPublic: true }]) },
  { type: "encryption", policy: JSON.stringify([{ AllowFromPublic: true }]) },
  { type: "network", policy: unknownAtPreview },
];

/** `props` with `value` at a dotted path; `a[].b` holds one element. */
function propsAt(path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split(".");
  const inner = rest.length === 0 ? value : propsAt(rest.join("."), value);
  return head.endsWith("[]") ? { [head.slice(0, -2)]: [inner] } : { [head]: inner };
}

/** Every shape of every grant row of one cloud, on the pinned and the unpinned provider. */
function shapes(cloud: "aws" | "alicloud"): OracleResource[] {
  const out: OracleResource[] = [];
  for (const [type, row] of Object.entries(grants).filter(([t]) => t.startsWith(`${cloud}:`))) {
    const paths = [...new Set((row.fields ?? []).map((f) => f.path))];
    const values = [...documents, ...principals];
    const props = [
      ...paths.flatMap((path) => values.map((v) => propsAt(path, v))),
      // Both paths of a row at once, and a list of grantees in a list property.
      propsAt(paths[0], [other, own, "*"]),
      ...besides,
    ];
    for (const [i, p] of props.entries()) {
      for (const provider of ["pinned", "unpinned"]) {
        out.push({ type, name: `${type.split(":")[1]}-${i}-${provider}`, props: p, provider });
      }
    }
  }
  return out;
}

const awsProviders: OracleResource[] = [
  {
    type: "pulumi:providers:aws",
    name: "pinned",
    props: { region: "us-east-1", allowedAccountIds: JSON.stringify([own]) },
  },
  { type: "pulumi:providers:aws", name: "unpinned", props: { region: "us-west-2" } },
];
const alicloudProviders: OracleResource[] = [
  {
    type: "pulumi:providers:alicloud",
    name: "pinned",
    props: { region: "cn-shanghai", accountId: own },
  },
  { type: "pulumi:providers:alicloud", name: "unpinned", props: { region: "cn-beijing" } },
];

/**
 * The types of other tables (databases, keys, backups, storage, logs) whose rows also declare how they
 * are reached from the internet, each public property set to a value of every kind.
 */
const exposedRowTypes: readonly string[] = [
  "aws:rds/instance:Instance",
  "alicloud:rds/instance:Instance",
  "alicloud:kvstore/instance:Instance",
  "alicloud:redis/tairInstance:TairInstance",
  "alicloud:polardb/cluster:Cluster",
  "aws:kms/key:Key",
  "aws:ec2/amiLaunchPermission:AmiLaunchPermission",
  "aws:imagebuilder/distributionConfiguration:DistributionConfiguration",
  "aws:rds/snapshotCopy:SnapshotCopy",
  "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy",
  "aws:rds/snapshot:Snapshot",
  "aws:rds/clusterSnapshot:ClusterSnapshot",
  "aws:s3/objectCopy:ObjectCopy",
  "aws:msk/cluster:Cluster",
  "aws:timestreaminfluxdb/dbInstance:DbInstance",
  "aws:timestreaminfluxdb/dbCluster:DbCluster",
  "aws:transfer/server:Server",
  "aws:dataexchange/revisionAssets:RevisionAssets",
];

const exposedValues: readonly unknown[] = [
  "all",
  "ALL",
  "SERVICE_PROVIDED_EIPS",
  "DISABLED",
  "VPC",
  "vpc_endpoint",
  "PUBLIC",
  "eipalloc-1",
  other,
  true,
  "true",
  false,
  "private",
  "public-read",
  "Authenticated-Read",
  "http://acs.amazonaws.com/groups/global/AllUsers",
  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
  "0.0.0.0/0",
  "::/0",
  "10.0.0.0/8",
  "127.0.0.1",
  "203.0.113.5",
  "198.51.100.0/24",
  "10.0.0.1,203.0.113.9",
  doc(allow("*")),
  doc(allow("*", { Condition: { StringEquals: { "kms:CallerAccount": own } } })),
  unknownAtPreview,
];

/** Every public property of the moved types set to each value, on both providers. */
function exposedShapes(): OracleResource[] {
  const out: OracleResource[] = [];
  for (const type of exposedRowTypes) {
    const paths = (byType[type]?.fields ?? [])
      .filter((f) => f.policy === "public-exposure")
      .map((f) => f.path);
    const props = [
      {},
      ...paths.flatMap((path) => exposedValues.map((v) => propsAt(path, v))),
      // Two public properties together (a VPC endpoint with Elastic IPs).
      ...paths.slice(1).flatMap((second) =>
        exposedValues.flatMap((a) =>
          ["eipalloc-1", unknownAtPreview, "10.0.0.1"].map((b) => ({
            ...propsAt(paths[0], a),
            ...propsAt(second, b),
          })),
        ),
      ),
    ];
    for (const [i, p] of props.entries()) {
      const provider = type.startsWith("aws:") ? "aws" : "alicloud";
      out.push({ type, name: `${type.split(":")[1]}-${i}`, props: p, provider });
    }
  }
  return out;
}

export const exposedRowCases: ReadonlyArray<readonly [string, OracleResource[], OracleSettings]> = [
  [
    "public fields of other tables",
    [
      { type: "pulumi:providers:aws", name: "aws", props: { region: "us-east-1" } },
      { type: "pulumi:providers:alicloud", name: "alicloud", props: { region: "cn-shanghai" } },
      ...exposedShapes(),
    ],
    { jurisdiction: "CN", egressAllowlist: [{ cidr: "198.51.100.0/24", reason: "the plant" }] },
  ],
];

export const grantCases: ReadonlyArray<readonly [string, OracleResource[], OracleSettings]> = [
  ["grants aws", [...awsProviders, ...shapes("aws")], { jurisdiction: "US" }],
  ["grants alicloud", [...alicloudProviders, ...shapes("alicloud")], { jurisdiction: "CN" }],
  // Abroad: the near end of a cross-account path names a region outside the jurisdiction.
  ["grants aws under CN", [...awsProviders, ...shapes("aws")], { jurisdiction: "CN" }],
];
