package io.autoremediate.engine.internal.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.Objects;

/**
 * What running a state once yields. Failures are thrown as
 * {@link io.autoremediate.engine.internal.errors.StatesError}, so only the ways forward are here.
 */
public sealed interface Outcome {

    /** Completed; follow the state's own Next or End. */
    record Proceed(JsonNode output) implements Outcome {
    }

    /** Completed; go to this state (Choice picks its Next at run time). */
    record GoTo(String next, JsonNode output) implements Outcome {
    }

    /** Not finished: resume the state at {@code until}, handing it {@code carried} back. */
    record Suspend(Instant until, JsonNode carried) implements Outcome {
        public Suspend {
            Objects.requireNonNull(until, "until");
        }
    }

    /**
     * Not finished: run one child per input (Parallel branches, Map iterations), at most
     * {@code maxConcurrency} at once (0: no limit), then let the {@link ForkingState} join them.
     */
    record Fork(ArrayNode childInputs, int maxConcurrency) implements Outcome {
        public Fork {
            Objects.requireNonNull(childInputs, "childInputs");
        }
    }
}
