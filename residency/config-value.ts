/**
 * A structured stack config value as the Pulumi runtime holds it: JSON text. Decoded here for
 * every key read without the rest of the spec (clusters, stack outputs, disk encryption) and for
 * the spec's structured keys; text that is not JSON is returned as it is, for the key's own
 * validation to reject with what it expects.
 */
export function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
