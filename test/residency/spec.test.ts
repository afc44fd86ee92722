import { parseStackSpec, StackSpecError, validateStackSpec } from "../../residency/spec";

/** A valid Shanghai spec; each table row breaks one thing. */
function shanghai(): Record<string, unknown> {
  return {
    cloud: "alicloud",
    region: "cn-shanghai",
    jurisdiction: "CN",
    network: {
      cidr: "10.20.0.0/16",
      zones: [
        { zone: "cn-shanghai-e", cidr: "10.20.1.0/24" },
        { zone: "cn-shanghai-f", cidr: "10.20.2.0/24" },
      ],
    },
    buckets: [{ name: "telemetry", purpose: "Vehicle telemetry", retentionDays: 365 }],
    egress: [{ cidr: "100.100.2.136/30", ports: [53], protocol: "udp", reason: "VPC DNS" }],
    keys: { deletionWindowDays: 30, rotationDays: 365 },
  };
}

/** The spec turned into an AWS Ningxia stack's, with this account and its one zone. */
function ningxia(s: Record<string, unknown>, accountId?: string, zone = "cn-northwest-1a"): void {
  s.cloud = "aws";
  s.region = "cn-northwest-1";
  if (accountId !== undefined) {
    s.accountId = accountId;
  }
  s.network = { cidr: "10.20.0.0/16", zones: [{ zone, cidr: "10.20.1.0/24" }] };
}

function issuesOf(raw: Record<string, unknown>): string[] {
  try {
    validateStackSpec(raw, "test");
  } catch (e) {
    expect(e).toBeInstanceOf(StackSpecError);
    return (e as Error).message.split("\n").slice(1);
  }
  throw new Error("expected the spec to be rejected");
}

const cnRegions =
  "cn-qingdao, cn-beijing, cn-zhangjiakou, cn-huhehaote, cn-wulanchabu, cn-hangzhou, cn-shanghai, cn-nanjing, cn-shenzhen, cn-heyuan, cn-guangzhou, cn-chengdu, cn-fuzhou, cn-zhengzhou-jva, cn-shanghai-finance-1, cn-shanghai-finance-1-pub, cn-shenzhen-finance-1, cn-shenzhen-finance, cn-szfinance, cn-beijing-finance-1, cn-beijing-finance-1-pub, cn-hangzhou-finance, cn-hzfinance, cn-hzjbp, cn-north-2-gov-1";

describe("stack spec validation", () => {
  it("accepts the Shanghai spec and fills key defaults", () => {
    const raw = shanghai();
    delete raw.keys;
    const spec = validateStackSpec(raw, "test");
    expect(spec.jurisdiction.id).toBe("CN");
    expect(spec.keys).toEqual({ deletionWindowDays: 30, rotationDays: 365 });
    expect(spec.posture).toBe("standard");
    expect(spec.network.zones.map((z) => z.zone)).toEqual(["cn-shanghai-e", "cn-shanghai-f"]);
  });

  it("takes the 16-digit ID of an Alibaba Cloud stack's account", () => {
    expect(
      validateStackSpec({ ...shanghai(), accountId: "1234567890123456" }, "test").accountId,
    ).toBe("1234567890123456");
  });

  it("takes a strict posture", () => {
    expect(validateStackSpec({ ...shanghai(), posture: "strict" }, "test").posture).toBe("strict");
  });

  test.each<[string, (s: Record<string, unknown>) => void, string[]]>([
    [
      "a region outside the jurisdiction (cn-hongkong is not mainland China)",
      (s) => {
        s.region = "cn-hongkong";
      },
      [
        `  - sovereign-dc:region: received "cn-hongkong"; expected a region of alicloud inside jurisdiction CN (${cnRegions}); cn-hongkong is in HK.`,
      ],
    ],
    [
      "an unknown jurisdiction",
      (s) => {
        s.jurisdiction = "XX";
      },
      [
        '  - sovereign-dc:jurisdiction: received "XX"; expected one of: CN, US, EU, DE, FR, IE, IT, ES, SE, GB, CH, ZA, IL, AE, BH, SA, HK, TW, JP, KR, IN, SG, MY, ID, PH, TH, AU, NZ, CA, MX, BR.',
      ],
    ],
    [
      "a posture that is neither standard nor strict",
      (s) => {
        s.posture = "lenient";
      },
      [
        '  - sovereign-dc:posture: received "lenient"; expected one of: standard, strict (strict also fails hardening findings that keep data in place).',
      ],
    ],
    [
      "an unknown cloud",
      (s) => {
        s.cloud = "gcp";
      },
      ['  - sovereign-dc:cloud: received "gcp"; expected one of: alicloud, aws.'],
    ],
    [
      "an unknown key",
      (s) => {
        s.netwrok = {};
      },
      [
        "  - sovereign-dc:netwrok: received {}; expected no such key; allowed keys here: sovereign-dc:cloud, sovereign-dc:region, sovereign-dc:jurisdiction, sovereign-dc:accountId, sovereign-dc:stateBackend, sovereign-dc:network, sovereign-dc:buckets, sovereign-dc:egress, sovereign-dc:egressHosts, sovereign-dc:keys, sovereign-dc:posture, sovereign-dc:kubernetes.",
      ],
    ],
    [
      "an unknown key inside a bucket",
      (s) => {
        (s.buckets as Record<string, unknown>[])[0].replicateTo = "cn-hongkong";
      },
      [
        '  - sovereign-dc:buckets[0].replicateTo: received "cn-hongkong"; expected no such key; allowed keys here: sovereign-dc:buckets[0].name, sovereign-dc:buckets[0].purpose, sovereign-dc:buckets[0].retentionDays.',
      ],
    ],
    [
      "an invalid CIDR",
      (s) => {
        (s.network as { cidr: string }).cidr = "10.20.0.0/33";
      },
      [
        '  - sovereign-dc:network.cidr: received "10.20.0.0/33"; expected an IPv4 CIDR block such as 10.20.0.0/16.',
      ],
    ],
    [
      "a CIDR with host bits set",
      (s) => {
        (s.network as { cidr: string }).cidr = "10.20.1.0/16";
      },
      [
        '  - sovereign-dc:network.cidr: received "10.20.1.0/16"; expected a CIDR whose host bits are zero (did you mean 10.20.0.0/16?).',
      ],
    ],
    [
      "overlapping zone CIDRs",
      (s) => {
        (s.network as { zones: { cidr: string }[] }).zones[1].cidr = "10.20.1.128/25";
      },
      [
        '  - sovereign-dc:network.zones[1].cidr: received "10.20.1.128/25"; expected a block that does not overlap sovereign-dc:network.zones[0].cidr (10.20.1.0/24).',
      ],
    ],
    [
      "a zone CIDR outside the network",
      (s) => {
        (s.network as { zones: { cidr: string }[] }).zones[1].cidr = "10.21.2.0/24";
      },
      [
        '  - sovereign-dc:network.zones[1].cidr: received "10.21.2.0/24"; expected a block inside the network CIDR 10.20.0.0/16.',
      ],
    ],
    [
      "a zone outside the region",
      (s) => {
        (s.network as { zones: { zone: string }[] }).zones[0].zone = "cn-beijing-a";
      },
      [
        '  - sovereign-dc:network.zones[0].zone: received "cn-beijing-a"; expected a zone of region cn-shanghai, such as cn-shanghai-b.',
      ],
    ],
    [
      "the same zone twice",
      (s) => {
        (s.network as { zones: { zone: string }[] }).zones[1].zone = "cn-shanghai-e";
      },
      [
        '  - sovereign-dc:network.zones[1].zone: received "cn-shanghai-e"; expected each zone once; this zone is already listed.',
      ],
    ],
    [
      "no zones",
      (s) => {
        (s.network as { zones: unknown[] }).zones = [];
      },
      ["  - sovereign-dc:network.zones: received []; expected at least one zone."],
    ],
    [
      "an egress rule to the whole internet",
      (s) => {
        (s.egress as { cidr: string }[])[0].cidr = "0.0.0.0/0";
      },
      [
        '  - sovereign-dc:egress[0].cidr: received "0.0.0.0/0"; expected a bounded destination; 0.0.0.0/0 is the whole internet and cannot be allowlisted.',
      ],
    ],
    [
      // Found by reading the spec: /0 was refused, and the two halves of the internet were not.
      "egress rules to the two halves of the internet, each wider than /8",
      (s) => {
        s.egress = [
          { cidr: "0.0.0.0/1", ports: [443], protocol: "tcp", reason: "everything, lower half" },
          { cidr: "128.0.0.0/1", ports: [443], protocol: "tcp", reason: "everything, upper half" },
        ];
      },
      [
        '  - sovereign-dc:egress[0].cidr: received "0.0.0.0/1"; expected a bounded destination, a block of /8 or narrower; a wider one is a large part of the internet (0.0.0.0/1 and 128.0.0.0/1 are all of it) and cannot be allowlisted.',
        '  - sovereign-dc:egress[1].cidr: received "128.0.0.0/1"; expected a bounded destination, a block of /8 or narrower; a wider one is a large part of the internet (0.0.0.0/1 and 128.0.0.0/1 are all of it) and cannot be allowlisted.',
      ],
    ],
    [
      "an egress rule without a reason",
      (s) => {
        delete (s.egress as { reason?: string }[])[0].reason;
      },
      [
        "  - sovereign-dc:egress[0].reason: received nothing (the key is missing); expected a non-empty justification of why this destination is needed.",
      ],
    ],
    [
      "an egress rule with a blank reason",
      (s) => {
        (s.egress as { reason: string }[])[0].reason = "   ";
      },
      [
        '  - sovereign-dc:egress[0].reason: received "   "; expected a non-empty justification of why this destination is needed.',
      ],
    ],
    [
      "an egress port out of range",
      (s) => {
        (s.egress as { ports: number[] }[])[0].ports = [70000];
      },
      [
        "  - sovereign-dc:egress[0].ports[0]: received 70000; expected a port number from 1 to 65535.",
      ],
    ],
    [
      "a host entry that is a URL",
      (s) => {
        s.egressHosts = [{ host: "https://oapi.dingtalk.com/robot", reason: "DingTalk robot" }];
      },
      [
        '  - sovereign-dc:egressHosts[0].host: received "https://oapi.dingtalk.com/robot"; expected a host name such as oapi.dingtalk.com, or *. and a domain such as *.dingtalk.com (no scheme, port or path).',
      ],
    ],
    [
      "a host entry that opens ports, which only a CIDR entry does",
      (s) => {
        s.egressHosts = [{ host: "oapi.dingtalk.com", reason: "DingTalk robot", ports: [443] }];
      },
      [
        "  - sovereign-dc:egressHosts[0].ports: received [443]; expected no such key; allowed keys here: sovereign-dc:egressHosts[0].host, sovereign-dc:egressHosts[0].reason.",
      ],
    ],
    [
      "an egress protocol that is neither tcp nor udp",
      (s) => {
        (s.egress as { protocol: string }[])[0].protocol = "all";
      },
      ['  - sovereign-dc:egress[0].protocol: received "all"; expected "tcp" or "udp".'],
    ],
    [
      "a bucket name with capitals",
      (s) => {
        (s.buckets as { name: string }[])[0].name = "Telemetry";
      },
      [
        '  - sovereign-dc:buckets[0].name: received "Telemetry"; expected 3-32 lowercase letters, digits or hyphens, starting and ending with a letter or digit.',
      ],
    ],
    [
      "two buckets with one name",
      (s) => {
        (s.buckets as unknown[]).push({ name: "telemetry", purpose: "again", retentionDays: 1 });
      },
      [
        '  - sovereign-dc:buckets[1].name: received "telemetry"; expected a bucket name not used by another bucket of this stack.',
      ],
    ],
    [
      "a retention of zero days",
      (s) => {
        (s.buckets as { retentionDays: number }[])[0].retentionDays = 0;
      },
      [
        "  - sovereign-dc:buckets[0].retentionDays: received 0; expected a whole number of days from 1 to 3650.",
      ],
    ],
    [
      "a key deletion window longer than AWS allows",
      (s) => {
        (s.keys as { deletionWindowDays: number }).deletionWindowDays = 90;
      },
      [
        "  - sovereign-dc:keys.deletionWindowDays: received 90; expected a whole number from 7 to 30.",
      ],
    ],
    [
      "a rotation period other than yearly on Alibaba Cloud",
      (s) => {
        (s.keys as { rotationDays: number }).rotationDays = 180;
      },
      [
        "  - sovereign-dc:keys.rotationDays: received 180; expected 365 on alicloud: a default KMS key (one outside a dedicated KMS instance) rotates only yearly.",
      ],
    ],
    [
      "a rotation period shorter than AWS allows",
      (s) => {
        (s.keys as { rotationDays: number }).rotationDays = 30;
      },
      ["  - sovereign-dc:keys.rotationDays: received 30; expected a whole number from 90 to 365."],
    ],
    [
      "an AWS stack without an account",
      (s) => ningxia(s),
      [
        "  - sovereign-dc:accountId: received nothing (the key is missing); expected the 12-digit AWS account ID the stack is pinned to (required when cloud is aws).",
      ],
    ],
    [
      // Found by an engineer adding an Alibaba Cloud stack: its 16-digit UID was refused as no
      // AWS account, and an AWS one accepted.
      "an AWS account ID on an Alibaba Cloud stack",
      (s) => {
        s.accountId = "111122223333";
      },
      [
        '  - sovereign-dc:accountId: received "111122223333"; expected the 16-digit ID (UID) of the Alibaba Cloud account the stack is pinned to (a 12-digit ID is an AWS account\'s).',
      ],
    ],
    [
      "an Alibaba Cloud account ID on an AWS stack",
      (s) => ningxia(s, "1234567890123456"),
      [
        '  - sovereign-dc:accountId: received "1234567890123456"; expected the 12-digit AWS account ID the stack is pinned to (a 16-digit ID is an Alibaba Cloud account\'s).',
      ],
    ],
    [
      "an AWS availability zone outside the region",
      (s) => ningxia(s, "111122223333", "cn-north-1a"),
      [
        '  - sovereign-dc:network.zones[0].zone: received "cn-north-1a"; expected a zone of region cn-northwest-1, such as cn-northwest-1a.',
      ],
    ],
    [
      "a state backend in Pulumi Cloud (US-hosted) for a China stack",
      (s) => {
        s.stateBackend = "https://api.pulumi.com";
      },
      [
        '  - sovereign-dc:stateBackend: received "https://api.pulumi.com"; expected a state backend inside CN, such as s3://sovereign-dc-state-test?endpoint=oss-cn-shanghai.aliyuncs.com&region=cn-shanghai (it is in aws us-west-2, outside CN).',
      ],
    ],
    [
      "a state backend on OSS in Hong Kong",
      (s) => {
        s.stateBackend = "s3://state?endpoint=oss-cn-hongkong.aliyuncs.com&region=cn-hongkong";
      },
      [
        '  - sovereign-dc:stateBackend: received "s3://state?endpoint=oss-cn-hongkong.aliyuncs.com&region=cn-hongkong"; expected a state backend inside CN, such as s3://sovereign-dc-state-test?endpoint=oss-cn-shanghai.aliyuncs.com&region=cn-shanghai (it is in alicloud cn-hongkong, outside CN).',
      ],
    ],
    [
      "a local file state backend",
      (s) => {
        s.stateBackend = "file:///var/pulumi";
      },
      [
        '  - sovereign-dc:stateBackend: received "file:///var/pulumi"; expected a state backend inside CN, such as s3://sovereign-dc-state-test?endpoint=oss-cn-shanghai.aliyuncs.com&region=cn-shanghai (its location cannot be told: a local file backend is wherever the machine running Pulumi is).',
      ],
    ],
    [
      "a missing network",
      (s) => {
        delete s.network;
      },
      [
        "  - sovereign-dc:network: received nothing (the key is missing); expected an object { cidr, zones }.",
      ],
    ],
  ])("rejects %s, naming the key, the value and what is allowed", (_name, mutate, expected) => {
    const raw = shanghai();
    mutate(raw);
    expect(issuesOf(raw)).toEqual(expected);
  });

  describe("sovereign-dc:kubernetes", () => {
    const cluster = () => ({
      version: "1.33.1-aliyun.1",
      nodePools: [
        { name: "general", instanceType: "ecs.g7.xlarge", size: { min: 2, max: 6, desired: 2 } },
      ],
      namespaces: ["telemetry-ingest", "customer-services"],
    });

    it("is optional: a spec without it has no cluster", () => {
      expect(validateStackSpec(shanghai(), "test").kubernetes).toBeUndefined();
    });

    it("accepts a cluster with its node pools and namespaces", () => {
      expect(
        validateStackSpec({ ...shanghai(), kubernetes: cluster() }, "test").kubernetes,
      ).toEqual(cluster());
    });

    it("reads the cluster from the JSON text the Pulumi runtime holds", () => {
      const flat = Object.fromEntries(
        Object.entries({ ...shanghai(), kubernetes: cluster() }).map(([k, v]) => [
          `sovereign-dc:${k}`,
          typeof v === "string" ? v : JSON.stringify(v),
        ]),
      );
      expect(parseStackSpec(flat, "test").kubernetes).toEqual(cluster());
    });

    type Cluster = ReturnType<typeof cluster>;
    test.each<[string, (k: Cluster) => unknown, string[]]>([
      [
        "an EKS version on Alibaba Cloud",
        (k) => ({ ...k, version: "1.33" }),
        [
          '  - sovereign-dc:kubernetes.version: received "1.33"; expected a version the alicloud API accepts, such as 1.31.1-aliyun.1.',
        ],
      ],
      [
        "a version that is no version",
        (k) => ({ ...k, version: "latest" }),
        [
          '  - sovereign-dc:kubernetes.version: received "latest"; expected a Kubernetes version such as 1.31 (aws) or 1.31.1-aliyun.1 (alicloud).',
        ],
      ],
      [
        "a namespace that is not a DNS-1123 label",
        (k) => ({ ...k, namespaces: ["Telemetry"] }),
        [
          '  - sovereign-dc:kubernetes.namespaces[0]: received "Telemetry"; expected a DNS-1123 label: 1-63 lowercase letters, digits or hyphens, starting and ending with a letter or digit.',
        ],
      ],
      [
        "a namespace Kubernetes owns",
        (k) => ({ ...k, namespaces: ["kube-system"] }),
        [
          '  - sovereign-dc:kubernetes.namespaces[0]: received "kube-system"; expected a namespace of the stack\'s own; default, kube-system, kube-public, kube-node-lease belong to Kubernetes.',
        ],
      ],
      [
        "a namespace listed twice",
        (k) => ({ ...k, namespaces: ["batch", "batch"] }),
        [
          '  - sovereign-dc:kubernetes.namespaces[1]: received "batch"; expected each namespace once; this one is already listed.',
        ],
      ],
      [
        "no node pool",
        (k) => ({ ...k, nodePools: [] }),
        ["  - sovereign-dc:kubernetes.nodePools: received []; expected at least one node pool."],
      ],
      [
        "a desired size outside min and max",
        (k) => ({
          ...k,
          nodePools: [{ ...k.nodePools[0], size: { min: 2, max: 6, desired: 7 } }],
        }),
        [
          "  - sovereign-dc:kubernetes.nodePools[0].size.desired: received 7; expected a node count from min (2) to max (6).",
        ],
      ],
      [
        "a min above max",
        (k) => ({
          ...k,
          nodePools: [{ ...k.nodePools[0], size: { min: 3, max: 2, desired: 2 } }],
        }),
        [
          '  - sovereign-dc:kubernetes.nodePools[0].size: received {"min":3,"max":2,"desired":2}; expected 0 <= min <= max and max >= 1.',
        ],
      ],
      [
        "an unknown node pool key",
        (k) => ({ ...k, nodePools: [{ ...k.nodePools[0], publicIp: true }] }),
        [
          "  - sovereign-dc:kubernetes.nodePools[0].publicIp: received true; expected no such key; allowed keys here: sovereign-dc:kubernetes.nodePools[0].name, sovereign-dc:kubernetes.nodePools[0].instanceType, sovereign-dc:kubernetes.nodePools[0].size.",
        ],
      ],
    ])("rejects %s, naming the key, the value and what is allowed", (_name, mutate, expected) => {
      expect(issuesOf({ ...shanghai(), kubernetes: mutate(cluster()) })).toEqual(expected);
    });
  });

  it("reads namespaced keys and JSON-encoded values as the Pulumi runtime holds them", () => {
    const raw = shanghai();
    const flat: Record<string, string> = { "alicloud:region": "cn-shanghai" };
    for (const [k, v] of Object.entries(raw)) {
      flat[`sovereign-dc:${k}`] = typeof v === "string" ? v : JSON.stringify(v);
    }
    expect(parseStackSpec(flat, "cn-shanghai").region).toBe("cn-shanghai");
  });

  // Found by an engineer adding a German stack: aws:region us-east-1 beside sovereign-dc:region
  // eu-central-1 planned sealed, and preflight said ready.
  it("refuses a provider region in the stack file other than the stack's own, beside its other issues", () => {
    const flat = (providerRegion: string, raw = shanghai()): Record<string, string> => {
      const out: Record<string, string> = { "alicloud:region": providerRegion };
      for (const [k, v] of Object.entries(raw)) {
        out[`sovereign-dc:${k}`] = typeof v === "string" ? v : JSON.stringify(v);
      }
      return out;
    };
    const refused = (config: Record<string, string>) => {
      try {
        parseStackSpec(config, "cn-shanghai");
      } catch (e) {
        return (e as Error).message.split("\n").slice(1);
      }
      throw new Error("expected the spec to be rejected");
    };
    const mismatch =
      "  - alicloud:region: received \"cn-hongkong\"; expected the stack's own region cn-shanghai (sovereign-dc:region), which it repeats for the alicloud provider's defaults.";
    expect(refused(flat("cn-hongkong"))).toEqual([mismatch]);
    expect(refused(flat("cn-hongkong", { ...shanghai(), posture: "lax" }))).toEqual([
      '  - sovereign-dc:posture: received "lax"; expected one of: standard, strict (strict also fails hardening findings that keep data in place).',
      mismatch,
    ]);
    // Twin: the same region, or none, passes.
    expect(parseStackSpec(flat("cn-shanghai"), "cn-shanghai").region).toBe("cn-shanghai");
    const without = flat("cn-shanghai");
    delete without["alicloud:region"];
    expect(parseStackSpec(without, "cn-shanghai").region).toBe("cn-shanghai");
  });

  it("names the stack in the error heading", () => {
    expect(() => parseStackSpec({ "sovereign-dc:cloud": "alicloud" }, "cn-shanghai")).toThrow(
      /^Invalid stack config for stack "cn-shanghai":\n/,
    );
  });
});

/**
 * What the stack spec accepts is what the cloud's components build (residency/buildable.ts): each
 * config below passed the spec once and was refused only by a component, after the stack's
 * provider and key had registered, or planned a stack the pack failed. Each is refused here,
 * before any resource, beside its nearest config that builds.
 */
describe("what the cloud's components build", () => {
  /** A valid Oregon spec. */
  function oregon(): Record<string, unknown> {
    return {
      cloud: "aws",
      region: "us-west-2",
      jurisdiction: "US",
      accountId: "123456789012",
      network: { cidr: "10.30.0.0/16", zones: [{ zone: "us-west-2a", cidr: "10.30.1.0/24" }] },
    };
  }
  const network = (cidr: string, zones: Array<[string, string]>) => ({
    cidr,
    zones: zones.map(([zone, block]) => ({ zone, cidr: block })),
  });
  const bucket = (name: string) => ({ name, purpose: "Contracts", retentionDays: 365 });
  /** Four ports to each of `n` partner blocks: 2 + 4n network ACL rules each way on AWS. */
  const partners = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      cidr: `192.0.2.${(i + 1) * 16}/28`,
      ports: [22, 443, 5432, 8443],
      protocol: "tcp",
      reason: `Partner site ${i + 1}`,
    }));
  const privateSpace = "10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16";
  const ossRule =
    "3 to 63 lowercase letters, digits or hyphens, starting and ending with a letter or digit";

  test.each<[string, Record<string, unknown>, string, string[]]>([
    [
      "an AWS network block larger than /16",
      { ...oregon(), network: network("10.0.0.0/15", [["us-west-2a", "10.0.0.0/16"]]) },
      "dev",
      [
        '  - sovereign-dc:network.cidr: received "10.0.0.0/15"; expected a block from /16 to /28, the sizes an AWS VPC takes.',
      ],
    ],
    [
      "an AWS zone block smaller than /28",
      { ...oregon(), network: network("10.0.0.0/24", [["us-west-2a", "10.0.0.0/29"]]) },
      "dev",
      [
        '  - sovereign-dc:network.zones[0].cidr: received "10.0.0.0/29"; expected a block from /16 to /28, the sizes an AWS subnet takes.',
      ],
    ],
    [
      "Alibaba Cloud vSwitch blocks smaller than /29 and larger than /16",
      {
        ...shanghai(),
        network: network("10.0.0.0/8", [
          ["cn-shanghai-e", "10.0.0.0/30"],
          ["cn-shanghai-f", "10.2.0.0/15"],
        ]),
      },
      "dev",
      [
        '  - sovereign-dc:network.zones[0].cidr: received "10.0.0.0/30"; expected a block from /16 to /29, the sizes an Alibaba Cloud vSwitch takes.',
        '  - sovereign-dc:network.zones[1].cidr: received "10.2.0.0/15"; expected a block from /16 to /29, the sizes an Alibaba Cloud vSwitch takes.',
      ],
    ],
    [
      "an AWS network in public address space",
      { ...oregon(), network: network("203.0.113.0/24", [["us-west-2a", "203.0.113.0/26"]]) },
      "dev",
      [
        `  - sovereign-dc:network.cidr: received "203.0.113.0/24"; expected a block of private address space (${privateSpace}); the stack's own rules to and from a public block would be paths to the internet.`,
      ],
    ],
    [
      "an Alibaba Cloud network in the shared address space",
      { ...shanghai(), network: network("100.64.0.0/16", [["cn-shanghai-e", "100.64.1.0/24"]]) },
      "dev",
      [
        `  - sovereign-dc:network.cidr: received "100.64.0.0/16"; expected a block of private address space (${privateSpace}); the stack's own rules to and from a public block would be paths to the internet.`,
      ],
    ],
    [
      "an AWS bucket named like the stack's flow-log bucket",
      { ...oregon(), buckets: [bucket("telemetry"), bucket("flow-logs")] },
      "dev",
      [
        '  - sovereign-dc:buckets[1].name: received "flow-logs"; expected a name other than access-logs and flow-logs, which the aws stack uses for its log buckets.',
      ],
    ],
    [
      "an Alibaba Cloud bucket named like the stack's access-log bucket",
      { ...shanghai(), buckets: [bucket("access-logs")] },
      "dev",
      [
        '  - sovereign-dc:buckets[0].name: received "access-logs"; expected a name other than access-logs, which the alicloud stack uses for its log buckets.',
      ],
    ],
    [
      "an AWS bucket name with a prefix S3 reserves",
      { ...oregon(), buckets: [bucket("xn--records")] },
      "dev",
      [
        '  - sovereign-dc:buckets[0].name: received "xn--records"; expected a name that does not start with a prefix S3 reserves (xn--, sthree-, amzn-s3-demo-).',
      ],
    ],
    [
      "an Alibaba Cloud bucket whose OSS name passes 63 characters",
      { ...shanghai(), buckets: [bucket("customer-contracts-and-invoices")] },
      "cn-beijing-production",
      [
        `  - sovereign-dc:buckets[0].name: received "customer-contracts-and-invoices"; expected a name that makes "sovereign-dc-cn-beijing-production-customer-contracts-and-invoices" a valid OSS bucket name (${ossRule}); shorten the name or the stack's.`,
      ],
    ],
    [
      "an Alibaba Cloud stack whose name OSS cannot take, once, not once per bucket",
      { ...shanghai(), buckets: [bucket("telemetry")] },
      "Prod_1",
      [
        `  - stack name: received "Prod_1"; expected a stack name that makes its log bucket "sovereign-dc-Prod_1-access-logs" a valid OSS bucket name (${ossRule}).`,
      ],
    ],
    [
      "an AWS cluster in a network of one zone",
      {
        ...oregon(),
        kubernetes: {
          version: "1.33",
          nodePools: [
            { name: "general", instanceType: "m6i.xlarge", size: { min: 1, max: 2, desired: 1 } },
          ],
        },
      },
      "dev",
      [
        '  - sovereign-dc:network.zones: received [{"zone":"us-west-2a","cidr":"10.30.1.0/24"}]; expected at least two zones when the stack has a cluster on aws: EKS places its control plane\'s network interfaces in subnets of two Availability Zones.',
      ],
    ],
    [
      "an AWS allowlist that needs more than 20 network ACL rules",
      { ...oregon(), egress: partners(5) },
      "dev",
      [
        "  - sovereign-dc:egress: received \"5 entries, 22 network ACL rules in one direction\"; expected at most 20 network ACL rules per direction, AWS's default quota (two are the stack's own, each contiguous run of an entry's ports one more); merge ports into runs or destinations into wider blocks.",
      ],
    ],
  ])("refuses %s", (_name, raw, stack, expected) => {
    try {
      validateStackSpec(raw, stack);
    } catch (e) {
      expect(e).toBeInstanceOf(StackSpecError);
      expect((e as Error).message.split("\n").slice(1)).toEqual(expected);
      return;
    }
    throw new Error("expected the spec to be refused");
  });

  it("counts the project's own name in an OSS bucket's, as the stack builds it", () => {
    const raw = { ...shanghai(), buckets: [bucket("customer-contracts-and-invoi")] };
    expect(() => validateStackSpec(raw, "cn-beijing-production")).not.toThrow();
    expect(() => validateStackSpec(raw, "cn-beijing-production", "sovereign-dc-platform")).toThrow(
      'sovereign-dc:buckets[0].name: received "customer-contracts-and-invoi"; expected a name that makes "sovereign-dc-platform-cn-beijing-production-customer-contracts-and-invoi" a valid OSS bucket name',
    );
  });

  test.each<[string, Record<string, unknown>, string]>([
    [
      "an AWS network of /16 with a zone of /28",
      { ...oregon(), network: network("10.0.0.0/16", [["us-west-2a", "10.0.0.0/28"]]) },
      "dev",
    ],
    [
      "an Alibaba Cloud network of /8 with vSwitches of /16 and /29",
      {
        ...shanghai(),
        network: network("10.0.0.0/8", [
          ["cn-shanghai-e", "10.0.0.0/29"],
          ["cn-shanghai-f", "10.2.0.0/16"],
        ]),
      },
      "dev",
    ],
    [
      "networks in each private space",
      { ...oregon(), network: network("172.16.0.0/16", [["us-west-2a", "172.16.0.0/24"]]) },
      "dev",
    ],
    [
      "the other private space",
      { ...shanghai(), network: network("192.168.0.0/16", [["cn-shanghai-e", "192.168.0.0/24"]]) },
      "dev",
    ],
    [
      "an Alibaba Cloud bucket named flow-logs (only the AWS stack keeps that name)",
      { ...shanghai(), buckets: [bucket("flow-logs")] },
      "dev",
    ],
    [
      "an Alibaba Cloud bucket whose OSS name is 63 characters",
      { ...shanghai(), buckets: [bucket("customer-contracts-and-invoi")] },
      "cn-beijing-production",
    ],
    [
      "an AWS allowlist of 20 network ACL rules",
      {
        ...oregon(),
        egress: [
          ...partners(4),
          { cidr: "192.0.2.80/28", ports: [443, 8443], protocol: "tcp", reason: "Partner site 5" },
        ],
      },
      "dev",
    ],
  ])("accepts %s", (_name, raw, stack) => {
    expect(() => validateStackSpec(raw, stack)).not.toThrow();
  });
});
