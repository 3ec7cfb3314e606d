package io.autoremediate.engine;

/**
 * Test helper: one execution to its end, start-and-await on a fresh {@link ExecutionRuntime} that moves a
 * jumping clock over Waits, retry pauses and token timeouts as soon as nothing else can run.
 */
public final class OneShot {
    private OneShot() {
    }

    /** A runtime builder on these functions and this clock, advancing the clock when idle unless it is the system's. */
    public static ExecutionRuntime.Builder runtime(FunctionRegistry functions, EngineClock clock) {
        ExecutionRuntime.Builder builder = ExecutionRuntime.builder(functions, clock);
        return clock == EngineClock.system() ? builder : builder.advanceClockWhenIdle();
    }

    public static ExecutionResult execute(ExecutionRuntime.Builder runtime, StateMachineDefinition definition,
                                          ExecutionRequest request, ExecutionListener listener) {
        try (ExecutionRuntime running = runtime.build()) {
            return running.execute(definition, request, listener);
        }
    }

    public static ExecutionResult execute(FunctionRegistry functions, EngineClock clock,
                                          StateMachineDefinition definition, ExecutionRequest request,
                                          ExecutionListener listener) {
        return execute(runtime(functions, clock), definition, request, listener);
    }
}
