/**
 * How each policy's cost grows with the stack: every policy of the pack, run in process as the
 * CrossGuard runtime runs it (each resource behind the runtime's unknown-checking proxy, every
 * resource policy on every resource, every stack policy once over all of them), on stacks made of
 * copies of the same inputs, and the time per resource at each size against the time per
 * resource at the smallest. A policy whose cost per resource grows with the number of copies
 * scans the stack for each resource somewhere; two found so far gathered a provider's objects by
 * copying its list once an object, and placed each route's host by scanning every ServiceEntry.
 *
 * The inputs:
 * - kubernetes: for every Kubernetes kind the type tables give a destination field, an object
 *   per field and value — a private address, a name of the cluster, a URL inside the
 *   jurisdiction — in three namespaces of one cluster (a provider declared in cn-shanghai);
 * - aws, alicloud: the resources the policy tests' fixture programs record (test/fixtures/
 *   policy-aws under a US stack, policy-alicloud under a CN one), evaluated offline.
 * A copy renames every resource but the stack (and, for Kubernetes, the provider), keeping
 * providers and dependencies within the copy; one copy of an input holds at least 2,000
 * resources (the fixtures' forty-odd are copied as often as that takes), and `--copies` counts
 * those.
 *
 *   node --require sucrase/register/ts bench/policies.bench.ts [--copies 1,2,4] [--runs 3] [--inputs kubernetes,aws,alicloud]
 *
 * Prints, per input, each policy's milliseconds at each size and the growth of its time per
 * resource from the first size to the last (1.00 = linear), marking growth over 2.
 */
import type { ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { parseArgs } from "node:util";
import { tables } from "../policy/paths/types";
import { policies } from "../policy/policies";
import { oracleInputsOf, type OracleResource, policyResources } from "../test/helpers/model-oracle";
import { fixturePlan } from "../test/helpers/policy-plan";

const inputNames = ["kubernetes", "aws", "alicloud"] as const;
type InputName = (typeof inputNames)[number];

const { values: args } = parseArgs({
  options: {
    copies: { type: "string", default: "1,2,4" },
    inputs: { type: "string", default: inputNames.join(",") },
    runs: { type: "string", default: "3" },
  },
});
const copies = args.copies.split(",").map((s) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`--copies: received ${JSON.stringify(s)}; expected whole numbers ≥ 1`);
  }
  return n;
});
if (copies.length < 2) {
  throw new Error(`--copies: received ${JSON.stringify(args.copies)}; expected two sizes or more`);
}
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) {
  throw new Error(`--runs: received ${JSON.stringify(args.runs)}; expected a whole number ≥ 1`);
}
const inputs = args.inputs.split(",").map((s) => {
  if (!(inputNames as readonly string[]).includes(s)) {
    throw new Error(
      `--inputs: received ${JSON.stringify(s)}; expected some of ${inputNames.join(", ")}`,
    );
  }
  return s as InputName;
});

/** `value` at `path` (`a.b[].c`: a list at `b`), as an object. */
function shape(path: string, value: unknown): Record<string, unknown> {
  let held: unknown = value;
  for (const part of path.split(".").reverse()) {
    held = part.endsWith("[]") ? { [part.slice(0, -2)]: [held] } : { [part]: held };
  }
  return held as Record<string, unknown>;
}

const cluster: OracleResource = {
  type: "pulumi:providers:kubernetes",
  name: "shanghai",
  props: { context: "shanghai-prod" },
};

function kubernetesShapes(): OracleResource[] {
  const values = ["10.0.0.7", "orders.shop.svc.cluster.local", "https://logs.example.cn/ingest"];
  const objects = Object.entries(tables.kubernetes).flatMap(([type, model]) =>
    (model.fields ?? [])
      .filter((f) => f.format === "destination")
      .flatMap((f, i) =>
        values.map((v, j) => ({
          type,
          name: `${type.split(":").slice(1).join("-").replace(/[/.]/g, "-")}-${i}-${j}`,
          props: { metadata: { namespace: `team-${j}` }, ...shape(f.path, v) },
          provider: cluster.name,
        })),
      ),
  );
  return [cluster, ...objects];
}

/** Top-level properties that hold what a resource is called or known by in its cloud. */
const namingKey = /^(id|name|bucket|arn)$|(Name|Id|Arn)$/;

/**
 * The names and IDs `resources` are known by in their clouds (the values of their naming
 * properties): a copy of the stack must call its resources otherwise, or every lookup by name
 * would find each copy's resources in every copy.
 */
function cloudNames(resources: readonly OracleResource[]): Set<string> {
  const out = new Set<string>();
  for (const r of resources) {
    for (const [k, v] of Object.entries(r.props ?? {})) {
      if (namingKey.test(k) && typeof v === "string" && v.length >= 3) {
        out.add(v);
      }
    }
  }
  return out;
}

/** `value` with every string `names` holds suffixed by `suffix`, wherever it is nested. */
function renamed(value: unknown, names: ReadonlySet<string>, suffix: string): unknown {
  if (typeof value === "string") {
    return names.has(value) ? `${value}${suffix}` : value;
  }
  if (Array.isArray(value)) {
    return value.map((v) => renamed(v, names, suffix));
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, renamed(v, names, suffix)]),
    );
  }
  return value;
}

/**
 * `n` copies of `resources`, all but those `shared` keeps once renamed in each: their names in
 * the program, and the names and IDs they are known by in their clouds wherever a property of
 * the copy holds one.
 */
function copied(
  resources: readonly OracleResource[],
  n: number,
  shared: (r: OracleResource) => boolean,
): OracleResource[] {
  const kept = new Set(resources.filter(shared).map((r) => r.name));
  const names = cloudNames(resources.filter((r) => !kept.has(r.name)));
  const out = resources.filter(shared);
  for (let c = 0; c < n; c++) {
    const name = (x: string) => (kept.has(x) ? x : `${x}~${c}`);
    for (const r of resources) {
      if (kept.has(r.name)) {
        continue;
      }
      out.push({
        ...r,
        props: renamed(r.props, names, `-${c}`) as Record<string, unknown> | undefined,
        name: name(r.name),
        provider: r.provider === undefined ? undefined : name(r.provider),
        deps:
          r.deps === undefined
            ? undefined
            : Object.fromEntries(Object.entries(r.deps).map(([p, ns]) => [p, ns.map(name)])),
      });
    }
  }
  return out;
}

/** Milliseconds each policy took over `resources`. */
function timed(resources: readonly OracleResource[], jurisdiction: string): Map<string, number> {
  const handed = policyResources(resources);
  const config = {
    jurisdiction,
    egressAllowlist: [],
    waivers: [],
    unknownAtPreview: "fail",
    clusters: [{ context: "shanghai-prod", cloud: "alicloud", region: "cn-shanghai" }],
  };
  const getConfig = () => config;
  const notApplicable = () => {
    throw new Error("a residency policy does not call notApplicable");
  };
  const out = new Map<string, number>();
  for (const p of policies) {
    const start = performance.now();
    try {
      if ("validateResource" in p && typeof p.validateResource === "function") {
        const validate = p.validateResource as (a: ResourceValidationArgs, r: () => void) => void;
        for (const r of handed) {
          validate(
            { ...r, getConfig, notApplicable } as unknown as ResourceValidationArgs,
            () => {},
          );
        }
      }
      if ("validateStack" in p && typeof p.validateStack === "function") {
        const validate = p.validateStack as (a: StackValidationArgs, r: () => void) => void;
        validate(
          { resources: handed, getConfig, notApplicable } as unknown as StackValidationArgs,
          () => {},
        );
      }
    } catch (e) {
      // A value not known at preview ends a policy's run as the runtime ends it; anything else
      // is the bench's to report.
      if ((e as Error).constructor.name !== "UnknownValueError") {
        throw e;
      }
    }
    out.set(p.name, performance.now() - start);
  }
  return out;
}

async function inputOf(name: InputName) {
  switch (name) {
    case "kubernetes":
      return {
        resources: kubernetesShapes(),
        jurisdiction: "CN",
        shared: (r: OracleResource) => r.type.startsWith("pulumi:providers:"),
      };
    case "aws":
      return {
        resources: oracleInputsOf(await fixturePlan("policy-aws", "us")),
        jurisdiction: "US",
        shared: (r: OracleResource) => r.type === "pulumi:pulumi:Stack",
      };
    case "alicloud":
      return {
        resources: oracleInputsOf(await fixturePlan("policy-alicloud", "cn")),
        jurisdiction: "CN",
        shared: (r: OracleResource) => r.type === "pulumi:pulumi:Stack",
      };
  }
}

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  let grown = 0;
  for (const name of inputs) {
    const { resources, jurisdiction, shared } = await inputOf(name);
    // The copies that make one unit of at least `unit` resources.
    const unit = Math.ceil(2000 / resources.length);
    const sizes = copies.map((n) => {
      const stack = copied(resources, n * unit, shared);
      // Once to compile the policies' code for this shape, then measured: the median of the
      // runs for each policy, as a collection of the heap may fall in any policy's time.
      timed(stack, jurisdiction);
      const measured = Array.from({ length: runs }, () => timed(stack, jurisdiction));
      const ms = new Map(
        [...measured[0].keys()].map((p) => [p, median(measured.map((m) => m.get(p) as number))]),
      );
      return { size: stack.length, ms };
    });
    const lines = [
      `\n${name} (jurisdiction ${jurisdiction}): ${sizes.map((r) => r.size).join(", ")} resources, median of ${runs} runs`,
      `| policy | ${sizes.map((r) => `ms at ${r.size}`).join(" | ")} | growth per resource |`,
      `|---|${sizes.map(() => "---").join("|")}|---|`,
    ];
    for (const policy of sizes[0].ms.keys()) {
      const ms = sizes.map((r) => r.ms.get(policy) as number);
      const first = Math.max(ms[0], 0.5) / sizes[0].size;
      const last = ms[ms.length - 1] / sizes[sizes.length - 1].size;
      // Over a few milliseconds the clock's grain and the heap's collections decide: no growth
      // is told from those.
      const growth = ms[ms.length - 1] < 20 ? undefined : last / first;
      const mark = growth !== undefined && growth > 2 ? " **grows**" : "";
      grown += mark === "" ? 0 : 1;
      lines.push(
        `| ${policy} | ${ms.map((t) => t.toFixed(0)).join(" | ")} | ${growth === undefined ? "n/a" : growth.toFixed(2)}${mark} |`,
      );
    }
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  process.stdout.write(
    `\n${grown === 0 ? "No policy's cost per resource grew more than twofold." : `${grown} policies' cost per resource grew more than twofold.`}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(2);
});
