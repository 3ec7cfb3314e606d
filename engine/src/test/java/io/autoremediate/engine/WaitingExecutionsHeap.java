package io.autoremediate.engine;

import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the heap that executions parked in a Wait hold: starts N executions (default 10,000) on a
 * {@link VirtualClock}, waits until all are parked, and prints the live heap after a full GC. Run it with
 * the heap it must fit in, e.g. {@code -Xmx256m} (see engine/README.md); {@link WaitingExecutionsHeapTest}
 * does so in a child JVM. A second argument, a directory, journals the executions there. A measurement, not
 * a timed assertion.
 */
public final class WaitingExecutionsHeap {
    private static final StateMachineDefinition DEFINITION = StateMachineDefinition.parse("""
            {"StartAt":"Prepare","States":{
              "Prepare":{"Type":"Pass","Parameters":{"instance.$":"$.instance","attempt":1},"Next":"Cool down"},
              "Cool down":{"Type":"Wait","Seconds":3600,"Next":"Done"},
              "Done":{"Type":"Pass","End":true}}}""");

    private WaitingExecutionsHeap() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        VirtualClock clock = new VirtualClock();
        ExecutionRuntime.Builder builder = ExecutionRuntime.builder(new FunctionRegistry(), clock).threads(2);
        if (args.length > 1) {
            builder.journal(java.nio.file.Path.of(args[1]));
        }
        try (ExecutionRuntime runtime = builder.build()) {
            List<String> arns = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                arns.add(runtime.start(DEFINITION, new ExecutionRequest("heap-check", "execution-" + i,
                        Workflow.json("{\"instance\":\"i-" + String.format("%017d", i) + "\"}"))).executionArn());
            }
            // Polled on this thread, so no poller thread is counted or held in the heap measured below.
            await("all parked").atMost(Duration.ofMinutes(2)).pollInSameThread()
                    .until(() -> runtime.parkedCount() == count);
            long used = liveHeap();
            long max = Runtime.getRuntime().maxMemory();
            System.out.printf("parked %d executions%s; live heap %.1f MB (%d bytes, %.1f KB each) of max %.0f MB; "
                            + "%d threads%n", count, args.length > 1 ? " (journaled)" : "", used / 1048576.0, used, used / 1024.0 / count,
                    max / 1048576.0, Thread.activeCount());
            clock.advance(Duration.ofHours(1));
            for (String arn : arns) {
                ExecutionResult result = runtime.awaitCompletion(arn, Duration.ofMinutes(1));
                if (result.status() != ExecutionStatus.SUCCEEDED) {
                    throw new IllegalStateException(arn + " ended " + result.status());
                }
            }
            System.out.printf("all %d succeeded after the clock advanced an hour%n", count);
        }
    }

    private static long liveHeap() throws InterruptedException {
        // A pause after each collection lets the references it cleared be processed before the next: this is a
        // measurement, printed for the reader; no assertion races the pause.
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
