/**
 * The Loki Operator's LokiStacks (`loki.grafana.com/v1` and `v1beta1`; OpenShift Logging's log
 * store): a LokiStack keeps every log line its tenants send — the cluster's application,
 * infrastructure and audit logs — in the object storage its `spec.storage.secret` names: a Secret
 * of the LokiStack's namespace whose keys say where (the operator's storage options, read as
 * `internal/handlers/internal/storage/secrets.go` reads them): for `s3` the server of `endpoint`,
 * else Amazon S3 in `region`; for `alibabacloud` the server of `endpoint`; for `azure`, `gcs` and
 * `swift` a container or bucket whose region the Secret does not name. The Secret is another
 * object of the program, so a LokiStack is judged over the stack, by named-destinations: a Secret
 * the program does not declare, or whose keys are not known at preview, cannot be placed.
 */
import type { PolicyResource } from "@pulumi/policy";
import type { EgressAllowEntry } from "../framework";
import { resourceLabel } from "./describe";
import {
  type DestinationField,
  type DestinationFinding,
  regionDestinations,
  serverDestinations,
  unplaced,
} from "./kubernetes";
import { isUnknown, known, record, str } from "./values";

const lokiStackKinds = /^kubernetes:loki\.grafana\.com\/(v1|v1beta1):LokiStack$/;
const secretType = "kubernetes:core/v1:Secret";

const words = {
  must: "keep the cluster's logs only in storage inside the jurisdiction, of the cluster, or at private or allowlisted addresses",
  how: "Loki keeps every log line its tenants send there — the cluster's application, infrastructure and audit logs",
  fix: "Keep the logs in object storage in a region inside the jurisdiction (the Secret's endpoint or region), in object storage of the cluster, or at a private address, in a Secret this program declares",
};

const field: DestinationField = {
  path: "spec.storage.secret",
  what: "object storage",
  read: "service-address",
};

/**
 * A key of a Secret's data: `stringData` over `data` (base64), as the API server merges them;
 * unknown where either map, or the value, is not known at preview.
 */
function secretValue(secret: Readonly<Record<string, unknown>>, key: string): unknown {
  const stringData = known(() => secret.stringData);
  const data = known(() => secret.data);
  if (isUnknown(stringData) || isUnknown(data)) {
    return isUnknown(stringData) ? stringData : data;
  }
  const text = record(stringData);
  if (text !== undefined && key in text) {
    return known(() => text[key]);
  }
  const encoded = known(() => record(data)?.[key]);
  return typeof encoded === "string" ? Buffer.from(encoded, "base64").toString("utf8") : encoded;
}

/** The Secret of `namespace` named `name` that the program declares, if any. */
function declaredSecret(
  resources: readonly PolicyResource[],
  namespace: string,
  name: string,
): PolicyResource | undefined {
  return resources.find((s) => {
    if (s.type !== secretType) {
      return false;
    }
    const meta = record(known(() => s.props.metadata));
    return str(meta?.name) === name && (str(meta?.namespace) ?? "") === namespace;
  });
}

/** The keys of a Secret of each storage type that say where its storage is. */
const placingKeys: Readonly<Record<string, readonly string[]>> = {
  s3: ["endpoint", "region", "bucketnames"],
  alibabacloud: ["endpoint", "bucket"],
};

/** Where the object storage of a Secret of `type` keeps the logs. */
function storageDestinations(
  type: string,
  secret: Readonly<Record<string, unknown>>,
  secretName: string,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] | "unknown" {
  const values = Object.fromEntries(
    (placingKeys[type] ?? []).map((k) => [k, secretValue(secret, k)]),
  );
  if (Object.values(values).some(isUnknown)) {
    return "unknown";
  }
  const text = (k: string) => str(values[k]);
  const through = `keeps the logs, through the Secret ${JSON.stringify(secretName)},`;
  const endpoint = text("endpoint");
  if (endpoint !== undefined) {
    // s3 and alibabacloud storage alike: the server of the endpoint.
    return serverDestinations(
      field,
      endpoint,
      allowlist,
      j,
      `${through} at the server of its endpoint`,
    );
  }
  switch (type) {
    case "s3": {
      const buckets = text("bucketnames");
      const service =
        buckets === undefined ? "Amazon S3" : `Amazon S3 bucket ${JSON.stringify(buckets)}`;
      return regionDestinations(j, "aws", text("region"), service, `${through} in`);
    }
    case "alibabacloud":
      return [unplaced(`${through} in OSS, at an endpoint the Secret does not name`, "OSS")];
    case "azure":
      return [
        unplaced(
          `${through} in Azure Blob Storage, whose region the Secret does not name`,
          "Azure Blob Storage",
        ),
      ];
    case "gcs":
      return [
        unplaced(
          `${through} in Google Cloud Storage, whose location the Secret does not name`,
          "Google Cloud Storage",
        ),
      ];
    case "swift":
      return [
        unplaced(
          `${through} in OpenStack Swift, whose site the pack cannot place`,
          "OpenStack Swift",
        ),
      ];
    default:
      return [
        unplaced(
          `${through} in storage of type ${JSON.stringify(type)}, which the pack cannot place`,
          "the object storage",
        ),
      ];
  }
}

/** The findings on one LokiStack over the stack: where the Secret it names keeps its logs. */
export function lokiStackFindings(
  r: PolicyResource,
  resources: readonly PolicyResource[],
  allowlist: readonly EgressAllowEntry[],
  j: string,
): { message: string; path: string[] }[] {
  if (!lokiStackKinds.test(r.type)) {
    return [];
  }
  const label = resourceLabel(r.type, r.name);
  const rule = `${label} must ${words.must}`;
  const ref = known(() => record(record(record(r.props.spec)?.storage))?.secret);
  const unknownAt = (what: string) => ({
    message: `${rule}, but ${what} is not known at preview, so where it keeps the logs cannot be decided. ${words.fix}.`,
    path: [label, `${what} (unknown at preview)`],
  });
  if (isUnknown(ref)) {
    return [unknownAt(field.path)];
  }
  const spec = record(ref);
  const name = known(() => spec?.name);
  const type = known(() => spec?.type);
  if (isUnknown(name) || isUnknown(type)) {
    return [unknownAt(field.path)];
  }
  if (typeof name !== "string" || name === "" || typeof type !== "string") {
    return [
      {
        message: `${rule}, but ${field.path} names no Secret and type, so where it keeps the logs cannot be placed. ${words.fix}.`,
        path: [label, "the object storage (cannot be placed)"],
      },
    ];
  }
  const namespace = str(record(known(() => r.props.metadata))?.namespace) ?? "";
  const secret = declaredSecret(resources, namespace, name);
  if (secret === undefined) {
    return [
      {
        message: `${rule}, but ${field.path} names the Secret ${JSON.stringify(name)}, which this program does not declare in the LokiStack's namespace, so where it keeps the logs cannot be checked. ${words.fix}.`,
        path: [label, `Secret ${JSON.stringify(name)} (cannot be placed)`],
      },
    ];
  }
  const found = storageDestinations(type, secret.props, name, allowlist, j);
  if (found === "unknown") {
    return [unknownAt(`the keys of the Secret ${JSON.stringify(name)}`)];
  }
  return found.map((d) => ({
    message: `${rule}, but ${field.path} ${d.why}: ${words.how}. ${words.fix}.`,
    path: [label, d.place],
  }));
}
