package io.autoremediate.local.events;

import static io.autoremediate.local.events.Fixtures.event;
import static io.autoremediate.local.events.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.local.cloudwatch.AlarmDefinition;
import io.autoremediate.local.cloudwatch.ComparisonOperator;
import io.autoremediate.local.cloudwatch.LocalAlarmEvaluator;
import io.autoremediate.local.cloudwatch.LocalMetricStore;
import io.autoremediate.local.cloudwatch.Statistic;
import io.autoremediate.local.cloudwatch.TreatMissingData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalEventBusTest {

    private static final JsonNode REMEDIATION_RULE = json("""
            {"source":["aws.cloudwatch"],"detail-type":["CloudWatch Alarm State Change"],
             "detail":{"state":{"value":["ALARM"]},"alarmName":[{"prefix":"webapp-"}]}}""");

    private final LocalEventBus bus = new LocalEventBus();

    @Test
    void alarmEventReachesOnlyTheMatchingRule() {
        List<JsonNode> remediations = new ArrayList<>();
        List<JsonNode> allAlarms = new ArrayList<>();
        bus.putRule("remediate-webapp", REMEDIATION_RULE, remediations::add);
        bus.putRule("audit-alarms", json("{\"source\":[\"aws.cloudwatch\"]}"), allAlarms::add);

        bus.putEvents(event("webapp-uptime-alarm"));
        bus.putEvents(event("webapp-uptime-ok"));
        bus.putEvents(event("server-cpu-too-high-alarm"));

        assertThat(remediations).extracting(e -> e.at("/detail/state/value").asText()).containsExactly("ALARM");
        assertThat(allAlarms).hasSize(3);
    }

    @Test
    void throwingTargetDoesNotStopOtherRulesAndLogsOneLine() {
        List<JsonNode> delivered = new ArrayList<>();
        bus.putRule("broken", REMEDIATION_RULE, e -> {
            throw new IllegalStateException("state machine not loaded");
        });
        bus.putRule("working", REMEDIATION_RULE, delivered::add);

        String stderr = captureStderr(() -> bus.putEvents(event("webapp-uptime-alarm")));

        assertThat(delivered).hasSize(1);
        assertThat(stderr.strip()).doesNotContain("\n").doesNotContain("\tat ")
                .contains("rule 'broken'").contains("state machine not loaded");
    }

    @Test
    void puttingARuleAgainReplacesIt() {
        List<JsonNode> first = new ArrayList<>();
        List<JsonNode> second = new ArrayList<>();
        bus.putRule("remediate-webapp", REMEDIATION_RULE, first::add);
        bus.putRule("remediate-webapp", REMEDIATION_RULE, second::add);

        bus.putEvents(event("webapp-uptime-alarm"));

        assertThat(first).isEmpty();
        assertThat(second).hasSize(1);
        assertThat(bus.ruleNames()).containsExactly("remediate-webapp");
    }

    @Test
    void invalidPatternIsRejectedWhenTheRuleIsPut() {
        assertThatThrownBy(() -> bus.putRule("remediate-webapp",
                json("{\"detail\":{\"alarmName\":[{\"prefx\":\"webapp-\"}]}}"), e -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule 'remediate-webapp'")
                .hasMessageContaining("detail.alarmName");
    }

    @Test
    void replacedPatternNoLongerMatchesWhatOnlyTheOldOneDid() {
        List<JsonNode> delivered = new ArrayList<>();
        bus.putRule("remediate", REMEDIATION_RULE, delivered::add);
        bus.putRule("remediate", json("{\"detail\":{\"alarmName\":[{\"prefix\":\"Server\"}]}}"), delivered::add);

        assertThat(bus.putEvents(event("webapp-uptime-alarm"))).isZero();
        assertThat(bus.putEvents(event("server-cpu-too-high-alarm"))).isOne();

        assertThat(delivered).extracting(e -> e.at("/detail/alarmName").asText()).containsExactly("ServerCpuTooHigh");
    }

    @Test
    void matchingRulesAreDeliveredInTheOrderTheyWereFirstPut() {
        List<String> order = new ArrayList<>();
        for (String name : List.of("c", "a", "b")) {
            bus.putRule(name, REMEDIATION_RULE, e -> order.add(name));
        }
        bus.putRule("a", REMEDIATION_RULE, e -> order.add("a again"));

        bus.putEvents(event("webapp-uptime-alarm"));

        assertThat(order).containsExactly("c", "a again", "b");
    }

    @Test
    void removedRuleNoLongerReceivesEvents() {
        List<JsonNode> delivered = new ArrayList<>();
        bus.putRule("remediate-webapp", REMEDIATION_RULE, delivered::add);

        assertThat(bus.removeRule("remediate-webapp")).isTrue();
        bus.putEvents(event("webapp-uptime-alarm"));

        assertThat(delivered).isEmpty();
    }

    @Test
    void evaluatorEventsFlowThroughTheRemediationRule() {
        LocalMetricStore store = new LocalMetricStore();
        LocalAlarmEvaluator evaluator = new LocalAlarmEvaluator(store, "123456789012", "us-east-1");
        evaluator.addListener(bus::putEvents);
        List<JsonNode> remediations = new ArrayList<>();
        bus.putRule("remediate-webapp", REMEDIATION_RULE, remediations::add);
        evaluator.putAlarm(new AlarmDefinition("webapp-uptime", "Webapp does not answer", "webapp-uptime",
                "CustomNamespace", Map.of("InstanceId", "i-1"), Statistic.Minimum, Duration.ofMinutes(1), 1, 1,
                ComparisonOperator.LessThanThreshold, 1.0, TreatMissingData.missing));
        Instant t0 = Instant.parse("2026-11-25T10:15:00Z");

        store.putMetricData("CustomNamespace", "webapp-uptime", Map.of("InstanceId", "i-1"), 1.0, t0);
        evaluator.evaluate(t0.plusSeconds(60));
        store.putMetricData("CustomNamespace", "webapp-uptime", Map.of("InstanceId", "i-1"), 0.0, t0.plusSeconds(60));
        evaluator.evaluate(t0.plusSeconds(120));

        assertThat(remediations).hasSize(1);
        assertThat(remediations.get(0).at("/detail/previousState/value").asText()).isEqualTo("OK");
    }

    private static String captureStderr(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
