/**
 * Container image builds and pushes (@pulumi/docker-build, @pulumi/docker) as rows of the flow
 * model: registry-replication judges every registry an image or its build cache is pushed to,
 * every bucket or cache service the cache is exported to and a build on Docker Build Cloud. Each
 * case adds one build to the Oregon (US) or Shanghai (CN) happy path and names every finding that
 * follows; its twin pushes inside the jurisdiction, or not at all, and passes every policy —
 * reviewed-resource-types among them, without the stack allowing the type. The Docker daemon's
 * volumes and containers follow: where a volume keeps its data, and where a container's log
 * driver, the volumes it creates, its DNS servers and the registry it pulls from are.
 */
import type { Plan } from "../../engine/plan";
import { imageRegistry } from "../../residency/placement";
import {
  add,
  addInstance,
  addComponent,
  addProvider,
  fixturePlan,
  pipe,
  type ResourceOptions,
  unknown,
} from "../helpers/policy-plan";
import {
  type Finding,
  oregonSettings,
  policyPack,
  runCases,
  shanghaiSettings,
  summary,
} from "../helpers/policy-session";

type Props = Record<string, unknown>;

const account = "111122223333";
const frankfurt = `${account}.dkr.ecr.eu-central-1.amazonaws.com/app`;
const oregon = `${account}.dkr.ecr.us-west-2.amazonaws.com/app`;

const pack = policyPack();
let aws: Plan;
let ali: Plan;
beforeAll(async () => {
  [aws, ali] = await Promise.all([
    fixturePlan("policy-aws", "us"),
    fixturePlan("policy-alicloud", "cn"),
  ]);
});

/**
 * A docker-build image "app" built from ./app with `props`, through the provider "buildx"; `deps`
 * names the resources each input was computed from.
 */
const buildx = (props: Props, deps?: ResourceOptions["dependsOn"]) =>
  pipe(
    addProvider("docker-build", "buildx", {}),
    add(
      "docker-build:index:Image",
      "app",
      { context: { location: "./app" }, dockerfile: { location: "./app/Dockerfile" }, ...props },
      { provider: "buildx", dependsOn: deps },
    ),
  );

/** A resource of the docker package, through the provider "docker" (the local daemon). */
const docker = (type: string, name: string, props: Props) =>
  pipe(
    addProvider("docker", "docker", {}),
    add(`docker:index/${type}`, name, props, { provider: "docker" }),
  );

/** `policy`'s mandatory finding on the Docker daemon's resource `name` (labelled `label`) at `place`. */
const onDaemon =
  (policy: string, name: string, label: string) =>
  (place: string): Finding => [
    policy,
    name,
    "mandatory",
    ["its provider's Docker daemon", label, place],
  ];

/** registry-replication's finding on the build `name` (`kind` image), pushed to `to`. */
const pushed = (kind: string, name: string, to: string): Finding => [
  "registry-replication",
  name,
  "mandatory",
  ["its provider's image builder", `${kind} "${name}"`, to],
];

const abroad = (image: string) => `${image} (outside US, in EU)`;
const unplaced = (value: string) => `${JSON.stringify(value)} (cannot be placed)`;

describe("an image build pushes only to registries inside the jurisdiction", () => {
  runCases(pack, () => aws, oregonSettings, [
    {
      name: "docker.Image pushes to ECR in Frankfurt",
      bad: docker("image:Image", "app", { imageName: `${frankfurt}:v1`, build: { context: "." } }),
      expected: [pushed("docker image", "app", abroad(`${frankfurt}:v1`))],
      twinName: "it pushes to ECR in the stack's region",
      twin: docker("image:Image", "app", { imageName: `${oregon}:v1`, build: { context: "." } }),
    },
    {
      name: "docker.Image pushes to Docker Hub (a name without a registry)",
      bad: docker("image:Image", "app", { imageName: "acme/app:v1" }),
      expected: [pushed("docker image", "app", unplaced("acme/app:v1"))],
      twinName: "it is only built on the deploying machine (skipPush)",
      twin: docker("image:Image", "app", { imageName: "acme/app:v1", skipPush: true }),
    },
    {
      name: "a RegistryImage pushes a local image to ECR in Frankfurt",
      bad: docker("registryImage:RegistryImage", "release", { name: `${frankfurt}:v1` }),
      expected: [pushed("docker registry image", "release", abroad(`${frankfurt}:v1`))],
      twinName: "it pushes to ECR in the stack's region",
      twin: docker("registryImage:RegistryImage", "release", { name: `${oregon}:v1` }),
    },
    {
      name: "docker-build pushes its tags to GitHub's registry",
      bad: buildx({ push: true, tags: ["ghcr.io/acme/app:v1", `${oregon}:v1`] }),
      expected: [pushed("docker-build image", "app", unplaced("ghcr.io/acme/app:v1"))],
      twinName: "it only tags the image on the machine that builds (push false)",
      twin: buildx({ push: false, tags: ["ghcr.io/acme/app:v1", `${oregon}:v1`] }),
    },
    {
      name: "docker-build exports to a registry named by its tags, one abroad",
      bad: buildx({ push: false, tags: [`${frankfurt}:v1`], exports: [{ registry: {} }] }),
      expected: [pushed("docker-build image", "app", abroad(`${frankfurt}:v1`))],
      twinName: "that export is an image kept on the machine that builds it",
      twin: buildx({ push: false, tags: [`${frankfurt}:v1`], exports: [{ image: {} }] }),
    },
    {
      name: "docker-build's push is not known at preview and a tag is abroad",
      bad: buildx({ push: unknown, tags: [`${frankfurt}:v1`] }),
      expected: [pushed("docker-build image", "app", abroad(`${frankfurt}:v1`))],
      twinName: "its tags are all inside",
      twin: buildx({ push: unknown, tags: [`${oregon}:v1`] }),
    },
    {
      name: "docker-build exports its build cache to a registry in Frankfurt",
      bad: buildx({ push: false, cacheTo: [{ registry: { ref: `${frankfurt}:cache` } }] }),
      expected: [pushed("docker-build image", "app", abroad(`${frankfurt}:cache`))],
      twinName: "that cache export is disabled",
      twin: buildx({
        push: false,
        cacheTo: [{ disabled: true, registry: { ref: `${frankfurt}:cache` } }],
      }),
    },
    {
      name: "docker-build exports its build cache to S3 in Frankfurt",
      bad: buildx({ push: false, cacheTo: [{ s3: { bucket: "cache", region: "eu-central-1" } }] }),
      expected: [pushed("docker-build image", "app", "eu-central-1 (outside US, in EU)")],
      twinName:
        "the region only signs requests to an S3-compatible store at a private address of the network",
      twin: buildx({
        push: false,
        cacheTo: [
          { s3: { bucket: "cache", region: "eu-central-1", endpointUrl: "http://10.0.3.7:9000" } },
        ],
      }),
    },
    {
      name: "docker-build exports its build cache to GitHub Actions' cache service",
      bad: buildx({ push: false, cacheTo: [{ gha: {} }] }),
      expected: [pushed("docker-build image", "app", "the GitHub Actions cache service")],
      twinName: "it writes the cache to the disk of the machine that builds",
      twin: buildx({ push: false, cacheTo: [{ local: { dest: "/tmp/cache" } }] }),
    },
    {
      name: "docker-build exports the image to a registry in Frankfurt",
      bad: buildx({ push: false, exports: [{ registry: { names: [`${frankfurt}:v1`] } }] }),
      expected: [pushed("docker-build image", "app", abroad(`${frankfurt}:v1`))],
      twinName: "it loads the image into the local Docker daemon",
      twin: buildx({ push: false, exports: [{ docker: { names: [`${frankfurt}:v1`] } }] }),
    },
    {
      name: "docker-build exports by a raw spec that pushes",
      bad: buildx({ push: false, exports: [{ raw: "type=registry,name=ghcr.io/acme/app:v1" }] }),
      expected: [
        pushed(
          "docker-build image",
          "app",
          "the destination of a raw export spec, which the pack does not read",
        ),
      ],
      twinName: "its raw spec writes to the local disk",
      twin: buildx({ push: false, exports: [{ raw: "type=local,dest=out" }] }),
    },
    {
      name: "docker-build builds on Docker Build Cloud",
      bad: buildx({ push: false, builder: { name: "cloud-acme-builder" } }),
      expected: [
        pushed(
          "docker-build image",
          "app",
          "Docker Build Cloud, whose builders run in Docker's cloud",
        ),
      ],
      twinName: "it builds on a builder of the deploying machine",
      twin: buildx({ push: false, builder: { name: "local-builder" } }),
    },
    {
      name: "an image index is pushed to Docker Hub",
      bad: pipe(
        addProvider("docker-build", "buildx", {}),
        add(
          "docker-build:index:Index",
          "multi",
          { tag: "acme/app:v1", sources: [`${oregon}:v1-amd64`, `${oregon}:v1-arm64`] },
          { provider: "buildx" },
        ),
      ),
      expected: [pushed("docker-build index", "multi", unplaced("acme/app:v1"))],
      twinName: "it is pushed to ECR in the stack's region",
      twin: pipe(
        addProvider("docker-build", "buildx", {}),
        add(
          "docker-build:index:Index",
          "multi",
          { tag: `${oregon}:v1`, sources: [`${oregon}:v1-amd64`, `${oregon}:v1-arm64`] },
          { provider: "buildx" },
        ),
      ),
    },
  ]);
});

describe("an image reference's registry, by Docker's reference grammar", () => {
  test.each([
    ["nginx", undefined],
    ["nginx:1.27", undefined],
    ["acme/app:v1", undefined],
    ["docker.io/library/nginx:1.27", "docker.io"],
    ["ghcr.io/acme/app:v1", "ghcr.io"],
    ["localhost/app", "localhost"],
    ["localhost:5000/app:v1", "localhost:5000"],
    ["Registry.CN-Shanghai.aliyuncs.com/acme/app", "registry.cn-shanghai.aliyuncs.com"],
    [`${frankfurt}@sha256:${"a".repeat(64)}`, `${account}.dkr.ecr.eu-central-1.amazonaws.com`],
  ])("%s → %s", (reference, registry) => {
    expect(imageRegistry(reference)).toBe(registry);
  });

  test("a push to Docker Hub is named as such in the finding", async () => {
    for (const name of ["acme/app:v1", "docker.io/acme/app:v1", "index.docker.io/acme/app:v1"]) {
      const bad = docker("image:Image", "app", { imageName: name })(aws);
      const messages = summary(
        (await pack.checkAround(aws, bad, oregonSettings)).filter(
          (v) => v.policy === "registry-replication",
        ),
      );
      expect(messages).toEqual([
        expect.stringContaining(
          `imageName pushes the image to ${JSON.stringify(name)}, an image of Docker Hub (docker.io)`,
        ),
      ]);
    }
  });
});

describe("a CN stack", () => {
  const hongkong = "registry.cn-hongkong.aliyuncs.com/acme/app";
  runCases(pack, () => ali, shanghaiSettings, [
    {
      name: "an image is pushed to Container Registry in Hong Kong",
      bad: buildx({ push: true, tags: [`${hongkong}:v1`] }),
      expected: [
        [
          "registry-replication",
          "app",
          "mandatory",
          [
            "its provider's image builder",
            'docker-build image "app"',
            `${hongkong}:v1 (outside CN, in HK)`,
          ],
        ],
      ],
      twinName: "it is pushed to the instance in Shanghai, by its VPC endpoint",
      twin: buildx({
        push: true,
        tags: ["acme-registry-vpc.cn-shanghai.cr.aliyuncs.com/acme/app:v1"],
      }),
    },
  ]);
});

/**
 * Under `pulumi preview`, a repository the deployment creates has no URL yet: a tag built from it
 * (`${repo.repositoryUrl}:v1`) is not known, and the engine says only which resources it came
 * from. The push then lies where that repository does — also when a component made it (the ECR
 * repository of an `awsx.ecr.Repository`, which its plugin registers) — and fails closed when
 * it came from no repository of the program.
 */
describe("an image reference not known at preview lies where the repository it was built from does", () => {
  const frankfurtProvider = addProvider("aws", "frankfurt", { region: "eu-central-1" });
  /** The stack's repository in Oregon, on a customer key there; the one abroad, on S3's own. */
  const repo = (opts: ResourceOptions = {}) =>
    add(
      "aws:ecr/repository:Repository",
      "repo",
      {
        imageTagMutability: "IMMUTABLE",
        ...(opts.provider === undefined
          ? {
              encryptionConfigurations: [
                {
                  encryptionType: "KMS",
                  kmsKey:
                    "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                },
              ],
            }
          : {}),
      },
      opts,
    );
  const noKey: Finding = [
    "customer-key-encryption",
    "repo",
    "advisory",
    ['ecr repository "repo"', "no customer-managed key (unencrypted, or a key the provider holds)"],
  ];
  const placement = (name: string, what: string): Finding => [
    "resource-placement",
    name,
    "mandatory",
    [`${what} "${name}"`, "eu-central-1 (outside US, in EU)"],
  ];
  const toRepo = (name = "repo"): Finding => [
    "named-destinations",
    "app",
    "mandatory",
    [
      "its provider's image builder",
      'docker-build image "app"',
      `ecr repository "${name}" in eu-central-1 (outside US, in EU)`,
    ],
  ];
  const notKnown = (path: string, label = 'docker-build image "app"'): Finding => [
    "named-destinations",
    "app",
    "mandatory",
    ["its provider's image builder", label, `${path} (unknown at preview)`],
  ];
  runCases(pack, () => aws, oregonSettings, [
    {
      name: "the tags are built from an ECR repository in Frankfurt",
      bad: pipe(
        frankfurtProvider,
        repo({ provider: "frankfurt" }),
        buildx({ push: true, tags: [unknown, unknown] }, { tags: ["repo"] }),
      ),
      expected: [
        placement("frankfurt", "aws provider"),
        placement("repo", "ecr repository"),
        toRepo(),
        toRepo(),
        noKey,
      ],
      twinName: "they are built from the stack's own ECR repository",
      twin: pipe(repo(), buildx({ push: true, tags: [unknown, unknown] }, { tags: ["repo"] })),
    },
    {
      name: "the tag is built from the repository an awsx.ecr.Repository made in Frankfurt",
      bad: pipe(
        frankfurtProvider,
        addComponent("awsx:ecr:Repository", "images", {}),
        repo({ provider: "frankfurt", parent: "images" }),
        buildx({ push: true, tags: [unknown] }, { tags: ["images"] }),
      ),
      expected: [
        placement("frankfurt", "aws provider"),
        placement("repo", "ecr repository"),
        toRepo(),
        noKey,
      ],
      twinName: "the component made it in the stack's region",
      twin: pipe(
        addComponent("awsx:ecr:Repository", "images", {}),
        repo({ parent: "images" }),
        buildx({ push: true, tags: [unknown] }, { tags: ["images"] }),
      ),
    },
    {
      name: "the tag is a lookup's answer (built from no resource of the program)",
      bad: buildx({ push: true, tags: [unknown] }),
      expected: [notKnown("tags[0]")],
      twinName: "it is built from the stack's own ECR repository",
      twin: pipe(repo(), buildx({ push: true, tags: [unknown] }, { tags: ["repo"] })),
    },
    {
      name: "docker.Image's name is built from an ECR Public repository (the global gallery)",
      bad: pipe(
        add("aws:ecrpublic/repository:Repository", "gallery", { repositoryName: "app" }),
        addProvider("docker", "docker", {}),
        add(
          "docker:index/image:Image",
          "app",
          { imageName: unknown, build: { context: "." } },
          { provider: "docker", dependsOn: { imageName: ["gallery"] } },
        ),
      ),
      expected: [
        [
          "global-services",
          "gallery",
          "mandatory",
          ['ecrpublic repository "gallery"', "the public ECR gallery outside the jurisdiction"],
        ],
        notKnown("imageName", 'docker image "app"'),
      ],
      twinName: "it is built from the stack's own ECR repository",
      twin: pipe(
        repo(),
        addProvider("docker", "docker", {}),
        add(
          "docker:index/image:Image",
          "app",
          { imageName: unknown, build: { context: "." } },
          { provider: "docker", dependsOn: { imageName: ["repo"] } },
        ),
      ),
    },
  ]);
});

describe("a CN stack's image built from a Container Registry repository of the program", () => {
  runCases(pack, () => ali, shanghaiSettings, [
    {
      name: "the repository is in Singapore",
      bad: pipe(
        addProvider("alicloud", "singapore", { region: "ap-southeast-1" }),
        add(
          "alicloud:cr/repo:Repo",
          "repo",
          { namespace: "acme", name: "app", repoType: "PRIVATE", summary: "app" },
          { provider: "singapore" },
        ),
        buildx({ push: true, tags: [unknown] }, { tags: ["repo"] }),
      ),
      expected: [
        [
          "named-destinations",
          "app",
          "mandatory",
          [
            "its provider's image builder",
            'docker-build image "app"',
            'cr repo "repo" in ap-southeast-1 (outside CN, in SG)',
          ],
        ],
        [
          "resource-placement",
          "repo",
          "mandatory",
          ['cr repo "repo"', "ap-southeast-1 (outside CN, in SG)"],
        ],
        [
          "resource-placement",
          "singapore",
          "mandatory",
          ['alicloud provider "singapore"', "ap-southeast-1 (outside CN, in SG)"],
        ],
      ],
      twinName: "it is in Shanghai",
      twin: pipe(
        add("alicloud:cr/repo:Repo", "repo", {
          namespace: "acme",
          name: "app",
          repoType: "PRIVATE",
          summary: "app",
        }),
        buildx({ push: true, tags: [unknown] }, { tags: ["repo"] }),
      ),
    },
  ]);
});

describe("a Docker volume keeps its data on the daemon host or the server it mounts", () => {
  const volume = (props: Props) => docker("volume:Volume", "files", { name: "files", ...props });
  const nfs = (addr: string) =>
    volume({ driverOpts: { type: "nfs", o: `addr=${addr},rw,nfsvers=4`, device: ":/exports" } });
  const mounted = onDaemon("remote-sites", "files", 'docker volume "files"');
  runCases(pack, () => aws, oregonSettings, [
    {
      name: "it mounts NFS from a host the pack cannot place",
      bad: nfs("files.example.com"),
      expected: [mounted("files.example.com (cannot be placed)")],
      twinName: "the NFS server is a private address of the stack's networks",
      twin: nfs("10.0.3.7"),
    },
    {
      name: "it mounts an EFS file system in Frankfurt",
      bad: volume({
        driverOpts: { type: "nfs4", device: "fs-1.efs.eu-central-1.amazonaws.com:/" },
      }),
      expected: [
        mounted("fs-1.efs.eu-central-1.amazonaws.com in eu-central-1 (outside US, in EU)"),
      ],
      twinName: "the EFS file system is in Oregon",
      twin: volume({ driverOpts: { type: "nfs4", device: "fs-1.efs.us-west-2.amazonaws.com:/" } }),
    },
    {
      name: "it mounts a CIFS share from a host the pack cannot place",
      bad: volume({ driverOpts: { type: "cifs", device: "//files.example.com/share" } }),
      expected: [mounted("files.example.com (cannot be placed)")],
      twinName: "it is a tmpfs of the daemon host",
      twin: volume({ driverOpts: { type: "tmpfs", device: "tmpfs", o: "size=100m" } }),
    },
    {
      name: "a volume plugin keeps its data",
      bad: volume({ driver: "rexray/s3fs" }),
      expected: [
        mounted(
          '"rexray/s3fs"\'s storage, a volume plugin the pack does not read (cannot be placed)',
        ),
      ],
      twinName: "the local driver keeps it on the daemon host's disk",
      twin: volume({ driver: "local" }),
    },
  ]);
});

describe("a Docker network stays on the daemon host unless its driver carries it elsewhere", () => {
  const network = (props: Props) => docker("network:Network", "mesh", { name: "mesh", ...props });
  const carried = onDaemon("remote-sites", "mesh", 'docker network "mesh"');
  runCases(pack, () => aws, oregonSettings, [
    {
      name: "it is an overlay network of the swarm's nodes",
      bad: network({ driver: "overlay", attachable: true }),
      expected: [
        carried("every node of the Docker swarm, wherever it joined from (cannot be placed)"),
      ],
      twinName: "it is a bridge of the daemon host",
      twin: network({ driver: "bridge" }),
    },
    {
      name: "a network driver plugin carries it",
      bad: network({ driver: "weaveworks/net-plugin:latest_release" }),
      expected: [
        carried(
          'wherever the network driver plugin "weaveworks/net-plugin:latest_release" does, which the pack does not read (cannot be placed)',
        ),
      ],
      twinName: "it is a macvlan network on the host's own link",
      twin: network({ driver: "macvlan", options: { parent: "eth0" } }),
    },
  ]);
});

describe("a Docker container ships its logs, its volumes and its name lookups only inside", () => {
  const container = (props: Props) =>
    docker("container:Container", "web", { image: "nginx:1.27", ...props });
  const logs = (logDriver: string, logOpts?: Record<string, string>) =>
    container({ logDriver, ...(logOpts ? { logOpts } : {}) });
  const sent = (policy: string, place: string) =>
    onDaemon(policy, "web", 'docker container "web"')(place);
  const nfsMount = (addr: string) =>
    container({
      mounts: [
        {
          target: "/data",
          type: "volume",
          source: "shared",
          volumeOptions: {
            driverName: "local",
            driverOptions: { type: "nfs", o: `addr=${addr},rw`, device: ":/exports" },
          },
        },
      ],
    });
  runCases(pack, () => aws, oregonSettings, [
    {
      name: "its awslogs driver ships to CloudWatch Logs in Frankfurt",
      bad: logs("awslogs", { "awslogs-region": "eu-central-1", "awslogs-group": "web" }),
      expected: [sent("log-shipping", "eu-central-1 (outside US, in EU)")],
      twinName: "to CloudWatch Logs in Oregon",
      twin: logs("awslogs", { "awslogs-region": "us-west-2", "awslogs-group": "web" }),
    },
    {
      name: "its awslogs driver names no region: the daemon's host or environment picks one",
      bad: logs("awslogs", { "awslogs-group": "web" }),
      expected: [
        sent(
          "log-shipping",
          "CloudWatch Logs in whatever region the daemon's host or environment names, as logOpts names none (cannot be placed)",
        ),
      ],
      twinName: "it keeps its logs in local files of the daemon host",
      twin: logs("local"),
    },
    {
      name: "its syslog driver ships to a public address",
      bad: logs("syslog", { "syslog-address": "udp://203.0.113.10:514" }),
      expected: [sent("log-shipping", unplaced("203.0.113.10"))],
      twinName: "to the daemon host's own syslog socket",
      twin: logs("syslog", { "syslog-address": "unix:///dev/log" }),
    },
    {
      name: "its Fluentd driver ships to a host the pack cannot place",
      bad: logs("fluentd", { "fluentd-address": "logs.example.com:24224" }),
      expected: [sent("log-shipping", unplaced("logs.example.com:24224"))],
      twinName: "to a Fluentd agent on the daemon host",
      twin: logs("fluentd", { "fluentd-address": "localhost:24224" }),
    },
    {
      name: "a log driver plugin ships wherever it does",
      bad: logs("grafana/loki-docker-driver:latest", { "loki-url": "https://logs.example.com" }),
      expected: [
        sent(
          "log-shipping",
          'wherever the log driver plugin "grafana/loki-docker-driver:latest" sends them, which the pack does not read (cannot be placed)',
        ),
      ],
      twinName: "journald keeps them on the daemon host",
      twin: logs("journald"),
    },
    {
      name: "its gcplogs driver ships to Google Cloud Logging",
      bad: logs("gcplogs", { "gcp-project": "web-logs" }),
      expected: [
        sent(
          "log-shipping",
          "Google Cloud Logging, a service of a cloud the pack does not place (cannot be placed)",
        ),
      ],
      twinName: "json-file keeps them on the daemon host",
      twin: logs("json-file"),
    },
    {
      name: "a volume it creates mounts NFS from a public address",
      bad: nfsMount("203.0.113.7"),
      expected: [
        sent("remote-sites", "203.0.113.7 (a public address the egress allowlist does not cover)"),
      ],
      twinName: "from a private address of the stack's networks",
      twin: nfsMount("10.0.3.7"),
    },
    {
      name: "a volume it creates is kept by a volume plugin",
      bad: container({
        mounts: [
          {
            target: "/data",
            type: "volume",
            source: "s3",
            volumeOptions: { driverName: "rexray/s3fs" },
          },
        ],
      }),
      expected: [
        sent(
          "remote-sites",
          '"rexray/s3fs"\'s storage, a volume plugin the pack does not read (cannot be placed)',
        ),
      ],
      twinName: "it mounts a volume that exists, and a folder of the daemon host",
      twin: container({
        mounts: [
          { target: "/data", type: "volume", source: "files" },
          { target: "/etc/app", type: "bind", source: "/srv/app" },
        ],
      }),
    },
    {
      name: "it runs an image pulled from ECR in Frankfurt",
      bad: container({ image: `${frankfurt}:v1` }),
      expected: [
        [
          "arn-locality",
          "web",
          "mandatory",
          [
            'docker container "web"',
            `${account}.dkr.ecr.eu-central-1.amazonaws.com in eu-central-1 (outside US, in EU)`,
          ],
        ],
      ],
      twinName: "from ECR in Oregon",
      twin: container({ image: `${oregon}:v1` }),
    },
    {
      name: "it resolves names at a public DNS server",
      bad: container({ dns: ["8.8.8.8"] }),
      expected: [sent("remote-sites", unplaced("8.8.8.8"))],
      twinName: "at a private resolver of the stack's networks",
      twin: container({ dns: ["10.0.0.2"] }),
    },
  ]);
});

describe("a container's log server named by an address not known at preview lies where the server it was built from does", () => {
  const vm = (opts: ResourceOptions = {}) =>
    addInstance(
      "aws:ec2/instance:Instance",
      "syslog-vm",
      { ami: "ami-records", instanceType: "t4g.micro", subnetId: "subnet-records" },
      opts,
    );
  const shipsTo = (deps?: string[]) =>
    pipe(
      addProvider("docker", "docker", {}),
      add(
        "docker:index/container:Container",
        "web",
        { image: "nginx:1.27", logDriver: "syslog", logOpts: { "syslog-address": unknown } },
        { provider: "docker", dependsOn: deps ? { logOpts: deps } : undefined },
      ),
    );
  const named = onDaemon("named-destinations", "web", 'docker container "web"');
  runCases(pack, () => aws, oregonSettings, [
    {
      name: "the address is built from nothing of the program (a lookup's answer)",
      bad: shipsTo(),
      expected: [named("logOpts.syslog-address (unknown at preview)")],
      twinName: "it is built from the private address of a virtual machine of the program",
      twin: pipe(vm(), shipsTo(["syslog-vm"])),
    },
    {
      name: "a CloudWatch Logs endpoint is built from nothing of the program",
      bad: pipe(
        addProvider("docker", "docker", {}),
        add(
          "docker:index/container:Container",
          "web",
          { image: "nginx:1.27", logDriver: "awslogs", logOpts: { "awslogs-endpoint": unknown } },
          { provider: "docker" },
        ),
      ),
      expected: [named("logOpts.awslogs-endpoint (unknown at preview)")],
      twinName: "it is the DNS name of the program's interface endpoint for CloudWatch Logs",
      twin: pipe(
        add("aws:ec2/vpcEndpoint:VpcEndpoint", "logs-endpoint", {
          vpcId: "vpc-records",
          serviceName: "com.amazonaws.us-west-2.logs",
          vpcEndpointType: "Interface",
          privateDnsEnabled: true,
        }),
        addProvider("docker", "docker", {}),
        add(
          "docker:index/container:Container",
          "web",
          { image: "nginx:1.27", logDriver: "awslogs", logOpts: { "awslogs-endpoint": unknown } },
          { provider: "docker", dependsOn: { logOpts: ["logs-endpoint"] } },
        ),
      ),
    },
    {
      name: "the address is built from a virtual machine of the program in Frankfurt",
      bad: pipe(
        addProvider("aws", "frankfurt", { region: "eu-central-1" }),
        vm({ provider: "frankfurt" }),
        shipsTo(["syslog-vm"]),
      ),
      expected: [
        named('ec2 instance "syslog-vm" in eu-central-1 (outside US, in EU)'),
        [
          "resource-placement",
          "frankfurt",
          "mandatory",
          ['aws provider "frankfurt"', "eu-central-1 (outside US, in EU)"],
        ],
        [
          "resource-placement",
          "syslog-vm",
          "mandatory",
          ['ec2 instance "syslog-vm"', "eu-central-1 (outside US, in EU)"],
        ],
      ],
      twinName: "the virtual machine is in Oregon",
      twin: pipe(vm(), shipsTo(["syslog-vm"])),
    },
  ]);
});

test("a container's log driver or mounts not known at preview fail closed offline and wait for pulumi up at a first preview", async () => {
  const bad = docker("container:Container", "web", {
    image: "nginx:1.27",
    logDriver: unknown,
    mounts: unknown,
  });
  const judged = async (unknownAtPreview: "fail" | "defer") =>
    (await pack.checkAround(aws, bad(aws), { ...oregonSettings, unknownAtPreview }))
      .filter((v) => v.resourceName === "web")
      .map((v) => `${v.policy} ${v.level}${v.deferred ? " deferred" : ""}: ${v.message}`)
      .sort();
  const offline = await judged("fail");
  expect(offline.map((m) => m.split(":")[0])).toEqual([
    "log-shipping mandatory",
    "remote-sites mandatory",
  ]);
  expect(offline.every((m) => m.includes("not known"))).toBe(true);
  expect((await judged("defer")).map((m) => m.split(":")[0])).toEqual([
    "log-shipping advisory deferred",
    "remote-sites advisory deferred",
  ]);
});

test("a volume whose driver options are not known at preview waits for pulumi up at a first preview", async () => {
  const bad = docker("volume:Volume", "files", {
    name: "files",
    driverOpts: { type: "nfs", o: unknown, device: ":/exports" },
  });
  const judged = async (unknownAtPreview: "fail" | "defer") =>
    (await pack.checkAround(aws, bad(aws), { ...oregonSettings, unknownAtPreview }))
      .filter((v) => v.resourceName === "files")
      .map((v) => `${v.policy} ${v.level}${v.deferred ? " deferred" : ""}`);
  expect(await judged("fail")).toEqual(["remote-sites mandatory"]);
  expect(await judged("defer")).toEqual(["remote-sites advisory deferred"]);
});

describe("the docker package's other types", () => {
  const reviewed = async (bad: (p: Plan) => Plan) =>
    summary(
      (await pack.checkAround(aws, bad(aws), oregonSettings)).filter(
        (v) => v.policy === "reviewed-resource-types",
      ),
    );

  test("what only lives on the provider's daemon passes: a pulled image, a tag, a network", async () => {
    const onDaemon = pipe(
      docker("remoteImage:RemoteImage", "base", { name: "nginx:1.27" }),
      add(
        "docker:index/tag:Tag",
        "latest",
        { sourceImage: "nginx:1.27", targetImage: "web:latest" },
        { provider: "docker" },
      ),
      add("docker:index/network:Network", "net", { name: "web" }, { provider: "docker" }),
    );
    expect(await reviewed(onDaemon)).toEqual([]);
  });

  test("a swarm service fails closed: it runs on every node of the swarm", async () => {
    const service = docker("service:Service", "web", {
      taskSpec: { containerSpec: { image: "nginx:1.27" } },
    });
    const found = await reviewed(service);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('docker service "web"');
    expect(found[0]).toContain("a swarm service (on every node of the swarm)");
  });
});
