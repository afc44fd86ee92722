/**
 * A resource named from another resource's output or a lookup: the engine receives the name in the
 * wire form (an output value, a secret). The ID and the outputs built from it must be the name
 * inside when it is known, and unknown when it is not — never the text of the wrapper object, which
 * would name a bucket "[object Object]" and give every such bucket the same ARN.
 */
import { synthesizeState } from "../../engine/synth";
import { outputValueSig, secretSig, sigKey, unknownValue } from "../../engine/wire";

const beijing = { region: "cn-north-1" };

function stateOf(type: string, inputs: Record<string, unknown>) {
  return synthesizeState({ type, name: "configs", inputs, providerProps: beijing });
}

const pendingOutput = {
  [sigKey]: outputValueSig,
  dependencies: ["urn:pulumi:dev::p::aws:index/x::y"],
};

describe("a name given in the wire form", () => {
  it("names the bucket by the known value inside an output value", () => {
    const { id, state } = stateOf("aws:s3/bucketV2:BucketV2", {
      bucket: { [sigKey]: outputValueSig, value: "configs-210987654321-cn-north-1" },
    });
    expect(id).toBe("configs-210987654321-cn-north-1");
    expect(state.arn).toBe("arn:aws-cn:s3:::configs-210987654321-cn-north-1");
    expect(state.bucketRegionalDomainName).toBe(
      "configs-210987654321-cn-north-1.s3.cn-north-1.amazonaws.com.cn",
    );
    expect(state.bucketDomainName).toBe("configs-210987654321-cn-north-1.s3.amazonaws.com.cn");
  });

  it("names the role by the value inside a secret", () => {
    const { id, state } = stateOf("aws:iam/role:Role", {
      name: { [sigKey]: secretSig, value: "replicator" },
    });
    expect(id).toBe("replicator");
    expect(state.arn).toBe("arn:aws-cn:iam::000000000000:role/replicator");
  });

  it.each([
    ["an output value not known before deployment", pendingOutput],
    ["the unknown value", unknownValue],
    ["a secret whose value is not known", { [sigKey]: secretSig, value: unknownValue }],
  ])("leaves the ID, ARN and domain name unknown for %s", (_, bucket) => {
    const { id, state } = stateOf("aws:s3/bucket:Bucket", { bucket });
    expect(id).toBe(unknownValue);
    expect(state.arn).toBe(unknownValue);
    expect(state.bucketRegionalDomainName).toBe(unknownValue);
    expect(state.bucketDomainName).toBe(unknownValue);
  });

  it("still auto-names a bucket whose name is left out", () => {
    const { id, state } = stateOf("aws:s3/bucket:Bucket", {});
    expect(id).toMatch(/^configs-[0-9a-f]{7}$/);
    expect(state.arn).toBe(`arn:aws-cn:s3:::${id}`);
  });
});
