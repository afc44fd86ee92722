/**
 * The marks stand-ins leave in strings (engine/invokes/callbacks.ts): the monitor records any
 * input or output string that holds one as unknown, and leaves every other value as it was.
 */
import fc from "fast-check";
import * as util from "node:util";
import { holdsMark, standInAnswer, withMarksUnknown } from "../../engine/invokes/callbacks";
import { unknownValue } from "../../engine/wire";

describe("withMarksUnknown", () => {
  it("makes every string that holds a mark unknown, at any depth", () => {
    expect(
      withMarksUnknown({
        name: "disk-⟨unknown 3⟩",
        tags: { image: "⟨unknown 12⟩", team: "data" },
        rules: [{ cidr: "10.0.0.0/8" }, { cidr: "⟨unknown 1⟩/32" }],
        count: 2,
      }),
    ).toEqual({
      name: unknownValue,
      tags: { image: unknownValue, team: "data" },
      rules: [{ cidr: "10.0.0.0/8" }, { cidr: unknownValue }],
      count: 2,
    });
  });

  it("returns a value without marks as it was, the same object", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        fc.pre(!JSON.stringify(v).includes("⟨unknown "));
        expect(withMarksUnknown(v)).toBe(v);
      }),
    );
  });

  it("tells a mark from text that only looks like one", () => {
    expect(holdsMark("⟨unknown 7⟩")).toBe(true);
    expect(holdsMark("⟨unknown⟩")).toBe(false);
    expect(holdsMark("unknown 7")).toBe(false);
  });
});

// A public program logs an instance's public IP in a callback (`console.log("IP:", ip)`): offline
// it printed `{}`, where the README says a stand-in reads as its mark.
describe("a stand-in", () => {
  it("shows its mark where a program logs it", () => {
    const shown = util.inspect(standInAnswer());
    expect(shown).toMatch(/^⟨unknown \d+⟩$/);
    expect(util.format("IP: %s", standInAnswer())).toMatch(/^IP: ⟨unknown \d+⟩$/);
  });

  // Red team 85 (l01): `console.log(ip)` of an instance's address printed the hex of the resource
  // a mark names, and `console.log([ip, ip])` two numbers for the one value.
  it("shows one plain mark, each time it is logged, for a resource's address too", () => {
    const ip = standInAnswer({
      type: "aws:ec2/instance:Instance",
      name: "peer",
      output: "privateIp",
    });
    const shown = util.inspect(ip);
    expect(shown).toMatch(/^⟨unknown \d+⟩$/);
    expect(util.inspect(ip)).toBe(shown);
    expect(util.inspect([ip, ip])).toBe(`[ ${shown}, ${shown} ]`);
    expect(util.format("%s", ip)).not.toContain("@");
  });
});
