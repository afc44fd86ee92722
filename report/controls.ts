/**
 * The controls of the sealed contract (shared/DESIGN.md) and the resources that realise them in a
 * plan: each control is checked against the resources' recorded values, and every row of
 * evidence names a resource and the facts that make it hold — or the fact that is missing.
 */
import {
  type BorderAnalysis,
  type BorderResource,
  egressPosture,
  kindName,
  resourceLabel,
  Resolver,
} from "../policy/paths";
import { isPrivateCidr, isSharedCidr } from "../policy/paths/addresses";
import { dataStores } from "../policy/paths/types/encryption";
import { valuesAt } from "../policy/paths/values";
import type { Violation } from "../engine/check";
import type { EgressAllowEntry } from "../policy/framework";
import type { Jurisdiction, Regulation } from "../residency/jurisdictions";
import { describePlace, isAwsIdentityType, placementOf } from "../residency/placement";
import { counted } from "./counted";
import { regulationsFor, type Theme } from "./regulations";

export type Status = "met" | "not met" | "not applicable";

export interface Evidence {
  /** The resource (or setting) the row is about. */
  readonly subject: string;
  /** What was found, one fact each. */
  readonly facts: readonly string[];
  readonly ok: boolean;
  /**
   * False for a row the control lists but no policy judges (a data store whose encryption the
   * program does not show): shown as such, and no part of the control's status.
   */
  readonly judged?: false;
}

export interface Control {
  readonly id: string;
  readonly title: string;
  /** What the control guarantees, in one sentence. */
  readonly intent: string;
  readonly theme: Theme;
  readonly status: Status;
  readonly evidence: readonly Evidence[];
  readonly serves: readonly Regulation[];
}

/**
 * The policies whose findings a control's unmet rows are, by control: what makes an unmet control
 * fail a stack, or not. A control no policy holds (versions kept, resources protected) is the
 * sealed contract's own, which this repository's components build: informational for a program
 * of any other kind.
 */
export const controlPolicies: Readonly<Record<string, readonly string[]>> = {
  placement: ["resource-placement"],
  "no-path": ["no-path-out-of-jurisdiction"],
  "no-internet": ["internet-egress"],
  "egress-allowlist": ["egress-rules"],
  "private-storage": ["public-exposure"],
  versioning: [],
  "cmk-encryption": ["customer-key-encryption"],
  // Where the key lives; its rotation and deletion window no policy judges.
  keys: ["key-locality"],
  protect: [],
};

export interface ControlInputs {
  readonly resources: readonly BorderResource[];
  /** URN → retainOnDelete, which the border view does not carry. */
  readonly retained: ReadonlySet<string>;
  readonly jurisdiction: Jurisdiction;
  readonly allowlist: readonly EgressAllowEntry[];
  readonly analysis: BorderAnalysis;
  /**
   * The pack's findings on the plan: a way to the internet internet-egress reports from a
   * resource alone (a function outside any VPC, a public address) is one the graph's paths from
   * data stores and keys need not run through.
   */
  readonly violations?: readonly Violation[];
}

const bucketTypes = [
  "alicloud:oss/bucket:Bucket",
  "aws:s3/bucket:Bucket",
  "aws:s3/bucketV2:BucketV2",
];
const keyTypes = ["alicloud:kms/key:Key", "aws:kms/key:Key"];

function statusOf(evidence: readonly Evidence[]): Status {
  if (evidence.length === 0) {
    return "not applicable";
  }
  const judged = evidence.filter((e) => e.judged !== false);
  if (judged.length === 0) {
    return "not applicable";
  }
  return judged.every((e) => e.ok) ? "met" : "not met";
}

function control(
  j: Jurisdiction,
  spec: Omit<Control, "status" | "serves"> & { status?: Status },
): Control {
  return {
    ...spec,
    status: spec.status ?? statusOf(spec.evidence),
    serves: regulationsFor(j, spec.theme),
  };
}

function label(r: BorderResource): string {
  return resourceLabel(r.type, r.name);
}

/** `"x-acl": acl private` — a related resource and the value it sets. */
function fact(r: BorderResource, text: string): string {
  return `${kindName(r.type)} ${JSON.stringify(r.name)}: ${text}`;
}

function related(x: Resolver, bucket: BorderResource, types: readonly string[]): BorderResource[] {
  return types.flatMap((t) => x.referrers(bucket, t, "bucket"));
}

function placementControl(i: ControlInputs): Control {
  const j = i.jurisdiction;
  const byProvider = new Map<string, number>();
  for (const r of i.resources) {
    if (r.provider) {
      byProvider.set(r.provider, (byProvider.get(r.provider) ?? 0) + 1);
    }
  }
  const evidence: Evidence[] = i.resources
    .filter((r) => r.type.startsWith("pulumi:providers:") && byProvider.has(r.urn))
    .map((p) => {
      const place = placementOf(p.type, p.props);
      const managed = `manages ${counted(byProvider.get(p.urn) ?? 0, "resource")}`;
      if (place.kind === "region") {
        const inside = j.regions[place.cloud].includes(place.region);
        return {
          subject: label(p),
          facts: [`region ${describePlace(j, place.cloud, place.region)}`, managed],
          ok: inside,
        };
      }
      return {
        subject: label(p),
        facts: [
          place.kind === "cluster"
            ? "a Kubernetes cluster: placed through the cluster it was built from"
            : place.reason,
          managed,
        ],
        ok: place.kind === "cluster",
      };
    });
  for (const r of i.resources) {
    if (isAwsIdentityType(r.type)) {
      evidence.push({
        subject: label(r),
        facts: [
          "identities and permissions, kept partition-wide by AWS: no data is stored there, and the access it grants is judged where it is used",
        ],
        ok: true,
      });
    }
  }
  for (const n of i.analysis.nodes) {
    if (n.resource && n.side !== "inside") {
      evidence.push({
        subject: n.label,
        facts: [
          `placed ${n.side === "unknown" ? "where the analysis cannot tell" : "outside"} ${j.id}`,
        ],
        ok: false,
      });
    }
  }
  return control(j, {
    id: "placement",
    title: `Every resource is created inside ${j.id}`,
    intent: `Each resource is managed through a provider pinned to a region inside ${j.id}, so nothing is created abroad.`,
    theme: "residency",
    evidence,
  });
}

function noPathControl(i: ControlInputs): Control {
  const j = i.jurisdiction;
  const leaving = new Map(i.analysis.paths.map((p) => [p.source.id, p]));
  const evidence = i.analysis.nodes
    .filter((n) => n.role === "data" || n.role === "key")
    .map((n) => {
      const p = leaving.get(n.id);
      return {
        subject: n.label,
        facts: p
          ? [`reaches ${p.exit.label} in ${counted(p.edges.length, "hop")}`]
          : [`no path leaves ${j.id}`],
        ok: !p,
      };
    });
  return control(j, {
    id: "no-path",
    title: `No data store or key can reach a place outside ${j.id}`,
    intent:
      "The data-flow graph of the stack (replication, backups, peering, CEN, routes, NAT, VPN, key usage, log delivery, egress rules, pod egress) has no path from a data store or key to a node outside the border, over any number of hops.",
    theme: "residency",
    evidence,
  });
}

function internetControl(i: ControlInputs): Control {
  const j = i.jurisdiction;
  const posture = egressPosture(i.resources, j, i.allowlist);
  const toInternet = i.analysis.paths.filter((p) => p.exit.label === "the public internet");
  const exits = i.analysis.nodes.filter((n) => n.role === "gateway");
  const evidence: Evidence[] = [
    {
      subject: "internet exits",
      facts:
        exits.length === 0
          ? ["no NAT gateway, EIP, internet gateway or VPN gateway in the stack"]
          : exits.map((n) => n.label),
      ok: toInternet.length === 0,
    },
    ...posture.groups.map((g) => ({
      subject: label(g.group),
      facts: [g.admits ? `admits the internet: ${g.admits}` : "admits no internet-bound traffic"],
      ok: !g.admits || toInternet.length === 0,
    })),
    ...posture.subnets.map((s) => ({
      subject: label(s.subnet),
      facts: [
        s.sealedBy
          ? `${label(s.sealedBy)} drops 0.0.0.0/0`
          : "no network ACL drops internet-bound traffic",
      ],
      ok: s.sealedBy !== undefined || toInternet.length === 0,
    })),
    ...toInternet.map((p) => ({
      subject: p.source.label,
      facts: [`reaches the public internet in ${counted(p.edges.length, "hop")}`],
      ok: false,
    })),
    ...(i.violations ?? [])
      .filter((v) => v.policy === "internet-egress" && v.waived === undefined)
      .map((v) => ({
        subject:
          v.resourceType !== null && v.resourceName !== null
            ? resourceLabel(v.resourceType, v.resourceName)
            : "the stack",
        facts: [`internet-egress (${v.level}): ${(v.path ?? [v.message]).join(" → ")}`],
        ok: v.level !== "mandatory",
      })),
  ];
  return control(j, {
    id: "no-internet",
    title: "No path to the internet",
    intent:
      "The stack has no internet exit its data can reach: no NAT, EIP, internet gateway or public address on a path, and default-deny security groups and network ACLs that drop 0.0.0.0/0.",
    theme: "residency",
    evidence,
  });
}

/** The rules that accept traffic to `cidr`, in both clouds' forms, described. */
function rulesAccepting(resources: readonly BorderResource[], cidr: string): string[] {
  const out: string[] = [];
  const entries = (r: BorderResource, path: string) =>
    Array.isArray(r.props[path]) ? (r.props[path] as Array<Record<string, unknown>>) : [];
  for (const r of resources) {
    const p = r.props;
    switch (r.type) {
      case "alicloud:ecs/securityGroupRule:SecurityGroupRule":
        if (p.type === "egress" && p.policy !== "drop" && p.cidrIp === cidr) {
          out.push(
            fact(r, `accepts ${String(p.ipProtocol ?? "")} ${String(p.portRange ?? "")}`.trim()),
          );
        }
        break;
      case "alicloud:vpc/networkAcl:NetworkAcl":
        if (
          entries(r, "egressAclEntries").some(
            (e) => e.destinationCidrIp === cidr && e.policy === "accept",
          )
        ) {
          out.push(fact(r, "accepts it before its drop-all entry"));
        }
        break;
      case "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule":
        if (p.cidrIpv4 === cidr) {
          out.push(
            fact(
              r,
              `accepts ${String(p.ipProtocol ?? "")} ${String(p.fromPort ?? "")}-${String(p.toPort ?? "")}`,
            ),
          );
        }
        break;
      case "aws:ec2/securityGroupRule:SecurityGroupRule":
        if (p.type === "egress" && Array.isArray(p.cidrBlocks) && p.cidrBlocks.includes(cidr)) {
          out.push(
            fact(
              r,
              `accepts ${String(p.protocol ?? "")} ${String(p.fromPort ?? "")}-${String(p.toPort ?? "")}`,
            ),
          );
        }
        break;
      case "aws:ec2/securityGroup:SecurityGroup":
        if (
          entries(r, "egress").some(
            (e) => Array.isArray(e.cidrBlocks) && e.cidrBlocks.includes(cidr),
          )
        ) {
          out.push(fact(r, "an inline egress rule accepts it"));
        }
        break;
      case "aws:ec2/networkAcl:NetworkAcl":
      case "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl":
        if (entries(r, "egress").some((e) => e.cidrBlock === cidr && e.action === "allow")) {
          out.push(fact(r, "allows it before its final deny"));
        }
        break;
    }
  }
  return out;
}

function allowlistControl(i: ControlInputs): Control {
  const j = i.jurisdiction;
  const evidence: Evidence[] = i.allowlist.map((e) => {
    if (!("cidr" in e)) {
      return {
        subject: e.host,
        facts: [
          `reason: ${e.reason}`,
          "admitted by name where a service sends to it; a host opens no network rule",
          "where its servers are is the stack owners' declaration, which the pack does not verify",
        ],
        ok: e.reason.trim() !== "",
      };
    }
    const ports = e.ports && e.ports.length > 0 ? ` ports ${e.ports.join(", ")}` : "";
    return {
      subject: `${e.cidr}${e.protocol ? ` ${e.protocol}` : ""}${ports}`,
      facts: [
        `reason: ${e.reason}`,
        ...rulesAccepting(i.resources, e.cidr),
        // A public range is placed inside by the team's word alone (found by a compliance
        // officer's reading: a Google range justified as "analytics collector" drawn inside CN).
        ...(isPrivateCidr(e.cidr) || isSharedCidr(e.cidr)
          ? []
          : [
              "a public range: that its addresses are inside is the stack owners' declaration, which the pack does not verify",
            ]),
      ],
      ok: e.reason.trim() !== "",
    };
  });
  return control(j, {
    id: "egress-allowlist",
    title: "Egress only to declared, justified destinations",
    intent:
      "Workloads may reach only the destinations of the stack's egress allowlist, each with a reason; security group and network ACL rules accept them before dropping everything else.",
    theme: "residency",
    evidence,
    status: i.allowlist.length === 0 ? "met" : undefined,
  });
}

function bucketControls(i: ControlInputs, x: Resolver): Control[] {
  const j = i.jurisdiction;
  const buckets = bucketTypes.flatMap((t) => x.ofType(t));
  const keyUrns = new Set(keyTypes.flatMap((t) => x.ofType(t)).map((k) => k.urn));

  const privacy: Evidence[] = buckets.map((b) => {
    const acls = related(x, b, [
      "alicloud:oss/bucketAcl:BucketAcl",
      "aws:s3/bucketAcl:BucketAcl",
      "aws:s3/bucketAclV2:BucketAclV2",
    ]);
    const blocks = related(x, b, [
      "alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock",
      "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    ]);
    const facts = [
      ...acls.map((a) => fact(a, `acl ${String(a.props.acl)}`)),
      ...blocks.map((p) =>
        fact(
          p,
          p.type.startsWith("alicloud:")
            ? `blockPublicAccess ${String(p.props.blockPublicAccess)}`
            : ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]
                .map((k) => `${k} ${String(p.props[k])}`)
                .join(", "),
        ),
      ),
    ];
    const aclPrivate =
      acls.every((a) => a.props.acl === "private") && (b.props.acl ?? "private") === "private";
    const blocked = blocks.some((p) =>
      p.type.startsWith("alicloud:")
        ? p.props.blockPublicAccess === true
        : [
            "blockPublicAcls",
            "blockPublicPolicy",
            "ignorePublicAcls",
            "restrictPublicBuckets",
          ].every((k) => p.props[k] === true),
    );
    if (!blocked) {
      facts.push("public access is not blocked");
    }
    return { subject: label(b), facts, ok: aclPrivate && blocked };
  });

  const versioning: Evidence[] = buckets.map((b) => {
    const v = related(x, b, [
      "alicloud:oss/bucketVersioning:BucketVersioning",
      "aws:s3/bucketVersioning:BucketVersioning",
      "aws:s3/bucketVersioningV2:BucketVersioningV2",
    ]);
    const status = (r: BorderResource) =>
      String(
        r.props.status ??
          (r.props.versioningConfiguration as Record<string, unknown> | undefined)?.status ??
          "",
      );
    const inline =
      (b.props.versioning as Record<string, unknown> | undefined)?.enabled === true ||
      (b.props.versioning as Record<string, unknown> | undefined)?.status === "Enabled";
    const facts = v.map((r) => fact(r, `status ${status(r)}`));
    if (inline) {
      facts.push("versioning enabled on the bucket");
    }
    const ok = inline || v.some((r) => status(r) === "Enabled");
    return { subject: label(b), facts: facts.length > 0 ? facts : ["no versioning"], ok };
  });

  // Read where customer-key-encryption reads it (`dataStores`): the bucket's own rule
  // (`serverSideEncryptionRule`, `serverSideEncryptionConfiguration`) and its stand-alone
  // configurations.
  const encryption: Evidence[] = buckets.map((b) => {
    const model = dataStores.find((m) => m.type === b.type);
    const holders = [
      ...(model?.inline ?? []).map((setting) => ({ holder: b, setting })),
      ...related(x, b, model?.companions?.types ?? []).flatMap((holder) =>
        (model?.companions?.settings ?? []).map((setting) => ({ holder, setting })),
      ),
    ];
    const facts: string[] = [];
    let ok = false;
    for (const { holder, setting } of holders) {
      const algorithm = setting.algorithm
        ? valuesAt(holder.props, setting.algorithm).find((a) => a.value !== "")?.value
        : undefined;
      if (algorithm === undefined || algorithm === null) {
        continue;
      }
      const key = setting.key ? x.resourceAt(holder, setting.key, keyTypes) : undefined;
      const text = `${String(algorithm)}${key ? ` with ${label(key)}` : " without a key of this stack"}`;
      facts.push(holder === b ? `${text}, set on the bucket` : fact(holder, text));
      ok ||=
        key !== undefined &&
        keyUrns.has(key.urn) &&
        (setting.algorithms ?? []).includes(String(algorithm));
    }
    return {
      subject: label(b),
      facts: facts.length > 0 ? facts : ["no server-side encryption"],
      ok,
    };
  });

  return [
    control(j, {
      id: "private-storage",
      title: "Private storage",
      intent:
        "Every bucket is private: a private ACL and public access blocked, so nothing is readable from the internet.",
      theme: "security",
      evidence: privacy,
    }),
    control(j, {
      id: "versioning",
      title: "Versioned storage",
      intent: "Every bucket keeps previous versions, so an overwrite or delete does not lose data.",
      theme: "security",
      evidence: versioning,
    }),
    control(j, {
      id: "cmk-encryption",
      title: "Encryption with the stack's own key",
      intent:
        "Every data store is encrypted with a customer-managed KMS key of the stack: buckets server-side, the other stores (disks, databases, log stores, a cluster's Secrets) as customer-key-encryption reads them.",
      theme: "security",
      evidence: [...encryption, ...otherStoresEncryption(i, x), ...unreadStores(i)],
    }),
  ];
}

/**
 * The data stores other than buckets that customer-key-encryption judges (`dataStores`): each
 * by the keys the graph draws it encrypted by, and held unless that policy reports it (an auditor
 * found the control covering buckets alone, beside the stack's other stores). Only where the
 * report has the pack's findings to read.
 */
function otherStoresEncryption(i: ControlInputs, x: Resolver): Evidence[] {
  if (i.violations === undefined) {
    return [];
  }
  const unkeyed = new Map(
    i.violations
      .filter((v) => v.policy === "customer-key-encryption" && !v.waived && v.urn !== null)
      .map((v) => [v.urn, v]),
  );
  return dataStores
    .filter((m) => !bucketTypes.includes(m.type))
    .flatMap((m) => x.ofType(m.type).map((store) => ({ m, store })))
    .map(({ m, store }) => {
      const finding = unkeyed.get(store.urn);
      // The keys of the stack its settings name, on the store and on each of its parts.
      const paths = [
        ...m.inline.flatMap((s) => (s.key ? [s.key] : [])),
        ...(m.parts?.settings ?? []).flatMap((s) => (s.key ? [`${m.parts!.list}[].${s.key}`] : [])),
      ];
      const keys = paths.flatMap((p) =>
        x
          .refs(store, p, keyTypes)
          .flatMap((ref) => (ref.kind === "resource" ? [ref.resource] : [])),
      );
      const facts = [
        ...new Set(keys.map((k) => `encrypted with ${label(k)}`)),
        ...(finding ? [finding.path?.at(-1) ?? "no customer-managed key"] : []),
      ];
      return {
        subject: label(store),
        facts: facts.length > 0 ? facts : ["no key named"],
        ok: finding === undefined,
      };
    });
}

/**
 * The data stores of the graph that customer-key-encryption does not read (a log project, whose
 * log stores ACK creates outside the program): listed as not judged, so the control names every
 * store the border control counts (found by a compliance officer's reading, where the log
 * project was missing from this control alone).
 */
function unreadStores(i: ControlInputs): Evidence[] {
  const read = new Set([...bucketTypes, ...dataStores.map((m) => m.type)]);
  return i.analysis.nodes
    .filter((n) => n.role === "data" && n.resource !== undefined && !read.has(n.resource.type))
    .map((n) => ({
      subject: n.label,
      facts: [
        "not judged: no policy reads how this store is encrypted (what it holds is encrypted by its service, or in stores the program does not create)",
      ],
      ok: false,
      judged: false as const,
    }));
}

function keyControl(i: ControlInputs, x: Resolver): Control {
  const j = i.jurisdiction;
  const nodes = new Map(i.analysis.nodes.map((n) => [n.id, n]));
  const evidence = keyTypes
    .flatMap((t) => x.ofType(t))
    .map((k) => {
      const p = k.props;
      const inside = nodes.get(k.urn)?.side === "inside";
      const region = x.regionOf(k);
      const where = region ? describePlace(j, region.cloud, region.region) : "an unknown region";
      if (k.type.startsWith("alicloud:")) {
        const rotation = p.automaticRotation === "Enabled";
        const window = typeof p.pendingWindowInDays === "number";
        const protection = p.deletionProtection === "Enabled";
        return {
          subject: label(k),
          facts: [
            `region ${where}`,
            rotation
              ? `rotated every ${String(p.rotationInterval ?? "?")}`
              : "automatic rotation off",
            window ? `deletion window ${String(p.pendingWindowInDays)} days` : "no deletion window",
            protection ? "deletion protection on" : "deletion protection off",
          ],
          ok: inside && rotation && window && protection,
        };
      }
      const rotation = p.enableKeyRotation === true;
      const window = typeof p.deletionWindowInDays === "number";
      const single = p.multiRegion !== true;
      return {
        subject: label(k),
        facts: [
          `region ${where}`,
          rotation
            ? `rotated every ${String(p.rotationPeriodInDays ?? 365)} days`
            : "automatic rotation off",
          window ? `deletion window ${String(p.deletionWindowInDays)} days` : "no deletion window",
          single ? "single-region key" : "multi-region key",
        ],
        ok: inside && rotation && window && single,
      };
    });
  return control(j, {
    id: "keys",
    title: "In-region keys, rotated, with a deletion window",
    intent:
      "Every KMS key lives in the stack's jurisdiction, rotates automatically and cannot be deleted without a waiting period.",
    theme: "security",
    evidence,
  });
}

function protectControl(i: ControlInputs): Control {
  const j = i.jurisdiction;
  const byUrn = new Map(i.resources.map((r) => [r.urn, r]));
  const evidence = i.analysis.nodes
    .filter((n) => (n.role === "data" || n.role === "key") && n.resource)
    .map((n) => {
      const r = byUrn.get(n.id);
      const protect = r?.protect === true;
      const retain = i.retained.has(n.id);
      // Either keeps the data: `pulumi destroy` refuses a protected resource, and leaves a
      // retained one in the cloud.
      return {
        subject: n.label,
        facts: [
          protect ? "protect" : "not protected",
          retain
            ? "retainOnDelete"
            : protect
              ? "deleted by a destroy once unprotected"
              : "deleted with the stack",
        ],
        ok: protect || retain,
      };
    });
  return control(j, {
    id: "protect",
    title: "Data stores and keys survive `pulumi destroy`",
    intent:
      "Every data store and key is protected (pulumi destroy refuses it) or retained on delete (left in the cloud), so no command silently destroys data or the key that decrypts it.",
    theme: "security",
    evidence,
  });
}

/** Every control of the sealed contract, evaluated on the plan's resources. */
export function evaluateControls(i: ControlInputs): Control[] {
  const x = new Resolver(i.resources, i.jurisdiction, i.allowlist);
  return [
    placementControl(i),
    noPathControl(i),
    internetControl(i),
    allowlistControl(i),
    ...bucketControls(i, x),
    keyControl(i, x),
    protectControl(i),
  ];
}
