/**
 * Cilium's network policies (`cilium.io/v2`) as the pack reads them: a CiliumNetworkPolicy that
 * selects every pod of a namespace and restricts egress is the namespace's default deny, a
 * CiliumClusterwideNetworkPolicy's holds every namespace of its cluster, and each egress rule is
 * judged as a NetworkPolicy's: `world` and every rule without a peer open every address, a block
 * must be private or allowlisted with its ports, and a DNS name or pattern (`toFQDNs`) must be one
 * the stack's egress hosts admit. Before, each such policy failed closed as a kind the pack had
 * not reviewed, and the namespaces it denied were reported as open.
 *
 * The happy path is the Oregon plan (test/fixtures/policy-aws) with a namespace "mesh" running a
 * Deployment under a Cilium default deny that allows DNS to the cluster's resolver, the partner
 * range on 443 and one host name the stack admits.
 */
import type { Plan } from "../../engine/plan";
import { add, deploymentOn, fixturePlan, pipe, set, unknown } from "../helpers/policy-plan";
import {
  type CheckOptions,
  findings,
  namespaceOpen,
  oregonSettings,
  policyPack,
  runCases,
  summary,
} from "../helpers/policy-session";

type Props = Record<string, unknown>;

const pack = policyPack();
let aws: Plan;
beforeAll(async () => {
  aws = await fixturePlan("policy-aws", "us");
});

const partnerHost = {
  host: "api.partner.example",
  reason: "The partner's API, served from its Oregon data center",
};
const us: CheckOptions = {
  ...oregonSettings,
  egressAllowlist: [...(oregonSettings.egressAllowlist ?? []), partnerHost],
};

const dns = {
  toEndpoints: [
    { matchLabels: { "k8s:io.kubernetes.pod.namespace": "kube-system", "k8s-app": "kube-dns" } },
  ],
  toPorts: [{ ports: [{ port: "53", protocol: "ANY" }], rules: { dns: [{ matchPattern: "*" }] } }],
};
const partner = {
  toCIDRSet: [{ cidr: "198.51.100.0/24", except: ["198.51.100.1/32"] }],
  toPorts: [{ ports: [{ port: "443", protocol: "TCP" }] }],
};
const partnerApi = {
  toFQDNs: [{ matchName: "api.partner.example" }],
  toPorts: [{ ports: [{ port: "443", protocol: "TCP" }] }],
};

/** A Deployment "web" of namespace "mesh" on the happy path's cluster. */
const web = deploymentOn("web", "mesh");

/** The Cilium default deny "mesh-egress" of namespace "mesh", with `spec`. */
const ciliumPolicy = (spec: Props, kind = "CiliumNetworkPolicy") =>
  add(
    `kubernetes:cilium.io/v2:${kind}`,
    "mesh-egress",
    {
      apiVersion: "cilium.io/v2",
      kind,
      metadata: kind === "CiliumNetworkPolicy" ? { namespace: "mesh" } : { name: "mesh-egress" },
      spec,
    },
    { provider: "kube" },
  );

const sealedSpec = { endpointSelector: {}, egress: [dns, partner, partnerApi] };

/** The happy path with namespace "mesh" sealed by Cilium. */
const happy = () => pipe(web, ciliumPolicy(sealedSpec))(aws);

/** The egress rules of the policy's spec. */
const rules = (p: Props) => (p.spec as Props).egress as Props[];

const label = 'k8s ciliumnetworkpolicy "mesh-egress"';

describe("a namespace sealed by a CiliumNetworkPolicy", () => {
  test("passes every policy, the border analysis included", async () => {
    expect(summary(await pack.checkAll(aws, happy(), us, ["web", "mesh-egress"]))).toEqual([]);
  });

  test("a clusterwide default deny seals every namespace of its cluster", async () => {
    const plan = pipe(web, ciliumPolicy(sealedSpec, "CiliumClusterwideNetworkPolicy"))(aws);
    expect(summary(await pack.checkAll(aws, plan, us, ["web", "mesh-egress"]))).toEqual([]);
  });

  test("a policy that restricts only ingress leaves the namespace open", async () => {
    const plan = pipe(
      web,
      ciliumPolicy({ endpointSelector: {}, ingress: [{ fromEndpoints: [{}] }] }),
    )(aws);
    expect(findings(await pack.checkAll(aws, plan, us, ["web", "mesh-egress"]))).toEqual([
      namespaceOpen("web", "mesh"),
    ]);
  });

  test("a default deny Cilium is told not to enforce leaves the namespace open", async () => {
    const plan = pipe(
      web,
      ciliumPolicy({ ...sealedSpec, enableDefaultDeny: { egress: false, ingress: true } }),
    )(aws);
    expect(findings(await pack.checkAll(aws, plan, us, ["web", "mesh-egress"]))).toEqual([
      namespaceOpen("web", "mesh"),
    ]);
  });
});

describe("a CiliumNetworkPolicy's egress rules", () => {
  runCases(pack, happy, us, [
    {
      name: "a rule allows the world entity",
      bad: set("mesh-egress", (p) => {
        rules(p).push({ toEntities: ["world"] });
      }),
      expected: [
        [
          "kubernetes-egress",
          "mesh-egress",
          "mandatory",
          [label, "0.0.0.0/0 (all protocols and ports)"],
        ],
      ],
      twinName: "the rule allows the cluster's entities",
      twin: set("mesh-egress", (p) => {
        rules(p).push({ toEntities: ["cluster", "kube-apiserver"] });
      }),
    },
    {
      name: "a rule names ports and no peer, which allows every destination",
      bad: set("mesh-egress", (p) => {
        rules(p).push({ toPorts: [{ ports: [{ port: "443", protocol: "TCP" }] }] });
      }),
      expected: [
        ["kubernetes-egress", "mesh-egress", "mandatory", [label, "every address (any country)"]],
      ],
      twinName: "the ports are opened to the namespace's own endpoints",
      twin: set("mesh-egress", (p) => {
        rules(p).push({
          toEndpoints: [{}],
          toPorts: [{ ports: [{ port: "443", protocol: "TCP" }] }],
        });
      }),
    },
    {
      name: "a rule opens a public block the allowlist does not cover",
      bad: set("mesh-egress", (p) => {
        rules(p).push({ toCIDR: ["203.0.113.0/24"] });
      }),
      expected: [
        [
          "kubernetes-egress",
          "mesh-egress",
          "mandatory",
          [label, "203.0.113.0/24 (all protocols and ports)"],
        ],
      ],
      twinName: "the rule opens a private block",
      twin: set("mesh-egress", (p) => {
        rules(p).push({ toCIDR: ["10.20.0.0/16"] });
      }),
    },
    {
      name: "the partner range is opened on a port the allowlist does not name",
      bad: set("mesh-egress", (p) => {
        rules(p)[1].toPorts = [{ ports: [{ port: "22", protocol: "TCP" }] }];
      }),
      expected: [
        [
          "kubernetes-egress",
          "mesh-egress",
          "mandatory",
          [label, "198.51.100.0/24 (tcp, port 22)"],
        ],
      ],
      twinName: "it is opened on the allowlisted port, any protocol read as each",
      twin: set("mesh-egress", (p) => {
        rules(p)[1].toPorts = [{ ports: [{ port: "443", protocol: "TCP" }] }];
      }),
    },
    {
      name: "a rule allows a DNS name the stack does not admit",
      bad: set("mesh-egress", (p) => {
        rules(p).push({ toFQDNs: [{ matchName: "api.example.com" }] });
      }),
      expected: [
        [
          "kubernetes-egress",
          "mesh-egress",
          "mandatory",
          [label, "api.example.com (cannot be placed)"],
        ],
      ],
      twinName: "the name is a cloud endpoint inside the jurisdiction",
      twin: set("mesh-egress", (p) => {
        rules(p).push({ toFQDNs: [{ matchName: "s3.us-east-1.amazonaws.com" }] });
      }),
    },
    {
      name: "a rule allows every host name by pattern",
      bad: set("mesh-egress", (p) => {
        rules(p).push({ toFQDNs: [{ matchPattern: "*" }] });
      }),
      expected: [
        ["kubernetes-egress", "mesh-egress", "mandatory", [label, "every host name (any country)"]],
      ],
      twinName: "the pattern's names are all the partner's",
      twin: set("mesh-egress", (p) => {
        rules(p).push({ toFQDNs: [{ matchPattern: "*.partner.example" }] });
      }),
      twinSettings: {
        ...us,
        egressAllowlist: [
          ...(us.egressAllowlist ?? []),
          { host: "*.partner.example", reason: "The partner's hosts, all in Oregon" },
        ],
      },
    },
    {
      name: "a pattern reaches a cloud's endpoints abroad",
      bad: set("mesh-egress", (p) => {
        rules(p).push({ toFQDNs: [{ matchPattern: "*.s3.eu-west-1.amazonaws.com" }] });
      }),
      expected: [
        [
          "kubernetes-egress",
          "mesh-egress",
          "mandatory",
          [label, expect.stringContaining("*.s3.eu-west-1.amazonaws.com") as unknown as string],
        ],
      ],
      twinName: "the pattern's endpoints are in a region inside",
      twin: set("mesh-egress", (p) => {
        rules(p).push({ toFQDNs: [{ matchPattern: "*.s3.us-east-2.amazonaws.com" }] });
      }),
    },
  ]);
});

test("a rule's findings name the path the rule has in its object, in `specs` too", async () => {
  const plan = pipe(
    web,
    ciliumPolicy({}),
    set("mesh-egress", (p) => {
      delete p.spec;
      p.specs = [sealedSpec, { endpointSelector: {}, egress: [{ toEntities: ["world"] }] }];
    }),
  )(aws);
  const messages = (await pack.checkAll(aws, plan, us, ["web", "mesh-egress"])).map(
    (v) => v.message,
  );
  expect(messages).toEqual([
    expect.stringContaining(
      `${label} must allow egress only to private or allowlisted destinations, but specs[1].egress[0].toEntities[0] allows 0.0.0.0/0`,
    ),
  ]);
});

test("a DNS name not known at preview fails closed, as every unknown value does", async () => {
  const plan = pipe(
    web,
    ciliumPolicy(sealedSpec),
    set("mesh-egress", (p) => {
      rules(p).push({ toFQDNs: [{ matchName: unknown }] });
    }),
  )(aws);
  expect(findings(await pack.checkAll(aws, plan, us, ["web", "mesh-egress"]))).toEqual([
    [
      "kubernetes-egress",
      "mesh-egress",
      "mandatory",
      [label, "spec.egress[3].toFQDNs[0] (unknown at preview)"],
    ],
  ]);
});

describe("Cilium's forms the CNI bench read against its documentation", () => {
  const judged = async (policy: (plan: Plan) => Plan) =>
    findings(await pack.checkAll(aws, pipe(web, policy)(aws), us, ["web", "mesh-egress"]));
  const clusterwide = (spec: Record<string, unknown>) =>
    ciliumPolicy(spec, "CiliumClusterwideNetworkPolicy");

  test("the documented deny-all, egress: [{}], allows nothing and denies by default", async () => {
    expect(await judged(ciliumPolicy({ endpointSelector: {}, egress: [{}] }))).toEqual([]);
  });

  test("enableDefaultDeny.egress true denies by default with no rule at all", async () => {
    expect(
      await judged(ciliumPolicy({ endpointSelector: {}, enableDefaultDeny: { egress: true } })),
    ).toEqual([]);
  });

  test("a host policy (nodeSelector, no endpointSelector) governs nodes, not the namespace's pods", async () => {
    expect(await judged(clusterwide({ nodeSelector: {}, egress: [dns] }))).toEqual([
      namespaceOpen("web", "mesh"),
    ]);
  });

  test("the documented clusterwide default deny, every namespace but kube-system's, seals the others", async () => {
    const notIn = (values: string[]) => ({
      endpointSelector: {
        matchExpressions: [{ key: "io.kubernetes.pod.namespace", operator: "NotIn", values }],
      },
      egress: [dns],
    });
    expect(await judged(clusterwide(notIn(["kube-system"])))).toEqual([]);
    expect(await judged(clusterwide(notIn(["kube-system", "mesh"])))).toEqual([
      namespaceOpen("web", "mesh"),
    ]);
  });

  test("an endpoint selector of the reserved world identity is every address outside", async () => {
    const rule = { toEndpoints: [{ matchLabels: { "reserved:world": "" } }] };
    expect(await judged(ciliumPolicy({ endpointSelector: {}, egress: [dns, rule] }))).toEqual([
      [
        "kubernetes-egress",
        "mesh-egress",
        "mandatory",
        [label, "0.0.0.0/0 (all protocols and ports)"],
      ],
    ]);
    const host = { toEndpoints: [{ matchLabels: { "reserved:host": "" } }] };
    expect(await judged(ciliumPolicy({ endpointSelector: {}, egress: [dns, host] }))).toEqual([]);
  });

  // The CNI bench's lockdown: everything allowed, the world denied — the cluster is what is left.
  test("an egressDeny of the world leaves the rule's allows only the cluster", async () => {
    const all = { toEntities: ["all"] };
    const outside = [
      { toEntities: ["world"] },
      { toEntities: ["world-ipv4", "world-ipv6"] },
      { toCIDR: ["0.0.0.0/0", "::/0"] },
    ];
    for (const deny of outside) {
      expect(
        await judged(
          ciliumPolicy({
            endpointSelector: {},
            egress: [all, { toCIDR: ["203.0.113.0/24"] }, {}, { toFQDNs: [{ matchName: "x.io" }] }],
            egressDeny: [deny],
          }),
        ),
      ).toEqual([]);
    }
  });

  test.each([
    [
      "the deny holds on some ports only",
      { toEntities: ["world"], toPorts: [{ ports: [{ port: "443" }] }] },
    ],
    ["the deny shuts IPv4 only", { toEntities: ["world-ipv4"] }],
    [
      "the deny shuts a block with exceptions",
      { toCIDRSet: [{ cidr: "0.0.0.0/0", except: ["203.0.113.0/24"] }, { cidr: "::/0" }] },
    ],
  ])("twin: the world stays open where %s", async (_name, deny) => {
    expect(
      await judged(
        ciliumPolicy({
          endpointSelector: {},
          egress: [{ toEntities: ["all"] }],
          egressDeny: [deny],
        }),
      ),
    ).toEqual([
      [
        "kubernetes-egress",
        "mesh-egress",
        "mandatory",
        [label, "0.0.0.0/0 (all protocols and ports)"],
      ],
    ]);
  });
});

test("rules not known at preview seal nothing: the namespace stays open, the rules undecided", async () => {
  const plan = pipe(web, ciliumPolicy({ endpointSelector: {}, egress: unknown }))(aws);
  const found = findings(await pack.checkAll(aws, plan, us, ["web", "mesh-egress"]));
  expect(found.map(([policy, name]) => `${policy} ${name}`)).toEqual([
    "kubernetes-egress mesh-egress",
    "kubernetes-namespace-egress web",
  ]);
});

describe("Cilium's address pools, announcements and egress gateways", () => {
  /** A cluster-scoped Cilium object `name` of `kind` (`version`) on the happy path's cluster. */
  const object = (kind: string, name: string, spec: Props, version = "v2alpha1") =>
    add(
      `kubernetes:cilium.io/${version}:${kind}`,
      name,
      { apiVersion: `cilium.io/${version}`, kind, metadata: { name }, spec },
      { provider: "kube" },
    );
  const objects = [
    object("CiliumLoadBalancerIPPool", "lan", { blocks: [{ cidr: "10.0.10.0/24" }] }),
    object(
      "CiliumLoadBalancerIPPool",
      "edge",
      { blocks: [{ start: "10.0.20.10", stop: "10.0.20.30" }] },
      "v2",
    ),
    object("CiliumL2AnnouncementPolicy", "lan", {
      loadBalancerIPs: true,
      interfaces: ["^eth[0-9]+"],
    }),
    object("CiliumPodIPPool", "batch", { ipv4: { cidrs: ["10.20.0.0/16"], maskSize: 24 } }),
    object(
      "CiliumEgressGatewayPolicy",
      "partner-exit",
      {
        selectors: [{ podSelector: { matchLabels: { app: "web" } } }],
        destinationCIDRs: ["198.51.100.0/24"],
        egressGateway: {
          nodeSelector: { matchLabels: { egress: "true" } },
          egressIP: "10.0.1.100",
        },
      },
      "v2",
    ),
  ];

  test("pass: none names a destination of its own", async () => {
    const plan = pipe(web, ciliumPolicy(sealedSpec), ...objects)(aws);
    expect(
      summary(
        await pack.checkAll(aws, plan, us, [
          "web",
          "mesh-egress",
          "lan",
          "edge",
          "batch",
          "partner-exit",
        ]),
      ),
    ).toEqual([]);
  });

  test("twin: an egress gateway lets out nothing the pods' policies do not: without a default deny the namespace stays open", async () => {
    const plan = pipe(web, objects[4])(aws);
    expect(findings(await pack.checkAll(aws, plan, us, ["web", "partner-exit"]))).toEqual([
      namespaceOpen("web", "mesh"),
    ]);
  });
});
