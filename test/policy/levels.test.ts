/**
 * Which findings fail a stack: a path out, or a destination that cannot be placed, is mandatory;
 * hardening that keeps data in place is advisory unless the stack is in strict posture. These
 * are the pack's own defaults, which the Pulumi CLI applies to a config that sets no level.
 */
import type { FieldSpec } from "../../policy/paths/model";
import { byType } from "../../policy/paths/types";
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
    // The links' account fields; grants to another account (format `grants`) name no network.
    const link = (f: FieldSpec) => f.policy === "cross-account-links" && f.format !== "grants";
    // A landing zone's audit account is given roles in every governed account: a grant named by
    // its account ID, not a link to a network.
    const grantsByAccount = new Set(["aws:controltower/landingZone:LandingZone"]);
    const rows = Object.entries(byType).filter(
      ([type, m]) => !grantsByAccount.has(type) && m.fields?.some(link),
    );
    expect(
      [...grantsByAccount].map((t) => byType[t]?.fields?.filter(link).map((f) => f.format)),
    ).toEqual([["account"]]);
    // A Redshift-managed VPC endpoint reaches another account's cluster or workgroup only in its
    // own region, and an S3 access point another account's bucket (S3 creates an access point in
    // its bucket's region), and a security group rule another account's group (a rule names a
    // group of its own region), so no field names the far region; nor does one of a link whose
    // far region another row judges.
    const sameRegion = new Set([
      "alicloud:ecs/securityGroupRule:SecurityGroupRule",
      "aws:redshift/endpointAccess:EndpointAccess",
      "aws:redshiftserverless/endpointAccess:EndpointAccess",
      "aws:s3/accessPoint:AccessPoint",
      // A router interface connection reaches the region its initiating interface names, judged
      // on that interface's row, and fails closed on an interface the program does not create.
      "alicloud:vpc/routerInterfaceConnection:RouterInterfaceConnection",
    ]);
    expect(rows.map(([type]) => type).sort()).toEqual([
      "alicloud:cen/instanceAttachment:InstanceAttachment",
      "alicloud:cloudfirewall/firewallVpcFirewall:FirewallVpcFirewall",
      "alicloud:cloudfirewall/firewallVpcFirewallCen:FirewallVpcFirewallCen",
      "alicloud:ecs/securityGroupRule:SecurityGroupRule",
      "alicloud:expressconnect/routerInterface:RouterInterface",
      "alicloud:expressconnect/routerTrAssociation:RouterTrAssociation",
      "alicloud:expressconnect/routerVbrChildInstance:RouterVbrChildInstance",
      "alicloud:expressconnect/routerVpcAssociation:RouterVpcAssociation",
      "alicloud:vpc/peerConnection:PeerConnection",
      "alicloud:vpc/routerInterfaceConnection:RouterInterfaceConnection",
      "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
      "aws:ec2transitgateway/peeringAttachment:PeeringAttachment",
      "aws:opensearch/outboundConnection:OutboundConnection",
      "aws:redshift/endpointAccess:EndpointAccess",
      "aws:redshiftserverless/endpointAccess:EndpointAccess",
      "aws:s3/accessPoint:AccessPoint",
    ]);
    for (const [type, m] of rows) {
      const fields = m.fields ?? [];
      expect({
        type,
        accounts: [...new Set(fields.filter(link).map((f) => f.format))],
        placed:
          sameRegion.has(type) ||
          // A link's far region is network-links'; a search connection's, the database replicas'.
          fields.some(
            (f) =>
              (f.policy === "network-links" || f.policy === "database-replicas") &&
              f.format === "region",
          ),
      }).toEqual({ type, accounts: ["account"], placed: true });
    }
  });
});
