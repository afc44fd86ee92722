/**
 * Test harness for components: installs the SDK's mock monitor, extended to record every resource
 * registration with what the user-facing `newResource` callback drops — parent, provider
 * reference, protect and retainOnDelete — exactly as the engine would receive them.
 *
 * Import this module before the code under test, so the mocks are in place before any resource
 * is declared; call `resetRegistrations()` in `beforeEach` and `await settled()` before asserting.
 */
import { Provider as AlicloudProvider } from "@pulumi/alicloud/provider";
import * as pulumi from "@pulumi/pulumi";
import type { RegisterResourceRequest } from "@pulumi/pulumi/proto/resource_pb";
import {
  MockMonitor,
  type MockCallArgs,
  type MockResourceArgs,
  type MockResourceResult,
} from "@pulumi/pulumi/runtime/mocks";
import { deserializeProperties } from "@pulumi/pulumi/runtime/rpc";
import { setMockOptions } from "@pulumi/pulumi/runtime/settings";
import { disableStackCapture } from "../../engine/cheap-stacks";

disableStackCapture();

export const project = "sovereign-dc";

/** The Shanghai stack's egress allowlist, as the component tests pass it. */
export const shanghaiEgress = [
  {
    cidr: "100.100.2.136/30",
    ports: [53],
    protocol: "udp" as const,
    reason: "VPC DNS resolvers of Alibaba Cloud inside the region",
  },
  {
    cidr: "100.64.0.0/10",
    ports: [443],
    protocol: "tcp" as const,
    reason: "Intranet endpoints of OSS and KMS in cn-shanghai",
  },
];
export const stack = "cn-shanghai";

export interface Registration {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly id: string;
  readonly custom: boolean;
  /** URN of the parent; empty for a top-level resource. */
  readonly parent: string;
  /** `<provider urn>::<provider id>`; empty when the resource names no provider. */
  readonly provider: string;
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  /** URN of the resource whose deletion deletes this one; empty when none. */
  readonly deletedWith: string;
  readonly inputs: Record<string, unknown>;
}

const recorded: Registration[] = [];

type Callback = (err: unknown, resp?: { getUrn(): string; getId(): string }) => void;

class RecordingMonitor extends MockMonitor {
  override async registerResource(req: RegisterResourceRequest, callback: Callback) {
    return super.registerResource(req, (err, resp) => {
      if (resp !== undefined) {
        recorded.push({
          type: req.getType(),
          name: req.getName(),
          urn: resp.getUrn(),
          id: resp.getId(),
          custom: req.getCustom(),
          parent: req.getParent(),
          provider: req.getProvider(),
          protect: req.getProtect() === true,
          retainOnDelete: req.getRetainondelete() === true,
          deletedWith: req.getDeletedwith(),
          inputs: req.getObject() === undefined ? {} : deserializeProperties(req.getObject()!),
        });
      }
      callback(err, resp);
    });
  }
}

/** Outputs the cloud would compute that the components read back. */
function newResource(args: MockResourceArgs): MockResourceResult {
  const id = `${args.name}-id`;
  const state: Record<string, unknown> = { ...args.inputs };
  switch (args.type) {
    case "alicloud:kms/key:Key":
      state.arn = `acs:kms:${stack}:1234567890123456:key/${id}`;
      break;
    case "alicloud:oss/bucket:Bucket":
      state.location = `oss-${stack}`;
      break;
  }
  return { id, state };
}

function call(args: MockCallArgs): Record<string, unknown> {
  throw new Error(`No mock for the provider function ${args.token}; the components call none.`);
}

// The SDK's own setMocks, with the recording monitor in place of its plain one.
setMockOptions(new RecordingMonitor({ newResource, call }), project, stack, false);
enableMockFeatures();

function enableMockFeatures(): void {
  // The store is internal to the SDK (left out of its .d.ts); these are the flags setMocks sets.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const state = require("@pulumi/pulumi/runtime/state") as {
    getStore(): Record<string, unknown>;
  };
  Object.assign(state.getStore(), {
    supportsSecrets: true,
    supportsResourceReferences: true,
    supportsOutputValues: false,
    supportsDeletedWith: true,
    supportsReplaceWith: true,
    supportsAliasSpecs: true,
    supportsTransforms: false,
    supportsParameterization: true,
    supportsResourceHooks: true,
    supportsErrorHooks: true,
  });
}

/** Forgets what earlier tests registered. */
export function resetRegistrations(): void {
  recorded.length = 0;
}

/** Resolves once every resource declared so far has been registered. */
export async function settled(): Promise<void> {
  // waitForRPCs is what the language host awaits before exiting; the SDK keeps it out of its .d.ts.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const settings = require("@pulumi/pulumi/runtime/settings") as {
    waitForRPCs(): Promise<void>;
  };
  await settings.waitForRPCs();
}

export function registrations(): readonly Registration[] {
  return recorded;
}

export function ofType(type: string): Registration[] {
  return recorded.filter((r) => r.type === type);
}

/** The one registration of `type` named `name`; fails when there is none or several. */
export function one(type: string, name: string): Registration {
  const found = recorded.filter((r) => r.type === type && r.name === name);
  if (found.length !== 1) {
    throw new Error(`expected one ${type} named ${name}, found ${found.length}`);
  }
  return found[0];
}

/** Resource counts per type, for exact comparisons. */
export function countsByType(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of recorded) {
    counts[r.type] = (counts[r.type] ?? 0) + 1;
  }
  return counts;
}

/** The reference a resource carries when `reg` is its provider. */
export function providerRef(reg: Registration): string {
  return `${reg.urn}::${reg.id}`;
}

/** The name of a registration's parent (the last segment of its URN). */
export function parentName(reg: Registration): string {
  return reg.parent.split("::").pop() ?? "";
}

/** Declares an explicit Alibaba Cloud provider as a test's stand-in for the stack's. */
export function testProvider(region = "cn-shanghai"): pulumi.ProviderResource {
  return new AlicloudProvider(`test-${region}`, { region });
}

/** The resolved value of an output, or of a structure holding outputs. */
export function valueOf<T>(value: pulumi.Input<T>): Promise<pulumi.Unwrap<T>> {
  return new Promise((resolve) => pulumi.output(value).apply(resolve));
}
