/**
 * `aws.networkmanager.getCoreNetworkPolicyDocument` offline: the Cloud WAN policy the AWS provider
 * renders from the arguments alone — the schema's defaults, its sets sorted and reversed, the
 * model's key order — so that a core network's edge locations written the registry's way are
 * judged, as the same policy written as JSON is (found by the network bench: it failed closed as a
 * lookup "read from the cloud").
 */
import { answerInvoke } from "../../engine/invokes/index";
import { crc32 } from "../../engine/invokes/go-json";

const token = "aws:networkmanager/getCoreNetworkPolicyDocument:getCoreNetworkPolicyDocument";
const ctx = { providerProps: { region: "us-west-2" }, config: {} };

function render(args: Record<string, unknown>): { json: string; id: string } {
  const answer = answerInvoke(token, args, ctx);
  if (!answer.known) {
    throw new Error("not answered");
  }
  return answer.result as { json: string; id: string };
}

/** Two edge locations, two segments and a share to every segment. */
const policy = {
  coreNetworkConfigurations: [
    {
      asnRanges: ["64512-64555", "64600-64650"],
      edgeLocations: [{ location: "us-east-1", asn: "64512" }, { location: "us-west-2" }],
    },
  ],
  segments: [
    {
      name: "shared",
      description: "Segment for shared services",
      edgeLocations: ["us-west-2", "us-east-1"],
    },
    { name: "isolated", isolateAttachments: true, requireAttachmentAcceptance: false },
  ],
  segmentActions: [
    { action: "share", mode: "attachment-route", segment: "shared", shareWiths: ["*"] },
  ],
};

test("renders the document in the provider's layout: defaults, key order, sets sorted and reversed", () => {
  const { json, id } = render(policy);
  expect(json).toBe(
    [
      "{",
      '  "version": "2021.12",',
      '  "core-network-configuration": {',
      '    "asn-ranges": [',
      '      "64600-64650",',
      '      "64512-64555"',
      "    ],",
      '    "vpn-ecmp-support": true,',
      '    "edge-locations": [',
      "      {",
      '        "location": "us-east-1",',
      '        "asn": 64512',
      "      },",
      "      {",
      '        "location": "us-west-2"',
      "      }",
      "    ],",
      '    "dns-support": true,',
      '    "security-group-referencing-support": false',
      "  },",
      '  "segments": [',
      "    {",
      '      "name": "shared",',
      '      "description": "Segment for shared services",',
      '      "edge-locations": [',
      '        "us-west-2",',
      '        "us-east-1"',
      "      ],",
      '      "isolate-attachments": false,',
      '      "require-attachment-acceptance": true',
      "    },",
      "    {",
      '      "name": "isolated",',
      '      "isolate-attachments": true,',
      '      "require-attachment-acceptance": false',
      "    }",
      "  ],",
      '  "segment-actions": [',
      "    {",
      '      "action": "share",',
      '      "segment": "shared",',
      '      "mode": "attachment-route",',
      '      "share-with": "*"',
      "    }",
      "  ]",
      "}",
    ].join("\n"),
  );
  expect(id).toBe(String(crc32(json)));
});

test("a share with all but some segments is written under share-with as an except list", () => {
  const doc = JSON.parse(
    render({
      ...policy,
      segmentActions: [{ action: "share", segment: "shared", shareWithExcepts: ["a", "b"] }],
    }).json,
  ) as { "segment-actions": unknown[] };
  expect(doc["segment-actions"]).toEqual([
    { action: "share", segment: "shared", "share-with": { except: ["b", "a"] } },
  ]);
});

test("what the provider refuses fails the lookup in its words", () => {
  expect(() =>
    render({
      ...policy,
      segmentActions: [
        { action: "share", segment: "shared", shareWiths: ["a"], shareWithExcepts: ["b"] },
      ],
    }),
  ).toThrow(
    'you must specify only 1 of "share_with" or "share_with_except". See segment_actions[0]',
  );
  expect(() =>
    render({
      ...policy,
      routingPolicies: [
        {
          routingPolicyName: "p",
          routingPolicyDirection: "inbound",
          routingPolicyNumber: 1,
          routingPolicyRules: [],
        },
      ],
    }),
  ).toThrow("routing_policies requires version 2025.11");
});

test("a segment name or edge location given twice is refused, as the provider refuses it", () => {
  expect(() => render({ ...policy, segments: [{ name: "a" }, { name: "a" }] })).toThrow(
    "duplicate Name (a). Remove the Name or ensure the Name is unique",
  );
  expect(() =>
    render({
      ...policy,
      coreNetworkConfigurations: [
        {
          asnRanges: ["64512-64555"],
          edgeLocations: [{ location: "us-east-1" }, { location: "us-east-1" }],
        },
      ],
    }),
  ).toThrow("duplicate Location (us-east-1). Remove the Location or ensure the Location is unique");
});
