/**
 * Placement (residency/placement.ts): where a resource lives, and how places are read out of
 * the values that name them — endpoints, OSS locations, ARNs, service names, access points.
 * A reader that places a look-alike host, or a prefix of a longer region ID, moves data across
 * the border silently, so each anchor of each pattern has a case.
 */
import { getJurisdiction } from "../../residency/jurisdictions";
import {
  arnPartition,
  arnRegion,
  cloudOf,
  describeNamedPlace,
  describePlace,
  hostOf,
  isAwsRegionShaped,
  type Placement,
  placementOf,
  type ProviderView,
  regionOfAccessPoint,
  regionOfEndpoint,
  regionOfOssLocation,
  regionOfServiceName,
  resourceLabel,
} from "../../residency/placement";

const cn = getJurisdiction("CN");

const provider = (pkg: string, props: Record<string, unknown>): ProviderView => ({
  type: `pulumi:providers:${pkg}`,
  props,
});

describe("the cloud of a type token", () => {
  test.each<[string, string | undefined]>([
    ["alicloud:oss/bucket:Bucket", "alicloud"],
    ["aws:s3/bucket:Bucket", "aws"],
    ["pulumi:providers:aws", "aws"],
    ["pulumi:providers:alicloud", "alicloud"],
    ["pulumi:providers:kubernetes", undefined],
    ["kubernetes:core/v1:Namespace", undefined],
    ["awsx:ec2:Vpc", undefined],
    ["random:index/randomId:RandomId", undefined],
  ])("%s is %s", (type, expected) => {
    expect(cloudOf(type)).toBe(expected);
  });
});

describe("where a resource lives", () => {
  const shanghai = provider("alicloud", { region: "cn-shanghai" });
  const beijing = provider("aws", { region: "cn-north-1" });

  test.each<[string, string, Record<string, unknown>, ProviderView | undefined, Placement]>([
    [
      "an AWS provider",
      "pulumi:providers:aws",
      { region: "cn-north-1" },
      undefined,
      { kind: "region", cloud: "aws", region: "cn-north-1" },
    ],
    [
      "an AWS provider without a region",
      "pulumi:providers:aws",
      { region: "" },
      undefined,
      { kind: "unknown", reason: "the aws provider has no region" },
    ],
    [
      "a Kubernetes provider",
      "pulumi:providers:kubernetes",
      {},
      undefined,
      { kind: "cluster", reason: "pulumi:providers:kubernetes is not a regional cloud provider" },
    ],
    [
      "a Kubernetes object",
      "kubernetes:core/v1:Namespace",
      {},
      undefined,
      { kind: "cluster", reason: "Kubernetes objects live in their cluster's region" },
    ],
    [
      "a resource of another package",
      "command:local:Command",
      {},
      undefined,
      { kind: "unknown", reason: 'resources of package "command" are not placed' },
    ],
    [
      "a value of a package that lives only in the stack's state",
      "random:index/randomId:RandomId",
      {},
      undefined,
      { kind: "state", reason: 'resources of package "random" live only in the stack\'s state' },
    ],
    [
      "a name @pulumi/eks before 3.0 computes into the state",
      "eks:index:RandomSuffix",
      { input: "nodes" },
      undefined,
      {
        kind: "state",
        reason:
          "a RandomSuffix of @pulumi/eks before 3.0 is a name its provider computes into the stack's state",
      },
    ],
    [
      "the pod network @pulumi/eks before 3.0 applies to a cluster",
      "eks:index:VpcCni",
      { kubeconfig: "{}" },
      undefined,
      {
        kind: "cluster",
        reason:
          "a VpcCni of @pulumi/eks before 3.0 configures the pod network of the cluster its kubeconfig names, and lives in that cluster",
      },
    ],
    [
      "a type of the same package no release defines",
      "eks:index:Widget",
      {},
      undefined,
      { kind: "unknown", reason: 'resources of package "eks" are not placed' },
    ],
    [
      "an Alibaba Cloud resource, by its provider",
      "alicloud:oss/bucket:Bucket",
      { region: "cn-hongkong" },
      shanghai,
      { kind: "region", cloud: "alicloud", region: "cn-shanghai" },
    ],
    [
      "an Alibaba Cloud resource whose provider has no region",
      "alicloud:oss/bucket:Bucket",
      {},
      provider("alicloud", {}),
      { kind: "unknown", reason: "its alicloud provider sets no region" },
    ],
    [
      "an Alibaba Cloud resource without a provider",
      "alicloud:oss/bucket:Bucket",
      {},
      undefined,
      { kind: "unknown", reason: "its alicloud provider sets no region" },
    ],
    [
      "an AWS resource, by its provider",
      "aws:s3/bucket:Bucket",
      {},
      beijing,
      { kind: "region", cloud: "aws", region: "cn-north-1" },
    ],
    [
      "an AWS resource's own region over its provider's",
      "aws:s3/bucket:Bucket",
      { region: "us-east-1" },
      beijing,
      { kind: "region", cloud: "aws", region: "us-east-1" },
    ],
    [
      "an AWS resource with an empty region of its own",
      "aws:s3/bucket:Bucket",
      { region: "" },
      beijing,
      { kind: "region", cloud: "aws", region: "cn-north-1" },
    ],
    [
      "an AWS resource with a region of its own and no provider",
      "aws:s3/bucket:Bucket",
      { region: "us-east-1" },
      undefined,
      { kind: "region", cloud: "aws", region: "us-east-1" },
    ],
    [
      "a Chime Voice Connector without awsRegion: the service's default, whatever its provider's",
      "aws:chime/voiceConnector:VoiceConnector",
      { requireEncryption: true },
      beijing,
      { kind: "region", cloud: "aws", region: "us-east-1", unsetInput: "awsRegion" },
    ],
    [
      "a Chime Voice Connector with awsRegion, a region input arn-locality judges",
      "aws:chime/voiceConnector:VoiceConnector",
      { requireEncryption: true, awsRegion: "us-west-2" },
      beijing,
      { kind: "region", cloud: "aws", region: "cn-north-1" },
    ],
    [
      "an AWS resource with no region anywhere",
      "aws:s3/bucket:Bucket",
      {},
      provider("aws", { region: 5 }),
      { kind: "unknown", reason: "neither the resource nor its aws provider sets a region" },
    ],
  ])("%s", (_label, type, props, p, expected) => {
    expect(placementOf(type, props, p)).toEqual(expected);
  });

  // The AWS modules without a `region` input: global or partition-wide services.
  test.each([
    "iam",
    "cloudfront",
    "networkmanager",
    "route53",
    "waf",
    "notifications",
    "organizations",
    "shield",
    "globalaccelerator",
    "route53recoverycontrol",
    "route53recoveryreadiness",
    "costexplorer",
    "route53domains",
    "account",
    "budgets",
    "rolesanywhere",
    "savingsplans",
    "cur",
    "bcmdata",
  ])("aws %s is a global service, wherever its provider is pinned", (module) => {
    expect(placementOf(`aws:${module}/thing:Thing`, { region: "cn-north-1" }, beijing)).toEqual({
      kind: "global",
      cloud: "aws",
      reason: `aws ${module} is a global service`,
    });
  });

  test("a token without a module is regional", () => {
    expect(placementOf("aws", { region: "us-east-1" })).toEqual({
      kind: "region",
      cloud: "aws",
      region: "us-east-1",
    });
  });

  test.each([
    "aws:route53/resolverEndpoint:ResolverEndpoint",
    "aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig",
    "aws:route53/profilesProfile:ProfilesProfile",
  ])("%s serves the VPCs of one region: regional, though filed under route53", (type) => {
    expect(placementOf(type, {}, beijing)).toEqual({
      kind: "region",
      cloud: "aws",
      region: "cn-north-1",
    });
    expect(placementOf("aws:route53/zone:Zone", {}, beijing).kind).toBe("global");
  });

  test("a regional AWS module whose name starts like a global one is regional", () => {
    expect(placementOf("aws:wafv2/webAcl:WebAcl", {}, beijing)).toEqual({
      kind: "region",
      cloud: "aws",
      region: "cn-north-1",
    });
  });
});

describe("naming places", () => {
  test.each<[string, string, string]>([
    ["alicloud", "cn-beijing", "cn-beijing (inside CN)"],
    ["alicloud", "cn-hongkong", "cn-hongkong (outside CN, in HK)"],
    [
      "alicloud",
      "zz-nowhere-1",
      "zz-nowhere-1 (not a region of alicloud the pack knows, so not inside CN)",
    ],
    ["aws", "us-east-1", "us-east-1 (outside CN, in US)"],
    ["aws", "*", "* (all regions of aws, not only those inside CN)"],
    ["aws", "eu-west-1", "eu-west-1 (outside CN, in EU)"],
  ])("%s %s reads %s", (cloud, region, expected) => {
    expect(describePlace(cn, cloud as "alicloud" | "aws", region)).toBe(expected);
  });

  test("a value that names a region keeps its own spelling", () => {
    expect(describeNamedPlace(cn, "alicloud", "oss-cn-hongkong", "cn-hongkong")).toBe(
      "oss-cn-hongkong (outside CN, in HK)",
    );
    expect(describeNamedPlace(cn, "alicloud", "cn-hongkong", "cn-hongkong")).toBe(
      "cn-hongkong (outside CN, in HK)",
    );
  });

  test("labels a resource by its kind and quoted name", () => {
    expect(resourceLabel("alicloud:oss/bucket:Bucket", 'a "b"')).toBe('oss bucket "a \\"b\\""');
  });
});

describe("ARNs", () => {
  test.each<[string, string | undefined, string | undefined]>([
    ["arn:aws-cn:kms:cn-north-1:1:key/k", "aws-cn", "cn-north-1"],
    ["arn:aws:s3:::bucket", "aws", ""],
    ["arn:aws:kms", "aws", undefined],
    ["xarn:aws:kms:us-east-1:1:key/k", undefined, undefined],
    ["acs:kms:cn-shanghai:1:key/k", undefined, undefined],
  ])("%s: partition %s, region %s", (arn, partition, region) => {
    expect([arnPartition(arn), arnRegion(arn)]).toEqual([partition, region]);
  });
});

describe("region IDs shaped like AWS's", () => {
  test.each<[string, boolean]>([
    ["us-west-2", true],
    ["us-gov-east-1", true],
    ["ap-southeast-10", true],
    ["cn-north-1", true],
    ["s3", false],
    ["us-west", false],
    ["us-west-2x", false],
    ["abcdeus-west-2", false],
  ])("%s: %s", (text, expected) => {
    expect(isAwsRegionShaped(text)).toBe(expected);
  });
});

describe("places read from values", () => {
  test.each<[string, string]>([
    ["  HTTPS://Oss-CN-Beijing.aliyuncs.com:8443/path?x=1#y ", "oss-cn-beijing.aliyuncs.com"],
    ["host.example.com:8080", "host.example.com"],
    ["s3://bucket/key", "bucket"],
    ["10.0.0.1", "10.0.0.1"],
    [
      "jdbc:mysql://orders.abc.us-east-1.rds.amazonaws.com:3306/orders",
      "orders.abc.us-east-1.rds.amazonaws.com",
    ],
    ["jdbc:sqlserver://db.example.com:1433;databaseName=orders", "db.example.com"],
    ["jdbc:oracle:thin://@db.example.com:1521/orcl", "db.example.com"],
    ["mongodb://etl:secret@docs.example.com:27017/orders", "docs.example.com"],
    ["b-1.kafka.example.com:9094,b-2.kafka.example.com:9094", "b-1.kafka.example.com"],
    ["fs-1.efs.us-east-1.amazonaws.com:/exports", "fs-1.efs.us-east-1.amazonaws.com"],
    ["host=Orders.example.com port=5432 dbname=orders", "orders.example.com"],
    ["dbname=orders host='db one.example.com' user=etl", "db one.example.com"],
    ["host=a.example.com,b.example.com port=5432,5433", "a.example.com"],
    ["hostaddr=10.0.3.7 port=5432", "10.0.3.7"],
    ["dbname=orders user=etl", "localhost"],
    ["host=/var/run/postgresql dbname=orders", "localhost"],
    // Other `key=value` text is no connection string.
    ["a=b", "a=b"],
    ["region=eu-west-1 note", "region=eu-west-1 note"],
    ["postgresql://etl@orders.example.com:5432/orders", "orders.example.com"],
    // A Git remote in scp-like form; a user with a port is still `host:port`.
    ["git@GitHub.com:example/notebooks.git", "github.com"],
    ["git@10.0.0.5:team/notebooks.git", "10.0.0.5"],
    ["ssh://git@10.0.0.5:2222/team/notebooks.git", "10.0.0.5"],
    ["etl@orders.example.com:5432", "orders.example.com"],
    // An absolute DNS name's root dot names the same host (found by the multi-cluster bench).
    ["nlb-1.elb.cn-northwest-1.amazonaws.com.cn.", "nlb-1.elb.cn-northwest-1.amazonaws.com.cn"],
    ["https://api.example.com.:8443/v1", "api.example.com"],
  ])("the host of %j is %s", (text, expected) => {
    expect(hostOf(text)).toBe(expected);
  });

  test.each<[string, string | undefined]>([
    ["oss-cn-beijing", "cn-beijing"],
    ["oss-cn-hongkong", "cn-hongkong"],
    ["cn-beijing", undefined],
    ["xoss-cn-beijing", undefined],
    ["oss-cn-beijing.aliyuncs.com", undefined],
  ])("the OSS location %s is in %s", (location, expected) => {
    expect(regionOfOssLocation(location)).toBe(expected);
  });

  test.each<[string, { cloud: string; region: string } | undefined]>([
    ["oss-cn-hongkong.aliyuncs.com", { cloud: "alicloud", region: "cn-hongkong" }],
    ["oss-cn-hongkong-internal.aliyuncs.com", { cloud: "alicloud", region: "cn-hongkong" }],
    ["cn-hongkong.log.aliyuncs.com", { cloud: "alicloud", region: "cn-hongkong" }],
    ["cn-hongkong-share.log.aliyuncs.com", { cloud: "alicloud", region: "cn-hongkong" }],
    ["ecs-cn-hangzhou.aliyuncs.com", { cloud: "alicloud", region: "cn-hangzhou" }],
    // A bucket on its region's endpoint, as OSS URLs name it: the bucket's name is its user's,
    // the region is the endpoint's, whatever the name spells.
    [
      "oss://models.oss-cn-hangzhou-internal.aliyuncs.com/checkpoints/",
      { cloud: "alicloud", region: "cn-hangzhou" },
    ],
    ["backup-us-west-1.oss-cn-shanghai.aliyuncs.com", { cloud: "alicloud", region: "cn-shanghai" }],
    ["data-cn-shanghai.oss-us-west-1.aliyuncs.com", { cloud: "alicloud", region: "us-west-1" }],
    // OSS's global acceleration endpoints are no region's.
    ["oss-accelerate.aliyuncs.com", undefined],
    ["b.oss-accelerate-overseas.aliyuncs.com", undefined],
    // A project on its SLS region endpoint, public or internal; a connection prefix its user
    // chose names no region.
    ["logs-us-west-1.cn-hangzhou.log.aliyuncs.com", { cloud: "alicloud", region: "cn-hangzhou" }],
    ["audit.cn-hangzhou-intranet.log.aliyuncs.com", { cloud: "alicloud", region: "cn-hangzhou" }],
    ["app-cn-shanghai.rwlb.rds.aliyuncs.com", undefined],
    ["cn-shanghai-intranet.arms.aliyuncs.com", { cloud: "alicloud", region: "cn-shanghai" }],
    ["a.b.cn-shanghai.aliyuncs.com", { cloud: "alicloud", region: "cn-shanghai" }],
    [
      "kms.cn-shanghai-finance-1.aliyuncs.com",
      { cloud: "alicloud", region: "cn-shanghai-finance-1" },
    ],
    // Model Studio names no region in its hosts: each is served from one.
    [
      "https://dashscope.aliyuncs.com/compatible-mode/v1",
      { cloud: "alicloud", region: "cn-beijing" },
    ],
    ["dashscope-intl.aliyuncs.com", { cloud: "alicloud", region: "ap-southeast-1" }],
    ["dashscope.aliyuncs.com.example.com", undefined],
    // Tracing Analysis collectors: a city code in the older regions, the region in the newer.
    [
      "http://tracing-analysis-dc-hz.aliyuncs.com/adapt_abc@def_abc@ghi/api/traces",
      { cloud: "alicloud", region: "cn-hangzhou" },
    ],
    ["tracing-analysis-dc-sh-internal.aliyuncs.com", { cloud: "alicloud", region: "cn-shanghai" }],
    ["tracing-analysis-dc-hk.aliyuncs.com", { cloud: "alicloud", region: "cn-hongkong" }],
    ["tracing-analysis-dc-sg.aliyuncs.com", { cloud: "alicloud", region: "ap-southeast-1" }],
    ["tracing-analysis-dc-xx.aliyuncs.com", undefined],
    ["tracing-cn-huhehaote.arms.aliyuncs.com", { cloud: "alicloud", region: "cn-huhehaote" }],
    [
      "tracing-cn-guangzhou-internal.arms.aliyuncs.com",
      { cloud: "alicloud", region: "cn-guangzhou" },
    ],
    ["tracing-zz-nowhere-1.arms.aliyuncs.com", undefined],
    ["s3.us-west-2.amazonaws.com", { cloud: "aws", region: "us-west-2" }],
    ["db.x.cn-north-1.rds.amazonaws.com.cn", { cloud: "aws", region: "cn-north-1" }],
    // Any region the host spells, for OSS and SLS hosts; only catalog regions for other services.
    ["oss-zz-nowhere-1.aliyuncs.com", { cloud: "alicloud", region: "zz-nowhere-1" }],
    ["zz-nowhere-1.log.aliyuncs.com", { cloud: "alicloud", region: "zz-nowhere-1" }],
    ["ecs.zz-nowhere-1.aliyuncs.com", undefined],
    // Look-alikes: a region in the name is not a cloud endpoint.
    ["myoss-zz-nowhere-1.aliyuncs.com", undefined],
    ["x.zz-nowhere-1.log.aliyuncs.com", undefined],
    ["oss-cn-hongkong.aliyuncs.com.example.com", undefined],
    ["cn-hongkong.log.aliyuncs.com.example.com", undefined],
    ["cn-shanghai.example.com", undefined],
    ["s3.us-west-2.example.com", undefined],
    ["s3.amazonaws.com", undefined],
    // S3's legacy global endpoint as a URL (a path-style request) is N. Virginia's, as AWS's
    // endpoint table lists it with s3-external-1; the bare host is S3's principal as often.
    ["https://s3.amazonaws.com/drop/data.db", { cloud: "aws", region: "us-east-1" }],
    ["https://s3-external-1.amazonaws.com", { cloud: "aws", region: "us-east-1" }],
    ["s3-external-1.amazonaws.com", undefined],
    ["https://drop.s3.amazonaws.com/data.db", undefined],
    // The first label of a longer host is a name its user chose, never the region.
    ["eu-west-1.s3.amazonaws.com", undefined],
    ["eu-west-1.s3.us-west-2.amazonaws.com", { cloud: "aws", region: "us-west-2" }],
    ["us-east-1.abc.cn-north-1.rds.amazonaws.com.cn", { cloud: "aws", region: "cn-north-1" }],
    ["my-lb-123.eu-central-1.elb.amazonaws.com", { cloud: "aws", region: "eu-central-1" }],
    // A bucket named with dots (a website's domain): its labels are its user's, the region is
    // the label nearest AWS's suffix, and a label shaped almost like a region is not one.
    ["www.example.com-content-1.s3.us-west-2.amazonaws.com", { cloud: "aws", region: "us-west-2" }],
    ["www.com-content-1.s3.amazonaws.com", undefined],
    ["eu-west-1.a.s3.us-east-1.amazonaws.com", { cloud: "aws", region: "us-east-1" }],
    ["x.s3.dualstack.ap-southeast-2.amazonaws.com", { cloud: "aws", region: "ap-southeast-2" }],
    ["b.s3.us-isob-east-1.amazonaws.com", { cloud: "aws", region: "us-isob-east-1" }],
    ["b.s3.eusc-de-east-1.amazonaws.com", { cloud: "aws", region: "eusc-de-east-1" }],
    // S3's legacy dash forms.
    ["reports.s3-eu-west-1.amazonaws.com", { cloud: "aws", region: "eu-west-1" }],
    ["s3-ap-southeast-2.amazonaws.com", { cloud: "aws", region: "ap-southeast-2" }],
    ["site.s3-website-us-west-2.amazonaws.com", { cloud: "aws", region: "us-west-2" }],
    ["site.s3-website.eu-west-1.amazonaws.com", { cloud: "aws", region: "eu-west-1" }],
    // SQS's legacy queue hosts, the region first (or none: N. Virginia's).
    [
      "https://eu-west-1.queue.amazonaws.com/444455556666/orders",
      { cloud: "aws", region: "eu-west-1" },
    ],
    ["https://queue.amazonaws.com/444455556666/orders", { cloud: "aws", region: "us-east-1" }],
    ["cn-north-1.queue.amazonaws.com.cn", { cloud: "aws", region: "cn-north-1" }],
    ["orders.queue.amazonaws.com", undefined],
    // A Lambda function URL.
    [
      "https://abcdefghij0123456789.lambda-url.eu-west-1.on.aws/",
      { cloud: "aws", region: "eu-west-1" },
    ],
    ["x.lambda-url.eu-west-1.on.aws.example.com", undefined],
    ["x.lambda-url.nowhere.on.aws", undefined],
    // Dual-stack endpoints, of both partitions.
    ["https://logs.eu-west-1.api.aws", { cloud: "aws", region: "eu-west-1" }],
    ["123456789012.dkr-ecr.eu-west-1.on.aws", { cloud: "aws", region: "eu-west-1" }],
    ["s3.cn-north-1.api.amazonwebservices.com.cn", { cloud: "aws", region: "cn-north-1" }],
    ["sqs.cn-northwest-1.on.amazonwebservices.com.cn", { cloud: "aws", region: "cn-northwest-1" }],
    ["example.api.aws.example.com", undefined],
    // ElastiCache's short region codes, Ningxia's as its hosts spell it.
    ["master.orders.abc123.cnn1.cache.amazonaws.com.cn", { cloud: "aws", region: "cn-north-1" }],
    ["orders.abc123.0001.cnw1.cache.amazonaws.com.cn", { cloud: "aws", region: "cn-northwest-1" }],
    ["orders-x1y2.serverless.use1.cache.amazonaws.com", { cloud: "aws", region: "us-east-1" }],
    [
      "orders.abc123.clustercfg.apse1.cache.amazonaws.com",
      { cloud: "aws", region: "ap-southeast-1" },
    ],
    ["orders.abc123.zz9.cache.amazonaws.com", undefined],
    // Alibaba Cloud's load balancers created since November 2024 (the xc71 bench).
    [
      "alb-0123456789abcdef.cn-shanghai.alb.aliyuncsslb.com",
      { cloud: "alicloud", region: "cn-shanghai" },
    ],
    [
      "nlb-0123456789abcdef.cn-shanghai.nlb.aliyuncsslb.com",
      { cloud: "alicloud", region: "cn-shanghai" },
    ],
    [
      "alb-0123456789abcdef.ap-southeast-1.alb.aliyuncsslbintl.com",
      { cloud: "alicloud", region: "ap-southeast-1" },
    ],
    ["alb-0123456789abcdef.nowhere-1.alb.aliyuncsslb.com", undefined],
    ["alb-0123456789abcdef.cn-shanghai.alb.aliyuncsslb.com.example.com", undefined],
  ])("the endpoint %s is in %j", (host, expected) => {
    expect(regionOfEndpoint(host)).toEqual(expected);
  });

  test("a service name is placed by its region-shaped part", () => {
    expect(regionOfServiceName("com.amazonaws.us-gov-west-1.s3")).toBe("us-gov-west-1");
    expect(regionOfServiceName("com.amazonaws.vpce.svc")).toBeUndefined();
  });

  test("an access point is placed by the longest catalog region it starts with", () => {
    expect(regionOfAccessPoint("ap-cn-shanghai-finance-1-xx-A")).toBe("cn-shanghai-finance-1");
    expect(regionOfAccessPoint("ap-cn-shanghai-nt-A")).toBe("cn-shanghai");
    expect(regionOfAccessPoint("cn-shanghai-nt-A")).toBeUndefined();
  });
});
