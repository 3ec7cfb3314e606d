# The escalation topic, its KMS key and its policy, and the example alarm.

# The topic is encrypted with a customer managed key, not the AWS managed alias/aws/sns: EventBridge (the
# backstop rule, backstop.tf) can publish to an encrypted topic only when the key policy grants
# events.amazonaws.com, and the AWS managed key's policy cannot be changed. SNS developer guide, "Enable
# compatibility between event sources from AWS services and encrypted topics", step 1 "Use a customer managed
# key": https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
# A caller's own key may be given as escalation_topic_kms_key_arn; its policy must then grant the same.
locals {
  create_escalation_topic_key  = var.escalation_topic_kms_key_arn == null
  escalation_topic_kms_key_arn = local.create_escalation_topic_key ? aws_kms_key.escalation_topic[0].arn : var.escalation_topic_kms_key_arn
  account_root_arn             = "arn:${local.partition}:iam::${local.account}:root"
}

# The key policy names actions one by one (deploy-checks refuses a wildcard action anywhere). Its Resource
# "*" is the key the policy is attached to, nothing else.
data "aws_iam_policy_document" "escalation_topic_key" {
  statement {
    # The account administers the key through IAM: without the account as principal nobody could change or
    # delete the key, and KMS refuses a policy that would lock out the principal creating it.
    sid = "AccountAdministersKey"
    actions = [
      "kms:CancelKeyDeletion",
      "kms:CreateAlias",
      "kms:DeleteAlias",
      "kms:DescribeKey",
      "kms:DisableKey",
      "kms:DisableKeyRotation",
      "kms:EnableKey",
      "kms:EnableKeyRotation",
      "kms:GetKeyPolicy",
      "kms:GetKeyRotationStatus",
      "kms:ListGrants",
      "kms:ListKeyPolicies",
      "kms:ListKeyRotations",
      "kms:ListResourceTags",
      "kms:PutKeyPolicy",
      "kms:RevokeGrant",
      "kms:RotateKeyOnDemand",
      "kms:ScheduleKeyDeletion",
      "kms:TagResource",
      "kms:UntagResource",
      "kms:UpdateAlias",
      "kms:UpdateKeyDescription",
    ]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = [local.account_root_arn]
    }
  }

  statement {
    # Lets IAM policies in the account grant the publisher's KMS calls: the Notify role's policy (iam.tf)
    # grants them on this key only, and only through SNS.
    sid       = "AccountGrantsPublishingThroughIam"
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = [local.account_root_arn]
    }
  }

  statement {
    # The backstop rule publishes as events.amazonaws.com, and SNS needs the publisher's GenerateDataKey and
    # Decrypt (same SNS page). No aws:SourceArn / aws:SourceAccount condition: the SNS guide says they are not
    # supported in a KMS key policy for EventBridge-to-encrypted-topic delivery. What scopes this grant is the
    # key itself (used by this topic only) and the topic policy, which lets events.amazonaws.com publish only
    # for the backstop rule's ARN.
    sid       = "EventBridgePublishesBackstop"
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }
  }
}

resource "aws_kms_key" "escalation_topic" {
  count = local.create_escalation_topic_key ? 1 : 0

  description             = "${var.name_prefix}: encrypts the escalation topic; EventBridge may use it to publish backstop notices"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.escalation_topic_key.json
  tags                    = local.common_tags
}

resource "aws_kms_alias" "escalation_topic" {
  count = local.create_escalation_topic_key ? 1 : 0

  name          = "alias/${var.name_prefix}-escalation"
  target_key_id = aws_kms_key.escalation_topic[0].key_id
}

resource "aws_sns_topic" "escalation" {
  name              = "${var.name_prefix}-escalation"
  kms_master_key_id = local.escalation_topic_kms_key_arn
  tags              = local.common_tags
}

# Replaces the default topic policy, so the account's own access is restated (to the account, which IAM
# policies then delegate), and adds the backstop rule as the one outside publisher.
data "aws_iam_policy_document" "escalation_topic" {
  statement {
    sid = "AccountOwnsTopic"
    actions = [
      "sns:AddPermission",
      "sns:DeleteTopic",
      "sns:GetTopicAttributes",
      "sns:ListSubscriptionsByTopic",
      "sns:Publish",
      "sns:RemovePermission",
      "sns:SetTopicAttributes",
      "sns:Subscribe",
    ]
    resources = [aws_sns_topic.escalation.arn]
    principals {
      type        = "AWS"
      identifiers = [local.account_root_arn]
    }
  }

  statement {
    # EventBridge publishes for the backstop rule and no other rule (confused deputy: aws:SourceArn).
    sid       = "BackstopRulePublishes"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.escalation.arn]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudwatch_event_rule.backstop.arn]
    }
  }
}

resource "aws_sns_topic_policy" "escalation" {
  arn    = aws_sns_topic.escalation.arn
  policy = data.aws_iam_policy_document.escalation_topic.json
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
