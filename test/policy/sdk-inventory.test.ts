/**
 * The committed inventory of the providers' resource types (policy/inventory/sdk-types.jsonl)
 * against the installed SDKs: regenerated from their declarations, it must be the same, so that
 * upgrading an SDK fails here with the list of new or changed types and place-naming properties
 * to classify (`npm run inventory` rewrites the file once they are).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { placeRuleOf, wordsOf } from "../../policy/inventory/place-rules";
import {
  type Inventory,
  inventoryDrift,
  inventoryFile,
  parseInventory,
  readInventory,
  readPackage,
  rulesDigest,
  serializeInventory,
} from "../../policy/inventory/sdk";

const root = path.resolve(__dirname, "..", "..");

test("the committed inventory is the installed SDKs' resource types, read by the current rules", () => {
  const committed = parseInventory(fs.readFileSync(inventoryFile, "utf8"));
  const current = readInventory(root);
  const drift = inventoryDrift(committed, current);
  const stale = committed.rules === rulesDigest() ? [] : ["the place rules or the reader changed"];
  // The message a reviewer acts on: what to classify, then how to record it.
  expect({
    drift: [...stale, ...drift],
    fix: "classify these types, then run `npm run inventory`",
  }).toEqual({ drift: [], fix: "classify these types, then run `npm run inventory`" });
  expect(Object.keys(current.types).length).toBeGreaterThan(3000);
});

/** A provider SDK of one resource class, laid out as the generated SDKs are. */
function plantSdk(dir: string, pkg: string, version: string, extra = ""): void {
  const base = path.join(dir, "node_modules", "@pulumi", pkg);
  fs.mkdirSync(path.join(base, "widgets"), { recursive: true });
  fs.mkdirSync(path.join(base, "types"), { recursive: true });
  fs.writeFileSync(path.join(base, "package.json"), JSON.stringify({ version }));
  fs.writeFileSync(
    path.join(base, "types", "input.d.ts"),
    [
      "export declare namespace widgets {",
      "    interface MirrorRule {",
      "        /**",
      "         * Where the widget is mirrored.",
      "         */",
      "        destinationRegion: pulumi.Input<string>;",
      "        enabled?: pulumi.Input<boolean | undefined>;",
      "        peerAccountId?: pulumi.Input<number | undefined>;",
      "        backupZoneIndex?: pulumi.Input<number | undefined>;",
      "    }",
      "}",
      "",
    ].join("\n"),
  );
  fs.writeFileSync(
    path.join(base, "widgets", "widget.js"),
    `class Widget extends pulumi.CustomResource {\n    static __pulumiType = '${pkg}:widgets/widget:Widget';\n}\n`,
  );
  fs.writeFileSync(
    path.join(base, "widgets", "widget.d.ts"),
    [
      "export interface WidgetArgs {",
      "    /**",
      "     * The endpoint it reports to.",
      "     */",
      "    reportUrl?: pulumi.Input<string | undefined>;",
      "    rules?: pulumi.Input<pulumi.Input<inputs.widgets.MirrorRule>[] | undefined>;",
      "    size?: pulumi.Input<number | undefined>;",
      "    tags?: pulumi.Input<{",
      "        [key: string]: pulumi.Input<string>;",
      "    } | undefined>;",
      extra,
      "}",
      "",
    ].join("\n"),
  );
  // A component resource is not a custom resource: its children are what the pack judges.
  fs.writeFileSync(
    path.join(base, "widgets", "chart.js"),
    `class Chart extends pulumi.ComponentResource {\n    static __pulumiType = '${pkg}:widgets/chart:Chart';\n}\n`,
  );
}

describe("an SDK upgrade", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdk-inventory-"));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("reads a custom resource's inputs and the nested ones that name a place", () => {
    plantSdk(dir, "aws", "1.0.0");
    // A flag or a count names no place; an account ID does, even when declared as a number.
    expect(readPackage(dir, "aws")).toEqual({
      "aws:widgets/widget:Widget": {
        inputs: ["reportUrl", "rules", "size", "tags"],
        places: {
          reportUrl: "endpoint",
          "rules[].destinationRegion": "region",
          "rules[].peerAccountId": "account",
        },
      },
    });
  });

  test("fails with the new type and its place-naming properties to classify", () => {
    plantSdk(dir, "aws", "1.0.0");
    const before: Inventory = { sdks: { aws: "0.9.0" }, types: {} };
    const after: Inventory = { sdks: { aws: "1.0.0" }, types: readPackage(dir, "aws") };
    expect(inventoryDrift(before, after)).toEqual([
      "@pulumi/aws: 0.9.0 → 1.0.0",
      "new type aws:widgets/widget:Widget: reportUrl (endpoint), rules[].destinationRegion (region), rules[].peerAccountId (account)",
    ]);
  });

  test("fails with a new place-naming input of a known type, and passes when nothing moved", () => {
    plantSdk(dir, "aws", "1.0.0");
    const before: Inventory = { sdks: { aws: "1.0.0" }, types: readPackage(dir, "aws") };
    expect(inventoryDrift(before, before)).toEqual([]);
    plantSdk(dir, "aws", "1.1.0", "    replicaBucket?: pulumi.Input<string | undefined>;");
    const after: Inventory = { sdks: { aws: "1.1.0" }, types: readPackage(dir, "aws") };
    expect(inventoryDrift(before, after)).toEqual([
      "@pulumi/aws: 1.0.0 → 1.1.0",
      "aws:widgets/widget:Widget: new place-naming replicaBucket (peer)",
      "aws:widgets/widget:Widget: inputs +replicaBucket",
    ]);
    expect(inventoryDrift(after, before)).toEqual([
      "@pulumi/aws: 1.1.0 → 1.0.0",
      "aws:widgets/widget:Widget: no longer place-naming replicaBucket",
      "aws:widgets/widget:Widget: inputs -replicaBucket",
    ]);
  });

  test("the committed form reads back as written", () => {
    plantSdk(dir, "aws", "1.0.0");
    const inv: Inventory = { sdks: { aws: "1.0.0" }, types: readPackage(dir, "aws") };
    expect(parseInventory(serializeInventory(inv, "abc"))).toEqual({ ...inv, rules: "abc" });
  });
});

describe("place-naming rules", () => {
  test.each([
    ["destinationCidrBlock", "aws", ["destination", "cidr", "block"]],
    ["externalIPs", "kubernetes", ["external", "ips"]],
    ["targetWWNs", "kubernetes", ["target", "wwns"]],
    ["kmsMasterKeyId", "alicloud", ["kms", "master", "key", "id"]],
  ])("splits %s into words", (name, _provider, words) => {
    expect(wordsOf(name)).toEqual(words);
  });

  test.each([
    ["region", "aws", "region"],
    ["crossBackupRegion", "alicloud", "region"],
    ["availabilityZone", "aws", "zone"],
    ["storageLocation", "alicloud", "location"],
    ["roleArn", "aws", "arn"],
    ["kmsKeyId", "aws", "key"],
    ["ipv6CidrBlocks", "aws", "cidr"],
    ["loadBalancerSourceRanges", "kubernetes", "cidr"],
    ["peerOwnerId", "aws", "account"],
    ["acceptingAliUid", "alicloud", "account"],
    ["peerVpcId", "aws", "peer"],
    ["destination", "aws", "peer"],
    ["externalName", "kubernetes", "endpoint"],
    ["webhookUrl", "alicloud", "endpoint"],
    ["bucket", "aws", "bucket"],
    ["policy", "aws", "document"],
    ["image", "kubernetes", "image"],
    ["registryId", "aws", "account"],
    ["encryptionKey", "alicloud", "key"],
    ["globalClusterIdentifier", "aws", "peer"],
    ["replicationSourceIdentifier", "aws", "peer"],
    ["sourceDbClusterIdentifier", "aws", "peer"],
    ["broker", "aws", "endpoint"],
  ])("%s of %s names a place: %s", (name, provider, kind) => {
    expect(placeRuleOf(name, provider)?.kind).toBe(kind);
  });

  test.each([
    ["targetPrefix", "alicloud"],
    ["bucketPrefix", "aws"],
    ["restartPolicy", "kubernetes"],
    ["instanceType", "aws"],
    ["description", "alicloud"],
    ["instanceName", "alicloud"],
  ])("%s of %s names no place", (name, provider) => {
    expect(placeRuleOf(name, provider)).toBeUndefined();
  });
});
