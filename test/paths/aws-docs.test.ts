/**
 * AWS programs that chain one resource's outputs into another, as the provider docs' examples
 * do: the offline engine must report the outputs a provider would (a DMS endpoint's ARN, a
 * database's address) so that a reference to a resource of the program is placed where that
 * resource lives, instead of reading as a value not known before deployment.
 */
import type { Plan } from "../../engine/plan";
import { synthesizeState } from "../../engine/synth";
import { unknownValue } from "../../engine/wire";
import { add, fixturePlan, named, pipe } from "../helpers/policy-plan";
import { type Finding, findings, policyPack } from "../helpers/policy-session";

const beijing = { region: "cn-north-1" };

const stateOf = (
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  providerProps = beijing,
) => synthesizeState({ type, name, inputs, providerProps }).state;

describe("outputs the engine reports for DMS and RDS", () => {
  it.each([
    ["aws:dms/endpoint:Endpoint", "endpointArn", "endpoint"],
    ["aws:dms/s3Endpoint:S3Endpoint", "endpointArn", "endpoint"],
    ["aws:dms/replicationInstance:ReplicationInstance", "replicationInstanceArn", "rep"],
    ["aws:dms/replicationTask:ReplicationTask", "replicationTaskArn", "task"],
  ])("gives a %s its %s in DMS's ARN form, in its region", (type, output, kind) => {
    expect(stateOf(type, "copy", {})[output]).toMatch(
      new RegExp(`^arn:aws-cn:dms:cn-north-1:000000000000:${kind}:[0-9A-F]{7}$`),
    );
  });

  it("names an instance's address after its identifier, region and partition", () => {
    const s = stateOf("aws:rds/instance:Instance", "orders", {
      identifier: "Orders-DB",
      engine: "postgres",
    });
    expect(s.address).toMatch(/^orders-db\.[0-9a-f]{7}\.cn-north-1\.rds\.amazonaws\.com\.cn$/);
    expect(s.endpoint).toBe(`${String(s.address)}:5432`);
    expect(s.port).toBe(5432);
  });

  it("keeps the port the program sets, and gives no endpoint for an engine of unknown port", () => {
    const set = stateOf("aws:rds/instance:Instance", "orders", { engine: "mysql", port: 3307 });
    expect(set.endpoint).toBe(`${String(set.address)}:3307`);
    const db2 = stateOf("aws:rds/instance:Instance", "orders", { engine: "db2-se" });
    expect(db2.address).toMatch(/^orders-[0-9a-f]{7}\.[0-9a-f]{7}\.cn-north-1\./);
    expect(db2.endpoint).toBeUndefined();
  });

  it("names an Aurora cluster's writer and reader endpoints", () => {
    const s = stateOf(
      "aws:rds/cluster:Cluster",
      "orders",
      { clusterIdentifier: "orders" },
      { region: "us-west-2" },
    );
    expect(s.endpoint).toMatch(/^orders\.cluster-[0-9a-f]{7}\.us-west-2\.rds\.amazonaws\.com$/);
    expect(s.readerEndpoint).toMatch(
      /^orders\.cluster-ro-[0-9a-f]{7}\.us-west-2\.rds\.amazonaws\.com$/,
    );
  });

  it("leaves them unknown where no one can know the region before the deployment", () => {
    expect(stateOf("aws:dms/endpoint:Endpoint", "copy", {}, {} as typeof beijing).endpointArn).toBe(
      unknownValue,
    );
    expect(stateOf("aws:rds/instance:Instance", "orders", {}, {} as typeof beijing).address).toBe(
      unknownValue,
    );
  });
});

describe("a DMS task between two databases of the program (test/fixtures/aws-dms-chain)", () => {
  const pack = policyPack();
  let inside: Plan;
  let abroad: Plan;
  beforeAll(async () => {
    [inside, abroad] = await Promise.all([
      fixturePlan("aws-dms-chain", "cn"),
      fixturePlan("aws-dms-chain", "abroad"),
    ]);
  });

  const mandatory = async (plan: Plan): Promise<Finding[]> =>
    findings(await pack.check(plan, { jurisdiction: "CN" })).filter((f) => f[2] === "mandatory");

  it("is sealed when both databases are in the stack's region", async () => {
    expect(await pack.check(inside, { jurisdiction: "CN" })).toEqual([]);
  });

  it("fails at the endpoint whose database lives abroad, naming its address", async () => {
    const target = abroad.resources.find(
      (r) => r.type === "aws:rds/instance:Instance" && r.name === "copy",
    );
    const address = String(target?.outputs.address);
    expect(address).toMatch(/\.us-west-2\.rds\.amazonaws\.com$/);
    expect(await mandatory(abroad)).toEqual([
      [
        "data-transfer-jobs",
        "target",
        "mandatory",
        ["cn-north-1 (inside CN)", 'dms endpoint "target"', `${address} (outside CN, in US)`],
      ],
      [
        "resource-placement",
        "copy",
        "mandatory",
        ['rds instance "copy"', "us-west-2 (outside CN, in US)"],
      ],
      [
        "resource-placement",
        "target",
        "mandatory",
        ['aws provider "target"', "us-west-2 (outside CN, in US)"],
      ],
    ]);
  });
});

describe("a Global Accelerator on a provider of the China partition, and its flow logs", () => {
  const pack = policyPack();
  let sealed: Plan;
  beforeAll(async () => {
    sealed = await fixturePlan("aws-dms-chain", "cn");
  });

  const accelerator = (type: string, attributes: Record<string, unknown>) =>
    add(`aws:globalaccelerator/${type}`, "edge", {
      name: "edge",
      ipAddressType: "IPV4",
      enabled: true,
      attributes,
    });
  const standard = "accelerator:Accelerator";
  const customRouting = "customRoutingAccelerator:CustomRoutingAccelerator";
  /** The bucket "records-flow-logs", encrypted with the program's key. */
  const logBucket =
    (region?: string) =>
    (plan: Plan): Plan =>
      pipe(
        add("aws:s3/bucket:Bucket", "flow-logs", {
          bucket: "records-flow-logs",
          ...(region === undefined ? {} : { region }),
        }),
        add(
          "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
          "flow-logs",
          {
            bucket: "records-flow-logs",
            ...(region === undefined ? {} : { region }),
            rules: [
              {
                applyServerSideEncryptionByDefault: {
                  sseAlgorithm: "aws:kms",
                  kmsMasterKeyId: named(plan, "records").outputs.arn,
                },
              },
            ],
          },
        ),
      )(plan);
  const flowLogsTo = (bucket: string) => ({
    flowLogsEnabled: true,
    flowLogsS3Bucket: bucket,
    flowLogsS3Prefix: "flow-logs/",
  });
  const edge = 'globalaccelerator accelerator "edge"';

  /** The findings on the accelerator, but the accelerator's own edge (checked once below). */
  const flowLogFindings = async (plan: Plan) =>
    findings(await pack.check(plan, { jurisdiction: "CN" })).filter(
      ([policy, r]) => r === "edge" && policy !== "global-services",
    );

  it("is global-services' itself: Global Accelerator is not offered in the China partition, whose provider does not confine it", async () => {
    expect(
      findings(await pack.check(accelerator(standard, {})(sealed), { jurisdiction: "CN" })).filter(
        ([policy]) => policy === "global-services",
      ),
    ).toEqual([
      [
        "global-services",
        "edge",
        "mandatory",
        [edge, "Global Accelerator edge locations outside the jurisdiction"],
      ],
    ]);
  });

  it("fails flow logs delivered to a bucket the program does not create, and passes them to one of the program's in the stack's region", async () => {
    expect(
      await flowLogFindings(accelerator(standard, flowLogsTo("partner-flow-logs"))(sealed)),
    ).toEqual([
      [
        "named-destinations",
        "edge",
        "mandatory",
        ["a global service", edge, '"partner-flow-logs" (cannot be placed)'],
      ],
    ]);
    expect(
      await flowLogFindings(
        pipe(logBucket(), accelerator(standard, flowLogsTo("records-flow-logs")))(sealed),
      ),
    ).toEqual([]);
  });

  it("reads a custom routing accelerator's flow logs only while they are on", async () => {
    expect(
      await flowLogFindings(accelerator(customRouting, flowLogsTo("partner-flow-logs"))(sealed)),
    ).toEqual([
      [
        "named-destinations",
        "edge",
        "mandatory",
        [
          "a global service",
          'globalaccelerator custom routing accelerator "edge"',
          '"partner-flow-logs" (cannot be placed)',
        ],
      ],
    ]);
    expect(
      await flowLogFindings(
        accelerator(customRouting, { ...flowLogsTo("partner-flow-logs"), flowLogsEnabled: false })(
          sealed,
        ),
      ),
    ).toEqual([]);
  });

  it("reports flow logs delivered to a bucket of the program abroad as a path out", async () => {
    const plan = pipe(
      logBucket("us-west-2"),
      accelerator(standard, flowLogsTo("records-flow-logs")),
    )(sealed);
    expect(await flowLogFindings(plan)).toEqual([
      [
        "named-destinations",
        "edge",
        "mandatory",
        ["a global service", edge, 's3 bucket "flow-logs" in us-west-2 (outside CN, in US)'],
      ],
    ]);
  });
});
