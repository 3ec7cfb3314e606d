# One role per function, each allowed exactly the AWS calls its code makes (deploy-checks compares these
# statements with the SDK calls in functions/.../adapters/aws). No wildcard action is granted anywhere;
# a "*" resource appears only where the API has no resource-level permission, with a comment saying so.

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "function" {
  for_each = local.functions

  name               = "${each.value.name}-role"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
  tags               = local.common_tags
}

# What every function needs from the platform: its own log group and X-Ray.
data "aws_iam_policy_document" "function_base" {
  for_each = local.functions

  statement {
    sid       = "OwnLogGroup"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function[each.key].arn}:*"]
  }

  statement {
    # X-Ray's PutTraceSegments and PutTelemetryRecords have no resource-level permissions: "*" is required.
    sid       = "Tracing"
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
    resources = ["*"]
  }
}

locals {
  runbook_objects_arn = "${aws_s3_bucket.this.arn}/${var.runbook_prefix}*"
  output_objects_arn  = "${aws_s3_bucket.this.arn}/${var.output_prefix}*"
  secret_names = {
    for channel, name in {
      slack      = var.slack_webhook_secret_name
      pagerduty  = var.pagerduty_routing_key_secret_name
      itsm_token = var.itsm_token_secret_name
    } : channel => name if name != null && name != ""
  }
  secretsmanager_secret_names = var.secret_store == "secretsmanager" ? local.secret_names : {}
  ssm_parameter_arns = var.secret_store == "ssm" ? [
    for name in values(local.secret_names) : "arn:${local.partition}:ssm:${local.region}:${local.account}:parameter/${trimprefix(name, "/")}"
  ] : []
  bucket_kms_key_arns  = compact([var.kms_key_arn])
  secret_kms_key_arns  = compact([var.secrets_kms_key_arn])
  secret_store_service = var.secret_store == "ssm" ? "ssm.${local.region}.amazonaws.com" : "secretsmanager.${local.region}.amazonaws.com"
}

# Metadata only: this data source never reads a secret's value into the state.
data "aws_secretsmanager_secret" "channel" {
  for_each = local.secretsmanager_secret_names
  name     = each.value
}

# ResolveScript: S3RunbookStore.find -> GetObject under the runbook prefix.
data "aws_iam_policy_document" "resolve_script" {
  statement {
    sid       = "ReadRunbooks"
    actions   = ["s3:GetObject"]
    resources = [local.runbook_objects_arn]
  }

  statement {
    # Not called by the code, but without it S3 answers a missing runbook with 403 instead of 404, and
    # the lookup of <alarm-name>.sh would fail instead of falling through to <metric>#<namespace>.sh.
    sid       = "ListRunbookPrefix"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.this.arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${var.runbook_prefix}*"]
    }
  }

  dynamic "statement" {
    for_each = local.bucket_kms_key_arns
    content {
      sid       = "DecryptRunbooks"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
    }
  }
}

# SendCommand: S3RunbookStore.find (the runbook again, to check its hash) and SsmCommandRunner.send.
data "aws_iam_policy_document" "send_command" {
  statement {
    sid       = "ReadRunbooks"
    actions   = ["s3:GetObject"]
    resources = [local.runbook_objects_arn]
  }

  statement {
    sid       = "ListRunbookPrefix"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.this.arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${var.runbook_prefix}*"]
    }
  }

  statement {
    # SendCommand is authorized on the document and on each target: only AWS-RunShellScript ...
    sid       = "RunShellScriptDocumentOnly"
    actions   = ["ssm:SendCommand"]
    resources = ["arn:${local.partition}:ssm:${local.region}::document/AWS-RunShellScript"]
  }

  statement {
    # ... and only on instances that carry the opt-in tag.
    sid     = "TaggedInstancesOnly"
    actions = ["ssm:SendCommand"]
    resources = [
      "arn:${local.partition}:ec2:${local.region}:${local.account}:instance/*",
      "arn:${local.partition}:ssm:${local.region}:${local.account}:managed-instance/*",
    ]
    condition {
      test     = "StringEquals"
      variable = "ssm:resourceTag/${var.target_tag_key}"
      values   = [var.target_tag_value]
    }
  }

  dynamic "statement" {
    for_each = local.bucket_kms_key_arns
    content {
      sid       = "DecryptRunbooks"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
    }
  }
}

# PollCommand: SsmCommandRunner.progress -> GetCommandInvocation, and, for output longer than it returns,
# a ranged GetObject of the copy the SSM agent uploaded under the output prefix.
data "aws_iam_policy_document" "poll_command" {
  statement {
    # GetCommandInvocation has no resource-level permissions: "*" is the only accepted resource.
    sid       = "ReadCommandInvocations"
    actions   = ["ssm:GetCommandInvocation"]
    resources = ["*"]
  }

  statement {
    # Read only: the agent writes there with the instance profile. No ListBucket: an object not uploaded
    # yet then reads as AccessDenied, which the runner reports in the output tail and the poll goes on.
    sid       = "ReadCommandOutput"
    actions   = ["s3:GetObject"]
    resources = [local.output_objects_arn]
  }

  dynamic "statement" {
    for_each = local.bucket_kms_key_arns
    content {
      sid       = "DecryptCommandOutput"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
    }
  }
}

# CheckAlarm: CloudWatchAlarmStateReader.read -> DescribeAlarms, on this account's alarms in this region.
data "aws_iam_policy_document" "check_alarm" {
  statement {
    sid       = "ReadAlarmState"
    actions   = ["cloudwatch:DescribeAlarms"]
    resources = ["arn:${local.partition}:cloudwatch:${local.region}:${local.account}:alarm:*"]
  }
}

# Notify: SnsNotificationChannel.deliver -> Publish on the escalation topic, and the channel secrets by name.
data "aws_iam_policy_document" "notify" {
  statement {
    sid       = "PublishEscalations"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.escalation.arn]
  }

  statement {
    # The topic is SSE-KMS (notifications.tf), and SNS makes the publisher's KMS calls with the publisher's
    # rights: "The publisher must have the kms:GenerateDataKey* and kms:Decrypt permissions for the AWS KMS
    # key" (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html). GenerateDataKey is the one
    # SNS calls, so no wildcard. Only this key, and only when SNS asks for it.
    sid       = "EncryptEscalations"
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = [local.escalation_topic_kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["sns.${local.region}.amazonaws.com"]
    }
  }

  dynamic "statement" {
    for_each = length(local.secretsmanager_secret_names) > 0 ? [values(data.aws_secretsmanager_secret.channel)[*].arn] : []
    content {
      sid       = "ReadChannelSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = statement.value
    }
  }

  dynamic "statement" {
    for_each = length(local.ssm_parameter_arns) > 0 ? [local.ssm_parameter_arns] : []
    content {
      sid       = "ReadChannelParameters"
      actions   = ["ssm:GetParameter"]
      resources = statement.value
    }
  }

  dynamic "statement" {
    for_each = length(local.secret_names) > 0 ? local.secret_kms_key_arns : []
    content {
      sid       = "DecryptChannelSecrets"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = [local.secret_store_service]
      }
    }
  }
}

# Guard: SfnExecutionLedger.running and .startedSince -> ListExecutions. Its resource type is the state
# machine (Service Authorization Reference, Step Functions: ListExecutions on statemachine), not its
# executions; the ARN is built from the name (main.tf), since the definition names the guard's alias.
data "aws_iam_policy_document" "guard" {
  statement {
    sid       = "ListOwnExecutions"
    actions   = ["states:ListExecutions"]
    resources = [local.state_machine_arn]
  }
}

# Intake: SfnExecutionStarter.start -> StartExecution, on this state machine and no other.
data "aws_iam_policy_document" "intake" {
  statement {
    sid       = "StartRemediations"
    actions   = ["states:StartExecution"]
    resources = [aws_sfn_state_machine.remediation.arn]
  }
}

locals {
  step_policies = {
    resolve_script = data.aws_iam_policy_document.resolve_script.json
    send_command   = data.aws_iam_policy_document.send_command.json
    poll_command   = data.aws_iam_policy_document.poll_command.json
    check_alarm    = data.aws_iam_policy_document.check_alarm.json
    guard          = data.aws_iam_policy_document.guard.json
    notify         = data.aws_iam_policy_document.notify.json
  }
}

data "aws_iam_policy_document" "step" {
  for_each                = local.steps
  source_policy_documents = [data.aws_iam_policy_document.function_base[each.key].json, local.step_policies[each.key]]
}

resource "aws_iam_role_policy" "function" {
  for_each = local.steps

  name   = "${each.value.name}-policy"
  role   = aws_iam_role.function[each.key].id
  policy = data.aws_iam_policy_document.step[each.key].json
}

data "aws_iam_policy_document" "intake_combined" {
  source_policy_documents = [data.aws_iam_policy_document.function_base["intake"].json, data.aws_iam_policy_document.intake.json]
}

resource "aws_iam_role_policy" "intake" {
  name   = "${local.functions.intake.name}-policy"
  role   = aws_iam_role.function["intake"].id
  policy = data.aws_iam_policy_document.intake_combined.json
}
