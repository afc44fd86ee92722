/**
 * Servers a resource sends requests to on the stack's behalf — an API's backend, the model an AI
 * application prompts, the directory a broker authenticates its clients against — are
 * remote-sites' destinations: a cloud endpoint of a region inside, a private or allowlisted
 * address passes; a host the pack cannot place is a path out.
 */
import type { Plan } from "../../engine/plan";
import { add, fixturePlan } from "../helpers/policy-plan";
import { oregonSettings, policyPack, runCases, shanghaiSettings } from "../helpers/policy-session";

const pack = policyPack();
let shanghai: Plan;
let oregon: Plan;
beforeAll(async () => {
  [shanghai, oregon] = await Promise.all([
    fixturePlan("policy-alicloud", "cn"),
    fixturePlan("policy-aws", "us"),
  ]);
});

const api = (httpServiceConfig: Record<string, unknown>) =>
  add("alicloud:apigateway/api:Api", "orders-api", {
    groupId: "g-1",
    name: "orders",
    description: "orders",
    authType: "APP",
    serviceType: "HTTP",
    requestConfig: { protocol: "HTTP", method: "GET", path: "/orders", mode: "PASSTHROUGH" },
    httpServiceConfig: {
      method: "GET",
      path: "/orders",
      timeout: 12,
      aoneName: "n",
      ...httpServiceConfig,
    },
  });

/** A backend's model for the release stage, its data as the API Gateway API takes it (JSON). */
const backendModel = (data: Record<string, unknown>) =>
  add("alicloud:apigateway/backendModel:BackendModel", "orders-release", {
    backendId: "backend-1",
    backendType: "HTTP",
    stageName: "RELEASE",
    backendModelData: JSON.stringify(data),
  });

/** A routing plug-in: VIP clients stay on the API's backend, one route goes to `address`. */
const routing = (address: string) =>
  add("alicloud:apigateway/plugin:Plugin", "blue-green", {
    pluginName: "blue_green",
    pluginType: "routing",
    pluginData: JSON.stringify({
      routes: [
        {
          name: "Vip",
          condition: "$CaAppId = 123456",
          backend: { type: "HTTP-VPC", vpcAccessName: "slbAccessForVip" },
        },
        { name: "BlueGreen", condition: "1 = 1", backend: { type: "HTTP", address } },
      ],
    }),
  });

/** A routing plug-in whose definition is `pluginData`. */
const routingText = (pluginData: string) =>
  add("alicloud:apigateway/plugin:Plugin", "blue-green", {
    pluginName: "blue_green",
    pluginType: "routing",
    pluginData,
  });

/** The same plug-in written in YAML, as the API Gateway console and its examples write it. */
const routingYaml = (address: string) =>
  routingText(
    [
      "---",
      "routes:",
      "# Calls of the VIP application stay on the VPC backend.",
      "- name: Vip",
      '  condition: "$CaAppId = 123456"',
      "  backend:",
      "    type: HTTP-VPC",
      "    vpcAccessName: slbAccessForVip",
      "- name: BlueGreen",
      '  condition: "1 = 1"',
      "  backend:",
      "    type: HTTP",
      `    address: "${address}"`,
      "",
    ].join("\n"),
  );

const application = (modelBaseUrl: string) =>
  add("alicloud:polardb/application:Application", "assistant", {
    applicationType: "supabase",
    architecture: "x86",
    dbClusterId: "pc-1",
    regionId: "cn-shanghai",
    securityIpLists: ["10.0.0.0/8"],
    modelBaseUrl,
  });

/** A bastion host whose users sign in at the directory servers `servers` (AD and LDAP). */
const bastion = (type: string, servers: { ad: string; ldap: string }) =>
  add(type, "jump", {
    description: "ops",
    licenseCode: "bhah_ent_50_asset",
    planCode: "cloudbastion",
    storage: "5",
    bandwidth: "5",
    period: 1,
    vswitchId: "vsw-1",
    securityGroupIds: ["sg-1"],
    adAuthServers: [
      {
        server: servers.ad,
        standbyServer: "10.0.3.11",
        account: "cn=bastion,dc=corp",
        baseDn: "dc=corp",
        domain: "corp.example",
        isSsl: true,
        port: 636,
        password: "secret",
      },
    ],
    ldapAuthServers: [
      {
        server: servers.ldap,
        account: "cn=bastion,dc=corp",
        baseDn: "dc=corp",
        port: 389,
        password: "secret",
      },
    ],
  });

describe("on Alibaba Cloud", () => {
  // The two bastion types of the SDK: the directory receives every user's name and password.
  runCases(
    pack,
    () => shanghai,
    shanghaiSettings,
    [
      "alicloud:bastionhost/instance:Instance",
      "alicloud:yundun/bastionHostInstance:BastionHostInstance",
    ].map((type) => ({
      name: `a ${type} signs its users in at an LDAP server on an external host`,
      bad: bastion(type, { ad: "10.0.3.10", ldap: "ldap.corp.example.com" }),
      expected: [
        [
          "remote-sites",
          "jump",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            `${type.startsWith("alicloud:yundun") ? "yundun bastion host instance" : "bastionhost instance"} "jump"`,
            '"ldap.corp.example.com" (cannot be placed)',
          ],
        ],
      ],
      twinName: "its AD and LDAP servers are private addresses of the stack's network",
      twin: bastion(type, { ad: "10.0.3.10", ldap: "10.0.3.12" }),
    })),
  );

  runCases(pack, () => shanghai, shanghaiSettings, [
    {
      name: "an API forwards every call to a backend on an external host",
      bad: api({ address: "http://orders.example.com" }),
      expected: [
        [
          "remote-sites",
          "orders-api",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'apigateway api "orders-api"',
            '"http://orders.example.com" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the backend is a private address of the stack's network",
      twin: api({ address: "http://10.0.1.20:8080" }),
    },
    {
      // The provider's own example: the API's calls go to a backend of the gateway (backendId),
      // its address left empty, which names nothing (it crashed the policy: no host to read).
      name: "an API's backend address is separators without a host",
      bad: api({ address: " , " }),
      expected: [
        [
          "remote-sites",
          "orders-api",
          "mandatory",
          ["cn-shanghai (inside CN)", 'apigateway api "orders-api"', '" , " (cannot be placed)'],
        ],
      ],
      twinName: "the backend address is left empty, as not set",
      twin: api({ address: "" }),
    },
    {
      name: "a backend model forwards the calls of its stage to an external host",
      bad: backendModel({ ServiceAddress: "http://orders.example.com:8080" }),
      expected: [
        [
          "remote-sites",
          "orders-release",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'apigateway backend model "orders-release"',
            '"http://orders.example.com:8080" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the model's backend is a private address of the stack's network",
      twin: backendModel({ ServiceAddress: "http://10.0.1.20:8080" }),
    },
    {
      name: "a backend model forwards the calls of its stage to a function in Singapore",
      bad: backendModel({
        FunctionComputeConfig: { FcRegionId: "ap-southeast-1", FunctionName: "orders" },
      }),
      expected: [
        [
          "remote-sites",
          "orders-release",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'apigateway backend model "orders-release"',
            "ap-southeast-1 (outside CN, in SG)",
          ],
        ],
      ],
      twinName: "the model's function runs in Shanghai",
      twin: backendModel({
        FunctionComputeConfig: { FcRegionId: "cn-shanghai", FunctionName: "orders" },
      }),
    },
    {
      name: "a routing plug-in forwards the calls one route matches to an external host",
      bad: routing("https://beta-version.api.example.com"),
      expected: [
        [
          "remote-sites",
          "blue-green",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'apigateway plugin "blue-green"',
            '"https://beta-version.api.example.com" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the route's backend is a private address of the stack's network",
      twin: routing("http://10.0.1.21:8080"),
    },
    {
      name: "a routing plug-in written in YAML forwards the calls one route matches to an external host",
      bad: routingYaml("https://beta-version.api.example.com"),
      expected: [
        [
          "remote-sites",
          "blue-green",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'apigateway plugin "blue-green"',
            '"https://beta-version.api.example.com" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the YAML route's backend is a private address of the stack's network",
      twin: routingYaml("http://10.0.1.21:8080"),
    },
    {
      name: "a routing plug-in's definition is neither JSON nor YAML the pack can read",
      bad: routingText("routes: [{name: BlueGreen, backend: {type: HTTP, address: http://b}}"),
      expected: [
        [
          "remote-sites",
          "blue-green",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'apigateway plugin "blue-green"',
            '"routes: [{name: BlueGreen, backend: {typ…" (cannot be placed)',
          ],
        ],
      ],
      twinName: "its definition is well-formed YAML naming a private address",
      twin: routingYaml("http://10.0.1.21:8080"),
    },
    {
      name: "an AI application prompts Model Studio's Singapore endpoint",
      bad: application("https://dashscope-intl.aliyuncs.com/compatible-mode/v1"),
      expected: [
        [
          "remote-sites",
          "assistant",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'polardb application "assistant"',
            "https://dashscope-intl.aliyuncs.com/compatible-mode/v1 (outside CN, in SG)",
          ],
        ],
      ],
      twinName: "it prompts Model Studio in Beijing",
      twin: application("https://dashscope.aliyuncs.com/compatible-mode/v1"),
    },
    {
      name: "an AI application of a PolarDB cluster prompts a model on an external host",
      bad: application("https://api.model.example.com/v1"),
      expected: [
        [
          "remote-sites",
          "assistant",
          "mandatory",
          [
            "cn-shanghai (inside CN)",
            'polardb application "assistant"',
            '"https://api.model.example.com/v1" (cannot be placed)',
          ],
        ],
      ],
      twinName: "the model is served on a private address of the stack's network",
      twin: application("http://10.0.2.5:8000/v1"),
    },
  ]);
});

const broker = (hosts: string[]) =>
  add("aws:mq/broker:Broker", "events", {
    brokerName: "events",
    engineType: "ActiveMQ",
    engineVersion: "5.17.6",
    hostInstanceType: "mq.t3.micro",
    deploymentMode: "SINGLE_INSTANCE",
    publiclyAccessible: false,
    authenticationStrategy: "ldap",
    ldapServerMetadata: { hosts, userBase: "ou=users", roleBase: "ou=roles" },
    subnetIds: ["subnet-1"],
    securityGroups: ["sg-1"],
    users: [{ username: "admin", password: "correct-horse-battery" }],
  });

describe("on AWS", () => {
  runCases(pack, () => oregon, oregonSettings, [
    {
      name: "a broker authenticates its clients against a directory on an external host",
      bad: broker(["ldap.example.com"]),
      expected: [
        [
          "remote-sites",
          "events",
          "mandatory",
          ["us-west-2 (inside US)", 'mq broker "events"', '"ldap.example.com" (cannot be placed)'],
        ],
      ],
      twinName: "the directory is on a private address of the stack's network",
      twin: broker(["10.0.3.10"]),
    },
  ]);
});
