# The role and instance profile of a monitored EC2 instance: SSM agent (AmazonSSMManagedInstanceCore), the
# uptime metric in one namespace, and command output into the bucket's output prefix.

data "aws_partition" "current" {}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "instance" {
  statement {
    # PutMetricData has no resource-level permissions: "*" is required; the namespace condition narrows it.
    sid       = "PublishUptimeMetric"
    actions   = ["cloudwatch:PutMetricData"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "cloudwatch:namespace"
      values   = [var.metric_namespace]
    }
  }

  statement {
    sid       = "WriteCommandOutput"
    actions   = ["s3:PutObject"]
    resources = ["${var.bucket_arn}/${var.output_prefix}*"]
  }

  statement {
    # The SSM agent reads the bucket's encryption settings before it uploads command output.
    sid       = "ReadBucketEncryption"
    actions   = ["s3:GetEncryptionConfiguration"]
    resources = [var.bucket_arn]
  }

  dynamic "statement" {
    for_each = compact([var.kms_key_arn])
    content {
      sid       = "EncryptCommandOutput"
      actions   = ["kms:GenerateDataKey"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = var.name
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "ssm_core" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_role_policy" "this" {
  name   = "${var.name}-policy"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.instance.json
}

resource "aws_iam_instance_profile" "this" {
  name = var.name
  role = aws_iam_role.this.name
  tags = var.tags
}
