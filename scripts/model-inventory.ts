/**
 * Inventory of the pack's two data-flow models (issue 11): which resource types each models,
 * where they overlap, which modelled types `policy/reviewed.ts` is missing, and the proposed home
 * of every modelled type in the domain tables of docs/design/one-flow-model-plan.md (section 1).
 * Prints Markdown, or the whole inventory as JSON with `--json`.
 *
 *     npm run model:inventory [-- --json]
 *     node --require sucrase/register/ts scripts/model-inventory.ts [--json]
 *
 * (a) = the per-policy tables: the fields of the domain tables' rows, per owning policy (storage,
 *       databases, backups, transfers, registry, key replicas, network links, remote sites, logs,
 *       …), egress.ts
 *       `ruleModels`, keys.ts `dataStores` with the stand-alone encryption types its `companions` link to a
 *       store, and the Kubernetes types policy/kubernetes.ts names in its code.
 * (b) = the types of the domain tables (policy/paths/types), whose rows the border graph is built
 * from.
 *
 * The counts move as the migration lands; the plan's figures are this script's output at 4ddf116.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ruleModels } from "../policy/egress";
import { dataStores } from "../policy/keys";
import { tables as typeTables } from "../policy/paths/types";
import { reviewed, reviewedTypes } from "../policy/reviewed";

const root = path.resolve(__dirname, "..");

/** The Kubernetes policies name their types in code, not in a table. */
const k8sSource = fs.readFileSync(path.join(root, "policy", "kubernetes.ts"), "utf8");
const k8sTypes = [...new Set([...k8sSource.matchAll(/"(kubernetes:[^"]+)"/g)].map((m) => m[1]))];

const typesOf = (models: readonly { readonly type: string }[]) => models.map((m) => m.type);

/** (a): table label (with the policy it serves in parentheses) → its types. */
const tablesA: Record<string, readonly string[]> = {
  "egress.ts ruleModels (egress-rules)": typesOf(ruleModels),
  "keys.ts dataStores (customer-key-encryption)": typesOf(dataStores),
  "kubernetes.ts literals (kubernetes-egress)": k8sTypes.filter((t) => /NetworkPolicy/.test(t)),
  "kubernetes.ts literals (kubernetes-service-exposure)": k8sTypes.filter((t) => /Service/.test(t)),
  "kubernetes.ts literals (helm-releases)": k8sTypes.filter((t) => /helm/.test(t)),
};
// The domain tables of the one model are (a) and (b) at once: each row's fields are tagged with
// the policy that owns them and are edges of the graph.
for (const [domain, table] of Object.entries(typeTables)) {
  for (const [type, model] of Object.entries(table)) {
    for (const policy of new Set((model.fields ?? []).map((f) => f.policy))) {
      const label = `paths/types/${domain}.ts (${policy})`;
      tablesA[label] = [...(tablesA[label] ?? []), type];
    }
  }
}
// The stand-alone encryption resources keys.ts matches to their store are types (a) judges too.
const companionTypes = [...new Set(dataStores.flatMap((m) => m.companions?.types ?? []))];
tablesA["keys.ts dataStores companions (customer-key-encryption)"] = companionTypes;

/** (b): border flow file → its types. */
const tablesB: Record<string, readonly string[]> = {
  ...Object.fromEntries(
    Object.entries(typeTables).map(([domain, table]) => [
      `paths/types/${domain}.ts`,
      Object.keys(table),
    ]),
  ),
};

const sort = (xs: Iterable<string>) => [...xs].sort();
const A = new Set(Object.values(tablesA).flat());
const B = new Set(Object.values(tablesB).flat());
const both = sort([...A].filter((t) => B.has(t)));
const onlyA = sort([...A].filter((t) => !B.has(t)));
const onlyB = sort([...B].filter((t) => !A.has(t)));
const bNotReviewed = sort([...B].filter((t) => !reviewedTypes.has(t)));
const aNotReviewed = sort([...A].filter((t) => !reviewedTypes.has(t)));
const companionsNotReviewed = companionTypes.filter((t) => !reviewedTypes.has(t));

/** Per type: the (a) policies and the (b) file that model it, and its reviewed.ts groups. */
const whereA = new Map<string, string[]>();
for (const [table, types] of Object.entries(tablesA)) {
  for (const t of types) {
    whereA.set(t, [...(whereA.get(t) ?? []), table.replace(/^.*\((.*)\)$/, "$1")]);
  }
}
const whereB = new Map<string, string>();
for (const [file, types] of Object.entries(tablesB)) {
  for (const t of types) {
    whereB.set(t, file.replace(/^border\/flows\//, ""));
  }
}
const reviewedGroup = new Map<string, string[]>();
for (const [group, types] of Object.entries(reviewed as Record<string, readonly string[]>)) {
  for (const t of types) {
    reviewedGroup.set(t, [...(reviewedGroup.get(t) ?? []), group]);
  }
}
/** Its reviewed.ts groups, or `modelled` for a type reviewed because a domain table models it. */
const reviewedAs = (t: string): string[] | null =>
  reviewedGroup.get(t) ?? (reviewedTypes.has(t) ? ["modelled"] : null);
const inSeveralA = sort([...whereA].filter(([, w]) => w.length > 1).map(([t]) => t));
const inSeveralReviewed = sort([...reviewedGroup].filter(([, g]) => g.length > 1).map(([t]) => t));
const reviewedNotModelled = sort([...reviewedTypes].filter((t) => !A.has(t) && !B.has(t)));

/**
 * Proposed home of every modelled type in the domain tables of the target layout: the domain of
 * its first (a) policy in this order, else of its (b) file, with the overrides below.
 */
const domainOfPolicy: Record<string, string> = {
  "storage-replication": "storage",
  "database-replicas": "databases",
  "backup-copies": "backups",
  "data-transfer-jobs": "transfers",
  "registry-replication": "transfers",
  "key-and-secret-replicas": "keys",
  "log-shipping": "logs",
  "network-links": "network",
  "remote-sites": "remote-sites",
  "internet-egress": "egress",
  "egress-rules": "egress",
  "global-services": "edge-services",
  "public-exposure": "exposure",
  "customer-key-encryption": "keys",
  "kubernetes-egress": "kubernetes",
  "kubernetes-service-exposure": "kubernetes",
  "helm-releases": "kubernetes",
};
const policyOrder = Object.keys(domainOfPolicy);
const overrides: Record<string, string> = {
  // Data stores live with their kind of data, whichever policies read them.
  "alicloud:rds/instance:Instance": "databases",
  "alicloud:kvstore/instance:Instance": "databases",
  "alicloud:redis/tairInstance:TairInstance": "databases",
  "alicloud:polardb/cluster:Cluster": "databases",
  "alicloud:mongodb/instance:Instance": "databases",
  "aws:dynamodb/table:Table": "databases",
  "aws:rds/instance:Instance": "databases",
  "aws:rds/cluster:Cluster": "databases",
  "aws:redshift/cluster:Cluster": "databases",
  "alicloud:ecs/ecsDisk:EcsDisk": "storage",
  "alicloud:ecs/disk:Disk": "storage",
  "alicloud:ecs/diskAttachment:DiskAttachment": "storage",
  "alicloud:nas/fileSystem:FileSystem": "storage",
  "alicloud:nas/mountTarget:MountTarget": "storage",
  "aws:ebs/volume:Volume": "storage",
  "aws:ec2/volumeAttachment:VolumeAttachment": "storage",
  "aws:efs/fileSystem:FileSystem": "storage",
  "aws:efs/mountTarget:MountTarget": "storage",
  "alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption": "storage",
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration":
    "storage",
  "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2":
    "storage",
  "alicloud:oss/bucketAcl:BucketAcl": "storage",
  "alicloud:oss/bucketPolicy:BucketPolicy": "storage",
  "alicloud:oss/accessPoint:AccessPoint": "storage",
  "aws:s3/bucketAcl:BucketAcl": "storage",
  "aws:s3/bucketPolicy:BucketPolicy": "storage",
  "aws:s3/accessPoint:AccessPoint": "storage",
  "aws:s3/bucketAclV2:BucketAclV2": "storage",
  "aws:s3/bucketLoggingV2:BucketLoggingV2": "storage",
  "aws:secretsmanager/secret:Secret": "keys",
  "alicloud:kms/key:Key": "keys",
  "alicloud:log/store:Store": "logs",
  "alicloud:log/project:Project": "logs",
  "aws:cloudwatch/logGroup:LogGroup": "logs",
  "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter": "logs",
  // Security groups and their rules are egress gates first; their ingress side is an exposure row.
  "aws:ec2/securityGroup:SecurityGroup": "egress",
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "egress",
  "aws:ec2/securityGroupRule:SecurityGroupRule": "egress",
  "alicloud:ecs/securityGroupRule:SecurityGroupRule": "egress",
  // The local end of site links lives with the links.
  "alicloud:vpn/gateway:Gateway": "remote-sites",
  "aws:ec2/vpnGateway:VpnGateway": "remote-sites",
  "aws:ec2/vpnGatewayAttachment:VpnGatewayAttachment": "remote-sites",
  // Acceleration of a bucket is an edge service.
  "alicloud:oss/bucketTransferAcceleration:BucketTransferAcceleration": "edge-services",
  "aws:s3/bucketAccelerateConfiguration:BucketAccelerateConfiguration": "edge-services",
  "aws:s3/bucketAccelerateConfigurationV2:BucketAccelerateConfigurationV2": "edge-services",
};
const domainOfFile: Record<string, string> = {
  "storage.ts": "storage",
  "copies.ts": "backups",
  "logs.ts": "logs",
  "network.ts": "network",
  "kubernetes.ts": "kubernetes",
};
const domains: Record<string, string[]> = {};
for (const t of sort(new Set([...A, ...B]))) {
  const pols = whereA.get(t) ?? [];
  const first = policyOrder.find((p) => pols.includes(p));
  const d = overrides[t] ?? (first ? domainOfPolicy[first] : domainOfFile[whereB.get(t) ?? ""]);
  (domains[d] ??= []).push(t);
}

const result = {
  counts: {
    a: A.size,
    b: B.size,
    both: both.length,
    onlyA: onlyA.length,
    onlyB: onlyB.length,
    bNotReviewed: bNotReviewed.length,
    aNotReviewed: aNotReviewed.length,
    companionTypes: companionTypes.length,
    typesInSeveralATables: inSeveralA.length,
    reviewedTypes: reviewedTypes.size,
    reviewedInSeveralGroups: inSeveralReviewed.length,
    reviewedButInNeitherModel: reviewedNotModelled.length,
  },
  tableSizesA: Object.fromEntries(Object.entries(tablesA).map(([k, v]) => [k, v.length])),
  tableSizesB: Object.fromEntries(Object.entries(tablesB).map(([k, v]) => [k, v.length])),
  both: both.map((t) => ({ type: t, a: whereA.get(t), b: whereB.get(t) })),
  onlyA: onlyA.map((t) => ({ type: t, a: whereA.get(t) })),
  onlyB: onlyB.map((t) => ({ type: t, b: whereB.get(t), reviewed: reviewedAs(t) })),
  bNotReviewed: bNotReviewed.map((t) => ({ type: t, b: whereB.get(t) })),
  aNotReviewed,
  companionTypes: companionTypes.map((t) => ({ type: t, reviewed: reviewedAs(t) })),
  companionsNotReviewed,
  typesInSeveralATables: inSeveralA.map((t) => ({ type: t, a: whereA.get(t) })),
  reviewedInSeveralGroups: inSeveralReviewed.map((t) => ({
    type: t,
    groups: reviewedGroup.get(t),
  })),
  domains,
  reviewedButInNeitherModel: reviewedNotModelled.map((t) => ({
    type: t,
    group: reviewedGroup.get(t),
  })),
};

function markdown(): string {
  const json = (v: unknown) => ["```json", JSON.stringify(v, null, 2), "```"];
  const md: string[] = ["## Counts", "", ...json(result.counts), ""];
  md.push("### (a) table sizes", "", ...json(result.tableSizesA));
  md.push("", "### (b) table sizes", "", ...json(result.tableSizesB));
  md.push("", `### Both (${both.length}) — type · (a) policies · (b) file`, "");
  for (const r of result.both) {
    md.push(`- \`${r.type}\` · ${r.a?.join(", ")} · ${r.b}`);
  }
  md.push("", `### Only (a) (${onlyA.length}) — type · (a) policies`, "");
  for (const r of result.onlyA) {
    md.push(`- \`${r.type}\` · ${r.a?.join(", ")}`);
  }
  md.push("", `### Only (b) (${onlyB.length}) — type · (b) file · reviewed.ts group`, "");
  for (const r of result.onlyB) {
    md.push(
      `- \`${r.type}\` · ${r.b} · ${r.reviewed ? r.reviewed.join(", ") : "**NOT REVIEWED**"}`,
    );
  }
  md.push("", `### (b) types missing from reviewed.ts (${bNotReviewed.length})`, "");
  for (const r of result.bNotReviewed) {
    md.push(`- \`${r.type}\` · ${r.b}`);
  }
  md.push("", `### (a) types missing from reviewed.ts (${aNotReviewed.length})`, "");
  for (const t of aNotReviewed) {
    md.push(`- \`${t}\``);
  }
  md.push("", `### keys.ts companion types (${companionTypes.length}), counted in (a)`, "");
  for (const r of result.companionTypes) {
    md.push(`- \`${r.type}\` · reviewed: ${r.reviewed ? r.reviewed.join(", ") : "NO"}`);
  }
  md.push("", `### Types in more than one (a) table (${inSeveralA.length})`, "");
  for (const r of result.typesInSeveralATables) {
    md.push(`- \`${r.type}\` · ${r.a?.join(", ")}`);
  }
  md.push("", `### Types listed in more than one reviewed.ts group (${inSeveralReviewed.length})`);
  md.push("");
  for (const r of result.reviewedInSeveralGroups) {
    md.push(`- \`${r.type}\` · ${r.groups?.join(", ")}`);
  }
  md.push("", "### Proposed domain table of every modelled type", "");
  for (const [d, types] of Object.entries(domains).sort()) {
    md.push(`- **${d}** (${types.length}): ${types.map((t) => `\`${t}\``).join(", ")}`);
  }
  md.push("", `### Reviewed types modelled by neither (${reviewedNotModelled.length})`, "");
  for (const r of result.reviewedButInNeitherModel) {
    md.push(`- \`${r.type}\` · ${r.group?.join(", ")}`);
  }
  return `${md.join("\n")}\n`;
}

process.stdout.write(
  process.argv.includes("--json") ? `${JSON.stringify(result, null, 2)}\n` : markdown(),
);
