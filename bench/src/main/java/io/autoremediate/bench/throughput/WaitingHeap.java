package io.autoremediate.bench.throughput;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.ExecutionRequest;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.ExecutionRuntime;
import io.autoremediate.engine.ExecutionStatus;
import io.autoremediate.engine.FunctionRegistry;
import io.autoremediate.engine.StateMachineDefinition;
import io.autoremediate.engine.VirtualClock;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap held by many executions parked in a one-hour Wait, in its own JVM (run it with {@code -Xmx256m} so
 * going over the target fails outright). Mode {@code runtime}: started on an {@link ExecutionRuntime}, where a
 * Wait parks the execution on a timer queue and holds no thread. (A one-thread-per-execution mode went with
 * the caller-thread driver: every execution now runs on the runtime.)
 *
 * <p>Usage: {@code WaitingHeap DEFINITIONS_DIR COUNT runtime}
 */
public final class WaitingHeap {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WaitingHeap() {
    }

    public static void main(String[] args) throws Exception {
        Path definitions = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        ObjectNode report = onRuntime(definitions, count);
        System.out.println(MAPPER.writeValueAsString(report));
    }

    private static ObjectNode onRuntime(Path definitions, int count) throws Exception {
        StateMachineDefinition wait = StateMachineDefinition.parse(Files.readString(definitions.resolve("wait.asl.json")));
        VirtualClock clock = new VirtualClock();
        try (ExecutionRuntime runtime = ExecutionRuntime.builder(new FunctionRegistry(), clock).build()) {
            // One execution first, so the engine's classes and caches are in the baseline.
            runtime.start(wait, new ExecutionRequest("wait", "warm", null));
            awaitParked(runtime, 1);
            clock.advance(Duration.ofHours(2));
            runtime.awaitCompletion(runtime.list().get(0).executionArn(), Duration.ofMinutes(1));
            long before = settledHeapUsed();
            List<String> arns = new ArrayList<>(count);
            for (int n = 0; n < count; n++) {
                arns.add(runtime.start(wait, new ExecutionRequest("wait", "e-" + n,
                        MAPPER.createObjectNode().put("n", n))).executionArn());
            }
            awaitParked(runtime, count);
            long during = settledHeapUsed();
            long rss = residentBytes();
            int threads = Thread.activeCount();
            clock.advance(Duration.ofHours(2));
            for (String arn : arns) {
                ExecutionResult result = runtime.awaitCompletion(arn, Duration.ofMinutes(2));
                if (result.status() != ExecutionStatus.SUCCEEDED) {
                    throw new IllegalStateException(arn + " ended " + result.status());
                }
            }
            return report(count, "ExecutionRuntime (" + threads + " live threads)", before, during, rss);
        }
    }

    private static void awaitParked(ExecutionRuntime runtime, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (runtime.parkedCount() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + runtime.parkedCount() + " of " + count + " parked");
            }
            Thread.sleep(10);
        }
    }

    private static ObjectNode report(int count, String mode, long before, long during, long rss) {
        ObjectNode report = MAPPER.createObjectNode();
        report.put("count", count);
        report.put("mode", mode);
        report.put("heapBeforeBytes", before);
        report.put("heapWaitingBytes", during);
        report.put("rssBytes", rss);
        report.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        return report;
    }

    private static long settledHeapUsed() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** VmRSS from /proc, or -1 where there is none. */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
