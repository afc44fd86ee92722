/**
 * Data movers: DTS synchronisation, migration and subscription; DMS endpoints and tasks;
 * DataSync tasks; and container-registry replication and pulls (shared/research/data-paths.md
 * §3 "DTS", "Container registry replication"; §4 "Data migration (DMS)", "Data migration
 * (DataSync)", "Container registry replication").
 *
 * These services exist to copy data between places, so every endpoint they name — a region, an
 * ARN, a self-hosted database's IP, a host name — must be placed inside the jurisdiction. Jobs'
 * edges are owned by `data-transfer-jobs`, registries' by `registry-replication`.
 */
import type { FieldSpec, TypeModel, TypeTable, WhereAt } from "../model";
import { isTrue, isUnknown, itemAt, known, valueAt } from "../values";
import { alarmFix, texts } from "./logs";
import {
  edgesOf,
  type FieldExtra,
  hostOrSite,
  inbound,
  instanceTypeIn,
  withPolicyFields,
  ownAccountDelivery,
} from "./rows";

const job = edgesOf("data-transfer-jobs", "data sync");
const registry = edgesOf("registry-replication", "replication");
const push = edgesOf("registry-replication", "image push");

/**
 * An image reference built from a registry repository of the program (`${repo.repositoryUrl}:v1`)
 * is not known at preview when the deployment creates the repository: it then lies where that
 * repository does, which the whole stack places (named-destinations); one built from no resource
 * of the program (a lookup's answer, another stack's output) fails closed there.
 */
const fromRepository = { ref: "image-repository", namedWhenUnknown: true } as const;

/**
 * Whether a file cache's data repositories are reached over `scheme` (`nfs://…`): AWS links a
 * cache to buckets or to NFS servers, never both, so the first known path tells.
 */
function repositoriesOver(props: Readonly<Record<string, unknown>>, scheme: string): boolean {
  const first = known(() => valueAt(props, "dataRepositoryAssociations"));
  const path = Array.isArray(first)
    ? known(() => valueAt(first[0], "dataRepositoryPath"))
    : undefined;
  return typeof path === "string" && path.toLowerCase().startsWith(`${scheme}://`);
}

/**
 * An Amazon File Cache's data repositories, which it loads from and writes back to: buckets
 * (`s3://`) or NFS servers (`nfs://`), one kind for the whole cache. The cache's row is in the
 * remote-sites table (the DNS servers of its NFS repositories); these fields are data-transfer-jobs'.
 */
export const fileCacheRepositories: readonly FieldSpec[] = [
  job.ref("dataRepositoryAssociations[].dataRepositoryPath", "caches and writes back the data of", {
    ref: "s3-bucket",
    when: (p) => !repositoriesOver(p, "nfs"),
  }),
  job.url(
    "dataRepositoryAssociations[].dataRepositoryPath",
    "caches and writes back the data of the NFS server at",
    { when: (p) => repositoriesOver(p, "nfs") },
  ),
];

/** A row whose resource stands for the data it moves, with the fix its messages end with. */
const rows =
  (fix: string) =>
  (...fields: FieldSpec[]): TypeModel => ({ role: "data", fields, fix });
/** What data-transfer-jobs asks of a job whose far end is not inside. */
export const transferFix =
  "Keep both ends of the job in regions inside the jurisdiction (and self-hosted endpoints on allowlisted addresses), or remove the job.";
const transfer = rows(transferFix);
/** An AnalyticDB for PostgreSQL instance's real-time service consuming a Kafka topic. */
const kafkaConsumer = rows(
  "Name the Kafka brokers by private addresses of the stack's network or by an ApsaraMQ for Kafka instance's VPC endpoint (…-vpc.alikafka.aliyuncs.com), or by allowlisted addresses; another host name cannot be placed.",
);
const replication = rows(
  "Replicate images only to registries in regions inside the jurisdiction (and this account), or remove the rule.",
);

/** Source and destination regions of a DTS job (`sourceEndpointRegion` or `sourceRegion`). */
const dtsRegions = (side: "EndpointRegion" | "Region") => [
  job.region(`source${side}`, "reads data from", inbound),
  job.region(`destination${side}`, "writes data to"),
];
/**
 * A DTS endpoint's address. A database reached through a database gateway, a leased line or CEN
 * (instance type DG, EXPRESS, CEN) is a site outside the cloud: its address, private or not, is
 * inside only when the egress allowlist holds it. Any other instance type is a host the job
 * reaches from the cloud: a private address lies in the stack's networks. An instance type not
 * known at preview is read as a site.
 */
const endpointIp = (side: "source" | "destination", verb: string, extra: FieldExtra = {}) =>
  hostOrSite(
    job,
    `${side}EndpointIp`,
    verb,
    instanceTypeIn(`${side}EndpointInstanceType`, ["dg", "express", "cen"]),
    extra,
  );
const selfHosted = [
  ...endpointIp("source", "reads data from", inbound),
  ...endpointIp("destination", "writes data to"),
  job.account("sourceEndpointOwnerId", "reads data from", inbound),
  // The data lands in the instance the destination's ID names: one of this program lies where
  // the program creates it, whatever region the job is told; any other ID (of an instance the
  // program does not create, a database gateway, a VPC) is placed by the destination's region.
  job.ref("destinationEndpointInstanceId", "writes data to", {
    ref: "dts-destination",
    fallback: "destinationEndpointRegion",
  }),
];

/** The engines of a DMS data provider, each naming its server in `serverName`. */
const dmsEngines = [
  "docDbSettings",
  "ibmDb2LuwSettings",
  "ibmDb2ZosSettings",
  "mariaDbSettings",
  "microsoftSqlServerSettings",
  "mongoDbSettings",
  "mysqlSettings",
  "oracleSettings",
  "postgresqlSettings",
  "redshiftSettings",
  "sybaseAseSettings",
];

/**
 * The home directory of a Transfer Family user or access (`/bucket/prefix`), where the files it
 * uploads land and its downloads come from. A server of the EFS domain names file systems
 * (`/fs-0123abcd/path`) instead, which Transfer Family mounts only in the server's own region:
 * a server has one domain, so such a user names no bucket at all.
 */
const efsHome = /^\/fs-[0-9a-f]+(\/|$)/;
function namesEfs(props: Readonly<Record<string, unknown>>): boolean {
  const mappings = props.homeDirectoryMappings;
  const targets = [
    props.homeDirectory,
    ...(Array.isArray(mappings) ? mappings.map((m) => (m as Record<string, unknown>)?.target) : []),
  ];
  return targets.some((t) => typeof t === "string" && efsHome.test(t));
}
const homeDirectory = rows(
  "Map the user's home directory only to buckets of this program in regions inside the jurisdiction.",
)(
  job.ref("homeDirectory", "stores the user's files in", {
    ref: "s3-bucket",
    when: (p) => !namesEfs(p) && String(p.homeDirectoryType ?? "PATH").toUpperCase() === "PATH",
  }),
  job.ref("homeDirectoryMappings[].target", "stores the user's files in", {
    ref: "s3-bucket",
    when: (p) => !namesEfs(p),
  }),
);

/** Whether the flag at `path` (off unless set) is on, or not known at preview and so may be. */
const mayBeOn =
  (path: string) =>
  (props: Readonly<Record<string, unknown>>): boolean => {
    const on = known(() => valueAt(props, path));
    return isUnknown(on) || isTrue(on);
  };

/** Whether a DMS task's settings turn Time Travel on (`TTSettings.EnableTT`). */
const timeTravelOn = mayBeOn("replicationTaskSettings.TTSettings.EnableTT");

/**
 * A DTS job's delay and failure alarms (log-shipping's): texted to the numbers at `delayPhone`
 * and `errorPhone` (comma-separated) while `delayNotice` / `errorNotice` is on (off unless set),
 * or not known at preview.
 */
function withAlarmTexts(model: TypeModel): TypeModel {
  return withPolicyFields(
    model,
    "log-shipping",
    alarmFix,
    texts("delayPhone", "texts delay alarms to", mayBeOn("delayNotice")),
    texts("errorPhone", "texts failure alarms to", mayBeOn("errorNotice")),
  );
}

export const transfers: TypeTable = {
  "aws:transfer/user:User": homeDirectory,
  "aws:transfer/access:Access": homeDirectory,
  "alicloud:dts/synchronizationInstance:SynchronizationInstance": transfer(
    ...dtsRegions("EndpointRegion"),
  ),
  "alicloud:dts/synchronizationJob:SynchronizationJob": withAlarmTexts(
    transfer(
      ...dtsRegions("EndpointRegion"),
      ...selfHosted,
      job.account("destinationEndpointOwnerId", "writes data to"),
    ),
  ),
  "alicloud:dts/migrationInstance:MigrationInstance": transfer(...dtsRegions("EndpointRegion")),
  "alicloud:dts/migrationJob:MigrationJob": transfer(
    ...dtsRegions("EndpointRegion"),
    ...selfHosted,
  ),
  "alicloud:dts/subscriptionJob:SubscriptionJob": withAlarmTexts(
    rows(
      'Keep both ends of the job in regions inside the jurisdiction (and self-hosted endpoints on allowlisted addresses), and serve the change stream in a VPC of the stack (subscriptionInstanceNetworkType "vpc"), or remove the job.',
    )(
      job.region("sourceEndpointRegion", "reads changes from", inbound),
      job.region("destinationRegion", "serves the change stream from"),
      ...endpointIp("source", "reads changes from", inbound),
      job.account("sourceEndpointOwnerId", "reads changes from", inbound),
      // Consumers read the stream from the endpoint of its network type: a VPC of the stack, or
      // the classic network (the previous version, which also took no network type at all),
      // outside every VPC of the stack.
      job.flag("subscriptionInstanceNetworkType", "serves the change stream to consumers on", {
        values: ["classic"],
        normalize: "token",
        farSide: "the classic network (outside the stack's VPCs)",
        required: true,
      }),
    ),
  ),
  "alicloud:dts/instance:Instance": transfer(...dtsRegions("Region")),
  // A consumer group reads the change stream with its own credentials from wherever the
  // subscription's endpoint is reachable: the subscription's row judges that network, so the
  // group must name a subscription of this program.
  "alicloud:dts/consumerChannel:ConsumerChannel": rows(
    "Create consumer groups only on change-data subscriptions of this program, served on a VPC.",
  )(
    job.ref("dtsInstanceId", "consumes the change stream of", {
      ...inbound,
      ref: "dts-subscription",
    }),
  ),
  "aws:dms/endpoint:Endpoint": transfer(
    job.url("serverName", "connects to the database at"),
    job.arn("kinesisSettings.streamArn", "streams changes to"),
    job.account("kinesisSettings.streamArn", "streams changes to a stream of", ownAccountDelivery),
    job.url("kafkaSettings.broker", "streams changes to"),
    job.url("redisSettings.serverName", "connects to"),
    job.url("elasticsearchSettings.endpointUri", "writes to"),
    job.url("oracleSettings.asmServer", "reads the database's storage through the ASM server at"),
    job.ref("redshiftSettings.bucketName", "stages data for Redshift in", { ref: "s3-bucket" }),
  ),
  // A Glue connection is where the crawlers and ETL jobs that use it read and write: a database by
  // its JDBC URL, Kafka brokers, a MongoDB or connector URL, a SaaS instance.
  "aws:glue/connection:Connection": transfer(
    // Built from a database's or cluster's outputs, a URL is read through that resource.
    ...(
      [
        ["JDBC_CONNECTION_URL", "reads and writes the database at"],
        ["KAFKA_BOOTSTRAP_SERVERS", "reads and writes the Kafka brokers at"],
        ["CONNECTION_URL", "reads and writes the data store at"],
      ] as const
    ).map(([key, verb]) =>
      job.url(`connectionProperties.${key}`, verb, {
        ref: "aws-data-endpoint",
        namedWhenUnknown: true,
      }),
    ),
    job.url("connectionProperties.INSTANCE_URL", "exchanges data with the instance at"),
    // The host of the native connection types (Snowflake, …), and an OpenSearch domain's nodes.
    job.url("connectionProperties.HOST", "reads and writes the data store at"),
    job.url("connectionProperties.opensearch\\.nodes", "reads and writes the OpenSearch nodes at"),
  ),
  // An AnalyticDB for PostgreSQL instance reads and writes the external database a JDBC data
  // source names (through its external tables), placed through the database of the program it
  // was built from; any other host cannot be placed.
  "alicloud:gpdb/jdbcDataSource:JdbcDataSource": transfer(
    job.url("jdbcConnectionString", "reads and writes the database at", {
      ref: "alicloud-db-endpoint",
      namedWhenUnknown: true,
    }),
  ),
  "aws:dms/s3Endpoint:S3Endpoint": transfer(
    job.ref("bucketName", "reads or writes", { ref: "s3-bucket" }),
    job.account("expectedBucketOwner", "reads or writes a bucket of"),
  ),
  // Time Travel (TTSettings in the task settings' JSON) logs the changes the task replicates,
  // raw records included, to the bucket it names.
  "aws:dms/replicationTask:ReplicationTask": transfer(
    job.arn("sourceEndpointArn", "reads data from", inbound),
    job.arn("targetEndpointArn", "writes data to"),
    job.ref(
      "replicationTaskSettings.TTSettings.TTS3Settings.BucketName",
      "logs the replicated changes (Time Travel) to",
      { ref: "s3-bucket", when: timeTravelOn },
    ),
  ),
  "aws:datasync/task:Task": transfer(
    job.arn("sourceLocationArn", "copies data from", inbound),
    job.arn("destinationLocationArn", "copies data to"),
    // The report lists every file the task moved, by name.
    job.ref("taskReportConfig.s3Destination.s3BucketArn", "writes its task report to", {
      ref: "s3-bucket",
    }),
  ),
  // An FSx for Lustre file system imports the objects of its linked bucket and exports its files
  // back to it (`importPath`/`exportPath` at creation, a data repository association later).
  "aws:fsx/lustreFileSystem:LustreFileSystem": transfer(
    job.ref("importPath", "loads files from", { ref: "s3-bucket", ...inbound }),
    job.ref("exportPath", "exports files to", { ref: "s3-bucket" }),
  ),
  "aws:fsx/dataRepositoryAssociation:DataRepositoryAssociation": transfer(
    job.ref("dataRepositoryPath", "links the file system's files to", { ref: "s3-bucket" }),
  ),
  "aws:datasync/s3Location:S3Location": transfer(
    job.ref("s3BucketArn", "copies data to or from", { ref: "s3-bucket" }),
  ),
  // DataSync reaches self-managed storage through an agent: both must sit on private or
  // allowlisted addresses, or be named by a cloud endpoint of a region inside the jurisdiction.
  "aws:datasync/agent:Agent": transfer(
    job.ip("ipAddress", "moves data through an agent at"),
    job.ip("privateLinkEndpoint", "reaches DataSync through the endpoint at"),
  ),
  "aws:datasync/nfsLocation:NfsLocation": transfer(
    job.url("serverHostname", "copies data to or from the NFS server at"),
  ),
  "aws:datasync/locationSmb:LocationSmb": transfer(
    job.url("serverHostname", "copies data to or from the SMB server at"),
  ),
  "aws:datasync/locationHdfs:LocationHdfs": transfer(
    job.url("nameNodes[].hostname", "copies data to or from the HDFS cluster at"),
  ),
  // The bucket is a bucket of the server `serverHostname` names, which places it.
  "aws:datasync/locationObjectStorage:LocationObjectStorage": transfer(
    job.url("serverHostname", "copies data to or from the object storage at"),
  ),
  // An Azure storage account lies outside both clouds the pack places: the location fails
  // unless its URL is a private or allowlisted address (a container behind a private endpoint).
  "aws:datasync/locationAzureBlob:LocationAzureBlob": transfer(
    job.url("containerUrl", "copies data to or from the Azure Blob container at"),
  ),
  "aws:dms/dataProvider:DataProvider": transfer(
    ...dmsEngines.map((engine) =>
      job.url(`settings.${engine}.serverName`, "connects to the database at"),
    ),
    job.url("settings.oracleSettings.asmServer", "connects to the Oracle ASM server at"),
    // DMS Schema Conversion keeps the schema it reads and the code it converts in this bucket.
    ...dmsEngines
      .filter(
        (engine) => !["docDbSettings", "mongoDbSettings", "sybaseAseSettings"].includes(engine),
      )
      .map((engine) =>
        job.ref(`settings.${engine}.s3Path`, "keeps schema conversion files in", {
          ref: "s3-bucket",
        }),
      ),
  ),
  // A gateway appliance caches and serves the bucket's files where it runs; the provider
  // activates it at its address, which must be private (reached through the stack's links,
  // judged there) or allowlisted.
  "aws:storagegateway/gateway:Gateway": transfer(
    job.ip("gatewayIpAddress", "serves the stored data from an appliance at"),
    job.url("gatewayVpcEndpoint", "activates the appliance through the endpoint at"),
    job.url(
      "smbActiveDirectorySettings.domainControllers[]",
      "signs file-share users in at the domain controller",
    ),
  ),
  // A file share's bucket, placed by the region `bucketRegion` names beside it where the program
  // does not create the bucket (found by the front-door bench: it failed closed).
  ...Object.fromEntries(
    ["nfsFileShare:NfsFileShare", "smbFileShare:SmbFileShare"].map((t) => [
      `aws:storagegateway/${t}`,
      transfer(
        job.region("bucketRegion", "stores the share's files in"),
        job.ref("locationArn", "stores the share's files in", {
          ref: "s3-bucket",
          fallback: "bucketRegion",
        }),
        job.url("vpcEndpointDnsName", "reaches S3 through the endpoint at"),
      ),
    ]),
  ),
  // A Transfer Family connector sends files to (and an SFTP one retrieves them from) the partner's
  // server at its URL: a file transfer, not a log delivery (found by the front-door bench, which
  // saw it under log-shipping).
  "aws:transfer/connector:Connector": transfer(
    job.url("url", "sends files to and retrieves files from"),
  ),
  // A Transfer Family workflow copies or decrypts each uploaded file into a bucket, or hands it
  // to a function; `sourceFileLocation` only picks which file (`${original.file}`).
  "aws:transfer/workflow:Workflow": transfer(
    ...["steps", "onExceptionSteps"].flatMap((steps) => [
      ...["copyStepDetails", "decryptStepDetails"].map((step) =>
        job.ref(
          `${steps}[].${step}.destinationFileLocation.s3FileLocation.bucket`,
          "writes the uploaded files to",
          { ref: "s3-bucket" },
        ),
      ),
      job.arn(`${steps}[].customStepDetails.target`, "hands the uploaded files to"),
    ]),
  ),
  // DMS Enterprise connects to the databases it manages: an RDS or ECS database lies in
  // `ecsRegion`; a self-managed one (`PUBLIC_OWN`, `VPC_IDC`) is the host itself.
  "alicloud:dms/enterpriseInstance:EnterpriseInstance": transfer(
    job.region("ecsRegion", "connects to a database in"),
    job.url("host", "connects to the database at", {
      when: (p) => ["PUBLIC_OWN", "VPC_IDC"].includes(String(p.instanceSource)),
    }),
  ),
  // A DataWorks data source, its connection in JSON: the project's sync and query tasks read
  // from and write to the database or cluster at the addresses it lists (URL mode).
  "alicloud:dataworks/dataSource:DataSource": transfer(
    job.url("connectionProperties.address[].host", "reads or writes the data source at"),
  ),
  // A DataWorks Data Integration job copies what it reads from its source data sources into its
  // destination's: a data source of the program is judged by the addresses it lists; one named
  // but not in the program (the project's, made elsewhere) cannot be placed.
  "alicloud:dataworks/diJob:DiJob": transfer(
    job.ref("destinationDataSourceSettings[].dataSourceName", "writes the synchronized data to", {
      ref: "dataworks-data-source",
    }),
  ),
  // An AnalyticDB for PostgreSQL streaming data source, its configuration in JSON: the instance's
  // real-time service consumes the Kafka topic from the brokers it lists, `<address>:<port>`
  // comma-separated (`brokers`; the API's own example calls it `broker_list`). A broker on a
  // private address lies in the stack's network, and so does an ApsaraMQ for Kafka instance's VPC
  // endpoint (a domain that resolves only inside the instance's VPC); another host name (an
  // ApsaraMQ internet endpoint names no region) cannot be placed.
  "alicloud:gpdb/streamingDataSource:StreamingDataSource": kafkaConsumer(
    ...["brokers", "broker_list"].map((key) =>
      job.ip(`dataSourceConfig.${key}`, "consumes Kafka records from the brokers at", inbound),
    ),
  ),
  // A streaming job of professional mode, its configuration in YAML: the job consumes the topic
  // from the brokers its `KAFKA.INPUT.SOURCE.BROKERS` lists instead of its data source's.
  "alicloud:gpdb/streamingJob:StreamingJob": kafkaConsumer(
    job.ip(
      "jobConfig.KAFKA.INPUT.SOURCE.BROKERS",
      "consumes Kafka records from the brokers at",
      inbound,
    ),
  ),
  // On premises, the gateway caches the bucket's data at a site the pack cannot place.
  "alicloud:cloudstoragegateway/gateway:Gateway": rows(
    "Run the gateway in the cloud (location Cloud) in a region inside the jurisdiction, or waive the finding for an on-premises site inside it.",
  )(
    job.flag("location", "caches the stored data at", {
      values: ["On_Premise"],
      normalize: "token",
      farSide: "an on-premises site",
    }),
  ),
  "alicloud:cs/registryEnterpriseSyncRule:RegistryEnterpriseSyncRule": replication(
    registry.region("targetRegionId", "syncs images to"),
    registry.account("targetUserId", "syncs images to"),
  ),
  "alicloud:cr/artifactSubscriptionRule:ArtifactSubscriptionRule": rows(
    "Mirror images into the registry through a reviewed in-jurisdiction pipeline instead of subscribing to an external registry.",
  )(
    registry.flag("sourceProvider", "pulls images from", {
      ...inbound,
      farSide: "an external registry",
    }),
  ),
  "aws:ecr/replicationConfiguration:ReplicationConfiguration": replication(
    registry.region(
      "replicationConfiguration.rules[].destinations[].region",
      "replicates images to",
    ),
    registry.account(
      "replicationConfiguration.rules[].destinations[].registryId",
      "replicates images to",
    ),
  ),
  // An external connection (`public:npmjs`, `public:pypi`, `public:maven-central`, …) makes the
  // repository fetch and keep packages from a public registry on the internet, as a pull-through
  // cache does images: a source that cannot be placed. Its upstreams are repositories of its own
  // domain. Found by the pipelines bench.
  "aws:codeartifact/repository:Repository": rows(
    "Fetch packages only from repositories of the domain (upstreams), mirrored into them through a reviewed in-jurisdiction pipeline, instead of an external connection to a public registry.",
  )(
    registry.flag("externalConnections.externalConnectionName", "fetches and keeps packages from", {
      ...inbound,
      opensWhenSet: true,
      farSide: "a public package registry on the internet",
    }),
  ),
  "aws:ecr/pullThroughCacheRule:PullThroughCacheRule": rows(
    "Cache only from an ECR registry in a region inside the jurisdiction.",
  )(registry.url("upstreamRegistryUrl", "pulls images from", { ...inbound, required: true })),
  // Container image builds and pushes (@pulumi/docker-build, @pulumi/docker). An image holds its
  // build context — whatever files the Dockerfile copies in, data among them — and its build
  // cache holds the same layers: every registry, bucket or cache service they are pushed to must
  // lie inside. What is only built on the deploying machine, loaded into its Docker daemon or
  // written to its disk goes nowhere. Images pulled (base images, caches read) come in.
  "docker-build:index:Image": imagePush(
    // The tags are pushed with `push`, and by an export to a registry (or an image export that
    // pushes) that names no image of its own: buildx names the export's image by the tags.
    push.image("tags[]", "pushes the image to", {
      ...fromRepository,
      where: (props) => setOrUnknown("push", false)(props) || exportsByTags(props),
    }),
    // A Docker Build Cloud builder (`docker buildx create --driver cloud <org>/<name>` names it
    // `cloud-<org>-<name>`) builds in Docker's cloud: the build context is uploaded there.
    push.flag("builder.name", "sends the build context to", {
      where: (holder) => /^cloud-/i.test(String(valueAt(holder, "name") ?? "")),
      opensWhenSet: true,
      farSide: "Docker Build Cloud, whose builders run in Docker's cloud",
    }),
    push.image("exports[].registry.names[]", "pushes the image to", {
      ...fromRepository,
      where: enabledIn("exports", setOrUnknown("push", true)),
    }),
    push.image("exports[].image.names[]", "pushes the image to", {
      ...fromRepository,
      where: enabledIn("exports", setOrUnknown("push", false)),
    }),
    push.flag("exports[].raw", "exports the image to", {
      where: enabledIn("exports", (holder) => rawSpecLeaves(valueAt(holder, "raw"))),
      opensWhenSet: true,
      farSide: "the destination of a raw export spec, which the pack does not read",
    }),
    push.image("cacheTo[].registry.ref", "pushes the build cache to", {
      ...fromRepository,
      where: enabledIn("cacheTo"),
    }),
    // The region only signs the requests when an endpoint names the store (MinIO, a bucket of
    // another S3-compatible service): the endpoint is then where the cache goes.
    push.region("cacheTo[].s3.region", "pushes the build cache to", {
      cloud: "aws",
      where: enabledIn("cacheTo", (holder) => valueAt(holder, "endpointUrl") === undefined),
    }),
    push.url("cacheTo[].s3.endpointUrl", "pushes the build cache to", {
      where: enabledIn("cacheTo"),
    }),
    push.url("cacheTo[].azblob.accountUrl", "pushes the build cache to", {
      where: enabledIn("cacheTo"),
    }),
    push.flag("cacheTo[].azblob.name", "pushes the build cache to", {
      where: enabledIn("cacheTo", (holder) => valueAt(holder, "accountUrl") === undefined),
      opensWhenSet: true,
      farSide: "an Azure Blob Storage account the build's environment names",
    }),
    push.flag("cacheTo[].gha", "pushes the build cache to", {
      where: enabledIn("cacheTo"),
      opensWhenSet: true,
      farSide: "the GitHub Actions cache service",
    }),
    push.flag("cacheTo[].raw", "pushes the build cache to", {
      where: enabledIn("cacheTo", (holder) => rawSpecLeaves(valueAt(holder, "raw"))),
      opensWhenSet: true,
      farSide: "the destination of a raw cache spec, which the pack does not read",
    }),
  ),
  "docker-build:index:Index": imagePush(
    push.image("tag", "pushes the image index to", {
      ...fromRepository,
      where: setOrUnknown("push", true),
    }),
  ),
  "docker:index/image:Image": imagePush(
    push.image("imageName", "pushes the image to", {
      ...fromRepository,
      where: notTrue("skipPush"),
    }),
  ),
  "docker:index/registryImage:RegistryImage": imagePush(
    push.image("name", "pushes the image to", fromRepository),
  ),
};

/** A row of image pushes, with the fix its messages end with. */
function imagePush(...fields: FieldSpec[]): TypeModel {
  return rows(
    "Push images and build caches only to registries (or buckets) in regions inside the jurisdiction — the stack's cloud's own registry in such a region (ECR, Alibaba Cloud Container Registry), where that cloud has one — and build on a builder there, or keep the image on the machine that builds it (no push).",
  )(...fields);
}

/**
 * Whether the flag at `key` of the holder is on, its default `fallback` when unset: a value not
 * known at preview counts as on, so the push it would make is judged.
 */
function setOrUnknown(key: string, fallback: boolean) {
  return (holder: unknown): boolean => {
    const v = valueAt(holder, key);
    return v === undefined ? fallback : isUnknown(v) || isTrue(v);
  };
}

/**
 * A condition on a value inside an entry of the list `list` (`exports`, `cacheTo`), which also
 * holds only while the entry is not `disabled: true`.
 */
function enabledIn(list: string, also: (holder: unknown) => boolean = () => true) {
  return (holder: unknown, at: WhereAt): boolean =>
    notTrue("disabled")(itemAt(at.props, at.path, list)) && also(holder);
}

/**
 * Whether an enabled export of a docker-build image pushes — to a registry (unless `push: false`),
 * as an image with `push: true`, or by a raw spec that leaves the machine — so that the tags name
 * what it pushes. A list not known at preview counts.
 */
function exportsByTags(props: unknown): boolean {
  const exports = valueAt(props, "exports");
  if (isUnknown(exports)) {
    return true;
  }
  return (Array.isArray(exports) ? exports : []).some(
    (e) =>
      isUnknown(e) ||
      (notTrue("disabled")(e) &&
        ((valueAt(e, "registry") !== undefined &&
          setOrUnknown("push", true)(valueAt(e, "registry"))) ||
          (valueAt(e, "image") !== undefined && setOrUnknown("push", false)(valueAt(e, "image"))) ||
          (valueAt(e, "raw") !== undefined && rawSpecLeaves(valueAt(e, "raw"))))),
  );
}

/** Whether the flag at `key` of the holder is anything but true (unset, false, unknown). */
function notTrue(key: string) {
  return (holder: unknown): boolean => {
    const v = valueAt(holder, key);
    return isUnknown(v) || !isTrue(v);
  };
}

/**
 * Whether a raw export or cache spec (`type=registry,ref=…`, as `docker buildx build --output`
 * and `--cache-to` take it) may leave the deploying machine: any type but those that write to
 * its disk or Docker daemon, or keep the cache inside the image (`local`, `tar`, `oci`,
 * `docker`, `inline`, `cacheonly`). A spec that names no type is buildx's `local` only when it
 * is a bare path, which the pack does not guess: it counts.
 */
function rawSpecLeaves(raw: unknown): boolean {
  if (typeof raw !== "string") {
    return raw !== undefined;
  }
  const type = /(?:^|,)\s*type\s*=\s*([a-z]+)/i.exec(raw)?.[1]?.toLowerCase();
  return !["local", "tar", "oci", "docker", "inline", "cacheonly"].includes(type ?? "");
}
