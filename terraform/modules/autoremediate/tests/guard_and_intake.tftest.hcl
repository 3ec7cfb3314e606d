# Offline: `terraform init -plugin-dir=...` (or with registry access), then `terraform test` in
# modules/autoremediate. A mocked AWS provider plans and "applies" the whole module without an account, so
# Terraform itself checks what deploy-checks can only read: no dependency cycle between the state machine and
# the guard, the definition renders with every placeholder, the built state machine ARN agrees with the
# resource's, and the functions get the environment the code reads.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  lambda_jar_path               = "../../../statemachine/remediation.asl.json" # any file: only hashed here
  runbooks_dir                  = "../../../remediations"
  state_machine_definition_path = "../../../statemachine/remediation.asl.json"
  alarm_name_prefix             = "autoremediate-"
}

run "guard_lists_the_state_machine_it_is_a_step_of" {
  command = apply

  assert {
    condition     = aws_lambda_function.this["guard"].environment[0].variables.STATE_MACHINE_ARN == aws_sfn_state_machine.remediation.arn
    error_message = "The guard's STATE_MACHINE_ARN is not the state machine's ARN."
  }
  assert {
    condition     = aws_lambda_function.this["guard"].handler == "io.autoremediate.functions.handlers.GuardHandler::handleRequest"
    error_message = "The guard's handler is wrong."
  }
  assert {
    condition     = aws_lambda_function.this["guard"].function_name == "autoremediate-guard"
    error_message = "The guard's function name differs from the local runtime's."
  }
  assert {
    condition     = aws_lambda_alias.live["guard"].arn == local.state_machine_placeholders.GuardFunctionArn
    error_message = "GuardFunctionArn is not the guard's live alias."
  }
  assert {
    condition     = !strcontains(aws_sfn_state_machine.remediation.definition, "$${")
    error_message = "The rendered definition still holds a placeholder."
  }
  assert {
    condition     = !contains(keys(aws_lambda_function.intake.environment[0].variables), "REMEDIATION_SETTINGS")
    error_message = "Without overrides the intake must not get REMEDIATION_SETTINGS."
  }
}

run "intake_gets_the_settings_as_json" {
  command = plan

  variables {
    remediation_settings = { maxAttempts = 2, dryRun = true }
  }

  assert {
    condition     = jsondecode(aws_lambda_function.intake.environment[0].variables.REMEDIATION_SETTINGS) == { maxAttempts = 2, dryRun = true }
    error_message = "REMEDIATION_SETTINGS is not the JSON of remediation_settings."
  }
}

run "a_misspelt_setting_is_refused" {
  command = plan

  variables {
    remediation_settings = { maxAttempt = 2 }
  }

  expect_failures = [var.remediation_settings]
}

run "a_quoted_number_is_refused" {
  command = plan

  variables {
    remediation_settings = { maxAttempts = "2" }
  }

  expect_failures = [var.remediation_settings]
}

run "waits_that_could_outlive_the_execution_are_refused" {
  command = plan

  variables {
    remediation_settings = { approvalTimeoutSeconds = 80000 }
  }

  expect_failures = [var.remediation_settings]
}

run "a_long_approval_window_fits_when_the_rest_is_short" {
  command = plan

  variables {
    remediation_settings = { approvalTimeoutSeconds = 72000, maxGuardWaits = 0 }
  }
}
