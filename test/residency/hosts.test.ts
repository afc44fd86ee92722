/**
 * The host allowlist's entries (residency/hosts.ts): which hosts an entry may name, what it
 * admits, and how a stack config's `sovereign-dc:egressHosts` is refused — the key, the value
 * received and what is allowed.
 */
import fc from "fast-check";
import {
  declaredHostsOf,
  hostEntryFor,
  hostEntryMatches,
  hostEntryProblem,
} from "../../residency/hosts";
import { regionOfEndpoint } from "../../residency/placement";

const entry = (host: string) => ({ host, reason: "placed by the team" });

describe("hostEntryProblem", () => {
  it.each([
    "oapi.dingtalk.com",
    "*.dingtalk.com",
    "OAPI.DingTalk.com.",
    "open.feishu.cn",
    "*.weixin.qq.com",
    "ops.example.cn",
    "alerts.corp.internal",
  ])("accepts %s", (host) => {
    expect(hostEntryProblem(host)).toBeUndefined();
  });

  it.each([
    ["https://oapi.dingtalk.com/robot", "no scheme"],
    ["oapi.dingtalk.com:443", "a port"],
    ["dingtalk", "one label"],
    ["*.com.cn", "a public suffix under a wildcard"],
    ["*.github.io", "a private public suffix under a wildcard"],
    ["com.cn", "a public suffix itself"],
    ["a.*.dingtalk.com", "a wildcard inside the name"],
    ["-x.dingtalk.com", "a label starting with a hyphen"],
    ["10.0.0.8", "an address"],
    ["oss-us-west-1.aliyuncs.com", "a regional endpoint the pack places"],
    ["s3.eu-west-1.amazonaws.com", "another cloud's regional endpoint"],
    // Served from points of presence worldwide, as a bucket's own acceleration switch is judged:
    // no entry can place it inside (found by a new user's bench).
    ["oss-accelerate.aliyuncs.com", "OSS's global acceleration endpoint"],
    ["records.s3-accelerate.amazonaws.com", "S3's global acceleration endpoint"],
    ["*.oss-accelerate.aliyuncs.com", "a wildcard over acceleration endpoints alone"],
  ])("refuses %s (%s)", (host) => {
    expect(hostEntryProblem(host)).toMatch(/^expected a host name such as oapi\.dingtalk\.com/);
  });

  it("says why an address, a public suffix and an endpoint are refused", () => {
    expect(hostEntryProblem("10.0.0.8")).toContain("an IP address is a cidr entry");
    expect(hostEntryProblem("*.com.cn")).toContain("com.cn is a public suffix");
    expect(hostEntryProblem("oss-us-west-1.aliyuncs.com")).toContain(
      "a cloud service endpoint of alicloud region us-west-1",
    );
    expect(hostEntryProblem("oss-accelerate.aliyuncs.com")).toContain(
      "oss-accelerate.aliyuncs.com is an endpoint of the OSS transfer acceleration network, which serves from points of presence worldwide",
    );
  });
});

describe("what an entry admits", () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);

  it("a wildcard admits every name under its domain, at any depth, and nothing else", () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), label, (under, other) => {
        const name = [...under, "dingtalk", "com"].join(".");
        expect(hostEntryMatches(entry("*.dingtalk.com"), name)).toBe(true);
        expect(hostEntryMatches(entry("*.dingtalk.com"), `${other}dingtalk.com`)).toBe(false);
      }),
    );
    expect(hostEntryMatches(entry("*.dingtalk.com"), "dingtalk.com")).toBe(false);
  });

  it("a host admits itself only, in any case and with a trailing dot", () => {
    fc.assert(
      fc.property(label, (sub) => {
        expect(hostEntryMatches(entry("oapi.dingtalk.com"), `${sub}.oapi.dingtalk.com`)).toBe(
          false,
        );
      }),
    );
    expect(hostEntryMatches(entry("oapi.dingtalk.com"), "OAPI.dingtalk.com.")).toBe(true);
  });

  it("admits a mailbox by its domain", () => {
    expect(hostEntryFor([entry("ops.example.cn")], "oncall@ops.example.cn")).toEqual(
      entry("ops.example.cn"),
    );
    expect(hostEntryFor([entry("ops.example.cn")], "oncall@example.cn")).toBeUndefined();
  });

  it("never admits a cloud service's regional endpoint, nor a global acceleration endpoint, whatever a wildcard covers", () => {
    expect(hostEntryFor([entry("*.amazonaws.com")], "s3.eu-west-1.amazonaws.com")).toBeUndefined();
    expect(
      hostEntryFor([entry("*.aliyuncs.com")], "sdc.oss-us-west-1.aliyuncs.com"),
    ).toBeUndefined();
    expect(hostEntryFor([entry("*.aliyuncs.com")], "oss-accelerate.aliyuncs.com")).toBeUndefined();
    // A trailing dot qualifies the same name (found by the regression bench).
    expect(
      hostEntryFor([entry("*.aliyuncs.com")], "hooks.oss-accelerate.aliyuncs.com."),
    ).toBeUndefined();
    expect(
      hostEntryFor([entry("*.aliyuncs.com")], "sdc.oss-us-west-1.aliyuncs.com."),
    ).toBeUndefined();
    expect(
      hostEntryFor([entry("*.amazonaws.com")], "records.s3-accelerate.dualstack.amazonaws.com"),
    ).toBeUndefined();
    // Twin: a host of the domain that is no cloud endpoint is the wildcard's.
    expect(hostEntryFor([entry("*.aliyuncs.com")], "hooks.example.aliyuncs.com")).toEqual(
      entry("*.aliyuncs.com"),
    );
  });

  // Found by probing the guard: `*.amazonaws.com` admitted any AWS customer's bucket on S3's
  // global endpoint and any EC2 instance's public name in us-east-1, whoever owns them.
  it("never admits a name under a public suffix below a wildcard's domain, which anyone may register", () => {
    const wide = [entry("*.amazonaws.com")];
    expect(hostEntryFor(wide, "someone-elses-bucket.s3.amazonaws.com")).toBeUndefined();
    expect(hostEntryFor(wide, "ec2-3-80-1-1.compute-1.amazonaws.com")).toBeUndefined();
    // A wildcard over that suffix is refused itself; a host of the domain that is none is admitted.
    expect(hostEntryProblem("*.s3.amazonaws.com")).toContain("is a public suffix");
    expect(hostEntryFor(wide, "hooks.amazonaws.com")).toEqual(entry("*.amazonaws.com"));
    expect(hostEntryFor([entry("*.dingtalk.com")], "oapi.dingtalk.com")).toEqual(
      entry("*.dingtalk.com"),
    );
  });

  it("places an EC2 instance's public name in us-east-1, the region whose names carry none", () => {
    expect(regionOfEndpoint("https://ec2-3-80-1-1.compute-1.amazonaws.com/ingest")).toEqual({
      cloud: "aws",
      region: "us-east-1",
    });
    expect(regionOfEndpoint("ec2-3-80-1-1.eu-west-1.compute.amazonaws.com")).toEqual({
      cloud: "aws",
      region: "eu-west-1",
    });
  });
});

describe("sovereign-dc:egressHosts", () => {
  const read = (value: unknown) =>
    declaredHostsOf({ "sovereign-dc:egressHosts": JSON.stringify(value) });

  it("reads the entries of a stack config, their reasons trimmed", () => {
    expect(read([{ host: "oapi.dingtalk.com", reason: " DingTalk robot " }])).toEqual({
      declared: [{ host: "oapi.dingtalk.com", reason: "DingTalk robot" }],
    });
    expect(declaredHostsOf({})).toEqual({ declared: [] });
  });

  it.each([
    [
      "a wildcard over a public suffix",
      [{ host: "*.com.cn", reason: "r" }],
      "sovereign-dc:egressHosts[0].host",
      "*.com.cn",
      "com.cn is a public suffix",
    ],
    [
      "a URL for a host",
      [{ host: "https://open.feishu.cn/x", reason: "r" }],
      "sovereign-dc:egressHosts[0].host",
      "https://open.feishu.cn/x",
      "(no scheme, port or path)",
    ],
    [
      "an entry without a reason",
      [{ host: "open.feishu.cn" }],
      "sovereign-dc:egressHosts[0].reason",
      undefined,
      "expected a non-empty justification",
    ],
    [
      "a key an entry does not take",
      [{ host: "open.feishu.cn", reason: "r", ports: [443] }],
      "sovereign-dc:egressHosts[0].ports",
      [443],
      "expected only host and reason",
    ],
    [
      "a host where a list belongs",
      "open.feishu.cn",
      "sovereign-dc:egressHosts",
      "open.feishu.cn",
      "expected a list of { host, reason }",
    ],
  ])(
    "refuses %s, naming the key, the value and what is allowed",
    (_, value, key, received, expected) => {
      const result = read(value);
      expect(result).toEqual({
        issues: [{ key, received, expected: expect.stringContaining(expected) }],
      });
    },
  );
});
