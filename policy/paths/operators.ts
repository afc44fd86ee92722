/**
 * The custom resources of the operators most clusters run, as kubernetes-egress reads them (the
 * kinds are rows of the Kubernetes table, policy/paths/types/kubernetes.ts, and custom resources
 * of policy/reviewed.ts `customResourceGroups`): the servers the Prometheus Operator's scrapes,
 * remote writes and alerts go to, the destinations Istio routes the mesh's traffic to, the
 * endpoints OpenTelemetry's instrumented pods and collectors export telemetry to, the places the
 * External Secrets Operator's stores keep the cluster's secrets, and the servers Traefik's
 * middlewares, the Gateway API's routes and Flux's notification providers send requests and
 * events to. Each is a destination field (paths/kubernetes.ts `DestinationField`); the readings
 * that weigh several settings of one value together are `operatorDestinations`', which runs those
 * of the operators that copy a cluster's data out too — its backups and database archives
 * (paths/backups.ts), its logs (paths/log-forwarding.ts) and its Kafka topics (paths/streaming.ts).
 * Kinds and fields as the operators' CRDs define them, checked against their models in
 * test/paths/custom-resources.test.ts where the operator publishes one.
 */
import type { Cloud } from "../../residency/jurisdictions";
import { arnRegion } from "../../residency/placement";
import type { EgressAllowEntry } from "../framework";
import { allowlistEntryAt } from "./addresses";
import { backupFields, backupReadings, backupValueReadings, backupWeighs } from "./backups";
import {
  fargateLoggingFields,
  logForwardingFields,
  logForwardingReadings,
  logForwardingValueReadings,
  logForwardingWeighs,
} from "./log-forwarding";
import { interconnectFields, interconnectReadings, interconnectWeighs } from "./interconnects";
import { kongPluginFields, kongPluginValueReadings } from "./kong-plugins";
import { consulFields, consulReadings, consulValueReadings } from "./consul";
import {
  gatewayParameterFields,
  gatewayParameterReadings,
  gatewayParameterValueReadings,
  gatewayParameterWeighs,
} from "./gateway-parameters";
import {
  streamingFields,
  streamingReadings,
  streamingValueReadings,
  streamingWeighs,
} from "./streaming";
import {
  type DestinationField,
  type DestinationFinding,
  type DestinationWords,
  readDestination,
  regionDestinations,
  serverDestinations,
} from "./kubernetes";
import { holdsUnknown, isUnknown, known, record, str, valueAt, valuesAt } from "./values";

/**
 * OpenTelemetry's auto-instrumentation (`opentelemetry.io/v1alpha1` Instrumentation): the operator
 * injects an SDK into the pods that ask for it, and they send their traces, metrics and logs —
 * request paths, attributes, database statements — to the exporter's endpoint, or to the
 * endpoint an `OTEL_EXPORTER_…ENDPOINT` variable of its environment (common or per language)
 * or an Apache or NGINX module attribute (`…Endpoint`) names instead. A collector of the cluster
 * (a short name, `*.svc`, the node's `$(HOST_IP)`), a private or allowlisted address passes.
 */
const telemetryWords: DestinationWords = {
  must: "send the telemetry of the pods it instruments only to collectors of the cluster, private or allowlisted addresses",
  how: "the instrumented pods send their traces, metrics and logs there, with the requests' paths, attributes and queries",
  fix: "Send telemetry to a collector of the cluster (its Service, or the node's) or a private address, or add the collector's address to the egress allowlist, or the collector's host name to egressHosts, with a reason",
};
const telemetryFields: readonly DestinationField[] = [
  {
    path: "spec.exporter.endpoint",
    what: "telemetry collector",
    read: "service-address",
    words: telemetryWords,
  },
  ...[
    "spec.env[]",
    ...["java", "nodejs", "python", "dotnet", "go", "apacheHttpd", "nginx"].map(
      (language) => `spec.${language}.env[]`,
    ),
    "spec.apacheHttpd.attrs[]",
    "spec.nginx.attrs[]",
  ].map((path): DestinationField => ({
    path,
    what: "telemetry collector",
    read: "endpoint-variable",
    words: telemetryWords,
  })),
];

/**
 * The endpoint an environment variable (`{ name, value | valueFrom }`) names, when its name ends
 * in `ENDPOINT` (`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, NGINX's `NginxModuleOtelExporterEndpoint`):
 * its value read as a `service-address`; one taken from a Secret or ConfigMap cannot be placed.
 */
function endpointVariableDestinations(
  f: DestinationField,
  v: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const name = str(v.name);
  if (name === undefined || !/endpoint$/i.test(name)) {
    return [];
  }
  const value = str(v.value);
  if (value !== undefined) {
    return readDestination({ ...f, read: "service-address" }, value, allowlist, j).map((d) => ({
      ...d,
      why: `sets ${name}, which ${d.why}`,
    }));
  }
  return v.valueFrom === undefined
    ? []
    : [
        {
          why: `sets ${name} from a Secret or ConfigMap, which the pack does not read`,
          place: `the ${f.what} ${name} names (cannot be placed)`,
          to: "unplaced",
        },
      ];
}

/**
 * OpenTelemetry Collectors (`opentelemetry.io` `v1alpha1`, whose configuration is YAML text, and
 * `v1beta1`, an object): the collector exports every trace, metric and log its pipelines carry to
 * its exporters. Each exporter (`<type>[/<name>]`) sends to the endpoints its settings name
 * (`endpoint`, `endpoints`, `<signal>_endpoint`, `brokers`, `url`, a load balancer's `hostnames`, at
 * any depth, in lists too); one that names
 * none sends to its vendor's service (`datadog`, `googlecloud`, `awsxray`, …), which the pack
 * cannot place. An endpoint taken from the collector's environment (`${env:NAME}`, `${NAME}`) is
 * the value the collector's own `env` gives that variable; one the pack cannot resolve so — set
 * from a Secret, from the pod's environment elsewhere, or from a file (`${file:…}`) — cannot be
 * placed. The exporters that keep the data in the collector's pod — `debug`,
 * `logging`, `nop`, `file`, and `prometheus`, an endpoint the cluster scrapes — send nowhere.
 * Every declared exporter is read, whether a pipeline uses it or not.
 */
const collectorWords: DestinationWords = {
  must: "export telemetry only to backends of the cluster, private or allowlisted addresses",
  how: "the collector exports there every trace, metric and log its pipelines carry, with the requests' paths, attributes and queries",
  fix: "Export to a backend of the cluster (its Service) or a private address, or add the backend's address to the egress allowlist, or the backend's host name to egressHosts, with a reason",
};
const localExporters = new Set(["debug", "logging", "nop", "file", "prometheus"]);
const endpointKey = /^(endpoints?|(traces|metrics|logs|profiles)_endpoint|brokers|url|hostnames?)$/;

/** The text values at keys `endpointKey` names, at any depth of an exporter's settings. */
function exporterEndpoints(settings: unknown): string[] {
  if (Array.isArray(settings)) {
    return settings.flatMap(exporterEndpoints);
  }
  return Object.entries(record(settings) ?? {}).flatMap(([key, value]) => {
    if (endpointKey.test(key)) {
      return (Array.isArray(value) ? value : [value]).flatMap((v) => {
        const text = str(v);
        return text === undefined ? [] : [text];
      });
    }
    return typeof value === "object" ? exporterEndpoints(value) : [];
  });
}

/** A collector's environment (`spec.env`): each variable with a literal value, by name. */
function collectorEnvironment(env: unknown): ReadonlyMap<string, string> {
  const vars = new Map<string, string>();
  for (const entry of Array.isArray(env) ? env.map(record) : []) {
    const name = str(entry?.name);
    const value = str(entry?.value);
    if (name !== undefined && value !== undefined && entry?.valueFrom === undefined) {
      vars.set(name, value);
    }
  }
  return vars;
}

/**
 * An endpoint with the collector's environment variables (`${env:NAME}`, `${NAME}`) replaced by
 * their values, or undefined when one has no literal value there or another source is named
 * (`${file:…}`).
 */
function resolvedEndpoint(endpoint: string, vars: ReadonlyMap<string, string>): string | undefined {
  let unresolved = false;
  const text = endpoint.replace(
    /\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}|\$\{[^}]*\}/g,
    (ref, name?: string) => {
      const value = name === undefined ? undefined : vars.get(name);
      if (value === undefined) {
        unresolved = true;
        return ref;
      }
      return value;
    },
  );
  return unresolved ? undefined : text;
}

/**
 * Where the exporters of a collector's configuration (`spec.config.exporters`, a map, in a
 * configuration held as YAML text too) send telemetry, with the collector's environment.
 */
function collectorExporterDestinations(
  f: DestinationField,
  spec: unknown,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const vars = collectorEnvironment(record(spec)?.env);
  const exporters = valuesAt(spec, "config.exporters")[0]?.value;
  if (exporters === undefined) {
    return [];
  }
  const byId = record(exporters);
  if (byId === undefined) {
    return [
      {
        why: "is not a configuration the pack can read",
        place: `the ${f.what}s of a configuration the pack cannot read (cannot be placed)`,
        to: "unplaced",
      },
    ];
  }
  return Object.entries(byId).flatMap(([id, settings]) => {
    const type = id.split("/")[0];
    if (localExporters.has(type)) {
      return [];
    }
    const endpoints = exporterEndpoints(settings);
    if (endpoints.length === 0) {
      return [
        {
          why: `has the exporter ${JSON.stringify(id)}, which names no endpoint and sends to the service of its type (${type}), which the pack cannot place`,
          place: `the ${type} exporter's service (cannot be placed)`,
          to: "unplaced",
        },
      ];
    }
    return endpoints.flatMap((endpoint): DestinationFinding[] => {
      const resolved = endpoint.includes("${") ? resolvedEndpoint(endpoint, vars) : endpoint;
      return resolved === undefined
        ? [
            {
              why: `has the exporter ${JSON.stringify(id)}, whose endpoint ${JSON.stringify(endpoint)} comes from a Secret, the pod's environment elsewhere or a file, which the pack does not read`,
              place: `the ${id} exporter's endpoint (cannot be placed)`,
              to: "unplaced",
            },
          ]
        : readDestination({ ...f, read: "service-address" }, resolved, allowlist, j).map((d) => ({
            ...d,
            why: `has the exporter ${JSON.stringify(id)}, whose endpoint ${resolved === endpoint ? "" : `${JSON.stringify(endpoint)} `}${d.why}`,
          }));
    });
  });
}

/** OpenTelemetry's kinds: the endpoints instrumented pods and collectors send telemetry to. */
const openTelemetryFields: ReadonlyArray<readonly [RegExp, readonly DestinationField[]]> = [
  [/^kubernetes:opentelemetry\.io\/v1alpha1:Instrumentation$/, telemetryFields],
  [
    /^kubernetes:opentelemetry\.io\/v1(alpha1|beta1):OpenTelemetryCollector$/,
    [
      {
        path: "spec",
        what: "telemetry exporter",
        read: "collector-exporters",
        words: collectorWords,
      },
    ],
  ],
];

/**
 * The External Secrets Operator's stores (`external-secrets.io` `v1`, `v1beta1`: SecretStores and
 * ClusterSecretStores): where the secrets the cluster's ExternalSecrets read — and its
 * PushSecrets write — are kept. A store of AWS (Secrets Manager, Parameter Store) or Alibaba
 * Cloud (KMS Secrets Manager) is in the region it names; a Vault, a webhook and another
 * cluster's API server are at the URL they name (one of the cluster, a private or allowlisted
 * address passes; a cloud service's regional endpoint by its region); a store of the cluster
 * itself (`kubernetes` without a server) and the `fake` provider keep them in the cluster; every
 * other provider is a vendor's service the pack cannot place.
 */
const secretStoreWords: DestinationWords = {
  must: "keep the secrets the cluster syncs only in stores inside the jurisdiction, of the cluster, private or allowlisted addresses",
  how: "the cluster's ExternalSecrets read their secrets from it, and its PushSecrets write the cluster's Secrets there",
  fix: "Keep secrets in a store in a region inside the jurisdiction (AWS Secrets Manager, Alibaba Cloud KMS), in the cluster, or in a Vault of the cluster or a private address",
};

const secretStoreField: DestinationField = {
  path: "spec.provider",
  what: "secret store",
  read: "secret-store",
  words: secretStoreWords,
};

/** Where a store's provider (`spec.provider`, one key of the SecretStoreProvider) keeps secrets. */
function secretStoreDestinations(
  f: DestinationField,
  providers: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  return Object.entries(providers).flatMap(([name, settings]): DestinationFinding[] => {
    const s = record(settings) ?? {};
    const inRegion = (cloud: Cloud, region: string | undefined, service: string) =>
      regionDestinations(j, cloud, region, service, "keeps them in");
    const at = (url: unknown): DestinationFinding[] => {
      const text = str(url);
      return text === undefined
        ? []
        : readDestination({ ...f, read: "service-address" }, text, allowlist, j);
    };
    switch (name) {
      case "fake":
        return [];
      case "aws":
        return inRegion("aws", str(s.region), `AWS ${str(s.service) ?? "Secrets Manager"}`);
      case "alibaba":
        return inRegion("alicloud", str(s.regionID), "Alibaba Cloud KMS secrets");
      case "vault":
        return at(s.server);
      case "webhook":
        return at(s.url);
      case "kubernetes":
        // Without a server, the store is the cluster's own API server.
        return at(record(s.server)?.url);
      default:
        return [
          {
            why: `keeps them in the ${name} provider's service, which the pack cannot place`,
            place: `the ${name} secret store (cannot be placed)`,
            to: "unplaced",
          },
        ];
    }
  });
}

/**
 * Istio's routing (`networking.istio.io`, `v1alpha3`, `v1beta1`, `v1`) and authorization
 * (`security.istio.io`): the sidecars and gateways of the mesh send requests where these objects
 * route them, outside any route of the program's own. A VirtualService routes or mirrors to
 * destination hosts, a DestinationRule may tunnel a host's connections on to a target, a Sidecar
 * sends traffic for unknown hosts to an egress proxy, a ServiceEntry adds the destinations it names
 * to the mesh (its endpoints, else its hosts, else its addresses), a WorkloadEntry an endpoint of a
 * service, and an AuthorizationPolicy of action CUSTOM has an external authorizer of the mesh's
 * configuration judge every request it matches, with its headers. A host of the mesh (a short
 * name, `*.svc`), a private or allowlisted address passes; a host name outside cannot be placed.
 */
const meshWords: DestinationWords = {
  must: "route the mesh's traffic only to services of the cluster, private or allowlisted addresses",
  how: "the mesh's proxies send the requests and connections it routes there, with their data",
  fix: "Route to services of the cluster or private addresses, or add the destination's address to the egress allowlist, or the destination's host name to egressHosts, with a reason",
};
const meshHost = (path: string, what: string, byEntry = true): DestinationField => ({
  path,
  what,
  read: "service-address",
  words: meshWords,
  // A host the mesh routes to may be one a ServiceEntry adds; an address is not.
  ...(byEntry ? { serviceEntryHost: true as const } : {}),
});
const routes = (at: string): DestinationField[] => [
  ...["http", "tcp", "tls"].map((kind) =>
    meshHost(`${at}.${kind}[].route[].destination.host`, "route destination"),
  ),
  meshHost(`${at}.http[].mirror.host`, "request mirror"),
  meshHost(`${at}.http[].mirrors[].destination.host`, "request mirror"),
];
const tunnels = (at: string): DestinationField[] => [
  meshHost(`${at}.trafficPolicy.tunnel.targetHost`, "tunnel target"),
  meshHost(`${at}.subsets[].trafficPolicy.tunnel.targetHost`, "tunnel target"),
];
/**
 * Istio's Telemetry (`telemetry.istio.io` `v1alpha1`, `v1`): the proxies send their spans, access
 * logs and metrics to the providers each entry of `tracing`, `accessLogging` and `metrics` names.
 * The built-in ones keep them in the cluster — `prometheus` (metrics the cluster scrapes) and
 * `envoy` (access logs on the proxy's output) — while `stackdriver` is Google Cloud's service and
 * any other name an extension provider of the mesh's configuration (`meshConfig
 * .extensionProviders`), whose server the pack cannot see. An entry that names no provider tunes
 * the mesh's defaults, and a disabled one sends nothing.
 */
const telemetryProviderWords: DestinationWords = {
  must: "send the mesh's traces, access logs and metrics only to providers of the cluster",
  how: "every proxy the Telemetry selects sends them there, with the requests' paths, headers and peers",
  fix: "Use the built-in providers (prometheus, envoy), or, once the extension provider is confirmed to be a Service of the cluster, waive the finding with that reason",
};
const localTelemetryProviders = new Set(["prometheus", "envoy"]);

function telemetryDestinations(
  _f: DestinationField,
  spec: Readonly<Record<string, unknown>>,
): DestinationFinding[] {
  const signals = [
    ["tracing", "traces", "disableSpanReporting"],
    ["accessLogging", "access logs", "disabled"],
    ["metrics", "metrics", "disabled"],
  ] as const;
  return signals.flatMap(([key, what, off]) =>
    (Array.isArray(spec[key]) ? spec[key] : []).map(record).flatMap((entry) => {
      if (entry === undefined || entry[off] === true) {
        return [];
      }
      const providers = Array.isArray(entry.providers) ? entry.providers.map(record) : [];
      return providers.flatMap((p): DestinationFinding[] => {
        const name = str(p?.name);
        if (name === undefined || localTelemetryProviders.has(name)) {
          return [];
        }
        return name === "stackdriver"
          ? [
              {
                why: `sends the mesh's ${what} to Google Cloud's operations suite (stackdriver), which the pack cannot place`,
                place: "Google Cloud's operations suite (cannot be placed)",
                to: "unplaced",
              },
            ]
          : [
              {
                why: `sends the mesh's ${what} to ${JSON.stringify(name)}, an extension provider of the mesh's configuration, whose server the pack cannot see`,
                place: `the ${name} provider (cannot be placed)`,
                to: "unplaced",
              },
            ];
      });
    }),
  );
}

/**
 * The mesh's configuration as istiod reads it, the ConfigMap `istio` (or `istio-<revision>`) its
 * chart renders `meshConfig` and `meshNetworks` into: its extension providers' servers (the
 * tracing, access-log and authorization services every proxy the mesh's defaults or a Telemetry
 * select sends to), the default tracer's collector, and each network's gateways, through which the
 * mesh sends all traffic for that network's workloads (found by the multi-cluster bench: the same
 * settings failed in an IstioOperator and passed here).
 */
function meshConfigMap(object: Readonly<Record<string, unknown>>): boolean {
  const name = str(valueAt(object, "metadata.name"));
  return (
    (name !== undefined && /^istio(-[a-z0-9-]+)?$/.test(name)) ||
    valueAt(object, "metadata.labels.istio\\.io/rev") !== undefined
  );
}
const meshProviderKinds = [
  "opentelemetry",
  "zipkin",
  "datadog",
  "lightstep",
  "skywalking",
  "envoyOtelAls",
  "envoyHttpAls",
  "envoyTcpAls",
  "envoyExtAuthzHttp",
  "envoyExtAuthzGrpc",
];
const meshConfigFields: readonly DestinationField[] = [
  ...meshProviderKinds.map((kind): DestinationField => ({
    ...meshHost(`data.mesh.extensionProviders[].${kind}.service`, "extension provider"),
    when: meshConfigMap,
  })),
  {
    ...meshHost("data.mesh.defaultConfig.tracing.zipkin.address", "trace collector", false),
    read: "address",
    // The proxies resolve it, through the cluster's search path (`zipkin.istio-system:9411`).
    searchPath: true,
    when: meshConfigMap,
  },
  {
    ...meshHost("data.meshNetworks.networks.*.gateways[].address", "network gateway", false),
    read: "address",
    when: meshConfigMap,
  },
];

const meshFields: ReadonlyArray<readonly [RegExp, readonly DestinationField[]]> = [
  [/^kubernetes:core\/v1:ConfigMap$/, meshConfigFields],
  [/^kubernetes:networking\.istio\.io\/\w+:VirtualService$/, routes("spec")],
  [/^kubernetes:networking\.istio\.io\/\w+:DestinationRule$/, tunnels("spec")],
  [
    /^kubernetes:networking\.istio\.io\/\w+:Sidecar$/,
    [meshHost("spec.outboundTrafficPolicy.egressProxy.host", "egress proxy")],
  ],
  [
    /^kubernetes:networking\.istio\.io\/\w+:ServiceEntry$/,
    [{ path: "spec", what: "external service", read: "service-entry", words: meshWords }],
  ],
  [
    /^kubernetes:networking\.istio\.io\/\w+:WorkloadEntry$/,
    [{ path: "spec.address", what: "workload endpoint", read: "address", words: meshWords }],
  ],
  // The template of the WorkloadEntries a group's VMs register: its address, when it sets one,
  // is every such workload's (an agent registering leaves it empty, and its own address is used).
  [
    /^kubernetes:networking\.istio\.io\/\w+:WorkloadGroup$/,
    [
      {
        path: "spec.template.address",
        what: "workload endpoint",
        read: "address",
        words: meshWords,
      },
    ],
  ],
  [
    /^kubernetes:telemetry\.istio\.io\/\w+:Telemetry$/,
    [
      {
        path: "spec",
        what: "telemetry provider",
        read: "mesh-telemetry",
        words: telemetryProviderWords,
      },
    ],
  ],
  [
    /^kubernetes:security\.istio\.io\/\w+:AuthorizationPolicy$/,
    [
      {
        path: "spec.provider.name",
        what: "external authorizer",
        read: "unseen",
        unseen: {
          why: "names an external authorizer of the mesh's configuration, which the pack cannot see",
          place: "the mesh's external authorizer (cannot be placed)",
        },
        words: {
          must: "have requests authorized only inside the cluster",
          how: "the mesh's proxies send the external authorizer every request the policy matches, with its headers",
          fix: "Authorize with ALLOW and DENY rules of the mesh, or, once the authorizer is confirmed to be a Service of the cluster, waive the finding with that reason",
        },
      },
    ],
  ],
];

/**
 * Where a ServiceEntry sends the traffic of the hosts it adds: to its endpoints' addresses; with
 * none, to the pods its workload selector picks (inside the cluster), or else to its hosts, as DNS
 * resolves them, and, when it resolves nothing (`NONE`), to the addresses it lists. Whether the
 * entry calls itself part of the mesh (`location: MESH_INTERNAL`) does not say where its hosts
 * resolve: they are read all the same.
 */
function serviceEntryDestinations(
  f: DestinationField,
  s: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  // Each value is read as an address, and the finding names where it lies (`hosts[1]`).
  const at = (path: string, address: string): DestinationFinding[] =>
    readDestination({ ...f, read: "service-address" }, address, allowlist, j).map((d) => ({
      ...d,
      at: path,
    }));
  const endpoints = Array.isArray(s.endpoints) ? s.endpoints : [];
  if (endpoints.length > 0) {
    return endpoints.flatMap((e, i) => {
      const address = str(record(e)?.address);
      return address === undefined || address.startsWith("unix://")
        ? []
        : at(`endpoints[${i}].address`, address);
    });
  }
  if (s.workloadSelector !== undefined) {
    return [];
  }
  const byAddress =
    str(s.resolution) === "NONE" && Array.isArray(s.addresses) && s.addresses.length > 0;
  const names = byAddress ? s.addresses : Array.isArray(s.hosts) ? s.hosts : [];
  const list = byAddress ? "addresses" : "hosts";
  return (names as unknown[]).flatMap((n, i) => {
    const text = str(n);
    if (text === undefined) {
      return [];
    }
    // A wildcard host (`*.corp.internal`) is every name under it: admitted where the egress
    // hosts admit them all, as a DNS pattern is (found by the CNI bench: it was no URL to read).
    return text.includes("*")
      ? fqdnPatternDestinations(text, allowlist, j).map((d) => ({ ...d, at: `${list}[${i}]` }))
      : at(`${list}[${i}]`, text);
  });
}

/**
 * The Prometheus Operator's servers: a Prometheus (`v1`) or PrometheusAgent (`v1alpha1`) runs
 * Prometheus pods that write every sample they scrape to their remote write endpoints, read
 * series through their remote read endpoints, send alerts to Alertmanagers (Services of the
 * cluster, named by namespace and name) and their own traces to a collector; a Prometheus's
 * Thanos sidecar uploads its blocks to the object storage a Secret configures. A proxy carries
 * the same data. Configuration kept in a Secret (additional scrape or Alertmanager
 * configurations, Thanos's object storage and tracing) the pack does not read: set, it cannot be
 * placed. An API server it discovers targets through (`apiserverConfig`) is sent requests for
 * target lists, not the samples, and the targets' data comes in.
 */
const remoteWords: DestinationWords = {
  must: "send its metrics only to storage and services of the cluster, private or allowlisted addresses",
  how: "Prometheus writes there every sample it scrapes (remote write), reads series through it (remote read), or uploads its blocks to it (Thanos)",
  fix: "Write to a storage of the cluster (a Thanos receiver, Mimir or VictoriaMetrics Service) or a private address, or add its address to the egress allowlist, or its host name to egressHosts, with a reason",
};
const remoteProxyFields = (at: string, what: string): DestinationField[] => [
  { path: `${at}.proxyUrl`, what, read: "request-url", words: remoteWords },
  { path: `${at}.proxyFromEnvironment`, what, read: "environment-proxy", words: remoteWords },
];
const inSecret = (path: string, what: string, kept = "a Secret"): DestinationField => ({
  path,
  what,
  read: "unseen",
  unseen: {
    why: `keeps the ${what} in ${kept}, which the pack does not read`,
    place: `the ${what} (cannot be placed)`,
  },
  words: remoteWords,
});

/** Thanos's object storage and tracing configurations at `at`: in a Secret, or a file of its pods. */
const thanosConfigurations = (at: string): DestinationField[] =>
  ["objectStorage", "tracing"].flatMap((config) => {
    const what = `Thanos ${config === "tracing" ? "tracing" : "object storage"} configuration`;
    return [
      inSecret(`${at}.${config}Config`, what),
      inSecret(`${at}.${config}ConfigFile`, what, "a file of its pods"),
    ];
  });
const prometheusAgentFields: readonly DestinationField[] = [
  {
    path: "spec.remoteWrite[].url",
    what: "remote write endpoint",
    read: "request-url",
    words: remoteWords,
  },
  ...remoteProxyFields("spec.remoteWrite[]", "remote write proxy"),
  inSecret("spec.additionalScrapeConfigs", "additional scrape configuration"),
  {
    path: "spec.tracingConfig.endpoint",
    what: "trace collector",
    read: "service-address",
    words: remoteWords,
  },
];
const prometheusFields: readonly DestinationField[] = [
  ...prometheusAgentFields,
  {
    path: "spec.remoteRead[].url",
    what: "remote read endpoint",
    read: "request-url",
    words: remoteWords,
  },
  ...remoteProxyFields("spec.remoteRead[]", "remote read proxy"),
  ...remoteProxyFields("spec.alerting.alertmanagers[]", "Alertmanager proxy"),
  inSecret("spec.additionalAlertManagerConfigs", "additional Alertmanager configuration"),
  ...thanosConfigurations("spec.thanos"),
];

/**
 * The Prometheus Operator's AlertmanagerConfigs (`monitoring.coreos.com/v1alpha1` and `v1beta1`):
 * the receivers the Alertmanagers that select one send the alerts of its routes to — each alert's
 * labels and annotations, which carry what the rules put there (instances, customers, the values
 * of queries). A webhook's URL may be a Service of the cluster or a private address; an e-mail
 * goes to its recipients' mailboxes, a URL kept in a Secret where the pack cannot read, and every
 * other integration to its vendor's service (Slack, PagerDuty, Opsgenie, …) at the service's own
 * endpoint, unless the integration names a URL of the cluster's or a private one. Each
 * integration's HTTP proxy carries the alerts too.
 */
const alertWords: DestinationWords = {
  must: "send alerts only to receivers of the cluster, private or allowlisted addresses",
  how: "the Alertmanager sends it every alert the routes match, with its labels and annotations",
  fix: "Send alerts to a webhook Service of the cluster or a private address (a relay there can forward what may leave), or, once the service is confirmed inside the jurisdiction, waive the finding with that reason",
};
const alertIntegrations: ReadonlyArray<{
  readonly key: string;
  readonly service: string;
  /** The field of the integration that names the service's URL as text (not in a Secret). */
  readonly url?: string;
}> = [
  { key: "slackConfigs", service: "Slack" },
  { key: "pagerdutyConfigs", service: "PagerDuty", url: "url" },
  { key: "opsgenieConfigs", service: "Opsgenie", url: "apiURL" },
  { key: "wechatConfigs", service: "WeChat Work", url: "apiURL" },
  { key: "pushoverConfigs", service: "Pushover" },
  { key: "victoropsConfigs", service: "Splunk On-Call (VictorOps)", url: "apiUrl" },
  { key: "telegramConfigs", service: "Telegram", url: "apiURL" },
  { key: "webexConfigs", service: "Webex", url: "apiURL" },
  { key: "snsConfigs", service: "Amazon SNS", url: "apiURL" },
  { key: "discordConfigs", service: "Discord" },
  { key: "msteamsConfigs", service: "Microsoft Teams" },
  { key: "msteamsv2Configs", service: "Microsoft Teams" },
  { key: "rocketchatConfigs", service: "Rocket.Chat", url: "apiURL" },
];
const receivers = "spec.receivers[]";
const alertProxyFields = (at: string): DestinationField[] => [
  {
    path: `${at}.httpConfig.proxyURL`,
    what: "alert proxy",
    read: "request-url",
    words: alertWords,
  },
  {
    path: `${at}.httpConfig.proxyUrl`,
    what: "alert proxy",
    read: "request-url",
    words: alertWords,
  },
  {
    path: `${at}.httpConfig.proxyFromEnvironment`,
    what: "alert proxy",
    read: "environment-proxy",
    words: alertWords,
  },
];
const alertReceiverFields: readonly DestinationField[] = [
  {
    path: `${receivers}.webhookConfigs[].url`,
    what: "alert webhook",
    read: "request-url",
    words: alertWords,
  },
  {
    path: `${receivers}.webhookConfigs[].urlSecret`,
    what: "alert webhook",
    read: "unseen",
    unseen: {
      why: "names a Secret that holds the URL, which the pack does not read",
      place: "the alert webhook a Secret names (cannot be placed)",
    },
    words: alertWords,
  },
  ...alertProxyFields(`${receivers}.webhookConfigs[]`),
  {
    path: `${receivers}.emailConfigs[].to`,
    what: "alert mailbox",
    read: "mailbox",
    words: alertWords,
  },
  ...alertIntegrations.flatMap(({ key, service, url }): DestinationField[] => [
    {
      path: `${receivers}.${key}[]`,
      what: `${service} alert receiver`,
      read: "service",
      words: alertWords,
      service: { name: service, ...(url === undefined ? {} : { url }) },
    },
    ...alertProxyFields(`${receivers}.${key}[]`),
  ]),
];

/**
 * The Prometheus Operator's Thanos Rulers (`v1`): a ThanosRuler evaluates its rules by querying
 * its query endpoints (Thanos Query; the rules' expressions go there, the series come back), sends
 * the alerts to its Alertmanagers' URLs, writes the series it records to its remote write
 * endpoints, and uploads its blocks to the object storage a Secret configures. Configuration kept
 * in a Secret or a file of its pods (Alertmanagers, queries, object storage, tracing) the pack
 * does not read. Its alerts' link to the query UI (`alertQueryUrl`) is a URL in the alert, not a
 * destination.
 */
const thanosRulerFields: readonly DestinationField[] = [
  {
    path: "spec.queryEndpoints[]",
    what: "query endpoint",
    read: "service-address",
    words: remoteWords,
  },
  {
    path: "spec.alertmanagersUrl[]",
    what: "Alertmanager",
    read: "service-address",
    words: alertWords,
  },
  {
    path: "spec.remoteWrite[].url",
    what: "remote write endpoint",
    read: "request-url",
    words: remoteWords,
  },
  ...remoteProxyFields("spec.remoteWrite[]", "remote write proxy"),
  inSecret("spec.alertmanagersConfig", "Alertmanager configuration"),
  inSecret("spec.queryConfig", "query configuration"),
  ...thanosConfigurations("spec"),
];

/**
 * The Prometheus Operator's Alertmanagers (`v1`): an Alertmanager sends the alerts it receives to
 * the receivers of its configuration — the Secret `configSecret` names, else the AlertmanagerConfig
 * `alertmanagerConfiguration` names (judged as that object, with the AlertmanagerConfigs its
 * selector picks), else the Secret the operator names after it (`alertmanager-<name>`) when one
 * exists. A configuration in a Secret the pack does not read. Its peers (`additionalPeers`) are
 * sent every alert's state, and its global HTTP proxy carries every notification.
 */
const alertmanagerWords: DestinationWords = {
  ...alertWords,
  fix: "Configure its receivers in AlertmanagerConfigs of the program — name one in spec.alertmanagerConfiguration — which the pack judges, or, once the Secret's receivers are confirmed inside the jurisdiction, waive the finding with that reason",
};
const alertmanagerFields: readonly DestinationField[] = [
  {
    path: "spec",
    what: "Alertmanager configuration",
    read: "alertmanager",
    words: alertmanagerWords,
  },
  {
    path: "spec.additionalPeers[]",
    what: "Alertmanager peer",
    read: "service-address",
    words: alertWords,
  },
  // Its global HTTP settings (the operator's HTTPConfigWithProxy) spell the proxy `proxyUrl` only.
  ...alertProxyFields("spec.alertmanagerConfiguration.global").filter(
    (f) => !f.path.endsWith(".proxyURL"),
  ),
];

/** Where an Alertmanager's spec says its configuration, and so its receivers, are kept. */
function alertmanagerDestinations(spec: unknown): DestinationFinding[] {
  const s = record(spec) ?? {};
  const secret = str(s.configSecret);
  if (secret !== undefined && secret !== "") {
    return [
      {
        why: `keeps its configuration, receivers included, in the Secret ${JSON.stringify(secret)} (configSecret), which the pack does not read`,
        place: `the receivers of Secret ${secret} (cannot be placed)`,
        to: "unplaced",
      },
    ];
  }
  const configuration = record(s.alertmanagerConfiguration);
  if (str(configuration?.name) !== undefined) {
    return [];
  }
  return [
    {
      why: "names neither an AlertmanagerConfig (alertmanagerConfiguration) nor a Secret, so the operator reads its configuration, receivers included, from the Secret named after it (alertmanager-<name>) when one exists, which the pack does not read",
      place: "the receivers of its default Secret (cannot be placed)",
      to: "unplaced",
    },
  ];
}

/**
 * The Prometheus Operator's scrape configurations (`monitoring.coreos.com/v1`, the custom
 * resources its CRDs add): the Prometheus servers that select a ServiceMonitor or PodMonitor
 * scrape the Services' and pods' endpoints of the cluster it names, and a Probe has a prober
 * (the blackbox exporter) probe its targets and reads the results from it. Their metrics leave the
 * cluster only through a proxy the scrape is sent through — one named (`proxyUrl`), or the proxy
 * of the Prometheus server's environment (`proxyFromEnvironment`) — or through a prober outside.
 * A Probe's targets are sent the prober's own probes (a request of its module, no data of the
 * stack), and an OAuth 2.0 token endpoint the client's credentials: neither carries the metrics.
 * Fields as the operator's API defines them (checked against `@kubernetes-models/prometheus-operator`
 * in test/paths/custom-resources.test.ts).
 */
const scrapeProxyWords: DestinationWords = {
  must: "scrape its targets only directly or through proxies of the cluster, private or allowlisted addresses",
  how: "Prometheus sends every scrape through the proxy, and the targets' metrics come back through it",
  fix: "Scrape without a proxy, or through a proxy Service of the cluster or a private address, or add the proxy's address to the egress allowlist, or the proxy's host name to egressHosts, with a reason",
};
const environmentProxyWords: DestinationWords = {
  ...scrapeProxyWords,
  fix: "Leave proxyFromEnvironment unset and name a proxy of the cluster or a private address in proxyUrl, if one is needed",
};
const proxyFields = (at: string): DestinationField[] => [
  { path: `${at}.proxyUrl`, what: "scrape proxy", read: "request-url", words: scrapeProxyWords },
  {
    path: `${at}.proxyFromEnvironment`,
    what: "scrape proxy",
    read: "environment-proxy",
    words: environmentProxyWords,
  },
];
const monitoringFields: ReadonlyArray<readonly [RegExp, readonly DestinationField[]]> = [
  [/^kubernetes:monitoring\.coreos\.com\/v1:ServiceMonitor$/, proxyFields("spec.endpoints[]")],
  [
    /^kubernetes:monitoring\.coreos\.com\/v1:PodMonitor$/,
    proxyFields("spec.podMetricsEndpoints[]"),
  ],
  [
    /^kubernetes:monitoring\.coreos\.com\/v1(alpha1|beta1):AlertmanagerConfig$/,
    alertReceiverFields,
  ],
  [/^kubernetes:monitoring\.coreos\.com\/v1:Prometheus$/, prometheusFields],
  [/^kubernetes:monitoring\.coreos\.com\/v1:Alertmanager$/, alertmanagerFields],
  [/^kubernetes:monitoring\.coreos\.com\/v1:ThanosRuler$/, thanosRulerFields],
  // A ScrapeConfig's targets are scraped wherever they are (their metrics come in); its scrapes
  // go through its proxy, as a ServiceMonitor's do. Its service discoveries' own proxies carry
  // the discovery calls, not the metrics.
  [/^kubernetes:monitoring\.coreos\.com\/v1alpha1:ScrapeConfig$/, proxyFields("spec")],
  [/^kubernetes:monitoring\.coreos\.com\/v1alpha1:PrometheusAgent$/, prometheusAgentFields],
  [
    /^kubernetes:monitoring\.coreos\.com\/v1:Probe$/,
    [
      {
        path: "spec.prober.url",
        what: "prober",
        read: "service-address",
        words: {
          must: "probe its targets only through probers of the cluster, private or allowlisted addresses",
          how: "Prometheus has the prober probe every target and reads the results from it",
          fix: "Run the prober (the blackbox exporter) as a Service of the cluster, or add its address to the egress allowlist, or its host name to egressHosts, with a reason",
        },
      },
      ...proxyFields("spec.prober"),
    ],
  ],
];

/**
 * Where an integration with a vendor's service sends data: to the URL its `service.url` field
 * names, judged as a request URL (a Service of the cluster, a private or allowlisted address
 * passes), else to the vendor's own endpoint — or a URL kept in a Secret — which the pack cannot
 * place.
 */
function serviceDestinations(
  f: DestinationField,
  service: NonNullable<DestinationField["service"]>,
  value: unknown,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  if (value === undefined || value === null) {
    return [];
  }
  const url = service.url === undefined ? undefined : record(value)?.[service.url];
  if (typeof url === "string") {
    return readDestination({ ...f, read: "request-url" }, url, allowlist, j).map((d) => ({
      ...d,
      why: `sends to ${service.name} at its ${service.url}, which ${d.why}`,
    }));
  }
  return [
    {
      why: `sends to ${service.name}${service.url === undefined ? "" : ` at its own endpoint (no ${service.url} of the cluster's)`}, a service the pack cannot place`,
      place: `${service.name} (cannot be placed)`,
      to: "unplaced",
    },
  ];
}

/**
 * Traefik's Middlewares (`traefik.io/v1alpha1`): a forward-auth middleware sends every request
 * it guards — its headers, and its body with `forwardBody` — to its authentication service
 * (`forwardAuth.address`), as an NGINX Ingress's auth-url does; a distributed rate limit keeps
 * its counters (the clients' addresses) in a Redis (`rateLimit.redis.endpoints`); a plugin runs
 * code of Traefik's plugin catalog with a configuration the pack does not read. The other
 * middlewares rewrite, limit or answer requests in Traefik itself.
 */
const middlewareFields: readonly DestinationField[] = [
  {
    path: "spec.forwardAuth.address",
    what: "external authentication service",
    read: "request-url",
    words: {
      must: "send the requests it guards only to Services of the cluster, private or allowlisted addresses",
      how: "Traefik sends the authentication service every request the middleware guards (its headers and cookies; its body with forwardBody), outside any NetworkPolicy of the pods",
      fix: "Serve the authentication service from a Service of the cluster, or add its address to the egress allowlist, or its host name to egressHosts, with a reason",
    },
  },
  {
    path: "spec.rateLimit.redis.endpoints[]",
    what: "rate limit store",
    read: "service-address",
    words: {
      must: "keep its rate limit counters only in stores of the cluster, private or allowlisted addresses",
      how: "Traefik writes there the key of every request it limits (the client's address, or the header it names)",
      fix: "Run the Redis as a Service of the cluster, or add its address to the egress allowlist, or its host name to egressHosts, with a reason",
    },
  },
  {
    path: "spec.plugin",
    what: "Traefik plugin",
    read: "unseen",
    unseen: {
      why: "runs a plugin of Traefik's catalog, whose code and configuration the pack does not read",
      place: "what the Traefik plugin reaches (cannot be placed)",
    },
    words: {
      must: "handle requests only with middlewares the pack can read",
      how: "a plugin sees every request the middleware handles and may send it anywhere",
      fix: "Use Traefik's built-in middlewares, or, once the plugin is reviewed, waive the finding with that reason",
    },
  },
];

/**
 * The Gateway API's routes (`gateway.networking.k8s.io`: HTTPRoute, GRPCRoute, TCPRoute, TLSRoute,
 * UDPRoute): a rule sends the requests it matches to its backends, a RequestMirror filter a copy
 * of each to its backend, an external auth filter each to its authorizer. A backend that is a
 * Service of the cluster (the core group, kind Service) stays inside — an ExternalName one is
 * judged on the Service; a backend of another kind (a ServiceImport of another cluster, a mesh's
 * host entry) and an implementation's own filter (ExtensionRef), which the pack does not read,
 * cannot be placed. A redirect sends the client, not the request, elsewhere.
 */
const routeWords: DestinationWords = {
  must: "route requests only to Services of the cluster",
  how: "the Gateway's implementation sends the requests the rule matches there",
  fix: "Route to Services of the cluster (an ExternalName Service is judged where it points), and use the Gateway API's standard filters",
};

/** Where a backend reference (`{ group, kind, name }`) points: a Service of the cluster, or not. */
function backendOutside(ref: unknown, as: string): DestinationFinding[] {
  const r = record(ref);
  if (r === undefined) {
    return [];
  }
  const group = str(r.group) ?? "";
  const kind = str(r.kind) ?? "Service";
  if (group === "" && kind === "Service") {
    return [];
  }
  const name = str(r.name) ?? "(unnamed)";
  const of = `${group === "" ? "" : `${group}/`}${kind}`;
  // An Envoy Gateway Backend may be one of the stack's own, which places it (paths/mesh-hosts.ts):
  // the reference is named for the stack to look it up.
  const namespace = str(r.namespace);
  const backend = group === "gateway.envoyproxy.io" && kind === "Backend";
  return [
    {
      why: `has ${as} ${JSON.stringify(name)} of kind ${of}, which the pack cannot place`,
      place: `${of} ${name} (cannot be placed)`,
      to: "unplaced",
      ...(backend ? { host: namespace === undefined ? name : `${namespace}/${name}` } : {}),
    },
  ];
}

/** The filters of a rule or backend: a mirror's and an authorizer's backends, an extension. */
function filtersOutside(filters: unknown): DestinationFinding[] {
  return (Array.isArray(filters) ? filters : []).flatMap((f): DestinationFinding[] => {
    const filter = record(f) ?? {};
    const mirror = record(filter.requestMirror);
    const auth = record(filter.externalAuth);
    const extension = record(filter.extensionRef);
    return [
      ...backendOutside(mirror?.backendRef, "a request mirror"),
      ...backendOutside(auth?.backendRef, "an external authorizer"),
      ...(str(filter.type) === "ExtensionRef" || extension !== undefined
        ? [
            {
              why: `applies the implementation's filter ${str(extension?.kind) ?? "(unknown kind)"} ${JSON.stringify(str(extension?.name) ?? "")}, which the pack does not read`,
              place: `the ${str(extension?.kind) ?? "extension"} filter (cannot be placed)`,
              to: "unplaced" as const,
            },
          ]
        : []),
    ];
  });
}

/** A route rule's destinations outside the cluster: its backends', its filters'. */
function routeRuleDestinations(rule: unknown): DestinationFinding[] {
  const r = record(rule);
  if (r === undefined) {
    return [];
  }
  const backends = Array.isArray(r.backendRefs) ? r.backendRefs : [];
  return [
    ...filtersOutside(r.filters),
    ...backends.flatMap((b) => [
      ...backendOutside(b, "a backend"),
      ...filtersOutside(record(b)?.filters),
    ]),
  ];
}

const routeRuleField: DestinationField = {
  path: "spec.rules[]",
  what: "route backend",
  read: "gateway-route",
  words: routeWords,
  envoyBackend: true,
};

/**
 * Flux's notification Providers (`notification.toolkit.fluxcd.io`): the notification controller
 * sends the events its Alerts select — the objects reconciled, their revisions and messages — to
 * the provider's `address`, through its `proxy`; without an address, to the one its Secret holds
 * (`secretRef`), else to the service of its `type` (Slack's, Telegram's, PagerDuty's …). An
 * address of the cluster, a private or allowlisted one passes; a Secret's or a vendor's cannot be
 * placed.
 */
const notificationWords: DestinationWords = {
  must: "send the cluster's deployment events only to receivers of the cluster, private or allowlisted addresses",
  how: "Flux's notification controller sends it the events its Alerts select: the objects reconciled, their revisions and messages",
  fix: "Send events to a webhook Service of the cluster or a private address (a relay there can forward what may leave), or, once the service is confirmed inside the jurisdiction, waive the finding with that reason",
};

function fluxProviderDestinations(
  f: DestinationField,
  s: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const type = str(s.type) ?? "(unknown type)";
  const address = str(s.address);
  const proxy = str(s.proxy);
  const via = (text: string, what: string) =>
    readDestination({ ...f, read: "request-url", what }, text, allowlist, j);
  return [
    ...(address !== undefined && address !== ""
      ? via(address, "notification receiver")
      : [
          {
            why:
              s.secretRef !== undefined
                ? `sends ${type} notifications to the address its Secret holds (secretRef), which the pack does not read`
                : `sends ${type} notifications to the ${type} service, which the pack cannot place`,
            place: `the ${type} notification receiver (cannot be placed)`,
            to: "unplaced" as const,
          },
        ]),
    ...(proxy !== undefined && proxy !== "" ? via(proxy, "notification proxy") : []),
    ...(s.proxySecretRef !== undefined
      ? [
          {
            why: "sends notifications through the proxy its Secret holds (proxySecretRef), which the pack does not read",
            place: "the notification proxy (cannot be placed)",
            to: "unplaced" as const,
          },
        ]
      : []),
  ];
}

const fluxProviderField: DestinationField = {
  path: "spec",
  what: "notification receiver",
  read: "flux-provider",
  words: notificationWords,
};

/**
 * The Datadog Operator's DatadogAgents (`datadoghq.com/v2alpha1`): the operator runs the Datadog
 * Agent on every node, and a Cluster Agent, which send the cluster's metrics — and its logs,
 * traces, processes and network data where the features are on — to the intake of the Datadog
 * site `global.site` names (`datadoghq.com`, the US1 site, when unset), or to the intake or proxy
 * `global.endpoint.url` names instead; the Orchestrator Explorer sends the cluster's objects, its
 * manifests included, to `features.orchestratorExplorer.ddUrl` where set (else the same site).
 * A Datadog site is a vendor's domain the pack cannot place: it passes once the stack's egressHosts
 * admit its intakes (`*.<site>`), with the reason (Datadog documents where each site keeps its data), as a proxy at a
 * private or allowlisted address does (docs/configuration.v2alpha1.md of DataDog/datadog-operator).
 */
const datadogWords: DestinationWords = {
  must: "send the cluster's telemetry only to Datadog sites or intakes the stack's egress hosts admit, or to private or allowlisted addresses",
  how: "the Datadog Agents the operator runs send it the cluster's metrics, and its logs, traces, processes and objects where those features are on",
  fix: "Set spec.global.site to the Datadog site that keeps its data inside the jurisdiction and admit its intakes in egressHosts (*.<site>) with a reason, or send through a proxy at a private or allowlisted address (spec.global.endpoint.url)",
};

function datadogAgentDestinations(
  f: DestinationField,
  spec: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const global = record(spec.global);
  const url = str(record(global?.endpoint)?.url);
  const orchestrator = str(record(record(spec.features)?.orchestratorExplorer)?.ddUrl);
  return [
    ...(url === undefined
      ? datadogSite(str(global?.site), allowlist)
      : readDestination({ ...f, read: "request-url" }, url, allowlist, j).map((d) => ({
          ...d,
          why: `sends the agents' data to the intake its global.endpoint.url names, which ${d.why}`,
        }))),
    ...(orchestrator === undefined
      ? []
      : readDestination(
          { ...f, read: "request-url", what: "Orchestrator Explorer intake" },
          orchestrator,
          allowlist,
          j,
        ).map((d) => ({
          ...d,
          why: `sends the cluster's objects to the Orchestrator Explorer intake its features.orchestratorExplorer.ddUrl names, which ${d.why}`,
        }))),
  ];
}

/**
 * The agents' intakes on a Datadog site: hosts under its domain (`<version>-app.agent.<site>`,
 * `trace.agent.<site>`, `agent-http-intake.logs.<site>`, `process.<site>`,
 * `orchestrator.<site>`), which egressHosts admit as `*.<site>`; the site's own name is no host
 * the agents send to.
 */
function datadogSite(
  site: string | undefined,
  allowlist: readonly EgressAllowEntry[],
): DestinationFinding[] {
  const domain = (site ?? "datadoghq.com").toLowerCase();
  if (allowlistEntryAt(allowlist, `agent.${domain}`) !== undefined) {
    return [];
  }
  const which =
    site === undefined
      ? "the Datadog site datadoghq.com (US1), the default where global.site is unset"
      : `the Datadog site ${site} (global.site)`;
  return [
    {
      why: `sends the agents' data to ${which}, whose intakes (…-app.agent.${domain}, trace.agent.${domain}, agent-http-intake.logs.${domain}) the pack cannot place; egressHosts may admit them as *.${domain}`,
      place: `${domain} (cannot be placed)`,
      to: "unplaced",
    },
  ];
}

const datadogAgentField: DestinationField = {
  path: "spec",
  what: "Datadog intake",
  read: "datadog-agent",
  words: datadogWords,
};

/**
 * KEDA's CloudEventSources (`eventing.keda.sh`): KEDA sends a CloudEvent for each event of the
 * scaled objects and jobs it selects — their names, namespaces, the cluster's name (`clusterName`)
 * and what failed — to the HTTP receiver of `destination.http.uri` or the Azure Event Grid topic
 * of `destination.azureEventGridTopic.endpoint`. A receiver of the cluster, a private or
 * allowlisted address passes; an Event Grid topic is Azure's, which the pack cannot place; a
 * destination that names neither is one the pack cannot read.
 */
const kedaEventWords: DestinationWords = {
  must: "send KEDA's events only to receivers of the cluster, private or allowlisted addresses",
  how: "KEDA sends it a CloudEvent for each event of the objects it scales: their names, namespaces, the cluster's name and the errors met",
  fix: "Send the events to a receiver Service of the cluster or a private address (a relay there can forward what may leave), or, once the receiver is confirmed inside the jurisdiction, waive the finding with that reason",
};

function kedaEventDestinations(
  f: DestinationField,
  destination: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const uri = str(record(destination.http)?.uri);
  const topic = record(destination.azureEventGridTopic);
  return [
    ...(uri === undefined
      ? []
      : readDestination(
          { ...f, read: "request-url", what: "CloudEvent receiver" },
          uri,
          allowlist,
          j,
        )),
    ...(topic === undefined
      ? []
      : readDestination(
          { ...f, read: "outside", what: "Azure Event Grid topic" },
          str(topic.endpoint) ?? "(no endpoint)",
          allowlist,
          j,
        )),
    ...(uri === undefined && topic === undefined
      ? [
          {
            why: "names no receiver the pack reads (destination.http.uri or destination.azureEventGridTopic)",
            place: "KEDA's event receiver (cannot be placed)",
            to: "unplaced" as const,
          },
        ]
      : []),
  ];
}

const kedaEventField: DestinationField = {
  path: "spec.destination",
  what: "CloudEvent receiver",
  read: "keda-events",
  words: kedaEventWords,
};

/**
 * Knative Eventing's destinations (a duck-typed `Destination`: `ref`, `uri`): a Trigger's
 * subscriber, a Subscription's subscriber and reply, a source's sink, a Sequence's steps, a
 * Parallel's branches, and every dead-letter sink of their delivery. Knative delivers the events
 * there, their data with them. A reference (`ref`, a URI beside it only a path on it) is an
 * addressable object of the cluster — a Knative Service, a Broker, a Channel, a Service — and
 * passes; a URI alone must be of the cluster, private or allowlisted.
 */
const knativeEventWords: DestinationWords = {
  must: "deliver events only to addressables of the cluster, private or allowlisted addresses",
  how: "Knative delivers it the events, with their data",
  fix: "Deliver the events to an addressable of the cluster (ref: a Knative Service, a Broker, a Service) or a private address, or, once the receiver is confirmed inside the jurisdiction, add it to the egress allowlist with a reason",
};

function knativeDestinations(
  f: DestinationField,
  destination: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const uri = str(destination.uri);
  if (destination.ref !== undefined && destination.ref !== null) {
    return [];
  }
  return uri === undefined ? [] : readDestination({ ...f, read: "request-url" }, uri, allowlist, j);
}

/** A Knative destination at `path`, with what the events sent there are (`what`). */
const knativeDestination = (path: string, what: string): DestinationField => ({
  path,
  what,
  read: "knative-destination",
  words: knativeEventWords,
});

/** A URL a Knative Channel's subscriber list holds (the Subscriptions' resolved destinations). */
const knativeUri = (path: string, what: string): DestinationField => ({
  path,
  what,
  read: "request-url",
  words: knativeEventWords,
});

/** Where a delivery spec at `at` sends the events it could not deliver. */
const deadLetters = (at: string) => knativeDestination(`${at}.deadLetterSink`, "dead-letter sink");

/**
 * Knative Eventing's integrations (`sources.knative.dev` and `sinks.knative.dev` `v1alpha1`), run
 * by Apache Camel's Kamelets: an IntegrationSource takes events from an Amazon S3 bucket, an SQS
 * queue or a DynamoDB table's stream (`spec.aws`) and delivers them to its sink; an
 * IntegrationSink writes every event it is sent into an S3 bucket, an SQS queue or an SNS topic.
 * The service is in `region`, else in the region of a full ARN (`arn`); at `uriEndpointOverride`
 * when `overrideEndpoint` is set, at an SQS queue's `queueURL`, or at its `host` when that is no
 * AWS domain. One that names no region cannot be placed. A timer source and a log sink name no
 * place.
 */
const integrationWords: Readonly<Record<"source" | "sink", DestinationWords>> = {
  source: {
    must: "take events only from stores in regions inside the jurisdiction, of the cluster, private or allowlisted addresses",
    how: "the integration connects to it and takes what it holds as events, into the cluster and on to its sink",
    fix: "Take the events from a bucket, queue or table stream in a region inside the jurisdiction (region), or from a server of the cluster or a private address",
  },
  sink: {
    must: "write events only to stores in regions inside the jurisdiction, of the cluster, private or allowlisted addresses",
    how: "the integration writes every event it is sent there, with its data",
    fix: "Write the events to a bucket, queue or topic in a region inside the jurisdiction (region), or to a server of the cluster or a private address",
  },
};

/** An integration's AWS service at `path` (`spec.aws.s3`), read as its source or its sink. */
const integrationField = (
  path: string,
  what: string,
  read: "integration-source" | "integration-sink",
): DestinationField => ({
  path,
  what,
  read,
  words: integrationWords[read === "integration-source" ? "source" : "sink"],
});

/** What each AWS service of an integration keeps, by its key under `spec.aws`. */
const integrationServices: Readonly<Record<string, string>> = {
  s3: "Amazon S3 bucket",
  sqs: "Amazon SQS queue",
  sns: "Amazon SNS topic",
  ddbStreams: "the DynamoDB stream of table",
};

/**
 * Where an integration's AWS service is (`service`, the object at `f.path`), in the words of
 * `verb`: "reads the events from", "writes the events to".
 */
const integrationDestinations =
  (verb: string) =>
  (
    f: DestinationField,
    service: Readonly<Record<string, unknown>>,
    allowlist: readonly EgressAllowEntry[],
    j: string,
  ): DestinationFinding[] => {
    const key = f.path.slice(f.path.lastIndexOf(".") + 1);
    const arn = str(service.arn);
    // An S3 ARN names the bucket and no region (`arn:aws:s3:::my-bucket`); a queue's or topic's
    // ARN names both.
    const name = key === "ddbStreams" ? str(service.table) : arn?.replace(/^arn:[^:]*:s3:::/, "");
    const what = `${integrationServices[key] ?? key}${name === undefined ? "" : ` ${JSON.stringify(name)}`}`;
    const override = str(service.uriEndpointOverride);
    if ((service.overrideEndpoint === true || service.overrideEndpoint === "true") && override) {
      return serverDestinations(
        f,
        override,
        allowlist,
        j,
        `${verb} the server of uriEndpointOverride`,
      );
    }
    const queueUrl = str(service.queueURL);
    if (queueUrl !== undefined) {
      return serverDestinations(f, queueUrl, allowlist, j, `${verb} the queue at queueURL`);
    }
    const host = str(service.host);
    if (host !== undefined && !/^amazonaws\.com(\.cn)?$/.test(host)) {
      return serverDestinations(f, host, allowlist, j, `${verb} the queue of host`);
    }
    const region =
      (str(service.region) || undefined) ??
      (arn === undefined ? undefined : arnRegion(arn) || undefined);
    return regionDestinations(j, "aws", region, what, verb);
  };

/** The destinations of Knative Eventing's kinds, by type. */
const knativeFields: ReadonlyArray<readonly [RegExp, readonly DestinationField[]]> = [
  [
    /^kubernetes:eventing\.knative\.dev\/v1:Trigger$/,
    [knativeDestination("spec.subscriber", "event subscriber"), deadLetters("spec.delivery")],
  ],
  [/^kubernetes:eventing\.knative\.dev\/v1:Broker$/, [deadLetters("spec.delivery")]],
  [/^kubernetes:eventing\.knative\.dev\/v1alpha1:RequestReply$/, [deadLetters("spec.delivery")]],
  [
    /^kubernetes:eventing\.knative\.dev\/v1alpha1:EventTransform$/,
    [knativeDestination("spec.sink", "event sink")],
  ],
  [
    /^kubernetes:messaging\.knative\.dev\/v1:Subscription$/,
    [
      knativeDestination("spec.subscriber", "event subscriber"),
      knativeDestination("spec.reply", "event reply"),
      deadLetters("spec.delivery"),
    ],
  ],
  [
    /^kubernetes:messaging\.knative\.dev\/v1:(Channel|InMemoryChannel)$/,
    [
      deadLetters("spec.delivery"),
      knativeUri("spec.subscribers[].subscriberUri", "event subscriber"),
      knativeUri("spec.subscribers[].replyUri", "event reply"),
      knativeUri("spec.subscribers[].delivery.deadLetterSink.uri", "dead-letter sink"),
    ],
  ],
  [
    /^kubernetes:sources\.knative\.dev\/\w+:(ApiServerSource|PingSource|SinkBinding|ContainerSource)$/,
    [knativeDestination("spec.sink", "event sink")],
  ],
  [
    /^kubernetes:sources\.knative\.dev\/v1alpha1:IntegrationSource$/,
    [
      knativeDestination("spec.sink", "event sink"),
      integrationField("spec.aws.s3", "S3 source", "integration-source"),
      integrationField("spec.aws.sqs", "SQS source", "integration-source"),
      integrationField("spec.aws.ddbStreams", "DynamoDB Streams source", "integration-source"),
    ],
  ],
  [
    /^kubernetes:sinks\.knative\.dev\/v1alpha1:IntegrationSink$/,
    [
      integrationField("spec.aws.s3", "S3 sink", "integration-sink"),
      integrationField("spec.aws.sqs", "SQS sink", "integration-sink"),
      integrationField("spec.aws.sns", "SNS sink", "integration-sink"),
    ],
  ],
  [
    /^kubernetes:flows\.knative\.dev\/v1:Sequence$/,
    [
      knativeDestination("spec.steps[]", "sequence step"),
      deadLetters("spec.steps[].delivery"),
      knativeDestination("spec.reply", "event reply"),
    ],
  ],
  [
    /^kubernetes:flows\.knative\.dev\/v1:Parallel$/,
    [
      knativeDestination("spec.branches[].subscriber", "event subscriber"),
      knativeDestination("spec.branches[].filter", "event filter"),
      knativeDestination("spec.branches[].reply", "event reply"),
      deadLetters("spec.branches[].delivery"),
      knativeDestination("spec.reply", "event reply"),
    ],
  ],
];

/**
 * The Secrets Store CSI Driver's SecretProviderClasses (`secrets-store.csi.x-k8s.io` `v1`,
 * `v1alpha1`): the secrets the driver mounts into every pod whose volume names the class, read
 * from the store of its `provider` with its `parameters` (all text). AWS Secrets Manager or
 * Parameter Store is in `region` — unset, the region of the node the pod runs on, the cluster's
 * own, which kubernetes-cluster-placement judges — and in `failoverRegion`, and an object
 * `objects` names by its full ARN in that ARN's region; a Vault (or OpenBao) is at
 * `vaultAddress` (of the cluster, a private or allowlisted address passes); Azure Key Vault,
 * Google Secret Manager and every other provider keep them where the class does not say.
 */
const secretProviderWords: DestinationWords = {
  must: "mount only secrets kept in stores inside the jurisdiction, of the cluster, private or allowlisted addresses",
  how: "the Secrets Store CSI Driver reads the secrets from it into the pods that mount the class",
  fix: "Keep the secrets in AWS Secrets Manager or Parameter Store in a region inside the jurisdiction (or leave region unset: the cluster's own), or in a Vault of the cluster or at a private address",
};

const secretProviderField: DestinationField = {
  path: "spec",
  what: "secret provider",
  read: "secret-provider",
  words: secretProviderWords,
};

/** The ARNs a text holds (an `objects` list of the AWS provider names secrets by ARN). */
const arnsIn = (text: string): string[] => text.match(/arn:aws[a-z-]*:[a-z0-9-]+:[^\s"',]+/g) ?? [];

/** Where a SecretProviderClass's provider keeps the secrets it mounts. */
function secretProviderDestinations(
  f: DestinationField,
  spec: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const provider = spec.provider;
  const parameters = spec.parameters;
  const unplaced = (why: string, place: string): DestinationFinding[] => [
    { why, place, to: "unplaced" },
  ];
  if (isUnknown(provider) || isUnknown(parameters)) {
    return unplaced(
      "keeps them with a provider or parameters not known at preview",
      "the secret provider (not known at preview)",
    );
  }
  const p = record(parameters) ?? {};
  const name = str(provider);
  const service = "AWS Secrets Manager or Parameter Store";
  const inRegion = (region: unknown, what: string): DestinationFinding[] =>
    isUnknown(region)
      ? unplaced(
          `keeps them in ${service} of a region not known at preview (${what})`,
          `${service} (not known at preview)`,
        )
      : region === undefined || region === ""
        ? []
        : regionDestinations(j, "aws", str(region), service, "keeps them in");
  switch (name) {
    case "aws": {
      const objects = p.objects;
      return [
        ...inRegion(p.region, "parameters.region"),
        ...inRegion(p.failoverRegion, "parameters.failoverRegion"),
        ...(isUnknown(objects)
          ? unplaced(
              `keeps them in secrets parameters.objects names, not known at preview`,
              `${service} (not known at preview)`,
            )
          : arnsIn(str(objects) ?? "").flatMap((arn) =>
              inRegion(arnRegion(arn), `an ARN of parameters.objects`),
            )),
      ];
    }
    case "vault":
    case "openbao": {
      const address = p.vaultAddress;
      if (isUnknown(address)) {
        return unplaced(
          "keeps them in a Vault at an address not known at preview",
          "a Vault (not known at preview)",
        );
      }
      const text = str(address);
      return text === undefined
        ? unplaced(
            "keeps them in a Vault whose address it does not name (parameters.vaultAddress)",
            "a Vault (cannot be placed)",
          )
        : readDestination({ ...f, read: "service-address" }, text, allowlist, j);
    }
    default:
      return unplaced(
        name === undefined
          ? "names no provider (spec.provider), so where the secrets are kept cannot be placed"
          : `names the provider ${JSON.stringify(name)} (spec.provider), whose service the pack cannot place`,
        `the ${name ?? "unnamed"} secret store (cannot be placed)`,
      );
  }
}

/**
 * The destination fields of the operators' kinds, by the types they apply to (an object's, a
 * Patch's; a List's are read under `items[]` by paths/kubernetes.ts).
 */
export const operatorFields: ReadonlyArray<readonly [RegExp, readonly DestinationField[]]> = [
  ...monitoringFields,
  ...meshFields,
  ...openTelemetryFields,
  [/^kubernetes:external-secrets\.io\/v1(beta1)?:(Cluster)?SecretStore$/, [secretStoreField]],
  [
    /^kubernetes:secrets-store\.csi\.x-k8s\.io\/v1(alpha1)?:SecretProviderClass$/,
    [secretProviderField],
  ],
  [/^kubernetes:traefik\.(io|containo\.us)\/v1alpha1:Middleware$/, middlewareFields],
  [/^kubernetes:gateway\.networking\.k8s\.io\/\w+:(HTTP|GRPC|TCP|TLS|UDP)Route$/, [routeRuleField]],
  [/^kubernetes:notification\.toolkit\.fluxcd\.io\/\w+:Provider$/, [fluxProviderField]],
  [/^kubernetes:datadoghq\.com\/v2alpha1:DatadogAgent$/, [datadogAgentField]],
  [/^kubernetes:eventing\.keda\.sh\/v1alpha1:(Cluster)?CloudEventSource$/, [kedaEventField]],
  ...knativeFields,
  ...backupFields,
  ...logForwardingFields,
  ...fargateLoggingFields,
  ...streamingFields,
  ...interconnectFields,
  ...consulFields,
  ...gatewayParameterFields,
  ...kongPluginFields,
];

/** A reading of this module's: the findings on a field's value. */
type Reading = (
  f: DestinationField,
  value: unknown,
  allowlist: readonly EgressAllowEntry[],
  j: string,
) => DestinationFinding[];

/** A reading of a whole object (a spec, an entry of a list): no finding on anything else. */
const ofObject =
  (
    read: (
      f: DestinationField,
      o: Readonly<Record<string, unknown>>,
      allowlist: readonly EgressAllowEntry[],
      j: string,
    ) => DestinationFinding[],
  ): Reading =>
  (f, value, allowlist, j) => {
    const o = record(value);
    return o === undefined ? [] : read(f, o, allowlist, j);
  };

/**
 * Cilium's DNS-based egress (`toFQDNs`): a rule allows the pods it selects to reach the addresses
 * the names it lists resolve to — `matchName` one name, `matchPattern` every name its wildcards
 * match (`*` within a label; a pattern of `*` alone, every name). Each name must be one the egress
 * hosts admit or a cloud endpoint inside; a pattern passes when the host entries admit every name
 * it matches. kubernetes-egress reports them with the rule (policy/kubernetes.ts `judgeEgress`).
 */
export function ciliumFqdnDestinations(
  fqdn: unknown,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const name = str(valueAt(fqdn, "matchName"));
  return [
    ...(name === undefined ? [] : readDestination(dnsName, name.replace(/\.$/, ""), allowlist, j)),
    ...fqdnPatternDestinations(valueAt(fqdn, "matchPattern"), allowlist, j),
  ];
}

/** A DNS name of a Cilium rule, read as an address (a host, or a cloud's regional endpoint). */
const dnsName: DestinationField = {
  path: "toFQDNs[]",
  what: "DNS name",
  read: "address",
  words: {
    must: "allow egress only to hosts the stack places inside",
    how: "the pods the rule selects may send anything to the addresses the name resolves to",
    fix: "Allow only names the egress hosts admit (sovereign-dc:egressHosts, with a reason)",
  },
};

/** The hosts a Cilium `matchPattern` allows: every name, or a sample name of its wildcards. */
function fqdnPatternDestinations(
  value: unknown,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const pattern = str(value);
  if (pattern === undefined) {
    return [];
  }
  const trimmed = pattern.trim().replace(/\.$/, "");
  if (/^\*+$/.test(trimmed)) {
    return [
      {
        why: `is ${JSON.stringify(pattern)}, which matches every host name, in any country`,
        place: "every host name (any country)",
        to: "internet",
      },
    ];
  }
  // Every name the wildcards match is admitted where one made of a label no entry names is.
  const sample = trimmed.replace(/\*+/g, "sovereign-dc-wildcard");
  if (allowlistEntryAt(allowlist, sample) !== undefined) {
    return [];
  }
  // Read as the sample name, and said as the pattern.
  return readDestination(dnsName, sample, allowlist, j).map((d) => ({
    ...d,
    why: d.why.replaceAll(sample, trimmed),
    place: d.place.replaceAll(sample, trimmed),
    ...(d.host === undefined ? {} : { host: d.host.replaceAll(sample, trimmed) }),
  }));
}

/** This module's readings, by the `read` of the fields they read. */
const readings: Readonly<Record<string, Reading>> = {
  "service-entry": ofObject(serviceEntryDestinations),
  "mesh-telemetry": ofObject(telemetryDestinations),
  "endpoint-variable": ofObject(endpointVariableDestinations),
  "secret-store": ofObject(secretStoreDestinations),
  "secret-provider": ofObject(secretProviderDestinations),
  "flux-provider": ofObject(fluxProviderDestinations),
  "datadog-agent": ofObject(datadogAgentDestinations),
  "keda-events": ofObject(kedaEventDestinations),
  "knative-destination": ofObject(knativeDestinations),
  "integration-source": ofObject(integrationDestinations("reads the events from")),
  "integration-sink": ofObject(integrationDestinations("writes the events to")),
  "collector-exporters": collectorExporterDestinations,
  alertmanager: (_f, value) => alertmanagerDestinations(value),
  "gateway-route": (_f, value) => routeRuleDestinations(value),
  // A backend an implementation's parameters name (a telemetry collector's): a Service of the
  // cluster, or an object of a kind the pack does not place.
  "backend-ref": (f, value) => backendOutside(value, `a ${f.what}`),
  service: (f, value, allowlist, j) =>
    f.service === undefined ? [] : serviceDestinations(f, f.service, value, allowlist, j),
  // The other modules' readings: of one object (a location, an output, a spec), and of a value
  // that is not one (a list of servers, a pod environment).
  ...Object.fromEntries(
    Object.entries({
      ...backupReadings,
      ...logForwardingReadings,
      ...streamingReadings,
      ...interconnectReadings,
      ...consulReadings,
      ...gatewayParameterReadings,
    }).map(([read, reading]) => [read, ofObject(reading)]),
  ),
  ...backupValueReadings,
  ...streamingValueReadings,
  ...logForwardingValueReadings,
  ...consulValueReadings,
  ...gatewayParameterValueReadings,
  ...kongPluginValueReadings,
};

/**
 * The settings of a value a reading weighs (paths, `a.b`), where it weighs only some
 * (paths/backups.ts `backupWeighs`, paths/log-forwarding.ts `logForwardingWeighs`,
 * paths/streaming.ts `streamingWeighs`; `[]` weighs every entry); every other reading weighs all
 * the value holds.
 */
const weighs: Readonly<Record<string, readonly string[]>> = {
  // A collector's exporters and the environment their endpoints may name, not its image or pods.
  "collector-exporters": ["config.exporters", "env"],
  // A Telemetry's providers and whether an entry is off, not its selector or overrides.
  "mesh-telemetry": [
    "tracing[].providers",
    "tracing[].disableSpanReporting",
    "accessLogging[].providers",
    "accessLogging[].disabled",
    "metrics[].providers",
  ],
  // A DatadogAgent's site and intakes, not its features, images or overrides.
  "datadog-agent": ["global.site", "global.endpoint.url", "features.orchestratorExplorer.ddUrl"],
  ...backupWeighs,
  ...logForwardingWeighs,
  ...streamingWeighs,
  ...interconnectWeighs,
  ...gatewayParameterWeighs,
  // A backend reference's kind and group, not its port or weight.
  "backend-ref": ["group", "kind"],
};

/**
 * The findings of a reading of this module's, or undefined for a reading that is not one. Each
 * reads several settings of one value together (a spec, an integration, an entry of a list): one
 * of them not known at preview may name any server, so a value that holds one — or a runtime
 * proxy that throws on reading it — is one undecided finding, not a reading of what is known.
 */
export function operatorDestinations(
  f: DestinationField,
  value: unknown,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] | undefined {
  const reading = readings[f.read];
  if (reading === undefined) {
    return undefined;
  }
  const only = weighs[f.read];
  const weighed =
    only === undefined
      ? value
      : only.map((path) => known(() => valuesAt(value, path).map((found) => found.value)));
  const undecided = known(() => holdsUnknown(weighed));
  if (undecided === true || isUnknown(undecided)) {
    return [
      {
        why: "holds a setting not known at preview, so the servers it may name cannot be checked",
        place: `the ${f.what} (unknown at preview)`,
        to: "unplaced",
        unknown: true,
      },
    ];
  }
  return reading(f, value, allowlist, j);
}
