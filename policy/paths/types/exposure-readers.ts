/**
 * The readers of the public-exposure rows whose opening takes several properties read together
 * (`exposes: { reads }`): an endpoint switch and the whitelist that narrows it, a load balancer's
 * scheme, a Lightsail port's sources, a human task's workforce. Each returns the openings it
 * finds in the words public-exposure reports them in ("…, but <path> <what>."); one not known at
 * preview is an opening that only may be, judged all the same.
 */
import type { EgressAllowEntry } from "../../framework";
import { isAnywhere, isSharedCidr, parseCidr, reachOfAddress } from "../addresses";
import type { GlobalReach, PublicReader } from "../model";
import { isTrue, isUnknown, jsonDocument, str, valueAt, valuesAt } from "../values";

type Props = Readonly<Record<string, unknown>>;
type Allowlist = readonly EgressAllowEntry[];

/** What public-exposure asks of ingress rules and security groups. */
export const ingressFix =
  "Admit only private ranges (the VPC's, numbered in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16) or allowlisted sources; never 0.0.0.0/0 or ::/0. A VPC numbered in public address space (172.32.0.0/16, say, just outside 172.16.0.0/12) makes a rule admitting its own block admit the internet: renumber it in private space.";

const undecided = "is not known at preview, so whether it is public cannot be decided";

function notKnown(path: string, what = undecided): GlobalReach {
  return { path, what, unknown: true };
}

/** Every source of `value` (comma-separated) that is neither private nor allowlisted. */
export function openSource(path: string, value: unknown, allowlist: Allowlist): GlobalReach[] {
  if (isUnknown(value)) {
    return [
      notKnown(
        path,
        "is not known at preview, so whether it admits the internet cannot be decided",
      ),
    ];
  }
  return String(value)
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c !== "" && reachOfAddress(c, allowlist).kind === "internet")
    .map((c) => ({
      path,
      what: isAnywhere(c)
        ? `admits ${c}: every address on the internet`
        : isSharedCidr(c)
          ? `admits ${c}, shared address space (100.64.0.0/10: carrier-grade NAT, and the cloud's own services) that is not in the allowlist`
          : parseCidr(c) === undefined
            ? `admits ${JSON.stringify(c)}, which is neither an IP address nor a CIDR range, so what it admits cannot be decided`
            : `admits ${c}, a public range (outside the private ranges) that is not in the allowlist`,
    }));
}

/** The sources at `path` that are neither private nor allowlisted. */
function openSources(path: string) {
  return (props: Props, allowlist: Allowlist): GlobalReach[] =>
    valuesAt(props, path).flatMap((f) => openSource(f.path, f.value, allowlist));
}

/** The entries of a whitelist at `sources` that are set (an empty text lists nothing). */
function listedSources(props: Props, sources: string) {
  return valuesAt(props, sources).filter(
    (f) => isUnknown(f.value) || String(f.value).trim() !== "",
  );
}

/** Whether the value at `key` is `value` (ignoring case); absent counts as `absent`. */
export function ruleIs(key: string, value: string, absent = false) {
  return (holder: unknown): boolean => {
    const v = valueAt(holder, key);
    return v === undefined ? absent : String(v).toLowerCase() === value;
  };
}

/** Whether the value at `path` is not `value` (ignoring case); unknown or absent is judged. */
export function isNot(path: string, value: string) {
  return (holder: unknown): boolean => {
    const v = valueAt(holder, path);
    return isUnknown(v) || v === undefined || String(v).toLowerCase() !== value;
  };
}

/** `securityIps[]`, `dbInstanceIpArrays[].securityIps` → `securityIps`, `dbInstanceIpArrays.securityIps`. */
function fieldNames(paths: readonly string[]): string {
  return paths.map((p) => p.replace(/\[\]/g, "")).join(" and ");
}

/**
 * A public endpoint switched on by the flag at `path` (or by its absence when `absentMeans` is
 * true) and narrowed by the address whitelist at `whitelist`: a whitelist of private or
 * allowlisted sources admits no one else, and an empty one leaves the endpoint to the service's
 * default, which the pack cannot read — so it counts as open.
 */
export function publicEndpoint(
  path: string,
  whitelist: string,
  what: string,
  absentMeans = false,
): PublicReader {
  return (props, allowlist) => {
    const v = valueAt(props, path);
    if (isUnknown(v)) {
      return [notKnown(path)];
    }
    if (!(v === undefined ? absentMeans : isTrue(v))) {
      return [];
    }
    const list = valueAt(props, whitelist);
    if (isUnknown(list)) {
      return [
        notKnown(
          whitelist,
          "is not known at preview, so whom the public endpoint admits cannot be decided",
        ),
      ];
    }
    if (Array.isArray(list) && list.length > 0) {
      return openSources(`${whitelist}[]`)(props, allowlist);
    }
    const state = v === undefined ? "is not set (defaults to public)" : "is set";
    return [{ path, what: `${state}: ${what}, and no ${whitelist} narrows whom it admits` }];
  };
}

/**
 * A public endpoint switched on by the flag at `path` (true, one of `onValues`, or absent when
 * `absentMeans` is true), guarded by the instance's whitelist whose entries are at `sources`.
 * The whitelist is judged whether or not the endpoint is on: it guards every endpoint, and a
 * public one may be added outside the program. An endpoint that is on with no whitelist entry at
 * all is left to the service's default, which the pack cannot read — so it counts as open.
 */
export function whitelistedEndpoint(
  path: string,
  sources: string,
  what: string,
  opts: { readonly absentMeans?: boolean; readonly onValues?: readonly string[] } = {},
): PublicReader {
  const judge = openSources(sources);
  return (props, allowlist) => {
    const open = judge(props, allowlist);
    const v = valueAt(props, path);
    if (isUnknown(v)) {
      return [notKnown(path), ...open];
    }
    const on =
      v === undefined
        ? (opts.absentMeans ?? false)
        : isTrue(v) || (opts.onValues ?? []).includes(String(v).toLowerCase());
    const entries = listedSources(props, sources);
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
export function authFreeSources(path: string): PublicReader {
  return (props, allowlist) => {
    const raw = valueAt(props, path);
    if (raw === undefined) {
      return [];
    }
    if (isUnknown(raw)) {
      return [notKnown(path, "is not known at preview, so whom it admits cannot be decided")];
    }
    const doc = jsonDocument(raw);
    if (doc !== null && typeof doc === "object" && !Array.isArray(doc)) {
      return openSources(`${path}.SourceIp[]`)(props, allowlist);
    }
    return String(raw)
      .split(/\s+/)
      .flatMap((c) => openSource(path, c, allowlist));
  };
}

/** The first of `paths` that is set: setting any of them creates what `what` says. */
export function given(paths: readonly string[], what: string): PublicReader {
  return (props) => {
    for (const path of paths) {
      const v = valueAt(props, path);
      if (isUnknown(v)) {
        return [notKnown(path)];
      }
      if (v !== undefined && v !== null && v !== "") {
        return [{ path, what: `is set: ${what}` }];
      }
    }
    return [];
  };
}

/** An OSS access point on the internet network origin, unless its own block shuts it. */
export const ossAccessPoint: PublicReader = (props) =>
  str(valueAt(props, "networkOrigin"))?.toLowerCase() === "internet" &&
  valueAt(props, "publicAccessBlockConfiguration.blockPublicAccess") !== true
    ? [{ path: "networkOrigin", what: 'is "internet" without blockPublicAccess' }]
    : [];

/**
 * A Tablestore instance's network ACL: the network types it admits (networkTypeAcls), whose
 * INTERNET lets any address on the internet reach its tables; unset, the deprecated accessedBy
 * decides, "Any" admitting the internet. Both unset, the provider's default admits it too.
 */
export const tablestoreNetworks: PublicReader = (props) => {
  const acls = valueAt(props, "networkTypeAcls");
  if (isUnknown(acls)) {
    return [notKnown("networkTypeAcls")];
  }
  if (Array.isArray(acls) && acls.length > 0) {
    return acls.flatMap((v, i): GlobalReach[] =>
      isUnknown(v)
        ? [notKnown(`networkTypeAcls[${i}]`)]
        : str(v)?.toUpperCase() === "INTERNET"
          ? [
              {
                path: `networkTypeAcls[${i}]`,
                what: 'is "INTERNET": the instance\'s tables are reachable from the internet',
              },
            ]
          : [],
    );
  }
  const by = valueAt(props, "accessedBy");
  if (isUnknown(by)) {
    return [notKnown("accessedBy")];
  }
  const unset = by === undefined || by === null || by === "";
  return unset || str(by)?.toLowerCase() === "any"
    ? [
        {
          path: "networkTypeAcls",
          what: `is not set and accessedBy is ${unset ? "not set either" : JSON.stringify(by)}: the instance admits every network type, the internet included`,
        },
      ]
    : [];
};

/**
 * An MSE registry (Nacos, ZooKeeper, Eureka): internet bandwidth (pubNetworkFlow above 0; "0
 * means no internet access") or a public network type (netType pubnet or both) gives it a public
 * endpoint serving its service registrations and configuration. Its whitelist (aclEntryLists)
 * guards that endpoint alone, and with no entry the service's default, which the pack cannot
 * read, decides whom it admits — so it counts as open.
 */
export const mseRegistryEndpoint: PublicReader = (props, allowlist) => {
  const type = valueAt(props, "netType");
  const flow = valueAt(props, "pubNetworkFlow");
  const unknowns = [
    ...(isUnknown(type) ? [notKnown("netType")] : []),
    ...(isUnknown(flow) ? [notKnown("pubNetworkFlow")] : []),
  ];
  const byType = !isUnknown(type) && ["pubnet", "both"].includes(str(type)?.toLowerCase() ?? "");
  const byFlow = !isUnknown(flow) && Number(flow) > 0;
  if (!byType && !byFlow) {
    return unknowns;
  }
  const entries = listedSources(props, "aclEntryLists[]");
  if (entries.length > 0) {
    return entries.flatMap((f) => openSource(f.path, f.value, allowlist));
  }
  const [path, state] = byType
    ? ["netType", `is ${JSON.stringify(type)}`]
    : ["pubNetworkFlow", `is ${JSON.stringify(flow)} (internet bandwidth)`];
  return [
    {
      path,
      what: `${state}: the registry serves its service registrations and configuration on a public endpoint, and no aclEntryLists entry narrows whom it admits`,
    },
  ];
};

/**
 * An endpoint on the internet that admits the sources listed at `sources` (an IP allow list):
 * each that is neither private nor allowlisted opens it; none listed, every address reaches it.
 */
export function allowListed(sources: string, what: string): PublicReader {
  const judge = openSources(sources);
  return (props, allowlist) => {
    const holder = sources.replace(/\[\]$/, "");
    const list = valueAt(props, holder);
    if (isUnknown(list)) {
      return [
        notKnown(holder, "is not known at preview, so whom the endpoint admits cannot be decided"),
      ];
    }
    const entries = listedSources(props, sources);
    return entries.length > 0
      ? judge(props, allowlist)
      : [{ path: holder, what: `lists no address: ${what}` }];
  };
}

/** A resource that gets a public endpoint unless the block at `path` places it in a VPC. */
export function publicUnlessSet(path: string, what: string): PublicReader {
  return (props) => {
    const v = valueAt(props, path);
    if (isUnknown(v)) {
      return [notKnown(path)];
    }
    return v === undefined || v === null ? [{ path, what: `is not set: ${what}` }] : [];
  };
}

/**
 * An SSM document's sharing: `permissions` `{ type: "Share", accountIds: "All" }` makes it public —
 * every AWS account can read and run it (the accounts it names besides are judged as accounts).
 */
export const ssmDocumentShare: PublicReader = (props) => {
  const ids = valueAt(props, "permissions.accountIds");
  if (isUnknown(ids)) {
    return [notKnown("permissions.accountIds")];
  }
  return typeof ids === "string" && ids.split(",").some((id) => id.trim().toLowerCase() === "all")
    ? [
        {
          path: "permissions.accountIds",
          what: `is ${JSON.stringify(ids)}: the document is public, every AWS account can read and run it`,
        },
      ]
    : [];
};

/** Load balancers whose `internal` flag must be true (absent: internet-facing). */
export const internalFlag: PublicReader = (props) => {
  const v = valueAt(props, "internal");
  if (v === true) {
    return [];
  }
  return isUnknown(v)
    ? [notKnown("internal", "is not known at preview")]
    : [{ path: "internal", what: "is not true: the load balancer faces the internet" }];
};

/** Alibaba Classic Load Balancers: the API's default address type is internet. */
export const slbAddressType: PublicReader = (props) =>
  str(valueAt(props, "addressType"))?.toLowerCase() === "intranet"
    ? []
    : [{ path: "addressType", what: 'is not "intranet": the load balancer gets a public address' }];

/**
 * A service of `vpcOptions` without subnets answers on a public endpoint; with them, its endpoint
 * is an interface in the VPC (an OpenSearch or Elasticsearch domain, an OpenSearch Ingestion
 * pipeline, which anyone may then push records to).
 */
export const vpcOptionsEndpoint =
  (what: string): PublicReader =>
  (props) => {
    const subnets = valueAt(props, "vpcOptions.subnetIds");
    if (isUnknown(subnets) || isUnknown(valueAt(props, "vpcOptions"))) {
      return [
        notKnown(
          "vpcOptions.subnetIds",
          `is not known at preview, so whether ${what} is public cannot be decided`,
        ),
      ];
    }
    return Array.isArray(subnets) && subnets.length > 0
      ? []
      : [
          {
            path: "vpcOptions.subnetIds",
            what: `${subnets === undefined ? "is not set" : "names no subnet"}: ${what} gets a public endpoint on the internet`,
          },
        ];
  };
export const domainEndpoint = vpcOptionsEndpoint("the domain");

/** A Hologres instance's endpoints of type Internet that are not switched off. */
export const hologresEndpoints: PublicReader = (props) =>
  valuesAt(props, "endpoints[].type")
    .filter((f) => isUnknown(f.value) || String(f.value).toLowerCase() === "internet")
    .filter((f) => valueAt(f.holder, "enabled") !== false)
    .map((f) =>
      isUnknown(f.value)
        ? notKnown(f.path)
        : {
            path: f.path,
            what: `is ${JSON.stringify(f.value)}: the instance gets an endpoint on the internet`,
          },
    );

/**
 * An EKS cluster's API server: public unless `endpointPublicAccess` is false; a public endpoint
 * restricted to private or allowlisted sources admits no one else.
 */
export const eksEndpoint: PublicReader = (props, allowlist) => {
  const path = "vpcConfig.endpointPublicAccess";
  const v = valueAt(props, path);
  if (v === false) {
    return [];
  }
  if (isUnknown(v)) {
    return [notKnown(path)];
  }
  const cidrs = valueAt(props, "vpcConfig.publicAccessCidrs");
  if (Array.isArray(cidrs) && cidrs.length > 0) {
    return openSources("vpcConfig.publicAccessCidrs[]")(props, allowlist);
  }
  return [
    {
      path,
      what: `${v === undefined ? "is not set (defaults to true)" : "is true"}: the API server has a public endpoint open to 0.0.0.0/0`,
    },
  ];
};

/**
 * Lightsail opens an instance's public ports to the sources each port entry lists; an entry
 * that lists none (no `cidrs`, `ipv6Cidrs` or `cidrListAliases`) is open to every address.
 * `lightsail-connect`, the only alias, admits AWS's browser SSH service from its public ranges.
 */
export const lightsailPorts: PublicReader = (props, allowlist) =>
  valuesAt(props, "portInfos[]").flatMap((port): GlobalReach[] => {
    if (isUnknown(port.value)) {
      return [
        notKnown(
          port.path,
          "is not known at preview, so whether it admits the internet cannot be decided",
        ),
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
      f.path.includes("cidrListAliases") && !isUnknown(f.value)
        ? [
            {
              path: f.path,
              what: `is ${JSON.stringify(f.value)}: it admits AWS's browser-based SSH service from public ranges worldwide`,
            },
          ]
        : openSource(f.path, f.value, allowlist),
    );
  });

/** A Lightsail container service's public HTTPS endpoint. */
export const containerEndpoint: PublicReader = (props) => {
  const v = valueAt(props, "publicEndpoint");
  if (v === undefined) {
    return [];
  }
  return isUnknown(v)
    ? [notKnown("publicEndpoint")]
    : [
        {
          path: "publicEndpoint",
          what: `is set: the service's public HTTPS endpoint sends internet requests to container ${JSON.stringify(str(valueAt(v, "containerName")) ?? "(unnamed)")}`,
        },
      ];
};

/**
 * A SageMaker human task shows its data items to the work team its `workteamArn` names: the
 * public Mechanical Turk workforce (`workteam/public-crowd/`) and Marketplace vendors
 * (`workteam/vendor/`) work from anywhere; a private work team of the account is the stack's.
 */
export function workforce(holder: string): PublicReader {
  return (props) => {
    const path = `${holder}.workteamArn`;
    const arn = valueAt(props, path);
    if (isUnknown(arn)) {
      return [notKnown(path, "is not known at preview, so who sees the data cannot be decided")];
    }
    const team = typeof arn === "string" ? /:workteam\/(public-crowd|vendor)\//.exec(arn) : null;
    if (team) {
      const who =
        team[1] === "public-crowd"
          ? "the public Mechanical Turk workforce"
          : "a vendor's workforce";
      return [
        {
          path,
          what: `is ${JSON.stringify(arn)}: ${who}, whose workers anywhere in the world see the data items`,
        },
      ];
    }
    return valueAt(props, `${holder}.publicWorkforceTaskPrice`) !== undefined
      ? [
          {
            path: `${holder}.publicWorkforceTaskPrice`,
            what: "is set: the task is offered to the public Mechanical Turk workforce, whose workers anywhere in the world see the data items",
          },
        ]
      : [];
  };
}

/** The ACK add-on that installs the NGINX Ingress controller. */
const ackIngressController = "nginx-ingress-controller";

const ingressLoadBalancer =
  "ACK serves the NGINX Ingress controller, and every Ingress of its class, on an internet-facing load balancer (kube-system/nginx-ingress-lb)";

/**
 * ACK's NGINX Ingress controller add-on, installed with a cluster (`addons[]` of an ACK cluster)
 * or on its own (`cs.KubernetesAddon`): ACK serves the controller, and every Ingress of its class,
 * through a Service of its own (`kube-system/nginx-ingress-lb`) that the program never declares,
 * on an internet-facing load balancer unless the add-on's config sets `IngressSlbNetworkType` to
 * `intranet` — the console's and the API's default is `internet`. A disabled add-on is not
 * installed. Found by an ACK probe: a cluster whose add-on asked for an internet load balancer
 * passed as sealed.
 *
 * `byDefault`: the cluster installs the add-on unless an entry disables it. ACK's managed (Pro)
 * and dedicated clusters do (ACK's Terraform guide lists it among the components a new cluster
 * gets, and its API's `disabled` "stops the default installation"; the providers' own examples
 * disable it), so a list with no entry for it, or none at all, installs it on the internet too.
 */
export function ackIngressAddon(holder: "addons[]" | "", byDefault = false): PublicReader {
  return (props) => {
    if (holder === "") {
      return ingressAddonOpening("", props);
    }
    const list = valueAt(props, "addons");
    if (isUnknown(list)) {
      return [notKnown("addons")];
    }
    const entries = valuesAt(props, holder);
    const named = entries.some(
      ({ value }) =>
        isUnknown(value) ||
        isUnknown(valueAt(value, "name")) ||
        valueAt(value, "name") === ackIngressController,
    );
    if (byDefault && !named) {
      return [
        {
          path: "addons",
          what: `${list === undefined ? "is not set" : `has no ${ackIngressController} entry`}: a new ACK cluster installs the add-on by default unless an entry disables it (disabled: true), and ${ingressLoadBalancer}`,
        },
      ];
    }
    return entries.flatMap(({ path, value }) => ingressAddonOpening(path, value));
  };
}

function ingressAddonOpening(at: string, addon: unknown): GlobalReach[] {
  const where = (key: string) => (at === "" ? key : `${at}.${key}`);
  if (isUnknown(addon)) {
    return [notKnown(at)];
  }
  const name = valueAt(addon, "name");
  if (isUnknown(name)) {
    return [notKnown(where("name"))];
  }
  if (name !== ackIngressController) {
    return [];
  }
  const disabled = valueAt(addon, "disabled");
  if (isUnknown(disabled)) {
    return [notKnown(where("disabled"))];
  }
  if (isTrue(disabled)) {
    return [];
  }
  // An empty config is none: the add-on's own defaults apply.
  const set = valueAt(addon, "config");
  const config = set === "" || set === null ? undefined : set;
  const doc = config === undefined ? {} : isUnknown(config) ? config : jsonDocument(config);
  if (isUnknown(doc)) {
    return [notKnown(where("config"))];
  }
  const network =
    doc !== null && typeof doc === "object"
      ? (doc as Record<string, unknown>).IngressSlbNetworkType
      : undefined;
  if (typeof network === "string" && network.toLowerCase() === "intranet") {
    return [];
  }
  const lb = ingressLoadBalancer;
  return [
    config === undefined
      ? { path: where("name"), what: `installs ${ackIngressController} with no config: ${lb}` }
      : network === undefined
        ? {
            path: where("config"),
            what: `sets no IngressSlbNetworkType "intranet"${doc === undefined ? " (it does not parse as JSON)" : ""}: ${lb}`,
          }
        : {
            path: where("config"),
            what: `sets IngressSlbNetworkType ${JSON.stringify(network)}: ${lb}`,
          },
  ];
}

/** What public-exposure asks of ACK's NGINX Ingress controller add-on. */
export const ackIngressAddonFix =
  'Set IngressSlbNetworkType to "intranet" in the nginx-ingress-controller add-on\'s config, or disable the add-on (an addons entry { name: "nginx-ingress-controller", disabled: true }), and reach the Ingresses from inside the VPC.';
