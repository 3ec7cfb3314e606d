# Inputs of the autoremediate module. Every input is documented here and in ../../README.md.

variable "name_prefix" {
  description = "Prefix of every resource name (functions, roles, state machine, rule, topic). The default gives the function names the local runtime uses: autoremediate-resolve-script, ..."
  type        = string
  default     = "autoremediate"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.name_prefix))
    error_message = "name_prefix must be 2-31 characters of lower-case letters, digits and '-', starting with a letter."
  }
}

variable "lambda_jar_path" {
  description = "Path to the shaded jar built by `mvn -pl functions -am package`: functions/target/autoremediate-functions-0.1.0-SNAPSHOT-lambda.jar. One jar serves every function."
  type        = string
}

variable "runbooks_dir" {
  description = "Folder whose *.sh files are uploaded as runbooks (the repository's remediations/). Each object's etag is the file's MD5, so a changed runbook is uploaded again."
  type        = string
}

variable "state_machine_definition_path" {
  description = "Path to statemachine/remediation.asl.json. Its $${...} placeholders are filled with the functions' alias ARNs by templatefile."
  type        = string
}

variable "bucket_name" {
  description = "Name of the S3 bucket for runbooks and command output. Null: a name is generated from name_prefix."
  type        = string
  default     = null
}

variable "bucket_force_destroy" {
  description = "Let `terraform destroy` delete the bucket with its objects and versions. Keep false where command output is evidence."
  type        = bool
  default     = false
}

variable "runbook_allowed_sha256" {
  description = "SHA-256 hashes (hex) of the only runbooks allowed to run. Empty: every runbook under the prefix may run. A runbook whose content is not on the list is escalated instead of run, so a changed runbook runs only once its new hash is approved here."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for hash in var.runbook_allowed_sha256 : can(regex("^[0-9a-f]{64}$", hash))])
    error_message = "Each entry of runbook_allowed_sha256 must be a lowercase hex SHA-256 hash (64 characters), e.g. from sha256sum."
  }
}

variable "runbook_prefix" {
  description = "Key prefix of runbooks in the bucket, ending in '/'. Read-only to the functions."
  type        = string
  default     = "runbooks/"

  validation {
    condition     = can(regex("^[A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*/$", var.runbook_prefix))
    error_message = "runbook_prefix must be a non-empty key prefix ending in '/'."
  }
}

variable "output_prefix" {
  description = "Key prefix under which SSM Run Command writes command output (stdout, stderr) for every runbook run, ending in '/'."
  type        = string
  default     = "command-output/"

  validation {
    condition     = can(regex("^[A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*/$", var.output_prefix))
    error_message = "output_prefix must be a non-empty key prefix ending in '/'."
  }
}

variable "command_output_expiration_days" {
  description = "Days after which command output objects (and their noncurrent versions) expire."
  type        = number
  default     = 90

  validation {
    condition     = var.command_output_expiration_days >= 1
    error_message = "command_output_expiration_days must be at least 1."
  }
}

variable "kms_key_arn" {
  description = "ARN of a customer managed KMS key for the bucket's default encryption (SSE-KMS). Null: SSE-S3 (AES256). With a key, the functions and the instance policy get the KMS rights they need on exactly this key."
  type        = string
  default     = null
}

variable "functions" {
  description = "Per-function overrides of memory (MB) and timeout (s). Keys: resolve_script, send_command, poll_command, check_alarm, guard, notify, intake. Unset values keep the defaults (512 MB; 30 s, guard and notify 60 s)."
  type = map(object({
    memory_size = optional(number)
    timeout     = optional(number)
  }))
  default = {}

  validation {
    condition     = alltrue([for key in keys(var.functions) : contains(["resolve_script", "send_command", "poll_command", "check_alarm", "guard", "notify", "intake"], key)])
    error_message = "functions keys must be among resolve_script, send_command, poll_command, check_alarm, guard, notify, intake."
  }
}

# `any`, not an object type: converting to an object type silently drops attributes it does not declare, so
# a misspelt setting would vanish instead of failing. The checks below mirror RemediationSettings (functions/),
# which the intake applies again at cold start; deploy-checks keeps the two and README's table in step.
variable "remediation_settings" {
  description = "Overrides of the state machine's settings, passed to the intake as REMEDIATION_SETTINGS (JSON) and from there into every execution's input. An object; every key is optional: maxAttempts (3), pauseBetweenAttemptsSeconds (60), commandTimeoutSeconds (600), pollIntervalSeconds (5), maxPolls (150), recoveryCheckIntervalSeconds (30), maxRecoveryChecks (6), guardWaitSeconds (30), maxGuardWaits (40), maxIncidentsPerWindow (3), flappingWindowSeconds (3600), approvalTimeoutSeconds (3600) are whole numbers; dryRun (false) is a bool. Empty: the defaults in the definition's Prepare state."
  type        = any
  default     = {}
  nullable    = false

  validation {
    condition = try(alltrue([for name in keys(var.remediation_settings) : contains([
      "maxAttempts", "pauseBetweenAttemptsSeconds", "commandTimeoutSeconds", "pollIntervalSeconds", "maxPolls",
      "recoveryCheckIntervalSeconds", "maxRecoveryChecks", "guardWaitSeconds", "maxGuardWaits",
      "maxIncidentsPerWindow", "flappingWindowSeconds", "approvalTimeoutSeconds", "dryRun",
    ], name)]), false)
    error_message = "remediation_settings must be an object whose keys are among maxAttempts, pauseBetweenAttemptsSeconds, commandTimeoutSeconds, pollIntervalSeconds, maxPolls, recoveryCheckIntervalSeconds, maxRecoveryChecks, guardWaitSeconds, maxGuardWaits, maxIncidentsPerWindow, flappingWindowSeconds, approvalTimeoutSeconds, dryRun (names are case-sensitive)."
  }

  validation {
    # A number, not a string of digits (jsonencode tells them apart), whole, from the least value to a year.
    condition = try(alltrue([for name, value in var.remediation_settings : (
      jsonencode(value) == format("%d", floor(value))
      && floor(value) >= lookup({
        maxAttempts                  = 1
        pauseBetweenAttemptsSeconds  = 0
        commandTimeoutSeconds        = 1
        pollIntervalSeconds          = 1
        maxPolls                     = 1
        recoveryCheckIntervalSeconds = 0
        maxRecoveryChecks            = 1
        guardWaitSeconds             = 1
        maxGuardWaits                = 0
        maxIncidentsPerWindow        = 1
        flappingWindowSeconds        = 1
        approvalTimeoutSeconds       = 1
      }, name, 1)
      && floor(value) <= 31536000
    ) if name != "dryRun"]), false)
    error_message = "remediation_settings: every setting but dryRun must be a whole number (not a quoted string) of at most 31536000; pauseBetweenAttemptsSeconds, recoveryCheckIntervalSeconds and maxGuardWaits may be 0, the others must be at least 1."
  }

  validation {
    # The same budget the intake checks (WaitBudget in functions/): an execution that reaches the definition's
    # TimeoutSeconds (86400) ends TIMED_OUT and nobody is told, so its waits must leave an hour to escalate.
    condition = try((
      lookup(var.remediation_settings, "maxGuardWaits", 40) * lookup(var.remediation_settings, "guardWaitSeconds", 30)
      + lookup(var.remediation_settings, "approvalTimeoutSeconds", 3600)
      + lookup(var.remediation_settings, "maxAttempts", 3) * (
        lookup(var.remediation_settings, "maxPolls", 150) * lookup(var.remediation_settings, "pollIntervalSeconds", 5)
        + lookup(var.remediation_settings, "maxRecoveryChecks", 6) * lookup(var.remediation_settings, "recoveryCheckIntervalSeconds", 30)
      )
      + (lookup(var.remediation_settings, "maxAttempts", 3) - 1) * lookup(var.remediation_settings, "pauseBetweenAttemptsSeconds", 60)
    ) <= 82800, true)
    error_message = "remediation_settings: the waits they allow (maxGuardWaits x guardWaitSeconds + approvalTimeoutSeconds + maxAttempts x (maxPolls x pollIntervalSeconds + maxRecoveryChecks x recoveryCheckIntervalSeconds) + (maxAttempts - 1) x pauseBetweenAttemptsSeconds) must stay within 82800 s, so that an execution escalates before its 86400 s timeout."
  }

  validation {
    condition     = try(var.remediation_settings.dryRun == true || var.remediation_settings.dryRun == false, true)
    error_message = "remediation_settings.dryRun must be true or false (not a quoted string)."
  }
}

variable "log_retention_days" {
  description = "Retention of the functions' and the state machine's CloudWatch log groups, in days (one of the values CloudWatch Logs accepts)."
  type        = number
  default     = 30
}

variable "logs_kms_key_arn" {
  description = "ARN of a KMS key to encrypt the log groups. Null: CloudWatch Logs' default encryption. The key policy must allow the logs service principal of the region."
  type        = string
  default     = null
}

variable "state_machine_log_level" {
  description = "Step Functions logging level: ALL, ERROR, FATAL or OFF."
  type        = string
  default     = "ERROR"

  validation {
    condition     = contains(["ALL", "ERROR", "FATAL", "OFF"], var.state_machine_log_level)
    error_message = "state_machine_log_level must be ALL, ERROR, FATAL or OFF."
  }
}

variable "state_machine_log_execution_data" {
  description = "Include execution input and output in the state machine's logs. The input holds alarm details and command output tails; leave false unless you need them in the logs."
  type        = bool
  default     = false
}

variable "alarm_name_prefix" {
  description = "Opt-in by name: alarms whose name starts with this prefix start a remediation when they go to ALARM. Null or empty: no opt-in by name. At least one of alarm_name_prefix and alarm_arns must be set."
  type        = string
  default     = null
}

variable "alarm_arns" {
  description = "Opt-in by ARN: these alarms start a remediation when they go to ALARM. The example alarm, when created, is always opted in."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.alarm_arns : can(regex("^arn:aws[a-z-]*:cloudwatch:[a-z0-9-]+:[0-9]{12}:alarm:.+$", arn))])
    error_message = "alarm_arns must be CloudWatch alarm ARNs (arn:aws:cloudwatch:REGION:ACCOUNT:alarm:NAME)."
  }
}

variable "target_tag_key" {
  description = "Tag key an instance must carry for the functions to run runbooks on it (SSM SendCommand is allowed only on instances tagged target_tag_key = target_tag_value)."
  type        = string
  default     = "autoremediate"
}

variable "target_tag_value" {
  description = "Tag value that goes with target_tag_key."
  type        = string
  default     = "enabled"
}

variable "escalation_email" {
  description = "E-mail address subscribed to the escalation SNS topic. Null: no subscription (subscribe chat bots or paging tools yourself). The address must confirm the subscription."
  type        = string
  default     = null
}

variable "escalation_topic_kms_key_arn" {
  description = "ARN of your own customer managed KMS key for the escalation topic. Null: the module creates one (rotation on) whose policy lets EventBridge publish backstop notices. Your key's policy must grant events.amazonaws.com kms:GenerateDataKey and kms:Decrypt (the AWS managed alias/aws/sns cannot: EventBridge could not publish to the topic), and let IAM policies of the account grant them to the Notify role."
  type        = string
  default     = null

  validation {
    condition     = var.escalation_topic_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.escalation_topic_kms_key_arn))
    error_message = "escalation_topic_kms_key_arn must be a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID), not an alias: the Notify role's policy names the key."
  }
}

variable "secret_store" {
  description = "Where the channel secrets are kept: \"secretsmanager\" (Secrets Manager secrets) or \"ssm\" (SSM Parameter Store SecureString parameters). The functions get the secret's NAME, never its value."
  type        = string
  default     = "secretsmanager"

  validation {
    condition     = contains(["secretsmanager", "ssm"], var.secret_store)
    error_message = "secret_store must be \"secretsmanager\" or \"ssm\"."
  }
}

variable "slack_webhook_secret_name" {
  description = "Name of the secret (or SecureString parameter) holding the Slack incoming-webhook URL. Null: no Slack channel."
  type        = string
  default     = null
}

variable "pagerduty_routing_key_secret_name" {
  description = "Name of the secret (or SecureString parameter) holding the PagerDuty Events API v2 routing key. Null: no PagerDuty channel."
  type        = string
  default     = null
}

variable "itsm_webhook_url" {
  description = "URL of the ITSM webhook that receives escalations as JSON. Null: no ITSM channel."
  type        = string
  default     = null
}

variable "itsm_token_secret_name" {
  description = "Name of the secret (or SecureString parameter) holding the bearer token sent to the ITSM webhook. Null: no token is sent."
  type        = string
  default     = null
}

variable "secrets_kms_key_arn" {
  description = "ARN of the customer managed KMS key that encrypts the channel secrets, if any. Null: the AWS managed key of the secret store, which needs no extra grant."
  type        = string
  default     = null
}

variable "example_alarm_instance_id" {
  description = "Instance id for the example alarm webapp-uptime (metric webapp-uptime in CustomNamespace, below 1). Null: no example alarm."
  type        = string
  default     = null

  validation {
    condition     = var.example_alarm_instance_id == null || can(regex("^(i-([0-9a-f]{8}|[0-9a-f]{17})|mi-[0-9a-f]{17})$", var.example_alarm_instance_id))
    error_message = "example_alarm_instance_id must be an EC2 (i-...) or managed (mi-...) instance id."
  }
}

variable "example_alarm_name" {
  description = "Name of the example alarm. The runbook webapp-uptime#CustomNamespace.sh matches it by metric, whatever its name."
  type        = string
  default     = "webapp-uptime"
}

variable "example_alarm_namespace" {
  description = "Metric namespace of the example alarm; the monitoring playbook publishes there."
  type        = string
  default     = "CustomNamespace"
}

variable "example_alarm_period_seconds" {
  description = "Period of the example alarm in seconds (60 or a multiple; the instance publishes once a minute)."
  type        = number
  default     = 60
}

variable "example_alarm_evaluation_periods" {
  description = "Consecutive breaching periods (N of N) before the example alarm goes to ALARM. Missing data counts as breaching."
  type        = number
  default     = 2
}

variable "tags" {
  description = "Tags added to every resource that takes tags."
  type        = map(string)
  default     = {}
}
