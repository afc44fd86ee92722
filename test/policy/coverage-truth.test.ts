/**
 * What `sovereign-dc coverage` says arn-locality reads, arn-locality reads. For every
 * place-naming property of the inventory whose reading is arn-locality's (or the reviews' "names
 * no place"), a resource of a China stack is given one value abroad at that property — a region,
 * zone, endpoint, registry or ARN of Frankfurt — and the policy alone is run on it: a property the
 * report claims must be reported, one it reads as naming no place must not be. A row's own reader
 * that took a type's places away from arn-locality, a scan that skips a key the report counts, or
 * a review the scan ignores shows up here as the type and property.
 */
import { readInventoryFile } from "../../policy/inventory/sdk";
import { arnLocality } from "../../policy/placement";
import { classify, productContext } from "../../policy/review";
import { type OracleResource, runNamed } from "../helpers/model-oracle";

type Cloud = "aws" | "alicloud" | "kubernetes";

/** A value abroad (Frankfurt, a region of both clouds) for each kind the scan places. */
const abroad: Readonly<Record<string, Readonly<Partial<Record<Cloud, string>>>>> = {
  region: { aws: "eu-central-1", alicloud: "eu-central-1" },
  zone: { aws: "eu-central-1a", alicloud: "eu-central-1a" },
  endpoint: {
    aws: "https://sqs.eu-central-1.amazonaws.com",
    alicloud: "https://oss-eu-central-1.aliyuncs.com",
  },
  image: {
    aws: "123456789012.dkr.ecr.eu-central-1.amazonaws.com/app:1",
    alicloud: "registry.eu-central-1.aliyuncs.com/team/app:1",
    // A Kubernetes object's images are the one kind arn-locality reads on it.
    kubernetes: "registry.eu-central-1.aliyuncs.com/team/app:1",
  },
  arn: {
    aws: "arn:aws:sqs:eu-central-1:111122223333:orders",
    alicloud: "acs:mns:eu-central-1:1234567890:/queues/orders",
  },
};

const providers: Readonly<Record<Cloud, OracleResource>> = {
  aws: { type: "pulumi:providers:aws", name: "aws-cn", props: { region: "cn-north-1" } },
  alicloud: {
    type: "pulumi:providers:alicloud",
    name: "shanghai",
    props: { region: "cn-shanghai" },
  },
  kubernetes: { type: "pulumi:providers:kubernetes", name: "cluster", props: {} },
};

/** Props holding `value` at an inventory path (`a.b[].c`; a map's `*` key becomes `key`). */
function propsAt(path: string, value: unknown): Record<string, unknown> {
  const segments = path.split(".");
  let inner: unknown = value;
  for (const segment of segments.reverse()) {
    const list = segment.endsWith("[]");
    const name = list ? segment.slice(0, -2) : segment;
    inner = { [name === "*" ? "key" : name]: list ? [inner] : inner };
  }
  return inner as Record<string, unknown>;
}

interface Case {
  readonly type: string;
  readonly path: string;
  readonly kind: string;
  readonly reading: string;
}

const inventory = readInventoryFile();
const context = productContext();
const cases: Case[] = Object.entries(inventory.types).flatMap(([type, entry]) => {
  const cloud = type.split(":")[0] as Cloud;
  if (!(cloud in providers)) {
    return [];
  }
  return classify(type, entry, context).properties.flatMap((p) =>
    // The resource's own region is resource-placement's, whatever the report lists besides.
    p.reading !== undefined && abroad[p.kind]?.[cloud] !== undefined && p.path !== "region"
      ? [{ type, path: p.path, kind: p.kind, reading: p.reading }]
      : [],
  );
});

/** arn-locality's findings on one resource holding the value abroad at the case's property. */
function findingsOn({ type, path, kind }: Case): string[] {
  const cloud = type.split(":")[0] as Cloud;
  const resource: OracleResource = {
    type,
    name: "probe",
    props: propsAt(path, abroad[kind][cloud]),
    provider: providers[cloud].name,
  };
  return runNamed([providers[cloud], resource], { jurisdiction: "CN" }, [arnLocality]).map((f) =>
    JSON.stringify(f),
  );
}

test("the inventory gives both directions enough properties to mean something", () => {
  const count = (reading: string) => cases.filter((c) => c.reading === reading).length;
  expect(count("arn-locality")).toBeGreaterThan(2000);
  expect(count("not-a-place")).toBeGreaterThan(50);
});

test("every property coverage says arn-locality reads is reported when it names a place abroad", () => {
  const missed = cases
    .filter((c) => c.reading === "arn-locality" && findingsOn(c).length === 0)
    .map((c) => `${c.type} ${c.path} (${c.kind})`);
  expect(missed).toEqual([]);
});

test("no property the reviews read as naming no place is placed by arn-locality", () => {
  // Regions, zones, hosts — and the few ARNs a review reads as a definition, not a place.
  const placed = cases
    .filter((c) => c.reading === "not-a-place" && findingsOn(c).length > 0)
    .map((c) => `${c.type} ${c.path} (${c.kind})`);
  expect(placed).toEqual([]);
});
