output "instance_profile_name" {
  description = "Instance profile to attach to monitored instances."
  value       = aws_iam_instance_profile.this.name
}

output "role_arn" {
  description = "ARN of the instances' role."
  value       = aws_iam_role.this.arn
}

output "policy_json" {
  description = "The inline policy, for those who attach it to a role of their own instead."
  value       = data.aws_iam_policy_document.instance.json
}
