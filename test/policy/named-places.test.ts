/**
 * arn-locality as the generic reader of every place a resource's inputs name: besides ARNs, a
 * region ID, an availability zone, a cloud service endpoint or a registry host held by a property
 * whose name the place rules (policy/inventory/place-rules.ts) mark as naming one. Each case
 * names a place abroad on the Oregon (US) or Shanghai (CN) happy path and expects exactly the
 * findings that follow, each mandatory and with its whole path; its twin names a place inside and
 * passes every policy.
 * Values that name no place — a DNS zone ID, a description, a tag, `global`, a policy
 * condition — must not fire, nor values another policy already reads (a flow model's own reader,
 * the Kubernetes policies).
 */
import { ensInstance } from "../helpers/ens-instance";
import type { Plan } from "../../engine/plan";
import { add, addProvider, fixturePlan, named, pipe, set, unknown } from "../helpers/policy-plan";
import {
  type CheckOptions,
  oregonSettings,
  policyPack,
  runCases,
  shanghaiSettings,
  summary,
} from "../helpers/policy-session";

type Props = Record<string, unknown>;

const account = "111122223333";

/** The Oregon settings, with the types these cases add that the pack's list does not review. */
const us: CheckOptions = {
  ...oregonSettings,
  policies: {
    "reviewed-resource-types": { allowTypes: ["aws:ecs/taskDefinition:TaskDefinition"] },
  },
};
const cn: CheckOptions = {
  ...shanghaiSettings,
  policies: {
    "reviewed-resource-types": { allowTypes: ["alicloud:eci/containerGroup:ContainerGroup"] },
  },
};

const pack = policyPack();
let aws: Plan;
let ali: Plan;
beforeAll(async () => {
  [aws, ali] = await Promise.all([
    fixturePlan("policy-aws", "us"),
    fixturePlan("policy-alicloud", "cn"),
  ]);
});

/** An ECS task definition whose one container pulls `image` and logs to CloudWatch in `logs`. */
const taskDefinition = (image: string, logs: string) =>
  add("aws:ecs/taskDefinition:TaskDefinition", "exporter", {
    family: "exporter",
    requiresCompatibilities: ["FARGATE"],
    networkMode: "awsvpc",
    cpu: "256",
    memory: "512",
    containerDefinitions: JSON.stringify([
      {
        name: "exporter",
        image,
        essential: true,
        logConfiguration: {
          logDriver: "awslogs",
          options: {
            "awslogs-group": "/sdc/exporter",
            "awslogs-region": logs,
            "awslogs-stream-prefix": "exporter",
          },
        },
      },
    ]),
  });

/** A private hosted zone associated with a VPC of `region`. */
const privateZone = (region: unknown) =>
  add("aws:route53/zone:Zone", "internal", {
    name: "internal.example.com",
    vpcs: [{ vpcId: "vpc-0peer", vpcRegion: region }],
  });

/** An account-level S3 Storage Lens configuration with the region scope `scope`. */
const storageLens = (scope: Props) =>
  add("aws:s3control/storageLensConfiguration:StorageLensConfiguration", "lens", {
    configId: "records",
    storageLensConfiguration: {
      enabled: true,
      accountLevel: { bucketLevel: {} },
      ...scope,
    },
  });

/** A Deployment on the happy path's cluster running `image`. */
const deployment = (image: string) =>
  add(
    "kubernetes:apps/v1:Deployment",
    "exporter",
    {
      metadata: { namespace: "records", labels: { app: "exporter" } },
      spec: {
        selector: { matchLabels: { app: "exporter" } },
        template: {
          metadata: { labels: { app: "exporter" } },
          spec: { containers: [{ name: "exporter", image }] },
        },
      },
    },
    { provider: "kube" },
  );

/** A website configuration of the records bucket that redirects every request to `host`. */
const redirectAll = (host: string) =>
  add("aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration", "records-website", {
    bucket: "sdc-records",
    redirectAllRequestsTo: { hostName: host, protocol: "https" },
  });

const ecr = (region: string) => `${account}.dkr.ecr.${region}.amazonaws.com`;

/** An S3 directory bucket "express" in the zone `name` (`type` AvailabilityZone or LocalZone). */
const directoryBucket = (name: string, type: string) =>
  add("aws:s3/directoryBucket:DirectoryBucket", "express", {
    bucket: `sdc-express--${name}--x-s3`,
    location: { name, type },
    dataRedundancy: type === "LocalZone" ? "SingleLocalZone" : "SingleAvailabilityZone",
  });

describe("on AWS", () => {
  runCases(pack, () => aws, us, [
    {
      // A directory bucket stores its objects in the one zone its location names.
      name: "a directory bucket stores its objects in the Local Zone of Buenos Aires",
      bad: directoryBucket("use1-bue1-az1", "LocalZone"),
      expected: [
        [
          "arn-locality",
          "express",
          "mandatory",
          [
            's3 directory bucket "express"',
            "use1-bue1-az1 (an AWS Local Zone in Buenos Aires, AR: outside US)",
          ],
        ],
      ],
      twinName: "it stores them in the Local Zone of Los Angeles",
      twin: directoryBucket("usw2-lax1-az1", "LocalZone"),
    },
    {
      name: "a subnet names a zone in Ireland",
      bad: set("subnet", (p) => {
        p.availabilityZone = "eu-west-1a";
      }),
      expected: [
        [
          "arn-locality",
          "subnet",
          "mandatory",
          ['subnet "subnet"', "eu-west-1a (outside US, in EU)"],
        ],
      ],
      twinName: "the subnet names another zone of Oregon",
      twin: set("subnet", (p) => {
        p.availabilityZone = "us-west-2b";
      }),
    },
    {
      name: "a subnet names a zone ID in Ireland",
      bad: set("subnet", (p) => {
        delete p.availabilityZone;
        p.availabilityZoneId = "euw1-az1";
      }),
      expected: [
        [
          "arn-locality",
          "subnet",
          "mandatory",
          ['subnet "subnet"', "euw1-az1 in eu-west-1 (outside US, in EU)"],
        ],
      ],
      twinName: "the subnet names a zone ID of Oregon",
      twin: set("subnet", (p) => {
        delete p.availabilityZone;
        p.availabilityZoneId = "usw2-az2";
      }),
    },
    {
      name: "a private zone is associated with a VPC in Ireland",
      bad: privateZone("eu-west-1"),
      expected: [
        [
          "arn-locality",
          "internal",
          "mandatory",
          ['route53 zone "internal"', "eu-west-1 (outside US, in EU)"],
        ],
      ],
      twinName: "the private zone is associated with a VPC in Virginia",
      twin: privateZone("us-east-1"),
    },
    {
      // One opened since the catalog was made, or a typo: shaped like a region, placed nowhere.
      name: "a private zone is associated with a VPC in a region the catalog does not know",
      bad: privateZone("eu-central-3"),
      expected: [
        [
          "arn-locality",
          "internal",
          "mandatory",
          [
            'route53 zone "internal"',
            "eu-central-3 (shaped like a region ID, but of no region the catalog knows, so it cannot be placed)",
          ],
        ],
      ],
      twinName: "the VPC is in Ohio",
      twin: privateZone("us-east-2"),
    },
    {
      name: "Storage Lens gathers the metrics of buckets in Ireland",
      bad: storageLens({ include: { regions: ["us-west-2", "eu-west-1"] } }),
      // Its own row reads the scope (storage-replication): metrics come in from that region.
      expected: [
        [
          "storage-replication",
          "lens",
          "mandatory",
          [
            "eu-west-1 (outside US, in EU)",
            's3control storage lens configuration "lens"',
            "us-west-2 (inside US)",
          ],
        ],
      ],
      twinName: "Storage Lens gathers the metrics of buckets in Oregon and Virginia",
      twin: storageLens({ include: { regions: ["us-west-2", "us-east-1"] } }),
    },
    {
      name: "a container sends its logs to CloudWatch in Frankfurt (a region inside a JSON document)",
      bad: taskDefinition(`${ecr("us-west-2")}/exporter:1`, "eu-central-1"),
      expected: [
        [
          "arn-locality",
          "exporter",
          "mandatory",
          ['ecs task definition "exporter"', "eu-central-1 (outside US, in EU)"],
        ],
      ],
      twinName: "the container logs to CloudWatch in Oregon",
      twin: taskDefinition(`${ecr("us-west-2")}/exporter:1`, "us-west-2"),
    },
    {
      name: "a container pulls its image from an ECR registry in Ireland",
      bad: taskDefinition(`${ecr("eu-west-1")}/exporter:1`, "us-west-2"),
      expected: [
        [
          "arn-locality",
          "exporter",
          "mandatory",
          [
            'ecs task definition "exporter"',
            `${ecr("eu-west-1")} in eu-west-1 (outside US, in EU)`,
          ],
        ],
      ],
      twinName: "the container pulls its image from the registry in Virginia",
      twin: taskDefinition(`${ecr("us-east-1")}/exporter:1`, "us-west-2"),
    },
    {
      name: "a bucket website redirects every request to a website endpoint in Ireland",
      bad: redirectAll("sdc-records-dr.s3-website.eu-west-1.amazonaws.com"),
      expected: [
        [
          "arn-locality",
          "records-website",
          "mandatory",
          [
            's3 bucket website configuration "records-website"',
            "sdc-records-dr.s3-website.eu-west-1.amazonaws.com in eu-west-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the website redirects to a website endpoint in Virginia",
      twin: redirectAll("sdc-records-dr.s3-website.us-east-1.amazonaws.com"),
    },
    {
      name: "a Kubernetes Deployment pulls its image from an ECR registry in Ireland",
      bad: deployment(`${ecr("eu-west-1")}/exporter:1`),
      expected: [
        [
          "arn-locality",
          "exporter",
          "mandatory",
          ['k8s deployment "exporter"', `${ecr("eu-west-1")} in eu-west-1 (outside US, in EU)`],
        ],
      ],
      twinName: "the Deployment pulls its image from the registry in Oregon",
      twin: deployment(`${ecr("us-west-2")}/exporter:1`),
    },
  ]);
});

/** A CloudMonitor event rule that calls an API of `region` on every ECS event. */
const eventRule = (region: unknown) =>
  add("alicloud:cms/eventRule:EventRule", "stop-on-alarm", {
    ruleName: "stop-on-alarm",
    eventPattern: { product: "ecs", eventTypeLists: ["StatusNotification"] },
    openApiParameters: [
      {
        openApiParametersId: "1",
        product: "Ecs",
        action: "StopInstances",
        version: "2014-05-26",
        region,
        role: "acs:ram::1234567890123456:role/sdc-events",
        jsonParams: JSON.stringify({ ForceStop: true }),
      },
    ],
  });

/** A website configuration of the telemetry bucket that redirects every request to `host`. */
const redirectTo = (host: string) =>
  add("alicloud:oss/bucketWebsite:BucketWebsite", "telemetry-website", {
    bucket: "sdc-telemetry",
    routingRules: {
      routingRules: [
        {
          ruleNumber: 1,
          condition: { keyPrefixEquals: "archive/" },
          redirect: { redirectType: "External", protocol: "https", hostName: host },
        },
      ],
    },
  });

/** An elastic container group running `image`. */
const containerGroup = (image: string) => (plan: Plan) =>
  add("alicloud:eci/containerGroup:ContainerGroup", "exporter", {
    containerGroupName: "exporter",
    securityGroupId: named(plan, "guard").outputs.id ?? "sg-guard",
    vswitchId: named(plan, "vswitch").outputs.id ?? "vsw-telemetry",
    containers: [{ name: "exporter", image }],
  })(plan);

/** A vSwitch created through a provider of `region`, in `zone`. */
const switchThrough = (provider: string, region: string, zone: string) =>
  pipe(
    addProvider("alicloud", provider, { region }),
    add(
      "alicloud:vpc/switch:Switch",
      "far-switch",
      { vpcId: "vpc-far", cidrBlock: "10.40.1.0/24", zoneId: zone },
      { provider },
    ),
  );

describe("on Alibaba Cloud", () => {
  runCases(pack, () => ali, cn, [
    {
      name: "a vSwitch names a zone in Hong Kong",
      bad: set("vswitch", (p) => {
        p.zoneId = "cn-hongkong-b";
      }),
      expected: [
        [
          "arn-locality",
          "vswitch",
          "mandatory",
          ['vswitch "vswitch"', "cn-hongkong-b (outside CN, in HK)"],
        ],
      ],
      twinName: "the vSwitch names another zone of Shanghai",
      twin: set("vswitch", (p) => {
        p.zoneId = "cn-shanghai-f";
      }),
    },
    {
      name: "a vSwitch is created in Hong Kong, in one of its zones (the resource's own placement, reported once)",
      bad: switchThrough("hong-kong", "cn-hongkong", "cn-hongkong-b"),
      expected: [
        [
          "resource-placement",
          "far-switch",
          "mandatory",
          ['vswitch "far-switch"', "cn-hongkong (outside CN, in HK)"],
        ],
        [
          "resource-placement",
          "hong-kong",
          "mandatory",
          ['alicloud provider "hong-kong"', "cn-hongkong (outside CN, in HK)"],
        ],
      ],
      twinName: "the vSwitch is created in Beijing, in one of its zones",
      twin: switchThrough("beijing-2", "cn-beijing", "cn-beijing-h"),
    },
    {
      name: "a vSwitch names a zone of Singapore (lettered without a dash)",
      bad: set("vswitch", (p) => {
        p.zoneId = "ap-southeast-1a";
      }),
      expected: [
        [
          "arn-locality",
          "vswitch",
          "mandatory",
          ['vswitch "vswitch"', "ap-southeast-1a (outside CN, in SG)"],
        ],
      ],
      twinName: "the vSwitch names a zone of Beijing",
      twin: set("vswitch", (p) => {
        p.zoneId = "cn-beijing-h";
      }),
    },
    {
      name: "an event rule calls an API in Hong Kong",
      bad: eventRule("cn-hongkong"),
      expected: [
        [
          "arn-locality",
          "stop-on-alarm",
          "mandatory",
          ['cms event rule "stop-on-alarm"', "cn-hongkong (outside CN, in HK)"],
        ],
      ],
      twinName: "the event rule calls the API in Beijing",
      twin: eventRule("cn-beijing"),
    },
    {
      name: "a bucket website redirects to an OSS endpoint in Hong Kong",
      bad: redirectTo("sdc-telemetry.oss-cn-hongkong.aliyuncs.com"),
      expected: [
        [
          "arn-locality",
          "telemetry-website",
          "mandatory",
          [
            'oss bucket website "telemetry-website"',
            "sdc-telemetry.oss-cn-hongkong.aliyuncs.com in cn-hongkong (outside CN, in HK)",
          ],
        ],
      ],
      twinName: "the bucket website redirects to an OSS endpoint in Beijing",
      twin: redirectTo("sdc-telemetry-dr.oss-cn-beijing.aliyuncs.com"),
    },
    {
      name: "a container group pulls its image from a registry in Hong Kong",
      bad: containerGroup("registry.cn-hongkong.aliyuncs.com/sdc/exporter:1"),
      expected: [
        [
          "arn-locality",
          "exporter",
          "mandatory",
          [
            'eci container group "exporter"',
            "registry.cn-hongkong.aliyuncs.com in cn-hongkong (outside CN, in HK)",
          ],
        ],
      ],
      twinName: "the container group pulls its image from the registry in Shanghai",
      twin: containerGroup("registry-vpc.cn-shanghai.aliyuncs.com/sdc/exporter:1"),
    },
  ]);
});

describe("an imageName of another package", () => {
  test("names a machine image, not a registry", async () => {
    const machineImage = add("alicloud:ecs/image:Image", "base", {
      instanceId: "i-base",
      imageName: `${account}.dkr.ecr.eu-central-1.amazonaws.com/app:v1`,
    });
    const violations = await pack.checkAround(ali, machineImage(ali), cn);
    expect(summary(violations.filter((v) => v.policy === "arn-locality"))).toEqual([]);
  });
});

describe("a container's environment entries, read by their names", () => {
  const task = (host: string) =>
    add("aws:ecs/taskDefinition:TaskDefinition", "api", {
      family: "api",
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: "256",
      memory: "512",
      containerDefinitions: JSON.stringify([
        {
          name: "api",
          image: `${account}.dkr.ecr.us-west-2.amazonaws.com/api:v1`,
          environment: [
            { name: "DB_HOST", value: host },
            { name: "GREETING", value: "eu-west-1 says hello" },
          ],
        },
      ]),
    });
  runCases(pack, () => aws, us, [
    {
      name: "an entry named like a host names a database endpoint in Frankfurt",
      bad: task("orders.abcdefgh1234.eu-central-1.rds.amazonaws.com"),
      expected: [
        [
          "arn-locality",
          "api",
          "mandatory",
          [
            'ecs task definition "api"',
            "orders.abcdefgh1234.eu-central-1.rds.amazonaws.com in eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName: "the endpoint is in the stack's region (and an entry named otherwise is no place)",
      twin: task("orders.abcdefgh1234.us-west-2.rds.amazonaws.com"),
    },
  ]);
});

describe("an ENS instance of a US stack scheduled by area", () => {
  // Whatever the provider's region, an instance scheduled in a province goes to a node there
  // (residency/ens-nodes.ts); the provider here is Alibaba Cloud's Silicon Valley region.
  const edgeVm = (placement: Props) =>
    pipe(
      addProvider("alicloud", "silicon-valley", { region: "us-west-1" }),
      ensInstance(placement, { provider: "silicon-valley" }),
    );
  runCases(pack, () => aws, us, [
    {
      name: "it is scheduled in the province of Fujian",
      bad: edgeVm({ scheduleAreaLevel: "Middle", netDistrictCode: "350000" }),
      expected: [
        [
          "arn-locality",
          "edge-vm",
          "mandatory",
          ['ens instance "edge-vm"', 'netDistrictCode "350000" (Fujian, CN: outside US)'],
        ],
      ],
      twinName: "it is scheduled on a node in Silicon Valley",
      twin: edgeVm({ scheduleAreaLevel: "Region", ensRegionId: "us-siliconvalley-1" }),
    },
  ]);
});

describe("values that name no place", () => {
  const arnLocality = (violations: Awaited<ReturnType<typeof pack.check>>) =>
    summary(violations.filter((v) => v.policy === "arn-locality"));

  test.each([
    [
      "a query log names its DNS zone by ID",
      add("aws:route53/queryLog:QueryLog", "dns-log", {
        zoneId: "Z0123456789ABCDEFGHIJ",
        cloudwatchLogGroupArn: `arn:aws:logs:us-east-1:${account}:log-group:/aws/route53/internal`,
      }),
    ],
    [
      "a description names a region and an endpoint abroad",
      set("key", (p) => {
        p.description = "eu-west-1 copy of sqs.eu-west-1.amazonaws.com";
      }),
    ],
    [
      "a host name's region-shaped label is a bucket's name, not a region",
      redirectAll("sdc-archive-1.s3.amazonaws.com"),
    ],
    [
      "Storage Lens excludes the buckets of a region abroad",
      storageLens({ exclude: { regions: ["eu-west-1"] } }),
    ],
    [
      "a tag's value is a region ID abroad",
      set("subnet", (p) => {
        p.tags = { region: "eu-west-1", zone: "eu-west-1a" };
      }),
    ],
    ["a region field is not known at preview", privateZone(unknown)],
    [
      "the account switches on an opt-in region abroad",
      add("aws:account/region:Region", "jakarta", { regionName: "ap-southeast-3", enabled: true }),
    ],
    [
      "the account switches off an opt-in region abroad",
      add("aws:account/region:Region", "jakarta", { regionName: "ap-southeast-3", enabled: false }),
    ],
    [
      "a documentation part's location names an API entity shaped like a region",
      add("aws:apigateway/documentationPart:DocumentationPart", "doc", {
        restApiId: "abc123",
        location: { type: "RESOURCE", name: "eu-west-1", path: "/eu-west-1" },
        properties: JSON.stringify({ description: "the Irish mirror" }),
      }),
    ],
    [
      "a bucket policy's condition names a region abroad",
      set("records-policy", (p) => {
        const doc = JSON.parse(p.policy as string) as { Statement: Props[] };
        doc.Statement.push({
          Sid: "NoEuropeanCalls",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: "*",
          Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } },
        });
        p.policy = JSON.stringify(doc);
      }),
    ],
  ])("passes on AWS when %s", async (_name, mutation) => {
    expect(arnLocality(await pack.checkAround(aws, mutation(aws), us))).toEqual([]);
  });

  test("a region the account switches on sends nothing there; a bucket created in it does", async () => {
    const optIn = add("aws:account/region:Region", "jakarta", {
      regionName: "ap-southeast-3",
      enabled: true,
    });
    const mutated = pipe(
      optIn,
      add("aws:s3/bucket:Bucket", "jakarta-records", { bucket: "sdc-jakarta-records" }),
      set("jakarta-records", (p) => {
        p.region = "ap-southeast-3";
      }),
    )(aws);
    const mandatory = (violations: Awaited<ReturnType<typeof pack.check>>) =>
      summary(violations.filter((v) => v.level === "mandatory"));
    expect(mandatory(await pack.checkAround(aws, optIn(aws), us))).toEqual([]);
    expect(mandatory(await pack.checkAround(aws, mutated, us))).toEqual([
      'mandatory resource-placement jakarta-records: s3 bucket "jakarta-records" must be created in a region inside US, but its effective region is ap-southeast-3 (outside US, in ID). Create it through the stack\'s provider, or pin its region inside US.',
    ]);
  });

  test("passes on Alibaba Cloud when a region field says `global`, which is no region", async () => {
    const mutated = eventRule("global")(ali);
    expect(arnLocality(await pack.checkAround(ali, mutated, cn))).toEqual([]);
  });

  test("the same mutations name the place when it is one (the passes above are not vacuous)", async () => {
    const bad = set("subnet", (p) => {
      p.tags = { region: "eu-west-1" };
      p.availabilityZone = "eu-west-1a";
    })(aws);
    expect(arnLocality(await pack.checkAround(aws, bad, us))).toEqual([
      expect.stringContaining("availabilityZone names eu-west-1a (outside US, in EU)"),
    ]);
  });
});

describe("a Deny statement of a policy document", () => {
  /** An IAM policy whose one statement has `effect` on the tables of a region abroad. */
  const tablePolicy = (effect: unknown) =>
    add("aws:iam/policy:Policy", "orders-eu", {
      policy: {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: effect,
            Action: "dynamodb:*",
            Resource: `arn:aws:dynamodb:eu-west-1:${account}:table/*`,
          },
        ],
      },
    });
  /** That policy, and a service control policy whose lone statement has `effect` on keys abroad. */
  const guardrails = (effect: string) =>
    pipe(
      tablePolicy(effect),
      add("aws:organizations/policy:Policy", "keys-eu", {
        content: JSON.stringify({
          Version: "2012-10-17",
          Statement: {
            Effect: effect,
            Action: "kms:*",
            Resource: [`arn:aws:kms:eu-central-1:${account}:key/*`],
          },
        }),
      }),
    );
  /** A Resource Directory control policy whose one statement has `effect`. */
  const controlPolicy = (effect: string) =>
    add("alicloud:resourcemanager/controlPolicy:ControlPolicy", "ecs-abroad", {
      controlPolicyName: "ecs-abroad",
      effectScope: "RAM",
      policyDocument: JSON.stringify({
        Version: "1",
        Statement: [{ Effect: effect, Action: ["ecs:*"], Resource: ["acs:ecs:us-west-1:*:*"] }],
      }),
    });
  const mandatory = (violations: Awaited<ReturnType<typeof pack.check>>) =>
    summary(violations.filter((v) => v.level === "mandatory"));

  test("takes access away from resources and keys abroad: no path out on AWS", async () => {
    expect(mandatory(await pack.checkAround(aws, guardrails("Deny")(aws), us))).toEqual([]);
  });

  /** A RAM policy in the deprecated form, a list of `statements`, whose one entry has `effect`. */
  const ramStatements = (effect: string) =>
    add("alicloud:ram/policy:Policy", "ecs-abroad-ram", {
      policyName: "ecs-abroad-ram",
      statements: [{ effect, actions: ["ecs:*"], resources: ["acs:ecs:us-west-1:*:*"] }],
    });

  test("takes access away on Alibaba Cloud: a control policy denying another region passes", async () => {
    expect(mandatory(await pack.checkAround(ali, controlPolicy("Deny")(ali), cn))).toEqual([]);
  });

  test("takes access away in a RAM policy's deprecated statements; allowing, it is reported", async () => {
    expect(mandatory(await pack.checkAround(ali, ramStatements("Deny")(ali), cn))).toEqual([]);
    expect(mandatory(await pack.checkAround(ali, ramStatements("Allow")(ali), cn))).toEqual([
      expect.stringMatching(
        /^mandatory arn-locality ecs-abroad-ram: .* statements\[0\]\.resources\[0\] names acs:ecs:us-west-1:/,
      ),
    ]);
  });

  test("the same statements allowing are grants abroad, reported (the passes above are not vacuous)", async () => {
    expect(mandatory(await pack.checkAround(aws, guardrails("Allow")(aws), us))).toEqual([
      expect.stringMatching(
        /^mandatory arn-locality orders-eu: .* policy\.Statement\[0\]\.Resource names arn:aws:dynamodb:eu-west-1:/,
      ),
      expect.stringMatching(
        /^mandatory key-locality keys-eu: .* content\.Statement\.Resource\[0\] names the KMS key arn:aws:kms:eu-central-1:/,
      ),
    ]);
    expect(mandatory(await pack.checkAround(ali, controlPolicy("Allow")(ali), cn))).toEqual([
      expect.stringMatching(
        /^mandatory arn-locality ecs-abroad: .* policyDocument\.Statement\[0\]\.Resource\[0\] names acs:ecs:us-west-1:/,
      ),
    ]);
  });

  test("what an allowing statement leaves out (NotResource) is no place either", async () => {
    const allBut = add("aws:iam/policy:Policy", "orders-but-eu", {
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: "dynamodb:Query",
            NotResource: `arn:aws:dynamodb:eu-west-1:${account}:table/*`,
          },
        ],
      }),
    });
    expect(mandatory(await pack.checkAround(aws, allBut(aws), us))).toEqual([]);
  });

  test("a statement whose Effect is not known at preview is read as a grant", async () => {
    expect(mandatory(await pack.checkAround(aws, tablePolicy(unknown)(aws), us))).toEqual([
      expect.stringMatching(
        /^mandatory arn-locality orders-eu: .* names arn:aws:dynamodb:eu-west-1:.*\(outside US, in EU\)/,
      ),
    ]);
  });
});

describe("places another policy decides", () => {
  test("an SNS subscription's endpoint is left to the flow model that reads it (log-shipping)", async () => {
    const mutated = add("aws:sns/topicSubscription:TopicSubscription", "hook", {
      topic: `arn:aws:sns:us-west-2:${account}:alerts`,
      protocol: "https",
      endpoint: "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/hook",
    })(aws);
    const violations = await pack.checkAround(aws, mutated, us);
    expect(violations.map((v) => [v.policy, v.resourceName])).toEqual([["log-shipping", "hook"]]);
  });

  test("a Kubernetes Service aliasing a database host abroad is left to the Kubernetes policies", async () => {
    const mutated = add(
      "kubernetes:core/v1:Service",
      "records-db",
      {
        metadata: { namespace: "records" },
        spec: { type: "ExternalName", externalName: "records.c1.eu-west-1.rds.amazonaws.com" },
      },
      { provider: "kube" },
    )(aws);
    const violations = await pack.check(mutated, us);
    expect(violations.filter((v) => v.resourceName === "records-db").map((v) => v.policy)).toEqual([
      "kubernetes-service-exposure",
    ]);
  });
});

describe("a Helm v3 Release's values, which tell the chart's objects where to send data", () => {
  /** A Velero release on the happy path's cluster whose backup location is in `region`. */
  const velero = (region: string, config: Record<string, string> = {}) =>
    add(
      "kubernetes:helm.sh/v3:Release",
      "velero",
      {
        chart: "velero",
        namespace: "velero",
        values: {
          configuration: {
            backupStorageLocation: [
              { provider: "aws", bucket: "backups", config: { region, ...config } },
            ],
          },
        },
      },
      { provider: "kube" },
    );
  const findings = async (region: string, config: Record<string, string> = {}) =>
    summary(
      (await pack.check(velero(region, config)(aws), us)).filter(
        (v) => v.resourceName === "velero",
      ),
    );

  test("a backup location in Ireland is named, besides the opaque release", async () => {
    expect(await findings("eu-west-1")).toEqual([
      expect.stringContaining(
        'mandatory arn-locality velero: k8s release "velero" must reference only places inside US, but values.configuration.backupStorageLocation[0].config.region names eu-west-1 (outside US',
      ),
      expect.stringContaining("mandatory helm-releases velero"),
    ]);
  });

  test("a region beside an S3-compatible store's own endpoint only signs requests to it: not named", async () => {
    // Velero's MinIO set-up: the store is in the cluster, and MinIO answers to a region it is told.
    const minio = { s3Url: "http://minio.velero.svc:9000", s3ForcePathStyle: "true" };
    expect(await findings("eu-west-1", minio)).toEqual([
      expect.stringContaining("mandatory helm-releases velero"),
    ]);
    // Beside an endpoint of the cloud in that region, the region is named as ever (and the URL).
    const s3 = { s3Url: "https://s3.eu-west-1.amazonaws.com" };
    expect(await findings("eu-west-1", s3)).toHaveLength(3);
    // Nor beside S3's global endpoint, a public store's, or a setting not named for an endpoint.
    for (const beside of [
      { s3Url: "https://s3.amazonaws.com" } as Record<string, string>,
      { s3Url: "https://s3.eu-central-1.wasabisys.com" },
      { webhookUrl: "http://hooks.velero.svc:8080" },
    ]) {
      expect(await findings("eu-west-1", beside)).toEqual([
        expect.stringContaining("values.configuration.backupStorageLocation[0].config.region"),
        expect.stringContaining("mandatory helm-releases velero"),
      ]);
    }
  });

  test("a region variable beside an endpoint variable of its own only signs requests: not named", async () => {
    // A backup job's environment: AWS_REGION beside AWS_S3_ENDPOINT, an in-cluster MinIO.
    const backup = (endpoint: string) =>
      add(
        "kubernetes:helm.sh/v3:Release",
        "jenkins",
        {
          chart: "jenkins",
          values: {
            backup: {
              env: [
                { name: "AWS_REGION", value: "eu-west-1" },
                { name: "AWS_S3_ENDPOINT", value: endpoint },
              ],
            },
          },
        },
        { provider: "kube" },
      );
    const arnLocality = async (endpoint: string) =>
      (await pack.check(backup(endpoint)(aws), us)).filter(
        (v) => v.resourceName === "jenkins" && v.policy === "arn-locality",
      );
    expect(await arnLocality("http://minio.minio.svc.cluster.local:9000")).toEqual([]);
    expect(await arnLocality("http://10.20.1.7:9000")).toEqual([]);
    expect(await arnLocality("https://s3.eu-west-1.amazonaws.com")).toHaveLength(2);
  });

  test("a backup location in Oregon leaves only the opaque release", async () => {
    expect(await findings("us-west-2")).toEqual([
      expect.stringContaining("mandatory helm-releases velero"),
    ]);
  });
});
