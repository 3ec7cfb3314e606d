package io.autoremediate.bench.throughput;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Timed rounds, the same on both sides: a round repeats one operation (which returns the states it entered)
 * until at least the round's length has passed; its rate is states entered per second of the round.
 */
final class Rounds {

    private Rounds() {
    }

    /** The rates of the measured rounds, after the warm-up rounds were thrown away. */
    static List<Double> measure(LongSupplier operation, int warmup, int measured, long roundMillis) {
        for (int i = 0; i < warmup; i++) {
            round(operation, roundMillis);
        }
        List<Double> rates = new ArrayList<>(measured);
        for (int i = 0; i < measured; i++) {
            rates.add(round(operation, roundMillis));
        }
        return rates;
    }

    private static double round(LongSupplier operation, long roundMillis) {
        long start = System.nanoTime();
        long transitions = 0;
        long elapsed;
        do {
            transitions += operation.getAsLong();
            elapsed = System.nanoTime() - start;
        } while (elapsed < roundMillis * 1_000_000L);
        return transitions / (elapsed / 1e9);
    }
}
