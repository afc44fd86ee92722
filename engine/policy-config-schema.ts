/**
 * Validates a policy pack config as the Pulumi CLI validates `--policy-pack-config`: each
 * policy's settings against the JSON schema the pack publishes for it (policy/config-schema.ts),
 * its `enforcementLevel` against CrossGuard's levels. Stricter in one point: a setting the
 * policy does not take is an error, not ignored, so a misspelt key cannot pass unnoticed.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import { configSchemaOf } from "../policy/config-schema";

/** The levels CrossGuard accepts in a policy's config. */
export const enforcementLevels: readonly string[] = [
  "advisory",
  "mandatory",
  "remediate",
  "disabled",
];

/**
 * Compiled validators by their schema's text: most policies take the same settings (27 of 29
 * share one schema), and compiling each copy again cost a `--policy-config` run some 350 ms.
 */
const validators = new Map<string, ValidateFunction>();

function validatorOf(ajv: Ajv, policy: string): ValidateFunction {
  const { properties } = configSchemaOf(policy);
  const key = JSON.stringify(properties);
  let v = validators.get(key);
  if (v === undefined) {
    v = ajv.compile({ type: "object", properties });
    validators.set(key, v);
  }
  return v;
}

let shared: Ajv | undefined;

/** A JSON pointer of ajv's as the key a user writes: `regionsInside["azure-native"]`, `waivers[0].expires`. */
function keyOf(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((seg, i) =>
      /^\d+$/.test(seg)
        ? `[${seg}]`
        : /^[A-Za-z_$][\w$]*$/.test(seg)
          ? `${i === 0 ? "" : "."}${seg}`
          : `[${JSON.stringify(seg)}]`,
    )
    .join("");
}

/** The value at an ajv JSON pointer inside `doc`. */
function valueAt(doc: unknown, pointer: string): unknown {
  let at: unknown = doc;
  for (const raw of pointer.split("/").slice(1)) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    at = at !== null && typeof at === "object" ? (at as Record<string, unknown>)[seg] : undefined;
  }
  return at;
}

/** The properties the schema allows at an ajv JSON pointer (through arrays' items). */
function schemaAt(properties: unknown, pointer: string): Record<string, unknown> | undefined {
  let at: unknown = { properties };
  for (const raw of pointer.split("/").slice(1)) {
    const node = at as { items?: unknown; properties?: Record<string, unknown> } | undefined;
    at = /^\d+$/.test(raw)
      ? node?.items
      : node?.properties?.[raw.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return (at as { properties?: Record<string, unknown> } | undefined)?.properties;
}

/** The description the schema gives the value at an ajv JSON pointer, if any. */
function describedAt(policy: string, pointer: string): string | undefined {
  const parts = pointer.split("/").slice(1);
  const last = parts.pop();
  if (last === undefined) {
    return undefined;
  }
  const node = /^\d+$/.test(last)
    ? undefined
    : schemaAt(configSchemaOf(policy).properties, `/${parts.join("/")}`)?.[
        last.replace(/~1/g, "/").replace(/~0/g, "~")
      ];
  const description = (node as { description?: unknown } | undefined)?.description;
  return typeof description === "string" ? description : undefined;
}

function describeError(policy: string, settings: unknown, e: ErrorObject): string {
  if (e.keyword === "additionalProperties") {
    // An entry with a setting it does not take: name that setting, as for a policy's own.
    const extra = (e.params as { additionalProperty: string }).additionalProperty;
    const pointer = `${e.instancePath}/${extra.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    const takes = Object.keys(schemaAt(configSchemaOf(policy).properties, e.instancePath) ?? {});
    return `${policy}.${keyOf(pointer)} is not a setting there (received ${JSON.stringify(valueAt(settings, pointer))}); it takes ${takes.join(", ")}`;
  }
  const key = keyOf(e.instancePath);
  const top = e.instancePath.split("/")[1]?.replace(/~1/g, "/").replace(/~0/g, "~");
  const property = top === undefined ? undefined : configSchemaOf(policy).properties?.[top];
  const takes =
    property !== undefined && typeof property === "object" && "description" in property
      ? ` (${top}: ${String(property.description).replace(/\.$/, "")})`
      : "";
  // A pattern is said in the words of the value's own description where it has one, not as
  // the regular expression.
  const described = e.keyword === "pattern" ? describedAt(policy, e.instancePath) : undefined;
  const must =
    e.keyword === "enum"
      ? `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((a) => JSON.stringify(a)).join(", ")}`
      : described !== undefined
        ? `must be ${described}`
        : (e.message ?? "is not valid");
  return `${policy}.${key} received ${JSON.stringify(valueAt(settings, e.instancePath))}, which ${must}${takes}`;
}

/**
 * Every problem of `config` (policy name → settings), one line each naming the policy and key,
 * the value received and what is allowed; empty when the config is valid.
 */
export function policyConfigProblems(
  config: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
): string[] {
  shared ??= new Ajv({ allErrors: true, strict: false });
  const ajv = shared;
  const problems: string[] = [];
  for (const [policy, settings] of Object.entries(config)) {
    const { enforcementLevel, ...rest } = settings;
    if (enforcementLevel !== undefined && !enforcementLevels.includes(enforcementLevel as string)) {
      problems.push(
        `${policy}.enforcementLevel received ${JSON.stringify(enforcementLevel)}; CrossGuard's levels are ${enforcementLevels.join(", ")}`,
      );
    }
    const known = Object.keys(configSchemaOf(policy).properties ?? {});
    for (const key of Object.keys(rest)) {
      if (!known.includes(key)) {
        problems.push(
          `${policy}.${key} is not a setting of ${policy} (received ${JSON.stringify(rest[key])}); it takes enforcementLevel, ${known.join(", ")}`,
        );
      }
    }
    const validate = validatorOf(ajv, policy);
    if (!validate(rest)) {
      for (const e of validate.errors ?? []) {
        problems.push(describeError(policy, rest, e));
      }
    } else if (Array.isArray(rest.allowTypes)) {
      // A type is accepted by its token; an entry of another shape accepts nothing, silently.
      rest.allowTypes.forEach((t, i) => {
        if (typeof t === "string" && !typeToken.test(t)) {
          problems.push(
            `${policy}.allowTypes[${i}] received ${JSON.stringify(t)}, which is no resource type token <package>:<module>:<Type> (aws:s3/bucketV2:BucketV2, kubernetes:example.com/v1:Cache)`,
          );
        }
      });
    }
  }
  return problems;
}

/** A resource type token: package, module (which may be empty) and type, colon-separated. */
const typeToken = /^[A-Za-z][\w.-]*:[^:\s]*:[A-Za-z_][\w]*$/;
