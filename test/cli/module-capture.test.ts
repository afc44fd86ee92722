/**
 * A Lambda callback that captures a CommonJS package imported with `import * as`, in a project
 * compiled without esModuleInterop (as Pulumi's templates are): under the Pulumi CLI ts-node hands
 * the program the module itself, which the function serialiser captures as a `require`; offline
 * it must too, or the callback fails to serialise (the package's bound native function) and the
 * check ends without a verdict.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cliMany, root } from "../helpers/cli";

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-capture-"));
  const files: Record<string, string> = {
    "Pulumi.yaml": "name: tick\nruntime: nodejs\n",
    "Pulumi.dev.yaml": "config:\n  aws:region: us-west-2\n  sovereign-dc:jurisdiction: US\n",
    "tsconfig.json": '{ "compilerOptions": { "strict": true, "module": "commonjs" } }\n',
    "package.json": '{ "name": "tick", "dependencies": { "bound-clock": "1.0.0" } }\n',
    // A package whose export is a bound native function, as AWS SDK clients hold.
    "node_modules/bound-clock/package.json": '{ "name": "bound-clock", "version": "1.0.0" }\n',
    "node_modules/bound-clock/index.js": "module.exports = { now: Date.now.bind(Date) };\n",
    "index.ts": [
      'import * as aws from "@pulumi/aws";',
      'import * as clock from "bound-clock";',
      "",
      'new aws.lambda.CallbackFunction("tick", { callback: async () => clock.now() });',
      "",
    ].join("\n"),
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  fs.symlinkSync(
    path.join(root, "node_modules", "@pulumi"),
    path.join(dir, "node_modules", "@pulumi"),
  );
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the callback serialises and the function is judged", async () => {
  const [r] = await cliMany([{ args: ["check", "index.ts", "--stack", "dev"], cwd: dir }]);
  expect(r.stderr).not.toContain("could not be serialized");
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('✗ [mandatory] internet-egress aws:lambda/function:Function "tick"');
});
