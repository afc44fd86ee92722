/**
 * AWS Local and Wavelength Zones (residency/edge-zones.ts): a zone of a parent region standing in
 * a city of its own, placed by that city's country — `us-east-1-bue-1a` is in Argentina, whatever
 * us-east-1's country. A zone shaped like one but not listed cannot be placed.
 */
import { outcomeOf } from "../../policy/paths/references";
import { locate } from "../../policy/paths/places";
import {
  describeEdgeZone,
  type EdgeZone,
  edgeZoneInJurisdiction,
  edgeZoneOf,
} from "../../residency/edge-zones";
import { getJurisdiction } from "../../residency/jurisdictions";

const us = getJurisdiction("US");
const eu = getJurisdiction("EU");
const de = getJurisdiction("DE");

describe("reading a zone", () => {
  test.each<[string, Partial<EdgeZone> | "unlisted" | undefined]>([
    [
      "us-east-1-bue-1a",
      { kind: "Local Zone", group: "us-east-1-bue-1", parentRegion: "us-east-1", country: "AR" },
    ],
    ["use1-bue1-az1", { group: "us-east-1-bue-1", country: "AR" }],
    ["us-west-2-lax-1b", { group: "us-west-2-lax-1", city: "Los Angeles", country: "US" }],
    ["usw2-lax1-az2", { group: "us-west-2-lax-1", country: "US" }],
    ["ap-northeast-1-tpe-1a", { parentRegion: "ap-northeast-1", country: "TW" }],
    ["eu-north-1-cph-1a", { city: "Copenhagen", country: "DK" }],
    ["eu-central-1-ist-1a", { city: "Istanbul", country: "TR" }],
    ["us-west-2-phx-2a", { city: "Phoenix", country: "US" }],
    [
      "us-east-1-wl1-bos-wlz-1",
      { kind: "Wavelength Zone", group: "us-east-1-wl1-bos-wlz-1", country: "US" },
    ],
    ["use1-wl1-bos-wlz1", { kind: "Wavelength Zone", country: "US" }],
    ["eu-west-2-wl1-lon-wlz-1", { kind: "Wavelength Zone", city: "London", country: "GB" }],
    ["apne1-wl1-nrt-wlz1", { kind: "Wavelength Zone", city: "Tokyo", country: "JP" }],
    // Shaped like an edge zone, of a group the catalog does not list: it fails closed.
    ["us-east-1-xyz-1a", "unlisted"],
    ["use1-xyz1-az1", "unlisted"],
    ["us-east-1-wl1-xyz-wlz-1", "unlisted"],
    // Zones of the region itself, and values that are no zone at all.
    ["us-east-1a", undefined],
    ["use1-az1", undefined],
    ["cn-shanghai-b", undefined],
    ["Z0123456789ABC", undefined],
  ])("%s", (value, expected) => {
    const found = edgeZoneOf(value);
    if (expected === undefined || expected === "unlisted") {
      expect(found).toBe(expected);
    } else {
      expect(found).toMatchObject(expected);
    }
  });
});

describe("whether an edge zone lies inside", () => {
  const zone = (value: string) => edgeZoneOf(value) as EdgeZone;

  test("a country holds its own cities' zones, and no other's", () => {
    expect(edgeZoneInJurisdiction(us, zone("us-west-2-lax-1a"))).toBe(true);
    expect(edgeZoneInJurisdiction(us, zone("us-east-1-bue-1a"))).toBe(false);
    expect(edgeZoneInJurisdiction(us, zone("us-east-1-qro-1a"))).toBe(false);
  });

  test("a union holds its member countries' zones", () => {
    expect(edgeZoneInJurisdiction(eu, zone("eu-north-1-cph-1a"))).toBe(true);
    expect(edgeZoneInJurisdiction(eu, zone("me-south-1-mct-1a"))).toBe(false);
    // A Local Zone of Frankfurt, in Istanbul: outside the EU.
    expect(edgeZoneInJurisdiction(eu, zone("eu-central-1-ist-1a"))).toBe(false);
    // Copenhagen is in the EU, not in Germany.
    expect(edgeZoneInJurisdiction(de, zone("eu-north-1-cph-1a"))).toBe(false);
    expect(edgeZoneInJurisdiction(de, zone("eu-central-1-ham-1a"))).toBe(true);
  });

  test("a finding names the zone, its city and country, and the border", () => {
    expect(describeEdgeZone(us, "us-east-1-bue-1a", zone("us-east-1-bue-1a"))).toBe(
      "us-east-1-bue-1a (an AWS Local Zone in Buenos Aires, AR: outside US)",
    );
  });
});

describe("a zone field of a row (policy/paths/places.ts)", () => {
  test("places an edge zone by its country", () => {
    expect(outcomeOf(us, locate(us, "zone", "us-east-1-bue-1a", "aws"))).toEqual({
      kind: "outside",
      place: "us-east-1-bue-1a (an AWS Local Zone in Buenos Aires, AR: outside US)",
    });
    expect(outcomeOf(us, locate(us, "zone", "us-west-2-lax-1a", "aws"))).toEqual({
      kind: "inside",
    });
  });

  test("cannot place an edge zone the catalog does not list", () => {
    expect(outcomeOf(us, locate(us, "zone", "us-east-1-xyz-1a", "aws"))).toMatchObject({
      kind: "unplaceable",
    });
  });

  test("reads an ordinary zone by its region, as before", () => {
    expect(outcomeOf(us, locate(us, "zone", "us-east-1a", "aws"))).toEqual({ kind: "inside" });
  });
});
