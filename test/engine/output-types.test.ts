/**
 * Which absent fields of a resource's outputs the provider computes
 * (engine/invokes/output-types.ts), read from the declarations of the SDKs this repository
 * installs.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { mayBeAbsent } from "../../engine/invokes/output-types";

describe("mayBeAbsent", () => {
  test.each<[string, string[], boolean | undefined]>([
    // Always given (the provider computes it when the program does not set it).
    ["aws:ec2/instance:Instance", ["rootBlockDevice", "volumeId"], false],
    ["aws:ec2/instance:Instance", ["ebsBlockDevices", "[]", "volumeId"], false],
    ["aws:eks/cluster:Cluster", ["vpcConfig", "clusterSecurityGroupId"], false],
    ["alicloud:oss/bucket:Bucket", ["accessMonitor", "status"], false],
    // Declared optional: absent under preview when the program leaves it out.
    ["aws:ec2/instance:Instance", ["rootBlockDevice", "deleteOnTermination"], true],
    ["alicloud:oss/bucket:Bucket", ["corsRules", "[]", "maxAgeSeconds"], true],
    // A map's keys are the program's.
    ["aws:ec2/instance:Instance", ["tags", "owner"], true],
    ["aws:ec2/instance:Instance", ["rootBlockDevice", "tags", "owner"], true],
    ["aws:lambda/function:Function", ["environment", "variables", "REGION"], true],
    // What the declarations cannot say.
    ["aws:ec2/instance:Instance", ["rootBlockDevice", "noSuchField"], undefined],
    ["aws:ec2/instance:Instance", ["rootBlockDevice"], undefined],
    ["aws:ec2/noSuchResource:NoSuchResource", ["a", "b"], undefined],
    ["nosuchpackage:index/thing:Thing", ["a", "b"], undefined],
    ["aws:ec2/instance:Instance", ["ebsBlockDevices", "volumeId"], undefined],
  ])("%s %j → %s", (type, fieldPath, expected) => {
    expect(mayBeAbsent(type, fieldPath)).toBe(expected);
  });
});

describe("mayBeAbsent on a native provider's declarations", () => {
  // Two packages with the same declarations: a container group whose `ipAddress.ip` is optional
  // in its output type. In an SDK bridged from Terraform that means the field may be absent; a
  // native provider's output types leave optional what the cloud assigns, so it says nothing.
  let dir: string;
  const cwd = process.cwd();
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-output-types-"));
    for (const pkg of ["cloudy", "cloudy-native"]) {
      const root = path.join(dir, "node_modules", "@pulumi", pkg);
      fs.mkdirSync(path.join(root, "compute"), { recursive: true });
      fs.mkdirSync(path.join(root, "types"), { recursive: true });
      fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: `@pulumi/${pkg}` }));
      fs.writeFileSync(
        path.join(root, "compute", "containerGroup.d.ts"),
        [
          "export declare class ContainerGroup {",
          "    readonly ipAddress: pulumi.Output<outputs.compute.IpAddressResponse | undefined>;",
          "}",
          "",
        ].join("\n"),
      );
      fs.writeFileSync(
        path.join(root, "types", "output.d.ts"),
        [
          "export declare namespace compute {",
          "    interface IpAddressResponse {",
          "        ip?: string;",
          "        type: string;",
          "    }",
          "}",
          "",
        ].join("\n"),
      );
    }
    process.chdir(dir);
  });
  afterAll(() => {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reads a bridged SDK's optional field as one that may be absent", () => {
    expect(mayBeAbsent("cloudy:compute:ContainerGroup", ["ipAddress", "ip"])).toBe(true);
    expect(mayBeAbsent("cloudy:compute:ContainerGroup", ["ipAddress", "type"])).toBe(false);
  });

  it("cannot say for a native provider's", () => {
    expect(mayBeAbsent("cloudy-native:compute:ContainerGroup", ["ipAddress", "ip"])).toBe(
      undefined,
    );
  });
});
