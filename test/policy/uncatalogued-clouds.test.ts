/**
 * A cloud whose regions the catalog does not hold (Azure, Google Cloud, …) cannot be placed. Its
 * resource types fail reviewed-resource-types until a reviewer allows them, and allowing a type
 * does not place it: the location its provider or the resource itself sets is still a destination
 * the pack cannot place (resource-placement), until the reviewer lists that place under
 * `regionsInside` for the stack. A stack of such a cloud in the US whose types were allowed must
 * never read as sealed.
 */
import type { Plan } from "../../engine/plan";
import {
  add,
  addProvider,
  fixturePlan,
  pipe,
  unknown,
  withDependencies,
} from "../helpers/policy-plan";
import {
  type Finding,
  oregonSettings,
  policyPack,
  runCases,
  shanghaiSettings,
} from "../helpers/policy-session";

const pack = policyPack();
let happy: Plan;
beforeAll(async () => {
  happy = await fixturePlan("policy-aws", "us");
});

const ip = "azure-native:network:PublicIPAddress";
const bucket = "gcp:storage/bucket:Bucket";

/** The reviewer allowed the types of these clouds for the stack (reviewed-resource-types). */
const allowed = {
  ...oregonSettings,
  policies: { "reviewed-resource-types": { allowTypes: [ip, bucket] } },
};

/** …and confirmed where the given places are. */
const confirmed = (regionsInside: Record<string, string[]>) => ({
  ...allowed,
  policies: { ...allowed.policies, "resource-placement": { regionsInside } },
});

/** A public IP through an azure-native provider with `location`. */
const azureIp = (location: unknown) =>
  pipe(
    addProvider("azure-native", "azure", location === undefined ? {} : { location }),
    add(ip, "ip", { publicIPAllocationMethod: "Static" }, { provider: "azure" }),
  );

/** A bucket through a gcp provider in a region, the bucket in `location`. */
const gcpBucket = (location: unknown) =>
  pipe(
    addProvider("gcp", "gcp", { project: "acme", region: "us-west1" }),
    add(bucket, "logs", { location }, { provider: "gcp" }),
  );

const azureProvider = 'azure-native provider "azure"';

/** The finding on gcpBucket's provider, whose region the pack cannot place. */
const gcpRegionUnplaced: Finding = [
  "resource-placement",
  "gcp",
  "mandatory",
  ['gcp provider "gcp"', 'gcp region "us-west1" (which the pack cannot place)'],
];

/** A bucket through a gcp provider with a default region and zone. */
const zonalGcp = () =>
  pipe(
    addProvider("gcp", "gcp", { project: "acme", region: "us-west1", zone: "us-west1-b" }),
    add(bucket, "logs", {}, { provider: "gcp" }),
  );

describe("a cloud the catalog does not place, its types allowed", () => {
  runCases(pack, () => happy, allowed, [
    {
      name: "an azure-native provider sets a location the pack cannot place",
      bad: azureIp("westus"),
      expected: [
        [
          "resource-placement",
          "azure",
          "mandatory",
          [azureProvider, 'azure-native location "westus" (which the pack cannot place)'],
        ],
      ],
      twinName: "the reviewer lists that location inside the jurisdiction",
      twin: azureIp("westus"),
      twinSettings: confirmed({ "azure-native": ["westus"] }),
    },
    {
      name: "an azure-native provider's location is not known at preview",
      bad: azureIp(unknown),
      expected: [
        [
          "resource-placement",
          "azure",
          "mandatory",
          [azureProvider, "location (unknown at preview)"],
        ],
      ],
      twinName: "the provider sets no location and the resource sets none",
      twin: azureIp(undefined),
    },
    {
      name: "a gcp bucket sets a location other than its provider's, and the provider's is unlisted",
      bad: gcpBucket("US"),
      expected: [
        gcpRegionUnplaced,
        [
          "resource-placement",
          "logs",
          "mandatory",
          ['storage bucket "logs"', 'gcp location "US" (which the pack cannot place)'],
        ],
      ],
      twinName: "the reviewer lists both places of that cloud, in the case and spacing they like",
      twin: gcpBucket("US"),
      twinSettings: confirmed({ gcp: ["US-WEST1", "us"] }),
    },
    // Found on a public program: a BigQuery dataset in the `US` multi-region, in a GB stack, was
    // offered for confirmation as lying inside GB.
    {
      name: "a gcp bucket's location is another country's or union's code: it names where it is",
      bad: gcpBucket("EU"),
      expected: [
        gcpRegionUnplaced,
        [
          "resource-placement",
          "logs",
          "mandatory",
          ['storage bucket "logs"', 'gcp location "EU" (outside US, in EU)'],
        ],
      ],
      twinName: "the bucket is in the stack's own country's code, which a reviewer lists",
      twin: gcpBucket("US"),
      twinSettings: confirmed({ gcp: ["us-west1", "US"] }),
    },
    {
      name: "a gcp provider sets a region and a zone, neither listed: one finding names both",
      bad: zonalGcp(),
      expected: [
        [
          "resource-placement",
          "gcp",
          "mandatory",
          [
            'gcp provider "gcp"',
            'gcp region "us-west1", zone "us-west1-b" (which the pack cannot place)',
          ],
        ],
      ],
      twinName: "the reviewer lists both, as the finding's config entry does",
      twin: zonalGcp(),
      twinSettings: confirmed({ gcp: ["us-west1", "us-west1-b"] }),
    },
    {
      // A DigitalOcean load balancer's `dropletTag`, the name of a tag the program creates, is
      // not known at preview either: it says nothing of where the resource is.
      name: "a gcp bucket's location is unlisted, and a setting that names no place is not known at preview",
      bad: pipe(
        addProvider("gcp", "gcp", { project: "acme" }),
        add(bucket, "logs", { location: "US", storageClass: unknown }, { provider: "gcp" }),
      ),
      expected: [
        [
          "resource-placement",
          "logs",
          "mandatory",
          ['storage bucket "logs"', 'gcp location "US" (which the pack cannot place)'],
        ],
      ],
      twinName: "the reviewer lists the location",
      twin: pipe(
        addProvider("gcp", "gcp", { project: "acme" }),
        add(bucket, "logs", { location: "US", storageClass: unknown }, { provider: "gcp" }),
      ),
      twinSettings: confirmed({ gcp: ["us"] }),
    },
    {
      name: "an azure-native provider is in an Azure China location, which the catalog does not hold",
      bad: azureIp("chinaeast2"),
      expected: [
        [
          "resource-placement",
          "azure",
          "mandatory",
          [azureProvider, 'azure-native location "chinaeast2" (which the pack cannot place)'],
        ],
      ],
      twinName: "the reviewer confirms that location for azure-native",
      twin: azureIp("chinaeast2"),
      twinSettings: confirmed({ "azure-native": ["chinaeast2"] }),
    },
  ]);
});

const gke = "gcp:container/cluster:Cluster";
/** The reviewer allowed the GKE cluster's type and confirmed its region. */
const reviewedGke = {
  ...oregonSettings,
  policies: {
    "reviewed-resource-types": { allowTypes: [gke] },
    "resource-placement": { regionsInside: { gcp: ["us-west1"] } },
  },
};

/**
 * A Kubernetes provider "apps" on the kubeconfig built from the program's `cluster` (not known at
 * preview), deploying a ConfigMap; with `context`, selecting that context.
 */
const appsOn = (cluster: string, context?: string) =>
  pipe(
    addProvider("kubernetes", "apps", { kubeconfig: unknown, ...(context ? { context } : {}) }),
    (plan) => withDependencies(plan, "apps", { kubeconfig: [cluster] }),
    add(
      "kubernetes:core/v1:ConfigMap",
      "settings",
      { metadata: { name: "settings" }, data: { mode: "records" } },
      { provider: "apps" },
    ),
  );

/** A GKE cluster in us-west1 (its `cluster` inputs) and the provider "apps" on it. */
const onGke = (context?: string, cluster: Record<string, unknown> = { location: "us-west1" }) =>
  pipe(
    addProvider("gcp", "gcp", { project: "acme", region: "us-west1" }),
    add(gke, "apps-cluster", cluster, { provider: "gcp" }),
    appsOn("apps-cluster", context),
  );

describe("the places of a cloud the catalog does not place, on one resource", () => {
  it("are confirmed together: the finding prints the one config entry that lists them all", async () => {
    const v = await pack.check(zonalGcp()(happy), allowed);
    expect(v.map((x) => x.message)).toEqual([
      'gcp provider "gcp" must be pinned to a place inside US, but its region is "us-west1" and its zone is "us-west1-b" of gcp, a cloud whose places the pack does not catalog (it places the regions of alicloud and aws). Keep the stack on a cloud the pack places, or, once you have confirmed that "us-west1" and "us-west1-b" lie inside US, list them for the stack under regionsInside of resource-placement in a --policy-config file ({"resource-placement":{"regionsInside":{"gcp":["us-west1","us-west1-b"]}}}) given to check and plan, and to policy-config when it writes the config for pulumi preview --policy-pack-config.',
    ]);
  });

  it("leave only those not yet listed in the finding", async () => {
    const v = await pack.check(zonalGcp()(happy), confirmed({ gcp: ["us-west1"] }));
    expect(v.map((x) => x.path?.at(-1))).toEqual([
      'gcp zone "us-west1-b" (which the pack cannot place)',
    ]);
  });
});

describe("a Kubernetes cluster in a data center of the team's own, behind the ambient kubeconfig", () => {
  // No cloud region places it: the stack declares its context by the site and the country the
  // site lies in, and the cluster is inside or outside by that country.
  const context = "kubernetes-admin@portland-dc";
  const onPremises = pipe(
    addProvider("kubernetes", "dc", { context }),
    add(
      "kubernetes:core/v1:ConfigMap",
      "settings",
      { metadata: { name: "settings" }, data: { mode: "records" } },
      { provider: "dc" },
    ),
  );
  const at = (country: string) => ({
    ...oregonSettings,
    clusters: [{ context, site: "portland-dc", country }],
  });

  it("fails its provider undeclared, saying how to declare the site", async () => {
    const v = await pack.check(onPremises(happy), oregonSettings);
    expect(v.map((x) => [x.policy, x.resourceName, x.level])).toEqual([
      ["kubernetes-cluster-placement", "dc", "mandatory"],
    ]);
    expect(v[0].message).toContain(
      `; a cluster in a data center of your own by its site and country instead, e.g. sovereign-dc:clusters: [{ context: "${context}", site: "<data center>", country: US }].`,
    );
  });

  it("passes once the stack declares the site in the jurisdiction's country", async () => {
    expect(await pack.check(onPremises(happy), at("US"))).toEqual([]);
  });

  /** A LoadBalancer Service "api" on the site's cluster, with these annotations and spec. */
  const siteLoadBalancer = (annotations: Record<string, string>, spec: Record<string, unknown>) =>
    pipe(
      onPremises,
      add(
        "kubernetes:core/v1:Service",
        "api",
        {
          metadata: { name: "api", annotations },
          spec: { type: "LoadBalancer", selector: { app: "api" }, ports: [{ port: 443 }], ...spec },
        },
        { provider: "dc" },
      ),
    );
  const exposure = async (plan: (p: Plan) => Plan) =>
    (await pack.check(plan(happy), at("US"))).map((v) => [v.policy, v.resourceName, v.message]);

  it("fails a LoadBalancer Service there that asks for no address: its pool is out of sight", async () => {
    expect(await exposure(siteLoadBalancer({}, {}))).toEqual([
      [
        "kubernetes-service-exposure",
        "api",
        'k8s service "api" must not face the internet, but spec.type is "LoadBalancer" on the cluster at site "portland-dc", whose load balancer (MetalLB, or the site\'s own) takes an address from a pool the pack cannot see, so it may face the internet. Ask for a private address (spec.loadBalancerIP, or MetalLB\'s metallb.io/loadBalancerIPs annotation), or use ClusterIP.',
      ],
    ]);
  });

  it("fails one whose MetalLB addresses include a public one, and no cloud's annotation helps", async () => {
    const v = await exposure(
      siteLoadBalancer(
        {
          "metallb.io/loadBalancerIPs": "10.20.0.15, 203.0.113.9",
          "service.beta.kubernetes.io/aws-load-balancer-internal": "true",
        },
        {},
      ),
    );
    expect(v.map(([policy]) => policy)).toEqual(["kubernetes-service-exposure"]);
    expect(v[0][2]).toContain(
      'is asked for "10.20.0.15", "203.0.113.9", not only private addresses',
    );
  });

  it.each([
    ["spec.loadBalancerIP", {}, { loadBalancerIP: "10.20.0.15" }],
    ["MetalLB's annotation", { "metallb.universe.tf/loadBalancerIPs": "10.20.0.15" }, {}],
    ["Cilium LB IPAM's annotation", { "lbipam.cilium.io/ips": "10.20.0.15,10.20.0.16" }, {}],
  ])("passes one that asks for a private address by %s", async (_, annotations, spec) => {
    expect(await exposure(siteLoadBalancer(annotations, spec))).toEqual([]);
  });

  it("fails a NodePort Service there, whose nodes' addresses are the site's, with no fix in the program", async () => {
    const nodePort = pipe(
      onPremises,
      add(
        "kubernetes:core/v1:Service",
        "api",
        {
          metadata: { name: "api" },
          spec: { type: "NodePort", selector: { app: "api" }, ports: [{ port: 443 }] },
        },
        { provider: "dc" },
      ),
    );
    expect(await exposure(nodePort)).toEqual([
      [
        "kubernetes-service-exposure",
        "api",
        'k8s service "api" must not face the internet, but spec.type is "NodePort", which opens its port on every node, and the nodes of the cluster at site "portland-dc" have addresses the pack cannot see, so whether they face the internet cannot be decided. Use ClusterIP or an internal LoadBalancer.',
      ],
    ]);
  });

  it("fails a site declared in another country, naming the site and the country", async () => {
    const v = await pack.check(onPremises(happy), at("DE"));
    expect(v.map((x) => [x.policy, x.level, x.message, x.path])).toEqual([
      [
        "kubernetes-cluster-placement",
        "mandatory",
        `kubernetes provider "dc" must deploy to a cluster inside US, but sovereign-dc:clusters declares the cluster of its context "${context}" at site "portland-dc" in Germany (outside US), so its Kubernetes object (k8s configmap "settings") would run there. Deploy to a cluster inside US.`,
        [
          'kubernetes provider "dc"',
          `cluster of context "${context}"`,
          'site "portland-dc" in Germany (outside US)',
        ],
      ],
    ]);
  });
});

describe("a Kubernetes cluster of a cloud the catalog does not place, its region confirmed", () => {
  // sovereign-dc:clusters declares clusters of the catalogued clouds only, so neither the program
  // nor the stack config places a GKE cluster: the finding says so and gives the one way out, a
  // waiver that carries the reviewer's evidence — not a declaration under another cloud.
  it("fails its provider, naming the cluster's cloud and region and the waiver that would cover it", async () => {
    const v = await pack.check(onGke()(happy), reviewedGke);
    expect(v.map((x) => [x.policy, x.resourceName, x.level])).toEqual([
      ["kubernetes-cluster-placement", "apps", "mandatory"],
    ]);
    expect(v[0].message).toContain(
      'but the pack cannot tell where its cluster is: its kubeconfig comes from container cluster "apps-cluster", a cluster of gcp, a cloud whose places the pack does not catalog. Its Kubernetes object (k8s configmap "settings") could run in any country. The pack places the clusters of alicloud and aws, created by this program or declared in sovereign-dc:clusters, and not those of gcp. Run the objects on a cluster of those clouds inside US, or, once you have confirmed that container cluster "apps-cluster" (its location "us-west1") runs inside US, waive this finding for the provider with that evidence in a --policy-config file ({"kubernetes-cluster-placement":{"waivers":[{"policy":"kubernetes-cluster-placement","resource":"apps","reason":"<why apps-cluster runs inside US>","expires":"<YYYY-MM-DD>"}]}}).',
    );
  });

  it("fails it the same way when the stack declares the provider's context on a catalogued cloud", async () => {
    const v = await pack.check(onGke("gke_acme_us-west1_apps")(happy), {
      ...reviewedGke,
      clusters: [{ context: "gke_acme_us-west1_apps", cloud: "aws", region: "us-west-2" }],
    });
    expect(v.map((x) => x.message.split(". ")[0])).toEqual([
      'kubernetes provider "apps" must deploy to a cluster placed inside US, but the pack cannot tell where its cluster is: its kubeconfig comes from container cluster "apps-cluster", a cluster of gcp, a cloud whose places the pack does not catalog',
    ]);
  });

  it("names the region of the cluster's provider when the cluster sets no place of its own", async () => {
    const v = await pack.check(onGke(undefined, {})(happy), reviewedGke);
    expect(v.map((x) => x.policy)).toEqual(["kubernetes-cluster-placement"]);
    expect(v[0].message).toContain(
      'once you have confirmed that container cluster "apps-cluster" (its provider\'s region "us-west1") runs inside US',
    );
  });

  /** The reviewer's waiver of the provider's finding. */
  const waived = {
    ...reviewedGke,
    waivers: [
      {
        policy: "kubernetes-cluster-placement",
        resource: "apps",
        reason: "GKE us-west1 is The Dalles, Oregon (the project's console)",
        expires: "2099-12-31",
      },
    ],
  };
  /** A LoadBalancer Service "api" through the provider "apps", with these annotations. */
  const loadBalancer = (annotations: Record<string, string>) =>
    add(
      "kubernetes:core/v1:Service",
      "api",
      {
        metadata: { name: "api", annotations },
        spec: { type: "LoadBalancer", selector: { app: "api" }, ports: [{ port: 443 }] },
      },
      { provider: "apps" },
    );
  /** …through the GKE cluster's provider. */
  const gkeLoadBalancer = (annotations: Record<string, string>) =>
    pipe(onGke(), loadBalancer(annotations));

  it("fails a LoadBalancer Service annotated internal for AWS, which GKE's controller ignores", async () => {
    const v = await pack.check(
      gkeLoadBalancer({ "service.beta.kubernetes.io/aws-load-balancer-internal": "true" })(happy),
      waived,
    );
    expect(v.map((x) => [x.policy, x.resourceName, x.message])).toEqual([
      [
        "kubernetes-service-exposure",
        "api",
        'k8s service "api" must not face the internet, but spec.type is "LoadBalancer" without the internal-load-balancer annotation of its cluster\'s cloud (gcp), so the cloud provisions a public load balancer. Annotate it networking.gke.io/load-balancer-type: "Internal", or use ClusterIP.',
      ],
    ]);
  });

  it("passes the Service annotated internal for GKE", async () => {
    const v = await pack.check(
      gkeLoadBalancer({ "networking.gke.io/load-balancer-type": "Internal" })(happy),
      waived,
    );
    expect(v).toEqual([]);
  });

  it("judges a DigitalOcean Kubernetes cluster's Service by DigitalOcean's annotation", async () => {
    const doks = "digitalocean:index/kubernetesCluster:KubernetesCluster";
    const onDoks = (annotations: Record<string, string>) =>
      pipe(
        addProvider("digitalocean", "do", {}),
        add(doks, "apps-cluster", { region: "sfo3" }, { provider: "do" }),
        appsOn("apps-cluster"),
        loadBalancer(annotations),
      )(happy);
    const reviewed = {
      ...waived,
      policies: {
        "reviewed-resource-types": { allowTypes: [doks] },
        "resource-placement": { regionsInside: { digitalocean: ["sfo3"] } },
      },
    };
    const internalForAws = await pack.check(
      onDoks({ "service.beta.kubernetes.io/aws-load-balancer-internal": "true" }),
      reviewed,
    );
    expect(
      internalForAws.map((x) => [x.policy, x.resourceName, x.level, x.message.split(". ")[1]]),
    ).toEqual([
      [
        "kubernetes-service-exposure",
        "api",
        "mandatory",
        'Annotate it service.beta.kubernetes.io/do-loadbalancer-network: "INTERNAL", or use ClusterIP.',
      ],
    ]);
    expect(
      await pack.check(
        onDoks({ "service.beta.kubernetes.io/do-loadbalancer-network": "INTERNAL" }),
        reviewed,
      ),
    ).toEqual([]);
  });

  it("passes an AWS Cloud Control EKS cluster's provider whose context the stack declares: it is AWS's", async () => {
    const eks = "aws-native:eks:Cluster";
    const plan = pipe(
      addProvider("aws-native", "native", { region: "us-west-2" }),
      add(eks, "native-eks", { name: "native-eks" }, { provider: "native" }),
      appsOn("native-eks", "records-prod"),
    )(happy);
    const v = await pack.check(plan, {
      ...oregonSettings,
      clusters: [{ context: "records-prod", cloud: "aws", region: "us-west-2" }],
      policies: { "reviewed-resource-types": { allowTypes: [eks] } },
    });
    expect(v).toEqual([]);
  });

  it("passes once the waiver the finding prints covers the provider", async () => {
    const v = await pack.check(onGke()(happy), waived);
    expect(v).toEqual([]);
  });
});

/** A resource of AWS Cloud Control, through an aws-native provider in `region`. */
const native = (type: string, name: string, props: Record<string, unknown>, region = "us-west-2") =>
  pipe(
    addProvider("aws-native", "native", { region }),
    add(type, name, props, { provider: "native" }),
  );

/** An S3 bucket, through a provider in `region`. */
const nativeBucket = (region: string) => native("aws-native:s3:Bucket", "archive", {}, region);

/** A subnet in the zone `zone`, through a provider in Oregon. */
const nativeSubnet = (zone: string) =>
  native("aws-native:ec2:Subnet", "app", {
    vpcId: "vpc-0123",
    cidrBlock: "10.0.1.0/24",
    availabilityZone: zone,
  });

/** A private hosted zone for a VPC of `vpcRegion`. */
const nativeZone = (vpcRegion: string) =>
  native("aws-native:route53:HostedZone", "internal", {
    name: "internal.example.com",
    vpcs: [{ vpcId: "vpc-0123", vpcRegion }],
  });

describe("AWS Cloud Control (aws-native), its types allowed: its regions and zones are AWS's", () => {
  runCases(
    pack,
    () => happy,
    {
      ...oregonSettings,
      policies: {
        "reviewed-resource-types": {
          allowTypes: [
            "aws-native:s3:Bucket",
            "aws-native:ec2:Subnet",
            "aws-native:route53:HostedZone",
          ],
        },
      },
    },
    [
      {
        name: "an aws-native provider is in a region abroad",
        bad: nativeBucket("eu-central-1"),
        expected: [
          [
            "resource-placement",
            "native",
            "mandatory",
            ['aws-native provider "native"', "eu-central-1 (outside US, in EU)"],
          ],
        ],
        twinName: "it is in a region of the jurisdiction, judged by the catalog without a list",
        twin: nativeBucket("us-west-2"),
      },
      {
        name: "an aws-native subnet is in a zone abroad",
        bad: nativeSubnet("eu-central-1a"),
        expected: [
          [
            "arn-locality",
            "app",
            "mandatory",
            ['ec2 subnet "app"', "eu-central-1a (outside US, in EU)"],
          ],
        ],
        twinName: "it is in a zone of a region of the jurisdiction, judged by the catalog",
        twin: nativeSubnet("us-west-2a"),
      },
      {
        name: "an aws-native hosted zone serves a VPC abroad",
        bad: nativeZone("eu-central-1"),
        expected: [
          [
            "arn-locality",
            "internal",
            "mandatory",
            ['route53 hosted zone "internal"', "eu-central-1 (outside US, in EU)"],
          ],
        ],
        twinName: "it serves a VPC of a region of the jurisdiction",
        twin: nativeZone("us-east-1"),
      },
    ],
  );
});

/** A shell command given the region its AWS CLI calls go to. */
const regionalCommand = (region: string) =>
  pipe(
    addProvider("command", "shell", {}),
    add(
      "command:local:Command",
      "push",
      { create: "aws s3 sync", environment: { AWS_REGION: region } },
      { provider: "shell" },
    ),
  );

describe("a region of a catalogued cloud named by another package's resource", () => {
  runCases(
    pack,
    () => happy,
    {
      ...oregonSettings,
      policies: { "reviewed-resource-types": { allowTypes: ["command:local:Command"] } },
    },
    [
      {
        name: "a command sends its AWS calls to a region abroad",
        bad: regionalCommand("eu-central-1"),
        expected: [
          [
            "arn-locality",
            "push",
            "mandatory",
            ['local command "push"', "eu-central-1 (outside US, in EU)"],
          ],
        ],
        twinName: "it sends them to a region of the jurisdiction, which the catalog places",
        twin: regionalCommand("us-west-2"),
      },
      {
        // eu-west-1 is Ireland on AWS and London on Alibaba Cloud: a command is of neither.
        name: "a command names a region ID that is abroad on both clouds, in different countries",
        bad: regionalCommand("eu-west-1"),
        expected: [
          [
            "arn-locality",
            "push",
            "mandatory",
            ['local command "push"', "eu-west-1 (outside US: Alibaba Cloud's in GB, AWS's in EU)"],
          ],
        ],
        twinName: "it names us-east-1, inside on both",
        twin: regionalCommand("us-east-1"),
      },
    ],
  );
});

/** An Aiven PostgreSQL service, placed by its `cloudName` (`<cloud>-<region>`). */
const aivenPg = "aiven:index/pg:Pg";
const aivenService = (cloudName: string) =>
  pipe(
    addProvider("aiven", "aiven", {}),
    add(
      aivenPg,
      "orders-db",
      { project: "shop", serviceName: "orders-db", plan: "business-4", cloudName },
      { provider: "aiven" },
    ),
  );

describe("a SaaS vendor's places, its types allowed", () => {
  const atlas = "mongodbatlas:index/advancedCluster:AdvancedCluster";
  const stack = "grafana:cloud/stack:Stack";
  const monitor = "datadog:index/monitor:Monitor";
  const settings = (regionsInside?: Record<string, string[]>) => ({
    ...oregonSettings,
    policies: {
      "reviewed-resource-types": { allowTypes: [atlas, stack, monitor, aivenPg] },
      ...(regionsInside === undefined ? {} : { "resource-placement": { regionsInside } }),
    },
  });
  const cluster = (regionName: string) =>
    pipe(
      addProvider("mongodbatlas", "atlas", {}),
      add(
        atlas,
        "orders",
        {
          projectId: "p",
          name: "orders",
          clusterType: "REPLICASET",
          replicationSpecs: [
            {
              regionConfigs: [
                {
                  providerName: "AWS",
                  regionName,
                  priority: 7,
                  electableSpecs: { instanceSize: "M10", nodeCount: 3 },
                },
              ],
            },
          ],
        },
        { provider: "atlas" },
      ),
    );
  const grafanaStack = (regionSlug: string) =>
    pipe(
      addProvider("grafana", "grafana", {}),
      add(
        stack,
        "metrics",
        { name: "metrics", slug: "metrics", regionSlug },
        { provider: "grafana" },
      ),
    );
  const site = (apiUrl: string) =>
    pipe(
      addProvider("datadog", "dd", { apiUrl, apiKey: "k", appKey: "a" }),
      add(
        monitor,
        "cpu",
        { name: "cpu", type: "metric alert", query: "q", message: "m" },
        {
          provider: "dd",
        },
      ),
    );
  runCases(pack, () => happy, settings(), [
    {
      name: "an Aiven service names its cloud and an AWS region abroad in one (cloudName)",
      bad: aivenService("aws-eu-west-1"),
      expected: [
        [
          "resource-placement",
          "orders-db",
          "mandatory",
          ['aiven pg "orders-db"', '"aws-eu-west-1": eu-west-1 (outside US, in EU)'],
        ],
      ],
      twinName: "it names aws-us-west-2, inside",
      twin: aivenService("aws-us-west-2"),
    },
    {
      name: "an Aiven service on Google Cloud names a place the pack cannot place",
      bad: aivenService("google-europe-west1"),
      expected: [
        [
          "resource-placement",
          "orders-db",
          "mandatory",
          [
            'aiven pg "orders-db"',
            'aiven cloudName "google-europe-west1" (which the pack cannot place)',
          ],
        ],
      ],
      twinName: "the reviewer lists a Google Cloud place in the US inside the jurisdiction",
      twin: aivenService("google-us-east4"),
      twinSettings: settings({ aiven: ["google-us-east4"] }),
    },
    {
      name: "a MongoDB Atlas cluster names an AWS region abroad in Atlas's spelling",
      bad: cluster("EU_WEST_1"),
      expected: [
        [
          "resource-placement",
          "orders",
          "mandatory",
          ['mongodbatlas advanced cluster "orders"', '"EU_WEST_1": eu-west-1 (outside US, in EU)'],
        ],
      ],
      twinName: "it names US_WEST_2, inside",
      twin: cluster("US_WEST_2"),
    },
    {
      name: "a Grafana Cloud stack names a region by its slug",
      bad: grafanaStack("eu"),
      expected: [
        [
          "resource-placement",
          "metrics",
          "mandatory",
          ['cloud stack "metrics"', 'grafana regionSlug "eu" (which the pack cannot place)'],
        ],
      ],
      twinName: "the reviewer lists the slug inside the jurisdiction",
      twin: grafanaStack("us"),
      twinSettings: settings({ grafana: ["us"] }),
    },
    {
      name: "a Datadog provider sends its API calls to the EU site",
      bad: site("https://api.datadoghq.eu/"),
      expected: [
        [
          "resource-placement",
          "dd",
          "mandatory",
          ['datadog provider "dd"', "api.datadoghq.eu (a host of datadog the pack cannot place)"],
        ],
      ],
      twinName: "the reviewer lists the US site's host inside the jurisdiction",
      twin: site("https://api.datadoghq.com/"),
      twinSettings: settings({ datadog: ["api.datadoghq.com"] }),
    },
    {
      name: "a docker provider builds on a daemon reached over SSH",
      bad: addProvider("docker", "builder", { host: "ssh://ubuntu@build.example.com:22" }),
      expected: [
        [
          "resource-placement",
          "builder",
          "mandatory",
          [
            'docker provider "builder"',
            "build.example.com (a host of docker the pack cannot place)",
          ],
        ],
      ],
      twinName:
        "providers talk to this machine (localhost, [::1], a socket file) and sign in at a token URL",
      twin: pipe(
        addProvider("docker", "builder", { host: "tcp://[::1]:2375" }),
        addProvider("postgresql", "db", { host: "localhost.localdomain" }),
        addProvider("mysql", "db2", { endpoint: "./mysqld.sock" }),
        addProvider("azure-native", "azure", {
          oidcRequestUrl: "https://pipelines.actions.githubusercontent.com/token",
        }),
      ),
    },
  ]);
});

describe("places such a resource names below its top level", () => {
  const account = "azure-native:documentdb:DatabaseAccount";
  const cosmos = (replica: unknown, extra: Record<string, unknown> = {}) =>
    pipe(
      addProvider("azure-native", "azure", { location: "westus" }),
      add(
        account,
        "orders-db",
        {
          databaseAccountOfferType: "Standard",
          locations: [
            { locationName: "westus", failoverPriority: 0 },
            { locationName: replica, failoverPriority: 1 },
          ],
          ...extra,
        },
        { provider: "azure" },
      ),
    );
  const settings = {
    ...oregonSettings,
    policies: {
      "reviewed-resource-types": { allowTypes: [account] },
      "resource-placement": { regionsInside: { "azure-native": ["westus"] } },
    },
  };
  runCases(pack, () => happy, settings, [
    {
      name: "a Cosmos DB account keeps a replica in a location the reviewer did not list",
      bad: cosmos("northeurope"),
      expected: [
        [
          "resource-placement",
          "orders-db",
          "mandatory",
          [
            'documentdb database account "orders-db"',
            'azure-native locations[1].locationName "northeurope" (which the pack cannot place)',
          ],
        ],
      ],
      twinName:
        "its replica is in a listed location (and availability zones by number and a time zone are no places)",
      twin: cosmos("westus", { zones: ["1", "2"], maintenanceWindow: { timeZone: "Pacific" } }),
    },
    {
      name: "a replica's location is not known at preview",
      bad: cosmos(unknown),
      expected: [
        [
          "resource-placement",
          "orders-db",
          "mandatory",
          [
            'documentdb database account "orders-db"',
            "locations[1].locationName (unknown at preview)",
          ],
        ],
      ],
      twinName: "the replica's location is a literal the reviewer listed",
      twin: cosmos("West US"),
    },
  ]);
});

describe("a cloud the catalog does not place, its types not allowed", () => {
  test("each resource fails reviewed-resource-types, the provider's location resource-placement, a place confirmed for another package does not count", async () => {
    const violations = await pack.checkAround(happy, azureIp("westus")(happy), {
      ...oregonSettings,
      policies: { "resource-placement": { regionsInside: { gcp: ["westus"] } } },
    });
    expect(violations.map((v) => [v.policy, v.resourceName]).sort()).toEqual([
      ["resource-placement", "azure"],
      ["reviewed-resource-types", "ip"],
    ]);
  });
});

describe("a build's context and Dockerfile are files of the machine that builds, not places", () => {
  const image = "docker-build:index:Image";
  /** An image built from the folder `app`, its cache kept in an S3 bucket of `cacheRegion`. */
  const build = (cacheRegion: string) =>
    pipe(
      addProvider("docker-build", "builder", {}),
      add(
        image,
        "api",
        {
          push: false,
          context: { location: "app", named: { base: { location: "base" } } },
          dockerfile: { location: "app/Dockerfile" },
          cacheTo: [{ s3: { region: cacheRegion, bucket: "build-cache" } }],
        },
        { provider: "builder" },
      ),
    );
  runCases(pack, () => happy, oregonSettings, [
    {
      name: "an image keeps its build cache in a region abroad",
      bad: build("eu-central-1"),
      expected: [
        [
          "registry-replication",
          "api",
          "mandatory",
          [
            "its provider's image builder",
            'docker-build image "api"',
            "eu-central-1 (outside US, in EU)",
          ],
        ],
      ],
      twinName:
        "its cache is in a region of the jurisdiction; its folders `app` and `base` are no places",
      twin: build("us-west-2"),
    },
  ]);
});

describe("a cloud with no region in the jurisdiction", () => {
  let shanghai: Plan;
  beforeAll(async () => {
    shanghai = await fixturePlan("policy-alicloud", "cn");
  });
  const kafka = "confluentcloud:index/kafkaCluster:KafkaCluster";
  const settings = {
    ...shanghaiSettings,
    policies: { "reviewed-resource-types": { allowTypes: [ip, bucket, aivenPg, kafka] } },
  };
  const placements = async (plan: Plan) =>
    (await pack.checkAround(shanghai, plan, settings))
      .filter((v) => v.policy === "resource-placement")
      .map((v) => [v.resourceName, v.message.slice(v.message.indexOf(" but ") + 5)]);

  test("places a Google Cloud location outside CN outright, and leaves an Azure China one to the reviewer", async () => {
    expect(await placements(gcpBucket("asia-east2")(shanghai))).toEqual([
      [
        "gcp",
        'its region is "us-west1" of gcp, which has no region in CN: every place of it lies outside. Keep the stack on a cloud with regions inside CN.',
      ],
      [
        "logs",
        'its location is "asia-east2" of gcp, which has no region in CN: every place of it lies outside. Keep the stack on a cloud with regions inside CN.',
      ],
    ]);
    // A service a vendor runs on Google Cloud: where it says so beside its place, or in it.
    const onGoogle = pipe(
      aivenService("google-asia-east2"),
      addProvider("confluentcloud", "confluent", {}),
      add(
        kafka,
        "events",
        { displayName: "events", availability: "SINGLE_ZONE", cloud: "GCP", region: "asia-east2" },
        { provider: "confluent" },
      ),
    )(shanghai);
    expect(await placements(onGoogle)).toEqual([
      [
        "orders-db",
        'its cloudName is "google-asia-east2" of aiven on gcp, which has no region in CN: every place of it lies outside. Keep the stack on a cloud with regions inside CN.',
      ],
      [
        "events",
        'its region is "asia-east2" of confluentcloud on gcp, which has no region in CN: every place of it lies outside. Keep the stack on a cloud with regions inside CN.',
      ],
    ]);
    // Whether a service runs on Google Cloud is read from the setting that names its cloud: one
    // not known at preview fails closed, naming it.
    const cloudUnknown = pipe(
      addProvider("confluentcloud", "confluent", {}),
      add(
        kafka,
        "events",
        { displayName: unknown, cloud: unknown, region: "asia-east2" },
        { provider: "confluent" },
      ),
    )(shanghai);
    expect(await placements(cloudUnknown)).toEqual([
      [
        "events",
        "cloud is not known at preview, so resource-placement cannot decide it. Set cloud from a literal or stack config.",
      ],
    ]);
    const [azure] = await placements(azureIp("chinaeast2")(shanghai));
    expect(azure[1]).toMatch(
      /^its location is "chinaeast2" of azure-native, a cloud whose places the pack does not catalog/,
    );
  });
});

// A Crossplane managed resource is a custom resource the pack does not review: allowed after
// review, the place its spec names is its controller's, confirmed by its API group as a cloud's
// package is (its labels are the cluster's, not places). The cluster runs in Oregon.
describe("a custom resource of a cloud the catalog does not place, its kind allowed", () => {
  const vnet = "kubernetes:network.azure.upbound.io/v1beta1:VirtualNetwork";
  const context = "platform@oregon";
  const crossplane = {
    ...oregonSettings,
    clusters: [{ context, cloud: "aws" as const, region: "us-west-2" }],
    policies: { "reviewed-resource-types": { allowTypes: [vnet] } },
  };
  const network = pipe(
    addProvider("kubernetes", "platform", { context }),
    add(
      vnet,
      "vnet",
      {
        apiVersion: "network.azure.upbound.io/v1beta1",
        kind: "VirtualNetwork",
        metadata: { name: "vnet", labels: { "topology.kubernetes.io/zone": "rack-1" } },
        spec: {
          forProvider: {
            location: "West Europe",
            resourceGroupName: "rg",
            addressSpace: ["10.0.0.0/16"],
          },
        },
      },
      { provider: "platform" },
    ),
  );

  it("fails a Crossplane Azure network whose location the pack cannot place", async () => {
    const v = await pack.check(network(happy), crossplane);
    expect(v.map((x) => [x.policy, x.resourceName, x.level, x.path])).toEqual([
      [
        "resource-placement",
        "vnet",
        "mandatory",
        [
          'k8s virtualnetwork "vnet"',
          'network.azure.upbound.io spec.forProvider.location "West Europe" (which the pack cannot place)',
        ],
      ],
    ]);
  });

  it("passes once the reviewer lists that location for the API group", async () => {
    const confirmedLocation = {
      ...crossplane,
      policies: {
        ...crossplane.policies,
        "resource-placement": { regionsInside: { "network.azure.upbound.io": ["West Europe"] } },
      },
    };
    expect(await pack.check(network(happy), confirmedLocation)).toEqual([]);
  });
});
