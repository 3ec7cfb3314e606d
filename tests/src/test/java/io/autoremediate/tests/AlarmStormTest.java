package io.autoremediate.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.functions.alarm.AlarmReading;
import io.autoremediate.functions.alarm.AlarmStateReader;
import io.autoremediate.functions.incident.AlarmState;
import io.autoremediate.functions.incident.AlarmTimestamps;
import io.autoremediate.local.adapters.FolderRunbookStore;
import io.autoremediate.local.adapters.JsonLinesNotificationChannel;
import io.autoremediate.local.adapters.LocalShellCommandRunner;
import io.autoremediate.local.json.LocalJson;
import io.autoremediate.local.runtime.DuplicateExecutionException;
import io.autoremediate.local.runtime.LocalAdapters;
import io.autoremediate.local.runtime.LocalRuntime;
import io.autoremediate.local.runtime.RemediationOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 alarm events across 200 instances, a third of them duplicates, through the real state machine at
 * once: one execution per alarm change, never two runbooks at once on one instance, flapping alarms
 * stopped, nothing lost.
 */
class AlarmStormTest {

    private static final int INSTANCES = 200;
    private static final int HEALING_INSTANCES = 133;
    private static final Instant START = Instant.parse("2026-11-25T17:00:00Z");

    @TempDir
    Path dir;

    @Test
    void stormOfAlarmsIsHandledOncePerIncidentAndNeverTwiceAtOnceOnAnInstance() throws Exception {
        Path runbooks = Files.createDirectories(dir.resolve("remediations"));
        Path locks = Files.createDirectories(dir.resolve("locks"));
        Path alarms = Files.createDirectories(dir.resolve("alarms"));
        Path violations = dir.resolve("violations");
        // Every instance's runbook holds a lock for its run: finding the lock taken means two ran at once.
        String holdLock = "lock=\"$LOCKS/$AUTOREMEDIATE_INSTANCE_ID\"\n"
                + "mkdir \"$lock\" 2>/dev/null || { echo \"$AUTOREMEDIATE_INSTANCE_ID\" >> \"$VIOLATIONS\"; exit 1; }\n"
                + "echo \"$AUTOREMEDIATE_ALARM_NAME\" >> \"$RUNS\"\n"
                + "sleep 0.02\n";
        Files.writeString(runbooks.resolve("healing#Storm.sh"), holdLock
                + "echo OK > \"$ALARMS/$AUTOREMEDIATE_ALARM_NAME\"\nrmdir \"$lock\"\n");
        Files.writeString(runbooks.resolve("flapping#Storm.sh"), holdLock + "rmdir \"$lock\"\nexit 1\n");

        List<JsonNode> unique = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            boolean heals = i < HEALING_INSTANCES;
            String alarm = (heals ? "healing-" : "flapping-") + i;
            Files.writeString(alarms.resolve(alarm), "ALARM\n");
            for (int k = 0; k < (heals ? 3 : 4); k++) {
                unique.add(event(alarm, heals ? "healing" : "flapping", instanceId(i), START.plusSeconds(900L * k + i)));
            }
        }
        List<JsonNode> events = new ArrayList<>(unique);
        Random random = new Random(42);
        for (int d = 0; d < 333; d++) {
            events.add(unique.get(random.nextInt(unique.size())).deepCopy());
        }
        // Changes arrive in the order they happened (a quarter of an hour apart), duplicates wherever they fall.
        Collections.shuffle(events, random);
        events.sort((a, b) -> timestamp(a).compareTo(timestamp(b)));
        assertThat(events).hasSize(1_000);
        assertThat(unique).hasSize(667);

        LocalShellCommandRunner shell = new LocalShellCommandRunner(dir.resolve("out"), Map.of(
                "LOCKS", locks.toString(), "ALARMS", alarms.toString(), "VIOLATIONS", violations.toString(),
                "RUNS", dir.resolve("runs").toString()));
        RunbooksInFlight runbooksInFlight = new RunbooksInFlight(shell);
        LocalRuntime runtime = LocalRuntime.builder().adapters(new LocalAdapters(
                new FolderRunbookStore(runbooks), runbooksInFlight, new FolderAlarms(alarms),
                List.of(new JsonLinesNotificationChannel(dir.resolve("notices.jsonl"), Clock.systemUTC()))))
                .clock(new FastForwardClock(runbooksInFlight::anyRunning)).build();
        JsonNode settings = LocalJson.MAPPER.readTree("{\"maxGuardWaits\": 75000, \"guardWaitSeconds\": 1}");

        AtomicInteger duplicates = new AtomicInteger();
        Map<String, ExecutionResult> results = new ConcurrentHashMap<>();
        java.lang.management.ManagementFactory.getMemoryPoolMXBeans().forEach(
                java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        long startNanos = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<?>> futures = new ArrayList<>();
        int submitted = 0;
        for (JsonNode event : events) {
            if (submitted > 0 && wave(event) != wave(events.get(submitted - 1))) {
                awaitStarted(runtime, duplicates, submitted);
            }
            submitted++;
            futures.add(pool.submit(() -> {
                try {
                    ExecutionResult result = runtime.handle(event, settings, ExecutionListener.NONE);
                    results.put(result.executionArn(), result);
                } catch (DuplicateExecutionException e) {
                    duplicates.incrementAndGet();
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        runtime.close();
        shell.close();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        long peakHeap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.gc();
        Runtime jvm = Runtime.getRuntime();
        System.out.printf("alarm storm: 1000 events, %d executions, %d duplicates refused, %d ms, peak heap %d MB"
                        + " (max %d MB), live after GC with every history kept %d MB%n",
                results.size(), duplicates.get(), millis, peakHeap >> 20, jvm.maxMemory() >> 20,
                (jvm.totalMemory() - jvm.freeMemory()) >> 20);

        assertThat(results).hasSize(667);
        assertThat(duplicates.get()).isEqualTo(333);
        assertThat(violations).as("two runbooks at once on one instance").doesNotExist();
        Map<RemediationOutcome, Long> outcomes = new java.util.EnumMap<>(RemediationOutcome.class);
        results.values().forEach(r -> outcomes.merge(RemediationOutcome.of(r), 1L, Long::sum));
        // Each healing alarm is remediated once; its later changes find it healed (or wait, then find it healed).
        assertThat(outcomes.get(RemediationOutcome.REMEDIATED)).isEqualTo(HEALING_INSTANCES);
        assertThat(outcomes.get(RemediationOutcome.IGNORED)).isEqualTo(2L * HEALING_INSTANCES);
        // Each flapping alarm: three changes escalate after three failed runs each, the fourth trips the breaker.
        long flapping = results.values().stream().filter(r -> String.valueOf(r.cause()).startsWith("flapping:")).count();
        assertThat(flapping).isEqualTo(INSTANCES - HEALING_INSTANCES);
        assertThat(outcomes.get(RemediationOutcome.ESCALATED)).isEqualTo(4L * (INSTANCES - HEALING_INSTANCES));
        assertThat(outcomes).doesNotContainKey(RemediationOutcome.FAILED);
        List<String> runs = Files.readAllLines(dir.resolve("runs"));
        assertThat(runs.stream().filter(r -> r.startsWith("healing-"))).hasSize(HEALING_INSTANCES);
        assertThat(runs.stream().filter(r -> r.startsWith("flapping-"))).hasSize(9 * (INSTANCES - HEALING_INSTANCES));
        try (Stream<Path> held = Files.list(locks)) {
            assertThat(held).as("locks left behind").isEmpty();
        }
    }

    private static String instanceId(int i) {
        return String.format("i-%017x", 0xabc0000000L + i);
    }

    /** The quarter hour an event's change happened in: later changes arrive after earlier ones have started. */
    private static long wave(JsonNode event) {
        return java.time.Duration.between(START, timestamp(event)).toMinutes() / 15;
    }

    private static void awaitStarted(LocalRuntime runtime, AtomicInteger duplicates, int submitted) {
        await("the earlier changes started or refused").atMost(java.time.Duration.ofMinutes(5))
                .until(() -> runtime.executions().startedSince(Instant.EPOCH).size() + duplicates.get() >= submitted);
    }

    private static Instant timestamp(JsonNode event) {
        return AlarmTimestamps.parse(event.path("detail").path("state").path("timestamp").asText());
    }

    private static JsonNode event(String alarm, String metric, String instanceId, Instant changedAt) {
        ObjectNode event = (ObjectNode) Workflow.fixture("single-metric-alarm.json").deepCopy();
        ObjectNode detail = (ObjectNode) event.get("detail");
        detail.put("alarmName", alarm);
        event.putArray("resources").add("arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + alarm);
        ObjectNode metricNode = (ObjectNode) detail.at("/configuration/metrics/0/metricStat/metric");
        metricNode.put("name", metric);
        metricNode.put("namespace", "Storm");
        ((ObjectNode) metricNode.get("dimensions")).put("InstanceId", instanceId);
        ((ObjectNode) detail.get("state")).put("timestamp", AlarmTimestamps.format(changedAt));
        return event;
    }

    /** One state file per alarm, which the healing runbook sets to OK. */
    private record FolderAlarms(Path dir) implements AlarmStateReader {
        @Override
        public AlarmReading read(String alarmName) {
            try {
                return new AlarmReading(alarmName, AlarmState.valueOf(Files.readString(dir.resolve(alarmName)).strip()),
                        "file", Instant.now());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
