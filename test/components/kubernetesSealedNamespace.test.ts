import * as pulumi from "@pulumi/pulumi";
import { SealedNamespace } from "../../components/kubernetes";
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

  it("opens only the namespace, cluster DNS and the allowlist", async () => {
    const ns = new SealedNamespace("telemetry", { egress });
    await settle(ns.allowPolicy);
    const allow = registered.find((r) => r.name === "telemetry-allow");
    expect((allow?.inputs.spec as { egress: unknown }).egress).toEqual([
      { to: [{ podSelector: {} }] },
      {
        to: [
          {
            namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
            podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
          },
        ],
        ports: [
          { protocol: "UDP", port: 53 },
          { protocol: "TCP", port: 53 },
        ],
      },
      { to: [{ ipBlock: { cidr: "10.20.0.0/16" } }], ports: [{ protocol: "TCP", port: 443 }] },
    ]);
    expect(registered.map((r) => r.type).sort()).toEqual([
      "kubernetes:core/v1:Namespace",
      "kubernetes:networking.k8s.io/v1:NetworkPolicy",
      "kubernetes:networking.k8s.io/v1:NetworkPolicy",
      "sovereign-dc:kubernetes:SealedNamespace",
    ]);
  });

  it("drops cluster DNS when asked", async () => {
    const ns = new SealedNamespace("batch", { allowClusterDns: false });
    await settle(ns.allowPolicy);
    const allow = registered.find((r) => r.name === "batch-allow");
    expect((allow?.inputs.spec as { egress: unknown }).egress).toEqual([
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
