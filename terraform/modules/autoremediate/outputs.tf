output "bucket_name" {
  description = "Bucket of runbooks and command output."
  value       = aws_s3_bucket.this.id
}

output "bucket_arn" {
  description = "ARN of the bucket; give it to the instance-profile module."
  value       = aws_s3_bucket.this.arn
}

output "runbook_prefix" {
  description = "Key prefix of runbooks: put a new runbook at s3://BUCKET/RUNBOOK_PREFIX<alarm-name>.sh or <metric>#<namespace>.sh."
  value       = var.runbook_prefix
}

output "output_prefix" {
  description = "Key prefix under which each runbook run's stdout and stderr land."
  value       = var.output_prefix
}

output "state_machine_arn" {
  description = "ARN of the remediation state machine."
  value       = aws_sfn_state_machine.remediation.arn
}

output "state_machine_console_url" {
  description = "Where to watch executions in the Step Functions console."
  value       = "https://${local.region}.console.aws.amazon.com/states/home?region=${local.region}#/statemachines/view/${aws_sfn_state_machine.remediation.arn}"
}

output "function_alias_arns" {
  description = "ARN of the live alias of each function, by key (resolve_script, send_command, poll_command, check_alarm, guard, notify, intake)."
  value       = merge({ for key, alias in aws_lambda_alias.live : key => alias.arn }, { intake = aws_lambda_alias.intake.arn })
}

output "function_role_arns" {
  description = "ARN of each function's role, by key."
  value       = { for key, role in aws_iam_role.function : key => role.arn }
}

output "escalation_topic_arn" {
  description = "SNS topic that receives escalations and resolved notices; subscribe more endpoints to it."
  value       = aws_sns_topic.escalation.arn
}

output "escalation_topic_kms_key_arn" {
  description = "KMS key that encrypts the escalation topic (the module's, or escalation_topic_kms_key_arn). Subscribers need nothing from it; publishers need kms:GenerateDataKey and kms:Decrypt."
  value       = local.escalation_topic_kms_key_arn
}

output "backstop_rule_name" {
  description = "EventBridge rule that publishes to the escalation topic when an execution ends TIMED_OUT, ABORTED, or FAILED without a confirmed escalation."
  value       = aws_cloudwatch_event_rule.backstop.name
}

output "backstop_event_pattern" {
  description = "The backstop rule's event pattern, as deployed."
  value       = local.backstop_event_pattern
}

output "backstop_dead_letter_queue_url" {
  description = "SQS queue where backstop notices land when they could not be published to the topic after a day of retries. Anything in it is a lost notice: watch it."
  value       = aws_sqs_queue.backstop_dead_letter.id
}

output "event_rule_name" {
  description = "EventBridge rule that sends opted-in alarms' changes into ALARM to the intake."
  value       = aws_cloudwatch_event_rule.alarm_state_change.name
}

output "event_pattern" {
  description = "The rule's event pattern, as deployed."
  value       = local.alarm_event_pattern
}

output "example_alarm_arn" {
  description = "ARN of the example alarm webapp-uptime, or null when none was created."
  value       = one(aws_cloudwatch_metric_alarm.example[*].arn)
}

output "target_tag" {
  description = "The tag (key and value) an instance must carry for runbooks to run on it."
  value       = { key = var.target_tag_key, value = var.target_tag_value }
}
