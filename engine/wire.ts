/**
 * The Pulumi wire form of property values: secrets, resource references, assets and unknowns
 * travel as objects tagged with a signature key. The engine records inputs in this form — it is
 * what the Pulumi CLI forwards to a policy pack — and turns them into plain values for display.
 */

export const sigKey = "4dabf18193072939515e22adb298388d";
export const secretSig = "1b47061264138c4ac30d75fd1eb44270";
export const resourceSig = "5cf8f73096256a8f31e491e813e4eb8e";
export const outputValueSig = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
/** The value the engine sends for a property that is not known until the resource exists. */
export const unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Options for turning wire values into plain ones. */
export interface PlainOptions {
  /** Replace secret values by this text instead of revealing them (default: reveal). */
  readonly maskSecrets?: string;
  /** Show unknown values as this text instead of leaving them out (default: leave out). */
  readonly markUnknowns?: string;
  /**
   * Show a resource reference as the policy pack receives it — a custom resource's ID, a
   * component's URN, as the Pulumi CLI marshals references for analyzers — instead of its URN.
   */
  readonly refsAsAnalyzed?: boolean;
}

/**
 * A resource reference as the Pulumi CLI marshals it for analyzers, which keep no references: the
 * resource's ID (a custom resource), else its URN (a component).
 */
export function analyzedRef(ref: Readonly<Record<string, unknown>>): string {
  return typeof ref.id === "string" && ref.id !== "" ? ref.id : String(ref.urn);
}

/**
 * A plain JSON value: secrets unwrapped (or masked), resource references replaced by their URN
 * (or as analysed), unknowns left out (or marked).
 */
export function toPlain(value: unknown, opts: PlainOptions = {}): unknown {
  if (value === unknownValue) {
    return opts.markUnknowns;
  }
  if (Array.isArray(value)) {
    return value.map((v) => toPlain(v, opts));
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  const obj = value as Record<string, unknown>;
  switch (obj[sigKey]) {
    case secretSig:
      return opts.maskSecrets !== undefined ? opts.maskSecrets : toPlain(obj.value, opts);
    case resourceSig:
      return opts.refsAsAnalyzed ? analyzedRef(obj) : obj.urn;
    case outputValueSig:
      return "value" in obj ? toPlain(obj.value, opts) : opts.markUnknowns;
    default:
      break;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const p = toPlain(v, opts);
    if (p !== undefined) {
      out[k] = p;
    }
  }
  return out;
}

/**
 * A value with the SDK's output values (`{ [sigKey]: outputValueSig, value?, secret? }`, which it
 * sends only in a multi-language component's inputs) in the wire form of every other input: the
 * value, a secret's wrapper, or the unknown value.
 */
export function withoutOutputValues(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutOutputValues);
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  const obj = value as Record<string, unknown>;
  if (obj[sigKey] === outputValueSig) {
    if (!("value" in obj)) {
      return unknownValue;
    }
    const inner = withoutOutputValues(obj.value);
    return obj.secret === true ? { [sigKey]: secretSig, value: inner } : inner;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    out[k] = withoutOutputValues(v);
  }
  return out;
}

/** `toPlain` for a property map. */
export function plainProps(
  props: Readonly<Record<string, unknown>>,
  opts: PlainOptions = {},
): Record<string, unknown> {
  return toPlain(props, opts) as Record<string, unknown>;
}

/** Whether a wire value holds a resource reference anywhere. */
export function holdsResourceRef(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.some(holdsResourceRef);
  }
  if (value === null || typeof value !== "object") {
    return false;
  }
  const obj = value as Record<string, unknown>;
  if (obj[sigKey] === resourceSig) {
    return true;
  }
  for (const k in obj) {
    if (holdsResourceRef(obj[k])) {
      return true;
    }
  }
  return false;
}

/** Whether a wire value holds the unknown value anywhere. */
export function holdsUnknown(v: unknown): boolean {
  if (v === unknownValue) {
    return true;
  }
  if (Array.isArray(v)) {
    return v.some(holdsUnknown);
  }
  return typeof v === "object" && v !== null && Object.values(v).some(holdsUnknown);
}

/**
 * The texts a program marked secret (`pulumi.secret`, `config.requireSecret`) in these wire
 * values, longest first: each secret's text leaves, as written and as JSON quotes them. Texts shorter than eight
 * characters are left out: masking them would garble every message that happens to hold the
 * same word (a database named `data` by a secret), and what findings quote — URLs, hosts, ARNs,
 * account IDs, tokens — is longer.
 */
export function secretTexts(values: Iterable<unknown>): string[] {
  const found = new Set<string>();
  const leaves = (value: unknown): void => {
    if (typeof value === "string") {
      if (value.length >= 8) {
        found.add(value);
        found.add(JSON.stringify(value).slice(1, -1));
      }
    } else if (Array.isArray(value)) {
      value.forEach(leaves);
    } else if (value !== null && typeof value === "object") {
      Object.values(value).forEach(leaves);
    }
  };
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (value !== null && typeof value === "object") {
      const obj = value as Record<string, unknown>;
      if (obj[sigKey] === secretSig) {
        leaves(toPlain(obj.value));
      } else {
        Object.values(obj).forEach(walk);
      }
    }
  };
  for (const v of values) {
    walk(v);
  }
  // The longest first, so that a secret holding another is masked whole.
  return [...found].sort((a, b) => b.length - a.length);
}

/**
 * `text` with every secret text in it (`secretTexts`, in its order) replaced by `[secret]`, or by
 * `[secret: <what>]` where `named` says what else holds that text in plain (`the qualifiedArn of
 * lambda function "auth"`): which value a finding quotes, without the value.
 */
export function maskSecretTexts(
  text: string,
  secrets: readonly string[],
  named: ReadonlyMap<string, string> = new Map(),
): string {
  let out = text;
  for (const s of secrets) {
    if (out.includes(s)) {
      const what = named.get(s);
      out = out.split(s).join(what === undefined ? "[secret]" : `[secret: ${what}]`);
    }
  }
  return out;
}

/**
 * Of these secret texts, those a resource also holds in plain as a top-level output, each with
 * what it is there (`the arn of lambda function "auth"`): a value built inside an `apply` over a
 * secret is secret as a whole (an ARN computed beside a password), though the resource it names
 * reports it in plain. The first resource holding it names it.
 */
export function plainOutputNames(
  secrets: readonly string[],
  resources: readonly {
    readonly outputs: Readonly<Record<string, unknown>>;
    readonly label: string;
  }[],
): Map<string, string> {
  const wanted = new Set(secrets);
  const out = new Map<string, string>();
  for (const r of resources) {
    for (const [key, value] of Object.entries(r.outputs)) {
      if (typeof value === "string" && wanted.has(value) && !out.has(value)) {
        out.set(value, `the ${key} of ${r.label}`);
      }
    }
  }
  return out;
}
