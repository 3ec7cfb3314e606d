# Alarm state changes into ALARM, for opted-in alarms only, go to the intake function.

locals {
  opted_in_alarm_arns = concat(var.alarm_arns, aws_cloudwatch_metric_alarm.example[*].arn)

  alarm_name_prefixes = compact([var.alarm_name_prefix == null ? "" : var.alarm_name_prefix])

  # Each opt-in is a complete condition on the event (the ALARM state included), so one of them can stand
  # alone and two are joined with $or without touching the other.
  alarm_opt_ins = concat(
    [for prefix in local.alarm_name_prefixes : {
      detail = { state = { value = ["ALARM"] }, alarmName = [{ prefix = prefix }] }
    }],
    [for arns in [local.opted_in_alarm_arns] : {
      detail    = { state = { value = ["ALARM"] } }
      resources = arns
    } if length(arns) > 0],
  )

  alarm_event_source = {
    source        = ["aws.cloudwatch"]
    "detail-type" = ["CloudWatch Alarm State Change"]
  }

  alarm_event_pattern = (length(local.alarm_opt_ins) == 1
    ? jsonencode(merge(local.alarm_event_source, local.alarm_opt_ins[0]))
    : jsonencode(merge(local.alarm_event_source, { "$or" = local.alarm_opt_ins }))
  )
}

resource "aws_cloudwatch_event_rule" "alarm_state_change" {
  name          = "${var.name_prefix}-alarm-to-remediation"
  description   = "CloudWatch alarms opted in to autoremediate that went to ALARM"
  event_pattern = local.alarm_event_pattern
  tags          = local.common_tags

  lifecycle {
    precondition {
      condition     = length(local.alarm_opt_ins) > 0
      error_message = "No alarm is opted in: set alarm_name_prefix, alarm_arns or example_alarm_instance_id."
    }
  }
}

resource "aws_cloudwatch_event_target" "intake" {
  rule      = aws_cloudwatch_event_rule.alarm_state_change.name
  target_id = "intake"
  arn       = aws_lambda_alias.intake.arn

  retry_policy {
    maximum_event_age_in_seconds = 3600
    maximum_retry_attempts       = 10
  }
}

resource "aws_lambda_permission" "events_invoke_intake" {
  statement_id  = "AllowAlarmRule"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.intake.function_name
  qualifier     = aws_lambda_alias.intake.name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.alarm_state_change.arn
}
