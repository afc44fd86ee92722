/**
 * Runs a CrossGuard policy pack on a recorded plan exactly as the Pulumi CLI does: the pack's
 * entry is started as its own process, it serves the analyzer gRPC protocol on loopback and
 * prints its port, and this client drives it with the CLI's requests — `configure` with the
 * policy config, `analyze` per resource (inputs, options, provider), then `analyzeStack` with
 * every resource's outputs, parent and dependencies. The pack's own runtime does the
 * deserialisation, unknown-value handling, enforcement levels and config validation.
 */
import type { ChildProcess } from "node:child_process";
import * as path from "node:path";
import type * as GrpcModule from "@grpc/grpc-js";
import type * as StructModule from "google-protobuf/google/protobuf/struct_pb";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerClient, AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { encodeAnalyzeRequest, encodeAnalyzeStackRequest, type ProviderRef } from "./analyzer-wire";
import { isProviderType, type Plan, type RecordedResource } from "./plan";
import { type PackEndpoint, type SpawnedPack, spawnPack } from "./spawn-pack";
import { mark } from "./timings";

/**
 * gRPC and protobuf as the SDK's analyzer stubs load them: the client, its credentials and the
 * messages must come from one copy, whatever else the project that installed us holds.
 */
function fromSdk<T>(id: string): T {
  const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve(id, { paths: [sdk] })) as T;
}
const grpc = fromSdk<typeof GrpcModule>("@grpc/grpc-js");
const { Struct } = fromSdk<typeof StructModule>("google-protobuf/google/protobuf/struct_pb");

export type Level = "mandatory" | "advisory";

/** One diagnostic the pack reported. */
export interface Diagnostic {
  readonly policy: string;
  readonly level: Level;
  /** The full message the pack sent (path included, see policy/framework.ts). */
  readonly message: string;
  readonly description: string;
  readonly severity: string;
  /** URN the violation is about (the analysed resource, or the one a stack policy named). */
  readonly urn?: string;
}

/** Config per policy name, as in a `--policy-pack-config` file. */
export type PolicyPackConfig = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

const levels: Record<number, Level | "disabled" | "remediate"> = {
  [analyzerpb.EnforcementLevel.ADVISORY]: "advisory",
  [analyzerpb.EnforcementLevel.MANDATORY]: "mandatory",
  [analyzerpb.EnforcementLevel.DISABLED]: "disabled",
  [analyzerpb.EnforcementLevel.REMEDIATE]: "remediate",
};

const severities: Record<number, string> = {
  [analyzerpb.PolicySeverity.POLICY_SEVERITY_UNSPECIFIED]: "unspecified",
  [analyzerpb.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
  [analyzerpb.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
  [analyzerpb.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
  [analyzerpb.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

function toEnforcement(level: string): analyzerpb.EnforcementLevel {
  switch (level) {
    case "advisory":
      return analyzerpb.EnforcementLevel.ADVISORY;
    case "disabled":
      return analyzerpb.EnforcementLevel.DISABLED;
    case "remediate":
      return analyzerpb.EnforcementLevel.REMEDIATE;
    default:
      return analyzerpb.EnforcementLevel.MANDATORY;
  }
}

/**
 * The config each pack was last sent from this process, by endpoint: sessions that share a pack
 * (a test harness's) send it again only when it changes. A pack started anew is a new endpoint.
 */
const lastConfig = new WeakMap<PackEndpoint, string>();

/** A running policy pack and a client connected to it. */
export class PolicyPackSession {
  private constructor(
    private readonly endpoint: PackEndpoint,
    /** The pack's process when this session owns it (stops it on close). */
    private readonly owned: ChildProcess | undefined,
    private readonly client: AnalyzerClient,
    private readonly stderr: () => string,
  ) {}

  /** Starts the pack in `packDir` (its `index.ts` builds the PolicyPack) and connects. */
  static start(packDir: string): Promise<PolicyPackSession> {
    return PolicyPackSession.connect(spawnPack(packDir));
  }

  /** Connects to a pack started with spawnPack, and stops it on close. */
  static async connect(pack: SpawnedPack): Promise<PolicyPackSession> {
    let port: number;
    try {
      port = await pack.port;
    } catch (e) {
      pack.child.kill();
      throw e;
    }
    return new PolicyPackSession(pack, pack.child, clientFor(port), pack.stderr);
  }

  /**
   * Connects to a pack that others use too; close leaves it running. Its config is whatever
   * the last session sent: configure before analysing.
   */
  static async attach(pack: PackEndpoint): Promise<PolicyPackSession> {
    return new PolicyPackSession(pack, undefined, clientFor(await pack.port), pack.stderr);
  }

  /** Sends the policy config, as `--policy-pack-config` does. */
  async configure(config: PolicyPackConfig): Promise<void> {
    const key = JSON.stringify(config);
    if (lastConfig.get(this.endpoint) === key) {
      return;
    }
    lastConfig.delete(this.endpoint);
    const req = new analyzerpb.ConfigureAnalyzerRequest();
    const map = req.getPolicyconfigMap();
    for (const [policy, props] of Object.entries(config)) {
      const { enforcementLevel, ...rest } = props as { enforcementLevel?: string };
      const pc = new analyzerpb.PolicyConfig();
      pc.setEnforcementlevel(toEnforcement(enforcementLevel ?? "mandatory"));
      pc.setProperties(Struct.fromJavaScript(rest as Record<string, never>));
      map.set(policy, pc);
    }
    await this.call<unknown>((cb) => this.client.configure(req, cb));
    lastConfig.set(this.endpoint, key);
  }

  /** Runs every resource policy on each resource, then every stack policy on the whole plan. */
  async analyzePlan(plan: Plan): Promise<Diagnostic[]> {
    const analysis = this.startPlan(Promise.resolve());
    for (const r of plan.resources) {
      analysis.add(r);
    }
    return analysis.finish(plan);
  }

  /** An analysis on this session, its requests sent once `ready` (the pack configured). */
  startPlan(ready: Promise<void>): PlanAnalysis {
    return new PlanAnalysis(
      ready,
      (req) => this.send(analyze, req),
      (req) => this.send(analyzeStack, req),
    );
  }

  /**
   * An analysis fed resource by resource while the program still runs, as the Pulumi CLI
   * analyses each resource at its step: the pack judges the first resources while the program
   * registers the next. Requests wait for the session and for `config` to be sent.
   */
  static streamPlan(session: Promise<PolicyPackSession>, config: PolicyPackConfig): PlanAnalysis {
    const ready = session.then((s) => s.configure(config));
    ready.catch(() => undefined);
    return new PlanAnalysis(
      ready,
      async (req) => (await session).send(analyze, req),
      async (req) => (await session).send(analyzeStack, req),
    );
  }

  /** Disconnects, and stops the pack's process if this session started it. */
  close(): void {
    this.client.close();
    this.owned?.kill();
  }

  /** An analyze call whose request engine/analyzer-wire.ts has encoded. */
  private send(
    method: typeof analyze | typeof analyzeStack,
    req: Buffer,
  ): Promise<analyzerpb.AnalyzeResponse> {
    return this.call<analyzerpb.AnalyzeResponse>((cb) =>
      this.client.makeUnaryRequest(method.path, raw, method.responseDeserialize, req, (err, resp) =>
        cb(err, resp as analyzerpb.AnalyzeResponse),
      ),
    );
  }

  private call<T>(
    fn: (cb: (err: GrpcModule.ServiceError | null, resp: T) => void) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) =>
      fn((err, resp) => {
        if (err) {
          const detail = this.stderr().trim();
          reject(
            new Error(
              `Policy pack error: ${err.details || err.message}${detail ? `\n${detail}` : ""}`,
            ),
          );
        } else {
          resolve(resp);
        }
      }),
    );
  }
}

/** The two calls whose requests engine/analyzer-wire.ts writes; their answers decode as usual. */
const { analyze, analyzeStack } = AnalyzerService;
/** The requests are already bytes. */
const raw = (b: Buffer): Buffer => b;

/** Analyze requests a session keeps on the connection at once. */
const inFlight = 8;

type Send = (req: Buffer) => Promise<analyzerpb.AnalyzeResponse>;

/** One resource's analysis: its diagnostics, or why the call failed. */
type Outcome = { readonly ok: Diagnostic[] } | { readonly error: unknown };

/**
 * The analysis of one plan (PolicyPackSession.startPlan). Resources are added as they are
 * recorded; up to `inFlight` requests are on the connection at once, so that the pack analyses
 * one resource while this process encodes the next. Each request stands alone (the CLI's step
 * generator sends them one by one; the pack keeps no state between them). `finish` sends the
 * stack, and the diagnostics keep the plan's order.
 *
 * A failed call is kept as an outcome, never left as a rejected promise: a program still running
 * treats unhandled rejections as its own failures.
 */
export class PlanAnalysis {
  private readonly outcomes = new Map<RecordedResource, Promise<Outcome>>();
  private readonly byUrn = new Map<string, RecordedResource>();
  private readonly providerOf = providersOf(this.byUrn, "inputs");
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly ready: Promise<void>,
    private readonly sendOne: Send,
    private readonly sendStack: Send,
  ) {}

  /** Starts the analysis of `r`; its provider must have been added before it. */
  add(r: RecordedResource): void {
    this.byUrn.set(r.urn, r);
    const provider = this.providerOf(r);
    this.outcomes.set(
      r,
      this.slot()
        .then(
          async () => {
            try {
              const resp = await this.sendOne(encodeAnalyzeRequest(r, provider));
              return { ok: diagnostics(resp, r.urn) };
            } finally {
              this.release();
            }
          },
          (error: unknown) => ({ error }),
        )
        .catch((error: unknown) => ({ error })),
    );
  }

  /**
   * Every resource policy's diagnostics for each resource of the plan (any not added yet is
   * analysed now), then every stack policy's on the whole plan.
   */
  async finish(plan: Plan): Promise<Diagnostic[]> {
    for (const r of plan.resources) {
      if (!this.outcomes.has(r)) {
        this.add(r);
      }
    }
    const out: Diagnostic[] = [];
    for (const r of plan.resources) {
      const outcome = await (this.outcomes.get(r) as Promise<Outcome>);
      if ("error" in outcome) {
        throw outcome.error;
      }
      out.push(...outcome.ok);
    }
    mark("analyze resources");
    const stackReq = encodeAnalyzeStackRequest(
      plan.resources,
      providersOf(new Map(plan.resources.map((r) => [r.urn, r])), "outputs"),
    );
    mark("analyze stack: request");
    const resp = await this.sendStack(stackReq);
    mark("analyze stack");
    out.push(...diagnostics(resp, undefined));
    return out;
  }

  /** Resolves when the pack is ready and a request may go on the connection. */
  private async slot(): Promise<void> {
    await this.ready;
    if (this.active < inFlight) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Hands the finished request's place to the next waiting one. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) {
      next();
    } else {
      this.active--;
    }
  }
}

/**
 * The provider message of each resource, `which` of its properties; built once per provider
 * and plan (most resources of a plan share two or three providers).
 */
function providersOf(
  byUrn: ReadonlyMap<string, RecordedResource>,
  which: "inputs" | "outputs",
): (r: RecordedResource) => ProviderRef | undefined {
  const built = new Map<string, ProviderRef>();
  return (r) => {
    if (!r.provider || isProviderType(r.type)) {
      return undefined;
    }
    const p = byUrn.get(r.provider);
    if (!p) {
      return undefined;
    }
    let pr = built.get(p.urn);
    if (pr === undefined) {
      pr = { type: p.type, name: p.name, urn: p.urn, properties: p[which] };
      built.set(p.urn, pr);
    }
    return pr;
  };
}

function diagnostics(resp: analyzerpb.AnalyzeResponse, urn: string | undefined): Diagnostic[] {
  return resp.getDiagnosticsList().flatMap((d) => {
    const level = levels[d.getEnforcementlevel()];
    if (level !== "mandatory" && level !== "advisory") {
      return [];
    }
    return [
      {
        policy: d.getPolicyname(),
        level,
        message: d.getMessage(),
        description: d.getDescription(),
        severity: severities[d.getSeverity()] ?? "unspecified",
        urn: d.getUrn() || urn,
      },
    ];
  });
}

function clientFor(port: number): AnalyzerClient {
  return new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}
