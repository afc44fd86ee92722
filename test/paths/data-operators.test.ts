/**
 * The operators that copy a cluster's data out of it: its backups (policy/paths/backups.ts:
 * Velero's storage and snapshot locations, OpenShift's API for Data Protection, CloudNativePG's
 * WAL archive) and its logs (policy/paths/log-forwarding.ts: OpenShift's ClusterLogForwarder),
 * whose places kubernetes-egress judges; and Velero's backups, CSI snapshots, MetalLB's pools and
 * the Pulumi Kubernetes Operator's kinds, which the pack reviews (policy/reviewed.ts
 * `customResourceReferences`). Each case runs the whole pack with its twin. Most of these
 * operators publish no model of their CRDs, so every reading must fail closed: a location whose
 * fields the pack cannot read is a finding, never a pass.
 */
import { destinationFields } from "../../policy/paths/kubernetes";
import {
  customResourceGroups,
  customResourceReferences,
  customResourceTypes,
  kubernetesGroup,
} from "../../policy/reviewed";
import { egress, findingsOf, kube, messagesOf, onCluster } from "../helpers/cluster-objects";
import {
  on,
  type OracleResource,
  type OracleSettings,
  unknownAtPreview,
} from "../helpers/model-oracle";
import { sorted } from "../helpers/policy-session";

/** kubernetes-egress's findings and named-destinations', which places a location by name over the stack. */
const stackWide = (resources: readonly OracleResource[]) =>
  findingsOf(resources, ["kubernetes-egress", "named-destinations"]);

/** Only kubernetes-egress's, helm-releases' and reviewed-resource-types's findings. */
const judged = (resources: readonly OracleResource[], settings?: OracleSettings) =>
  findingsOf(
    resources,
    ["kubernetes-egress", "helm-releases", "reviewed-resource-types"],
    settings,
  );

const location = (spec: Record<string, unknown>) =>
  kube("kubernetes:velero.io/v1:BackupStorageLocation", "default", {
    metadata: { namespace: "velero" },
    spec: { objectStorage: { bucket: "cluster-backups" }, ...spec },
  });
const bsl = 'k8s backupstoragelocation "default"';

describe("a Velero BackupStorageLocation", () => {
  test("in a region abroad, at a server abroad or one the pack cannot place is kubernetes-egress's finding", () => {
    expect(
      judged(onCluster(location({ provider: "aws", config: { region: "us-east-1" } }))),
    ).toEqual([
      egress("default", bsl, 'Amazon S3 bucket "cluster-backups" in us-east-1 (outside CN, in US)'),
    ]);
    expect(
      judged(
        onCluster(
          location({ provider: "velero.io/alibabacloud", config: { region: "ap-southeast-1" } }),
        ),
      ),
    ).toEqual([
      egress("default", bsl, 'OSS bucket "cluster-backups" in ap-southeast-1 (outside CN, in SG)'),
    ]);
    expect(
      judged(
        onCluster(
          location({
            provider: "aws",
            config: { region: "minio", s3Url: "https://s3.eu-central-1.amazonaws.com" },
          }),
        ),
      ),
    ).toEqual([
      egress("default", bsl, "s3.eu-central-1.amazonaws.com in eu-central-1 (outside CN, in EU)"),
    ]);
    expect(
      judged(
        onCluster(location({ provider: "aws", config: { s3Url: "https://backup.example.de" } })),
      ),
    ).toEqual([egress("default", bsl, "backup.example.de (cannot be placed)")]);
  });

  test("twin: a bucket in a region inside, object storage of the cluster or at a private address passes", () => {
    for (const spec of [
      { provider: "aws", config: { region: "cn-north-1" } },
      { provider: "velero.io/aws", config: { region: "cn-northwest-1" } },
      { provider: "alibabacloud", config: { region: "cn-shanghai", network: "internal" } },
      // MinIO of the cluster: the region is only what the S3 client signs with.
      { provider: "aws", config: { region: "minio", s3Url: "http://minio.velero.svc:9000" } },
      { provider: "aws", config: { s3Url: "http://10.0.4.20:9000", s3ForcePathStyle: "true" } },
      {
        provider: "alibabacloud",
        config: { endpoint: "https://oss-cn-beijing-internal.aliyuncs.com" },
      },
    ]) {
      expect(judged(onCluster(location(spec)))).toEqual([]);
    }
  });

  test("a location whose place it does not name fails closed: no region, no provider, a plugin the pack cannot place", () => {
    // No region, no endpoint: the plugin writes to the bucket wherever it is, so the bucket
    // places it — the program's bucket of that name (named-destinations, over the stack), and
    // none fails closed.
    const bucket = (type: string, provider: OracleResource): OracleResource[] => [
      provider,
      on(provider.name)(type, "cluster-backups", { bucket: "cluster-backups" }),
    ];
    const aws = (region: string) => ({
      type: "pulumi:providers:aws",
      name: region,
      props: { region },
    });
    expect(stackWide(onCluster(location({ provider: "aws" })))).toEqual([
      [
        "named-destinations",
        "default",
        "mandatory",
        ["its Kubernetes cluster", bsl, '"cluster-backups" (cannot be placed)'],
      ],
    ]);
    expect(
      stackWide(
        onCluster(
          ...bucket("aws:s3/bucketV2:BucketV2", aws("eu-central-1")),
          location({ provider: "aws" }),
        ),
      ),
    ).toEqual([
      [
        "named-destinations",
        "default",
        "mandatory",
        [
          "its Kubernetes cluster",
          bsl,
          's3 bucket v2 "cluster-backups" in eu-central-1 (outside CN, in EU)',
        ],
      ],
    ]);
    // Twins: the program's S3 bucket in Beijing, its OSS bucket in Shanghai.
    expect(
      stackWide(
        onCluster(
          ...bucket("aws:s3/bucketV2:BucketV2", aws("cn-north-1")),
          location({ provider: "aws" }),
        ),
      ),
    ).toEqual([]);
    expect(
      stackWide(
        onCluster(
          ...bucket("alicloud:oss/bucket:Bucket", {
            type: "pulumi:providers:alicloud",
            name: "sh",
            props: { region: "cn-shanghai" },
          }),
          location({ provider: "velero.io/alibabacloud" }),
        ),
      ),
    ).toEqual([]);
    expect(judged(onCluster(location({ provider: "gcp", config: {} })))).toEqual([
      egress("default", bsl, "the gcp plugin's storage (cannot be placed)"),
    ]);
    expect(judged(onCluster(location({ config: { region: "cn-north-1" } })))).toEqual([
      egress("default", bsl, "the backups (cannot be placed)"),
    ]);
  });

  test("its finding says where the backups go and what they carry", () => {
    const [message] = messagesOf(
      "kubernetes-egress",
      onCluster(location({ provider: "aws", config: { s3Url: "https://backup.example.de" } })),
    );
    expect(message).toBe(
      'k8s backupstoragelocation "default" must keep the cluster\'s backups only in storage inside the jurisdiction, of the cluster, or at private or allowlisted addresses, but spec writes the backups to the server of config.s3Url, which is "https://backup.example.de", a host the pack cannot place: Velero writes the backups of the cluster\'s objects and volumes there — every Secret and ConfigMap, and the volumes\' data. Keep backups in a bucket in a region inside the jurisdiction (name it under config.region), or in object storage of the cluster or at a private address (config.s3Url, config.endpoint).',
    );
  });

  test("a region not known at preview leaves it undecided; a bucket named by another resource's output does not", () => {
    expect(
      judged(onCluster(location({ provider: "aws", config: { region: unknownAtPreview } }))),
    ).toEqual([egress("default", bsl, "spec (unknown at preview)")]);
    expect(
      judged(
        onCluster(
          location({
            provider: "aws",
            config: { region: "cn-north-1" },
            objectStorage: { bucket: unknownAtPreview },
          }),
        ),
      ),
    ).toEqual([]);
  });

  test("its List is judged as the locations it holds", () => {
    const list = (region: string) =>
      kube("kubernetes:velero.io/v1:BackupStorageLocationList", "locations", {
        items: [
          {
            metadata: { name: "default", namespace: "velero" },
            spec: { provider: "aws", objectStorage: { bucket: "b" }, config: { region } },
          },
        ],
      });
    expect(
      judged(onCluster(list("ap-northeast-1"))).map(([p, n, , path]) => [p, n, path?.[1]]),
    ).toEqual([
      [
        "kubernetes-egress",
        "locations",
        'Amazon S3 bucket "b" in ap-northeast-1 (outside CN, in JP)',
      ],
    ]);
    expect(judged(onCluster(list("cn-north-1")))).toEqual([]);
  });
});

describe("a Velero VolumeSnapshotLocation", () => {
  const snapshots = (spec: Record<string, unknown>) =>
    kube("kubernetes:velero.io/v1:VolumeSnapshotLocation", "ebs", {
      metadata: { namespace: "velero" },
      spec,
    });
  const vsl = 'k8s volumesnapshotlocation "ebs"';

  test("in a region abroad, of no region or of a plugin the pack cannot place is kubernetes-egress's finding", () => {
    expect(
      judged(onCluster(snapshots({ provider: "aws", config: { region: "us-west-2" } }))),
    ).toEqual([egress("ebs", vsl, "Amazon EBS in us-west-2 (outside CN, in US)")]);
    expect(judged(onCluster(snapshots({ provider: "aws" })))).toEqual([
      egress("ebs", vsl, "Amazon EBS (cannot be placed)"),
    ]);
    expect(
      judged(
        onCluster(snapshots({ provider: "velero.io/azure", config: { resourceGroup: "rg" } })),
      ),
    ).toEqual([egress("ebs", vsl, "the velero.io/azure plugin's storage (cannot be placed)")]);
  });

  test("twin: in a region inside passes", () => {
    for (const spec of [
      { provider: "aws", config: { region: "cn-northwest-1" } },
      { provider: "alibabacloud", config: { region: "cn-shanghai" } },
    ]) {
      expect(judged(onCluster(snapshots(spec)))).toEqual([]);
    }
  });
});

describe("OpenShift's API for Data Protection", () => {
  const dpa = (backupLocations: unknown[], snapshotLocations: unknown[] = []) =>
    kube("kubernetes:oadp.openshift.io/v1alpha1:DataProtectionApplication", "dpa", {
      metadata: { namespace: "openshift-adp" },
      spec: {
        configuration: { velero: { defaultPlugins: ["openshift", "aws"] } },
        backupLocations,
        snapshotLocations,
      },
    });
  const label = 'k8s dataprotectionapplication "dpa"';
  const velero = (config: Record<string, string>) => ({
    velero: { provider: "aws", default: true, objectStorage: { bucket: "b" }, config },
  });
  const bucket = (spec: Record<string, unknown>) =>
    kube("kubernetes:oadp.openshift.io/v1alpha1:CloudStorage", "bucket", {
      metadata: { namespace: "openshift-adp" },
      spec: {
        name: "cluster-backups",
        creationSecret: { name: "cloud-credentials", key: "aws" },
        ...spec,
      },
    });

  test("a DataProtectionApplication's locations abroad are kubernetes-egress's findings, each by its place in the lists", () => {
    const found = judged(
      onCluster(
        dpa(
          [velero({ region: "cn-north-1" }), velero({ region: "eu-west-1" })],
          [{ velero: { provider: "aws", config: { region: "us-east-2" } } }],
        ),
      ),
    );
    expect(found).toEqual([
      egress("dpa", label, "Amazon EBS in us-east-2 (outside CN, in US)"),
      egress("dpa", label, 'Amazon S3 bucket "b" in eu-west-1 (outside CN, in EU)'),
    ]);
  });

  test("a namespace admin's NonAdminBackupStorageLocation is judged as a Velero location; their backups and restores pass", () => {
    const nabsl = (spec: Record<string, unknown>) =>
      kube("kubernetes:oadp.openshift.io/v1alpha1:NonAdminBackupStorageLocation", "team", {
        metadata: { namespace: "shop" },
        spec: {
          backupStorageLocationSpec: {
            provider: "aws",
            objectStorage: { bucket: "shop-backups" },
            credential: { name: "cloud-credentials", key: "cloud" },
            ...spec,
          },
        },
      });
    const team = 'k8s nonadminbackupstoragelocation "team"';
    expect(judged(onCluster(nabsl({ config: { region: "eu-west-1" } })))).toEqual([
      egress("team", team, 'Amazon S3 bucket "shop-backups" in eu-west-1 (outside CN, in EU)'),
    ]);
    // Twins: a region inside; the namespace's backup, restore and requests name it by name.
    expect(
      judged(
        onCluster(
          nabsl({ config: { region: "cn-north-1" } }),
          kube("kubernetes:oadp.openshift.io/v1alpha1:NonAdminBackup", "nightly", {
            metadata: { namespace: "shop" },
            spec: { backupSpec: { storageLocation: "team", includedNamespaces: ["shop"] } },
          }),
          kube("kubernetes:oadp.openshift.io/v1alpha1:NonAdminRestore", "back", {
            metadata: { namespace: "shop" },
            spec: { restoreSpec: { backupName: "nightly" } },
          }),
        ),
      ),
    ).toEqual([]);
  });

  test("a location of its list that names no region is placed by the program's bucket of that name", () => {
    const unnamed = dpa([velero({ region: "cn-north-1" }), velero({})]);
    expect(stackWide(onCluster(unnamed))).toEqual([
      [
        "named-destinations",
        "dpa",
        "mandatory",
        ["its Kubernetes cluster", label, '"b" (cannot be placed)'],
      ],
    ]);
    const ningxia: OracleResource[] = [
      { type: "pulumi:providers:aws", name: "nx", props: { region: "cn-northwest-1" } },
      on("nx")("aws:s3/bucket:Bucket", "b", { bucket: "b" }),
    ];
    expect(stackWide(onCluster(...ningxia, unnamed))).toEqual([]);
  });

  test("twin: its locations inside, and one that names a CloudStorage (judged on that object), pass", () => {
    expect(
      judged(
        onCluster(
          dpa(
            [
              velero({ region: "cn-northwest-1" }),
              { bucket: { cloudStorageRef: { name: "bucket" }, prefix: "velero" } },
            ],
            [{ velero: { provider: "aws", config: { region: "cn-northwest-1" } } }],
          ),
          bucket({ provider: "aws", region: "cn-northwest-1" }),
        ),
      ),
    ).toEqual([]);
  });

  test("a CloudStorage abroad, or without a region (OADP makes it in us-east-1), is kubernetes-egress's finding", () => {
    const cs = 'k8s cloudstorage "bucket"';
    expect(judged(onCluster(bucket({ provider: "aws", region: "eu-west-1" })))).toEqual([
      egress("bucket", cs, 'the S3 bucket "cluster-backups" in eu-west-1 (outside CN, in EU)'),
    ]);
    expect(judged(onCluster(bucket({ provider: "aws" })))).toEqual([
      egress("bucket", cs, 'the S3 bucket "cluster-backups" in us-east-1 (outside CN, in US)'),
    ]);
    const [message] = messagesOf("kubernetes-egress", onCluster(bucket({ provider: "aws" })));
    expect(message).toContain(
      "OADP's region for a bucket whose spec.region is not set: OADP creates the bucket there",
    );
    expect(judged(onCluster(bucket({ provider: "gcp" })))).toEqual([
      egress("bucket", cs, "the gcp plugin's storage (cannot be placed)"),
    ]);
  });

  test("twin: a CloudStorage without a region passes in a jurisdiction that holds us-east-1", () => {
    expect(
      judged(onCluster(bucket({ provider: "aws" })), { jurisdiction: "US" }).filter(
        ([policy]) => policy === "kubernetes-egress",
      ),
    ).toEqual([]);
  });
});

describe("CloudNativePG", () => {
  const cluster = (spec: Record<string, unknown>) =>
    kube("kubernetes:postgresql.cnpg.io/v1:Cluster", "orders", {
      metadata: { namespace: "shop" },
      spec: { instances: 3, storage: { size: "20Gi" }, ...spec },
    });
  const archive = (store: Record<string, unknown>) =>
    cluster({
      backup: {
        barmanObjectStore: { s3Credentials: { inheritFromIAMRole: true }, ...store },
        retentionPolicy: "30d",
      },
    });
  const objectStore = (configuration: Record<string, unknown>) =>
    kube("kubernetes:barmancloud.cnpg.io/v1:ObjectStore", "archive", {
      metadata: { namespace: "shop" },
      spec: { configuration, retentionPolicy: "30d" },
    });
  const label = 'k8s cluster "orders"';

  test("a Cluster archiving abroad, where the pack cannot place, or through another plugin is kubernetes-egress's finding", () => {
    expect(
      judged(
        onCluster(
          archive({
            destinationPath: "s3://orders-wal/",
            endpointURL: "https://s3.eu-west-1.amazonaws.com",
          }),
        ),
      ),
    ).toEqual([
      egress("orders", label, "s3.eu-west-1.amazonaws.com in eu-west-1 (outside CN, in EU)"),
    ]);
    // Without an endpoint, to the bucket wherever it was made: placed by the program's bucket of
    // that name (named-destinations, over the stack), and fails closed when there is none.
    const bucketIn = (region: string): OracleResource[] => [
      { type: "pulumi:providers:aws", name: region, props: { region } },
      on(region)("aws:s3/bucketV2:BucketV2", "orders-wal", { bucket: "orders-wal" }),
    ];
    const unnamed = archive({ destinationPath: "s3://orders-wal/base" });
    expect(stackWide(onCluster(unnamed))).toEqual([
      [
        "named-destinations",
        "orders",
        "mandatory",
        ["its Kubernetes cluster", label, '"s3://orders-wal/base" (cannot be placed)'],
      ],
    ]);
    expect(messagesOf("named-destinations", onCluster(unnamed))).toEqual([
      expect.stringContaining(
        'spec.backup.barmanObjectStore.destinationPath archives the database\'s base backups and WAL to "s3://orders-wal/base", an S3 bucket this program does not create',
      ),
    ]);
    expect(stackWide(onCluster(...bucketIn("eu-central-1"), unnamed))).toEqual([
      [
        "named-destinations",
        "orders",
        "mandatory",
        [
          "its Kubernetes cluster",
          label,
          's3 bucket v2 "orders-wal" in eu-central-1 (outside CN, in EU)',
        ],
      ],
    ]);
    // Twin: the program's bucket in Beijing.
    expect(stackWide(onCluster(...bucketIn("cn-north-1"), unnamed))).toEqual([]);
    expect(
      judged(onCluster(archive({ destinationPath: "gs://orders-wal/", googleCredentials: {} }))),
    ).toEqual([egress("orders", label, "Google Cloud Storage (cannot be placed)")]);
    expect(
      judged(
        onCluster(archive({ destinationPath: "https://ordersbackup.blob.core.windows.net/wal" })),
      ),
    ).toEqual([egress("orders", label, "ordersbackup.blob.core.windows.net (cannot be placed)")]);
    expect(
      judged(
        onCluster(cluster({ plugins: [{ name: "pgbackrest.dalibo.com", isWALArchiver: true }] })),
      ),
    ).toEqual([egress("orders", label, "the pgbackrest.dalibo.com plugin (cannot be placed)")]);
  });

  test("twin: archiving through a regional endpoint inside, to MinIO of the cluster, or through the Barman Cloud plugin, passes; so do its backups and poolers", () => {
    const around = [
      kube("kubernetes:postgresql.cnpg.io/v1:ScheduledBackup", "nightly", {
        metadata: { namespace: "shop" },
        spec: { schedule: "0 0 1 * * *", cluster: { name: "orders" }, method: "plugin" },
      }),
      kube("kubernetes:postgresql.cnpg.io/v1:Pooler", "orders-rw", {
        metadata: { namespace: "shop" },
        spec: { cluster: { name: "orders" }, type: "rw", pgbouncer: { poolMode: "session" } },
      }),
      // The images Clusters run, by major version: pulled in.
      kube("kubernetes:postgresql.cnpg.io/v1:ClusterImageCatalog", "postgresql", {
        spec: { images: [{ major: 17, image: "ghcr.io/cloudnative-pg/postgresql:17.4" }] },
      }),
      kube("kubernetes:postgresql.cnpg.io/v1:ImageCatalog", "postgresql", {
        metadata: { namespace: "shop" },
        spec: { images: [{ major: 16, image: "registry.cn-shanghai.aliyuncs.com/db/pg:16" }] },
      }),
    ];
    for (const resource of [
      archive({
        destinationPath: "s3://orders-wal/",
        endpointURL: "https://oss-cn-shanghai-internal.aliyuncs.com",
      }),
      archive({
        destinationPath: "s3://orders-wal/",
        endpointURL: "https://s3.cn-north-1.amazonaws.com.cn",
      }),
      archive({ destinationPath: "s3://orders-wal/", endpointURL: "http://minio.minio.svc:9000" }),
      cluster({
        plugins: [
          {
            name: "barman-cloud.cloudnative-pg.io",
            isWALArchiver: true,
            parameters: { barmanObjectName: "archive" },
          },
        ],
      }),
      cluster({ plugins: [{ name: "pgbackrest.dalibo.com", enabled: false }] }),
      cluster({ backup: { volumeSnapshot: { className: "disk" } } }),
    ]) {
      expect(judged(onCluster(resource, ...around))).toEqual([]);
    }
  });

  test("the Barman Cloud plugin's ObjectStore is judged as a Cluster's archive is", () => {
    const store = 'k8s objectstore "archive"';
    expect(
      judged(
        onCluster(
          objectStore({
            destinationPath: "s3://orders-wal/",
            endpointURL: "https://oss-ap-southeast-1.aliyuncs.com",
          }),
        ),
      ),
    ).toEqual([
      egress(
        "archive",
        store,
        "oss-ap-southeast-1.aliyuncs.com in ap-southeast-1 (outside CN, in SG)",
      ),
    ]);
    expect(
      judged(
        onCluster(
          objectStore({
            destinationPath: "s3://orders-wal/",
            endpointURL: "https://oss-cn-hangzhou.aliyuncs.com",
          }),
        ),
      ),
    ).toEqual([]);
    // A bucket of the program, named without an endpoint (its credentials from the pods' IAM
    // role), is placed by its region; one the program does not create fails closed.
    const byRole = objectStore({
      destinationPath: "s3://orders-wal/postgres/shop",
      s3Credentials: { inheritFromIAMRole: true },
    });
    const beijing: OracleResource[] = [
      { type: "pulumi:providers:aws", name: "bj", props: { region: "cn-north-1" } },
      on("bj")("aws:s3/bucketV2:BucketV2", "orders-wal", { bucket: "orders-wal" }),
    ];
    expect(stackWide(onCluster(...beijing, byRole))).toEqual([]);
    expect(stackWide(onCluster(byRole))).toEqual([
      [
        "named-destinations",
        "archive",
        "mandatory",
        ["its Kubernetes cluster", store, '"s3://orders-wal/postgres/shop" (cannot be placed)'],
      ],
    ]);
  });

  test("a destination named by another resource's output leaves the archive undecided; its credentials do not", () => {
    expect(
      judged(
        onCluster(
          archive({
            destinationPath: unknownAtPreview,
            endpointURL: "https://oss-cn-hangzhou.aliyuncs.com",
          }),
        ),
      ),
    ).toEqual([egress("orders", label, "spec.backup.barmanObjectStore (unknown at preview)")]);
    expect(
      judged(
        onCluster(
          archive({
            destinationPath: "s3://orders-wal/",
            endpointURL: "https://oss-cn-hangzhou.aliyuncs.com",
            s3Credentials: { accessKeyId: { name: unknownAtPreview, key: "id" } },
          }),
        ),
      ),
    ).toEqual([]);
  });
});

describe("the MariaDB operator", () => {
  const backup = (storage: Record<string, unknown>, group = "k8s.mariadb.com", kind = "Backup") =>
    kube(`kubernetes:${group}/v1alpha1:${kind}`, "nightly", {
      metadata: { namespace: "shop" },
      spec: { mariaDbRef: { name: "orders" }, schedule: { cron: "0 1 * * *" }, storage },
    });
  const label = 'k8s backup "nightly"';
  const s3 = (settings: Record<string, unknown>) => ({
    s3: {
      bucket: "orders-backups",
      accessKeyIdSecretKeyRef: { name: "s3", key: "id" },
      secretAccessKeySecretKeyRef: { name: "s3", key: "secret" },
      ...settings,
    },
  });

  test("a backup to S3 abroad, to a server or NFS host the pack cannot place, or to Azure is kubernetes-egress's finding", () => {
    expect(
      judged(onCluster(backup(s3({ endpoint: "s3.amazonaws.com", region: "eu-west-1" })))),
    ).toEqual([
      egress(
        "nightly",
        label,
        'Amazon S3 bucket "orders-backups" in eu-west-1 (outside CN, in EU)',
      ),
    ]);
    expect(judged(onCluster(backup(s3({ endpoint: "s3.us-west-2.amazonaws.com" }))))).toEqual([
      egress("nightly", label, "s3.us-west-2.amazonaws.com in us-west-2 (outside CN, in US)"),
    ]);
    expect(
      judged(onCluster(backup({ volume: { nfs: { server: "nas.example.de", path: "/b" } } }))),
    ).toEqual([egress("nightly", label, "nas.example.de (cannot be placed)")]);
    expect(
      judged(
        onCluster(
          backup(
            {
              azureBlob: { containerName: "b", serviceURL: "https://acct.blob.core.windows.net/" },
            },
            "k8s.mariadb.com",
            "PhysicalBackup",
          ),
        ),
      ),
    ).toEqual([
      egress(
        "nightly",
        'k8s physicalbackup "nightly"',
        "acct.blob.core.windows.net (cannot be placed)",
      ),
    ]);
  });

  test("twin: a backup to a regional endpoint inside, MinIO of the cluster, a private NFS server or a claim passes, in either group", () => {
    for (const storage of [
      s3({ endpoint: "oss-cn-shanghai-internal.aliyuncs.com" }),
      s3({ endpoint: "s3.amazonaws.com", region: "cn-north-1" }),
      s3({ endpoint: "minio.minio.svc.cluster.local:9000", tls: { enabled: false } }),
      { volume: { nfs: { server: "10.0.6.9", path: "/backups" } } },
      { persistentVolumeClaim: { resources: { requests: { storage: "10Gi" } } } },
    ]) {
      for (const group of ["k8s.mariadb.com", "mariadb.mmontes.io"]) {
        expect(judged(onCluster(backup(storage, group)))).toEqual([]);
      }
    }
  });

  test("an external server or a MaxScale server outside the cluster is a database server to place; the objects around a MariaDB pass", () => {
    const external = (host: string) =>
      kube("kubernetes:k8s.mariadb.com/v1alpha1:ExternalMariaDB", "legacy", {
        metadata: { namespace: "shop" },
        spec: { host, port: 3306, username: "root" },
      });
    expect(judged(onCluster(external("db.example.de")))).toEqual([
      egress("legacy", 'k8s externalmariadb "legacy"', "db.example.de (cannot be placed)"),
    ]);
    expect(judged(onCluster(external("10.0.7.3")))).toEqual([]);
    const maxscale = (address: string) =>
      kube("kubernetes:k8s.mariadb.com/v1alpha1:MaxScale", "proxy", {
        metadata: { namespace: "shop" },
        spec: { servers: [{ name: "primary", address, port: 3306 }] },
      });
    expect(judged(onCluster(maxscale("203.0.113.40")))).toEqual([
      egress("proxy", 'k8s maxscale "proxy"', "203.0.113.40 (database server)"),
    ]);
    expect(judged(onCluster(maxscale("orders-0.orders-internal.shop.svc.cluster.local")))).toEqual(
      [],
    );
    const around = ["Connection", "Database", "Grant", "User", "SqlJob", "Restore"].map((kind) =>
      kube(`kubernetes:mariadb.mmontes.io/v1alpha1:${kind}`, kind.toLowerCase(), {
        metadata: { namespace: "shop" },
        spec: { mariaDbRef: { name: "orders" } },
      }),
    );
    const mariadb = kube("kubernetes:mariadb.mmontes.io/v1alpha1:MariaDB", "orders", {
      metadata: { namespace: "shop" },
      spec: { replicas: 1, storage: { size: "10Gi" }, galera: { enabled: false } },
    });
    expect(judged(onCluster(mariadb, ...around))).toEqual([]);
  });
});

describe("the Zalando Postgres Operator", () => {
  const postgres = (spec: Record<string, unknown>) =>
    kube("kubernetes:acid.zalan.do/v1:postgresql", "orders", {
      metadata: { namespace: "shop" },
      spec: {
        teamId: "shop",
        numberOfInstances: 2,
        volume: { size: "20Gi" },
        postgresql: { version: "16" },
        ...spec,
      },
    });
  const label = 'k8s postgresql "orders"';
  const env = (vars: Record<string, string>) =>
    Object.entries(vars).map(([name, value]) => ({ name, value }));
  const configuration = (settings: Record<string, unknown>) =>
    kube("kubernetes:acid.zalan.do/v1:OperatorConfiguration", "postgres-operator", {
      metadata: { namespace: "postgres-operator" },
      configuration: { kubernetes: { enable_pod_antiaffinity: true }, ...settings },
    });
  const config = 'k8s operatorconfiguration "postgres-operator"';

  test("a cluster whose environment archives its WAL abroad, to GCS or from a Secret, or that streams its changes, is kubernetes-egress's finding", () => {
    expect(
      judged(
        onCluster(postgres({ env: env({ WAL_S3_BUCKET: "wal", AWS_REGION: "eu-central-1" }) })),
      ),
    ).toEqual([
      egress("orders", label, 'Amazon S3 bucket "wal" in eu-central-1 (outside CN, in EU)'),
    ]);
    expect(
      judged(
        onCluster(
          postgres({
            env: env({
              WAL_S3_BUCKET: "wal",
              WALE_S3_ENDPOINT: "https+path://backup.example.de:443",
            }),
          }),
        ),
      ),
    ).toEqual([egress("orders", label, "backup.example.de (cannot be placed)")]);
    expect(judged(onCluster(postgres({ env: env({ WAL_GS_BUCKET: "wal" }) })))).toEqual([
      egress("orders", label, "Google Cloud Storage (cannot be placed)"),
    ]);
    expect(
      judged(
        onCluster(
          postgres({
            env: [
              {
                name: "WAL_S3_BUCKET",
                valueFrom: { secretKeyRef: { name: "wal", key: "bucket" } },
              },
            ],
          }),
        ),
      ),
    ).toEqual([egress("orders", label, "the WAL archive (cannot be placed)")]);
    expect(
      judged(
        onCluster(
          postgres({
            streams: [
              {
                applicationId: "orders",
                database: "orders",
                tables: { "public.orders": { eventType: "order" } },
              },
            ],
          }),
        ),
      ),
    ).toEqual([egress("orders", label, "the event stream's sink (cannot be placed)")]);
  });

  test("twin: archiving in a region inside, to MinIO of the cluster, turned off, or left to the operator passes; so do clones and standbys, which bring data in", () => {
    for (const spec of [
      { env: env({ WAL_S3_BUCKET: "wal", AWS_REGION: "cn-north-1" }) },
      { env: env({ WAL_S3_BUCKET: "wal", AWS_ENDPOINT: "http://minio.minio.svc:9000" }) },
      { env: env({ WAL_S3_BUCKET: "", WAL_GS_BUCKET: "" }) },
      { env: env({ TZ: "Asia/Shanghai" }) },
      {
        clone: {
          cluster: "legacy",
          s3_wal_path: "s3://legacy-wal/spilo/legacy",
          s3_endpoint: "https://s3.eu-west-1.amazonaws.com",
        },
      },
      { standby: { standby_host: "db.example.de", standby_port: "5432" } },
    ]) {
      expect(judged(onCluster(postgres(spec)))).toEqual([]);
    }
  });

  test("the operator's configuration: a WAL or log bucket whose region it does not hold, logical backups abroad, and Scalyr are findings", () => {
    expect(
      judged(
        onCluster(
          configuration({ aws_or_gcp: { wal_s3_bucket: "wal", aws_region: "cn-north-1" } }),
        ),
      ),
    ).toEqual([egress("postgres-operator", config, 'Amazon S3 bucket "wal" (cannot be placed)')]);
    expect(
      judged(
        onCluster(
          configuration({
            logical_backup: {
              logical_backup_s3_bucket: "dumps",
              logical_backup_s3_region: "us-east-1",
            },
          }),
        ),
      ),
    ).toEqual([
      egress(
        "postgres-operator",
        config,
        'Amazon S3 bucket "dumps" in us-east-1 (outside CN, in US)',
      ),
    ]);
    expect(
      judged(onCluster(configuration({ logical_backup: { logical_backup_provider: "gcs" } }))),
    ).toEqual([
      egress("postgres-operator", config, "the gcs logical backup storage (cannot be placed)"),
    ]);
    expect(judged(onCluster(configuration({ scalyr: { scalyr_api_key: "k" } })))).toEqual([
      egress("postgres-operator", config, "Scalyr (cannot be placed)"),
    ]);
  });

  test("the operator's legacy ConfigMap is read as its configuration; any other ConfigMap names none of its settings", () => {
    const configMap = (data: Record<string, string>) =>
      kube("kubernetes:core/v1:ConfigMap", "postgres-operator", {
        metadata: { namespace: "postgres-operator" },
        data: { workers: "8", ...data },
      });
    const label = 'k8s configmap "postgres-operator"';
    expect(
      judged(
        onCluster(
          configMap({
            wal_s3_bucket: "wal",
            logical_backup_s3_bucket: "dumps",
            logical_backup_s3_region: "us-west-2",
          }),
        ),
      ),
    ).toEqual(
      sorted([
        egress("postgres-operator", label, 'Amazon S3 bucket "wal" (cannot be placed)'),
        egress(
          "postgres-operator",
          label,
          'Amazon S3 bucket "dumps" in us-west-2 (outside CN, in US)',
        ),
      ]),
    );
    expect(
      judged(
        onCluster(
          configMap({ logical_backup_s3_bucket: "dumps", logical_backup_s3_region: "cn-north-1" }),
          configMap({ "app.properties": "mode=internal", endpoint: "https://api.example.de" }),
        ),
      ),
    ).toEqual([]);
  });

  // Found on a community library that configures the operator's pod_environment_configmap: the
  // WAL archive set in the pods' environment by ConfigMap passed, set in spec.env it failed.
  test("a ConfigMap of the Spilo variables is the databases' pod environment, read as spec.env is", () => {
    const podConfig = (data: Record<string, string>) =>
      kube("kubernetes:core/v1:ConfigMap", "pod-config", {
        metadata: { namespace: "db", name: "postgres-pod-config" },
        data,
      });
    const label = 'k8s configmap "pod-config"';
    expect(
      judged(
        onCluster(
          podConfig({
            USE_WALG_BACKUP: "true",
            WAL_S3_BUCKET: "wal",
            AWS_REGION: "eu-central-1",
          }),
        ),
      ),
    ).toEqual([
      egress("pod-config", label, 'Amazon S3 bucket "wal" in eu-central-1 (outside CN, in EU)'),
    ]);
    // Twin: the same archive in a region inside passes; a ConfigMap with no WAL variable is no
    // database's environment but an application's, whose use of it the pack does not read.
    expect(
      judged(
        onCluster(
          podConfig({ USE_WALG_BACKUP: "true", WAL_S3_BUCKET: "wal", AWS_REGION: "cn-north-1" }),
          kube("kubernetes:core/v1:ConfigMap", "app", {
            data: { LOG_S3_BUCKET: "app-logs", AWS_REGION: "eu-central-1" },
          }),
        ),
      ),
    ).toEqual([]);
  });

  test("twin: an operator that archives nowhere, or keeps logical backups in a region inside or on MinIO of the cluster, passes", () => {
    for (const settings of [
      { aws_or_gcp: { aws_region: "cn-north-1" } },
      {
        logical_backup: {
          logical_backup_s3_bucket: "dumps",
          logical_backup_s3_region: "cn-northwest-1",
        },
      },
      {
        logical_backup: {
          logical_backup_s3_bucket: "dumps",
          logical_backup_s3_endpoint: "http://minio.minio.svc:9000",
        },
      },
    ]) {
      expect(judged(onCluster(configuration(settings)))).toEqual([]);
    }
  });
});

describe("the Redis operator", () => {
  test("a server whose pods mount a volume from a host outside is kubernetes-egress's finding; its own storage passes", () => {
    const redis = (storage: Record<string, unknown>, kind = "Redis") =>
      kube(`kubernetes:redis.redis.opstreelabs.in/v1beta2:${kind}`, "cache", {
        metadata: { namespace: "shop" },
        spec: {
          kubernetesConfig: { image: "quay.io/opstree/redis:v7.0.15" },
          redisConfig: { additionalRedisConfig: "cache-config" },
          storage,
        },
      });
    const claim = {
      volumeClaimTemplate: { spec: { resources: { requests: { storage: "1Gi" } } } },
    };
    const nfs = (server: string) => ({
      ...claim,
      volumeMount: {
        volume: [{ name: "dumps", nfs: { server, path: "/dumps" } }],
        mountPath: [{ name: "dumps", mountPath: "/dumps" }],
      },
    });
    expect(judged(onCluster(redis(nfs("nas.example.de"), "RedisReplication")))).toEqual([
      egress("cache", 'k8s redisreplication "cache"', "nas.example.de (cannot be placed)"),
    ]);
    for (const storage of [claim, nfs("10.0.3.3")]) {
      expect(judged(onCluster(redis(storage)))).toEqual([]);
    }
    const sentinel = kube("kubernetes:redis.redis.opstreelabs.in/v1beta2:RedisSentinel", "watch", {
      metadata: { namespace: "shop" },
      spec: { clusterSize: 3, redisSentinelConfig: { redisReplicationName: "cache" } },
    });
    expect(judged(onCluster(sentinel))).toEqual([]);
  });
});

describe("Strimzi", () => {
  const mirror = (spec: Record<string, unknown>, version = "v1beta2") =>
    kube(`kubernetes:kafka.strimzi.io/${version}:KafkaMirrorMaker2`, "dr", {
      metadata: { namespace: "kafka" },
      spec: { replicas: 1, version: "3.9.0", ...spec },
    });
  const label = 'k8s kafkamirrormaker2 "dr"';
  const local = "orders-kafka-bootstrap:9092";
  /** The v1beta2 form before Strimzi 0.46: clusters by alias, mirrors naming them. */
  const byAlias = (target: string, source = local) =>
    mirror({
      connectCluster: "target",
      clusters: [
        { alias: "source", bootstrapServers: source },
        { alias: "target", bootstrapServers: target },
      ],
      mirrors: [{ sourceCluster: "source", targetCluster: "target", topicsPattern: "orders.*" }],
    });

  test("a MirrorMaker 2 mirroring topics into a cluster abroad or one the pack cannot place is kubernetes-egress's finding", () => {
    expect(judged(onCluster(byAlias("kafka.example.de:9093")))).toEqual([
      egress("dr", label, "kafka.example.de (cannot be placed)"),
    ]);
    expect(
      judged(
        onCluster(
          mirror(
            {
              target: { alias: "dr", bootstrapServers: "203.0.113.21:9093,203.0.113.22:9093" },
              mirrors: [
                { source: { alias: "local", bootstrapServers: local }, topicsPattern: ".*" },
              ],
            },
            "v1",
          ),
        ),
      ),
    ).toEqual([
      egress("dr", label, "203.0.113.21 (mirror target)"),
      egress("dr", label, "203.0.113.22 (mirror target)"),
    ]);
    // A mirror whose target cluster is not among its clusters names no servers.
    const orphan = mirror({
      connectCluster: "target",
      clusters: [{ alias: "source", bootstrapServers: local }],
      mirrors: [{ sourceCluster: "source", targetCluster: "target" }],
    });
    expect(judged(onCluster(orphan))).toEqual([egress("dr", label, "target (cannot be placed)")]);
  });

  test("twin: mirroring into a cluster of this one or at a private address passes, whatever its sources are", () => {
    for (const resource of [
      byAlias("dr-kafka-bootstrap.kafka.svc:9093", "kafka.example.de:9093"),
      byAlias("10.0.9.7:9093"),
      mirror(
        {
          target: { alias: "dr", bootstrapServers: local },
          mirrors: [
            {
              source: { alias: "abroad", bootstrapServers: "kafka.example.de:9093" },
              topicsPattern: ".*",
            },
          ],
        },
        "v1",
      ),
    ]) {
      expect(judged(onCluster(resource))).toEqual([]);
    }
  });

  test("a bridge to a Kafka outside and tiered storage are findings; a Kafka with its topics and users passes", () => {
    const bridge = (bootstrapServers: string) =>
      kube("kubernetes:kafka.strimzi.io/v1beta2:KafkaBridge", "http", {
        metadata: { namespace: "kafka" },
        spec: { replicas: 1, bootstrapServers, http: { port: 8080 } },
      });
    expect(judged(onCluster(bridge("kafka.example.de:9092")))).toEqual([
      egress("http", 'k8s kafkabridge "http"', "kafka.example.de (cannot be placed)"),
    ]);
    expect(judged(onCluster(bridge(local)))).toEqual([]);
    const kafka = (extra: Record<string, unknown>) =>
      kube("kubernetes:kafka.strimzi.io/v1beta2:Kafka", "orders", {
        metadata: { namespace: "kafka" },
        spec: {
          kafka: {
            version: "3.9.0",
            listeners: [{ name: "plain", port: 9092, type: "internal", tls: false }],
            ...extra,
          },
          entityOperator: { topicOperator: {}, userOperator: {} },
        },
      });
    const around = [
      kube("kubernetes:kafka.strimzi.io/v1beta2:KafkaTopic", "orders", {
        metadata: { namespace: "kafka", labels: { "strimzi.io/cluster": "orders" } },
        spec: { partitions: 3, replicas: 3 },
      }),
      kube("kubernetes:kafka.strimzi.io/v1beta2:KafkaUser", "shop", {
        metadata: { namespace: "kafka", labels: { "strimzi.io/cluster": "orders" } },
        spec: { authentication: { type: "scram-sha-512" } },
      }),
      kube("kubernetes:kafka.strimzi.io/v1beta2:KafkaNodePool", "brokers", {
        metadata: { namespace: "kafka", labels: { "strimzi.io/cluster": "orders" } },
        spec: {
          replicas: 3,
          roles: ["broker"],
          storage: { type: "persistent-claim", size: "100Gi" },
        },
      }),
    ];
    expect(judged(onCluster(kafka({}), ...around))).toEqual([]);
    expect(
      judged(
        onCluster(
          kafka({
            tieredStorage: {
              type: "custom",
              remoteStorageManager: { className: "io.aiven.RemoteStorageManager", config: {} },
            },
          }),
        ),
      ),
    ).toEqual([egress("orders", 'k8s kafka "orders"', "the tiered storage (cannot be placed)")]);
  });

  test("a sink connector writing to a server abroad, a region outside or a place it does not name is kubernetes-egress's finding; sources bring records in", () => {
    const connector = (cls: string, config: Record<string, string>, name = "sink") =>
      kube("kubernetes:kafka.strimzi.io/v1beta2:KafkaConnector", name, {
        metadata: { namespace: "kafka", labels: { "strimzi.io/cluster": "connect" } },
        spec: { class: cls, tasksMax: 1, config: { topics: "orders", ...config } },
      });
    const label = 'k8s kafkaconnector "sink"';
    const converters = {
      "value.converter": "io.confluent.connect.avro.AvroConverter",
      "value.converter.schema.registry.url": "https://schemas.example.de",
    };
    expect(
      judged(
        onCluster(
          connector("io.confluent.connect.jdbc.JdbcSinkConnector", {
            "connection.url": "jdbc:postgresql://warehouse.example.de:5432/orders",
            ...converters,
          }),
        ),
      ),
    ).toEqual([egress("sink", label, "warehouse.example.de (cannot be placed)")]);
    // Placed by name (egressHosts), the warehouse is a destination the stack declared.
    expect(
      judged(
        onCluster(
          connector("io.confluent.connect.jdbc.JdbcSinkConnector", {
            "connection.url": "jdbc:postgresql://warehouse.example.de:5432/orders",
          }),
        ),
        {
          jurisdiction: "CN",
          egressAllowlist: [
            { host: "warehouse.example.de", reason: "Reviewed: hosted in Shanghai" },
          ],
        },
      ),
    ).toEqual([]);
    expect(
      judged(
        onCluster(
          connector("io.confluent.connect.s3.S3SinkConnector", {
            "s3.bucket.name": "orders",
            "s3.region": "eu-west-1",
          }),
        ),
      ),
    ).toEqual([
      egress(
        "sink",
        label,
        'the sink of "io.confluent.connect.s3.S3SinkConnector" in eu-west-1 (outside CN, in EU)',
      ),
    ]);
    // Confluent's S3 sink without s3.region writes through us-west-2, its documented default.
    expect(
      judged(
        onCluster(
          connector("io.confluent.connect.s3.S3SinkConnector", { "s3.bucket.name": "orders" }),
        ),
      ),
    ).toEqual([
      egress(
        "sink",
        label,
        'the sink of "io.confluent.connect.s3.S3SinkConnector" (s3.region unset: its default) in us-west-2 (outside CN, in US)',
      ),
    ]);
    expect(
      judged(
        onCluster(
          connector("com.wepay.kafka.connect.bigquery.BigQuerySinkConnector", {
            project: "acme",
            defaultDataset: "orders",
          }),
        ),
      ),
    ).toEqual([
      egress(
        "sink",
        label,
        "the com.wepay.kafka.connect.bigquery.BigQuerySinkConnector sink (cannot be placed)",
      ),
    ]);
    // A setting read from a config provider when the connector runs: the reference is in the
    // program, the server is not.
    const fromSecret = onCluster(
      connector("io.confluent.connect.jdbc.JdbcSinkConnector", {
        "connection.url": "${secrets:kafka/warehouse:url}",
      }),
    );
    expect(judged(fromSecret)).toEqual([
      egress("sink", label, "the server of connection.url (cannot be placed)"),
    ]);
    expect(messagesOf("kubernetes-egress", fromSecret)).toEqual([
      expect.stringContaining(
        'but spec takes connection.url from the config provider "secrets" (${secrets:kafka/warehouse:url}) when the connector runs, so the server it writes the records to is not in the program',
      ),
    ]);
    // Twins: sinks of the cluster, private or in a region inside, and sources, pass.
    for (const resource of [
      connector("io.confluent.connect.jdbc.JdbcSinkConnector", {
        "connection.url": "jdbc:postgresql://warehouse.data.svc:5432/orders",
        ...converters,
      }),
      connector("io.confluent.connect.elasticsearch.ElasticsearchSinkConnector", {
        "connection.url": "http://10.0.5.1:9200,http://10.0.5.2:9200",
      }),
      connector("io.confluent.connect.s3.S3SinkConnector", {
        "s3.bucket.name": "orders",
        "s3.region": "cn-northwest-1",
      }),
      connector("io.debezium.connector.postgresql.PostgresConnector", {
        "database.hostname": "legacy-db.example.de",
      }),
      connector("org.apache.kafka.connect.mirror.MirrorSourceConnector", {
        "source.cluster.bootstrap.servers": "kafka.example.de:9093",
      }),
    ]) {
      expect(judged(onCluster(resource))).toEqual([]);
    }
  });

  test("a KafkaConnect whose connectors are managed through its REST API cannot be placed; with KafkaConnector resources, its own Kafka is judged", () => {
    const connect = (annotations: Record<string, string>, bootstrapServers = local) =>
      kube("kubernetes:kafka.strimzi.io/v1beta2:KafkaConnect", "connect", {
        metadata: { namespace: "kafka", annotations },
        spec: { replicas: 1, bootstrapServers, config: { "group.id": "connect" } },
      });
    const label = 'k8s kafkaconnect "connect"';
    expect(judged(onCluster(connect({})))).toEqual([
      egress("connect", label, "the connectors of its REST API (cannot be placed)"),
    ]);
    const resources = { "strimzi.io/use-connector-resources": "true" };
    expect(judged(onCluster(connect(resources)))).toEqual([]);
    expect(judged(onCluster(connect(resources, "kafka.example.de:9093")))).toEqual([
      egress("connect", label, "kafka.example.de (cannot be placed)"),
    ]);
  });

  test("a target not known at preview leaves the mirror undecided; a source's credentials do not", () => {
    expect(judged(onCluster(byAlias(unknownAtPreview as unknown as string)))).toEqual([
      egress("dr", label, "spec (unknown at preview)"),
    ]);
    expect(
      judged(
        onCluster(
          mirror({
            target: { alias: "dr", bootstrapServers: local },
            mirrors: [
              {
                source: {
                  alias: "abroad",
                  bootstrapServers: "kafka.example.de:9093",
                  authentication: { type: "scram-sha-512", username: unknownAtPreview },
                },
              },
            ],
          }),
        ),
      ),
    ).toEqual([]);
  });
});

describe("OpenShift's ClusterLogForwarder", () => {
  const forwarder = (outputs: unknown[], group = "observability.openshift.io") =>
    kube(`kubernetes:${group}/v1:ClusterLogForwarder`, "instance", {
      metadata: { namespace: "openshift-logging" },
      spec: {
        serviceAccount: { name: "collector" },
        outputs,
        pipelines: [
          {
            name: "all",
            inputRefs: ["application", "infrastructure", "audit"],
            outputRefs: outputs.map((o) => (o as { name: string }).name),
          },
        ],
      },
    });
  const label = 'k8s clusterlogforwarder "instance"';
  const token = { authentication: { token: { from: "secret", secretName: "t", key: "token" } } };

  test("outputs abroad, at hosts the pack cannot place, or to a vendor's service are kubernetes-egress's findings", () => {
    expect(
      judged(
        onCluster(
          forwarder([
            {
              name: "siem",
              type: "splunk",
              splunk: { url: "https://siem.example.de:8088", ...token },
            },
            { name: "cw", type: "cloudwatch", cloudwatch: { region: "us-east-1", groupName: "g" } },
            {
              name: "gcl",
              type: "googleCloudLogging",
              googleCloudLogging: { id: { type: "project", value: "p" } },
            },
            { name: "bus", type: "kafka", kafka: { brokers: ["tls://203.0.113.7:9093"] } },
          ]),
        ),
      ),
    ).toEqual([
      egress("instance", label, "203.0.113.7 (log output)"),
      egress("instance", label, "Amazon CloudWatch Logs in us-east-1 (outside CN, in US)"),
      egress("instance", label, "Google Cloud Logging (cannot be placed)"),
      egress("instance", label, "siem.example.de (cannot be placed)"),
    ]);
  });

  test("twin: a LokiStack of the cluster, receivers at private addresses or Services, and a log service in a region inside pass", () => {
    expect(
      judged(
        onCluster(
          forwarder([
            {
              name: "store",
              type: "lokiStack",
              lokiStack: { target: { name: "logs", namespace: "openshift-logging" }, ...token },
            },
            { name: "siem", type: "splunk", splunk: { url: "https://10.0.8.4:8088", ...token } },
            {
              name: "es",
              type: "elasticsearch",
              elasticsearch: { url: "https://es.logging.svc:9200", version: 8 },
            },
            {
              name: "cw",
              type: "cloudwatch",
              cloudwatch: { region: "cn-northwest-1", groupName: "g" },
            },
            { name: "bus", type: "kafka", kafka: { brokers: ["tls://kafka.kafka.svc:9093"] } },
          ]),
        ),
      ),
    ).toEqual([]);
  });

  test("the logging.openshift.io forwarder's outputs name their URL on the output itself", () => {
    const v1 = (url: string) =>
      forwarder(
        [
          {
            name: "splunk",
            type: "splunk",
            url,
            secret: { name: "splunk" },
            splunk: { indexName: "ocp" },
          },
        ],
        "logging.openshift.io",
      );
    expect(judged(onCluster(v1("https://splunk.example.com:8088")))).toEqual([
      egress("instance", label, "splunk.example.com (cannot be placed)"),
    ]);
    expect(judged(onCluster(v1("https://192.168.0.240:8088")))).toEqual([]);
  });

  test("an output whose destination it does not name fails closed; one not known at preview is undecided, its secret's name is not", () => {
    expect(judged(onCluster(forwarder([{ name: "h", type: "http", http: {} }])))).toEqual([
      egress("instance", label, "the http output (cannot be placed)"),
    ]);
    expect(
      judged(onCluster(forwarder([{ name: "h", type: "http", http: { url: unknownAtPreview } }]))),
    ).toEqual([egress("instance", label, "spec.outputs[0] (unknown at preview)")]);
    expect(
      judged(
        onCluster(
          forwarder([
            {
              name: "siem",
              type: "splunk",
              splunk: {
                url: "https://10.0.8.4:8088",
                authentication: {
                  token: { from: "secret", secretName: unknownAtPreview, key: "t" },
                },
              },
            },
          ]),
        ),
      ),
    ).toEqual([]);
  });

  test("its finding says what the collector sends", () => {
    const [message] = messagesOf(
      "kubernetes-egress",
      onCluster(
        forwarder([{ name: "h", type: "http", http: { url: "https://logs.example.de/in" } }]),
      ),
    );
    expect(message).toBe(
      "k8s clusterlogforwarder \"instance\" must forward the cluster's logs only to log stores of the cluster, receivers at private or allowlisted addresses, or services in regions inside the jurisdiction, but spec.outputs[0] sends the logs to the server of http.url, which is \"https://logs.example.de/in\", a host the pack cannot place: the cluster's collector sends every log record its pipelines route there — application, infrastructure and API audit logs. Forward to a log store of the cluster (the default store, a LokiStack), to a receiver at a private address or to a cloud's log service in a region inside the jurisdiction, or add the receiver's address to the egress allowlist, or the receiver's host name to egressHosts, with a reason.",
    );
  });

  test("a ClusterLogging, which runs the collector and the cluster's own store, passes", () => {
    const logging = kube("kubernetes:logging.openshift.io/v1:ClusterLogging", "instance", {
      metadata: { namespace: "openshift-logging" },
      spec: {
        managementState: "Managed",
        logStore: { type: "lokistack", lokistack: { name: "logs" } },
        collection: { type: "vector" },
      },
    });
    expect(judged(onCluster(logging))).toEqual([]);
  });
});

describe("a Secrets Store CSI Driver SecretProviderClass", () => {
  const spc = (provider: unknown, parameters: unknown, version = "v1") =>
    kube(`kubernetes:secrets-store.csi.x-k8s.io/${version}:SecretProviderClass`, "db", {
      metadata: { namespace: "shop" },
      spec: { provider, parameters },
    });
  const label = 'k8s secretproviderclass "db"';
  const objects = (name: string) => `- objectName: "${name}"\n  objectType: "secretsmanager"\n`;

  test("a store abroad, named by an ARN abroad, at a host the pack cannot place or of a provider it cannot place is kubernetes-egress's finding", () => {
    expect(
      judged(onCluster(spc("aws", { region: "eu-central-1", objects: objects("db") }))),
    ).toEqual([
      egress(
        "db",
        label,
        "AWS Secrets Manager or Parameter Store in eu-central-1 (outside CN, in EU)",
      ),
    ]);
    expect(
      judged(
        onCluster(
          spc("aws", {
            objects: objects("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"),
          }),
        ),
      ),
    ).toEqual([
      egress(
        "db",
        label,
        "AWS Secrets Manager or Parameter Store in us-east-1 (outside CN, in US)",
      ),
    ]);
    expect(
      judged(
        onCluster(
          spc("aws", { region: "cn-north-1", failoverRegion: "ap-east-1", objects: objects("db") }),
        ),
      ),
    ).toEqual([
      egress(
        "db",
        label,
        "AWS Secrets Manager or Parameter Store in ap-east-1 (outside CN, in HK)",
      ),
    ]);
    expect(
      judged(
        onCluster(spc("vault", { vaultAddress: "https://vault.example.de:8200", roleName: "db" })),
      ),
    ).toEqual([egress("db", label, "vault.example.de (cannot be placed)")]);
    expect(
      judged(onCluster(spc("azure", { keyvaultName: "shop", tenantId: "t" }, "v1alpha1"))),
    ).toEqual([egress("db", label, "the azure secret store (cannot be placed)")]);
    expect(
      messagesOf("kubernetes-egress", onCluster(spc("pulumi", { environment: "prod" }))),
    ).toEqual([
      expect.stringContaining(
        'but spec names the provider "pulumi" (spec.provider), whose service the pack cannot place: the Secrets Store CSI Driver reads the secrets from it',
      ),
    ]);
    expect(judged(onCluster(spc(unknownAtPreview, {})))).toEqual([
      egress("db", label, "spec (unknown at preview)"),
    ]);
  });

  test("twin: a store in the cluster's region (named or left to the node's), or a Vault of the cluster or at a private address, passes", () => {
    for (const [provider, parameters] of [
      ["aws", { region: "cn-north-1", objects: objects("db") }],
      [
        "aws",
        {
          objects: objects(
            "arn:aws-cn:secretsmanager:cn-northwest-1:123456789012:secret:db-AbCdEf",
          ),
        },
      ],
      ["aws", { objects: objects("db") }],
      ["vault", { vaultAddress: "http://vault.vault.svc:8200", roleName: "db" }],
      ["vault", { vaultAddress: "https://10.0.2.2:8200", roleName: "db" }],
    ] as const) {
      expect(judged(onCluster(spc(provider, parameters)))).toEqual([]);
    }
  });
});

describe("the kinds reviewed without a reading of their own", () => {
  /** A Karpenter node class `name` with these `spec` fields beside what every one declares. */
  const nodeClass = (name: string, spec: Record<string, unknown>) =>
    kube("kubernetes:karpenter.k8s.aws/v1:EC2NodeClass", name, {
      spec: {
        role: "KarpenterNodeRole",
        amiSelectorTerms: [{ alias: "al2023@latest" }],
        subnetSelectorTerms: [{ tags: { "karpenter.sh/discovery": "shop" } }],
        securityGroupSelectorTerms: [{ tags: { "karpenter.sh/discovery": "shop" } }],
        ...spec,
      },
    });
  const passThrough = [
    kube("kubernetes:velero.io/v1:Schedule", "nightly", {
      metadata: { namespace: "velero" },
      spec: { schedule: "0 1 * * *", template: { storageLocation: "default", ttl: "720h0m0s" } },
    }),
    kube("kubernetes:velero.io/v1:Backup", "before-upgrade", {
      metadata: { namespace: "velero" },
      spec: { includedNamespaces: ["shop"], storageLocation: "default" },
    }),
    kube("kubernetes:snapshot.storage.k8s.io/v1:VolumeSnapshotClass", "disk", {
      driver: "diskplugin.csi.alibabacloud.com",
      deletionPolicy: "Delete",
    }),
    kube("kubernetes:snapshot.storage.k8s.io/v1:VolumeSnapshot", "db", {
      metadata: { namespace: "shop" },
      spec: { volumeSnapshotClassName: "disk", source: { persistentVolumeClaimName: "db" } },
    }),
    kube("kubernetes:metallb.io/v1beta1:IPAddressPool", "lan", {
      metadata: { namespace: "metallb-system" },
      spec: { addresses: ["10.0.9.0/24"] },
    }),
    kube("kubernetes:metallb.io/v1beta1:L2Advertisement", "lan", {
      metadata: { namespace: "metallb-system" },
      spec: { ipAddressPools: ["lan"] },
    }),
    kube("kubernetes:pulumi.com/v1:Program", "site", {
      metadata: { namespace: "pulumi" },
      program: { resources: {} },
    }),
    kube("kubernetes:karpenter.sh/v1:NodePool", "general", {
      spec: {
        template: {
          spec: {
            nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "general" },
            requirements: [
              { key: "topology.kubernetes.io/zone", operator: "In", values: ["cn-north-1a"] },
            ],
          },
        },
        limits: { cpu: 100 },
      },
    }),
    nodeClass("general", { associatePublicIPAddress: false }),
    kube("kubernetes:vpcresources.k8s.aws/v1beta1:SecurityGroupPolicy", "shop", {
      metadata: { namespace: "shop" },
      spec: {
        podSelector: { matchLabels: { app: "shop" } },
        securityGroups: { groupIds: ["sg-0123456789abcdef0"] },
      },
    }),
  ];

  test("Velero's backups and schedules, CSI snapshots, MetalLB's pools, a Pulumi Program, Karpenter's node pools and security groups for pods pass", () => {
    expect(judged(onCluster(...passThrough))).toEqual([]);
  });

  test("a Karpenter node class that gives its nodes public IP addresses is a way to the internet", () => {
    const exits = (spec: Record<string, unknown>) =>
      findingsOf(onCluster(nodeClass("public", spec)), [
        "internet-egress",
        "reviewed-resource-types",
      ]);
    expect(exits({ associatePublicIPAddress: true }).map(([p, n, l]) => [p, n, l])).toEqual([
      ["internet-egress", "public", "mandatory"],
    ]);
    expect(
      messagesOf(
        "internet-egress",
        onCluster(nodeClass("public", { associatePublicIPAddress: true })),
      ),
    ).toEqual([
      expect.stringContaining(
        "spec.associatePublicIPAddress is true: the nodes launched from it get public IP addresses. Set spec.associatePublicIPAddress to false.",
      ),
    ]);
    // Left unset, its subnets decide, judged on the subnets.
    expect(exits({})).toEqual([]);
  });

  test("twin: a kind of those groups the pack has not reviewed fails closed, naming the kinds it reviews", () => {
    const repository = kube("kubernetes:velero.io/v1:BackupRepository", "shop", {
      metadata: { namespace: "velero" },
      spec: {
        volumeNamespace: "shop",
        backupStorageLocation: "default",
        resticIdentifier: "s3:s3-us-east-1.amazonaws.com/b/restic/shop",
      },
    });
    expect(judged(onCluster(repository)).map(([policy, name]) => [policy, name])).toEqual([
      ["reviewed-resource-types", "shop"],
    ]);
    const [message] = messagesOf("reviewed-resource-types", onCluster(repository));
    expect(message).toContain(
      "is a custom resource of velero.io the pack has not reviewed (it reviews Backup, BackupStorageLocation, DataDownload, DataUpload, DeleteBackupRequest",
    );
  });
});

describe("a Pulumi Kubernetes Operator Stack", () => {
  const stack = (spec: Record<string, unknown>, version = "v1", name = "site") =>
    kube(`kubernetes:pulumi.com/${version}:Stack`, name, {
      metadata: { namespace: "pulumi" },
      spec: { stack: "acme/site/prod", ...spec },
    });

  test("is helm-releases' finding, naming the program it deploys", () => {
    expect(
      messagesOf(
        "helm-releases",
        onCluster(
          stack({ projectRepo: "https://github.com/acme/infra", repoDir: "site", branch: "main" }),
          stack(
            {
              fluxSource: {
                sourceRef: {
                  apiVersion: "source.toolkit.fluxcd.io/v1",
                  kind: "GitRepository",
                  name: "infra",
                },
                dir: "site",
              },
            },
            "v1alpha1",
            "site-flux",
          ),
          stack({ programRef: { name: "site" } }, "v1", "site-program"),
        ),
      ),
    ).toEqual([
      'k8s stack "site" must expose its resources to the pack, but a Pulumi Kubernetes Operator Stack deploys stack "acme/site/prod" of the program at "https://github.com/acme/infra" (directory "site"), whose resources the pack cannot see. Check that program with the residency pack where it is written — sovereign-dc check in its repository, or pulumi preview --policy-pack in its pipeline — and once it is sealed, waive this finding for this resource with that evidence as the reason.',
      expect.stringMatching(
        /^k8s stack "site-flux" .* deploys stack "acme\/site\/prod" of the program of Flux GitRepository "infra",/,
      ),
      expect.stringMatching(
        /^k8s stack "site-program" .* deploys stack "acme\/site\/prod" of the program of Program "site",/,
      ),
    ]);
  });

  test("twin: the Program it would run, alone, passes", () => {
    const program = kube("kubernetes:pulumi.com/v1:Program", "site", {
      metadata: { namespace: "pulumi" },
      program: { resources: {} },
    });
    expect(judged(onCluster(program))).toEqual([]);
    expect(
      judged(onCluster(program, stack({ programRef: { name: "site" } }))).map(([p, n, l]) => [
        p,
        n,
        l,
      ]),
    ).toEqual([["helm-releases", "site", "mandatory"]]);
  });
});

// Found by the community AWS bench: an EKS program's DatadogAgent sent the cluster's telemetry to
// Datadog's Japan site (`ap1.datadoghq.com`) and failed only as a type to review; once allowed,
// nothing judged where its data went.
describe("a Datadog Operator DatadogAgent", () => {
  const agent = (name: string, spec: Record<string, unknown>) =>
    kube("kubernetes:datadoghq.com/v2alpha1:DatadogAgent", name, {
      metadata: { namespace: "datadog" },
      spec,
    });
  const label = (name: string) => `k8s datadogagent "${name}"`;
  const secret = { credentials: { apiSecret: { secretName: "datadog", keyName: "api-key" } } };

  test("sends the cluster's telemetry to its site, datadoghq.com where unset, or to the intake its URL names: kubernetes-egress's finding", () => {
    expect(
      judged(
        onCluster(
          agent("default", { global: secret }),
          agent("tokyo", { global: { ...secret, site: "ap1.datadoghq.com" } }),
          agent("relay", { global: { endpoint: { url: "https://dd-relay.example.com" } } }),
          agent("explorer", {
            global: { site: "datadoghq.eu" },
            features: { orchestratorExplorer: { ddUrl: "https://orchestrator.datadoghq.com" } },
          }),
        ),
        { jurisdiction: "CN", egressAllowlist: [{ host: "*.datadoghq.eu", reason: "probe" }] },
      ),
    ).toEqual(
      sorted([
        egress("default", label("default"), "datadoghq.com (cannot be placed)"),
        egress("tokyo", label("tokyo"), "ap1.datadoghq.com (cannot be placed)"),
        egress("relay", label("relay"), "dd-relay.example.com (cannot be placed)"),
        egress("explorer", label("explorer"), "orchestrator.datadoghq.com (cannot be placed)"),
      ]),
    );
    expect(messagesOf("kubernetes-egress", onCluster(agent("default", {})))).toEqual([
      expect.stringContaining(
        "spec sends the agents' data to the Datadog site datadoghq.com (US1), the default where global.site is unset, whose intakes (…-app.agent.datadoghq.com, trace.agent.datadoghq.com, agent-http-intake.logs.datadoghq.com) the pack cannot place; egressHosts may admit them as *.datadoghq.com",
      ),
    ]);
  });

  test("twin: a site whose intakes egressHosts admit, or a proxy at a private address, passes", () => {
    const placed = [{ host: "*.datadoghq.eu", reason: "Datadog EU1 keeps the data in Germany" }];
    expect(
      judged(onCluster(agent("eu", { global: { site: "datadoghq.eu" } })), {
        jurisdiction: "CN",
        egressAllowlist: placed,
      }),
    ).toEqual([]);
    // The site's own name is no host the agents send to: admitting it alone admits none of them.
    expect(
      judged(onCluster(agent("eu", { global: { site: "datadoghq.eu" } })), {
        jurisdiction: "CN",
        egressAllowlist: [{ host: "datadoghq.eu", reason: "probe" }],
      }),
    ).toEqual([egress("eu", label("eu"), "datadoghq.eu (cannot be placed)")]);
    expect(
      judged(
        onCluster(
          agent("proxied", {
            global: { site: "datadoghq.com", endpoint: { url: "http://10.0.3.4:3834" } },
          }),
        ),
      ),
    ).toEqual([]);
  });

  test("a site not known at preview fails closed; the group's kinds it does not review stay unreviewed", () => {
    expect(judged(onCluster(agent("later", { global: { site: unknownAtPreview } })))).toEqual([
      ["kubernetes-egress", "later", "mandatory", [label("later"), "spec (unknown at preview)"]],
    ]);
    expect(
      judged(
        onCluster(
          kube("kubernetes:datadoghq.com/v1alpha1:DatadogMonitor", "cpu", {
            metadata: { namespace: "datadog" },
            spec: { query: "avg(last_5m):avg:system.cpu.user{*} > 90", type: "metric alert" },
          }),
        ),
      ).map(([policy, name, level]) => [policy, name, level]),
    ).toEqual([["reviewed-resource-types", "cpu", "mandatory"]]);
  });
});

test("every group of the reviewed custom kinds is modelled or has its definitions named, never both", () => {
  const groups = new Set([...customResourceTypes].map((t) => kubernetesGroup(t) as string));
  for (const group of groups) {
    expect([group, group in customResourceGroups !== group in customResourceReferences]).toEqual([
      group,
      true,
    ]);
  }
  for (const group of Object.keys(customResourceReferences)) {
    expect(groups.has(group)).toBe(true);
  }
});

/** `b` laid over `a`, objects merged key by key. */
function mergeDeep(a: Readonly<Record<string, unknown>>, b: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const under = out[k];
    out[k] =
      under && typeof under === "object" && v && typeof v === "object" && !Array.isArray(v)
        ? mergeDeep(under as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

/** An object with `value` at `path` (`spec.outputs[]` holds a list of one). */
function objectWith(path: string, value: unknown): Record<string, unknown> {
  return path
    .split(".")
    .reverse()
    .reduce<unknown>((inner, seg) => {
      const key = seg.replace(/\[\]$/, "");
      return { [key]: seg.endsWith("[]") ? [inner] : inner };
    }, value) as Record<string, unknown>;
}

/**
 * Probes of the readings of a whole object (an entry, a spec), by their `read`: one with no
 * settings at all must fail — or, where no settings mean nothing is sent (an operator that names
 * no bucket archives nowhere), one that names a store and nothing of where it is.
 */
const objectProbes: Readonly<Record<string, unknown>> = {
  "backup-location": {},
  "snapshot-location": {},
  "cloud-storage": {},
  "barman-object-store": {},
  "log-output": {},
  "s3-storage": {},
  "azure-blob": {},
  "spilo-environment": [{ name: "WAL_S3_BUCKET", value: "wal" }],
  "wal-archive-settings": { wal_s3_bucket: "wal" },
  "logical-backup-settings": { logical_backup_s3_bucket: "dumps" },
  "secret-provider": {},
  "linkerd-link": {},
  // A ProxyDefaults' config with no sink sends nothing; one with raw Envoy configuration must fail.
  "consul-proxy-config": { envoy_extra_static_clusters_json: "[]" },
  // A backend of no kind is a Service of the cluster; one of an implementation's kind must fail.
  "backend-ref": { group: "gateway.envoyproxy.io", kind: "Backend", name: "collector" },
  // A GatewayConfiguration's extension of another kind stays in the cluster.
  "konnect-extension": { kind: "KonnectExtension", name: "konnect" },
  // A patch, overlay or pod template that only tunes the proxies passes; one that puts them on
  // their nodes' network must fail.
  "workload-patch": {
    type: "StrategicMerge",
    value: { spec: { template: { spec: { hostNetwork: true } } } },
  },
  "workload-overlay": { spec: { template: { spec: { hostNetwork: true } } } },
  "pod-template": { spec: { hostNetwork: true } },
  // A Backend of endpoints passes; a dynamic resolver must fail.
  "dynamic-resolver": "DynamicResolver",
  // An agent that names no site sends to Datadog's US1 site.
  "datadog-agent": {},
};

test("every destination field of a kind without a model is read, and a reading of a whole object fails closed", () => {
  // Such a kind has no model to check its fields against. A reading of a whole object must find
  // an object without the settings that place it unplaceable (objectProbes), so a setting it
  // misreads fails closed; a field read
  // at its path (an address, a volume source) must report a public address found there. That
  // its path is the operator's is held by the cases above, written from the operators' API
  // sources (policy/reviewed.ts `customResourceReferences`).
  const unmodelled = [...customResourceTypes].filter(
    (t) =>
      (kubernetesGroup(t) as string) in customResourceReferences &&
      !t.endsWith("List") &&
      !t.endsWith("Patch"),
  );
  const probes = unmodelled.flatMap((type) =>
    destinationFields(type).map((f) => ({
      type,
      path: f.path,
      example: f.example,
      value:
        f.read in objectProbes
          ? objectProbes[f.read]
          : f.read === "csi"
            ? { driver: "nfs.csi.k8s.io", volumeAttributes: { server: "203.0.113.5", share: "/" } }
            : "203.0.113.5",
    })),
  );
  expect(probes.length).toBeGreaterThan(20);
  const silent = probes.filter(({ type, path, value, example }) => {
    // A field some objects only hold (`when`) is probed in its example's settings.
    const object = mergeDeep(example ?? {}, objectWith(path, value));
    const resources = onCluster(kube(type, "probe", { metadata: { namespace: "x" }, ...object }));
    // A name only the stack can place (a Consul terminating gateway's service) is
    // named-destinations' finding where no object of the stack places it.
    return stackWide(resources).length !== 1;
  });
  expect(silent.map(({ type, path }) => `${type} ${path}`)).toEqual([]);
});

describe("a Kyverno policy", () => {
  const policy = (rules: unknown[], kind = "ClusterPolicy", version = "v1") =>
    kube(`kubernetes:kyverno.io/${version}:${kind}`, "platform", {
      ...(kind === "Policy" ? { metadata: { namespace: "shop" } } : {}),
      spec: { rules },
    });
  const label = 'k8s clusterpolicy "platform"';
  const matching = (kinds: string[]) => ({ any: [{ resources: { kinds } }] });
  const sidecar = {
    name: "inject-shipper",
    match: matching(["Pod"]),
    mutate: {
      patchStrategicMerge: {
        spec: { containers: [{ name: "shipper", image: "registry.example.com/shipper:1" }] },
      },
    },
  };

  test("that mutates pods, generates workloads or calls a service outside fails kubernetes-egress", () => {
    expect(judged(onCluster(policy([sidecar])))).toEqual([
      [
        "kubernetes-egress",
        "platform",
        "mandatory",
        [label, '"Pod" objects (rewritten after judgement, cannot be judged)'],
      ],
    ]);
    const generating = {
      name: "default-egress",
      match: matching(["Namespace"]),
      generate: {
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        name: "allow-all",
        namespace: "{{request.object.metadata.name}}",
        data: { spec: { podSelector: {}, egress: [{}] } },
      },
    };
    expect(judged(onCluster(policy([generating], "Policy", "v2beta1")))).toEqual([
      [
        "kubernetes-egress",
        "platform",
        "mandatory",
        [
          'k8s policy "platform"',
          '"NetworkPolicy" objects (created after judgement, cannot be judged)',
        ],
      ],
    ]);
    const calling = {
      name: "check-owner",
      match: matching(["Deployment"]),
      context: [
        { name: "owner", apiCall: { service: { url: "https://owners.example.de/lookup" } } },
      ],
      validate: { message: "unknown owner", deny: {} },
    };
    expect(judged(onCluster(policy([calling])))).toEqual([
      [
        "kubernetes-egress",
        "platform",
        "mandatory",
        [label, "owners.example.de (cannot be placed)"],
      ],
    ]);
    // A rule that matches events only but mutates existing Deployments, its targets.
    const existing = {
      name: "restart-on-event",
      match: matching(["Event"]),
      mutate: {
        targets: [{ apiVersion: "apps/v1", kind: "Deployment", name: "api", namespace: "shop" }],
        patchStrategicMerge: { spec: { template: { spec: { hostNetwork: true } } } },
      },
    };
    expect(judged(onCluster(policy([existing])))).toEqual([
      [
        "kubernetes-egress",
        "platform",
        "mandatory",
        [label, '"Deployment" objects (rewritten after judgement, cannot be judged)'],
      ],
    ]);
  });

  test("twin: one that validates, verifies images, mutates only kinds with no pods or calls a service of the cluster passes", () => {
    const rules = [
      {
        name: "require-labels",
        match: matching(["Deployment", "StatefulSet"]),
        validate: {
          message: "label app is required",
          pattern: { metadata: { labels: { app: "?*" } } },
        },
      },
      {
        name: "signed-images",
        match: matching(["Pod"]),
        verifyImages: [{ imageReferences: ["registry.example.com/*"], attestors: [] }],
      },
      {
        name: "default-budget",
        match: matching(["policy/v1/PodDisruptionBudget"]),
        mutate: { patchStrategicMerge: { metadata: { labels: { team: "platform" } } } },
      },
      {
        name: "quota",
        match: matching(["Namespace"]),
        generate: { apiVersion: "v1", kind: "ResourceQuota", name: "default", data: { spec: {} } },
      },
      {
        name: "check-owner",
        match: matching(["Deployment"]),
        context: [
          {
            name: "owner",
            apiCall: { service: { url: "http://owners.platform.svc:8080/lookup" } },
          },
        ],
        validate: { message: "unknown owner", deny: {} },
      },
    ];
    expect(judged(onCluster(policy(rules)))).toEqual([]);
  });
});

// Kyverno's cleanup policies and global context entries were unreviewed: any program with one
// failed closed, whatever services it called.
describe("a Kyverno cleanup policy or global context entry", () => {
  const cleanup = (url: string, kind = "ClusterCleanupPolicy") =>
    kube(`kubernetes:kyverno.io/v2:${kind}`, "stale-jobs", {
      ...(kind === "CleanupPolicy" ? { metadata: { namespace: "batch" } } : {}),
      spec: {
        schedule: "0 * * * *",
        match: { any: [{ resources: { kinds: ["Job"] } }] },
        context: [
          {
            name: "owner",
            apiCall: {
              method: "POST",
              service: { url },
              data: [{ key: "job", value: "{{ target.metadata.name }}" }],
            },
          },
        ],
        conditions: { any: [{ key: "{{ owner.active }}", operator: "Equals", value: false }] },
      },
    });
  const entry = (apiCall: Record<string, unknown>, version = "v2") =>
    kube(`kubernetes:kyverno.io/${version}:GlobalContextEntry`, "catalog", {
      spec: { apiCall: { refreshInterval: "10m", ...apiCall } },
    });

  test("calling a service outside with the objects' or the call's data fails kubernetes-egress", () => {
    expect(judged(onCluster(cleanup("https://owners.example.de/active")))).toEqual([
      [
        "kubernetes-egress",
        "stale-jobs",
        "mandatory",
        ['k8s clustercleanuppolicy "stale-jobs"', "owners.example.de (cannot be placed)"],
      ],
    ]);
    expect(
      messagesOf(
        "kubernetes-egress",
        onCluster(cleanup("https://203.0.113.7/active", "CleanupPolicy")),
      ),
    ).toEqual([
      expect.stringContaining(
        'k8s cleanuppolicy "stale-jobs" must send data only to services of the cluster, private or allowlisted addresses, but spec.context[0].apiCall.service.url',
      ),
    ]);
    const posted = {
      method: "POST",
      service: { url: "https://inventory.example.de/query" },
      data: [{ key: "cluster", value: "shanghai-1" }],
    };
    for (const version of ["v2", "v2beta1", "v2alpha1"]) {
      expect(judged(onCluster(entry(posted, version)))).toEqual([
        [
          "kubernetes-egress",
          "catalog",
          "mandatory",
          ['k8s globalcontextentry "catalog"', "inventory.example.de (cannot be placed)"],
        ],
      ]);
    }
  });

  test("twin: a service of the cluster, a GET that brings data in, or the cluster's own objects pass", () => {
    expect(judged(onCluster(cleanup("http://owners.platform.svc:8080/active")))).toEqual([]);
    expect(judged(onCluster(cleanup("http://10.0.2.9/active", "CleanupPolicy")))).toEqual([]);
    for (const apiCall of [
      { service: { url: "https://inventory.example.de/catalog.json" } },
      { method: "GET", service: { url: "https://inventory.example.de/catalog.json" } },
      { method: "POST", service: { url: "http://inventory.platform.svc/query" }, data: [] },
      { urlPath: "/api/v1/namespaces" },
    ]) {
      expect(judged(onCluster(entry(apiCall)))).toEqual([]);
    }
    const objects = kube("kubernetes:kyverno.io/v2:GlobalContextEntry", "deployments", {
      spec: { kubernetesResource: { group: "apps", version: "v1", resource: "deployments" } },
    });
    const exception = kube("kubernetes:kyverno.io/v2:PolicyException", "legacy", {
      metadata: { namespace: "kyverno" },
      spec: {
        exceptions: [{ policyName: "require-labels", ruleNames: ["require-labels"] }],
        match: { any: [{ resources: { kinds: ["Deployment"], names: ["legacy-*"] } }] },
      },
    });
    expect(judged(onCluster(objects, exception))).toEqual([]);
  });
});

// Kyverno's CEL policies were unreviewed: any program with one failed closed, whatever it called.
describe("a Kyverno CEL policy (policies.kyverno.io)", () => {
  const cel = (kind: string, spec: Record<string, unknown>, version = "v1") =>
    kube(`kubernetes:policies.kyverno.io/${version}:${kind}`, "platform", {
      ...(kind.startsWith("Namespaced") ? { metadata: { namespace: "shop" } } : {}),
      spec,
    });
  const pods = {
    resourceRules: [
      { apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["pods"] },
    ],
  };
  const validating = (expression: string, kind = "ValidatingPolicy", version = "v1") =>
    cel(kind, { matchConstraints: pods, validations: [{ expression }] }, version);

  test("that posts objects, or builds a URL from them, to a service outside fails kubernetes-egress; a MutatingPolicy of pods and a GeneratingPolicy fail too", () => {
    expect(
      judged(
        onCluster(
          validating(
            'http.Post("https://audit.example.de/admission", {"name": object.metadata.name}).allowed == true',
          ),
        ),
      ),
    ).toEqual([
      [
        "kubernetes-egress",
        "platform",
        "mandatory",
        ['k8s validatingpolicy "platform"', "audit.example.de (cannot be placed)"],
      ],
    ]);
    expect(
      judged(
        onCluster(
          validating(
            'http.Get("https://owners.example.de/teams/" + object.metadata.namespace).active',
            "NamespacedValidatingPolicy",
            "v1beta1",
          ),
        ),
      ).map(([p, n, l]) => [p, n, l]),
    ).toEqual([["kubernetes-egress", "platform", "mandatory"]]);
    expect(
      judged(
        onCluster(
          validating("http.Post(variables.endpoint, object).ok", "ValidatingPolicy", "v1alpha1"),
        ),
      ),
    ).toEqual([
      [
        "kubernetes-egress",
        "platform",
        "mandatory",
        ['k8s validatingpolicy "platform"', "the service http.Post calls (cannot be placed)"],
      ],
    ]);
    const mutating = cel("MutatingPolicy", {
      matchConstraints: pods,
      mutations: [
        { patchType: "ApplyConfiguration", applyConfiguration: { expression: "Object{}" } },
      ],
    });
    const generating = cel("GeneratingPolicy", {
      matchConstraints: {
        resourceRules: [
          {
            apiGroups: [""],
            apiVersions: ["v1"],
            operations: ["CREATE"],
            resources: ["namespaces"],
          },
        ],
      },
      generate: [{ expression: "generator.Apply(object.metadata.name, [variables.netpol])" }],
    });
    for (const [policy, label] of [
      [mutating, 'k8s mutatingpolicy "platform"'],
      [generating, 'k8s generatingpolicy "platform"'],
    ] as const) {
      expect(judged(onCluster(policy)).map(([p, n, l, path]) => [p, n, l, path?.[0]])).toEqual([
        ["kubernetes-egress", "platform", "mandatory", label],
      ]);
    }
  });

  test("whose expression is not known at preview is undecided, never passed", () => {
    expect(
      judged(onCluster(validating(unknownAtPreview))).map(([p, n, l, path]) => [
        p,
        n,
        l,
        path?.[1],
      ]),
    ).toEqual([
      [
        "kubernetes-egress",
        "platform",
        "mandatory",
        expect.stringContaining("(unknown at preview)"),
      ],
    ]);
  });

  test("twin: a service of the cluster, a literal GET that brings data in, resource lookups, validation and deletion pass", () => {
    expect(
      judged(
        onCluster(
          validating(
            'http.Post("http://audit.platform.svc:8080/admission", object).allowed == true',
          ),
          validating(
            'http.Get("https://registry.example.de/allowed.json").registries.exists(r, object.spec.containers.all(c, c.image.startsWith(r)))',
            "NamespacedValidatingPolicy",
          ),
          validating(
            'resource.Get("v1", "configmaps", "kyverno", "registries").data.size() > 0',
            "ImageValidatingPolicy",
            "v1beta1",
          ),
          cel("DeletingPolicy", {
            matchConstraints: pods,
            conditions: [{ name: "old", expression: "true" }],
            schedule: "0 * * * *",
          }),
          kube("kubernetes:policies.kyverno.io/v1:PolicyException", "legacy", {
            metadata: { namespace: "kyverno" },
            spec: {
              policyRefs: [{ name: "platform", kind: "ValidatingPolicy" }],
              matchConditions: [],
            },
          }),
        ),
      ),
    ).toEqual([]);
  });
});

describe("EKS Fargate's log router configuration", () => {
  /** The ConfigMap aws-observability/aws-logging (or `name` in `namespace`) with `outputs`. */
  const logging = (outputs: string, name = "aws-logging", namespace = "aws-observability") =>
    kube("kubernetes:core/v1:ConfigMap", name, {
      metadata: { name, namespace },
      data: { "output.conf": outputs, flb_log_cw: "true" },
    });
  const label = 'k8s configmap "aws-logging"';
  const cloudwatch = (region: string) =>
    `[OUTPUT]\n    Name cloudwatch_logs\n    Match *\n    region ${region}\n    log_group_name fargate\n`;

  test("ships the pods' logs to each output's service or host: abroad, or a host the pack cannot place, is kubernetes-egress's finding", () => {
    expect(judged(onCluster(logging(cloudwatch("eu-west-1"))))).toEqual([
      egress("aws-logging", label, "Amazon CloudWatch Logs in eu-west-1 (outside CN, in EU)"),
    ]);
    expect(
      judged(
        onCluster(
          logging(
            "[OUTPUT]\n  Name es\n  Match *\n  Host logs.example.de\n  Port 443\n\n[OUTPUT]\n  Name s3\n  Match *\n  bucket fargate-logs\n",
          ),
        ),
      ),
    ).toEqual(
      sorted([
        egress("aws-logging", label, "logs.example.de (cannot be placed)"),
        egress("aws-logging", label, "Amazon S3 in us-east-1 (outside CN, in US)"),
      ]),
    );
  });

  test("twin: an output in a region inside passes, and the same text in another ConfigMap is not the router's", () => {
    expect(judged(onCluster(logging(cloudwatch("cn-north-1"))))).toEqual([]);
    expect(judged(onCluster(logging(cloudwatch("eu-west-1"), "aws-logging", "app")))).toEqual([]);
  });
});
