/**
 * The deployment bundles domain (shared/research/data-paths.md §5): resources that deploy other
 * resources the plan never shows — a Helm v3 release's objects, a CloudFormation stack's or
 * StackSet's template, a Service Catalog product, a ROS stack's or change set's template. To a policy each is one opaque resource, so no
 * shape of these types can be judged: `helm-releases` fails every one, saying what it deploys
 * (the chart, the template's source, and for StackSets the accounts it deploys into; their
 * regions are resource-placement's), and the fix is to declare those resources in the program.
 *
 * Each row draws the bundle as data that reaches a place no policy can see, tagged with
 * helm-releases: that crossing is its finding, not a second one of no-path-out-of-jurisdiction.
 */
import { typeChain } from "../../../residency/urn";
import type { TypeModel } from "../model";
import { variants } from "../kubernetes";
import { isUnknown, str, valueAt, valuesAt } from "../values";
import { link, reportedBy } from "./common";
import { pushFix } from "./log-readers";
import { edgesOf } from "./rows";

/** A bundle's row, with what helm-releases' finding says the bundle hides. */
export interface BundleRow extends TypeModel {
  /** Completes "<label> must expose its resources to the pack, but …." from the inputs. */
  readonly hides: (props: Readonly<Record<string, unknown>>) => string;
}

/** A bundle whose contents (`objects` or `resources`) are out of sight, and its finding's words. */
function bundle(
  contents: "objects" | "resources",
  hides: BundleRow["hides"],
  fix: string,
): BundleRow {
  return {
    role: "data",
    edges: (r, x) =>
      reportedBy(
        "helm-releases",
        link(
          r,
          x.unknownPlace(`the ${contents} inside ${x.label(r)} are not visible to policies`),
          "attachment",
        ),
      ),
    hides,
    fix: { "helm-releases": fix },
  };
}

/** A bundle of cloud resources (a template, a product): what it deploys, in the finding's words. */
function cloudBundle(deploys: (p: Readonly<Record<string, unknown>>) => string): BundleRow {
  return bundle(
    "resources",
    (p) =>
      `what it deploys cannot be judged: ${deploys(p)}, so no policy sees the resources it creates or where their data goes`,
    "Declare the resources in the program instead.",
  );
}

/**
 * A resource the Cloud Control APIs create from a document of its service's own shape, which no
 * row reads: to a policy it is as opaque as a template.
 */
function controlled(creates: (p: Readonly<Record<string, unknown>>) => string): BundleRow {
  return bundle(
    "resources",
    (p) =>
      `what it creates cannot be judged: ${creates(p)}, whose settings no policy reads, so where its data goes cannot be told`,
    "Declare the resource with its provider's own Pulumi type instead, whose settings the pack judges.",
  );
}

function quoted(v: unknown): string {
  return typeof v === "string" && !isUnknown(v) ? JSON.stringify(v) : "(not known until deployed)";
}

function templateOf(p: Readonly<Record<string, unknown>>): string {
  const url = valueAt(p, "templateUrl");
  return typeof url === "string" && !isUnknown(url)
    ? `at ${JSON.stringify(url)}`
    : valueAt(p, "templateBody") !== undefined
      ? "of its templateBody"
      : "(not known until deployed)";
}

/** The accounts (or organizational units, or accounts file) a bundle deploys into. */
function accountsOf(
  p: Readonly<Record<string, unknown>>,
  paths: readonly string[],
  none = "accounts not known until deployed",
): string {
  const found = paths.flatMap((path) =>
    valuesAt(p, path)
      .map((v) => v.value)
      .filter((v): v is string => typeof v === "string" && !isUnknown(v)),
  );
  return found.length > 0 ? `${found.map((a) => JSON.stringify(a)).join(", ")}` : none;
}

/**
 * A ROS stack or change set: the template it deploys (at `templateUrl`, an HTTP(S) server or an
 * OSS bucket, or its `templateBody`) is the bundle; the stack events it sends to the URLs it
 * names are log-shipping's, which places a private or allowlisted address or a cloud endpoint.
 */
function rosBundle(deploys: (p: Readonly<Record<string, unknown>>) => string): BundleRow {
  const row = cloudBundle(deploys);
  return {
    ...row,
    fields: [
      edgesOf("log-shipping", "data sync").url("notificationUrls[]", "sends stack events to"),
    ],
    fix: {
      ...(row.fix as Record<string, string>),
      "log-shipping": pushFix,
    },
  };
}

/** Where a StackSet's targets may name the accounts it deploys into. */
const targets = [
  "deploymentTargets.accounts[]",
  "deploymentTargets.organizationalUnitIds[]",
  "deploymentTargets.accountsUrl",
];

/**
 * The GitOps controllers' bundles, custom resources of Argo CD and Flux (policy/reviewed.ts
 * `customResourceGroups`): each deploys into a cluster objects the plan never shows — the
 * manifests or chart of a repository, rendered by the controller — so no Kubernetes policy sees
 * them or where their data goes. So do the Flux Operator's FluxInstance, which installs Flux
 * itself (and may sync a repository), and ResourceSet, Crossplane's packages, whose controllers
 * create cloud resources anywhere, Tekton's operator's installs, KubeVela's Applications, and
 * the Pulumi Kubernetes Operator's Stack
 * (`customResourceReferences`), which runs a Pulumi program of a repository, a Flux source or a
 * Program object, and deploys its resources — to any cloud and region — outside this plan. Every
 * API version, with its List and Patch.
 */
const gitOpsFix =
  "Declare the objects in the program instead — kubernetes.yaml.v2.ConfigGroup for manifests, kubernetes.helm.v4.Chart for a chart — so the pack judges each one under pulumi preview --policy-pack.";

/** The text at `path`, if known. */
const text = (p: Readonly<Record<string, unknown>>, path: string) => str(valueAt(p, path));

/** `"https://github.com/acme/deploy" (path "shop")`: an Argo CD source, in a finding's words. */
function argoSource(p: Readonly<Record<string, unknown>>, at: string): string {
  const repo = text(p, `${at}.repoURL`);
  const chart = text(p, `${at}.chart`);
  const part = chart !== undefined ? `chart ${JSON.stringify(chart)}` : text(p, `${at}.path`);
  const of = part === undefined || chart !== undefined ? part : `path ${JSON.stringify(part)}`;
  return repo === undefined
    ? "a source not known until deployed"
    : `${JSON.stringify(repo)}${of === undefined ? "" : ` (${of})`}`;
}

function argoDestination(p: Readonly<Record<string, unknown>>, at: string): string {
  const server = text(p, `${at}.server`) ?? text(p, `${at}.name`);
  return server === undefined
    ? "a cluster not known until deployed"
    : `cluster ${JSON.stringify(server)}`;
}

/** Rows of a custom resource kind for every version, with its List and Patch. */
function customBundle(
  group: string,
  versions: readonly string[],
  kind: string,
  row: BundleRow,
): Record<string, BundleRow> {
  return Object.fromEntries(variants(group, versions, kind).map((t) => [t, row]));
}

/**
 * The program a Pulumi Kubernetes Operator Stack runs: a repository and its directory
 * (`projectRepo`, `repoDir`), a Flux source (`fluxSource`) or a Program object (`programRef`).
 */
function pulumiProgram(p: Readonly<Record<string, unknown>>): string {
  const repo = text(p, "spec.projectRepo");
  const dir = text(p, "spec.repoDir");
  if (repo !== undefined) {
    return `the program at ${JSON.stringify(repo)}${dir === undefined ? "" : ` (directory ${JSON.stringify(dir)})`}`;
  }
  const flux = text(p, "spec.fluxSource.sourceRef.name");
  if (flux !== undefined) {
    return `the program of Flux ${text(p, "spec.fluxSource.sourceRef.kind") ?? "source"} ${JSON.stringify(flux)}`;
  }
  const program = text(p, "spec.programRef.name");
  return program === undefined
    ? "a program not known until deployed"
    : `the program of Program ${JSON.stringify(program)}`;
}

const pulumiStackFix =
  "Check that program with the residency pack where it is written — sovereign-dc check in its repository, or pulumi preview --policy-pack in its pipeline — and once it is sealed, waive this finding for this resource with that evidence as the reason.";

/** The profile and revision an IstioOperator installs, in a finding's words. */
function istioInstall(p: Readonly<Record<string, unknown>>): string {
  const profile = text(p, "spec.profile") ?? "default";
  const revision = text(p, "spec.revision");
  return `profile ${JSON.stringify(profile)}${revision === undefined ? "" : `, revision ${JSON.stringify(revision)}`}`;
}

/**
 * What a Flux Operator FluxInstance installs and syncs, in a finding's words: the distribution's
 * version and components, the artifact of manifests they come from, and, with `spec.sync`, the
 * source whose manifests the operator's Kustomization applies.
 */
function fluxInstall(p: Readonly<Record<string, unknown>>): string {
  const version = text(p, "spec.distribution.version") ?? "(unknown version)";
  const components = valuesAt(p, "spec.components[]").map((f) => str(f.value));
  const named =
    components.length > 0 && components.every((c) => c !== undefined)
      ? ` (${components.join(", ")})`
      : "";
  const artifact = text(p, "spec.distribution.artifact");
  const from =
    artifact === undefined
      ? "the operator's own manifests"
      : `the manifests of ${JSON.stringify(artifact)}`;
  const installs = `a FluxInstance installs Flux ${JSON.stringify(version)}'s controllers${named} from ${from}, as objects the pack cannot see`;
  if (valueAt(p, "spec.sync") === undefined) {
    return installs;
  }
  const kind = text(p, "spec.sync.kind") ?? "(unknown kind)";
  const url = text(p, "spec.sync.url") ?? "(unknown)";
  return `${installs}, and applies the manifests at ${JSON.stringify(text(p, "spec.sync.path") ?? "./")} of its ${kind} ${JSON.stringify(url)}, which the pack cannot see either`;
}

/** The kinds a Flux Operator ResourceSet's templates name, in a finding's words. */
function resourceSetTemplates(p: Readonly<Record<string, unknown>>): string {
  const kinds = valuesAt(p, "spec.resources[].kind").map((f) => str(f.value));
  const known = [...new Set(kinds.filter((k) => k !== undefined))];
  const template = valueAt(p, "spec.resourcesTemplate") === undefined ? "" : " and a text template";
  return kinds.length === 0
    ? `its templates${template}`
    : `${kinds.length} object template${kinds.length === 1 ? "" : "s"}${known.length > 0 ? ` (${known.join(", ")})` : ""}${template}`;
}

/** `the package "xpkg.upbound.io/upbound/provider-aws-s3:v1"`: a Crossplane package, in a finding's words. */
function crossplanePackage(p: Readonly<Record<string, unknown>>): string {
  const name = text(p, "spec.package");
  return name === undefined
    ? "a package not known until deployed"
    : `the package ${JSON.stringify(name)}`;
}

const crossplaneFix =
  "Declare the cloud resources with their cloud's own Pulumi provider (@pulumi/alicloud, @pulumi/aws) so the pack judges each one, or, once you have reviewed where everything the package creates sends its data, waive this finding with that evidence.";

/** The components a Tekton operator's kind installs, and where, in a finding's words. */
function tektonInstall(kind: string, p: Readonly<Record<string, unknown>>): string {
  const into = text(p, "spec.targetNamespace");
  const where = into === undefined ? "" : ` into namespace ${JSON.stringify(into)}`;
  if (kind === "TektonConfig") {
    const profile = text(p, "spec.profile");
    const of = profile === undefined ? "" : ` of profile ${JSON.stringify(profile)}`;
    return `a TektonConfig installs Tekton's components${of}${where} — among them Chains, which may sign and upload attestations to a transparency log, and Results, which may store run logs elsewhere — as objects the pack cannot see`;
  }
  return `a ${kind} installs Tekton's ${kind.slice("Tekton".length).toLowerCase()} component${where} as objects the pack cannot see`;
}

/** What a Knative Operator's kind installs, in a finding's words. */
function knativeInstall(kind: string, p: Readonly<Record<string, unknown>>): string {
  const version = text(p, "spec.version");
  const of = version === undefined ? "" : ` ${version}`;
  return kind === "KnativeServing"
    ? `a KnativeServing installs Knative Serving${of} — its controllers and the ingress its spec.ingress enables (Kourier, Istio or Contour), served by a load balancer of its own — as objects the pack cannot see`
    : `a KnativeEventing installs Knative Eventing${of} — its controllers and the sources and sinks its spec.source enables, which deliver events where their own objects say — as objects the pack cannot see`;
}

/** `"web" (webservice), "db" (helm)`: a KubeVela Application's components, in a finding's words. */
function velaComponents(p: Readonly<Record<string, unknown>>): string {
  const names = valuesAt(p, "spec.components[]").map((f) => {
    const c = f.value as Readonly<Record<string, unknown>>;
    return `${JSON.stringify(str(c?.name) ?? "(unknown)")} (${str(c?.type) ?? "unknown type"})`;
  });
  const clusters = valuesAt(p, "spec.policies[].properties.clusters[]").map(
    (f) => str(f.value) ?? "(unknown)",
  );
  const rendered = names.length === 0 ? "its components" : `its components ${names.join(", ")}`;
  return clusters.length === 0
    ? rendered
    : `${rendered}, in the clusters its topology names (${clusters.map((c) => JSON.stringify(c)).join(", ")})`;
}

const gitOpsBundles: Readonly<Record<string, BundleRow>> = {
  // Istio's operator API (istioctl, the in-cluster operator): it renders Istio's charts into the
  // control plane and gateways, objects the plan never shows.
  ...customBundle(
    "install.istio.io",
    ["v1alpha1"],
    "IstioOperator",
    bundle(
      "objects",
      (p) =>
        `an IstioOperator installs Istio's control plane and gateways (${istioInstall(p)}), rendered from its charts as objects the pack cannot see — among them the mesh's configuration, which names where telemetry and external authorization go`,
      "Install Istio with kubernetes.helm.v4.Chart (the base, istiod and gateway charts) so the pack judges each object, and declare the mesh's extension providers where the pack reads them.",
    ),
  ),
  // The Flux Operator (`fluxcd.controlplane.io`): a FluxInstance installs Flux itself from the
  // distribution's manifests, and with `spec.sync` makes the source and Kustomization that apply
  // a repository's manifests; a ResourceSet renders its templates with the inputs it is given
  // (inline, or from ResourceSetInputProviders that read pull requests, tags or OCI artifacts).
  ...customBundle(
    "fluxcd.controlplane.io",
    ["v1"],
    "FluxInstance",
    bundle(
      "objects",
      fluxInstall,
      "Install Flux with kubernetes.helm.v4.Chart (the flux2 chart) or kubernetes.yaml.v2.ConfigFile (its install manifests) so the pack judges each object, and declare the objects it would sync in the program instead.",
    ),
  ),
  ...customBundle(
    "fluxcd.controlplane.io",
    ["v1"],
    "ResourceSet",
    bundle(
      "objects",
      (p) =>
        `a Flux Operator ResourceSet renders ${resourceSetTemplates(p)} with inputs known only in the cluster, as objects the pack cannot see`,
      gitOpsFix,
    ),
  ),
  // Crossplane's packages (`pkg.crossplane.io`): a Provider installs a controller that creates
  // cloud resources — in whatever account and region their managed resources name — and the kinds
  // those are declared by; a Configuration installs compositions that create such resources from
  // claims; a Function runs in the composition pipeline, composing resources of its own choosing.
  // What each creates comes from the package and from objects outside the plan.
  ...customBundle(
    "pkg.crossplane.io",
    ["v1"],
    "Provider",
    bundle(
      "resources",
      (p) =>
        `a Crossplane Provider installs ${crossplanePackage(p)}: a controller that creates cloud resources wherever their managed resources say, and the kinds they are declared by, as objects the pack cannot see`,
      crossplaneFix,
    ),
  ),
  ...customBundle(
    "pkg.crossplane.io",
    ["v1"],
    "Configuration",
    bundle(
      "resources",
      (p) =>
        `a Crossplane Configuration installs ${crossplanePackage(p)}: compositions that create cloud resources from claims, as resources the pack cannot see`,
      crossplaneFix,
    ),
  ),
  ...customBundle(
    "pkg.crossplane.io",
    ["v1", "v1beta1"],
    "Function",
    bundle(
      "resources",
      (p) =>
        `a Crossplane Function installs ${crossplanePackage(p)}, which composes resources of its own choosing in the compositions that call it, as resources the pack cannot see`,
      crossplaneFix,
    ),
  ),
  // Tekton's operator (`operator.tekton.dev`): a TektonConfig installs Tekton's components by
  // profile, each other kind one component, from the operator's own manifests.
  ...Object.fromEntries(
    [
      "TektonConfig",
      "TektonPipeline",
      "TektonTrigger",
      "TektonDashboard",
      "TektonChain",
      "TektonResult",
    ].flatMap((kind) =>
      Object.entries(
        customBundle(
          "operator.tekton.dev",
          ["v1alpha1"],
          kind,
          bundle(
            "objects",
            (p) => tektonInstall(kind, p),
            "Install Tekton with kubernetes.yaml.v2.ConfigFile (its release manifests) so the pack judges each object.",
          ),
        ),
      ),
    ),
  ),
  // The Knative Operator (`operator.knative.dev`): a KnativeServing or KnativeEventing installs
  // that part of Knative from the operator's own manifests, with what its spec adds.
  ...Object.fromEntries(
    ["KnativeServing", "KnativeEventing"].flatMap((kind) =>
      Object.entries(
        customBundle(
          "operator.knative.dev",
          ["v1beta1"],
          kind,
          bundle(
            "objects",
            (p) => knativeInstall(kind, p),
            "Install Knative with kubernetes.yaml.v2.ConfigFile (its release manifests) so the pack judges each object.",
          ),
        ),
      ),
    ),
  ),
  // KubeVela (`core.oam.dev`): an Application's components become workloads, Helm releases or
  // any objects, as the cluster's component definitions render them, in the clusters its
  // topology policies name.
  ...customBundle(
    "core.oam.dev",
    ["v1beta1"],
    "Application",
    bundle(
      "objects",
      (p) =>
        `a KubeVela Application renders ${velaComponents(p)} by the cluster's definitions into objects the pack cannot see`,
      gitOpsFix,
    ),
  ),
  ...customBundle(
    "pulumi.com",
    ["v1", "v1alpha1"],
    "Stack",
    bundle(
      "resources",
      (p) =>
        `a Pulumi Kubernetes Operator Stack deploys stack ${JSON.stringify(text(p, "spec.stack") ?? "(unknown)")} of ${pulumiProgram(p)}, whose resources the pack cannot see`,
      pulumiStackFix,
    ),
  ),
  ...customBundle(
    "argoproj.io",
    ["v1alpha1"],
    "Application",
    bundle(
      "objects",
      (p) =>
        `an Argo CD Application deploys the objects of ${argoSource(p, "spec.source")} into ${argoDestination(p, "spec.destination")}, which the pack cannot see`,
      gitOpsFix,
    ),
  ),
  ...customBundle(
    "argoproj.io",
    ["v1alpha1"],
    "ApplicationSet",
    bundle(
      "objects",
      (p) =>
        `an Argo CD ApplicationSet generates Applications that deploy the objects of ${argoSource(p, "spec.template.spec.source")}, which the pack cannot see`,
      gitOpsFix,
    ),
  ),
  ...customBundle(
    "kustomize.toolkit.fluxcd.io",
    ["v1", "v1beta1", "v1beta2"],
    "Kustomization",
    bundle(
      "objects",
      (p) =>
        `a Flux Kustomization applies the manifests at ${JSON.stringify(text(p, "spec.path") ?? "./")} of its source ${text(p, "spec.sourceRef.kind") ?? "(unknown)"} ${JSON.stringify(text(p, "spec.sourceRef.name") ?? "(unknown)")}, which the pack cannot see`,
      gitOpsFix,
    ),
  ),
  ...customBundle(
    "helm.toolkit.fluxcd.io",
    ["v2", "v2beta1", "v2beta2"],
    "HelmRelease",
    bundle(
      "objects",
      (p) =>
        `a Flux HelmRelease installs chart ${JSON.stringify(text(p, "spec.chart.spec.chart") ?? text(p, "spec.chartRef.name") ?? "(unknown)")} as objects the pack cannot see`,
      gitOpsFix,
    ),
  ),
};

/**
 * The hosts outside the cluster a Helm release's values name, each once, in the order found: a
 * URL's, or a dotted name (with or without a port) under a key that names a server (`site`,
 * `host`, `endpoint`, `url`, `server`, `address`: a telemetry agent's Datadog site, an
 * exporter's endpoint). A cluster's
 * own names (`*.svc`, `*.cluster.local`) and addresses are left out: what the chart's objects
 * do with them is the objects', which the pack does not see here.
 */
function valueHosts(values: unknown): string[] {
  const found = new Set<string>();
  const visit = (v: unknown, key: string): void => {
    if (typeof v === "string") {
      const text = v.trim();
      const url = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#\s]+)/i.exec(text)?.[1];
      const named = /(site|host|endpoint|url|server|address)s?$/i.test(key)
        ? /^([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?$/i.exec(text)?.[1]
        : undefined;
      const host = (url ?? named)?.toLowerCase();
      if (
        host !== undefined &&
        !/\.(svc|cluster\.local)\.?$/.test(host) &&
        !/^[\d.]+$/.test(host) &&
        host !== "localhost"
      ) {
        found.add(host);
      }
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item) => visit(item, key));
      return;
    }
    if (v !== null && typeof v === "object" && !isUnknown(v)) {
      for (const [k, item] of Object.entries(v)) {
        visit(item, k);
      }
    }
  };
  visit(values, "");
  return [...found];
}

export const bundles: Readonly<Record<string, BundleRow>> = {
  ...gitOpsBundles,
  // A v3 Release is one resource to the policy engine; a v4 Chart registers every object.
  "kubernetes:helm.sh/v3:Release": bundle(
    "objects",
    (p) => {
      const chart = valueAt(p, "chart");
      const hosts = valueHosts(valueAt(p, "values"));
      const named =
        hosts.length === 0
          ? ""
          : `; its values name ${hosts.length === 1 ? "the host" : "the hosts"} ${hosts.slice(0, 5).join(", ")}${hosts.length > 5 ? ` and ${hosts.length - 5} more` : ""}, where what it runs may send data`;
      return `a Helm v3 Release installs chart ${typeof chart === "string" ? JSON.stringify(chart) : "(unknown)"} as one opaque resource, so its NetworkPolicies and Services cannot be checked${named}`;
    },
    "Use kubernetes.helm.v4.Chart instead: its objects are Pulumi resources, which the pack checks under pulumi preview --policy-pack (offline the chart is not rendered, and offline-visibility says so).",
  ),
  "aws:cloudformation/stack:Stack": cloudBundle(
    (p) => `a CloudFormation stack deploys the template ${templateOf(p)} as one opaque resource`,
  ),
  "aws:cloudformation/stackSet:StackSet": cloudBundle(
    (p) =>
      `a CloudFormation StackSet deploys the template ${templateOf(p)} to the accounts and regions of its instances`,
  ),
  "aws:cloudformation/stackInstances:StackInstances": cloudBundle(
    (p) =>
      `stack instances deploy StackSet ${quoted(valueAt(p, "stackSetName"))} into ${accountsOf(p, ["accounts[]", ...targets])}`,
  ),
  "aws:cloudformation/stackSetInstance:StackSetInstance": cloudBundle(
    (p) =>
      `a stack instance deploys StackSet ${quoted(valueAt(p, "stackSetName"))} into ${accountsOf(p, ["accountId", ...targets])}`,
  ),
  "alicloud:ros/stack:Stack": rosBundle(
    (p) => `a ROS stack deploys the template ${templateOf(p)} as one opaque resource`,
  ),
  "alicloud:ros/changeSet:ChangeSet": rosBundle(
    (p) =>
      `a ROS change set stages the template ${templateOf(p)} for stack ${quoted(valueAt(p, "stackName") ?? valueAt(p, "stackId"))}, which deploys it as one opaque resource when the change set is executed`,
  ),
  // An application of the Serverless Application Repository: a published template, deployed as a
  // CloudFormation stack with the parameters the program passes.
  "aws:serverlessrepository/cloudFormationStack:CloudFormationStack": cloudBundle(
    (p) =>
      `a Serverless Application Repository stack deploys application ${quoted(valueAt(p, "applicationId"))}${typeof valueAt(p, "semanticVersion") === "string" ? ` ${String(valueAt(p, "semanticVersion"))}` : ""} (a CloudFormation template) as one opaque resource`,
  ),
  // A Cloud Architect Design Tools (BPStudio) application: creating it validates, prices and
  // deploys the architecture template's resources (the provider runs DeployApplication), in the
  // region its areaId names.
  "alicloud:bp/studioApplication:StudioApplication": cloudBundle(
    (p) =>
      `a Cloud Architect Design Tools application deploys architecture template ${quoted(valueAt(p, "templateId"))}${typeof valueAt(p, "areaId") === "string" ? ` in ${JSON.stringify(valueAt(p, "areaId"))}` : ""} as one opaque resource`,
  ),
  "alicloud:cloudcontrol/resource:Resource": controlled(
    (p) =>
      `a Cloud Control resource creates ${quoted(valueAt(p, "resourceCode"))} of product ${quoted(valueAt(p, "product"))} from desireAttributes`,
  ),
  "aws:cloudcontrol/resource:Resource": controlled(
    (p) =>
      `a Cloud Control resource creates a ${quoted(valueAt(p, "typeName"))} from desiredState, a CloudFormation document`,
  ),
  "aws:servicecatalog/provisionedProduct:ProvisionedProduct": cloudBundle(
    (p) =>
      `a Service Catalog product deploys product ${quoted(valueAt(p, "productId") ?? valueAt(p, "productName"))} (a CloudFormation template) into ${accountsOf(p, ["stackSetProvisioningPreferences.accounts[]"], "the stack's account")}`,
  ),
};

/**
 * The fix for a CloudFormation stack that @pulumi/eks deploys, not the program: the Auto Scaling
 * group of a self-managed node group (`eks.NodeGroup`, and the default node group of an
 * `eks.Cluster`), which its older node group deploys as a template. Declaring the template's
 * resources is not the program's to do there; eks's own node groups that register their
 * resources are. Undefined for any other stack, or a stack of another parent.
 */
export function eksNodeGroupFix(type: string, parentUrn: string | undefined): string | undefined {
  const parent = parentUrn === undefined ? undefined : typeChain(parentUrn).at(-1);
  if (
    type !== "aws:cloudformation/stack:Stack" ||
    (parent !== "eks:index:Cluster" && parent !== "eks:index:NodeGroup")
  ) {
    return undefined;
  }
  const of =
    parent === "eks:index:Cluster" ? "the default node group of eks.Cluster" : "eks.NodeGroup";
  return `This stack is the Auto Scaling group of ${of}, which @pulumi/eks deploys as a CloudFormation template: use eks.ManagedNodeGroup (an EKS managed node group) or eks.NodeGroupV2 (which registers its Auto Scaling group and launch template itself), whose resources the pack checks${parent === "eks:index:Cluster" ? ", with skipDefaultNodeGroup: true on the cluster" : ""}.`;
}
