/**
 * A delivery by ARN to a resource of another account in a region inside — a dead-letter queue,
 * a bucket's event queue, a metric stream's Firehose, a table's Kinesis stream, a function's
 * invocation records — fails: the other account's holder can send what it receives anywhere.
 * The accounts the provider pins are the stack's own; what the resource reads from (a source)
 * or acts as (a role) is no delivery.
 */
import { on, runNamed } from "../helpers/model-oracle";

const us = { jurisdiction: "US" };
const own = "111122223333";
const other = "999988887777";
const usw = on("usw");
const pinned = {
  type: "pulumi:providers:aws",
  name: "usw",
  props: { region: "us-west-2", allowedAccountIds: [own] },
};
const unpinned = { ...pinned, props: { region: "us-west-2" } };

/** Resources delivering to resources of account `owner` in the stack's region. */
const deliveries = (owner: string) => [
  usw("aws:sqs/queue:Queue", "orders", {
    redrivePolicy: JSON.stringify({
      deadLetterTargetArn: `arn:aws:sqs:us-west-2:${owner}:orders-dlq`,
      maxReceiveCount: 3,
    }),
  }),
  usw("aws:s3/bucketNotification:BucketNotification", "objects", {
    bucket: "sdc-orders",
    queues: [
      { queueArn: `arn:aws:sqs:us-west-2:${owner}:objects`, events: ["s3:ObjectCreated:*"] },
    ],
  }),
  usw("aws:cloudwatch/metricStream:MetricStream", "metrics", {
    firehoseArn: `arn:aws:firehose:us-west-2:${owner}:deliverystream/metrics`,
    roleArn: `arn:aws:iam::${own}:role/metric-stream`,
    outputFormat: "json",
  }),
  usw("aws:dynamodb/kinesisStreamingDestination:KinesisStreamingDestination", "changes", {
    tableName: "orders",
    streamArn: `arn:aws:kinesis:us-west-2:${owner}:stream/changes`,
  }),
  usw("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", "invocations", {
    functionName: "orders",
    destinationConfig: { onFailure: { destination: `arn:aws:sqs:us-west-2:${owner}:failures` } },
  }),
];

/** The findings of the policies that judge deliveries, with each path's far end. */
const deliveryFindings = (findings: ReturnType<typeof runNamed>) =>
  findings
    .filter(([policy]) => policy === "arn-locality" || policy === "log-shipping")
    .map(([policy, name, level, path]) => [policy, name, level, (path as string[]).at(-1)]);

test("a delivery to a queue, stream or delivery stream of another account in the stack's region fails", () => {
  const place = `account ${other} (not this stack's account ${own})`;
  expect(deliveryFindings(runNamed([pinned, ...deliveries(other)], us))).toEqual([
    ["arn-locality", "changes", "mandatory", place],
    ["arn-locality", "metrics", "mandatory", place],
    ["arn-locality", "objects", "mandatory", place],
    ["arn-locality", "orders", "mandatory", place],
    ["log-shipping", "invocations", "mandatory", place],
  ]);
});

test("twin: the stack's own account, a source and a role of another account, or an unpinned provider under the Pulumi CLI, pass", () => {
  expect(deliveryFindings(runNamed([pinned, ...deliveries(own)], us))).toEqual([]);
  expect(
    runNamed(
      [
        pinned,
        usw("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "intake", {
          destination: "extended_s3",
          kinesisSourceConfiguration: {
            kinesisStreamArn: `arn:aws:kinesis:us-west-2:${other}:stream/partner-events`,
            roleArn: `arn:aws:iam::${other}:role/partner-read`,
          },
          extendedS3Configuration: {
            bucketArn: "arn:aws:s3:::sdc-intake",
            roleArn: `arn:aws:iam::${own}:role/firehose`,
          },
        }),
      ],
      us,
    ).filter(([policy]) => policy === "arn-locality"),
  ).toEqual([]);
  // Under the Pulumi CLI no stand-in is set: with no account pinned or declared, whose account
  // the ARN names cannot be told from the stack's own.
  expect(
    runNamed([unpinned, ...deliveries(other)], us).filter(
      ([policy]) => policy === "arn-locality" || policy === "log-shipping",
    ),
  ).toEqual([]);
});

// Silent above, such a delivery is advised on: declaring the account lets the pack judge it.
test("under the Pulumi CLI, a delivery whose account cannot be told from the stack's own is advised on; pinned, it is judged instead", () => {
  const advised = (provider: typeof pinned | typeof unpinned) =>
    runNamed([provider, ...deliveries(other)], us)
      .filter(([policy]) => policy === "cross-account-links")
      .map(([, name, , path]) => [name, (path as string[]).at(-1)]);
  // cross-account-links is advisory (its enforcement level; the oracle reports every policy at
  // the pack's default).
  const place = `account ${other} (cannot be told from the stack's own)`;
  expect(advised(unpinned)).toEqual([
    ["changes", place],
    ["invocations", place],
    ["metrics", place],
    ["objects", place],
    ["orders", place],
  ]);
  expect(advised(pinned)).toEqual([]);
  // A tag only mentions an ARN, whatever its key.
  expect(
    runNamed(
      [
        unpinned,
        usw("aws:sqs/queue:Queue", "tagged", {
          tags: { queueArn: `arn:aws:sqs:us-west-2:${other}:elsewhere` },
        }),
      ],
      us,
    ).filter(([policy]) => policy === "cross-account-links"),
  ).toEqual([]);
});

// The bench rerun's probes: a consumer reads its stream and Chatbot subscribes to its topics (no
// delivery), and a log subscription's destination of another account is its row's finding
// (no-path-out-of-jurisdiction draws it to that account): arn-locality adds none.
test("twin: what a resource reads from, and a delivery its row judges, are no arn-locality finding", () => {
  expect(
    runNamed(
      [
        pinned,
        usw("aws:kinesis/streamConsumer:StreamConsumer", "reader", {
          name: "reader",
          streamArn: `arn:aws:kinesis:us-west-2:${other}:stream/partner-events`,
        }),
        usw("aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration", "alerts", {
          configurationName: "alerts",
          iamRoleArn: `arn:aws:iam::${own}:role/chatbot`,
          slackChannelId: "C0123456789",
          slackTeamId: "T0123456789",
          snsTopicArns: [`arn:aws:sns:us-west-2:${other}:partner-alarms`],
        }),
        usw("aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter", "vendor", {
          logGroup: "app",
          filterPattern: "",
          destinationArn: `arn:aws:logs:us-west-2:${other}:destination:vendor-intake`,
        }),
      ],
      us,
    ).filter(([policy]) => policy === "arn-locality"),
  ).toEqual([]);
});

// Found on the identity and messaging bench: functions a user pool hands its sign-ups, messages
// and tokens to, a contact center's function and a mail rule's function are deliveries too; so is
// the search domain a VPC endpoint lets the program's clients write to (the databases bench).
const handlers = (owner: string) => [
  usw("aws:cognito/userPool:UserPool", "users", {
    lambdaConfig: {
      // The key the custom senders decrypt with is no delivery, whoever owns it.
      kmsKeyId: `arn:aws:kms:us-west-2:${other}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      customEmailSender: {
        lambdaArn: `arn:aws:lambda:us-west-2:${owner}:function:mailer`,
        lambdaVersion: "V1_0",
      },
      postConfirmation: `arn:aws:lambda:us-west-2:${owner}:function:welcome`,
    },
  }),
  usw("aws:connect/lambdaFunctionAssociation:LambdaFunctionAssociation", "lookup", {
    instanceId: "aaaaaaaa-bbbb-cccc-dddd-111111111111",
    functionArn: `arn:aws:lambda:us-west-2:${owner}:function:lookup`,
  }),
  usw("aws:ses/receiptRule:ReceiptRule", "inbound-mail", {
    ruleSetName: "inbound",
    name: "inbound-mail",
    enabled: true,
    lambdaActions: [
      { functionArn: `arn:aws:lambda:us-west-2:${owner}:function:mail`, position: 1 },
    ],
  }),
  // Found on the databases bench: the program's clients index into the domain through it.
  usw("aws:opensearch/vpcEndpoint:VpcEndpoint", "search", {
    domainArn: `arn:aws:es:us-west-2:${owner}:domain/search`,
    vpcOptions: { subnetIds: ["subnet-records"] },
  }),
];

test("a user pool's triggers, a contact center's or mail rule's function and a search endpoint's domain of another account fail", () => {
  const accountFindings = (owner: string) =>
    deliveryFindings(runNamed([pinned, ...handlers(owner)], us)).filter(
      ([policy]) => policy === "arn-locality",
    );
  const place = `account ${other} (not this stack's account ${own})`;
  expect(accountFindings(other)).toEqual([
    ["arn-locality", "inbound-mail", "mandatory", place],
    ["arn-locality", "lookup", "mandatory", place],
    ["arn-locality", "search", "mandatory", place],
    ["arn-locality", "users", "mandatory", place],
    ["arn-locality", "users", "mandatory", place],
  ]);
  // Twin: the stack's own functions (the key of another account is no delivery).
  expect(accountFindings(own)).toEqual([]);
});

// Found by the media bench: a call-analytics pipeline's sinks (live transcripts), a game session
// queue's notification topic (every placement) and a contact flow's function (the caller's
// attributes) were checked for their region but not their account.
test("call-analytics sinks, a queue's notification topic and a contact flow's function of another account fail", () => {
  const media = (owner: string) => [
    usw(
      "aws:chimesdkmediapipelines/mediaInsightsPipelineConfiguration:MediaInsightsPipelineConfiguration",
      "insights",
      {
        name: "insights",
        resourceAccessRoleArn: `arn:aws:iam::${own}:role/insights`,
        elements: [
          {
            type: "KinesisDataStreamSink",
            kinesisDataStreamSinkConfiguration: {
              insightsTarget: `arn:aws:kinesis:us-west-2:${owner}:stream/transcripts`,
            },
          },
          {
            type: "SnsTopicSink",
            snsTopicSinkConfiguration: {
              insightsTarget: `arn:aws:sns:us-west-2:${owner}:call-alerts`,
            },
          },
        ],
      },
    ),
    usw("aws:gamelift/gameSessionQueue:GameSessionQueue", "matches", {
      name: "matches",
      notificationTarget: `arn:aws:sns:us-west-2:${owner}:placements`,
    }),
    usw("aws:connect/contactFlow:ContactFlow", "lookup", {
      instanceId: "cc",
      name: "lookup",
      type: "CONTACT_FLOW",
      content: JSON.stringify({
        Version: "2019-10-30",
        StartAction: "a1",
        Actions: [
          {
            Identifier: "a1",
            Type: "InvokeLambdaFunction",
            Parameters: {
              LambdaFunctionARN: `arn:aws:lambda:us-west-2:${owner}:function:lookup-caller`,
            },
            Transitions: {},
          },
        ],
      }),
    }),
  ];
  const accountFindings = (owner: string) =>
    deliveryFindings(runNamed([pinned, ...media(owner)], us)).filter(
      ([policy]) => policy === "arn-locality",
    );
  const place = `account ${other} (not this stack's account ${own})`;
  expect(accountFindings(other)).toEqual([
    ["arn-locality", "insights", "mandatory", place],
    ["arn-locality", "insights", "mandatory", place],
    ["arn-locality", "lookup", "mandatory", place],
    ["arn-locality", "matches", "mandatory", place],
  ]);
  // Twin: the stack's own stream, topics and function.
  expect(accountFindings(own)).toEqual([]);
});

// An alarm's actions notify a topic (its state, metric and dimensions): another account's is a
// delivery; an EC2 action (`arn:aws:automate:…:ec2:stop`) names no account.
test("an alarm that notifies another account's topic fails; its own topic and an EC2 action pass", () => {
  const alarm = (topicOwner: string) =>
    usw("aws:cloudwatch/metricAlarm:MetricAlarm", "cpu", {
      comparisonOperator: "GreaterThanThreshold",
      evaluationPeriods: 1,
      metricName: "CPUUtilization",
      namespace: "AWS/EC2",
      period: 60,
      statistic: "Average",
      threshold: 90,
      alarmActions: [
        `arn:aws:sns:us-west-2:${topicOwner}:pager`,
        "arn:aws:automate:us-west-2:ec2:stop",
      ],
      okActions: [`arn:aws:sns:us-west-2:${own}:pager`],
    });
  const accountFindings = (owner: string) =>
    deliveryFindings(runNamed([pinned, alarm(owner)], us)).filter(
      ([policy]) => policy === "arn-locality",
    );
  expect(accountFindings(other)).toEqual([
    ["arn-locality", "cpu", "mandatory", `account ${other} (not this stack's account ${own})`],
  ]);
  expect(accountFindings(own)).toEqual([]);
});

// Alibaba Cloud names a resource by ACS ARN, `acs:<service>:<region>:<account>:<resource>`: an
// audit trail's SLS project, a subscription's queue, an event rule's target or dead-letter queue,
// a Cloud Config delivery channel, a function's failure destination. The stack's own account is
// the one its provider pins (`accountId`); the offline engine has no stand-in for it.
describe("Alibaba Cloud deliveries by ACS ARN", () => {
  const cn = { jurisdiction: "CN" };
  const mine = "1234567890123456";
  const theirs = "9999999999999999";
  const sh = on("sh");
  const pinnedSh = {
    type: "pulumi:providers:alicloud",
    name: "sh",
    props: { region: "cn-shanghai", accountId: mine },
  };
  const unpinnedSh = { ...pinnedSh, props: { region: "cn-shanghai" } };
  const alibaba = (owner: string) => [
    sh("alicloud:actiontrail/trail:Trail", "audit", {
      trailName: "audit",
      slsProjectArn: `acs:log:cn-shanghai:${owner}:project/central-audit`,
      // The role the trail writes as is no delivery, whoever owns it.
      slsWriteRoleArn: `acs:ram::${theirs}:role/aliyunactiontraildefaultrole`,
    }),
    sh("alicloud:mns/topicSubscription:TopicSubscription", "fanout", {
      topicName: "orders",
      name: "fanout",
      endpoint: `acs:mns:cn-shanghai:${owner}:queues/orders-copy`,
    }),
    sh("alicloud:cms/alarm:Alarm", "cpu", {
      name: "cpu",
      project: "acs_ecs_dashboard",
      metric: "CPUUtilization",
      contactGroups: ["ops"],
      targets: [{ targetId: "1", arn: `acs:mns:cn-shanghai:${owner}:/queues/alarms/message` }],
    }),
    sh("alicloud:eventbridge/rule:Rule", "events", {
      eventBusName: "default",
      ruleName: "events",
      filterPattern: "{}",
      targets: [
        {
          targetId: "t",
          type: "acs.mns.queue",
          endpoint: `acs:mns:cn-shanghai:${mine}:queues/events`,
          pushRetryStrategy: "BACKOFFRETRY",
          paramLists: [],
          deadLetterQueue: { arn: `acs:mns:cn-shanghai:${owner}:queues/dlq` },
        },
      ],
    }),
    sh("alicloud:cfg/delivery:Delivery", "config", {
      deliveryChannelName: "config",
      deliveryChannelType: "SLS",
      deliveryChannelTargetArn: `acs:log:cn-shanghai:${owner}:project/cfg/logstore/cfg`,
    }),
    // A CloudFlow flow's task step hands the execution's data to the function it names.
    sh("alicloud:fnf/flow:Flow", "flow", {
      name: "flow",
      type: "FDL",
      description: "orders",
      roleArn: `acs:ram::${mine}:role/flow`,
      definition: [
        "version: v1",
        "type: flow",
        "steps:",
        "  - type: task",
        "    name: enrich",
        `    resourceArn: acs:fc:cn-shanghai:${owner}:services/orders/functions/enrich`,
        "",
      ].join("\n"),
    }),
    sh("alicloud:fc/functionAsyncInvokeConfig:FunctionAsyncInvokeConfig", "async", {
      serviceName: "orders",
      functionName: "ingest",
      destinationConfig: {
        onFailure: { destination: `acs:mns:cn-shanghai:${owner}:/queues/failed/messages` },
      },
    }),
  ];

  test("a delivery to another account's project, queue or log store in the stack's region fails", () => {
    const place = `account ${theirs} (not this stack's account ${mine})`;
    expect(deliveryFindings(runNamed([pinnedSh, ...alibaba(theirs)], cn))).toEqual([
      ["arn-locality", "async", "mandatory", place],
      ["arn-locality", "config", "mandatory", place],
      ["arn-locality", "events", "mandatory", place],
      ["arn-locality", "flow", "mandatory", place],
      ["log-shipping", "audit", "mandatory", place],
      ["log-shipping", "cpu", "mandatory", place],
      ["log-shipping", "fanout", "mandatory", place],
    ]);
  });

  test("twin: the stack's own account passes; unpinned, offline as under the CLI, it is advised on", () => {
    expect(runNamed([pinnedSh, ...alibaba(mine)], cn)).toEqual([]);
    // The AWS stand-in tells no Alibaba Cloud account apart: nothing fails, every delivery named
    // by a literal ARN is advised on (the event rule's own-account target too: unpinned, whose
    // it is cannot be told).
    const offline = { ...cn, standInAccount: "123456789012" };
    // (cross-account-links is advisory by its enforcement level; the oracle reports every policy
    // at the pack's default.)
    const unpinnedFindings = runNamed([unpinnedSh, ...alibaba(theirs)], offline);
    expect(
      unpinnedFindings.map(([policy, name, , path]) => [policy, name, (path as string[]).at(-1)]),
    ).toEqual(
      [
        ["async", theirs],
        ["audit", theirs],
        ["config", theirs],
        ["cpu", theirs],
        ["events", mine],
        ["events", theirs],
        ["fanout", theirs],
        ["flow", theirs],
      ].map(([name, account]) => [
        "cross-account-links",
        name,
        `account ${account} (cannot be told from the stack's own)`,
      ]),
    );
  });
});

// A state machine hands each execution's data to the services its Task states call: a topic, a
// function or a queue of another account is a delivery there too (the definition's own keys,
// `Parameters.TopicArn`, a Lambda ARN as a state's `Resource`).
test("a state machine that publishes to, invokes or queues into another account's topic, functions or queue fails", () => {
  const flow = (owner: string) =>
    usw("aws:sfn/stateMachine:StateMachine", "flow", {
      roleArn: `arn:aws:iam::${own}:role/flow`,
      definition: JSON.stringify({
        StartAt: "Notify",
        States: {
          Notify: {
            Type: "Task",
            Resource: "arn:aws:states:::sns:publish",
            Parameters: { TopicArn: `arn:aws:sns:us-west-2:${owner}:orders`, "Message.$": "$" },
            Next: "Enrich",
          },
          Enrich: {
            Type: "Task",
            Resource: "arn:aws:states:::lambda:invoke",
            Parameters: {
              FunctionName: `arn:aws:lambda:us-west-2:${owner}:function:enrich`,
              "Payload.$": "$",
            },
            Next: "Archive",
          },
          Archive: {
            Type: "Task",
            Resource: `arn:aws:lambda:us-west-2:${owner}:function:archive`,
            Next: "Queue",
          },
          // A queue is named by its URL, whose path names its account.
          Queue: {
            Type: "Task",
            Resource: "arn:aws:states:::sqs:sendMessage",
            Parameters: {
              QueueUrl: `https://sqs.us-west-2.amazonaws.com/${owner}/orders`,
              "MessageBody.$": "$",
            },
            End: true,
          },
        },
      }),
    });
  const accountFindings = (owner: string) =>
    deliveryFindings(runNamed([pinned, flow(owner)], us)).filter(
      ([policy]) => policy === "arn-locality",
    );
  const place = `account ${other} (not this stack's account ${own})`;
  expect(accountFindings(other)).toEqual([
    ["arn-locality", "flow", "mandatory", place],
    ["arn-locality", "flow", "mandatory", place],
    ["arn-locality", "flow", "mandatory", place],
    ["arn-locality", "flow", "mandatory", place],
  ]);
  expect(accountFindings(own)).toEqual([]);
});

// Under the Pulumi CLI an unpinned stack's queue URLs are advised on as its ARNs are: a queue's
// URL names its account as an ARN does.
test("under the Pulumi CLI, a queue named by URL whose account cannot be told is advised on; pinned, or only in a payload, it is not", () => {
  const rule = (owner: string) =>
    usw("aws:iot/topicRule:TopicRule", "telemetry", {
      enabled: true,
      sql: "SELECT * FROM 'devices/+/telemetry'",
      sqlVersion: "2016-03-23",
      sqs: [
        {
          queueUrl: `https://sqs.us-west-2.amazonaws.com/${owner}/telemetry`,
          roleArn: `arn:aws:iam::${own}:role/iot-sqs`,
          useBase64: false,
        },
      ],
    });
  const target = usw("aws:cloudwatch/eventTarget:EventTarget", "nightly", {
    rule: "nightly",
    arn: `arn:aws:lambda:us-west-2:${own}:function:report`,
    input: JSON.stringify({ queueUrl: `https://sqs.us-west-2.amazonaws.com/${other}/jobs` }),
  });
  const advised = (provider: typeof pinned | typeof unpinned, owner: string) =>
    runNamed([provider, rule(owner), target], us)
      .filter(([policy]) => policy === "cross-account-links")
      .map(([, name, , path]) => [name, (path as string[]).at(-1)]);
  // The rule's role is no delivery: its finding is the queue's. The target's payload names a
  // queue of the other account, but only its own function (the stack's account, which cannot be
  // told either) is advised on.
  expect(advised(unpinned, other)).toEqual([
    ["nightly", `account ${own} (cannot be told from the stack's own)`],
    ["telemetry", `account ${other} (cannot be told from the stack's own)`],
  ]);
  expect(advised(pinned, other)).toEqual([]);
  expect(advised(pinned, own)).toEqual([]);
});

// Found by the benches' rerun probes: an ARN or a queue URL a resource only hands on as data — an
// event target's fixed input, a Pass state's result, the payload of a call to the program's own
// function — is no delivery, whatever its key says.
test("twin: another account's topic or queue named only in a payload is no delivery", () => {
  const payload = {
    TopicArn: `arn:aws:sns:us-west-2:${other}:alerts`,
    queueUrl: `https://sqs.us-west-2.amazonaws.com/${other}/jobs`,
  };
  const findings = runNamed(
    [
      pinned,
      usw("aws:cloudwatch/eventTarget:EventTarget", "nightly", {
        rule: "nightly",
        arn: `arn:aws:lambda:us-west-2:${own}:function:report`,
        input: JSON.stringify(payload),
      }),
      usw("aws:sfn/stateMachine:StateMachine", "flow", {
        roleArn: `arn:aws:iam::${own}:role/flow`,
        definition: JSON.stringify({
          StartAt: "Prepare",
          States: {
            Prepare: { Type: "Pass", Result: payload, Next: "Report" },
            Report: {
              Type: "Task",
              Resource: "arn:aws:states:::lambda:invoke",
              Parameters: {
                FunctionName: `arn:aws:lambda:us-west-2:${own}:function:report`,
                Payload: payload,
              },
              End: true,
            },
          },
        }),
      }),
    ],
    us,
  );
  expect(deliveryFindings(findings)).toEqual([]);
});
