/**
 * Generators of the plain values a resource's properties hold on the wire to the policy pack
 * (a protobuf `Struct`): the scalars every property test of the wire encodes and decodes.
 */
import fc from "fast-check";

/**
 * Scalars of a `Struct` value — text as `text` generates it, doubles with their edge cases
 * (negative zero, the smallest subnormal, NaN, infinities), integers, booleans and null.
 */
export function wireScalar(text: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.oneof(
    text,
    fc.double(),
    fc.constantFrom(0, -0, 1, -1, 2 ** 53, 1e-300, 5e-324, Number.MAX_VALUE, Number.NaN, -Infinity),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
}
