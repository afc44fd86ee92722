/**
 * An object of a kind that neither the Kubernetes SDK defines nor the pack reviews fails closed
 * (reviewed-resource-types) until a reviewer allows it; once allowed, the places its spec names
 * are still judged by arn-locality, as any cloud resource's inputs are: its fields are its
 * controller's (a Crossplane managed resource's `spec.forProvider.region` is where a bucket is
 * created), not the cluster's node topology, which the SDK's own kinds name.
 */
import { on, runNamed } from "../helpers/model-oracle";

const us = { jurisdiction: "US" };
const kube = on("kube");
const cluster = { type: "pulumi:providers:kubernetes", name: "kube", props: {} };
const arnLocality = (...objects: ReturnType<typeof kube>[]) =>
  runNamed([cluster, ...objects], us).filter(([policy]) => policy === "arn-locality");
const bucket = (name: string, forProvider: Record<string, unknown>) =>
  kube("kubernetes:s3.aws.upbound.io/v1beta1:Bucket", name, {
    apiVersion: "s3.aws.upbound.io/v1beta1",
    kind: "Bucket",
    metadata: { name },
    spec: { forProvider, providerConfigRef: { name: "default" } },
  });

test("a Crossplane bucket whose region, or a function whose dead-letter queue's ARN, is outside is arn-locality's finding", () => {
  expect(arnLocality(bucket("exports", { region: "eu-west-1" }))).toEqual([
    [
      "arn-locality",
      "exports",
      "mandatory",
      ['k8s bucket "exports"', "eu-west-1 (outside US: Alibaba Cloud's in GB, AWS's in EU)"],
    ],
  ]);
  expect(
    arnLocality(
      kube("kubernetes:lambda.aws.upbound.io/v1beta1:Function", "orders", {
        spec: {
          forProvider: {
            region: "us-east-1",
            deadLetterConfig: [{ targetArn: "arn:aws:sqs:eu-central-1:111122223333:orders-dlq" }],
          },
        },
      }),
    ).map(([, name, level]) => [name, level]),
  ).toEqual([["orders", "mandatory"]]);
});

test("twin: a region inside passes, and the SDK's kinds name node topology, not a destination", () => {
  expect(arnLocality(bucket("exports", { region: "us-east-1" }))).toEqual([]);
  expect(
    arnLocality(
      kube("kubernetes:core/v1:Pod", "worker", {
        metadata: { name: "worker" },
        spec: {
          nodeSelector: { "topology.kubernetes.io/region": "eu-west-1" },
          containers: [{ name: "worker", image: "busybox" }],
        },
      }),
    ),
  ).toEqual([]);
});
