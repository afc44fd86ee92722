/**
 * The offline engine records what the Pulumi engine would see of a program: parents, providers
 * (explicit, and default ones synthesised from stack config), dependencies and options.
 */
import * as path from "node:path";
import { ProgramError } from "../../engine/evaluate";
import type { Plan, RecordedResource } from "../../engine/plan";
import { UsageError } from "../../engine/project";
import { checkUnderCli } from "../../engine/opaque";
import { withoutResourceRefs } from "../../engine/analyzer-wire";
import { plainProps, resourceSig, sigKey, unknownValue } from "../../engine/wire";
import { viewResources } from "../../cli/view";
import { type Answer, EvaluationWorker } from "../../engine/evaluation-worker";
import { evaluateMany } from "../helpers/worker";

const dir = path.resolve(__dirname, "..", "fixtures", "engine");

let plan: Plan;
let again: Plan;
let strict: Plan | Error;
let broken: Plan | Error;
let missing: Plan | Error;
let refs: Plan;
let remote: Plan;
let urns: Plan | Error;
let unknownArgs: Plan | Error;
let transforms: Plan | Error;
let callbackSources: Plan | Error;
let lateTimers: Plan | Error;
let interval: Plan | Error;
let lateIo: Plan | Error;
let endlessChild: Plan | Error;
let lateRequests: Plan | Error;
let unanswered: Plan | Error;
let executorThrows: Plan | Error;
let fetchRefused: Plan | Error;
let cjsDefault: Plan | Error;
let exportsPromise: Plan | Error;
let echoed: Plan | Error;
let echoedThrows: Plan | Error;
let parsedUnknowns: Plan | Error;
let constructionOrder: Plan | Error;
let hooks: Plan | Error;
let beforeExit: Plan | Error;
let beforeExitEndless: Plan | Error;
let beforeExitAgain: Plan | Error;
let exitCode: Plan | Error;
let configEnv: Plan | Error;
let setMocks: Plan | Error;
let baseUrl: Plan | Error;
let dryRunOnly: Plan | Error;
let standIns: Plan | Error;
let standInsOfAcme: Plan | Error;
beforeAll(async () => {
  const results = await evaluateMany([
    { projectDir: dir, stack: "dev" },
    { projectDir: dir, stack: "dev" },
    { projectDir: dir, stack: "strict" },
    { projectDir: dir, stack: "dev", program: path.join(dir, "broken.ts") },
    { projectDir: dir, stack: "prod" },
    { projectDir: dir, stack: "dev", program: path.join(dir, "refs.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "remote-outputs.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "urns.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "unknown-args.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "transforms.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "callback-sources.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "late-timers.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "interval.ts"), timeoutSeconds: 1 },
    { projectDir: dir, stack: "dev", program: path.join(dir, "late-io.ts") },
    {
      projectDir: dir,
      stack: "dev",
      program: path.join(dir, "endless-child.ts"),
      timeoutSeconds: 1,
    },
    { projectDir: dir, stack: "dev", program: path.join(dir, "late-requests.ts") },
    {
      projectDir: dir,
      stack: "dev",
      program: path.join(dir, "unanswered-request.ts"),
      timeoutSeconds: 1,
    },
    { projectDir: dir, stack: "dev", program: path.join(dir, "executor-throws.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "cjs-default-export.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "exports-promise.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "fetch-refused.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "echoed-outputs.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "echoed-outputs-throws.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "parsed-unknowns.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "construction-order.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "hooks.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "before-exit.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "before-exit-endless.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "exit-code.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "before-exit.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "config-env.ts") },
    { projectDir: dir, stack: "dev", program: path.join(dir, "set-mocks.ts") },
    { projectDir: path.join(dir, "base-url"), stack: "dev" },
    { projectDir: dir, stack: "dev", program: path.join(dir, "dry-run-only.ts") },
    { projectDir: path.join(dir, "stand-ins"), stack: "dev" },
    { projectDir: path.join(dir, "stand-ins"), stack: "dev", organization: "acme" },
  ]);
  [plan, again] = results as Plan[];
  [, , strict, broken, missing] = results;
  refs = results[5] as Plan;
  remote = results[6] as Plan;
  urns = results[7];
  unknownArgs = results[8];
  transforms = results[9];
  callbackSources = results[10];
  lateTimers = results[11];
  interval = results[12];
  lateIo = results[13];
  endlessChild = results[14];
  lateRequests = results[15];
  unanswered = results[16];
  executorThrows = results[17];
  [
    cjsDefault,
    exportsPromise,
    fetchRefused,
    echoed,
    echoedThrows,
    parsedUnknowns,
    constructionOrder,
    hooks,
    beforeExit,
    beforeExitEndless,
    exitCode,
    beforeExitAgain,
    configEnv,
    setMocks,
    baseUrl,
    dryRunOnly,
    standIns,
    standInsOfAcme,
  ] = results.slice(18);
});

const named = (p: Plan, name: string): RecordedResource => {
  const r = p.resources.find((x) => x.name === name);
  if (!r) {
    throw new Error(`no resource ${name}`);
  }
  return r;
};

describe("callbacks that fail on stand-ins", () => {
  it("record the resources their value depends on: none for a lookup's answer", () => {
    expect(callbackSources).not.toBeInstanceOf(Error);
    const plan = callbackSources as Plan;
    expect(
      [...(plan.failedCallbacks ?? [])].sort((a, b) => a.callback.localeCompare(b.callback)),
    ).toEqual([
      {
        callback: "(dns) => new URL(dns).host",
        reason: "it failed: Invalid URL",
        dependsOn: [named(plan, "web").urn],
      },
      {
        callback: "(tags) => new URL(tags.endpoint).host",
        reason: "it failed: Invalid URL",
        dependsOn: [],
      },
    ]);
  });
});

// Settings kept as JSON in a secret or a parameter: under preview the lookup answers and the text
// parses; offline the text is unknown, and parsing it gives a stand-in for the parsed value.
describe("JSON parsed from a value the engine cannot know", () => {
  const inputs = (name: string) =>
    plainProps(named(parsedUnknowns as Plan, name).inputs, { markUnknowns: "?" });

  it("is a stand-in: what the program declares from it is registered, its values unknown", () => {
    expect(parsedUnknowns instanceof Error ? parsedUnknowns.message : "plan").toBe("plan");
    const plan = parsedUnknowns as Plan;
    expect(plan.failedCallbacks ?? []).toEqual([]);
    const queue = plan.resources.find((r) => r.name.startsWith("jobs-"));
    expect(queue?.name).toMatch(/^jobs-⟨unknown \d+⟩$/);
    expect(plainProps(queue!.inputs, { markUnknowns: "?" })).toMatchObject({
      messageRetentionSeconds: "?",
    });
    // The promise form, at the top level: the instance is declared, its image unknown.
    expect(inputs("ecs-host")).toMatchObject({ ami: "?", instanceType: "t3.micro" });
  });

  it("is parsed as it is when the text holding an unknown value is JSON all the same", () => {
    expect(inputs("owned")).toMatchObject({ tags: { owner: "?", team: "data" } });
  });
});

// Offline a created resource's outputs are the inputs the program gave; a field the provider
// computes inside one is absent, where preview's provider marks it unknown and skips the callback.
describe("callbacks on an output of a resource the program creates", () => {
  it("read a field the provider computes as unknown, in a callback, lifted or combined, as preview does", () => {
    expect(echoed instanceof Error ? echoed.message : "plan").toBe("plan");
    const plan = echoed as Plan;
    expect(plainProps(named(plan, "snapshots").inputs, { markUnknowns: "?" })).toMatchObject({
      // What the program gave reads as it is.
      tags: {
        volume: "?",
        size: "40",
        cloned: "20",
        liftedVolume: "?",
        liftedSize: "20",
        retention: "20",
        combinedVolume: "?",
        recordVolume: "?",
        recordSize: "20",
        deleteOnTermination: "unset",
        rootOwner: "none",
        liftedDelete: "unset",
        combinedDelete: "unset",
        k8sNamespace: "default",
        k8sPorts: "0",
      },
    });
  });

  it("register what they declare from such a field, its name holding a stand-in's mark", () => {
    const queues = (echoed as Plan).resources.filter((r) => r.type === "aws:sqs/queue:Queue");
    expect(queues.map((q) => q.name)).toEqual(["snapshots", expect.stringMatching(/^backup-/)]);
    const queue = queues[1];
    expect(queue.name).toMatch(/^backup-⟨unknown \d+⟩$/);
    expect(plainProps(queue!.inputs)).toMatchObject({ tags: { size: "20" } });
  });

  it("that fail on such a field are recorded with the fields they read, not as the program's failure", () => {
    const plan = echoed as Plan;
    expect(plan.failedCallbacks).toEqual([
      {
        callback: "(d) => new URL(d.deviceName).host",
        reason:
          "it failed: Invalid URL (it read deviceName, which offline the outputs lack: the provider computes it)",
        dependsOn: [named(plan, "web").urn],
      },
    ]);
  });

  it("that fail on a field the program gave fail the program, as under preview", () => {
    expect(echoedThrows).toBeInstanceOf(ProgramError);
    expect((echoedThrows as Error).message).toContain(
      "a root volume of 200 GiB is over the team's limit",
    );
  });
});

describe("the plan's resources", () => {
  it("are in the order the program constructed them, whatever order their registrations took", () => {
    expect(constructionOrder).not.toBeInstanceOf(Error);
    expect((constructionOrder as Plan).resources.map((r) => r.name)).toEqual([
      "engine-fixture-dev",
      "default_7_48_0",
      "first",
      "second",
    ]);
  });
});

describe("resource hooks, error hooks and state migrations", () => {
  it("are taken, as the engine takes them, and none is run (preview runs them at most on dry runs)", () => {
    expect(hooks).not.toBeInstanceOf(Error);
    expect(plainProps(named(hooks as Plan, "hooked").inputs)).toEqual({
      tags: { hooked: "yes" },
    });
  });
});

describe("resource transforms", () => {
  const bucket = (name: string) => named(transforms as Plan, name);

  it("register what the resource's own transform returns", () => {
    expect(transforms).not.toBeInstanceOf(Error);
    expect(plainProps(bucket("moved").inputs)).toEqual({
      region: "us-west-2",
      tags: { stack: "yes" },
    });
  });

  it("leave out an alias that is not known offline, and register the resource", () => {
    expect(bucket("aliased").inputs).toEqual({ tags: { stack: "yes" } });
  });

  it("run the resource's own, then its ancestors', then the stack's, options included", () => {
    const child = bucket("records-data");
    expect(plainProps(child.inputs).tags).toEqual({ layer: "component", stack: "yes" });
    expect(child.provider).toBe(named(transforms as Plan, "virginia").urn);
  });
});

describe("URNs", () => {
  it("are the Pulumi engine's: the parents' whole chain of types, without the stack's", () => {
    expect(urns).not.toBeInstanceOf(Error);
    const plan = urns as Plan;
    const urnsOf = (name: string) =>
      plan.resources.filter((r) => r.name === name).map((r) => r.urn);
    expect(urnsOf("data")).toEqual([
      "urn:pulumi:dev::engine-fixture::fixture:index:Blue$fixture:index:Part$aws:s3/bucket:Bucket::data",
      "urn:pulumi:dev::engine-fixture::fixture:index:Green$fixture:index:Part$aws:s3/bucket:Bucket::data",
    ]);
    expect(urnsOf("read-only")).toEqual([
      "urn:pulumi:dev::engine-fixture::aws:iam/rolePolicyAttachment:RolePolicyAttachment::read-only",
    ]);
  });

  it("leave a read resource handed whole to another resource unregistered, and the program complete", () => {
    const plan = urns as Plan;
    expect(plan.resources.filter((r) => r.name === "existing")).toEqual([]);
    const role = plan.resources.find((r) => r.name === "read-only")?.inputs.role as Record<
      string,
      unknown
    >;
    expect(role.urn).toBe("urn:pulumi:dev::engine-fixture::aws:iam/role:Role::existing");
  });
});

describe("lookups answered with unknown values", () => {
  it("include one the SDK never asks, its argument holding another's unknown answer", () => {
    expect(unknownArgs).not.toBeInstanceOf(Error);
    expect((unknownArgs as Plan).unknownFunctions).toEqual([
      "aws:ec2/getVpc:getVpc",
      "aws:ec2/getSubnets:getSubnets",
    ]);
    // The subnets are unknown for their argument, the VPC because only the cloud knows it.
    expect((unknownArgs as Plan).unknownArgumentFunctions).toEqual([
      "aws:ec2/getSubnets:getSubnets",
    ]);
  });

  it("names a resource registered by an unknown value with its stand-in's mark", () => {
    const byType = (type: string) =>
      (unknownArgs as Plan).resources.filter((r) => r.type === type).map((r) => r.name);
    expect(byType("aws:ec2/securityGroup:SecurityGroup")).toEqual([
      expect.stringMatching(/^⟨unknown \d+⟩$/),
    ]);
  });

  it("read a promise-form answer to an argument not known offline as unknown, not absent", () => {
    const acl = (unknownArgs as Plan).resources.find((r) => r.name === "listed");
    expect(acl?.inputs).toEqual({ vpcId: "vpc-main", subnetIds: unknownValue });
  });

  it("imports a resource by an ID not known offline as a new one", () => {
    const subnet = (unknownArgs as Plan).resources.find((r) => r.name === "imported");
    expect(subnet?.type).toBe("aws:ec2/subnet:Subnet");
    expect(subnet?.inputs).toEqual({ vpcId: "vpc-main", cidrBlock: "10.0.1.0/24" });
  });

  it("records which inputs hold a text built from a stand-in, unknown as preview would leave them", () => {
    const group = (unknownArgs as Plan).resources.find(
      (r) => r.type === "aws:ec2/securityGroup:SecurityGroup",
    );
    // The stand-in itself reaches the engine as an unknown output, as the value it stands for.
    expect(group?.standInInputs).toEqual(["description"]);
    expect(group?.inputs.description).toBe(unknownValue);
    expect((unknownArgs as Plan).resources.filter((r) => r.standInInputs !== undefined)).toEqual([
      group,
    ]);
  });
});

describe("resource references", () => {
  it("are recorded in the wire form and sent to the pack as the resource's id, as the CLI does", () => {
    const bucket = named(refs, "bucket");
    const recorded = named(refs, "policy").inputs.bucket as Record<string, unknown>;
    expect(recorded[sigKey]).toBe(resourceSig);
    expect(recorded.urn).toBe(bucket.urn);
    expect(withoutResourceRefs(named(refs, "policy").inputs)).toEqual({
      bucket: bucket.id,
      policy: "{}",
    });
  });

  it("show in the JSON document as the pack receives them: the resource's id", () => {
    const bucket = named(refs, "bucket");
    const policy = viewResources(refs).find((r) => r.name === "policy");
    expect(policy?.props).toEqual({ bucket: bucket.id, policy: "{}" });
  });

  it("reach the provider as the resource's id, which its state then holds", () => {
    const bucket = named(refs, "bucket");
    expect(named(refs, "policy").outputs.bucket).toBe(bucket.id);
    expect(refs.outputs.policyBucket).toBe(bucket.id);
  });
});

describe("multi-language components", () => {
  // Under the Pulumi CLI the component's plugin answers its outputs; offline none runs, and an
  // output named as an input (awsx.ec2.Vpc's natGateways) is not that input handed back.
  it("leave every output unknown, those named as an input too", () => {
    expect(named(remote, "net").inputs).toEqual({ natGateways: { strategy: "Single" } });
    expect(named(remote, "default").inputs.natGatewayId).toBe(unknownValue);
  });
});

describe("a process that evaluates programs in turn", () => {
  it("goes on after a program that left nothing to run, and retires after one that left work running", async () => {
    // executor-throws.ts stops with nothing left to run (a resource waits on a promise whose
    // executor threw); broken.ts finishes, an apply having thrown; missing-property.ts throws
    // while the bucket it declared first registers, which then settles; throws-with-timer.ts
    // throws with an interval of its own still running.
    const batch = [
      "executor-throws.ts",
      "refs.ts",
      "broken.ts",
      "refs.ts",
      "missing-property.ts",
      "refs.ts",
      "throws-with-timer.ts",
      "refs.ts",
    ].map((file) => ({ projectDir: dir, stack: "dev", program: path.join(dir, file) }));
    const worker = new EvaluationWorker();
    try {
      const first = JSON.parse(await worker.request(JSON.stringify(batch))) as Answer<Plan>;
      expect({
        retiring: first.retiring,
        outcomes: first.outcomes.map((o) => (o.ok ? "plan" : o.name)),
      }).toEqual({
        retiring: true,
        outcomes: [
          "StalledEvaluation",
          "plan",
          "ProgramError",
          "plan",
          "ProgramError",
          "plan",
          "ProgramError",
        ],
      });
      // The programs after the failures are evaluated as a fresh process evaluates them.
      const fresh = JSON.parse(
        await worker.request(JSON.stringify(batch.slice(7))),
      ) as Answer<Plan>;
      expect([1, 3, 5].map((i) => first.outcomes[i])).toEqual(
        [1, 2, 3].map(() => fresh.outcomes[0]),
      );
    } finally {
      worker.close();
    }
  });
});

describe("evaluating a program offline", () => {
  it("waits, as the CLI's event loop does, for the timers the program left running", () => {
    // A bucket from a timer, one after a sleep in an async block the program does not await;
    // an unref'd timer of a minute holds nothing open, so the evaluation ends without it.
    expect(lateTimers instanceof Error ? lateTimers.message : "plan").toBe("plan");
    const names = (lateTimers as Plan).resources.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(["after-timeout", "after-sleep", "after-promised-sleep"]),
    );
    // …but under pulumi up the deployment keeps the process running, so it may fire there: the
    // plan says where it was set (found by probing the engine), and the programs without one
    // say nothing.
    expect((lateTimers as Plan).unrefdTimers).toEqual([
      expect.stringMatching(/^late-timers\.ts:\d+:\d+$/),
    ]);
    expect(plan.unrefdTimers).toBeUndefined();
    expect((dryRunOnly as Plan).unrefdTimers).toBeUndefined();
  });

  it("waits, as the CLI's event loop does, for the I/O the program left running", () => {
    // Child processes (a callback's, an awaited one's), a file read's and a DNS lookup's; an
    // unref'd child of a minute holds nothing open, so the evaluation ends without it.
    expect(lateIo instanceof Error ? lateIo.message : "plan").toBe("plan");
    const names = (lateIo as Plan).resources.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(["after-child", "after-built", "after-read", "after-lookup"]),
    );
  });

  it("registers what the process's beforeExit listeners declare, as the language host waits for it", () => {
    // @pulumi/aws's bucket notification for onObjectCreated, and the program's own listener's
    // buckets of its first and second rounds.
    for (const result of [beforeExit, beforeExitAgain]) {
      expect(result instanceof Error ? result.message : "plan").toBe("plan");
      const types = (result as Plan).resources.map((r) => `${r.type} ${r.name}`);
      expect(types).toEqual(
        expect.arrayContaining([
          "aws:s3/bucketNotification:BucketNotification to-ingest",
          "aws:s3/bucket:Bucket at-exit",
          "aws:s3/bucket:Bucket at-second-exit",
        ]),
      );
      // Evaluated again in the same process: the first run's listener is gone, not run twice.
      expect(types.filter((t) => t.includes("exit-"))).toEqual([]);
      expect(
        (result as Plan).resources.filter(
          (r) => r.type === "aws:s3/bucketNotification:BucketNotification",
        ),
      ).toHaveLength(1);
    }
  });

  it("refuses a program that sets a non-zero process.exitCode, which fails pulumi up, and evaluates the next one as before", () => {
    expect(exitCode).toBeInstanceOf(Error);
    expect((exitCode as Error).message).toBe(
      'The program exit-code.ts set process.exitCode to 3: its process would end with that code, and pulumi up fails such a run ("Program exited with non-zero exit code: 3"). Leave process.exitCode unset, or throw an error that says what went wrong.',
    );
    // The next program in the same process (beforeExitAgain) is judged as the first was.
    expect(beforeExitAgain instanceof Error ? beforeExitAgain.message : "plan").toBe("plan");
  });

  it("hands the program the stack's config in its environment too, as the language host does", () => {
    expect(configEnv instanceof Error ? configEnv.message : "plan").toBe("plan");
    expect((configEnv as Plan).resources.map((r) => r.name)).toContain("from-environment-2");
  });

  it("says an import through tsconfig's baseUrl is the project's own module Node cannot find, not a package to install", () => {
    expect((baseUrl as Error).message).toBe(
      `The program index.ts failed: Cannot find module 'lib/names': it names "lib/names" of the project through compilerOptions.baseUrl in tsconfig.json, which only the compiler applies and Node does not: pulumi up fails on it too, and npm install cannot help. Import it by a relative path ("./lib/names") (at index.ts:3:1)`,
    );
  });

  it("notes that the program's own code asked isDryRun(), true offline as under pulumi preview, and a library's asking is not the program's", () => {
    expect(dryRunOnly instanceof Error ? dryRunOnly.message : "plan").toBe("plan");
    expect((dryRunOnly as Plan).asksDryRun).toBe(true);
    expect((dryRunOnly as Plan).resources.map((r) => r.name)).not.toContain("only-when-deploying");
    // The programs above ask nothing: the SDK and the AWS package ask for themselves.
    expect((lateTimers as Plan).asksDryRun).toBeUndefined();
  });

  // Found by probing the engine: a program that branched on a secret it could not decrypt, on its
  // organization or on isDryRun() asked through the SDK's settings module was sealed in silence.
  it("notes each stand-in the program asks for itself: a secret it reads, its organization, isDryRun()", () => {
    expect(standIns instanceof Error ? standIns.message : "plan").toBe("plan");
    const p = standIns as Plan;
    expect(p.resources.filter((r) => r.type === "aws:s3/bucket:Bucket").map((r) => r.name)).toEqual(
      ["records"],
    );
    // Compared, not the secret it puts into a resource, nor one it never reads, nor the provider's own key.
    expect(p.readsSecrets).toEqual(["stand-ins:drTarget"]);
    expect(p.asksOrganization).toBe(true);
    expect(p.asksDryRun).toBe(true);
    // Twins: programs that ask none of these (the SDK and the AWS package ask for themselves).
    for (const other of [plan, lateTimers as Plan, dryRunOnly as Plan]) {
      expect(other.readsSecrets).toBeUndefined();
      expect(other.asksOrganization).toBeUndefined();
    }
    expect((lateTimers as Plan).asksDryRun).toBeUndefined();
  });

  // Found by the regression bench: `--stack acme/app/dev` names the organization, which the
  // program was still told was "organization".
  it("answers getOrganization() with the organization a full --stack names, which is then no stand-in", () => {
    const p = standInsOfAcme as Plan;
    expect(p.resources.map((r) => r.name)).toContain("records-acme");
    expect(p.asksOrganization).toBeUndefined();
  });

  it("refuses a program that installs unit-test mocks itself, saying so", () => {
    expect(setMocks).toBeInstanceOf(Error);
    expect((setMocks as Error).message).toContain(
      "The program set-mocks.ts calls pulumi.runtime.setMocks, which replaces the engine with its mocks",
    );
  });

  it("stops a program whose beforeExit listener declares resources without end, naming it", () => {
    expect(beforeExitEndless).toBeInstanceOf(Error);
    expect((beforeExitEndless as Error).message).toContain(
      'kept declaring resources from process "beforeExit" listeners after 100 rounds',
    );
  });

  it("registers resources declared once the program's network requests are answered", () => {
    // A `fetch` and an `http.get` the program does not await, answered after it returned.
    expect(lateRequests instanceof Error ? lateRequests.message : "plan").toBe("plan");
    const names = (lateRequests as Plan).resources.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["after-fetched", "after-get"]));
  });

  it("names the error thrown in a promise's executor that left an input waiting", () => {
    expect(executorThrows instanceof Error ? executorThrows.message : "plan").toBe(
      'The program executor-throws.ts stopped before it finished: nothing was left to run, with 1 resource(s) never registered:\n  - aws:s3/bucketObjectv2:BucketObjectv2 "page" never registered, whose input "content" waits on a promise that never settled\nIt failed first with: archiver is not a function (at executor-throws.ts:9:13).',
    );
  });

  it("names what a failed download could not reach, where the input it was for waits", () => {
    expect(fetchRefused instanceof Error ? fetchRefused.message : "plan").toMatch(
      /aws:iam\/policy:Policy "downloaded" never registered, whose input "policy" failed: fetch failed \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)/,
    );
  });

  // Programs that keep Node's event loop open run into --timeout, which names what holds it.
  it.each([
    [
      "network request is never answered",
      () => unanswered,
      "The program unanswered-request.ts did not finish within 1 s (--timeout): every resource registered, but 1 network request(s) the program made have not been answered (pulumi up waits for them too; a request to a host this machine cannot reach ends when it times out).",
    ],
    [
      "child process never ends",
      () => endlessChild,
      "The program endless-child.ts did not finish within 1 s (--timeout): every resource registered, but 1 operation(s) the program started (a child process, a file read, a DNS lookup) have not finished and hold Node's event loop open, as they would under pulumi up.",
    ],
    [
      "interval is never cleared",
      () => interval,
      "The program interval.ts did not finish within 1 s (--timeout): every resource registered, but 1 timer(s) the program set still hold Node's event loop open (an interval never cleared keeps pulumi up running too; clear it, or unref() it).",
    ],
  ])("ends a program whose %s at the timeout, saying so", (_, result, message) => {
    const r = result();
    expect(r instanceof Error ? r.message : "plan").toBe(message);
  });

  it("runs the program inside the root stack with the stack's config", () => {
    expect(plan.project).toBe("engine-fixture");
    expect(plan.stack).toBe("dev");
    expect(plan.resources[0].type).toBe("pulumi:pulumi:Stack");
    expect(plan.resources.filter((r) => r.type === "aws:s3/bucket:Bucket")).toHaveLength(2);
    expect(plan.outputs.bucketNames).toEqual([
      named(plan, "bucket-0").outputs.bucket,
      named(plan, "bucket-1").outputs.bucket,
    ]);
    // pulumi.runtime.hasEngine(), true under the Pulumi CLI: a program that declares its
    // resources only when an engine runs it passed offline with none.
    expect(plan.outputs.withEngine).toBe(true);
  });

  it("records parents and the protect option", () => {
    const archive = named(plan, "archive");
    expect(named(plan, "key").parent).toBe(archive.urn);
    expect(named(plan, "key").protect).toBe(true);
    expect(named(plan, "bucket-0").protect).toBe(false);
  });

  it("synthesises the default provider from stack config and records explicit ones", () => {
    const defaults = plan.resources.filter((r) => r.synthesized);
    expect(defaults.map((d) => [d.type, d.name, plainProps(d.inputs)])).toEqual([
      ["pulumi:providers:aws", "default_7_48_0", { region: "eu-central-1", version: "7.48.0" }],
    ]);
    expect(named(plan, "key").provider).toBe(defaults[0].urn);
    const frankfurt = named(plan, "frankfurt");
    expect(named(plan, "queue").provider).toBe(frankfurt.urn);
    expect(plainProps(frankfurt.inputs).region).toBe("eu-central-1");
  });

  it("records which resources each input came from", () => {
    const sse = named(plan, "bucket-0-sse");
    expect(sse.propertyDependencies.bucket).toEqual([named(plan, "bucket-0").urn]);
    expect(sse.propertyDependencies.rules).toEqual([named(plan, "key").urn]);
    expect(sse.dependencies).toEqual(expect.arrayContaining([named(plan, "key").urn]));
  });

  it("synthesises outputs deterministically, so the same program gives the same plan", () => {
    expect(again).toEqual(plan);
    expect(named(plan, "key").outputs.arn).toBe(
      `arn:aws:kms:eu-central-1:000000000000:key/${named(plan, "key").id}`,
    );
  });

  it("refuses default providers when the stack disables them, as the Pulumi engine does", () => {
    expect(strict).toBeInstanceOf(ProgramError);
    expect((strict as Error).message).toMatch(
      /Default provider for 'aws' disabled\. 'aws:[a-z0-9/]+:[A-Za-z]+' resource '[a-z0-9-]+' must use an explicit provider/,
    );
  });

  it("reports an error thrown inside an apply as a program error", () => {
    expect(broken).toBeInstanceOf(ProgramError);
    expect((broken as Error).message).toMatch(
      /broken\.ts failed: .*cannot derive a policy for bucket-/,
    );
  });

  it("reports a stack without a config file as a usage error that names the known stacks", () => {
    expect(missing).toBeInstanceOf(UsageError);
    expect((missing as Error).message).toContain("stacks of this project: dev, strict.");
  });
});

describe("what a program's entry exports, taken as the Node.js language host takes it", () => {
  it("leaves a CommonJS entry's default export alone: it is a named export, never called", () => {
    expect(cjsDefault instanceof Error ? cjsDefault.message : "plan").toBe("plan");
    const types = (cjsDefault as Plan).resources.map((r) => r.type);
    expect(types).not.toContain("aws:s3/bucket:Bucket");
    // …and the plan says so, for an advisory finding (engine/opaque.ts).
    expect((cjsDefault as Plan).uncalledDefaultExport).toBe(true);
    expect(plan.uncalledDefaultExport).toBeUndefined();
  });

  it("awaits the promise a CommonJS module is (module.exports = main())", () => {
    expect(exportsPromise instanceof Error ? exportsPromise.message : "plan").toBe("plan");
    expect(named(exportsPromise as Plan, "from-main").type).toBe("aws:s3/bucket:Bucket");
  });
});

describe("loading a program as the Node.js language host does", () => {
  let nodenext: Plan | Error;
  let readsFile: Plan | Error;
  let relative: Plan | Error;
  let noMessage: Plan | Error;
  let missingProperty: Plan | Error;
  let missingPackage: Plan | Error;
  let oldSdk: Plan | Error;
  let missingConfig: Plan | Error;
  let failedCommand: Plan | Error;
  let failedFromAnswer: Plan | Error;
  let duplicate: Plan | Error;
  let removedModule: Plan | Error;
  let removedNamespace: Plan | Error;
  let duplicateProvider: Plan | Error;
  let circular: Plan | Error;
  let exportList: Plan | Error;
  beforeAll(async () => {
    // One process, in this order: the program given by a path relative to the caller's working
    // directory evaluates only if the one before gave that directory back. Failures go last (a
    // failed evaluation retires its process).
    [
      nodenext,
      readsFile,
      relative,
      noMessage,
      missingProperty,
      missingPackage,
      oldSdk,
      missingConfig,
      failedCommand,
      failedFromAnswer,
      duplicate,
      removedModule,
      removedNamespace,
      duplicateProvider,
      circular,
      exportList,
    ] = await evaluateMany([
      { projectDir: dir, stack: "dev", program: path.join(dir, "nodenext.ts") },
      { projectDir: dir, stack: "dev", program: path.join(dir, "reads-file.ts") },
      {
        projectDir: path.relative(process.cwd(), dir),
        stack: "dev",
        program: path.relative(process.cwd(), path.join(dir, "refs.ts")),
      },
      { projectDir: dir, stack: "dev", program: path.join(dir, "no-message.ts") },
      { projectDir: dir, stack: "dev", program: path.join(dir, "missing-property.ts") },
      { projectDir: dir, stack: "dev", program: path.join(dir, "missing-package.ts") },
      { projectDir: dir, stack: "dev", program: path.join(dir, "old-sdk.ts") },
      { projectDir: dir, stack: "dev", program: path.join(dir, "missing-config.ts") },
      { projectDir: dir, stack: "dev", program: path.join(dir, "failed-command.ts") },
      { projectDir: dir, stack: "dev", program: path.join(dir, "failed-command-from-answer.ts") },
      { projectDir: dir, stack: "dev", program: path.join(dir, "duplicate-urn.ts") },
      { projectDir: dir, stack: "dev", program: path.join(dir, "removed-module.ts") },
      { projectDir: dir, stack: "dev", program: path.join(dir, "removed-namespace.ts") },
      { projectDir: dir, stack: "dev", program: path.join(dir, "duplicate-provider.ts") },
      { projectDir: dir, stack: "dev", program: path.join(dir, "circular", "index.ts") },
      { projectDir: dir, stack: "dev", program: path.join(dir, "export-list.ts") },
    ]);
  });

  it("resolves NodeNext-style .js and .cjs specifiers to the program's .ts and .cts files", () => {
    expect(nodenext).not.toBeInstanceOf(Error);
    const bucket = named(nodenext as Plan, "nodenext-logs");
    expect(plainProps(bucket.inputs)).toEqual({
      acl: "private",
      tags: { purpose: "audit-logs", owner: "platform" },
    });
  });

  it("runs the program in the project folder, so it reads files relative to it", () => {
    expect(readsFile).not.toBeInstanceOf(Error);
    expect(plainProps(named(readsFile as Plan, "motd").inputs)).toEqual({
      bucket: "site",
      content: "Data stays in Frankfurt.\n",
    });
    expect((readsFile as Plan).outputs.cwd).toBe(dir);
  });

  it("gives the working directory back afterwards", () => {
    expect(relative).not.toBeInstanceOf(Error);
    expect((relative as Plan).program).toBe("refs.ts");
    expect((relative as Plan).resources.map((r) => r.name)).toEqual([
      "engine-fixture-dev",
      "default_7_48_0",
      "bucket",
      "policy",
    ]);
  });

  it("reports an error without a message by its type and the program line it came from", () => {
    expect(noMessage).toBeInstanceOf(ProgramError);
    expect((noMessage as Error).message).toBe(
      `The program no-message.ts failed: TypeError (no message) at no-message.ts:7:9`,
    );
  });

  it("reports an SDK's error with the program line that declared the resource", () => {
    expect(missingProperty).toBeInstanceOf(ProgramError);
    expect((missingProperty as Error).message).toBe(
      `The program missing-property.ts failed: Missing required property 'bucket' (at missing-property.ts:6:1)`,
    );
  });

  it("names the SDK version a program calls a removed API of, and not the unknown answers", () => {
    expect(oldSdk).toBeInstanceOf(ProgramError);
    const message = (oldSdk as Error).message;
    expect(message).toContain(
      `whose input "subnetId" failed: ec2.getSubnetIds is not a function: @pulumi/aws 7.48.0, which the project installs, has no ec2.getSubnetIds (the program was written for another version of the package) (at old-sdk.ts:9:22)`,
    );
    expect(message).not.toContain("answered with unknown values");
  });

  it("names a config value the stack does not set, and not the unknown answers", () => {
    expect(missingConfig).toBeInstanceOf(ProgramError);
    const message = (missingConfig as Error).message;
    expect(message).toMatch(
      /^The program missing-config\.ts failed: Missing required configuration variable 'engine-fixture:contact'\n\tplease set a value using the command `pulumi config set engine-fixture:contact <value>`\n\(at missing-config\.ts:8:\d+\)$/,
    );
    expect(message).not.toContain("answered with unknown values");
  });

  // Found by the community bench: a failed `docker build` (no daemon here) of programs that also
  // looked up subnets or read another stack ended with the hint that the lookups' unknown answers
  // may be the cause.
  it("names a command the program ran that failed, and not the unknown answers", () => {
    expect(failedCommand).toBeInstanceOf(ProgramError);
    const message = (failedCommand as Error).message;
    expect(message).toContain(
      `aws:ecs/taskDefinition:TaskDefinition "task" never registered, whose input "containerDefinitions" failed: Command failed: sh -c 'echo no Docker daemon >&2; exit 1'`,
    );
    expect(message).not.toContain("answered with unknown values");
  });

  // Red team 85 (x06): a command built from base64 of a lookup's answer failed, and exit 2 left
  // the lookup out, though its stand-in, which the message does not show, may be the cause.
  it("names the unknown answers where the program computed with one before its command failed", () => {
    expect(failedFromAnswer).toBeInstanceOf(ProgramError);
    const message = (failedFromAnswer as Error).message;
    expect(message).toContain("Command failed: echo ");
    expect(message).not.toContain("⟨unknown ");
    expect(message).toContain(
      "the provider function(s) aws:ssm/getParameter:getParameter were answered with unknown values",
    );
    // Said while the program ran in its project's folder: the commands are still typed in the
    // folder the check ran in, naming the project's and the pack from it (found on a bench of
    // Pulumi's templates: the pack was named from the project's folder, the commands were not).
    expect(message).toContain(checkUnderCli("dev", dir, process.cwd()));
    expect(message).toContain(`--project ${path.relative(process.cwd(), dir)} --stack dev`);
  });

  it("names the SDK version a program reads a removed module of", () => {
    expect(removedModule).toBeInstanceOf(ProgramError);
    expect((removedModule as Error).message).toBe(
      "The program removed-module.ts failed: Cannot read properties of undefined (reading 'DefaultVpc'): @pulumi/aws 7.48.0, which the project installs, has no ec2.classic (the program was written for another version of the package) (at removed-module.ts:10:36)",
    );
  });

  it("names the SDK version a program imports a removed namespace of by name", () => {
    expect(removedNamespace).toBeInstanceOf(ProgramError);
    expect((removedNamespace as Error).message).toBe(
      "The program removed-namespace.ts failed: Cannot read properties of undefined (reading 'DefaultVpc'): @pulumi/aws 7.48.0, which the project installs, has no classic (the program was written for another version of the package) (at removed-namespace.ts:7:32)",
    );
  });

  it("sets a program's exports by a list where TypeScript sets them, for a module that imports it back", () => {
    expect(circular).not.toBeInstanceOf(Error);
    expect((circular as Plan).resources.map((r) => r.name)).toEqual(
      expect.arrayContaining(["records", "records-logs"]),
    );
  });

  it("places a failure in such a file at its line and column as written", () => {
    expect(exportList).toBeInstanceOf(Error);
    expect((exportList as Error).message).toBe(
      "The program export-list.ts failed: Cannot read properties of undefined (reading 'DefaultVpc'): @pulumi/aws 7.48.0, which the project installs, has no ec2.classic (the program was written for another version of the package) (at export-list.ts:9:29)",
    );
  });

  it("names the refused registration a resource waited on, where the program stopped", () => {
    expect(duplicateProvider).toBeInstanceOf(ProgramError);
    const refused =
      "failed to register new resource regional [pulumi:providers:aws]: Duplicate resource URN 'urn:pulumi:dev::engine-fixture::pulumi:providers:aws::regional'; try giving it a unique name (at duplicate-provider.ts:7:16)";
    // SDKs since 3.257 fail the program on the refusal; older ones left the topic that waited
    // on the provider unregistered, and the engine's stall report named both.
    expect([
      `The program duplicate-provider.ts failed: ${refused}`,
      "The program duplicate-provider.ts stopped before it finished: nothing was left to run, with 1 resource(s) never registered:\n" +
        '  - aws:sns/topic:Topic "alerts" never registered, whose registration never completed\n' +
        `It failed first with: ${refused}.`,
    ]).toContain((duplicateProvider as Error).message);
  });

  it("refuses a second resource with the same URN, as the Pulumi engine does", () => {
    expect(duplicate).toBeInstanceOf(ProgramError);
    expect((duplicate as Error).message).toBe(
      "The program duplicate-urn.ts failed: failed to register new resource alerts [aws:sns/topic:Topic]: Duplicate resource URN 'urn:pulumi:dev::engine-fixture::aws:sns/topic:Topic::alerts'; try giving it a unique name (at duplicate-urn.ts:7:3)",
    );
  });

  it("reports a package the project has not installed by name, without Node's require stack", () => {
    expect(missingPackage).toBeInstanceOf(ProgramError);
    expect((missingPackage as Error).message).toBe(
      `The program missing-package.ts failed: Cannot find module '@sovereign-dc-fixtures/not-installed': install the program's dependencies (npm install in its project) (at missing-package.ts:3:1)`,
    );
  });
});

describe("ES-module programs, imported as the language host imports them", () => {
  const esm = path.join(dir, "esm");
  const shape = (p: Plan | Error) => {
    expect(p).not.toBeInstanceOf(Error);
    return (p as Plan).resources.map((r) => [r.type, r.name, plainProps(r.inputs)]);
  };
  const stackAndProvider = [
    ["pulumi:pulumi:Stack", "engine-fixture-dev", {}],
    ["pulumi:providers:aws", "default_7_48_0", { region: "eu-central-1", version: "7.48.0" }],
  ];
  let plain: Plan | Error;
  let topLevelAwait: Plan | Error;
  let defaultExport: Plan | Error;
  let plainAgain: Plan | Error;
  let commonJsAfter: Plan | Error;
  let missingImport: Plan | Error;
  let noMessage: Plan | Error;
  let missingFile: Plan | Error;
  let typeAssertion: Plan | Error;
  let namespaced: Plan | Error;
  let mtsInCommonJs: Plan | Error;
  beforeAll(async () => {
    // One batch: after each ES-module program the process retires (Node keeps ES modules for
    // its life) and the rest of the batch continues in a fresh one.
    [
      plain,
      topLevelAwait,
      defaultExport,
      plainAgain,
      commonJsAfter,
      missingImport,
      noMessage,
      missingFile,
      typeAssertion,
      namespaced,
      mtsInCommonJs,
    ] = await evaluateMany(
      [
        "index.ts",
        "top-level-await.ts",
        "default-export.mts",
        "index.ts",
        "../nodenext.ts",
        "missing-import.ts",
        "no-message.ts",
        "nothing.ts",
        "type-assertion.ts",
        "namespace.ts",
        "../commonjs-package.mts",
      ].map((p) => ({ projectDir: dir, stack: "dev", program: path.join(esm, p) })),
    );
  });

  // Found by reading the program-shapes bench again: `main: index.mts` in a CommonJS package
  // got a verdict, where the host's ts-node refuses to require it.
  it("refuses an .mts entry of a package that is not an ES-module one, as the host's ts-node does", () => {
    expect(mtsInCommonJs).toBeInstanceOf(Error);
    expect((mtsInCommonJs as Error).message).toContain(
      'is an ES module\'s TypeScript (.mts) in a package that is not "type": "module": the language host require()s the entry of such a package, through ts-node, which refuses it ("Must use import to load ES Module")',
    );
  });

  it('evaluates a "type": "module" program', () => {
    expect(shape(plain)).toEqual([...stackAndProvider, ["aws:s3/bucket:Bucket", "bucket", {}]]);
  });

  it("compiles TypeScript, resolves a .js specifier to its .ts file and awaits at the top level", () => {
    expect(shape(topLevelAwait)).toEqual([
      ...stackAndProvider,
      [
        "aws:s3/bucket:Bucket",
        "esm-logs",
        { acl: "private", tags: { purpose: "audit-logs", owner: "platform", retention: "30d" } },
      ],
    ]);
    expect((topLevelAwait as Plan).outputs).toEqual({ bucketName: "esm-logs-784584e" });
  });

  it("compiles with TypeScript a module that declares a namespace, which Sucrase drops", () => {
    expect(shape(namespaced)).toEqual([
      ...stackAndProvider,
      ["aws:sns/topic:Topic", "esm-alerts", {}],
    ]);
  });

  it("compiles with TypeScript a module Sucrase would turn into JavaScript that does not parse", () => {
    expect(shape(typeAssertion)).toEqual([
      ...stackAndProvider,
      [
        "aws:iam/role:Role",
        "esm-runner",
        {
          assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Principal: { Service: "lambda.amazonaws.com" },
                Action: "sts:AssumeRole",
              },
            ],
          }),
        },
      ],
    ]);
  });

  it("runs a .mts program's default export and takes its result as the stack's outputs", () => {
    expect(shape(defaultExport)).toEqual([
      ...stackAndProvider,
      ["aws:s3/bucket:Bucket", "esm-archive", { acl: "private" }],
    ]);
    expect((defaultExport as Plan).outputs).toEqual({ archive: "esm-archive-1cd30c8" });
  });

  it("runs the same program again in one batch, and a CommonJS program after it", () => {
    expect(plainAgain).toEqual(plain);
    expect(shape(commonJsAfter)).toEqual([
      ...stackAndProvider,
      [
        "aws:s3/bucket:Bucket",
        "nodenext-logs",
        { acl: "private", tags: { purpose: "audit-logs", owner: "platform" } },
      ],
    ]);
  });

  it("resolves imports without an extension, and of a folder, where the project's nodeargs ask Node to, and only there", async () => {
    const project = path.join(dir, "esm-node-resolution");
    const [asked, strict] = await evaluateMany([
      { projectDir: project, stack: "dev" },
      { projectDir: path.join(project, "strict"), stack: "dev" },
    ]);
    expect(strict).toBeInstanceOf(ProgramError);
    expect((strict as Error).message).toContain(
      `Cannot find module '${path.join(project, "lib", "names")}'`,
    );
    expect(asked).not.toBeInstanceOf(Error);
    expect(
      (asked as Plan).resources.map((r) => [r.type, r.name, plainProps(r.inputs)]),
    ).toContainEqual(["aws:s3/bucket:Bucket", "esm-records", { tags: { team: "platform" } }]);
  });

  it("resolves as tsx does where the project's nodeargs run the program under tsx: folders, files without an extension, tsconfig paths", async () => {
    const project = path.join(dir, "esm-tsx");
    const [tsx, commonJs, plain] = await evaluateMany([
      { projectDir: project, stack: "dev" },
      { projectDir: path.join(project, "cjs"), stack: "dev" },
      { projectDir: path.join(project, "plain"), stack: "dev" },
    ]);
    expect(tsx instanceof Error ? tsx.message : "plan").toBe("plan");
    expect(
      (tsx as Plan).resources.map((r) => [r.type, r.name, plainProps(r.inputs)]),
    ).toContainEqual(["aws:s3/bucket:Bucket", "tsx-records-eu", { tags: { team: "platform" } }]);
    // A CommonJS program's require, by the aliases of its own project's tsconfig.json.
    expect(commonJs instanceof Error ? commonJs.message : "plan").toBe("plan");
    expect((commonJs as Plan).resources.map((r) => r.name)).toContain("tsx-commonjs-records");
    // Without such a loader the alias is no package: the message says what it is, not "install".
    expect((plain as Error).message).toBe(
      `The program index.ts failed: Cannot find package '$lib': it is the alias "$lib/*" of compilerOptions.paths in tsconfig.json, which Node does not map: pulumi up fails on it too unless the project runs the program under a loader that maps them (runtime.options.nodeargs "--import tsx" in Pulumi.yaml, as the guard reads it, or "-r tsconfig-paths/register") (imported from index.ts)`,
    );
  });

  it("reports an import that names no file with Node's message", () => {
    expect(missingImport).toBeInstanceOf(ProgramError);
    expect((missingImport as Error).message).toBe(
      `The program esm/missing-import.ts failed: Cannot find module ` +
        `'${path.join(esm, "lib", "missing.js")}' imported from ${path.join(esm, "missing-import.ts")}`,
    );
  });

  it("reports an error without a message at its source line and column", () => {
    expect(noMessage).toBeInstanceOf(ProgramError);
    expect((noMessage as Error).message).toBe(
      `The program esm/no-message.ts failed: TypeError (no message) at esm/no-message.ts:6:26`,
    );
  });

  it("reports a program file that does not exist as a usage error", () => {
    expect(missingFile).toBeInstanceOf(UsageError);
    expect((missingFile as Error).message).toBe(
      `Cannot load program ${path.join(esm, "nothing.ts")}: the file does not exist.`,
    );
  });
});
