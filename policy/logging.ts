/**
 * Audit and log delivery: trails, config recorders, log subscriptions and exports, flow logs,
 * delivery streams, event targets and notification endpoints (shared/research/data-paths.md §3
 * "Audit log delivery", "Log shipping (SLS)"; §4 "Audit log delivery", "Log shipping").
 *
 * Logs carry personal data (IP addresses, user IDs, request contents), so their sinks are
 * destinations like any other. Sinks named by ARN are decided by `arn-locality`; the ones here
 * are named by region, endpoint, bucket or project name, or are arbitrary external endpoints,
 * which cannot be placed and fail closed.
 *
 * Trails, log stores and exports, flow logs, audit and findings sinks and the AWS services'
 * outputs to buckets are rows of the logs table of the one data-flow model
 * (policy/paths/types/logs.ts), judged by its view; the rows below still by this table.
 */
import { type Jurisdiction, regionInJurisdiction } from "../residency/jurisdictions";
import { hostOf, regionOfEndpoint } from "../residency/placement";
import { type CustomFlow, type FlowField, type FlowModel, type Format, flowPolicy } from "./flows";
import { parseCidr, reachOfAddress } from "./paths/addresses";
import { knownAt, textOf } from "./paths/types/logs";
import { viewedPolicy } from "./paths/views";
import { isUnknown, known, str, valueAt, valuesAt } from "./values";

/**
 * Partitions whose every region belongs to one jurisdiction: collecting "all regions" there
 * stays inside it. The commercial `aws` partition spans the world.
 */
const singleJurisdictionPartitions = new Set(["aws-cn", "aws-us-gov", "aws-eusc"]);

/** A multi-region collector gathers data of regions outside the jurisdiction into this one. */
function multiRegion(flag: string, defaultOn: boolean) {
  return (props: Record<string, unknown>, j: Jurisdiction): CustomFlow[] => {
    const v = props[flag];
    const on = v === undefined ? defaultOn : v === true;
    const sealed = j.awsPartitions.every((p) => singleJurisdictionPartitions.has(p));
    return on && !sealed
      ? [
          {
            path: flag,
            verb: `${v === undefined ? "(on by default) " : ""}collects events from`,
            place: "every region of the partition, including regions outside the jurisdiction",
          },
        ]
      : [];
  };
}

function allRegions(props: Record<string, unknown>): CustomFlow[] {
  return ["accountAggregationSource", "organizationAggregationSource"].flatMap((k) => {
    const source = props[k] as Record<string, unknown> | undefined;
    return source && source.allRegions === true
      ? [{ path: `${k}.allRegions`, verb: "aggregates data from", place: "every region" }]
      : [];
  });
}

function linkingMode(props: Record<string, unknown>): CustomFlow[] {
  const mode = str(props.linkingMode);
  return mode === "ALL_REGIONS" || mode === "ALL_REGIONS_EXCEPT_SPECIFIED"
    ? [{ path: "linkingMode", verb: "aggregates findings from", place: "every region" }]
    : [];
}

/** SNS protocols whose endpoint is outside the cloud (a URL, a mailbox, a phone). */
const externalProtocols = ["http", "https", "email", "email-json", "sms"];

function snsEndpoint(props: Record<string, unknown>): CustomFlow[] {
  const protocol = str(props.protocol)?.toLowerCase();
  return protocol !== undefined && externalProtocols.includes(protocol)
    ? [
        {
          path: "endpoint",
          verb: `pushes messages (${protocol}) to`,
          place: `${JSON.stringify(props.endpoint)} (an external endpoint that cannot be placed)`,
        },
      ]
    : [];
}

/** What a row's field may add to its path, format and verb. */
type FieldExtra = Partial<Omit<FlowField, "path" | "format" | "verb">>;

/** Fields of one format, one line each: `url("invocationEndpoint", "calls")`. */
function fieldOf(format: Format, base: FieldExtra = {}) {
  return (path: string, verb: string, extra: FieldExtra = {}): FlowField => ({
    path,
    format,
    verb,
    ...base,
    ...extra,
  });
}

/**
 * A bucket named by name, ARN, `s3://` URI or `<name>/<prefix>`: a bucket of the program lies
 * where it is created; one the program does not create cannot be placed and fails closed.
 */
const bucket = fieldOf("ref", { ref: "s3-bucket" });
const ossBucket = fieldOf("ref", { ref: "oss-bucket" });
const url = fieldOf("url");
const ip = fieldOf("ip");
const endpoint = fieldOf("endpoint");

/**
 * Subscribers (`subscribers[]`: an address and its kind at `kindKey`) that are e-mail addresses:
 * a mailbox is outside the cloud. SNS subscribers are topic ARNs, which arn-locality places.
 */
function mailboxes(kindKey: string, verb: string) {
  return (props: Record<string, unknown>): CustomFlow[] =>
    valuesAt(props, "subscribers[]").flatMap((f): CustomFlow[] => {
      const sub = f.value as Record<string, unknown> | undefined;
      const kind = sub === undefined || isUnknown(sub) ? sub : known(() => sub[kindKey]);
      if (isUnknown(kind)) {
        return [
          {
            path: f.path,
            verb,
            place: "a subscriber whose kind is not known at preview, which cannot be placed",
          },
        ];
      }
      return str(kind)?.toUpperCase() === "EMAIL"
        ? [
            {
              path: `${f.path}.address`,
              verb,
              place: `${JSON.stringify(sub?.address)} (a mailbox outside the cloud, which cannot be placed)`,
            },
          ]
        : [];
    });
}

/**
 * Host aliases given as a JSON list of `{hostName, ip}` (an `/etc/hosts` in the container): an
 * alias to an address that is not private sends the calls to that name there. This older form is
 * judged without the egress allowlist (which only field rows consult); its successor field, read
 * as `ip`, admits allowlisted addresses. A list that is not JSON cannot be read and fails closed.
 */
function hostAliases(path: string, verb: string) {
  return (props: Record<string, unknown>): CustomFlow[] => {
    const raw = known(() => valueAt(props, path));
    if (raw === undefined || isUnknown(raw) || str(raw)?.trim() === "") {
      return [];
    }
    let entries: unknown;
    try {
      entries = typeof raw === "string" ? JSON.parse(raw) : raw;
    } catch {
      entries = undefined;
    }
    if (!Array.isArray(entries)) {
      return [
        { path, verb, place: `${JSON.stringify(raw)} (not a JSON list, which cannot be read)` },
      ];
    }
    return entries.flatMap((entry: unknown, i): CustomFlow[] => {
      const address = str((entry as Record<string, unknown> | null)?.ip)?.trim() ?? "";
      return parseCidr(address) && reachOfAddress(address, []).kind === "private"
        ? []
        : [
            {
              path: `${path}[${i}].ip`,
              verb,
              place: `${JSON.stringify(address)} (not a private address, which cannot be placed)`,
            },
          ];
    });
  };
}

/**
 * Domain configuration functions of Alibaba Cloud CDN, DCDN and Secure CDN (the CDN function
 * reference, BatchSetCdnDomainConfig) whose argument names a host the edge sends requests to:
 * a conditional origin (`advanced_origin` `origin`, `origin_dns_host` `ali_origin_dns_host`), an
 * OSS origin bucket (`oss_auth` `oss_bucket_id`, `oss_key_list` `host`) and the remote
 * authentication server each client request (its URL arguments and headers) is sent to
 * (`cdn_remote_auth` `remote_auth_addr`). Origin groups (`source_group`) are read by
 * `originGroups`. Every other function passes: it sets headers, caching, rewrites, redirects
 * returned to the client, access rules, credentials for an origin the domain itself names
 * (`aws_s3_bucket`, `cos_auth`, `l2_oss_key`), or a script (`edge_function`) that runs on the
 * domain's own requests.
 */
const edgeDestinations: Readonly<Record<string, string>> = {
  advanced_origin: "origin",
  origin_dns_host: "ali_origin_dns_host",
  oss_auth: "oss_bucket_id",
  oss_key_list: "host",
  cdn_remote_auth: "remote_auth_addr",
};

/** The argument `name` of a domain configuration function: its value's path and known value. */
function functionArgAt(
  props: Readonly<Record<string, unknown>>,
  name: string,
): { readonly path: string; readonly value: string | undefined } | undefined {
  const args = known(() => valuesAt(props, "functionArgs[]"));
  if (isUnknown(args)) {
    return undefined;
  }
  const hit = args.find((f) => textOf(f.value as Record<string, unknown>, "argName") === name);
  return hit === undefined
    ? undefined
    : {
        path: `${hit.path}.argValue`,
        value: textOf(hit.value as Record<string, unknown>, "argValue"),
      };
}

function functionArg(props: Readonly<Record<string, unknown>>, name: string): string | undefined {
  return functionArgAt(props, name)?.value;
}

/**
 * For a `where`: the element's `key` (its kind) is one `test` accepts, or is not known at preview
 * (then the element is judged: it may be of the kind that sends data).
 */
function kindIs(key: string, test: (kind: string) => boolean): (holder: unknown) => boolean {
  return (holder) => {
    const kind = known(() => valueAt(holder, key));
    return isUnknown(kind) || (typeof kind === "string" && test(kind));
  };
}

/** The function's destination argument, unless the function is switched off (`enable=off`). */
function edgeDestination(fn: string, arg: string, verb: string): FlowField {
  return url("functionArgs[].argValue", verb, {
    when: (props) =>
      textOf(props, "functionName") === fn && functionArg(props, "enable")?.toLowerCase() !== "off",
    where: (holder) => {
      const a = holder as Record<string, unknown> | undefined;
      return (
        a !== undefined &&
        !isUnknown(a) &&
        textOf(a, "argName") === arg &&
        textOf(a, "argValue") !== undefined
      );
    },
  });
}

/**
 * The origins of a `source_group` function (`source_info`: `<address>_<priority>_<weight>_<port>`
 * entries, comma-separated): an origin that is not a private address, nor an OSS or other regional
 * endpoint of the cloud inside the jurisdiction, cannot be placed. Judged without the egress
 * allowlist, which only field rows consult.
 */
function originGroups(props: Record<string, unknown>, j: Jurisdiction): CustomFlow[] {
  if (textOf(props, "functionName") !== "source_group") {
    return [];
  }
  const at = functionArgAt(props, "source_info");
  const info = at?.value;
  if (at === undefined || info === undefined) {
    return [];
  }
  const originFlow = (address: string, why: string): CustomFlow => ({
    path: at.path,
    verb: "fetches content and forwards requests to",
    place: `${JSON.stringify(address)} (${why})`,
  });
  return info
    .split(",")
    .map((entry) => entry.trim().split("_")[0] ?? "")
    .filter((address) => address !== "")
    .flatMap((address): CustomFlow[] => {
      if (parseCidr(address)) {
        return reachOfAddress(address, []).kind === "private"
          ? []
          : [originFlow(address, "not a private address, which cannot be placed")];
      }
      const place = regionOfEndpoint(address);
      if (place === undefined) {
        return [originFlow(address, "an origin outside the cloud, which cannot be placed")];
      }
      return regionInJurisdiction(j, place.cloud, place.region)
        ? []
        : [originFlow(address, `in ${place.region}, outside ${j.id}`)];
    });
}

/** A MediaLive destination setting whose URL names an S3 bucket (`s3://`, `s3ssl://`). */
function mediaLiveS3(holder: unknown): boolean {
  const target = known(() => (holder as Record<string, unknown> | undefined)?.url);
  return typeof target === "string" && /^s3(ssl)?:\/\//i.test(target.trim());
}

/**
 * An Amplify rule with status 200 is a rewrite: to a URL (not a path of the app), Amplify proxies
 * the visitor's request, with what it carries, to that host. Redirects (301, 302) and 404s only
 * answer the browser.
 */
function amplifyProxy(rule: unknown): boolean {
  const r = (rule ?? {}) as Record<string, unknown>;
  const status = known(() => r.status);
  const target = known(() => r.target);
  return (
    (status === undefined || String(status) === "200") &&
    typeof target === "string" &&
    /^[a-z][a-z0-9+.-]*:\/\//i.test(target.trim())
  );
}

/**
 * Addresses of an `/etc/hosts` text (`<ip> <hostname>…` lines; `#` starts a comment): a line
 * whose address is not private sends the traffic for its names there. Judged without the egress
 * allowlist, which only field rows consult. A line whose first word is not an IP cannot be read
 * and fails closed.
 */
function hostsFile(path: string, verb: string) {
  return (props: Record<string, unknown>): CustomFlow[] => {
    const raw = known(() => valueAt(props, path));
    if (raw === undefined || isUnknown(raw)) {
      return [];
    }
    return (str(raw) ?? "")
      .split(/\r?\n/)
      .map((line) => line.replace(/#.*/, "").trim())
      .filter((line) => line !== "")
      .flatMap((line): CustomFlow[] => {
        const address = line.split(/\s+/)[0];
        if (!parseCidr(address)) {
          return [
            {
              path,
              verb,
              place: `${JSON.stringify(line)} (not an address line, which cannot be read)`,
            },
          ];
        }
        return reachOfAddress(address, []).kind === "private"
          ? []
          : [
              {
                path,
                verb,
                place: `${JSON.stringify(address)} (not a private address, which cannot be placed)`,
              },
            ];
      });
  };
}

/**
 * Event stream sinks (CreateEventStreaming `Sink`) that name a cloud target by name or instance
 * ID, which EventBridge resolves in the stream's own region and account: an MNS queue, a
 * function, a CloudFlow flow, an SLS logstore, an ApsaraMQ for Kafka or RabbitMQ instance, a
 * DataHub topic, or an API destination (whose URL is judged on eventbridge/apiDestination).
 */
const regionalSinks = new Set([
  "SinkMNSParameters",
  "SinkFcParameters",
  "SinkFnfParameters",
  "SinkSLSParameters",
  "SinkKafkaParameters",
  "SinkRabbitMQParameters",
  "SinkDataHubParameters",
  "SinkApiDestinationParameters",
]);

/**
 * The sink of an event stream, a JSON document with one `Sink…Parameters` object. A sink of
 * `regionalSinks` stays in the stream's region; every other shape — an HTTPS URL, a Prometheus
 * remote write, a self-managed Kafka, RabbitMQ or RocketMQ endpoint, OSS, a vector or analytics
 * store — names a place this reader does not place, and fails closed with the shape named. A sink
 * not known at preview is built from resources of this program and is judged at update, when
 * it is known.
 */
function streamSink(path: string) {
  return (props: Record<string, unknown>): CustomFlow[] => {
    const raw = known(() => valueAt(props, path));
    if (raw === undefined || isUnknown(raw)) {
      return [];
    }
    let doc: unknown;
    try {
      doc = typeof raw === "string" ? JSON.parse(raw) : raw;
    } catch {
      doc = undefined;
    }
    const verb = "delivers events to";
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
      return [
        { path, verb, place: `${JSON.stringify(raw)} (not a JSON sink, which cannot be read)` },
      ];
    }
    return Object.keys(doc)
      .filter((shape) => !regionalSinks.has(shape))
      .map((shape) => ({
        path: `${path}.${shape}`,
        verb,
        place: `a ${shape} sink (a target the pack cannot place)`,
      }));
  };
}

/**
 * The `url:` (and `proxy_url:`) entries of a Prometheus `remote_write` YAML: each target, and
 * each proxy on the way, receives every sample the instance writes. A target is inside when its host is a private address or a regional endpoint
 * of the cloud inside the jurisdiction (an intranet endpoint's `<region>-intranet` label read as
 * its region). A document whose targets cannot be read this way — no `url:` line, or a `url`
 * written otherwise (flow style, anchors) — cannot be judged and fails closed. Judged without
 * the egress allowlist, which only field rows consult.
 */
function remoteWriteTargets(path: string) {
  return (props: Record<string, unknown>, j: Jurisdiction): CustomFlow[] => {
    const raw = known(() => valueAt(props, path));
    if (raw === undefined || isUnknown(raw)) {
      return [];
    }
    const text = str(raw) ?? "";
    const verb = "writes metric samples to";
    const urls = [...text.matchAll(/^\s*(?:-\s+)?(?:proxy_)?url:\s*["']?([^"'\s#]+)/gm)].map(
      (m) => m[1],
    );
    const mentions = (text.match(/\b(?:proxy_)?url\s*:/g) ?? []).length;
    if (urls.length === 0 || urls.length !== mentions) {
      return [
        {
          path,
          verb,
          place: "targets written in a form the pack cannot read (it reads `url:` lines only)",
        },
      ];
    }
    return urls.flatMap((target): CustomFlow[] => {
      const host = hostOf(target);
      if (parseCidr(host)) {
        return reachOfAddress(host, []).kind === "private"
          ? []
          : [
              {
                path,
                verb,
                place: `${JSON.stringify(target)} (not a private address, which cannot be placed)`,
              },
            ];
      }
      const place = regionOfEndpoint(host.replace(/^([a-z0-9-]+)-intranet\./, "$1."));
      if (place === undefined) {
        return [
          {
            path,
            verb,
            place: `${JSON.stringify(target)} (a host outside the cloud, which cannot be placed)`,
          },
        ];
      }
      return regionInJurisdiction(j, place.cloud, place.region)
        ? []
        : [
            {
              path,
              verb,
              place: `${JSON.stringify(target)} (in ${place.region}, outside ${j.id})`,
            },
          ];
    });
  };
}

/** EventBridge target types whose endpoint is a URL. */
const httpTargets = new Set(["http", "https", "acs.dingtalk"]);

const addressFix =
  "Name only private or allowlisted addresses, or regional endpoints of the cloud inside the jurisdiction; an external host cannot be placed.";
const exportFix = "Deliver only to buckets of this program in regions inside the jurisdiction.";
const pushFix =
  "Send only to services inside the jurisdiction (by regional endpoint or ARN) or to an allowlisted address; an external host cannot be placed.";

export const logFlows: readonly FlowModel[] = [
  // MNS subscriptions push each message to an HTTP endpoint, a mailbox or a phone, or to a
  // queue (an ARN on topics, a queue name of the same region on the newer API).
  {
    type: "alicloud:aligreen/auditCallback:AuditCallback",
    fields: [url("url", "sends moderation results to")],
    fix: pushFix,
  },
  // Origins and backends named by address: a WAF, Anti-DDoS Pro or ESA proxy forwards every
  // client request (bodies, cookies, credentials) to them and relays their answers; an API
  // gateway calls them; a bastion host opens operators' sessions to them; Cloud DNS and GTM
  // address pools steer clients there. An IP is inside when private or allowlisted; a host
  // name only when it is a regional endpoint of the cloud (an OSS bucket's) inside the
  // jurisdiction. A value not known at preview is an address of a resource of this program
  // (an EIP, a load balancer), which resource-placement places where it is created.
  ...(
    [
      ["alicloud:waf/domain:Domain", ["sourceIps[]"], "forwards client requests to"],
      [
        "alicloud:ddos/domainResource:DomainResource",
        ["realServers[]"],
        "forwards client requests to",
      ],
      ["alicloud:ddos/port:Port", ["realServers[]"], "forwards client traffic to"],
      [
        "alicloud:wafv3/domain:Domain",
        ["redirect.backends[]", "redirect.backupBackends[]"],
        "forwards client requests to",
      ],
      [
        "alicloud:esa/originPool:OriginPool",
        ["origins[].address"],
        "fetches content and forwards requests to",
      ],
      ["alicloud:apig/service:Service", ["addresses[]", "dnsServers[]"], "calls backends at"],
      ["alicloud:apig/source:Source", ["nacosSourceInfo.address"], "discovers backends at"],
      [
        "alicloud:alidnscloudgtmaddress/alidnsCloudGtmAddress:AlidnsCloudGtmAddress",
        ["address"],
        "steers clients to",
      ],
      ["alicloud:dns/addressPool:AddressPool", ["addresses[].address"], "steers clients to"],
    ] as const
  ).map(([type, paths, verb]): FlowModel => ({
    type,
    fields: paths.map((p) => url(p, verb, { when: knownAt(p) })),
    fix: addressFix,
  })),
  // Public DNS: an address or host record steers clients (and a mail record mail) to its value;
  // an ESA record that is proxied makes the value the site's origin. Other record types (TXT,
  // CAA, SRV, URL forwarding) name no host that receives data.
  ...(
    [
      ["alicloud:dns/alidnsRecord:AlidnsRecord", "value", "type", ["A", "AAAA", "CNAME", "MX"]],
      ["alicloud:dns/record:Record", "value", "type", ["A", "AAAA", "CNAME", "MX"]],
      ["alicloud:esa/record:Record", "data.value", "recordType", ["A/AAAA", "CNAME", "MX"]],
    ] as const
  ).map(([type, path, typeKey, hostTypes]): FlowModel => ({
    type,
    fields: [
      url(path, "steers clients, requests or mail to", {
        when: (props) =>
          (hostTypes as readonly string[]).includes(textOf(props, typeKey)?.toUpperCase() ?? "") &&
          knownAt(path)(props),
      }),
    ],
    fix: addressFix,
  })),
  // Domain configuration functions of the CDN products that send requests to a host
  // (`edgeDestinations`); the accelerated domain itself is judged on its own resource.
  ...[
    "alicloud:cdn/domainConfig:DomainConfig",
    "alicloud:dcdn/domainConfig:DomainConfig",
    "alicloud:scdn/domainConfig:DomainConfig",
  ].map((type): FlowModel => ({
    type,
    fields: Object.entries(edgeDestinations).map(([fn, arg]) =>
      edgeDestination(
        fn,
        arg,
        fn === "cdn_remote_auth"
          ? "sends each client request's arguments and headers to"
          : "fetches content and forwards requests to",
      ),
    ),
    custom: originGroups,
    fix: addressFix,
  })),
  {
    // A Managed Service for Prometheus instance forwards every sample to its remote write targets.
    type: "alicloud:arms/remoteWrite:RemoteWrite",
    fields: [],
    custom: remoteWriteTargets("remoteWriteYaml"),
    fix: "Write only to Prometheus endpoints of regions inside the jurisdiction or private addresses, each as a `url:` line.",
  },
  {
    type: "alicloud:eventbridge/eventStreaming:EventStreaming",
    fields: [],
    custom: streamSink("sink"),
    fix: "Deliver events to a target of the stream's region named by name or instance ID (MNS, Function Compute, CloudFlow, SLS, ApsaraMQ for Kafka or RabbitMQ, DataHub, or an API destination).",
  },
  {
    // An AnalyticDB for PostgreSQL instance reads and writes external tables on the Hadoop
    // cluster whose hosts `hadoopHostsAddress` lists (an `/etc/hosts` text).
    type: "alicloud:gpdb/hadoopDataSource:HadoopDataSource",
    fields: [],
    custom: hostsFile("hadoopHostsAddress", "reads and writes Hadoop data at"),
    fix: addressFix,
  },
  // PolarDB DynamoDB-compatible tables and items are written through the API endpoint they name.
  // A literal connection string carries no region, so it cannot be placed; one taken from a
  // cluster of this program is not known at preview and is placed with that cluster.
  {
    // A serverless application ships its logs to the Kafka bootstrap servers `kafkaEndpoint`
    // lists (`<ip>:<port>,…`), mounts OSS buckets it reads and writes, and resolves host names
    // to the addresses its host aliases give (`customHostAliasV2s`, or the older JSON list
    // `customHostAlias`), so its calls to those names go there. A value not known at preview is
    // an address of a resource of this program, which resource-placement places.
    type: "alicloud:sae/application:Application",
    fields: [
      ip("kafkaConfigs.kafkaEndpoint", "ships application logs to", {
        when: knownAt("kafkaConfigs.kafkaEndpoint"),
      }),
      ossBucket("ossMountDescsV2s[].bucketName", "mounts and writes files to"),
      ip("customHostAliasV2s[].ip", "sends calls to its host aliases at", {
        when: knownAt("customHostAliasV2s[].ip"),
      }),
    ],
    custom: hostAliases("customHostAlias", "sends calls to its host aliases at"),
    fix: addressFix,
  },
  {
    // A cluster whose metastore is the user's own database (`user_rds`) writes the Hive catalog
    // (table names, schemas, data locations) to the database its JDBC URL names. A URL not known
    // at preview is built from a database of this program, which resource-placement places.
    type: "alicloud:emr/cluster:Cluster",
    fields: [
      url("metaStoreConf.dbUrl", "keeps the cluster's metastore in", {
        when: knownAt("metaStoreConf.dbUrl"),
      }),
    ],
    fix: addressFix,
  },
  {
    // HTTP and DingTalk targets name a URL; the others an ACS ARN, which arn-locality places.
    type: "alicloud:eventbridge/rule:Rule",
    fields: [
      url("targets[].endpoint", "sends events to", {
        where: kindIs("type", (kind) => httpTargets.has(kind.toLowerCase())),
      }),
    ],
    fix: pushFix,
  },
  // PAI datasets, model versions and experiments name the storage that jobs read training data
  // and model files from and write artifacts to: an OSS URI with its endpoint
  // (`oss://<bucket>.oss-<region>.aliyuncs.com/<path>`) is placed by its region; a bare bucket
  // or another host cannot be. Datasets on NAS or CPFS name a file system of the workspace's
  // region by ID.
  {
    // A layer-4 rule's source is an origin address or host; an origin pool or load balancer
    // is named instead by ID (esa/originPool's addresses are read on that type).
    type: "alicloud:esa/transportLayerApplication:TransportLayerApplication",
    fields: [
      url("rules[].source", "forwards client connections to", {
        where: kindIs("sourceType", (kind) => /^(ip|domain)$/i.test(kind)),
        when: knownAt("rules[].source"),
      }),
    ],
    fix: addressFix,
  },
  {
    // A scheduler rule answers the protected name with one of its values.
    type: "alicloud:ddos/schedulerRule:SchedulerRule",
    fields: [url("rules[].value", "steers clients to", { when: knownAt("rules[].value") })],
    fix: addressFix,
  },
  {
    // With following on, the edge repeats the client's request at the host the origin redirects to.
    type: "alicloud:esa/originRule:OriginRule",
    fields: [
      url("follow302TargetHost", "follows origin redirects, with the client's request, to", {
        when: (props) =>
          textOf(props, "follow302Enable") === "on" && knownAt("follow302TargetHost")(props),
      }),
    ],
    fix: addressFix,
  },
  {
    type: "aws:cloudtrail/trail:Trail",
    fields: [
      { path: "s3BucketName", format: "ref", ref: "s3-bucket", verb: "delivers audit events to" },
    ],
    custom: multiRegion("isMultiRegionTrail", false),
    fix: "Deliver to a bucket of this program inside the jurisdiction, and set isMultiRegionTrail to false in partitions that span other jurisdictions.",
  },
  {
    type: "aws:cloudtrail/eventDataStore:EventDataStore",
    fields: [],
    custom: multiRegion("multiRegionEnabled", true),
    fix: "Set multiRegionEnabled to false.",
  },
  {
    type: "aws:cfg/configurationAggregator:ConfigurationAggregator",
    fields: [
      {
        path: "accountAggregationSource.regions[]",
        format: "region",
        inbound: true,
        verb: "aggregates data from",
      },
      {
        path: "organizationAggregationSource.regions[]",
        format: "region",
        inbound: true,
        verb: "aggregates data from",
      },
    ],
    custom: allRegions,
    fix: "Aggregate only from regions inside the jurisdiction.",
  },
  {
    type: "aws:securityhub/findingAggregator:FindingAggregator",
    fields: [
      {
        path: "specifiedRegions[]",
        format: "region",
        inbound: true,
        verb: "aggregates findings from",
      },
    ],
    custom: linkingMode,
    fix: 'Set linkingMode to "SPECIFIED_REGIONS" with regions inside the jurisdiction only.',
  },
  {
    type: "aws:sns/topicSubscription:TopicSubscription",
    fields: [],
    custom: snsEndpoint,
    fix: "Subscribe only queues or functions inside the jurisdiction (by ARN).",
  },
  {
    // A destination is the ARN of a queue, topic, function, event bus or bucket; one not known at
    // preview is the output of a resource of this program, placed where it is created.
    type: "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig",
    fields: [
      bucket("destinationConfig.onSuccess.destination", "sends invocation records to", {
        when: knownAt("destinationConfig.onSuccess.destination"),
      }),
      bucket("destinationConfig.onFailure.destination", "sends failed invocation records to", {
        when: knownAt("destinationConfig.onFailure.destination"),
      }),
    ],
    fix: pushFix,
  },
  {
    type: "aws:budgets/budgetAction:BudgetAction",
    fields: [],
    custom: mailboxes("subscriptionType", "e-mails budget action alerts to"),
    fix: "Notify through an SNS topic inside the jurisdiction; a mailbox cannot be placed.",
  },
  {
    type: "aws:costexplorer/anomalySubscription:AnomalySubscription",
    fields: [],
    custom: mailboxes("type", "e-mails cost anomaly alerts to"),
    fix: "Notify through an SNS topic inside the jurisdiction; a mailbox cannot be placed.",
  },
  // Streams, pipes and connectors that read from or deliver to hosts and sinks of their own.
  {
    // Bootstrap servers of an MSK cluster of the program are its outputs, placed where it lies.
    type: "aws:mskconnect/connector:Connector",
    fields: [
      endpoint(
        "kafkaCluster.apacheKafkaCluster.bootstrapServers",
        "connects to the Kafka brokers at",
        {
          when: knownAt("kafkaCluster.apacheKafkaCluster.bootstrapServers"),
        },
      ),
      bucket("logDelivery.workerLogDelivery.s3.bucket", "delivers worker logs to"),
    ],
    fix: pushFix,
  },
  // Bots, mail rules, media inputs and contacts that hand data to a place of their own.
  {
    // The domain's endpoint is an output of a domain of the program, placed where it lies.
    type: "aws:lex/v2modelsIntent:V2modelsIntent",
    fields: [
      endpoint(
        "qnaIntentConfiguration.dataSourceConfiguration.opensearchConfiguration.domainEndpoint",
        "searches with the users' questions at",
        {
          when: knownAt(
            "qnaIntentConfiguration.dataSourceConfiguration.opensearchConfiguration.domainEndpoint",
          ),
        },
      ),
    ],
    fix: pushFix,
  },
  {
    // A channel pushes its encoded program to each destination URL: `s3://` and `s3ssl://` name a
    // bucket, anything else (RTMP, UDP, HLS over HTTPS, MediaStore) a host. MediaPackage and
    // multiplex destinations name resources of the channel's own region by ID.
    type: "aws:medialive/channel:Channel",
    fields: [
      bucket("destinations[].settings[].url", "pushes the encoded program to", {
        where: (holder) => mediaLiveS3(holder),
      }),
      url("destinations[].settings[].url", "pushes the encoded program to", {
        where: (holder) => !mediaLiveS3(holder),
      }),
    ],
    fix: pushFix,
  },
  // The Shield Response Team is AWS staff working from anywhere: no association of these types
  // passes, and a contact mailbox cannot be placed.
  {
    type: "aws:shield/drtAccessLogBucketAssociation:DrtAccessLogBucketAssociation",
    fields: [],
    custom: () => [
      {
        path: "logBucket",
        verb: "gives read access to its logs to",
        place: "the AWS Shield Response Team, which works from anywhere",
      },
    ],
    fix: "Do not give the Shield Response Team access to the account's logs.",
  },
  {
    type: "aws:shield/drtAccessRoleArnAssociation:DrtAccessRoleArnAssociation",
    fields: [],
    custom: () => [
      {
        path: "roleArn",
        verb: "lets a role of the account be assumed by",
        place: "the AWS Shield Response Team, which works from anywhere",
      },
    ],
    fix: "Do not give the Shield Response Team a role in the account.",
  },
  {
    type: "aws:amplify/app:App",
    fields: [url("customRules[].target", "proxies visitors' requests to", { where: amplifyProxy })],
    fix: "Rewrite only to paths of the app or to regional endpoints inside the jurisdiction (an API Gateway or load balancer); redirect (301/302) to other hosts instead of proxying.",
  },
  {
    // The pipeline body is YAML (Data Prepper) naming its sources and sinks — OpenSearch hosts,
    // S3 buckets in any region; the pack reads no YAML, so no body can be judged and the type
    // always fails: there is no shape of it the pack can place.
    type: "aws:opensearchingest/pipeline:Pipeline",
    fields: [],
    custom: (props) =>
      props.pipelineConfigurationBody === undefined
        ? []
        : [
            {
              path: "pipelineConfigurationBody",
              verb: "sends the ingested data to",
              place:
                "sinks that cannot be judged: the pipeline body is YAML, which the pack does not read",
            },
          ],
    fix: "Ingest with a service whose destinations are resource inputs (a Firehose stream to a bucket of this program), or waive the finding after reviewing the body's sinks.",
  },
  {
    type: "aws:sagemaker/trainingJob:TrainingJob",
    fields: [bucket("checkpointConfig.s3Uri", "saves training checkpoints to")],
    fix: exportFix,
  },
  {
    type: "aws:sagemaker/hyperParameterTuningJob:HyperParameterTuningJob",
    fields: [
      bucket("trainingJobDefinition.checkpointConfig.s3Uri", "saves training checkpoints to"),
      bucket("trainingJobDefinitions[].checkpointConfig.s3Uri", "saves training checkpoints to"),
    ],
    fix: exportFix,
  },
  {
    type: "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition",
    fields: [
      bucket(
        "dataQualityJobOutputConfig.monitoringOutputs.s3Output.s3Uri",
        "writes data quality reports to",
      ),
    ],
    fix: exportFix,
  },
  {
    type: "aws:sagemaker/monitoringSchedule:MonitoringSchedule",
    fields: [
      bucket(
        "monitoringScheduleConfig.monitoringJobDefinition.monitoringOutputConfig.monitoringOutputs.s3Output.s3Uri",
        "writes monitoring reports to",
      ),
    ],
    fix: exportFix,
  },
];

/**
 * The types of the logs table (policy/paths/types/logs.ts) are judged by its view; the rows above
 * by this table's own evaluator.
 */
export const logShipping = viewedPolicy(
  flowPolicy({
    name: "log-shipping",
    description:
      "Checks whether audit trails, log exports, flow logs and event deliveries send their records only to sinks inside the jurisdiction.",
    severity: "high",
    remediationSteps:
      "Deliver trails, logs and events to buckets, projects and streams in regions inside the jurisdiction; replace external endpoints (HTTP, Splunk, email, S3-compatible storage abroad) with in-jurisdiction sinks.",
    models: logFlows,
  }),
);
