/**
 * The reviewed set and the flow tables against the installed SDKs: every reviewed token is a
 * real resource type, every type a policy models is reviewed, every type our own components
 * create is reviewed, and every property path a table reads is an input of its type — a
 * misspelt path would never match and let its data path through silently. The domain tables'
 * own inventory (each type in one table, an SDK token, reviewed, its paths inputs) is
 * test/paths/inventory.test.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ruleModels } from "../../policy/egress";
import { dataStores } from "../../policy/keys";
import { byType } from "../../policy/paths/types";
import { customResourceTypes, modelledTypes, reviewed, reviewedTypes } from "../../policy/reviewed";
import { retiredTypes } from "../../residency/placement";
import { inputPathProblem, sdkTypeTokens } from "../helpers/policy-sdk";

const root = path.resolve(__dirname, "..", "..");

let tokens: Set<string>;
beforeAll(() => {
  tokens = sdkTypeTokens();
});

test("every reviewed type is a resource type of the installed SDKs, a reviewed custom resource or a retired type, listed once", () => {
  const listed = Object.values(reviewed).flat();
  // Custom resources are checked against their CRDs' models (test/paths/custom-resources.test.ts).
  // Retired types are those of an earlier release of a package: no installed SDK defines them
  // (were one to again, its review would be the inventory's).
  const retired = Object.keys(retiredTypes);
  expect(
    [...reviewedTypes].filter(
      (t) => !tokens.has(t) && !customResourceTypes.has(t) && !retired.includes(t),
    ),
  ).toEqual([]);
  expect([...customResourceTypes].filter((t) => tokens.has(t))).toEqual([]);
  expect(retired.filter((t) => tokens.has(t) || !reviewedTypes.has(t))).toEqual([]);
  expect(listed.filter((t, i) => listed.indexOf(t) !== i)).toEqual([]);
  expect([...reviewedTypes].sort()).toEqual([...new Set([...listed, ...modelledTypes])].sort());
});

test("every type a policy models is reviewed", () => {
  const modelled = [
    ...Object.keys(byType),
    ...ruleModels.map((m) => m.type),
    ...dataStores.flatMap((m) => [m.type, ...(m.companions?.types ?? [])]),
  ];
  expect([...new Set(modelled)].filter((t) => !reviewedTypes.has(t))).toEqual([]);
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
