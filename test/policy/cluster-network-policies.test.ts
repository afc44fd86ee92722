/**
 * Kubernetes' cluster-wide network policies (SIG Network's `policy.networking.k8s.io`:
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy `v1alpha1`, ClusterNetworkPolicy `v1alpha2`)
 * as the pack reads them (policy/paths/cluster-policies.ts): a baseline Deny of every address
 * outside the cluster, both families and every port, for every pod is the cluster's default deny;
 * a rule that lets traffic out (Allow, Accept, a baseline Pass) is judged as a NetworkPolicy's
 * egress rule, the admin tier's included, which no namespace's NetworkPolicy can narrow. Before,
 * each failed closed as a kind the pack had not reviewed, and the namespaces it denied were
 * reported as open.
 */
import type { Plan } from "../../engine/plan";
import { add, deploymentOn, fixturePlan, pipe, set } from "../helpers/policy-plan";
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

/** The cluster-wide policy `name` of `kind` (`version`), with `spec`. */
const clusterPolicy = (kind: string, version: string, name: string, spec: Props) =>
  add(
    `kubernetes:policy.networking.k8s.io/${version}:${kind}`,
    name,
    { apiVersion: `policy.networking.k8s.io/${version}`, kind, metadata: { name }, spec },
    { provider: "kube" },
  );

const dns = {
  name: "dns",
  action: "Allow",
  to: [{ namespaces: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } } }],
  ports: [{ portNumber: { protocol: "UDP", port: 53 } }],
};
const denyOut = { name: "deny-out", action: "Deny", to: [{ networks: ["0.0.0.0/0", "::/0"] }] };
const everyNamespaceButSystem = {
  namespaces: {
    matchExpressions: [
      { key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["kube-system"] },
    ],
  },
};
const baselineSpec = { subject: everyNamespaceButSystem, egress: [dns, denyOut] };
const baseline = (spec: Props = baselineSpec) =>
  clusterPolicy("BaselineAdminNetworkPolicy", "v1alpha1", "default", spec);
const admin = (spec: Props) =>
  clusterPolicy("AdminNetworkPolicy", "v1alpha1", "platform", { priority: 10, ...spec });
const clusterNetworkPolicy = (name: string, spec: Props) =>
  clusterPolicy("ClusterNetworkPolicy", "v1alpha2", name, spec);

const open = [namespaceOpen("web", "mesh")];
const judged = async (...policies: Array<(plan: Plan) => Plan>) =>
  findings(
    await pack.checkAll(aws, pipe(web, ...policies)(aws), us, [
      "web",
      "default",
      "platform",
      "baseline",
    ]),
  );

describe("a cluster's default deny by its baseline policy", () => {
  test.each([
    ["a BaselineAdminNetworkPolicy", baseline()],
    [
      "a ClusterNetworkPolicy of the Baseline tier",
      clusterNetworkPolicy("baseline", {
        tier: "Baseline",
        priority: 10,
        subject: { namespaces: {} },
        egress: [
          {
            action: "Accept",
            to: [{ pods: { namespaceSelector: {}, podSelector: {} } }],
            protocols: [{ udp: { destinationPort: { number: 53 } } }],
          },
          { action: "Deny", to: [{ networks: ["::/0", "0.0.0.0/0"] }] },
        ],
      }),
    ],
    // The xc71 bench's equivalent forms.
    [
      "a BaselineAdminNetworkPolicy that shuts each family in a rule of its own",
      baseline({
        ...baselineSpec,
        egress: [
          dns,
          { action: "Deny", to: [{ networks: ["0.0.0.0/0"] }] },
          { action: "Deny", to: [{ networks: ["::/0"] }] },
        ],
      }),
    ],
    [
      "a BaselineAdminNetworkPolicy whose deny tiles every address in halves",
      baseline({
        ...baselineSpec,
        egress: [
          dns,
          {
            action: "Deny",
            to: [{ networks: ["0.0.0.0/1", "128.0.0.0/1", "::/1", "8000::/1"] }],
          },
        ],
      }),
    ],
    [
      "a baseline whose subject names the namespace",
      baseline({
        ...baselineSpec,
        subject: {
          namespaces: {
            matchExpressions: [
              { key: "kubernetes.io/metadata.name", operator: "In", values: ["mesh", "shop"] },
            ],
          },
        },
      }),
    ],
    [
      "a baseline Pass before the Deny, an allow of what it names (a private block)",
      clusterNetworkPolicy("baseline", {
        tier: "Baseline",
        priority: 10,
        subject: { namespaces: {} },
        egress: [
          { action: "Pass", to: [{ networks: ["10.0.0.0/8"] }] },
          { action: "Deny", to: [{ networks: ["0.0.0.0/0", "::/0"] }] },
        ],
      }),
    ],
  ])("seals the namespace under %s", async (_name, policy) => {
    expect(await judged(policy)).toEqual([]);
  });

  test("a baseline Pass of a public block is an allow of it, judged, and the deny holds for the rest", async () => {
    const passing = clusterNetworkPolicy("baseline", {
      tier: "Baseline",
      priority: 10,
      subject: { namespaces: {} },
      egress: [
        { action: "Pass", to: [{ networks: ["203.0.113.0/24"] }] },
        { action: "Deny", to: [{ networks: ["0.0.0.0/0", "::/0"] }] },
      ],
    });
    expect(await judged(passing)).toEqual([
      [
        "kubernetes-egress",
        "baseline",
        "mandatory",
        ['k8s clusternetworkpolicy "baseline"', "203.0.113.0/24 (all protocols and ports)"],
      ],
    ]);
  });

  test.each([
    [
      "its Deny leaves IPv6 open (0.0.0.0/0 alone)",
      baseline({
        ...baselineSpec,
        egress: [dns, { ...denyOut, to: [{ networks: ["0.0.0.0/0"] }] }],
      }),
    ],
    [
      "its Deny holds on one port only",
      baseline({
        ...baselineSpec,
        egress: [dns, { ...denyOut, ports: [{ portNumber: { protocol: "TCP", port: 443 } }] }],
      }),
    ],
    [
      "its subject leaves the namespace out",
      baseline({
        ...baselineSpec,
        subject: {
          namespaces: {
            matchExpressions: [
              {
                key: "kubernetes.io/metadata.name",
                operator: "NotIn",
                values: ["kube-system", "mesh"],
              },
            ],
          },
        },
      }),
    ],
    [
      "its subject picks only some pods",
      baseline({
        ...baselineSpec,
        subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { tier: "db" } } } },
      }),
    ],
    // The xc71 bench: the CRD admits a BaselineAdminNetworkPolicy named "default" only, so the
    // API server refuses this one while the namespace's pods run.
    [
      "the baseline policy is not named default",
      clusterPolicy("BaselineAdminNetworkPolicy", "v1alpha1", "deny-egress", baselineSpec),
    ],
    [
      "its subject is another namespace, by name",
      baseline({
        ...baselineSpec,
        subject: { namespaces: { matchLabels: { "kubernetes.io/metadata.name": "payments" } } },
      }),
    ],
  ])("leaves the namespace open where %s", async (_name, policy) => {
    expect(await judged(policy)).toEqual(open);
  });
});

describe("a cluster's default deny by its admin policies", () => {
  /** An admin policy `name` of `priority` that passes `to` on to the NetworkPolicies. */
  const passing = (name: string, priority: number | string, to: unknown[]) =>
    clusterPolicy("AdminNetworkPolicy", "v1alpha1", name, {
      priority,
      subject: { namespaces: {} },
      egress: [{ action: "Pass", to }],
    });
  const outside = [{ networks: ["203.0.113.0/24"] }];
  const judgedWith = async (...policies: Array<(plan: Plan) => Plan>) =>
    findings(
      await pack.checkAll(aws, pipe(web, ...policies)(aws), us, ["web", "platform", "delegate"]),
    );
  const lockdown = admin({ subject: { namespaces: {} }, egress: [dns, denyOut] });

  test("a Deny of every address seals the namespaces, with or without passes that come after it", async () => {
    expect(await judgedWith(lockdown)).toEqual([]);
    // A Pass of lower precedence never sees the traffic the deny has decided.
    expect(await judgedWith(lockdown, passing("delegate", 20, outside))).toEqual([]);
    // A Pass of the cluster's own pods hands no traffic outside past the deny.
    expect(
      await judgedWith(
        admin({
          subject: { namespaces: {} },
          egress: [{ action: "Pass", to: [{ namespaces: {} }] }, denyOut],
        }),
      ),
    ).toEqual([]);
  });

  test.each([
    [
      "another admin policy of higher precedence passes traffic outside",
      passing("delegate", 5, outside),
    ],
    ["another of the same priority may be applied first", passing("delegate", 10, outside)],
    ["another's priority is not a number the pack can order", passing("delegate", "high", outside)],
  ])("the namespace stays open where %s", async (_name, other) => {
    expect(await judgedWith(lockdown, other)).toEqual(open);
  });

  test("a Pass of traffic outside before the Deny in the same policy leaves the namespace open", async () => {
    expect(
      await judgedWith(
        admin({
          subject: { namespaces: {} },
          egress: [{ action: "Pass", to: outside }, denyOut],
        }),
      ),
    ).toEqual(open);
  });
});

describe("the rules of a cluster-wide policy that let traffic out", () => {
  const happy = () => pipe(web, baseline())(aws);
  const label = (kind: string, name: string) => `k8s ${kind.toLowerCase()} ${JSON.stringify(name)}`;
  runCases(pack, happy, us, [
    {
      name: "the baseline allows a public block",
      bad: set("default", (p) => {
        ((p.spec as Props).egress as Props[]).unshift({
          action: "Allow",
          to: [{ networks: ["203.0.113.0/24"] }],
        });
      }),
      expected: [
        [
          "kubernetes-egress",
          "default",
          "mandatory",
          [
            label("BaselineAdminNetworkPolicy", "default"),
            "203.0.113.0/24 (all protocols and ports)",
          ],
        ],
      ],
      twinName: "it allows a private block",
      twin: set("default", (p) => {
        ((p.spec as Props).egress as Props[]).unshift({
          action: "Allow",
          to: [{ networks: ["10.0.0.0/8"] }],
        });
      }),
    },
    {
      name: "an admin policy allows a public block on 443, which no NetworkPolicy can narrow",
      bad: admin({
        subject: { namespaces: {} },
        egress: [
          {
            action: "Allow",
            to: [{ networks: ["198.51.100.0/24", "203.0.113.0/24"] }],
            ports: [{ portNumber: { protocol: "TCP", port: 443 } }],
          },
        ],
      }),
      expected: [
        [
          "kubernetes-egress",
          "platform",
          "mandatory",
          [label("AdminNetworkPolicy", "platform"), "203.0.113.0/24 (tcp, port 443)"],
        ],
      ],
      // The oregon stack allowlists 198.51.100.0/24 on 443 (test/helpers/policy-session.ts).
      twinName: "it allows the allowlisted partner block only",
      twin: admin({
        subject: { namespaces: {} },
        egress: [
          {
            action: "Allow",
            to: [{ networks: ["198.51.100.0/24"] }],
            ports: [{ portNumber: { protocol: "TCP", port: 443 } }],
          },
        ],
      }),
    },
    {
      name: "an admin policy allows a domain the stack does not admit",
      bad: admin({
        subject: { namespaces: {} },
        egress: [{ action: "Allow", to: [{ domainNames: ["*.example.com"] }] }],
      }),
      expected: [
        [
          "kubernetes-egress",
          "platform",
          "mandatory",
          [label("AdminNetworkPolicy", "platform"), "*.example.com (cannot be placed)"],
        ],
      ],
      twinName: "the domain is a cloud endpoint inside the jurisdiction",
      twin: admin({
        subject: { namespaces: {} },
        egress: [{ action: "Allow", to: [{ domainNames: ["s3.us-east-1.amazonaws.com"] }] }],
      }),
    },
    {
      name: "an admin Accept of the v1alpha2 API opens a public block",
      bad: clusterNetworkPolicy("platform", {
        tier: "Admin",
        priority: 5,
        subject: { namespaces: {} },
        egress: [
          {
            action: "Accept",
            to: [{ networks: ["203.0.113.0/24"] }],
            protocols: [{ tcp: { destinationPort: { range: { start: 8000, end: 8100 } } } }],
          },
        ],
      }),
      expected: [
        [
          "kubernetes-egress",
          "platform",
          "mandatory",
          [label("ClusterNetworkPolicy", "platform"), "203.0.113.0/24 (tcp, ports 8000-8100)"],
        ],
      ],
      twinName: "the admin tier passes it to the namespaces' policies instead",
      twin: clusterNetworkPolicy("platform", {
        tier: "Admin",
        priority: 5,
        subject: { namespaces: {} },
        egress: [{ action: "Pass", to: [{ networks: ["203.0.113.0/24"] }] }],
      }),
    },
    {
      name: "an admin policy names a peer the pack does not read",
      bad: admin({
        subject: { namespaces: {} },
        egress: [{ action: "Allow", to: [{ serviceAccounts: { name: "partner" } }] }],
      }),
      expected: [
        [
          "kubernetes-egress",
          "platform",
          "mandatory",
          [
            label("AdminNetworkPolicy", "platform"),
            "a peer the pack does not read (serviceAccounts) (cannot be placed)",
          ],
        ],
      ],
      twinName: "the peer is the pods of a namespace",
      twin: admin({
        subject: { namespaces: {} },
        egress: [
          {
            action: "Allow",
            to: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: "api" } } } }],
          },
        ],
      }),
    },
  ]);

  test("the finding names the rule and the peer in the policy's own terms", async () => {
    const plan = pipe(
      web,
      baseline(),
      admin({
        subject: { namespaces: {} },
        egress: [{ action: "Allow", to: [{ networks: ["203.0.113.0/24"] }] }],
      }),
    )(aws);
    expect(summary(await pack.checkAll(aws, plan, us, ["web", "default", "platform"]))).toEqual([
      'mandatory kubernetes-egress platform: k8s adminnetworkpolicy "platform" must allow egress only to private or allowlisted destinations, but spec.egress[0].to[0].networks[0] allows 203.0.113.0/24 (all protocols and ports), which the egress allowlist of US does not cover. Narrow the ipBlock (and ports) to an allowlist entry, or add the destination to the allowlist with a reason.',
    ]);
  });
});

describe("an open namespace's finding says why the cluster's policies do not deny it", () => {
  /** The namespace-egress message on the plan with these cluster-wide policies. */
  const why = async (...policies: Array<(plan: Plan) => Plan>) => {
    const found = await pack.checkAll(aws, pipe(web, ...policies)(aws), us, [
      "web",
      "default",
      "platform",
      "baseline",
      "delegate",
    ]);
    return found.filter((v) => v.policy === "kubernetes-namespace-egress").map((v) => v.message);
  };
  const lockdown = admin({ subject: { namespaces: {} }, egress: [dns, denyOut] });

  test("a baseline policy the API server refuses, by its name", async () => {
    const [message] = await why(
      clusterPolicy("BaselineAdminNetworkPolicy", "v1alpha1", "baseline", baselineSpec),
    );
    expect(message).toContain(
      '0.0.0.0/0 and ::/0 (of the cluster\'s: the API server admits k8s baselineadminnetworkpolicy "baseline" only by the name "default") — so the pods',
    );
  });

  test("an admin deny a Pass of traffic outside bypasses, and a deny of other namespaces", async () => {
    const [bypassed] = await why(
      lockdown,
      clusterPolicy("AdminNetworkPolicy", "v1alpha1", "delegate", {
        priority: 5,
        subject: { namespaces: {} },
        egress: [{ action: "Pass", to: [{ networks: ["203.0.113.0/24"] }] }],
      }),
    );
    expect(bypassed).toContain(
      "(of the cluster's: an admin network policy's Pass of traffic outside ranks before k8s adminnetworkpolicy \"platform\")",
    );
    const [elsewhere] = await why(
      baseline({
        ...baselineSpec,
        subject: { namespaces: { matchLabels: { "kubernetes.io/metadata.name": "payments" } } },
      }),
    );
    expect(elsewhere).toContain(
      '(of the cluster\'s: k8s baselineadminnetworkpolicy "default" selects other namespaces)',
    );
  });

  test("twin: with no cluster-wide policy the finding names none", async () => {
    const [message] = await why();
    expect(message).not.toContain("of the cluster's:");
  });
});
