/** `sovereign-dc new-stack` as an engineer adding a region runs it: the file it writes plans sealed. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import YAML from "yaml";
import { cli, root } from "../helpers/cli";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-new-stack-"));
  fs.writeFileSync(
    path.join(dir, "Pulumi.yaml"),
    YAML.stringify({
      name: "sovereign-dc",
      runtime: "nodejs",
      main: path.join(root, "stacks", "index.ts"),
    }),
  );
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const beijing = [
  "new-stack",
  "cn-beijing",
  "--cloud",
  "alicloud",
  "--region",
  "cn-beijing",
  "--jurisdiction",
  "CN",
  "--cidr",
  "10.40.0.0/16",
  "--zones",
  "cn-beijing-a,cn-beijing-b",
  "--bucket",
  "telemetry:365:Vehicle telemetry",
];

it("writes a validated Beijing stack that then plans sealed", async () => {
  const created = await cli(beijing, { cwd: dir });
  expect(created.code).toBe(0);
  const config = YAML.parse(
    fs.readFileSync(path.join(dir, "Pulumi.cn-beijing.yaml"), "utf8"),
  ).config;
  expect(config["sovereign-dc:network"]).toEqual({
    cidr: "10.40.0.0/16",
    zones: [
      { zone: "cn-beijing-a", cidr: "10.40.1.0/24" },
      { zone: "cn-beijing-b", cidr: "10.40.2.0/24" },
    ],
  });
  expect(config["sovereign-dc:egress"]).toEqual([]);
  expect(config["sovereign-dc:stateBackend"]).toBe(
    "s3://sovereign-dc-state-cn-beijing?endpoint=oss-cn-beijing.aliyuncs.com&region=cn-beijing",
  );
  const plan = await cli(["plan", "--stack", "cn-beijing", "--format", "json"], { cwd: dir });
  expect(plan.code).toBe(0);
  expect(JSON.parse(plan.stdout).violations).toEqual([]);
});
