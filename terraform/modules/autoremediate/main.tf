data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  account   = data.aws_caller_identity.current.account_id
  region    = data.aws_region.current.name
  partition = data.aws_partition.current.partition

  handler_package = "io.autoremediate.functions.handlers."

  # The state machine's five steps and the intake. `placeholder` is the name of the ASL placeholder the
  # step's alias ARN fills (null for the intake, which EventBridge calls, not the state machine).
  function_defaults = {
    resolve_script = { suffix = "resolve-script", handler = "ResolveScriptHandler", placeholder = "ResolveScriptFunctionArn", memory_size = 512, timeout = 30 }
    send_command   = { suffix = "send-command", handler = "SendCommandHandler", placeholder = "SendCommandFunctionArn", memory_size = 512, timeout = 30 }
    poll_command   = { suffix = "poll-command", handler = "PollCommandHandler", placeholder = "PollCommandFunctionArn", memory_size = 512, timeout = 30 }
    check_alarm    = { suffix = "check-alarm", handler = "CheckAlarmHandler", placeholder = "CheckAlarmFunctionArn", memory_size = 512, timeout = 30 }
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

  # The intake is kept apart from the five steps: its environment and policy name the state machine, whose
  # definition names the steps' aliases. In one for_each the dependency would be a cycle.
  steps = { for key, fn in local.functions : key => fn if key != "intake" }

  bucket_name = coalesce(var.bucket_name, "${var.name_prefix}-${local.account}-${local.region}")
  bucket_arn  = "arn:${local.partition}:s3:::${local.bucket_name}"

  common_tags = merge(var.tags, { "autoremediate:module" = "autoremediate" })
}
