package io.autoremediate.engine.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The children of a Parallel or Map state in progress: each child's input, which have started, the threads
 * still running (by index) and the outputs of those that succeeded. Plain data, advanced by the interpreter one
 * child step at a time, so a whole execution's position can be persisted.
 */
public final class Fork {
    private final ArrayNode inputs;
    private final int maxConcurrency;
    private final JsonNode[] results;
    private final TreeMap<Integer, ExecutionThread> active = new TreeMap<>();
    private int started;
    private int failures;

    /**
     * @param maxConcurrency how many children may run at once; 0 for no limit
     */
    public Fork(ArrayNode inputs, int maxConcurrency) {
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        if (maxConcurrency < 0) {
            throw new IllegalArgumentException("maxConcurrency must not be negative: " + maxConcurrency);
        }
        this.maxConcurrency = maxConcurrency;
        this.results = new JsonNode[inputs.size()];
    }

    public ArrayNode inputs() {
        return inputs;
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    public int size() {
        return inputs.size();
    }

    public int started() {
        return started;
    }

    /** Restores how many children had started (for a persisted position). */
    void restoreStarted(int value) {
        started = value;
    }

    /** The running children, by index. */
    public Map<Integer, ExecutionThread> active() {
        return Collections.unmodifiableMap(active);
    }

    /** The output of a child that succeeded (or the stand-in of a tolerated failure), or {@code null}. */
    public JsonNode result(int index) {
        return results[index];
    }

    public boolean canStartAnother() {
        return started < inputs.size() && (maxConcurrency == 0 || active.size() < maxConcurrency);
    }

    /** Whether every child has ended, each having succeeded or failed with its failure tolerated. */
    public boolean allEnded() {
        return started == inputs.size() && active.isEmpty();
    }

    /** How many children have failed, tolerated or not. */
    public int failures() {
        return failures;
    }

    /** Restores how many children had failed (for a persisted position). */
    void restoreFailures(int value) {
        failures = value;
    }

    /** Reserves the next child's index. */
    int startNext(ExecutionThread thread) {
        int index = started++;
        active.put(index, thread);
        return index;
    }

    void put(int index, ExecutionThread thread) {
        active.put(index, thread);
    }

    void succeeded(int index, JsonNode output) {
        active.remove(index);
        results[index] = output;
    }

    void failed(int index) {
        active.remove(index);
        failures++;
    }

    /** A failed child's failure was tolerated: {@code standIn} takes its place among the outputs. */
    void tolerated(int index, JsonNode standIn) {
        results[index] = standIn;
    }

    /** Drops the running children, returning their indexes. */
    List<Integer> abortAll() {
        List<Integer> indexes = List.copyOf(active.keySet());
        active.clear();
        return indexes;
    }

    /** The children's outputs in index order, once all have ended. */
    public ArrayNode outputs() {
        ArrayNode outputs = Json.NODES.arrayNode();
        for (JsonNode result : results) {
            outputs.add(result);
        }
        return outputs;
    }
}
