package io.autoremediate.local.sfn.protocol;

import java.math.BigDecimal;
import java.time.Instant;

/** Timestamps as the AWS JSON protocol carries them: epoch seconds, with milliseconds as the fraction. */
public final class Epoch {

    private Epoch() {
    }

    /** {@code 1700000000.123}: a plain decimal, never in exponent form, which every SDK parses. */
    public static BigDecimal seconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }
}
