/**
 * Pulumi.yaml declares every key a stack config may set under `sovereign-dc:` — the project's
 * config schema, which `pulumi config` and editors show to whoever writes a stack file — and no
 * key the spec would refuse.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";
import { specKeys } from "../../residency/spec-schema";

test("Pulumi.yaml declares exactly the keys of the stack spec, each with a description", () => {
  const project = YAML.parse(
    fs.readFileSync(path.join(__dirname, "..", "..", "Pulumi.yaml"), "utf8"),
  ) as { config: Record<string, { description?: string }> };
  expect(Object.keys(project.config).sort()).toEqual([...specKeys].sort());
  for (const [key, decl] of Object.entries(project.config)) {
    expect({ key, described: (decl.description ?? "").length > 20 }).toEqual({
      key,
      described: true,
    });
  }
});
