# The six steps and the intake: one shaded jar, java21 on arm64, SnapStart on a published version that
# an alias ("live") points at. The state machine and EventBridge call the alias, never $LATEST.

locals {
  function_environment = {
    resolve_script = {
      RUNBOOK_BUCKET         = aws_s3_bucket.this.id
      RUNBOOK_PREFIX         = var.runbook_prefix
      RUNBOOK_ALLOWED_SHA256 = join(",", var.runbook_allowed_sha256)
    }
    send_command = {
      RUNBOOK_BUCKET = aws_s3_bucket.this.id
      RUNBOOK_PREFIX = var.runbook_prefix
      OUTPUT_BUCKET  = aws_s3_bucket.this.id
      OUTPUT_PREFIX  = var.output_prefix
    }
    poll_command = {
      RUNBOOK_BUCKET = aws_s3_bucket.this.id
      OUTPUT_BUCKET  = aws_s3_bucket.this.id
      OUTPUT_PREFIX  = var.output_prefix
    }
    check_alarm = {}
    guard = {
      # Built from the name, not read from the resource: the definition names the guard's alias (main.tf).
      STATE_MACHINE_ARN = local.state_machine_arn
    }
    notify = {
      SNS_TOPIC_ARN = aws_sns_topic.escalation.arn
      # Secrets travel by name: the function reads the value from the store at run time.
      SECRET_STORE                      = var.secret_store
      SLACK_WEBHOOK_SECRET_NAME         = var.slack_webhook_secret_name
      PAGERDUTY_ROUTING_KEY_SECRET_NAME = var.pagerduty_routing_key_secret_name
      ITSM_WEBHOOK_URL                  = var.itsm_webhook_url
      ITSM_TOKEN_SECRET_NAME            = var.itsm_token_secret_name
    }
  }
}

resource "aws_cloudwatch_log_group" "function" {
  for_each = local.functions

  name              = "/aws/lambda/${each.value.name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.logs_kms_key_arn
  tags              = local.common_tags
}

resource "aws_lambda_function" "this" {
  for_each = local.steps

  function_name    = each.value.name
  description      = "autoremediate ${each.key}"
  role             = aws_iam_role.function[each.key].arn
  filename         = var.lambda_jar_path
  source_code_hash = filebase64sha256(var.lambda_jar_path)
  handler          = each.value.handler
  runtime          = "java21"
  architectures    = ["arm64"]
  memory_size      = each.value.memory_size
  timeout          = each.value.timeout
  publish          = true

  snap_start {
    apply_on = "PublishedVersions"
  }

  tracing_config {
    mode = "Active"
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.function[each.key].name
  }

  environment {
    # Unset optional settings are left out rather than passed as empty strings.
    variables = { for name, value in local.function_environment[each.key] : name => value if value != null && value != "" }
  }

  tags = local.common_tags

  depends_on = [aws_iam_role_policy.function]
}

resource "aws_lambda_alias" "live" {
  for_each = local.steps

  name             = "live"
  description      = "The published, SnapStart-enabled version in service"
  function_name    = aws_lambda_function.this[each.key].function_name
  function_version = aws_lambda_function.this[each.key].version
}

# The intake: EventBridge calls it with the alarm event; it validates the event and starts an execution
# whose name is derived from the event, so a duplicate delivery cannot start a second remediation.
resource "aws_lambda_function" "intake" {
  function_name    = local.functions.intake.name
  description      = "autoremediate intake"
  role             = aws_iam_role.function["intake"].arn
  filename         = var.lambda_jar_path
  source_code_hash = filebase64sha256(var.lambda_jar_path)
  handler          = local.functions.intake.handler
  runtime          = "java21"
  architectures    = ["arm64"]
  memory_size      = local.functions.intake.memory_size
  timeout          = local.functions.intake.timeout
  publish          = true

  snap_start {
    apply_on = "PublishedVersions"
  }

  tracing_config {
    mode = "Active"
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.function["intake"].name
  }

  environment {
    variables = { for name, value in {
      STATE_MACHINE_ARN = aws_sfn_state_machine.remediation.arn
      # Checked by the intake at cold start (an unknown name or a wrong type fails it, naming the setting).
      # No overrides: left out, and the definition's defaults apply.
      REMEDIATION_SETTINGS = length(var.remediation_settings) == 0 ? null : jsonencode(var.remediation_settings)
    } : name => value if value != null }
  }

  tags = local.common_tags

  depends_on = [aws_iam_role_policy.intake]
}

resource "aws_lambda_alias" "intake" {
  name             = "live"
  description      = "The published, SnapStart-enabled version in service"
  function_name    = aws_lambda_function.intake.function_name
  function_version = aws_lambda_function.intake.version
}
