variable "region" {
  description = "AWS region to deploy to."
  type        = string
  default     = "us-east-1"
}

variable "name_prefix" {
  description = "Prefix of every resource name."
  type        = string
  default     = "autoremediate"
}

variable "escalation_email" {
  description = "E-mail address for escalations (confirm the subscription mail). Null: none."
  type        = string
  default     = null
}

variable "ssh_key_name" {
  description = "Existing EC2 key pair for ssh to the sample instance (the acceptance test). Null: no key; use SSM Session Manager."
  type        = string
  default     = null
}

variable "ssh_cidr" {
  description = "CIDR allowed to reach the sample instance on ports 22 and 80, e.g. your address/32. Null: no inbound access."
  type        = string
  default     = null
}

variable "instance_type" {
  description = "Instance type of the sample instance (arm64, to match the AMI)."
  type        = string
  default     = "t4g.micro"
}

variable "slack_webhook_secret_name" {
  description = "Secrets Manager secret holding the Slack webhook URL. Null: no Slack."
  type        = string
  default     = null
}

variable "pagerduty_routing_key_secret_name" {
  description = "Secrets Manager secret holding the PagerDuty routing key. Null: no PagerDuty."
  type        = string
  default     = null
}
