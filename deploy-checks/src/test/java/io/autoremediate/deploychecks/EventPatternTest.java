package io.autoremediate.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.deploychecks.hcl.HclExpression;
import io.autoremediate.deploychecks.hcl.HclReader;
import io.autoremediate.local.events.EventPattern;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rule's pattern, built from events.tf as Terraform would for given inputs, accepts a recorded change of an
 * opted-in alarm into ALARM and rejects its other changes and other alarms. The pattern's pieces (the source
 * object and the body of each opt-in for-expression) are read from the file; the few steps between them
 * (concat, the one-or-$or choice) are asserted to be written as this test composes them.
 */
class EventPatternTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern FOR_EXPRESSION =
            Pattern.compile("\\[for (\\w+) in (.+?) : (\\{.*})(?:\\s+if (.+))?]", Pattern.DOTALL);
    private static final String WEBAPP_ALARM = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:webapp-uptime";

    @Test
    void optedInByPrefixMatchesOnlyThatAlarmGoingToAlarm() throws IOException {
        EventPattern pattern = pattern("webapp-", List.of());
        assertThat(pattern.matches(HclJson.recordedEvent("webapp-uptime-alarm"))).isTrue();
        assertThat(pattern.matches(HclJson.recordedEvent("webapp-uptime-ok"))).isFalse();
        assertThat(pattern.matches(HclJson.recordedEvent("webapp-uptime-insufficient-data"))).isFalse();
        assertThat(pattern.matches(HclJson.recordedEvent("server-cpu-too-high-alarm"))).isFalse();
    }

    @Test
    void optedInByArnMatchesOnlyThatAlarmGoingToAlarm() throws IOException {
        EventPattern pattern = pattern(null, List.of(WEBAPP_ALARM));
        assertThat(pattern.matches(HclJson.recordedEvent("webapp-uptime-alarm"))).isTrue();
        assertThat(pattern.matches(HclJson.recordedEvent("webapp-uptime-ok"))).isFalse();
        assertThat(pattern.matches(HclJson.recordedEvent("server-cpu-too-high-alarm"))).isFalse();
    }

    @Test
    void prefixAndArnsTogetherMatchEitherButStillOnlyIntoAlarm() throws IOException {
        EventPattern pattern = pattern("Server", List.of(WEBAPP_ALARM));
        assertThat(pattern.toString()).contains("\"$or\"");
        assertThat(pattern.matches(HclJson.recordedEvent("webapp-uptime-alarm"))).isTrue();
        assertThat(pattern.matches(HclJson.recordedEvent("server-cpu-too-high-alarm"))).isTrue();
        assertThat(pattern.matches(HclJson.recordedEvent("webapp-uptime-ok"))).isFalse();
        assertThat(pattern(("autoremediate-"), List.of(WEBAPP_ALARM))
                .matches(HclJson.recordedEvent("server-cpu-too-high-alarm")))
                .isFalse();
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

    /** The pattern events.tf gives for {@code alarm_name_prefix} and the opted-in alarm ARNs. */
    static EventPattern pattern(String prefix, List<String> alarmArns) {
        String optIns = Modules.AUTOREMEDIATE.local("alarm_opt_ins").source();
        assertThat(optIns).startsWith("concat(").endsWith(")");
        List<HclExpression> parts = ((HclExpression.Tuple) HclReader.expression(
                "[" + optIns.substring("concat(".length(), optIns.length() - 1) + "]")).elements();
        assertThat(parts).hasSize(2);

        List<String> prefixes = prefix == null || prefix.isEmpty() ? List.of() : List.of(prefix);
        assertThat(Modules.AUTOREMEDIATE.local("alarm_name_prefixes").source())
                .isEqualTo("compact([var.alarm_name_prefix == null ? \"\" : var.alarm_name_prefix])");
        List<JsonNode> alternatives = new ArrayList<>();
        alternatives.addAll(forEach(parts.get(0), "local.alarm_name_prefixes", List.copyOf(prefixes), null));
        alternatives.addAll(forEach(parts.get(1), "[local.opted_in_alarm_arns]", List.of(alarmArns),
                "length(arns) > 0"));

        ObjectNode pattern = (ObjectNode) HclJson.of(Modules.AUTOREMEDIATE.local("alarm_event_source"), Map.of());
        String combination = Modules.AUTOREMEDIATE.local("alarm_event_pattern").source().replaceAll("\\s+", " ");
        assertThat(combination).isEqualTo("(length(local.alarm_opt_ins) == 1 "
                + "? jsonencode(merge(local.alarm_event_source, local.alarm_opt_ins[0])) "
                + ": jsonencode(merge(local.alarm_event_source, { \"$or\" = local.alarm_opt_ins })) )");
        if (alternatives.size() == 1) {
            pattern.setAll((ObjectNode) alternatives.get(0));
        } else {
            pattern.set("$or", NODES.arrayNode().addAll(alternatives));
        }
        return EventPattern.of(pattern);
    }

    /** Evaluates {@code [for VAR in SOURCE : {...} if CONDITION]} over {@code values}. */
    private static List<JsonNode> forEach(HclExpression expression, String source, List<Object> values,
            String condition) {
        Matcher matcher = FOR_EXPRESSION.matcher(expression.source());
        assertThat(matcher.matches()).as("a for-expression: %s", expression.source()).isTrue();
        assertThat(matcher.group(2)).isEqualTo(source);
        assertThat(matcher.group(4)).isEqualTo(condition);
        HclExpression body = HclReader.expression(matcher.group(3));
        List<JsonNode> results = new ArrayList<>();
        for (Object value : values) {
            if (condition != null && value instanceof List<?> list && list.isEmpty()) {
                continue; // length(arns) > 0
            }
            results.add(HclJson.of(body, Map.of(matcher.group(1), value)));
        }
        return results;
    }
}
