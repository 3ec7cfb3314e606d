data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  account   = data.aws_caller_identity.current.account_id
  region    = data.aws_region.current.name
  partition = data.aws_partition.current.partition

  handler_package = "io.autoremediate.functions.handlers."

  # The state machine's six steps and the intake. `placeholder` is the name of the ASL placeholder the
  # step's alias ARN fills (null for the intake, which EventBridge calls, not the state machine).
  # The guard's 60 s outlast SfnExecutionLedger's 30 s paging budget, so a storm ends in its named refusal
  # (retried by the state machine) rather than in a Lambda timeout.
  function_defaults = {
    resolve_script = { suffix = "resolve-script", handler = "ResolveScriptHandler", placeholder = "ResolveScriptFunctionArn", memory_size = 512, timeout = 30 }
    send_command   = { suffix = "send-command", handler = "SendCommandHandler", placeholder = "SendCommandFunctionArn", memory_size = 512, timeout = 30 }
    poll_command   = { suffix = "poll-command", handler = "PollCommandHandler", placeholder = "PollCommandFunctionArn", memory_size = 512, timeout = 30 }
    check_alarm    = { suffix = "check-alarm", handler = "CheckAlarmHandler", placeholder = "CheckAlarmFunctionArn", memory_size = 512, timeout = 30 }
    guard          = { suffix = "guard", handler = "GuardHandler", placeholder = "GuardFunctionArn", memory_size = 512, timeout = 60 }
    notify         = { suffix = "notify", handler = "NotifyHandler", placeholder = "NotifyFunctionArn", memory_size = 512, timeout = 60 }
    intake         = { suffix = "intake", handler = "IntakeHandler", placeholder = null, memory_size = 512, timeout = 30 }
  }

  functions = {
    for key, fn in local.function_defaults : key => {
      name        = "${var.name_prefix}-${fn.suffix}"
      handler     = "${local.handler_package}${fn.handler}::handleRequest"
      placeholder = fn.placeholder
      memory_size = coalesce(try(var.functions[key].memory_size, null), fn.memory_size)
      timeout     = coalesce(try(var.functions[key].timeout, null), fn.timeout)
    }
  }

  # The intake is kept apart from the six steps: its environment and policy name the state machine resource,
  # whose definition names the steps' aliases. In one for_each the dependency would be a cycle.
  steps = { for key, fn in local.functions : key => fn if key != "intake" }

  # The guard is a step (the definition names its alias) and also reads the state machine's executions. Its
  # environment and policy therefore use this ARN, built from the name, instead of the resource's arn
  # attribute, which would be a cycle. The state machine's postcondition checks that the two agree.
  state_machine_name = "${var.name_prefix}-remediation"
  state_machine_arn  = "arn:${local.partition}:states:${local.region}:${local.account}:stateMachine:${local.state_machine_name}"

  bucket_name = coalesce(var.bucket_name, "${var.name_prefix}-${local.account}-${local.region}")
  bucket_arn  = "arn:${local.partition}:s3:::${local.bucket_name}"

  common_tags = merge(var.tags, { "autoremediate:module" = "autoremediate" })
}
