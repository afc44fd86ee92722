/**
 * Offline, a stand-in for a resource's address names the resource only in a callback that builds
 * text from its values and chooses nothing by them (engine/invokes/decides.ts): `===`, `typeof` and
 * truthiness on a stand-in go unnoticed, and the side they pick offline may hide a destination
 * abroad (red team 86: `pulumi.all([ip, mode]).apply(([ip, m]) => m === "dr" ? evil : ip)`).
 */
import { decides } from "../../engine/invokes/decides";

/* eslint-disable @typescript-eslint/no-unused-vars */
const builders: Array<(...args: never[]) => unknown> = [
  (ip: string) => ip,
  (ip: string) => ip.trim().toLowerCase(),
  (ip: string) => `#!/bin/bash\nrsync -a /data/ ec2-user@${ip}:/replica/\n`,
  ([a, b]: string[]) => `scp ${a}:/x ${b}:/y`,
  ({ to, t }: { to: string; t: string }) => "curl -H x:" + t + " -T f " + to,
  ([a]: string[]) => Buffer.from(`echo ${a}`).toString("base64"),
  ([a, b]: string[]) => [a, b].join("\n"),
  function (x: string[]) {
    const a = x[0];
    return "ping " + a;
  },
  (o: { host: string }) => JSON.stringify({ host: o.host }),
];

const deciders: Array<(...args: never[]) => unknown> = [
  ([ip, m]: string[]) => (m === "dr" ? "backup.example.com" : ip),
  // oxlint-disable-next-line eqeqeq -- a program's loose comparison, as written
  (ip: string) => (ip == "10.0.0.1" ? "x" : ip),
  (ip: string) => (typeof ip === "string" ? ip : "x"),
  (ip: string) => ip || "x",
  (ip: string) => (!ip ? "x" : ip),
  (ip: string) => {
    if (ip) {
      return ip;
    }
    return "x";
  },
  (ip: string) => pick(ip),
  (ip: string) => ip.replace(/^10\./, "backup."),
  (ips: string[]) => ips.map((i) => `scp ${i}`).join("\n"),
  async (ip: string) => ip,
  (ip: string) => {
    for (const c of ip) {
      return c;
    }
    return ip;
  },
];
/* eslint-enable @typescript-eslint/no-unused-vars */

function pick(ip: string): string {
  return ip.startsWith("10.") ? ip : "x";
}

test.each(builders.map((f) => [f.toString().replace(/\s+/g, " ")]))(
  "trusts a callback that only builds text: %s",
  (source) => {
    const f = builders.find((b) => b.toString().replace(/\s+/g, " ") === source)!;
    expect(decides(f)).toBe(false);
  },
);

test.each(deciders.map((f) => [f.toString().replace(/\s+/g, " ")]))(
  "does not trust a callback that may choose by its values: %s",
  (source) => {
    const f = deciders.find((b) => b.toString().replace(/\s+/g, " ") === source)!;
    expect(decides(f)).toBe(true);
  },
);

test("does not trust a function whose source does not parse alone: a method, a native one", () => {
  const o = {
    m(ip: string) {
      return ip;
    },
  };
  expect(decides(o.m)).toBe(true);
  expect(decides(String.prototype.trim as never)).toBe(true);
  expect(decides(((ip: string) => ip).bind(null))).toBe(true);
});
