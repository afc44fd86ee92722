/**
 * `--first-preview`: the program judged as `pulumi preview` sees it on a stack with nothing
 * deployed yet — what providers compute on create (IDs, ARNs, endpoints, URLs) not known — which
 * is what the pack sees under the Pulumi CLI before the first `pulumi up`. Offline the engine
 * otherwise answers those outputs with values, as a stack that exists would. A resource policy
 * that meets such a value defers it to `pulumi up` (the pack's default, `unknownAtPreview:
 * defer`): listed, no verdict over the resource, exit 2.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cliMany, type CliRun } from "../helpers/cli";

const fixture = (name: string) => path.join("test", "fixtures", "verdict", name);

let runs: CliRun[];
let failing: string;
beforeAll(async () => {
  failing = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sdc-first-preview-")), "fail.json");
  fs.writeFileSync(failing, JSON.stringify({ "public-exposure": { unknownAtPreview: "fail" } }));
  /** `check <fixture> --stack dev --first-preview`, with `more` after it. */
  const firstPreview = (name: string, ...more: string[]) => ({
    args: ["check", fixture(name), "--stack", "dev", "--first-preview", ...more],
  });
  runs = await cliMany([
    { args: ["check", fixture("own-topic-queue.ts"), "--stack", "dev"] },
    firstPreview("own-topic-queue.ts"),
    firstPreview("ecr-image-push.ts"),
    firstPreview("ecr-image-push.ts", "--format", "json"),
    { args: ["plan", "--stack", "cn-shanghai", "--first-preview"] },
    firstPreview("own-topic-queue.ts", "--policy-config", failing),
    firstPreview("own-topic-queue.ts", "--format", "json"),
    { args: ["check", fixture("ecr-image-task.ts"), "--stack", "dev"] },
    firstPreview("ecr-image-task.ts"),
  ]);
});

test("a policy document built from the program's own outputs is not known at a first preview", () => {
  const [known, first] = runs;
  // Known offline: the queue policy names the program's own topic, and passes.
  expect(known.code).toBe(0);
  expect(known.stdout).not.toContain("as its first pulumi preview sees it");
  // At a first preview the document is not known: public-exposure defers the queue policy to
  // pulumi up, which judges the known document before it creates the policy. No verdict yet.
  expect(first.code).toBe(2);
  expect(first.stdout).toContain(
    "as its first pulumi preview sees it (what providers compute on create unknown): 5 resources",
  );
  expect(first.stdout).toContain(
    '? [advisory, judged by pulumi up] public-exposure aws:sqs/queuePolicy:QueuePolicy "inbox"',
  );
  expect(first.stdout.trim().split("\n").at(-1)).toBe(
    'NOT JUDGED: stack dev shows no mandatory violation at this preview, but 1 resource waits for values not known at preview: aws:sqs/queuePolicy:QueuePolicy "inbox". pulumi up judges each on its known values before creating it; run without --first-preview for the verdict on the program\'s evaluated values.',
  );
});

test("a pack config that fails values not known at preview fails the first preview", () => {
  const failed = runs[5];
  expect(failed.code).toBe(1);
  expect(failed.stdout).toContain(
    '✗ [mandatory] public-exposure aws:sqs/queuePolicy:QueuePolicy "inbox"',
  );
  expect(failed.stdout).not.toContain("judged by pulumi up");
});

test("the JSON document marks the deferred finding; the reason of the exit 2 is on stderr", () => {
  const json = runs[6];
  expect(json.code).toBe(2);
  const doc = JSON.parse(json.stdout) as {
    violations: { policy: string; level: string; resourceName: string; deferred?: boolean }[];
  };
  expect(
    doc.violations.map((v) => [v.policy, v.level, v.resourceName, v.deferred ?? false]),
  ).toEqual([
    // Hardening, known at preview (the queue names no customer key): advisory, not deferred.
    ["customer-key-encryption", "advisory", "inbox", false],
    ["public-exposure", "advisory", "inbox", true],
  ]);
  expect(json.stderr).toContain("NOT JUDGED: stack dev");
});

test("an image tagged from an ECR repository the program creates passes its first preview", () => {
  const [, , image] = runs;
  expect({ code: image.code, verdict: image.stdout.trim().split("\n").at(-1) }).toEqual({
    code: 0,
    verdict: "SEALED: stack dev has no path out of US (0 advisory findings).",
  });
});

test("a task that runs the image by the digest its build reports is judged offline; a first preview waits for the digest", () => {
  const [known, first] = runs.slice(7);
  // Offline the build reports the digest under the repository's URL, as a deployed stack's does:
  // the task's container definitions are known, the image pulled from Oregon.
  expect({ code: known.code, verdict: known.stdout.trim().split("\n").at(-1) }).toEqual({
    code: 0,
    verdict: "SEALED: stack dev has no path out of US (0 advisory findings).",
  });
  // Before the first build nothing is pushed: the definitions wait for pulumi up.
  expect(first.code).toBe(2);
  expect(first.stdout).toContain(
    '? [advisory, judged by pulumi up] log-shipping aws:ecs/taskDefinition:TaskDefinition "app"',
  );
});

test("the JSON document gives the resources a first preview creates no ID", () => {
  const doc = JSON.parse(runs[3].stdout) as { resources: { type: string; id: string | null }[] };
  const ids = Object.fromEntries(doc.resources.map((r) => [r.type, r.id]));
  expect(ids).toEqual({
    "pulumi:pulumi:Stack": null,
    "pulumi:providers:aws": expect.any(String),
    "pulumi:providers:docker-build": expect.any(String),
    "aws:ecr/repository:Repository": null,
    "docker-build:index:Image": null,
  });
});

test("the Shanghai stack's Kubernetes provider is placed at its first preview, by its cluster", () => {
  const plan = runs[4];
  // The kubeconfig comes from a provider function that a first preview does not call (the
  // cluster's ID is not known): joined with the cluster's ID, it still names the cluster.
  expect(plan.stdout).toContain("pulumi:providers:kubernetes  cn-shanghai-k8s-kubernetes");
  expect(plan.stdout).not.toContain("kubernetes-cluster-placement");
  expect(plan.stdout).not.toContain("a cluster the pack cannot place");
});

test("the Shanghai stack's first preview waits only for its bucket policies, which name the VPC", () => {
  const plan = runs[4];
  // Each OSS bucket policy admits object data only from the stack's VPC, whose ID a first
  // preview does not know: deferred, not failed, so `pulumi up --policy-pack` can stand it up.
  expect(plan.code).toBe(2);
  expect(plan.stdout).not.toContain("[mandatory]");
  const deferred = plan.stdout
    .split("\n")
    .filter((l) => l.startsWith("? [advisory, judged by pulumi up]"));
  expect(deferred).toEqual(
    ["access-logs", "customer-records", "telemetry"].map(
      (b) =>
        `? [advisory, judged by pulumi up] public-exposure alicloud:oss/bucketPolicy:BucketPolicy "cn-shanghai-storage-${b}-policy"`,
    ),
  );
});
