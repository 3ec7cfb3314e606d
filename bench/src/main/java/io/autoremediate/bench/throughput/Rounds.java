package io.autoremediate.bench.throughput;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Timed rounds, the same on both sides: a round repeats one operation (which returns the states it entered)
 * until at least the round's length has passed; its rate is states entered per second of the round. Also the
 * process's CPU time per state entered, which other processes on the machine change less than the rate.
 */
final class Rounds {
    private static final OperatingSystemMXBean SYSTEM =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One measured round. */
    record Round(double transitionsPerSecond, double cpuMicrosPerState) {
    }

    private Rounds() {
    }

    /** The measured rounds, after the warm-up rounds were thrown away. */
    static List<Round> measure(LongSupplier operation, int warmup, int measured, long roundMillis) {
        for (int i = 0; i < warmup; i++) {
            round(operation, roundMillis);
        }
        List<Round> rounds = new ArrayList<>(measured);
        for (int i = 0; i < measured; i++) {
            rounds.add(round(operation, roundMillis));
        }
        return rounds;
    }

    private static Round round(LongSupplier operation, long roundMillis) {
        long cpuStart = SYSTEM.getProcessCpuTime();
        long start = System.nanoTime();
        long transitions = 0;
        long elapsed;
        do {
            transitions += operation.getAsLong();
            elapsed = System.nanoTime() - start;
        } while (elapsed < roundMillis * 1_000_000L);
        double cpuMicros = (SYSTEM.getProcessCpuTime() - cpuStart) / 1e3;
        return new Round(transitions / (elapsed / 1e9), cpuMicros / transitions);
    }
}
