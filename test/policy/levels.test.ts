/**
 * Which findings fail a stack: a path out, or a destination that cannot be placed, is mandatory;
 * hardening that keeps data in place is advisory unless the stack is in strict posture. These
 * are the pack's own defaults, which the Pulumi CLI applies to a config that sets no level.
 */
import { networkLinkFlows, peerAccountFields, sameRegionPeerLinks } from "../../policy/network";
import { hardeningPolicyNames, policies } from "../../policy/policies";

describe("enforcement levels", () => {
  it("names exactly the hardening policies", () => {
    expect([...hardeningPolicyNames].sort()).toEqual([
      "cross-account-links",
      "customer-key-encryption",
    ]);
  });

  it("leaves the hardening policies advisory by default and every other at the pack's level", () => {
    const own = Object.fromEntries(
      policies
        .filter((p) => p.enforcementLevel !== undefined)
        .map((p) => [p.name, p.enforcementLevel]),
    );
    expect(own).toEqual({
      "cross-account-links": "advisory",
      "customer-key-encryption": "advisory",
    });
  });

  it("moves to cross-account-links only account fields whose link names its far end's region (or lies in its own)", () => {
    const byType = new Map(networkLinkFlows.map((m) => [m.type, m]));
    for (const [type, paths] of peerAccountFields) {
      const model = byType.get(type);
      expect({ type, modelled: model !== undefined }).toEqual({ type, modelled: true });
      for (const p of paths) {
        expect({ type, p, format: model!.fields.find((f) => f.path === p)?.format }).toEqual({
          type,
          p,
          format: "account",
        });
      }
      const placed =
        model!.fields.some((f) => f.format === "region") || sameRegionPeerLinks.has(type);
      expect({ type, regions: placed }).toEqual({
        type,
        regions: true,
      });
    }
  });
});
