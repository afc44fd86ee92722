/**
 * `--first-preview`: the program judged as `pulumi preview` sees it on a stack with nothing
 * deployed yet — what providers compute on create (IDs, ARNs, endpoints, URLs) not known — which
 * is what the pack sees under the Pulumi CLI before the first `pulumi up`. Offline the engine
 * otherwise answers those outputs with values, as a stack that exists would.
 */
import * as path from "node:path";
import { cliMany, type CliRun } from "../helpers/cli";

const fixture = (name: string) => path.join("test", "fixtures", "verdict", name);

let runs: CliRun[];
beforeAll(async () => {
  runs = await cliMany([
    { args: ["check", fixture("own-topic-queue.ts"), "--stack", "dev"] },
    { args: ["check", fixture("own-topic-queue.ts"), "--stack", "dev", "--first-preview"] },
    { args: ["check", fixture("ecr-image-push.ts"), "--stack", "dev", "--first-preview"] },
    {
      args: [
        "check",
        fixture("ecr-image-push.ts"),
        "--stack",
        "dev",
        "--first-preview",
        "--format",
        "json",
      ],
    },
    { args: ["plan", "--stack", "cn-shanghai", "--first-preview"] },
  ]);
});

test("a policy document built from the program's own outputs is not known at a first preview", () => {
  const [known, first] = runs;
  // Known offline: the queue policy names the program's own topic, and passes.
  expect(known.code).toBe(0);
  expect(known.stdout).not.toContain("as its first pulumi preview sees it");
  // At a first preview the document is not known, and public-exposure cannot read it.
  expect(first.code).toBe(1);
  expect(first.stdout).toContain(
    "as its first pulumi preview sees it (what providers compute on create unknown): 5 resources",
  );
  expect(first.stdout).toContain(
    '✗ [mandatory] public-exposure aws:sqs/queuePolicy:QueuePolicy "inbox"',
  );
});

test("an image tagged from an ECR repository the program creates passes its first preview", () => {
  const [, , image] = runs;
  expect({ code: image.code, verdict: image.stdout.trim().split("\n").at(-1) }).toEqual({
    code: 0,
    verdict: "SEALED: stack dev has no path out of US (0 advisory finding(s)).",
  });
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
