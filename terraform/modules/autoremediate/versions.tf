terraform {
  # 1.5: check blocks and the optional() defaults used by var.functions.
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.31: logging_config on aws_lambda_function (the function's own log group).
      version = ">= 5.31.0, < 7.0.0"
    }
  }
}
