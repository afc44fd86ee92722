/**
 * An Ingress, or a Traefik route, is served by an Ingress controller in its cluster and faces what
 * that controller's own Service faces. A controller the program installs has its Service judged
 * as the program's; one it does not (k3s's Traefik, a platform team's ingress-nginx) is out of
 * sight, so the object may face the internet — as a LoadBalancer Service on that cluster may —
 * unless the stack declares the class internal (`internalIngressClasses` of the cluster's
 * `sovereign-dc:clusters` entry).
 */
import type { Plan } from "../../engine/plan";
import type { DeclaredCluster } from "../../residency/clusters";
import { clustersIssues } from "../../residency/clusters";
import { add, addProvider, deploymentOn, fixturePlan, pipe } from "../helpers/policy-plan";
import { findings, oregonSettings, policyPack } from "../helpers/policy-session";

const pack = policyPack();
let happy: Plan;
beforeAll(async () => {
  happy = await fixturePlan("policy-aws", "us");
});

const context = "home-lab";
const site: DeclaredCluster = { context, site: "home-lab", country: "US" };
const eks: DeclaredCluster = { context, cloud: "aws", region: "us-west-2" };
/** The stack's settings with the home-lab context declared as `cluster`. */
const declaring = (cluster: DeclaredCluster) => ({ ...oregonSettings, clusters: [cluster] });

/** A provider of the declared context, and a namespace its objects are in. */
const cluster = pipe(
  addProvider("kubernetes", "lab", { context }),
  add(
    "kubernetes:core/v1:Namespace",
    "media",
    { metadata: { name: "media" } },
    { provider: "lab" },
  ),
  add(
    "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    "deny-all",
    {
      metadata: { namespace: "media" },
      spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
    },
    { provider: "lab" },
  ),
);

/** An Ingress "web" for a public host, of class `cls` (none when null), or annotated with it. */
const ingress = (cls: string | null, by: "spec" | "annotation" = "spec") =>
  add(
    "kubernetes:networking.k8s.io/v1:Ingress",
    "web",
    {
      metadata: {
        name: "web",
        namespace: "media",
        annotations:
          cls !== null && by === "annotation" ? { "kubernetes.io/ingress.class": cls } : {},
      },
      spec: {
        ...(cls !== null && by === "spec" ? { ingressClassName: cls } : {}),
        rules: [
          {
            host: "media.example.org",
            http: {
              paths: [
                {
                  path: "/",
                  pathType: "Prefix",
                  backend: { service: { name: "web", port: { number: 80 } } },
                },
              ],
            },
          },
        ],
      },
    },
    { provider: "lab" },
  );

/** A Traefik 3 IngressRoute "admin" for a public host. */
const route = add(
  "kubernetes:traefik.io/v1alpha1:IngressRoute",
  "admin",
  {
    metadata: { name: "admin", namespace: "media" },
    spec: {
      entryPoints: ["websecure"],
      routes: [
        {
          match: "Host(`admin.example.org`)",
          kind: "Rule",
          services: [{ name: "admin", port: 80 }],
        },
      ],
    },
  },
  { provider: "lab" },
);

/** The IngressClass `name` of the controller `controller` the program installs on the cluster. */
const ingressClass = (name: string, controller: string, annotations: Record<string, string> = {}) =>
  add(
    "kubernetes:networking.k8s.io/v1:IngressClass",
    name,
    { metadata: { name, annotations }, spec: { controller } },
    { provider: "lab" },
  );

const exposure = async (plan: (p: Plan) => Plan, settings = declaring(site)) =>
  findings(await pack.check(plan(happy), settings));

/** kubernetes-service-exposure's finding on `name` (`label`), served by `controller`. */
const unseen = (name: string, label: string, controller: string) => [
  "kubernetes-service-exposure",
  name,
  "mandatory",
  ["the internet", controller, label],
];
const traefik = 'the Ingress controller of class "traefik" (not created by this program)';

describe.each([
  ["at a site", site],
  ["on EKS", eks],
])("a cluster declared %s", (_, declared) => {
  const settings = declaring(declared);

  it.each([
    ["by spec.ingressClassName", "spec"],
    ["by the kubernetes.io/ingress.class annotation", "annotation"],
  ] as const)(
    "fails an Ingress of class traefik (%s) whose controller the program does not create",
    async (__, by) => {
      expect(await exposure(pipe(cluster, ingress("traefik", by)), settings)).toEqual([
        unseen("web", 'k8s ingress "web"', traefik),
      ]);
    },
  );

  it("passes it once the stack declares the class internal", async () => {
    const internal = { ...declared, internalIngressClasses: ["traefik"] };
    expect(await exposure(pipe(cluster, ingress("traefik")), declaring(internal))).toEqual([]);
  });

  it("passes it when the program installs the class's controller", async () => {
    const installed = pipe(cluster, ingressClass("traefik", "traefik.io/ingress-controller"));
    expect(await exposure(pipe(installed, ingress("traefik")), settings)).toEqual([]);
  });

  // Found on a public program that installs ingress-nginx from its manifests: no IngressClass,
  // the class given to the controller's container by its flag.
  it("passes it when a workload of the program runs the class's controller, named by its flag", async () => {
    const controller = (args: string[]) =>
      deploymentOn("ingress-controller", "media", "lab", {}, { args });
    for (const args of [
      ["/nginx-ingress-controller", "--ingress-class=traefik"],
      ["--providers.kubernetesingress.ingressclass", "traefik"],
    ]) {
      expect(await exposure(pipe(cluster, controller(args), ingress("traefik")), settings)).toEqual(
        [],
      );
    }
    // Twin: a controller of another class serves none of this one's.
    expect(
      await exposure(
        pipe(cluster, controller(["--ingress-class=internal"]), ingress("traefik")),
        settings,
      ),
    ).toEqual([unseen("web", 'k8s ingress "web"', traefik)]);
  });

  it("passes it when a Helm release of the program installs the class's controller, whose Service helm-releases reports", async () => {
    const release = (chart: string, values: Record<string, unknown> = {}) =>
      add(
        "kubernetes:helm.sh/v3:Release",
        "ingress",
        { chart, namespace: "ingress", values },
        { provider: "lab" },
      );
    const serving = async (plan: (p: Plan) => Plan) =>
      (await exposure(plan, settings)).filter(
        ([policy]) => policy === "kubernetes-service-exposure",
      );
    expect(await serving(pipe(cluster, release("traefik"), ingress("traefik")))).toEqual([]);
    expect(
      await serving(
        pipe(
          cluster,
          release("oci://ghcr.io/kubernetes/ingress-nginx", {
            controller: { ingressClassResource: { name: "traefik" } },
          }),
          ingress("traefik"),
        ),
      ),
    ).toEqual([]);
    // Twin: ingress-nginx's own class is nginx, not the Ingress's.
    expect(await serving(pipe(cluster, release("ingress-nginx"), ingress("traefik")))).toEqual([
      unseen("web", 'k8s ingress "web"', traefik),
    ]);
  });

  it("fails an Ingress of another class than the one the stack declares internal", async () => {
    const internal = { ...declared, internalIngressClasses: ["nginx-internal"] };
    expect(await exposure(pipe(cluster, ingress("traefik")), declaring(internal))).toEqual([
      unseen("web", 'k8s ingress "web"', traefik),
    ]);
  });

  it("fails an Ingress of no class, served by the cluster's default controller", async () => {
    expect(await exposure(pipe(cluster, ingress(null)), settings)).toEqual([
      unseen(
        "web",
        'k8s ingress "web"',
        "the cluster's default Ingress controller (not created by this program)",
      ),
    ]);
  });

  it("passes an Ingress of no class when the program installs the cluster's default class", async () => {
    const installed = pipe(
      cluster,
      ingressClass("nginx", "k8s.io/ingress-nginx", {
        "ingressclass.kubernetes.io/is-default-class": "true",
      }),
    );
    expect(await exposure(pipe(installed, ingress(null)), settings)).toEqual([]);
  });

  it("fails a Traefik IngressRoute whose Traefik the program does not create", async () => {
    expect(await exposure(pipe(cluster, route), settings)).toEqual([
      unseen("admin", 'k8s ingressroute "admin"', traefik),
    ]);
  });

  it("passes a Traefik IngressRoute once the stack declares traefik internal, or the program installs Traefik", async () => {
    const internal = { ...declared, internalIngressClasses: ["traefik"] };
    expect(await exposure(pipe(cluster, route), declaring(internal))).toEqual([]);
    const installed = pipe(cluster, ingressClass("edge", "traefik.io/ingress-controller"));
    expect(await exposure(pipe(installed, route), settings)).toEqual([]);
  });
});

it("says how to declare the class internal, naming the cluster's context", async () => {
  const v = (await pack.check(pipe(cluster, ingress("traefik"))(happy), declaring(site))).find(
    (f) => f.resourceName === "web",
  );
  expect(v?.message).toBe(
    'k8s ingress "web" must not face the internet, but its class "traefik" is served by an Ingress controller this program does not create: the controller\'s own Service decides whether it faces the internet, and the pack cannot see it. Declare the class internal once the controller\'s Service is ClusterIP or on an internal load balancer or private address (sovereign-dc:clusters: [{ context: "home-lab", …, internalIngressClasses: ["traefik"] }]), install the controller in this program so that its Service is judged, or waive the finding naming the controller\'s Service.',
  );
});

test.each([
  ["a text", "traefik"],
  ["a list holding an empty name", ["traefik", ""]],
  ["a list holding a number", [1]],
])("refuses internalIngressClasses given as %s", (_, classes) => {
  expect(clustersIssues([{ ...site, internalIngressClasses: classes }])).toEqual([
    {
      key: "sovereign-dc:clusters[0].internalIngressClasses",
      received: classes,
      expected:
        "expected a list of Ingress class names (kubectl get ingressclass) whose controller's Service is internal",
    },
  ]);
});

test("takes internalIngressClasses on a cluster of a cloud and on one at a site", () => {
  expect(clustersIssues([{ ...eks, internalIngressClasses: ["traefik"] }])).toEqual([]);
  expect(
    clustersIssues([{ ...site, context: "other", internalIngressClasses: ["traefik", "nginx"] }]),
  ).toEqual([]);
});
