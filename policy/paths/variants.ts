/**
 * Kubernetes type tokens. A module of no imports, so the modules paths/kubernetes.ts itself loads
 * (paths/cluster-policies.ts) can name their kinds while it loads.
 */

/**
 * The type tokens of these kinds of `group`, each with its List and its Patch, in each API version
 * given: `variants("apps", ["v1"], "Deployment")` → the tokens of the Deployment of `apps/v1`, of
 * its List and of its Patch.
 */
export function variants(
  group: string,
  versions: readonly string[],
  kinds: string | readonly string[],
): string[] {
  return versions.flatMap((v) =>
    (typeof kinds === "string" ? [kinds] : kinds).flatMap((kind) =>
      ["", "List", "Patch"].map((suffix) => `kubernetes:${group}/${v}:${kind}${suffix}`),
    ),
  );
}
