/**
 * The backups of a cluster, as kubernetes-egress reads them: Velero's locations (`velero.io/v1`
 * BackupStorageLocation and VolumeSnapshotLocation) and OpenShift's API for Data Protection
 * (`oadp.openshift.io/v1alpha1` DataProtectionApplication, which makes Velero's locations from
 * its own lists, and CloudStorage, which creates a bucket for them). A backup carries every
 * object of the cluster — Secrets and ConfigMaps included — and, with its volumes' data, all the
 * stack keeps: a location outside the jurisdiction is a copy of the whole cluster abroad. So do
 * the databases CloudNativePG runs (`postgresql.cnpg.io/v1` Cluster, and the Barman Cloud
 * plugin's `barmancloud.cnpg.io/v1` ObjectStore): their base backups and every WAL segment go to
 * the object store their Barman Cloud configuration names.
 *
 * The kinds (rows of the Kubernetes table, policy/paths/types/kubernetes.ts) are custom resources.
 * CloudNativePG's Cluster is checked against the model of its CRD; the others have no published
 * model, and their fields are as the operators' CRDs define them (policy/reviewed.ts
 * `customResourceReferences`). Each reading fails closed: a location whose place the pack cannot
 * read from the fields it names is a finding that says so, never a pass.
 */
import type { Cloud } from "../../residency/jurisdictions";
import type { EgressAllowEntry } from "../framework";
import {
  type DestinationField,
  type DestinationFinding,
  type DestinationWords,
  regionDestinations,
  serverDestinations,
  unplaced,
} from "./kubernetes";
import { record, str } from "./values";

const backupWords: DestinationWords = {
  must: "keep the cluster's backups only in storage inside the jurisdiction, of the cluster, or at private or allowlisted addresses",
  how: "Velero writes the backups of the cluster's objects and volumes there — every Secret and ConfigMap, and the volumes' data",
  fix: "Keep backups in a bucket in a region inside the jurisdiction (name it under config.region), or in object storage of the cluster or at a private address (config.s3Url, config.endpoint)",
};

const snapshotWords: DestinationWords = {
  must: "keep the volumes' snapshots only in regions inside the jurisdiction",
  how: "Velero takes the snapshots of the cluster's volumes there",
  fix: "Name a region inside the jurisdiction under config.region",
};

const bucketWords: DestinationWords = {
  must: "create the backup bucket only in a region inside the jurisdiction",
  how: "OADP creates the bucket there, and the backup locations that name it write the cluster's backups to it",
  fix: "Name a region inside the jurisdiction under spec.region",
};

/** `velero.io/aws` → `aws`: Velero's own plugins are named with and without their prefix. */
function pluginName(provider: string): string {
  return provider.replace(/^velero\.io\//, "");
}

/** A location whose plugin keeps its data where the pack cannot read. */
function unplacedPlugin(provider: string | undefined, what: string): DestinationFinding[] {
  return [
    provider === undefined
      ? unplaced(`names no provider, so where ${what} go cannot be placed`, what)
      : unplaced(
          `writes ${what} through the ${JSON.stringify(provider)} plugin, to storage whose place the pack cannot read from the location`,
          `the ${provider} plugin's storage`,
        ),
  ];
}

/**
 * The bucket a backup storage location (a BackupStorageLocation's spec, an OADP location's
 * `velero`) writes to when it names no endpoint and no region: the AWS plugin asks S3 where the
 * bucket is at run time (and Alibaba Cloud's writes to the OSS bucket of that name), so the
 * bucket's name is what places the backups — by the program's bucket of that name, over the stack
 * (the location's row, paths/types/kubernetes.ts). Undefined for any other location.
 */
export function unnamedLocationBucket(spec: unknown): "s3-bucket" | "oss-bucket" | undefined {
  const s = record(spec);
  const provider = str(s?.provider);
  const config = record(s?.config) ?? {};
  if (str(record(s?.objectStorage)?.bucket) === undefined || str(config.region) !== undefined) {
    return undefined;
  }
  switch (provider === undefined ? undefined : pluginName(provider)) {
    case "aws":
      return str(config.s3Url) === undefined ? "s3-bucket" : undefined;
    case "alibabacloud":
      return str(config.endpoint) === undefined ? "oss-bucket" : undefined;
    default:
      return undefined;
  }
}

/**
 * Where a backup storage location (a BackupStorageLocation's spec, an OADP location's `velero`)
 * writes the backups: the AWS plugin to the S3-compatible server of `config.s3Url` (MinIO of the
 * cluster, another cloud's endpoint), else to the bucket in `config.region`, the region its
 * plugin otherwise asks S3 for at run time; Alibaba Cloud's to `config.endpoint`, else to the
 * OSS bucket in `config.region`. Any other plugin (Google Cloud, Azure, a vendor's) keeps them
 * where the location does not say.
 */
function backupLocationDestinations(
  f: DestinationField,
  spec: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  if (unnamedLocationBucket(spec) !== undefined) {
    // Placed by the bucket it names, over the stack (named-destinations).
    return [];
  }
  const provider = str(spec.provider);
  const config = record(spec.config) ?? {};
  const bucket = str(record(spec.objectStorage)?.bucket);
  const named = (service: string) =>
    bucket === undefined ? service : `${service} bucket ${JSON.stringify(bucket)}`;
  const at = (key: string, url: string) =>
    serverDestinations(f, url, allowlist, j, `writes the backups to the server of config.${key}`);
  const plugin = provider === undefined ? undefined : pluginName(provider);
  const endpoint = (key: string) => str(config[key]);
  const inRegion = (cloud: Cloud, service: string) =>
    regionDestinations(j, cloud, str(config.region), named(service), "writes the backups to");
  switch (plugin) {
    case "aws": {
      const url = endpoint("s3Url");
      return url === undefined ? inRegion("aws", "Amazon S3") : at("s3Url", url);
    }
    case "alibabacloud": {
      const url = endpoint("endpoint");
      return url === undefined ? inRegion("alicloud", "OSS") : at("endpoint", url);
    }
    default:
      return unplacedPlugin(provider, "the backups");
  }
}

/**
 * Where a volume snapshot location takes the snapshots of the cluster's volumes: the AWS
 * plugin's EBS snapshots and Alibaba Cloud's disk snapshots in `config.region`; any other
 * plugin's where the location does not say.
 */
function snapshotLocationDestinations(
  _f: DestinationField,
  spec: Readonly<Record<string, unknown>>,
  _allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const provider = str(spec.provider);
  const region = str(record(spec.config)?.region);
  const takes = "takes the snapshots in";
  switch (provider === undefined ? undefined : pluginName(provider)) {
    case "aws":
      return regionDestinations(j, "aws", region, "Amazon EBS", takes);
    case "alibabacloud":
      return regionDestinations(j, "alicloud", region, "Alibaba Cloud disk snapshots", takes);
    default:
      return unplacedPlugin(provider, "the snapshots");
  }
}

/**
 * Where an OADP CloudStorage creates its bucket: AWS's in `spec.region`, and in us-east-1 when it
 * names none (the operator's default); another provider's where the object does not say.
 */
function cloudStorageDestinations(
  _f: DestinationField,
  spec: Readonly<Record<string, unknown>>,
  _allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const provider = str(spec.provider);
  const name = str(spec.name);
  const bucket = name === undefined ? "the S3 bucket" : `the S3 bucket ${JSON.stringify(name)}`;
  if (provider !== "aws") {
    return unplacedPlugin(provider, "the backups");
  }
  const region = str(spec.region);
  if (region === undefined) {
    return regionDestinations(j, "aws", "us-east-1", bucket, "creates").map((d) => ({
      ...d,
      why: `${d.why}: OADP's region for a bucket whose spec.region is not set`,
    }));
  }
  return regionDestinations(j, "aws", region, bucket, "creates");
}

const archiveWords: DestinationWords = {
  must: "keep the database's backups and WAL archive only in storage inside the jurisdiction, of the cluster, or at private or allowlisted addresses",
  how: "Barman Cloud writes the database's base backups and every WAL segment there — its data, continuously",
  fix: "Archive to object storage in a region inside the jurisdiction through its regional endpoint (endpointURL), or to object storage of the cluster or at a private address",
};

/**
 * A Barman Cloud store that archives to Amazon S3 without naming an endpoint
 * (`destinationPath: s3://<bucket>/…`, no `endpointURL`): it writes to the bucket wherever the
 * bucket was made, so the bucket's name is what places it.
 */
export function unnamedS3Store(store: unknown): boolean {
  const s = record(store);
  const destination = str(s?.destinationPath);
  return (
    destination !== undefined && /^s3:\/\//i.test(destination) && str(s?.endpointURL) === undefined
  );
}

/**
 * Where a Barman Cloud object store (a Cluster's `spec.backup.barmanObjectStore`, an ObjectStore's
 * `spec.configuration`) writes: an `s3://` destination to the server of `endpointURL` (a cloud's
 * regional endpoint is placed by its region, MinIO of the cluster passes), and without one to
 * Amazon S3 in whatever region its bucket was made in (`unnamedS3Store`: placed by the bucket of
 * the program it names, over the stack); a Google Cloud Storage bucket (`gs://`) where
 * the configuration does not say; an `http(s)` destination (Azure Blob Storage, Azurite) at its
 * host.
 */
function archiveDestinations(
  f: DestinationField,
  store: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const destination = str(store.destinationPath);
  const endpoint = str(store.endpointURL);
  const at = (key: string, url: string) =>
    serverDestinations(f, url, allowlist, j, `archives to the server of ${key}`);
  const scheme =
    destination === undefined ? undefined : /^([a-z0-9+.-]+):\/\//i.exec(destination)?.[1];
  switch (scheme?.toLowerCase()) {
    case "s3":
      // Without an endpoint, to the bucket wherever it was made: named-destinations places it
      // by the bucket of the program it names (the store's row, paths/types/kubernetes.ts).
      return endpoint !== undefined ? at("endpointURL", endpoint) : [];
    case "http":
    case "https":
      return at(
        endpoint === undefined ? "destinationPath" : "endpointURL",
        endpoint ?? (destination as string),
      );
    case "gs":
      return [
        unplaced(
          `archives to ${JSON.stringify(destination)} in Google Cloud Storage, whose location the configuration does not name`,
          "Google Cloud Storage",
        ),
      ];
    default:
      return [
        unplaced(
          `archives to ${destination === undefined ? "a destinationPath it does not name" : JSON.stringify(destination)}, which the pack cannot place`,
          "the object store",
        ),
      ];
  }
}

/** The Barman Cloud plugin, whose ObjectStore (`parameters.barmanObjectName`) is judged itself. */
const barmanCloudPlugin = "barman-cloud.cloudnative-pg.io";

/**
 * Where a plugin of a CloudNativePG Cluster (`spec.plugins[]`) sends the database: the Barman
 * Cloud plugin to the ObjectStore it names, judged on that object; a disabled plugin nowhere;
 * any other plugin (a backup or WAL archiver of its own) where the pack cannot read.
 */
function clusterPluginDestinations(
  _f: DestinationField,
  plugin: Readonly<Record<string, unknown>>,
): DestinationFinding[] {
  const name = str(plugin.name);
  if (name === barmanCloudPlugin || plugin.enabled === false) {
    return [];
  }
  return [
    unplaced(
      `runs the plugin ${JSON.stringify(name ?? "(unnamed)")}, whose backups and WAL archive go where the pack cannot read`,
      `the ${name ?? "unnamed"} plugin`,
    ),
  ];
}

const databaseBackupWords: DestinationWords = {
  must: "keep the database's backups only in storage inside the jurisdiction, of the cluster, or at private or allowlisted addresses",
  how: "the operator writes the database's backups (or its binary logs, for point-in-time recovery) there — its data",
  fix: "Keep backups in a bucket in a region inside the jurisdiction, reached at its regional endpoint, or in object storage of the cluster or at a private address",
};

/** Amazon S3's endpoints that name no region: the bucket's region is then the `region` setting. */
const globalS3 = /^s3(\.dualstack)?\.amazonaws\.com$/;

/**
 * Where the MariaDB operator's S3 storage (`spec.storage.s3` of a Backup, PhysicalBackup or
 * PointInTimeRecovery) writes: to the server of `endpoint` (a host without a scheme — a cloud's
 * regional endpoint placed by its region, MinIO of the cluster, a private address), and for
 * Amazon S3's global endpoint to the bucket in `region`.
 */
function s3StorageDestinations(
  f: DestinationField,
  s3: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const endpoint = str(s3.endpoint);
  if (endpoint === undefined) {
    return [
      unplaced("names no endpoint, so where the backups go cannot be placed", "the S3 storage"),
    ];
  }
  const global = globalS3.test(endpoint.replace(/:\d+$/, ""));
  return s3Bucket(
    f,
    str(s3.bucket),
    "writes the backups to",
    global ? undefined : { key: "endpoint", url: endpoint },
    str(s3.region),
    allowlist,
    j,
  );
}

/** An Azure Blob Storage container (`azureBlob`), at its `serviceURL` (Azurite of the cluster passes). */
function azureBlobDestinations(
  f: DestinationField,
  blob: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const url = str(blob.serviceURL);
  return url === undefined
    ? [
        unplaced(
          "names no serviceURL, so where the backups go cannot be placed",
          "the Azure Blob Storage",
        ),
      ]
    : serverDestinations(f, url, allowlist, j, "writes the backups to the server of serviceURL");
}

/** The MariaDB operator's groups: `k8s.mariadb.com`, and `mariadb.mmontes.io` before it. */
const mariadbGroups = "(k8s\\.mariadb\\.com|mariadb\\.mmontes\\.io)";

const mariadbStorage = (at: string): DestinationField[] => [
  { path: `${at}.s3`, what: "backup storage", read: "s3-storage", words: databaseBackupWords },
  {
    path: `${at}.azureBlob`,
    what: "backup storage",
    read: "azure-blob",
    words: databaseBackupWords,
  },
];

const databaseServerWords: DestinationWords = {
  must: "connect only to database servers of the cluster, at private or allowlisted addresses",
  how: "the operator connects to it with the database's credentials, and backs it up, replicates to and from it or routes its queries there",
  fix: "Name a server of the cluster or at a private address, or add its address to the egress allowlist, or its host name to egressHosts, with a reason",
};

const spiloWords: DestinationWords = {
  must: "keep the database's WAL archive and logs only in storage inside the jurisdiction, of the cluster, or at private or allowlisted addresses",
  how: "Spilo archives every WAL segment and base backup there (WAL-E, WAL-G) — the database's data, continuously",
  fix: "Archive to a bucket in a region inside the jurisdiction: set AWS_REGION, or AWS_ENDPOINT to its regional endpoint, beside WAL_S3_BUCKET",
};

const operatorBackupWords: DestinationWords = {
  must: "keep the databases' backups and logs only in storage inside the jurisdiction, of the cluster, or at private or allowlisted addresses",
  how: "every database the operator runs archives its WAL, uploads its logical backups or ships its logs there — its data",
  fix: "Keep backups in a bucket in a region inside the jurisdiction (logical_backup_s3_region, or logical_backup_s3_endpoint at its regional endpoint), and set the WAL bucket's region in the pods' environment (AWS_REGION, AWS_ENDPOINT)",
};

/**
 * An S3 bucket (of backups, WAL archives, logs) reached at `endpoint`, else in `region`; `what`
 * completes "… <what> the server of <key>" and "… <what> Amazon S3 bucket … in <region>".
 */
function s3Bucket(
  f: DestinationField,
  bucket: string | undefined,
  what: string,
  endpoint: { key: string; url: string } | undefined,
  region: string | undefined,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  if (endpoint !== undefined) {
    // WAL-E's `https+path://host:port` names the addressing style in the scheme.
    const url = endpoint.url.replace(/^(https?)\+path:/, "$1:");
    return serverDestinations(f, url, allowlist, j, `${what} the server of ${endpoint.key}`);
  }
  const service = bucket === undefined ? "Amazon S3" : `Amazon S3 bucket ${JSON.stringify(bucket)}`;
  return regionDestinations(j, "aws", region, service, what);
}

/**
 * Where a Zalando `postgresql`'s environment (`spec.env`) sends its WAL archive and logs: the
 * `WAL_`/`LOG_` variables override the operator's configuration for this cluster — an S3 bucket
 * (`WAL_S3_BUCKET`, `LOG_S3_BUCKET`) at `AWS_ENDPOINT` or `WALE_S3_ENDPOINT`, else in
 * `AWS_REGION`; a Google Cloud Storage bucket or an Azure storage account, which the pack cannot
 * place. A variable set from a Secret or ConfigMap (`valueFrom`) names a place the pack cannot
 * see. An empty bucket turns archiving off; a cluster that overrides none archives where the
 * operator's configuration says (judged on the OperatorConfiguration).
 */
function spiloEnvironmentDestinations(
  f: DestinationField,
  env: unknown,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const entries = Array.isArray(env) ? env.map(record) : [];
  const vars = new Map<string, string | undefined>();
  for (const e of entries) {
    const name = str(e?.name);
    if (name !== undefined) {
      vars.set(name, e?.valueFrom !== undefined ? undefined : (str(e?.value) ?? ""));
    }
  }
  const set = (name: string) => vars.has(name) && vars.get(name) !== "";
  const hidden = [...vars]
    .filter(
      ([name, value]) =>
        /^(WAL|LOG|WALE|WALG)_|^AWS_(ENDPOINT|REGION)$|^AZURE_STORAGE_ACCOUNT$/.test(name) &&
        value === undefined,
    )
    .map(([name]) => name);
  if (hidden.length > 0) {
    return [
      unplaced(
        `sets ${hidden.join(", ")} from a Secret or ConfigMap, so where the archive goes cannot be placed`,
        "the WAL archive",
      ),
    ];
  }
  const endpointKey = ["AWS_ENDPOINT", "WALE_S3_ENDPOINT"].find(set);
  const endpoint =
    endpointKey === undefined
      ? undefined
      : { key: endpointKey, url: vars.get(endpointKey) as string };
  const region = vars.get("AWS_REGION") || undefined;
  return [
    ...(["WAL_S3_BUCKET", "LOG_S3_BUCKET"] as const)
      .filter(set)
      .flatMap((name) =>
        s3Bucket(
          f,
          vars.get(name) as string,
          name === "WAL_S3_BUCKET" ? "archives the WAL to" : "ships the logs to",
          endpoint,
          region,
          allowlist,
          j,
        ),
      ),
    ...(set("WAL_GS_BUCKET")
      ? [
          unplaced(
            `archives the WAL to Google Cloud Storage bucket ${JSON.stringify(vars.get("WAL_GS_BUCKET"))}, whose location the environment does not name`,
            "Google Cloud Storage",
          ),
        ]
      : []),
    ...(set("AZURE_STORAGE_ACCOUNT") || set("WALG_AZ_PREFIX")
      ? [
          unplaced(
            "archives the WAL to an Azure storage account, whose region the environment does not name",
            "Azure Blob Storage",
          ),
        ]
      : []),
  ];
}

/** A Zalando operator setting's value; an empty one is not set. */
function setting(settings: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const v = str(settings[key]);
  return v === undefined || v === "" ? undefined : v;
}

/**
 * Where the Zalando operator's configuration (`configuration.aws_or_gcp`) has every database
 * archive its WAL and ship its logs: an S3 bucket whose region the operator's configuration does
 * not hold (its `aws_region` is the operator's own, not the bucket's: the docs ask for `AWS_REGION`
 * in the pods' environment), a Google Cloud Storage bucket or an Azure storage account — none of
 * which the pack can place.
 */
function walArchiveDestinations(
  _f: DestinationField,
  settings: Readonly<Record<string, unknown>>,
): DestinationFinding[] {
  return [
    ...(["wal_s3_bucket", "log_s3_bucket"] as const).flatMap((key) => {
      const bucket = setting(settings, key);
      return bucket === undefined
        ? []
        : [
            unplaced(
              `${key === "wal_s3_bucket" ? "archives every database's WAL" : "ships every database's logs"} to Amazon S3 bucket ${JSON.stringify(bucket)}, whose region the operator's configuration does not name`,
              `Amazon S3 bucket ${JSON.stringify(bucket)}`,
            ),
          ];
    }),
    ...(setting(settings, "wal_gs_bucket") === undefined
      ? []
      : [
          unplaced(
            `archives every database's WAL to Google Cloud Storage bucket ${JSON.stringify(setting(settings, "wal_gs_bucket"))}`,
            "Google Cloud Storage",
          ),
        ]),
    ...(setting(settings, "wal_az_storage_account") === undefined
      ? []
      : [
          unplaced(
            `archives every database's WAL to Azure storage account ${JSON.stringify(setting(settings, "wal_az_storage_account"))}`,
            "Azure Blob Storage",
          ),
        ]),
  ];
}

/**
 * Where the Zalando operator's logical backups go (`configuration.logical_backup`): for the `s3`
 * provider (the default) a bucket at `logical_backup_s3_endpoint`, else in
 * `logical_backup_s3_region`; for `gcs` and `az` a bucket or container the pack cannot place. No
 * bucket or account named, no logical backups are uploaded.
 */
function logicalBackupDestinations(
  f: DestinationField,
  settings: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const provider = setting(settings, "logical_backup_provider") ?? "s3";
  if (provider === "s3") {
    const bucket = setting(settings, "logical_backup_s3_bucket");
    const url = setting(settings, "logical_backup_s3_endpoint");
    return bucket === undefined
      ? []
      : s3Bucket(
          f,
          bucket,
          "uploads the logical backups to",
          url === undefined ? undefined : { key: "logical_backup_s3_endpoint", url },
          setting(settings, "logical_backup_s3_region"),
          allowlist,
          j,
        );
  }
  return [
    unplaced(
      `uploads the logical backups through the ${JSON.stringify(provider)} provider (${provider === "az" ? "Azure Blob Storage" : provider === "gcs" ? "Google Cloud Storage" : "a provider the pack does not know"}), whose location the configuration does not name`,
      `the ${provider} logical backup storage`,
    ),
  ];
}

/**
 * The Zalando operator's legacy configuration, a ConfigMap whose `data` holds the same settings
 * flat (`wal_s3_bucket`, `logical_backup_s3_bucket`, …): read as an OperatorConfiguration's. A
 * ConfigMap of the Spilo variables (`WAL_S3_BUCKET`, `USE_WALG_BACKUP`, …) is the pod environment
 * the operator gives every database (its `pod_environment_configmap`), read as a `postgresql`'s
 * `spec.env` is. Any other ConfigMap names none of them and sends nothing.
 */
function operatorConfigMapDestinations(
  f: DestinationField,
  data: Readonly<Record<string, unknown>>,
  allowlist: readonly EgressAllowEntry[],
  j: string,
): DestinationFinding[] {
  const spilo = Object.keys(data).some((k) => /^(WAL|WALG|WALE|USE_WALG)_/.test(k));
  return [
    ...walArchiveDestinations(f, data),
    ...logicalBackupDestinations(f, data, allowlist, j),
    ...(spilo
      ? spiloEnvironmentDestinations(
          f,
          Object.entries(data).map(([name, value]) => ({ name, value })),
          allowlist,
          j,
        )
      : []),
  ];
}

/** The settings of the Zalando operator's WAL archive, logs and logical backups. */
const walArchiveKeys = [
  "wal_s3_bucket",
  "log_s3_bucket",
  "wal_gs_bucket",
  "wal_az_storage_account",
];
const logicalBackupKeys = [
  "logical_backup_provider",
  "logical_backup_s3_bucket",
  "logical_backup_s3_endpoint",
  "logical_backup_s3_region",
];

/**
 * The destination fields of the backup kinds, by the types they apply to (an object's, a
 * Patch's; a List's are read under `items[]` by paths/kubernetes.ts). An OADP location that
 * names a CloudStorage (`bucket`) writes to that object's bucket, judged on the CloudStorage.
 */
export const backupFields: ReadonlyArray<readonly [RegExp, readonly DestinationField[]]> = [
  [
    /^kubernetes:velero\.io\/v1:BackupStorageLocation$/,
    [
      {
        path: "spec",
        what: "backup storage location",
        read: "backup-location",
        words: backupWords,
      },
    ],
  ],
  [
    /^kubernetes:velero\.io\/v1:VolumeSnapshotLocation$/,
    [
      {
        path: "spec",
        what: "volume snapshot location",
        read: "snapshot-location",
        words: snapshotWords,
      },
    ],
  ],
  [
    /^kubernetes:oadp\.openshift\.io\/v1alpha1:DataProtectionApplication$/,
    [
      {
        path: "spec.backupLocations[].velero",
        what: "backup storage location",
        read: "backup-location",
        words: backupWords,
      },
      {
        path: "spec.snapshotLocations[].velero",
        what: "volume snapshot location",
        read: "snapshot-location",
        words: snapshotWords,
      },
    ],
  ],
  [
    // OADP's self-service location a namespace's admin asks for: a Velero location's spec,
    // which OADP makes into a BackupStorageLocation once a cluster admin approves it.
    /^kubernetes:oadp\.openshift\.io\/v1alpha1:NonAdminBackupStorageLocation$/,
    [
      {
        path: "spec.backupStorageLocationSpec",
        what: "backup storage location",
        read: "backup-location",
        words: backupWords,
      },
    ],
  ],
  [
    /^kubernetes:postgresql\.cnpg\.io\/v1:Cluster$/,
    [
      {
        path: "spec.backup.barmanObjectStore",
        what: "WAL archive",
        read: "barman-object-store",
        words: archiveWords,
      },
      { path: "spec.plugins[]", what: "plugin", read: "cluster-plugin", words: archiveWords },
    ],
  ],
  [
    /^kubernetes:barmancloud\.cnpg\.io\/v1:ObjectStore$/,
    [
      {
        path: "spec.configuration",
        what: "WAL archive",
        read: "barman-object-store",
        words: archiveWords,
      },
    ],
  ],
  [
    new RegExp(`^kubernetes:${mariadbGroups}\\/v1alpha1:(Backup|PhysicalBackup)$`),
    mariadbStorage("spec.storage"),
  ],
  [
    new RegExp(`^kubernetes:${mariadbGroups}\\/v1alpha1:PointInTimeRecovery$`),
    mariadbStorage("spec.storage"),
  ],
  [
    new RegExp(`^kubernetes:${mariadbGroups}\\/v1alpha1:ExternalMariaDB$`),
    [
      {
        path: "spec.host",
        what: "database server",
        read: "service-address",
        words: databaseServerWords,
      },
    ],
  ],
  [
    new RegExp(`^kubernetes:${mariadbGroups}\\/v1alpha1:MaxScale$`),
    [
      {
        path: "spec.servers[].address",
        what: "database server",
        read: "service-address",
        words: databaseServerWords,
      },
    ],
  ],
  [
    /^kubernetes:acid\.zalan\.do\/v1:postgresql$/,
    [
      { path: "spec.env", what: "WAL archive", read: "spilo-environment", words: spiloWords },
      {
        path: "spec.streams",
        what: "change data stream",
        read: "unseen",
        words: {
          must: "keep the database's rows inside the jurisdiction",
          how: "the operator streams the changes of the tables it names to the sink of a FabricEventStream",
          fix: "Remove the streams, or, once you have reviewed where their events go, waive this finding with that evidence",
        },
        unseen: {
          why: "streams every change of the tables it names through Zalando's CDC operator (a FabricEventStream) to an event sink the pack cannot see",
          place: "the event stream's sink (cannot be placed)",
        },
      },
    ],
  ],
  [
    /^kubernetes:acid\.zalan\.do\/v1:OperatorConfiguration$/,
    [
      {
        path: "configuration.aws_or_gcp",
        what: "WAL archive",
        read: "wal-archive-settings",
        words: operatorBackupWords,
      },
      {
        path: "configuration.logical_backup",
        what: "logical backups",
        read: "logical-backup-settings",
        words: operatorBackupWords,
      },
      {
        path: "configuration.scalyr.scalyr_api_key",
        what: "log shipping",
        read: "unseen",
        words: operatorBackupWords,
        unseen: {
          why: "ships every database's logs to Scalyr (scalyr_server_url, upload.eu.scalyr.com by default), a vendor's service the pack cannot place",
          place: "Scalyr (cannot be placed)",
        },
      },
    ],
  ],
  [
    /^kubernetes:core\/v1:ConfigMap$/,
    [
      {
        path: "data",
        what: "WAL archive",
        read: "zalando-configmap",
        words: operatorBackupWords,
      },
    ],
  ],
  [
    /^kubernetes:oadp\.openshift\.io\/v1alpha1:CloudStorage$/,
    [{ path: "spec", what: "backup bucket", read: "cloud-storage", words: bucketWords }],
  ],
];

/** The readings of this module's fields, by their `read`, as paths/operators.ts runs them. */
export const backupReadings = {
  "backup-location": backupLocationDestinations,
  "snapshot-location": snapshotLocationDestinations,
  "cloud-storage": cloudStorageDestinations,
  "barman-object-store": archiveDestinations,
  "cluster-plugin": clusterPluginDestinations,
  "s3-storage": s3StorageDestinations,
  "azure-blob": azureBlobDestinations,
  "wal-archive-settings": walArchiveDestinations,
  "logical-backup-settings": logicalBackupDestinations,
  "zalando-configmap": operatorConfigMapDestinations,
} as const;

/** The readings of values that are not one object (a pod environment's list). */
export const backupValueReadings = {
  "spilo-environment": spiloEnvironmentDestinations,
} as const;

/**
 * The settings each reading weighs: one of these not known at preview leaves the reading
 * undecided; any other (a bucket named by another resource's output, a credential) does not.
 */
export const backupWeighs: Readonly<Record<keyof typeof backupReadings, readonly string[]>> = {
  "backup-location": ["provider", "config"],
  "snapshot-location": ["provider", "config"],
  "cloud-storage": ["provider", "region"],
  "barman-object-store": ["destinationPath", "endpointURL"],
  "cluster-plugin": ["name", "enabled"],
  "s3-storage": ["endpoint", "region"],
  "azure-blob": ["serviceURL"],
  "wal-archive-settings": walArchiveKeys,
  "logical-backup-settings": logicalBackupKeys,
  "zalando-configmap": [...walArchiveKeys, ...logicalBackupKeys],
};
