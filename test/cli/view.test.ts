/**
 * The text view of the findings: one block each, except that a finding saying word for word what
 * one above says of another resource of its type points to that block instead of repeating it.
 */
import type { Violation } from "../../engine/check";
import { renderViolations } from "../../cli/view";

const unclassified = (name: string, type = "command:local:Command"): Violation => ({
  policy: "reviewed-resource-types",
  level: "mandatory",
  resourceType: type,
  resourceName: name,
  urn: `urn:pulumi:dev::p::${type}::${name}`,
  message: `local command "${name}" must be of a type the residency pack has classified, but ${type} is not a resource type of the SDKs the pack classifies. Review it.`,
  path: [`local command "${name}"`, `${type} (unclassified: where it sends data cannot be placed)`],
});

describe("renderViolations", () => {
  it("says a finding once per type and points the repeats of other resources to it", () => {
    const text = renderViolations([
      unclassified("a"),
      unclassified("b"),
      unclassified("c", "docker:index/image:Image"),
      unclassified("d"),
    ]);
    expect(text.split("\n")).toEqual([
      '✗ [mandatory] reviewed-resource-types command:local:Command "a"',
      '    local command "a" must be of a type the residency pack has classified, but command:local:Command is not a resource type of the SDKs the pack classifies. Review it.',
      '    path: local command "a" → command:local:Command (unclassified: where it sends data cannot be placed)',
      '✗ [mandatory] reviewed-resource-types command:local:Command "b": as for "a" above',
      '✗ [mandatory] reviewed-resource-types docker:index/image:Image "c"',
      '    local command "c" must be of a type the residency pack has classified, but docker:index/image:Image is not a resource type of the SDKs the pack classifies. Review it.',
      '    path: local command "c" → docker:index/image:Image (unclassified: where it sends data cannot be placed)',
      '✗ [mandatory] reviewed-resource-types command:local:Command "d": as for "a" above',
    ]);
  });

  it("names the component each of two resources of one type and name sits in", () => {
    const top = unclassified("shared");
    const inner = {
      ...unclassified("shared"),
      urn: "urn:pulumi:dev::p::acme:x:Outer$acme:x:Inner$command:local:Command::shared",
    };
    const lines = renderViolations([top, inner, unclassified("alone")]).split("\n");
    expect(lines[0]).toBe(
      '✗ [mandatory] reviewed-resource-types command:local:Command "shared" (in the stack)',
    );
    expect(lines[3]).toBe(
      '✗ [mandatory] reviewed-resource-types command:local:Command "shared" (in acme:x:Outer → acme:x:Inner): as for "shared" (in the stack) above',
    );
    expect(lines[4]).toBe(
      '✗ [mandatory] reviewed-resource-types command:local:Command "alone": as for "shared" (in the stack) above',
    );
  });

  it("points a repeat to the block above when its words name the resource again, as a waiver of it does", () => {
    const waivable = (name: string): Violation => ({
      ...unclassified(name),
      message: `${unclassified(name).message} Waive it: {"resource":"${name}"}.`,
    });
    const lines = renderViolations([waivable("a"), waivable("b")]).split("\n");
    expect(lines[1]).toContain('Waive it: {"resource":"a"}.');
    expect(lines.slice(3)).toEqual([
      '✗ [mandatory] reviewed-resource-types command:local:Command "b": as for "a" above',
    ]);
  });

  it("points a repeat of another type to the block above, naming that type", () => {
    const component = (type: string, name: string): Violation => ({
      policy: "offline-visibility",
      level: "mandatory",
      resourceType: type,
      resourceName: name,
      urn: `urn:pulumi:dev::p::${type}::${name}`,
      message: `${type} "${name}" must have its resources checked, but its plugin is not installed here.`,
      // As offline-visibility reports a component: no path.
      path: null,
    });
    const lines = renderViolations([
      component("awsx:ecr:Repository", "repo"),
      component("awsx:lb:ApplicationLoadBalancer", "lb"),
      component("awsx:ecr:Repository", "cache"),
    ]).split("\n");
    // The first block is its head and its message: a finding without a path has no path line.
    expect(lines.slice(2)).toEqual([
      '✗ [mandatory] offline-visibility awsx:lb:ApplicationLoadBalancer "lb": as for awsx:ecr:Repository "repo" above',
      '✗ [mandatory] offline-visibility awsx:ecr:Repository "cache": as for "repo" above',
    ]);
  });

  it("keeps every block whose words differ beyond the resource's own name", () => {
    const other = { ...unclassified("b"), message: `${unclassified("b").message} More.` };
    expect(renderViolations([unclassified("a"), other]).split("\n")).toHaveLength(6);
  });
});
