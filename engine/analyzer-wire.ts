/**
 * The analyzer requests of a plan — `AnalyzeRequest` per resource and the `AnalyzeStackRequest`
 * — written straight into protobuf's wire format from the recorded resources.
 *
 * Building them as google-protobuf messages first (a `Struct` of `Value`s per property, each a
 * JavaScript object with its own arrays, then serialised) was most of the engine's own time in a
 * check of a large stack, and most of its garbage. The bytes here are the ones google-protobuf
 * writes for the same messages — map entries sorted by key, proto3 defaults left out, the same
 * double and UTF-8 encodings — held by test/engine/analyzer-wire.test.ts against the SDK's own
 * generated messages, so the pack decodes exactly what it decoded before. Only the encoding
 * moved: the pack's side (the SDK's analyzer stubs and `@pulumi/policy`'s runtime) is untouched.
 *
 * Every message is written in two passes over the same tree: the first computes the length of
 * each length-delimited field in the order the second meets them, the second writes into one
 * buffer of the exact size.
 */
import type { RecordedResource } from "./plan";
import { analyzedRef, resourceSig, sigKey } from "./wire";

/** Wire types of protobuf's encoding. */
const VARINT = 0;
const FIXED64 = 1;
const LENGTH = 2;

const tag = (field: number, wire: number) => (field << 3) | wire;

/** Bytes of `n` (a length or a small non-negative number) as a varint. */
function varintSize(n: number): number {
  return n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5;
}

/**
 * The Pulumi CLI does not keep resource references when it marshals properties for analyzers:
 * a reference travels as the resource's id (custom resources) or URN (components).
 */
function refAsString(obj: Readonly<Record<string, unknown>>): string | undefined {
  if (obj[sigKey] !== resourceSig) {
    return undefined;
  }
  return analyzedRef(obj);
}

/**
 * Properties as google-protobuf's `Struct.fromJavaScript` would be given them: resource
 * references replaced as above. The encoders below do this on the fly; this is their reference.
 */
export function withoutResourceRefs(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutResourceRefs);
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  const obj = value as Record<string, unknown>;
  return (
    refAsString(obj) ??
    Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, withoutResourceRefs(v)]))
  );
}

/** The keys of a property object in the order google-protobuf writes a `Struct`'s map. */
function sortedKeys(obj: object): string[] {
  return Object.keys(obj).sort();
}

/** Thrown where a property holds no JSON value; `named` says which resource and property. */
class NotJson extends TypeError {
  constructor(readonly value: unknown) {
    super(`${typeof value} is not a JSON value (string, number, boolean, null, list or object)`);
  }
}

function unexpected(value: unknown): never {
  throw new NotJson(value);
}

/** The path of the first value under `v` that is not a JSON value (found only on failure). */
function notJsonPath(v: unknown, at: string): string | undefined {
  if (v === null || ["string", "number", "boolean"].includes(typeof v)) {
    return undefined;
  }
  if (typeof v !== "object") {
    return at;
  }
  if (Array.isArray(v)) {
    for (const [i, e] of v.entries()) {
      const found = notJsonPath(e, `${at}[${i}]`);
      if (found !== undefined) {
        return found;
      }
    }
    return undefined;
  }
  if (refAsString(v as Record<string, unknown>) !== undefined) {
    return undefined;
  }
  for (const [k, e] of Object.entries(v)) {
    const found = notJsonPath(e, at === "" ? k : `${at}.${k}`);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

/** Runs an encoding; a value that is not JSON is reported with its resource and property. */
function naming<T>(r: RecordedResource, which: "inputs" | "outputs", encode: () => T): T {
  try {
    return encode();
  } catch (e) {
    if (!(e instanceof NotJson)) {
      throw e;
    }
    const at = notJsonPath(r[which], "") ?? "?";
    throw new TypeError(
      `The ${which} of ${r.urn} cannot be sent to the policy pack: ${at} holds ${typeof e.value}, which is not a JSON value (string, number, boolean, null, list or object).`,
    );
  }
}

/** One message's encoding: the sizing pass, then the writing pass over the same tree. */
class Encoder {
  /** Lengths of the length-delimited fields, in the order both passes meet them. */
  private readonly lens: number[] = [];
  private next = 0;
  /**
   * Each struct's keys in the order they are written, sorted once by the sizing pass for the
   * writing pass, which meets the structs in the same order.
   */
  private readonly keys: string[][] = [];
  private nextKeys = 0;
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;

  // ---- sizing -------------------------------------------------------------------------------

  /** Size of a length-delimited field of `n` bytes, tag included. */
  private static field(n: number): number {
    return 1 + varintSize(n) + n;
  }

  private reserve(): number {
    this.lens.push(0);
    return this.lens.length - 1;
  }

  /** A string field's size; its byte length is recorded for the writing pass. */
  sizeString(s: string): number {
    const n = Buffer.byteLength(s, "utf8");
    this.lens.push(n);
    return Encoder.field(n);
  }

  /** A proto3 string field: left out when empty. */
  sizeOptionalString(s: string | undefined): number {
    return s === undefined || s === "" ? 0 : this.sizeString(s);
  }

  /** `google.protobuf.Value` as a field: tag, length and body. */
  sizeValue(v: unknown): number {
    const slot = this.reserve();
    const n = this.valueBody(v);
    this.lens[slot] = n;
    return Encoder.field(n);
  }

  private valueBody(v: unknown): number {
    if (v === null) {
      return 2;
    }
    switch (typeof v) {
      case "number":
        return 9;
      case "boolean":
        return 2;
      case "string":
        return this.sizeString(v);
      case "object": {
        if (Array.isArray(v)) {
          const slot = this.reserve();
          let n = 0;
          for (const e of v) {
            n += this.sizeValue(e);
          }
          this.lens[slot] = n;
          return Encoder.field(n);
        }
        const ref = refAsString(v as Record<string, unknown>);
        if (ref !== undefined) {
          return this.sizeString(ref);
        }
        return this.sizeStruct(v as Record<string, unknown>);
      }
      default:
        return unexpected(v);
    }
  }

  /** `google.protobuf.Struct` as a field: tag, length and its map entries. */
  sizeStruct(obj: Readonly<Record<string, unknown>>): number {
    const slot = this.reserve();
    const n = this.structBody(obj);
    this.lens[slot] = n;
    return Encoder.field(n);
  }

  private structBody(obj: Readonly<Record<string, unknown>>): number {
    let n = 0;
    const keys = sortedKeys(obj);
    this.keys.push(keys);
    for (const k of keys) {
      const entry = this.reserve();
      const e = this.sizeString(k) + this.sizeValue(obj[k]);
      this.lens[entry] = e;
      n += Encoder.field(e);
    }
    return n;
  }

  /** A nested message whose body `body` sizes. */
  sizeMessage(body: () => number): number {
    const slot = this.reserve();
    const n = body();
    this.lens[slot] = n;
    return Encoder.field(n);
  }

  // ---- writing ------------------------------------------------------------------------------

  /** Allocates the buffer for a message of `size` bytes and starts the writing pass. */
  begin(size: number): void {
    this.buf = Buffer.allocUnsafe(size);
    this.pos = 0;
    this.next = 0;
    this.nextKeys = 0;
  }

  finish(): Buffer {
    if (
      this.pos !== this.buf.length ||
      this.next !== this.lens.length ||
      this.nextKeys !== this.keys.length
    ) {
      throw new Error(
        `analyzer request encoding went wrong: wrote ${this.pos} of ${this.buf.length} bytes, used ${this.next} of ${this.lens.length} lengths and ${this.nextKeys} of ${this.keys.length} structs`,
      );
    }
    return this.buf;
  }

  private varint(n: number): void {
    while (n >= 0x80) {
      this.buf[this.pos++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buf[this.pos++] = n;
  }

  private header(field: number): number {
    const n = this.lens[this.next++];
    this.varint(tag(field, LENGTH));
    this.varint(n);
    return n;
  }

  writeString(field: number, s: string): void {
    const n = this.header(field);
    this.pos += this.buf.write(s, this.pos, n, "utf8");
  }

  writeOptionalString(field: number, s: string | undefined): void {
    if (s !== undefined && s !== "") {
      this.writeString(field, s);
    }
  }

  writeBool(field: number): void {
    this.varint(tag(field, VARINT));
    this.buf[this.pos++] = 1;
  }

  /** A non-negative integer field (an enum value), written as a varint. */
  writeVarint(field: number, n: number): void {
    this.varint(tag(field, VARINT));
    this.varint(n);
  }

  writeValue(field: number, v: unknown): void {
    this.header(field);
    if (v === null) {
      this.varint(tag(1, VARINT));
      this.buf[this.pos++] = 0;
      return;
    }
    switch (typeof v) {
      case "number":
        this.varint(tag(2, FIXED64));
        if (Number.isNaN(v)) {
          // google-protobuf writes NaN with every mantissa bit set, not the canonical quiet NaN.
          this.pos = this.buf.writeUInt32LE(0xffffffff, this.pos);
          this.pos = this.buf.writeUInt32LE(0x7fffffff, this.pos);
        } else {
          this.pos = this.buf.writeDoubleLE(v, this.pos);
        }
        return;
      case "boolean":
        this.varint(tag(4, VARINT));
        this.buf[this.pos++] = v ? 1 : 0;
        return;
      case "string":
        this.writeString(3, v);
        return;
      case "object": {
        if (Array.isArray(v)) {
          this.header(6);
          for (const e of v) {
            this.writeValue(1, e);
          }
          return;
        }
        const ref = refAsString(v as Record<string, unknown>);
        if (ref !== undefined) {
          this.writeString(3, ref);
          return;
        }
        this.writeStruct(5, v as Record<string, unknown>);
        return;
      }
      default:
        unexpected(v);
    }
  }

  writeStruct(field: number, obj: Readonly<Record<string, unknown>>): void {
    this.header(field);
    for (const k of this.keys[this.nextKeys++]) {
      this.header(1);
      this.writeString(1, k);
      this.writeValue(2, obj[k]);
    }
  }

  /** A nested message: its header, then `body` writes its fields. */
  writeMessage(field: number, body: () => void): void {
    this.header(field);
    body();
  }
}

/** The provider a resource's request names: its type, name, URN and properties. */
export interface ProviderRef {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly properties: Readonly<Record<string, unknown>>;
}

/**
 * `pulumirpc.AnalyzerResourceOptions` as the engine sends it (analyzer.proto): protect 1,
 * ignoreChanges 2, deleteBeforeReplace 3, deleteBeforeReplaceDefined 4,
 * additionalSecretOutputs 5, aliases 6, customTimeouts 7 (empty), parent 8.
 */
function sizeOptions(e: Encoder, r: RecordedResource): number {
  let n = (r.protect ? 2 : 0) + (r.deleteBeforeReplace ? 4 : 0);
  for (const s of r.ignoreChanges) {
    n += e.sizeString(s);
  }
  for (const s of r.additionalSecretOutputs) {
    n += e.sizeString(s);
  }
  for (const s of r.aliases) {
    n += e.sizeString(s);
  }
  n += e.sizeMessage(() => 0);
  return n + e.sizeOptionalString(r.parent);
}

function writeOptions(e: Encoder, r: RecordedResource): void {
  if (r.protect) {
    e.writeBool(1);
  }
  for (const s of r.ignoreChanges) {
    e.writeString(2, s);
  }
  if (r.deleteBeforeReplace) {
    e.writeBool(3);
    e.writeBool(4);
  }
  for (const s of r.additionalSecretOutputs) {
    e.writeString(5, s);
  }
  for (const s of r.aliases) {
    e.writeString(6, s);
  }
  e.writeMessage(7, () => undefined);
  e.writeOptionalString(8, r.parent);
}

/** `pulumirpc.AnalyzerProviderResource`: type 1, properties 2, urn 3, name 4. */
function sizeProvider(e: Encoder, p: ProviderRef): number {
  return (
    e.sizeOptionalString(p.type) +
    e.sizeStruct(p.properties) +
    e.sizeOptionalString(p.urn) +
    e.sizeOptionalString(p.name)
  );
}

function writeProvider(e: Encoder, p: ProviderRef): void {
  e.writeOptionalString(1, p.type);
  e.writeStruct(2, p.properties);
  e.writeOptionalString(3, p.urn);
  e.writeOptionalString(4, p.name);
}

/**
 * Fields 1–6 of both resource messages (`AnalyzeRequest`, `AnalyzerResource`): type 1,
 * properties 2 (its inputs, or its outputs for the stack), urn 3, name 4, options 5, provider 6.
 */
function sizeResourceHead(
  e: Encoder,
  r: RecordedResource,
  properties: Readonly<Record<string, unknown>>,
  provider: ProviderRef | undefined,
): number {
  return (
    e.sizeOptionalString(r.type) +
    e.sizeStruct(properties) +
    e.sizeOptionalString(r.urn) +
    e.sizeOptionalString(r.name) +
    e.sizeMessage(() => sizeOptions(e, r)) +
    (provider ? e.sizeMessage(() => sizeProvider(e, provider)) : 0)
  );
}

function writeResourceHead(
  e: Encoder,
  r: RecordedResource,
  properties: Readonly<Record<string, unknown>>,
  provider: ProviderRef | undefined,
): void {
  e.writeOptionalString(1, r.type);
  e.writeStruct(2, properties);
  e.writeOptionalString(3, r.urn);
  e.writeOptionalString(4, r.name);
  e.writeMessage(5, () => writeOptions(e, r));
  if (provider) {
    e.writeMessage(6, () => writeProvider(e, provider));
  }
}

/** `pulumirpc.AnalyzeRequest` for one resource and its inputs: the fields of the head only. */
export function encodeAnalyzeRequest(r: RecordedResource, provider?: ProviderRef): Buffer {
  return naming(r, "inputs", () => {
    const e = new Encoder();
    e.begin(sizeResourceHead(e, r, r.inputs, provider));
    writeResourceHead(e, r, r.inputs, provider);
    return e.finish();
  });
}

/** Property dependencies in the order google-protobuf writes their map. */
function sortedDependencies(r: RecordedResource): [string, readonly string[]][] {
  return sortedKeys(r.propertyDependencies).map((k) => [k, r.propertyDependencies[k]]);
}

/**
 * `pulumirpc.AnalyzerResource` with the resource's outputs: the head (fields 1–6), parent 7,
 * dependencies 8, propertyDependencies 9.
 */
function sizeStackResource(e: Encoder, r: RecordedResource, provider?: ProviderRef): number {
  let n = sizeResourceHead(e, r, r.outputs, provider) + e.sizeOptionalString(r.parent);
  for (const d of r.dependencies) {
    n += e.sizeString(d);
  }
  for (const [prop, urns] of sortedDependencies(r)) {
    n += e.sizeMessage(() => {
      let entry = e.sizeString(prop);
      entry += e.sizeMessage(() => {
        let m = 0;
        for (const u of urns) {
          m += e.sizeString(u);
        }
        return m;
      });
      return entry;
    });
  }
  return n;
}

function writeStackResource(e: Encoder, r: RecordedResource, provider?: ProviderRef): void {
  writeResourceHead(e, r, r.outputs, provider);
  e.writeOptionalString(7, r.parent);
  for (const d of r.dependencies) {
    e.writeString(8, d);
  }
  for (const [prop, urns] of sortedDependencies(r)) {
    e.writeMessage(9, () => {
      e.writeString(1, prop);
      e.writeMessage(2, () => {
        for (const u of urns) {
          e.writeString(1, u);
        }
      });
    });
  }
}

/** `pulumirpc.AnalyzeStackRequest`: every resource (field 1) with its outputs. */
export function encodeAnalyzeStackRequest(
  resources: readonly RecordedResource[],
  providerOf: (r: RecordedResource) => ProviderRef | undefined,
): Buffer {
  return Buffer.concat(resources.map((r) => encodeStackEntry(r, providerOf(r))));
}

/**
 * One resource's entry of an `AnalyzeStackRequest` (field 1, tag and length included): the
 * request is its resources' entries one after the other, so an analysis can encode each entry as
 * its resource is recorded and join them when the stack is sent.
 */
export function encodeStackEntry(r: RecordedResource, provider?: ProviderRef): Buffer {
  const e = new Encoder();
  // Every value is met first here: a failure names its resource.
  const size = naming(r, "outputs", () => e.sizeMessage(() => sizeStackResource(e, r, provider)));
  e.begin(size);
  e.writeMessage(1, () => writeStackResource(e, r, provider));
  return e.finish();
}

/**
 * `pulumirpc.ConfigureAnalyzerRequest` for a `--policy-pack-config` shaped config: the map of
 * policy name (field 1) → `PolicyConfig` { enforcementLevel 1 (an enum, left out when 0), the
 * other properties 2 (a Struct) }. `enforcement` gives the enum value of a level's name.
 */
export function encodeConfigureRequest(
  config: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
  enforcement: (level: string) => number,
): Buffer {
  const e = new Encoder();
  const entries = sortedKeys(config).map((policy) => {
    const { enforcementLevel, ...rest } = config[policy] as { enforcementLevel?: string };
    return { policy, level: enforcement(enforcementLevel ?? "mandatory"), rest };
  });
  const levelSize = (level: number) => (level === 0 ? 0 : 1 + varintSize(level));
  let size = 0;
  for (const { policy, level, rest } of entries) {
    size += e.sizeMessage(
      () => e.sizeString(policy) + e.sizeMessage(() => levelSize(level) + e.sizeStruct(rest)),
    );
  }
  e.begin(size);
  for (const { policy, level, rest } of entries) {
    e.writeMessage(1, () => {
      e.writeString(1, policy);
      e.writeMessage(2, () => {
        if (level !== 0) {
          e.writeVarint(1, level);
        }
        e.writeStruct(2, rest);
      });
    });
  }
  return e.finish();
}
