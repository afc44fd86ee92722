/**
 * The custom resources the pack reviews (policy/reviewed.ts `customResourceGroups`): the
 * Prometheus Operator's scrape configurations, whose proxies and probers kubernetes-egress judges
 * (paths/operators.ts `monitoringFields`), and its rules, which name no server. Each case runs
 * the whole pack with its twin; the kinds and fields are checked against the models of the
 * operator's CRDs, so that a misspelt field, which would never match, fails here.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { destinationFields } from "../../policy/paths/kubernetes";
import { tables } from "../../policy/paths/types";
import { judgedByCode } from "../../policy/paths/types/kubernetes";
import {
  customResourceGroups,
  modelPackageOf,
  customResourceModelGroups,
  customResourceModelVersions,
  customResourceTypes,
  kubernetesGroup,
} from "../../policy/reviewed";
import type { ResourceValidation, ResourceValidationArgs } from "@pulumi/policy";
import { decodeMessage } from "../../policy/framework";
import { policies } from "../../policy/policies";
import { egress, findingsOf, kube, messagesOf, named, onCluster } from "../helpers/cluster-objects";
import {
  on,
  type OracleResource,
  type OracleSettings,
  policyResources,
  runNamed,
  unknownAtPreview,
} from "../helpers/model-oracle";
import { sorted } from "../helpers/policy-session";

const root = path.resolve(__dirname, "..", "..");
const cn = { jurisdiction: "CN" };
const monitoring = "kubernetes:monitoring.coreos.com/v1";

/** Only kubernetes-egress's and reviewed-resource-types's findings: the others are the cluster's. */
const judged = (resources: readonly OracleResource[], settings?: OracleSettings) =>
  findingsOf(resources, ["kubernetes-egress", "reviewed-resource-types"], settings);

/** Every finding of the pack on `resources` as [policy, resource name, message], sorted. */
function rawFindings(resources: readonly OracleResource[]): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (const p of policies) {
    if (!("validateResource" in p) || typeof p.validateResource !== "function") {
      continue;
    }
    const validate = p.validateResource as ResourceValidation;
    const getConfig = () => ({ jurisdiction: "CN", egressAllowlist: [], waivers: [] });
    for (const r of policyResources(resources)) {
      void validate({ ...r, getConfig } as unknown as ResourceValidationArgs, (m) =>
        out.push([p.name, r.name, decodeMessage(m).message]),
      );
    }
  }
  return out.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** A ServiceMonitor of the Services labelled `app: shop`, scraped with `endpoint`'s settings. */
const serviceMonitor = (endpoint: Record<string, unknown>) =>
  kube(`${monitoring}:ServiceMonitor`, "shop", {
    metadata: { namespace: "monitoring" },
    spec: {
      selector: { matchLabels: { app: "shop" } },
      endpoints: [{ port: "http", ...endpoint }],
    },
  });

describe("a ServiceMonitor", () => {
  test("scraped through a proxy abroad, or one the pack cannot place, is kubernetes-egress's finding", () => {
    expect(judged(onCluster(serviceMonitor({ proxyUrl: "http://203.0.113.9:3128" })))).toEqual([
      egress("shop", 'k8s servicemonitor "shop"', "203.0.113.9 (scrape proxy)"),
    ]);
    const [finding] = runNamed(
      onCluster(serviceMonitor({ proxyUrl: "http://proxy.example-saas.eu:3128" })),
      cn,
    ).filter(([policy]) => policy === "kubernetes-egress");
    expect(finding).toEqual(
      egress("shop", 'k8s servicemonitor "shop"', "proxy.example-saas.eu (cannot be placed)"),
    );
  });

  test("twin: scraped directly, or through a proxy Service of the cluster or a private address, passes", () => {
    for (const endpoint of [
      {},
      { proxyUrl: "http://squid.proxy.svc.cluster.local:3128" },
      { proxyUrl: "http://squid:3128" },
      { proxyUrl: "http://10.0.3.7:3128" },
      { proxyFromEnvironment: false },
      // A token endpoint is sent the client's credentials, not the metrics.
      { oauth2: { tokenUrl: "https://login.example.com/token" } },
    ]) {
      expect(judged(onCluster(serviceMonitor(endpoint)))).toEqual([]);
    }
  });

  test("through the proxy of Prometheus's environment fails: the pack cannot see where it is", () => {
    const found = runNamed(onCluster(serviceMonitor({ proxyFromEnvironment: true })), cn);
    expect(found.filter(([policy]) => policy === "kubernetes-egress")).toEqual([
      egress(
        "shop",
        'k8s servicemonitor "shop"',
        "the proxy of the environment (cannot be placed)",
      ),
    ]);
  });

  test("its List is judged as the monitors it holds", () => {
    const list = (proxyUrl: string) =>
      kube(`${monitoring}:ServiceMonitorList`, "monitors", {
        items: [
          {
            metadata: { name: "shop", namespace: "monitoring" },
            spec: { selector: {}, endpoints: [{ port: "http", proxyUrl }] },
          },
        ],
      });
    expect(judged(onCluster(list("http://203.0.113.9:3128")))).toEqual([
      egress("monitors", 'k8s servicemonitorlist "monitors"', "203.0.113.9 (scrape proxy)"),
    ]);
    expect(judged(onCluster(list("http://10.0.3.7:3128")))).toEqual([]);
  });
});

describe("a PodMonitor", () => {
  const podMonitor = (proxyUrl: string) =>
    kube(`${monitoring}:PodMonitor`, "workers", {
      metadata: { namespace: "monitoring" },
      spec: { selector: {}, podMetricsEndpoints: [{ port: "metrics", proxyUrl }] },
    });

  test("scraped through a proxy abroad is kubernetes-egress's finding; twin: a private proxy passes", () => {
    expect(judged(onCluster(podMonitor("http://198.51.100.20:8080")))).toEqual([
      egress("workers", 'k8s podmonitor "workers"', "198.51.100.20 (scrape proxy)"),
    ]);
    expect(judged(onCluster(podMonitor("http://172.16.0.9:8080")))).toEqual([]);
  });
});

describe("a Probe", () => {
  const probe = (prober: Record<string, unknown>) =>
    kube(`${monitoring}:Probe`, "site", {
      metadata: { namespace: "monitoring" },
      spec: {
        module: "http_2xx",
        prober,
        // The targets are sent the prober's own requests, not the stack's data.
        targets: { staticConfig: { static: ["https://www.example.com"] } },
      },
    });

  test("through a prober abroad, or one the pack cannot place, is kubernetes-egress's finding", () => {
    expect(judged(onCluster(probe({ url: "203.0.113.40:9115" })))).toEqual([
      egress("site", 'k8s probe "site"', "203.0.113.40 (prober)"),
    ]);
    expect(judged(onCluster(probe({ url: "prober.example-saas.eu:9115" })))).toEqual([
      egress("site", 'k8s probe "site"', "prober.example-saas.eu (cannot be placed)"),
    ]);
    expect(
      judged(
        onCluster(
          probe({ url: "blackbox-exporter.monitoring.svc:9115", proxyUrl: "http://203.0.113.9" }),
        ),
      ),
    ).toEqual([egress("site", 'k8s probe "site"', "203.0.113.9 (scrape proxy)")]);
  });

  test("twin: a prober of the cluster, by full or short name, or a private one, passes", () => {
    for (const url of [
      "blackbox-exporter.monitoring.svc:9115",
      "blackbox-exporter:9115",
      "http://blackbox-exporter.monitoring.svc.cluster.local:9115",
      "10.0.8.15:9115",
    ]) {
      expect(judged(onCluster(probe({ url })))).toEqual([]);
    }
  });
});

describe("an AlertmanagerConfig", () => {
  const config = (receiver: Record<string, unknown>, version = "v1alpha1") =>
    kube(`kubernetes:monitoring.coreos.com/${version}:AlertmanagerConfig`, "shop-alerts", {
      metadata: { namespace: "shop" },
      spec: {
        route: { receiver: "team" },
        receivers: [{ name: "team", ...receiver }],
      },
    });
  const label = 'k8s alertmanagerconfig "shop-alerts"';

  test("sending alerts to a vendor's service, a mailbox, a Secret's URL or a webhook abroad is kubernetes-egress's finding", () => {
    expect(
      judged(
        onCluster(
          config({
            slackConfigs: [{ channel: "#ops", apiURL: { name: "slack", key: "url" } }],
            pagerdutyConfigs: [{ routingKey: { name: "pd", key: "key" } }],
            opsgenieConfigs: [{ apiURL: "https://api.eu.opsgenie.com/" }],
            emailConfigs: [{ to: "oncall@example.com", smarthost: "smtp.shop.svc:25" }],
            webhookConfigs: [
              { urlSecret: { name: "hook", key: "url" } },
              { url: "https://203.0.113.70/alerts" },
            ],
          }),
        ),
      ),
    ).toEqual(
      sorted([
        egress("shop-alerts", label, "203.0.113.70 (alert webhook)"),
        egress("shop-alerts", label, "Slack (cannot be placed)"),
        egress("shop-alerts", label, "PagerDuty (cannot be placed)"),
        egress("shop-alerts", label, "api.eu.opsgenie.com (cannot be placed)"),
        egress("shop-alerts", label, "oncall@example.com (a mailbox that cannot be placed)"),
        egress("shop-alerts", label, "the alert webhook a Secret names (cannot be placed)"),
      ]),
    );
  });

  test("a webhook, a vendor's API host and mailboxes the stack places by name (egressHosts) pass", () => {
    const resources = onCluster(
      config({
        opsgenieConfigs: [{ apiURL: "https://api.opsgenie.example.cn/" }],
        emailConfigs: [
          { to: "oncall@ops.example.cn, sre@ops.example.cn", smarthost: "smtp.shop.svc:25" },
        ],
        webhookConfigs: [{ url: "https://oapi.dingtalk.com/robot/send?access_token=0123" }],
      }),
    );
    const placed = [
      { host: "oapi.dingtalk.com", reason: "DingTalk robot of the on-call group" },
      { host: "*.example.cn", reason: "The team's own servers in Shanghai" },
    ];
    expect(judged(resources)).toEqual(
      sorted([
        egress("shop-alerts", label, "api.opsgenie.example.cn (cannot be placed)"),
        egress("shop-alerts", label, "oapi.dingtalk.com (cannot be placed)"),
        egress(
          "shop-alerts",
          label,
          "oncall@ops.example.cn, sre@ops.example.cn (a mailbox that cannot be placed)",
        ),
      ]),
    );
    expect(judged(resources, { jurisdiction: "CN", egressAllowlist: placed })).toEqual([]);
    // One mailbox of a domain not placed keeps the finding.
    const other = onCluster(
      config({ emailConfigs: [{ to: "oncall@ops.example.cn, ops@example.com" }] }),
    );
    expect(judged(other, { jurisdiction: "CN", egressAllowlist: placed })).toHaveLength(1);
  });

  test("twin: a webhook Service of the cluster or a private address, and an integration's URL there, pass", () => {
    for (const version of ["v1alpha1", "v1beta1"]) {
      const resources = onCluster(
        config(
          {
            webhookConfigs: [
              { url: "http://alert-relay.monitoring.svc:8080/" },
              { url: "http://relay:8080/" },
              { url: "http://10.0.9.9/hook", httpConfig: { proxyUrl: "http://10.0.3.7:3128" } },
            ],
            rocketchatConfigs: [
              { apiURL: "http://rocketchat.chat.svc", token: { name: "rc", key: "t" } },
            ],
          },
          version,
        ),
      );
      expect(judged(resources)).toEqual([]);
    }
  });

  test("an integration's proxy abroad, or the environment's, carries the alerts: kubernetes-egress's finding", () => {
    expect(
      judged(
        onCluster(
          config({
            webhookConfigs: [
              {
                url: "http://alert-relay.monitoring.svc:8080/",
                httpConfig: { proxyURL: "http://203.0.113.9:3128" },
              },
              { url: "http://relay:8080/", httpConfig: { proxyFromEnvironment: true } },
            ],
          }),
        ),
      ),
    ).toEqual([
      egress("shop-alerts", label, "203.0.113.9 (alert proxy)"),
      egress("shop-alerts", label, "the proxy of the environment (cannot be placed)"),
    ]);
  });

  test("the finding says where the alerts go and what to do", () => {
    const [message] = messagesOf(
      "kubernetes-egress",
      onCluster(config({ opsgenieConfigs: [{ apiURL: "https://api.eu.opsgenie.com/" }] })),
    );
    expect(message).toBe(
      'k8s alertmanagerconfig "shop-alerts" must send alerts only to receivers of the cluster, private or allowlisted addresses, but spec.receivers[0].opsgenieConfigs[0] sends to Opsgenie at its apiURL, which is "https://api.eu.opsgenie.com/", a host the pack cannot place: the Alertmanager sends it every alert the routes match, with its labels and annotations. Send alerts to a webhook Service of the cluster or a private address (a relay there can forward what may leave), or, once the service is confirmed inside the jurisdiction, waive the finding with that reason.',
    );
  });
});

describe("a Prometheus or PrometheusAgent", () => {
  const prometheus = (spec: Record<string, unknown>, kind = "Prometheus", version = "v1") =>
    kube(`kubernetes:monitoring.coreos.com/${version}:${kind}`, "main", {
      metadata: { namespace: "monitoring" },
      spec: { replicas: 2, serviceMonitorSelector: {}, ...spec },
    });
  const label = 'k8s prometheus "main"';

  test("writing to storage outside, through a proxy outside or by a configuration in a Secret is kubernetes-egress's finding", () => {
    expect(
      judged(
        onCluster(
          prometheus({
            remoteWrite: [
              { url: "https://prometheus-prod-01-eu-west-0.grafana.net/api/prom/push" },
              {
                url: "https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write",
              },
              {
                url: "http://mimir.monitoring.svc/api/v1/push",
                proxyUrl: "http://203.0.113.9:3128",
              },
            ],
            thanos: { objectStorageConfig: { name: "thanos-objstore", key: "objstore.yml" } },
            additionalScrapeConfigs: { name: "extra", key: "scrape.yml" },
          }),
        ),
      ),
    ).toEqual(
      sorted([
        egress("main", label, "prometheus-prod-01-eu-west-0.grafana.net (cannot be placed)"),
        egress(
          "main",
          label,
          "aps-workspaces.us-east-1.amazonaws.com in us-east-1 (outside CN, in US)",
        ),
        egress("main", label, "203.0.113.9 (remote write proxy)"),
        egress("main", label, "the Thanos object storage configuration (cannot be placed)"),
        egress("main", label, "the additional scrape configuration (cannot be placed)"),
      ]),
    );
    expect(
      judged(
        onCluster(
          prometheus(
            { remoteWrite: [{ url: "https://metrics.example-saas.eu/push" }] },
            "PrometheusAgent",
            "v1alpha1",
          ),
        ),
      ),
    ).toEqual([
      egress("main", 'k8s prometheusagent "main"', "metrics.example-saas.eu (cannot be placed)"),
    ]);
  });

  test("twin: storage of the cluster, a private one or a cloud's inside, and Alertmanagers of the cluster, pass", () => {
    expect(
      judged(
        onCluster(
          prometheus({
            remoteWrite: [
              { url: "http://mimir-distributor.monitoring.svc.cluster.local/api/v1/push" },
              { url: "http://thanos-receive:19291/api/v1/receive" },
              {
                url: "https://aps-workspaces.cn-north-1.amazonaws.com.cn/workspaces/ws-1/api/v1/remote_write",
              },
              { url: "http://10.0.4.4:8428/api/v1/write" },
            ],
            remoteRead: [{ url: "http://thanos-query.monitoring.svc:9090/api/v1/read" }],
            alerting: {
              alertmanagers: [{ namespace: "monitoring", name: "alertmanager-main", port: "web" }],
            },
            tracingConfig: { endpoint: "tempo-distributor.tracing.svc:4317" },
            apiserverConfig: { host: "https://k8s-api.example.de:6443" },
          }),
        ),
      ),
    ).toEqual([]);
  });
});

describe("the operator's other kinds", () => {
  const rule = kube(`${monitoring}:PrometheusRule`, "shop-alerts", {
    metadata: { namespace: "monitoring" },
    spec: {
      groups: [{ name: "shop", rules: [{ alert: "ShopDown", expr: "up == 0", for: "5m" }] }],
    },
  });

  test("a PrometheusRule names no server: it passes", () => {
    expect(judged(onCluster(rule))).toEqual([]);
  });

  test("an Alertmanager whose receivers are in a Secret, or whose peer or proxy is outside, is kubernetes-egress's finding", () => {
    const alertmanager = (spec: Record<string, unknown>) =>
      kube(`${monitoring}:Alertmanager`, "main", {
        metadata: { namespace: "monitoring" },
        spec: { replicas: 2, ...spec },
      });
    const label = 'k8s alertmanager "main"';
    expect(judged(onCluster(alertmanager({ configSecret: "alertmanager-receivers" })))).toEqual([
      egress("main", label, "the receivers of Secret alertmanager-receivers (cannot be placed)"),
    ]);
    expect(judged(onCluster(alertmanager({})))).toEqual([
      egress("main", label, "the receivers of its default Secret (cannot be placed)"),
    ]);
    expect(
      judged(
        onCluster(
          alertmanager({
            alertmanagerConfiguration: {
              name: "shop-alerts",
              global: { httpConfig: { proxyUrl: "http://203.0.113.9:3128" } },
            },
            additionalPeers: ["alertmanager.example.de:9094"],
          }),
        ),
      ),
    ).toEqual([
      egress("main", label, "203.0.113.9 (alert proxy)"),
      egress("main", label, "alertmanager.example.de (cannot be placed)"),
    ]);
    // Twin: its receivers in an AlertmanagerConfig (judged as that object), its peers in the cluster.
    expect(
      judged(
        onCluster(
          alertmanager({
            alertmanagerConfiguration: { name: "shop-alerts" },
            additionalPeers: ["alertmanager-dr.monitoring.svc:9094"],
          }),
        ),
      ),
    ).toEqual([]);
  });

  test("a ThanosRuler sending alerts, queries or writes outside, or uploading by a Secret's configuration, is kubernetes-egress's finding", () => {
    const ruler = (spec: Record<string, unknown>) =>
      kube(`${monitoring}:ThanosRuler`, "main", { metadata: { namespace: "monitoring" }, spec });
    const label = 'k8s thanosruler "main"';
    expect(
      judged(
        onCluster(
          ruler({
            queryEndpoints: ["dnssrv+_http._tcp.thanos-query.monitoring.svc"],
            alertmanagersUrl: ["https://alerts.example-saas.eu"],
            remoteWrite: [{ url: "http://198.51.100.50/api/v1/write" }],
            objectStorageConfig: { name: "thanos-objstore", key: "objstore.yml" },
          }),
        ),
      ),
    ).toEqual(
      sorted([
        egress("main", label, "alerts.example-saas.eu (cannot be placed)"),
        egress("main", label, "198.51.100.50 (remote write endpoint)"),
        egress("main", label, "the Thanos object storage configuration (cannot be placed)"),
      ]),
    );
    // Twin: queries, alerts and writes to Services of the cluster.
    expect(
      judged(
        onCluster(
          ruler({
            queryEndpoints: ["dnssrv+_http._tcp.thanos-query.monitoring.svc", "thanos-query:9090"],
            alertmanagersUrl: ["http://alertmanager-operated.monitoring.svc:9093"],
            alertQueryUrl: "https://thanos.example.com",
          }),
        ),
      ),
    ).toEqual([]);
  });

  test("a ScrapeConfig's scrapes through a proxy outside are kubernetes-egress's finding; its targets, wherever they are, come in", () => {
    const scrape = (spec: Record<string, unknown>) =>
      kube("kubernetes:monitoring.coreos.com/v1alpha1:ScrapeConfig", "edge", {
        metadata: { namespace: "monitoring" },
        spec: { staticConfigs: [{ targets: ["edge-1.example.de:9100"] }], ...spec },
      });
    const label = 'k8s scrapeconfig "edge"';
    expect(judged(onCluster(scrape({ proxyUrl: "http://203.0.113.9:3128" })))).toEqual([
      egress("edge", label, "203.0.113.9 (scrape proxy)"),
    ]);
    expect(judged(onCluster(scrape({})))).toEqual([]);
  });
});

describe("an OpenTelemetry Instrumentation", () => {
  const instrumentation = (spec: Record<string, unknown>) =>
    kube("kubernetes:opentelemetry.io/v1alpha1:Instrumentation", "apps", {
      metadata: { namespace: "shop" },
      spec: { propagators: ["tracecontext", "baggage"], ...spec },
    });
  const label = 'k8s instrumentation "apps"';

  test("sending telemetry to a collector outside is kubernetes-egress's finding, by the exporter or a variable", () => {
    expect(
      judged(
        onCluster(instrumentation({ exporter: { endpoint: "https://otlp.example-saas.eu:4317" } })),
      ),
    ).toEqual([egress("apps", label, "otlp.example-saas.eu (cannot be placed)")]);
    expect(
      judged(
        onCluster(
          instrumentation({
            exporter: { endpoint: "http://otel-collector.observability.svc:4317" },
            java: {
              env: [
                { name: "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", value: "http://203.0.113.44:4318" },
              ],
            },
            nginx: {
              attrs: [
                {
                  name: "NginxModuleOtelExporterEndpoint",
                  valueFrom: { secretKeyRef: { name: "otel", key: "url" } },
                },
              ],
            },
          }),
        ),
      ),
    ).toEqual(
      sorted([
        egress("apps", label, "203.0.113.44 (telemetry collector)"),
        egress(
          "apps",
          label,
          "the telemetry collector NginxModuleOtelExporterEndpoint names (cannot be placed)",
        ),
      ]),
    );
  });

  test("twin: a collector of the cluster, the node's or a private one passes; other variables are not endpoints", () => {
    expect(
      judged(
        onCluster(
          instrumentation({
            exporter: { endpoint: "http://otel-collector.observability.svc.cluster.local:4317" },
            env: [
              { name: "OTEL_EXPORTER_OTLP_ENDPOINT", value: "http://$(HOST_IP):4317" },
              { name: "OTEL_SERVICE_NAME", value: "https://not-an-endpoint.example.com" },
            ],
            python: { env: [{ name: "OTEL_EXPORTER_OTLP_ENDPOINT", value: "10.0.5.5:4318" }] },
          }),
        ),
      ),
    ).toEqual([]);
  });
});

describe("an OpenTelemetry Collector", () => {
  const collector = (config: unknown, version = "v1beta1", extra: Record<string, unknown> = {}) =>
    kube(`kubernetes:opentelemetry.io/${version}:OpenTelemetryCollector`, "otel", {
      metadata: { namespace: "observability" },
      spec: { mode: "deployment", config, ...extra },
    });
  const label = 'k8s opentelemetrycollector "otel"';
  const pipelines = (exporters: string[]) => ({
    receivers: { otlp: { protocols: { grpc: {} } } },
    exporters: Object.fromEntries(exporters.map((e) => [e, {}])),
    service: { pipelines: { traces: { receivers: ["otlp"], exporters } } },
  });

  test("exporting to a backend outside, a vendor's service or an endpoint from the environment is kubernetes-egress's finding", () => {
    const config = {
      ...pipelines([]),
      exporters: {
        "otlphttp/saas": { endpoint: "https://otlp.example-saas.eu" },
        datadog: { api: { key: "${env:DD_API_KEY}" } },
        "otlp/env": { endpoint: "${env:OTLP_ENDPOINT}" },
        kafka: { brokers: ["10.0.7.1:9092", "198.51.100.30:9092"] },
        // A load balancer's backends, at any depth of its settings.
        "loadbalancing/spans": {
          routing_key: "traceID",
          protocol: { otlp: { timeout: "1s" } },
          resolver: {
            static: { hostnames: ["198.51.100.31:4317", "otel-gateway-0.observability.svc:4317"] },
          },
        },
        debug: {},
      },
    };
    expect(judged(onCluster(collector(config)))).toEqual(
      sorted([
        egress("otel", label, "otlp.example-saas.eu (cannot be placed)"),
        egress("otel", label, "the datadog exporter's service (cannot be placed)"),
        egress("otel", label, "the otlp/env exporter's endpoint (cannot be placed)"),
        egress("otel", label, "198.51.100.30 (telemetry exporter)"),
        egress("otel", label, "198.51.100.31 (telemetry exporter)"),
      ]),
    );
  });

  test("an endpoint from the collector's own environment is read as the value it gives there; one from a Secret cannot be placed", () => {
    const config = (endpoint: string) => ({
      ...pipelines([]),
      exporters: { "otlp/env": { endpoint } },
    });
    const env = (value: string) => ({
      env: [
        { name: "OTLP_HOST", value },
        { name: "OTLP_TOKEN", valueFrom: { secretKeyRef: { name: "otlp", key: "token" } } },
      ],
    });
    for (const endpoint of ["${env:OTLP_HOST}:4317", "http://${OTLP_HOST}:4318"]) {
      expect(
        judged(onCluster(collector(config(endpoint), "v1beta1", env("tempo.tracing.svc")))),
      ).toEqual([]);
    }
    expect(
      judged(onCluster(collector(config("${env:OTLP_HOST}:4317"), "v1beta1", env("203.0.113.8")))),
    ).toEqual([egress("otel", label, "203.0.113.8 (telemetry exporter)")]);
    expect(
      judged(onCluster(collector(config("${env:OTLP_TOKEN}"), "v1beta1", env("10.0.0.1")))),
    ).toEqual([egress("otel", label, "the otlp/env exporter's endpoint (cannot be placed)")]);
    expect(
      judged(onCluster(collector(config("${file:/etc/otlp}"), "v1beta1", env("10.0.0.1")))),
    ).toEqual([egress("otel", label, "the otlp/env exporter's endpoint (cannot be placed)")]);
    // Whatever else of the collector is not known at preview (its image) leaves it decided.
    expect(
      judged(
        onCluster(
          collector(config("${env:OTLP_HOST}:4317"), "v1beta1", {
            ...env("tempo.tracing.svc"),
            image: unknownAtPreview,
          }),
        ),
      ),
    ).toEqual([]);
  });

  test("twin: backends of the cluster or private ones, and exporters that keep the data in the pod, pass — as YAML text too", () => {
    const config = {
      ...pipelines([]),
      exporters: {
        otlp: { endpoint: "tempo-distributor.tracing.svc.cluster.local:4317" },
        prometheusremotewrite: { endpoint: "http://mimir-gateway/api/v1/push" },
        loki: { endpoint: "http://10.0.9.2:3100/loki/api/v1/push" },
        prometheus: { endpoint: "0.0.0.0:8889" },
        debug: { verbosity: "basic" },
      },
    };
    expect(judged(onCluster(collector(config)))).toEqual([]);
    const text = [
      "receivers:",
      "  otlp:",
      "    protocols:",
      "      grpc:",
      "exporters:",
      "  otlp:",
      '    endpoint: "http://tempo-distributor.tracing.svc.cluster.local:4317"',
      "  debug:",
      "service:",
      "  pipelines:",
      "    traces:",
      "      receivers: [otlp]",
      "      exporters: [otlp, debug]",
    ].join("\n");
    expect(judged(onCluster(collector(text, "v1alpha1")))).toEqual([]);
    expect(
      judged(
        onCluster(
          collector(
            text.replace("tempo-distributor.tracing.svc.cluster.local", "203.0.113.5"),
            "v1alpha1",
          ),
        ),
      ),
    ).toEqual([egress("otel", label, "203.0.113.5 (telemetry exporter)")]);
  });

  test("a configuration the pack cannot read, or a volume mounted from a server abroad, fails", () => {
    expect(judged(onCluster(collector("exporters: [unclosed", "v1alpha1")))).toEqual([
      egress(
        "otel",
        label,
        "the telemetry exporters of a configuration the pack cannot read (cannot be placed)",
      ),
    ]);
    const withVolume = collector(pipelines(["debug"]), "v1beta1", {
      volumes: [{ name: "spool", nfs: { server: "203.0.113.60", path: "/spool" } }],
    });
    expect(
      judged(onCluster(withVolume)).map(([policy, name, , path]) => [policy, name, path?.[1]]),
    ).toEqual([["kubernetes-egress", "otel", "203.0.113.60 (NFS server)"]]);
  });
});

describe("the External Secrets Operator", () => {
  const store = (provider: Record<string, unknown>, kind = "SecretStore", version = "v1") =>
    kube(`kubernetes:external-secrets.io/${version}:${kind}`, "vault", {
      metadata: { namespace: "shop" },
      spec: { provider },
    });
  const label = 'k8s secretstore "vault"';
  const sync = kube("kubernetes:external-secrets.io/v1:ExternalSecret", "db-credentials", {
    metadata: { namespace: "shop" },
    spec: {
      secretStoreRef: { name: "vault", kind: "SecretStore" },
      target: { name: "db-credentials" },
      data: [{ secretKey: "password", remoteRef: { key: "shop/db", property: "password" } }],
    },
  });

  test("a store abroad, at a host the pack cannot place or of a vendor's service is kubernetes-egress's finding", () => {
    expect(
      judged(onCluster(store({ aws: { service: "SecretsManager", region: "eu-central-1" } }))),
    ).toEqual([egress("vault", label, "AWS SecretsManager in eu-central-1 (outside CN, in EU)")]);
    expect(
      judged(onCluster(store({ vault: { server: "https://vault.example.de:8200" } }))),
    ).toEqual([egress("vault", label, "vault.example.de (cannot be placed)")]);
    expect(
      judged(onCluster(store({ doppler: { auth: {} } }, "ClusterSecretStore", "v1beta1"))),
    ).toEqual([
      egress(
        "vault",
        'k8s clustersecretstore "vault"',
        "the doppler secret store (cannot be placed)",
      ),
    ]);
  });

  test("twin: a store in a region inside, of the cluster or at a private address passes, and so do the ExternalSecrets that read it", () => {
    for (const provider of [
      { aws: { service: "ParameterStore", region: "cn-northwest-1" } },
      { alibaba: { regionID: "cn-shanghai", auth: {} } },
      { vault: { server: "http://vault.vault.svc:8200" } },
      { vault: { server: "https://10.0.2.2:8200" } },
      { kubernetes: { remoteNamespace: "shared" } },
      { fake: { data: [] } },
    ]) {
      expect(judged(onCluster(store(provider), sync))).toEqual([]);
    }
  });

  test("a PushSecret to a store the program does not declare, or to stores chosen by labels, fails closed; to its own store, it is judged by that store", () => {
    const push = (refs: unknown[], kind = "PushSecret") =>
      kube(`kubernetes:external-secrets.io/v1alpha1:${kind}`, "push", {
        metadata: { namespace: "shop" },
        spec:
          kind === "PushSecret"
            ? { secretStoreRefs: refs, selector: { secret: { name: "db" } } }
            : {
                pushSecretSpec: { secretStoreRefs: refs, selector: { secret: { name: "db" } } },
                namespaceSelectors: [{ matchLabels: { team: "shop" } }],
              },
      });
    const pushed = 'k8s pushsecret "push"';
    const stackWide = (resources: readonly OracleResource[]) =>
      findingsOf(resources, ["kubernetes-egress", "named-destinations", "reviewed-resource-types"]);
    const unplacedStore = (label: string, store: string) =>
      ["named-destinations", "push", "mandatory", [label, `${store} (cannot be placed)`]] as const;
    expect(stackWide(onCluster(push([{ name: "vault" }])))).toEqual([
      unplacedStore(pushed, 'SecretStore "vault"'),
    ]);
    // A store of another namespace is not the one it writes to.
    const elsewhere = kube("kubernetes:external-secrets.io/v1:SecretStore", "vault-ops", {
      metadata: { namespace: "ops", name: "vault" },
      spec: { provider: { vault: { server: "http://vault.vault.svc:8200" } } },
    });
    expect(stackWide(onCluster(elsewhere, push([{ name: "vault" }])))).toEqual([
      unplacedStore(pushed, 'SecretStore "vault"'),
    ]);
    expect(
      stackWide(onCluster(push([{ labelSelector: { matchLabels: { tier: "secrets" } } }]))),
    ).toEqual([
      [
        "named-destinations",
        "push",
        "mandatory",
        [pushed, "the stores its labels select (cannot be placed)"],
      ],
    ]);
    expect(messagesOf("named-destinations", onCluster(push([{ name: "vault" }])))).toEqual([
      expect.stringContaining(
        'but spec.secretStoreRefs[0] names the SecretStore "vault", which this program does not declare, so where it keeps the Secrets cannot be checked',
      ),
    ]);
    // Its own store abroad is that store's finding.
    const own = (provider: Record<string, unknown>) =>
      kube("kubernetes:external-secrets.io/v1:SecretStore", "vault", {
        metadata: { namespace: "shop", name: "vault" },
        spec: { provider },
      });
    expect(
      stackWide(
        onCluster(
          own({ aws: { service: "SecretsManager", region: "eu-central-1" } }),
          push([{ name: "vault" }]),
        ),
      ),
    ).toEqual([egress("vault", label, "AWS SecretsManager in eu-central-1 (outside CN, in EU)")]);
    // Twins: its own store inside; a ClusterPushSecret to the program's ClusterSecretStore.
    expect(
      stackWide(
        onCluster(
          own({ aws: { service: "SecretsManager", region: "cn-north-1" } }),
          push([{ name: "vault" }]),
        ),
      ),
    ).toEqual([]);
    const clusterStore = kube("kubernetes:external-secrets.io/v1:ClusterSecretStore", "central", {
      metadata: { name: "central" },
      spec: { provider: { alibaba: { regionID: "cn-shanghai", auth: {} } } },
    });
    expect(
      stackWide(
        onCluster(
          clusterStore,
          push([{ name: "central", kind: "ClusterSecretStore" }], "ClusterPushSecret"),
        ),
      ),
    ).toEqual([]);
    // A ClusterPushSecret's SecretStore is one of each namespace it selects: not resolved.
    expect(
      stackWide(
        onCluster(own({ fake: { data: [] } }), push([{ name: "vault" }], "ClusterPushSecret")),
      ),
    ).toEqual([unplacedStore('k8s clusterpushsecret "push"', 'SecretStore "vault"')]);
  });
});

describe("the Loki Operator's LokiStacks", () => {
  const stack = (secret: unknown, version = "v1") =>
    kube(`kubernetes:loki.grafana.com/${version}:LokiStack`, "logging-loki", {
      metadata: { namespace: "openshift-logging" },
      spec: {
        size: "1x.small",
        storage: { schemas: [{ version: "v13", effectiveDate: "2024-01-01" }], secret },
        storageClassName: "gp3-csi",
        tenants: { mode: "openshift-logging" },
      },
    });
  const secret = (name: string, keys: Record<string, string>, namespace = "openshift-logging") =>
    kube("kubernetes:core/v1:Secret", name, {
      metadata: { namespace, name },
      stringData: { access_key_id: "id", access_key_secret: "key", ...keys },
    });
  const label = 'k8s lokistack "logging-loki"';
  const stackWide = (resources: readonly OracleResource[]) =>
    findingsOf(resources, ["kubernetes-egress", "named-destinations", "reviewed-resource-types"]);
  const at = (place: string) =>
    ["named-destinations", "logging-loki", "mandatory", [label, place]] as const;
  const s3 = { name: "loki-s3", type: "s3" };
  /** The findings on a LokiStack whose s3 storage the Secret "loki-s3" of `keys` names. */
  const onS3 = (keys: Record<string, string>, namespace?: string) =>
    stackWide(onCluster(stack(s3), secret("loki-s3", keys, namespace)));

  test("keeps the logs where the Secret it names says: abroad, at a host the pack cannot place, or in a Secret the program does not declare, it fails", () => {
    expect(
      onS3({ bucketnames: "logs", endpoint: "https://s3.eu-central-1.amazonaws.com" }),
    ).toEqual([at("s3.eu-central-1.amazonaws.com in eu-central-1 (outside CN, in EU)")]);
    // No endpoint: Amazon S3 in the Secret's region (the operator's STS form).
    expect(
      onS3({ bucketnames: "logs", region: "us-east-1", role_arn: "arn:aws:iam::1:role/x" }),
    ).toEqual([at('Amazon S3 bucket "logs" in us-east-1 (outside CN, in US)')]);
    expect(
      stackWide(
        onCluster(
          stack({ name: "loki-oss", type: "alibabacloud" }, "v1beta1"),
          kube("kubernetes:core/v1:Secret", "loki-oss", {
            metadata: { namespace: "openshift-logging", name: "loki-oss" },
            // As the API server takes it: base64 under data.
            data: {
              endpoint: Buffer.from("https://oss-ap-southeast-1.aliyuncs.com").toString("base64"),
              bucket: Buffer.from("logs").toString("base64"),
            },
          }),
        ),
      ),
    ).toEqual([at("oss-ap-southeast-1.aliyuncs.com in ap-southeast-1 (outside CN, in SG)")]);
    expect(onS3({ bucketnames: "logs", endpoint: "https://minio.example.de" })).toEqual([
      at("minio.example.de (cannot be placed)"),
    ]);
    expect(
      stackWide(
        onCluster(
          stack({ name: "loki-azure", type: "azure" }),
          secret("loki-azure", {
            container: "logs",
            account_name: "acme",
            environment: "AzureGlobal",
          }),
        ),
      ),
    ).toEqual([at("Azure Blob Storage (cannot be placed)")]);
    // The Secret of another namespace is not the one the operator reads.
    expect(onS3({ bucketnames: "logs", region: "cn-north-1" }, "default")).toEqual([
      at('Secret "loki-s3" (cannot be placed)'),
    ]);
    // Keys not known at preview (the Secret written from another resource's outputs).
    expect(onS3({ bucketnames: "logs", endpoint: unknownAtPreview as unknown as string })).toEqual([
      at('the keys of the Secret "loki-s3" (unknown at preview)'),
    ]);
    expect(stackWide(onCluster(stack(unknownAtPreview)))).toEqual([
      at("spec.storage.secret (unknown at preview)"),
    ]);
    expect(messagesOf("named-destinations", onCluster(stack(s3)))).toEqual([
      'k8s lokistack "logging-loki" must keep the cluster\'s logs only in storage inside the jurisdiction, of the cluster, or at private or allowlisted addresses, but spec.storage.secret names the Secret "loki-s3", which this program does not declare in the LokiStack\'s namespace, so where it keeps the logs cannot be checked. Keep the logs in object storage in a region inside the jurisdiction (the Secret\'s endpoint or region), in object storage of the cluster, or at a private address, in a Secret this program declares.',
    ]);
  });

  test("twin: a Secret of its namespace naming storage in a region inside, of the cluster or at a private address passes", () => {
    for (const keys of [
      { bucketnames: "logs", endpoint: "https://s3.cn-northwest-1.amazonaws.com.cn" } as Record<
        string,
        string
      >,
      { bucketnames: "logs", region: "cn-north-1" },
      { bucketnames: "logs", endpoint: "http://minio.minio.svc:9000" },
      { bucketnames: "logs", endpoint: "https://10.0.4.20:9000" },
    ]) {
      expect(onS3(keys)).toEqual([]);
    }
    expect(
      stackWide(
        onCluster(
          stack({ name: "loki-oss", type: "alibabacloud" }),
          secret("loki-oss", {
            bucket: "logs",
            endpoint: "https://oss-cn-shanghai-internal.aliyuncs.com",
          }),
        ),
      ),
    ).toEqual([]);
  });
});

describe("the GitOps controllers' kinds that deploy nothing", () => {
  test("an Argo CD AppProject and Flux's image automation pass; an Application of the project is the bundle", () => {
    const project = kube("kubernetes:argoproj.io/v1alpha1:AppProject", "shop", {
      metadata: { namespace: "argocd" },
      spec: {
        sourceRepos: ["https://github.com/acme/*"],
        destinations: [{ server: "https://kubernetes.default.svc", namespace: "shop" }],
      },
    });
    const image = (kind: string, spec: Record<string, unknown>) =>
      kube(`kubernetes:image.toolkit.fluxcd.io/v1beta2:${kind}`, kind.toLowerCase(), {
        metadata: { namespace: "flux-system" },
        spec,
      });
    const automation = [
      image("ImageRepository", {
        image: "registry.cn-shanghai.aliyuncs.com/acme/shop",
        interval: "5m",
      }),
      image("ImagePolicy", {
        imageRepositoryRef: { name: "imagerepository" },
        policy: { semver: { range: "1.x" } },
      }),
      image("ImageUpdateAutomation", {
        sourceRef: { kind: "GitRepository", name: "deploy" },
        git: { commit: { author: { name: "flux", email: "flux@acme.cn" } } },
        update: { strategy: "Setters", path: "./shop" },
        interval: "30m",
      }),
    ];
    expect(judged(onCluster(project, ...automation))).toEqual([]);
  });
});

describe("GitOps bundles", () => {
  const releases = (resources: readonly OracleResource[]) =>
    rawFindings(resources).filter(([policy]) => policy === "helm-releases");

  test("an IstioOperator is helm-releases' finding, naming what it installs", () => {
    const operator = kube("kubernetes:install.istio.io/v1alpha1:IstioOperator", "istio", {
      metadata: { namespace: "istio-system" },
      spec: { profile: "minimal", revision: "1-24", meshConfig: { accessLogFile: "/dev/stdout" } },
    });
    expect(messagesOf("helm-releases", onCluster(operator))).toEqual([
      'k8s istiooperator "istio" must expose its resources to the pack, but an IstioOperator installs Istio\'s control plane and gateways (profile "minimal", revision "1-24"), rendered from its charts as objects the pack cannot see — among them the mesh\'s configuration, which names where telemetry and external authorization go. Install Istio with kubernetes.helm.v4.Chart (the base, istiod and gateway charts) so the pack judges each object, and declare the mesh\'s extension providers where the pack reads them.',
    ]);
  });

  test("a Flux Operator FluxInstance is helm-releases' finding, naming the Flux it installs and the source it syncs", () => {
    const instance = (spec: Record<string, unknown>) =>
      kube("kubernetes:fluxcd.controlplane.io/v1:FluxInstance", "flux", {
        metadata: { namespace: "flux-system" },
        spec: {
          distribution: {
            version: "2.x",
            registry: "ghcr.io/fluxcd",
            artifact: "oci://ghcr.io/controlplaneio-fluxcd/flux-operator-manifests",
          },
          components: ["source-controller", "kustomize-controller"],
          cluster: { type: "kubernetes", networkPolicy: true },
          ...spec,
        },
      });
    const fix =
      "Install Flux with kubernetes.helm.v4.Chart (the flux2 chart) or kubernetes.yaml.v2.ConfigFile (its install manifests) so the pack judges each object, and declare the objects it would sync in the program instead.";
    const installs =
      'k8s fluxinstance "flux" must expose its resources to the pack, but a FluxInstance installs Flux "2.x"\'s controllers (source-controller, kustomize-controller) from the manifests of "oci://ghcr.io/controlplaneio-fluxcd/flux-operator-manifests", as objects the pack cannot see';
    expect(messagesOf("helm-releases", onCluster(instance({})))).toEqual([`${installs}. ${fix}`]);
    expect(
      messagesOf(
        "helm-releases",
        onCluster(
          instance({
            sync: {
              kind: "GitRepository",
              url: "https://gitlab.com/acme/fleet.git",
              ref: "refs/heads/main",
              path: "clusters/shanghai",
            },
          }),
        ),
      ),
    ).toEqual([
      `${installs}, and applies the manifests at "clusters/shanghai" of its GitRepository "https://gitlab.com/acme/fleet.git", which the pack cannot see either. ${fix}`,
    ]);
    // Its one finding is helm-releases': the type is reviewed, and no-path-out-of-jurisdiction
    // does not report the crossing to what it hides a second time.
    const baseline = runNamed(onCluster(), cn);
    expect(
      runNamed(onCluster(instance({})), cn).filter(
        (f) => !baseline.some((b) => JSON.stringify(b) === JSON.stringify(f)),
      ),
    ).toEqual([
      [
        "helm-releases",
        "flux",
        "mandatory",
        ['k8s fluxinstance "flux"', "resources the pack cannot see"],
      ],
    ]);
  });

  test("Crossplane's Provider, Configuration and Function are helm-releases' findings, naming the package", () => {
    const pkg = (kind: string, name: string, spec: Record<string, unknown>) =>
      kube(`kubernetes:pkg.crossplane.io/v1:${kind}`, name, { spec });
    const fix =
      "Declare the cloud resources with their cloud's own Pulumi provider (@pulumi/alicloud, @pulumi/aws) so the pack judges each one, or, once you have reviewed where everything the package creates sends its data, waive this finding with that evidence.";
    expect(
      releases(
        onCluster(
          pkg("Provider", "provider-aws-s3", {
            package: "xpkg.upbound.io/upbound/provider-aws-s3:v1.21.0",
            runtimeConfigRef: { name: "irsa" },
          }),
          pkg("Configuration", "platform", { package: "xpkg.upbound.io/acme/platform:v0.3.0" }),
          pkg("Function", "patch-and-transform", {
            package: "xpkg.upbound.io/crossplane-contrib/function-patch-and-transform:v0.8.2",
          }),
        ),
      ),
    ).toEqual([
      [
        "helm-releases",
        "patch-and-transform",
        `k8s function "patch-and-transform" must expose its resources to the pack, but a Crossplane Function installs the package "xpkg.upbound.io/crossplane-contrib/function-patch-and-transform:v0.8.2", which composes resources of its own choosing in the compositions that call it, as resources the pack cannot see. ${fix}`,
      ],
      [
        "helm-releases",
        "platform",
        `k8s configuration "platform" must expose its resources to the pack, but a Crossplane Configuration installs the package "xpkg.upbound.io/acme/platform:v0.3.0": compositions that create cloud resources from claims, as resources the pack cannot see. ${fix}`,
      ],
      [
        "helm-releases",
        "provider-aws-s3",
        `k8s provider "provider-aws-s3" must expose its resources to the pack, but a Crossplane Provider installs the package "xpkg.upbound.io/upbound/provider-aws-s3:v1.21.0": a controller that creates cloud resources wherever their managed resources say, and the kinds they are declared by, as objects the pack cannot see. ${fix}`,
      ],
    ]);
    // A managed resource of a provider is still a kind the pack has not reviewed: it fails closed.
    const bucket = kube("kubernetes:s3.aws.upbound.io/v1beta1:Bucket", "records", {
      spec: { forProvider: { region: "cn-north-1" } },
    });
    expect(rawFindings(onCluster(bucket)).map(([policy]) => policy)).toContain(
      "reviewed-resource-types",
    );
  });

  test("Tekton's operator kinds, a patch of the TektonConfig included, are helm-releases' findings, naming what they install", () => {
    const config = kube("kubernetes:operator.tekton.dev/v1alpha1:TektonConfigPatch", "config", {
      spec: { profile: "all", targetNamespace: "tekton-pipelines", pruner: { keep: 100 } },
    });
    const dashboard = kube("kubernetes:operator.tekton.dev/v1alpha1:TektonDashboard", "dashboard", {
      spec: { targetNamespace: "tekton-pipelines" },
    });
    const fix =
      "Install Tekton with kubernetes.yaml.v2.ConfigFile (its release manifests) so the pack judges each object.";
    expect(releases(onCluster(config, dashboard))).toEqual([
      [
        "helm-releases",
        "config",
        `k8s tektonconfigpatch "config" must expose its resources to the pack, but a TektonConfig installs Tekton's components of profile "all" into namespace "tekton-pipelines" — among them Chains, which may sign and upload attestations to a transparency log, and Results, which may store run logs elsewhere — as objects the pack cannot see. ${fix}`,
      ],
      [
        "helm-releases",
        "dashboard",
        `k8s tektondashboard "dashboard" must expose its resources to the pack, but a TektonDashboard installs Tekton's dashboard component into namespace "tekton-pipelines" as objects the pack cannot see. ${fix}`,
      ],
    ]);
  });

  test("the Knative Operator's KnativeServing and KnativeEventing are helm-releases' findings, naming what they install", () => {
    const serving = kube("kubernetes:operator.knative.dev/v1beta1:KnativeServing", "serving", {
      metadata: { namespace: "knative-serving" },
      spec: { version: "1.16", ingress: { kourier: { enabled: true } } },
    });
    const eventing = kube("kubernetes:operator.knative.dev/v1beta1:KnativeEventing", "eventing", {
      metadata: { namespace: "knative-eventing" },
      spec: {},
    });
    const fix =
      "Install Knative with kubernetes.yaml.v2.ConfigFile (its release manifests) so the pack judges each object.";
    expect(releases(onCluster(serving, eventing))).toEqual([
      [
        "helm-releases",
        "eventing",
        `k8s knativeeventing "eventing" must expose its resources to the pack, but a KnativeEventing installs Knative Eventing — its controllers and the sources and sinks its spec.source enables, which deliver events where their own objects say — as objects the pack cannot see. ${fix}`,
      ],
      [
        "helm-releases",
        "serving",
        `k8s knativeserving "serving" must expose its resources to the pack, but a KnativeServing installs Knative Serving 1.16 — its controllers and the ingress its spec.ingress enables (Kourier, Istio or Contour), served by a load balancer of its own — as objects the pack cannot see. ${fix}`,
      ],
    ]);
  });

  test("a KubeVela Application is helm-releases' finding, naming its components and the clusters of its topology", () => {
    const app = (policies: readonly Record<string, unknown>[]) =>
      kube("kubernetes:core.oam.dev/v1beta1:Application", "shop", {
        metadata: { namespace: "shop" },
        spec: {
          components: [
            { name: "web", type: "webservice", properties: { image: "acme/web:1" } },
            { name: "cache", type: "helm", properties: { chart: "redis" } },
          ],
          policies,
        },
      });
    const message = (where: string) =>
      `k8s application "shop" must expose its resources to the pack, but a KubeVela Application renders its components "web" (webservice), "cache" (helm)${where} by the cluster's definitions into objects the pack cannot see. Declare the objects in the program instead — kubernetes.yaml.v2.ConfigGroup for manifests, kubernetes.helm.v4.Chart for a chart — so the pack judges each one under pulumi preview --policy-pack.`;
    expect(messagesOf("helm-releases", onCluster(app([])))).toEqual([message("")]);
    expect(
      messagesOf(
        "helm-releases",
        onCluster(
          app([
            { name: "everywhere", type: "topology", properties: { clusters: ["local", "fra-1"] } },
            { name: "replicas", type: "override", properties: { components: [{ name: "web" }] } },
          ]),
        ),
      ),
    ).toEqual([message(', in the clusters its topology names ("local", "fra-1")')]);
  });

  test("a Flux Operator ResourceSet is helm-releases' finding, naming the kinds of its templates", () => {
    const set = kube("kubernetes:fluxcd.controlplane.io/v1:ResourceSet", "apps", {
      metadata: { namespace: "flux-system" },
      spec: {
        inputs: [{ tenant: "shop" }, { tenant: "ledger" }],
        resources: [
          { apiVersion: "v1", kind: "Namespace", metadata: { name: "<< inputs.tenant >>" } },
          {
            apiVersion: "source.toolkit.fluxcd.io/v1",
            kind: "OCIRepository",
            metadata: { name: "<< inputs.tenant >>" },
          },
          {
            apiVersion: "helm.toolkit.fluxcd.io/v2",
            kind: "HelmRelease",
            metadata: { name: "<< inputs.tenant >>" },
          },
          { apiVersion: "v1", kind: "Namespace", metadata: { name: "<< inputs.tenant >>-jobs" } },
        ],
      },
    });
    expect(messagesOf("helm-releases", onCluster(set))).toEqual([
      'k8s resourceset "apps" must expose its resources to the pack, but a Flux Operator ResourceSet renders 4 object templates (Namespace, OCIRepository, HelmRelease) with inputs known only in the cluster, as objects the pack cannot see. Declare the objects in the program instead — kubernetes.yaml.v2.ConfigGroup for manifests, kubernetes.helm.v4.Chart for a chart — so the pack judges each one under pulumi preview --policy-pack.',
    ]);
  });

  test("an Argo CD Application or ApplicationSet, a Flux Kustomization or HelmRelease is helm-releases' finding, naming what it deploys", () => {
    const app = kube("kubernetes:argoproj.io/v1alpha1:Application", "shop", {
      metadata: { namespace: "argocd" },
      spec: {
        project: "default",
        source: { repoURL: "https://github.com/acme/deploy", path: "shop", targetRevision: "main" },
        destination: { server: "https://kubernetes.default.svc", namespace: "shop" },
      },
    });
    const kustomization = kube("kubernetes:kustomize.toolkit.fluxcd.io/v1:Kustomization", "apps", {
      metadata: { namespace: "flux-system" },
      spec: {
        path: "./apps",
        sourceRef: { kind: "GitRepository", name: "fleet" },
        prune: true,
        interval: "10m",
      },
    });
    const release = kube("kubernetes:helm.toolkit.fluxcd.io/v2:HelmRelease", "redis", {
      metadata: { namespace: "cache" },
      spec: {
        chart: { spec: { chart: "redis", sourceRef: { kind: "HelmRepository", name: "bitnami" } } },
      },
    });
    expect(releases(onCluster(app, kustomization, release))).toEqual([
      [
        "helm-releases",
        "apps",
        'k8s kustomization "apps" must expose its resources to the pack, but a Flux Kustomization applies the manifests at "./apps" of its source GitRepository "fleet", which the pack cannot see. Declare the objects in the program instead — kubernetes.yaml.v2.ConfigGroup for manifests, kubernetes.helm.v4.Chart for a chart — so the pack judges each one under pulumi preview --policy-pack.',
      ],
      [
        "helm-releases",
        "redis",
        'k8s helmrelease "redis" must expose its resources to the pack, but a Flux HelmRelease installs chart "redis" as objects the pack cannot see. Declare the objects in the program instead — kubernetes.yaml.v2.ConfigGroup for manifests, kubernetes.helm.v4.Chart for a chart — so the pack judges each one under pulumi preview --policy-pack.',
      ],
      [
        "helm-releases",
        "shop",
        'k8s application "shop" must expose its resources to the pack, but an Argo CD Application deploys the objects of "https://github.com/acme/deploy" (path "shop") into cluster "https://kubernetes.default.svc", which the pack cannot see. Declare the objects in the program instead — kubernetes.yaml.v2.ConfigGroup for manifests, kubernetes.helm.v4.Chart for a chart — so the pack judges each one under pulumi preview --policy-pack.',
      ],
    ]);
    // One finding each, helm-releases': no unreviewed type, and no-path-out-of-jurisdiction does
    // not report again the crossing to what they hide.
    const baseline = runNamed(onCluster(), cn);
    expect(
      runNamed(onCluster(app, kustomization, release), cn).filter(
        (f) => !baseline.some((b) => JSON.stringify(b) === JSON.stringify(f)),
      ),
    ).toEqual([
      [
        "helm-releases",
        "apps",
        "mandatory",
        ['k8s kustomization "apps"', "resources the pack cannot see"],
      ],
      [
        "helm-releases",
        "redis",
        "mandatory",
        ['k8s helmrelease "redis"', "resources the pack cannot see"],
      ],
      [
        "helm-releases",
        "shop",
        "mandatory",
        ['k8s application "shop"', "resources the pack cannot see"],
      ],
    ]);
  });
});

describe("Traefik", () => {
  const middleware = (spec: Record<string, unknown>) =>
    kube("kubernetes:traefik.io/v1alpha1:Middleware", "auth", {
      metadata: { namespace: "shop" },
      spec,
    });
  const label = 'k8s middleware "auth"';
  const route = kube("kubernetes:traefik.io/v1alpha1:IngressRoute", "shop", {
    metadata: { namespace: "shop" },
    spec: {
      entryPoints: ["websecure"],
      routes: [
        {
          match: "Host(`shop.example.cn`)",
          kind: "Rule",
          services: [{ name: "shop", port: 80 }],
          middlewares: [{ name: "auth" }],
        },
      ],
    },
  });

  test("a forward-auth service, a rate limit's Redis outside or a plugin is kubernetes-egress's finding", () => {
    expect(
      judged(
        onCluster(
          middleware({ forwardAuth: { address: "https://auth.example-saas.eu/verify" } }),
          route,
        ),
      ),
    ).toEqual([egress("auth", label, "auth.example-saas.eu (cannot be placed)")]);
    expect(
      judged(
        onCluster(
          middleware({ rateLimit: { average: 100, redis: { endpoints: ["203.0.113.6:6379"] } } }),
        ),
      ),
    ).toEqual([egress("auth", label, "203.0.113.6 (rate limit store)")]);
    expect(
      judged(onCluster(middleware({ plugin: { geoblock: { allowedCountries: ["CN"] } } }))),
    ).toEqual([egress("auth", label, "what the Traefik plugin reaches (cannot be placed)")]);
  });

  test("Traefik 2's group (traefik.containo.us) is read alike", () => {
    const v2 = (kind: string, name: string, spec: Record<string, unknown>) =>
      kube(`kubernetes:traefik.containo.us/v1alpha1:${kind}`, name, {
        metadata: { namespace: "longhorn-system" },
        spec,
      });
    const frontend = v2("IngressRoute", "frontend", {
      routes: [
        {
          match: "Host(`longhorn.lab`)",
          kind: "Rule",
          services: [{ name: "longhorn-frontend", port: 80 }],
        },
      ],
    });
    expect(
      judged(onCluster(frontend, v2("Middleware", "users", { basicAuth: { secret: "users" } }))),
    ).toEqual([]);
    expect(
      judged(
        onCluster(
          frontend,
          v2("Middleware", "sso", { forwardAuth: { address: "https://sso.example.de/auth" } }),
        ),
      ),
    ).toEqual([egress("sso", 'k8s middleware "sso"', "sso.example.de (cannot be placed)")]);
  });

  test("twin: an authentication Service of the cluster, a private Redis, and middlewares inside Traefik pass with their routes", () => {
    for (const spec of [
      { forwardAuth: { address: "http://oauth2-proxy.auth.svc.cluster.local:4180/oauth2/auth" } },
      {
        rateLimit: {
          average: 100,
          redis: { endpoints: ["redis.cache.svc:6379", "10.0.6.6:6379"] },
        },
      },
      { basicAuth: { secret: "shop-users" } },
      { headers: { stsSeconds: 31536000 } },
    ]) {
      expect(judged(onCluster(middleware(spec), route))).toEqual([]);
    }
  });
});

describe("the Gateway API", () => {
  const exposure = (resources: readonly OracleResource[]) =>
    findingsOf(resources, ["kubernetes-service-exposure", "reviewed-resource-types"]);
  const gatewayClass = (controllerName: string, version = "v1") =>
    kube(`kubernetes:gateway.networking.k8s.io/${version}:GatewayClass`, "edge", {
      spec: { controllerName },
    });
  const gateway = (gatewayClassName: unknown) =>
    kube("kubernetes:gateway.networking.k8s.io/v1:Gateway", "public", {
      metadata: { namespace: "gateways" },
      spec: { gatewayClassName, listeners: [{ name: "http", port: 80, protocol: "HTTP" }] },
    });

  test("a GatewayClass whose controller, or a Gateway whose class, serves it from a vendor's network is kubernetes-service-exposure's finding", () => {
    expect(exposure(onCluster(gatewayClass("ngrok.com/gateway-controller")))).toEqual([
      [
        "kubernetes-service-exposure",
        "edge",
        "mandatory",
        ['k8s gatewayclass "edge"', "ngrok's global network (points of presence worldwide)"],
      ],
    ]);
    expect(exposure(onCluster(gateway("cloudflare-tunnel")))).toEqual([
      [
        "kubernetes-service-exposure",
        "public",
        "mandatory",
        ['k8s gateway "public"', "Cloudflare's global network (points of presence worldwide)"],
      ],
    ]);
    const [message] = messagesOf(
      "kubernetes-service-exposure",
      onCluster(gatewayClass("ngrok.com/gateway-controller")),
    );
    expect(message).toContain(
      'k8s gatewayclass "edge" must not be served outside the cluster\'s network, but its controller "ngrok.com/gateway-controller" makes the ngrok Kubernetes Operator serve it from ngrok\'s global network',
    );
  });

  test("twin: a GatewayClass and Gateway of a controller of the cluster pass, in either version", () => {
    expect(
      exposure(
        onCluster(
          gatewayClass("gateway.envoyproxy.io/gatewayclass-controller"),
          gatewayClass("istio.io/gateway-controller", "v1beta1"),
          gateway("eg"),
        ),
      ),
    ).toEqual([]);
  });

  test("a Gateway whose class is not known at preview is undecided", () => {
    expect(exposure(onCluster(gateway(unknownAtPreview)))).toEqual([
      [
        "kubernetes-service-exposure",
        "public",
        "mandatory",
        ['k8s gateway "public"', "spec.gatewayClassName (unknown at preview)"],
      ],
    ]);
  });

  const route = (rules: unknown[], kind = "HTTPRoute", version = "v1") =>
    kube(`kubernetes:gateway.networking.k8s.io/${version}:${kind}`, "shop", {
      metadata: { namespace: "shop" },
      spec: { parentRefs: [{ name: "public", namespace: "gateways" }], rules },
    });
  const label = 'k8s httproute "shop"';

  test("a backend, mirror or authorizer that is no Service of the cluster, or an implementation's filter, is kubernetes-egress's finding", () => {
    expect(
      judged(
        onCluster(
          route([
            {
              backendRefs: [
                { name: "shop", port: 80 },
                {
                  group: "multicluster.x-k8s.io",
                  kind: "ServiceImport",
                  name: "shop-eu",
                  port: 80,
                },
              ],
              filters: [
                {
                  type: "RequestMirror",
                  requestMirror: {
                    backendRef: {
                      group: "networking.istio.io",
                      kind: "Hostname",
                      name: "mirror.example.de",
                    },
                  },
                },
                {
                  type: "ExtensionRef",
                  extensionRef: {
                    group: "gateway.envoyproxy.io",
                    kind: "HTTPRouteFilter",
                    name: "lua",
                  },
                },
              ],
            },
          ]),
        ),
      ),
    ).toEqual(
      sorted([
        egress("shop", label, "multicluster.x-k8s.io/ServiceImport shop-eu (cannot be placed)"),
        egress("shop", label, "networking.istio.io/Hostname mirror.example.de (cannot be placed)"),
        egress("shop", label, "the HTTPRouteFilter filter (cannot be placed)"),
      ]),
    );
  });

  test("twin: Services of the cluster, standard filters and redirects pass, in every route kind", () => {
    const rules = [
      {
        matches: [{ path: { type: "PathPrefix", value: "/" } }],
        filters: [
          {
            type: "RequestHeaderModifier",
            requestHeaderModifier: { add: [{ name: "x-shop", value: "1" }] },
          },
          {
            type: "RequestMirror",
            requestMirror: { backendRef: { name: "shop-shadow", port: 80 } },
          },
          { type: "RequestRedirect", requestRedirect: { hostname: "www.example.com" } },
        ],
        backendRefs: [
          { name: "shop", port: 80, weight: 90 },
          { kind: "Service", name: "shop-canary", port: 80 },
        ],
      },
    ];
    expect(judged(onCluster(route(rules)))).toEqual([]);
    // TCPRoute of v1 as of v1alpha2 (the AWS Load Balancer Controller's NLB example uses it).
    for (const version of ["v1alpha2", "v1"]) {
      expect(
        judged(
          onCluster(route([{ backendRefs: [{ name: "db", port: 5432 }] }], "TCPRoute", version)),
        ),
      ).toEqual([]);
    }
    expect(
      judged(
        onCluster(
          route(
            [
              {
                backendRefs: [
                  { group: "multicluster.x-k8s.io", kind: "ServiceImport", name: "db" },
                ],
              },
            ],
            "TCPRoute",
            "v1",
          ),
        ),
      ),
    ).toEqual([
      egress(
        "shop",
        'k8s tcproute "shop"',
        "multicluster.x-k8s.io/ServiceImport db (cannot be placed)",
      ),
    ]);
    const grants = kube(
      "kubernetes:gateway.networking.k8s.io/v1beta1:ReferenceGrant",
      "from-gateways",
      {
        metadata: { namespace: "shop" },
        spec: {
          from: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "gateways" }],
          to: [{ group: "", kind: "Service" }],
        },
      },
    );
    expect(judged(onCluster(grants))).toEqual([]);
  });
});

describe("Flux's notifications and sources", () => {
  const provider = (spec: Record<string, unknown>, version = "v1beta3") =>
    kube(`kubernetes:notification.toolkit.fluxcd.io/${version}:Provider`, "team", {
      metadata: { namespace: "flux-system" },
      spec,
    });
  const label = 'k8s provider "team"';

  test("a Provider sending events to a vendor's service, a Secret's address or a host outside is kubernetes-egress's finding", () => {
    expect(
      judged(
        onCluster(
          provider({ type: "slack", channel: "deploys", secretRef: { name: "slack-url" } }),
        ),
      ),
    ).toEqual([egress("team", label, "the slack notification receiver (cannot be placed)")]);
    expect(
      judged(onCluster(provider({ type: "telegram", channel: "-100123" }, "v1beta2"))),
    ).toEqual([egress("team", label, "the telegram notification receiver (cannot be placed)")]);
    expect(
      judged(
        onCluster(
          provider({
            type: "generic",
            address: "https://hooks.example.de/flux",
            proxy: "http://203.0.113.9:3128",
          }),
        ),
      ),
    ).toEqual([
      egress("team", label, "203.0.113.9 (notification proxy)"),
      egress("team", label, "hooks.example.de (cannot be placed)"),
    ]);
  });

  test("twin: a webhook of the cluster or a private one passes, and so do sources and alerts", () => {
    const sources = [
      kube("kubernetes:source.toolkit.fluxcd.io/v1:GitRepository", "fleet", {
        metadata: { namespace: "flux-system" },
        spec: { url: "https://github.com/acme/fleet", ref: { branch: "main" }, interval: "1m" },
      }),
      kube("kubernetes:notification.toolkit.fluxcd.io/v1beta3:Alert", "deploys", {
        metadata: { namespace: "flux-system" },
        spec: {
          providerRef: { name: "team" },
          eventSources: [{ kind: "Kustomization", name: "*" }],
        },
      }),
    ];
    for (const address of ["http://flux-relay.flux-system.svc:8080/", "http://10.0.1.1/hook"]) {
      expect(judged(onCluster(provider({ type: "generic", address }), ...sources))).toEqual([]);
    }
  });
});

// KEDA's eventing kinds were unreviewed: any program with one failed closed, whatever its
// destination.
describe("KEDA's CloudEventSources", () => {
  const source = (destination: Record<string, unknown>, kind = "CloudEventSource") =>
    kube(`kubernetes:eventing.keda.sh/v1alpha1:${kind}`, "scaling-events", {
      metadata: kind === "CloudEventSource" ? { namespace: "keda" } : {},
      spec: { clusterName: "shanghai-1", destination },
    });

  test("sending KEDA's events to a receiver outside, or to Azure Event Grid, is kubernetes-egress's finding", () => {
    expect(
      judged(onCluster(source({ http: { uri: "https://events.example-saas.eu/keda" } }))),
    ).toEqual([
      egress(
        "scaling-events",
        'k8s cloudeventsource "scaling-events"',
        "events.example-saas.eu (cannot be placed)",
      ),
    ]);
    expect(
      judged(
        onCluster(
          source(
            {
              azureEventGridTopic: {
                endpoint: "https://keda.westeurope-1.eventgrid.azure.net/api/events",
              },
            },
            "ClusterCloudEventSource",
          ),
        ),
      ),
    ).toEqual([
      egress(
        "scaling-events",
        'k8s clustercloudeventsource "scaling-events"',
        "an Azure Event Grid topic (cannot be placed)",
      ),
    ]);
    expect(judged(onCluster(source({})))).toEqual([
      egress(
        "scaling-events",
        'k8s cloudeventsource "scaling-events"',
        "KEDA's event receiver (cannot be placed)",
      ),
    ]);
  });

  test("twin: a receiver Service of the cluster or a private address passes", () => {
    for (const uri of ["http://event-relay.keda.svc:8080/", "http://10.0.4.2/events"]) {
      expect(judged(onCluster(source({ http: { uri } })))).toEqual([]);
      expect(judged(onCluster(source({ http: { uri } }, "ClusterCloudEventSource")))).toEqual([]);
    }
  });
});

// Knative Eventing's kinds were unreviewed: a program with a Broker and a Trigger failed closed,
// wherever it delivered its events.
describe("Knative Eventing's destinations", () => {
  const eventing = (type: string, name: string, spec: Record<string, unknown>) =>
    kube(`kubernetes:${type}`, name, { metadata: { namespace: "events" }, spec });
  const abroad = { uri: "https://hooks.example.de/events" };
  const broker = {
    ref: { apiVersion: "eventing.knative.dev/v1", kind: "Broker", name: "default" },
  };
  const display = {
    ref: { apiVersion: "serving.knative.dev/v1", kind: "Service", name: "display" },
  };

  test("a subscriber, reply, sink or dead-letter sink at a URI outside is kubernetes-egress's finding", () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ["eventing.knative.dev/v1:Trigger", { broker: "default", subscriber: abroad }, "trigger"],
      [
        "eventing.knative.dev/v1:Broker",
        { delivery: { deadLetterSink: abroad, retry: 3 } },
        "broker",
      ],
      [
        "messaging.knative.dev/v1:Subscription",
        {
          channel: { apiVersion: "messaging.knative.dev/v1", kind: "Channel", name: "orders" },
          subscriber: display,
          reply: abroad,
        },
        "subscription",
      ],
      [
        "messaging.knative.dev/v1:InMemoryChannel",
        {
          subscribers: [{ subscriberUri: "https://hooks.example.de/events" }],
        },
        "inmemorychannel",
      ],
      [
        "sources.knative.dev/v1:PingSource",
        { schedule: "* * * * *", data: "{}", sink: abroad },
        "pingsource",
      ],
      [
        "sources.knative.dev/v1beta2:PingSource",
        { schedule: "* * * * *", sink: abroad },
        "pingsource",
      ],
      [
        "sources.knative.dev/v1:ApiServerSource",
        {
          mode: "Resource",
          resources: [{ apiVersion: "v1", kind: "Event" }],
          sink: abroad,
        },
        "apiserversource",
      ],
      [
        "sources.knative.dev/v1:SinkBinding",
        {
          subject: { apiVersion: "apps/v1", kind: "Deployment", name: "producer" },
          sink: abroad,
        },
        "sinkbinding",
      ],
      ["flows.knative.dev/v1:Sequence", { steps: [display, abroad] }, "sequence"],
      [
        "flows.knative.dev/v1:Parallel",
        {
          branches: [{ subscriber: display, filter: abroad }],
        },
        "parallel",
      ],
      ["eventing.knative.dev/v1alpha1:EventTransform", { sink: abroad }, "eventtransform"],
    ];
    for (const [type, spec, kind] of cases) {
      expect([type, judged(onCluster(eventing(type, "orders", spec)))]).toEqual([
        type,
        [egress("orders", `k8s ${kind} "orders"`, "hooks.example.de (cannot be placed)")],
      ]);
    }
  });

  test("twin: an addressable of the cluster by reference, a Service's URL or a private address passes", () => {
    const inside = [
      eventing("eventing.knative.dev/v1:Broker", "default", {
        delivery: { deadLetterSink: display },
      }),
      eventing("eventing.knative.dev/v1:Trigger", "orders", {
        broker: "default",
        subscriber: { ...display, uri: "/orders" },
        delivery: { deadLetterSink: { uri: "http://dead-letters.events.svc.cluster.local" } },
      }),
      eventing("sources.knative.dev/v1:PingSource", "tick", {
        schedule: "* * * * *",
        sink: broker,
      }),
      eventing("sources.knative.dev/v1:ApiServerSource", "events", {
        resources: [{ apiVersion: "v1", kind: "Event" }],
        sink: { uri: "http://10.0.3.4/events" },
      }),
      eventing("flows.knative.dev/v1:Sequence", "steps", { steps: [display], reply: broker }),
      eventing("eventing.knative.dev/v1beta3:EventType", "order-created", {
        reference: broker.ref,
        attributes: [{ name: "type", value: "order.created", required: true }],
      }),
    ];
    expect(judged(onCluster(...inside))).toEqual([]);
  });
});

// Knative's IntegrationSource and IntegrationSink were unreviewed: a program with one failed
// closed, wherever its bucket, queue or topic was.
describe("Knative's integrations", () => {
  const integration = (type: string, name: string, spec: Record<string, unknown>) =>
    kube(`kubernetes:${type}`, name, { metadata: { namespace: "events" }, spec });
  const source = "sources.knative.dev/v1alpha1:IntegrationSource";
  const sink = "sinks.knative.dev/v1alpha1:IntegrationSink";
  const auth = { secret: { ref: { name: "aws-credentials" } } };
  const broker = {
    ref: { apiVersion: "eventing.knative.dev/v1", kind: "Broker", name: "default" },
  };

  test("a bucket, queue, topic or table stream in a region outside, or of no region, is kubernetes-egress's finding", () => {
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      [
        source,
        { aws: { s3: { arn: "arn:aws:s3:::orders", region: "eu-north-1" }, auth }, sink: broker },
        "integrationsource",
        'Amazon S3 bucket "orders" in eu-north-1 (outside CN, in EU)',
      ],
      [
        source,
        { aws: { sqs: { arn: "arn:aws:sqs:eu-west-1:111122223333:orders" }, auth }, sink: broker },
        "integrationsource",
        'Amazon SQS queue "arn:aws:sqs:eu-west-1:111122223333:orders" in eu-west-1 (outside CN, in EU)',
      ],
      [
        source,
        { aws: { ddbStreams: { table: "orders", region: "us-east-1" }, auth }, sink: broker },
        "integrationsource",
        'the DynamoDB stream of table "orders" in us-east-1 (outside CN, in US)',
      ],
      [
        sink,
        { aws: { sns: { arn: "orders", region: "ap-southeast-1" }, auth } },
        "integrationsink",
        'Amazon SNS topic "orders" in ap-southeast-1 (outside CN, in SG)',
      ],
      [
        sink,
        { aws: { s3: { arn: "arn:aws:s3:::orders" }, auth } },
        "integrationsink",
        'Amazon S3 bucket "orders" (cannot be placed)',
      ],
      [
        sink,
        {
          aws: {
            sqs: {
              arn: "orders",
              region: "cn-north-1",
              overrideEndpoint: true,
              uriEndpointOverride: "https://queues.example.de",
            },
            auth,
          },
        },
        "integrationsink",
        "queues.example.de (cannot be placed)",
      ],
      [
        source,
        { aws: { sqs: { queueURL: "https://sqs.eu-west-1.amazonaws.com/111122223333/orders" } } },
        "integrationsource",
        "sqs.eu-west-1.amazonaws.com in eu-west-1 (outside CN, in EU)",
      ],
    ];
    for (const [type, spec, kind, place] of cases) {
      expect([spec, judged(onCluster(integration(type, "orders", spec)))]).toEqual([
        spec,
        [egress("orders", `k8s ${kind} "orders"`, place)],
      ]);
    }
    expect(
      messagesOf(
        "kubernetes-egress",
        onCluster(
          integration(sink, "orders", { aws: { s3: { arn: "orders", region: "eu-north-1" } } }),
        ),
      ),
    ).toEqual([
      'k8s integrationsink "orders" must write events only to stores in regions inside the jurisdiction, of the cluster, private or allowlisted addresses, but spec.aws.s3 writes the events to Amazon S3 bucket "orders" in eu-north-1 (outside CN, in EU): the integration writes every event it is sent there, with its data. Write the events to a bucket, queue or topic in a region inside the jurisdiction (region), or to a server of the cluster or a private address.',
    ]);
  });

  test("an IntegrationSource's sink outside, and the pods its template runs, are judged as a source's and a workload's", () => {
    const spec = {
      timer: { period: 1000, message: "tick" },
      sink: { uri: "https://hooks.example.de/events" },
    };
    expect(judged(onCluster(integration(source, "tick", spec)))).toEqual([
      egress("tick", 'k8s integrationsource "tick"', "hooks.example.de (cannot be placed)"),
    ]);
    const volume = {
      timer: { period: 1000 },
      sink: broker,
      template: {
        spec: {
          containers: [
            { name: "camel", image: "registry.cn-shanghai.aliyuncs.com/events/camel:1" },
          ],
          volumes: [{ name: "data", nfs: { server: "203.0.113.9", path: "/events" } }],
        },
      },
    };
    expect(judged(onCluster(integration(source, "tick", volume)))).toEqual([
      egress("tick", 'k8s integrationsource "tick"', "203.0.113.9 (NFS server)"),
    ]);
  });

  test("twin: a store in a region inside, a region its ARN names, an endpoint of the cluster, a timer and a log sink pass", () => {
    const inside = [
      integration(source, "objects", {
        aws: { s3: { arn: "arn:aws-cn:s3:::orders", region: "cn-north-1" }, auth },
        sink: broker,
      }),
      integration(source, "queue", {
        aws: { sqs: { arn: "arn:aws-cn:sqs:cn-northwest-1:111122223333:orders" }, auth },
        sink: broker,
      }),
      integration(source, "stream", {
        aws: { ddbStreams: { table: "orders", region: "cn-north-1" }, auth },
        sink: broker,
      }),
      integration(source, "local", {
        aws: {
          s3: {
            arn: "orders",
            overrideEndpoint: true,
            uriEndpointOverride: "http://minio.storage.svc.cluster.local:9000",
          },
        },
        sink: broker,
      }),
      integration(source, "tick", { timer: { period: 1000 }, sink: broker }),
      integration(sink, "topic", { aws: { sns: { arn: "orders", region: "cn-north-1" }, auth } }),
      integration(sink, "log", { log: { level: "INFO", showHeaders: true } }),
    ];
    expect(judged(onCluster(...inside))).toEqual([]);
  });
});

describe("a setting not known at preview", () => {
  test("leaves a reading of several settings undecided, never passed: a ServiceEntry, a collector's exporters, an integration", () => {
    const resources = onCluster(
      kube("kubernetes:networking.istio.io/v1:ServiceEntry", "payments", {
        metadata: { namespace: "shop" },
        spec: {
          hosts: ["payments.internal"],
          resolution: "STATIC",
          endpoints: [{ address: unknownAtPreview }],
        },
      }),
      kube("kubernetes:opentelemetry.io/v1beta1:OpenTelemetryCollector", "otel", {
        metadata: { namespace: "observability" },
        spec: { config: { exporters: { otlp: { endpoint: unknownAtPreview } } } },
      }),
      kube("kubernetes:monitoring.coreos.com/v1alpha1:AlertmanagerConfig", "alerts", {
        metadata: { namespace: "shop" },
        spec: { receivers: [{ name: "team", opsgenieConfigs: [{ apiURL: unknownAtPreview }] }] },
      }),
    );
    expect(judged(resources)).toEqual([
      egress(
        "alerts",
        'k8s alertmanagerconfig "alerts"',
        "spec.receivers[0].opsgenieConfigs[0] (unknown at preview)",
      ),
      egress("otel", 'k8s opentelemetrycollector "otel"', "spec (unknown at preview)"),
      egress("payments", 'k8s serviceentry "payments"', "spec (unknown at preview)"),
    ]);
  });
});

describe("cert-manager", () => {
  const issuer = (kind: string) =>
    kube(`kubernetes:cert-manager.io/v1:${kind}`, "letsencrypt", {
      metadata: { namespace: "cert-manager" },
      spec: {
        acme: {
          server: "https://acme-v02.api.letsencrypt.org/directory",
          email: "ops@example.cn",
          privateKeySecretRef: { name: "letsencrypt-account" },
          solvers: [{ http01: { ingress: { ingressClassName: "nginx" } } }],
        },
      },
    });
  const certificate = kube("kubernetes:cert-manager.io/v1:Certificate", "shop-tls", {
    metadata: { namespace: "shop" },
    spec: {
      secretName: "shop-tls",
      dnsNames: ["shop.example.cn"],
      issuerRef: { name: "letsencrypt", kind: "ClusterIssuer" },
    },
  });

  test("certificates and their issuers send a certificate authority signing requests, no data: they pass", () => {
    expect(judged(onCluster(issuer("ClusterIssuer"), issuer("Issuer"), certificate))).toEqual([]);
  });

  test("twin: a kind of cert-manager the pack has not reviewed still fails closed, naming the kinds it reviews", () => {
    const bundle = kube("kubernetes:cert-manager.io/v1:Signer", "external", { spec: {} });
    const found = runNamed(onCluster(certificate, bundle), cn).filter(
      ([policy]) => policy === "reviewed-resource-types",
    );
    expect(found.map(([, name]) => name)).toEqual(["external"]);
  });
});

describe("Istio", () => {
  const mesh = (kind: string, name: string, spec: Record<string, unknown>, version = "v1") =>
    kube(`kubernetes:networking.istio.io/${version}:${kind}`, name, {
      metadata: { namespace: "shop" },
      spec,
    });
  const routeTo = (host: string, mirror?: string) =>
    mesh(
      "VirtualService",
      "reviews",
      {
        hosts: ["reviews"],
        http: [
          {
            route: [{ destination: { host, subset: "v1" }, weight: 100 }],
            ...(mirror === undefined ? {} : { mirror: { host: mirror } }),
          },
        ],
      },
      "v1alpha3",
    );
  const vs = 'k8s virtualservice "reviews"';
  /** With named-destinations', which judges the hosts a ServiceEntry may add over the stack. */
  const meshJudged = (resources: readonly OracleResource[]) =>
    findingsOf(resources, ["kubernetes-egress", "reviewed-resource-types", "named-destinations"]);

  test("a VirtualService routing to a host nothing places fails closed over the stack; mirroring to a public address is kubernetes-egress's finding", () => {
    expect(meshJudged(onCluster(routeTo("reviews.example-saas.eu")))).toEqual([
      named("reviews", vs, "reviews.example-saas.eu (cannot be placed)"),
    ]);
    expect(meshJudged(onCluster(routeTo("reviews", "198.51.100.7")))).toEqual([
      egress("reviews", vs, "198.51.100.7 (request mirror)"),
    ]);
  });

  describe("a route to a host a ServiceEntry of the program adds (found by the multi-cluster bench)", () => {
    const entry = (hosts: string[], address: string, provider = "kube") =>
      on(provider)("kubernetes:networking.istio.io/v1:ServiceEntry", "payments", {
        metadata: { namespace: "shop" },
        spec: {
          hosts,
          location: "MESH_EXTERNAL",
          resolution: "STATIC",
          endpoints: [{ address }],
        },
      });
    const entryLabel = 'k8s serviceentry "payments"';

    test("passes where the entry's endpoints are private, by its host or its wildcard", () => {
      expect(
        meshJudged(
          onCluster(
            entry(["payments.corp.internal"], "10.20.0.5"),
            routeTo("payments.corp.internal"),
          ),
        ),
      ).toEqual([]);
      expect(
        meshJudged(
          onCluster(entry(["*.corp.internal"], "10.20.0.5"), routeTo("payments.corp.internal")),
        ),
      ).toEqual([]);
    });

    test("is judged by the entry: an endpoint abroad is the entry's finding, not the route's", () => {
      expect(
        meshJudged(
          onCluster(
            entry(["payments.corp.internal"], "203.0.113.80"),
            routeTo("payments.corp.internal"),
          ),
        ),
      ).toEqual([egress("payments", entryLabel, "203.0.113.80 (external service)")]);
    });

    test("an entry exported only to its own namespace adds nothing to a route of another (found by the CNI bench)", () => {
      const exported = (exportTo: string[]) =>
        kube("kubernetes:networking.istio.io/v1:ServiceEntry", "payments", {
          metadata: { namespace: "payments" },
          spec: {
            hosts: ["payments.corp.internal"],
            resolution: "STATIC",
            endpoints: [{ address: "10.20.0.5" }],
            exportTo,
          },
        });
      const route = named("reviews", vs, "payments.corp.internal (cannot be placed)");
      expect(meshJudged(onCluster(exported(["."]), routeTo("payments.corp.internal")))).toEqual([
        route,
      ]);
      expect(
        meshJudged(onCluster(exported(["payments", "shop"]), routeTo("payments.corp.internal"))),
      ).toEqual([]);
      // Not known at preview, the entry places nothing yet (and is undecided itself).
      expect(
        meshJudged(
          onCluster(exported([unknownAtPreview]), routeTo("payments.corp.internal")),
        ).filter(([policy]) => policy === "named-destinations"),
      ).toEqual([route]);
    });

    test("a wildcard host is admitted by the egress hosts that admit every name under it", () => {
      const wildcard = kube("kubernetes:networking.istio.io/v1:ServiceEntry", "corp", {
        metadata: { namespace: "shop" },
        spec: { hosts: ["*.corp.example"], location: "MESH_EXTERNAL", resolution: "DNS" },
      });
      const corpHosts = {
        jurisdiction: "CN",
        egressAllowlist: [
          { host: "*.corp.example", reason: "The company's own servers in Shanghai" },
        ],
      };
      expect(findingsOf(onCluster(wildcard), ["kubernetes-egress"], corpHosts)).toEqual([]);
      expect(findingsOf(onCluster(wildcard), ["kubernetes-egress"])).toEqual([
        egress("corp", 'k8s serviceentry "corp"', "*.corp.example (cannot be placed)"),
      ]);
    });

    // Found by the regression bench: the URL readers of Kubernetes objects took an acceleration
    // endpoint under a wildcard over its cloud's domain as a host the team had placed.
    test("a webhook on a global acceleration endpoint is not admitted by a wildcard over its cloud's domain", () => {
      const webhook = (url: string) =>
        kube("kubernetes:admissionregistration.k8s.io/v1:ValidatingWebhookConfiguration", "audit", {
          webhooks: [
            {
              name: "audit.example.cn",
              clientConfig: { url },
              rules: [
                { operations: ["CREATE"], apiGroups: ["*"], apiVersions: ["*"], resources: ["*"] },
              ],
              sideEffects: "None",
              admissionReviewVersions: ["v1"],
            },
          ],
        });
      const aliyun = {
        jurisdiction: "CN",
        egressAllowlist: [{ host: "*.aliyuncs.com", reason: "Alibaba Cloud services" }],
      };
      // Named as the network it sends into, not as a host that cannot be placed.
      expect(
        findingsOf(
          onCluster(webhook("https://hooks.oss-accelerate.aliyuncs.com/review")),
          ["kubernetes-egress"],
          aliyun,
        ).map(([p, n, l, path]) => [p, n, l, path?.at(-1)]),
      ).toEqual([
        [
          "kubernetes-egress",
          "audit",
          "mandatory",
          "hooks.oss-accelerate.aliyuncs.com (the OSS transfer acceleration network, global, outside CN)",
        ],
      ]);
      // Twin: a host of the domain that is no cloud endpoint is the wildcard's.
      expect(
        findingsOf(
          onCluster(webhook("https://hooks.example.aliyuncs.com/review")),
          ["kubernetes-egress"],
          aliyun,
        ),
      ).toEqual([]);
    });

    test("twin: an entry of another cluster, or of another host, adds nothing to this mesh", () => {
      const route = named("reviews", vs, "payments.corp.internal (cannot be placed)");
      // A second provider on the same cluster's kubeconfig: another provider is another mesh
      // for the pack, whichever cluster it reaches.
      const other: OracleResource = {
        type: "pulumi:providers:kubernetes",
        name: "other",
        props: { kubeconfig: "apiVersion: v1" },
        deps: { kubeconfig: ["ack"] },
      };
      expect(
        meshJudged([
          ...onCluster(routeTo("payments.corp.internal")),
          other,
          entry(["payments.corp.internal"], "10.20.0.5", "other"),
        ]).filter(([policy]) => policy === "named-destinations"),
      ).toEqual([route]);
      expect(
        meshJudged(
          onCluster(
            entry(["ledger.corp.internal"], "10.20.0.5"),
            routeTo("payments.corp.internal"),
          ),
        ),
      ).toEqual([route]);
    });
  });

  test("twin: routes and mirrors to services of the mesh pass, as do its gateways and mTLS", () => {
    expect(
      judged(
        onCluster(
          routeTo("reviews.shop.svc.cluster.local", "reviews-shadow"),
          mesh("Gateway", "bookinfo", {
            selector: { istio: "ingressgateway" },
            servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["*"] }],
          }),
          mesh("DestinationRule", "reviews", {
            host: "reviews",
            subsets: [{ name: "v1", labels: { version: "v1" } }],
          }),
          kube("kubernetes:security.istio.io/v1:PeerAuthentication", "strict", {
            spec: { mtls: { mode: "STRICT" } },
          }),
        ),
      ),
    ).toEqual([]);
  });

  test("a ServiceEntry adds its endpoints, else its hosts, as destinations", () => {
    const entry = (spec: Record<string, unknown>) => mesh("ServiceEntry", "payments", spec);
    const label = 'k8s serviceentry "payments"';
    expect(
      judged(onCluster(entry({ hosts: ["api.payments.example.com"], resolution: "DNS" }))),
    ).toEqual([egress("payments", label, "api.payments.example.com (cannot be placed)")]);
    expect(
      judged(
        onCluster(
          entry({
            hosts: ["payments.internal"],
            resolution: "STATIC",
            endpoints: [{ address: "203.0.113.80" }],
          }),
        ),
      ),
    ).toEqual([egress("payments", label, "203.0.113.80 (external service)")]);
    // A host inside the mesh by its own word is still resolved wherever DNS says.
    expect(
      judged(
        onCluster(
          entry({ hosts: ["vm.example.internal"], location: "MESH_INTERNAL", resolution: "DNS" }),
        ),
      ),
    ).toEqual([egress("payments", label, "vm.example.internal (cannot be placed)")]);
    // The finding names the host it read (found by the network bench: it named `spec`).
    expect(
      messagesOf(
        "kubernetes-egress",
        onCluster(entry({ hosts: ["payments", "api.payments.example.com"], resolution: "DNS" })),
      ).map((m) => m.slice(m.indexOf(", but ") + 6, m.indexOf(" is "))),
    ).toEqual(["spec.hosts[1]"]);
    expect(
      messagesOf(
        "kubernetes-egress",
        onCluster(
          entry({
            hosts: ["payments.internal"],
            resolution: "STATIC",
            endpoints: [{ address: "10.0.0.9" }, { address: "203.0.113.80" }],
          }),
        ),
      ).map((m) => m.slice(m.indexOf(", but ") + 6, m.indexOf(" is "))),
    ).toEqual(["spec.endpoints[1].address"]);
    // Twins: endpoints of private addresses; an entry for pods of the cluster.
    expect(
      judged(
        onCluster(
          entry({
            hosts: ["payments.internal"],
            location: "MESH_INTERNAL",
            resolution: "STATIC",
            endpoints: [{ address: "10.20.0.5" }],
          }),
        ),
      ),
    ).toEqual([]);
    expect(
      judged(
        onCluster(
          entry({ hosts: ["payments.internal"], workloadSelector: { labels: { app: "vm" } } }),
        ),
      ),
    ).toEqual([]);
  });

  test("a Sidecar's egress proxy, a tunnel target, a workload outside and an external authorizer are findings; private ones pass", () => {
    const bad = onCluster(
      mesh("Sidecar", "default", {
        outboundTrafficPolicy: { mode: "ALLOW_ANY", egressProxy: { host: "proxy.example.de" } },
      }),
      mesh("DestinationRule", "tunnel", {
        host: "egress-proxy",
        trafficPolicy: {
          tunnel: { protocol: "CONNECT", targetHost: "db.example.de", targetPort: 5432 },
        },
      }),
      mesh("WorkloadEntry", "vm", { address: "198.51.100.9", labels: { app: "legacy" } }),
      mesh("WorkloadGroup", "vms", {
        metadata: { labels: { app: "legacy" } },
        template: { address: "203.0.113.40", serviceAccount: "legacy" },
      }),
      kube("kubernetes:security.istio.io/v1beta1:AuthorizationPolicy", "ext-authz", {
        metadata: { namespace: "shop" },
        spec: { action: "CUSTOM", provider: { name: "opa" }, rules: [{}] },
      }),
    );
    expect(meshJudged(bad)).toEqual(
      sorted([
        named("default", 'k8s sidecar "default"', "proxy.example.de (cannot be placed)"),
        named("tunnel", 'k8s destinationrule "tunnel"', "db.example.de (cannot be placed)"),
        egress("vm", 'k8s workloadentry "vm"', "198.51.100.9 (workload endpoint)"),
        egress("vms", 'k8s workloadgroup "vms"', "203.0.113.40 (workload endpoint)"),
        egress(
          "ext-authz",
          'k8s authorizationpolicy "ext-authz"',
          "the mesh's external authorizer (cannot be placed)",
        ),
      ]),
    );
    const good = onCluster(
      mesh("Sidecar", "default", {
        outboundTrafficPolicy: {
          mode: "ALLOW_ANY",
          egressProxy: { host: "egress-proxy.istio-system.svc.cluster.local" },
        },
      }),
      mesh("WorkloadEntry", "vm", { address: "10.30.0.4" }),
      // The VMs register themselves, each with its own address.
      mesh("WorkloadGroup", "vms", { template: { serviceAccount: "legacy", network: "vm-net" } }),
      kube("kubernetes:security.istio.io/v1:AuthorizationPolicy", "allow", {
        metadata: { namespace: "shop" },
        spec: { action: "ALLOW", rules: [{ from: [{ source: { namespaces: ["shop"] } }] }] },
      }),
    );
    expect(judged(good)).toEqual([]);
  });

  test("a Telemetry sending to an extension provider or Google Cloud is kubernetes-egress's finding; built-in providers, defaults and disabled entries pass", () => {
    const telemetry = (spec: Record<string, unknown>, version = "v1") =>
      kube(`kubernetes:telemetry.istio.io/${version}:Telemetry`, "mesh-default", {
        metadata: { namespace: "istio-system" },
        spec,
      });
    const label = 'k8s telemetry "mesh-default"';
    expect(
      judged(
        onCluster(
          telemetry({
            tracing: [{ providers: [{ name: "otel-saas" }], randomSamplingPercentage: 5 }],
            accessLogging: [{ providers: [{ name: "envoy" }, { name: "stackdriver" }] }],
          }),
        ),
      ),
    ).toEqual(
      sorted([
        egress("mesh-default", label, "the otel-saas provider (cannot be placed)"),
        egress("mesh-default", label, "Google Cloud's operations suite (cannot be placed)"),
      ]),
    );
    for (const spec of [
      { metrics: [{ providers: [{ name: "prometheus" }] }] },
      { accessLogging: [{ providers: [{ name: "envoy" }] }] },
      { tracing: [{ randomSamplingPercentage: 10 }] },
      { tracing: [{ providers: [{ name: "zipkin" }], disableSpanReporting: true }] },
      { accessLogging: [{ providers: [{ name: "otel-als" }], disabled: true }] },
    ]) {
      expect(judged(onCluster(telemetry(spec, "v1alpha1")))).toEqual([]);
    }
  });

  test("an EnvoyFilter, whose Envoy configuration the pack does not read, still fails closed", () => {
    const filter = kube("kubernetes:networking.istio.io/v1alpha3:EnvoyFilter", "lua", {
      metadata: { namespace: "shop" },
      spec: { configPatches: [] },
    });
    expect(judged(onCluster(filter)).map(([policy, name]) => [policy, name])).toEqual([
      ["reviewed-resource-types", "lua"],
    ]);
  });
});

/** A check of the models: a kind of a group at a version, and a path into it ("" for the kind). */
interface ModelCheck {
  readonly group: string;
  readonly modelGroup?: string;
  readonly kind: string;
  readonly version: string;
  readonly path: string;
}

/**
 * The process that loads the operators' models, one for the file: the models are ES modules only,
 * which jest's module registry does not load. It reads one request a line (a package and its
 * checks) and answers one line each, in order.
 */
const modelCheckerScript = `
  const lines = require("node:readline").createInterface({ input: process.stdin });
  const answer = async (pkg, checks) => {
    const out = [];
    for (const c of checks) {
      const load = async (kind) => {
        try {
          const file = pkg + "/" + (c.modelGroup ?? c.group) + "/" + c.version + "/" + kind;
          return (await import(file))[kind];
        } catch {
          return undefined;
        }
      };
      let Model = await load(c.kind);
      // Models without Lists (Istio's): a List's objects are the kind's, under items[].
      if (Model === undefined && c.kind.endsWith("List") && (c.path === "" || c.path.startsWith("items[]."))) {
        Model = await load(c.kind.slice(0, -4));
        c.path = c.path.slice("items[].".length);
      }
      if (Model === undefined) {
        out.push(false);
        continue;
      }
      if (c.path === "") {
        out.push(typeof Model === "function");
        continue;
      }
      // "spec.endpoints[].proxyUrl" → { spec: { endpoints: [ { proxyUrl: <wrong> } ] } }, with a
      // wrong value of either kind: an object where text or a flag belongs, text where an
      // object or a list does.
      const errorsAt = (segments, wrong) => {
        const pointer = segments
          .map((seg) => "/" + (seg.endsWith("[]") ? seg.slice(0, -2) + "/0" : seg))
          .join("");
        const object = {};
        let at = object;
        segments.forEach((seg, i) => {
          const list = seg.endsWith("[]");
          const key = list ? seg.slice(0, -2) : seg;
          const next = i === segments.length - 1 ? wrong : {};
          at[key] = list ? [next] : next;
          at = next;
        });
        try {
          new Model(object).validate();
          return false;
        } catch (e) {
          return (e.errors ?? []).some((x) => x.instancePath === pointer);
        }
      };
      const segments = c.path.split(".");
      const declaredAt = (n) =>
        [{ wrong: true }, "wrong"].some((wrong) => errorsAt(segments.slice(0, n), wrong));
      // Or the path continues into a document held as text (a Collector's v1alpha1 config):
      // a prefix the model declares as text — an object there is wrong, text is not.
      const textAt = (n) =>
        errorsAt(segments.slice(0, n), { wrong: true }) && !errorsAt(segments.slice(0, n), "text");
      out.push(
        declaredAt(segments.length) ||
          segments.slice(0, -1).some((_, i) => declaredAt(i + 1) && textAt(i + 1)),
      );
    }
    return out;
  };
  let queue = Promise.resolve();
  lines.on("line", (line) => {
    const { pkg, checks } = JSON.parse(line);
    queue = queue.then(async () => process.stdout.write(JSON.stringify(await answer(pkg, checks)) + "\\n"));
  });
`;

let stopModelChecker = () => {};
afterAll(() => stopModelChecker());

let modelChecker:
  | { ask(pkg: string, checks: readonly ModelCheck[]): Promise<boolean[]> }
  | undefined;

function startModelChecker(): NonNullable<typeof modelChecker> {
  const child = spawn(process.execPath, ["-e", modelCheckerScript], {
    cwd: root,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const waiting: Array<{ resolve(v: boolean[]): void; reject(e: Error): void }> = [];
  let stderr = "";
  let buffered = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdout.on("data", (d: Buffer) => {
    buffered += d.toString();
    let nl: number;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      waiting.shift()?.resolve(JSON.parse(line) as boolean[]);
    }
  });
  let exited: Error | undefined;
  child.on("exit", (code) => {
    exited = new Error(`the model check exited with code ${code}:\n${stderr}`);
    for (const w of waiting.splice(0)) {
      w.reject(exited);
    }
  });
  // Writing to a process that has exited: the exit names why.
  child.stdin.on("error", () => undefined);
  stopModelChecker = () => child.stdin.end();
  return {
    ask: (pkg, checks) =>
      new Promise((resolve, reject) => {
        if (exited !== undefined) {
          reject(exited);
          return;
        }
        waiting.push({ resolve, reject });
        child.stdin.write(`${JSON.stringify({ pkg, checks })}\n`);
      }),
  };
}

/**
 * For each (kind, path), whether the operator's model of the kind declares the path: the model's
 * validator is given an object with a value of the wrong type there (an object, where the field
 * holds a string, a flag or a list) and must report that very place. A field it does not declare
 * is not type-checked at all, so a misspelt path is reported as undeclared.
 */
function declared(pkg: string, checks: readonly ModelCheck[]): Promise<boolean[]> {
  modelChecker ??= startModelChecker();
  return modelChecker.ask(pkg, checks);
}

test("every reviewed custom kind, and every field the pack reads of it, is declared by its CRD's model", async () => {
  // Kinds of groups without a published model are read by readings that fail closed
  // (test/paths/data-operators.test.ts).
  const modelled = [...customResourceTypes].filter(
    (type) => (kubernetesGroup(type) as string) in customResourceGroups,
  );
  const checks = modelled.flatMap((type) => {
    const group = kubernetesGroup(type) as string;
    const [, apiVersion, kind] = type.split(":");
    const base = kind.replace(/(List|Patch)$/, "");
    // A kind promoted to a version its models do not hold yet is checked against the one before.
    const version =
      customResourceModelVersions[`${apiVersion}:${base}`] ?? apiVersion.split("/")[1];
    // A Patch carries the object's fields; a List its objects under items[].
    const model = kind.endsWith("List") ? kind : base;
    const modelGroup = customResourceModelGroups[group] ?? group;
    return [
      { group, modelGroup, kind: model, version, path: "" },
      ...destinationFields(type).map((f) => ({
        group,
        modelGroup,
        kind: model,
        version,
        path: f.path,
      })),
    ];
  });
  expect(checks.length).toBeGreaterThan(12);
  // By the package that models each kind: its group's, or another's (Argo Rollouts' Rollout).
  const byPackage = new Map<string, typeof checks>();
  for (const c of checks) {
    const pkg = modelPackageOf(c.group, c.kind);
    expect([c.group, c.kind, pkg]).toEqual([c.group, c.kind, expect.any(String)]);
    byPackage.set(pkg as string, [...(byPackage.get(pkg as string) ?? []), c]);
  }
  const undeclared: string[] = [];
  for (const [pkg, cs] of byPackage) {
    (await declared(pkg, cs)).forEach((ok, i) => {
      if (!ok) {
        undeclared.push(
          `${cs[i].group}/${cs[i].version} ${cs[i].kind} ${cs[i].path || "(the kind)"}`,
        );
      }
    });
  }
  expect(undeclared).toEqual([]);
  expect([...byPackage.keys()]).toContain("@kubernetes-models/argo-rollouts");
});

test("the fields a ServiceEntry's reading weighs together are declared by every version's model", async () => {
  // paths/operators.ts `serviceEntryDestinations` reads the spec as a whole.
  const fields = [
    "spec.endpoints[].address",
    "spec.workloadSelector",
    "spec.resolution",
    "spec.addresses[]",
    "spec.hosts[]",
  ];
  const checks = ["v1alpha3", "v1beta1", "v1"].flatMap((version) =>
    fields.map((path) => ({ group: "networking.istio.io", kind: "ServiceEntry", version, path })),
  );
  expect(await declared(customResourceGroups["networking.istio.io"], checks)).toEqual(
    checks.map(() => true),
  );
});

test("the fields of Kyverno's policies that kubernetes-egress reads are declared by every version's model", async () => {
  // policy/kubernetes.ts `judgeKyvernoPolicy`.
  const fields = [
    "spec.rules[].mutate",
    "spec.rules[].generate",
    "spec.rules[].generate.kind",
    "spec.rules[].generate.cloneList.kinds[]",
    "spec.rules[].match.any[].resources.kinds[]",
    "spec.rules[].match.all[].resources.kinds[]",
    "spec.rules[].context[].apiCall.service.url",
    "spec.rules[].mutate.targets[].kind",
    "spec.rules[].mutate.targets[].context[].apiCall.service.url",
    "spec.rules[].mutate.foreach[].context[].apiCall.service.url",
    "spec.rules[].validate.foreach[].context[].apiCall.service.url",
  ];
  // The legacy form of a match, without any or all, is v1's only.
  const legacy = "spec.rules[].match.resources.kinds[]";
  const checks = ["v1", "v2beta1"].flatMap((version) =>
    ["ClusterPolicy", "Policy"].flatMap((kind) =>
      [...fields, ...(version === "v1" ? [legacy] : [])].map((path) => ({
        group: "kyverno.io",
        kind,
        version,
        path,
      })),
    ),
  );
  const found = await declared(customResourceGroups["kyverno.io"], checks);
  expect(checks.filter((_, i) => !found[i]).map((c) => `${c.version} ${c.kind} ${c.path}`)).toEqual(
    [],
  );
});

test("the fields of Kyverno's cleanup policies and global context entries that kubernetes-egress reads are declared by every version's model", async () => {
  // policy/kubernetes.ts `judgeKyvernoCleanup`, `judgeKyvernoGlobalContext`.
  const checks = [
    ...["v2", "v2beta1"].flatMap((version) =>
      ["CleanupPolicy", "ClusterCleanupPolicy"].map((kind) => ({
        group: "kyverno.io",
        kind,
        version,
        path: "spec.context[].apiCall.service.url",
      })),
    ),
    ...["v2", "v2beta1", "v2alpha1"].flatMap((version) =>
      ["spec.apiCall.method", "spec.apiCall.service.url"].map((path) => ({
        group: "kyverno.io",
        kind: "GlobalContextEntry",
        version,
        path,
      })),
    ),
  ];
  const found = await declared(customResourceGroups["kyverno.io"], checks);
  expect(checks.filter((_, i) => !found[i]).map((c) => `${c.version} ${c.kind} ${c.path}`)).toEqual(
    [],
  );
});

test("the fields of Kyverno's CEL policies that kubernetes-egress reads are declared by every version's model", async () => {
  // policy/kubernetes.ts `judgeKyvernoCel` (every text of the spec, and these).
  const checks = ["v1", "v1beta1", "v1alpha1"].flatMap((version) => [
    {
      group: "policies.kyverno.io",
      kind: "MutatingPolicy",
      version,
      path: "spec.matchConstraints.resourceRules[]",
    },
    { group: "policies.kyverno.io", kind: "GeneratingPolicy", version, path: "spec.generate[]" },
  ]);
  const found = await declared(customResourceGroups["policies.kyverno.io"], checks);
  expect(checks.filter((_, i) => !found[i]).map((c) => `${c.version} ${c.kind} ${c.path}`)).toEqual(
    [],
  );
});

test("the field of Karpenter's node class that internet-egress reads is declared by its model", async () => {
  // policy/paths/types/egress.ts: the nodes a node class launches get public addresses.
  const check = {
    group: "karpenter.k8s.aws",
    kind: "EC2NodeClass",
    version: "v1",
    path: "spec.associatePublicIPAddress",
  };
  expect(await declared(customResourceGroups["karpenter.k8s.aws"], [check])).toEqual([true]);
});

test("the fields of the Services an operator makes that kubernetes-service-exposure reads are declared by every version's model", async () => {
  // policy/kubernetes.ts `strimziServices` (its Services and Ingresses) and `cnpgServices`.
  const kafka = [
    "spec.kafka.listeners[].name",
    "spec.kafka.listeners[].type",
    "spec.kafka.listeners[].configuration.createBootstrapService",
    "spec.kafka.listeners[].configuration.bootstrap.annotations",
    "spec.kafka.listeners[].configuration.bootstrap.loadBalancerIP",
    "spec.kafka.listeners[].configuration.brokers[].broker",
    "spec.kafka.listeners[].configuration.brokers[].annotations",
    "spec.kafka.listeners[].configuration.brokers[].loadBalancerIP",
    "spec.kafka.template.externalBootstrapService.metadata.annotations",
    "spec.kafka.template.perPodService.metadata.annotations",
    "spec.kafka.listeners[].configuration.class",
    "spec.kafka.template.externalBootstrapIngress.metadata.annotations",
    "spec.kafka.template.perPodIngress.metadata.annotations",
  ];
  const checks = [
    ...["v1beta2", "v1"].flatMap((version) =>
      kafka.map((path) => ({ group: "kafka.strimzi.io", kind: "Kafka", version, path })),
    ),
    // v1 has node pools only, whose node IDs the Kafka does not say: no broker is then known to
    // be listed, and one the configuration does not list is judged by the template.
    { group: "kafka.strimzi.io", kind: "Kafka", version: "v1beta2", path: "spec.kafka.replicas" },
  ];
  const pg = [
    "spec.managed.services.additional[].serviceTemplate.metadata.annotations",
    "spec.managed.services.additional[].serviceTemplate.spec.type",
    "spec.managed.services.additional[].serviceTemplate.spec.externalIPs",
  ].map((path) => ({ group: "postgresql.cnpg.io", kind: "Cluster", version: "v1", path }));
  expect(await declared(customResourceGroups["kafka.strimzi.io"], checks)).toEqual(
    checks.map(() => true),
  );
  expect(await declared(customResourceGroups["postgresql.cnpg.io"], pg)).toEqual(
    pg.map(() => true),
  );
});

test("the fields a secret store's reading weighs are declared by every version's model", async () => {
  // paths/operators.ts `secretStoreDestinations` reads the provider as a whole.
  const fields = [
    "spec.provider.fake",
    "spec.provider.aws.region",
    "spec.provider.aws.service",
    "spec.provider.alibaba.regionID",
    "spec.provider.vault.server",
    "spec.provider.webhook.url",
    "spec.provider.kubernetes.server.url",
  ];
  const checks = ["v1", "v1beta1"].flatMap((version) =>
    ["SecretStore", "ClusterSecretStore"].flatMap((kind) =>
      fields.map((path) => ({ group: "external-secrets.io", kind, version, path })),
    ),
  );
  expect(await declared(customResourceGroups["external-secrets.io"], checks)).toEqual(
    checks.map(() => true),
  );
});

test("the fields helm-releases names a GitOps bundle by are declared by every version's model", async () => {
  // policy/paths/types/bundles.ts `gitOpsBundles`.
  const argo = (kind: string, paths: string[]) =>
    paths.map((path) => ({ group: "argoproj.io", kind, version: "v1alpha1", path }));
  const checks = [
    ...argo("Application", [
      "spec.source.repoURL",
      "spec.source.chart",
      "spec.source.path",
      "spec.destination.server",
      "spec.destination.name",
    ]),
    ...argo("ApplicationSet", [
      "spec.template.spec.source.repoURL",
      "spec.template.spec.source.chart",
      "spec.template.spec.source.path",
    ]),
    ...["v1", "v1beta1", "v1beta2"].flatMap((version) =>
      ["spec.path", "spec.sourceRef.kind", "spec.sourceRef.name"].map((path) => ({
        group: "kustomize.toolkit.fluxcd.io",
        kind: "Kustomization",
        version,
        path,
      })),
    ),
    ...["v2", "v2beta1", "v2beta2"].map((version) => ({
      group: "helm.toolkit.fluxcd.io",
      kind: "HelmRelease",
      version,
      path: "spec.chart.spec.chart",
    })),
    {
      group: "helm.toolkit.fluxcd.io",
      kind: "HelmRelease",
      version: "v2",
      path: "spec.chartRef.name",
    },
  ];
  const byPackage = new Map<string, typeof checks>();
  for (const c of checks) {
    const pkg = customResourceGroups[c.group];
    byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), c]);
  }
  for (const [pkg, cs] of byPackage) {
    expect(
      (await declared(pkg, cs)).map((ok, i) => (ok ? "" : `${cs[i].kind} ${cs[i].path}`)),
    ).toEqual(cs.map(() => ""));
  }
});

test("the fields a Gateway API route's reading weighs are declared by its models", async () => {
  // paths/operators.ts `routeRuleDestinations` reads each rule as a whole.
  const group = "gateway.networking.k8s.io";
  const http = [
    "spec.rules[].backendRefs[].group",
    "spec.rules[].backendRefs[].kind",
    "spec.rules[].backendRefs[].name",
    "spec.rules[].backendRefs[].filters[].requestMirror.backendRef.kind",
    "spec.rules[].filters[].type",
    "spec.rules[].filters[].requestMirror.backendRef.group",
    "spec.rules[].filters[].externalAuth.backendRef.kind",
    "spec.rules[].filters[].extensionRef.kind",
    "spec.rules[].filters[].extensionRef.name",
  ];
  const checks = [
    ...["v1", "v1beta1"].flatMap((version) =>
      http.map((path) => ({ group, kind: "HTTPRoute", version, path })),
    ),
    ...["spec.rules[].backendRefs[].kind", "spec.rules[].filters[].extensionRef.kind"].map(
      (path) => ({ group, kind: "GRPCRoute", version: "v1", path }),
    ),
    ...(
      [
        ["TCPRoute", "v1alpha2"],
        ["UDPRoute", "v1alpha2"],
        ["TLSRoute", "v1"],
      ] as const
    ).map(([kind, version]) => ({ group, kind, version, path: "spec.rules[].backendRefs[].kind" })),
  ];
  const found = await declared(customResourceGroups[group], checks);
  expect(checks.filter((_, i) => !found[i]).map((c) => `${c.kind} ${c.version} ${c.path}`)).toEqual(
    [],
  );
});

test("the fields a Flux Provider's reading weighs are declared by its models", async () => {
  // paths/operators.ts `fluxProviderDestinations` reads the spec as a whole.
  const group = "notification.toolkit.fluxcd.io";
  const checks = [
    ...["v1beta1", "v1beta2", "v1beta3"].flatMap((version) =>
      ["spec.type", "spec.address", "spec.proxy", "spec.secretRef"].map((path) => ({
        group,
        kind: "Provider",
        version,
        path,
      })),
    ),
    { group, kind: "Provider", version: "v1beta3", path: "spec.proxySecretRef" },
  ];
  const found = await declared(customResourceGroups[group], checks);
  expect(checks.filter((_, i) => !found[i]).map((c) => `${c.version} ${c.path}`)).toEqual([]);
});

test("the fields an OpenTelemetry Collector's reading weighs are declared by its models", async () => {
  // paths/operators.ts `collectorExporterDestinations` reads the spec's exporters and environment.
  const group = "opentelemetry.io";
  const checks = ["v1alpha1", "v1beta1"].flatMap((version) =>
    ["spec.config.exporters", "spec.env[].name", "spec.env[].value", "spec.env[].valueFrom"].map(
      (path) => ({ group, kind: "OpenTelemetryCollector", version, path }),
    ),
  );
  const found = await declared(customResourceGroups[group], checks);
  expect(checks.filter((_, i) => !found[i]).map((c) => `${c.version} ${c.path}`)).toEqual([]);
});

test("the fields a Telemetry's reading weighs are declared by its models", async () => {
  // paths/operators.ts `telemetryDestinations` reads the spec as a whole.
  const group = "telemetry.istio.io";
  const checks = ["v1alpha1", "v1"].flatMap((version) =>
    [
      "spec.tracing[].providers[].name",
      "spec.tracing[].disableSpanReporting",
      "spec.accessLogging[].providers[].name",
      "spec.accessLogging[].disabled",
      "spec.metrics[].providers[].name",
    ].map((path) => ({ group, kind: "Telemetry", version, path })),
  );
  const found = await declared(customResourceGroups[group], checks);
  expect(checks.filter((_, i) => !found[i]).map((c) => `${c.version} ${c.path}`)).toEqual([]);
});

test("the fields a MirrorMaker 2's reading weighs are declared by its models", async () => {
  // paths/streaming.ts `mirrorTargetDestinations` reads the spec as a whole.
  const group = "kafka.strimzi.io";
  const target = ["spec.target.alias", "spec.target.bootstrapServers"];
  const byAlias = [
    "spec.connectCluster",
    "spec.mirrors[].targetCluster",
    "spec.clusters[].alias",
    "spec.clusters[].bootstrapServers",
  ];
  const checks = [
    ...[...target, ...byAlias].map((path) => ({
      group,
      kind: "KafkaMirrorMaker2",
      version: "v1beta2",
      path,
    })),
    ...target.map((path) => ({ group, kind: "KafkaMirrorMaker2", version: "v1", path })),
  ];
  const found = await declared(customResourceGroups[group], checks);
  expect(checks.filter((_, i) => !found[i]).map((c) => `${c.version} ${c.path}`)).toEqual([]);
});

test("every custom resource row of the Kubernetes table reads destination fields, or a policy judges it by its own code: a row of neither would pass unread", () => {
  const rows = Object.keys(tables.kubernetes).filter((t) => customResourceTypes.has(t));
  expect(rows.length).toBeGreaterThan(100);
  const byCode = new Set(Object.values(judgedByCode).flat());
  expect(rows.filter((t) => destinationFields(t).length === 0 && !byCode.has(t))).toEqual([]);
  // The Gateway API's Gateways and GatewayClasses (12), and the kinds whose operator makes
  // Services (57: Strimzi's Kafka of two API versions, CloudNativePG's Cluster, the MariaDB
  // operator's MariaDB of two API groups and MaxScale, Zalando's postgresql, the Redis
  // operator's seven server kinds, ECK's Elasticsearch, Kibana, APM Server and Enterprise Search
  // of two versions, Beat, Agent, Logstash and Elastic Maps Server), and Argo Rollouts' Rollout (3), a workload kind whose pods may open ports on their
  // nodes, with their Lists and Patches; the operators' kinds and the Rollout read destination
  // fields as well. And Kyverno's ClusterPolicies and Policies of two versions (12), its
  // cleanup policies of two kinds and versions (12) and global context entries of three versions
  // (9), and its CEL policies of policies.kyverno.io (75), whose rules and calls
  // kubernetes-egress judges by its code, and KEDA's ScaledJob (3)
  // and Knative's Service, Configuration, Revision, ContainerSource, IntegrationSource and
  // JobSink (18), workload kinds as the Rollout; and the CNI plugins' network policies —
  // Cilium's namespaced and clusterwide (6), Calico's namespaced and global of two groups (12) —
  // and Kubernetes' cluster-wide network policies (9), whose egress rules kubernetes-egress judges
  // by its code; and Skupper's Site, RouterAccess and SecuredAccess (9), whose controller's
  // Services kubernetes-service-exposure judges; and the parameters of Gateway API
  // implementations (27: EnvoyProxy, NginxProxy, GatewayParameters, ContourDeployment and
  // CiliumGatewayClassConfig of one version, GatewayConfiguration and LoadBalancerConfiguration
  // of two), which a Gateway's Service is made from; and Traefik's IngressRoute, IngressRouteTCP
  // and IngressRouteUDP of two groups (18), judged by the Traefik that serves them.
  expect(rows.filter((t) => byCode.has(t))).toHaveLength(303);
});

test("the model check reports a field the CRD does not declare, and a kind it does not define", async () => {
  const group = "monitoring.coreos.com";
  expect(
    await declared(customResourceGroups["monitoring.coreos.com"], [
      { group, kind: "ServiceMonitor", version: "v1", path: "spec.endpoints[].proxyUrl" },
      { group, kind: "ServiceMonitor", version: "v1", path: "spec.endpoints[].proxyURL" },
      {
        group,
        kind: "ServiceMonitorList",
        version: "v1",
        path: "items[].spec.endpoints[].proxyUrl",
      },
      { group, kind: "Scraper", version: "v1", path: "" },
    ]),
  ).toEqual([true, false, true, false]);
  // A path into a document held as text is declared up to the text.
  const otel = { group: "opentelemetry.io", kind: "OpenTelemetryCollector", version: "v1alpha1" };
  expect(
    await declared(customResourceGroups["opentelemetry.io"], [
      { ...otel, path: "spec.config.exporters" },
      { ...otel, path: "spec.configs.exporters" },
      { ...otel, path: "spec.mode.exporters" },
    ]),
  ).toEqual([true, false, false]);
});
