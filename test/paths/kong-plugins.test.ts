/**
 * Kong's plugins on Kubernetes (policy/paths/kong-plugins.ts): a KongPlugin or KongClusterPlugin
 * was an unreviewed custom kind, so a Kong program failed closed whatever its plugins did; now the
 * servers a plugin's config names are kubernetes-egress's destinations, plugins that act locally
 * pass, and code or configuration the pack does not read fails closed.
 */
import {
  egress,
  egressOrUnreviewed,
  kube,
  messagesOf,
  onCluster,
} from "../helpers/cluster-objects";
import { sorted } from "../helpers/policy-session";

const judged = egressOrUnreviewed;

const plugin = (name: string, body: Record<string, unknown>, kind = "KongPlugin") =>
  kube(`kubernetes:configuration.konghq.com/v1:${kind}`, name, {
    metadata: { name, ...(kind === "KongPlugin" ? { namespace: "shop" } : {}) },
    ...body,
  });

describe("a Kong plugin", () => {
  test("that acts on requests locally, or sends to servers of the cluster or private ones, passes", () => {
    expect(
      judged(
        onCluster(
          plugin("auth", { plugin: "key-auth", config: { key_names: ["apikey"] } }),
          plugin("limit", {
            plugin: "rate-limiting",
            config: { minute: 5, policy: "local", redis: { host: "redis.example.com" } },
          }),
          plugin("metrics", { plugin: "prometheus" }, "KongClusterPlugin"),
          plugin("logs", {
            plugin: "http-log",
            config: { http_endpoint: "http://vector.logging.svc:8080/" },
          }),
          plugin("dd", { plugin: "datadog", config: {} }),
          plugin("otel", {
            plugin: "opentelemetry",
            config: { traces_endpoint: "http://10.0.7.7:4318/v1/traces" },
          }),
          plugin("ai", {
            plugin: "ai-proxy",
            config: {
              model: {
                provider: "llama2",
                options: { upstream_url: "http://ollama.ai.svc:11434/api/chat" },
              },
            },
          }),
        ),
      ),
    ).toEqual([]);
  });

  test("that sends logs, requests or prompts outside, or runs what the pack does not read, is kubernetes-egress's finding", () => {
    const found = judged(
      onCluster(
        plugin("logs", {
          plugin: "http-log",
          config: { http_endpoint: "https://logs.vendor.example.com/ingest" },
        }),
        plugin("loggly", { plugin: "loggly", config: { key: "k" } }),
        plugin("limit", {
          plugin: "rate-limiting",
          config: { minute: 5, policy: "redis", redis: { host: "203.0.113.9" } },
        }),
        plugin("ai", {
          plugin: "ai-proxy",
          config: { model: { provider: "openai", name: "gpt-4o" } },
        }),
        plugin("fn", { plugin: "pre-function", config: { access: ["kong.log.err('x')"] } }),
        plugin("custom", { plugin: "my-auth", config: {} }),
        plugin("secret", {
          plugin: "http-log",
          configFrom: { secretKeyRef: { name: "log-config", key: "config" } },
        }),
        plugin("lambda", {
          plugin: "aws-lambda",
          config: { aws_region: "eu-west-1", function_name: "f" },
        }),
      ),
    );
    expect(found).toEqual(
      sorted([
        egress("logs", 'k8s kongplugin "logs"', "logs.vendor.example.com (cannot be placed)"),
        egress(
          "loggly",
          'k8s kongplugin "loggly"',
          "what the loggly server reaches (cannot be placed)",
        ),
        egress("limit", 'k8s kongplugin "limit"', "203.0.113.9 (Redis server)"),
        egress("ai", 'k8s kongplugin "ai"', "what the model provider reaches (cannot be placed)"),
        egress("fn", 'k8s kongplugin "fn"', "what the Lua function reaches (cannot be placed)"),
        egress("custom", 'k8s kongplugin "custom"', "what the plugin reaches (cannot be placed)"),
        egress(
          "secret",
          'k8s kongplugin "secret"',
          "what the plugin configuration reaches (cannot be placed)",
        ),
        egress(
          "lambda",
          'k8s kongplugin "lambda"',
          "Lambda function in eu-west-1 (outside CN, in EU)",
        ),
      ]),
    );
  });

  test("a finding says what the plugin sends", () => {
    const [message] = messagesOf(
      "kubernetes-egress",
      onCluster(plugin("ai", { plugin: "ai-proxy", config: { model: { provider: "openai" } } })),
    );
    expect(message).toBe(
      'k8s kongplugin "ai" must send prompts only to models the pack can place inside the jurisdiction, but config.model.provider names a model provider whose own API the plugin calls, which the pack cannot place, no model.options.upstream_url naming the server: Kong sends the model provider the body of every request the plugin is attached to. Serve the model in the cluster or inside the jurisdiction and name it in model.options.upstream_url.',
    );
  });
});
