# The backstop: an execution of this state machine that ends TIMED_OUT, ABORTED, or FAILED with any error but
# Remediation.Escalated has told nobody (the Escalated state fails the execution only after the Notify step
# delivered). EventBridge sends those endings straight to the escalation topic: no Lambda of ours in the path,
# so a bug, a timeout or a stop cannot also silence the notice.
#
# The event: Step Functions sends "Step Functions Execution Status Change" (source aws.states) for Standard
# workflows, best effort. Its detail "provides the same information as the DescribeExecution API":
# executionArn, stateMachineArn, name, status, startDate, stopDate, input, inputDetails, output, outputDetails,
# and error / cause when the execution failed (older examples in the guide show no error field at all, which
# the pattern below allows for).
#   https://docs.aws.amazon.com/step-functions/latest/dg/cw-events.html
#   https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-states.html
#
# The pattern: status TIMED_OUT or ABORTED always matches. FAILED matches unless error is
# Remediation.Escalated. "anything-but" matches only a field that is present (content filtering,
# https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html), so a FAILED event
# whose error is null or missing would slip past it: two more alternatives ([null], exists false) catch those.
# Null and a missing field are different things to a pattern (eb-event-patterns-null-values.html). The
# consequence is deliberate: any doubt about the error sends a notice, a duplicate at worst, never silence.
locals {
  # The Fail state that ends an execution after people were told (statemachine/remediation.asl.json).
  escalated_error = "Remediation.Escalated"

  backstop_event_pattern = jsonencode({
    source        = ["aws.states"]
    "detail-type" = ["Step Functions Execution Status Change"]
    detail = {
      stateMachineArn = [aws_sfn_state_machine.remediation.arn]
      "$or" = [
        { status = ["TIMED_OUT", "ABORTED"] },
        { status = ["FAILED"], error = [{ "anything-but" = [local.escalated_error] }] },
        { status = ["FAILED"], error = [null] },
        { status = ["FAILED"], error = [{ exists = false }] },
      ]
    }
  })

  execution_console_url = "https://${local.region}.console.aws.amazon.com/states/home?region=${local.region}#/v2/executions/details/"
}

resource "aws_cloudwatch_event_rule" "backstop" {
  name          = "${var.name_prefix}-backstop"
  description   = "Remediation executions that ended TIMED_OUT, ABORTED or FAILED without a confirmed escalation"
  event_pattern = local.backstop_event_pattern
  tags          = local.common_tags
}

resource "aws_cloudwatch_event_target" "backstop" {
  rule      = aws_cloudwatch_event_rule.backstop.name
  target_id = "escalation-topic"
  arn       = aws_sns_topic.escalation.arn

  # A plain-text message (a quoted string template is sent as its text). EventBridge inserts extracted values
  # without escaping them ("Common issues with transforming input",
  # https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html), and a cause can
  # hold double quotes: Remediation.EscalationUndelivered's cause is the Notify Lambda's error JSON. Inside this
  # string that could break the message exactly when it matters, so the cause stays out of it; the console
  # link shows it. name, status, error names and the ARN hold no quotes. A path missing from the event
  # (error, when absent) is left out of the message rather than failing it (same page).
  input_transformer {
    input_paths = {
      name         = "$.detail.name"
      status       = "$.detail.status"
      error        = "$.detail.error"
      executionArn = "$.detail.executionArn"
    }
    input_template = "\"[autoremediate] BACKSTOP: execution <name> ended <status> (<error>) — no escalation was confirmed; see the cause at ${local.execution_console_url}<executionArn>\""
  }

  # The defaults, written out: a day of retries. A notice that still cannot be published (the key disabled,
  # the topic policy changed: the failures a backstop exists for) lands in the dead-letter queue with the
  # reason in its message attributes, instead of being dropped. Kept simple on purpose: SQS-managed
  # encryption, so no key policy is involved in reaching it.
  retry_policy {
    maximum_event_age_in_seconds = 86400
    maximum_retry_attempts       = 185
  }

  dead_letter_config {
    arn = aws_sqs_queue.backstop_dead_letter.arn
  }
}

resource "aws_sqs_queue" "backstop_dead_letter" {
  name                      = "${var.name_prefix}-backstop-dead-letter"
  message_retention_seconds = 1209600 # 14 days, the most SQS keeps a message
  sqs_managed_sse_enabled   = true
  tags                      = local.common_tags
}

data "aws_iam_policy_document" "backstop_dead_letter" {
  statement {
    # Only EventBridge, and only for the backstop rule, may drop undeliverable notices here.
    sid       = "BackstopRuleDeadLetters"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.backstop_dead_letter.arn]
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

resource "aws_sqs_queue_policy" "backstop_dead_letter" {
  queue_url = aws_sqs_queue.backstop_dead_letter.id
  policy    = data.aws_iam_policy_document.backstop_dead_letter.json
}
