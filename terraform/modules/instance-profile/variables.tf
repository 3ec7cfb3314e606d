# Inputs of the instance-profile module: what a monitored instance needs.

variable "name" {
  description = "Name of the role and instance profile."
  type        = string
  default     = "autoremediate-instance"
}

variable "bucket_arn" {
  description = "ARN of the autoremediate bucket (output bucket_arn of the autoremediate module)."
  type        = string
}

variable "output_prefix" {
  description = "Key prefix for command output (output output_prefix of the autoremediate module). The SSM agent uploads runbook output there."
  type        = string
  default     = "command-output/"
}

variable "metric_namespace" {
  description = "The only CloudWatch namespace the instance may publish metrics to."
  type        = string
  default     = "CustomNamespace"
}

variable "kms_key_arn" {
  description = "The bucket's KMS key, if it uses SSE-KMS (the kms_key_arn given to the autoremediate module). Null: SSE-S3."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags added to the role and the instance profile."
  type        = map(string)
  default     = {}
}
