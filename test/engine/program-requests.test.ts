/**
 * What a program sends over the network itself while it runs is no resource, so no policy of the
 * pack sees it: the engine records each request (engine/program-loop.ts) and reports a path out
 * among them itself (engine/program-requests.ts). Each case has its twin: the same request to a
 * place inside the jurisdiction, or one that only reads, passes.
 */
import * as diagnostics from "node:diagnostics_channel";
import * as fs from "node:fs";
import * as os from "node:os";
import * as http from "node:http";
import * as path from "node:path";
import { Duplex } from "node:stream";
import { promisify } from "node:util";
import { configurablePolicyNames, mergePolicyConfigFile } from "../../engine/check";
import { withOwnCalls } from "../../engine/evaluate";
import { missingApiCause } from "../../engine/load-program";
import { ProgramError } from "../../engine/program-error";
import { type Plan, type ProgramRequest, recordOf } from "../../engine/plan";
import { ProgramLoop } from "../../engine/program-loop";
import { programRequestViolations } from "../../engine/program-requests";
import { waiverFindings } from "../../engine/waivers";
import { uploadsIn } from "../../residency/uploads";
import { getJurisdiction } from "../../residency/jurisdictions";
import { cliMany, root } from "../helpers/cli";
import { evaluateMany } from "../helpers/worker";

const cn = getJurisdiction("CN");
const stackUrn = "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod";

function planSending(...programRequests: ProgramRequest[]): Plan {
  return {
    project: "shop",
    stack: "prod",
    program: "index.ts",
    config: {},
    resources: [
      recordOf({ urn: stackUrn, type: "pulumi:pulumi:Stack", name: "shop-prod", custom: false }),
    ],
    outputs: {},
    programRequests,
  };
}

const request = (method: string, url: string, failed?: string): ProgramRequest => ({
  method,
  url,
  host: new URL(url).hostname.replace(/^\[|\]$/g, ""),
  ...(failed === undefined ? {} : { failed }),
});

/** A provider of `pkg` named `name` in `region`, and a bucket `bucket` of type `type` it manages. */
function bucketIn(pkg: string, name: string, region: string, type: string, bucket: string) {
  const provider = recordOf({
    urn: `urn:pulumi:prod::shop::pulumi:providers:${pkg}::${name}`,
    type: `pulumi:providers:${pkg}`,
    name,
    custom: true,
    inputs: { region },
  });
  return [
    provider,
    recordOf({
      urn: `urn:pulumi:prod::shop::${type}::${bucket}`,
      type,
      name: bucket,
      custom: true,
      provider: provider.urn,
      inputs: { bucket },
      outputs: { bucket },
    }),
  ];
}

/** Level, and the start of the message after the stack's name, of each finding. */
const found = (plan: Plan) =>
  programRequestViolations(plan, cn).map((v) => [v.policy, v.level, v.message.split(", but ")[1]]);

describe("program-requests: what the program sends itself", () => {
  it("a request that sends data to a region abroad is a path out, one finding per host, naming the place", () => {
    const abroad = request(
      "PUT",
      "https://acme-eu-archive.s3.eu-west-1.amazonaws.com/customers.json",
      "getaddrinfo ENOTFOUND acme-eu-archive.s3.eu-west-1.amazonaws.com",
    );
    const [v, ...rest] = programRequestViolations(
      planSending(abroad, abroad, request("POST", "https://hooks.example-chat.com/T0/B0")),
      cn,
    );
    expect(v).toMatchObject({
      policy: "program-requests",
      level: "mandatory",
      resourceType: "pulumi:pulumi:Stack",
      resourceName: "shop-prod",
      urn: stackUrn,
      message:
        'stack "prod" must send data only to places inside CN, but the program index.ts itself sent data to acme-eu-archive.s3.eu-west-1.amazonaws.com, AWS eu-west-1 (outside CN, in EU), while it ran (PUT https://acme-eu-archive.s3.eu-west-1.amazonaws.com/customers.json). A program\'s own request is no resource: it is sent on every pulumi preview and up, and no policy of the pack judges it. Move what it sends into a resource the pack judges, or remove the request.',
      path: [
        "the program index.ts",
        "its own requests (PUT https://acme-eu-archive.s3.eu-west-1.amazonaws.com/customers.json)",
        "acme-eu-archive.s3.eu-west-1.amazonaws.com: AWS eu-west-1 (outside CN, in EU)",
      ],
    });
    // A host the pack cannot place is a finding too; the failed PUT, reported, is not named again.
    expect(rest.map((r) => [r.level, r.message.split(", but ")[1].split(" while")[0]])).toEqual([
      [
        "mandatory",
        "the program index.ts itself sent data to hooks.example-chat.com, a host the pack cannot place in a country,",
      ],
    ]);
  });

  it("twin: data sent inside the jurisdiction, to a private address or the machine, and reads answered, pass", () => {
    expect(
      found(
        planSending(
          request("PUT", "https://records.oss-cn-shanghai.aliyuncs.com/customers.json"),
          request("POST", "https://sqs.cn-north-1.amazonaws.com.cn/111122223333/orders"),
          request("POST", "http://10.0.4.17:8080/hook"),
          request("DELETE", "http://127.0.0.1:9000/cache"),
          request("POST", "http://[::1]:9000/cache"),
          request("GET", "https://api.ipify.org/"),
          request("HEAD", "https://ip-ranges.amazonaws.com/ip-ranges.json"),
        ),
      ),
    ).toEqual([]);
  });

  it("a cloud SDK asking the instance metadata service for credentials is a call to a cloud that cannot be placed", () => {
    expect(
      found(
        planSending(
          request("PUT", "http://169.254.169.254/latest/api/token"),
          request("GET", "http://169.254.169.254/latest/meta-data/iam/security-credentials/"),
          request("GET", "http://100.100.100.200/latest/meta-data/ram/security-credentials/"),
        ),
      ),
    ).toEqual([
      [
        "program-requests",
        "mandatory",
        `the program index.ts calls a cloud's API itself: while it ran, a cloud SDK it uses asked the instance metadata service at 169.254.169.254, 100.100.100.200 for credentials (PUT http://169.254.169.254/latest/api/token, GET http://169.254.169.254/latest/meta-data/iam/security-credentials/, GET http://100.100.100.200/latest/meta-data/ram/security-credentials/). A program's own calls to a cloud are no resources: where they go and what they carry cannot be placed, and a call that found no credentials left the program going on without its answer, so what it does with the answers was not seen either. Declare what the calls do as resources of the program; once where they go and what they send is reviewed, a request your organisation has approved is waived in --policy-config under "program-requests", for its destination as the path names it (or for the stack's resource "shop-prod", which covers every request), with its reason and expiry.`,
      ],
    ]);
  });

  it("a request that got no answer is advisory: the program went on without it", () => {
    expect(
      found(
        planSending(
          request("GET", "https://api.ipify.org/", "getaddrinfo ENOTFOUND api.ipify.org"),
          request("GET", "https://api.ipify.org/", "getaddrinfo ENOTFOUND api.ipify.org"),
          request(
            "POST",
            "https://oss-cn-shanghai.aliyuncs.com/reports",
            "no answer before the program ended",
          ),
          request("GET", "http://127.0.0.1:1/", "connect ECONNREFUSED 127.0.0.1:1"),
        ),
      ),
    ).toEqual([["program-requests", "advisory", undefined]]);
    const [advice] = programRequestViolations(
      planSending(request("GET", "https://api.ipify.org/", "getaddrinfo ENOTFOUND api.ipify.org")),
      cn,
    );
    expect(advice.message).toBe(
      'stack "prod" has the program index.ts going on without the answers to 1 request(s) it sent itself while it ran, which got none here (GET https://api.ipify.org/ (getaddrinfo ENOTFOUND api.ipify.org)): what it does with those answers under pulumi preview and up was not seen. A resource that needed one would have stopped the check (exit 2); run the check where the requests are answered to see the rest.',
    );
  });

  it("a --policy-config file may not lower it: a request the organisation approved is waived, with its reason and expiry", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "program-requests-"));
    const file = (doc: unknown) => {
      const f = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
      fs.writeFileSync(f, JSON.stringify(doc));
      return f;
    };
    const abroad = planSending(
      request("PUT", "https://acme-eu-archive.s3.eu-west-1.amazonaws.com/customers.json"),
      request("PUT", "http://169.254.169.254/latest/api/token"),
      request("GET", "https://api.ipify.org/", "getaddrinfo ENOTFOUND api.ipify.org"),
    );
    // Lowered or off, by name: refused as the pack's own paths out are; `all` does not reach it.
    for (const level of ["advisory", { enforcementLevel: "disabled" }]) {
      const lowered = file({ all: "mandatory", "program-requests": level });
      expect(() => mergePolicyConfigFile({}, lowered)).toThrow(
        `--policy-config ${lowered}: program-requests received ${JSON.stringify(level)}. The policies other than hardening decide the verdict`,
      );
    }
    const other = file({
      "program-requests": { enforcementLevel: "mandatory", jurisdiction: "CN" },
    });
    expect(() => mergePolicyConfigFile({}, other)).toThrow(
      `--policy-config ${other}: program-requests received {"enforcementLevel":"mandatory","jurisdiction":"CN"}; it takes "mandatory" or an object of enforcementLevel and waivers (the waivers of the program's own requests your organisation has approved).`,
    );
    const waiver = {
      policy: "program-requests",
      resource: "shop-prod",
      reason: "metrics export reviewed: no personal data",
      expires: "2099-12-31",
      approvedBy: "Data Protection Office",
    };
    const waived = mergePolicyConfigFile(
      {},
      file({ "program-requests": { enforcementLevel: "mandatory", waivers: [waiver] } }),
    );
    expect(
      programRequestViolations(abroad, cn, waived).map((v) => [v.level, v.waived?.reason]),
    ).toEqual([
      ["mandatory", "metrics export reviewed: no personal data"],
      ["mandatory", "metrics export reviewed: no personal data"],
      // Advice stays advice.
      ["advisory", undefined],
    ]);
    // One naming a destination covers that crossing alone, and the stale review counts it.
    const one = mergePolicyConfigFile(
      {},
      file({
        "program-requests": {
          waivers: [{ ...waiver, resource: "acme-eu-archive.s3.eu-west-1.amazonaws.com" }],
        },
      }),
    );
    const narrow = programRequestViolations(abroad, cn, one);
    expect(narrow.map((v) => [v.path?.at(-1)?.split(": ")[0], v.waived?.reason])).toEqual([
      ["a destination that cannot be placed", undefined],
      ["acme-eu-archive.s3.eu-west-1.amazonaws.com", "metrics export reviewed: no personal data"],
      [undefined, undefined],
    ]);
    expect(waiverFindings(one, narrow)).toEqual([]);
    // A destination the program does not send to covers nothing, and is stale.
    const elsewhere = mergePolicyConfigFile(
      {},
      file({ "program-requests": { waivers: [{ ...waiver, resource: "hooks.example.com" }] } }),
    );
    const none = programRequestViolations(abroad, cn, elsewhere);
    expect(none.map((v) => v.waived)).toEqual([undefined, undefined, undefined]);
    expect(waiverFindings(elsewhere, none).map((v) => v.message)).toEqual([
      'The waiver of program-requests for "hooks.example.com" must cover a finding, but no finding of program-requests names "hooks.example.com". Remove the waiver, or correct its policy and resource names; a stale waiver would silently cover a future crossing.',
    ]);
    // A waiver of another resource, or lapsed, covers nothing.
    for (const w of [
      { ...waiver, resource: "shop-dev" },
      { ...waiver, expires: "2020-01-01" },
    ]) {
      const config = mergePolicyConfigFile({}, file({ "program-requests": { waivers: [w] } }));
      expect(programRequestViolations(abroad, cn, config).map((v) => v.waived)).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
    }
    expect(configurablePolicyNames).toContain("program-requests");
  });

  it("a call through the AWS SDK is judged by its client's region, and the requests it sends are its own", () => {
    const plan: Plan = {
      ...planSending(
        // The credentials lookup and the request of the calls below: judged as the calls.
        { ...request("PUT", "http://169.254.169.254/latest/api/token"), bySdkCall: true },
        {
          ...request("POST", "https://organizations.us-east-1.amazonaws.com/", "ENOTFOUND"),
          bySdkCall: true,
        },
      ),
      sdkCalls: [
        {
          service: "Organizations",
          operation: "ListAccounts",
          region: "eu-west-1",
          failed: "no credentials",
        },
        { service: "Organizations", operation: "InviteAccountToOrganization", region: "eu-west-1" },
        {
          service: "SSM",
          operation: "GetParameter",
          region: "cn-north-1",
          failed: "no credentials",
        },
        { service: "STS", operation: "GetCallerIdentity" },
      ],
    };
    const [abroad, unplaced, advice, ...rest] = programRequestViolations(plan, cn);
    expect(rest).toEqual([]);
    expect([abroad.level, abroad.message, abroad.path]).toEqual([
      "mandatory",
      'stack "prod" must send data only to places inside CN, but the program index.ts calls AWS Organizations itself in eu-west-1 (outside CN, in EU), through the AWS SDK while it ran (ListAccounts, InviteAccountToOrganization). A program\'s own call to a cloud is no resource: it is made on every pulumi preview and up, sending its parameters there, and no policy of the pack judges it. Offline the call got no answer (no credentials): what the program does with it was not seen either. Declare what the call does as a resource of the program, or make it in a region inside CN; once reviewed, a request your organisation has approved is waived in --policy-config under "program-requests", for its destination as the path names it (or for the stack\'s resource "shop-prod", which covers every request), with its reason and expiry.',
      [
        "the program index.ts",
        "its own AWS SDK calls (Organizations: ListAccounts, InviteAccountToOrganization)",
        "eu-west-1 (outside CN, in EU)",
      ],
    ]);
    expect([unplaced.level, unplaced.path?.[2]]).toEqual([
      "mandatory",
      "a region that cannot be read",
    ]);
    expect(unplaced.message).toContain(
      "calls AWS STS itself in a region its client does not say (none could be read), through the AWS SDK while it ran (GetCallerIdentity)",
    );
    // The call inside the jurisdiction passes; that it got no answer is advice.
    expect([advice.level, advice.message]).toEqual([
      "advisory",
      'stack "prod" has the program index.ts going on without the answers to 1 request(s) it sent itself while it ran, which got none here (AWS SSM GetParameter in cn-north-1 (no credentials)): what it does with those answers under pulumi preview and up was not seen. A resource that needed one would have stopped the check (exit 2); run the check where the requests are answered to see the rest.',
    ]);
  });

  it("twin: calls through the AWS SDK in regions inside the jurisdiction pass", () => {
    expect(
      found({
        ...planSending({
          ...request("PUT", "http://169.254.169.254/latest/api/token"),
          bySdkCall: true,
        }),
        sdkCalls: [
          { service: "S3", operation: "PutObject", region: "cn-north-1" },
          { service: "S3", operation: "PutObject", region: "cn-northwest-1" },
        ],
      }),
    ).toEqual([]);
  });

  it("a program that sends nothing has no finding", () => {
    expect(found({ ...planSending(), programRequests: undefined })).toEqual([]);
  });
});

/**
 * A project folder of its own, outside the repository, whose program (index.js) loads this
 * Pulumi SDK, with a stack of jurisdiction CN for each entry of `stacks` (its project config).
 */
function projectDir(
  name: string,
  stacks: Readonly<Record<string, Record<string, string>>>,
): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(
    path.join(root, "node_modules", "@pulumi"),
    path.join(dir, "node_modules", "@pulumi"),
  );
  fs.writeFileSync(
    path.join(dir, "Pulumi.yaml"),
    `name: ${name}\nruntime: nodejs\nmain: index.js\n`,
  );
  for (const [stack, config] of Object.entries(stacks)) {
    const lines = Object.entries(config).map(([key, value]) => `  ${name}:${key}: ${value}\n`);
    fs.writeFileSync(
      path.join(dir, `Pulumi.${stack}.yaml`),
      `config:\n  sovereign-dc:jurisdiction: CN\n${lines.join("")}`,
    );
  }
  return dir;
}

/** `check` of each stack of the project in `dir`, as JSON. */
function checkStacks(dir: string, stacks: readonly string[]) {
  return cliMany(
    stacks.map((stack) => ({ args: ["check", dir, "--stack", stack, "--format", "json"] })),
  );
}

/** Level and the words after "but" up to the first sentence's end, of each program-requests finding. */
function findings(stdout: string) {
  return (
    JSON.parse(stdout) as { violations: { policy: string; level: string; message: string }[] }
  ).violations
    .filter((v) => v.policy === "program-requests")
    .map((v) => [v.level, v.message.split(", but ")[1]?.split(". ")[0]]);
}

/**
 * A project whose program calls AWS Organizations through a client of the AWS SDK v3's shape
 * (Smithy's `Client`, as `@smithy/core/client` exports it, in a CommonJS build and an ES module
 * build at the SDK's own paths), whose call asks the instance metadata service for credentials
 * and fails, as the SDK's does offline; its stacks give the regions it calls (a region marked `!`
 * is one whose answer the program needs). Written at run time: a node_modules is no file of the
 * repository.
 */
function sdkProject(esm: boolean): string {
  const dir = projectDir("sdk-calls", {
    abroad: { regions: "eu-west-1,cn-north-1" },
    inside: { regions: "cn-north-1" },
    needs: { regions: "cn-north-1!" },
    unawaited: { regions: "cn-north-1~" },
    nested: { regions: "cn-north-1^" },
    endpoint: { regions: "cn-north-1@" },
  });
  const smithy = path.join(dir, "node_modules", "@smithy", "core");
  const esBuild = path.join(smithy, "dist-es", "submodules", "client");
  fs.mkdirSync(path.join(esBuild, "smithy-client"), { recursive: true });
  fs.writeFileSync(
    path.join(smithy, "package.json"),
    JSON.stringify({
      name: "@smithy/core",
      version: "3.0.0",
      exports: {
        "./client": { import: "./dist-es/submodules/client/index.js", require: "./client.js" },
      },
    }),
  );
  const client = (imports: string, exports: string) =>
    [
      imports,
      "const unreachable = () => {",
      "  const s = new Duplex({ read() {}, write(c, e, done) { done(); } });",
      '  setImmediate(() => s.destroy(new Error("connect ENETUNREACH")));',
      "  return s;",
      "};",
      "class Client {",
      "  constructor(config) { this.config = config; }",
      "  async send() {",
      "    // Web-identity credentials: the SDK calls STS itself, inside the program's call.",
      "    if (this.config.credentialsClient) await this.config.credentialsClient.send(new Command());",
      "    return new Promise((resolve, reject) => {",
      "      const agent = Object.assign(new http.Agent(), { createConnection: unreachable });",
      '      const r = http.request("http://169.254.169.254/latest/api/token", { method: "PUT", agent });',
      '      r.on("error", () => reject(new Error("Could not load credentials from any providers")));',
      "      r.end();",
      "    });",
      "  }",
      "}",
      "class Command {}",
      exports,
    ].join("\n");
  fs.writeFileSync(
    path.join(smithy, "client.js"),
    client(
      'const http = require("node:http");\nconst { Duplex } = require("node:stream");',
      "module.exports = { Client, Command };",
    ),
  );
  fs.writeFileSync(
    path.join(esBuild, "smithy-client", "client.js"),
    client(
      'import * as http from "node:http";\nimport { Duplex } from "node:stream";',
      "export { Client, Command };",
    ),
  );
  fs.writeFileSync(
    path.join(esBuild, "index.js"),
    'export { Client, Command } from "./smithy-client/client.js";\n',
  );
  // Each region may carry a mark: `!` the program needs the call's answer, `~` it neither awaits
  // nor catches the call, `^` its client gets credentials through STS (a call of the SDK's own,
  // in us-east-1), `@` its client is given the endpoint of S3 in eu-west-1.
  const calls = [
    "class OrganizationsClient extends Client {",
    "  constructor(region, extra) {",
    '    super({ serviceId: "Organizations", region: async () => region, ...extra });',
    "  }",
    "}",
    "class ListAccountsCommand extends Command {}",
    'const sts = new Client({ serviceId: "STS", region: async () => "us-east-1" });',
    'const eu = { hostname: "s3.eu-west-1.amazonaws.com", protocol: "https:", path: "/" };',
    'const regions = new pulumi.Config().require("regions").split(",");',
    "const run = async () => {",
    "  for (const entry of regions) {",
    "    const [, region, mark] = /^([a-z0-9-]+)(.?)$/.exec(entry);",
    '    const extra = mark === "^" ? { credentialsClient: sts } : mark === "@" ? { endpoint: async () => eu } : {};',
    "    const call = new OrganizationsClient(region, extra).send(new ListAccountsCommand());",
    '    if (mark !== "~") await (mark === "!" ? call : call.catch(() => undefined));',
    "  }",
    "};",
  ];
  if (esm) {
    fs.writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({ name: "sdk-calls", type: "module" }),
    );
  }
  fs.writeFileSync(
    path.join(dir, "index.js"),
    (esm
      ? [
          'import * as pulumi from "@pulumi/pulumi";',
          'import { Client, Command } from "@smithy/core/client";',
          ...calls,
          "await run();",
        ]
      : [
          'const pulumi = require("@pulumi/pulumi");',
          'const { Client, Command } = require("@smithy/core/client");',
          ...calls,
          "module.exports = run().then(() => ({}));",
        ]
    ).join("\n"),
  );
  return dir;
}

describe("the calls of its own a failed program got no answer to", () => {
  const calls = [
    { service: "EC2", operation: "DescribeImages", region: "cn-north-1", failed: "no credentials" },
  ];
  const requests = [
    request("GET", "https://api.ipify.org/", "getaddrinfo ENOTFOUND api.ipify.org"),
    request("GET", "http://127.0.0.1:9/", "connect ECONNREFUSED 127.0.0.1:9"),
  ];

  it("are named in its exit-2 reason, the machine's own addresses left out", () => {
    const error = withOwnCalls(
      new ProgramError("The program index.ts failed: no image"),
      calls,
      requests,
    );
    expect(error.message).toBe(
      "The program index.ts failed: no image\nThe program called out itself while it ran, and offline got no answer to these (AWS EC2 DescribeImages in cn-north-1: no credentials; GET https://api.ipify.org/: getaddrinfo ENOTFOUND api.ipify.org): a program that needs the answer cannot be evaluated without the network and credentials it asks for.",
    );
  });

  it("name the program's own connections too (a database client's, which reaches no server offline)", () => {
    const error = withOwnCalls(
      new ProgramError("The program index.ts failed: getaddrinfo ENOTFOUND db.example.de"),
      [],
      [],
      [{ host: "db.example.de", port: 5432 }],
    );
    expect(error.message).toBe(
      "The program index.ts failed: getaddrinfo ENOTFOUND db.example.de\nThe program called out itself while it ran, and offline got no answer to this (a connection to db.example.de:5432): a program that needs the answer cannot be evaluated without the network and credentials it asks for.",
    );
  });

  // Found on a public program reading a database on localhost: its exit-2 reason was only its own
  // crash on the missing rows.
  it("name a connection to the machine's own service, which must run where the check runs", () => {
    const error = withOwnCalls(
      new ProgramError("The program index.ts failed: Cannot read properties of null (reading '0')"),
      [],
      [],
      [],
      [{ host: "127.0.0.1", port: 5432 }],
    );
    expect(error.message).toBe(
      "The program index.ts failed: Cannot read properties of null (reading '0')\nThe program connected itself to 127.0.0.1:5432, on this machine or its private network: a service it expects there (a database it reads) must be running where the check runs, as where pulumi up runs, for the program to go on.",
    );
  });

  it("twin: are not named when the program failed for an API its SDK no longer has", () => {
    const message = `The program index.ts failed: k8s.helm.v2 is undefined (${missingApiCause})`;
    expect(withOwnCalls(new ProgramError(message), calls, requests).message).toBe(message);
  });
});

// Found reading the policy once it could no longer be lowered: a program's own POST to a host the
// stack's egressHosts places (a chat robot's webhook) failed as one that cannot be placed, where a
// resource sending there passes.
describe("program-requests: the places the stack's owners declared", () => {
  const declared = {
    "internet-egress": {
      jurisdiction: "CN",
      egressAllowlist: [
        { cidr: "198.51.100.0/24", ports: [443], protocol: "tcp", reason: "partner exchange" },
      ],
      egressHosts: [{ host: "oapi.dingtalk.com", reason: "the team's deploy robot" }],
    },
  };
  const sending: Plan = {
    ...planSending(
      request("POST", "https://oapi.dingtalk.com/robot/send?access_token=x"),
      // A cloud's regional endpoint abroad stays abroad, whatever egressHosts says.
      request("PUT", "https://acme-eu.s3.eu-west-1.amazonaws.com/x"),
    ),
    programConnections: [
      { host: "198.51.100.7", port: 443 },
      { host: "203.0.113.9", port: 443 },
    ],
  };
  const paths = (config?: typeof declared) =>
    programRequestViolations(sending, cn, config)
      .filter((v) => v.level === "mandatory")
      .map((v) => v.path?.at(-1));

  it("admits a host egressHosts places and an address of the egress allowlist, as the pack does for resources", () => {
    expect(paths(declared)).toEqual([
      "acme-eu.s3.eu-west-1.amazonaws.com: AWS eu-west-1 (outside CN, in EU)",
      "203.0.113.9: a host the pack cannot place in a country",
    ]);
  });

  it("twin: undeclared, the webhook and the partner's address cannot be placed", () => {
    expect(paths()).toEqual([
      "oapi.dingtalk.com: a host the pack cannot place in a country",
      "acme-eu.s3.eu-west-1.amazonaws.com: AWS eu-west-1 (outside CN, in EU)",
      "198.51.100.7: a host the pack cannot place in a country",
      "203.0.113.9: a host the pack cannot place in a country",
    ]);
  });
});

// Not recorded before: what a program sends over a socket of its own (a database client's), and
// the commands it runs. A connection goes where its host is; a command's sends are not seen.
describe("program-requests: the program's own connections and commands", () => {
  const plan = (
    programConnections: Plan["programConnections"],
    programCommands?: readonly string[],
  ): Plan => ({ ...planSending(), programConnections, programCommands });

  it("a connection of its own to a host abroad, or one the pack cannot place, is a path out; commands are advised on", () => {
    expect(
      found(
        plan(
          [
            { host: "orders.cluster-abc.eu-west-1.rds.amazonaws.com", port: 5432 },
            { host: "db.example.de", port: 5432 },
            { host: "db.example.de", port: 5433 },
          ],
          ["aws s3 cp s3://archive/dump.sql dump.sql", "git rev-parse HEAD"],
        ),
      ),
    ).toEqual([
      [
        "program-requests",
        "mandatory",
        'the program index.ts itself connected to orders.cluster-abc.eu-west-1.rds.amazonaws.com:5432, AWS eu-west-1 (outside CN, in EU), while it ran. What it sends over its own connection — a database client\'s queries and rows, say — is no resource: it is sent on every pulumi preview and up, and no policy of the pack judges it. Connect only to hosts inside CN, or do the work in a resource the pack judges; once reviewed, a request your organisation has approved is waived in --policy-config under "program-requests", for its destination as the path names it (or for the stack\'s resource "shop-prod", which covers every request), with its reason and expiry.',
      ],
      [
        "program-requests",
        "mandatory",
        expect.stringContaining(
          "the program index.ts itself connected to db.example.de:5432, 5433, a host the pack cannot place in a country, while it ran.",
        ),
      ],
      ["program-requests", "advisory", undefined],
    ]);
    const [commands] = programRequestViolations(plan([], ["node scripts/export.js"]), cn);
    expect(commands.message).toBe(
      'stack "prod" has the program index.ts running 1 command(s) itself while it ran ("node scripts/export.js"): what a command sends, and where, is seen by the pack only where its line names it (a curl or wget upload, an scp, rsync or nc to a host, a cloud CLI\'s copy to a bucket), not what a script or tool it runs sends by itself. Review what each one sends; a command that moves the stack\'s data is better declared as a resource the pack judges.',
    );
  });

  // Found on a probe of the bench of programs that call out: a curl POST from the program passed.
  it("a curl or wget that sends data to a URL outside is a path out; a download is only advised on", () => {
    expect(
      programRequestViolations(
        plan(
          [],
          [
            'curl -s -m 3 -X POST -d {"x":1} https://hooks.example.com/notify',
            "curl -sSL https://get.helm.sh/helm-v3.16.0-linux-amd64.tar.gz -o helm.tgz",
            "wget --post-file=dump.json https://intake.records.oss-cn-shanghai.aliyuncs.com/up",
          ],
        ),
        cn,
      ).map((v) => [v.level, v.path]),
    ).toEqual([
      [
        "mandatory",
        [
          "the program index.ts",
          `its own command (${JSON.stringify('curl -s -m 3 -X POST -d {"x":1} https://hooks.example.com/notify')})`,
          "hooks.example.com: a host the pack cannot place in a country",
        ],
      ],
      ["advisory", null],
    ]);
    const urls = (command: string) => uploadsIn(command).flatMap((u) => u.urls);
    expect(urls("/bin/sh -c curl -T report.csv https://up.example.de/r")).toEqual([
      "https://up.example.de/r",
    ]);
    expect(urls('curl -fsS -H "Authorization: Bearer x" https://api.example.de/z')).toEqual([]);
    expect(urls("git push https://github.com/acme/records")).toEqual([]);
  });

  // Found by the upload review: an scp, rsync, nc or cloud CLI copy the program ran passed, where
  // a curl -T of the same data failed. Read as the scripts of a resource's compute are.
  it("an scp, rsync or nc to a host, or a copy to a bucket, outside or unplaceable is a path out", () => {
    const oss = bucketIn(
      "alicloud",
      "frankfurt",
      "eu-central-1",
      "alicloud:oss/bucket:Bucket",
      "eu-archive",
    );
    const base = plan(
      [],
      [
        "scp -P 2222 dump.sql ops@backup.example.de:/srv/",
        "/bin/sh -c tar cz data | nc 203.0.113.9 9000",
        "aws s3 cp dump.sql s3://archive/ --region eu-west-1",
        "ossutil cp dump.sql oss://eu-archive/dump.sql",
        "aws s3 cp dump.sql s3://unknown-bucket/",
      ],
    );
    const violations = programRequestViolations(
      { ...base, resources: [...base.resources, ...oss] },
      cn,
    );
    expect(violations.map((v) => [v.level, v.path?.at(-1)])).toEqual([
      ["mandatory", "backup.example.de: a host the pack cannot place in a country"],
      ["mandatory", "203.0.113.9: a host the pack cannot place in a country"],
      ["mandatory", "the S3 bucket archive: AWS eu-west-1 (outside CN, in EU)"],
      ["mandatory", "the OSS bucket eu-archive: Alibaba Cloud eu-central-1 (outside CN, in EU)"],
      [
        "mandatory",
        "the S3 bucket unknown-bucket: a bucket the program does not create in a region it names, and the command names no region or endpoint for it",
      ],
      ["advisory", undefined],
    ]);
    expect(violations[0].message).toBe(
      'stack "prod" must send data only to places inside CN, but the program index.ts itself sent data to backup.example.de, a host the pack cannot place in a country, through a command it ran ("scp -P 2222 dump.sql ops@backup.example.de:/srv/"). A program\'s own command is no resource: it runs on every pulumi preview and up, and no policy of the pack judges what it sends. Move what it sends into a resource the pack judges, or remove the command.',
    );
  });

  it("an mc alias or rclone remote a command defines before its copy is placed by what it defines", () => {
    const violations = programRequestViolations(
      plan(
        [],
        [
          "sh -c 'mc alias set backup https://s3.eu-central-1.amazonaws.com K S && mc mirror /srv backup/vault/'",
          "sh -c 'rclone config create offsite s3 provider AWS region eu-west-1; rclone copy dump.sql offsite:archive/'",
        ],
      ),
      cn,
    );
    expect(violations.map((v) => [v.level, v.path?.at(-1)])).toEqual([
      ["mandatory", "the S3 bucket vault: AWS eu-central-1 (outside CN, in EU)"],
      ["mandatory", "the S3 bucket archive: AWS eu-west-1 (outside CN, in EU)"],
      ["advisory", undefined],
    ]);
    // Twins: the same to an endpoint inside CN, and to a private address.
    expect(
      programRequestViolations(
        plan(
          [],
          [
            "sh -c 'mc alias set backup https://oss-cn-shanghai.aliyuncs.com K S && mc mirror /srv backup/archive/'",
            "sh -c 'rclone config create nas sftp host 10.0.4.20; rclone copy dump.sql nas:/srv/'",
          ],
        ),
        cn,
      ).map((v) => v.level),
    ).toEqual(["advisory"]);
  });

  // Found by the scripts bench: the program's own rclone or gsutil copy, a /dev/tcp write in a
  // shell it ran and a cron line it installed passed, where an scp of the same data failed.
  it("an rclone remote, a Cloud Storage bucket, a /dev/tcp write or a cron line's upload is a path out", () => {
    const violations = programRequestViolations(
      plan(
        [],
        [
          "rclone copy dump.sql offsite:db/",
          "gsutil cp dump.sql gs://archive/",
          "bash -c 'cat dump.sql > /dev/tcp/203.0.113.9/9000'",
          `sh -c 'echo "0 2 * * * scp /srv/dump.sql ops@backup.example.de:/srv/" | crontab -'`,
        ],
      ),
      cn,
    );
    expect(violations.map((v) => [v.level, v.path?.at(-1)])).toEqual([
      [
        "mandatory",
        "the rclone remote offsite: configured outside the command, which does not say where it sends, so it cannot be placed",
      ],
      [
        "mandatory",
        "the Cloud Storage bucket archive: the command does not say where it lies, so it cannot be placed",
      ],
      ["mandatory", "203.0.113.9: a host the pack cannot place in a country"],
      ["mandatory", "backup.example.de: a host the pack cannot place in a country"],
      ["advisory", undefined],
    ]);
    // Twins: their downloads, and a cron line that only downloads.
    expect(
      programRequestViolations(
        plan(
          [],
          [
            "rclone copy offsite:db/dump.sql .",
            "gsutil cp gs://archive/dump.sql .",
            `sh -c 'echo "0 2 * * * scp ops@backup.example.de:/srv/dump.sql /srv/" | crontab -'`,
          ],
        ),
        cn,
      ).map((v) => v.level),
    ).toEqual(["advisory"]);
  });

  it("twin: a download, a local copy, a private host and a bucket placed inside are only advised on", () => {
    expect(
      programRequestViolations(
        plan(
          [],
          [
            "scp ops@backup.example.de:/srv/dump.sql .",
            "rsync -a ./dist/ ./public/",
            "rsync -a ./dist/ deploy@10.0.4.20:/srv/www/",
            "nc -z 203.0.113.9 9000",
            "ossutil cp dump.sql oss://records/ -e oss-cn-shanghai.aliyuncs.com",
          ],
        ),
        cn,
      ).map((v) => v.level),
    ).toEqual(["advisory"]);
  });

  // Found by the old-against-new bench: `--region` inside was taken as where an S3 bucket lies,
  // but the AWS CLI follows S3's redirect to the bucket's own region, wherever it is.
  it("an S3 copy with a region inside is placed by the program's bucket of that name, or not at all", () => {
    const archive = bucketIn("aws", "beijing", "cn-north-1", "aws:s3/bucketV2:BucketV2", "archive");
    const base = plan(
      [],
      [
        "aws s3 cp dump.sql s3://archive/ --region cn-north-1",
        "aws s3 cp dump.sql s3://elsewhere/ --region cn-north-1",
        "aws s3 cp dump.sql s3://elsewhere-too/ --endpoint-url https://s3.cn-north-1.amazonaws.com.cn",
      ],
    );
    expect(
      programRequestViolations({ ...base, resources: [...base.resources, ...archive] }, cn).map(
        (v) => [v.level, v.path?.at(-1)],
      ),
    ).toEqual([
      [
        "mandatory",
        "the S3 bucket elsewhere: a bucket the program does not create: the command's region or endpoint places only its request, and the AWS CLI follows S3's redirect to wherever the bucket lies",
      ],
      [
        "mandatory",
        "the S3 bucket elsewhere-too: a bucket the program does not create: the command's region or endpoint places only its request, and the AWS CLI follows S3's redirect to wherever the bucket lies",
      ],
      ["advisory", undefined],
    ]);
  });

  // Found by the red team: a UDP datagram (dgram's send) to a public address passed unrecorded.
  it("a UDP datagram of its own to a host abroad, or one the pack cannot place, is a path out as a connection is", () => {
    expect(
      found(
        plan([
          { host: "203.0.113.7", port: 514, protocol: "udp" },
          { host: "logs.eu-west-1.amazonaws.com", port: 514, protocol: "udp" },
          { host: "203.0.113.7", port: 443 },
        ]),
      ),
    ).toEqual([
      [
        "program-requests",
        "mandatory",
        'the program index.ts itself sent UDP datagrams to 203.0.113.7:514, a host the pack cannot place in a country, while it ran. What a datagram carries — a log line, a metric, a password — is no resource: it is sent on every pulumi preview and up, and no policy of the pack judges it. Send only to hosts inside CN, or do the work in a resource the pack judges; once reviewed, a request your organisation has approved is waived in --policy-config under "program-requests", for its destination as the path names it (or for the stack\'s resource "shop-prod", which covers every request), with its reason and expiry.',
      ],
      [
        "program-requests",
        "mandatory",
        expect.stringContaining(
          "the program index.ts itself sent UDP datagrams to logs.eu-west-1.amazonaws.com:514, AWS eu-west-1 (outside CN, in EU), while it ran.",
        ),
      ],
      [
        "program-requests",
        "mandatory",
        expect.stringContaining("the program index.ts itself connected to 203.0.113.7:443,"),
      ],
    ]);
  });

  it("twin: a UDP datagram to a host inside the jurisdiction passes", () => {
    expect(
      found(plan([{ host: "logs.cn-north-1.amazonaws.com.cn", port: 514, protocol: "udp" }])),
    ).toEqual([]);
  });

  // Found by the red team: a fetch POST from a worker thread the program starts passed, unseen.
  it("a worker thread the program starts is a send whose destination cannot be placed", () => {
    const [worker, ...rest] = programRequestViolations(
      { ...planSending(), programWorkers: ["code given as text", "workers/upload.js"] },
      cn,
    );
    expect(rest).toEqual([]);
    expect([worker.policy, worker.level, worker.path]).toEqual([
      "program-requests",
      "mandatory",
      [
        "the program index.ts",
        "its own worker threads (code given as text, workers/upload.js)",
        "a destination that cannot be placed",
      ],
    ]);
    expect(worker.message).toBe(
      'stack "prod" must send data only to places inside CN, but the program index.ts starts 2 worker thread(s) itself while it ran (code given as text, workers/upload.js), whose requests the engine cannot see: a worker runs its code apart from the program\'s thread, where the engine records what the program sends, and may go on after the program returned, so what it sends, and where, on every pulumi preview and up, is not judged. Do the work in the program\'s own thread or in a resource the pack judges; once what the worker sends is reviewed, a request your organisation has approved is waived in --policy-config under "program-requests", for its destination as the path names it (or for the stack\'s resource "shop-prod", which covers every request), with its reason and expiry.',
    );
  });

  it("twin: a connection to a host inside the jurisdiction passes, and none at all says nothing", () => {
    expect(
      found(plan([{ host: "orders.cluster-abc.cn-north-1.rds.amazonaws.com.cn", port: 5432 }])),
    ).toEqual([]);
    expect(found(plan(undefined, undefined))).toEqual([]);
  });

  it("the loop records sockets the program opens (not those of its requests, nor local ones) and the commands it runs", async () => {
    // The module objects, which the loop's wrappers replace functions of.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cp = require("node:child_process") as typeof import("node:child_process");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const netModule = require("node:net") as typeof import("node:net");
    const before = [netModule.Socket.prototype.connect, cp.execFileSync, cp.spawn];
    const loop = new ProgramLoop();
    loop.install();
    try {
      // Required after install, as a program would: it sees the wrapped functions.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const net = require("node:net") as typeof import("node:net");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { execFileSync } = require("node:child_process") as typeof import("node:child_process");
      const sockets = [
        net.connect({ host: "db.example.de", port: 5432 }),
        new net.Socket().connect(6379, "10.0.0.5"),
        net.connect({ host: "Records.Example.CN", port: 443 }),
      ];
      for (const s of sockets) {
        s.on("error", () => undefined);
        s.destroy();
      }
      execFileSync(process.execPath, ["-e", "0"]);
      // Promisified, it still resolves with stdout and stderr, as the original's own form does.
      const { stdout } = await promisify(cp.execFile)(process.execPath, ["-e", "1"]);
      expect(stdout).toBe("");
      // A request the program sent to records.example.cn: its socket is the request's.
      diagnostics.channel("undici:request:create").publish({
        request: { method: "GET", origin: "https://records.example.cn", path: "/" },
      });
      expect(loop.ownConnections()).toEqual([{ host: "db.example.de", port: 5432 }]);
      // The private one is kept apart, for a failed program's exit-2 reason.
      expect(loop.localConnections()).toEqual([{ host: "10.0.0.5", port: 6379 }]);
      expect(loop.ran()).toEqual([`${process.execPath} -e 0`, `${process.execPath} -e 1`]);
    } finally {
      loop.dispose();
    }
    // Undone with the evaluation: the engine's own sockets and commands are not the program's.
    expect([netModule.Socket.prototype.connect, cp.execFileSync, cp.spawn]).toEqual(before);
  });

  it("the loop records the datagrams the program sends (not local ones) and the worker threads it starts", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const dgramModule = require("node:dgram") as typeof import("node:dgram");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const threads = require("node:worker_threads") as typeof import("node:worker_threads");
    const before = [
      dgramModule.Socket.prototype.send,
      dgramModule.Socket.prototype.connect,
      threads.Worker,
    ];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "worker-")), "upload.js");
    fs.writeFileSync(file, "0;\n");
    const loop = new ProgramLoop();
    loop.install();
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const dgram = require("node:dgram") as typeof import("node:dgram");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Worker } = require("node:worker_threads") as typeof import("node:worker_threads");
      const receiver = dgram.createSocket("udp4");
      await new Promise<void>((resolve) => receiver.bind(0, "127.0.0.1", resolve));
      const socket = dgram.createSocket("udp4");
      socket.on("error", () => undefined);
      const sent = (...args: unknown[]) =>
        new Promise<void>((resolve) =>
          (socket.send as (...a: unknown[]) => void)(...args, () => resolve()),
        );
      await sent("to the machine", receiver.address().port, "127.0.0.1");
      await sent(Buffer.from("secret"), 0, 6, 514, "203.0.113.7");
      await sent(Buffer.from("secret"), "5140", "Logs.Example.DE");
      const connected = dgram.createSocket("udp4");
      connected.on("error", () => undefined);
      await new Promise<void>((resolve) => connected.connect(514, "198.51.100.9", resolve));
      await new Promise<void>((resolve) => connected.send("secret", () => resolve()));
      for (const s of [receiver, socket, connected]) {
        s.close();
      }
      // A library's own (found on a public program bundling its function with esbuild's
      // synchronous API, which blocks on esbuild's service in a worker) is kept apart.
      const library = path.join(path.dirname(file), "node_modules", "@acme", "bundler");
      fs.mkdirSync(library, { recursive: true });
      fs.writeFileSync(
        path.join(library, "index.js"),
        [
          'const { Worker } = require("node:worker_threads");',
          'const { execFileSync } = require("node:child_process");',
          'exports.startService = () => new Worker("0;", { eval: true });',
          'exports.version = () => execFileSync(process.execPath, ["--version"]);',
          "",
        ].join("\n"),
      );
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const bundler = require(path.join(library, "index.js")) as {
        startService(): InstanceType<typeof Worker>;
        version(): Buffer;
      };
      const workers = [new Worker("0;", { eval: true }), new Worker(file), bundler.startService()];
      await Promise.all(workers.map((w) => new Promise((resolve) => w.once("exit", resolve))));
      expect(workers[0]).toBeInstanceOf(Worker);
      expect(loop.libraryWorkers()).toEqual(["@acme/bundler: code given as text"]);
      // So is a command a library runs (@pulumi/eks asks for the AWS CLI's version).
      bundler.version();
      expect(loop.ranByLibraries()).toEqual([
        { command: `${process.execPath} --version`, package: "@acme/bundler" },
      ]);
      expect(loop.ownConnections()).toEqual([
        { host: "203.0.113.7", port: 514, protocol: "udp" },
        { host: "logs.example.de", port: 5140, protocol: "udp" },
        { host: "198.51.100.9", port: 514, protocol: "udp" },
      ]);
      expect(loop.workers()).toEqual(["code given as text", path.relative(process.cwd(), file)]);
    } finally {
      loop.dispose();
    }
    expect([
      dgramModule.Socket.prototype.send,
      dgramModule.Socket.prototype.connect,
      threads.Worker,
    ]).toEqual(before);
  });
});

// The red team's probes, as programs: datagrams to public addresses and a worker that POSTs.
describe("program-requests: datagrams and worker threads of the program's own, evaluated", () => {
  const dir = path.join(root, "test", "fixtures", "engine");
  const evaluated = (...programs: string[]) =>
    evaluateMany(
      programs.map((p) => ({ projectDir: dir, stack: "dev", program: path.join(dir, p) })),
    );

  it("a datagram sent, or sent over a connected socket, to a public address is a path out; twin: local and private ones pass", async () => {
    const [abroad, local] = await evaluated("datagrams.ts", "datagrams-local.ts");
    if (abroad instanceof Error || local instanceof Error) {
      throw abroad instanceof Error ? abroad : local;
    }
    expect(abroad.programConnections).toEqual([
      { host: "203.0.113.7", port: 514, protocol: "udp" },
      { host: "198.51.100.9", port: 514, protocol: "udp" },
    ]);
    expect(programRequestViolations(abroad, cn).map((v) => [v.level, v.path?.slice(1)])).toEqual([
      [
        "mandatory",
        [
          "its own UDP datagrams (203.0.113.7:514)",
          "203.0.113.7: a host the pack cannot place in a country",
        ],
      ],
      [
        "mandatory",
        [
          "its own UDP datagrams (198.51.100.9:514)",
          "198.51.100.9: a host the pack cannot place in a country",
        ],
      ],
    ]);
    expect(local.programConnections).toBeUndefined();
    expect(programRequestViolations(local, cn)).toEqual([]);
  });

  it("a worker thread a library starts is advised on, as a command is; the program's own fails closed", () => {
    const plan: Plan = {
      ...planSending(),
      libraryWorkers: ["esbuild: node_modules/esbuild/lib/main.js"],
    };
    expect(programRequestViolations(plan, cn).map((v) => [v.level, v.message])).toEqual([
      [
        "advisory",
        "stack \"prod\" has libraries of the program index.ts starting 1 worker thread(s) while it ran (esbuild: node_modules/esbuild/lib/main.js): what a library's thread sends, and where, is not seen by the pack, as what a command sends is not. Review what each library does in its thread (a bundler's service, a logger's transport); one that sends the stack's data is better replaced by a resource the pack judges.",
      ],
    ]);
  });

  it("names the library that ran a command beside the program's own, in the advice on commands", () => {
    const plan: Plan = {
      ...planSending(),
      programCommands: ["git rev-parse HEAD", "aws --version", "kubectl version --output=json"],
      libraryCommands: [
        { command: "aws --version", package: "@pulumi/eks" },
        { command: "kubectl version --output=json", package: "@pulumi/eks" },
      ],
    };
    const [advice] = programRequestViolations(plan, cn);
    expect(advice.message).toMatch(
      /^stack "prod" has the program index\.ts running 1 command\(s\) itself while it ran \("git rev-parse HEAD"\) and its libraries running 2 command\(s\) while it ran \(@pulumi\/eks: "aws --version", "kubectl version --output=json"\): what a command sends/,
    );
    const [libraryOnly] = programRequestViolations(
      { ...plan, programCommands: ["aws --version", "kubectl version --output=json"] },
      cn,
    );
    expect(libraryOnly.message).toMatch(
      /^stack "prod" has the program index\.ts's libraries running 2 command\(s\) while it ran \(@pulumi\/eks: /,
    );
  });

  it("a worker thread it starts fails closed: what the worker sends is not seen", async () => {
    const [plan] = await evaluated("worker-fetch.ts");
    if (plan instanceof Error) {
      throw plan;
    }
    expect(plan.programWorkers).toEqual(["code given as text"]);
    expect(programRequestViolations(plan, cn).map((v) => [v.level, v.path?.[2]])).toEqual([
      ["mandatory", "a destination that cannot be placed"],
    ]);
  });
});

describe("the requests a program sends, as the engine records them", () => {
  it("records an http request's method, origin and path without its query, and why it failed", async () => {
    const loop = new ProgramLoop();
    loop.install();
    try {
      const agent = Object.assign(new http.Agent(), {
        createConnection: () => {
          const socket = new Duplex({ read() {}, write: (_c, _e, done) => done() });
          setImmediate(() => socket.destroy(new Error("connect ENETUNREACH")));
          return socket;
        },
      });
      await new Promise<void>((resolve) => {
        const r = http.request("http://records.example.cn/upload?token=secret", {
          method: "post",
          agent,
        });
        r.on("error", () => resolve());
        r.end("{}");
      });
      // A fetch request, as undici publishes it.
      const fetched = { method: "GET", origin: "https://api.ipify.org", path: "/?format=json" };
      diagnostics.channel("undici:request:create").publish({ request: fetched });
      diagnostics.channel("undici:request:headers").publish({ request: fetched, response: {} });
      diagnostics.channel("undici:request:trailers").publish({ request: fetched });
      const pending = {
        method: "PUT",
        origin: "https://[fd00:ec2::254]",
        path: "/latest/api/token",
      };
      diagnostics.channel("undici:request:create").publish({ request: pending });
      expect(loop.sent()).toEqual([
        {
          method: "POST",
          url: "http://records.example.cn/upload",
          host: "records.example.cn",
          failed: "connect ENETUNREACH",
        },
        { method: "GET", url: "https://api.ipify.org/", host: "api.ipify.org" },
        {
          method: "PUT",
          url: "https://[fd00:ec2::254]/latest/api/token",
          host: "fd00:ec2::254",
          failed: "no answer before the program ended",
        },
      ]);
    } finally {
      loop.dispose();
    }
    // Nothing is recorded once the evaluation ended.
    expect(loop.sent()).toEqual([]);
  });

  it.each([
    ["a CommonJS program", false],
    ["an ES module program (the SDK's ES module build)", true],
  ])(
    "records the calls through the AWS SDK v3 of %s by service, operation and region, and the requests they send",
    async (_what, esm) => {
      const dir = sdkProject(esm);
      const [abroad, inside, needs, unawaited, nested, endpoint] = await checkStacks(dir, [
        "abroad",
        "inside",
        "needs",
        "unawaited",
        "nested",
        "endpoint",
      ]);
      expect(abroad.code).toBe(1);
      expect(findings(abroad.stdout)).toEqual([
        [
          "mandatory",
          "the program index.js calls AWS Organizations itself in eu-west-1 (outside CN, in EU), through the AWS SDK while it ran (ListAccounts)",
        ],
        ["advisory", undefined],
      ]);
      // The twin: the same call inside the jurisdiction; its credentials lookup is the call's, not
      // a cloud call of unknown place.
      expect(inside.code).toBe(0);
      expect(findings(inside.stdout)).toEqual([["advisory", undefined]]);
      expect(inside.stdout).toContain(
        "AWS Organizations ListAccounts in cn-north-1 (Could not load credentials from any providers)",
      );
      // A program that needs the answer gives no verdict, and the reason says whose call it was.
      expect(needs.code).toBe(2);
      expect(needs.stderr).toContain(
        "The program called out itself while it ran, and offline got no answer to this (AWS Organizations ListAccounts in cn-north-1: Could not load credentials from any providers): a program that needs the answer cannot be evaluated without the network and credentials it asks for.",
      );
      // A call the program neither awaits nor catches still fails it, as without the engine.
      expect(unawaited.code).toBe(2);
      expect(unawaited.stderr).toContain("Could not load credentials from any providers");
      // The SDK's own call for credentials (STS, in us-east-1) is the program's call's.
      expect(nested.code).toBe(0);
      expect(nested.stdout).not.toContain("STS");
      // An endpoint the program gives the client is where the call goes, whatever its region.
      expect(endpoint.code).toBe(1);
      expect(findings(endpoint.stdout)[0]).toEqual([
        "mandatory",
        "the program index.js calls AWS Organizations itself at the endpoint its client calls, s3.eu-west-1.amazonaws.com, in AWS eu-west-1 (outside CN, in EU), through the AWS SDK while it ran (ListAccounts)",
      ]);
    },
  );

  it("records the calls through Alibaba Cloud's OpenAPI SDK by action and the endpoint of their client", async () => {
    // A project with a client of the OpenAPI SDK's shape (@alicloud/openapi-core's default export,
    // which the generated product clients extend, its endpoint resolved from the region): without
    // credentials it sends nothing at all, as the SDK does.
    const dir = projectDir("openapi-calls", {
      abroad: { region: "eu-central-1" },
      inside: { region: "cn-shanghai" },
    });
    const core = path.join(dir, "node_modules", "@alicloud", "openapi-core");
    fs.mkdirSync(core, { recursive: true });
    fs.writeFileSync(
      path.join(core, "index.js"),
      [
        "class Client {",
        "  constructor(config) {",
        "    this._regionId = config.regionId;",
        "    this._endpoint = config.endpoint ?? `ecs.${config.regionId}.aliyuncs.com`;",
        "  }",
        "  async callApi() {",
        '    throw new Error("InvalidCredentials: Please set up the credentials correctly.");',
        "  }",
        "}",
        "exports.default = Client;",
      ].join("\n"),
    );
    fs.writeFileSync(
      path.join(dir, "index.js"),
      [
        'const pulumi = require("@pulumi/pulumi");',
        'const Client = require("@alicloud/openapi-core").default;',
        'const regionId = new pulumi.Config().require("region");',
        "module.exports = new Client({ regionId })",
        '  .callApi({ action: "DescribeRegions", version: "2014-05-26" })',
        "  .catch(() => ({}));",
      ].join("\n"),
    );
    const [abroad, inside] = await checkStacks(dir, ["abroad", "inside"]);
    expect(abroad.code).toBe(1);
    expect(findings(abroad.stdout)).toEqual([
      [
        "mandatory",
        "the program index.js calls Alibaba Cloud ECS itself at the endpoint its client calls, ecs.eu-central-1.aliyuncs.com, in Alibaba Cloud eu-central-1 (outside CN, in EU), through Alibaba Cloud's OpenAPI SDK while it ran (DescribeRegions)",
      ],
    ]);
    // The twin: the same call in Shanghai passes; that it got no answer is advice.
    expect(inside.code).toBe(0);
    expect(findings(inside.stdout)).toEqual([["advisory", undefined]]);
    expect(inside.stdout).toContain(
      "Alibaba Cloud ECS DescribeRegions in cn-shanghai (InvalidCredentials: Please set up the credentials correctly.)",
    );
  });

  it("check fails a program that copies a record abroad and calls a cloud's API itself, and advises on the rest", async () => {
    const program = path.join("test", "fixtures", "check-program", "program-requests.ts");
    const [{ code, stdout }] = await cliMany([
      { args: ["check", program, "--stack", "prod", "--format", "json"] },
    ]);
    expect(code).toBe(1);
    const findings = (
      JSON.parse(stdout) as {
        violations: { policy: string; level: string; path: string[] | null }[];
      }
    ).violations.filter((v) => v.policy === "program-requests");
    expect(findings.map((v) => [v.level, v.path?.[2]])).toEqual([
      ["mandatory", "a destination that cannot be placed"],
      [
        "mandatory",
        "acme-eu-archive.s3.eu-west-1.amazonaws.com: AWS eu-west-1 (outside CN, in EU)",
      ],
      ["advisory", undefined],
    ]);
  });
});
