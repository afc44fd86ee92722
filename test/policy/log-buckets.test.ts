/**
 * Data a service delivers to a bucket it names: a load balancer's access, connection and health
 * check logs and a CloudFront distribution's viewer logs (every request's client address, path
 * and headers), an Image Builder distribution's exported disk. A bucket name is global: one the
 * program does not create cannot be placed (named-destinations); the program's own bucket is
 * where it is.
 */
import type { Plan } from "../../engine/plan";
import { add, fixturePlan, pipe } from "../helpers/policy-plan";
import { findings, oregonSettings, policyPack, shanghaiSettings } from "../helpers/policy-session";

const pack = policyPack();
let oregon: Plan;
beforeAll(async () => {
  oregon = await fixturePlan("policy-aws", "us");
});

const loadBalancer = (logs: Record<string, unknown>) =>
  add("aws:lb/loadBalancer:LoadBalancer", "internal-lb", {
    internal: true,
    loadBalancerType: "application",
    subnets: ["subnet-1", "subnet-2"],
    securityGroups: ["sg-1"],
    ...logs,
  });

/** The findings about `name`, each with the place its path ends at. */
const about = async (plan: Plan, name: string) =>
  findings(await pack.check(plan, oregonSettings))
    .filter(([, n]) => n === name)
    .map(([policy, n, level, path]) => [policy, n, level, path?.at(-1)]);

test("a load balancer's access logs to a bucket the program does not create cannot be placed", async () => {
  const plan = loadBalancer({ accessLogs: { bucket: "corp-logs", enabled: true } })(oregon);
  expect(await about(plan, "internal-lb")).toEqual([
    ["named-destinations", "internal-lb", "mandatory", '"corp-logs" (cannot be placed)'],
  ]);
});

test("the same block, not enabled (the default for lb), delivers nothing", async () => {
  const plan = loadBalancer({ accessLogs: { bucket: "corp-logs" } })(oregon);
  expect(await about(plan, "internal-lb")).toEqual([]);
});

test("access logs to the program's own bucket in the stack's region pass", async () => {
  const plan = pipe(
    add("aws:s3/bucket:Bucket", "lb-logs", { bucket: "lb-logs-oregon" }),
    loadBalancer({ connectionLogs: { bucket: "lb-logs-oregon", enabled: true } }),
  )(oregon);
  expect(await about(plan, "internal-lb")).toEqual([]);
});

test("a classic ELB's access logs are on by default once the block is there", async () => {
  const plan = add("aws:elb/loadBalancer:LoadBalancer", "classic", {
    internal: true,
    subnets: ["subnet-1"],
    listeners: [{ instancePort: 80, instanceProtocol: "http", lbPort: 80, lbProtocol: "http" }],
    accessLogs: { bucket: "corp-logs" },
  })(oregon);
  expect(await about(plan, "classic")).toEqual([
    ["named-destinations", "classic", "mandatory", '"corp-logs" (cannot be placed)'],
  ]);
});

test("a distribution's viewer logs go to the bucket its domain names", async () => {
  const distribution = (bucket: string) =>
    add("aws:cloudfront/distribution:Distribution", "cdn", {
      enabled: true,
      origins: [{ originId: "o", domainName: "assets.s3.us-west-2.amazonaws.com" }],
      defaultCacheBehavior: {
        targetOriginId: "o",
        viewerProtocolPolicy: "https-only",
        allowedMethods: ["GET", "HEAD"],
        cachedMethods: ["GET", "HEAD"],
      },
      restrictions: { geoRestriction: { restrictionType: "none" } },
      viewerCertificate: { cloudfrontDefaultCertificate: true },
      loggingConfig: { bucket },
    });
  const logged = (plan: Plan) =>
    about(plan, "cdn").then((f) => f.filter(([policy]) => policy !== "global-services"));
  expect(await logged(distribution("corp-logs.s3.amazonaws.com")(oregon))).toEqual([
    ["named-destinations", "cdn", "mandatory", '"corp-logs.s3.amazonaws.com" (cannot be placed)'],
  ]);
  const own = pipe(
    add("aws:s3/bucket:Bucket", "cdn-logs", { bucket: "cdn-logs-oregon" }),
    distribution("cdn-logs-oregon.s3.amazonaws.com"),
  )(oregon);
  expect(await logged(own)).toEqual([]);
});

test("an Image Builder distribution exports the image's disk to the bucket it names", async () => {
  const distribution = (s3Bucket: string) =>
    add("aws:imagebuilder/distributionConfiguration:DistributionConfiguration", "golden", {
      name: "golden",
      distributions: [
        {
          region: "us-west-2",
          s3ExportConfiguration: { roleName: "export", diskImageFormat: "RAW", s3Bucket },
        },
      ],
    });
  expect(await about(distribution("vm-exports")(oregon), "golden")).toEqual([
    ["named-destinations", "golden", "mandatory", '"vm-exports" (cannot be placed)'],
  ]);
  const own = pipe(
    add("aws:s3/bucket:Bucket", "exports", { bucket: "vm-exports-oregon" }),
    distribution("vm-exports-oregon"),
  )(oregon);
  expect(await about(own, "golden")).toEqual([]);
});

test("an HBR restore job writes an OSS backup into the bucket it names", async () => {
  const shanghai = await fixturePlan("policy-alicloud", "cn");
  const restore = (restoreType: string) =>
    add("alicloud:hbr/restoreJob:RestoreJob", "restore", {
      restoreType,
      sourceType: restoreType,
      snapshotId: "s-1",
      snapshotHash: "h",
      vaultId: "v-1",
      targetBucket: "restores",
      targetPrefix: "",
    });
  const judged = async (plan: Plan) =>
    findings(await pack.check(plan, shanghaiSettings))
      .filter(([, n]) => n === "restore")
      .map(([policy, n, level, path]) => [policy, n, level, path?.at(-1)]);
  expect(await judged(restore("OSS")(shanghai))).toEqual([
    ["named-destinations", "restore", "mandatory", '"restores" (cannot be placed)'],
  ]);
  // A NAS restore names no bucket, whatever the input holds.
  expect(await judged(restore("NAS")(shanghai))).toEqual([]);
});
