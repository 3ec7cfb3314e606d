package io.autoremediate.bench.throughput;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.ExecutionRequest;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.ExecutionRuntime;
import io.autoremediate.engine.ExecutionStatus;
import io.autoremediate.engine.FunctionRegistry;
import io.autoremediate.engine.StateMachineDefinition;
import io.autoremediate.engine.StateMachineEngine;
import io.autoremediate.engine.VirtualClock;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Heap held by many executions parked in a one-hour Wait, in its own JVM (run it with {@code -Xmx256m} so
 * going over the target fails outright). Mode {@code runtime}: started on an {@link ExecutionRuntime}, where a
 * Wait parks the execution on a timer queue and holds no thread. Mode {@code threads}: each execution runs
 * through {@link StateMachineEngine#execute} on its own platform thread blocked in the clock (thread stacks are
 * native memory, outside the heap figure; the resident size shows them).
 *
 * <p>Usage: {@code WaitingHeap DEFINITIONS_DIR COUNT runtime|threads}
 */
public final class WaitingHeap {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WaitingHeap() {
    }

    /** A virtual clock whose Waits block on a gate the benchmark opens once it has measured. */
    private static final class GateClock implements EngineClock {
        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicInteger parked = new AtomicInteger();
        private final VirtualClock time = new VirtualClock();

        @Override
        public Instant now() {
            return time.now();
        }

        @Override
        public void sleepUntil(Instant deadline) throws InterruptedException {
            parked.incrementAndGet();
            gate.await();
            time.sleepUntil(deadline);
        }
    }

    public static void main(String[] args) throws Exception {
        Path definitions = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        ObjectNode report = "threads".equals(args[2]) ? onThreads(definitions, count) : onRuntime(definitions, count);
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

    private static ObjectNode onThreads(Path definitions, int count) throws Exception {
        StateMachineDefinition wait = StateMachineDefinition.parse(Files.readString(definitions.resolve("wait.asl.json")));
        GateClock clock = new GateClock();
        StateMachineEngine engine = new StateMachineEngine(new FunctionRegistry(), clock);

        // One execution first, so the engine's classes and caches are in the baseline, not in the per-execution cost.
        GateClock warmClock = new GateClock();
        warmClock.gate.countDown();
        new StateMachineEngine(new FunctionRegistry(), warmClock)
                .execute(wait, new ExecutionRequest("wait", "warm", null), ExecutionListener.NONE);
        long before = settledHeapUsed();

        List<ExecutionResult> results = new ArrayList<>(count);
        List<Thread> threads = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            ExecutionRequest request = new ExecutionRequest("wait", "e-" + n, MAPPER.createObjectNode().put("n", n));
            Thread thread = new Thread(null, () -> {
                ExecutionResult result = engine.execute(wait, request, ExecutionListener.NONE);
                synchronized (results) {
                    results.add(result);
                }
            }, "wait-" + n, 256 * 1024);
            thread.start();
            threads.add(thread);
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (clock.parked.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + clock.parked.get() + " of " + count + " reached the Wait");
            }
            Thread.sleep(10);
        }
        long during = settledHeapUsed();
        long rss = residentBytes();

        clock.gate.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long succeeded = results.stream().filter(r -> r.status() == ExecutionStatus.SUCCEEDED).count();
        if (succeeded != count) {
            throw new IllegalStateException(succeeded + " of " + count + " waiting executions succeeded");
        }
        return report(count, "one platform thread each (StateMachineEngine.execute)", before, during, rss);
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
