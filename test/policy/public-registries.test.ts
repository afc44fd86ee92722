/**
 * A public container registry a pull or a pull-through cache fetches from is named for what it is
 * (policy/paths/fields.ts, publicRegistries): its host names no region, so it cannot be placed, and
 * the finding says which registry it is rather than calling Amazon ECR Public's `public.ecr.aws`
 * "neither an address nor a cloud service endpoint" (found by the pipelines bench). A host the
 * list does not hold keeps the general words.
 */
import type { Plan } from "../../engine/plan";
import { add, chinaAndOregonPlans, pipe } from "../helpers/policy-plan";
import { policyPack } from "../helpers/policy-session";

const pack = policyPack();
let oregon: Plan;
beforeAll(async () => {
  ({ oregon } = await chinaAndOregonPlans());
});

/** The registry-replication message on a pull-through cache rule from `upstream`. */
async function pullThrough(upstream: string): Promise<string | undefined> {
  const plan = pipe(
    add("aws:ecr/pullThroughCacheRule:PullThroughCacheRule", "mirror", {
      ecrRepositoryPrefix: "mirror",
      upstreamRegistryUrl: upstream,
    }),
  )(oregon);
  const found = await pack.check(plan, { jurisdiction: "US" });
  return found.find((v) => v.policy === "registry-replication" && v.resourceName === "mirror")
    ?.message;
}

test.each([
  ["public.ecr.aws", "Amazon ECR Public (public.ecr.aws)"],
  ["ghcr.io", "GitHub Container Registry (ghcr.io)"],
  ["registry.k8s.io", "the Kubernetes project's registry (registry.k8s.io)"],
  ["quay.io", "Quay (quay.io)"],
])("a pull-through cache from %s names the registry it cannot place", async (host, name) => {
  expect(await pullThrough(host)).toContain(
    `"${host}", ${name}, a public container registry whose host names no region, so it cannot be placed in a region`,
  );
});

test("a registry the list does not hold keeps the general words", async () => {
  expect(await pullThrough("registry.example.net")).toContain(
    '"registry.example.net", a host that is neither an address nor a cloud service endpoint',
  );
});
