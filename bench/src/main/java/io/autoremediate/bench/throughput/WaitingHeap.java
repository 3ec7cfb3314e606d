package io.autoremediate.bench.throughput;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.ExecutionRequest;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.ExecutionStatus;
import io.autoremediate.engine.FunctionRegistry;
import io.autoremediate.engine.StateMachineDefinition;
import io.autoremediate.engine.StateMachineEngine;
import io.autoremediate.engine.VirtualClock;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Heap held by many executions parked in a one-hour Wait, in its own JVM (run it with {@code -Xmx256m} so
 * going over the target fails outright). The public API runs an execution on its caller's thread, so each
 * waiting execution here is a platform thread blocked in {@link EngineClock#sleepUntil}; thread stacks are
 * native memory, outside the heap figure, and reported separately as the process's resident size.
 *
 * <p>Usage: {@code WaitingHeap DEFINITIONS_DIR COUNT}
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
        ObjectNode report = MAPPER.createObjectNode();
        report.put("count", count);
        report.put("mode", "one platform thread per execution (StateMachineEngine.execute)");
        report.put("heapBeforeBytes", before);
        report.put("heapWaitingBytes", during);
        report.put("rssBytes", rss);
        report.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        System.out.println(MAPPER.writeValueAsString(report));
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
