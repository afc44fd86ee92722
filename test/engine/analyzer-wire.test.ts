/**
 * engine/analyzer-wire.ts writes the analyzer requests itself; the pack decodes them with the
 * SDK's generated messages. These properties hold its bytes to the ones those messages write for
 * the same resource — every JSON value, resource references, options, providers and property
 * dependencies — so the pack sees exactly what it saw when the requests were built as messages.
 */
import * as path from "node:path";
import fc from "fast-check";
import { wireScalar } from "../helpers/wire-values";
import type * as StructModule from "google-protobuf/google/protobuf/struct_pb";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { toEnforcement } from "../../engine/analyzer-messages";
import {
  encodeAnalyzeRequest,
  encodeAnalyzeStackRequest,
  encodeConfigureRequest,
  type ProviderRef,
  withoutResourceRefs,
} from "../../engine/analyzer-wire";
import { recordOf, type RecordedResource } from "../../engine/plan";
import { resourceSig, sigKey } from "../../engine/wire";

const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Struct } = require(
  require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [sdk] }),
) as typeof StructModule;

const toStruct = (props: Readonly<Record<string, unknown>>) =>
  Struct.fromJavaScript(withoutResourceRefs(props) as Record<string, never>);

/** The messages as the SDK's generated classes build them: the reference encoding. */
function options(r: RecordedResource): analyzerpb.AnalyzerResourceOptions {
  const o = new analyzerpb.AnalyzerResourceOptions();
  o.setProtect(r.protect);
  o.setIgnorechangesList([...r.ignoreChanges]);
  o.setDeletebeforereplace(r.deleteBeforeReplace);
  o.setDeletebeforereplacedefined(r.deleteBeforeReplace);
  o.setAdditionalsecretoutputsList([...r.additionalSecretOutputs]);
  o.setAliasesList([...r.aliases]);
  o.setCustomtimeouts(new analyzerpb.AnalyzerResourceOptions.CustomTimeouts());
  if (r.parent) {
    o.setParent(r.parent);
  }
  return o;
}

function providerMessage(p: ProviderRef): analyzerpb.AnalyzerProviderResource {
  const pr = new analyzerpb.AnalyzerProviderResource();
  pr.setType(p.type);
  pr.setName(p.name);
  pr.setUrn(p.urn);
  pr.setProperties(toStruct(p.properties));
  return pr;
}

function referenceRequest(r: RecordedResource, provider?: ProviderRef): Uint8Array {
  const req = new analyzerpb.AnalyzeRequest();
  req.setType(r.type);
  req.setName(r.name);
  req.setUrn(r.urn);
  req.setProperties(toStruct(r.inputs));
  req.setOptions(options(r));
  if (provider) {
    req.setProvider(providerMessage(provider));
  }
  return req.serializeBinary();
}

function referenceStackRequest(
  resources: readonly RecordedResource[],
  providerOf: (r: RecordedResource) => ProviderRef | undefined,
): Uint8Array {
  const req = new analyzerpb.AnalyzeStackRequest();
  req.setResourcesList(
    resources.map((r) => {
      const res = new analyzerpb.AnalyzerResource();
      res.setType(r.type);
      res.setName(r.name);
      res.setUrn(r.urn);
      res.setProperties(toStruct(r.outputs));
      res.setOptions(options(r));
      const provider = providerOf(r);
      if (provider) {
        res.setProvider(providerMessage(provider));
      }
      if (r.parent) {
        res.setParent(r.parent);
      }
      res.setDependenciesList([...r.dependencies]);
      const deps = res.getPropertydependenciesMap();
      for (const [prop, urns] of Object.entries(r.propertyDependencies)) {
        const pd = new analyzerpb.AnalyzerPropertyDependencies();
        pd.setUrnsList([...urns]);
        deps.set(prop, pd);
      }
      return res;
    }),
  );
  return req.serializeBinary();
}

// ---- generators ---------------------------------------------------------------------------

const text = fc.string({ unit: "grapheme", maxLength: 12 });
/**
 * Property names. `__proto__` is left out: google-protobuf's map drops that key on both sides (the
 * pack's decoder included), so the pack never sees it whichever way it is written.
 */
const key = fc
  .oneof(text, fc.constantFrom("", "a", "A", "_", "é", "10", "2", "zz"))
  .filter((k) => k !== "__proto__");

/** A resource reference as the engine records it, or a secret (which travels as an object). */
const special = fc.oneof(
  fc.record({
    [sigKey]: fc.constant(resourceSig),
    urn: text,
    id: fc.option(text, { nil: undefined }),
  }),
  fc.record({ [sigKey]: fc.constant("1b47061264138c4ac30d75fd1eb44270"), value: text }),
);

const scalar = wireScalar(text);

const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    special,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(key, tie("value"), { maxKeys: 5 }),
  ),
}));
const props = fc.dictionary(key, value, { maxKeys: 6 }) as fc.Arbitrary<Record<string, unknown>>;
const strings = fc.array(text, { maxLength: 3 });

const resource: fc.Arbitrary<RecordedResource> = fc
  .record({
    type: fc.oneof(fc.constant(""), text),
    name: fc.oneof(fc.constant(""), text),
    urn: fc.oneof(fc.constant(""), text),
    parent: fc.option(fc.oneof(fc.constant(""), text), { nil: undefined }),
    protect: fc.boolean(),
    deleteBeforeReplace: fc.boolean(),
    ignoreChanges: strings,
    additionalSecretOutputs: strings,
    aliases: strings,
    dependencies: strings,
    propertyDependencies: fc.dictionary(key, strings, { maxKeys: 3 }),
    inputs: props,
    outputs: props,
  })
  .map((f) => recordOf({ ...f, custom: true }));

const provider: fc.Arbitrary<ProviderRef> = fc.record({
  type: fc.oneof(fc.constant(""), text),
  name: text,
  urn: text,
  properties: props,
});

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

test("an AnalyzeRequest is written byte for byte as the SDK's message writes it", () => {
  fc.assert(
    fc.property(resource, fc.option(provider, { nil: undefined }), (r, p) => {
      expect(hex(encodeAnalyzeRequest(r, p))).toBe(hex(referenceRequest(r, p)));
    }),
    { numRuns: 300 },
  );
});

test("an AnalyzeStackRequest is written byte for byte as the SDK's message writes it", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(resource, fc.option(provider)), { maxLength: 5 }), (pairs) => {
      const resources = pairs.map(([r]) => r);
      const providerOf = (r: RecordedResource) => pairs[resources.indexOf(r)][1] ?? undefined;
      expect(hex(encodeAnalyzeStackRequest(resources, providerOf))).toBe(
        hex(referenceStackRequest(resources, providerOf)),
      );
    }),
    { numRuns: 150 },
  );
});

test("the pack's side decodes the properties, references sent as their id or URN", () => {
  const ref = { [sigKey]: resourceSig, urn: "urn:pulumi:dev::p::aws:kms/key:Key::k", id: "" };
  const withId = { ...ref, id: "key-1" };
  const r = recordOf({
    urn: "urn:pulumi:dev::p::aws:s3/bucketV2:BucketV2::b",
    type: "aws:s3/bucketV2:BucketV2",
    name: "b",
    custom: true,
    inputs: { kms: ref, keys: [withId, { nested: { deep: [1.5, null, true, "é"] } }] },
  });
  const decoded = analyzerpb.AnalyzeRequest.deserializeBinary(encodeAnalyzeRequest(r));
  expect(decoded.getProperties()?.toJavaScript()).toEqual({
    kms: "urn:pulumi:dev::p::aws:kms/key:Key::k",
    keys: ["key-1", { nested: { deep: [1.5, null, true, "é"] } }],
  });
  expect(decoded.getType()).toBe("aws:s3/bucketV2:BucketV2");
  expect(decoded.hasProvider()).toBe(false);
});

test("a property that is not a JSON value is refused naming the resource, the property and what it holds", () => {
  const r = recordOf({
    urn: "urn:pulumi:dev::p::aws:s3/bucketV2:BucketV2::b",
    type: "t",
    name: "n",
    custom: true,
    inputs: { tags: { team: "data" }, rules: [{ id: "a" }, { id: undefined }] },
  });
  expect(() => encodeAnalyzeRequest(r)).toThrow(
    "The inputs of urn:pulumi:dev::p::aws:s3/bucketV2:BucketV2::b cannot be sent to the policy pack: rules[1].id holds undefined, which is not a JSON value (string, number, boolean, null, list or object).",
  );
});

/** The configure request as the SDK's generated classes build it. */
function referenceConfigure(config: Record<string, Record<string, unknown>>): Uint8Array {
  const req = new analyzerpb.ConfigureAnalyzerRequest();
  const map = req.getPolicyconfigMap();
  for (const [policy, props] of Object.entries(config)) {
    const { enforcementLevel, ...rest } = props as { enforcementLevel?: string };
    const pc = new analyzerpb.PolicyConfig();
    pc.setEnforcementlevel(toEnforcement(enforcementLevel ?? "mandatory"));
    pc.setProperties(toStruct(rest));
    map.set(policy, pc);
  }
  return req.serializeBinary();
}

test("a ConfigureAnalyzerRequest is written byte for byte as the SDK's message writes it", () => {
  const level = fc.constantFrom("advisory", "mandatory", "disabled", "remediate", undefined);
  const policyConfig = fc
    .tuple(level, props)
    .map(([l, p]) => (l === undefined ? p : { ...p, enforcementLevel: l }));
  fc.assert(
    fc.property(fc.dictionary(key, policyConfig, { maxKeys: 5 }), (config) => {
      expect(hex(encodeConfigureRequest(config, toEnforcement))).toBe(
        hex(referenceConfigure(config)),
      );
    }),
    { numRuns: 200 },
  );
});

test("in the stack request, the resource whose outputs hold no JSON value is named", () => {
  const ok = recordOf({ urn: "urn:a", type: "t", name: "a", custom: true, outputs: { x: 1 } });
  const bad = recordOf({
    urn: "urn:b",
    type: "t",
    name: "b",
    custom: true,
    outputs: { fn: () => 1 },
  });
  expect(() => encodeAnalyzeStackRequest([ok, bad], () => undefined)).toThrow(
    "The outputs of urn:b cannot be sent to the policy pack: fn holds function, which is not a JSON value",
  );
});
