/**
 * Kubernetes yaml/v2 ConfigFile and ConfigGroup are rendered offline as the Kubernetes provider
 * renders them (engine/yaml-v2.ts): the same objects, names, namespaces and types, registered
 * under the component, so the pack judges them as under `pulumi preview`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { renderYamlV2, type Rendering } from "../../engine/yaml-v2";
import { secretSig, sigKey, unknownValue } from "../../engine/wire";
import { cliMany, root } from "../helpers/cli";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-yaml-v2-"));
  fs.mkdirSync(path.join(dir, "m"));
  fs.writeFileSync(
    path.join(dir, "m", "b-app.yaml"),
    [
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: { name: web }",
      "---",
      "# an empty document",
      "---",
      "apiVersion: v1",
      "kind: List",
      "items:",
      "  - { apiVersion: v1, kind: Service, metadata: { name: web, namespace: edge } }",
      "  - { apiVersion: v1, kind: Namespace, metadata: { name: edge } }",
    ].join("\n"),
  );
  fs.writeFileSync(
    path.join(dir, "m", "a-crd.yaml"),
    [
      "apiVersion: apiextensions.k8s.io/v1",
      "kind: CustomResourceDefinition",
      "metadata: { name: crontabs.stable.example.com }",
      "spec:",
      "  group: stable.example.com",
      "  scope: Namespaced",
      "  names: { kind: CronTab, plural: crontabs }",
      "---",
      "apiVersion: stable.example.com/v1",
      "kind: CronTab",
      "metadata: { name: nightly }",
      "---",
      "apiVersion: other.example.com/v1",
      "kind: Widget",
      "metadata: { name: w }",
      "---",
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: ClusterRole",
      "metadata: { name: reader }",
    ].join("\n"),
  );
});

const names = (r: Rendering) =>
  "rendered" in r ? r.rendered.map((o) => `${o.type} ${o.name}`) : r.opaque;

describe("rendering a yaml/v2 component", () => {
  it("names each object <prefix>:<namespace>/<name>, the namespaced ones in the provider's default namespace", () => {
    const r = renderYamlV2(
      "kubernetes:yaml/v2:ConfigFile",
      "app",
      { file: "m/b-app.yaml" },
      dir,
      "apps",
    );
    expect(names(r)).toEqual([
      "kubernetes:apps/v1:Deployment app:apps/web",
      "kubernetes:core/v1:Service app:edge/web",
      "kubernetes:core/v1:Namespace app:edge",
    ]);
    expect("rendered" in r && r.rendered[0].inputs).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: "apps" },
    });
  });

  it("takes a kind's scope from a CustomResourceDefinition among the objects, and leaves one nothing declares without a namespace", () => {
    const r = renderYamlV2(
      "kubernetes:yaml/v2:ConfigGroup",
      "crds",
      { files: ["m/a-*.yaml"], resourcePrefix: "" },
      dir,
      "default",
    );
    expect(names(r)).toEqual([
      "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition crontabs.stable.example.com",
      "kubernetes:stable.example.com/v1:CronTab default/nightly",
      "kubernetes:other.example.com/v1:Widget w",
      "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole reader",
    ]);
  });

  it("reads a group's files in the pattern's order, then its YAML text, then its objects, marking each to skip the await", () => {
    const r = renderYamlV2(
      "kubernetes:yaml/v2:ConfigGroup",
      "all",
      {
        files: ["m/*.yaml"],
        yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: text }\n",
        objs: [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "obj", namespace: "x" } }],
        skipAwait: true,
      },
      dir,
      "default",
    );
    expect(names(r)).toEqual([
      "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition all:crontabs.stable.example.com",
      "kubernetes:stable.example.com/v1:CronTab all:default/nightly",
      "kubernetes:other.example.com/v1:Widget all:w",
      "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole all:reader",
      "kubernetes:apps/v1:Deployment all:default/web",
      "kubernetes:core/v1:Service all:edge/web",
      "kubernetes:core/v1:Namespace all:edge",
      "kubernetes:core/v1:ConfigMap all:default/text",
      "kubernetes:core/v1:ConfigMap all:x/obj",
    ]);
    expect("rendered" in r && r.rendered[8].inputs.metadata).toEqual({
      name: "obj",
      namespace: "x",
      annotations: { "pulumi.com/skipAwait": "true" },
    });
  });

  it("marks a Secret's values secret, as the provider does", () => {
    const r = renderYamlV2(
      "kubernetes:yaml/v2:ConfigGroup",
      "s",
      {
        objs: [
          { apiVersion: "v1", kind: "Secret", metadata: { name: "db" }, stringData: { pw: "x" } },
        ],
      },
      dir,
      "default",
    );
    expect("rendered" in r && r.rendered[0].inputs.stringData).toEqual({
      [sigKey]: secretSig,
      value: { pw: "x" },
    });
  });

  it("leaves what it cannot render as the provider would to offline-visibility, saying why", () => {
    const render = (inputs: Record<string, unknown>) =>
      names(renderYamlV2("kubernetes:yaml/v2:ConfigFile", "c", inputs, dir, "default"));
    expect(render({ file: "https://example.com/app.yaml" })).toBe(
      "the provider fetches https://example.com/app.yaml over the network",
    );
    expect(render({ file: unknownValue })).toBe("an input is not known before deployment");
    expect(render({ file: "m/missing.yaml" })).toMatch(/^m\/missing\.yaml cannot be read \(ENOENT/);
    fs.writeFileSync(path.join(dir, "bad.yaml"), "kind: [unclosed\n");
    expect(render({ file: "bad.yaml" })).toMatch(/^a manifest is not valid YAML/);
    const group = (inputs: Record<string, unknown>) =>
      names(renderYamlV2("kubernetes:yaml/v2:ConfigGroup", "g", inputs, dir, "default"));
    expect(group({ yaml: ["apiVersion: v1"] })).toBe('yaml is ["apiVersion: v1"], not a YAML text');
    expect(group({ objs: [{ kind: "ConfigMap" }, "kind: Secret"] })).toBe(
      "objs is not a list of objects",
    );
    fs.writeFileSync(path.join(dir, "nameless.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
    expect(render({ file: "nameless.yaml" })).toBe(
      "an object has no metadata.name, which the provider refuses",
    );
  });
});

describe("sovereign-dc check on yaml/v2 components", () => {
  const fixture = path.join(root, "test", "fixtures", "yaml-v2");
  let run: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    [run] = await cliMany([
      { args: ["check", path.join(fixture, "index.ts"), "--stack", "prod", "--format", "json"] },
    ]);
  });

  it("judges the objects of a local manifest, and leaves only the one fetched over the network unchecked", () => {
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as {
      resources: { type: string; name: string; parent: string | null }[];
      violations: { policy: string; resourceName: string }[];
    };
    expect(doc.violations.map((v) => `${v.policy} ${v.resourceName}`).sort()).toEqual([
      "kubernetes-service-exposure web:default/web",
      "offline-visibility remote",
    ]);
    // Under their components, with the provider's names; the NetworkPolicy that denies the
    // namespace's egress is one of them, so the Deployment's pods pass kubernetes-namespace-egress.
    expect(
      doc.resources
        .filter((r) => r.type.startsWith("kubernetes:") && !r.type.startsWith("kubernetes:yaml"))
        .map((r) => `${r.type} ${r.name} (${r.parent})`),
    ).toEqual([
      // The program's order: each component's objects follow it, in the manifests' order.
      "kubernetes:apps/v1:Deployment web:default/web (web)",
      "kubernetes:core/v1:Service web:default/web (web)",
      "kubernetes:networking.k8s.io/v1:NetworkPolicy guard:default/default-deny-egress (guard)",
      "kubernetes:core/v1:Service guard:default/internal (guard)",
      "kubernetes:core/v1:ConfigMap guard:default/settings (guard)",
    ]);
  });
});
