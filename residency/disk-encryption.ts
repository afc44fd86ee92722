/**
 * Disk encryption a stack's accounts have by default outside the program, as the stack declares
 * it (`sovereign-dc:accountDiskEncryption`). EBS and ECS encrypt a volume that names no key with
 * the region's default key — and every new volume once encryption by default is on — which
 * organisations often set once per account and region in a baseline stack
 * (`ebs.EncryptionByDefault` and `ebs.DefaultKmsKey`, `ecs.DiskEncryptionByDefault` and
 * `ecs.DiskDefaultKmsKey`). A program that does not set them itself leaves the pack nothing to
 * judge its instances' volumes by; the stack config says what the account has:
 *
 *     sovereign-dc:accountDiskEncryption:
 *       - cloud: aws
 *         region: us-west-2
 *         key: arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
 *         byDefault: true
 *
 * The key is the region's default key (an AWS key or alias ARN of that region; an Alibaba Cloud
 * key ID, or its ARN of that region); `byDefault` says encryption by default is on there. What the
 * program sets for a region comes first. Read without the rest of the spec, like the clusters:
 * programs of other projects set it.
 */
import type * as Zod from "zod";
import type { SpecIssue } from "./spec";
import { knownRegion } from "./clusters";
import { type Cloud, clouds } from "./jurisdictions";
import { declarationIssues, declaredListOf, keyOf } from "./config-value";

/** The default disk encryption of one cloud's accounts in one region. */
export interface DeclaredDiskEncryption {
  readonly cloud: Cloud;
  readonly region: string;
  /** The region's default key: a key or alias ARN of the region (AWS), a key ID or ARN (Alibaba Cloud). */
  readonly key: string;
  /** Whether encryption by default is on: every new volume, not only those asking, is encrypted. */
  readonly byDefault: boolean;
}

export const accountDiskEncryptionKey = keyOf(["accountDiskEncryption"]);

/** One rejected value, as the spec's issues are (`formatIssue`). */
export type DiskEncryptionIssue = SpecIssue;

/** The region a KMS key ARN names (`arn:<partition>:kms:<region>:…`, `acs:kms:<region>:…`). */
const kmsArn = /^(arn:aws[a-z-]*|acs):kms:([a-z0-9-]+):\d+:(key|alias)\/\S+$/;

const keyExpected: Record<Cloud, string> = {
  aws: "expected the ARN of a KMS key or alias of that region (arn:<partition>:kms:<region>:<account>:key/<key-id>)",
  alicloud:
    "expected a KMS key ID, or its ARN of that region (acs:kms:<region>:<uid>:key/<key-id>)",
};

/** The schema of a declaration, built the first time a stack declares one (zod loads with it). */
function declarationSchema() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { z } = require("zod") as typeof Zod;
  const entry = z
    .strictObject({
      cloud: z.enum(clouds as [Cloud, ...Cloud[]], {
        error: `expected one of: ${clouds.join(", ")}`,
      }),
      region: z.string({ error: "expected a region ID" }),
      key: z.string({ error: "expected the region's default KMS key" }),
      byDefault: z.boolean({ error: "expected true or false" }).default(false),
    })
    .superRefine((e, ctx) => {
      if (!knownRegion(e.cloud, e.region)) {
        ctx.addIssue({
          code: "custom",
          path: ["region"],
          message: `expected a region ID of ${e.cloud}, such as ${e.cloud === "aws" ? "us-west-2" : "cn-shanghai"}`,
        });
        return;
      }
      const arn = kmsArn.exec(e.key);
      const arnOfCloud = arn !== null && (arn[1] === "acs") === (e.cloud === "alicloud");
      const ok =
        e.cloud === "aws"
          ? arnOfCloud && arn[2] === e.region
          : arn === null
            ? /^[\w-]+$/.test(e.key)
            : arnOfCloud && arn[2] === e.region && arn[3] === "key";
      if (!ok) {
        ctx.addIssue({ code: "custom", path: ["key"], message: keyExpected[e.cloud] });
      }
    });
  return z.array(entry, { error: "expected a list of { cloud, region, key, byDefault }" });
}
let schema: ReturnType<typeof declarationSchema> | undefined;

/** The key a zod path inside the declaration names: `sovereign-dc:accountDiskEncryption[0].key`. */
const keyAt = (path: readonly PropertyKey[]) => keyOf(["accountDiskEncryption", ...path]);

/** Every issue with a decoded `sovereign-dc:accountDiskEncryption` value; empty when it is valid. */
export function diskEncryptionIssues(raw: unknown): DiskEncryptionIssue[] {
  const result = (schema ??= declarationSchema()).safeParse(raw);
  const issues: DiskEncryptionIssue[] = result.success
    ? []
    : declarationIssues(
        result.error.issues,
        raw,
        "accountDiskEncryption",
        "cloud, region, key and byDefault",
      );
  if (result.success) {
    const seen = new Set<string>();
    result.data.forEach((e, i) => {
      const place = `${e.cloud}:${e.region}`;
      if (seen.has(place)) {
        issues.push({
          key: keyAt([i, "region"]),
          received: e.region,
          expected: `expected each region of ${e.cloud} to be declared once (an account has one default key per region)`,
        });
      }
      seen.add(place);
    });
  }
  return issues;
}

/**
 * The default disk encryption a flat stack config declares (none when the key is absent), or the
 * issues that reject the value. The Pulumi runtime holds structured values as JSON text.
 */
export function declaredDiskEncryptionOf(
  config: Readonly<Record<string, string>>,
): { declared: DeclaredDiskEncryption[] } | { issues: DiskEncryptionIssue[] } {
  return declaredListOf(config, accountDiskEncryptionKey, diskEncryptionIssues, (e) => ({
    cloud: e.cloud as Cloud,
    region: e.region as string,
    key: e.key as string,
    byDefault: e.byDefault === true,
  }));
}
