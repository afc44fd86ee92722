/**
 * Plans for the policy tests: the happy-path fixture programs evaluated once (and cached on disk
 * between test files and runs, keyed by the fixture's and the engine's sources), and builders
 * that add, replace or mutate RecordedResource entries in wire form — the way the offline
 * engine records them, with the provider URNs the analyzer forwards.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type Plan, recordOf, type RecordedResource } from "../../engine/plan";
import { unknownValue } from "../../engine/wire";
import { evaluate } from "./worker";

const root = path.resolve(__dirname, "..", "..");
const fixturesDir = path.join(root, "test", "fixtures");

/** A hash of the files (folders walked recursively) that decide what an evaluation records. */
function sourcesHash(paths: readonly string[]): string {
  const hash = createHash("sha256");
  const add = (file: string) => {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) {
      for (const f of fs.readdirSync(file).sort()) {
        add(path.join(file, f));
      }
    } else if (stat.isFile()) {
      hash.update(path.relative(root, file)).update(fs.readFileSync(file));
    }
  };
  paths.forEach(add);
  return hash.digest("hex").slice(0, 16);
}

/**
 * The plan of `test/fixtures/<fixture>` for `stack`. Evaluating a program costs seconds, so the
 * plan is cached in the OS temp folder, keyed by everything that decides it (see below).
 */
export async function fixturePlan(fixture: string, stack: string): Promise<Plan> {
  const projectDir = path.join(fixturesDir, fixture);
  // The fixture, the engine (and the catalog data it answers functions from), and the installed
  // SDK versions: any change to them makes a new key.
  const key = sourcesHash([
    projectDir,
    path.join(root, "engine"),
    path.join(root, "residency"),
    path.join(root, "package-lock.json"),
  ]);
  const cacheDir = path.join(os.tmpdir(), "sovereign-dc-policy-fixtures");
  const cacheFile = path.join(cacheDir, `${fixture}-${stack}-${key}.json`);
  if (fs.existsSync(cacheFile)) {
    return JSON.parse(fs.readFileSync(cacheFile, "utf8")) as Plan;
  }
  const plan = await evaluate({ projectDir, stack });
  fs.mkdirSync(cacheDir, { recursive: true });
  // Written under a unique name and renamed, so parallel test files never read half a file.
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(plan));
  fs.renameSync(tmp, cacheFile);
  return plan;
}

/**
 * Two AWS stacks to judge a shape in, either side of a border: a CN stack whose resources are in
 * cn-north-1 (the aws-cn partition) and a US stack in us-west-2 (the aws partition).
 */
export async function chinaAndOregonPlans(): Promise<{ china: Plan; oregon: Plan }> {
  const [china, oregon] = await Promise.all([
    fixturePlan("aws-oai-bucket", "cn"),
    fixturePlan("policy-aws", "us"),
  ]);
  return { china, oregon };
}

/** The value the engine sends for an input that is not known until other resources exist. */
export const unknown = unknownValue;

/** The URN of a resource or provider of the plan by name (explicit providers by their name). */
export function urnOf(plan: Plan, name: string): string {
  const r = plan.resources.find((x) => x.name === name);
  if (!r) {
    throw new Error(
      `No resource named ${JSON.stringify(name)} in the plan; names: ${plan.resources.map((x) => x.name).join(", ")}`,
    );
  }
  return r.urn;
}

/** The resource of the plan with this name. */
export function named(plan: Plan, name: string): RecordedResource {
  const r = plan.resources.find((x) => x.name === name);
  if (!r) {
    throw new Error(`No resource named ${JSON.stringify(name)} in the plan.`);
  }
  return r;
}

/** The synthesised default provider of a package (`aws`, `alicloud`, `kubernetes`). */
export function defaultProvider(plan: Plan, pkg: string): RecordedResource {
  const p = plan.resources.find((r) => r.type === `pulumi:providers:${pkg}` && r.synthesized);
  if (!p) {
    throw new Error(`The plan has no default ${pkg} provider.`);
  }
  return p;
}

export interface ResourceOptions {
  /** Name of an explicit provider of the plan; defaults to the package's default provider. */
  readonly provider?: string;
  /** Outputs beyond the inputs (ids, ARNs, locations). */
  readonly outputs?: Record<string, unknown>;
  /** Input property → names of the resources its value came from. */
  readonly dependsOn?: Record<string, readonly string[]>;
  readonly id?: string;
  /** Name of the resource of the plan it is a child of (a component's); default the stack. */
  readonly parent?: string;
}

/** A custom resource as the engine records it, managed by a provider of the plan. */
export function resource(
  plan: Plan,
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  opts: ResourceOptions = {},
): RecordedResource {
  const isProvider = type.startsWith("pulumi:providers:");
  const pkg = type.split(":")[0];
  const provider = isProvider
    ? undefined
    : opts.provider !== undefined
      ? urnOf(plan, opts.provider)
      : defaultProvider(plan, pkg).urn;
  const stack = plan.resources.find((r) => r.type === "pulumi:pulumi:Stack");
  const propertyDependencies = Object.fromEntries(
    Object.entries(opts.dependsOn ?? {}).map(([k, names]) => [k, names.map((n) => urnOf(plan, n))]),
  );
  const id = opts.id ?? `${name}-id`;
  return recordOf({
    urn: `urn:pulumi:${plan.stack}::${plan.project}::${type}::${name}`,
    type,
    name,
    custom: true,
    parent: opts.parent !== undefined ? urnOf(plan, opts.parent) : stack?.urn,
    provider,
    dependencies: Object.values(propertyDependencies).flat(),
    propertyDependencies,
    inputs,
    // Like the offline engine: the id is not among the outputs.
    outputs: { ...inputs, ...(opts.outputs ?? {}) },
    id,
  });
}

/** An explicit provider resource (its inputs as the SDK sends them: non-strings JSON text). */
export function provider(
  plan: Plan,
  pkg: string,
  name: string,
  props: Record<string, unknown>,
): RecordedResource {
  const inputs = Object.fromEntries(
    Object.entries(props).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
  );
  return resource(plan, `pulumi:providers:${pkg}`, name, inputs);
}

/** The plan with extra resources appended. */
export function withResources(plan: Plan, ...extra: RecordedResource[]): Plan {
  return { ...plan, resources: [...plan.resources, ...extra] };
}

/** The plan without the named resources. */
export function without(plan: Plan, ...names: string[]): Plan {
  return { ...plan, resources: plan.resources.filter((r) => !names.includes(r.name)) };
}

type Props = Record<string, unknown>;

/**
 * The plan with one resource changed: `change` receives a deep copy of its inputs and returns
 * the new inputs, which also replace the echoed inputs among its outputs.
 */
export function mutate(plan: Plan, name: string, change: (inputs: Props) => Props): Plan {
  named(plan, name);
  return {
    ...plan,
    resources: plan.resources.map((r) => {
      if (r.name !== name) {
        return r;
      }
      const inputs = change(structuredClone(r.inputs) as Props);
      // Outputs echo the inputs: drop the old ones (so deleted inputs vanish), keep computed ones.
      const computed = Object.fromEntries(
        Object.entries(r.outputs).filter(([k]) => !(k in r.inputs)),
      );
      return { ...r, inputs, outputs: { ...computed, ...inputs } };
    }),
  };
}

/** The plan with one resource's property dependencies replaced (names → URNs). */
export function withDependencies(
  plan: Plan,
  name: string,
  deps: Record<string, readonly string[]>,
): Plan {
  const propertyDependencies = Object.fromEntries(
    Object.entries(deps).map(([k, names]) => [k, names.map((n) => urnOf(plan, n))]),
  );
  return {
    ...plan,
    resources: plan.resources.map((r) =>
      r.name === name
        ? { ...r, propertyDependencies, dependencies: Object.values(propertyDependencies).flat() }
        : r,
    ),
  };
}

/** A mutation that edits one resource's inputs in place. */
export function set(name: string, change: (inputs: Props) => void): (plan: Plan) => Plan {
  return (plan) =>
    mutate(plan, name, (p) => {
      change(p);
      return p;
    });
}

/** A mutation that adds one resource (see `resource`). */
export function add(
  type: string,
  name: string,
  inputs: Props,
  opts: ResourceOptions = {},
): (plan: Plan) => Plan {
  return (plan) => withResources(plan, resource(plan, type, name, inputs, opts));
}

/**
 * A Service "partner" of the records namespace on the happy path's cluster (provider "kube")
 * aliasing `host` (type ExternalName).
 */
export const externalName = (host: string) =>
  add(
    "kubernetes:core/v1:Service",
    "partner",
    { metadata: { namespace: "records" }, spec: { type: "ExternalName", externalName: host } },
    { provider: "kube" },
  );

/**
 * A Deployment `name` (pods labelled `app: <name>`) of `namespace`, through `provider` (the happy
 * path's cluster), its pod spec with `pod` beside the one container, which has `container`'s
 * fields (its command, args) too.
 */
export const deploymentOn = (
  name: string,
  namespace: string,
  provider = "kube",
  pod: Props = {},
  container: Props = {},
) =>
  add(
    "kubernetes:apps/v1:Deployment",
    name,
    {
      metadata: { namespace },
      spec: {
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: {
            ...pod,
            containers: [{ name, image: `registry.example.com/${name}:1.0`, ...container }],
          },
        },
      },
    },
    { provider },
  );

/** The root or system disk of each kind of instance (node pool, template) on the key `k`. */
const systemDisk = {
  "aws:ec2/instance:Instance": (k: RecordedResource) => ({
    rootBlockDevice: { encrypted: true, kmsKeyId: k.outputs.arn },
  }),
  "aws:ec2/spotInstanceRequest:SpotInstanceRequest": (k: RecordedResource) => ({
    rootBlockDevice: { encrypted: true, kmsKeyId: k.outputs.arn },
  }),
  "alicloud:ecs/instance:Instance": (k: RecordedResource) => ({
    systemDiskEncrypted: true,
    systemDiskKmsKeyId: k.id,
  }),
  "alicloud:ess/scalingConfiguration:ScalingConfiguration": (k: RecordedResource) => ({
    systemDiskEncrypted: true,
    systemDiskKmsKeyId: k.id,
  }),
  "alicloud:cs/nodePool:NodePool": (k: RecordedResource) => ({
    systemDiskEncrypted: true,
    systemDiskKmsKey: k.id,
  }),
  "alicloud:ecs/launchTemplate:LaunchTemplate": (k: RecordedResource) => ({
    systemDisk: { encrypted: true, kmsKeyId: k.id },
  }),
  "alicloud:ecs/ecsLaunchTemplate:EcsLaunchTemplate": (k: RecordedResource) => ({
    systemDisk: { encrypted: true, kmsKeyId: k.id },
  }),
} as const;

/**
 * `add` for an instance, spot instance request, node pool, scaling configuration or launch
 * template whose root or system disk is encrypted with the policy plan's key "key", as the plan's
 * other stores are, so that a case about its network meets no customer-key-encryption finding on
 * its disk.
 */
export function addInstance(
  type: keyof typeof systemDisk,
  name: string,
  inputs: Props,
  opts: ResourceOptions = {},
): (plan: Plan) => Plan {
  return (plan) => {
    const disk = systemDisk[type](named(plan, "key"));
    const dependsOn = Object.fromEntries(Object.keys(disk).map((k) => [k, ["key"]]));
    return add(
      type,
      name,
      { ...inputs, ...disk },
      { ...opts, dependsOn: { ...opts.dependsOn, ...dependsOn } },
    )(plan);
  };
}

/**
 * A mutation that adds a component resource of the program, as the engine records it: no
 * provider, no ID, its inputs its outputs' only source.
 */
export function addComponent(type: string, name: string, inputs: Props): (plan: Plan) => Plan {
  return (plan) =>
    withResources(
      plan,
      recordOf({
        urn: `urn:pulumi:${plan.stack}::${plan.project}::${type}::${name}`,
        type,
        name,
        custom: false,
        parent: plan.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.urn,
        inputs,
      }),
    );
}

/** A mutation that adds an explicit provider (see `provider`). */
export function addProvider(pkg: string, name: string, props: Props): (plan: Plan) => Plan {
  return (plan) => withResources(plan, provider(plan, pkg, name, props));
}

/** Mutations applied left to right. */
export function pipe(...steps: Array<(plan: Plan) => Plan>): (plan: Plan) => Plan {
  return (plan) => steps.reduce((p, step) => step(p), plan);
}

/** Types that hold a data store's encryption apart from the store (customer-key-encryption). */
const encryptionCompanions = new Set([
  "alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption",
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
]);

function topLevelStrings(props: Readonly<Record<string, unknown>>): string[] {
  return Object.values(props).filter((v): v is string => typeof v === "string" && v.length > 3);
}

function deepStrings(value: unknown): string[] {
  if (typeof value === "string") {
    // A JSON document held as text (a connector template, a policy) names what its values name.
    if (/^\s*[[{]/.test(value)) {
      try {
        return [value, ...deepStrings(JSON.parse(value))];
      } catch {
        return [value];
      }
    }
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(deepStrings);
  }
  return value && typeof value === "object" ? Object.values(value).flatMap(deepStrings) : [];
}

/**
 * The smallest plan on which the per-resource policies judge a mutation the way they judge the
 * whole plan: the resources the mutation changed, added or depended on (for removed ones: what
 * they depended on) and those named in `focus`, everything those depend on, the resources their
 * literal values name (a bucket by name, ARN or `s3://` URI), and the encryption companions of every store
 * among them — plus the stack and every provider. `focus` keeps the resource a test is about
 * when the mutation leaves it as the happy path has it. Not for the border analysis: a path out
 * may run from a store that is not among them (a bucket readable from a VPC whose peering the
 * mutation changed).
 */
/** Each plan's resources as JSON text, by URN: the happy path is `full` to every case of a file. */
const asText = new WeakMap<Plan, Map<string, string>>();

function textByUrn(plan: Plan): Map<string, string> {
  let text = asText.get(plan);
  if (text === undefined) {
    text = new Map(plan.resources.map((r) => [r.urn, JSON.stringify(r)]));
    asText.set(plan, text);
  }
  return text;
}

export function around(full: Plan, mutated: Plan, focus: readonly string[] = []): Plan {
  const before = textByUrn(full);
  const byUrn = new Map(mutated.resources.map((r) => [r.urn, r]));
  const present = new Set(mutated.resources.map((r) => r.urn));
  const seeds = mutated.resources.filter(
    (r) => before.get(r.urn) !== JSON.stringify(r) || focus.includes(r.name),
  );
  const removedDeps = full.resources
    .filter((r) => !present.has(r.urn))
    .flatMap((r) => [...r.dependencies, ...Object.values(r.propertyDependencies).flat()]);

  const keep = new Set<string>();
  const queue = [...seeds.map((r) => r.urn), ...removedDeps];
  // A value not known at preview names nothing, though it travels as one string everywhere.
  const literals = new Set(
    seeds.flatMap((r) => deepStrings(r.inputs)).filter((v) => v !== unknownValue),
  );
  // What a literal names besides itself: what follows each `:::` of it (an S3 ARN's bucket and
  // key, and the bucket alone of an object's ARN), and each path of an `s3://` (or `s3ssl://`) URI up to a slash
  // or its end (its bucket first).
  const alsoNamed = new Set<string>();
  for (const l of literals) {
    for (let at = l.indexOf(":::"); at >= 0; at = l.indexOf(":::", at + 1)) {
      alsoNamed.add(l.slice(at + 3));
      alsoNamed.add(l.slice(at + 3).split("/")[0]);
    }
    // MediaLive writes `s3ssl://`.
    const scheme = /^s3(ssl)?:\/\//.exec(l)?.[0].length;
    if (scheme !== undefined) {
      for (let slash = l.indexOf("/", scheme); slash >= 0; slash = l.indexOf("/", slash + 1)) {
        alsoNamed.add(l.slice(scheme, slash));
      }
      alsoNamed.add(l.slice(scheme));
    }
  }
  const named = (r: RecordedResource) =>
    topLevelStrings(r.outputs).some((v) => literals.has(v) || alsoNamed.has(v));
  queue.push(...mutated.resources.filter(named).map((r) => r.urn));
  while (queue.length > 0) {
    const urn = queue.pop()!;
    const r = byUrn.get(urn);
    if (!r || keep.has(urn)) {
      continue;
    }
    keep.add(urn);
    queue.push(...r.dependencies, ...Object.values(r.propertyDependencies).flat());
    for (const c of mutated.resources) {
      if (encryptionCompanions.has(c.type) && c.dependencies.includes(urn)) {
        queue.push(c.urn);
      }
    }
  }
  return {
    ...mutated,
    resources: mutated.resources.filter(
      (r) =>
        keep.has(r.urn) ||
        r.type === "pulumi:pulumi:Stack" ||
        r.type.startsWith("pulumi:providers:"),
    ),
  };
}
