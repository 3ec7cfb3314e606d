# The backstop (backstop.tf, notifications.tf) under a mocked AWS provider: the rule watches this state machine
# and no other, sends to the escalation topic, the topic is encrypted with a customer managed key that
# EventBridge may use, and the topic lets EventBridge publish only for the backstop rule. deploy-checks
# (BackstopPatternTest) matches the same pattern against recorded Step Functions events.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  lambda_jar_path               = "../../../statemachine/remediation.asl.json" # any file: only hashed here
  runbooks_dir                  = "../../../remediations"
  state_machine_definition_path = "../../../statemachine/remediation.asl.json"
  alarm_name_prefix             = "autoremediate-"
}

run "the_backstop_watches_this_state_machine_and_publishes_to_the_topic" {
  command = apply

  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.backstop.event_pattern).detail.stateMachineArn == [aws_sfn_state_machine.remediation.arn]
    error_message = "The backstop rule does not watch exactly this module's state machine."
  }
  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.backstop.event_pattern).source == ["aws.states"] && jsondecode(aws_cloudwatch_event_rule.backstop.event_pattern)["detail-type"] == ["Step Functions Execution Status Change"]
    error_message = "The backstop rule does not select Step Functions execution status changes."
  }
  assert {
    condition = contains(jsondecode(aws_cloudwatch_event_rule.backstop.event_pattern).detail["$or"], {
      status = ["FAILED"], error = [{ "anything-but" = ["Remediation.Escalated"] }]
    })
    error_message = "FAILED executions are not matched with Remediation.Escalated excluded."
  }
  assert {
    condition     = aws_cloudwatch_event_target.backstop.arn == aws_sns_topic.escalation.arn
    error_message = "The backstop's target is not the escalation topic."
  }
  assert {
    condition     = aws_cloudwatch_event_target.backstop.dead_letter_config[0].arn == aws_sqs_queue.backstop_dead_letter.arn
    error_message = "Undeliverable backstop notices do not go to the dead-letter queue."
  }
  assert {
    condition     = strcontains(aws_cloudwatch_event_target.backstop.input_transformer[0].input_template, "https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/v2/executions/details/<executionArn>")
    error_message = "The backstop message does not link to the execution in the console."
  }
  assert {
    condition     = aws_sns_topic.escalation.kms_master_key_id == aws_kms_key.escalation_topic[0].arn
    error_message = "The topic is not encrypted with the module's customer managed key."
  }
  assert {
    condition     = aws_kms_key.escalation_topic[0].enable_key_rotation
    error_message = "The topic key must rotate."
  }
  assert {
    condition     = aws_kms_key.escalation_topic[0].policy == data.aws_iam_policy_document.escalation_topic_key.json
    error_message = "The topic key does not carry its key policy."
  }
  assert {
    condition = anytrue([for statement in data.aws_iam_policy_document.escalation_topic_key.statement :
      statement.sid == "EventBridgePublishesBackstop"
      && toset(statement.actions) == toset(["kms:GenerateDataKey", "kms:Decrypt"])
      && anytrue([for principal in statement.principals : principal.type == "Service" && contains(principal.identifiers, "events.amazonaws.com")])
    ])
    error_message = "The key policy does not let EventBridge publish to the encrypted topic."
  }
  assert {
    condition     = aws_sns_topic_policy.escalation.arn == aws_sns_topic.escalation.arn && aws_sns_topic_policy.escalation.policy == data.aws_iam_policy_document.escalation_topic.json
    error_message = "The topic does not carry its topic policy."
  }
  assert {
    condition = anytrue([for statement in data.aws_iam_policy_document.escalation_topic.statement :
      toset(statement.actions) == toset(["sns:Publish"])
      && anytrue([for principal in statement.principals : principal.type == "Service" && contains(principal.identifiers, "events.amazonaws.com")])
      && anytrue([for condition in statement.condition : condition.test == "ArnEquals" && condition.variable == "aws:SourceArn" && toset(condition.values) == toset([aws_cloudwatch_event_rule.backstop.arn])])
    ])
    error_message = "The topic policy does not limit EventBridge to the backstop rule (aws:SourceArn)."
  }
  assert {
    condition = alltrue([for statement in data.aws_iam_policy_document.escalation_topic.statement :
      length(statement.condition) > 0 if anytrue([for principal in statement.principals : principal.type == "Service"])
    ])
    error_message = "A service may publish to the topic without a SourceArn condition."
  }
  assert {
    condition = anytrue([for statement in data.aws_iam_policy_document.notify.statement :
      statement.sid == "EncryptEscalations" && statement.resources == toset([aws_kms_key.escalation_topic[0].arn])
    ])
    error_message = "The Notify role may not use the topic's key, so its publish would fail."
  }
  assert {
    condition = anytrue([for statement in data.aws_iam_policy_document.backstop_dead_letter.statement :
      anytrue([for condition in statement.condition : condition.variable == "aws:SourceArn" && toset(condition.values) == toset([aws_cloudwatch_event_rule.backstop.arn])])
    ])
    error_message = "The dead-letter queue accepts messages from more than the backstop rule."
  }
}

run "a_key_of_ones_own_replaces_the_modules_key" {
  command = plan

  variables {
    escalation_topic_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/99999999-8888-7777-6666-555555555555"
  }

  assert {
    condition     = length(aws_kms_key.escalation_topic) == 0 && length(aws_kms_alias.escalation_topic) == 0
    error_message = "With a key given, the module must not create one."
  }
  assert {
    condition     = aws_sns_topic.escalation.kms_master_key_id == "arn:aws:kms:eu-west-1:123456789012:key/99999999-8888-7777-6666-555555555555"
    error_message = "The topic does not use the given key."
  }
}

run "an_alias_is_refused_as_the_topic_key" {
  command = plan

  variables {
    escalation_topic_kms_key_arn = "alias/aws/sns"
  }

  expect_failures = [var.escalation_topic_kms_key_arn]
}
