package io.autoremediate.deploychecks;

import static io.autoremediate.deploychecks.TerraformRendering.WEBAPP_ALARM;
import static org.assertj.core.api.Assertions.assertThat;

import io.autoremediate.deploychecks.TerraformRendering.OptIns;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rule's pattern, as Terraform renders events.tf for given inputs (and as the Java HCL reader reads it where
 * terraform is absent), accepts a recorded change of an opted-in alarm into ALARM and rejects its other changes
 * and other alarms, judged by AWS's event-ruler.
 */
class EventPatternTest {

    @ParameterizedTest
    @EnumSource(PatternSource.class)
    void optedInByPrefixMatchesOnlyThatAlarmGoingToAlarm(PatternSource source) throws IOException {
        AwsEventPattern pattern = source.alarmPattern("webapp-", List.of());
        assertThat(pattern.matches(HclJson.recordedEvent("webapp-uptime-alarm"))).isTrue();
        assertThat(pattern.matches(HclJson.recordedEvent("webapp-uptime-ok"))).isFalse();
        assertThat(pattern.matches(HclJson.recordedEvent("webapp-uptime-insufficient-data"))).isFalse();
        assertThat(pattern.matches(HclJson.recordedEvent("server-cpu-too-high-alarm"))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PatternSource.class)
    void optedInByArnMatchesOnlyThatAlarmGoingToAlarm(PatternSource source) throws IOException {
        AwsEventPattern pattern = source.alarmPattern(null, List.of(WEBAPP_ALARM));
        assertThat(pattern.matches(HclJson.recordedEvent("webapp-uptime-alarm"))).isTrue();
        assertThat(pattern.matches(HclJson.recordedEvent("webapp-uptime-ok"))).isFalse();
        assertThat(pattern.matches(HclJson.recordedEvent("server-cpu-too-high-alarm"))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PatternSource.class)
    void prefixAndArnsTogetherMatchEitherButStillOnlyIntoAlarm(PatternSource source) throws IOException {
        AwsEventPattern pattern = source.alarmPattern("Server", List.of(WEBAPP_ALARM));
        assertThat(pattern.toString()).contains("\"$or\"");
        assertThat(pattern.matches(HclJson.recordedEvent("webapp-uptime-alarm"))).isTrue();
        assertThat(pattern.matches(HclJson.recordedEvent("server-cpu-too-high-alarm"))).isTrue();
        assertThat(pattern.matches(HclJson.recordedEvent("webapp-uptime-ok"))).isFalse();
        assertThat(source.alarmPattern(("autoremediate-"), List.of(WEBAPP_ALARM))
                .matches(HclJson.recordedEvent("server-cpu-too-high-alarm")))
                .isFalse();
    }

    /** Where terraform runs, the Java HCL reader's pattern is terraform's, so it can stand in where it does not. */
    @Test
    void theHclReaderReadsEachPatternAsTerraformRendersIt() throws IOException {
        PatternSource.assumeTerraform();
        for (OptIns optIns : TerraformRendering.CASES) {
            assertThat(HclPatterns.alarmPattern(optIns.alarmNamePrefix(), optIns.alarmArns()))
                    .as("%s", optIns)
                    .isEqualTo(HclJson.JSON.readTree(TerraformRendering.pattern(optIns, TerraformRendering.ALARM_RULE)));
        }
    }

    @Test
    void theRuleUsesThisPatternAndTargetsTheIntakeAlias() {
        var rule = Modules.AUTOREMEDIATE.resource("aws_cloudwatch_event_rule", "alarm_state_change");
        assertThat(rule.required("event_pattern").source()).isEqualTo("local.alarm_event_pattern");
        var target = Modules.AUTOREMEDIATE.resource("aws_cloudwatch_event_target", "intake");
        assertThat(target.required("arn").source()).isEqualTo("aws_lambda_alias.intake.arn");
        assertThat(Modules.AUTOREMEDIATE.local("opted_in_alarm_arns").source())
                .isEqualTo("concat(var.alarm_arns, aws_cloudwatch_metric_alarm.example[*].arn)");
    }
}
