package io.autoremediate.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.ExecutionStatus;
import io.autoremediate.functions.alarm.AlarmReading;
import io.autoremediate.functions.alarm.AlarmStateReader;
import io.autoremediate.functions.command.CommandRequest;
import io.autoremediate.functions.incident.AlarmState;
import io.autoremediate.functions.incident.InstanceIds;
import io.autoremediate.local.runtime.DuplicateExecutionException;
import io.autoremediate.local.runtime.RemediationOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of generated malformed and malicious alarm events through the real state machine: each ends in
 * a clean outcome, no field is ever executed, only valid targets are sent a command, nothing crashes.
 */
class HostileInputTest {

    private static final int EVENTS = 2_000;

    @TempDir
    Path dir;

    @Test
    void hostileEventsEndCleanlyAndNoFieldIsEverExecuted() throws Exception {
        Path marker = dir.resolve("pwned");
        try (Workflow workflow = new Workflow(dir, new FiresOnce())) {
            workflow.runbook("webapp-uptime#CustomNamespace.sh",
                    "printf '%s|%s\\n' \"$AUTOREMEDIATE_ALARM_NAME\" \"$AUTOREMEDIATE_INSTANCE_ID\" >> \"$WORK_DIR/seen\"");
            HostileEvents generator = new HostileEvents(Workflow.fixture("single-metric-alarm.json"), 7, marker);
            List<JsonNode> events = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                events.add(generator.variant(i));
            }

            List<ExecutionResult> results = new ArrayList<>();
            int duplicates = 0;
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<ExecutionResult>> futures = new ArrayList<>();
            for (JsonNode event : events) {
                futures.add(pool.submit(() -> workflow.handle(event, Map.of("maxGuardWaits", 75_000, "guardWaitSeconds", 1,
                        "maxIncidentsPerWindow", 100_000))));
            }
            for (Future<ExecutionResult> future : futures) {
                try {
                    results.add(future.get(5, TimeUnit.MINUTES));
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).as("only a duplicate may refuse to start").isInstanceOf(DuplicateExecutionException.class);
                    duplicates++;
                }
            }
            pool.shutdown();

            assertThat(marker).as("a field was executed").doesNotExist();
            assertThat(results.size() + duplicates).isEqualTo(EVENTS);
            for (ExecutionResult result : results) {
                assertThat(result.status()).isIn(ExecutionStatus.SUCCEEDED, ExecutionStatus.FAILED);
                if (result.status() == ExecutionStatus.FAILED) {
                    assertThat(result.error()).as(result.cause()).isEqualTo(RemediationOutcome.ESCALATED_ERROR);
                }
            }
            for (CommandRequest sent : workflow.sent) {
                assertThat(InstanceIds.isValid(sent.instanceId())).as(sent.instanceId()).isTrue();
                assertThat(sent.runbook().ref().location()).startsWith(workflow.runbooks.toString());
            }
            long remediated = results.stream().filter(r -> RemediationOutcome.of(r) == RemediationOutcome.REMEDIATED).count();
            long escalated = results.stream().filter(r -> RemediationOutcome.of(r) == RemediationOutcome.ESCALATED).count();
            System.out.printf("hostile events: %d run, %d duplicates, %d remediated, %d escalated, %d commands%n",
                    results.size(), duplicates, remediated, escalated, workflow.sent.size());
            assertThat(remediated).as("valid events with hostile text are still remediated").isPositive();
            assertThat(escalated).isPositive();
            assertThat(Files.exists(marker)).isFalse();
        }
    }

    /** Each alarm reads ALARM the first time it is read (the execution's own check) and OK after. */
    private static final class FiresOnce implements AlarmStateReader {
        private final java.util.Set<String> read = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public AlarmReading read(String alarmName) {
            AlarmState state = read.add(alarmName) ? AlarmState.ALARM : AlarmState.OK;
            return new AlarmReading(alarmName, state, "test", java.time.Instant.now());
        }
    }
}
