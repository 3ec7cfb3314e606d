package io.autoremediate.bench.throughput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.ExecutionRequest;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.ExecutionRuntime;
import io.autoremediate.engine.ExecutionStatus;
import io.autoremediate.engine.FunctionRegistry;
import io.autoremediate.engine.StateMachineDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine side of the throughput comparison, in its own JVM: the loop (20 executions of 5,000 iterations
 * started at once on an {@link ExecutionRuntime} with its default pool, a fresh runtime per batch so finished
 * executions do not pile up) and the Map over 2,000 items (one {@code execute} at a time). Prints one JSON object with the rate of every measured round.
 *
 * <p>Usage: {@code EngineThroughput DEFINITIONS_DIR WARMUP_ROUNDS MEASURED_ROUNDS ROUND_MILLIS}
 */
public final class EngineThroughput {

    static final int LOOP_ITERATIONS = 5_000;
    static final int LOOP_CONCURRENCY = 20;
    static final int MAP_ITEMS = 2_000;
    /** Check and Increment per iteration, then the last Check and Done. */
    static final long LOOP_TRANSITIONS = 2L * LOOP_ITERATIONS + 2;
    /** The Map state and one Pass per item. */
    static final long MAP_TRANSITIONS = 1L + MAP_ITEMS;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Runs the Map (and the count check) one execution after another, keeping none of them once ended. */
    private final ExecutionRuntime oneAtATime = ExecutionRuntime.builder(new FunctionRegistry(), EngineClock.system())
            .forgetEnded().build();
    private final StateMachineDefinition loop;
    private final StateMachineDefinition map;

    private EngineThroughput(Path definitions) throws IOException {
        loop = StateMachineDefinition.parse(Files.readString(definitions.resolve("loop.asl.json")));
        map = StateMachineDefinition.parse(Files.readString(definitions.resolve("map.asl.json")));
    }

    public static void main(String[] args) throws Exception {
        EngineThroughput bench = new EngineThroughput(Path.of(args[0]));
        int warmup = Integer.parseInt(args[1]);
        int measured = Integer.parseInt(args[2]);
        long roundMillis = Long.parseLong(args[3]);
        bench.checkTransitionCounts();
        ObjectNode report = MAPPER.createObjectNode();
        report.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        report.set("loop", rates(Rounds.measure(bench::loopOnce, warmup, measured, roundMillis)));
        report.set("map", rates(Rounds.measure(bench::mapOnce, warmup, measured, roundMillis)));
        System.out.println(MAPPER.writeValueAsString(report));
    }

    /** The rates are computed from fixed counts; make sure the engine's history agrees with them. */
    private void checkTransitionCounts() {
        long loopEntered = entered(run(loop, loopInput()));
        long mapEntered = entered(run(map, mapInput()));
        if (loopEntered != LOOP_TRANSITIONS || mapEntered != MAP_TRANSITIONS) {
            throw new IllegalStateException("expected " + LOOP_TRANSITIONS + " and " + MAP_TRANSITIONS
                    + " states entered, the history shows " + loopEntered + " and " + mapEntered);
        }
    }

    private long loopOnce() {
        try (ExecutionRuntime runtime = ExecutionRuntime.builder(new FunctionRegistry(), EngineClock.system())
                .build()) {
            List<String> running = new ArrayList<>(LOOP_CONCURRENCY);
            for (int i = 0; i < LOOP_CONCURRENCY; i++) {
                running.add(runtime.start(loop, new ExecutionRequest("bench", null, loopInput())).executionArn());
            }
            for (String arn : running) {
                ExecutionResult result = runtime.awaitCompletion(arn, Duration.ofMinutes(5));
                if (result.status() != ExecutionStatus.SUCCEEDED || result.output().path("i").asInt() != LOOP_ITERATIONS) {
                    throw new IllegalStateException("loop ended " + result.status() + " " + result.output());
                }
            }
            return LOOP_CONCURRENCY * LOOP_TRANSITIONS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("loop execution did not end in 5 minutes", e);
        }
    }

    private long mapOnce() {
        JsonNode output = run(map, mapInput()).output();
        if (output.size() != MAP_ITEMS || output.get(MAP_ITEMS - 1).path("v").asInt() != 2 * (MAP_ITEMS - 1)) {
            throw new IllegalStateException("map output is wrong");
        }
        return MAP_TRANSITIONS;
    }

    private ExecutionResult run(StateMachineDefinition definition, JsonNode input) {
        ExecutionResult result = oneAtATime.execute(definition, new ExecutionRequest("bench", null, input),
                ExecutionListener.NONE);
        if (result.status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("execution " + result.status() + ": " + result.error() + " "
                    + result.cause());
        }
        return result;
    }

    private static JsonNode loopInput() {
        return MAPPER.createObjectNode().put("i", 0).put("n", LOOP_ITERATIONS);
    }

    private static JsonNode mapInput() {
        ObjectNode input = MAPPER.createObjectNode();
        ArrayNode items = input.putArray("items");
        for (int v = 0; v < MAP_ITEMS; v++) {
            items.addObject().put("v", v);
        }
        return input;
    }

    private static long entered(ExecutionResult result) {
        return result.history().stream().filter(event -> event.type().endsWith("StateEntered")).count();
    }

    private static ArrayNode rates(List<Rounds.Round> rounds) {
        ArrayNode array = MAPPER.createArrayNode();
        rounds.forEach(round -> array.addObject().put("transitionsPerSecond", round.transitionsPerSecond())
                .put("cpuMicrosPerState", round.cpuMicrosPerState()));
        return array;
    }
}
