/**
 * The policy runtime's objects, built in the test process for the core tests: props wrapped in
 * the runtime's own unknown-checking proxy, as a policy receives them during `pulumi preview`.
 * Nothing here starts a process, so these tests also see the mutants of `npm run mutation`.
 */
import type {
  PolicyProviderResource,
  PolicyResource,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import type { EgressAllowEntry, Finding, PolicyContext } from "../../policy/framework";
import type { BorderResource } from "../../policy/paths/model";
import { getJurisdiction } from "../../residency/jurisdictions";

// The runtime's proxy is internal to @pulumi/policy; the tests use it to stay faithful.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as {
  unknownCheckingProxy: <T extends object>(o: T) => T;
};

/** The engine's wire value for a string input not known until other resources exist. */
export const unknownText = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Props as the runtime hands them to a policy: reading an unknown value throws. */
export function proxied<T extends object>(props: T): T {
  return unknownCheckingProxy(props);
}

/** A provider resource of `pkg` (`alicloud`, `aws`) with these props. */
export function providerOf(
  pkg: string,
  name: string,
  props: Record<string, unknown>,
): PolicyProviderResource {
  return {
    type: `pulumi:providers:${pkg}`,
    name,
    urn: `urn:pulumi:dev::p::pulumi:providers:${pkg}::${name}`,
    props: proxied(props),
  };
}

export const shanghai = providerOf("alicloud", "sh", { region: "cn-shanghai" });
export const hongKong = providerOf("alicloud", "hk", { region: "cn-hongkong" });

/** A resource of the stack as a stack policy receives it. */
export function policyResource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  opts: {
    readonly provider?: PolicyProviderResource;
    /** Input property → the resources its value was computed from. */
    readonly dependsOn?: Record<string, PolicyResource[]>;
  } = {},
): PolicyResource {
  const propertyDependencies = opts.dependsOn ?? {};
  return {
    type,
    name,
    urn: `urn:pulumi:dev::p::${type}::${name}`,
    props: proxied(props),
    opts: {
      protect: false,
      ignoreChanges: [],
      aliases: [],
      additionalSecretOutputs: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    },
    provider: opts.provider,
    dependencies: Object.values(propertyDependencies).flat(),
    propertyDependencies,
    isType: () => false,
    asType: () => undefined,
  } as unknown as PolicyResource;
}

/** A policy context for `jurisdiction` that collects what is reported. */
export function context(
  jurisdiction = "CN",
  egressAllowlist: readonly EgressAllowEntry[] = [],
): PolicyContext & { readonly reported: Finding[] } {
  const reported: Finding[] = [];
  return {
    jurisdiction: getJurisdiction(jurisdiction),
    settings: { jurisdiction, egressAllowlist, waivers: [] },
    config: {},
    reported,
    report: (f) => reported.push(f),
  };
}

/** The messages (with the encoded path) a resource policy reports for one resource. */
export function runResourcePolicy(
  policy: ResourceValidationPolicy,
  resource: PolicyResource,
  given: Record<string, unknown>,
): string[] {
  // A value not known fails closed, as the offline engine configures the pack, unless the test
  // asks for the pack's own default (`unknownAtPreview: "defer"`).
  const config = { unknownAtPreview: "fail", ...given };
  const messages: string[] = [];
  const args = {
    type: resource.type,
    name: resource.name,
    urn: resource.urn,
    props: resource.props,
    provider: resource.provider,
    opts: resource.opts,
    stackTags: new Map(),
    getConfig: () => config,
    isType: () => false,
    asType: () => undefined,
    notApplicable: () => {
      throw new Error("not applicable");
    },
  } as unknown as ResourceValidationArgs;
  const validate = policy.validateResource;
  if (typeof validate !== "function") {
    throw new Error(`${policy.name} has no single validateResource function.`);
  }
  validate(args, (m: string) => messages.push(m));
  return messages;
}

/** What a stack policy reports: each message (with the encoded path) and the URN it names. */
export function runStackPolicy(
  policy: StackValidationPolicy,
  resources: PolicyResource[],
  config: Record<string, unknown>,
): Array<{ message: string; urn: string | undefined }> {
  const out: Array<{ message: string; urn: string | undefined }> = [];
  const args = {
    resources,
    getConfig: () => config,
    stackTags: new Map(),
    notApplicable: () => {
      throw new Error("not applicable");
    },
  } as unknown as StackValidationArgs;
  const validate = policy.validateStack;
  if (typeof validate !== "function") {
    throw new Error(`${policy.name} has no validateStack function.`);
  }
  validate(args, (message: string, urn?: string) => out.push({ message, urn }));
  return out;
}

/** A resource of the stack as the graph holds it (`urn:<name>`, no dependencies). */
export function resource(
  type: string,
  name: string,
  props: Record<string, unknown> = {},
  extra: Partial<BorderResource> = {},
): BorderResource {
  return {
    urn: `urn:${name}`,
    type,
    name,
    props,
    dependencies: [],
    propertyDependencies: {},
    protect: false,
    ...extra,
  };
}

/** The resource most core tests judge: an OSS replication rule named "rule" in Shanghai. */
export const ruleType = "alicloud:oss/bucketReplication:BucketReplication";
export const ruleLabel = 'oss bucket replication "rule"';
/** Its provider's region as a path names it. */
export const near = "cn-shanghai (inside CN)";
