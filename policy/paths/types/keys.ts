/**
 * Keys and secrets: KMS keys and their replicas, multi-Region keys, KMS instances bound to VPCs,
 * and secrets with their replicas (shared/research/data-paths.md §3 "KMS"; §4 "Secrets replica",
 * "KMS multi-region").
 *
 * Whoever holds the key can read the data: a key (or a replica of it) abroad is a path abroad
 * even when the ciphertext stays home. Every edge here is owned by `key-and-secret-replicas`.
 */
import { encryptedBy } from "./common";
import type { FieldSpec, TypeModel, TypeTable } from "../model";
import { exposed, withExposure, withRamPolicy } from "./exposure";
import { accountGrantFix, accountGrants } from "./grants";
import { edgesOf, inbound, withPolicyFields } from "./rows";
import { type Jurisdiction, regionInJurisdiction } from "../../../residency/jurisdictions";
import { statements } from "../iam";
import { isUnknown, jsonDocument, known } from "../values";

const key = edgesOf("key-and-secret-replicas", "key replication");

const keyPolicyFix =
  "Grant key use only to principals of this account (or bind it with kms:CallerAccount).";

/**
 * A key or secret with the resource policy it carries inline (`policy`): everyone it allows is
 * public-exposure's, another account it names cross-account-links'.
 */
function withPolicy(model: TypeModel, fix: string): TypeModel {
  return withPolicyFields(
    withExposure(model, fix, exposed("policy", "policy")),
    "cross-account-links",
    accountGrantFix,
    accountGrants("policy"),
  );
}
const secret = edgesOf("key-and-secret-replicas", "replication");

const single = "Keep keys and secrets single-region, in the stack's own region.";
const keyRow = (fix: string, ...fields: FieldSpec[]): TypeModel => ({ role: "key", fields, fix });

/**
 * The key policy confines replicas to regions inside the jurisdiction: a statement denies
 * everyone kms:ReplicateKey (by name, `kms:*` or `*`) unless `kms:ReplicaRegion` is one of
 * them (`StringNotEquals`, its only condition), as the KMS Developer Guide confines them. A
 * replica of the key elsewhere cannot then be made; one the program makes is judged at the
 * replica.
 */
function replicasConfined(props: Readonly<Record<string, unknown>>, j: Jurisdiction): boolean {
  const doc = jsonDocument(known(() => props.policy));
  if (doc === null || typeof doc !== "object" || isUnknown(doc)) {
    return false;
  }
  const raw = [(doc as Record<string, unknown>).Statement].flat();
  return statements(doc).some((s) => {
    const [only] = s.conditions;
    const action = (raw[s.index] as Record<string, unknown> | undefined)?.Action;
    return (
      s.effect?.toLowerCase() === "deny" &&
      s.everyone &&
      !s.allBut &&
      [action]
        .flat()
        .some(
          (a) =>
            typeof a === "string" && ["kms:replicatekey", "kms:*", "*"].includes(a.toLowerCase()),
        ) &&
      s.conditions.length === 1 &&
      /^StringNotEquals(IgnoreCase)?$/i.test(only.operator) &&
      only.key.toLowerCase() === "kms:replicaregion" &&
      only.values.length > 0 &&
      only.values.every((r) => typeof r === "string" && regionInJurisdiction(j, "aws", r))
    );
  });
}

/**
 * A primary key made multi-Region can be replicated to any region of its partition: in the China
 * partition those are Beijing and Ningxia, in GovCloud (US) its two US regions, so there the
 * jurisdiction that holds them all keeps the key (a replica's own region is judged at the replica).
 */
const multiRegion = keyRow(
  "Set multiRegion to false, or deny kms:ReplicateKey to everyone in the key policy unless kms:ReplicaRegion is a region inside the jurisdiction (StringNotEquals); a single-Region key cannot be replicated abroad.",
  key.flag("multiRegion", "makes the key replicable to", {
    values: [true],
    when: (props, j) => !replicasConfined(props, j),
    farSide: "any region of the partition (multi-Region primary key)",
    partitionFarSide: {
      "aws-cn": "any region of the China partition (multi-Region primary key)",
      "aws-us-gov": "any region of the GovCloud (US) partition (multi-Region primary key)",
    },
  }),
);

/**
 * Material of the primary becomes usable in the replica's region: a primary of the stack and
 * its replica exchange it both ways.
 */
const replica = keyRow(
  single,
  key.arn("primaryKeyArn", "replicates the key", { ...inbound, both: true, ref: "aws-kms-key" }),
);

/**
 * A key store whose keys live outside AWS KMS: an external key store proxy (XKS) or the HSM a
 * Redshift cluster keeps its keys in. Whoever runs that key manager holds the keys, so it must
 * be on a private address of the stack's networks or an allowlisted one; a host name outside
 * the cloud cannot be placed. A CloudHSM key store keeps its keys in a cluster of its region.
 */
const externalKeys = (fix: string, ...fields: FieldSpec[]): TypeModel => ({
  role: "key",
  fields,
  fix,
});
const external = edgesOf("key-and-secret-replicas", "key replication");

export const keys: TypeTable = {
  "aws:kms/customKeyStore:CustomKeyStore": externalKeys(
    "Keep the keys in KMS or a CloudHSM key store of the stack's region, or run the external key store proxy on a private or allowlisted address inside the jurisdiction.",
    external.url("xksProxyUriEndpoint", "keeps its keys in an external key manager at"),
    {
      path: "xksProxyVpcEndpointServiceName",
      format: "service-name",
      label: "key replication",
      policy: "key-and-secret-replicas",
      verb: "reaches its external key manager through the endpoint service",
    },
  ),
  "aws:redshift/hsmConfiguration:HsmConfiguration": externalKeys(
    "Keep the cluster's keys in KMS of the stack's region, or run the HSM on a private or allowlisted address inside the jurisdiction.",
    external.ip("hsmIpAddress", "keeps the cluster's keys in an HSM at"),
  ),
  // A key policy (keys of a KMS instance): everyone, or another account, may use the key.
  "alicloud:kms/key:Key": withRamPolicy({ role: "key", fix: single }),
  "alicloud:kms/instance:Instance": keyRow(
    "Bind only VPCs of this account in regions inside the jurisdiction.",
    key.region("bindVpcs[].regionId", "lets VPCs use its keys from"),
    key.account("bindVpcs[].vpcOwnerId", "lets VPCs use its keys from"),
  ),
  // A key policy that allows everyone lets anyone use the key (public-exposure); one that names
  // another account lets that account use it (cross-account-links).
  "aws:kms/key:Key": withPolicy(multiRegion, keyPolicyFix),
  "aws:kms/externalKey:ExternalKey": withPolicy(multiRegion, keyPolicyFix),
  "aws:kms/replicaKey:ReplicaKey": withPolicy(replica, keyPolicyFix),
  "aws:kms/replicaExternalKey:ReplicaExternalKey": withPolicy(replica, keyPolicyFix),
  "aws:secretsmanager/secret:Secret": withPolicy(
    {
      role: "data",
      // A replica's key ARN is placed by key-locality, like every KMS key a resource names.
      fields: [secret.region("replicas[].region", "replicates the secret to")],
      edges: (r, x) => encryptedBy(x, r, r, ["kmsKeyId"]),
      fix: "Remove the replicas outside the jurisdiction.",
    },
    "Grant the secret only to principals of this account.",
  ),
};
