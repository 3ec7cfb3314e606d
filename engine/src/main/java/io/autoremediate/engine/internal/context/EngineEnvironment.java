package io.autoremediate.engine.internal.context;

import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.FunctionRegistry;
import java.util.Objects;
import java.util.Random;

/** What the engine was built with: functions, time, randomness and the account and region for ARNs. */
public record EngineEnvironment(FunctionRegistry functions, EngineClock clock, Random random, String region,
                                String account, String roleArn, int historyEventLimit) {
    public EngineEnvironment {
        Objects.requireNonNull(functions, "functions");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(roleArn, "roleArn");
        if (historyEventLimit < 3) {
            throw new IllegalArgumentException("historyEventLimit must allow at least 3 events");
        }
    }
}
