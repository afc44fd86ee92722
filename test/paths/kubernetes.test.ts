/**
 * One crossing, one finding, for the Kubernetes objects of the kubernetes table
 * (policy/paths/types/kubernetes.ts): a crossing a Kubernetes policy already reports from the
 * objects alone — the public load balancer of a LoadBalancer Service without its cloud's internal
 * annotation, a Helm v3 release — is that policy's finding, and no-path-out-of-jurisdiction no
 * longer reports it a second time; a crossing no policy sees (pods whose egress nothing
 * restricts, on a cluster nobody can place) is still no-path's; a way out of the cluster's own (the
 * NAT gateway ACK creates, a node pool's public nodes, both egress-table rows) is internet-egress's
 * finding, and a volume mounted from a server abroad (a field of the object's row) is
 * kubernetes-egress's; a List (a row of its own) is drawn and judged as the objects it holds.
 * Every case runs the whole pack
 * and pins every finding with its level and path, beside the border analysis's path, which the
 * graph still draws.
 */
import { type OracleResource, runBorder, runNamed } from "../helpers/model-oracle";
import { ackCluster } from "../helpers/ack-cluster";
import { on } from "../helpers/model-oracle";
import { corefileUpstreamsOut, destinationFields, fieldHolds } from "../../policy/paths/kubernetes";

const cn = { jurisdiction: "CN" };

const kube = on("kube");

/** An ACK cluster in Shanghai with no exit of its own, and a namespace that denies egress. */
const cluster: OracleResource[] = [
  ...ackCluster({ newNatGateway: false }),
  kube("kubernetes:core/v1:Namespace", "app", { metadata: { name: "app" } }),
  kube("kubernetes:networking.k8s.io/v1:NetworkPolicy", "deny", {
    metadata: { namespace: "app" },
    spec: { podSelector: {}, policyTypes: ["Egress"] },
  }),
  kube("kubernetes:apps/v1:StatefulSet", "db", {
    metadata: { namespace: "app" },
    spec: {
      template: { metadata: { labels: { app: "db" } }, spec: {} },
      volumeClaimTemplates: [{ metadata: { name: "data" } }],
    },
  }),
];

/** A LoadBalancer Service in front of the StatefulSet's pods, with these annotations. */
function behindLoadBalancer(annotations: Record<string, string>): OracleResource[] {
  return [
    ...cluster,
    kube("kubernetes:core/v1:Service", "db-lb", {
      metadata: { namespace: "app", annotations },
      spec: { type: "LoadBalancer", selector: { app: "db" } },
    }),
  ];
}

/** LoadBalancer Service "db-lb" in front of the StatefulSet's pods, its metadata built from `deps`. */
const dbLb = (annotations: Record<string, string>, deps: readonly string[]): OracleResource => ({
  ...kube("kubernetes:core/v1:Service", "db-lb", {
    metadata: { namespace: "app", annotations },
    spec: { type: "LoadBalancer", selector: { app: "db" } },
  }),
  deps: { metadata: deps },
});

/** kubernetes-service-exposure's finding on "db-lb": its load balancer faces the internet. */
const dbLbExposed = [
  "kubernetes-service-exposure",
  "db-lb",
  "mandatory",
  ["the internet", 'k8s service "db-lb"'],
] as const;

/** A mandatory kubernetes-egress finding on resource `name` (`label`), to `place`. */
const egress = (name: string, label: string, place: string) =>
  ["kubernetes-egress", name, "mandatory", [label, place]] as const;

describe("a public load balancer in front of pods that hold data", () => {
  test("is kubernetes-service-exposure's finding, and no-path no longer reports its crossing", () => {
    const resources = behindLoadBalancer({});
    expect(runBorder(resources, cn)).toEqual([
      [
        'k8s statefulset "db"',
        'public load balancer "db-lb" (no internal-load-balancer annotation of its cluster\'s cloud)',
        "the public internet",
      ],
    ]);
    expect(runNamed(resources, cn)).toEqual([
      [
        "kubernetes-service-exposure",
        "db-lb",
        "mandatory",
        ["the internet", 'k8s service "db-lb"'],
      ],
    ]);
  });

  test("twin: annotated internal for ACK, the Service opens no path and nothing is reported", () => {
    const resources = behindLoadBalancer({
      "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type": "intranet",
    });
    expect(runBorder(resources, cn)).toEqual([]);
    expect(runNamed(resources, cn)).toEqual([]);
  });
});

describe("ACK's internal annotation under its pre-2019 prefix", () => {
  // ACK's controller still reads service.beta.kubernetes.io/alicloud-…, which older manifests and
  // charts carry: such a Service is internal, and one asking for internet under it is not.
  const legacy = "service.beta.kubernetes.io/alicloud-loadbalancer-address-type";

  test("intranet: the Service opens no path and nothing is reported", () => {
    const resources = behindLoadBalancer({ [legacy]: "intranet" });
    expect(runBorder(resources, cn)).toEqual([]);
    expect(runNamed(resources, cn)).toEqual([]);
  });

  test("internet: a public load balancer, as without the annotation", () => {
    expect(runNamed(behindLoadBalancer({ [legacy]: "internet" }), cn)).toEqual([
      [
        "kubernetes-service-exposure",
        "db-lb",
        "mandatory",
        ["the internet", 'k8s service "db-lb"'],
      ],
    ]);
  });
});

describe("an ACK Service on an existing load balancer (its loadbalancer-id annotation)", () => {
  // ACK's controller then takes that load balancer as it is: its address type decides, not the
  // Service's address-type annotation. Found by reading ACK's annotation guide: a Service on the
  // program's own intranet CLB failed for lacking the annotation, and one on a CLB the program
  // does not create passed with it.
  const sh = on("sh");
  const id = "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-id";
  const onLoadBalancer = (addressType: string, annotations: Record<string, string> = {}) => [
    ...cluster,
    sh("alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer", "app-clb", {
      addressType,
      loadBalancerSpec: "slb.s2.small",
      vswitchId: "vsw-1",
    }),
    dbLb({ [id]: "lb-1", ...annotations }, ["app-clb"]),
  ];

  test("the program's intranet load balancer: nothing is reported, with no address-type annotation", () => {
    const resources = onLoadBalancer("intranet");
    expect(runBorder(resources, cn)).toEqual([]);
    expect(runNamed(resources, cn)).toEqual([]);
  });

  test("the program's internet load balancer: the Service fails beside the load balancer", () => {
    expect(runNamed(onLoadBalancer("internet"), cn)).toEqual([
      dbLbExposed,
      [
        "public-exposure",
        "app-clb",
        "mandatory",
        ["the internet", 'slb application load balancer "app-clb"'],
      ],
    ]);
  });

  test("one the program does not create fails, whatever the address-type annotation asks", () => {
    const resources = [
      ...cluster,
      kube("kubernetes:core/v1:Service", "db-lb", {
        metadata: {
          namespace: "app",
          annotations: {
            [id]: "lb-uf6existing0000000",
            "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type": "intranet",
          },
        },
        spec: { type: "LoadBalancer", selector: { app: "db" } },
      }),
    ];
    expect(runNamed(resources, cn)).toEqual([dbLbExposed]);
  });
});

describe("an ACK Service whose load balancer whitelists an ACL of the program", () => {
  // ACK's access-control annotations: the listeners its controller creates for the Service
  // forward only the clients of the SLB ACL named, as a security group admitting only them does.
  const sh = on("sh");
  const key = (suffix: string, prefix = "alibaba-cloud") =>
    `service.beta.kubernetes.io/${prefix}-loadbalancer-acl-${suffix}`;
  const whitelisted = (
    entries: readonly string[],
    annotations: Record<string, string> = { [key("status")]: "on", [key("type")]: "white" },
  ) => [
    ...cluster,
    sh("alicloud:slb/acl:Acl", "office", { name: "office", ipVersion: "ipv4" }),
    ...entries.map((entry, i) => ({
      ...sh("alicloud:slb/aclEntryAttachment:AclEntryAttachment", `office-${i}`, {
        aclId: "acl-1",
        entry,
      }),
      deps: { aclId: ["office"] },
    })),
    dbLb({ ...annotations, [key("id")]: "acl-1" }, ["office"]),
  ];

  test("private entries only: the Service opens no path and nothing is reported", () => {
    const resources = whitelisted(["10.0.0.0/8", "192.168.1.0/24"]);
    expect(runBorder(resources, cn)).toEqual([]);
    expect(runNamed(resources, cn)).toEqual([]);
  });

  test("under the pre-2019 prefix, as ACK's controller still reads it", () => {
    const legacy = { [key("status", "alicloud")]: "on", [key("type", "alicloud")]: "white" };
    expect(runNamed(whitelisted(["10.0.0.0/8"], legacy), cn)).toEqual([]);
  });

  test("a public entry, a blacklist, the ACL off, or no entry: the load balancer is public", () => {
    expect(runNamed(whitelisted(["10.0.0.0/8", "203.0.113.0/24"]), cn)).toEqual([dbLbExposed]);
    const black = { [key("status")]: "on", [key("type")]: "black" };
    expect(runNamed(whitelisted(["10.0.0.0/8"], black), cn)).toEqual([dbLbExposed]);
    const off = { [key("status")]: "off", [key("type")]: "white" };
    expect(runNamed(whitelisted(["10.0.0.0/8"], off), cn)).toEqual([dbLbExposed]);
    expect(runNamed(whitelisted([]), cn)).toEqual([dbLbExposed]);
  });
});

describe("a Helm v3 release", () => {
  test("is helm-releases' finding, and no-path no longer reports what it hides", () => {
    const resources = [
      ...cluster,
      kube("kubernetes:helm.sh/v3:Release", "ingress-nginx", { chart: "ingress-nginx" }),
    ];
    expect(runBorder(resources, cn)).toEqual([
      [
        'k8s release "ingress-nginx"',
        "attachment",
        'unknown (the objects inside k8s release "ingress-nginx" are not visible to policies)',
      ],
    ]);
    expect(runNamed(resources, cn)).toEqual([
      [
        "helm-releases",
        "ingress-nginx",
        "mandatory",
        ['k8s release "ingress-nginx"', "resources the pack cannot see"],
      ],
    ]);
  });

  test("twin: without the release the cluster reports nothing", () => {
    expect(runBorder(cluster, cn)).toEqual([]);
    expect(runNamed(cluster, cn)).toEqual([]);
  });
});

/** A StatefulSet's pod spec, claiming a volume of its own. */
const redisSpec = {
  template: { metadata: { labels: { app: "redis" } }, spec: {} },
  volumeClaimTemplates: [{ metadata: { name: "data" } }],
};

// A List's entries run their pods as the objects would: its row draws their pod egress from it.
describe.each([
  { type: "kubernetes:apps/v1:StatefulSet", name: "redis", props: { spec: redisSpec } },
  {
    type: "kubernetes:apps/v1:StatefulSetList",
    name: "caches",
    props: { items: [{ spec: redisSpec }] },
  },
])("pod egress of a $type, which no Kubernetes policy reports from the objects alone", (pods) => {
  const ambient = on("ambient");
  const label = `k8s ${pods.type.split(":")[2].toLowerCase()} "${pods.name}"`;
  /** The pods on a cluster nobody can place, with `namespace`'s policies beside them. */
  const unplaced = (namespace: OracleResource[]): OracleResource[] => [
    { type: "pulumi:providers:kubernetes", name: "ambient", props: {} },
    ...namespace,
    ambient(pods.type, pods.name, pods.props),
  ];
  const placement: ReturnType<typeof runNamed>[number] = [
    "kubernetes-cluster-placement",
    "ambient",
    "mandatory",
    ['kubernetes provider "ambient"', "a cluster the pack cannot place"],
  ];

  test("is still no-path's crossing on a cluster nobody can place", () => {
    const resources = unplaced([]);
    const path = [
      label,
      "pod egress (no NetworkPolicy restricts its pods' egress)",
      'unknown (the cluster of kubernetes provider "ambient" cannot be placed)',
    ];
    expect(runBorder(resources, cn)).toEqual([path]);
    expect(runNamed(resources, cn)).toEqual([
      placement,
      [
        "kubernetes-namespace-egress",
        pods.name,
        "mandatory",
        [
          'k8s namespace "default"',
          "pod egress (no default-deny NetworkPolicy)",
          "every address (any country)",
        ],
      ],
      ["no-path-out-of-jurisdiction", pods.name, "mandatory", path],
    ]);
  });

  test("twin: a default-deny egress policy closes the path; the cluster is still unplaced", () => {
    const resources = unplaced([
      ambient("kubernetes:networking.k8s.io/v1:NetworkPolicy", "deny", {
        spec: { podSelector: {}, policyTypes: ["Egress"] },
      }),
    ]);
    expect(runBorder(resources, cn)).toEqual([]);
    expect(runNamed(resources, cn)).toEqual([placement]);
  });
});

describe("the exits of the cluster the pods run on (egress table)", () => {
  /** A StatefulSet's pods, whose egress nothing restricts, on an ACK cluster and node pool. */
  function onCluster(ack: Record<string, unknown>, pool?: Record<string, unknown>) {
    return [
      ...ackCluster(ack, pool),
      kube("kubernetes:apps/v1:StatefulSet", "db", {
        spec: {
          template: { metadata: { labels: { app: "db" } }, spec: {} },
          volumeClaimTemplates: [{ metadata: { name: "data" } }],
        },
      }),
    ];
  }
  const namespaceEgress: ReturnType<typeof runNamed>[number] = [
    "kubernetes-namespace-egress",
    "db",
    "mandatory",
    [
      'k8s namespace "default"',
      "pod egress (no default-deny NetworkPolicy)",
      "every address (any country)",
    ],
  ];
  const toNodes = [
    'k8s statefulset "db"',
    "pod egress (no NetworkPolicy restricts its pods' egress)",
    'vswitch "nodes"',
  ];

  test("the NAT gateway ACK creates is internet-egress's finding, and no-path no longer reports the crossing", () => {
    const resources = onCluster({});
    expect(runBorder(resources, cn)).toEqual([
      [
        ...toNodes,
        "default egress (no security group of this stack bounds its egress)",
        'internet-bound traffic of vpc "core"',
        "route (0.0.0.0/0, to the NAT gateway ACK creates (newNatGateway))",
        'ack cluster "ack"',
        "public address (the EIP of the NAT gateway ACK creates)",
        "the public internet",
      ],
    ]);
    expect(runNamed(resources, cn)).toEqual([
      ["internet-egress", "ack", "mandatory", ['ack cluster "ack"', "the internet (any country)"]],
      namespaceEgress,
    ]);
  });

  test("twin: newNatGateway false leaves the node network without a way out", () => {
    const resources = onCluster({ newNatGateway: false });
    expect(runBorder(resources, cn)).toEqual([]);
    expect(runNamed(resources, cn)).toEqual([namespaceEgress]);
  });

  test("nodes with public addresses are internet-egress's finding, and no-path no longer reports the crossing", () => {
    const resources = onCluster({ newNatGateway: false }, { internetMaxBandwidthOut: 10 });
    expect(runBorder(resources, cn)).toEqual([
      [
        ...toNodes,
        "attachment",
        'ack node pool "pool"',
        "public address (internetMaxBandwidthOut 10; it names no security group of this stack)",
        "the public internet",
      ],
    ]);
    expect(runNamed(resources, cn)).toEqual([
      [
        "internet-egress",
        "pool",
        "mandatory",
        ['ack node pool "pool"', "the internet (any country)"],
      ],
      namespaceEgress,
    ]);
  });

  test("twin: a node pool without public addresses opens no way out", () => {
    const resources = onCluster({ newNatGateway: false }, { internetMaxBandwidthOut: 0 });
    expect(runBorder(resources, cn)).toEqual([]);
    expect(runNamed(resources, cn)).toEqual([namespaceEgress]);
  });
});

describe("a volume the node mounts from a server the object names (kubernetes table field)", () => {
  /** The StatefulSet of `cluster`, whose pods also mount an NFS volume from `server`. */
  function mounting(server: string): OracleResource[] {
    return [
      ...cluster.filter((r) => r.name !== "db"),
      kube("kubernetes:apps/v1:StatefulSet", "db", {
        metadata: { namespace: "app" },
        spec: {
          template: {
            metadata: { labels: { app: "db" } },
            spec: { volumes: [{ name: "archive", nfs: { server, path: "/exports" } }] },
          },
          volumeClaimTemplates: [{ metadata: { name: "data" } }],
        },
      }),
    ];
  }

  test("is kubernetes-egress's finding, and no-path does not report the crossing again", () => {
    const resources = mounting("203.0.113.7");
    expect(runBorder(resources, cn)).toEqual([
      ['k8s statefulset "db"', "attachment (NFS server)", "the public internet"],
    ]);
    expect(runNamed(resources, cn)).toEqual([
      egress("db", 'k8s statefulset "db"', "203.0.113.7 (NFS server)"),
    ]);
  });

  test("twin: a private server of the stack's network opens no path and nothing is reported", () => {
    const resources = mounting("10.0.1.20");
    expect(runBorder(resources, cn)).toEqual([]);
    expect(runNamed(resources, cn)).toEqual([]);
  });
});

describe("a CSI volume the node mounts from a bucket or file system the object names", () => {
  /** A statically provisioned OSS volume reached at `url`, and an inline one in the pods. */
  function ossVolumes(url: string): OracleResource[] {
    return [
      ...cluster.filter((r) => r.name !== "db"),
      kube("kubernetes:core/v1:PersistentVolume", "archive", {
        spec: {
          capacity: { storage: "100Gi" },
          accessModes: ["ReadWriteMany"],
          csi: {
            driver: "ossplugin.csi.alibabacloud.com",
            volumeHandle: "archive",
            volumeAttributes: { bucket: "archive", url, path: "/", otherOpts: "-o allow_other" },
          },
        },
      }),
      kube("kubernetes:apps/v1:StatefulSet", "db", {
        metadata: { namespace: "app" },
        spec: {
          template: {
            metadata: { labels: { app: "db" } },
            spec: {
              volumes: [
                {
                  name: "inline",
                  csi: {
                    driver: "ossplugin.csi.alibabacloud.com",
                    volumeAttributes: { bucket: "archive", url },
                  },
                },
              ],
            },
          },
          volumeClaimTemplates: [{ metadata: { name: "data" } }],
        },
      }),
    ];
  }

  test("in another region is kubernetes-egress's finding on the volume and on the pods that mount it inline", () => {
    const resources = ossVolumes("oss-us-west-1.aliyuncs.com");
    expect(runNamed(resources, cn)).toEqual([
      egress("archive", 'k8s persistentvolume "archive"', "us-west-1 (outside CN, in US)"),
      egress("db", 'k8s statefulset "db"', "us-west-1 (outside CN, in US)"),
    ]);
    // The graph draws each crossing, and no-path leaves it to kubernetes-egress.
    expect(runBorder(resources, cn)).toEqual([
      [
        'k8s persistentvolume "archive"',
        "attachment (CSI volume)",
        "unknown (us-west-1 (outside CN, in US))",
      ],
      [
        'k8s statefulset "db"',
        "attachment (CSI volume)",
        "unknown (us-west-1 (outside CN, in US))",
      ],
    ]);
  });

  test("twin: through the endpoint of the cluster's own region nothing is reported", () => {
    const resources = ossVolumes("oss-cn-shanghai-internal.aliyuncs.com");
    expect(runNamed(resources, cn)).toEqual([]);
    expect(runBorder(resources, cn)).toEqual([]);
  });

  test("Mountpoint for Amazon S3 reads its region from the volume's mount options", () => {
    const s3 = (region: string): OracleResource[] => [
      ...cluster,
      kube("kubernetes:core/v1:PersistentVolume", "s3", {
        spec: {
          capacity: { storage: "1200Gi" },
          accessModes: ["ReadWriteMany"],
          mountOptions: ["allow-delete", `region ${region}`],
          csi: {
            driver: "s3.csi.aws.com",
            volumeHandle: "s3",
            volumeAttributes: { bucketName: "archive" },
          },
        },
      }),
    ];
    expect(runNamed(s3("eu-west-1"), cn)).toEqual([
      egress("s3", 'k8s persistentvolume "s3"', "eu-west-1 (outside CN, in EU)"),
    ]);
    expect(runNamed(s3("cn-north-1"), cn)).toEqual([]);
  });
});

describe("a service an Ingress's controller sends every request to (NGINX annotations)", () => {
  /** An nginx Ingress in front of the StatefulSet, authenticating at `auth` and mirroring to `mirror`. */
  function annotated(auth: string, mirror: string): OracleResource[] {
    return [
      ...cluster,
      kube("kubernetes:networking.k8s.io/v1:Ingress", "shop", {
        metadata: {
          namespace: "app",
          annotations: {
            "nginx.ingress.kubernetes.io/auth-url": auth,
            "nginx.ingress.kubernetes.io/mirror-target": mirror,
            "nginx.ingress.kubernetes.io/mirror-request-body": "on",
          },
        },
        spec: {
          ingressClassName: "nginx",
          rules: [
            {
              http: {
                paths: [
                  {
                    path: "/",
                    pathType: "Prefix",
                    backend: { service: { name: "db", port: { number: 80 } } },
                  },
                ],
              },
            },
          ],
        },
      }),
    ];
  }

  test("abroad, or on a host the pack cannot place, is kubernetes-egress's finding", () => {
    const resources = annotated(
      "https://auth.example-saas.eu/oauth2/auth",
      "https://203.0.113.9/$request_uri",
    );
    expect(runNamed(resources, cn)).toEqual([
      egress("shop", 'k8s ingress "shop"', "203.0.113.9 (request mirror)"),
      egress("shop", 'k8s ingress "shop"', "auth.example-saas.eu (cannot be placed)"),
    ]);
  });

  test("twin: Services of the cluster, by full or short name, are no path", () => {
    const resources = annotated(
      "http://oauth2-proxy.auth.svc.cluster.local/oauth2/auth",
      "http://mirror/$request_uri",
    );
    expect(runNamed(resources, cn)).toEqual([]);
    expect(runBorder(resources, cn)).toEqual([]);
  });

  test("a cloud service's regional endpoint is placed by its region: outside, a finding naming it; inside, no path", () => {
    expect(
      runNamed(
        annotated(
          "https://abc123.execute-api.cn-north-1.amazonaws.com.cn/prod/auth",
          "https://mirror.execute-api.us-west-2.amazonaws.com/prod",
        ),
        cn,
      ),
    ).toEqual([
      egress(
        "shop",
        'k8s ingress "shop"',
        "mirror.execute-api.us-west-2.amazonaws.com in us-west-2 (outside CN, in US)",
      ),
    ]);
  });
});

describe("the NGINX Ingress controller's own ConfigMap (global authentication, trace collectors)", () => {
  /** The controller's ConfigMap, authenticating every request at `auth`, tracing to `collector`. */
  function controller(auth: string, collector: string): OracleResource[] {
    return [
      ...cluster,
      kube("kubernetes:core/v1:ConfigMap", "ingress-nginx-controller", {
        metadata: { namespace: "ingress-nginx", name: "ingress-nginx-controller" },
        data: {
          "global-auth-url": auth,
          "enable-opentelemetry": "true",
          "otlp-collector-host": collector,
        },
      }),
    ];
  }

  test("abroad, or on a host the pack cannot place, is kubernetes-egress's finding", () => {
    expect(runNamed(controller("https://auth.example.de/verify", "203.0.113.9"), cn)).toEqual([
      egress(
        "ingress-nginx-controller",
        'k8s configmap "ingress-nginx-controller"',
        "203.0.113.9 (trace collector)",
      ),
      egress(
        "ingress-nginx-controller",
        'k8s configmap "ingress-nginx-controller"',
        "auth.example.de (cannot be placed)",
      ),
    ]);
  });

  test("twin: a Service of the cluster and a private collector are no path", () => {
    const resources = controller(
      "http://oauth2-proxy.auth.svc.cluster.local/oauth2/auth",
      "10.0.3.7",
    );
    expect(runNamed(resources, cn)).toEqual([]);
    expect(runBorder(resources, cn)).toEqual([]);
  });
});

describe("a List, drawn and judged as the objects it holds (its row of the kubernetes table)", () => {
  /** A StatefulSetList whose entry claims volumes and mounts an NFS volume from `server`. */
  function listMounting(server: string): OracleResource[] {
    return [
      ...cluster.filter((r) => r.name !== "db"),
      kube("kubernetes:apps/v1:StatefulSetList", "dbs", {
        items: [
          {
            metadata: { name: "db", namespace: "app" },
            spec: {
              template: {
                metadata: { labels: { app: "db" } },
                spec: { volumes: [{ name: "archive", nfs: { server, path: "/exports" } }] },
              },
              volumeClaimTemplates: [{ metadata: { name: "data" } }],
            },
          },
        ],
      }),
    ];
  }

  test("an entry's volume on a server abroad is kubernetes-egress's finding on the List, with its whole path; no-path does not report it again", () => {
    const resources = listMounting("203.0.113.7");
    expect(runBorder(resources, cn)).toEqual([
      ['k8s statefulsetlist "dbs"', "attachment (NFS server)", "the public internet"],
    ]);
    expect(runNamed(resources, cn)).toEqual([
      egress("dbs", 'k8s statefulsetlist "dbs"', "203.0.113.7 (NFS server)"),
    ]);
  });

  test("twin: the entry mounts from a private server of the stack's network, and nothing is reported", () => {
    const resources = listMounting("10.0.1.20");
    expect(runBorder(resources, cn)).toEqual([]);
    expect(runNamed(resources, cn)).toEqual([]);
  });

  /** A PersistentVolumeList whose entry is served by an NFS server at `server`. */
  const volumes = (server: string): OracleResource[] => [
    ...cluster,
    kube("kubernetes:core/v1:PersistentVolumeList", "archive", {
      items: [
        {
          metadata: { name: "a" },
          spec: { capacity: { storage: "1Ti" }, nfs: { server: "10.0.1.21", path: "/a" } },
        },
        {
          metadata: { name: "b" },
          spec: { capacity: { storage: "1Ti" }, nfs: { server, path: "/b" } },
        },
      ],
    }),
  ];

  test("a PersistentVolumeList's second volume on a host the pack cannot place is kubernetes-egress's finding", () => {
    const resources = volumes("nfs.example.com");
    expect(runBorder(resources, cn)).toEqual([
      [
        'k8s persistentvolumelist "archive"',
        "attachment (NFS server)",
        "unknown (nfs.example.com (cannot be placed))",
      ],
    ]);
    expect(runNamed(resources, cn)).toEqual([
      egress("archive", 'k8s persistentvolumelist "archive"', "nfs.example.com (cannot be placed)"),
    ]);
  });

  test("twin: both volumes on private servers, and nothing is reported", () => {
    const resources = volumes("10.0.1.22");
    expect(runBorder(resources, cn)).toEqual([]);
    expect(runNamed(resources, cn)).toEqual([]);
  });
});

// Found by the multi-cluster bench: a Secret's data is a remote cluster's credentials only where
// its label or type says a mesh joins that cluster with it; any other Secret names no place.
test("a Secret's values are a mesh's remote clusters only when its label or type says so", () => {
  const type = "kubernetes:core/v1:Secret";
  const [field] = destinationFields(type);
  const holds = (object: Record<string, unknown>) => fieldHolds(field, type, object);
  expect(field.read).toBe("kubeconfig");
  expect(holds({ metadata: { labels: { "istio/multiCluster": "true" } } })).toBe(true);
  expect(holds({ type: "mirror.linkerd.io/remote-kubeconfig" })).toBe(true);
  expect(holds({ metadata: { labels: { app: "ci" } }, type: "Opaque" })).toBe(false);
  expect(holds({ metadata: { labels: { "istio/multiCluster": "false" } } })).toBe(false);
  // A List holds them when any of its entries does.
  const list = `${type}List`;
  const [listField] = destinationFields(list);
  expect(
    fieldHolds(listField, list, {
      items: [{ type: "Opaque" }, { type: "mirror.linkerd.io/remote-kubeconfig" }],
    }),
  ).toBe(true);
  expect(fieldHolds(listField, list, { items: [{ type: "Opaque" }] })).toBe(false);
});

// Found by the multi-cluster bench: a stub zone's forward was described as forwarding every name.
test("a Corefile's upstreams carry the names each forwards: every one, or a stub zone's", () => {
  const corefile = [
    ".:53 {",
    "    forward . /etc/resolv.conf",
    "}",
    "remote-1.local:53 {",
    "    forward . 203.0.113.53",
    "}",
    ".:5353 {",
    "    forward corp.example 198.51.100.53",
    "    forward . 192.0.2.53",
    "}",
  ].join("\n");
  expect(corefileUpstreamsOut(corefile, []).map(({ to, zone }) => [to, zone])).toEqual([
    ["203.0.113.53", "remote-1.local"],
    ["198.51.100.53", "corp.example"],
    ["192.0.2.53", "."],
  ]);
});
