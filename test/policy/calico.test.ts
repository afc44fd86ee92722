/**
 * Calico's network policies (`projectcalico.org/v3`, and the `crd.projectcalico.org/v1`
 * resources behind them) as the pack reads them: a NetworkPolicy whose selector is `all()` and
 * whose types include Egress is its namespace's default deny, a GlobalNetworkPolicy's holds every
 * namespace of its cluster (but those its selector leaves out by
 * `projectcalico.org/namespace not in {…}`), and each Allow or Pass egress rule is judged as a
 * NetworkPolicy's: no destination, or `notNets`, opens every address, `nets` must be private or
 * allowlisted with the rule's protocol and ports, and `domains` must be names the stack's egress
 * hosts admit. Before, each failed closed as a kind the pack had not reviewed, and the namespaces
 * it denied were reported as open.
 */
import type { Plan } from "../../engine/plan";
import { add, deploymentOn, fixturePlan, pipe, set, unknown } from "../helpers/policy-plan";
import {
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

const us = oregonSettings;

/** A Deployment "web" of namespace "mesh" on the happy path's cluster. */
const web = deploymentOn("web", "mesh");

const dns = {
  action: "Allow",
  protocol: "UDP",
  destination: {
    selector: "k8s-app == 'kube-dns'",
    namespaceSelector: "projectcalico.org/name == 'kube-system'",
    ports: [53],
  },
};
const partner = {
  action: "Allow",
  protocol: "TCP",
  destination: { nets: ["198.51.100.0/24"], ports: [443] },
};

/** The Calico policy "mesh-egress" (`kind` of `group`), with `spec`. */
const calico = (spec: Props, kind = "NetworkPolicy", group = "projectcalico.org/v3") =>
  add(
    `kubernetes:${group}:${kind}`,
    "mesh-egress",
    {
      apiVersion: group,
      kind,
      metadata: kind === "NetworkPolicy" ? { namespace: "mesh" } : { name: "mesh-egress" },
      spec,
    },
    { provider: "kube" },
  );

const sealedSpec = { selector: "all()", types: ["Ingress", "Egress"], egress: [dns, partner] };
const happy = () => pipe(web, calico(sealedSpec))(aws);
const rules = (p: Props) => (p.spec as Props).egress as Props[];
const label = 'k8s networkpolicy "mesh-egress"';
const open = [namespaceOpen("web", "mesh")];

describe("a namespace sealed by a Calico policy", () => {
  test.each([
    ["a NetworkPolicy of projectcalico.org/v3", calico(sealedSpec)],
    [
      "a NetworkPolicy of crd.projectcalico.org/v1",
      calico(sealedSpec, "NetworkPolicy", "crd.projectcalico.org/v1"),
    ],
    ["a GlobalNetworkPolicy", calico(sealedSpec, "GlobalNetworkPolicy")],
    [
      "a GlobalNetworkPolicy that leaves the system namespaces out",
      calico(
        {
          ...sealedSpec,
          selector: "projectcalico.org/namespace not in {'kube-system', 'calico-system'}",
        },
        "GlobalNetworkPolicy",
      ),
    ],
  ])("passes every policy under %s", async (_name, policy) => {
    const plan = pipe(web, policy)(aws);
    expect(summary(await pack.checkAll(aws, plan, us, ["web", "mesh-egress"]))).toEqual([]);
  });

  test.each([
    ["its selector picks only some endpoints", calico({ ...sealedSpec, selector: "app == 'db'" })],
    ["its types leave Egress out", calico({ ...sealedSpec, types: ["Ingress"] })],
    [
      "a global policy leaves the namespace out",
      calico(
        { ...sealedSpec, selector: "projectcalico.org/namespace not in {'kube-system', 'mesh'}" },
        "GlobalNetworkPolicy",
      ),
    ],
  ])("leaves the namespace open where %s", async (_name, policy) => {
    const plan = pipe(web, policy)(aws);
    expect(findings(await pack.checkAll(aws, plan, us, ["web", "mesh-egress"]))).toEqual(open);
  });
});

describe("a Calico policy's egress rules", () => {
  runCases(pack, happy, us, [
    {
      name: "an Allow rule names no destination, which allows every address",
      bad: set("mesh-egress", (p) => {
        rules(p).push({ action: "Allow" });
      }),
      expected: [
        ["kubernetes-egress", "mesh-egress", "mandatory", [label, "every address (any country)"]],
      ],
      twinName: "the rule denies instead",
      twin: set("mesh-egress", (p) => {
        rules(p).push({ action: "Deny" });
      }),
    },
    {
      name: "an Allow rule opens every address but the private ones (notNets)",
      bad: set("mesh-egress", (p) => {
        rules(p).push({ action: "Allow", destination: { notNets: ["10.0.0.0/8"] } });
      }),
      expected: [
        [
          "kubernetes-egress",
          "mesh-egress",
          "mandatory",
          [label, "0.0.0.0/0 (all protocols and ports)"],
        ],
      ],
      twinName: "the rule opens the private block only",
      twin: set("mesh-egress", (p) => {
        rules(p).push({ action: "Allow", destination: { nets: ["10.0.0.0/8"] } });
      }),
    },
    {
      name: "a Pass rule hands a public block to the next tier",
      bad: set("mesh-egress", (p) => {
        rules(p).push({ action: "Pass", destination: { nets: ["203.0.113.0/24"] } });
      }),
      expected: [
        [
          "kubernetes-egress",
          "mesh-egress",
          "mandatory",
          [label, "203.0.113.0/24 (all protocols and ports)"],
        ],
      ],
      twinName: "a Log rule, which allows nothing, names it",
      twin: set("mesh-egress", (p) => {
        rules(p).push({ action: "Log", destination: { nets: ["203.0.113.0/24"] } });
      }),
    },
    {
      name: "the partner range is opened on a port range the allowlist does not name",
      bad: set("mesh-egress", (p) => {
        (rules(p)[1].destination as Props).ports = ["8000:8100"];
      }),
      expected: [
        [
          "kubernetes-egress",
          "mesh-egress",
          "mandatory",
          [label, "198.51.100.0/24 (tcp, ports 8000-8100)"],
        ],
      ],
      twinName: "it is opened on the allowlisted port, written as text",
      twin: set("mesh-egress", (p) => {
        (rules(p)[1].destination as Props).ports = ["443"];
      }),
    },
    {
      name: "an Allow rule names a domain the stack does not admit",
      bad: set("mesh-egress", (p) => {
        rules(p).push({ action: "Allow", destination: { domains: ["api.example.com"] } });
      }),
      expected: [
        [
          "kubernetes-egress",
          "mesh-egress",
          "mandatory",
          [label, "api.example.com (cannot be placed)"],
        ],
      ],
      twinName: "the domain is a cloud endpoint inside the jurisdiction",
      twin: set("mesh-egress", (p) => {
        rules(p).push({
          action: "Allow",
          destination: { domains: ["s3.us-east-1.amazonaws.com"] },
        });
      }),
    },
  ]);
});

describe("Calico's forms the CNI bench read against its documentation", () => {
  const judged = async (policy: (plan: Plan) => Plan) =>
    findings(await pack.checkAll(aws, pipe(web, policy)(aws), us, ["web", "mesh-egress"]));

  test.each([
    [
      "a service account selector picks only some endpoints",
      { serviceAccountSelector: "role == 'db'" },
    ],
    ["a doNotTrack policy governs host endpoints only", { doNotTrack: true, applyOnForward: true }],
    ["a preDNAT policy governs host endpoints only", { preDNAT: true, applyOnForward: true }],
    ["a tier but the default may pass unmatched traffic on", { tier: "security" }],
  ])("the namespace stays open where %s", async (_name, extra) => {
    expect(await judged(calico({ ...sealedSpec, ...extra }, "GlobalNetworkPolicy"))).toEqual(open);
  });

  test("a global default deny leaving namespaces out by its namespace selector seals the others", async () => {
    const leaving = (names: string) =>
      calico(
        { ...sealedSpec, namespaceSelector: `kubernetes.io/metadata.name not in {${names}}` },
        "GlobalNetworkPolicy",
      );
    expect(await judged(leaving("'kube-system', 'calico-system'"))).toEqual([]);
    expect(await judged(leaving("'kube-system', 'mesh'"))).toEqual(open);
  });

  test("a destination of the global network sets, whose blocks the pack does not read, fails closed", async () => {
    const rule = { action: "Allow", destination: { selector: "global() && role == 'partner'" } };
    expect(await judged(calico({ ...sealedSpec, egress: [dns, rule] }))).toEqual([
      [
        "kubernetes-egress",
        "mesh-egress",
        "mandatory",
        [
          label,
          `the global network sets its selector "global() && role == 'partner'" picks (cannot be placed)`,
        ],
      ],
    ]);
  });

  // Calico applies the first rule that matches: the CNI bench's deny before an allow.
  test("a Deny of every address outside shuts the rules after it out of the world", async () => {
    const everyAddress = { action: "Allow" };
    for (const deny of [
      { action: "Deny" },
      { action: "Deny", destination: { nets: ["0.0.0.0/0", "::/0"] } },
    ]) {
      expect(
        await judged(calico({ ...sealedSpec, egress: [dns, deny, publicBlock, everyAddress] })),
      ).toEqual([]);
    }
  });

  const publicBlock = { action: "Allow", destination: { nets: ["203.0.113.0/24"] } };
  test.each([
    ["the Deny comes after the Allow", [dns, publicBlock, { action: "Deny" }]],
    ["the Deny holds for TCP only", [dns, { action: "Deny", protocol: "TCP" }, publicBlock]],
    [
      "the Deny shuts IPv4 only",
      [dns, { action: "Deny", destination: { nets: ["0.0.0.0/0"] } }, publicBlock],
    ],
  ])("twin: the block stays open where %s", async (_name, egress) => {
    expect(await judged(calico({ ...sealedSpec, egress }))).toEqual([
      [
        "kubernetes-egress",
        "mesh-egress",
        "mandatory",
        [label, "203.0.113.0/24 (all protocols and ports)"],
      ],
    ]);
  });

  test("notNets of several blocks is one opening, named by the list", async () => {
    const rule = {
      action: "Allow",
      protocol: "TCP",
      destination: { notNets: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"], ports: [443] },
    };
    const plan = pipe(web, calico({ ...sealedSpec, egress: [dns, rule] }))(aws);
    const messages = summary(await pack.checkAll(aws, plan, us, ["web", "mesh-egress"]));
    expect(messages).toEqual([
      expect.stringContaining(
        "but spec.egress[1].destination.notNets allows 0.0.0.0/0 (tcp, port 443)",
      ),
    ]);
  });
});

test("a tier not known at preview seals nothing: the namespace stays open", async () => {
  const plan = pipe(web, calico({ ...sealedSpec, tier: unknown }))(aws);
  expect(findings(await pack.checkAll(aws, plan, us, ["web", "mesh-egress"]))).toEqual(open);
});

describe("Calico's objects that name no destination", () => {
  /** A cluster-scoped Calico object `name` of `kind` (`group`) on the happy path's cluster. */
  const object = (kind: string, name: string, spec: Props, group = "projectcalico.org/v3") =>
    add(
      `kubernetes:${group}:${kind}`,
      name,
      { apiVersion: group, kind, metadata: { name }, spec },
      { provider: "kube" },
    );
  const objects = [
    object("Tier", "security", { order: 100, defaultAction: "Pass" }),
    object("Tier", "platform", { order: 200 }, "crd.projectcalico.org/v1"),
    object("IPPool", "pods", {
      cidr: "10.244.0.0/16",
      blockSize: 26,
      vxlanMode: "CrossSubnet",
      natOutgoing: true,
    }),
    object("IPReservation", "gateways", { reservedCIDRs: ["10.244.0.0/30"] }),
    object("KubeControllersConfiguration", "default", {
      controllers: { node: { syncLabels: "Enabled" }, policy: {} },
    }),
  ];
  /** A staged Calico default deny: previewed in flow logs, enforcing nothing. */
  const staged = object("StagedGlobalNetworkPolicy", "staged-deny", {
    selector: "all()",
    types: ["Egress"],
    egress: [dns],
  });

  test("tiers, address pools and reservations and the controllers' settings pass", async () => {
    const plan = pipe(web, calico(sealedSpec), ...objects)(aws);
    expect(
      summary(
        await pack.checkAll(aws, plan, us, [
          "web",
          "mesh-egress",
          "security",
          "platform",
          "pods",
          "gateways",
          "default",
        ]),
      ),
    ).toEqual([]);
  });

  test("a staged default deny passes as an object but seals no namespace", async () => {
    const plan = pipe(web, staged)(aws);
    expect(findings(await pack.checkAll(aws, plan, us, ["web", "staged-deny"]))).toEqual(open);
  });

  test("twin: a BGPPeer, which exchanges routes with a router the program names, fails closed", async () => {
    const plan = pipe(
      web,
      calico(sealedSpec),
      object("BGPPeer", "upstream", { peerIP: "203.0.113.1", asNumber: 64512 }),
    )(aws);
    expect(
      findings(await pack.checkAll(aws, plan, us, ["web", "mesh-egress", "upstream"])),
    ).toEqual([
      [
        "reviewed-resource-types",
        "upstream",
        "mandatory",
        [
          'k8s bgppeer "upstream"',
          "kubernetes:projectcalico.org/v3:BGPPeer (unclassified: where it sends data cannot be placed)",
        ],
      ],
    ]);
  });
});
