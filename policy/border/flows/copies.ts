/**
 * Flow models of the stores and copies not yet declared in a domain table of the one model
 * (policy/paths/types): disks, volumes and file systems with what mounts them, and their
 * replication (shared/research/data-paths.md §3 and §4).
 */
import { copiesTo, dataStore, type FlowTable, link } from "./common";

const disks = ["alicloud:ecs/disk:Disk", "alicloud:ecs/ecsDisk:EcsDisk"];

const alicloud: FlowTable = {
  "alicloud:nas/fileSystem:FileSystem": dataStore({ keys: ["kmsKeyId"] }),
  "alicloud:ecs/disk:Disk": dataStore({ keys: ["kmsKeyId"] }),
  "alicloud:ecs/ecsDisk:EcsDisk": dataStore({ keys: ["kmsKeyId"] }),
  "alicloud:ecs/diskAttachment:DiskAttachment": {
    role: "other",
    flows: (r, x) => {
      const disk = x.resourceAt(r, "diskId", disks);
      const instance = x.resourceAt(r, "instanceId");
      return disk && instance ? link(disk, instance, "mounted by", { via: r }) : [];
    },
  },
  "alicloud:nas/mountTarget:MountTarget": {
    role: "other",
    flows: (r, x) => {
      const fs = x.resourceAt(r, "fileSystemId", ["alicloud:nas/fileSystem:FileSystem"]);
      const subnet = x.resourceAt(r, "vswitchId");
      return fs && subnet ? link(fs, subnet, "readable from", { via: r }) : [];
    },
  },
};

const aws: FlowTable = {
  "aws:ebs/volume:Volume": dataStore({ keys: ["kmsKeyId"] }),
  "aws:efs/fileSystem:FileSystem": dataStore({ keys: ["kmsKeyId"] }),
  "aws:efs/mountTarget:MountTarget": {
    role: "other",
    flows: (r, x) => {
      const fs = x.resourceAt(r, "fileSystemId", ["aws:efs/fileSystem:FileSystem"]);
      const subnet = x.resourceAt(r, "subnetId");
      return fs && subnet ? link(fs, subnet, "readable from", { via: r }) : [];
    },
  },
  "aws:ec2/volumeAttachment:VolumeAttachment": {
    role: "other",
    flows: (r, x) => {
      const vol = x.resourceAt(r, "volumeId", ["aws:ebs/volume:Volume"]);
      const instance = x.resourceAt(r, "instanceId");
      return vol && instance ? link(vol, instance, "mounted by", { via: r }) : [];
    },
  },
  "aws:efs/replicationConfiguration:ReplicationConfiguration": copiesTo("replication", {
    source: { path: "sourceFileSystemId", types: ["aws:efs/fileSystem:FileSystem"] },
    regions: ["destination.region"],
  }),
  "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint": copiesTo("replication", {
    regions: ["details.regions[].region"],
  }),
};

export const copyFlows: FlowTable = { ...alicloud, ...aws };
