/**
 * Makes the SDK's per-promise and per-resource stack capture free while a program is evaluated
 * offline. The SDK records `new Error().stack` on every internal promise (to report leaked
 * promises) and walks the whole stack of every resource constructor (to tell the engine the
 * resource's source position). Neither reaches a plan or a policy, and with source maps on (jest)
 * each capture costs a source-map lookup per frame: several milliseconds a resource.
 */
interface Debuggable {
  debuggablePromise: <T>(p: Promise<T>, ctx: unknown) => Promise<T>;
}
interface ResourceModule {
  Resource: { callsites: () => unknown[] };
}

let callsites: ResourceModule["Resource"]["callsites"] | undefined;

/**
 * `keepSourcePositions`: resources keep their stack walk, for the source position the engine
 * records (SARIF points each finding at the line that declares its resource); only where asked,
 * as it is the costly half.
 */
export function disableStackCapture(keepSourcePositions = false): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const resource = require("@pulumi/pulumi/resource") as ResourceModule;
  if (callsites === undefined) {
    callsites = resource.Resource.callsites;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const debuggable = require("@pulumi/pulumi/runtime/debuggable") as Debuggable;
    debuggable.debuggablePromise = (p) => p;
  }
  resource.Resource.callsites = keepSourcePositions ? callsites : () => [];
}
