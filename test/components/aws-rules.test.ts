/**
 * The pure parts of the AWS components: the rules, policies and names they write, and the
 * validation that runs before any resource is declared. No Pulumi runtime is involved.
 */
import fc from "fast-check";
import {
  allowedFlows,
  egressGuardRules,
  endpointServiceName,
  portRanges,
  ruleDescription,
  s3EndpointPolicy,
  sealedBucketPolicy,
  sealedKeyPolicy,
  sealedNetworkAcl,
  validateEgressGuardArgs,
  validateSealedBucketArgs,
  validateSealedKeyArgs,
  validateSealedNetworkArgs,
  type SealedBucketArgs,
  type SealedNetworkArgs,
} from "../../components/aws";
import { type EgressRule, validateStackSpec } from "../../residency/spec";
import { validateAwsStackSpec } from "../../stacks/aws";

const account = "111122223333";

/** The full message of the error `fn` throws, so a test compares every line of it. */
function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error, but none was thrown");
}

describe("endpointServiceName", () => {
  test.each([
    ["us-west-2", "s3", "com.amazonaws.us-west-2.s3"],
    ["us-west-2", "kms", "com.amazonaws.us-west-2.kms"],
    ["us-west-2", "sts", "com.amazonaws.us-west-2.sts"],
    ["us-gov-west-1", "sts", "com.amazonaws.us-gov-west-1.sts"],
    // AWS China prefixes the S3 and STS interface services with cn, but not KMS; its
    // com.amazonaws.<region>.s3 is the gateway service, which the stack does not use.
    ["cn-northwest-1", "s3", "cn.com.amazonaws.cn-northwest-1.s3"],
    ["cn-northwest-1", "kms", "com.amazonaws.cn-northwest-1.kms"],
    ["cn-northwest-1", "sts", "cn.com.amazonaws.cn-northwest-1.sts"],
    ["cn-north-1", "s3", "cn.com.amazonaws.cn-north-1.s3"],
    ["cn-north-1", "kms", "com.amazonaws.cn-north-1.kms"],
    ["cn-north-1", "sts", "cn.com.amazonaws.cn-north-1.sts"],
    // The endpoints of Kubernetes nodes: EC2 and ECR take the cn prefix in China, Logs does not.
    ["us-west-2", "ecr.dkr", "com.amazonaws.us-west-2.ecr.dkr"],
    ["cn-northwest-1", "ec2", "cn.com.amazonaws.cn-northwest-1.ec2"],
    ["cn-northwest-1", "ecr.api", "cn.com.amazonaws.cn-northwest-1.ecr.api"],
    ["cn-northwest-1", "ecr.dkr", "cn.com.amazonaws.cn-northwest-1.ecr.dkr"],
    ["cn-northwest-1", "logs", "com.amazonaws.cn-northwest-1.logs"],
  ] as const)("names %s %s %s", (region, service, expected) => {
    expect(endpointServiceName(region, service)).toBe(expected);
  });
});

describe("allowlist flows", () => {
  test("merges contiguous ports into ranges", () => {
    expect(portRanges([8081, 443, 80, 8080, 443])).toEqual([
      { fromPort: 80, toPort: 80 },
      { fromPort: 443, toPort: 443 },
      { fromPort: 8080, toPort: 8081 },
    ]);
  });

  test("keeps a flow listed twice once, with its first reason", () => {
    expect(
      allowedFlows([
        { cidr: "10.1.0.0/16", ports: [443], protocol: "tcp", reason: "first" },
        { cidr: "10.1.0.0/16", ports: [443, 53], protocol: "tcp", reason: "second" },
      ]),
    ).toEqual([
      { protocol: "tcp", fromPort: 443, toPort: 443, cidr: "10.1.0.0/16", reason: "first" },
      { protocol: "tcp", fromPort: 53, toPort: 53, cidr: "10.1.0.0/16", reason: "second" },
    ]);
  });
});

describe("sealedNetworkAcl", () => {
  test("allows only endpoint HTTPS inside the VPC when the allowlist is empty", () => {
    expect(sealedNetworkAcl("10.30.0.0/16", [])).toEqual({
      egress: [
        {
          ruleNo: 100,
          action: "allow",
          protocol: "tcp",
          cidrBlock: "10.30.0.0/16",
          fromPort: 443,
          toPort: 443,
        },
        {
          ruleNo: 110,
          action: "allow",
          protocol: "tcp",
          cidrBlock: "10.30.0.0/16",
          fromPort: 1024,
          toPort: 65535,
        },
      ],
      ingress: [
        {
          ruleNo: 100,
          action: "allow",
          protocol: "tcp",
          cidrBlock: "10.30.0.0/16",
          fromPort: 443,
          toPort: 443,
        },
        {
          ruleNo: 110,
          action: "allow",
          protocol: "tcp",
          cidrBlock: "10.30.0.0/16",
          fromPort: 1024,
          toPort: 65535,
        },
      ],
    });
  });

  test("adds each allowlisted flow outbound and its replies inbound", () => {
    const acl = sealedNetworkAcl("10.30.0.0/16", [
      { cidr: "10.30.0.0/16", ports: [443], protocol: "tcp", reason: "endpoints, already allowed" },
      { cidr: "192.168.10.0/24", ports: [53], protocol: "udp", reason: "on-premises DNS" },
      { cidr: "192.168.20.0/24", ports: [5432, 5433], protocol: "tcp", reason: "replica" },
    ]);
    expect(acl.egress.slice(2)).toEqual([
      {
        ruleNo: 120,
        action: "allow",
        protocol: "udp",
        cidrBlock: "192.168.10.0/24",
        fromPort: 53,
        toPort: 53,
      },
      {
        ruleNo: 130,
        action: "allow",
        protocol: "tcp",
        cidrBlock: "192.168.20.0/24",
        fromPort: 5432,
        toPort: 5433,
      },
    ]);
    expect(acl.ingress.slice(2)).toEqual([
      {
        ruleNo: 120,
        action: "allow",
        protocol: "udp",
        cidrBlock: "192.168.10.0/24",
        fromPort: 1024,
        toPort: 65535,
      },
      {
        ruleNo: 130,
        action: "allow",
        protocol: "tcp",
        cidrBlock: "192.168.20.0/24",
        fromPort: 1024,
        toPort: 65535,
      },
    ]);
  });

  const cidrArb = fc
    .tuple(
      fc.integer({ min: 1, max: 223 }),
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 8, max: 24 }),
    )
    .map(([a, b, bits]) => {
      const addr = ((a << 24) | (b << 16)) >>> 0;
      const masked = (addr & (~0 << (32 - bits))) >>> 0;
      return `${[24, 16, 8, 0].map((s) => (masked >>> s) & 255).join(".")}/${bits}`;
    });
  const ruleArb: fc.Arbitrary<EgressRule> = fc.record({
    cidr: cidrArb,
    ports: fc.array(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 4 }),
    protocol: fc.constantFrom("tcp" as const, "udp" as const),
    reason: fc.constant("because"),
  });

  test("never allows a destination outside the VPC and the allowlist, and covers every allowed port", () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { maxLength: 8 }), (rules) => {
        const vpc = "10.30.0.0/16";
        const acl = sealedNetworkAcl(vpc, rules);
        const allowedCidrs = new Set([vpc, ...rules.map((r) => r.cidr)]);
        for (const dir of [acl.egress, acl.ingress]) {
          // The VPC's HTTPS and its replies come first, whatever the allowlist holds.
          expect(dir.length).toBeGreaterThanOrEqual(2);
          expect(dir.map((r) => r.ruleNo)).toEqual(dir.map((_, i) => 100 + 10 * i));
          for (const r of dir) {
            expect(r.action).toBe("allow");
            expect(["tcp", "udp"]).toContain(r.protocol);
            expect(1 <= r.fromPort && r.fromPort <= r.toPort && r.toPort <= 65535).toBe(true);
            expect(allowedCidrs.has(r.cidrBlock)).toBe(true);
            expect(r.cidrBlock.endsWith("/0")).toBe(false);
          }
        }
        // Toward the allowlist, egress opens exactly the listed ports: no port in a range that
        // no entry for that destination and protocol lists.
        for (const r of acl.egress.filter((e) => e.cidrBlock !== vpc)) {
          const listed = new Set(
            rules
              .filter((x) => x.cidr === r.cidrBlock && x.protocol === r.protocol)
              .flatMap((x) => x.ports),
          );
          // One assertion for the range: an expect per port costs more than the rest of the run.
          const unlisted = Array.from(
            { length: r.toPort - r.fromPort + 1 },
            (_, i) => r.fromPort + i,
          ).filter((port) => !listed.has(port));
          expect(unlisted).toEqual([]);
        }
        for (const rule of rules) {
          for (const port of rule.ports) {
            const covered = acl.egress.some(
              (r) =>
                r.protocol === rule.protocol &&
                r.cidrBlock === rule.cidr &&
                r.fromPort <= port &&
                port <= r.toPort,
            );
            expect(covered).toBe(true);
          }
        }
      }),
    );
  });

  test("writes the same allowlist into the security group as into the ACL", () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { maxLength: 8 }), (rules) => {
        const vpc = "10.30.0.0/16";
        const aclFlows = sealedNetworkAcl(vpc, rules)
          .egress.filter((r) => r.cidrBlock !== vpc)
          .map((r) => `${r.protocol} ${r.fromPort}-${r.toPort} ${r.cidrBlock}`);
        const sgRules = egressGuardRules(rules);
        for (const r of sgRules) {
          expect(1 <= r.fromPort && r.fromPort <= r.toPort && r.toPort <= 65535).toBe(true);
          expect(r.description).not.toBe("");
        }
        const sgFlows = sgRules
          .filter((r) => r.cidrIpv4 !== vpc)
          .map((r) => `${r.ipProtocol} ${r.fromPort}-${r.toPort} ${r.cidrIpv4}`);
        expect(sgFlows).toEqual(aclFlows);
      }),
    );
  });
});

describe("egressGuardRules", () => {
  test("names each rule by what it allows, so reordering the allowlist replaces nothing", () => {
    expect(
      egressGuardRules([
        { cidr: "192.168.10.0/24", ports: [53], protocol: "udp", reason: "DNS on-premises" },
        { cidr: "192.168.20.0/24", ports: [5433, 5432], protocol: "tcp", reason: "Replica's port" },
      ]),
    ).toEqual([
      {
        suffix: "udp-53-to-192-168-10-0-24",
        ipProtocol: "udp",
        fromPort: 53,
        toPort: 53,
        cidrIpv4: "192.168.10.0/24",
        description: "DNS on-premises",
      },
      {
        suffix: "tcp-5432-5433-to-192-168-20-0-24",
        ipProtocol: "tcp",
        fromPort: 5432,
        toPort: 5433,
        cidrIpv4: "192.168.20.0/24",
        description: "Replica s port",
      },
    ]);
  });

  test("turns a free-text reason into a description EC2 accepts", () => {
    expect(ruleDescription("Intranet endpoints — OSS & KMS (Alibaba Cloud's)")).toBe(
      "Intranet endpoints OSS & KMS (Alibaba Cloud s)",
    );
    expect(ruleDescription("x".repeat(300))).toHaveLength(255);
  });
});

describe("sealedKeyPolicy", () => {
  test("delegates to the stack's account only", () => {
    expect(
      sealedKeyPolicy({
        partition: "aws",
        accountId: account,
        region: "us-west-2",
        allowLogDelivery: false,
      }),
    ).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AccountAdministersAndUsesKey",
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::111122223333:root" },
          Action: "kms:*",
          Resource: "*",
        },
      ],
    });
  });

  test("lets the account's log services encrypt their writes when asked", () => {
    const policy = sealedKeyPolicy({
      partition: "aws-cn",
      accountId: account,
      region: "cn-northwest-1",
      allowLogDelivery: true,
    });
    expect(policy.Statement.slice(1)).toEqual([
      {
        Sid: "S3ServerAccessLogDeliveryEncrypts",
        Effect: "Allow",
        Principal: { Service: "logging.s3.amazonaws.com" },
        Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
        Resource: "*",
        Condition: { StringEquals: { "aws:SourceAccount": account } },
      },
      {
        Sid: "VpcFlowLogDeliveryEncrypts",
        Effect: "Allow",
        Principal: { Service: "delivery.logs.amazonaws.com" },
        Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
        Resource: "*",
        Condition: {
          StringEquals: { "aws:SourceAccount": account },
          ArnLike: { "aws:SourceArn": "arn:aws-cn:logs:cn-northwest-1:111122223333:*" },
        },
      },
    ]);
  });
});

describe("s3EndpointPolicy", () => {
  test("reaches only the account's own buckets", () => {
    expect(s3EndpointPolicy(account)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "OnlyThisAccountsBuckets",
          Effect: "Allow",
          Principal: "*",
          Action: "s3:*",
          Resource: "*",
          Condition: { StringEquals: { "aws:ResourceAccount": account } },
        },
      ],
    });
  });
});

describe("sealedBucketPolicy", () => {
  const base = {
    partition: "aws",
    bucketName: "telemetry-111122223333-us-west-2",
    accountId: account,
    region: "us-west-2",
    vpcEndpointId: "vpce-0123",
  };
  const bucketArn = "arn:aws:s3:::telemetry-111122223333-us-west-2";

  test("denies plain HTTP and object access from outside the endpoint, and nothing else", () => {
    expect(sealedBucketPolicy(base)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: [bucketArn, `${bucketArn}/*`],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
          Sid: "DenyObjectAccessOutsideVpcEndpoint",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: `${bucketArn}/*`,
          Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-0123" } },
        },
        {
          Sid: "DenyListingOutsideVpcEndpoint",
          Effect: "Deny",
          Principal: "*",
          Action: ["s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads"],
          Resource: bucketArn,
          Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-0123" } },
        },
      ],
    });
  });
});

const networkArgs: SealedNetworkArgs = {
  region: "us-west-2",
  accountId: account,
  cidr: "10.30.0.0/16",
  zones: [
    { zone: "us-west-2a", cidr: "10.30.1.0/24" },
    { zone: "us-west-2b", cidr: "10.30.2.0/24" },
  ],
};

describe("validateSealedNetworkArgs", () => {
  test("accepts the us-west network", () => {
    expect(() => validateSealedNetworkArgs("network", networkArgs)).not.toThrow();
  });

  test.each<[string, Partial<SealedNetworkArgs>, string]>([
    [
      "a zone outside the region",
      { zones: [{ zone: "us-east-1a", cidr: "10.30.1.0/24" }] },
      '  - zones[0].zone: received "us-east-1a"; expected an availability zone of region us-west-2, such as us-west-2a.',
    ],
    [
      "an Alibaba-style zone ID",
      { zones: [{ zone: "us-west-2-a", cidr: "10.30.1.0/24" }] },
      '  - zones[0].zone: received "us-west-2-a"; expected an availability zone of region us-west-2, such as us-west-2a.',
    ],
    [
      "the same zone twice",
      {
        zones: [
          { zone: "us-west-2a", cidr: "10.30.1.0/24" },
          { zone: "us-west-2a", cidr: "10.30.2.0/24" },
        ],
      },
      '  - zones[1].zone: received "us-west-2a"; expected each zone once; this zone is already listed.',
    ],
    [
      "a subnet outside the VPC",
      { zones: [{ zone: "us-west-2a", cidr: "10.31.1.0/24" }] },
      '  - zones[0].cidr: received "10.31.1.0/24"; expected a block inside the VPC block 10.30.0.0/16.',
    ],
    [
      "overlapping subnets",
      {
        zones: [
          { zone: "us-west-2a", cidr: "10.30.0.0/20" },
          { zone: "us-west-2b", cidr: "10.30.1.0/24" },
        ],
      },
      '  - zones[1].cidr: received "10.30.1.0/24"; expected a block that does not overlap zones[0].cidr (10.30.0.0/20).',
    ],
    [
      "a VPC larger than AWS allows",
      { cidr: "10.0.0.0/8", zones: [{ zone: "us-west-2a", cidr: "10.30.1.0/24" }] },
      '  - cidr: received "10.0.0.0/8"; expected a block from /16 to /28, the sizes AWS allows in a VPC.',
    ],
    [
      "an internet-wide egress destination",
      { egress: [{ cidr: "0.0.0.0/0", ports: [443], protocol: "tcp", reason: "updates" }] },
      '  - egress[0].cidr: received "0.0.0.0/0"; expected a bounded destination; 0.0.0.0/0 is the whole internet and cannot be allowlisted.',
    ],
    [
      "a region that is not an AWS region ID",
      { region: "US West", zones: [] },
      '  - region: received "US West"; expected an AWS region ID such as us-west-2 or cn-northwest-1.\n' +
        "  - zones: received []; expected at least one availability zone.",
    ],
    [
      "more network ACL rules than the quota",
      {
        egress: [1, 2, 3].map((i) => ({
          cidr: `192.168.${i}.0/24`,
          ports: [22, 80, 443],
          protocol: "tcp" as const,
          reason: "servers",
        })),
        aclRuleQuota: 10,
      },
      '  - egress: received "11 network ACL rules in one direction"; expected at most 10 network ACL rules per direction; merge ports into ranges or destinations into wider blocks, or raise the account\'s "Rules per network ACL" quota and aclRuleQuota.',
    ],
  ])("rejects %s", (_, change, issues) => {
    expect(thrown(() => validateSealedNetworkArgs("network", { ...networkArgs, ...change }))).toBe(
      `Invalid SealedNetwork args for "network":\n${issues}`,
    );
  });
});

describe("validateSealedKeyArgs", () => {
  const keyArgs = { accountId: account, region: "us-west-2" };

  test.each<[string, object, string]>([
    [
      "a deletion window AWS KMS does not accept",
      { deletionWindowDays: 31 },
      "  - deletionWindowDays: received 31; expected a whole number from 7 to 30.",
    ],
    [
      "a rotation period AWS KMS does not accept",
      { rotationDays: 60 },
      "  - rotationDays: received 60; expected a whole number from 90 to 2560.",
    ],
    [
      "an alias in the namespace AWS reserves",
      { aliasName: "alias/aws/s3" },
      '  - aliasName: received "alias/aws/s3"; expected a name outside alias/aws/, which AWS reserves.',
    ],
    [
      "an alias without the alias/ prefix",
      { aliasName: "sovereign-dc" },
      '  - aliasName: received "sovereign-dc"; expected alias/ followed by 1-250 letters, digits, slashes, underscores or hyphens.',
    ],
    [
      "an account ID that is not 12 digits",
      { accountId: "1111-2222-3333" },
      '  - accountId: received "1111-2222-3333"; expected a 12-digit AWS account ID.',
    ],
  ])("rejects %s", (_, change, issues) => {
    expect(thrown(() => validateSealedKeyArgs("key", { ...keyArgs, ...change }))).toBe(
      `Invalid SealedKey args for "key":\n${issues}`,
    );
  });
});

describe("validateSealedBucketArgs", () => {
  const bucketArgs: SealedBucketArgs = {
    bucketName: "telemetry-111122223333-us-west-2",
    accountId: account,
    region: "us-west-2",
    vpcEndpointId: "vpce-0123",
    retentionDays: 365,
    kmsKeyArn: "arn:aws:kms:us-west-2:111122223333:key/1234",
    accessLogBucket: "access-logs-111122223333-us-west-2",
  };

  test.each<[string, Partial<SealedBucketArgs>, string]>([
    [
      "a name longer than S3 allows",
      { bucketName: `telemetry-${"x".repeat(60)}` },
      `  - bucketName: received "telemetry-${"x".repeat(60)}"; expected 3-63 lowercase letters, digits or hyphens, starting and ending with a letter or digit.`,
    ],
    [
      "a name with a suffix S3 reserves",
      { bucketName: "telemetry-s3alias" },
      '  - bucketName: received "telemetry-s3alias"; expected a name without the prefixes xn--, sthree-, amzn-s3-demo- and the suffixes -s3alias, --ol-s3, --x-s3, --table-s3, which S3 reserves.',
    ],
    [
      "a bucket without the stack's key",
      { kmsKeyArn: undefined as unknown as string },
      "  - kmsKeyArn: received nothing (the key is missing); expected the ARN of the stack's KMS key.",
    ],
    [
      "a key from another region",
      { kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/1234" },
      '  - kmsKeyArn: received "arn:aws:kms:eu-west-1:111122223333:key/1234"; expected the ARN of a KMS key in the stack\'s region, starting arn:aws:kms:us-west-2:.',
    ],
    [
      "a data bucket that does not log its access",
      { accessLogBucket: undefined },
      "  - accessLogBucket: received nothing (the key is missing); expected the name of the stack's server-access-log bucket.",
    ],
    [
      "an access-log bucket that logs its own access",
      { logDelivery: "s3-server-access-logs" },
      '  - accessLogBucket: received "access-logs-111122223333-us-west-2"; expected no target on the server-access-log bucket; logging it into itself loops.',
    ],
    [
      "a retention of zero days",
      { retentionDays: 0 },
      "  - retentionDays: received 0; expected a whole number from 1 to 36500.",
    ],
  ])("rejects %s", (_, change, issues) => {
    expect(thrown(() => validateSealedBucketArgs("telemetry", { ...bucketArgs, ...change }))).toBe(
      `Invalid SealedBucket args for "telemetry":\n${issues}`,
    );
  });
});

describe("validateEgressGuardArgs", () => {
  test("rejects every malformed allowlist entry at once", () => {
    expect(
      thrown(() =>
        validateEgressGuardArgs("egress", {
          vpcId: "vpc-1",
          egress: [
            { cidr: "10.1.2.3/16", ports: [0, 443], protocol: "icmp" as "tcp", reason: " " },
          ],
        }),
      ),
    ).toBe(
      'Invalid EgressGuard args for "egress":\n' +
        '  - egress[0].cidr: received "10.1.2.3/16"; expected a CIDR whose host bits are zero (did you mean 10.1.0.0/16?).\n' +
        '  - egress[0].protocol: received "icmp"; expected "tcp" or "udp".\n' +
        "  - egress[0].ports[0]: received 0; expected a port number from 1 to 65535.\n" +
        '  - egress[0].reason: received " "; expected a non-empty justification of why this destination is needed.',
    );
  });
});

describe("AWS stack config", () => {
  const raw = {
    cloud: "aws",
    region: "us-west-2",
    jurisdiction: "US",
    accountId: account,
    network: { cidr: "10.30.0.0/16", zones: [{ zone: "us-west-2a", cidr: "10.30.1.0/24" }] },
  };

  test("rejects an availability zone of another region before anything is built", () => {
    expect(
      thrown(() =>
        validateStackSpec({
          ...raw,
          network: { cidr: "10.30.0.0/16", zones: [{ zone: "us-east-1a", cidr: "10.30.1.0/24" }] },
        }),
      ),
    ).toBe(
      "Invalid stack config:\n" +
        '  - sovereign-dc:network.zones[0].zone: received "us-east-1a"; expected a zone of region us-west-2, such as us-west-2a.',
    );
  });

  test("rejects a spec without the account the stack is pinned to", () => {
    const spec = { ...validateStackSpec(raw), accountId: undefined };
    expect(thrown(() => validateAwsStackSpec(spec))).toBe(
      "Invalid stack config:\n" +
        "  - sovereign-dc:accountId: received nothing (the key is missing); expected the 12-digit AWS account ID the stack is pinned to (required when cloud is aws).",
    );
  });

  test("returns the account a valid AWS spec is pinned to", () => {
    expect(validateAwsStackSpec(validateStackSpec(raw))).toBe(account);
  });
});
