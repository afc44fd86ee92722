/**
 * The outputs the offline engine synthesises for a new resource: an ID a program passes on must
 * be the one the provider would report, or a reference built from it names nothing of the stack.
 */
import { defaultSubnetPrefix, previewState, synthesizeState } from "../../engine/synth";
import { unknownValue } from "../../engine/wire";

const virginia = { region: "us-east-1" };

function idOf(type: string, name: string, inputs: Record<string, unknown>): string {
  return synthesizeState({ type, name, inputs, providerProps: virginia }).id;
}

describe("resource IDs", () => {
  it.each([
    ["aws:rds/globalCluster:GlobalCluster", "globalClusterIdentifier"],
    ["aws:docdb/globalCluster:GlobalCluster", "globalClusterIdentifier"],
    ["aws:neptune/globalCluster:GlobalCluster", "globalClusterIdentifier"],
    ["aws:rds/cluster:Cluster", "clusterIdentifier"],
  ])("names a %s by its %s, as the provider does", (type, prop) => {
    expect(idOf(type, "orders", { [prop]: "orders-global" })).toBe("orders-global");
  });

  // The Terraform-bridged providers report `id` among the outputs; the pack tells a resource's
  // own ID from a literal one beside it by it. A Kubernetes object's outputs hold no `id`.
  it("reports an AWS or Alibaba Cloud resource's ID among its outputs, as the bridged providers do", () => {
    const state = (type: string) =>
      synthesizeState({ type, name: "calls", inputs: {}, providerProps: virginia });
    for (const type of ["aws:chime/voiceConnector:VoiceConnector", "alicloud:kms/key:Key"]) {
      const { id, state: outputs } = state(type);
      expect(outputs.id).toBe(id);
    }
    expect(state("kubernetes:core/v1:ConfigMap").state.id).toBeUndefined();
  });

  it("derives the ID from the resource's name when the identifier is left out or not known", () => {
    const derived = idOf("aws:rds/cluster:Cluster", "orders", {});
    expect(derived).toMatch(/^orders-[0-9a-f]{7}$/);
    expect(idOf("aws:rds/cluster:Cluster", "orders", { clusterIdentifier: "" })).toBe(derived);
    expect(idOf("aws:rds/cluster:Cluster", "orders", { clusterIdentifier: unknownValue })).toBe(
      derived,
    );
  });

  // Programs pass `queue.id` (or `.url`) wherever a queue URL is asked for: a dead-letter queue,
  // an IoT rule's error action. Found by checking the AWS provider's own examples.
  it("names an SQS queue by its URL, in the queue's region and account, its ARN by its name", () => {
    const queue = (inputs: Record<string, unknown>, providerProps = virginia) =>
      synthesizeState({ type: "aws:sqs/queue:Queue", name: "jobs", inputs, providerProps });
    const auto = queue({});
    expect(auto.id).toMatch(
      /^https:\/\/sqs\.us-east-1\.amazonaws\.com\/000000000000\/jobs-[0-9a-f]{7}$/,
    );
    expect(auto.state.url).toBe(auto.id);
    expect(auto.state.arn).toBe(`arn:aws:sqs:us-east-1:000000000000:${auto.state.name as string}`);
    expect(queue({ name: "orders", region: "us-west-2" }).id).toBe(
      "https://sqs.us-west-2.amazonaws.com/000000000000/orders",
    );
    expect(queue({ fifoQueue: true }).state.name).toMatch(/^jobs-[0-9a-f]{7}\.fifo$/);
    expect(queue({ name: "orders" }, { region: "cn-north-1" }).id).toBe(
      "https://sqs.cn-north-1.amazonaws.com.cn/000000000000/orders",
    );
    // A name not known before deployment leaves the URL and the ARN unknown, as a preview shows.
    const unnamed = queue({ name: unknownValue });
    expect([unnamed.id, unnamed.state.url, unnamed.state.arn]).toEqual([
      unknownValue,
      unknownValue,
      unknownValue,
    ]);
  });

  // `bucket.region` is what a data sync or a replication rule names as the destination's region.
  // Programs split these ARNs (`fn.arn.apply(a => a.split(":")[6])`) and tag images with the
  // repository's URL; found by running the guard on public programs.
  it("names functions, topics, log groups and repositories as the provider does, in their ARNs' own forms", () => {
    const state = (type: string, inputs: Record<string, unknown>) =>
      synthesizeState({ type, name: "orders", inputs, providerProps: virginia });
    const fn = state("aws:lambda/function:Function", { name: "orders-handler" });
    expect(fn.id).toBe("orders-handler");
    expect(fn.state.arn).toBe("arn:aws:lambda:us-east-1:000000000000:function:orders-handler");
    expect(fn.state.qualifiedArn).toBe(`${String(fn.state.arn)}:$LATEST`);
    expect(fn.state.invokeArn).toBe(
      `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${String(fn.state.arn)}/invocations`,
    );
    expect(state("aws:lambda/function:Function", {}).id).toMatch(/^orders-[0-9a-f]{7}$/);
    for (const functionName of ["orders-handler", String(fn.state.arn)]) {
      expect(state("aws:lambda/alias:Alias", { name: "live", functionName }).state.arn).toBe(
        "arn:aws:lambda:us-east-1:000000000000:function:orders-handler:live",
      );
    }
    const topic = state("aws:sns/topic:Topic", { name: "alerts" });
    expect([topic.id, topic.state.arn]).toEqual([
      "arn:aws:sns:us-east-1:000000000000:alerts",
      "arn:aws:sns:us-east-1:000000000000:alerts",
    ]);
    const logs = state("aws:cloudwatch/logGroup:LogGroup", { name: "/app/orders" });
    expect([logs.id, logs.state.arn]).toEqual([
      "/app/orders",
      "arn:aws:logs:us-east-1:000000000000:log-group:/app/orders",
    ]);
    const repo = state("aws:ecr/repository:Repository", { name: "orders" });
    expect([repo.id, repo.state.arn, repo.state.repositoryUrl]).toEqual([
      "orders",
      "arn:aws:ecr:us-east-1:000000000000:repository/orders",
      "000000000000.dkr.ecr.us-east-1.amazonaws.com/orders",
    ]);
  });

  it("writes the ARNs of services whose ARN names another service or form than their module", () => {
    const arn = (type: string) =>
      String(
        synthesizeState({ type, name: "orders", inputs: {}, providerProps: virginia }).state.arn,
      );
    expect(arn("aws:cloudwatch/eventRule:EventRule")).toMatch(
      /^arn:aws:events:us-east-1:000000000000:rule\//,
    );
    expect(arn("aws:cloudwatch/eventBus:EventBus")).toMatch(
      /^arn:aws:events:us-east-1:000000000000:event-bus\//,
    );
    expect(arn("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream")).toMatch(
      /^arn:aws:firehose:us-east-1:000000000000:deliverystream\//,
    );
    expect(arn("aws:sfn/stateMachine:StateMachine")).toMatch(
      /^arn:aws:states:us-east-1:000000000000:stateMachine:/,
    );
    expect(arn("aws:rds/instance:Instance")).toMatch(/^arn:aws:rds:us-east-1:000000000000:db:/);
    expect(arn("aws:rds/cluster:Cluster")).toMatch(/^arn:aws:rds:us-east-1:000000000000:cluster:/);
    expect(arn("aws:secretsmanager/secret:Secret")).toMatch(
      /^arn:aws:secretsmanager:us-east-1:000000000000:secret:/,
    );
    expect(arn("aws:cognito/userPool:UserPool")).toMatch(
      /^arn:aws:cognito-idp:us-east-1:000000000000:userpool\//,
    );
    expect(arn("aws:apigateway/restApi:RestApi")).toMatch(
      /^arn:aws:apigateway:us-east-1::\/restapis\//,
    );
    expect(arn("aws:backup/vault:Vault")).toMatch(
      /^arn:aws:backup:us-east-1:000000000000:backup-vault:/,
    );
    expect(arn("aws:backup/plan:Plan")).toMatch(
      /^arn:aws:backup:us-east-1:000000000000:backup-plan:/,
    );
    expect(arn("aws:cloudwatch/eventApiDestination:EventApiDestination")).toMatch(
      /^arn:aws:events:us-east-1:000000000000:api-destination\//,
    );
    expect(arn("aws:cloudwatch/eventConnection:EventConnection")).toMatch(
      /^arn:aws:events:us-east-1:000000000000:connection\//,
    );
    expect(arn("aws:codepipeline/pipeline:Pipeline")).toMatch(
      /^arn:aws:codepipeline:us-east-1:000000000000:orders-/,
    );
    expect(arn("aws:redshift/cluster:Cluster")).toMatch(
      /^arn:aws:redshift:us-east-1:000000000000:cluster:/,
    );
    expect(arn("aws:batch/jobQueue:JobQueue")).toMatch(
      /^arn:aws:batch:us-east-1:000000000000:job-queue\//,
    );
  });

  it("reports an AWS resource's region, its own else its provider's, where the type has one", () => {
    const state = (type: string, inputs: Record<string, unknown> = {}) =>
      synthesizeState({ type, name: "x", inputs, providerProps: virginia }).state;
    expect(state("aws:s3/bucket:Bucket").region).toBe("us-east-1");
    expect(state("aws:s3/bucket:Bucket", { region: "us-west-2" }).region).toBe("us-west-2");
    expect(state("aws:iam/role:Role").region).toBeUndefined();
    expect(
      synthesizeState({
        type: "aws:s3/bucket:Bucket",
        name: "x",
        inputs: {},
        providerProps: { region: unknownValue },
      }).state.region,
    ).toBe(unknownValue);
  });

  it("names a Redshift cluster's DNS name and endpoint in its region, as clients write them", () => {
    const state = synthesizeState({
      type: "aws:redshift/cluster:Cluster",
      name: "warehouse",
      inputs: { clusterIdentifier: "Warehouse" },
      providerProps: virginia,
    }).state;
    expect(state.dnsName).toMatch(/^warehouse\.[a-z0-9]+\.us-east-1\.redshift\.amazonaws\.com$/);
    expect(state.endpoint).toBe(`${String(state.dnsName)}:5439`);
  });

  it("places an Azure resource group given no location in its provider's, and keeps a given one", () => {
    const group = (inputs: Record<string, unknown>, providerProps: Record<string, unknown>) =>
      synthesizeState({
        type: "azure-native:resources:ResourceGroup",
        name: "rg",
        inputs,
        providerProps,
      }).state.location;
    expect(group({}, { location: "northeurope" })).toBe("northeurope");
    expect(group({ location: "westeurope" }, { location: "northeurope" })).toBe("westeurope");
    expect(group({}, {})).toBe(unknownValue);
  });

  // A snapshot copy's source and a multi-Region access point's routes name these outputs. Found
  // by checking the AWS provider's own examples.
  it("gives RDS snapshots their ARNs and S3 buckets their region, as the provider reports them", () => {
    const state = (type: string, inputs: Record<string, unknown>) =>
      synthesizeState({ type, name: "x", inputs, providerProps: virginia }).state;
    expect(
      state("aws:rds/snapshot:Snapshot", { dbSnapshotIdentifier: "nightly" }).dbSnapshotArn,
    ).toBe("arn:aws:rds:us-east-1:000000000000:snapshot:nightly");
    expect(
      state("aws:rds/clusterSnapshot:ClusterSnapshot", { dbClusterSnapshotIdentifier: "nightly" })
        .dbClusterSnapshotArn,
    ).toBe("arn:aws:rds:us-east-1:000000000000:cluster-snapshot:nightly");
    expect(
      state("aws:rds/snapshot:Snapshot", { dbSnapshotIdentifier: unknownValue }).dbSnapshotArn,
    ).toBe(unknownValue);
    expect(state("aws:s3/bucketV2:BucketV2", {}).bucketRegion).toBe("us-east-1");
    expect(state("aws:s3/bucket:Bucket", { region: "us-west-2" }).bucketRegion).toBe("us-west-2");
  });

  // An RDS instance's ID is its resource ID (db-…), not the identifier the program chose.
  // pulumi/examples' organizations program pins a provider to `account.id` and assumes a role
  // in it: the ID must read as an account, not as a name.
  it("gives an Organizations member account a twelve-digit ID, the same for the same account", () => {
    const account = (name: string) =>
      idOf("aws:organizations/account:Account", name, { email: "ops@example.com", name });
    expect(account("dev")).toMatch(/^\d{12}$/);
    expect(account("dev")).toBe(account("dev"));
    expect(account("prod")).not.toBe(account("dev"));
    expect(account("dev")).not.toBe("000000000000");
  });

  it("names a resource given a name by that name: its ID and ARN end in it", () => {
    const { id, state } = synthesizeState({
      type: "aws:cloudwatch/eventRule:EventRule",
      name: "nightly",
      inputs: { name: "orders-nightly" },
      providerProps: virginia,
    });
    expect([id, String(state.arn).split("/").at(-1)]).toEqual(["orders-nightly", "orders-nightly"]);
  });

  it("names a Kubernetes object as its provider does: <namespace>/<name>, a Namespace by its name", () => {
    const kube = (type: string, name: string, metadata: Record<string, unknown> = {}) => {
      const { id, state } = synthesizeState({
        type,
        name,
        inputs: { metadata },
        providerProps: {},
      });
      return [id, (state.metadata as { name: string }).name];
    };
    const [nsId, nsName] = kube("kubernetes:core/v1:Namespace", "apps");
    expect(nsId).toBe(nsName);
    expect(nsName).toMatch(/^apps-[0-9a-f]{8}$/);
    expect(
      kube("kubernetes:apps/v1:Deployment", "web", { namespace: "apps", name: "web" }),
    ).toEqual(["apps/web", "web"]);
  });

  it("draws one name per auto-named resource: its name, ID and ARN end alike", () => {
    // A rule's name passed to a target and its ARN to a permission name the same rule.
    for (const [type, name] of [
      ["aws:cloudwatch/eventRule:EventRule", "nightly"],
      ["aws:kinesis/stream:Stream", "clicks"],
      ["aws:dynamodb/table:Table", "orders"],
      ["aws:sfn/stateMachine:StateMachine", "flow"],
    ]) {
      const { id, state } = synthesizeState({ type, name, inputs: {}, providerProps: virginia });
      expect(state.name).toMatch(new RegExp(`^${name}-[0-9a-f]{7}$`));
      expect([id, String(state.arn).split(/[:/]/).at(-1)]).toEqual([state.name, state.name]);
    }
  });

  it("does not name other types by an identifier-like input", () => {
    expect(idOf("aws:rds/instance:Instance", "orders", { identifier: "orders-db" })).toMatch(
      /^orders-[0-9a-f]{7}$/,
    );
  });
});

// `aws.sqs.Queue.get("ext", "https://sqs.eu-west-1.amazonaws.com/…")`: a pipe, a subscription or
// an event target then sends to `ext.arn`. Found on public event-driven programs: the read
// queue, function and stream had been given ARNs in the stack's own region and account.
// An SNS subscription, a webhook or a client given the program's own API or function URL: found
// on public event-driven programs, where those URLs were unknown and failed closed.
// Found on the AWS provider's own examples: an S3 Access Grants instance's resource policy, written
// from its `accessGrantsInstanceArn`, was unknown offline and failed closed as public.
describe("an ARN a type reports under a name of its own", () => {
  const synth = (type: string, inputs: Record<string, unknown> = {}) =>
    synthesizeState({ type, name: "grants", inputs, providerProps: virginia }).state;

  it("is the resource's ARN, where the inventory names such an output", () => {
    const state = synth("aws:s3control/accessGrantsInstance:AccessGrantsInstance");
    expect(state.accessGrantsInstanceArn).toBe(state.arn);
    expect(state.arn).toMatch(/^arn:aws:s3control:us-east-1:000000000000:/);
    expect(synth("aws:workspacesweb/portal:Portal").portalArn).toBe(
      synth("aws:workspacesweb/portal:Portal").arn,
    );
  });

  // Found on the AWS provider's own examples: a GuardDuty invitation accepted from
  // `detector.accountId` failed closed as an administrator account not known at preview.
  it("reports the account a resource is created in under the output its type names it by", () => {
    const pinned = { region: "us-east-1", allowedAccountIds: ["210987654321"] };
    const inAccount = (type: string) =>
      synthesizeState({ type, name: "peer", inputs: {}, providerProps: pinned }).state;
    expect(inAccount("aws:ec2/vpc:Vpc").ownerId).toBe("210987654321");
    expect(inAccount("aws:guardduty/detector:Detector").accountId).toBe("210987654321");
    expect(inAccount("aws:securityhub/member:Member").masterId).toBe("210987654321");
    // An input of that name is the program's: a member's account is the member's.
    expect(
      synthesizeState({
        type: "aws:guardduty/member:Member",
        name: "peer",
        inputs: { accountId: "111122223333" },
        providerProps: pinned,
      }).state.accountId,
    ).toBe("111122223333");
  });

  it("is not made up for other types", () => {
    expect(synth("aws:s3/bucketV2:BucketV2").bucketV2Arn).toBeUndefined();
    // Alibaba Cloud's own-ARN outputs (a function's `functionArn`) are not synthesised.
    expect(synth("alicloud:fc/function:Function").functionArn).toBeUndefined();
  });
});

describe("the URLs of APIs and function URLs", () => {
  const state = (type: string, inputs: Record<string, unknown>, region = "eu-central-1") =>
    synthesizeState({ type, name: "hooks", inputs, providerProps: { region } }).state;

  it("puts an HTTP or WebSocket API, a REST API's stage and a function URL on their regional hosts", () => {
    expect(state("aws:apigatewayv2/api:Api", { protocolType: "HTTP" }).apiEndpoint).toMatch(
      /^https:\/\/[0-9a-f]{10}\.execute-api\.eu-central-1\.amazonaws\.com$/,
    );
    expect(state("aws:apigatewayv2/api:Api", { protocolType: "WEBSOCKET" }).apiEndpoint).toMatch(
      /^wss:\/\/[0-9a-f]{10}\.execute-api\.eu-central-1\.amazonaws\.com$/,
    );
    expect(
      state("aws:apigateway/stage:Stage", { restApi: "a1b2c3", stageName: "prod" }, "cn-north-1")
        .invokeUrl,
    ).toBe("https://a1b2c3.execute-api.cn-north-1.amazonaws.com.cn/prod");
    const url = state("aws:lambda/functionUrl:FunctionUrl", { functionName: "hooks" });
    expect(url.functionUrl).toBe(`https://${url.urlId as string}.lambda-url.eu-central-1.on.aws/`);
  });

  // Found on the AWS provider's own examples: a REST API's resource policy allowing
  // `${api.executionArn}/*` from one address was unknown offline, and failed closed as public.
  it("gives APIs and their stages the execution ARN permissions and resource policies name", () => {
    for (const type of ["aws:apigateway/restApi:RestApi", "aws:apigatewayv2/api:Api"]) {
      const { id, state: outputs } = synthesizeState({
        type,
        name: "hooks",
        inputs: { name: "hooks-api" },
        providerProps: { region: "cn-north-1" },
      });
      expect(outputs.executionArn).toBe(`arn:aws-cn:execute-api:cn-north-1:000000000000:${id}`);
    }
    expect(
      state("aws:apigateway/stage:Stage", { restApi: "a1b2c3", stageName: "prod" }).executionArn,
    ).toBe("arn:aws:execute-api:eu-central-1:000000000000:a1b2c3/prod");
    expect(
      state("aws:apigatewayv2/stage:Stage", { apiId: "a1b2c3", name: "$default" }).executionArn,
    ).toBe("arn:aws:execute-api:eu-central-1:000000000000:a1b2c3/$default");
    expect(
      state("aws:apigatewayv2/stage:Stage", { apiId: unknownValue, name: "prod" }).executionArn,
    ).toBe(unknownValue);
  });

  it("leaves a stage's URL unknown while its API is", () => {
    expect(
      state("aws:apigateway/stage:Stage", { restApi: unknownValue, stageName: "prod" }).invokeUrl,
    ).toBe(unknownValue);
  });
});

// Found on the AWS provider's own examples, whose providers take their region from config: run
// with a stand-in value, every role a function named read `arn:aws:iam::…` in a stack of China.
describe("a region the catalog does not know", () => {
  const synth = (type: string, region: string) =>
    synthesizeState({ type, name: "orders", inputs: {}, providerProps: { region } }).state;

  it.each([
    ["a stand-in", "aws", "stand-in-value"],
    ["an Alibaba Cloud region on an AWS provider", "aws", "cn-shanghai"],
    ["an AWS region on an Alibaba Cloud provider", "alicloud", "cn-north-1"],
  ])("leaves what it would build from %s unknown", (_what, cloud, region) => {
    if (cloud === "aws") {
      const role = synth("aws:iam/role:Role", region);
      const bucket = synth("aws:s3/bucket:Bucket", region);
      expect([role.arn, bucket.region, bucket.bucketRegionalDomainName]).toEqual([
        unknownValue,
        unknownValue,
        unknownValue,
      ]);
    } else {
      expect(synth("alicloud:oss/bucket:Bucket", region).extranetEndpoint).toBeUndefined();
    }
  });

  it("builds them from a region it knows, in the region's partition", () => {
    expect(synth("aws:iam/role:Role", "cn-northwest-1").arn).toMatch(/^arn:aws-cn:iam::/);
    expect(synth("alicloud:oss/bucket:Bucket", "cn-shanghai").extranetEndpoint).toBe(
      "oss-cn-shanghai.aliyuncs.com",
    );
  });
});

describe("existing resources a program reads or imports by ID", () => {
  const existing = (type: string, existingId: string, inputs: Record<string, unknown> = {}) =>
    synthesizeState({ type, name: "ext", inputs, providerProps: virginia, existingId });

  it("are where an ARN ID says: their ARN is the ID, their region and account its own", () => {
    const fn = existing(
      "aws:lambda/function:Function",
      "arn:aws:lambda:eu-west-1:999988887777:function:enrich",
    );
    expect(fn.id).toBe("arn:aws:lambda:eu-west-1:999988887777:function:enrich");
    expect(fn.state.arn).toBe("arn:aws:lambda:eu-west-1:999988887777:function:enrich");
    expect(fn.state.invokeArn).toMatch(/^arn:aws:apigateway:eu-west-1:lambda:path\//);
    expect(fn.state.region).toBe("eu-west-1");
    const stream = existing(
      "aws:kinesis/stream:Stream",
      "arn:aws:kinesis:eu-west-1:999988887777:stream/clicks",
    );
    expect(stream.state.arn).toBe("arn:aws:kinesis:eu-west-1:999988887777:stream/clicks");
  });

  it("are where a queue's URL says: in its region and account, named by its last part", () => {
    const queue = existing(
      "aws:sqs/queue:Queue",
      "https://sqs.eu-west-1.amazonaws.com/999988887777/orders",
    );
    expect(queue.id).toBe("https://sqs.eu-west-1.amazonaws.com/999988887777/orders");
    expect(queue.state.name).toBe("orders");
    expect(queue.state.arn).toBe("arn:aws:sqs:eu-west-1:999988887777:orders");
    // SQS's legacy host, the region first.
    expect(
      existing("aws:sqs/queue:Queue", "https://eu-west-1.queue.amazonaws.com/999988887777/orders")
        .state.arn,
    ).toBe("arn:aws:sqs:eu-west-1:999988887777:orders");
  });

  it("are in the provider's region (or their own region setting) when the ID is a plain name", () => {
    const fn = existing("aws:lambda/function:Function", "enrich");
    expect(fn.id).toBe("enrich");
    expect(fn.state.name).toBe("enrich");
    expect(fn.state.arn).toBe("arn:aws:lambda:us-east-1:000000000000:function:enrich");
    expect(
      existing("aws:lambda/function:Function", "enrich", { region: "us-west-2" }).state.arn,
    ).toBe("arn:aws:lambda:us-west-2:000000000000:function:enrich");
  });
});

describe("the account of a synthesised ARN", () => {
  const arnOf = (providerProps: Record<string, unknown>, stackAccount?: string) =>
    synthesizeState({
      type: "aws:iam/role:Role",
      name: "reader",
      inputs: {},
      providerProps,
      stackAccount,
    }).state.arn;

  it("is the first account the provider pins", () => {
    expect(arnOf({ ...virginia, allowedAccountIds: ["111122223333"] }, "444455556666")).toMatch(
      /^arn:aws:iam::111122223333:role\//,
    );
    expect(arnOf({ ...virginia, allowedAccountIds: '["111122223333"]' })).toMatch(
      /^arn:aws:iam::111122223333:role\//,
    );
  });

  // Otherwise a grant to the program's own role would read as a grant to another account.
  it("is the account the stack declares when the provider pins none", () => {
    expect(arnOf(virginia, "444455556666")).toMatch(/^arn:aws:iam::444455556666:role\//);
  });

  it("names no region for IAM and CloudFront, no account for Route 53, and an OIDC provider by its issuer", () => {
    const synth = (type: string, inputs: Record<string, unknown> = {}) =>
      synthesizeState({ type, name: "x", inputs, providerProps: virginia }).state.arn;
    expect(synth("aws:cloudfront/distribution:Distribution")).toMatch(
      /^arn:aws:cloudfront::000000000000:distribution\//,
    );
    expect(synth("aws:route53/zone:Zone")).toMatch(/^arn:aws:route53:::hostedzone\//);
    expect(synth("aws:iam/instanceProfile:InstanceProfile")).toMatch(
      /^arn:aws:iam::000000000000:instance-profile\//,
    );
    expect(
      synth("aws:iam/openIdConnectProvider:OpenIdConnectProvider", {
        url: "https://token.actions.githubusercontent.com",
      }),
    ).toBe("arn:aws:iam::000000000000:oidc-provider/token.actions.githubusercontent.com");
    expect(synth("aws:sqs/queue:Queue")).toMatch(
      /^arn:aws:sqs:us-east-1:000000000000:x-[0-9a-f]{7}$/,
    );
  });

  it("is the placeholder account when neither says", () => {
    expect(arnOf(virginia)).toMatch(/^arn:aws:iam::000000000000:role\//);
  });
});

// A password of the random provider inside an ECS task's container definitions left the whole
// document unknown, and the task failed closed (pulumi/examples' WordPress on Fargate).
describe("values of the random provider", () => {
  const random = (kind: string, name: string, inputs: Record<string, unknown>) =>
    synthesizeState({ type: `random:index/${kind}`, name, inputs, providerProps: {} });

  it("draws a password or string of the length asked, the same for the same resource", () => {
    const password = random("randomPassword:RandomPassword", "db", { length: 24 });
    expect(password.state.result).toMatch(/^[0-9a-f]{24}$/);
    expect(password.state.bcryptHash).toMatch(/^\$2a\$10\$/);
    expect(random("randomPassword:RandomPassword", "db", { length: 24 }).state.result).toBe(
      password.state.result,
    );
    expect(random("randomPassword:RandomPassword", "cache", { length: 24 }).state.result).not.toBe(
      password.state.result,
    );
    const suffix = random("randomString:RandomString", "suffix", { length: 6, special: false });
    expect(suffix.state.result).toMatch(/^[0-9a-f]{6}$/);
    expect(suffix.id).toBe(suffix.state.result);
  });

  it("gives an ID of its bytes in every encoding, with its prefix, and a pet name of its words", () => {
    const idOfBytes = random("randomId:RandomId", "server", { byteLength: 8, prefix: "web-" });
    expect(idOfBytes.state.hex).toMatch(/^web-[0-9a-f]{16}$/);
    const hex = String(idOfBytes.state.hex).slice(4);
    expect(idOfBytes.id).toBe(Buffer.from(hex, "hex").toString("base64url"));
    expect(idOfBytes.state.b64Std).toBe(`web-${Buffer.from(hex, "hex").toString("base64")}`);
    expect(idOfBytes.state.dec).toBe(`web-${BigInt(`0x${hex}`).toString()}`);
    const pet = random("randomPet:RandomPet", "bucket", { length: 3, separator: ".", prefix: "t" });
    expect(pet.id).toMatch(/^t\.[a-p]{6}\.[a-p]{6}\.[a-p]{6}$/);
    expect(random("randomUuid:RandomUuid", "run", {}).state.result).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("leaves an integer or a shuffle unknown: either can pick a region from a list", () => {
    expect(random("randomInteger:RandomInteger", "pick", { min: 0, max: 2 }).state).toEqual({
      min: 0,
      max: 2,
    });
    const regions = ["us-west-2", "eu-west-1"];
    expect(
      random("randomShuffle:RandomShuffle", "pick", { inputs: regions, resultCount: 1 }).state,
    ).toEqual({ inputs: regions, resultCount: 1 });
  });
});

// What a build reports after pushing an image, which programs hand to the workloads that run it
// (`image.repoDigest` in an ECS task's container definitions): the digest under the repository
// the program named, so that the registry it is pulled from is judged.
describe("the digests of images a build pushes", () => {
  const image = (type: string, name: string, inputs: Record<string, unknown>) =>
    synthesizeState({ type, name, inputs, providerProps: {} }).state;
  const ecr = "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app";
  const digest = /^sha256:[0-9a-f]{64}$/;

  it("reports a docker.Image's digest under the repository it was pushed to", () => {
    const pushed = image("docker:index/image:Image", "app", { imageName: `${ecr}:v1` });
    expect(String(pushed.repoDigest).split("@")[0]).toBe(ecr);
    expect(String(pushed.repoDigest).split("@")[1]).toMatch(digest);
    expect(pushed.registryServer).toBe("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn");
    expect(pushed.baseImageName).toBe(`${ecr}:v1`);
    // A registry on a port keeps its port; a tagless one, its name; Docker Hub's, no host.
    const onPort = image("docker:index/image:Image", "app", {
      imageName: "registry.local:5000/app",
    });
    expect(String(onPort.repoDigest).split("@")[0]).toBe("registry.local:5000/app");
    expect(onPort.registryServer).toBe("registry.local:5000");
    expect(
      image("docker:index/image:Image", "app", { imageName: "team/app:v1" }).registryServer,
    ).toBe("docker.io");
    // The registry the program signs in to is the one it names.
    expect(
      image("docker:index/image:Image", "app", {
        imageName: `${ecr}:v1`,
        registry: { server: "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn" },
      }).registryServer,
    ).toBe("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn");
  });

  it("names a local docker.Image by its image ID, and leaves one of an unknown name unknown", () => {
    expect(
      image("docker:index/image:Image", "app", { imageName: `${ecr}:v1`, skipPush: true })
        .repoDigest,
    ).toMatch(digest);
    const unknown = image("docker:index/image:Image", "app", { imageName: unknownValue });
    expect(unknown.repoDigest).toBe(unknownValue);
    expect(unknown.registryServer).toBe(unknownValue);
  });

  it("reports a docker-build image's ref: its first tag with the digest when pushed, else the tag", () => {
    const pushed = image("docker-build:index:Image", "app", { push: true, tags: [`${ecr}:v1`] });
    expect(pushed.digest).toMatch(digest);
    expect(pushed.ref).toBe(`${ecr}:v1@${String(pushed.digest)}`);
    const exported = image("docker-build:index:Image", "app", {
      push: false,
      tags: [`${ecr}:v1`],
      exports: [{ registry: { oci: true } }],
    });
    expect(exported.ref).toBe(`${ecr}:v1@${String(exported.digest)}`);
    const built = image("docker-build:index:Image", "app", { push: false, tags: [`${ecr}:v1`] });
    expect(built).toMatchObject({ digest: "", ref: `${ecr}:v1` });
    expect(image("docker-build:index:Image", "app", { push: false }).ref).toBe("");
    expect(image("docker-build:index:Image", "app", { push: true, tags: [unknownValue] }).ref).toBe(
      unknownValue,
    );
  });

  it("reports a RegistryImage's digest, and every digest the same for the same resource", () => {
    const one = image("docker:index/registryImage:RegistryImage", "app", { name: `${ecr}:v1` });
    expect(one.sha256Digest).toMatch(digest);
    expect(
      image("docker:index/registryImage:RegistryImage", "app", { name: `${ecr}:v1` }).sha256Digest,
    ).toBe(one.sha256Digest);
    expect(
      image("docker:index/registryImage:RegistryImage", "web", { name: `${ecr}:v1` }).sha256Digest,
    ).not.toBe(one.sha256Digest);
  });

  it("leaves them unknown on a first preview, when nothing is built yet", () => {
    const args = {
      type: "docker-build:index:Image",
      name: "app",
      inputs: { push: true, tags: [`${ecr}:v1`] },
      providerProps: {},
    };
    const preview = previewState(args, synthesizeState(args)).state;
    expect(preview.ref).toBe(unknownValue);
    expect(preview.digest).toBe(unknownValue);
  });
});

// Objects placed in a namespace by `ns.metadata.name` are in it by name at preview, where the
// Kubernetes provider has already named an unnamed namespace (pulumi-eks's examples).
describe("names of Kubernetes objects", () => {
  const k8s = (type: string, inputs: Record<string, unknown>) =>
    synthesizeState({ type, name: "apps", inputs, providerProps: {} }).state.metadata;

  it("names an object the program leaves unnamed as the provider does, <name>-<8 characters>", () => {
    const named = k8s("kubernetes:core/v1:Namespace", {}) as { name: string };
    expect(named.name).toMatch(/^apps-[0-9a-f]{8}$/);
    expect(k8s("kubernetes:apps/v1:Deployment", { metadata: { labels: { app: "x" } } })).toEqual({
      labels: { app: "x" },
      name: expect.stringMatching(/^apps-[0-9a-f]{8}$/),
    });
  });

  it("keeps a given name, leaves one the cluster generates unknown, and names no chart or release", () => {
    expect(k8s("kubernetes:core/v1:Namespace", { metadata: { name: "orders" } })).toEqual({
      name: "orders",
    });
    expect(k8s("kubernetes:core/v1:Pod", { metadata: { generateName: "job-" } })).toEqual({
      generateName: "job-",
    });
    expect(k8s("kubernetes:helm.sh/v3:Release", { chart: "nginx" })).toBeUndefined();
    expect(k8s("kubernetes:yaml/v2:ConfigGroup", {})).toBeUndefined();
  });
});

describe("a first preview (previewState)", () => {
  test("keeps the inputs, the auto-name and the region the provider fills in, and nothing else", () => {
    const args = {
      type: "aws:ecr/repository:Repository",
      name: "app",
      inputs: { imageTagMutability: "IMMUTABLE" },
      providerProps: { region: "us-west-2" },
    };
    const made = synthesizeState(args);
    const { id, state } = previewState(args, made);
    // An empty ID is one the create will assign.
    expect(id).toBe("");
    expect(state.imageTagMutability).toBe("IMMUTABLE");
    expect(state.name).toBe(made.state.name);
    expect(state.region).toBe("us-west-2");
    // What the cloud assigns on create is not known.
    for (const key of ["arn", "registryId", "repositoryUrl"]) {
      expect(made.state[key]).toEqual(expect.any(String));
      expect(state[key]).toBe(unknownValue);
    }
  });

  test("a random value is not known before the deployment draws it", () => {
    const args = {
      type: "random:index/randomPassword:RandomPassword",
      name: "db",
      inputs: { length: 24 },
      providerProps: {},
    };
    const { state } = previewState(args, synthesizeState(args));
    expect(state.length).toBe(24);
    expect(state.result).toBe(unknownValue);
  });
});

describe("private addresses", () => {
  /** A created subnet of block `cidrBlock`, found by its ID `subnet-app`. */
  const created = (cidrBlock: unknown) => (type: string, id: string) =>
    type === "aws:ec2/subnet:Subnet" && id === "subnet-app"
      ? { outputs: { cidrBlock } }
      : undefined;
  const state = (
    type: string,
    inputs: Record<string, unknown>,
    cidrBlock: unknown = "10.0.1.0/24",
  ) =>
    synthesizeState({
      type,
      name: "bastion",
      inputs,
      providerProps: virginia,
      created: created(cidrBlock),
    }).state;
  const instance = "aws:ec2/instance:Instance";
  const eni = "aws:ec2/networkInterface:NetworkInterface";
  const octets = (ip: unknown) => String(ip).split(".").map(Number);

  it("gives an instance and a network interface an address of their subnet's block, not one AWS reserves", () => {
    for (const type of [instance, eni]) {
      const [a, b, c, d] = octets(state(type, { subnetId: "subnet-app" }).privateIp);
      expect([a, b, c]).toEqual([10, 0, 1]);
      expect(d).toBeGreaterThanOrEqual(4);
      expect(d).toBeLessThanOrEqual(254);
    }
    const probe = state(eni, { subnetId: "subnet-app" });
    expect(probe.privateIps).toEqual([probe.privateIp]);
    expect(state(instance, { subnetId: "subnet-app" }).privateIp).toBe(
      state(instance, { subnetId: "subnet-app" }).privateIp,
    );
  });

  it("gives an instance with no subnet an address of the default VPC", () => {
    const [a, b] = octets(state(instance, {}).privateIp);
    expect([a, b]).toEqual([172, 31]);
  });

  // Found on a public program's pattern: a bastion in a default subnet a lookup found
  // (`getSubnets` of the default VPC) admitted by a database's security group as
  // `${bastion.privateIp}/32` failed public-exposure, the address unknown offline.
  it("gives an instance in a default subnet a lookup answered an address of that subnet's block", () => {
    const [a, b, c] = octets(
      state(instance, { subnetId: `${defaultSubnetPrefix}us-east-1b` }).privateIp,
    );
    expect([a, b]).toEqual([172, 31]);
    expect(c).toBeGreaterThanOrEqual(16);
    expect(c).toBeLessThan(32);
    expect(state(eni, { subnetId: `${defaultSubnetPrefix}us-east-1a` }).privateIp).toMatch(
      /^172\.31\.([0-9]|1[0-5])\./,
    );
    // A zone of no region the catalog knows names no block.
    expect(
      state(instance, { subnetId: `${defaultSubnetPrefix}xx-nowhere-9z` }).privateIp,
    ).toBeUndefined();
  });

  // Red team 85 (s05): an instance in eu-west-1's default subnet, created through an eu-west-1
  // provider of a us-west-2 stack, was given an address of 172.31.0.0/16, which every region's
  // default VPC shares: a us-west-2 instance's copy to it read as one to a private address, and
  // passed. Its address stays unknown, its mark placed where the instance is.
  it("leaves the address of an instance in a default VPC of another region than the stack's unknown", () => {
    const at = (providerProps: Record<string, unknown>, inputs: Record<string, unknown>) =>
      synthesizeState({
        type: instance,
        name: "remote",
        inputs,
        providerProps,
        stackRegion: "us-west-2",
      }).state.privateIp;
    const ireland = { region: "eu-west-1" };
    const oregon = { region: "us-west-2" };
    expect(at(ireland, { subnetId: `${defaultSubnetPrefix}eu-west-1a` })).toBeUndefined();
    expect(at(ireland, {})).toBeUndefined();
    // The resource's own region (v7) places it too.
    expect(at(oregon, { region: "eu-west-1" })).toBeUndefined();
    // Twins in the stack's region keep theirs.
    expect(at(oregon, { subnetId: `${defaultSubnetPrefix}us-west-2a` })).toMatch(/^172\.31\./);
    expect(at(oregon, {})).toMatch(/^172\.31\./);
    expect(at(oregon, { region: "us-west-2" })).toMatch(/^172\.31\./);
  });

  it("keeps the address the program sets", () => {
    expect(state(instance, { subnetId: "subnet-app", privateIp: "10.0.1.9" }).privateIp).toBe(
      "10.0.1.9",
    );
  });

  it.each([
    ["a subnet the program does not create", { subnetId: "subnet-elsewhere" }, "10.0.1.0/24"],
    ["a subnet ID not known before deployment", { subnetId: unknownValue }, "10.0.1.0/24"],
    ["a subnet numbered in public space", { subnetId: "subnet-app" }, "172.32.1.0/24"],
    ["a subnet whose block is not known", { subnetId: "subnet-app" }, unknownValue],
    ["a launch template's network", { launchTemplate: { id: "lt-1" } }, "10.0.1.0/24"],
    [
      "a network interface it attaches",
      { networkInterfaces: [{ networkInterfaceId: "eni-1", deviceIndex: 0 }] },
      "10.0.1.0/24",
    ],
  ])("leaves an instance's address unknown in %s", (_, inputs, block) => {
    expect(state(instance, inputs, block).privateIp).toBeUndefined();
  });
});
