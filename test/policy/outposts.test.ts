/**
 * What is placed on an AWS Outpost keeps its data at the Outpost's site, whatever its parent
 * region (residency/outposts.ts): arn-locality places an Outpost by the country the stack declares
 * for it (`sovereign-dc:outposts`), and one it does not declare cannot be placed.
 */
import type { Plan } from "../../engine/plan";
import { add, chinaAndOregonPlans, pipe } from "../helpers/policy-plan";
import { type CheckOptions, findings, policyPack } from "../helpers/policy-session";

const pack = policyPack();
let oregon: Plan;
beforeAll(async () => {
  ({ oregon } = await chinaAndOregonPlans());
});

const account = "111122223333";
const factory = "op-0123456789abcdef0";
const monterrey = "op-0fedcba9876543210";
const outpostArn = (id: string) => `arn:aws:outposts:us-west-2:${account}:outpost/${id}`;

/** An encrypted EBS volume "scratch" on the Outpost `id`. */
const volume = (id: string) =>
  add("aws:ebs/volume:Volume", "scratch", {
    availabilityZone: "us-west-2a",
    size: 100,
    encrypted: true,
    outpostArn: outpostArn(id),
  });

/** An S3 on Outposts bucket "records" on the Outpost `id`. */
const outpostBucket = (id: string) =>
  add("aws:s3control/bucket:Bucket", "records", { bucket: "records", outpostId: id });

const us: CheckOptions = { jurisdiction: "US" };
const declared: CheckOptions = {
  ...us,
  outposts: [
    { outpost: factory, country: "US" },
    { outpost: monterrey, country: "MX" },
  ],
};

/** arn-locality's findings on the Oregon stack with `change`, less those it has without it. */
async function added(change: (p: Plan) => Plan, opts: CheckOptions) {
  const before = new Set(findings(await pack.check(oregon, opts)).map((f) => JSON.stringify(f)));
  return findings(await pack.check(pipe(change)(oregon), opts)).filter(
    (f) => !before.has(JSON.stringify(f)) && f[0] === "arn-locality",
  );
}

const undeclared = (shown: string) =>
  `${shown} (an AWS Outpost at a site whose country the stack does not declare under sovereign-dc:outposts: it cannot be placed)`;

test("a volume on an Outpost the stack does not declare cannot be placed, though its parent region is Oregon", async () => {
  expect(await added(volume(factory), us)).toEqual([
    [
      "arn-locality",
      "scratch",
      "mandatory",
      ['ebs volume "scratch"', undeclared(outpostArn(factory))],
    ],
  ]);
});

test("so does an S3 on Outposts bucket, which names its Outpost by ID", async () => {
  expect(await added(outpostBucket(factory), us)).toEqual([
    ["arn-locality", "records", "mandatory", ['s3control bucket "records"', undeclared(factory)]],
  ]);
});

test("a volume on an Outpost the stack declares in Mexico leaves the US", async () => {
  expect(await added(volume(monterrey), declared)).toEqual([
    [
      "arn-locality",
      "scratch",
      "mandatory",
      [
        'ebs volume "scratch"',
        `${outpostArn(monterrey)} (an AWS Outpost the stack declares at a site in MX: outside US)`,
      ],
    ],
  ]);
});

test("twin: on the Outpost the stack declares in the US, the volume and the bucket stay inside", async () => {
  expect(await added(volume(factory), declared)).toEqual([]);
  expect(await added(outpostBucket(factory), declared)).toEqual([]);
});
