/**
 * Which absent fields of a resource's outputs the provider computes
 * (engine/invokes/output-types.ts), read from the declarations of the SDKs this repository
 * installs.
 */
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
