/**
 * The warnings for settings of a provider's namespace the installed provider package does not
 * declare (engine/provider-config-keys.ts), read from the package's own declarations.
 */
import { providerKeyWarnings } from "../../engine/provider-config-keys";
import { root } from "../helpers/cli";

describe("settings a provider package does not declare", () => {
  it("names a misspelt key with the key it may mean, and no real one", () => {
    expect(
      providerKeyWarnings(
        { "aws:regoin": "us-west-2", "aws:profile": "ops", "sovereign-dc:jurisdiction": "US" },
        root,
        "infra",
      ),
    ).toEqual([
      "warning: aws:regoin is no setting of the installed @pulumi/aws (did you mean aws:region?); the provider does not take it for another.",
    ]);
  });

  it("offers no key far from every setting", () => {
    expect(providerKeyWarnings({ "alicloud:telemetryPurpose": "x" }, root, "infra")).toEqual([
      "warning: alicloud:telemetryPurpose is no setting of the installed @pulumi/alicloud; the provider does not take it for another.",
    ]);
  });

  // @pulumi/kubernetes ships no config module: a misspelt kubeconfig or context was passed over,
  // and the default provider used the kubeconfig's current context, whatever cluster that is.
  it("reads the Kubernetes provider's settings from its inputs, its package having no config module", () => {
    expect(
      providerKeyWarnings(
        {
          "kubernetes:kubeconfg": "~/.kube/config",
          "kubernetes:contex": "prod-shanghai",
          "kubernetes:context": "prod-shanghai",
          "kubernetes:enableServerSideApply": "true",
          "kubernetes:namespace": "records",
        },
        root,
        "infra",
      ),
    ).toEqual([
      "warning: kubernetes:contex is no setting of the installed @pulumi/kubernetes (did you mean kubernetes:context?); the provider does not take it for another.",
      "warning: kubernetes:kubeconfg is no setting of the installed @pulumi/kubernetes (did you mean kubernetes:kubeconfig?); the provider does not take it for another.",
    ]);
  });

  // Found by the regression bench: a project named after a provider package reads its own keys.
  it("leaves the project's own namespace and namespaces of no installed package alone", () => {
    expect(providerKeyWarnings({ "aws:imageTag": "v1" }, root, "aws")).toEqual([]);
    expect(providerKeyWarnings({ "acme:region": "x", "pulumi:tags": "{}" }, root, "infra")).toEqual(
      [],
    );
  });
});
