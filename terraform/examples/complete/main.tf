# The whole system plus one sample instance to heal: terraform apply, then run ../../../ansible/playbook.yaml
# against the instance, then stop the web app and watch it come back (see ../../README.md).

locals {
  repository_root = "${path.module}/../../.."
}

module "autoremediate" {
  source = "../../modules/autoremediate"

  name_prefix                   = var.name_prefix
  lambda_jar_path               = "${local.repository_root}/functions/target/autoremediate-functions-0.1.0-SNAPSHOT-lambda.jar"
  runbooks_dir                  = "${local.repository_root}/remediations"
  state_machine_definition_path = "${local.repository_root}/statemachine/remediation.asl.json"

  alarm_name_prefix         = "autoremediate-"
  example_alarm_instance_id = aws_instance.webapp.id
  escalation_email          = var.escalation_email

  slack_webhook_secret_name         = var.slack_webhook_secret_name
  pagerduty_routing_key_secret_name = var.pagerduty_routing_key_secret_name

  tags = { project = "autoremediate-example" }
}

module "instance_profile" {
  source = "../../modules/instance-profile"

  name             = "${var.name_prefix}-webapp-instance"
  bucket_arn       = module.autoremediate.bucket_arn
  output_prefix    = module.autoremediate.output_prefix
  metric_namespace = "CustomNamespace"
}

data "aws_ssm_parameter" "al2023_arm64" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64"
}

data "aws_vpc" "default" {
  default = true
}

resource "aws_security_group" "webapp" {
  name        = "${var.name_prefix}-webapp"
  description = "Sample web app: ssh and http from one CIDR"
  vpc_id      = data.aws_vpc.default.id

  dynamic "ingress" {
    for_each = var.ssh_cidr == null ? [] : [22, 80]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = [var.ssh_cidr]
    }
  }

  egress {
    description = "SSM, CloudWatch, S3 and package repositories over HTTPS; dnf mirrors over HTTP"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "webapp" {
  ami                    = data.aws_ssm_parameter.al2023_arm64.value
  instance_type          = var.instance_type
  key_name               = var.ssh_key_name
  iam_instance_profile   = module.instance_profile.instance_profile_name
  vpc_security_group_ids = [aws_security_group.webapp.id]

  metadata_options {
    http_tokens                 = "required" # IMDSv2 only; the check script asks for a token first
    http_put_response_hop_limit = 1
  }

  tags = {
    Name          = "${var.name_prefix}-webapp"
    autoremediate = "enabled" # the module's default target tag: runbooks may run here
  }
}
