# The escalation topic and the example alarm.

resource "aws_sns_topic" "escalation" {
  name              = "${var.name_prefix}-escalation"
  kms_master_key_id = "alias/aws/sns"
  tags              = local.common_tags
}

resource "aws_sns_topic_subscription" "escalation_email" {
  count = var.escalation_email == null ? 0 : 1

  topic_arn = aws_sns_topic.escalation.arn
  protocol  = "email"
  endpoint  = var.escalation_email
}

# webapp-uptime: the instance's cron check publishes 1 (up) or 0 (down) each minute. Below 1 for N periods,
# and a silent instance counts as down: a stopped check must not look healthy.
resource "aws_cloudwatch_metric_alarm" "example" {
  count = var.example_alarm_instance_id == null ? 0 : 1

  alarm_name          = var.example_alarm_name
  alarm_description   = "The sample web app on ${var.example_alarm_instance_id} stopped answering; autoremediate restarts it."
  namespace           = var.example_alarm_namespace
  metric_name         = "webapp-uptime"
  dimensions          = { InstanceId = var.example_alarm_instance_id }
  statistic           = "Minimum"
  period              = var.example_alarm_period_seconds
  evaluation_periods  = var.example_alarm_evaluation_periods
  datapoints_to_alarm = var.example_alarm_evaluation_periods
  comparison_operator = "LessThanThreshold"
  threshold           = 1
  treat_missing_data  = "breaching"
  tags                = local.common_tags
}
