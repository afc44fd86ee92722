/**
 * AWS accounts that act as a service rather than as anyone's account: Elastic Load Balancing's
 * log-delivery account of each region created before August 2022, which a bucket policy names
 * to let the region's load balancers write their access logs into the bucket (regions created
 * since take the service principal `logdelivery.elasticloadbalancing.amazonaws.com` instead).
 * The IDs are AWS's, as the Elastic Load Balancing guide ("Attach a policy to your S3 bucket")
 * and the Amazon Web Services in China guide (Elastic Load Balancing) list them, and as the
 * provider's `aws.elb.getServiceAccount` answers them.
 */
export const elbLogDeliveryAccounts: Readonly<Record<string, string>> = {
  "us-east-1": "127311923021",
  "us-east-2": "033677994240",
  "us-west-1": "027434742980",
  "us-west-2": "797873946194",
  "af-south-1": "098369216593",
  "ap-east-1": "754344448648",
  "ap-south-1": "718504428378",
  "ap-northeast-1": "582318560864",
  "ap-northeast-2": "600734575887",
  "ap-northeast-3": "383597477331",
  "ap-southeast-1": "114774131450",
  "ap-southeast-2": "783225319266",
  "ap-southeast-3": "589379963580",
  "ca-central-1": "985666609251",
  "eu-central-1": "054676820928",
  "eu-west-1": "156460612806",
  "eu-west-2": "652711504416",
  "eu-west-3": "009996457667",
  "eu-south-1": "635631232127",
  "eu-north-1": "897822967062",
  "me-south-1": "076674570225",
  "sa-east-1": "507241528517",
  "us-gov-west-1": "048591011584",
  "us-gov-east-1": "190560391635",
  "cn-north-1": "638102146993",
  "cn-northwest-1": "037604701340",
};

/** Whether `account` is one of the log-delivery accounts above. */
export function isElbLogDeliveryAccount(account: string): boolean {
  return elbLogDeliveryIds.has(account);
}

const elbLogDeliveryIds = new Set(Object.values(elbLogDeliveryAccounts));
