package io.autoremediate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test helper: runs a definition on a {@link VirtualClock} with in-process functions. */
final class Workflow {
    static final ObjectMapper JSON = new ObjectMapper();

    final FunctionRegistry functions = new FunctionRegistry();
    final VirtualClock clock = new VirtualClock();
    final List<HistoryEvent> heard = new ArrayList<>();
    private final String definition;
    private Random random = new Random(42);
    private int historyLimit = 25_000;

    private Workflow(String definition) {
        this.definition = definition;
    }

    static Workflow of(String definition) {
        return new Workflow(definition);
    }

    Workflow bind(String name, LambdaFunction fn) {
        functions.bind(name, fn);
        return this;
    }

    Workflow random(Random value) {
        random = value;
        return this;
    }

    Workflow historyLimit(int value) {
        historyLimit = value;
        return this;
    }

    ExecutionResult run(String input) {
        ExecutionRuntime.Builder engine = OneShot.runtime(functions, clock).random(random)
                .region("us-east-1").account("123456789012").historyEventLimit(historyLimit);
        return OneShot.execute(engine, StateMachineDefinition.parse(definition),
                new ExecutionRequest("remediation", "exec-1", json(input)), heard::add);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> types(ExecutionResult result) {
        return result.history().stream().map(HistoryEvent::type).toList();
    }

    /** A function that counts its calls and fails the first {@code failures} of them. */
    static final class Flaky implements LambdaFunction {
        private final int failures;
        private final String errorType;
        int calls;

        Flaky(int failures, String errorType) {
            this.failures = failures;
            this.errorType = errorType;
        }

        @Override
        public JsonNode invoke(JsonNode payload) {
            calls++;
            if (calls <= failures) {
                throw new FunctionErrorException(errorType, "attempt " + calls + " failed");
            }
            return json("{\"attempt\":" + calls + "}");
        }
    }
}
