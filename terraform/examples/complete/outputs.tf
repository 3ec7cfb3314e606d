output "instance_id" {
  description = "The sample instance; its id is the alarm's InstanceId dimension."
  value       = aws_instance.webapp.id
}

output "instance_public_ip" {
  description = "Public address for ssh and the Ansible inventory."
  value       = aws_instance.webapp.public_ip
}

output "bucket_name" {
  description = "Bucket of runbooks and command output."
  value       = module.autoremediate.bucket_name
}

output "state_machine_console_url" {
  description = "Executions in the Step Functions console."
  value       = module.autoremediate.state_machine_console_url
}

output "escalation_topic_arn" {
  description = "Escalation topic."
  value       = module.autoremediate.escalation_topic_arn
}

output "backstop_rule_name" {
  description = "Rule that tells the escalation topic about executions that ended without a confirmed escalation."
  value       = module.autoremediate.backstop_rule_name
}

output "backstop_dead_letter_queue_url" {
  description = "Backstop notices that could not be published; anything here is a lost notice."
  value       = module.autoremediate.backstop_dead_letter_queue_url
}
