package io.autoremediate.deploychecks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.autoremediate.deploychecks.TerraformRendering.OptIns;
import java.util.List;

/**
 * Where a pattern test gets the module's patterns: from terraform, which is the authority where it is installed,
 * or from the Java HCL reader, which runs everywhere (CI has no terraform) and is held to terraform's rendering
 * wherever both run.
 */
enum PatternSource {

    TERRAFORM {
        @Override
        AwsEventPattern alarmPattern(String prefix, List<String> alarmArns) {
            assumeTerraform();
            return new AwsEventPattern(TerraformRendering.pattern(new OptIns(prefix, alarmArns),
                    TerraformRendering.ALARM_RULE));
        }

        @Override
        AwsEventPattern backstopPattern() {
            assumeTerraform();
            return new AwsEventPattern(TerraformRendering.pattern(TerraformRendering.CASES.get(0),
                    TerraformRendering.BACKSTOP_RULE));
        }
    },

    HCL_READER {
        @Override
        AwsEventPattern alarmPattern(String prefix, List<String> alarmArns) {
            return AwsEventPattern.of(HclPatterns.alarmPattern(prefix, alarmArns));
        }

        @Override
        AwsEventPattern backstopPattern() {
            return AwsEventPattern.of(HclPatterns.backstopPattern(TerraformRendering.STATE_MACHINE_ARN));
        }
    };

    /** The pattern events.tf gives for {@code alarm_name_prefix} (null: unset) and the opted-in alarm ARNs. */
    abstract AwsEventPattern alarmPattern(String prefix, List<String> alarmArns);

    /** local.backstop_event_pattern for {@link TerraformRendering#STATE_MACHINE_ARN}. */
    abstract AwsEventPattern backstopPattern();

    /** Skips the calling test, with the reason, where terraform is not installed. */
    static void assumeTerraform() {
        TerraformRendering.unavailableBecause().ifPresent(reason -> assumeTrue(false, reason));
    }
}
