package io.autoremediate.engine.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a thread of execution stands: the state, its raw input, and how far the state has got. Plain data
 * only, so an execution can be persisted between transitions and resumed.
 *
 * @param enteredTime      when the state was entered ({@code null} before), for {@code $$.State.EnteredTime}
 * @param enteredEventId   the id of the state's entered event, for error messages
 * @param retryCount       retries so far in this state, for {@code $$.State.RetryCount}
 * @param retrierAttempts  retries so far by each Retrier of the state
 * @param resumeAt         when the next step is due ({@code null}: now)
 * @param carried          what a suspended state handed to its resumption
 */
public record Cursor(String stateName, JsonNode input, Phase phase, Instant enteredTime, long enteredEventId,
                     int retryCount, List<Integer> retrierAttempts, Instant resumeAt, JsonNode carried) {

    /**
     * The steps of one state: record entering, run it (again on retry), resume it after a suspension, or
     * advance its children (Parallel, Map) until they join.
     */
    public enum Phase { ENTER, RUN, RESUME, CHILDREN }

    public Cursor {
        Objects.requireNonNull(stateName, "stateName");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(phase, "phase");
        retrierAttempts = List.copyOf(retrierAttempts);
    }

    public static Cursor enter(String stateName, JsonNode input) {
        return new Cursor(stateName, input, Phase.ENTER, null, 0, 0, List.of(), null, null);
    }

    public Cursor entered(Instant at, long eventId) {
        return new Cursor(stateName, input, Phase.RUN, at, eventId, 0, List.of(), null, null);
    }

    public Cursor suspended(Instant until, JsonNode carriedValue) {
        return new Cursor(stateName, input, Phase.RESUME, enteredTime, enteredEventId, retryCount, retrierAttempts,
                until, carriedValue);
    }

    /** Waits for the state's children ({@link Fork}) to join. */
    public Cursor forked() {
        return new Cursor(stateName, input, Phase.CHILDREN, enteredTime, enteredEventId, retryCount, retrierAttempts,
                null, null);
    }

    /** Runs the state again at {@code at}, counting one more retry for the retrier at {@code retrierIndex}. */
    public Cursor retrying(int retrierIndex, Instant at) {
        List<Integer> attempts = new ArrayList<>(retrierAttempts);
        while (attempts.size() <= retrierIndex) {
            attempts.add(0);
        }
        attempts.set(retrierIndex, attempts.get(retrierIndex) + 1);
        return new Cursor(stateName, input, Phase.RUN, enteredTime, enteredEventId, retryCount + 1, attempts, at,
                null);
    }
}
