/**
 * `npm run test:nodes` (scripts/test-nodes.js): the suite on other releases of Node.js. Running it
 * needs the registry and minutes; here only that a version it cannot take is refused, by name,
 * before anything is fetched.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const script = path.resolve(__dirname, "..", "..", "scripts", "test-nodes.js");

test.each(["latest", "v24", "24.x", ""])("refuses %j, naming it and what it takes", (version) => {
  const r = spawnSync(process.execPath, [script, version], { encoding: "utf8" });
  expect(r.status).toBe(2);
  expect(r.stderr).toBe(
    `test:nodes: received ${JSON.stringify(version)}; expected a Node.js major version or a full one (22, 24.22.3)\n`,
  );
  expect(r.stdout).toBe("");
});
