/**
 * Stack policies the policy runtime leaves out on a stack with nothing for them to judge. The
 * Kubernetes stack policies read only objects deployed by a Kubernetes provider, which the Pulumi
 * engine registers in the stack (a default one included): `@pulumi/policy` reports them not
 * applicable on a stack without one, before converting any resource, and runs them on a stack
 * with one. The runtime's own analyzeStack handler is called here, so a runtime that stops
 * honouring the attached type fails this test rather than slowing every stack analysis.
 */
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { policies } from "../../policy/policies";

// The runtime's handler; internal to @pulumi/policy, as the pack's gRPC server binds it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const server = require("@pulumi/policy/server") as {
  makeAnalyzeStackRpcFun(
    name: string,
    version: string,
    level: string,
    policies: unknown,
  ): (
    call: { request: analyzerpb.AnalyzeStackRequest },
    callback: (err: unknown, res?: analyzerpb.AnalyzeResponse) => void,
  ) => Promise<void>;
};

const kubernetesStackPolicies = [
  "kubernetes-cluster-placement",
  "kubernetes-namespace-egress",
  "kubernetes-service-exposure",
];

function resource(type: string, name: string, provider?: string): analyzerpb.AnalyzerResource {
  const r = new analyzerpb.AnalyzerResource();
  r.setType(type);
  r.setName(name);
  r.setUrn(`urn:pulumi:dev::p::${type}::${name}`);
  r.setProperties(Struct.fromJavaScript({}));
  r.setOptions(new analyzerpb.AnalyzerResourceOptions());
  if (provider) {
    const p = new analyzerpb.AnalyzerProviderResource();
    p.setType(provider);
    p.setName("default");
    p.setUrn(`urn:pulumi:dev::p::${provider}::default`);
    p.setProperties(Struct.fromJavaScript({}));
    r.setProvider(p);
  }
  return r;
}

/** The policies the runtime reports not applicable to a stack of `resources`, with the reasons. */
async function notApplicable(
  resources: analyzerpb.AnalyzerResource[],
): Promise<Record<string, string>> {
  const request = new analyzerpb.AnalyzeStackRequest();
  request.setResourcesList(resources);
  const response = await new Promise<analyzerpb.AnalyzeResponse>(
    (resolve, reject) =>
      void server.makeAnalyzeStackRpcFun(
        "sovereign-dc-residency",
        "0.0.0",
        "mandatory",
        policies,
      )({ request }, (err, res) => (err || !res ? reject(err) : resolve(res))),
  );
  return Object.fromEntries(
    response.getNotApplicableList().map((n) => [n.getPolicyName(), n.getReason()]),
  );
}

const bucket = resource("alicloud:oss/bucket:Bucket", "logs", "pulumi:providers:alicloud");
const alicloudProvider = resource("pulumi:providers:alicloud", "default");
const stackRoot = resource("pulumi:pulumi:Stack", "p-dev");

test("a stack without a Kubernetes provider: the Kubernetes stack policies are not run", async () => {
  const skipped = await notApplicable([stackRoot, alicloudProvider, bucket]);
  expect(Object.keys(skipped).sort()).toEqual(kubernetesStackPolicies);
  for (const name of kubernetesStackPolicies) {
    expect(skipped[name]).toBe(
      "Policy only applies to resources of type 'pulumi:providers:kubernetes'",
    );
  }
});

test("a stack with a Kubernetes provider (a default one included): every stack policy runs", async () => {
  const service = resource("kubernetes:core/v1:Service", "web", "pulumi:providers:kubernetes");
  const provider = resource("pulumi:providers:kubernetes", "default");
  expect(await notApplicable([stackRoot, alicloudProvider, bucket, provider, service])).toEqual({});
});

test("only the Kubernetes stack policies carry a type: every other stack policy runs on any stack", () => {
  const typed = policies
    .filter((p) => "validateStack" in p)
    .filter((p) => (p.validateStack as { __pulumiType?: string }).__pulumiType !== undefined)
    .map((p) => p.name);
  expect(typed.sort()).toEqual(kubernetesStackPolicies);
});
