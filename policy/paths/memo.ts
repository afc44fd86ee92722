/**
 * A function of a text, remembered for the texts it was last given. The pack reads the same few
 * texts over and over — the type tables' property paths, the allowlist's and the rules' CIDRs, a
 * resource's YAML document read by a dozen fields — and the values are only read, never changed.
 * Bounded against a program with ever more distinct texts: when `limit` texts are kept, the next
 * new one drops them all (`"all"`), or only the oldest (`"oldest"`, for texts read again soon
 * after and dear to read).
 */
export function memoByText<V>(
  limit: number,
  compute: (text: string) => V,
  drop: "all" | "oldest" = "all",
): (text: string) => V {
  const kept = new Map<string, V>();
  return (text) => {
    const cached = kept.get(text);
    if (cached !== undefined || kept.has(text)) {
      return cached as V;
    }
    const value = compute(text);
    if (kept.size >= limit) {
      if (drop === "all") {
        kept.clear();
      } else {
        kept.delete(kept.keys().next().value as string);
      }
    }
    kept.set(text, value);
    return value;
  };
}
