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

let promisesPlain = false;

/**
 * `keepSourcePositions`: resources keep their stack walk, for the source position the engine
 * records (SARIF points each finding at the line that declares its resource); only where asked,
 * as it is the costly half.
 */
export function disableStackCapture(keepSourcePositions = false): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const resource = require("@pulumi/pulumi/resource") as ResourceModule;
  if (!promisesPlain) {
    promisesPlain = true;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const debuggable = require("@pulumi/pulumi/runtime/debuggable") as Debuggable;
    debuggable.debuggablePromise = (p) => p;
  }
  resource.Resource.callsites = keepSourcePositions ? framesOfStack : () => [];
}

/**
 * The SDK's `Resource.callsites`, reading anonymous functions' frames too (`at /p/index.ts:4:3`,
 * a resource declared in a `forEach` or an `apply` callback), which its pattern skips: each frame
 * of the current stack, top first, with its position where it has one. Called from the SDK's
 * `Resource.stackTrace` in place of its own, at the same depth.
 */
function framesOfStack(): Array<{ file?: string; line?: number; column?: number }> {
  const limit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = Number.POSITIVE_INFINITY;
    return (new Error().stack ?? "")
      .split("\n")
      .slice(1)
      .map((frame) => {
        const at = /^\s*at (?:.* \()?(?<file>[^()\s][^()]*):(?<line>\d+):(?<column>\d+)\)?$/.exec(
          frame,
        )?.groups;
        return at === undefined || at.file.startsWith("node:")
          ? {}
          : { file: at.file, line: Number(at.line), column: Number(at.column) };
      });
  } finally {
    Error.stackTraceLimit = limit;
  }
}
