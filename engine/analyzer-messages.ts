/**
 * The analyzer protocol's messages as the engine builds and reads them, shared by the session
 * (engine/analyzer.ts) and the thread that keeps its connection (engine/analyzer-thread.ts): the
 * SDK's copies of gRPC and protobuf, the configure request, and the diagnostics of an answer.
 */
import * as path from "node:path";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { encodeConfigureRequest } from "./analyzer-wire";

/**
 * gRPC and protobuf as the SDK's analyzer stubs load them: the client, its credentials and the
 * messages must come from one copy, whatever else the project that installed us holds.
 */
export function fromSdk<T>(id: string): T {
  const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve(id, { paths: [sdk] })) as T;
}

export { analyzerMethods } from "./pack-frames";

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

export function toEnforcement(level: string): analyzerpb.EnforcementLevel {
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
 * `pulumirpc.ConfigureAnalyzerRequest` for a `--policy-pack-config` shaped config, as bytes
 * (engine/analyzer-wire.ts writes them; the pack decodes them with the SDK's messages).
 */
export function configureRequest(config: PolicyPackConfig): Buffer {
  return encodeConfigureRequest(config, toEnforcement);
}

/** The reported diagnostics of an answer; `urn` stands in where a diagnostic names none. */
export function diagnostics(
  resp: analyzerpb.AnalyzeResponse,
  urn: string | undefined,
): Diagnostic[] {
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
