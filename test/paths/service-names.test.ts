/**
 * A pod looks a name of two labels up as `<service>.<namespace>` first: its resolver's search path
 * asks the cluster for `<service>.<namespace>.svc.cluster.local` before the network's DNS
 * (policy/paths/mesh-hosts.ts `byClusterService`). So a URL or server address a pod of the cluster
 * sends to, `http://mimir.monitoring:9009`, names the Service `mimir` of namespace `monitoring`
 * where the program declares that Service on the same cluster: it stays in the cluster and passes.
 * Where the program declares none, the cluster may hold no such Service and the name goes on to
 * the network's DNS, which may answer anywhere (`router.lan`, `sso.corp`: reading every such name
 * as a Service passed those, and was reverted), so named-destinations fails it closed, saying how
 * to name the Service so that the pack places it. A name whose second label is a top-level domain
 * of the internet's (`httpbingo.org`) is an internet host, kubernetes-egress's as before.
 */
import { egress, findingsOf, kube, named, onCluster } from "../helpers/cluster-objects";
import { messagesOf } from "../helpers/cluster-objects";
import type { OracleResource } from "../helpers/model-oracle";

const judged = (resources: readonly OracleResource[]) =>
  findingsOf(resources, ["kubernetes-egress", "named-destinations"]);

const prometheus = (url: string) =>
  kube("kubernetes:monitoring.coreos.com/v1:Prometheus", "main", {
    metadata: { namespace: "observability" },
    spec: { remoteWrite: [{ url }] },
  });
const promLabel = 'k8s prometheus "main"';

const service = (name: string, namespace?: string, provider = "kube"): OracleResource => ({
  type: "kubernetes:core/v1:Service",
  name: `${name}-svc`,
  provider,
  props: {
    metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
    spec: { selector: { app: name }, ports: [{ port: 9009 }] },
  },
});

describe("a URL a pod sends to by <service>.<namespace>", () => {
  test("passes where the program declares that Service on the same cluster", () => {
    expect(
      judged(
        onCluster(
          prometheus("http://mimir.monitoring:9009/api/v1/push"),
          service("mimir", "monitoring"),
        ),
      ),
    ).toEqual([]);
    // Names are compared as DNS compares them: case and a trailing dot do not matter.
    expect(
      judged(
        onCluster(
          prometheus("http://Mimir.Monitoring.:9009/api/v1/push"),
          service("mimir", "monitoring"),
        ),
      ),
    ).toEqual([]);
    // A Service without a namespace is of the default namespace.
    expect(judged(onCluster(prometheus("http://mimir.default:9009"), service("mimir")))).toEqual(
      [],
    );
  });

  test("fails closed where no such Service of its cluster is in the program, saying how to name it", () => {
    const unplaced = [named("main", promLabel, "mimir.monitoring (cannot be placed)")];
    expect(judged(onCluster(prometheus("http://mimir.monitoring:9009/api/v1/push")))).toEqual(
      unplaced,
    );
    // Of another namespace, another name, or another cluster's provider.
    for (const other of [
      service("mimir", "metrics"),
      service("loki", "monitoring"),
      service("mimir", "monitoring", "elsewhere"),
    ]) {
      const elsewhere: OracleResource = {
        type: "pulumi:providers:kubernetes",
        name: "elsewhere",
        props: { kubeconfig: "apiVersion: v1" },
      };
      expect(
        judged([...onCluster(prometheus("http://mimir.monitoring:9009")), elsewhere, other]).filter(
          ([, name]) => name === "main",
        ),
      ).toEqual(unplaced);
    }
    expect(
      messagesOf("named-destinations", onCluster(prometheus("http://mimir.monitoring:9009"))),
    ).toEqual([
      expect.stringContaining(
        'spec.remoteWrite[0].url is "http://mimir.monitoring:9009", a host the pack cannot place, and no Service "mimir" of namespace "monitoring" in its cluster is in the program, so the pods\' resolver may pass the name on to the network\'s DNS',
      ),
    ]);
    expect(
      messagesOf("named-destinations", onCluster(prometheus("http://mimir.monitoring:9009")))[0],
    ).toContain(
      "or name the Service by its cluster name (<service>.<namespace>.svc) or declare it in the program.",
    );
  });

  test("twin: the Service's cluster name passes without it; private zones' names fail closed as before", () => {
    expect(judged(onCluster(prometheus("http://mimir.monitoring.svc:9009")))).toEqual([]);
    for (const host of ["router.lan", "oracle.internal", "sso.corp"]) {
      expect(judged(onCluster(prometheus(`http://${host}/push`)))).toEqual([
        named("main", promLabel, `${host} (cannot be placed)`),
      ]);
    }
    // A Service named like a private zone's host places it: the cluster answers first.
    expect(
      judged(onCluster(prometheus("http://router.lan/push"), service("router", "lan"))),
    ).toEqual([]);
  });

  test("an internet domain of two labels is an internet host, whatever the program declares", () => {
    expect(
      judged(onCluster(prometheus("https://httpbingo.org/push"), service("httpbingo", "org"))),
    ).toEqual([egress("main", promLabel, "httpbingo.org (cannot be placed)")]);
  });

  test("twin: a webhook's URL, which the API server calls without the cluster's DNS, is not read so", () => {
    const webhook = kube(
      "kubernetes:admissionregistration.k8s.io/v1:ValidatingWebhookConfiguration",
      "policy",
      { webhooks: [{ name: "check", clientConfig: { url: "https://policy.checks/validate" } }] },
    );
    expect(judged(onCluster(webhook, service("policy", "checks")))).toEqual([
      egress(
        "policy",
        'k8s validatingwebhookconfiguration "policy"',
        "policy.checks (cannot be placed)",
      ),
    ]);
  });
});
