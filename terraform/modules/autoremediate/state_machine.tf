# The one definition, statemachine/remediation.asl.json, with its placeholders filled by the aliases' ARNs.
# templatefile treats only ${...} and %{...} specially; the ASL's JSONPath ($.x, $$.Execution) passes as is.

locals {
  state_machine_placeholders = {
    ResolveScriptFunctionArn = aws_lambda_alias.live["resolve_script"].arn
    SendCommandFunctionArn   = aws_lambda_alias.live["send_command"].arn
    PollCommandFunctionArn   = aws_lambda_alias.live["poll_command"].arn
    CheckAlarmFunctionArn    = aws_lambda_alias.live["check_alarm"].arn
    GuardFunctionArn         = aws_lambda_alias.live["guard"].arn
    NotifyFunctionArn        = aws_lambda_alias.live["notify"].arn
  }
}

resource "aws_cloudwatch_log_group" "state_machine" {
  # The vendedlogs path keeps the log group's resource policy small (Step Functions' guidance).
  name              = "/aws/vendedlogs/states/${var.name_prefix}-remediation"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.logs_kms_key_arn
  tags              = local.common_tags
}

data "aws_iam_policy_document" "states_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["states.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account]
    }
  }
}

resource "aws_iam_role" "state_machine" {
  name               = "${var.name_prefix}-remediation-role"
  assume_role_policy = data.aws_iam_policy_document.states_assume.json
  tags               = local.common_tags
}

data "aws_iam_policy_document" "state_machine" {
  statement {
    # Exactly the aliases the definition names: not $LATEST, not another version.
    sid       = "InvokeStepAliases"
    actions   = ["lambda:InvokeFunction"]
    resources = values(local.state_machine_placeholders)
  }

  statement {
    # The CloudWatch Logs delivery APIs have no resource-level permissions: "*" is required
    # (Step Functions developer guide, "IAM policies for logging to CloudWatch Logs").
    sid = "LogDelivery"
    actions = [
      "logs:CreateLogDelivery",
      "logs:GetLogDelivery",
      "logs:UpdateLogDelivery",
      "logs:DeleteLogDelivery",
      "logs:ListLogDeliveries",
      "logs:PutResourcePolicy",
      "logs:DescribeResourcePolicies",
      "logs:DescribeLogGroups",
    ]
    resources = ["*"]
  }

  statement {
    # X-Ray's write and sampling APIs have no resource-level permissions: "*" is required.
    sid       = "Tracing"
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "state_machine" {
  name   = "${var.name_prefix}-remediation-policy"
  role   = aws_iam_role.state_machine.id
  policy = data.aws_iam_policy_document.state_machine.json
}

resource "aws_sfn_state_machine" "remediation" {
  name       = local.state_machine_name
  role_arn   = aws_iam_role.state_machine.arn
  type       = "STANDARD"
  definition = templatefile(var.state_machine_definition_path, local.state_machine_placeholders)

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.state_machine.arn}:*"
    level                  = var.state_machine_log_level
    include_execution_data = var.state_machine_log_execution_data
  }

  tracing_configuration {
    enabled = true
  }

  tags = local.common_tags

  depends_on = [aws_iam_role_policy.state_machine]

  lifecycle {
    postcondition {
      # The guard lists this machine's executions by local.state_machine_arn (see main.tf).
      condition     = self.arn == local.state_machine_arn
      error_message = "The state machine's ARN ${self.arn} differs from local.state_machine_arn (${local.state_machine_arn}), which the guard's environment and policy use."
    }
  }
}
