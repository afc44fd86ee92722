/**
 * The policy pack failed: it could not start, it went away, or its runtime answered a request
 * with an error (a policy that threw, a request it could not read). The message carries the
 * pack's own words and what it wrote to stderr; the engine's stack would add nothing to them.
 */
export class PackError extends Error {
  override readonly name = "PackError";
}
