import * as pulumi from "@pulumi/pulumi";
import { egressPolicyName, SealedNamespace } from "../../components/kubernetes";
import { waitForRPCs } from "../../engine/internals";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}
const registered: Registered[] = [];

pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      registered.push({ type: args.type, name: args.name, inputs: args.inputs });
      return { id: `${args.name}-id`, state: args.inputs };
    },
    call: (args) => {
      throw new Error(`unexpected provider function ${args.token}`);
    },
  },
  "sovereign-dc",
  "cn-shanghai",
);

function settle(o: pulumi.Output<unknown>): Promise<unknown> {
  return new Promise((resolve) => o.apply(resolve));
}

const egress = [
  {
    cidr: "10.20.0.0/16",
    ports: [443],
    protocol: "tcp" as const,
    reason: "In-VPC service endpoints",
  },
];

describe("SealedNamespace", () => {
  beforeEach(() => {
    registered.length = 0;
  });

  it("denies all ingress and egress to every pod by default", async () => {
    const ns = new SealedNamespace("telemetry", { egress });
    await settle(ns.allowPolicy);
    const deny = registered.find((r) => r.name === "telemetry-default-deny");
    expect(deny?.type).toBe("kubernetes:networking.k8s.io/v1:NetworkPolicy");
    expect(deny?.inputs.spec).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
  });

  it("opens the namespace, cluster DNS and the stack's network in one policy", async () => {
    const ns = new SealedNamespace("telemetry", { egress, network: "10.20.0.0/16" });
    await settle(ns.allowPolicy);
    const allow = registered.find((r) => r.name === "telemetry-allow");
    expect(allow?.inputs).toEqual({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "allow-namespace-dns-network", namespace: "telemetry" },
      spec: {
        podSelector: {},
        policyTypes: ["Ingress", "Egress"],
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [
          { to: [{ podSelector: {} }] },
          {
            to: [
              {
                namespaceSelector: {
                  matchLabels: { "kubernetes.io/metadata.name": "kube-system" },
                },
                podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
              },
            ],
            ports: [
              { protocol: "UDP", port: 53 },
              { protocol: "TCP", port: 53 },
            ],
          },
          { to: [{ ipBlock: { cidr: "10.20.0.0/16" } }] },
        ],
      },
    });
  });

  it("opens each allowlist entry in a policy of its own, annotated with its reason", async () => {
    const allowlist = [
      { cidr: "100.100.2.136/30", ports: [53], protocol: "udp" as const, reason: "VPC DNS" },
      {
        cidr: "100.64.0.0/10",
        ports: [443, 80],
        protocol: "tcp" as const,
        reason: "Intranet endpoints of OSS and KMS",
      },
    ];
    const ns = new SealedNamespace("telemetry", { egress: allowlist });
    expect(await settle(ns.egressPolicies)).toEqual([
      "egress-udp-100-100-2-136-30-53",
      "egress-tcp-100-64-0-0-10-80-443",
    ]);
    const policies = registered
      .filter((r) => r.name.startsWith("telemetry-egress-"))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(policies.map((r) => [r.name, r.inputs])).toEqual([
      [
        "telemetry-egress-tcp-100-64-0-0-10-80-443",
        {
          apiVersion: "networking.k8s.io/v1",
          kind: "NetworkPolicy",
          metadata: {
            name: "egress-tcp-100-64-0-0-10-80-443",
            namespace: "telemetry",
            annotations: { "sovereign-dc/reason": "Intranet endpoints of OSS and KMS" },
          },
          spec: {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [
              {
                to: [{ ipBlock: { cidr: "100.64.0.0/10" } }],
                ports: [
                  { protocol: "TCP", port: 80 },
                  { protocol: "TCP", port: 443 },
                ],
              },
            ],
          },
        },
      ],
      [
        "telemetry-egress-udp-100-100-2-136-30-53",
        {
          apiVersion: "networking.k8s.io/v1",
          kind: "NetworkPolicy",
          metadata: {
            name: "egress-udp-100-100-2-136-30-53",
            namespace: "telemetry",
            annotations: { "sovereign-dc/reason": "VPC DNS" },
          },
          spec: {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [
              {
                to: [{ ipBlock: { cidr: "100.100.2.136/30" } }],
                ports: [{ protocol: "UDP", port: 53 }],
              },
            ],
          },
        },
      ],
    ]);
    expect(registered.map((r) => r.type).sort()).toEqual([
      "kubernetes:core/v1:Namespace",
      "kubernetes:networking.k8s.io/v1:NetworkPolicy",
      "kubernetes:networking.k8s.io/v1:NetworkPolicy",
      "kubernetes:networking.k8s.io/v1:NetworkPolicy",
      "kubernetes:networking.k8s.io/v1:NetworkPolicy",
      "sovereign-dc:kubernetes:SealedNamespace",
    ]);
  });

  it("opens the same ports of one block once when two entries allow them, with the first reason", async () => {
    const ns = new SealedNamespace("twice", {
      egress: [egress[0], { ...egress[0], ports: [443, 443], reason: "Also the metrics agent" }],
    });
    expect(await settle(ns.egressPolicies)).toEqual(["egress-tcp-10-20-0-0-16-443"]);
    expect(
      registered
        .filter((r) => r.name.startsWith("twice-egress-"))
        .map((r) => [r.name, (r.inputs.metadata as Record<string, unknown>).annotations]),
    ).toEqual([
      ["twice-egress-tcp-10-20-0-0-16-443", { "sovereign-dc/reason": "In-VPC service endpoints" }],
    ]);
  });

  it("names an entry's policy after what it opens, within the 253 characters a name may have", () => {
    const rule = { cidr: "10.20.0.0/16", protocol: "tcp" as const, reason: "r" };
    expect(egressPolicyName({ ...rule, ports: [8443, 443, 443] })).toBe(
      "egress-tcp-10-20-0-0-16-443-8443",
    );
    const many = Array.from({ length: 60 }, (_, i) => 10000 + i);
    const name = egressPolicyName({ ...rule, ports: many });
    expect(name).toMatch(/^egress-tcp-10-20-0-0-16-ports-[0-9a-f]{12}$/);
    expect(egressPolicyName({ ...rule, ports: [...many].reverse() })).toBe(name);
  });

  it("drops cluster DNS when asked", async () => {
    const ns = new SealedNamespace("batch", { allowClusterDns: false });
    await settle(ns.allowPolicy);
    const allow = registered.find((r) => r.name === "batch-allow");
    expect(allow).toBeDefined();
    expect((allow!.inputs.spec as { egress: unknown }).egress).toEqual([
      { to: [{ podSelector: {} }] },
    ]);
  });

  test.each([
    [
      { namespace: "Telemetry" },
      'namespace: received "Telemetry"; expected a DNS label (lowercase letters, digits and hyphens, at most 63 characters).',
    ],
    [
      { egress: [{ ...egress[0], cidr: "0.0.0.0/0" }] },
      'egress[0].cidr: received "0.0.0.0/0"; expected a bounded IPv4 CIDR (0.0.0.0/0 cannot be allowlisted).',
    ],
    [
      { network: "0.0.0.0/0" },
      'network: received "0.0.0.0/0"; expected the stack\'s own IPv4 block, such as 10.20.0.0/16 (0.0.0.0/0 is the internet).',
    ],
    [
      { egress: [{ ...egress[0], reason: " " }] },
      'egress[0].reason: received " "; expected the justification of this destination.',
    ],
  ])("rejects %j before creating anything", async (args, message) => {
    expect(() => new SealedNamespace("bad", args)).toThrow(
      `Invalid SealedNamespace "bad":\n  - ${message}`,
    );
    // Every registration the SDK started has finished: nothing of "bad" is on its way.
    await waitForRPCs();
    expect(registered.filter((r) => r.name.startsWith("bad"))).toEqual([]);
  });
});
