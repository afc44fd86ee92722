/**
 * Outputs of other stacks, as a stack declares them (`sovereign-dc:stackOutputs`). A program that
 * reads another stack's outputs (`new pulumi.StackReference("acme/network/prod")`) gets them from
 * that stack's state under the Pulumi CLI; offline there is no state to read, and they are
 * unknown — so a security group admitting the network stack's CIDR is undecided. A stack may
 * declare what the other stack exports, keyed by the name the program gives the reference, as
 * `pulumi stack output --json --stack <name>` prints it:
 *
 *     sovereign-dc:stackOutputs:
 *       acme/network/prod:
 *         vpcCidr: 10.20.0.0/16
 *         region: cn-shanghai
 *
 * A declaration is the whole of that stack's outputs: one it leaves out reads as an output the
 * other stack does not export, as under the Pulumi CLI. A reference it does not name stays
 * unknown. Read without the rest of the spec, like the clusters: programs of other projects set it.
 */
import type * as Zod from "zod";
import { parseJsonOrText } from "./config-value";

export const stackOutputsKey = "sovereign-dc:stackOutputs";

/** The outputs each referenced stack exports, by the name the program gives the reference. */
export type DeclaredStackOutputs = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** One rejected value, in the shape of the spec's issues (`formatIssue`). */
export interface StackOutputsIssue {
  readonly key: string;
  readonly received: unknown;
  readonly expected: string;
}

const nameExpected = "expected a stack name: <stack>, <project>/<stack> or <org>/<project>/<stack>";
/** The schema of a declaration, built the first time a stack declares one (zod loads with it). */
function declarationSchema() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { z } = require("zod") as typeof Zod;
  const stackName = z.string().regex(/^[\w.-]+(\/[\w.-]+){0,2}$/);
  return z.record(stackName, z.record(z.string().min(1), z.unknown()));
}
let schema: ReturnType<typeof declarationSchema> | undefined;

/**
 * The outputs a flat stack config declares (none when the key is absent), or the issues that
 * reject the value. The Pulumi runtime holds structured values as JSON text.
 */
export function declaredStackOutputsOf(
  config: Readonly<Record<string, string>>,
): { outputs: DeclaredStackOutputs } | { issues: StackOutputsIssue[] } {
  const text = config[stackOutputsKey];
  if (text === undefined) {
    return { outputs: {} };
  }
  const raw = parseJsonOrText(text);
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return {
      issues: [
        {
          key: stackOutputsKey,
          received: raw,
          expected:
            "expected a map from each referenced stack's name to its outputs, as pulumi stack output --json prints them",
        },
      ],
    };
  }
  const result = (schema ??= declarationSchema()).safeParse(raw);
  if (result.success) {
    return { outputs: result.data };
  }
  return {
    issues: result.error.issues.map((issue) => {
      const [stack] = issue.path;
      const entry = typeof stack === "string" ? (raw as Record<string, unknown>)[stack] : raw;
      if (issue.code === "invalid_key") {
        return {
          key: `${stackOutputsKey}.${String(stack ?? "")}`,
          received: stack,
          expected: nameExpected,
        };
      }
      return {
        key: typeof stack === "string" ? `${stackOutputsKey}.${stack}` : stackOutputsKey,
        received: entry,
        expected:
          "expected an object of that stack's outputs, as pulumi stack output --json prints them",
      };
    }),
  };
}
