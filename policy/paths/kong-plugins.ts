/**
 * Kong's plugins on Kubernetes (`configuration.konghq.com/v1` `KongPlugin` and
 * `KongClusterPlugin`), as kubernetes-egress reads them: a plugin acts on every request of the
 * routes, services or consumers it is attached to, and some send those requests, their logs or
 * their metrics to a server their `config` names. Read from Kong's plugin schemas (Kong/kong
 * `kong/plugins/<name>/schema.lua`; the Enterprise plugins from Kong's published schemas):
 *
 * - Servers named in `config`, judged as addresses (a Service of the cluster, a private or
 *   allowlisted address, a cloud endpoint inside pass): the log plugins' endpoints (`http-log`,
 *   `tcp-log`, `udp-log`, `loggly` — Loggly's own host where unset —, `datadog` and `statsd`, the
 *   node's agent where unset), the tracers' (`zipkin`, `opentelemetry`), an AWS Lambda function's
 *   host and region, an LDAP or OpenID Connect server, a token introspection endpoint, a forward
 *   proxy, Kafka brokers, a callout's URL, the Redis of a rate limit whose policy is `redis`, and
 *   the stores of `acme`'s certificates.
 * - An AI proxy sends each request's prompt to the model provider its config names: to
 *   `model.options.upstream_url` where set, else to the provider's own public API, which the pack
 *   cannot place; Azure Functions are a cloud the pack does not place.
 * - Code and configuration the pack does not read cannot be placed: `pre-function` and
 *   `post-function` Lua, a log plugin's `custom_fields_by_lua`, a configuration kept in a Secret
 *   (`configFrom`) or patched from one (`configPatches`), and any plugin not listed here.
 *
 * The plugins that act on a request locally (authentication by local credentials, ACLs, CORS,
 * transformations, local rate limits, `prometheus`, `file-log`, `syslog` to the node's daemon…)
 * pass. Kinds and fields as Kong's CRDs define them (policy/reviewed.ts
 * `customResourceReferences`).
 */
import { getJurisdiction, regionInJurisdiction } from "../../residency/jurisdictions";
import { describePlace } from "../../residency/placement";
import { unread } from "./gateway-parameters";
import type { DestinationField, DestinationFinding, DestinationWords } from "./kubernetes";
import { str, valueAt } from "./values";

const logWords: DestinationWords = {
  must: "send its logs, metrics and traces only to servers of the cluster, private or allowlisted addresses",
  how: "Kong sends there what it records of every request the plugin is attached to",
  fix: "Send to a collector of the cluster (a Service) or a private address — a relay there can forward what may leave — or add the server's address to the egress allowlist, or its host name to egressHosts, with a reason",
};

const requestWords: DestinationWords = {
  must: "send the requests it handles only to servers of the cluster, private or allowlisted addresses",
  how: "Kong sends that server every request the plugin is attached to, or what it needs of each (credentials, tokens, counters)",
  fix: "Run the server in the cluster and name its Service, or a private address, or add its address to the egress allowlist, or its host name to egressHosts, with a reason",
};

const modelWords: DestinationWords = {
  must: "send prompts only to models the pack can place inside the jurisdiction",
  how: "Kong sends the model provider the body of every request the plugin is attached to",
  fix: "Serve the model in the cluster or inside the jurisdiction and name it in model.options.upstream_url",
};

const codeWords: DestinationWords = {
  must: "run only plugins and configuration the pack can read",
  how: "a plugin acts on every request it is attached to and may send it anywhere",
  fix: "Write the plugin's config in the object itself and use Kong's bundled plugins, or, once the plugin and its configuration are reviewed, waive the finding with that reason",
};

/** The plugins that act on a request locally: they name no server. */
const localPlugins: ReadonlySet<string> = new Set([
  "acl",
  "basic-auth",
  "bot-detection",
  "correlation-id",
  "cors",
  "file-log",
  "grpc-gateway",
  "grpc-web",
  "hmac-auth",
  "ip-restriction",
  "jwt",
  "key-auth",
  "oauth2",
  "prometheus",
  "proxy-cache",
  "redirect",
  "request-size-limiting",
  "request-termination",
  "request-transformer",
  "response-transformer",
  "session",
  "standard-webhooks",
  "syslog",
  "ai-prompt-decorator",
  "ai-prompt-guard",
  "ai-prompt-template",
  // Kong Enterprise's.
  "degraphql",
  "injection-protection",
  "json-threat-protection",
  "xml-threat-protection",
  "jwe-decrypt",
  "key-auth-enc",
  "mocking",
  "oas-validation",
  "request-validator",
  "request-transformer-advanced",
  "tls-handshake-modifier",
  "tls-metadata-headers",
  "upstream-timeout",
  "websocket-size-limit",
  "websocket-validator",
]);

/**
 * The plugins that send to a server their config names: the fields that name it, and how each is
 * read. `unset` is where the plugin sends when the field is not set: a server outside.
 */
const serverPlugins: Readonly<
  Record<
    string,
    ReadonlyArray<{
      readonly path: string;
      readonly read: "request-url" | "service-address" | "address" | "cloud-region";
      readonly what: string;
      readonly words: DestinationWords;
      /** Read only where the config chooses this storage (a rate limit's `policy: redis`). */
      readonly where?: readonly [string, string];
    }>
  >
> = {
  "http-log": [{ path: "http_endpoint", read: "request-url", what: "log server", words: logWords }],
  "tcp-log": [{ path: "host", read: "service-address", what: "log server", words: logWords }],
  "udp-log": [{ path: "host", read: "service-address", what: "log server", words: logWords }],
  loggly: [{ path: "host", read: "service-address", what: "Loggly server", words: logWords }],
  datadog: [{ path: "host", read: "service-address", what: "Datadog agent", words: logWords }],
  statsd: [{ path: "host", read: "service-address", what: "StatsD server", words: logWords }],
  zipkin: [
    { path: "http_endpoint", read: "request-url", what: "trace collector", words: logWords },
  ],
  opentelemetry: [
    "endpoint",
    "traces_endpoint",
    "logs_endpoint",
    "metrics.endpoint",
    "access_logs.endpoint",
  ].map((path) => ({
    path,
    read: "request-url" as const,
    what: "OpenTelemetry collector",
    words: logWords,
  })),
  "aws-lambda": [
    { path: "host", read: "service-address", what: "Lambda endpoint", words: requestWords },
    { path: "aws_region", read: "cloud-region", what: "Lambda function", words: requestWords },
    { path: "proxy_url", read: "request-url", what: "proxy", words: requestWords },
  ],
  "ldap-auth": [
    { path: "ldap_host", read: "service-address", what: "LDAP server", words: requestWords },
  ],
  "ldap-auth-advanced": [
    { path: "ldap_host", read: "service-address", what: "LDAP server", words: requestWords },
  ],
  "openid-connect": [
    { path: "issuer", read: "request-url", what: "identity provider", words: requestWords },
  ],
  "oauth2-introspection": [
    {
      path: "introspection_url",
      read: "request-url",
      what: "token introspection endpoint",
      words: requestWords,
    },
  ],
  "forward-proxy": ["http_proxy_host", "https_proxy_host"].map((path) => ({
    path,
    read: "service-address" as const,
    what: "forward proxy",
    words: requestWords,
  })),
  "kafka-log": [
    {
      path: "bootstrap_servers[].host",
      read: "service-address",
      what: "Kafka broker",
      words: logWords,
    },
  ],
  "kafka-upstream": [
    {
      path: "bootstrap_servers[].host",
      read: "service-address",
      what: "Kafka broker",
      words: requestWords,
    },
  ],
  "request-callout": [
    { path: "callouts[].request.url", read: "request-url", what: "callout", words: requestWords },
  ],
  ...Object.fromEntries(
    ["rate-limiting", "response-ratelimiting"].map((plugin) => [
      plugin,
      ["redis.host", "redis_host"].map((path) => ({
        path,
        read: "service-address" as const,
        what: "Redis server",
        words: requestWords,
        where: ["policy", "redis"] as const,
      })),
    ]),
  ),
  acme: ["redis", "consul", "vault"].map((store) => ({
    path: `storage_config.${store}.host`,
    read: "service-address" as const,
    what: "certificate store",
    words: requestWords,
    where: ["storage", store] as const,
  })),
};

/** Where a plugin sends when its field is unset: a server outside, by default. */
const unsetDefaults: Readonly<Record<string, { readonly path: string; readonly why: string }>> = {
  loggly: {
    path: "host",
    why: "sends the logs to Loggly's own logs-01.loggly.com, its host being unset",
  },
};

/** The AI plugins that send prompts to a model provider, and where their model is configured. */
const modelPlugins: Readonly<Record<string, string>> = {
  "ai-proxy": "model",
  "ai-request-transformer": "llm.model",
  "ai-response-transformer": "llm.model",
};

/** The log plugins whose `custom_fields_by_lua` runs code on each entry. */
const luaFieldPlugins = [
  "http-log",
  "tcp-log",
  "udp-log",
  "file-log",
  "loggly",
  "syslog",
  "kafka-log",
];

/** A plugin of this object is `name`. */
const pluginIs =
  (...names: string[]) =>
  (o: Readonly<Record<string, unknown>>): boolean => {
    const plugin = str(o.plugin);
    return plugin !== undefined && names.includes(plugin);
  };

/** Plugins the pack knows: local ones, server ones, model ones, and the Lua functions. */
const knownPlugins: ReadonlySet<string> = new Set([
  ...localPlugins,
  ...Object.keys(serverPlugins),
  ...Object.keys(modelPlugins),
  "pre-function",
  "post-function",
  "azure-functions",
]);

/** A field the pack does not read, in the objects `when` picks (`example` one of them). */
const unseen = (
  path: string,
  what: string,
  why: string,
  when: (o: Readonly<Record<string, unknown>>) => boolean,
  example: Readonly<Record<string, unknown>>,
  words: DestinationWords = codeWords,
): DestinationField => unread(path, what, why, words, { when, example });

/** The destination fields of a KongPlugin or KongClusterPlugin (objects, Patches; Lists' items). */
const pluginFields: readonly DestinationField[] = [
  ...Object.entries(serverPlugins).flatMap(([plugin, fields]) =>
    fields.map((f): DestinationField => ({
      path: `config.${f.path}`,
      what: f.what,
      read: f.read,
      words: f.words,
      when: (o) =>
        str(o.plugin) === plugin &&
        (f.where === undefined || valueAt(o, `config.${f.where[0]}`) === f.where[1]),
      example: {
        plugin,
        ...(f.where === undefined ? {} : { config: { [f.where[0]]: f.where[1] } }),
      },
    })),
  ),
  ...Object.entries(unsetDefaults).map(([plugin, d]) =>
    unseen(
      "plugin",
      `${plugin} server`,
      d.why,
      (o) => str(o.plugin) === plugin && valueAt(o, `config.${d.path}`) === undefined,
      { plugin },
      logWords,
    ),
  ),
  ...Object.entries(modelPlugins).flatMap(([plugin, at]): DestinationField[] => [
    {
      path: `config.${at}.options.upstream_url`,
      what: "model",
      read: "request-url",
      words: modelWords,
      when: pluginIs(plugin),
      example: { plugin },
    },
    unseen(
      `config.${at}.provider`,
      "model provider",
      "names a model provider whose own API the plugin calls, which the pack cannot place, no model.options.upstream_url naming the server",
      (o) =>
        str(o.plugin) === plugin && valueAt(o, `config.${at}.options.upstream_url`) === undefined,
      { plugin },
      modelWords,
    ),
  ]),
  unseen(
    "config",
    "Lua function",
    "runs Lua code on every request, which the pack does not read",
    pluginIs("pre-function", "post-function"),
    { plugin: "pre-function" },
  ),
  unseen(
    "config.custom_fields_by_lua",
    "Lua field",
    "runs Lua code on every log entry, which the pack does not read",
    pluginIs(...luaFieldPlugins),
    { plugin: "http-log" },
  ),
  unseen(
    "plugin",
    "Azure Function",
    "is azure-functions, which sends every request to an Azure Function, a cloud the pack does not place",
    pluginIs("azure-functions"),
    { plugin: "azure-functions" },
    requestWords,
  ),
  unseen(
    "configFrom",
    "plugin configuration",
    "keeps the plugin's configuration in a Secret, which the pack does not read",
    () => true,
    {},
  ),
  unseen(
    "configPatches[]",
    "plugin configuration",
    "patches the plugin's configuration from a Secret, which the pack does not read",
    () => true,
    {},
  ),
  unseen(
    "plugin",
    "plugin",
    "names a plugin the pack does not read (a custom one, or one of Kong's it has not reviewed)",
    (o) => {
      const plugin = str(o.plugin);
      return plugin === undefined || !knownPlugins.has(plugin);
    },
    {},
  ),
];

/** The destination fields of Kong's plugin kinds (objects, Patches; Lists under `items[]`). */
export const kongPluginFields: ReadonlyArray<readonly [RegExp, readonly DestinationField[]]> = [
  [/^kubernetes:configuration\.konghq\.com\/v1:Kong(Cluster)?Plugin$/, pluginFields],
];

/**
 * This module's readings of a value that is not an object: an AWS region a plugin calls a service
 * in, inside the jurisdiction or not.
 */
export const kongPluginValueReadings = {
  "cloud-region": (
    f: DestinationField,
    value: unknown,
    _a: unknown,
    j: string,
  ): DestinationFinding[] => {
    const region = str(value);
    if (region === undefined) {
      return [];
    }
    const jurisdiction = getJurisdiction(j);
    if (regionInJurisdiction(jurisdiction, "aws", region)) {
      return [];
    }
    const where = describePlace(jurisdiction, "aws", region);
    return [
      {
        why: `is ${JSON.stringify(region)}, a ${f.what} in ${where}`,
        place: `${f.what} in ${where}`,
        to: "unplaced",
      },
    ];
  },
} as const;
