package io.autoremediate.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.deploychecks.hcl.HclBlock;
import io.autoremediate.deploychecks.hcl.HclExpression;
import io.autoremediate.deploychecks.hcl.HclReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The backstop (backstop.tf): its pattern, as terraform renders it for this module's state machine (and as the Java
 * HCL reader reads it where terraform is absent), judged by AWS's event-ruler, takes the endings that told nobody
 * and leaves the rest. The fixtures are Step Functions "Execution Status Change" events
 * in the shape of the Step Functions developer guide's examples (cw-events.html), with the detail fields of
 * DescribeExecution, for an execution of this state machine (or of another one).
 */
class BackstopPatternTest {

    private static final List<String> TOLD_NOBODY = List.of(
            "sfn-timed-out", // reached the definition's 86400 s TimeoutSeconds before escalating
            "sfn-aborted", // somebody stopped it
            "sfn-failed-runtime", // a bug: States.Runtime
            "sfn-failed-escalation-undelivered", // no channel took the escalation
            "sfn-failed-without-error", // error null: in doubt, tell
            "sfn-failed-error-absent"); // no error field at all: in doubt, tell
    private static final List<String> LEFT_ALONE = List.of(
            "sfn-succeeded",
            "sfn-running",
            "sfn-failed-escalated", // people were told before the execution failed
            "sfn-other-machine-timed-out",
            "sfn-other-machine-failed");

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("toldNobody")
    void anEndingThatToldNobodyIsSent(PatternSource source, String fixture) throws IOException {
        assertThat(source.backstopPattern().matches(HclJson.recordedEvent(fixture))).as(fixture).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("leftAlone")
    void everyOtherStatusChangeIsLeftAlone(PatternSource source, String fixture) throws IOException {
        assertThat(source.backstopPattern().matches(HclJson.recordedEvent(fixture))).as(fixture).isFalse();
    }

    /** Where terraform runs, the Java HCL reader's pattern is terraform's, so it can stand in where it does not. */
    @Test
    void theHclReaderReadsThePatternAsTerraformRendersIt() throws IOException {
        PatternSource.assumeTerraform();
        assertThat(HclPatterns.backstopPattern(TerraformRendering.STATE_MACHINE_ARN)).isEqualTo(HclJson.JSON.readTree(
                TerraformRendering.pattern(TerraformRendering.CASES.get(0), TerraformRendering.BACKSTOP_RULE)));
    }

    static Stream<Arguments> toldNobody() {
        return everySource(TOLD_NOBODY);
    }

    static Stream<Arguments> leftAlone() {
        return everySource(LEFT_ALONE);
    }

    private static Stream<Arguments> everySource(List<String> fixtures) {
        return Stream.of(PatternSource.values())
                .flatMap(source -> fixtures.stream().map(fixture -> Arguments.of(source, fixture)));
    }

    @Test
    void theExcludedErrorIsTheOneTheEscalatedStateEndsWith() throws IOException {
        JsonNode definition = HclJson.JSON.readTree(
                Files.readString(Repository.resolve("statemachine/remediation.asl.json")));
        JsonNode escalated = definition.path("States").path("Escalated");
        assertThat(escalated.path("Type").asText()).isEqualTo("Fail");
        assertThat(Modules.AUTOREMEDIATE.local("escalated_error").asString())
                .isEqualTo(escalated.path("Error").asText());
        // Every other way the definition can fail reaches the backstop: its Fail states other than Escalated.
        definition.path("States").properties().forEach(state -> {
            if (state.getValue().path("Type").asText().equals("Fail") && !state.getKey().equals("Escalated")) {
                assertThat(state.getValue().path("Error").asText()).isNotEqualTo(escalated.path("Error").asText());
            }
        });
    }

    @Test
    void theRuleUsesThisPatternAndPublishesToTheEscalationTopic() {
        HclBlock rule = Modules.AUTOREMEDIATE.resource("aws_cloudwatch_event_rule", "backstop");
        assertThat(rule.required("event_pattern").source()).isEqualTo("local.backstop_event_pattern");
        HclBlock target = Modules.AUTOREMEDIATE.resource("aws_cloudwatch_event_target", "backstop");
        assertThat(target.required("rule").source()).isEqualTo("aws_cloudwatch_event_rule.backstop.name");
        assertThat(target.required("arn").source()).isEqualTo("aws_sns_topic.escalation.arn");
        assertThat(target.blocks("dead_letter_config").get(0).required("arn").source())
                .isEqualTo("aws_sqs_queue.backstop_dead_letter.arn");
    }

    @Test
    void theMessageUsesOnlyExtractedValuesThatExistAndHoldNoQuotes() {
        HclBlock transformer = Modules.AUTOREMEDIATE.resource("aws_cloudwatch_event_target", "backstop")
                .blocks("input_transformer").get(0);
        Map<String, HclExpression> paths = transformer.required("input_paths").asObject().items();
        String template = ((HclExpression.Template) transformer.required("input_template")).template();
        Set<String> placeholders = new TreeSet<>();
        Matcher placeholder = Pattern.compile("<([A-Za-z]+)>").matcher(template);
        while (placeholder.find()) {
            placeholders.add(placeholder.group(1));
        }
        assertThat(placeholders).isEqualTo(paths.keySet());
        // EventBridge inserts values unescaped: the cause (often JSON) must not go inside the quoted message.
        assertThat(paths.values()).extracting(HclExpression::asString)
                .containsExactlyInAnyOrder("$.detail.name", "$.detail.status", "$.detail.error",
                        "$.detail.executionArn");
        assertThat(template).startsWith("\"[autoremediate] BACKSTOP: execution <name> ended <status> (<error>)")
                .endsWith("${local.execution_console_url}<executionArn>\"");
        assertThat(Modules.AUTOREMEDIATE.local("execution_console_url").source()).isEqualTo(
                "\"https://${local.region}.console.aws.amazon.com/states/home?region=${local.region}"
                        + "#/v2/executions/details/\"");
    }

    @Test
    void onlyTheBackstopRuleMayPublishFromOutsideTheAccountOrDeadLetter() {
        for (String document : new String[] {"escalation_topic", "backstop_dead_letter"}) {
            for (HclBlock statement : Modules.AUTOREMEDIATE.data("aws_iam_policy_document", document)
                    .blocks("statement")) {
                HclBlock principals = statement.blocks("principals").get(0);
                if (principals.required("type").asString().equals("Service")) {
                    assertThat(principals.required("identifiers").asStrings()).containsExactly("events.amazonaws.com");
                    HclBlock condition = statement.blocks("condition").get(0);
                    assertThat(condition.required("test").asString()).isEqualTo("ArnEquals");
                    assertThat(condition.required("variable").asString()).isEqualTo("aws:SourceArn");
                    assertThat(condition.required("values").source())
                            .isEqualTo("[aws_cloudwatch_event_rule.backstop.arn]");
                } else {
                    assertThat(principals.required("identifiers").source()).isEqualTo("[local.account_root_arn]");
                }
            }
        }
        assertThat(Modules.AUTOREMEDIATE.resource("aws_sns_topic_policy", "escalation").required("policy").source())
                .isEqualTo("data.aws_iam_policy_document.escalation_topic.json");
        assertThat(Modules.AUTOREMEDIATE.resource("aws_sqs_queue_policy", "backstop_dead_letter")
                .required("policy").source()).isEqualTo("data.aws_iam_policy_document.backstop_dead_letter.json");
    }
}
