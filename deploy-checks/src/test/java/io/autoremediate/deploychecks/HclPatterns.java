package io.autoremediate.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.deploychecks.hcl.HclExpression;
import io.autoremediate.deploychecks.hcl.HclReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module's event patterns built by the Java HCL reader, for machines without terraform. The pieces (the
 * source object, the body of each opt-in for-expression, the backstop's object) are read from the files; the few
 * steps between them (concat, the one-or-$or choice) are asserted to be written as this class composes them.
 */
final class HclPatterns {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern FOR_EXPRESSION =
            Pattern.compile("\\[for (\\w+) in (.+?) : (\\{.*})(?:\\s+if (.+))?]", Pattern.DOTALL);

    private HclPatterns() {
    }

    /** The pattern events.tf gives for {@code alarm_name_prefix} and the opted-in alarm ARNs. */
    static JsonNode alarmPattern(String prefix, List<String> alarmArns) {
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
        return pattern;
    }

    /** local.backstop_event_pattern, as Terraform's jsonencode renders it for {@code stateMachineArn}. */
    static JsonNode backstopPattern(String stateMachineArn) {
        String source = Modules.AUTOREMEDIATE.local("backstop_event_pattern").source();
        assertThat(source).startsWith("jsonencode(").endsWith(")");
        HclExpression object = HclReader.expression(source.substring("jsonencode(".length(), source.length() - 1));
        Map<String, Object> bindings = Map.of(
                "aws_sfn_state_machine.remediation.arn", stateMachineArn,
                "local.escalated_error", Modules.AUTOREMEDIATE.local("escalated_error").asString());
        return HclJson.of(object, bindings);
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
