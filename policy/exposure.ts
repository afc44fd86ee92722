/**
 * Public exposure: anything that lets the stack's data be read from anywhere — public bucket
 * ACLs and policies, ingress from any address, databases and load balancers with internet
 * endpoints, images and snapshots shared with everyone, unauthenticated function URLs
 * (shared/research/data-paths.md §3 "Object storage", "Load balancers", "DB public endpoints",
 * "NAT / internet egress" `forwardEntry`; §4 "Object storage", "Load balancers / public
 * endpoints", "Image sharing", "Egress control" ingress rules; §6.6).
 *
 * Exposure is an ingress path: a reader abroad can pull the data through it. A public ACL or
 * policy is a violation even where a public-access block would override it — the declared intent
 * is the problem, and the block may be removed later on its own.
 */
import { resourceLabel } from "../residency/placement";
import { isAnywhere, reachOfAddress } from "./paths/addresses";
import { type EgressAllowEntry, type PolicyContext, residencyResourcePolicy } from "./framework";
import { isPublic, statements } from "./paths/iam";
import { byType } from "./paths/types";
import { publicView } from "./paths/views";
import { isTrue, jsonDocument, str, unknown, valueAt, valuesAt } from "./values";

/** One way a resource is reachable from anywhere; completes "…, but <path> <what>." */
export interface Exposure {
  readonly path: string;
  readonly what: string;
}

interface ExposureModel {
  readonly type: string;
  readonly check: (props: Record<string, unknown>, ctx: PolicyContext) => Exposure[];
  readonly fix: string;
}

/** Values at a path that equal one of `bad` (case-insensitive). */
function valueIn(path: string, bad: readonly string[], what: string) {
  return (props: Record<string, unknown>): Exposure[] =>
    valuesAt(props, path)
      .filter((f) => f.value === unknown || bad.includes(String(f.value).toLowerCase()))
      .map((f) => ({
        path: f.path,
        what:
          f.value === unknown
            ? "is not known at preview, so whether it is public cannot be decided"
            : `is ${JSON.stringify(f.value)}: ${what}`,
      }));
}

/** A flag at a path that is set (true, or absent when `absentMeans` is true). */
function flagged(path: string, what: string, absentMeans = false) {
  return (props: Record<string, unknown>): Exposure[] => {
    const v = valueAt(props, path);
    if (v === unknown) {
      return [{ path, what: "is not known at preview, so whether it is public cannot be decided" }];
    }
    const on = v === undefined ? absentMeans : isTrue(v);
    return on
      ? [
          {
            path,
            what: `${v === undefined ? "is not set (defaults to public)" : "is set"}: ${what}`,
          },
        ]
      : [];
  };
}

function policyAt(path: string) {
  return (props: Record<string, unknown>): Exposure[] => {
    const raw = valueAt(props, path);
    if (raw === undefined) {
      return [];
    }
    const doc = jsonDocument(raw);
    if (raw === unknown || doc === unknown) {
      return [{ path, what: "is not known at preview, so whether it is public cannot be decided" }];
    }
    return statements(doc)
      .filter(isPublic)
      .map((s) => ({
        path: `${path}.Statement[${s.index}]`,
        what: 'allows Principal "*" and no condition limits it to named networks, addresses, accounts or organisations: anyone on the internet can use it',
      }));
  };
}

/** Ingress sources that are neither private nor allowlisted. */
function openSources(paths: readonly string[], when?: (holder: unknown) => boolean) {
  return (props: Record<string, unknown>, ctx: PolicyContext): Exposure[] =>
    paths.flatMap((path) =>
      valuesAt(props, path)
        .filter((f) => !when || when(f.holder))
        .flatMap((f) => openSource(f.path, f.value, ctx.settings.egressAllowlist)),
    );
}

function openSource(
  path: string,
  value: unknown,
  allowlist: readonly EgressAllowEntry[],
): Exposure[] {
  if (value === unknown) {
    return [
      {
        path,
        what: "is not known at preview, so whether it admits the internet cannot be decided",
      },
    ];
  }
  return String(value)
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c !== "")
    .filter((c) => reachOfAddress(c, allowlist).kind === "internet")
    .map((c) => ({
      path,
      what: isAnywhere(c)
        ? `admits ${c}: every address on the internet`
        : `admits ${c}, a public range that is not in the allowlist`,
    }));
}

const ingressFix =
  "Admit only private ranges (the VPC) or allowlisted sources; never 0.0.0.0/0 or ::/0.";

function all(...checks: Array<(p: Record<string, unknown>, c: PolicyContext) => Exposure[]>) {
  return (p: Record<string, unknown>, c: PolicyContext) => checks.flatMap((ch) => ch(p, c));
}

function ruleIs(key: string, value: string, absent = false) {
  return (holder: unknown): boolean => {
    const v = valueAt(holder, key);
    return v === undefined ? absent : String(v).toLowerCase() === value;
  };
}

/**
 * Public unless the value at `path` is one of `privateValues` (case-insensitive); absent means
 * the service's default, `absentIs`, which is public.
 */
function publicUnless(
  path: string,
  privateValues: readonly string[],
  absentIs: string,
  what: string,
) {
  return (props: Record<string, unknown>): Exposure[] => {
    const v = valueAt(props, path);
    if (v === unknown) {
      return [{ path, what: "is not known at preview, so whether it is public cannot be decided" }];
    }
    if (v !== undefined && privateValues.includes(String(v).toLowerCase())) {
      return [];
    }
    return [
      {
        path,
        what: `${v === undefined ? `is not set (defaults to ${absentIs})` : `is ${JSON.stringify(v)}`}: ${what}`,
      },
    ];
  };
}

/**
 * A public endpoint switched on by the flag at `path` (or by its absence when `absentMeans` is
 * true) and narrowed by the address whitelist at `whitelist`: a whitelist of private or
 * allowlisted sources admits no one else, and an empty one leaves the endpoint to the service's
 * default, which the pack cannot read — so it counts as open.
 */
function publicEndpoint(path: string, whitelist: string, what: string, absentMeans = false) {
  return (props: Record<string, unknown>, ctx: PolicyContext): Exposure[] => {
    const v = valueAt(props, path);
    if (v === unknown) {
      return [{ path, what: "is not known at preview, so whether it is public cannot be decided" }];
    }
    if (!(v === undefined ? absentMeans : isTrue(v))) {
      return [];
    }
    const list = valueAt(props, whitelist);
    if (list === unknown) {
      return [
        {
          path: whitelist,
          what: "is not known at preview, so whom the public endpoint admits cannot be decided",
        },
      ];
    }
    if (Array.isArray(list) && list.length > 0) {
      return openSources([`${whitelist}[]`])(props, ctx);
    }
    const state = v === undefined ? "is not set (defaults to public)" : "is set";
    return [{ path, what: `${state}: ${what}, and no ${whitelist} narrows whom it admits` }];
  };
}

/** `securityIps[]`, `dbInstanceIpArrays[].securityIps` → `securityIps`, `dbInstanceIpArrays.securityIps`. */
function fieldNames(paths: readonly string[]): string {
  return paths.map((p) => p.replace(/\[\]/g, "")).join(" and ");
}

/**
 * A data service's IP whitelist — who may connect to the instance: every source in it that is
 * neither private nor allowlisted reaches the data from the internet. `applies` keeps to the
 * whitelists that admit anyone (an ACL that allows rather than denies, a Kafka whitelist of the
 * internet port rather than the VPC one); one it cannot decide is judged.
 */
function whitelisted(
  type: string,
  paths: readonly string[],
  opts: {
    readonly applies?: (props: Record<string, unknown>) => boolean;
    /** Keeps to the entries that admit (a pg_hba line whose method is not `reject`). */
    readonly entry?: (holder: unknown) => boolean;
  } = {},
): ExposureModel {
  const sources = openSources(paths, opts.entry);
  return {
    type,
    check: (props, ctx) => (!opts.applies || opts.applies(props) ? sources(props, ctx) : []),
    fix: `Whitelist only private ranges (the VPC) or allowlisted sources in ${fieldNames(paths)}.`,
  };
}

/** Whether the value at `path` is not `value` (case-insensitive); unknown or absent is judged. */
function isNot(path: string, value: string) {
  return (holder: unknown): boolean => {
    const v = valueAt(holder, path);
    return v === unknown || v === undefined || String(v).toLowerCase() !== value;
  };
}

/**
 * A public endpoint switched on by the flag at `path` (true, one of `onValues`, or absent when
 * `absentMeans` is true), guarded by the instance's whitelist whose entries are at `sources`.
 * The whitelist is judged whether or not the endpoint is on, as `whitelisted` judges it: it guards
 * every endpoint, and a public one may be added outside the program. An endpoint that is on with
 * no whitelist entry at all is left to the service's default, which the pack cannot read — so
 * it counts as open.
 */
function whitelistedEndpoint(
  path: string,
  sources: string,
  what: string,
  opts: { readonly absentMeans?: boolean; readonly onValues?: readonly string[] } = {},
) {
  const judge = openSources([sources]);
  return (props: Record<string, unknown>, ctx: PolicyContext): Exposure[] => {
    const open = judge(props, ctx);
    const v = valueAt(props, path);
    if (v === unknown) {
      return [
        { path, what: "is not known at preview, so whether it is public cannot be decided" },
        ...open,
      ];
    }
    const on =
      v === undefined
        ? (opts.absentMeans ?? false)
        : isTrue(v) || (opts.onValues ?? []).includes(String(v).toLowerCase());
    const entries = valuesAt(props, sources).filter(
      (f) => f.value === unknown || String(f.value).trim() !== "",
    );
    if (!on || entries.length > 0) {
      return open;
    }
    const state = v === undefined ? "is not set (defaults to public)" : `is ${JSON.stringify(v)}`;
    return [
      {
        path,
        what: `${state}: ${what}, and no ${fieldNames([sources])} entry narrows whom it admits`,
      },
    ];
  };
}

/**
 * A Prometheus instance's or view's password-free access policy, `{"SourceIp": […], "SourceVpc":
 * […]}` (the older API took the addresses one a line): each source address that is neither
 * private nor allowlisted reads or writes the metrics without credentials.
 */
function authFreeSources(...paths: string[]) {
  return (props: Record<string, unknown>, ctx: PolicyContext): Exposure[] =>
    paths.flatMap((path) => {
      const raw = valueAt(props, path);
      if (raw === undefined) {
        return [];
      }
      if (raw === unknown) {
        return [{ path, what: "is not known at preview, so whom it admits cannot be decided" }];
      }
      const doc = jsonDocument(raw);
      if (doc !== null && typeof doc === "object" && !Array.isArray(doc)) {
        return openSources([`${path}.SourceIp[]`])(props, ctx);
      }
      return String(raw)
        .split(/\s+/)
        .flatMap((c) => openSource(path, c, ctx.settings.egressAllowlist));
    });
}

/** The first of `paths` that is set: setting any of them creates what `what` says. */
function given(paths: readonly string[], what: string) {
  return (props: Record<string, unknown>): Exposure[] => {
    for (const path of paths) {
      const v = valueAt(props, path);
      if (v === unknown) {
        return [
          { path, what: "is not known at preview, so whether it is public cannot be decided" },
        ];
      }
      if (v !== undefined && v !== null && v !== "") {
        return [{ path, what: `is set: ${what}` }];
      }
    }
    return [];
  };
}

/** Load balancers whose `internal` flag must be true (absent: internet-facing). */
const internalFlag = (props: Record<string, unknown>): Exposure[] => {
  const v = valueAt(props, "internal");
  return v === true
    ? []
    : [
        {
          path: "internal",
          what:
            v === unknown
              ? "is not known at preview"
              : "is not true: the load balancer faces the internet",
        },
      ];
};

/** Alibaba Classic Load Balancers: the API's default address type is internet. */
const slbAddressType = (props: Record<string, unknown>): Exposure[] =>
  str(valueAt(props, "addressType"))?.toLowerCase() === "intranet"
    ? []
    : [
        {
          path: "addressType",
          what: 'is not "intranet": the load balancer gets a public address',
        },
      ];

/**
 * An OpenSearch or Elasticsearch domain without subnets in `vpcOptions` answers on a public
 * endpoint; with them, its endpoint is an interface in the VPC.
 */
function domainEndpoint(props: Record<string, unknown>): Exposure[] {
  const subnets = valueAt(props, "vpcOptions.subnetIds");
  if (subnets === unknown || valueAt(props, "vpcOptions") === unknown) {
    return [
      {
        path: "vpcOptions.subnetIds",
        what: "is not known at preview, so whether the domain is public cannot be decided",
      },
    ];
  }
  return Array.isArray(subnets) && subnets.length > 0
    ? []
    : [
        {
          path: "vpcOptions.subnetIds",
          what: `${subnets === undefined ? "is not set" : "names no subnet"}: the domain gets a public endpoint on the internet`,
        },
      ];
}

/**
 * Lightsail opens an instance's public ports to the sources each port entry lists; an entry
 * that lists none (no `cidrs`, `ipv6Cidrs` or `cidrListAliases`) is open to every address.
 * `lightsail-connect`, the only alias, admits AWS's browser SSH service from its public ranges.
 */
function lightsailPorts(props: Record<string, unknown>, ctx: PolicyContext): Exposure[] {
  return valuesAt(props, "portInfos[]").flatMap((port): Exposure[] => {
    if (port.value === unknown) {
      return [
        {
          path: port.path,
          what: "is not known at preview, so whether it admits the internet cannot be decided",
        },
      ];
    }
    const sources = ["cidrs[]", "ipv6Cidrs[]", "cidrListAliases[]"].flatMap((k) =>
      valuesAt(port.value, k).map((f) => ({ ...f, path: `${port.path}.${f.path}` })),
    );
    if (sources.length === 0) {
      return [
        {
          path: `${port.path}.cidrs`,
          what: "is not set: the port is open to every address on the internet (0.0.0.0/0 and ::/0)",
        },
      ];
    }
    return sources.flatMap((f) =>
      f.path.includes("cidrListAliases") && f.value !== unknown
        ? [
            {
              path: f.path,
              what: `is ${JSON.stringify(f.value)}: it admits AWS's browser-based SSH service from public ranges worldwide`,
            },
          ]
        : openSource(f.path, f.value, ctx.settings.egressAllowlist),
    );
  });
}

/**
 * A SageMaker human task shows its data items to the work team its `workteamArn` names: the
 * public Mechanical Turk workforce (`workteam/public-crowd/`) and Marketplace vendors
 * (`workteam/vendor/`) work from anywhere; a private work team of the account is the stack's.
 */
function workforce(holder: string) {
  return (props: Record<string, unknown>): Exposure[] => {
    const path = `${holder}.workteamArn`;
    const arn = valueAt(props, path);
    const price = valueAt(props, `${holder}.publicWorkforceTaskPrice`);
    if (arn === unknown) {
      return [{ path, what: "is not known at preview, so who sees the data cannot be decided" }];
    }
    const team = typeof arn === "string" ? /:workteam\/(public-crowd|vendor)\//.exec(arn) : null;
    if (team) {
      return [
        {
          path,
          what: `is ${JSON.stringify(arn)}: ${team[1] === "public-crowd" ? "the public Mechanical Turk workforce" : "a vendor's workforce"}, whose workers anywhere in the world see the data items`,
        },
      ];
    }
    return price !== undefined
      ? [
          {
            path: `${holder}.publicWorkforceTaskPrice`,
            what: "is set: the task is offered to the public Mechanical Turk workforce, whose workers anywhere in the world see the data items",
          },
        ]
      : [];
  };
}

export const exposureModels: readonly ExposureModel[] = [
  // The buckets, their ACLs and policies and S3 access points are rows of the domain tables
  // (paths/types/exposure.ts, storage.ts), judged by their view.
  {
    type: "alicloud:oss/accessPoint:AccessPoint",
    check: (props) =>
      str(valueAt(props, "networkOrigin"))?.toLowerCase() === "internet" &&
      valueAt(props, "publicAccessBlockConfiguration.blockPublicAccess") !== true
        ? [{ path: "networkOrigin", what: 'is "internet" without blockPublicAccess' }]
        : [],
    fix: 'Set networkOrigin to "vpc".',
  },
  {
    type: "aws:ec2/securityGroup:SecurityGroup",
    check: openSources(["ingress[].cidrBlocks[]", "ingress[].ipv6CidrBlocks[]"]),
    fix: ingressFix,
  },
  {
    type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    check: openSources(["ingress[].cidrBlocks[]", "ingress[].ipv6CidrBlocks[]"]),
    fix: ingressFix,
  },
  {
    type: "aws:ec2/securityGroupRule:SecurityGroupRule",
    check: openSources(["cidrBlocks[]", "ipv6CidrBlocks[]"], ruleIs("type", "ingress")),
    fix: ingressFix,
  },
  {
    type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    check: openSources(["cidrIpv4", "cidrIpv6"]),
    fix: ingressFix,
  },
  {
    type: "alicloud:ecs/securityGroupRule:SecurityGroupRule",
    check: (props, ctx) =>
      ruleIs("type", "ingress")(props) && ruleIs("policy", "accept", true)(props)
        ? openSources(["cidrIp", "ipv6CidrIp"])(props, ctx)
        : [],
    fix: ingressFix,
  },
  {
    // ENS security groups hold both directions in permissions[]; ingress rules name sourceCidrIp.
    type: "alicloud:ens/securityGroup:SecurityGroup",
    check: openSources(
      ["permissions[].sourceCidrIp", "permissions[].ipv6SourceCidrIp"],
      (rule) => isNot("direction", "egress")(rule) && isNot("policy", "drop")(rule),
    ),
    fix: ingressFix,
  },
  {
    type: "aws:opensearch/domain:Domain",
    check: domainEndpoint,
    fix: "Give the domain vpcOptions with the stack's private subnets.",
  },
  {
    type: "aws:elasticsearch/domain:Domain",
    check: domainEndpoint,
    fix: "Give the domain vpcOptions with the stack's private subnets.",
  },
  // HTTP and WebSocket APIs have only public endpoints: a route's authorization is its only gate.
  {
    type: "alicloud:elasticsearch/instance:Instance",
    check: all(
      publicEndpoint(
        "enablePublic",
        "publicWhitelists",
        "the cluster gets a public endpoint on the internet",
      ),
      publicEndpoint(
        "enableKibanaPublicNetwork",
        "kibanaWhitelists",
        "Kibana, which reads every index, gets a public endpoint on the internet",
        true,
      ),
    ),
    fix: "Set enablePublic and enableKibanaPublicNetwork to false, or whitelist only private or allowlisted sources.",
  },
  // IP whitelists of data services (instances, whitelist groups and templates, ACLs): who may
  // connect. Comma-separated lists are split; `127.0.0.1`, the services' "no one", is private.
  ...[
    "alicloud:rds/rdsCloneDbInstance:RdsCloneDbInstance",
    "alicloud:rds/rdsUpgradeDbInstance:RdsUpgradeDbInstance",
  ].map((type) =>
    whitelisted(type, ["securityIps[]", "pgHbaConfs[].address"], {
      entry: isNot("method", "reject"),
    }),
  ),
  // A Kafka whitelist entry of type `vpc` guards the VPC port only: it admits no one outside.
  // The MNS public endpoint's ACL, and the NAS access rules of a permission group.
  {
    type: "alicloud:cms/prometheusInstance:PrometheusInstance",
    check: authFreeSources("authFreeReadPolicy", "authFreeWritePolicy"),
    fix: "Admit only private ranges (the VPC) or allowlisted sources in authFreeReadPolicy and authFreeWritePolicy (SourceIp), or turn password-free access off.",
  },
  {
    type: "alicloud:cms/prometheusView:PrometheusView",
    check: authFreeSources("authFreeReadPolicy"),
    fix: "Admit only private ranges (the VPC) or allowlisted sources in authFreeReadPolicy (SourceIp), or turn password-free reads off.",
  },
  // The ACL of a Container Registry instance's internet endpoint.
  // Public endpoints switched on by a flag and narrowed by the instance's whitelist.
  {
    type: "alicloud:cassandra/cluster:Cluster",
    check: whitelistedEndpoint(
      "enablePublic",
      "ipWhite",
      "the cluster gets a public endpoint on the internet",
    ),
    fix: "Set enablePublic to false, and whitelist only private ranges (the VPC) or allowlisted sources in ipWhite.",
  },
  {
    type: "alicloud:clickhouse/dbCluster:DbCluster",
    check: whitelistedEndpoint(
      "allocatePublicConnection",
      "dbClusterAccessWhiteLists[].securityIpList",
      "the cluster gets a public connection string on the internet",
    ),
    fix: "Set allocatePublicConnection to false, and whitelist only private ranges (the VPC) or allowlisted sources in dbClusterAccessWhiteLists.",
  },
  {
    type: "alicloud:selectdb/dbInstance:DbInstance",
    check: whitelistedEndpoint(
      "enablePublicNetwork",
      "desiredSecurityIpLists[].securityIpList",
      "the instance gets a public endpoint on the internet",
    ),
    fix: "Set enablePublicNetwork to false, and whitelist only private ranges (the VPC) or allowlisted sources in desiredSecurityIpLists.",
  },
  {
    type: "alicloud:rocketmq/rocketMQInstance:RocketMQInstance",
    check: all(
      openSources(["ipWhitelists[]", "networkInfo.endpoints[].ipWhiteLists[]"]),
      whitelistedEndpoint(
        "networkInfo.internetInfo.internetSpec",
        "networkInfo.internetInfo.ipWhitelists[]",
        "the instance gets a public endpoint on the internet",
        { onValues: ["enable"] },
      ),
    ),
    fix: 'Set networkInfo.internetInfo.internetSpec to "disable", and whitelist only private ranges (the VPC) or allowlisted sources.',
  },
  {
    type: "alicloud:hologram/instance:Instance",
    check: (props) =>
      valuesAt(props, "endpoints[].type")
        .filter((f) => f.value === unknown || String(f.value).toLowerCase() === "internet")
        .filter((f) => valueAt(f.holder, "enabled") !== false)
        .map((f) => ({
          path: f.path,
          what:
            f.value === unknown
              ? "is not known at preview, so whether it is public cannot be decided"
              : `is ${JSON.stringify(f.value)}: the instance gets an endpoint on the internet`,
        })),
    fix: "Give the instance only VPC endpoints (no endpoints[] entry of type Internet).",
  },
  // A bastion host holds the credentials of every host it manages.
  ...[
    "alicloud:bastionhost/instance:Instance",
    "alicloud:yundun/bastionHostInstance:BastionHostInstance",
  ].map((type): ExposureModel => ({
    type,
    check: publicEndpoint(
      "enablePublicAccess",
      "publicWhiteLists",
      "the bastion host, which reaches every host it manages, gets a public endpoint on the internet",
    ),
    fix: "Set enablePublicAccess to false, or whitelist only private or allowlisted sources in publicWhiteLists.",
  })),
  {
    type: "alicloud:mse/gateway:Gateway",
    check: given(["internetSlbSpec"], "the gateway gets an internet-facing load balancer"),
    fix: "Leave internetSlbSpec unset and reach the gateway through its private load balancer.",
  },
  {
    // A service mesh's control plane: its API server (the mesh's configuration and certificates)
    // and Istio Pilot (which hands every sidecar its configuration) on public addresses.
    type: "alicloud:servicemesh/serviceMesh:ServiceMesh",
    check: (props) => [
      ...flagged(
        "loadBalancer.apiServerPublicEip",
        "the mesh's API server, which holds its configuration and certificates, gets a public IP",
      )(props),
      ...flagged("loadBalancer.pilotPublicEip", "Istio Pilot gets a public IP")(props),
      ...given(
        ["loadBalancer.pilotPublicEipId", "loadBalancer.pilotPublicLoadbalancerId"],
        "Istio Pilot is exposed through a public address or load balancer",
      )(props),
    ],
    fix: "Set loadBalancer.apiServerPublicEip and pilotPublicEip to false and leave pilotPublicEipId and pilotPublicLoadbalancerId unset; reach the control plane from the VPC.",
  },
  {
    // The project's IP whitelist (classic network and VPC addresses, comma-separated) decides who
    // may connect; the exception policy of a protected project names who may still copy data out.
    type: "alicloud:maxcompute/project:Project",
    check: (props, ctx) => [
      ...openSources(["ipWhiteList.ipList", "ipWhiteList.vpcIpList"])(props, ctx),
      ...policyAt("securityProperties.projectProtection.exceptionPolicy")(props),
    ],
    fix: 'Whitelist only private ranges (the VPC) or allowlisted sources in ipWhiteList.ipList and ipWhiteList.vpcIpList, and name no Principal "*" in the exception policy.',
  },
  {
    // Client access rules: the addresses end users may connect to the cloud desktops from; and
    // the desktops' security rules, of which inbound (`inflow`) rules that accept admit sources.
    type: "alicloud:eds/ecdPolicyGroup:EcdPolicyGroup",
    check: (props, ctx) => [
      ...openSources(["authorizeAccessPolicyRules[].cidrIp"])(props, ctx),
      ...openSources(
        ["authorizeSecurityPolicyRules[].cidrIp"],
        (rule) => isNot("type", "outflow")(rule) && isNot("policy", "drop")(rule),
      )(props, ctx),
    ],
    fix: "Admit only private ranges or allowlisted sources in authorizeAccessPolicyRules and in the inbound rules of authorizeSecurityPolicyRules.",
  },
  {
    type: "alicloud:edas/k8sApplication:K8sApplication",
    // Setting any internet SLB field has EDAS attach (or buy) an internet-facing load balancer.
    check: given(
      ["internetSlbId", "internetSlbPort", "internetSlbProtocol", "internetTargetPort"],
      "the application gets an internet-facing load balancer",
    ),
    fix: "Leave the internetSlb* and internetTargetPort fields unset and use the intranet load balancer.",
  },
  {
    type: "alicloud:fc/v3LayerVersion:V3LayerVersion",
    check: all(
      valueIn("acl", ["1"], "every account can read the layer's code"),
      valueIn("public", ["true"], "every account can read the layer's code"),
    ),
    fix: 'Set acl to "0" and leave public unset.',
  },
  // `alb` is the SDK's alias of the `lb` module: the same load balancer under two tokens.
  ...[
    "aws:lb/loadBalancer:LoadBalancer",
    "aws:alb/loadBalancer:LoadBalancer",
    "aws:elb/loadBalancer:LoadBalancer",
  ].map((type): ExposureModel => ({ type, check: internalFlag, fix: "Set internal to true." })),
  ...[
    "alicloud:slb/loadBalancer:LoadBalancer",
    "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer",
  ].map((type): ExposureModel => ({
    type,
    check: slbAddressType,
    fix: 'Set addressType to "intranet".',
  })),
  // Managed Kubernetes API servers: whoever reaches the API reads every secret in the cluster.
  ...[
    "alicloud:cs/managedKubernetes:ManagedKubernetes",
    "alicloud:cs/kubernetes:Kubernetes",
    "alicloud:cs/edgeKubernetes:EdgeKubernetes",
  ].map((type): ExposureModel => ({
    type,
    check: flagged(
      "slbInternetEnabled",
      "the API server gets an internet-facing load balancer",
      true,
    ),
    fix: "Set slbInternetEnabled to false and reach the API server from inside the VPC.",
  })),
  {
    type: "alicloud:cs/serverlessKubernetes:ServerlessKubernetes",
    check: flagged("endpointPublicAccessEnabled", "the API server gets an EIP"),
    fix: "Set endpointPublicAccessEnabled to false and reach the API server from inside the VPC.",
  },
  {
    type: "aws:eks/cluster:Cluster",
    check: (props, ctx) => {
      const path = "vpcConfig.endpointPublicAccess";
      const v = valueAt(props, path);
      if (v === false) {
        return [];
      }
      if (v === unknown) {
        return [
          { path, what: "is not known at preview, so whether it is public cannot be decided" },
        ];
      }
      // A public endpoint restricted to private or allowlisted sources admits no one else.
      const cidrs = valueAt(props, "vpcConfig.publicAccessCidrs");
      if (Array.isArray(cidrs) && cidrs.length > 0) {
        return openSources(["vpcConfig.publicAccessCidrs[]"])(props, ctx);
      }
      return [
        {
          path,
          what: `${v === undefined ? "is not set (defaults to true)" : "is true"}: the API server has a public endpoint open to 0.0.0.0/0`,
        },
      ];
    },
    fix: "Set vpcConfig.endpointPublicAccess to false (with endpointPrivateAccess true) and reach the API server from inside the VPC.",
  },
  {
    type: "aws:lightsail/instancePublicPorts:InstancePublicPorts",
    check: lightsailPorts,
    fix: "List only private or allowlisted sources in cidrs and ipv6Cidrs of every port.",
  },
  {
    type: "aws:lightsail/containerServiceDeploymentVersion:ContainerServiceDeploymentVersion",
    check: (props) => {
      const v = valueAt(props, "publicEndpoint");
      if (v === undefined) {
        return [];
      }
      return [
        {
          path: "publicEndpoint",
          what:
            v === unknown
              ? "is not known at preview, so whether it is public cannot be decided"
              : `is set: the service's public HTTPS endpoint sends internet requests to container ${JSON.stringify(str(valueAt(v, "containerName")) ?? "(unnamed)")}`,
        },
      ];
    },
    fix: "Remove publicEndpoint; run containers that must serve users on ECS or EKS in private subnets instead.",
  },
  {
    type: "aws:medialive/inputSecurityGroup:InputSecurityGroup",
    check: openSources(["whitelistRules[].cidr"]),
    fix: "Admit only private or allowlisted sources to push into MediaLive inputs.",
  },
  {
    type: "aws:sagemaker/labelingJob:LabelingJob",
    check: workforce("humanTaskConfig"),
    fix: "Label with a private work team of the account whose members work inside the jurisdiction.",
  },
  {
    type: "aws:sagemaker/flowDefinition:FlowDefinition",
    check: workforce("humanLoopConfig"),
    fix: "Review with a private work team of the account whose members work inside the jurisdiction.",
  },
  {
    type: "alicloud:index/openApiExplorerApiMcpServer:OpenApiExplorerApiMcpServer",
    check: publicUnless(
      "publicAccess",
      ["off"],
      "the account's setting, which the pack cannot read",
      "the MCP server, which calls the account's cloud APIs, may answer on the internet",
    ),
    fix: 'Set publicAccess to "off".',
  },
];

export const publicExposure = residencyResourcePolicy({
  name: "public-exposure",
  description:
    "Checks whether any resource makes the stack's data reachable from the internet: public ACLs and policies, ingress from any address, public database endpoints, internet-facing load balancers, public images and snapshots.",
  severity: "critical",
  remediationSteps:
    "Keep buckets private, bind policies to the VPC or account, admit only private or allowlisted sources, and keep databases and load balancers internal.",
  validate: (args, ctx) => {
    if (byType[args.type]?.fields?.some((f) => f.policy === "public-exposure")) {
      // A type of the domain tables: its row's public fields, judged by the view.
      for (const f of publicView(args, ctx)) {
        ctx.report(f);
      }
      return;
    }
    const model = exposureModels.find((m) => m.type === args.type);
    if (!model) {
      return;
    }
    const label = resourceLabel(args.type, args.name);
    for (const e of model.check(args.props, ctx)) {
      ctx.report({
        message: `${label} must not be reachable from the internet, but ${e.path} ${e.what}. ${model.fix}`,
        path: ["the internet", label],
      });
    }
  },
});
