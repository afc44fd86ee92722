/**
 * Pulumi YAML programs (`runtime: yaml`) evaluated offline as the YAML language host runs them:
 * short type tokens canonicalised, `${…}` references to config, variables and resources' outputs,
 * the built-ins, resource options and a provider declared the default of its package; a template
 * in Main.json with capitalised keys; and what the engine does not evaluate refused by name.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Plan, RecordedResource } from "../../engine/plan";
import { UsageError } from "../../engine/project";
import {
  canonicalFunction,
  canonicalType,
  parseAccess,
  splitInterpolation,
} from "../../engine/pulumi-yaml";
import { readInventoryFile } from "../../policy/inventory/sdk";
import { evaluateMany } from "../helpers/worker";

const dir = (name: string) => path.resolve(__dirname, "..", "fixtures", "yaml", name);

/** Templates with a mistake, and what the failure says. */
const mistaken: ReadonlyArray<readonly [string, string]> = [
  [
    "misspelt-field.yaml",
    'resources.records: "propertes" is not one of "type", "properties", "options", "get", "name", "defaultProvider"',
  ],
  [
    "misspelt-section.yaml",
    'misspelt-section.yaml: "resource" is not one of "configuration", "config", "variables", "resources", "outputs"',
  ],
  ["cycle.yaml", "a cycle of references: first → second → first"],
  [
    "unknown-reference.yaml",
    "resources.records.properties.bucket: ${bucketName} names no config, variable or resource of the program",
  ],
  ["config-type.yaml", 'config retention: "ninety" is not of type integer'],
  ["untyped-resource.yaml", "resources.records has no type"],
  [
    "list-of-resources.yaml",
    "the output arn of a resource is read where the engine cannot follow it",
  ],
];

let sealed: Plan;
let abroad: Plan;
let broken: Plan | Error;
let missingConfig: Plan | Error;
let notYaml: Plan | Error;
let properties: Plan;
let lateProperties: Plan | Error;
let builtins: Plan;
let kubernetes: Plan;
let mistakes: (Plan | Error)[];
beforeAll(async () => {
  const results = await evaluateMany([
    { projectDir: dir("sealed"), stack: "cn" },
    { projectDir: dir("abroad"), stack: "cn" },
    { projectDir: dir("broken"), stack: "cn" },
    // retentionDays has no default: a stack without it cannot run the program.
    { projectDir: dir("sealed"), stack: "nodays" },
    // A YAML file given as the program of a Node.js project.
    {
      projectDir: path.resolve(__dirname, "..", "fixtures", "engine"),
      stack: "dev",
      program: path.join(dir("sealed"), "Pulumi.yaml"),
    },
    { projectDir: dir("properties"), stack: "cn" },
    { projectDir: dir("late-properties"), stack: "cn" },
    { projectDir: dir("builtins"), stack: "cn" },
    { projectDir: dir("kubernetes"), stack: "cn" },
    ...mistaken.map(([file]) => ({
      projectDir: dir("errors"),
      stack: "cn",
      program: path.join(dir("errors"), file),
    })),
  ]);
  [sealed, abroad] = results as Plan[];
  [, , broken, missingConfig, notYaml] = results;
  properties = results[5] as Plan;
  lateProperties = results[6];
  builtins = results[7] as Plan;
  kubernetes = results[8] as Plan;
  mistakes = results.slice(9);
});

const byName = (plan: Plan, name: string): RecordedResource => {
  const r = plan.resources.find((x) => x.name === name);
  if (r === undefined) {
    throw new Error(`no resource ${name} in ${plan.resources.map((x) => x.name).join(", ")}`);
  }
  return r;
};

describe("a YAML program's resources", () => {
  test("are registered under the canonical tokens of the types it writes short", () => {
    expect(sealed.resources.map((r) => [r.type, r.name])).toEqual([
      ["pulumi:pulumi:Stack", "yaml-records-cn"],
      ["pulumi:providers:aws", "beijing"],
      ["aws:kms/key:Key", "key"],
      ["aws:s3/bucketV2:BucketV2", "records"],
      [
        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
        "recordsEncryption",
      ],
      ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "recordsAccess"],
    ]);
  });

  test("take the provider declared the default of their package, and their options", () => {
    const beijing = byName(sealed, "beijing");
    expect(beijing.inputs.region).toBe("cn-north-1");
    for (const name of ["key", "records", "recordsEncryption", "recordsAccess"]) {
      expect(byName(sealed, name).provider).toBe(beijing.urn);
    }
    expect(byName(sealed, "records").protect).toBe(true);
    expect(byName(sealed, "recordsAccess").protect).toBe(false);
  });

  test("read config by its declared type, variables, built-ins and other resources' outputs", () => {
    expect(byName(sealed, "records").inputs).toMatchObject({
      bucket: "yaml-records-prod-records",
      tags: { retention: "90 days" },
    });
    const key = byName(sealed, "key");
    expect(byName(sealed, "recordsEncryption").inputs.rules).toEqual([
      {
        applyServerSideEncryptionByDefault: {
          sseAlgorithm: "aws:kms",
          kmsMasterKeyId: key.outputs.arn,
        },
        bucketKeyEnabled: true,
      },
    ]);
    expect(String(key.outputs.arn)).toMatch(/^arn:aws-cn:kms:cn-north-1:111122223333:key\//);
    // A resource given whole is a reference to it, as the SDK sends it (the ID for a string input).
    const records = byName(sealed, "records");
    expect(byName(sealed, "recordsAccess").inputs.bucket).toMatchObject({
      id: records.id,
      urn: records.urn,
    });
    expect(sealed.outputs).toEqual({
      bucket: "yaml-records-prod-records",
      keyArn: key.outputs.arn,
      firstRule: "aws:kms",
      summary: JSON.stringify({ prefix: "yaml-records-prod", days: 90 }),
    });
  });

  test("in a JSON template with capitalised keys, options included", () => {
    const archive = byName(abroad, "archive");
    const frankfurt = byName(abroad, "frankfurt");
    expect(archive).toMatchObject({ type: "aws:s3/bucketV2:BucketV2", protect: true });
    expect(archive.provider).toBe(frankfurt.urn);
    expect(frankfurt.inputs.region).toBe("eu-central-1");
    expect(abroad.program).toBe("Main.json");
  });
});

test("properties given whole by a structured config value", () => {
  expect(byName(properties, "logs").inputs).toEqual({
    bucket: "records-logs",
    forceDestroy: false,
  });
});

test("the built-ins, config types and options compute what the YAML host computes", () => {
  const note = fs.readFileSync(path.join(dir("builtins"), "note.txt"));
  expect(builtins.outputs).toEqual({
    first: "cn-north-1a",
    count: 2,
    // Read by the key its declaration names (`name: feature.enabled`), as a boolean.
    enabled: true,
    words: 3,
    single: "only",
    encoded: Buffer.from("records").toString("base64"),
    decoded: "records",
    digest: crypto.createHash("sha1").update("records").digest("hex"),
    file: note.toString("utf8"),
    fileBase64: note.toString("base64"),
    fileSha256: crypto.createHash("sha256").update(note).digest("base64"),
    name: "logs",
    type: "aws:s3/bucketV2:BucketV2",
    account: "111122223333",
    escaped: "${not-a-reference}",
    // A resource in text stands for its ID.
    inText: `bucket ${String(byName(builtins, "logs").id)}`,
    aliasArn: byName(builtins, "logs").outputs.arn,
  });
  // Given providers, a type of a package the engine does not know is a component.
  expect(byName(builtins, "site")).toMatchObject({ type: "example:index:Site", remote: true });
});

test("a manifest of the Kubernetes provider's yaml/v2 component is rendered into its objects", () => {
  const group = byName(kubernetes, "apps");
  expect(group).toMatchObject({ type: "kubernetes:yaml/v2:ConfigGroup", remote: true });
  expect(byName(kubernetes, "apps:default/web")).toMatchObject({
    type: "kubernetes:core/v1:Service",
    parent: group.urn,
    inputs: { spec: { type: "LoadBalancer", ports: [{ port: 80 }] } },
  });
});

test.each(mistaken.map(([file, message], i) => [file, message, i] as const))(
  "a template with a mistake (%s) fails, saying what and where",
  (_file, message, i) => {
    expect(mistakes[i]).toBeInstanceOf(Error);
    expect((mistakes[i] as Error).message).toContain(message);
  },
);

describe("what the engine does not evaluate", () => {
  test.each([
    [
      "properties taken whole from an output not known until deployment fail the program",
      () => lateProperties,
      Error,
      'resources.second.properties: "${first.tags}" must be a map of property names to values known before deployment',
    ],
    [
      "a built-in it does not know fails the program, naming it and where it stands",
      () => broken,
      Error,
      "resources.records.properties.bucket.fn::templateFile: the built-in fn::templateFile is not one the engine evaluates offline",
    ],
    [
      "a config value without a default that the stack does not set fails the program",
      () => missingConfig,
      Error,
      "Missing required configuration variable 'yaml-records:retentionDays'",
    ],
    [
      "a YAML file is no program of a Node.js project",
      () => notYaml,
      UsageError,
      "a YAML or JSON file is a program only in a Pulumi YAML project (runtime: yaml)",
    ],
  ] as const)("%s", (_name, outcome, kind, message) => {
    expect(outcome()).toBeInstanceOf(kind);
    expect((outcome() as Error).message).toContain(message);
  });
});

describe("the YAML host's tokens and expressions", () => {
  test.each([
    ["aws:s3:BucketV2", "aws:s3/bucketV2:BucketV2"],
    ["aws:s3/bucketV2:BucketV2", "aws:s3/bucketV2:BucketV2"],
    ["kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:Deployment"],
    ["alicloud:oss:Bucket", "alicloud:oss/bucket:Bucket"],
    ["random:RandomPassword", "random:index/randomPassword:RandomPassword"],
    ["docker-build:Image", "docker-build:index:Image"],
    ["awsx:ec2:Vpc", "awsx:ec2:Vpc"],
    ["eks:Cluster", "eks:index:Cluster"],
    ["synced-folder:index:S3BucketFolder", "synced-folder:index:S3BucketFolder"],
    ["aws-native:s3:Bucket", "aws-native:s3:Bucket"],
    ["pulumi:providers:aws", "pulumi:providers:aws"],
    ["pulumi:pulumi:StackReference", "pulumi:pulumi:StackReference"],
  ])("type %s is %s", (written, canonical) => {
    expect(canonicalType(written)).toBe(canonical);
  });

  test("every inventoried type resolves from the short form the YAML host accepts", () => {
    const types = Object.keys(readInventoryFile().types);
    const short = types.flatMap((t) => {
      const m = /^([^:]+):([^:/]+)\/([^:]+):([^:]+)$/.exec(t);
      return m !== null && m[3] === m[4].charAt(0).toLowerCase() + m[4].slice(1)
        ? [[t, m[2] === "index" ? `${m[1]}:${m[4]}` : `${m[1]}:${m[2]}:${m[4]}`]]
        : [];
    });
    expect(short.length).toBeGreaterThan(2900);
    expect(short.filter(([t, s]) => canonicalType(s) !== t)).toEqual([]);
  });

  test.each([
    ["aws:getAmi", "aws:index/getAmi:getAmi"],
    ["aws:ec2:getVpc", "aws:ec2/getVpc:getVpc"],
    ["aws:ec2/getVpc:getVpc", "aws:ec2/getVpc:getVpc"],
    ["aws-native:s3:getBucket", "aws-native:s3:getBucket"],
    ["aws-native:getAccountId", "aws-native:index:getAccountId"],
    // The std provider's functions, as its schema names them.
    ["std:format", "std:index:format"],
    ["std:index:format", "std:index:format"],
  ])("function %s is %s", (written, canonical) => {
    expect(canonicalFunction(written)).toBe(canonical);
  });

  test("a reference's root is the longest name the program declares; accessors follow", () => {
    const known = (n: string) => ["index.html", "bucket", "my-bucket"].includes(n);
    expect(parseAccess("index.html.id", known)).toEqual({
      root: "index.html",
      path: [{ name: "id" }],
    });
    expect(parseAccess('my-bucket.rules[0]["sse-algorithm"]', known)).toEqual({
      root: "my-bucket",
      path: [{ name: "rules" }, { index: 0 }, { name: "sse-algorithm" }],
    });
    expect(parseAccess('["index.html"].arn', known)).toEqual({
      root: "index.html",
      path: [{ name: "arn" }],
    });
    expect(() => parseAccess("bucket.rules[x]", known)).toThrow('cannot read "[x]"');
  });

  test("a string splits into text and references; $${ is a literal ${", () => {
    expect(splitInterpolation("http://${site.endpoint}/${path}")).toEqual([
      "http://",
      { ref: "site.endpoint" },
      "/",
      { ref: "path" },
    ]);
    expect(splitInterpolation("$${literal}")).toEqual(["${literal}"]);
    expect(splitInterpolation("")).toEqual([""]);
    expect(() => splitInterpolation("${open")).toThrow("without its closing }");
  });
});
