/**
 * The committed inventory of the providers' resource types (policy/inventory/sdk-types.jsonl)
 * against the installed SDKs: regenerated from their declarations, it must be the same, so that
 * upgrading an SDK fails here with the list of new or changed types and place-naming properties
 * to classify (`npm run inventory` rewrites the file once they are). The pack's list of classes
 * (policy/review/classes.json) is held the same way against the inventory and the reviews.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { placeRuleOf, wordsOf } from "../../policy/inventory/place-rules";
import {
  arnInputPaths,
  arnInputsFile,
  documentPaths,
  documentsFile,
  type Inventory,
  inventoryDrift,
  inventoryFile,
  parseInventory,
  readInventory,
  readPackage,
  rulesDigest,
  serializeInventory,
} from "../../policy/inventory/sdk";
import { classesDocument, classesFile, classifyInventory, reviews } from "../../policy/review";
import { listedTypes } from "../../policy/review/listed";
import { type ClassesDocument, listedClasses } from "../../policy/review/model";
import { reviewedTypes } from "../../policy/reviewed";

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

/** Where two lists of the pack differ: each type whose class or reason is not the same. */
function listDrift(committed: ClassesDocument, current: ClassesDocument): string[] {
  const before = listedTypes(committed);
  const after = listedTypes(current);
  const out: string[] = [];
  for (const type of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const [b, a] = [before.get(type), after.get(type)];
    const text = (e?: { class: string; reason: string }) =>
      e ? `${e.class} (${e.reason})` : "reviewed or flow-modelled, or not a type";
    if (text(b) !== text(a)) {
      out.push(`${type}: ${text(b)} → ${text(a)}`);
    }
  }
  if (JSON.stringify(committed.sdks) !== JSON.stringify(current.sdks)) {
    out.push(`sdks: ${JSON.stringify(committed.sdks)} → ${JSON.stringify(current.sdks)}`);
  }
  return out;
}

/** The list `file` holds, as `npm run inventory` writes it from the committed inventory. */
function expectCommitted(file: string, computed: Record<string, string[]>): void {
  const committed = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
  expect({ [file]: committed, fix: "run `npm run inventory`" }).toEqual({
    [file]: computed,
    fix: "run `npm run inventory`",
  });
}

test("the policy-document properties the pack reads are those of the committed inventory", () => {
  const inventory = parseInventory(fs.readFileSync(inventoryFile, "utf8"));
  expectCommitted(documentsFile, documentPaths(inventory));
  // What the partition rule depends on: the documents IAM evaluates are among them.
  expect(documentPaths(inventory)["aws:iam/role:Role"]).toEqual([
    "assumeRolePolicy",
    "inlinePolicies[].policy",
  ]);
  expect(documentPaths(inventory)["aws:lambda/function:Function"]).toBeUndefined();
});

test("the ARN inputs the pack reads are those of the committed inventory", () => {
  const inventory = parseInventory(fs.readFileSync(inventoryFile, "utf8"));
  expectCommitted(arnInputsFile, arnInputPaths(inventory));
  expect(arnInputPaths(inventory)["aws:iot/topicRule:TopicRule"]).toEqual(
    expect.arrayContaining(["lambdas[].functionArn", "sns[].targetArn"]),
  );
  // The resource's own ARN is an output, not an input.
  expect(arnInputPaths(inventory)["aws:s3/bucketV2:BucketV2"]).toBeUndefined();
});

describe("the pack's list of classes", () => {
  const inventory = parseInventory(fs.readFileSync(inventoryFile, "utf8"));
  const committed = JSON.parse(fs.readFileSync(classesFile, "utf8")) as ClassesDocument;
  const classes = classifyInventory(inventory);

  test("is the classification of the committed inventory by the current reviews", () => {
    expect({
      stale: listDrift(committed, classesDocument(inventory, classes)),
      fix: "run `npm run inventory`",
    }).toEqual({ stale: [], fix: "run `npm run inventory`" });
  });

  test("holds every type once: the pack knows the reviewed and flow-modelled ones without it", () => {
    const listed = listedTypes(committed);
    const count = (doc: ClassesDocument) =>
      listedClasses.flatMap((c) => Object.values(doc.classes[c])).flat().length;
    // No type is listed twice, under two classes or two reasons.
    expect(count(committed)).toBe(listed.size);
    for (const provider of Object.keys(inventory.sdks)) {
      const types = Object.keys(inventory.types).filter((t) => t.startsWith(`${provider}:`));
      const known = types.filter((t) => reviewedTypes.has(t));
      const inList = types.filter((t) => listed.has(t));
      expect({ provider, total: known.length + inList.length }).toEqual({
        provider,
        total: types.length,
      });
    }
    expect([...listed.keys()].filter((t) => reviewedTypes.has(t))).toEqual([]);
    expect([...listed.keys()].filter((t) => !(t in inventory.types))).toEqual([]);
  });

  test("gives every class a reason a reviewer can read", () => {
    const empty = (r: string) => r.trim() === "";
    for (const cls of listedClasses) {
      expect(Object.keys(committed.classes[cls]).filter(empty)).toEqual([]);
    }
    expect([...classes].filter(([, c]) => empty(c.reason)).map(([t]) => t)).toEqual([]);
    for (const [provider, review] of Object.entries(reviews)) {
      const blank = [
        ...review.properties.filter((p) => empty(p.reason)).map((p) => `property ${p.path}`),
        ...review.types.filter((t) => empty(t.reason)).map((t) => `types ${t.types.join(", ")}`),
        ...review.reviewFirst.filter((r) => empty(r.reason)).map((r) => `prefix ${r.prefix}`),
      ];
      expect({ provider, blank }).toEqual({ provider, blank: [] });
    }
  });
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

  test("a new type comes out unclassified, failing closed with what no check reads", () => {
    plantSdk(dir, "aws", "1.0.0");
    const inv: Inventory = { sdks: { aws: "1.0.0" }, types: readPackage(dir, "aws") };
    const doc = classesDocument(inv);
    // The region is placed by arn-locality; the report URL and the peer account by nothing.
    expect(doc).toEqual({
      sdks: { aws: "1.0.0" },
      classes: {
        regional: {},
        inert: {},
        exception: {},
        unclassified: {
          "no check reads reportUrl, rules[].peerAccountId": ["aws:widgets/widget:Widget"],
        },
      },
    });
    // Against the committed list, the drift test names it.
    expect(
      listDrift({ sdks: { aws: "1.0.0" }, classes: { ...doc.classes, unclassified: {} } }, doc),
    ).toEqual([
      "aws:widgets/widget:Widget: reviewed or flow-modelled, or not a type → unclassified (no check reads reportUrl, rules[].peerAccountId)",
    ]);
  });

  test("the committed form reads back as written", () => {
    plantSdk(dir, "aws", "1.0.0");
    const inv: Inventory = { sdks: { aws: "1.0.0" }, types: readPackage(dir, "aws") };
    expect(parseInventory(serializeInventory(inv, "abc"))).toEqual({ ...inv, rules: "abc" });
    const owned: Inventory = {
      ...inv,
      types: { "aws:widgets/widget:Widget": { inputs: [], places: {}, ownArn: "widgetArn" } },
    };
    expect(parseInventory(serializeInventory(owned, "abc"))).toEqual({ ...owned, rules: "abc" });
  });

  // Programs write resource policies from such an output (`accessGrantsInstanceArn`); the engine
  // reports the resource's ARN there (engine/synth.ts).
  test("names the outputs a class reports its own ARN and account by, unless they are inputs", () => {
    plantSdk(dir, "aws", "1.0.0");
    const dts = path.join(dir, "node_modules", "@pulumi", "aws", "widgets", "widget.d.ts");
    const declared = fs.readFileSync(dts, "utf8");
    fs.writeFileSync(
      dts,
      `${declared}export declare class Widget extends pulumi.CustomResource {\n    readonly widgetArn: pulumi.Output<string>;\n    readonly ownerId: pulumi.Output<string>;\n}\n`,
    );
    expect(readPackage(dir, "aws")["aws:widgets/widget:Widget"]).toMatchObject({
      ownArn: "widgetArn",
      ownAccount: "ownerId",
    });
    plantSdk(dir, "aws", "1.0.0", "    widgetArn?: pulumi.Input<string | undefined>;");
    fs.appendFileSync(dts, "    readonly widgetArn: pulumi.Output<string>;\n");
    expect(readPackage(dir, "aws")["aws:widgets/widget:Widget"].ownArn).toBeUndefined();
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
    // Found on the provider's examples: an ARMS robot's webhook, a camera group's status callback.
    ["robotAddr", "alicloud", "endpoint"],
    ["callback", "alicloud", "endpoint"],
    // A SchedulerX job contact's DingTalk robot.
    ["ding", "alicloud", "endpoint"],
    // Numbers alarms are texted to: a DTS job's, a firewall contact's, a log alert's.
    ["errorPhone", "alicloud", "endpoint"],
    ["mobilePhone", "alicloud", "endpoint"],
    ["mobileLists", "alicloud", "endpoint"],
    ["phoneNumber", "aws", "endpoint"],
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
    ["callbackTypes", "alicloud"],
  ])("%s of %s names no place", (name, provider) => {
    expect(placeRuleOf(name, provider)).toBeUndefined();
  });
});
