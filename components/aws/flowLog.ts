import * as ec2 from "@pulumi/aws/ec2";
import * as pulumi from "@pulumi/pulumi";

export interface VpcFlowLogArgs {
  /** The VPC whose traffic is recorded. Changing it replaces the flow log. */
  readonly vpcId: pulumi.Input<string>;
  /**
   * The in-region bucket the records go to: a SealedBucket with `logDelivery: "vpc-flow-logs"`
   * and the stack's KMS key. Changing it replaces the flow log.
   */
  readonly bucketArn: pulumi.Input<string>;
}

/**
 * Records every accepted and rejected flow of the VPC into the stack's flow-log bucket, delivered
 * by the log service straight to S3 (no IAM role, nothing outside the region).
 *
 * It is a component of its own, not part of SealedNetwork, because of ordering: the flow-log
 * bucket's policy needs the network's S3 endpoint, and the flow log must start only after that
 * policy exists — otherwise the log service writes its own policy into the bucket. Pass the
 * bucket's `arn` output, which resolves only once the bucket is sealed.
 */
export class VpcFlowLog extends pulumi.ComponentResource {
  readonly flowLogId: pulumi.Output<string>;

  constructor(name: string, args: VpcFlowLogArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("sovereign-dc:aws:VpcFlowLog", name, {}, opts);
    const flowLog = new ec2.FlowLog(
      `${name}-flow-log`,
      {
        vpcId: args.vpcId,
        trafficType: "ALL",
        logDestinationType: "s3",
        logDestination: args.bucketArn,
      },
      { parent: this },
    );
    this.flowLogId = flowLog.id;
    this.registerOutputs({ flowLogId: this.flowLogId });
  }
}
