/**
 * `sovereign-dc:clusters`: the Kubernetes clusters a stack places by kubeconfig context. A bad
 * declaration would place workloads wrongly, so each is refused with the key, the value received
 * and what is allowed.
 */
import { declaredClustersOf } from "../../residency/clusters";
import { formatIssue } from "../../residency/spec";

const key = "sovereign-dc:clusters";
const declare = (value: unknown) => ({ [key]: JSON.stringify(value) });

test("a stack without the key declares no cluster", () => {
  expect(declaredClustersOf({ "sovereign-dc:jurisdiction": "US" })).toEqual({ clusters: [] });
});

test("a declaration names a context, a cloud and a region of that cloud", () => {
  expect(
    declaredClustersOf(
      declare([
        { context: "tracking-prod", cloud: "aws", region: "us-west-2" },
        { context: "ack-shanghai", cloud: "alicloud", region: "cn-shanghai" },
        { context: "ack-hk", cloud: "alicloud", region: "cn-hongkong" },
      ]),
    ),
  ).toEqual({
    clusters: [
      { context: "tracking-prod", cloud: "aws", region: "us-west-2" },
      { context: "ack-shanghai", cloud: "alicloud", region: "cn-shanghai" },
      { context: "ack-hk", cloud: "alicloud", region: "cn-hongkong" },
    ],
  });
});

test.each([
  [
    "not a list",
    { context: "a", cloud: "aws", region: "us-west-2" },
    'sovereign-dc:clusters: received {"context":"a","cloud":"aws","region":"us-west-2"}; expected a list of { context, cloud, region }.',
  ],
  [
    "an entry that is not an object",
    ["tracking-prod"],
    'sovereign-dc:clusters[0]: received "tracking-prod"; expected an object { context, cloud, region }.',
  ],
  [
    "no context",
    [{ cloud: "aws", region: "us-west-2" }],
    "sovereign-dc:clusters[0].context: received nothing (the key is missing); expected the name of a kubeconfig context (kubectl config get-contexts).",
  ],
  [
    "a context declared twice",
    [
      { context: "a", cloud: "aws", region: "us-west-2" },
      { context: "a", cloud: "aws", region: "us-east-1" },
    ],
    'sovereign-dc:clusters[1].context: received "a"; expected each context to be declared once.',
  ],
  [
    "an unknown cloud",
    [{ context: "a", cloud: "gcp", region: "us-west1" }],
    'sovereign-dc:clusters[0].cloud: received "gcp"; expected one of: alicloud, aws.',
  ],
  [
    "a region of another cloud",
    [{ context: "a", cloud: "aws", region: "cn-shanghai" }],
    'sovereign-dc:clusters[0].region: received "cn-shanghai"; expected a region ID of aws, such as us-west-2.',
  ],
  [
    "a region that is not an ID",
    [{ context: "a", cloud: "alicloud", region: "Shanghai" }],
    'sovereign-dc:clusters[0].region: received "Shanghai"; expected a region ID of alicloud, such as cn-shanghai.',
  ],
  [
    "a key it does not know",
    [{ context: "a", cloud: "aws", region: "us-west-2", zone: "us-west-2a" }],
    'sovereign-dc:clusters[0].zone: received "us-west-2a"; expected only context, cloud and region.',
  ],
])("refuses %s", (_what, value, message) => {
  const result = declaredClustersOf(declare(value));
  expect("issues" in result ? result.issues.map((i) => formatIssue(i)) : result).toEqual([message]);
});
