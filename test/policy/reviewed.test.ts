/**
 * The reviewed set and the flow tables against the installed SDKs: every reviewed token is a
 * real resource type, every type a policy models is reviewed, every type our own components
 * create is reviewed, and every property path a table reads is an input of its type — a
 * misspelt path would never match and let its data path through silently.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ruleModels } from "../../policy/egress";
import { exposureModels } from "../../policy/exposure";
import { dataStores } from "../../policy/keys";
import { allFlowModels } from "../../policy/models";
import { byType, modelledTypes as tableTypes } from "../../policy/paths/types";
import { modelledTypes, reviewed, reviewedTypes } from "../../policy/reviewed";
import { inputPathProblem, sdkTypeTokens } from "../helpers/policy-sdk";

const root = path.resolve(__dirname, "..", "..");

let tokens: Set<string>;
beforeAll(() => {
  tokens = sdkTypeTokens();
});

test("every reviewed type is a resource type of the installed SDKs, listed once", () => {
  const listed = Object.values(reviewed).flat();
  expect([...reviewedTypes].filter((t) => !tokens.has(t))).toEqual([]);
  expect(listed.filter((t, i) => listed.indexOf(t) !== i)).toEqual([]);
  expect([...reviewedTypes].sort()).toEqual([...new Set([...listed, ...modelledTypes])].sort());
});

test("a type the border analysis models is reviewed without being listed", () => {
  expect([...modelledTypes].sort()).toEqual([...tableTypes].sort());
  expect(modelledTypes.filter((t) => !reviewedTypes.has(t))).toEqual([]);
  // The ones no list names yet: reviewed only because they are modelled.
  const listed = new Set<string>(Object.values(reviewed).flat());
  expect(modelledTypes.filter((t) => !listed.has(t)).sort()).toEqual([
    "alicloud:ecs/disk:Disk",
    "alicloud:ecs/diskAttachment:DiskAttachment",
    "alicloud:mongodb/instance:Instance",
    "alicloud:nas/fileSystem:FileSystem",
    "alicloud:nas/mountTarget:MountTarget",
    "aws:ec2/volumeAttachment:VolumeAttachment",
    "aws:ec2/vpnGatewayAttachment:VpnGatewayAttachment",
    "aws:ec2transitgateway/transitGateway:TransitGateway",
    "aws:ec2transitgateway/vpcAttachment:VpcAttachment",
    "aws:efs/mountTarget:MountTarget",
    "aws:s3/bucketAccelerateConfigurationV2:BucketAccelerateConfigurationV2",
    "aws:s3/bucketAclV2:BucketAclV2",
    "aws:s3/bucketLoggingV2:BucketLoggingV2",
    "kubernetes:apps/v1:ReplicaSet",
    "kubernetes:core/v1:PersistentVolume",
    "kubernetes:core/v1:Pod",
  ]);
});

test("every type a policy models is reviewed", () => {
  const modelled = [
    ...allFlowModels().map((m) => m.type),
    ...exposureModels.map((m) => m.type),
    ...ruleModels.map((m) => m.type),
    ...dataStores.flatMap((m) => [m.type, ...(m.companions?.types ?? [])]),
  ];
  expect([...new Set(modelled)].filter((t) => !reviewedTypes.has(t))).toEqual([]);
});

test("every flow table names each type once", () => {
  // A row of the type tables reads as one flow model per policy it owns fields of that name a
  // place (a peering's region for network-links, its account for cross-account-links; not the
  // internet, public and global fields only their policies' views read); every other table, one.
  const presence = ["internet", "public", "global"];
  const expected = (t: string) =>
    t in byType
      ? new Set(byType[t].fields?.filter((f) => !presence.includes(f.format)).map((f) => f.policy))
          .size
      : 1;
  const counts = new Map<string, number>();
  for (const m of allFlowModels()) {
    counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  }
  expect([...counts].filter(([t, n]) => n !== expected(t))).toEqual([]);
});

/** API groups whose SDK module name is shorter than the group (`@pulumi/kubernetes/networking/v1`). */
const kubernetesGroups: Record<string, string> = {
  networking: "networking.k8s.io",
  rbac: "rbac.authorization.k8s.io",
  storage: "storage.k8s.io",
  policy: "policy",
};

/** `Vpc` of `@pulumi/aws/ec2` → the token of that class, read from the SDK's own class file. */
function tokenOfClass(pkg: string, mod: string, cls: string): string | undefined {
  if (pkg === "kubernetes") {
    const [group, version] = mod.split("/");
    return `kubernetes:${kubernetesGroups[group] ?? group}/${version}:${cls}`;
  }
  const dir = path.join(root, "node_modules", "@pulumi", pkg, mod);
  const base = `${cls.charAt(0).toLowerCase()}${cls.slice(1)}.js`.toLowerCase();
  const file = fs.existsSync(dir)
    ? fs.readdirSync(dir).find((f) => f.toLowerCase() === base)
    : undefined;
  if (!file) {
    return undefined;
  }
  return /__pulumiType = '([^']+)'/.exec(fs.readFileSync(path.join(dir, file), "utf8"))?.[1];
}

/**
 * The SDK classes a source file instantiates, as `[package, module, class]`: the program and
 * components import provider SDKs by service (`import * as ec2 from "@pulumi/aws/ec2"`, or
 * `import { SecurityGroupIngressRule } from "@pulumi/aws/vpc"`), never from a package root.
 */
function instantiatedClasses(text: string): Array<[string, string, string]> {
  const namespaces = new Map<string, [string, string]>();
  const named = new Map<string, [string, string, string]>();
  const imports =
    /import (?:\* as (\w+)|\{([^}]+)\}) from "@pulumi\/(alicloud|aws|kubernetes)\/([\w/]+)"/g;
  for (const [, namespace, names, pkg, mod] of text.matchAll(imports)) {
    if (mod === "provider" || mod.startsWith("types")) {
      continue;
    }
    if (namespace) {
      namespaces.set(namespace, [pkg, mod]);
      continue;
    }
    for (const entry of names.split(",")) {
      const [cls, local = cls] = entry.trim().split(/\s+as\s+/);
      named.set(local, [pkg, mod, cls]);
    }
  }
  const found: Array<[string, string, string]> = [];
  for (const [, qualifier, cls] of text.matchAll(/new (?:(\w+)\.)?([A-Z]\w*)\(/g)) {
    const ns = qualifier === undefined ? undefined : namespaces.get(qualifier);
    if (ns) {
      found.push([ns[0], ns[1], cls]);
    } else if (qualifier === undefined && named.has(cls)) {
      found.push(named.get(cls)!);
    }
  }
  return found;
}

test("every resource type our own components create is reviewed", () => {
  const sources = ["components", "stacks"].flatMap((dir) =>
    fs
      .readdirSync(path.join(root, dir), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => fs.readFileSync(path.join(root, dir, f), "utf8")),
  );
  const created = new Set<string>();
  for (const text of sources) {
    for (const [pkg, mod, cls] of instantiatedClasses(text)) {
      const token = tokenOfClass(pkg, mod, cls);
      if (token) {
        created.add(token);
      }
    }
  }
  // The components create at least these (a scan that finds nothing must fail, not pass).
  expect([...created]).toEqual(
    expect.arrayContaining([
      "alicloud:oss/bucket:Bucket",
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
      "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    ]),
  );
  expect([...created].filter((t) => !reviewedTypes.has(t))).toEqual([]);
});

test("every property path of the flow tables is an input of its type", () => {
  const problems = allFlowModels().flatMap((m) =>
    m.fields.flatMap((f) => {
      const problem = inputPathProblem(m.type, f.path);
      return problem ? [`${m.type} ${f.path}: ${problem}`] : [];
    }),
  );
  expect(problems).toEqual([]);
});

test("every property path of the domain tables' rows is an input of its type", () => {
  const problems = Object.entries(byType).flatMap(([type, model]) =>
    (model.fields ?? []).flatMap((f) =>
      // A relation's path names the properties it relates: `geographicRegionAId/geographicRegionBId`.
      [
        ...(f.format === "relation" ? f.path.split("/") : [f.path]),
        f.source?.path,
        f.origin?.path,
      ].flatMap((p) => {
        const problem = p === undefined ? undefined : inputPathProblem(type, p);
        return problem ? [`${type} ${p}: ${problem}`] : [];
      }),
    ),
  );
  expect(problems).toEqual([]);
  // The table rows are read here, not only through the flow-model adapter.
  expect(Object.keys(byType).length).toBeGreaterThan(0);
});

test("every encryption setting of the data-store table is an input of its type", () => {
  const problems = dataStores.flatMap((m) => {
    const inline = m.inline.flatMap((s) => [s.key, s.enabled, s.algorithm].map((p) => [m.type, p]));
    const companions = (m.companions?.types ?? []).flatMap((t) =>
      m.companions!.settings.flatMap((s) =>
        [s.key, s.enabled, s.algorithm, m.companions!.link].map((p) => [t, p]),
      ),
    );
    return [...inline, ...companions].flatMap(([type, p]) => {
      const problem = p ? inputPathProblem(type!, p) : undefined;
      return problem ? [`${type} ${p}: ${problem}`] : [];
    });
  });
  expect(problems).toEqual([]);
});
