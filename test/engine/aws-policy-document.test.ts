/**
 * `aws.iam.getPolicyDocument` offline must produce the text the AWS provider produces: IAM and
 * the residency pack read that text, and a role's trust policy or a key policy that differs
 * offline from what `pulumi up` applies would be judged on the wrong document.
 *
 * Where the expected text comes from:
 * - "provider test": the exact-string expectations of terraform-provider-aws's acceptance tests
 *   (internal/service/iam/policy_document_data_source_test.go), in the `aws` partition; "provider
 *   docs": the data source's documented example (website/docs/d/iam_policy_document), less the
 *   empty Sid the provider has left out since v5;
 * - otherwise the data source's rules (policy_document_data_source.go, policy_model.go):
 *   Statement fields in struct order (Sid, Effect, Action, NotAction, Resource, NotResource,
 *   Principal, NotPrincipal, Condition), Sid left out when empty, one value as a string and
 *   several sorted descending by bytes (`policyDecodeConfigStrings`), condition values in the
 *   order given, Principal and Condition keys sorted (Go marshals maps sorted).
 * - where blocks of one principal type or one condition key join, they join in
 *   terraform-plugin-sdk's set order (CRC-32 hash codes compared as strings); the provider
 *   tests' principal cases pin that order down.
 */
import { crc32 } from "node:zlib";
import fc from "fast-check";
import { awsPolicyDocument } from "../../engine/invokes/aws-policy-document";

const lambdaTrust = {
  statements: [
    {
      actions: ["sts:AssumeRole"],
      principals: [{ type: "Service", identifiers: ["lambda.amazonaws.com"] }],
    },
  ],
};

/** The provider test's base document, with the partition resolved to `aws`. */
const providerBasic = {
  policyId: "policy_id",
  statements: [
    {
      sid: "1",
      actions: ["s3:ListAllMyBuckets", "s3:GetBucketLocation"],
      resources: ["arn:aws:s3:::*"],
    },
    {
      actions: ["s3:ListBucket"],
      resources: ["arn:aws:s3:::foo"],
      conditions: [
        {
          test: "StringLike",
          variable: "s3:prefix",
          values: ["home/", "", "home/&{aws:username}/"],
        },
      ],
      notPrincipals: [{ type: "AWS", identifiers: ["arn:blahblah:example"] }],
    },
    {
      actions: ["s3:*"],
      resources: [
        "arn:aws:s3:::foo/home/&{aws:username}",
        "arn:aws:s3:::foo/home/&{aws:username}/*",
      ],
      principals: [{ type: "AWS", identifiers: ["arn:blahblah:example"] }],
    },
    { effect: "Deny", notActions: ["s3:*"], notResources: ["arn:aws:s3:::*"] },
    {
      effect: "Allow",
      actions: ["kinesis:*"],
      principals: [{ type: "AWS", identifiers: ["*"] }],
    },
    {
      effect: "Allow",
      actions: ["firehose:*"],
      principals: [{ type: "*", identifiers: ["*"] }],
    },
  ],
};

const providerBasicJson = `{
  "Version": "2012-10-17",
  "Id": "policy_id",
  "Statement": [
    {
      "Sid": "1",
      "Effect": "Allow",
      "Action": [
        "s3:ListAllMyBuckets",
        "s3:GetBucketLocation"
      ],
      "Resource": "arn:aws:s3:::*"
    },
    {
      "Effect": "Allow",
      "Action": "s3:ListBucket",
      "Resource": "arn:aws:s3:::foo",
      "NotPrincipal": {
        "AWS": "arn:blahblah:example"
      },
      "Condition": {
        "StringLike": {
          "s3:prefix": [
            "home/",
            "",
            "home/\${aws:username}/"
          ]
        }
      }
    },
    {
      "Effect": "Allow",
      "Action": "s3:*",
      "Resource": [
        "arn:aws:s3:::foo/home/\${aws:username}/*",
        "arn:aws:s3:::foo/home/\${aws:username}"
      ],
      "Principal": {
        "AWS": "arn:blahblah:example"
      }
    },
    {
      "Effect": "Deny",
      "NotAction": "s3:*",
      "NotResource": "arn:aws:s3:::*"
    },
    {
      "Effect": "Allow",
      "Action": "kinesis:*",
      "Principal": {
        "AWS": "*"
      }
    },
    {
      "Effect": "Allow",
      "Action": "firehose:*",
      "Principal": "*"
    }
  ]
}`;

const json = (args: Record<string, unknown>): string => awsPolicyDocument(args).json as string;

/** A document as another getPolicyDocument call renders it, the way programs chain them. */
const doc = (...statements: Record<string, unknown>[]): string => json({ statements });

describe("getPolicyDocument renders the provider's JSON", () => {
  test.each<[string, Record<string, unknown>, string]>([
    [
      "an assume-role trust policy for a service principal",
      lambdaTrust,
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Principal": {
        "Service": "lambda.amazonaws.com"
      }
    }
  ]
}`,
    ],
    [
      "several actions on several resources, each list sorted descending",
      {
        statements: [
          {
            sid: "BucketAccess",
            actions: ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:GetObject"],
            resources: ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"],
          },
        ],
      },
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "BucketAccess",
      "Effect": "Allow",
      "Action": [
        "s3:PutObject",
        "s3:ListBucket",
        "s3:GetObject"
      ],
      "Resource": [
        "arn:aws:s3:::my-bucket/*",
        "arn:aws:s3:::my-bucket"
      ]
    }
  ]
}`,
    ],
    [
      // A key policy's Sids as AWS's own default key policy and the provider's examples write
      // them: the provider checks no Sid grammar (IAM's identity policies take only letters and
      // digits, key and bucket policies also spaces and dashes: the service decides).
      "a Sid with spaces and dashes, as key policies write them",
      {
        statements: [
          { sid: "Enable IAM User Permissions", actions: ["kms:*"], resources: ["*"] },
          { sid: "allow-read", actions: ["kms:Decrypt"], resources: ["*"] },
        ],
      },
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Enable IAM User Permissions",
      "Effect": "Allow",
      "Action": "kms:*",
      "Resource": "*"
    },
    {
      "Sid": "allow-read",
      "Effect": "Allow",
      "Action": "kms:Decrypt",
      "Resource": "*"
    }
  ]
}`,
    ],
    [
      "an AWS principal with an account ARN",
      {
        statements: [
          {
            sid: "EnableRootAccess",
            actions: ["kms:*"],
            resources: ["*"],
            principals: [{ type: "AWS", identifiers: ["arn:aws:iam::123456789012:root"] }],
          },
        ],
      },
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "EnableRootAccess",
      "Effect": "Allow",
      "Action": "kms:*",
      "Resource": "*",
      "Principal": {
        "AWS": "arn:aws:iam::123456789012:root"
      }
    }
  ]
}`,
    ],
    [
      'principal types grouped into one object, keys sorted; "*"/"*" alone is the bare "*"',
      {
        statements: [
          {
            actions: ["sts:AssumeRole", "sts:TagSession"],
            principals: [
              { type: "Service", identifiers: ["firehose.amazonaws.com"] },
              { type: "AWS", identifiers: ["arn:aws:iam::111122223333:role/ci"] },
              {
                type: "Federated",
                identifiers: [
                  "cognito-identity.amazonaws.com",
                  "arn:aws:iam::111122223333:saml-provider/corp",
                ],
              },
            ],
          },
          { actions: ["s3:GetObject"], principals: [{ type: "*", identifiers: ["*"] }] },
        ],
      },
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "sts:TagSession",
        "sts:AssumeRole"
      ],
      "Principal": {
        "AWS": "arn:aws:iam::111122223333:role/ci",
        "Federated": [
          "cognito-identity.amazonaws.com",
          "arn:aws:iam::111122223333:saml-provider/corp"
        ],
        "Service": "firehose.amazonaws.com"
      }
    },
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Principal": "*"
    }
  ]
}`,
    ],
    [
      "conditions grouped by operator then key (both sorted), several values in the order given",
      {
        statements: [
          {
            sid: "DenyOutsideVpce",
            effect: "Deny",
            actions: ["s3:*"],
            resources: ["arn:aws:s3:::records", "arn:aws:s3:::records/*"],
            principals: [{ type: "*", identifiers: ["*"] }],
            conditions: [
              {
                test: "StringNotEquals",
                variable: "aws:SourceVpce",
                values: ["vpce-0b2", "vpce-0a1"],
              },
              { test: "Bool", variable: "aws:SecureTransport", values: ["false"] },
              {
                test: "StringNotEquals",
                variable: "aws:PrincipalAccount",
                values: ["111122223333"],
              },
            ],
          },
        ],
      },
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "DenyOutsideVpce",
      "Effect": "Deny",
      "Action": "s3:*",
      "Resource": [
        "arn:aws:s3:::records/*",
        "arn:aws:s3:::records"
      ],
      "Principal": "*",
      "Condition": {
        "Bool": {
          "aws:SecureTransport": "false"
        },
        "StringNotEquals": {
          "aws:PrincipalAccount": "111122223333",
          "aws:SourceVpce": [
            "vpce-0b2",
            "vpce-0a1"
          ]
        }
      }
    }
  ]
}`,
    ],
    [
      "NotAction and NotResource in a Deny statement",
      {
        statements: [
          {
            effect: "Deny",
            notActions: ["iam:*", "sts:*", "organizations:*"],
            notResources: ["arn:aws:iam::111122223333:role/break-glass"],
          },
        ],
      },
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Deny",
      "NotAction": [
        "sts:*",
        "organizations:*",
        "iam:*"
      ],
      "NotResource": "arn:aws:iam::111122223333:role/break-glass"
    }
  ]
}`,
    ],
    [
      "policyId as the document's Id, after Version",
      { policyId: "key-policy", ...lambdaTrust },
      `{
  "Version": "2012-10-17",
  "Id": "key-policy",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Principal": {
        "Service": "lambda.amazonaws.com"
      }
    }
  ]
}`,
    ],
    ["the provider test's base document", providerBasic, providerBasicJson],
    [
      // provider test: blocks {111}, {222, 333} of one type join in set order, each descending.
      "principal blocks of one type joined in the SDK's set order (provider test)",
      {
        statements: [
          {
            actions: ["*"],
            resources: ["*"],
            sid: "StatementPrincipalIdentifiersStringAndSlice",
            principals: [
              { identifiers: ["arn:aws:iam::111111111111:root"], type: "AWS" },
              {
                identifiers: ["arn:aws:iam::222222222222:root", "arn:aws:iam::333333333333:root"],
                type: "AWS",
              },
            ],
          },
        ],
      },
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "StatementPrincipalIdentifiersStringAndSlice",
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*",
      "Principal": {
        "AWS": [
          "arn:aws:iam::111111111111:root",
          "arn:aws:iam::333333333333:root",
          "arn:aws:iam::222222222222:root"
        ]
      }
    }
  ]
}`,
    ],
    [
      // provider test: the set lists {333}, {444}, then {111, 222} — hash order, not input order.
      "three principal blocks of one type in the SDK's set order (provider test)",
      {
        statements: [
          {
            actions: ["*"],
            resources: ["*"],
            sid: "StatementPrincipalIdentifiersStringAndSlice",
            principals: [
              {
                identifiers: ["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"],
                type: "AWS",
              },
              { identifiers: ["arn:aws:iam::333333333333:root"], type: "AWS" },
              { identifiers: ["arn:aws:iam::444444444444:root"], type: "AWS" },
            ],
          },
        ],
      },
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "StatementPrincipalIdentifiersStringAndSlice",
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*",
      "Principal": {
        "AWS": [
          "arn:aws:iam::333333333333:root",
          "arn:aws:iam::444444444444:root",
          "arn:aws:iam::222222222222:root",
          "arn:aws:iam::111111111111:root"
        ]
      }
    }
  ]
}`,
    ],
    [
      // The blocks' values join in set order; the provider test expects one/, two/, three/.
      "condition blocks with the same operator and key joined into one list",
      {
        statements: [
          {
            sid: "DuplicateConditionTest",
            actions: ["s3:PutObject"],
            resources: ["*"],
            conditions: [
              { test: "StringEquals", variable: "s3:prefix", values: ["one/", "two/"] },
              { test: "StringEquals", variable: "s3:prefix", values: ["three/"] },
            ],
          },
        ],
      },
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "DuplicateConditionTest",
      "Effect": "Allow",
      "Action": "s3:PutObject",
      "Resource": "*",
      "Condition": {
        "StringEquals": {
          "s3:prefix": [
            "one/",
            "two/",
            "three/"
          ]
        }
      }
    }
  ]
}`,
    ],
    [
      // Go's encoder escapes <, > and & (HTML-safe); &{ is a policy variable only in resources,
      // identifiers and condition values.
      "text escaped as Go escapes it",
      {
        statements: [
          {
            actions: ["s3:GetObject"],
            resources: ["arn:aws:s3:::site/*"],
            principals: [{ type: "*", identifiers: ["*"] }],
            conditions: [
              {
                test: "StringLike",
                variable: "aws:Referer",
                values: ["https://example.com/?a=1&b=<2>", 'say "hi"\\'],
              },
            ],
          },
        ],
      },
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::site/*",
      "Principal": "*",
      "Condition": {
        "StringLike": {
          "aws:Referer": [
            "https://example.com/?a=1\\u0026b=\\u003c2\\u003e",
            "say \\"hi\\"\\\\"
          ]
        }
      }
    }
  ]
}`,
    ],
    [
      "version 2008-10-17 (provider test)",
      { version: "2008-10-17", statements: [{ actions: ["ec2:*"], resources: ["*"] }] },
      `{
  "Version": "2008-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ec2:*",
      "Resource": "*"
    }
  ]
}`,
    ],
    [
      "no statements: the Version alone (the provider test's empty document)",
      { statements: [] },
      `{
  "Version": "2012-10-17"
}`,
    ],
    [
      "an empty source document contributes nothing (provider test)",
      { sourcePolicyDocuments: [""] },
      `{
  "Version": "2012-10-17"
}`,
    ],
  ])("%s", (_name, args, expected) => {
    expect(json(args)).toBe(expected);
  });
});

describe("source and override documents merge as the provider merges them", () => {
  test.each<[string, Record<string, unknown>, string]>([
    [
      "source statements first, then the configured ones; a configured Sid replaces (provider docs)",
      {
        sourcePolicyDocuments: [
          doc(
            { actions: ["ec2:*"], resources: ["*"] },
            { sid: "SidToOverride", actions: ["s3:*"], resources: ["*"] },
          ),
        ],
        statements: [
          {
            sid: "SidToOverride",
            actions: ["s3:*"],
            resources: ["arn:aws:s3:::somebucket", "arn:aws:s3:::somebucket/*"],
          },
        ],
      },
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ec2:*",
      "Resource": "*"
    },
    {
      "Sid": "SidToOverride",
      "Effect": "Allow",
      "Action": "s3:*",
      "Resource": [
        "arn:aws:s3:::somebucket/*",
        "arn:aws:s3:::somebucket"
      ]
    }
  ]
}`,
    ],
    [
      "a whole document as source keeps its Id, principals and conditions (provider test)",
      {
        sourcePolicyDocuments: [
          json({
            ...providerBasic,
            statements: providerBasic.statements.map((s, i) =>
              i === 2
                ? {
                    ...s,
                    principals: [
                      {
                        type: "AWS",
                        identifiers: ["arn:blahblah:example", "arn:blahblahblah:example"],
                      },
                    ],
                  }
                : s,
            ),
          }),
        ],
        statements: [{ sid: "SourceJSONTest1", actions: ["*"], resources: ["*"] }],
      },
      providerBasicJson
        .replace(
          `"AWS": "arn:blahblah:example"
      }
    },
    {
      "Effect": "Deny"`,
          `"AWS": [
          "arn:blahblahblah:example",
          "arn:blahblah:example"
        ]
      }
    },
    {
      "Effect": "Deny"`,
        )
        .replace(
          `"Principal": "*"
    }
  ]`,
          `"Principal": "*"
    },
    {
      "Sid": "SourceJSONTest1",
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*"
    }
  ]`,
        ),
    ],
    [
      "several source documents in the order given (provider test)",
      {
        version: "2012-10-17",
        sourcePolicyDocuments: [
          doc(
            { sid: "", effect: "Allow", actions: ["foo:ActionOne"] },
            { sid: "validSidOne", effect: "Allow", actions: ["bar:ActionOne"] },
          ),
          doc({ sid: "validSidTwo", effect: "Deny", actions: ["foo:ActionTwo"] }),
          doc({ sid: "", effect: "Allow", actions: ["bar:ActionTwo"] }),
        ],
      },
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "foo:ActionOne"
    },
    {
      "Sid": "validSidOne",
      "Effect": "Allow",
      "Action": "bar:ActionOne"
    },
    {
      "Sid": "validSidTwo",
      "Effect": "Deny",
      "Action": "foo:ActionTwo"
    },
    {
      "Effect": "Allow",
      "Action": "bar:ActionTwo"
    }
  ]
}`,
    ],
    [
      "an override document replaces the statement with its Sid, in place (provider test)",
      {
        overridePolicyDocuments: [
          doc({ sid: "SidToOverwrite", actions: ["s3:*"], resources: ["*"] }),
        ],
        statements: [
          { actions: ["ec2:*"], resources: ["*"] },
          {
            sid: "SidToOverwrite",
            actions: ["s3:*"],
            resources: ["arn:aws:s3:::somebucket", "arn:aws:s3:::somebucket/*"],
          },
        ],
      },
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ec2:*",
      "Resource": "*"
    },
    {
      "Sid": "SidToOverwrite",
      "Effect": "Allow",
      "Action": "s3:*",
      "Resource": "*"
    }
  ]
}`,
    ],
    [
      "override documents apply in order, later Sids winning (provider test)",
      {
        version: "2012-10-17",
        overridePolicyDocuments: [
          doc(
            { sid: "", effect: "Allow", actions: ["foo:ActionOne"] },
            { sid: "overrideSid", effect: "Allow", actions: ["bar:ActionOne"] },
          ),
          doc({ sid: "validSid", effect: "Deny", actions: ["foo:ActionTwo"] }),
          doc({ sid: "overrideSid", effect: "Deny", actions: ["bar:ActionOne"] }),
        ],
      },
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "foo:ActionOne"
    },
    {
      "Sid": "overrideSid",
      "Effect": "Deny",
      "Action": "bar:ActionOne"
    },
    {
      "Sid": "validSid",
      "Effect": "Deny",
      "Action": "foo:ActionTwo"
    }
  ]
}`,
    ],
    [
      "a source statement without Sid cannot be overridden (provider test)",
      {
        sourcePolicyDocuments: [
          doc({ sid: "", actions: ["ec2:DescribeAccountAttributes"], resources: ["*"] }),
        ],
        overridePolicyDocuments: [
          doc({ sid: "OverridePlaceholder", actions: ["s3:GetObject"], resources: ["*"] }),
        ],
      },
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ec2:DescribeAccountAttributes",
      "Resource": "*"
    },
    {
      "Sid": "OverridePlaceholder",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*"
    }
  ]
}`,
    ],
    [
      "an override replaces the source statement with its Sid (provider test)",
      {
        sourcePolicyDocuments: [
          doc({
            sid: "OverridePlaceholder",
            actions: ["ec2:DescribeAccountAttributes"],
            resources: ["*"],
          }),
        ],
        overridePolicyDocuments: [
          doc({ sid: "OverridePlaceholder", actions: ["s3:GetObject"], resources: ["*"] }),
        ],
      },
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "OverridePlaceholder",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*"
    }
  ]
}`,
    ],
    [
      // A handwritten document keeps its lists as written; a boolean condition becomes text and
      // a one-element list a string; a string Principal is "*" (provider test: conditionWithBoolValue).
      "a handwritten source document, re-encoded as the provider decodes it",
      {
        sourcePolicyDocuments: [
          JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              {
                Sid: "RestrictAccessToSpecialTag",
                Effect: "Deny",
                Action: ["ec2:CreateTags", "ec2:DeleteTags"],
                Resource: "arn:aws:ec2:*:*:vpc/*",
                Principal: {
                  AWS: ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"],
                },
                Condition: {
                  StringLike: {
                    "aws:ResourceAccount": ["123456"],
                    "aws:PrincipalArn": "arn:aws:iam::*:role/AWSAFTExecution",
                  },
                  Null: { "aws:ResourceTag/SpecialTag": false },
                },
              },
            ],
          }),
        ],
      },
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "RestrictAccessToSpecialTag",
      "Effect": "Deny",
      "Action": [
        "ec2:CreateTags",
        "ec2:DeleteTags"
      ],
      "Resource": "arn:aws:ec2:*:*:vpc/*",
      "Principal": {
        "AWS": [
          "arn:aws:iam::444455556666:root",
          "arn:aws:iam::111122223333:root"
        ]
      },
      "Condition": {
        "Null": {
          "aws:ResourceTag/SpecialTag": "false"
        },
        "StringLike": {
          "aws:PrincipalArn": "arn:aws:iam::*:role/AWSAFTExecution",
          "aws:ResourceAccount": "123456"
        }
      }
    }
  ]
}`,
    ],
  ])("%s", (_name, args, expected) => {
    expect(json(args)).toBe(expected);
  });
});

describe("the rest of the result", () => {
  it("carries the minified JSON (provider test)", () => {
    expect(awsPolicyDocument(providerBasic).minifiedJson).toBe(
      '{"Version":"2012-10-17","Id":"policy_id","Statement":[{"Sid":"1","Effect":"Allow",' +
        '"Action":["s3:ListAllMyBuckets","s3:GetBucketLocation"],"Resource":"arn:aws:s3:::*"},' +
        '{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::foo",' +
        '"NotPrincipal":{"AWS":"arn:blahblah:example"},' +
        '"Condition":{"StringLike":{"s3:prefix":["home/","","home/${aws:username}/"]}}},' +
        '{"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::foo/home/${aws:username}/*",' +
        '"arn:aws:s3:::foo/home/${aws:username}"],"Principal":{"AWS":"arn:blahblah:example"}},' +
        '{"Effect":"Deny","NotAction":"s3:*","NotResource":"arn:aws:s3:::*"},' +
        '{"Effect":"Allow","Action":"kinesis:*","Principal":{"AWS":"*"}},' +
        '{"Effect":"Allow","Action":"firehose:*","Principal":"*"}]}',
    );
  });

  it("is identified by the CRC-32 of the indented JSON, in decimal, as the provider sets it", () => {
    // CRC-32 of the trust policy's text, computed apart (Python's binascii.crc32).
    expect(awsPolicyDocument(lambdaTrust).id).toBe("2690255455");
    for (const args of [providerBasic, { statements: [] }, { policyId: "x", ...lambdaTrust }]) {
      const r = awsPolicyDocument(args);
      expect(r.id).toBe(String(crc32(r.json as string)));
    }
  });

  it("echoes the inputs as the provider's state holds them: defaults filled, sets in hash order", () => {
    expect(
      awsPolicyDocument({
        policyId: "",
        statements: [
          {
            actions: ["s3:GetObject", "s3:GetObject"],
            principals: [
              {
                type: "AWS",
                identifiers: ["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"],
              },
              { type: "AWS", identifiers: ["arn:aws:iam::333333333333:root"] },
            ],
            conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["true"] }],
          },
        ],
      }),
    ).toEqual({
      id: expect.any(String),
      json: expect.any(String),
      minifiedJson: expect.any(String),
      version: "2012-10-17",
      statements: [
        {
          sid: "",
          effect: "Allow",
          actions: ["s3:GetObject"],
          notActions: [],
          resources: [],
          notResources: [],
          principals: [
            { type: "AWS", identifiers: ["arn:aws:iam::333333333333:root"] },
            {
              type: "AWS",
              identifiers: ["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"],
            },
          ],
          notPrincipals: [],
          conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["true"] }],
        },
      ],
    });
  });
});

describe("sets are sets", () => {
  const word = fc.stringMatching(/^[a-z]{1,6}$/);
  const statement = fc.record({
    actions: fc.uniqueArray(
      word.map((w) => `s3:${w}`),
      { minLength: 1, maxLength: 5 },
    ),
    resources: fc.uniqueArray(
      word.map((w) => `arn:aws:s3:::${w}`),
      { maxLength: 4 },
    ),
    principals: fc.uniqueArray(
      fc.record({
        type: fc.constantFrom("AWS", "Service"),
        identifiers: fc.uniqueArray(word, { minLength: 1, maxLength: 3 }),
      }),
      { maxLength: 3, selector: (p) => `${p.type}:${[...p.identifiers].sort().join()}` },
    ),
  });
  const shuffled = <T>(items: readonly T[], seed: number): T[] =>
    items
      .map((item, i) => ({ item, key: (i * 7919 + seed * 104729) % 1009 }))
      .sort((a, b) => a.key - b.key)
      .map(({ item }) => item);

  it("renders the same document whatever order the set arguments come in", () => {
    fc.assert(
      fc.property(fc.array(statement, { maxLength: 3 }), fc.nat(), (statements, seed) => {
        const reordered = statements.map((s) => ({
          actions: shuffled(s.actions, seed),
          resources: shuffled(s.resources, seed + 1),
          principals: shuffled(s.principals, seed + 2).map((p) => ({
            type: p.type,
            identifiers: shuffled(p.identifiers, seed + 3),
          })),
        }));
        const a = awsPolicyDocument({ statements });
        const b = awsPolicyDocument({ statements: reordered });
        expect(b.json).toBe(a.json);
        expect(JSON.parse(a.minifiedJson as string)).toEqual(JSON.parse(a.json as string));
      }),
    );
  });
});

describe("getPolicyDocument rejects what the provider rejects", () => {
  const invalidJson = (() => {
    try {
      JSON.parse("{");
      return "";
    } catch (e) {
      return (e as Error).message; // the runtime's parser words the detail
    }
  })();

  test.each<[string, Record<string, unknown>, string]>([
    [
      "an effect other than Allow or Deny",
      { statements: [{ effect: "Permit", actions: ["s3:*"] }] },
      'expected statements[0].effect to be one of ["Allow" "Deny"], got Permit',
    ],
    [
      "a principal without identifiers",
      { statements: [{ actions: ["sts:AssumeRole"], principals: [{ type: "Service" }] }] },
      'Missing required argument: The argument "statements[0].principals[0].identifiers" is ' +
        "required, but no definition was found.",
    ],
    [
      "identifiers given as one string instead of a list",
      {
        statements: [
          {
            actions: ["sts:AssumeRole"],
            principals: [{ type: "AWS", identifiers: "123456789012" }],
          },
        ],
      },
      'expected statements[0].principals[0].identifiers to be a list, got "123456789012"',
    ],
    [
      "a condition without values",
      {
        statements: [
          { actions: ["s3:*"], conditions: [{ test: "Bool", variable: "aws:SecureTransport" }] },
        ],
      },
      'Missing required argument: The argument "statements[0].conditions[0].values" is required, ' +
        "but no definition was found.",
    ],
    [
      "a version IAM does not know",
      { version: "2012-10-18", statements: [] },
      'expected version to be one of ["2008-10-17" "2012-10-17"], got 2012-10-18',
    ],
    [
      "a misspelt statement field, which would otherwise drop the actions",
      { statements: [{ action: ["s3:GetObject"], resources: ["*"] }] },
      "statements[0]: invalid or unknown key: action (expected one of actions, conditions, " +
        "effect, notActions, notPrincipals, notResources, principals, resources, sid)",
    ],
    [
      "a non-string action",
      { statements: [{ actions: ["s3:GetObject", 7] }] },
      "expected type of statements[0].actions[1] to be string, got 7",
    ],
    [
      "the retired sourceJson argument",
      { sourceJson: "{}" },
      'expected "sourceJson" to be an empty string: got {} (sourceJson is no longer used; pass ' +
        "the document in sourcePolicyDocuments)",
    ],
    [
      "a source document that is not JSON",
      { sourcePolicyDocuments: ["{"] },
      `"sourcePolicyDocuments[0]" contains an invalid JSON: ${invalidJson}`,
    ],
    [
      "every problem at once, as the provider's validation reports them",
      { statements: [{ effect: "allow", actions: ["s3:GetObject", 7] }] },
      'expected statements[0].effect to be one of ["Allow" "Deny"], got allow; ' +
        "expected type of statements[0].actions[1] to be string, got 7",
    ],
    [
      "two configured statements with one Sid",
      {
        statements: [
          { sid: "Read", actions: ["s3:GetObject"] },
          { sid: "Read", actions: ["s3:ListBucket"] },
        ],
      },
      "writing IAM Policy Document: duplicate Sid (Read) at statements[1]. Remove the Sid or " +
        "ensure the Sid is unique.",
    ],
    [
      "two source documents with one Sid",
      {
        sourcePolicyDocuments: [
          doc({ sid: "Shared", actions: ["s3:GetObject"] }),
          doc({ sid: "Shared", actions: ["s3:PutObject"] }),
        ],
      },
      "writing IAM Policy Document: merging source document 1: duplicate Sid (Shared) in " +
        "sourcePolicyDocuments (statement 0). Remove the Sid or ensure Sids are unique.",
    ],
    [
      "a policy variable in a 2008-10-17 document",
      {
        version: "2008-10-17",
        statements: [{ actions: ["s3:*"], resources: ["arn:aws:s3:::foo/home/&{aws:username}"] }],
      },
      "reading statements[0].resources: found &{ sequence in " +
        "(arn:aws:s3:::foo/home/&{aws:username}), which is not supported in document version " +
        "2008-10-17",
    ],
  ])("fails on %s", (_name, args, message) => {
    expect(() => awsPolicyDocument(args)).toThrow(new Error(message));
  });
});
