/**
 * The stack's placers are found through an index (policy/paths/mesh-hosts.ts `placerIndex`): a
 * name a route holds is looked up under the names objects answer to, not by scanning every
 * ServiceEntry, Consul catalog entry or Envoy Gateway Backend of the stack for every route (a
 * Kubernetes stack of 1,000 routes and entries spent seconds in that scan). The index must find
 * exactly the object the scan found: the first, in the stack's order, of the route's cluster that
 * is visible to the route and answers to the name. The scans are written out here as the
 * specification, and compared with the index over generated stacks.
 */
import fc from "fast-check";
// The paths modules load as the pack loads them, the type tables first.
import "../../policy/paths";
import {
  byConsulCatalog,
  byEnvoyBackend,
  byServiceEntry,
  placerIndex,
} from "../../policy/paths/mesh-hosts";
import type { BorderResource } from "../../policy/paths/model";

type Placer = Pick<BorderResource, "type" | "props" | "provider">;
type Route = Pick<BorderResource, "props" | "provider">;

const namespaceOf = (props: Readonly<Record<string, unknown>>) => {
  const ns = (props.metadata as { namespace?: unknown } | undefined)?.namespace;
  return typeof ns === "string" ? ns : "default";
};
const norm = (h: string) => h.toLowerCase().replace(/\.$/, "");

/** Istio's rule: an entry host covers a name equal to it, or one under its `*.` wildcard. */
function covers(entryHost: string, host: string): boolean {
  const entry = norm(entryHost);
  const name = norm(host);
  return entry === name || (entry.startsWith("*.") && name.endsWith(entry.slice(1)));
}

function exported(entry: Placer, route: Route): boolean {
  const exportTo = (entry.props.spec as { exportTo?: unknown }).exportTo;
  if (!Array.isArray(exportTo) || exportTo.length === 0) {
    return true;
  }
  const ns = namespaceOf(route.props);
  return exportTo.some(
    (n) => n === "*" || n === ns || (n === "." && namespaceOf(entry.props) === ns),
  );
}

/** The scan named-destinations ran before the index: the specification. */
function scanEntries(resources: readonly Placer[], route: Route, host: string) {
  return resources.find(
    (r) =>
      r.type.startsWith("kubernetes:networking.istio.io/") &&
      r.type.endsWith(":ServiceEntry") &&
      r.provider === route.provider &&
      exported(r, route) &&
      ((r.props.spec as { hosts?: unknown[] }).hosts ?? []).some(
        (h) => typeof h === "string" && covers(h, host),
      ),
  );
}

const clusters = ["urn:kube-a", "urn:kube-b"];
const namespaces = ["shop", "payments", "default"];
const labels = ["payments", "Payments", "db", "corp", "internal", "example"];

const host = fc
  .tuple(fc.array(fc.constantFrom(...labels), { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([ls, dot]) => ls.join(".") + (dot ? "." : ""));
const entryHost = fc.oneof(
  host,
  host.map((h) => `*.${h}`),
);
const meta = (namespace: string | undefined) =>
  namespace === undefined ? {} : { metadata: { namespace } };

const entry: fc.Arbitrary<Placer> = fc
  .record({
    version: fc.constantFrom("v1alpha3", "v1beta1", "v1"),
    provider: fc.constantFrom(...clusters),
    namespace: fc.option(fc.constantFrom(...namespaces), { nil: undefined }),
    hosts: fc.array(entryHost, { maxLength: 3 }),
    exportTo: fc.option(fc.subarray([".", "*", ...namespaces]), { nil: undefined }),
  })
  .map(({ version, provider, namespace, hosts, exportTo }) => ({
    type: `kubernetes:networking.istio.io/${version}:ServiceEntry`,
    provider,
    props: {
      ...meta(namespace),
      spec: { hosts, ...(exportTo === undefined ? {} : { exportTo }) },
    },
  }));
const other: fc.Arbitrary<Placer> = fc.constant({
  type: "kubernetes:core/v1:Service",
  provider: clusters[0],
  props: { metadata: { name: "payments" }, spec: { hosts: ["payments"] } },
});
const route: fc.Arbitrary<Route> = fc
  .record({
    provider: fc.constantFrom(...clusters),
    namespace: fc.option(fc.constantFrom(...namespaces), { nil: undefined }),
  })
  .map(({ provider, namespace }) => ({ provider, props: meta(namespace) }));

describe("a ServiceEntry is found by its hosts, as the scan found it", () => {
  test("over generated stacks: the same entry (or none) for every route and host", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(entry, entry, other), { maxLength: 12 }),
        fc.array(fc.tuple(route, host), { minLength: 1, maxLength: 8 }),
        (resources, lookups) => {
          const index = placerIndex(byServiceEntry, resources);
          for (const [r, h] of lookups) {
            expect(index(r, h)).toBe(scanEntries(resources, r, h));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  const shop: Route = { provider: clusters[0], props: { metadata: { namespace: "shop" } } };
  const se = (hosts: string[], spec: Record<string, unknown> = {}, provider = clusters[0]) => ({
    type: "kubernetes:networking.istio.io/v1:ServiceEntry",
    provider,
    props: { metadata: { namespace: "shop" }, spec: { hosts, ...spec } },
  });

  test("the first entry of the stack that covers the host, wildcard or exact", () => {
    const wildcard = se(["*.corp.internal"]);
    const exact = se(["payments.corp.internal"]);
    expect(placerIndex(byServiceEntry, [wildcard, exact])(shop, "payments.corp.internal")).toBe(
      wildcard,
    );
    expect(placerIndex(byServiceEntry, [exact, wildcard])(shop, "Payments.Corp.Internal.")).toBe(
      exact,
    );
    // A wildcard covers names of one or more labels under it, not the bare suffix.
    expect(placerIndex(byServiceEntry, [wildcard])(shop, "a.b.corp.internal")).toBe(wildcard);
    expect(placerIndex(byServiceEntry, [wildcard])(shop, "corp.internal")).toBeUndefined();
  });

  test("twin: an entry of another cluster, or not exported to the route's namespace, is not found", () => {
    const abroad = se(["payments.corp.internal"], {}, clusters[1]);
    const own = se(["payments.corp.internal"], { exportTo: ["."] });
    const payments: Route = {
      provider: clusters[0],
      props: { metadata: { namespace: "payments" } },
    };
    expect(placerIndex(byServiceEntry, [abroad])(shop, "payments.corp.internal")).toBeUndefined();
    expect(placerIndex(byServiceEntry, [own])(payments, "payments.corp.internal")).toBeUndefined();
    expect(placerIndex(byServiceEntry, [abroad, own])(shop, "payments.corp.internal")).toBe(own);
  });
});

describe("Consul's catalog entries and Envoy Gateway's Backends are found by name", () => {
  const consul = (kind: string, props: Record<string, unknown>, provider = clusters[0]) => ({
    type: `kubernetes:consul.hashicorp.com/v1alpha1:${kind}`,
    provider,
    props,
  });
  const gateway: Route = { provider: clusters[0], props: {} };

  test("a ServiceDefaults with a destination by its name, a Registration by its service's", () => {
    const defaults = consul("ServiceDefaults", {
      metadata: { name: "billing" },
      spec: { destination: { addresses: ["10.0.0.9"] } },
    });
    const registration = consul("Registration", { spec: { service: { name: "ledger" } } });
    const index = placerIndex(byConsulCatalog, [defaults, registration]);
    expect(index(gateway, "billing")).toBe(defaults);
    expect(index(gateway, "ledger")).toBe(registration);
    expect(index(gateway, "orders")).toBeUndefined();
  });

  test("twin: a ServiceDefaults without a destination, or of another cluster, gives no address", () => {
    const plain = consul("ServiceDefaults", { metadata: { name: "billing" }, spec: {} });
    const abroad = consul("Registration", { spec: { service: { name: "billing" } } }, clusters[1]);
    expect(placerIndex(byConsulCatalog, [plain, abroad])(gateway, "billing")).toBeUndefined();
  });

  const backend = (name: string, namespace?: string, provider = clusters[0]) => ({
    type: "kubernetes:gateway.envoyproxy.io/v1alpha1:Backend",
    provider,
    props: { metadata: { name, ...(namespace === undefined ? {} : { namespace }) } },
  });

  test("a Backend by <namespace>/<name>, or by <name> in the route's namespace", () => {
    const inShop = backend("ledger", "shop");
    const inDefault = backend("ledger");
    const index = placerIndex(byEnvoyBackend, [inShop, inDefault]);
    const shopRoute: Route = { provider: clusters[0], props: { metadata: { namespace: "shop" } } };
    expect(index(shopRoute, "ledger")).toBe(inShop);
    expect(index(gateway, "ledger")).toBe(inDefault);
    expect(index(gateway, "shop/ledger")).toBe(inShop);
    expect(index(shopRoute, "default/ledger")).toBe(inDefault);
  });

  test("twin: a Backend of another name, namespace or cluster is not found", () => {
    const index = placerIndex(byEnvoyBackend, [
      backend("ledger", "shop", clusters[1]),
      backend("orders", "shop"),
    ]);
    const shopRoute: Route = { provider: clusters[0], props: { metadata: { namespace: "shop" } } };
    expect(index(shopRoute, "ledger")).toBeUndefined();
    expect(index(shopRoute, "payments/orders")).toBeUndefined();
  });
});
