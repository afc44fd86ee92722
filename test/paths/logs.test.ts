/**
 * The logs table's rows that read their inputs with code of their own (`judged` fields) or judge
 * each value by the object holding it (`where`): log-shipping reports what the reading finds,
 * and the graph draws the same edge, tagged with log-shipping, so the stack's path through it is
 * explained there and `no-path` does not report it again. Each case has its twin that stays
 * inside.
 */
import { analyzeWithGraph } from "../../policy/paths/analyze";
import { explainedBy } from "../../policy/paths/graph";
import { pathMessage } from "../../policy/paths/no-path";
import { oracleBorderResources, type OracleResource, runNamed } from "../helpers/model-oracle";
import { on } from "../helpers/model-oracle";

/** What the runtime turns into a value not known at preview. */
const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const provider = (cloud: "aws" | "alicloud", region: string): OracleResource => ({
  type: `pulumi:providers:${cloud}`,
  name: cloud,
  props: { region },
});

/** An account-level S3 Storage Lens configuration, its scope `include` (none: every region). */
const storageLens = (include?: unknown): OracleResource =>
  on("aws")("aws:s3control/storageLensConfiguration:StorageLensConfiguration", "lens", {
    configId: "lens",
    storageLensConfiguration: {
      enabled: true,
      accountLevel: { bucketLevel: {} },
      ...(include === undefined ? {} : { include }),
    },
  });

/** A trail of `region` delivering to a bucket of the stack, every region collected or not. */
function trailStack(region: string, multiRegion: unknown): OracleResource[] {
  const at = on("aws");
  return [
    provider("aws", region),
    at("aws:s3/bucket:Bucket", "audit-logs", { bucket: "audit-logs" }),
    at("aws:cloudtrail/trail:Trail", "audit", {
      s3BucketName: "audit-logs",
      isMultiRegionTrail: multiRegion,
    }),
  ];
}

/** The findings of log-shipping and no-path, and the paths with the policy that explains each. */
function judged(resources: readonly OracleResource[], jurisdiction: string) {
  const { graph, analysis } = analyzeWithGraph(oracleBorderResources(resources), jurisdiction, {});
  return {
    findings: runNamed(resources, { jurisdiction }).filter(
      ([p]) => p === "log-shipping" || p === "no-path-out-of-jurisdiction",
    ),
    paths: analysis.paths.map((p) => ({ hops: p.hops, explainedBy: explainedBy(p, graph) })),
  };
}

const everyRegion = "every region of the partition, including regions outside the jurisdiction";

describe("a CloudTrail trail's multi-Region switch, read against the jurisdiction", () => {
  // The trail gathers every region's events into its own: the path comes in (found by the
  // governance bench, whose reader took an outward path for the stack's data leaving).
  it("fails in a partition that spans other countries: log-shipping reports the regions it gathers from", () => {
    expect(judged(trailStack("us-west-2", true), "US")).toEqual({
      findings: [
        [
          "log-shipping",
          "audit",
          "mandatory",
          [everyRegion, 'cloudtrail trail "audit"', "us-west-2 (inside US)"],
        ],
      ],
      paths: [],
    });
  });

  it("passes switched off in the same partition", () => {
    expect(judged(trailStack("us-west-2", false), "US")).toEqual({ findings: [], paths: [] });
  });

  it("passes switched on in a partition confined to the jurisdiction (aws-cn under CN)", () => {
    expect(judged(trailStack("cn-north-1", true), "CN")).toEqual({ findings: [], paths: [] });
  });

  it("fails closed when the switch is not known at preview, naming what it depends on", () => {
    expect(judged(trailStack("us-west-2", unknown), "US")).toEqual({
      findings: [
        [
          "log-shipping",
          "audit",
          "mandatory",
          [
            "a setting it depends on (unknown at preview)",
            'cloudtrail trail "audit"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      paths: [],
    });
  });
});

// Found on the AWS provider's own examples: a Config aggregator over all regions failed under CN
// although in aws-cn every region is in China, where CloudTrail's switch already passed.
describe("aggregators over all regions, read against the jurisdiction's partition", () => {
  const at = on("aws");
  const aggregators = (region: string): OracleResource[] => [
    provider("aws", region),
    at("aws:cfg/configurationAggregator:ConfigurationAggregator", "config", {
      accountAggregationSource: { accountIds: ["111122223333"], allRegions: true },
    }),
    at("aws:securityhub/findingAggregator:FindingAggregator", "findings", {
      linkingMode: "ALL_REGIONS",
    }),
    // Found by the governance bench: a Storage Lens configuration without a scope gathers the
    // metrics of every region's buckets; an aggregator index copies every region's index.
    storageLens(),
    at("aws:resourceexplorer/index:Index", "index", { type: "AGGREGATOR" }),
  ];

  it("fail in a partition that spans other countries", () => {
    expect(
      runNamed(aggregators("us-west-2"), { jurisdiction: "US" }).filter(
        ([, , level]) => level === "mandatory",
      ),
    ).toEqual([
      [
        "log-shipping",
        "config",
        "mandatory",
        [everyRegion, 'cfg configuration aggregator "config"', "us-west-2 (inside US)"],
      ],
      [
        "log-shipping",
        "findings",
        "mandatory",
        [everyRegion, 'securityhub finding aggregator "findings"', "us-west-2 (inside US)"],
      ],
      [
        "log-shipping",
        "index",
        "mandatory",
        [everyRegion, 'resourceexplorer index "index"', "us-west-2 (inside US)"],
      ],
      [
        "storage-replication",
        "lens",
        "mandatory",
        [everyRegion, 's3control storage lens configuration "lens"', "us-west-2 (inside US)"],
      ],
    ]);
  });

  it("twin: a Storage Lens scope of regions inside, and a local index, pass", () => {
    const at = on("aws");
    expect(
      runNamed(
        [
          provider("aws", "us-west-2"),
          storageLens({ regions: ["us-west-2", "us-east-1"] }),
          at("aws:resourceexplorer/index:Index", "index", { type: "LOCAL" }),
        ],
        { jurisdiction: "US" },
      ).filter(([, , level]) => level === "mandatory"),
    ).toEqual([]);
    expect(
      runNamed(
        [provider("aws", "us-west-2"), storageLens({ regions: ["us-west-2", "eu-central-1"] })],
        { jurisdiction: "US" },
      ).map(([policy, name, , path]) => [policy, name, path?.[0]]),
    ).toEqual([["storage-replication", "lens", "eu-central-1 (outside US, in EU)"]]);
  });

  it("pass in a partition confined to the jurisdiction (aws-cn under CN)", () => {
    expect(judged(aggregators("cn-north-1"), "CN")).toEqual({ findings: [], paths: [] });
    expect(
      runNamed(aggregators("cn-north-1"), { jurisdiction: "CN" }).filter(
        ([, , level]) => level === "mandatory",
      ),
    ).toEqual([]);
  });
});

// Found by the governance bench: under ALL_REGIONS_EXCEPT_SPECIFIED the regions listed are those
// left out, which were read as aggregated — a China stack leaving out Singapore failed for it.
describe("a finding aggregator over every region but those listed", () => {
  const at = on("aws");
  const except = (region: string, left: string[]): OracleResource[] => [
    provider("aws", region),
    at("aws:securityhub/findingAggregator:FindingAggregator", "findings", {
      linkingMode: "ALL_REGIONS_EXCEPT_SPECIFIED",
      specifiedRegions: left,
    }),
  ];

  it("passes in a partition confined to the jurisdiction, whatever region it leaves out", () => {
    expect(judged(except("cn-north-1", ["ap-southeast-1"]), "CN")).toEqual({
      findings: [],
      paths: [],
    });
  });

  it("fails once, for every region of the partition, not for the region it leaves out", () => {
    expect(judged(except("us-west-2", ["eu-central-1"]), "US").findings).toEqual([
      [
        "log-shipping",
        "findings",
        "mandatory",
        [everyRegion, 'securityhub finding aggregator "findings"', "us-west-2 (inside US)"],
      ],
    ]);
  });

  it("twin: the regions listed under SPECIFIED_REGIONS are those aggregated", () => {
    expect(
      judged(
        [
          provider("aws", "us-west-2"),
          at("aws:securityhub/findingAggregator:FindingAggregator", "findings", {
            linkingMode: "SPECIFIED_REGIONS",
            specifiedRegions: ["eu-central-1"],
          }),
        ],
        "US",
      ).findings.map(([policy, name, , path]) => [policy, name, (path as string[])[0]]),
    ).toEqual([["log-shipping", "findings", "eu-central-1 (outside US, in EU)"]]);
  });
});

// Found by the governance bench: an inventory sync to a bucket the program does not create names
// the bucket's region beside it (the API requires it), which places the bucket.
describe("a resource data sync to a bucket the program does not create", () => {
  const at = on("aws");
  const sync = (region: string): OracleResource[] => [
    provider("aws", "us-west-2"),
    at("aws:ssm/resourceDataSync:ResourceDataSync", "inventory", {
      name: "inventory",
      s3Destination: { bucketName: "central-inventory", region },
    }),
  ];
  // Every policy's findings: a bucket that cannot be placed is named-destinations'.
  const places = (resources: OracleResource[]) =>
    runNamed(resources, { jurisdiction: "US" }).map(([policy, name, , path]) => [
      policy,
      name,
      path === null ? null : path.at(-1),
    ]);

  it("passes when the region it names beside the bucket is inside", () => {
    expect(places(sync("us-west-2"))).toEqual([]);
  });

  it("fails once when that region is outside", () => {
    expect(places(sync("eu-central-1"))).toEqual([
      ["log-shipping", "inventory", "eu-central-1 (outside US, in EU)"],
    ]);
  });

  it("fails closed when the region is not known at preview", () => {
    expect(places(sync(unknown))).toEqual([
      ["named-destinations", "inventory", expect.stringContaining("central-inventory")],
    ]);
  });
});

describe("an EventBridge rule's targets, each judged by its own type (`where`)", () => {
  const rule = (type: string, endpoint: string): OracleResource[] => [
    provider("alicloud", "cn-shanghai"),
    on("alicloud")("alicloud:eventbridge/rule:Rule", "rule", {
      eventBusName: "bus",
      targets: [{ type, endpoint }],
    }),
  ];

  it("fails when an HTTP target's URL is outside the cloud", () => {
    expect(judged(rule("http", "https://hooks.example.com/in"), "CN").findings).toEqual([
      [
        "log-shipping",
        "rule",
        "mandatory",
        [
          "cn-shanghai (inside CN)",
          'eventbridge rule "rule"',
          '"https://hooks.example.com/in" (cannot be placed)',
        ],
      ],
    ]);
  });

  it("passes the same value on a target whose endpoint is a cloud resource's ARN", () => {
    expect(judged(rule("acs.mns.queue", "https://hooks.example.com/in"), "CN").findings).toEqual(
      [],
    );
  });
});

// Found on the bench of telemetry programs: a log vendor's cross-account destination in the
// stack's own region passed unreported, though the vendor's account can send the events anywhere.
describe("a log subscription to another account's destination in the stack's region", () => {
  const at = on("aws");
  const subscribed = (destinationArn: string, extra: OracleResource[] = []): OracleResource[] => [
    {
      type: "pulumi:providers:aws",
      name: "aws",
      props: { region: "us-west-2", allowedAccountIds: ["111122223333"] },
    },
    at("aws:cloudwatch/logGroup:LogGroup", "app-logs", { name: "app-logs" }),
    ...extra,
    {
      ...at("aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter", "vendor", {
        logGroup: "app-logs",
        filterPattern: "",
        destinationArn,
      }),
      deps: {
        logGroup: ["app-logs"],
        ...(extra.length > 0 ? { destinationArn: [extra[0].name] } : {}),
      },
    },
  ];

  it("fails: the graph draws the delivery to that account, whose place cannot be known", () => {
    const { analysis } = analyzeWithGraph(
      oracleBorderResources(
        subscribed("arn:aws:logs:us-west-2:999988887777:destination:vendor-intake"),
      ),
      "US",
      {},
    );
    expect(analysis.paths.map((p) => pathMessage(p, "US"))).toEqual([
      expect.stringContaining(
        "The far end is another account's, whose holder can send the data anywhere, and what cannot be placed fails closed: deliver to a resource of the stack's own account (if that account is the stack's own, declare it as sovereign-dc:accountId, or pin the provider's allowedAccountIds).",
      ),
    ]);
    expect(
      judged(subscribed("arn:aws:logs:us-west-2:999988887777:destination:vendor-intake"), "US")
        .findings,
    ).toEqual([
      [
        "no-path-out-of-jurisdiction",
        "app-logs",
        "mandatory",
        [
          'cloudwatch log group "app-logs"',
          'log delivery "vendor"',
          "aws account 999988887777 (another account, location unknown)",
        ],
      ],
    ]);
  });

  it("twin: a destination of the stack's own account, or a stream of the program, passes", () => {
    expect(
      judged(subscribed("arn:aws:logs:us-west-2:111122223333:destination:central"), "US").findings,
    ).toEqual([]);
    // The program's own stream, whatever account its ARN shows (here the offline engine's
    // stand-in, as where no account is pinned): the stream is placed, not the account.
    const stream = at("aws:kinesis/stream:Stream", "errors", {
      name: "errors",
      arn: "arn:aws:kinesis:us-west-2:123456789012:stream/errors",
    });
    expect(
      judged(subscribed("arn:aws:kinesis:us-west-2:123456789012:stream/errors", [stream]), "US")
        .findings,
    ).toEqual([]);
  });
});

// A scope not known at preview decides nothing: the configuration is undecided, never passed —
// and each policy that reads the value says so once, not once for each field that reads through
// it (the scope's regions, its buckets, the every-region reading).
test("a Storage Lens scope not known at preview fails closed, once for each policy that reads it", () => {
  const undecided = (lens: OracleResource) =>
    runNamed([provider("aws", "us-west-2"), lens], { jurisdiction: "US" }).map(
      ([policy, name, , path]) => [policy, name, path?.find((h) => h.includes("unknown"))],
    );
  expect(undecided(storageLens(unknown))).toEqual([
    ["named-destinations", "lens", "storageLensConfiguration.include (unknown at preview)"],
    ["storage-replication", "lens", "storageLensConfiguration.include (unknown at preview)"],
  ]);
  // The whole configuration not known: its scope and its export, one value.
  expect(
    undecided(
      on("aws")("aws:s3control/storageLensConfiguration:StorageLensConfiguration", "lens", {
        configId: "lens",
        storageLensConfiguration: unknown,
      }),
    ),
  ).toEqual([
    ["named-destinations", "lens", "storageLensConfiguration (unknown at preview)"],
    ["storage-replication", "lens", "storageLensConfiguration (unknown at preview)"],
  ]);
});

// Found by the benches' rerun: a scope of buckets was taken for a scope and never read.
test("a Storage Lens scope of buckets is read bucket by bucket: the program's own inside passes, one it does not create fails closed", () => {
  const at = on("aws");
  const lens = (buckets: string[]) =>
    runNamed(
      [
        provider("aws", "us-west-2"),
        at("aws:s3/bucketV2:BucketV2", "records", { bucket: "records" }),
        storageLens({ buckets }),
      ],
      { jurisdiction: "US" },
    )
      .filter(([, name, level]) => name === "lens" && level === "mandatory")
      .map(([policy, , , path]) => [policy, path?.[0]]);
  expect(lens(["arn:aws:s3:::records"])).toEqual([]);
  expect(lens(["arn:aws:s3:::partner-exports"])).toEqual([
    ["named-destinations", '"arn:aws:s3:::partner-exports" (cannot be placed)'],
  ]);
});
