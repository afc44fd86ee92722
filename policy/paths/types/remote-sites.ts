/**
 * Links to sites outside the cloud (`remote-sites`): VPN gateways, their connections, routes
 * and customer gateways; client VPN and Smart Access Gateway; Express Connect and Direct Connect
 * lines and the border routers and interfaces that run on them; DNS forwarding, and the
 * directory, DNS, time, RADIUS and call servers the stack names by address
 * (shared/research/data-paths.md §3 "VPN", "Express Connect …", "DNS forwarding"; §4 "VPN",
 * "Direct Connect", "DNS forwarding").
 *
 * A site is placed by its address: inside only when the egress allowlist holds it (a private one
 * sits behind a line the stack does not show); a server the stack sends requests to is inside
 * when private (in the stack's networks, which the links judge) or allowlisted; a leased line by
 * its access point. A route of every address through a tunnel sends the site all the stack's
 * traffic. The graph draws each gateway into its VPC and each tunnel to its customer gateway;
 * the customer gateway's and the line's own links carry the verdict on their address and access
 * point (links.ts).
 */
import { alibabaResolvers, link } from "./common";
import type { EdgeLabel, FieldSpec, Judged, PolicyName, TypeModel, TypeTable } from "../model";
import type { EgressAllowEntry } from "../../framework";
import { corefileUpstreamsOut } from "../kubernetes";
import { decided, known, valueAt } from "../values";
import { serverOutside } from "../places";
import type { Jurisdiction } from "../../../residency/jurisdictions";
import { officeSiteFix, officeSiteInternet } from "./egress";
import {
  accessPoint,
  customerGateway,
  drawn,
  fieldsRow as row,
  inVpc,
  linkRow,
  physicalConnectionType,
  tgwTypes,
  tunnels,
  vpcTypes,
  vpnGatewayTypes,
} from "./links";
import { logDriverServers, onTheHost } from "./log-readers";
import { edgesOf, withPolicyFields } from "./rows";
import { fileCacheRepositories, transferFix } from "./transfers";

const site = edgesOf("remote-sites", "attachment");
const tunnel = edgesOf("remote-sites", "ipsec connection");
const route = edgesOf("remote-sites", "route");

const siteFix =
  "Connect only to sites on addresses in the egress allowlist (on-premises sites inside the jurisdiction), or remove the link.";

const serverFix =
  "Name only private addresses of the stack's networks, or add the server's public address to the egress allowlist.";
const clientVpnFix =
  "Do not offer client VPN into a sealed network; reach it through a site VPN from an allowlisted address.";
const dnsFix = "Forward DNS only to private or allowlisted resolvers.";

/**
 * The upstream resolvers of a Corefile (CoreDNS's configuration) that send the cluster's DNS
 * queries out of the stack's networks: each is inside when it is a private address of the
 * stack's networks or on the egress allowlist; a public resolver or a host name cannot be placed.
 */
function corefileForwards(
  text: string,
  at: string,
  allowlist: readonly EgressAllowEntry[],
): Judged[] {
  const verb = "forwards the cluster's DNS queries to";
  return corefileUpstreamsOut(text, allowlist).map(({ to, byName }) => ({
    path: at,
    verb,
    place: `${JSON.stringify(to)} (${byName ? "a resolver by host name" : "a public resolver"}, which cannot be placed)`,
  }));
}

/**
 * The Corefile of an EKS CoreDNS add-on: its `configurationValues` (JSON or YAML) may replace the
 * one the add-on ships, which forwards to the VPC's resolver. A value not known at preview leaves
 * the reading undecided.
 */
const coreDnsAddon: FieldSpec = {
  path: "configurationValues",
  // Only the Corefile: the rest of an add-on's configuration (an ADOT collector's remote-write
  // endpoint, a vendor agent's site) is placed by arn-locality as any other input.
  reads: ["configurationValues.corefile"],
  format: "judged",
  label: "attachment",
  policy: "remote-sites",
  verb: "",
  judges: (props, _j, allowlist) => {
    if (props.addonName !== "coredns" || props.configurationValues === undefined) {
      return [];
    }
    // Read past the runtime's proxy, which throws on a value not known at preview: the whole
    // text is known or not, and `props.configurationValues` above has asked already.
    const corefile = valueAt(props, "configurationValues.corefile");
    return typeof corefile === "string"
      ? corefileForwards(corefile, "configurationValues.corefile", allowlist)
      : [];
  },
};

/**
 * An EKS add-on from AWS Marketplace (`<vendor>_<product>`: `datadog_operator`,
 * `grafana-labs_kubernetes-monitoring`): the vendor's software, which AWS installs in the cluster
 * and the program never declares, typically an agent that ships the cluster's data to the
 * vendor's service — a site the pack cannot place, as it sees none of the add-on's objects.
 * AWS's own add-ons (`coredns`, `adot`, …) carry no underscore.
 */
const marketplaceAddon: FieldSpec = {
  path: "addonName",
  // Decides no place arn-locality reads: the configuration's endpoints stay its.
  reads: [],
  format: "judged",
  label: "attachment",
  policy: "remote-sites",
  verb: "",
  judges: (props) => {
    const name = props.addonName;
    if (typeof name !== "string" || !name.includes("_")) {
      return [];
    }
    const vendor = name.slice(0, name.indexOf("_"));
    return [
      {
        path: "addonName",
        verb: "installs",
        place: `${JSON.stringify(name)}, software of the vendor ${vendor} from AWS Marketplace whose agent may ship the cluster's data to ${vendor}'s service (cannot be placed)`,
      },
    ];
  },
};

/** An AD connector's domain controllers, which desktop users sign in at. */
const directoryServers = [
  site.ip("dnsAddresses[]", "signs desktop users in at"),
  site.ip("subDomainDnsAddresses[]", "signs desktop users in at"),
];
/** An address not known at preview lies where the program's resource it came from does. */
const programAddress = { ref: "ip-address", namedWhenUnknown: true } as const;

const facilityFix =
  "Land the connection at a Direct Connect location inside the jurisdiction, and declare the country of its facility under sovereign-dc:directConnectLocations.";

/** DHCP options that leave name resolution to the VPC's own resolver. */
function amazonDnsOnly(props: Readonly<Record<string, unknown>>): boolean {
  const servers = known(() => props.domainNameServers);
  return (
    Array.isArray(servers) && servers.length > 0 && servers.every((v) => v === "AmazonProvidedDNS")
  );
}

/** A route of every address through the tunnel: the link the row's tunnels already draw. */
function everything(path: string, verb: string, farSide: string): FieldSpec {
  return route.anywhereCidr(path, verb, { farSide, ...drawn });
}

/** The customer gateway's address places the site its tunnels end at. */
const customerGatewayRow: TypeModel = linkRow({
  role: "gateway",
  fields: [
    site.siteIp("ipAddress", "terminates tunnels at", {
      required: true,
      ...drawn,
      ...programAddress,
    }),
  ],
  edges: customerGateway,
  fix: siteFix,
});

const gatewayRow: TypeModel = linkRow({ role: "gateway", edges: inVpc, fix: siteFix });

/** A VPN route of every address sends the site all the stack's traffic. */
const vpnRoute = row(
  "Route only the remote site's own subnets through the VPN.",
  route.anywhereCidr("routeDest", "sends", { farSide: "all traffic (0.0.0.0/0) through the VPN" }),
);

/** A client of the Smart Access Gateway App, which joins from wherever it is (see below). */
const sagClient = row(
  "Do not offer client access into a sealed network; reach it through a site VPN from an allowlisted address.",
  site.flag("sagId", "admits", {
    farSide: "clients anywhere in the world (Smart Access Gateway App)",
    opensWhenSet: true,
  }),
);

/**
 * A private or transit virtual interface: it carries the networks' traffic over its connection to
 * the site at the connection's far end — a connection of the program is judged by its own row
 * (its location), another cannot be placed (named-destinations) — and with SiteLink between
 * Direct Connect locations.
 */
const siteLinked = row(
  "Turn SiteLink off, and run the interface on a Direct Connect connection this program creates (its location is judged there).",
  site.flag("sitelinkEnabled", "sends traffic between Direct Connect locations through", {
    values: [true],
    farSide: "SiteLink, bypassing every region",
  }),
  site.ref("connectionId", "carries the networks' traffic over", {
    ref: "dx-connection",
    noun: "connectionId",
  }),
);

/** A hosted virtual interface: the connection it runs on, as a private interface's. */
const hostedOn = row(
  "Allocate the interface on a Direct Connect connection this program creates (its location is judged there).",
  site.ref("connectionId", "carries the accepting account's traffic over", {
    ref: "dx-connection",
    noun: "connectionId",
  }),
);

/**
 * Accepting a hosted virtual interface joins the gateway to the site at the far end of another
 * account's connection: one the program creates is judged by its own row, another cannot be.
 */
const acceptsHosted = row(
  "Accept only a hosted interface this program creates on a connection it creates, or check the owner's stack with the pack and waive this finding naming that review.",
  site.ref("virtualInterfaceId", "joins the gateway to the site of", {
    ref: "dx-hosted-interface",
    noun: "virtualInterfaceId",
  }),
);

/**
 * Where a Docker volume keeps its data: on the provider's daemon host (the `local` driver on a
 * disk, tmpfs or bind mount), or on the server a network filesystem names — NFS by `o`'s `addr`
 * or `device`'s `host:`, CIFS by `device`'s `//host/share` — which must be a private address of
 * the stack's networks, an allowlisted one or a cloud file service endpoint (EFS, NAS) in a region
 * inside. A volume plugin or a filesystem type the pack does not read cannot be placed; a setting
 * not known at preview leaves the reading undecided (`decided`). `at` names the driver's and the
 * options' paths in the findings.
 */
function volumeStorage(
  driver: unknown,
  opts: unknown,
  at: { readonly driver: string; readonly opts: string },
  j: Jurisdiction,
  allowlist: readonly EgressAllowEntry[],
): Judged[] {
  const verb = "keeps the volume's data on";
  decided(driver, at.driver);
  decided(opts, at.opts);
  if (driver !== undefined && driver !== "local") {
    return [
      {
        path: at.driver,
        verb,
        place: `${JSON.stringify(driver)}'s storage, a volume plugin the pack does not read (cannot be placed)`,
      },
    ];
  }
  const opt = (key: string): string | undefined => {
    const v = decided(valueAt(opts, key), `${at.opts}.${key}`);
    return typeof v === "string" ? v : undefined;
  };
  const type = opt("type")?.toLowerCase();
  if (type === undefined || localFilesystems.includes(type)) {
    return [];
  }
  const device = opt("device") ?? "";
  const server = ["nfs", "nfs4"].includes(type)
    ? (/(?:^|,)addr=([^,]+)/.exec(opt("o") ?? "")?.[1] ?? /^([^:/]+):/.exec(device)?.[1])
    : ["cifs", "smb", "smb3"].includes(type)
      ? /^\/\/([^/]+)/.exec(device)?.[1]
      : undefined;
  if (server === undefined || server === "") {
    return [
      {
        path: `${at.opts}.type`,
        verb,
        place: `a ${JSON.stringify(type)} filesystem whose server the pack cannot read (cannot be placed)`,
      },
    ];
  }
  const place = serverOutside(server, j, allowlist, {
    public: "a public address the egress allowlist does not cover",
    unplaced: "cannot be placed",
  });
  return place === undefined ? [] : [{ path: at.opts, verb, place }];
}

/** A Docker volume (`driver`, `driverOpts`), and a Swarm cluster volume's CSI driver. */
const dockerVolume: FieldSpec = {
  path: "driverOpts",
  reads: ["driver", "driverOpts", "cluster"],
  format: "judged",
  label: "mounted by",
  policy: "remote-sites",
  verb: "",
  judges: (props, j, allowlist) => [
    ...(valueAt(props, "cluster") !== undefined
      ? [
          {
            path: "cluster",
            verb: "keeps the volume's data on",
            place:
              "the storage of a Swarm cluster volume's CSI driver, which the pack does not read (cannot be placed)",
          },
        ]
      : []),
    ...volumeStorage(
      valueAt(props, "driver"),
      valueAt(props, "driverOpts"),
      { driver: "driver", opts: "driverOpts" },
      j,
      allowlist,
    ),
  ],
};

/**
 * The volumes a Docker container creates as it starts (`mounts[]` of type `volume` with
 * `volumeOptions`, as `docker run --mount type=volume,volume-driver=…,volume-opt=…` does): each
 * keeps its data where a Docker volume of the same driver and options does. A mount of a volume
 * that already exists, a bind mount or a tmpfs lies on the daemon host.
 */
const containerVolumes: FieldSpec = {
  path: "mounts",
  reads: ["mounts"],
  format: "judged",
  label: "mounted by",
  policy: "remote-sites",
  verb: "",
  judges: (props, j, allowlist) => {
    const mounts = decided(valueAt(props, "mounts"), "mounts");
    return (Array.isArray(mounts) ? mounts : []).flatMap((m: unknown, i) => {
      const at = `mounts[${i}].volumeOptions`;
      const options = decided(valueAt(decided(m, `mounts[${i}]`), "volumeOptions"), at);
      return options === undefined || options === null
        ? []
        : volumeStorage(
            valueAt(options, "driverName"),
            valueAt(options, "driverOptions"),
            { driver: `${at}.driverName`, opts: `${at}.driverOptions` },
            j,
            allowlist,
          );
    });
  },
};

/** Filesystems the `local` driver mounts from the daemon host itself. */
const localFilesystems = ["none", "tmpfs", "bind", "ext4", "xfs", "btrfs", "overlay"];

/**
 * A Docker driver setting at `path` (a network's driver, a container's log driver): the drivers
 * of `local` keep everything on the daemon host; `elsewhere` names where any other sends it, as a
 * finding's place, or undefined when another field of the row judges that driver's destination.
 * A driver not known at preview leaves the reading undecided.
 */
function dockerDriver(
  path: string,
  label: EdgeLabel,
  policy: PolicyName,
  verb: string,
  local: readonly string[],
  elsewhere: (driver: string, props: Readonly<Record<string, unknown>>) => string | undefined,
): FieldSpec {
  return {
    path,
    reads: [path],
    format: "judged",
    label,
    policy,
    verb: "",
    judges: (props) => {
      const driver = decided(valueAt(props, path), path);
      if (typeof driver !== "string" || local.includes(driver)) {
        return [];
      }
      const place = elsewhere(driver, props);
      return place === undefined ? [] : [{ path, verb, place }];
    },
  };
}

/** Docker's network drivers that keep a network on the daemon host and its own links. */
const localNetworkDrivers = [
  ...["bridge", "host", "none", "null", "macvlan", "ipvlan"],
  // Windows hosts' drivers.
  ...["nat", "transparent", "l2bridge", "l2tunnel", "ics"],
];

/**
 * A Docker network: on the daemon host (its bridge, or the host's own links for macvlan and
 * ipvlan), unless its driver carries traffic elsewhere — an overlay network spans every node of
 * the swarm, wherever those nodes joined it from, and a driver plugin wherever it does; neither
 * can be placed from the program.
 */
const dockerNetwork: TypeModel = {
  role: "network",
  fields: [
    dockerDriver(
      "driver",
      "attachment",
      "remote-sites",
      "carries the containers' traffic to",
      localNetworkDrivers,
      (driver) =>
        driver === "overlay"
          ? "every node of the Docker swarm, wherever it joined from (cannot be placed)"
          : `wherever the network driver plugin ${JSON.stringify(driver)} does, which the pack does not read (cannot be placed)`,
    ),
  ],
  fix: "Keep the network on the daemon host (the bridge, macvlan or ipvlan driver), or confirm that every node of the swarm, or every host the plugin links, sits inside the jurisdiction and record a waiver with that evidence.",
};

/** Docker's log drivers that keep a container's logs on the daemon host. */
const localLogDrivers = ["json-file", "local", "journald", "etwlogs", "none"];
/** Docker's log drivers that ship to a place their options name (read by the fields below). */
const addressedLogDrivers = ["syslog", "gelf", "fluentd", "awslogs", "splunk"];

/**
 * A Docker container: its data lies on the daemon host its provider talks to (placed on the
 * provider by resource-placement), and its traffic leaves through that host's network, which
 * the host's own resources are judged by; what it sends elsewhere is named here. Its log driver
 * ships everything it writes — to a syslog, GELF, Fluentd or Splunk server its options name, to
 * CloudWatch Logs in the region they name, to Google Cloud Logging or Logentries, or through a
 * plugin the pack does not read; the volumes it creates as it starts keep their data where
 * their driver does; the DNS servers it is given see every name it looks up.
 */
const dockerLog = edgesOf("log-shipping", "log delivery");
const dockerContainer: TypeModel = withPolicyFields(
  {
    role: "workload",
    fields: [
      ...[
        ...logDriverServers,
        ["awslogs-endpoint", "ships the container's logs to CloudWatch Logs at"] as const,
      ].map(([option, verb]) =>
        dockerLog.url(`logOpts.${option}`, verb, {
          where: (holder) => !onTheHost(valueAt(holder, option)),
          // An address built from a server's outputs lies where that server does.
          ref: "log-server",
          namedWhenUnknown: true,
        }),
      ),
      dockerLog.region(
        "logOpts.awslogs-region",
        "ships the container's logs to CloudWatch Logs in",
        {
          cloud: "aws",
        },
      ),
      dockerDriver(
        "logDriver",
        "log delivery",
        "log-shipping",
        "ships the container's logs to",
        localLogDrivers,
        (driver, props) => {
          if (driver === "awslogs") {
            // One not known at preview is the region's or endpoint's own field's to report.
            const named = (option: string) => known(() => valueAt(props, `logOpts.${option}`));
            return named("awslogs-region") === undefined && named("awslogs-endpoint") === undefined
              ? "CloudWatch Logs in whatever region the daemon's host or environment names, as logOpts names none (cannot be placed)"
              : undefined;
          }
          if (addressedLogDrivers.includes(driver)) {
            return undefined;
          }
          const service: Record<string, string> = {
            gcplogs:
              "Google Cloud Logging, a service of a cloud the pack does not place (cannot be placed)",
            logentries:
              "Logentries (Rapid7), a logging service of no catalogued region (cannot be placed)",
          };
          return (
            service[driver] ??
            `wherever the log driver plugin ${JSON.stringify(driver)} sends them, which the pack does not read (cannot be placed)`
          );
        },
      ),
    ],
    fix: "Keep the container's logs on the daemon host (json-file, local, journald), or ship them to a private or allowlisted server or to CloudWatch Logs in a region inside the jurisdiction.",
  },
  "remote-sites",
  "Mount only volumes kept on the daemon host or on a server of the stack's networks (a private or allowlisted address, an EFS or NAS endpoint in a region inside), and resolve names only at private or allowlisted DNS servers.",
  containerVolumes,
  site.ip("dns[]", "resolves names at the DNS servers", { cloudOwn: alibabaResolvers }),
);

export const remoteSites: TypeTable = {
  // A Docker volume on a network filesystem keeps its data on that filesystem's server.
  "docker:index/volume:Volume": {
    ...row(
      "Keep the volume on the daemon host, or mount it from a server of the stack's networks (a private address, an EFS or NAS endpoint in a region inside the jurisdiction) or an allowlisted one.",
      dockerVolume,
    ),
    role: "data",
  },
  "docker:index/container:Container": dockerContainer,
  "docker:index/network:Network": dockerNetwork,
  // CoreDNS resolves every name the cluster's pods look up, and forwards what it cannot answer.
  "aws:eks/addon:Addon": row(
    "Forward the cluster's DNS only to the network's resolver, private resolvers of the stack's networks or allowlisted ones: leave the Corefile's forward at /etc/resolv.conf. Of an AWS Marketplace add-on, confirm that its vendor's service keeps the data inside the jurisdiction (its site or region setting) and record a waiver with that evidence, or remove it.",
    coreDnsAddon,
    marketplaceAddon,
  ),
  "alicloud:vpn/gateway:Gateway": gatewayRow,
  "aws:ec2/vpnGateway:VpnGateway": gatewayRow,
  "aws:ec2/vpnGatewayAttachment:VpnGatewayAttachment": linkRow({
    role: "network",
    edges: (r, x) => {
      const vpc = x.resourceAt(r, "vpcId", vpcTypes);
      const gw = x.resourceAt(r, "vpnGatewayId", vpnGatewayTypes);
      return vpc && gw ? link(vpc, gw, "attachment", { via: r, both: true }) : [];
    },
    fix: siteFix,
  }),
  "alicloud:vpn/customerGateway:CustomerGateway": customerGatewayRow,
  "aws:ec2/customerGateway:CustomerGateway": customerGatewayRow,
  "alicloud:vpn/connection:Connection": linkRow({
    role: "network",
    fields: [everything("remoteSubnets[]", "sends", "all traffic (0.0.0.0/0) to the remote site")],
    edges: (r, x) => {
      const gw = x.resourceAt(r, "vpnGatewayId", vpnGatewayTypes);
      return gw ? tunnels(r, x, gw) : [];
    },
    fix: "Route only the remote site's own subnets through the tunnel.",
  }),
  "alicloud:vpn/gatewayVpnAttachment:GatewayVpnAttachment": linkRow({
    role: "gateway",
    fields: [everything("remoteSubnet", "sends", "all traffic (0.0.0.0/0) to the remote site")],
    edges: (r, x) => tunnels(r, x, r),
    fix: "Route only the remote site's own subnets through the tunnel.",
  }),
  "aws:ec2/vpnConnection:VpnConnection": linkRow({
    role: "network",
    fields: [
      everything(
        "localIpv4NetworkCidr",
        "lets the remote site route",
        "all traffic (0.0.0.0/0) to itself",
      ),
      everything(
        "localIpv6NetworkCidr",
        "lets the remote site route",
        "all IPv6 traffic (::/0) to itself",
      ),
      tunnel.flag("enableAcceleration", "carries the tunnel over", {
        values: [true],
        farSide: "the Global Accelerator edge network",
      }),
      // A transit gateway joins the site to every network attached to it: one of the program is
      // judged by its own rows, one it does not create cannot be (named-destinations).
      tunnel.ref("transitGatewayId", "terminates the tunnel on", {
        ref: "transit-gateway",
        drawnByRow: true,
      }),
    ],
    edges: (r, x) => {
      const gw =
        x.resourceAt(r, "vpnGatewayId", vpnGatewayTypes) ??
        x.resourceAt(r, "transitGatewayId", tgwTypes);
      return gw ? tunnels(r, x, gw) : [];
    },
    fix: "Route only the remote site's own networks through the VPN and turn acceleration off; end it on a transit gateway this program creates (to end it on one another stack creates, check that stack with the pack and waive this finding naming that review).",
  }),
  "alicloud:expressconnect/virtualBorderRouter:VirtualBorderRouter": linkRow({
    role: "gateway",
    fields: [
      site.flag("sitelinkEnable", "lets on-premises sites exchange traffic through", {
        values: [true],
        farSide: "the backbone between data centres (SiteLink)",
      }),
      site.account("vbrOwnerId", "belongs to"),
      // Its far end is its leased line, placed by the line's access point (the row below); a
      // line the program does not create cannot be placed (named-destinations).
      site.ref("physicalConnectionId", "runs on the leased line", {
        ref: "physical-connection",
        noun: "physicalConnectionId",
      }),
    ],
    fix: "Turn SiteLink off, and run the border router on a leased line this program creates at an access point inside the jurisdiction.",
  }),
  // A further leased line for a border router: its far end is placed by the line's access point
  // (the row below); a line the program does not create cannot be placed (named-destinations).
  "alicloud:expressconnect/vbrPconnAssociation:VbrPconnAssociation": row(
    "Associate the border router only with a leased line this program creates at an access point inside the jurisdiction.",
    site.ref("physicalConnectionId", "runs the border router on the leased line", {
      ref: "physical-connection",
      noun: "physicalConnectionId",
    }),
  ),
  [physicalConnectionType]: linkRow({
    role: "gateway",
    fields: [
      site.accessPoint("accessPointId", "lands the leased line at", { required: true, ...drawn }),
      // Alibaba Cloud's operators are the mainland's carriers (CT, CU, CM, CO) and, for lines
      // outside the mainland, `Equinix` or `Other`: under a CN stack such a carrier is a path
      // out; under any other, the access point places the line, whoever carries it (a Frankfurt
      // line is Equinix's).
      site.flag("lineOperator", "is carried by", {
        values: ["Equinix", "Other"],
        farSide: "an operator outside the Chinese mainland",
        when: (_props, j) => j.id === "CN",
      }),
    ],
    edges: accessPoint,
    fix: "Land leased lines only at access points in regions inside the jurisdiction.",
  }),
  "alicloud:vpn/routeEntry:RouteEntry": vpnRoute,
  "alicloud:vpn/pbrRouteEntry:PbrRouteEntry": vpnRoute,
  "alicloud:vpn/gatewayVcoRoute:GatewayVcoRoute": vpnRoute,
  // Smart Access Gateway: a device at a branch, or an app on a client, joins a Cloud Connect
  // Network over the internet wherever it is. Neither names an address or a place the pack
  // could check, so these links always fail; a branch shown to lie inside the jurisdiction is
  // a waiver with that evidence.
  "alicloud:cloudconnect/networkAttachment:NetworkAttachment": row(
    "Connect branch sites through a VPN to a customer gateway on an allowlisted address, or confirm that the branch lies inside the jurisdiction and record a waiver with that evidence.",
    site.flag("sagId", "joins the Cloud Connect Network to", {
      farSide: "a Smart Access Gateway branch site the pack cannot place",
    }),
  ),
  "alicloud:sag/clientUser:ClientUser": sagClient,
  "alicloud:rocketmq/clientUser:ClientUser": sagClient,
  "alicloud:vpn/sslVpnServer:SslVpnServer": row(
    clientVpnFix,
    site.flag("vpnGatewayId", "admits", {
      farSide: "clients anywhere in the world (SSL-VPN)",
      opensWhenSet: true,
    }),
  ),
  "alicloud:vpn/ipsecServer:IpsecServer": row(
    clientVpnFix,
    site.flag("vpnGatewayId", "admits", {
      farSide: "clients anywhere in the world (IPsec client VPN)",
      opensWhenSet: true,
    }),
  ),
  "alicloud:expressconnect/virtualPhysicalConnection:VirtualPhysicalConnection": row(
    "Keep hosted connections in this account.",
    site.account("vpconnAliUid", "hands the line to"),
  ),
  // Servers that present the code become managed instances the account runs commands on and
  // collects inventory from, wherever they are; unset, any address may register.
  "alicloud:ecs/activation:Activation": row(
    "Set ipAddressRange to the allowlisted addresses of the sites whose servers register.",
    site.siteIp("ipAddressRange", "lets servers register as managed instances from", {
      required: true,
    }),
  ),
  // Unset, the VPC's instances use the cloud's own resolvers (100.100.2.136 and .138), which
  // may also be named: they answer inside the region.
  "alicloud:vpc/dhcpOptionsSet:DhcpOptionsSet": row(
    "Name only private or allowlisted resolvers, or the cloud's own (100.100.2.136, 100.100.2.138), or leave domainNameServers unset.",
    site.ip("domainNameServers", "sends the VPC's DNS queries to", {
      cloudOwn: alibabaResolvers,
    }),
  ),
  // An AD connector's DNS addresses are the directory's domain controllers: the desktops send
  // them their users' sign-ins and name lookups, wherever the directory runs.
  "alicloud:eds/adConnectorDirectory:AdConnectorDirectory": row(
    "Run the directory on private addresses the stack links to, or on allowlisted ones.",
    ...directoryServers,
  ),
  // An AD connector office site: its directory's domain controllers and the CEN it joins, and
  // its desktops' own way to the internet (internet-egress).
  "alicloud:eds/adConnectorOfficeSite:AdConnectorOfficeSite": row(
    {
      "remote-sites":
        "Run the directory on private addresses the stack links to, or on allowlisted ones, and join the office site only to a CEN of this account.",
      "internet-egress": officeSiteFix,
    },
    ...directoryServers,
    site.account("cenOwnerId", "joins the desktops' network to the CEN of"),
    officeSiteInternet,
  ),
  "alicloud:pvtz/rule:Rule": row(dnsFix, site.ip("forwardIps[].ip", "forwards DNS queries to")),
  // Servers the stack's directory, file systems and networks talk to by address: DNS
  // forwarders, domain controllers, RADIUS and NTP servers. A private address stays in the
  // stack's networks (which the links judge); a public one must be in the allowlist.
  "aws:directoryservice/conditionalForwarder:ConditionalForwarder": row(
    serverFix,
    site.ip("dnsIps[]", "forwards DNS queries for the remote domain to"),
  ),
  "aws:directoryservice/trust:Trust": row(
    serverFix,
    site.ip("conditionalForwarderIpAddrs[]", "forwards DNS queries for the trusted domain to"),
  ),
  "aws:directoryservice/directory:Directory": row(
    serverFix,
    site.ip("connectSettings.customerDnsIps[]", "proxies directory requests to the domain at"),
  ),
  "aws:directoryservice/radiusSettings:RadiusSettings": row(
    serverFix,
    site.ip("radiusServers[]", "sends sign-in credentials for multi-factor checks to"),
  ),
  "aws:fsx/windowsFileSystem:WindowsFileSystem": row(
    serverFix,
    site.ip("selfManagedActiveDirectory.dnsIps[]", "joins the self-managed domain served at"),
  ),
  "aws:fsx/ontapStorageVirtualMachine:OntapStorageVirtualMachine": row(
    serverFix,
    site.ip(
      "activeDirectoryConfiguration.selfManagedActiveDirectoryConfiguration.dnsIps[]",
      "joins the self-managed domain served at",
    ),
  ),
  "aws:fsx/fileCache:FileCache": withPolicyFields(
    row(
      serverFix,
      site.ip(
        "dataRepositoryAssociations[].nfs[].dnsIps[]",
        "resolves its NFS data repositories through",
      ),
    ),
    "data-transfer-jobs",
    transferFix,
    ...fileCacheRepositories,
  ),
  "aws:finspace/kxEnvironment:KxEnvironment": row(
    serverFix,
    site.ip("customDnsConfigurations[].customDnsServerIp", "resolves names through"),
  ),
  // A Connect peer runs GRE and BGP to an appliance: at a private address of an attached VPC
  // it stays in the stack's networks; any other address is a site the pack cannot place.
  "aws:networkmanager/connectPeer:ConnectPeer": row(
    serverFix,
    site.ip("peerAddress", "tunnels the core network's traffic to"),
  ),
  // Comma-separated resolvers the replication's compute resolves its endpoints' host names
  // with: a resolver abroad can send the data to any host it answers with.
  "aws:dms/replicationConfig:ReplicationConfig": row(
    serverFix,
    site.ip("computeConfig.dnsNameServers", "resolves its endpoints' host names through"),
  ),
  "aws:ec2/vpcDhcpOptions:VpcDhcpOptions": row(
    serverFix,
    site.ip("domainNameServers[]", "has every instance of the VPC resolve names through", {
      when: (props) => !amazonDnsOnly(props),
    }),
    site.ip("netbiosNameServers[]", "has every instance of the VPC resolve NetBIOS names through"),
    site.ip("ntpServers[]", "has every instance of the VPC take its time from"),
  ),
  "aws:ec2clientvpn/endpoint:Endpoint": row(
    clientVpnFix,
    site.flag("serverCertificateArn", "admits", {
      farSide: "clients anywhere in the world (Client VPN)",
      opensWhenSet: true,
    }),
    site.ip("dnsServers[]", "resolves the clients' names through"),
  ),
  "aws:chime/voiceConnectorOrigination:VoiceConnectorOrigination": row(
    "Route calls only to SIP hosts on allowlisted addresses.",
    // A host not known at preview is placed through the program's address it was built from.
    site.url("routes[].host", "routes inbound calls to", programAddress),
  ),
  "aws:ec2/localGatewayRoute:LocalGatewayRoute": row(
    "Route only the on-premises network's own prefixes to the local gateway.",
    route.anywhereCidr("destinationCidrBlock", "sends", {
      farSide: "all traffic (0.0.0.0/0) to the Outpost's on-premises network",
    }),
  ),
  "aws:directconnect/linkAggregationGroup:LinkAggregationGroup": row(
    facilityFix,
    site.dxLocation("location", "lands the connections at"),
  ),
  "aws:ec2/vpnConnectionRoute:VpnConnectionRoute": row(
    "Route only the remote site's own networks through the VPN.",
    route.anywhereCidr("destinationCidrBlock", "sends", {
      farSide: "all traffic (0.0.0.0/0) through the VPN",
    }),
  ),
  "aws:directconnect/connection:Connection": row(
    facilityFix,
    site.dxLocation("location", "lands the connection at"),
  ),
  "aws:directconnect/privateVirtualInterface:PrivateVirtualInterface": siteLinked,
  "aws:directconnect/transitVirtualInterface:TransitVirtualInterface": siteLinked,
  // A hosted interface carries the traffic of the account it is allocated to over the
  // connection it runs on; that account accepts it onto its own gateway (the accepters below).
  "aws:directconnect/hostedPrivateVirtualInterface:HostedPrivateVirtualInterface": hostedOn,
  "aws:directconnect/hostedTransitVirtualInterface:HostedTransitVirtualInterface": hostedOn,
  "aws:directconnect/hostedPrivateVirtualInterfaceAccepter:HostedPrivateVirtualInterfaceAccepter":
    acceptsHosted,
  "aws:directconnect/hostedTransitVirtualInterfaceAcceptor:HostedTransitVirtualInterfaceAcceptor":
    acceptsHosted,
  "aws:directconnect/publicVirtualInterface:PublicVirtualInterface": row(
    "Use a private or transit virtual interface instead.",
    // Direct Connect in the China regions reaches only them: "Amazon Web Services resources in
    // the China Regions can only be accessed through locations associated with those Regions"
    // (Direct Connect API reference), and every other location reaches every region but them.
    site.flag("connectionId", "reaches", {
      farSide: "the public endpoints of every AWS region",
      partitionFarSide: { "aws-cn": "the public endpoints of the AWS China regions" },
    }),
  ),
  // The Direct Connect gateway reaches the sites of every virtual interface attached to it: one
  // of the program is judged by its interfaces' rows, one it does not create cannot be
  // (named-destinations).
  "aws:directconnect/gatewayAssociation:GatewayAssociation": row(
    "Associate only gateways of this account (a transit gateway this program creates), with a Direct Connect gateway this program creates whose virtual interfaces land only at locations inside the jurisdiction.",
    site.account("associatedGatewayOwnerAccountId", "associates a gateway of"),
    site.ref("dxGatewayId", "associates the gateway with", { ref: "dx-gateway" }),
    // The gateway associated may be a transit gateway (`tgw-…`), which joins the Direct Connect
    // gateway's sites to every network attached to it: one the program does not create cannot
    // be judged (named-destinations). A virtual private gateway serves one VPC.
    site.ref("associatedGatewayId", "associates the Direct Connect gateway with", {
      ref: "transit-gateway",
      when: (p) => /^tgw-/.test(String(p.associatedGatewayId)),
    }),
  ),
  "aws:route53/resolverRule:ResolverRule": row(
    dnsFix,
    site.ip("targetIps[].ip", "forwards DNS queries to"),
  ),
};
